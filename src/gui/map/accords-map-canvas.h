/* accords-map-canvas.h: the interactive world map: colours, selection, arcs, zoom and pan */
#pragma once

#include <gtk/gtk.h>

#include "accords-map-model.h"
#include "accords-map-renderer.h"
#include "accords-world.h"

G_BEGIN_DECLS

typedef enum {
  ACCORDS_MAP_FORMAT_PNG,
  ACCORDS_MAP_FORMAT_SVG,
} AccordsMapFormat;

#define ACCORDS_TYPE_MAP_CANVAS (accords_map_canvas_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMapCanvas, accords_map_canvas, ACCORDS, MAP_CANVAS, GtkWidget)

GtkWidget          *accords_map_canvas_new                  (void);
void                accords_map_canvas_set_model            (AccordsMapCanvas *self,
                                                             AccordsMapModel  *model);
AccordsMapModel    *accords_map_canvas_get_model            (AccordsMapCanvas *self);
/* NULL until the geometry has loaded (it loads off the main thread) */
AccordsWorld       *accords_map_canvas_get_world            (AccordsMapCanvas *self);
AccordsMapRenderer *accords_map_canvas_get_renderer         (AccordsMapCanvas *self);
const char         *accords_map_canvas_get_selected_country (AccordsMapCanvas *self);
void                accords_map_canvas_set_selected_country (AccordsMapCanvas *self,
                                                             const char       *code);
const char         *accords_map_canvas_get_selected_agreement (AccordsMapCanvas *self);
void                accords_map_canvas_set_selected_agreement (AccordsMapCanvas *self,
                                                               const char       *slug);
const AccordsMapViewport *accords_map_canvas_get_viewport   (AccordsMapCanvas *self);
/* Where a country's marker or label point is, in widget coordinates */
gboolean            accords_map_canvas_locate               (AccordsMapCanvas *self,
                                                             const char       *code,
                                                             double           *x,
                                                             double           *y);
/* The code of the country at (x, y) in widget coordinates, or NULL */
const char         *accords_map_canvas_pick                 (AccordsMapCanvas *self,
                                                             double            x,
                                                             double            y);
/* What a click at (x, y) does: selects the country there */
void                accords_map_canvas_activate_at          (AccordsMapCanvas *self,
                                                             double            x,
                                                             double            y);
/* Zooms by factor around the middle of the view */
void                accords_map_canvas_zoom                 (AccordsMapCanvas *self,
                                                             double            factor,
                                                             gboolean          animate);
/* Back to the first view: the countries with agreements, as large as fits */
void                accords_map_canvas_zoom_reset           (AccordsMapCanvas *self);
/* Frames the parties of the agreement; FALSE when it has none on the map */
gboolean            accords_map_canvas_show_agreement       (AccordsMapCanvas *self,
                                                             const char       *slug,
                                                             gboolean          animate);
/* Whether exports carry the legend (on screen, the view shows its own) */
void                accords_map_canvas_set_show_legend      (AccordsMapCanvas *self,
                                                             gboolean          show_legend);
gboolean            accords_map_canvas_get_show_legend      (AccordsMapCanvas *self);
/* What the pointer's tooltip says about a country, as Pango markup */
char               *accords_map_canvas_describe_country     (AccordsMapCanvas *self,
                                                             const char       *code);
/* The map as shown, with a caption, as a PNG (at twice the size) or an SVG */
GBytes             *accords_map_canvas_export               (AccordsMapCanvas *self,
                                                             AccordsMapFormat  format,
                                                             const char       *caption,
                                                             GError          **error);

/* A widget over the bottom of the map (the legend): where the pane has
 * height to spare, the fitted map sits above it rather than under it */
void accords_map_canvas_set_bottom_overlay (AccordsMapCanvas *self,
                                            GtkWidget        *overlay);

G_END_DECLS
