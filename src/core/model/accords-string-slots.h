/* accords-string-slots.h: plain string properties kept in an array of slots */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A model object may keep a run of plain string properties in one array,
 * char *strings[N], whose property ids follow each other from first: the
 * property first + i is the slot strings[i].  These serve such a run. */

void     accords_string_slots_install (GParamSpec        **properties,
                                       guint               first,
                                       const char * const *names,
                                       guint               n_slots,
                                       const char         *default_value,
                                       GParamFlags         flags);
void     accords_string_slots_clear   (char              **slots,
                                       guint               n_slots);
/* TRUE when prop_id is one of the slots, and value now holds it */
gboolean accords_string_slots_get     (char * const       *slots,
                                       guint               first,
                                       guint               n_slots,
                                       guint               prop_id,
                                       GValue             *value);
/* TRUE when prop_id is one of the slots, and it now holds value */
gboolean accords_string_slots_set     (GObject            *object,
                                       char              **slots,
                                       guint               first,
                                       guint               n_slots,
                                       guint               prop_id,
                                       const GValue       *value,
                                       GParamSpec         *pspec);
/* Stores a copy of value; notifies pspec when that changed the slot */
void     accords_string_slot_set      (GObject            *object,
                                       char              **slot,
                                       const char         *value,
                                       GParamSpec         *pspec);

/* The public getter (and setter) of one slot, type##_get_##name and
 * type##_set_##name.  They expect the file's properties[] array, the
 * instance's strings[] member and FIRST_STRING, its first slot's id. */
#define ACCORDS_STRING_SLOT_GETTER(Type, type, name, PROP)                         \
  const char *                                                                     \
  type##_get_##name (Type *self)                                                   \
  {                                                                                \
    g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type##_get_type ()), NULL); \
    return self->strings[(PROP) - FIRST_STRING];                                   \
  }

#define ACCORDS_STRING_SLOT_ACCESSORS(Type, type, name, PROP)                      \
  ACCORDS_STRING_SLOT_GETTER (Type, type, name, PROP)                              \
  void                                                                             \
  type##_set_##name (Type       *self,                                             \
                     const char *value)                                            \
  {                                                                                \
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type##_get_type ()));      \
    accords_string_slot_set (G_OBJECT (self), &self->strings[(PROP) - FIRST_STRING], \
                             value, properties[PROP]);                             \
  }

G_END_DECLS
