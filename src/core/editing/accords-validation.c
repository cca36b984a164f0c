/* accords-validation.c: what is wrong with an agreement, field by field */
#define G_LOG_DOMAIN "accords-validation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-date.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-flag.h"
#include "accords-part-kind.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-util.h"
#include "accords-validation.h"
#include "accords-vocabulary.h"

void
accords_issue_free (AccordsIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->field);
  g_free (issue->message);
  g_free (issue);
}

static void add_issue (GPtrArray  *issues,
                       const char *field,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_issue (GPtrArray  *issues,
           const char *field,
           const char *format,
           ...)
{
  AccordsIssue *issue = g_new0 (AccordsIssue, 1);
  va_list args;

  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  issue->field = g_strdup (field);
  g_ptr_array_add (issues, issue);
}

/* An issue when text holds nothing but blanks */
static void
check_required (GPtrArray  *issues,
                const char *field,
                const char *text,
                const char *message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (accords_str_or_empty (text)));

  if (*stripped == '\0')
    add_issue (issues, field, "%s", message);
}

gboolean
accords_is_http_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (accords_str_empty (url))
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         !accords_str_empty (g_uri_get_host (uri));
}

static gboolean
check_date (GPtrArray  *issues,
            const char *field,
            const char *date,
            gboolean    optional)
{
  g_autoptr(GError) error = NULL;

  if (optional && accords_str_empty (date))
    return TRUE;
  if (accords_date_parse (date, NULL, NULL, NULL, NULL, &error))
    return TRUE;
  add_issue (issues, field, "%s", error->message);
  return FALSE;
}

static void
check_country (GPtrArray    *issues,
               AccordsStore *store,
               const char   *field,
               const char   *code,
               gboolean      optional)
{
  if (accords_str_empty (code))
    {
      if (!optional)
        add_issue (issues, field, _("no country is chosen"));
      return;
    }
  if (store != NULL && !accords_store_has_country (store, code))
    add_issue (issues, field, _("“%s” is not a known country code (ISO 3166-1 alpha-2, or EU)"), code);
}

static void
check_url (GPtrArray  *issues,
           const char *field,
           const char *url,
           gboolean    optional)
{
  if (optional && accords_str_empty (url))
    return;
  if (accords_str_empty (url))
    add_issue (issues, field, _("the URL is empty"));
  else if (!accords_is_http_url (url))
    add_issue (issues, field, _("“%s” is not an http or https URL"), url);
}

static void
check_strv (GPtrArray          *issues,
            const char         *member,
            const char * const *strv,
            gboolean            identifiers)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; strv && strv[i]; i++)
    {
      g_autofree char *field = g_strdup_printf ("%s[%u]", member, i);
      g_autofree char *stripped = g_strstrip (g_strdup (strv[i]));

      if (*stripped == '\0')
        add_issue (issues, field, _("the entry is empty"));
      else if (identifiers && !accords_is_identifier (strv[i]))
        add_issue (issues, field, _("“%s” must be lower-case letters, digits and underscores"), strv[i]);
      else if (!g_hash_table_add (seen, (gpointer) strv[i]))
        add_issue (issues, field, _("“%s” is listed twice"), strv[i]);
    }
}

/* Identifiers the vocabulary does not know; check_strv() has named the malformed ones */
static void
check_terms (GPtrArray          *issues,
             const char         *member,
             const char * const *strv,
             AccordsVocabulary   vocabulary)
{
  for (guint i = 0; strv && strv[i]; i++)
    if (accords_is_identifier (strv[i]) && accords_vocabulary_lookup (vocabulary, strv[i]) == NULL)
      {
        g_autofree char *field = g_strdup_printf ("%s[%u]", member, i);
        g_autofree char *known = accords_vocabulary_describe (vocabulary);

        add_issue (issues, field, _("“%s” is not an agreement type (%s)"), strv[i], known);
      }
}

/* "memorandum of understanding; treaty": each part a known form */
static void
check_instrument_form (GPtrArray  *issues,
                       const char *form)
{
  g_auto(GStrv) parts = NULL;

  if (accords_str_empty (form))
    return;
  parts = g_strsplit (form, ";", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (accords_vocabulary_lookup (ACCORDS_VOCABULARY_INSTRUMENT_FORM, parts[i]) == NULL)
        {
          g_autofree char *known = accords_vocabulary_describe (ACCORDS_VOCABULARY_INSTRUMENT_FORM);

          add_issue (issues, "instrument_form", _("“%s” is not a known form of instrument (%s)"), parts[i], known);
          return;
        }
    }
}

static void
check_head (AccordsAgreement *a,
            AccordsStore     *store,
            const char       *own_slug,
            GPtrArray        *issues)
{
  const char *slug = accords_agreement_get_slug (a);
  const char *override = accords_agreement_get_status_override (a);

  if (accords_str_empty (slug))
    add_issue (issues, "id", _("the id is empty"));
  else if (!g_regex_match_simple ("^[a-z0-9][a-z0-9-]*$", slug, 0, 0))
    add_issue (issues, "id", _("“%s” must be lower-case letters, digits and hyphens"), slug);
  else if (store != NULL && g_strcmp0 (slug, own_slug) != 0 && accords_store_has_agreement (store, slug))
    add_issue (issues, "id", _("“%s” is already the id of another agreement"), slug);

  check_required (issues, "title", accords_agreement_get_title (a), _("the title is empty"));

  check_strv (issues, "aliases", accords_agreement_get_aliases (a), FALSE);
  check_strv (issues, "types", accords_agreement_get_types (a), TRUE);
  check_terms (issues, "types", accords_agreement_get_types (a), ACCORDS_VOCABULARY_AGREEMENT_TYPE);
  check_instrument_form (issues, accords_agreement_get_instrument_form (a));

  if (!accords_str_empty (override) && accords_status_from_string (override) == ACCORDS_STATUS_NONE &&
      g_strcmp0 (override, "none") != 0)
    add_issue (issues, "status_override", _("“%s” is not a known status"), override);
  check_date (issues, "status_as_of", accords_agreement_get_status_as_of (a), TRUE);
}

/* What a part's check reports into, and where the part stands */
typedef struct {
  GPtrArray    *issues;
  AccordsStore *store;
  GStringChunk *names;   /* the field names issues point at */
  GHashTable   *seen;    /* what the earlier parts of this kind hold */
  const char   *where;   /* "sources[2]" */
} PartCheck;

/* "sources[2].url" */
static const char *
field (PartCheck  *c,
       const char *member)
{
  g_autofree char *name = g_strconcat (c->where, ".", member, NULL);

  return g_string_chunk_insert (c->names, name);
}

static void
check_party (PartCheck *c,
             gpointer   part)
{
  AccordsParty *p = part;
  const char *code = accords_party_get_country (p);
  const char *r = accords_party_get_role (p);
  guint before = c->issues->len;

  check_country (c->issues, c->store, field (c, "country"), code, FALSE);
  if (accords_str_empty (r))
    add_issue (c->issues, field (c, "role"), _("the role is empty"));
  else if (!accords_is_identifier (r))
    add_issue (c->issues, field (c, "role"), _("“%s” must be lower-case letters, digits and underscores"), r);
  else if (accords_vocabulary_lookup (ACCORDS_VOCABULARY_PARTY_ROLE, r) == NULL)
    {
      g_autofree char *known = accords_vocabulary_describe (ACCORDS_VOCABULARY_PARTY_ROLE);
      add_issue (c->issues, field (c, "role"), _("“%s” is not a party role (%s)"), r, known);
    }
  if (c->issues->len == before &&
      !g_hash_table_add (c->seen, g_strdup_printf ("%s/%s", code, r)))
    {
      g_autofree char *label = accords_vocabulary_get_label (ACCORDS_VOCABULARY_PARTY_ROLE, r);
      add_issue (c->issues, field (c, "country"), _("%s is already a party in the role “%s”"), code, label);
    }
}

static void
check_event (PartCheck *c,
             gpointer   part)
{
  AccordsEvent *e = part;
  const char * const *urls = accords_event_get_source_urls (e);
  const char *p = accords_event_get_precision (e);
  const char *conf = accords_event_get_confidence (e);
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  AccordsDatePrecision parsed;

  if (check_date (c->issues, field (c, "date"), accords_event_get_date (e), FALSE) && !accords_str_empty (p))
    {
      accords_date_parse (accords_event_get_date (e), NULL, NULL, NULL, &parsed, NULL);
      if (accords_date_precision_from_string (p) != parsed)
        add_issue (c->issues, field (c, "precision"), _("“%s” does not match the date %s, which is of %s precision"),
                   p, accords_event_get_date (e), accords_date_precision_to_string (parsed));
    }
  if (accords_str_empty (accords_event_get_event_type (e)))
    add_issue (c->issues, field (c, "type"), _("no type is chosen"));
  else if (accords_event_type_lookup (accords_event_get_event_type (e)) == NULL)
    add_issue (c->issues, field (c, "type"), _("“%s” is not an event type"), accords_event_get_event_type (e));
  check_country (c->issues, c->store, field (c, "actor"), accords_event_get_actor (e), TRUE);
  if (!accords_str_empty (conf) && accords_vocabulary_lookup (ACCORDS_VOCABULARY_CONFIDENCE, conf) == NULL)
    {
      g_autofree char *known = accords_vocabulary_describe (ACCORDS_VOCABULARY_CONFIDENCE);
      add_issue (c->issues, field (c, "confidence"), _("“%s” is not a confidence level (%s)"), conf, known);
    }
  for (guint k = 0; urls && urls[k]; k++)
    {
      g_autofree char *member = g_strdup_printf ("sources[%u]", k);
      const char *url = field (c, member);
      guint before = c->issues->len;

      check_url (c->issues, url, urls[k], FALSE);
      if (c->issues->len == before && !g_hash_table_add (cited, (gpointer) urls[k]))
        add_issue (c->issues, url, _("“%s” is cited twice"), urls[k]);
    }
}

static void
check_source (PartCheck *c,
              gpointer   part)
{
  AccordsSource *s = part;
  const char *t = accords_source_get_source_type (s);
  guint before = c->issues->len;

  check_url (c->issues, field (c, "url"), accords_source_get_url (s), FALSE);
  if (c->issues->len == before && !g_hash_table_add (c->seen, g_strdup (accords_source_get_url (s))))
    add_issue (c->issues, field (c, "url"), _("another source of this agreement has this URL"));
  check_date (c->issues, field (c, "published"), accords_source_get_published (s), TRUE);
  check_date (c->issues, field (c, "accessed"), accords_source_get_accessed (s), TRUE);
  if (!accords_str_empty (t) && !accords_is_identifier (t))
    add_issue (c->issues, field (c, "type"), _("“%s” must be lower-case letters, digits and underscores"), t);
}

static void
check_person (PartCheck *c,
              gpointer   part)
{
  AccordsPersonRole *r = part;
  const char *start = accords_person_role_get_start (r);
  const char *end = accords_person_role_get_end (r);

  check_required (c->issues, field (c, "name"), accords_person_role_get_name (r), _("the name is empty"));
  if (check_date (c->issues, field (c, "start"), start, TRUE) && check_date (c->issues, field (c, "end"), end, TRUE) &&
      !accords_str_empty (start) && !accords_str_empty (end) && accords_date_key (end) < accords_date_key (start))
    add_issue (c->issues, field (c, "end"), _("%s is before the start, %s"), end, start);
  check_country (c->issues, c->store, field (c, "country"), accords_person_role_get_country (r), TRUE);
  check_url (c->issues, field (c, "source"), accords_person_role_get_source_url (r), TRUE);
}

static void
check_fact (PartCheck *c,
            gpointer   part)
{
  AccordsFact *f = part;
  const char *k = accords_fact_get_kind (f);
  const char *cur = accords_fact_get_currency (f);

  if (accords_vocabulary_lookup (ACCORDS_VOCABULARY_FACT_KIND, k) == NULL)
    {
      g_autofree char *known = accords_vocabulary_describe (ACCORDS_VOCABULARY_FACT_KIND);
      add_issue (c->issues, field (c, "kind"), _("“%s” is not a kind of fact (%s)"), accords_str_or_empty (k), known);
    }
  check_date (c->issues, field (c, "date"), accords_fact_get_date (f), TRUE);
  if (accords_str_empty (accords_fact_get_description (f)) && accords_str_empty (accords_fact_get_amount (f)) &&
      accords_str_empty (accords_fact_get_case_name (f)) && accords_fact_get_count (f) < 0)
    add_issue (c->issues, field (c, "description"), _("the description is empty"));
  if (accords_fact_get_count (f) < -1)
    add_issue (c->issues, field (c, "count"), _("a count cannot be negative"));
  if (!accords_str_empty (cur) && !g_regex_match_simple ("^[A-Z]{3}$", cur, 0, 0))
    add_issue (c->issues, field (c, "currency"), _("“%s” is not a currency code of three capital letters (ISO 4217)"), cur);
  check_url (c->issues, field (c, "source"), accords_fact_get_source_url (f), TRUE);
}

static void
check_flag (PartCheck *c,
            gpointer   part)
{
  AccordsFlag *f = part;
  const char *when = accords_flag_get_resolved (f);
  const char *how = accords_flag_get_resolution (f);

  check_required (c->issues, field (c, "text"), accords_flag_get_text (f), _("say what needs verifying"));
  check_date (c->issues, field (c, "resolved"), when, TRUE);
  if (!accords_str_empty (when) && accords_str_empty (how))
    add_issue (c->issues, field (c, "resolution"), _("say how it was resolved"));
  else if (accords_str_empty (when) && !accords_str_empty (how))
    add_issue (c->issues, field (c, "resolved"), _("the date it was resolved is missing"));
}

/* Each kind of part, in the order of the JSON fields */
static const struct {
  const char *member;
  void      (*check) (PartCheck *c,
                      gpointer   part);
} part_checks[] = {
  { "parties", check_party },
  { "events", check_event },
  { "sources", check_source },
  { "people", check_person },
  { "facts", check_fact },
  { "verify", check_flag },
};

GPtrArray *
accords_agreement_check (AccordsAgreement *agreement,
                         AccordsStore     *store,
                         const char       *own_slug)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_issue_free);
  GStringChunk *names;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (agreement), issues);

  check_head (agreement, store, own_slug, issues);
  names = g_string_chunk_new (256);
  for (guint k = 0; k < G_N_ELEMENTS (part_checks); k++)
    {
      const AccordsPartKind *kind = accords_part_kind_lookup (part_checks[k].member);
      GListModel *model = G_LIST_MODEL (kind->get_store (agreement));
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) part = g_list_model_get_item (model, i);
          g_autofree char *where = g_strdup_printf ("%s[%u]", part_checks[k].member, i);
          PartCheck c = { issues, store, names, seen, where };

          part_checks[k].check (&c, part);
        }
    }
  g_string_chunk_free (names);
  return issues;
}

const AccordsIssue *
accords_issues_find (GPtrArray  *issues,
                     const char *field)
{
  gsize len;

  g_return_val_if_fail (field != NULL, NULL);

  len = strlen (field);
  for (guint i = 0; issues && i < issues->len; i++)
    {
      const AccordsIssue *issue = g_ptr_array_index (issues, i);

      if (strncmp (issue->field, field, len) == 0 &&
          (issue->field[len] == '\0' || issue->field[len] == '.' || issue->field[len] == '['))
        return issue;
    }
  return NULL;
}
