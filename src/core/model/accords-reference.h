/* accords-reference.h: what a citation points at, as a reference list shows it */
#pragma once

#include <glib-object.h>

#include "accords-citation.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_REFERENCE (accords_reference_get_type ())

G_DECLARE_FINAL_TYPE (AccordsReference, accords_reference, ACCORDS, REFERENCE, GObject)

/* Properties (read-only): kind, id, title, publisher (a source's publisher or
 * an item's feed), published, url, accessed, missing (the cited row is gone). */
AccordsReference   *accords_reference_new            (AccordsCitationKind  kind,
                                                      gint64               id,
                                                      const char          *title,
                                                      const char          *publisher,
                                                      const char          *published,
                                                      const char          *url,
                                                      const char          *accessed);
/* A citation of a row that no longer exists */
AccordsReference   *accords_reference_new_missing    (AccordsCitationKind  kind,
                                                      gint64               id);
AccordsCitationKind accords_reference_get_kind       (AccordsReference    *self);
gint64              accords_reference_get_id         (AccordsReference    *self);
const char         *accords_reference_get_title      (AccordsReference    *self);
const char         *accords_reference_get_publisher  (AccordsReference    *self);
const char         *accords_reference_get_published  (AccordsReference    *self);
const char         *accords_reference_get_url        (AccordsReference    *self);
const char         *accords_reference_get_accessed   (AccordsReference    *self);
gboolean            accords_reference_get_missing    (AccordsReference    *self);
/* The title, else the URL's host, else the URL */
char               *accords_reference_dup_label      (AccordsReference    *self);

/* The parts of a reference entry, each plain text or NULL when unknown:
 * the label, the publisher, the date of publication (formatted), the URL
 * and "accessed DATE". */
typedef struct {
  char *label;
  char *publisher;
  char *date;
  char *url;
  char *accessed;
} AccordsReferenceParts;

void                accords_reference_get_parts      (AccordsReference      *self,
                                                      AccordsReferenceParts *parts);
void                accords_reference_parts_clear    (AccordsReferenceParts *parts);
/* The entry in three runs of plain text, for formats that make the URL a
 * link: what comes before the URL, the URL (or NULL), what comes after */
void                accords_reference_format_runs    (AccordsReference    *self,
                                                      char               **before,
                                                      char               **url,
                                                      char               **after);
/* "Label. Publisher, 4 May 2025. URL (accessed 6 May 2025)." */
char               *accords_reference_format         (AccordsReference    *self);

G_END_DECLS
