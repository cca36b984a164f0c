/* accords-store-links.h: the links from news items to countries and agreements in the store */
#pragma once

#include <gio/gio.h>

#include "accords-iso-codes.h"
#include "accords-item-link.h"
#include "accords-linker.h"
#include "accords-store.h"

G_BEGIN_DECLS

/* The meta keys that say which linker made the stored links */
#define ACCORDS_META_LINKS_CHECKSUM  "links-checksum"
#define ACCORDS_META_LINKS_GAZETTEER "links-gazetteer"
#define ACCORDS_META_RELINK_POSITION "relink-position"

/* What linking one item found, kept on its own (AccordsLinks is reused for
 * the next item) until it is written.  Country codes and method names
 * point into the linker, which must outlive it. */
typedef struct {
  const char *code;
  const char *matched;
  guint       count;
} AccordsLinkedCountry;

typedef struct {
  gint64      agreement_id;
  double      score;
  const char *method;
  const char *reason;
  const char *signal;
} AccordsLinkedAgreement;

typedef struct {
  guint                   n_countries;
  guint                   n_agreements;
  AccordsLinkedCountry   *countries;
  AccordsLinkedAgreement *agreements;
} AccordsItemLinks;

/* NULL when links found nothing */
AccordsItemLinks *accords_item_links_new_from  (AccordsLinks           *links);
void              accords_item_links_free      (AccordsItemLinks       *links);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsItemLinks, accords_item_links_free)

/* Links a stored item's fields (title, summary, content) by its date
 * (published, else updated; NULL or "" when it has none), as
 * accords_linker_link_dated() does */
AccordsItemLinks *accords_item_links_compute   (AccordsLinker          *linker,
                                                AccordsLinks           *scratch,
                                                const char             *title,
                                                const char             *summary,
                                                const char             *content,
                                                const char             *date);

/* Writes an item's links (links NULL: none).  A new item's links are only
 * added; an existing item's found ones replace those found before, except
 * that a link the researcher confirmed or rejected keeps its state, and
 * countries set by hand stay. */
gboolean          accords_store_write_item_links (AccordsStore           *self,
                                                  gint64                  item_id,
                                                  const AccordsItemLinks *links,
                                                  gboolean                is_new,
                                                  GError                **error);

/* TRUE when the stored links were all made by a linker of this checksum */
gboolean          accords_store_links_up_to_date (AccordsStore           *self,
                                                  AccordsLinker          *linker);
/* Records that every stored item is linked with linker (NULL: that some
 * items were stored without links, to countries or agreements) */
gboolean          accords_store_set_links_made_by (AccordsStore          *self,
                                                   AccordsLinker         *linker,
                                                   GError               **error);
/* Records that some items' links to agreements were made by another
 * linker than the rest (an import that began before the agreements changed) */
gboolean          accords_store_set_links_out_of_date (AccordsStore      *self,
                                                       GError           **error);

typedef struct {
  guint    n_items;        /* items linked again */
  guint    n_countries;    /* country links written */
  guint    n_suggestions;  /* agreement links written */
  guint    n_kept;         /* confirmed or rejected links that kept their state */
  gboolean countries;      /* whether country links were redone */
} AccordsRelinkStats;

/* Called with the fraction of the items done */
typedef void (*AccordsRelinkProgressFunc) (double   fraction,
                                           gpointer user_data);

/* Links the stored items again, in transactions of a few thousand items so
 * that other writers get their turn; when interrupted it carries on where
 * it stopped the next time.  Unless force, does nothing when the links are
 * up to date, and redoes only agreement links when the gazetteer did not
 * change.  Never changes the state of a confirmed or rejected link. */
gboolean          accords_store_relink         (AccordsStore              *self,
                                                AccordsLinker             *linker,
                                                gboolean                   force,
                                                AccordsRelinkProgressFunc  progress,
                                                gpointer                   progress_data,
                                                GCancellable              *cancellable,
                                                AccordsRelinkStats        *stats,
                                                GError                   **error);

/* The researcher's verdict on a link: "suggested", "confirmed" or
 * "rejected".  A link that does not exist is made, by hand. */
gboolean          accords_store_set_link_state (AccordsStore           *self,
                                                gint64                  item_id,
                                                const char             *slug,
                                                const char             *state,
                                                GError                **error);
/* NULL when there is no such link */
char             *accords_store_get_link_state (AccordsStore           *self,
                                                gint64                  item_id,
                                                const char             *slug,
                                                GError                **error);

/* One stored link of an item, for listing */
typedef struct {
  char   *code;     /* countries: the alpha-2 code; agreements: the slug */
  char   *title;    /* agreements: the short title, or the title */
  char   *matched;  /* countries */
  guint   count;    /* countries */
  char   *method;
  double  score;    /* agreements */
  char   *reason;   /* agreements */
  char   *signal;   /* agreements */
  char   *state;    /* agreements */
} AccordsStoredLink;

void              accords_stored_link_free     (AccordsStoredLink      *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsStoredLink, accords_stored_link_free)

/* GPtrArray of AccordsStoredLink: countries most mentioned first,
 * agreements best first */
GPtrArray        *accords_store_load_item_countries  (AccordsStore     *self,
                                                      gint64            item_id,
                                                      GError          **error);
GPtrArray        *accords_store_load_item_agreements (AccordsStore     *self,
                                                      gint64            item_id,
                                                      GError          **error);

typedef struct {
  guint n_suggested;
  guint n_confirmed;
  guint n_rejected;
} AccordsLinkCounts;

/* The news linked to an agreement, newest first, at most limit (0: all)
 * after offset; rejected ones only with include_rejected.  A GPtrArray of
 * AccordsItemLink; counts (optional) gets how many there are of each. */
GPtrArray        *accords_store_load_agreement_links (AccordsStore      *self,
                                                      const char        *slug,
                                                      gboolean           include_rejected,
                                                      guint              offset,
                                                      guint              limit,
                                                      AccordsLinkCounts *counts,
                                                      GError           **error);
/* The same on a worker thread with a connection of its own */
void              accords_store_load_agreement_links_async  (AccordsStore        *self,
                                                             const char          *slug,
                                                             gboolean             include_rejected,
                                                             guint                limit,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
GPtrArray        *accords_store_load_agreement_links_finish (AccordsStore        *self,
                                                             GAsyncResult        *result,
                                                             AccordsLinkCounts   *counts,
                                                             GError             **error);

G_END_DECLS
