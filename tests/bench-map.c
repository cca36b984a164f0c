/* bench-map.c: how fast the map loads, draws and hit-tests; run by build-aux/bench-map.sh */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "accords-context.h"
#include "accords-country-list.h"
#include "accords-map-model.h"
#include "accords-map-renderer.h"
#include "accords-map-viewport.h"
#include "accords-projection.h"
#include "accords-resources.h"
#include "accords-world.h"

#define WIDTH 1600
#define HEIGHT 1000
#define FRAMES 100

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: what the map costs, whatever else the machine runs */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN (n - 1, (guint) (p * n))];
}

static void
report (const char *what,
        double      value,
        const char *unit,
        double      budget)
{
  g_print ("%-44s %9.3f %-3s  budget %7.1f %-3s  ratio %.2f %s\n", what, value, unit, budget, unit,
           value / budget, value <= budget ? "ok" : "OVER");
}

static void
render_frames (AccordsMapRenderer       *renderer,
               cairo_surface_t          *surface,
               const AccordsMapViewport *vp,
               const char               *what)
{
  double wall[FRAMES], cpu[FRAMES];
  g_autofree char *label = g_strdup_printf ("render %s (median of %d)", what, FRAMES);

  for (guint i = 0; i < FRAMES; i++)
    {
      cairo_t *cr = cairo_create (surface);
      double t0 = now_ms (), c0 = cpu_ms ();

      accords_map_renderer_render (renderer, cr, vp, NULL);
      cairo_surface_flush (surface);
      wall[i] = now_ms () - t0;
      cpu[i] = cpu_ms () - c0;
      cairo_destroy (cr);
    }
  report (label, percentile (wall, FRAMES, 0.5), "ms", 16);
  g_print ("%-44s %9.3f ms   95th percentile %.3f ms\n", "  CPU time of the frame (median)",
           percentile (cpu, FRAMES, 0.5), percentile (wall, FRAMES, 0.95));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(AccordsContext) context = NULL;
  g_autoptr(AccordsCountryList) countries = NULL;
  g_autoptr(AccordsMapModel) model = NULL;
  g_autoptr(AccordsWorld) world = NULL;
  g_autoptr(AccordsMapRenderer) renderer = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1600);
  const char *png = argc > 1 ? argv[1] : NULL;
  cairo_surface_t *surface;
  AccordsMapViewport vp;
  double t0, first_load, loads[20], hits[2000], half_w, half_h;
  long rss_before, rss_after;
  guint n_points;

  accords_resources_ensure_registered ();

  /* geometry: the first load is the one start-up pays */
  rss_before = rss_kb ();
  t0 = now_ms ();
  world = accords_world_new_from_resource (NULL, &error);
  first_load = now_ms () - t0;
  rss_after = rss_kb ();
  if (world == NULL)
    {
      g_printerr ("bench-map: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      AccordsWorld *again;

      t0 = now_ms ();
      again = accords_world_new_from_resource (NULL, NULL);
      loads[i] = now_ms () - t0;
      g_object_unref (again);
    }
  accords_world_get_points (world, &n_points);
  g_print ("geometry: %u countries and places, %u points\n", accords_world_get_n_countries (world), n_points);
  report ("geometry load at start-up (first)", first_load, "ms", 30);
  report ("geometry load (median of 20)", percentile (loads, G_N_ELEMENTS (loads), 0.5), "ms", 30);
  report ("geometry memory (counted)", accords_world_get_memory_size (world) / 1048576.0, "MB", 15);
  report ("geometry memory (resident growth)", (rss_after - rss_before) / 1024.0, "MB", 15);

  /* the seeded data, coloured as the window shows it */
  dir = g_dir_make_tmp ("accords-bench-XXXXXX", &error);
  db = g_build_filename (dir, "bench.db", NULL);
  context = accords_context_new (db, &error);
  if (context == NULL)
    {
      g_printerr ("bench-map: %s\n", error->message);
      return 1;
    }
  countries = accords_country_list_new (context);
  model = accords_map_model_new (countries);
  renderer = accords_map_renderer_new (world, model);
  links = accords_map_model_dup_links (model, "uk-rw-medp-2022");
  accords_map_renderer_set_links (renderer, links, TRUE);
  accords_map_renderer_set_selected (renderer, accords_world_find (world, "RW"));
  accords_map_renderer_set_hovered (renderer, accords_world_find (world, "CD"));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  accords_map_viewport_init (&vp, WIDTH, HEIGHT);
  render_frames (renderer, surface, &vp, "whole world 1600x1000");
  if (png)
    cairo_surface_write_to_png (surface, png);

  /* closer views draw more detail of fewer countries */
  accords_map_viewport_zoom_at (&vp, 6, WIDTH * 0.54, HEIGHT * 0.52);
  render_frames (renderer, surface, &vp, "Central Africa x6");
  accords_map_viewport_init (&vp, WIDTH, HEIGHT);
  accords_map_viewport_zoom_at (&vp, 30, WIDTH * 0.51, HEIGHT * 0.24);
  render_frames (renderer, surface, &vp, "Western Europe x30");
  accords_map_renderer_set_dark (renderer, TRUE);
  accords_map_viewport_init (&vp, WIDTH, HEIGHT);
  render_frames (renderer, surface, &vp, "whole world 1600x1000, dark");

  /* hit tests anywhere on the map, at world scale and close up */
  accords_projection_get_extent (&half_w, &half_h);
  accords_map_viewport_init (&vp, WIDTH, HEIGHT);
  for (guint zoom = 0; zoom < 2; zoom++)
    {
      double scale = vp.scale * (zoom ? 20 : 1);
      double xs[G_N_ELEMENTS (hits)], ys[G_N_ELEMENTS (hits)], batch, slowest = 0, again = G_MAXDOUBLE;
      guint on_land = 0, worst = 0;

      for (guint i = 0; i < G_N_ELEMENTS (hits); i++)
        {
          xs[i] = g_rand_double_range (rand, -half_w, half_w);
          ys[i] = g_rand_double_range (rand, -half_h, half_h);
        }
      /* all at once, for the mean without the clock's cost */
      t0 = now_ms ();
      for (guint i = 0; i < G_N_ELEMENTS (hits); i++)
        on_land += accords_world_hit_test (world, xs[i], ys[i], scale) >= 0;
      batch = (now_ms () - t0) * 1000 / G_N_ELEMENTS (hits);
      /* one by one, for the spread */
      for (guint i = 0; i < G_N_ELEMENTS (hits); i++)
        {
          t0 = now_ms ();
          accords_world_hit_test (world, xs[i], ys[i], scale);
          hits[i] = (now_ms () - t0) * 1000;
          if (hits[i] > slowest)
            slowest = hits[i], worst = i;
        }
      /* the slowest point again: a slow place, or the machine busy elsewhere? */
      for (guint k = 0; k < 50; k++)
        {
          t0 = now_ms ();
          accords_world_hit_test (world, xs[worst], ys[worst], scale);
          again = MIN (again, (now_ms () - t0) * 1000);
        }
      g_print ("%s\n", zoom ? "hit test, zoomed x20, 2000 random points:" : "hit test, whole world, 2000 random points:");
      report ("  mean", batch, "us", 50);
      report ("  median", percentile (hits, G_N_ELEMENTS (hits), 0.5), "us", 50);
      report ("  99th percentile", percentile (hits, G_N_ELEMENTS (hits), 0.99), "us", 50);
      report ("  slowest point, best of 50 tries", again, "us", 50);
      g_print ("%-44s %9.3f us (the first try, with whatever else ran)\n", "  slowest single try", slowest);
      g_print ("%-44s %9u of %u\n", "  points on land", on_land, (guint) G_N_ELEMENTS (hits));
    }

  /* the worst places: inside the countries with the most points */
  {
    static const double places[][2] = { { 100, 65 }, { -100, 60 }, { -75, 75 }, { 113, -1 }, { -45, 72 } };
    double worst = 0;

    for (guint i = 0; i < G_N_ELEMENTS (places); i++)
      {
        double x, y, c0, best = G_MAXDOUBLE;

        accords_projection_forward (places[i][0], places[i][1], &x, &y);
        for (guint k = 0; k < 50; k++)
          {
            c0 = now_ms ();
            accords_world_hit_test (world, x, y, vp.scale);
            best = MIN (best, (now_ms () - c0) * 1000);
          }
        worst = MAX (worst, best);
      }
    report ("hit test inside Russia, Canada, Indonesia", worst, "us", 50);
  }

  cairo_surface_destroy (surface);
  g_clear_object (&renderer);
  g_clear_object (&model);
  g_clear_object (&countries);
  g_clear_object (&context);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}
