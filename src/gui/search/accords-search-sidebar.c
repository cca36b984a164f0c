/* accords-search-sidebar.c: the saved searches beside the News list, each with its unread count */
#define G_LOG_DOMAIN "accords-search-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-saved-search-tasks.h"
#include "accords-search-sidebar.h"
#include "accords-util.h"
#include "accords-widget-util.h"

/* What a store change must touch for the counts to move */
#define REFRESH_CHANGES (ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_FEEDS | \
                         ACCORDS_STORE_CHANGE_LINKS | ACCORDS_STORE_CHANGE_SEARCHES)

struct _AccordsSearchSidebar
{
  GtkWidget     parent_instance;

  GtkListBox   *list;
  GtkWidget    *menu;          /* the rows' context menu */

  AccordsStore *store;
  GPtrArray    *searches;      /* AccordsSavedSearch, parallel to the rows */
  GCancellable *cancellable;   /* of the listing under way */
  gboolean      reload;        /* the store changed while it ran */
  char         *menu_name;     /* the saved search the menu was opened on */
  gboolean      filling;
};

enum {
  SEARCH_ACTIVATED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AccordsSearchSidebar, accords_search_sidebar, GTK_TYPE_WIDGET)

static void refresh (AccordsSearchSidebar *self);

/* "12 news items, 3 unread": also the row's accessible description */
static char *
describe_counts (const AccordsSavedSearch *search)
{
  if (search->n_items < 0)
    return g_strdup ("");
  /* Translators: the counts of a saved search in the News sidebar */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " news item, %" G_GINT64_FORMAT " unread",
                                       "%" G_GINT64_FORMAT " news items, %" G_GINT64_FORMAT " unread",
                                       search->n_items),
                          search->n_items, search->n_unread);
}

static GtkWidget *
make_row (const AccordsSavedSearch *search)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (search->name);
  GtkWidget *count = gtk_label_new (NULL);
  g_autofree char *counts = describe_counts (search);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", search->name, counts);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);

  if (search->n_unread > 0)
    {
      g_autofree char *unread = g_strdup_printf ("%" G_GINT64_FORMAT, search->n_unread);

      gtk_label_set_label (GTK_LABEL (count), unread);
    }
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
fill (AccordsSearchSidebar *self,
      GPtrArray            *searches)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  g_autofree char *selected_name = NULL;
  GtkWidget *child;

  if (selected != NULL && (guint) gtk_list_box_row_get_index (selected) < self->searches->len)
    selected_name = g_strdup (((AccordsSavedSearch *) self->searches->pdata[gtk_list_box_row_get_index (selected)])->name);

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_ptr_array_unref (self->searches);
  self->searches = g_ptr_array_ref (searches);
  for (guint i = 0; i < searches->len; i++)
    {
      AccordsSavedSearch *search = searches->pdata[i];
      GtkWidget *row = make_row (search);

      gtk_list_box_append (self->list, row);
      if (g_strcmp0 (search->name, selected_name) == 0)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
  /* without saved searches the News list keeps the room */
  gtk_widget_set_visible (GTK_WIDGET (self), searches->len > 0);
}

static void
list_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AccordsSearchSidebar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) searches = accords_saved_search_list_finish (ACCORDS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* disposed */
  g_clear_object (&self->cancellable);
  if (searches == NULL)
    g_warning ("Listing the saved searches: %s", error->message);
  else
    {
      fill (self, searches);
      g_signal_emit (self, signals[LOADED], 0);
    }
  if (self->reload)
    refresh (self);
}

static void
refresh (AccordsSearchSidebar *self)
{
  if (self->store == NULL)
    return;
  /* one listing at a time: counting can take a while, and changes come in
   * bursts during an import; the one under way is followed by another */
  if (self->cancellable != NULL)
    {
      self->reload = TRUE;
      return;
    }
  self->reload = FALSE;
  self->cancellable = g_cancellable_new ();
  accords_saved_search_list_async (self->store, self->cancellable, list_done_cb, g_object_ref (self));
}

static void
store_changed_cb (AccordsSearchSidebar *self,
                  guint                 what)
{
  if (what & REFRESH_CHANGES)
    refresh (self);
}

static void
row_activated_cb (AccordsSearchSidebar *self,
                  GtkListBoxRow        *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->searches->len)
    g_signal_emit (self, signals[SEARCH_ACTIVATED], 0,
                   ((AccordsSavedSearch *) self->searches->pdata[index])->name);
}

/* The context menu */

static void
menu_pressed_cb (AccordsSearchSidebar *self,
                 int                   n_press,
                 double                x,
                 double                y,
                 GtkGesture           *gesture)
{
  GtkListBoxRow *row;
  int index;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) rename = NULL;
  g_autoptr(GMenuItem) delete = NULL;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };
  double sx, sy;

  row = gtk_list_box_get_row_at_y (self->list, (int) y);
  if (row == NULL || (index = gtk_list_box_row_get_index (row)) < 0 || (guint) index >= self->searches->len)
    return;
  accords_set_str (&self->menu_name, ((AccordsSavedSearch *) self->searches->pdata[index])->name);

  menu = g_menu_new ();
  rename = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (rename, "saved-search.rename", g_variant_new_string (self->menu_name));
  g_menu_append_item (menu, rename);
  delete = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (delete, "saved-search.delete", g_variant_new_string (self->menu_name));
  g_menu_append_item (menu, delete);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));

  if (gtk_widget_translate_coordinates (GTK_WIDGET (self->list), GTK_WIDGET (self), x, y, &sx, &sy))
    {
      rect.x = (int) sx;
      rect.y = (int) sy;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
long_pressed_cb (AccordsSearchSidebar *self,
                 double                x,
                 double                y,
                 GtkGesture           *gesture)
{
  menu_pressed_cb (self, 1, x, y, gesture);
}

static void
edit_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AccordsSearchSidebar) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!accords_saved_search_edit_finish (ACCORDS_STORE (object), result, &error))
    accords_widget_show_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

typedef enum {
  ASK_SAVE,
  ASK_RENAME,
} AskKind;

/* What a name dialog was opened for, kept until it answers */
typedef struct {
  AccordsSearchSidebar *sidebar;
  AskKind               kind;
  GtkEditable          *entry;
  char                 *name;      /* ASK_RENAME: the old name; ASK_SAVE: the query */
  AccordsItemFilter     filter;
  char                 *strings[4];
} AskData;

static void
ask_data_free (AskData *data)
{
  g_object_unref (data->sidebar);
  g_free (data->name);
  for (guint i = 0; i < G_N_ELEMENTS (data->strings); i++)
    g_free (data->strings[i]);
  g_free (data);
}

static void
ask_data_closure_free (gpointer  data,
                       GClosure *closure)
{
  ask_data_free (data);
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AskData          *data)
{
  const char *name = gtk_editable_get_text (data->entry);

  if (g_str_equal (response, "apply") && !accords_str_empty (name))
    {
      if (data->kind == ASK_SAVE)
        accords_search_sidebar_save (data->sidebar, name, data->name, &data->filter);
      else if (g_strcmp0 (name, data->name) != 0)
        accords_saved_search_rename_async (data->sidebar->store, data->name, name, edit_done_cb,
                                           g_object_ref (data->sidebar));
    }
}

static void
entry_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "apply", !accords_str_empty (gtk_editable_get_text (entry)));
}

static void
entry_activate_cb (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "apply"))
    {
      adw_message_dialog_response (dialog, "apply");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
ask_name (AskData    *data,
          const char *heading,
          const char *body,
          const char *initial,
          const char *apply_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data->sidebar));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  GtkWidget *entry = gtk_entry_new ();

  data->entry = GTK_EDITABLE (entry);
  gtk_editable_set_text (data->entry, initial ? initial : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", apply_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  entry_changed_cb (data->entry, ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (ask_response_cb), data,
                         ask_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsSearchSidebar *self = ACCORDS_SEARCH_SIDEBAR (widget);
  AskData *data = g_new0 (AskData, 1);
  const char *name = g_variant_get_string (parameter, NULL);

  data->sidebar = g_object_ref (self);
  data->kind = ASK_RENAME;
  data->name = g_strdup (name);
  ask_name (data, _("Rename Saved Search"), NULL, name, _("_Rename"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsSearchSidebar *self = ACCORDS_SEARCH_SIDEBAR (widget);

  if (self->store != NULL)
    accords_saved_search_rename_async (self->store, g_variant_get_string (parameter, NULL), NULL,
                                       edit_done_cb, g_object_ref (self));
}

static void
accords_search_sidebar_dispose (GObject *object)
{
  AccordsSearchSidebar *self = (AccordsSearchSidebar *) object;
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_SEARCH_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accords_search_sidebar_parent_class)->dispose (object);
}

static void
accords_search_sidebar_finalize (GObject *object)
{
  AccordsSearchSidebar *self = (AccordsSearchSidebar *) object;

  g_clear_pointer (&self->searches, g_ptr_array_unref);
  g_free (self->menu_name);

  G_OBJECT_CLASS (accords_search_sidebar_parent_class)->finalize (object);
}

static const AccordsWidgetAction actions[] = {
  { "saved-search.rename", "s", rename_action },
  { "saved-search.delete", "s", delete_action },
};

static void
accords_search_sidebar_class_init (AccordsSearchSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_search_sidebar_dispose;
  object_class->finalize = accords_search_sidebar_finalize;

  /* The saved search named so was chosen */
  signals[SEARCH_ACTIVATED] =
    g_signal_new ("search-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The list and its counts were read again */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-search-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsSearchSidebar, list);
  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_set_css_name (widget_class, "searchsidebar");
}

static void
accords_search_sidebar_init (AccordsSearchSidebar *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->searches = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_saved_search_free);

  self->menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (menu_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (gesture));
  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
accords_search_sidebar_set_store (AccordsSearchSidebar *self,
                                  AccordsStore         *store)
{
  g_return_if_fail (ACCORDS_IS_SEARCH_SIDEBAR (self));
  g_return_if_fail (ACCORDS_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  refresh (self);
}

GPtrArray *
accords_search_sidebar_get_searches (AccordsSearchSidebar *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCH_SIDEBAR (self), NULL);
  return self->searches;
}

const AccordsSavedSearch *
accords_search_sidebar_lookup (AccordsSearchSidebar *self,
                               const char           *name)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCH_SIDEBAR (self), NULL);

  for (guint i = 0; i < self->searches->len; i++)
    if (g_strcmp0 (((AccordsSavedSearch *) self->searches->pdata[i])->name, name) == 0)
      return self->searches->pdata[i];
  return NULL;
}

gboolean
accords_search_sidebar_activate (AccordsSearchSidebar *self,
                                 const char           *name)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCH_SIDEBAR (self), FALSE);

  for (guint i = 0; i < self->searches->len; i++)
    if (g_strcmp0 (((AccordsSavedSearch *) self->searches->pdata[i])->name, name) == 0)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

        self->filling = TRUE;
        gtk_list_box_select_row (self->list, row);
        self->filling = FALSE;
        g_signal_emit (self, signals[SEARCH_ACTIVATED], 0, name);
        return TRUE;
      }
  return FALSE;
}

void
accords_search_sidebar_ask_save (AccordsSearchSidebar    *self,
                                 const char              *query,
                                 const AccordsItemFilter *filter)
{
  AskData *data;

  g_return_if_fail (ACCORDS_IS_SEARCH_SIDEBAR (self));

  data = g_new0 (AskData, 1);
  data->sidebar = g_object_ref (self);
  data->kind = ASK_SAVE;
  data->name = g_strdup (query ? query : "");
  if (filter != NULL)
    {
      data->filter = *filter;
      data->filter.query = NULL;
      data->filter.country = data->strings[0] = g_strdup (filter->country);
      data->filter.agreement = data->strings[1] = g_strdup (filter->agreement);
      data->filter.since = data->strings[2] = g_strdup (filter->since);
      data->filter.until = data->strings[3] = g_strdup (filter->until);
    }
  ask_name (data, _("Save Search"), _("The search and its filters appear under this name beside the news"),
            query, _("_Save"));
}

void
accords_search_sidebar_save (AccordsSearchSidebar    *self,
                             const char              *name,
                             const char              *query,
                             const AccordsItemFilter *filter)
{
  g_return_if_fail (ACCORDS_IS_SEARCH_SIDEBAR (self));
  g_return_if_fail (self->store != NULL);

  accords_saved_search_add_async (self->store, name, query, filter, edit_done_cb, g_object_ref (self));
}
