/* accords-export-pdf.c: a report as a paged PDF, laid out with Pango and cairo */
#define G_LOG_DOMAIN "accords-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <cmark-gfm-core-extensions.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "accords-error.h"
#include "accords-export-private.h"

#define BODY_FONT     "DejaVu Serif 10"
#define SANS_FONT     "DejaVu Sans 10"
#define TABLE_FONT    "DejaVu Sans 8"
#define MONO_FONT     "DejaVu Sans Mono 8.5"
#define FOOTER_FONT   "DejaVu Sans 7.5"
#define CELL_PADDING  3.0
#define LINK_COLOR    "#1a5fb4"

typedef struct {
  AccordsReport        *report;
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *body_font;
  PangoFontDescription *sans_font;
  PangoFontDescription *table_font;
  PangoFontDescription *mono_font;
  PangoFontDescription *footer_font;
  double                width, height;
  double                left, right, top, bottom;
  double                y;              /* where the next line goes */
  guint                 page;
  guint                 n_pages;        /* known in the second pass; 0 in the first */
  gboolean              page_empty;
  int                   outline[8];     /* the last outline entry of each level */
  char                 *bullet;         /* drawn beside the next line */
  double                bullet_x;
} Pdf;

static double
content_width (Pdf *pdf)
{
  return pdf->width - pdf->left - pdf->right;
}

static double
page_bottom (Pdf *pdf)
{
  return pdf->height - pdf->bottom;
}

static void
draw_footer (Pdf *pdf)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (pdf->pango);
  g_autofree char *text = NULL;
  int w, h;

  if (pdf->n_pages > 0)
    /* TRANSLATORS: the foot of each page of an exported report */
    text = g_strdup_printf (_("%s · page %u of %u"), pdf->report->title, pdf->page, pdf->n_pages);
  else
    text = g_strdup_printf (_("%s · page %u"), pdf->report->title, pdf->page);

  pango_layout_set_font_description (layout, pdf->footer_font);
  pango_layout_set_width (layout, (int) (content_width (pdf) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);

  cairo_save (pdf->cr);
  cairo_set_source_rgb (pdf->cr, 0.4, 0.4, 0.4);
  cairo_move_to (pdf->cr, pdf->left, pdf->height - pdf->bottom / 2 - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (pdf->cr, layout);
  cairo_restore (pdf->cr);
}

static void
new_page (Pdf *pdf)
{
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
  pdf->page++;
  pdf->y = pdf->top;
  pdf->page_empty = TRUE;
}

/* Room for height more points on this page, else a new page */
static void
ensure_room (Pdf    *pdf,
             double  height)
{
  if (!pdf->page_empty && pdf->y + height > page_bottom (pdf))
    new_page (pdf);
}

static void
add_space (Pdf    *pdf,
           double  space)
{
  if (!pdf->page_empty)
    pdf->y += space;
}

static PangoLayout *
new_layout (Pdf                        *pdf,
            const char                 *markup,
            const PangoFontDescription *font,
            double                      width)
{
  PangoLayout *layout = pango_layout_new (pdf->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* cairo tag attributes quote values with '…' and escape with a backslash */
static char *
tag_string (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Draws the layout line by line at x, breaking pages between lines.
 * background: a grey band behind each line (code). uri: each line links there. */
static void
flow_layout (Pdf         *pdf,
             PangoLayout *layout,
             double       x,
             gboolean     background,
             const char  *uri)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  g_autofree char *link = NULL;

  if (uri != NULL)
    {
      g_autofree char *escaped = tag_string (uri);
      link = g_strdup_printf ("uri='%s'", escaped);
    }

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double line_height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      ensure_room (pdf, line_height);

      if (background)
        {
          cairo_save (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0.95, 0.95, 0.95);
          cairo_rectangle (pdf->cr, x - 3, pdf->y, pango_layout_get_width (layout) / PANGO_SCALE + 6, line_height);
          cairo_fill (pdf->cr);
          cairo_restore (pdf->cr);
        }
      if (pdf->bullet != NULL)
        {
          g_autoptr(PangoLayout) bullet = new_layout (pdf, pdf->bullet, pdf->body_font, x - pdf->bullet_x);

          cairo_move_to (pdf->cr, pdf->bullet_x, pdf->y);
          pango_cairo_show_layout (pdf->cr, bullet);
          g_clear_pointer (&pdf->bullet, g_free);
        }
      if (link != NULL)
        cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, link);
      cairo_move_to (pdf->cr, x + (double) logical.x / PANGO_SCALE, pdf->y + baseline);
      pango_cairo_show_layout_line (pdf->cr, line);
      if (link != NULL)
        cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);

      pdf->y += line_height;
      pdf->page_empty = FALSE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
paragraph (Pdf                        *pdf,
           const char                 *markup,
           const PangoFontDescription *font,
           double                      indent,
           double                      space_before,
           const char                 *uri)
{
  g_autoptr(PangoLayout) layout = new_layout (pdf, markup, font, content_width (pdf) - indent);

  add_space (pdf, space_before);
  flow_layout (pdf, layout, pdf->left + indent, FALSE, uri);
}

static void
markup_text (GString    *out,
             const char *text,
             gsize       length,
             gpointer    user_data)
{
  g_autofree char *escaped = g_markup_escape_text (text, (gssize) length);

  g_string_append (out, escaped);
}

static void
markup_cite (GString  *out,
             guint     number,
             gpointer  user_data)
{
  g_autofree char *label = g_markup_escape_text (accords_report_cite_label (user_data, number), -1);

  g_string_append (out, label);
}

static char *
inline_markup (Pdf        *pdf,
               const char *text)
{
  GString *out = g_string_new (NULL);

  accords_report_append_inline (pdf->report, out, text, markup_text, markup_cite, pdf->report);
  return g_string_free (out, FALSE);
}

static void
heading (Pdf        *pdf,
         guint       level,
         const char *markup,
         const char *plain,
         const char *anchor)
{
  static const double sizes[] = { 0, 19, 14.5, 12, 10.5, 10, 10 };
  static const double spaces[] = { 0, 0, 16, 12, 10, 8, 8 };
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pdf->sans_font);
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  level = CLAMP (level, 1, 6);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (font, (int) (sizes[level] * PANGO_SCALE));
  layout = new_layout (pdf, markup, font, content_width (pdf));
  pango_layout_get_size (layout, &w, &h);

  add_space (pdf, spaces[level]);
  /* a heading stays with the first lines of what follows it */
  ensure_room (pdf, (double) h / PANGO_SCALE + 42);

  if (pdf->n_pages > 0 && level <= 4)
    {
      g_autofree char *link = g_strdup_printf ("page=%u pos=[%g %g]", pdf->page, pdf->left, pdf->y);
      int parent = CAIRO_PDF_OUTLINE_ROOT;

      for (guint l = level - 1; l >= 1; l--)
        if (pdf->outline[l] != 0)
          {
            parent = pdf->outline[l];
            break;
          }
      pdf->outline[level] = cairo_pdf_surface_add_outline (pdf->surface, parent, plain, link,
                                                           level <= 2 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (guint l = level + 1; l < G_N_ELEMENTS (pdf->outline); l++)
        pdf->outline[l] = 0;
    }
  if (anchor != NULL)
    {
      g_autofree char *escaped = tag_string (anchor);
      g_autofree char *dest = g_strdup_printf ("name='%s'", escaped);

      cairo_tag_begin (pdf->cr, CAIRO_TAG_DEST, dest);
      cairo_tag_end (pdf->cr, CAIRO_TAG_DEST);
    }

  flow_layout (pdf, layout, pdf->left, FALSE, NULL);
  if (level == 2)
    {
      cairo_save (pdf->cr);
      cairo_set_source_rgb (pdf->cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (pdf->cr, 0.6);
      cairo_move_to (pdf->cr, pdf->left, pdf->y + 2);
      cairo_line_to (pdf->cr, pdf->width - pdf->right, pdf->y + 2);
      cairo_stroke (pdf->cr);
      cairo_restore (pdf->cr);
      pdf->y += 4;
    }
  pdf->y += 4;
}

static void
table_row (Pdf        *pdf,
           GPtrArray  *cells,
           double     *col_w,
           double      row_h,
           gboolean    is_header)
{
  double x = pdf->left;

  for (guint i = 0; i < cells->len; i++)
    {
      cairo_save (pdf->cr);
      cairo_rectangle (pdf->cr, x, pdf->y, col_w[i], row_h);
      if (is_header)
        {
          cairo_set_source_rgb (pdf->cr, 0.93, 0.93, 0.93);
          cairo_fill_preserve (pdf->cr);
        }
      cairo_set_source_rgb (pdf->cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (pdf->cr, 0.5);
      cairo_stroke (pdf->cr);
      cairo_restore (pdf->cr);
      cairo_move_to (pdf->cr, x + CELL_PADDING, pdf->y + CELL_PADDING);
      pango_cairo_show_layout (pdf->cr, cells->pdata[i]);
      x += col_w[i];
    }
  pdf->y += row_h;
  pdf->page_empty = FALSE;
}

static double
cells_height (GPtrArray *cells)
{
  double height = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      int w, h;

      pango_layout_get_size (cells->pdata[i], &w, &h);
      height = MAX (height, (double) h / PANGO_SCALE + 2 * CELL_PADDING);
    }
  return height;
}

/* Draws rows of cell layouts under a header row: the header goes with the
 * first row, and again at the top of each page the table continues on */
static void
draw_table (Pdf       *pdf,
            GPtrArray *header,
            GPtrArray *rows,
            double    *col_w)
{
  double header_h = cells_height (header);

  add_space (pdf, 6);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = rows->pdata[r];
      double row_h = cells_height (cells);

      if (r == 0)
        {
          ensure_room (pdf, header_h + row_h);
          table_row (pdf, header, col_w, header_h, TRUE);
        }
      else if (pdf->y + row_h > page_bottom (pdf))
        {
          new_page (pdf);
          table_row (pdf, header, col_w, header_h, TRUE);
        }
      table_row (pdf, cells, col_w, row_h, FALSE);
    }
  pdf->y += 6;
}

static void
table (Pdf                *pdf,
       AccordsReportBlock *block)
{
  guint n = g_strv_length (block->columns);
  g_autofree double *col_w = g_new0 (double, n);
  g_autoptr(PangoFontDescription) bold = pango_font_description_copy (pdf->table_font);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  double total = 0;

  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  for (guint i = 0; i < n; i++)
    total += block->widths ? block->widths[i] : 1;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *markup = g_markup_escape_text (block->columns[i], -1);

      col_w[i] = content_width (pdf) * (block->widths ? block->widths[i] : 1) / total;
      g_ptr_array_add (header, new_layout (pdf, markup, bold, col_w[i] - 2 * CELL_PADDING));
    }
  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_new_with_free_func (g_object_unref);
      GStrv row = block->rows->pdata[r];

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *markup = inline_markup (pdf, row[i] ? row[i] : "");
          g_ptr_array_add (cells, new_layout (pdf, markup, pdf->table_font, col_w[i] - 2 * CELL_PADDING));
        }
      g_ptr_array_add (rows, cells);
    }
  draw_table (pdf, header, rows, col_w);
}

static void
fields (Pdf                *pdf,
        AccordsReportBlock *block)
{
  g_autoptr(PangoFontDescription) bold = pango_font_description_copy (pdf->sans_font);
  double label_w = content_width (pdf) * 0.28;

  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (bold, 9 * PANGO_SCALE);
  add_space (pdf, 6);
  for (guint r = 0; block->rows && r < block->rows->len; r++)
    {
      GStrv row = block->rows->pdata[r];
      g_autofree char *label = g_markup_escape_text (row[0], -1);
      g_autofree char *value = inline_markup (pdf, row[1]);
      g_autoptr(PangoLayout) label_layout = new_layout (pdf, label, bold, label_w - 8);
      g_autoptr(PangoLayout) value_layout = new_layout (pdf, value, pdf->body_font, content_width (pdf) - label_w);
      int lw, lh, vw, vh;
      double h;

      pango_layout_get_size (label_layout, &lw, &lh);
      pango_layout_get_size (value_layout, &vw, &vh);
      h = (double) MAX (lh, vh) / PANGO_SCALE + 2;
      ensure_room (pdf, h);
      cairo_move_to (pdf->cr, pdf->left, pdf->y + 1);
      pango_cairo_show_layout (pdf->cr, label_layout);
      cairo_move_to (pdf->cr, pdf->left + label_w, pdf->y);
      pango_cairo_show_layout (pdf->cr, value_layout);
      pdf->y += h;
      pdf->page_empty = FALSE;
    }
}

/* Inline cmark nodes as Pango markup */
static void
cmark_inlines (Pdf        *pdf,
               GString    *out,
               cmark_node *parent)
{
  for (cmark_node *node = cmark_node_first_child (parent); node; node = cmark_node_next (node))
    {
      const char *literal = cmark_node_get_literal (node);

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          markup_text (out, literal, strlen (literal), NULL);
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_CODE:
          g_string_append (out, "<span font_family=\"DejaVu Sans Mono\" size=\"90%\">");
          markup_text (out, literal, strlen (literal), NULL);
          g_string_append (out, "</span>");
          break;
        case CMARK_NODE_EMPH:
          g_string_append (out, "<i>");
          cmark_inlines (pdf, out, node);
          g_string_append (out, "</i>");
          break;
        case CMARK_NODE_STRONG:
          g_string_append (out, "<b>");
          cmark_inlines (pdf, out, node);
          g_string_append (out, "</b>");
          break;
        case CMARK_NODE_LINK:
          if (g_str_has_prefix (cmark_node_get_url (node), "#ref-"))
            cmark_inlines (pdf, out, node);
          else
            {
              g_string_append (out, "<span foreground=\"" LINK_COLOR "\" underline=\"single\">");
              cmark_inlines (pdf, out, node);
              g_string_append (out, "</span>");
            }
          break;
        case CMARK_NODE_HTML_INLINE:
          /* raw HTML is left out, as in the HTML export */
          break;
        default:
          if (accords_report_node_is (node, "strikethrough"))
            {
              g_string_append (out, "<s>");
              cmark_inlines (pdf, out, node);
              g_string_append (out, "</s>");
            }
          break;
        }
    }
}

static char *
inlines_of (Pdf        *pdf,
            cmark_node *node)
{
  GString *out = g_string_new (NULL);

  cmark_inlines (pdf, out, node);
  return g_string_free (out, FALSE);
}

static char *
plain_of (cmark_node *node)
{
  GString *out = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *n = cmark_iter_get_node (iter);
      if (event == CMARK_EVENT_ENTER &&
          (cmark_node_get_type (n) == CMARK_NODE_TEXT || cmark_node_get_type (n) == CMARK_NODE_CODE))
        g_string_append (out, cmark_node_get_literal (n));
      else if (event == CMARK_EVENT_ENTER && cmark_node_get_type (n) == CMARK_NODE_SOFTBREAK)
        g_string_append_c (out, ' ');
    }
  cmark_iter_free (iter);
  return g_string_free (out, FALSE);
}

static PangoAlignment
cell_alignment (uint8_t align)
{
  if (align == 'c')
    return PANGO_ALIGN_CENTER;
  if (align == 'r')
    return PANGO_ALIGN_RIGHT;
  return PANGO_ALIGN_LEFT;
}

/* A Markdown table of a note, drawn as the report's own tables are: each
 * column as wide as its longest cell asks, within reason */
static void
note_table (Pdf        *pdf,
            cmark_node *table_node,
            double      indent)
{
  guint n = cmark_gfm_extensions_get_table_columns (table_node);
  uint8_t *aligns = cmark_gfm_extensions_get_table_alignments (table_node);
  g_autofree double *col_w = NULL;
  g_autofree double *want = NULL;
  g_autoptr(PangoFontDescription) bold = pango_font_description_copy (pdf->table_font);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  double total = 0, saved_left = pdf->left;

  if (n == 0)
    return;
  col_w = g_new0 (double, n);
  want = g_new0 (double, n);
  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);

  /* a column's share grows with the length of its longest cell, from 4 to 40 characters */
  for (cmark_node *row = cmark_node_first_child (table_node); row; row = cmark_node_next (row))
    {
      guint i = 0;

      for (cmark_node *cell = cmark_node_first_child (row); cell && i < n; cell = cmark_node_next (cell), i++)
        {
          g_autofree char *plain = plain_of (cell);
          want[i] = MAX (want[i], CLAMP ((double) g_utf8_strlen (plain, -1), 4, 40));
        }
    }
  for (guint i = 0; i < n; i++)
    total += want[i];
  for (guint i = 0; i < n; i++)
    col_w[i] = (content_width (pdf) - indent) * want[i] / total;

  for (cmark_node *row = cmark_node_first_child (table_node); row; row = cmark_node_next (row))
    {
      gboolean is_header = cmark_gfm_extensions_get_table_row_is_header (row);
      GPtrArray *cells = is_header ? header : g_ptr_array_new_with_free_func (g_object_unref);
      cmark_node *cell = cmark_node_first_child (row);

      /* a row short of cells is padded, as GitHub shows it */
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *markup = cell ? inlines_of (pdf, cell) : g_strdup ("");
          PangoLayout *layout = new_layout (pdf, markup, is_header ? bold : pdf->table_font,
                                            col_w[i] - 2 * CELL_PADDING);

          pango_layout_set_alignment (layout, cell_alignment (aligns ? aligns[i] : 0));
          g_ptr_array_add (cells, layout);
          if (cell)
            cell = cmark_node_next (cell);
        }
      if (!is_header)
        g_ptr_array_add (rows, cells);
    }

  pdf->left += indent;
  if (rows->len > 0)
    draw_table (pdf, header, rows, col_w);
  else
    {
      /* a header alone is still a table */
      add_space (pdf, 6);
      ensure_room (pdf, cells_height (header));
      table_row (pdf, header, col_w, cells_height (header), TRUE);
      pdf->y += 6;
    }
  pdf->left = saved_left;
}

static void
cmark_blocks (Pdf        *pdf,
              cmark_node *parent,
              double      indent,
              gboolean    quoted)
{
  for (cmark_node *node = cmark_node_first_child (parent); node; node = cmark_node_next (node))
    {
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
          {
            g_autofree char *markup = inlines_of (pdf, node);
            g_autofree char *styled = quoted ? g_strdup_printf ("<i>%s</i>", markup) : NULL;
            gboolean tight = cmark_node_parent (node) && cmark_node_get_type (cmark_node_parent (node)) == CMARK_NODE_ITEM &&
                             cmark_node_get_list_tight (cmark_node_parent (cmark_node_parent (node)));

            paragraph (pdf, styled ? styled : markup, pdf->body_font, indent, tight ? 2 : 6, NULL);
          }
          break;

        case CMARK_NODE_HEADING:
          {
            g_autofree char *markup = inlines_of (pdf, node);
            g_autofree char *plain = plain_of (node);

            heading (pdf, (guint) cmark_node_get_heading_level (node), markup, plain, NULL);
          }
          break;

        case CMARK_NODE_BLOCK_QUOTE:
          {
            double start = pdf->y;
            guint page = pdf->page;

            cmark_blocks (pdf, node, indent + 14, TRUE);
            if (page == pdf->page)
              {
                cairo_save (pdf->cr);
                cairo_set_source_rgb (pdf->cr, 0.75, 0.75, 0.75);
                cairo_set_line_width (pdf->cr, 2);
                cairo_move_to (pdf->cr, pdf->left + indent + 4, start + 6);
                cairo_line_to (pdf->cr, pdf->left + indent + 4, pdf->y);
                cairo_stroke (pdf->cr);
                cairo_restore (pdf->cr);
              }
          }
          break;

        case CMARK_NODE_LIST:
          {
            gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;
            int number = cmark_node_get_list_start (node);

            for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item), number++)
              {
                g_free (pdf->bullet);
                pdf->bullet = ordered ? g_strdup_printf ("%d.", number) : g_strdup ("•");
                pdf->bullet_x = pdf->left + indent + 2;
                cmark_blocks (pdf, item, indent + 18, quoted);
                g_clear_pointer (&pdf->bullet, g_free);
              }
            pdf->y += 2;
          }
          break;

        case CMARK_NODE_CODE_BLOCK:
          {
            const char *literal = cmark_node_get_literal (node);
            g_autofree char *text = g_strdup (literal ? literal : "");
            g_autofree char *markup = NULL;
            g_autoptr(PangoLayout) layout = NULL;
            gsize len = strlen (text);

            if (len > 0 && text[len - 1] == '\n')
              text[len - 1] = '\0';
            markup = g_markup_escape_text (text, -1);
            layout = new_layout (pdf, markup, pdf->mono_font, content_width (pdf) - indent - 6);
            add_space (pdf, 6);
            flow_layout (pdf, layout, pdf->left + indent + 3, TRUE, NULL);
            pdf->y += 2;
          }
          break;

        case CMARK_NODE_THEMATIC_BREAK:
          add_space (pdf, 8);
          ensure_room (pdf, 8);
          cairo_save (pdf->cr);
          cairo_set_source_rgb (pdf->cr, 0.7, 0.7, 0.7);
          cairo_set_line_width (pdf->cr, 0.6);
          cairo_move_to (pdf->cr, pdf->left + indent, pdf->y + 4);
          cairo_line_to (pdf->cr, pdf->width - pdf->right, pdf->y + 4);
          cairo_stroke (pdf->cr);
          cairo_restore (pdf->cr);
          pdf->y += 8;
          break;

        case CMARK_NODE_ITEM:
          cmark_blocks (pdf, node, indent, quoted);
          break;

        case CMARK_NODE_HTML_BLOCK:
          break;

        default:
          if (accords_report_node_is (node, "table"))
            note_table (pdf, node, indent);
          break;
        }
    }
}

static void
references (Pdf *pdf)
{
  g_autofree char *widest = g_strdup_printf ("[%u]", pdf->report->references->len);
  g_autoptr(PangoLayout) probe = new_layout (pdf, widest, pdf->body_font, content_width (pdf));
  double indent;
  int w, h;

  gboolean numbered = pdf->report->style == ACCORDS_CITATION_STYLE_NUMBERED;

  /* the numbers' column is as wide as the widest number; by author, the
   * entries hang instead */
  pango_layout_get_size (probe, &w, &h);
  indent = numbered ? MAX (28.0, (double) w / PANGO_SCALE + 8) : 0;
  add_space (pdf, 4);
  for (guint k = 0; k < pdf->report->order->len; k++)
    {
      guint number = g_array_index (pdf->report->order, guint, k);
      g_autofree char *before = NULL, *url = NULL, *after = NULL;
      g_autofree char *anchor = g_strdup_printf ("name='ref-%u'", number);
      GString *markup = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      g_autoptr(GUri) uri = NULL;

      accords_report_format_entry (pdf->report, number, &before, &url, &after);
      markup_text (markup, before, strlen (before), NULL);
      if (url != NULL)
        {
          /* an address breaks anywhere, with no hyphen that is not in it */
          g_string_append (markup, "<span foreground=\"" LINK_COLOR "\" insert_hyphens=\"false\">");
          markup_text (markup, url, strlen (url), NULL);
          g_string_append (markup, "</span>");
          uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
        }
      markup_text (markup, after, strlen (after), NULL);
      text = g_string_free (markup, FALSE);

      g_free (pdf->bullet);
      pdf->bullet = numbered ? g_strdup_printf ("[%u]", number) : NULL;
      pdf->bullet_x = pdf->left;
      add_space (pdf, 3);
      layout = new_layout (pdf, text, pdf->body_font, content_width (pdf) - indent);
      if (!numbered)
        {
          /* a hanging indent: the first line out, the rest in */
          pango_layout_set_width (layout, (int) ((content_width (pdf) - 18) * PANGO_SCALE));
          pango_layout_set_indent (layout, -18 * PANGO_SCALE);
        }
      ensure_room (pdf, 14);
      cairo_tag_begin (pdf->cr, CAIRO_TAG_DEST, anchor);
      cairo_tag_end (pdf->cr, CAIRO_TAG_DEST);
      flow_layout (pdf, layout, pdf->left + indent, FALSE, uri != NULL ? url : NULL);
    }
}

static void
render (Pdf *pdf)
{
  pdf->page = 1;
  pdf->y = pdf->top;
  pdf->page_empty = TRUE;
  memset (pdf->outline, 0, sizeof pdf->outline);

  for (guint i = 0; i < pdf->report->blocks->len; i++)
    {
      AccordsReportBlock *block = pdf->report->blocks->pdata[i];

      switch (block->kind)
        {
        case ACCORDS_REPORT_HEADING:
          {
            g_autofree char *markup = inline_markup (pdf, block->text);
            heading (pdf, block->level, markup, block->text, block->anchor);
          }
          break;

        case ACCORDS_REPORT_SUBTITLE:
          {
            g_autofree char *inner = inline_markup (pdf, block->text);
            g_autofree char *markup = g_strdup_printf ("<span foreground=\"#555555\"><i>%s</i></span>", inner);
            paragraph (pdf, markup, pdf->body_font, 0, 0, NULL);
            pdf->y += 6;
          }
          break;

        case ACCORDS_REPORT_PARAGRAPH:
          {
            g_autofree char *markup = inline_markup (pdf, block->text);
            paragraph (pdf, markup, pdf->body_font, 0, 8, NULL);
          }
          break;

        case ACCORDS_REPORT_FIELDS:
          fields (pdf, block);
          break;

        case ACCORDS_REPORT_LIST:
          for (guint r = 0; block->rows && r < block->rows->len; r++)
            {
              GStrv row = block->rows->pdata[r];
              g_autofree char *markup = inline_markup (pdf, row[0]);

              g_free (pdf->bullet);
              pdf->bullet = g_strdup ("•");
              pdf->bullet_x = pdf->left + 2;
              paragraph (pdf, markup, pdf->body_font, 18, r == 0 ? 6 : 2, NULL);
            }
          break;

        case ACCORDS_REPORT_TABLE:
          table (pdf, block);
          break;

        case ACCORDS_REPORT_NOTE_BODY:
          {
            cmark_node *root = accords_report_parse_note (pdf->report, block->text, block->level);
            cmark_blocks (pdf, root, 0, FALSE);
            cmark_node_free (root);
          }
          break;

        case ACCORDS_REPORT_REFERENCES:
          references (pdf);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  draw_footer (pdf);
  cairo_show_page (pdf->cr);
}

static cairo_status_t
write_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  if (closure != NULL)
    g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One pass over the report onto a PDF surface writing into bytes (NULL:
 * nowhere); returns the number of pages */
static guint
run_pass (AccordsReport     *report,
          double             width,
          double             height,
          guint              n_pages,
          GByteArray        *bytes,
          cairo_status_t    *status)
{
  Pdf pdf = { 0 };
  cairo_font_options_t *options = cairo_font_options_create ();
  g_autofree char *date = g_date_time_format (report->exported_at, "%Y-%m-%dT%H:%M:%SZ");
  guint pages;

  pdf.report = report;
  pdf.width = width;
  pdf.height = height;
  pdf.left = pdf.right = 56.7;     /* 2 cm */
  pdf.top = 56.7;
  pdf.bottom = 62;
  pdf.n_pages = n_pages;
  pdf.surface = cairo_pdf_surface_create_for_stream (write_bytes, bytes, width, height);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "Accords " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  pdf.cr = cairo_create (pdf.surface);
  pdf.pango = pango_cairo_create_context (pdf.cr);
  /* lay out in points, unhinted, so that both passes break alike */
  pango_cairo_context_set_resolution (pdf.pango, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf.pango, options);
  cairo_font_options_destroy (options);
  pdf.body_font = pango_font_description_from_string (BODY_FONT);
  pdf.sans_font = pango_font_description_from_string (SANS_FONT);
  pdf.table_font = pango_font_description_from_string (TABLE_FONT);
  pdf.mono_font = pango_font_description_from_string (MONO_FONT);
  pdf.footer_font = pango_font_description_from_string (FOOTER_FONT);

  render (&pdf);
  pages = pdf.page;

  g_free (pdf.bullet);
  pango_font_description_free (pdf.body_font);
  pango_font_description_free (pdf.sans_font);
  pango_font_description_free (pdf.table_font);
  pango_font_description_free (pdf.mono_font);
  pango_font_description_free (pdf.footer_font);
  g_object_unref (pdf.pango);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (pdf.surface);
  *status = cairo_surface_status (pdf.surface);
  cairo_surface_destroy (pdf.surface);
  return pages;
}

GBytes *
accords_report_to_pdf (AccordsReport     *report,
                       AccordsPaperSize   paper,
                       GError           **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  double width = paper == ACCORDS_PAPER_LETTER ? 612 : 595.276;
  double height = paper == ACCORDS_PAPER_LETTER ? 792 : 841.89;
  cairo_status_t status;
  guint pages;

  /* the first pass counts the pages for "page N of M" */
  pages = run_pass (report, width, height, 0, NULL, &status);
  if (status == CAIRO_STATUS_SUCCESS)
    run_pass (report, width, height, pages, bytes, &status);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED,
                   _("Drawing the PDF failed: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
