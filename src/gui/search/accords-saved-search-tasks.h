/* accords-saved-search-tasks.h: saved searches read and written off the main thread */
#pragma once

#include <gio/gio.h>

#include "accords-saved-search.h"

G_BEGIN_DECLS

/* accords_saved_search_list() with counts, on a worker's connection */
void       accords_saved_search_list_async  (AccordsStore         *store,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* A GPtrArray of AccordsSavedSearch, or NULL with error */
GPtrArray *accords_saved_search_list_finish (AccordsStore         *store,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Saves (accords_saved_search_add()) on a worker's connection; store emits
 * "changed" (ACCORDS_STORE_CHANGE_SEARCHES) once it is written */
void       accords_saved_search_add_async   (AccordsStore            *store,
                                             const char              *name,
                                             const char              *query,
                                             const AccordsItemFilter *filter,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
/* Renames, or removes when new_name is NULL, the same way */
void       accords_saved_search_rename_async (AccordsStore           *store,
                                              const char             *name,
                                              const char             *new_name,
                                              GAsyncReadyCallback     callback,
                                              gpointer                user_data);
/* For either of the writes */
gboolean   accords_saved_search_edit_finish (AccordsStore         *store,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
