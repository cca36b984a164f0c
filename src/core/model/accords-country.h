/* accords-country.h: a country or the EU, with the agreements it is party to */
#pragma once

#include <glib-object.h>

#include "accords-status.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_COUNTRY (accords_country_get_type ())

G_DECLARE_FINAL_TYPE (AccordsCountry, accords_country, ACCORDS, COUNTRY, GObject)

AccordsCountry *accords_country_new (void);
const char *accords_country_get_code (AccordsCountry *self);
void accords_country_set_code (AccordsCountry *self, const char *code);
const char *accords_country_get_alpha3 (AccordsCountry *self);
void accords_country_set_alpha3 (AccordsCountry *self, const char *alpha3);
const char *accords_country_get_numeric (AccordsCountry *self);
void accords_country_set_numeric (AccordsCountry *self, const char *numeric);
const char *accords_country_get_name (AccordsCountry *self);
void accords_country_set_name (AccordsCountry *self, const char *name);
guint accords_country_get_agreement_count (AccordsCountry *self);
void accords_country_set_agreement_count (AccordsCountry *self, guint agreement_count);
int accords_country_get_status (AccordsCountry *self);
void accords_country_set_status (AccordsCountry *self, int status);

G_END_DECLS
