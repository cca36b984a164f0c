/* accords-status-colors.h: the colours of the statuses, for light and dark styles */
#pragma once

#include <gtk/gtk.h>

#include "accords-map-model.h"
#include "accords-status.h"

G_BEGIN_DECLS

/* Based on the Okabe–Ito palette, which stays distinguishable for readers with
 * the common colour-vision deficiencies. */
void accords_status_group_get_color (AccordsStatusGroup group,
                                     gboolean           dark,
                                     GdkRGBA           *color);
void accords_status_get_color       (AccordsStatus      status,
                                     gboolean           dark,
                                     GdkRGBA           *color);
/* entry: a status group or ACCORDS_MAP_LEGEND_UNSTATED */
void accords_legend_entry_get_color (guint              entry,
                                     gboolean           dark,
                                     GdkRGBA           *color);

G_END_DECLS
