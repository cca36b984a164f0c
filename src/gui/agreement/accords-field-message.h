/* accords-field-message.h: a message shown in a boxed list, right under the row of the field it is about */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows message under anchor (a row in a GtkListBox) and marks field_row
 * (usually the anchor) with the error style and an accessible description;
 * NULL removes it.  Showing the same message again changes nothing. */
void        accords_field_message_set (GtkWidget  *field_row,
                                       GtkWidget  *anchor,
                                       const char *message);
const char *accords_field_message_get (GtkWidget  *field_row);

G_END_DECLS
