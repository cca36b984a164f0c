/* accords-resources.h: the embedded data (seed dataset, map, interface) */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The resource bundle lives in a static library; naming it keeps the linker
 * from dropping it, and its constructor registers it. */
void accords_resources_ensure_registered (void);

G_END_DECLS
