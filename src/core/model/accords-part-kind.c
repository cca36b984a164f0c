/* accords-part-kind.c: the kinds of agreement part, in one table that every module walks */
#define G_LOG_DOMAIN "accords-part-kind"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-event.h"
#include "accords-fact.h"
#include "accords-flag.h"
#include "accords-part-kind.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"

static const AccordsPartKind part_kinds[] = {
  { "party", "parties", N_("Parties"), accords_party_get_type, accords_agreement_get_parties },
  { "source", "sources", N_("Sources"), accords_source_get_type, accords_agreement_get_sources },
  { "event", "events", N_("Events"), accords_event_get_type, accords_agreement_get_events },
  { "person", "people", N_("People"), accords_person_role_get_type, accords_agreement_get_people },
  { "fact", "facts", N_("Facts"), accords_fact_get_type, accords_agreement_get_facts },
  { "flag", "verify", N_("To verify"), accords_flag_get_type, accords_agreement_get_flags },
};

const AccordsPartKind *
accords_part_kinds (guint *n)
{
  g_return_val_if_fail (n != NULL, NULL);

  *n = G_N_ELEMENTS (part_kinds);
  return part_kinds;
}

const AccordsPartKind *
accords_part_kind_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (part_kinds); i++)
    if (g_str_equal (part_kinds[i].name, name) || g_str_equal (part_kinds[i].member, name))
      return &part_kinds[i];
  return NULL;
}
