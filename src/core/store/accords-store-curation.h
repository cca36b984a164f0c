/* accords-store-curation.h: what editing the dataset needs from the store beyond saving an agreement */
#pragma once

#include <gio/gio.h>

#include "accords-store.h"

G_BEGIN_DECLS

/* Gives a stored agreement a new id; its notes and links follow it. */
gboolean        accords_store_rename_agreement (AccordsStore    *self,
                                                const char      *slug,
                                                const char      *new_slug,
                                                GError         **error);

/* Every row that deleting an agreement takes with it, found by following the
 * schema's ON DELETE CASCADE foreign keys from the agreement row (its parts,
 * its notes, its links to news items, and whatever later tables hang on
 * them), plus the references that ON DELETE SET NULL would clear.  Restoring
 * it puts back each row with its own ids, so nothing that pointed at them
 * breaks. */
typedef struct _AccordsCascade AccordsCascade;

void            accords_cascade_free           (AccordsCascade  *cascade);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsCascade, accords_cascade_free)

const char     *accords_cascade_get_slug       (AccordsCascade  *cascade);
/* Rows of this table that go (the agreement row itself counts in "agreement") */
guint           accords_cascade_count          (AccordsCascade  *cascade,
                                                const char      *table);

/* What deleting would take, without deleting */
AccordsCascade *accords_store_snapshot_cascade (AccordsStore    *self,
                                                const char      *slug,
                                                GError         **error);
/* Deletes the agreement and returns what went with it, in one transaction */
AccordsCascade *accords_store_delete_cascade   (AccordsStore    *self,
                                                const char      *slug,
                                                GError         **error);
gboolean        accords_store_restore_cascade  (AccordsStore    *self,
                                                AccordsCascade  *cascade,
                                                GError         **error);

/* The source row of this URL, or NULL when there is none */
gpointer        accords_store_load_source_by_url (AccordsStore  *self,
                                                const char      *url,
                                                GError         **error);
/* Writes the source row of its URL exactly as given: empty fields are
 * cleared (saving an agreement only ever fills them in). */
gboolean        accords_store_write_source     (AccordsStore    *self,
                                                gpointer         source,
                                                GError         **error);

/* Every source in the database, by title: a GListStore of AccordsSource */
GListStore     *accords_store_load_sources     (AccordsStore    *self,
                                                GError         **error);

G_END_DECLS
