/* accords-news-view.c: every imported news item, searchable, with a reader pane */
#define G_LOG_DOMAIN "accords-news-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-html-markup.h"
#include "accords-item-list.h"
#include "accords-news-view.h"
#include "accords-store-items.h"
#include "accords-util.h"

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

struct _AccordsNewsView
{
  GtkWidget           parent_instance;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_side;
  GtkWidget          *reader_side;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *feed_dropdown;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkStack           *reader_stack;
  GtkScrolledWindow  *reader_scroller;
  GtkLabel           *reader_title;
  GtkLabel           *reader_meta;
  GtkWidget          *reader_open_button;
  GtkLabel           *reader_body;
  GtkLabel           *reader_categories;

  AccordsContext     *context;
  AccordsItemList    *items;
  GtkSingleSelection *selection;
  GtkStringList      *feed_names;
  GArray             *feed_ids;        /* gint64, parallel to feed_names */
  Probe               probes[N_COLUMNS];
  int                 probed_column;   /* set while probing the view's sorter */
  gboolean            updating_feeds;
};

G_DEFINE_FINAL_TYPE (AccordsNewsView, accords_news_view, GTK_TYPE_WIDGET)

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (accords_str_empty (iso))
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  if (column != COLUMN_TITLE)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  AccordsItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *date = NULL;

  switch (column)
    {
    case COLUMN_DATE:
      date = format_date (accords_str_empty (accords_item_get_published (item))
                          ? accords_item_get_updated (item) : accords_item_get_published (item));
      gtk_label_set_label (label, date);
      break;

    case COLUMN_TITLE:
      gtk_label_set_label (label, accords_str_empty (accords_item_get_title (item))
                                  ? _("(untitled)") : accords_item_get_title (item));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), accords_item_get_title (item));
      break;

    case COLUMN_FEED:
    case N_COLUMNS:
    default:
      gtk_label_set_label (label, accords_item_get_feed_title (item));
      break;
    }
}

/* GTK 4.8 cannot tell which column the view sorts by; each column's sorter
 * notes when the view consults it, so one comparison reveals the primary
 * column and, by the sign of the result, its direction.  The sort itself
 * happens in SQL, keeping the model lazy. */
static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  if (probe->view->probed_column < 0)
    probe->view->probed_column = probe->column;
  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (AccordsNewsView *self)
{
  GtkSorter *sorter;
  g_autoptr(GObject) probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;
  AccordsItemSort sort;
  gboolean descending;

  if (self->items == NULL || self->column_view == NULL)
    return;

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, probe_a, probe_b);
  if (self->probed_column < 0)
    {
      /* no column chosen: newest first */
      accords_item_list_set_sort (self->items, ACCORDS_ITEM_SORT_DATE, TRUE);
      return;
    }

  descending = order == GTK_ORDERING_LARGER;
  switch (self->probed_column)
    {
    case COLUMN_TITLE: sort = ACCORDS_ITEM_SORT_TITLE; break;
    case COLUMN_FEED: sort = ACCORDS_ITEM_SORT_FEED; break;
    case COLUMN_DATE:
    default: sort = ACCORDS_ITEM_SORT_DATE; break;
    }
  accords_item_list_set_sort (self->items, sort, descending);
}

static void
add_column (AccordsNewsView *self,
            Column           column,
            const char      *title,
            gboolean         expand,
            int              fixed_width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  GtkCustomSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);

  self->probes[column].view = self;
  self->probes[column].column = column;
  sorter = gtk_custom_sorter_new (probe_sort_cb, &self->probes[column], NULL);
  gtk_column_view_column_set_sorter (col, GTK_SORTER (sorter));
  g_object_unref (sorter);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

static void
show_item (AccordsNewsView *self,
           AccordsItem     *item)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *date = NULL;
  const char *html, *link;
  const char * const *categories;

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->reader_stack, "none");
      gtk_label_set_markup (self->reader_body, "");
      return;
    }

  gtk_label_set_label (self->reader_title, accords_str_empty (accords_item_get_title (item))
                                           ? _("(untitled)") : accords_item_get_title (item));
  g_string_append (meta, accords_item_get_feed_title (item));
  date = format_date (accords_str_empty (accords_item_get_published (item))
                      ? accords_item_get_updated (item) : accords_item_get_published (item));
  if (*date)
    g_string_append_printf (meta, " · %s", date);
  if (!accords_str_empty (accords_item_get_author (item)))
    g_string_append_printf (meta, " · %s", accords_item_get_author (item));
  gtk_label_set_label (self->reader_meta, meta->str);

  link = accords_item_get_link (item);
  gtk_widget_set_visible (self->reader_open_button, !accords_str_empty (link));
  gtk_widget_set_tooltip_text (self->reader_open_button, link);

  html = accords_item_get_html (item);
  if (!accords_str_empty (html))
    markup = accords_html_to_markup (html);
  else
    {
      const char *text = accords_str_empty (accords_item_get_content_text (item))
                         ? accords_item_get_summary_text (item) : accords_item_get_content_text (item);
      markup = g_markup_escape_text (accords_str_or_empty (text), -1);
    }
  gtk_label_set_markup (self->reader_body, markup);

  categories = accords_item_get_categories (item);
  if (categories && categories[0])
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) categories);
      g_autofree char *text = g_strdup_printf (_("Categories: %s"), joined);
      gtk_label_set_label (self->reader_categories, text);
      gtk_widget_set_visible (GTK_WIDGET (self->reader_categories), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->reader_categories), FALSE);

  gtk_stack_set_visible_child_name (self->reader_stack, "item");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->reader_scroller), 0);
}

static void
selection_changed_cb (AccordsNewsView *self)
{
  AccordsItem *item = gtk_single_selection_get_selected_item (self->selection);

  show_item (self, item);
  if (item != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->reader_side);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.open-link",
                                 item != NULL && !accords_str_empty (accords_item_get_link (item)));
}

static void
update_list_stack (AccordsNewsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "items");
  else if (self->context && accords_store_count_items (accords_context_get_store (self->context)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
}

static void
reload_feeds (AccordsNewsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = NULL;
  gint64 selected_id = 0;
  guint selected = gtk_drop_down_get_selected (self->feed_dropdown);
  guint new_selected = 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gint64 all_feeds = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->feed_ids->len)
    selected_id = g_array_index (self->feed_ids, gint64, selected);

  feeds = accords_store_list_feeds (accords_context_get_store (self->context), &error);
  if (feeds == NULL)
    {
      g_warning ("Cannot list feeds: %s", error->message);
      return;
    }

  self->updating_feeds = TRUE;
  g_array_set_size (self->feed_ids, 0);
  g_ptr_array_add (names, g_strdup (_("All feeds")));
  g_array_append_val (self->feed_ids, all_feeds);
  for (guint i = 0; i < feeds->len; i++)
    {
      AccordsFeedRow *row = g_ptr_array_index (feeds, i);

      if (g_strcmp0 (row->kind, "url") == 0 && row->n_items == 0)
        continue;   /* subscriptions not fetched yet have nothing to show */
      g_ptr_array_add (names, g_strdup (accords_str_empty (row->title) ? row->url : row->title));
      g_array_append_val (self->feed_ids, row->id);
      if (row->id == selected_id)
        new_selected = self->feed_ids->len - 1;
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->feed_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->feed_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->feed_dropdown, new_selected);
  self->updating_feeds = FALSE;
  accords_item_list_set_feed (self->items, g_array_index (self->feed_ids, gint64, new_selected));
}

static void
store_changed_cb (AccordsNewsView *self,
                  guint            what)
{
  if (what & (ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_ITEMS))
    reload_feeds (self);
  update_list_stack (self);
}

static void
feed_selected_cb (AccordsNewsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->feed_dropdown);

  if (self->updating_feeds || self->items == NULL || selected >= self->feed_ids->len)
    return;
  accords_item_list_set_feed (self->items, g_array_index (self->feed_ids, gint64, selected));
  update_list_stack (self);
}

static void
search_changed_cb (AccordsNewsView *self)
{
  if (self->items == NULL)
    return;
  accords_item_list_set_search (self->items, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_list_stack (self);
}

static void
items_changed_cb (AccordsNewsView *self)
{
  update_list_stack (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsNewsView *self = ACCORDS_NEWS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsNewsView *self = ACCORDS_NEWS_VIEW (widget);
  AccordsItem *item = gtk_single_selection_get_selected_item (self->selection);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (item == NULL || accords_str_empty (accords_item_get_link (item)))
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, accords_item_get_link (item), GDK_CURRENT_TIME);
}

static gboolean
activate_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (label));

  /* the reader only ever renders http, https and mailto links */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static void
accords_news_view_dispose (GObject *object)
{
  AccordsNewsView *self = (AccordsNewsView *) object;
  GtkWidget *child;

  if (self->column_view)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          view_sorter_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_NEWS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->feed_names);
  g_clear_object (&self->context);
  g_clear_pointer (&self->feed_ids, g_array_unref);

  G_OBJECT_CLASS (accords_news_view_parent_class)->dispose (object);
}

static void
accords_news_view_class_init (AccordsNewsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_news_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-news-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, list_side);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_side);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, feed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_meta);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_open_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_body);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_categories);

  gtk_widget_class_install_action (widget_class, "news.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "news.open-link", NULL, open_link_action);
  gtk_widget_class_set_css_name (widget_class, "newsview");
}

static void
accords_news_view_init (AccordsNewsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->feed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->feed_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->feed_dropdown, G_LIST_MODEL (self->feed_names));
  self->probed_column = -1;

  add_column (self, COLUMN_DATE, _("Date"), FALSE, 140);
  add_column (self, COLUMN_TITLE, _("Title"), TRUE, -1);
  add_column (self, COLUMN_FEED, _("Feed"), FALSE, 160);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->feed_dropdown, "notify::selected", G_CALLBACK (feed_selected_cb), self);
  g_signal_connect (self->reader_body, "activate-link", G_CALLBACK (activate_link_cb), NULL);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (view_sorter_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.open-link", FALSE);
}

GtkWidget *
accords_news_view_new (void)
{
  return g_object_new (ACCORDS_TYPE_NEWS_VIEW, NULL);
}

void
accords_news_view_set_context (AccordsNewsView *self,
                               AccordsContext  *context)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));
  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->items = accords_item_list_new (context);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (accords_context_get_store (context), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* newest first until the researcher clicks a header */
  {
    g_autoptr(GtkColumnViewColumn) date_column =
      g_list_model_get_item (gtk_column_view_get_columns (self->column_view), COLUMN_DATE);

    gtk_column_view_sort_by_column (self->column_view, date_column, GTK_SORT_DESCENDING);
  }
  reload_feeds (self);
  update_list_stack (self);
}

GListModel *
accords_news_view_get_items (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}

AccordsItem *
accords_news_view_get_selected (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), NULL);
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

void
accords_news_view_select (AccordsNewsView *self,
                          guint            position)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));
  gtk_single_selection_set_selected (self->selection, position);
}

void
accords_news_view_set_search (AccordsNewsView *self,
                              const char      *text)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* search-changed is debounced; apply at once */
  search_changed_cb (self);
}

void
accords_news_view_set_feed (AccordsNewsView *self,
                            gint64           feed_id)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));

  for (guint i = 0; i < self->feed_ids->len; i++)
    if (g_array_index (self->feed_ids, gint64, i) == feed_id)
      {
        gtk_drop_down_set_selected (self->feed_dropdown, i);
        return;
      }
}

const char *
accords_news_view_get_reader_markup (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), NULL);
  return gtk_label_get_label (self->reader_body);
}
