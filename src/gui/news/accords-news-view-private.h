/* accords-news-view-private.h: what the news view's files share: its
 * columns (accords-news-view-columns.c), its search marks and saved
 * searches (accords-news-view-search.c) and the rest of the view */
#pragma once

#include <adwaita.h>

#include "accords-error.h"
#include "accords-html-markup.h"
#include "accords-item-list.h"
#include "accords-news-view.h"
#include "accords-search-highlight.h"
#include "accords-search-sidebar.h"
#include "accords-searcher.h"
#include "accords-store-items.h"
#include "accords-store-links.h"
#include "accords-util.h"
#include "accords-widget-util.h"

G_BEGIN_DECLS

/* Columns, in the order they are added */
typedef enum {
  COLUMN_DATE,
  COLUMN_TITLE,
  COLUMN_FEED,
  N_COLUMNS
} Column;

typedef struct {
  AccordsNewsView *view;
  Column           column;
} Probe;

/* A flag the view has set on an item and the store has yet to write */
typedef struct {
  gint64          item_id;
  AccordsItemFlag flag;
  gboolean        value;
} PendingMark;

/* How long a mark waits for another writer (an import) before trying again */
#define MARK_RETRY_MS 1000

struct _AccordsNewsView
{
  GtkWidget           parent_instance;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_side;
  GtkWidget          *reader_side;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *feed_dropdown;
  GtkRevealer        *about_revealer;
  GtkLabel           *about_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkStack           *reader_stack;
  GtkScrolledWindow  *reader_scroller;
  GtkLabel           *reader_title;
  GtkLabel           *reader_meta;
  GtkLabel           *reader_links;
  GtkWidget          *reader_open_button;
  GtkButton          *reader_read_button;
  GtkButton          *reader_star_button;
  GtkLabel           *reader_body;
  GtkLabel           *reader_categories;
  AccordsSearchSidebar *search_sidebar;
  GtkLabel           *match_count;
  GtkMenuButton      *narrow_button;
  GtkEntry           *since_entry;
  GtkEntry           *until_entry;
  GtkDropDown        *linked_dropdown;

  AccordsContext     *context;
  AccordsItemList    *items;
  GtkSingleSelection *selection;
  GtkStringList      *feed_names;
  GArray             *feed_ids;        /* gint64, parallel to feed_names */
  GPtrArray          *feed_titles;     /* char *, parallel to feed_names */
  GArray             *feed_unread;     /* guint, parallel to feed_names; 0: all feeds */
  Probe               probes[N_COLUMNS];
  int                 probed_column;   /* set while probing the view's sorter */
  gboolean            updating_feeds;
  /* what the window has selected, and whether the list keeps to it */
  char               *selected_country;
  char               *selected_agreement;
  char               *selected_label;
  gboolean            follow_selection;
  guint               scroll_source;
  /* the item the reader shows, 0: none */
  gint64              shown_id;
  /* while the list reloads, the selected item is let go (so that the
   * selection does not look through every row for it) and found again */
  guint               hold_depth;
  gint64              held_id;
  gboolean            restoring;
  /* marks in the order they were made, written as soon as the store can */
  GArray             *pending_marks;
  guint               retry_source;
  /* the search's marks, for the rows and the reader */
  AccordsSearcher    *highlighter;
  char               *highlighted;     /* the query and filter it last searched */
  GHashTable         *marked_titles;   /* item id -> title markup */
  GHashTable         *matched_words;   /* what the search matched, case folded */
  GHashTable         *bound_titles;    /* the title labels shown -> their AccordsItem */
};

/* The hits whose titles the search marks exactly; other rows highlight the
 * words those hits matched */
#define MARKED_HITS 200

void
_accords_news_view_add_column (AccordsNewsView *self,
                               Column           column,
                               const char      *title,
                               gboolean         expand,
                               int              fixed_width);

void
_accords_news_view_apply_about (AccordsNewsView *self);

GtkLabel *
_accords_news_view_cell_label (GtkListItem *list_item);

char *
_accords_news_view_format_date (const char *iso);

void
_accords_news_view_highlight_reader (AccordsNewsView *self,
                                     AccordsItem     *item);

void
_accords_news_view_highlighter_finished_cb (AccordsNewsView *self);

void
_accords_news_view_hold_selection (AccordsNewsView *self);

void
_accords_news_view_restore_selection (AccordsNewsView *self);

void
_accords_news_view_save_search_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter);

void
_accords_news_view_saved_search_activated_cb (AccordsNewsView *self,
                                              const char      *name);

void
_accords_news_view_show_item (AccordsNewsView *self,
                              AccordsItem     *item,
                              gboolean         keep_scroll);

void
_accords_news_view_title_bound_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   AccordsNewsView          *self);

void
_accords_news_view_title_unbound_cb (GtkSignalListItemFactory *factory,
                                     GtkListItem              *list_item,
                                     AccordsNewsView          *self);

void
_accords_news_view_update_search (AccordsNewsView *self,
                                  guint            shown);

void
_accords_news_view_update_star_button (GtkButton *button,
                                       gboolean   starred);

void
_accords_news_view_view_sorter_changed_cb (AccordsNewsView *self);

void
_accords_news_view_init_narrowing (AccordsNewsView *self);

G_END_DECLS
