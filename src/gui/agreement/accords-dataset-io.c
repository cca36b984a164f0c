/* accords-dataset-io.c: the window's dataset import (with its conflicts) and export */
#define G_LOG_DOMAIN "accords-dataset-io"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-dataset.h"
#include "accords-dataset-release.h"
#include "accords-dataset-io.h"
#include "accords-widget-util.h"

typedef void (*FileFunc) (GtkWindow      *window,
                          AccordsContext *context,
                          GFile          *file);

typedef struct {
  GtkWindow      *window;
  AccordsContext *context;
  char           *name;
  guint           n_new;
  guint           n_updated;
  FileFunc        chosen;     /* what a file chooser does with the file */
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->window);
  g_object_unref (job->context);
  g_free (job->name);
  g_free (job);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Takes name */
static Job *
job_new (GtkWindow      *window,
         AccordsContext *context,
         char           *name)
{
  Job *job = g_new0 (Job, 1);

  job->window = g_object_ref (window);
  job->context = g_object_ref (context);
  job->name = name;
  return job;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsCommand) command = accords_history_run_finish (ACCORDS_HISTORY (object), result, &error);
  g_autofree char *message = NULL;

  if (command == NULL)
    message = g_strdup_printf (_("Nothing was imported from %s: %s"), job->name, error->message);
  else
    /* TRANSLATORS: "Imported dataset.json: 2 new, 3 updated" */
    message = g_strdup_printf (_("Imported %s: %u new, %u updated"), job->name, job->n_new, job->n_updated);
  accords_widget_show_edit_toast (GTK_WIDGET (job->window), message, command != NULL);
}

static void
push_import (Job          *job,
             AccordsMerge *merge)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsCommand) command = accords_merge_build_command (merge, &job->n_new, &job->n_updated, &error);

  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was imported from %s: %s"), job->name, error->message);
      accords_widget_show_edit_toast (GTK_WIDGET (job->window), message, FALSE);
      job_free (job);
    }
  else if (accords_command_get_n_changes (command) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s holds nothing the database lacks"), job->name);
      accords_widget_show_edit_toast (GTK_WIDGET (job->window), message, FALSE);
      job_free (job);
    }
  else
    accords_history_push_async (accords_context_get_history (job->context), command, imported_cb, job);
}

static void
import_requested_cb (AccordsMergeDialog *dialog,
                     gpointer            user_data)
{
  Job *job = g_object_steal_data (G_OBJECT (dialog), "job");

  if (job != NULL)
    push_import (job, accords_merge_dialog_get_merge (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The conflicts of a merge for the person to settle, in dialog; the job
 * goes with the dialog */
static void
present_merge (Job                *job,
               AccordsMergeDialog *dialog)
{
  g_object_set_data_full (G_OBJECT (dialog), "job", job, (GDestroyNotify) job_free);
  g_signal_connect (dialog, "import-requested", G_CALLBACK (import_requested_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsMerge) merge = accords_merge_load_finish (result, &error);

  if (merge == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      accords_widget_show_edit_toast (GTK_WIDGET (job->window), message, FALSE);
      job_free (job);
      return;
    }
  if (g_list_model_get_n_items (accords_merge_get_conflicts (merge)) == 0)
    {
      push_import (job, merge);
      return;
    }
  present_merge (job, accords_merge_dialog_new (job->window, merge, job->name));
}

/* How the dataset's file work starts, in the manner of accords_merge_load_async() */
typedef void (*StartFunc) (AccordsStore        *store,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data);

/* Starts the work on file, with a job for done */
static void
start_on_file (GtkWindow           *window,
               AccordsContext      *context,
               GFile               *file,
               StartFunc            start,
               GAsyncReadyCallback  done)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (G_IS_FILE (file));

  start (accords_context_get_store (context), file, NULL, done,
         job_new (window, context, g_file_get_basename (file)));
}

void
accords_dataset_io_import_file (GtkWindow      *window,
                                AccordsContext *context,
                                GFile          *file)
{
  start_on_file (window, context, file, accords_merge_load_async, merge_loaded_cb);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Accords datasets (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Job             *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      job->chosen (job->window, job->context, file);
    }
  job_free (job);
  g_object_unref (chooser);
}

/* Asks for a dataset file (suggesting name, when not NULL), and gives the
 * file chosen to chosen */
static void
choose_file (GtkWindow            *window,
             AccordsContext       *context,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             const char           *name,
             FileFunc              chosen)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;
  Job *job;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ACCORDS_IS_CONTEXT (context));

  chooser = gtk_file_chooser_native_new (title, window, action, accept_label, _("_Cancel"));
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = json_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  job = job_new (window, context, NULL);
  job->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
accords_dataset_io_import_dialog (GtkWindow      *window,
                                  AccordsContext *context)
{
  choose_file (window, context, _("Import Dataset"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL,
               accords_dataset_io_import_file);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (!accords_dataset_export_finish (result, &n, &error))
    message = g_strdup_printf (_("The dataset was not exported: %s"), error->message);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u agreement to %s",
                                            "Exported %u agreements to %s", n), n, job->name);
  accords_widget_show_edit_toast (GTK_WIDGET (job->window), message, FALSE);
}

void
accords_dataset_io_export_file (GtkWindow      *window,
                                AccordsContext *context,
                                GFile          *file)
{
  start_on_file (window, context, file, accords_dataset_export_async, exported_cb);
}

void
accords_dataset_io_export_dialog (GtkWindow      *window,
                                  AccordsContext *context)
{
  choose_file (window, context, _("Export Dataset"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
               "accords-dataset.json", accords_dataset_io_export_file);
}

void
accords_dataset_io_show_release_update (GtkWindow            *window,
                                        AccordsContext       *context,
                                        AccordsReleaseUpdate *update)
{
  g_autofree char *summary = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsMerge) merge = NULL;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (update != NULL);

  summary = accords_release_update_describe (update);
  /* TRANSLATORS: "Dataset release 2026: 17 new agreements, 7 updated, 2 to review" */
  message = g_strdup_printf (_("Dataset release %s: %s"), update->to, summary);
  accords_widget_show_edit_toast (GTK_WIDGET (window), message, update->command != NULL);

  if (update->review->len == 0)
    return;
  /* the agreements the user edited: their new versions beside what is stored */
  /* TRANSLATORS: what the merge view compares with the database, %s a year */
  name = g_strdup_printf (_("dataset release %s"), update->to);
  merge = accords_merge_new (accords_context_get_store (context), update->incoming, name, &error);
  if (merge == NULL)
    {
      g_warning ("Offering dataset release %s for review: %s", update->to, error->message);
      return;
    }
  present_merge (job_new (window, context, g_steal_pointer (&name)),
                 accords_merge_dialog_new_for_release (window, merge, update->to));
}
