/* accords-feed-date.h: the dates feeds write, RFC 822 and ISO 8601 in all their variants, as UTC */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Seconds since 1970-01-01T00:00:00Z for a date in any RFC 822 / RFC 2822 or
 * ISO 8601 / W3C-DTF form seen in feeds (named and numeric zones, two-digit
 * years, no weekday, no seconds, asctime, ...).  FALSE when the text is not
 * a date that can be read without guessing: never a wrong instant. */
gboolean  accords_feed_date_parse_unix (const char *text,
                                        gint64     *seconds);
/* The same date as "YYYY-MM-DDTHH:MM:SSZ", or NULL */
char     *accords_feed_date_parse      (const char *text);
/* Writes "YYYY-MM-DDTHH:MM:SSZ" for seconds into buf (at least 21 bytes) */
void      accords_feed_date_format     (gint64      seconds,
                                        char        buf[21]);

G_END_DECLS
