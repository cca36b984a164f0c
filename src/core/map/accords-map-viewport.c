/* accords-map-viewport.c: which part of the projected world a view shows, and at what scale */
#define G_LOG_DOMAIN "accords-map-viewport"

#include "config.h"

#include "accords-map-viewport.h"
#include "accords-projection.h"

/* room left around the world when it is fitted */
#define FIT_MARGIN 8.0

/* The projected band the whole world is fitted to, from below Cape Horn to
 * the north of Greenland: Antarctica and the polar sea would only push the
 * countries apart.  Zoomed in, the map still pans to the poles. */
static void
get_band (double *south,
          double *north)
{
  double x;

  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_SOUTH, &x, south);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_NORTH, &x, north);
}

double
accords_map_viewport_get_fit_scale (const AccordsMapViewport *self)
{
  double half_w, half_h, south, north, sx, sy;

  accords_projection_get_extent (&half_w, &half_h);
  get_band (&south, &north);
  sx = MAX (self->width - 2 * FIT_MARGIN, 1.0) / (2 * half_w);
  sy = MAX (self->height - 2 * FIT_MARGIN, 1.0) / (north - south);
  return MIN (sx, sy);
}

double
accords_map_viewport_get_zoom (const AccordsMapViewport *self)
{
  return self->scale / accords_map_viewport_get_fit_scale (self);
}

void
accords_map_viewport_init (AccordsMapViewport *self,
                           double              width,
                           double              height)
{
  self->width = MAX (width, 1.0);
  self->height = MAX (height, 1.0);
  self->scale = accords_map_viewport_get_fit_scale (self);
  self->center_x = 0;
  self->center_y = 0;
  self->bottom_inset = 0;
  accords_map_viewport_clamp (self);
}

void
accords_map_viewport_set_bottom_inset (AccordsMapViewport *self,
                                       double              inset)
{
  self->bottom_inset = CLAMP (inset, 0, self->height / 2);
  accords_map_viewport_clamp (self);
}

void
accords_map_viewport_resize (AccordsMapViewport *self,
                             double              width,
                             double              height)
{
  double zoom = self->scale > 0 ? accords_map_viewport_get_zoom (self) : 1.0;

  self->width = MAX (width, 1.0);
  self->height = MAX (height, 1.0);
  self->scale = zoom * accords_map_viewport_get_fit_scale (self);
  accords_map_viewport_clamp (self);
}

void
accords_map_viewport_to_view (const AccordsMapViewport *self,
                              double                    x,
                              double                    y,
                              double                   *view_x,
                              double                   *view_y)
{
  *view_x = self->width / 2 + (x - self->center_x) * self->scale;
  *view_y = self->height / 2 - (y - self->center_y) * self->scale;
}

void
accords_map_viewport_from_view (const AccordsMapViewport *self,
                                double                    view_x,
                                double                    view_y,
                                double                   *x,
                                double                   *y)
{
  *x = self->center_x + (view_x - self->width / 2) / self->scale;
  *y = self->center_y - (view_y - self->height / 2) / self->scale;
}

void
accords_map_viewport_clamp (AccordsMapViewport *self)
{
  double fit = accords_map_viewport_get_fit_scale (self);
  double half_w, half_h, south, north, room_x, room_y, band;

  self->scale = CLAMP (self->scale, fit, fit * ACCORDS_MAP_VIEWPORT_MAX_ZOOM);

  /* the world may not leave the view: where it is smaller than the view it
   * stays centred (the band of countries, vertically), elsewhere its edges
   * stay beyond the view's */
  accords_projection_get_extent (&half_w, &half_h);
  get_band (&south, &north);
  room_x = half_w - (self->width / 2 - FIT_MARGIN) / self->scale;
  room_y = half_h - (self->height / 2 - FIT_MARGIN) / self->scale;
  self->center_x = room_x > 0 ? CLAMP (self->center_x, -room_x, room_x) : 0;
  band = (north - south) * self->scale;
  if (band <= self->height - 2 * FIT_MARGIN + 1e-6)
    {
      /* centred in what the overlays leave, or else at the top */
      if (band <= self->height - self->bottom_inset - 2 * FIT_MARGIN)
        self->center_y = (north + south) / 2 - self->bottom_inset / 2 / self->scale;
      else
        self->center_y = north - (self->height / 2 - FIT_MARGIN) / self->scale;
    }
  else
    self->center_y = CLAMP (self->center_y, -room_y, room_y);
}

void
accords_map_viewport_zoom_at (AccordsMapViewport *self,
                              double              factor,
                              double              view_x,
                              double              view_y)
{
  double x, y, nx, ny;

  if (!(factor > 0))
    return;
  accords_map_viewport_from_view (self, view_x, view_y, &x, &y);
  self->scale *= factor;
  accords_map_viewport_clamp (self);
  /* move so that (x, y) is back under the pointer */
  accords_map_viewport_from_view (self, view_x, view_y, &nx, &ny);
  self->center_x += x - nx;
  self->center_y += y - ny;
  accords_map_viewport_clamp (self);
}

void
accords_map_viewport_pan (AccordsMapViewport *self,
                          double              dx,
                          double              dy)
{
  self->center_x -= dx / self->scale;
  self->center_y += dy / self->scale;
  accords_map_viewport_clamp (self);
}

void
accords_map_viewport_show_rect (AccordsMapViewport *self,
                                double              x0,
                                double              y0,
                                double              x1,
                                double              y1,
                                double              margin)
{
  double w = MAX (x1 - x0, 1e-6), h = MAX (y1 - y0, 1e-6);

  self->scale = MIN (MAX (self->width - 2 * margin, 1.0) / w,
                     MAX (self->height - 2 * margin, 1.0) / h);
  self->center_x = (x0 + x1) / 2;
  self->center_y = (y0 + y1) / 2;
  accords_map_viewport_clamp (self);
}
