/* accords-agreement-editor.c: the detail view's edit mode: every field of an agreement, each change undoable
 *
 * The header fields, the status and the summary are edited here; each kind
 * of part has its AccordsPartForm below them, and every change, from here
 * or from a form ("changed"), is committed here. */
#define G_LOG_DOMAIN "accords-agreement-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-agreement-creation.h"
#include "accords-agreement-editor.h"
#include "accords-edit-push.h"
#include "accords-error.h"
#include "accords-event-form.h"
#include "accords-fact-form.h"
#include "accords-field-message.h"
#include "accords-flag-form.h"
#include "accords-merge-dialog.h"
#include "accords-part-form.h"
#include "accords-party-form.h"
#include "accords-person-form.h"
#include "accords-source-form.h"
#include "accords-status-chip.h"
#include "accords-store-curation.h"
#include "accords-util.h"
#include "accords-validation.h"
#include "accords-vocabulary.h"
#include "accords-widget-util.h"

struct _AccordsAgreementEditor
{
  GtkWidget          parent_instance;

  GtkLabel          *general_label;
  AdwEntryRow       *title_row;
  AdwEntryRow       *short_title_row;
  AdwEntryRow       *id_row;
  AdwExpanderRow    *aliases_row;
  AdwEntryRow       *alias_entry;
  AdwExpanderRow    *types_row;
  AdwComboRow       *type_combo;
  GtkButton         *type_add_button;
  AdwEntryRow       *instrument_row;
  AdwActionRow      *derived_row;
  AccordsStatusChip *derived_chip;
  AdwComboRow       *override_row;
  AccordsStatusChip *shown_chip;
  AdwEntryRow       *status_as_of_row;
  AdwEntryRow       *legal_status_row;
  AdwEntryRow       *operational_status_row;
  GtkTextView       *summary_view;
  GtkButton         *summary_button;
  AdwEntryRow       *scope_row;
  AdwEntryRow       *cap_row;

  AccordsFlagForm   *flag_form;

  AccordsContext    *context;
  AccordsAgreement  *agreement;     /* the stored one with our edits */
  char              *stored_slug;   /* its id in the store */
  GPtrArray         *alias_rows;
  GPtrArray         *type_rows;
  AccordsFormDialog *dialog;        /* weak */
  char              *created_slug;  /* focus its title when it shows */
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (AccordsAgreementEditor, accords_agreement_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The one-line fields of the agreement, with the rows that edit them */
typedef struct {
  const char *field;      /* as in the JSON and in issues */
  const char *property;
  gsize       offset;     /* of the row in the struct */
  const char *label;      /* of the command, for Undo */
} TextField;

static const TextField text_fields[] = {
  { "title", "title", G_STRUCT_OFFSET (AccordsAgreementEditor, title_row), N_("Edit title") },
  { "short_title", "short-title", G_STRUCT_OFFSET (AccordsAgreementEditor, short_title_row), N_("Edit short title") },
  { "id", "slug", G_STRUCT_OFFSET (AccordsAgreementEditor, id_row), N_("Change id") },
  { "instrument_form", "instrument-form", G_STRUCT_OFFSET (AccordsAgreementEditor, instrument_row), N_("Edit instrument form") },
  { "status_as_of", "status-as-of", G_STRUCT_OFFSET (AccordsAgreementEditor, status_as_of_row), N_("Edit status date") },
  { "legal_status", "legal-status", G_STRUCT_OFFSET (AccordsAgreementEditor, legal_status_row), N_("Edit legal status") },
  { "operational_status", "operational-status", G_STRUCT_OFFSET (AccordsAgreementEditor, operational_status_row), N_("Edit operational status") },
  { "scope", "scope", G_STRUCT_OFFSET (AccordsAgreementEditor, scope_row), N_("Edit people covered") },
  { "cap", "cap", G_STRUCT_OFFSET (AccordsAgreementEditor, cap_row), N_("Edit cap") },
};

static AdwEntryRow *
text_field_row (AccordsAgreementEditor *self,
                const TextField        *tf)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, tf->offset);
}

static const TextField *
find_text_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (text_fields[i].field, field))
      return &text_fields[i];
  return NULL;
}

static AccordsStore *
get_store (AccordsAgreementEditor *self)
{
  return accords_context_get_store (self->context);
}

static AccordsHistory *
get_history (AccordsAgreementEditor *self)
{
  return accords_context_get_history (self->context);
}

/* Saving */

static void push (AccordsAgreementEditor *self,
                  AccordsCommand         *command,
                  const char             *toast_text);

/* An edit waiting for the merge view */
typedef struct {
  AccordsAgreementEditor *self;
  char                   *toast;
} Pending;

static void
pending_free (gpointer  data,
              GClosure *closure)
{
  Pending *p = data;

  g_object_unref (p->self);
  g_free (p->toast);
  g_free (p);
}

static void
settled_cb (AccordsMergeDialog *dialog,
            Pending            *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsCommand) command = accords_merge_build_command (accords_merge_dialog_get_merge (dialog),
                                                                   NULL, NULL, &error);

  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      accords_widget_show_edit_toast (GTK_WIDGET (p->self), message, FALSE);
    }
  /* every value saved elsewhere kept, and nothing else to save */
  else if (accords_command_get_n_changes (command) > 0)
    push (p->self, command, p->toast);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Another process saved a field this edit changes too: the person chooses,
 * in the merge view, which value to keep */
static gboolean
offer_merge (AccordsAgreementEditor *self,
             AccordsCommand         *command,
             const char             *toast_text)
{
  AccordsAgreement *base, *ours, *theirs;
  g_autoptr(AccordsMerge) merge = NULL;
  AccordsMergeDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Pending *p;

  if (!accords_command_get_conflict (command, &base, &ours, &theirs) ||
      !(merge = accords_merge_new_three_way (accords_command_get_label (command), base, ours, theirs, NULL)) ||
      !GTK_IS_WINDOW (root))
    return FALSE;
  dialog = accords_merge_dialog_new_for_edit (GTK_WINDOW (root), merge,
                                              accords_str_empty (accords_agreement_get_short_title (theirs))
                                                ? accords_agreement_get_title (theirs)
                                                : accords_agreement_get_short_title (theirs));
  p = g_new0 (Pending, 1);
  p->self = g_object_ref (self);
  p->toast = g_strdup (toast_text);
  g_signal_connect_data (dialog, "import-requested", G_CALLBACK (settled_cb), p, pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
push_failed (GtkWidget      *widget,
             AccordsCommand *command,
             const char     *done,
             const GError   *error)
{
  return g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_CONFLICT) &&
         offer_merge (ACCORDS_AGREEMENT_EDITOR (widget), command, done);
}

/* toast_text, when not NULL, is shown once the store has it */
static void
push (AccordsAgreementEditor *self,
      AccordsCommand         *command,
      const char             *toast_text)
{
  accords_edit_push (GTK_WIDGET (self), get_history (self), command, toast_text, push_failed);
}

static void update (AccordsAgreementEditor *self);
static char *summary_text (AccordsAgreementEditor *self);

static void
show_general_issues (AccordsAgreementEditor *self,
                     GPtrArray              *issues)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; issues && i < issues->len; i++)
    {
      AccordsIssue *issue = g_ptr_array_index (issues, i);

      if (text->len)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", issue->field, issue->message);
    }
  gtk_label_set_label (self->general_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->general_label), text->len > 0);
}

/* Saves modified in place of the agreement through command, one undoable
 * step (its first change: from the agreement to modified).  Refuses, and
 * says why, when it is not valid. */
static gboolean
commit_command (AccordsAgreementEditor *self,
                AccordsAgreement       *modified,
                AccordsCommand         *command,
                const char             *toast_text)
{
  g_autoptr(GPtrArray) issues = NULL;

  if (self->agreement == NULL || self->context == NULL)
    return FALSE;

  issues = accords_agreement_check (modified, get_store (self), self->stored_slug);
  if (issues->len > 0)
    {
      show_general_issues (self, issues);
      return FALSE;
    }
  show_general_issues (self, NULL);

  push (self, command, toast_text);

  /* edits made before the store answers build on this one */
  g_set_object (&self->agreement, modified);
  accords_set_str (&self->stored_slug, accords_agreement_get_slug (modified));
  update (self);
  return TRUE;
}

static gboolean
commit (AccordsAgreementEditor *self,
        AccordsAgreement       *modified,
        const char             *label,
        const char             *toast_text)
{
  g_autoptr(AccordsCommand) command = NULL;

  if (self->agreement == NULL)
    return FALSE;
  command = accords_command_new (label);
  accords_command_add_change (command, self->agreement, modified);
  return commit_command (self, modified, command, toast_text);
}

static AccordsAgreement *
working_copy (AccordsAgreementEditor *self)
{
  return accords_agreement_copy (self->agreement);
}

/* The one-line fields */

static void
text_changed_cb (AccordsAgreementEditor *self,
                 GtkEditable            *row)
{
  const TextField *tf = g_object_get_data (G_OBJECT (row), "text-field");
  g_autoptr(AccordsAgreement) candidate = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  const AccordsIssue *issue;

  if (self->updating || self->agreement == NULL)
    return;
  candidate = working_copy (self);
  g_object_set (candidate, tf->property, gtk_editable_get_text (row), NULL);
  issues = accords_agreement_check (candidate, get_store (self), self->stored_slug);
  issue = accords_issues_find (issues, tf->field);
  accords_field_message_set (GTK_WIDGET (row), GTK_WIDGET (row), issue ? issue->message : NULL);
}

static gboolean
apply_text_field (AccordsAgreementEditor *self,
                  const TextField        *tf)
{
  AdwEntryRow *row = text_field_row (self, tf);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *current = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(AccordsAgreement) candidate = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  const AccordsIssue *issue;

  if (self->agreement == NULL)
    return FALSE;
  g_object_get (self->agreement, tf->property, &current, NULL);
  if (g_strcmp0 (accords_str_or_empty (current), stripped) == 0)
    return TRUE;

  candidate = working_copy (self);
  g_object_set (candidate, tf->property, stripped, NULL);
  issues = accords_agreement_check (candidate, get_store (self), self->stored_slug);
  if ((issue = accords_issues_find (issues, tf->field)) != NULL)
    {
      accords_field_message_set (GTK_WIDGET (row), GTK_WIDGET (row), issue->message);
      return FALSE;
    }
  return commit (self, candidate, _(tf->label), NULL);
}

static void
text_apply_cb (AccordsAgreementEditor *self,
               AdwEntryRow            *row)
{
  apply_text_field (self, g_object_get_data (G_OBJECT (row), "text-field"));
}

/* Aliases and types */

static void
alias_changed_cb (AccordsAgreementEditor *self)
{
  accords_field_message_set (GTK_WIDGET (self->alias_entry), GTK_WIDGET (self->alias_entry), NULL);
}

static gboolean
set_list (AccordsAgreementEditor *self,
          const char             *member,
          GStrv                   strv,
          const char             *label,
          GtkWidget              *message_row)
{
  g_autoptr(AccordsAgreement) candidate = working_copy (self);
  g_autoptr(GPtrArray) issues = NULL;
  const AccordsIssue *issue;

  g_object_set (candidate, member, strv, NULL);
  issues = accords_agreement_check (candidate, get_store (self), self->stored_slug);
  if ((issue = accords_issues_find (issues, member)) != NULL)
    {
      accords_field_message_set (message_row, message_row, issue->message);
      return FALSE;
    }
  accords_field_message_set (message_row, message_row, NULL);
  return commit (self, candidate, label, NULL);
}

static GStrv
strv_with (const char * const *strv,
           const char         *added,
           int                 removed,
           int                 first)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (first >= 0 && strv && first < (int) g_strv_length ((char **) strv))
    g_strv_builder_add (builder, strv[first]);
  for (int i = 0; strv && strv[i]; i++)
    if (i != removed && i != first)
      g_strv_builder_add (builder, strv[i]);
  if (added)
    g_strv_builder_add (builder, added);
  return g_strv_builder_end (builder);
}

static void
alias_apply_cb (AccordsAgreementEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alias_entry))));
  g_auto(GStrv) aliases = NULL;

  if (*text == '\0' || self->agreement == NULL)
    return;
  aliases = strv_with (accords_agreement_get_aliases (self->agreement), text, -1, -1);
  if (set_list (self, "aliases", aliases, _("Add alias"), GTK_WIDGET (self->alias_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->alias_entry), "");
}

static void
remove_alias_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);
  g_auto(GStrv) aliases = strv_with (accords_agreement_get_aliases (self->agreement), NULL,
                                     (int) g_variant_get_uint32 (parameter), -1);

  set_list (self, "aliases", aliases, _("Remove alias"), GTK_WIDGET (self->alias_entry));
}

static void
type_add_cb (AccordsAgreementEditor *self)
{
  guint n = 0;
  const AccordsTerm *terms = accords_vocabulary_get_terms (ACCORDS_VOCABULARY_AGREEMENT_TYPE, &n);
  guint i = adw_combo_row_get_selected (self->type_combo);
  g_auto(GStrv) types = NULL;

  if (i >= n || self->agreement == NULL)
    return;
  types = strv_with (accords_agreement_get_types (self->agreement), terms[i].name, -1, -1);
  set_list (self, "types", types, _("Add type"), GTK_WIDGET (self->type_combo));
}

static void
remove_type_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);
  g_auto(GStrv) types = strv_with (accords_agreement_get_types (self->agreement), NULL,
                                   (int) g_variant_get_uint32 (parameter), -1);

  set_list (self, "types", types, _("Remove type"), GTK_WIDGET (self->type_combo));
}

static void
make_primary_type_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);
  g_auto(GStrv) types = strv_with (accords_agreement_get_types (self->agreement), NULL, -1,
                                   (int) g_variant_get_uint32 (parameter));

  set_list (self, "types", types, _("Change primary type"), GTK_WIDGET (self->type_combo));
}

/* Status */

static void
override_changed_cb (AccordsAgreementEditor *self)
{
  guint i = adw_combo_row_get_selected (self->override_row);
  const char *status = i == 0 || i >= ACCORDS_N_STATUSES ? NULL : accords_status_to_string (i);
  g_autoptr(AccordsAgreement) candidate = NULL;

  if (self->updating || self->agreement == NULL ||
      g_strcmp0 (accords_agreement_get_status_override (self->agreement), status) == 0)
    return;
  candidate = working_copy (self);
  accords_agreement_set_status_override (candidate, status);
  commit (self, candidate, status ? _("Set status by hand") : _("Let the events set the status"), NULL);
}

/* Summary */

static char *
summary_text (AccordsAgreementEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
summary_changed_cb (AccordsAgreementEditor *self)
{
  g_autofree char *text = summary_text (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->summary_button), self->agreement != NULL &&
                            g_strcmp0 (text, accords_str_or_empty (accords_agreement_get_summary (self->agreement))) != 0);
}

static void
summary_save_cb (AccordsAgreementEditor *self)
{
  g_autofree char *text = summary_text (self);
  g_autoptr(AccordsAgreement) candidate = NULL;

  if (self->agreement == NULL)
    return;
  candidate = working_copy (self);
  accords_agreement_set_summary (candidate, text);
  commit (self, candidate, _("Edit summary"), NULL);
}

/* Puts the agreement into every row */

static void
clear_expander (AdwExpanderRow *expander,
                GPtrArray      *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
update_strvs (AccordsAgreementEditor *self)
{
  const char * const *aliases = accords_agreement_get_aliases (self->agreement);
  const char * const *types = accords_agreement_get_types (self->agreement);
  g_autofree char *alias_text = aliases ? g_strjoinv (", ", (char **) aliases) : g_strdup ("");
  g_autoptr(GString) type_text = g_string_new (NULL);

  clear_expander (self->aliases_row, self->alias_rows);
  for (guint i = 0; aliases && aliases[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), aliases[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 accords_part_row_button ("list-remove-symbolic", _("Remove Alias"), "editor.remove-alias",
                                             g_variant_new_uint32 (i)));
      adw_expander_row_add_row (self->aliases_row, row);
      g_ptr_array_add (self->alias_rows, row);
    }
  adw_expander_row_set_subtitle (self->aliases_row, alias_text);

  clear_expander (self->types_row, self->type_rows);
  for (guint i = 0; types && types[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *label = accords_vocabulary_get_label (ACCORDS_VOCABULARY_AGREEMENT_TYPE, types[i]);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), i == 0 ? _("Primary type") : types[i]);
      if (i > 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   accords_part_row_button ("go-top-symbolic", _("Make Primary"), "editor.make-primary-type",
                                               g_variant_new_uint32 (i)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 accords_part_row_button ("list-remove-symbolic", _("Remove Type"), "editor.remove-type",
                                             g_variant_new_uint32 (i)));
      adw_expander_row_add_row (self->types_row, row);
      g_ptr_array_add (self->type_rows, row);
      if (type_text->len)
        g_string_append (type_text, ", ");
      g_string_append (type_text, label);
    }
  adw_expander_row_set_subtitle (self->types_row, type_text->str);
}

/* shown, when given, is what the rows showed before: a row whose text
 * differs from it is being typed in, and is left alone */
static void
update_full (AccordsAgreementEditor *self,
             AccordsAgreement       *shown)
{
  AccordsAgreement *a = self->agreement;
  AccordsStatus derived;
  const char *override;

  if (a == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      AdwEntryRow *row = text_field_row (self, &text_fields[i]);
      g_autofree char *value = NULL;

      if (shown != NULL)
        {
          g_autofree char *was = NULL;

          g_object_get (shown, text_fields[i].property, &was, NULL);
          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), accords_str_or_empty (was)) != 0)
            continue;
        }
      g_object_get (a, text_fields[i].property, &value, NULL);
      /* leave the cursor alone when the text is already there */
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), accords_str_or_empty (value)) != 0)
        gtk_editable_set_text (GTK_EDITABLE (row), accords_str_or_empty (value));
      accords_field_message_set (GTK_WIDGET (row), GTK_WIDGET (row), NULL);
    }

  derived = accords_agreement_derive_status (a, NULL);
  override = accords_agreement_get_status_override (a);
  accords_status_chip_set_status (self->derived_chip, derived);
  adw_action_row_set_subtitle (self->derived_row, accords_status_get_label (derived));
  adw_combo_row_set_selected (self->override_row,
                              accords_str_empty (override) ? 0 : accords_status_from_string (override));
  accords_status_chip_set_status (self->shown_chip, accords_agreement_get_status (a));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->override_row),
                               accords_str_empty (override) ? NULL : _("Set by hand"));

  {
    g_autofree char *text = summary_text (self);
    gboolean typing = shown != NULL &&
                      g_strcmp0 (text, accords_str_or_empty (accords_agreement_get_summary (shown))) != 0;

    if (!typing && g_strcmp0 (text, accords_str_or_empty (accords_agreement_get_summary (a))) != 0)
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                                accords_str_or_empty (accords_agreement_get_summary (a)), -1);
  }
  summary_changed_cb (self);
  update_strvs (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    if (ACCORDS_IS_PART_FORM (child))
      accords_part_form_load (ACCORDS_PART_FORM (child), a);
  self->updating = FALSE;
}

static void
update (AccordsAgreementEditor *self)
{
  update_full (self, NULL);
}

/* The forms of the parts */

static AccordsPartForm *
find_form (AccordsAgreementEditor *self,
           const char             *kind)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    if (ACCORDS_IS_PART_FORM (child) && g_str_equal (accords_part_form_get_kind (ACCORDS_PART_FORM (child)), kind))
      return ACCORDS_PART_FORM (child);
  return NULL;
}

static gboolean
form_changed_cb (AccordsAgreementEditor *self,
                 AccordsAgreement       *candidate,
                 AccordsCommand         *command,
                 AccordsPartForm        *form)
{
  return commit_command (self, candidate, command, NULL);
}

static void
open_part_dialog (AccordsAgreementEditor *self,
                  const char             *kind,
                  const char             *mode,
                  int                     index)
{
  AccordsPartForm *form = find_form (self, kind);
  AccordsFormDialog *dialog;

  if (form == NULL || self->agreement == NULL || self->context == NULL)
    return;
  if ((dialog = accords_part_form_edit (form, mode, index)) != NULL)
    g_set_weak_pointer (&self->dialog, dialog);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_part_dialog (ACCORDS_AGREEMENT_EDITOR (widget), g_variant_get_string (parameter, NULL), NULL, -1);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *kind;
  guint index;

  g_variant_get (parameter, "(&su)", &kind, &index);
  open_part_dialog (ACCORDS_AGREEMENT_EDITOR (widget), kind, NULL, (int) index);
}

static void
resolve_flag_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_part_dialog (ACCORDS_AGREEMENT_EDITOR (widget), "flag", ACCORDS_FLAG_FORM_RESOLVE,
                    (int) g_variant_get_uint32 (parameter));
}

static void
reopen_flag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);

  if (self->agreement != NULL)
    accords_flag_form_reopen (self->flag_form, g_variant_get_uint32 (parameter));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);
  g_autoptr(AccordsAgreement) candidate = NULL;
  g_autofree char *message = NULL;
  AccordsPartForm *form;
  const char *kind;
  guint index;

  if (self->agreement == NULL)
    return;
  g_variant_get (parameter, "(&su)", &kind, &index);
  if ((form = find_form (self, kind)) == NULL)
    return;
  candidate = working_copy (self);
  if ((message = accords_part_form_remove (form, candidate, index)) == NULL)
    return;
  commit (self, candidate, message, message);
}

/* Deleting the agreement */

static void
delete_agreement_now (AccordsAgreementEditor *self)
{
  g_autoptr(AccordsCommand) command = accords_command_new (_("Delete agreement"));
  g_autofree char *message = g_strdup_printf (_("“%s” deleted"), accords_agreement_get_title (self->agreement));

  accords_command_add_change (command, self->agreement, NULL);
  push (self, command, message);
}

static void
delete_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    AccordsAgreementEditor *self)
{
  if (g_str_equal (response, "delete") && self->agreement != NULL)
    delete_agreement_now (self);
}

static void
delete_agreement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);
  g_autoptr(AccordsCascade) cascade = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *links = NULL;
  g_autofree char *body = NULL;
  guint n_notes, n_links;

  if (self->agreement == NULL || self->context == NULL)
    return;
  cascade = accords_store_snapshot_cascade (get_store (self), self->stored_slug, &error);
  if (cascade == NULL)
    {
      accords_widget_show_edit_toast (GTK_WIDGET (self), error->message, FALSE);
      return;
    }
  n_notes = accords_cascade_count (cascade, "note");
  n_links = accords_cascade_count (cascade, "item_agreement");
  if (n_notes == 0 && n_links == 0)
    {
      delete_agreement_now (self);
      return;
    }

  heading = g_strdup_printf (_("Delete “%s”?"), accords_agreement_get_title (self->agreement));
  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);
  links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link to a news item", "%u links to news items", n_links),
                           n_links);
  if (n_notes && n_links)
    /* TRANSLATORS: "Its 2 notes and its 3 links to news items will be deleted with it." */
    body = g_strdup_printf (_("Its %s and its %s will be deleted with it. The news items themselves stay. "
                              "Undo brings everything back."), notes, links);
  else
    body = g_strdup_printf (_("Its %s will be deleted with it. Undo brings it back."), n_notes ? notes : links);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const AccordsWidgetAction actions[] = {
  { "editor.add", "s", add_action },
  { "editor.edit", "(su)", edit_action },
  { "editor.delete", "(su)", delete_action },
  { "editor.resolve-flag", "u", resolve_flag_action },
  { "editor.reopen-flag", "u", reopen_flag_action },
  { "editor.remove-alias", "u", remove_alias_action },
  { "editor.remove-type", "u", remove_type_action },
  { "editor.make-primary-type", "u", make_primary_type_action },
  { "editor.delete-agreement", NULL, delete_agreement_action },
};

/* A new agreement */

static void
created_cb (GtkWidget        *widget,
            AccordsAgreement *agreement)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);
  g_autoptr(AccordsCommand) command = accords_command_new (_("Create agreement"));

  accords_set_str (&self->created_slug, accords_agreement_get_slug (agreement));
  accords_command_add_change (command, NULL, agreement);
  push (self, command, NULL);
}

void
accords_agreement_editor_new_agreement (AccordsAgreementEditor *self)
{
  AccordsFormDialog *dialog;

  g_return_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self));
  g_return_if_fail (self->context != NULL);

  dialog = accords_agreement_creation_open (GTK_WIDGET (self), self->context, created_cb);
  g_set_weak_pointer (&self->dialog, dialog);
}

/* The class */

static void
accords_agreement_editor_dispose (GObject *object)
{
  AccordsAgreementEditor *self = (AccordsAgreementEditor *) object;
  GtkWidget *child;

  if (self->dialog)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_AGREEMENT_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->agreement);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_agreement_editor_parent_class)->dispose (object);
}

static void
accords_agreement_editor_finalize (GObject *object)
{
  AccordsAgreementEditor *self = (AccordsAgreementEditor *) object;

  g_free (self->stored_slug);
  g_free (self->created_slug);
  g_ptr_array_unref (self->alias_rows);
  g_ptr_array_unref (self->type_rows);

  G_OBJECT_CLASS (accords_agreement_editor_parent_class)->finalize (object);
}

static void
accords_agreement_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (object);

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
accords_agreement_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (object);

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

static void
accords_agreement_editor_class_init (AccordsAgreementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_agreement_editor_dispose;
  object_class->finalize = accords_agreement_editor_finalize;
  object_class->get_property = accords_agreement_editor_get_property;
  object_class->set_property = accords_agreement_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ACCORDS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORDS_TYPE_STATUS_CHIP);
  g_type_ensure (ACCORDS_TYPE_EVENT_FORM);
  g_type_ensure (ACCORDS_TYPE_FACT_FORM);
  g_type_ensure (ACCORDS_TYPE_FLAG_FORM);
  g_type_ensure (ACCORDS_TYPE_PARTY_FORM);
  g_type_ensure (ACCORDS_TYPE_PERSON_FORM);
  g_type_ensure (ACCORDS_TYPE_SOURCE_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-agreement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, general_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, short_title_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, alias_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, types_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, type_combo);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, type_add_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, instrument_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, derived_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, derived_chip);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, override_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, shown_chip);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, status_as_of_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, legal_status_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, operational_status_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, summary_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, scope_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, cap_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, flag_form);

  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));

  gtk_widget_class_set_css_name (widget_class, "agreementeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accords_agreement_editor_init (AccordsAgreementEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  guint n = 0;
  const AccordsTerm *terms = accords_vocabulary_get_terms (ACCORDS_VOCABULARY_AGREEMENT_TYPE, &n);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->alias_rows = g_ptr_array_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child; child = gtk_widget_get_next_sibling (child))
    if (ACCORDS_IS_PART_FORM (child))
      g_signal_connect_object (child, "changed", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  self->type_rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      AdwEntryRow *row = text_field_row (self, &text_fields[i]);

      g_object_set_data (G_OBJECT (row), "text-field", (gpointer) &text_fields[i]);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (text_changed_cb), self);
      g_signal_connect_swapped (row, "apply", G_CALLBACK (text_apply_cb), self);
    }

  gtk_string_list_append (statuses, _("Follows the events"));
  for (guint i = ACCORDS_STATUS_NONE + 1; i < ACCORDS_N_STATUSES; i++)
    gtk_string_list_append (statuses, accords_status_get_label (i));
  adw_combo_row_set_model (self->override_row, G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->override_row, "notify::selected", G_CALLBACK (override_changed_cb), self);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (types, _(terms[i].label));
  adw_combo_row_set_model (self->type_combo, G_LIST_MODEL (types));
  g_signal_connect_swapped (self->type_add_button, "clicked", G_CALLBACK (type_add_cb), self);
  g_signal_connect_swapped (self->alias_entry, "apply", G_CALLBACK (alias_apply_cb), self);
  g_signal_connect_swapped (self->alias_entry, "changed", G_CALLBACK (alias_changed_cb), self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (summary_changed_cb), self);
  g_signal_connect_swapped (self->summary_button, "clicked", G_CALLBACK (summary_save_cb), self);

}


/* The agreement was saved again, perhaps by another process, while it is
 * shown: a row the person is typing in keeps the typing, and the value it
 * started from, so that saving it is a change from that value, and one
 * made elsewhere meanwhile is a conflict rather than overwritten. */
static void
keep_typing (AccordsAgreementEditor *self,
             AccordsAgreement       *shown)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *property = text_fields[i].property;
      AdwEntryRow *row = text_field_row (self, &text_fields[i]);
      g_autofree char *was = NULL;

      if (g_str_equal (property, "slug"))
        continue;
      g_object_get (shown, property, &was, NULL);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), accords_str_or_empty (was)) != 0)
        g_object_set (self->agreement, property, was, NULL);
    }
  {
    g_autofree char *text = summary_text (self);

    if (g_strcmp0 (text, accords_str_or_empty (accords_agreement_get_summary (shown))) != 0)
      accords_agreement_set_summary (self->agreement, accords_agreement_get_summary (shown));
  }
}

void
accords_agreement_editor_set_agreement (AccordsAgreementEditor *self,
                                        AccordsAgreement       *agreement)
{
  g_autoptr(AccordsAgreement) shown = NULL;

  g_return_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self));

  shown = g_steal_pointer (&self->agreement);
  g_clear_pointer (&self->stored_slug, g_free);
  show_general_issues (self, NULL);
  if (agreement == NULL)
    return;
  self->agreement = accords_agreement_copy (agreement);
  self->stored_slug = g_strdup (accords_agreement_get_slug (agreement));
  if (shown != NULL && g_str_equal (accords_agreement_get_slug (shown), self->stored_slug))
    {
      keep_typing (self, shown);
      update_full (self, shown);
    }
  else
    update (self);
  if (self->created_slug != NULL && g_str_equal (self->created_slug, self->stored_slug))
    {
      g_clear_pointer (&self->created_slug, g_free);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
    }
}

AccordsAgreement *
accords_agreement_editor_get_agreement (AccordsAgreementEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self), NULL);
  return self->agreement;
}

gboolean
accords_agreement_editor_apply_text (AccordsAgreementEditor *self,
                                     const char             *field,
                                     const char             *text)
{
  const TextField *tf;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self), FALSE);

  if ((tf = find_text_field (field)) == NULL)
    {
      g_critical ("The editor has no field “%s”", field);
      return FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (text_field_row (self, tf)), text);
  return apply_text_field (self, tf);
}

const char *
accords_agreement_editor_get_message (AccordsAgreementEditor *self,
                                      const char             *field)
{
  const TextField *tf;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self), NULL);

  if ((tf = find_text_field (field)) != NULL)
    return accords_field_message_get (GTK_WIDGET (text_field_row (self, tf)));
  if (g_str_equal (field, "aliases"))
    return accords_field_message_get (GTK_WIDGET (self->alias_entry));
  if (g_str_equal (field, "types"))
    return accords_field_message_get (GTK_WIDGET (self->type_combo));
  return NULL;
}

AccordsFormDialog *
accords_agreement_editor_propose_event (AccordsAgreementEditor *self,
                                        AccordsEvent           *proposed,
                                        gint64                  item_id)
{
  AccordsPartForm *form;
  AccordsFormDialog *dialog;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self), NULL);
  g_return_val_if_fail (ACCORDS_IS_EVENT (proposed), NULL);

  form = find_form (self, "event");
  if (form == NULL || self->agreement == NULL || self->context == NULL)
    return NULL;
  if ((dialog = accords_event_form_propose (ACCORDS_EVENT_FORM (form), proposed, item_id)) != NULL)
    g_set_weak_pointer (&self->dialog, dialog);
  return dialog;
}

AccordsFormDialog *
accords_agreement_editor_get_dialog (AccordsAgreementEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self), NULL);
  return self->dialog;
}
