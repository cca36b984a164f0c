/* accords-agreement-creation.c: the dialog that starts a new agreement */
#define G_LOG_DOMAIN "accords-agreement-creation"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-agreement-creation.h"
#include "accords-part-form.h"
#include "accords-party.h"
#include "accords-store-agreements.h"
#include "accords-util.h"
#include "accords-validation.h"
#include "accords-vocabulary.h"

typedef struct {
  GtkWidget               *parent;
  AccordsContext          *context;
  AccordsAgreementCreated  created;
  gboolean                 id_edited;
  gboolean                 setting_id;
} Creation;

static void
creation_free (Creation *cr)
{
  g_object_unref (cr->parent);
  g_object_unref (cr->context);
  g_free (cr);
}

static const char *
value (AccordsFormDialog *dialog,
       const char        *field)
{
  return accords_form_dialog_get_value (dialog, field);
}

static char *
stripped (AccordsFormDialog *dialog,
          const char        *field)
{
  return g_strstrip (g_strdup (value (dialog, field)));
}

static char *
free_slug (Creation   *cr,
           const char *title)
{
  AccordsStore *store = accords_context_get_store (cr->context);
  g_autofree char *base = accords_slugify (title);
  char *slug = g_strdup (base);

  for (guint n = 2; *slug && accords_store_has_agreement (store, slug); n++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s-%u", base, n);
    }
  return slug;
}

static AccordsAgreement *
creation_candidate (AccordsFormDialog *dialog)
{
  AccordsAgreement *a = accords_agreement_new ();
  g_autofree char *title = stripped (dialog, "title");
  g_autofree char *id = stripped (dialog, "id");
  const char *type = value (dialog, "type");
  const char *roles[] = { "sending", "receiving" };
  const char *fields[] = { "sending", "receiving" };

  accords_agreement_set_title (a, title);
  accords_agreement_set_slug (a, id);
  if (*type)
    {
      const char *types[] = { type, NULL };
      accords_agreement_set_types (a, types);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*value (dialog, fields[i]))
      {
        g_autoptr(AccordsParty) p = accords_party_new ();

        accords_party_set_country (p, value (dialog, fields[i]));
        accords_party_set_role (p, roles[i]);
        g_list_store_append (accords_agreement_get_parties (a), p);
      }
  return a;
}

static gboolean
check_creation (Creation          *cr,
                AccordsFormDialog *dialog)
{
  g_autoptr(AccordsAgreement) a = creation_candidate (dialog);
  g_autoptr(GPtrArray) issues = accords_agreement_check (a, accords_context_get_store (cr->context), NULL);
  const AccordsIssue *issue;

  accords_form_dialog_clear_messages (dialog);
  if ((issue = accords_issues_find (issues, "title")))
    accords_form_dialog_set_message (dialog, "title", issue->message);
  if ((issue = accords_issues_find (issues, "id")))
    accords_form_dialog_set_message (dialog, "id", issue->message);
  if ((issue = accords_issues_find (issues, "parties[1]")) && g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_parties (a))) == 2)
    accords_form_dialog_set_message (dialog, "receiving", issue->message);
  return issues->len == 0;
}

static void
creation_changed_cb (AccordsFormDialog *dialog,
                     const char        *field,
                     Creation          *cr)
{
  if (g_strcmp0 (field, "id") == 0 && !cr->setting_id)
    cr->id_edited = TRUE;
  if (g_strcmp0 (field, "title") == 0 && !cr->id_edited)
    {
      g_autofree char *slug = free_slug (cr, value (dialog, "title"));

      cr->setting_id = TRUE;
      accords_form_dialog_set_value (dialog, "id", slug);
      cr->setting_id = FALSE;
    }
  accords_form_dialog_set_can_save (dialog, check_creation (cr, dialog));
}

static void
creation_save_cb (AccordsFormDialog *dialog,
                  Creation          *cr)
{
  g_autoptr(AccordsAgreement) a = NULL;

  if (!check_creation (cr, dialog))
    {
      accords_form_dialog_set_can_save (dialog, FALSE);
      return;
    }
  a = creation_candidate (dialog);
  cr->created (cr->parent, a);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

AccordsFormDialog *
accords_agreement_creation_open (GtkWidget               *parent,
                                 AccordsContext          *context,
                                 AccordsAgreementCreated  created)
{
  AccordsFormDialog *dialog;
  Creation *cr;
  g_auto(GStrv) types = NULL, type_labels = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (created != NULL, NULL);

  cr = g_new0 (Creation, 1);
  cr->parent = g_object_ref (parent);
  cr->context = g_object_ref (context);
  cr->created = created;
  accords_part_vocabulary_choices (ACCORDS_VOCABULARY_AGREEMENT_TYPE, TRUE, &types, &type_labels);

  dialog = accords_form_dialog_new (parent, _("New Agreement"), _("_Create"));
  accords_form_dialog_add_group (dialog, NULL, _("The rest is filled in once it exists; every step can be undone."));
  accords_form_dialog_add_entry (dialog, "title", _("Title"), NULL);
  accords_form_dialog_add_entry (dialog, "id", _("Id (lower-case letters, digits and hyphens)"), NULL);
  accords_form_dialog_add_choice (dialog, "type", _("Type"), (const char * const *) types,
                                  (const char * const *) type_labels, "");
  accords_form_dialog_add_group (dialog, _("Parties"), NULL);
  accords_form_dialog_add_country (dialog, "sending", _("Sending country"), accords_context_get_iso_codes (context),
                                   TRUE, NULL);
  accords_form_dialog_add_country (dialog, "receiving", _("Receiving country"), accords_context_get_iso_codes (context),
                                   TRUE, NULL);
  accords_form_dialog_set_can_save (dialog, FALSE);

  g_object_set_data_full (G_OBJECT (dialog), "creation", cr, (GDestroyNotify) creation_free);
  g_signal_connect (dialog, "changed", G_CALLBACK (creation_changed_cb), cr);
  g_signal_connect (dialog, "save-requested", G_CALLBACK (creation_save_cb), cr);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
