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

static JsonObject *
links_to_json (AccordsLinks *links)
{
  JsonObject *o = json_object_new ();
  JsonArray *countries = json_array_new ();
  JsonArray *agreements = json_array_new ();

  for (guint i = 0; i < accords_links_get_n_countries (links); i++)
    {
      const AccordsCountryMention *m = accords_links_get_country (links, i);
      JsonObject *country = json_object_new ();

      json_object_set_string_member (country, "code", m->code);
      json_object_set_string_member (country, "matched", m->matched);
      json_object_set_int_member (country, "count", m->count);
      json_array_add_object_element (countries, country);
    }
  for (guint i = 0; i < accords_links_get_n_agreements (links); i++)
    {
      const AccordsAgreementSuggestion *s = accords_links_get_agreement (links, i);
      JsonObject *agreement = json_object_new ();

      json_object_set_string_member (agreement, "id", s->slug);
      json_object_set_double_member (agreement, "score", s->score);
      json_object_set_string_member (agreement, "method", s->method);
      json_object_set_string_member (agreement, "reason", s->reason);
      json_object_set_string_member (agreement, "signal", s->signal);
      json_object_set_string_member (agreement, "signal_text", s->signal_text);
      json_array_add_object_element (agreements, agreement);
    }
  json_object_set_array_member (o, "countries", countries);
  json_object_set_array_member (o, "agreements", agreements);
  return o;
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
  g_autoptr(JsonObject) root = NULL;
  const char *texts[1];

  if (!accords_cli_parse_options ("link", _("[TEXT…|-]"), entries, &argc, &argv))
    return 2;

  if (file != NULL && argc > 1)
    return accords_cli_usage_error (_("link: give the text either with --file or as arguments, not both"));
  if (file == NULL && argc == 2 && g_str_equal (argv[1], "-"))
    file = g_strdup ("-");
  if (file != NULL)
    {
      if (!(text = accords_cli_load_text (file, NULL, &error)))
        return accords_cli_fail_error ("link", error);
    }
  else if (argc > 1)
    text = g_strjoinv (" ", argv + 1);
  else
    return accords_cli_usage_error (_("link: give a text, “-” for the standard input, or --file PATH"));

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
    return accords_cli_fail_error ("link", error);

  links = accords_links_new ();
  texts[0] = text;
  accords_linker_link (linker, texts, 1, links);
  root = links_to_json (links);
  return accords_cli_print_object (root);
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
    return accords_cli_usage_error (_("relink: unexpected argument “%s”"), argv[1]);
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);

  linker = accords_import_new_linker (store, accords_context_get_iso_codes (context), &error);
  if (linker == NULL)
    return accords_cli_fail_error ("relink", error);
  was_up_to_date = accords_store_links_up_to_date (store, linker);
  if (!accords_store_relink (store, linker, !if_needed, NULL, NULL, NULL, &stats, &error))
    return accords_cli_fail_error ("relink", error);
  if (stats.n_items > 0 || !was_up_to_date)
    accords_store_emit_changed (store, ACCORDS_STORE_CHANGE_LINKS);

  if (json)
    {
      g_autoptr(JsonObject) o = json_object_new ();

      json_object_set_boolean_member (o, "was_up_to_date", was_up_to_date);
      json_object_set_int_member (o, "items", stats.n_items);
      json_object_set_boolean_member (o, "countries_redone", stats.countries);
      json_object_set_int_member (o, "country_links", stats.n_countries);
      json_object_set_int_member (o, "agreement_links", stats.n_suggestions);
      json_object_set_int_member (o, "kept", stats.n_kept);
      json_object_set_string_member (o, "checksum", accords_linker_get_checksum (linker));
      return accords_cli_print_object (o);
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
    return accords_cli_usage_error (_("review: expected an item id, an agreement id and confirm, reject or suggest"));
  if (!g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &item_id, NULL))
    return accords_cli_usage_error (_("review: “%s” is not an item id (the “id” of items --json)"), argv[1]);
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    if (g_str_equal (argv[3], verdicts[i].verb))
      state = verdicts[i].state;
  if (state == NULL)
    return accords_cli_usage_error (_("review: “%s” is not confirm, reject or suggest"), argv[3]);

  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);

  item = accords_store_load_item (store, item_id, &error);
  if (item == NULL)
    return accords_cli_fail (_("review: there is no news item %" G_GINT64_FORMAT), item_id);
  if (!accords_store_has_agreement (store, argv[2]))
    return accords_cli_fail (_("review: there is no agreement with the id “%s”"), argv[2]);
  if (!accords_store_set_link_state (store, item_id, argv[2], state, &error))
    return accords_cli_fail_error ("review", error);
  accords_store_emit_changed (store, ACCORDS_STORE_CHANGE_LINKS);
  printf ("%" G_GINT64_FORMAT " %s: %s\n", item_id, argv[2], state);
  return 0;
}
