/* accords-agreement-type.c: the kinds of agreement, and their names for people */
#define G_LOG_DOMAIN "accords-agreement-type"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-agreement-type.h"
#include "accords-vocabulary.h"

const char *
accords_agreement_type_get_label (const char *type)
{
  const AccordsTerm *term;
  g_autofree char *text = NULL;

  if (type == NULL)
    return NULL;
  /* the vocabulary holds the known kinds, once */
  term = accords_vocabulary_lookup (ACCORDS_VOCABULARY_AGREEMENT_TYPE, type);
  if (term != NULL)
    return _(term->label);

  /* "new_kind_of_deal" -> "New kind of deal", kept for the life of the process */
  text = g_strdelimit (g_strdup (type), "_-", ' ');
  if (text[0])
    text[0] = g_ascii_toupper (text[0]);
  return g_intern_string (text);
}
