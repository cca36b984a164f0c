/* accords-map-canvas-input.c: the map canvas's pointer, touch and keyboard */
#define G_LOG_DOMAIN "accords-map-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "accords-map-canvas-private.h"
#include "accords-util.h"
#include "accords-widget-util.h"

#define PAN_STEP 80.0
#define ZOOM_STEP 1.5

/* Events */

static void
set_hovered (AccordsMapCanvas *self,
             int               index)
{
  if (self->hovered == index)
    return;
  self->hovered = index;
  if (self->renderer)
    accords_map_renderer_set_hovered (self->renderer, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
_accords_map_canvas_pick_index (AccordsMapCanvas *self,
                                double            x,
                                double            y)
{
  double px, py;

  if (self->world == NULL || !self->viewport_ready)
    return -1;
  accords_map_viewport_from_view (&self->viewport, x, y, &px, &py);
  return accords_world_hit_test (self->world, px, py, self->viewport.scale);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AccordsMapCanvas         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  set_hovered (self, _accords_map_canvas_pick_index (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          AccordsMapCanvas         *self)
{
  set_hovered (self, -1);
}

static void
click_pressed_cb (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  AccordsMapCanvas *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    _accords_map_canvas_zoom_at (self, 2.0, x, y, TRUE);
}

static void
click_released_cb (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   AccordsMapCanvas *self)
{
  if (n_press == 1 && !self->dragged)
    accords_map_canvas_activate_at (self, x, y);
}

static void
drag_begin_cb (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               AccordsMapCanvas *self)
{
  _accords_map_canvas_stop_zoom_animation (self);
  self->dragged = FALSE;
  self->drag_center_x = self->viewport.center_x;
  self->drag_center_y = self->viewport.center_y;
}

static void
drag_update_cb (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                AccordsMapCanvas *self)
{
  if (!self->dragged && hypot (dx, dy) < 4)
    return;
  if (!self->dragged)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->dragged = TRUE;
  self->viewport.center_x = self->drag_center_x;
  self->viewport.center_y = self->drag_center_y;
  accords_map_viewport_pan (&self->viewport, dx, dy);
  _accords_map_canvas_viewport_changed (self);
}

static void
drag_end_cb (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             AccordsMapCanvas *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AccordsMapCanvas         *self)
{
  /* a wheel notch zooms by a quarter; a touchpad by its distance */
  double rate = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL ? 0.22 : 0.01;

  if (dy == 0)
    return FALSE;
  _accords_map_canvas_stop_zoom_animation (self);
  _accords_map_canvas_zoom_at (self, exp (-dy * rate), self->pointer_x, self->pointer_y, FALSE);
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                AccordsMapCanvas *self)
{
  _accords_map_canvas_stop_zoom_animation (self);
  self->pinch_scale = self->viewport.scale;
}

static void
pinch_scale_changed_cb (GtkGestureZoom   *gesture,
                        double            scale,
                        AccordsMapCanvas *self)
{
  double x, y, px, py;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  accords_map_viewport_from_view (&self->viewport, x, y, &px, &py);
  _accords_map_canvas_zoom_to_scale (self, self->pinch_scale * scale, x, y, px, py);
}

static gboolean
query_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  AccordsMapCanvas *self)
{
  g_autofree char *markup = NULL;
  const AccordsWorldCountry *c;
  int i;

  if (keyboard)
    {
      if (self->selected_country == NULL)
        return FALSE;
      markup = accords_map_canvas_describe_country (self, self->selected_country);
    }
  else
    {
      i = _accords_map_canvas_pick_index (self, x, y);
      if (i < 0)
        return FALSE;
      c = accords_world_get_country (self->world, i);
      if (c->code[0] == '\0')
        /* TRANSLATORS: tooltip of land that belongs to no country */
        markup = g_markup_printf_escaped ("<b>%s</b>\n%s", c->name, _("Disputed area"));
      else
        markup = accords_map_canvas_describe_country (self, c->code);
    }
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Keyboard */

static gboolean
accords_map_canvas_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (widget);
  g_auto(GStrv) codes = NULL;
  AccordsMapCountry *item;
  int n, current = -1, next;

  if (!gtk_widget_is_focus (widget) && gtk_widget_get_focus_child (widget) == NULL)
    return gtk_widget_grab_focus (widget);
  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) || self->model == NULL)
    return FALSE;

  /* Tab walks the countries with agreements, in the list's order; past the
   * last one, the focus moves on */
  codes = accords_map_model_dup_coloured_codes (self->model);
  n = g_strv_length (codes);
  for (int i = 0; i < n; i++)
    if (g_strcmp0 (codes[i], self->selected_country) == 0)
      current = i;
  if (direction == GTK_DIR_TAB_FORWARD)
    next = current + 1;
  else
    next = current < 0 ? n - 1 : current - 1;
  if (next < 0 || next >= n)
    return FALSE;
  accords_map_canvas_set_selected_country (self, codes[next]);
  /* the focus moves onto the country, so that a screen reader announces it */
  item = _accords_map_canvas_find_item (self, codes[next]);
  if (item)
    gtk_widget_grab_focus (GTK_WIDGET (item));
  return TRUE;
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (widget);
  int dx, dy;

  if (!self->viewport_ready)
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);
  _accords_map_canvas_stop_zoom_animation (self);
  accords_map_viewport_pan (&self->viewport, dx * PAN_STEP, dy * PAN_STEP);
  _accords_map_canvas_viewport_changed (self);
}

/* The keys zoom around the country chosen, when it is in view */
static void
zoom_by_key (AccordsMapCanvas *self,
             double            factor)
{
  double x, y;

  if (self->selected_country && accords_map_canvas_locate (self, self->selected_country, &x, &y) &&
      x >= 0 && y >= 0 && x <= self->viewport.width && y <= self->viewport.height)
    _accords_map_canvas_zoom_at (self, factor, x, y, TRUE);
  else
    accords_map_canvas_zoom (self, factor, TRUE);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-reset"))
    accords_map_canvas_zoom_reset (self);
  else
    zoom_by_key (self, g_str_equal (action_name, "canvas.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP);
}

static void
unselect_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  accords_map_canvas_set_selected_country (ACCORDS_MAP_CANVAS (widget), NULL);
}

static const AccordsWidgetAction actions[] = {
  { "canvas.pan", "(ii)", pan_action },
  { "canvas.zoom-in", NULL, zoom_action },
  { "canvas.zoom-out", NULL, zoom_action },
  { "canvas.zoom-reset", NULL, zoom_action },
  { "canvas.unselect", NULL, unselect_action, GDK_KEY_Escape, 0 },
};

void
_accords_map_canvas_class_init_input (GtkWidgetClass *widget_class)
{
  const guint plus[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  const guint minus[] = { GDK_KEY_minus, GDK_KEY_underscore, GDK_KEY_KP_Subtract };

  widget_class->focus = accords_map_canvas_focus;

  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "canvas.pan", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "canvas.pan", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "canvas.pan", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "canvas.pan", "(ii)", 0, -1);
  for (guint i = 0; i < G_N_ELEMENTS (plus); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, plus[i], 0, "canvas.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, plus[i], GDK_SHIFT_MASK, "canvas.zoom-in", NULL);
      gtk_widget_class_add_binding_action (widget_class, minus[i], 0, "canvas.zoom-out", NULL);
      gtk_widget_class_add_binding_action (widget_class, minus[i], GDK_SHIFT_MASK, "canvas.zoom-out", NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "canvas.zoom-reset", NULL);
}

void
_accords_map_canvas_init_input (AccordsMapCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);
}
