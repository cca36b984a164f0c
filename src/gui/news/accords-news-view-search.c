/* accords-news-view-search.c: the news view's search: its count, the marks
 * in the rows and the reader, saved searches */
#define G_LOG_DOMAIN "accords-news-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-news-view-private.h"

/* Search: the count of matches, the marks in the rows and the reader, saved searches */

static gboolean
searching (AccordsNewsView *self)
{
  return self->matched_words != NULL && g_hash_table_size (self->matched_words) > 0;
}

static void
set_title_markup (AccordsNewsView *self,
                  GtkLabel        *label,
                  AccordsItem     *item)
{
  const char *title = accords_item_get_title (item);
  const char *marked;
  g_autofree char *markup = NULL;

  if (accords_str_empty (title) || !searching (self))
    {
      gtk_label_set_use_markup (label, FALSE);
      gtk_label_set_label (label, accords_str_empty (title) ? _("(untitled)") : title);
      return;
    }
  marked = g_hash_table_lookup (self->marked_titles, &(gint64) { accords_item_get_id (item) });
  markup = marked ? g_strdup (marked) : accords_search_highlight_text (title, self->matched_words);
  gtk_label_set_markup (label, markup);
}

void
_accords_news_view_title_bound_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   AccordsNewsView          *self)
{
  AccordsItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = _accords_news_view_cell_label (list_item);

  g_hash_table_replace (self->bound_titles, label, g_object_ref (item));
  if (searching (self))
    set_title_markup (self, label, item);
}

void
_accords_news_view_title_unbound_cb (GtkSignalListItemFactory *factory,
                                     GtkListItem              *list_item,
                                     AccordsNewsView          *self)
{
  GtkLabel *label = _accords_news_view_cell_label (list_item);

  if (label == NULL)
    return;
  g_hash_table_remove (self->bound_titles, label);
  gtk_label_set_use_markup (label, FALSE);
}

void
_accords_news_view_highlight_reader (AccordsNewsView *self,
                                     AccordsItem     *item)
{
  g_autofree char *body = NULL;

  set_title_markup (self, self->reader_title, item);
  if (!searching (self))
    return;
  body = accords_search_highlight_markup (gtk_label_get_label (self->reader_body), self->matched_words);
  gtk_label_set_markup (self->reader_body, body);
}

void
_accords_news_view_highlighter_finished_cb (AccordsNewsView *self)
{
  const AccordsSearchResults *results = accords_searcher_get_results (self->highlighter);
  GHashTableIter iter;
  gpointer label, item;
  AccordsItem *selected;

  g_hash_table_remove_all (self->marked_titles);
  g_clear_pointer (&self->matched_words, g_hash_table_unref);
  if (results != NULL)
    {
      GPtrArray *hits = results->hits[ACCORDS_SEARCH_GROUP_ITEMS];

      self->matched_words = accords_search_matched_words (results);
      for (guint i = 0; i < hits->len; i++)
        {
          AccordsSearchHit *hit = hits->pdata[i];
          gint64 *id = g_new (gint64, 1);

          *id = hit->id;
          g_hash_table_replace (self->marked_titles, id, accords_search_marked_to_highlight (hit->title));
        }
    }

  g_hash_table_iter_init (&iter, self->bound_titles);
  while (g_hash_table_iter_next (&iter, &label, &item))
    set_title_markup (self, label, item);
  selected = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  if (selected != NULL)
    _accords_news_view_show_item (self, selected, TRUE);
}

/* What the list is narrowed to, besides its search */
static void
get_filter (AccordsNewsView   *self,
            AccordsItemFilter *filter)
{
  guint selected = gtk_drop_down_get_selected (self->feed_dropdown);

  *filter = (AccordsItemFilter) { 0 };
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->feed_ids->len)
    filter->feed_id = g_array_index (self->feed_ids, gint64, selected);
  filter->country = accords_item_list_get_country (self->items);
  filter->agreement = accords_item_list_get_agreement (self->items);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->since_entry), "error"))
    filter->since = gtk_editable_get_text (GTK_EDITABLE (self->since_entry));
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->until_entry), "error"))
    filter->until = gtk_editable_get_text (GTK_EDITABLE (self->until_entry));
  if (accords_str_empty (filter->since))
    filter->since = NULL;
  if (accords_str_empty (filter->until))
    filter->until = NULL;
  filter->linked = gtk_drop_down_get_selected (self->linked_dropdown);
}

/* Narrowing by date and by link: a date that does not read stays out, and
 * its entry says so */
static const char *
entry_date (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean ok = accords_str_empty (text) || accords_date_parse (text, NULL, NULL, NULL, NULL, NULL);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return ok && !accords_str_empty (text) ? text : NULL;
}

static void
update_narrow_button (AccordsNewsView *self)
{
  gboolean narrowed = entry_date (self->since_entry) != NULL || entry_date (self->until_entry) != NULL ||
                      gtk_drop_down_get_selected (self->linked_dropdown) != ACCORDS_ITEM_LINKED_ANY;

  if (narrowed)
    gtk_widget_add_css_class (GTK_WIDGET (self->narrow_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->narrow_button), "accent");
}

static void
dates_changed_cb (AccordsNewsView *self)
{
  if (self->items != NULL)
    accords_item_list_set_dates (self->items, entry_date (self->since_entry), entry_date (self->until_entry));
  update_narrow_button (self);
}

static void
linked_changed_cb (AccordsNewsView *self)
{
  if (self->items != NULL)
    accords_item_list_set_linked (self->items, gtk_drop_down_get_selected (self->linked_dropdown));
  update_narrow_button (self);
}

void
_accords_news_view_init_narrowing (AccordsNewsView *self)
{
  g_signal_connect_swapped (self->since_entry, "changed", G_CALLBACK (dates_changed_cb), self);
  g_signal_connect_swapped (self->until_entry, "changed", G_CALLBACK (dates_changed_cb), self);
  g_signal_connect_swapped (self->linked_dropdown, "notify::selected", G_CALLBACK (linked_changed_cb), self);
}

void
accords_news_view_set_dates (AccordsNewsView *self,
                             const char      *since,
                             const char      *until)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->since_entry), since ? since : "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), until ? until : "");
}

void
accords_news_view_set_linked (AccordsNewsView   *self,
                              AccordsItemLinked  linked)
{
  g_return_if_fail (ACCORDS_IS_NEWS_VIEW (self));

  gtk_drop_down_set_selected (self->linked_dropdown, linked);
}

void
_accords_news_view_update_search (AccordsNewsView *self,
                                  guint            shown)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean active;
  AccordsItemFilter filter;
  g_autofree char *key = NULL;
  g_autofree char *fts = NULL;

  if (self->items == NULL || self->highlighter == NULL)
    return;
  get_filter (self, &filter);
  fts = accords_search_query_to_fts (text);
  active = fts != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.save-search",
                                 active || filter.feed_id != 0 || filter.country != NULL || filter.agreement != NULL);

  if (active)
    {
      g_autofree char *count = g_strdup_printf ("%'u", shown);
      /* Translators: how many news items the search in the News view finds */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s match", "%s matches", shown), count);

      gtk_label_set_label (self->match_count, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_set_visible (GTK_WIDGET (self->match_count), active);

  /* the marks follow the query and the filters, not every change of the list */
  key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%s\n%s", active ? text : "", filter.feed_id,
                         accords_str_or_empty (filter.country), accords_str_or_empty (filter.agreement));
  if (g_strcmp0 (key, self->highlighted) == 0)
    return;
  g_free (self->highlighted);
  self->highlighted = g_steal_pointer (&key);
  accords_searcher_set_query (self->highlighter, active ? text : NULL, &filter);
}

void
_accords_news_view_save_search_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  AccordsNewsView *self = ACCORDS_NEWS_VIEW (widget);
  AccordsItemFilter filter;

  get_filter (self, &filter);
  accords_search_sidebar_ask_save (self->search_sidebar, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                   &filter);
}

/* A saved search applies what the list can narrow by: its words, its feed,
 * its country or agreement */
void
_accords_news_view_saved_search_activated_cb (AccordsNewsView *self,
                                              const char      *name)
{
  const AccordsSavedSearch *search = accords_search_sidebar_lookup (self->search_sidebar, name);

  if (search == NULL)
    return;
  if (!accords_str_empty (search->agreement) || !accords_str_empty (search->country))
    {
      const char *label = !accords_str_empty (search->agreement)
                          ? search->agreement : accords_context_get_country_name (self->context, search->country);

      accords_set_str (&self->selected_country, accords_str_empty (search->country) ? NULL : search->country);
      accords_set_str (&self->selected_agreement, accords_str_empty (search->agreement) ? NULL : search->agreement);
      accords_set_str (&self->selected_label, label);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.follow-selection", TRUE);
      if (self->follow_selection)
        _accords_news_view_apply_about (self);
      else
        accords_news_view_set_follow_selection (self, TRUE);
    }
  else
    accords_news_view_set_follow_selection (self, FALSE);
  accords_news_view_set_feed (self, search->feed_id);
  accords_news_view_set_search (self, search->query);
  accords_news_view_set_dates (self, search->since, search->until);
  accords_news_view_set_linked (self, search->linked);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_side);
}
