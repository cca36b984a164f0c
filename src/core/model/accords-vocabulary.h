/* accords-vocabulary.h: the closed and suggested word lists of the dataset */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ACCORDS_VOCABULARY_AGREEMENT_TYPE,  /* closed */
  ACCORDS_VOCABULARY_PARTY_ROLE,      /* closed */
  ACCORDS_VOCABULARY_CONFIDENCE,      /* closed */
  ACCORDS_VOCABULARY_SOURCE_TYPE,     /* suggested */
  ACCORDS_VOCABULARY_FACT_KIND,       /* closed */
  ACCORDS_VOCABULARY_INSTRUMENT_FORM, /* closed; an agreement may join several with "; " */
  ACCORDS_N_VOCABULARIES
} AccordsVocabulary;

typedef struct {
  const char *name;    /* "third_country_deportation" */
  const char *label;   /* untranslated: use accords_vocabulary_get_label() */
} AccordsTerm;

const AccordsTerm *accords_vocabulary_get_terms (AccordsVocabulary  vocabulary,
                                                 guint             *n_terms);
const AccordsTerm *accords_vocabulary_lookup    (AccordsVocabulary  vocabulary,
                                                 const char        *name);
/* The translated label, or for a word outside the list the word itself with
 * underscores as spaces and a capital first letter. */
char              *accords_vocabulary_get_label (AccordsVocabulary  vocabulary,
                                                 const char        *name);
/* A list of the names, "a, b or c", for messages */
char              *accords_vocabulary_describe  (AccordsVocabulary  vocabulary);

/* Lower-case letters, digits and underscores, starting with a letter */
gboolean           accords_is_identifier        (const char        *text);
/* "third_country_deportation" -> "Third country deportation" */
char              *accords_humanize             (const char        *identifier);

G_END_DECLS
