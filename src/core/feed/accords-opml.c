/* accords-opml.c: the feeds an OPML subscription list names, pure */
#define G_LOG_DOMAIN "accords-opml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "accords-error.h"
#include "accords-feed-input.h"
#include "accords-opml.h"

/* A subscription list larger than this is not one */
#define MAX_OUTLINES 100000

void
accords_opml_outline_free (AccordsOpmlOutline *outline)
{
  if (outline == NULL)
    return;
  g_free (outline->title);
  g_free (outline->url);
  g_free (outline);
}

static char *
attribute (xmlTextReaderPtr  reader,
           const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_utf8_make_valid ((const char *) value, -1);
  xmlFree (value);
  return g_strstrip (copy);
}

static int
close_cb (void *context)
{
  return 0;
}

GPtrArray *
accords_opml_parse (GInputStream  *stream,
                    char         **title,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(AccordsFeedInput) input = accords_feed_input_new (stream, cancellable);
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_opml_outline_free);
  g_autoptr(GString) head_title = g_string_new (NULL);
  xmlTextReaderPtr reader;
  gboolean saw_root = FALSE, in_title = FALSE;
  int ret;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = xmlReaderForIO (accords_feed_input_read, close_cb, input, NULL, NULL,
                           XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (reader == NULL)
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED, _("The XML reader could not be created"));
      return NULL;
    }

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (type == XML_READER_TYPE_ELEMENT && name != NULL)
        {
          if (!saw_root)
            {
              saw_root = TRUE;
              if (strcmp (name, "opml") != 0)
                {
                  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                               _("it is not an OPML list (its root element is <%s>)"), name);
                  xmlFreeTextReader (reader);
                  return NULL;
                }
            }
          else if (strcmp (name, "title") == 0 && xmlTextReaderDepth (reader) == 2)
            in_title = xmlTextReaderIsEmptyElement (reader) != 1;
          else if (strcmp (name, "outline") == 0 && outlines->len < MAX_OUTLINES)
            {
              g_autofree char *url = attribute (reader, "xmlUrl");

              if (url == NULL)
                url = attribute (reader, "xmlurl");
              if (url != NULL && *url != '\0')
                {
                  AccordsOpmlOutline *o = g_new0 (AccordsOpmlOutline, 1);

                  o->url = g_steal_pointer (&url);
                  o->title = attribute (reader, "title");
                  if (o->title == NULL || *o->title == '\0')
                    {
                      g_free (o->title);
                      o->title = attribute (reader, "text");
                    }
                  if (o->title == NULL)
                    o->title = g_strdup ("");
                  g_ptr_array_add (outlines, o);
                }
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && name != NULL && strcmp (name, "title") == 0)
        in_title = FALSE;
      else if (in_title && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA))
        {
          const char *value = (const char *) xmlTextReaderConstValue (reader);
          if (value != NULL && head_title->len < 4096)
            g_string_append (head_title, value);
        }
    }
  xmlFreeTextReader (reader);

  if (accords_feed_input_get_error (input) != NULL)
    {
      g_propagate_error (error, g_error_copy (accords_feed_input_get_error (input)));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!saw_root)
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED, _("it holds no XML element"));
      return NULL;
    }
  if (title != NULL)
    *title = g_strstrip (g_utf8_make_valid (head_title->str, head_title->len));
  return g_steal_pointer (&outlines);
}
