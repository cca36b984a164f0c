/* accords-application.c: the application: options, app-wide actions, the window */
#define G_LOG_DOMAIN "accords-application"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-application.h"
#include "accords-backup-schedule.h"
#include "accords-backup.h"
#include "accords-context.h"
#include "accords-dataset-io.h"
#include "accords-date.h"
#include "accords-resources.h"
#include "accords-restore-window.h"
#include "accords-widget-util.h"
#include "accords-window.h"

struct _AccordsApplication
{
  AdwApplication  parent_instance;

  char                  *db_path;
  char                  *on_date;     /* --on: the date the map opens on */
  AccordsContext        *context;
  GSettings             *settings;
  AccordsBackupSchedule *backups;
};

G_DEFINE_FINAL_TYPE (AccordsApplication, accords_application, ADW_TYPE_APPLICATION)

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: window state will not be remembered", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
show_error_window (AccordsApplication *self,
                   const GError       *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Cannot Open the Database"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), error->message);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Accords");
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  gtk_window_present (GTK_WINDOW (window));
}

/* A database seeded with an older release of the built-in agreements takes
 * the newest once: what the user never touched is updated, and what they
 * edited is offered for review */
static void
update_dataset_release (AccordsApplication *self,
                        AccordsWindow      *window)
{
  AccordsStore *store = accords_context_get_store (self->context);
  g_autoptr(AccordsReleaseUpdate) update = NULL;
  g_autoptr(GError) error = NULL;

  if (accords_store_is_read_only (store))
    return;
  update = accords_dataset_release_plan (store, accords_context_get_iso_codes (self->context), &error);
  if (update == NULL)
    {
      if (error != NULL)
        g_warning ("%s", error->message);
      return;
    }
  if (!accords_dataset_release_apply (store, update, &error))
    {
      accords_widget_show_edit_toast (GTK_WIDGET (window), error->message, FALSE);
      return;
    }
  accords_dataset_io_show_release_update (GTK_WINDOW (window), self->context, update);
}

static void
open_main_window (AccordsApplication *self)
{
  GtkWindow *window;

  window = GTK_WINDOW (accords_window_new (GTK_APPLICATION (self), self->context, self->settings));
  gtk_window_present (window);
  update_dataset_release (self, ACCORDS_WINDOW (window));
  if (self->on_date != NULL)
    accords_map_view_set_date (accords_window_get_map_view (ACCORDS_WINDOW (window)), self->on_date);
  /* news stored before the gazetteer or the agreements changed is linked
   * again in the background, and whenever an agreement changes */
  accords_relinker_start (accords_context_get_relinker (self->context));

  if (self->backups == NULL)
    self->backups = accords_backup_schedule_new (accords_store_get_path (accords_context_get_store (self->context)));
  accords_backup_schedule_start (self->backups);
}

static void
restored_cb (AccordsRestoreWindow *restore_window,
             const char           *saved,
             AccordsApplication   *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->context == NULL);
  self->context = accords_context_new (self->db_path, &error);
  if (self->context == NULL)
    {
      g_printerr ("accords: %s\n", error->message);
      accords_restore_window_show_error (restore_window, _("Cannot Open the Restored Database"), error->message);
      return;
    }
  /* the new window first, so the application never runs out of windows */
  open_main_window (self);
  if (saved != NULL)
    {
      g_autofree char *name = g_path_get_basename (saved);
      g_autofree char *title = g_strdup_printf (_("Backup restored; what was there before is kept as %s"), name);
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (ACCORDS_IS_WINDOW (window))
        accords_widget_show_toast (GTK_WIDGET (window), adw_toast_new (title));
    }
  gtk_window_destroy (GTK_WINDOW (restore_window));
}

static gboolean
offer_backup (AccordsApplication *self,
              const GError       *error)
{
  g_autofree char *default_path = NULL;
  const char *path = self->db_path;
  g_autoptr(AccordsBackupInfo) backup = NULL;
  AccordsRestoreWindow *window;

  if (!accords_backup_error_is_damage (error))
    return FALSE;
  if (path == NULL)
    path = default_path = accords_context_default_db_path ();
  if ((backup = accords_backup_get_newest (path)) == NULL)
    return FALSE;

  window = accords_restore_window_new (GTK_APPLICATION (self), path, backup, error->message);
  g_signal_connect_object (window, "restored", G_CALLBACK (restored_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

static void
accords_application_activate (GApplication *app)
{
  AccordsApplication *self = ACCORDS_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->context == NULL)
    self->context = accords_context_new (self->db_path, &error);
  if (self->context == NULL)
    {
      g_printerr ("accords: %s\n", error->message);
      if (!offer_backup (self, error))
        show_error_window (self, error);
      return;
    }

  open_main_window (self);
}

static int
accords_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  AccordsApplication *self = ACCORDS_APPLICATION (app);
  const char *db = NULL;
  const char *on = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("accords %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "on", "&s", &on))
    {
      g_autoptr(GError) error = NULL;

      if (!accords_date_parse (on, NULL, NULL, NULL, NULL, &error))
        {
          g_printerr ("accords: --on: %s\n", error->message);
          return 2;
        }
      self->on_date = g_strdup (on);
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      /* an empty path stays empty, for the store to refuse by name */
      self->db_path = *db != '\0' ? g_canonicalize_filename (db, NULL) : g_strdup ("");
      /* another database is another session, not the running instance */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
accords_application_startup (GApplication *app)
{
  AccordsApplication *self = ACCORDS_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (accords_application_parent_class)->startup (app);

  self->settings = load_settings ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
accords_application_dispose (GObject *object)
{
  AccordsApplication *self = (AccordsApplication *) object;

  if (self->backups != NULL)
    accords_backup_schedule_stop (self->backups);
  g_clear_object (&self->backups);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accords_application_parent_class)->dispose (object);
}

static void
accords_application_finalize (GObject *object)
{
  AccordsApplication *self = (AccordsApplication *) object;

  g_free (self->db_path);
  g_free (self->on_date);

  G_OBJECT_CLASS (accords_application_parent_class)->finalize (object);
}

static void
accords_application_class_init (AccordsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = accords_application_dispose;
  object_class->finalize = accords_application_finalize;
  app_class->activate = accords_application_activate;
  app_class->startup = accords_application_startup;
  app_class->handle_local_options = accords_application_handle_local_options;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Accords developers", NULL };
  AccordsApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, "Accords");
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about, _("Track migration and deportation agreements between states"));
  /* TRANSLATORS: your names, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_legal_section (about, _("Country names and codes"),
                                      _("From the iso-codes package, Debian"),
                                      GTK_LICENSE_LGPL_2_1, NULL);
  adw_about_window_add_legal_section (about, _("Map"),
                                      _("Made with Natural Earth: country shapes at 1:50m, public domain; "
                                        "converted from world-atlas 2.0.2, © 2013-2019 Michael Bostock"),
                                      GTK_LICENSE_CUSTOM,
                                      "Permission to use, copy, modify, and/or distribute this software for any "
                                      "purpose with or without fee is hereby granted, provided that the above "
                                      "copyright notice and this permission notice appear in all copies. (ISC licence)");
  if (window)
    gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* closing the windows lets them save their state first */
  for (GList *l = windows; l; )
    {
      GtkWindow *w = l->data;
      l = l->next;
      gtk_window_close (w);
    }
  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
accords_application_init (AccordsApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database at PATH"), N_("PATH") },
    { "on", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the map on this date"), N_("YYYY[-MM[-DD]]") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  accords_resources_ensure_registered ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

AccordsApplication *
accords_application_new (void)
{
  return g_object_new (ACCORDS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
