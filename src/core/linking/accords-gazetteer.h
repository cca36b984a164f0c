/* accords-gazetteer.h: the countries a text mentions, by name, short name and demonym */
#pragma once

#include <gio/gio.h>

#include "accords-iso-codes.h"
#include "accords-trie.h"

G_BEGIN_DECLS

/* One country a document mentions */
typedef struct {
  const char *code;     /* ISO 3166-1 alpha-2, or EU */
  const char *matched;  /* the forms found, as written, ", "-separated: "Rwanda, Rwandan" */
  guint       count;    /* how many times it occurred */
  guint       index;    /* the gazetteer's index of the country */
} AccordsCountryMention;

/* One occurrence, where it is */
typedef struct {
  guint32 field;     /* which of the document's texts */
  guint32 start;     /* byte offsets in that text */
  guint32 end;
  guint32 sentence;  /* sentences run on from one field to the next */
  guint32 country;   /* the gazetteer's index of the country */
} AccordsCountryHit;

/* What a scan found; reused from one document to the next so that scanning
 * allocates nothing once it has warmed up.  Valid until the next scan. */
typedef struct _AccordsGazetteerScan AccordsGazetteerScan;

AccordsGazetteerScan        *accords_gazetteer_scan_new           (void);
void                         accords_gazetteer_scan_free          (AccordsGazetteerScan *scan);
/* Most mentioned first, then in order of appearance */
guint                        accords_gazetteer_scan_get_n_mentions (AccordsGazetteerScan *scan);
const AccordsCountryMention *accords_gazetteer_scan_get_mention   (AccordsGazetteerScan *scan,
                                                                   guint                 i);
/* How many times the country of that index occurred (0: not at all) */
guint                        accords_gazetteer_scan_get_count     (AccordsGazetteerScan *scan,
                                                                   guint                 index);
/* Every occurrence, in the order of the text */
const AccordsCountryHit     *accords_gazetteer_scan_get_hits      (AccordsGazetteerScan *scan,
                                                                   guint                *n_hits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsGazetteerScan, accords_gazetteer_scan_free)

/* Called for each line of a data table that is neither empty nor a comment,
 * with its tab-separated fields, trimmed; where names the line in messages
 * ("gazetteer/names.tsv line 12"). */
typedef gboolean (*AccordsGazetteerLineFunc) (char       **fields,
                                              guint        n_fields,
                                              const char  *where,
                                              gpointer     user_data,
                                              GError     **error);

#define ACCORDS_TYPE_GAZETTEER (accords_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (AccordsGazetteer, accords_gazetteer, ACCORDS, GAZETTEER, GObject)

/* The gazetteer of the data compiled into Accords */
AccordsGazetteer *accords_gazetteer_new                (AccordsIsoCodes       *iso_codes,
                                                        GError               **error);
/* The same from the files of a directory laid out as data/gazetteer is, to
 * try changes without rebuilding.  Errors name the file and line. */
AccordsGazetteer *accords_gazetteer_new_from_directory (AccordsIsoCodes       *iso_codes,
                                                        GFile                 *directory,
                                                        GError               **error);

/* Changes whenever the data or the matching rules do: stored links made
 * with another checksum are out of date. */
const char       *accords_gazetteer_get_checksum       (AccordsGazetteer      *self);
AccordsIsoCodes  *accords_gazetteer_get_iso_codes      (AccordsGazetteer      *self);
guint             accords_gazetteer_get_n_countries    (AccordsGazetteer      *self);
const char       *accords_gazetteer_get_code           (AccordsGazetteer      *self,
                                                        guint                  index);
gboolean          accords_gazetteer_lookup_code        (AccordsGazetteer      *self,
                                                        const char            *code,
                                                        guint                 *index);
guint             accords_gazetteer_get_n_phrases      (AccordsGazetteer      *self);
/* The contents of one of its data files ("signals.tsv"), for the linker */
GBytes           *accords_gazetteer_get_data           (AccordsGazetteer      *self,
                                                        const char            *name);
gboolean          accords_gazetteer_parse_table        (GBytes                *bytes,
                                                        const char            *name,
                                                        AccordsGazetteerLineFunc func,
                                                        gpointer               user_data,
                                                        GError               **error);

/* Finds the countries a document mentions; its fields (title, summary,
 * content) are texts[0..n_texts), NULL ones skipped. */
void              accords_gazetteer_scan               (AccordsGazetteer      *self,
                                                        AccordsGazetteerScan  *scan,
                                                        const char * const    *texts,
                                                        guint                  n_texts);
/* The same, finding in the same pass what another trie finds (appended to
 * other_matches, AccordsTrieMatch, marked with the field) */
void              accords_gazetteer_scan_with          (AccordsGazetteer      *self,
                                                        AccordsGazetteerScan  *scan,
                                                        const char * const    *texts,
                                                        guint                  n_texts,
                                                        AccordsTrie           *other,
                                                        GArray                *other_matches);

G_END_DECLS
