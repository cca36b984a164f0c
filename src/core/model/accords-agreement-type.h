/* accords-agreement-type.h: the kinds of agreement, and their names for people */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "offshore_processing" -> "Offshore processing", translated; a type the
 * vocabulary does not know is spelled out from its identifier */
const char *accords_agreement_type_get_label (const char *type);

G_END_DECLS
