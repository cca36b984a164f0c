/* accords-util.c: small helpers shared by the core */
#define G_LOG_DOMAIN "accords-util"

#include "config.h"

#include <string.h>

#include "accords-util.h"

gboolean
accords_set_str (char       **str_pointer,
                 const char  *new_str)
{
  char *copy;

  g_return_val_if_fail (str_pointer != NULL, FALSE);

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

gboolean
accords_str_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

const char *
accords_str_or_empty (const char *str)
{
  return str ? str : "";
}

char *
accords_utf8_make_valid (const char *str,
                         gssize      len)
{
  if (str == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (str, len);
}

char *
accords_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean hyphen = FALSE;

  if (text == NULL)
    return g_strdup ("");

  ascii = g_str_to_ascii (text, "C");
  out = g_string_new (NULL);
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else
        hyphen = TRUE;
    }
  return g_string_free (out, FALSE);
}

void
accords_run_in_context (GMainContext   *context,
                        int             priority,
                        GSourceFunc     func,
                        gpointer        data,
                        GDestroyNotify  destroy,
                        const char     *name)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, priority);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, name);
  g_source_attach (source, context);
}
