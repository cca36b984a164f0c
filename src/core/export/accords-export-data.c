/* accords-export-data.c: datasets for analysis: CSV (RFC 4180) and JSON */
#define G_LOG_DOMAIN "accords-export-data"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "accords-agreement.h"
#include "accords-dataset.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-export-private.h"
#include "accords-party.h"
#include "accords-status.h"
#include "accords-store-agreements.h"
#include "accords-util.h"

GListStore *
accords_export_load_agreements (AccordsStore               *store,
                                const AccordsExportOptions *options,
                                const char                 *format_name,
                                GError                    **error)
{
  g_autoptr(GListStore) agreements = NULL;
  g_autoptr(AccordsAgreement) one = NULL;

  switch (options->scope)
    {
    case ACCORDS_EXPORT_SCOPE_ALL:
      return accords_store_load_agreements (store, NULL, error);

    case ACCORDS_EXPORT_SCOPE_AGREEMENT:
      if (accords_str_empty (options->agreement))
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("No agreement was chosen to export"));
          return NULL;
        }
      one = accords_store_load_agreement (store, options->agreement, error);
      if (one == NULL)
        return NULL;
      agreements = g_list_store_new (ACCORDS_TYPE_AGREEMENT);
      g_list_store_append (agreements, one);
      return g_steal_pointer (&agreements);

    case ACCORDS_EXPORT_SCOPE_NOTE:
    default:
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("A note is exported as Markdown, HTML or PDF; %s exports agreements: choose one agreement or everything"),
                   format_name);
      return NULL;
    }
}

/* A cell a spreadsheet would read as a formula: =, +, -, @, tab or carriage
 * return first (OWASP, "CSV injection") */
static gboolean
csv_is_formula (const char *text)
{
  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

/* RFC 4180: a field with a comma, a double quote or a line break is quoted,
 * its quotes doubled; records end with CRLF.  A formula-like field is
 * neutralised as OWASP recommends: a single quote first, the whole quoted. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  gboolean formula;

  text = accords_str_or_empty (text);
  formula = csv_is_formula (text);
  if (formula || strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_record (GString    *out,
            const char *first,
            ...)
{
  const char *field = first;
  va_list args;

  va_start (args, first);
  while (field != NULL)
    {
      const char *next = va_arg (args, const char *);
      /* an empty value is "" here; NULL ends the record */
      csv_field (out, field, next == NULL);
      field = next;
    }
  va_end (args);
}

static char *
join_types (AccordsAgreement *a)
{
  const char * const *types = accords_agreement_get_types (a);

  return types ? g_strjoinv (";", (char **) types) : g_strdup ("");
}

static void
csv_agreements (GString    *out,
                GListModel *agreements)
{
  csv_record (out, "id", "title", "short_title", "types", "status", "legal_status", "operational_status",
              "status_as_of", "instrument_form", "scope", "cap", "summary", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);
      g_autofree char *types = join_types (a);

      csv_record (out, accords_agreement_get_slug (a), accords_agreement_get_title (a),
                  accords_str_or_empty (accords_agreement_get_short_title (a)), types,
                  accords_status_to_string (accords_agreement_get_status (a)),
                  accords_str_or_empty (accords_agreement_get_legal_status (a)),
                  accords_str_or_empty (accords_agreement_get_operational_status (a)),
                  accords_str_or_empty (accords_agreement_get_status_as_of (a)),
                  accords_str_or_empty (accords_agreement_get_instrument_form (a)),
                  accords_str_or_empty (accords_agreement_get_scope (a)),
                  accords_str_or_empty (accords_agreement_get_cap (a)),
                  accords_str_or_empty (accords_agreement_get_summary (a)), NULL);
    }
}

static void
csv_parties (GString         *out,
             GListModel      *agreements,
             AccordsIsoCodes *iso_codes)
{
  csv_record (out, "agreement", "country", "country_name", "role", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);
      GListModel *parties = G_LIST_MODEL (accords_agreement_get_parties (a));

      for (guint k = 0; k < g_list_model_get_n_items (parties); k++)
        {
          g_autoptr(AccordsParty) p = g_list_model_get_item (parties, k);
          const char *code = accords_party_get_country (p);

          csv_record (out, accords_agreement_get_slug (a), code,
                      accords_str_or_empty (accords_iso_codes_get_display_name (iso_codes, code)),
                      accords_party_get_role (p), NULL);
        }
    }
}

static void
csv_events (GString    *out,
            GListModel *agreements)
{
  csv_record (out, "agreement", "date", "precision", "type", "label", "actor", "description", "confidence",
              "sources", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(AccordsAgreement) a = g_list_model_get_item (agreements, i);
      GListModel *events = G_LIST_MODEL (accords_agreement_get_events (a));

      for (guint k = 0; k < g_list_model_get_n_items (events); k++)
        {
          g_autoptr(AccordsEvent) e = g_list_model_get_item (events, k);
          const char * const *urls = accords_event_get_source_urls (e);
          g_autofree char *sources = urls ? g_strjoinv (" ", (char **) urls) : g_strdup ("");

          csv_record (out, accords_agreement_get_slug (a), accords_event_get_date (e),
                      accords_str_or_empty (accords_event_get_precision (e)),
                      accords_str_or_empty (accords_event_get_event_type (e)),
                      accords_str_or_empty (accords_event_get_label (e)),
                      accords_str_or_empty (accords_event_get_actor (e)),
                      accords_str_or_empty (accords_event_get_description (e)),
                      accords_str_or_empty (accords_event_get_confidence (e)),
                      g_strstrip (sources), NULL);
        }
    }
}

static gboolean
csv_items (GString                    *out,
           AccordsStore               *store,
           const AccordsExportOptions *options,
           GError                    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (options->scope == ACCORDS_EXPORT_SCOPE_NOTE)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("A note is exported as Markdown, HTML or PDF; CSV exports news items of one agreement or all of them"));
      return FALSE;
    }
  if (options->scope == ACCORDS_EXPORT_SCOPE_AGREEMENT && !accords_store_has_agreement (store, options->agreement))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                   _("There is no agreement with the id “%s”"), accords_str_or_empty (options->agreement));
      return FALSE;
    }

  stmt = accords_store_prepare (store,
                                "SELECT i.id, f.title, i.title, i.link, i.published, i.author,"
                                " (SELECT group_concat(country, ';') FROM"
                                "   (SELECT country FROM item_country WHERE item_id = i.id ORDER BY country)),"
                                " (SELECT group_concat(link, ';') FROM"
                                "   (SELECT a.slug || ':' || ia.state AS link FROM item_agreement ia"
                                "    JOIN agreement a ON a.id = ia.agreement_id WHERE ia.item_id = i.id ORDER BY a.slug))"
                                " FROM item i JOIN feed f ON f.id = i.feed_id"
                                " WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM item_agreement ia JOIN agreement a"
                                "   ON a.id = ia.agreement_id WHERE ia.item_id = i.id AND a.slug = ?1)"
                                " ORDER BY i.published, i.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  if (options->scope == ACCORDS_EXPORT_SCOPE_AGREEMENT)
    accords_stmt_bind_text (stmt, 1, options->agreement);

  csv_record (out, "item", "feed", "title", "link", "published", "author", "countries", "agreements", NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));

      csv_record (out, id, accords_stmt_text (stmt, 1), accords_stmt_text (stmt, 2), accords_stmt_text (stmt, 3),
                  accords_stmt_text (stmt, 4), accords_stmt_text (stmt, 5), accords_stmt_text (stmt, 6),
                  accords_stmt_text (stmt, 7), NULL);
    }
  if (rc != SQLITE_DONE)
    {
      accords_store_set_error (store, error, _("Reading news items"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

GBytes *
accords_export_dataset_csv (AccordsStore               *store,
                            AccordsIsoCodes            *iso_codes,
                            const AccordsExportOptions *options,
                            GError                    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GListStore) agreements = NULL;

  if (options->table == ACCORDS_EXPORT_TABLE_ITEMS)
    {
      if (!csv_items (out, store, options, error))
        return NULL;
      return g_string_free_to_bytes (g_steal_pointer (&out));
    }

  agreements = accords_export_load_agreements (store, options, accords_export_format_to_string (options->format), error);
  if (agreements == NULL)
    return NULL;
  switch (options->table)
    {
    case ACCORDS_EXPORT_TABLE_AGREEMENTS:
      csv_agreements (out, G_LIST_MODEL (agreements));
      break;
    case ACCORDS_EXPORT_TABLE_PARTIES:
      csv_parties (out, G_LIST_MODEL (agreements), iso_codes);
      break;
    case ACCORDS_EXPORT_TABLE_EVENTS:
      csv_events (out, G_LIST_MODEL (agreements));
      break;
    case ACCORDS_EXPORT_TABLE_ITEMS:
    default:
      g_assert_not_reached ();
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
accords_export_dataset_json (AccordsStore               *store,
                             AccordsIsoCodes            *iso_codes,
                             const AccordsExportOptions *options,
                             GError                    **error)
{
  g_autoptr(GListStore) agreements = accords_export_load_agreements (store, options, accords_export_format_to_string (options->format), error);
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  char *text;
  gsize length;

  if (agreements == NULL)
    return NULL;

  date = accords_export_options_dup_date (options);
  day = g_date_time_format (date, "%Y-%m-%d");
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "generator");
  json_builder_add_string_value (b, "Accords " PACKAGE_VERSION);
  json_builder_set_member_name (b, "exported");
  json_builder_add_string_value (b, day);
  accords_dataset_add_agreements (b, G_LIST_MODEL (agreements));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  /* a text file ends with a newline */
  text = g_realloc (text, length + 2);
  text[length] = '\n';
  text[length + 1] = '\0';
  return g_bytes_new_take (text, length + 1);
}
