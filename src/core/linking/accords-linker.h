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
  const char *signal;       /* event type the item's language points to ("suspended"), or "" */
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
 * texts[0..n_texts), NULL ones skipped. */
void              accords_linker_link          (AccordsLinker      *self,
                                                const char * const *texts,
                                                guint               n_texts,
                                                AccordsLinks       *links);

G_END_DECLS
