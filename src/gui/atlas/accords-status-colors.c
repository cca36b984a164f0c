/* accords-status-colors.c: the colours of the statuses, for light and dark styles */
#define G_LOG_DOMAIN "accords-status-colors"

#include "config.h"

#include "accords-status-colors.h"

/* Okabe–Ito hues.  The dark column keeps their order of lightness, so that
 * yellow, orange and vermilion (talks, suspended, ended), which a reader
 * with deuteranopia sees as one hue, stay apart by lightness:
 * build-aux/simulate-deuteranopia.py --palette checks every pair.
 *
 * The two greys are the land of countries without agreements and of those
 * whose agreements have no status yet.  In dark style the first stands
 * 3.05:1 against the sea and the borders (WCAG's floor for graphics is 3:1);
 * in light style land and sea differ by hue and the borders and coasts
 * carry the 3:1 (see accords-map-renderer.c). */
static const struct {
  guint32 light;
  guint32 dark;
} palette[ACCORDS_MAP_N_LEGEND_ENTRIES] = {
  [ACCORDS_STATUS_GROUP_NONE]        = { 0xe9e7e2, 0x66636d },
  [ACCORDS_STATUS_GROUP_EARLY]       = { 0xf0e442, 0xf5ea6a },
  [ACCORDS_STATUS_GROUP_SIGNED]      = { 0x56b4e9, 0x62bdf0 },
  [ACCORDS_STATUS_GROUP_IN_FORCE]    = { 0x0072b2, 0x2b8fd0 },
  [ACCORDS_STATUS_GROUP_IMPLEMENTED] = { 0x009e73, 0x1fb487 },
  [ACCORDS_STATUS_GROUP_SUSPENDED]   = { 0xe69f00, 0xe69f00 },
  [ACCORDS_STATUS_GROUP_ENDED]       = { 0xd55e00, 0xd0590a },
  [ACCORDS_STATUS_GROUP_STRUCK_DOWN] = { 0xcc79a7, 0xd98cb7 },
  [ACCORDS_MAP_LEGEND_UNSTATED]      = { 0xb5ada2, 0xdcd9e0 },
};

static void
set_rgb (GdkRGBA *color,
         guint32  rgb)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0f;
  color->green = ((rgb >> 8) & 0xff) / 255.0f;
  color->blue = (rgb & 0xff) / 255.0f;
  color->alpha = 1.0f;
}

void
accords_legend_entry_get_color (guint     entry,
                                gboolean  dark,
                                GdkRGBA  *color)
{
  g_return_if_fail (entry < ACCORDS_MAP_N_LEGEND_ENTRIES);
  g_return_if_fail (color != NULL);

  set_rgb (color, dark ? palette[entry].dark : palette[entry].light);
}

/* The legend's first entries are the groups */
void
accords_status_group_get_color (AccordsStatusGroup group,
                                gboolean           dark,
                                GdkRGBA           *color)
{
  g_return_if_fail (group < ACCORDS_N_STATUS_GROUPS);

  accords_legend_entry_get_color (group, dark, color);
}

void
accords_status_get_color (AccordsStatus  status,
                          gboolean       dark,
                          GdkRGBA       *color)
{
  accords_status_group_get_color (accords_status_get_group (status), dark, color);
}
