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
const char          *accords_date_precision_to_string (AccordsDatePrecision precision);
AccordsDatePrecision accords_date_precision_from_string (const char *name);
char                *accords_date_format          (const char           *text);
/* "5 Dec 2023", "Jun 2023", "2001": for columns of dates */
char                *accords_date_format_short    (const char           *text);
char                *accords_date_today           (void);

G_END_DECLS
