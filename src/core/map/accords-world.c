/* accords-world.c: the countries' shapes, from Natural Earth, in the Equal Earth projection */
#define G_LOG_DOMAIN "accords-world"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "accords-error.h"
#include "accords-projection.h"
#include "accords-resources.h"
#include "accords-world.h"

/* Smallest triangle, in square pixels, worth a point on screen; the
 * converter drops the points below it at the closest zoom */
#define VISIBLE_AREA 1.0

struct _AccordsWorld
{
  GObject              parent_instance;

  AccordsWorldPoint   *points;
  guint8              *levels;
  guint                n_points;
  AccordsWorldArc     *arcs;
  guint                n_arcs;
  gint32              *refs;
  guint                n_refs;
  AccordsWorldRing    *rings;
  guint                n_rings;
  AccordsWorldCountry *countries;
  guint                n_countries;
  GHashTable          *by_code;     /* code -> index + 1 */
  double               level_base_area;
  double               levels_per_octave;
};

G_DEFINE_FINAL_TYPE (AccordsWorld, accords_world, G_TYPE_OBJECT)

static void
accords_world_finalize (GObject *object)
{
  AccordsWorld *self = (AccordsWorld *) object;

  for (guint i = 0; i < self->n_countries; i++)
    g_free (self->countries[i].name);
  g_free (self->countries);
  g_free (self->points);
  g_free (self->levels);
  g_free (self->arcs);
  g_free (self->refs);
  g_free (self->rings);
  g_clear_pointer (&self->by_code, g_hash_table_unref);

  G_OBJECT_CLASS (accords_world_parent_class)->finalize (object);
}

static void
accords_world_class_init (AccordsWorldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_world_finalize;
}

static void
accords_world_init (AccordsWorld *self)
{
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Reading the file */

typedef struct {
  const guint8 *data;
  gsize         pos;
  gsize         len;
  const char   *what;
  GError      **error;
  gboolean      failed;
} Reader;

static gboolean
reader_fail (Reader     *r,
             const char *part)
{
  if (!r->failed)
    g_set_error (r->error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                 _("%s: the map geometry is damaged: %s (at byte %" G_GSIZE_FORMAT ")"),
                 r->what, part, r->pos);
  r->failed = TRUE;
  return FALSE;
}

static gboolean
read_bytes (Reader     *r,
            void       *out,
            gsize       n,
            const char *part)
{
  if (r->failed || r->len - r->pos < n)
    return reader_fail (r, part);
  memcpy (out, r->data + r->pos, n);
  r->pos += n;
  return TRUE;
}

static guint32
read_u32 (Reader     *r,
          const char *part)
{
  guint32 v = 0;

  read_bytes (r, &v, 4, part);
  return GUINT32_FROM_LE (v);
}

static double
read_f64 (Reader     *r,
          const char *part)
{
  guint64 bits = 0;
  double v;

  read_bytes (r, &bits, 8, part);
  bits = GUINT64_FROM_LE (bits);
  memcpy (&v, &bits, 8);
  return v;
}

static float
read_f32 (Reader     *r,
          const char *part)
{
  guint32 bits = 0;
  float v;

  read_bytes (r, &bits, 4, part);
  bits = GUINT32_FROM_LE (bits);
  memcpy (&v, &bits, 4);
  return v;
}

static guint64
read_varint (Reader     *r,
             const char *part)
{
  guint64 v = 0;

  for (guint shift = 0; shift < 64; shift += 7)
    {
      guint8 b;

      if (r->failed || r->pos >= r->len)
        {
          reader_fail (r, part);
          return 0;
        }
      b = r->data[r->pos++];
      v |= (guint64) (b & 0x7f) << shift;
      if (!(b & 0x80))
        return v;
    }
  reader_fail (r, part);
  return 0;
}

static gint64
read_zigzag (Reader     *r,
             const char *part)
{
  guint64 v = read_varint (r, part);

  return (v & 1) ? -(gint64) ((v + 1) >> 1) : (gint64) (v >> 1);
}

static gboolean
parse (AccordsWorld *self,
       Reader       *r)
{
  char magic[4] = { 0 };
  guint32 version;
  double sx, sy, tx, ty;
  guint32 n_arcs, n_points, n_rings, n_refs, n_countries;
  guint point = 0, ref_index = 0, ring_index = 0;

  if (r->len < 4 || memcmp (r->data, "ACCW", 4) != 0)
    {
      g_set_error (r->error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s is not Accords map geometry"), r->what);
      return FALSE;
    }
  read_bytes (r, magic, 4, "header");
  version = read_u32 (r, "header");
  if (!r->failed && version != 1)
    {
      g_set_error (r->error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s: map geometry version %u is not one this version of Accords reads"),
                   r->what, version);
      return FALSE;
    }
  sx = read_f64 (r, "header");
  sy = read_f64 (r, "header");
  tx = read_f64 (r, "header");
  ty = read_f64 (r, "header");
  self->level_base_area = read_f64 (r, "header");
  self->levels_per_octave = read_f64 (r, "header");
  n_arcs = read_u32 (r, "header");
  n_points = read_u32 (r, "header");
  n_rings = read_u32 (r, "header");
  n_refs = read_u32 (r, "header");
  n_countries = read_u32 (r, "header");
  if (r->failed)
    return FALSE;
  if (!(isfinite (sx) && isfinite (sy) && isfinite (tx) && isfinite (ty) && sx > 0 && sy > 0 &&
        isfinite (self->level_base_area) && self->level_base_area > 0 &&
        isfinite (self->levels_per_octave) && self->levels_per_octave > 0))
    return reader_fail (r, "the header's scales are not positive numbers");
  /* every item takes at least a byte: counts larger than the file are lies */
  if (n_arcs > r->len || n_points > r->len || n_rings > r->len || n_refs > r->len || n_countries > r->len)
    return reader_fail (r, "the header counts more items than the file can hold");

  self->points = g_new (AccordsWorldPoint, MAX (n_points, 1));
  self->levels = g_new (guint8, MAX (n_points, 1));
  self->arcs = g_new0 (AccordsWorldArc, MAX (n_arcs, 1));
  self->refs = g_new (gint32, MAX (n_refs, 1));
  self->rings = g_new0 (AccordsWorldRing, MAX (n_rings, 1));
  self->countries = g_new0 (AccordsWorldCountry, MAX (n_countries, 1));
  self->n_points = n_points;
  self->n_arcs = n_arcs;
  self->n_refs = n_refs;
  self->n_rings = n_rings;

  for (guint a = 0; a < n_arcs; a++)
    {
      guint64 n = read_varint (r, "an arc's length");
      gint64 qx = 0, qy = 0;

      if (r->failed)
        return FALSE;
      if (n < 1 || n > n_points - point)
        return reader_fail (r, "an arc runs past the points");
      self->arcs[a].first = point;
      self->arcs[a].n_points = n;
      read_bytes (r, &self->arcs[a].flags, 1, "an arc's flags");
      for (guint k = 0; k < n; k++, point++)
        {
          double x, y;

          qx += read_zigzag (r, "a point");
          qy += read_zigzag (r, "a point");
          accords_projection_forward (qx * sx + tx, qy * sy + ty, &x, &y);
          self->points[point].x = x;
          self->points[point].y = y;
        }
      if (r->failed)
        return FALSE;
    }
  if (point != n_points)
    return reader_fail (r, "the arcs hold fewer points than the header says");
  if (!read_bytes (r, self->levels, n_points, "the detail levels"))
    return FALSE;

  for (guint i = 0; i < n_rings; i++)
    {
      AccordsWorldRing *ring = &self->rings[i];
      guint64 n = read_varint (r, "a ring's length");

      if (r->failed)
        return FALSE;
      if (n < 1 || n > n_refs - ref_index)
        return reader_fail (r, "a ring runs past the arc references");
      ring->first_ref = ref_index;
      ring->n_refs = n;
      ring->x0 = ring->y0 = G_MAXFLOAT;
      ring->x1 = ring->y1 = -G_MAXFLOAT;
      for (guint k = 0; k < n; k++, ref_index++)
        {
          gint64 ref = read_zigzag (r, "an arc reference");
          gint64 arc = ref >= 0 ? ref : ~ref;
          const AccordsWorldArc *a;

          if (r->failed)
            return FALSE;
          if (arc >= n_arcs)
            return reader_fail (r, "a ring refers to an arc that does not exist");
          self->refs[ref_index] = (gint32) ref;
          a = &self->arcs[arc];
          for (guint p = a->first; p < a->first + a->n_points; p++)
            {
              ring->x0 = MIN (ring->x0, self->points[p].x);
              ring->y0 = MIN (ring->y0, self->points[p].y);
              ring->x1 = MAX (ring->x1, self->points[p].x);
              ring->y1 = MAX (ring->y1, self->points[p].y);
            }
        }
    }
  if (ref_index != n_refs)
    return reader_fail (r, "the rings hold fewer arc references than the header says");

  for (guint i = 0; i < n_countries; i++)
    {
      AccordsWorldCountry *c = &self->countries[i];
      guint8 name_len = 0;
      char name[256];
      guint64 rings;
      float f[9];

      read_bytes (r, c->code, 2, "a country's code");
      read_bytes (r, &name_len, 1, "a country's name");
      read_bytes (r, name, name_len, "a country's name");
      rings = read_varint (r, "a country's rings");
      for (guint k = 0; k < G_N_ELEMENTS (f); k++)
        f[k] = read_f32 (r, "a country's points");
      if (r->failed)
        return FALSE;
      name[name_len] = '\0';
      if (!g_utf8_validate (name, name_len, NULL))
        return reader_fail (r, "a country's name is not UTF-8");
      if ((c->code[0] || c->code[1]) && !(g_ascii_isupper (c->code[0]) && g_ascii_isupper (c->code[1])))
        return reader_fail (r, "a country's code is not two capital letters");
      if (rings > n_rings - ring_index)
        return reader_fail (r, "a country runs past the rings");
      for (guint k = 0; k < G_N_ELEMENTS (f); k++)
        if (!isfinite (f[k]))
          return reader_fail (r, "a country's points are not numbers");

      c->code[2] = '\0';
      c->name = g_strdup (name);
      c->first_ring = ring_index;
      c->n_rings = rings;
      ring_index += rings;
      c->area = f[0];
      c->lon = f[1];
      c->lat = f[2];
      accords_projection_forward (f[3], f[4], &c->anchor_x, &c->anchor_y);
      c->west = f[5];
      c->south = f[6];
      c->east = f[7];
      c->north = f[8];
      c->x0 = c->x1 = c->anchor_x;
      c->y0 = c->y1 = c->anchor_y;
      for (guint k = c->first_ring; k < c->first_ring + c->n_rings; k++)
        {
          const AccordsWorldRing *ring = &self->rings[k];

          if (k == c->first_ring)
            {
              c->x0 = ring->x0, c->y0 = ring->y0, c->x1 = ring->x1, c->y1 = ring->y1;
              continue;
            }
          c->x0 = MIN (c->x0, ring->x0);
          c->y0 = MIN (c->y0, ring->y0);
          c->x1 = MAX (c->x1, ring->x1);
          c->y1 = MAX (c->y1, ring->y1);
        }
      self->n_countries = i + 1;
      if (c->code[0])
        {
          if (g_hash_table_contains (self->by_code, c->code))
            return reader_fail (r, "two countries share a code");
          g_hash_table_insert (self->by_code, c->code, GUINT_TO_POINTER (i + 1));
        }
    }
  if (ring_index != n_rings)
    return reader_fail (r, "the countries hold fewer rings than the header says");
  if (r->pos != r->len)
    return reader_fail (r, "bytes are left over after the last country");
  return TRUE;
}

AccordsWorld *
accords_world_new_from_bytes (GBytes      *bytes,
                              const char  *what,
                              GError     **error)
{
  g_autoptr(AccordsWorld) self = NULL;
  Reader r = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ACCORDS_TYPE_WORLD, NULL);
  r.data = g_bytes_get_data (bytes, &r.len);
  r.what = what ? what : _("The map geometry");
  r.error = error;
  if (!parse (self, &r))
    return NULL;
  return g_steal_pointer (&self);
}

AccordsWorld *
accords_world_new_from_resource (const char  *path,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  accords_resources_ensure_registered ();
  if (path == NULL)
    path = ACCORDS_WORLD_RESOURCE;
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return accords_world_new_from_bytes (bytes, path, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  AccordsWorld *world = accords_world_new_from_resource (task_data, &error);

  if (world == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, world, g_object_unref);
}

void
accords_world_load_async (const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, accords_world_load_async);
  g_task_set_task_data (task, g_strdup (path ? path : ACCORDS_WORLD_RESOURCE), g_free);
  g_task_run_in_thread (task, load_thread);
}

AccordsWorld *
accords_world_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Lookups */

guint
accords_world_get_n_countries (AccordsWorld *self)
{
  g_return_val_if_fail (ACCORDS_IS_WORLD (self), 0);
  return self->n_countries;
}

const AccordsWorldCountry *
accords_world_get_country (AccordsWorld *self,
                           guint         index)
{
  g_return_val_if_fail (ACCORDS_IS_WORLD (self), NULL);
  g_return_val_if_fail (index < self->n_countries, NULL);
  return &self->countries[index];
}

int
accords_world_find (AccordsWorld *self,
                    const char   *code)
{
  g_return_val_if_fail (ACCORDS_IS_WORLD (self), -1);

  if (code == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_code, code)) - 1;
}

gboolean
accords_world_get_centroid (AccordsWorld *self,
                            const char   *code,
                            double       *lon,
                            double       *lat)
{
  int i;

  g_return_val_if_fail (ACCORDS_IS_WORLD (self), FALSE);

  i = accords_world_find (self, code);
  if (i < 0)
    return FALSE;
  if (lon)
    *lon = self->countries[i].lon;
  if (lat)
    *lat = self->countries[i].lat;
  return TRUE;
}

gboolean
accords_world_get_bounds (AccordsWorld *self,
                          const char   *code,
                          double       *west,
                          double       *south,
                          double       *east,
                          double       *north)
{
  const AccordsWorldCountry *c;
  int i;

  g_return_val_if_fail (ACCORDS_IS_WORLD (self), FALSE);

  i = accords_world_find (self, code);
  if (i < 0)
    return FALSE;
  c = &self->countries[i];
  if (west)
    *west = c->west;
  if (south)
    *south = c->south;
  if (east)
    *east = c->east;
  if (north)
    *north = c->north;
  return TRUE;
}

const AccordsWorldPoint *
accords_world_get_points (AccordsWorld *self,
                          guint        *n_points)
{
  g_return_val_if_fail (ACCORDS_IS_WORLD (self), NULL);
  if (n_points)
    *n_points = self->n_points;
  return self->points;
}

const guint8 *
accords_world_get_levels (AccordsWorld *self)
{
  g_return_val_if_fail (ACCORDS_IS_WORLD (self), NULL);
  return self->levels;
}

const AccordsWorldArc *
accords_world_get_arcs (AccordsWorld *self,
                        guint        *n_arcs)
{
  g_return_val_if_fail (ACCORDS_IS_WORLD (self), NULL);
  if (n_arcs)
    *n_arcs = self->n_arcs;
  return self->arcs;
}

const AccordsWorldRing *
accords_world_get_rings (AccordsWorld *self,
                         guint        *n_rings)
{
  g_return_val_if_fail (ACCORDS_IS_WORLD (self), NULL);
  if (n_rings)
    *n_rings = self->n_rings;
  return self->rings;
}

const gint32 *
accords_world_get_refs (AccordsWorld *self,
                        guint        *n_refs)
{
  g_return_val_if_fail (ACCORDS_IS_WORLD (self), NULL);
  if (n_refs)
    *n_refs = self->n_refs;
  return self->refs;
}

guint8
accords_world_level_for_scale (AccordsWorld *self,
                               double        pixels_per_unit)
{
  double threshold, level;

  g_return_val_if_fail (ACCORDS_IS_WORLD (self), 0);

  if (!(pixels_per_unit > 0))
    return 255;
  threshold = VISIBLE_AREA / (pixels_per_unit * pixels_per_unit);
  if (threshold <= self->level_base_area)
    return 0;
  level = 1 + floor (self->levels_per_octave * log2 (threshold / self->level_base_area));
  return (guint8) CLAMP (level, 0, 255);
}

gboolean
accords_world_shows_marker (AccordsWorld *self,
                            guint         index,
                            double        pixels_per_unit)
{
  const AccordsWorldCountry *c;

  g_return_val_if_fail (ACCORDS_IS_WORLD (self), FALSE);
  g_return_val_if_fail (index < self->n_countries, FALSE);

  c = &self->countries[index];
  return c->code[0] != '\0' &&
         (c->n_rings == 0 || c->area * pixels_per_unit * pixels_per_unit < ACCORDS_WORLD_MARKER_AREA);
}

/* Even-odd over every ring of the country, so holes (Lesotho in South
 * Africa) fall outside */
static gboolean
country_contains (AccordsWorld              *self,
                  const AccordsWorldCountry *c,
                  double                     x,
                  double                     y)
{
  gboolean inside = FALSE;

  for (guint k = c->first_ring; k < c->first_ring + c->n_rings; k++)
    {
      const AccordsWorldRing *ring = &self->rings[k];

      if (x < ring->x0 || x > ring->x1 || y < ring->y0 || y > ring->y1)
        continue;
      for (guint j = ring->first_ref; j < ring->first_ref + ring->n_refs; j++)
        {
          gint32 ref = self->refs[j];
          const AccordsWorldArc *arc = &self->arcs[ref >= 0 ? ref : ~ref];
          const AccordsWorldPoint *p = &self->points[arc->first];

          /* the direction of travel does not change the crossings */
          for (guint i = 0; i + 1 < arc->n_points; i++)
            {
              double ay = p[i].y, by = p[i + 1].y;

              if ((ay > y) != (by > y))
                {
                  double cx = p[i].x + (y - ay) * (p[i + 1].x - p[i].x) / (by - ay);

                  if (x < cx)
                    inside = !inside;
                }
            }
        }
    }
  return inside;
}

int
accords_world_hit_test (AccordsWorld *self,
                        double        x,
                        double        y,
                        double        pixels_per_unit)
{
  int best = -1;
  double best_d2;

  g_return_val_if_fail (ACCORDS_IS_WORLD (self), -1);

  if (!(pixels_per_unit > 0))
    return -1;

  /* markers lie on top */
  best_d2 = ACCORDS_WORLD_MARKER_HIT_RADIUS / pixels_per_unit;
  best_d2 *= best_d2;
  for (guint i = 0; i < self->n_countries; i++)
    {
      const AccordsWorldCountry *c = &self->countries[i];
      double dx = x - c->anchor_x, dy = y - c->anchor_y;
      double d2 = dx * dx + dy * dy;

      if (d2 <= best_d2 && accords_world_shows_marker (self, i, pixels_per_unit))
        {
          best = i;
          best_d2 = d2;
        }
    }
  if (best >= 0)
    return best;

  for (guint i = 0; i < self->n_countries; i++)
    {
      const AccordsWorldCountry *c = &self->countries[i];

      if (c->n_rings == 0 || x < c->x0 || x > c->x1 || y < c->y0 || y > c->y1)
        continue;
      if (accords_world_shows_marker (self, i, pixels_per_unit))
        continue;
      if (country_contains (self, c, x, y))
        return i;
    }
  return -1;
}

gsize
accords_world_get_memory_size (AccordsWorld *self)
{
  gsize size;

  g_return_val_if_fail (ACCORDS_IS_WORLD (self), 0);

  size = sizeof (*self)
       + self->n_points * (sizeof (AccordsWorldPoint) + sizeof (guint8))
       + self->n_arcs * sizeof (AccordsWorldArc)
       + self->n_refs * sizeof (gint32)
       + self->n_rings * sizeof (AccordsWorldRing)
       + self->n_countries * sizeof (AccordsWorldCountry);
  for (guint i = 0; i < self->n_countries; i++)
    size += strlen (self->countries[i].name) + 1;
  /* the hash table: its arrays of hashes, keys and values */
  size += g_hash_table_size (self->by_code) * 2 * (sizeof (guint) + 2 * sizeof (gpointer));
  return size;
}
