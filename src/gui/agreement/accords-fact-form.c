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
  AccordsPartForm         parent_instance;

  AdwPreferencesGroup    *group;
  GtkButton              *add_button;

  const struct _FactKind *kind;        /* one of fact_kinds */
};

G_DEFINE_FINAL_TYPE (AccordsFactForm, accords_fact_form, ACCORDS_TYPE_PART_FORM)

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

/* The form's kind comes with its construction */
static void
accords_fact_form_constructed (GObject *object)
{
  AccordsFactForm *self = ACCORDS_FACT_FORM (object);
  GtkListBox *list = accords_part_form_get_list (ACCORDS_PART_FORM (self));
  const FactKind *fk = find_fact_kind (accords_part_form_get_kind (ACCORDS_PART_FORM (self)));

  G_OBJECT_CLASS (accords_fact_form_parent_class)->constructed (object);

  g_return_if_fail (fk != NULL);
  self->kind = fk;
  adw_preferences_group_set_title (self->group, _(fk->title));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _(fk->labels.add_title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(fk->labels.add_title), -1);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_button), g_variant_new_string (fk->kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _(fk->list_label), -1);
  accords_part_form_set_placeholder (ACCORDS_PART_FORM (self), _(fk->empty));
}

static GtkWidget *
create_row (AccordsPartForm *form,
            gpointer         part,
            guint            index)
{
  AccordsFact *f = part;
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
  return accords_part_form_new_row (form, index, title->str, subtitle->str);
}

static const AccordsPartLabels *
get_labels (AccordsPartForm *form,
            const char      *mode)
{
  return &ACCORDS_FACT_FORM (form)->kind->labels;
}

static gboolean
shows (AccordsPartForm *form,
       gpointer         part)
{
  return g_strcmp0 (accords_fact_get_kind (part), ACCORDS_FACT_FORM (form)->kind->kind) == 0;
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit,
      gpointer         part)
{
  AccordsFormDialog *dialog = edit->dialog;
  const char *kind = ACCORDS_FACT_FORM (form)->kind->kind;
  AccordsFact *f = part;
  g_auto(GStrv) urls = NULL, url_labels = NULL;
  g_autofree char *count = accords_fact_get_count (f) >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, accords_fact_get_count (f))
                                                           : g_strdup ("");

  accords_part_source_choices (accords_part_form_get_agreement (form), TRUE, &urls, &url_labels);
  accords_form_dialog_add_group (dialog, NULL, NULL);
  accords_form_dialog_add_entry (dialog, "date", _("Date (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_fact_get_date (f));
  if (g_str_equal (kind, "financial_term"))
    {
      accords_form_dialog_add_entry (dialog, "amount", _("Amount"), accords_fact_get_amount (f));
      accords_form_dialog_add_entry (dialog, "currency", _("Currency (ISO 4217, like EUR)"), accords_fact_get_currency (f));
    }
  else if (g_str_equal (kind, "observation"))
    {
      accords_form_dialog_add_entry (dialog, "count", _("Count"), count);
    }
  else if (g_str_equal (kind, "legal_challenge"))
    {
      accords_form_dialog_add_entry (dialog, "court", _("Court"), accords_fact_get_court (f));
      accords_form_dialog_add_entry (dialog, "case_name", _("Case"), accords_fact_get_case_name (f));
      accords_form_dialog_add_entry (dialog, "outcome", _("Outcome"), accords_fact_get_outcome (f));
    }
  else
    {
      accords_form_dialog_add_entry (dialog, "raised_by", _("Raised by"), accords_fact_get_raised_by (f));
    }
  accords_form_dialog_add_entry (dialog, "description", _("Description"), accords_fact_get_description (f));
  accords_form_dialog_add_choice (dialog, "source", _("Source"), (const char * const *) urls,
                                  (const char * const *) url_labels, accords_fact_get_source_url (f));
  accords_part_edit_add_source_pickers (edit, FALSE);
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit,
            gpointer         part)
{
  AccordsFact *f = part;
  g_autofree char *count = accords_part_edit_stripped (edit, "count");
  g_autofree char *extra = accords_part_edit_take_new_source (edit);

  accords_fact_set_kind (f, ACCORDS_FACT_FORM (form)->kind->kind);
  accords_part_edit_set_texts (edit, f, "date", "description", "amount", "currency", "court", "case_name", "outcome",
                               "raised_by", NULL);
  if (accords_form_dialog_has_field (edit->dialog, "count"))
    {
      gint64 n = -1;

      if (*count != '\0' && !g_ascii_string_to_signed (count, 10, 0, G_MAXINT64, &n, NULL))
        edit->count_error = g_strdup_printf (_("“%s” is not a whole number"), count);
      accords_fact_set_count (f, n);
    }
  accords_fact_set_source_url (f, extra ? extra : accords_part_edit_value (edit, "source"));
  accords_part_edit_map (edit, "date", "date", "description", "description", "amount", "amount", "currency", "currency",
                         "count", "count", "court", "court", "case_name", "case_name", "outcome", "outcome",
                         "raised_by", "raised_by", "source", extra ? "new_url" : "source", NULL);
}

static char *
removed (AccordsPartForm  *form,
         AccordsAgreement *candidate,
         gpointer          part)
{
  g_autofree char *what = accords_vocabulary_get_label (ACCORDS_VOCABULARY_FACT_KIND, ACCORDS_FACT_FORM (form)->kind->kind);

  return g_strdup_printf (_("%s deleted"), what);
}

static void
accords_fact_form_class_init (AccordsFactFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AccordsPartFormClass *form_class = ACCORDS_PART_FORM_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = accords_fact_form_constructed;

  accords_part_form_class_set_template (form_class, "fact", RESOURCE_PREFIX "/accords-fact-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsFactForm, group);
  gtk_widget_class_bind_template_child (widget_class, AccordsFactForm, add_button);

  form_class->get_labels = get_labels;
  form_class->shows = shows;
  form_class->create_row = create_row;
  form_class->fill = fill;
  form_class->write = write_part;
  form_class->removed = removed;
}

static void
accords_fact_form_init (AccordsFactForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind = &fact_kinds[0];
}
