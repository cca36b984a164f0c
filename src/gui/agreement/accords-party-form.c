/* accords-party-form.c: the editor's list of parties */
#define G_LOG_DOMAIN "accords-party-form"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-context.h"
#include "accords-party-form.h"
#include "accords-party.h"
#include "accords-vocabulary.h"

struct _AccordsPartyForm
{
  GtkWidget         parent_instance;

  GtkListBox       *list;

  AccordsContext   *context;
  AccordsAgreement *agreement;      /* the editor's */
};

static void part_form_iface_init (AccordsPartFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordsPartyForm, accords_party_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ACCORDS_TYPE_PART_FORM, part_form_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_party_form_dispose (GObject *object)
{
  AccordsPartyForm *self = (AccordsPartyForm *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_PARTY_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->agreement);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_party_form_parent_class)->dispose (object);
}

static void
accords_party_form_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AccordsPartyForm *self = ACCORDS_PARTY_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_party_form_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AccordsPartyForm *self = ACCORDS_PARTY_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        g_object_notify_by_pspec (object, properties[PROP_CONTEXT]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AccordsAgreement *
get_agreement (AccordsPartForm *form)
{
  return ACCORDS_PARTY_FORM (form)->agreement;
}

static AccordsContext *
get_context (AccordsPartForm *form)
{
  return ACCORDS_PARTY_FORM (form)->context;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AccordsPartyForm *self = user_data;
  AccordsParty *p = item;
  g_autofree char *role = accords_vocabulary_get_label (ACCORDS_VOCABULARY_PARTY_ROLE, accords_party_get_role (p));
  g_autofree char *title = g_strdup_printf ("%s (%s)", accords_context_get_country_name (self->context, accords_party_get_country (p)),
                                            accords_party_get_country (p));

  return accords_part_row_new ("party", accords_part_index_in (accords_agreement_get_parties (self->agreement), item),
                               title, role);
}

static const char *
get_kind (AccordsPartForm *form)
{
  return "party";
}

static const AccordsPartLabels *
get_labels (AccordsPartForm *form,
            const char      *mode)
{
  static const AccordsPartLabels labels = {
    N_("Add party"), N_("Edit party"), N_("Add Party"), N_("Edit Party")
  };

  return &labels;
}

static void
load (AccordsPartForm  *form,
      AccordsAgreement *agreement)
{
  AccordsPartyForm *self = ACCORDS_PARTY_FORM (form);

  g_set_object (&self->agreement, agreement);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (accords_agreement_get_parties (agreement)), create_row, self, NULL);
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit)
{
  AccordsPartyForm *self = ACCORDS_PARTY_FORM (form);
  g_autoptr(AccordsParty) p = accords_part_at (accords_agreement_get_parties (self->agreement), edit->index,
                                               ACCORDS_TYPE_PARTY);
  g_auto(GStrv) values = NULL;
  g_auto(GStrv) labels = NULL;

  accords_part_vocabulary_choices (ACCORDS_VOCABULARY_PARTY_ROLE, FALSE, &values, &labels);
  accords_form_dialog_add_group (edit->dialog, NULL, NULL);
  accords_form_dialog_add_country (edit->dialog, "country", _("Country"), accords_context_get_iso_codes (self->context),
                                   FALSE, accords_party_get_country (p));
  accords_form_dialog_add_choice (edit->dialog, "role", _("Role"), (const char * const *) values,
                                  (const char * const *) labels, accords_party_get_role (p));
  accords_part_edit_mark (edit, "country", "role", NULL);
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit)
{
  GListStore *store = accords_agreement_get_parties (edit->candidate);
  g_autoptr(AccordsParty) p = accords_part_at (store, edit->index, ACCORDS_TYPE_PARTY);

  accords_party_set_country (p, accords_part_edit_value (edit, "country"));
  accords_party_set_role (p, accords_part_edit_value (edit, "role"));
  accords_part_edit_put (edit, "parties", store, p);
  accords_part_edit_map (edit, "country", "country", "role", "role", NULL);
}

static char *
remove_part (AccordsPartForm  *form,
             AccordsAgreement *candidate,
             guint             index)
{
  GListStore *store = accords_agreement_get_parties (candidate);

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return NULL;
  g_list_store_remove (store, index);
  /* TRANSLATORS: "Event deleted", "Party deleted"... */
  return g_strdup_printf (_("%s deleted"), _("Party"));
}

static void
part_form_iface_init (AccordsPartFormInterface *iface)
{
  iface->get_kind = get_kind;
  iface->get_labels = get_labels;
  iface->load = load;
  iface->get_agreement = get_agreement;
  iface->get_context = get_context;
  iface->fill = fill;
  iface->write = write_part;
  iface->remove = remove_part;
}

static void
accords_party_form_class_init (AccordsPartyFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_party_form_dispose;
  object_class->get_property = accords_party_form_get_property;
  object_class->set_property = accords_party_form_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");
  properties[PROP_CONTEXT] = g_object_class_find_property (object_class, "context");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-party-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsPartyForm, list);
}

static void
accords_party_form_init (AccordsPartyForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_list_set_placeholder (self->list, _("No parties yet"));
}
