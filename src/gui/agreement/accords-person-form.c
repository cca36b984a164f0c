/* accords-person-form.c: the editor's list of people */
#define G_LOG_DOMAIN "accords-person-form"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-person-form.h"
#include "accords-person-role.h"
#include "accords-util.h"

struct _AccordsPersonForm
{
  GtkWidget         parent_instance;

  GtkListBox       *list;

  AccordsContext   *context;
  AccordsAgreement *agreement;      /* the editor's */
};

static void part_form_iface_init (AccordsPartFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordsPersonForm, accords_person_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ACCORDS_TYPE_PART_FORM, part_form_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_person_form_dispose (GObject *object)
{
  AccordsPersonForm *self = (AccordsPersonForm *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_PERSON_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->agreement);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_person_form_parent_class)->dispose (object);
}

static void
accords_person_form_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AccordsPersonForm *self = ACCORDS_PERSON_FORM (object);

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
accords_person_form_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AccordsPersonForm *self = ACCORDS_PERSON_FORM (object);

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
  return ACCORDS_PERSON_FORM (form)->agreement;
}

static AccordsContext *
get_context (AccordsPartForm *form)
{
  return ACCORDS_PERSON_FORM (form)->context;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AccordsPersonForm *self = user_data;
  AccordsPersonRole *r = item;
  g_autoptr(GString) subtitle = g_string_new (accords_person_role_get_role (r));

  if (!accords_str_empty (accords_person_role_get_country (r)))
    g_string_append_printf (subtitle, ", %s",
                            accords_context_get_country_name (self->context, accords_person_role_get_country (r)));
  if (!accords_str_empty (accords_person_role_get_start (r)) || !accords_str_empty (accords_person_role_get_end (r)))
    g_string_append_printf (subtitle, " (%s–%s)", accords_str_or_empty (accords_person_role_get_start (r)),
                            accords_str_or_empty (accords_person_role_get_end (r)));
  return accords_part_row_new ("person", accords_part_index_in (accords_agreement_get_people (self->agreement), item),
                               accords_person_role_get_name (r), subtitle->str);
}

static const char *
get_kind (AccordsPartForm *form)
{
  return "person";
}

static const AccordsPartLabels *
get_labels (AccordsPartForm *form,
            const char      *mode)
{
  static const AccordsPartLabels labels = {
    N_("Add person"), N_("Edit person"), N_("Add Person"), N_("Edit Person")
  };

  return &labels;
}

static void
load (AccordsPartForm  *form,
      AccordsAgreement *agreement)
{
  AccordsPersonForm *self = ACCORDS_PERSON_FORM (form);

  g_set_object (&self->agreement, agreement);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (accords_agreement_get_people (agreement)), create_row, self, NULL);
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit)
{
  AccordsPersonForm *self = ACCORDS_PERSON_FORM (form);
  AccordsFormDialog *dialog = edit->dialog;
  g_autoptr(AccordsPersonRole) r = accords_part_at (accords_agreement_get_people (self->agreement), edit->index,
                                                    ACCORDS_TYPE_PERSON_ROLE);
  g_auto(GStrv) urls = NULL, url_labels = NULL;

  accords_part_source_choices (self->agreement, TRUE, &urls, &url_labels);
  accords_form_dialog_add_group (dialog, NULL, NULL);
  accords_form_dialog_add_entry (dialog, "name", _("Name"), accords_person_role_get_name (r));
  accords_form_dialog_add_entry (dialog, "role", _("Role"), accords_person_role_get_role (r));
  accords_form_dialog_add_country (dialog, "country", _("Country"), accords_context_get_iso_codes (self->context),
                                   TRUE, accords_person_role_get_country (r));
  accords_form_dialog_add_entry (dialog, "start", _("From (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_person_role_get_start (r));
  accords_form_dialog_add_entry (dialog, "end", _("Until"), accords_person_role_get_end (r));
  accords_form_dialog_add_choice (dialog, "source", _("Source"), (const char * const *) urls,
                                  (const char * const *) url_labels, accords_person_role_get_source_url (r));
  accords_part_edit_mark (edit, "name", "role", "country", "start", "end", "source", NULL);
  accords_part_edit_add_source_pickers (edit, FALSE);
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit)
{
  GListStore *store = accords_agreement_get_people (edit->candidate);
  g_autoptr(AccordsPersonRole) r = accords_part_at (store, edit->index, ACCORDS_TYPE_PERSON_ROLE);
  g_autofree char *name = accords_part_edit_stripped (edit, "name");
  g_autofree char *role = accords_part_edit_stripped (edit, "role");
  g_autofree char *start = accords_part_edit_stripped (edit, "start");
  g_autofree char *end = accords_part_edit_stripped (edit, "end");
  g_autofree char *extra = accords_part_edit_take_new_source (edit);
  const char *country = accords_part_edit_value (edit, "country");

  accords_person_role_set_name (r, name);
  accords_person_role_set_role (r, role);
  accords_person_role_set_country (r, accords_str_empty (country) ? NULL : country);
  accords_person_role_set_start (r, start);
  accords_person_role_set_end (r, end);
  accords_person_role_set_source_url (r, extra ? extra : accords_part_edit_value (edit, "source"));
  accords_part_edit_put (edit, "people", store, r);
  accords_part_edit_map (edit, "name", "name", "role", "role", "country", "country", "start", "start", "end", "end",
                         "source", extra ? "new_url" : "source", NULL);
}

static char *
remove_part (AccordsPartForm  *form,
             AccordsAgreement *candidate,
             guint             index)
{
  GListStore *store = accords_agreement_get_people (candidate);

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return NULL;
  g_list_store_remove (store, index);
  return g_strdup_printf (_("%s deleted"), _("Person"));
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
accords_person_form_class_init (AccordsPersonFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_person_form_dispose;
  object_class->get_property = accords_person_form_get_property;
  object_class->set_property = accords_person_form_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");
  properties[PROP_CONTEXT] = g_object_class_find_property (object_class, "context");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-person-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsPersonForm, list);
}

static void
accords_person_form_init (AccordsPersonForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_list_set_placeholder (self->list, _("No people yet"));
}
