/* accords-linker.h: the countries and agreements a news item is about */
#pragma once

#include <gio/gio.h>

#include "accords-gazetteer.h"

G_BEGIN_DECLS

/* An agreement a document is probably about */
typedef struct {
  const char *slug;
  gint64      agreement_id;
  double      score;        /* 0..1 */
  const char *method;       /* the strongest evidence: "alias", "person" or "gazetteer" */
  const char *reason;       /* in words: "mentions Rwanda and United States with “deported”" */
  const char *signal;       /* event type the item's language points to ("suspended"), or "";
                             * for a dated document, only when it is newer than the
                             * agreement's current status */
  const char *signal_text;  /* that language as written ("suspended"), or "" */
} AccordsAgreementSuggestion;

/* What linking one document found; reused from one document to the next so
 * that linking allocates nothing once it has warmed up.  Valid until the
 * next accords_linker_link() with it. */
typedef struct _AccordsLinks AccordsLinks;

AccordsLinks                     *accords_links_new             (void);
void                              accords_links_free            (AccordsLinks *links);
/* Most mentioned first */
guint                             accords_links_get_n_countries (AccordsLinks *links);
const AccordsCountryMention      *accords_links_get_country     (AccordsLinks *links,
                                                                 guint         i);
/* Best first */
guint                             accords_links_get_n_agreements (AccordsLinks *links);
const AccordsAgreementSuggestion *accords_links_get_agreement   (AccordsLinks *links,
                                                                 guint         i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsLinks, accords_links_free)

#define ACCORDS_TYPE_LINKER (accords_linker_get_type ())

G_DECLARE_FINAL_TYPE (AccordsLinker, accords_linker, ACCORDS, LINKER, GObject)

/* agreements: a GListModel of AccordsAgreement (with parties, aliases and
 * people), as accords_store_load_agreements() gives.  Immutable once made:
 * one linker may serve several threads, each with its own AccordsLinks. */
AccordsLinker    *accords_linker_new           (AccordsGazetteer   *gazetteer,
                                                GListModel         *agreements,
                                                GError            **error);
AccordsGazetteer *accords_linker_get_gazetteer (AccordsLinker      *self);
/* Changes with the gazetteer and with the agreements' parties, aliases and
 * people: links made with another checksum may be out of date. */
const char       *accords_linker_get_checksum  (AccordsLinker      *self);

/* Links a document whose fields (title, summary, content) are
 * texts[0..n_texts), NULL ones skipped, with no date: no rule of dates
 * applies. */
void              accords_linker_link          (AccordsLinker      *self,
                                                const char * const *texts,
                                                guint               n_texts,
                                                AccordsLinks       *links);

/* How far a dated document may be from an agreement's life and still be
 * suggested for it as usual */
#define ACCORDS_LINKER_DAYS_BEFORE_START 60   /* before its first event */
#define ACCORDS_LINKER_DAYS_AFTER_END    365  /* after the event that ended it */
/* The score a document dated long after the agreement ended gets at most */
#define ACCORDS_LINKER_SCORE_AFTER_END   0.2

/* The same for a document of a date ("2025-05-05", "2025-05-05T08:00:00Z";
 * NULL or "" when unknown).  A document dated more than
 * ACCORDS_LINKER_DAYS_BEFORE_START days before an agreement's first event
 * is not suggested for it.  One dated more than ACCORDS_LINKER_DAYS_AFTER_END
 * days after the event that ended an agreement (collapsed, scrapped,
 * expired...) is suggested only when it names one of its aliases or people,
 * scored at most ACCORDS_LINKER_SCORE_AFTER_END, with a reason that says so.
 * Status language counts (signal) only in a document newer than the date
 * the agreement's current status began. */
void              accords_linker_link_dated    (AccordsLinker      *self,
                                                const char * const *texts,
                                                guint               n_texts,
                                                const char         *date,
                                                AccordsLinks       *links);

G_END_DECLS
