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

static void
note_to_json (JsonBuilder *b,
              AccordsNote *note,
              gboolean     with_body)
{
  g_autoptr(GArray) marks = accords_citations_parse (accords_note_get_body (note));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, accords_note_get_id (note));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, accords_note_get_title (note));
  json_builder_set_member_name (b, "agreement");
  if (accords_note_get_agreement (note))
    json_builder_add_string_value (b, accords_note_get_agreement (note));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "country");
  if (accords_note_get_country (note))
    json_builder_add_string_value (b, accords_note_get_country (note));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "created");
  json_builder_add_string_value (b, accords_str_or_empty (accords_note_get_created (note)));
  json_builder_set_member_name (b, "updated");
  json_builder_add_string_value (b, accords_str_or_empty (accords_note_get_updated (note)));
  json_builder_set_member_name (b, "words");
  json_builder_add_int_value (b, accords_note_count_words (accords_note_get_body (note)));
  json_builder_set_member_name (b, "citations");
  json_builder_begin_array (b);
  for (guint i = 0; i < marks->len; i++)
    {
      const AccordsCitationMark *m = &g_array_index (marks, AccordsCitationMark, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, accords_citation_kind_to_string (m->kind));
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, m->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (with_body)
    {
      json_builder_set_member_name (b, "body");
      json_builder_add_string_value (b, accords_note_get_body (note));
    }
  json_builder_end_object (b);
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
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr(AccordsNote) note = NULL;
  AccordsContext *context;
  AccordsStore *store;
  gsize length;
  const char *bad;

  if (!accords_cli_parse_options ("note add", "", entries, &argc, &argv))
    return 2;
  if (argc > 1)
    {
      accords_cli_error (_("note add: unexpected argument “%s”"), argv[1]);
      return 2;
    }
  if (file == NULL)
    {
      accords_cli_error (_("note add: --file FILE.md is required"));
      return 2;
    }
  if (agreement != NULL && country != NULL)
    {
      accords_cli_error (_("note add: give --agreement or --country, not both"));
      return 2;
    }
  display = g_filename_display_name (file);
  if (!(contents = accords_load_input (file, &error)))
    {
      accords_cli_error ("%s", error->message);
      return 1;
    }
  body = g_bytes_unref_to_data (g_steal_pointer (&contents), &length);
  body = g_realloc (body, length + 1);
  body[length] = '\0';
  if (!g_utf8_validate_len (body, length, &bad))
    {
      accords_cli_error (_("%s is not UTF-8 text (byte %" G_GSIZE_FORMAT " is not)"), display, (gsize) (bad - body));
      return 1;
    }
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (body));

    if (*trimmed == '\0')
      {
        accords_cli_error (_("%s holds no text"), display);
        return 1;
      }
  }

  if (!(context = accords_cli_get_context (cli)))
    return 1;
  store = accords_context_get_store (context);
  if (country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);
      g_free (country);
      country = g_steal_pointer (&upper);
    }
  if (!accords_store_check_citations (store, body, display, &error))
    {
      accords_cli_error ("%s", error->message);
      return 1;
    }
  note = accords_store_create_note (store, agreement, country, body, &error);
  if (note == NULL)
    {
      accords_cli_error ("%s", error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      note_to_json (b, note, FALSE);
      root = json_builder_get_root (b);
      return accords_cli_print_json (root) ? 0 : 1;
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
  AccordsContext *context;
  guint n;

  if (!accords_cli_parse_options ("note list", "", entries, &argc, &argv))
    return 2;
  if ((agreement != NULL) + (country != NULL) + free_standing > 1)
    {
      accords_cli_error (_("note list: give one of --agreement, --country and --free"));
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;

  if (agreement != NULL)
    {
      if (!accords_store_has_agreement (accords_context_get_store (context), agreement))
        {
          accords_cli_error (_("There is no agreement with the id “%s”"), agreement);
          return 1;
        }
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

  notes = accords_store_list_notes (accords_context_get_store (context), scope, key, &error);
  if (notes == NULL)
    {
      accords_cli_error ("%s", error->message);
      return 1;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (notes));

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
          note_to_json (b, note, body);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      return accords_cli_print_json (root) ? 0 : 1;
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
  g_autoptr(AccordsSource) source = accords_source_new ();
  AccordsContext *context;
  gint64 id;

  if (argc < 2 || !g_str_equal (argv[1], "add"))
    {
      accords_cli_error (_("source: expected “add”"));
      return 2;
    }
  argc--;
  argv++;
  if (!accords_cli_parse_options ("source add", "", entries, &argc, &argv))
    return 2;
  if (url == NULL)
    {
      accords_cli_error (_("source add: --url URL is required"));
      return 2;
    }
  if (!(context = accords_cli_get_context (cli)))
    return 1;

  accords_source_set_url (source, url);
  accords_source_set_title (source, title);
  accords_source_set_publisher (source, publisher);
  accords_source_set_published (source, published);
  accords_source_set_accessed (source, accessed);
  accords_source_set_source_type (source, type);
  id = accords_store_add_source (accords_context_get_store (context), source, agreement, &error);
  if (id == 0)
    {
      accords_cli_error (_("source add: %s"), error->message);
      return 1;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *marker = accords_citation_marker (ACCORDS_CITATION_SOURCE, id);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, id);
      json_builder_set_member_name (b, "marker");
      json_builder_add_string_value (b, marker);
      json_builder_set_member_name (b, "url");
      json_builder_add_string_value (b, url);
      json_builder_set_member_name (b, "accessed");
      json_builder_add_string_value (b, accords_source_get_accessed (source));
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      return accords_cli_print_json (root) ? 0 : 1;
    }
  printf ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}
