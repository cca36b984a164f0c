/* accords-map-view.c: the world map with its zoom buttons, export menu and date slider */
#define G_LOG_DOMAIN "accords-map-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-agreement-type.h"
#include "accords-date.h"
#include "accords-event.h"
#include "accords-files.h"
#include "accords-map-view.h"
#include "accords-status-chip.h"
#include "accords-util.h"
#include "accords-widget-util.h"

/* A play runs through the whole timeline in this many seconds */
#define PLAY_SECONDS 12.0

struct _AccordsMapView
{
  GtkWidget             parent_instance;

  AccordsMapCanvas     *canvas;
  GtkButton            *play_button;
  GtkScale             *date_scale;
  GtkAdjustment        *date_adjustment;
  GtkLabel             *date_label;
  GtkWidget            *legend;
  GtkWidget            *filter_note;
  GtkLabel             *filter_label;
  GtkWidget            *legend_buttons[ACCORDS_MAP_N_LEGEND_ENTRIES];   /* NULL for "No agreement" */

  AccordsMapModel      *model;
  guint32               today;        /* julian days */
  guint32               first, last;  /* the range shown, as YYYYMMDD */
  gboolean              updating;
  guint                 marks_hash;   /* of the event days the slider marks */
  guint                 play_tick;
  gint64                play_last;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (AccordsMapView, accords_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_COUNTRY,
  PROP_SELECTED_AGREEMENT,
  PROP_PLAYING,
  PROP_SHOW_LEGEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint32
julian_of_key (guint32 key)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, key % 100, (key / 100) % 100, key / 10000);
  return g_date_valid (&date) ? g_date_get_julian (&date) : 1;
}

static char *
iso_of_julian (guint32 julian)
{
  GDate date;
  char buf[16];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  return g_strdup (buf);
}

static void
update_label (AccordsMapView *self)
{
  const char *date = self->model ? accords_map_model_get_date (self->model) : NULL;
  g_autofree char *today = accords_date_today ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;
  int y, m, d;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.today", date != NULL);
  if (!accords_date_parse (date ? date : today, &y, &m, &d, NULL, NULL))
    return;
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  /* TRANSLATORS: the date beside the map's slider, short; see g_date_time_format() */
  text = g_date_time_format (dt, _("%-d %b %Y"));
  gtk_label_set_label (self->date_label, text);
  /* the slider counts days: say the date instead */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

#define MAX_EVENT_TICKS 60

/* Years under the slider, and a tick above it wherever events fall */
static void
update_marks (AccordsMapView *self)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (guint32));
  GListModel *agreements = accords_country_list_get_agreements (accords_map_model_get_countries (self->model));
  guint first_year = self->first / 10000, last_year = self->last / 10000, step;
  guint hash = 5381;

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);
      GListModel *events = G_LIST_MODEL (accords_agreement_get_events (a));

      for (guint k = 0; k < g_list_model_get_n_items (events); k++)
        {
          g_autoptr(AccordsEvent) e = g_list_model_get_item (events, k);
          guint32 key = accords_date_key (accords_event_get_date (e));

          if (key == 0)
            continue;
          g_array_append_val (days, key);
          hash = hash * 33 + key;
        }
    }
  /* the date moves the model often (a play); the marks change only with the events */
  if (hash == self->marks_hash && self->marks_hash != 0)
    return;
  self->marks_hash = hash;

  gtk_scale_clear_marks (self->date_scale);
  /* a labelled year every one, two or five years: about a dozen at most */
  step = last_year - first_year <= 12 ? 1 : last_year - first_year <= 24 ? 2 : 5;
  for (guint year = (first_year + step) / step * step; year <= last_year; year += step)
    {
      g_autofree char *text = g_strdup_printf ("%u", year);

      gtk_scale_add_mark (self->date_scale, julian_of_key (year * 10000 + 101), GTK_POS_BOTTOM, text);
    }
  /* Each mark is a widget the scale's width makes room for: a tick for each
   * stretch of the timeline that has events (at most MAX_EVENT_TICKS), not
   * one per day, so that a long timeline does not widen the window */
  {
    guint32 from = julian_of_key (self->first), to = julian_of_key (self->last);
    guint32 stretch = MAX ((to - from) / MAX_EVENT_TICKS, 1);
    g_autoptr(GHashTable) marked = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < days->len; i++)
      {
        guint32 key = g_array_index (days, guint32, i);
        guint32 day;

        if (key < self->first || key > self->last)
          continue;
        day = julian_of_key (key);
        if (!g_hash_table_add (marked, GUINT_TO_POINTER ((day - from) / stretch + 1)))
          continue;
        gtk_scale_add_mark (self->date_scale, day, GTK_POS_TOP, NULL);
      }
  }
}

/* The slider spans the timeline: the earliest event to today or the latest
 * event, whichever is later */
static void
update_range (AccordsMapView *self)
{
  g_autofree char *today_text = accords_date_today ();
  guint32 first, last;
  const char *date;

  if (self->model == NULL)
    return;
  accords_map_model_get_date_range (self->model, &first, &last);
  /* most changes (the slider's own, while it plays) leave the range alone */
  if (first == self->first && last == self->last)
    return;
  self->first = first;
  self->last = last;
  self->today = julian_of_key (accords_date_key (today_text));
  date = accords_map_model_get_date (self->model);

  self->updating = TRUE;
  gtk_adjustment_set_lower (self->date_adjustment, julian_of_key (first));
  gtk_adjustment_set_upper (self->date_adjustment, julian_of_key (last));
  self->marks_hash = 0;
  update_marks (self);
  gtk_adjustment_set_value (self->date_adjustment,
                            date ? julian_of_key (accords_date_key (date)) : self->today);
  self->updating = FALSE;
  update_label (self);
}

static void
date_changed_cb (AccordsMapView *self)
{
  guint32 day = (guint32) (gtk_adjustment_get_value (self->date_adjustment) + 0.5);
  g_autofree char *date = NULL;

  if (self->updating || self->model == NULL)
    return;
  /* today, on the right, shows the statuses as they stand */
  if (day != self->today)
    date = iso_of_julian (day);
  accords_map_model_set_date (self->model, date);
  update_label (self);
}

static void
model_changed_cb (AccordsMapView *self)
{
  /* new events may widen the timeline, or fall elsewhere on it */
  update_range (self);
  if (self->model)
    update_marks (self);
}

/* The legend, which filters the map */

static AccordsStatus
status_of_entry (guint entry)
{
  switch (entry)
    {
    case ACCORDS_STATUS_GROUP_EARLY:       return ACCORDS_STATUS_ANNOUNCED;
    case ACCORDS_STATUS_GROUP_SIGNED:      return ACCORDS_STATUS_SIGNED;
    case ACCORDS_STATUS_GROUP_IN_FORCE:    return ACCORDS_STATUS_IN_FORCE;
    case ACCORDS_STATUS_GROUP_IMPLEMENTED: return ACCORDS_STATUS_IMPLEMENTED;
    case ACCORDS_STATUS_GROUP_SUSPENDED:   return ACCORDS_STATUS_SUSPENDED;
    case ACCORDS_STATUS_GROUP_ENDED:       return ACCORDS_STATUS_TERMINATED;
    case ACCORDS_STATUS_GROUP_STRUCK_DOWN: return ACCORDS_STATUS_STRUCK_DOWN;
    default:                               return ACCORDS_STATUS_NONE;
    }
}

static void
sync_legend (AccordsMapView *self)
{
  guint filter = self->model ? accords_map_model_get_status_filter (self->model) : ACCORDS_STATUS_GROUP_NONE;

  self->updating = TRUE;
  for (guint e = 0; e < ACCORDS_MAP_N_LEGEND_ENTRIES; e++)
    if (self->legend_buttons[e])
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->legend_buttons[e]), e == filter);
  self->updating = FALSE;

  gtk_widget_set_visible (self->filter_note, filter != ACCORDS_STATUS_GROUP_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.show-all", filter != ACCORDS_STATUS_GROUP_NONE);
  if (filter != ACCORDS_STATUS_GROUP_NONE)
    {
      /* TRANSLATORS: over the map, when a legend entry was chosen; a "Show all" button follows */
      g_autofree char *text = g_strdup_printf (_("Showing only: %s"), accords_map_legend_entry_get_label (filter));

      gtk_label_set_label (self->filter_label, text);
    }
}

static void
legend_toggled_cb (AccordsMapView  *self,
                   GtkToggleButton *button)
{
  guint filter;

  if (self->updating || self->model == NULL)
    return;
  for (guint e = 0; e < ACCORDS_MAP_N_LEGEND_ENTRIES; e++)
    if (self->legend_buttons[e] == GTK_WIDGET (button))
      {
        /* the entry shown alone, clicked again, shows them all */
        filter = gtk_toggle_button_get_active (button) ? e : ACCORDS_STATUS_GROUP_NONE;
        accords_map_model_set_status_filter (self->model, filter);
      }
  sync_legend (self);
}

static void
build_legend (AccordsMapView *self)
{
  for (guint i = 0; i < ACCORDS_MAP_N_LEGEND_ENTRIES; i++)
    {
      guint entry = accords_map_legend_order[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *chip = accords_status_chip_new ();
      GtkWidget *label = gtk_label_new (accords_map_legend_entry_get_label (entry));

      accords_status_chip_set_status (ACCORDS_STATUS_CHIP (chip), status_of_entry (entry));
      accords_status_chip_set_unstated (ACCORDS_STATUS_CHIP (chip), entry == ACCORDS_MAP_LEGEND_UNSTATED);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), chip);
      gtk_box_append (GTK_BOX (box), label);
      if (entry == ACCORDS_STATUS_GROUP_NONE)
        {
          /* the countries without agreements are not worth a filter */
          gtk_widget_add_css_class (box, "legend-static");
          gtk_box_append (GTK_BOX (self->legend), box);
          continue;
        }
      self->legend_buttons[entry] = gtk_toggle_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->legend_buttons[entry]), box);
      gtk_widget_add_css_class (self->legend_buttons[entry], "flat");
      gtk_widget_set_tooltip_text (self->legend_buttons[entry], _("Show only these countries"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_buttons[entry]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accords_map_legend_entry_get_label (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Show only these countries"),
                                      -1);
      g_signal_connect_object (self->legend_buttons[entry], "toggled", G_CALLBACK (legend_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->legend), self->legend_buttons[entry]);
    }
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordsMapView *self = ACCORDS_MAP_VIEW (widget);

  if (self->model)
    accords_map_model_set_status_filter (self->model, ACCORDS_STATUS_GROUP_NONE);
}

/* Playing the history */

static void
update_play_button (AccordsMapView *self)
{
  gboolean playing = self->play_tick != 0;

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause") : _("Play the History of the Agreements"));
}

static gboolean
play_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  AccordsMapView *self = ACCORDS_MAP_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double lower = gtk_adjustment_get_lower (self->date_adjustment);
  double upper = gtk_adjustment_get_upper (self->date_adjustment);
  double value = gtk_adjustment_get_value (self->date_adjustment);

  if (self->play_last != 0)
    value += (upper - lower) / PLAY_SECONDS * (now - self->play_last) / G_USEC_PER_SEC;
  self->play_last = now;
  gtk_adjustment_set_value (self->date_adjustment, MIN (value, upper));
  if (value >= upper)
    {
      self->play_tick = 0;
      update_play_button (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsMapView *self = ACCORDS_MAP_VIEW (widget);

  accords_map_view_set_playing (self, self->play_tick == 0);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AccordsMapView *self = ACCORDS_MAP_VIEW (widget);

  accords_map_view_set_playing (self, FALSE);
  accords_map_view_set_date (self, NULL);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsMapCanvas *canvas = ACCORDS_MAP_VIEW (widget)->canvas;

  if (g_str_equal (action_name, "map.zoom-reset"))
    accords_map_canvas_zoom_reset (canvas);
  else
    accords_map_canvas_zoom (canvas, g_str_equal (action_name, "map.zoom-in") ? 1.5 : 1 / 1.5, TRUE);
}

/* Exports */

static void
show_toast (AccordsMapView *self,
            const char     *text)
{
  if (!accords_widget_show_toast (GTK_WIDGET (self), adw_toast_new (text)))
    g_message ("%s", text);
}

static char *
make_caption (AccordsMapView *self)
{
  const char *date = accords_map_model_get_date (self->model);
  const char *type = accords_country_list_get_type_filter (accords_map_model_get_countries (self->model));
  guint group = accords_map_model_get_status_filter (self->model);
  g_autofree char *today = accords_date_today ();
  g_autofree char *when = accords_date_format (date ? date : today);
  g_autofree char *caption = NULL;

  /* TRANSLATORS: captions of an exported map, with a date */
  caption = date ? g_strdup_printf (_("Agreements on %s"), when) : g_strdup_printf (_("Agreements as of %s"), when);
  if (type)
    {
      /* TRANSLATORS: a map's caption: the type of agreement it shows, then when */
      char *with_type = g_strdup_printf (_("%s · %s"), accords_agreement_type_get_label (type), caption);

      g_free (caption);
      caption = with_type;
    }
  if (group != ACCORDS_STATUS_GROUP_NONE)
    {
      /* TRANSLATORS: a map's caption, then the only status it shows */
      char *with_group = g_strdup_printf (_("%s · %s only"), caption, accords_map_legend_entry_get_label (group));

      g_free (caption);
      caption = with_group;
    }
  return g_steal_pointer (&caption);
}

typedef struct {
  GBytes *bytes;
  char   *path;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gsize length;
  const void *data = g_bytes_get_data (job->bytes, &length);

  /* a regular file or a new one, replaced whole; never a device or a FIFO */
  if (!accords_write_file_atomic (job->path, data, length, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
accords_map_view_export_async (AccordsMapView      *self,
                               GFile               *file,
                               AccordsMapFormat     format,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *path = NULL;
  WriteJob *job;

  g_return_if_fail (ACCORDS_IS_MAP_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_map_view_export_async);
  if (self->model == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The map has no data yet"));
      return;
    }
  caption = make_caption (self);
  /* drawing is quick and happens here; writing the file happens off the main thread */
  bytes = accords_map_canvas_export (self->canvas, format, caption, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!g_file_is_native (file) || (path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot export to %s: only files on this computer can be written"), uri);
      return;
    }
  job = g_new0 (WriteJob, 1);
  job->bytes = g_steal_pointer (&bytes);
  job->path = g_steal_pointer (&path);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
accords_map_view_export_finish (AccordsMapView  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AccordsMapView *self = ACCORDS_MAP_VIEW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!accords_map_view_export_finish (self, result, &error))
    {
      show_toast (self, error->message);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);

    text = g_strdup_printf (_("Map exported to %s"), name);
  }
  show_toast (self, text);
}

static void
chooser_response_cb (AccordsMapView       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  AccordsMapFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file)
    accords_map_view_export_async (self, file, format, NULL, export_done_cb, g_object_ref (file));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsMapView *self = ACCORDS_MAP_VIEW (widget);
  gboolean svg = g_strcmp0 (g_variant_get_string (parameter, NULL), "svg") == 0;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *date = self->model ? accords_map_model_get_date (self->model) : NULL;
  g_autofree char *name = NULL;

  if (self->chooser)
    return;
  name = g_strdup_printf ("accords-map%s%s.%s", date ? "-" : "", date ? date : "", svg ? "svg" : "png");
  self->chooser = gtk_file_chooser_native_new (_("Export the Map"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, svg ? _("SVG images") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, svg ? "image/svg+xml" : "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data (G_OBJECT (self->chooser), "format",
                     GINT_TO_POINTER (svg ? ACCORDS_MAP_FORMAT_SVG : ACCORDS_MAP_FORMAT_PNG));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static const AccordsWidgetAction actions[] = {
  { "map.zoom-in", NULL, zoom_action },
  { "map.zoom-out", NULL, zoom_action },
  { "map.zoom-reset", NULL, zoom_action },
  { "map.play", NULL, play_action },
  { "map.today", NULL, today_action },
  { "map.show-all", NULL, show_all_action },
  { "map.export", "s", export_action },
};

/* Object */

static void
canvas_notify_cb (AccordsMapView *self,
                  GParamSpec     *pspec)
{
  if (g_str_equal (pspec->name, "selected-country"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_COUNTRY]);
  else if (g_str_equal (pspec->name, "selected-agreement"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_AGREEMENT]);
}

static void
accords_map_view_dispose (GObject *object)
{
  AccordsMapView *self = (AccordsMapView *) object;
  GtkWidget *child;

  if (self->play_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->play_tick);
  self->play_tick = 0;
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->model)
    {
      g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, sync_legend, self);
    }
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_MAP_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accords_map_view_parent_class)->dispose (object);
}

static void
accords_map_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AccordsMapView *self = ACCORDS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_COUNTRY:
      g_value_set_string (value, accords_map_canvas_get_selected_country (self->canvas));
      break;

    case PROP_SELECTED_AGREEMENT:
      g_value_set_string (value, accords_map_canvas_get_selected_agreement (self->canvas));
      break;

    case PROP_PLAYING:
      g_value_set_boolean (value, self->play_tick != 0);
      break;

    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, accords_map_canvas_get_show_legend (self->canvas));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_map_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AccordsMapView *self = ACCORDS_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_COUNTRY:
      accords_map_canvas_set_selected_country (self->canvas, g_value_get_string (value));
      break;

    case PROP_SELECTED_AGREEMENT:
      accords_map_canvas_set_selected_agreement (self->canvas, g_value_get_string (value));
      break;

    case PROP_PLAYING:
      accords_map_view_set_playing (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_LEGEND:
      if (accords_map_canvas_get_show_legend (self->canvas) != g_value_get_boolean (value))
        {
          accords_map_canvas_set_show_legend (self->canvas, g_value_get_boolean (value));
          gtk_widget_set_visible (self->legend, g_value_get_boolean (value));
          gtk_widget_queue_allocate (GTK_WIDGET (self->canvas));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_map_view_class_init (AccordsMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_map_view_dispose;
  object_class->get_property = accords_map_view_get_property;
  object_class->set_property = accords_map_view_set_property;

  properties[PROP_SELECTED_COUNTRY] =
    g_param_spec_string ("selected-country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_AGREEMENT] =
    g_param_spec_string ("selected-agreement", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORDS_TYPE_MAP_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsMapView, canvas);
  gtk_widget_class_bind_template_child (widget_class, AccordsMapView, play_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsMapView, date_scale);
  gtk_widget_class_bind_template_child (widget_class, AccordsMapView, date_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AccordsMapView, date_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsMapView, legend);
  gtk_widget_class_bind_template_child (widget_class, AccordsMapView, filter_note);
  gtk_widget_class_bind_template_child (widget_class, AccordsMapView, filter_label);

  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_install_property_action (widget_class, "map.legend", "show-legend");

  gtk_widget_class_set_css_name (widget_class, "mapview");
}

static void
accords_map_view_init (AccordsMapView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->date_adjustment, "value-changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect_swapped (self->canvas, "notify::selected-country", G_CALLBACK (canvas_notify_cb), self);
  g_signal_connect_swapped (self->canvas, "notify::selected-agreement", G_CALLBACK (canvas_notify_cb), self);
  build_legend (self);
  sync_legend (self);
  accords_map_canvas_set_bottom_overlay (self->canvas, self->legend);
  update_label (self);
}

GtkWidget *
accords_map_view_new (void)
{
  return g_object_new (ACCORDS_TYPE_MAP_VIEW, NULL);
}

void
accords_map_view_set_model (AccordsMapView  *self,
                            AccordsMapModel *model)
{
  g_return_if_fail (ACCORDS_IS_MAP_VIEW (self));
  g_return_if_fail (model == NULL || ACCORDS_IS_MAP_MODEL (model));

  if (self->model)
    {
      g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, sync_legend, self);
    }
  g_set_object (&self->model, model);
  if (model)
    {
      g_signal_connect_swapped (model, "changed", G_CALLBACK (model_changed_cb), self);
      g_signal_connect_swapped (model, "notify::status-filter", G_CALLBACK (sync_legend), self);
    }
  accords_map_canvas_set_model (self->canvas, model);
  self->first = self->last = 0;
  update_range (self);
  sync_legend (self);
}

AccordsMapModel *
accords_map_view_get_model (AccordsMapView *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_VIEW (self), NULL);
  return self->model;
}

AccordsMapCanvas *
accords_map_view_get_canvas (AccordsMapView *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_VIEW (self), NULL);
  return self->canvas;
}

const char *
accords_map_view_get_selected_country (AccordsMapView *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_VIEW (self), NULL);
  return accords_map_canvas_get_selected_country (self->canvas);
}

void
accords_map_view_set_selected_country (AccordsMapView *self,
                                       const char     *code)
{
  g_return_if_fail (ACCORDS_IS_MAP_VIEW (self));
  accords_map_canvas_set_selected_country (self->canvas, code);
}

void
accords_map_view_set_date (AccordsMapView *self,
                           const char     *date)
{
  guint32 key;

  g_return_if_fail (ACCORDS_IS_MAP_VIEW (self));

  key = date ? accords_date_key (date) : 0;
  gtk_adjustment_set_value (self->date_adjustment, key ? julian_of_key (key) : self->today);
  /* the slider may already be on that day: the model must follow all the same */
  date_changed_cb (self);
}

const char *
accords_map_view_get_date_label (AccordsMapView *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_VIEW (self), NULL);
  return gtk_label_get_label (self->date_label);
}

gboolean
accords_map_view_get_playing (AccordsMapView *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_VIEW (self), FALSE);
  return self->play_tick != 0;
}

void
accords_map_view_set_playing (AccordsMapView *self,
                              gboolean        playing)
{
  g_return_if_fail (ACCORDS_IS_MAP_VIEW (self));

  if (playing == (self->play_tick != 0))
    return;
  if (playing)
    {
      /* from the start when the slider stands at the end */
      if (gtk_adjustment_get_value (self->date_adjustment) >= gtk_adjustment_get_upper (self->date_adjustment))
        gtk_adjustment_set_value (self->date_adjustment, gtk_adjustment_get_lower (self->date_adjustment));
      self->play_last = 0;
      self->play_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), play_tick_cb, NULL, NULL);
    }
  else
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->play_tick);
      self->play_tick = 0;
    }
  update_play_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
accords_map_view_show_agreement (AccordsMapView *self,
                                 const char     *slug)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_VIEW (self), FALSE);
  return accords_map_canvas_show_agreement (self->canvas, slug, TRUE);
}

GtkWidget *
accords_map_view_get_legend_button (AccordsMapView *self,
                                    guint           entry)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_VIEW (self), NULL);
  g_return_val_if_fail (entry < ACCORDS_MAP_N_LEGEND_ENTRIES, NULL);
  return self->legend_buttons[entry];
}

const char *
accords_map_view_get_filter_note (AccordsMapView *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_VIEW (self), NULL);
  return gtk_widget_get_visible (self->filter_note) ? gtk_label_get_label (self->filter_label) : NULL;
}
