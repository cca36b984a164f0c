/* accords-source-form.c: the editor's list of sources */
#define G_LOG_DOMAIN "accords-source-form"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-source-form.h"
#include "accords-store-curation.h"
#include "accords-util.h"
#include "accords-vocabulary.h"

struct _AccordsSourceForm
{
  AccordsPartForm parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordsSourceForm, accords_source_form, ACCORDS_TYPE_PART_FORM)

static GtkWidget *
create_row (AccordsPartForm *form,
            gpointer         part,
            guint            index)
{
  AccordsSource *s = part;
  g_autoptr(GUri) uri = g_uri_parse (accords_source_get_url (s), G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  if (accords_str_empty (accords_source_get_title (s)) && host != NULL)
    return accords_part_form_new_row (form, index, host, accords_source_get_url (s));
  return accords_part_form_new_row (form, index, accords_part_source_label (s), accords_source_get_url (s));
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit,
      gpointer         part)
{
  AccordsFormDialog *dialog = edit->dialog;
  AccordsSource *s = part;
  int index = edit->index;
  g_auto(GStrv) types = NULL, type_labels = NULL;
  g_autofree char *accessed = index < 0 ? accords_date_today () : g_strdup (accords_source_get_accessed (s));

  accords_part_vocabulary_choices (ACCORDS_VOCABULARY_SOURCE_TYPE, TRUE, &types, &type_labels);
  accords_form_dialog_add_group (dialog, NULL, index >= 0 ? _("A source is shared by every agreement that cites "
                                                              "its URL: an edit here shows there too.") : NULL);
  accords_form_dialog_add_entry (dialog, "url", _("URL (http or https)"), accords_source_get_url (s));
  accords_form_dialog_add_entry (dialog, "title", _("Title"), accords_source_get_title (s));
  accords_form_dialog_add_entry (dialog, "publisher", _("Publisher"), accords_source_get_publisher (s));
  accords_form_dialog_add_entry (dialog, "published", _("Published (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_source_get_published (s));
  accords_form_dialog_add_entry (dialog, "accessed", _("Accessed"), accessed);
  accords_form_dialog_add_choice (dialog, "type", _("Kind of source"), (const char * const *) types,
                                  (const char * const *) type_labels,
                                  index < 0 ? "web" : accords_source_get_source_type (s));
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit,
            gpointer         part)
{
  AccordsSource *s = part;
  g_autofree char *old_url = g_strdup (accords_source_get_url (s));

  accords_part_edit_set_texts (edit, s, "url", "title", "publisher", "published", "accessed", NULL);
  accords_source_set_source_type (s, accords_part_edit_value (edit, "type"));
  if (edit->index >= 0 && g_strcmp0 (old_url, accords_source_get_url (s)) != 0)
    accords_part_recite (edit->candidate, old_url, accords_source_get_url (s));
  accords_part_edit_map (edit, "url", "url", "published", "published", "accessed", "accessed", "type", "type", NULL);
  /* the source row is shared: an edit writes it as it is now */
  if (edit->index >= 0)
    {
      edit->source_after = accords_part_copy (s);
      edit->source_before = accords_store_load_source_by_url (accords_context_get_store (accords_part_form_get_context (form)),
                                                              accords_source_get_url (s), NULL);
    }
}

static char *
removed (AccordsPartForm  *form,
         AccordsAgreement *candidate,
         gpointer          part)
{
  guint n = accords_part_recite (candidate, accords_source_get_url (part), NULL);

  return n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source deleted, and %u citation of it",
                                           "Source deleted, and %u citations of it", n), n)
           : g_strdup (_("Source deleted"));
}

static void
accords_source_form_class_init (AccordsSourceFormClass *klass)
{
  AccordsPartFormClass *form_class = ACCORDS_PART_FORM_CLASS (klass);
  static const AccordsPartLabels labels = {
    N_("Add source"), N_("Edit source"), N_("Add Source"), N_("Edit Source")
  };

  accords_part_form_class_set_template (form_class, "source", RESOURCE_PREFIX "/accords-source-form.ui");
  form_class->labels = &labels;
  form_class->create_row = create_row;
  form_class->fill = fill;
  form_class->write = write_part;
  form_class->removed = removed;
}

static void
accords_source_form_init (AccordsSourceForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_form_set_placeholder (ACCORDS_PART_FORM (self), _("No sources yet"));
}
