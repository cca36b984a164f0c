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
  GtkWidget         parent_instance;

  GtkListBox       *list;

  AccordsContext   *context;
  AccordsAgreement *agreement;      /* the editor's */
};

static void part_form_iface_init (AccordsPartFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordsSourceForm, accords_source_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ACCORDS_TYPE_PART_FORM, part_form_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_source_form_dispose (GObject *object)
{
  AccordsSourceForm *self = (AccordsSourceForm *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_SOURCE_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->agreement);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_source_form_parent_class)->dispose (object);
}

static void
accords_source_form_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AccordsSourceForm *self = ACCORDS_SOURCE_FORM (object);

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
accords_source_form_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AccordsSourceForm *self = ACCORDS_SOURCE_FORM (object);

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
  return ACCORDS_SOURCE_FORM (form)->agreement;
}

static AccordsContext *
get_context (AccordsPartForm *form)
{
  return ACCORDS_SOURCE_FORM (form)->context;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AccordsSourceForm *self = user_data;
  AccordsSource *s = item;
  g_autoptr(GUri) uri = g_uri_parse (accords_source_get_url (s), G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  guint index = accords_part_index_in (accords_agreement_get_sources (self->agreement), item);

  if (accords_str_empty (accords_source_get_title (s)) && host != NULL)
    return accords_part_row_new ("source", index, host, accords_source_get_url (s));
  return accords_part_row_new ("source", index, accords_part_source_label (s), accords_source_get_url (s));
}

static const char *
get_kind (AccordsPartForm *form)
{
  return "source";
}

static const AccordsPartLabels *
get_labels (AccordsPartForm *form,
            const char      *mode)
{
  static const AccordsPartLabels labels = {
    N_("Add source"), N_("Edit source"), N_("Add Source"), N_("Edit Source")
  };

  return &labels;
}

static void
load (AccordsPartForm  *form,
      AccordsAgreement *agreement)
{
  AccordsSourceForm *self = ACCORDS_SOURCE_FORM (form);

  g_set_object (&self->agreement, agreement);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (accords_agreement_get_sources (agreement)), create_row, self, NULL);
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit)
{
  AccordsSourceForm *self = ACCORDS_SOURCE_FORM (form);
  AccordsFormDialog *dialog = edit->dialog;
  int index = edit->index;
  g_autoptr(AccordsSource) s = accords_part_at (accords_agreement_get_sources (self->agreement), index,
                                                ACCORDS_TYPE_SOURCE);
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
  accords_part_edit_mark (edit, "url", "title", "publisher", "published", "accessed", "type", NULL);
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit)
{
  AccordsSourceForm *self = ACCORDS_SOURCE_FORM (form);
  GListStore *store = accords_agreement_get_sources (edit->candidate);
  g_autoptr(AccordsSource) s = accords_part_at (store, edit->index, ACCORDS_TYPE_SOURCE);
  g_autofree char *old_url = g_strdup (accords_source_get_url (s));
  static const char * const texts[][2] = {
    { "url", "url" }, { "title", "title" }, { "publisher", "publisher" }, { "published", "published" },
    { "accessed", "accessed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = accords_part_edit_stripped (edit, texts[i][0]);
      g_object_set (s, texts[i][1], text, NULL);
    }
  accords_source_set_source_type (s, accords_part_edit_value (edit, "type"));
  if (edit->index >= 0 && g_strcmp0 (old_url, accords_source_get_url (s)) != 0)
    accords_part_recite (edit->candidate, old_url, accords_source_get_url (s));
  accords_part_edit_put (edit, "sources", store, s);
  accords_part_edit_map (edit, "url", "url", "published", "published", "accessed", "accessed", "type", "type", NULL);
  /* the source row is shared: an edit writes it as it is now */
  if (edit->index >= 0)
    {
      edit->source_after = accords_part_copy (s);
      edit->source_before = accords_store_load_source_by_url (accords_context_get_store (self->context),
                                                              accords_source_get_url (s), NULL);
    }
}

static char *
remove_part (AccordsPartForm  *form,
             AccordsAgreement *candidate,
             guint             index)
{
  GListStore *store = accords_agreement_get_sources (candidate);
  g_autoptr(AccordsSource) s = NULL;
  guint n;

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return NULL;
  s = g_list_model_get_item (G_LIST_MODEL (store), index);
  n = accords_part_recite (candidate, accords_source_get_url (s), NULL);
  g_list_store_remove (store, index);
  return n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source deleted, and %u citation of it",
                                           "Source deleted, and %u citations of it", n), n)
           : g_strdup (_("Source deleted"));
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
accords_source_form_class_init (AccordsSourceFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_source_form_dispose;
  object_class->get_property = accords_source_form_get_property;
  object_class->set_property = accords_source_form_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");
  properties[PROP_CONTEXT] = g_object_class_find_property (object_class, "context");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-source-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsSourceForm, list);
}

static void
accords_source_form_init (AccordsSourceForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_list_set_placeholder (self->list, _("No sources yet"));
}
