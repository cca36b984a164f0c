/* accords-command.c: one undoable change to the dataset: agreements created, replaced or deleted */
#define G_LOG_DOMAIN "accords-command"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-command.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-merge.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-store-curation.h"
#include "accords-store-links.h"

typedef struct {
  AccordsAgreement *before;
  AccordsAgreement *after;
  /* what the last deletion took, to put back exactly when it is undone */
  AccordsCascade   *cascade;
  /* during a run, until it commits: what this run deleted, or that it put
   * the cascade back */
  AccordsCascade   *pending;
  gboolean          restored;
  /* the source rows it touches as they were before it was applied: saving
   * only fills in source fields, so undoing puts them back */
  GPtrArray        *source_rows;
  GPtrArray        *pending_rows;
  /* during a run: what it wrote in place of the target side, that side's
   * changes made on the agreement as stored */
  AccordsAgreement *written;
} Change;

typedef struct {
  AccordsSource *before;
  AccordsSource *after;
} SourceEdit;

typedef struct {
  gint64  item_id;
  char   *slug;
  char   *before;
  char   *after;
} LinkState;

struct _AccordsCommand
{
  GObject    parent_instance;

  char      *label;
  GPtrArray *changes;
  GPtrArray *source_edits;
  GPtrArray *link_states;
  /* the change of the last run that failed with a conflict */
  AccordsAgreement *conflict_base;
  AccordsAgreement *conflict_ours;
  AccordsAgreement *conflict_theirs;
};

G_DEFINE_FINAL_TYPE (AccordsCommand, accords_command, G_TYPE_OBJECT)

static void
change_free (Change *change)
{
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_clear_pointer (&change->cascade, accords_cascade_free);
  g_clear_pointer (&change->pending, accords_cascade_free);
  g_clear_pointer (&change->source_rows, g_ptr_array_unref);
  g_clear_pointer (&change->pending_rows, g_ptr_array_unref);
  g_clear_object (&change->written);
  g_free (change);
}

static void
source_edit_free (SourceEdit *edit)
{
  g_clear_object (&edit->before);
  g_clear_object (&edit->after);
  g_free (edit);
}

static void
link_state_free (LinkState *ls)
{
  g_free (ls->slug);
  g_free (ls->before);
  g_free (ls->after);
  g_free (ls);
}

static void
accords_command_finalize (GObject *object)
{
  AccordsCommand *self = (AccordsCommand *) object;

  g_free (self->label);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->source_edits);
  g_ptr_array_unref (self->link_states);
  g_clear_object (&self->conflict_base);
  g_clear_object (&self->conflict_ours);
  g_clear_object (&self->conflict_theirs);

  G_OBJECT_CLASS (accords_command_parent_class)->finalize (object);
}

static void
accords_command_class_init (AccordsCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accords_command_finalize;
}

static void
accords_command_init (AccordsCommand *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->source_edits = g_ptr_array_new_with_free_func ((GDestroyNotify) source_edit_free);
  self->link_states = g_ptr_array_new_with_free_func ((GDestroyNotify) link_state_free);
}

AccordsCommand *
accords_command_new (const char *label)
{
  AccordsCommand *self = g_object_new (ACCORDS_TYPE_COMMAND, NULL);

  self->label = g_strdup (label);
  return self;
}

const char *
accords_command_get_label (AccordsCommand *self)
{
  g_return_val_if_fail (ACCORDS_IS_COMMAND (self), NULL);
  return self->label;
}

void
accords_command_add_change (AccordsCommand   *self,
                            AccordsAgreement *before,
                            AccordsAgreement *after)
{
  Change *change;

  g_return_if_fail (ACCORDS_IS_COMMAND (self));
  g_return_if_fail (before != NULL || after != NULL);

  change = g_new0 (Change, 1);
  change->before = before ? accords_agreement_copy (before) : NULL;
  change->after = after ? accords_agreement_copy (after) : NULL;
  g_ptr_array_add (self->changes, change);
}

guint
accords_command_get_n_changes (AccordsCommand *self)
{
  g_return_val_if_fail (ACCORDS_IS_COMMAND (self), 0);
  return self->changes->len;
}

void
accords_command_add_source_edit (AccordsCommand *self,
                                 gpointer        before,
                                 gpointer        after)
{
  SourceEdit *edit;

  g_return_if_fail (ACCORDS_IS_COMMAND (self));
  g_return_if_fail (ACCORDS_IS_SOURCE (after));

  edit = g_new0 (SourceEdit, 1);
  edit->before = before ? accords_part_copy (before) : NULL;
  edit->after = accords_part_copy (after);
  g_ptr_array_add (self->source_edits, edit);
}

void
accords_command_add_link_state (AccordsCommand *self,
                                gint64          item_id,
                                const char     *slug,
                                const char     *before,
                                const char     *after)
{
  LinkState *ls;

  g_return_if_fail (ACCORDS_IS_COMMAND (self));
  g_return_if_fail (slug != NULL && before != NULL && after != NULL);

  ls = g_new0 (LinkState, 1);
  ls->item_id = item_id;
  ls->slug = g_strdup (slug);
  ls->before = g_strdup (before);
  ls->after = g_strdup (after);
  g_ptr_array_add (self->link_states, ls);
}

guint
accords_command_get_n_link_states (AccordsCommand *self)
{
  g_return_val_if_fail (ACCORDS_IS_COMMAND (self), 0);
  return self->link_states->len;
}

AccordsStoreChange
accords_command_get_change_flags (AccordsCommand *self)
{
  AccordsStoreChange what = 0;

  g_return_val_if_fail (ACCORDS_IS_COMMAND (self), 0);

  if (self->changes->len > 0 || self->source_edits->len > 0)
    what |= ACCORDS_STORE_CHANGE_AGREEMENTS;
  if (self->link_states->len > 0)
    what |= ACCORDS_STORE_CHANGE_LINKS;
  return what;
}

const char *
accords_command_get_slug (AccordsCommand *self,
                          gboolean        reverted)
{
  Change *last;
  AccordsAgreement *a;

  g_return_val_if_fail (ACCORDS_IS_COMMAND (self), NULL);

  if (self->changes->len == 0)
    return NULL;
  last = g_ptr_array_index (self->changes, self->changes->len - 1);
  a = reverted ? last->before : last->after;
  return a ? accords_agreement_get_slug (a) : NULL;
}

gboolean
accords_command_get_conflict (AccordsCommand    *self,
                              AccordsAgreement **base,
                              AccordsAgreement **ours,
                              AccordsAgreement **theirs)
{
  g_return_val_if_fail (ACCORDS_IS_COMMAND (self), FALSE);

  if (base)
    *base = self->conflict_base;
  if (ours)
    *ours = self->conflict_ours;
  if (theirs)
    *theirs = self->conflict_theirs;
  return self->conflict_theirs != NULL;
}

/* Replaces from by to, three-way: only what the change changes is written
 * over the agreement as stored now, so what others saved since is kept */
static gboolean
replace (AccordsCommand    *self,
         AccordsStore      *store,
         Change            *change,
         AccordsAgreement  *from,
         AccordsAgreement  *to,
         GError           **error)
{
  g_autoptr(AccordsAgreement) stored = NULL;
  g_autoptr(GListStore) conflicts = g_list_store_new (ACCORDS_TYPE_MERGE_CONFLICT);
  g_autoptr(GError) local = NULL;
  const char *slug = accords_agreement_get_slug (from);

  if (!(stored = accords_store_load_agreement (store, slug, &local)))
    {
      if (g_error_matches (local, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND))
        g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CONFLICT,
                     _("%s was deleted or renamed elsewhere since it was read"), slug);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  g_clear_object (&change->written);
  change->written = accords_merge_three_way (from, to, stored, conflicts, error);
  if (change->written == NULL)
    {
      g_set_object (&self->conflict_base, from);
      g_set_object (&self->conflict_ours, to);
      g_set_object (&self->conflict_theirs, stored);
      return FALSE;
    }

  if (!accords_store_rename_agreement (store, slug, accords_agreement_get_slug (to), error))
    return FALSE;
  return accords_store_save_agreement (store, change->written, error);
}

/* Moves the store from one side of a change to the other */
static gboolean
step (AccordsCommand    *self,
      AccordsStore      *store,
      Change            *change,
      AccordsAgreement  *from,
      AccordsAgreement  *to,
      GError           **error)
{
  if (to == NULL)
    {
      change->pending = accords_store_delete_cascade (store, accords_agreement_get_slug (from), error);
      return change->pending != NULL;
    }

  if (from == NULL)
    {
      if (change->cascade != NULL)
        {
          change->restored = accords_store_restore_cascade (store, change->cascade, error);
          return change->restored;
        }
      if (accords_store_has_agreement (store, accords_agreement_get_slug (to)))
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS,
                       _("id: “%s” is already the id of another agreement"), accords_agreement_get_slug (to));
          return FALSE;
        }
      return accords_store_save_agreement (store, to, error);
    }

  return replace (self, store, change, from, to, error);
}

static void
add_url (GHashTable *urls,
         const char *url)
{
  if (url != NULL && *url != '\0')
    g_hash_table_add (urls, g_strdup (url));
}

/* Every URL the agreement cites, each once */
static void
collect_urls (AccordsAgreement *a,
              GHashTable       *urls)
{
  GListModel *model;

  if (a == NULL)
    return;
  model = G_LIST_MODEL (accords_agreement_get_sources (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (model, i);
      add_url (urls, accords_source_get_url (s));
    }
  model = G_LIST_MODEL (accords_agreement_get_events (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (model, i);
      const char * const *cited = accords_event_get_source_urls (e);

      for (guint k = 0; cited && cited[k]; k++)
        add_url (urls, cited[k]);
    }
  model = G_LIST_MODEL (accords_agreement_get_people (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsPersonRole) r = g_list_model_get_item (model, i);
      add_url (urls, accords_person_role_get_source_url (r));
    }
  model = G_LIST_MODEL (accords_agreement_get_facts (a));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsFact) f = g_list_model_get_item (model, i);
      add_url (urls, accords_fact_get_source_url (f));
    }
}

static gboolean
snapshot_sources (AccordsStore  *store,
                  Change        *change,
                  GError       **error)
{
  g_autoptr(GHashTable) urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer url;

  collect_urls (change->before, urls);
  collect_urls (change->after, urls);
  g_clear_pointer (&change->pending_rows, g_ptr_array_unref);
  change->pending_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, urls);
  while (g_hash_table_iter_next (&iter, &url, NULL))
    {
      g_autoptr(GError) local = NULL;
      AccordsSource *row = accords_store_load_source_by_url (store, url, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (row != NULL)
        g_ptr_array_add (change->pending_rows, row);
    }
  return TRUE;
}

static gboolean
restore_sources (AccordsStore  *store,
                 Change        *change,
                 GError       **error)
{
  for (guint i = 0; change->source_rows && i < change->source_rows->len; i++)
    if (!accords_store_write_source (store, g_ptr_array_index (change->source_rows, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
has_related (AccordsAgreement *a)
{
  const char * const *related = a ? accords_agreement_get_related (a) : NULL;

  return related != NULL && related[0] != NULL;
}

static gboolean
run (AccordsCommand  *self,
     AccordsStore    *store,
     gboolean         forward,
     GError         **error)
{
  guint n = self->changes->len;

  for (guint k = 0; k < n; k++)
    {
      Change *change = g_ptr_array_index (self->changes, k);

      g_clear_pointer (&change->pending, accords_cascade_free);
      g_clear_pointer (&change->pending_rows, g_ptr_array_unref);
      g_clear_object (&change->written);
      change->restored = FALSE;
    }
  g_clear_object (&self->conflict_base);
  g_clear_object (&self->conflict_ours);
  g_clear_object (&self->conflict_theirs);

  if (!accords_store_begin (store, error))
    return FALSE;

  for (guint k = 0; !forward && k < self->source_edits->len; k++)
    {
      SourceEdit *edit = g_ptr_array_index (self->source_edits, self->source_edits->len - 1 - k);

      if (edit->before != NULL && !accords_store_write_source (store, edit->before, error))
        goto fail;
    }

  for (guint k = 0; k < n; k++)
    {
      Change *change = g_ptr_array_index (self->changes, forward ? k : n - 1 - k);

      if (forward && !snapshot_sources (store, change, error))
        goto fail;
      if (!step (self, store, change, forward ? change->before : change->after,
                 forward ? change->after : change->before, error))
        goto fail;
      if (!forward && !restore_sources (store, change, error))
        goto fail;
    }

  for (guint k = 0; forward && k < self->source_edits->len; k++)
    {
      SourceEdit *edit = g_ptr_array_index (self->source_edits, k);

      if (!accords_store_write_source (store, edit->after, error))
        goto fail;
    }

  for (guint k = 0; k < self->link_states->len; k++)
    {
      LinkState *ls = g_ptr_array_index (self->link_states, forward ? k : self->link_states->len - 1 - k);

      if (!accords_store_set_link_state (store, ls->item_id, ls->slug, forward ? ls->after : ls->before, error))
        goto fail;
    }

  /* a relation to an agreement saved later in the same command is only
   * kept once that agreement exists: save those a second time */
  for (guint k = 0; k < n && n > 1; k++)
    {
      Change *change = g_ptr_array_index (self->changes, k);
      AccordsAgreement *to = change->written ? change->written : forward ? change->after : change->before;

      if (has_related (to) && !change->restored &&
          !accords_store_save_agreement (store, to, error))
        goto fail;
    }

  if (!accords_store_commit (store, error))
    goto fail;

  for (guint k = 0; k < n; k++)
    {
      Change *change = g_ptr_array_index (self->changes, k);

      if (change->pending != NULL)
        {
          g_clear_pointer (&change->cascade, accords_cascade_free);
          change->cascade = g_steal_pointer (&change->pending);
        }
      else if (change->restored)
        g_clear_pointer (&change->cascade, accords_cascade_free);
      change->restored = FALSE;
      if (change->pending_rows != NULL)
        {
          g_clear_pointer (&change->source_rows, g_ptr_array_unref);
          change->source_rows = g_steal_pointer (&change->pending_rows);
        }
    }
  accords_store_emit_changed (store, accords_command_get_change_flags (self));
  return TRUE;

fail:
  accords_store_rollback (store);
  /* listeners may have seen the rows that were rolled back */
  accords_store_emit_changed (store, accords_command_get_change_flags (self));
  return FALSE;
}

gboolean
accords_command_apply (AccordsCommand  *self,
                       AccordsStore    *store,
                       GError         **error)
{
  g_return_val_if_fail (ACCORDS_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);

  return run (self, store, TRUE, error);
}

gboolean
accords_command_revert (AccordsCommand  *self,
                        AccordsStore    *store,
                        GError         **error)
{
  g_return_val_if_fail (ACCORDS_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);

  return run (self, store, FALSE, error);
}
