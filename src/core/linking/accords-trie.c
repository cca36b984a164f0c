/* accords-trie.c: phrases found in text in one pass, on word boundaries, longest first */
#define G_LOG_DOMAIN "accords-trie"

#include "config.h"

#include <string.h>

#include "accords-trie.h"

/* The edges of every node live in one open-addressing table keyed by
 * (node, folded character): a walk costs one probe per character and the
 * whole trie a few flat arrays, whatever the number of phrases. */

#define CHAR_BITS 21
#define MAX_CANDIDATES 8
#define MAX_TRIES 4
#define TRIGRAM_BITS (1 << 16)

#define BIT_SET(bits, i) ((bits)[(i) / 8] |= 1 << ((i) % 8))
#define BIT_TEST(bits, i) (((bits)[(i) / 8] >> ((i) % 8)) & 1)

static inline guint
trigram_of (gunichar a,
            gunichar b,
            gunichar c)
{
  return ((a * 131 + b) * 131 + c) & (TRIGRAM_BITS - 1);
}
#define IGNORED ((gunichar) 0)

typedef struct {
  guint32 value;
  guint8  flags;
  guint8  ends_in_word;  /* the phrase ends with a letter or digit: the text must break there */
  char   *phrase;        /* as written, for EXACT_CASE */
} Terminal;

typedef struct {
  guint32 first_edge;
  guint32 n_edges;
  guint32 terminal;   /* 0, or terminal index + 1 */
} CompiledNode;

typedef struct {
  gunichar c;
  guint32  child;
} CompiledEdge;

struct _AccordsTrie
{
  guint64 *keys;      /* ((node + 1) << CHAR_BITS) | c; 0 is empty */
  guint32 *children;
  guint    capacity;  /* a power of two */
  guint    shift;
  guint    n_edges;
  guint32  root_ascii[128];
  /* Filters that reject most words before any walk: the first two folded
   * ASCII characters of some phrase, the phrases of two characters, and a
   * hash of the first three */
  guint8   bigrams[128 * 128 / 8];
  guint8   short_phrases[128 * 128 / 8];
  guint8   trigrams[TRIGRAM_BITS / 8];
  GArray  *node_terminal;  /* guint32 per node: 0, or terminal index + 1 */
  GArray  *terminals;      /* Terminal */

  /* The compiled form the scans walk: nodes in breadth-first order, each
   * with its edges sorted and side by side, so that the few nodes near the
   * root that every word visits share a handful of cache lines. */
  CompiledNode *nodes;
  CompiledEdge *edges;
  guint32       compiled_root_ascii[128];
};

/* What a byte is, for the scanning loop */
enum {
  BYTE_OTHER,
  BYTE_WORD,       /* ASCII letter or digit */
  BYTE_HIGH,       /* part of a multi-byte character */
  BYTE_STOP,       /* . ! ? */
  BYTE_NEWLINE,
};

static const guint8 byte_class[256] = {
  ['0' ... '9'] = BYTE_WORD,
  ['A' ... 'Z'] = BYTE_WORD,
  ['a' ... 'z'] = BYTE_WORD,
  ['.'] = BYTE_STOP, ['!'] = BYTE_STOP, ['?'] = BYTE_STOP,
  ['\n'] = BYTE_NEWLINE,
  [0x80 ... 0xFF] = BYTE_HIGH,
};

static inline gunichar
fold_ascii (guchar c)
{
  if (c >= 'A' && c <= 'Z')
    return c + ('a' - 'A');
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
    return ' ';
  if (c == '`')
    return '\'';
  return c;
}

gboolean
accords_text_is_word_char (gunichar c)
{
  if (c < 0x80)
    return byte_class[c] == BYTE_WORD;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

gunichar
accords_text_get_char (const char *text,
                       gsize       len,
                       gsize       pos,
                       guint      *char_len)
{
  guchar b = (guchar) text[pos];
  gunichar c;

  if (b < 0x80)
    {
      *char_len = 1;
      return b;
    }
  c = g_utf8_get_char_validated (text + pos, len - pos);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *char_len = 1;
      return 0xFFFD;
    }
  *char_len = g_utf8_skip[b];
  return c;
}

/* What a character is compared as: lower case, without diacritics; every
 * space one space; typographic apostrophes and dashes the ASCII ones;
 * IGNORED for marks and invisible characters. */
static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    return fold_ascii (c);

  switch (c)
    {
    case 0x00A0: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
    case 0x200A: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return ' ';
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032: case 0x00B4:
      return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE63: case 0xFF0D:
      return '-';
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
      return IGNORED;
    case 0x0131: /* dotless i */
      return 'i';
    case 0x0141: case 0x0142:
      return 'l';
    case 0x0110: case 0x0111:
      return 'd';
    case 0x00D8: case 0x00F8:
      return 'o';
    default:
      break;
    }

  if (g_unichar_ismark (c))
    return IGNORED;
  c = g_unichar_tolower (c);
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 1 && !g_unichar_ismark (decomposed[0]))
    return decomposed[0];
  return c;
}

static void
terminal_clear (gpointer data)
{
  Terminal *t = data;

  g_free (t->phrase);
}

AccordsTrie *
accords_trie_new (void)
{
  AccordsTrie *self = g_new0 (AccordsTrie, 1);
  guint32 none = 0;

  self->capacity = 1024;
  self->shift = 64 - 10;
  self->keys = g_new0 (guint64, self->capacity);
  self->children = g_new0 (guint32, self->capacity);
  self->node_terminal = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (self->node_terminal, none);  /* the root */
  self->terminals = g_array_new (FALSE, TRUE, sizeof (Terminal));
  g_array_set_clear_func (self->terminals, terminal_clear);
  return self;
}

void
accords_trie_free (AccordsTrie *self)
{
  if (self == NULL)
    return;
  g_free (self->keys);
  g_free (self->children);
  g_array_unref (self->node_terminal);
  g_array_unref (self->terminals);
  g_free (self->nodes);
  g_free (self->edges);
  g_free (self);
}

static inline guint
slot_of (AccordsTrie *self,
         guint64      key)
{
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> self->shift);
}

static inline guint32
child_of (AccordsTrie *self,
          guint32      node,
          gunichar     c)
{
  guint64 key;
  guint mask, i;

  if (node == 0 && c < 128)
    return self->root_ascii[c];

  key = ((guint64) (node + 1) << CHAR_BITS) | c;
  mask = self->capacity - 1;
  for (i = slot_of (self, key); self->keys[i] != 0; i = (i + 1) & mask)
    if (self->keys[i] == key)
      return self->children[i];
  return 0;
}

static void
put_edge (AccordsTrie *self,
          guint64      key,
          guint32      child)
{
  guint mask = self->capacity - 1;
  guint i;

  for (i = slot_of (self, key); self->keys[i] != 0; i = (i + 1) & mask)
    ;
  self->keys[i] = key;
  self->children[i] = child;
}

static void
grow (AccordsTrie *self)
{
  guint64 *old_keys = self->keys;
  guint32 *old_children = self->children;
  guint old_capacity = self->capacity;

  self->capacity *= 2;
  self->shift -= 1;
  self->keys = g_new0 (guint64, self->capacity);
  self->children = g_new0 (guint32, self->capacity);
  for (guint i = 0; i < old_capacity; i++)
    if (old_keys[i] != 0)
      put_edge (self, old_keys[i], old_children[i]);
  g_free (old_keys);
  g_free (old_children);
}

static guint32
add_child (AccordsTrie *self,
           guint32      node,
           gunichar     c)
{
  guint32 child = self->node_terminal->len;
  guint32 none = 0;

  g_array_append_val (self->node_terminal, none);
  if (node == 0 && c < 128)
    {
      self->root_ascii[c] = child;
      return child;
    }
  if ((self->n_edges + 1) * 2 > self->capacity)
    grow (self);
  put_edge (self, ((guint64) (node + 1) << CHAR_BITS) | c, child);
  self->n_edges++;
  return child;
}

/* The folded characters of a phrase, spaces collapsed and trimmed; FALSE
 * when it holds no letter or digit. */
static gboolean
fold_phrase (const char *phrase,
             GArray     *out,
             gunichar   *last_char)
{
  gsize len = strlen (phrase);
  gboolean has_word = FALSE;
  gunichar last = ' ';

  *last_char = 0;
  for (gsize p = 0; p < len;)
    {
      guint clen;
      gunichar c = accords_text_get_char (phrase, len, p, &clen);
      gunichar f = fold_char (c);

      p += clen;
      if (f == IGNORED || (f == ' ' && last == ' '))
        continue;
      if (accords_text_is_word_char (c))
        has_word = TRUE;
      g_array_append_val (out, f);
      last = f;
      *last_char = c;
    }
  if (out->len > 0 && last == ' ')
    g_array_set_size (out, out->len - 1);
  return has_word;
}

AccordsTrieFlags
accords_trie_flags_for (const char *phrase)
{
  AccordsTrieFlags flags = 0;
  guint n_letters = 0, n_lower = 0;
  gboolean first = TRUE;

  g_return_val_if_fail (phrase != NULL, 0);

  for (const char *s = phrase; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (!g_unichar_isalpha (c))
        {
          if (g_unichar_isdigit (c))
            first = FALSE;
          continue;
        }
      if (first && (g_unichar_isupper (c) || g_unichar_istitle (c)))
        flags |= ACCORDS_TRIE_CAPITALIZED;
      first = FALSE;
      n_letters++;
      if (g_unichar_islower (c))
        n_lower++;
    }
  if (n_letters >= 2 && n_lower == 0)
    flags |= ACCORDS_TRIE_EXACT_CASE | ACCORDS_TRIE_CAPITALIZED;
  return flags;
}

gboolean
accords_trie_add (AccordsTrie      *self,
                  const char       *phrase,
                  guint32           value,
                  AccordsTrieFlags  flags,
                  gboolean         *had_value,
                  guint32          *replaced)
{
  g_autoptr(GArray) folded = g_array_new (FALSE, FALSE, sizeof (gunichar));
  gunichar last_char;
  guint32 node = 0;
  guint32 *slot;
  Terminal *t;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  if (had_value)
    *had_value = FALSE;
  if (!fold_phrase (phrase, folded, &last_char))
    return FALSE;
  g_clear_pointer (&self->nodes, g_free);
  g_clear_pointer (&self->edges, g_free);

  for (guint i = 0; i < folded->len; i++)
    {
      gunichar c = g_array_index (folded, gunichar, i);
      guint32 child = child_of (self, node, c);

      node = child ? child : add_child (self, node, c);
    }
  if (folded->len >= 2)
    {
      gunichar c0 = g_array_index (folded, gunichar, 0);
      gunichar c1 = g_array_index (folded, gunichar, 1);

      if (c0 < 128 && c1 < 128)
        {
          BIT_SET (self->bigrams, c0 * 128 + c1);
          if (folded->len == 2)
            BIT_SET (self->short_phrases, c0 * 128 + c1);
          else
            BIT_SET (self->trigrams, trigram_of (c0, c1, g_array_index (folded, gunichar, 2)));
        }
    }

  slot = &g_array_index (self->node_terminal, guint32, node);
  if (*slot != 0)
    {
      t = &g_array_index (self->terminals, Terminal, *slot - 1);
      if (had_value)
        *had_value = TRUE;
      if (replaced)
        *replaced = t->value;
      g_free (t->phrase);
    }
  else
    {
      g_array_set_size (self->terminals, self->terminals->len + 1);
      *slot = self->terminals->len;
      t = &g_array_index (self->terminals, Terminal, *slot - 1);
    }
  t->value = value;
  t->flags = flags;
  t->ends_in_word = accords_text_is_word_char (last_char);
  t->phrase = g_strdup (phrase);
  return TRUE;
}

gboolean
accords_trie_lookup (AccordsTrie *self,
                     const char  *phrase,
                     guint32     *value)
{
  g_autoptr(GArray) folded = g_array_new (FALSE, FALSE, sizeof (gunichar));
  gunichar last_char;
  guint32 node = 0, t;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!fold_phrase (phrase, folded, &last_char))
    return FALSE;
  for (guint i = 0; i < folded->len && (i == 0 || node != 0); i++)
    node = child_of (self, node, g_array_index (folded, gunichar, i));
  if (node == 0)
    return FALSE;
  t = g_array_index (self->node_terminal, guint32, node);
  if (t == 0)
    return FALSE;
  if (value)
    *value = g_array_index (self->terminals, Terminal, t - 1).value;
  return TRUE;
}

guint
accords_trie_get_n_phrases (AccordsTrie *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->terminals->len;
}

typedef struct {
  gunichar c;
  guint32  child;
} BuildEdge;

static int
compare_build_edges (gconstpointer a,
                     gconstpointer b)
{
  const BuildEdge *ea = a;
  const BuildEdge *eb = b;

  return ea->c < eb->c ? -1 : ea->c > eb->c;
}

void
accords_trie_compile (AccordsTrie *self)
{
  guint n_nodes, n_edges = 0, head = 0, tail = 1;
  g_autofree guint32 *first = NULL;
  g_autofree guint32 *count = NULL;
  g_autofree guint32 *order = NULL;   /* breadth-first position -> old node */
  g_autofree guint32 *renumber = NULL;
  g_autofree BuildEdge *all = NULL;
  g_autofree guint32 *fill = NULL;

  g_return_if_fail (self != NULL);

  if (self->nodes != NULL)
    return;

  n_nodes = self->node_terminal->len;
  first = g_new0 (guint32, n_nodes + 1);
  count = g_new0 (guint32, n_nodes);
  fill = g_new0 (guint32, n_nodes);

  /* the edges of each node, grouped by parent */
  for (guint c = 0; c < 128; c++)
    if (self->root_ascii[c])
      count[0]++;
  for (guint i = 0; i < self->capacity; i++)
    if (self->keys[i] != 0)
      count[(self->keys[i] >> CHAR_BITS) - 1]++;
  for (guint n = 0; n < n_nodes; n++)
    {
      first[n + 1] = first[n] + count[n];
      n_edges += count[n];
    }
  all = g_new (BuildEdge, MAX (n_edges, 1));
  for (guint c = 0; c < 128; c++)
    if (self->root_ascii[c])
      {
        all[first[0] + fill[0]].c = c;
        all[first[0] + fill[0]].child = self->root_ascii[c];
        fill[0]++;
      }
  for (guint i = 0; i < self->capacity; i++)
    if (self->keys[i] != 0)
      {
        guint32 parent = (self->keys[i] >> CHAR_BITS) - 1;

        all[first[parent] + fill[parent]].c = self->keys[i] & ((1 << CHAR_BITS) - 1);
        all[first[parent] + fill[parent]].child = self->children[i];
        fill[parent]++;
      }
  for (guint n = 0; n < n_nodes; n++)
    qsort (all + first[n], count[n], sizeof (BuildEdge), compare_build_edges);

  /* breadth-first numbering */
  order = g_new (guint32, n_nodes);
  renumber = g_new (guint32, n_nodes);
  order[0] = 0;
  renumber[0] = 0;
  while (head < tail)
    {
      guint32 old = order[head++];

      for (guint k = 0; k < count[old]; k++)
        {
          guint32 child = all[first[old] + k].child;

          renumber[child] = tail;
          order[tail++] = child;
        }
    }

  self->nodes = g_new0 (CompiledNode, n_nodes);
  self->edges = g_new (CompiledEdge, MAX (n_edges, 1));
  n_edges = 0;
  for (guint i = 0; i < n_nodes; i++)
    {
      guint32 old = order[i];
      CompiledNode *node = &self->nodes[i];

      node->first_edge = n_edges;
      node->n_edges = count[old];
      node->terminal = g_array_index (self->node_terminal, guint32, old);
      for (guint k = 0; k < count[old]; k++)
        {
          self->edges[n_edges].c = all[first[old] + k].c;
          self->edges[n_edges].child = renumber[all[first[old] + k].child];
          n_edges++;
        }
    }
  for (guint c = 0; c < 128; c++)
    self->compiled_root_ascii[c] = self->root_ascii[c] ? renumber[self->root_ascii[c]] : 0;
}

static inline guint32
compiled_child (const AccordsTrie *self,
                guint32            node,
                gunichar           c)
{
  const CompiledNode *n;
  const CompiledEdge *e, *end;

  if (node == 0 && c < 128)
    return self->compiled_root_ascii[c];
  n = &self->nodes[node];
  e = self->edges + n->first_edge;
  end = e + n->n_edges;
  for (; e < end && e->c <= c; e++)
    if (e->c == c)
      return e->child;
  return 0;
}

static gboolean
is_upper_at (const char *text,
             gsize       len,
             gsize       pos)
{
  guint clen;
  gunichar c = accords_text_get_char (text, len, pos, &clen);

  if (c < 0x80)
    return c >= 'A' && c <= 'Z';
  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

/* Letters of text[start, end) have the case of the phrase's letters */
static gboolean
same_case (const char *text,
           gsize       start,
           gsize       end,
           const char *phrase)
{
  const char *s = phrase;
  gsize p = start;

  for (;;)
    {
      gunichar cs = 0, ct = 0;
      guint clen;

      while (*s && !g_unichar_isalpha (cs = g_utf8_get_char (s)))
        s = g_utf8_next_char (s);
      while (p < end && !g_unichar_isalpha (ct = accords_text_get_char (text, end, p, &clen)))
        p += clen;
      if (*s == '\0' || p >= end)
        return *s == '\0' && p >= end;
      if ((g_unichar_isupper (cs) != 0) != (g_unichar_isupper (ct) != 0))
        return FALSE;
      s = g_utf8_next_char (s);
      accords_text_get_char (text, end, p, &clen);
      p += clen;
    }
}

/* The longest phrase starting at the word at pos that fits its flags */
static gboolean
match_at (AccordsTrie *self,
          const char  *text,
          gsize        len,
          gsize        pos,
          gsize       *match_end,
          guint32     *value)
{
  struct { guint32 terminal; gsize end; } candidates[MAX_CANDIDATES];
  guint n_candidates = 0;
  guint32 node = 0;
  gunichar last = 0;
  gsize q = pos;

  /* Most words start no phrase: two table lookups say so */
  if (pos + 1 < len && (guchar) text[pos] < 0x80 && (guchar) text[pos + 1] < 0x80)
    {
      gunichar f0 = fold_ascii ((guchar) text[pos]);
      gunichar f1 = fold_ascii ((guchar) text[pos + 1]);
      guint32 first = self->compiled_root_ascii[f0];

      if (first == 0)
        return FALSE;
      if (self->nodes[first].terminal == 0)
        {
          if (!BIT_TEST (self->bigrams, f0 * 128 + f1))
            return FALSE;
          if (pos + 2 < len && (guchar) text[pos + 2] < 0x80 &&
              !BIT_TEST (self->short_phrases, f0 * 128 + f1) &&
              !BIT_TEST (self->trigrams, trigram_of (f0, f1, fold_ascii ((guchar) text[pos + 2]))))
            return FALSE;
        }
    }

  while (q < len)
    {
      guint clen;
      guchar b = (guchar) text[q];
      gunichar c, f;
      guint32 child, t;

      if (b < 0x80)
        {
          c = b;
          clen = 1;
          f = fold_ascii (b);
        }
      else
        {
          c = accords_text_get_char (text, len, q, &clen);
          f = fold_char (c);
        }

      if (f == IGNORED || (f == ' ' && last == ' '))
        {
          q += clen;
          continue;
        }
      child = compiled_child (self, node, f);
      if (child == 0)
        break;
      node = child;
      q += clen;
      last = f;
      t = self->nodes[node].terminal;
      if (t != 0)
        {
          candidates[n_candidates % MAX_CANDIDATES].terminal = t - 1;
          candidates[n_candidates % MAX_CANDIDATES].end = q;
          n_candidates++;
        }
    }

  for (guint k = 0; k < MIN (n_candidates, MAX_CANDIDATES); k++)
    {
      guint i = (n_candidates - 1 - k) % MAX_CANDIDATES;
      const Terminal *t = &g_array_index (self->terminals, Terminal, candidates[i].terminal);
      gsize end = candidates[i].end;
      guint clen;

      if (t->flags & ACCORDS_TRIE_PREFIX)
        {
          while (end < len && accords_text_is_word_char (accords_text_get_char (text, len, end, &clen)))
            end += clen;
        }
      else if (t->ends_in_word && end < len &&
               accords_text_is_word_char (accords_text_get_char (text, len, end, &clen)))
        continue;
      if ((t->flags & ACCORDS_TRIE_CAPITALIZED) && !is_upper_at (text, len, pos))
        continue;
      if ((t->flags & ACCORDS_TRIE_EXACT_CASE) && !same_case (text, pos, end, t->phrase))
        continue;
      *match_end = end;
      *value = t->value;
      return TRUE;
    }
  return FALSE;
}

/* Abbreviations whose full stop does not end a sentence */
static gboolean
is_abbreviation (const char *word,
                 gsize       len)
{
  static const char * const abbreviations[] = {
    "Capt", "Col", "Dr", "Gen", "Gov", "Jr", "Lt", "Mr", "Mrs", "Ms", "No", "Prof",
    "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "vs",
  };

  if (len == 1)
    return TRUE;  /* initials, U.S. */
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strlen (abbreviations[i]) == len && strncmp (abbreviations[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

/* A sentence ends at text[pos]: a new line, or a full stop, question or
 * exclamation mark before a space, a closing quote or the end.  Decided
 * from the text alone, so that every trie numbers sentences alike. */
static gboolean
ends_sentence (const char *text,
               gsize       len,
               gsize       pos)
{
  char c = text[pos];
  gsize next = pos + 1;
  gsize word_start;

  if (c == '\n')
    return TRUE;
  if (c != '.' && c != '!' && c != '?')
    return FALSE;
  while (next < len && (text[next] == '"' || text[next] == '\'' || text[next] == ')' ||
                        (next + 2 < len && (guchar) text[next] == 0xE2 && (guchar) text[next + 1] == 0x80 &&
                         ((guchar) text[next + 2] == 0x9D || (guchar) text[next + 2] == 0x99))))
    next += (guchar) text[next] == 0xE2 ? 3 : 1;
  if (next < len && text[next] != ' ' && text[next] != '\n' && text[next] != '\t' && text[next] != '\r')
    return FALSE;
  if (c != '.')
    return TRUE;
  word_start = pos;
  while (word_start > 0 && g_ascii_isalpha (text[word_start - 1]))
    word_start--;
  return !is_abbreviation (text + word_start, pos - word_start);
}

guint
accords_trie_scan_all (AccordsTrie * const *tries,
                       GArray * const      *matches,
                       guint                n_tries,
                       const char          *text,
                       gsize                len,
                       guint32              field,
                       guint                sentence)
{
  gsize next[MAX_TRIES] = { 0 };
  gboolean prev_word = FALSE;
  gsize p = 0;

  g_return_val_if_fail (n_tries <= MAX_TRIES, sentence);
  for (guint t = 0; t < n_tries; t++)
    {
      g_return_val_if_fail (tries[t] != NULL && tries[t]->nodes != NULL, sentence);
      g_return_val_if_fail (matches[t] != NULL, sentence);
    }

  if (text == NULL)
    return sentence;
  len = MIN (len, G_MAXUINT32);

  while (p < len)
    {
      guchar b = (guchar) text[p];
      gboolean word;
      guint clen = 1;

      switch (byte_class[b])
        {
        case BYTE_WORD:
          word = TRUE;
          break;
        case BYTE_HIGH:
          word = accords_text_is_word_char (accords_text_get_char (text, len, p, &clen));
          break;
        case BYTE_STOP:
          if (ends_sentence (text, len, p))
            sentence++;
          prev_word = FALSE;
          p++;
          continue;
        case BYTE_NEWLINE:
          sentence++;
          prev_word = FALSE;
          p++;
          continue;
        default:
          prev_word = FALSE;
          p++;
          continue;
        }

      if (word && !prev_word)
        for (guint t = 0; t < n_tries; t++)
          {
            gsize end;
            guint32 value;

            if (p >= next[t] && match_at (tries[t], text, len, p, &end, &value))
              {
                AccordsTrieMatch m = { (guint32) p, (guint32) end, value, sentence, field };

                g_array_append_val (matches[t], m);
                next[t] = end;
              }
          }
      prev_word = word;
      p += clen;
      /* the rest of an ASCII word starts nothing */
      if (word)
        while (p < len && byte_class[(guchar) text[p]] == BYTE_WORD)
          p++;
    }
  return sentence;
}

guint
accords_trie_scan (AccordsTrie *self,
                   const char  *text,
                   gsize        len,
                   guint        sentence,
                   GArray      *matches)
{
  return accords_trie_scan_all (&self, &matches, 1, text, len, 0, sentence);
}
