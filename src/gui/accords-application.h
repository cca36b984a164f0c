/* accords-application.h: the application: options, app-wide actions, the window */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_APPLICATION (accords_application_get_type ())

G_DECLARE_FINAL_TYPE (AccordsApplication, accords_application, ACCORDS, APPLICATION, AdwApplication)

AccordsApplication *accords_application_new (void);

G_END_DECLS
