/* accords-cite-record.h: a cited work as reference managers take it in */
#pragma once

#include <glib.h>

#include "accords-citation.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* The kinds of work a citation export distinguishes; each maps to one CSL
 * type, one BibTeX entry type and one RIS TY that Zotero imports as the
 * matching item type. */
typedef enum {
  ACCORDS_WORK_WEBPAGE,            /* CSL webpage, @online, ELEC */
  ACCORDS_WORK_NEWSPAPER_ARTICLE,  /* CSL article-newspaper, @article, NEWS */
  ACCORDS_WORK_REPORT,             /* CSL report, @techreport, RPRT */
  ACCORDS_WORK_LEGAL_CASE,         /* CSL legal_case, @misc, CASE */
  ACCORDS_WORK_JOURNAL_ARTICLE,    /* CSL article-journal, @article, JOUR */
  ACCORDS_WORK_DOCUMENT,           /* CSL document, @misc, GEN */
} AccordsWorkType;

/* A person (family, given) or a body named as one string (literal) */
typedef struct {
  char *family;
  char *given;
  char *literal;
} AccordsCiteName;

typedef struct {
  char            *id;                /* "source:12", "item:41": the note's marker inside "[@…]" */
  AccordsWorkType  type;
  char            *title;
  GPtrArray       *authors;           /* of AccordsCiteName, in order */
  char            *container;         /* the newspaper, the site, the feed */
  char            *publisher;
  char            *issued;            /* YYYY[-MM[-DD]], or NULL */
  char            *url;
  char            *accessed;          /* YYYY-MM-DD, or NULL */
  char            *archived;          /* YYYY-MM-DD a copy was kept, or NULL */
  char            *archive_location;  /* where that copy is, or NULL */
} AccordsCiteRecord;

AccordsCiteRecord *accords_cite_record_new        (const char        *id,
                                                   AccordsWorkType    type);
void               accords_cite_record_free       (AccordsCiteRecord *record);
void               accords_cite_record_add_author (AccordsCiteRecord *record,
                                                   const char        *family,
                                                   const char        *given,
                                                   const char        *literal);
/* Adds the people a feed or a page names as authors: "Jane Doe",
 * "Doe, Jane", "jane@example.org (Jane Doe)", "By A and B", "A; B"; a name
 * that is not plainly a person's ("Reuters", "Staff") stays whole. */
void               accords_cite_record_add_byline (AccordsCiteRecord *record,
                                                   const char        *byline);
/* The work a citation names, from the store; NULL with no error when the
 * row is gone */
AccordsCiteRecord *accords_cite_record_load       (AccordsStore       *store,
                                                   AccordsCitationKind kind,
                                                   gint64              id,
                                                   GError            **error);

/* Parts of a YYYY[-MM[-DD]] date; returns how many there are (0: none) */
guint              accords_cite_date_parts        (const char        *date,
                                                   int                parts[3]);

/* The records as reference managers read them, following Zotero's import
 * mappings: CSL-JSON (an array of items), BibTeX (BibLaTeX's fields, UTF-8)
 * and RIS (CRLF lines, "TY  - " to "ER  - ") */
GBytes            *accords_cite_records_to_csl_json (GPtrArray *records);
GBytes            *accords_cite_records_to_bibtex   (GPtrArray *records);
GBytes            *accords_cite_records_to_ris      (GPtrArray *records);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsCiteRecord, accords_cite_record_free)

G_END_DECLS
