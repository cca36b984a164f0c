/* accords-html-sanitizer.c: the allow-listed HTML subset of feed summaries, and their plain text */
#define G_LOG_DOMAIN "accords-html-sanitizer"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "accords-html-sanitizer.h"

/* Deeper markup is flattened to its text: it bounds the stack, and no
 * article needs more. */
#define MAX_OPEN_ELEMENTS 64
#define MAX_NAME 16

typedef enum {
  EL_KEEP      = 1 << 0,   /* the element is kept */
  EL_DROP_ALL  = 1 << 1,   /* the element and everything in it are dropped */
  EL_VOID      = 1 << 2,   /* no content, no end tag */
  EL_RAW       = 1 << 3,   /* content is raw text up to the end tag */
  EL_BLOCK     = 1 << 4,   /* a line of its own in the plain text */
  EL_CELL      = 1 << 5,   /* separated by a space in the plain text */
} ElementFlags;

typedef struct {
  const char *name;
  guint       flags;
} Element;

/* Sorted by name for bsearch */
static const Element elements[] = {
  { "a", EL_KEEP },
  { "abbr", EL_KEEP },
  { "acronym", EL_KEEP },
  { "address", EL_KEEP | EL_BLOCK },
  { "applet", 0 },
  { "area", EL_VOID },
  { "article", EL_KEEP | EL_BLOCK },
  { "aside", EL_KEEP | EL_BLOCK },
  { "audio", 0 },
  { "b", EL_KEEP },
  { "base", EL_VOID },
  { "basefont", EL_VOID },
  { "bdi", EL_KEEP },
  { "bdo", EL_KEEP },
  { "bgsound", EL_VOID },
  { "big", EL_KEEP },
  { "blockquote", EL_KEEP | EL_BLOCK },
  { "br", EL_KEEP | EL_VOID | EL_BLOCK },
  { "button", 0 },
  { "canvas", 0 },
  { "caption", EL_KEEP | EL_BLOCK },
  { "center", EL_KEEP | EL_BLOCK },
  { "cite", EL_KEEP },
  { "code", EL_KEEP },
  { "col", EL_KEEP | EL_VOID },
  { "colgroup", EL_KEEP },
  { "command", EL_VOID },
  { "dd", EL_KEEP | EL_BLOCK },
  { "del", EL_KEEP },
  { "details", EL_KEEP | EL_BLOCK },
  { "dfn", EL_KEEP },
  { "dialog", 0 },
  { "dir", EL_KEEP | EL_BLOCK },
  { "div", EL_KEEP | EL_BLOCK },
  { "dl", EL_KEEP | EL_BLOCK },
  { "dt", EL_KEEP | EL_BLOCK },
  { "em", EL_KEEP },
  { "embed", EL_VOID },
  { "fieldset", EL_BLOCK },
  { "figcaption", EL_KEEP | EL_BLOCK },
  { "figure", EL_KEEP | EL_BLOCK },
  { "font", EL_KEEP },
  { "footer", EL_KEEP | EL_BLOCK },
  { "form", EL_BLOCK },
  { "frame", EL_VOID },
  { "frameset", 0 },
  { "h1", EL_KEEP | EL_BLOCK },
  { "h2", EL_KEEP | EL_BLOCK },
  { "h3", EL_KEEP | EL_BLOCK },
  { "h4", EL_KEEP | EL_BLOCK },
  { "h5", EL_KEEP | EL_BLOCK },
  { "h6", EL_KEEP | EL_BLOCK },
  { "head", 0 },
  { "header", EL_KEEP | EL_BLOCK },
  { "hr", EL_KEEP | EL_VOID | EL_BLOCK },
  { "i", EL_KEEP },
  { "iframe", 0 },
  { "img", EL_KEEP | EL_VOID },
  { "input", EL_VOID },
  { "ins", EL_KEEP },
  { "isindex", EL_VOID },
  { "kbd", EL_KEEP },
  { "keygen", EL_VOID },
  { "label", 0 },
  { "legend", EL_BLOCK },
  { "li", EL_KEEP | EL_BLOCK },
  { "link", EL_VOID },
  { "main", EL_KEEP | EL_BLOCK },
  { "map", 0 },
  { "mark", EL_KEEP },
  { "math", EL_DROP_ALL },
  { "meta", EL_VOID },
  { "nav", EL_KEEP | EL_BLOCK },
  { "noembed", 0 },
  { "noframes", 0 },
  { "noscript", 0 },
  { "object", 0 },
  { "ol", EL_KEEP | EL_BLOCK },
  { "optgroup", 0 },
  { "option", 0 },
  { "p", EL_KEEP | EL_BLOCK },
  { "param", EL_VOID },
  { "plaintext", 0 },
  { "pre", EL_KEEP | EL_BLOCK },
  { "q", EL_KEEP },
  { "rp", EL_KEEP },
  { "rt", EL_KEEP },
  { "ruby", EL_KEEP },
  { "s", EL_KEEP },
  { "samp", EL_KEEP },
  { "script", EL_DROP_ALL | EL_RAW },
  { "section", EL_KEEP | EL_BLOCK },
  { "select", 0 },
  { "small", EL_KEEP },
  { "source", EL_VOID },
  { "span", EL_KEEP },
  { "strike", EL_KEEP },
  { "strong", EL_KEEP },
  { "style", EL_DROP_ALL | EL_RAW },
  { "sub", EL_KEEP },
  { "summary", EL_KEEP | EL_BLOCK },
  { "sup", EL_KEEP },
  { "svg", EL_DROP_ALL },
  { "table", EL_KEEP | EL_BLOCK },
  { "tbody", EL_KEEP },
  { "td", EL_KEEP | EL_CELL },
  { "template", 0 },
  { "textarea", 0 },
  { "tfoot", EL_KEEP },
  { "th", EL_KEEP | EL_CELL },
  { "thead", EL_KEEP },
  { "time", EL_KEEP },
  { "title", 0 },
  { "tr", EL_KEEP | EL_BLOCK },
  { "track", EL_VOID },
  { "tt", EL_KEEP },
  { "u", EL_KEEP },
  { "ul", EL_KEEP | EL_BLOCK },
  { "var", EL_KEEP },
  { "video", 0 },
  { "wbr", EL_KEEP | EL_VOID },
  { "xmp", 0 },
};

/* Attributes kept on kept elements; URL ones are checked */
static const char * const safe_attributes[] = {
  "abbr", "align", "alt", "axis", "bgcolor", "border", "cellpadding", "cellspacing",
  "char", "charoff", "cite", "clear", "color", "cols", "colspan", "compact", "datetime",
  "dir", "face", "frame", "headers", "height", "href", "hreflang", "hspace", "lang",
  "noshade", "nowrap", "rows", "rowspan", "rules", "scope", "size", "span", "src",
  "start", "summary", "title", "type", "valign", "vspace", "width",
};

static int
compare_element (const void *key,
                 const void *member)
{
  return strcmp (key, ((const Element *) member)->name);
}

static int
compare_string (const void *key,
                const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

static const Element *
lookup_element (const char *name)
{
  return bsearch (name, elements, G_N_ELEMENTS (elements), sizeof elements[0], compare_element);
}

static gboolean
is_safe_attribute (const char *name)
{
  return bsearch (name, safe_attributes, G_N_ELEMENTS (safe_attributes),
                  sizeof safe_attributes[0], compare_string) != NULL;
}

static gboolean
is_url_attribute (const char *name)
{
  return strcmp (name, "href") == 0 || strcmp (name, "src") == 0 || strcmp (name, "cite") == 0;
}

/* windows-1252 for the C1 range, as every browser reads &#146; */
static const gunichar cp1252[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static gunichar
fix_codepoint (gunichar c)
{
  if (c >= 0x80 && c <= 0x9F)
    return cp1252[c - 0x80];
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return 0xFFFD;
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
    return 0xFFFD;
  return c;
}

/* Decodes the character reference at p (just after '&'); returns the
 * number of bytes consumed after the '&', 0 when it is not one. */
static gsize
decode_reference (const char *p,
                  const char *end,
                  gunichar   *out)
{
  const char *s = p;

  if (s < end && *s == '#')
    {
      gunichar c = 0;
      gboolean hex = FALSE, any = FALSE;

      s++;
      if (s < end && (*s == 'x' || *s == 'X'))
        {
          hex = TRUE;
          s++;
        }
      while (s < end && (hex ? g_ascii_isxdigit (*s) : g_ascii_isdigit (*s)))
        {
          if (c < 0x110000)
            c = c * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*s) : *s - '0');
          s++;
          any = TRUE;
        }
      if (!any)
        return 0;
      if (s < end && *s == ';')
        s++;
      *out = fix_codepoint (c);
      return s - p;
    }
  else
    {
      char name[MAX_NAME * 2];
      gsize n = 0;
      const htmlEntityDesc *entity;

      while (s < end && g_ascii_isalnum (*s) && n < sizeof name - 1)
        name[n++] = *s++;
      name[n] = '\0';
      if (n == 0 || s >= end || *s != ';')
        return 0;
      s++;
      if (strcmp (name, "apos") == 0)
        {
          *out = '\'';
          return s - p;
        }
      entity = htmlEntityLookup ((const xmlChar *) name);
      if (entity == NULL)
        return 0;
      *out = fix_codepoint (entity->value);
      return s - p;
    }
}

/* The plain-text writer: folds white space, puts blocks on their own lines */
typedef struct {
  GString  *out;
  gboolean  block_lines;
  gboolean  pending_space;
  gboolean  pending_line;
  gboolean  at_start;
} TextWriter;

static void
text_break (TextWriter *w,
            gboolean    line)
{
  if (w->out == NULL)
    return;
  if (line && w->block_lines)
    w->pending_line = TRUE;
  else
    w->pending_space = TRUE;
}

static const guint8 ascii_space[256] = {
  [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1,
};

static void
text_append (TextWriter *w,
             const char *s,
             gsize       len)
{
  const guchar *p = (const guchar *) s, *end = p + len;
  gsize old;
  char *o;

  if (w->out == NULL || len == 0)
    return;

  /* At most one separator and the text itself */
  old = w->out->len;
  g_string_set_size (w->out, old + len + 1);
  o = w->out->str + old;
  for (; p < end; p++)
    {
      if (ascii_space[*p])
        {
          w->pending_space = TRUE;
          continue;
        }
      if (w->pending_space || w->pending_line)
        {
          if (!w->at_start)
            *o++ = w->pending_line ? '\n' : ' ';
          w->pending_line = w->pending_space = FALSE;
        }
      w->at_start = FALSE;
      *o++ = (char) *p;
    }
  g_string_truncate (w->out, o - w->out->str);
}

static void
text_append_unichar (TextWriter *w,
                     gunichar    c)
{
  char buf[8];
  int n = g_unichar_to_utf8 (c, buf);

  text_append (w, buf, n);
}

static const guint8 html_special[256] = {
  ['&'] = 1, ['<'] = 2, ['>'] = 3, ['"'] = 4,
};

void
accords_html_escape (GString    *out,
                     const char *text,
                     gsize       len)
{
  static const char * const replacements[] = { NULL, "&amp;", "&lt;", "&gt;", "&quot;" };
  const guchar *s = (const guchar *) text, *end = s + len, *run = s;

  for (; s < end; s++)
    {
      guint8 kind = html_special[*s];

      if (kind == 0)
        continue;
      g_string_append_len (out, (const char *) run, s - run);
      g_string_append (out, replacements[kind]);
      run = s + 1;
    }
  g_string_append_len (out, (const char *) run, end - run);
}

/* Text with character references decoded, into html (escaped) and text */
static void
emit_text (const char *s,
           const char *end,
           GString    *html,
           TextWriter *text)
{
  while (s < end)
    {
      const char *amp = memchr (s, '&', end - s);
      const char *stop = amp ? amp : end;

      if (stop > s)
        {
          if (html)
            accords_html_escape (html, s, stop - s);
          text_append (text, s, stop - s);
        }
      if (amp == NULL)
        break;
      {
        gunichar c;
        gsize n = decode_reference (amp + 1, end, &c);

        if (n == 0)
          {
            if (html)
              g_string_append (html, "&amp;");
            text_append (text, "&", 1);
            s = amp + 1;
          }
        else
          {
            char buf[8];
            int k = g_unichar_to_utf8 (c, buf);

            if (html)
              accords_html_escape (html, buf, k);
            if (c == 0xA0)
              text_append (text, " ", 1);
            else
              text_append_unichar (text, c);
            s = amp + 1 + n;
          }
      }
    }
}

static char *
decode_attribute (const char *s,
                  gsize       len)
{
  GString *out = g_string_sized_new (len);
  const char *end = s + len;

  while (s < end)
    {
      gunichar c;
      gsize n;

      if (*s != '&' || (n = decode_reference (s + 1, end, &c)) == 0)
        {
          g_string_append_c (out, *s++);
          continue;
        }
      g_string_append_unichar (out, c);
      s += 1 + n;
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *scheme;    gsize scheme_len;
  const char *authority; gsize authority_len; gboolean has_authority;
  const char *path;      gsize path_len;
  const char *query;     gsize query_len;     gboolean has_query;
  const char *fragment;  gsize fragment_len;  gboolean has_fragment;
} UriParts;

static void
split_uri (const char *uri,
           UriParts   *u)
{
  const char *s = uri, *p;

  memset (u, 0, sizeof *u);
  for (p = s; *p && *p != ':' && *p != '/' && *p != '?' && *p != '#'; p++)
    ;
  if (*p == ':' && p > s && g_ascii_isalpha (*s))
    {
      gboolean valid = TRUE;
      for (const char *q = s; q < p; q++)
        if (!(g_ascii_isalnum (*q) || *q == '+' || *q == '-' || *q == '.'))
          valid = FALSE;
      if (valid)
        {
          u->scheme = s;
          u->scheme_len = p - s;
          s = p + 1;
        }
    }
  if (s[0] == '/' && s[1] == '/')
    {
      s += 2;
      u->has_authority = TRUE;
      u->authority = s;
      while (*s && *s != '/' && *s != '?' && *s != '#')
        s++;
      u->authority_len = s - u->authority;
    }
  u->path = s;
  while (*s && *s != '?' && *s != '#')
    s++;
  u->path_len = s - u->path;
  if (*s == '?')
    {
      u->has_query = TRUE;
      u->query = ++s;
      while (*s && *s != '#')
        s++;
      u->query_len = s - u->query;
    }
  if (*s == '#')
    {
      u->has_fragment = TRUE;
      u->fragment = s + 1;
      u->fragment_len = strlen (s + 1);
    }
}

/* RFC 3986, 5.2.4 */
static char *
remove_dot_segments (const char *path,
                     gsize       len)
{
  g_autofree char *in_buf = g_strndup (path, len);
  const char *in = in_buf;
  GString *out = g_string_sized_new (len);

  while (*in)
    {
      if (g_str_has_prefix (in, "../"))
        in += 3;
      else if (g_str_has_prefix (in, "./"))
        in += 2;
      else if (g_str_has_prefix (in, "/./"))
        in += 2;
      else if (strcmp (in, "/.") == 0)
        {
          g_string_append_c (out, '/');
          break;
        }
      else if (g_str_has_prefix (in, "/../") || strcmp (in, "/..") == 0)
        {
          char *last = strrchr (out->str, '/');
          g_string_truncate (out, last ? (gsize) (last - out->str) : 0);
          if (in[3] == '\0')
            {
              g_string_append_c (out, '/');
              break;
            }
          in += 3;
        }
      else if (strcmp (in, ".") == 0 || strcmp (in, "..") == 0)
        break;
      else
        {
          const char *next = strchr (in + (*in == '/' ? 1 : 0), '/');
          gsize n = next ? (gsize) (next - in) : strlen (in);
          g_string_append_len (out, in, n);
          in += n;
        }
    }
  return g_string_free (out, FALSE);
}

/* Resolves ref against base (RFC 3986, 5.2.2) without re-encoding either:
 * NULL when base is not an absolute URI. */
static char *
resolve_reference (const char *base,
                   const char *ref)
{
  UriParts b, r;
  const UriParts *scheme, *authority;
  GString *t;
  g_autofree char *path = NULL;
  const char *query = NULL;
  gsize query_len = 0;
  gboolean has_query = FALSE;

  split_uri (base, &b);
  if (b.scheme == NULL)
    return NULL;
  split_uri (ref, &r);
  t = g_string_new (NULL);

  /* the scheme and the authority come from the reference as far as it has
   * them, the rest from the base */
  scheme = r.scheme != NULL ? &r : &b;
  authority = r.scheme != NULL || r.has_authority ? &r : &b;
  g_string_append_len (t, scheme->scheme, scheme->scheme_len);
  g_string_append_c (t, ':');
  if (authority->has_authority)
    {
      g_string_append (t, "//");
      g_string_append_len (t, authority->authority, authority->authority_len);
    }

  if (authority == &r)
    {
      path = remove_dot_segments (r.path, r.path_len);
      query = r.query, query_len = r.query_len, has_query = r.has_query;
    }
  else if (r.path_len == 0)
    {
      path = g_strndup (b.path, b.path_len);
      if (r.has_query)
        query = r.query, query_len = r.query_len, has_query = TRUE;
      else
        query = b.query, query_len = b.query_len, has_query = b.has_query;
    }
  else
    {
      if (r.path[0] == '/')
        path = remove_dot_segments (r.path, r.path_len);
      else
        {
          g_autoptr(GString) merged = g_string_new (NULL);
          const char *slash = NULL;

          for (const char *q = b.path; q < b.path + b.path_len; q++)
            if (*q == '/')
              slash = q;
          if (b.has_authority && b.path_len == 0)
            g_string_append_c (merged, '/');
          else if (slash != NULL)
            g_string_append_len (merged, b.path, slash - b.path + 1);
          g_string_append_len (merged, r.path, r.path_len);
          path = remove_dot_segments (merged->str, merged->len);
        }
      query = r.query, query_len = r.query_len, has_query = r.has_query;
    }

  g_string_append (t, path);
  if (has_query)
    {
      g_string_append_c (t, '?');
      g_string_append_len (t, query, query_len);
    }
  if (r.has_fragment)
    {
      g_string_append_c (t, '#');
      g_string_append_len (t, r.fragment, r.fragment_len);
    }
  return g_string_free (t, FALSE);
}

char *
accords_html_resolve_url (const char *base_uri,
                          const char *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);
  if (base_uri == NULL || *base_uri == '\0')
    return NULL;
  return resolve_reference (base_uri, ref);
}

/* "//host/..." after "http:": a URL that names where it goes */
static gboolean
has_host (const char *rest)
{
  const char *end;

  if (rest[0] != '/' || rest[1] != '/')
    return FALSE;
  rest += 2;
  end = rest + strcspn (rest, "/?#");
  /* user info, then the host and its port */
  for (const char *at = rest; at < end; at++)
    if (*at == '@')
      rest = at + 1;
  return rest < end && *rest != ':';
}

char *
accords_html_clean_url (const char *url,
                        const char *base_uri)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *s;
  gsize scheme_len = 0;

  if (url == NULL)
    return NULL;

  /* Browsers ignore leading and trailing space and control characters, and
   * tabs and newlines anywhere: so does the scheme check. */
  for (s = url; *s; s++)
    if ((guchar) *s > 0x20 || (*s == ' ' && clean->len > 0))
      g_string_append_c (clean, *s);
  while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate (clean, clean->len - 1);

  for (s = clean->str; *s; s++)
    {
      if (*s == ':')
        {
          scheme_len = s - clean->str;
          break;
        }
      if (!(g_ascii_isalnum (*s) || *s == '+' || *s == '-' || *s == '.') || (s == clean->str && !g_ascii_isalpha (*s)))
        break;
    }

  if (scheme_len > 0)
    {
      if (scheme_len == 6 && g_ascii_strncasecmp (clean->str, "mailto", 6) == 0)
        return g_string_free (g_steal_pointer (&clean), FALSE);
      if (((scheme_len == 4 && g_ascii_strncasecmp (clean->str, "http", 4) == 0) ||
           (scheme_len == 5 && g_ascii_strncasecmp (clean->str, "https", 5) == 0)) &&
          has_host (clean->str + scheme_len + 1))
        return g_string_free (g_steal_pointer (&clean), FALSE);
      return NULL;
    }

  /* relative: absolute once resolved against the base, or nothing */
  if (base_uri != NULL && *base_uri != '\0')
    {
      g_autofree char *resolved = resolve_reference (base_uri, clean->str);

      if (resolved != NULL && g_uri_peek_scheme (resolved) != NULL)
        return accords_html_clean_url (resolved, NULL);
    }
  return NULL;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Finds the end of a raw-text element's content: "</name" followed by
 * space, '/' or '>'; returns the position of its '<' or end. */
static const char *
find_raw_end (const char *s,
              const char *end,
              const char *name)
{
  gsize n = strlen (name);

  while (s < end)
    {
      const char *lt = memchr (s, '<', end - s);

      if (lt == NULL)
        return end;
      if (lt + 2 + n <= end && lt[1] == '/' && g_ascii_strncasecmp (lt + 2, name, n) == 0 &&
          (lt + 2 + n == end || is_space (lt[2 + n]) || lt[2 + n] == '/' || lt[2 + n] == '>'))
        return lt;
      s = lt + 1;
    }
  return end;
}

typedef struct {
  const char *input_end;
  const char *base_uri;
  GString    *html;
  TextWriter  text;
  const Element *open[MAX_OPEN_ELEMENTS];
  guint       n_open;
  guint       n_dropped_depth;   /* open elements dropped with their content */
} Sanitizer;

static void
write_attribute (Sanitizer  *z,
                 const char *name,
                 const char *value,
                 gsize       value_len)
{
  g_autofree char *decoded = NULL;
  g_autofree char *url = NULL;
  const char *v;

  if (!is_safe_attribute (name))
    return;
  decoded = decode_attribute (value, value_len);
  v = decoded;
  if (is_url_attribute (name))
    {
      url = accords_html_clean_url (decoded, z->base_uri);
      if (url == NULL)
        return;
      v = url;
    }
  g_string_append_c (z->html, ' ');
  g_string_append (z->html, name);
  g_string_append (z->html, "=\"");
  accords_html_escape (z->html, v, strlen (v));
  g_string_append_c (z->html, '"');
}

/* Parses a tag's attributes from s; writes the safe ones when write is set.
 * Returns the position after the closing '>' (or end). */
static const char *
parse_attributes (Sanitizer  *z,
                  const char *s,
                  gboolean    write,
                  gboolean   *self_closing)
{
  const char *end = z->input_end;

  *self_closing = FALSE;
  while (s < end)
    {
      char name[MAX_NAME * 2];
      gsize n = 0;
      const char *value = NULL;
      gsize value_len = 0;

      while (s < end && (is_space (*s) || *s == '/'))
        {
          if (*s == '/' && s + 1 < end && s[1] == '>')
            *self_closing = TRUE;
          s++;
        }
      if (s >= end)
        return end;
      if (*s == '>')
        return s + 1;

      while (s < end && !is_space (*s) && *s != '/' && *s != '>' && (*s != '=' || n == 0))
        {
          if (n < sizeof name - 1)
            name[n++] = g_ascii_tolower (*s);
          s++;
        }
      name[n] = '\0';
      while (s < end && is_space (*s))
        s++;
      if (s < end && *s == '=')
        {
          s++;
          while (s < end && is_space (*s))
            s++;
          if (s < end && (*s == '"' || *s == '\''))
            {
              char quote = *s++;
              const char *close = memchr (s, quote, end - s);

              value = s;
              value_len = (close ? close : end) - s;
              s = close ? close + 1 : end;
            }
          else
            {
              value = s;
              while (s < end && !is_space (*s) && *s != '>')
                s++;
              value_len = s - value;
            }
        }
      if (write && n > 0 && n < sizeof name - 1)
        write_attribute (z, name, value ? value : "", value ? value_len : 0);
    }
  return end;
}

static void
close_open (Sanitizer *z,
            guint      down_to)
{
  while (z->n_open > down_to)
    {
      const Element *e = z->open[--z->n_open];

      if (z->html)
        {
          g_string_append (z->html, "</");
          g_string_append (z->html, e->name);
          g_string_append_c (z->html, '>');
        }
      if (e->flags & EL_BLOCK)
        text_break (&z->text, TRUE);
      else if (e->flags & EL_CELL)
        text_break (&z->text, FALSE);
    }
}

static const char *
handle_tag (Sanitizer  *z,
            const char *s)
{
  const char *end = z->input_end;
  gboolean closing = FALSE, self_closing;
  char name[MAX_NAME + 1];
  gsize n = 0;
  const Element *e;

  /* s is just after '<' and starts a letter or "/letter" */
  if (*s == '/')
    {
      closing = TRUE;
      s++;
    }
  while (s < end && (g_ascii_isalnum (*s) || *s == '-' || *s == ':' || *s == '_'))
    {
      if (n < MAX_NAME)
        name[n] = g_ascii_tolower (*s);
      n++;
      s++;
    }
  name[MIN (n, MAX_NAME)] = '\0';
  e = n <= MAX_NAME ? lookup_element (name) : NULL;

  if (closing)
    {
      const char *gt = memchr (s, '>', end - s);

      if (e != NULL && (e->flags & EL_KEEP))
        {
          for (guint i = z->n_open; i > 0; i--)
            if (z->open[i - 1] == e)
              {
                close_open (z, i - 1);
                break;
              }
        }
      else if (e != NULL && (e->flags & (EL_BLOCK | EL_CELL)))
        text_break (&z->text, (e->flags & EL_BLOCK) != 0);
      return gt ? gt + 1 : end;
    }

  if (e != NULL && (e->flags & EL_DROP_ALL))
    {
      s = parse_attributes (z, s, FALSE, &self_closing);
      if (self_closing)
        return s;
      if (e->flags & EL_RAW)
        {
          const char *close = find_raw_end (s, end, e->name);
          const char *gt;

          if (close == end)
            return end;
          gt = memchr (close, '>', end - close);
          return gt ? gt + 1 : end;
        }
      /* Skip to the matching end tag, counting nested ones of the same name */
      {
        guint depth = 1;

        while (s < end && depth > 0)
          {
            const char *lt = memchr (s, '<', end - s);
            gsize k = strlen (e->name);

            if (lt == NULL)
              return end;
            s = lt + 1;
            if (s < end && *s == '/' && (gsize) (end - s) > k &&
                g_ascii_strncasecmp (s + 1, e->name, k) == 0 &&
                (s + 1 + k == end || !g_ascii_isalnum (s[1 + k])))
              depth--;
            else if ((gsize) (end - s) >= k && g_ascii_strncasecmp (s, e->name, k) == 0 &&
                     (s + k == end || !g_ascii_isalnum (s[k])))
              depth++;
          }
        if (s < end)
          {
            const char *gt = memchr (s, '>', end - s);
            return gt ? gt + 1 : end;
          }
        return end;
      }
    }

  if (e == NULL || !(e->flags & EL_KEEP) || (!(e->flags & EL_VOID) && z->n_open == MAX_OPEN_ELEMENTS))
    {
      s = parse_attributes (z, s, FALSE, &self_closing);
      if (e != NULL && (e->flags & (EL_BLOCK | EL_CELL)))
        text_break (&z->text, (e->flags & EL_BLOCK) != 0);
      return s;
    }

  if (z->html)
    {
      g_string_append_c (z->html, '<');
      g_string_append (z->html, e->name);
    }
  s = parse_attributes (z, s, z->html != NULL, &self_closing);
  if (e->flags & EL_VOID)
    {
      if (z->html)
        g_string_append (z->html, " />");
      if (e->flags & EL_BLOCK)
        text_break (&z->text, TRUE);
      return s;
    }
  if (z->html)
    g_string_append_c (z->html, '>');
  if (e->flags & EL_BLOCK)
    text_break (&z->text, TRUE);
  else if (e->flags & EL_CELL)
    text_break (&z->text, FALSE);
  if (self_closing)
    {
      if (z->html)
        {
          g_string_append (z->html, "</");
          g_string_append (z->html, e->name);
          g_string_append_c (z->html, '>');
        }
      return s;
    }
  z->open[z->n_open++] = e;
  return s;
}

static void
sanitize (const char *input,
          gsize       len,
          const char *base_uri,
          GString    *html,
          GString    *text,
          gboolean    block_lines)
{
  Sanitizer z = { 0 };
  const char *s = input, *end = input + len;

  z.input_end = end;
  z.base_uri = base_uri;
  z.html = html;
  z.text.out = text;
  z.text.block_lines = block_lines;
  z.text.at_start = TRUE;

  while (s < end)
    {
      const char *lt = memchr (s, '<', end - s);

      if (lt == NULL)
        {
          emit_text (s, end, html, &z.text);
          break;
        }
      if (lt > s)
        emit_text (s, lt, html, &z.text);
      s = lt + 1;

      if (s < end && (g_ascii_isalpha (*s) || (*s == '/' && s + 1 < end && g_ascii_isalpha (s[1]))))
        s = handle_tag (&z, s);
      else if (s + 2 < end && s[0] == '!' && s[1] == '-' && s[2] == '-')
        {
          /* a comment: dropped */
          const char *close = s + 3;

          for (;;)
            {
              close = memchr (close, '-', end - close);
              if (close == NULL || close + 2 >= end)
                {
                  s = end;
                  break;
                }
              if (close[1] == '-' && close[2] == '>')
                {
                  s = close + 3;
                  break;
                }
              close++;
            }
        }
      else if (s < end && ((*s == '!' && (gsize) (end - s) >= 8 && g_ascii_strncasecmp (s, "!doctype", 8) == 0) ||
                           *s == '?') && memchr (s, '>', end - s) != NULL)
        {
          /* a doctype, a processing instruction: dropped */
          const char *gt = memchr (s, '>', end - s);
          s = gt + 1;
        }
      else
        emit_text (lt, lt + 1, html, &z.text);
    }
  close_open (&z, 0);
}

void
accords_html_sanitize (const char *input,
                       gsize       len,
                       const char *base_uri,
                       GString    *html,
                       GString    *text)
{
  g_return_if_fail (input != NULL || len == 0);
  sanitize (input, len, base_uri, html, text, TRUE);
}

char *
accords_html_to_text (const char *input,
                      gsize       len)
{
  GString *text = g_string_sized_new (len);

  sanitize (input, len, NULL, NULL, text, FALSE);
  return g_string_free (text, FALSE);
}

static gboolean
looks_like_html (const char *text,
                 gsize       len,
                 gboolean    references_count)
{
  const char *end = text + len;

  for (const char *s = text; s < end; s++)
    {
      if (*s == '<' && s + 2 < end && s[1] == '/' && g_ascii_isalpha (s[2]))
        {
          const char *p = s + 2;
          while (p < end && g_ascii_isalnum (*p))
            p++;
          if (p < end && *p == '>')
            return TRUE;
        }
      else if (*s == '<' && s + 1 < end && g_ascii_isalpha (s[1]))
        {
          /* a start tag of a known element: "<br>", "<img src=..>" */
          char name[MAX_NAME + 1];
          gsize n = 0;
          const char *p = s + 1;

          while (p < end && g_ascii_isalnum (*p) && n < MAX_NAME)
            name[n++] = g_ascii_tolower (*p++);
          name[n] = '\0';
          if (p < end && (*p == '>' || *p == '/' || is_space (*p)) && lookup_element (name) != NULL &&
              memchr (p, '>', end - p) != NULL)
            return TRUE;
        }
      else if (*s == '&' && references_count)
        {
          gunichar c;
          if (decode_reference (s + 1, end, &c) > 0)
            return TRUE;
        }
    }
  return FALSE;
}

gboolean
accords_html_looks_like_html (const char *text,
                              gsize       len)
{
  return looks_like_html (text, len, TRUE);
}

gboolean
accords_html_has_tags (const char *text,
                       gsize       len)
{
  return looks_like_html (text, len, FALSE);
}
