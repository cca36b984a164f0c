/* accords-window-private.h: what the window's files share */
#pragma once

#include "accords-agreement-list.h"
#include "accords-feeds-view.h"
#include "accords-import-bar.h"
#include "accords-map-model.h"
#include "accords-search-panel.h"
#include "accords-window.h"

G_BEGIN_DECLS

struct _AccordsWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *search_entry;
  AccordsCountryPane   *country_pane;
  AdwViewStack         *view_stack;
  AdwFlap              *flap;
  AdwBin               *map_bin;
  AccordsMapView       *map_view;
  GtkStack             *panel_stack;
  AccordsAgreementList *agreement_list;
  AccordsAgreementView *agreement_view;
  AccordsImportBar     *import_bar;
  AccordsNewsView      *news_view;
  AccordsNotesPage     *notes_page;
  GtkMenuButton        *search_button;
  AccordsSearchPanel   *search_panel;
  AccordsFeedsView     *feeds_view;

  AccordsContext       *context;
  GSettings            *settings;
  AccordsCountryList   *countries;
  AccordsMapModel      *map_model;
  char                 *selected_agreement;
  char                 *pressed_agreement;  /* the row a click began on, for a double click */
  gint64                pressed_time;
  AccordsHistory       *history;
  guint                 follow_source;      /* the timer that looks for other processes' writes */
};

/* accords-window-actions.c: the win.* actions and their shortcuts */
void _accords_window_class_init_actions (GtkWidgetClass *widget_class);
void _accords_window_update_actions     (AccordsWindow  *self);

/* accords-window-import.c: feeds imported from a file chooser or a drop */
void _accords_window_class_init_import  (GtkWidgetClass *widget_class);
void _accords_window_init_import        (AccordsWindow  *self);

G_END_DECLS
