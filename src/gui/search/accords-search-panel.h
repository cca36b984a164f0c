/* accords-search-panel.h: one search field for the news, the notes and the agreements, with grouped results */
#pragma once

#include <gtk/gtk.h>

#include "accords-search.h"
#include "accords-searcher.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_SEARCH_PANEL (accords_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (AccordsSearchPanel, accords_search_panel, ACCORDS, SEARCH_PANEL, GtkWidget)

void             accords_search_panel_set_store    (AccordsSearchPanel *self,
                                                    AccordsStore       *store);
/* What searches as the text changes (its delay, its counters: for tests) */
AccordsSearcher *accords_search_panel_get_searcher (AccordsSearchPanel *self);
GtkEditable     *accords_search_panel_get_entry    (AccordsSearchPanel *self);
/* "News 1,234 · Notes 3 · Agreements 2", as shown above the results */
const char      *accords_search_panel_get_summary  (AccordsSearchPanel *self);
/* The hits shown for group */
guint            accords_search_panel_get_n_hits   (AccordsSearchPanel *self,
                                                    AccordsSearchGroup  group);
/* The markup of the title of the hit at position of group */
const char      *accords_search_panel_get_hit_markup (AccordsSearchPanel *self,
                                                      AccordsSearchGroup  group,
                                                      guint               position);
/* Emits "hit-activated" for it, as a click does */
void             accords_search_panel_activate_hit (AccordsSearchPanel *self,
                                                    AccordsSearchGroup  group,
                                                    guint               position);

G_END_DECLS
