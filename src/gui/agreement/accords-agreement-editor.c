/* accords-agreement-editor.c: the detail view's edit mode: every field of an agreement, each change undoable */
#define G_LOG_DOMAIN "accords-agreement-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-agreement-editor.h"
#include "accords-date.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-field-message.h"
#include "accords-flag.h"
#include "accords-item-link.h"
#include "accords-merge-dialog.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-status-chip.h"
#include "accords-store-agreements.h"
#include "accords-store-curation.h"
#include "accords-store-links.h"
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
  GtkListBox        *parties_list;
  GtkListBox        *events_list;
  GtkListBox        *people_list;
  GtkListBox        *financial_list;
  GtkListBox        *observations_list;
  GtkListBox        *challenges_list;
  GtkListBox        *concerns_list;
  GtkListBox        *sources_list;
  GtkListBox        *flags_list;

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

static void
toast (AccordsAgreementEditor *self,
       const char             *title,
       gboolean                undo)
{
  accords_widget_show_edit_toast (GTK_WIDGET (self), title, undo);
}

/* Saving */

typedef struct {
  AccordsAgreementEditor *self;
  char                   *toast;
  AccordsCommand         *command;
} Pending;

static void
pending_free (Pending *p)
{
  g_object_unref (p->self);
  g_free (p->toast);
  g_clear_object (&p->command);
  g_free (p);
}

static Pending *
pending_new (AccordsAgreementEditor *self,
             AccordsCommand         *command,
             const char             *toast_text)
{
  Pending *p = g_new0 (Pending, 1);

  p->self = g_object_ref (self);
  p->command = g_object_ref (command);
  p->toast = g_strdup (toast_text);
  return p;
}

static void
pending_closure_free (gpointer  data,
                      GClosure *closure)
{
  pending_free (data);
}

static void pushed_cb (GObject *object, GAsyncResult *result, gpointer user_data);

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
      toast (p->self, message, FALSE);
    }
  /* every value saved elsewhere kept, and nothing else to save */
  else if (accords_command_get_n_changes (command) > 0)
    accords_history_push_async (get_history (p->self), command, pushed_cb,
                                pending_new (p->self, command, p->toast));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Another process saved a field this edit changes too: the person chooses,
 * in the merge view, which value to keep */
static gboolean
offer_merge (Pending *p)
{
  AccordsAgreement *base, *ours, *theirs;
  g_autoptr(AccordsMerge) merge = NULL;
  AccordsMergeDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (p->self));

  if (!accords_command_get_conflict (p->command, &base, &ours, &theirs) ||
      !(merge = accords_merge_new_three_way (accords_command_get_label (p->command), base, ours, theirs, NULL)) ||
      !GTK_IS_WINDOW (root))
    return FALSE;
  dialog = accords_merge_dialog_new_for_edit (GTK_WINDOW (root), merge,
                                              accords_str_empty (accords_agreement_get_short_title (theirs))
                                                ? accords_agreement_get_title (theirs)
                                                : accords_agreement_get_short_title (theirs));
  g_signal_connect_data (dialog, "import-requested", G_CALLBACK (settled_cb),
                         pending_new (p->self, p->command, p->toast), pending_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
pushed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pending *p = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsCommand) command = accords_history_run_finish (ACCORDS_HISTORY (object), result, &error);

  if (command == NULL && g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_CONFLICT) && offer_merge (p))
    ;
  else if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);
      toast (p->self, message, FALSE);
    }
  else if (p->toast != NULL)
    toast (p->self, p->toast, TRUE);
  pending_free (p);
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

/* Saves modified in place of the agreement, as one undoable step.  Refuses,
 * and says why, when it is not valid. */
static gboolean commit_full (AccordsAgreementEditor *self, AccordsAgreement *modified, const char *label,
                             const char *toast_text, AccordsSource *source_before, AccordsSource *source_after,
                             gint64 confirm_item, const char *confirm_before);

static gboolean
commit (AccordsAgreementEditor *self,
        AccordsAgreement       *modified,
        const char             *label,
        const char             *toast_text,
        AccordsSource          *source_before,
        AccordsSource          *source_after)
{
  return commit_full (self, modified, label, toast_text, source_before, source_after, 0, NULL);
}

/* The same, confirming in the same step the link of the news item
 * confirm_item (0: none) to the agreement, from the state confirm_before */
static gboolean
commit_full (AccordsAgreementEditor *self,
             AccordsAgreement       *modified,
             const char             *label,
             const char             *toast_text,
             AccordsSource          *source_before,
             AccordsSource          *source_after,
             gint64                  confirm_item,
             const char             *confirm_before)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(AccordsCommand) command = NULL;
  Pending *p;

  if (self->agreement == NULL || self->context == NULL)
    return FALSE;

  issues = accords_agreement_check (modified, get_store (self), self->stored_slug);
  if (issues->len > 0)
    {
      show_general_issues (self, issues);
      return FALSE;
    }
  show_general_issues (self, NULL);

  command = accords_command_new (label);
  accords_command_add_change (command, self->agreement, modified);
  if (source_after != NULL)
    accords_command_add_source_edit (command, source_before, source_after);
  if (confirm_item != 0 && g_strcmp0 (confirm_before, "confirmed") != 0)
    accords_command_add_link_state (command, confirm_item, accords_agreement_get_slug (modified),
                                    confirm_before ? confirm_before : "suggested", "confirmed");

  p = pending_new (self, command, toast_text);
  accords_history_push_async (get_history (self), command, pushed_cb, p);

  /* edits made before the store answers build on this one */
  g_set_object (&self->agreement, modified);
  accords_set_str (&self->stored_slug, accords_agreement_get_slug (modified));
  update (self);
  return TRUE;
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
  return commit (self, candidate, _(tf->label), NULL, NULL, NULL);
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
  return commit (self, candidate, label, NULL, NULL, NULL);
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
  commit (self, candidate, status ? _("Set status by hand") : _("Let the events set the status"), NULL, NULL, NULL);
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
  commit (self, candidate, _("Edit summary"), NULL, NULL, NULL);
}

/* Rows of the lists */

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

/* An activatable row that edits the part, with a button that deletes it */
static GtkWidget *
part_row (const char *kind,
          guint       index,
          const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && *title ? title : "—");
  if (subtitle && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "editor.edit");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new ("(su)", kind, index));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("user-trash-symbolic", _("Delete"), "editor.delete",
                                         g_variant_new ("(su)", kind, index)));
  return row;
}

static guint
index_in (GListStore *store,
          gpointer    item)
{
  guint position = 0;

  g_list_store_find (store, item, &position);
  return position;
}

static const char *
country_name (AccordsAgreementEditor *self,
              const char             *code)
{
  return accords_context_get_country_name (self->context, code);
}

static GtkWidget *
create_party_row (gpointer item,
                  gpointer user_data)
{
  AccordsAgreementEditor *self = user_data;
  AccordsParty *p = item;
  g_autofree char *role = accords_vocabulary_get_label (ACCORDS_VOCABULARY_PARTY_ROLE, accords_party_get_role (p));
  g_autofree char *title = g_strdup_printf ("%s (%s)", country_name (self, accords_party_get_country (p)),
                                            accords_party_get_country (p));

  return part_row ("party", index_in (accords_agreement_get_parties (self->agreement), item), title, role);
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  AccordsAgreementEditor *self = user_data;
  AccordsEvent *e = item;
  g_autofree char *date = accords_date_format (accords_event_get_date (e));
  g_autofree char *title = g_strdup_printf ("%s · %s", date, accords_event_type_get_label (accords_event_get_event_type (e)));
  const char * const *urls = accords_event_get_source_urls (e);
  guint n = urls ? g_strv_length ((char **) urls) : 0;
  g_autofree char *cited = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n), n) : NULL;
  g_autofree char *subtitle = cited ? g_strdup_printf ("%s — %s", accords_str_or_empty (accords_event_get_description (e)), cited)
                                    : g_strdup (accords_event_get_description (e));

  return part_row ("event", index_in (accords_agreement_get_events (self->agreement), item), title, subtitle);
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  AccordsAgreementEditor *self = user_data;
  AccordsPersonRole *r = item;
  g_autoptr(GString) subtitle = g_string_new (accords_person_role_get_role (r));

  if (!accords_str_empty (accords_person_role_get_country (r)))
    g_string_append_printf (subtitle, ", %s", country_name (self, accords_person_role_get_country (r)));
  if (!accords_str_empty (accords_person_role_get_start (r)) || !accords_str_empty (accords_person_role_get_end (r)))
    g_string_append_printf (subtitle, " (%s–%s)", accords_str_or_empty (accords_person_role_get_start (r)),
                            accords_str_or_empty (accords_person_role_get_end (r)));
  return part_row ("person", index_in (accords_agreement_get_people (self->agreement), item),
                   accords_person_role_get_name (r), subtitle->str);
}

static GtkWidget *
create_fact_row (gpointer item,
                 gpointer user_data)
{
  AccordsAgreementEditor *self = user_data;
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
  return part_row (kind, index_in (accords_agreement_get_facts (self->agreement), item), title->str, subtitle->str);
}

static const char *
source_label (AccordsSource *s)
{
  return accords_str_empty (accords_source_get_title (s)) ? accords_source_get_url (s) : accords_source_get_title (s);
}

static GtkWidget *
create_source_row (gpointer item,
                   gpointer user_data)
{
  AccordsAgreementEditor *self = user_data;
  AccordsSource *s = item;

  g_autoptr(GUri) uri = g_uri_parse (accords_source_get_url (s), G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  guint index = index_in (accords_agreement_get_sources (self->agreement), item);

  if (accords_str_empty (accords_source_get_title (s)) && host != NULL)
    return part_row ("source", index, host, accords_source_get_url (s));
  return part_row ("source", index, source_label (s), accords_source_get_url (s));
}

static GtkWidget *
create_flag_row (gpointer item,
                 gpointer user_data)
{
  AccordsAgreementEditor *self = user_data;
  AccordsFlag *f = item;
  guint index = index_in (accords_agreement_get_flags (self->agreement), item);
  gboolean resolved = !accords_str_empty (accords_flag_get_resolved (f));
  g_autofree char *subtitle = resolved ? g_strdup_printf (_("Resolved %s: %s"), accords_flag_get_resolved (f),
                                                          accords_flag_get_resolution (f))
                                       : g_strdup (_("Not verified yet"));
  GtkWidget *row = part_row ("flag", index, accords_flag_get_text (f), subtitle);
  GtkWidget *icon = gtk_image_new_from_icon_name (resolved ? "object-select-symbolic" : "dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, resolved ? "success" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (resolved)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button ("edit-undo-symbolic", _("Reopen"), "editor.reopen-flag",
                                           g_variant_new_uint32 (index)));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               row_button ("object-select-symbolic", _("Resolve…"), "editor.resolve-flag",
                                           g_variant_new_uint32 (index)));
  return row;
}

static gboolean
fact_is_kind (gpointer item,
              gpointer user_data)
{
  return g_strcmp0 (accords_fact_get_kind (item), user_data) == 0;
}

static void
bind_facts (AccordsAgreementEditor *self,
            GtkListBox             *list,
            const char             *kind)
{
  g_autoptr(GtkFilterListModel) model = NULL;

  if (self->agreement == NULL)
    {
      gtk_list_box_bind_model (list, NULL, NULL, NULL, NULL);
      return;
    }
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (accords_agreement_get_facts (self->agreement))),
                                     GTK_FILTER (gtk_custom_filter_new (fact_is_kind, (gpointer) kind, NULL)));
  gtk_list_box_bind_model (list, G_LIST_MODEL (model), create_fact_row, self, NULL);
}

static void
bind (AccordsAgreementEditor *self,
      GtkListBox             *list,
      GListStore             *store,
      GtkListBoxCreateWidgetFunc create)
{
  if (self->agreement == NULL)
    gtk_list_box_bind_model (list, NULL, NULL, NULL, NULL);
  else
    gtk_list_box_bind_model (list, G_LIST_MODEL (store), create, self, NULL);
}

static void
show_when_empty (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (list, label);
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
                                 row_button ("list-remove-symbolic", _("Remove Alias"), "editor.remove-alias",
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
                                   row_button ("go-top-symbolic", _("Make Primary"), "editor.make-primary-type",
                                               g_variant_new_uint32 (i)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("list-remove-symbolic", _("Remove Type"), "editor.remove-type",
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

  bind (self, self->parties_list, accords_agreement_get_parties (a), create_party_row);
  bind (self, self->events_list, accords_agreement_get_events (a), create_event_row);
  bind (self, self->people_list, accords_agreement_get_people (a), create_person_row);
  bind (self, self->sources_list, accords_agreement_get_sources (a), create_source_row);
  bind (self, self->flags_list, accords_agreement_get_flags (a), create_flag_row);
  bind_facts (self, self->financial_list, "financial_term");
  bind_facts (self, self->observations_list, "observation");
  bind_facts (self, self->challenges_list, "legal_challenge");
  bind_facts (self, self->concerns_list, "concern");
  self->updating = FALSE;
}

static void
update (AccordsAgreementEditor *self)
{
  update_full (self, NULL);
}

/* Dialogs for the parts */

/* The linked news items an event's dialog offers as sources, best first */
#define LINKED_NEWS_CHOICES 100

typedef struct {
  AccordsAgreementEditor *self;
  char                   *kind;
  int                     index;        /* -1: a new one */
  GListStore             *all_sources;  /* every source in the database */
  GPtrArray              *linked;       /* AccordsItemLink: news linked to the agreement, with a web address */
} PartEdit;

static void
part_edit_free (PartEdit *pe)
{
  g_object_unref (pe->self);
  g_free (pe->kind);
  g_clear_object (&pe->all_sources);
  g_clear_pointer (&pe->linked, g_ptr_array_unref);
  g_free (pe);
}

static gboolean
is_fact_kind (const char *kind)
{
  return accords_vocabulary_lookup (ACCORDS_VOCABULARY_FACT_KIND, kind) != NULL;
}

/* NULL-terminated arrays of names and translated labels of a vocabulary */
static void
vocabulary_choices (AccordsVocabulary vocabulary,
                    gboolean          with_none,
                    GStrv            *values,
                    GStrv            *labels)
{
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  guint n = 0;
  const AccordsTerm *terms = accords_vocabulary_get_terms (vocabulary, &n);

  if (with_none)
    {
      g_strv_builder_add (v, "");
      g_strv_builder_add (l, _("Not given"));
    }
  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (v, terms[i].name);
      g_strv_builder_add (l, _(terms[i].label));
    }
  *values = g_strv_builder_end (v);
  *labels = g_strv_builder_end (l);
}

static void
event_type_choices (GStrv *values,
                    GStrv *labels)
{
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  guint n = 0;
  const AccordsEventType *types = accords_event_types (&n);

  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (v, types[i].name);
      g_strv_builder_add (l, _(types[i].label));
    }
  *values = g_strv_builder_end (v);
  *labels = g_strv_builder_end (l);
}

/* The agreement's sources, and with_none: "No source" first */
static void
source_choices (AccordsAgreement *a,
                gboolean          with_none,
                GStrv            *values,
                GStrv            *labels)
{
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  GListModel *model = G_LIST_MODEL (accords_agreement_get_sources (a));

  if (with_none)
    {
      g_strv_builder_add (v, "");
      g_strv_builder_add (l, _("No source"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (model, i);

      g_strv_builder_add (v, accords_source_get_url (s));
      g_strv_builder_add (l, source_label (s));
    }
  *values = g_strv_builder_end (v);
  *labels = g_strv_builder_end (l);
}

static gboolean
agreement_has_source (AccordsAgreement *a,
                      const char       *url)
{
  GListModel *model = G_LIST_MODEL (accords_agreement_get_sources (a));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (model, i);

      if (g_strcmp0 (accords_source_get_url (s), url) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
dialog_has (AccordsFormDialog *dialog,
            const char        *field)
{
  return g_object_get_data (G_OBJECT (dialog), field) != NULL;
}

/* Remembers which fields the dialog has, for the issue mapping */
static void
mark_fields (AccordsFormDialog *dialog,
             const char        *first,
             ...)
{
  va_list args;

  va_start (args, first);
  for (const char *f = first; f; f = va_arg (args, const char *))
    g_object_set_data (G_OBJECT (dialog), f, GINT_TO_POINTER (1));
  va_end (args);
}

/* "Another source in the database", and "A new source" */
static void
add_source_pickers (PartEdit          *pe,
                    AccordsFormDialog *dialog,
                    gboolean           other)
{
  AccordsAgreement *a = pe->self->agreement;

  if (other && pe->all_sources != NULL)
    {
      g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
      g_auto(GStrv) values = NULL;
      g_auto(GStrv) labels = NULL;
      guint n = 0;

      g_strv_builder_add (v, "");
      g_strv_builder_add (l, _("None"));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pe->all_sources)); i++)
        {
          g_autoptr(AccordsSource) s = g_list_model_get_item (G_LIST_MODEL (pe->all_sources), i);

          if (agreement_has_source (a, accords_source_get_url (s)))
            continue;
          g_strv_builder_add (v, accords_source_get_url (s));
          g_strv_builder_add (l, source_label (s));
          n++;
        }
      values = g_strv_builder_end (v);
      labels = g_strv_builder_end (l);
      if (n > 0)
        {
          accords_form_dialog_add_group (dialog, _("A Source of Another Agreement"), NULL);
          accords_form_dialog_add_choice (dialog, "other_source", _("Source"),
                                          (const char * const *) values, (const char * const *) labels, "");
          mark_fields (dialog, "other_source", NULL);
        }
    }
  accords_form_dialog_add_group (dialog, _("A New Source"),
                                 _("It is added to the agreement’s sources."));
  accords_form_dialog_add_entry (dialog, "new_url", _("URL (http or https)"), NULL);
  accords_form_dialog_add_entry (dialog, "new_title", _("Title"), NULL);
  mark_fields (dialog, "new_url", "new_title", NULL);
}

/* "A Linked News Item": one of the news items linked to the agreement
 * (confirmed or suggested) becomes a source that keeps its item */
static void
add_news_item_picker (PartEdit          *pe,
                      AccordsFormDialog *dialog)
{
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  g_auto(GStrv) labels = NULL;

  if (pe->linked == NULL || pe->linked->len == 0)
    return;
  g_strv_builder_add (v, "");
  g_strv_builder_add (l, _("None"));
  for (guint i = 0; i < pe->linked->len; i++)
    {
      AccordsItemLink *link = g_ptr_array_index (pe->linked, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, accords_item_link_get_item_id (link));
      g_autofree char *day = g_strndup (accords_item_link_get_published (link), 10);
      /* Translators: a news item in a list: "Rwanda in talks with U.S (2025-05-05, confirmed)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s, %s)"),
                                                accords_str_empty (accords_item_link_get_title (link))
                                                ? accords_item_link_get_link (link) : accords_item_link_get_title (link),
                                                *day ? day : accords_item_link_get_feed_title (link),
                                                g_str_equal (accords_item_link_get_state (link), "confirmed")
                                                ? _("confirmed") : _("suggested"));

      g_strv_builder_add (v, id);
      g_strv_builder_add (l, label);
    }
  values = g_strv_builder_end (v);
  labels = g_strv_builder_end (l);
  accords_form_dialog_add_group (dialog, _("A Linked News Item"),
                                 _("It becomes one of the agreement’s sources, and its link is confirmed."));
  accords_form_dialog_add_choice (dialog, "news_item", _("News item"),
                                  (const char * const *) values, (const char * const *) labels, "");
  mark_fields (dialog, "news_item", NULL);
}

static const char *
value (AccordsFormDialog *dialog,
       const char        *field)
{
  return dialog_has (dialog, field) ? accords_form_dialog_get_value (dialog, field) : "";
}

static char *
stripped (AccordsFormDialog *dialog,
          const char        *field)
{
  return g_strstrip (g_strdup (value (dialog, field)));
}

/* Adds the chosen other source or the new one to the candidate's sources;
 * returns the URL to cite (NULL: none) and where the new one went. */
static char *
take_new_source (AccordsFormDialog *dialog,
                 AccordsAgreement  *candidate,
                 PartEdit          *pe,
                 int               *new_index)
{
  g_autofree char *url = stripped (dialog, "new_url");
  g_autofree char *title = stripped (dialog, "new_title");
  const char *other = value (dialog, "other_source");

  *new_index = -1;
  if (*url != '\0')
    {
      if (!agreement_has_source (candidate, url))
        {
          g_autoptr(AccordsSource) s = accords_source_new ();
          g_autofree char *accessed = accords_date_today ();

          accords_source_set_url (s, url);
          accords_source_set_title (s, title);
          accords_source_set_accessed (s, accessed);
          *new_index = (int) g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (candidate)));
          g_list_store_append (accords_agreement_get_sources (candidate), s);
        }
      return g_steal_pointer (&url);
    }
  if (*other != '\0')
    {
      for (guint i = 0; pe->all_sources && i < g_list_model_get_n_items (G_LIST_MODEL (pe->all_sources)); i++)
        {
          g_autoptr(AccordsSource) s = g_list_model_get_item (G_LIST_MODEL (pe->all_sources), i);

          if (g_str_equal (accords_source_get_url (s), other) && !agreement_has_source (candidate, other))
            {
              g_autoptr(AccordsSource) copy = accords_part_copy (s);
              g_list_store_append (accords_agreement_get_sources (candidate), copy);
            }
        }
      return g_strdup (other);
    }
  return NULL;
}

/* The linked news item chosen, or NULL */
static AccordsItemLink *
chosen_news_item (AccordsFormDialog *dialog,
                  PartEdit          *pe)
{
  const char *chosen = value (dialog, "news_item");
  gint64 id;

  if (*chosen == '\0' || pe->linked == NULL ||
      !g_ascii_string_to_signed (chosen, 10, 1, G_MAXINT64, &id, NULL))
    return NULL;
  for (guint i = 0; i < pe->linked->len; i++)
    if (accords_item_link_get_item_id (g_ptr_array_index (pe->linked, i)) == id)
      return g_ptr_array_index (pe->linked, i);
  return NULL;
}

/* Adds the chosen news item to the candidate's sources, as a news report
 * that keeps its item; returns the URL to cite (NULL: none chosen) */
static char *
take_news_item (AccordsFormDialog *dialog,
                AccordsAgreement  *candidate,
                PartEdit          *pe)
{
  AccordsItemLink *link = chosen_news_item (dialog, pe);
  const char *url;

  if (link == NULL)
    return NULL;
  url = accords_item_link_get_link (link);
  if (!agreement_has_source (candidate, url))
    {
      g_autoptr(AccordsSource) s = accords_source_new ();
      g_autofree char *accessed = accords_date_today ();
      g_autofree char *published = g_strndup (accords_item_link_get_published (link), 10);

      accords_source_set_url (s, url);
      accords_source_set_title (s, accords_item_link_get_title (link));
      accords_source_set_publisher (s, accords_item_link_get_feed_title (link));
      accords_source_set_published (s, published);
      accords_source_set_accessed (s, accessed);
      accords_source_set_source_type (s, "news");
      accords_source_set_item_id (s, accords_item_link_get_item_id (link));
      g_list_store_append (accords_agreement_get_sources (candidate), s);
    }
  return g_strdup (url);
}

static void
put_part (GListStore *store,
          int         index,
          gpointer    part)
{
  if (index < 0)
    g_list_store_append (store, part);
  else
    g_list_store_splice (store, index, 1, &part, 1);
}

static gpointer
part_at (GListStore *store,
         int         index,
         GType       type)
{
  g_autoptr(GObject) old = index >= 0 ? g_list_model_get_item (G_LIST_MODEL (store), index) : NULL;

  return old ? accords_part_copy (old) : g_object_new (type, NULL);
}

static char *
today (void)
{
  return accords_date_today ();
}

typedef struct {
  AccordsAgreement *candidate;
  char             *prefix;        /* "events[3]" */
  char             *new_prefix;    /* "sources[7]": the new source, or NULL */
  char             *new_url;
  char             *other_url;
  GHashTable       *map;           /* issue member -> dialog field */
  AccordsSource    *source_before; /* for a source's own dialog */
  AccordsSource    *source_after;
  char             *count_error;
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_clear_object (&c->candidate);
  g_free (c->prefix);
  g_free (c->new_prefix);
  g_free (c->new_url);
  g_free (c->other_url);
  g_clear_pointer (&c->map, g_hash_table_unref);
  g_clear_object (&c->source_before);
  g_clear_object (&c->source_after);
  g_free (c->count_error);
  g_free (c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Candidate, candidate_free)

static void
map_fields (Candidate  *c,
            const char *first,
            ...)
{
  va_list args;

  va_start (args, first);
  for (const char *member = first; member; member = va_arg (args, const char *))
    g_hash_table_insert (c->map, (gpointer) member, (gpointer) va_arg (args, const char *));
  va_end (args);
}

/* Rewrites the citations of one URL in the candidate (to NULL: drops them) */
static guint
recite (AccordsAgreement *a,
        const char       *from,
        const char       *to)
{
  GListModel *model;
  guint n = 0;

  model = G_LIST_MODEL (accords_agreement_get_events (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (model, i);
      const char * const *urls = accords_event_get_source_urls (e);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) rewritten = NULL;
      gboolean touched = FALSE;

      for (guint k = 0; urls && urls[k]; k++)
        if (g_str_equal (urls[k], from))
          {
            touched = TRUE;
            n++;
            if (to)
              g_strv_builder_add (builder, to);
          }
        else
          g_strv_builder_add (builder, urls[k]);
      rewritten = g_strv_builder_end (builder);
      if (touched)
        accords_event_set_source_urls (e, (const char * const *) rewritten);
    }
  model = G_LIST_MODEL (accords_agreement_get_people (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsPersonRole) r = g_list_model_get_item (model, i);

      if (g_strcmp0 (accords_person_role_get_source_url (r), from) == 0)
        {
          accords_person_role_set_source_url (r, to);
          n++;
        }
    }
  model = G_LIST_MODEL (accords_agreement_get_facts (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsFact) f = g_list_model_get_item (model, i);

      if (g_strcmp0 (accords_fact_get_source_url (f), from) == 0)
        {
          accords_fact_set_source_url (f, to);
          n++;
        }
    }
  return n;
}

/* Reads the dialog into a copy of the agreement with the part in place */
static Candidate *
build_candidate (PartEdit          *pe,
                 AccordsFormDialog *dialog)
{
  AccordsAgreementEditor *self = pe->self;
  g_autoptr(Candidate) c = g_new0 (Candidate, 1);
  AccordsAgreement *a;
  int new_index = -1;
  const char *kind = pe->kind;

  c->candidate = working_copy (self);
  c->map = g_hash_table_new (g_str_hash, g_str_equal);
  a = c->candidate;

  if (g_str_equal (kind, "party"))
    {
      g_autoptr(AccordsParty) p = part_at (accords_agreement_get_parties (a), pe->index, ACCORDS_TYPE_PARTY);
      GListStore *store = accords_agreement_get_parties (a);

      accords_party_set_country (p, value (dialog, "country"));
      accords_party_set_role (p, value (dialog, "role"));
      put_part (store, pe->index, p);
      c->prefix = g_strdup_printf ("parties[%u]", pe->index < 0 ? g_list_model_get_n_items (G_LIST_MODEL (store)) - 1 : (guint) pe->index);
      map_fields (c, "country", "country", "role", "role", NULL);
    }
  else if (g_str_equal (kind, "event"))
    {
      GListStore *store = accords_agreement_get_events (a);
      g_autoptr(AccordsEvent) e = part_at (store, pe->index, ACCORDS_TYPE_EVENT);
      g_autofree char *date = stripped (dialog, "date");
      g_autofree char *description = stripped (dialog, "description");
      g_auto(GStrv) checked = dialog_has (dialog, "sources") ? accords_form_dialog_get_checked (dialog, "sources")
                                                             : g_new0 (char *, 1);
      g_autoptr(GStrvBuilder) urls = g_strv_builder_new ();
      g_auto(GStrv) cited = NULL;
      g_autofree char *extra = NULL;
      g_autofree char *news = NULL;
      AccordsDatePrecision precision = ACCORDS_DATE_PRECISION_NONE;

      accords_event_set_date (e, date);
      accords_date_parse (date, NULL, NULL, NULL, &precision, NULL);
      accords_event_set_precision (e, precision == ACCORDS_DATE_PRECISION_NONE ? NULL
                                      : accords_date_precision_to_string (precision));
      accords_event_set_event_type (e, value (dialog, "type"));
      accords_event_set_actor (e, accords_str_empty (value (dialog, "actor")) ? NULL : value (dialog, "actor"));
      accords_event_set_description (e, description);
      accords_event_set_confidence (e, value (dialog, "confidence"));
      g_strv_builder_addv (urls, (const char **) checked);
      extra = take_new_source (dialog, a, pe, &new_index);
      if (extra && !g_strv_contains ((const char * const *) checked, extra))
        g_strv_builder_add (urls, extra);
      news = take_news_item (dialog, a, pe);
      if (news && !g_strv_contains ((const char * const *) checked, news) && g_strcmp0 (news, extra) != 0)
        g_strv_builder_add (urls, news);
      cited = g_strv_builder_end (urls);
      accords_event_set_source_urls (e, (const char * const *) cited);
      put_part (store, pe->index, e);
      c->prefix = g_strdup_printf ("events[%u]", pe->index < 0 ? g_list_model_get_n_items (G_LIST_MODEL (store)) - 1 : (guint) pe->index);
      map_fields (c, "date", "date", "precision", "date", "type", "type", "actor", "actor",
                  "confidence", "confidence", "description", "description", NULL);
    }
  else if (g_str_equal (kind, "person"))
    {
      GListStore *store = accords_agreement_get_people (a);
      g_autoptr(AccordsPersonRole) r = part_at (store, pe->index, ACCORDS_TYPE_PERSON_ROLE);
      g_autofree char *name = stripped (dialog, "name");
      g_autofree char *role = stripped (dialog, "role");
      g_autofree char *start = stripped (dialog, "start");
      g_autofree char *end = stripped (dialog, "end");
      g_autofree char *extra = take_new_source (dialog, a, pe, &new_index);

      accords_person_role_set_name (r, name);
      accords_person_role_set_role (r, role);
      accords_person_role_set_country (r, accords_str_empty (value (dialog, "country")) ? NULL : value (dialog, "country"));
      accords_person_role_set_start (r, start);
      accords_person_role_set_end (r, end);
      accords_person_role_set_source_url (r, extra ? extra : value (dialog, "source"));
      put_part (store, pe->index, r);
      c->prefix = g_strdup_printf ("people[%u]", pe->index < 0 ? g_list_model_get_n_items (G_LIST_MODEL (store)) - 1 : (guint) pe->index);
      map_fields (c, "name", "name", "role", "role", "country", "country", "start", "start", "end", "end",
                  "source", extra ? "new_url" : "source", NULL);
    }
  else if (is_fact_kind (kind))
    {
      GListStore *store = accords_agreement_get_facts (a);
      g_autoptr(AccordsFact) f = part_at (store, pe->index, ACCORDS_TYPE_FACT);
      g_autofree char *count = stripped (dialog, "count");
      g_autofree char *extra = take_new_source (dialog, a, pe, &new_index);
      static const char * const texts[][2] = {
        { "date", "date" }, { "description", "description" }, { "amount", "amount" }, { "currency", "currency" },
        { "court", "court" }, { "case_name", "case-name" }, { "outcome", "outcome" }, { "raised_by", "raised-by" },
      };

      accords_fact_set_kind (f, kind);
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (dialog_has (dialog, texts[i][0]))
          {
            g_autofree char *text = stripped (dialog, texts[i][0]);
            g_object_set (f, texts[i][1], text, NULL);
          }
      if (dialog_has (dialog, "count"))
        {
          gint64 n = -1;

          if (*count != '\0' && !g_ascii_string_to_signed (count, 10, 0, G_MAXINT64, &n, NULL))
            c->count_error = g_strdup_printf (_("“%s” is not a whole number"), count);
          accords_fact_set_count (f, n);
        }
      accords_fact_set_source_url (f, extra ? extra : value (dialog, "source"));
      put_part (store, pe->index, f);
      c->prefix = g_strdup_printf ("facts[%u]", pe->index < 0 ? g_list_model_get_n_items (G_LIST_MODEL (store)) - 1 : (guint) pe->index);
      map_fields (c, "date", "date", "description", "description", "amount", "amount", "currency", "currency",
                  "count", "count", "court", "court", "case_name", "case_name", "outcome", "outcome",
                  "raised_by", "raised_by", "source", extra ? "new_url" : "source", NULL);
    }
  else if (g_str_equal (kind, "source"))
    {
      GListStore *store = accords_agreement_get_sources (a);
      g_autoptr(AccordsSource) s = part_at (store, pe->index, ACCORDS_TYPE_SOURCE);
      g_autofree char *old_url = g_strdup (accords_source_get_url (s));
      static const char * const texts[][2] = {
        { "url", "url" }, { "title", "title" }, { "publisher", "publisher" }, { "published", "published" },
        { "accessed", "accessed" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          g_autofree char *text = stripped (dialog, texts[i][0]);
          g_object_set (s, texts[i][1], text, NULL);
        }
      accords_source_set_source_type (s, value (dialog, "type"));
      if (pe->index >= 0 && g_strcmp0 (old_url, accords_source_get_url (s)) != 0)
        recite (a, old_url, accords_source_get_url (s));
      put_part (store, pe->index, s);
      c->prefix = g_strdup_printf ("sources[%u]", pe->index < 0 ? g_list_model_get_n_items (G_LIST_MODEL (store)) - 1 : (guint) pe->index);
      map_fields (c, "url", "url", "published", "published", "accessed", "accessed", "type", "type", NULL);
      /* the source row is shared: an edit writes it as it is now */
      if (pe->index >= 0)
        {
          c->source_after = accords_part_copy (s);
          c->source_before = accords_store_load_source_by_url (get_store (self), accords_source_get_url (s), NULL);
        }
    }
  else if (g_str_equal (kind, "flag") || g_str_equal (kind, "resolve"))
    {
      GListStore *store = accords_agreement_get_flags (a);
      g_autoptr(AccordsFlag) f = part_at (store, pe->index, ACCORDS_TYPE_FLAG);

      if (dialog_has (dialog, "text"))
        {
          g_autofree char *text = stripped (dialog, "text");
          accords_flag_set_text (f, text);
        }
      if (dialog_has (dialog, "resolved"))
        {
          g_autofree char *when = stripped (dialog, "resolved");
          g_autofree char *how = stripped (dialog, "resolution");

          accords_flag_set_resolved (f, *when ? when : NULL);
          accords_flag_set_resolution (f, how);
        }
      put_part (store, pe->index, f);
      c->prefix = g_strdup_printf ("verify[%u]", pe->index < 0 ? g_list_model_get_n_items (G_LIST_MODEL (store)) - 1 : (guint) pe->index);
      map_fields (c, "text", "text", "resolved", "resolved", "resolution", "resolution", NULL);
    }

  if (new_index >= 0)
    c->new_prefix = g_strdup_printf ("sources[%d]", new_index);
  c->new_url = stripped (dialog, "new_url");
  c->other_url = g_strdup (value (dialog, "other_source"));
  return g_steal_pointer (&c);
}

/* Where an issue of the candidate shows in the dialog: NULL when it is not
 * about the part being edited */
static const char *
issue_field (Candidate          *c,
             const AccordsIssue *issue,
             gboolean           *general)
{
  gsize len = strlen (c->prefix);
  const char *rest;
  g_autofree char *member = NULL;
  const char *mapped;

  *general = FALSE;
  if (c->new_prefix && g_str_has_prefix (issue->field, c->new_prefix))
    return "new_url";
  if (!g_str_has_prefix (issue->field, c->prefix) || issue->field[len] != '.')
    return NULL;
  rest = issue->field + len + 1;
  member = g_strndup (rest, strcspn (rest, ".["));
  if (g_str_equal (member, "sources") && c->candidate != NULL)
    {
      /* which citation: the new source, the other one, or a checked one */
      guint k = (guint) g_ascii_strtoull (rest + strlen ("sources["), NULL, 10);
      guint event = 0;
      g_autoptr(AccordsEvent) e = NULL;
      const char * const *urls;

      if (sscanf (c->prefix, "events[%u]", &event) != 1)
        return "source";
      e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (c->candidate)), event);
      urls = e ? accords_event_get_source_urls (e) : NULL;
      if (urls && k < g_strv_length ((char **) urls) && g_strcmp0 (urls[k], c->new_url) == 0)
        return "new_url";
      if (urls && k < g_strv_length ((char **) urls) && g_strcmp0 (urls[k], c->other_url) == 0)
        return "other_source";
      return "sources";
    }
  if ((mapped = g_hash_table_lookup (c->map, member)) != NULL)
    return mapped;
  *general = TRUE;
  return NULL;
}

/* Shows each problem beside its field; TRUE when there is none */
static gboolean
check_dialog (PartEdit          *pe,
              AccordsFormDialog *dialog,
              Candidate         *c)
{
  g_autoptr(GPtrArray) issues = accords_agreement_check (c->candidate, get_store (pe->self), pe->self->stored_slug);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) general = g_string_new (NULL);
  gboolean ok = TRUE;

  if (c->count_error)
    {
      g_hash_table_insert (shown, (gpointer) "count", c->count_error);
      ok = FALSE;
    }
  for (guint i = 0; i < issues->len; i++)
    {
      AccordsIssue *issue = g_ptr_array_index (issues, i);
      gboolean is_general;
      const char *field = issue_field (c, issue, &is_general);

      if (field != NULL && dialog_has (dialog, field))
        {
          if (!g_hash_table_contains (shown, field))
            g_hash_table_insert (shown, (gpointer) field, issue->message);
          ok = FALSE;
        }
      else if (field != NULL || is_general)
        {
          g_string_append_printf (general, "%s%s: %s", general->len ? "\n" : "", issue->field, issue->message);
          ok = FALSE;
        }
    }

  accords_form_dialog_clear_messages (dialog);
  {
    GHashTableIter iter;
    gpointer field, message;

    g_hash_table_iter_init (&iter, shown);
    while (g_hash_table_iter_next (&iter, &field, &message))
      accords_form_dialog_set_message (dialog, field, message);
  }
  if (general->len)
    accords_form_dialog_set_message (dialog, NULL, general->str);
  return ok;
}

static void
dialog_changed_cb (AccordsFormDialog *dialog,
                   const char        *field,
                   PartEdit          *pe)
{
  g_autoptr(Candidate) c = build_candidate (pe, dialog);

  accords_form_dialog_set_can_save (dialog, check_dialog (pe, dialog, c));
}

static const struct {
  const char *kind;
  const char *added;      /* for Undo */
  const char *edited;
  const char *add_title;  /* of the dialog */
  const char *edit_title;
} part_labels[] = {
  { "party", N_("Add party"), N_("Edit party"), N_("Add Party"), N_("Edit Party") },
  { "event", N_("Add event"), N_("Edit event"), N_("Add Event"), N_("Edit Event") },
  { "person", N_("Add person"), N_("Edit person"), N_("Add Person"), N_("Edit Person") },
  { "financial_term", N_("Add financial term"), N_("Edit financial term"), N_("Add Financial Term"), N_("Edit Financial Term") },
  { "observation", N_("Add observation"), N_("Edit observation"), N_("Add Observation"), N_("Edit Observation") },
  { "legal_challenge", N_("Add legal challenge"), N_("Edit legal challenge"), N_("Add Legal Challenge"), N_("Edit Legal Challenge") },
  { "concern", N_("Add concern"), N_("Edit concern"), N_("Add Concern"), N_("Edit Concern") },
  { "source", N_("Add source"), N_("Edit source"), N_("Add Source"), N_("Edit Source") },
  { "flag", N_("Add something to verify"), N_("Edit what to verify"), N_("Add Something to Verify"), N_("Edit What to Verify") },
  { "resolve", N_("Resolve what to verify"), N_("Resolve what to verify"), N_("Resolve"), N_("Resolve") },
};

static const char *
part_label (const char *kind,
            gboolean    is_new)
{
  for (guint i = 0; i < G_N_ELEMENTS (part_labels); i++)
    if (g_str_equal (part_labels[i].kind, kind))
      return _(is_new ? part_labels[i].added : part_labels[i].edited);
  return kind;
}

static const char *
part_title (const char *kind,
            gboolean    is_new)
{
  for (guint i = 0; i < G_N_ELEMENTS (part_labels); i++)
    if (g_str_equal (part_labels[i].kind, kind))
      return _(is_new ? part_labels[i].add_title : part_labels[i].edit_title);
  return kind;
}

static void
dialog_save_cb (AccordsFormDialog *dialog,
                PartEdit          *pe)
{
  g_autoptr(Candidate) c = build_candidate (pe, dialog);
  AccordsItemLink *news;

  if (!check_dialog (pe, dialog, c))
    {
      accords_form_dialog_set_can_save (dialog, FALSE);
      return;
    }
  news = g_str_equal (pe->kind, "event") ? chosen_news_item (dialog, pe) : NULL;
  if (commit_full (pe->self, c->candidate, part_label (pe->kind, pe->index < 0), NULL, c->source_before,
                   c->source_after, news ? accords_item_link_get_item_id (news) : 0,
                   news ? accords_item_link_get_state (news) : NULL))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The news items linked to the agreement and not rejected, with a web
 * address a source can have */
static GPtrArray *
load_linked_news (AccordsAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  GPtrArray *usable = g_ptr_array_new_with_free_func (g_object_unref);

  if (accords_str_empty (self->stored_slug))
    return usable;
  links = accords_store_load_agreement_links (get_store (self), self->stored_slug, FALSE, 0, LINKED_NEWS_CHOICES,
                                              NULL, &error);
  if (links == NULL)
    {
      g_warning ("Reading the news linked to %s: %s", self->stored_slug, error->message);
      return usable;
    }
  for (guint i = 0; i < links->len; i++)
    if (accords_is_http_url (accords_item_link_get_link (links->pdata[i])))
      g_ptr_array_add (usable, g_object_ref (links->pdata[i]));
  return usable;
}

static void
open_part_dialog (AccordsAgreementEditor *self,
                  const char             *kind,
                  int                     index)
{
  AccordsAgreement *a = self->agreement;
  AccordsFormDialog *dialog;
  PartEdit *pe;
  const char *title = part_title (kind, index < 0);

  if (a == NULL || self->context == NULL)
    return;

  pe = g_new0 (PartEdit, 1);
  pe->self = g_object_ref (self);
  pe->kind = g_strdup (kind);
  pe->index = index;
  pe->all_sources = accords_store_load_sources (get_store (self), NULL);
  if (g_str_equal (kind, "event"))
    pe->linked = load_linked_news (self);

  dialog = accords_form_dialog_new (GTK_WIDGET (self), title, index < 0 ? _("_Add") : _("_Save"));

  if (g_str_equal (kind, "party"))
    {
      g_autoptr(AccordsParty) p = part_at (accords_agreement_get_parties (a), index, ACCORDS_TYPE_PARTY);
      g_auto(GStrv) values = NULL;
      g_auto(GStrv) labels = NULL;

      vocabulary_choices (ACCORDS_VOCABULARY_PARTY_ROLE, FALSE, &values, &labels);
      accords_form_dialog_add_group (dialog, NULL, NULL);
      accords_form_dialog_add_country (dialog, "country", _("Country"), accords_context_get_iso_codes (self->context),
                                       FALSE, accords_party_get_country (p));
      accords_form_dialog_add_choice (dialog, "role", _("Role"), (const char * const *) values,
                                      (const char * const *) labels, accords_party_get_role (p));
      mark_fields (dialog, "country", "role", NULL);
    }
  else if (g_str_equal (kind, "event"))
    {
      g_autoptr(AccordsEvent) e = part_at (accords_agreement_get_events (a), index, ACCORDS_TYPE_EVENT);
      g_auto(GStrv) types = NULL, type_labels = NULL, conf = NULL, conf_labels = NULL;
      g_auto(GStrv) urls = NULL, url_labels = NULL;

      event_type_choices (&types, &type_labels);
      vocabulary_choices (ACCORDS_VOCABULARY_CONFIDENCE, FALSE, &conf, &conf_labels);
      source_choices (a, FALSE, &urls, &url_labels);
      accords_form_dialog_add_group (dialog, NULL, NULL);
      accords_form_dialog_add_entry (dialog, "date", _("Date (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_event_get_date (e));
      accords_form_dialog_add_choice (dialog, "type", _("What happened"), (const char * const *) types,
                                      (const char * const *) type_labels,
                                      index < 0 ? "signed" : accords_event_get_event_type (e));
      accords_form_dialog_add_entry (dialog, "description", _("Description"), accords_event_get_description (e));
      accords_form_dialog_add_country (dialog, "actor", _("Acting party"), accords_context_get_iso_codes (self->context),
                                       TRUE, accords_event_get_actor (e));
      accords_form_dialog_add_choice (dialog, "confidence", _("Confidence"), (const char * const *) conf,
                                      (const char * const *) conf_labels,
                                      accords_str_empty (accords_event_get_confidence (e)) ? "reported"
                                                                                           : accords_event_get_confidence (e));
      mark_fields (dialog, "date", "type", "description", "actor", "confidence", NULL);
      if (urls[0] != NULL)
        {
          accords_form_dialog_add_group (dialog, _("Supporting Sources"), NULL);
          accords_form_dialog_add_checks (dialog, "sources", (const char * const *) urls,
                                          (const char * const *) url_labels, accords_event_get_source_urls (e));
          mark_fields (dialog, "sources", NULL);
        }
      add_news_item_picker (pe, dialog);
      add_source_pickers (pe, dialog, TRUE);
    }
  else if (g_str_equal (kind, "person"))
    {
      g_autoptr(AccordsPersonRole) r = part_at (accords_agreement_get_people (a), index, ACCORDS_TYPE_PERSON_ROLE);
      g_auto(GStrv) urls = NULL, url_labels = NULL;

      source_choices (a, TRUE, &urls, &url_labels);
      accords_form_dialog_add_group (dialog, NULL, NULL);
      accords_form_dialog_add_entry (dialog, "name", _("Name"), accords_person_role_get_name (r));
      accords_form_dialog_add_entry (dialog, "role", _("Role"), accords_person_role_get_role (r));
      accords_form_dialog_add_country (dialog, "country", _("Country"), accords_context_get_iso_codes (self->context),
                                       TRUE, accords_person_role_get_country (r));
      accords_form_dialog_add_entry (dialog, "start", _("From (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_person_role_get_start (r));
      accords_form_dialog_add_entry (dialog, "end", _("Until"), accords_person_role_get_end (r));
      accords_form_dialog_add_choice (dialog, "source", _("Source"), (const char * const *) urls,
                                      (const char * const *) url_labels, accords_person_role_get_source_url (r));
      mark_fields (dialog, "name", "role", "country", "start", "end", "source", NULL);
      add_source_pickers (pe, dialog, FALSE);
    }
  else if (is_fact_kind (kind))
    {
      g_autoptr(AccordsFact) f = part_at (accords_agreement_get_facts (a), index, ACCORDS_TYPE_FACT);
      g_auto(GStrv) urls = NULL, url_labels = NULL;
      g_autofree char *count = accords_fact_get_count (f) >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, accords_fact_get_count (f))
                                                             : g_strdup ("");

      source_choices (a, TRUE, &urls, &url_labels);
      accords_form_dialog_add_group (dialog, NULL, NULL);
      accords_form_dialog_add_entry (dialog, "date", _("Date (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_fact_get_date (f));
      mark_fields (dialog, "date", "description", "source", NULL);
      if (g_str_equal (kind, "financial_term"))
        {
          accords_form_dialog_add_entry (dialog, "amount", _("Amount"), accords_fact_get_amount (f));
          accords_form_dialog_add_entry (dialog, "currency", _("Currency (ISO 4217, like EUR)"), accords_fact_get_currency (f));
          mark_fields (dialog, "amount", "currency", NULL);
        }
      else if (g_str_equal (kind, "observation"))
        {
          accords_form_dialog_add_entry (dialog, "count", _("Count"), count);
          mark_fields (dialog, "count", NULL);
        }
      else if (g_str_equal (kind, "legal_challenge"))
        {
          accords_form_dialog_add_entry (dialog, "court", _("Court"), accords_fact_get_court (f));
          accords_form_dialog_add_entry (dialog, "case_name", _("Case"), accords_fact_get_case_name (f));
          accords_form_dialog_add_entry (dialog, "outcome", _("Outcome"), accords_fact_get_outcome (f));
          mark_fields (dialog, "court", "case_name", "outcome", NULL);
        }
      else
        {
          accords_form_dialog_add_entry (dialog, "raised_by", _("Raised by"), accords_fact_get_raised_by (f));
          mark_fields (dialog, "raised_by", NULL);
        }
      accords_form_dialog_add_entry (dialog, "description", _("Description"), accords_fact_get_description (f));
      accords_form_dialog_add_choice (dialog, "source", _("Source"), (const char * const *) urls,
                                      (const char * const *) url_labels, accords_fact_get_source_url (f));
      add_source_pickers (pe, dialog, FALSE);
    }
  else if (g_str_equal (kind, "source"))
    {
      g_autoptr(AccordsSource) s = part_at (accords_agreement_get_sources (a), index, ACCORDS_TYPE_SOURCE);
      g_auto(GStrv) types = NULL, type_labels = NULL;
      g_autofree char *accessed = index < 0 ? today () : g_strdup (accords_source_get_accessed (s));

      vocabulary_choices (ACCORDS_VOCABULARY_SOURCE_TYPE, TRUE, &types, &type_labels);
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
      mark_fields (dialog, "url", "title", "publisher", "published", "accessed", "type", NULL);
    }
  else if (g_str_equal (kind, "flag"))
    {
      g_autoptr(AccordsFlag) f = part_at (accords_agreement_get_flags (a), index, ACCORDS_TYPE_FLAG);

      accords_form_dialog_add_group (dialog, NULL, NULL);
      accords_form_dialog_add_entry (dialog, "text", _("What needs verifying"), accords_flag_get_text (f));
      mark_fields (dialog, "text", NULL);
    }
  else if (g_str_equal (kind, "resolve"))
    {
      g_autoptr(AccordsFlag) f = part_at (accords_agreement_get_flags (a), index, ACCORDS_TYPE_FLAG);
      g_autofree char *when = today ();

      accords_form_dialog_add_group (dialog, accords_flag_get_text (f), NULL);
      accords_form_dialog_add_entry (dialog, "resolved", _("Resolved on"), when);
      accords_form_dialog_add_entry (dialog, "resolution", _("How it was resolved"), NULL);
      mark_fields (dialog, "resolved", "resolution", NULL);
    }

  g_object_set_data_full (G_OBJECT (dialog), "part-edit", pe, (GDestroyNotify) part_edit_free);
  g_signal_connect (dialog, "changed", G_CALLBACK (dialog_changed_cb), pe);
  g_signal_connect (dialog, "save-requested", G_CALLBACK (dialog_save_cb), pe);
  g_set_weak_pointer (&self->dialog, dialog);
  /* an empty new form says what it lacks only once something is typed */
  if (index >= 0)
    dialog_changed_cb (dialog, NULL, pe);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_part_dialog (ACCORDS_AGREEMENT_EDITOR (widget), g_variant_get_string (parameter, NULL), -1);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *kind;
  guint index;

  g_variant_get (parameter, "(&su)", &kind, &index);
  open_part_dialog (ACCORDS_AGREEMENT_EDITOR (widget), kind, (int) index);
}

static void
resolve_flag_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_part_dialog (ACCORDS_AGREEMENT_EDITOR (widget), "resolve", (int) g_variant_get_uint32 (parameter));
}

static void
reopen_flag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);
  g_autoptr(AccordsAgreement) candidate = working_copy (self);
  g_autoptr(AccordsFlag) flag = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (candidate)),
                                                       g_variant_get_uint32 (parameter));

  if (flag == NULL)
    return;
  accords_flag_set_resolved (flag, NULL);
  accords_flag_set_resolution (flag, "");
  commit (self, candidate, _("Reopen what to verify"), NULL, NULL, NULL);
}

static GListStore *
store_of_kind (AccordsAgreement *a,
               const char       *kind)
{
  if (g_str_equal (kind, "party"))
    return accords_agreement_get_parties (a);
  if (g_str_equal (kind, "event"))
    return accords_agreement_get_events (a);
  if (g_str_equal (kind, "person"))
    return accords_agreement_get_people (a);
  if (g_str_equal (kind, "source"))
    return accords_agreement_get_sources (a);
  if (g_str_equal (kind, "flag"))
    return accords_agreement_get_flags (a);
  if (is_fact_kind (kind))
    return accords_agreement_get_facts (a);
  return NULL;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsAgreementEditor *self = ACCORDS_AGREEMENT_EDITOR (widget);
  g_autoptr(AccordsAgreement) candidate = NULL;
  g_autofree char *message = NULL;
  GListStore *store;
  const char *kind;
  guint index;

  if (self->agreement == NULL)
    return;
  g_variant_get (parameter, "(&su)", &kind, &index);
  candidate = working_copy (self);
  store = store_of_kind (candidate, kind);
  if (store == NULL || index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return;

  if (g_str_equal (kind, "source"))
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (G_LIST_MODEL (store), index);
      guint n = recite (candidate, accords_source_get_url (s), NULL);

      message = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source deleted, and %u citation of it",
                                                  "Source deleted, and %u citations of it", n), n)
                  : g_strdup (_("Source deleted"));
    }
  else
    {
      /* TRANSLATORS: "Event deleted", "Party deleted"... */
      g_autofree char *what = g_str_equal (kind, "flag") ? g_strdup (_("What to verify"))
                              : g_str_equal (kind, "party") ? g_strdup (_("Party"))
                              : g_str_equal (kind, "event") ? g_strdup (_("Event"))
                              : g_str_equal (kind, "person") ? g_strdup (_("Person"))
                              : accords_vocabulary_get_label (ACCORDS_VOCABULARY_FACT_KIND, kind);
      message = g_strdup_printf (_("%s deleted"), what);
    }
  g_list_store_remove (store, index);
  commit (self, candidate, message, message, NULL, NULL);
}

/* Deleting the agreement */

static void
delete_agreement_now (AccordsAgreementEditor *self)
{
  g_autoptr(AccordsCommand) command = accords_command_new (_("Delete agreement"));
  g_autofree char *message = g_strdup_printf (_("“%s” deleted"), accords_agreement_get_title (self->agreement));

  accords_command_add_change (command, self->agreement, NULL);
  accords_history_push_async (get_history (self), command, pushed_cb, pending_new (self, command, message));
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
      toast (self, error->message, FALSE);
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

/* A new agreement */

typedef struct {
  AccordsAgreementEditor *self;
  gboolean                id_edited;
  gboolean                setting_id;
} Creation;

static void
creation_free (Creation *cr)
{
  g_object_unref (cr->self);
  g_free (cr);
}

static char *
free_slug (AccordsAgreementEditor *self,
           const char             *title)
{
  g_autofree char *base = accords_slugify (title);
  char *slug = g_strdup (base);

  for (guint n = 2; *slug && accords_store_has_agreement (get_store (self), slug); n++)
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
  g_autoptr(GPtrArray) issues = accords_agreement_check (a, get_store (cr->self), NULL);
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
      g_autofree char *slug = free_slug (cr->self, value (dialog, "title"));

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
  g_autoptr(AccordsCommand) command = NULL;

  if (!check_creation (cr, dialog))
    {
      accords_form_dialog_set_can_save (dialog, FALSE);
      return;
    }
  a = creation_candidate (dialog);
  accords_set_str (&cr->self->created_slug, accords_agreement_get_slug (a));
  command = accords_command_new (_("Create agreement"));
  accords_command_add_change (command, NULL, a);
  accords_history_push_async (get_history (cr->self), command, pushed_cb, pending_new (cr->self, command, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
accords_agreement_editor_new_agreement (AccordsAgreementEditor *self)
{
  AccordsFormDialog *dialog;
  Creation *cr;
  g_auto(GStrv) types = NULL, type_labels = NULL;

  g_return_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self));
  g_return_if_fail (self->context != NULL);

  cr = g_new0 (Creation, 1);
  cr->self = g_object_ref (self);
  vocabulary_choices (ACCORDS_VOCABULARY_AGREEMENT_TYPE, TRUE, &types, &type_labels);

  dialog = accords_form_dialog_new (GTK_WIDGET (self), _("New Agreement"), _("_Create"));
  accords_form_dialog_add_group (dialog, NULL, _("The rest is filled in once it exists; every step can be undone."));
  accords_form_dialog_add_entry (dialog, "title", _("Title"), NULL);
  accords_form_dialog_add_entry (dialog, "id", _("Id (lower-case letters, digits and hyphens)"), NULL);
  accords_form_dialog_add_choice (dialog, "type", _("Type"), (const char * const *) types,
                                  (const char * const *) type_labels, "");
  accords_form_dialog_add_group (dialog, _("Parties"), NULL);
  accords_form_dialog_add_country (dialog, "sending", _("Sending country"), accords_context_get_iso_codes (self->context),
                                   TRUE, NULL);
  accords_form_dialog_add_country (dialog, "receiving", _("Receiving country"), accords_context_get_iso_codes (self->context),
                                   TRUE, NULL);
  mark_fields (dialog, "title", "id", "type", "sending", "receiving", NULL);
  accords_form_dialog_set_can_save (dialog, FALSE);

  g_object_set_data_full (G_OBJECT (dialog), "creation", cr, (GDestroyNotify) creation_free);
  g_signal_connect (dialog, "changed", G_CALLBACK (creation_changed_cb), cr);
  g_signal_connect (dialog, "save-requested", G_CALLBACK (creation_save_cb), cr);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
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
      accords_agreement_editor_set_context (self, g_value_get_object (value));
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
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, parties_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, events_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, people_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, financial_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, observations_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, challenges_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, concerns_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, sources_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementEditor, flags_list);

  gtk_widget_class_install_action (widget_class, "editor.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "editor.edit", "(su)", edit_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", "(su)", delete_action);
  gtk_widget_class_install_action (widget_class, "editor.resolve-flag", "u", resolve_flag_action);
  gtk_widget_class_install_action (widget_class, "editor.reopen-flag", "u", reopen_flag_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-alias", "u", remove_alias_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-type", "u", remove_type_action);
  gtk_widget_class_install_action (widget_class, "editor.make-primary-type", "u", make_primary_type_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-agreement", NULL, delete_agreement_action);

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

  show_when_empty (self->parties_list, _("No parties yet"));
  show_when_empty (self->events_list, _("No events yet"));
  show_when_empty (self->people_list, _("No people yet"));
  show_when_empty (self->financial_list, _("No financial terms yet"));
  show_when_empty (self->observations_list, _("No observations yet"));
  show_when_empty (self->challenges_list, _("No legal challenges yet"));
  show_when_empty (self->concerns_list, _("No concerns yet"));
  show_when_empty (self->sources_list, _("No sources yet"));
  show_when_empty (self->flags_list, _("Nothing to verify"));
}

GtkWidget *
accords_agreement_editor_new (void)
{
  return g_object_new (ACCORDS_TYPE_AGREEMENT_EDITOR, NULL);
}

void
accords_agreement_editor_set_context (AccordsAgreementEditor *self,
                                      AccordsContext         *context)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self));
  g_return_if_fail (context == NULL || ACCORDS_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
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
accords_agreement_editor_get_dialog (AccordsAgreementEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_EDITOR (self), NULL);
  return self->dialog;
}
