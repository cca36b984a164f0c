/* test-feed-date.c: every date form feeds write becomes UTC, or nothing */
#include "config.h"

#include <glib.h>

#include "accords-feed-date.h"

typedef struct {
  const char *text;
  const char *expected;   /* NULL: unreadable */
} DateCase;

static void
check_cases (const DateCase *cases,
             gsize           n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *got = accords_feed_date_parse (cases[i].text);

      g_test_message ("%s -> %s", cases[i].text, got ? got : "(none)");
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_rfc822 (void)
{
  static const DateCase cases[] = {
    { "Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
    { "Thu, 01 Jan 2004 19:48:21 +0000", "2004-01-01T19:48:21Z" },
    { "Sat, 06 Jul 2024 09:30:00 +0100", "2024-07-06T08:30:00Z" },
    { "Sat, 06 Jul 2024 09:30:00 -0530", "2024-07-06T15:00:00Z" },
    { "Sat, 06 Jul 2024 09:30:00 +01:00", "2024-07-06T08:30:00Z" },
    { "Sat, 6 Jul 2024 9:30:00 GMT", "2024-07-06T09:30:00Z" },
    { "06 Jul 2024 09:30:00 GMT", "2024-07-06T09:30:00Z" },            /* no weekday */
    { "Sat, 06 Jul 2024 09:30 GMT", "2024-07-06T09:30:00Z" },         /* no seconds */
    { "Sat, 06 Jul 2024 09:30:00", "2024-07-06T09:30:00Z" },          /* no zone: UTC */
    { "Sat, 06 Jul 2024", "2024-07-06T00:00:00Z" },                   /* no time */
    { "Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z" },        /* two-digit year */
    { "Fri, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z" },
    { "Thu, 01 January 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },  /* full month */
    { "Tue, 21 Sept 2004 10:00:00 GMT", "2004-09-21T10:00:00Z" },
    { "thu, 01 jan 2004 19:48:21 gmt", "2004-01-01T19:48:21Z" },      /* lower case */
    { "Thu,01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
    { "Thursday, 01-Jan-04 19:48:21 GMT", "2004-01-01T19:48:21Z" },   /* RFC 850 */
    { "Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z" },           /* asctime */
    { "January 1, 2004 7:48 PM EST", "2004-01-02T00:48:00Z" },
    { "Thu, 01 Jan 2004 12:00:00 AM UTC", "2004-01-01T00:00:00Z" },
    { "Thu, 01 Jan 2004 19:48:21 EST", "2004-01-02T00:48:21Z" },      /* named zones */
    { "Thu, 01 Jul 2004 19:48:21 EDT", "2004-07-01T23:48:21Z" },
    { "Thu, 01 Jan 2004 19:48:21 CST", "2004-01-02T01:48:21Z" },
    { "Thu, 01 Jan 2004 19:48:21 PDT", "2004-01-02T02:48:21Z" },
    { "Thu, 01 Jan 2004 19:48:21 UT", "2004-01-01T19:48:21Z" },
    { "Thu, 01 Jan 2004 19:48:21 Z", "2004-01-01T19:48:21Z" },
    { "Thu, 01 Jan 2004 19:48:21 CET", "2004-01-01T18:48:21Z" },
    { "Thu, 01 Jan 2004 19:48:21 GMT+0200", "2004-01-01T17:48:21Z" },
    { "Thu, 01 Jan 2004 19:48:21 +0000 (GMT)", "2004-01-01T19:48:21Z" },
    { "Thu, 01 Jan 2004 23:30:00 -0800", "2004-01-02T07:30:00Z" },   /* crosses the day */
    { "Sat, 31 Dec 2005 23:59:60 GMT", "2005-12-31T23:59:59Z" },      /* a leap second */
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_iso8601 (void)
{
  static const DateCase cases[] = {
    { "2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z" },
    { "2003-12-31T10:14:55z", "2003-12-31T10:14:55Z" },
    { "2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z" },
    { "2003-12-31T10:14:55+0100", "2003-12-31T09:14:55Z" },
    { "2003-12-31T10:14:55+01", "2003-12-31T09:14:55Z" },
    { "2003-12-31T10:14:55.250+01:00", "2003-12-31T09:14:55Z" },     /* fractions */
    { "2003-12-31T10:14:55,5Z", "2003-12-31T10:14:55Z" },
    { "2003-12-31T10:14Z", "2003-12-31T10:14:00Z" },                  /* no seconds */
    { "2003-12-31T10:14:55", "2003-12-31T10:14:55Z" },                /* no zone: UTC */
    { "2003-12-31 10:14:55", "2003-12-31T10:14:55Z" },                /* space */
    { "2003-12-31 10:14:55 GMT", "2003-12-31T10:14:55Z" },
    { "2003-12-31", "2003-12-31T00:00:00Z" },
    { "2003-12", "2003-12-01T00:00:00Z" },
    { "2003", "2003-01-01T00:00:00Z" },
    { "20031231T101455Z", "2003-12-31T10:14:55Z" },                   /* basic format */
    { "20031231", "2003-12-31T00:00:00Z" },
    { "2003-335", "2003-12-01T00:00:00Z" },                           /* ordinal */
    { "2004-02-29T00:00:00Z", "2004-02-29T00:00:00Z" },               /* leap day */
    { "2003-12-31T24:00:00Z", "2004-01-01T00:00:00Z" },
    { "  2003-12-31T10:14:55Z  ", "2003-12-31T10:14:55Z" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_unreadable (void)
{
  static const DateCase cases[] = {
    { "", NULL },
    { "   ", NULL },
    { "yesterday", NULL },
    { "2003-13-01T00:00:00Z", NULL },               /* no 13th month */
    { "2003-02-29T00:00:00Z", NULL },               /* not a leap year */
    { "2003-12-32", NULL },
    { "2003-12-31T25:00:00Z", NULL },
    { "2003-12-31T10:61:00Z", NULL },
    { "2003-12-31T10:14:55+25:00", NULL },          /* no such zone */
    { "Thu, 31 Feb 2004 10:00:00 GMT", NULL },
    { "Thu, 01 Foo 2004 19:48:21 GMT", NULL },      /* no such month */
    { "Thu, 01 Jan 2004 19:48:21 XYZ", NULL },      /* unknown zone: never a guess */
    { "Thu, 01 Jan 2004 19:48:21 A", NULL },        /* military zones are ambiguous */
    { "01/02/2004", NULL },                         /* day or month first? */
    { "Thu, 01 Jan 204 19:48:21 GMT", NULL },       /* three-digit year */
    { "2003-12-31Tjunk", NULL },
    { "Thu, 01 Jan 2004 13:00 PM GMT", NULL },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
  g_assert_null (accords_feed_date_parse (NULL));
}

static void
test_round_trip (void)
{
  gint64 seconds;
  char buf[21];

  g_assert_true (accords_feed_date_parse_unix ("1970-01-01T00:00:00Z", &seconds));
  g_assert_cmpint (seconds, ==, 0);
  g_assert_true (accords_feed_date_parse_unix ("1969-12-31T23:59:59Z", &seconds));
  g_assert_cmpint (seconds, ==, -1);
  accords_feed_date_format (seconds, buf);
  g_assert_cmpstr (buf, ==, "1969-12-31T23:59:59Z");
  g_assert_true (accords_feed_date_parse_unix ("2038-01-19T03:14:08Z", &seconds));
  g_assert_cmpint (seconds, ==, G_GINT64_CONSTANT (2147483648));
  accords_feed_date_format (G_GINT64_CONSTANT (1720254600), buf);
  g_assert_cmpstr (buf, ==, "2024-07-06T08:30:00Z");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/date/rfc822", test_rfc822);
  g_test_add_func ("/feed/date/iso8601", test_iso8601);
  g_test_add_func ("/feed/date/unreadable", test_unreadable);
  g_test_add_func ("/feed/date/round-trip", test_round_trip);

  return g_test_run ();
}
