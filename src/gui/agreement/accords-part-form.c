/* accords-part-form.c: one kind of agreement part in the editor: its list, its dialog, its changes */
#define G_LOG_DOMAIN "accords-part-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-date.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-part-form.h"
#include "accords-person-role.h"
#include "accords-store-curation.h"
#include "accords-util.h"
#include "accords-validation.h"

typedef struct
{
  GtkListBox       *list;

  const char       *kind;           /* interned; NULL: the class's part */
  AccordsContext   *context;
  AccordsAgreement *agreement;      /* the editor's */
} AccordsPartFormPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AccordsPartForm, accords_part_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListStore *
get_store (AccordsPartForm  *self,
           AccordsAgreement *agreement)
{
  return ACCORDS_PART_FORM_GET_CLASS (self)->part->get_store (agreement);
}

/* A copy of the part at index, or a new one (index -1) */
static gpointer
part_at (AccordsPartForm *self,
         GListStore      *store,
         int              index)
{
  g_autoptr(GObject) old = index >= 0 ? g_list_model_get_item (G_LIST_MODEL (store), index) : NULL;

  return old ? accords_part_copy (old) : g_object_new (ACCORDS_PART_FORM_GET_CLASS (self)->part->get_type (), NULL);
}

const char *
accords_part_form_get_kind (AccordsPartForm *self)
{
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);

  g_return_val_if_fail (ACCORDS_IS_PART_FORM (self), NULL);
  return priv->kind ? priv->kind : ACCORDS_PART_FORM_GET_CLASS (self)->part->name;
}

AccordsContext *
accords_part_form_get_context (AccordsPartForm *self)
{
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);

  g_return_val_if_fail (ACCORDS_IS_PART_FORM (self), NULL);
  return priv->context;
}

AccordsAgreement *
accords_part_form_get_agreement (AccordsPartForm *self)
{
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);

  g_return_val_if_fail (ACCORDS_IS_PART_FORM (self), NULL);
  return priv->agreement;
}

GtkListBox *
accords_part_form_get_list (AccordsPartForm *self)
{
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);

  g_return_val_if_fail (ACCORDS_IS_PART_FORM (self), NULL);
  return priv->list;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  AccordsPartForm *self = user_data;
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);
  guint index = 0;

  g_list_store_find (get_store (self, priv->agreement), item, &index);
  return ACCORDS_PART_FORM_GET_CLASS (self)->create_row (self, item, index);
}

static gboolean
shows_cb (gpointer item,
          gpointer user_data)
{
  return ACCORDS_PART_FORM_GET_CLASS (user_data)->shows (user_data, item);
}

void
accords_part_form_load (AccordsPartForm  *self,
                        AccordsAgreement *agreement)
{
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);
  g_autoptr(GListModel) model = NULL;

  g_return_if_fail (ACCORDS_IS_PART_FORM (self));
  g_return_if_fail (ACCORDS_IS_AGREEMENT (agreement));

  g_set_object (&priv->agreement, agreement);
  model = g_object_ref (G_LIST_MODEL (get_store (self, agreement)));
  if (ACCORDS_PART_FORM_GET_CLASS (self)->shows != NULL)
    model = G_LIST_MODEL (gtk_filter_list_model_new (g_steal_pointer (&model),
                                                     GTK_FILTER (gtk_custom_filter_new (shows_cb, self, NULL))));
  gtk_list_box_bind_model (priv->list, model, create_row_cb, self, NULL);
}

char *
accords_part_form_remove (AccordsPartForm  *self,
                          AccordsAgreement *candidate,
                          guint             index)
{
  AccordsPartFormClass *klass;
  GListStore *store;
  g_autoptr(GObject) part = NULL;

  g_return_val_if_fail (ACCORDS_IS_PART_FORM (self), NULL);

  klass = ACCORDS_PART_FORM_GET_CLASS (self);
  store = get_store (self, candidate);
  if ((part = g_list_model_get_item (G_LIST_MODEL (store), index)) == NULL)
    return NULL;
  g_list_store_remove (store, index);
  if (klass->removed != NULL)
    return klass->removed (self, candidate, part);
  /* TRANSLATORS: "Event deleted", "Party deleted"... */
  return g_strdup_printf (_("%s deleted"), _(klass->noun));
}

static gboolean
emit_changed (AccordsPartForm  *self,
              AccordsAgreement *candidate,
              AccordsCommand   *command)
{
  gboolean taken = FALSE;

  g_signal_emit (self, signals[CHANGED], 0, candidate, command, &taken);
  return taken;
}

gboolean
accords_part_form_emit_changed (AccordsPartForm  *self,
                                AccordsAgreement *candidate,
                                const char       *label)
{
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);
  g_autoptr(AccordsCommand) command = NULL;

  g_return_val_if_fail (ACCORDS_IS_PART_FORM (self), FALSE);

  if (priv->agreement == NULL)
    return FALSE;
  command = accords_command_new (label);
  accords_command_add_change (command, priv->agreement, candidate);
  return emit_changed (self, candidate, command);
}

/* The class */

static void
accords_part_form_dispose (GObject *object)
{
  AccordsPartForm *self = ACCORDS_PART_FORM (object);
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);
  GtkWidget *child;

  /* the template is the form's own, not this class's */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&priv->agreement);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (accords_part_form_parent_class)->dispose (object);
}

static void
accords_part_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordsPartForm *self = ACCORDS_PART_FORM (object);
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;

    case PROP_KIND:
      g_value_set_string (value, accords_part_form_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_part_form_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordsPartForm *self = ACCORDS_PART_FORM (object);
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_set_object (&priv->context, g_value_get_object (value)))
        g_object_notify_by_pspec (object, properties[PROP_CONTEXT]);
      break;

    case PROP_KIND:
      priv->kind = g_intern_string (g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_part_form_class_init (AccordsPartFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_part_form_dispose;
  object_class->get_property = accords_part_form_get_property;
  object_class->set_property = accords_part_form_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ACCORDS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  G_STRUCT_OFFSET (AccordsPartFormClass, changed),
                  g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 2, ACCORDS_TYPE_AGREEMENT, ACCORDS_TYPE_COMMAND);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
accords_part_form_init (AccordsPartForm *self)
{
}

void
accords_part_form_class_set_template (AccordsPartFormClass *klass,
                                      const char           *kind,
                                      const char           *resource)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (ACCORDS_IS_PART_FORM_CLASS (klass));

  klass->part = accords_part_kind_lookup (kind);
  g_return_if_fail (klass->part != NULL);
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "list", FALSE,
                                             G_PRIVATE_OFFSET (AccordsPartForm, list));
}

/* The edit of one dialog */

static void
part_edit_reset (AccordsPartEdit *edit)
{
  g_clear_object (&edit->candidate);
  g_clear_pointer (&edit->prefix, g_free);
  g_clear_pointer (&edit->new_prefix, g_free);
  g_clear_pointer (&edit->new_url, g_free);
  g_clear_pointer (&edit->other_url, g_free);
  g_clear_pointer (&edit->map, g_hash_table_unref);
  g_clear_object (&edit->source_before);
  g_clear_object (&edit->source_after);
  g_clear_pointer (&edit->count_error, g_free);
  g_clear_pointer (&edit->confirm_before, g_free);
  edit->confirm_item = 0;
}

static void
part_edit_free (AccordsPartEdit *edit)
{
  part_edit_reset (edit);
  g_object_unref (edit->form);
  g_free (edit->mode);
  g_clear_object (&edit->all_sources);
  g_clear_pointer (&edit->linked, g_ptr_array_unref);
  g_free (edit);
}

/* Puts part at the edit's index (-1: at the end), and records where for validation */
static void
part_edit_put (AccordsPartEdit *edit,
               GListStore      *store,
               gpointer         part)
{
  if (edit->index < 0)
    g_list_store_append (store, part);
  else
    g_list_store_splice (store, edit->index, 1, &part, 1);
  edit->prefix = g_strdup_printf ("%s[%u]", ACCORDS_PART_FORM_GET_CLASS (edit->form)->part->member,
                                  edit->index < 0 ? g_list_model_get_n_items (G_LIST_MODEL (store)) - 1
                                                  : (guint) edit->index);
}

/* Reads the dialog into a copy of the agreement with the part in place */
static void
part_edit_write (AccordsPartEdit *edit)
{
  GListStore *store;
  g_autoptr(GObject) part = NULL;

  part_edit_reset (edit);
  edit->candidate = accords_agreement_copy (accords_part_form_get_agreement (edit->form));
  edit->map = g_hash_table_new (g_str_hash, g_str_equal);
  store = get_store (edit->form, edit->candidate);
  part = part_at (edit->form, store, edit->index);
  ACCORDS_PART_FORM_GET_CLASS (edit->form)->write (edit->form, edit, part);
  part_edit_put (edit, store, part);
  edit->new_url = accords_part_edit_stripped (edit, "new_url");
  edit->other_url = g_strdup (accords_part_edit_value (edit, "other_source"));
}

/* Where an issue of the candidate shows in the dialog: NULL when it is not
 * about the part being edited */
static const char *
issue_field (AccordsPartEdit    *edit,
             const AccordsIssue *issue,
             gboolean           *general)
{
  gsize len = strlen (edit->prefix);
  const char *rest;
  g_autofree char *member = NULL;
  const char *mapped;

  *general = FALSE;
  if (edit->new_prefix && g_str_has_prefix (issue->field, edit->new_prefix))
    return "new_url";
  if (!g_str_has_prefix (issue->field, edit->prefix) || issue->field[len] != '.')
    return NULL;
  rest = issue->field + len + 1;
  member = g_strndup (rest, strcspn (rest, ".["));
  if (g_str_equal (member, "sources") && edit->candidate != NULL)
    {
      /* which citation: the new source, the other one, or a checked one */
      guint k = (guint) g_ascii_strtoull (rest + strlen ("sources["), NULL, 10);
      guint event = 0;
      g_autoptr(AccordsEvent) e = NULL;
      const char * const *urls;

      if (sscanf (edit->prefix, "events[%u]", &event) != 1)
        return "source";
      e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (edit->candidate)), event);
      urls = e ? accords_event_get_source_urls (e) : NULL;
      if (urls && k < g_strv_length ((char **) urls) && g_strcmp0 (urls[k], edit->new_url) == 0)
        return "new_url";
      if (urls && k < g_strv_length ((char **) urls) && g_strcmp0 (urls[k], edit->other_url) == 0)
        return "other_source";
      return "sources";
    }
  if ((mapped = g_hash_table_lookup (edit->map, member)) != NULL)
    return mapped;
  *general = TRUE;
  return NULL;
}

/* Shows each problem beside its field; TRUE when there is none */
static gboolean
part_edit_check (AccordsPartEdit *edit)
{
  AccordsStore *store = accords_context_get_store (accords_part_form_get_context (edit->form));
  AccordsFormDialog *dialog = edit->dialog;
  g_autoptr(GPtrArray) issues = accords_agreement_check (edit->candidate, store,
                                                         accords_agreement_get_slug (accords_part_form_get_agreement (edit->form)));
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) general = g_string_new (NULL);
  gboolean ok = TRUE;

  if (edit->count_error)
    {
      g_hash_table_insert (shown, (gpointer) "count", edit->count_error);
      ok = FALSE;
    }
  for (guint i = 0; i < issues->len; i++)
    {
      AccordsIssue *issue = g_ptr_array_index (issues, i);
      gboolean is_general;
      const char *field = issue_field (edit, issue, &is_general);

      if (field != NULL && accords_form_dialog_has_field (edit->dialog, field))
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
                   AccordsPartEdit   *edit)
{
  part_edit_write (edit);
  accords_form_dialog_set_can_save (dialog, part_edit_check (edit));
}

static const char *
edit_label (AccordsPartEdit *edit,
            gboolean         title)
{
  AccordsPartFormClass *klass = ACCORDS_PART_FORM_GET_CLASS (edit->form);
  const AccordsPartLabels *labels = klass->get_labels ? klass->get_labels (edit->form, edit->mode) : klass->labels;

  if (title)
    return _(edit->index < 0 ? labels->add_title : labels->edit_title);
  return _(edit->index < 0 ? labels->added : labels->edited);
}

static void
dialog_save_cb (AccordsFormDialog *dialog,
                AccordsPartEdit   *edit)
{
  g_autoptr(AccordsCommand) command = NULL;

  part_edit_write (edit);
  if (!part_edit_check (edit))
    {
      accords_form_dialog_set_can_save (dialog, FALSE);
      return;
    }
  command = accords_command_new (edit_label (edit, FALSE));
  accords_command_add_change (command, accords_part_form_get_agreement (edit->form), edit->candidate);
  if (edit->source_after != NULL)
    accords_command_add_source_edit (command, edit->source_before, edit->source_after);
  if (edit->confirm_item != 0 && g_strcmp0 (edit->confirm_before, "confirmed") != 0)
    accords_command_add_link_state (command, edit->confirm_item, accords_agreement_get_slug (edit->candidate),
                                    edit->confirm_before ? edit->confirm_before : "suggested", "confirmed");
  if (emit_changed (edit->form, edit->candidate, command))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

AccordsFormDialog *
accords_part_form_edit (AccordsPartForm *self,
                        const char      *mode,
                        int              index)
{
  AccordsAgreement *agreement;
  AccordsContext *context;
  AccordsPartEdit *edit;
  g_autoptr(GObject) part = NULL;

  g_return_val_if_fail (ACCORDS_IS_PART_FORM (self), NULL);

  agreement = accords_part_form_get_agreement (self);
  context = accords_part_form_get_context (self);
  if (agreement == NULL || context == NULL)
    return NULL;

  edit = g_new0 (AccordsPartEdit, 1);
  edit->form = g_object_ref (self);
  edit->mode = g_strdup (mode);
  edit->index = index;
  edit->all_sources = accords_store_load_sources (accords_context_get_store (context), NULL);
  edit->dialog = accords_form_dialog_new (GTK_WIDGET (self), edit_label (edit, TRUE),
                                          index < 0 ? _("_Add") : _("_Save"));
  part = part_at (self, get_store (self, agreement), index);
  ACCORDS_PART_FORM_GET_CLASS (self)->fill (self, edit, part);

  g_object_set_data_full (G_OBJECT (edit->dialog), "part-edit", edit, (GDestroyNotify) part_edit_free);
  g_signal_connect (edit->dialog, "changed", G_CALLBACK (dialog_changed_cb), edit);
  g_signal_connect (edit->dialog, "save-requested", G_CALLBACK (dialog_save_cb), edit);
  /* an empty new form says what it lacks only once something is typed */
  if (index >= 0)
    dialog_changed_cb (edit->dialog, NULL, edit);
  gtk_window_present (GTK_WINDOW (edit->dialog));
  return edit->dialog;
}

/* For the forms */

GtkWidget *
accords_part_row_button (const char *icon,
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

GtkWidget *
accords_part_form_new_row (AccordsPartForm *self,
                           guint            index,
                           const char      *title,
                           const char      *subtitle)
{
  const char *kind = accords_part_form_get_kind (self);
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
                             accords_part_row_button ("user-trash-symbolic", _("Delete"), "editor.delete",
                                                      g_variant_new ("(su)", kind, index)));
  return row;
}

void
accords_part_form_set_placeholder (AccordsPartForm *self,
                                   const char      *text)
{
  AccordsPartFormPrivate *priv = accords_part_form_get_instance_private (self);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (priv->list, label);
}

void
accords_part_edit_map (AccordsPartEdit *edit,
                       const char      *first,
                       ...)
{
  va_list args;

  va_start (args, first);
  for (const char *member = first; member; member = va_arg (args, const char *))
    g_hash_table_insert (edit->map, (gpointer) member, (gpointer) va_arg (args, const char *));
  va_end (args);
}

const char *
accords_part_edit_value (AccordsPartEdit *edit,
                         const char      *field)
{
  return accords_form_dialog_has_field (edit->dialog, field) ? accords_form_dialog_get_value (edit->dialog, field) : "";
}

char *
accords_part_edit_stripped (AccordsPartEdit *edit,
                            const char      *field)
{
  return g_strstrip (g_strdup (accords_part_edit_value (edit, field)));
}

void
accords_part_edit_set_texts (AccordsPartEdit *edit,
                             gpointer         part,
                             const char      *first,
                             ...)
{
  va_list args;

  va_start (args, first);
  for (const char *field = first; field; field = va_arg (args, const char *))
    if (accords_form_dialog_has_field (edit->dialog, field))
      {
        g_autofree char *text = accords_part_edit_stripped (edit, field);

        /* a property name may have "_" for "-" */
        g_object_set (part, field, text, NULL);
      }
  va_end (args);
}

void
accords_part_vocabulary_choices (AccordsVocabulary vocabulary,
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

const char *
accords_part_source_label (AccordsSource *s)
{
  return accords_str_empty (accords_source_get_title (s)) ? accords_source_get_url (s) : accords_source_get_title (s);
}

void
accords_part_source_choices (AccordsAgreement *a,
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
      g_strv_builder_add (l, accords_part_source_label (s));
    }
  *values = g_strv_builder_end (v);
  *labels = g_strv_builder_end (l);
}

gboolean
accords_part_has_source (AccordsAgreement *a,
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

void
accords_part_edit_add_source_pickers (AccordsPartEdit *edit,
                                      gboolean         other)
{
  AccordsAgreement *a = accords_part_form_get_agreement (edit->form);
  AccordsFormDialog *dialog = edit->dialog;

  if (other && edit->all_sources != NULL)
    {
      g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
      g_auto(GStrv) values = NULL;
      g_auto(GStrv) labels = NULL;
      guint n = 0;

      g_strv_builder_add (v, "");
      g_strv_builder_add (l, _("None"));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (edit->all_sources)); i++)
        {
          g_autoptr(AccordsSource) s = g_list_model_get_item (G_LIST_MODEL (edit->all_sources), i);

          if (accords_part_has_source (a, accords_source_get_url (s)))
            continue;
          g_strv_builder_add (v, accords_source_get_url (s));
          g_strv_builder_add (l, accords_part_source_label (s));
          n++;
        }
      values = g_strv_builder_end (v);
      labels = g_strv_builder_end (l);
      if (n > 0)
        {
          accords_form_dialog_add_group (dialog, _("A Source of Another Agreement"), NULL);
          accords_form_dialog_add_choice (dialog, "other_source", _("Source"),
                                          (const char * const *) values, (const char * const *) labels, "");
        }
    }
  accords_form_dialog_add_group (dialog, _("A New Source"),
                                 _("It is added to the agreement’s sources."));
  accords_form_dialog_add_entry (dialog, "new_url", _("URL (http or https)"), NULL);
  accords_form_dialog_add_entry (dialog, "new_title", _("Title"), NULL);
}

char *
accords_part_edit_take_new_source (AccordsPartEdit *edit)
{
  AccordsAgreement *candidate = edit->candidate;
  g_autofree char *url = accords_part_edit_stripped (edit, "new_url");
  g_autofree char *title = accords_part_edit_stripped (edit, "new_title");
  const char *other = accords_part_edit_value (edit, "other_source");
  GListModel *all = G_LIST_MODEL (edit->all_sources);

  if (*url != '\0')
    {
      if (!accords_part_has_source (candidate, url))
        {
          g_autoptr(AccordsSource) s = accords_source_new ();
          g_autofree char *accessed = accords_date_today ();

          accords_source_set_url (s, url);
          accords_source_set_title (s, title);
          accords_source_set_accessed (s, accessed);
          edit->new_prefix = g_strdup_printf ("sources[%u]",
                                              g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (candidate))));
          g_list_store_append (accords_agreement_get_sources (candidate), s);
        }
      return g_steal_pointer (&url);
    }
  if (*other != '\0')
    {
      for (guint i = 0; all && i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(AccordsSource) s = g_list_model_get_item (all, i);

          if (g_str_equal (accords_source_get_url (s), other) && !accords_part_has_source (candidate, other))
            {
              g_autoptr(AccordsSource) copy = accords_part_copy (s);
              g_list_store_append (accords_agreement_get_sources (candidate), copy);
            }
        }
      return g_strdup (other);
    }
  return NULL;
}

guint
accords_part_recite (AccordsAgreement *a,
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
