/* accords-citation.h: citation markers in note bodies, and their numbering */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A note cites with markers in its Markdown: "[@source:12]" names row 12 of
 * the source table, "[@item:345]" news item 345.  Markers inside code spans,
 * fenced code blocks or after a backslash are text, not citations. */
typedef enum {
  ACCORDS_CITATION_SOURCE,
  ACCORDS_CITATION_ITEM,
} AccordsCitationKind;

typedef struct {
  AccordsCitationKind kind;
  gint64              id;
  gsize               start;   /* byte offsets of the marker in the text */
  gsize               end;
} AccordsCitationMark;

const char *accords_citation_kind_to_string   (AccordsCitationKind  kind);
gboolean    accords_citation_kind_from_string (const char          *name,
                                               AccordsCitationKind *kind);
/* "[@source:12]" */
char       *accords_citation_marker           (AccordsCitationKind  kind,
                                               gint64               id);
/* Every marker in text, in order: a GArray of AccordsCitationMark */
GArray     *accords_citations_parse           (const char          *text);

/* Returns the text that replaces a marker (newly allocated) */
typedef char *(*AccordsCitationReplaceFunc) (const AccordsCitationMark *mark,
                                             gpointer                   user_data);
/* text with every marker replaced by what func returns */
char       *accords_citations_replace         (const char                 *text,
                                               AccordsCitationReplaceFunc  func,
                                               gpointer                    user_data);

/* Numbers citations in the order they are first cited: a work cited twice
 * keeps its first number. */
typedef struct _AccordsCitationNumbering AccordsCitationNumbering;

AccordsCitationNumbering *accords_citation_numbering_new      (void);
void                      accords_citation_numbering_free     (AccordsCitationNumbering *self);
/* The work's number, given it now when it has none (1-based) */
guint                     accords_citation_numbering_add      (AccordsCitationNumbering *self,
                                                               AccordsCitationKind       kind,
                                                               gint64                    id);
/* Numbers every marker of text in order */
void                      accords_citation_numbering_add_text (AccordsCitationNumbering *self,
                                                               const char               *text);
/* The work's number, or 0 when it has none */
guint                     accords_citation_numbering_lookup   (AccordsCitationNumbering *self,
                                                               AccordsCitationKind       kind,
                                                               gint64                    id);
guint                     accords_citation_numbering_get_n    (AccordsCitationNumbering *self);
/* The work numbered index + 1 */
void                      accords_citation_numbering_get      (AccordsCitationNumbering *self,
                                                               guint                     index,
                                                               AccordsCitationKind      *kind,
                                                               gint64                   *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsCitationNumbering, accords_citation_numbering_free)

G_END_DECLS
