/* accords-store-agreements.h: reading and writing agreements and their parts */
#pragma once

#include <gio/gio.h>

#include "accords-agreement.h"
#include "accords-iso-codes.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* Makes the country table hold every country iso-codes knows */
gboolean          accords_store_sync_countries    (AccordsStore     *self,
                                                   AccordsIsoCodes  *iso_codes,
                                                   GError          **error);
gboolean          accords_store_has_country       (AccordsStore     *self,
                                                   const char       *code);

/* Every agreement (country NULL) or those the country is party to, fully
 * loaded, ordered by title: a GListStore of AccordsAgreement. */
GListStore       *accords_store_load_agreements   (AccordsStore     *self,
                                                   const char       *country,
                                                   GError          **error);
AccordsAgreement *accords_store_load_agreement    (AccordsStore     *self,
                                                   const char       *slug,
                                                   GError          **error);
gboolean          accords_store_has_agreement     (AccordsStore     *self,
                                                   const char       *slug);
guint             accords_store_count_agreements  (AccordsStore     *self);

/* Inserts or replaces (by slug) the agreement and all its parts, in one
 * transaction, and recomputes its derived display status. */
gboolean          accords_store_save_agreement    (AccordsStore     *self,
                                                   AccordsAgreement *agreement,
                                                   GError          **error);
gboolean          accords_store_delete_agreement  (AccordsStore     *self,
                                                   const char       *slug,
                                                   GError          **error);

G_END_DECLS
