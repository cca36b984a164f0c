/* accords-cli-search.c: the search verbs of accords-cli: search, searches */
#define G_LOG_DOMAIN "accords-cli-search"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "accords-cli-json.h"
#include "accords-cli-search.h"
#include "accords-date.h"
#include "accords-saved-search.h"
#include "accords-search.h"
#include "accords-store-agreements.h"

/* The narrowing options search and "searches add" share */
typedef struct {
  char   *country;
  char   *agreement;
  gint64  feed_id;
  char   *since;
  char   *until;
  char   *linked;
} FilterOptions;

static void
filter_options_clear (FilterOptions *options)
{
  g_free (options->country);
  g_free (options->agreement);
  g_free (options->since);
  g_free (options->until);
  g_free (options->linked);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterOptions, filter_options_clear)

#define FILTER_ENTRIES(o) \
  { "country", 0, 0, G_OPTION_ARG_STRING, &(o).country, N_("Only what concerns this country"), "CC" }, \
  { "agreement", 0, 0, G_OPTION_ARG_STRING, &(o).agreement, N_("Only what concerns this agreement"), N_("ID") }, \
  { "feed", 0, 0, G_OPTION_ARG_INT64, &(o).feed_id, N_("Only news items of this feed"), N_("ID") }, \
  { "since", 0, 0, G_OPTION_ARG_STRING, &(o).since, N_("Only news items dated then or later"), "YYYY[-MM[-DD]]" }, \
  { "until", 0, 0, G_OPTION_ARG_STRING, &(o).until, N_("Only news items dated then or earlier"), "YYYY[-MM[-DD]]" }, \
  { "linked", 0, 0, G_OPTION_ARG_STRING, &(o).linked, \
    N_("Only news items linked to an agreement or not: any, linked, unlinked, suggested, confirmed"), N_("STATE") }

/* Checks the options against the database and fills filter, which points
 * into options; FALSE with the error printed (status in *status) */
static gboolean
filter_from_options (const char        *command,
                     AccordsContext    *context,
                     FilterOptions     *options,
                     AccordsItemFilter *filter,
                     int               *status)
{
  const char *dates[] = { options->since, options->until };

  *filter = (AccordsItemFilter) { 0 };
  *status = 2;
  if (options->feed_id < 0)
    {
      accords_cli_error (_("%s: --feed takes a number of 0 or more"), command);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;

      if (dates[i] != NULL && !accords_date_parse (dates[i], NULL, NULL, NULL, NULL, &error))
        {
          accords_cli_error ("%s: --%s: %s", command, i == 0 ? "since" : "until", error->message);
          return FALSE;
        }
    }
  if (options->linked != NULL && !accords_item_linked_from_string (options->linked, &filter->linked))
    {
      accords_cli_error (_("%s: --linked takes any, linked, unlinked, suggested or confirmed, not “%s”"),
                         command, options->linked);
      return FALSE;
    }
  *status = 1;
  if (options->country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (options->country, -1);

      if (accords_iso_codes_lookup (accords_context_get_iso_codes (context), upper) == NULL)
        {
          accords_cli_error (_("%s: “%s” is not a known country code"), command, options->country);
          return FALSE;
        }
      g_free (options->country);
      options->country = g_steal_pointer (&upper);
    }
  if (options->agreement != NULL &&
      !accords_store_has_agreement (accords_context_get_store (context), options->agreement))
    {
      accords_cli_error (_("%s: there is no agreement with the id “%s”"), command, options->agreement);
      return FALSE;
    }
  filter->country = options->country;
  filter->agreement = options->agreement;
  filter->feed_id = options->feed_id;
  filter->since = options->since;
  filter->until = options->until;
  return TRUE;
}

static const char *
group_heading (AccordsSearchGroup group)
{
  switch (group)
    {
    case ACCORDS_SEARCH_GROUP_ITEMS:
      return _("News items");
    case ACCORDS_SEARCH_GROUP_NOTES:
      return _("Notes");
    case ACCORDS_SEARCH_GROUP_AGREEMENTS:
      return _("Agreements");
    case ACCORDS_SEARCH_N_GROUPS:
    default:
      g_return_val_if_reached ("");
    }
}

static void
add_marked (JsonBuilder *b,
            const char  *member,
            const char  *marked)
{
  g_autoptr(GArray) ranges = NULL;
  g_autofree char *plain = accords_search_marked_to_plain (marked, &ranges);
  g_autofree char *ranges_member = g_strconcat (member, "_matches", NULL);

  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, plain);
  /* [start, end) in characters of the plain text */
  json_builder_set_member_name (b, ranges_member);
  json_builder_begin_array (b);
  for (guint i = 0; i < ranges->len; i++)
    {
      AccordsSearchRange *r = &g_array_index (ranges, AccordsSearchRange, i);

      json_builder_begin_array (b);
      json_builder_add_int_value (b, r->start);
      json_builder_add_int_value (b, r->end);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
}

static gboolean
print_json (const char           *query,
            AccordsSearchResults *results)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "query");
  json_builder_add_string_value (b, query);
  json_builder_set_member_name (b, "fts");
  json_builder_add_string_value (b, results->query ? results->query : "");
  for (guint g = 0; g < ACCORDS_SEARCH_N_GROUPS; g++)
    {
      json_builder_set_member_name (b, accords_search_group_to_string (g));
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, results->totals[g]);
      json_builder_set_member_name (b, "hits");
      json_builder_begin_array (b);
      for (guint i = 0; i < results->hits[g]->len; i++)
        {
          AccordsSearchHit *hit = results->hits[g]->pdata[i];

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          if (g == ACCORDS_SEARCH_GROUP_AGREEMENTS)
            json_builder_add_string_value (b, hit->slug);
          else
            json_builder_add_int_value (b, hit->id);
          add_marked (b, "title", hit->title);
          add_marked (b, "snippet", hit->snippet);
          json_builder_set_member_name (b, "date");
          json_builder_add_string_value (b, hit->date);
          if (g == ACCORDS_SEARCH_GROUP_ITEMS)
            {
              json_builder_set_member_name (b, "read");
              json_builder_add_boolean_value (b, hit->read);
            }
          if (g == ACCORDS_SEARCH_GROUP_NOTES)
            {
              json_builder_set_member_name (b, "agreement");
              if (hit->slug != NULL)
                json_builder_add_string_value (b, hit->slug);
              else
                json_builder_add_null_value (b);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return accords_cli_print_json (root);
}

static void
print_text (AccordsSearchResults *results)
{
  /* bold only where a person reads it */
  gboolean tty = isatty (fileno (stdout));
  const char *open = tty ? "\033[1m" : "[";
  const char *close = tty ? "\033[0m" : "]";

  for (guint g = 0; g < ACCORDS_SEARCH_N_GROUPS; g++)
    {
      GPtrArray *hits = results->hits[g];

      if ((gint64) hits->len < results->totals[g])
        /* Translators: "News items: 1200 (the first 20)" */
        printf (_("%s: %" G_GINT64_FORMAT " (the first %u)\n"), group_heading (g), results->totals[g], hits->len);
      else
        printf ("%s: %" G_GINT64_FORMAT "\n", group_heading (g), results->totals[g]);
      for (guint i = 0; i < hits->len; i++)
        {
          AccordsSearchHit *hit = hits->pdata[i];
          g_autofree char *title = accords_search_marked_replace (hit->title, open, close);
          g_autofree char *snippet = accords_search_marked_replace (hit->snippet, open, close);
          g_autofree char *id = g == ACCORDS_SEARCH_GROUP_AGREEMENTS ? g_strdup (hit->slug)
                                : g_strdup_printf ("%" G_GINT64_FORMAT, hit->id);

          g_strdelimit (snippet, "\n\t", ' ');
          printf ("  %s\t%s\t%s\n", id, *hit->date ? hit->date : "-", title);
          if (*snippet)
            printf ("  \t%s\n", snippet);
        }
    }
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* search QUERY [--json] [--limit N] [filters] */
int
accords_cli_cmd_search (AccordsCli *cli,
                        int         argc,
                        char      **argv)
{
  gboolean json = FALSE;
  int limit = 20, repeat = 0;
  g_auto(FilterOptions) options = { 0 };
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many of each kind (default 20; 0: all)"), N_("N") },
    FILTER_ENTRIES (options),
    { "repeat", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &repeat,
      N_("Run the search N times more and print its median time to standard error"), N_("N") },
    { NULL }
  };
  AccordsContext *context;
  AccordsItemFilter filter;
  g_autoptr(AccordsSearchResults) results = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!accords_cli_parse_options ("search", _("QUERY"), entries, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      accords_cli_error (argc < 2 ? _("search: what to search for is missing") : _("search: give the query as one argument (quote it)"));
      return 2;
    }
  if (limit < 0 || repeat < 0)
    {
      accords_cli_error (_("search: --limit takes a number of 0 or more"));
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  if (!filter_from_options ("search", context, &options, &filter, &status))
    return status;

  results = accords_search_run (accords_context_get_store (context), argv[1], &filter, limit, &error);
  if (results == NULL)
    {
      accords_cli_error ("%s", error->message);
      return 1;
    }
  if (repeat > 0)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) store_times = g_array_new (FALSE, FALSE, sizeof (gint64));
      AccordsItemFilter items = filter;

      /* the whole search, and the store's query of the newest matching items alone */
      items.query = argv[1];
      for (int i = 0; i < repeat; i++)
        {
          gint64 start = g_get_monotonic_time ();
          clock_t start_cpu = clock ();
          g_autoptr(AccordsSearchResults) again = accords_search_run (accords_context_get_store (context), argv[1],
                                                                     &filter, limit, NULL);
          gint64 t = g_get_monotonic_time () - start;
          gint64 c = (gint64) ((clock () - start_cpu) * G_USEC_PER_SEC / CLOCKS_PER_SEC);
          g_autoptr(GArray) ids = NULL;

          g_array_append_val (times, t);
          g_array_append_val (cpu, c);
          start = g_get_monotonic_time ();
          ids = accords_store_query_item_ids_filtered (accords_context_get_store (context), &items,
                                                       ACCORDS_ITEM_SORT_DATE, TRUE, limit, NULL);
          t = g_get_monotonic_time () - start;
          g_array_append_val (store_times, t);
        }
      g_array_sort (times, compare_int64);
      g_array_sort (cpu, compare_int64);
      g_array_sort (store_times, compare_int64);
      fprintf (stderr, "search: median %.2f ms (cpu %.2f ms); store items query median %.2f ms; %d runs\n",
               g_array_index (times, gint64, times->len / 2) / 1000.0,
               g_array_index (cpu, gint64, cpu->len / 2) / 1000.0,
               g_array_index (store_times, gint64, store_times->len / 2) / 1000.0, repeat);
    }
  if (json)
    return print_json (argv[1], results) ? 0 : 1;
  print_text (results);
  return fflush (stdout) == 0 ? 0 : 1;
}

static void
print_searches_json (GPtrArray *searches)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < searches->len; i++)
    {
      AccordsSavedSearch *s = searches->pdata[i];
      struct { const char *name, *value; } strings[] = {
        { "name", s->name }, { "query", s->query }, { "country", s->country }, { "agreement", s->agreement },
        { "since", s->since }, { "until", s->until }, { "linked", accords_item_linked_to_string (s->linked) },
      };

      json_builder_begin_object (b);
      for (guint k = 0; k < G_N_ELEMENTS (strings); k++)
        {
          json_builder_set_member_name (b, strings[k].name);
          json_builder_add_string_value (b, strings[k].value);
        }
      json_builder_set_member_name (b, "feed");
      json_builder_add_int_value (b, s->feed_id);
      json_builder_set_member_name (b, "items");
      json_builder_add_int_value (b, s->n_items);
      json_builder_set_member_name (b, "unread");
      json_builder_add_int_value (b, s->n_unread);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  accords_cli_print_json (root);
}

static void
print_searches_text (GPtrArray *searches)
{
  for (guint i = 0; i < searches->len; i++)
    {
      AccordsSavedSearch *s = searches->pdata[i];
      g_autoptr(GString) filters = g_string_new (NULL);

      if (s->feed_id != 0)
        g_string_append_printf (filters, " --feed %" G_GINT64_FORMAT, s->feed_id);
      if (*s->country)
        g_string_append_printf (filters, " --country %s", s->country);
      if (*s->agreement)
        g_string_append_printf (filters, " --agreement %s", s->agreement);
      if (*s->since)
        g_string_append_printf (filters, " --since %s", s->since);
      if (*s->until)
        g_string_append_printf (filters, " --until %s", s->until);
      if (s->linked != ACCORDS_ITEM_LINKED_ANY)
        g_string_append_printf (filters, " --linked %s", accords_item_linked_to_string (s->linked));
      /* Translators: a saved search: its name, unread and all items, query and filters */
      printf (_("%s\t%" G_GINT64_FORMAT " unread of %" G_GINT64_FORMAT "\t%s%s\n"),
              s->name, s->n_unread, s->n_items, s->query, filters->str);
    }
}

/* searches add NAME QUERY [filters] */
static int
searches_add (AccordsCli *cli,
              int         argc,
              char      **argv)
{
  g_auto(FilterOptions) options = { 0 };
  GOptionEntry entries[] = { FILTER_ENTRIES (options), { NULL } };
  AccordsContext *context;
  AccordsItemFilter filter;
  g_autoptr(GError) error = NULL;
  int status;

  if (!accords_cli_parse_options ("searches add", _("NAME QUERY"), entries, &argc, &argv))
    return 2;
  if (argc != 3)
    {
      accords_cli_error (_("searches add: give a name and a query (\"\" for filters alone)"));
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  if (!filter_from_options ("searches add", context, &options, &filter, &status))
    return status;
  if (!accords_saved_search_add (accords_context_get_store (context), argv[1], argv[2], &filter, &error))
    {
      accords_cli_error ("searches add: %s", error->message);
      return 1;
    }
  return 0;
}

/* searches remove NAME, searches rename NAME NEW-NAME */
static int
searches_change (AccordsCli *cli,
                 const char *verb,
                 int         argc,
                 char      **argv)
{
  gboolean rename = g_str_equal (verb, "rename");
  g_autofree char *command = g_strconcat ("searches ", verb, NULL);
  GOptionEntry entries[] = { { NULL } };
  AccordsContext *context;
  AccordsStore *store;
  g_autoptr(GError) error = NULL;

  if (!accords_cli_parse_options (command, rename ? _("NAME NEW-NAME") : _("NAME"), entries, &argc, &argv))
    return 2;
  if (argc != (rename ? 3 : 2))
    {
      accords_cli_error (rename ? _("searches rename: give the name and the new name")
                                : _("searches remove: give the name of the search"));
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);
  if (rename ? !accords_saved_search_rename (store, argv[1], argv[2], &error)
             : !accords_saved_search_remove (store, argv[1], &error))
    {
      accords_cli_error ("%s: %s", command, error->message);
      return 1;
    }
  return 0;
}

/* searches [--json] | add | remove | rename */
int
accords_cli_cmd_searches (AccordsCli *cli,
                          int         argc,
                          char      **argv)
{
  gboolean json;
  AccordsContext *context;
  g_autoptr(GPtrArray) searches = NULL;
  g_autoptr(GError) error = NULL;

  if (argc > 1 && g_str_equal (argv[1], "add"))
    return searches_add (cli, argc - 1, argv + 1);
  if (argc > 1 && (g_str_equal (argv[1], "remove") || g_str_equal (argv[1], "rename")))
    return searches_change (cli, argv[1], argc - 1, argv + 1);

  if (!accords_cli_parse_json_option ("searches", "[add|remove|rename]", &json, &argc, &argv))
    return 2;
  if (argc > 1)
    {
      accords_cli_error (_("searches: unknown subcommand “%s” (add, remove or rename)"), argv[1]);
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  searches = accords_saved_search_list (accords_context_get_store (context), TRUE, &error);
  if (searches == NULL)
    {
      accords_cli_error ("%s", error->message);
      return 1;
    }
  if (json)
    print_searches_json (searches);
  else
    print_searches_text (searches);
  return fflush (stdout) == 0 ? 0 : 1;
}
