/* accords-merge.c: a dataset file merged into the database by agreement id */
#define G_LOG_DOMAIN "accords-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-dataset.h"
#include "accords-error.h"
#include "accords-file-task.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-flag.h"
#include "accords-json-reader.h"
#include "accords-merge.h"
#include "accords-part-kind.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-store-agreements.h"
#include "accords-store-curation.h"
#include "accords-util.h"
#include "accords-validation.h"

typedef struct {
  AccordsAgreement *stored;     /* NULL: a new agreement */
  AccordsAgreement *merged;     /* the stored one with the incoming merged in */
  AccordsAgreement *incoming;
} Entry;

struct _AccordsMerge
{
  GObject     parent_instance;

  GPtrArray  *entries;
  GListStore *conflicts;
  GHashTable *stored_sources;   /* url -> AccordsSource, every source row */
  char       *label;            /* of the command it builds */
};

G_DEFINE_FINAL_TYPE (AccordsMerge, accords_merge, G_TYPE_OBJECT)

/* A property and its name in the JSON, for conflict messages */
typedef struct {
  const char *property;
  const char *member;
} Field;

static const Field agreement_fields[] = {
  { "title", "title" }, { "short-title", "short_title" }, { "instrument-form", "instrument_form" },
  { "legal-status", "legal_status" }, { "operational-status", "operational_status" },
  { "status-override", "status_override" }, { "status-as-of", "status_as_of" },
  { "summary", "summary" }, { "scope", "scope" }, { "cap", "cap" },
  { "aliases", "aliases" }, { "types", "types" }, { "related", "related" },
  { NULL, NULL }
};
static const Field event_fields[] = {
  { "precision", "precision" }, { "actor", "actor" }, { "description", "description" },
  { "confidence", "confidence" }, { "label", "label" }, { "source-urls", "sources" }, { NULL, NULL }
};
static const Field source_fields[] = {
  { "title", "title" }, { "publisher", "publisher" }, { "published", "published" },
  { "accessed", "accessed" }, { "source-type", "type" }, { NULL, NULL }
};
static const Field person_fields[] = {
  { "country", "country" }, { "end", "end" }, { "source-url", "source" }, { NULL, NULL }
};
static const Field fact_fields[] = {
  { "amount", "amount" }, { "currency", "currency" }, { "count", "count" }, { "court", "court" },
  { "case-name", "case_name" }, { "outcome", "outcome" }, { "raised-by", "raised_by" },
  { "source-url", "source" }, { NULL, NULL }
};
static const Field flag_fields[] = {
  { "resolved", "resolved" }, { "resolution", "resolution" }, { NULL, NULL }
};

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->stored);
  g_clear_object (&entry->merged);
  g_clear_object (&entry->incoming);
  g_free (entry);
}

static void
accords_merge_finalize (GObject *object)
{
  AccordsMerge *self = (AccordsMerge *) object;

  g_ptr_array_unref (self->entries);
  g_clear_object (&self->conflicts);
  g_clear_pointer (&self->stored_sources, g_hash_table_unref);
  g_free (self->label);

  G_OBJECT_CLASS (accords_merge_parent_class)->finalize (object);
}

static void
accords_merge_class_init (AccordsMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accords_merge_finalize;
}

static void
accords_merge_init (AccordsMerge *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->conflicts = g_list_store_new (ACCORDS_TYPE_MERGE_CONFLICT);
  self->stored_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Values: NULL and "" are empty strings, a negative count is no count */

static gboolean
value_empty (const GValue *v)
{
  if (G_VALUE_HOLDS_STRING (v))
    return accords_str_empty (g_value_get_string (v));
  if (G_VALUE_HOLDS_INT64 (v))
    return g_value_get_int64 (v) < 0;
  if (G_VALUE_HOLDS (v, G_TYPE_STRV))
    return g_value_get_boxed (v) == NULL || *(char **) g_value_get_boxed (v) == NULL;
  return FALSE;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (value_empty (a) && value_empty (b))
    return TRUE;
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    return !value_empty (a) && !value_empty (b) &&
           g_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  return FALSE;
}

/* Joins two lists of strings, the stored order first */
static GStrv
strv_union (const char * const *ours,
            const char * const *theirs)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ours && ours[i]; i++)
    if (g_hash_table_add (seen, (gpointer) ours[i]))
      g_strv_builder_add (builder, ours[i]);
  for (guint i = 0; theirs && theirs[i]; i++)
    if (g_hash_table_add (seen, (gpointer) theirs[i]))
      g_strv_builder_add (builder, theirs[i]);
  return g_strv_builder_end (builder);
}

static void
merge_fields (AccordsMerge *self,
              const char   *slug,
              const char   *prefix,
              GObject      *merged,
              GObject      *incoming,
              const Field  *fields)
{
  for (const Field *f = fields; f->property; f++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (merged), f->property);
      g_auto(GValue) ours = G_VALUE_INIT;
      g_auto(GValue) theirs = G_VALUE_INIT;

      g_assert (pspec != NULL);
      g_value_init (&ours, pspec->value_type);
      g_value_init (&theirs, pspec->value_type);
      g_object_get_property (merged, f->property, &ours);
      g_object_get_property (incoming, f->property, &theirs);

      if (values_equal (&ours, &theirs) || value_empty (&theirs))
        continue;
      if (G_VALUE_HOLDS (&ours, G_TYPE_STRV))
        {
          g_auto(GStrv) joined = strv_union (g_value_get_boxed (&ours), g_value_get_boxed (&theirs));
          g_object_set (merged, f->property, joined, NULL);
        }
      else if (value_empty (&ours))
        g_object_set_property (merged, f->property, &theirs);
      else
        {
          g_autofree char *field = prefix ? g_strdup_printf ("%s.%s", prefix, f->member) : g_strdup (f->member);
          g_autoptr(AccordsMergeConflict) conflict =
            accords_merge_conflict_new (slug, field, merged, f->property, &theirs);

          g_list_store_append (self->conflicts, conflict);
        }
    }
}

/* Part matching */

typedef char *(*KeyFunc) (gpointer part);

static char *
party_key (gpointer part)
{
  return g_strdup_printf ("%s %s", accords_party_get_country (part), accords_party_get_role (part));
}

static char *
event_key (gpointer part)
{
  return g_strdup_printf ("%s %s %s", accords_event_get_date (part), accords_event_get_event_type (part),
                          accords_str_or_empty (accords_event_get_label (part)));
}

/* the same event, relabelled on one side */
static char *
event_loose_key (gpointer part)
{
  return g_strdup_printf ("%s %s", accords_event_get_date (part), accords_event_get_event_type (part));
}

static char *
source_key (gpointer part)
{
  return g_strdup (accords_source_get_url (part));
}

static char *
person_key (gpointer part)
{
  return g_strdup_printf ("%s, %s, %s", accords_person_role_get_name (part),
                          accords_str_or_empty (accords_person_role_get_role (part)),
                          accords_str_or_empty (accords_person_role_get_start (part)));
}

static char *
fact_key (gpointer part)
{
  return g_strdup_printf ("%s %s %s", accords_fact_get_kind (part), accords_str_or_empty (accords_fact_get_date (part)),
                          accords_str_or_empty (accords_fact_get_description (part)));
}

static char *
flag_key (gpointer part)
{
  return g_strdup (accords_flag_get_text (part));
}

/* Pairs each incoming part with the merged part of the same key, else (when
 * loose is given) with the only unmatched merged part of the same loose key;
 * merges the pairs' fields and appends the parts left over.  base, when
 * given, makes the appended copy (sources start from the stored row). */
static void
merge_parts (AccordsMerge *self,
             const char   *slug,
             const char   *member,
             GListStore   *merged,
             GListStore   *incoming,
             KeyFunc       key,
             KeyFunc       loose,
             const Field  *fields,
             gpointer    (*base) (AccordsMerge *self, gpointer part))
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  guint n_merged = g_list_model_get_n_items (G_LIST_MODEL (merged));
  guint n_incoming = g_list_model_get_n_items (G_LIST_MODEL (incoming));
  g_autofree gpointer *partner = g_new0 (gpointer, MAX (n_incoming, 1));

  for (guint i = 0; i < n_merged; i++)
    {
      g_autoptr(GObject) part = g_list_model_get_item (G_LIST_MODEL (merged), i);
      char *k = key (part);

      if (g_hash_table_contains (by_key, k))
        g_free (k);
      else
        g_hash_table_insert (by_key, k, part);
    }

  for (guint i = 0; i < n_incoming; i++)
    {
      g_autoptr(GObject) part = g_list_model_get_item (G_LIST_MODEL (incoming), i);
      g_autofree char *k = key (part);
      gpointer m = g_hash_table_lookup (by_key, k);

      /* two incoming parts with one key are one part given twice */
      if (m != NULL)
        {
          partner[i] = m;
          g_hash_table_add (matched, m);
        }
    }

  if (loose != NULL)
    for (guint i = 0; i < n_incoming; i++)
      {
        g_autoptr(GObject) part = NULL;
        g_autofree char *k = NULL;
        gpointer only = NULL;
        guint n = 0;

        if (partner[i] != NULL)
          continue;
        part = g_list_model_get_item (G_LIST_MODEL (incoming), i);
        k = loose (part);
        for (guint j = 0; j < n_merged; j++)
          {
            g_autoptr(GObject) m = g_list_model_get_item (G_LIST_MODEL (merged), j);
            g_autofree char *mk = NULL;

            if (g_hash_table_contains (matched, m))
              continue;
            mk = loose (m);
            if (g_str_equal (mk, k))
              {
                only = m;
                n++;
              }
          }
        if (n == 1)
          {
            partner[i] = only;
            g_hash_table_add (matched, only);
          }
      }

  for (guint i = 0; i < n_incoming; i++)
    {
      g_autoptr(GObject) part = g_list_model_get_item (G_LIST_MODEL (incoming), i);
      g_autofree char *k = key (part);
      g_autofree char *prefix = g_strdup_printf ("%s[%s]", member, k);
      g_autoptr(GObject) copy = NULL;

      if (partner[i] != NULL)
        {
          merge_fields (self, slug, prefix, partner[i], part, fields);
          continue;
        }
      if (base != NULL && (copy = base (self, part)) != NULL)
        merge_fields (self, slug, prefix, copy, part, fields);
      else
        copy = accords_part_copy (part);
      g_list_store_append (merged, copy);
    }
}

/* A source new to the agreement but already in the database starts as it is
 * stored, so a different title is a conflict, not a silent overwrite. */
static gpointer
source_base (AccordsMerge *self,
             gpointer      part)
{
  AccordsSource *stored = g_hash_table_lookup (self->stored_sources, accords_source_get_url (part));

  return stored ? accords_part_copy (stored) : NULL;
}

static AccordsAgreement *
merge_agreement (AccordsMerge     *self,
                 AccordsAgreement *stored,
                 AccordsAgreement *incoming)
{
  AccordsAgreement *merged = accords_agreement_copy (stored);
  const char *slug = accords_agreement_get_slug (stored);

  merge_fields (self, slug, NULL, G_OBJECT (merged), G_OBJECT (incoming), agreement_fields);
  merge_parts (self, slug, "parties", accords_agreement_get_parties (merged), accords_agreement_get_parties (incoming),
               party_key, NULL, (const Field[]) { { NULL, NULL } }, NULL);
  merge_parts (self, slug, "sources", accords_agreement_get_sources (merged), accords_agreement_get_sources (incoming),
               source_key, NULL, source_fields, source_base);
  merge_parts (self, slug, "events", accords_agreement_get_events (merged), accords_agreement_get_events (incoming),
               event_key, event_loose_key, event_fields, NULL);
  merge_parts (self, slug, "people", accords_agreement_get_people (merged), accords_agreement_get_people (incoming),
               person_key, NULL, person_fields, NULL);
  merge_parts (self, slug, "facts", accords_agreement_get_facts (merged), accords_agreement_get_facts (incoming),
               fact_key, NULL, fact_fields, NULL);
  merge_parts (self, slug, "verify", accords_agreement_get_flags (merged), accords_agreement_get_flags (incoming),
               flag_key, NULL, flag_fields, NULL);
  return merged;
}

/* A new agreement's sources that the database has are compared the same way */
static AccordsAgreement *
merge_new (AccordsMerge     *self,
           AccordsAgreement *incoming)
{
  g_autoptr(AccordsAgreement) empty = accords_agreement_copy (incoming);

  g_list_store_remove_all (accords_agreement_get_sources (empty));
  merge_parts (self, accords_agreement_get_slug (incoming), "sources", accords_agreement_get_sources (empty),
               accords_agreement_get_sources (incoming), source_key, NULL, source_fields, source_base);
  return g_steal_pointer (&empty);
}

/* Three-way merge of an edit */

/* A kind of part, and how the three-way merge matches its parts */
typedef struct {
  const AccordsPartKind *part;
  KeyFunc                key;
} PartKind;

static KeyFunc
part_key (const AccordsPartKind *part)
{
  static const struct {
    const char *member;
    KeyFunc     key;
  } keys[] = {
    { "parties", party_key },
    { "sources", source_key },
    { "events", event_key },
    { "people", person_key },
    { "facts", fact_key },
    { "verify", flag_key },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].member, part->member))
      return keys[i].key;
  g_assert_not_reached ();
}

/* What a person edits, not the row's bookkeeping or what is derived */
static gboolean
is_edited (GParamSpec *pspec)
{
  static const char * const skipped[] = { "id", "slug", "display-status", "created", "updated", NULL };

  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         !g_strv_contains (skipped, pspec->name);
}

static void
get_value (GObject    *object,
           GParamSpec *pspec,
           GValue     *value)
{
  g_value_init (value, pspec->value_type);
  if (object != NULL)
    g_object_get_property (object, pspec->name, value);
}

static gboolean
objects_equal (GObject *a,
               GObject *b)
{
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!is_edited (pspecs[i]))
        continue;
      get_value (a, pspecs[i], &va);
      get_value (b, pspecs[i], &vb);
      if (!values_equal (&va, &vb))
        return FALSE;
    }
  return TRUE;
}

/* Parts by key; a key given twice gets its rank, so each part has one */
static GHashTable *
index_parts (GListModel     *list,
             const PartKind *kind,
             GPtrArray      *keys)
{
  GHashTable *by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      GObject *part = g_list_model_get_item (list, i);
      g_autofree char *k = kind->key (part);
      char *unique = g_strdup (k);

      for (guint rank = 2; g_hash_table_contains (by_key, unique); rank++)
        {
          g_free (unique);
          unique = g_strdup_printf ("%s #%u", k, rank);
        }
      if (keys != NULL)
        g_ptr_array_add (keys, g_strdup (unique));
      g_hash_table_insert (by_key, unique, part);
    }
  return by_key;
}

/* The same parts, whatever their order */
static gboolean
parts_equal (GListModel     *a,
             GListModel     *b,
             const PartKind *kind)
{
  g_autoptr(GHashTable) ia = NULL;
  g_autoptr(GHashTable) ib = NULL;
  GHashTableIter iter;
  gpointer key, part;

  if (g_list_model_get_n_items (a) != g_list_model_get_n_items (b))
    return FALSE;
  ia = index_parts (a, kind, NULL);
  ib = index_parts (b, kind, NULL);
  g_hash_table_iter_init (&iter, ia);
  while (g_hash_table_iter_next (&iter, &key, &part))
    {
      GObject *other = g_hash_table_lookup (ib, key);

      if (other == NULL || !objects_equal (part, other))
        return FALSE;
    }
  return TRUE;
}

/* Makes the change from base to ours on target, which holds theirs: a
 * field ours leaves as it was keeps theirs, one only ours changed takes
 * ours, one both changed differently is a conflict.  base NULL: a part
 * both sides added. */
static void
merge3_fields (GObject    *target,
               GObject    *base,
               GObject    *ours,
               const char *slug,
               const char *prefix,
               GListStore *conflicts)
{
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (target), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) b = G_VALUE_INIT;
      g_auto(GValue) o = G_VALUE_INIT;
      g_auto(GValue) t = G_VALUE_INIT;
      g_autofree char *member = NULL;
      g_autofree char *field = NULL;
      g_autoptr(AccordsMergeConflict) conflict = NULL;

      if (!is_edited (pspecs[i]))
        continue;
      get_value (base, pspecs[i], &b);
      get_value (ours, pspecs[i], &o);
      get_value (target, pspecs[i], &t);
      if (values_equal (&o, &b) || values_equal (&o, &t))
        continue;
      if (values_equal (&t, &b))
        {
          g_object_set_property (target, pspecs[i]->name, &o);
          continue;
        }
      member = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      field = prefix ? g_strdup_printf ("%s.%s", prefix, member) : g_strdup (member);
      conflict = accords_merge_conflict_new (slug, field, target, pspecs[i]->name, &o);
      g_list_store_append (conflicts, conflict);
    }
}

/* The same for one kind of part, matched by key.  A part one side removed
 * and the other changed cannot be settled field by field: *removed names
 * the first such part. */
static void
merge3_parts (const PartKind   *kind,
              const char       *slug,
              AccordsAgreement *base,
              AccordsAgreement *ours,
              AccordsAgreement *result,
              GListStore       *conflicts,
              char            **removed)
{
  GListModel *b_list = G_LIST_MODEL (kind->part->get_store (base));
  GListModel *o_list = G_LIST_MODEL (kind->part->get_store (ours));
  GListStore *r_list = kind->part->get_store (result);
  g_autoptr(GHashTable) b_parts = NULL;
  g_autoptr(GHashTable) o_parts = NULL;
  g_autoptr(GHashTable) t_parts = NULL;
  g_autoptr(GPtrArray) o_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) t_keys = g_ptr_array_new_with_free_func (g_free);

  if (parts_equal (b_list, o_list, kind))
    return;
  if (parts_equal (b_list, G_LIST_MODEL (r_list), kind))
    {
      /* only ours changed them: take them as they are, in their order */
      g_list_store_remove_all (r_list);
      for (guint i = 0; i < g_list_model_get_n_items (o_list); i++)
        {
          g_autoptr(GObject) part = g_list_model_get_item (o_list, i);
          g_autoptr(GObject) copy = accords_part_copy (part);

          g_list_store_append (r_list, copy);
        }
      return;
    }

  b_parts = index_parts (b_list, kind, NULL);
  o_parts = index_parts (o_list, kind, o_keys);
  t_parts = index_parts (G_LIST_MODEL (r_list), kind, t_keys);

  for (guint i = 0; i < t_keys->len; i++)
    {
      const char *k = g_ptr_array_index (t_keys, i);
      GObject *b = g_hash_table_lookup (b_parts, k);
      GObject *o = g_hash_table_lookup (o_parts, k);
      GObject *t = g_hash_table_lookup (t_parts, k);
      g_autofree char *prefix = g_strdup_printf ("%s[%s]", kind->part->member, k);
      guint position;

      if (o != NULL)
        merge3_fields (t, b, o, slug, prefix, conflicts);
      else if (b != NULL && objects_equal (b, t))
        {
          if (g_list_store_find (r_list, t, &position))
            g_list_store_remove (r_list, position);
        }
      else if (b != NULL && *removed == NULL)
        *removed = g_steal_pointer (&prefix);
    }

  for (guint i = 0; i < o_keys->len; i++)
    {
      const char *k = g_ptr_array_index (o_keys, i);
      GObject *b = g_hash_table_lookup (b_parts, k);
      GObject *o = g_hash_table_lookup (o_parts, k);

      if (g_hash_table_contains (t_parts, k))
        continue;
      if (b == NULL)
        {
          g_autoptr(GObject) copy = accords_part_copy (o);
          g_list_store_append (r_list, copy);
        }
      else if (!objects_equal (b, o) && *removed == NULL)
        *removed = g_strdup_printf ("%s[%s]", kind->part->member, k);
    }
}

/* The change from base to ours made on theirs, with what conflicts */
static AccordsAgreement *
merge3 (AccordsAgreement  *base,
        AccordsAgreement  *ours,
        AccordsAgreement  *theirs,
        GListStore        *conflicts,
        char             **removed)
{
  AccordsAgreement *result = accords_agreement_copy (theirs);
  const char *slug = accords_agreement_get_slug (theirs);
  const AccordsPartKind *kinds;
  guint n_kinds;

  accords_agreement_set_slug (result, accords_agreement_get_slug (ours));
  merge3_fields (G_OBJECT (result), G_OBJECT (base), G_OBJECT (ours), slug, NULL, conflicts);
  kinds = accords_part_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      PartKind kind = { &kinds[i], part_key (&kinds[i]) };

      merge3_parts (&kind, slug, base, ours, result, conflicts, removed);
    }
  return result;
}

/* merge3(), failing when a part was removed on one side and changed on the
 * other: a part, not a field, so nothing a conflict could offer */
static AccordsAgreement *
merge3_or_fail (AccordsAgreement  *base,
                AccordsAgreement  *ours,
                AccordsAgreement  *theirs,
                GListStore        *conflicts,
                GError           **error)
{
  g_autofree char *removed = NULL;
  g_autoptr(AccordsAgreement) result = merge3 (base, ours, theirs, conflicts, &removed);

  if (removed != NULL)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CONFLICT,
                   _("%s: %s was removed on one side and changed on the other since the agreement was read"),
                   accords_agreement_get_slug (theirs), removed);
      return NULL;
    }
  return g_steal_pointer (&result);
}

AccordsAgreement *
accords_merge_three_way (AccordsAgreement  *base,
                         AccordsAgreement  *ours,
                         AccordsAgreement  *theirs,
                         GListStore        *conflicts,
                         GError           **error)
{
  g_autoptr(AccordsAgreement) result = NULL;
  const char *slug;
  guint n_before;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (base), NULL);
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (ours), NULL);
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (theirs), NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (conflicts), NULL);

  slug = accords_agreement_get_slug (theirs);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (conflicts));
  if ((result = merge3_or_fail (base, ours, theirs, conflicts, error)) == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (conflicts)) > n_before)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (conflicts)) - n_before;
      g_autoptr(AccordsMergeConflict) first = g_list_model_get_item (G_LIST_MODEL (conflicts), n_before);

      if (n == 1)
        g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CONFLICT,
                     _("%s: %s was also changed elsewhere since the agreement was read"),
                     slug, accords_merge_conflict_get_field (first));
      else
        g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_CONFLICT,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s: %s and %u other field were also changed elsewhere since the agreement was read",
                                  "%s: %s and %u other fields were also changed elsewhere since the agreement was read",
                                  n - 1),
                     slug, accords_merge_conflict_get_field (first), n - 1);
      return NULL;
    }
  return g_steal_pointer (&result);
}

AccordsMerge *
accords_merge_new_three_way (const char        *label,
                             AccordsAgreement  *base,
                             AccordsAgreement  *ours,
                             AccordsAgreement  *theirs,
                             GError           **error)
{
  g_autoptr(AccordsMerge) self = NULL;
  Entry *entry;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (base), NULL);
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (ours), NULL);
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (theirs), NULL);

  self = g_object_new (ACCORDS_TYPE_MERGE, NULL);
  entry = g_new0 (Entry, 1);
  entry->stored = accords_agreement_copy (theirs);
  entry->incoming = accords_agreement_copy (ours);
  g_ptr_array_add (self->entries, entry);
  if ((entry->merged = merge3_or_fail (base, ours, theirs, self->conflicts, error)) == NULL)
    return NULL;
  self->label = g_strdup (label);
  return g_steal_pointer (&self);
}

/* One URL, one source row: the same URL with two titles in one file cannot
 * both be kept. */
static gboolean
check_sources_agree (GPtrArray   *incoming,
                     const char  *where,
                     GError     **error)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) objects = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < incoming->len; i++)
    {
      GListModel *sources = G_LIST_MODEL (accords_agreement_get_sources (g_ptr_array_index (incoming, i)));

      for (guint k = 0; k < g_list_model_get_n_items (sources); k++)
        {
          g_autoptr(AccordsSource) s = g_list_model_get_item (sources, k);
          const char *url = accords_source_get_url (s);
          AccordsSource *earlier = g_hash_table_lookup (objects, url);

          if (earlier == NULL)
            {
              g_hash_table_insert (objects, (gpointer) url, s);
              g_hash_table_insert (first, (gpointer) url, g_strdup_printf ("agreements[%u].sources[%u]", i, k));
              continue;
            }
          for (const Field *f = source_fields; f->property; f++)
            {
              g_auto(GValue) a = G_VALUE_INIT;
              g_auto(GValue) b = G_VALUE_INIT;

              g_value_init (&a, G_TYPE_STRING);
              g_value_init (&b, G_TYPE_STRING);
              g_object_get_property (G_OBJECT (earlier), f->property, &a);
              g_object_get_property (G_OBJECT (s), f->property, &b);
              if (!value_empty (&a) && !value_empty (&b) && !values_equal (&a, &b))
                {
                  g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                               _("%s: agreements[%u].sources[%u].%s: “%s” differs from “%s” given for the same URL in %s"),
                               where, i, k, f->member, g_value_get_string (&b), g_value_get_string (&a),
                               (const char *) g_hash_table_lookup (first, url));
                  return FALSE;
                }
            }
        }
    }
  return TRUE;
}

/* Every agreement of the document, read and checked */
static GPtrArray *
read_incoming (AccordsStore  *store,
               JsonNode      *root,
               const char    *where,
               GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!(array = accords_dataset_get_agreements (root, where, error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *w = g_strdup_printf ("%s: agreements[%u]", where, i);
      AccordsAgreement *a = accords_agreement_from_json (json_array_get_element (array, i), w, error);
      g_autoptr(GPtrArray) issues = NULL;

      if (a == NULL)
        return NULL;
      g_ptr_array_add (incoming, a);
      issues = accords_agreement_check (a, store, accords_agreement_get_slug (a));
      if (issues->len > 0)
        {
          AccordsIssue *issue = g_ptr_array_index (issues, 0);

          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s (%s).%s: %s", w,
                       accords_agreement_get_slug (a), issue->field, issue->message);
          return NULL;
        }
      if (!g_hash_table_add (seen, g_strdup (accords_agreement_get_slug (a))))
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_EXISTS,
                       _("%s.id: “%s” appears twice"), w, accords_agreement_get_slug (a));
          return NULL;
        }
    }
  if (!check_sources_agree (incoming, where, error))
    return NULL;
  return g_steal_pointer (&incoming);
}

static AccordsMerge *
merge_incoming (AccordsStore  *store,
                GPtrArray     *incoming,
                GError       **error)
{
  g_autoptr(AccordsMerge) self = NULL;
  g_autoptr(GListStore) stored = NULL;
  g_autoptr(GListStore) sources = NULL;
  g_autoptr(GHashTable) by_slug = g_hash_table_new (g_str_hash, g_str_equal);

  if (!(stored = accords_store_load_agreements (store, NULL, error)) ||
      !(sources = accords_store_load_sources (store, error)))
    return NULL;

  self = g_object_new (ACCORDS_TYPE_MERGE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sources)); i++)
    {
      AccordsSource *s = g_list_model_get_item (G_LIST_MODEL (sources), i);
      g_hash_table_insert (self->stored_sources, g_strdup (accords_source_get_url (s)), s);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stored)); i++)
    {
      AccordsAgreement *a = g_list_model_get_item (G_LIST_MODEL (stored), i);

      g_hash_table_insert (by_slug, (gpointer) accords_agreement_get_slug (a), a);
      g_object_unref (a);   /* the list holds it */
    }

  for (guint i = 0; i < incoming->len; i++)
    {
      AccordsAgreement *in = g_ptr_array_index (incoming, i);
      AccordsAgreement *have = g_hash_table_lookup (by_slug, accords_agreement_get_slug (in));
      Entry *entry = g_new0 (Entry, 1);

      entry->incoming = g_object_ref (in);
      entry->stored = have ? g_object_ref (have) : NULL;
      entry->merged = have ? merge_agreement (self, have, in) : merge_new (self, in);
      g_ptr_array_add (self->entries, entry);
    }
  return g_steal_pointer (&self);
}

AccordsMerge *
accords_merge_new (AccordsStore  *store,
                   JsonNode      *root,
                   const char    *where,
                   GError       **error)
{
  g_autoptr(GPtrArray) incoming = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  if (!(incoming = read_incoming (store, root, where, error)))
    return NULL;
  return merge_incoming (store, incoming, error);
}

AccordsMerge *
accords_merge_new_for_path (AccordsStore  *store,
                            const char    *path,
                            GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) incoming = NULL;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if ((root = accords_json_parse_file (path, error)) == NULL ||
      !(incoming = read_incoming (store, root, path, error)))
    return NULL;
  /* the document is read: its tree (the largest part of a big import's
   * memory) goes before the merge makes its copies */
  g_clear_pointer (&root, json_node_unref);
  return merge_incoming (store, incoming, error);
}

static gboolean
load_merge (GTask         *task,
            AccordsStore  *store,
            GFile         *file,
            gpointer       job,
            GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  AccordsMerge *merge;

  if (path == NULL)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("%s is not a local file"), g_file_peek_path (file) ? g_file_peek_path (file) : "");
      return FALSE;
    }
  if ((merge = accords_merge_new_for_path (store, path, error)) == NULL)
    return FALSE;
  g_task_return_pointer (task, merge, g_object_unref);
  return TRUE;
}

void
accords_merge_load_async (AccordsStore        *store,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  accords_file_task_start (store, file, load_merge, accords_merge_load_async, cancellable, callback, user_data);
}

AccordsMerge *
accords_merge_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GListModel *
accords_merge_get_conflicts (AccordsMerge *self)
{
  g_return_val_if_fail (ACCORDS_IS_MERGE (self), NULL);
  return G_LIST_MODEL (self->conflicts);
}

guint
accords_merge_count_unresolved (AccordsMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (ACCORDS_IS_MERGE (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)); i++)
    {
      g_autoptr(AccordsMergeConflict) c = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);

      if (accords_merge_conflict_get_choice (c) == ACCORDS_MERGE_UNRESOLVED)
        n++;
    }
  return n;
}

void
accords_merge_resolve_all (AccordsMerge       *self,
                           AccordsMergeChoice  choice)
{
  g_return_if_fail (ACCORDS_IS_MERGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)); i++)
    {
      g_autoptr(AccordsMergeConflict) c = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);

      accords_merge_conflict_set_choice (c, choice);
    }
}

guint
accords_merge_get_n_incoming (AccordsMerge *self)
{
  g_return_val_if_fail (ACCORDS_IS_MERGE (self), 0);
  return self->entries->len;
}

static gboolean
same_content (AccordsAgreement *a,
              AccordsAgreement *b)
{
  g_autoptr(JsonNode) ja = accords_agreement_to_json (a);
  g_autoptr(JsonNode) jb = accords_agreement_to_json (b);

  return json_node_equal (ja, jb);
}

AccordsCommand *
accords_merge_build_command (AccordsMerge  *self,
                             guint         *n_new,
                             guint         *n_updated,
                             GError       **error)
{
  g_autoptr(AccordsCommand) command = NULL;
  guint unresolved, added = 0, updated = 0;

  g_return_val_if_fail (ACCORDS_IS_MERGE (self), NULL);

  if ((unresolved = accords_merge_count_unresolved (self)) > 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%u conflict is not resolved", "%u conflicts are not resolved",
                                unresolved), unresolved);
      return NULL;
    }

  command = accords_command_new (self->label ? self->label : _("Import dataset"));
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(GPtrArray) issues = accords_agreement_check (entry->merged, NULL, NULL);

      if (issues->len > 0)
        {
          AccordsIssue *issue = g_ptr_array_index (issues, 0);

          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("Merging %s: %s: %s"),
                       accords_agreement_get_slug (entry->merged), issue->field, issue->message);
          return NULL;
        }
      if (entry->stored == NULL)
        {
          accords_command_add_change (command, NULL, entry->merged);
          added++;
        }
      else if (!same_content (entry->stored, entry->merged))
        {
          accords_command_add_change (command, entry->stored, entry->merged);
          updated++;
        }
    }
  if (n_new)
    *n_new = added;
  if (n_updated)
    *n_updated = updated;
  return g_steal_pointer (&command);
}
