/* accords-notes-page.h: the Notes view: notes by agreement, country or none, the editor, what to cite */
#pragma once

#include <adwaita.h>

#include "accords-citation.h"
#include "accords-context.h"
#include "accords-note-editor.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_NOTES_PAGE (accords_notes_page_get_type ())

G_DECLARE_FINAL_TYPE (AccordsNotesPage, accords_notes_page, ACCORDS, NOTES_PAGE, GtkWidget)

typedef enum {
  ACCORDS_NOTES_PAGE_AGREEMENT,
  ACCORDS_NOTES_PAGE_COUNTRY,
  ACCORDS_NOTES_PAGE_FREE,
  ACCORDS_NOTES_PAGE_ALL,
} AccordsNotesPageScope;

GtkWidget         *accords_notes_page_new             (void);
void               accords_notes_page_set_context     (AccordsNotesPage     *self,
                                                       AccordsContext       *context);
/* The window's selection: what "this agreement" and "this country" are */
void               accords_notes_page_set_agreement   (AccordsNotesPage     *self,
                                                       const char           *slug);
void               accords_notes_page_set_country     (AccordsNotesPage     *self,
                                                       const char           *code);
void               accords_notes_page_set_scope       (AccordsNotesPage     *self,
                                                       AccordsNotesPageScope scope);
/* Full-text search of every note; "" lists the scope again */
void               accords_notes_page_set_search      (AccordsNotesPage     *self,
                                                       const char           *text);
/* Opens the note (it is listed if the scope hides it) */
gboolean           accords_notes_page_open_note       (AccordsNotesPage     *self,
                                                       gint64                id);
/* Inserts a citation at the cursor of the open note, starting a note on the
 * agreement first when none is open */
gboolean           accords_notes_page_cite            (AccordsNotesPage     *self,
                                                       AccordsCitationKind   kind,
                                                       gint64                id);
AccordsNoteEditor *accords_notes_page_get_editor      (AccordsNotesPage     *self);
/* The notes listed: AccordsNote */
GListModel        *accords_notes_page_get_notes       (AccordsNotesPage     *self);
/* What the open note can cite: AccordsReference */
GListModel        *accords_notes_page_get_citable     (AccordsNotesPage     *self);
GtkListBox        *accords_notes_page_get_citable_list (AccordsNotesPage    *self);
/* Saves the open note now */
gboolean           accords_notes_page_flush           (AccordsNotesPage     *self,
                                                       GError              **error);

G_END_DECLS
