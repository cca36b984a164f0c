/* accords-projection.c: the Equal Earth map projection, forwards and back */
#define G_LOG_DOMAIN "accords-projection"

#include "config.h"

#include <math.h>

#include "accords-projection.h"

#define A1 1.340264
#define A2 (-0.081106)
#define A3 0.000893
#define A4 0.003796
#define M  (0.86602540378443864676) /* sqrt(3) / 2 */
#define SQRT3 1.73205080756887729353

static inline double
y_of_theta (double theta)
{
  double t2 = theta * theta;
  double t6 = t2 * t2 * t2;

  return theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

/* dy/dtheta */
static inline double
slope_of_theta (double theta)
{
  double t2 = theta * theta;
  double t6 = t2 * t2 * t2;

  return A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
}

void
accords_projection_forward (double  lon,
                            double  lat,
                            double *x,
                            double *y)
{
  double lambda = CLAMP (lon, -180.0, 180.0) * (G_PI / 180.0);
  double theta = asin (M * sin (CLAMP (lat, -90.0, 90.0) * (G_PI / 180.0)));

  *x = 2 * SQRT3 * lambda * cos (theta) / (3 * slope_of_theta (theta));
  *y = y_of_theta (theta);
}

gboolean
accords_projection_inverse (double  x,
                            double  y,
                            double *lon,
                            double *lat)
{
  double half_w, half_h, theta, lambda;
  gboolean inside = TRUE;

  accords_projection_get_extent (&half_w, &half_h);
  if (fabs (y) > half_h * (1 + 1e-9))
    {
      y = CLAMP (y, -half_h, half_h);
      inside = FALSE;
    }

  /* Newton's method on y(theta): a handful of steps reach double precision */
  theta = y / A1;
  for (guint i = 0; i < 12; i++)
    {
      double delta = (y_of_theta (theta) - y) / slope_of_theta (theta);

      theta -= delta;
      if (fabs (delta) < 1e-14)
        break;
    }

  lambda = 3 * x * slope_of_theta (theta) / (2 * SQRT3 * cos (theta));
  if (fabs (lambda) > G_PI * (1 + 1e-9))
    {
      lambda = CLAMP (lambda, -G_PI, G_PI);
      inside = FALSE;
    }

  *lon = lambda * (180.0 / G_PI);
  *lat = asin (CLAMP (sin (theta) / M, -1.0, 1.0)) * (180.0 / G_PI);
  return inside;
}

void
accords_projection_get_extent (double *half_width,
                               double *half_height)
{
  /* at the equator on the antimeridian, and at the pole */
  if (half_width)
    *half_width = 2 * SQRT3 * G_PI / (3 * A1);
  if (half_height)
    *half_height = y_of_theta (G_PI / 3);
}
