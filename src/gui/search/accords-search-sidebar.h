/* accords-search-sidebar.h: the saved searches beside the News list, each with its unread count */
#pragma once

#include <gtk/gtk.h>

#include "accords-saved-search.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_SEARCH_SIDEBAR (accords_search_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AccordsSearchSidebar, accords_search_sidebar, ACCORDS, SEARCH_SIDEBAR, GtkWidget)

/* Lists the store's saved searches, again whenever the store says items,
 * links or saved searches changed: the counts follow imports and reading.
 * Hidden while there are none. */
void        accords_search_sidebar_set_store     (AccordsSearchSidebar    *self,
                                                  AccordsStore            *store);
/* The saved searches listed (AccordsSavedSearch), by name; empty until the
 * first "loaded" */
GPtrArray  *accords_search_sidebar_get_searches  (AccordsSearchSidebar    *self);
const AccordsSavedSearch *accords_search_sidebar_lookup (AccordsSearchSidebar *self,
                                                         const char           *name);
/* Emits "search-activated" for the saved search named name, as a click on
 * its row does; FALSE when there is none */
gboolean    accords_search_sidebar_activate      (AccordsSearchSidebar    *self,
                                                  const char              *name);
/* Asks for a name, then saves query with filter's narrowing under it */
void        accords_search_sidebar_ask_save      (AccordsSearchSidebar    *self,
                                                  const char              *query,
                                                  const AccordsItemFilter *filter);
/* Saves at once, without asking; a failure shows in a toast */
void        accords_search_sidebar_save          (AccordsSearchSidebar    *self,
                                                  const char              *name,
                                                  const char              *query,
                                                  const AccordsItemFilter *filter);

G_END_DECLS
