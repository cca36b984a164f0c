/* accords-part-kind.h: the kinds of agreement part, in one table that every module walks */
#pragma once

#include <gio/gio.h>

#include "accords-agreement.h"

G_BEGIN_DECLS

typedef struct {
  const char  *name;                                   /* "party", as the editor's actions say */
  const char  *member;                                 /* "parties": the JSON array and validation prefix */
  const char  *label;                                  /* untranslated, N_ */
  GType      (*get_type)  (void);
  GListStore *(*get_store) (AccordsAgreement *agreement);
} AccordsPartKind;

/* Every kind, in the order the merge reports their conflicts */
const AccordsPartKind *accords_part_kinds       (guint      *n);
/* The kind of that name or member, or NULL */
const AccordsPartKind *accords_part_kind_lookup (const char *name);

G_END_DECLS
