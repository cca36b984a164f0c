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
#include "accords-fact.h"
#include "accords-files.h"
#include "accords-flag.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-resources.h"
#include "accords-source.h"
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

static gboolean
read_parties (AccordsAgreement *a, JsonObject *object, const char *where, GError **error)
{
  JsonArray *array;

  if (!get_array (object, "parties", where, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *w = g_strdup_printf ("%s.parties[%u]", where, i);
      JsonObject *o = element_object (array, i, where, "parties", error);
      g_autoptr(AccordsParty) party = NULL;
      const char *country, *role;

      if (o == NULL ||
          !get_string (o, "country", w, TRUE, &country, error) ||
          !get_string (o, "role", w, FALSE, &role, error))
        return FALSE;
      party = accords_party_new ();
      accords_party_set_country (party, country);
      accords_party_set_role (party, role ? role : "party");
      g_list_store_append (accords_agreement_get_parties (a), party);
    }
  return TRUE;
}

static gboolean
read_events (AccordsAgreement *a, JsonObject *object, const char *where, GError **error)
{
  JsonArray *array;

  if (!get_array (object, "events", where, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *w = g_strdup_printf ("%s.events[%u]", where, i);
      JsonObject *o = element_object (array, i, where, "events", error);
      g_autoptr(AccordsEvent) event = NULL;
      g_auto(GStrv) urls = NULL;
      const char *date, *precision, *type, *label, *actor, *description, *confidence;

      if (o == NULL ||
          !get_string (o, "date", w, TRUE, &date, error) ||
          !get_string (o, "precision", w, FALSE, &precision, error) ||
          !get_string (o, "type", w, TRUE, &type, error) ||
          !get_string (o, "label", w, FALSE, &label, error) ||
          !get_string (o, "actor", w, FALSE, &actor, error) ||
          !get_string (o, "description", w, FALSE, &description, error) ||
          !get_string (o, "confidence", w, FALSE, &confidence, error) ||
          !get_strv (o, "sources", w, &urls, error))
        return FALSE;
      event = accords_event_new ();
      accords_event_set_date (event, date);
      if (precision == NULL)
        {
          AccordsDatePrecision p = ACCORDS_DATE_PRECISION_NONE;

          accords_date_parse (date, NULL, NULL, NULL, &p, NULL);
          precision = accords_date_precision_to_string (p);
        }
      accords_event_set_precision (event, precision);
      accords_event_set_event_type (event, type);
      accords_event_set_label (event, label);
      accords_event_set_actor (event, actor);
      accords_event_set_description (event, description);
      accords_event_set_confidence (event, confidence ? confidence : "reported");
      accords_event_set_source_urls (event, (const char * const *) urls);
      g_list_store_append (accords_agreement_get_events (a), event);
    }
  return TRUE;
}

static gboolean
read_sources (AccordsAgreement *a, JsonObject *object, const char *where, GError **error)
{
  JsonArray *array;

  if (!get_array (object, "sources", where, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(AccordsSource) source = accords_source_new ();

      /* a bare URL, or the full object */
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        accords_source_set_url (source, json_node_get_string (node));
      else
        {
          g_autofree char *w = g_strdup_printf ("%s.sources[%u]", where, i);
          JsonObject *o = element_object (array, i, where, "sources", error);
          const char *url, *title, *publisher, *published, *accessed, *type;

          if (o == NULL ||
              !get_string (o, "url", w, TRUE, &url, error) ||
              !get_string (o, "title", w, FALSE, &title, error) ||
              !get_string (o, "publisher", w, FALSE, &publisher, error) ||
              !get_string (o, "published", w, FALSE, &published, error) ||
              !get_string (o, "accessed", w, FALSE, &accessed, error) ||
              !get_string (o, "type", w, FALSE, &type, error))
            return FALSE;
          accords_source_set_url (source, url);
          accords_source_set_title (source, title);
          accords_source_set_publisher (source, publisher);
          accords_source_set_published (source, published);
          accords_source_set_accessed (source, accessed);
          accords_source_set_source_type (source, type);
        }
      g_list_store_append (accords_agreement_get_sources (a), source);
    }
  return TRUE;
}

static gboolean
read_flags (AccordsAgreement *a, JsonObject *object, const char *where, GError **error)
{
  JsonArray *array;

  if (!get_array (object, "verify", where, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(AccordsFlag) flag = accords_flag_new ();

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        accords_flag_set_text (flag, json_node_get_string (node));
      else
        {
          g_autofree char *w = g_strdup_printf ("%s.verify[%u]", where, i);
          JsonObject *o = element_object (array, i, where, "verify", error);
          const char *text, *resolved, *resolution;

          if (o == NULL ||
              !get_string (o, "text", w, TRUE, &text, error) ||
              !get_string (o, "resolved", w, FALSE, &resolved, error) ||
              !get_string (o, "resolution", w, FALSE, &resolution, error))
            return FALSE;
          accords_flag_set_text (flag, text);
          accords_flag_set_resolved (flag, resolved);
          accords_flag_set_resolution (flag, resolution);
        }
      g_list_store_append (accords_agreement_get_flags (a), flag);
    }
  return TRUE;
}

static gboolean
read_people (AccordsAgreement *a, JsonObject *object, const char *where, GError **error)
{
  JsonArray *array;

  if (!get_array (object, "people", where, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *w = g_strdup_printf ("%s.people[%u]", where, i);
      JsonObject *o = element_object (array, i, where, "people", error);
      g_autoptr(AccordsPersonRole) role = NULL;
      const char *name, *title, *country, *start, *end, *source;

      if (o == NULL ||
          !get_string (o, "name", w, TRUE, &name, error) ||
          !get_string (o, "role", w, FALSE, &title, error) ||
          !get_string (o, "country", w, FALSE, &country, error) ||
          !get_string (o, "start", w, FALSE, &start, error) ||
          !get_string (o, "end", w, FALSE, &end, error) ||
          !get_string (o, "source", w, FALSE, &source, error))
        return FALSE;
      role = accords_person_role_new ();
      accords_person_role_set_name (role, name);
      accords_person_role_set_role (role, title);
      accords_person_role_set_country (role, country);
      accords_person_role_set_start (role, start);
      accords_person_role_set_end (role, end);
      accords_person_role_set_source_url (role, source);
      g_list_store_append (accords_agreement_get_people (a), role);
    }
  return TRUE;
}

static gboolean
read_facts (AccordsAgreement *a, JsonObject *object, const char *where, GError **error)
{
  JsonArray *array;

  if (!get_array (object, "facts", where, &array, error))
    return FALSE;
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      g_autofree char *w = g_strdup_printf ("%s.facts[%u]", where, i);
      JsonObject *o = element_object (array, i, where, "facts", error);
      g_autoptr(AccordsFact) fact = NULL;
      const char *kind, *date, *description, *amount, *currency, *court, *case_name, *outcome, *raised_by, *source;
      JsonNode *count;

      if (o == NULL ||
          !get_string (o, "kind", w, TRUE, &kind, error) ||
          !get_string (o, "date", w, FALSE, &date, error) ||
          !get_string (o, "description", w, FALSE, &description, error) ||
          !get_string (o, "amount", w, FALSE, &amount, error) ||
          !get_string (o, "currency", w, FALSE, &currency, error) ||
          !get_string (o, "court", w, FALSE, &court, error) ||
          !get_string (o, "case_name", w, FALSE, &case_name, error) ||
          !get_string (o, "outcome", w, FALSE, &outcome, error) ||
          !get_string (o, "raised_by", w, FALSE, &raised_by, error) ||
          !get_string (o, "source", w, FALSE, &source, error))
        return FALSE;
      fact = accords_fact_new ();
      accords_fact_set_kind (fact, kind);
      accords_fact_set_date (fact, date);
      accords_fact_set_description (fact, description);
      accords_fact_set_amount (fact, amount);
      accords_fact_set_currency (fact, currency);
      accords_fact_set_court (fact, court);
      accords_fact_set_case_name (fact, case_name);
      accords_fact_set_outcome (fact, outcome);
      accords_fact_set_raised_by (fact, raised_by);
      accords_fact_set_source_url (fact, source);
      count = json_object_get_member (o, "count");
      if (count != NULL && !JSON_NODE_HOLDS_NULL (count))
        {
          if (!JSON_NODE_HOLDS_VALUE (count) || json_node_get_value_type (count) != G_TYPE_INT64)
            {
              g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("%s.count: expected a whole number"), w);
              return FALSE;
            }
          accords_fact_set_count (fact, json_node_get_int (count));
        }
      g_list_store_append (accords_agreement_get_facts (a), fact);
    }
  return TRUE;
}

AccordsAgreement *
accords_agreement_from_json (JsonNode    *node,
                             const char  *where,
                             GError     **error)
{
  g_autoptr(AccordsAgreement) a = NULL;
  g_auto(GStrv) aliases = NULL;
  g_auto(GStrv) types = NULL;
  g_auto(GStrv) related = NULL;
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

  {
    const char *slug, *title, *short_title, *instrument_form, *legal_status, *operational_status;
    const char *status_as_of, *summary, *scope, *cap;

    if (!get_string (object, "id", where, TRUE, &slug, error) ||
        !get_string (object, "title", where, TRUE, &title, error) ||
        !get_string (object, "short_title", where, FALSE, &short_title, error) ||
        !get_string (object, "instrument_form", where, FALSE, &instrument_form, error) ||
        !get_string (object, "legal_status", where, FALSE, &legal_status, error) ||
        !get_string (object, "operational_status", where, FALSE, &operational_status, error) ||
        !get_string (object, "status_as_of", where, FALSE, &status_as_of, error) ||
        !get_string (object, "summary", where, FALSE, &summary, error) ||
        !get_string (object, "scope", where, FALSE, &scope, error) ||
        !get_string (object, "cap", where, FALSE, &cap, error))
      return NULL;

    if (!get_string (object, "status", where, FALSE, &status, error) ||
        !get_strv (object, "aliases", where, &aliases, error) ||
        !get_strv (object, "types", where, &types, error) ||
        !get_strv (object, "related", where, &related, error))
      return NULL;

    a = accords_agreement_new ();
    accords_agreement_set_slug (a, slug);
    accords_agreement_set_title (a, title);
    accords_agreement_set_short_title (a, short_title);
    accords_agreement_set_instrument_form (a, instrument_form);
    accords_agreement_set_legal_status (a, legal_status);
    accords_agreement_set_operational_status (a, operational_status);
    accords_agreement_set_status_as_of (a, status_as_of);
    accords_agreement_set_summary (a, summary);
    accords_agreement_set_scope (a, scope);
    accords_agreement_set_cap (a, cap);
    accords_agreement_set_aliases (a, (const char * const *) aliases);
    accords_agreement_set_types (a, (const char * const *) types);
    accords_agreement_set_related (a, (const char * const *) related);
  }

  if (!read_parties (a, object, where, error) ||
      !read_events (a, object, where, error) ||
      !read_sources (a, object, where, error) ||
      !read_flags (a, object, where, error) ||
      !read_people (a, object, where, error) ||
      !read_facts (a, object, where, error))
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

/* One kind's parts as the array member */
static void
write_parts (JsonBuilder  *b,
             const char   *member,
             GListStore   *store,
             void        (*write) (JsonBuilder *b, gpointer part))
{
  GListModel *model = G_LIST_MODEL (store);

  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) part = g_list_model_get_item (model, i);

      write (b, part);
    }
  json_builder_end_array (b);
}

static void
write_parties (JsonBuilder *b,
              gpointer     part)
{
  AccordsParty *p = part;

  json_builder_begin_object (b);
  add_string (b, "country", accords_party_get_country (p));
  add_string (b, "role", accords_party_get_role (p));
  json_builder_end_object (b);
}

static void
write_events (JsonBuilder *b,
             gpointer     part)
{
  AccordsEvent *e = part;

  json_builder_begin_object (b);
  add_string (b, "date", accords_event_get_date (e));
  add_string (b, "precision", accords_event_get_precision (e));
  add_string (b, "type", accords_event_get_event_type (e));
  add_string (b, "label", accords_event_get_label (e));
  if (!accords_str_empty (accords_event_get_actor (e)))
    add_string (b, "actor", accords_event_get_actor (e));
  add_string (b, "description", accords_event_get_description (e));
  add_string (b, "confidence", accords_event_get_confidence (e));
  add_strv (b, "sources", accords_event_get_source_urls (e));
  json_builder_end_object (b);
}

static void
write_people (JsonBuilder *b,
             gpointer     part)
{
  AccordsPersonRole *r = part;

  json_builder_begin_object (b);
  add_string (b, "name", accords_person_role_get_name (r));
  add_string (b, "role", accords_person_role_get_role (r));
  add_string (b, "country", accords_person_role_get_country (r));
  add_string (b, "start", accords_person_role_get_start (r));
  add_string (b, "end", accords_person_role_get_end (r));
  add_string (b, "source", accords_person_role_get_source_url (r));
  json_builder_end_object (b);
}

static void
write_facts (JsonBuilder *b,
            gpointer     part)
{
  AccordsFact *f = part;

  json_builder_begin_object (b);
  add_string (b, "kind", accords_fact_get_kind (f));
  add_string (b, "date", accords_fact_get_date (f));
  add_string (b, "description", accords_fact_get_description (f));
  add_string (b, "amount", accords_fact_get_amount (f));
  add_string (b, "currency", accords_fact_get_currency (f));
  json_builder_set_member_name (b, "count");
  if (accords_fact_get_count (f) >= 0)
    json_builder_add_int_value (b, accords_fact_get_count (f));
  else
    json_builder_add_null_value (b);
  add_string (b, "court", accords_fact_get_court (f));
  add_string (b, "case_name", accords_fact_get_case_name (f));
  add_string (b, "outcome", accords_fact_get_outcome (f));
  add_string (b, "raised_by", accords_fact_get_raised_by (f));
  add_string (b, "source", accords_fact_get_source_url (f));
  json_builder_end_object (b);
}

static void
write_sources (JsonBuilder *b,
              gpointer     part)
{
  AccordsSource *s = part;

  json_builder_begin_object (b);
  add_string (b, "url", accords_source_get_url (s));
  add_string (b, "title", accords_source_get_title (s));
  add_string (b, "publisher", accords_source_get_publisher (s));
  add_string (b, "published", accords_source_get_published (s));
  add_string (b, "accessed", accords_source_get_accessed (s));
  add_string (b, "type", accords_source_get_source_type (s));
  json_builder_end_object (b);
}

static void
write_verify (JsonBuilder *b,
             gpointer     part)
{
  AccordsFlag *f = part;

  json_builder_begin_object (b);
  add_string (b, "text", accords_flag_get_text (f));
  json_builder_set_member_name (b, "resolved");
  if (accords_flag_get_resolved (f))
    json_builder_add_string_value (b, accords_flag_get_resolved (f));
  else
    json_builder_add_null_value (b);
  add_string (b, "resolution", accords_flag_get_resolution (f));
  json_builder_end_object (b);
}

JsonNode *
accords_agreement_to_json (AccordsAgreement *a)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *override;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (a), NULL);

  json_builder_begin_object (b);
  add_string (b, "id", accords_agreement_get_slug (a));
  add_string (b, "title", accords_agreement_get_title (a));
  add_string (b, "short_title", accords_agreement_get_short_title (a));
  add_strv (b, "aliases", accords_agreement_get_aliases (a));
  add_strv (b, "types", accords_agreement_get_types (a));
  add_string (b, "instrument_form", accords_agreement_get_instrument_form (a));
  add_string (b, "legal_status", accords_agreement_get_legal_status (a));
  add_string (b, "operational_status", accords_agreement_get_operational_status (a));
  add_string (b, "status", accords_status_to_string (accords_agreement_get_status (a)));
  add_string (b, "derived_status", accords_status_to_string (accords_agreement_derive_status (a, NULL)));
  json_builder_set_member_name (b, "status_override");
  override = accords_agreement_get_status_override (a);
  if (accords_str_empty (override))
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, override);
  add_string (b, "status_as_of", accords_agreement_get_status_as_of (a));
  add_string (b, "summary", accords_agreement_get_summary (a));
  add_string (b, "scope", accords_agreement_get_scope (a));
  add_string (b, "cap", accords_agreement_get_cap (a));
  add_strv (b, "related", accords_agreement_get_related (a));

  write_parts (b, "parties", accords_agreement_get_parties (a), write_parties);

  write_parts (b, "events", accords_agreement_get_events (a), write_events);

  write_parts (b, "people", accords_agreement_get_people (a), write_people);

  write_parts (b, "facts", accords_agreement_get_facts (a), write_facts);

  write_parts (b, "sources", accords_agreement_get_sources (a), write_sources);

  write_parts (b, "verify", accords_agreement_get_flags (a), write_verify);

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
  json_builder_set_member_name (b, "agreements");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (agreements)); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (G_LIST_MODEL (agreements), i);

      json_builder_add_value (b, accords_agreement_to_json (a));
    }
  json_builder_end_array (b);
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

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  const char *db_path = g_object_get_data (G_OBJECT (task), "db-path");
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  guint n = 0;

  if ((store = accords_store_open_worker (db_path, &error)) == NULL ||
      (text = accords_dataset_to_data (store, &len, &n, &error)) == NULL ||
      !write_file (file, text, len, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n);
}

void
accords_dataset_export_async (AccordsStore        *store,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORDS_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_dataset_export_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "db-path", g_strdup (accords_store_get_path (store)), g_free);
  g_task_run_in_thread (task, export_thread);
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
