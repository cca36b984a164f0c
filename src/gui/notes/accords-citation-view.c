/* accords-citation-view.c: a Markdown source view that shows citation markers as labelled chips */
#define G_LOG_DOMAIN "accords-citation-view"

#include "config.h"

#include <adwaita.h>

#include "accords-citation-view.h"

/* The buffer keeps the markers ("[@source:12]"): they are what is saved,
 * searched and undone.  The view draws a chip over each one, with the
 * number and title the reference list gives it, except where the cursor
 * stands, so that a marker can still be edited as text. */
struct _AccordsCitationView
{
  GtkSourceView  parent_instance;

  GtkTextTag    *citation_tag;
  GHashTable    *labels;        /* marker -> label */
};

G_DEFINE_FINAL_TYPE (AccordsCitationView, accords_citation_view, GTK_SOURCE_TYPE_VIEW)

static gboolean
cursor_within (GtkTextBuffer     *buffer,
               const GtkTextIter *start,
               const GtkTextIter *end)
{
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_compare (&cursor, start) > 0 && gtk_text_iter_compare (&cursor, end) < 0;
}

static void
draw_chip (AccordsCitationView *self,
           GtkSnapshot         *snapshot,
           const GdkRectangle  *area,
           const char          *label)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fill = dark ? (GdkRGBA) { 0.12, 0.25, 0.42, 1.0 } : (GdkRGBA) { 0.86, 0.91, 0.98, 1.0 };
  GdkRGBA ink = dark ? (GdkRGBA) { 0.60, 0.76, 0.95, 1.0 } : (GdkRGBA) { 0.10, 0.37, 0.71, 1.0 };
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (area->x, area->y, area->width, area->height);
  GskRoundedRect chip;
  int text_width, text_height;
  const int padding = 4;

  /* a smaller face fits more of the title into the marker's width */
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }
  pango_layout_set_width (layout, MAX (area->width - 2 * padding, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  gsk_rounded_rect_init_from_rect (&chip, &bounds, MIN (6.f, bounds.size.height / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &chip);
  gtk_snapshot_append_color (snapshot, &fill, &bounds);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (area->x + padding,
                                                          area->y + (area->height - text_height) / 2.f));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
accords_citation_view_snapshot_layer (GtkTextView      *text_view,
                                      GtkTextViewLayer  layer,
                                      GtkSnapshot      *snapshot)
{
  AccordsCitationView *self = ACCORDS_CITATION_VIEW (text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible;
  GtkTextIter iter, last;

  GTK_TEXT_VIEW_CLASS (accords_citation_view_parent_class)->snapshot_layer (text_view, layer, snapshot);

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->citation_tag == NULL ||
      self->labels == NULL || g_hash_table_size (self->labels) == 0)
    return;

  /* drawing happens in buffer coordinates: only what shows is visited */
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_at_location (text_view, &iter, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (text_view, &last, visible.x + visible.width, visible.y + visible.height);
  gtk_text_iter_forward_line (&last);
  gtk_text_iter_set_line_offset (&iter, 0);

  while (gtk_text_iter_compare (&iter, &last) < 0)
    {
      GtkTextIter start, end;
      GdkRectangle first_char, end_char, area;
      g_autofree char *marker = NULL;
      const char *label;

      if (!gtk_text_iter_starts_tag (&iter, self->citation_tag) &&
          !gtk_text_iter_forward_to_tag_toggle (&iter, self->citation_tag))
        break;
      if (!gtk_text_iter_starts_tag (&iter, self->citation_tag))
        continue;   /* an end toggle: look for the next start */

      start = end = iter;
      gtk_text_iter_forward_to_tag_toggle (&end, self->citation_tag);
      iter = end;

      if (cursor_within (buffer, &start, &end))
        continue;
      marker = gtk_text_iter_get_text (&start, &end);
      label = g_hash_table_lookup (self->labels, marker);
      if (label == NULL)
        continue;

      gtk_text_view_get_iter_location (text_view, &start, &first_char);
      gtk_text_view_get_iter_location (text_view, &end, &end_char);
      if (first_char.y != end_char.y || end_char.x <= first_char.x)
        continue;   /* wrapped over two lines: the text shows as it is */

      area = (GdkRectangle) { first_char.x, first_char.y, end_char.x - first_char.x, first_char.height };
      draw_chip (self, snapshot, &area, label);
    }
}

static void
cursor_moved_cb (AccordsCitationView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
buffer_set_cb (AccordsCitationView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  /* the chip under the cursor opens into its marker */
  g_signal_connect_object (buffer, "notify::cursor-position", G_CALLBACK (cursor_moved_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
accords_citation_view_finalize (GObject *object)
{
  AccordsCitationView *self = (AccordsCitationView *) object;

  g_clear_object (&self->citation_tag);
  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (accords_citation_view_parent_class)->finalize (object);
}

static void
accords_citation_view_class_init (AccordsCitationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->finalize = accords_citation_view_finalize;
  text_view_class->snapshot_layer = accords_citation_view_snapshot_layer;
}

static void
accords_citation_view_init (AccordsCitationView *self)
{
  g_signal_connect (self, "notify::buffer", G_CALLBACK (buffer_set_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (cursor_moved_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
accords_citation_view_new (void)
{
  return g_object_new (ACCORDS_TYPE_CITATION_VIEW, NULL);
}

void
accords_citation_view_set_citation_tag (AccordsCitationView *self,
                                        GtkTextTag          *tag)
{
  g_return_if_fail (ACCORDS_IS_CITATION_VIEW (self));

  g_set_object (&self->citation_tag, tag);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
accords_citation_view_set_labels (AccordsCitationView *self,
                                  GHashTable          *labels)
{
  g_return_if_fail (ACCORDS_IS_CITATION_VIEW (self));

  g_clear_pointer (&self->labels, g_hash_table_unref);
  if (labels != NULL)
    self->labels = g_hash_table_ref (labels);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
accords_citation_view_get_label (AccordsCitationView *self,
                                 const char          *marker)
{
  g_return_val_if_fail (ACCORDS_IS_CITATION_VIEW (self), NULL);

  return self->labels != NULL && marker != NULL ? g_hash_table_lookup (self->labels, marker) : NULL;
}
