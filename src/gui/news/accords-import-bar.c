/* accords-import-bar.c: runs an import off the main thread and shows its progress, with Cancel */
#define G_LOG_DOMAIN "accords-import-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-import-bar.h"
#include "accords-importer.h"

struct _AccordsImportBar
{
  GtkWidget       parent_instance;

  GtkRevealer    *revealer;
  GtkLabel       *label;
  GtkProgressBar *progress;
  GtkButton      *cancel_button;

  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (AccordsImportBar, accords_import_bar, GTK_TYPE_WIDGET)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
progress_cb (double      fraction,
             const char *path,
             gpointer    user_data)
{
  g_autoptr(AccordsImportBar) self = g_weak_ref_get (user_data);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self == NULL)
    return;
  name = path ? g_path_get_basename (path) : g_strdup ("");
  text = g_strdup_printf (_("Importing %s…"), name);
  gtk_label_set_label (self->label, text);
  gtk_progress_bar_set_fraction (self->progress, CLAMP (fraction, 0.0, 1.0));
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AccordsImportBar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gboolean cancelled;

  results = accords_importer_import_finish (ACCORDS_CONTEXT (source), result, &error);
  cancelled = g_cancellable_is_cancelled (self->cancellable) ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&self->cancellable);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  g_signal_emit (self, signals[FINISHED], 0, results, error, cancelled);
}

static void
cancel_clicked_cb (AccordsImportBar *self)
{
  accords_import_bar_cancel (self);
}

static void
accords_import_bar_dispose (GObject *object)
{
  AccordsImportBar *self = (AccordsImportBar *) object;
  GtkWidget *child;

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_IMPORT_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accords_import_bar_parent_class)->dispose (object);
}

static void
accords_import_bar_class_init (AccordsImportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_import_bar_dispose;

  /**
   * AccordsImportBar::finished:
   * @results: (nullable): a GPtrArray of AccordsImportResult
   * @error: (nullable): why the whole import failed
   * @cancelled: whether the researcher cancelled it
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_PTR_ARRAY, G_TYPE_ERROR, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-import-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsImportBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordsImportBar, label);
  gtk_widget_class_bind_template_child (widget_class, AccordsImportBar, progress);
  gtk_widget_class_bind_template_child (widget_class, AccordsImportBar, cancel_button);
  gtk_widget_class_set_css_name (widget_class, "importbar");
}

static void
accords_import_bar_init (AccordsImportBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
}

GtkWidget *
accords_import_bar_new (void)
{
  return g_object_new (ACCORDS_TYPE_IMPORT_BAR, NULL);
}

gboolean
accords_import_bar_start (AccordsImportBar *self,
                          AccordsContext   *context,
                          GFile           **files,
                          guint             n_files)
{
  return accords_import_bar_start_mapped (self, context, files, n_files, NULL);
}

gboolean
accords_import_bar_start_mapped (AccordsImportBar         *self,
                                 AccordsContext           *context,
                                 GFile                   **files,
                                 guint                     n_files,
                                 const AccordsFeedMapping *mapping)
{
  GWeakRef *ref;

  g_return_val_if_fail (ACCORDS_IS_IMPORT_BAR (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (context), FALSE);

  if (self->cancellable != NULL || n_files == 0)
    return FALSE;

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_label_set_label (self->label, _("Importing…"));
  gtk_revealer_set_reveal_child (self->revealer, TRUE);

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  accords_importer_import_mapped_async (context, files, n_files, mapping,
                                        progress_cb, ref, weak_ref_free,
                                        self->cancellable, import_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
accords_import_bar_is_running (AccordsImportBar *self)
{
  g_return_val_if_fail (ACCORDS_IS_IMPORT_BAR (self), FALSE);
  return self->cancellable != NULL;
}

void
accords_import_bar_cancel (AccordsImportBar *self)
{
  g_return_if_fail (ACCORDS_IS_IMPORT_BAR (self));

  if (self->cancellable == NULL)
    return;
  gtk_label_set_label (self->label, _("Cancelling…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  g_cancellable_cancel (self->cancellable);
}
