/* fuzz-feed-parser.c: libFuzzer harness for the feed parser (feeds, the other news XML, mappings), the HTML sanitizer and the date reader */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "accords-feed-date.h"
#include "accords-feed-mapping.h"
#include "accords-feed-parser.h"
#include "accords-html-sanitizer.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
require_utf8 (const char *text)
{
  /* Invalid UTF-8 in any output is a bug: make it a crash the fuzzer keeps */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    abort ();
}

/* The sanitizer writes tags as <name attr="value" ...>, values escaped: no
 * script element, no event handler, no URL but http, https, mailto or a
 * relative one may come out. */
static void
check_markup (const char *html)
{
  for (const char *lt = strchr (html, '<'); lt != NULL; lt = strchr (lt + 1, '<'))
    {
      const char *s = lt + 1;

      if (*s == '/')
        continue;
      if (strncmp (s, "script", 6) == 0 || strncmp (s, "style", 5) == 0 || strncmp (s, "iframe", 6) == 0)
        abort ();
      while (*s && *s != ' ' && *s != '>')
        s++;
      while (*s == ' ')
        {
          const char *name = ++s, *value;
          const char *eq = strchr (s, '=');

          if (*s == '/' || *s == '>')
            break;
          if (eq == NULL || eq[1] != '"')
            abort ();
          if (strncmp (name, "on", 2) == 0 || strncmp (name, "style", 5) == 0)
            abort ();
          value = eq + 2;
          s = strchr (value, '"');
          if (s == NULL)
            abort ();
          if ((strncmp (name, "href=", 5) == 0 || strncmp (name, "src=", 4) == 0))
            {
              const char *colon = memchr (value, ':', s - value);
              const char *slash = memchr (value, '/', s - value);
              if (colon != NULL && (slash == NULL || colon < slash) &&
                  strncmp (value, "http:", 5) != 0 && strncmp (value, "https:", 6) != 0 &&
                  strncmp (value, "mailto:", 7) != 0 &&
                  g_ascii_strncasecmp (value, "http:", 5) != 0 && g_ascii_strncasecmp (value, "https:", 6) != 0 &&
                  g_ascii_strncasecmp (value, "mailto:", 7) != 0)
                abort ();
            }
          s++;
        }
    }
}

static gboolean
entry_cb (AccordsFeedEntry  *e,
          gpointer           user_data,
          GError           **error)
{
  require_utf8 (e->id);
  require_utf8 (e->title);
  require_utf8 (e->link);
  require_utf8 (e->author);
  require_utf8 (e->published);
  require_utf8 (e->updated);
  require_utf8 (e->summary);
  require_utf8 (e->content);
  require_utf8 (e->summary_text);
  require_utf8 (e->content_text);
  require_utf8 (e->enclosure);
  for (guint i = 0; i < e->categories->len; i++)
    require_utf8 (e->categories->pdata[i]);
  check_markup (e->summary);
  check_markup (e->content);
  accords_feed_entry_free (e);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsFeedInfo) info = NULL;

  info = accords_feed_parse_bytes (bytes, "https://fuzz.example/base/", entry_cb, NULL, &error);
  if (info != NULL)
    {
      require_utf8 (info->title);
      require_utf8 (info->link);
      require_utf8 (info->subtitle);
      require_utf8 (info->language);
      require_utf8 (info->updated);
      require_utf8 (info->bozo_message);
    }
  else
    require_utf8 (error->message);

  /* The same bytes through a mapping, and guessed at, as the mapping dialog does */
  {
    g_autoptr(AccordsFeedMapping) mapping =
      accords_feed_mapping_parse ("item=record;title=headline;link=url;published=meta/@date;summary=lead;"
                                  "content=body;author=by/@name;category=tags/tag;id=@id;feed-title=@name", NULL);
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
    g_autoptr(GInputStream) again = g_memory_input_stream_new_from_bytes (bytes);
    g_autoptr(GError) mapped_error = NULL;
    g_autoptr(GError) guess_error = NULL;
    g_autoptr(AccordsFeedInfo) mapped = NULL;
    g_autoptr(AccordsFeedMapping) guess = NULL;

    mapped = accords_feed_parse_mapped (stream, "https://fuzz.example/base/", mapping, entry_cb, NULL, NULL, NULL,
                                        &mapped_error);
    if (mapped != NULL)
      require_utf8 (mapped->title);
    else
      require_utf8 (mapped_error->message);
    guess = accords_feed_mapping_guess (again, NULL, &guess_error);
    if (guess != NULL)
      {
        g_autofree char *text = accords_feed_mapping_to_string (guess);
        require_utf8 (text);
      }
  }

  /* The same bytes as an HTML fragment and as a date, when they are text */
  if (g_utf8_validate ((const char *) data, size, NULL))
    {
      g_autoptr(GString) html = g_string_new (NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *date_text = g_strndup ((const char *) data, MIN (size, 200));
      g_autofree char *date = accords_feed_date_parse (date_text);

      accords_html_sanitize ((const char *) data, size, "https://fuzz.example/", html, text);
      require_utf8 (html->str);
      require_utf8 (text->str);
      check_markup (html->str);
      require_utf8 (date);
    }
  return 0;
}
