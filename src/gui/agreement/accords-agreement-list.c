/* accords-agreement-list.c: the agreements of the selected country, as the country list has them */
#define G_LOG_DOMAIN "accords-agreement-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-agreement-list.h"
#include "accords-date.h"
#include "accords-party.h"
#include "accords-status-chip.h"
#include "accords-widget-util.h"

struct _AccordsAgreementList
{
  GtkWidget           parent_instance;

  GtkLabel           *title_label;
  GtkListBox         *list;

  AccordsContext     *context;
  AccordsCountryList *countries;
  GListStore         *agreements;
  char               *rows_date;    /* the date the rows show */
};

G_DEFINE_FINAL_TYPE (AccordsAgreementList, accords_agreement_list, GTK_TYPE_WIDGET)

enum {
  AGREEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AccordsAgreementList *self = user_data;
  AccordsAgreement *a = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chip = accords_status_chip_new ();
  const char *date = accords_country_list_get_date (self->countries);
  AccordsStatus status = ACCORDS_STATUS_NONE;
  gboolean counts = accords_country_list_count_agreement (self->countries, a, &status);
  GListModel *parties = G_LIST_MODEL (accords_agreement_get_parties (a));
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(AccordsParty) p = g_list_model_get_item (parties, i);
      const char *code = accords_party_get_country (p);

      if (!g_hash_table_add (seen, (gpointer) code))
        continue;
      if (names->len)
        g_string_append (names, ", ");
      g_string_append (names, accords_context_get_country_name (self->context, code));
    }
  if (date != NULL)
    {
      /* the map's date slider is away from today: say how things stood then */
      g_autofree char *when = accords_date_format (date);

      if (status == ACCORDS_STATUS_NONE)
        /* TRANSLATORS: a date · the countries party to an agreement */
        subtitle = g_strdup_printf (_("Not yet on %s · %s"), when, names->str);
      else
        /* TRANSLATORS: status of an agreement on a date · the countries party to it */
        subtitle = g_strdup_printf (_("%s on %s · %s"), accords_status_get_label (status), when, names->str);
    }
  else
    /* TRANSLATORS: status of an agreement · the countries party to it */
    subtitle = g_strdup_printf (_("%s · %s"), accords_status_get_label (status), names->str);
  if (!counts)
    gtk_widget_add_css_class (row, "dim-label");

  accords_status_chip_set_status (ACCORDS_STATUS_CHIP (chip), status);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), chip);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), accords_agreement_get_title (a));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "slug", g_strdup (accords_agreement_get_slug (a)), g_free);
  gtk_widget_add_css_class (row, "agreement-row");
  return row;
}

/* The country list recounts when the map's date moves; the rows show
 * statuses on that date, so they are drawn again */
static void
countries_changed_cb (AccordsAgreementList *self)
{
  const char *date = accords_country_list_get_date (self->countries);
  guint n;

  if (g_strcmp0 (date, self->rows_date) == 0)
    return;
  g_free (self->rows_date);
  self->rows_date = g_strdup (date);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->agreements));
  g_list_model_items_changed (G_LIST_MODEL (self->agreements), 0, n, n);
}

static void
row_activated_cb (AccordsAgreementList *self,
                  GtkListBoxRow        *row)
{
  g_signal_emit (self, signals[AGREEMENT_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "slug"));
}

static gboolean
has_party (AccordsAgreement *a,
           const char       *code)
{
  GListModel *parties = G_LIST_MODEL (accords_agreement_get_parties (a));

  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(AccordsParty) p = g_list_model_get_item (parties, i);

      if (g_strcmp0 (accords_party_get_country (p), code) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
accords_agreement_list_dispose (GObject *object)
{
  AccordsAgreementList *self = (AccordsAgreementList *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_AGREEMENT_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->agreements);
  g_clear_object (&self->countries);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_agreement_list_parent_class)->dispose (object);
}

static void
accords_agreement_list_finalize (GObject *object)
{
  AccordsAgreementList *self = (AccordsAgreementList *) object;

  g_free (self->rows_date);

  G_OBJECT_CLASS (accords_agreement_list_parent_class)->finalize (object);
}

static void
accords_agreement_list_class_init (AccordsAgreementListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_agreement_list_dispose;
  object_class->finalize = accords_agreement_list_finalize;

  signals[AGREEMENT_ACTIVATED] =
    g_signal_new ("agreement-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-agreement-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementList, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementList, list);
}

static void
accords_agreement_list_init (AccordsAgreementList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->agreements = g_list_store_new (ACCORDS_TYPE_AGREEMENT);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}

GtkWidget *
accords_agreement_list_new (void)
{
  return g_object_new (ACCORDS_TYPE_AGREEMENT_LIST, NULL);
}

void
accords_agreement_list_set_countries (AccordsAgreementList *self,
                                      AccordsContext       *context,
                                      AccordsCountryList   *countries)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT_LIST (self));
  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (ACCORDS_IS_COUNTRY_LIST (countries));
  g_return_if_fail (self->countries == NULL);

  self->context = g_object_ref (context);
  self->countries = g_object_ref (countries);
  g_signal_connect_object (countries, "items-changed", G_CALLBACK (countries_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->agreements), create_row, self, NULL);
}

void
accords_agreement_list_reload (AccordsAgreementList *self,
                               const char           *code)
{
  const GError *error;
  GListModel *all;
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autofree char *title = NULL;
  guint n;

  g_return_if_fail (ACCORDS_IS_AGREEMENT_LIST (self));
  g_return_if_fail (self->countries != NULL);

  if ((error = accords_country_list_get_error (self->countries)) != NULL)
    {
      accords_widget_show_edit_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }

  all = accords_country_list_get_agreements (self->countries);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (all, i);

      if (code == NULL || has_party (a, code))
        g_ptr_array_add (listed, a);
    }
  n = listed->len;
  g_list_store_splice (self->agreements, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agreements)),
                       listed->pdata, n);

  if (code != NULL)
    title = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u agreement", "%s: %u agreements", n),
                                     accords_context_get_country_name (self->context, code), n)
                  : g_strdup_printf (_("%s: no agreements tracked"),
                                     accords_context_get_country_name (self->context, code));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u agreement", "All %u agreements", n), n);
  gtk_label_set_label (self->title_label, title);
}

GListModel *
accords_agreement_list_get_model (AccordsAgreementList *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_LIST (self), NULL);
  return G_LIST_MODEL (self->agreements);
}

AccordsAgreement *
accords_agreement_list_find (AccordsAgreementList *self,
                             const char           *slug)
{
  guint n;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_LIST (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->agreements));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (G_LIST_MODEL (self->agreements), i);

      if (g_strcmp0 (accords_agreement_get_slug (a), slug) == 0)
        return a;   /* the list holds it */
    }
  return NULL;
}

const char *
accords_agreement_list_get_slug_at (AccordsAgreementList *self,
                                    double                x,
                                    double                y)
{
  GtkListBoxRow *row;
  double lx, ly;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_LIST (self), NULL);

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (self->list), x, y, &lx, &ly))
    return NULL;
  row = gtk_list_box_get_row_at_y (self->list, (int) ly);
  return row ? g_object_get_data (G_OBJECT (row), "slug") : NULL;
}
