/* accords-feed-input.h: the bytes of a feed on their way to the XML parser, repaired where they can be */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads a stream for libxml2 and repairs, as it goes, what would stop a
 * strict XML parser where the author's meaning is plain: a bare "&" becomes
 * "&amp;", an HTML entity undefined in XML becomes its character
 * reference, and a byte that is not UTF-8 is read as windows-1252.  Every
 * encoding (UTF-16, UTF-32, or the one the XML declaration names) is
 * decoded here, so the parser only ever reads UTF-8; an unknown one is read
 * as UTF-8.  Each repair makes the feed ill-formed (bozo). */
typedef struct _AccordsFeedInput AccordsFeedInput;

AccordsFeedInput *accords_feed_input_new           (GInputStream     *stream,
                                                    GCancellable     *cancellable);
void              accords_feed_input_free          (AccordsFeedInput *input);
/* An xmlInputReadCallback: bytes written, 0 at the end, -1 on error */
int               accords_feed_input_read          (void             *input,
                                                    char             *buffer,
                                                    int               len);
/* What the first repair was, or NULL when there was none */
const char       *accords_feed_input_get_repair    (AccordsFeedInput *input);
/* The read error that stopped the input, or NULL */
const GError     *accords_feed_input_get_error     (AccordsFeedInput *input);
/* The name of the first element seen in the bytes, or NULL */
const char       *accords_feed_input_get_first_element (AccordsFeedInput *input);
guint64           accords_feed_input_get_bytes_read (AccordsFeedInput *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsFeedInput, accords_feed_input_free)

G_END_DECLS
