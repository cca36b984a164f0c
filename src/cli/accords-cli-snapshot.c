/* accords-cli-snapshot.c: accords-cli snapshot, a kept copy of a news item's or a source's page */
#define G_LOG_DOMAIN "accords-cli-snapshot"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-cli-json.h"
#include "accords-cli-snapshot.h"
#include "accords-snapshot-store.h"
#include "accords-store-items.h"
#include "accords-store-sources.h"

/* "12" or "item:12" is a news item, "source:4" a source */
static gboolean
parse_target (const char *arg,
              gint64     *item_id,
              gint64     *source_id)
{
  const char *number = arg;
  gint64 *target = item_id;
  guint64 n;

  *item_id = *source_id = 0;
  if (g_str_has_prefix (arg, "item:"))
    number = arg + strlen ("item:");
  else if (g_str_has_prefix (arg, "source:"))
    {
      number = arg + strlen ("source:");
      target = source_id;
    }
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT64, &n, NULL))
    return FALSE;
  *target = (gint64) n;
  return TRUE;
}

/* The address of what is to be kept */
static char *
target_url (AccordsStore  *store,
            gint64         item_id,
            gint64         source_id,
            GError       **error)
{
  if (item_id > 0)
    {
      g_autoptr(AccordsItem) item = accords_store_load_item (store, item_id, error);

      return item ? g_strdup (accords_item_get_link (item)) : NULL;
    }
  else
    {
      g_autoptr(AccordsSource) source = accords_store_load_source (store, source_id, error);

      return source ? g_strdup (accords_source_get_url (source)) : NULL;
    }
}

static void
add_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

int
accords_cli_cmd_snapshot (AccordsCli  *cli,
                          int          argc,
                          char       **argv)
{
  gboolean json = FALSE;
  AccordsStore *store;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(AccordsSnapshot) snapshot = NULL;
  g_autofree char *url = NULL;
  gint64 item_id, source_id;
  AccordsArticle *a;

  if (!accords_cli_parse_json_option ("snapshot", "ITEM | source:ID", &json, &argc, &argv))
    return 2;
  if (argc != 2 || !parse_target (argv[1], &item_id, &source_id))
    return accords_cli_usage_error (_("snapshot: give a news item's id (12, item:12) or a source's (source:4)"));
  if (!(store = accords_cli_get_store (cli)))
    return 1;
  if ((url = target_url (store, item_id, source_id, &error)) == NULL)
    return accords_cli_fail_error ("snapshot", error);
  if (*url == '\0')
    return accords_cli_fail (_("snapshot: %s has no web address to keep a copy of"), argv[1]);

  session = accords_fetch_new_session (NULL);
  snapshot = accords_snapshot_fetch (session, url, NULL, NULL, &error);
  if (snapshot == NULL)
    return accords_cli_fail (_("snapshot: %s: %s"), url, error->message);
  if (!accords_snapshot_save (store, item_id, source_id, snapshot, &error))
    return accords_cli_fail_error ("snapshot", error);

  a = snapshot->article;
  if (json)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (snapshot->fetched_at);
      g_autofree char *fetched = g_date_time_format_iso8601 (when);

      add_string (object, "url", snapshot->url);
      add_string (object, "final_url", snapshot->final_url);
      json_object_set_string_member (object, "fetched", fetched);
      add_string (object, "sha256", snapshot->content_hash);
      add_string (object, "title", a->title);
      add_string (object, "byline", a->byline);
      add_string (object, "publisher", a->publisher);
      add_string (object, "published", a->published);
      json_object_set_boolean_member (object, "paywalled", a->paywalled);
      json_object_set_string_member (object, "text", a->text);
      return accords_cli_print_object (object);
    }
  /* TRANSLATORS: "Kept a copy of URL: 1,234 characters of text" */
  printf (_("Kept a copy of %s: %u characters of text%s\n"), snapshot->final_url ? snapshot->final_url : url,
          (guint) g_utf8_strlen (a->text, -1), a->paywalled ? _(" (behind a paywall: a teaser)") : "");
  if (a->title != NULL)
    printf ("%s\n", a->title);
  return 0;
}
