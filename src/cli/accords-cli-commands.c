/* accords-cli-commands.c: the verbs of accords-cli */
#define G_LOG_DOMAIN "accords-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "accords-agreement.h"
#include "accords-cli-backup.h"
#include "accords-cli-commands.h"
#include "accords-cli-dataset.h"
#include "accords-cli-export.h"
#include "accords-cli-feeds.h"
#include "accords-cli-import.h"
#include "accords-cli-json.h"
#include "accords-cli-link.h"
#include "accords-cli-notes.h"
#include "accords-cli-search.h"
#include "accords-cli-snapshot.h"
#include "accords-country-list.h"
#include "accords-dataset.h"
#include "accords-date.h"
#include "accords-files.h"
#include "accords-party.h"
#include "accords-store-agreements.h"

struct _AccordsCli
{
  char           *db_path;
  AccordsContext *context;
  gboolean        context_failed;
  gboolean        no_seed;
  gboolean        check;
};

static void
print_error (const char *format,
             va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  fprintf (stderr, "accords-cli: %s\n", message);
}

void
accords_cli_error (const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
}

int
accords_cli_usage_error (const char *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
  return 2;
}

int
accords_cli_fail (const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  print_error (format, args);
  va_end (args);
  return 1;
}

int
accords_cli_fail_error (const char   *command,
                        const GError *error)
{
  if (command != NULL)
    accords_cli_error ("%s: %s", command, error->message);
  else
    accords_cli_error ("%s", error->message);
  return 1;
}

AccordsContext *
accords_cli_get_context (AccordsCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (cli->context == NULL && !cli->context_failed)
    {
      cli->context = accords_context_new_full (cli->db_path,
                                               (cli->no_seed ? ACCORDS_CONTEXT_NO_SEED : 0) |
                                               (cli->check ? ACCORDS_CONTEXT_CHECK : 0),
                                               &error);
      if (cli->context == NULL)
        {
          accords_cli_error ("%s", error->message);
          accords_cli_suggest_restore (cli, error);
          cli->context_failed = TRUE;
        }
    }
  return cli->context;
}

AccordsStore *
accords_cli_get_store (AccordsCli *cli)
{
  AccordsContext *context = accords_cli_get_context (cli);

  return context != NULL ? accords_context_get_store (context) : NULL;
}

const char *
accords_cli_get_db_path (AccordsCli *cli)
{
  return cli->db_path;
}

gboolean
accords_cli_parse_options (const char    *command,
                           const char    *parameter_string,
                           GOptionEntry  *entries,
                           int           *argc,
                           char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = g_strdup_printf ("accords-cli %s", command);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      accords_cli_error ("%s: %s", command, error->message);
      return FALSE;
    }
  return TRUE;
}

char *
accords_cli_load_text (const char  *path,
                       gsize       *length,
                       GError     **error)
{
  GBytes *contents = accords_load_input (path, error);
  gsize len;
  char *text;

  if (contents == NULL)
    return NULL;
  text = g_bytes_unref_to_data (contents, &len);
  text = g_realloc (text, len + 1);
  text[len] = '\0';
  if (length != NULL)
    *length = len;
  return text;
}

/* --on takes the dates the dataset uses */
static gboolean
check_date (const char *date)
{
  g_autoptr(GError) error = NULL;

  if (date == NULL || accords_date_parse (date, NULL, NULL, NULL, NULL, &error))
    return TRUE;
  accords_cli_error ("--on: %s", error->message);
  return FALSE;
}

/* countries [--json] [--all] [--on DATE] */
static int
cmd_countries (AccordsCli *cli,
               int         argc,
               char      **argv)
{
  gboolean json = FALSE, all = FALSE;
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Include countries without agreements"), NULL },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Statuses on this date (default: today)"), "YYYY[-MM[-DD]]" },
    { NULL }
  };
  AccordsContext *context;
  g_autoptr(AccordsCountryList) list = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  if (!accords_cli_parse_options ("countries", "", entries, &argc, &argv))
    return 2;
  if (!(context = accords_cli_get_context (cli)))
    return 1;

  if (!check_date (on))
    return 2;
  list = accords_country_list_new (context);
  if (on != NULL)
    accords_country_list_set_date (list, on);
  if (accords_country_list_get_error (list) != NULL)
    return accords_cli_fail_error (NULL, accords_country_list_get_error (list));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(AccordsCountry) c = g_list_model_get_item (G_LIST_MODEL (list), i);
      AccordsStatus status = accords_country_get_status (c);
      JsonObject *o;

      if (!all && accords_country_get_agreement_count (c) == 0)
        continue;
      if (!json)
        {
          printf ("%s  %-36s %3u  %s\n", accords_country_get_code (c), accords_country_get_name (c),
                  accords_country_get_agreement_count (c), accords_status_get_label (status));
          continue;
        }
      o = json_object_new ();
      json_object_set_string_member (o, "code", accords_country_get_code (c));
      json_object_set_string_member (o, "alpha3", accords_country_get_alpha3 (c));
      json_object_set_string_member (o, "numeric", accords_country_get_numeric (c));
      json_object_set_string_member (o, "name", accords_country_get_name (c));
      json_object_set_int_member (o, "agreements", accords_country_get_agreement_count (c));
      json_object_set_string_member (o, "status", accords_status_to_string (status));
      if (on != NULL)
        json_object_set_string_member (o, "on", on);
      json_array_add_object_element (array, o);
    }
  return json ? accords_cli_print_array (array) : 0;
}

/* agreements [--json] [--country CC] */
static int
cmd_agreements (AccordsCli *cli,
                int         argc,
                char      **argv)
{
  gboolean json = FALSE;
  g_autofree char *country = NULL;
  g_autofree char *on = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Only agreements this country is party to"), "CC" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Statuses on this date (default: today)"), "YYYY[-MM[-DD]]" },
    { NULL }
  };
  AccordsContext *context;
  g_autoptr(GListStore) agreements = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  if (!accords_cli_parse_options ("agreements", "", entries, &argc, &argv) || !check_date (on))
    return 2;
  if (!(context = accords_cli_get_context (cli)))
    return 1;

  if (country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);
      g_free (country);
      country = g_steal_pointer (&upper);
      if (accords_iso_codes_lookup (accords_context_get_iso_codes (context), country) == NULL)
        return accords_cli_fail (_("“%s” is not a known country code"), country);
    }

  agreements = accords_store_load_agreements (accords_context_get_store (context), country, &error);
  if (agreements == NULL)
    return accords_cli_fail_error (NULL, error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (agreements)); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (G_LIST_MODEL (agreements), i);

      AccordsStatus status = accords_agreement_get_status_on (a, on);

      if (json)
        {
          JsonNode *node = accords_agreement_to_json (a);

          /* "status" is today's; beside it, the status on the date asked */
          if (on != NULL)
            {
              json_object_set_string_member (json_node_get_object (node), "status_on", accords_status_to_string (status));
              json_object_set_string_member (json_node_get_object (node), "on", on);
            }
          json_array_add_element (array, node);
        }
      else
        {
          GListModel *parties = G_LIST_MODEL (accords_agreement_get_parties (a));
          g_autoptr(GString) codes = g_string_new (NULL);

          for (guint k = 0; k < g_list_model_get_n_items (parties); k++)
            {
              g_autoptr(AccordsParty) p = g_list_model_get_item (parties, k);
              if (strstr (codes->str, accords_party_get_country (p)) == NULL)
                g_string_append_printf (codes, "%s%s", codes->len ? "," : "", accords_party_get_country (p));
            }
          printf ("%-28s %-12s %-9s %s\n", accords_agreement_get_slug (a),
                  accords_status_to_string (status), codes->str,
                  accords_agreement_get_title (a));
        }
    }

  return json ? accords_cli_print_array (array) : 0;
}

/* check: reads every page of the database */
static int
cmd_check (AccordsCli *cli,
           int         argc,
           char      **argv)
{
  GOptionEntry entries[] = { { NULL } };
  AccordsContext *context;

  if (!accords_cli_parse_options ("check", "", entries, &argc, &argv))
    return 2;
  cli->check = TRUE;
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  /* Translators: %s is the database file */
  printf (_("%s: no damage found\n"), accords_store_get_path (accords_context_get_store (context)));
  return 0;
}

static const AccordsCliCommand commands[] = {
  { "countries", "[--json] [--all] [--on DATE]", N_("List the countries party to agreements"), cmd_countries },
  { "agreements", "[--json] [--country CC] [--on DATE]", N_("List the agreements"), cmd_agreements },
  { "export", "--format md|html|pdf|csv|json|geojson|csl-json|bibtex|ris [--style numbered|author-date] [--note ID | --agreement ID | --all] -o FILE", N_("Export a note, a dossier or everything"), accords_cli_cmd_export },
  { "note", "add --agreement ID --file FILE.md | list [--json]", N_("Add a note from a Markdown file, or list the notes"), accords_cli_cmd_note },
  { "source", "add --url URL [--title TITLE] [--agreement ID]", N_("Add a source that notes can cite"), accords_cli_cmd_source },
  { "link", "[--file PATH] [TEXT…|-]", N_("Show the countries and agreements a text would be linked to"), accords_cli_link },
  { "relink", "[--if-needed] [--json]", N_("Link every stored news item again, keeping what was confirmed or rejected"),
    accords_cli_relink },
  { "review", "ITEM-ID AGREEMENT-ID confirm|reject|suggest", N_("Confirm or reject a news item's link to an agreement"),
    accords_cli_review },
  { "agreement", "show|edit|delete ID | add",
    N_("One agreement: show [--json], add/edit --json FILE, delete [--force]"), accords_cli_agreement },
  { "export-dataset", "[-o FILE]", N_("Write every agreement as a dataset that import-dataset reads"),
    accords_cli_export_dataset },
  { "import-dataset", "FILE [--prefer ours|theirs]",
    N_("Merge a dataset by agreement id; conflicts are listed unless --prefer settles them"),
    accords_cli_import_dataset },
  { "dataset-update", "[--dry-run] [--json] [--review FILE]",
    N_("Bring the built-in agreements to the newest dataset release, leaving your edits alone"),
    accords_cli_dataset_update },
  { "import", "[--no-link] [--map MAP] FILE...",
    N_("Import news feeds, OPML, NewsML-G2, news sitemaps and, with a mapping, any XML"), accords_cli_cmd_import },
  { "subscribe", "URL", N_("Subscribe to a feed by its URL, or to one a web page names"), accords_cli_cmd_subscribe },
  { "feeds", "[--json]", N_("List the feeds with their state: last success, last error"), accords_cli_cmd_feeds },
  { "refresh", "[--all | ID...]", N_("Fetch the subscriptions that are due, all of them, or those named"),
    accords_cli_cmd_refresh },
  { "opml", "export -o FILE", N_("Write the subscriptions as an OPML list"), accords_cli_cmd_opml },
  { "snapshot", "[--json] ITEM | source:ID",
    N_("Keep a copy of a news item's or a source's page: its readable text, dated and hashed"),
    accords_cli_cmd_snapshot },
  { "items", "[--json] [--search Q] [--feed ID] [--country CC] [--agreement ID] [--limit N]",
    N_("List news items, newest first"), accords_cli_cmd_items },
  { "search", "QUERY [--json] [--limit N] [--country CC] [--agreement ID] [--feed ID] [--since DATE] [--until DATE]",
    N_("Search the news, the notes and the agreements at once"), accords_cli_cmd_search },
  { "searches", "[--json] | add NAME QUERY [filters] | remove NAME | rename NAME NEW",
    N_("List the saved searches with their unread counts, or add, remove or rename one"), accords_cli_cmd_searches },
  { "mark", "ID... --read|--unread --star|--unstar", N_("Mark news items read or unread, starred or not"),
    accords_cli_cmd_mark },
  { "check", "", N_("Read the whole database and report any damage"), cmd_check },
  { "parse", "[--json] [--map MAP] FILE", N_("Read a news file and print what it holds"), accords_cli_cmd_parse },
  { "backup", "[-o FILE]", N_("Back the database up into its backups folder, or into FILE"), accords_cli_cmd_backup },
  { "backups", "[--json]", N_("List the database’s backups, newest first"), accords_cli_cmd_backups },
  { "restore", "FILE", N_("Put a backup in place of the database, keeping what was there"), accords_cli_cmd_restore },
};

const AccordsCliCommand *
accords_cli_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

static void
print_usage (FILE *out)
{
  guint n;
  const AccordsCliCommand *cmds = accords_cli_commands (&n);

  fprintf (out, "%s\n\n", _("Usage: accords-cli [--db PATH] COMMAND [OPTIONS]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < n; i++)
    fprintf (out, "  %-12s %-34s %s\n", cmds[i].name, cmds[i].usage, _(cmds[i].summary));
  fprintf (out, "\n%s\n", _("--db PATH chooses the database (default: the one the app uses)."));
  fprintf (out, "%s\n", _("--no-seed starts a new database empty, without the built-in agreements."));
}

int
accords_cli_main (int    argc,
                  char **argv)
{
  AccordsCli cli = { 0 };
  guint n;
  const AccordsCliCommand *cmds;
  int i = 1;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[i + 1]);
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        {
          g_free (cli.db_path);
          cli.db_path = g_strdup (argv[i] + 5);
          i++;
        }
      else if (g_str_equal (argv[i], "--no-seed"))
        {
          cli.no_seed = TRUE;
          i++;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("accords-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
      else
        {
          accords_cli_error (_("unknown option %s"), argv[i]);
          print_usage (stderr);
          return 2;
        }
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return 2;
    }

  cmds = accords_cli_commands (&n);
  for (guint k = 0; k < n; k++)
    if (g_str_equal (cmds[k].name, argv[i]))
      {
        status = cmds[k].run (&cli, argc - i, argv + i);
        g_clear_object (&cli.context);
        g_free (cli.db_path);
        return status;
      }

  accords_cli_error (_("unknown command “%s”"), argv[i]);
  print_usage (stderr);
  g_free (cli.db_path);
  return 2;
}
