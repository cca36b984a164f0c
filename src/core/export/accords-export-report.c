/* accords-export-report.c: the report every document format is rendered from */
#define G_LOG_DOMAIN "accords-export-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-agreement.h"
#include "accords-date.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-export-private.h"
#include "accords-fact.h"
#include "accords-flag.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-status.h"
#include "accords-store-agreements.h"
#include "accords-store-notes.h"
#include "accords-util.h"

typedef struct {
  AccordsStore    *store;
  AccordsIsoCodes *iso_codes;
  AccordsReport   *report;
} Builder;

static void
block_free (AccordsReportBlock *block)
{
  g_free (block->text);
  g_free (block->anchor);
  g_strfreev (block->columns);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

void
accords_report_free (AccordsReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->exported_on);
  g_clear_pointer (&report->exported_at, g_date_time_unref);
  g_ptr_array_unref (report->blocks);
  accords_citation_numbering_free (report->numbering);
  g_ptr_array_unref (report->references);
  g_ptr_array_unref (report->records);
  g_clear_pointer (&report->labels, g_ptr_array_unref);
  g_clear_pointer (&report->order, g_array_unref);
  g_free (report);
}

static AccordsReportBlock *
add_block (Builder                *b,
           AccordsReportBlockKind  kind,
           guint                   level,
           const char             *text)
{
  AccordsReportBlock *block = g_new0 (AccordsReportBlock, 1);

  block->kind = kind;
  block->level = level;
  block->text = g_strdup (text);
  g_ptr_array_add (b->report->blocks, block);
  if (text != NULL && kind != ACCORDS_REPORT_HEADING)
    accords_citation_numbering_add_text (b->report->numbering, text);
  return block;
}

static void
add_heading (Builder    *b,
             guint       level,
             const char *text,
             const char *anchor)
{
  AccordsReportBlock *block = add_block (b, ACCORDS_REPORT_HEADING, MIN (level, 6), text);

  block->anchor = g_strdup (anchor);
}

/* Rows are added in order; their markers numbered as they come */
static void
add_row (Builder            *b,
         AccordsReportBlock *block,
         const char         *first,
         ...)
{
  GStrvBuilder *row = g_strv_builder_new ();
  const char *cell = first;
  va_list args;

  va_start (args, first);
  while (cell != NULL)
    {
      g_strv_builder_add (row, cell);
      accords_citation_numbering_add_text (b->report->numbering, cell);
      cell = va_arg (args, const char *);
    }
  va_end (args);

  if (block->rows == NULL)
    block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (block->rows, g_strv_builder_end (row));
  g_strv_builder_unref (row);
}

static AccordsReportBlock *
add_table (Builder      *b,
           const char   *columns,   /* "|"-separated */
           const double *widths)
{
  AccordsReportBlock *block = add_block (b, ACCORDS_REPORT_TABLE, 0, NULL);
  guint n;

  block->columns = g_strsplit (columns, "|", -1);
  n = g_strv_length (block->columns);
  block->widths = g_memdup2 (widths, sizeof (double) * n);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return block;
}

/* "third_country_deportation" -> "Third country deportation" */
static char *
humanize (const char *identifier)
{
  g_autofree char *text = g_strdelimit (g_strdup (accords_str_or_empty (identifier)), "_", ' ');

  if (*text != '\0')
    *text = g_ascii_toupper (*text);
  return g_steal_pointer (&text);
}

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, "sending") == 0)
    return _("Sending");
  if (g_strcmp0 (role, "receiving") == 0)
    return _("Receiving");
  if (g_strcmp0 (role, "transit") == 0)
    return _("Transit");
  if (g_strcmp0 (role, "funder") == 0)
    return _("Funder");
  return role;
}

static const char *
country_name (Builder    *b,
              const char *code)
{
  if (accords_str_empty (code))
    return "";
  return accords_iso_codes_get_display_name (b->iso_codes, code);
}

/* The citation marker of the source with this URL, or the URL itself when
 * it is not a source of the store */
static char *
cite_url (Builder    *b,
          const char *url)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (accords_str_empty (url))
    return g_strdup ("");
  stmt = accords_store_prepare (b->store, "SELECT id FROM source WHERE url = ?", NULL);
  if (stmt != NULL)
    {
      accords_stmt_bind_text (stmt, 1, url);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return id ? accords_citation_marker (ACCORDS_CITATION_SOURCE, id) : g_strdup (url);
}

static char *
cite_urls (Builder            *b,
           const char * const *urls)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; urls && urls[i]; i++)
    {
      g_autofree char *cite = NULL;

      if (*urls[i] == '\0')
        continue;
      cite = cite_url (b, urls[i]);
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, cite);
    }
  return g_string_free (out, FALSE);
}

static char *
format_date (const char *date)
{
  return accords_str_empty (date) ? g_strdup ("") : accords_date_format (date);
}

/* The note's text under its own heading: without the title line, which the
 * heading already shows (a Markdown heading, or the plain first line the
 * title is taken from) */
static char *
body_without_title (const char *body,
                    const char *title)
{
  const char *p = body;

  while (*p)
    {
      const char *eol = strchr (p, '\n');
      const char *stop = eol ? eol : p + strlen (p);
      const char *q = p;
      g_autofree char *line = NULL;

      while (q < stop && g_ascii_isspace (*q))
        q++;
      if (q == stop)
        {
          p = eol ? eol + 1 : stop;
          continue;
        }
      line = g_strstrip (g_strndup (q, stop - q));
      if (*q == '#' || g_strcmp0 (line, title) == 0)
        {
          const char *rest = eol ? eol + 1 : stop;
          while (*rest == '\n' || *rest == '\r')
            rest++;
          return g_strdup (rest);
        }
      break;
    }
  return g_strdup (body);
}

static int
compare_notes_by_creation (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  AccordsNote *x = (AccordsNote *) a;
  AccordsNote *y = (AccordsNote *) b;
  int c = g_strcmp0 (accords_note_get_created (x), accords_note_get_created (y));

  if (c != 0)
    return c;
  return accords_note_get_id (x) < accords_note_get_id (y) ? -1 : accords_note_get_id (x) > accords_note_get_id (y);
}

static void
add_note (Builder     *b,
          AccordsNote *note,
          guint        level)
{
  g_autofree char *anchor = g_strdup_printf ("note-%" G_GINT64_FORMAT, accords_note_get_id (note));
  g_autofree char *body = body_without_title (accords_note_get_body (note), accords_note_get_display_title (note));

  add_heading (b, level, accords_note_get_display_title (note), anchor);
  for (const char *p = body; *p; p++)
    if (!g_ascii_isspace (*p))
      {
        /* the note's "#" is its title, the heading above: "##" comes next */
        add_block (b, ACCORDS_REPORT_NOTE_BODY, level - 1, body);
        break;
      }
}

static void
add_field (Builder            *b,
           AccordsReportBlock *fields,
           const char         *label,
           const char         *value)
{
  if (!accords_str_empty (value))
    add_row (b, fields, label, value, NULL);
}

static gboolean
add_dossier (Builder           *b,
             AccordsAgreement  *a,
             guint              level,
             GError           **error)
{
  const char *slug = accords_agreement_get_slug (a);
  g_autofree char *anchor = g_strdup_printf ("agreement-%s", slug);
  g_autofree char *types = NULL;
  g_autofree char *aliases = NULL;
  g_autofree char *related = NULL;
  g_autofree char *as_of = format_date (accords_agreement_get_status_as_of (a));
  g_autofree char *legal = humanize (accords_agreement_get_legal_status (a));
  g_autofree char *operational = humanize (accords_agreement_get_operational_status (a));
  g_autofree char *form = humanize (accords_agreement_get_instrument_form (a));
  g_autoptr(GListStore) notes = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  const char * const *strv;
  AccordsReportBlock *block;
  GListModel *model;
  guint n;

  add_heading (b, level, accords_agreement_get_title (a), anchor);

  /* Details */
  block = add_block (b, ACCORDS_REPORT_FIELDS, 0, NULL);
  add_field (b, block, _("Short title"), accords_agreement_get_short_title (a));
  add_field (b, block, _("Identifier"), slug);
  strv = accords_agreement_get_types (a);
  for (guint i = 0; strv && strv[i]; i++)
    {
      g_autofree char *t = humanize (strv[i]);
      g_string_append_printf (joined, "%s%s", i ? ", " : "", t);
    }
  types = g_strdup (joined->str);
  add_field (b, block, _("Types"), types);
  add_field (b, block, _("Status"), accords_status_get_label (accords_agreement_get_status (a)));
  add_field (b, block, _("Status as of"), as_of);
  add_field (b, block, _("Legal status"), legal);
  add_field (b, block, _("Operational status"), operational);
  add_field (b, block, _("Instrument"), form);
  add_field (b, block, _("People covered"), accords_agreement_get_scope (a));
  add_field (b, block, _("Cap"), accords_agreement_get_cap (a));
  strv = accords_agreement_get_aliases (a);
  aliases = strv ? g_strjoinv (", ", (char **) strv) : NULL;
  add_field (b, block, _("Also known as"), aliases);
  strv = accords_agreement_get_related (a);
  related = strv ? g_strjoinv (", ", (char **) strv) : NULL;
  add_field (b, block, _("Related agreements"), related);
  if (!accords_str_empty (accords_agreement_get_summary (a)))
    add_block (b, ACCORDS_REPORT_PARAGRAPH, 0, accords_agreement_get_summary (a));

  /* Parties */
  model = G_LIST_MODEL (accords_agreement_get_parties (a));
  if ((n = g_list_model_get_n_items (model)) > 0)
    {
      static const double widths[] = { 3, 1, 2 };
      g_autofree char *party_anchor = g_strdup_printf ("parties-%s", slug);

      add_heading (b, level + 1, _("Parties"), party_anchor);
      block = add_table (b, _("Country|Code|Role"), widths);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsParty) p = g_list_model_get_item (model, i);
          add_row (b, block, country_name (b, accords_party_get_country (p)), accords_party_get_country (p),
                   role_label (accords_party_get_role (p)), NULL);
        }
    }

  /* Timeline */
  model = G_LIST_MODEL (accords_agreement_get_events (a));
  if ((n = g_list_model_get_n_items (model)) > 0)
    {
      static const double widths[] = { 2.2, 2.2, 4, 1.8, 1.4 };
      g_autofree char *timeline_anchor = g_strdup_printf ("timeline-%s", slug);

      add_heading (b, level + 1, _("Timeline"), timeline_anchor);
      block = add_table (b, _("Date|Event|Description|By|Sources"), widths);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsEvent) e = g_list_model_get_item (model, i);
          g_autofree char *date = format_date (accords_event_get_date (e));
          g_autofree char *cites = cite_urls (b, accords_event_get_source_urls (e));

          add_row (b, block, date, accords_event_type_get_label (accords_event_get_event_type (e)),
                   accords_event_get_description (e), country_name (b, accords_event_get_actor (e)),
                   cites, NULL);
        }
    }

  /* Terms: money, counts, court cases, concerns */
  model = G_LIST_MODEL (accords_agreement_get_facts (a));
  if ((n = g_list_model_get_n_items (model)) > 0)
    {
      static const double widths[] = { 1.8, 1.8, 4.5, 2.5, 1.2 };
      g_autofree char *terms_anchor = g_strdup_printf ("terms-%s", slug);

      add_heading (b, level + 1, _("Terms, figures and challenges"), terms_anchor);
      block = add_table (b, _("Kind|Date|Description|Details|Source"), widths);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsFact) f = g_list_model_get_item (model, i);
          const char *kind = accords_fact_get_kind (f);
          g_autofree char *date = format_date (accords_fact_get_date (f));
          g_autofree char *cite = cite_url (b, accords_fact_get_source_url (f));
          g_autofree char *details = NULL;
          const char *kind_label;

          if (g_strcmp0 (kind, "financial_term") == 0)
            {
              kind_label = _("Financial term");
              details = g_strstrip (g_strdup_printf ("%s %s", accords_fact_get_amount (f) ? accords_fact_get_amount (f) : "",
                                                     accords_fact_get_currency (f) ? accords_fact_get_currency (f) : ""));
            }
          else if (g_strcmp0 (kind, "observation") == 0)
            {
              kind_label = _("Observation");
              details = accords_fact_get_count (f) >= 0
                ? g_strdup_printf (_("%" G_GINT64_FORMAT " people"), accords_fact_get_count (f))
                : g_strdup ("");
            }
          else if (g_strcmp0 (kind, "legal_challenge") == 0)
            {
              g_autoptr(GString) d = g_string_new (NULL);
              const char *parts[] = { accords_fact_get_court (f), accords_fact_get_case_name (f), accords_fact_get_outcome (f) };

              kind_label = _("Legal challenge");
              for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
                if (!accords_str_empty (parts[k]))
                  g_string_append_printf (d, "%s%s", d->len ? "; " : "", parts[k]);
              details = g_strdup (d->str);
            }
          else
            {
              kind_label = _("Concern");
              details = accords_str_empty (accords_fact_get_raised_by (f))
                ? g_strdup ("")
                : g_strdup_printf (_("Raised by %s"), accords_fact_get_raised_by (f));
            }
          add_row (b, block, kind_label, date, accords_fact_get_description (f), details, cite, NULL);
        }
    }

  /* People */
  model = G_LIST_MODEL (accords_agreement_get_people (a));
  if ((n = g_list_model_get_n_items (model)) > 0)
    {
      static const double widths[] = { 2.6, 2.6, 2, 1.4, 1.4, 1.2 };
      g_autofree char *people_anchor = g_strdup_printf ("people-%s", slug);

      add_heading (b, level + 1, _("People"), people_anchor);
      block = add_table (b, _("Name|Role|Country|From|Until|Source"), widths);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsPersonRole) r = g_list_model_get_item (model, i);
          g_autofree char *start = format_date (accords_person_role_get_start (r));
          g_autofree char *end = format_date (accords_person_role_get_end (r));
          g_autofree char *cite = cite_url (b, accords_person_role_get_source_url (r));

          add_row (b, block, accords_person_role_get_name (r), accords_person_role_get_role (r),
                   country_name (b, accords_person_role_get_country (r)), start, end, cite, NULL);
        }
    }

  /* What still needs checking */
  model = G_LIST_MODEL (accords_agreement_get_flags (a));
  if ((n = g_list_model_get_n_items (model)) > 0)
    {
      g_autofree char *verify_anchor = g_strdup_printf ("verify-%s", slug);

      add_heading (b, level + 1, _("Still to verify"), verify_anchor);
      block = add_block (b, ACCORDS_REPORT_LIST, 0, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsFlag) flag = g_list_model_get_item (model, i);
          const char *resolved = accords_flag_get_resolved (flag);

          if (accords_str_empty (resolved))
            add_row (b, block, accords_flag_get_text (flag), NULL);
          else
            {
              g_autofree char *when = format_date (resolved);
              g_autofree char *text = accords_str_empty (accords_flag_get_resolution (flag))
                ? g_strdup_printf (_("%s (resolved %s)"), accords_flag_get_text (flag), when)
                : g_strdup_printf (_("%s (resolved %s: %s)"), accords_flag_get_text (flag), when,
                                   accords_flag_get_resolution (flag));
              add_row (b, block, text, NULL);
            }
        }
    }

  /* Notes */
  notes = accords_store_list_notes (b->store, ACCORDS_NOTE_SCOPE_AGREEMENT, slug, error);
  if (notes == NULL)
    return FALSE;
  g_list_store_sort (notes, compare_notes_by_creation, NULL);
  if ((n = g_list_model_get_n_items (G_LIST_MODEL (notes))) > 0)
    {
      g_autofree char *notes_anchor = g_strdup_printf ("notes-%s", slug);

      add_heading (b, level + 1, _("Notes"), notes_anchor);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
          add_note (b, note, level + 2);
        }
    }

  /* The agreement's own sources belong to its dossier even when nothing cites them */
  model = G_LIST_MODEL (accords_agreement_get_sources (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (model, i);
      if (accords_source_get_id (s) > 0)
        accords_citation_numbering_add (b->report->numbering, ACCORDS_CITATION_SOURCE, accords_source_get_id (s));
    }
  return TRUE;
}

static char *
subtitle (AccordsReport *report,
          const char    *what)
{
  g_autofree char *date = accords_date_format (report->exported_on);

  /* TRANSLATORS: under a report's title: what it is · the day it was exported */
  return g_strdup_printf (_("%s · Exported from Accords on %s"), what, date);
}

static gboolean
build_note (Builder                    *b,
            const AccordsExportOptions *options,
            GError                    **error)
{
  g_autoptr(AccordsNote) note = accords_store_load_note (b->store, options->note_id, error);
  g_autofree char *body = NULL;
  g_autofree char *what = NULL;
  g_autofree char *sub = NULL;

  if (note == NULL)
    return FALSE;

  b->report->title = g_strdup (accords_note_get_display_title (note));
  if (accords_note_get_agreement (note) != NULL)
    {
      g_autoptr(AccordsAgreement) a = accords_store_load_agreement (b->store, accords_note_get_agreement (note), error);
      if (a == NULL)
        return FALSE;
      what = g_strdup_printf (_("A note on %s"), accords_agreement_get_title (a));
    }
  else if (accords_note_get_country (note) != NULL)
    what = g_strdup_printf (_("A note on %s"), country_name (b, accords_note_get_country (note)));
  else
    what = g_strdup (_("A note"));

  add_heading (b, 1, b->report->title, "top");
  sub = subtitle (b->report, what);
  add_block (b, ACCORDS_REPORT_SUBTITLE, 0, sub);
  body = body_without_title (accords_note_get_body (note), accords_note_get_display_title (note));
  add_block (b, ACCORDS_REPORT_NOTE_BODY, 0, body);
  return TRUE;
}

static gboolean
build_agreement (Builder                    *b,
                 const AccordsExportOptions *options,
                 GError                    **error)
{
  g_autoptr(AccordsAgreement) a = NULL;
  g_autofree char *sub = NULL;

  if (accords_str_empty (options->agreement))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("No agreement was chosen to export"));
      return FALSE;
    }
  a = accords_store_load_agreement (b->store, options->agreement, error);
  if (a == NULL)
    return FALSE;

  b->report->title = g_strdup (accords_agreement_get_title (a));
  if (!add_dossier (b, a, 1, error))
    return FALSE;
  /* the subtitle goes right under the title */
  sub = subtitle (b->report, _("Dossier"));
  {
    AccordsReportBlock *block = g_new0 (AccordsReportBlock, 1);
    block->kind = ACCORDS_REPORT_SUBTITLE;
    block->text = g_steal_pointer (&sub);
    g_ptr_array_insert (b->report->blocks, 1, block);
  }
  return TRUE;
}

static gboolean
build_all (Builder                    *b,
           const AccordsExportOptions *options,
           GError                    **error)
{
  g_autoptr(GListStore) agreements = accords_store_load_agreements (b->store, NULL, error);
  g_autoptr(GListStore) country_notes = NULL;
  g_autoptr(GListStore) free_notes = NULL;
  g_autofree char *sub = NULL;
  guint n;

  if (agreements == NULL)
    return FALSE;

  b->report->title = g_strdup (_("Migration agreements: dossiers and notes"));
  add_heading (b, 1, b->report->title, "top");
  sub = subtitle (b->report, _("Every agreement and note"));
  add_block (b, ACCORDS_REPORT_SUBTITLE, 0, sub);

  n = g_list_model_get_n_items (G_LIST_MODEL (agreements));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (G_LIST_MODEL (agreements), i);
      if (!add_dossier (b, a, 2, error))
        return FALSE;
    }

  /* Notes on countries, by country name, then free-standing notes */
  country_notes = accords_store_list_notes (b->store, ACCORDS_NOTE_SCOPE_ALL, NULL, error);
  if (country_notes == NULL)
    return FALSE;
  {
    g_autoptr(GPtrArray) by_country = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (country_notes)); i++)
      {
        AccordsNote *note = g_list_model_get_item (G_LIST_MODEL (country_notes), i);
        if (accords_note_get_country (note) != NULL)
          g_ptr_array_add (by_country, note);
        else
          g_object_unref (note);
      }
    if (by_country->len > 0)
      {
        const char *current = NULL;

        g_ptr_array_sort_with_data (by_country, (GCompareDataFunc) compare_notes_by_creation, NULL);
        /* stable order: by country name, then by creation */
        for (guint i = 1; i < by_country->len; i++)
          for (guint k = i; k > 0; k--)
            {
              AccordsNote *x = by_country->pdata[k - 1], *y = by_country->pdata[k];
              if (g_utf8_collate (country_name (b, accords_note_get_country (x)),
                                  country_name (b, accords_note_get_country (y))) <= 0)
                break;
              by_country->pdata[k - 1] = y;
              by_country->pdata[k] = x;
            }
        add_heading (b, 2, _("Notes on countries"), "country-notes");
        for (guint i = 0; i < by_country->len; i++)
          {
            AccordsNote *note = by_country->pdata[i];
            const char *code = accords_note_get_country (note);

            if (g_strcmp0 (code, current) != 0)
              {
                g_autofree char *anchor = g_strdup_printf ("country-%s", code);
                add_heading (b, 3, country_name (b, code), anchor);
                current = code;
              }
            add_note (b, note, 4);
          }
      }
  }

  free_notes = accords_store_list_notes (b->store, ACCORDS_NOTE_SCOPE_FREE, NULL, error);
  if (free_notes == NULL)
    return FALSE;
  g_list_store_sort (free_notes, compare_notes_by_creation, NULL);
  if ((n = g_list_model_get_n_items (G_LIST_MODEL (free_notes))) > 0)
    {
      add_heading (b, 2, _("Other notes"), "other-notes");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsNote) note = g_list_model_get_item (G_LIST_MODEL (free_notes), i);
          add_note (b, note, 3);
        }
    }
  return TRUE;
}

AccordsReport *
accords_report_build (AccordsStore               *store,
                      AccordsIsoCodes            *iso_codes,
                      const AccordsExportOptions *options,
                      GError                    **error)
{
  g_autoptr(AccordsReport) report = g_new0 (AccordsReport, 1);
  Builder b = { store, iso_codes, report };
  gboolean ok = FALSE;
  guint n;

  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  report->numbering = accords_citation_numbering_new ();
  report->references = g_ptr_array_new_with_free_func (g_object_unref);
  report->records = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_cite_record_free);
  report->style = options->citation_style;
  report->exported_at = accords_export_options_dup_date (options);
  report->exported_on = g_date_time_format (report->exported_at, "%Y-%m-%d");

  switch (options->scope)
    {
    case ACCORDS_EXPORT_SCOPE_NOTE:
      ok = build_note (&b, options, error);
      break;
    case ACCORDS_EXPORT_SCOPE_AGREEMENT:
      ok = build_agreement (&b, options, error);
      break;
    case ACCORDS_EXPORT_SCOPE_ALL:
      ok = build_all (&b, options, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (!ok)
    return NULL;

  n = accords_citation_numbering_get_n (report->numbering);
  for (guint i = 0; i < n; i++)
    {
      AccordsReference *reference;
      AccordsCiteRecord *record;
      g_autoptr(GError) local_error = NULL;
      AccordsCitationKind kind;
      gint64 id;

      accords_citation_numbering_get (report->numbering, i, &kind, &id);
      reference = accords_store_load_reference (store, kind, id, error);
      if (reference == NULL)
        return NULL;
      g_ptr_array_add (report->references, reference);
      record = accords_cite_record_load (store, kind, id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (report->records, record);
    }
  accords_report_apply_style (report);
  if (n > 0)
    {
      add_heading (&b, 2, _("References"), "references");
      add_block (&b, ACCORDS_REPORT_REFERENCES, 0, NULL);
    }
  return g_steal_pointer (&report);
}

void
accords_report_append_inline (AccordsReport         *report,
                              GString               *out,
                              const char            *text,
                              AccordsInlineTextFunc  text_func,
                              AccordsInlineCiteFunc  cite_func,
                              gpointer               user_data)
{
  g_autoptr(GArray) marks = NULL;
  gsize done = 0;

  if (text == NULL)
    return;
  marks = accords_citations_parse (text);
  for (guint i = 0; i < marks->len; i++)
    {
      const AccordsCitationMark *m = &g_array_index (marks, AccordsCitationMark, i);
      guint number = accords_citation_numbering_lookup (report->numbering, m->kind, m->id);

      if (number == 0)
        continue;
      if (m->start > done)
        text_func (out, text + done, m->start - done, user_data);
      cite_func (out, number, user_data);
      done = m->end;
    }
  if (text[done] != '\0')
    text_func (out, text + done, strlen (text + done), user_data);
}
