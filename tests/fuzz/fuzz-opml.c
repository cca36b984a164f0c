/* fuzz-opml.c: libFuzzer harness for the OPML reader */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>

#include "accords-opml.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
require_utf8 (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    abort ();
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outlines = NULL;
  g_autofree char *title = NULL;

  outlines = accords_opml_parse (stream, &title, NULL, &error);
  if (outlines == NULL)
    {
      if (error == NULL)
        abort ();
      require_utf8 (error->message);
      return 0;
    }
  require_utf8 (title);
  for (guint i = 0; i < outlines->len; i++)
    {
      AccordsOpmlOutline *o = outlines->pdata[i];

      if (o->url == NULL || o->title == NULL)
        abort ();
      require_utf8 (o->title);
      require_utf8 (o->url);
    }
  return 0;
}
