/* accords-date.h: the dates of the dataset: YYYY, YYYY-MM or YYYY-MM-DD */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates of year, month or day precision */
typedef enum {
  ACCORDS_DATE_PRECISION_NONE = 0,
  ACCORDS_DATE_PRECISION_YEAR,
  ACCORDS_DATE_PRECISION_MONTH,
  ACCORDS_DATE_PRECISION_DAY,
} AccordsDatePrecision;

gboolean             accords_date_parse           (const char           *text,
                                                   int                  *year,
                                                   int                  *month,
                                                   int                  *day,
                                                   AccordsDatePrecision *precision,
                                                   GError              **error);
/* YYYYMMDD of the first day the date covers, or 0 when it is not a date */
guint32              accords_date_key             (const char           *text);
/* The key of the day days after (negative: before) the day of key; 1 when
 * that is before the calendar begins */
guint32              accords_date_key_add_days    (guint32               key,
                                                   int                   days);
/* How many days lie between the days of two keys, either way round */
guint                accords_date_key_days_between (guint32              from,
                                                   guint32               to);
/* The key of a document's date: an ISO 8601 timestamp's day, or a date
 * this file reads; 0 when it is none */
guint32              accords_date_key_of_timestamp (const char          *timestamp);
const char          *accords_date_precision_to_string (AccordsDatePrecision precision);
AccordsDatePrecision accords_date_precision_from_string (const char *name);
char                *accords_date_format          (const char           *text);
/* "5 Dec 2023", "Jun 2023", "2001": for columns of dates */
char                *accords_date_format_short    (const char           *text);
char                *accords_date_today           (void);

G_END_DECLS
