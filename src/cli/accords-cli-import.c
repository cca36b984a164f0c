/* accords-cli-import.c: the news verbs of accords-cli: parse, import, items */
#define G_LOG_DOMAIN "accords-cli-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-cli-import.h"
#include "accords-error.h"
#include "accords-feed-parser.h"
#include "accords-files.h"
#include "accords-import-linker.h"
#include "accords-importer.h"
#include "accords-store-agreements.h"
#include "accords-store-items.h"
#include "accords-store-links.h"

/* JSON is written as it is read, so that a feed of any size prints in
 * flat memory. */
static void
json_string (FILE       *out,
             const char *s)
{
  if (s == NULL)
    {
      fputs ("null", out);
      return;
    }
  fputc ('"', out);
  for (const guchar *p = (const guchar *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': fputs ("\\\"", out); break;
        case '\\': fputs ("\\\\", out); break;
        case '\n': fputs ("\\n", out); break;
        case '\r': fputs ("\\r", out); break;
        case '\t': fputs ("\\t", out); break;
        case '\b': fputs ("\\b", out); break;
        case '\f': fputs ("\\f", out); break;
        default:
          if (*p < 0x20)
            fprintf (out, "\\u%04x", *p);
          else
            fputc (*p, out);
        }
    }
  fputc ('"', out);
}

static void
json_member (FILE       *out,
             const char *indent,
             const char *name,
             const char *value,
             gboolean    last)
{
  fprintf (out, "%s\"%s\": ", indent, name);
  json_string (out, value);
  fputs (last ? "\n" : ",\n", out);
}

typedef struct {
  FILE    *out;
  gboolean json;
  guint    n;
} ParsePrinter;

static gboolean
print_entry_cb (AccordsFeedEntry  *entry,
                gpointer           user_data,
                GError           **error)
{
  g_autoptr(AccordsFeedEntry) e = entry;
  ParsePrinter *pp = user_data;
  FILE *out = pp->out;

  if (!pp->json)
    {
      fprintf (out, "%s  %s\n", e->published ? e->published : e->updated ? e->updated : "                    ",
               *e->title ? e->title : e->id);
      pp->n++;
      return TRUE;
    }

  fputs (pp->n == 0 ? "\n    {\n" : ",\n    {\n", out);
  json_member (out, "      ", "id", e->id, FALSE);
  json_member (out, "      ", "title", e->title, FALSE);
  json_member (out, "      ", "link", e->link, FALSE);
  json_member (out, "      ", "author", e->author, FALSE);
  json_member (out, "      ", "published", e->published, FALSE);
  json_member (out, "      ", "updated", e->updated, FALSE);
  json_member (out, "      ", "summary", e->summary, FALSE);
  json_member (out, "      ", "content", e->content, FALSE);
  fputs ("      \"categories\": [", out);
  for (guint i = 0; i < e->categories->len; i++)
    {
      if (i > 0)
        fputs (", ", out);
      json_string (out, e->categories->pdata[i]);
    }
  fputs ("],\n", out);
  json_member (out, "      ", "enclosure", e->enclosure, TRUE);
  fputs ("    }", out);
  pp->n++;
  return TRUE;
}

/* parse [--json] FILE */
int
accords_cli_cmd_parse (AccordsCli *cli,
                       int         argc,
                       char      **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsFeedInfo) info = NULL;
  ParsePrinter pp = { stdout, FALSE, 0 };
  /* The items come before the feed record is complete (and before the
   * bozo flag is known): they go to a temporary file, then out in order,
   * so that memory stays flat. */
  FILE *items_out;
  char buf[65536];
  size_t n;

  if (!accords_cli_parse_options ("parse", _("FILE"), entries, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      accords_cli_error (_("parse: give exactly one FILE"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  stream = accords_read_input_file (file, NULL, NULL, &error);
  if (stream == NULL)
    {
      accords_cli_error ("%s", error->message);
      return 1;
    }

  items_out = tmpfile ();
  if (items_out == NULL)
    {
      accords_cli_error ("%s: %s", argv[1], g_strerror (errno));
      return 1;
    }
  pp.out = items_out;
  pp.json = json;
  info = accords_feed_parse (G_INPUT_STREAM (stream), NULL, print_entry_cb, &pp, NULL, &error);
  if (info == NULL)
    {
      fclose (items_out);
      accords_cli_error ("%s: %s", argv[1], error->message);
      return 1;
    }
  rewind (items_out);

  if (!json)
    {
      printf ("%s (%s%s), %u items\n", *info->title ? info->title : argv[1], info->format,
              info->bozo ? _(", ill-formed") : "", info->n_items);
      if (info->bozo)
        printf (_("Ill-formed: %s\n"), info->bozo_message);
      while ((n = fread (buf, 1, sizeof buf, items_out)) > 0)
        fwrite (buf, 1, n, stdout);
      fclose (items_out);
      return fflush (stdout) == 0 ? 0 : 1;
    }

  printf ("{\n  \"bozo\": %s,\n", info->bozo ? "true" : "false");
  json_member (stdout, "  ", "format", info->format, FALSE);
  fputs ("  \"feed\": {\n", stdout);
  json_member (stdout, "    ", "title", info->title, FALSE);
  json_member (stdout, "    ", "link", info->link, FALSE);
  json_member (stdout, "    ", "subtitle", info->subtitle, FALSE);
  json_member (stdout, "    ", "language", info->language, FALSE);
  json_member (stdout, "    ", "updated", info->updated, TRUE);
  fputs ("  },\n  \"items\": [", stdout);
  while ((n = fread (buf, 1, sizeof buf, items_out)) > 0)
    fwrite (buf, 1, n, stdout);
  fclose (items_out);
  fputs (pp.n > 0 ? "\n  ]\n}\n" : "]\n}\n", stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}

/* import [--no-link] FILE... */
int
accords_cli_cmd_import (AccordsCli *cli,
                        int         argc,
                        char      **argv)
{
  gboolean no_link = FALSE;
  GOptionEntry entries[] = {
    { "no-link", 0, 0, G_OPTION_ARG_NONE, &no_link,
      N_("Store the items without linking them (to measure what linking costs; a relink links them later)"), NULL },
    { NULL }
  };
  AccordsContext *context;
  AccordsStore *store;
  g_autoptr(AccordsLinker) linker = NULL;
  g_autoptr(GError) linker_error = NULL;
  int status = 0;
  gboolean changed = FALSE;

  if (!accords_cli_parse_options ("import", _("FILE…"), entries, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      accords_cli_error (_("import: give at least one FILE"));
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);
  if (!no_link &&
      (linker = accords_import_new_linker (store, accords_context_get_iso_codes (context), &linker_error)) == NULL)
    {
      accords_cli_error ("import: %s", linker_error->message);
      return 1;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
      g_autoptr(GError) error = NULL;

      result->path = g_strdup (argv[i]);
      if (!accords_importer_import_file_full (store, linker, file, result, NULL, NULL, NULL, &error))
        {
          accords_cli_error ("%s: %s", argv[i], error->message);
          return 1;
        }
      if (result->error != NULL)
        {
          accords_cli_error (_("%s: rejected: %s"), argv[i], result->error->message);
          status = 1;
          continue;
        }
      changed = TRUE;
      if (result->n_feeds > 0)
        printf (_("%s: %u feeds; %u new, %u updated, %u unchanged\n"), argv[i],
                result->n_feeds, result->n_new, result->n_updated, result->n_unchanged);
      else
        printf (_("%s: %u new, %u updated, %u unchanged%s\n"), argv[i],
                result->n_new, result->n_updated, result->n_unchanged,
                result->bozo ? _(" (ill-formed, recovered)") : "");
    }
  if (changed)
    accords_store_emit_changed (store, ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_LINKS);
  return fflush (stdout) == 0 ? status : 1;
}

static void
json_number (FILE   *out,
             double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  fputs (g_ascii_formatd (buf, sizeof buf, "%.3g", value), out);
}

/* "countries" and "agreements" of an item, as members of its object */
static gboolean
print_item_links (FILE          *out,
                  AccordsStore  *store,
                  gint64         item_id,
                  GError       **error)
{
  g_autoptr(GPtrArray) countries = accords_store_load_item_countries (store, item_id, error);
  g_autoptr(GPtrArray) agreements = NULL;

  if (countries == NULL)
    return FALSE;
  agreements = accords_store_load_item_agreements (store, item_id, error);
  if (agreements == NULL)
    return FALSE;

  fputs ("    \"countries\": [", out);
  for (guint i = 0; i < countries->len; i++)
    {
      AccordsStoredLink *c = countries->pdata[i];

      fputs (i == 0 ? "\n      {" : ",\n      {", out);
      fputs ("\"code\": ", out);
      json_string (out, c->code);
      fprintf (out, ", \"count\": %u, \"matched\": ", c->count);
      json_string (out, c->matched);
      fputs ("}", out);
    }
  fputs (countries->len > 0 ? "\n    ],\n" : "],\n", out);

  fputs ("    \"agreements\": [", out);
  for (guint i = 0; i < agreements->len; i++)
    {
      AccordsStoredLink *a = agreements->pdata[i];

      fputs (i == 0 ? "\n      {" : ",\n      {", out);
      fputs ("\"id\": ", out);
      json_string (out, a->code);
      fputs (", \"score\": ", out);
      json_number (out, a->score);
      fputs (", \"method\": ", out);
      json_string (out, a->method);
      fputs (", \"reason\": ", out);
      json_string (out, a->reason);
      fputs (", \"state\": ", out);
      json_string (out, a->state);
      fputs (", \"signal\": ", out);
      json_string (out, a->signal);
      fputs ("}", out);
    }
  fputs (agreements->len > 0 ? "\n    ],\n" : "],\n", out);
  return TRUE;
}

/* items [--json] [--search QUERY] [--feed ID] [--country CC] [--agreement ID] [--limit N] */
int
accords_cli_cmd_items (AccordsCli *cli,
                       int         argc,
                       char      **argv)
{
  gboolean json = FALSE;
  g_autofree char *search = NULL;
  g_autofree char *country = NULL;
  g_autofree char *agreement = NULL;
  gint64 feed_id = 0;
  int limit = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only items matching this full-text query"), N_("QUERY") },
    { "feed", 0, 0, G_OPTION_ARG_INT64, &feed_id, N_("Only items of this feed"), N_("ID") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Only items that mention this country"), "CC" },
    { "agreement", 0, 0, G_OPTION_ARG_STRING, &agreement,
      N_("Only items linked to this agreement (suggested or confirmed)"), N_("ID") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many items"), N_("N") },
    { NULL }
  };
  AccordsContext *context;
  AccordsStore *store;
  AccordsItemFilter filter = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!accords_cli_parse_options ("items", "", entries, &argc, &argv))
    return 2;
  if (argc > 1)
    {
      accords_cli_error (_("items: unexpected argument “%s”"), argv[1]);
      return 2;
    }
  if (limit < 0 || feed_id < 0)
    {
      accords_cli_error (_("items: --limit and --feed take a number of 0 or more"));
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);

  if (country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);

      if (accords_iso_codes_lookup (accords_context_get_iso_codes (context), upper) == NULL)
        {
          accords_cli_error (_("items: “%s” is not a known country code"), country);
          return 1;
        }
      g_free (country);
      country = g_steal_pointer (&upper);
    }
  if (agreement != NULL && !accords_store_has_agreement (store, agreement))
    {
      accords_cli_error (_("items: there is no agreement with the id “%s”"), agreement);
      return 1;
    }

  /* what the links say may be out of date: say so, and how to fix it */
  if (json || country != NULL || agreement != NULL)
    {
      g_autoptr(AccordsLinker) linker = accords_import_new_linker (store, accords_context_get_iso_codes (context), NULL);

      if (linker != NULL && accords_store_count_items (store) > 0 && !accords_store_links_up_to_date (store, linker))
        accords_cli_error (_("items: the news was linked before the gazetteer or the agreements changed; "
                             "run “accords-cli relink --if-needed” to bring the links up to date"));
    }

  filter.query = search;
  filter.feed_id = feed_id;
  filter.country = country;
  filter.agreement = agreement;
  ids = accords_store_query_item_ids_filtered (store, &filter, ACCORDS_ITEM_SORT_DATE, TRUE, limit, &error);
  if (ids == NULL)
    {
      accords_cli_error ("%s", error->message);
      return 1;
    }

  if (json)
    fputs ("[", stdout);
  /* In pages, so that any number of items prints in flat memory */
  for (guint start = 0; start < ids->len; start += 256)
    {
      g_autoptr(GPtrArray) items = accords_store_load_items (store, &g_array_index (ids, gint64, start),
                                                             MIN (256, ids->len - start), &error);
      if (items == NULL)
        {
          accords_cli_error ("%s", error->message);
          return 1;
        }
      for (guint i = 0; i < items->len; i++)
        {
          AccordsItem *item = items->pdata[i];
          const char *date = *accords_item_get_published (item) ? accords_item_get_published (item)
                                                                : accords_item_get_updated (item);

          if (!json)
            {
              printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", accords_item_get_id (item),
                      *date ? date : "-", accords_item_get_title (item), accords_item_get_feed_title (item));
              continue;
            }
          fputs (n++ == 0 ? "\n  {\n" : ",\n  {\n", stdout);
          printf ("    \"id\": %" G_GINT64_FORMAT ",\n    \"feed_id\": %" G_GINT64_FORMAT ",\n",
                  accords_item_get_id (item), accords_item_get_feed_id (item));
          json_member (stdout, "    ", "feed", accords_item_get_feed_title (item), FALSE);
          json_member (stdout, "    ", "guid", accords_item_get_guid (item), FALSE);
          json_member (stdout, "    ", "title", accords_item_get_title (item), FALSE);
          json_member (stdout, "    ", "link", accords_item_get_link (item), FALSE);
          json_member (stdout, "    ", "author", accords_item_get_author (item), FALSE);
          json_member (stdout, "    ", "published", accords_item_get_published (item), FALSE);
          json_member (stdout, "    ", "updated", accords_item_get_updated (item), FALSE);
          json_member (stdout, "    ", "summary", accords_item_get_summary_text (item), FALSE);
          fputs ("    \"categories\": [", stdout);
          for (const char * const *c = accords_item_get_categories (item); *c; c++)
            {
              if (c != accords_item_get_categories (item))
                fputs (", ", stdout);
              json_string (stdout, *c);
            }
          fputs ("],\n", stdout);
          if (!print_item_links (stdout, store, accords_item_get_id (item), &error))
            {
              fflush (stdout);
              accords_cli_error ("%s", error->message);
              return 1;
            }
          json_member (stdout, "    ", "enclosure", accords_item_get_enclosure (item), TRUE);
          fputs ("  }", stdout);
        }
    }
  if (json)
    fputs (n > 0 ? "\n]\n" : "]\n", stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}
