/* accords-merge-dialog.c: the conflicts of a dataset import, stored and incoming side by side, for the researcher to settle */
#define G_LOG_DOMAIN "accords-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-merge-dialog.h"
#include "accords-widget-util.h"

struct _AccordsMergeDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel       *summary_label;
  GtkBox         *conflicts_box;
  GtkButton      *import_button;
  GtkButton      *keep_all_button;
  GtkButton      *take_all_button;

  AccordsMerge   *merge;
};

G_DEFINE_FINAL_TYPE (AccordsMergeDialog, accords_merge_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (AccordsMergeDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.import",
                                 self->merge != NULL && accords_merge_count_unresolved (self->merge) == 0);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  accords_merge_dialog_import (ACCORDS_MERGE_DIALOG (widget));
}

static void
resolve_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordsMergeDialog *self = ACCORDS_MERGE_DIALOG (widget);

  accords_merge_resolve_all (self->merge, g_str_equal (action_name, "merge.keep-all") ? ACCORDS_MERGE_KEEP_STORED
                                                                                       : ACCORDS_MERGE_TAKE_INCOMING);
}

static const AccordsWidgetAction actions[] = {
  { "merge.import", NULL, import_action },
  { "merge.keep-all", NULL, resolve_all_action },
  { "merge.take-all", NULL, resolve_all_action },
};

static void
accords_merge_dialog_dispose (GObject *object)
{
  AccordsMergeDialog *self = (AccordsMergeDialog *) object;

  g_clear_object (&self->merge);

  G_OBJECT_CLASS (accords_merge_dialog_parent_class)->dispose (object);
}

static void
accords_merge_dialog_class_init (AccordsMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_merge_dialog_dispose;

  signals[IMPORT_REQUESTED] =
    g_signal_new ("import-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsMergeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsMergeDialog, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, AccordsMergeDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsMergeDialog, keep_all_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsMergeDialog, take_all_button);

  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accords_merge_dialog_init (AccordsMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* One side of a conflict: a toggle that shows the value */
static GtkWidget *
side_new (const char *heading,
          const char *value)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (*value ? value : _("(empty)"));
  g_autofree char *a11y = g_strdup_printf ("%s: %s", heading, *value ? value : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_yalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_vexpand (text, TRUE);
  if (!*value)
    gtk_widget_add_css_class (text, "dim-label");
  gtk_widget_add_css_class (text, "merge-value");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return button;
}

static void
side_toggled_cb (GtkToggleButton      *button,
                 AccordsMergeConflict *conflict)
{
  if (gtk_toggle_button_get_active (button))
    accords_merge_conflict_set_choice (conflict,
                                       GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "choice")));
}

static void
choice_changed_cb (AccordsMergeConflict *conflict,
                   GParamSpec           *pspec,
                   GtkWidget            *pair)
{
  AccordsMergeDialog *self = ACCORDS_MERGE_DIALOG (gtk_widget_get_root (pair));
  AccordsMergeChoice choice = accords_merge_conflict_get_choice (conflict);
  GtkWidget *stored = gtk_widget_get_first_child (pair);
  GtkWidget *incoming = gtk_widget_get_next_sibling (stored);

  if (choice == ACCORDS_MERGE_KEEP_STORED)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (stored), TRUE);
  else if (choice == ACCORDS_MERGE_TAKE_INCOMING)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (incoming), TRUE);
  if (ACCORDS_IS_MERGE_DIALOG (self))
    update_actions (self);
}

static AccordsMergeDialog *
dialog_new (GtkWindow    *parent,
            AccordsMerge *merge,
            const char   *subtitle,
            const char   *summary,
            const char   *stored_heading,
            const char   *incoming_heading)
{
  AccordsMergeDialog *self;
  GListModel *conflicts;
  guint n;

  self = g_object_new (ACCORDS_TYPE_MERGE_DIALOG, NULL);
  self->merge = g_object_ref (merge);
  if (parent)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_label (self->summary_label, summary);

  conflicts = accords_merge_get_conflicts (merge);
  n = g_list_model_get_n_items (conflicts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsMergeConflict) c = g_list_model_get_item (conflicts, i);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *stored = side_new (stored_heading, accords_merge_conflict_get_stored (c));
      GtkWidget *incoming = side_new (incoming_heading, accords_merge_conflict_get_incoming (c));

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), accords_merge_conflict_get_slug (c));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), accords_merge_conflict_get_field (c));
      gtk_box_set_homogeneous (GTK_BOX (pair), TRUE);
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (incoming), GTK_TOGGLE_BUTTON (stored));
      g_object_set_data (G_OBJECT (stored), "choice", GINT_TO_POINTER (ACCORDS_MERGE_KEEP_STORED));
      g_object_set_data (G_OBJECT (incoming), "choice", GINT_TO_POINTER (ACCORDS_MERGE_TAKE_INCOMING));
      g_signal_connect_object (stored, "toggled", G_CALLBACK (side_toggled_cb), c, 0);
      g_signal_connect_object (incoming, "toggled", G_CALLBACK (side_toggled_cb), c, 0);
      g_signal_connect_object (c, "notify::choice", G_CALLBACK (choice_changed_cb), pair, 0);
      gtk_box_append (GTK_BOX (pair), stored);
      gtk_box_append (GTK_BOX (pair), incoming);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), pair);
      gtk_box_append (self->conflicts_box, group);
    }
  update_actions (self);
  return self;
}

AccordsMergeDialog *
accords_merge_dialog_new (GtkWindow    *parent,
                          AccordsMerge *merge,
                          const char   *file_name)
{
  guint n;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (ACCORDS_IS_MERGE (merge), NULL);

  n = g_list_model_get_n_items (accords_merge_get_conflicts (merge));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u field differs between %s and the database. Choose the value to keep; "
                                          "everything else in the file is merged: new agreements, events and sources "
                                          "are added, and what both hold is kept once.",
                                          "%u fields differ between %s and the database. Choose the value to keep "
                                          "for each; everything else in the file is merged: new agreements, events and "
                                          "sources are added, and what both hold is kept once.", n),
                             n, file_name);
  return dialog_new (parent, merge, file_name, summary, _("In the database"), _("In the file"));
}

AccordsMergeDialog *
accords_merge_dialog_new_for_release (GtkWindow    *parent,
                                      AccordsMerge *merge,
                                      const char   *release)
{
  AccordsMergeDialog *self;
  guint n;
  g_autofree char *summary = NULL;
  g_autofree char *incoming = NULL;

  g_return_val_if_fail (ACCORDS_IS_MERGE (merge), NULL);

  n = g_list_model_get_n_items (accords_merge_get_conflicts (merge));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u field of an agreement you edited is different in dataset release %s. "
                                          "Choose the value to keep; the rest of your edits stay as they are.",
                                          "%u fields of agreements you edited are different in dataset release %s. "
                                          "Choose the value to keep for each; the rest of your edits stay as they are.",
                                          n),
                             n, release);
  /* TRANSLATORS: the heading of a dataset release's side of a difference, %s a year */
  incoming = g_strdup_printf (_("In release %s"), release);
  self = dialog_new (parent, merge, NULL, summary, _("Your version"), incoming);
  gtk_window_set_title (GTK_WINDOW (self), _("Review Dataset Release"));
  adw_window_title_set_title (self->window_title, _("Review Dataset Release"));
  gtk_button_set_label (self->import_button, _("_Apply"));
  gtk_button_set_label (self->keep_all_button, _("Keep All Yours"));
  gtk_button_set_label (self->take_all_button, _("Take All From the Release"));
  return self;
}

AccordsMergeDialog *
accords_merge_dialog_new_for_edit (GtkWindow    *parent,
                                   AccordsMerge *merge,
                                   const char   *title)
{
  AccordsMergeDialog *self;
  guint n;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (ACCORDS_IS_MERGE (merge), NULL);

  n = g_list_model_get_n_items (accords_merge_get_conflicts (merge));
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u field of %s was saved elsewhere, by another window or accords-cli, "
                                          "while you edited it. Choose the value to keep; the rest of your edit and "
                                          "of the other one are both kept.",
                                          "%u fields of %s were saved elsewhere, by another window or accords-cli, "
                                          "while you edited them. Choose the value to keep for each; the rest of your "
                                          "edit and of the other one are both kept.", n),
                             n, title);
  self = dialog_new (parent, merge, title, summary, _("Saved elsewhere"), _("Your edit"));
  gtk_window_set_title (GTK_WINDOW (self), _("Save Agreement"));
  adw_window_title_set_title (self->window_title, _("Save Agreement"));
  gtk_button_set_label (self->import_button, _("_Save"));
  gtk_button_set_label (self->keep_all_button, _("Keep All Saved Elsewhere"));
  gtk_button_set_label (self->take_all_button, _("Take All Your Edits"));
  return self;
}

AccordsMerge *
accords_merge_dialog_get_merge (AccordsMergeDialog *self)
{
  g_return_val_if_fail (ACCORDS_IS_MERGE_DIALOG (self), NULL);
  return self->merge;
}

void
accords_merge_dialog_import (AccordsMergeDialog *self)
{
  g_return_if_fail (ACCORDS_IS_MERGE_DIALOG (self));

  if (accords_merge_count_unresolved (self->merge) == 0)
    g_signal_emit (self, signals[IMPORT_REQUESTED], 0);
}
