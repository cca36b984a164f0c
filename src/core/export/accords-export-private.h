/* accords-export-private.h: the report every document format is rendered from */
#pragma once

#include <cmark-gfm.h>

#include "accords-citation.h"
#include "accords-cite-record.h"
#include "accords-export.h"
#include "accords-reference.h"

G_BEGIN_DECLS

/* Text in a report is plain text that may hold citation markers; each
 * format escapes the text and turns the markers into numbered references. */
typedef enum {
  ACCORDS_REPORT_HEADING,     /* level, text, anchor */
  ACCORDS_REPORT_SUBTITLE,    /* text: the line under the title */
  ACCORDS_REPORT_PARAGRAPH,   /* text */
  ACCORDS_REPORT_FIELDS,      /* rows of { label, value } */
  ACCORDS_REPORT_TABLE,       /* columns, widths, rows */
  ACCORDS_REPORT_LIST,        /* rows of { text } */
  ACCORDS_REPORT_NOTE_BODY,   /* text: Markdown without its title line; level: its headings' offset */
  ACCORDS_REPORT_REFERENCES,  /* the numbered references of the whole report */
} AccordsReportBlockKind;

typedef struct {
  AccordsReportBlockKind  kind;
  guint                   level;
  char                   *text;
  char                   *anchor;
  GStrv                   columns;
  double                 *widths;    /* relative column widths, for paged output */
  GPtrArray              *rows;      /* of GStrv */
} AccordsReportBlock;

typedef struct {
  char                     *title;
  char                     *exported_on;   /* YYYY-MM-DD */
  GDateTime                *exported_at;
  GPtrArray                *blocks;        /* of AccordsReportBlock */
  AccordsCitationNumbering *numbering;
  GPtrArray                *references;    /* AccordsReference of number i + 1 */
  GPtrArray                *records;       /* AccordsCiteRecord of number i + 1; NULL when the row is gone */
  AccordsCitationStyle      style;
  GPtrArray                *labels;        /* what the text shows for number i + 1: "[1]", "(Doe 2025)" */
  GArray                   *order;         /* the numbers (guint) in the order the list shows them */
} AccordsReport;

AccordsReport *accords_report_build        (AccordsStore               *store,
                                            AccordsIsoCodes            *iso_codes,
                                            const AccordsExportOptions *options,
                                            GError                    **error);
void           accords_report_free         (AccordsReport              *report);

/* The agreements the options' scope covers, by title; format_name is what
 * the message calls the format when the scope is a note */
GListStore    *accords_export_load_agreements (AccordsStore               *store,
                                               const AccordsExportOptions *options,
                                               const char                 *format_name,
                                               GError                    **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsReport, accords_report_free)

/* The in-text citation of number (1-based) in the report's style */
const char    *accords_report_cite_label    (AccordsReport *report,
                                             guint          number);
/* A reference list entry in three runs of plain text, as
 * accords_reference_format_runs() gives them, in the report's style */
void           accords_report_format_entry  (AccordsReport *report,
                                             guint          number,
                                             char         **before,
                                             char         **url,
                                             char         **after);
/* Sets labels and order for the report's style (accords-export-style.c) */
void           accords_report_apply_style   (AccordsReport *report);

/* The works the options' report cites, in the order it numbers them,
 * those no longer in the store left out: AccordsCiteRecord */
GPtrArray     *accords_export_load_cite_records (AccordsStore               *store,
                                                 AccordsIsoCodes            *iso_codes,
                                                 const AccordsExportOptions *options,
                                                 GError                    **error);

/* Walks text, handing plain runs to text_func and each citation marker's
 * number to cite_func (markers of works the report does not number stay text) */
typedef void (*AccordsInlineTextFunc) (GString    *out,
                                       const char *text,
                                       gsize       length,
                                       gpointer    user_data);
typedef void (*AccordsInlineCiteFunc) (GString    *out,
                                       guint       number,
                                       gpointer    user_data);
void           accords_report_append_inline (AccordsReport        *report,
                                             GString              *out,
                                             const char           *text,
                                             AccordsInlineTextFunc text_func,
                                             AccordsInlineCiteFunc cite_func,
                                             gpointer              user_data);

/* A note body parsed with cmark, headings moved down by heading_offset,
 * images made links (the file stays self-contained), and citation markers
 * made links to "#ref-N" whose text is "[N]" */
cmark_node    *accords_report_parse_note    (AccordsReport *report,
                                             const char    *markdown,
                                             guint          heading_offset);
/* The same note body as HTML, tables and all (g_free it) */
char          *accords_report_note_to_html  (AccordsReport *report,
                                             const char    *markdown,
                                             guint          heading_offset);
/* Whether node is of an extension's type: "table", "table_row",
 * "table_header", "table_cell", "strikethrough" */
gboolean       accords_report_node_is       (cmark_node    *node,
                                             const char    *type);

GBytes        *accords_report_to_markdown  (AccordsReport    *report);
GBytes        *accords_report_to_html      (AccordsReport    *report);
GBytes        *accords_report_to_pdf       (AccordsReport    *report,
                                            AccordsPaperSize  paper,
                                            GError          **error);

GBytes        *accords_export_dataset_csv     (AccordsStore               *store,
                                               AccordsIsoCodes            *iso_codes,
                                               const AccordsExportOptions *options,
                                               GError                    **error);
GBytes        *accords_export_dataset_json    (AccordsStore               *store,
                                               AccordsIsoCodes            *iso_codes,
                                               const AccordsExportOptions *options,
                                               GError                    **error);
GBytes        *accords_export_dataset_geojson (AccordsStore               *store,
                                               AccordsIsoCodes            *iso_codes,
                                               const AccordsExportOptions *options,
                                               GError                    **error);

/* The exported-on date of the options, as UTC midnight */
GDateTime     *accords_export_options_dup_date (const AccordsExportOptions *options);

G_END_DECLS
