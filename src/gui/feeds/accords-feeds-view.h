/* accords-feeds-view.h: the Feeds view: subscribe, rename, remove, refresh, and each feed's state */
#pragma once

#include <adwaita.h>

#include "accords-context.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_FEEDS_VIEW (accords_feeds_view_get_type ())

G_DECLARE_FINAL_TYPE (AccordsFeedsView, accords_feeds_view, ACCORDS, FEEDS_VIEW, GtkWidget)

GtkWidget *accords_feeds_view_new          (void);
/* Lists the context's subscriptions and starts the schedule: the due ones
 * are fetched soon after, then every minute the view looks for more */
void       accords_feeds_view_set_context  (AccordsFeedsView *self,
                                            AccordsContext   *context);
/* Fetches every subscription now (F5); FALSE when a refresh is running */
gboolean   accords_feeds_view_refresh_all  (AccordsFeedsView *self);
/* Subscribes to url (a feed, or a page that names feeds: the choice is offered) */
void       accords_feeds_view_subscribe    (AccordsFeedsView *self,
                                            const char       *url);
/* Whether a refresh or a subscription is running */
gboolean   accords_feeds_view_get_busy     (AccordsFeedsView *self);
/* The rows shown, one per subscription, in order */
GtkListBox *accords_feeds_view_get_list    (AccordsFeedsView *self);

G_END_DECLS
