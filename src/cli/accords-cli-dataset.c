/* accords-cli-dataset.c: accords-cli verbs that curate the dataset */
#define G_LOG_DOMAIN "accords-cli-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "accords-cli-dataset.h"
#include "accords-cli-json.h"
#include "accords-command.h"
#include "accords-dataset.h"
#include "accords-dataset-release.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-files.h"
#include "accords-json-reader.h"
#include "accords-merge.h"
#include "accords-party.h"
#include "accords-store-agreements.h"
#include "accords-store-curation.h"
#include "accords-validation.h"

/* Reads one agreement and prints every problem it has, naming the fields */
static AccordsAgreement *
read_agreement (AccordsStore *store,
                const char   *path,
                const char   *own_slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = accords_json_parse_file (path, &error);
  g_autoptr(AccordsAgreement) a = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  const char *where = g_str_equal (path, "-") ? _("standard input") : path;

  if (root == NULL)
    {
      accords_cli_error ("%s", error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      accords_cli_error (_("%s: expected one agreement, a JSON object like those “agreements --json” lists"), where);
      return NULL;
    }
  if (!(a = accords_agreement_from_json (root, where, &error)))
    {
      accords_cli_error ("%s", error->message);
      return NULL;
    }
  issues = accords_agreement_check (a, store, own_slug);
  for (guint i = 0; i < issues->len; i++)
    {
      AccordsIssue *issue = g_ptr_array_index (issues, i);
      accords_cli_error ("%s: %s: %s", where, issue->field, issue->message);
    }
  return issues->len == 0 ? g_steal_pointer (&a) : NULL;
}

static int
run_command (AccordsStore   *store,
             AccordsCommand *command)
{
  g_autoptr(GError) error = NULL;

  if (!accords_command_apply (command, store, &error))
    return accords_cli_fail_error (NULL, error);
  return 0;
}

/* One agreement added (stored NULL), edited or deleted (a NULL), through
 * the write path the app uses too */
static int
change_agreement (AccordsStore     *store,
                  const char       *label,
                  AccordsAgreement *stored,
                  AccordsAgreement *a)
{
  g_autoptr(AccordsCommand) command = accords_command_new (label);

  accords_command_add_change (command, stored, a);
  return run_command (store, command);
}

static void
print_agreement (AccordsContext   *context,
                 AccordsAgreement *a)
{
  GListModel *model = G_LIST_MODEL (accords_agreement_get_parties (a));
  const char *override = accords_agreement_get_status_override (a);

  printf ("%s\n%s: %s\n", accords_agreement_get_title (a), _("Id"), accords_agreement_get_slug (a));
  if (override && *override)
    printf ("%s: %s (%s; %s %s)\n", _("Status"), accords_status_get_label (accords_agreement_get_status (a)),
            _("set by hand"), _("the events give"),
            accords_status_get_label (accords_agreement_derive_status (a, NULL)));
  else
    printf ("%s: %s\n", _("Status"), accords_status_get_label (accords_agreement_get_status (a)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsParty) p = g_list_model_get_item (model, i);
      printf ("  %s  %-32s %s\n", accords_party_get_country (p),
              accords_context_get_country_name (context, accords_party_get_country (p)),
              accords_party_get_role (p));
    }
  model = G_LIST_MODEL (accords_agreement_get_events (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (model, i);
      printf ("  %-10s  %-16s %s\n", accords_event_get_date (e), accords_event_get_event_type (e),
              accords_event_get_description (e));
    }
}

static int
agreement_show (AccordsCli *cli,
                int         argc,
                char      **argv)
{
  gboolean json;
  AccordsContext *context;
  g_autoptr(AccordsAgreement) a = NULL;
  g_autoptr(GError) error = NULL;

  if (!accords_cli_parse_json_option ("agreement show", "ID", &json, &argc, &argv))
    return 2;
  if (argc != 2)
    return accords_cli_usage_error (_("agreement show: give one agreement id"));
  if (!(context = accords_cli_get_context (cli)))
    return 1;
  if (!(a = accords_store_load_agreement (accords_context_get_store (context), argv[1], &error)))
    return accords_cli_fail_error (NULL, error);
  if (json)
    {
      g_autoptr(JsonNode) node = accords_agreement_to_json (a);
      return accords_cli_print_json (node) ? 0 : 1;
    }
  print_agreement (context, a);
  return 0;
}

/* The one option of agreement add and edit: the agreement, --json FILE */
static gboolean
parse_agreement_file (const char   *command,
                      const char   *parameter_string,
                      const char   *description,
                      char        **file,
                      int          *argc,
                      char       ***argv)
{
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, file, description, "FILE" },
    { NULL }
  };

  return accords_cli_parse_options (command, parameter_string, entries, argc, argv);
}

static int
agreement_add (AccordsCli *cli,
               int         argc,
               char      **argv)
{
  g_autofree char *file = NULL;
  g_autoptr(AccordsAgreement) a = NULL;
  AccordsStore *store;

  if (!parse_agreement_file ("agreement add", "", N_("The agreement, as JSON (- for standard input)"),
                             &file, &argc, &argv))
    return 2;
  if (file == NULL || argc != 1)
    return accords_cli_usage_error (_("agreement add: give the agreement with --json FILE"));
  if (!(store = accords_cli_get_store (cli)) || !(a = read_agreement (store, file, NULL)) ||
      change_agreement (store, _("Add agreement"), NULL, a) != 0)
    return 1;
  printf (_("Added %s\n"), accords_agreement_get_slug (a));
  return 0;
}

static int
agreement_edit (AccordsCli *cli,
                int         argc,
                char      **argv)
{
  g_autofree char *file = NULL;
  g_autoptr(AccordsAgreement) stored = NULL;
  g_autoptr(AccordsAgreement) a = NULL;
  g_autoptr(GError) error = NULL;
  AccordsStore *store;

  if (!parse_agreement_file ("agreement edit", "ID",
                             N_("The agreement as it should be, as JSON (- for standard input)"),
                             &file, &argc, &argv))
    return 2;
  if (file == NULL || argc != 2)
    return accords_cli_usage_error (_("agreement edit: give the agreement id and the new version with --json FILE"));
  if (!(store = accords_cli_get_store (cli)))
    return 1;
  if (!(stored = accords_store_load_agreement (store, argv[1], &error)))
    return accords_cli_fail_error (NULL, error);
  if (!(a = read_agreement (store, file, argv[1])) || change_agreement (store, _("Edit agreement"), stored, a) != 0)
    return 1;
  if (g_strcmp0 (argv[1], accords_agreement_get_slug (a)) != 0)
    printf (_("Saved %s, formerly %s\n"), accords_agreement_get_slug (a), argv[1]);
  else
    printf (_("Saved %s\n"), accords_agreement_get_slug (a));
  return 0;
}

/* "2 notes and 1 link to news items" */
static char *
describe_dependents (AccordsCascade *cascade)
{
  guint notes = accords_cascade_count (cascade, "note");
  guint links = accords_cascade_count (cascade, "item_agreement");
  g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", notes), notes);
  g_autofree char *l = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link to news items",
                                                     "%u links to news items", links), links);

  if (notes && links)
    /* TRANSLATORS: "2 notes and 3 links to news items" */
    return g_strdup_printf (_("%s and %s"), n, l);
  return g_strdup (notes ? n : links ? l : "");
}

static int
agreement_delete (AccordsCli *cli,
                  int         argc,
                  char      **argv)
{
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Also delete its notes and links to news items"), NULL },
    { NULL }
  };
  g_autoptr(AccordsAgreement) stored = NULL;
  g_autoptr(AccordsCascade) cascade = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dependents = NULL;
  AccordsStore *store;

  if (!accords_cli_parse_options ("agreement delete", "ID", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return accords_cli_usage_error (_("agreement delete: give one agreement id"));
  if (!(store = accords_cli_get_store (cli)))
    return 1;
  if (!(stored = accords_store_load_agreement (store, argv[1], &error)) ||
      !(cascade = accords_store_snapshot_cascade (store, argv[1], &error)))
    return accords_cli_fail_error (NULL, error);
  dependents = describe_dependents (cascade);
  if (*dependents && !force)
    return accords_cli_fail (_("agreement delete: %s has %s, which would be deleted with it; nothing was deleted "
                                "(add --force to delete them too)"), argv[1], dependents);

  if (change_agreement (store, _("Delete agreement"), stored, NULL) != 0)
    return 1;
  if (*dependents)
    printf (_("Deleted %s, with %s\n"), argv[1], dependents);
  else
    printf (_("Deleted %s\n"), argv[1]);
  return 0;
}

int
accords_cli_agreement (AccordsCli *cli,
                       int         argc,
                       char      **argv)
{
  static const struct {
    const char *name;
    int (*run) (AccordsCli *, int, char **);
  } verbs[] = {
    { "show", agreement_show },
    { "add", agreement_add },
    { "edit", agreement_edit },
    { "delete", agreement_delete },
  };

  if (argc < 2)
    return accords_cli_usage_error (_("agreement: say show, add, edit or delete"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].name))
      return verbs[i].run (cli, argc - 1, argv + 1);
  accords_cli_error (_("agreement: unknown verb “%s”; say show, add, edit or delete"), argv[1]);
  return 2;
}

static void
print_conflicts (GListModel *conflicts)
{
  const char *stored = _("stored:");
  const char *incoming = _("incoming:");
  int width = MAX (g_utf8_strlen (stored, -1), g_utf8_strlen (incoming, -1));

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(AccordsMergeConflict) c = g_list_model_get_item (conflicts, i);

      printf ("%s  %s\n", accords_merge_conflict_get_slug (c), accords_merge_conflict_get_field (c));
      printf ("  %-*s %s\n", width + (int) (strlen (stored) - g_utf8_strlen (stored, -1)), stored,
              accords_merge_conflict_get_stored (c));
      printf ("  %-*s %s\n", width + (int) (strlen (incoming) - g_utf8_strlen (incoming, -1)), incoming,
              accords_merge_conflict_get_incoming (c));
    }
}

static JsonArray *
conflicts_to_json (GListModel *conflicts)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(AccordsMergeConflict) c = g_list_model_get_item (conflicts, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "id", accords_merge_conflict_get_slug (c));
      json_object_set_string_member (o, "field", accords_merge_conflict_get_field (c));
      json_object_set_string_member (o, "stored", accords_merge_conflict_get_stored (c));
      json_object_set_string_member (o, "incoming", accords_merge_conflict_get_incoming (c));
      json_array_add_object_element (array, o);
    }
  return array;
}

int
accords_cli_import_dataset (AccordsCli *cli,
                            int         argc,
                            char      **argv)
{
  g_autofree char *prefer = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "prefer", 0, 0, G_OPTION_ARG_STRING, &prefer,
      N_("Settle conflicts: ours keeps the stored values, theirs takes the file’s"), "ours|theirs" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("List conflicts as JSON"), NULL },
    { NULL }
  };
  AccordsStore *store;
  g_autoptr(AccordsMerge) merge = NULL;
  g_autoptr(AccordsCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *conflicts;
  guint n_new = 0, n_updated = 0, n_conflicts;

  if (!accords_cli_parse_options ("import-dataset", "FILE.json", entries, &argc, &argv))
    return 2;
  if (argc != 2)
    return accords_cli_usage_error (_("import-dataset: give one dataset file"));
  if (prefer != NULL && !g_str_equal (prefer, "ours") && !g_str_equal (prefer, "theirs"))
    return accords_cli_usage_error (_("import-dataset: --prefer takes ours or theirs, not “%s”"), prefer);
  if (!(store = accords_cli_get_store (cli)))
    return 1;

  if (!(merge = accords_merge_new_for_path (store, argv[1], &error)))
    return accords_cli_fail_error (NULL, error);

  conflicts = accords_merge_get_conflicts (merge);
  n_conflicts = g_list_model_get_n_items (conflicts);
  if (n_conflicts > 0 && prefer == NULL)
    {
      if (json)
        {
          g_autoptr(JsonArray) array = conflicts_to_json (conflicts);
          accords_cli_print_array (array);
        }
      else
        print_conflicts (conflicts);
      accords_cli_error (g_dngettext (GETTEXT_PACKAGE,
                                      "import-dataset: %u field differs between %s and the database; nothing was "
                                      "imported (choose with --prefer ours or --prefer theirs)",
                                      "import-dataset: %u fields differ between %s and the database; nothing was "
                                      "imported (choose with --prefer ours or --prefer theirs)", n_conflicts),
                         n_conflicts, argv[1]);
      return 1;
    }
  if (prefer != NULL)
    accords_merge_resolve_all (merge, g_str_equal (prefer, "ours") ? ACCORDS_MERGE_KEEP_STORED
                                                                    : ACCORDS_MERGE_TAKE_INCOMING);

  if (!(command = accords_merge_build_command (merge, &n_new, &n_updated, &error)))
    return accords_cli_fail_error (NULL, error);
  if (accords_command_get_n_changes (command) > 0 && run_command (store, command) != 0)
    return 1;
  printf (_("Imported %s: %u new, %u updated, %u unchanged\n"), argv[1], n_new, n_updated,
          accords_merge_get_n_incoming (merge) - n_new - n_updated);
  return 0;
}

int
accords_cli_export_dataset (AccordsCli *cli,
                            int         argc,
                            char      **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), "FILE" },
    { NULL }
  };
  AccordsStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!accords_cli_parse_options ("export-dataset", "", entries, &argc, &argv))
    return 2;
  if (argc != 1)
    return accords_cli_usage_error (_("export-dataset: unexpected argument “%s” (use -o FILE)"), argv[1]);
  if (output != NULL && !g_str_equal (output, "-") && !accords_check_output_file (output, &error))
    return accords_cli_fail_error (NULL, error);
  if (!(store = accords_cli_get_store (cli)))
    return 1;
  if (!(text = accords_dataset_to_data (store, &len, NULL, &error)))
    return accords_cli_fail_error (NULL, error);
  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
        return accords_cli_fail (_("export-dataset: cannot write to standard output"));
      return 0;
    }
  if (!accords_write_file_atomic (output, text, len, &error))
    return accords_cli_fail_error (NULL, error);
  return 0;
}

static JsonArray *
ids_to_json (GPtrArray *ids)
{
  JsonArray *array = json_array_sized_new (ids->len);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_string_element (array, ids->pdata[i]);
  return array;
}

static void
print_ids (const char *what,
           GPtrArray  *ids)
{
  for (guint i = 0; i < ids->len; i++)
    printf ("%-10s %s\n", what, (const char *) ids->pdata[i]);
}

/* dataset-update [--dry-run] [--json] [--review FILE] */
int
accords_cli_dataset_update (AccordsCli *cli,
                            int         argc,
                            char      **argv)
{
  gboolean dry_run = FALSE, json = FALSE;
  g_autofree char *review = NULL;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Say what would change, change nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "review", 0, 0, G_OPTION_ARG_FILENAME, &review,
      N_("Write the new versions of the agreements you edited, for import-dataset"), "FILE" },
    { NULL }
  };
  AccordsContext *context;
  g_autoptr(AccordsReleaseUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *release = NULL;

  if (!accords_cli_parse_options ("dataset-update", "", entries, &argc, &argv))
    return 2;
  if (!(context = accords_cli_get_context (cli)))
    return 1;

  update = accords_dataset_release_plan (accords_context_get_store (context),
                                         accords_context_get_iso_codes (context), &error);
  if (update == NULL && error != NULL)
    return accords_cli_fail_error (NULL, error);
  release = accords_dataset_release_of (accords_context_get_store (context));
  if (update == NULL)
    {
      if (json)
        {
          g_autoptr(JsonObject) o = json_object_new ();

          json_object_set_string_member (o, "release", release);
          json_object_set_boolean_member (o, "up_to_date", TRUE);
          return accords_cli_print_object (o);
        }
      if (release == NULL)
        printf ("%s\n", _("This database was never seeded with the built-in agreements: there is nothing to update"));
      else
        printf (_("Already at dataset release %s\n"), release);
      return 0;
    }

  if (!dry_run && !accords_dataset_release_apply (accords_context_get_store (context), update, &error))
    return accords_cli_fail_error (NULL, error);
  if (review != NULL && update->review->len > 0)
    {
      g_autoptr(JsonGenerator) gen = json_generator_new ();

      json_generator_set_root (gen, update->incoming);
      json_generator_set_pretty (gen, TRUE);
      if (!json_generator_to_file (gen, review, &error))
        return accords_cli_fail ("%s: %s", review, error->message);
    }

  summary = accords_release_update_describe (update);
  if (json)
    {
      g_autoptr(JsonObject) o = json_object_new ();

      json_object_set_string_member (o, "from", update->from);
      json_object_set_string_member (o, "to", update->to);
      json_object_set_boolean_member (o, "dry_run", dry_run);
      json_object_set_array_member (o, "added", ids_to_json (update->added));
      json_object_set_array_member (o, "updated", ids_to_json (update->updated));
      json_object_set_array_member (o, "review", ids_to_json (update->review));
      json_object_set_array_member (o, "deleted_kept", ids_to_json (update->deleted));
      json_object_set_string_member (o, "summary", summary);
      return accords_cli_print_object (o);
    }

  print_ids (_("added"), update->added);
  print_ids (_("updated"), update->updated);
  print_ids (_("review"), update->review);
  print_ids (_("kept out"), update->deleted);
  printf (dry_run ? _("Dataset release %s to %s would bring: %s\n") : _("Dataset release %s to %s: %s\n"),
          update->from, update->to, summary);
  if (update->review->len > 0)
    printf ("%s\n", _("The agreements to review are the ones you edited: they were left as you made them. "
                      "--review FILE writes their new versions, for import-dataset to merge."));
  return 0;
}
