/* accords-news-view-columns.c: the news list's columns and their cells */
#define G_LOG_DOMAIN "accords-news-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-news-view-private.h"

char *
_accords_news_view_format_date (const char *iso)
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

void
_accords_news_view_update_star_button (GtkButton *button,
                                       gboolean   starred)
{
  /* Translators: what the star button of a news item does */
  const char *label = starred ? _("Unstar") : _("Star");

  gtk_button_set_icon_name (button, starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (starred)
    gtk_widget_add_css_class (GTK_WIDGET (button), "starred");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "starred");
}

/* The title cell is a box: the unread dot, the title, the star */
static void
update_title_cell (GtkWidget   *box,
                   AccordsItem *item)
{
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (dot);
  GtkWidget *star = gtk_widget_get_next_sibling (label);
  gboolean unread = !accords_item_get_read (item);

  /* hidden by opacity, so that read and unread titles line up */
  gtk_widget_set_opacity (dot, unread ? 1.0 : 0.0);
  if (unread)
    {
      gtk_widget_add_css_class (label, "unread");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Unread"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (label, "unread");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  _accords_news_view_update_star_button (GTK_BUTTON (star), accords_item_get_starred (item));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (star), g_variant_new_int64 (accords_item_get_id (item)));
}

static void
item_flags_changed_cb (AccordsItem *item,
                       GParamSpec  *pspec,
                       GtkWidget   *box)
{
  update_title_cell (box, item);
}

static GtkWidget *
new_cell_label (Column column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");
  if (column != COLUMN_TITLE)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *box, *dot, *label, *star;

  if (column != COLUMN_TITLE)
    {
      gtk_list_item_set_child (list_item, new_cell_label (column));
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (dot, "unread-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  label = new_cell_label (column);
  gtk_widget_set_hexpand (label, TRUE);
  star = gtk_button_new ();
  gtk_widget_add_css_class (star, "flat");
  gtk_widget_add_css_class (star, "star-button");
  gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (star), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (star), "news.toggle-item-starred");
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), star);
  gtk_list_item_set_child (list_item, box);
}

GtkLabel *
_accords_news_view_cell_label (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (child == NULL || GTK_IS_LABEL (child))
    return (GtkLabel *) child;
  return GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (child)));
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  AccordsItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = _accords_news_view_cell_label (list_item);
  g_autofree char *date = NULL;

  switch (column)
    {
    case COLUMN_DATE:
      date = _accords_news_view_format_date (accords_str_empty (accords_item_get_published (item))
                          ? accords_item_get_updated (item) : accords_item_get_published (item));
      gtk_label_set_label (label, date);
      break;

    case COLUMN_TITLE:
      gtk_label_set_label (label, accords_str_empty (accords_item_get_title (item))
                                  ? _("(untitled)") : accords_item_get_title (item));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), accords_item_get_title (item));
      update_title_cell (gtk_list_item_get_child (list_item), item);
      g_signal_connect_object (item, "notify::read", G_CALLBACK (item_flags_changed_cb),
                               gtk_list_item_get_child (list_item), 0);
      g_signal_connect_object (item, "notify::starred", G_CALLBACK (item_flags_changed_cb),
                               gtk_list_item_get_child (list_item), 0);
      break;

    case COLUMN_FEED:
    case N_COLUMNS:
    default:
      gtk_label_set_label (label, accords_item_get_feed_title (item));
      break;
    }
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  AccordsItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_flags_changed_cb, gtk_list_item_get_child (list_item));
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

void
_accords_news_view_view_sorter_changed_cb (AccordsNewsView *self)
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
      _accords_news_view_hold_selection (self);
      accords_item_list_set_sort (self->items, ACCORDS_ITEM_SORT_DATE, TRUE);
      _accords_news_view_restore_selection (self);
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
  _accords_news_view_hold_selection (self);
  accords_item_list_set_sort (self->items, sort, descending);
  _accords_news_view_restore_selection (self);
}

void
_accords_news_view_add_column (AccordsNewsView *self,
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
  if (column == COLUMN_TITLE)
    g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label_cb), NULL);
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
  if (column == COLUMN_TITLE)
    {
      g_signal_connect_after (factory, "bind", G_CALLBACK (_accords_news_view_title_bound_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (_accords_news_view_title_unbound_cb), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (_accords_news_view_title_unbound_cb), self);
    }
}
