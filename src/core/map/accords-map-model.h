/* accords-map-model.h: what the map shows of each country: its status on a date, under the filters */
#pragma once

#include <glib-object.h>

#include "accords-agreement.h"
#include "accords-country-list.h"
#include "accords-status.h"

G_BEGIN_DECLS

/* An arc of the map: from a sending party to a receiving one */
typedef struct {
  char from[3];
  char to[3];
} AccordsMapLink;

/* The legend's entries: the status groups (NONE for no agreement), then one
 * for the countries party to agreements none of which has a status yet */
#define ACCORDS_MAP_LEGEND_UNSTATED  ((guint) ACCORDS_N_STATUS_GROUPS)
#define ACCORDS_MAP_N_LEGEND_ENTRIES (ACCORDS_N_STATUS_GROUPS + 1)

const char         *accords_map_legend_entry_get_label      (guint               entry);

#define ACCORDS_TYPE_MAP_MODEL (accords_map_model_get_type ())

G_DECLARE_FINAL_TYPE (AccordsMapModel, accords_map_model, ACCORDS, MAP_MODEL, GObject)

/* Follows the country list: its type filter, its date and the store behind it */
AccordsMapModel    *accords_map_model_new                   (AccordsCountryList *countries);
AccordsCountryList *accords_map_model_get_countries         (AccordsMapModel    *self);
/* YYYY-MM-DD, or NULL for the statuses of today; shared with the country list */
void                accords_map_model_set_date              (AccordsMapModel    *self,
                                                             const char         *date);
const char         *accords_map_model_get_date              (AccordsMapModel    *self);
/* Only countries in this legend entry are coloured (NONE: every entry) */
void                accords_map_model_set_status_filter     (AccordsMapModel    *self,
                                                             guint               entry);
guint               accords_map_model_get_status_filter     (AccordsMapModel    *self);

/* The strongest status of the country's agreements under the filters, the
 * one its fill shows; NONE when it has none or the status filter hides it */
AccordsStatus       accords_map_model_get_status            (AccordsMapModel    *self,
                                                             const char         *code);
/* The legend entry the country's fill shows: its status group, UNSTATED
 * when none of its agreements has a status, NONE when it has no agreement
 * or the status filter hides it */
guint               accords_map_model_get_legend_entry      (AccordsMapModel    *self,
                                                             const char         *code);
/* Agreements the country is party to that count under the type filter and date */
guint               accords_map_model_get_agreement_count   (AccordsMapModel    *self,
                                                             const char         *code);
/* The agreement's status on the date; NONE when it does not count */
AccordsStatus       accords_map_model_get_agreement_status  (AccordsMapModel    *self,
                                                             AccordsAgreement   *agreement);
AccordsAgreement   *accords_map_model_find_agreement        (AccordsMapModel    *self,
                                                             const char         *slug);
/* AccordsAgreement, those that count for the country */
GPtrArray          *accords_map_model_dup_agreements        (AccordsMapModel    *self,
                                                             const char         *code);
/* AccordsMapLink: sending to receiving parties, when the agreement counts */
GArray             *accords_map_model_dup_links             (AccordsMapModel    *self,
                                                             const char         *slug);
/* Codes of the countries the map colours (every legend entry but NONE), in
 * the country list's order */
GStrv               accords_map_model_dup_coloured_codes    (AccordsMapModel    *self);
/* The timeline's range as YYYYMMDD: the first day of the earliest event, and
 * the latest event or today, whichever comes later */
void                accords_map_model_get_date_range        (AccordsMapModel    *self,
                                                             guint32            *first,
                                                             guint32            *last);

G_END_DECLS
