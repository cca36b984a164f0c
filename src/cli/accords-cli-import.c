/* accords-cli-import.c: the news verbs of accords-cli: parse, import, items */
#define G_LOG_DOMAIN "accords-cli-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-cli-import.h"
#include "accords-error.h"
#include "accords-feed-mapping.h"
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
  const char *name;
  const char *value;
} JsonMember;

/* One member a line, each followed by a comma: more come after them */
static void
json_members (FILE             *out,
              const char       *indent,
              const JsonMember *members,
              guint             n_members)
{
  for (guint i = 0; i < n_members; i++)
    json_member (out, indent, members[i].name, members[i].value, FALSE);
}

static void
json_strings_member (FILE              *out,
                     const char        *indent,
                     const char        *name,
                     const char * const *strings,
                     guint              n_strings)
{
  fprintf (out, "%s\"%s\": [", indent, name);
  for (guint i = 0; i < n_strings; i++)
    {
      if (i > 0)
        fputs (", ", out);
      json_string (out, strings[i]);
    }
  fputs ("],\n", out);
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
  const JsonMember members[] = {
    { "id", e->id }, { "title", e->title }, { "link", e->link }, { "author", e->author },
    { "published", e->published }, { "updated", e->updated }, { "summary", e->summary },
    { "content", e->content },
  };

  if (!pp->json)
    {
      fprintf (out, "%s  %s\n", e->published ? e->published : e->updated ? e->updated : "                    ",
               *e->title ? e->title : e->id);
      pp->n++;
      return TRUE;
    }

  fputs (pp->n == 0 ? "\n    {\n" : ",\n    {\n", out);
  json_members (out, "      ", members, G_N_ELEMENTS (members));
  json_strings_member (out, "      ", "categories", (const char * const *) e->categories->pdata, e->categories->len);
  json_member (out, "      ", "enclosure", e->enclosure, TRUE);
  fputs ("    }", out);
  pp->n++;
  return TRUE;
}

/* The members of parse --json before its items */
static void
print_feed_info (FILE            *out,
                 AccordsFeedInfo *info)
{
  const JsonMember feed[] = {
    { "title", info->title }, { "link", info->link }, { "subtitle", info->subtitle },
    { "language", info->language },
  };

  fprintf (out, "{\n  \"bozo\": %s,\n", info->bozo ? "true" : "false");
  json_member (out, "  ", "format", info->format, FALSE);
  fputs ("  \"feed\": {\n", out);
  json_members (out, "    ", feed, G_N_ELEMENTS (feed));
  json_member (out, "    ", "updated", info->updated, TRUE);
  fputs ("  },\n", out);
}

#define MAP_HELP N_("Read any XML with a mapping: 'item=ELEMENT;title=PATH;published=PATH/@ATTRIBUTE;…'")

/* The mapping of --map, or NULL with the error printed */
static AccordsFeedMapping *
parse_map_option (const char *text)
{
  g_autoptr(GError) error = NULL;
  AccordsFeedMapping *mapping = accords_feed_mapping_parse (text, &error);

  if (mapping == NULL)
    accords_cli_error (_("--map: %s"), error->message);
  return mapping;
}

/* After a refusal, to go on its line: XML of no known kind can still be
 * read with a mapping */
static const char *
mapping_hint (GFile        *file,
              const GError *error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *root = NULL;
  g_autofree char *ns = NULL;

  if (!g_error_matches (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED))
    return "";
  stream = accords_read_input_file (file, NULL, NULL, NULL);
  if (stream != NULL && accords_feed_sniff_root_ns (stream, &root, &ns, NULL, NULL) &&
      !accords_feed_root_is_known (root, ns))
    return _("; to read it, say where its items are with --map 'item=ELEMENT;title=PATH;link=PATH;…'");
  return "";
}

/* parse [--json] [--map MAPPING] FILE */
int
accords_cli_cmd_parse (AccordsCli *cli,
                       int         argc,
                       char      **argv)
{
  gboolean json = FALSE;
  g_autofree char *map = NULL;
  g_autoptr(AccordsFeedMapping) mapping = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING, &map, MAP_HELP, N_("MAP") },
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
    return accords_cli_usage_error (_("parse: give exactly one FILE"));
  if (map != NULL && (mapping = parse_map_option (map)) == NULL)
    return 2;

  file = g_file_new_for_commandline_arg (argv[1]);
  stream = accords_read_input_file (file, NULL, NULL, &error);
  if (stream == NULL)
    return accords_cli_fail_error (NULL, error);

  items_out = tmpfile ();
  if (items_out == NULL)
    return accords_cli_fail ("%s: %s", argv[1], g_strerror (errno));
  pp.out = items_out;
  pp.json = json;
  info = accords_feed_parse_mapped (G_INPUT_STREAM (stream), NULL, mapping, print_entry_cb, NULL, &pp, NULL, &error);
  if (info == NULL)
    {
      fclose (items_out);
      accords_cli_error ("%s: %s%s", argv[1], error->message, mapping ? "" : mapping_hint (file, error));
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

  print_feed_info (stdout, info);
  fputs ("  \"items\": [", stdout);
  while ((n = fread (buf, 1, sizeof buf, items_out)) > 0)
    fwrite (buf, 1, n, stdout);
  fclose (items_out);
  fputs (pp.n > 0 ? "\n  ]\n}\n" : "]\n}\n", stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}

/* import [--no-link] [--map MAPPING] FILE... */
int
accords_cli_cmd_import (AccordsCli *cli,
                        int         argc,
                        char      **argv)
{
  gboolean no_link = FALSE;
  g_autofree char *map = NULL;
  g_autoptr(AccordsFeedMapping) mapping = NULL;
  GOptionEntry entries[] = {
    { "no-link", 0, 0, G_OPTION_ARG_NONE, &no_link,
      N_("Store the items without linking them (to measure what linking costs; a relink links them later)"), NULL },
    { "map", 0, 0, G_OPTION_ARG_STRING, &map, MAP_HELP, N_("MAP") },
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
    return accords_cli_usage_error (_("import: give at least one FILE"));
  if (map != NULL && (mapping = parse_map_option (map)) == NULL)
    return 2;
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);
  if (!no_link &&
      (linker = accords_import_new_linker (store, accords_context_get_iso_codes (context), &linker_error)) == NULL)
    return accords_cli_fail_error ("import", linker_error);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(AccordsImportResult) result = g_new0 (AccordsImportResult, 1);
      g_autoptr(GError) error = NULL;

      result->path = g_strdup (argv[i]);
      if (!accords_importer_import_file_mapped (store, linker, file, mapping, result, NULL, NULL, NULL, &error))
        return accords_cli_fail ("%s: %s", argv[i], error->message);
      if (result->error != NULL)
        {
          accords_cli_error (_("%s: rejected: %s%s"), argv[i], result->error->message,
                             mapping ? "" : mapping_hint (file, result->error));
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

/* "name": value on the line of the others, after a comma unless first */
static void
json_inline_member (FILE       *out,
                    const char *name,
                    const char *value,
                    gboolean    first)
{
  fprintf (out, first ? "\"%s\": " : ", \"%s\": ", name);
  json_string (out, value);
}

static void
print_country_link (FILE                    *out,
                    const AccordsStoredLink *c)
{
  json_inline_member (out, "code", c->code, TRUE);
  fprintf (out, ", \"count\": %u", c->count);
  json_inline_member (out, "matched", c->matched, FALSE);
}

static void
print_agreement_link (FILE                    *out,
                      const AccordsStoredLink *a)
{
  json_inline_member (out, "id", a->code, TRUE);
  fputs (", \"score\": ", out);
  json_number (out, a->score);
  json_inline_member (out, "method", a->method, FALSE);
  json_inline_member (out, "reason", a->reason, FALSE);
  json_inline_member (out, "state", a->state, FALSE);
  json_inline_member (out, "signal", a->signal, FALSE);
}

/* "name": [ {link}, … ], as a member of an item's object */
static void
print_links (FILE       *out,
             const char *name,
             GPtrArray  *links,
             void      (*print_link) (FILE *, const AccordsStoredLink *))
{
  fprintf (out, "    \"%s\": [", name);
  for (guint i = 0; i < links->len; i++)
    {
      fputs (i == 0 ? "\n      {" : ",\n      {", out);
      print_link (out, links->pdata[i]);
      fputs ("}", out);
    }
  fputs (links->len > 0 ? "\n    ],\n" : "],\n", out);
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
  print_links (out, "countries", countries, print_country_link);
  print_links (out, "agreements", agreements, print_agreement_link);
  return TRUE;
}

/* One item of items --json */
static gboolean
print_item_json (FILE          *out,
                 AccordsStore  *store,
                 AccordsItem   *item,
                 GError       **error)
{
  const char * const *categories = accords_item_get_categories (item);
  const JsonMember members[] = {
    { "feed", accords_item_get_feed_title (item) }, { "guid", accords_item_get_guid (item) },
    { "title", accords_item_get_title (item) }, { "link", accords_item_get_link (item) },
    { "author", accords_item_get_author (item) }, { "published", accords_item_get_published (item) },
    { "updated", accords_item_get_updated (item) }, { "summary", accords_item_get_summary_text (item) },
  };

  fprintf (out, "  {\n    \"id\": %" G_GINT64_FORMAT ",\n    \"feed_id\": %" G_GINT64_FORMAT ",\n",
           accords_item_get_id (item), accords_item_get_feed_id (item));
  json_members (out, "    ", members, G_N_ELEMENTS (members));
  json_strings_member (out, "    ", "categories", categories, g_strv_length ((char **) categories));
  if (!print_item_links (out, store, accords_item_get_id (item), error))
    return FALSE;
  fprintf (out, "    \"read\": %s,\n    \"starred\": %s,\n",
           accords_item_get_read (item) ? "true" : "false", accords_item_get_starred (item) ? "true" : "false");
  json_member (out, "    ", "enclosure", accords_item_get_enclosure (item), TRUE);
  fputs ("  }", out);
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
    return accords_cli_usage_error (_("items: unexpected argument “%s”"), argv[1]);
  if (limit < 0 || feed_id < 0)
    return accords_cli_usage_error (_("items: --limit and --feed take a number of 0 or more"));
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);

  if (country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);

      if (accords_iso_codes_lookup (accords_context_get_iso_codes (context), upper) == NULL)
        return accords_cli_fail (_("items: “%s” is not a known country code"), country);
      g_free (country);
      country = g_steal_pointer (&upper);
    }
  if (agreement != NULL && !accords_store_has_agreement (store, agreement))
    return accords_cli_fail (_("items: there is no agreement with the id “%s”"), agreement);

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
    return accords_cli_fail_error (NULL, error);

  if (json)
    fputs ("[", stdout);
  /* In pages, so that any number of items prints in flat memory */
  for (guint start = 0; start < ids->len; start += 256)
    {
      g_autoptr(GPtrArray) items = accords_store_load_items (store, &g_array_index (ids, gint64, start),
                                                             MIN (256, ids->len - start), &error);
      if (items == NULL)
        return accords_cli_fail_error (NULL, error);
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
          fputs (n++ == 0 ? "\n" : ",\n", stdout);
          if (!print_item_json (stdout, store, item, &error))
            {
              fflush (stdout);
              return accords_cli_fail_error (NULL, error);
            }
        }
    }
  if (json)
    fputs (n > 0 ? "\n]\n" : "]\n", stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}

/* mark ID… --read|--unread --star|--unstar */
int
accords_cli_cmd_mark (AccordsCli *cli,
                      int         argc,
                      char      **argv)
{
  gboolean read = FALSE, unread = FALSE, star = FALSE, unstar = FALSE;
  GOptionEntry entries[] = {
    { "read", 0, 0, G_OPTION_ARG_NONE, &read, N_("Mark the items read"), NULL },
    { "unread", 0, 0, G_OPTION_ARG_NONE, &unread, N_("Mark the items unread"), NULL },
    { "star", 0, 0, G_OPTION_ARG_NONE, &star, N_("Star the items"), NULL },
    { "unstar", 0, 0, G_OPTION_ARG_NONE, &unstar, N_("Take the star off the items"), NULL },
    { NULL }
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  AccordsStore *store;

  if (!accords_cli_parse_options ("mark", _("ID…"), entries, &argc, &argv))
    return 2;
  if ((read && unread) || (star && unstar))
    return accords_cli_usage_error (_("mark: --read and --unread, or --star and --unstar, go one at a time"));
  if (!read && !unread && !star && !unstar)
    return accords_cli_usage_error (_("mark: give --read, --unread, --star or --unstar"));
  if (argc < 2)
    return accords_cli_usage_error (_("mark: give at least one item id (the “id” of items --json)"));
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (argv[i], 10, 1, G_MAXINT64, &id, NULL))
        return accords_cli_usage_error (_("mark: “%s” is not an item id (the “id” of items --json)"), argv[i]);
      g_array_append_val (ids, id);
    }
  if (!(store = accords_cli_get_store (cli)))
    return 1;

  /* every item or none */
  if (!accords_store_begin (store, &error))
    return accords_cli_fail_error ("mark", error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (((read || unread) && !accords_store_set_item_flag (store, id, ACCORDS_ITEM_FLAG_READ, read, TRUE, &error)) ||
          ((star || unstar) && !accords_store_set_item_flag (store, id, ACCORDS_ITEM_FLAG_STARRED, star, TRUE, &error)))
        {
          accords_store_rollback (store);
          return accords_cli_fail_error ("mark", error);
        }
    }
  if (!accords_store_commit (store, &error))
    {
      accords_store_rollback (store);
      return accords_cli_fail_error ("mark", error);
    }
  accords_store_emit_changed (store, ACCORDS_STORE_CHANGE_ITEMS);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AccordsItem) item = accords_store_load_item (store, g_array_index (ids, gint64, i), &error);

      if (item == NULL)
        return accords_cli_fail_error ("mark", error);
      printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", accords_item_get_id (item),
              accords_item_get_read (item) ? "read" : "unread",
              accords_item_get_starred (item) ? "starred" : "-");
    }
  return fflush (stdout) == 0 ? 0 : 1;
}
