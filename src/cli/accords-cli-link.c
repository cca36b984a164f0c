/* accords-cli-link.c: accords-cli link, the countries and agreements a text would be linked to */
#define G_LOG_DOMAIN "accords-cli-link"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accords-cli-json.h"
#include "accords-cli-link.h"
#include "accords-files.h"
#include "accords-gazetteer.h"
#include "accords-import-linker.h"
#include "accords-linker.h"
#include "accords-store-agreements.h"
#include "accords-store-items.h"
#include "accords-store-links.h"
#include "accords-util.h"

static char *
read_stdin (GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[8192];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n);
  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot read the standard input"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonNode *
links_to_json (AccordsLinks *links)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "countries");
  json_builder_begin_array (b);
  for (guint i = 0; i < accords_links_get_n_countries (links); i++)
    {
      const AccordsCountryMention *m = accords_links_get_country (links, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, m->code);
      json_builder_set_member_name (b, "matched");
      json_builder_add_string_value (b, m->matched);
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, m->count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "agreements");
  json_builder_begin_array (b);
  for (guint i = 0; i < accords_links_get_n_agreements (links); i++)
    {
      const AccordsAgreementSuggestion *s = accords_links_get_agreement (links, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, s->slug);
      json_builder_set_member_name (b, "score");
      json_builder_add_double_value (b, s->score);
      json_builder_set_member_name (b, "method");
      json_builder_add_string_value (b, s->method);
      json_builder_set_member_name (b, "reason");
      json_builder_add_string_value (b, s->reason);
      json_builder_set_member_name (b, "signal");
      json_builder_add_string_value (b, s->signal);
      json_builder_set_member_name (b, "signal_text");
      json_builder_add_string_value (b, s->signal_text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* link [--file PATH] [TEXT...|-] */
int
accords_cli_link (AccordsCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autofree char *file = NULL;
  GOptionEntry entries[] = {
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Read the text from a file"), "PATH" },
    { NULL }
  };
  AccordsContext *context;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AccordsGazetteer) gazetteer = NULL;
  g_autoptr(GListStore) agreements = NULL;
  g_autoptr(AccordsLinker) linker = NULL;
  g_autoptr(AccordsLinks) links = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *texts[1];

  if (!accords_cli_parse_options ("link", _("[TEXT…|-]"), entries, &argc, &argv))
    return 2;

  if (file != NULL)
    {
      g_autoptr(GBytes) contents = NULL;
      gsize len;

      if (argc > 1)
        {
          accords_cli_error (_("link: give the text either with --file or as arguments, not both"));
          return 2;
        }
      if ((contents = accords_load_input (file, &error)) == NULL)
        {
          accords_cli_error ("link: %s", error->message);
          return 1;
        }
      text = g_bytes_unref_to_data (g_steal_pointer (&contents), &len);
      text = g_realloc (text, len + 1);
      text[len] = '\0';
    }
  else if (argc == 2 && g_str_equal (argv[1], "-"))
    {
      if (!(text = read_stdin (&error)))
        {
          accords_cli_error ("link: %s", error->message);
          return 1;
        }
    }
  else if (argc > 1)
    text = g_strjoinv (" ", argv + 1);
  else
    {
      accords_cli_error (_("link: give a text, “-” for the standard input, or --file PATH"));
      return 2;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = accords_utf8_make_valid (text, -1);

      g_free (text);
      text = valid;
    }

  if (!(context = accords_cli_get_context (cli)))
    return 1;

  gazetteer = accords_gazetteer_new (accords_context_get_iso_codes (context), &error);
  if (gazetteer != NULL)
    agreements = accords_store_load_agreements (accords_context_get_store (context), NULL, &error);
  if (agreements != NULL)
    linker = accords_linker_new (gazetteer, G_LIST_MODEL (agreements), &error);
  if (linker == NULL)
    {
      accords_cli_error ("link: %s", error->message);
      return 1;
    }

  links = accords_links_new ();
  texts[0] = text;
  accords_linker_link (linker, texts, 1, links);
  root = links_to_json (links);
  if (!accords_cli_print_json (root))
    return 1;
  return 0;
}

/* relink [--if-needed] [--json] */
int
accords_cli_relink (AccordsCli  *cli,
                    int          argc,
                    char       **argv)
{
  gboolean if_needed = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "if-needed", 0, 0, G_OPTION_ARG_NONE, &if_needed,
      N_("Only when the gazetteer or the agreements changed since the items were linked"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  AccordsContext *context;
  AccordsStore *store;
  g_autoptr(AccordsLinker) linker = NULL;
  g_autoptr(GError) error = NULL;
  AccordsRelinkStats stats = { 0 };
  gboolean was_up_to_date;

  if (!accords_cli_parse_options ("relink", "", entries, &argc, &argv))
    return 2;
  if (argc > 1)
    {
      accords_cli_error (_("relink: unexpected argument “%s”"), argv[1]);
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);

  linker = accords_import_new_linker (store, accords_context_get_iso_codes (context), &error);
  if (linker == NULL)
    {
      accords_cli_error ("relink: %s", error->message);
      return 1;
    }
  was_up_to_date = accords_store_links_up_to_date (store, linker);
  if (!accords_store_relink (store, linker, !if_needed, NULL, NULL, NULL, &stats, &error))
    {
      accords_cli_error ("relink: %s", error->message);
      return 1;
    }
  if (stats.n_items > 0 || !was_up_to_date)
    accords_store_emit_changed (store, ACCORDS_STORE_CHANGE_LINKS);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "was_up_to_date");
      json_builder_add_boolean_value (b, was_up_to_date);
      json_builder_set_member_name (b, "items");
      json_builder_add_int_value (b, stats.n_items);
      json_builder_set_member_name (b, "countries_redone");
      json_builder_add_boolean_value (b, stats.countries);
      json_builder_set_member_name (b, "country_links");
      json_builder_add_int_value (b, stats.n_countries);
      json_builder_set_member_name (b, "agreement_links");
      json_builder_add_int_value (b, stats.n_suggestions);
      json_builder_set_member_name (b, "kept");
      json_builder_add_int_value (b, stats.n_kept);
      json_builder_set_member_name (b, "checksum");
      json_builder_add_string_value (b, accords_linker_get_checksum (linker));
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      return accords_cli_print_json (root) ? 0 : 1;
    }

  if (if_needed && was_up_to_date)
    printf ("%s\n", _("The links are up to date: nothing to do"));
  else if (stats.countries)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Linked %u item again: %u country links, %u agreement suggestions\n",
                         "Linked %u items again: %u country links, %u agreement suggestions\n", stats.n_items),
            stats.n_items, stats.n_countries, stats.n_suggestions);
  else
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Linked %u item to the agreements again (the gazetteer did not change): %u suggestions\n",
                         "Linked %u items to the agreements again (the gazetteer did not change): %u suggestions\n",
                         stats.n_items),
            stats.n_items, stats.n_suggestions);
  if (stats.n_kept > 0 && !(if_needed && was_up_to_date))
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u link confirmed or rejected by hand kept its state\n",
                         "%u links confirmed or rejected by hand kept their state\n", stats.n_kept),
            stats.n_kept);
  return fflush (stdout) == 0 ? 0 : 1;
}

/* review ITEM_ID AGREEMENT_ID confirm|reject|suggest: the researcher's
 * verdict on a link, as the window's Sources tab records it */
int
accords_cli_review (AccordsCli  *cli,
                    int          argc,
                    char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  static const struct {
    const char *verb;
    const char *state;
  } verdicts[] = {
    { "confirm", "confirmed" },
    { "reject", "rejected" },
    { "suggest", "suggested" },
  };
  const char *state = NULL;
  AccordsContext *context;
  AccordsStore *store;
  g_autoptr(AccordsItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 item_id = 0;

  if (!accords_cli_parse_options ("review", _("ITEM-ID AGREEMENT-ID confirm|reject|suggest"), entries, &argc, &argv))
    return 2;
  if (argc != 4)
    {
      accords_cli_error (_("review: expected an item id, an agreement id and confirm, reject or suggest"));
      return 2;
    }
  if (!g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &item_id, NULL))
    {
      accords_cli_error (_("review: “%s” is not an item id (the “id” of items --json)"), argv[1]);
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    if (g_str_equal (argv[3], verdicts[i].verb))
      state = verdicts[i].state;
  if (state == NULL)
    {
      accords_cli_error (_("review: “%s” is not confirm, reject or suggest"), argv[3]);
      return 2;
    }

  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);

  item = accords_store_load_item (store, item_id, &error);
  if (item == NULL)
    {
      accords_cli_error (_("review: there is no news item %" G_GINT64_FORMAT), item_id);
      return 1;
    }
  if (!accords_store_has_agreement (store, argv[2]))
    {
      accords_cli_error (_("review: there is no agreement with the id “%s”"), argv[2]);
      return 1;
    }
  if (!accords_store_set_link_state (store, item_id, argv[2], state, &error))
    {
      accords_cli_error ("review: %s", error->message);
      return 1;
    }
  accords_store_emit_changed (store, ACCORDS_STORE_CHANGE_LINKS);
  printf ("%" G_GINT64_FORMAT " %s: %s\n", item_id, argv[2], state);
  return 0;
}
