/* accords-feeds-view.c: the Feeds view: subscribe, rename, remove, refresh, and each feed's state */
#define G_LOG_DOMAIN "accords-feeds-view"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-feed-discovery.h"
#include "accords-feeds-view.h"
#include "accords-store-feeds.h"
#include "accords-subscriptions.h"
#include "accords-widget-util.h"

/* How often the schedule looks for subscriptions that are due, and how soon
 * after the window opens it first looks */
#define SCHEDULE_SECONDS 60
#define FIRST_LOOK_SECONDS 5

struct _AccordsFeedsView
{
  GtkWidget           parent_instance;

  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  AdwEntryRow        *url_row;
  AdwPreferencesGroup *feeds_group;
  GtkListBox         *list;

  AccordsContext     *context;
  GCancellable       *cancellable;
  guint               refresh_interval;   /* minutes */
  guint               schedule_source;
  guint               first_look_source;
  gboolean            refreshing;
  gboolean            subscribing;
};

G_DEFINE_FINAL_TYPE (AccordsFeedsView, accords_feeds_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REFRESH_INTERVAL,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (AccordsFeedsView *self);

/* ------------------------------------------------------------- the list */

static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  /* Translators: a date and time, as strftime() writes it */
  return local ? g_date_time_format (local, _("%-d %b %Y, %H:%M")) : NULL;
}

static char *
describe_state (const AccordsSubscription *sub)
{
  g_autofree char *success = local_time (sub->last_success);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (sub->last_fetch == NULL)
    g_string_append (text, _("Not fetched yet"));
  else if (sub->last_error == NULL)
    /* Translators: %s is a date and time; then the number of items */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Updated %s · %u item", "Updated %s · %u items",
                                               sub->n_items),
                            success ? success : "?", sub->n_items);
  else
    {
      /* Translators: the error of the last fetch */
      g_string_append_printf (text, _("Failing: %s"), sub->last_error);
      g_string_append (text, "\n");
      if (success != NULL)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Last success %s · %u item kept",
                                                   "Last success %s · %u items kept", sub->n_items),
                                success, sub->n_items);
      else
        g_string_append (text, _("Never fetched successfully"));
    }
  if (sub->not_before > now)
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_local (sub->not_before);
      g_autofree char *when = g_date_time_format (until, "%H:%M");

      g_string_append (text, " · ");
      /* Translators: %s is a time of day */
      g_string_append_printf (text, _("not asked again before %s"), when);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      feed_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", feed_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
subscription_row (const AccordsSubscription *sub)
{
  g_autofree char *state = describe_state (sub);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", sub->url, state);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("Re_move…"), NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status;
  GtkWidget *more;
  gboolean failing = sub->last_error != NULL;
  gboolean fetched = sub->last_fetch != NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *sub->title ? sub->title : sub->url);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  status = gtk_image_new_from_icon_name (!fetched ? "content-loading-symbolic"
                                         : failing ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  gtk_widget_add_css_class (status, !fetched ? "dim-label" : failing ? "error" : "success");
  gtk_widget_set_tooltip_text (status, !fetched ? _("Not fetched yet") : failing ? _("Failing") : _("Working"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (status), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), status);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("view-refresh-symbolic", _("Refresh This Feed"), "feeds.refresh", sub->id));
  g_menu_item_set_action_and_target (rename, "feeds.rename", "x", sub->id);
  g_menu_item_set_action_and_target (remove, "feeds.remove", "x", sub->id);
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, remove);
  more = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), G_MENU_MODEL (menu));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
  return row;
}

static void
reload (AccordsFeedsView *self)
{
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->context == NULL)
    return;
  subs = accords_store_list_subscriptions (accords_context_get_store (self->context), TRUE, &error);
  if (subs == NULL)
    {
      g_warning ("Listing the subscriptions: %s", error->message);
      return;
    }
  for (guint i = 0; i < subs->len; i++)
    gtk_list_box_append (self->list, subscription_row (subs->pdata[i]));
  update_actions (self);
}

static void
store_changed_cb (AccordsFeedsView   *self,
                  AccordsStoreChange  what)
{
  if (what & (ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_ITEMS))
    reload (self);
}

/* ----------------------------------------------------------- refreshing */

static AccordsRefreshOptions
options_of (AccordsFeedsView *self)
{
  AccordsRefreshOptions options = { 0 };

  options.interval_minutes = self->refresh_interval;
  return options;
}

static void
set_busy (AccordsFeedsView *self,
          gboolean         *flag,
          gboolean          value)
{
  gboolean was = accords_feeds_view_get_busy (self);

  *flag = value;
  if (was != accords_feeds_view_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  update_actions (self);
}

static void
refresh_progress_cb (guint       n_done,
                     guint       n_total,
                     const char *url,
                     gpointer    user_data)
{
  AccordsFeedsView *self = user_data;
  g_autofree char *text = NULL;

  /* Translators: how many feeds are fetched of how many, then a URL */
  text = g_strdup_printf (_("Refreshed %u of %u: %s"), n_done, n_total, url);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n_total ? (double) n_done / n_total : 1.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
}

typedef struct {
  AccordsFeedsView *self;
  gboolean          by_hand;   /* a toast says how it went even when nothing came */
} RefreshCall;

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree RefreshCall *call = user_data;
  g_autoptr(AccordsFeedsView) self = call->self;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint n_new = 0, n_failed = 0;
  g_autofree char *text = NULL;

  results = accords_refresh_finish (ACCORDS_CONTEXT (source), result, &error);
  set_busy (self, &self->refreshing, FALSE);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        accords_widget_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  for (guint i = 0; i < results->len; i++)
    {
      AccordsRefreshResult *r = results->pdata[i];

      n_new += r->n_new;
      n_failed += r->outcome == ACCORDS_REFRESH_FAILED;
    }
  if (!call->by_hand && n_new == 0)
    return;
  if (results->len == 0)
    text = g_strdup (_("No subscriptions to refresh"));
  else if (n_failed > 0)
    /* Translators: new items, then feeds that failed */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new items; %u feed failed", "%u new items; %u feeds failed",
                                         n_failed), n_new, n_failed);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new item", "%u new items", n_new), n_new);
  accords_widget_show_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static gboolean
start_refresh (AccordsFeedsView *self,
               const gint64     *ids,
               guint             n_ids,
               gboolean          due_only,
               gboolean          by_hand)
{
  AccordsRefreshOptions options = options_of (self);
  RefreshCall *call;

  if (self->context == NULL || self->refreshing)
    return FALSE;
  set_busy (self, &self->refreshing, TRUE);
  gtk_label_set_text (self->progress_label, _("Refreshing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  /* The schedule's quiet look shows only once a feed is fetched */
  gtk_revealer_set_reveal_child (self->progress_revealer, by_hand);
  call = g_new0 (RefreshCall, 1);
  call->self = g_object_ref (self);
  call->by_hand = by_hand;
  accords_refresh_async (self->context, ids, n_ids, due_only, &options, refresh_progress_cb, g_object_ref (self),
                         g_object_unref, self->cancellable, refreshed_cb, call);
  return TRUE;
}

gboolean
accords_feeds_view_refresh_all (AccordsFeedsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_FEEDS_VIEW (self), FALSE);
  return start_refresh (self, NULL, 0, FALSE, TRUE);
}

static gboolean
schedule_cb (gpointer user_data)
{
  AccordsFeedsView *self = user_data;

  start_refresh (self, NULL, 0, TRUE, FALSE);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_look_cb (gpointer user_data)
{
  AccordsFeedsView *self = user_data;

  self->first_look_source = 0;
  start_refresh (self, NULL, 0, TRUE, FALSE);
  return G_SOURCE_REMOVE;
}

/* ---------------------------------------------------------- subscribing */

typedef struct {
  AccordsFeedsView       *self;
  AccordsSubscribeResult *result;
} ChoiceData;

static void
choice_data_free (gpointer data,
                  GClosure *closure)
{
  ChoiceData *choice = data;

  g_object_unref (choice->self);
  accords_subscribe_result_free (choice->result);
  g_free (choice);
}

static void
choice_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ChoiceData       *choice)
{
  guint64 index;

  if (!g_str_has_prefix (response, "feed-") ||
      !g_ascii_string_to_unsigned (response + 5, 10, 0, choice->result->candidates->len - 1, &index, NULL))
    return;
  accords_feeds_view_subscribe (choice->self, ((AccordsFeedLink *) choice->result->candidates->pdata[index])->url);
}

static void
offer_choice (AccordsFeedsView       *self,
              AccordsSubscribeResult *result)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ChoiceData *choice;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Which Feed?"), NULL);
  /* Translators: %s is a web page's URL */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s names several feeds: subscribe to one of them."),
                                  result->url);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  for (guint i = 0; i < result->candidates->len && i < 8; i++)
    {
      AccordsFeedLink *link = result->candidates->pdata[i];
      g_autofree char *id = g_strdup_printf ("feed-%u", i);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, *link->title ? link->title : link->url);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "feed-0");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  choice = g_new0 (ChoiceData, 1);
  choice->self = g_object_ref (self);
  choice->result = result;
  g_signal_connect_data (dialog, "response", G_CALLBACK (choice_response_cb), choice, choice_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
subscribed_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(AccordsFeedsView) self = user_data;
  g_autoptr(GError) error = NULL;
  AccordsSubscribeResult *result = accords_subscribe_finish (ACCORDS_CONTEXT (source), res, &error);
  g_autofree char *text = NULL;

  set_busy (self, &self->subscribing, FALSE);
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        accords_widget_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  if (result->feed_id == 0)
    {
      offer_choice (self, result);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  /* Translators: a feed's title, then how many items came */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Subscribed to “%s”: %u new item",
                                       "Subscribed to “%s”: %u new items", result->n_new),
                          *result->title ? result->title : result->url, result->n_new);
  accords_widget_show_toast (GTK_WIDGET (self), adw_toast_new (text));
  accords_subscribe_result_free (result);
}

void
accords_feeds_view_subscribe (AccordsFeedsView *self,
                              const char       *url)
{
  AccordsRefreshOptions options;
  g_autofree char *trimmed = NULL;

  g_return_if_fail (ACCORDS_IS_FEEDS_VIEW (self));
  g_return_if_fail (url != NULL);

  if (self->context == NULL || self->subscribing)
    return;
  trimmed = g_strstrip (g_strdup (url));
  if (*trimmed == '\0')
    return;
  options = options_of (self);
  set_busy (self, &self->subscribing, TRUE);
  accords_subscribe_async (self->context, trimmed, &options, self->cancellable, subscribed_cb, g_object_ref (self));
}

static void
url_apply_cb (AccordsFeedsView *self)
{
  accords_feeds_view_subscribe (self, gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
}

/* -------------------------------------------------------------- editing */

static void
edited_cb (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(AccordsFeedsView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!accords_feed_edit_finish (ACCORDS_CONTEXT (source), res, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    accords_widget_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
edit (AccordsFeedsView *self,
      gint64            feed_id,
      AccordsFeedEdit   kind,
      const char       *title)
{
  if (self->context != NULL)
    accords_feed_edit_async (self->context, feed_id, kind, title, self->cancellable, edited_cb, g_object_ref (self));
}

typedef struct {
  AccordsFeedsView *self;
  gint64            feed_id;
  GtkEditable      *entry;    /* rename only */
} EditDialog;

static void
edit_dialog_free (gpointer data,
                  GClosure *closure)
{
  EditDialog *d = data;

  g_object_unref (d->self);
  g_free (d);
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  EditDialog       *d)
{
  if (g_str_equal (response, "rename"))
    edit (d->self, d->feed_id, ACCORDS_FEED_EDIT_RENAME, gtk_editable_get_text (d->entry));
  else if (g_str_equal (response, "keep"))
    edit (d->self, d->feed_id, ACCORDS_FEED_EDIT_REMOVE_KEEP, NULL);
  else if (g_str_equal (response, "drop"))
    edit (d->self, d->feed_id, ACCORDS_FEED_EDIT_REMOVE_DROP, NULL);
}

static AccordsSubscription *
load (AccordsFeedsView *self,
      gint64            feed_id)
{
  g_autoptr(GError) error = NULL;
  AccordsSubscription *sub = accords_store_load_subscription (accords_context_get_store (self->context), feed_id,
                                                              &error);

  if (sub == NULL)
    accords_widget_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  return sub;
}

static GtkWidget *
edit_dialog (AccordsFeedsView *self,
             const char       *heading,
             const char       *body,
             EditDialog      **data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  *data = g_new0 (EditDialog, 1);
  (*data)->self = g_object_ref (self);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsFeedsView *self = ACCORDS_FEEDS_VIEW (widget);
  g_autoptr(AccordsSubscription) sub = self->context ? load (self, g_variant_get_int64 (parameter)) : NULL;
  EditDialog *d;
  GtkWidget *dialog, *entry;

  if (sub == NULL)
    return;
  dialog = edit_dialog (self, _("Rename Feed"), _("Your name stays when the feed changes its own; "
                                                  "an empty name gives it back its own."), &d);
  d->feed_id = sub->id;
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), sub->title);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  d->entry = GTK_EDITABLE (entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "rename", _("_Rename"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), d, edit_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsFeedsView *self = ACCORDS_FEEDS_VIEW (widget);
  g_autoptr(AccordsSubscription) sub = self->context ? load (self, g_variant_get_int64 (parameter)) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  EditDialog *d;
  GtkWidget *dialog;

  if (sub == NULL)
    return;
  /* Translators: %s is a feed's title */
  heading = g_strdup_printf (_("Remove “%s”?"), *sub->title ? sub->title : sub->url);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "It is no longer fetched. Its %u item can stay in the News view, "
                                       "or go with its links to agreements.",
                                       "It is no longer fetched. Its %u items can stay in the News view, "
                                       "or go with their links to agreements.", sub->n_items),
                          sub->n_items);
  dialog = edit_dialog (self, heading, body, &d);
  d->feed_id = sub->id;
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "drop", _("Remove _Items Too"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Items"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "drop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_data (dialog, "response", G_CALLBACK (edit_response_cb), d, edit_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_one_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  start_refresh (ACCORDS_FEEDS_VIEW (widget), &id, 1, FALSE, TRUE);
}

static void
refresh_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  accords_feeds_view_refresh_all (ACCORDS_FEEDS_VIEW (widget));
}

static void
update_actions (AccordsFeedsView *self)
{
  gboolean ready = self->context != NULL;
  gboolean any = gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.refresh-all", ready && any && !self->refreshing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.refresh", ready && !self->refreshing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.rename", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.remove", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), ready && !self->subscribing);
}

/* --------------------------------------------------------------- object */

void
accords_feeds_view_set_context (AccordsFeedsView *self,
                                AccordsContext   *context)
{
  g_return_if_fail (ACCORDS_IS_FEEDS_VIEW (self));
  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (accords_context_get_store (context), "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  self->first_look_source = g_timeout_add_seconds (FIRST_LOOK_SECONDS, first_look_cb, self);
  self->schedule_source = g_timeout_add_seconds (SCHEDULE_SECONDS, schedule_cb, self);
}

gboolean
accords_feeds_view_get_busy (AccordsFeedsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_FEEDS_VIEW (self), FALSE);
  return self->refreshing || self->subscribing;
}

GtkListBox *
accords_feeds_view_get_list (AccordsFeedsView *self)
{
  g_return_val_if_fail (ACCORDS_IS_FEEDS_VIEW (self), NULL);
  return self->list;
}

GtkWidget *
accords_feeds_view_new (void)
{
  return g_object_new (ACCORDS_TYPE_FEEDS_VIEW, NULL);
}

static void
accords_feeds_view_dispose (GObject *object)
{
  AccordsFeedsView *self = ACCORDS_FEEDS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->schedule_source, g_source_remove);
  g_clear_handle_id (&self->first_look_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_FEEDS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (accords_feeds_view_parent_class)->dispose (object);
}

static void
accords_feeds_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AccordsFeedsView *self = ACCORDS_FEEDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_REFRESH_INTERVAL:
      g_value_set_uint (value, self->refresh_interval);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, accords_feeds_view_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_feeds_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AccordsFeedsView *self = ACCORDS_FEEDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_REFRESH_INTERVAL:
      if (self->refresh_interval != g_value_get_uint (value))
        {
          self->refresh_interval = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_feeds_view_class_init (AccordsFeedsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const AccordsWidgetAction actions[] = {
    { "feeds.refresh-all", NULL, refresh_all_action },
    { "feeds.refresh", "x", refresh_one_action },
    { "feeds.rename", "x", rename_action },
    { "feeds.remove", "x", remove_action },
  };

  object_class->dispose = accords_feeds_view_dispose;
  object_class->get_property = accords_feeds_view_get_property;
  object_class->set_property = accords_feeds_view_set_property;

  /* Minutes between scheduled refreshes (the refresh-interval setting) */
  properties[PROP_REFRESH_INTERVAL] =
    g_param_spec_uint ("refresh-interval", NULL, NULL, 1, G_MAXUINT, ACCORDS_REFRESH_DEFAULT_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-feeds-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsFeedsView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordsFeedsView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsFeedsView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordsFeedsView, url_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsFeedsView, feeds_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsFeedsView, list);
  gtk_widget_class_bind_template_callback (widget_class, url_apply_cb);
  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accords_feeds_view_init (AccordsFeedsView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->refresh_interval = ACCORDS_REFRESH_DEFAULT_INTERVAL;
  placeholder = gtk_label_new (_("No subscriptions yet: give a feed’s URL above, or import an OPML list"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  update_actions (self);
}
