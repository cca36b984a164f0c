/* accords-export.h: reports (Markdown, HTML, PDF), datasets (CSV, JSON,
 * GeoJSON) and the works they cite (CSL-JSON, BibTeX, RIS) */
#pragma once

#include <gio/gio.h>

#include "accords-context.h"
#include "accords-files.h"
#include "accords-iso-codes.h"
#include "accords-store.h"

G_BEGIN_DECLS

typedef enum {
  ACCORDS_EXPORT_SCOPE_NOTE,       /* one note */
  ACCORDS_EXPORT_SCOPE_AGREEMENT,  /* one agreement's dossier */
  ACCORDS_EXPORT_SCOPE_ALL,        /* everything */
} AccordsExportScope;

typedef enum {
  ACCORDS_EXPORT_FORMAT_MARKDOWN,
  ACCORDS_EXPORT_FORMAT_HTML,
  ACCORDS_EXPORT_FORMAT_PDF,
  ACCORDS_EXPORT_FORMAT_CSV,
  ACCORDS_EXPORT_FORMAT_JSON,
  ACCORDS_EXPORT_FORMAT_GEOJSON,   /* RFC 7946: a point per party, a line per sending–receiving pair */
  ACCORDS_EXPORT_FORMAT_CSL_JSON,  /* the works the report would cite, for Zotero, Pandoc, Citation.js */
  ACCORDS_EXPORT_FORMAT_BIBTEX,
  ACCORDS_EXPORT_FORMAT_RIS,
} AccordsExportFormat;

/* How a report cites and lists its references */
typedef enum {
  ACCORDS_CITATION_STYLE_NUMBERED,     /* "[1]", listed in the order first cited */
  ACCORDS_CITATION_STYLE_AUTHOR_DATE,  /* "(Doe 2025)", listed by author */
} AccordsCitationStyle;

/* Which table a CSV export holds */
typedef enum {
  ACCORDS_EXPORT_TABLE_AGREEMENTS,
  ACCORDS_EXPORT_TABLE_PARTIES,
  ACCORDS_EXPORT_TABLE_EVENTS,
  ACCORDS_EXPORT_TABLE_ITEMS,      /* news items with their links to countries and agreements */
} AccordsExportTable;

typedef enum {
  ACCORDS_PAPER_A4,
  ACCORDS_PAPER_LETTER,
} AccordsPaperSize;

typedef struct {
  AccordsExportScope   scope;
  gint64               note_id;       /* for ACCORDS_EXPORT_SCOPE_NOTE */
  char                *agreement;     /* slug, for ACCORDS_EXPORT_SCOPE_AGREEMENT */
  AccordsExportFormat  format;
  AccordsExportTable   table;         /* for CSV */
  AccordsPaperSize     paper;         /* for PDF */
  AccordsCitationStyle citation_style; /* for reports */
  /* The day the report says it was exported (UTC); NULL: today, or
   * $SOURCE_DATE_EPOCH when set, so that exports can be reproduced */
  GDateTime           *exported_on;
} AccordsExportOptions;

void        accords_export_options_init        (AccordsExportOptions       *options);
void        accords_export_options_clear       (AccordsExportOptions       *options);
void        accords_export_options_copy        (const AccordsExportOptions *src,
                                                AccordsExportOptions       *dest);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AccordsExportOptions, accords_export_options_clear)

gboolean    accords_export_format_from_string  (const char                 *name,
                                                AccordsExportFormat        *format);
const char *accords_export_format_to_string    (AccordsExportFormat         format);
/* "md", "html", ... */
const char *accords_export_format_get_extension (AccordsExportFormat        format);
const char *accords_export_format_get_mime_type (AccordsExportFormat        format);
gboolean    accords_export_format_is_report    (AccordsExportFormat         format);
/* CSL-JSON, BibTeX and RIS: a note exports in them as a report does */
gboolean    accords_export_format_is_citations (AccordsExportFormat         format);
/* "numbered", "author-date" */
gboolean    accords_citation_style_from_string (const char                 *name,
                                                AccordsCitationStyle       *style);
const char *accords_citation_style_to_string   (AccordsCitationStyle        style);
gboolean    accords_export_table_from_string   (const char                 *name,
                                                AccordsExportTable         *table);
gboolean    accords_paper_size_from_string     (const char                 *name,
                                                AccordsPaperSize           *paper);

/* The export as bytes; nothing is written anywhere */
GBytes     *accords_export_render              (AccordsStore               *store,
                                                AccordsIsoCodes            *iso_codes,
                                                const AccordsExportOptions *options,
                                                GError                    **error);
/* Renders, then writes path atomically: an existing file is replaced only
 * once the new one is complete, and a failure leaves nothing behind. */
gboolean    accords_export_to_file             (AccordsStore               *store,
                                                AccordsIsoCodes            *iso_codes,
                                                const AccordsExportOptions *options,
                                                const char                 *path,
                                                GError                    **error);
/* The same in a worker thread, on a connection of its own to the context's database */
void        accords_export_to_file_async       (AccordsContext             *context,
                                                const AccordsExportOptions *options,
                                                GFile                      *file,
                                                GCancellable               *cancellable,
                                                GAsyncReadyCallback         callback,
                                                gpointer                    user_data);
gboolean    accords_export_to_file_finish      (AccordsContext             *context,
                                                GAsyncResult               *result,
                                                GError                    **error);

G_END_DECLS
