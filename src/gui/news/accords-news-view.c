/* accords-news-view.c: every imported news item, searchable, with a reader pane */
#define G_LOG_DOMAIN "accords-news-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-news-view-private.h"


enum {
  PROP_0,
  PROP_FOLLOW_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AccordsNewsView, accords_news_view, GTK_TYPE_WIDGET)


/* "Rwanda, United States · US–Rwanda (confirmed)": what the item is about */
static void
show_links (AccordsNewsView *self,
            gint64           item_id)
{
  AccordsStore *store = accords_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) countries = accords_store_load_item_countries (store, item_id, &error);
  g_autoptr(GPtrArray) agreements = countries ? accords_store_load_item_agreements (store, item_id, &error) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (agreements == NULL)
    {
      g_warning ("Reading the links of news item %" G_GINT64_FORMAT ": %s", item_id, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->reader_links), FALSE);
      return;
    }
  for (guint i = 0; i < countries->len; i++)
    {
      AccordsStoredLink *c = countries->pdata[i];

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, accords_context_get_country_name (self->context, c->code));
    }
  for (guint i = 0, n = 0; i < agreements->len; i++)
    {
      AccordsStoredLink *a = agreements->pdata[i];
      const char *state;

      if (g_str_equal (a->state, "rejected"))
        continue;
      state = g_str_equal (a->state, "confirmed") ? _("confirmed") : _("suggested");
      g_string_append (text, n++ == 0 ? (text->len > 0 ? " · " : "") : ", ");
      /* Translators: an agreement a news item is linked to, and whether the
       * researcher confirmed it: "US–Rwanda (suggested)" */
      g_string_append_printf (text, _("%s (%s)"), a->title, state);
    }
  gtk_label_set_label (self->reader_links, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->reader_links), text->len > 0);
}


static void
update_reader_flags (AccordsNewsView *self,
                     AccordsItem     *item)
{
  gboolean read = accords_item_get_read (item);
  /* Translators: what the reader's read button does */
  const char *label = read ? _("Mark as Unread") : _("Mark as Read");

  _accords_news_view_update_star_button (self->reader_star_button, accords_item_get_starred (item));
  gtk_button_set_icon_name (self->reader_read_button, read ? "mail-unread-symbolic" : "mail-read-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reader_read_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reader_read_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* keep_scroll: the same item again (the list reloaded), read from where it was */
void
_accords_news_view_show_item (AccordsNewsView *self,
                              AccordsItem     *item,
                              gboolean         keep_scroll)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *date = NULL;
  const char *html, *link;
  const char * const *categories;

  if (item == NULL)
    {
      self->shown_id = 0;
      gtk_stack_set_visible_child_name (self->reader_stack, "none");
      gtk_label_set_markup (self->reader_body, "");
      return;
    }
  self->shown_id = accords_item_get_id (item);

  gtk_label_set_label (self->reader_title, accords_str_empty (accords_item_get_title (item))
                                           ? _("(untitled)") : accords_item_get_title (item));
  g_string_append (meta, accords_item_get_feed_title (item));
  date = _accords_news_view_format_date (accords_str_empty (accords_item_get_published (item))
                      ? accords_item_get_updated (item) : accords_item_get_published (item));
  if (*date)
    g_string_append_printf (meta, " · %s", date);
  if (!accords_str_empty (accords_item_get_author (item)))
    g_string_append_printf (meta, " · %s", accords_item_get_author (item));
  gtk_label_set_label (self->reader_meta, meta->str);
  show_links (self, accords_item_get_id (item));

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

  update_reader_flags (self, item);
  _accords_news_view_highlight_reader (self, item);
  gtk_stack_set_visible_child_name (self->reader_stack, "item");
  if (!keep_scroll)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->reader_scroller), 0);
}

static gboolean can_mark (AccordsNewsView *self);

static void
update_item_actions (AccordsNewsView *self,
                     AccordsItem     *item)
{
  gboolean markable = item != NULL && can_mark (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.open-link",
                                 item != NULL && !accords_str_empty (accords_item_get_link (item)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.toggle-read", markable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.toggle-starred", markable);
}

static void set_item_flag (AccordsNewsView *self,
                           AccordsItem     *item,
                           AccordsItemFlag  flag,
                           gboolean         value);

static void
selection_changed_cb (AccordsNewsView *self)
{
  AccordsItem *item;
  gboolean again;

  if (self->hold_depth > 0)
    return;
  item = gtk_single_selection_get_selected_item (self->selection);
  again = self->restoring && item != NULL && accords_item_get_id (item) == self->shown_id;
  _accords_news_view_show_item (self, item, again);
  update_item_actions (self, item);
  if (item == NULL || again)
    return;

  /* Opened is read, at once, as GNOME's feed readers (Feeds, NewsFlash,
   * Liferea) have it: stepping through with j or n reads as the researcher
   * goes, and m puts an item back. */
  set_item_flag (self, item, ACCORDS_ITEM_FLAG_READ, TRUE);
  /* side by side the reader is already there, and taking the focus from the
   * list would select the text it shows */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->reader_side);
}

/* Lets go of the selected item while the list reloads: the selection would
 * otherwise fetch every row looking for the object it held */
void
_accords_news_view_hold_selection (AccordsNewsView *self)
{
  AccordsItem *item;

  if (self->hold_depth++ > 0 || self->selection == NULL)
    return;
  item = gtk_single_selection_get_selected_item (self->selection);
  self->held_id = item != NULL ? accords_item_get_id (item) : 0;
  if (item != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* Selects the held item again where the reloaded list has it, without
 * marking it or scrolling the reader; a reader whose item went shows none */
void
_accords_news_view_restore_selection (AccordsNewsView *self)
{
  guint position;

  g_assert (self->hold_depth > 0);
  if (--self->hold_depth > 0 || self->selection == NULL)
    return;
  position = self->held_id != 0 ? accords_item_list_find_position (self->items, self->held_id) : G_MAXUINT;
  self->held_id = 0;
  if (position == G_MAXUINT)
    {
      if (self->shown_id != 0)
        selection_changed_cb (self);
      return;
    }
  self->restoring = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->restoring = FALSE;
}

static void
update_list_stack (AccordsNewsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  _accords_news_view_update_search (self, shown);
  if (shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "items");
  else if (self->context && accords_store_count_items (accords_context_get_store (self->context)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
}

static char *
feed_label (AccordsNewsView *self,
            guint            position)
{
  const char *title = g_ptr_array_index (self->feed_titles, position);
  guint unread = g_array_index (self->feed_unread, guint, position);

  if (unread == 0)
    return g_strdup (title);
  /* Translators: a feed in the News view's feed menu, and how many of its
   * items are unread: "Migration Desk (12)" */
  return g_strdup_printf (_("%s (%u)"), title, unread);
}

/* The feed menu's row at position says its unread count again */
static void
update_feed_label (AccordsNewsView *self,
                   guint            position)
{
  g_autofree char *label = feed_label (self, position);
  const char * const labels[] = { label, NULL };
  guint selected = gtk_drop_down_get_selected (self->feed_dropdown);

  self->updating_feeds = TRUE;
  gtk_string_list_splice (self->feed_names, position, 1, labels);
  gtk_drop_down_set_selected (self->feed_dropdown, selected);
  self->updating_feeds = FALSE;
}

static void
count_read_change (AccordsNewsView *self,
                   gint64           feed_id,
                   gboolean         read)
{
  for (guint i = 0; i < self->feed_ids->len; i++)
    if (i == 0 || g_array_index (self->feed_ids, gint64, i) == feed_id)
      {
        guint *unread = &g_array_index (self->feed_unread, guint, i);

        if (read && *unread > 0)
          (*unread)--;
        else if (!read)
          (*unread)++;
        update_feed_label (self, i);
      }
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
  guint all_unread = 0;

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
  g_array_set_size (self->feed_unread, 0);
  g_ptr_array_set_size (self->feed_titles, 0);
  g_ptr_array_add (self->feed_titles, g_strdup (_("All feeds")));
  g_array_append_val (self->feed_ids, all_feeds);
  g_array_append_val (self->feed_unread, all_unread);
  for (guint i = 0; i < feeds->len; i++)
    {
      AccordsFeedRow *row = g_ptr_array_index (feeds, i);

      if (g_strcmp0 (row->kind, "url") == 0 && row->n_items == 0)
        continue;   /* subscriptions not fetched yet have nothing to show */
      g_ptr_array_add (self->feed_titles, g_strdup (accords_str_empty (row->title) ? row->url : row->title));
      g_array_append_val (self->feed_ids, row->id);
      g_array_append_val (self->feed_unread, row->n_unread);
      g_array_index (self->feed_unread, guint, 0) += row->n_unread;
      if (row->id == selected_id)
        new_selected = self->feed_ids->len - 1;
    }
  for (guint i = 0; i < self->feed_ids->len; i++)
    g_ptr_array_add (names, feed_label (self, i));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->feed_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->feed_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->feed_dropdown, new_selected);
  self->updating_feeds = FALSE;
  _accords_news_view_hold_selection (self);
  accords_item_list_set_feed (self->items, g_array_index (self->feed_ids, gint64, new_selected));
  _accords_news_view_restore_selection (self);
}

/* Runs before the list follows the store, store_changed_cb after */
static void
store_changing_cb (AccordsNewsView *self,
                   guint            what)
{
  _accords_news_view_hold_selection (self);
}

static void
store_changed_cb (AccordsNewsView *self,
                  guint            what)
{
  if (what & (ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_ITEMS))
    reload_feeds (self);
  _accords_news_view_restore_selection (self);
  update_list_stack (self);
}

static void
feed_selected_cb (AccordsNewsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->feed_dropdown);

  if (self->updating_feeds || self->items == NULL || selected >= self->feed_ids->len)
    return;
  _accords_news_view_hold_selection (self);
  accords_item_list_set_feed (self->items, g_array_index (self->feed_ids, gint64, selected));
  _accords_news_view_restore_selection (self);
  update_list_stack (self);
}

static void
search_changed_cb (AccordsNewsView *self)
{
  if (self->items == NULL)
    return;
  _accords_news_view_hold_selection (self);
  accords_item_list_set_search (self->items, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  _accords_news_view_restore_selection (self);
  update_list_stack (self);
}

/* Marks: the item shows the change at once, the store writes it when no
 * other connection (an import) holds the database */

static gboolean
can_mark (AccordsNewsView *self)
{
  return self->context != NULL && !accords_store_is_read_only (accords_context_get_store (self->context));
}

static gboolean flush_marks_cb (gpointer user_data);

static void
flush_marks (AccordsNewsView *self,
             gboolean         wait)
{
  AccordsStore *store = accords_context_get_store (self->context);
  guint done = 0;

  for (; done < self->pending_marks->len; done++)
    {
      PendingMark *mark = &g_array_index (self->pending_marks, PendingMark, done);
      g_autoptr(GError) error = NULL;

      if (accords_store_set_item_flag (store, mark->item_id, mark->flag, mark->value, wait, &error) ||
          g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND))
        continue;
      if (g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_BUSY) && !wait)
        {
          if (self->retry_source == 0)
            self->retry_source = g_timeout_add (MARK_RETRY_MS, flush_marks_cb, self);
          break;
        }
      g_warning ("Marking news item %" G_GINT64_FORMAT ": %s", mark->item_id, error->message);
      accords_widget_show_edit_toast (GTK_WIDGET (self), error->message, FALSE);
    }
  g_array_remove_range (self->pending_marks, 0, done);
}

static gboolean
flush_marks_cb (gpointer user_data)
{
  AccordsNewsView *self = user_data;

  self->retry_source = 0;
  flush_marks (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
set_item_flag (AccordsNewsView *self,
               AccordsItem     *item,
               AccordsItemFlag  flag,
               gboolean         value)
{
  PendingMark mark = { accords_item_get_id (item), flag, !!value };
  gboolean now = flag == ACCORDS_ITEM_FLAG_READ ? accords_item_get_read (item) : accords_item_get_starred (item);

  if (!can_mark (self) || now == mark.value || mark.item_id <= 0)
    return;
  g_object_set (item, flag == ACCORDS_ITEM_FLAG_READ ? "read" : "starred", mark.value, NULL);
  if (flag == ACCORDS_ITEM_FLAG_READ)
    count_read_change (self, accords_item_get_feed_id (item), mark.value);
  if (mark.item_id == self->shown_id)
    update_reader_flags (self, item);

  g_array_append_val (self->pending_marks, mark);
  if (self->retry_source == 0)
    flush_marks (self, FALSE);
}

static void
items_changed_cb (AccordsNewsView *self)
{
  update_list_stack (self);
}

/* The list keeps to the selected agreement (or country, when no agreement
 * is selected) while following the selection */
void
_accords_news_view_apply_about (AccordsNewsView *self)
{
  gboolean active = self->follow_selection && (self->selected_agreement != NULL || self->selected_country != NULL);
  g_autofree char *label = NULL;

  if (self->items == NULL)
    return;
  _accords_news_view_hold_selection (self);
  accords_item_list_set_agreement (self->items, active ? self->selected_agreement : NULL);
  accords_item_list_set_country (self->items, active && self->selected_agreement == NULL ? self->selected_country : NULL);
  _accords_news_view_restore_selection (self);
  if (active)
    {
      /* Translators: the filter chip of the News view: "About US–Rwanda" */
      label = g_strdup_printf (_("About %s"), self->selected_label ? self->selected_label : "");
      gtk_label_set_label (self->about_label, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->about_label), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_revealer_set_reveal_child (self->about_revealer, active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.clear-about", active);
  update_list_stack (self);
}

static void
clear_about_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  accords_news_view_set_follow_selection (ACCORDS_NEWS_VIEW (widget), FALSE);
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

static void scroll_to_selected (AccordsNewsView *self);

/* j, k, n and p: the next or previous item, opened in the reader */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsNewsView *self = ACCORDS_NEWS_VIEW (widget);
  gboolean next = g_str_equal (action_name, "news.next");
  guint n, position;

  if (self->selection == NULL || (n = g_list_model_get_n_items (G_LIST_MODEL (self->selection))) == 0)
    return;
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = next ? 0 : n - 1;
  else if (next && position + 1 < n)
    position++;
  else if (!next && position > 0)
    position--;
  else
    return;   /* at the end already */
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_selected (self);
}

static void
toggle_flag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordsNewsView *self = ACCORDS_NEWS_VIEW (widget);
  AccordsItem *item = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  if (item == NULL)
    return;
  if (g_str_equal (action_name, "news.toggle-read"))
    set_item_flag (self, item, ACCORDS_ITEM_FLAG_READ, !accords_item_get_read (item));
  else
    set_item_flag (self, item, ACCORDS_ITEM_FLAG_STARRED, !accords_item_get_starred (item));
}

/* The star of a row, which need not be the selected one */
static void
toggle_item_starred_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AccordsNewsView *self = ACCORDS_NEWS_VIEW (widget);
  gint64 item_id = g_variant_get_int64 (parameter);
  guint position;
  g_autoptr(AccordsItem) item = NULL;

  if (self->items == NULL ||
      (position = accords_item_list_find_position (self->items, item_id)) == G_MAXUINT)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  set_item_flag (self, item, ACCORDS_ITEM_FLAG_STARRED, !accords_item_get_starred (item));
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
accords_news_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordsNewsView *self = ACCORDS_NEWS_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLLOW_SELECTION:
      g_value_set_boolean (value, self->follow_selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_news_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordsNewsView *self = ACCORDS_NEWS_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLLOW_SELECTION:
      accords_news_view_set_follow_selection (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_news_view_finalize (GObject *object)
{
  AccordsNewsView *self = (AccordsNewsView *) object;

  g_free (self->selected_country);
  g_free (self->selected_agreement);
  g_free (self->selected_label);
  g_free (self->highlighted);
  g_clear_pointer (&self->marked_titles, g_hash_table_unref);
  g_clear_pointer (&self->matched_words, g_hash_table_unref);

  G_OBJECT_CLASS (accords_news_view_parent_class)->finalize (object);
}

static void
accords_news_view_dispose (GObject *object)
{
  AccordsNewsView *self = (AccordsNewsView *) object;
  GtkWidget *child;

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  /* what an import held back waits for it now, rather than being lost */
  if (self->context != NULL && self->pending_marks != NULL && self->pending_marks->len > 0)
    flush_marks (self, TRUE);
  if (self->highlighter != NULL)
    g_signal_handlers_disconnect_by_data (self->highlighter, self);
  g_clear_object (&self->highlighter);
  if (self->column_view)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          _accords_news_view_view_sorter_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_NEWS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->feed_names);
  g_clear_object (&self->context);
  g_clear_pointer (&self->feed_ids, g_array_unref);
  g_clear_pointer (&self->feed_unread, g_array_unref);
  g_clear_pointer (&self->feed_titles, g_ptr_array_unref);
  g_clear_pointer (&self->pending_marks, g_array_unref);
  g_clear_pointer (&self->bound_titles, g_hash_table_unref);

  G_OBJECT_CLASS (accords_news_view_parent_class)->dispose (object);
}

static const AccordsWidgetAction actions[] = {
  { "news.back", NULL, back_action },
  { "news.open-link", NULL, open_link_action },
  { "news.clear-about", NULL, clear_about_action },
  { "news.next", NULL, step_action, GDK_KEY_j, 0 },
  { "news.previous", NULL, step_action, GDK_KEY_k, 0 },
  { "news.toggle-read", NULL, toggle_flag_action, GDK_KEY_m, 0 },
  { "news.toggle-starred", NULL, toggle_flag_action, GDK_KEY_s, 0 },
  { "news.toggle-item-starred", "x", toggle_item_starred_action },
  { "news.save-search", NULL, _accords_news_view_save_search_action },
};

static void
accords_news_view_class_init (AccordsNewsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_news_view_dispose;
  object_class->finalize = accords_news_view_finalize;
  object_class->get_property = accords_news_view_get_property;
  object_class->set_property = accords_news_view_set_property;

  properties[PROP_FOLLOW_SELECTION] =
    g_param_spec_boolean ("follow-selection", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORDS_TYPE_SEARCH_SIDEBAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-news-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, list_side);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_side);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, feed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, narrow_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, since_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, until_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, linked_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, about_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, about_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_meta);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_links);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_open_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_read_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_star_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_body);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, reader_categories);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, search_sidebar);
  gtk_widget_class_bind_template_child (widget_class, AccordsNewsView, match_count);

  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
  /* the other pair feed readers use for the same steps */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "news.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "news.previous", NULL);
  gtk_widget_class_install_property_action (widget_class, "news.follow-selection", "follow-selection");
  gtk_widget_class_set_css_name (widget_class, "newsview");
}

static void
accords_news_view_init (AccordsNewsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->feed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->feed_unread = g_array_new (FALSE, FALSE, sizeof (guint));
  self->feed_titles = g_ptr_array_new_with_free_func (g_free);
  self->pending_marks = g_array_new (FALSE, FALSE, sizeof (PendingMark));
  self->feed_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->feed_dropdown, G_LIST_MODEL (self->feed_names));
  self->probed_column = -1;
  self->marked_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->bound_titles = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  _accords_news_view_add_column (self, COLUMN_DATE, _("Date"), FALSE, 140);
  _accords_news_view_add_column (self, COLUMN_TITLE, _("Title"), TRUE, -1);
  _accords_news_view_add_column (self, COLUMN_FEED, _("Feed"), FALSE, 160);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->feed_dropdown, "notify::selected", G_CALLBACK (feed_selected_cb), self);
  _accords_news_view_init_narrowing (self);
  g_signal_connect (self->reader_body, "activate-link", G_CALLBACK (activate_link_cb), NULL);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (_accords_news_view_view_sorter_changed_cb), self);
  update_item_actions (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.clear-about", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.save-search", FALSE);
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
  /* before the list connects, so that the selection is let go before the
   * list reloads */
  g_signal_connect_object (accords_context_get_store (context), "changed",
                           G_CALLBACK (store_changing_cb), self, G_CONNECT_SWAPPED);
  self->items = accords_item_list_new (context);
  /* a selection made with the list would pick its first row before anyone
   * listens, and clicking that row would then change nothing: the reader
   * said "No Item Selected" over a row that looked selected */
  self->selection = g_object_new (GTK_TYPE_SINGLE_SELECTION, "autoselect", FALSE, "can-unselect", TRUE, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->items));
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
  self->highlighter = accords_searcher_new (accords_context_get_store (context), MARKED_HITS);
  g_signal_connect_swapped (self->highlighter, "finished", G_CALLBACK (_accords_news_view_highlighter_finished_cb), self);
  accords_search_sidebar_set_store (self->search_sidebar, accords_context_get_store (context));
  g_signal_connect_object (self->search_sidebar, "search-activated", G_CALLBACK (_accords_news_view_saved_search_activated_cb), self,
                           G_CONNECT_SWAPPED);
  reload_feeds (self);
  update_list_stack (self);
  update_item_actions (self, NULL);
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

void
accords_news_view_set_selection (AccordsNewsView *self,
                                 const char      *country,
                                 const char      *agreement,
                                 const char      *label)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));

  accords_set_str (&self->selected_country, accords_str_empty (country) ? NULL : country);
  accords_set_str (&self->selected_agreement, accords_str_empty (agreement) ? NULL : agreement);
  accords_set_str (&self->selected_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.follow-selection",
                                 self->follow_selection || self->selected_country != NULL ||
                                 self->selected_agreement != NULL);
  _accords_news_view_apply_about (self);
}

gboolean
accords_news_view_get_follow_selection (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), FALSE);
  return self->follow_selection;
}

void
accords_news_view_set_follow_selection (AccordsNewsView *self,
                                        gboolean         follow)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));

  follow = !!follow;
  if (self->follow_selection == follow)
    return;
  self->follow_selection = follow;
  _accords_news_view_apply_about (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.follow-selection",
                                 follow || self->selected_country != NULL || self->selected_agreement != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_SELECTION]);
}

/* GTK 4.8 has no scroll_to for a column view; its list scrolls by action,
 * once it has a size: a view just shown gets it after this main loop turn */
static gboolean
scroll_to_selected_cb (gpointer user_data)
{
  AccordsNewsView *self = user_data;
  guint position;

  self->scroll_source = 0;
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        break;
      }
  return G_SOURCE_REMOVE;
}

static void
scroll_to_selected (AccordsNewsView *self)
{
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add (scroll_to_selected_cb, self);
}

gboolean
accords_news_view_show_item (AccordsNewsView *self,
                             gint64           item_id)
{
  guint position;

  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), FALSE);

  if (self->items == NULL)
    return FALSE;
  position = accords_item_list_find_position (self->items, item_id);
  if (position == G_MAXUINT)
    {
      /* hidden by a search or a filter: show everything */
      accords_news_view_set_follow_selection (self, FALSE);
      accords_news_view_set_search (self, "");
      accords_news_view_set_feed (self, 0);
      position = accords_item_list_find_position (self->items, item_id);
    }
  if (position == G_MAXUINT)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_selected (self);
  return TRUE;
}

void
accords_news_view_focus_list (AccordsNewsView *self)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));

  if (gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child) && gtk_widget_grab_focus (child))
      return;
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

const char *
accords_news_view_get_reader_links (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->reader_links)) ? gtk_label_get_label (self->reader_links) : "";
}

AccordsSearchSidebar *
accords_news_view_get_search_sidebar (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), NULL);
  return self->search_sidebar;
}

AccordsSearcher *
accords_news_view_get_highlighter (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), NULL);
  return self->highlighter;
}

const char *
accords_news_view_get_match_count (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->match_count)) ? gtk_label_get_label (self->match_count) : "";
}

const char *
accords_news_view_get_reader_title_markup (AccordsNewsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_NEWS_VIEW (self), NULL);
  return gtk_label_get_label (self->reader_title);
}
