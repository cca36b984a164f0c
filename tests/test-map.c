/* test-map.c: the map's core: projection, geometry, hit tests, viewport, statuses on a date */
#include "config.h"

#include "accords-test-util.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "accords-context.h"
#include "accords-country-list.h"
#include "accords-date.h"
#include "accords-error.h"
#include "accords-map-model.h"
#include "accords-map-viewport.h"
#include "accords-projection.h"
#include "accords-world.h"

static AccordsWorld *
load_world (void)
{
  g_autoptr(GError) error = NULL;
  AccordsWorld *world = accords_world_new_from_resource (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (world);
  return world;
}

static void
test_projection_round_trip (void)
{
  double half_w, half_h, x, y, lon, lat;

  for (int ilat = -89; ilat <= 89; ilat += 4)
    for (int ilon = -180; ilon <= 180; ilon += 7)
      {
        double in_lon = ilon + 0.25, in_lat = ilat + 0.5;

        if (in_lon > 180)
          in_lon = 180;
        accords_projection_forward (in_lon, in_lat, &x, &y);
        g_assert_true (accords_projection_inverse (x, y, &lon, &lat));
        g_assert_cmpfloat_with_epsilon (lon, in_lon, 1e-9);
        g_assert_cmpfloat_with_epsilon (lat, in_lat, 1e-9);
      }

  /* the edges of the map */
  accords_projection_get_extent (&half_w, &half_h);
  accords_projection_forward (180, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, half_w, 1e-12);
  accords_projection_forward (0, 90, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, half_h, 1e-12);
  accords_projection_forward (-180, -90, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, -half_h, 1e-12);
  g_assert_true (accords_projection_inverse (x, y, &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lat, -90, 1e-6);

  /* outside the outline there is no place */
  g_assert_false (accords_projection_inverse (half_w * 0.99, half_h * 0.99, &lon, &lat));
  g_assert_false (accords_projection_inverse (0, half_h * 1.5, &lon, &lat));
}

/* Equal Earth keeps areas: a degree square shrinks with the cosine of its
 * latitude on the globe, and so it does on the map */
static void
test_projection_equal_area (void)
{
  double areas[2];
  double lats[2] = { 0.0, 60.0 };

  for (guint i = 0; i < 2; i++)
    {
      double x00, y00, x10, y10, x01, y01, x11, y11;

      accords_projection_forward (10.0, lats[i], &x00, &y00);
      accords_projection_forward (10.1, lats[i], &x10, &y10);
      accords_projection_forward (10.0, lats[i] + 0.1, &x01, &y01);
      accords_projection_forward (10.1, lats[i] + 0.1, &x11, &y11);
      areas[i] = fabs ((x10 - x00) * (y01 - y00));
    }
  g_assert_cmpfloat_with_epsilon (areas[1] / areas[0], cos (60.05 * G_PI / 180) / cos (0.05 * G_PI / 180), 2e-3);
}

static void
world_point (AccordsWorld *world,
             double        lon,
             double        lat,
             double       *x,
             double       *y)
{
  accords_projection_forward (lon, lat, x, y);
}

static const char *
hit (AccordsWorld *world,
     double        lon,
     double        lat,
     double        scale)
{
  double x, y;
  int i;

  world_point (world, lon, lat, &x, &y);
  i = accords_world_hit_test (world, x, y, scale);
  return i < 0 ? NULL : accords_world_get_country (world, i)->code;
}

static void
test_world_load (void)
{
  g_autoptr(AccordsWorld) world = load_world ();
  const char *expected[] = { "RW", "GB", "US", "NR", "MT", "SG", "TV", "EU", "XK", "SO", "CY", "CX", "CC", "AQ", "FJ" };
  double lon, lat, west, south, east, north;

  g_assert_cmpuint (accords_world_get_n_countries (world), >, 240);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (accords_world_find (world, expected[i]), >=, 0);
  g_assert_cmpint (accords_world_find (world, "ZZ"), ==, -1);
  g_assert_cmpint (accords_world_find (world, NULL), ==, -1);

  /* Rwanda's label point is inside Rwanda, and hits it */
  g_assert_true (accords_world_get_centroid (world, "RW", &lon, &lat));
  g_assert_true (accords_world_get_bounds (world, "RW", &west, &south, &east, &north));
  g_assert_cmpfloat (west, <, lon);
  g_assert_cmpfloat (lon, <, east);
  g_assert_cmpfloat (south, <, lat);
  g_assert_cmpfloat (lat, <, north);
  g_assert_cmpfloat (west, >, 28.5);
  g_assert_cmpfloat (east, <, 31.0);
  g_assert_cmpstr (hit (world, lon, lat, 3000), ==, "RW");

  /* every country with land has its label point on its own land */
  for (guint i = 0; i < accords_world_get_n_countries (world); i++)
    {
      const AccordsWorldCountry *c = accords_world_get_country (world, i);
      double x, y;

      if (c->n_rings == 0 || c->code[0] == '\0')
        continue;
      world_point (world, c->lon, c->lat, &x, &y);
      g_assert_cmpint (accords_world_hit_test (world, x, y, 1e6), ==, (int) i);
    }

  /* places without shapes still have a point */
  g_assert_true (accords_world_get_centroid (world, "TV", &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lat, -8.52, 0.01);
  g_assert_true (accords_world_get_centroid (world, "EU", &lon, &lat));
  g_assert_cmpfloat_with_epsilon (lat, 50.85, 0.01);
  g_assert_false (accords_world_get_centroid (world, "ZZ", &lon, &lat));

  g_assert_cmpuint (accords_world_get_memory_size (world), <, 15 * 1024 * 1024);
}

static void
test_world_hit_test (void)
{
  g_autoptr(AccordsWorld) world = load_world ();
  AccordsMapViewport vp;
  double world_scale, x, y;
  int nauru;

  /* the whole world at 1600 x 1000 */
  accords_map_viewport_init (&vp, 1600, 1000);
  world_scale = vp.scale;

  g_assert_cmpstr (hit (world, 29.9, -1.95, world_scale), ==, "RW");
  g_assert_cmpstr (hit (world, 2.35, 48.85, world_scale), ==, "FR");
  /* the sea */
  g_assert_null (hit (world, -30.0, -30.0, world_scale));
  g_assert_null (hit (world, -150.0, 0.0, world_scale));
  g_assert_null (hit (world, 0.0, 0.0, world_scale));
  /* holes: Lesotho inside South Africa, San Marino inside Italy */
  g_assert_cmpstr (hit (world, 28.2, -29.6, 5000), ==, "LS");
  g_assert_cmpstr (hit (world, 25.0, -30.0, 5000), ==, "ZA");
  /* Chukotka, past the antimeridian, is Russia's; so is Kaliningrad */
  g_assert_cmpstr (hit (world, -175.0, 66.5, world_scale), ==, "RU");
  g_assert_cmpstr (hit (world, 100.0, 65.0, world_scale), ==, "RU");
  g_assert_cmpstr (hit (world, 21.0, 54.7, 5000), ==, "RU");
  /* Somaliland is drawn as part of Somalia */
  g_assert_cmpstr (hit (world, 45.0, 9.5, world_scale), ==, "SO");

  /* Nauru is a marker at world scale: a click a few pixels off its
   * centre selects it */
  nauru = accords_world_find (world, "NR");
  g_assert_true (accords_world_shows_marker (world, nauru, world_scale));
  x = accords_world_get_country (world, nauru)->anchor_x + 3.0 / world_scale;
  y = accords_world_get_country (world, nauru)->anchor_y - 4.0 / world_scale;
  g_assert_cmpint (accords_world_hit_test (world, x, y, world_scale), ==, nauru);
  /* ... and farther than its marker, the sea */
  x = accords_world_get_country (world, nauru)->anchor_x + 20.0 / world_scale;
  g_assert_cmpint (accords_world_hit_test (world, x, y, world_scale), ==, -1);

  /* close up, Nauru is land, not a marker, and the sea beside it is sea */
  g_assert_false (accords_world_shows_marker (world, nauru, world_scale * ACCORDS_MAP_VIEWPORT_MAX_ZOOM));
  g_assert_cmpstr (hit (world, 166.93, -0.52, world_scale * ACCORDS_MAP_VIEWPORT_MAX_ZOOM), ==, "NR");
  g_assert_null (hit (world, 167.2, -0.52, world_scale * ACCORDS_MAP_VIEWPORT_MAX_ZOOM));

  /* big countries are never markers, places without land always are */
  g_assert_false (accords_world_shows_marker (world, accords_world_find (world, "RW"), world_scale));
  g_assert_true (accords_world_shows_marker (world, accords_world_find (world, "TV"), world_scale * 40));
  /* Malta and Singapore are too small to click at world scale */
  g_assert_true (accords_world_shows_marker (world, accords_world_find (world, "MT"), world_scale));
  g_assert_true (accords_world_shows_marker (world, accords_world_find (world, "SG"), world_scale));
  g_assert_cmpstr (hit (world, 103.82, 1.35, world_scale), ==, "SG");
}

static void
test_world_levels (void)
{
  g_autoptr(AccordsWorld) world = load_world ();
  const guint8 *levels = accords_world_get_levels (world);
  guint n_points, shown_far = 0, shown_near = 0;
  guint8 far, near;

  accords_world_get_points (world, &n_points);
  far = accords_world_level_for_scale (world, 300);
  near = accords_world_level_for_scale (world, 300 * ACCORDS_MAP_VIEWPORT_MAX_ZOOM);
  g_assert_cmpuint (far, >, near);
  for (guint i = 0; i < n_points; i++)
    {
      shown_far += levels[i] >= far;
      shown_near += levels[i] >= near;
    }
  /* the whole world needs far fewer points than a close-up, and the
   * closest zoom of a wide screen shows them all */
  g_assert_cmpuint (shown_far, <, n_points / 2);
  g_assert_cmpuint (shown_near, >, n_points * 99 / 100);
  g_assert_cmpuint (accords_world_level_for_scale (world, 2560 / 5.42 * ACCORDS_MAP_VIEWPORT_MAX_ZOOM), <=, 1);
}

static void
test_world_damaged (void)
{
  g_autoptr(GBytes) good = g_resources_lookup_data (ACCORDS_WORLD_RESOURCE, 0, NULL);
  gsize len;
  const guint8 *data = g_bytes_get_data (good, &len);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsWorld) world = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("not a map", 9);

  world = accords_world_new_from_bytes (text, "not-a-map.bin", &error);
  g_assert_null (world);
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not-a-map.bin"));
  g_clear_error (&error);

  /* cut short anywhere: an error that says where, never a crash */
  for (gsize cut = 0; cut < len; cut += 1 + cut / 3)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (good, 0, cut);

      world = accords_world_new_from_bytes (part, "cut.bin", &error);
      g_assert_null (world);
      g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* bytes flipped at random: loads or fails, with an error when it fails */
  for (guint round = 0; round < 300; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      g_autoptr(GBytes) bytes = NULL;

      for (guint k = 0; k < 4; k++)
        copy[g_rand_int_range (rand, 0, len)] = g_rand_int_range (rand, 0, 256);
      bytes = g_bytes_new_take (g_steal_pointer (&copy), len);
      world = accords_world_new_from_bytes (bytes, "flipped.bin", &error);
      g_assert_true ((world != NULL) != (error != NULL));
      if (world)
        accords_world_hit_test (world, 0.5, 0.2, 300);
      g_clear_object (&world);
      g_clear_error (&error);
    }
}

static void
test_viewport (void)
{
  AccordsMapViewport vp;
  double half_w, half_h, south, north, x, y, vx, vy, x2, y2;

  accords_map_viewport_init (&vp, 800, 600);
  accords_projection_get_extent (&half_w, &half_h);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_SOUTH, &x, &south);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_NORTH, &x, &north);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (&vp), 1.0, 1e-12);
  /* the world fits: its width, and the band from Cape Horn to Greenland */
  accords_map_viewport_to_view (&vp, -half_w, north, &vx, &vy);
  g_assert_cmpfloat (vx, >=, 0);
  g_assert_cmpfloat (vy, >=, 0);
  accords_map_viewport_to_view (&vp, half_w, south, &vx, &vy);
  g_assert_cmpfloat (vx, <=, 800);
  g_assert_cmpfloat (vy, <=, 600);
  /* a wide view is filled from top to bottom by the band */
  accords_map_viewport_init (&vp, 1600, 500);
  accords_map_viewport_to_view (&vp, 0, north, &vx, &vy);
  g_assert_cmpfloat_with_epsilon (vy, 8, 1e-6);
  accords_map_viewport_to_view (&vp, 0, south, &vx, &vy);
  g_assert_cmpfloat_with_epsilon (vy, 492, 1e-6);
  accords_map_viewport_init (&vp, 800, 600);

  /* view and projection agree both ways */
  accords_map_viewport_from_view (&vp, 123, 456, &x, &y);
  accords_map_viewport_to_view (&vp, x, y, &vx, &vy);
  g_assert_cmpfloat_with_epsilon (vx, 123, 1e-9);
  g_assert_cmpfloat_with_epsilon (vy, 456, 1e-9);

  /* zooming around the pointer keeps the place under it */
  accords_map_viewport_from_view (&vp, 520, 250, &x, &y);
  accords_map_viewport_zoom_at (&vp, 3.0, 520, 250);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (&vp), 3.0, 1e-9);
  accords_map_viewport_from_view (&vp, 520, 250, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (x2, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y2, y, 1e-9);

  /* zoom stays between the whole world and the closest */
  accords_map_viewport_zoom_at (&vp, 1000.0, 400, 300);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (&vp), ACCORDS_MAP_VIEWPORT_MAX_ZOOM, 1e-9);
  accords_map_viewport_zoom_at (&vp, 1e-6, 400, 300);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (&vp), 1.0, 1e-9);
  /* at world scale nothing pans away */
  accords_map_viewport_pan (&vp, 500, 500);
  g_assert_cmpfloat_with_epsilon (vp.center_x, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (vp.center_y, (north + south) / 2, 1e-12);

  /* zoomed in, a pan moves the map with the pointer, up to its edge */
  accords_map_viewport_zoom_at (&vp, 4.0, 400, 300);
  accords_map_viewport_from_view (&vp, 400, 300, &x, &y);
  accords_map_viewport_pan (&vp, 50, -20);
  accords_map_viewport_from_view (&vp, 450, 280, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (x2, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y2, y, 1e-9);
  accords_map_viewport_pan (&vp, 1e6, 0);
  accords_map_viewport_to_view (&vp, -half_w, 0, &vx, &vy);
  g_assert_cmpfloat (vx, <=, 8.0 + 1e-9);

  /* resizing keeps the zoom */
  accords_map_viewport_resize (&vp, 400, 300);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (&vp), 4.0, 1e-9);

  /* framing a country */
  accords_map_viewport_show_rect (&vp, 0.4, -0.1, 0.5, 0.0, 10);
  accords_map_viewport_to_view (&vp, 0.45, -0.05, &vx, &vy);
  g_assert_cmpfloat_with_epsilon (vx, 200, 1e-6);
  g_assert_cmpfloat_with_epsilon (vy, 150, 1e-6);
}

/* The whole world, fitted: in a pane of 2:1 its band of countries fills
 * most of the height; in one of 3:2 the world's width binds, and the band
 * still takes more than half (the first view, closer, takes more: see
 * test-map-view.c) */
static void
test_viewport_fit (void)
{
  static const struct { double width, height, share; } panes[] = {
    { 1200, 600, 0.85 }, { 1600, 800, 0.85 }, { 1200, 800, 0.6 }, { 900, 600, 0.6 },
  };
  double x, south, north;

  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_SOUTH, &x, &south);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_NORTH, &x, &north);
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      AccordsMapViewport vp;
      double top, bottom;

      accords_map_viewport_init (&vp, panes[i].width, panes[i].height);
      accords_map_viewport_to_view (&vp, 0, north, &x, &top);
      accords_map_viewport_to_view (&vp, 0, south, &x, &bottom);
      g_assert_cmpfloat ((bottom - top) / panes[i].height, >=, panes[i].share);
      /* centred, inside the pane */
      g_assert_cmpfloat (top, >=, 0);
      g_assert_cmpfloat (bottom, <=, panes[i].height);
      g_assert_cmpfloat_with_epsilon (top, panes[i].height - bottom, 1e-6);
    }
}

/* A legend over the bottom of a tall pane: the fitted world sits above it,
 * centred in what is left; where that is too little, at the top */
static void
test_viewport_bottom_inset (void)
{
  AccordsMapViewport vp;
  double x, south, north, top, bottom;

  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_SOUTH, &x, &south);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_NORTH, &x, &north);

  accords_map_viewport_init (&vp, 600, 700);
  accords_map_viewport_set_bottom_inset (&vp, 200);
  accords_map_viewport_to_view (&vp, 0, north, &x, &top);
  accords_map_viewport_to_view (&vp, 0, south, &x, &bottom);
  g_assert_cmpfloat (bottom, <=, 700 - 200);
  g_assert_cmpfloat_with_epsilon (top, 500 - bottom, 1e-6);
  /* panning sideways and back keeps it there; the zoom is the fitted one */
  accords_map_viewport_pan (&vp, 40, 30);
  accords_map_viewport_to_view (&vp, 0, north, &x, &x);
  g_assert_cmpfloat_with_epsilon (x, top, 1e-6);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (&vp), 1.0, 1e-9);

  /* an inset the pane has no room for: the world keeps its size, at the top */
  accords_map_viewport_init (&vp, 1200, 640);
  accords_map_viewport_set_bottom_inset (&vp, 300);
  accords_map_viewport_to_view (&vp, 0, north, &x, &top);
  g_assert_cmpfloat_with_epsilon (top, 8.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (accords_map_viewport_get_zoom (&vp), 1.0, 1e-9);

  /* a new first view has none */
  accords_map_viewport_init (&vp, 600, 700);
  g_assert_cmpfloat (vp.bottom_inset, ==, 0);
}

typedef struct {
  char               *dir;
  AccordsContext     *context;
  AccordsCountryList *countries;
  AccordsMapModel    *model;
} ModelFixture;

static void
model_set_up (ModelFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("accords-map-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "map.db", NULL);
  f->context = accords_context_new (path, &error);
  g_assert_no_error (error);
  f->countries = accords_country_list_new (f->context);
  f->model = accords_map_model_new (f->countries);
}

static void
model_tear_down (ModelFixture  *f,
                 gconstpointer  data)
{
  g_assert_finalize_object (f->model);
  g_assert_finalize_object (f->countries);
  g_assert_finalize_object (f->context);
  accords_test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
test_model_uk_rwanda (ModelFixture  *f,
                      gconstpointer  data)
{
  AccordsAgreement *uk_rw = accords_map_model_find_agreement (f->model, "uk-rw-medp-2022");
  AccordsStatus status;

  g_assert_nonnull (uk_rw);

  /* the agreement, and Britain, whose only agreement it is */
  accords_map_model_set_date (f->model, "2023-12-31");
  g_assert_cmpstr (accords_country_list_get_date (f->countries), ==, "2023-12-31");
  g_assert_cmpint (accords_map_model_get_agreement_status (f->model, uk_rw), ==, ACCORDS_STATUS_SIGNED);
  g_assert_cmpint (accords_map_model_get_status (f->model, "GB"), ==, ACCORDS_STATUS_SIGNED);

  accords_map_model_set_date (f->model, "2024-05-01");
  status = accords_map_model_get_agreement_status (f->model, uk_rw);
  g_assert_true (status == ACCORDS_STATUS_RATIFIED || status == ACCORDS_STATUS_IN_FORCE);
  g_assert_cmpint (accords_map_model_get_status (f->model, "GB"), ==, status);

  accords_map_model_set_date (f->model, "2024-08-01");
  g_assert_cmpint (accords_map_model_get_agreement_status (f->model, uk_rw), ==, ACCORDS_STATUS_SCRAPPED);
  g_assert_cmpint (accords_map_model_get_status (f->model, "GB"), ==, ACCORDS_STATUS_SCRAPPED);

  /* before it was signed, it does not count, and Britain has nothing */
  accords_map_model_set_date (f->model, "2022-01-01");
  g_assert_cmpint (accords_map_model_get_agreement_status (f->model, uk_rw), ==, ACCORDS_STATUS_NONE);
  g_assert_cmpint (accords_map_model_get_status (f->model, "GB"), ==, ACCORDS_STATUS_NONE);
  g_assert_cmpuint (accords_map_model_get_agreement_count (f->model, "GB"), ==, 0);

  /* no date: the status the store shows */
  accords_map_model_set_date (f->model, NULL);
  g_assert_null (accords_map_model_get_date (f->model));
  g_assert_cmpint (accords_map_model_get_agreement_status (f->model, uk_rw), ==, accords_agreement_get_status (uk_rw));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_model_month_precision (ModelFixture  *f,
                            gconstpointer  data)
{
  AccordsAgreement *us_rw = accords_map_model_find_agreement (f->model, "us-rw-2025");
  guint changed = 0;

  g_signal_connect_swapped (f->model, "changed", G_CALLBACK (count_cb), &changed);

  /* "signed 2025-06" counts from the first of June */
  accords_map_model_set_date (f->model, "2025-05-31");
  g_assert_cmpint (accords_map_model_get_agreement_status (f->model, us_rw), ==, ACCORDS_STATUS_IN_TALKS);
  accords_map_model_set_date (f->model, "2025-06-01");
  g_assert_cmpint (accords_map_model_get_agreement_status (f->model, us_rw), ==, ACCORDS_STATUS_SIGNED);
  g_assert_cmpuint (changed, ==, 2);
  /* the same date again changes nothing */
  accords_map_model_set_date (f->model, "2025-06-01");
  g_assert_cmpuint (changed, ==, 2);
}

static void
test_model_filters (ModelFixture  *f,
                    gconstpointer  data)
{
  g_auto(GStrv) coloured = NULL;
  g_autoptr(GPtrArray) rw = NULL;

  g_assert_cmpint (accords_map_model_get_status (f->model, "NR"), !=, ACCORDS_STATUS_NONE);
  g_assert_cmpint (accords_map_model_get_status (f->model, "IS"), ==, ACCORDS_STATUS_NONE);
  coloured = accords_map_model_dup_coloured_codes (f->model);
  g_assert_true (g_strv_contains ((const char * const *) coloured, "RW"));
  g_assert_true (g_strv_contains ((const char * const *) coloured, "EU"));
  g_assert_false (g_strv_contains ((const char * const *) coloured, "IS"));
  g_clear_pointer (&coloured, g_strfreev);

  rw = accords_map_model_dup_agreements (f->model, "RW");
  g_assert_cmpuint (rw->len, ==, 4);
  g_clear_pointer (&rw, g_ptr_array_unref);

  /* the type filter lives in the country list, and the map follows it */
  accords_country_list_set_type_filter (f->countries, "offshore_processing");
  g_assert_cmpint (accords_map_model_get_status (f->model, "NR"), !=, ACCORDS_STATUS_NONE);
  g_assert_cmpint (accords_map_model_get_status (f->model, "RW"), ==, ACCORDS_STATUS_NONE);
  rw = accords_map_model_dup_agreements (f->model, "RW");
  g_assert_cmpuint (rw->len, ==, 0);
  accords_country_list_set_type_filter (f->countries, NULL);

  /* the status filter leaves only its group coloured */
  accords_map_model_set_status_filter (f->model, ACCORDS_STATUS_GROUP_ENDED);
  /* Israel's only deal collapsed (Britain's scrapped one no longer colours it: UK–France runs) */
  g_assert_cmpint (accords_map_model_get_status (f->model, "IL"), ==, ACCORDS_STATUS_COLLAPSED);
  g_assert_cmpint (accords_map_model_get_status (f->model, "SV"), ==, ACCORDS_STATUS_NONE);
  coloured = accords_map_model_dup_coloured_codes (f->model);
  for (guint i = 0; coloured[i]; i++)
    g_assert_cmpint (accords_status_get_group (accords_map_model_get_status (f->model, coloured[i])), ==,
                     ACCORDS_STATUS_GROUP_ENDED);
}

static void
test_model_links (ModelFixture  *f,
                  gconstpointer  data)
{
  g_autoptr(GArray) links = accords_map_model_dup_links (f->model, "uk-rw-medp-2022");
  g_autoptr(GArray) il = accords_map_model_dup_links (f->model, "il-rw-ug-2013");
  g_autoptr(GArray) eu = accords_map_model_dup_links (f->model, "eu-tr-statement-2016");
  g_autoptr(GArray) none = accords_map_model_dup_links (f->model, "no-such-agreement");
  g_autoptr(GArray) early = NULL;

  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (g_array_index (links, AccordsMapLink, 0).from, ==, "GB");
  g_assert_cmpstr (g_array_index (links, AccordsMapLink, 0).to, ==, "RW");
  g_assert_cmpuint (il->len, ==, 2);
  g_assert_cmpstr (g_array_index (il, AccordsMapLink, 0).from, ==, "IL");
  g_assert_cmpuint (eu->len, ==, 1);
  g_assert_cmpstr (g_array_index (eu, AccordsMapLink, 0).from, ==, "EU");
  g_assert_cmpstr (g_array_index (eu, AccordsMapLink, 0).to, ==, "TR");
  g_assert_cmpuint (none->len, ==, 0);

  /* no arcs before the agreement existed */
  accords_map_model_set_date (f->model, "2020-01-01");
  early = accords_map_model_dup_links (f->model, "uk-rw-medp-2022");
  g_assert_cmpuint (early->len, ==, 0);
}

static void
test_model_date_range (ModelFixture  *f,
                       gconstpointer  data)
{
  g_autofree char *today = accords_date_today ();
  guint32 first, last;

  accords_map_model_get_date_range (f->model, &first, &last);
  /* Nauru's first transfer, known only by its year, opens the range */
  g_assert_cmpuint (first, ==, 20010101);
  g_assert_cmpuint (last, >=, 20251001);
  g_assert_cmpuint (last, >=, accords_date_key (today));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/projection/round-trip", test_projection_round_trip);
  g_test_add_func ("/map/projection/equal-area", test_projection_equal_area);
  g_test_add_func ("/map/world/load", test_world_load);
  g_test_add_func ("/map/world/hit-test", test_world_hit_test);
  g_test_add_func ("/map/world/levels", test_world_levels);
  g_test_add_func ("/map/world/damaged", test_world_damaged);
  g_test_add_func ("/map/viewport", test_viewport);
  g_test_add_func ("/map/viewport/fit", test_viewport_fit);
  g_test_add_func ("/map/viewport/bottom-inset", test_viewport_bottom_inset);
  g_test_add ("/map/model/uk-rwanda", ModelFixture, NULL, model_set_up, test_model_uk_rwanda, model_tear_down);
  g_test_add ("/map/model/month-precision", ModelFixture, NULL, model_set_up, test_model_month_precision, model_tear_down);
  g_test_add ("/map/model/filters", ModelFixture, NULL, model_set_up, test_model_filters, model_tear_down);
  g_test_add ("/map/model/links", ModelFixture, NULL, model_set_up, test_model_links, model_tear_down);
  g_test_add ("/map/model/date-range", ModelFixture, NULL, model_set_up, test_model_date_range, model_tear_down);

  return g_test_run ();
}
