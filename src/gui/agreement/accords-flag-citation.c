/* accords-flag-citation.c: the dialog that resolves what was to verify by citing a source */
#define G_LOG_DOMAIN "accords-flag-citation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-date.h"
#include "accords-edit-push.h"
#include "accords-event.h"
#include "accords-evidence.h"
#include "accords-flag-citation.h"
#include "accords-flag.h"
#include "accords-item-link.h"
#include "accords-part-form.h"
#include "accords-util.h"
#include "accords-validation.h"

/* The choice's values: a source's URL, or this before a linked item's id */
#define ITEM_PREFIX "item:"

typedef struct {
  GtkWidget        *parent;
  AccordsContext   *context;
  AccordsAgreement *agreement;
  guint             flag_index;
  GPtrArray        *links;      /* AccordsItemLink offered */
} Citation;

static void
citation_free (gpointer  data,
               GClosure *closure)
{
  Citation *c = data;

  g_object_unref (c->parent);
  g_object_unref (c->context);
  g_object_unref (c->agreement);
  g_ptr_array_unref (c->links);
  g_free (c);
}

static void
chosen_changed_cb (AccordsFormDialog *dialog,
                   const char        *field,
                   gpointer           user_data)
{
  accords_form_dialog_set_can_save (dialog, *accords_form_dialog_get_value (dialog, "source") != '\0');
}

static AccordsSource *
find_source (AccordsAgreement *agreement,
             const char       *url)
{
  GListModel *sources = G_LIST_MODEL (accords_agreement_get_sources (agreement));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (sources, i);

      if (g_strcmp0 (accords_source_get_url (s), url) == 0)
        return g_steal_pointer (&s);
    }
  return NULL;
}

static AccordsItemLink *
find_link (Citation   *c,
           const char *value)
{
  gint64 id;

  if (!g_str_has_prefix (value, ITEM_PREFIX) ||
      !g_ascii_string_to_signed (value + strlen (ITEM_PREFIX), 10, 1, G_MAXINT64, &id, NULL))
    return NULL;
  for (guint i = 0; i < c->links->len; i++)
    if (accords_item_link_get_item_id (c->links->pdata[i]) == id)
      return c->links->pdata[i];
  return NULL;
}

static void
save_cb (AccordsFormDialog *dialog,
         Citation          *c)
{
  const char *chosen = accords_form_dialog_get_value (dialog, "source");
  g_autoptr(AccordsSource) source = NULL;
  g_autoptr(AccordsCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  AccordsItemLink *link = find_link (c, chosen);

  if (link == NULL && (source = find_source (c->agreement, chosen)) == NULL)
    {
      accords_form_dialog_set_can_save (dialog, FALSE);
      return;
    }
  command = accords_evidence_resolve_flag_command (c->agreement, c->flag_index, source, link, NULL, &error);
  if (command == NULL)
    {
      accords_form_dialog_set_message (dialog, NULL, error->message);
      accords_form_dialog_set_can_save (dialog, FALSE);
      return;
    }
  accords_edit_push (c->parent, accords_context_get_history (c->context), command,
                     _("Resolved by citing a source"), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* "The event of 25 April 2024 (Ratified) cites it" */
static char *
describe_target (AccordsAgreement *agreement,
                 AccordsFlag      *flag)
{
  int index = accords_evidence_flag_event (agreement, flag);
  g_autoptr(AccordsEvent) event = NULL;
  g_autofree char *date = NULL;

  if (index < 0)
    return g_strdup (_("It becomes one of the agreement’s sources, and the flag is marked resolved today."));
  event = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (agreement)), (guint) index);
  date = accords_date_format (accords_event_get_date (event));
  /* Translators: "the event of 25 April 2024 (Ratified)" */
  return g_strdup_printf (_("The event of %s (%s) cites it, and the flag is marked resolved today."),
                          date, accords_event_type_get_label (accords_event_get_event_type (event)));
}

AccordsFormDialog *
accords_flag_citation_open (GtkWidget        *parent,
                            AccordsContext   *context,
                            AccordsAgreement *agreement,
                            guint             flag_index,
                            GListModel       *linked)
{
  g_autoptr(AccordsFlag) flag = NULL;
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  g_auto(GStrv) labels = NULL;
  g_autofree char *target = NULL;
  GListModel *sources;
  AccordsFormDialog *dialog;
  Citation *c;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (linked == NULL || G_IS_LIST_MODEL (linked), NULL);

  flag = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (agreement)), flag_index);
  if (flag == NULL || !accords_str_empty (accords_flag_get_resolved (flag)))
    return NULL;

  c = g_new0 (Citation, 1);
  c->parent = g_object_ref (parent);
  c->context = g_object_ref (context);
  c->agreement = g_object_ref (agreement);
  c->flag_index = flag_index;
  c->links = g_ptr_array_new_with_free_func (g_object_unref);

  g_strv_builder_add (v, "");
  g_strv_builder_add (l, _("Choose a source"));
  sources = G_LIST_MODEL (accords_agreement_get_sources (agreement));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (sources, i);

      g_strv_builder_add (v, accords_source_get_url (s));
      g_strv_builder_add (l, accords_part_source_label (s));
    }
  for (guint i = 0; linked && i < g_list_model_get_n_items (linked); i++)
    {
      g_autoptr(AccordsItemLink) link = g_list_model_get_item (linked, i);
      const char *url = accords_item_link_get_link (link);
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;
      g_autofree char *day = NULL;

      if (g_str_equal (accords_item_link_get_state (link), "rejected") || !accords_is_http_url (url))
        continue;
      {
        g_autoptr(AccordsSource) cited = find_source (agreement, url);

        if (cited != NULL)
          continue;   /* offered as a source already */
      }
      day = g_strndup (accords_str_or_empty (accords_item_link_get_published (link)), 10);
      value = g_strdup_printf (ITEM_PREFIX "%" G_GINT64_FORMAT, accords_item_link_get_item_id (link));
      /* Translators: a linked news item offered as a source: "News: Rwanda, US sign deal (2025-06-05)" */
      label = g_strdup_printf (_("News: %s (%s)"),
                               accords_str_empty (accords_item_link_get_title (link)) ? url : accords_item_link_get_title (link),
                               *day ? day : accords_item_link_get_feed_title (link));
      g_strv_builder_add (v, value);
      g_strv_builder_add (l, label);
      g_ptr_array_add (c->links, g_object_ref (link));
    }
  values = g_strv_builder_end (v);
  labels = g_strv_builder_end (l);

  target = describe_target (agreement, flag);
  dialog = accords_form_dialog_new (parent, _("Resolve by Citing a Source"), _("_Resolve"));
  accords_form_dialog_add_group (dialog, accords_flag_get_text (flag), target);
  accords_form_dialog_add_choice (dialog, "source", _("Source"), (const char * const *) values,
                                  (const char * const *) labels, "");
  accords_form_dialog_set_can_save (dialog, FALSE);
  g_signal_connect (dialog, "changed", G_CALLBACK (chosen_changed_cb), NULL);
  g_signal_connect_data (dialog, "save-requested", G_CALLBACK (save_cb), c, citation_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
