/* test-map-view.c: the map in the real window: selection both ways, keys, filters, the date slider, exports */
#include "config.h"

#include "accords-test-util.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "accords-agreement-list.h"
#include "accords-context.h"
#include "accords-country-pane.h"
#include "accords-map-canvas.h"
#include "accords-map-country.h"
#include "accords-map-view.h"
#include "accords-party.h"
#include "accords-projection.h"
#include "accords-status-colors.h"
#include "accords-store-agreements.h"
#include "accords-test-window.h"
#include "accords-window.h"

typedef struct {
  AccordsTestWindow w;
  AccordsMapView *view;
  AccordsMapCanvas *canvas;
  AccordsCountryPane *pane;
  double          home_zoom;   /* of the first view */
  AccordsMapCanvas *lone;      /* a map alone in a window of lone_width x lone_height */
  int             lone_width, lone_height;
} Fixture;

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, or until the condition holds */
static void
wait_for (gboolean (*condition) (Fixture *f),
          Fixture  *f,
          guint     ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timed_out_cb, &timed_out);

  while (!timed_out && !(condition && condition (f)))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
}

static gboolean
played_past_2002 (Fixture *f)
{
  return g_strcmp0 (accords_map_model_get_date (accords_map_view_get_model (f->view)), "2002-01-01") > 0;
}

static gboolean
zoomed_in (Fixture *f)
{
  return accords_map_viewport_get_zoom (accords_map_canvas_get_viewport (f->canvas)) > f->home_zoom * 1.4999;
}

static gboolean
zoomed_out (Fixture *f)
{
  return fabs (accords_map_viewport_get_zoom (accords_map_canvas_get_viewport (f->canvas)) - f->home_zoom) < 1e-6;
}

static gboolean
map_ready (Fixture *f)
{
  return accords_map_canvas_get_world (f->canvas) != NULL &&
         accords_map_canvas_get_viewport (f->canvas)->width > 100;
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  accords_test_window_open_context (&f->w, "accords-map-ui-XXXXXX", "ui.db");
  accords_test_window_show (&f->w, NULL, 1400, 900);
  f->view = accords_window_get_map_view (f->w.window);
  f->canvas = accords_map_view_get_canvas (f->view);
  f->pane = accords_window_get_country_pane (f->w.window);
  wait_for (map_ready, f, 10000);
  g_assert_true (map_ready (f));
  f->home_zoom = accords_map_viewport_get_zoom (accords_map_canvas_get_viewport (f->canvas));
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  wait_for (NULL, f, 50);
  accords_test_window_close (&f->w);
}

static gboolean
lists (GListModel *model,
       const char *slug)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (model, i);

      if (g_strcmp0 (accords_agreement_get_slug (a), slug) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_click_selects (Fixture       *f,
                    gconstpointer  data)
{
  double x, y;

  /* a click on Rwanda: the list and the agreements follow */
  g_assert_true (accords_map_canvas_locate (f->canvas, "RW", &x, &y));
  g_assert_cmpstr (accords_map_canvas_pick (f->canvas, x, y), ==, "RW");
  accords_map_canvas_activate_at (f->canvas, x, y);
  wait_for (NULL, f, 50);
  g_assert_cmpstr (accords_country_pane_get_selected_country (f->pane), ==, "RW");
  g_assert_cmpstr (accords_window_get_selected_country (f->w.window), ==, "RW");
  g_assert_true (lists (accords_window_get_agreements (f->w.window), "uk-rw-medp-2022"));
  g_assert_false (lists (accords_window_get_agreements (f->w.window), "us-sv-cecot-2025"));

  /* Nauru is a marker: a click beside its centre selects it */
  g_assert_true (accords_map_canvas_locate (f->canvas, "NR", &x, &y));
  accords_map_canvas_activate_at (f->canvas, x + 3, y - 2);
  g_assert_cmpstr (accords_country_pane_get_selected_country (f->pane), ==, "NR");
  g_assert_true (lists (accords_window_get_agreements (f->w.window), "au-nr-offshore-processing"));

  /* the sea keeps the selection */
  g_assert_true (accords_map_canvas_locate (f->canvas, "NR", &x, &y));
  g_assert_null (accords_map_canvas_pick (f->canvas, x + 40, y + 40));
  accords_map_canvas_activate_at (f->canvas, x + 40, y + 40);
  g_assert_cmpstr (accords_country_pane_get_selected_country (f->pane), ==, "NR");

  /* a country without agreements can be chosen too: the list shows it */
  g_assert_true (accords_map_canvas_locate (f->canvas, "BR", &x, &y));
  accords_map_canvas_activate_at (f->canvas, x, y);
  g_assert_cmpstr (accords_country_pane_get_selected_country (f->pane), ==, "BR");
  g_assert_true (accords_country_pane_get_show_all (f->pane));
  g_assert_cmpuint (g_list_model_get_n_items (accords_window_get_agreements (f->w.window)), ==, 0);
}

static void
test_list_selects (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *tooltip = NULL;

  /* the list, or the window, chooses: the map follows */
  accords_country_pane_set_selected_country (f->pane, "SV");
  g_assert_cmpstr (accords_map_canvas_get_selected_country (f->canvas), ==, "SV");
  g_assert_cmpstr (accords_map_view_get_selected_country (f->view), ==, "SV");
  accords_window_select_country (f->w.window, "GB");
  g_assert_cmpstr (accords_map_canvas_get_selected_country (f->canvas), ==, "GB");

  /* the agreement chosen reaches the map, for its arcs */
  accords_window_select_agreement (f->w.window, "uk-rw-medp-2022");
  g_assert_cmpstr (accords_map_canvas_get_selected_agreement (f->canvas), ==, "uk-rw-medp-2022");

  /* what the pointer's tooltip says of Britain */
  tooltip = accords_map_canvas_describe_country (f->canvas, "GB");
  g_assert_nonnull (strstr (tooltip, "United Kingdom"));
  g_assert_nonnull (strstr (tooltip, "UK–Rwanda MEDP"));
  g_assert_nonnull (strstr (tooltip, "Scrapped"));
  g_clear_pointer (&tooltip, g_free);
  tooltip = accords_map_canvas_describe_country (f->canvas, "IS");
  g_assert_nonnull (strstr (tooltip, "No agreements"));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  g_auto(GStrv) coloured = accords_map_model_dup_coloured_codes (accords_map_view_get_model (f->view));
  const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->canvas);
  double cx;

  GtkWidget *focus;

  /* Tab reaches the map, then walks the countries with agreements */
  g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_focus (canvas));
  g_assert_null (accords_map_canvas_get_selected_country (f->canvas));
  g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (accords_map_canvas_get_selected_country (f->canvas), ==, coloured[0]);
  g_assert_cmpstr (accords_country_pane_get_selected_country (f->pane), ==, coloured[0]);
  g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (accords_map_canvas_get_selected_country (f->canvas), ==, coloured[1]);
  g_assert_true (gtk_widget_child_focus (canvas, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpstr (accords_map_canvas_get_selected_country (f->canvas), ==, coloured[0]);
  /* the focus is on the country itself, for a screen reader to announce,
   * and stays inside the map while the list follows */
  focus = gtk_root_get_focus (GTK_ROOT (f->w.window));
  g_assert_true (ACCORDS_IS_MAP_COUNTRY (focus));
  g_assert_cmpstr (accords_map_country_get_code (ACCORDS_MAP_COUNTRY (focus)), ==, coloured[0]);
  g_assert_true (gtk_widget_is_ancestor (focus, canvas));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       accords_map_country_get_text (ACCORDS_MAP_COUNTRY (focus)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  /* past the last one, Tab leaves the map */
  accords_map_canvas_set_selected_country (f->canvas, coloured[g_strv_length (coloured) - 1]);
  g_assert_false (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));

  /* plus and minus zoom, the arrows pan, 0 goes back to the first view */
  g_assert_cmpfloat (f->home_zoom, >=, 1.0);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (vp), f->home_zoom, 1e-9);
  gtk_widget_activate_action (canvas, "canvas.zoom-in", NULL);
  /* the zoom animates over a few frames; a busy machine takes longer */
  wait_for (zoomed_in, f, 5000);
  g_assert_cmpfloat (accords_map_viewport_get_zoom (vp), >, f->home_zoom * 1.4);
  cx = vp->center_x;
  gtk_widget_activate_action (canvas, "canvas.pan", "(ii)", 1, 0);
  g_assert_cmpfloat (vp->center_x, <, cx);
  gtk_widget_activate_action (canvas, "canvas.zoom-out", NULL);
  wait_for (zoomed_out, f, 5000);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (vp), f->home_zoom, 1e-6);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "map.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "map.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (vp), f->home_zoom, 1e-9);

  /* Escape lets go of the country */
  gtk_widget_activate_action (canvas, "canvas.unselect", NULL);
  g_assert_null (accords_country_pane_get_selected_country (f->pane));
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  AccordsMapModel *model = accords_map_view_get_model (f->view);

  /* the type chosen on the list colours the map */
  accords_country_pane_set_type_filter (f->pane, "offshore_processing");
  g_assert_cmpstr (accords_country_pane_get_type_filter (f->pane), ==, "offshore_processing");
  g_assert_cmpint (accords_map_model_get_status (model, "NR"), !=, ACCORDS_STATUS_NONE);
  g_assert_cmpint (accords_map_model_get_status (model, "RW"), ==, ACCORDS_STATUS_NONE);
  g_assert_cmpuint (accords_country_pane_get_n_visible (f->pane), <, 8);
  accords_country_pane_set_type_filter (f->pane, NULL);
  g_assert_cmpint (accords_map_model_get_status (model, "RW"), !=, ACCORDS_STATUS_NONE);

  /* and so does the status chosen on the list */
  accords_country_pane_set_status_filter (f->pane, ACCORDS_STATUS_GROUP_ENDED);
  g_assert_cmpint (accords_map_model_get_status_filter (model), ==, ACCORDS_STATUS_GROUP_ENDED);
  g_assert_cmpint (accords_map_model_get_status (model, "IL"), ==, ACCORDS_STATUS_COLLAPSED);
  g_assert_cmpint (accords_map_model_get_status (model, "SV"), ==, ACCORDS_STATUS_NONE);
}

static void
test_date_slider (Fixture       *f,
                  gconstpointer  data)
{
  AccordsMapModel *model = accords_map_view_get_model (f->view);
  AccordsCountryList *countries = accords_map_model_get_countries (model);

  accords_map_view_set_date (f->view, "2023-01-01");
  g_assert_cmpstr (accords_map_model_get_date (model), ==, "2023-01-01");
  g_assert_cmpstr (accords_map_view_get_date_label (f->view), ==, "1 Jan 2023");
  /* the list recolours with the map */
  g_assert_cmpint (accords_country_get_status (accords_country_list_lookup (countries, "GB")), ==,
                   ACCORDS_STATUS_SIGNED);
  g_assert_cmpint (accords_map_model_get_status (model, "GB"), ==, ACCORDS_STATUS_SIGNED);

  accords_map_view_set_date (f->view, "2025-06-15");
  g_assert_cmpint (accords_map_model_get_status (model, "GB"), ==, ACCORDS_STATUS_SCRAPPED);
  /* once UK–France is in force, Britain takes that live status over the scrapped one */
  accords_map_view_set_date (f->view, "2025-09-01");
  g_assert_cmpint (accords_map_model_get_status (model, "GB"), ==, ACCORDS_STATUS_IN_FORCE);

  /* the end of the slider is today, with the statuses as they stand */
  accords_map_view_set_date (f->view, NULL);
  g_assert_null (accords_map_model_get_date (model));

  /* play runs from the start through time */
  accords_map_view_set_playing (f->view, TRUE);
  g_assert_true (accords_map_view_get_playing (f->view));
  g_assert_nonnull (accords_map_model_get_date (model));
  g_assert_cmpstr (accords_map_model_get_date (model), <, "2002-01-01");
  /* it moves on by itself; how fast depends on the machine, so the wait
   * is for the date to pass, with a bound far above a second */
  wait_for (played_past_2002, f, 30000);
  g_assert_cmpstr (accords_map_model_get_date (model), >, "2002-01-01");
  accords_map_view_set_playing (f->view, FALSE);
  g_assert_false (accords_map_view_get_playing (f->view));
}


static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, label);

      if (found)
        return found;
    }
  return NULL;
}

static guint
count_css_nodes (GtkWidget  *widget,
                 const char *name)
{
  guint n = g_str_equal (gtk_widget_get_css_name (widget), name);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_css_nodes (child, name);
  return n;
}

static AccordsMapCountry *
find_item (Fixture    *f,
           const char *code)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas)); child;
       child = gtk_widget_get_next_sibling (child))
    if (ACCORDS_IS_MAP_COUNTRY (child) &&
        g_strcmp0 (accords_map_country_get_code (ACCORDS_MAP_COUNTRY (child)), code) == 0)
      return ACCORDS_MAP_COUNTRY (child);
  return NULL;
}

static gboolean
in_view (Fixture    *f,
         const char *code)
{
  const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->canvas);
  double x, y;

  return accords_map_canvas_locate (f->canvas, code, &x, &y) && x >= 0 && y >= 0 && x <= vp->width &&
         y <= vp->height;
}

/* What a click does (a keyboard activation clicks only after a delay) */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static void
test_first_view (Fixture       *f,
                 gconstpointer  data)
{
  AccordsMapModel *model = accords_map_view_get_model (f->view);
  g_auto(GStrv) coloured = accords_map_model_dup_coloured_codes (model);
  const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->canvas);
  AccordsMapViewport world = *vp;
  double lon, north, south;

  /* the pane is taller than the world: the first view is closer than the
   * whole world, and still shows every country with agreements */
  g_assert_cmpfloat (vp->height, >, vp->width / 2);
  g_assert_cmpfloat (f->home_zoom, >, 1.1);
  for (guint i = 0; coloured[i]; i++)
    g_assert_true (in_view (f, coloured[i]));

  /* the band of countries takes more of the height than the whole world did */
  accords_map_viewport_init (&world, vp->width, vp->height);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_NORTH, &lon, &north);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_SOUTH, &lon, &south);
  g_assert_cmpfloat ((north - south) * vp->scale, >, (north - south) * world.scale * 1.1);
}

/* How much of the canvas's height the band of countries takes */
static double
band_share (const AccordsMapViewport *vp)
{
  double lon, north, south;

  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_NORTH, &lon, &north);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_SOUTH, &lon, &south);
  return MIN ((north - south) * vp->scale / vp->height, 1.0);
}

static gboolean
lone_ready (Fixture *f)
{
  const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->lone);

  return accords_map_canvas_get_world (f->lone) != NULL && vp->width == f->lone_width &&
         vp->height == f->lone_height;
}

/* Opens a map alone in a window of width x height, and waits for its first view */
static GtkWidget *
open_lone (Fixture *f,
           int      width,
           int      height)
{
  GtkWidget *window = gtk_window_new ();

  f->lone = ACCORDS_MAP_CANVAS (accords_map_canvas_new ());
  f->lone_width = width;
  f->lone_height = height;
  accords_map_canvas_set_model (f->lone, accords_map_view_get_model (f->view));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (f->lone));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (lone_ready, f, 10000);
  g_assert_true (lone_ready (f));
  wait_for (NULL, f, 50);
  return window;
}

/* A map alone in panes of 2:1 and 3:2: the first view shows every country
 * with agreements and the band of countries fills most of the height */
static void
test_pane_shapes (Fixture       *f,
                  gconstpointer  data)
{
  static const int sizes[][2] = { { 1200, 600 }, { 1200, 800 } };
  g_auto(GStrv) coloured = accords_map_model_dup_coloured_codes (accords_map_view_get_model (f->view));

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      GtkWidget *window = open_lone (f, sizes[k][0], sizes[k][1]);
      const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->lone);

      g_test_message ("%dx%d: the band takes %.0f%% of the height", f->lone_width, f->lone_height,
                      band_share (vp) * 100);
      g_assert_cmpfloat (band_share (vp), >=, 0.75);
      for (guint i = 0; coloured[i]; i++)
        {
          double x, y;

          g_assert_true (accords_map_canvas_locate (f->lone, coloured[i], &x, &y));
          g_assert_true (x >= 0 && y >= 0 && x <= vp->width && y <= vp->height);
        }
      gtk_window_destroy (GTK_WINDOW (window));
      f->lone = NULL;
    }
}

/* The first view follows the pane's size until the map is moved */
static void
test_home_follows_pane (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *window = open_lone (f, 1200, 800);
  GtkWidget *canvas = GTK_WIDGET (f->lone);
  const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->lone);
  AccordsMapViewport seen;

  /* wider than tall: the band of countries binds, not their width */
  gtk_widget_size_allocate (canvas, &(GtkAllocation) { 0, 0, 1200, 500 }, -1);
  g_assert_cmpfloat (vp->height, ==, 500);
  g_assert_cmpfloat (band_share (vp), >=, 0.95);
  seen = *vp;
  accords_map_canvas_zoom_reset (f->lone);
  g_assert_cmpfloat_with_epsilon (vp->scale, seen.scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (vp->center_x, seen.center_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (vp->center_y, seen.center_y, 1e-9);

  /* once zoomed, a resize keeps the zoom */
  accords_map_canvas_zoom (f->lone, 2.0, FALSE);
  seen = *vp;
  gtk_widget_size_allocate (canvas, &(GtkAllocation) { 0, 0, 1200, 800 }, -1);
  g_assert_cmpfloat (vp->height, ==, 800);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (vp), accords_map_viewport_get_zoom (&seen), 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
  f->lone = NULL;
}

static void
test_legend_filter (Fixture       *f,
                    gconstpointer  data)
{
  AccordsMapModel *model = accords_map_view_get_model (f->view);
  GtkWidget *implemented = accords_map_view_get_legend_button (f->view, ACCORDS_STATUS_GROUP_IMPLEMENTED);
  GtkWidget *ended = accords_map_view_get_legend_button (f->view, ACCORDS_STATUS_GROUP_ENDED);
  g_auto(GStrv) coloured = NULL;

  g_assert_nonnull (implemented);
  g_assert_null (accords_map_view_get_legend_button (f->view, ACCORDS_STATUS_GROUP_NONE));
  g_assert_nonnull (accords_map_view_get_legend_button (f->view, ACCORDS_MAP_LEGEND_UNSTATED));
  g_assert_null (accords_map_view_get_filter_note (f->view));

  /* a click on "Implemented": only those countries keep their colour, the
   * list follows, and a note over the map says so */
  click (implemented);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (implemented)));
  g_assert_cmpuint (accords_map_model_get_status_filter (model), ==, ACCORDS_STATUS_GROUP_IMPLEMENTED);
  g_assert_cmpuint (accords_country_pane_get_status_filter (f->pane), ==, ACCORDS_STATUS_GROUP_IMPLEMENTED);
  g_assert_cmpstr (accords_map_view_get_filter_note (f->view), ==, "Showing only: Implemented");
  coloured = accords_map_model_dup_coloured_codes (model);
  g_assert_cmpuint (g_strv_length (coloured), >, 0);
  for (guint i = 0; coloured[i]; i++)
    g_assert_cmpuint (accords_map_model_get_legend_entry (model, coloured[i]), ==, ACCORDS_STATUS_GROUP_IMPLEMENTED);
  g_assert_cmpuint (accords_map_model_get_legend_entry (model, "GB"), ==, ACCORDS_STATUS_GROUP_NONE);
  g_assert_cmpuint (accords_map_model_get_agreement_count (model, "GB"), >, 0);
  /* the accessible countries are those shown */
  g_assert_null (find_item (f, "GB"));
  g_assert_nonnull (find_item (f, coloured[0]));

  /* another entry replaces it; the list's filter moves the legend too */
  click (ended);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (implemented)));
  g_assert_cmpstr (accords_map_view_get_filter_note (f->view), ==, "Showing only: Ended");
  accords_country_pane_set_status_filter (f->pane, ACCORDS_STATUS_GROUP_IMPLEMENTED);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (implemented)));
  g_assert_cmpuint (accords_map_model_get_status_filter (model), ==, ACCORDS_STATUS_GROUP_IMPLEMENTED);

  /* clicked again, the entry shows every country; so does "Show all" */
  click (implemented);
  g_assert_cmpuint (accords_map_model_get_status_filter (model), ==, ACCORDS_STATUS_GROUP_NONE);
  g_assert_null (accords_map_view_get_filter_note (f->view));
  click (ended);
  g_assert_nonnull (accords_map_view_get_filter_note (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "map.show-all", NULL));
  g_assert_cmpuint (accords_map_model_get_status_filter (model), ==, ACCORDS_STATUS_GROUP_NONE);
  g_assert_cmpuint (accords_country_pane_get_status_filter (f->pane), ==, ACCORDS_STATUS_GROUP_NONE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ended)));
  g_assert_nonnull (find_item (f, "GB"));
}

static gboolean
senegal_listed (Fixture *f)
{
  return accords_map_model_get_agreement_count (accords_map_view_get_model (f->view), "SN") > 0;
}

static void
test_no_status_yet (Fixture       *f,
                    gconstpointer  data)
{
  AccordsMapModel *model = accords_map_view_get_model (f->view);
  AccordsStore *store = accords_context_get_store (f->w.context);
  g_autoptr(AccordsAgreement) a = accords_agreement_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) coloured = NULL;
  g_autofree char *tooltip = NULL;
  AccordsWorld *world = accords_map_canvas_get_world (f->canvas);
  const char *codes[] = { "SN", "GM" };
  GdkRGBA fill, unstated, none;

  /* an agreement with no event yet: its parties have "No status yet" */
  accords_agreement_set_slug (a, "sn-mr-talks");
  accords_agreement_set_title (a, "Senegal–Gambia readmission");
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(AccordsParty) party = accords_party_new ();

      accords_party_set_country (party, codes[i]);
      accords_party_set_role (party, i == 0 ? "receiving" : "sending");
      g_list_store_append (accords_agreement_get_parties (a), party);
    }
  g_assert_true (accords_store_save_agreement (store, a, &error));
  g_assert_no_error (error);
  wait_for (senegal_listed, f, 5000);
  g_assert_true (senegal_listed (f));

  g_assert_cmpint (accords_map_model_get_status (model, "SN"), ==, ACCORDS_STATUS_NONE);
  g_assert_cmpuint (accords_map_model_get_legend_entry (model, "SN"), ==, ACCORDS_MAP_LEGEND_UNSTATED);
  g_assert_cmpuint (accords_map_model_get_legend_entry (model, "IS"), ==, ACCORDS_STATUS_GROUP_NONE);
  /* its own colour, not the grey of no agreement */
  accords_map_renderer_get_fill (accords_map_canvas_get_renderer (f->canvas), accords_world_find (world, "SN"), &fill);
  accords_legend_entry_get_color (ACCORDS_MAP_LEGEND_UNSTATED, FALSE, &unstated);
  accords_legend_entry_get_color (ACCORDS_STATUS_GROUP_NONE, FALSE, &none);
  g_assert_true (gdk_rgba_equal (&fill, &unstated));
  g_assert_false (gdk_rgba_equal (&unstated, &none));
  /* announced as such, and said in the hover card */
  g_assert_nonnull (find_item (f, "SN"));
  g_assert_cmpstr (accords_map_country_get_text (find_item (f, "SN")), ==, "Senegal, No status yet, 1 agreement");
  tooltip = accords_map_canvas_describe_country (f->canvas, "SN");
  g_assert_nonnull (strstr (tooltip, "Senegal–Gambia readmission: No status yet"));

  /* its legend entry shows only those countries */
  click (accords_map_view_get_legend_button (f->view, ACCORDS_MAP_LEGEND_UNSTATED));
  g_assert_cmpstr (accords_map_view_get_filter_note (f->view), ==, "Showing only: No status yet");
  coloured = accords_map_model_dup_coloured_codes (model);
  g_assert_cmpuint (g_strv_length (coloured), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) coloured, "SN"));
  g_assert_true (g_strv_contains ((const char * const *) coloured, "GM"));
  g_assert_cmpuint (accords_country_pane_get_n_visible (f->pane), ==, 2);
}

static void
test_accessible_countries (Fixture       *f,
                           gconstpointer  data)
{
  AccordsMapModel *model = accords_map_view_get_model (f->view);
  g_auto(GStrv) coloured = accords_map_model_dup_coloured_codes (model);
  AccordsMapCountry *rw;
  g_autofree char *expected = NULL;
  guint n = 0;

  /* the map is a list of its coloured countries, each with its name, its
   * status and its number of agreements */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->canvas), GTK_ACCESSIBLE_ROLE_LIST);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->canvas)); child;
       child = gtk_widget_get_next_sibling (child))
    if (ACCORDS_IS_MAP_COUNTRY (child))
      {
        /* in the list's order */
        g_assert_cmpstr (accords_map_country_get_code (ACCORDS_MAP_COUNTRY (child)), ==, coloured[n]);
        gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
        n++;
      }
  g_assert_cmpuint (n, ==, g_strv_length (coloured));

  rw = find_item (f, "RW");
  g_assert_nonnull (rw);
  expected = g_strdup_printf ("Rwanda, %s, %u agreements",
                              accords_status_get_label (accords_map_model_get_status (model, "RW")),
                              accords_map_model_get_agreement_count (model, "RW"));
  g_assert_cmpstr (accords_map_country_get_text (rw), ==, expected);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (rw), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  /* it sits where Rwanda's name is, and takes no clicks */
  {
    double x, y;
    graphene_rect_t bounds;

    g_assert_true (accords_map_canvas_locate (f->canvas, "RW", &x, &y));
    wait_for (NULL, f, 50);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (rw), GTK_WIDGET (f->canvas), &bounds));
    g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
    g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (rw)));
  }
}

static gboolean
flown (Fixture *f)
{
  const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->canvas);

  return accords_map_viewport_get_zoom (vp) > f->home_zoom * 2 && in_view (f, "AU") && in_view (f, "NR");
}

static void
test_zoom_to_parties (Fixture       *f,
                      gconstpointer  data)
{
  const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->canvas);

  /* Australia and Nauru fill the map; the Americas are out of it */
  g_assert_true (accords_map_view_show_agreement (f->view, "au-nr-offshore-processing"));
  wait_for (flown, f, 5000);
  g_assert_true (flown (f));
  g_assert_false (in_view (f, "US"));
  g_assert_false (in_view (f, "BR"));
  g_assert_cmpfloat (accords_map_viewport_get_zoom (vp), >, f->home_zoom * 2);
  /* an unknown agreement leaves the map where it is */
  g_assert_false (accords_map_view_show_agreement (f->view, "no-such-agreement"));
}

/* The click gesture that an ancestor of the list, or the list, catches
 * presses with before its children do */
static GtkGesture *
find_capture_click (GtkWidget *widget)
{
  for (; widget; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_GESTURE_CLICK (controller) &&
              gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
            return GTK_GESTURE (controller);
        }
    }
  return NULL;
}

/* Presses the gesture on the list's row of slug, n_press times in a row */
static void
press_row (Fixture    *f,
           const char *slug,
           int         n_press)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (f->w.window), ACCORDS_TYPE_AGREEMENT_LIST, NULL);
  GtkGesture *gesture = find_capture_click (list);
  GtkWidget *target;
  double x = -1, y, tx, ty;

  g_assert_nonnull (list);
  g_assert_nonnull (gesture);
  g_assert_true (gtk_widget_is_drawable (list));
  for (y = 1; y < gtk_widget_get_height (list); y += 4)
    if (g_strcmp0 (accords_agreement_list_get_slug_at (ACCORDS_AGREEMENT_LIST (list), 40, y), slug) == 0)
      {
        x = 40;
        break;
      }
  g_assert_cmpfloat (x, >=, 0);
  target = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  g_assert_true (gtk_widget_translate_coordinates (list, target, x, y, &tx, &ty));
  for (int n = 1; n <= n_press; n++)
    g_signal_emit_by_name (gesture, "pressed", n, tx, ty);
}

static void
test_double_click_zooms (Fixture       *f,
                         gconstpointer  data)
{
  const AccordsMapViewport *vp = accords_map_canvas_get_viewport (f->canvas);
  double zoom = accords_map_viewport_get_zoom (vp), cx = vp->center_x;

  /* one press leaves the map alone */
  press_row (f, "au-nr-offshore-processing", 1);
  wait_for (NULL, f, 400);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (vp), zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (vp->center_x, cx, 1e-9);

  /* a double press on the same row flies to Australia and Nauru */
  wait_for (NULL, f, 600);
  press_row (f, "au-nr-offshore-processing", 2);
  wait_for (flown, f, 5000);
  g_assert_true (flown (f));
  g_assert_false (in_view (f, "US"));
  /* the centre moved east, and lies south of the equator, between the two
   * parties (the first view's centre is not the equator's: it keeps the
   * map clear of the legend) */
  g_assert_cmpfloat (vp->center_x, >, cx + 1.0);
  g_assert_cmpfloat (vp->center_y, <, 0);
}

/* The rows the country list shows: each has a name, and together they
 * cover the list from its top to its bottom (or to its last row) */
static void
assert_rows_fill_list (GtkWidget  *list_view,
                       const char *expected)
{
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  double height = gtk_widget_get_height (list_view), reached = 0;
  gboolean found = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkWidget *name;

      if (!gtk_widget_get_mapped (row) || box == NULL || !GTK_IS_BOX (box) ||
          !gtk_widget_compute_bounds (row, list_view, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      name = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
      g_assert_true (GTK_IS_LABEL (name));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), !=, "");
      found = found || g_strcmp0 (gtk_label_get_label (GTK_LABEL (name)), expected) == 0;
      g_array_append_val (tops, bounds);
    }
  for (gboolean moved = TRUE; moved;)
    {
      moved = FALSE;
      for (guint i = 0; i < tops->len; i++)
        {
          graphene_rect_t *r = &g_array_index (tops, graphene_rect_t, i);

          /* rows stand a few pixels apart */
          if (r->origin.y <= reached + 4 && r->origin.y + r->size.height > reached + 1)
            {
              reached = r->origin.y + r->size.height;
              moved = TRUE;
            }
        }
    }
  g_assert_true (found);
  g_assert_cmpfloat (reached, >=, height - 4);
}

/* The list of countries, not the list in a drop-down's popover */
static GtkWidget *
find_country_list (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return NULL;
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_country_list (child);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
list_shows_ethiopia (Fixture *f)
{
  GtkWidget *list_view = find_country_list (GTK_WIDGET (f->pane));

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row; row = gtk_widget_get_next_sibling (row))
    if (find_descendant (row, GTK_TYPE_LABEL, "Ethiopia"))
      return TRUE;
  return FALSE;
}

/* Choosing a country without agreements shows every country, and the
 * list scrolls to it with no blank rows */
static void
test_country_list_rows (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *list_view = find_country_list (GTK_WIDGET (f->pane));

  g_assert_nonnull (list_view);
  accords_country_pane_set_selected_country (f->pane, "ET");
  g_assert_true (accords_country_pane_get_show_all (f->pane));
  wait_for (list_shows_ethiopia, f, 2000);
  wait_for (NULL, f, 200);
  assert_rows_fill_list (list_view, "Ethiopia");

  /* the same at another date */
  accords_map_view_set_date (f->view, "2016-06-01");
  wait_for (NULL, f, 300);
  assert_rows_fill_list (list_view, "Ethiopia");
}

/* The same, with the selection restored as the window opens */
static void
test_country_list_rows_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Fixture fixture = { 0 }, *f = &fixture;
  GtkWidget *list_view;

  g_settings_set_string (settings, "selected-country", "ET");
  accords_test_window_open_context (&f->w, "accords-map-ui-XXXXXX", "ui.db");
  accords_test_window_show (&f->w, settings, 1200, 800);
  f->view = accords_window_get_map_view (f->w.window);
  f->canvas = accords_map_view_get_canvas (f->view);
  f->pane = accords_window_get_country_pane (f->w.window);
  wait_for (map_ready, f, 10000);
  wait_for (list_shows_ethiopia, f, 2000);
  wait_for (NULL, f, 300);
  g_assert_cmpstr (accords_country_pane_get_selected_country (f->pane), ==, "ET");
  list_view = find_country_list (GTK_WIDGET (f->pane));
  assert_rows_fill_list (list_view, "Ethiopia");
  tear_down (f, NULL);
  g_settings_reset (settings, "selected-country");
}

static void
test_slider_marks (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *scale = find_descendant (GTK_WIDGET (f->view), GTK_TYPE_SCALE, NULL);

  g_assert_nonnull (scale);
  /* labelled years under the slider, and a tick above for each day with an event */
  g_assert_nonnull (find_descendant (scale, GTK_TYPE_LABEL, "2010"));
  g_assert_nonnull (find_descendant (scale, GTK_TYPE_LABEL, "2020"));
  g_assert_cmpuint (count_css_nodes (scale, "mark"), >, 30);

  /* the slider reads a date, not a day number */
  accords_map_view_set_date (f->view, "2016-06-01");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "1 Jun 2016");
  accords_map_view_set_date (f->view, "2024-05-01");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "1 May 2024");
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_map_view_export_finish (ACCORDS_MAP_VIEW (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean done_flag;

static gboolean
export_done (Fixture *f)
{
  return done_flag;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *png_path = g_build_filename (f->w.dir, "map.png", NULL);
  g_autofree char *svg_path = g_build_filename (f->w.dir, "map.svg", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autofree char *contents = NULL;
  gsize len;

  done_flag = FALSE;
  accords_map_view_export_async (f->view, png, ACCORDS_MAP_FORMAT_PNG, NULL, export_done_cb, &done_flag);
  wait_for (export_done, f, 10000);
  g_assert_true (done_flag);
  g_assert_true (g_file_get_contents (png_path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (contents, 8, "\211PNG\r\n\032\n", 8);
  g_clear_pointer (&contents, g_free);

  done_flag = FALSE;
  accords_map_view_set_date (f->view, "2024-05-01");
  accords_map_view_export_async (f->view, svg, ACCORDS_MAP_FORMAT_SVG, NULL, export_done_cb, &done_flag);
  wait_for (export_done, f, 10000);
  g_assert_true (done_flag);
  g_assert_true (g_file_get_contents (svg_path, &contents, &len, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
}

static void
export_refused_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (accords_map_view_export_finish (ACCORDS_MAP_VIEW (source), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "named pipe"));
  *(gboolean *) user_data = TRUE;
}

/* A FIFO (or a device) at the path is refused and left as it is */
static void
test_export_not_a_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *fifo_path = g_build_filename (f->w.dir, "map-fifo", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  done_flag = FALSE;
  accords_map_view_export_async (f->view, fifo, ACCORDS_MAP_FORMAT_PNG, NULL, export_refused_cb, &done_flag);
  wait_for (export_done, f, 10000);
  g_assert_true (done_flag);
  g_assert_cmpint (g_stat (fifo_path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_unlink (fifo_path);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/map/view/click-selects", Fixture, NULL, set_up, test_click_selects, tear_down);
  g_test_add ("/map/view/list-selects", Fixture, NULL, set_up, test_list_selects, tear_down);
  g_test_add ("/map/view/keyboard", Fixture, NULL, set_up, test_keyboard, tear_down);
  g_test_add ("/map/view/filters", Fixture, NULL, set_up, test_filters, tear_down);
  g_test_add ("/map/view/date-slider", Fixture, NULL, set_up, test_date_slider, tear_down);
  g_test_add ("/map/view/export", Fixture, NULL, set_up, test_export, tear_down);
  g_test_add ("/map/view/export-not-a-file", Fixture, NULL, set_up, test_export_not_a_file, tear_down);
  g_test_add ("/map/view/first-view", Fixture, NULL, set_up, test_first_view, tear_down);
  g_test_add ("/map/view/pane-shapes", Fixture, NULL, set_up, test_pane_shapes, tear_down);
  g_test_add ("/map/view/home-follows-pane", Fixture, NULL, set_up, test_home_follows_pane, tear_down);
  g_test_add ("/map/view/legend-filter", Fixture, NULL, set_up, test_legend_filter, tear_down);
  g_test_add ("/map/view/no-status-yet", Fixture, NULL, set_up, test_no_status_yet, tear_down);
  g_test_add ("/map/view/accessible-countries", Fixture, NULL, set_up, test_accessible_countries, tear_down);
  g_test_add ("/map/view/zoom-to-parties", Fixture, NULL, set_up, test_zoom_to_parties, tear_down);
  g_test_add ("/map/view/double-click-zooms", Fixture, NULL, set_up, test_double_click_zooms, tear_down);
  g_test_add ("/map/view/country-list-rows", Fixture, NULL, set_up, test_country_list_rows, tear_down);
  g_test_add_func ("/map/view/country-list-rows-restored", test_country_list_rows_restored);
  g_test_add ("/map/view/slider-marks", Fixture, NULL, set_up, test_slider_marks, tear_down);

  return g_test_run ();
}
