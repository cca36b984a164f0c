/* accords-autosave.h: saves a note's text shortly after typing stops */
#pragma once

#include <gio/gio.h>

#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_AUTOSAVE (accords_autosave_get_type ())

G_DECLARE_FINAL_TYPE (AccordsAutosave, accords_autosave, ACCORDS, AUTOSAVE, GObject)

/* Saves the text given to accords_autosave_set_text() once it has been left
 * alone for the delay, and at the latest max-wait after the first unsaved
 * change, so that steady typing is saved too.  Each save is one transaction
 * in a worker thread, on a connection of its own to the store's file.
 * Signals: "saved" (the note's new modification time), "failed" (a GError).
 * The "pending" property is TRUE while some text is not yet saved. */
/* saved_text: the note's text as the store holds it now */
AccordsAutosave *accords_autosave_new          (AccordsStore    *store,
                                                gint64           note_id,
                                                const char      *saved_text);
gint64           accords_autosave_get_note_id  (AccordsAutosave *self);
/* Milliseconds of quiet before a save (default 750) */
guint            accords_autosave_get_delay    (AccordsAutosave *self);
void             accords_autosave_set_delay    (AccordsAutosave *self,
                                                guint            delay_ms);
/* Longest time text stays unsaved while typing goes on (default 1000 ms) */
guint            accords_autosave_get_max_wait (AccordsAutosave *self);
void             accords_autosave_set_max_wait (AccordsAutosave *self,
                                                guint            max_wait_ms);
/* The text as the note stands now */
void             accords_autosave_set_text     (AccordsAutosave *self,
                                                const char      *body);
gboolean         accords_autosave_get_pending  (AccordsAutosave *self);
/* Saves now, on the calling thread, when anything is unsaved */
gboolean         accords_autosave_flush        (AccordsAutosave *self,
                                                GError         **error);
/* Drops unsaved text: for a note about to be deleted */
void             accords_autosave_discard      (AccordsAutosave *self);

G_END_DECLS
