/* accords-note-editor.h: a note's Markdown, saved as it is typed, with its citations */
#pragma once

#include <gtksourceview/gtksource.h>

#include "accords-citation.h"
#include "accords-context.h"
#include "accords-note.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_NOTE_EDITOR (accords_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (AccordsNoteEditor, accords_note_editor, ACCORDS, NOTE_EDITOR, GtkWidget)

GtkWidget       *accords_note_editor_new             (void);
void             accords_note_editor_set_context     (AccordsNoteEditor   *self,
                                                      AccordsContext      *context);
/* Saves the note shown before, then shows note (NULL: none) */
void             accords_note_editor_set_note        (AccordsNoteEditor   *self,
                                                      AccordsNote         *note);
AccordsNote     *accords_note_editor_get_note        (AccordsNoteEditor   *self);
/* Inserts a citation marker at the cursor; FALSE when no note is shown */
gboolean         accords_note_editor_insert_citation (AccordsNoteEditor   *self,
                                                      AccordsCitationKind  kind,
                                                      gint64               id);
/* Gives the note a new title, as an edit of its first line that undo reverts */
void             accords_note_editor_set_title       (AccordsNoteEditor   *self,
                                                      const char          *title);
/* Saves what is unsaved now */
gboolean         accords_note_editor_flush           (AccordsNoteEditor   *self,
                                                      GError             **error);
gboolean         accords_note_editor_get_pending     (AccordsNoteEditor   *self);
/* Drops what is unsaved: for a note being deleted */
void             accords_note_editor_discard         (AccordsNoteEditor   *self);
GtkSourceBuffer *accords_note_editor_get_buffer      (AccordsNoteEditor   *self);
GtkSourceView   *accords_note_editor_get_view        (AccordsNoteEditor   *self);
/* The works the note cites, in citation order: AccordsReference */
GListModel      *accords_note_editor_get_citations   (AccordsNoteEditor   *self);
GtkListBox      *accords_note_editor_get_citations_list (AccordsNoteEditor *self);
guint            accords_note_editor_get_word_count  (AccordsNoteEditor   *self);
/* The tag that shows citation markers */
GtkTextTag      *accords_note_editor_get_citation_tag (AccordsNoteEditor  *self);

G_END_DECLS
