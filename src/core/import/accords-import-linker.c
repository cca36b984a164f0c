/* accords-import-linker.c: the linker that imports and relinks use, built from the store */
#define G_LOG_DOMAIN "accords-import-linker"

#include "config.h"

#include "accords-gazetteer.h"
#include "accords-import-linker.h"
#include "accords-store-agreements.h"

AccordsLinker *
accords_import_new_linker (AccordsStore     *self,
                           AccordsIsoCodes  *iso_codes,
                           GError          **error)
{
  g_autoptr(AccordsGazetteer) gazetteer = NULL;
  g_autoptr(GListStore) agreements = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (iso_codes), NULL);

  gazetteer = accords_gazetteer_new (iso_codes, error);
  if (gazetteer == NULL)
    return NULL;
  /* every code the gazetteer finds must name a stored country */
  if (!accords_store_sync_countries (self, iso_codes, error))
    return NULL;
  agreements = accords_store_load_agreements (self, NULL, error);
  if (agreements == NULL)
    return NULL;
  return accords_linker_new (gazetteer, G_LIST_MODEL (agreements), error);
}
