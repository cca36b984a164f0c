/* accords-person-form.c: the editor's list of people */
#define G_LOG_DOMAIN "accords-person-form"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-person-form.h"
#include "accords-person-role.h"
#include "accords-util.h"

struct _AccordsPersonForm
{
  AccordsPartForm parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordsPersonForm, accords_person_form, ACCORDS_TYPE_PART_FORM)

static GtkWidget *
create_row (AccordsPartForm *form,
            gpointer         part,
            guint            index)
{
  AccordsContext *context = accords_part_form_get_context (form);
  AccordsPersonRole *r = part;
  g_autoptr(GString) subtitle = g_string_new (accords_person_role_get_role (r));

  if (!accords_str_empty (accords_person_role_get_country (r)))
    g_string_append_printf (subtitle, ", %s", accords_context_get_country_name (context, accords_person_role_get_country (r)));
  if (!accords_str_empty (accords_person_role_get_start (r)) || !accords_str_empty (accords_person_role_get_end (r)))
    g_string_append_printf (subtitle, " (%s–%s)", accords_str_or_empty (accords_person_role_get_start (r)),
                            accords_str_or_empty (accords_person_role_get_end (r)));
  return accords_part_form_new_row (form, index, accords_person_role_get_name (r), subtitle->str);
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit,
      gpointer         part)
{
  AccordsFormDialog *dialog = edit->dialog;
  AccordsPersonRole *r = part;
  g_auto(GStrv) urls = NULL, url_labels = NULL;

  accords_part_source_choices (accords_part_form_get_agreement (form), TRUE, &urls, &url_labels);
  accords_form_dialog_add_group (dialog, NULL, NULL);
  accords_form_dialog_add_entry (dialog, "name", _("Name"), accords_person_role_get_name (r));
  accords_form_dialog_add_entry (dialog, "role", _("Role"), accords_person_role_get_role (r));
  accords_form_dialog_add_country (dialog, "country", _("Country"),
                                   accords_context_get_iso_codes (accords_part_form_get_context (form)),
                                   TRUE, accords_person_role_get_country (r));
  accords_form_dialog_add_entry (dialog, "start", _("From (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_person_role_get_start (r));
  accords_form_dialog_add_entry (dialog, "end", _("Until"), accords_person_role_get_end (r));
  accords_form_dialog_add_choice (dialog, "source", _("Source"), (const char * const *) urls,
                                  (const char * const *) url_labels, accords_person_role_get_source_url (r));
  accords_part_edit_add_source_pickers (edit, FALSE);
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit,
            gpointer         part)
{
  AccordsPersonRole *r = part;
  g_autofree char *extra = accords_part_edit_take_new_source (edit);
  const char *country = accords_part_edit_value (edit, "country");

  accords_part_edit_set_texts (edit, r, "name", "role", "start", "end", NULL);
  accords_person_role_set_country (r, accords_str_empty (country) ? NULL : country);
  accords_person_role_set_source_url (r, extra ? extra : accords_part_edit_value (edit, "source"));
  accords_part_edit_map (edit, "name", "name", "role", "role", "country", "country", "start", "start", "end", "end",
                         "source", extra ? "new_url" : "source", NULL);
}

static void
accords_person_form_class_init (AccordsPersonFormClass *klass)
{
  AccordsPartFormClass *form_class = ACCORDS_PART_FORM_CLASS (klass);
  static const AccordsPartLabels labels = {
    N_("Add person"), N_("Edit person"), N_("Add Person"), N_("Edit Person")
  };

  accords_part_form_class_set_template (form_class, "person", RESOURCE_PREFIX "/accords-person-form.ui");
  form_class->labels = &labels;
  form_class->noun = N_("Person");
  form_class->create_row = create_row;
  form_class->fill = fill;
  form_class->write = write_part;
}

static void
accords_person_form_init (AccordsPersonForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_form_set_placeholder (ACCORDS_PART_FORM (self), _("No people yet"));
}
