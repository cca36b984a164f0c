/* accords-cite-record.c: a cited work as reference managers take it in */
#define G_LOG_DOMAIN "accords-cite-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-cite-record.h"
#include "accords-util.h"

static void
name_free (AccordsCiteName *name)
{
  g_free (name->family);
  g_free (name->given);
  g_free (name->literal);
  g_free (name);
}

AccordsCiteRecord *
accords_cite_record_new (const char      *id,
                         AccordsWorkType  type)
{
  AccordsCiteRecord *record = g_new0 (AccordsCiteRecord, 1);

  record->id = g_strdup (id);
  record->type = type;
  record->authors = g_ptr_array_new_with_free_func ((GDestroyNotify) name_free);
  return record;
}

void
accords_cite_record_free (AccordsCiteRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->title);
  g_ptr_array_unref (record->authors);
  g_free (record->container);
  g_free (record->publisher);
  g_free (record->issued);
  g_free (record->url);
  g_free (record->accessed);
  g_free (record->archived);
  g_free (record->archive_location);
  g_free (record);
}

static char *
nonempty (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (accords_str_or_empty (text)));

  return *copy ? g_steal_pointer (&copy) : NULL;
}

void
accords_cite_record_add_author (AccordsCiteRecord *record,
                                const char        *family,
                                const char        *given,
                                const char        *literal)
{
  AccordsCiteName *name = g_new0 (AccordsCiteName, 1);

  g_return_if_fail (record != NULL);

  name->family = nonempty (family);
  name->given = nonempty (given);
  name->literal = nonempty (literal);
  if (name->family == NULL && name->literal == NULL)
    {
      /* a given name alone is no name to sort by */
      name->literal = g_steal_pointer (&name->given);
    }
  if (name->literal == NULL && name->family == NULL)
    {
      name_free (name);
      return;
    }
  g_ptr_array_add (record->authors, name);
}

static gboolean
is_particle (const char *word)
{
  static const char * const particles[] = { "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "ten", "bin", "al", "el" };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (g_strcmp0 (word, particles[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "Given [particles] Family" when the words read as a person's name: two to
 * five words, each capitalised (or a particle), no digits or marks */
static void
add_person (AccordsCiteRecord *record,
            const char        *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  gboolean person = TRUE;
  guint family_start;

  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);

  if (kept->len < 2 || kept->len > 5)
    person = FALSE;
  for (guint i = 0; person && i < kept->len; i++)
    {
      const char *w = kept->pdata[i];
      gunichar first = g_utf8_get_char (w);

      if (strpbrk (w, "0123456789\"“”@()[]/&") != NULL)
        person = FALSE;
      else if (!g_unichar_isupper (first) && !(i > 0 && i + 1 < kept->len && is_particle (w)))
        person = FALSE;
    }
  if (!person)
    {
      accords_cite_record_add_author (record, NULL, NULL, text);
      return;
    }

  family_start = kept->len - 1;
  while (family_start > 1 && is_particle (kept->pdata[family_start - 1]))
    family_start--;
  {
    GString *given = g_string_new (NULL), *family = g_string_new (NULL);

    for (guint i = 0; i < kept->len; i++)
      {
        GString *into = i < family_start ? given : family;

        if (into->len)
          g_string_append_c (into, ' ');
        g_string_append (into, kept->pdata[i]);
      }
    accords_cite_record_add_author (record, family->str, given->str, NULL);
    g_string_free (given, TRUE);
    g_string_free (family, TRUE);
  }
}

/* One name: "Doe, Jane" or "Jane Doe" or a body's name */
static void
add_name (AccordsCiteRecord *record,
          const char        *text)
{
  g_autofree char *name = g_strstrip (g_strdup (text));
  const char *comma;

  if (*name == '\0')
    return;
  comma = strchr (name, ',');
  if (comma != NULL && strchr (comma + 1, ',') == NULL && strpbrk (name, "\"“”0123456789@") == NULL)
    {
      g_autofree char *family = g_strstrip (g_strndup (name, comma - name));
      g_autofree char *given = g_strstrip (g_strdup (comma + 1));

      if (*family && *given && strchr (family, ' ') == NULL)
        {
          accords_cite_record_add_author (record, family, given, NULL);
          return;
        }
    }
  if (comma != NULL)
    accords_cite_record_add_author (record, NULL, NULL, name);
  else
    add_person (record, name);
}

void
accords_cite_record_add_byline (AccordsCiteRecord *record,
                                const char        *byline)
{
  g_autofree char *text = NULL;
  g_autoptr(GRegex) separators = NULL;
  g_auto(GStrv) names = NULL;
  char *open, *close;
  gboolean by_comma = TRUE;

  g_return_if_fail (record != NULL);

  text = g_strstrip (g_strdup (accords_str_or_empty (byline)));
  /* RSS's "address (Name)": the name */
  open = strchr (text, '(');
  close = open ? strrchr (open, ')') : NULL;
  if (open != NULL && close != NULL && memchr (text, '@', open - text) != NULL)
    {
      g_autofree char *inner = g_strndup (open + 1, close - open - 1);
      g_free (text);
      text = g_strstrip (g_steal_pointer (&inner));
    }
  if (strchr (text, '@') != NULL && strchr (text, ' ') == NULL)
    return;   /* an address alone names nobody */
  if (g_ascii_strncasecmp (text, "by ", 3) == 0)
    memmove (text, text + 3, strlen (text + 3) + 1);

  separators = g_regex_new ("\\s*;\\s*|\\s+and\\s+|\\s+&\\s+", 0, 0, NULL);
  names = g_regex_split (separators, text, 0);

  /* "Jane Doe, John Roe" lists people; "Doe, Jane" is one of them */
  for (guint i = 0; names[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (names[i], ",", -1);

      if (g_strv_length (parts) < 2)
        by_comma = FALSE;
      for (guint k = 0; parts[k] && by_comma; k++)
        {
          g_autofree char *p = g_strstrip (g_strdup (parts[k]));
          if (strchr (p, ' ') == NULL)
            by_comma = FALSE;
        }
    }
  for (guint i = 0; names[i]; i++)
    {
      if (by_comma && strchr (names[i], ',') != NULL && strpbrk (names[i], "\"“”") == NULL)
        {
          g_auto(GStrv) parts = g_strsplit (names[i], ",", -1);
          for (guint k = 0; parts[k]; k++)
            add_name (record, parts[k]);
        }
      else
        add_name (record, names[i]);
    }
}

guint
accords_cite_date_parts (const char *date,
                         int         parts[3])
{
  guint n = 0;
  const char *p = date;

  if (date == NULL)
    return 0;
  /* YYYY, then -MM, then -DD, as far as they go */
  for (guint i = 0; i < 3; i++)
    {
      guint digits = i == 0 ? 4 : 2;
      int value = 0;

      if (i > 0)
        {
          if (*p != '-')
            break;
          p++;
        }
      for (guint d = 0; d < digits; d++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return n;
          value = value * 10 + (*p - '0');
        }
      if ((i == 1 && (value < 1 || value > 12)) || (i == 2 && (value < 1 || value > 31)))
        break;
      parts[n++] = value;
    }
  return n;
}

/* The day of a stored date or date-time, as far as it is known */
static char *
day_of (const char *text)
{
  int parts[3];
  guint n = accords_cite_date_parts (text, parts);

  if (n == 3)
    return g_strdup_printf ("%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  if (n == 2)
    return g_strdup_printf ("%04d-%02d", parts[0], parts[1]);
  if (n == 1)
    return g_strdup_printf ("%04d", parts[0]);
  return NULL;
}

static AccordsWorkType
source_work_type (const char *type)
{
  static const struct { const char *name; AccordsWorkType type; } types[] = {
    { "web", ACCORDS_WORK_WEBPAGE },
    { "news", ACCORDS_WORK_NEWSPAPER_ARTICLE },
    { "official", ACCORDS_WORK_REPORT },
    { "report", ACCORDS_WORK_REPORT },
    { "court", ACCORDS_WORK_LEGAL_CASE },
    { "academic", ACCORDS_WORK_JOURNAL_ARTICLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_strcmp0 (type, types[i].name) == 0)
      return types[i].type;
  return ACCORDS_WORK_DOCUMENT;
}

AccordsCiteRecord *
accords_cite_record_load (AccordsStore        *store,
                          AccordsCitationKind  kind,
                          gint64               id,
                          GError             **error)
{
  g_autoptr(AccordsCiteRecord) record = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, accords_citation_kind_to_string (kind), id);
  if (kind == ACCORDS_CITATION_SOURCE)
    /* a source taken from a news item has the item's byline */
    stmt = accords_store_prepare (store,
                                  "SELECT s.type, s.title, s.publisher, s.published, s.url, s.accessed,"
                                  " COALESCE(i.author, ''),"
                                  " (SELECT MAX(fetched) FROM snapshot"
                                  "  WHERE source_id = s.id OR (s.item_id IS NOT NULL AND item_id = s.item_id))"
                                  " FROM source s LEFT JOIN item i ON i.id = s.item_id WHERE s.id = ?",
                                  error);
  else
    stmt = accords_store_prepare (store,
                                  "SELECT 'item', i.title, f.title, CASE WHEN i.published <> '' THEN i.published ELSE i.updated END,"
                                  " i.link, COALESCE(f.last_fetch, ''), i.author,"
                                  " (SELECT MAX(fetched) FROM snapshot WHERE item_id = i.id)"
                                  " FROM item i JOIN feed f ON f.id = i.feed_id WHERE i.id = ?",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *type = accords_stmt_text (stmt, 0);
      const char *publisher = accords_stmt_text (stmt, 2);
      AccordsWorkType work;

      if (kind == ACCORDS_CITATION_ITEM)
        /* a feed's item is a news article when it is dated, else a page of the site */
        work = accords_str_empty (accords_stmt_text (stmt, 3)) ? ACCORDS_WORK_WEBPAGE : ACCORDS_WORK_NEWSPAPER_ARTICLE;
      else if (accords_str_empty (type))
        /* a source of the dataset with no kind given: a page when it is on the web */
        work = g_str_has_prefix (accords_stmt_text (stmt, 4), "http") ? ACCORDS_WORK_WEBPAGE : ACCORDS_WORK_DOCUMENT;
      else
        work = source_work_type (type);
      record = accords_cite_record_new (key, work);
      record->title = nonempty (accords_stmt_text (stmt, 1));
      /* a newspaper or a site contains the work; others are published by a body */
      if (work == ACCORDS_WORK_WEBPAGE || work == ACCORDS_WORK_NEWSPAPER_ARTICLE || work == ACCORDS_WORK_JOURNAL_ARTICLE)
        record->container = nonempty (publisher);
      else
        record->publisher = nonempty (publisher);
      record->issued = day_of (accords_stmt_text (stmt, 3));
      record->url = nonempty (accords_stmt_text (stmt, 4));
      record->accessed = day_of (accords_stmt_text (stmt, 5));
      accords_cite_record_add_byline (record, accords_stmt_text (stmt, 6));
      /* the day the latest snapshot of the page was kept */
      record->archived = day_of (accords_stmt_text (stmt, 7));
    }
  else if (rc != SQLITE_DONE)
    accords_store_set_error (store, error, _("Reading what a note cites"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&record);
}
