/* accords-store-links.c: the links from news items to countries and agreements in the store */
#define G_LOG_DOMAIN "accords-store-links"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-store-agreements.h"
#include "accords-store-links.h"
#include "accords-util.h"

/* Items linked again per transaction: small enough that an import waiting
 * for the database waits a fraction of a second */
#define RELINK_CHUNK 2000

#define INSERT_COUNTRY \
  "INSERT INTO item_country (item_id, country, matched, count) VALUES (?1, ?2, ?3, ?4)" \
  " ON CONFLICT (item_id, country) DO NOTHING"
/* A link the researcher confirmed or rejected keeps its state; one made by
 * hand keeps its method */
#define INSERT_AGREEMENT \
  "INSERT INTO item_agreement (item_id, agreement_id, method, score, reason, signal)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)" \
  " ON CONFLICT (item_id, agreement_id) DO UPDATE SET" \
  "  method = CASE WHEN item_agreement.method = 'manual' THEN item_agreement.method ELSE excluded.method END," \
  "  score = excluded.score, reason = excluded.reason, signal = excluded.signal"

/* ------------------------------------------------------------ item links */

AccordsItemLinks *
accords_item_links_new_from (AccordsLinks *links)
{
  guint n_countries, n_agreements;
  gsize size, text_size = 0;
  AccordsItemLinks *copy;
  char *text;

  g_return_val_if_fail (links != NULL, NULL);

  n_countries = accords_links_get_n_countries (links);
  n_agreements = accords_links_get_n_agreements (links);
  if (n_countries == 0 && n_agreements == 0)
    return NULL;

  for (guint i = 0; i < n_countries; i++)
    text_size += strlen (accords_links_get_country (links, i)->matched) + 1;
  for (guint i = 0; i < n_agreements; i++)
    text_size += strlen (accords_links_get_agreement (links, i)->reason) + 1;

  /* One block: the header, both arrays, then the texts */
  size = sizeof (AccordsItemLinks) + n_countries * sizeof (AccordsLinkedCountry) +
         n_agreements * sizeof (AccordsLinkedAgreement);
  copy = g_malloc (size + text_size);
  copy->n_countries = n_countries;
  copy->n_agreements = n_agreements;
  copy->countries = (AccordsLinkedCountry *) (copy + 1);
  copy->agreements = (AccordsLinkedAgreement *) (copy->countries + n_countries);
  text = (char *) copy + size;

  for (guint i = 0; i < n_countries; i++)
    {
      const AccordsCountryMention *m = accords_links_get_country (links, i);
      gsize len = strlen (m->matched) + 1;

      copy->countries[i].code = m->code;
      copy->countries[i].count = m->count;
      copy->countries[i].matched = memcpy (text, m->matched, len);
      text += len;
    }
  for (guint i = 0; i < n_agreements; i++)
    {
      const AccordsAgreementSuggestion *s = accords_links_get_agreement (links, i);
      gsize len = strlen (s->reason) + 1;

      copy->agreements[i].agreement_id = s->agreement_id;
      copy->agreements[i].score = s->score;
      copy->agreements[i].method = s->method;
      copy->agreements[i].signal = s->signal;
      copy->agreements[i].reason = memcpy (text, s->reason, len);
      text += len;
    }
  return copy;
}

void
accords_item_links_free (AccordsItemLinks *links)
{
  g_free (links);
}

AccordsItemLinks *
accords_item_links_compute (AccordsLinker *linker,
                            AccordsLinks  *scratch,
                            const char    *title,
                            const char    *summary,
                            const char    *content,
                            const char    *date)
{
  const char *texts[3] = { title, summary, content };

  g_return_val_if_fail (ACCORDS_IS_LINKER (linker), NULL);
  g_return_val_if_fail (scratch != NULL, NULL);

  accords_linker_link_dated (linker, texts, G_N_ELEMENTS (texts), date, scratch);
  return accords_item_links_new_from (scratch);
}

/* ---------------------------------------------------------------- writing */

static gboolean
step_row (AccordsStore  *self,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  accords_store_set_error (self, error, _("Linking a news item"));
  return FALSE;
}

/* Writes the links found for an item: its agreements, and its countries
 * too unless countries is FALSE.  The item is bound once: sqlite3_reset()
 * keeps the bindings. */
static gboolean
write_links (AccordsStore           *self,
             gint64                  item_id,
             const AccordsItemLinks *links,
             gboolean                countries,
             GError                **error)
{
  sqlite3_stmt *country, *agreement;

  if (links == NULL)
    return TRUE;
  if (!(country = accords_store_prepare (self, INSERT_COUNTRY, error)) ||
      !(agreement = accords_store_prepare (self, INSERT_AGREEMENT, error)))
    return FALSE;
  sqlite3_bind_int64 (country, 1, item_id);
  sqlite3_bind_int64 (agreement, 1, item_id);

  for (guint i = 0; countries && i < links->n_countries; i++)
    {
      sqlite3_bind_text (country, 2, links->countries[i].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (country, 3, links->countries[i].matched, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (country, 4, links->countries[i].count);
      if (!step_row (self, country, error))
        return FALSE;
    }
  for (guint i = 0; i < links->n_agreements; i++)
    {
      const AccordsLinkedAgreement *a = &links->agreements[i];

      sqlite3_bind_int64 (agreement, 2, a->agreement_id);
      sqlite3_bind_text (agreement, 3, a->method, -1, SQLITE_STATIC);
      sqlite3_bind_double (agreement, 4, a->score);
      sqlite3_bind_text (agreement, 5, a->reason, -1, SQLITE_STATIC);
      sqlite3_bind_text (agreement, 6, a->signal, -1, SQLITE_STATIC);
      if (!step_row (self, agreement, error))
        return FALSE;
    }
  return TRUE;
}

/* Drops the links found by linking (not those set by hand or judged) of
 * the items first..last: those to agreements, and to countries too when
 * countries is TRUE */
static gboolean
clear_found_links (AccordsStore  *self,
                   gint64         first,
                   gint64         last,
                   gboolean       countries,
                   GError       **error)
{
  static const char * const found[] = {
    "DELETE FROM item_agreement WHERE item_id BETWEEN ?1 AND ?2 AND state = 'suggested'",
    "DELETE FROM item_country WHERE item_id BETWEEN ?1 AND ?2 AND method <> 'manual'",
  };

  for (guint i = 0; i < (countries ? 2 : 1); i++)
    {
      sqlite3_stmt *stmt = accords_store_prepare (self, found[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, first);
      sqlite3_bind_int64 (stmt, 2, last);
      if (!accords_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
accords_store_write_item_links (AccordsStore            *self,
                                gint64                   item_id,
                                const AccordsItemLinks  *links,
                                gboolean                 is_new,
                                GError                 **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (!is_new && !clear_found_links (self, item_id, item_id, TRUE, error))
    return FALSE;
  return write_links (self, item_id, links, TRUE, error);
}

/* ------------------------------------------------------------ checksums */

static gboolean
delete_meta (AccordsStore  *self,
             const char    *key,
             GError       **error)
{
  sqlite3_stmt *stmt = accords_store_prepare (self, "DELETE FROM meta WHERE key = ?", error);

  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, key);
  return accords_store_step_done (self, stmt, error);
}

gboolean
accords_store_links_up_to_date (AccordsStore  *self,
                                AccordsLinker *linker)
{
  g_autofree char *made_by = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_LINKER (linker), FALSE);

  made_by = accords_store_get_meta (self, ACCORDS_META_LINKS_CHECKSUM);
  return g_strcmp0 (made_by, accords_linker_get_checksum (linker)) == 0;
}

gboolean
accords_store_set_links_out_of_date (AccordsStore  *self,
                                     GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  /* the gazetteer's checksum and a relink's position stay: the countries
   * are right, and a relink under way reaches the newest items anyway */
  return delete_meta (self, ACCORDS_META_LINKS_CHECKSUM, error);
}

gboolean
accords_store_set_links_made_by (AccordsStore   *self,
                                 AccordsLinker  *linker,
                                 GError        **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  /* Items stored without links lack their countries too: the next relink
   * starts over and makes both */
  if (linker == NULL)
    return delete_meta (self, ACCORDS_META_LINKS_CHECKSUM, error) &&
           delete_meta (self, ACCORDS_META_LINKS_GAZETTEER, error) &&
           delete_meta (self, ACCORDS_META_RELINK_POSITION, error);
  return accords_store_set_meta (self, ACCORDS_META_LINKS_CHECKSUM, accords_linker_get_checksum (linker), error) &&
         accords_store_set_meta (self, ACCORDS_META_LINKS_GAZETTEER,
                                 accords_gazetteer_get_checksum (accords_linker_get_gazetteer (linker)), error) &&
         delete_meta (self, ACCORDS_META_RELINK_POSITION, error);
}

/* --------------------------------------------------------------- relinking */

typedef struct {
  gint64            id;
  AccordsItemLinks *links;
} Linked;

static void
linked_clear (gpointer data)
{
  Linked *l = data;

  g_clear_pointer (&l->links, accords_item_links_free);
}

/* Where an interrupted relink stopped: "CHECKSUM MODE LAST-ID" */
static gboolean
read_position (AccordsStore  *self,
               AccordsLinker *linker,
               gboolean      *countries,
               gint64        *last_id)
{
  g_autofree char *position = accords_store_get_meta (self, ACCORDS_META_RELINK_POSITION);
  g_auto(GStrv) parts = NULL;

  if (position == NULL)
    return FALSE;
  parts = g_strsplit (position, " ", 3);
  if (g_strv_length (parts) != 3 || !g_str_equal (parts[0], accords_linker_get_checksum (linker)))
    return FALSE;
  *countries = g_str_equal (parts[1], "all");
  return g_ascii_string_to_signed (parts[2], 10, 0, G_MAXINT64, last_id, NULL);
}

static gboolean
write_position (AccordsStore   *self,
                AccordsLinker  *linker,
                gboolean        countries,
                gint64          last_id,
                GError        **error)
{
  g_autofree char *position = g_strdup_printf ("%s %s %" G_GINT64_FORMAT, accords_linker_get_checksum (linker),
                                               countries ? "all" : "agreements", last_id);

  return accords_store_set_meta (self, ACCORDS_META_RELINK_POSITION, position, error);
}

static gint64
count_items_after (AccordsStore  *self,
                   gint64         after,
                   GError       **error)
{
  sqlite3_stmt *stmt = accords_store_prepare (self, "SELECT count(*) FROM item WHERE id > ?", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, after);
  return accords_store_step_int64 (self, stmt, -1, _("Counting news items"), error);
}

/* Links the next chunk of items after *last_id; FALSE on error, *n 0 at the end */
static gboolean
link_chunk (AccordsStore   *self,
            AccordsLinker  *linker,
            AccordsLinks   *scratch,
            gint64         *last_id,
            GArray         *chunk,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_size (chunk, 0);
  stmt = accords_store_prepare (self,
                                "SELECT id, title, summary_text, content_text,"
                                " CASE WHEN published <> '' THEN published ELSE updated END"
                                " FROM item WHERE id > ? ORDER BY id LIMIT ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *last_id);
  sqlite3_bind_int (stmt, 2, RELINK_CHUNK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Linked l;

      l.id = sqlite3_column_int64 (stmt, 0);
      l.links = accords_item_links_compute (linker, scratch,
                                            accords_stmt_text (stmt, 1),
                                            accords_stmt_text (stmt, 2),
                                            accords_stmt_text (stmt, 3),
                                            accords_stmt_text (stmt, 4));
      g_array_append_val (chunk, l);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading news items"));
      return FALSE;
    }
  return TRUE;
}

gboolean
accords_store_relink (AccordsStore              *self,
                      AccordsLinker             *linker,
                      gboolean                   force,
                      AccordsRelinkProgressFunc  progress,
                      gpointer                   progress_data,
                      GCancellable              *cancellable,
                      AccordsRelinkStats        *stats,
                      GError                   **error)
{
  g_autoptr(AccordsLinks) scratch = NULL;
  g_autoptr(GArray) chunk = NULL;
  g_autofree char *gazetteer_made_by = NULL;
  AccordsRelinkStats local = { 0 };
  gboolean countries = TRUE;
  gint64 last_id = 0, total, done = 0;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_LINKER (linker), FALSE);

  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);

  if (!force && accords_store_links_up_to_date (self, linker))
    return TRUE;

  if (force || !read_position (self, linker, &countries, &last_id))
    {
      gazetteer_made_by = accords_store_get_meta (self, ACCORDS_META_LINKS_GAZETTEER);
      countries = force || g_strcmp0 (gazetteer_made_by,
                                       accords_gazetteer_get_checksum (accords_linker_get_gazetteer (linker))) != 0;
      last_id = 0;
    }
  stats->countries = countries;

  if ((total = count_items_after (self, last_id, error)) < 0)
    return FALSE;

  scratch = accords_links_new ();
  chunk = g_array_new (FALSE, FALSE, sizeof (Linked));
  g_array_set_clear_func (chunk, linked_clear);

  for (;;)
    {
      gint64 first;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!accords_store_begin (self, error))
        return FALSE;
      if (!link_chunk (self, linker, scratch, &last_id, chunk, error))
        goto fail;
      if (chunk->len == 0)
        break;

      first = g_array_index (chunk, Linked, 0).id;
      last_id = g_array_index (chunk, Linked, chunk->len - 1).id;
      if (!clear_found_links (self, first, last_id, countries, error))
        goto fail;
      for (guint i = 0; i < chunk->len; i++)
        {
          Linked *l = &g_array_index (chunk, Linked, i);

          if (l->links == NULL)
            continue;
          if (!write_links (self, l->id, l->links, countries, error))
            goto fail;
          if (countries)
            stats->n_countries += l->links->n_countries;
          stats->n_suggestions += l->links->n_agreements;
        }
      if (!write_position (self, linker, countries, last_id, error) ||
          !accords_store_commit (self, error))
        goto fail;

      stats->n_items += chunk->len;
      done += chunk->len;
      if (progress != NULL && total > 0)
        progress (MIN (1.0, (double) done / (double) total), progress_data);
    }

  /* the last, empty read: record who made the links */
  if (!accords_store_set_links_made_by (self, linker, error) ||
      !accords_store_commit (self, error))
    goto fail;

  stats->n_kept = (guint) accords_store_query_int64 (self, "SELECT count(*) FROM item_agreement WHERE state <> 'suggested'", NULL);
  return TRUE;

fail:
  accords_store_rollback (self);
  return FALSE;
}

/* ---------------------------------------------------------------- verdicts */

static gboolean
valid_state (const char *state)
{
  return g_strcmp0 (state, "suggested") == 0 || g_strcmp0 (state, "confirmed") == 0 ||
         g_strcmp0 (state, "rejected") == 0;
}

gboolean
accords_store_set_link_state (AccordsStore  *self,
                              gint64         item_id,
                              const char    *slug,
                              const char    *state,
                              GError       **error)
{
  /* a suggested link changes state; any other, the researcher makes by hand */
  static const char * const writes[] = {
    "UPDATE item_agreement SET state = ?3"
    " WHERE item_id = ?1 AND agreement_id = (SELECT id FROM agreement WHERE slug = ?2)",
    "INSERT INTO item_agreement (item_id, agreement_id, method, state)"
    " SELECT i.id, a.id, 'manual', ?3 FROM item i, agreement a"
    " WHERE i.id = ?1 AND a.slug = ?2",
  };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (!valid_state (state))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("“%s” is not a state of a link: it is suggested, confirmed or rejected"),
                   accords_str_or_empty (state));
      return FALSE;
    }
  if (!accords_store_has_agreement (self, slug))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no agreement with the id “%s”"), accords_str_or_empty (slug));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      stmt = accords_store_prepare (self, writes[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      accords_stmt_bind_text (stmt, 2, slug);
      accords_stmt_bind_text (stmt, 3, state);
      if (!accords_store_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (accords_store_get_db (self)) > 0)
        return TRUE;
    }
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
               _("There is no news item %" G_GINT64_FORMAT), item_id);
  return FALSE;
}

char *
accords_store_get_link_state (AccordsStore  *self,
                              gint64         item_id,
                              const char    *slug,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  char *state = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = accords_store_prepare (self,
                                "SELECT ia.state FROM item_agreement ia JOIN agreement a ON a.id = ia.agreement_id"
                                " WHERE ia.item_id = ?1 AND a.slug = ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  accords_stmt_bind_text (stmt, 2, slug);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    state = g_strdup (accords_stmt_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    accords_store_set_error (self, error, _("Reading the links of a news item"));
  sqlite3_reset (stmt);
  return state;
}

/* ----------------------------------------------------------------- reading */

void
accords_stored_link_free (AccordsStoredLink *link)
{
  if (link == NULL)
    return;
  g_free (link->code);
  g_free (link->title);
  g_free (link->matched);
  g_free (link->method);
  g_free (link->reason);
  g_free (link->signal);
  g_free (link->state);
  g_free (link);
}

static AccordsStoredLink *
country_link_from_row (sqlite3_stmt *stmt)
{
  AccordsStoredLink *link = g_new0 (AccordsStoredLink, 1);

  link->code = g_strdup (accords_stmt_text (stmt, 0));
  link->matched = g_strdup (accords_stmt_text (stmt, 1));
  link->count = (guint) sqlite3_column_int64 (stmt, 2);
  link->method = g_strdup (accords_stmt_text (stmt, 3));
  return link;
}

static AccordsStoredLink *
agreement_link_from_row (sqlite3_stmt *stmt)
{
  AccordsStoredLink *link = g_new0 (AccordsStoredLink, 1);

  link->code = g_strdup (accords_stmt_text (stmt, 0));
  link->method = g_strdup (accords_stmt_text (stmt, 1));
  link->score = sqlite3_column_double (stmt, 2);
  link->reason = g_strdup (accords_stmt_text (stmt, 3));
  link->signal = g_strdup (accords_stmt_text (stmt, 4));
  link->state = g_strdup (accords_stmt_text (stmt, 5));
  link->title = g_strdup (accords_stmt_text (stmt, 6));
  return link;
}

/* The links of one item that sql selects, read by from_row */
static GPtrArray *
load_item_links (AccordsStore         *self,
                 const char           *sql,
                 gint64                item_id,
                 AccordsStoredLink *(*from_row) (sqlite3_stmt *stmt),
                 GError              **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_stored_link_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = accords_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (links, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading the links of a news item"));
      return NULL;
    }
  return g_steal_pointer (&links);
}

GPtrArray *
accords_store_load_item_countries (AccordsStore  *self,
                                   gint64         item_id,
                                   GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  return load_item_links (self,
                          "SELECT country, matched, count, method FROM item_country WHERE item_id = ?"
                          " ORDER BY count DESC, country",
                          item_id, country_link_from_row, error);
}

GPtrArray *
accords_store_load_item_agreements (AccordsStore  *self,
                                    gint64         item_id,
                                    GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  return load_item_links (self,
                          "SELECT a.slug, ia.method, ia.score, ia.reason, ia.signal, ia.state,"
                          " CASE WHEN a.short_title <> '' THEN a.short_title ELSE a.title END"
                          " FROM item_agreement ia JOIN agreement a ON a.id = ia.agreement_id"
                          " WHERE ia.item_id = ? ORDER BY ia.score DESC, a.slug",
                          item_id, agreement_link_from_row, error);
}

static gboolean
count_agreement_links (AccordsStore       *self,
                       const char         *slug,
                       AccordsLinkCounts  *counts,
                       GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (counts, 0, sizeof *counts);
  stmt = accords_store_prepare (self,
                                "SELECT state, count(*) FROM item_agreement"
                                " WHERE agreement_id = (SELECT id FROM agreement WHERE slug = ?) GROUP BY state",
                                error);
  if (stmt == NULL)
    return FALSE;
  accords_stmt_bind_text (stmt, 1, slug);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *state = accords_stmt_text (stmt, 0);
      guint n = (guint) sqlite3_column_int64 (stmt, 1);

      if (g_str_equal (state, "confirmed"))
        counts->n_confirmed = n;
      else if (g_str_equal (state, "rejected"))
        counts->n_rejected = n;
      else
        counts->n_suggested = n;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading the news linked to an agreement"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
accords_store_load_agreement_links (AccordsStore       *self,
                                    const char         *slug,
                                    gboolean            include_rejected,
                                    guint               offset,
                                    guint               limit,
                                    AccordsLinkCounts  *counts,
                                    GError            **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  if (counts != NULL && !count_agreement_links (self, slug, counts, error))
    return NULL;

  /* what the researcher kept first, then the strongest evidence, newest first */
  stmt = accords_store_prepare (self,
                                "SELECT i.id, i.title, f.title,"
                                " CASE WHEN i.published <> '' THEN i.published ELSE i.updated END AS date,"
                                " i.link, ia.score, ia.method, ia.reason, ia.signal, ia.state"
                                " FROM item_agreement ia JOIN item i ON i.id = ia.item_id JOIN feed f ON f.id = i.feed_id"
                                " WHERE ia.agreement_id = (SELECT id FROM agreement WHERE slug = ?1)"
                                "  AND (?2 OR ia.state <> 'rejected')"
                                " ORDER BY CASE ia.state WHEN 'confirmed' THEN 0 WHEN 'suggested' THEN 1 ELSE 2 END,"
                                "  ia.score DESC, date DESC, i.id DESC"
                                " LIMIT ?3 OFFSET ?4",
                                error);
  if (stmt == NULL)
    return NULL;
  accords_stmt_bind_text (stmt, 1, slug);
  sqlite3_bind_int (stmt, 2, include_rejected ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 4, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordsItemLink *link = g_object_new (ACCORDS_TYPE_ITEM_LINK,
                                            "item-id", sqlite3_column_int64 (stmt, 0),
                                            "agreement", slug,
                                            "title", accords_stmt_text (stmt, 1),
                                            "feed-title", accords_stmt_text (stmt, 2),
                                            "published", accords_stmt_text (stmt, 3),
                                            "link", accords_stmt_text (stmt, 4),
                                            "score", CLAMP (sqlite3_column_double (stmt, 5), 0.0, 1.0),
                                            "method", accords_stmt_text (stmt, 6),
                                            "reason", accords_stmt_text (stmt, 7),
                                            "signal", accords_stmt_text (stmt, 8),
                                            "state", accords_stmt_text (stmt, 9),
                                            NULL);
      g_ptr_array_add (links, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (self, error, _("Reading the news linked to an agreement"));
      return NULL;
    }
  return g_steal_pointer (&links);
}

typedef struct {
  char              *path;
  char              *slug;
  gboolean           include_rejected;
  guint              limit;
  AccordsLinkCounts  counts;
} LinksLoad;

static void
links_load_free (LinksLoad *load)
{
  g_free (load->path);
  g_free (load->slug);
  g_free (load);
}

static void
load_links_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  LinksLoad *load = task_data;
  g_autoptr(AccordsStore) store = NULL;
  GPtrArray *links = NULL;
  GError *error = NULL;

  store = accords_store_open_worker (load->path, &error);
  if (store != NULL)
    links = accords_store_load_agreement_links (store, load->slug, load->include_rejected, 0, load->limit,
                                                &load->counts, &error);
  if (links == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, links, (GDestroyNotify) g_ptr_array_unref);
}

void
accords_store_load_agreement_links_async (AccordsStore        *self,
                                          const char          *slug,
                                          gboolean             include_rejected,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LinksLoad *load;

  g_return_if_fail (ACCORDS_IS_STORE (self));
  g_return_if_fail (slug != NULL);

  load = g_new0 (LinksLoad, 1);
  load->path = g_strdup (accords_store_get_path (self));
  load->slug = g_strdup (slug);
  load->include_rejected = include_rejected;
  load->limit = limit;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_store_load_agreement_links_async);
  g_task_set_task_data (task, load, (GDestroyNotify) links_load_free);
  g_task_run_in_thread (task, load_links_thread);
}

GPtrArray *
accords_store_load_agreement_links_finish (AccordsStore       *self,
                                           GAsyncResult       *result,
                                           AccordsLinkCounts  *counts,
                                           GError            **error)
{
  GPtrArray *links;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  links = g_task_propagate_pointer (G_TASK (result), error);
  if (links != NULL && counts != NULL)
    *counts = ((LinksLoad *) g_task_get_task_data (G_TASK (result)))->counts;
  return links;
}
