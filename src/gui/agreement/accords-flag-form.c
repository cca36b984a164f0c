/* accords-flag-form.c: the editor's list of things to verify */
#define G_LOG_DOMAIN "accords-flag-form"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-flag-form.h"
#include "accords-flag.h"
#include "accords-util.h"

struct _AccordsFlagForm
{
  GtkWidget         parent_instance;

  GtkListBox       *list;

  AccordsContext   *context;
  AccordsAgreement *agreement;      /* the editor's */
};

static void part_form_iface_init (AccordsPartFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordsFlagForm, accords_flag_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ACCORDS_TYPE_PART_FORM, part_form_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_flag_form_dispose (GObject *object)
{
  AccordsFlagForm *self = (AccordsFlagForm *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_FLAG_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->agreement);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_flag_form_parent_class)->dispose (object);
}

static void
accords_flag_form_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  AccordsFlagForm *self = ACCORDS_FLAG_FORM (object);

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
accords_flag_form_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  AccordsFlagForm *self = ACCORDS_FLAG_FORM (object);

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
  return ACCORDS_FLAG_FORM (form)->agreement;
}

static AccordsContext *
get_context (AccordsPartForm *form)
{
  return ACCORDS_FLAG_FORM (form)->context;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AccordsFlagForm *self = user_data;
  AccordsFlag *f = item;
  guint index = accords_part_index_in (accords_agreement_get_flags (self->agreement), item);
  gboolean resolved = !accords_str_empty (accords_flag_get_resolved (f));
  g_autofree char *subtitle = resolved ? g_strdup_printf (_("Resolved %s: %s"), accords_flag_get_resolved (f),
                                                          accords_flag_get_resolution (f))
                                       : g_strdup (_("Not verified yet"));
  GtkWidget *row = accords_part_row_new ("flag", index, accords_flag_get_text (f), subtitle);
  GtkWidget *icon = gtk_image_new_from_icon_name (resolved ? "object-select-symbolic" : "dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, resolved ? "success" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (resolved)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               accords_part_row_button ("edit-undo-symbolic", _("Reopen"), "editor.reopen-flag",
                                                        g_variant_new_uint32 (index)));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               accords_part_row_button ("object-select-symbolic", _("Resolve…"), "editor.resolve-flag",
                                                        g_variant_new_uint32 (index)));
  return row;
}

static const char *
get_kind (AccordsPartForm *form)
{
  return "flag";
}

static const AccordsPartLabels *
get_labels (AccordsPartForm *form,
            const char      *mode)
{
  static const AccordsPartLabels labels = {
    N_("Add something to verify"), N_("Edit what to verify"), N_("Add Something to Verify"), N_("Edit What to Verify")
  };
  static const AccordsPartLabels resolve_labels = {
    N_("Resolve what to verify"), N_("Resolve what to verify"), N_("Resolve"), N_("Resolve")
  };

  return g_strcmp0 (mode, ACCORDS_FLAG_FORM_RESOLVE) == 0 ? &resolve_labels : &labels;
}

static void
load (AccordsPartForm  *form,
      AccordsAgreement *agreement)
{
  AccordsFlagForm *self = ACCORDS_FLAG_FORM (form);

  g_set_object (&self->agreement, agreement);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (accords_agreement_get_flags (agreement)), create_row, self, NULL);
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit)
{
  AccordsFlagForm *self = ACCORDS_FLAG_FORM (form);
  g_autoptr(AccordsFlag) f = accords_part_at (accords_agreement_get_flags (self->agreement), edit->index,
                                              ACCORDS_TYPE_FLAG);

  if (g_strcmp0 (edit->mode, ACCORDS_FLAG_FORM_RESOLVE) == 0)
    {
      g_autofree char *when = accords_date_today ();

      accords_form_dialog_add_group (edit->dialog, accords_flag_get_text (f), NULL);
      accords_form_dialog_add_entry (edit->dialog, "resolved", _("Resolved on"), when);
      accords_form_dialog_add_entry (edit->dialog, "resolution", _("How it was resolved"), NULL);
      accords_part_edit_mark (edit, "resolved", "resolution", NULL);
      return;
    }
  accords_form_dialog_add_group (edit->dialog, NULL, NULL);
  accords_form_dialog_add_entry (edit->dialog, "text", _("What needs verifying"), accords_flag_get_text (f));
  accords_part_edit_mark (edit, "text", NULL);
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit)
{
  GListStore *store = accords_agreement_get_flags (edit->candidate);
  g_autoptr(AccordsFlag) f = accords_part_at (store, edit->index, ACCORDS_TYPE_FLAG);

  if (accords_part_edit_has (edit, "text"))
    {
      g_autofree char *text = accords_part_edit_stripped (edit, "text");
      accords_flag_set_text (f, text);
    }
  if (accords_part_edit_has (edit, "resolved"))
    {
      g_autofree char *when = accords_part_edit_stripped (edit, "resolved");
      g_autofree char *how = accords_part_edit_stripped (edit, "resolution");

      accords_flag_set_resolved (f, *when ? when : NULL);
      accords_flag_set_resolution (f, how);
    }
  accords_part_edit_put (edit, "verify", store, f);
  accords_part_edit_map (edit, "text", "text", "resolved", "resolved", "resolution", "resolution", NULL);
}

static char *
remove_part (AccordsPartForm  *form,
             AccordsAgreement *candidate,
             guint             index)
{
  GListStore *store = accords_agreement_get_flags (candidate);

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return NULL;
  g_list_store_remove (store, index);
  return g_strdup_printf (_("%s deleted"), _("What to verify"));
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
accords_flag_form_class_init (AccordsFlagFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_flag_form_dispose;
  object_class->get_property = accords_flag_form_get_property;
  object_class->set_property = accords_flag_form_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");
  properties[PROP_CONTEXT] = g_object_class_find_property (object_class, "context");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-flag-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsFlagForm, list);
}

static void
accords_flag_form_init (AccordsFlagForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_list_set_placeholder (self->list, _("Nothing to verify"));
}

void
accords_flag_form_reopen (AccordsFlagForm *self,
                          guint            index)
{
  g_autoptr(AccordsAgreement) candidate = NULL;
  g_autoptr(AccordsFlag) flag = NULL;

  g_return_if_fail (ACCORDS_IS_FLAG_FORM (self));

  if (self->agreement == NULL)
    return;
  candidate = accords_agreement_copy (self->agreement);
  flag = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (candidate)), index);
  if (flag == NULL)
    return;
  accords_flag_set_resolved (flag, NULL);
  accords_flag_set_resolution (flag, "");
  accords_part_form_emit_changed (ACCORDS_PART_FORM (self), candidate, _("Reopen what to verify"));
}
