/* accords-cli-notes.c: accords-cli note and source */
#define G_LOG_DOMAIN "accords-cli-notes"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accords-cli-json.h"
#include "accords-cli-notes.h"
#include "accords-files.h"
#include "accords-store-agreements.h"
#include "accords-store-notes.h"
#include "accords-store-sources.h"
#include "accords-util.h"

static JsonObject *
note_to_json (AccordsNote *note,
              gboolean     with_body)
{
  g_autoptr(GArray) marks = accords_citations_parse (accords_note_get_body (note));
  JsonObject *o = json_object_new ();
  JsonArray *citations = json_array_sized_new (marks->len);

  json_object_set_int_member (o, "id", accords_note_get_id (note));
  json_object_set_string_member (o, "title", accords_note_get_title (note));
  json_object_set_string_member (o, "agreement", accords_note_get_agreement (note));
  json_object_set_string_member (o, "country", accords_note_get_country (note));
  json_object_set_string_member (o, "created", accords_str_or_empty (accords_note_get_created (note)));
  json_object_set_string_member (o, "updated", accords_str_or_empty (accords_note_get_updated (note)));
  json_object_set_int_member (o, "words", accords_note_count_words (accords_note_get_body (note)));
  for (guint i = 0; i < marks->len; i++)
    {
      const AccordsCitationMark *m = &g_array_index (marks, AccordsCitationMark, i);
      JsonObject *citation = json_object_new ();

      json_object_set_string_member (citation, "kind", accords_citation_kind_to_string (m->kind));
      json_object_set_int_member (citation, "id", m->id);
      json_array_add_object_element (citations, citation);
    }
  json_object_set_array_member (o, "citations", citations);
  if (with_body)
    json_object_set_string_member (o, "body", accords_note_get_body (note));
  return o;
}

static int
note_add (AccordsCli *cli,
          int         argc,
          char      **argv)
{
  g_autofree char *agreement = NULL;
  g_autofree char *country = NULL;
  g_autofree char *file = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "agreement", 0, 0, G_OPTION_ARG_STRING, &agreement, N_("Attach the note to this agreement"), "ID" },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Attach the note to this country"), "CC" },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("The note, in Markdown"), "FILE.md" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new note as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *display = NULL;
  g_autoptr(AccordsNote) note = NULL;
  AccordsStore *store;
  gsize length;
  const char *bad;

  if (!accords_cli_parse_options ("note add", "", entries, &argc, &argv))
    return 2;
  if (argc > 1)
    return accords_cli_usage_error (_("note add: unexpected argument “%s”"), argv[1]);
  if (file == NULL)
    return accords_cli_usage_error (_("note add: --file FILE.md is required"));
  if (agreement != NULL && country != NULL)
    return accords_cli_usage_error (_("note add: give --agreement or --country, not both"));
  display = g_filename_display_name (file);
  if (!(body = accords_cli_load_text (file, &length, &error)))
    return accords_cli_fail_error (NULL, error);
  if (!g_utf8_validate_len (body, length, &bad))
    return accords_cli_fail (_("%s is not UTF-8 text (byte %" G_GSIZE_FORMAT " is not)"), display, (gsize) (bad - body));
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (body));

    if (*trimmed == '\0')
      return accords_cli_fail (_("%s holds no text"), display);
  }

  if (!(store = accords_cli_get_store (cli)))
    return 1;
  if (country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);
      g_free (country);
      country = g_steal_pointer (&upper);
    }
  if (!accords_store_check_citations (store, body, display, &error))
    return accords_cli_fail_error (NULL, error);
  note = accords_store_create_note (store, agreement, country, body, &error);
  if (note == NULL)
    return accords_cli_fail_error (NULL, error);

  if (json)
    {
      g_autoptr(JsonObject) o = note_to_json (note, FALSE);
      return accords_cli_print_object (o);
    }
  printf ("%" G_GINT64_FORMAT "\n", accords_note_get_id (note));
  return 0;
}

static int
note_list (AccordsCli *cli,
           int         argc,
           char      **argv)
{
  g_autofree char *agreement = NULL;
  g_autofree char *country = NULL;
  gboolean json = FALSE, free_standing = FALSE, body = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "agreement", 0, 0, G_OPTION_ARG_STRING, &agreement, N_("Only the notes of this agreement"), "ID" },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Only the notes on this country"), "CC" },
    { "free", 0, 0, G_OPTION_ARG_NONE, &free_standing, N_("Only notes attached to nothing"), NULL },
    { "body", 0, 0, G_OPTION_ARG_NONE, &body, N_("With --json, include each note’s text"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) notes = NULL;
  AccordsNoteScope scope = ACCORDS_NOTE_SCOPE_ALL;
  const char *key = NULL;
  AccordsStore *store;
  guint n;

  if (!accords_cli_parse_options ("note list", "", entries, &argc, &argv))
    return 2;
  if ((agreement != NULL) + (country != NULL) + free_standing > 1)
    return accords_cli_usage_error (_("note list: give one of --agreement, --country and --free"));
  if (!(store = accords_cli_get_store (cli)))
    return 1;

  if (agreement != NULL)
    {
      if (!accords_store_has_agreement (store, agreement))
        return accords_cli_fail (_("There is no agreement with the id “%s”"), agreement);
      scope = ACCORDS_NOTE_SCOPE_AGREEMENT;
      key = agreement;
    }
  else if (country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);
      g_free (country);
      country = g_steal_pointer (&upper);
      scope = ACCORDS_NOTE_SCOPE_COUNTRY;
      key = country;
    }
  else if (free_standing)
    scope = ACCORDS_NOTE_SCOPE_FREE;

  notes = accords_store_list_notes (store, scope, key, &error);
  if (notes == NULL)
    return accords_cli_fail_error (NULL, error);
  n = g_list_model_get_n_items (G_LIST_MODEL (notes));

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
          json_array_add_object_element (array, note_to_json (note, body));
        }
      return accords_cli_print_array (array);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
      const char *on = accords_note_get_agreement (note) ? accords_note_get_agreement (note)
                     : accords_note_get_country (note) ? accords_note_get_country (note) : "-";

      printf ("%-5" G_GINT64_FORMAT " %-20s %-28s %s\n", accords_note_get_id (note),
              accords_str_or_empty (accords_note_get_updated (note)), on,
              accords_note_get_display_title (note));
    }
  return 0;
}

int
accords_cli_cmd_note (AccordsCli *cli,
                      int         argc,
                      char      **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return note_add (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return note_list (cli, argc - 1, argv + 1);
  accords_cli_error (_("note: expected “add” or “list”"));
  return 2;
}

int
accords_cli_cmd_source (AccordsCli *cli,
                        int         argc,
                        char      **argv)
{
  g_autofree char *url = NULL, *title = NULL, *publisher = NULL, *published = NULL, *accessed = NULL;
  g_autofree char *agreement = NULL, *type = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Where the source is (http, https or file)"), "URL" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Its title"), "TITLE" },
    { "publisher", 0, 0, G_OPTION_ARG_STRING, &publisher, N_("Who published it"), "NAME" },
    { "published", 0, 0, G_OPTION_ARG_STRING, &published, N_("When (YYYY, YYYY-MM or YYYY-MM-DD)"), "DATE" },
    { "accessed", 0, 0, G_OPTION_ARG_STRING, &accessed, N_("When it was read (default: today)"), "DATE" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("web, document, news… (default: web)"), "TYPE" },
    { "agreement", 0, 0, G_OPTION_ARG_STRING, &agreement, N_("List it among this agreement’s sources"), "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the source as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsSource) source = NULL;
  AccordsStore *store;
  gint64 id;

  if (argc < 2 || !g_str_equal (argv[1], "add"))
    return accords_cli_usage_error (_("source: expected “add”"));
  argc--;
  argv++;
  if (!accords_cli_parse_options ("source add", "", entries, &argc, &argv))
    return 2;
  if (url == NULL)
    return accords_cli_usage_error (_("source add: --url URL is required"));
  if (!(store = accords_cli_get_store (cli)))
    return 1;

  source = g_object_new (ACCORDS_TYPE_SOURCE, "url", url, "title", title, "publisher", publisher,
                         "published", published, "accessed", accessed, "source-type", type, NULL);
  id = accords_store_add_source (store, source, agreement, &error);
  if (id == 0)
    return accords_cli_fail_error ("source add", error);

  if (json)
    {
      g_autoptr(JsonObject) o = json_object_new ();
      g_autofree char *marker = accords_citation_marker (ACCORDS_CITATION_SOURCE, id);

      json_object_set_int_member (o, "id", id);
      json_object_set_string_member (o, "marker", marker);
      json_object_set_string_member (o, "url", url);
      json_object_set_string_member (o, "accessed", accords_source_get_accessed (source));
      return accords_cli_print_object (o);
    }
  printf ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}
