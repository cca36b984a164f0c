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
  AccordsPartForm parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordsFlagForm, accords_flag_form, ACCORDS_TYPE_PART_FORM)

static GtkWidget *
create_row (AccordsPartForm *form,
            gpointer         part,
            guint            index)
{
  AccordsFlag *f = part;
  gboolean resolved = !accords_str_empty (accords_flag_get_resolved (f));
  g_autofree char *subtitle = resolved ? g_strdup_printf (_("Resolved %s: %s"), accords_flag_get_resolved (f),
                                                          accords_flag_get_resolution (f))
                                       : g_strdup (_("Not verified yet"));
  GtkWidget *row = accords_part_form_new_row (form, index, accords_flag_get_text (f), subtitle);
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

static const AccordsPartLabels *
get_labels (AccordsPartForm *form,
            const char      *mode)
{
  static const AccordsPartLabels resolve_labels = {
    N_("Resolve what to verify"), N_("Resolve what to verify"), N_("Resolve"), N_("Resolve")
  };

  if (g_strcmp0 (mode, ACCORDS_FLAG_FORM_RESOLVE) == 0)
    return &resolve_labels;
  return ACCORDS_PART_FORM_GET_CLASS (form)->labels;
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit,
      gpointer         part)
{
  AccordsFlag *f = part;

  if (g_strcmp0 (edit->mode, ACCORDS_FLAG_FORM_RESOLVE) == 0)
    {
      g_autofree char *when = accords_date_today ();

      accords_form_dialog_add_group (edit->dialog, accords_flag_get_text (f), NULL);
      accords_form_dialog_add_entry (edit->dialog, "resolved", _("Resolved on"), when);
      accords_form_dialog_add_entry (edit->dialog, "resolution", _("How it was resolved"), NULL);
      return;
    }
  accords_form_dialog_add_group (edit->dialog, NULL, NULL);
  accords_form_dialog_add_entry (edit->dialog, "text", _("What needs verifying"), accords_flag_get_text (f));
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit,
            gpointer         part)
{
  AccordsFlag *f = part;

  accords_part_edit_set_texts (edit, f, "text", NULL);
  if (accords_form_dialog_has_field (edit->dialog, "resolved"))
    {
      g_autofree char *when = accords_part_edit_stripped (edit, "resolved");
      g_autofree char *how = accords_part_edit_stripped (edit, "resolution");

      accords_flag_set_resolved (f, *when ? when : NULL);
      accords_flag_set_resolution (f, how);
    }
  accords_part_edit_map (edit, "text", "text", "resolved", "resolved", "resolution", "resolution", NULL);
}

static void
accords_flag_form_class_init (AccordsFlagFormClass *klass)
{
  AccordsPartFormClass *form_class = ACCORDS_PART_FORM_CLASS (klass);
  static const AccordsPartLabels labels = {
    N_("Add something to verify"), N_("Edit what to verify"), N_("Add Something to Verify"), N_("Edit What to Verify")
  };

  accords_part_form_class_set_template (form_class, "flag", RESOURCE_PREFIX "/accords-flag-form.ui");
  form_class->labels = &labels;
  form_class->noun = N_("What to verify");
  form_class->get_labels = get_labels;
  form_class->create_row = create_row;
  form_class->fill = fill;
  form_class->write = write_part;
}

static void
accords_flag_form_init (AccordsFlagForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_form_set_placeholder (ACCORDS_PART_FORM (self), _("Nothing to verify"));
}

void
accords_flag_form_reopen (AccordsFlagForm *self,
                          guint            index)
{
  AccordsAgreement *agreement;
  g_autoptr(AccordsAgreement) candidate = NULL;
  g_autoptr(AccordsFlag) flag = NULL;

  g_return_if_fail (ACCORDS_IS_FLAG_FORM (self));

  if ((agreement = accords_part_form_get_agreement (ACCORDS_PART_FORM (self))) == NULL)
    return;
  candidate = accords_agreement_copy (agreement);
  flag = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (candidate)), index);
  if (flag == NULL)
    return;
  accords_flag_set_resolved (flag, NULL);
  accords_flag_set_resolution (flag, "");
  accords_part_form_emit_changed (ACCORDS_PART_FORM (self), candidate, _("Reopen what to verify"));
}
