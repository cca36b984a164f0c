/* accords-import-linker.h: the linker that imports and relinks use, built from the store */
#pragma once

#include "accords-iso-codes.h"
#include "accords-linker.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* A linker for the store's agreements and the built-in gazetteer; makes
 * sure the store knows every country the gazetteer can name. */
AccordsLinker *accords_import_new_linker (AccordsStore     *store,
                                          AccordsIsoCodes  *iso_codes,
                                          GError          **error);

G_END_DECLS
