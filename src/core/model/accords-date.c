/* accords-date.c: the dates of the dataset: YYYY, YYYY-MM or YYYY-MM-DD */
#define G_LOG_DOMAIN "accords-date"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-date.h"
#include "accords-error.h"

static gboolean
parse_digits (const char *s,
              guint       n,
              int        *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
accords_date_parse (const char           *text,
                    int                  *year,
                    int                  *month,
                    int                  *day,
                    AccordsDatePrecision *precision,
                    GError              **error)
{
  int y = 0, m = 1, d = 1;
  AccordsDatePrecision p;
  gsize len;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("The date is empty"));
      return FALSE;
    }

  len = strlen (text);
  if (len == 4 && parse_digits (text, 4, &y))
    p = ACCORDS_DATE_PRECISION_YEAR;
  else if (len == 7 && text[4] == '-' && parse_digits (text, 4, &y) && parse_digits (text + 5, 2, &m))
    p = ACCORDS_DATE_PRECISION_MONTH;
  else if (len == 10 && text[4] == '-' && text[7] == '-' &&
           parse_digits (text, 4, &y) && parse_digits (text + 5, 2, &m) && parse_digits (text + 8, 2, &d))
    p = ACCORDS_DATE_PRECISION_DAY;
  else
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"), text);
      return FALSE;
    }

  if (y < 1 || m < 1 || m > 12)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("“%s” has no month %d"), text, m);
      return FALSE;
    }
  if (d < 1 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s does not exist: that month has %u days"), text,
                   (guint) g_date_get_days_in_month (m, y));
      return FALSE;
    }

  if (year) *year = y;
  if (month) *month = m;
  if (day) *day = d;
  if (precision) *precision = p;
  return TRUE;
}

guint32
accords_date_key (const char *text)
{
  int y, m, d;

  if (!accords_date_parse (text, &y, &m, &d, NULL, NULL))
    return 0;
  return (guint32) (y * 10000 + m * 100 + d);
}

static GDate *
date_of_key (guint32 key)
{
  return g_date_new_dmy (key % 100, (key / 100) % 100, key / 10000);
}

guint32
accords_date_key_add_days (guint32 key,
                           int     days)
{
  g_autoptr(GDate) date = date_of_key (key);

  if (days >= 0)
    g_date_add_days (date, days);
  else if (g_date_get_julian (date) > (guint32) -days)
    g_date_subtract_days (date, -days);
  else
    return 1;
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

guint
accords_date_key_days_between (guint32 from,
                               guint32 to)
{
  g_autoptr(GDate) a = date_of_key (from);
  g_autoptr(GDate) b = date_of_key (to);

  return (guint) ABS (g_date_days_between (a, b));
}

guint32
accords_date_key_of_timestamp (const char *timestamp)
{
  char day[11];

  if (timestamp == NULL || *timestamp == '\0')
    return 0;
  if (strlen (timestamp) > 10 && timestamp[4] == '-' && timestamp[7] == '-')
    {
      memcpy (day, timestamp, 10);
      day[10] = '\0';
      return accords_date_key (day);
    }
  return accords_date_key (timestamp);
}

const char *
accords_date_precision_to_string (AccordsDatePrecision precision)
{
  switch (precision)
    {
    case ACCORDS_DATE_PRECISION_YEAR: return "year";
    case ACCORDS_DATE_PRECISION_MONTH: return "month";
    case ACCORDS_DATE_PRECISION_DAY: return "day";
    case ACCORDS_DATE_PRECISION_NONE:
    default: return "none";
    }
}

AccordsDatePrecision
accords_date_precision_from_string (const char *name)
{
  if (g_strcmp0 (name, "year") == 0)
    return ACCORDS_DATE_PRECISION_YEAR;
  if (g_strcmp0 (name, "month") == 0)
    return ACCORDS_DATE_PRECISION_MONTH;
  if (g_strcmp0 (name, "day") == 0)
    return ACCORDS_DATE_PRECISION_DAY;
  return ACCORDS_DATE_PRECISION_NONE;
}

static char *
format_date (const char *text,
             gboolean    abbreviated)
{
  int y, m, d;
  AccordsDatePrecision p;
  g_autoptr(GDateTime) dt = NULL;

  if (!accords_date_parse (text, &y, &m, &d, &p, NULL))
    return g_strdup (text ? text : "");

  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  switch (p)
    {
    case ACCORDS_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", y);
    case ACCORDS_DATE_PRECISION_MONTH:
      return g_date_time_format (dt, abbreviated
                                 /* TRANSLATORS: an abbreviated month and year, see g_date_time_format() */
                                 ? _("%b %Y")
                                 /* TRANSLATORS: a month and year, see g_date_time_format() */
                                 : _("%B %Y"));
    case ACCORDS_DATE_PRECISION_DAY:
    case ACCORDS_DATE_PRECISION_NONE:
    default:
      return g_date_time_format (dt, abbreviated
                                 /* TRANSLATORS: a day, abbreviated month and year, see g_date_time_format() */
                                 ? _("%-d %b %Y")
                                 /* TRANSLATORS: a day, month and year, see g_date_time_format() */
                                 : _("%-d %B %Y"));
    }
}

char *
accords_date_format (const char *text)
{
  return format_date (text, FALSE);
}

char *
accords_date_format_short (const char *text)
{
  return format_date (text, TRUE);
}

char *
accords_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}
