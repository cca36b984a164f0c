/* accords-vocabulary.c: the closed and suggested word lists of the dataset */
#define G_LOG_DOMAIN "accords-vocabulary"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-agreement-type.h"
#include "accords-vocabulary.h"

static const AccordsTerm agreement_types[] = {
  { "third_country_deportation",     N_("Third-country deportation") },
  { "third_country_asylum_transfer", N_("Third-country asylum transfer") },
  { "offshore_processing",           N_("Offshore processing") },
  { "transit_repatriation_hub",      N_("Transit and repatriation hub") },
  { "detention_outsourcing",         N_("Detention outsourcing") },
  { "externalisation_partnership",   N_("Externalisation partnership") },
  { "safe_third_country_agreement",  N_("Safe third country agreement") },
  { "readmission_agreement",         N_("Readmission agreement") },
  { "resettlement_swap",             N_("Resettlement swap") },
  { "return_hub",                    N_("Return hub") },
};

static const AccordsTerm party_roles[] = {
  { "sending",   N_("Sending") },
  { "receiving", N_("Receiving") },
  { "transit",   N_("Transit") },
  { "funder",    N_("Funder") },
  { "party",     N_("Party") },
};

static const AccordsTerm confidences[] = {
  { "official",    N_("Official record") },
  { "confirmed",   N_("Confirmed") },
  { "reported",    N_("Reported") },
  { "unconfirmed", N_("Unconfirmed") },
};

static const AccordsTerm source_types[] = {
  { "web",      N_("Web page") },
  { "news",     N_("News report") },
  { "official", N_("Official document") },
  { "court",    N_("Court document") },
  { "report",   N_("Report") },
  { "academic", N_("Academic work") },
  { "other",    N_("Other") },
};

static const AccordsTerm fact_kinds[] = {
  { "financial_term",  N_("Financial term") },
  { "observation",     N_("Observation") },
  { "legal_challenge", N_("Legal challenge") },
  { "concern",         N_("Concern") },
};

/* the words of the instruments themselves, as they are written */
static const AccordsTerm instrument_forms[] = {
  { "agreement",                   N_("Agreement") },
  { "administrative arrangement",  N_("Administrative arrangement") },
  { "arrangement",                 N_("Arrangement") },
  { "contract",                    N_("Contract") },
  { "declaration",                 N_("Declaration") },
  { "exchange of letters",         N_("Exchange of letters") },
  { "framework agreement",         N_("Framework agreement") },
  { "joint action plan",           N_("Joint action plan") },
  { "joint declaration",           N_("Joint declaration") },
  { "law",                         N_("Law") },
  { "legal framework",             N_("Legal framework") },
  { "letter of intent",            N_("Letter of intent") },
  { "memorandum of understanding", N_("Memorandum of understanding") },
  { "protocol",                    N_("Protocol") },
  { "statement",                   N_("Statement") },
  { "treaty",                      N_("Treaty") },
};

static const struct {
  const AccordsTerm *terms;
  guint              n_terms;
} vocabularies[ACCORDS_N_VOCABULARIES] = {
  [ACCORDS_VOCABULARY_AGREEMENT_TYPE] = { agreement_types, G_N_ELEMENTS (agreement_types) },
  [ACCORDS_VOCABULARY_PARTY_ROLE]     = { party_roles, G_N_ELEMENTS (party_roles) },
  [ACCORDS_VOCABULARY_CONFIDENCE]     = { confidences, G_N_ELEMENTS (confidences) },
  [ACCORDS_VOCABULARY_SOURCE_TYPE]    = { source_types, G_N_ELEMENTS (source_types) },
  [ACCORDS_VOCABULARY_FACT_KIND]      = { fact_kinds, G_N_ELEMENTS (fact_kinds) },
  [ACCORDS_VOCABULARY_INSTRUMENT_FORM] = { instrument_forms, G_N_ELEMENTS (instrument_forms) },
};

const AccordsTerm *
accords_vocabulary_get_terms (AccordsVocabulary  vocabulary,
                              guint             *n_terms)
{
  g_return_val_if_fail (vocabulary < ACCORDS_N_VOCABULARIES, NULL);

  if (n_terms)
    *n_terms = vocabularies[vocabulary].n_terms;
  return vocabularies[vocabulary].terms;
}

const AccordsTerm *
accords_vocabulary_lookup (AccordsVocabulary  vocabulary,
                           const char        *name)
{
  g_return_val_if_fail (vocabulary < ACCORDS_N_VOCABULARIES, NULL);

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < vocabularies[vocabulary].n_terms; i++)
    if (g_str_equal (vocabularies[vocabulary].terms[i].name, name))
      return &vocabularies[vocabulary].terms[i];
  return NULL;
}

char *
accords_vocabulary_get_label (AccordsVocabulary  vocabulary,
                              const char        *name)
{
  const AccordsTerm *term = accords_vocabulary_lookup (vocabulary, name);

  /* one name for a type wherever it shows: the map's and the list's too */
  if (vocabulary == ACCORDS_VOCABULARY_AGREEMENT_TYPE && name != NULL)
    return g_strdup (accords_agreement_type_get_label (name));
  if (term != NULL)
    return g_strdup (_(term->label));
  return accords_humanize (name ? name : "");
}

char *
accords_vocabulary_describe (AccordsVocabulary vocabulary)
{
  GString *out = g_string_new (NULL);
  guint n = 0;
  const AccordsTerm *terms = accords_vocabulary_get_terms (vocabulary, &n);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separators in a list of words: "a, b or c" */
        g_string_append (out, i + 1 == n ? _(" or ") : ", ");
      g_string_append (out, terms[i].name);
    }
  return g_string_free (out, FALSE);
}

gboolean
accords_is_identifier (const char *text)
{
  if (text == NULL || !g_ascii_islower (*text))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

char *
accords_humanize (const char *identifier)
{
  g_autofree char *text = g_strdelimit (g_strdup (identifier ? identifier : ""), "_", ' ');
  g_autofree char *rest = NULL;
  char first[8] = { 0 };

  if (*text == '\0')
    return g_steal_pointer (&text);
  rest = g_strdup (g_utf8_next_char (text));
  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (text)), first);
  return g_strconcat (first, rest, NULL);
}
