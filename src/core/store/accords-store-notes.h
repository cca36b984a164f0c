/* accords-store-notes.h: research notes in the store, their search and what they cite */
#pragma once

#include <gio/gio.h>

#include "accords-citation.h"
#include "accords-note.h"
#include "accords-reference.h"
#include "accords-store.h"

G_BEGIN_DECLS

typedef enum {
  ACCORDS_NOTE_SCOPE_ALL,
  ACCORDS_NOTE_SCOPE_AGREEMENT,   /* the notes of one agreement (by slug) */
  ACCORDS_NOTE_SCOPE_COUNTRY,     /* the notes attached to one country */
  ACCORDS_NOTE_SCOPE_FREE,        /* notes attached to nothing */
} AccordsNoteScope;

/* A new note attached to the agreement (slug), the country, or (both NULL)
 * nothing; its title is the first line of body. */
AccordsNote *accords_store_create_note       (AccordsStore      *self,
                                              const char        *agreement,
                                              const char        *country,
                                              const char        *body,
                                              GError           **error);
AccordsNote *accords_store_load_note         (AccordsStore      *self,
                                              gint64             id,
                                              GError           **error);
/* Writes body and the title it gives in one transaction: the note is
 * either wholly the old or wholly the new text.  updated_out: the new
 * modification time, or NULL. */
gboolean     accords_store_save_note_body    (AccordsStore      *self,
                                              gint64             id,
                                              const char        *body,
                                              char             **updated_out,
                                              GError           **error);
/* Gives the note a new title by rewriting its first line */
gboolean     accords_store_rename_note       (AccordsStore      *self,
                                              gint64             id,
                                              const char        *title,
                                              GError           **error);
/* Deletes the note and returns it as it was, for accords_store_restore_note() */
AccordsNote *accords_store_delete_note       (AccordsStore      *self,
                                              gint64             id,
                                              GError           **error);
/* Puts a deleted note back, with its id, dates and attachment */
gboolean     accords_store_restore_note      (AccordsStore      *self,
                                              AccordsNote       *note,
                                              GError           **error);
/* Newest first: a GListStore of AccordsNote.  key is the agreement's slug or
 * the country code for those scopes, else ignored. */
GListStore  *accords_store_list_notes        (AccordsStore      *self,
                                              AccordsNoteScope   scope,
                                              const char        *key,
                                              GError           **error);
/* Notes matching a full-text query, best first (limit 0: all).  Text that is
 * not valid FTS5 syntax is searched as plain words. */
GListStore  *accords_store_search_notes      (AccordsStore      *self,
                                              const char        *query,
                                              guint              limit,
                                              GError           **error);
guint        accords_store_count_notes       (AccordsStore      *self);

/* What a citation points at; a reference marked missing when the row is gone */
AccordsReference *accords_store_load_reference (AccordsStore        *self,
                                                AccordsCitationKind  kind,
                                                gint64               id,
                                                GError             **error);
/* The works body cites, once each, in the order first cited: a GListStore
 * of AccordsReference */
GListStore  *accords_store_load_note_references (AccordsStore   *self,
                                                 const char     *body,
                                                 GError        **error);
/* What a note on the agreement can cite: its sources in their order, then
 * the news items linked to it (unless the link was rejected), newest first;
 * a GListStore of AccordsReference */
GListStore  *accords_store_list_citable      (AccordsStore      *self,
                                              const char        *agreement,
                                              GError           **error);
/* Fails, naming where (a file name), the line and the marker, when body
 * cites a source or item the store does not hold */
gboolean     accords_store_check_citations   (AccordsStore      *self,
                                              const char        *body,
                                              const char        *where,
                                              GError           **error);

G_END_DECLS
