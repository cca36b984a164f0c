/* accords-form-dialog.c: a modal form of named fields, with a message beside each field that is wrong */
#define G_LOG_DOMAIN "accords-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-country-row.h"
#include "accords-field-message.h"
#include "accords-form-dialog.h"
#include "accords-widget-util.h"

typedef enum {
  FIELD_ENTRY,
  FIELD_CHOICE,
  FIELD_COUNTRY,
  FIELD_CHECKS,
} FieldKind;

typedef struct {
  AccordsFormDialog *dialog;
  char              *name;
  FieldKind          kind;
  GtkWidget         *row;          /* the entry, combo or country row; the first check row */
  GtkWidget         *last_row;     /* the message goes under it */
  GtkListBox        *list;
  char              *message;
  GStrv              values;       /* choices and checks */
  GPtrArray         *checks;       /* GtkCheckButton, one per value */
} Field;

struct _AccordsFormDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkBox         *form_box;
  GtkLabel       *general_label;

  GtkListBox     *current_list;
  GHashTable     *fields;        /* name -> Field */
  gboolean        can_save;
};

G_DEFINE_FINAL_TYPE (AccordsFormDialog, accords_form_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  SAVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (Field *field)
{
  g_free (field->name);
  g_free (field->message);
  g_strfreev (field->values);
  g_clear_pointer (&field->checks, g_ptr_array_unref);
  g_free (field);
}

static void
emit_changed (Field *field)
{
  g_signal_emit (field->dialog, signals[CHANGED], 0, field->name);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  accords_form_dialog_save (ACCORDS_FORM_DIALOG (widget));
}

static const AccordsWidgetAction actions[] = {
  { "form.save", NULL, save_action, GDK_KEY_Return, GDK_CONTROL_MASK },
};

static void
accords_form_dialog_finalize (GObject *object)
{
  AccordsFormDialog *self = (AccordsFormDialog *) object;

  g_hash_table_unref (self->fields);

  G_OBJECT_CLASS (accords_form_dialog_parent_class)->finalize (object);
}

static void
accords_form_dialog_class_init (AccordsFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = accords_form_dialog_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SAVE_REQUESTED] =
    g_signal_new ("save-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-form-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsFormDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsFormDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsFormDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, AccordsFormDialog, general_label);

  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accords_form_dialog_init (AccordsFormDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) field_free);
  self->can_save = TRUE;
}

AccordsFormDialog *
accords_form_dialog_new (GtkWidget  *parent,
                         const char *title,
                         const char *save_label)
{
  AccordsFormDialog *self = g_object_new (ACCORDS_TYPE_FORM_DIALOG, NULL);
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (self->save_button, save_label);
  return self;
}

void
accords_form_dialog_add_group (AccordsFormDialog *self,
                               const char        *title,
                               const char        *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  if (title)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (title)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->form_box, group);
  self->current_list = GTK_LIST_BOX (list);
}

static Field *
add_field (AccordsFormDialog *self,
           const char        *name,
           FieldKind          kind,
           GtkWidget         *row)
{
  Field *field = g_new0 (Field, 1);

  if (self->current_list == NULL)
    accords_form_dialog_add_group (self, NULL, NULL);
  field->dialog = self;
  field->name = g_strdup (name);
  field->kind = kind;
  field->row = row;
  field->list = self->current_list;
  g_hash_table_replace (self->fields, field->name, field);
  field->last_row = row;
  if (row != NULL)
    {
      gtk_list_box_append (field->list, row);
      /* typing starts in the first field, not on a header button */
      if (g_hash_table_size (self->fields) == 1)
        gtk_window_set_focus (GTK_WINDOW (self), row);
    }
  return field;
}

static Field *
lookup (AccordsFormDialog *self,
        const char        *name)
{
  Field *field = g_hash_table_lookup (self->fields, name);

  if (field == NULL)
    g_critical ("The form “%s” has no field “%s”", gtk_window_get_title (GTK_WINDOW (self)), name);
  return field;
}

static void
entry_changed_cb (Field *field)
{
  emit_changed (field);
}

static void
entry_activated_cb (AccordsFormDialog *self)
{
  if (self->can_save)
    accords_form_dialog_save (self);
}

void
accords_form_dialog_add_entry (AccordsFormDialog *self,
                               const char        *name,
                               const char        *title,
                               const char        *text)
{
  GtkWidget *row = adw_entry_row_new ();
  Field *field;

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  field = add_field (self, name, FIELD_ENTRY, row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (entry_changed_cb), field);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
}

static void
choice_changed_cb (Field *field)
{
  emit_changed (field);
}

void
accords_form_dialog_add_choice (AccordsFormDialog  *self,
                                const char         *name,
                                const char         *title,
                                const char * const *values,
                                const char * const *labels,
                                const char         *value)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) labels);
  Field *field;
  guint selected = 0;

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));
  g_return_if_fail (g_strv_length ((char **) values) == g_strv_length ((char **) labels));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  for (guint i = 0; values[i]; i++)
    if (g_strcmp0 (values[i], value) == 0)
      selected = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  field = add_field (self, name, FIELD_CHOICE, row);
  field->values = g_strdupv ((char **) values);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (choice_changed_cb), field);
}

void
accords_form_dialog_add_country (AccordsFormDialog *self,
                                 const char        *name,
                                 const char        *title,
                                 AccordsIsoCodes   *iso_codes,
                                 gboolean           allow_none,
                                 const char        *code)
{
  GtkWidget *row = accords_country_row_new (iso_codes, allow_none);
  Field *field;

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  accords_country_row_set_country (ACCORDS_COUNTRY_ROW (row), code);
  field = add_field (self, name, FIELD_COUNTRY, row);
  g_signal_connect_swapped (row, "notify::country", G_CALLBACK (choice_changed_cb), field);
}

void
accords_form_dialog_add_checks (AccordsFormDialog  *self,
                                const char         *name,
                                const char * const *values,
                                const char * const *labels,
                                const char * const *checked)
{
  Field *field;

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  field = add_field (self, name, FIELD_CHECKS, NULL);
  field->values = g_strdupv ((char **) values);
  field->checks = g_ptr_array_new ();
  for (guint i = 0; values[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), labels[i]);
      if (g_strcmp0 (labels[i], values[i]) != 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   checked != NULL && g_strv_contains (checked, values[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i], -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (field->list, row);
      g_ptr_array_add (field->checks, check);
      if (field->row == NULL)
        field->row = row;
      field->last_row = row;
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (choice_changed_cb), field);
    }
}

gboolean
accords_form_dialog_has_field (AccordsFormDialog *self,
                               const char        *name)
{
  g_return_val_if_fail (ACCORDS_IS_FORM_DIALOG (self), FALSE);
  return g_hash_table_contains (self->fields, name);
}

const char *
accords_form_dialog_get_value (AccordsFormDialog *self,
                               const char        *name)
{
  Field *field;

  g_return_val_if_fail (ACCORDS_IS_FORM_DIALOG (self), NULL);

  if (!(field = lookup (self, name)))
    return "";
  switch (field->kind)
    {
    case FIELD_ENTRY:
      return gtk_editable_get_text (GTK_EDITABLE (field->row));

    case FIELD_CHOICE:
      {
        guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
        return i < g_strv_length (field->values) ? field->values[i] : "";
      }

    case FIELD_COUNTRY:
      {
        const char *code = accords_country_row_get_country (ACCORDS_COUNTRY_ROW (field->row));
        return code ? code : "";
      }

    case FIELD_CHECKS:
    default:
      return "";
    }
}

GStrv
accords_form_dialog_get_checked (AccordsFormDialog *self,
                                 const char        *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  Field *field;

  g_return_val_if_fail (ACCORDS_IS_FORM_DIALOG (self), NULL);

  if ((field = lookup (self, name)) != NULL && field->checks != NULL)
    for (guint i = 0; i < field->checks->len; i++)
      if (gtk_check_button_get_active (g_ptr_array_index (field->checks, i)))
        g_strv_builder_add (builder, field->values[i]);
  return g_strv_builder_end (builder);
}

void
accords_form_dialog_set_value (AccordsFormDialog *self,
                               const char        *name,
                               const char        *value)
{
  Field *field;

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  if (!(field = lookup (self, name)))
    return;
  switch (field->kind)
    {
    case FIELD_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (field->row), value ? value : "");
      break;

    case FIELD_CHOICE:
      for (guint i = 0; field->values[i]; i++)
        if (g_strcmp0 (field->values[i], value) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), i);
      break;

    case FIELD_COUNTRY:
      accords_country_row_set_country (ACCORDS_COUNTRY_ROW (field->row), value);
      break;

    case FIELD_CHECKS:
    default:
      break;
    }
}

void
accords_form_dialog_set_checked (AccordsFormDialog *self,
                                 const char        *name,
                                 const char        *value,
                                 gboolean           checked)
{
  Field *field;

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  if (!(field = lookup (self, name)) || field->checks == NULL)
    return;
  for (guint i = 0; field->values[i]; i++)
    if (g_strcmp0 (field->values[i], value) == 0)
      gtk_check_button_set_active (g_ptr_array_index (field->checks, i), checked);
}

void
accords_form_dialog_set_message (AccordsFormDialog *self,
                                 const char        *name,
                                 const char        *message)
{
  Field *field;

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  if (name == NULL)
    {
      gtk_label_set_label (self->general_label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->general_label), message != NULL);
      return;
    }
  if (!(field = lookup (self, name)) || g_strcmp0 (field->message, message) == 0)
    return;

  g_free (field->message);
  field->message = g_strdup (message);
  accords_field_message_set (field->row, field->last_row, message);
}

const char *
accords_form_dialog_get_message (AccordsFormDialog *self,
                                 const char        *name)
{
  Field *field;

  g_return_val_if_fail (ACCORDS_IS_FORM_DIALOG (self), NULL);

  if (name == NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->general_label)) ? gtk_label_get_label (self->general_label) : NULL;
  field = lookup (self, name);
  return field ? field->message : NULL;
}

void
accords_form_dialog_clear_messages (AccordsFormDialog *self)
{
  GHashTableIter iter;
  gpointer name;

  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    accords_form_dialog_set_message (self, name, NULL);
  accords_form_dialog_set_message (self, NULL, NULL);
}

void
accords_form_dialog_set_can_save (AccordsFormDialog *self,
                                  gboolean           can_save)
{
  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  self->can_save = can_save;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", can_save);
}

gboolean
accords_form_dialog_get_can_save (AccordsFormDialog *self)
{
  g_return_val_if_fail (ACCORDS_IS_FORM_DIALOG (self), FALSE);
  return self->can_save;
}

void
accords_form_dialog_save (AccordsFormDialog *self)
{
  g_return_if_fail (ACCORDS_IS_FORM_DIALOG (self));

  if (self->can_save)
    g_signal_emit (self, signals[SAVE_REQUESTED], 0);
}
