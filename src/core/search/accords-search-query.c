/* accords-search-query.c: what a researcher types, as a safe FTS5 query */
#define G_LOG_DOMAIN "accords-search-query"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-search-query.h"
#include "accords-store-items.h"

/* A prefix shorter than this would match much of the vocabulary (and make
 * FTS5 merge the lists of all those words) */
#define MIN_PREFIX_CHARS 3

typedef enum {
  TOKEN_WORD,
  TOKEN_PHRASE,
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_OR,
  TOKEN_AND,
  TOKEN_NOT,
  TOKEN_TITLE,   /* "title:", which applies to what follows it */
} TokenKind;

typedef struct {
  TokenKind  kind;
  char      *text;     /* words and phrases */
  gboolean   prefix;
} Token;

typedef struct {
  GArray  *tokens;
  guint    pos;
  GString *out;
} Parser;

static void
clear_token (gpointer data)
{
  g_free (((Token *) data)->text);
}

/* Text the tokenizer would find nothing in ("-", "^", "…") is left out */
static gboolean
has_word_chars (const char *text)
{
  for (const char *s = text; *s; s = g_utf8_next_char (s))
    if (g_unichar_isalnum (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

static void
add_token (GArray     *tokens,
           TokenKind   kind,
           const char *text,
           gsize       len,
           gboolean    prefix)
{
  Token token = { kind, text ? g_strndup (text, len) : NULL, prefix };

  if ((kind == TOKEN_WORD || kind == TOKEN_PHRASE) && !has_word_chars (token.text))
    {
      g_free (token.text);
      return;
    }
  g_array_append_val (tokens, token);
}

static gboolean
is_separator (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '(' || c == ')';
}

static void
add_word (GArray     *tokens,
          const char *start,
          gsize       len)
{
  gboolean starred = FALSE;

  static const struct { const char *name; TokenKind kind; } operators[] = {
    { "OR", TOKEN_OR }, { "AND", TOKEN_AND }, { "NOT", TOKEN_NOT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    if (len == strlen (operators[i].name) && strncmp (start, operators[i].name, len) == 0)
      {
        add_token (tokens, operators[i].kind, NULL, 0, FALSE);
        return;
      }
  if (len >= 6 && g_ascii_strncasecmp (start, "title:", 6) == 0)
    {
      add_token (tokens, TOKEN_TITLE, NULL, 0, FALSE);
      start += 6;
      len -= 6;
      if (len == 0)
        return;
    }
  while (len > 0 && start[len - 1] == '*')
    {
      starred = TRUE;
      len--;
    }
  add_token (tokens, TOKEN_WORD, start, len, starred);
}

/* FALSE on an unclosed quote */
static gboolean
tokenize (const char *text,
          GArray     *tokens)
{
  const char *s = text;

  while (*s)
    {
      if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
      else if (*s == '(')
        {
          add_token (tokens, TOKEN_OPEN, NULL, 0, FALSE);
          s++;
        }
      else if (*s == ')')
        {
          add_token (tokens, TOKEN_CLOSE, NULL, 0, FALSE);
          s++;
        }
      else if (*s == '"')
        {
          const char *end = strchr (s + 1, '"');
          gboolean starred;

          if (end == NULL)
            return FALSE;
          starred = end[1] == '*';
          add_token (tokens, TOKEN_PHRASE, s + 1, end - s - 1, starred);
          s = end + 1;
          while (*s == '*')
            s++;
        }
      else
        {
          const char *start = s;

          while (*s && !is_separator (*s))
            s++;
          add_word (tokens, start, s - start);
        }
    }
  return TRUE;
}

/* The last bare word is read as a prefix: the porter stemmer leaves
 * "deportee" as "deporte", so "deport" alone would miss "deportees", and
 * a search typed word by word finds its last word before it is complete.
 * Only the last: every word a prefix would widen a search far beyond what
 * was typed ("art" finding "article" in the middle of a phrase of words). */
static void
mark_last_word_prefix (GArray                  *tokens,
                       AccordsSearchPrefixFunc  needs_prefix,
                       gpointer                 user_data)
{
  for (guint i = tokens->len; i > 0; i--)
    {
      Token *token = &g_array_index (tokens, Token, i - 1);

      if (token->kind == TOKEN_PHRASE)
        return;
      if (token->kind != TOKEN_WORD)
        continue;
      if (g_utf8_strlen (token->text, -1) >= MIN_PREFIX_CHARS && !token->prefix)
        token->prefix = needs_prefix == NULL || needs_prefix (token->text, user_data);
      return;
    }
}

static void
append_quoted (GString    *out,
               const char *text,
               gboolean    prefix)
{
  g_string_append_c (out, '"');
  for (const char *s = text; *s; s++)
    {
      if (*s == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *s);
    }
  g_string_append_c (out, '"');
  if (prefix)
    g_string_append_c (out, '*');
}

static Token *
peek (Parser *p)
{
  return p->pos < p->tokens->len ? &g_array_index (p->tokens, Token, p->pos) : NULL;
}

static gboolean parse_or (Parser *p);

static gboolean
starts_primary (Token *token)
{
  return token != NULL && (token->kind == TOKEN_WORD || token->kind == TOKEN_PHRASE ||
                           token->kind == TOKEN_OPEN || token->kind == TOKEN_TITLE);
}

static gboolean
parse_primary (Parser *p)
{
  Token *token = peek (p);

  if (token == NULL)
    return FALSE;
  if (token->kind == TOKEN_TITLE)
    {
      p->pos++;
      token = peek (p);
      /* title:title:x is title:x */
      if (token != NULL && token->kind == TOKEN_TITLE)
        return parse_primary (p);
      if (token == NULL || !starts_primary (token))
        return FALSE;
      g_string_append (p->out, "title : ");
      return parse_primary (p);
    }
  switch (token->kind)
    {
    case TOKEN_WORD:
    case TOKEN_PHRASE:
      append_quoted (p->out, token->text, token->prefix);
      p->pos++;
      return TRUE;
    case TOKEN_OPEN:
      p->pos++;
      g_string_append_c (p->out, '(');
      if (!parse_or (p))
        return FALSE;
      token = peek (p);
      if (token == NULL || token->kind != TOKEN_CLOSE)
        return FALSE;
      p->pos++;
      g_string_append_c (p->out, ')');
      return TRUE;
    case TOKEN_CLOSE:
    case TOKEN_OR:
    case TOKEN_AND:
    case TOKEN_NOT:
    case TOKEN_TITLE:
    default:
      return FALSE;
    }
}

static gboolean
parse_not (Parser *p)
{
  Token *token;

  if (!parse_primary (p))
    return FALSE;
  while ((token = peek (p)) != NULL && token->kind == TOKEN_NOT)
    {
      p->pos++;
      g_string_append (p->out, " NOT ");
      if (!parse_primary (p))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_and (Parser *p)
{
  Token *token;

  if (!parse_not (p))
    return FALSE;
  for (;;)
    {
      token = peek (p);
      if (token != NULL && token->kind == TOKEN_AND)
        p->pos++;
      else if (!starts_primary (token))
        return TRUE;
      g_string_append (p->out, " AND ");
      if (!parse_not (p))
        return FALSE;
    }
}

static gboolean
parse_or (Parser *p)
{
  Token *token;

  if (!parse_and (p))
    return FALSE;
  while ((token = peek (p)) != NULL && token->kind == TOKEN_OR)
    {
      p->pos++;
      g_string_append (p->out, " OR ");
      if (!parse_and (p))
        return FALSE;
    }
  return TRUE;
}

char *
accords_search_query_translate (const char  *text,
                                GError     **error)
{
  return accords_search_query_translate_full (text, NULL, NULL, error);
}

char *
accords_search_query_translate_full (const char               *text,
                                     AccordsSearchPrefixFunc   needs_prefix,
                                     gpointer                  user_data,
                                     GError                  **error)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GString) out = g_string_new (NULL);
  Parser p = { tokens, 0, out };

  g_return_val_if_fail (text != NULL, NULL);

  g_array_set_clear_func (tokens, clear_token);
  if (!tokenize (text, tokens))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("The search “%s” has a quote that is not closed"), text);
      return NULL;
    }
  if (tokens->len == 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("The search “%s” holds no word to look for"), text);
      return NULL;
    }
  mark_last_word_prefix (tokens, needs_prefix, user_data);
  if (!parse_or (&p) || p.pos != tokens->len)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("The search “%s” cannot be read: an operator lacks a side, or a parenthesis is not closed"),
                   text);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
accords_search_query_to_fts (const char *text)
{
  return accords_search_query_to_fts_full (text, NULL, NULL);
}

char *
accords_search_query_to_fts_full (const char              *text,
                                  AccordsSearchPrefixFunc  needs_prefix,
                                  gpointer                 user_data)
{
  char *fts;

  if (text == NULL)
    return NULL;
  fts = accords_search_query_translate_full (text, needs_prefix, user_data, NULL);
  if (fts != NULL)
    return fts;
  return accords_store_plain_words_query (text);
}
