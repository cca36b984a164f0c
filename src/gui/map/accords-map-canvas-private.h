/* accords-map-canvas-private.h: what the map canvas's files share */
#pragma once

#include <adwaita.h>

#include "accords-map-canvas.h"
#include "accords-map-country.h"
#include "accords-map-renderer.h"
#include "accords-map-viewport.h"

G_BEGIN_DECLS

struct _AccordsMapCanvas
{
  GtkWidget           parent_instance;

  AccordsMapModel    *model;
  AccordsWorld       *world;
  AccordsMapRenderer *renderer;
  GCancellable       *cancellable;
  char               *load_error;

  AccordsMapViewport  viewport;
  gboolean            viewport_ready;
  gboolean            home_pending;  /* the first view is still to be set */
  gboolean            at_home;       /* showing it, unmoved: it follows the size */
  GtkWidget          *bottom_overlay;  /* what covers the bottom of the map (the legend) */
  double              bottom_inset;    /* its height when shown */
  GdkTexture         *base;        /* the base layer as last drawn */
  int                 base_width, base_height, base_scale;

  char               *selected_country;
  char               *selected_agreement;
  int                 hovered;
  gboolean            show_legend;
  GPtrArray          *items;       /* AccordsMapCountry of each coloured country, in the list's order */

  double              pointer_x, pointer_y;
  double              drag_center_x, drag_center_y;
  gboolean            dragged;
  double              pinch_scale;

  guint               zoom_tick;
  gint64              zoom_start;
  double              zoom_from, zoom_to;   /* zooms, relative to the fit scale */
  double              zoom_view_x, zoom_view_y;
  double              zoom_anchor_x, zoom_anchor_y;

  guint               fly_tick;
  gint64              fly_start;
  AccordsMapViewport  fly_from, fly_to;
};

AccordsMapCountry * _accords_map_canvas_find_item (AccordsMapCanvas *self, const char *code);
void _accords_map_canvas_stop_zoom_animation (AccordsMapCanvas *self);
void _accords_map_canvas_viewport_changed (AccordsMapCanvas *self);
void _accords_map_canvas_zoom_at (AccordsMapCanvas *self, double factor, double view_x, double view_y, gboolean animate);
void _accords_map_canvas_zoom_to_scale (AccordsMapCanvas *self, double scale, double view_x, double view_y, double anchor_x, double anchor_y);
int _accords_map_canvas_pick_index (AccordsMapCanvas *self, double x, double y);

/* accords-map-canvas-input.c: the pointer, touch and keys */
void _accords_map_canvas_class_init_input (GtkWidgetClass   *widget_class);
void _accords_map_canvas_init_input       (AccordsMapCanvas *self);

G_END_DECLS
