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
  AccordsPartForm parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordsPartyForm, accords_party_form, ACCORDS_TYPE_PART_FORM)

static GtkWidget *
create_row (AccordsPartForm *form,
            gpointer         part,
            guint            index)
{
  AccordsParty *p = part;
  g_autofree char *role = accords_vocabulary_get_label (ACCORDS_VOCABULARY_PARTY_ROLE, accords_party_get_role (p));
  g_autofree char *title = g_strdup_printf ("%s (%s)",
                                            accords_context_get_country_name (accords_part_form_get_context (form),
                                                                              accords_party_get_country (p)),
                                            accords_party_get_country (p));

  return accords_part_form_new_row (form, index, title, role);
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit,
      gpointer         part)
{
  AccordsParty *p = part;
  g_auto(GStrv) values = NULL;
  g_auto(GStrv) labels = NULL;

  accords_part_vocabulary_choices (ACCORDS_VOCABULARY_PARTY_ROLE, FALSE, &values, &labels);
  accords_form_dialog_add_group (edit->dialog, NULL, NULL);
  accords_form_dialog_add_country (edit->dialog, "country", _("Country"),
                                   accords_context_get_iso_codes (accords_part_form_get_context (form)),
                                   FALSE, accords_party_get_country (p));
  accords_form_dialog_add_choice (edit->dialog, "role", _("Role"), (const char * const *) values,
                                  (const char * const *) labels, accords_party_get_role (p));
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit,
            gpointer         part)
{
  accords_party_set_country (part, accords_part_edit_value (edit, "country"));
  accords_party_set_role (part, accords_part_edit_value (edit, "role"));
  accords_part_edit_map (edit, "country", "country", "role", "role", NULL);
}

static void
accords_party_form_class_init (AccordsPartyFormClass *klass)
{
  AccordsPartFormClass *form_class = ACCORDS_PART_FORM_CLASS (klass);
  static const AccordsPartLabels labels = {
    N_("Add party"), N_("Edit party"), N_("Add Party"), N_("Edit Party")
  };

  accords_part_form_class_set_template (form_class, "party", RESOURCE_PREFIX "/accords-party-form.ui");
  form_class->labels = &labels;
  form_class->noun = N_("Party");
  form_class->create_row = create_row;
  form_class->fill = fill;
  form_class->write = write_part;
}

static void
accords_party_form_init (AccordsPartyForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_form_set_placeholder (ACCORDS_PART_FORM (self), _("No parties yet"));
}
