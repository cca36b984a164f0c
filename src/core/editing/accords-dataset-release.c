/* accords-dataset-release.c: the built-in dataset's releases, and bringing a database up to the newest */
#define G_LOG_DOMAIN "accords-dataset-release"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "accords-dataset.h"
#include "accords-dataset-release.h"
#include "accords-error.h"
#include "accords-resources.h"
#include "accords-store-agreements.h"

static const struct {
  const char *name;
  const char *resource;
} releases[] = {
  { "2025", RESOURCE_PREFIX "/seed/agreements.json" },
  { "2026", RESOURCE_PREFIX "/seed/release-2026.json" },
};

const char * const *
accords_dataset_release_list (void)
{
  static const char *names[G_N_ELEMENTS (releases) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (releases); i++)
      names[i] = releases[i].name;
  return names;
}

const char *
accords_dataset_release_current (void)
{
  return releases[G_N_ELEMENTS (releases) - 1].name;
}

GBytes *
accords_dataset_release_get_bytes (const char  *release,
                                   GError     **error)
{
  accords_resources_ensure_registered ();

  for (guint i = 0; i < G_N_ELEMENTS (releases); i++)
    if (g_strcmp0 (releases[i].name, release) == 0)
      return g_resources_lookup_data (releases[i].resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND, _("There is no dataset release “%s”"), release);
  return NULL;
}

char *
accords_dataset_release_of (AccordsStore *store)
{
  g_autofree char *seeded = accords_store_get_meta (store, "seeded");
  char *release;

  if (seeded == NULL || g_str_equal (seeded, "declined"))
    return NULL;
  release = accords_store_get_meta (store, ACCORDS_META_DATASET_RELEASE);
  /* seeded before the releases were recorded: the first one */
  return release != NULL ? release : g_strdup (releases[0].name);
}

void
accords_release_update_free (AccordsReleaseUpdate *update)
{
  if (update == NULL)
    return;
  g_free (update->from);
  g_free (update->to);
  g_ptr_array_unref (update->added);
  g_ptr_array_unref (update->updated);
  g_ptr_array_unref (update->review);
  g_ptr_array_unref (update->deleted);
  g_clear_pointer (&update->incoming, json_node_unref);
  g_clear_object (&update->command);
  g_free (update);
}

/* An agreement as the dataset writes it, less what the store derives: two
 * agreements that print alike hold the same things */
static char *
comparable (AccordsAgreement *a)
{
  g_autoptr(JsonNode) node = accords_agreement_to_json (a);
  JsonObject *object = json_node_get_object (node);

  /* a status set by hand that the events now give is no difference */
  json_object_remove_member (object, "derived_status");
  json_object_remove_member (object, "status_override");
  return json_to_string (node, FALSE);
}

/* slug -> AccordsAgreement */
static GHashTable *
index_by_slug (GListModel *agreements)
{
  GHashTable *by_slug = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      AccordsAgreement *a = g_list_model_get_item (agreements, i);
      g_hash_table_insert (by_slug, g_strdup (accords_agreement_get_slug (a)), a);
    }
  return by_slug;
}

/* A release as a store reads it back, so that it compares with the
 * database on equal terms (sources in store order, statuses derived) */
static GHashTable *
load_release (const char       *release,
              AccordsIsoCodes  *iso_codes,
              GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(AccordsStore) scratch = NULL;
  g_autoptr(GListStore) agreements = NULL;
  gsize size;
  const char *data;

  bytes = accords_dataset_release_get_bytes (release, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize) size, error) ||
      (scratch = accords_store_open (":memory:", error)) == NULL ||
      !accords_store_sync_countries (scratch, iso_codes, error) ||
      !accords_dataset_load (scratch, json_parser_get_root (parser), release, NULL, error) ||
      (agreements = accords_store_load_agreements (scratch, NULL, error)) == NULL)
    return NULL;

  return index_by_slug (G_LIST_MODEL (agreements));
}

AccordsReleaseUpdate *
accords_dataset_release_plan (AccordsStore     *store,
                              AccordsIsoCodes  *iso_codes,
                              GError          **error)
{
  g_autoptr(AccordsReleaseUpdate) update = NULL;
  g_autoptr(GHashTable) base = NULL;
  g_autoptr(GHashTable) next = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GListStore) agreements = NULL;
  g_autoptr(JsonArray) incoming = json_array_new ();
  g_autofree char *label = NULL;
  g_autofree char *from = NULL;
  const char *to = accords_dataset_release_current ();
  g_autoptr(GList) slugs = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  from = accords_dataset_release_of (store);
  if (from == NULL || g_str_equal (from, to))
    return NULL;

  if ((base = load_release (from, iso_codes, error)) == NULL ||
      (next = load_release (to, iso_codes, error)) == NULL ||
      (agreements = accords_store_load_agreements (store, NULL, error)) == NULL)
    {
      g_prefix_error (error, _("Reading the dataset release %s: "), to);
      return NULL;
    }
  stored = index_by_slug (G_LIST_MODEL (agreements));

  update = g_new0 (AccordsReleaseUpdate, 1);
  update->from = g_steal_pointer (&from);
  update->to = g_strdup (to);
  update->added = g_ptr_array_new_with_free_func (g_free);
  update->updated = g_ptr_array_new_with_free_func (g_free);
  update->review = g_ptr_array_new_with_free_func (g_free);
  update->deleted = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the undo label of bringing the dataset up to a release, %s is its year */
  label = g_strdup_printf (_("Update to dataset release %s"), to);
  update->command = accords_command_new (label);

  /* In the release's own order, so reports read as the release does */
  slugs = g_hash_table_get_keys (next);
  slugs = g_list_sort (slugs, (GCompareFunc) g_strcmp0);
  for (GList *l = slugs; l != NULL; l = l->next)
    {
      const char *slug = l->data;
      AccordsAgreement *incoming_version = g_hash_table_lookup (next, slug);
      AccordsAgreement *was = g_hash_table_lookup (base, slug);
      AccordsAgreement *now = g_hash_table_lookup (stored, slug);
      g_autofree char *incoming_text = comparable (incoming_version);
      g_autofree char *now_text = now ? comparable (now) : NULL;
      g_autofree char *was_text = was ? comparable (was) : NULL;

      if (now == NULL && was != NULL)
        g_ptr_array_add (update->deleted, g_strdup (slug));   /* the user deleted it */
      else if (now == NULL)
        {
          accords_command_add_change (update->command, NULL, incoming_version);
          g_ptr_array_add (update->added, g_strdup (slug));
        }
      else if (g_str_equal (now_text, incoming_text))
        continue;                                            /* already as the release has it */
      else if (was_text != NULL && g_str_equal (now_text, was_text))
        {
          accords_command_add_change (update->command, now, incoming_version);
          g_ptr_array_add (update->updated, g_strdup (slug));
        }
      else
        {
          /* edited by the user (or made by them under the same id) */
          json_array_add_element (incoming, accords_agreement_to_json (incoming_version));
          g_ptr_array_add (update->review, g_strdup (slug));
        }
    }

  if (accords_command_get_n_changes (update->command) == 0)
    g_clear_object (&update->command);
  update->incoming = json_node_init_array (json_node_alloc (), incoming);
  return g_steal_pointer (&update);
}

gboolean
accords_dataset_release_apply (AccordsStore          *store,
                               AccordsReleaseUpdate  *update,
                               GError               **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (update != NULL, FALSE);

  if (!accords_store_begin (store, error))
    return FALSE;
  if ((update->command != NULL && !accords_command_apply (update->command, store, error)) ||
      !accords_store_set_meta (store, ACCORDS_META_DATASET_RELEASE, update->to, error) ||
      !accords_store_commit (store, error))
    {
      accords_store_rollback (store);
      g_prefix_error (error, _("Updating to dataset release %s failed: "), update->to);
      return FALSE;
    }
  if (update->command != NULL)
    accords_store_emit_changed (store, accords_command_get_change_flags (update->command));
  return TRUE;
}

char *
accords_release_update_describe (AccordsReleaseUpdate *update)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (update != NULL, NULL);

  if (update->added->len > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u new agreement", "%u new agreements",
                                               update->added->len), update->added->len);
  if (update->updated->len > 0)
    g_string_append_printf (text, "%s%u %s", text->len ? ", " : "", update->updated->len, _("updated"));
  if (update->review->len > 0)
    g_string_append_printf (text, "%s%u %s", text->len ? ", " : "", update->review->len, _("to review"));
  if (text->len == 0)
    g_string_append (text, _("nothing new"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
