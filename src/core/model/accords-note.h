/* accords-note.h: a research note: Markdown that cites sources and news items */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_NOTE (accords_note_get_type ())

G_DECLARE_FINAL_TYPE (AccordsNote, accords_note, ACCORDS, NOTE, GObject)

AccordsNote *accords_note_new                (void);
gint64       accords_note_get_id             (AccordsNote *self);
void         accords_note_set_id             (AccordsNote *self,
                                              gint64       id);
/* The title is the body's first line, without Markdown heading marks */
const char  *accords_note_get_title          (AccordsNote *self);
const char  *accords_note_get_body           (AccordsNote *self);
void         accords_note_set_body           (AccordsNote *self,
                                              const char  *body);
const char  *accords_note_get_created        (AccordsNote *self);
void         accords_note_set_created        (AccordsNote *self,
                                              const char  *created);
const char  *accords_note_get_updated        (AccordsNote *self);
void         accords_note_set_updated        (AccordsNote *self,
                                              const char  *updated);
/* The agreement it is attached to (its slug), or NULL */
const char  *accords_note_get_agreement      (AccordsNote *self);
void         accords_note_set_agreement      (AccordsNote *self,
                                              const char  *slug);
/* The country it is attached to (ISO 3166-1 alpha-2), or NULL */
const char  *accords_note_get_country        (AccordsNote *self);
void         accords_note_set_country        (AccordsNote *self,
                                              const char  *country);
/* The title to show: the title, or "Untitled note" when the body is empty */
const char  *accords_note_get_display_title  (AccordsNote *self);

/* The first non-blank line of body, with leading "#" marks and surrounding
 * blanks removed, at most 200 characters */
char        *accords_note_title_from_body    (const char  *body);
/* body with its first line replaced by "# title" (or title prepended when
 * body does not start with a title line) */
char        *accords_note_body_with_title    (const char  *body,
                                              const char  *title);
/* Words in body, citation markers not counted */
guint        accords_note_count_words        (const char  *body);

G_END_DECLS
