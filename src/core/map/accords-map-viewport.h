/* accords-map-viewport.h: which part of the projected world a view shows, and at what scale */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The closest zoom, as a multiple of the scale that fits the whole world */
#define ACCORDS_MAP_VIEWPORT_MAX_ZOOM 48.0
/* The latitudes the whole world is fitted between */
#define ACCORDS_MAP_VIEWPORT_SOUTH (-58.0)
#define ACCORDS_MAP_VIEWPORT_NORTH 84.0

typedef struct {
  double width, height;        /* of the view, in pixels */
  double scale;                /* pixels per projected unit */
  double center_x, center_y;   /* the projected point at the middle of the view */
  double bottom_inset;         /* pixels at the bottom that overlays cover (the legend) */
} AccordsMapViewport;

/* Shows the whole world, fitted and centred: its whole width, and the
 * latitudes from ACCORDS_MAP_VIEWPORT_SOUTH to _NORTH; no bottom inset */
void   accords_map_viewport_init          (AccordsMapViewport *self,
                                           double              width,
                                           double              height);
/* Keeps the map clear of the bottom pixels overlays cover, where the
 * view has height to spare: the fitted band of countries sits above them */
void   accords_map_viewport_set_bottom_inset (AccordsMapViewport *self,
                                              double              inset);
/* Keeps the centre and the zoom */
void   accords_map_viewport_resize        (AccordsMapViewport *self,
                                           double              width,
                                           double              height);
double accords_map_viewport_get_fit_scale (const AccordsMapViewport *self);
/* 1 for the whole world */
double accords_map_viewport_get_zoom      (const AccordsMapViewport *self);
void   accords_map_viewport_to_view       (const AccordsMapViewport *self,
                                           double              x,
                                           double              y,
                                           double             *view_x,
                                           double             *view_y);
void   accords_map_viewport_from_view     (const AccordsMapViewport *self,
                                           double              view_x,
                                           double              view_y,
                                           double             *x,
                                           double             *y);
/* Multiplies the zoom by factor, keeping what is under (view_x, view_y) there */
void   accords_map_viewport_zoom_at       (AccordsMapViewport *self,
                                           double              factor,
                                           double              view_x,
                                           double              view_y);
/* Moves the map by (dx, dy) pixels */
void   accords_map_viewport_pan           (AccordsMapViewport *self,
                                           double              dx,
                                           double              dy);
/* Frames a projected rectangle, with a margin in pixels */
void   accords_map_viewport_show_rect     (AccordsMapViewport *self,
                                           double              x0,
                                           double              y0,
                                           double              x1,
                                           double              y1,
                                           double              margin);
/* Keeps the zoom within range and the map on the view */
void   accords_map_viewport_clamp         (AccordsMapViewport *self);

G_END_DECLS
