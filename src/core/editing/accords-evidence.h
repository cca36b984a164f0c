/* accords-evidence.h: from a linked news item to a timeline event, and from a source to a resolved verify flag */
#pragma once

#include <glib-object.h>

#include "accords-agreement.h"
#include "accords-command.h"
#include "accords-event.h"
#include "accords-flag.h"
#include "accords-item-link.h"
#include "accords-source.h"

G_BEGIN_DECLS

/* The event type an item with no status cue proposes: it moves no status,
 * so nothing the researcher has not checked is shown as a step */
#define ACCORDS_EVIDENCE_DEFAULT_TYPE "statement"

/* The event a linked news item proposes: the day it was published, the
 * type its status cue names (else ACCORDS_EVIDENCE_DEFAULT_TYPE), its title
 * as the description, "reported", and its link as the one source cited. */
AccordsEvent     *accords_evidence_event_from_item  (AccordsItemLink  *link);
/* The source the item becomes: a news report by its feed, published on its
 * day, that keeps its item; accessed NULL: today */
AccordsSource    *accords_evidence_source_from_item (AccordsItemLink  *link,
                                                     const char       *accessed);
/* Adds a copy of source to the agreement's sources unless one has its URL
 * already; TRUE when it was added */
gboolean          accords_evidence_add_source       (AccordsAgreement *agreement,
                                                     AccordsSource    *source);

/* One undoable step: agreement with event added, the item as a source when
 * its URL is not one yet (cited by the event), and the item's link to the
 * agreement confirmed.  Undoing it takes all of that back. */
AccordsCommand   *accords_evidence_event_command    (AccordsAgreement *agreement,
                                                     AccordsEvent     *event,
                                                     AccordsItemLink  *link);

/* The event a flag about an event's missing source points to, as the
 * dataset writes them ("source of the 2024-04-25 treaty ratified event not
 * identified"): its index in the agreement's events, or -1 */
int               accords_evidence_flag_event       (AccordsAgreement *agreement,
                                                     AccordsFlag      *flag);
/* One undoable step that resolves the flag at flag_index by citing a
 * source: either source (one of the agreement's or a new one) or the news
 * item of link, whose link is then confirmed.  The source is added to the
 * agreement's when its URL is new, cited by the event the flag points to,
 * if any, and the flag is marked resolved on today (NULL: today) with the
 * source as its resolution.  NULL with error when there is no such flag,
 * it is resolved already, or the source has no URL. */
AccordsCommand   *accords_evidence_resolve_flag_command (AccordsAgreement *agreement,
                                                     guint             flag_index,
                                                     AccordsSource    *source,
                                                     AccordsItemLink  *link,
                                                     const char       *today,
                                                     GError          **error);

G_END_DECLS
