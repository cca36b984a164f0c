/* accords-projection.h: the Equal Earth map projection, forwards and back */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Equal Earth (Šavrič, Patterson and Jenny, 2018) on the unit sphere: equal
 * area, so countries keep their relative sizes, with straight parallels and
 * curved meridians.  x grows eastwards, y northwards. */
void     accords_projection_forward    (double  lon,
                                        double  lat,
                                        double *x,
                                        double *y);
/* FALSE when (x, y) lies outside the map: lon and lat are then clamped */
gboolean accords_projection_inverse    (double  x,
                                        double  y,
                                        double *lon,
                                        double *lat);
/* The map spans -half_width..half_width by -half_height..half_height */
void     accords_projection_get_extent (double *half_width,
                                        double *half_height);

G_END_DECLS
