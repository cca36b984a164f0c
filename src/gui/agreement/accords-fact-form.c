/* accords-fact-form.c: the editor's list of facts: financial terms, observations, legal challenges or concerns */
#define G_LOG_DOMAIN "accords-fact-form"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-fact-form.h"
#include "accords-fact.h"
#include "accords-util.h"
#include "accords-vocabulary.h"

struct _AccordsFactForm
{
  GtkWidget               parent_instance;

  AdwPreferencesGroup    *group;
  GtkButton              *add_button;
  GtkListBox             *list;

  AccordsContext         *context;
  AccordsAgreement       *agreement;   /* the editor's */
  const struct _FactKind *kind;        /* one of fact_kinds */
};

static void part_form_iface_init (AccordsPartFormInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordsFactForm, accords_fact_form, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ACCORDS_TYPE_PART_FORM, part_form_iface_init))

/* The kinds of fact, each a group of its own in the editor */
typedef struct _FactKind {
  const char        *kind;
  const char        *title;
  const char        *list_label;
  const char        *empty;
  AccordsPartLabels  labels;
} FactKind;

static const FactKind fact_kinds[] = {
  { "financial_term", N_("Financial Terms"), N_("Financial terms"), N_("No financial terms yet"),
    { N_("Add financial term"), N_("Edit financial term"), N_("Add Financial Term"), N_("Edit Financial Term") } },
  { "observation", N_("Observations"), N_("Observations"), N_("No observations yet"),
    { N_("Add observation"), N_("Edit observation"), N_("Add Observation"), N_("Edit Observation") } },
  { "legal_challenge", N_("Legal Challenges"), N_("Legal challenges"), N_("No legal challenges yet"),
    { N_("Add legal challenge"), N_("Edit legal challenge"), N_("Add Legal Challenge"), N_("Edit Legal Challenge") } },
  { "concern", N_("Concerns"), N_("Concerns"), N_("No concerns yet"),
    { N_("Add concern"), N_("Edit concern"), N_("Add Concern"), N_("Edit Concern") } },
};

static const FactKind *
find_fact_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_kinds); i++)
    if (g_strcmp0 (fact_kinds[i].kind, kind) == 0)
      return &fact_kinds[i];
  return NULL;
}

static void
set_kind (AccordsFactForm *self,
          const char      *kind)
{
  const FactKind *fk = find_fact_kind (kind);

  g_return_if_fail (fk != NULL);
  self->kind = fk;
  adw_preferences_group_set_title (self->group, _(fk->title));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _(fk->labels.add_title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(fk->labels.add_title), -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_button), g_variant_new_string (fk->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _(fk->list_label), -1);
  accords_part_list_set_placeholder (self->list, _(fk->empty));
}

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_fact_form_dispose (GObject *object)
{
  AccordsFactForm *self = (AccordsFactForm *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_FACT_FORM);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->agreement);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_fact_form_parent_class)->dispose (object);
}

static void
accords_fact_form_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  AccordsFactForm *self = ACCORDS_FACT_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_fact_form_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  AccordsFactForm *self = ACCORDS_FACT_FORM (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&self->context, g_value_get_object (value)))
        g_object_notify_by_pspec (object, properties[PROP_CONTEXT]);
      break;

    case PROP_KIND:
      if (g_value_get_string (value) != NULL)
        set_kind (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AccordsAgreement *
get_agreement (AccordsPartForm *form)
{
  return ACCORDS_FACT_FORM (form)->agreement;
}

static AccordsContext *
get_context (AccordsPartForm *form)
{
  return ACCORDS_FACT_FORM (form)->context;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AccordsFactForm *self = user_data;
  AccordsFact *f = item;
  const char *kind = accords_fact_get_kind (f);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (accords_fact_get_date (f));

  if (g_str_equal (kind, "financial_term") && !accords_str_empty (accords_fact_get_amount (f)))
    g_string_append_printf (title, "%s %s", accords_fact_get_amount (f), accords_str_or_empty (accords_fact_get_currency (f)));
  else if (g_str_equal (kind, "observation") && accords_fact_get_count (f) >= 0)
    g_string_append_printf (title, "%" G_GINT64_FORMAT, accords_fact_get_count (f));
  else if (g_str_equal (kind, "legal_challenge") && !accords_str_empty (accords_fact_get_case_name (f)))
    g_string_append_printf (title, "%s, %s", accords_fact_get_case_name (f), accords_str_or_empty (accords_fact_get_court (f)));
  if (!accords_str_empty (accords_fact_get_description (f)))
    g_string_append_printf (title, "%s%s", title->len ? " — " : "", accords_fact_get_description (f));
  if (!accords_str_empty (accords_fact_get_raised_by (f)))
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", accords_fact_get_raised_by (f));
  if (!accords_str_empty (accords_fact_get_outcome (f)))
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", accords_fact_get_outcome (f));
  return accords_part_row_new (kind, accords_part_index_in (accords_agreement_get_facts (self->agreement), item),
                               title->str, subtitle->str);
}

static const char *
get_kind (AccordsPartForm *form)
{
  return ACCORDS_FACT_FORM (form)->kind->kind;
}

static const AccordsPartLabels *
get_labels (AccordsPartForm *form,
            const char      *mode)
{
  return &ACCORDS_FACT_FORM (form)->kind->labels;
}

static gboolean
fact_is_kind (gpointer item,
              gpointer user_data)
{
  return g_strcmp0 (accords_fact_get_kind (item), user_data) == 0;
}

static void
load (AccordsPartForm  *form,
      AccordsAgreement *agreement)
{
  AccordsFactForm *self = ACCORDS_FACT_FORM (form);
  g_autoptr(GtkFilterListModel) model = NULL;

  g_set_object (&self->agreement, agreement);
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (accords_agreement_get_facts (agreement))),
                                     GTK_FILTER (gtk_custom_filter_new (fact_is_kind, (gpointer) self->kind->kind, NULL)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (model), create_row, self, NULL);
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit)
{
  AccordsFactForm *self = ACCORDS_FACT_FORM (form);
  AccordsFormDialog *dialog = edit->dialog;
  const char *kind = self->kind->kind;
  g_autoptr(AccordsFact) f = accords_part_at (accords_agreement_get_facts (self->agreement), edit->index,
                                              ACCORDS_TYPE_FACT);
  g_auto(GStrv) urls = NULL, url_labels = NULL;
  g_autofree char *count = accords_fact_get_count (f) >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, accords_fact_get_count (f))
                                                           : g_strdup ("");

  accords_part_source_choices (self->agreement, TRUE, &urls, &url_labels);
  accords_form_dialog_add_group (dialog, NULL, NULL);
  accords_form_dialog_add_entry (dialog, "date", _("Date (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_fact_get_date (f));
  accords_part_edit_mark (edit, "date", "description", "source", NULL);
  if (g_str_equal (kind, "financial_term"))
    {
      accords_form_dialog_add_entry (dialog, "amount", _("Amount"), accords_fact_get_amount (f));
      accords_form_dialog_add_entry (dialog, "currency", _("Currency (ISO 4217, like EUR)"), accords_fact_get_currency (f));
      accords_part_edit_mark (edit, "amount", "currency", NULL);
    }
  else if (g_str_equal (kind, "observation"))
    {
      accords_form_dialog_add_entry (dialog, "count", _("Count"), count);
      accords_part_edit_mark (edit, "count", NULL);
    }
  else if (g_str_equal (kind, "legal_challenge"))
    {
      accords_form_dialog_add_entry (dialog, "court", _("Court"), accords_fact_get_court (f));
      accords_form_dialog_add_entry (dialog, "case_name", _("Case"), accords_fact_get_case_name (f));
      accords_form_dialog_add_entry (dialog, "outcome", _("Outcome"), accords_fact_get_outcome (f));
      accords_part_edit_mark (edit, "court", "case_name", "outcome", NULL);
    }
  else
    {
      accords_form_dialog_add_entry (dialog, "raised_by", _("Raised by"), accords_fact_get_raised_by (f));
      accords_part_edit_mark (edit, "raised_by", NULL);
    }
  accords_form_dialog_add_entry (dialog, "description", _("Description"), accords_fact_get_description (f));
  accords_form_dialog_add_choice (dialog, "source", _("Source"), (const char * const *) urls,
                                  (const char * const *) url_labels, accords_fact_get_source_url (f));
  accords_part_edit_add_source_pickers (edit, FALSE);
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit)
{
  AccordsFactForm *self = ACCORDS_FACT_FORM (form);
  GListStore *store = accords_agreement_get_facts (edit->candidate);
  g_autoptr(AccordsFact) f = accords_part_at (store, edit->index, ACCORDS_TYPE_FACT);
  g_autofree char *count = accords_part_edit_stripped (edit, "count");
  g_autofree char *extra = accords_part_edit_take_new_source (edit);
  static const char * const texts[][2] = {
    { "date", "date" }, { "description", "description" }, { "amount", "amount" }, { "currency", "currency" },
    { "court", "court" }, { "case_name", "case-name" }, { "outcome", "outcome" }, { "raised_by", "raised-by" },
  };

  accords_fact_set_kind (f, self->kind->kind);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (accords_part_edit_has (edit, texts[i][0]))
      {
        g_autofree char *text = accords_part_edit_stripped (edit, texts[i][0]);
        g_object_set (f, texts[i][1], text, NULL);
      }
  if (accords_part_edit_has (edit, "count"))
    {
      gint64 n = -1;

      if (*count != '\0' && !g_ascii_string_to_signed (count, 10, 0, G_MAXINT64, &n, NULL))
        edit->count_error = g_strdup_printf (_("“%s” is not a whole number"), count);
      accords_fact_set_count (f, n);
    }
  accords_fact_set_source_url (f, extra ? extra : accords_part_edit_value (edit, "source"));
  accords_part_edit_put (edit, "facts", store, f);
  accords_part_edit_map (edit, "date", "date", "description", "description", "amount", "amount", "currency", "currency",
                         "count", "count", "court", "court", "case_name", "case_name", "outcome", "outcome",
                         "raised_by", "raised_by", "source", extra ? "new_url" : "source", NULL);
}

static char *
remove_part (AccordsPartForm  *form,
             AccordsAgreement *candidate,
             guint             index)
{
  AccordsFactForm *self = ACCORDS_FACT_FORM (form);
  GListStore *store = accords_agreement_get_facts (candidate);
  g_autofree char *what = NULL;

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return NULL;
  g_list_store_remove (store, index);
  what = accords_vocabulary_get_label (ACCORDS_VOCABULARY_FACT_KIND, self->kind->kind);
  return g_strdup_printf (_("%s deleted"), what);
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
accords_fact_form_class_init (AccordsFactFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_fact_form_dispose;
  object_class->get_property = accords_fact_form_get_property;
  object_class->set_property = accords_fact_form_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");
  properties[PROP_CONTEXT] = g_object_class_find_property (object_class, "context");
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_KIND, properties[PROP_KIND]);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-fact-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsFactForm, group);
  gtk_widget_class_bind_template_child (widget_class, AccordsFactForm, add_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsFactForm, list);
}

static void
accords_fact_form_init (AccordsFactForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind = &fact_kinds[0];
}
