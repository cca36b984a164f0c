/* test-map-render.c: the map drawn offscreen has each country in its status colour */
#include "config.h"

#include "accords-test-util.h"

#include <cairo.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "accords-context.h"
#include "accords-country-list.h"
#include "accords-map-model.h"
#include "accords-map-renderer.h"
#include "accords-map-viewport.h"
#include "accords-projection.h"
#include "accords-status-colors.h"
#include "accords-world.h"

typedef struct {
  char               *dir;
  AccordsContext     *context;
  AccordsCountryList *countries;
  AccordsMapModel    *model;
  AccordsWorld       *world;
  AccordsMapRenderer *renderer;
  cairo_surface_t    *surface;
  AccordsMapViewport  viewport;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("accords-render-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "render.db", NULL);
  f->context = accords_context_new (path, &error);
  g_assert_no_error (error);
  f->countries = accords_country_list_new (f->context);
  f->model = accords_map_model_new (f->countries);
  f->world = accords_world_new_from_resource (NULL, &error);
  g_assert_no_error (error);
  f->renderer = accords_map_renderer_new (f->world, f->model);
  /* the pixels under the label points, not the names drawn there */
  accords_map_renderer_set_show_labels (f->renderer, FALSE);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  accords_map_viewport_init (&f->viewport, 1600, 1000);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  cairo_surface_destroy (f->surface);
  g_assert_finalize_object (f->renderer);
  g_assert_finalize_object (f->world);
  g_assert_finalize_object (f->model);
  g_assert_finalize_object (f->countries);
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
render (Fixture *f)
{
  cairo_t *cr = cairo_create (f->surface);

  accords_map_renderer_update_colors (f->renderer);
  accords_map_renderer_render (f->renderer, cr, &f->viewport, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);
}

/* The pixel under a country's label point, as 0xRRGGBB */
static guint32
pixel_at (Fixture    *f,
          const char *code)
{
  double lon, lat, x, y, vx, vy;
  const guint8 *data = cairo_image_surface_get_data (f->surface);
  int stride = cairo_image_surface_get_stride (f->surface);
  guint32 argb;

  g_assert_true (accords_world_get_centroid (f->world, code, &lon, &lat));
  accords_projection_forward (lon, lat, &x, &y);
  accords_map_viewport_to_view (&f->viewport, x, y, &vx, &vy);
  g_assert_cmpfloat (vx, >=, 0);
  g_assert_cmpfloat (vy, >=, 0);
  argb = *(const guint32 *) (data + (int) vy * stride + (int) vx * 4);
  g_assert_cmpuint (argb >> 24, ==, 0xff);
  return argb & 0xffffff;
}

static guint32
rgb_of_status (AccordsStatus status,
               gboolean      dark)
{
  GdkRGBA c;

  accords_status_get_color (status, dark, &c);
  return (guint32) lround (c.red * 255) << 16 | (guint32) lround (c.green * 255) << 8 | (guint32) lround (c.blue * 255);
}

static void
test_rwanda_colour (Fixture       *f,
                    gconstpointer  data)
{
  AccordsStatus rw = accords_map_model_get_status (f->model, "RW");

  g_assert_cmpint (rw, !=, ACCORDS_STATUS_NONE);
  render (f);
  g_assert_cmphex (pixel_at (f, "RW"), ==, rgb_of_status (rw, FALSE));
  /* a country without agreements has the neutral fill */
  g_assert_cmphex (pixel_at (f, "BR"), ==, rgb_of_status (ACCORDS_STATUS_NONE, FALSE));
  g_assert_cmphex (pixel_at (f, "BR"), !=, pixel_at (f, "RW"));

  /* zoomed on Central Africa, Rwanda is big and still in its colour */
  accords_map_viewport_zoom_at (&f->viewport, 8, 1600 * 0.56, 1000 * 0.55);
  render (f);
  g_assert_cmphex (pixel_at (f, "RW"), ==, rgb_of_status (rw, FALSE));

  /* the dark style has its own palette */
  accords_map_renderer_set_dark (f->renderer, TRUE);
  render (f);
  g_assert_cmphex (pixel_at (f, "RW"), ==, rgb_of_status (rw, TRUE));
  g_assert_cmphex (rgb_of_status (rw, TRUE), !=, rgb_of_status (rw, FALSE));
}

/* Britain's only agreement is the UK–Rwanda one: its fill follows it on the
 * date the map shows */
static void
test_britain_on_dates (Fixture       *f,
                       gconstpointer  data)
{
  accords_map_model_set_date (f->model, "2023-12-31");
  render (f);
  g_assert_cmphex (pixel_at (f, "GB"), ==, rgb_of_status (ACCORDS_STATUS_SIGNED, FALSE));

  accords_map_model_set_date (f->model, "2024-08-01");
  render (f);
  g_assert_cmphex (pixel_at (f, "GB"), ==, rgb_of_status (ACCORDS_STATUS_SCRAPPED, FALSE));

  /* before any agreement, neutral */
  accords_map_model_set_date (f->model, "2020-01-01");
  render (f);
  g_assert_cmphex (pixel_at (f, "GB"), ==, rgb_of_status (ACCORDS_STATUS_NONE, FALSE));

  /* a status filter leaves other statuses neutral */
  accords_map_model_set_date (f->model, NULL);
  accords_map_model_set_status_filter (f->model, ACCORDS_STATUS_GROUP_IMPLEMENTED);
  render (f);
  g_assert_cmphex (pixel_at (f, "GB"), ==, rgb_of_status (ACCORDS_STATUS_NONE, FALSE));
}

static void
test_nauru_marker (Fixture       *f,
                   gconstpointer  data)
{
  int nr = accords_world_find (f->world, "NR");
  const AccordsWorldCountry *c = accords_world_get_country (f->world, nr);
  const guint8 *pixels;
  double vx, vy;
  guint32 argb;

  /* at world scale Nauru is a disc in its colour, on the sea */
  g_assert_true (accords_world_shows_marker (f->world, nr, f->viewport.scale));
  render (f);
  accords_map_viewport_to_view (&f->viewport, c->anchor_x, c->anchor_y, &vx, &vy);
  pixels = cairo_image_surface_get_data (f->surface);
  argb = *(const guint32 *) (pixels + (int) vy * cairo_image_surface_get_stride (f->surface) + (int) vx * 4);
  g_assert_cmphex (argb & 0xffffff, ==, rgb_of_status (accords_map_model_get_status (f->model, "NR"), FALSE));
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "map.svg", NULL);
  g_autofree char *svg = NULL;
  cairo_surface_t *surface = cairo_svg_surface_create (path, 800, 500);
  cairo_t *cr = cairo_create (surface);
  AccordsMapViewport vp;

  accords_map_viewport_init (&vp, 800, 500);
  accords_map_renderer_render (f->renderer, cr, &vp, "Agreements");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* vector borders, drawn as strokes */
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "stroke-width"));
}


static void
test_labels (Fixture       *f,
             gconstpointer  data)
{
  const AccordsMapLabel *labels;
  guint n_world, n_horn;
  double lon, lat, x, y;
  gboolean ethiopia = FALSE, somalia = FALSE;

  accords_map_renderer_set_show_labels (f->renderer, TRUE);
  render (f);
  labels = accords_map_renderer_get_labels (f->renderer, &n_world);
  g_assert_cmpuint (n_world, >, 10);
  /* the largest country first, and none overlapping another */
  g_assert_cmpstr (accords_world_get_country (f->world, labels[0].index)->code, ==, "RU");
  for (guint i = 0; i < n_world; i++)
    {
      if (i > 0)
        g_assert_cmpfloat (accords_world_get_country (f->world, labels[i].index)->area, <=,
                           accords_world_get_country (f->world, labels[i - 1].index)->area);
      g_assert_cmpfloat (labels[i].x, >=, 0);
      g_assert_cmpfloat (labels[i].x + labels[i].width, <=, f->viewport.width);
      for (guint k = 0; k < i; k++)
        g_assert_false (labels[i].x < labels[k].x + labels[k].width && labels[k].x < labels[i].x + labels[i].width &&
                        labels[i].y < labels[k].y + labels[k].height && labels[k].y < labels[i].y + labels[i].height);
    }

  /* zoomed on the Horn of Africa, its countries get their names */
  g_assert_true (accords_world_get_centroid (f->world, "ET", &lon, &lat));
  accords_projection_forward (lon, lat, &x, &y);
  accords_map_viewport_show_rect (&f->viewport, x - 0.25, y - 0.18, x + 0.3, y + 0.18, 10);
  render (f);
  labels = accords_map_renderer_get_labels (f->renderer, &n_horn);
  for (guint i = 0; i < n_horn; i++)
    {
      const char *code = accords_world_get_country (f->world, labels[i].index)->code;

      ethiopia |= g_str_equal (code, "ET");
      somalia |= g_str_equal (code, "SO");
      for (guint k = 0; k < i; k++)
        g_assert_false (labels[i].x < labels[k].x + labels[k].width && labels[k].x < labels[i].x + labels[i].width &&
                        labels[i].y < labels[k].y + labels[k].height && labels[k].y < labels[i].y + labels[i].height);
    }
  g_assert_true (ethiopia);
  g_assert_true (somalia);

  /* none when they are off */
  accords_map_renderer_set_show_labels (f->renderer, FALSE);
  render (f);
  accords_map_renderer_get_labels (f->renderer, &n_horn);
  g_assert_cmpuint (n_horn, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/map/render/rwanda", Fixture, NULL, set_up, test_rwanda_colour, tear_down);
  g_test_add ("/map/render/britain-on-dates", Fixture, NULL, set_up, test_britain_on_dates, tear_down);
  g_test_add ("/map/render/nauru-marker", Fixture, NULL, set_up, test_nauru_marker, tear_down);
  g_test_add ("/map/render/svg", Fixture, NULL, set_up, test_svg, tear_down);
  g_test_add ("/map/render/labels", Fixture, NULL, set_up, test_labels, tear_down);

  return g_test_run ();
}
