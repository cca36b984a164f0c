/* accords-linked-news.h: the news items linked to an agreement, to confirm or reject */
#pragma once

#include <gtk/gtk.h>

#include "accords-context.h"
#include "accords-store-links.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_LINKED_NEWS (accords_linked_news_get_type ())

G_DECLARE_FINAL_TYPE (AccordsLinkedNews, accords_linked_news, ACCORDS, LINKED_NEWS, GtkWidget)

/* Properties: context (set once), agreement (the slug, or NULL), show-rejected (bool), loading
 * (bool: a reload runs in a worker).  Actions: linked-news.confirm,
 * linked-news.reject, linked-news.restore (x: the item id; through the
 * context's history, undoable), linked-news.add-event (x: emits
 * "event-proposed"), linked-news.open-link (x), linked-news.show-more,
 * linked-news.show-rejected.  Each row also offers win.show-item and
 * win.cite-item.
 *
 * Signal "event-proposed" (AccordsItemLink *link, AccordsEvent *event): the
 * researcher asked to add the item to the timeline; event is what it
 * proposes (accords_evidence_event_from_item()), for the event form to show
 * and the researcher to confirm. */
GtkWidget  *accords_linked_news_new               (void);
void        accords_linked_news_set_context       (AccordsLinkedNews *self,
                                                   AccordsContext    *context);
const char *accords_linked_news_get_agreement     (AccordsLinkedNews *self);
void        accords_linked_news_set_agreement     (AccordsLinkedNews *self,
                                                   const char        *slug);
gboolean    accords_linked_news_get_show_rejected (AccordsLinkedNews *self);
void        accords_linked_news_set_show_rejected (AccordsLinkedNews *self,
                                                   gboolean           show_rejected);
gboolean    accords_linked_news_get_loading       (AccordsLinkedNews *self);
/* The links shown, in order: a GListModel of AccordsItemLink */
GListModel *accords_linked_news_get_links         (AccordsLinkedNews *self);
/* How many links of each state the agreement has */
void        accords_linked_news_get_counts        (AccordsLinkedNews *self,
                                                   AccordsLinkCounts *counts);
/* The list's rows, for tests and keyboard navigation */
GtkListBox *accords_linked_news_get_list          (AccordsLinkedNews *self);

G_END_DECLS
