/* accords-test-window.h: the UI tests' shared fixture: a temporary database, its context, a window on it */
#pragma once

#include <gtk/gtk.h>

#include "accords-context.h"
#include "accords-window.h"

G_BEGIN_DECLS

typedef struct {
  char           *dir;       /* a new temporary folder, removed on close */
  char           *db_path;   /* the database in it */
  AccordsContext *context;
  AccordsWindow  *window;
} AccordsTestWindow;

/* Makes the folder (from the template, like "accords-news-XXXXXX") and
 * opens a context on the database db_name in it */
void accords_test_window_open_context (AccordsTestWindow *t,
                                       const char        *tmpl,
                                       const char        *db_name);
/* Opens a window on the context (settings may be NULL; width and height 0:
 * the default size) and presents it */
void accords_test_window_show         (AccordsTestWindow *t,
                                       GSettings         *settings,
                                       int                width,
                                       int                height);
/* Both of the above */
void accords_test_window_open         (AccordsTestWindow *t,
                                       const char        *tmpl,
                                       const char        *db_name);
/* Destroys the window, checks that the window and then the context are
 * finalized once the workers let go of them, and removes the folder */
void accords_test_window_close        (AccordsTestWindow *t);
/* Runs what is pending in the main context, a bounded number of times */
void accords_test_iterate             (void);

G_END_DECLS
