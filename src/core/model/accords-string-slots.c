/* accords-string-slots.c: plain string properties kept in an array of slots */
#define G_LOG_DOMAIN "accords-string-slots"

#include "config.h"

#include "accords-string-slots.h"
#include "accords-util.h"

void
accords_string_slots_install (GParamSpec        **properties,
                              guint               first,
                              const char * const *names,
                              guint               n_slots,
                              const char         *default_value,
                              GParamFlags         flags)
{
  for (guint i = 0; i < n_slots; i++)
    properties[first + i] = g_param_spec_string (names[i], NULL, NULL, default_value,
                                                 flags | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

void
accords_string_slots_clear (char  **slots,
                            guint   n_slots)
{
  for (guint i = 0; i < n_slots; i++)
    g_clear_pointer (&slots[i], g_free);
}

gboolean
accords_string_slots_get (char * const *slots,
                          guint         first,
                          guint         n_slots,
                          guint         prop_id,
                          GValue       *value)
{
  if (prop_id < first || prop_id >= first + n_slots)
    return FALSE;
  g_value_set_string (value, slots[prop_id - first]);
  return TRUE;
}

gboolean
accords_string_slots_set (GObject      *object,
                          char        **slots,
                          guint         first,
                          guint         n_slots,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  if (prop_id < first || prop_id >= first + n_slots)
    return FALSE;
  accords_string_slot_set (object, &slots[prop_id - first], g_value_get_string (value), pspec);
  return TRUE;
}

void
accords_string_slot_set (GObject    *object,
                         char      **slot,
                         const char *value,
                         GParamSpec *pspec)
{
  if (accords_set_str (slot, value))
    g_object_notify_by_pspec (object, pspec);
}
