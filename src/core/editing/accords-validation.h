/* accords-validation.h: what is wrong with an agreement, field by field */
#pragma once

#include "accords-agreement.h"
#include "accords-store.h"

G_BEGIN_DECLS

typedef struct {
  char *field;     /* as in the JSON: "title", "events[2].date", "verify[0].resolution" */
  char *message;   /* what is wrong, without the field: "2025-02-30 does not exist..." */
} AccordsIssue;

void          accords_issue_free        (AccordsIssue     *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsIssue, accords_issue_free)

/* Every problem, in the order of the fields; an empty array when there is
 * none.  own_slug is the id the agreement is stored under (NULL for a new
 * one): any other stored agreement with its id makes the id a duplicate.
 * store may be NULL: then country codes and ids are not looked up. */
GPtrArray          *accords_agreement_check (AccordsAgreement *agreement,
                                             AccordsStore     *store,
                                             const char       *own_slug);
/* The first issue of this field or of a field under it ("events[2]" finds
 * "events[2].date"); NULL when it has none. */
const AccordsIssue *accords_issues_find     (GPtrArray        *issues,
                                             const char       *field);

gboolean            accords_is_http_url     (const char       *url);

G_END_DECLS
