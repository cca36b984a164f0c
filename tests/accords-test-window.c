/* accords-test-window.c: the UI tests' shared fixture: a temporary database, its context, a window on it */
#include "config.h"

#include "accords-test-util.h"
#include "accords-test-window.h"

void
accords_test_iterate (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

void
accords_test_window_open_context (AccordsTestWindow *t,
                                  const char        *tmpl,
                                  const char        *db_name)
{
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  t->db_path = g_build_filename (t->dir, db_name, NULL);
  t->context = accords_context_new (t->db_path, &error);
  g_assert_no_error (error);
}

void
accords_test_window_show (AccordsTestWindow *t,
                          GSettings         *settings,
                          int                width,
                          int                height)
{
  g_assert_nonnull (t->context);
  g_assert_null (t->window);

  t->window = accords_window_new (NULL, t->context, settings);
  g_object_ref_sink (t->window);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (t->window), width, height);
  gtk_window_present (GTK_WINDOW (t->window));
  /* a window is on screen only a few frames later; what a test does next
   * (a popover, a scroll) may need it there */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!gtk_widget_get_mapped (GTK_WIDGET (t->window)) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
}

void
accords_test_window_open (AccordsTestWindow *t,
                          const char        *tmpl,
                          const char        *db_name)
{
  accords_test_window_open_context (t, tmpl, db_name);
  accords_test_window_show (t, NULL, 0, 0);
}

void
accords_test_window_close (AccordsTestWindow *t)
{
  if (t->window != NULL)
    {
      /* what the window queued while it was up (a tooltip's query of the
       * pointer, which GTK 4.8 runs on a surface already gone when the
       * window went first) runs while the window is there */
      accords_test_iterate ();
      gtk_window_destroy (GTK_WINDOW (t->window));
      accords_test_iterate ();
      accords_test_wait_for_last_ref (t->window);
      g_assert_finalize_object (g_steal_pointer (&t->window));
    }
  accords_test_wait_for_last_ref (t->context);
  g_assert_finalize_object (g_steal_pointer (&t->context));
  accords_test_remove_dir (t->dir);
  g_clear_pointer (&t->dir, g_free);
  g_clear_pointer (&t->db_path, g_free);
}
