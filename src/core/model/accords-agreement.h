/* accords-agreement.h: an agreement between states, with its parties, events and sources */
#pragma once

#include <gio/gio.h>

#include "accords-status.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_AGREEMENT (accords_agreement_get_type ())

G_DECLARE_FINAL_TYPE (AccordsAgreement, accords_agreement, ACCORDS, AGREEMENT, GObject)

AccordsAgreement *accords_agreement_new (void);
/* A deep copy: its own parties, events, sources, flags, people and facts */
AccordsAgreement *accords_agreement_copy (AccordsAgreement *self);
/* A copy of one part (an AccordsParty, AccordsEvent...): every writable property */
gpointer          accords_part_copy      (gpointer          part);
gint64 accords_agreement_get_id (AccordsAgreement *self);
void accords_agreement_set_id (AccordsAgreement *self, gint64 id);
const char *accords_agreement_get_slug (AccordsAgreement *self);
void accords_agreement_set_slug (AccordsAgreement *self, const char *slug);
const char *accords_agreement_get_title (AccordsAgreement *self);
void accords_agreement_set_title (AccordsAgreement *self, const char *title);
const char *accords_agreement_get_short_title (AccordsAgreement *self);
void accords_agreement_set_short_title (AccordsAgreement *self, const char *short_title);
const char * const *accords_agreement_get_aliases (AccordsAgreement *self);
void accords_agreement_set_aliases (AccordsAgreement *self, const char * const *aliases);
const char * const *accords_agreement_get_types (AccordsAgreement *self);
void accords_agreement_set_types (AccordsAgreement *self, const char * const *types);
const char *accords_agreement_get_instrument_form (AccordsAgreement *self);
void accords_agreement_set_instrument_form (AccordsAgreement *self, const char *instrument_form);
const char *accords_agreement_get_legal_status (AccordsAgreement *self);
void accords_agreement_set_legal_status (AccordsAgreement *self, const char *legal_status);
const char *accords_agreement_get_operational_status (AccordsAgreement *self);
void accords_agreement_set_operational_status (AccordsAgreement *self, const char *operational_status);
const char *accords_agreement_get_status_override (AccordsAgreement *self);
void accords_agreement_set_status_override (AccordsAgreement *self, const char *status_override);
const char *accords_agreement_get_display_status (AccordsAgreement *self);
void accords_agreement_set_display_status (AccordsAgreement *self, const char *display_status);
const char *accords_agreement_get_status_as_of (AccordsAgreement *self);
void accords_agreement_set_status_as_of (AccordsAgreement *self, const char *status_as_of);
const char *accords_agreement_get_summary (AccordsAgreement *self);
void accords_agreement_set_summary (AccordsAgreement *self, const char *summary);
const char *accords_agreement_get_scope (AccordsAgreement *self);
void accords_agreement_set_scope (AccordsAgreement *self, const char *scope);
const char *accords_agreement_get_cap (AccordsAgreement *self);
void accords_agreement_set_cap (AccordsAgreement *self, const char *cap);
const char * const *accords_agreement_get_related (AccordsAgreement *self);
void accords_agreement_set_related (AccordsAgreement *self, const char * const *related);
const char *accords_agreement_get_created (AccordsAgreement *self);
void accords_agreement_set_created (AccordsAgreement *self, const char *created);
const char *accords_agreement_get_updated (AccordsAgreement *self);
void accords_agreement_set_updated (AccordsAgreement *self, const char *updated);

GListStore   *accords_agreement_get_parties   (AccordsAgreement *self);
GListStore   *accords_agreement_get_events    (AccordsAgreement *self);
GListStore   *accords_agreement_get_sources   (AccordsAgreement *self);
GListStore   *accords_agreement_get_flags     (AccordsAgreement *self);
GListStore   *accords_agreement_get_people    (AccordsAgreement *self);
GListStore   *accords_agreement_get_facts     (AccordsAgreement *self);
/* The status its events give it on a date (NULL: all events), ignoring any override */
AccordsStatus accords_agreement_derive_status (AccordsAgreement *self,
                                               const char       *on_date);
/* The status on a date (NULL: today): its events up to that day, with the
 * status set by hand ("status as of" a date) as a step of its own from that
 * date on */
AccordsStatus accords_agreement_get_status_on (AccordsAgreement *self,
                                               const char       *on_date);
/* The date a status set by hand counts from: its "status as of", else the
 * date of its latest event; NULL when no status is set by hand */
const char   *accords_agreement_get_override_date (AccordsAgreement *self);
/* The dates of its life: of its first dated event, of the step (an event,
 * or the status set by hand) from which its current status has held, and
 * whether that status ended it; FALSE, and NULLs, when it has no dated step */
gboolean      accords_agreement_get_life (AccordsAgreement  *self,
                                          const char       **first,
                                          const char       **status_since,
                                          gboolean          *ended);
/* The status it is shown with: the override when set, else the derived one */
AccordsStatus accords_agreement_get_status    (AccordsAgreement *self);
/* The kind of instrument that is not an agreement between states: an act
 * of one party (EU legislation) that applies to the states under it; the
 * word its form of instrument holds, and the filter's name for it */
#define ACCORDS_LEGAL_FRAMEWORK "legal framework"
#define ACCORDS_LEGAL_FRAMEWORK_FILTER "legal_framework"
gboolean      accords_agreement_is_legal_framework (AccordsAgreement *self);
gboolean      accords_agreement_has_party     (AccordsAgreement *self,
                                               const char       *country);

G_END_DECLS
