/* accords-window.c: the main window: countries, the map and the agreements */
#define G_LOG_DOMAIN "accords-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-agreement-view.h"
#include "accords-country-list.h"
#include "accords-country-pane.h"
#include "accords-history.h"
#include "accords-map-model.h"
#include "accords-map-view.h"
#include "accords-news-view.h"
#include "accords-notes-page.h"
#include "accords-util.h"
#include "accords-window-private.h"

/* How often the window looks for what other processes wrote */
#define FOLLOW_INTERVAL_S 2


G_DEFINE_FINAL_TYPE (AccordsWindow, accords_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SETTINGS,
  PROP_SELECTED_AGREEMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AccordsAgreement *
find_agreement (AccordsWindow *self,
                const char    *slug)
{
  return accords_agreement_list_find (self->agreement_list, slug);
}

static void
show_selected_agreement (AccordsWindow *self)
{
  AccordsAgreement *a = self->selected_agreement ? find_agreement (self, self->selected_agreement) : NULL;

  accords_agreement_view_set_agreement (self->agreement_view, a);
  gtk_stack_set_visible_child_name (self->panel_stack, a ? "detail" : "list");
}

static void
reload_agreements (AccordsWindow *self)
{
  accords_agreement_list_reload (self->agreement_list, accords_country_pane_get_selected_country (self->country_pane));

  /* the agreement shown stays if the country still has it */
  if (self->selected_agreement && find_agreement (self, self->selected_agreement) == NULL)
    g_clear_pointer (&self->selected_agreement, g_free);
  show_selected_agreement (self);
}

static void
country_selected_cb (AccordsWindow *self)
{
  const char *code = accords_country_pane_get_selected_country (self->country_pane);

  reload_agreements (self);
  if (code != NULL)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      adw_flap_set_reveal_flap (self->flap, TRUE);
    }
}

static void
agreement_activated_cb (AccordsWindow *self,
                        const char    *slug)
{
  accords_window_select_agreement (self, slug);
}

/* A double click on an agreement zooms the map to its parties.  The first
 * click opens the agreement in the panel, so the second lands on another
 * page, and the list's own gesture may take the first: the panel counts
 * the presses itself, remembering which row the first one was on. */
static void
panel_pressed_cb (AccordsWindow   *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  GtkWidget *panel = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  gint64 now = g_get_monotonic_time ();
  int double_click_ms = 400;
  const char *slug;
  double lx, ly;

  g_object_get (gtk_widget_get_settings (panel), "gtk-double-click-time", &double_click_ms, NULL);
  if (self->pressed_agreement && now - self->pressed_time <= (gint64) double_click_ms * 1000)
    {
      g_autofree char *pressed = g_steal_pointer (&self->pressed_agreement);

      accords_map_view_show_agreement (self->map_view, pressed);
      return;
    }
  g_clear_pointer (&self->pressed_agreement, g_free);
  if (!gtk_widget_is_drawable (GTK_WIDGET (self->agreement_list)) ||
      !gtk_widget_translate_coordinates (panel, GTK_WIDGET (self->agreement_list), x, y, &lx, &ly) ||
      !gtk_widget_contains (GTK_WIDGET (self->agreement_list), lx, ly))
    return;
  slug = accords_agreement_list_get_slug_at (self->agreement_list, lx, ly);
  if (slug != NULL)
    {
      self->pressed_agreement = g_strdup (slug);
      self->pressed_time = now;
    }
}

static void
search_changed_cb (AccordsWindow  *self,
                   GtkSearchEntry *entry)
{
  accords_country_pane_set_search_text (self->country_pane, gtk_editable_get_text (GTK_EDITABLE (entry)));
  accords_notes_page_set_search (self->notes_page, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* A page just shown takes the focus from the sidebar's search, so that the
 * News view's keys read rather than type into it */
static void
page_changed_cb (AccordsWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "news") == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    accords_news_view_focus_list (self->news_view);
}

/* Enter: the first match, and the list to go on from it */
static void
search_activate_cb (AccordsWindow  *self,
                    GtkSearchEntry *entry)
{
  /* the search may not have caught up with the last key yet */
  accords_country_pane_set_search_text (self->country_pane, gtk_editable_get_text (GTK_EDITABLE (entry)));
  accords_country_pane_select_first (self->country_pane);
}

static void
select_agreement_anywhere (AccordsWindow *self,
                           const char    *slug)
{
  /* the country selected may not be party to it */
  if (find_agreement (self, slug) == NULL)
    accords_window_select_country (self, NULL);
  accords_window_select_agreement (self, slug);
}

/* A hit of the window's search opens in its page */
static void
search_hit_activated_cb (AccordsWindow *self,
                         int            group,
                         gint64         id,
                         const char    *slug)
{
  gtk_menu_button_popdown (self->search_button);
  switch ((AccordsSearchGroup) group)
    {
    case ACCORDS_SEARCH_GROUP_ITEMS:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "x", id);
      break;

    case ACCORDS_SEARCH_GROUP_NOTES:
      adw_view_stack_set_visible_child_name (self->view_stack, "notes");
      accords_notes_page_open_note (self->notes_page, id);
      break;

    case ACCORDS_SEARCH_GROUP_AGREEMENTS:
      adw_view_stack_set_visible_child_name (self->view_stack, "atlas");
      select_agreement_anywhere (self, slug);
      break;

    case ACCORDS_SEARCH_N_GROUPS:
    default:
      g_assert_not_reached ();
    }
}

static void
store_changed_cb (AccordsWindow *self,
                  guint          what)
{
  if (what & ACCORDS_STORE_CHANGE_AGREEMENTS)
    reload_agreements (self);
}

/* Other processes write to the database too: accords-cli, sqlite3, a
 * second window's process.  What this process writes is announced by
 * whoever wrote it, so a check while that is under way would only say it
 * again. */
static void
follow_outside_changes (AccordsWindow *self)
{
  AccordsRelinker *relinker = accords_context_get_relinker (self->context);

  if (accords_history_get_busy (self->history) || (relinker != NULL && accords_relinker_get_running (relinker)))
    return;
  accords_store_check_external_changes (accords_context_get_store (self->context));
}

static gboolean
follow_timeout_cb (gpointer user_data)
{
  follow_outside_changes (ACCORDS_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
active_changed_cb (AccordsWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    follow_outside_changes (self);
}

/* After a create, a rename or an undone delete, show the agreement that
 * came out of it */
static void
history_done_cb (AccordsWindow  *self,
                 AccordsCommand *command,
                 gboolean        reverted)
{
  const char *slug;

  if (accords_command_get_n_changes (command) != 1)
    return;
  slug = accords_command_get_slug (command, reverted);
  if (slug == NULL || g_strcmp0 (slug, self->selected_agreement) == 0)
    return;
  if (find_agreement (self, slug) == NULL)
    accords_window_select_country (self, NULL);
  accords_window_select_agreement (self, slug);
}

static void
notes_follow_selection_cb (AccordsWindow *self)
{
  accords_notes_page_set_country (self->notes_page, accords_country_pane_get_selected_country (self->country_pane));
  accords_notes_page_set_agreement (self->notes_page, self->selected_agreement);
}

/* The News view's filter keeps to what is selected here */
static void
news_follow_selection_cb (AccordsWindow *self)
{
  const char *code = accords_country_pane_get_selected_country (self->country_pane);
  AccordsAgreement *a = self->selected_agreement ? find_agreement (self, self->selected_agreement) : NULL;
  const char *label = NULL;

  if (a != NULL)
    label = accords_str_empty (accords_agreement_get_short_title (a)) ? accords_agreement_get_title (a)
                                                                       : accords_agreement_get_short_title (a);
  else if (code != NULL)
    label = accords_context_get_country_name (self->context, code);
  accords_news_view_set_selection (self->news_view, code, a ? self->selected_agreement : NULL, label);
}

static void
accords_window_constructed (GObject *object)
{
  AccordsWindow *self = ACCORDS_WINDOW (object);

  G_OBJECT_CLASS (accords_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  accords_agreement_view_set_context (self->agreement_view, self->context);
  self->history = g_object_ref (accords_context_get_history (self->context));
  g_signal_connect_object (self->history, "done", G_CALLBACK (history_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (_accords_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (_accords_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  _accords_window_update_actions (self);
  accords_news_view_set_context (self->news_view, self->context);
  self->countries = accords_country_list_new (self->context);
  accords_agreement_list_set_countries (self->agreement_list, self->context, self->countries);
  accords_country_pane_set_model (self->country_pane, self->countries);
  /* the map and the list share the countries, their filters and the selection */
  self->map_model = accords_map_model_new (self->countries);
  accords_map_view_set_model (self->map_view, self->map_model);
  g_object_bind_property (self->country_pane, "selected-country", self->map_view, "selected-country",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* the list's status filter and the map's legend are one */
  g_object_bind_property (self->country_pane, "status-filter", self->map_model, "status-filter",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "selected-agreement", self->map_view, "selected-agreement",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (accords_context_get_store (self->context), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->country_pane, "notify::selected-country",
                           G_CALLBACK (country_selected_cb), self, G_CONNECT_SWAPPED);
  accords_notes_page_set_context (self->notes_page, self->context);
  accords_search_panel_set_store (self->search_panel, accords_context_get_store (self->context));
  accords_feeds_view_set_context (self->feeds_view, self->context);
  g_signal_connect_object (self->country_pane, "notify::selected-country",
                           G_CALLBACK (notes_follow_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::selected-agreement",
                           G_CALLBACK (notes_follow_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_pane, "notify::selected-country",
                           G_CALLBACK (news_follow_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::selected-agreement",
                           G_CALLBACK (news_follow_selection_cb), self, G_CONNECT_SWAPPED);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "refresh-interval", self->feeds_view, "refresh-interval",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "hide-empty-countries", self->country_pane, "show-all",
                       G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_INVERT_BOOLEAN);
      g_settings_bind (self->settings, "selected-country", self->country_pane, "selected-country",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "selected-agreement", self, "selected-agreement",
                       G_SETTINGS_BIND_DEFAULT);
    }

  reload_agreements (self);
  notes_follow_selection_cb (self);
  news_follow_selection_cb (self);

  /* from here on, what others commit shows up when the window is focused, or within a few seconds */
  accords_store_check_external_changes (accords_context_get_store (self->context));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  self->follow_source = g_timeout_add_seconds (FOLLOW_INTERVAL_S, follow_timeout_cb, self);
}

/* The search's popover goes down before the window leaves the screen: a
 * popover still up when its parent's surface went left GTK a pointer
 * query on a surface that was no more */
static void
accords_window_unmap (GtkWidget *widget)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  if (self->search_button != NULL)
    gtk_menu_button_popdown (self->search_button);
  GTK_WIDGET_CLASS (accords_window_parent_class)->unmap (widget);
}

static void
accords_window_dispose (GObject *object)
{
  AccordsWindow *self = (AccordsWindow *) object;

  g_clear_handle_id (&self->follow_source, g_source_remove);
  /* the search's popover is closed before the window's widgets go: torn
   * down while open, it crashed the window's teardown now and then */
  if (self->search_button != NULL)
    gtk_menu_button_popdown (self->search_button);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_WINDOW);
  g_clear_object (&self->map_model);
  g_clear_object (&self->countries);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_window_parent_class)->dispose (object);
}

static void
accords_window_finalize (GObject *object)
{
  AccordsWindow *self = (AccordsWindow *) object;

  g_free (self->selected_agreement);
  g_free (self->pressed_agreement);

  G_OBJECT_CLASS (accords_window_parent_class)->finalize (object);
}

static void
accords_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordsWindow *self = ACCORDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SELECTED_AGREEMENT:
      g_value_set_string (value, self->selected_agreement ? self->selected_agreement : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordsWindow *self = ACCORDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SELECTED_AGREEMENT:
      accords_window_select_agreement (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_window_class_init (AccordsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = accords_window_constructed;
  object_class->dispose = accords_window_dispose;
  object_class->finalize = accords_window_finalize;
  object_class->get_property = accords_window_get_property;
  object_class->set_property = accords_window_set_property;
  widget_class->unmap = accords_window_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ACCORDS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_AGREEMENT] =
    g_param_spec_string ("selected-agreement", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORDS_TYPE_COUNTRY_PANE);
  g_type_ensure (ACCORDS_TYPE_AGREEMENT_LIST);
  g_type_ensure (ACCORDS_TYPE_AGREEMENT_VIEW);
  g_type_ensure (ACCORDS_TYPE_IMPORT_BAR);
  g_type_ensure (ACCORDS_TYPE_NEWS_VIEW);
  g_type_ensure (ACCORDS_TYPE_MAP_VIEW);
  g_type_ensure (ACCORDS_TYPE_NOTES_PAGE);
  g_type_ensure (ACCORDS_TYPE_SEARCH_PANEL);
  g_type_ensure (ACCORDS_TYPE_FEEDS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, country_pane);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, map_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, agreement_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, agreement_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, import_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, news_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, feeds_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, notes_page);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, search_panel);

  _accords_window_class_init_actions (widget_class);
  _accords_window_class_init_import (widget_class);
}

static void
accords_window_init (AccordsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->agreement_list, "agreement-activated", G_CALLBACK (agreement_activated_cb), self);
  {
    GtkGesture *gesture = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (panel_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->panel_stack), GTK_EVENT_CONTROLLER (gesture));
  }
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (page_changed_cb), self);
  g_signal_connect_swapped (self->search_panel, "hit-activated", G_CALLBACK (search_hit_activated_cb), self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->country_pane));
  _accords_window_init_import (self);
}

AccordsWindow *
accords_window_new (GtkApplication *application,
                    AccordsContext *context,
                    GSettings      *settings)
{
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (context), NULL);

  return g_object_new (ACCORDS_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       "settings", settings,
                       NULL);
}

AccordsContext *
accords_window_get_context (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->context;
}

AccordsCountryPane *
accords_window_get_country_pane (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->country_pane;
}

AccordsMapView *
accords_window_get_map_view (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->map_view;
}

AccordsAgreementView *
accords_window_get_agreement_view (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->agreement_view;
}

GListModel *
accords_window_get_agreements (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return accords_agreement_list_get_model (self->agreement_list);
}

void
accords_window_select_country (AccordsWindow *self,
                               const char    *code)
{
  g_return_if_fail (ACCORDS_IS_WINDOW (self));
  accords_country_pane_set_selected_country (self->country_pane, code);
}

const char *
accords_window_get_selected_country (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return accords_country_pane_get_selected_country (self->country_pane);
}

void
accords_window_select_agreement (AccordsWindow *self,
                                 const char    *slug)
{
  g_return_if_fail (ACCORDS_IS_WINDOW (self));

  if (accords_str_empty (slug))
    slug = NULL;
  if (slug != NULL && find_agreement (self, slug) == NULL)
    return;   /* not among the listed agreements: keep the list */
  if (!accords_set_str (&self->selected_agreement, slug))
    return;
  show_selected_agreement (self);
  if (slug != NULL)
    adw_flap_set_reveal_flap (self->flap, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_AGREEMENT]);
}

const char *
accords_window_get_selected_agreement (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->selected_agreement;
}

AccordsNotesPage *
accords_window_get_notes_page (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->notes_page;
}

AccordsHistory *
accords_window_get_history (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->history;
}

AccordsCountryList *
accords_window_get_countries (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->countries;
}

AccordsSearchPanel *
accords_window_get_search_panel (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->search_panel;
}

AccordsNewsView *
accords_window_get_news_view (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->news_view;
}

AccordsFeedsView *
accords_window_get_feeds_view (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);
  return self->feeds_view;
}
