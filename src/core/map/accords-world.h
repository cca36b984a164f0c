/* accords-world.h: the countries' shapes, from Natural Earth, in the Equal Earth projection */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The geometry compiled into the resources */
#define ACCORDS_WORLD_RESOURCE "/io/github/accords/Accords/world/countries-50m.bin"

/* Markers stand for countries too small to see or click: their radius, the
 * distance at which a pointer still hits them, and the area in square pixels
 * under which a country shows as one. */
#define ACCORDS_WORLD_MARKER_RADIUS     4.5
#define ACCORDS_WORLD_MARKER_HIT_RADIUS 8.0
#define ACCORDS_WORLD_MARKER_AREA       24.0

typedef struct {
  float x, y;
} AccordsWorldPoint;

typedef enum {
  ACCORDS_WORLD_ARC_INTERNAL = 1 << 0,   /* inside one country (or the map's edge): not stroked */
  ACCORDS_WORLD_ARC_COAST    = 1 << 1,
} AccordsWorldArcFlags;

/* A run of points shared by the rings on both its sides */
typedef struct {
  guint32 first;      /* into the points and levels */
  guint32 n_points;
  guint8  flags;
} AccordsWorldArc;

/* A closed ring: arc references; ref >= 0 runs arc ref forwards, ref < 0
 * runs arc ~ref backwards */
typedef struct {
  guint32 first_ref;
  guint32 n_refs;
  float   x0, y0, x1, y1;   /* projected bounds */
} AccordsWorldRing;

typedef struct {
  char     code[3];          /* ISO 3166-1 alpha-2, "EU", "XK"; "" for a disputed area */
  char    *name;             /* English name, for areas no code names */
  guint32  first_ring;
  guint32  n_rings;          /* 0: a place known only by its point */
  double   area;             /* projected, so proportional to the true area */
  double   lon, lat;         /* label point: inside its largest land, far from the edges */
  double   anchor_x, anchor_y; /* projected: where its marker and the arcs go */
  double   west, south, east, north;
  double   x0, y0, x1, y1;   /* projected bounds */
} AccordsWorldCountry;

#define ACCORDS_TYPE_WORLD (accords_world_get_type ())

G_DECLARE_FINAL_TYPE (AccordsWorld, accords_world, ACCORDS, WORLD, GObject)

/* what names the data in error messages */
AccordsWorld              *accords_world_new_from_bytes     (GBytes              *bytes,
                                                             const char          *what,
                                                             GError             **error);
/* path: a resource path, or NULL for ACCORDS_WORLD_RESOURCE */
AccordsWorld              *accords_world_new_from_resource  (const char          *path,
                                                             GError             **error);
void                       accords_world_load_async         (const char          *path,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
AccordsWorld              *accords_world_load_finish        (GAsyncResult        *result,
                                                             GError             **error);

guint                      accords_world_get_n_countries    (AccordsWorld        *self);
const AccordsWorldCountry *accords_world_get_country        (AccordsWorld        *self,
                                                             guint                index);
/* index, or -1 */
int                        accords_world_find               (AccordsWorld        *self,
                                                             const char          *code);
/* The label point of a country in degrees: inside its largest land, as far
 * from its edges as can be (for markers, labels and exports).  Brussels for
 * the EU. */
gboolean                   accords_world_get_centroid       (AccordsWorld        *self,
                                                             const char          *code,
                                                             double              *lon,
                                                             double              *lat);
/* In degrees; a country across the antimeridian spans -180..180 */
gboolean                   accords_world_get_bounds         (AccordsWorld        *self,
                                                             const char          *code,
                                                             double              *west,
                                                             double              *south,
                                                             double              *east,
                                                             double              *north);

const AccordsWorldPoint   *accords_world_get_points         (AccordsWorld        *self,
                                                             guint               *n_points);
/* Detail level of each point: a point shows when its level reaches
 * accords_world_level_for_scale() */
const guint8              *accords_world_get_levels         (AccordsWorld        *self);
const AccordsWorldArc     *accords_world_get_arcs           (AccordsWorld        *self,
                                                             guint               *n_arcs);
const AccordsWorldRing    *accords_world_get_rings          (AccordsWorld        *self,
                                                             guint               *n_rings);
const gint32              *accords_world_get_refs           (AccordsWorld        *self,
                                                             guint               *n_refs);
guint8                     accords_world_level_for_scale    (AccordsWorld        *self,
                                                             double               pixels_per_unit);
/* Whether the country shows as a marker at this scale */
gboolean                   accords_world_shows_marker       (AccordsWorld        *self,
                                                             guint                index,
                                                             double               pixels_per_unit);
/* The country at the projected point (x, y) at this scale, markers first;
 * -1 for the sea */
int                        accords_world_hit_test           (AccordsWorld        *self,
                                                             double               x,
                                                             double               y,
                                                             double               pixels_per_unit);
/* Bytes held by the geometry */
gsize                      accords_world_get_memory_size    (AccordsWorld        *self);

G_END_DECLS
