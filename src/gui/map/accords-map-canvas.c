/* accords-map-canvas.c: the interactive world map: colours, selection, arcs, zoom and pan */
#define G_LOG_DOMAIN "accords-map-canvas"

#include "config.h"

#include <adwaita.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "accords-map-canvas-private.h"
#include "accords-map-country.h"
#include "accords-projection.h"
#include "accords-party.h"
#include "accords-util.h"

#define ZOOM_DURATION_US 180000
#define FLY_DURATION_US 320000
/* room around the parties of an agreement the map zooms to, in pixels */
#define PARTIES_MARGIN 48.0
/* room around the countries with agreements in the first view, in projected units */
#define HOME_MARGIN 0.08


G_DEFINE_FINAL_TYPE (AccordsMapCanvas, accords_map_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_WORLD,
  PROP_SELECTED_COUNTRY,
  PROP_SELECTED_AGREEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate_base (AccordsMapCanvas *self)
{
  g_clear_object (&self->base);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const char *
country_name (AccordsMapCanvas *self,
              const char       *code)
{
  AccordsCountry *country = NULL;
  int i;

  if (self->model)
    country = accords_country_list_lookup (accords_map_model_get_countries (self->model), code);
  if (country)
    return accords_country_get_name (country);
  i = self->world ? accords_world_find (self->world, code) : -1;
  return i >= 0 ? accords_world_get_country (self->world, i)->name : code;
}

static void
update_links (AccordsMapCanvas *self)
{
  g_autoptr(GArray) links = NULL;
  gboolean strong = FALSE;

  if (self->renderer == NULL)
    return;
  if (self->selected_agreement)
    {
      links = accords_map_model_dup_links (self->model, self->selected_agreement);
      strong = links->len > 0;
    }
  /* no agreement chosen: the links of every agreement of the country */
  if ((links == NULL || links->len == 0) && self->selected_country)
    {
      g_autoptr(GPtrArray) agreements = accords_map_model_dup_agreements (self->model, self->selected_country);

      g_clear_pointer (&links, g_array_unref);
      links = g_array_new (FALSE, TRUE, sizeof (AccordsMapLink));
      for (guint i = 0; i < agreements->len; i++)
        {
          g_autoptr(GArray) some = accords_map_model_dup_links (self->model,
                                                                accords_agreement_get_slug (agreements->pdata[i]));

          g_array_append_vals (links, some->data, some->len);
        }
    }
  accords_map_renderer_set_links (self->renderer, links, strong);
}

static void
update_description (AccordsMapCanvas *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) coloured = NULL;
  guint n;

  if (self->model == NULL)
    return;
  coloured = accords_map_model_dup_coloured_codes (self->model);
  n = g_strv_length (coloured);
  if (self->selected_country)
    {
      AccordsStatus status = accords_map_model_get_status (self->model, self->selected_country);
      guint count = accords_map_model_get_agreement_count (self->model, self->selected_country);

      /* TRANSLATORS: the map's accessible description: a country, its number
       * of agreements and its strongest status */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Selected: %s, %u agreement, %s. ",
                                                 "Selected: %s, %u agreements, %s. ", count),
                              country_name (self, self->selected_country), count, accords_status_get_label (status));
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u country coloured by the status of its agreements. ",
                                             "%u countries coloured by the status of their agreements. ", n), n);
  g_string_append (text, _("Tab moves between them, the arrow keys pan, plus and minus zoom."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

static const char *
status_text (AccordsMapCanvas *self,
             const char       *code)
{
  guint entry = accords_map_model_get_legend_entry (self->model, code);

  if (entry == ACCORDS_MAP_LEGEND_UNSTATED)
    return accords_map_legend_entry_get_label (entry);
  return accords_status_get_label (accords_map_model_get_status (self->model, code));
}

AccordsMapCountry *
_accords_map_canvas_find_item (AccordsMapCanvas *self,
                               const char       *code)
{
  for (guint i = 0; code && i < self->items->len; i++)
    if (g_strcmp0 (accords_map_country_get_code (self->items->pdata[i]), code) == 0)
      return self->items->pdata[i];
  return NULL;
}

static void
update_item_states (AccordsMapCanvas *self)
{
  for (guint i = 0; i < self->items->len; i++)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self->items->pdata[i]), GTK_ACCESSIBLE_STATE_SELECTED,
                                 g_strcmp0 (accords_map_country_get_code (self->items->pdata[i]),
                                            self->selected_country) == 0, -1);
}

/* One accessible child per coloured country, so that screen readers can
 * list them and the focus can stop on each */
static void
update_items (AccordsMapCanvas *self)
{
  g_auto(GStrv) codes = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *focus = NULL;

  if (self->model == NULL)
    return;
  codes = accords_map_model_dup_coloured_codes (self->model);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; codes[i]; i++)
    {
      AccordsMapCountry *item = _accords_map_canvas_find_item (self, codes[i]);
      guint count = accords_map_model_get_agreement_count (self->model, codes[i]);
      g_autofree char *text = NULL;

      if (item == NULL)
        {
          item = ACCORDS_MAP_COUNTRY (accords_map_country_new (codes[i]));
          gtk_widget_set_parent (GTK_WIDGET (item), GTK_WIDGET (self));
        }
      else
        /* in the list's order */
        gtk_widget_insert_before (GTK_WIDGET (item), GTK_WIDGET (self), NULL);
      /* TRANSLATORS: what a screen reader says of a country of the map: its
       * name, its status and its number of agreements */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u agreement", "%s, %s, %u agreements", count),
                              country_name (self, codes[i]), status_text (self, codes[i]), count);
      accords_map_country_set_text (item, text);
      g_ptr_array_add (items, g_object_ref (item));
    }
  /* the countries no longer coloured go; the focus on one of them stays on the map */
  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *item = self->items->pdata[i];

      if (g_ptr_array_find (items, item, NULL))
        continue;
      if (gtk_widget_has_focus (item))
        focus = GTK_WIDGET (self);
      gtk_widget_unparent (item);
    }
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  if (focus)
    gtk_widget_grab_focus (focus);
  update_item_states (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
update_selection_index (AccordsMapCanvas *self)
{
  if (self->renderer)
    accords_map_renderer_set_selected (self->renderer, accords_world_find (self->world, self->selected_country));
}

static void
model_changed_cb (AccordsMapCanvas *self)
{
  if (self->renderer)
    accords_map_renderer_update_colors (self->renderer);
  update_links (self);
  update_description (self);
  update_items (self);
  invalidate_base (self);
}

static void
dark_changed_cb (AccordsMapCanvas *self)
{
  if (self->renderer)
    accords_map_renderer_set_dark (self->renderer, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  invalidate_base (self);
}

static void set_home_view (AccordsMapCanvas   *self,
                           AccordsMapViewport *vp);

static void
ensure_renderer (AccordsMapCanvas *self)
{
  if (self->renderer || self->world == NULL || self->model == NULL)
    return;
  self->renderer = accords_map_renderer_new (self->world, self->model);
  accords_map_renderer_set_dark (self->renderer, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  accords_map_renderer_set_hovered (self->renderer, -1);
  /* on screen the view's legend, made of widgets, stands for the drawn one */
  accords_map_renderer_set_show_legend (self->renderer, FALSE);
  update_selection_index (self);
  update_links (self);
  update_description (self);
  update_items (self);
  if (self->viewport_ready && self->home_pending)
    {
      set_home_view (self, &self->viewport);
      self->home_pending = FALSE;
      self->at_home = TRUE;
    }
  invalidate_base (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
world_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsWorld) world = accords_world_load_finish (result, &error);
  AccordsMapCanvas *self;

  /* cancelled when the canvas went away: user_data is gone too */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = ACCORDS_MAP_CANVAS (user_data);
  if (world == NULL)
    {
      g_warning ("Cannot draw the map: %s", error->message);
      self->load_error = g_strdup (error->message);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  self->world = g_steal_pointer (&world);
  ensure_renderer (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORLD]);
}

/* Drawing */

/* The height the bottom overlay takes, margins included, when it shows */
static double
get_bottom_overlay_height (AccordsMapCanvas *self)
{
  int natural = 0;

  if (self->bottom_overlay == NULL || !gtk_widget_get_visible (self->bottom_overlay))
    return 0;
  gtk_widget_measure (self->bottom_overlay, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
accords_map_canvas_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (widget);
  double inset;

  inset = get_bottom_overlay_height (self);
  if (inset != self->bottom_inset)
    {
      self->bottom_inset = inset;
      if (self->viewport_ready)
        {
          accords_map_viewport_set_bottom_inset (&self->viewport, inset);
          self->home_pending = self->home_pending || self->at_home;
          invalidate_base (self);
        }
    }
  if (!self->viewport_ready || self->viewport.width != width || self->viewport.height != height)
    {
      if (!self->viewport_ready)
        accords_map_viewport_init (&self->viewport, width, height);
      else
        accords_map_viewport_resize (&self->viewport, width, height);
      accords_map_viewport_set_bottom_inset (&self->viewport, self->bottom_inset);
      self->viewport_ready = TRUE;
      /* a map nobody has moved yet keeps showing the first view in the
       * pane's new shape */
      self->home_pending = self->home_pending || self->at_home;
      invalidate_base (self);
    }
  /* the first view needs the countries and their shapes */
  if (self->home_pending && self->renderer)
    {
      set_home_view (self, &self->viewport);
      self->home_pending = FALSE;
      self->at_home = TRUE;
      invalidate_base (self);
    }

  /* each country's accessible child sits on its name */
  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *item = self->items->pdata[i];
      int size, x_size;
      double x = -100, y = -100;

      gtk_widget_measure (item, GTK_ORIENTATION_HORIZONTAL, -1, &x_size, NULL, NULL, NULL);
      gtk_widget_measure (item, GTK_ORIENTATION_VERTICAL, -1, &size, NULL, NULL, NULL);
      accords_map_canvas_locate (self, accords_map_country_get_code (ACCORDS_MAP_COUNTRY (item)), &x, &y);
      gtk_widget_size_allocate (item,
                                &(GtkAllocation) { (int) (x - x_size / 2.0), (int) (y - size / 2.0), x_size, size },
                                -1);
    }
}

static void
release_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

static GdkTexture *
render_base (AccordsMapCanvas *self,
             int               width,
             int               height,
             int               scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  accords_map_renderer_set_font (self->renderer, pango_context_get_font_description (context));
  accords_map_renderer_render_base (self->renderer, cr, &self->viewport);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* cairo's ARGB32 is GDK's default memory format: no copy */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      release_surface, surface);
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static void
accords_map_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (self->load_error)
    {
      g_autofree char *text = g_strdup_printf (_("The map cannot be drawn: %s"), self->load_error);
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
      GdkRGBA color;
      int w, h;

      pango_layout_set_width (layout, (width - 24) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, &w, &h);
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (12, (height - h) / 2.f));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
      return;
    }
  if (self->renderer == NULL || !self->viewport_ready)
    return;

  if (self->base == NULL || self->base_width != width || self->base_height != height || self->base_scale != scale)
    {
      g_clear_object (&self->base);
      self->base = render_base (self, width, height, scale);
      self->base_width = width;
      self->base_height = height;
      self->base_scale = scale;
    }
  gtk_snapshot_append_texture (snapshot, self->base, &bounds);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  accords_map_renderer_render_overlay (self->renderer, cr, &self->viewport);
  cairo_destroy (cr);
}

/* Zoom and pan */

void
_accords_map_canvas_viewport_changed (AccordsMapCanvas *self)
{
  self->at_home = FALSE;
  invalidate_base (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
stop_fly (AccordsMapCanvas *self)
{
  if (self->fly_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fly_tick);
  self->fly_tick = 0;
}

static gboolean
fly_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (widget);
  double t = (gdk_frame_clock_get_frame_time (clock) - self->fly_start) / (double) FLY_DURATION_US;
  double eased;

  t = CLAMP (t, 0, 1);
  eased = t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
  self->viewport.scale = self->fly_from.scale * pow (self->fly_to.scale / self->fly_from.scale, eased);
  self->viewport.center_x = self->fly_from.center_x + (self->fly_to.center_x - self->fly_from.center_x) * eased;
  self->viewport.center_y = self->fly_from.center_y + (self->fly_to.center_y - self->fly_from.center_y) * eased;
  if (t >= 1)
    self->viewport = self->fly_to;
  accords_map_viewport_clamp (&self->viewport);
  _accords_map_canvas_viewport_changed (self);
  if (t >= 1)
    {
      self->fly_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Moves to the target, in steps when the map is on screen */
static void
fly_to (AccordsMapCanvas         *self,
        const AccordsMapViewport *target,
        gboolean                  animate)
{
  stop_fly (self);
  if (self->zoom_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->zoom_tick);
  self->zoom_tick = 0;
  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)) || !adw_get_enable_animations (GTK_WIDGET (self)))
    {
      self->viewport = *target;
      _accords_map_canvas_viewport_changed (self);
      return;
    }
  self->fly_from = self->viewport;
  self->fly_to = *target;
  self->fly_start = g_get_monotonic_time ();
  self->fly_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fly_tick_cb, NULL, NULL);
}

void
_accords_map_canvas_stop_zoom_animation (AccordsMapCanvas *self)
{
  if (self->zoom_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->zoom_tick);
  self->zoom_tick = 0;
  stop_fly (self);
}

/* Sets the scale, keeping the projected anchor under the view point */
void
_accords_map_canvas_zoom_to_scale (AccordsMapCanvas *self,
                                   double            scale,
                                   double            view_x,
                                   double            view_y,
                                   double            anchor_x,
                                   double            anchor_y)
{
  double x, y;

  self->viewport.scale = scale;
  accords_map_viewport_clamp (&self->viewport);
  accords_map_viewport_from_view (&self->viewport, view_x, view_y, &x, &y);
  self->viewport.center_x += anchor_x - x;
  self->viewport.center_y += anchor_y - y;
  accords_map_viewport_clamp (&self->viewport);
  _accords_map_canvas_viewport_changed (self);
}

static gboolean
zoom_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (widget);
  double t = (gdk_frame_clock_get_frame_time (clock) - self->zoom_start) / (double) ZOOM_DURATION_US;
  double eased;

  t = CLAMP (t, 0, 1);
  eased = 1 - (1 - t) * (1 - t) * (1 - t);
  _accords_map_canvas_zoom_to_scale (self, accords_map_viewport_get_fit_scale (&self->viewport) *
                                     self->zoom_from * pow (self->zoom_to / self->zoom_from, eased),
                 self->zoom_view_x, self->zoom_view_y, self->zoom_anchor_x, self->zoom_anchor_y);
  if (t >= 1)
    {
      self->zoom_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
_accords_map_canvas_zoom_at (AccordsMapCanvas *self,
                             double            factor,
                             double            view_x,
                             double            view_y,
                             gboolean          animate)
{
  AccordsMapViewport target;

  if (!self->viewport_ready)
    return;
  /* a zoom still under way ends where it was going first: + then - comes
   * back to where it started, however fast the keys come */
  if (self->zoom_tick != 0)
    _accords_map_canvas_zoom_to_scale (self, accords_map_viewport_get_fit_scale (&self->viewport) * self->zoom_to,
                                       self->zoom_view_x, self->zoom_view_y,
                                       self->zoom_anchor_x, self->zoom_anchor_y);
  _accords_map_canvas_stop_zoom_animation (self);
  target = self->viewport;
  accords_map_viewport_zoom_at (&target, factor, view_x, view_y);
  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !adw_get_enable_animations (GTK_WIDGET (self)))
    {
      self->viewport = target;
      _accords_map_canvas_viewport_changed (self);
      return;
    }
  /* as zooms, not scales: the pane may change size while it animates */
  self->zoom_from = accords_map_viewport_get_zoom (&self->viewport);
  self->zoom_to = accords_map_viewport_get_zoom (&target);
  self->zoom_view_x = view_x;
  self->zoom_view_y = view_y;
  accords_map_viewport_from_view (&self->viewport, view_x, view_y, &self->zoom_anchor_x, &self->zoom_anchor_y);
  self->zoom_start = g_get_monotonic_time ();
  self->zoom_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), zoom_tick_cb, NULL, NULL);
}

static void
show_country (AccordsMapCanvas *self,
              const char       *code)
{
  const AccordsWorldCountry *c;
  double vx, vy;
  int i;

  if (!self->viewport_ready || self->world == NULL || (i = accords_world_find (self->world, code)) < 0)
    return;
  c = accords_world_get_country (self->world, i);
  accords_map_viewport_to_view (&self->viewport, c->anchor_x, c->anchor_y, &vx, &vy);
  /* a country already in view stays where it is */
  if (vx >= 24 && vy >= 24 && vx <= self->viewport.width - 24 && vy <= self->viewport.height - 24)
    return;
  self->viewport.center_x = c->anchor_x;
  self->viewport.center_y = c->anchor_y;
  accords_map_viewport_clamp (&self->viewport);
  _accords_map_canvas_viewport_changed (self);
}

/* Object */

static void
accords_map_canvas_dispose (GObject *object)
{
  AccordsMapCanvas *self = (AccordsMapCanvas *) object;

  g_cancellable_cancel (self->cancellable);
  _accords_map_canvas_stop_zoom_animation (self);
  for (guint i = 0; self->items && i < self->items->len; i++)
    gtk_widget_unparent (self->items->pdata[i]);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  if (self->model)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->renderer);
  g_clear_object (&self->world);
  g_clear_object (&self->model);
  g_clear_object (&self->base);
  g_clear_weak_pointer (&self->bottom_overlay);

  G_OBJECT_CLASS (accords_map_canvas_parent_class)->dispose (object);
}

static void
accords_map_canvas_finalize (GObject *object)
{
  AccordsMapCanvas *self = (AccordsMapCanvas *) object;

  g_free (self->selected_country);
  g_free (self->selected_agreement);
  g_free (self->load_error);

  G_OBJECT_CLASS (accords_map_canvas_parent_class)->finalize (object);
}

static void
accords_map_canvas_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_WORLD:
      g_value_set_object (value, self->world);
      break;

    case PROP_SELECTED_COUNTRY:
      g_value_set_string (value, self->selected_country);
      break;

    case PROP_SELECTED_AGREEMENT:
      g_value_set_string (value, self->selected_agreement);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_map_canvas_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AccordsMapCanvas *self = ACCORDS_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      accords_map_canvas_set_model (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_COUNTRY:
      accords_map_canvas_set_selected_country (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_AGREEMENT:
      accords_map_canvas_set_selected_agreement (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_map_canvas_class_init (AccordsMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_map_canvas_dispose;
  object_class->finalize = accords_map_canvas_finalize;
  object_class->get_property = accords_map_canvas_get_property;
  object_class->set_property = accords_map_canvas_set_property;
  widget_class->snapshot = accords_map_canvas_snapshot;
  widget_class->size_allocate = accords_map_canvas_size_allocate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, ACCORDS_TYPE_MAP_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORLD] =
    g_param_spec_object ("world", NULL, NULL, ACCORDS_TYPE_WORLD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_COUNTRY] =
    g_param_spec_string ("selected-country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_AGREEMENT] =
    g_param_spec_string ("selected-agreement", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _accords_map_canvas_class_init_input (widget_class);

  gtk_widget_class_set_css_name (widget_class, "mapcanvas");
  /* a list of the countries it colours, each announced with its status */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
accords_map_canvas_init (AccordsMapCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->hovered = -1;
  self->show_legend = TRUE;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->home_pending = TRUE;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("World map"), -1);
  _accords_map_canvas_init_input (self);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self);

  self->cancellable = g_cancellable_new ();
  accords_world_load_async (NULL, self->cancellable, world_loaded_cb, self);
}

GtkWidget *
accords_map_canvas_new (void)
{
  return g_object_new (ACCORDS_TYPE_MAP_CANVAS, NULL);
}

void
accords_map_canvas_set_model (AccordsMapCanvas *self,
                              AccordsMapModel  *model)
{
  g_return_if_fail (ACCORDS_IS_MAP_CANVAS (self));
  g_return_if_fail (model == NULL || ACCORDS_IS_MAP_MODEL (model));

  if (self->model == model)
    return;
  if (self->model)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_clear_object (&self->renderer);
  g_set_object (&self->model, model);
  if (model)
    g_signal_connect_swapped (model, "changed", G_CALLBACK (model_changed_cb), self);
  ensure_renderer (self);
  invalidate_base (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

AccordsMapModel *
accords_map_canvas_get_model (AccordsMapCanvas *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);
  return self->model;
}

AccordsWorld *
accords_map_canvas_get_world (AccordsMapCanvas *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);
  return self->world;
}

AccordsMapRenderer *
accords_map_canvas_get_renderer (AccordsMapCanvas *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);
  return self->renderer;
}

const char *
accords_map_canvas_get_selected_country (AccordsMapCanvas *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);
  return self->selected_country;
}

void
accords_map_canvas_set_selected_country (AccordsMapCanvas *self,
                                         const char       *code)
{
  g_return_if_fail (ACCORDS_IS_MAP_CANVAS (self));

  if (accords_str_empty (code))
    code = NULL;
  if (!accords_set_str (&self->selected_country, code))
    return;
  update_selection_index (self);
  update_links (self);
  update_description (self);
  update_item_states (self);
  if (code && accords_map_viewport_get_zoom (&self->viewport) > 1.01)
    show_country (self, code);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_COUNTRY]);
}

const char *
accords_map_canvas_get_selected_agreement (AccordsMapCanvas *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);
  return self->selected_agreement;
}

void
accords_map_canvas_set_selected_agreement (AccordsMapCanvas *self,
                                           const char       *slug)
{
  g_return_if_fail (ACCORDS_IS_MAP_CANVAS (self));

  if (accords_str_empty (slug))
    slug = NULL;
  if (!accords_set_str (&self->selected_agreement, slug))
    return;
  update_links (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_AGREEMENT]);
}

const AccordsMapViewport *
accords_map_canvas_get_viewport (AccordsMapCanvas *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);
  return &self->viewport;
}

gboolean
accords_map_canvas_locate (AccordsMapCanvas *self,
                           const char       *code,
                           double           *x,
                           double           *y)
{
  const AccordsWorldCountry *c;
  double px, py;
  int i;

  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), FALSE);

  if (self->world == NULL || !self->viewport_ready || (i = accords_world_find (self->world, code)) < 0)
    return FALSE;
  c = accords_world_get_country (self->world, i);
  if (accords_world_shows_marker (self->world, i, self->viewport.scale))
    px = c->anchor_x, py = c->anchor_y;
  else
    accords_projection_forward (c->lon, c->lat, &px, &py);
  accords_map_viewport_to_view (&self->viewport, px, py, x, y);
  return TRUE;
}

const char *
accords_map_canvas_pick (AccordsMapCanvas *self,
                         double            x,
                         double            y)
{
  int i;

  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);

  i = _accords_map_canvas_pick_index (self, x, y);
  if (i < 0 || accords_world_get_country (self->world, i)->code[0] == '\0')
    return NULL;
  return accords_world_get_country (self->world, i)->code;
}

void
accords_map_canvas_activate_at (AccordsMapCanvas *self,
                                double            x,
                                double            y)
{
  const char *code;

  g_return_if_fail (ACCORDS_IS_MAP_CANVAS (self));

  /* the sea, or land of no country, keeps the selection */
  code = accords_map_canvas_pick (self, x, y);
  if (code)
    accords_map_canvas_set_selected_country (self, code);
}

void
accords_map_canvas_zoom (AccordsMapCanvas *self,
                         double            factor,
                         gboolean          animate)
{
  g_return_if_fail (ACCORDS_IS_MAP_CANVAS (self));
  _accords_map_canvas_zoom_at (self, factor, self->viewport.width / 2, self->viewport.height / 2, animate);
}

void
accords_map_canvas_zoom_reset (AccordsMapCanvas *self)
{
  g_return_if_fail (ACCORDS_IS_MAP_CANVAS (self));

  if (!self->viewport_ready)
    return;
  _accords_map_canvas_stop_zoom_animation (self);
  set_home_view (self, &self->viewport);
  _accords_map_canvas_viewport_changed (self);
  self->at_home = TRUE;
}

/* The box of a party, in projected units: its largest land (not the
 * islands far off, nor an Aleutian past the antimeridian) and its anchor */
static gboolean
get_party_box (AccordsMapCanvas *self,
               const char       *code,
               double           *x0,
               double           *y0,
               double           *x1,
               double           *y1)
{
  const AccordsWorldRing *rings = accords_world_get_rings (self->world, NULL);
  const AccordsWorldCountry *c;
  double best = -1;
  int i = accords_world_find (self->world, code);

  if (i < 0)
    return FALSE;
  c = accords_world_get_country (self->world, i);
  *x0 = *x1 = c->anchor_x;
  *y0 = *y1 = c->anchor_y;
  for (guint k = c->first_ring; k < c->first_ring + c->n_rings; k++)
    {
      const AccordsWorldRing *r = &rings[k];
      double area = (r->x1 - r->x0) * (r->y1 - r->y0);

      if (area > best)
        {
          best = area;
          *x0 = MIN (c->anchor_x, r->x0);
          *y0 = MIN (c->anchor_y, r->y0);
          *x1 = MAX (c->anchor_x, r->x1);
          *y1 = MAX (c->anchor_y, r->y1);
        }
    }
  return TRUE;
}

/* The first view: the whole width of the countries with agreements, as
 * large as the band of latitudes lets it, so that a pane taller than the
 * world's proportions is not left half empty */
static void
set_home_view (AccordsMapCanvas   *self,
               AccordsMapViewport *vp)
{
  g_auto(GStrv) codes = NULL;
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, lon, south, north;

  accords_map_viewport_init (vp, vp->width, vp->height);
  accords_map_viewport_set_bottom_inset (vp, self->bottom_inset);
  if (self->world == NULL || self->model == NULL)
    return;
  codes = accords_map_model_dup_coloured_codes (self->model);
  for (guint i = 0; codes[i]; i++)
    {
      double a, b, c, d;

      if (!get_party_box (self, codes[i], &a, &b, &c, &d))
        continue;
      x0 = MIN (x0, a);
      x1 = MAX (x1, c);
    }
  if (x0 > x1)
    return;
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_SOUTH, &lon, &south);
  accords_projection_forward (0, ACCORDS_MAP_VIEWPORT_NORTH, &lon, &north);
  accords_map_viewport_show_rect (vp, x0 - HOME_MARGIN, south, x1 + HOME_MARGIN, north, 8);
}

gboolean
accords_map_canvas_show_agreement (AccordsMapCanvas *self,
                                   const char       *slug,
                                   gboolean          animate)
{
  AccordsAgreement *agreement;
  GListModel *parties;
  AccordsMapViewport target;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), FALSE);

  if (self->model == NULL || self->world == NULL || !self->viewport_ready ||
      (agreement = accords_map_model_find_agreement (self->model, slug)) == NULL)
    return FALSE;
  parties = G_LIST_MODEL (accords_agreement_get_parties (agreement));
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(AccordsParty) party = g_list_model_get_item (parties, i);
      double a, b, c, d;

      if (!get_party_box (self, accords_party_get_country (party), &a, &b, &c, &d))
        continue;
      x0 = MIN (x0, a), y0 = MIN (y0, b), x1 = MAX (x1, c), y1 = MAX (y1, d);
    }
  if (x0 > x1)
    return FALSE;
  target = self->viewport;
  accords_map_viewport_show_rect (&target, x0, y0, x1, y1, PARTIES_MARGIN);
  fly_to (self, &target, animate);
  return TRUE;
}

void
accords_map_canvas_set_show_legend (AccordsMapCanvas *self,
                                    gboolean          show_legend)
{
  g_return_if_fail (ACCORDS_IS_MAP_CANVAS (self));

  self->show_legend = !!show_legend;
}

void
accords_map_canvas_set_bottom_overlay (AccordsMapCanvas *self,
                                       GtkWidget        *overlay)
{
  g_return_if_fail (ACCORDS_IS_MAP_CANVAS (self));
  g_return_if_fail (overlay == NULL || GTK_IS_WIDGET (overlay));

  g_set_weak_pointer (&self->bottom_overlay, overlay);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
accords_map_canvas_get_show_legend (AccordsMapCanvas *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), FALSE);
  return self->show_legend;
}

char *
accords_map_canvas_describe_country (AccordsMapCanvas *self,
                                     const char       *code)
{
  g_autoptr(GString) markup = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);

  name = g_markup_escape_text (country_name (self, code), -1);
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", name);
  if (self->model == NULL)
    return g_string_free (g_steal_pointer (&markup), FALSE);

  agreements = accords_map_model_dup_agreements (self->model, code);
  if (agreements->len == 0)
    {
      g_string_append_printf (markup, "\n%s", _("No agreements tracked"));
      return g_string_free (g_steal_pointer (&markup), FALSE);
    }
  for (guint i = 0; i < agreements->len; i++)
    {
      AccordsAgreement *a = agreements->pdata[i];
      const char *title = accords_agreement_get_short_title (a);
      g_autofree char *line = NULL;
      AccordsStatus status;

      if (accords_str_empty (title))
        title = accords_agreement_get_title (a);
      /* TRANSLATORS: a line of the map's tooltip: an agreement and its status */
      status = accords_map_model_get_agreement_status (self->model, a);
      line = g_markup_printf_escaped (_("%s: %s"), title,
                                      status == ACCORDS_STATUS_NONE
                                        ? accords_map_legend_entry_get_label (ACCORDS_MAP_LEGEND_UNSTATED)
                                        : accords_status_get_label (status));
      g_string_append_printf (markup, "\n• %s", line);
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
accords_map_canvas_export (AccordsMapCanvas  *self,
                           AccordsMapFormat   format,
                           const char        *caption,
                           GError           **error)
{
  g_autoptr(GByteArray) out = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int scale = format == ACCORDS_MAP_FORMAT_PNG ? 2 : 1;

  g_return_val_if_fail (ACCORDS_IS_MAP_CANVAS (self), NULL);

  if (self->renderer == NULL || !self->viewport_ready)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The map has not been drawn yet"));
      return NULL;
    }

  out = g_byte_array_new ();
  if (format == ACCORDS_MAP_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (append_bytes, out, self->viewport.width, self->viewport.height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->viewport.width * scale,
                                          self->viewport.height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  accords_map_renderer_set_font (self->renderer,
                                 pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))));
  /* an image carries its legend with it */
  accords_map_renderer_set_show_legend (self->renderer, self->show_legend);
  accords_map_renderer_render (self->renderer, cr, &self->viewport, caption);
  accords_map_renderer_set_show_legend (self->renderer, FALSE);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == ACCORDS_MAP_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw the map for export: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
