/* accords-map-renderer.c: draws the world map with cairo, for the screen, exports and benchmarks */
#define G_LOG_DOMAIN "accords-map-renderer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "accords-map-renderer.h"
#include "accords-projection.h"
#include "accords-status-colors.h"

/* Rings smaller than this, in pixels, are not worth drawing */
#define MIN_RING_PIXELS 0.6
#define LEGEND_MARGIN 12.0

typedef struct {
  GdkRGBA background;   /* around the globe, in exports */
  GdkRGBA sea;
  GdkRGBA graticule;
  GdkRGBA border;       /* between countries */
  GdkRGBA coast;
  GdkRGBA edge;         /* the globe's outline */
  GdkRGBA outline;      /* selection, arcs, marker rims */
  GdkRGBA halo;         /* under outlines and arcs, so they show on any fill */
  GdkRGBA hover;
  GdkRGBA text;
  GdkRGBA legend_bg;
} Palette;

struct _AccordsMapRenderer
{
  GObject               parent_instance;

  AccordsWorld         *world;
  AccordsMapModel      *model;
  guint8               *groups;      /* legend entry of each country */
  guint                *by_area;     /* country indices, the largest first */
  GArray               *labels;      /* AccordsMapLabel, as last placed */
  guint8               *drawn_arcs;  /* scratch: arcs stroked in this frame */
  gboolean             *visible;     /* scratch: countries drawn as land in this frame */
  gboolean              dark;
  Palette               palette;
  PangoFontDescription *font;
  int                   selected;
  int                   hovered;
  GArray               *links;
  gboolean              strong_links;
  gboolean              show_legend;
  gboolean              show_labels;
};

G_DEFINE_FINAL_TYPE (AccordsMapRenderer, accords_map_renderer, G_TYPE_OBJECT)

static void
rgba (GdkRGBA *c,
      guint32  rgb,
      double   alpha)
{
  c->red = ((rgb >> 16) & 0xff) / 255.0f;
  c->green = ((rgb >> 8) & 0xff) / 255.0f;
  c->blue = (rgb & 0xff) / 255.0f;
  c->alpha = alpha;
}

static void
set_palette (AccordsMapRenderer *self)
{
  Palette *p = &self->palette;

  if (self->dark)
    {
      rgba (&p->background, 0x1e1e1e, 1);
      /* the land of no agreement stands 3.05:1 against both */
      rgba (&p->sea, 0x0f1820, 1);
      rgba (&p->graticule, 0xffffff, 0.06);
      rgba (&p->border, 0x0f1820, 1);
      rgba (&p->coast, 0x0f1820, 1);
      rgba (&p->edge, 0xffffff, 0.18);
      rgba (&p->outline, 0xffffff, 1);
      rgba (&p->halo, 0x000000, 0.6);
      rgba (&p->hover, 0xffffff, 0.75);
      rgba (&p->text, 0xffffff, 0.92);
      rgba (&p->legend_bg, 0x303030, 0.92);
    }
  else
    {
      rgba (&p->background, 0xfafafa, 1);
      /* light land and sea differ by hue: the lines between them carry
       * the contrast, borders 3.06:1 on the land of no agreement, coasts
       * 3.20:1 on the sea */
      rgba (&p->sea, 0xc6dcec, 1);
      rgba (&p->graticule, 0x000000, 0.05);
      rgba (&p->border, 0x85837e, 1);
      rgba (&p->coast, 0x5b7a92, 1);
      rgba (&p->edge, 0x000000, 0.15);
      rgba (&p->outline, 0x1c1c1c, 1);
      rgba (&p->halo, 0xffffff, 0.8);
      rgba (&p->hover, 0x000000, 0.6);
      rgba (&p->text, 0x000000, 0.85);
      rgba (&p->legend_bg, 0xffffff, 0.92);
    }
}

static void
accords_map_renderer_finalize (GObject *object)
{
  AccordsMapRenderer *self = (AccordsMapRenderer *) object;

  g_clear_object (&self->world);
  g_clear_object (&self->model);
  g_free (self->groups);
  g_free (self->by_area);
  g_clear_pointer (&self->labels, g_array_unref);
  g_free (self->drawn_arcs);
  g_free (self->visible);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (accords_map_renderer_parent_class)->finalize (object);
}

static void
accords_map_renderer_class_init (AccordsMapRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_map_renderer_finalize;
}

static void
accords_map_renderer_init (AccordsMapRenderer *self)
{
  self->selected = -1;
  self->hovered = -1;
  self->show_legend = TRUE;
  self->show_labels = TRUE;
  self->font = pango_font_description_from_string ("Sans 10");
  set_palette (self);
}

static int
compare_area (gconstpointer a,
              gconstpointer b,
              gpointer      world)
{
  double x = accords_world_get_country (world, *(const guint *) a)->area;
  double y = accords_world_get_country (world, *(const guint *) b)->area;

  return x < y ? 1 : x > y ? -1 : 0;
}

AccordsMapRenderer *
accords_map_renderer_new (AccordsWorld    *world,
                          AccordsMapModel *model)
{
  AccordsMapRenderer *self;
  guint n_arcs;

  g_return_val_if_fail (ACCORDS_IS_WORLD (world), NULL);
  g_return_val_if_fail (ACCORDS_IS_MAP_MODEL (model), NULL);

  self = g_object_new (ACCORDS_TYPE_MAP_RENDERER, NULL);
  self->world = g_object_ref (world);
  self->model = g_object_ref (model);
  self->groups = g_new0 (guint8, MAX (accords_world_get_n_countries (world), 1));
  self->visible = g_new0 (gboolean, MAX (accords_world_get_n_countries (world), 1));
  self->by_area = g_new0 (guint, MAX (accords_world_get_n_countries (world), 1));
  for (guint i = 0; i < accords_world_get_n_countries (world); i++)
    self->by_area[i] = i;
  g_qsort_with_data (self->by_area, accords_world_get_n_countries (world), sizeof (guint), compare_area, world);
  self->labels = g_array_new (FALSE, TRUE, sizeof (AccordsMapLabel));
  accords_world_get_arcs (world, &n_arcs);
  self->drawn_arcs = g_new0 (guint8, MAX (n_arcs, 1));
  accords_map_renderer_update_colors (self);
  return self;
}

AccordsWorld *
accords_map_renderer_get_world (AccordsMapRenderer *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_RENDERER (self), NULL);
  return self->world;
}

void
accords_map_renderer_set_dark (AccordsMapRenderer *self,
                               gboolean            dark)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));
  self->dark = !!dark;
  set_palette (self);
}

gboolean
accords_map_renderer_get_dark (AccordsMapRenderer *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_RENDERER (self), FALSE);
  return self->dark;
}

void
accords_map_renderer_set_font (AccordsMapRenderer         *self,
                               const PangoFontDescription *font)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));

  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = font ? pango_font_description_copy (font) : pango_font_description_from_string ("Sans 10");
}

void
accords_map_renderer_update_colors (AccordsMapRenderer *self)
{
  guint n;

  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));

  n = accords_world_get_n_countries (self->world);
  for (guint i = 0; i < n; i++)
    {
      const AccordsWorldCountry *c = accords_world_get_country (self->world, i);

      self->groups[i] = c->code[0] ? accords_map_model_get_legend_entry (self->model, c->code)
                                   : ACCORDS_STATUS_GROUP_NONE;
    }
}

void
accords_map_renderer_get_fill (AccordsMapRenderer *self,
                               guint               index,
                               GdkRGBA            *color)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));
  g_return_if_fail (index < accords_world_get_n_countries (self->world));
  accords_legend_entry_get_color (self->groups[index], self->dark, color);
}

void
accords_map_renderer_set_selected (AccordsMapRenderer *self,
                                   int                 index)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));
  self->selected = index;
}

void
accords_map_renderer_set_hovered (AccordsMapRenderer *self,
                                  int                 index)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));
  self->hovered = index;
}

void
accords_map_renderer_set_links (AccordsMapRenderer *self,
                                GArray             *links,
                                gboolean            strong)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));

  g_clear_pointer (&self->links, g_array_unref);
  if (links)
    self->links = g_array_ref (links);
  self->strong_links = strong;
}

void
accords_map_renderer_set_show_legend (AccordsMapRenderer *self,
                                      gboolean            show_legend)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));
  self->show_legend = show_legend;
}

void
accords_map_renderer_set_show_labels (AccordsMapRenderer *self,
                                      gboolean            show_labels)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));
  self->show_labels = show_labels;
}

/* Drawing */

typedef struct {
  double s, bx, by;           /* view = (x * s + bx, by - y * s) */
  double x0, y0, x1, y1;      /* the projected part in view */
  guint8 level;
} Frame;

static void
frame_init (Frame                    *f,
            AccordsWorld             *world,
            const AccordsMapViewport *vp)
{
  f->s = vp->scale;
  f->bx = vp->width / 2 - vp->center_x * vp->scale;
  f->by = vp->height / 2 + vp->center_y * vp->scale;
  f->x0 = -f->bx / f->s;
  f->x1 = (vp->width - f->bx) / f->s;
  f->y0 = (f->by - vp->height) / f->s;
  f->y1 = f->by / f->s;
  f->level = accords_world_level_for_scale (world, f->s);
}

static inline gboolean
frame_sees (const Frame *f,
            double       x0,
            double       y0,
            double       x1,
            double       y1)
{
  return x1 >= f->x0 && x0 <= f->x1 && y1 >= f->y0 && y0 <= f->y1;
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* Thin lines.  cairo strokes a map's tens of thousands of short segments
 * slowly; drawn straight into an image surface with Xiaolin Wu's
 * antialiased lines they cost a few pixels each.  Other surfaces (SVG, the
 * recording surfaces of render nodes) get cairo strokes, one per line. */
typedef struct {
  cairo_t  *cr;
  guint32  *data;           /* NULL: stroke with cairo */
  int       stride;         /* in pixels */
  int       width, height;
  double    xx, yy, dx, dy; /* device = user * (xx, yy) + (dx, dy) */
  guint32   r, g, b, a;     /* premultiplied, 0..255 */
  gboolean  open;           /* a cairo line is on the path */
  double    last_x, last_y; /* device */
} Lines;

static void
lines_begin (Lines         *l,
             cairo_t       *cr,
             const GdkRGBA *color)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double ox = 0, oy = 0, ux = 1, uy = 0, vx = 0, vy = 1;

  memset (l, 0, sizeof *l);
  l->cr = cr;
  set_color (cr, color);
  cairo_set_line_width (cr, 1.0);

  cairo_user_to_device (cr, &ox, &oy);
  cairo_user_to_device (cr, &ux, &uy);
  cairo_user_to_device (cr, &vx, &vy);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      fabs (uy - oy) > 1e-9 || fabs (vx - ox) > 1e-9)
    return;   /* not a plain scaled image: cairo strokes */

  cairo_surface_flush (target);
  l->data = (guint32 *) cairo_image_surface_get_data (target);
  l->stride = cairo_image_surface_get_stride (target) / 4;
  l->width = cairo_image_surface_get_width (target);
  l->height = cairo_image_surface_get_height (target);
  l->xx = ux - ox;
  l->yy = vy - oy;
  l->dx = ox;
  l->dy = oy;
  l->a = (guint32) (CLAMP (color->alpha, 0, 1) * 255 + 0.5);
  l->r = (guint32) (CLAMP (color->red, 0, 1) * l->a + 0.5);
  l->g = (guint32) (CLAMP (color->green, 0, 1) * l->a + 0.5);
  l->b = (guint32) (CLAMP (color->blue, 0, 1) * l->a + 0.5);
}

static inline void
plot (Lines  *l,
      int     x,
      int     y,
      double  coverage)
{
  guint32 *px, d, k, inv;

  if ((guint) x >= (guint) l->width || (guint) y >= (guint) l->height || coverage <= 0)
    return;
  px = &l->data[y * l->stride + x];
  d = *px;
  k = (guint32) (coverage * 256);
  k = MIN (k, 256);
  inv = 256 - ((l->a * k) >> 8);
  *px = ((((d >> 24) & 0xff) * inv >> 8) + ((l->a * k) >> 8)) << 24 |
        ((((d >> 16) & 0xff) * inv >> 8) + ((l->r * k) >> 8)) << 16 |
        ((((d >> 8) & 0xff) * inv >> 8) + ((l->g * k) >> 8)) << 8 |
        (((d & 0xff) * inv >> 8) + ((l->b * k) >> 8));
}

static void
wu_line (Lines  *l,
         double  x0,
         double  y0,
         double  x1,
         double  y1)
{
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  double gradient, intery;
  int xa, xb;

  /* off the image */
  if ((x0 < -1 && x1 < -1) || (y0 < -1 && y1 < -1) ||
      (x0 > l->width + 1 && x1 > l->width + 1) || (y0 > l->height + 1 && y1 > l->height + 1))
    return;
  if (steep)
    {
      double t;
      t = x0, x0 = y0, y0 = t;
      t = x1, x1 = y1, y1 = t;
    }
  if (x0 > x1)
    {
      double t;
      t = x0, x0 = x1, x1 = t;
      t = y0, y0 = y1, y1 = t;
    }
  gradient = x1 - x0 < 1e-9 ? 1.0 : (y1 - y0) / (x1 - x0);

  /* pixel centres sit at half coordinates: shift so they fall on integers */
  x0 -= 0.5, y0 -= 0.5, x1 -= 0.5, y1 -= 0.5;
  xa = (int) floor (x0 + 0.5);
  xb = (int) floor (x1 + 0.5);
  if (xa == xb)
    {
      /* shorter than a pixel: a dot weighted by its length */
      double len = x1 - x0, yc = (y0 + y1) / 2, f = yc - floor (yc);
      int yi = (int) floor (yc);

      if (steep)
        plot (l, yi, xa, (1 - f) * len), plot (l, yi + 1, xa, f * len);
      else
        plot (l, xa, yi, (1 - f) * len), plot (l, xa, yi + 1, f * len);
      return;
    }
  intery = y0 + gradient * (xa - x0);
  for (int x = xa; x <= xb; x++, intery += gradient)
    {
      /* the end pixels only as much as the line covers them */
      double w = x == xa ? (xa + 0.5 - x0) : x == xb ? (x1 - (xb - 0.5)) : 1.0;
      int yi = (int) floor (intery);
      double f = intery - yi;

      if (steep)
        plot (l, yi, x, (1 - f) * w), plot (l, yi + 1, x, f * w);
      else
        plot (l, x, yi, (1 - f) * w), plot (l, x, yi + 1, f * w);
    }
}

static inline void
lines_move_to (Lines  *l,
               double  x,
               double  y)
{
  if (l->data == NULL)
    {
      if (l->open)
        cairo_stroke (l->cr);
      cairo_move_to (l->cr, x, y);
      l->open = TRUE;
      return;
    }
  l->last_x = x * l->xx + l->dx;
  l->last_y = y * l->yy + l->dy;
}

static inline void
lines_line_to (Lines  *l,
               double  x,
               double  y)
{
  double dx, dy;

  if (l->data == NULL)
    {
      cairo_line_to (l->cr, x, y);
      return;
    }
  dx = x * l->xx + l->dx;
  dy = y * l->yy + l->dy;
  wu_line (l, l->last_x, l->last_y, dx, dy);
  l->last_x = dx;
  l->last_y = dy;
}

static void
lines_end (Lines *l)
{
  if (l->data == NULL)
    {
      if (l->open)
        cairo_stroke (l->cr);
      return;
    }
  cairo_surface_mark_dirty (cairo_get_target (l->cr));
}

static void
add_ring (cairo_t                *cr,
          AccordsWorld           *world,
          const AccordsWorldRing *ring,
          const Frame            *f)
{
  const AccordsWorldPoint *pts = accords_world_get_points (world, NULL);
  const guint8 *levels = accords_world_get_levels (world);
  const AccordsWorldArc *arcs = accords_world_get_arcs (world, NULL);
  const gint32 *refs = accords_world_get_refs (world, NULL);
  gboolean started = FALSE;

  for (guint j = ring->first_ref; j < ring->first_ref + ring->n_refs; j++)
    {
      gint32 ref = refs[j];
      const AccordsWorldArc *arc = &arcs[ref >= 0 ? ref : ~ref];
      guint n = arc->n_points;

      for (guint k = started ? 1 : 0; k < n; k++)
        {
          guint p = ref >= 0 ? arc->first + k : arc->first + n - 1 - k;
          double vx, vy;

          if (k > 0 && k + 1 < n && levels[p] < f->level)
            continue;
          vx = pts[p].x * f->s + f->bx;
          vy = f->by - pts[p].y * f->s;
          if (!started)
            {
              cairo_move_to (cr, vx, vy);
              started = TRUE;
            }
          else
            cairo_line_to (cr, vx, vy);
        }
    }
  cairo_close_path (cr);
}

static void
draw_arc_line (Lines                 *l,
               AccordsWorld          *world,
               const AccordsWorldArc *arc,
               const Frame           *f)
{
  const AccordsWorldPoint *pts = accords_world_get_points (world, NULL);
  const guint8 *levels = accords_world_get_levels (world);
  guint n = arc->n_points;

  for (guint k = 0; k < n; k++)
    {
      guint p = arc->first + k;

      if (k > 0 && k + 1 < n && levels[p] < f->level)
        continue;
      if (k == 0)
        lines_move_to (l, pts[p].x * f->s + f->bx, f->by - pts[p].y * f->s);
      else
        lines_line_to (l, pts[p].x * f->s + f->bx, f->by - pts[p].y * f->s);
    }
}

static gboolean
ring_worth_drawing (const AccordsWorldRing *ring,
                    const Frame            *f)
{
  return frame_sees (f, ring->x0, ring->y0, ring->x1, ring->y1) &&
         ((ring->x1 - ring->x0) * f->s >= MIN_RING_PIXELS || (ring->y1 - ring->y0) * f->s >= MIN_RING_PIXELS);
}

static void
add_country (AccordsMapRenderer        *self,
             cairo_t                   *cr,
             const AccordsWorldCountry *c,
             const Frame               *f)
{
  const AccordsWorldRing *rings = accords_world_get_rings (self->world, NULL);

  for (guint k = c->first_ring; k < c->first_ring + c->n_rings; k++)
    if (ring_worth_drawing (&rings[k], f))
      add_ring (cr, self->world, &rings[k], f);
}

/* The globe's outline: the antimeridian on both sides */
static void
add_globe (cairo_t     *cr,
           const Frame *f)
{
  for (int side = 0; side < 2; side++)
    for (int i = 0; i <= 180; i++)
      {
        double lat = side == 0 ? -90 + i : 90 - i;
        double x, y;

        accords_projection_forward (side == 0 ? -180 : 180, lat, &x, &y);
        if (side == 0 && i == 0)
          cairo_move_to (cr, x * f->s + f->bx, f->by - y * f->s);
        else
          cairo_line_to (cr, x * f->s + f->bx, f->by - y * f->s);
      }
  cairo_close_path (cr);
}

static void
draw_graticule (AccordsMapRenderer *self,
                cairo_t            *cr,
                const Frame        *f)
{
  Lines l;

  lines_begin (&l, cr, &self->palette.graticule);
  for (int lon = -150; lon <= 150; lon += 30)
    for (int lat = -90; lat <= 90; lat += 2)
      {
        double x, y;

        accords_projection_forward (lon, lat, &x, &y);
        if (lat == -90)
          lines_move_to (&l, x * f->s + f->bx, f->by - y * f->s);
        else
          lines_line_to (&l, x * f->s + f->bx, f->by - y * f->s);
      }
  for (int lat = -60; lat <= 60; lat += 30)
    {
      double x, y;

      accords_projection_forward (-180, lat, &x, &y);
      lines_move_to (&l, x * f->s + f->bx, f->by - y * f->s);
      accords_projection_forward (180, lat, &x, &y);
      lines_line_to (&l, x * f->s + f->bx, f->by - y * f->s);
    }
  lines_end (&l);
}

/* The globe's edge, as thin lines */
static void
draw_globe_edge (AccordsMapRenderer *self,
                 cairo_t            *cr,
                 const Frame        *f)
{
  Lines l;

  lines_begin (&l, cr, &self->palette.edge);
  for (int side = 0; side < 2; side++)
    for (int i = 0; i <= 180; i++)
      {
        double x, y;

        accords_projection_forward (side == 0 ? -180 : 180, -90 + i, &x, &y);
        if (i == 0)
          lines_move_to (&l, x * f->s + f->bx, f->by - y * f->s);
        else
          lines_line_to (&l, x * f->s + f->bx, f->by - y * f->s);
      }
  lines_end (&l);
}

static double
marker_radius (AccordsMapRenderer        *self,
               const AccordsWorldCountry *c,
               guint                      index)
{
  if (g_str_equal (c->code, "EU"))
    return ACCORDS_WORLD_MARKER_RADIUS * 2.0;
  /* places without agreements stay discreet */
  return self->groups[index] == ACCORDS_STATUS_GROUP_NONE ? ACCORDS_WORLD_MARKER_RADIUS * 0.55
                                                          : ACCORDS_WORLD_MARKER_RADIUS;
}

static void
draw_markers (AccordsMapRenderer *self,
              cairo_t            *cr,
              const Frame        *f)
{
  guint n = accords_world_get_n_countries (self->world);

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < n; i++)
    {
      const AccordsWorldCountry *c = accords_world_get_country (self->world, i);
      double vx, vy, r;
      GdkRGBA fill;

      if (!accords_world_shows_marker (self->world, i, f->s))
        continue;
      vx = c->anchor_x * f->s + f->bx;
      vy = f->by - c->anchor_y * f->s;
      r = marker_radius (self, c, i);
      if (!frame_sees (f, c->anchor_x - (r + 2) / f->s, c->anchor_y - (r + 2) / f->s,
                       c->anchor_x + (r + 2) / f->s, c->anchor_y + (r + 2) / f->s))
        continue;
      accords_legend_entry_get_color (self->groups[i], self->dark, &fill);
      cairo_new_sub_path (cr);
      cairo_arc (cr, vx, vy, r, 0, 2 * G_PI);
      set_color (cr, &fill);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, self->palette.outline.red, self->palette.outline.green,
                             self->palette.outline.blue, self->groups[i] ? 0.7 : 0.25);
      cairo_stroke (cr);

      if (g_str_equal (c->code, "EU"))
        {
          PangoLayout *layout = pango_cairo_create_layout (cr);
          PangoFontDescription *font = pango_font_description_copy (self->font);
          int w, h;

          pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
          pango_font_description_set_absolute_size (font, r * 0.95 * PANGO_SCALE);
          pango_layout_set_font_description (layout, font);
          pango_layout_set_text (layout, "EU", -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          cairo_move_to (cr, vx - w / 2.0, vy - h / 2.0);
          /* dark text on light fills, light on the neutral one in dark style */
          if (self->dark && self->groups[i] == ACCORDS_STATUS_GROUP_NONE)
            cairo_set_source_rgb (cr, 1, 1, 1);
          else
            cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          pango_cairo_show_layout (cr, layout);
          pango_font_description_free (font);
          g_object_unref (layout);
        }
    }
}

/* Country names, largest country first, where they fit and overlap no
 * name already placed: a greedy placement, so the names come in as the map
 * zooms, the big countries' first */
#define LABEL_MIN_AREA 700.0   /* square pixels of land a name needs */
#define LABEL_PAD 3.0

static gboolean
label_overlaps (GArray                *labels,
                const AccordsMapLabel *l)
{
  for (guint k = 0; k < labels->len; k++)
    {
      const AccordsMapLabel *o = &g_array_index (labels, AccordsMapLabel, k);

      if (l->x < o->x + o->width + LABEL_PAD && o->x < l->x + l->width + LABEL_PAD &&
          l->y < o->y + o->height + LABEL_PAD && o->y < l->y + l->height + LABEL_PAD)
        return TRUE;
    }
  return FALSE;
}

static void
draw_labels (AccordsMapRenderer       *self,
             cairo_t                  *cr,
             const Frame              *f,
             const AccordsMapViewport *vp)
{
  AccordsCountryList *countries = accords_map_model_get_countries (self->model);
  guint n = accords_world_get_n_countries (self->world);
  PangoFontDescription *font = pango_font_description_copy (self->font);
  PangoLayout *layout = pango_cairo_create_layout (cr);

  g_array_set_size (self->labels, 0);
  if (pango_font_description_get_size (font) > 0)
    pango_font_description_set_size (font, pango_font_description_get_size (font) * 0.85);
  pango_layout_set_font_description (layout, font);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint k = 0; k < n; k++)
    {
      guint i = self->by_area[k];
      const AccordsWorldCountry *c = accords_world_get_country (self->world, i);
      AccordsCountry *country;
      AccordsMapLabel label = { 0 };
      double x, y, vx, vy;
      int w, h;

      if (c->area * f->s * f->s < LABEL_MIN_AREA)
        break;   /* the rest are smaller still */
      /* Antarctica lies below the band the map is fitted to */
      if (!self->visible[i] || c->code[0] == '\0' || c->lat < ACCORDS_MAP_VIEWPORT_SOUTH)
        continue;
      country = accords_country_list_lookup (countries, c->code);
      pango_layout_set_text (layout, country ? accords_country_get_name (country) : c->name, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* a name much wider than its country would read as its neighbours' */
      if (w > (c->x1 - c->x0) * f->s * 1.5 || h > (c->y1 - c->y0) * f->s * 1.2)
        continue;
      accords_projection_forward (c->lon, c->lat, &x, &y);
      vx = x * f->s + f->bx;
      vy = f->by - y * f->s;
      label.index = i;
      label.x = round (vx - w / 2.0);
      label.y = round (vy - h / 2.0);
      label.width = w;
      label.height = h;
      if (label.x < 0 || label.y < 0 || label.x + w > vp->width || label.y + h > vp->height ||
          label_overlaps (self->labels, &label))
        continue;
      g_array_append_val (self->labels, label);

      /* a halo keeps the name readable on every fill and border */
      cairo_move_to (cr, label.x, label.y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_width (cr, 3);
      set_color (cr, &self->palette.halo);
      cairo_stroke (cr);
      cairo_move_to (cr, label.x, label.y);
      set_color (cr, &self->palette.text);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
  pango_font_description_free (font);
}

const AccordsMapLabel *
accords_map_renderer_get_labels (AccordsMapRenderer *self,
                                 guint              *n_labels)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_RENDERER (self), NULL);

  if (n_labels)
    *n_labels = self->labels->len;
  return (const AccordsMapLabel *) (gpointer) self->labels->data;
}

const guint accords_map_legend_order[ACCORDS_MAP_N_LEGEND_ENTRIES] = {
  ACCORDS_STATUS_GROUP_IMPLEMENTED,
  ACCORDS_STATUS_GROUP_IN_FORCE,
  ACCORDS_STATUS_GROUP_SIGNED,
  ACCORDS_STATUS_GROUP_EARLY,
  ACCORDS_STATUS_GROUP_SUSPENDED,
  ACCORDS_STATUS_GROUP_ENDED,
  ACCORDS_STATUS_GROUP_STRUCK_DOWN,
  ACCORDS_MAP_LEGEND_UNSTATED,
  ACCORDS_STATUS_GROUP_NONE,
};

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_legend (AccordsMapRenderer       *self,
             cairo_t                  *cr,
             const AccordsMapViewport *vp)
{
  const guint n = G_N_ELEMENTS (accords_map_legend_order);
  PangoLayout *layouts[G_N_ELEMENTS (accords_map_legend_order)];
  guint filter = accords_map_model_get_status_filter (self->model);
  double pad = 8, swatch = 12, gap = 6, col_gap = 14, row_h = 0, label_w = 0;
  double box_w, box_h, x, y;
  guint cols, rows;

  if (vp->height < 200 || vp->width < 240)
    return;

  for (guint i = 0; i < n; i++)
    {
      int w, h;

      layouts[i] = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (layouts[i], self->font);
      pango_layout_set_text (layouts[i], accords_map_legend_entry_get_label (accords_map_legend_order[i]), -1);
      pango_layout_get_pixel_size (layouts[i], &w, &h);
      label_w = MAX (label_w, w);
      row_h = MAX (row_h, MAX (h, swatch) + 4);
    }

  /* two columns on wide views, where the map leaves little height; one on
   * tall, narrow ones, where it leaves room below the map */
  {
    double one_w = 2 * pad + swatch + gap + label_w, one_h = 2 * pad + n * row_h;
    double two_w = 2 * pad + 2 * (swatch + gap + label_w) + col_gap, two_h = 2 * pad + (n + 1) / 2 * row_h;
    double room_w = vp->width - 2 * LEGEND_MARGIN;

    if (two_w <= room_w && (vp->width >= vp->height || one_h > vp->height * 0.45))
      cols = 2, box_w = two_w, box_h = two_h;
    else if (one_w <= room_w && one_h <= vp->height * 0.6)
      cols = 1, box_w = one_w, box_h = one_h;
    else if (two_w <= room_w && two_h <= vp->height * 0.6)
      cols = 2, box_w = two_w, box_h = two_h;
    else
      goto out;
  }
  rows = (n + cols - 1) / cols;
  x = LEGEND_MARGIN;
  y = vp->height - LEGEND_MARGIN - box_h;

  rounded_rect (cr, x, y, box_w, box_h, 8);
  set_color (cr, &self->palette.legend_bg);
  cairo_fill_preserve (cr);
  set_color (cr, &self->palette.edge);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      guint col = i / rows, row = i % rows;
      double cx = x + pad + col * (swatch + gap + label_w + col_gap);
      double cy = y + pad + row * row_h;
      gboolean dim = filter != ACCORDS_STATUS_GROUP_NONE && accords_map_legend_order[i] != filter &&
                     accords_map_legend_order[i] != ACCORDS_STATUS_GROUP_NONE;
      GdkRGBA fill;
      int w, h;

      accords_legend_entry_get_color (accords_map_legend_order[i], self->dark, &fill);
      fill.alpha = dim ? 0.3 : 1;
      rounded_rect (cr, cx, cy + (row_h - swatch) / 2, swatch, swatch, 3);
      set_color (cr, &fill);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, dim ? 0.1 : 0.3);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layouts[i], &w, &h);
      cairo_move_to (cr, cx + swatch + gap, cy + (row_h - h) / 2);
      cairo_set_source_rgba (cr, self->palette.text.red, self->palette.text.green, self->palette.text.blue,
                             self->palette.text.alpha * (dim ? 0.4 : 1));
      pango_cairo_show_layout (cr, layouts[i]);
    }

out:
  for (guint i = 0; i < n; i++)
    g_object_unref (layouts[i]);
}

void
accords_map_renderer_render_base (AccordsMapRenderer       *self,
                                  cairo_t                  *cr,
                                  const AccordsMapViewport *viewport)
{
  guint n = accords_world_get_n_countries (self->world);
  guint n_arcs;
  const AccordsWorldArc *arcs = accords_world_get_arcs (self->world, &n_arcs);
  const AccordsWorldRing *rings = accords_world_get_rings (self->world, NULL);
  const gint32 *refs = accords_world_get_refs (self->world, NULL);
  Lines lines;
  Frame f;

  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));

  frame_init (&f, self->world, viewport);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);

  /* the sea, inside the globe's outline */
  add_globe (cr, &f);
  set_color (cr, &self->palette.sea);
  cairo_fill (cr);
  draw_graticule (self, cr, &f);

  /* land, one fill per colour: the fewer fills, the faster */
  for (guint i = 0; i < n; i++)
    {
      const AccordsWorldCountry *c = accords_world_get_country (self->world, i);

      self->visible[i] = c->n_rings > 0 && frame_sees (&f, c->x0, c->y0, c->x1, c->y1) &&
                         !accords_world_shows_marker (self->world, i, f.s);
    }
  /* every edge of the land lies under a border or a coast line, which is
   * antialiased: the fills need not be, and are much faster without */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint g = 0; g < ACCORDS_MAP_N_LEGEND_ENTRIES; g++)
    {
      gboolean any = FALSE;
      GdkRGBA fill;

      for (guint i = 0; i < n; i++)
        if (self->visible[i] && self->groups[i] == g)
          {
            add_country (self, cr, accords_world_get_country (self->world, i), &f);
            any = TRUE;
          }
      if (!any)
        continue;
      accords_legend_entry_get_color (g, self->dark, &fill);
      set_color (cr, &fill);
      cairo_fill (cr);
    }

  /* borders, then coasts, each arc once, one pixel wide at every zoom */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  memset (self->drawn_arcs, 0, n_arcs);
  for (int coasts = 0; coasts < 2; coasts++)
    {
      lines_begin (&lines, cr, coasts ? &self->palette.coast : &self->palette.border);
      for (guint i = 0; i < n; i++)
        {
          const AccordsWorldCountry *c = accords_world_get_country (self->world, i);

          if (!self->visible[i])
            continue;
          for (guint k = c->first_ring; k < c->first_ring + c->n_rings; k++)
            {
              if (!ring_worth_drawing (&rings[k], &f))
                continue;
              for (guint j = rings[k].first_ref; j < rings[k].first_ref + rings[k].n_refs; j++)
                {
                  guint a = refs[j] >= 0 ? (guint) refs[j] : (guint) ~refs[j];

                  if (self->drawn_arcs[a] || (arcs[a].flags & ACCORDS_WORLD_ARC_INTERNAL) ||
                      !!(arcs[a].flags & ACCORDS_WORLD_ARC_COAST) != coasts)
                    continue;
                  self->drawn_arcs[a] = 1;
                  draw_arc_line (&lines, self->world, &arcs[a], &f);
                }
            }
        }
      lines_end (&lines);
    }
  draw_globe_edge (self, cr, &f);

  draw_markers (self, cr, &f);
  g_array_set_size (self->labels, 0);
  if (self->show_labels)
    draw_labels (self, cr, &f, viewport);
  if (self->show_legend)
    draw_legend (self, cr, viewport);
  cairo_restore (cr);
}

static void
outline_country (AccordsMapRenderer *self,
                 cairo_t            *cr,
                 guint               index,
                 const Frame        *f,
                 const GdkRGBA      *color,
                 double              width)
{
  const AccordsWorldCountry *c = accords_world_get_country (self->world, index);

  if (accords_world_shows_marker (self->world, index, f->s))
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, c->anchor_x * f->s + f->bx, f->by - c->anchor_y * f->s,
                 marker_radius (self, c, index) + 2.5, 0, 2 * G_PI);
    }
  else
    add_country (self, cr, c, f);
  cairo_set_line_width (cr, width + 2);
  set_color (cr, &self->palette.halo);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, width);
  set_color (cr, color);
  cairo_stroke (cr);
}

static void
draw_link (AccordsMapRenderer *self,
           cairo_t            *cr,
           const Frame        *f,
           int                 from,
           int                 to)
{
  const AccordsWorldCountry *a = accords_world_get_country (self->world, from);
  const AccordsWorldCountry *b = accords_world_get_country (self->world, to);
  double ax = a->anchor_x * f->s + f->bx, ay = f->by - a->anchor_y * f->s;
  double bx = b->anchor_x * f->s + f->bx, by = f->by - b->anchor_y * f->s;
  double dx = bx - ax, dy = by - ay, len = hypot (dx, dy);
  double nx, ny, qx, qy, tx, ty, tl, width = self->strong_links ? 2.5 : 1.5;
  double head = self->strong_links ? 9 : 6;
  GdkRGBA color = self->palette.outline;

  if (len < 1)
    return;
  /* bow the arc to the north of the straight line, by a quarter of it */
  nx = -dy / len, ny = dx / len;
  if (ny > 0)
    nx = -nx, ny = -ny;
  qx = (ax + bx) / 2 + nx * len * 0.25;
  qy = (ay + by) / 2 + ny * len * 0.25;
  /* stop short of the end, where the arrowhead goes */
  tx = bx - qx, ty = by - qy;
  tl = hypot (tx, ty);
  tx /= tl, ty /= tl;

  if (!self->strong_links)
    color.alpha = 0.7;
  for (int pass = 0; pass < 2; pass++)
    {
      double ex = bx - tx * head * 0.8, ey = by - ty * head * 0.8;

      cairo_move_to (cr, ax, ay);
      cairo_curve_to (cr, ax + 2.0 / 3 * (qx - ax), ay + 2.0 / 3 * (qy - ay),
                      ex + 2.0 / 3 * (qx - ex), ey + 2.0 / 3 * (qy - ey), ex, ey);
      cairo_set_line_width (cr, pass == 0 ? width + 3 : width);
      set_color (cr, pass == 0 ? &self->palette.halo : &color);
      cairo_stroke (cr);

      /* the arrowhead at the receiving end, a dot at the sending one */
      cairo_move_to (cr, bx, by);
      cairo_line_to (cr, bx - tx * head - ty * head * 0.5, by - ty * head + tx * head * 0.5);
      cairo_line_to (cr, bx - tx * head + ty * head * 0.5, by - ty * head - tx * head * 0.5);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, ax, ay, width + 1, 0, 2 * G_PI);
      if (pass == 0)
        {
          cairo_set_line_width (cr, 3);
          set_color (cr, &self->palette.halo);
          cairo_stroke_preserve (cr);
        }
      else
        {
          set_color (cr, &color);
        }
      cairo_fill (cr);
    }
}

void
accords_map_renderer_render_overlay (AccordsMapRenderer       *self,
                                     cairo_t                  *cr,
                                     const AccordsMapViewport *viewport)
{
  Frame f;

  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));

  frame_init (&f, self->world, viewport);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);

  if (self->hovered >= 0 && self->hovered != self->selected)
    outline_country (self, cr, self->hovered, &f, &self->palette.hover, 1.5);
  if (self->selected >= 0)
    outline_country (self, cr, self->selected, &f, &self->palette.outline, 2.5);

  for (guint i = 0; self->links && i < self->links->len; i++)
    {
      const AccordsMapLink *link = &g_array_index (self->links, AccordsMapLink, i);
      int from = accords_world_find (self->world, link->from);
      int to = accords_world_find (self->world, link->to);

      if (from >= 0 && to >= 0)
        draw_link (self, cr, &f, from, to);
    }
  cairo_restore (cr);
}

void
accords_map_renderer_render (AccordsMapRenderer       *self,
                             cairo_t                  *cr,
                             const AccordsMapViewport *viewport,
                             const char               *caption)
{
  g_return_if_fail (ACCORDS_IS_MAP_RENDERER (self));

  cairo_save (cr);
  set_color (cr, &self->palette.background);
  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  cairo_fill (cr);
  accords_map_renderer_render_base (self, cr, viewport);
  accords_map_renderer_render_overlay (self, cr, viewport);

  if (caption)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_copy (self->font);
      /* TRANSLATORS: the credit for the map's shapes in exported images */
      const char *credit = _("Made with Natural Earth");
      int w, h;

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_font_description_set_size (font, pango_font_description_get_size (font) * 1.3);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, caption, -1);
      cairo_move_to (cr, LEGEND_MARGIN, LEGEND_MARGIN);
      set_color (cr, &self->palette.text);
      pango_cairo_show_layout (cr, layout);

      pango_layout_set_font_description (layout, self->font);
      pango_layout_set_text (layout, credit, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, viewport->width - LEGEND_MARGIN - w, viewport->height - LEGEND_MARGIN - h);
      cairo_set_source_rgba (cr, self->palette.text.red, self->palette.text.green, self->palette.text.blue, 0.6);
      pango_cairo_show_layout (cr, layout);
      pango_font_description_free (font);
      g_object_unref (layout);
    }
  cairo_restore (cr);
}
