/* accords-window.h: the main window: countries, the map and the agreements */
#pragma once

#include <adwaita.h>

#include "accords-agreement-view.h"
#include "accords-context.h"
#include "accords-country-list.h"
#include "accords-country-pane.h"
#include "accords-feeds-view.h"
#include "accords-history.h"
#include "accords-map-view.h"
#include "accords-news-view.h"
#include "accords-notes-page.h"
#include "accords-search-panel.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_WINDOW (accords_window_get_type ())

G_DECLARE_FINAL_TYPE (AccordsWindow, accords_window, ACCORDS, WINDOW, AdwApplicationWindow)

/* settings may be NULL: nothing is remembered then */
AccordsWindow        *accords_window_new                  (GtkApplication *application,
                                                           AccordsContext *context,
                                                           GSettings      *settings);
AccordsContext       *accords_window_get_context          (AccordsWindow  *self);
AccordsCountryPane   *accords_window_get_country_pane     (AccordsWindow  *self);
AccordsAgreementView *accords_window_get_agreement_view   (AccordsWindow  *self);
AccordsMapView       *accords_window_get_map_view         (AccordsWindow  *self);
/* The agreements listed for the selected country (all of them when none is) */
GListModel           *accords_window_get_agreements       (AccordsWindow  *self);
void                  accords_window_select_country       (AccordsWindow  *self,
                                                           const char     *code);
const char           *accords_window_get_selected_country (AccordsWindow  *self);
void                  accords_window_select_agreement     (AccordsWindow  *self,
                                                           const char     *slug);
const char           *accords_window_get_selected_agreement (AccordsWindow *self);
/* Imports the files in the background, with progress, a toast with the
 * counts and a dialog naming each rejected file; FALSE while another import
 * runs. */
gboolean              accords_window_import_files         (AccordsWindow  *self,
                                                           GFile         **files,
                                                           guint           n_files);
AccordsNewsView      *accords_window_get_news_view        (AccordsWindow  *self);
/* The Feeds view; win.refresh-feeds (F5) fetches every subscription */
AccordsFeedsView     *accords_window_get_feeds_view       (AccordsWindow  *self);
/* The Notes view.  Actions for other views: win.cite-source and
 * win.cite-item (an int64 id) cite into the open note; win.export;
 * win.show-item (an int64 id) shows a news item in the News view, and
 * win.show-news-about the news about the selected agreement or country */
AccordsNotesPage     *accords_window_get_notes_page       (AccordsWindow  *self);
/* The search of the news, the notes and the agreements in the header bar
 * (win.search-everything, Ctrl+K); a hit opens in its page */
AccordsSearchPanel   *accords_window_get_search_panel     (AccordsWindow  *self);
/* The window's undo and redo stacks */
AccordsHistory       *accords_window_get_history          (AccordsWindow  *self);
/* The countries the pane lists, with their agreements' strongest status */
AccordsCountryList   *accords_window_get_countries        (AccordsWindow  *self);

G_END_DECLS
