/* accords-cli-feeds.c: accords-cli subscribe, feeds, refresh and opml */
#define G_LOG_DOMAIN "accords-cli-feeds"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-cli-feeds.h"
#include "accords-cli-json.h"
#include "accords-feed-discovery.h"
#include "accords-files.h"
#include "accords-import-linker.h"
#include "accords-store-feeds.h"
#include "accords-subscriptions.h"

static AccordsLinker *
new_linker (AccordsContext *context)
{
  g_autoptr(GError) error = NULL;
  AccordsLinker *linker = accords_import_new_linker (accords_context_get_store (context),
                                                     accords_context_get_iso_codes (context), &error);

  if (linker == NULL)
    accords_cli_fail_error (NULL, error);
  return linker;
}

int
accords_cli_cmd_subscribe (AccordsCli  *cli,
                           int          argc,
                           char       **argv)
{
  GOptionEntry entries[] = {
    { NULL }
  };
  g_autoptr(AccordsLinker) linker = NULL;
  g_autoptr(AccordsSubscribeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AccordsContext *context;

  if (!accords_cli_parse_options ("subscribe", "URL", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return accords_cli_usage_error (_("subscribe: give the one URL of a feed, or of a page that names feeds"));
  if (!(context = accords_cli_get_context (cli)) || !(linker = new_linker (context)))
    return 1;

  result = accords_subscribe_sync (accords_context_get_store (context), linker, argv[1], NULL, NULL, &error);
  if (result == NULL)
    return accords_cli_fail_error ("subscribe", error);
  if (result->feed_id == 0)
    {
      /* Translators: %s is a web page's URL */
      fprintf (stderr, _("accords-cli: subscribe: %s names several feeds; subscribe to one of them:\n"), result->url);
      for (guint i = 0; i < result->candidates->len; i++)
        {
          AccordsFeedLink *link = result->candidates->pdata[i];
          fprintf (stderr, "  %s  %s\n", link->url, *link->title ? link->title : link->type);
        }
      return 1;
    }
  /* Translators: the feed's id, title and URL, then how many items came */
  printf (result->created ? _("Subscribed to %" G_GINT64_FORMAT " “%s” at %s: %u new items\n")
                          : _("Subscribed to %" G_GINT64_FORMAT " “%s”, stored already, now at %s: %u new items\n"),
          result->feed_id, result->title, result->url, result->n_new);
  return 0;
}

static char *
unix_to_iso (gint64 t)
{
  g_autoptr(GDateTime) when = t > 0 ? g_date_time_new_from_unix_utc (t) : NULL;

  return when ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static void
set_string_or_null (JsonObject *o,
                    const char *name,
                    const char *value)
{
  if (value == NULL)
    json_object_set_null_member (o, name);
  else
    json_object_set_string_member (o, name, value);
}

static const char *
describe_state (const AccordsSubscription *sub)
{
  if (g_strcmp0 (sub->kind, "file") == 0)
    return _("file");
  if (!sub->subscribed)
    return _("unsubscribed");
  if (sub->last_fetch == NULL)
    return _("not fetched yet");
  if (sub->last_error != NULL)
    return _("failing");
  return _("ok");
}

int
accords_cli_cmd_feeds (AccordsCli  *cli,
                       int          argc,
                       char       **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  AccordsStore *store;

  if (!accords_cli_parse_options ("feeds", "", entries, &argc, &argv))
    return 2;
  if (argc > 1)
    return accords_cli_usage_error (_("feeds: unexpected argument “%s”"), argv[1]);
  if (!(store = accords_cli_get_store (cli)))
    return 1;
  if (!(subs = accords_store_list_subscriptions (store, FALSE, &error)))
    return accords_cli_fail_error ("feeds", error);

  for (guint i = 0; i < subs->len; i++)
    {
      AccordsSubscription *sub = subs->pdata[i];
      g_autofree char *next = unix_to_iso (sub->next_fetch);
      g_autofree char *not_before = unix_to_iso (sub->not_before);

      if (json)
        {
          JsonObject *o = json_object_new ();

          json_object_set_int_member (o, "id", sub->id);
          json_object_set_string_member (o, "url", sub->url);
          json_object_set_string_member (o, "kind", sub->kind);
          json_object_set_boolean_member (o, "subscribed", sub->subscribed);
          json_object_set_string_member (o, "title", sub->title);
          json_object_set_string_member (o, "link", sub->link);
          json_object_set_string_member (o, "format", sub->format);
          json_object_set_int_member (o, "items", sub->n_items);
          json_object_set_int_member (o, "unread", sub->n_unread);
          set_string_or_null (o, "etag", sub->etag);
          set_string_or_null (o, "last_modified", sub->last_modified);
          set_string_or_null (o, "last_fetch", sub->last_fetch);
          set_string_or_null (o, "last_success", sub->last_success);
          set_string_or_null (o, "last_error", sub->last_error);
          json_object_set_int_member (o, "http_status", sub->http_status);
          json_object_set_int_member (o, "failures", sub->failures);
          json_object_set_int_member (o, "ttl", sub->ttl);
          set_string_or_null (o, "next_fetch", sub->subscribed ? next : NULL);
          set_string_or_null (o, "not_before", not_before);
          json_array_add_object_element (array, o);
        }
      else
        {
          printf ("%4" G_GINT64_FORMAT "  %-15s %-40s %s\n", sub->id, describe_state (sub),
                  *sub->title ? sub->title : "-", sub->url);
          if (sub->subscribed && sub->last_error != NULL)
            printf ("      %s: %s; %s: %s\n", _("error"), sub->last_error, _("last success"),
                    sub->last_success ? sub->last_success : _("never"));
        }
    }
  return json ? accords_cli_print_array (array) : 0;
}

int
accords_cli_cmd_refresh (AccordsCli  *cli,
                         int          argc,
                         char       **argv)
{
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every subscription, due or not"), NULL },
    { NULL }
  };
  g_autoptr(AccordsLinker) linker = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  AccordsContext *context;
  int status = 0;

  if (!accords_cli_parse_options ("refresh", "[--all | ID…]", entries, &argc, &argv))
    return 2;
  for (int i = 1; i < argc; i++)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (argv[i], 10, 1, G_MAXINT64, &id, NULL))
        return accords_cli_usage_error (_("refresh: “%s” is not a feed id"), argv[i]);
      g_array_append_val (ids, id);
    }
  if (all && ids->len > 0)
    return accords_cli_usage_error (_("refresh: give --all or feed ids, not both"));
  if (!(context = accords_cli_get_context (cli)) || !(linker = new_linker (context)))
    return 1;

  results = accords_refresh_sync (accords_context_get_store (context), linker, (gint64 *) ids->data, ids->len,
                                  !all && ids->len == 0, NULL, NULL, NULL, NULL, &error);
  if (results == NULL)
    return accords_cli_fail_error ("refresh", error);

  for (guint i = 0; i < results->len; i++)
    {
      AccordsRefreshResult *r = results->pdata[i];
      const char *title = *r->title ? r->title : r->url;

      switch (r->outcome)
        {
        case ACCORDS_REFRESH_STORED:
          /* Translators: feed id, title, new and updated items */
          printf (_("%4" G_GINT64_FORMAT "  %s: %u new, %u updated\n"), r->feed_id, title, r->n_new, r->n_updated);
          break;
        case ACCORDS_REFRESH_NOT_MODIFIED:
          printf (_("%4" G_GINT64_FORMAT "  %s: not modified\n"), r->feed_id, title);
          break;
        case ACCORDS_REFRESH_DEFERRED:
          printf (_("%4" G_GINT64_FORMAT "  %s: %s\n"), r->feed_id, title, r->error_message);
          break;
        case ACCORDS_REFRESH_FAILED:
        default:
          accords_cli_error (_("refresh: %" G_GINT64_FORMAT " %s: %s"), r->feed_id, title, r->error_message);
          status = 1;
          break;
        }
    }
  if (results->len == 0)
    printf ("%s\n", all || ids->len > 0 ? _("No subscriptions") : _("No subscription is due"));
  return status;
}

int
accords_cli_cmd_opml (AccordsCli  *cli,
                      int          argc,
                      char       **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write it (- for standard output)"), "FILE" },
    { NULL }
  };
  g_autofree char *opml = NULL;
  g_autoptr(GError) error = NULL;
  AccordsStore *store;

  if (!accords_cli_parse_options ("opml", "export -o FILE", entries, &argc, &argv))
    return 2;
  if (argc != 2 || strcmp (argv[1], "export") != 0)
    return accords_cli_usage_error (_("opml: the one verb is “export -o FILE” (import OPML with “import FILE”)"));
  if (output == NULL)
    return accords_cli_usage_error (_("opml export: give the file to write with -o FILE"));
  if (!(store = accords_cli_get_store (cli)))
    return 1;
  if (!(opml = accords_subscriptions_to_opml (store, &error)))
    return accords_cli_fail_error ("opml", error);
  if (strcmp (output, "-") == 0)
    {
      if (fputs (opml, stdout) < 0 || fflush (stdout) != 0)
        return accords_cli_fail (_("opml export: cannot write to standard output"));
      return 0;
    }
  if (!accords_write_file_atomic (output, opml, strlen (opml), &error))
    return accords_cli_fail_error ("opml export", error);
  return 0;
}
