/* accords-feed-date.c: the dates feeds write, RFC 822 and ISO 8601 in all their variants, as UTC */
#define G_LOG_DOMAIN "accords-feed-date"

#include "config.h"

#include <string.h>

#include "accords-feed-date.h"

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *year,
                 int    *month,
                 int    *day)
{
  gint64 era, doe, yoe, y, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = (int) (y + (*month <= 2));
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

typedef struct {
  int year, month, day;
  int hour, minute, second;
  int offset;               /* seconds east of UTC */
} Fields;

static gboolean
fields_to_unix (Fields *f,
                gint64 *seconds)
{
  if (f->year < 1 || f->year > 9999 || f->month < 1 || f->month > 12 ||
      f->day < 1 || f->day > days_in_month (f->year, f->month))
    return FALSE;
  if (f->hour == 24 && f->minute == 0 && f->second == 0)
    ;  /* the end of the day: midnight of the next one */
  else if (f->hour < 0 || f->hour > 23 || f->minute < 0 || f->minute > 59 ||
           f->second < 0 || f->second > 60)
    return FALSE;
  if (f->second == 60)
    f->second = 59;  /* a leap second: the same instant to the second */
  if (f->offset < -14 * 3600 || f->offset > 14 * 3600)
    return FALSE;

  *seconds = days_from_civil (f->year, f->month, f->day) * 86400 +
             f->hour * 3600 + f->minute * 60 + f->second - f->offset;
  return TRUE;
}

void
accords_feed_date_format (gint64 seconds,
                          char   buf[21])
{
  gint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  gint64 rest = seconds - days * 86400;
  int y, m, d;

  int fields[6];
  char *o = buf;

  civil_from_days (days, &y, &m, &d);
  fields[0] = y, fields[1] = m, fields[2] = d;
  fields[3] = (int) (rest / 3600), fields[4] = (int) (rest / 60 % 60), fields[5] = (int) (rest % 60);
  /* YYYY-MM-DDTHH:MM:SSZ, written by hand: this runs for every item */
  *o++ = '0' + y / 1000 % 10;
  *o++ = '0' + y / 100 % 10;
  *o++ = '0' + y / 10 % 10;
  *o++ = '0' + y % 10;
  for (int i = 1; i < 6; i++)
    {
      *o++ = i == 3 ? 'T' : i < 3 ? '-' : ':';
      *o++ = '0' + fields[i] / 10;
      *o++ = '0' + fields[i] % 10;
    }
  *o++ = 'Z';
  *o = '\0';
}

/* Reads exactly n digits */
static gboolean
digits (const char **p,
        int          n,
        int         *value)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;
  return TRUE;
}

static const struct {
  const char *name;
  int         minutes;
} zones[] = {
  { "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 }, { "wet", 0 },
  { "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
  { "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
  { "ast", -240 }, { "adt", -180 }, { "nst", -210 }, { "ndt", -150 },
  { "akst", -540 }, { "akdt", -480 }, { "hst", -600 }, { "hast", -600 }, { "hadt", -540 },
  { "bst", 60 }, { "west", 60 }, { "cet", 60 }, { "met", 60 }, { "cest", 120 }, { "mest", 120 },
  { "mez", 60 }, { "mesz", 120 },
  { "eet", 120 }, { "eest", 180 }, { "msk", 180 }, { "msd", 240 },
  { "jst", 540 }, { "kst", 540 }, { "hkt", 480 }, { "sgt", 480 }, { "awst", 480 },
  { "acst", 570 }, { "acdt", 630 }, { "aest", 600 }, { "aedt", 660 },
  { "nzst", 720 }, { "nzdt", 780 },
};

static gboolean
lookup_zone (const char *name,
             gsize       len,
             int        *offset)
{
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (strlen (zones[i].name) == len && g_ascii_strncasecmp (zones[i].name, name, len) == 0)
      {
        *offset = zones[i].minutes * 60;
        return TRUE;
      }
  return FALSE;
}

/* "+hh:mm", "+hhmm", "+hh", "-..." */
static gboolean
numeric_zone (const char **p,
              int         *offset)
{
  const char *s = *p;
  int sign, h, m = 0;

  if (*s != '+' && *s != '-')
    return FALSE;
  sign = *s == '-' ? -1 : 1;
  s++;
  if (!digits (&s, 2, &h))
    return FALSE;
  if (*s == ':')
    {
      s++;
      if (!digits (&s, 2, &m))
        return FALSE;
    }
  else if (g_ascii_isdigit (*s))
    {
      if (!digits (&s, 2, &m))
        return FALSE;
    }
  if (g_ascii_isdigit (*s) || h > 14 || m > 59)
    return FALSE;
  *offset = sign * (h * 3600 + m * 60);
  *p = s;
  return TRUE;
}

static gboolean
parse_time (const char **p,
            Fields      *f)
{
  const char *s = *p;

  if (!digits (&s, 2, &f->hour))
    return FALSE;
  if (*s == ':')
    s++;
  if (!digits (&s, 2, &f->minute))
    return FALSE;
  f->second = 0;
  if (*s == ':' || g_ascii_isdigit (*s))
    {
      if (*s == ':')
        s++;
      if (!digits (&s, 2, &f->second))
        return FALSE;
      if (*s == '.' || *s == ',')
        {
          s++;
          if (!g_ascii_isdigit (*s))
            return FALSE;
          while (g_ascii_isdigit (*s))
            s++;
        }
    }
  *p = s;
  return TRUE;
}

static gboolean
parse_iso8601 (const char *text,
               Fields     *f)
{
  const char *s = text;

  memset (f, 0, sizeof *f);
  f->month = f->day = 1;

  if (!digits (&s, 4, &f->year))
    return FALSE;
  if (*s == '-')
    {
      s++;
      if (g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]) &&
          !g_ascii_isdigit (s[3]))
        {
          /* ordinal date: YYYY-DDD */
          int ordinal = 0;
          gint64 days;

          digits (&s, 3, &ordinal);
          if (ordinal < 1 || ordinal > (days_in_month (f->year, 2) == 29 ? 366 : 365))
            return FALSE;
          days = days_from_civil (f->year, 1, 1) + ordinal - 1;
          civil_from_days (days, &f->year, &f->month, &f->day);
        }
      else
        {
          if (!digits (&s, 2, &f->month))
            return FALSE;
          if (*s == '-')
            {
              s++;
              if (!digits (&s, 2, &f->day))
                return FALSE;
            }
        }
    }
  else if (g_ascii_isdigit (*s))
    {
      if (!digits (&s, 2, &f->month) || !digits (&s, 2, &f->day))
        return FALSE;
    }

  if (*s == 'T' || *s == 't' || (*s == ' ' && g_ascii_isdigit (s[1])))
    {
      s++;
      if (!parse_time (&s, f))
        return FALSE;
    }

  while (*s == ' ')
    s++;
  if (*s == '+' || *s == '-')
    {
      if (!numeric_zone (&s, &f->offset))
        return FALSE;
    }
  else if (g_ascii_isalpha (*s))
    {
      const char *start = s;
      while (g_ascii_isalpha (*s))
        s++;
      if (!lookup_zone (start, s - start, &f->offset))
        return FALSE;
      /* "GMT+01:00" */
      if ((*s == '+' || *s == '-') && f->offset == 0 && !numeric_zone (&s, &f->offset))
        return FALSE;
    }
  while (g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

/* Month names as feeds in other languages write them (RFC 822 has the
 * English ones only).  An abbreviation is any start of three letters or
 * more that names one month only: "janv", "févr", "sept", "dez". */
static const struct {
  const char *name;
  int         month;
} month_names[] = {
  /* English */
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 }, { "june", 6 },
  { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 }, { "november", 11 }, { "december", 12 },
  /* French */
  { "janvier", 1 }, { "février", 2 }, { "fevrier", 2 }, { "mars", 3 }, { "avril", 4 }, { "mai", 5 },
  { "juin", 6 }, { "juillet", 7 }, { "août", 8 }, { "aout", 8 }, { "septembre", 9 }, { "octobre", 10 },
  { "novembre", 11 }, { "décembre", 12 },
  /* German */
  { "januar", 1 }, { "jänner", 1 }, { "jänn", 1 }, { "februar", 2 }, { "märz", 3 }, { "mrz", 3 }, { "maerz", 3 },
  { "juni", 6 }, { "juli", 7 }, { "oktober", 10 }, { "dezember", 12 },
  /* Spanish, Italian, Portuguese */
  { "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 }, { "junio", 6 },
  { "julio", 7 }, { "agosto", 8 }, { "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 },
  { "noviembre", 11 }, { "diciembre", 12 },
  { "gennaio", 1 }, { "febbraio", 2 }, { "aprile", 4 }, { "maggio", 5 }, { "giugno", 6 }, { "luglio", 7 },
  { "settembre", 9 }, { "ottobre", 10 }, { "dicembre", 12 },
  { "janeiro", 1 }, { "fevereiro", 2 }, { "março", 3 }, { "maio", 5 }, { "junho", 6 }, { "julho", 7 },
  { "setembro", 9 }, { "outubro", 10 }, { "novembro", 11 }, { "dezembro", 12 },
  /* Dutch, Scandinavian */
  { "januari", 1 }, { "februari", 2 }, { "maart", 3 }, { "mrt", 3 }, { "mei", 5 }, { "augustus", 8 },
  { "marts", 3 }, { "maj", 5 }, { "augusti", 8 }, { "desember", 12 },
  /* Polish, Czech */
  { "styczeń", 1 }, { "stycznia", 1 }, { "luty", 2 }, { "lutego", 2 }, { "marzec", 3 }, { "marca", 3 },
  { "kwiecień", 4 }, { "kwietnia", 4 }, { "maja", 5 }, { "czerwiec", 6 }, { "czerwca", 6 },
  { "lipiec", 7 }, { "lipca", 7 }, { "sierpień", 8 }, { "sierpnia", 8 }, { "wrzesień", 9 },
  { "września", 9 }, { "październik", 10 }, { "października", 10 }, { "listopad", 11 },
  { "listopada", 11 }, { "grudzień", 12 }, { "grudnia", 12 },
  { "leden", 1 }, { "ledna", 1 }, { "únor", 2 }, { "února", 2 }, { "březen", 3 }, { "března", 3 },
  { "duben", 4 }, { "dubna", 4 }, { "květen", 5 }, { "května", 5 }, { "červen", 6 }, { "června", 6 },
  { "červenec", 7 }, { "července", 7 }, { "srpen", 8 }, { "srpna", 8 }, { "září", 9 },
  { "říjen", 10 }, { "října", 10 }, { "listopadu", 11 }, { "prosinec", 12 }, { "prosince", 12 },
  /* Hungarian, Romanian, Catalan, Indonesian */
  { "január", 1 }, { "február", 2 }, { "március", 3 }, { "április", 4 }, { "május", 5 },
  { "június", 6 }, { "július", 7 }, { "augusztus", 8 }, { "szeptember", 9 }, { "október", 10 },
  { "ianuarie", 1 }, { "februarie", 2 }, { "martie", 3 }, { "aprilie", 4 }, { "iunie", 6 },
  { "iulie", 7 }, { "septembrie", 9 }, { "octombrie", 10 }, { "noiembrie", 11 }, { "decembrie", 12 },
  { "gener", 1 }, { "febrer", 2 }, { "març", 3 }, { "maig", 5 }, { "juny", 6 }, { "juliol", 7 },
  { "agost", 8 }, { "setembre", 9 }, { "desembre", 12 },
  { "maret", 3 }, { "agustus", 8 }, { "oktober", 10 },
  /* Russian */
  { "январь", 1 }, { "января", 1 }, { "февраль", 2 }, { "февраля", 2 }, { "март", 3 }, { "марта", 3 },
  { "апрель", 4 }, { "апреля", 4 }, { "май", 5 }, { "мая", 5 }, { "июнь", 6 }, { "июня", 6 },
  { "июль", 7 }, { "июля", 7 }, { "август", 8 }, { "августа", 8 }, { "сентябрь", 9 },
  { "сентября", 9 }, { "октябрь", 10 }, { "октября", 10 }, { "ноябрь", 11 }, { "ноября", 11 },
  { "декабрь", 12 }, { "декабря", 12 },
  /* Turkish */
  { "ocak", 1 }, { "şubat", 2 }, { "mart", 3 }, { "nisan", 4 }, { "mayıs", 5 }, { "haziran", 6 },
  { "temmuz", 7 }, { "ağustos", 8 }, { "eylül", 9 }, { "ekim", 10 }, { "kasım", 11 }, { "aralık", 12 },
};

static const char * const weekdays[] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "tues", "thur", "thurs"
};

/* Words between the parts of a date: "16 de noviembre de 2022", "um 10:00" */
static const char * const connectors[] = { "de", "del", "of", "at", "um", "à", "le", "the" };

/* The month a word names, 0 if none or if it could be two */
static int
lookup_month (const char *word,
              gsize       len)
{
  g_autofree char *folded = NULL;
  gsize folded_len;
  int found = 0;

  /* the English abbreviations first, the table's first twelve: nearly every feed's */
  if (len == 3)
    for (int m = 0; m < 12; m++)
      if (g_ascii_strncasecmp (word, month_names[m].name, 3) == 0)
        return m + 1;
  if (!g_utf8_validate (word, len, NULL) || g_utf8_strlen (word, len) < 3)
    return 0;
  folded = g_utf8_casefold (word, len);
  folded_len = strlen (folded);
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (strncmp (month_names[i].name, folded, folded_len) != 0)
        continue;
      if (month_names[i].name[folded_len] == '\0')
        return month_names[i].month;
      if (found != 0 && found != month_names[i].month)
        found = -1;
      else if (found == 0)
        found = month_names[i].month;
    }
  return found > 0 ? found : 0;
}

static gboolean
in_list (const char * const *list,
         guint               n,
         const char         *word,
         gsize               len)
{
  for (guint i = 0; i < n; i++)
    if (strlen (list[i]) == len && g_ascii_strncasecmp (word, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_weekday (const char *word,
            gsize       len)
{
  return in_list (weekdays, G_N_ELEMENTS (weekdays), word, len);
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalpha (c) || (guchar) c >= 0x80;
}

/* RFC 822 and its relatives: "Thu, 01 Jan 2004 19:48:21 GMT", "1 Jan 04 19:48 +0100",
 * "Thursday, 01-Jan-04 19:48:21 GMT" (RFC 850), "Sun Jan  4 16:29:06 2004" (asctime),
 * "January 1, 2004 7:48 PM EST" */
static gboolean
parse_rfc822 (const char *text,
              Fields     *f)
{
  const char *s = text;
  int numbers[3], number_digits[3], n_numbers = 0;
  gboolean have_time = FALSE, have_zone = FALSE, zone_is_word = FALSE;
  gboolean saw_word = FALSE, month_before_numbers = FALSE;
  int ampm = 0;

  memset (f, 0, sizeof *f);

  while (*s != '\0')
    {
      if (g_ascii_isspace (*s) || *s == ',' || *s == '.' || *s == '/')
        {
          s++;
        }
      else if (*s == '(')
        {
          /* an RFC 822 comment, "(PST)" */
          const char *end = strchr (s, ')');
          if (end == NULL)
            return FALSE;
          s = end + 1;
        }
      else if (g_ascii_isdigit (*s))
        {
          const char *start = s;

          while (g_ascii_isdigit (*s))
            s++;
          if (*s == ':' && !have_time && s - start <= 2)
            {
              /* hh:mm[:ss[.fff]], the hour possibly with one digit */
              char buf[24];
              const char *t;
              gsize i = 0;

              s = start;
              if (g_ascii_isdigit (s[0]) && s[1] == ':')
                buf[i++] = '0';
              while (i < sizeof buf - 1 &&
                     (g_ascii_isdigit (*s) || *s == ':' ||
                      ((*s == '.' || *s == ',') && g_ascii_isdigit (s[1]))))
                buf[i++] = *s++;
              buf[i] = '\0';
              t = buf;
              if (!parse_time (&t, f) || *t != '\0')
                return FALSE;
              have_time = TRUE;
            }
          else
            {
              int v = 0;

              if (s - start > 4 || n_numbers == 3)
                return FALSE;
              for (const char *d = start; d < s; d++)
                v = v * 10 + (*d - '0');
              numbers[n_numbers] = v;
              number_digits[n_numbers++] = (int) (s - start);
            }
        }
      else if (*s == '+' || *s == '-')
        {
          if (have_time && g_ascii_isdigit (s[1]))
            {
              int offset;
              gboolean after_utc = have_zone && zone_is_word && f->offset == 0;

              if (after_utc && !g_ascii_isdigit (s[2]) && s[2] != ':')
                {
                  /* "GMT+2" */
                  offset = (s[0] == '-' ? -1 : 1) * (s[1] - '0') * 3600;
                  s += 2;
                }
              else if (!numeric_zone (&s, &offset))
                return FALSE;
              if (have_zone && !after_utc)
                return FALSE;
              f->offset = offset;
              have_zone = TRUE;
              zone_is_word = FALSE;
            }
          else
            s++;  /* "01-Jan-2004" */
        }
      else if (is_word_char (*s))
        {
          const char *start = s;
          gsize len;
          int month, offset;
          gboolean first_word = !saw_word && n_numbers == 0 && !have_time;

          while (is_word_char (*s))
            s++;
          len = s - start;
          saw_word = TRUE;
          if (first_word && (*s == ',' || (*s == '.' && s[1] == ',')))
            continue;  /* a weekday, in whatever language: "mer, 16 nov 2022" */
          month = lookup_month (start, len);
          if (month != 0 && (f->month == 0 || (month_before_numbers && n_numbers == 0)))
            {
              /* a second month word before any number: the first was a weekday ("mar") */
              f->month = month;
              month_before_numbers = n_numbers == 0;
            }
          else if (is_weekday (start, len))
            ;
          else if (len == 2 && g_ascii_strncasecmp (start, "am", 2) == 0 && have_time)
            ampm = 1;
          else if (len == 2 && g_ascii_strncasecmp (start, "pm", 2) == 0 && have_time)
            ampm = 2;
          else if (have_time && !have_zone && lookup_zone (start, len, &offset))
            {
              f->offset = offset;
              have_zone = TRUE;
              zone_is_word = TRUE;
            }
          else if (in_list (connectors, G_N_ELEMENTS (connectors), start, len))
            ;
          else if (first_word && g_utf8_validate (start, len, NULL) && g_utf8_strlen (start, len) <= 12)
            ;  /* "Mi 16 Nov 2022": a weekday in another language */
          else
            return FALSE;
        }
      else
        return FALSE;
    }

  if (f->month == 0 || n_numbers != 2)
    return FALSE;

  /* One four-digit number is the year; the other is the day.  Without one,
   * the day comes first ("01 Jan 04"). */
  if (number_digits[0] == 4 && number_digits[1] <= 2)
    {
      f->year = numbers[0];
      f->day = numbers[1];
    }
  else if (number_digits[1] == 4 && number_digits[0] <= 2)
    {
      f->day = numbers[0];
      f->year = numbers[1];
    }
  else if (number_digits[0] <= 2 && number_digits[1] == 2)
    {
      f->day = numbers[0];
      f->year = numbers[1] < 50 ? 2000 + numbers[1] : 1900 + numbers[1];
    }
  else
    return FALSE;

  if (ampm != 0)
    {
      if (f->hour < 1 || f->hour > 12)
        return FALSE;
      if (ampm == 1 && f->hour == 12)
        f->hour = 0;
      else if (ampm == 2 && f->hour != 12)
        f->hour += 12;
    }
  return TRUE;
}

gboolean
accords_feed_date_parse_unix (const char *text,
                              gint64     *seconds)
{
  Fields f;

  g_return_val_if_fail (seconds != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0' || strlen (text) > 128)
    return FALSE;

  if (parse_iso8601 (text, &f) && fields_to_unix (&f, seconds))
    return TRUE;
  if (parse_rfc822 (text, &f) && fields_to_unix (&f, seconds))
    return TRUE;
  return FALSE;
}

char *
accords_feed_date_parse (const char *text)
{
  gint64 seconds;
  char buf[21];

  if (!accords_feed_date_parse_unix (text, &seconds))
    return NULL;
  accords_feed_date_format (seconds, buf);
  return g_strdup (buf);
}
