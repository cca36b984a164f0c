/* accords-feed-input.c: the bytes of a feed on their way to the XML parser, repaired where they can be */
#define G_LOG_DOMAIN "accords-feed-input"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "accords-feed-input.h"
#include "accords-feed-parser-private.h"

#define CHUNK (64 * 1024)
#define DETECT_BYTES 1024
#define MAX_REFERENCE 40
#define MAX_OPEN 512            /* elements followed for end tags; deeper, they are not */
#define MAX_TAG (64 * 1024)     /* a tag longer than this is not followed either */

typedef enum {
  DECODE_UNKNOWN,
  DECODE_UTF8,
  DECODE_UTF16LE,
  DECODE_UTF16BE,
  DECODE_UTF32LE,
  DECODE_UTF32BE,
  DECODE_ICONV,
} Decode;

typedef enum {
  STATE_TEXT,
  STATE_CDATA,
  STATE_COMMENT,
  STATE_PI,
} State;

struct _AccordsFeedInput
{
  GInputStream *stream;
  GCancellable *cancellable;
  Decode        decode;
  GIConv        iconv;
  gboolean      eof;
  gboolean      declaration_done;
  State         state;
  GByteArray   *raw;        /* read, not yet decoded */
  GByteArray   *pending;    /* decoded to UTF-8, not yet repaired */
  GByteArray   *out;        /* repaired, not yet handed to the parser */
  gsize         out_pos;
  guint64       bytes_read;
  guint64       emitted;    /* bytes handed on so far */
  char         *first_element;
  GHashTable   *declared;   /* entity names the internal subset declares */
  gboolean      following; /* the elements open, to mend end tags; FALSE: given up */
  GString      *open;       /* their names, each ended by a NUL */
  gsize         open_at[MAX_OPEN];
  guint         n_open;
  gboolean      seen_markup; /* a "<": text before it is no part of the document */
  gboolean      seen_root;   /* an element's start tag */
  gboolean      after_root;  /* the root element has ended: what follows is dropped */
  gboolean      in_subset;   /* inside the DOCTYPE's [...], where "<" starts no element */
  char         *repair;
  GError       *error;
};

/* windows-1252 for bytes that are not UTF-8 in a UTF-8 document */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

AccordsFeedInput *
accords_feed_input_new (GInputStream *stream,
                        GCancellable *cancellable)
{
  AccordsFeedInput *self = g_new0 (AccordsFeedInput, 1);

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->iconv = (GIConv) -1;
  self->raw = g_byte_array_sized_new (CHUNK);
  self->pending = g_byte_array_sized_new (CHUNK + MAX_REFERENCE);
  self->out = g_byte_array_sized_new (CHUNK * 2);
  self->declared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->open = g_string_new (NULL);
  self->following = TRUE;
  return self;
}

void
accords_feed_input_free (AccordsFeedInput *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->stream);
  g_clear_object (&self->cancellable);
  if (self->iconv != (GIConv) -1)
    g_iconv_close (self->iconv);
  g_byte_array_unref (self->raw);
  g_byte_array_unref (self->pending);
  g_byte_array_unref (self->out);
  g_hash_table_unref (self->declared);
  g_string_free (self->open, TRUE);
  g_free (self->first_element);
  g_free (self->repair);
  g_clear_error (&self->error);
  g_free (self);
}

const char *
accords_feed_input_get_repair (AccordsFeedInput *self)
{
  return self->repair;
}

const GError *
accords_feed_input_get_error (AccordsFeedInput *self)
{
  return self->error;
}

const char *
accords_feed_input_get_first_element (AccordsFeedInput *self)
{
  return self->first_element;
}

guint64
accords_feed_input_get_bytes_read (AccordsFeedInput *self)
{
  return self->bytes_read;
}

static void
note_repair (AccordsFeedInput *self,
             const char       *what)
{
  if (self->repair == NULL)
    self->repair = g_strdup (what);
}

static void
append_unichar (GByteArray *array,
                gunichar    c)
{
  char buf[8];
  int n = g_unichar_to_utf8 (c, buf);

  g_byte_array_append (array, (const guint8 *) buf, n);
}

/* The encoding the XML declaration names, from bytes that are ASCII there */
static char *
declared_encoding (const guint8 *d,
                   gsize         len)
{
  g_autofree char *head = g_strndup ((const char *) d, MIN (len, DETECT_BYTES));
  const char *start = head, *decl_end, *enc;
  GString *name;

  if (g_str_has_prefix (start, "\xEF\xBB\xBF"))
    start += 3;
  if (!g_str_has_prefix (start, "<?xml"))
    return NULL;
  decl_end = strstr (start, "?>");
  if (decl_end == NULL)
    return NULL;
  head[decl_end - head] = '\0';
  enc = strstr (start, "encoding");
  if (enc == NULL)
    return NULL;
  enc += strlen ("encoding");
  while (*enc == ' ' || *enc == '\t' || *enc == '\r' || *enc == '\n')
    enc++;
  if (*enc != '=')
    return NULL;
  enc++;
  while (*enc == ' ' || *enc == '\t' || *enc == '\r' || *enc == '\n')
    enc++;
  if (*enc != '"' && *enc != '\'')
    return NULL;
  name = g_string_new (NULL);
  for (const char *s = enc + 1; *s && *s != *enc && name->len < 64; s++)
    g_string_append_c (name, *s);
  return g_strstrip (g_string_free (name, FALSE));
}

static void
detect_encoding (AccordsFeedInput *self)
{
  const guint8 *d = self->raw->data;
  gsize len = self->raw->len, skip = 0;
  g_autofree char *declared = NULL;

  if (len >= 4 && d[0] == 0xFF && d[1] == 0xFE && d[2] == 0 && d[3] == 0)
    self->decode = DECODE_UTF32LE, skip = 4;
  else if (len >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF)
    self->decode = DECODE_UTF32BE, skip = 4;
  else if (len >= 2 && d[0] == 0xFF && d[1] == 0xFE)
    self->decode = DECODE_UTF16LE, skip = 2;
  else if (len >= 2 && d[0] == 0xFE && d[1] == 0xFF)
    self->decode = DECODE_UTF16BE, skip = 2;
  else if (len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
    self->decode = DECODE_UTF8, skip = 3;
  else if (len >= 4 && d[0] != 0 && d[1] == 0 && d[2] == 0 && d[3] == 0)
    self->decode = DECODE_UTF32LE;
  else if (len >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] != 0)
    self->decode = DECODE_UTF32BE;
  else if (len >= 2 && d[0] != 0 && d[1] == 0)
    self->decode = DECODE_UTF16LE;
  else if (len >= 2 && d[0] == 0 && d[1] != 0)
    self->decode = DECODE_UTF16BE;
  else
    {
      declared = declared_encoding (d, len);
      self->decode = DECODE_UTF8;
      if (declared != NULL && g_ascii_strcasecmp (declared, "utf-8") != 0 &&
          g_ascii_strcasecmp (declared, "utf8") != 0 && *declared != '\0')
        {
          self->iconv = g_iconv_open ("UTF-8", declared);
          if (self->iconv != (GIConv) -1)
            self->decode = DECODE_ICONV;
          else if (self->repair == NULL)
            {
              g_autofree char *valid = g_utf8_make_valid (declared, -1);
              self->repair = g_strdup_printf (_("an unknown encoding “%s”, read as UTF-8"), valid);
            }
        }
    }
  if (skip > 0)
    g_byte_array_remove_range (self->raw, 0, skip);
}

/* raw -> pending, as UTF-8; keeps an incomplete character for later */
static void
decode (AccordsFeedInput *self)
{
  GByteArray *raw = self->raw;
  gsize used = 0;

  switch (self->decode)
    {
    case DECODE_UNKNOWN:
    case DECODE_UTF8:
      g_byte_array_append (self->pending, raw->data, raw->len);
      used = raw->len;
      break;

    case DECODE_UTF16LE:
    case DECODE_UTF16BE:
      {
        gboolean le = self->decode == DECODE_UTF16LE;

        while (used + 2 <= raw->len)
          {
            gunichar c = le ? raw->data[used] | raw->data[used + 1] << 8
                            : raw->data[used] << 8 | raw->data[used + 1];

            if (c >= 0xD800 && c <= 0xDBFF)
              {
                gunichar lo;

                if (used + 4 > raw->len)
                  {
                    if (!self->eof)
                      break;
                    append_unichar (self->pending, 0xFFFD);
                    used += 2;
                    continue;
                  }
                lo = le ? raw->data[used + 2] | raw->data[used + 3] << 8
                        : raw->data[used + 2] << 8 | raw->data[used + 3];
                if (lo >= 0xDC00 && lo <= 0xDFFF)
                  {
                    append_unichar (self->pending, 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00));
                    used += 4;
                    continue;
                  }
                c = 0xFFFD;
                note_repair (self, _("broken UTF-16"));
              }
            else if (c >= 0xDC00 && c <= 0xDFFF)
              {
                c = 0xFFFD;
                note_repair (self, _("broken UTF-16"));
              }
            append_unichar (self->pending, c);
            used += 2;
          }
        if (self->eof && used < raw->len)
          used = raw->len;
      }
      break;

    case DECODE_UTF32LE:
    case DECODE_UTF32BE:
      {
        gboolean le = self->decode == DECODE_UTF32LE;

        while (used + 4 <= raw->len)
          {
            const guint8 *b = raw->data + used;
            guint32 c = le ? (guint32) b[0] | (guint32) b[1] << 8 | (guint32) b[2] << 16 | (guint32) b[3] << 24
                           : (guint32) b[3] | (guint32) b[2] << 8 | (guint32) b[1] << 16 | (guint32) b[0] << 24;

            if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
              {
                c = 0xFFFD;
                note_repair (self, _("broken UTF-32"));
              }
            append_unichar (self->pending, c);
            used += 4;
          }
        if (self->eof && used < raw->len)
          used = raw->len;
      }
      break;

    case DECODE_ICONV:
      while (used < raw->len)
        {
          char outbuf[4096];
          char *in = (char *) raw->data + used, *outp = outbuf;
          gsize in_left = raw->len - used, out_left = sizeof outbuf;
          gsize r = g_iconv (self->iconv, &in, &in_left, &outp, &out_left);

          g_byte_array_append (self->pending, (const guint8 *) outbuf, outp - outbuf);
          used = in - (char *) raw->data;
          if (r != (gsize) -1)
            continue;
          if (errno == E2BIG)
            continue;
          if (errno == EINVAL && !self->eof)
            break;
          /* A byte the declared encoding does not have */
          append_unichar (self->pending, 0xFFFD);
          note_repair (self, _("bytes that do not match the declared encoding"));
          used++;
        }
      break;
    }

  g_byte_array_remove_range (raw, 0, used);
}

/* The parser reads UTF-8 only: the declaration must not name another */
static void
rewrite_declaration (AccordsFeedInput *self)
{
  GByteArray *d = self->pending;
  const char *text = (const char *) d->data;
  gsize len = MIN (d->len, DETECT_BYTES);
  const char *end, *enc, *q, *close;

  if (len < 5 || memcmp (text, "<?xml", 5) != 0)
    return;
  end = g_strstr_len (text, len, "?>");
  if (end == NULL)
    return;
  enc = g_strstr_len (text, end - text, "encoding");
  if (enc == NULL)
    return;
  q = enc + strlen ("encoding");
  while (q < end && *q != '"' && *q != '\'')
    q++;
  if (q >= end)
    return;
  close = memchr (q + 1, *q, end - q - 1);
  if (close == NULL)
    return;
  g_byte_array_remove_range (d, enc - text, close + 1 - enc);
}

/* The length of a valid UTF-8 sequence at d, 0 when it is invalid, -1 when
 * more bytes are needed to tell. */
static int
utf8_sequence (const guint8 *d,
               gsize         avail)
{
  guint8 c = d[0];
  int n;
  guint8 lo = 0x80, hi = 0xBF;

  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      n = 4;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
    }
  else
    return 0;

  for (int i = 1; i < n; i++)
    {
      if ((gsize) i >= avail)
        return -1;
      if (d[i] < (i == 1 ? lo : 0x80) || d[i] > (i == 1 ? hi : 0xBF))
        return 0;
    }
  return n;
}

/* The kind of reference at d ('&' first): the number of bytes it spans when
 * it is a well-formed reference, 0 for a bare '&', -1 when more bytes are
 * needed to tell.  A named one's name goes to name; a numeric one's value
 * to *value (G_MAXUINT32 when out of range), and *upper_x tells "&#X". */
static int
scan_reference (const guint8 *d,
                gsize         avail,
                char         *name,
                gsize         name_size,
                guint32      *value,
                gboolean     *upper_x)
{
  gsize i = 1;

  name[0] = '\0';
  *value = 0;
  *upper_x = FALSE;
  if (i >= avail)
    return -1;
  if (d[i] == '#')
    {
      gboolean hex = FALSE, any = FALSE;
      guint64 v = 0;

      i++;
      if (i < avail && (d[i] == 'x' || d[i] == 'X'))
        {
          hex = TRUE;
          *upper_x = d[i] == 'X';
          i++;
        }
      while (i < avail && i < MAX_REFERENCE && (hex ? g_ascii_isxdigit (d[i]) : g_ascii_isdigit (d[i])))
        {
          if (v <= 0x10FFFF)
            v = v * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (d[i]) : d[i] - '0');
          i++;
          any = TRUE;
        }
      if (i >= avail)
        return avail >= MAX_REFERENCE ? 0 : -1;
      *value = v > 0x10FFFF ? G_MAXUINT32 : (guint32) v;
      return any && d[i] == ';' ? (int) i + 1 : 0;
    }

  if (!(g_ascii_isalpha (d[i]) || d[i] == '_' || d[i] == ':' || d[i] >= 0x80))
    return 0;
  while (i < avail && i < MAX_REFERENCE &&
         (g_ascii_isalnum (d[i]) || d[i] == '_' || d[i] == ':' || d[i] == '-' || d[i] == '.' || d[i] >= 0x80))
    i++;
  if (i >= avail)
    return avail >= MAX_REFERENCE ? 0 : -1;
  if (d[i] != ';' || i >= MAX_REFERENCE)
    return 0;
  if (i - 1 < name_size)
    {
      memcpy (name, d + 1, i - 1);
      name[i - 1] = '\0';
    }
  return (int) i + 1;
}

static gboolean
is_xml_char (guint32 c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* "<!ENTITY name" in the internal subset: the name is declared */
static void
note_entity_declaration (AccordsFeedInput *self,
                         const guint8     *d,
                         gsize             avail)
{
  gsize i = 8, start;

  while (i < avail && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
    i++;
  if (i < avail && d[i] == '%')
    return;  /* a parameter entity */
  start = i;
  while (i < avail && i - start < MAX_REFERENCE &&
         (g_ascii_isalnum (d[i]) || d[i] == '_' || d[i] == ':' || d[i] == '-' || d[i] == '.' || d[i] >= 0x80))
    i++;
  if (i > start && g_hash_table_size (self->declared) < 10000)
    g_hash_table_add (self->declared, g_strndup ((const char *) d + start, i - start));
}

/* The bytes process() must look at: markup delimiters, control
 * characters XML does not allow, and non-ASCII */
static const guint8 special[256] = {
  [0x00 ... 0x08] = 1, [0x0b] = 1, [0x0c] = 1, [0x0e ... 0x1f] = 1,
  ['&'] = 1, ['<'] = 1, [']'] = 1, ['-'] = 1, ['?'] = 1,
  [0x80 ... 0xff] = 1,
};

static gboolean
is_name_start (guint8 c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':' || c >= 0x80;
}

static gboolean
is_name_char (guint8 c)
{
  return is_name_start (c) || g_ascii_isdigit (c) || c == '-' || c == '.';
}

static void
append_end_tag (GByteArray *out,
                const char *name)
{
  g_byte_array_append (out, (const guint8 *) "</", 2);
  g_byte_array_append (out, (const guint8 *) name, strlen (name));
  g_byte_array_append (out, (const guint8 *) ">", 1);
}

static const char *
open_name (AccordsFeedInput *self,
           guint             k)
{
  return self->open->str + self->open_at[k];
}

static void
close_open (AccordsFeedInput *self)
{
  g_string_truncate (self->open, self->open_at[--self->n_open]);
}

/* A tag at d (d[0] is '<'), followed for the elements open: returns the
 * bytes it takes, 0 when it is not all there yet, -1 to leave it as it is */
static gssize
scan_tag (const guint8 *d,
          gsize         avail,
          gboolean      final,
          char          name[MAX_REFERENCE + 1],
          gboolean     *end_tag,
          gboolean     *empty,
          gboolean     *unterminated)
{
  gsize i = 1, start;
  guint8 quote = 0;

  *unterminated = FALSE;
  *end_tag = d[1] == '/';
  if (*end_tag)
    i++;
  start = i;
  while (i < avail && i - start <= MAX_REFERENCE && is_name_char (d[i]))
    i++;
  if (i == start || i - start > MAX_REFERENCE)
    return -1;
  for (; i < avail && i < MAX_TAG; i++)
    {
      if (quote != 0)
        {
          if (d[i] == quote)
            quote = 0;
        }
      else if (d[i] == '"' || d[i] == '\'')
        quote = d[i];
      else if (d[i] == '>')
        break;
      else if (d[i] == '<' && *end_tag)
        {
          *unterminated = TRUE;   /* "</title" with its ">" missing */
          break;
        }
      else if (d[i] == '<')
        return -1;   /* not a tag after all */
    }
  if (i >= MAX_TAG)
    return -1;
  if (i >= avail)
    return final ? -1 : 0;
  for (gsize k = start; is_name_char (d[k]); k++)
    *name++ = d[k];
  *name = '\0';
  *empty = !*end_tag && !*unterminated && d[i - 1] == '/';
  return *unterminated ? (gssize) i : (gssize) i + 1;
}

/* Whether a start tag of n bytes at d has attributes XML would refuse: a
 * value without quotes, an attribute without a value, one given twice, a
 * "<" in a value, attributes run together.  With out, writes it mended
 * (the first of twins counts); without, only looks, allocating nothing. */
static gboolean
mend_start_tag (const guint8 *d,
                gsize         n,
                gboolean      empty,
                GString      *out)
{
  struct { gsize start, len; } names[64];
  guint n_names = 0;
  gsize i = 1, end = empty ? n - 2 : n - 1;
  gboolean changed = FALSE;

  while (i < end && is_name_char (d[i]))
    i++;
  if (out != NULL)
    {
      g_string_append_c (out, '<');
      g_string_append_len (out, (const char *) d + 1, i - 1);
    }

  while (i < end)
    {
      gsize name_start, name_len, value_start, value_len;
      gboolean quoted = FALSE, duplicate = FALSE;

      if (g_ascii_isspace (d[i]))
        {
          i++;
          continue;
        }
      if (!is_name_start (d[i]))
        {
          changed = TRUE;   /* a stray character between attributes */
          i++;
          continue;
        }
      if (!g_ascii_isspace (d[i - 1]))
        changed = TRUE;   /* attributes run together: a="1"b="2" */
      name_start = i;
      while (i < end && is_name_char (d[i]))
        i++;
      name_len = i - name_start;
      while (i < end && g_ascii_isspace (d[i]))
        i++;
      if (i < end && d[i] == '=')
        {
          i++;
          while (i < end && g_ascii_isspace (d[i]))
            i++;
          if (i < end && (d[i] == '"' || d[i] == '\''))
            {
              guint8 quote = d[i++];

              value_start = i;
              while (i < end && d[i] != quote)
                i++;
              value_len = i - value_start;
              if (i < end)
                i++;
              quoted = TRUE;
            }
          else
            {
              value_start = i;
              while (i < end && !g_ascii_isspace (d[i]))
                i++;
              value_len = i - value_start;
            }
        }
      else
        {
          /* <input checked>: the value is the name */
          value_start = name_start;
          value_len = name_len;
        }
      if (!quoted || memchr (d + value_start, '<', value_len) != NULL)
        changed = TRUE;
      for (guint k = 0; k < n_names; k++)
        if (names[k].len == name_len && memcmp (d + names[k].start, d + name_start, name_len) == 0)
          duplicate = TRUE;
      if (duplicate)
        {
          changed = TRUE;
          continue;
        }
      if (n_names < G_N_ELEMENTS (names))
        {
          names[n_names].start = name_start;
          names[n_names++].len = name_len;
        }
      if (out == NULL)
        continue;
      g_string_append_c (out, ' ');
      g_string_append_len (out, (const char *) d + name_start, name_len);
      g_string_append (out, "=\"");
      accords_feed_escape_attribute (out, (const char *) d + value_start, value_len);
      g_string_append_c (out, '"');
    }
  if (changed && out != NULL)
    g_string_append (out, empty ? "/>" : ">");
  return changed;
}

/* Mends what an end tag at d breaks: closes the elements left open inside
 * the one it ends, turns a misspelt one into the end of the element open,
 * drops one that ends nothing.  Returns the bytes of d consumed (the end
 * tag when it is rewritten or dropped), 0 when it goes on as it is. */
static gsize
mend_end_tag (AccordsFeedInput *self,
              const char       *name,
              gsize             tag_len)
{
  const char *top;
  guint k;

  if (self->n_open == 0)
    return 0;
  top = open_name (self, self->n_open - 1);
  if (strcmp (name, top) == 0)
    {
      close_open (self);
      return 0;
    }
  for (k = self->n_open; k > 0; k--)
    if (strcmp (open_name (self, k - 1), name) == 0)
      break;
  if (k > 0)
    {
      for (; self->n_open > k; close_open (self))
        append_end_tag (self->out, open_name (self, self->n_open - 1));
      close_open (self);
      note_repair (self, _("an element without its end tag"));
      return 0;
    }
  if (accords_feed_is_misspelling (name, top))
    {
      append_end_tag (self->out, top);
      close_open (self);
      note_repair (self, _("a misspelt end tag"));
      return tag_len;
    }
  note_repair (self, _("an end tag that ends no element"));
  return tag_len;
}

/* Processes pending (UTF-8) into out; keeps what cannot be decided yet */
static void
process (AccordsFeedInput *self)
{
  const guint8 *d = self->pending->data;
  gsize len = self->pending->len, i = 0, run = 0;
  gboolean final = self->eof && self->raw->len == 0;

  while (i < len)
    {
      guint8 c = d[i];

      if (self->after_root && self->state == STATE_TEXT && c == '<' && len - i < 4 && !final)
        break;
      if (self->state == STATE_TEXT && !g_ascii_isspace (c) &&
          ((!self->seen_markup && c != '<') ||
           (self->after_root && !(c == '<' && len - i >= 2 && d[i + 1] == '?') &&
            !(c == '<' && len - i >= 4 && memcmp (d + i, "<!--", 4) == 0))))
        {
          /* "Warning: ..." printed before the feed, a page's footer after
           * it; comments and processing instructions may follow the root */
          gsize k = i + 1;

          while (k < len && d[k] != '<')
            k++;
          g_byte_array_append (self->out, d + run, i - run);
          note_repair (self, self->after_root ? _("text after the end of the document")
                                              : _("text before the start of the document"));
          i = k;
          run = i;
          continue;
        }
      if (c == '<')
        self->seen_markup = TRUE;

      if (!special[c])
        {
          i++;
          continue;
        }

      if (c < 0x20)
        {
          /* XML allows no control character but tab and line ends, anywhere */
          g_byte_array_append (self->out, d + run, i - run);
          note_repair (self, _("a control character"));
          i++;
          run = i;
          continue;
        }

      if (c >= 0x80)
        {
          int n = utf8_sequence (d + i, len - i);

          if (n < 0 && !final)
            break;
          if (n > 0)
            {
              i += n;
              continue;
            }
          g_byte_array_append (self->out, d + run, i - run);
          append_unichar (self->out, c >= 0xA0 ? c : cp1252_high[c - 0x80]);
          note_repair (self, _("bytes that are not UTF-8"));
          i++;
          run = i;
          continue;
        }

      switch (self->state)
        {
        case STATE_CDATA:
          if (c == ']')
            {
              if (len - i < 3 && !final)
                goto out;
              if (len - i >= 3 && d[i + 1] == ']' && d[i + 2] == '>')
                {
                  self->state = STATE_TEXT;
                  i += 3;
                  continue;
                }
            }
          i++;
          continue;

        case STATE_COMMENT:
          if (c == '-')
            {
              if (len - i < 3 && !final)
                goto out;
              if (len - i >= 3 && d[i + 1] == '-' && d[i + 2] == '>')
                {
                  self->state = STATE_TEXT;
                  i += 3;
                  continue;
                }
              if (len - i < 4 && !final)
                goto out;
              if (len - i >= 2 && d[i + 1] == '-')
                {
                  /* XML allows no "--" in a comment: "--->" ends it, any other is dropped */
                  gboolean ends = len - i >= 4 && d[i + 2] == '-' && d[i + 3] == '>';

                  g_byte_array_append (self->out, d + run, i - run);
                  g_byte_array_append (self->out, (const guint8 *) (ends ? "-->" : " "), ends ? 3 : 1);
                  note_repair (self, _("a comment XML does not allow"));
                  if (ends)
                    self->state = STATE_TEXT;
                  i += ends ? 4 : 2;
                  run = i;
                  continue;
                }
            }
          i++;
          continue;

        case STATE_PI:
          if (c == '?')
            {
              if (len - i < 2 && !final)
                goto out;
              if (len - i >= 2 && d[i + 1] == '>')
                {
                  self->state = STATE_TEXT;
                  i += 2;
                  continue;
                }
            }
          i++;
          continue;

        case STATE_TEXT:
          break;
        }

      if (c == ']' && self->in_subset)
        {
          gsize k = i + 1;

          while (k < len && g_ascii_isspace (d[k]))
            k++;
          if (k >= len && !final)
            break;
          if (k < len && d[k] == '>')
            self->in_subset = FALSE;
          i++;
          continue;
        }

      if (c == '<')
        {
          if (len - i < 9 && !final)
            break;
          if (len - i >= 9 && memcmp (d + i, "<![CDATA[", 9) == 0)
            {
              self->state = STATE_CDATA;
              i += 9;
              continue;
            }
          if (len - i >= 4 && memcmp (d + i, "<!--", 4) == 0)
            {
              self->state = STATE_COMMENT;
              i += 4;
              continue;
            }
          if (len - i >= 2 && d[i + 1] == '?')
            {
              /* An XML declaration anywhere but at the start is dropped */
              if (len - i >= 6 && memcmp (d + i, "<?xml", 5) == 0 && g_ascii_isspace (d[i + 5]) &&
                  self->emitted + (self->out->len - self->out_pos) + (i - run) > 0)
                {
                  const guint8 *close = NULL;

                  for (gsize k = i + 5; k + 1 < len; k++)
                    if (d[k] == '?' && d[k + 1] == '>')
                      {
                        close = d + k;
                        break;
                      }
                  if (close == NULL && !final)
                    break;
                  if (close != NULL)
                    {
                      g_byte_array_append (self->out, d + run, i - run);
                      note_repair (self, _("an XML declaration after the start of the document"));
                      i = close + 2 - d;
                      run = i;
                      continue;
                    }
                }
              self->state = STATE_PI;
              i += 2;
              continue;
            }
          if (len - i >= 2 && !is_name_start (d[i + 1]) && d[i + 1] != '/' && d[i + 1] != '!' &&
              d[i + 1] != '?')
            {
              /* "a < b": a "<" that starts no tag is text */
              g_byte_array_append (self->out, d + run, i - run);
              g_byte_array_append (self->out, (const guint8 *) "&lt;", 4);
              note_repair (self, _("an unescaped “<”"));
              i++;
              run = i;
              continue;
            }
          if (len - i >= 9 && memcmp (d + i, "<!DOCTYPE", 9) == 0 && !self->seen_root)
            {
              /* does an internal subset follow, before the declaration's end? */
              gsize k = i + 9;

              while (k < len && d[k] != '[' && d[k] != '>')
                k++;
              if (k >= len && !final && k - i < MAX_TAG)
                break;
              self->in_subset = k < len && d[k] == '[';
            }
          if (self->following && !self->in_subset && len - i >= 2 &&
              (is_name_start (d[i + 1]) || d[i + 1] == '/'))
            {
              char name[MAX_REFERENCE + 1];
              gboolean end_tag = FALSE, empty = FALSE, unterminated = FALSE;
              gssize n = scan_tag (d + i, len - i, final, name, &end_tag, &empty, &unterminated);

              if (n == 0)
                break;
              if (n < 0)
                self->following = FALSE;   /* a tag it cannot follow: trust the XML from here on */
              else if (end_tag)
                {
                  gsize skip;
                  gboolean had_open = self->n_open > 0;

                  g_byte_array_append (self->out, d + run, i - run);
                  run = i;
                  skip = mend_end_tag (self, name, n);
                  if (unterminated && skip == 0)
                    {
                      append_end_tag (self->out, name);
                      note_repair (self, _("an end tag without its “>”"));
                      skip = n;
                    }
                  if (had_open && self->n_open == 0)
                    {
                      if (skip == 0)
                        {
                          g_byte_array_append (self->out, d + i, n);
                          skip = n;
                        }
                      self->after_root = TRUE;
                    }
                  if (skip > 0)
                    {
                      i += skip;
                      run = i;
                      continue;
                    }
                }
              else
                {
                  g_autoptr(GString) mended = NULL;

                  if (mend_start_tag (d + i, n, empty, NULL))
                    {
                      mended = g_string_new (NULL);
                      mend_start_tag (d + i, n, empty, mended);
                      if (self->first_element == NULL)
                        self->first_element = g_strdup (name);
                      g_byte_array_append (self->out, d + run, i - run);
                      g_byte_array_append (self->out, (const guint8 *) mended->str, mended->len);
                      note_repair (self, _("attributes XML does not allow"));
                      i += n;
                      run = i;
                    }
                  self->seen_root = TRUE;
                  if (!empty && self->n_open < MAX_OPEN)
                    {
                      self->open_at[self->n_open++] = self->open->len;
                      g_string_append_len (self->open, name, strlen (name) + 1);
                    }
                  else if (!empty)
                    self->following = FALSE;
                  if (mended != NULL)
                    continue;
                }
            }
          if (self->first_element == NULL && len - i >= 2 && g_ascii_isalpha (d[i + 1]))
            {
              gsize k = i + 1;

              while (k < len && k - i < 64 && (g_ascii_isalnum (d[k]) || d[k] == ':' || d[k] == '-' || d[k] == '_'))
                k++;
              self->first_element = g_strndup ((const char *) d + i + 1, k - i - 1);
            }
          if (len - i >= 9 && memcmp (d + i, "<!ENTITY", 8) == 0)
            {
              note_entity_declaration (self, d + i, len - i);
              i += 8;
              continue;
            }
          i++;
        }
      else if (c == '&')
        {
          char name[MAX_REFERENCE + 1];
          guint32 value;
          gboolean upper_x;
          int n = scan_reference (d + i, len - i, name, sizeof name, &value, &upper_x);

          if (n < 0 && !final)
            break;
          if (n <= 0)
            {
              g_byte_array_append (self->out, d + run, i - run);
              g_byte_array_append (self->out, (const guint8 *) "&amp;", 5);
              note_repair (self, _("an unescaped “&”"));
              i++;
              run = i;
              continue;
            }
          if (d[i + 1] == '#' && (upper_x || !is_xml_char (value)))
            {
              char ref[16];
              int k = g_snprintf (ref, sizeof ref, "&#%u;", is_xml_char (value) ? value : 0xFFFD);

              g_byte_array_append (self->out, d + run, i - run);
              g_byte_array_append (self->out, (const guint8 *) ref, k);
              note_repair (self, _("a character reference XML does not allow"));
              i += n;
              run = i;
              continue;
            }
          if (d[i + 1] != '#' && name[0] != '\0' &&
              strcmp (name, "amp") != 0 && strcmp (name, "lt") != 0 && strcmp (name, "gt") != 0 &&
              strcmp (name, "quot") != 0 && strcmp (name, "apos") != 0 &&
              !g_hash_table_contains (self->declared, name))
            {
              const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *) name);

              if (entity == NULL)
                {
                  /* Undefined everywhere: kept as the text it is */
                  g_byte_array_append (self->out, d + run, i - run);
                  g_byte_array_append (self->out, (const guint8 *) "&amp;", 5);
                  if (self->repair == NULL)
                    {
                      /* the name may hold bytes that are not UTF-8 yet */
                      g_autofree char *valid = g_utf8_make_valid (name, -1);
                      self->repair = g_strdup_printf (_("the undefined entity “&%s;”"), valid);
                    }
                  i++;
                  run = i;
                  continue;
                }
              else
                {
                  char ref[16];
                  int k = g_snprintf (ref, sizeof ref, "&#%u;", entity->value);

                  g_byte_array_append (self->out, d + run, i - run);
                  g_byte_array_append (self->out, (const guint8 *) ref, k);
                  if (self->repair == NULL)
                    self->repair = g_strdup_printf (_("the HTML entity “&%s;”, which XML does not define"), name);
                  i += n;
                  run = i;
                  continue;
                }
            }
          i += n;
        }
      else
        i++;
    }

out:
  g_byte_array_append (self->out, d + run, i - run);
  g_byte_array_remove_range (self->pending, 0, i);
}

static gboolean
fill (AccordsFeedInput *self)
{
  while (self->out_pos >= self->out->len)
    {
      g_byte_array_set_size (self->out, 0);
      self->out_pos = 0;

      if (self->eof && self->raw->len == 0 && self->pending->len == 0)
        return FALSE;

      if (!self->eof)
        {
          gsize old = self->raw->len;
          gssize n;

          g_byte_array_set_size (self->raw, old + CHUNK);
          n = g_input_stream_read (self->stream, self->raw->data + old, CHUNK,
                                   self->cancellable, &self->error);
          if (n < 0)
            {
              g_byte_array_set_size (self->raw, old);
              return FALSE;
            }
          g_byte_array_set_size (self->raw, old + n);
          self->bytes_read += n;
          if (n == 0)
            self->eof = TRUE;
        }

      if (self->decode == DECODE_UNKNOWN)
        {
          if (self->raw->len < DETECT_BYTES && !self->eof)
            continue;
          detect_encoding (self);
        }
      decode (self);
      if (!self->declaration_done)
        {
          if (self->pending->len < DETECT_BYTES && !self->eof)
            continue;
          rewrite_declaration (self);
          self->declaration_done = TRUE;
        }
      process (self);
    }
  return TRUE;
}

int
accords_feed_input_read (void *input,
                         char *buffer,
                         int   len)
{
  AccordsFeedInput *self = input;
  gsize n;

  if (self->error != NULL)
    return -1;
  if (len <= 0)
    return 0;
  if (!fill (self))
    return self->error != NULL ? -1 : 0;

  n = MIN ((gsize) len, self->out->len - self->out_pos);
  memcpy (buffer, self->out->data + self->out_pos, n);
  self->out_pos += n;
  self->emitted += n;
  return (int) n;
}
