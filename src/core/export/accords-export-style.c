/* accords-export-style.c: how a report cites, numbered or by author and date */
#define G_LOG_DOMAIN "accords-export-style"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-date.h"
#include "accords-export-private.h"
#include "accords-util.h"

/* Who a reference list files the work under: its authors, else whoever
 * published it, else its title */
static char *
author_key (AccordsReport *report,
            guint          index,
            gboolean       in_text)
{
  AccordsCiteRecord *record = report->records->pdata[index];
  GString *out;

  if (record == NULL || record->authors->len == 0)
    {
      g_autofree char *title = NULL;
      g_auto(GStrv) words = NULL;

      if (record != NULL && (record->container || record->publisher))
        return g_strdup (record->container ? record->container : record->publisher);
      title = accords_reference_dup_label (report->references->pdata[index]);
      /* a page known by its address alone is cited by its host, unquoted */
      if (!in_text || record == NULL || record->title == NULL)
        return g_steal_pointer (&title);
      /* a work known by its title alone is cited by its first words, quoted */
      words = g_strsplit (title, " ", 5);
      if (g_strv_length (words) == 5)
        {
          g_autofree char *first = NULL;

          g_clear_pointer (&words[4], g_free);
          first = g_strjoinv (" ", words);
          return g_strdup_printf ("“%s…”", first);
        }
      return g_strdup_printf ("“%s”", title);
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < record->authors->len; i++)
    {
      const AccordsCiteName *name = record->authors->pdata[i];

      if (in_text && record->authors->len > 2)
        {
          /* TRANSLATORS: an in-text citation of three or more authors: "Doe et al." */
          g_string_append_printf (out, _("%s et al."), name->literal ? name->literal : name->family);
          break;
        }
      if (i > 0)
        /* TRANSLATORS: between the last two authors of a citation */
        g_string_append (out, i + 1 == record->authors->len ? _(" and ") : ", ");
      if (name->literal != NULL)
        g_string_append (out, name->literal);
      else if (in_text || name->given == NULL)
        g_string_append (out, name->family);
      else if (i == 0)
        g_string_append_printf (out, "%s, %s", name->family, name->given);
      else
        g_string_append_printf (out, "%s %s", name->given, name->family);
    }
  return g_string_free (out, FALSE);
}

static char *
year_of (AccordsReport *report,
         guint          index)
{
  AccordsCiteRecord *record = report->records->pdata[index];
  int parts[3];

  if (record != NULL && accords_cite_date_parts (record->issued, parts) > 0)
    return g_strdup_printf ("%04d", parts[0]);
  /* TRANSLATORS: "no date", in place of the year of an undated work */
  return g_strdup (_("n.d."));
}

typedef struct {
  guint  number;
  char  *sort_key;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  int c = g_strcmp0 (x->sort_key, y->sort_key);

  return c != 0 ? c : (x->number > y->number) - (x->number < y->number);
}

void
accords_report_apply_style (AccordsReport *report)
{
  guint n = report->references->len;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_clear_pointer (&report->labels, g_ptr_array_unref);
  g_clear_pointer (&report->order, g_array_unref);
  report->labels = g_ptr_array_new_full (n, g_free);
  report->order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_ptr_array_set_size (report->labels, n);

  if (report->style == ACCORDS_CITATION_STYLE_NUMBERED)
    {
      for (guint i = 0; i < n; i++)
        {
          guint number = i + 1;

          report->labels->pdata[i] = g_strdup_printf ("[%u]", number);
          g_array_append_val (report->order, number);
        }
      return;
    }

  /* author-date: the list by author, year and title; works of one author
   * and year told apart as 2025a, 2025b in that order */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *who = author_key (report, i, FALSE);
      g_autofree char *year = year_of (report, i);
      g_autofree char *label = accords_reference_dup_label (report->references->pdata[i]);
      g_autofree char *key = g_strdup_printf ("%s\x01%s\x01%s", who, year, label);
      Entry entry = { i + 1, g_utf8_collate_key (key, -1) };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  for (guint k = 0; k < entries->len; k++)
    {
      Entry *entry = &g_array_index (entries, Entry, k);
      guint i = entry->number - 1;
      g_autofree char *who = author_key (report, i, TRUE);
      g_autofree char *year = year_of (report, i);
      g_autofree char *stem = g_strdup_printf ("%s %s", who, year);
      guint same_before = 0, same_after = 0;

      for (guint j = 0; j < entries->len; j++)
        {
          guint other = g_array_index (entries, Entry, j).number - 1;
          g_autofree char *other_who = NULL, *other_year = NULL;

          if (j == k)
            continue;
          other_who = author_key (report, other, TRUE);
          other_year = year_of (report, other);
          if (g_strcmp0 (who, other_who) == 0 && g_strcmp0 (year, other_year) == 0)
            {
              if (j < k)
                same_before++;
              else
                same_after++;
            }
        }
      if (same_before + same_after > 0 && same_before < 26)
        report->labels->pdata[i] = g_strdup_printf ("(%s%c)", stem, 'a' + same_before);
      else
        report->labels->pdata[i] = g_strdup_printf ("(%s)", stem);
      g_array_append_val (report->order, entry->number);
      g_free (entry->sort_key);
    }
}

const char *
accords_report_cite_label (AccordsReport *report,
                           guint          number)
{
  g_return_val_if_fail (number >= 1 && number <= report->labels->len, "");
  return report->labels->pdata[number - 1];
}

/* "Doe, Jane (2025a). Title. Container. URL (accessed 1 May 2025)." */
static void
author_date_entry (AccordsReport  *report,
                   guint           index,
                   char          **before,
                   char          **url,
                   char          **after)
{
  AccordsCiteRecord *record = report->records->pdata[index];
  AccordsReferenceParts parts = { 0 };
  g_autofree char *who = author_key (report, index, FALSE);
  const char *label = report->labels->pdata[index];
  g_autofree char *year = NULL;
  GString *head = g_string_new (NULL);

  accords_reference_get_parts (report->references->pdata[index], &parts);
  /* the label's year, with its letter: "(Doe 2025a)" gives "2025a" */
  year = g_strndup (strrchr (label, ' ') + 1, strlen (strrchr (label, ' ') + 1) - 1);

  g_string_append_printf (head, "%s (%s).", who, year);
  if (record != NULL && (record->authors->len > 0 || g_strcmp0 (who, parts.label) != 0))
    {
      g_string_append_printf (head, " %s", parts.label);
      if (strchr (".?!", head->str[head->len - 1]) == NULL)
        g_string_append_c (head, '.');
    }
  if (record != NULL && (record->container || record->publisher) && record->authors->len > 0)
    g_string_append_printf (head, " %s.", record->container ? record->container : record->publisher);
  if (parts.url)
    g_string_append_c (head, ' ');

  *before = g_string_free (head, FALSE);
  *url = g_steal_pointer (&parts.url);
  if (parts.accessed)
    *after = g_strdup_printf (*url ? " (%s)." : " %s.", parts.accessed);
  else
    *after = g_strdup ("");
  accords_reference_parts_clear (&parts);
}

void
accords_report_format_entry (AccordsReport  *report,
                             guint           number,
                             char          **before,
                             char          **url,
                             char          **after)
{
  g_return_if_fail (number >= 1 && number <= report->references->len);

  if (report->style == ACCORDS_CITATION_STYLE_NUMBERED)
    accords_reference_format_runs (report->references->pdata[number - 1], before, url, after);
  else
    author_date_entry (report, number - 1, before, url, after);
}
