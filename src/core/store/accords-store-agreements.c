/* accords-store-agreements.c: reading and writing agreements and their parts */
#define G_LOG_DOMAIN "accords-store-agreements"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-flag.h"
#include "accords-part-kind.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-util.h"

gboolean
accords_store_sync_countries (AccordsStore     *self,
                              AccordsIsoCodes  *iso_codes,
                              GError          **error)
{
  sqlite3_stmt *stmt;
  guint n = accords_iso_codes_get_n_countries (iso_codes);
  gint64 have = 0;

  stmt = accords_store_prepare (self, "SELECT count(*) FROM country", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    have = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (have >= n)
    return TRUE;

  if (!accords_store_begin (self, error))
    return FALSE;
  stmt = accords_store_prepare (self,
                                "INSERT INTO country (code, alpha3, numeric, name) VALUES (?, ?, ?, ?)"
                                " ON CONFLICT (code) DO UPDATE SET alpha3 = excluded.alpha3,"
                                " numeric = excluded.numeric, name = excluded.name",
                                error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      const AccordsIsoCountry *c = accords_iso_codes_get_country (iso_codes, i);

      sqlite3_reset (stmt);
      accords_stmt_bind_text (stmt, 1, c->alpha2);
      accords_stmt_bind_text (stmt, 2, c->alpha3);
      accords_stmt_bind_text (stmt, 3, c->numeric);
      accords_stmt_bind_text (stmt, 4, c->common_name ? c->common_name : c->name);
      if (!accords_store_step_done (self, stmt, error))
        goto fail;
    }
  return accords_store_commit (self, error);

fail:
  accords_store_rollback (self);
  return FALSE;
}

gboolean
accords_store_has_country (AccordsStore *self,
                           const char   *code)
{
  return accords_store_query_int64 (self, "SELECT 1 FROM country WHERE code = ?", code) == 1;
}

#define AGREEMENT_COLUMNS \
  "a.id, a.slug, a.title, a.short_title, a.instrument_form, a.legal_status," \
  " a.operational_status, a.display_status, a.status_as_of, a.status_override," \
  " a.summary, a.scope, a.cap, a.created, a.updated"

/* The properties of AGREEMENT_COLUMNS, and of the parameters of the agreement's
 * INSERT */
static const char * const agreement_columns[] = {
  "id", "slug", "title", "short-title", "instrument-form", "legal-status",
  "operational-status", "display-status", "status-as-of", "?status-override",
  "summary", "scope", "cap", "created", "updated", NULL
};
static const char * const agreement_parameters[] = {
  "slug", "title", "short-title", "instrument-form", "legal-status",
  "operational-status", "?status-override", "display-status", "status-as-of",
  "summary", "scope", "cap", NULL
};

/* The agreement's lists of strings: each row of load (agreement_id, value)
 * appends to the property; save takes the agreement id as ?1, the position
 * as ?2 and the value as ?3. */
static const struct {
  const char *property;
  const char *load;
  const char *save;
} lists[] = {
  { "aliases",
    "SELECT agreement_id, alias FROM agreement_alias ORDER BY agreement_id, position",
    "INSERT OR IGNORE INTO agreement_alias (agreement_id, position, alias) VALUES (?1, ?2, ?3)" },
  { "types",
    "SELECT agreement_id, type FROM agreement_type ORDER BY agreement_id, position",
    "INSERT OR IGNORE INTO agreement_type (agreement_id, position, type) VALUES (?1, ?2, ?3)" },
  /* relations have no position, and related agreements that are not (yet) in
   * the store are skipped */
  { "related",
    "SELECT r.agreement_id, a.slug FROM agreement_relation r JOIN agreement a ON a.id = r.related_id"
    " ORDER BY r.agreement_id, a.slug",
    "INSERT OR IGNORE INTO agreement_relation (agreement_id, related_id)"
    " SELECT ?1, id FROM agreement WHERE slug = ?3" },
};

typedef struct _PartTable PartTable;

/* Where a part is saved to: its table, its agreement and its position there */
typedef struct {
  AccordsStore    *store;
  const PartTable *table;
  gint64           agreement_id;
  guint            position;
} PartSlot;

typedef gboolean (*SavePartFunc) (const PartSlot  *slot,
                                  GObject         *part,
                                  GError         **error);

/* How one kind of part is stored. The rows of select are (agreement_id,
 * columns...), read into the properties named in columns. insert takes the
 * agreement id as ?1, the position as ?2, the part's source (if it has one)
 * as ?3 and the properties named in bound from ?4 on. */
struct _PartTable {
  const char   *kind;
  const char   *select;
  const char   *columns[13];
  SavePartFunc  save;
  const char   *insert;
  const char   *bound[8];
};

/* Runs one query of (agreement_id, ...) rows and hands each row to fill() with
 * the agreement it belongs to. */
typedef void (*FillFunc) (AccordsAgreement *agreement,
                          sqlite3_stmt     *stmt,
                          gconstpointer     data);

static gboolean
load_parts (AccordsStore  *self,
            GHashTable    *by_id,
            const char    *sql,
            FillFunc       fill,
            gconstpointer  data,
            GError       **error)
{
  sqlite3_stmt *stmt = accords_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      AccordsAgreement *agreement = g_hash_table_lookup (by_id, &id);

      if (agreement != NULL)
        fill (agreement, stmt, data);
    }
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading agreements"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
append_strv (char     ***strv,
             const char *value)
{
  guint n = *strv ? g_strv_length (*strv) : 0;

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (value);
  (*strv)[n + 1] = NULL;
}

static void
fill_list (AccordsAgreement *a,
           sqlite3_stmt     *stmt,
           gconstpointer     data)
{
  const char *property = data;
  g_auto(GStrv) list = NULL;

  g_object_get (a, property, &list, NULL);
  append_strv (&list, accords_stmt_text (stmt, 1));
  g_object_set (a, property, list, NULL);
}

static void
fill_part (AccordsAgreement *a,
           sqlite3_stmt     *stmt,
           gconstpointer     data)
{
  const PartTable *table = data;
  const AccordsPartKind *kind = accords_part_kind_lookup (table->kind);
  g_autoptr(GObject) part = g_object_new (kind->get_type (), NULL);

  accords_stmt_read_properties (stmt, 1, part, table->columns);
  g_list_store_append (kind->get_store (a), part);
}

/* The id of the source with this URL, inserting it (or filling in details
 * the stored row lacks) as needed. */
static gint64
ensure_source (AccordsStore   *self,
               const char     *url,
               AccordsSource  *details,
               GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = accords_store_prepare (self,
                                "INSERT INTO source (url, title, publisher, published, accessed, type, item_id)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                                " ON CONFLICT (url) DO UPDATE SET"
                                "  title = CASE WHEN ?2 <> '' THEN ?2 ELSE title END,"
                                "  publisher = CASE WHEN ?3 <> '' THEN ?3 ELSE publisher END,"
                                "  published = CASE WHEN ?4 <> '' THEN ?4 ELSE published END,"
                                "  accessed = CASE WHEN ?5 <> '' THEN ?5 ELSE accessed END,"
                                "  type = CASE WHEN ?6 <> '' THEN ?6 ELSE type END,"
                                "  item_id = coalesce(?7, item_id)"
                                " RETURNING id",
                                error);
  if (stmt == NULL)
    return 0;
  accords_stmt_bind_text (stmt, 1, url);
  accords_stmt_bind_text (stmt, 2, details ? accords_source_get_title (details) : "");
  accords_stmt_bind_text (stmt, 3, details ? accords_source_get_publisher (details) : "");
  accords_stmt_bind_text (stmt, 4, details ? accords_source_get_published (details) : "");
  accords_stmt_bind_text (stmt, 5, details ? accords_source_get_accessed (details) : "");
  accords_stmt_bind_text (stmt, 6, details ? accords_source_get_source_type (details) : "");
  /* a source that is a stored news item keeps it */
  if (details != NULL && accords_source_get_item_id (details) != 0)
    sqlite3_bind_int64 (stmt, 7, accords_source_get_item_id (details));
  return accords_store_step_int64 (self, stmt, 0, _("Saving a source"), error);
}

/* The id of the source named by a part's URL property, 0 for none; -1 when
 * storing it failed */
static gint64
ensure_part_source (AccordsStore  *self,
                    GObject       *part,
                    GError       **error)
{
  g_autofree char *url = NULL;
  gint64 id;

  g_object_get (part, "source-url", &url, NULL);
  if (accords_str_empty (url))
    return 0;
  id = ensure_source (self, url, NULL, error);
  return id != 0 ? id : -1;
}

static gint64
ensure_person (AccordsStore  *self,
               const char    *name,
               GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = accords_store_prepare (self,
                                "INSERT INTO person (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name"
                                " RETURNING id", error);
  if (stmt == NULL)
    return 0;
  accords_stmt_bind_text (stmt, 1, name);
  return accords_store_step_int64 (self, stmt, 0, _("Saving a person"), error);
}

/* Prepares a part table's insert and binds what its comment says; a source
 * id of 0 is bound as NULL */
static sqlite3_stmt *
prepare_part (const PartSlot  *slot,
              gint64           source_id,
              GObject         *part,
              GError         **error)
{
  const PartTable *table = slot->table;
  sqlite3_stmt *stmt = accords_store_prepare (slot->store, table->insert, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, slot->agreement_id);
  sqlite3_bind_int (stmt, 2, slot->position);
  if (source_id > 0)
    sqlite3_bind_int64 (stmt, 3, source_id);
  accords_stmt_bind_properties (stmt, 4, part, table->bound);
  return stmt;
}

static gboolean
insert_part (const PartSlot  *slot,
             gint64           source_id,
             GObject         *part,
             GError         **error)
{
  sqlite3_stmt *stmt = prepare_part (slot, source_id, part, error);

  return stmt != NULL && accords_store_step_done (slot->store, stmt, error);
}

static gboolean
save_columns (const PartSlot  *slot,
              GObject         *part,
              GError         **error)
{
  gint64 source_id = 0;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (part), "source-url") != NULL &&
      (source_id = ensure_part_source (slot->store, part, error)) < 0)
    return FALSE;
  return insert_part (slot, source_id, part, error);
}

static gboolean
save_party (const PartSlot  *slot,
            GObject         *part,
            GError         **error)
{
  if (save_columns (slot, part, error))
    return TRUE;
  g_prefix_error (error, _("Party %s: "), accords_party_get_country (ACCORDS_PARTY (part)));
  return FALSE;
}

static gboolean
save_source (const PartSlot  *slot,
             GObject         *part,
             GError         **error)
{
  AccordsSource *source = ACCORDS_SOURCE (part);
  gint64 source_id = ensure_source (slot->store, accords_source_get_url (source), source, error);

  if (source_id == 0)
    return FALSE;
  accords_source_set_id (source, source_id);
  return insert_part (slot, source_id, part, error);
}

static gboolean
save_event (const PartSlot  *slot,
            GObject         *part,
            GError         **error)
{
  AccordsEvent *event = ACCORDS_EVENT (part);
  const char * const *urls = accords_event_get_source_urls (event);
  sqlite3_stmt *stmt;
  gint64 event_id;

  if (!(stmt = prepare_part (slot, 0, part, error)))
    return FALSE;
  sqlite3_bind_int (stmt, 11, (int) accords_date_key (accords_event_get_date (event)));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      accords_store_set_error (slot->store, error, _("Saving an event"));
      g_prefix_error (error, _("Event of %s: "), accords_event_get_date (event));
      sqlite3_reset (stmt);
      return FALSE;
    }
  event_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  accords_event_set_id (event, event_id);

  for (guint k = 0; urls && urls[k]; k++)
    {
      gint64 source_id;

      if (*urls[k] == '\0')
        continue;
      if ((source_id = ensure_source (slot->store, urls[k], NULL, error)) == 0)
        return FALSE;
      if (!(stmt = accords_store_prepare (slot->store, "INSERT OR IGNORE INTO event_source (event_id, source_id) VALUES (?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, source_id);
      if (!accords_store_step_done (slot->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_person (const PartSlot  *slot,
             GObject         *part,
             GError         **error)
{
  gint64 person_id = ensure_person (slot->store, accords_person_role_get_name (ACCORDS_PERSON_ROLE (part)), error);
  gint64 source_id;
  sqlite3_stmt *stmt;

  if (person_id == 0 || (source_id = ensure_part_source (slot->store, part, error)) < 0)
    return FALSE;
  if (!(stmt = prepare_part (slot, source_id, part, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 8, person_id);
  return accords_store_step_done (slot->store, stmt, error);
}

/* Each kind of fact has a table of its own, with the columns of the kind's
 * properties */
static const PartTable fact_tables[] = {
  { "financial_term",
    .insert = "INSERT INTO financial_term (agreement_id, position, source_id, date, description, amount, currency)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    .bound = { "date", "description", "amount", "currency" } },
  { "observation",
    .insert = "INSERT INTO observation (agreement_id, position, source_id, date, description, count)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    .bound = { "date", "description", "count" } },
  { "legal_challenge",
    .insert = "INSERT INTO legal_challenge (agreement_id, position, source_id, date, description, court, case_name, outcome)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    .bound = { "date", "description", "court", "case-name", "outcome" } },
  { "concern",
    .insert = "INSERT INTO concern (agreement_id, position, source_id, date, description, raised_by)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    .bound = { "date", "description", "raised-by" } },
};

static gboolean
save_fact (const PartSlot  *slot,
           GObject         *part,
           GError         **error)
{
  const char *kind = accords_fact_get_kind (ACCORDS_FACT (part));

  for (guint i = 0; i < G_N_ELEMENTS (fact_tables); i++)
    if (g_strcmp0 (kind, fact_tables[i].kind) == 0)
      {
        PartSlot fact_slot = *slot;

        fact_slot.table = &fact_tables[i];
        return save_columns (&fact_slot, part, error);
      }

  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
               _("Unknown kind of fact “%s”"), kind ? kind : "");
  return FALSE;
}

static const PartTable part_tables[] = {
  { "party",
    "SELECT agreement_id, country, role FROM party ORDER BY agreement_id, position, id",
    { "country", "role" },
    save_party,
    "INSERT OR IGNORE INTO party (agreement_id, position, country, role) VALUES (?1, ?2, ?4, ?5)",
    { "country", "role" } },
  { "source",
    "SELECT x.agreement_id, s.id, s.url, s.title, s.publisher, s.published, s.accessed, s.type, s.item_id"
    " FROM agreement_source x JOIN source s ON s.id = x.source_id ORDER BY x.agreement_id, x.position",
    { "id", "url", "title", "publisher", "published", "accessed", "source-type", "item-id" },
    save_source,
    "INSERT OR IGNORE INTO agreement_source (agreement_id, position, source_id) VALUES (?1, ?2, ?3)" },
  { "event",
    "SELECT e.agreement_id, e.id, e.date, e.precision, e.type, e.label, e.actor, e.description, e.confidence,"
    " (SELECT group_concat(url, char(10)) FROM (SELECT s.url FROM event_source es"
    "  JOIN source s ON s.id = es.source_id WHERE es.event_id = e.id ORDER BY s.url))"
    " FROM event e ORDER BY e.agreement_id, e.date_key, e.position, e.id",
    { "id", "date", "precision", "event-type", "label", "actor", "description", "confidence", "source-urls" },
    save_event,
    /* ?11, the date's sort key, is bound by save_event() */
    "INSERT INTO event (agreement_id, position, date, precision, type, label, actor, description, confidence, date_key)"
    " VALUES (?1, ?2, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(nullif(?10, ''), 'reported'), ?11) RETURNING id",
    { "date", "precision", "event-type", "label", "?actor", "description", "confidence" } },
  { "person",
    "SELECT r.agreement_id, r.id, p.name, r.role, r.country, r.start, r.end, s.url"
    " FROM person_role r JOIN person p ON p.id = r.person_id LEFT JOIN source s ON s.id = r.source_id"
    " WHERE r.agreement_id IS NOT NULL ORDER BY r.agreement_id, r.position, r.id",
    { "id", "name", "role", "country", "start", "end", "source-url" },
    save_person,
    /* ?8, the person, is bound by save_person() */
    "INSERT INTO person_role (agreement_id, position, source_id, role, country, start, end, person_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    { "role", "?country", "start", "end" } },
  { "fact",
    "SELECT f.agreement_id, f.id, f.kind, f.date, f.description, f.amount, f.currency, f.count, f.court,"
    " f.case_name, f.outcome, f.raised_by, s.url FROM ("
    "  SELECT agreement_id, id, 'financial_term' AS kind, date, description, amount, currency, NULL AS count,"
    "   '' AS court, '' AS case_name, '' AS outcome, '' AS raised_by, source_id, position FROM financial_term"
    "  UNION ALL SELECT agreement_id, id, 'observation', date, description, '', '', count, '', '', '', '', source_id, position FROM observation"
    "  UNION ALL SELECT agreement_id, id, 'legal_challenge', date, description, '', '', NULL, court, case_name, outcome, '', source_id, position FROM legal_challenge"
    "  UNION ALL SELECT agreement_id, id, 'concern', date, description, '', '', NULL, '', '', '', raised_by, source_id, position FROM concern"
    " ) f LEFT JOIN source s ON s.id = f.source_id ORDER BY f.agreement_id, f.kind, f.position, f.id",
    { "id", "kind", "date", "description", "amount", "currency", "count", "court", "case-name", "outcome",
      "raised-by", "source-url" },
    save_fact },
  { "flag",
    "SELECT agreement_id, id, text, resolved, resolution FROM verify_flag ORDER BY agreement_id, position, id",
    { "id", "text", "?resolved", "resolution" },
    save_columns,
    "INSERT INTO verify_flag (agreement_id, position, text, resolved, resolution) VALUES (?1, ?2, ?4, ?5, ?6)",
    { "text", "?resolved", "resolution" } },
};

static const PartTable *
part_table (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (part_tables); i++)
    if (g_str_equal (part_tables[i].kind, kind))
      return &part_tables[i];
  g_assert_not_reached ();
}


static GListStore *
load (AccordsStore  *self,
      const char    *where,
      const char    *value,
      GError       **error)
{
  g_autoptr(GListStore) result = g_list_store_new (ACCORDS_TYPE_AGREEMENT);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT " AGREEMENT_COLUMNS " FROM agreement a %s ORDER BY a.title COLLATE NOCASE",
                         where ? where : "");
  stmt = accords_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (value != NULL)
    accords_stmt_bind_text (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AccordsAgreement) a = accords_agreement_new ();

      accords_stmt_read_properties (stmt, 0, G_OBJECT (a), agreement_columns);
      g_list_store_append (result, a);
    }
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading agreements"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (result)); i++)
    {
      AccordsAgreement *a = g_list_model_get_item (G_LIST_MODEL (result), i);
      gint64 *key = g_new (gint64, 1);

      *key = accords_agreement_get_id (a);
      g_hash_table_insert (by_id, key, a);
      g_object_unref (a);   /* the list keeps it alive */
    }

  if (g_hash_table_size (by_id) == 0)
    return g_steal_pointer (&result);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (!load_parts (self, by_id, lists[i].load, fill_list, lists[i].property, error))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (part_tables); i++)
    if (!load_parts (self, by_id, part_tables[i].select, fill_part, &part_tables[i], error))
      return NULL;

  return g_steal_pointer (&result);
}

GListStore *
accords_store_load_agreements (AccordsStore  *self,
                               const char    *country,
                               GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  if (country == NULL)
    return load (self, NULL, NULL, error);
  return load (self, "WHERE a.id IN (SELECT agreement_id FROM party WHERE country = ?)", country, error);
}

AccordsAgreement *
accords_store_load_agreement (AccordsStore  *self,
                              const char    *slug,
                              GError       **error)
{
  g_autoptr(GListStore) list = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  list = load (self, "WHERE a.slug = ?", slug, error);
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no agreement with the id “%s”"), slug);
      return NULL;
    }
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

gboolean
accords_store_has_agreement (AccordsStore *self,
                             const char   *slug)
{
  return accords_store_query_int64 (self, "SELECT 1 FROM agreement WHERE slug = ?", slug) == 1;
}

guint
accords_store_count_agreements (AccordsStore *self)
{
  return (guint) accords_store_query_int64 (self, "SELECT count(*) FROM agreement", NULL);
}

static gboolean
save_parts (AccordsStore      *self,
            AccordsAgreement  *a,
            gint64             id,
            GError           **error)
{
  static const char * const clear[] = {
    "DELETE FROM agreement_alias WHERE agreement_id = ?",
    "DELETE FROM agreement_type WHERE agreement_id = ?",
    "DELETE FROM agreement_relation WHERE agreement_id = ?",
    "DELETE FROM party WHERE agreement_id = ?",
    "DELETE FROM event WHERE agreement_id = ?",
    "DELETE FROM agreement_source WHERE agreement_id = ?",
    "DELETE FROM verify_flag WHERE agreement_id = ?",
    "DELETE FROM person_role WHERE agreement_id = ?",
    "DELETE FROM financial_term WHERE agreement_id = ?",
    "DELETE FROM observation WHERE agreement_id = ?",
    "DELETE FROM legal_challenge WHERE agreement_id = ?",
    "DELETE FROM concern WHERE agreement_id = ?",
  };
  const AccordsPartKind *kinds;
  sqlite3_stmt *stmt;
  guint n_kinds;

  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    {
      if (!(stmt = accords_store_prepare (self, clear[i], error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!accords_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      g_auto(GStrv) strv = NULL;

      g_object_get (a, lists[k].property, &strv, NULL);
      for (guint i = 0; strv && strv[i]; i++)
        {
          if (!(stmt = accords_store_prepare (self, lists[k].save, error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, i);
          accords_stmt_bind_text (stmt, 3, strv[i]);
          if (!accords_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  kinds = accords_part_kinds (&n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      PartSlot slot = { self, part_table (kinds[k].name), id, 0 };
      GListModel *model = G_LIST_MODEL (kinds[k].get_store (a));

      for (slot.position = 0; slot.position < g_list_model_get_n_items (model); slot.position++)
        {
          g_autoptr(GObject) part = g_list_model_get_item (model, slot.position);

          if (!slot.table->save (&slot, part, error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
accords_store_save_agreement (AccordsStore      *self,
                              AccordsAgreement  *a,
                              GError           **error)
{
  sqlite3_stmt *stmt;
  AccordsStatus derived;
  g_autofree char *today = NULL;
  gint64 id;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (a), FALSE);

  derived = accords_agreement_derive_status (a, NULL);
  accords_agreement_set_display_status (a, accords_status_to_string (derived));

  if (!accords_store_begin (self, error))
    return FALSE;

  stmt = accords_store_prepare (self,
                                "INSERT INTO agreement (slug, title, short_title, instrument_form, legal_status,"
                                " operational_status, status_override, display_status, status_as_of, summary, scope, cap)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
                                " ON CONFLICT (slug) DO UPDATE SET title = ?2, short_title = ?3, instrument_form = ?4,"
                                "  legal_status = ?5, operational_status = ?6, status_override = ?7, display_status = ?8,"
                                "  status_as_of = ?9, summary = ?10, scope = ?11, cap = ?12,"
                                "  updated = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
                                " RETURNING id, created, updated",
                                error);
  if (stmt == NULL)
    goto fail;
  accords_stmt_bind_properties (stmt, 1, G_OBJECT (a), agreement_parameters);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      accords_store_set_error (self, error, _("Saving the agreement"));
      sqlite3_reset (stmt);
      goto fail;
    }
  id = sqlite3_column_int64 (stmt, 0);
  accords_agreement_set_created (a, accords_stmt_text (stmt, 1));
  accords_agreement_set_updated (a, accords_stmt_text (stmt, 2));
  sqlite3_reset (stmt);
  accords_agreement_set_id (a, id);

  if (!save_parts (self, a, id, error))
    goto fail;

  if (!accords_store_commit (self, error))
    goto fail;

  accords_store_emit_changed (self, ACCORDS_STORE_CHANGE_AGREEMENTS);
  return TRUE;

fail:
  accords_store_rollback (self);
  g_prefix_error (error, _("Agreement “%s”: "), accords_agreement_get_slug (a));
  return FALSE;
}

gboolean
accords_store_delete_agreement (AccordsStore  *self,
                                const char    *slug,
                                GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (!accords_store_has_agreement (self, slug))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no agreement with the id “%s”"), slug);
      return FALSE;
    }
  stmt = accords_store_prepare (self, "DELETE FROM agreement WHERE slug = ?", error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, slug);
  if (!accords_store_step_done (self, stmt, error))
    return FALSE;
  accords_store_emit_changed (self, ACCORDS_STORE_CHANGE_AGREEMENTS);
  return TRUE;
}
