/* accords-gazetteer.c: the countries a text mentions, by name, short name and demonym */
#define G_LOG_DOMAIN "accords-gazetteer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-gazetteer.h"
#include "accords-text.h"
#include "accords-resources.h"
#include "accords-trie.h"

/* Bump when the matching rules change, so stored links are made again */
#define RULES_VERSION "2"

#define MAX_FORMS 6
#define MAX_LABELS 32
#define LINE_WINDOW 300

static const char * const data_files[] = {
  "capitals.tsv",
  "combining-forms.tsv",
  "context.tsv",
  "demonyms.tsv",
  "languages.txt",
  "migration-words.txt",
  "names.tsv",
  "places.tsv",
  "shared-surnames.txt",
  "signals.tsv",
  "stoplist.tsv",
};

/* How a language demonym reads when it means the language */
static const char * const language_phrases[] = {
  "%s-speaking", "%s speaking", "%s-speaker", "%s-speakers", "%s speaker", "%s speakers",
  "%s-language", "%s language", "speak %s", "speaks %s", "spoke %s", "speaking %s",
  "%s interpreter", "%s interpreters", "%s translator", "%s translators", "%s translation",
};

/* A demonym that names a cuisine: "a Mexican restaurant in Chicago" */
static const char * const cuisine_phrases[] = {
  "%s restaurant", "%s restaurants", "%s food", "%s cuisine", "%s takeaway", "%s dishes",
};

typedef enum {
  ENTRY_COUNTRY,
  ENTRY_STOP,
  ENTRY_CUE,
} EntryKind;

enum {
  FLAG_GIVEN_NAME = 1 << 0,
  FLAG_WORD       = 1 << 1,
  FLAG_FROM_ISO   = 1 << 2,
  FLAG_SURNAME    = 1 << 3,
};

typedef struct {
  guint8   kind;
  guint8   flags;
  guint8   context;     /* COUNTRY: label index + 1, or 0 */
  guint8   label;       /* CUE: label index */
  guint8   against;     /* COUNTRY: also an "against" cue for the label of index - 1, or 0 */
  gboolean cue_for;     /* CUE: a "for" cue, else "against" */
  guint    country;
  guint    otherwise;   /* COUNTRY with context: the country index + 1 it names when the cues rule out its own, or 0 */
  guint    trie_flags;
  char    *origin;      /* "gazetteer/names.tsv line 12", for messages */
} Entry;

struct _AccordsGazetteer
{
  GObject          parent_instance;

  AccordsIsoCodes *iso_codes;
  AccordsTrie     *trie;
  GArray          *entries;     /* Entry */
  GPtrArray       *codes;       /* char *, by country index */
  GHashTable      *index_of;    /* code -> index + 1 */
  GHashTable      *data;        /* file name -> GBytes */
  GPtrArray       *labels;      /* context labels */
  GPtrArray       *follows;     /* words that may follow a given-name country */
  GPtrArray       *precedes;    /* words that may come before a surname place */
  char            *checksum;
};

G_DEFINE_FINAL_TYPE (AccordsGazetteer, accords_gazetteer, G_TYPE_OBJECT)

typedef struct {
  guint32 field;
  guint32 start;
  guint32 end;
  guint32 sentence;
  guint32 entry;
} RawHit;

typedef struct {
  AccordsCountryMention pub;
  guint   order;          /* hit index of its first occurrence */
  gsize   matched_offset;
  guint   n_forms;
  guint32 form_entry[MAX_FORMS];
  guint32 form_hit[MAX_FORMS];
} Mention;

struct _AccordsGazetteerScan
{
  GArray  *matches;     /* AccordsTrieMatch */
  GArray  *raw;         /* RawHit */
  GArray  *hits;        /* AccordsCountryHit */
  GArray  *mentions;    /* Mention */
  GString *matched;
  guint   *slot_of;     /* country index -> mention index + 1 */
  guint    n_slots;
  guint32  cues_for;
  guint32  cues_against;
};

/* Scan results */

AccordsGazetteerScan *
accords_gazetteer_scan_new (void)
{
  AccordsGazetteerScan *scan = g_new0 (AccordsGazetteerScan, 1);

  scan->matches = g_array_sized_new (FALSE, FALSE, sizeof (AccordsTrieMatch), 64);
  scan->raw = g_array_sized_new (FALSE, FALSE, sizeof (RawHit), 32);
  scan->hits = g_array_sized_new (FALSE, FALSE, sizeof (AccordsCountryHit), 32);
  scan->mentions = g_array_sized_new (FALSE, FALSE, sizeof (Mention), 16);
  scan->matched = g_string_sized_new (256);
  return scan;
}

void
accords_gazetteer_scan_free (AccordsGazetteerScan *scan)
{
  if (scan == NULL)
    return;
  g_array_unref (scan->matches);
  g_array_unref (scan->raw);
  g_array_unref (scan->hits);
  g_array_unref (scan->mentions);
  g_string_free (scan->matched, TRUE);
  g_free (scan->slot_of);
  g_free (scan);
}

guint
accords_gazetteer_scan_get_n_mentions (AccordsGazetteerScan *scan)
{
  g_return_val_if_fail (scan != NULL, 0);
  return scan->mentions->len;
}

const AccordsCountryMention *
accords_gazetteer_scan_get_mention (AccordsGazetteerScan *scan,
                                    guint                 i)
{
  g_return_val_if_fail (scan != NULL, NULL);
  g_return_val_if_fail (i < scan->mentions->len, NULL);
  return &g_array_index (scan->mentions, Mention, i).pub;
}

guint
accords_gazetteer_scan_get_count (AccordsGazetteerScan *scan,
                                  guint                 index)
{
  g_return_val_if_fail (scan != NULL, 0);
  if (index >= scan->n_slots || scan->slot_of[index] == 0)
    return 0;
  return g_array_index (scan->mentions, Mention, scan->slot_of[index] - 1).pub.count;
}

const AccordsCountryHit *
accords_gazetteer_scan_get_hits (AccordsGazetteerScan *scan,
                                 guint                *n_hits)
{
  g_return_val_if_fail (scan != NULL, NULL);
  if (n_hits)
    *n_hits = scan->hits->len;
  return (const AccordsCountryHit *) (gpointer) scan->hits->data;
}

/* The object */

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->origin);
}

static void
accords_gazetteer_finalize (GObject *object)
{
  AccordsGazetteer *self = (AccordsGazetteer *) object;

  g_clear_object (&self->iso_codes);
  g_clear_pointer (&self->trie, accords_trie_free);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->index_of, g_hash_table_unref);
  g_clear_pointer (&self->data, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->follows, g_ptr_array_unref);
  g_clear_pointer (&self->precedes, g_ptr_array_unref);
  g_free (self->checksum);

  G_OBJECT_CLASS (accords_gazetteer_parent_class)->finalize (object);
}

static void
accords_gazetteer_class_init (AccordsGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accords_gazetteer_finalize;
}

static void
accords_gazetteer_init (AccordsGazetteer *self)
{
  self->trie = accords_trie_new ();
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->index_of = g_hash_table_new (g_str_hash, g_str_equal);
  self->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->follows = g_ptr_array_new_with_free_func (g_free);
  self->precedes = g_ptr_array_new_with_free_func (g_free);
}

/* Data tables */

gboolean
accords_gazetteer_parse_table (GBytes                   *bytes,
                               const char               *name,
                               AccordsGazetteerLineFunc  func,
                               gpointer                  user_data,
                               GError                  **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("gazetteer/%s is not valid UTF-8 text"), name);
      return FALSE;
    }

  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *where = NULL;
      g_auto(GStrv) fields = NULL;
      guint n = 0;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      for (; fields[n] != NULL; n++)
        g_strstrip (fields[n]);
      while (n > 0 && fields[n - 1][0] == '\0')
        {
          g_free (fields[n - 1]);
          fields[--n] = NULL;
        }
      where = g_strdup_printf (_("gazetteer/%s line %u"), name, i + 1);
      if (!func (fields, n, where, user_data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fail (GError     **error,
      const char  *where,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      const char  *where,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", where, message);
  return FALSE;
}

/* Adds a phrase for an entry.  A line of the data files may replace a name
 * iso-codes gave; any other clash is an error in the data. */
static gboolean
add_phrase (AccordsGazetteer  *self,
            const char        *phrase,
            const Entry       *entry,
            const char        *where,
            GError           **error)
{
  guint trie_flags = accords_trie_flags_for (phrase);
  guint32 index = self->entries->len;
  gboolean had_value = FALSE;
  guint32 old_index = 0;
  Entry copy = *entry;

  if (entry->kind == ENTRY_COUNTRY && (entry->flags & FLAG_FROM_ISO))
    {
      /* iso-codes' own words are proper nouns even when written in lower
       * case inside ("Bonaire, Sint Eustatius and Saba") */
      trie_flags |= ACCORDS_TRIE_CAPITALIZED;
    }

  copy.trie_flags = trie_flags;
  copy.origin = g_strdup (where);
  g_array_append_val (self->entries, copy);

  if (!accords_trie_add (self->trie, phrase, index, trie_flags, &had_value, &old_index))
    {
      g_array_set_size (self->entries, self->entries->len - 1);
      return fail (error, where, _("“%s” has no letter to match"), phrase);
    }

  if (had_value)
    {
      Entry *old = &g_array_index (self->entries, Entry, old_index);
      Entry *new = &g_array_index (self->entries, Entry, index);

      if (old->kind == ENTRY_COUNTRY && (old->flags & FLAG_FROM_ISO))
        {
          if (new->flags & FLAG_FROM_ISO && old->country != new->country)
            {
              /* two iso-codes names folding alike: keep the first */
              accords_trie_add (self->trie, phrase, old_index, old->trie_flags, NULL, NULL);
            }
          return TRUE;
        }
      if (old->kind == new->kind && old->kind == ENTRY_COUNTRY && old->country == new->country)
        {
          /* the same name twice for one country: keep what the first said */
          accords_trie_add (self->trie, phrase, old_index, old->trie_flags, NULL, NULL);
          return TRUE;
        }
      if (old->kind == new->kind && old->kind == ENTRY_STOP)
        return TRUE;
      if (old->kind == ENTRY_COUNTRY)
        return fail (error, where, _("“%s” is already a name of %s (%s)"), phrase,
                     (const char *) g_ptr_array_index (self->codes, old->country), old->origin);
      return fail (error, where, _("“%s” is already listed (%s)"), phrase, old->origin);
    }
  return TRUE;
}

static gboolean
code_index (AccordsGazetteer *self,
            const char       *code,
            const char       *where,
            guint            *index,
            GError          **error)
{
  if (!accords_gazetteer_lookup_code (self, code, index))
    return fail (error, where, _("“%s” is not a country code"), code);
  return TRUE;
}

static int
label_index (AccordsGazetteer *self,
             const char       *label)
{
  for (guint i = 0; i < self->labels->len; i++)
    if (g_str_equal (g_ptr_array_index (self->labels, i), label))
      return (int) i;
  return -1;
}

/* iso-codes' names: its name (unless inverted with a comma), common name and
 * official name, parenthesised parts and a leading "the" dropped */
static gboolean
add_iso_name (AccordsGazetteer *self,
              guint             country,
              const char       *name,
              GError          **error)
{
  g_autoptr(GString) clean = NULL;
  const char *paren;
  Entry entry = { .kind = ENTRY_COUNTRY, .flags = FLAG_FROM_ISO, .country = country };

  if (name == NULL || *name == '\0' || strchr (name, ',') != NULL)
    return TRUE;
  clean = g_string_new (name);
  if ((paren = strchr (clean->str, '(')) != NULL)
    g_string_truncate (clean, paren - clean->str);
  g_strstrip (clean->str);
  if (g_str_has_prefix (clean->str, "the "))
    g_string_erase (clean, 0, 4);
  if (clean->str[0] == '\0')
    return TRUE;
  return add_phrase (self, clean->str, &entry, "iso-codes", error);
}

/* Stop phrases made of a word in templates ("%s-speaking") */
static gboolean
add_templates (AccordsGazetteer   *self,
               const char * const *templates,
               guint               n_templates,
               const char         *word,
               const char         *where,
               GError            **error)
{
  Entry entry = { .kind = ENTRY_STOP };

  for (guint i = 0; i < n_templates; i++)
    {
      const char *hole = strstr (templates[i], "%s");
      g_autofree char *before = g_strndup (templates[i], hole - templates[i]);
      g_autofree char *phrase = g_strconcat (before, word, hole + 2, NULL);

      if (!add_phrase (self, phrase, &entry, where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
context_line (char       **fields,
              guint        n,
              const char  *where,
              gpointer     user_data,
              GError     **error)
{
  AccordsGazetteer *self = user_data;
  int label;

  if (n != 3)
    return fail (error, where, _("expected a label, “for”, “against”, “follows” or “precedes”, and a phrase"));
  label = label_index (self, fields[0]);
  if (label < 0)
    {
      if (self->labels->len >= MAX_LABELS)
        return fail (error, where, _("more than %d context labels"), MAX_LABELS);
      g_ptr_array_add (self->labels, g_strdup (fields[0]));
      label = self->labels->len - 1;
    }

  if (g_str_equal (fields[1], "follows"))
    {
      g_ptr_array_add (self->follows, g_strdup (fields[2]));
      return TRUE;
    }
  if (g_str_equal (fields[1], "precedes"))
    {
      g_ptr_array_add (self->precedes, g_strdup (fields[2]));
      return TRUE;
    }
  if (g_str_equal (fields[1], "for") || g_str_equal (fields[1], "against"))
    {
      Entry entry = { .kind = ENTRY_CUE, .label = label, .cue_for = g_str_equal (fields[1], "for") };
      return add_phrase (self, fields[2], &entry, where, error);
    }
  return fail (error, where, _("“%s” should be “for”, “against”, “follows” or “precedes”"), fields[1]);
}

static gboolean
names_line (char       **fields,
            guint        n,
            const char  *where,
            gpointer     user_data,
            GError     **error)
{
  AccordsGazetteer *self = user_data;
  Entry entry = { .kind = ENTRY_COUNTRY };
  g_auto(GStrv) flags = NULL;

  if (n < 2 || n > 3)
    return fail (error, where, _("expected a country code, a name and optional flags"));
  if (!code_index (self, fields[0], where, &entry.country, error))
    return FALSE;

  flags = g_strsplit (n == 3 ? fields[2] : "", ",", -1);
  for (guint i = 0; flags[i] != NULL; i++)
    {
      const char *flag = g_strstrip (flags[i]);

      if (*flag == '\0')
        continue;
      if (g_str_equal (flag, "given-name"))
        entry.flags |= FLAG_GIVEN_NAME;
      else if (g_str_equal (flag, "surname"))
        entry.flags |= FLAG_SURNAME;
      else if (g_str_equal (flag, "word"))
        entry.flags |= FLAG_WORD;
      else if (g_str_equal (flag, "ambiguous"))
        entry.kind = ENTRY_STOP;
      else if (g_str_has_prefix (flag, "against="))
        {
          int label = label_index (self, flag + strlen ("against="));

          if (label < 0)
            return fail (error, where, _("context.tsv has no cues for “%s”"), flag + strlen ("against="));
          entry.against = label + 1;
        }
      else if (g_str_has_prefix (flag, "otherwise="))
        {
          guint other;

          if (!code_index (self, flag + strlen ("otherwise="), where, &other, error))
            return FALSE;
          entry.otherwise = other + 1;
        }
      else if (g_str_has_prefix (flag, "context="))
        {
          int label = label_index (self, flag + strlen ("context="));

          if (label < 0)
            return fail (error, where, _("context.tsv has no cues for “%s”"), flag + strlen ("context="));
          entry.context = label + 1;
        }
      else
        return fail (error, where, _("unknown flag “%s” (known: given-name, surname, context=LABEL, "
                                     "otherwise=CODE, against=LABEL, word, ambiguous)"), flag);
    }
  if (entry.otherwise != 0 && entry.context == 0)
    return fail (error, where, _("“otherwise” needs a context"));
  if ((entry.flags & FLAG_GIVEN_NAME) && label_index (self, "given-name") < 0)
    return fail (error, where, _("context.tsv lists no words for “given-name”"));
  if ((entry.flags & FLAG_SURNAME) && label_index (self, "surname") < 0)
    return fail (error, where, _("context.tsv lists no words for “surname”"));
  return add_phrase (self, fields[1], &entry, where, error);
}

typedef struct {
  AccordsGazetteer *self;
  guint8           *seen;
} DemonymData;

static gboolean
demonyms_line (char       **fields,
               guint        n,
               const char  *where,
               gpointer     user_data,
               GError     **error)
{
  DemonymData *d = user_data;
  Entry entry = { .kind = ENTRY_COUNTRY };

  if (n < 2)
    return fail (error, where, _("expected a country code and its demonyms (or “-” and why it has none)"));
  if (!code_index (d->self, fields[0], where, &entry.country, error))
    return FALSE;
  if (d->seen[entry.country])
    return fail (error, where, _("%s is listed twice"), fields[0]);
  d->seen[entry.country] = TRUE;

  if (g_str_equal (fields[1], "-"))
    {
      if (n < 3)
        return fail (error, where, _("say why %s has no demonym"), fields[0]);
      return TRUE;
    }
  for (guint i = 1; i < n; i++)
    if (!add_phrase (d->self, fields[i], &entry, where, error) ||
        !add_templates (d->self, cuisine_phrases, G_N_ELEMENTS (cuisine_phrases), fields[i], where, error))
      return FALSE;
  return TRUE;
}

static gboolean
stoplist_line (char       **fields,
               guint        n,
               const char  *where,
               gpointer     user_data,
               GError     **error)
{
  Entry entry = { .kind = ENTRY_STOP };

  if (n != 2)
    return fail (error, where, _("expected a phrase and why it is not the country"));
  return add_phrase (user_data, fields[0], &entry, where, error);
}

static gboolean
languages_line (char       **fields,
                guint        n,
                const char  *where,
                gpointer     user_data,
                GError     **error)
{
  AccordsGazetteer *self = user_data;
  guint32 value;

  if (n != 1)
    return fail (error, where, _("expected one demonym"));
  if (!accords_trie_lookup (self->trie, fields[0], &value) ||
      g_array_index (self->entries, Entry, value).kind != ENTRY_COUNTRY)
    return fail (error, where, _("“%s” is not a demonym of demonyms.tsv"), fields[0]);

  return add_templates (self, language_phrases, G_N_ELEMENTS (language_phrases), fields[0], where, error);
}

static GBytes *
get_data (AccordsGazetteer *self,
          const char       *name)
{
  return g_hash_table_lookup (self->data, name);
}

static gboolean
build (AccordsGazetteer  *self,
       GError           **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *seen = NULL;
  DemonymData demonym_data;
  guint n = accords_iso_codes_get_n_countries (self->iso_codes);

  g_checksum_update (checksum, (const guchar *) RULES_VERSION, -1);
  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    {
      GBytes *bytes = get_data (self, data_files[i]);
      gsize size;
      const guchar *data = g_bytes_get_data (bytes, &size);

      g_checksum_update (checksum, (const guchar *) data_files[i], -1);
      g_checksum_update (checksum, data, size);
    }

  for (guint i = 0; i < n; i++)
    {
      const AccordsIsoCountry *c = accords_iso_codes_get_country (self->iso_codes, i);

      g_ptr_array_add (self->codes, g_strdup (c->alpha2));
      g_hash_table_insert (self->index_of, g_ptr_array_index (self->codes, i), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < n; i++)
    {
      const AccordsIsoCountry *c = accords_iso_codes_get_country (self->iso_codes, i);

      g_checksum_update (checksum, (const guchar *) c->alpha2, -1);
      g_checksum_update (checksum, (const guchar *) c->name, -1);
      if (!add_iso_name (self, i, c->name, error) ||
          !add_iso_name (self, i, c->common_name, error) ||
          !add_iso_name (self, i, c->official_name, error))
        return FALSE;
    }

  seen = g_new0 (guint8, n);
  demonym_data.self = self;
  demonym_data.seen = seen;
  if (!accords_gazetteer_parse_table (get_data (self, "context.tsv"), "context.tsv", context_line, self, error) ||
      !accords_gazetteer_parse_table (get_data (self, "names.tsv"), "names.tsv", names_line, self, error) ||
      !accords_gazetteer_parse_table (get_data (self, "capitals.tsv"), "capitals.tsv", names_line, self, error) ||
      !accords_gazetteer_parse_table (get_data (self, "places.tsv"), "places.tsv", names_line, self, error) ||
      !accords_gazetteer_parse_table (get_data (self, "combining-forms.tsv"), "combining-forms.tsv", names_line, self,
                                      error) ||
      !accords_gazetteer_parse_table (get_data (self, "demonyms.tsv"), "demonyms.tsv", demonyms_line, &demonym_data, error) ||
      !accords_gazetteer_parse_table (get_data (self, "stoplist.tsv"), "stoplist.tsv", stoplist_line, self, error) ||
      !accords_gazetteer_parse_table (get_data (self, "languages.txt"), "languages.txt", languages_line, self, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!seen[i])
      return fail (error, "gazetteer/demonyms.tsv", _("no line for %s (%s)"),
                   (const char *) g_ptr_array_index (self->codes, i),
                   accords_iso_codes_get_country (self->iso_codes, i)->name);

  accords_trie_compile (self->trie);
  self->checksum = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

AccordsGazetteer *
accords_gazetteer_new (AccordsIsoCodes  *iso_codes,
                       GError          **error)
{
  g_autoptr(AccordsGazetteer) self = NULL;

  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (iso_codes), NULL);

  accords_resources_ensure_registered ();
  self = g_object_new (ACCORDS_TYPE_GAZETTEER, NULL);
  self->iso_codes = g_object_ref (iso_codes);
  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_PREFIX, "/gazetteer/", data_files[i], NULL);
      GBytes *bytes = g_resources_lookup_data (path, 0, error);

      if (bytes == NULL)
        return NULL;
      g_hash_table_insert (self->data, g_strdup (data_files[i]), bytes);
    }
  if (!build (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

AccordsGazetteer *
accords_gazetteer_new_from_directory (AccordsIsoCodes  *iso_codes,
                                      GFile            *directory,
                                      GError          **error)
{
  g_autoptr(AccordsGazetteer) self = NULL;

  g_return_val_if_fail (ACCORDS_IS_ISO_CODES (iso_codes), NULL);
  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (ACCORDS_TYPE_GAZETTEER, NULL);
  self->iso_codes = g_object_ref (iso_codes);
  for (guint i = 0; i < G_N_ELEMENTS (data_files); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, data_files[i]);
      g_autoptr(GError) local_error = NULL;
      GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &local_error);

      if (bytes == NULL)
        {
          g_autofree char *path = g_file_get_parse_name (file);

          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("Cannot read the gazetteer file %s: %s"), path, local_error->message);
          return NULL;
        }
      g_hash_table_insert (self->data, g_strdup (data_files[i]), bytes);
    }
  if (!build (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
accords_gazetteer_get_checksum (AccordsGazetteer *self)
{
  g_return_val_if_fail (ACCORDS_IS_GAZETTEER (self), NULL);
  return self->checksum;
}

AccordsIsoCodes *
accords_gazetteer_get_iso_codes (AccordsGazetteer *self)
{
  g_return_val_if_fail (ACCORDS_IS_GAZETTEER (self), NULL);
  return self->iso_codes;
}

guint
accords_gazetteer_get_n_countries (AccordsGazetteer *self)
{
  g_return_val_if_fail (ACCORDS_IS_GAZETTEER (self), 0);
  return self->codes->len;
}

const char *
accords_gazetteer_get_code (AccordsGazetteer *self,
                            guint             index)
{
  g_return_val_if_fail (ACCORDS_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (index < self->codes->len, NULL);
  return g_ptr_array_index (self->codes, index);
}

gboolean
accords_gazetteer_lookup_code (AccordsGazetteer *self,
                               const char       *code,
                               guint            *index)
{
  gpointer found;

  g_return_val_if_fail (ACCORDS_IS_GAZETTEER (self), FALSE);
  if (code == NULL)
    return FALSE;
  found = g_hash_table_lookup (self->index_of, code);
  if (found == NULL)
    return FALSE;
  if (index)
    *index = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

guint
accords_gazetteer_get_n_phrases (AccordsGazetteer *self)
{
  g_return_val_if_fail (ACCORDS_IS_GAZETTEER (self), 0);
  return accords_trie_get_n_phrases (self->trie);
}

GBytes *
accords_gazetteer_get_data (AccordsGazetteer *self,
                            const char       *name)
{
  GBytes *bytes;

  g_return_val_if_fail (ACCORDS_IS_GAZETTEER (self), NULL);
  bytes = get_data (self, name);
  return bytes ? g_bytes_ref (bytes) : NULL;
}

/* Matching rules */

/* "Chad Wolf", "Jordan Bardella": a capitalised name right after it */
static gboolean
followed_by_name (AccordsGazetteer *self,
                  const char       *text,
                  gsize             len,
                  gsize             start,
                  gsize             end)
{
  gsize next_end;
  guint clen, n_letters;
  gunichar c;

  if (end + 1 >= len || text[end] != ' ')
    return FALSE;
  c = accords_text_get_char (text, len, end + 1, &clen);
  if (!accords_text_is_upper (c))
    return FALSE;
  next_end = accords_text_word_at (text, len, end + 1, NULL, &n_letters);
  if (n_letters < 2)
    return FALSE;
  for (guint i = 0; i < self->follows->len; i++)
    {
      const char *word = g_ptr_array_index (self->follows, i);

      if (strlen (word) == next_end - (end + 1) &&
          g_ascii_strncasecmp (word, text + end + 1, next_end - (end + 1)) == 0)
        return FALSE;
    }
  return !accords_text_line_is_title_case (text, len, start, next_end, LINE_WINDOW);
}

/* "Whitney Houston", "Joaquin Phoenix": a capitalised name right before
 * it, other than the words that may come before a place ("North", "In") */
static gboolean
preceded_by_name (AccordsGazetteer *self,
                  const char       *text,
                  gsize             len,
                  gsize             start,
                  gsize             end)
{
  gsize word_start, word_end, before;
  guint clen, n_letters;
  gunichar c;

  if (start < 3 || text[start - 1] != ' ')
    return FALSE;
  word_end = start - 1;
  word_start = word_end;
  while (word_start > 0 && accords_text_is_word_char (accords_text_char_before (text, word_start, &before)))
    word_start = before;
  if (word_start == word_end)
    return FALSE;
  c = accords_text_get_char (text, len, word_start, &clen);
  if (!accords_text_is_upper (c))
    return FALSE;
  accords_text_word_at (text, word_end, word_start, NULL, &n_letters);
  if (n_letters < 2)
    return FALSE;
  for (guint i = 0; i < self->precedes->len; i++)
    {
      const char *word = g_ptr_array_index (self->precedes, i);

      if (strlen (word) == word_end - word_start &&
          g_ascii_strncasecmp (word, text + word_start, word_end - word_start) == 0)
        return FALSE;
    }
  return !accords_text_line_is_title_case (text, len, word_start, end, LINE_WINDOW);
}

static gboolean
has_plain_hit (AccordsGazetteer *self,
               GArray           *raw,
               guint             country)
{
  for (guint i = 0; i < raw->len; i++)
    {
      const RawHit *h = &g_array_index (raw, RawHit, i);
      const Entry *e = &g_array_index (self->entries, Entry, h->entry);

      if (e->country == country && e->context == 0)
        return TRUE;
    }
  return FALSE;
}

static void
reset_scan (AccordsGazetteer     *self,
            AccordsGazetteerScan *scan)
{
  if (scan->n_slots != self->codes->len)
    {
      g_free (scan->slot_of);
      scan->n_slots = self->codes->len;
      scan->slot_of = g_new0 (guint, scan->n_slots);
    }
  else
    {
      for (guint i = 0; i < scan->mentions->len; i++)
        {
          guint index = g_array_index (scan->mentions, Mention, i).pub.index;

          if (index < scan->n_slots)
            scan->slot_of[index] = 0;
        }
    }
  g_array_set_size (scan->raw, 0);
  g_array_set_size (scan->hits, 0);
  g_array_set_size (scan->mentions, 0);
  g_string_truncate (scan->matched, 0);
  scan->cues_for = 0;
  scan->cues_against = 0;
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const Mention *ma = a;
  const Mention *mb = b;

  if (ma->pub.count != mb->pub.count)
    return ma->pub.count > mb->pub.count ? -1 : 1;
  return ma->order < mb->order ? -1 : ma->order > mb->order;
}

void
accords_gazetteer_scan (AccordsGazetteer     *self,
                        AccordsGazetteerScan *scan,
                        const char * const   *texts,
                        guint                 n_texts)
{
  accords_gazetteer_scan_with (self, scan, texts, n_texts, NULL, NULL);
}

void
accords_gazetteer_scan_with (AccordsGazetteer     *self,
                             AccordsGazetteerScan *scan,
                             const char * const   *texts,
                             guint                 n_texts,
                             AccordsTrie          *other,
                             GArray               *other_matches)
{
  AccordsTrie *tries[2];
  GArray *arrays[2];
  guint sentence = 0;

  g_return_if_fail (ACCORDS_IS_GAZETTEER (self));
  g_return_if_fail (scan != NULL);
  g_return_if_fail (texts != NULL || n_texts == 0);
  g_return_if_fail ((other == NULL) == (other_matches == NULL));

  reset_scan (self, scan);
  tries[0] = self->trie;
  tries[1] = other;
  arrays[0] = scan->matches;
  arrays[1] = other_matches;

  for (guint f = 0; f < n_texts; f++)
    {
      const char *text = texts[f];
      gsize len;

      if (text == NULL)
        continue;
      len = strlen (text);
      g_array_set_size (scan->matches, 0);
      sentence = accords_trie_scan_all (tries, arrays, other ? 2 : 1, text, len, f, sentence) + 1;

      for (guint i = 0; i < scan->matches->len; i++)
        {
          const AccordsTrieMatch *m = &g_array_index (scan->matches, AccordsTrieMatch, i);
          const Entry *e = &g_array_index (self->entries, Entry, m->value);
          RawHit raw;

          switch (e->kind)
            {
            case ENTRY_STOP:
              break;

            case ENTRY_CUE:
              if (e->cue_for)
                scan->cues_for |= 1u << e->label;
              else
                scan->cues_against |= 1u << e->label;
              break;

            case ENTRY_COUNTRY:
            default:
              if (e->against != 0)
                scan->cues_against |= 1u << (e->against - 1);
              if ((e->flags & FLAG_WORD) && accords_text_in_capitals (text, len, m->start, m->end))
                break;
              if ((e->flags & FLAG_GIVEN_NAME) && followed_by_name (self, text, len, m->start, m->end))
                break;
              if ((e->flags & FLAG_SURNAME) && preceded_by_name (self, text, len, m->start, m->end))
                break;
              raw.field = f;
              raw.start = m->start;
              raw.end = m->end;
              raw.sentence = m->sentence;
              raw.entry = m->value;
              g_array_append_val (scan->raw, raw);
              break;
            }
        }
    }

  /* Context, then the count and forms of each country */
  for (guint i = 0; i < scan->raw->len; i++)
    {
      const RawHit *h = &g_array_index (scan->raw, RawHit, i);
      const Entry *e = &g_array_index (self->entries, Entry, h->entry);
      guint country = e->country;
      AccordsCountryHit hit;
      Mention *m;
      guint k;

      if (e->context != 0)
        {
          guint32 bit = 1u << (e->context - 1);

          if (!(scan->cues_for & bit) && (scan->cues_against & bit) &&
              !has_plain_hit (self, scan->raw, e->country))
            {
              /* Georgia the state */
              if (e->otherwise == 0)
                continue;
              country = e->otherwise - 1;
            }
        }

      hit.field = h->field;
      hit.start = h->start;
      hit.end = h->end;
      hit.sentence = h->sentence;
      hit.country = country;
      g_array_append_val (scan->hits, hit);

      if (scan->slot_of[country] == 0)
        {
          Mention fresh = { 0 };

          fresh.pub.code = g_ptr_array_index (self->codes, country);
          fresh.pub.index = country;
          fresh.order = scan->hits->len - 1;
          g_array_append_val (scan->mentions, fresh);
          scan->slot_of[country] = scan->mentions->len;
        }
      m = &g_array_index (scan->mentions, Mention, scan->slot_of[country] - 1);
      m->pub.count++;
      for (k = 0; k < m->n_forms; k++)
        if (m->form_entry[k] == h->entry)
          break;
      if (k == m->n_forms && m->n_forms < MAX_FORMS)
        {
          m->form_entry[m->n_forms] = h->entry;
          m->form_hit[m->n_forms] = scan->hits->len - 1;
          m->n_forms++;
        }
    }

  for (guint i = 0; i < scan->mentions->len; i++)
    {
      Mention *m = &g_array_index (scan->mentions, Mention, i);

      m->matched_offset = scan->matched->len;
      for (guint k = 0; k < m->n_forms; k++)
        {
          const AccordsCountryHit *hit = &g_array_index (scan->hits, AccordsCountryHit, m->form_hit[k]);

          if (k > 0)
            g_string_append (scan->matched, ", ");
          g_string_append_len (scan->matched, texts[hit->field] + hit->start, hit->end - hit->start);
        }
      g_string_append_c (scan->matched, '\0');
    }

  g_array_sort (scan->mentions, compare_mentions);
  for (guint i = 0; i < scan->mentions->len; i++)
    {
      Mention *m = &g_array_index (scan->mentions, Mention, i);

      m->pub.matched = scan->matched->str + m->matched_offset;
      scan->slot_of[m->pub.index] = i + 1;
    }
}
