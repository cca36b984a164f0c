/* accords-country-pane.c: the searchable, filterable list of countries */
#define G_LOG_DOMAIN "accords-country-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "accords-agreement-type.h"
#include "accords-country-pane.h"
#include "accords-map-model.h"
#include "accords-status-chip.h"
#include "accords-util.h"

struct _AccordsCountryPane
{
  GtkWidget           parent_instance;

  GtkDropDown        *status_dropdown;
  GtkDropDown        *type_dropdown;
  GtkToggleButton    *show_all_button;
  GtkStack           *stack;
  GtkListView        *list_view;

  AccordsCountryList *countries;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  char               *search;        /* case-folded */
  char               *selected;      /* code */
  gboolean            syncing;
  guint               scroll_tick;   /* scrolls to the selection */
  GPtrArray          *types;         /* type of each row of the type dropdown; NULL first: every type */
  gboolean            updating_types;
};

G_DEFINE_FINAL_TYPE (AccordsCountryPane, accords_country_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_COUNTRY,
  PROP_SHOW_ALL,
  PROP_STATUS_FILTER,
  PROP_TYPE_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AccordsCountryPane *self = user_data;
  AccordsCountry *country = item;
  guint entry = gtk_drop_down_get_selected (self->status_dropdown);
  gboolean show_all = gtk_toggle_button_get_active (self->show_all_button);
  guint n = accords_country_get_agreement_count (country);
  AccordsStatus status = accords_country_get_status (country);

  if (!show_all && n == 0 && self->search == NULL)
    return FALSE;
  if (entry == ACCORDS_MAP_LEGEND_UNSTATED && (n == 0 || status != ACCORDS_STATUS_NONE))
    return FALSE;
  if (entry != ACCORDS_STATUS_GROUP_NONE && entry != ACCORDS_MAP_LEGEND_UNSTATED &&
      accords_status_get_group (status) != entry)
    return FALSE;
  if (self->search != NULL)
    {
      g_autofree char *name = g_utf8_casefold (accords_country_get_name (country), -1);
      g_autofree char *code = g_utf8_casefold (accords_country_get_code (country), -1);
      g_autofree char *alpha3 = g_utf8_casefold (accords_str_or_empty (accords_country_get_alpha3 (country)), -1);

      if (strstr (name, self->search) == NULL && g_strcmp0 (code, self->search) != 0 &&
          g_strcmp0 (alpha3, self->search) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
update_stack (AccordsCountryPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* Re-select the chosen country after the filter moved rows around */
static void
sync_selection (AccordsCountryPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsCountry) c = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_strcmp0 (accords_country_get_code (c), self->selected) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          self->syncing = FALSE;
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static void
refilter (AccordsCountryPane *self)
{
  self->syncing = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->syncing = FALSE;
  sync_selection (self);
  update_stack (self);
}

static void
selection_changed_cb (AccordsCountryPane *self)
{
  AccordsCountry *country;

  if (self->syncing)
    return;
  country = gtk_single_selection_get_selected_item (self->selection);
  if (country == NULL)
    return;   /* a filter hid the row: the selection stays */
  if (accords_set_str (&self->selected, accords_country_get_code (country)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_COUNTRY]);
}

/* GTK 4.8's list view, told to scroll before it has been laid out on
 * screen, leaves blank rows in place of the others: until it has, the
 * scroll waits for the next frame */
static gboolean
is_laid_out (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0;
}

static void
scroll_now (AccordsCountryPane *self)
{
  guint pos = gtk_single_selection_get_selected (self->selection);

  if (pos != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
}

static gboolean
scroll_tick_cb (GtkWidget     *list_view,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  AccordsCountryPane *self = user_data;

  if (!is_laid_out (list_view))
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  scroll_now (self);
  return G_SOURCE_REMOVE;
}

static void
scroll_to_selection (AccordsCountryPane *self)
{
  if (self->scroll_tick != 0)
    return;
  if (is_laid_out (GTK_WIDGET (self->list_view)))
    scroll_now (self);
  else
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_tick_cb, self, NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *chip = accords_status_chip_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  AccordsCountry *country = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *chip = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_next_sibling (chip);
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  guint n = accords_country_get_agreement_count (country);
  g_autofree char *n_text = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("");
  g_autofree char *a11y = NULL;

  accords_status_chip_set_status (ACCORDS_STATUS_CHIP (chip), accords_country_get_status (country));
  accords_status_chip_set_unstated (ACCORDS_STATUS_CHIP (chip), n > 0);
  gtk_label_set_label (GTK_LABEL (name), accords_country_get_name (country));
  gtk_label_set_label (GTK_LABEL (count), n_text);
  gtk_widget_set_tooltip_text (count, n > 0 ? g_dngettext (GETTEXT_PACKAGE, "%u agreement", "%u agreements", n) : NULL);
  a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u agreement, %s", "%s, %u agreements, %s", n),
                          accords_country_get_name (country), n,
                          n > 0 && accords_country_get_status (country) == ACCORDS_STATUS_NONE
                            ? accords_map_legend_entry_get_label (ACCORDS_MAP_LEGEND_UNSTATED)
                            : accords_status_get_label (accords_country_get_status (country)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static int
compare_type_labels (gconstpointer a,
                     gconstpointer b)
{
  return g_utf8_collate (accords_agreement_type_get_label (*(const char **) a),
                         accords_agreement_type_get_label (*(const char **) b));
}

/* The types on offer are those of the agreements in the store */
static void
update_types (AccordsCountryPane *self)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkStringList) labels = NULL;
  GListModel *agreements;
  const char *current;
  guint selected = 0;
  gboolean same;

  if (self->countries == NULL)
    return;
  agreements = accords_country_list_get_agreements (self->countries);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);
      const char * const *list = accords_agreement_get_types (a);

      for (guint k = 0; list && list[k]; k++)
        if (g_hash_table_add (seen, (gpointer) list[k]))
          g_ptr_array_add (types, g_strdup (list[k]));
      if (accords_agreement_is_legal_framework (a) && g_hash_table_add (seen, (gpointer) ACCORDS_LEGAL_FRAMEWORK_FILTER))
        g_ptr_array_add (types, g_strdup (ACCORDS_LEGAL_FRAMEWORK_FILTER));
    }
  g_ptr_array_sort (types, compare_type_labels);
  g_ptr_array_insert (types, 0, NULL);

  same = self->types && self->types->len == types->len;
  for (guint i = 1; same && i < types->len; i++)
    same = g_str_equal (types->pdata[i], self->types->pdata[i]);
  if (same)
    return;

  current = accords_country_list_get_type_filter (self->countries);
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("All types"));
  for (guint i = 1; i < types->len; i++)
    {
      gtk_string_list_append (labels, accords_agreement_type_get_label (types->pdata[i]));
      if (g_strcmp0 (current, types->pdata[i]) == 0)
        selected = i;
    }
  g_clear_pointer (&self->types, g_ptr_array_unref);
  self->types = g_steal_pointer (&types);
  self->updating_types = TRUE;
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->type_dropdown, selected);
  self->updating_types = FALSE;
}

static void
type_selected_cb (AccordsCountryPane *self)
{
  guint i = gtk_drop_down_get_selected (self->type_dropdown);
  const char *type;

  if (self->updating_types || self->countries == NULL || self->types == NULL)
    return;
  type = i < self->types->len ? self->types->pdata[i] : NULL;
  if (g_strcmp0 (type, accords_country_list_get_type_filter (self->countries)) == 0)
    return;
  accords_country_list_set_type_filter (self->countries, type);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_FILTER]);
}

static void
countries_changed_cb (AccordsCountryPane *self)
{
  update_types (self);
  refilter (self);
}

static void
accords_country_pane_dispose (GObject *object)
{
  AccordsCountryPane *self = (AccordsCountryPane *) object;
  GtkWidget *child;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_COUNTRY_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->countries);

  G_OBJECT_CLASS (accords_country_pane_parent_class)->dispose (object);
}

static void
accords_country_pane_finalize (GObject *object)
{
  AccordsCountryPane *self = (AccordsCountryPane *) object;

  g_free (self->search);
  g_free (self->selected);
  g_clear_pointer (&self->types, g_ptr_array_unref);

  G_OBJECT_CLASS (accords_country_pane_parent_class)->finalize (object);
}

static void
accords_country_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AccordsCountryPane *self = ACCORDS_COUNTRY_PANE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_COUNTRY:
      g_value_set_string (value, self->selected);
      break;

    case PROP_SHOW_ALL:
      g_value_set_boolean (value, accords_country_pane_get_show_all (self));
      break;

    case PROP_STATUS_FILTER:
      g_value_set_int (value, accords_country_pane_get_status_filter (self));
      break;

    case PROP_TYPE_FILTER:
      g_value_set_string (value, accords_country_pane_get_type_filter (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_country_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AccordsCountryPane *self = ACCORDS_COUNTRY_PANE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_COUNTRY:
      accords_country_pane_set_selected_country (self, g_value_get_string (value));
      break;

    case PROP_SHOW_ALL:
      accords_country_pane_set_show_all (self, g_value_get_boolean (value));
      break;

    case PROP_STATUS_FILTER:
      accords_country_pane_set_status_filter (self, g_value_get_int (value));
      break;

    case PROP_TYPE_FILTER:
      accords_country_pane_set_type_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_country_pane_class_init (AccordsCountryPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_country_pane_dispose;
  object_class->finalize = accords_country_pane_finalize;
  object_class->get_property = accords_country_pane_get_property;
  object_class->set_property = accords_country_pane_set_property;

  properties[PROP_SELECTED_COUNTRY] =
    g_param_spec_string ("selected-country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_ALL] =
    g_param_spec_boolean ("show-all", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, 0, ACCORDS_MAP_LEGEND_UNSTATED, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TYPE_FILTER] =
    g_param_spec_string ("type-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-country-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryPane, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryPane, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryPane, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryPane, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryPane, list_view);
  gtk_widget_class_set_css_name (widget_class, "countrypane");
}

static void
filter_widget_changed_cb (AccordsCountryPane *self,
                          GParamSpec         *pspec,
                          GObject            *widget)
{
  refilter (self);
  if (widget == G_OBJECT (self->show_all_button))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

static void
accords_country_pane_init (AccordsCountryPane *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (statuses, _("All statuses"));
  /* the entries of the map's legend, in the order of their values */
  for (guint e = ACCORDS_STATUS_GROUP_NONE + 1; e < ACCORDS_MAP_N_LEGEND_ENTRIES; e++)
    gtk_string_list_append (statuses, accords_map_legend_entry_get_label (e));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (filter_widget_changed_cb), self);
  g_signal_connect_swapped (self->show_all_button, "notify::active", G_CALLBACK (filter_widget_changed_cb), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (type_selected_cb), self);
}

GtkWidget *
accords_country_pane_new (void)
{
  return g_object_new (ACCORDS_TYPE_COUNTRY_PANE, NULL);
}

void
accords_country_pane_set_model (AccordsCountryPane *self,
                                AccordsCountryList *countries)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_PANE (self));

  if (self->countries)
    g_signal_handlers_disconnect_by_func (self->countries, countries_changed_cb, self);
  g_set_object (&self->countries, countries);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (countries));
  if (countries)
    g_signal_connect_object (countries, "items-changed", G_CALLBACK (countries_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  update_types (self);
  refilter (self);
}

const char *
accords_country_pane_get_selected_country (AccordsCountryPane *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_PANE (self), NULL);
  return self->selected;
}

void
accords_country_pane_set_selected_country (AccordsCountryPane *self,
                                           const char         *code)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_PANE (self));

  if (accords_str_empty (code))
    code = NULL;
  if (!accords_set_str (&self->selected, code))
    return;
  sync_selection (self);
  /* a country hidden by the filters is shown when chosen elsewhere (the map) */
  if (code && gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      !gtk_toggle_button_get_active (self->show_all_button))
    {
      AccordsCountry *c = self->countries ? accords_country_list_lookup (self->countries, code) : NULL;
      if (c && accords_country_get_agreement_count (c) == 0)
        gtk_toggle_button_set_active (self->show_all_button, TRUE);
    }
  scroll_to_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_COUNTRY]);
}

void
accords_country_pane_set_search_text (AccordsCountryPane *self,
                                      const char         *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (ACCORDS_IS_COUNTRY_PANE (self));

  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      if (*stripped)
        folded = g_utf8_casefold (stripped, -1);
    }
  if (!accords_set_str (&self->search, folded))
    return;
  refilter (self);
}

gboolean
accords_country_pane_select_first (AccordsCountryPane *self)
{
  g_autoptr(AccordsCountry) first = NULL;
  const char *name;

  g_return_val_if_fail (ACCORDS_IS_COUNTRY_PANE (self), FALSE);

  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  if (first == NULL)
    return FALSE;
  accords_country_pane_set_selected_country (self, accords_country_get_code (first));
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);

  /* the row itself takes the focus, so that the arrow keys go on from it */
  name = accords_country_get_name (first);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkWidget *label = box && GTK_IS_BOX (box) ? gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)) : NULL;

      if (GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), name) == 0 &&
          gtk_widget_grab_focus (row))
        return TRUE;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

gboolean
accords_country_pane_get_show_all (AccordsCountryPane *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_PANE (self), FALSE);
  return gtk_toggle_button_get_active (self->show_all_button);
}

void
accords_country_pane_set_show_all (AccordsCountryPane *self,
                                   gboolean            show_all)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_PANE (self));
  gtk_toggle_button_set_active (self->show_all_button, show_all);
}

guint
accords_country_pane_get_status_filter (AccordsCountryPane *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_PANE (self), ACCORDS_STATUS_GROUP_NONE);
  return gtk_drop_down_get_selected (self->status_dropdown);
}

void
accords_country_pane_set_status_filter (AccordsCountryPane *self,
                                        guint               entry)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_PANE (self));
  g_return_if_fail (entry < ACCORDS_MAP_N_LEGEND_ENTRIES);
  gtk_drop_down_set_selected (self->status_dropdown, entry);
}

guint
accords_country_pane_get_n_visible (AccordsCountryPane *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_PANE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

const char *
accords_country_pane_get_type_filter (AccordsCountryPane *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_PANE (self), NULL);
  return self->countries ? accords_country_list_get_type_filter (self->countries) : NULL;
}

void
accords_country_pane_set_type_filter (AccordsCountryPane *self,
                                      const char         *type)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_PANE (self));

  if (accords_str_empty (type))
    type = NULL;
  for (guint i = 0; self->types && i < self->types->len; i++)
    if (g_strcmp0 (self->types->pdata[i], type) == 0)
      {
        gtk_drop_down_set_selected (self->type_dropdown, i);
        return;
      }
}
