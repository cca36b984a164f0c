/* accords-importer.c: news files into the store, one transaction per file */
#define G_LOG_DOMAIN "accords-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-channel.h"
#include "accords-error.h"
#include "accords-feed-mapping.h"
#include "accords-feed-parser.h"
#include "accords-files.h"
#include "accords-import-linker.h"
#include "accords-importer.h"
#include "accords-opml.h"
#include "accords-store-agreements.h"
#include "accords-store-feeds.h"
#include "accords-store-items.h"
#include "accords-store-links.h"
#include "accords-util.h"

void
accords_import_result_free (AccordsImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->feed_title);
  g_clear_error (&result->error);
  g_free (result);
}

typedef struct {
  AccordsStore              *store;
  AccordsLinker             *linker;     /* NULL: items are stored unlinked */
  AccordsLinks              *links;      /* the importing thread's */
  gint64                     feed_id;
  AccordsImportResult       *result;
  GSeekable                 *seekable;
  goffset                    size;
  AccordsImportProgressFunc  progress;
  gpointer                   progress_data;
  const char                *path;
  const AccordsFeedMapping  *mapping;    /* NULL: the file says what it is */
  const char                *base_uri;   /* what relative links resolve against, NULL: only xml:base */
  gboolean                   db_failed;
} ImportJob;

/* An item on its way from the parser's thread, with what that thread
 * could work out for it */
typedef struct {
  AccordsFeedEntry *entry;
  char             *key;
  gint64            hash;
  gint64            id;          /* the stored item it changes, 0: a new one */
  AccordsItemLinks *links;       /* what it is about, NULL: nothing */
  gboolean          linked;
} PipeItem;

static void
pipe_item_free (PipeItem *item)
{
  accords_feed_entry_free (item->entry);
  g_free (item->key);
  accords_item_links_free (item->links);
  g_free (item);
}

/* What identifies an item within its feed: its guid, else its link, else
 * a hash of its title and date.  NULL for an item with nothing to know it by. */
static char *
item_key_full (const AccordsFeedEntry *e,
               gboolean                have_text)
{
  const char *date = e->published ? e->published : e->updated;

  if (*e->id != '\0')
    return g_strconcat ("id:", e->id, NULL);
  if (*e->link != '\0')
    return g_strconcat ("link:", e->link, NULL);
  if (*e->title != '\0' || date != NULL)
    {
      const char *fields[] = { e->title, date };
      return g_strdup_printf ("hash:%016" G_GINT64_MODIFIER "x", accords_feed_hash_fields (fields, G_N_ELEMENTS (fields)));
    }
  if (!have_text)
    return NULL;
  if (*e->summary_text != '\0' || *e->content_text != '\0')
    {
      const char *fields[] = { e->summary_text, e->content_text };
      return g_strdup_printf ("text:%016" G_GINT64_MODIFIER "x", accords_feed_hash_fields (fields, G_N_ELEMENTS (fields)));
    }
  return NULL;
}

static char *
item_key (const AccordsFeedEntry *e)
{
  return item_key_full (e, TRUE);
}

static void
report_progress (ImportJob *job)
{
  goffset position;

  if (job->progress == NULL || job->seekable == NULL || job->size <= 0)
    return;
  position = g_seekable_tell (job->seekable);
  job->progress (CLAMP ((double) position / (double) job->size, 0.0, 1.0), job->path, job->progress_data);
}

/* Stores one item; runs on the importing thread */
static gboolean
store_entry (ImportJob         *job,
             PipeItem          *item,
             GError           **error)
{
  AccordsFeedEntry *entry = item->entry;
  const char *key = item->key;
  gint64 item_id, hash = item->hash;

  /* The parser's thread knew the feed's stored items: no lookup here */
  item_id = item->id;
  if (item_id == 0)
    {
      if (!accords_store_insert_item (job->store, job->feed_id, key, hash, entry, &item_id, error))
        goto db_failed;
      job->result->n_new++;
    }
  else
    {
      if (!accords_store_update_item (job->store, item_id, hash, entry, error))
        goto db_failed;
      job->result->n_updated++;
    }

  /* Linked by whichever thread had time (link_batch); an updated item's
   * old links go, except those the researcher judged */
  if (job->linker != NULL &&
      !accords_store_write_item_links (job->store, item_id, item->links, item->id == 0, error))
    goto db_failed;
  return TRUE;

db_failed:
  job->db_failed = TRUE;
  return FALSE;
}

/* The parser runs in a thread of its own and hands items over in batches,
 * so that reading the file and writing the database overlap. */
#define BATCH_SIZE 64
#define MAX_BATCHES 16

typedef struct {
  GMutex            lock;
  GCond             cond;
  GQueue            batches;     /* GPtrArray of PipeItem */
  GQueue            stored_batches; /* done with, for the parser's thread to free */
  GPtrArray        *filling;     /* the parser thread's */
  gboolean          done;
  gint              stop;        /* atomic: the importer gave up */
  GInputStream     *stream;
  const char       *base_uri;
  GCancellable     *cancellable;
  const AccordsFeedMapping *mapping;
  GHashTable       *stored;      /* key -> fingerprint of the feed's items */
  GHashTable       *seen;        /* keys read so far in this file */
  AccordsLinker    *linker;      /* immutable: both threads link with it */
  AccordsLinks     *links;       /* the parser thread's */
  guint             n_unchanged; /* items stored already as they are */
  guint             n_held_back;
  char             *next_key;    /* the key of the item being read */
  AccordsFeedInfo  *info;
  GError           *error;
} Pipe;

/* Links the batch's items not linked yet */
static void
link_batch (AccordsLinker *linker,
            AccordsLinks  *scratch,
            GPtrArray     *batch)
{
  for (guint i = 0; i < batch->len; i++)
    {
      PipeItem *item = batch->pdata[i];

      if (item->linked)
        continue;
      item->links = accords_item_links_compute (linker, scratch, item->entry->title,
                                                item->entry->summary_text, item->entry->content_text,
                                                item->entry->published ? item->entry->published
                                                                       : item->entry->updated);
      item->linked = TRUE;
    }
}

static void
pipe_push (Pipe      *pipe,
           GPtrArray *batch)
{
  GQueue stored = G_QUEUE_INIT;
  GPtrArray *done;
  gboolean store_busy;

  /* Linking goes to whichever thread has time: here when the importing
   * thread has batches waiting, there when it waits for this one */
  if (pipe->linker != NULL)
    {
      g_mutex_lock (&pipe->lock);
      store_busy = !g_queue_is_empty (&pipe->batches);
      g_mutex_unlock (&pipe->lock);
      if (store_busy)
        link_batch (pipe->linker, pipe->links, batch);
    }

  g_mutex_lock (&pipe->lock);
  while (g_queue_get_length (&pipe->batches) >= MAX_BATCHES && !g_atomic_int_get (&pipe->stop))
    g_cond_wait (&pipe->cond, &pipe->lock);
  g_queue_push_tail (&pipe->batches, batch);
  g_cond_broadcast (&pipe->cond);
  stored = pipe->stored_batches;
  g_queue_init (&pipe->stored_batches);
  g_mutex_unlock (&pipe->lock);

  /* Freed on the thread that made them, off the importing thread's path */
  while ((done = g_queue_pop_head (&stored)) != NULL)
    g_ptr_array_unref (done);
}

static gboolean
pipe_entry_cb (AccordsFeedEntry  *entry,
               gpointer           user_data,
               GError           **error)
{
  Pipe *pipe = user_data;

  if (g_atomic_int_get (&pipe->stop))
    {
      accords_feed_entry_free (entry);
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_CANCELLED, _("The import stopped"));
      return FALSE;
    }
  if (pipe->filling == NULL)
    pipe->filling = g_ptr_array_new_full (BATCH_SIZE, (GDestroyNotify) pipe_item_free);
  {
    g_autofree char *key = pipe->next_key ? g_steal_pointer (&pipe->next_key) : item_key (entry);
    gboolean first = key != NULL && g_hash_table_add (pipe->seen, g_strdup (key));
    PipeItem *item;

    /* Nothing to know it by, the same item again in this file (the first
     * one counts), or stored already as it is: none of these goes further,
     * though a batch still does now and then to tell how far the file is. */
    if (!first || entry->markup_skipped)
      {
        if (first)
          pipe->n_unchanged++;
        accords_feed_entry_free (entry);
        if (++pipe->n_held_back % (BATCH_SIZE * 16) == 0)
          pipe_push (pipe, g_steal_pointer (&pipe->filling));
        return TRUE;
      }
    item = g_new (PipeItem, 1);
    item->entry = entry;
    item->hash = (gint64) entry->fingerprint;
    item->id = 0;
    if (pipe->stored != NULL)
      {
        AccordsStoredItem *stored = g_hash_table_lookup (pipe->stored, key);
        if (stored != NULL)
          item->id = stored->id;
      }
    item->key = g_steal_pointer (&key);
    item->links = NULL;
    item->linked = FALSE;
    g_ptr_array_add (pipe->filling, item);
  }
  if (pipe->filling->len == BATCH_SIZE)
    pipe_push (pipe, g_steal_pointer (&pipe->filling));
  return TRUE;
}

/* In the parser's thread: an item stored with the same fingerprint is not
 * sanitized again, so that importing a file again costs little */
static gboolean
pipe_markup_cb (const AccordsFeedEntry *entry,
                gpointer                user_data)
{
  Pipe *pipe = user_data;
  AccordsStoredItem *stored;

  /* Only keys that do not need the markup's text can be known here */
  g_free (pipe->next_key);
  pipe->next_key = item_key_full (entry, FALSE);
  if (pipe->next_key == NULL)
    return TRUE;
  if (g_hash_table_contains (pipe->seen, pipe->next_key))
    return FALSE;   /* a repeat, which will not be stored */
  if (pipe->stored == NULL)
    return TRUE;
  stored = g_hash_table_lookup (pipe->stored, pipe->next_key);
  return stored == NULL || stored->fingerprint != (gint64) entry->fingerprint;
}

static gpointer
parser_thread (gpointer user_data)
{
  Pipe *pipe = user_data;
  GError *error = NULL;
  AccordsFeedInfo *info;

  info = accords_feed_parse_mapped (pipe->stream, pipe->base_uri, pipe->mapping, pipe_entry_cb, pipe_markup_cb,
                                    pipe, pipe->cancellable, &error);
  g_clear_pointer (&pipe->next_key, g_free);
  if (pipe->filling != NULL)
    pipe_push (pipe, g_steal_pointer (&pipe->filling));

  g_mutex_lock (&pipe->lock);
  pipe->info = info;
  pipe->error = error;
  pipe->done = TRUE;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
  return NULL;
}

/* Parses stream in a thread and stores its items here; the feed record,
 * or NULL with the parser's error (or the database's, db_failed set). */
static AccordsFeedInfo *
parse_and_store (ImportJob     *job,
                 GInputStream  *stream,
                 GCancellable  *cancellable,
                 GError       **error)
{
  Pipe pipe = { 0 };
  GThread *thread;
  GPtrArray *finished = NULL;
  GError *store_error = NULL;
  AccordsFeedInfo *info;

  g_mutex_init (&pipe.lock);
  g_cond_init (&pipe.cond);
  g_queue_init (&pipe.batches);
  g_queue_init (&pipe.stored_batches);
  pipe.stream = stream;
  pipe.base_uri = job->base_uri;
  pipe.cancellable = cancellable;
  pipe.mapping = job->mapping;
  pipe.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pipe.linker = job->linker;
  pipe.links = job->linker ? accords_links_new () : NULL;
  job->links = job->linker ? accords_links_new () : NULL;
  pipe.stored = accords_store_get_item_fingerprints (job->store, job->feed_id, &store_error);
  if (store_error != NULL)
    {
      job->db_failed = TRUE;
      g_propagate_error (error, store_error);
      g_clear_pointer (&pipe.links, accords_links_free);
      g_clear_pointer (&job->links, accords_links_free);
      g_hash_table_unref (pipe.seen);
      return NULL;
    }

  thread = g_thread_new ("accords-parse", parser_thread, &pipe);

  for (;;)
    {
      GPtrArray *batch;

      g_mutex_lock (&pipe.lock);
      if (finished != NULL)
        g_queue_push_tail (&pipe.stored_batches, g_steal_pointer (&finished));
      while (g_queue_is_empty (&pipe.batches) && !pipe.done)
        g_cond_wait (&pipe.cond, &pipe.lock);
      batch = g_queue_pop_head (&pipe.batches);
      g_cond_broadcast (&pipe.cond);
      g_mutex_unlock (&pipe.lock);

      if (batch == NULL)
        break;
      finished = batch;
      if (store_error != NULL)
        continue;  /* drained until the parser sees it must stop */
      report_progress (job);
      if (job->linker != NULL)
        link_batch (job->linker, job->links, batch);
      for (guint i = 0; i < batch->len; i++)
        {
          if (!store_entry (job, batch->pdata[i], &store_error))
            {
              g_atomic_int_set (&pipe.stop, TRUE);
              g_mutex_lock (&pipe.lock);
              g_cond_broadcast (&pipe.cond);
              g_mutex_unlock (&pipe.lock);
              break;
            }
        }
    }

  g_thread_join (thread);
  g_clear_pointer (&finished, g_ptr_array_unref);
  g_queue_clear_full (&pipe.stored_batches, (GDestroyNotify) g_ptr_array_unref);
  g_clear_pointer (&pipe.stored, g_hash_table_unref);
  g_clear_pointer (&pipe.seen, g_hash_table_unref);
  g_clear_pointer (&pipe.links, accords_links_free);
  g_clear_pointer (&job->links, accords_links_free);
  job->result->n_unchanged += pipe.n_unchanged;
  g_mutex_clear (&pipe.lock);
  g_cond_clear (&pipe.cond);

  info = pipe.info;
  if (store_error != NULL)
    {
      g_clear_pointer (&info, accords_feed_info_free);
      g_clear_error (&pipe.error);
      g_propagate_error (error, store_error);
      return NULL;
    }
  if (info == NULL)
    g_propagate_error (error, pipe.error);
  return info;
}

/* A file that could not be read is the result's error, and the import goes
 * on with the next file (TRUE); when the reading was cancelled it stops the
 * import too (FALSE). Takes file_error. */
static gboolean
file_failed (AccordsImportResult  *result,
             GError               *file_error,
             GError              **error)
{
  result->error = file_error;
  if (!g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  g_propagate_error (error, g_error_copy (file_error));
  return FALSE;
}

static char *
describe_file (GFile *file)
{
  return g_file_get_parse_name (file);
}

static GInputStream *
open_file (GFile         *file,
           goffset       *size,
           GCancellable  *cancellable,
           GError       **error)
{
  return accords_read_input_file (file, size, cancellable, error);
}

static gboolean import_feed_stream (AccordsStore *, AccordsLinker *, GFile *, GInputStream *, goffset,
                                    const AccordsFeedMapping *, AccordsImportResult *, AccordsImportProgressFunc,
                                    gpointer, GCancellable *, GError **);
static gboolean import_opml_stream (AccordsStore *, AccordsLinker *, GFile *, GInputStream *, AccordsImportResult *,
                                    GCancellable *, GError **);

gboolean
accords_importer_import_file (AccordsStore              *store,
                              GFile                     *file,
                              AccordsImportResult       *result,
                              AccordsImportProgressFunc  progress,
                              gpointer                   progress_data,
                              GCancellable              *cancellable,
                              GError                   **error)
{
  g_autoptr(AccordsIsoCodes) iso_codes = NULL;
  g_autoptr(AccordsLinker) linker = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);

  iso_codes = accords_iso_codes_new (NULL, error);
  if (iso_codes == NULL)
    return FALSE;
  linker = accords_import_new_linker (store, iso_codes, error);
  if (linker == NULL)
    return FALSE;
  return accords_importer_import_file_full (store, linker, file, result, progress, progress_data,
                                            cancellable, error);
}

gboolean
accords_importer_import_file_full (AccordsStore              *store,
                                   AccordsLinker             *linker,
                                   GFile                     *file,
                                   AccordsImportResult       *result,
                                   AccordsImportProgressFunc  progress,
                                   gpointer                   progress_data,
                                   GCancellable              *cancellable,
                                   GError                   **error)
{
  return accords_importer_import_file_mapped (store, linker, file, NULL, result, progress, progress_data,
                                              cancellable, error);
}

gboolean
accords_importer_import_file_mapped (AccordsStore              *store,
                                     AccordsLinker             *linker,
                                     GFile                     *file,
                                     const AccordsFeedMapping  *mapping,
                                     AccordsImportResult       *result,
                                     AccordsImportProgressFunc  progress,
                                     gpointer                   progress_data,
                                     GCancellable              *cancellable,
                                     GError                   **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AccordsFeedMapping) remembered = NULL;
  g_autofree char *root = NULL;
  g_autofree char *root_ns = NULL;
  g_autofree char *mapping_key = NULL;
  goffset size = 0;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (linker == NULL || ACCORDS_IS_LINKER (linker), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (result->path == NULL)
    result->path = describe_file (file);

  stream = open_file (file, &size, cancellable, &local_error);
  if (stream == NULL)
    {
      result->error = g_steal_pointer (&local_error);
      return TRUE;
    }

  /* OPML or a feed: the root element tells, then the file is read again */
  if (!accords_feed_sniff_root_ns (stream, &root, &root_ns, cancellable, &local_error))
    {
      return file_failed (result, g_steal_pointer (&local_error), error);
    }
  /* XML of another kind is read with the mapping last used for its root */
  mapping_key = accords_feed_mapping_key (root, root_ns);
  if (mapping == NULL && !accords_feed_root_is_known (root, root_ns))
    {
      g_autofree char *text = accords_store_get_meta (store, mapping_key);
      if (text != NULL)
        mapping = remembered = accords_feed_mapping_parse (text, NULL);
    }
  g_clear_object (&stream);
  stream = open_file (file, &size, cancellable, &local_error);
  if (stream == NULL)
    {
      result->error = g_steal_pointer (&local_error);
      return TRUE;
    }

  if (mapping == NULL && strcmp (root, "opml") == 0)
    return import_opml_stream (store, linker, file, stream, result, cancellable, error);
  if (!import_feed_stream (store, linker, file, stream, size, mapping, result, progress, progress_data,
                           cancellable, error))
    return FALSE;
  /* Refused without a mapping given, or with the one remembered */
  result->needs_mapping = (mapping == NULL || mapping == remembered) && result->error != NULL &&
                          !accords_feed_root_is_known (root, root_ns);
  if (mapping != NULL && remembered == NULL && result->error == NULL)
    {
      g_autofree char *text = accords_feed_mapping_to_string (mapping);
      if (!accords_store_set_meta (store, mapping_key, text, error))
        return FALSE;
    }
  return TRUE;
}

/* The first items of a database are all linked by this linker; items
 * stored unlinked make the links out of date, for a relink to redo. */
static gboolean
record_linker (AccordsStore   *store,
               AccordsLinker  *linker,
               gint64          last_id_before,
               guint           n_stored,
               GError        **error)
{
  if (linker != NULL && last_id_before == 0 && n_stored > 0)
    return accords_store_set_links_made_by (store, linker, error);
  if (linker == NULL && n_stored > 0)
    return accords_store_set_links_made_by (store, NULL, error);
  /* The linker was made before the agreements changed and another process
   * relinked: these items' links are older than the rest */
  if (linker != NULL && n_stored > 0 && !accords_store_links_up_to_date (store, linker))
    return accords_store_set_links_out_of_date (store, error);
  return TRUE;
}

/* The feed a file's channel belongs to: the one stored with the same
 * identity (another snapshot of the channel, or its subscription), else the
 * one imported from this path, else a new one. */
static gboolean
resolve_file_feed (AccordsStore  *store,
                   const char    *path,
                   const char    *identity,
                   gint64        *feed_id,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  *feed_id = accords_store_find_feed_by_identity (store, identity, &local_error);
  if (local_error == NULL && *feed_id == 0)
    {
      g_autoptr(AccordsSubscription) at_path = NULL;

      if (!accords_store_ensure_feed (store, path, "file", "", feed_id, NULL, &local_error))
        goto failed;
      at_path = accords_store_load_subscription (store, *feed_id, &local_error);
      if (at_path == NULL)
        goto failed;
      /* A feed known before identities were kept learns its own */
      if (at_path->identity == NULL && identity != NULL &&
          !accords_store_set_feed_identity (store, *feed_id, identity, &local_error))
        goto failed;
    }
failed:
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Stores a stream's feed in one transaction, into feed_id, or (0) into the
 * feed resolve_file_feed() finds for path and identity */
static gboolean
import_feed_stream_full (AccordsStore              *store,
                         AccordsLinker             *linker,
                         const char                *path,
                         const char                *identity,
                         gint64                     feed_id,
                         const char                *base_uri,
                         const AccordsFeedMapping  *mapping,
                         GInputStream              *stream,
                         goffset                    size,
                         AccordsImportResult       *result,
                         AccordsImportProgressFunc  progress,
                         gpointer                   progress_data,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  g_autoptr(AccordsFeedInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  ImportJob job = { 0 };
  guint n_new = result->n_new, n_updated = result->n_updated, n_unchanged = result->n_unchanged;
  gint64 last_id, start, stored, indexed;

  job.store = store;
  job.linker = linker;
  job.result = result;
  job.seekable = G_IS_SEEKABLE (stream) ? G_SEEKABLE (stream) : NULL;
  job.size = size;
  job.progress = progress;
  job.progress_data = progress_data;
  job.path = result->path;
  job.mapping = mapping;
  job.base_uri = base_uri;
  job.feed_id = feed_id;

  if (!accords_store_begin (store, error))
    return FALSE;
  if ((last_id = accords_store_get_last_item_id (store, error)) < 0 ||
      (feed_id == 0 && !resolve_file_feed (store, path, identity, &job.feed_id, error)))
    {
      accords_store_rollback (store);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  info = parse_and_store (&job, stream, cancellable, &local_error);
  stored = g_get_monotonic_time ();

  if (info == NULL ||
      !accords_store_index_new_items (store, last_id, &local_error) ||
      !accords_store_update_feed (store, job.feed_id, info, &local_error) ||
      !record_linker (store, linker, last_id, result->n_new - n_new + result->n_updated - n_updated,
                      &local_error))
    {
      /* Nothing of the file lands */
      accords_store_rollback (store);
      result->n_new = n_new;
      result->n_updated = n_updated;
      result->n_unchanged = n_unchanged;
      if (job.db_failed || info != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return file_failed (result, g_steal_pointer (&local_error), error);
    }

  indexed = g_get_monotonic_time ();
  if (!accords_store_commit (store, error))
    {
      accords_store_rollback (store);
      return FALSE;
    }
  g_debug ("%s: read and stored in %.2f s, indexed in %.2f s, committed in %.2f s", result->path,
           (stored - start) / 1e6, (indexed - stored) / 1e6, (g_get_monotonic_time () - indexed) / 1e6);

  if (progress != NULL)
    progress (1.0, result->path, progress_data);
  result->feed_id = job.feed_id;
  g_free (result->feed_title);
  result->feed_title = g_strdup (info->title);
  result->bozo = result->bozo || info->bozo;
  return TRUE;
}

/* How much of a file is read for its channel's identity: the channel's
 * elements come before its items */
#define HEAD_BYTES (256 * 1024)

static char *
file_identity (GFile         *file,
               GCancellable  *cancellable)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(AccordsChannelHead) head = NULL;
  g_autofree char *buffer = NULL;
  gsize n = 0;

  stream = open_file (file, NULL, cancellable, NULL);
  if (stream == NULL)
    return NULL;
  buffer = g_malloc (HEAD_BYTES);
  if (!g_input_stream_read_all (stream, buffer, HEAD_BYTES, &n, cancellable, NULL))
    return NULL;
  head = accords_channel_read_head (buffer, n, NULL);
  return head ? accords_channel_identity (head) : NULL;
}

static gboolean
import_feed_stream (AccordsStore              *store,
                    AccordsLinker             *linker,
                    GFile                     *file,
                    GInputStream              *stream,
                    goffset                    size,
                    const AccordsFeedMapping  *mapping,
                    AccordsImportResult       *result,
                    AccordsImportProgressFunc  progress,
                    gpointer                   progress_data,
                    GCancellable              *cancellable,
                    GError                   **error)
{
  g_autofree char *url = g_file_get_path (file);
  g_autofree char *identity = file_identity (file, cancellable);

  if (url == NULL)
    url = g_file_get_uri (file);
  return import_feed_stream_full (store, linker, url, identity, 0, NULL, mapping, stream, size, result,
                                  progress, progress_data, cancellable, error);
}

gboolean
accords_importer_import_bytes (AccordsStore         *store,
                               AccordsLinker        *linker,
                               GBytes               *bytes,
                               const char           *base_uri,
                               gint64                feed_id,
                               AccordsImportResult  *result,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (linker == NULL || ACCORDS_IS_LINKER (linker), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (feed_id > 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (result->path == NULL)
    result->path = g_strdup (base_uri);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  return import_feed_stream_full (store, linker, NULL, NULL, feed_id, base_uri, NULL, stream,
                                  (goffset) g_bytes_get_size (bytes), result, NULL, NULL, cancellable, error);
}

static GFile *
outline_file (GFile      *opml,
              const char *url)
{
  g_autofree char *scheme = g_uri_parse_scheme (url);
  g_autoptr(GFile) dir = NULL;

  if (scheme != NULL)
    return g_ascii_strcasecmp (scheme, "file") == 0 ? g_file_new_for_uri (url) : NULL;
  if (g_path_is_absolute (url))
    return g_file_new_for_path (url);
  dir = g_file_get_parent (opml);
  return dir ? g_file_resolve_relative_path (dir, url) : NULL;
}

static gboolean
import_opml_stream (AccordsStore         *store,
                    AccordsLinker        *linker,
                    GFile                *file,
                    GInputStream         *stream,
                    AccordsImportResult  *result,
                    GCancellable         *cancellable,
                    GError              **error)
{
  g_autoptr(GPtrArray) outlines = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;

  outlines = accords_opml_parse (stream, &title, cancellable, &local_error);
  if (outlines == NULL)
    {
      return file_failed (result, g_steal_pointer (&local_error), error);
    }

  /* A named file that is not a regular file (a FIFO, a device) is refused
   * here, before the transaction: nothing inside it may wait on input. */
  for (guint i = 0; i < outlines->len; i++)
    {
      AccordsOpmlOutline *o = outlines->pdata[i];
      g_autoptr(GFile) feed_file = outline_file (file, o->url);
      g_autofree char *path = feed_file ? g_file_get_path (feed_file) : NULL;

      if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS) && !accords_check_input_file (path, &local_error))
        {
          g_autofree char *display = describe_file (feed_file);

          g_set_error (&result->error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("the feed %s it names cannot be imported: %s"), display, local_error->message);
          return TRUE;
        }
    }

  if (!accords_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < outlines->len; i++)
    {
      AccordsOpmlOutline *o = outlines->pdata[i];
      g_autofree char *scheme = g_uri_parse_scheme (o->url);
      g_autoptr(GFile) feed_file = NULL;
      g_autoptr(AccordsImportResult) sub = NULL;
      g_autoptr(GInputStream) sub_stream = NULL;
      g_autofree char *root = NULL;
      goffset size = 0;

      if (scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0))
        {
          gint64 feed_id;

          /* A live subscription, fetched by the next refresh, not now */
          if (!accords_store_subscribe_url (store, o->url, o->title, &feed_id, NULL, error))
            {
              accords_store_rollback (store);
              return FALSE;
            }
          result->n_feeds++;
          continue;
        }

      feed_file = outline_file (file, o->url);
      if (feed_file == NULL)
        continue;  /* another scheme: nothing this importer can read */

      result->n_feeds++;
      sub = g_new0 (AccordsImportResult, 1);
      sub->path = describe_file (feed_file);
      sub_stream = open_file (feed_file, &size, cancellable, &sub->error);
      if (sub_stream != NULL)
        {
          root = accords_feed_sniff_root (sub_stream, cancellable, &sub->error);
          g_clear_object (&sub_stream);
        }
      if (root != NULL && strcmp (root, "opml") == 0)
        g_set_error (&sub->error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                     _("it is another OPML list, which is not followed"));
      else if (root != NULL)
        {
          sub_stream = open_file (feed_file, &size, cancellable, &sub->error);
          if (sub_stream != NULL &&
              !import_feed_stream (store, linker, feed_file, sub_stream, size, NULL, sub, NULL, NULL, cancellable, error))
            {
              accords_store_rollback (store);
              if (sub->error != NULL)
                result->error = g_error_copy (sub->error);
              return FALSE;
            }
        }

      if (sub->error != NULL)
        {
          /* The list lands whole or not at all */
          accords_store_rollback (store);
          result->n_new = result->n_updated = result->n_unchanged = result->n_feeds = 0;
          result->bozo = FALSE;
          g_set_error (&result->error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("the feed %s it names cannot be imported: %s"), sub->path, sub->error->message);
          return TRUE;
        }
      result->n_new += sub->n_new;
      result->n_updated += sub->n_updated;
      result->n_unchanged += sub->n_unchanged;
      result->bozo = result->bozo || sub->bozo;
    }

  if (!accords_store_commit (store, error))
    {
      accords_store_rollback (store);
      return FALSE;
    }
  g_free (result->feed_title);
  result->feed_title = g_steal_pointer (&title);
  return TRUE;
}

/* ------------------------------------------------------------------ async */

typedef struct {
  GFile                    **files;
  guint                      n_files;
  char                      *db_path;
  AccordsIsoCodes           *iso_codes;
  AccordsImportProgressFunc  progress;
  gpointer                   progress_data;
  GDestroyNotify             progress_destroy;
  GMainContext              *context;
  GTask                     *outer;        /* weak: the caller's task, until it ends */
  AccordsFeedMapping        *mapping;
  double                     last_fraction;
  char                      *last_path;
} ImportData;

static void
import_data_clear (ImportData *data)
{
  for (guint i = 0; i < data->n_files; i++)
    g_object_unref (data->files[i]);
  g_free (data->files);
  g_free (data->db_path);
  g_clear_object (&data->iso_codes);
  g_clear_pointer (&data->mapping, accords_feed_mapping_free);
  g_main_context_unref (data->context);
  g_free (data->last_path);
}

static void
release_import_data (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) import_data_clear);
}

typedef struct {
  ImportData *data;     /* a reference */
  double      fraction;
  char       *path;
} ProgressMessage;

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressMessage *m = user_data;

  if (m->data->progress != NULL && m->data->outer != NULL)
    m->data->progress (m->fraction, m->path, m->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_message_free (gpointer user_data)
{
  ProgressMessage *m = user_data;

  g_atomic_rc_box_release_full (m->data, (GDestroyNotify) import_data_clear);
  g_free (m->path);
  g_free (m);
}

typedef struct {
  ImportData *data;
  guint       index;
} WorkerProgress;

/* In the worker: per-file progress becomes overall progress, sent to the
 * caller's context at most once per percent. */
static void
worker_progress_cb (double      fraction,
                    const char *path,
                    gpointer    user_data)
{
  WorkerProgress *wp = user_data;
  ImportData *data = wp->data;
  double overall = (wp->index + fraction) / data->n_files;
  ProgressMessage *m;

  if (data->progress == NULL)
    return;
  if (overall - data->last_fraction < 0.01 && g_strcmp0 (path, data->last_path) == 0 && fraction < 1.0)
    return;
  data->last_fraction = overall;
  g_free (data->last_path);
  data->last_path = g_strdup (path);

  m = g_new0 (ProgressMessage, 1);
  m->data = g_atomic_rc_box_acquire (data);
  m->fraction = overall;
  m->path = g_strdup (path);
  accords_run_in_context (data->context, G_PRIORITY_DEFAULT, deliver_progress_cb, m, progress_message_free,
                          "[accords] import progress");
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsLinker) linker = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_import_result_free);
  GError *error = NULL;

  store = accords_store_open_worker (data->db_path, &error);
  if (store != NULL)
    linker = accords_import_new_linker (store, data->iso_codes, &error);
  if (linker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < data->n_files; i++)
    {
      AccordsImportResult *result = g_new0 (AccordsImportResult, 1);
      WorkerProgress wp = { data, i };

      g_ptr_array_add (results, result);
      result->path = describe_file (data->files[i]);
      worker_progress_cb (0.0, result->path, &wp);
      if (!accords_importer_import_file_mapped (store, linker, data->files[i], data->mapping, result,
                                                worker_progress_cb, &wp, cancellable, &error))
        {
          /* Cancelled, or the database failed: the files before landed */
          g_object_set_data_full (G_OBJECT (task), "results", g_steal_pointer (&results),
                                  (GDestroyNotify) g_ptr_array_unref);
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
any_landed (GPtrArray *results)
{
  if (results == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      AccordsImportResult *r = results->pdata[i];
      if (r->error == NULL && (r->n_new > 0 || r->n_updated > 0 || r->n_feeds > 0 || r->feed_id != 0))
        return TRUE;
    }
  return FALSE;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  AccordsContext *context = g_task_get_source_object (outer);
  ImportData *data = g_task_get_task_data (G_TASK (res));
  GPtrArray *partial = g_object_get_data (G_OBJECT (res), "results");
  g_autoptr(GPtrArray) results = NULL;
  GError *error = NULL;

  /* No progress after the end; the caller's data goes now, on its thread */
  data->outer = NULL;
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  data->progress = NULL;
  data->progress_destroy = NULL;
  results = g_task_propagate_pointer (G_TASK (res), &error);

  if (any_landed (results ? results : partial))
    accords_store_emit_changed (accords_context_get_store (context),
                                ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_FEEDS | ACCORDS_STORE_CHANGE_LINKS);
  if (results == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

void
accords_importer_import_async (AccordsContext            *context,
                               GFile                    **files,
                               guint                      n_files,
                               AccordsImportProgressFunc  progress,
                               gpointer                   progress_data,
                               GDestroyNotify             progress_destroy,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  accords_importer_import_mapped_async (context, files, n_files, NULL, progress, progress_data, progress_destroy,
                                        cancellable, callback, user_data);
}

void
accords_importer_import_mapped_async (AccordsContext            *context,
                                      GFile                    **files,
                                      guint                      n_files,
                                      const AccordsFeedMapping  *mapping,
                                      AccordsImportProgressFunc  progress,
                                      gpointer                   progress_data,
                                      GDestroyNotify             progress_destroy,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  ImportData *data;

  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (files != NULL || n_files == 0);

  outer = g_task_new (context, cancellable, callback, user_data);
  g_task_set_source_tag (outer, accords_importer_import_async);

  data = g_atomic_rc_box_new0 (ImportData);
  data->files = g_new0 (GFile *, MAX (n_files, 1));
  for (guint i = 0; i < n_files; i++)
    data->files[i] = g_object_ref (files[i]);
  data->n_files = n_files;
  data->db_path = g_strdup (accords_store_get_path (accords_context_get_store (context)));
  data->iso_codes = g_object_ref (accords_context_get_iso_codes (context));
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;
  data->context = g_main_context_ref_thread_default ();
  data->outer = outer;
  data->last_fraction = -1.0;
  data->mapping = mapping ? accords_feed_mapping_copy (mapping) : NULL;

  /* The worker's task: its end is seen here first, to tell the store's
   * listeners before the caller hears of it. */
  inner = g_task_new (NULL, cancellable, import_done_cb, g_object_ref (outer));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, data, release_import_data);
  g_task_run_in_thread (inner, import_thread);
}

GPtrArray *
accords_importer_import_finish (AccordsContext  *context,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, context), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
