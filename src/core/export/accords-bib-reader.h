/* accords-bib-reader.h: BibTeX and RIS read back into entries */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One entry of either format.  Pure parsers: text in, entries or a GError
 * (ACCORDS_ERROR_INVALID, naming the line) out; nothing else is touched. */
typedef struct {
  char       *type;     /* BibTeX: the entry type, lower case ("article"); RIS: TY ("NEWS") */
  char       *key;      /* BibTeX: the cite key; RIS: ID, or NULL */
  GPtrArray  *names;    /* field names (BibTeX: lower case), in order */
  GPtrArray  *values;   /* their values, in the same order */
} AccordsBibEntry;

void         accords_bib_entry_free    (AccordsBibEntry *entry);
/* The first value of the field, or NULL */
const char  *accords_bib_entry_get     (AccordsBibEntry *entry,
                                        const char      *name);
/* Every value of the field, in order (RIS repeats AU for each author) */
GStrv        accords_bib_entry_get_all (AccordsBibEntry *entry,
                                        const char      *name);

/* BibTeX as BibTeX and BibLaTeX write it: @type{key, name = value, …} or
 * with parentheses; values in braces (nested), in quotes, numbers or
 * macros (@string, and the months jan…dec) joined with #.  @comment and
 * @preamble, and text between entries, are skipped.  A value keeps its
 * inner braces and escapes: see accords_bibtex_to_plain(). */
GPtrArray   *accords_bibtex_read       (const char      *text,
                                        GError         **error);
/* A field's value as plain text: braces dropped, \&, \%, \$, \#, \_, \{,
 * \}, \textbackslash{}, \textasciitilde{}, \textasciicircum{} decoded */
char        *accords_bibtex_to_plain   (const char      *value);
/* An author field split on " and " outside braces, each name as written */
GStrv        accords_bibtex_split_names (const char     *value);

/* RIS: "XX  - value" lines from "TY  - " to "ER  - ", CRLF or LF; a line
 * without a tag continues the value above it */
GPtrArray   *accords_ris_read          (const char      *text,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsBibEntry, accords_bib_entry_free)

G_END_DECLS
