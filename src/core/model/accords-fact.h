/* accords-fact.h: a financial term, observation, legal challenge or concern */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_FACT (accords_fact_get_type ())

G_DECLARE_FINAL_TYPE (AccordsFact, accords_fact, ACCORDS, FACT, GObject)

AccordsFact *accords_fact_new (void);
gint64 accords_fact_get_id (AccordsFact *self);
void accords_fact_set_id (AccordsFact *self, gint64 id);
const char *accords_fact_get_kind (AccordsFact *self);
void accords_fact_set_kind (AccordsFact *self, const char *kind);
const char *accords_fact_get_date (AccordsFact *self);
void accords_fact_set_date (AccordsFact *self, const char *date);
const char *accords_fact_get_description (AccordsFact *self);
void accords_fact_set_description (AccordsFact *self, const char *description);
const char *accords_fact_get_amount (AccordsFact *self);
void accords_fact_set_amount (AccordsFact *self, const char *amount);
const char *accords_fact_get_currency (AccordsFact *self);
void accords_fact_set_currency (AccordsFact *self, const char *currency);
gint64 accords_fact_get_count (AccordsFact *self);
void accords_fact_set_count (AccordsFact *self, gint64 count);
const char *accords_fact_get_court (AccordsFact *self);
void accords_fact_set_court (AccordsFact *self, const char *court);
const char *accords_fact_get_case_name (AccordsFact *self);
void accords_fact_set_case_name (AccordsFact *self, const char *case_name);
const char *accords_fact_get_outcome (AccordsFact *self);
void accords_fact_set_outcome (AccordsFact *self, const char *outcome);
const char *accords_fact_get_raised_by (AccordsFact *self);
void accords_fact_set_raised_by (AccordsFact *self, const char *raised_by);
const char *accords_fact_get_source_url (AccordsFact *self);
void accords_fact_set_source_url (AccordsFact *self, const char *source_url);

G_END_DECLS
