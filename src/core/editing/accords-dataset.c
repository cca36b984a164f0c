/* accords-dataset.c: agreements as JSON, for the CLI, dataset exchange and the embedded seed */
#define G_LOG_DOMAIN "accords-dataset"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-dataset.h"
#include "accords-dataset-release.h"
#include "accords-date.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-file-task.h"
#include "accords-files.h"
#include "accords-part-kind.h"
#include "accords-resources.h"
#include "accords-store-agreements.h"
#include "accords-util.h"
#include "accords-validation.h"

#define DATASET_FORMAT "accords-dataset"
#define DATASET_VERSION 1

/* JSON reading helpers: every mismatch is an error naming the field */

static gboolean
get_string (JsonObject  *object,
            const char  *member,
            const char  *where,
            gboolean     required,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("%s.%s: missing"), where, member);
          return FALSE;
        }
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s.%s: expected a string"), where, member);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_array (JsonObject  *object,
           const char  *member,
           const char  *where,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s.%s: expected an array"), where, member);
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
get_strv (JsonObject  *object,
          const char  *member,
          const char  *where,
          GStrv       *out,
          GError     **error)
{
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!get_array (object, member, where, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("%s.%s[%u]: expected a string"), where, member, i);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

static JsonObject *
element_object (JsonArray   *array,
                guint        i,
                const char  *where,
                const char  *member,
                GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s.%s[%u]: expected an object"), where, member, i);
      return NULL;
    }
  return json_node_get_object (node);
}

/* How one member of an agreement or part maps to a property of its object */
typedef enum {
  FIELD_STRING,
  FIELD_STRV,
  FIELD_COUNT,               /* a whole number; null, and -1 in the object, for none */
} FieldType;

typedef enum {
  FIELD_REQUIRED   = 1 << 0,
  FIELD_OMIT_EMPTY = 1 << 1, /* written only when set */
  FIELD_NULLABLE   = 1 << 2, /* written as null when unset, not as "" */
} FieldFlags;

typedef struct {
  const char *member;
  const char *property;
  FieldType   type;
  FieldFlags  flags;
  const char *fallback;      /* read in place of a missing string */
} Field;

static const Field party_fields[] = {
  { "country", "country", FIELD_STRING, FIELD_REQUIRED },
  { "role", "role", FIELD_STRING, 0, "party" },
  { NULL }
};

static const Field event_fields[] = {
  { "date", "date", FIELD_STRING, FIELD_REQUIRED },
  { "precision", "precision", FIELD_STRING },
  { "type", "event-type", FIELD_STRING, FIELD_REQUIRED },
  { "label", "label", FIELD_STRING },
  { "actor", "actor", FIELD_STRING, FIELD_OMIT_EMPTY },
  { "description", "description", FIELD_STRING },
  { "confidence", "confidence", FIELD_STRING, 0, "reported" },
  { "sources", "source-urls", FIELD_STRV },
  { NULL }
};

static const Field person_fields[] = {
  { "name", "name", FIELD_STRING, FIELD_REQUIRED },
  { "role", "role", FIELD_STRING },
  { "country", "country", FIELD_STRING },
  { "start", "start", FIELD_STRING },
  { "end", "end", FIELD_STRING },
  { "source", "source-url", FIELD_STRING },
  { NULL }
};

static const Field fact_fields[] = {
  { "kind", "kind", FIELD_STRING, FIELD_REQUIRED },
  { "date", "date", FIELD_STRING },
  { "description", "description", FIELD_STRING },
  { "amount", "amount", FIELD_STRING },
  { "currency", "currency", FIELD_STRING },
  { "count", "count", FIELD_COUNT },
  { "court", "court", FIELD_STRING },
  { "case_name", "case-name", FIELD_STRING },
  { "outcome", "outcome", FIELD_STRING },
  { "raised_by", "raised-by", FIELD_STRING },
  { "source", "source-url", FIELD_STRING },
  { NULL }
};

static const Field source_fields[] = {
  { "url", "url", FIELD_STRING, FIELD_REQUIRED },
  { "title", "title", FIELD_STRING },
  { "publisher", "publisher", FIELD_STRING },
  { "published", "published", FIELD_STRING },
  { "accessed", "accessed", FIELD_STRING },
  { "type", "source-type", FIELD_STRING },
  { NULL }
};

static const Field flag_fields[] = {
  { "text", "text", FIELD_STRING, FIELD_REQUIRED },
  { "resolved", "resolved", FIELD_STRING, FIELD_NULLABLE },
  { "resolution", "resolution", FIELD_STRING },
  { NULL }
};

/* The agreement's own members, before and after its status */
static const Field agreement_head_fields[] = {
  { "id", "slug", FIELD_STRING, FIELD_REQUIRED },
  { "title", "title", FIELD_STRING, FIELD_REQUIRED },
  { "short_title", "short-title", FIELD_STRING },
  { "aliases", "aliases", FIELD_STRV },
  { "types", "types", FIELD_STRV },
  { "instrument_form", "instrument-form", FIELD_STRING },
  { "legal_status", "legal-status", FIELD_STRING },
  { "operational_status", "operational-status", FIELD_STRING },
  { NULL }
};

static const Field agreement_tail_fields[] = {
  { "status_as_of", "status-as-of", FIELD_STRING },
  { "summary", "summary", FIELD_STRING },
  { "scope", "scope", FIELD_STRING },
  { "cap", "cap", FIELD_STRING },
  { "related", "related", FIELD_STRV },
  { NULL }
};

static void
complete_event (GObject *part)
{
  AccordsEvent *event = ACCORDS_EVENT (part);

  if (accords_event_get_precision (event) == NULL)
    {
      AccordsDatePrecision p = ACCORDS_DATE_PRECISION_NONE;

      accords_date_parse (accords_event_get_date (event), NULL, NULL, NULL, &p, NULL);
      accords_event_set_precision (event, accords_date_precision_to_string (p));
    }
}

/* Each kind of part as its JSON array, in the order they are written */
typedef struct {
  const char  *member;
  const Field *fields;
  const char  *bare;                       /* the property a bare string sets */
  void       (*complete) (GObject *part);  /* fills in what the document left out */
} PartFormat;

static const PartFormat part_formats[] = {
  { "parties", party_fields },
  { "events", event_fields, NULL, complete_event },
  { "people", person_fields },
  { "facts", fact_fields },
  { "sources", source_fields, "url" },
  { "verify", flag_fields, "text" },
};

/* Sets each field's property from its member, in order; the first mismatch is the error */
static gboolean
read_fields (GObject      *object,
             JsonObject   *json,
             const char   *where,
             const Field  *fields,
             GError      **error)
{
  for (const Field *field = fields; field->member != NULL; field++)
    {
      if (field->type == FIELD_STRING)
        {
          const char *value;

          if (!get_string (json, field->member, where, field->flags & FIELD_REQUIRED, &value, error))
            return FALSE;
          g_object_set (object, field->property, value ? value : field->fallback, NULL);
        }
      else if (field->type == FIELD_STRV)
        {
          g_auto(GStrv) value = NULL;

          if (!get_strv (json, field->member, where, &value, error))
            return FALSE;
          g_object_set (object, field->property, value, NULL);
        }
      else
        {
          JsonNode *node = json_object_get_member (json, field->member);

          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
            {
              g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("%s.%s: expected a whole number"), where, field->member);
              return FALSE;
            }
          g_object_set (object, field->property, json_node_get_int (node), NULL);
        }
    }
  return TRUE;
}

static gboolean
read_parts (AccordsAgreement  *a,
            JsonObject        *object,
            const char        *where,
            const PartFormat  *format,
            GError           **error)
{
  const AccordsPartKind *kind = accords_part_kind_lookup (format->member);
  JsonArray *array;

  if (!get_array (object, format->member, where, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GObject) part = g_object_new (kind->get_type (), NULL);

      if (format->bare != NULL &&
          JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_object_set (part, format->bare, json_node_get_string (node), NULL);
      else
        {
          g_autofree char *w = g_strdup_printf ("%s.%s[%u]", where, format->member, i);
          JsonObject *o = element_object (array, i, where, format->member, error);

          if (o == NULL || !read_fields (part, o, w, format->fields, error))
            return FALSE;
        }
      if (format->complete != NULL)
        format->complete (part);
      g_list_store_append (kind->get_store (a), part);
    }
  return TRUE;
}

AccordsAgreement *
accords_agreement_from_json (JsonNode    *node,
                             const char  *where,
                             GError     **error)
{
  g_autoptr(AccordsAgreement) a = NULL;
  JsonObject *object;
  const char *status = NULL;

  if (where == NULL)
    where = "agreement";

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s: expected an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);

  a = accords_agreement_new ();
  if (!read_fields (G_OBJECT (a), object, where, agreement_head_fields, error) ||
      !read_fields (G_OBJECT (a), object, where, agreement_tail_fields, error) ||
      !get_string (object, "status", where, FALSE, &status, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (part_formats); i++)
    if (!read_parts (a, object, where, &part_formats[i], error))
      return NULL;

  /* An explicit status_override member (null for none) is taken as it is; a
   * bare status that the events do not give becomes the override. */
  if (json_object_has_member (object, "status_override"))
    {
      const char *override;

      if (!get_string (object, "status_override", where, FALSE, &override, error))
        return NULL;
      accords_agreement_set_status_override (a, override);
    }
  else if (status != NULL)
    {
      AccordsStatus derived = accords_agreement_derive_status (a, NULL);

      if (accords_status_from_string (status) != derived)
        accords_agreement_set_status_override (a, status);
    }

  if (status != NULL && accords_status_from_string (status) == ACCORDS_STATUS_NONE &&
      g_strcmp0 (status, "none") != 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s.status: “%s” is not a known status"), where, status);
      return NULL;
    }

  return g_steal_pointer (&a);
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_strv (JsonBuilder        *b,
          const char         *member,
          const char * const *strv)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; strv && strv[i]; i++)
    json_builder_add_string_value (b, strv[i]);
  json_builder_end_array (b);
}

static void
write_fields (JsonBuilder *b,
              GObject     *object,
              const Field *fields)
{
  for (const Field *field = fields; field->member != NULL; field++)
    {
      if (field->type == FIELD_STRING)
        {
          g_autofree char *value = NULL;

          g_object_get (object, field->property, &value, NULL);
          if ((field->flags & FIELD_OMIT_EMPTY) && accords_str_empty (value))
            continue;
          json_builder_set_member_name (b, field->member);
          if ((field->flags & FIELD_NULLABLE) && value == NULL)
            json_builder_add_null_value (b);
          else
            json_builder_add_string_value (b, value ? value : "");
        }
      else if (field->type == FIELD_STRV)
        {
          g_auto(GStrv) value = NULL;

          g_object_get (object, field->property, &value, NULL);
          add_strv (b, field->member, (const char * const *) value);
        }
      else
        {
          gint64 value;

          g_object_get (object, field->property, &value, NULL);
          json_builder_set_member_name (b, field->member);
          if (value >= 0)
            json_builder_add_int_value (b, value);
          else
            json_builder_add_null_value (b);
        }
    }
}

static void
write_parts (JsonBuilder      *b,
             AccordsAgreement *a,
             const PartFormat *format)
{
  GListModel *model = G_LIST_MODEL (accords_part_kind_lookup (format->member)->get_store (a));

  json_builder_set_member_name (b, format->member);
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) part = g_list_model_get_item (model, i);

      json_builder_begin_object (b);
      write_fields (b, part, format->fields);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
accords_agreement_to_json (AccordsAgreement *a)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *override;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (a), NULL);

  json_builder_begin_object (b);
  write_fields (b, G_OBJECT (a), agreement_head_fields);
  add_string (b, "status", accords_status_to_string (accords_agreement_get_status (a)));
  add_string (b, "derived_status", accords_status_to_string (accords_agreement_derive_status (a, NULL)));
  json_builder_set_member_name (b, "status_override");
  override = accords_agreement_get_status_override (a);
  if (accords_str_empty (override))
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, override);
  write_fields (b, G_OBJECT (a), agreement_tail_fields);
  for (guint i = 0; i < G_N_ELEMENTS (part_formats); i++)
    write_parts (b, a, &part_formats[i]);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
accords_agreement_validate (AccordsAgreement  *a,
                            AccordsStore      *store,
                            GError           **error)
{
  g_autoptr(GPtrArray) issues = NULL;
  const AccordsIssue *first;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (a), FALSE);

  issues = accords_agreement_check (a, store, accords_agreement_get_slug (a));
  if (issues->len == 0)
    return TRUE;
  first = g_ptr_array_index (issues, 0);
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", first->field, first->message);
  return FALSE;
}

JsonArray *
accords_dataset_get_agreements (JsonNode    *root,
                                const char  *where,
                                GError     **error)
{
  JsonObject *object;
  JsonNode *format, *version, *agreements;

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto not_a_dataset;

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format != NULL &&
      (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING ||
       !g_str_equal (json_node_get_string (format), DATASET_FORMAT)))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s: format: expected “%s”; this is not an Accords dataset"), where, DATASET_FORMAT);
      return NULL;
    }
  version = json_object_get_member (object, "version");
  if (version != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
          json_node_get_int (version) < 1)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("%s: version: expected a whole number from 1 to %d"), where, DATASET_VERSION);
          return NULL;
        }
      if (json_node_get_int (version) > DATASET_VERSION)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("%s: version: %" G_GINT64_FORMAT " is newer than this version of Accords reads (%d)"),
                       where, json_node_get_int (version), DATASET_VERSION);
          return NULL;
        }
    }
  agreements = json_object_get_member (object, "agreements");
  if (agreements != NULL && JSON_NODE_HOLDS_ARRAY (agreements))
    return json_node_get_array (agreements);

not_a_dataset:
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
               _("%s: expected an array of agreements or an object with an “agreements” array"), where);
  return NULL;
}

gboolean
accords_dataset_load (AccordsStore  *store,
                      JsonNode      *root,
                      const char    *where,
                      guint         *n_loaded,
                      GError       **error)
{
  JsonArray *array;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  if (!(array = accords_dataset_get_agreements (root, where, error)))
    return FALSE;

  if (!accords_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *w = g_strdup_printf ("%s: agreements[%u]", where, i);
      g_autoptr(AccordsAgreement) a = accords_agreement_from_json (json_array_get_element (array, i), w, error);

      if (a == NULL)
        goto fail;
      if (!accords_agreement_validate (a, store, error))
        {
          g_prefix_error (error, "%s (%s): ", w, accords_agreement_get_slug (a));
          goto fail;
        }
      if (!g_hash_table_add (seen, g_strdup (accords_agreement_get_slug (a))))
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS,
                       _("%s.id: “%s” appears twice"), w, accords_agreement_get_slug (a));
          goto fail;
        }
      if (!accords_store_save_agreement (store, a, error))
        goto fail;
      n++;
    }

  if (!accords_store_commit (store, error))
    goto fail;
  if (n_loaded)
    *n_loaded = n;
  return TRUE;

fail:
  accords_store_rollback (store);
  return FALSE;
}

void
accords_dataset_add_agreements (JsonBuilder *builder,
                                GListModel  *agreements)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (G_IS_LIST_MODEL (agreements));

  json_builder_set_member_name (builder, "agreements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);

      json_builder_add_value (builder, accords_agreement_to_json (a));
    }
  json_builder_end_array (builder);
}

JsonNode *
accords_dataset_to_json (AccordsStore  *store,
                         GError       **error)
{
  g_autoptr(GListStore) agreements = accords_store_load_agreements (store, NULL, error);
  g_autoptr(JsonBuilder) b = NULL;

  if (agreements == NULL)
    return NULL;

  b = json_builder_new ();
  json_builder_begin_object (b);
  add_string (b, "format", DATASET_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, DATASET_VERSION);
  accords_dataset_add_agreements (b, G_LIST_MODEL (agreements));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
accords_dataset_to_data (AccordsStore  *store,
                         gsize         *length,
                         guint         *n_agreements,
                         GError       **error)
{
  g_autoptr(JsonNode) root = accords_dataset_to_json (store, error);
  g_autoptr(JsonGenerator) generator = NULL;
  char *text;
  gsize len;

  if (root == NULL)
    return NULL;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);
  text = g_realloc (text, len + 2);
  text[len] = '\n';
  text[len + 1] = '\0';
  if (length)
    *length = len + 1;
  if (n_agreements)
    *n_agreements = json_array_get_length (json_object_get_array_member (json_node_get_object (root), "agreements"));
  return text;
}

static gboolean
write_file (GFile       *file,
            const char  *text,
            gsize        len,
            GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to %s: only files on this computer can be written"), uri);
      return FALSE;
    }
  return accords_write_file_atomic (path, text, len, error);
}

static gboolean
export_dataset (GTask         *task,
                AccordsStore  *store,
                GFile         *file,
                gpointer       job,
                GError       **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  guint n = 0;

  if ((text = accords_dataset_to_data (store, &len, &n, error)) == NULL ||
      !write_file (file, text, len, error))
    return FALSE;
  g_task_return_int (task, n);
  return TRUE;
}

void
accords_dataset_export_async (AccordsStore        *store,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  accords_file_task_start (store, file, export_dataset, accords_dataset_export_async, cancellable, callback, user_data);
}

gboolean
accords_dataset_export_finish (GAsyncResult  *result,
                               guint         *n_agreements,
                               GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_agreements)
    *n_agreements = (guint) n;
  return TRUE;
}

gboolean
accords_dataset_seed (AccordsStore  *store,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *seeded = NULL;
  gsize size;
  const char *data;

  accords_resources_ensure_registered ();

  /* Opening a seeded database writes nothing */
  seeded = accords_store_get_meta (store, "seeded");
  if (seeded != NULL)
    return TRUE;

  if (!accords_store_begin (store, error))
    return FALSE;

  /* Checked again inside the write transaction, so two processes opening a new
   * database at once seed it once. */
  g_clear_pointer (&seeded, g_free);
  seeded = accords_store_get_meta (store, "seeded");
  if (seeded != NULL)
    return accords_store_commit (store, error);

  bytes = accords_dataset_release_get_bytes (accords_dataset_release_current (), error);
  if (bytes == NULL)
    goto fail;
  data = g_bytes_get_data (bytes, &size);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, error) ||
      !accords_dataset_load (store, json_parser_get_root (parser), "seed", NULL, error))
    goto fail;

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *stamp = g_date_time_format_iso8601 (now);

    if (!accords_store_set_meta (store, "seeded", stamp, error) ||
        !accords_store_set_meta (store, ACCORDS_META_DATASET_RELEASE, accords_dataset_release_current (), error))
      goto fail;
  }
  return accords_store_commit (store, error);

fail:
  accords_store_rollback (store);
  g_prefix_error (error, _("Seeding the database with the built-in agreements failed: "));
  return FALSE;
}
