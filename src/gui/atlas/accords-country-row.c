/* accords-country-row.c: a row that picks a country (ISO 3166-1, or the EU) from a searchable list */
#define G_LOG_DOMAIN "accords-country-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-country-row.h"

struct _AccordsCountryRow
{
  AdwActionRow        parent_instance;

  GtkMenuButton      *menu_button;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;

  AccordsIsoCodes    *iso_codes;
  GtkStringList      *codes;      /* "" stands for none */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *search;     /* case-folded */
  char               *country;
  gboolean            allow_none;
};

G_DEFINE_FINAL_TYPE (AccordsCountryRow, accords_country_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
name_of (AccordsCountryRow *self,
         const char        *code)
{
  if (*code == '\0')
    return _("None");
  return accords_iso_codes_get_display_name (self->iso_codes, code);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AccordsCountryRow *self = user_data;
  const char *code = gtk_string_object_get_string (item);
  g_autofree char *name = NULL;
  g_autofree char *folded_code = NULL;

  if (self->search == NULL)
    return TRUE;
  if (*code == '\0')
    return FALSE;
  name = g_utf8_casefold (name_of (self, code), -1);
  folded_code = g_utf8_casefold (code, -1);
  return strstr (name, self->search) != NULL || g_str_equal (folded_code, self->search);
}

static void
update_subtitle (AccordsCountryRow *self)
{
  g_autofree char *text = NULL;

  if (self->country == NULL)
    text = g_strdup (_("None"));
  else
    text = g_strdup_printf ("%s (%s)", name_of (self, self->country), self->country);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
}

static void
search_changed_cb (AccordsCountryRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped)
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose (AccordsCountryRow *self,
        guint              position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item == NULL)
    return;
  accords_country_row_set_country (self, gtk_string_object_get_string (item));
  gtk_popover_popdown (self->popover);
}

static void
activate_cb (AccordsCountryRow *self,
             guint              position)
{
  choose (self, position);
}

/* Enter in the search takes the first match */
static void
search_activate_cb (AccordsCountryRow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    choose (self, 0);
}

static void
popover_show_cb (AccordsCountryRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "monospace");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), code);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  AccordsCountryRow *self = user_data;
  const char *code = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (name), name_of (self, code));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)), code);
}

static void
accords_country_row_dispose (GObject *object)
{
  AccordsCountryRow *self = (AccordsCountryRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_COUNTRY_ROW);
  g_clear_object (&self->filtered);
  g_clear_object (&self->codes);
  g_clear_object (&self->iso_codes);

  G_OBJECT_CLASS (accords_country_row_parent_class)->dispose (object);
}

static void
accords_country_row_finalize (GObject *object)
{
  AccordsCountryRow *self = (AccordsCountryRow *) object;

  g_free (self->search);
  g_free (self->country);

  G_OBJECT_CLASS (accords_country_row_parent_class)->finalize (object);
}

static void
accords_country_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordsCountryRow *self = ACCORDS_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_country_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordsCountryRow *self = ACCORDS_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_COUNTRY:
      accords_country_row_set_country (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_country_row_class_init (AccordsCountryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_country_row_dispose;
  object_class->finalize = accords_country_row_finalize;
  object_class->get_property = accords_country_row_get_property;
  object_class->set_property = accords_country_row_set_property;

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-country-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryRow, popover);
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsCountryRow, list_view);
}

static void
accords_country_row_init (AccordsCountryRow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->codes = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->codes)),
                                              GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  AccordsCountryRow *self = user_data;
  g_autofree char *ka = g_utf8_collate_key (name_of (self, *(const char **) a), -1);
  g_autofree char *kb = g_utf8_collate_key (name_of (self, *(const char **) b), -1);

  return strcmp (ka, kb);
}

GtkWidget *
accords_country_row_new (AccordsIsoCodes *iso_codes,
                         gboolean         allow_none)
{
  AccordsCountryRow *self;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (iso_codes), NULL);

  self = g_object_new (ACCORDS_TYPE_COUNTRY_ROW, NULL);
  self->iso_codes = g_object_ref (iso_codes);
  self->allow_none = allow_none;

  n = accords_iso_codes_get_n_countries (iso_codes);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (codes, accords_iso_codes_get_country (iso_codes, i)->alpha2);
  g_ptr_array_sort_with_data (codes, compare_names, self);
  if (allow_none)
    gtk_string_list_append (self->codes, "");
  for (guint i = 0; i < codes->len; i++)
    gtk_string_list_append (self->codes, g_ptr_array_index (codes, i));

  update_subtitle (self);
  return GTK_WIDGET (self);
}

const char *
accords_country_row_get_country (AccordsCountryRow *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_ROW (self), NULL);
  return self->country;
}

void
accords_country_row_set_country (AccordsCountryRow *self,
                                 const char        *code)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_ROW (self));

  if (code != NULL && *code == '\0')
    code = NULL;
  if (g_strcmp0 (self->country, code) == 0)
    return;
  g_free (self->country);
  self->country = g_strdup (code);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

void
accords_country_row_search (AccordsCountryRow *self,
                            const char        *text)
{
  g_return_if_fail (ACCORDS_IS_COUNTRY_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

guint
accords_country_row_get_n_matches (AccordsCountryRow *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY_ROW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}
