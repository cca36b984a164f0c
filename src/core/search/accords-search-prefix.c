/* accords-search-prefix.c: whether a word typed last needs to be a prefix */
#define G_LOG_DOMAIN "accords-search"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "accords-search-prefix.h"

/* The full-text tables one search reads, whose terms count */
static const char * const fts_tables[] = { "item_fts", "note_fts", "agreement_fts" };


static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

static int
first_token_cb (void       *data,
                int         flags,
                const char *token,
                int         len,
                int         start,
                int         end)
{
  char **out = data;

  if (*out == NULL)
    *out = g_strndup (token, len);
  return SQLITE_OK;
}

/* The first token the index's tokenizer makes of word as a prefix of a
 * query; NULL when there is none */
static char *
tokenize (fts5_api   *api,
          const char *word)
{
  static const char * const args[] = { "unicode61", "remove_diacritics", "2" };
  fts5_tokenizer tokenizer;
  Fts5Tokenizer *instance = NULL;
  void *user_data = NULL;
  char *out = NULL;

  if (api->xFindTokenizer (api, "porter", &user_data, &tokenizer) != SQLITE_OK ||
      tokenizer.xCreate (user_data, (const char **) args, G_N_ELEMENTS (args), &instance) != SQLITE_OK)
    return NULL;
  tokenizer.xTokenize (instance, &out, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                       word, strlen (word), first_token_cb);
  tokenizer.xDelete (instance);
  return out;
}

/* Whether a term other than word itself begins with it in table */
static gboolean
has_longer_term (AccordsStore *store,
                 const char   *table,
                 const char   *word)
{
  g_autofree char *create = g_strdup_printf ("CREATE VIRTUAL TABLE IF NOT EXISTS temp.accords_vocab_%s "
                                             "USING fts5vocab(main, %s, row)", table, table);
  g_autofree char *query = g_strdup_printf ("SELECT 1 FROM temp.accords_vocab_%s "
                                            "WHERE term > ?1 AND term < ?1 || char(1114111) LIMIT 1", table);
  sqlite3 *db = accords_store_get_db (store);
  sqlite3_stmt *stmt;
  gboolean found = TRUE;   /* what cannot be told keeps the prefix */
  int rc;

  if (sqlite3_exec (db, create, NULL, NULL, NULL) != SQLITE_OK)
    return TRUE;
  if ((stmt = accords_store_prepare (store, query, NULL)) == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    found = FALSE;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
prefix_needed_in (AccordsStore       *store,
                  const char         *word,
                  const char * const *tables,
                  guint               n_tables)
{
  g_autofree char *stem = NULL;
  fts5_api *api;

  /* the index holds stems, and a prefix is looked up as the stem of what
   * was typed ("deported" as "deport", which "deportees" begins as
   * "deporte") */
  if ((api = get_fts5_api (accords_store_get_db (store))) == NULL ||
      (stem = tokenize (api, word)) == NULL)
    return TRUE;
  for (guint i = 0; i < n_tables; i++)
    if (has_longer_term (store, tables[i], stem))
      return TRUE;
  return FALSE;
}

gboolean
accords_search_prefix_needed (AccordsStore *store,
                              const char   *word)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (store), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  return prefix_needed_in (store, word, fts_tables, G_N_ELEMENTS (fts_tables));
}

gboolean
accords_search_prefix_needed_func (const char *word,
                                   gpointer    store)
{
  return accords_search_prefix_needed (store, word);
}

gboolean
accords_search_item_prefix_needed_func (const char *word,
                                        gpointer    store)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (store), TRUE);

  return prefix_needed_in (store, word, fts_tables, 1);
}
