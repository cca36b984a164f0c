/* accords-mapping-dialog.c: where the items of an XML file of no known kind are, with a live preview */
#define G_LOG_DOMAIN "accords-mapping-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-error.h"
#include "accords-files.h"
#include "accords-mapping-dialog.h"

#define N_PREVIEW        5
#define PREVIEW_DELAY_MS 250

/* The fields the dialog offers, in the order of its rows */
static const char * const row_fields[] = {
  "item", "title", "link", "published", "summary", "content", "author", "category", "id",
};

struct _AccordsMappingDialog
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *window_title;
  GtkLabel           *summary_label;
  AdwEntryRow        *item_row;
  AdwEntryRow        *title_row;
  AdwEntryRow        *link_row;
  AdwEntryRow        *published_row;
  AdwEntryRow        *summary_row;
  AdwEntryRow        *content_row;
  AdwEntryRow        *author_row;
  AdwEntryRow        *category_row;
  AdwEntryRow        *id_row;
  GtkLabel           *mapping_label;
  GtkLabel           *status_label;
  GtkListBox         *preview_list;

  GFile              *file;
  AccordsFeedMapping *mapping;
  GCancellable       *guess_cancellable;
  GCancellable       *preview_cancellable;
  guint               preview_source;
  guint               n_previewed;
  gboolean            filling;       /* rows being set, not edited */
};

G_DEFINE_FINAL_TYPE (AccordsMappingDialog, accords_mapping_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwEntryRow *
row_for (AccordsMappingDialog *self,
         guint                 i)
{
  AdwEntryRow *rows[] = {
    self->item_row, self->title_row, self->link_row, self->published_row, self->summary_row,
    self->content_row, self->author_row, self->category_row, self->id_row,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (row_fields));
  return rows[i];
}

static void
update_actions (AccordsMappingDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.import", self->mapping != NULL && self->n_previewed > 0);
}

static void
show_status (AccordsMappingDialog *self,
             const char           *message)
{
  gtk_label_set_label (self->status_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
}

static void
clear_preview (AccordsMappingDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  self->n_previewed = 0;
  /* An empty boxed list would still draw its frame */
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), FALSE);
}

/* ---------------------------------------------------------------- preview */

typedef struct {
  GFile              *file;
  AccordsFeedMapping *mapping;
} PreviewData;

static void
preview_data_free (PreviewData *data)
{
  g_object_unref (data->file);
  accords_feed_mapping_free (data->mapping);
  g_free (data);
}

static gboolean
collect_cb (AccordsFeedEntry  *entry,
            gpointer           user_data,
            GError           **error)
{
  GPtrArray *entries = user_data;

  g_ptr_array_add (entries, entry);
  if (entries->len < N_PREVIEW)
    return TRUE;
  /* Enough to show: the rest of the file is not read */
  g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_CANCELLED, "enough");
  return FALSE;
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewData *data = task_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_feed_entry_free);
  g_autoptr(AccordsFeedInfo) info = NULL;
  GError *error = NULL;

  stream = accords_read_input_file (data->file, NULL, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  info = accords_feed_parse_mapped (stream, NULL, data->mapping, collect_cb, NULL, entries, cancellable, &error);
  if (info == NULL && !g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  g_task_return_pointer (task, g_steal_pointer (&entries), (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
preview_row (AccordsFeedEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *date = e->published ? e->published : e->updated;
  g_autofree char *title = NULL;

  if (date != NULL)
    g_string_append_len (subtitle, date, 10);
  if (*e->author != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", e->author);
  if (*e->link != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", e->link);
  if (*e->summary_text != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? "\n" : "", e->summary_text);

  title = g_markup_escape_text (*e->title ? e->title : *e->id ? e->id : _("(no title)"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AccordsMappingDialog *self = ACCORDS_MAPPING_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->preview_cancellable);
  clear_preview (self);
  if (entries == NULL)
    show_status (self, error->message);
  else
    {
      show_status (self, entries->len == 0 ? _("The file holds no items") : NULL);
      for (guint i = 0; i < entries->len; i++)
        gtk_list_box_append (self->preview_list, preview_row (entries->pdata[i]));
      self->n_previewed = entries->len;
      gtk_widget_set_visible (GTK_WIDGET (self->preview_list), entries->len > 0);
    }
  update_actions (self);
}

static gboolean
preview_cb (gpointer user_data)
{
  AccordsMappingDialog *self = user_data;
  g_autoptr(GTask) task = NULL;
  PreviewData *data;

  self->preview_source = 0;
  if (self->mapping == NULL)
    return G_SOURCE_REMOVE;
  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->preview_cancellable, preview_done_cb, NULL);
  g_task_set_source_tag (task, preview_cb);
  data = g_new0 (PreviewData, 1);
  data->file = g_object_ref (self->file);
  data->mapping = accords_feed_mapping_copy (self->mapping);
  g_task_set_task_data (task, data, (GDestroyNotify) preview_data_free);
  g_task_run_in_thread (task, preview_thread);
  return G_SOURCE_REMOVE;
}

static void
cancel_preview (AccordsMappingDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
}

/* The rows as a mapping; the preview follows a moment after the typing */
static void
fields_changed (AccordsMappingDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (row_fields); i++)
    {
      g_autofree char *path = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row_for (self, i)))));

      if (*path != '\0')
        g_string_append_printf (text, "%s%s=%s", text->len ? ";" : "", row_fields[i], path);
    }

  cancel_preview (self);
  g_clear_pointer (&self->mapping, accords_feed_mapping_free);
  self->mapping = accords_feed_mapping_parse (text->str, &error);
  if (self->mapping == NULL)
    {
      clear_preview (self);
      show_status (self, error->message);
      gtk_label_set_label (self->mapping_label, "");
    }
  else
    {
      g_autofree char *canonical = accords_feed_mapping_to_string (self->mapping);
      g_autofree char *command = g_strdup_printf ("accords-cli import --map '%s'", canonical);

      gtk_label_set_label (self->mapping_label, command);
      self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, preview_cb, self);
    }
  update_actions (self);
}

/* ------------------------------------------------------------------ guess */

typedef struct {
  char               *root;
  char               *ns;
  AccordsFeedMapping *guess;    /* NULL: no guess */
} Guess;

static void
guess_free (Guess *g)
{
  g_free (g->root);
  g_free (g->ns);
  g_clear_pointer (&g->guess, accords_feed_mapping_free);
  g_free (g);
}

static void
guess_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GInputStream) stream = NULL;
  Guess *g = g_new0 (Guess, 1);
  GError *error = NULL;

  stream = accords_read_input_file (file, NULL, cancellable, &error);
  if (stream == NULL || !accords_feed_sniff_root_ns (stream, &g->root, &g->ns, cancellable, &error))
    {
      guess_free (g);
      g_task_return_error (task, error);
      return;
    }
  g_clear_object (&stream);
  stream = accords_read_input_file (file, NULL, cancellable, NULL);
  if (stream != NULL)
    g->guess = accords_feed_mapping_guess (stream, cancellable, NULL);
  g_task_return_pointer (task, g, (GDestroyNotify) guess_free);
}

static void
describe_file (AccordsMappingDialog *self,
               const char           *root,
               const char           *ns)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *text = NULL;

  if (root == NULL)
    text = g_strdup_printf (_("Reading “%s”…"), name);
  else if (ns != NULL)
    /* TRANSLATORS: a file name, its root element and that element's namespace */
    text = g_strdup_printf (_("“%s” is XML of a kind Accords does not know: its root element is <%s> in %s. "
                              "Say which element is one news item and where its fields are. "
                              "The mapping is kept for files with the same root."),
                            name, root, ns);
  else
    text = g_strdup_printf (_("“%s” is XML of a kind Accords does not know: its root element is <%s>. "
                              "Say which element is one news item and where its fields are. "
                              "The mapping is kept for files with the same root."),
                            name, root);
  gtk_label_set_label (self->summary_label, text);
  adw_window_title_set_subtitle (self->window_title, name);
}

static void
guess_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AccordsMappingDialog *self = ACCORDS_MAPPING_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Guess *g = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->guess_cancellable);
  if (g == NULL)
    {
      show_status (self, error->message);
      return;
    }
  describe_file (self, g->root, g->ns);
  /* What the researcher typed meanwhile wins over the guess */
  if (g->guess != NULL && self->mapping == NULL &&
      *gtk_editable_get_text (GTK_EDITABLE (self->item_row)) == '\0')
    {
      g_autofree char *text = accords_feed_mapping_to_string (g->guess);
      accords_mapping_dialog_set_mapping (self, text);
    }
  guess_free (g);
}

/* ---------------------------------------------------------------- actions */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsMappingDialog *self = ACCORDS_MAPPING_DIALOG (widget);

  if (self->mapping != NULL)
    g_signal_emit (self, signals[IMPORT_REQUESTED], 0);
}

static void
accords_mapping_dialog_dispose (GObject *object)
{
  AccordsMappingDialog *self = (AccordsMappingDialog *) object;

  cancel_preview (self);
  if (self->guess_cancellable != NULL)
    g_cancellable_cancel (self->guess_cancellable);
  g_clear_object (&self->guess_cancellable);
  g_clear_pointer (&self->mapping, accords_feed_mapping_free);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (accords_mapping_dialog_parent_class)->dispose (object);
}

static void
accords_mapping_dialog_class_init (AccordsMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_mapping_dialog_dispose;

  /**
   * AccordsMappingDialog::import-requested:
   *
   * The researcher asked to import the file with the mapping shown.
   */
  signals[IMPORT_REQUESTED] =
    g_signal_new ("import-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, content_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, mapping_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsMappingDialog, preview_list);

  gtk_widget_class_install_action (widget_class, "mapping.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accords_mapping_dialog_init (AccordsMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (row_fields); i++)
    g_signal_connect_swapped (row_for (self, i), "changed", G_CALLBACK (fields_changed), self);
  update_actions (self);
}

AccordsMappingDialog *
accords_mapping_dialog_new (GtkWindow *parent,
                            GFile     *file)
{
  AccordsMappingDialog *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (ACCORDS_TYPE_MAPPING_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  describe_file (self, NULL, NULL);

  self->guess_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->guess_cancellable, guess_done_cb, NULL);
  g_task_set_source_tag (task, accords_mapping_dialog_new);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, guess_thread);
  return self;
}

GFile *
accords_mapping_dialog_get_file (AccordsMappingDialog *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAPPING_DIALOG (self), NULL);
  return self->file;
}

const AccordsFeedMapping *
accords_mapping_dialog_get_mapping (AccordsMappingDialog *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAPPING_DIALOG (self), NULL);
  return self->mapping;
}

void
accords_mapping_dialog_set_mapping (AccordsMappingDialog *self,
                                    const char           *text)
{
  g_autoptr(AccordsFeedMapping) mapping = NULL;

  g_return_if_fail (ACCORDS_IS_MAPPING_DIALOG (self));
  g_return_if_fail (text != NULL);

  mapping = accords_feed_mapping_parse (text, NULL);
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (row_fields); i++)
    {
      const char *path = mapping ? accords_feed_mapping_get_path (mapping, row_fields[i]) : NULL;
      gtk_editable_set_text (GTK_EDITABLE (row_for (self, i)), path ? path : "");
    }
  self->filling = FALSE;
  fields_changed (self);
}

guint
accords_mapping_dialog_get_n_previewed (AccordsMappingDialog *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAPPING_DIALOG (self), 0);
  return self->n_previewed;
}

const char *
accords_mapping_dialog_get_status (AccordsMappingDialog *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAPPING_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->status_label)) ? gtk_label_get_label (self->status_label) : NULL;
}

gboolean
accords_mapping_dialog_is_idle (AccordsMappingDialog *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAPPING_DIALOG (self), FALSE);
  return self->guess_cancellable == NULL && self->preview_cancellable == NULL && self->preview_source == 0;
}
