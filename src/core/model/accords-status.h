/* accords-status.h: display statuses, event types and the rule that derives one from the other */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ordered from weakest to strongest: the map colours a country by the
 * strongest status among its agreements. */
typedef enum {
  ACCORDS_STATUS_NONE = 0,
  ACCORDS_STATUS_RUMOURED,
  ACCORDS_STATUS_IN_TALKS,
  ACCORDS_STATUS_ANNOUNCED,
  ACCORDS_STATUS_SIGNED,
  ACCORDS_STATUS_RATIFIED,
  ACCORDS_STATUS_IN_FORCE,
  ACCORDS_STATUS_IMPLEMENTED,
  ACCORDS_STATUS_SUSPENDED,
  ACCORDS_STATUS_BLOCKED,
  ACCORDS_STATUS_COLLAPSED,
  ACCORDS_STATUS_SCRAPPED,
  ACCORDS_STATUS_TERMINATED,
  ACCORDS_STATUS_EXPIRED,
  ACCORDS_STATUS_SUPERSEDED,
  ACCORDS_STATUS_STRUCK_DOWN,
  ACCORDS_N_STATUSES
} AccordsStatus;

/* Statuses that share a priority share a colour. */
typedef enum {
  ACCORDS_STATUS_GROUP_NONE = 0,
  ACCORDS_STATUS_GROUP_EARLY,       /* rumoured, in talks, announced */
  ACCORDS_STATUS_GROUP_SIGNED,      /* signed, ratified */
  ACCORDS_STATUS_GROUP_IN_FORCE,    /* in force */
  ACCORDS_STATUS_GROUP_IMPLEMENTED, /* implemented */
  ACCORDS_STATUS_GROUP_SUSPENDED,   /* suspended, blocked */
  ACCORDS_STATUS_GROUP_ENDED,       /* collapsed, scrapped, terminated, expired, superseded */
  ACCORDS_STATUS_GROUP_STRUCK_DOWN,
  ACCORDS_N_STATUS_GROUPS
} AccordsStatusGroup;

int                 accords_status_priority      (AccordsStatus status);
AccordsStatus       accords_status_strongest     (AccordsStatus a,
                                                  AccordsStatus b);
const char         *accords_status_to_string     (AccordsStatus status);
AccordsStatus       accords_status_from_string   (const char   *name);
const char         *accords_status_get_label     (AccordsStatus status);
AccordsStatusGroup  accords_status_get_group     (AccordsStatus status);
const char         *accords_status_group_to_string (AccordsStatusGroup group);
const char         *accords_status_group_get_label (AccordsStatusGroup group);

/* Event types */
typedef struct {
  const char    *name;      /* "signed" */
  const char    *label;     /* translatable: "Signed" */
  AccordsStatus  implies;   /* status the event moves the agreement to, or NONE */
  gboolean       lifts;     /* resumes an agreement that was halted */
} AccordsEventType;

const AccordsEventType *accords_event_types        (guint       *n_types);
const AccordsEventType *accords_event_type_lookup  (const char  *name);
const char             *accords_event_type_get_label (const char *name);

/* A dated event as the derivation rule sees it */
typedef struct {
  guint32     date_key;
  const char *type;
} AccordsDatedEvent;

AccordsStatus accords_status_derive (const AccordsDatedEvent *events,
                                     guint                    n_events,
                                     guint32                  up_to_key);

G_END_DECLS
