/* accords-opml.h: the feeds an OPML subscription list names, pure */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  char *title;   /* plain text, may be "" */
  char *url;     /* xmlUrl as written */
} AccordsOpmlOutline;

void accords_opml_outline_free (AccordsOpmlOutline *outline);

/* The outlines with an xmlUrl, in document order (nested ones included), and
 * the list's title.  No network, no external entities.  A GPtrArray of
 * AccordsOpmlOutline; NULL with an ACCORDS_ERROR_NOT_A_FEED error when the
 * stream is not OPML. */
GPtrArray *accords_opml_parse (GInputStream  *stream,
                               char         **title,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
