/* accords-store-agreements.c: reading and writing agreements and their parts */
#define G_LOG_DOMAIN "accords-store-agreements"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-flag.h"
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
  sqlite3_stmt *stmt = accords_store_prepare (self, "SELECT 1 FROM country WHERE code = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, code);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static AccordsAgreement *
agreement_from_row (sqlite3_stmt *stmt)
{
  AccordsAgreement *a = accords_agreement_new ();
  const char *override = (const char *) sqlite3_column_text (stmt, 9);

  accords_agreement_set_id (a, sqlite3_column_int64 (stmt, 0));
  accords_agreement_set_slug (a, accords_stmt_text (stmt, 1));
  accords_agreement_set_title (a, accords_stmt_text (stmt, 2));
  accords_agreement_set_short_title (a, accords_stmt_text (stmt, 3));
  accords_agreement_set_instrument_form (a, accords_stmt_text (stmt, 4));
  accords_agreement_set_legal_status (a, accords_stmt_text (stmt, 5));
  accords_agreement_set_operational_status (a, accords_stmt_text (stmt, 6));
  accords_agreement_set_display_status (a, accords_stmt_text (stmt, 7));
  accords_agreement_set_status_as_of (a, accords_stmt_text (stmt, 8));
  accords_agreement_set_status_override (a, override);
  accords_agreement_set_summary (a, accords_stmt_text (stmt, 10));
  accords_agreement_set_scope (a, accords_stmt_text (stmt, 11));
  accords_agreement_set_cap (a, accords_stmt_text (stmt, 12));
  accords_agreement_set_created (a, accords_stmt_text (stmt, 13));
  accords_agreement_set_updated (a, accords_stmt_text (stmt, 14));
  return a;
}

#define AGREEMENT_COLUMNS \
  "a.id, a.slug, a.title, a.short_title, a.instrument_form, a.legal_status," \
  " a.operational_status, a.display_status, a.status_as_of, a.status_override," \
  " a.summary, a.scope, a.cap, a.created, a.updated"

/* Runs one query of (agreement_id, ...) rows and hands each row to fill() with
 * the agreement it belongs to. */
typedef void (*FillFunc) (AccordsAgreement *agreement,
                          sqlite3_stmt     *stmt);

static gboolean
load_parts (AccordsStore  *self,
            GHashTable    *by_id,
            const char    *sql,
            FillFunc       fill,
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
        fill (agreement, stmt);
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
fill_alias (AccordsAgreement *a,
            sqlite3_stmt     *stmt)
{
  g_auto(GStrv) aliases = g_strdupv ((char **) accords_agreement_get_aliases (a));

  append_strv (&aliases, accords_stmt_text (stmt, 1));
  accords_agreement_set_aliases (a, (const char * const *) aliases);
}

static void
fill_type (AccordsAgreement *a,
           sqlite3_stmt     *stmt)
{
  g_auto(GStrv) types = g_strdupv ((char **) accords_agreement_get_types (a));

  append_strv (&types, accords_stmt_text (stmt, 1));
  accords_agreement_set_types (a, (const char * const *) types);
}

static void
fill_related (AccordsAgreement *a,
              sqlite3_stmt     *stmt)
{
  g_auto(GStrv) related = g_strdupv ((char **) accords_agreement_get_related (a));

  append_strv (&related, accords_stmt_text (stmt, 1));
  accords_agreement_set_related (a, (const char * const *) related);
}

static void
fill_party (AccordsAgreement *a,
            sqlite3_stmt     *stmt)
{
  g_autoptr(AccordsParty) party = accords_party_new ();

  accords_party_set_country (party, accords_stmt_text (stmt, 1));
  accords_party_set_role (party, accords_stmt_text (stmt, 2));
  g_list_store_append (accords_agreement_get_parties (a), party);
}

static void
fill_event (AccordsAgreement *a,
            sqlite3_stmt     *stmt)
{
  g_autoptr(AccordsEvent) event = accords_event_new ();
  const char *urls = (const char *) sqlite3_column_text (stmt, 9);
  g_auto(GStrv) split = urls ? g_strsplit (urls, "\n", -1) : g_new0 (char *, 1);

  accords_event_set_id (event, sqlite3_column_int64 (stmt, 1));
  accords_event_set_date (event, accords_stmt_text (stmt, 2));
  accords_event_set_precision (event, accords_stmt_text (stmt, 3));
  accords_event_set_event_type (event, accords_stmt_text (stmt, 4));
  accords_event_set_label (event, accords_stmt_text (stmt, 5));
  accords_event_set_actor (event, accords_stmt_text (stmt, 6));
  accords_event_set_description (event, accords_stmt_text (stmt, 7));
  accords_event_set_confidence (event, accords_stmt_text (stmt, 8));
  accords_event_set_source_urls (event, (const char * const *) split);
  g_list_store_append (accords_agreement_get_events (a), event);
}

static void
fill_source (AccordsAgreement *a,
             sqlite3_stmt     *stmt)
{
  g_autoptr(AccordsSource) source = accords_source_new ();

  accords_source_set_id (source, sqlite3_column_int64 (stmt, 1));
  accords_source_set_url (source, accords_stmt_text (stmt, 2));
  accords_source_set_title (source, accords_stmt_text (stmt, 3));
  accords_source_set_publisher (source, accords_stmt_text (stmt, 4));
  accords_source_set_published (source, accords_stmt_text (stmt, 5));
  accords_source_set_accessed (source, accords_stmt_text (stmt, 6));
  accords_source_set_source_type (source, accords_stmt_text (stmt, 7));
  accords_source_set_item_id (source, sqlite3_column_int64 (stmt, 8));
  g_list_store_append (accords_agreement_get_sources (a), source);
}

static void
fill_flag (AccordsAgreement *a,
           sqlite3_stmt     *stmt)
{
  g_autoptr(AccordsFlag) flag = accords_flag_new ();

  accords_flag_set_id (flag, sqlite3_column_int64 (stmt, 1));
  accords_flag_set_text (flag, accords_stmt_text (stmt, 2));
  accords_flag_set_resolved (flag, (const char *) sqlite3_column_text (stmt, 3));
  accords_flag_set_resolution (flag, accords_stmt_text (stmt, 4));
  g_list_store_append (accords_agreement_get_flags (a), flag);
}

static void
fill_person (AccordsAgreement *a,
             sqlite3_stmt     *stmt)
{
  g_autoptr(AccordsPersonRole) role = accords_person_role_new ();

  accords_person_role_set_id (role, sqlite3_column_int64 (stmt, 1));
  accords_person_role_set_name (role, accords_stmt_text (stmt, 2));
  accords_person_role_set_role (role, accords_stmt_text (stmt, 3));
  accords_person_role_set_country (role, accords_stmt_text (stmt, 4));
  accords_person_role_set_start (role, accords_stmt_text (stmt, 5));
  accords_person_role_set_end (role, accords_stmt_text (stmt, 6));
  accords_person_role_set_source_url (role, accords_stmt_text (stmt, 7));
  g_list_store_append (accords_agreement_get_people (a), role);
}

static void
fill_fact (AccordsAgreement *a,
           sqlite3_stmt     *stmt)
{
  g_autoptr(AccordsFact) fact = accords_fact_new ();

  accords_fact_set_id (fact, sqlite3_column_int64 (stmt, 1));
  accords_fact_set_kind (fact, accords_stmt_text (stmt, 2));
  accords_fact_set_date (fact, accords_stmt_text (stmt, 3));
  accords_fact_set_description (fact, accords_stmt_text (stmt, 4));
  accords_fact_set_amount (fact, accords_stmt_text (stmt, 5));
  accords_fact_set_currency (fact, accords_stmt_text (stmt, 6));
  accords_fact_set_count (fact, sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 7));
  accords_fact_set_court (fact, accords_stmt_text (stmt, 8));
  accords_fact_set_case_name (fact, accords_stmt_text (stmt, 9));
  accords_fact_set_outcome (fact, accords_stmt_text (stmt, 10));
  accords_fact_set_raised_by (fact, accords_stmt_text (stmt, 11));
  accords_fact_set_source_url (fact, accords_stmt_text (stmt, 12));
  g_list_store_append (accords_agreement_get_facts (a), fact);
}

static const struct {
  const char *sql;
  FillFunc    fill;
} parts[] = {
  { "SELECT agreement_id, alias FROM agreement_alias ORDER BY agreement_id, position", fill_alias },
  { "SELECT agreement_id, type FROM agreement_type ORDER BY agreement_id, position", fill_type },
  { "SELECT r.agreement_id, a.slug FROM agreement_relation r JOIN agreement a ON a.id = r.related_id"
    " ORDER BY r.agreement_id, a.slug", fill_related },
  { "SELECT agreement_id, country, role FROM party ORDER BY agreement_id, position, id", fill_party },
  { "SELECT e.agreement_id, e.id, e.date, e.precision, e.type, e.label, e.actor, e.description, e.confidence,"
    " (SELECT group_concat(url, char(10)) FROM (SELECT s.url FROM event_source es"
    "  JOIN source s ON s.id = es.source_id WHERE es.event_id = e.id ORDER BY s.url))"
    " FROM event e ORDER BY e.agreement_id, e.date_key, e.position, e.id", fill_event },
  { "SELECT x.agreement_id, s.id, s.url, s.title, s.publisher, s.published, s.accessed, s.type, s.item_id"
    " FROM agreement_source x JOIN source s ON s.id = x.source_id ORDER BY x.agreement_id, x.position", fill_source },
  { "SELECT agreement_id, id, text, resolved, resolution FROM verify_flag ORDER BY agreement_id, position, id", fill_flag },
  { "SELECT r.agreement_id, r.id, p.name, r.role, r.country, r.start, r.end, s.url"
    " FROM person_role r JOIN person p ON p.id = r.person_id LEFT JOIN source s ON s.id = r.source_id"
    " WHERE r.agreement_id IS NOT NULL ORDER BY r.agreement_id, r.position, r.id", fill_person },
  { "SELECT f.agreement_id, f.id, f.kind, f.date, f.description, f.amount, f.currency, f.count, f.court,"
    " f.case_name, f.outcome, f.raised_by, s.url FROM ("
    "  SELECT agreement_id, id, 'financial_term' AS kind, date, description, amount, currency, NULL AS count,"
    "   '' AS court, '' AS case_name, '' AS outcome, '' AS raised_by, source_id, position FROM financial_term"
    "  UNION ALL SELECT agreement_id, id, 'observation', date, description, '', '', count, '', '', '', '', source_id, position FROM observation"
    "  UNION ALL SELECT agreement_id, id, 'legal_challenge', date, description, '', '', NULL, court, case_name, outcome, '', source_id, position FROM legal_challenge"
    "  UNION ALL SELECT agreement_id, id, 'concern', date, description, '', '', NULL, '', '', '', raised_by, source_id, position FROM concern"
    " ) f LEFT JOIN source s ON s.id = f.source_id ORDER BY f.agreement_id, f.kind, f.position, f.id", fill_fact },
};

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
      g_autoptr(AccordsAgreement) a = agreement_from_row (stmt);

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

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!load_parts (self, by_id, parts[i].sql, parts[i].fill, error))
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
  sqlite3_stmt *stmt = accords_store_prepare (self, "SELECT 1 FROM agreement WHERE slug = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, slug);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

guint
accords_store_count_agreements (AccordsStore *self)
{
  sqlite3_stmt *stmt = accords_store_prepare (self, "SELECT count(*) FROM agreement", NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
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
  gint64 id = 0;

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
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    accords_store_set_error (self, error, _("Saving a source"));
  sqlite3_reset (stmt);
  return id;
}

static gboolean
bind_and_step (AccordsStore  *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  return accords_store_step_done (self, stmt, error);
}

static gint64
ensure_person (AccordsStore  *self,
               const char    *name,
               GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = accords_store_prepare (self,
                                "INSERT INTO person (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name"
                                " RETURNING id", error);
  if (stmt == NULL)
    return 0;
  accords_stmt_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    accords_store_set_error (self, error, _("Saving a person"));
  sqlite3_reset (stmt);
  return id;
}

static void
bind_source_or_null (AccordsStore *self,
                     sqlite3_stmt *stmt,
                     int           index,
                     gint64        source_id)
{
  if (source_id > 0)
    sqlite3_bind_int64 (stmt, index, source_id);
  else
    sqlite3_bind_null (stmt, index);
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
  const char * const *strv;
  sqlite3_stmt *stmt;
  GListModel *model;

  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    {
      if (!(stmt = accords_store_prepare (self, clear[i], error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!bind_and_step (self, stmt, error))
        return FALSE;
    }

  strv = accords_agreement_get_aliases (a);
  for (guint i = 0; strv && strv[i]; i++)
    {
      if (!(stmt = accords_store_prepare (self, "INSERT OR IGNORE INTO agreement_alias (agreement_id, position, alias) VALUES (?, ?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      accords_stmt_bind_text (stmt, 3, strv[i]);
      if (!bind_and_step (self, stmt, error))
        return FALSE;
    }

  strv = accords_agreement_get_types (a);
  for (guint i = 0; strv && strv[i]; i++)
    {
      if (!(stmt = accords_store_prepare (self, "INSERT OR IGNORE INTO agreement_type (agreement_id, position, type) VALUES (?, ?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      accords_stmt_bind_text (stmt, 3, strv[i]);
      if (!bind_and_step (self, stmt, error))
        return FALSE;
    }

  strv = accords_agreement_get_related (a);
  for (guint i = 0; strv && strv[i]; i++)
    {
      /* related agreements that are not (yet) in the store are skipped */
      if (!(stmt = accords_store_prepare (self,
                                          "INSERT OR IGNORE INTO agreement_relation (agreement_id, related_id)"
                                          " SELECT ?, id FROM agreement WHERE slug = ?", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      accords_stmt_bind_text (stmt, 2, strv[i]);
      if (!bind_and_step (self, stmt, error))
        return FALSE;
    }

  model = G_LIST_MODEL (accords_agreement_get_parties (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsParty) party = g_list_model_get_item (model, i);

      if (!(stmt = accords_store_prepare (self, "INSERT OR IGNORE INTO party (agreement_id, country, role, position) VALUES (?, ?, ?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      accords_stmt_bind_text (stmt, 2, accords_party_get_country (party));
      accords_stmt_bind_text (stmt, 3, accords_party_get_role (party));
      sqlite3_bind_int (stmt, 4, i);
      if (!bind_and_step (self, stmt, error))
        {
          g_prefix_error (error, _("Party %s: "), accords_party_get_country (party));
          return FALSE;
        }
    }

  model = G_LIST_MODEL (accords_agreement_get_sources (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (model, i);
      gint64 source_id = ensure_source (self, accords_source_get_url (source), source, error);

      if (source_id == 0)
        return FALSE;
      accords_source_set_id (source, source_id);
      if (!(stmt = accords_store_prepare (self, "INSERT OR IGNORE INTO agreement_source (agreement_id, source_id, position) VALUES (?, ?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, source_id);
      sqlite3_bind_int (stmt, 3, i);
      if (!bind_and_step (self, stmt, error))
        return FALSE;
    }

  model = G_LIST_MODEL (accords_agreement_get_events (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsEvent) event = g_list_model_get_item (model, i);
      const char * const *urls = accords_event_get_source_urls (event);
      gint64 event_id;

      if (!(stmt = accords_store_prepare (self,
                                          "INSERT INTO event (agreement_id, date, precision, date_key, type, label, actor,"
                                          " description, confidence, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                          " RETURNING id", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      accords_stmt_bind_text (stmt, 2, accords_event_get_date (event));
      accords_stmt_bind_text (stmt, 3, accords_event_get_precision (event));
      sqlite3_bind_int (stmt, 4, (int) accords_date_key (accords_event_get_date (event)));
      accords_stmt_bind_text (stmt, 5, accords_event_get_event_type (event));
      accords_stmt_bind_text (stmt, 6, accords_event_get_label (event));
      accords_stmt_bind_text_or_null (stmt, 7, accords_event_get_actor (event));
      accords_stmt_bind_text (stmt, 8, accords_event_get_description (event));
      accords_stmt_bind_text (stmt, 9, accords_str_empty (accords_event_get_confidence (event))
                                         ? "reported" : accords_event_get_confidence (event));
      sqlite3_bind_int (stmt, 10, i);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          accords_store_set_error (self, error, _("Saving an event"));
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
          if ((source_id = ensure_source (self, urls[k], NULL, error)) == 0)
            return FALSE;
          if (!(stmt = accords_store_prepare (self, "INSERT OR IGNORE INTO event_source (event_id, source_id) VALUES (?, ?)", error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, event_id);
          sqlite3_bind_int64 (stmt, 2, source_id);
          if (!bind_and_step (self, stmt, error))
            return FALSE;
        }
    }

  model = G_LIST_MODEL (accords_agreement_get_flags (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsFlag) flag = g_list_model_get_item (model, i);

      if (!(stmt = accords_store_prepare (self, "INSERT INTO verify_flag (agreement_id, text, resolved, resolution, position) VALUES (?, ?, ?, ?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      accords_stmt_bind_text (stmt, 2, accords_flag_get_text (flag));
      accords_stmt_bind_text_or_null (stmt, 3, accords_flag_get_resolved (flag));
      accords_stmt_bind_text (stmt, 4, accords_flag_get_resolution (flag));
      sqlite3_bind_int (stmt, 5, i);
      if (!bind_and_step (self, stmt, error))
        return FALSE;
    }

  model = G_LIST_MODEL (accords_agreement_get_people (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsPersonRole) role = g_list_model_get_item (model, i);
      gint64 person_id = ensure_person (self, accords_person_role_get_name (role), error);
      gint64 source_id = 0;

      if (person_id == 0)
        return FALSE;
      if (!accords_str_empty (accords_person_role_get_source_url (role)) &&
          (source_id = ensure_source (self, accords_person_role_get_source_url (role), NULL, error)) == 0)
        return FALSE;
      if (!(stmt = accords_store_prepare (self,
                                          "INSERT INTO person_role (person_id, agreement_id, role, country, start, end, source_id, position)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int64 (stmt, 2, id);
      accords_stmt_bind_text (stmt, 3, accords_person_role_get_role (role));
      accords_stmt_bind_text_or_null (stmt, 4, accords_person_role_get_country (role));
      accords_stmt_bind_text (stmt, 5, accords_person_role_get_start (role));
      accords_stmt_bind_text (stmt, 6, accords_person_role_get_end (role));
      bind_source_or_null (self, stmt, 7, source_id);
      sqlite3_bind_int (stmt, 8, i);
      if (!bind_and_step (self, stmt, error))
        return FALSE;
    }

  model = G_LIST_MODEL (accords_agreement_get_facts (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsFact) fact = g_list_model_get_item (model, i);
      const char *kind = accords_fact_get_kind (fact);
      gint64 source_id = 0;

      if (!accords_str_empty (accords_fact_get_source_url (fact)) &&
          (source_id = ensure_source (self, accords_fact_get_source_url (fact), NULL, error)) == 0)
        return FALSE;

      if (g_strcmp0 (kind, "financial_term") == 0)
        {
          if (!(stmt = accords_store_prepare (self, "INSERT INTO financial_term (agreement_id, date, description, amount, currency, source_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)", error)))
            return FALSE;
          accords_stmt_bind_text (stmt, 4, accords_fact_get_amount (fact));
          accords_stmt_bind_text (stmt, 5, accords_fact_get_currency (fact));
        }
      else if (g_strcmp0 (kind, "observation") == 0)
        {
          if (!(stmt = accords_store_prepare (self, "INSERT INTO observation (agreement_id, date, description, count, source_id, position) VALUES (?, ?, ?, ?, ?, ?)", error)))
            return FALSE;
          if (accords_fact_get_count (fact) >= 0)
            sqlite3_bind_int64 (stmt, 4, accords_fact_get_count (fact));
          else
            sqlite3_bind_null (stmt, 4);
          /* shift: source and position are the 5th and 6th parameters here */
          sqlite3_bind_int64 (stmt, 1, id);
          accords_stmt_bind_text (stmt, 2, accords_fact_get_date (fact));
          accords_stmt_bind_text (stmt, 3, accords_fact_get_description (fact));
          bind_source_or_null (self, stmt, 5, source_id);
          sqlite3_bind_int (stmt, 6, i);
          if (!bind_and_step (self, stmt, error))
            return FALSE;
          continue;
        }
      else if (g_strcmp0 (kind, "legal_challenge") == 0)
        {
          if (!(stmt = accords_store_prepare (self, "INSERT INTO legal_challenge (agreement_id, date, description, court, case_name, outcome, source_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error)))
            return FALSE;
          accords_stmt_bind_text (stmt, 4, accords_fact_get_court (fact));
          accords_stmt_bind_text (stmt, 5, accords_fact_get_case_name (fact));
          accords_stmt_bind_text (stmt, 6, accords_fact_get_outcome (fact));
          sqlite3_bind_int64 (stmt, 1, id);
          accords_stmt_bind_text (stmt, 2, accords_fact_get_date (fact));
          accords_stmt_bind_text (stmt, 3, accords_fact_get_description (fact));
          bind_source_or_null (self, stmt, 7, source_id);
          sqlite3_bind_int (stmt, 8, i);
          if (!bind_and_step (self, stmt, error))
            return FALSE;
          continue;
        }
      else if (g_strcmp0 (kind, "concern") == 0)
        {
          if (!(stmt = accords_store_prepare (self, "INSERT INTO concern (agreement_id, date, description, raised_by, source_id, position) VALUES (?, ?, ?, ?, ?, ?)", error)))
            return FALSE;
          accords_stmt_bind_text (stmt, 4, accords_fact_get_raised_by (fact));
          sqlite3_bind_int64 (stmt, 1, id);
          accords_stmt_bind_text (stmt, 2, accords_fact_get_date (fact));
          accords_stmt_bind_text (stmt, 3, accords_fact_get_description (fact));
          bind_source_or_null (self, stmt, 5, source_id);
          sqlite3_bind_int (stmt, 6, i);
          if (!bind_and_step (self, stmt, error))
            return FALSE;
          continue;
        }
      else
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("Unknown kind of fact “%s”"), kind ? kind : "");
          return FALSE;
        }

      /* financial_term */
      sqlite3_bind_int64 (stmt, 1, id);
      accords_stmt_bind_text (stmt, 2, accords_fact_get_date (fact));
      accords_stmt_bind_text (stmt, 3, accords_fact_get_description (fact));
      bind_source_or_null (self, stmt, 6, source_id);
      sqlite3_bind_int (stmt, 7, i);
      if (!bind_and_step (self, stmt, error))
        return FALSE;
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
  accords_stmt_bind_text (stmt, 1, accords_agreement_get_slug (a));
  accords_stmt_bind_text (stmt, 2, accords_agreement_get_title (a));
  accords_stmt_bind_text (stmt, 3, accords_agreement_get_short_title (a));
  accords_stmt_bind_text (stmt, 4, accords_agreement_get_instrument_form (a));
  accords_stmt_bind_text (stmt, 5, accords_agreement_get_legal_status (a));
  accords_stmt_bind_text (stmt, 6, accords_agreement_get_operational_status (a));
  accords_stmt_bind_text_or_null (stmt, 7, accords_agreement_get_status_override (a));
  accords_stmt_bind_text (stmt, 8, accords_status_to_string (derived));
  accords_stmt_bind_text (stmt, 9, accords_agreement_get_status_as_of (a));
  accords_stmt_bind_text (stmt, 10, accords_agreement_get_summary (a));
  accords_stmt_bind_text (stmt, 11, accords_agreement_get_scope (a));
  accords_stmt_bind_text (stmt, 12, accords_agreement_get_cap (a));
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
