/* accords-party.h: a country's part in an agreement */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_PARTY (accords_party_get_type ())

G_DECLARE_FINAL_TYPE (AccordsParty, accords_party, ACCORDS, PARTY, GObject)

AccordsParty *accords_party_new (void);
const char *accords_party_get_country (AccordsParty *self);
void accords_party_set_country (AccordsParty *self, const char *country);
const char *accords_party_get_role (AccordsParty *self);
void accords_party_set_role (AccordsParty *self, const char *role);

G_END_DECLS
