/* accords-status.c: display statuses, event types and the rule that derives one from the other */
#define G_LOG_DOMAIN "accords-status"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-status.h"

typedef struct {
  const char         *name;
  const char         *label;
  int                 priority;
  AccordsStatusGroup  group;
} StatusInfo;

/* Priority from ../DESIGN: struck_down > scrapped/terminated/expired/superseded >
 * collapsed > suspended/blocked > implemented > in_force > ratified > signed >
 * announced > in_talks > rumoured. */
static const StatusInfo statuses[ACCORDS_N_STATUSES] = {
  [ACCORDS_STATUS_NONE]        = { "none",        N_("No status"),   0,  ACCORDS_STATUS_GROUP_NONE },
  [ACCORDS_STATUS_RUMOURED]    = { "rumoured",    N_("Rumoured"),    1,  ACCORDS_STATUS_GROUP_EARLY },
  [ACCORDS_STATUS_IN_TALKS]    = { "in_talks",    N_("In talks"),    2,  ACCORDS_STATUS_GROUP_EARLY },
  [ACCORDS_STATUS_ANNOUNCED]   = { "announced",   N_("Announced"),   3,  ACCORDS_STATUS_GROUP_EARLY },
  [ACCORDS_STATUS_SIGNED]      = { "signed",      N_("Signed"),      4,  ACCORDS_STATUS_GROUP_SIGNED },
  [ACCORDS_STATUS_RATIFIED]    = { "ratified",    N_("Ratified"),    5,  ACCORDS_STATUS_GROUP_SIGNED },
  [ACCORDS_STATUS_IN_FORCE]    = { "in_force",    N_("In force"),    6,  ACCORDS_STATUS_GROUP_IN_FORCE },
  [ACCORDS_STATUS_IMPLEMENTED] = { "implemented", N_("Implemented"), 7,  ACCORDS_STATUS_GROUP_IMPLEMENTED },
  [ACCORDS_STATUS_SUSPENDED]   = { "suspended",   N_("Suspended"),   8,  ACCORDS_STATUS_GROUP_SUSPENDED },
  [ACCORDS_STATUS_BLOCKED]     = { "blocked",     N_("Blocked"),     8,  ACCORDS_STATUS_GROUP_SUSPENDED },
  [ACCORDS_STATUS_COLLAPSED]   = { "collapsed",   N_("Collapsed"),   9,  ACCORDS_STATUS_GROUP_ENDED },
  [ACCORDS_STATUS_SCRAPPED]    = { "scrapped",    N_("Scrapped"),    10, ACCORDS_STATUS_GROUP_ENDED },
  [ACCORDS_STATUS_TERMINATED]  = { "terminated",  N_("Terminated"),  10, ACCORDS_STATUS_GROUP_ENDED },
  [ACCORDS_STATUS_EXPIRED]     = { "expired",     N_("Expired"),     10, ACCORDS_STATUS_GROUP_ENDED },
  [ACCORDS_STATUS_SUPERSEDED]  = { "superseded",  N_("Superseded"),  10, ACCORDS_STATUS_GROUP_ENDED },
  [ACCORDS_STATUS_STRUCK_DOWN] = { "struck_down", N_("Struck down"), 11, ACCORDS_STATUS_GROUP_STRUCK_DOWN },
};

static const struct {
  const char *name;
  const char *label;
} groups[ACCORDS_N_STATUS_GROUPS] = {
  [ACCORDS_STATUS_GROUP_NONE]        = { "none",        N_("No agreement") },
  [ACCORDS_STATUS_GROUP_EARLY]       = { "early",       N_("Talks or announced") },
  [ACCORDS_STATUS_GROUP_SIGNED]      = { "signed",      N_("Signed or ratified") },
  [ACCORDS_STATUS_GROUP_IN_FORCE]    = { "in-force",    N_("In force") },
  [ACCORDS_STATUS_GROUP_IMPLEMENTED] = { "implemented", N_("Implemented") },
  [ACCORDS_STATUS_GROUP_SUSPENDED]   = { "suspended",   N_("Suspended or blocked") },
  [ACCORDS_STATUS_GROUP_ENDED]       = { "ended",       N_("Ended") },
  [ACCORDS_STATUS_GROUP_STRUCK_DOWN] = { "struck-down", N_("Struck down") },
};

static const AccordsEventType event_types[] = {
  { "rumoured",        N_("Rumoured"),            ACCORDS_STATUS_RUMOURED,    FALSE },
  { "talks",           N_("Talks"),               ACCORDS_STATUS_IN_TALKS,    FALSE },
  { "talks_confirmed", N_("Talks confirmed"),     ACCORDS_STATUS_IN_TALKS,    FALSE },
  { "announced",       N_("Announced"),           ACCORDS_STATUS_ANNOUNCED,   FALSE },
  { "signed",          N_("Signed"),              ACCORDS_STATUS_SIGNED,      FALSE },
  { "amended",         N_("Amended"),             ACCORDS_STATUS_NONE,        FALSE },
  { "ratified",        N_("Ratified"),            ACCORDS_STATUS_RATIFIED,    FALSE },
  { "in_force",        N_("Entered into force"),  ACCORDS_STATUS_IN_FORCE,    TRUE },
  { "renewed",         N_("Renewed"),             ACCORDS_STATUS_IN_FORCE,    TRUE },
  { "first_transfer",  N_("First transfer"),      ACCORDS_STATUS_IMPLEMENTED, TRUE },
  { "transfer",        N_("Transfer"),            ACCORDS_STATUS_IMPLEMENTED, TRUE },
  { "resumed",         N_("Resumed"),             ACCORDS_STATUS_NONE,        TRUE },
  { "legislation",     N_("Legislation"),         ACCORDS_STATUS_NONE,        FALSE },
  { "court_ruling",    N_("Court ruling"),        ACCORDS_STATUS_NONE,        FALSE },
  { "legal_challenge", N_("Legal challenge"),     ACCORDS_STATUS_NONE,        FALSE },
  { "funding",         N_("Funding"),             ACCORDS_STATUS_NONE,        FALSE },
  { "statement",       N_("Statement"),           ACCORDS_STATUS_NONE,        FALSE },
  { "suspended",       N_("Suspended"),           ACCORDS_STATUS_SUSPENDED,   FALSE },
  { "blocked",         N_("Blocked"),             ACCORDS_STATUS_BLOCKED,     FALSE },
  { "collapsed",       N_("Collapsed"),           ACCORDS_STATUS_COLLAPSED,   FALSE },
  { "scrapped",        N_("Scrapped"),            ACCORDS_STATUS_SCRAPPED,    FALSE },
  { "terminated",      N_("Terminated"),          ACCORDS_STATUS_TERMINATED,  FALSE },
  { "expired",         N_("Expired"),             ACCORDS_STATUS_EXPIRED,     FALSE },
  { "superseded",      N_("Superseded"),          ACCORDS_STATUS_SUPERSEDED,  FALSE },
  { "struck_down",     N_("Struck down"),         ACCORDS_STATUS_STRUCK_DOWN, FALSE },
  { "other",           N_("Other"),               ACCORDS_STATUS_NONE,        FALSE },
};

int
accords_status_priority (AccordsStatus status)
{
  g_return_val_if_fail (status < ACCORDS_N_STATUSES, 0);
  return statuses[status].priority;
}

AccordsStatus
accords_status_strongest (AccordsStatus a,
                          AccordsStatus b)
{
  return accords_status_priority (b) > accords_status_priority (a) ? b : a;
}

const char *
accords_status_to_string (AccordsStatus status)
{
  g_return_val_if_fail (status < ACCORDS_N_STATUSES, "none");
  return statuses[status].name;
}

AccordsStatus
accords_status_from_string (const char *name)
{
  if (name == NULL)
    return ACCORDS_STATUS_NONE;
  for (guint i = 0; i < ACCORDS_N_STATUSES; i++)
    if (strcmp (statuses[i].name, name) == 0)
      return i;
  return ACCORDS_STATUS_NONE;
}

const char *
accords_status_get_label (AccordsStatus status)
{
  g_return_val_if_fail (status < ACCORDS_N_STATUSES, "");
  return _(statuses[status].label);
}

AccordsStatusGroup
accords_status_get_group (AccordsStatus status)
{
  g_return_val_if_fail (status < ACCORDS_N_STATUSES, ACCORDS_STATUS_GROUP_NONE);
  return statuses[status].group;
}

const char *
accords_status_group_to_string (AccordsStatusGroup group)
{
  g_return_val_if_fail (group < ACCORDS_N_STATUS_GROUPS, "none");
  return groups[group].name;
}

const char *
accords_status_group_get_label (AccordsStatusGroup group)
{
  g_return_val_if_fail (group < ACCORDS_N_STATUS_GROUPS, "");
  return _(groups[group].label);
}

const AccordsEventType *
accords_event_types (guint *n_types)
{
  if (n_types)
    *n_types = G_N_ELEMENTS (event_types);
  return event_types;
}

const AccordsEventType *
accords_event_type_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (event_types); i++)
    if (strcmp (event_types[i].name, name) == 0)
      return &event_types[i];
  return NULL;
}

const char *
accords_event_type_get_label (const char *name)
{
  const AccordsEventType *type = accords_event_type_lookup (name);

  return type ? _(type->label) : name;
}

/* Walk the events in date order.  Events that move an agreement forward
 * (talks, signature, entry into force, transfers) raise its progress to the
 * strongest reached; events that halt it (suspension, termination...) set a
 * halt.  A suspension or block is lifted by a later transfer, entry into
 * force, renewal or resumption; an end only by a renewal or resumption.  The
 * display status is the stronger of progress and halt, by the priority rule. */
AccordsStatus
accords_status_derive (const AccordsDatedEvent *events,
                       guint                    n_events,
                       guint32                  up_to_key)
{
  g_autofree guint *order = NULL;
  AccordsStatus progress = ACCORDS_STATUS_NONE;
  AccordsStatus halt = ACCORDS_STATUS_NONE;

  if (n_events == 0)
    return ACCORDS_STATUS_NONE;

  order = g_new (guint, n_events);
  for (guint i = 0; i < n_events; i++)
    order[i] = i;
  /* insertion sort: stable, and event lists are short */
  for (guint i = 1; i < n_events; i++)
    {
      guint v = order[i];
      guint j = i;
      while (j > 0 && events[order[j - 1]].date_key > events[v].date_key)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = v;
    }

  for (guint k = 0; k < n_events; k++)
    {
      const AccordsDatedEvent *ev = &events[order[k]];
      const AccordsEventType *type;
      AccordsStatusGroup implied_group;

      if (ev->date_key == 0 || (up_to_key != 0 && ev->date_key > up_to_key))
        continue;
      type = accords_event_type_lookup (ev->type);
      if (type == NULL)
        continue;

      implied_group = accords_status_get_group (type->implies);
      if (implied_group >= ACCORDS_STATUS_GROUP_SUSPENDED)
        {
          halt = accords_status_strongest (halt, type->implies);
          continue;
        }

      if (type->lifts)
        {
          AccordsStatusGroup halt_group = accords_status_get_group (halt);
          gboolean full = (type->implies == ACCORDS_STATUS_NONE ||
                           g_str_equal (type->name, "renewed"));

          if (halt_group == ACCORDS_STATUS_GROUP_SUSPENDED ||
              (full && halt_group != ACCORDS_STATUS_GROUP_NONE))
            halt = ACCORDS_STATUS_NONE;
        }
      progress = accords_status_strongest (progress, type->implies);
    }

  return accords_status_strongest (progress, halt);
}
