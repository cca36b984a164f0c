/* accords-map-view.h: the world map with its zoom buttons, export menu and date slider */
#pragma once

#include <gtk/gtk.h>

#include "accords-map-canvas.h"
#include "accords-map-model.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_MAP_VIEW (accords_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMapView, accords_map_view, ACCORDS, MAP_VIEW, GtkWidget)

GtkWidget        *accords_map_view_new                    (void);
void              accords_map_view_set_model              (AccordsMapView   *self,
                                                           AccordsMapModel  *model);
AccordsMapModel  *accords_map_view_get_model              (AccordsMapView   *self);
AccordsMapCanvas *accords_map_view_get_canvas             (AccordsMapView   *self);
const char       *accords_map_view_get_selected_country   (AccordsMapView   *self);
void              accords_map_view_set_selected_country   (AccordsMapView   *self,
                                                           const char       *code);
/* Moves the date slider: YYYY-MM-DD, or NULL for today */
void              accords_map_view_set_date               (AccordsMapView   *self,
                                                           const char       *date);
/* The date shown, as the slider's label says it */
const char       *accords_map_view_get_date_label         (AccordsMapView   *self);
gboolean          accords_map_view_get_playing            (AccordsMapView   *self);
void              accords_map_view_set_playing            (AccordsMapView   *self,
                                                           gboolean          playing);
/* Zooms the map to the parties of the agreement */
gboolean          accords_map_view_show_agreement         (AccordsMapView   *self,
                                                           const char       *slug);
/* The legend's button for the entry (NULL for "No agreement"): toggled, it
 * shows only the countries in that entry */
GtkWidget        *accords_map_view_get_legend_button      (AccordsMapView   *self,
                                                           guint             entry);
/* What the note over the map says of the legend's filter, or NULL when it
 * shows every country */
const char       *accords_map_view_get_filter_note        (AccordsMapView   *self);
/* Writes the map as shown to file, with a caption saying what it shows */
void              accords_map_view_export_async           (AccordsMapView      *self,
                                                           GFile               *file,
                                                           AccordsMapFormat     format,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          accords_map_view_export_finish          (AccordsMapView      *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
