/* accords-status-chip.c: a small swatch in a status's colour */
#define G_LOG_DOMAIN "accords-status-chip"

#include "config.h"

#include <adwaita.h>

#include "accords-status-chip.h"
#include "accords-status-colors.h"

struct _AccordsStatusChip
{
  GtkWidget     parent_instance;

  AccordsStatus status;
  gboolean      unstated;   /* shows "No status yet" instead of NONE's grey */
};

G_DEFINE_FINAL_TYPE (AccordsStatusChip, accords_status_chip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_status_chip_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AccordsStatusChip *self = ACCORDS_STATUS_CHIP (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  float size = MIN (w, h);
  GskRoundedRect rect;
  GdkRGBA color, border;
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4];

  if (self->unstated && self->status == ACCORDS_STATUS_NONE)
    accords_legend_entry_get_color (ACCORDS_MAP_LEGEND_UNSTATED, dark, &color);
  else
    accords_status_get_color (self->status, dark, &color);
  gsk_rounded_rect_init_from_rect (&rect,
                                   &GRAPHENE_RECT_INIT ((w - size) / 2.f, (h - size) / 2.f, size, size),
                                   size / 4.f);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &color, &rect.bounds);
  gtk_snapshot_pop (snapshot);

  border = (GdkRGBA) { 0, 0, 0, dark ? 0.5f : 0.25f };
  for (guint i = 0; i < 4; i++)
    borders[i] = border;
  gtk_snapshot_append_border (snapshot, &rect, widths, borders);
}

static void
accords_status_chip_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = *natural = 14;
}

static void
dark_changed_cb (AccordsStatusChip *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (AccordsStatusChip *self)
{
  const char *label = self->unstated && self->status == ACCORDS_STATUS_NONE
                        ? accords_map_legend_entry_get_label (ACCORDS_MAP_LEGEND_UNSTATED)
                        : accords_status_get_label (self->status);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
accords_status_chip_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordsStatusChip *self = ACCORDS_STATUS_CHIP (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_status_chip_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordsStatusChip *self = ACCORDS_STATUS_CHIP (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      accords_status_chip_set_status (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_status_chip_class_init (AccordsStatusChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = accords_status_chip_get_property;
  object_class->set_property = accords_status_chip_set_property;
  widget_class->snapshot = accords_status_chip_snapshot;
  widget_class->measure = accords_status_chip_measure;

  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      0, ACCORDS_N_STATUSES - 1, ACCORDS_STATUS_NONE,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "statuschip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
accords_status_chip_init (AccordsStatusChip *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update_accessible (self);
}

GtkWidget *
accords_status_chip_new (void)
{
  return g_object_new (ACCORDS_TYPE_STATUS_CHIP, NULL);
}

AccordsStatus
accords_status_chip_get_status (AccordsStatusChip *self)
{
  g_return_val_if_fail (ACCORDS_IS_STATUS_CHIP (self), ACCORDS_STATUS_NONE);
  return self->status;
}

void
accords_status_chip_set_status (AccordsStatusChip *self,
                                AccordsStatus      status)
{
  g_return_if_fail (ACCORDS_IS_STATUS_CHIP (self));
  g_return_if_fail (status < ACCORDS_N_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
accords_status_chip_set_unstated (AccordsStatusChip *self,
                                  gboolean           unstated)
{
  g_return_if_fail (ACCORDS_IS_STATUS_CHIP (self));

  if (self->unstated == !!unstated)
    return;
  self->unstated = !!unstated;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
