/* accords-names.h: the short forms of people's names */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The surnames a full name may appear as alone, as new strings: "Rubio"
 * for "Marco Rubio"; "von der Leyen"; "al-Serraj" and "Serraj" for
 * "Fayez al-Serraj".  Empty for a name of one word. */
GPtrArray *accords_surnames_of (const char *name);

G_END_DECLS
