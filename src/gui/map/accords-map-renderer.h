/* accords-map-renderer.h: draws the world map with cairo, for the screen, exports and benchmarks */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

#include "accords-map-model.h"
#include "accords-map-viewport.h"
#include "accords-world.h"

G_BEGIN_DECLS

/* A country's name as placed on the map, in view pixels */
typedef struct {
  guint  index;   /* of the country in the world */
  double x, y, width, height;
} AccordsMapLabel;

/* The legend's entries in the order it lists them, the most advanced first */
extern const guint accords_map_legend_order[ACCORDS_MAP_N_LEGEND_ENTRIES];

#define ACCORDS_TYPE_MAP_RENDERER (accords_map_renderer_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMapRenderer, accords_map_renderer, ACCORDS, MAP_RENDERER, GObject)

/* Needs no display: it draws on any cairo context */
AccordsMapRenderer *accords_map_renderer_new                  (AccordsWorld       *world,
                                                               AccordsMapModel    *model);
AccordsWorld       *accords_map_renderer_get_world            (AccordsMapRenderer *self);
void                accords_map_renderer_set_dark             (AccordsMapRenderer *self,
                                                               gboolean            dark);
gboolean            accords_map_renderer_get_dark             (AccordsMapRenderer *self);
/* The font of the legend; NULL for the default */
void                accords_map_renderer_set_font             (AccordsMapRenderer *self,
                                                               const PangoFontDescription *font);
/* Reads the colours of every country from the model again */
void                accords_map_renderer_update_colors        (AccordsMapRenderer *self);
/* The fill a country has now */
void                accords_map_renderer_get_fill             (AccordsMapRenderer *self,
                                                               guint               index,
                                                               GdkRGBA            *color);
void                accords_map_renderer_set_selected         (AccordsMapRenderer *self,
                                                               int                 index);
void                accords_map_renderer_set_hovered          (AccordsMapRenderer *self,
                                                               int                 index);
/* AccordsMapLink; strong links are the selected agreement's, weak ones the
 * selected country's other agreements */
void                accords_map_renderer_set_links            (AccordsMapRenderer *self,
                                                               GArray             *links,
                                                               gboolean            strong);
void                accords_map_renderer_set_show_legend      (AccordsMapRenderer *self,
                                                               gboolean            show_legend);
/* Country names, where they fit (on by default) */
void                accords_map_renderer_set_show_labels      (AccordsMapRenderer *self,
                                                               gboolean            show_labels);

/* What changes with the data and the viewport: sea, countries, borders,
 * markers, legend */
void                accords_map_renderer_render_base          (AccordsMapRenderer       *self,
                                                               cairo_t                  *cr,
                                                               const AccordsMapViewport *viewport);
/* What changes with the pointer and the selection: outlines and arcs */
void                accords_map_renderer_render_overlay       (AccordsMapRenderer       *self,
                                                               cairo_t                  *cr,
                                                               const AccordsMapViewport *viewport);
/* The country names the last render_base() placed: no two overlap */
const AccordsMapLabel *accords_map_renderer_get_labels        (AccordsMapRenderer       *self,
                                                               guint                    *n_labels);
/* Both, on a background, with a caption when given: for exports */
void                accords_map_renderer_render               (AccordsMapRenderer       *self,
                                                               cairo_t                  *cr,
                                                               const AccordsMapViewport *viewport,
                                                               const char               *caption);

G_END_DECLS
