/* accords-resources.c: the embedded data (seed dataset, map, interface) */
#define G_LOG_DOMAIN "accords-resources"

#include "config.h"

#include "accords-gresources.h"
#include "accords-resources.h"

void
accords_resources_ensure_registered (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      GResource *resource = accords_get_resource ();

      /* registered by the generated constructor; make sure all the same */
      if (g_resources_lookup_data (RESOURCE_PREFIX "/seed/agreements.json", 0, NULL) == NULL)
        g_resources_register (resource);
      g_once_init_leave (&registered, 1);
    }
}
