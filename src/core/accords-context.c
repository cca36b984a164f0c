/* accords-context.c: what the app, the CLI and the widgets share: the store, the country names, the history */
#define G_LOG_DOMAIN "accords-context"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "accords-context.h"
#include "accords-dataset.h"
#include "accords-resources.h"
#include "accords-store-agreements.h"

struct _AccordsContext
{
  GObject          parent_instance;

  AccordsStore    *store;
  AccordsIsoCodes *iso_codes;
  AccordsRelinker *relinker;
  AccordsHistory  *history;
};

G_DEFINE_FINAL_TYPE (AccordsContext, accords_context, G_TYPE_OBJECT)

static void
accords_context_dispose (GObject *object)
{
  AccordsContext *self = (AccordsContext *) object;

  if (self->relinker != NULL)
    accords_relinker_stop (self->relinker);
  g_clear_object (&self->relinker);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->iso_codes);

  G_OBJECT_CLASS (accords_context_parent_class)->dispose (object);
}

static void
accords_context_class_init (AccordsContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = accords_context_dispose;
}

static void
accords_context_init (AccordsContext *self)
{
}

char *
accords_context_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "accords", "accords.db", NULL);
}

AccordsContext *
accords_context_new (const char  *db_path,
                     GError     **error)
{
  return accords_context_new_full (db_path, ACCORDS_CONTEXT_CHECK, error);
}

AccordsContext *
accords_context_new_full (const char          *db_path,
                          AccordsContextFlags  flags,
                          GError             **error)
{
  gboolean seed = (flags & ACCORDS_CONTEXT_NO_SEED) == 0;
  g_autoptr(AccordsContext) self = g_object_new (ACCORDS_TYPE_CONTEXT, NULL);
  g_autofree char *default_path = NULL;
  g_autofree char *dir = NULL;

  accords_resources_ensure_registered ();

  if (db_path == NULL)
    db_path = default_path = accords_context_default_db_path ();

  /* Only the default location is made on demand: a folder that is not
   * there in a path the user typed is more likely a typo than a wish */
  dir = g_path_get_dirname (db_path);
  if (default_path != NULL && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  if (*db_path != '\0' && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot open the database %s: the folder %s does not exist"), db_path, dir);
      return NULL;
    }

  self->iso_codes = accords_iso_codes_new (NULL, error);
  if (self->iso_codes == NULL)
    return NULL;

  self->store = accords_store_open (db_path, error);
  if (self->store == NULL)
    return NULL;
  if ((flags & ACCORDS_CONTEXT_CHECK) && !accords_store_check (self->store, error))
    return NULL;

  /* A read-only database is read as it is */
  if (accords_store_is_read_only (self->store))
    return g_steal_pointer (&self);

  if (!accords_store_sync_countries (self->store, self->iso_codes, error))
    return NULL;
  if (!seed && accords_store_count_agreements (self->store) == 0)
    {
      g_autofree char *seeded = accords_store_get_meta (self->store, "seeded");

      if (seeded == NULL && !accords_store_set_meta (self->store, "seeded", "declined", error))
        return NULL;
    }
  if (!accords_dataset_seed (self->store, error))
    return NULL;

  return g_steal_pointer (&self);
}

AccordsStore *
accords_context_get_store (AccordsContext *self)
{
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (self), NULL);
  return self->store;
}

AccordsIsoCodes *
accords_context_get_iso_codes (AccordsContext *self)
{
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (self), NULL);
  return self->iso_codes;
}

const char *
accords_context_get_country_name (AccordsContext *self,
                                  const char     *code)
{
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (self), code);
  return accords_iso_codes_get_display_name (self->iso_codes, code);
}

AccordsRelinker *
accords_context_get_relinker (AccordsContext *self)
{
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (self), NULL);

  if (self->relinker == NULL)
    self->relinker = accords_relinker_new (self->store, self->iso_codes);
  return self->relinker;
}

AccordsHistory *
accords_context_get_history (AccordsContext *self)
{
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (self), NULL);

  if (self->history == NULL)
    self->history = accords_history_new (self->store);
  return self->history;
}
