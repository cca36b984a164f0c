/* accords-util.h: small helpers shared by the core */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *str_pointer with a copy of new_str; TRUE when the value changed.
 * (g_set_str() only arrives in GLib 2.76.) */
gboolean  accords_set_str        (char       **str_pointer,
                                  const char  *new_str);
/* NULL and "" are the same value */
gboolean  accords_str_empty      (const char  *str);
const char *accords_str_or_empty (const char  *str);
/* A valid UTF-8 copy, with invalid sequences replaced */
char     *accords_utf8_make_valid (const char *str,
                                   gssize      len);
/* A slug: lower case ASCII letters, digits and hyphens */
char     *accords_slugify         (const char *text);

/* Runs func (data) once in context, from any thread, then destroy (data).
 * Always through a source: g_main_context_invoke() would run it at once in
 * a thread while no thread owns the context.  name is a static string. */
void      accords_run_in_context  (GMainContext   *context,
                                   int             priority,
                                   GSourceFunc     func,
                                   gpointer        data,
                                   GDestroyNotify  destroy,
                                   const char     *name);

G_END_DECLS
