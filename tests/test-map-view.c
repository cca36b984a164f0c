/* test-map-view.c: the map in the real window: selection both ways, keys, filters, the date slider, exports */
#include "config.h"

#include "accords-test-util.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "accords-context.h"
#include "accords-country-pane.h"
#include "accords-map-canvas.h"
#include "accords-map-view.h"
#include "accords-test-window.h"
#include "accords-window.h"

typedef struct {
  AccordsTestWindow w;
  AccordsMapView *view;
  AccordsMapCanvas *canvas;
  AccordsCountryPane *pane;
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
zoomed_in (Fixture *f)
{
  return accords_map_viewport_get_zoom (accords_map_canvas_get_viewport (f->canvas)) > 1.4;
}

static gboolean
zoomed_out (Fixture *f)
{
  return fabs (accords_map_viewport_get_zoom (accords_map_canvas_get_viewport (f->canvas)) - 1.0) < 1e-6;
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
  /* the focus stays on the map while the list follows */
  g_assert_true (gtk_widget_is_focus (canvas));
  /* past the last one, Tab leaves the map */
  accords_map_canvas_set_selected_country (f->canvas, coloured[g_strv_length (coloured) - 1]);
  g_assert_false (gtk_widget_child_focus (canvas, GTK_DIR_TAB_FORWARD));

  /* plus and minus zoom, the arrows pan, 0 shows the whole world */
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (vp), 1.0, 1e-9);
  gtk_widget_activate_action (canvas, "canvas.zoom-in", NULL);
  /* the zoom animates over a few frames; a busy machine takes longer */
  wait_for (zoomed_in, f, 5000);
  g_assert_cmpfloat (accords_map_viewport_get_zoom (vp), >, 1.4);
  cx = vp->center_x;
  gtk_widget_activate_action (canvas, "canvas.pan", "(ii)", 1, 0);
  g_assert_cmpfloat (vp->center_x, <, cx);
  gtk_widget_activate_action (canvas, "canvas.zoom-out", NULL);
  wait_for (zoomed_out, f, 5000);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (vp), 1.0, 1e-6);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "map.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "map.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (vp), 1.0, 1e-9);

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
  g_assert_cmpint (accords_map_model_get_status (model, "GB"), ==, ACCORDS_STATUS_SCRAPPED);
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

  accords_map_view_set_date (f->view, "2025-09-01");
  g_assert_cmpint (accords_map_model_get_status (model, "GB"), ==, ACCORDS_STATUS_SCRAPPED);

  /* the end of the slider is today, with the statuses as they stand */
  accords_map_view_set_date (f->view, NULL);
  g_assert_null (accords_map_model_get_date (model));

  /* play runs from the start through time */
  accords_map_view_set_playing (f->view, TRUE);
  g_assert_true (accords_map_view_get_playing (f->view));
  g_assert_nonnull (accords_map_model_get_date (model));
  g_assert_cmpstr (accords_map_model_get_date (model), <, "2002-01-01");
  wait_for (NULL, f, 1500);
  g_assert_cmpstr (accords_map_model_get_date (model), >, "2002-01-01");
  accords_map_view_set_playing (f->view, FALSE);
  g_assert_false (accords_map_view_get_playing (f->view));
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

  return g_test_run ();
}
