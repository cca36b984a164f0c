/* accords-field-message.c: a message shown in a boxed list, right under the row of the field it is about */
#define G_LOG_DOMAIN "accords-field-message"

#include "config.h"

#include "accords-field-message.h"

#define MESSAGE_KEY "accords-field-message"
#define ROW_KEY "accords-field-message-row"

static GtkWidget *
message_row_new (const char *message)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "validation-message");
  gtk_widget_add_css_class (row, "error");
  return row;
}

void
accords_field_message_set (GtkWidget  *field_row,
                           GtkWidget  *anchor,
                           const char *message)
{
  GtkWidget *old;
  GtkWidget *list;

  g_return_if_fail (GTK_IS_WIDGET (field_row));
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (anchor));

  if (g_strcmp0 (accords_field_message_get (field_row), message) == 0)
    return;

  old = g_object_get_data (G_OBJECT (field_row), ROW_KEY);
  if (old != NULL && GTK_IS_LIST_BOX (gtk_widget_get_parent (old)))
    gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (old)), old);
  g_object_set_data (G_OBJECT (field_row), ROW_KEY, NULL);
  g_object_set_data_full (G_OBJECT (field_row), MESSAGE_KEY, g_strdup (message), g_free);

  list = gtk_widget_get_parent (anchor);
  if (message != NULL && GTK_IS_LIST_BOX (list))
    {
      GtkWidget *row = message_row_new (message);

      gtk_list_box_insert (GTK_LIST_BOX (list), row, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (anchor)) + 1);
      g_object_set_data (G_OBJECT (field_row), ROW_KEY, row);
      gtk_widget_add_css_class (field_row, "error");
    }
  else
    gtk_widget_remove_css_class (field_row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message ? message : "", -1);
}

const char *
accords_field_message_get (GtkWidget *field_row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (field_row), NULL);
  return g_object_get_data (G_OBJECT (field_row), MESSAGE_KEY);
}
