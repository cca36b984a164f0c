/* test-status.c: statuses, event types, dates and the derivation rule */
#include "config.h"

#include <string.h>

#include "accords-date.h"
#include "accords-error.h"
#include "accords-status.h"

static void
test_priority (void)
{
  g_assert_cmpint (accords_status_strongest (ACCORDS_STATUS_SIGNED, ACCORDS_STATUS_SCRAPPED), ==, ACCORDS_STATUS_SCRAPPED);
  g_assert_cmpint (accords_status_strongest (ACCORDS_STATUS_STRUCK_DOWN, ACCORDS_STATUS_SCRAPPED), ==, ACCORDS_STATUS_STRUCK_DOWN);
  g_assert_cmpint (accords_status_strongest (ACCORDS_STATUS_COLLAPSED, ACCORDS_STATUS_SUSPENDED), ==, ACCORDS_STATUS_COLLAPSED);
  g_assert_cmpint (accords_status_strongest (ACCORDS_STATUS_IMPLEMENTED, ACCORDS_STATUS_IN_FORCE), ==, ACCORDS_STATUS_IMPLEMENTED);
  g_assert_cmpint (accords_status_strongest (ACCORDS_STATUS_IN_TALKS, ACCORDS_STATUS_RUMOURED), ==, ACCORDS_STATUS_IN_TALKS);
  g_assert_cmpint (accords_status_priority (ACCORDS_STATUS_SCRAPPED), ==, accords_status_priority (ACCORDS_STATUS_EXPIRED));

  for (guint i = 0; i < ACCORDS_N_STATUSES; i++)
    g_assert_cmpint (accords_status_from_string (accords_status_to_string (i)), ==, i);
  g_assert_cmpint (accords_status_from_string ("nonsense"), ==, ACCORDS_STATUS_NONE);
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  AccordsDatePrecision p;
  int y, m, d;

  g_assert_true (accords_date_parse ("2024", &y, &m, &d, &p, NULL));
  g_assert_cmpint (p, ==, ACCORDS_DATE_PRECISION_YEAR);
  g_assert_cmpint (m, ==, 1);
  g_assert_true (accords_date_parse ("2023-06", &y, &m, &d, &p, NULL));
  g_assert_cmpint (p, ==, ACCORDS_DATE_PRECISION_MONTH);
  g_assert_cmpint (d, ==, 1);
  g_assert_true (accords_date_parse ("2024-02-29", &y, &m, &d, &p, NULL));
  g_assert_cmpint (p, ==, ACCORDS_DATE_PRECISION_DAY);

  g_assert_false (accords_date_parse ("2025-02-30", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
  g_clear_error (&error);
  g_assert_false (accords_date_parse ("2025-13", NULL, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (accords_date_parse ("25-01-01", NULL, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (accords_date_parse ("", NULL, NULL, NULL, NULL, &error));
  g_clear_error (&error);

  /* month and year precision count from their first day */
  g_assert_cmpuint (accords_date_key ("2023-06"), ==, 20230601);
  g_assert_cmpuint (accords_date_key ("2001"), ==, 20010101);
  g_assert_cmpuint (accords_date_key ("bad"), ==, 0);

  /* short forms keep the precision: no invented day or month */
  {
    g_autofree char *day = accords_date_format_short ("2023-12-05");
    g_autofree char *month = accords_date_format_short ("2023-06");
    g_autofree char *year = accords_date_format_short ("2001");

    g_assert_cmpstr (day, ==, "5 Dec 2023");
    g_assert_cmpstr (month, ==, "Jun 2023");
    g_assert_cmpstr (year, ==, "2001");
  }
}

static AccordsStatus
derive (const AccordsDatedEvent *events, guint n, const char *on)
{
  return accords_status_derive (events, n, on ? accords_date_key (on) : 0);
}

static void
test_derive_uk_rwanda (void)
{
  /* as in the seed: MoU, court rulings, treaty, ratification, scrapping */
  const AccordsDatedEvent events[] = {
    { 20220414, "signed" },
    { 20220614, "court_ruling" },
    { 20230318, "amended" },
    { 20230601, "court_ruling" },
    { 20231115, "court_ruling" },
    { 20231205, "signed" },
    { 20240425, "legislation" },
    { 20240425, "ratified" },
    { 20240706, "scrapped" },
    { 20240722, "statement" },
  };

  g_assert_cmpint (derive (events, G_N_ELEMENTS (events), "2022-01-01"), ==, ACCORDS_STATUS_NONE);
  g_assert_cmpint (derive (events, G_N_ELEMENTS (events), "2023-12-31"), ==, ACCORDS_STATUS_SIGNED);
  g_assert_cmpint (derive (events, G_N_ELEMENTS (events), "2024-05-01"), ==, ACCORDS_STATUS_RATIFIED);
  g_assert_cmpint (derive (events, G_N_ELEMENTS (events), "2024-08-01"), ==, ACCORDS_STATUS_SCRAPPED);
  g_assert_cmpint (derive (events, G_N_ELEMENTS (events), NULL), ==, ACCORDS_STATUS_SCRAPPED);
}

static void
test_derive_halts (void)
{
  /* a block is lifted by a later transfer */
  const AccordsDatedEvent blocked[] = {
    { 20250501, "blocked" },
    { 20250703, "court_ruling" },
    { 20250705, "first_transfer" },
  };
  /* an end is lifted only by a resumption */
  const AccordsDatedEvent ended[] = {
    { 20010101, "first_transfer" },
    { 20080208, "terminated" },
    { 20120813, "resumed" },
  };
  const AccordsDatedEvent ended_then_transfer[] = {
    { 20190726, "signed" },
    { 20191101, "first_transfer" },
    { 20210206, "terminated" },
    { 20210301, "transfer" },
  };
  /* out of order input is sorted by date */
  const AccordsDatedEvent unordered[] = {
    { 20240706, "scrapped" },
    { 20220414, "signed" },
  };

  g_assert_cmpint (derive (blocked, 3, "2025-06-01"), ==, ACCORDS_STATUS_BLOCKED);
  g_assert_cmpint (derive (blocked, 3, NULL), ==, ACCORDS_STATUS_IMPLEMENTED);
  g_assert_cmpint (derive (ended, 3, "2010-01-01"), ==, ACCORDS_STATUS_TERMINATED);
  g_assert_cmpint (derive (ended, 3, NULL), ==, ACCORDS_STATUS_IMPLEMENTED);
  g_assert_cmpint (derive (ended_then_transfer, 4, NULL), ==, ACCORDS_STATUS_TERMINATED);
  g_assert_cmpint (derive (unordered, 2, NULL), ==, ACCORDS_STATUS_SCRAPPED);
  g_assert_cmpint (derive (unordered, 2, "2023-01-01"), ==, ACCORDS_STATUS_SIGNED);
  g_assert_cmpint (derive (NULL, 0, NULL), ==, ACCORDS_STATUS_NONE);
}

static void
test_event_types (void)
{
  guint n;
  const AccordsEventType *types = accords_event_types (&n);

  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    g_assert_true (accords_event_type_lookup (types[i].name) == &types[i]);
  g_assert_null (accords_event_type_lookup ("no_such_type"));
  g_assert_cmpint (accords_event_type_lookup ("talks_confirmed")->implies, ==, ACCORDS_STATUS_IN_TALKS);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/status/priority", test_priority);
  g_test_add_func ("/status/dates", test_dates);
  g_test_add_func ("/status/derive/uk-rwanda", test_derive_uk_rwanda);
  g_test_add_func ("/status/derive/halts", test_derive_halts);
  g_test_add_func ("/status/event-types", test_event_types);

  return g_test_run ();
}
