/* accords-dataset.h: agreements as JSON, for the CLI, dataset exchange and the embedded seed */
#pragma once

#include <json-glib/json-glib.h>

#include "accords-agreement.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* Reads one agreement object.  where names it in messages ("agreements[3]"). */
AccordsAgreement *accords_agreement_from_json   (JsonNode          *node,
                                                 const char        *where,
                                                 GError           **error);
JsonNode         *accords_agreement_to_json     (AccordsAgreement  *agreement);

/* Checks what the schema cannot: dates that exist, known countries, http(s)
 * URLs, a title, a well-formed id.  The message names the field; it is the
 * first issue accords_agreement_check() (accords-validation.h) finds. */
gboolean          accords_agreement_validate    (AccordsAgreement  *agreement,
                                                 AccordsStore      *store,
                                                 GError           **error);

/* The agreements of a dataset document ({"format": "accords-dataset",
 * "version": 1, "agreements": [...]}) or of a bare array.  A format other
 * than accords-dataset or a version other than 1 is refused. */
JsonArray        *accords_dataset_get_agreements (JsonNode         *root,
                                                 const char        *where,
                                                 GError           **error);

/* Loads every agreement of a dataset document ({"agreements": [...]}) or a
 * bare array of agreements into the store, in one transaction: all or none. */
gboolean          accords_dataset_load          (AccordsStore      *store,
                                                 JsonNode          *root,
                                                 const char        *where,
                                                 guint             *n_loaded,
                                                 GError           **error);
/* Adds the agreements to the open object as its "agreements" array */
void              accords_dataset_add_agreements (JsonBuilder      *builder,
                                                 GListModel        *agreements);
JsonNode         *accords_dataset_to_json       (AccordsStore      *store,
                                                 GError           **error);

/* The dataset as export-dataset writes it: pretty JSON and a newline */
char             *accords_dataset_to_data       (AccordsStore      *store,
                                                 gsize             *length,
                                                 guint             *n_agreements,
                                                 GError           **error);
/* Writes it to file from a worker thread with its own connection */
void              accords_dataset_export_async  (AccordsStore        *store,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean          accords_dataset_export_finish (GAsyncResult      *result,
                                                 guint             *n_agreements,
                                                 GError           **error);

/* Seeds a new database from the embedded dataset, once. */
gboolean          accords_dataset_seed          (AccordsStore      *store,
                                                 GError           **error);

G_END_DECLS
