/* accords-news-view.h: every imported news item, searchable, with a reader pane */
#pragma once

#include <gtk/gtk.h>

#include "accords-context.h"
#include "accords-item.h"
#include "accords-search-sidebar.h"
#include "accords-searcher.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_NEWS_VIEW (accords_news_view_get_type ())

G_DECLARE_FINAL_TYPE (AccordsNewsView, accords_news_view, ACCORDS, NEWS_VIEW, GtkWidget)

GtkWidget   *accords_news_view_new           (void);
void         accords_news_view_set_context   (AccordsNewsView *self,
                                              AccordsContext  *context);
/* The items shown, in their order (a lazy model: rows are read as needed) */
GListModel  *accords_news_view_get_items     (AccordsNewsView *self);
AccordsItem *accords_news_view_get_selected  (AccordsNewsView *self);
void         accords_news_view_select        (AccordsNewsView *self,
                                              guint            position);
void         accords_news_view_set_search    (AccordsNewsView *self,
                                              const char      *text);
/* 0: every feed */
void         accords_news_view_set_feed      (AccordsNewsView *self,
                                              gint64           feed_id);
/* What is selected in the Atlas (NULL: nothing), and how to name it in the
 * filter chip ("US–Rwanda", "Rwanda") */
void         accords_news_view_set_selection (AccordsNewsView *self,
                                              const char      *country,
                                              const char      *agreement,
                                              const char      *label);
/* "follow-selection": the list shows only the news about the selected
 * agreement, or country when no agreement is selected (action
 * news.follow-selection; news.clear-about turns it off) */
gboolean     accords_news_view_get_follow_selection (AccordsNewsView *self);
void         accords_news_view_set_follow_selection (AccordsNewsView *self,
                                                     gboolean         follow);
/* Selects the item and scrolls to it, showing every item first if a search
 * or a filter hides it; FALSE when there is no such item */
gboolean     accords_news_view_show_item     (AccordsNewsView *self,
                                              gint64           item_id);
/* Moves the focus to the list, unless it is in the view already: where
 * the reading keys (j, k, m, s…) act rather than type */
void         accords_news_view_focus_list    (AccordsNewsView *self);
/* The markup the reader pane shows, for tests */
const char  *accords_news_view_get_reader_markup (AccordsNewsView *self);
/* The countries and agreements the reader pane says the item is about */
const char  *accords_news_view_get_reader_links  (AccordsNewsView *self);
/* The saved searches beside the list (news.save-search names the current
 * search with its feed and its country or agreement) */
AccordsSearchSidebar *accords_news_view_get_search_sidebar (AccordsNewsView *self);
/* What marks the search's matches in the rows and the reader, off the main
 * thread: its "finished" says the marks are there */
AccordsSearcher *accords_news_view_get_highlighter   (AccordsNewsView *self);
/* "12 matches" while a search is typed, else "" */
const char  *accords_news_view_get_match_count       (AccordsNewsView *self);
/* The reader's title as shown (markup while a search marks it) */
const char  *accords_news_view_get_reader_title_markup (AccordsNewsView *self);

/* Narrows the list to items dated from since to until (YYYY[-MM[-DD]];
 * NULL: no bound), and by their links, as the narrowing popover does */
void accords_news_view_set_dates  (AccordsNewsView   *self,
                                   const char        *since,
                                   const char        *until);
void accords_news_view_set_linked (AccordsNewsView   *self,
                                   AccordsItemLinked  linked);

G_END_DECLS
