/* accords-merge-conflict.c: one field where an imported dataset and the database disagree */
#define G_LOG_DOMAIN "accords-merge-conflict"

#include "config.h"

#include "accords-merge-conflict.h"

struct _AccordsMergeConflict
{
  GObject             parent_instance;

  char               *slug;
  char               *field;
  GObject            *target;
  char               *property;
  GValue              stored;
  GValue              incoming;
  char               *stored_text;
  char               *incoming_text;
  AccordsMergeChoice  choice;
};

G_DEFINE_FINAL_TYPE (AccordsMergeConflict, accords_merge_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SLUG,
  PROP_FIELD,
  PROP_STORED,
  PROP_INCOMING,
  PROP_CHOICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_merge_conflict_finalize (GObject *object)
{
  AccordsMergeConflict *self = (AccordsMergeConflict *) object;

  g_free (self->slug);
  g_free (self->field);
  g_clear_object (&self->target);
  g_free (self->property);
  g_value_unset (&self->stored);
  g_value_unset (&self->incoming);
  g_free (self->stored_text);
  g_free (self->incoming_text);

  G_OBJECT_CLASS (accords_merge_conflict_parent_class)->finalize (object);
}

static void
accords_merge_conflict_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AccordsMergeConflict *self = ACCORDS_MERGE_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;

    case PROP_STORED:
      g_value_set_string (value, self->stored_text);
      break;

    case PROP_INCOMING:
      g_value_set_string (value, self->incoming_text);
      break;

    case PROP_CHOICE:
      g_value_set_int (value, self->choice);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_merge_conflict_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AccordsMergeConflict *self = ACCORDS_MERGE_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_CHOICE:
      accords_merge_conflict_set_choice (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_merge_conflict_class_init (AccordsMergeConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_merge_conflict_finalize;
  object_class->get_property = accords_merge_conflict_get_property;
  object_class->set_property = accords_merge_conflict_set_property;

  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORED] =
    g_param_spec_string ("stored", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INCOMING] =
    g_param_spec_string ("incoming", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHOICE] =
    g_param_spec_int ("choice", NULL, NULL, ACCORDS_MERGE_UNRESOLVED, ACCORDS_MERGE_TAKE_INCOMING,
                      ACCORDS_MERGE_UNRESOLVED,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_merge_conflict_init (AccordsMergeConflict *self)
{
}

static char *
value_text (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value) < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  return g_strdup_value_contents (value);
}

AccordsMergeConflict *
accords_merge_conflict_new (const char   *slug,
                            const char   *field,
                            GObject      *target,
                            const char   *property,
                            const GValue *incoming)
{
  AccordsMergeConflict *self;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (target), NULL);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  self = g_object_new (ACCORDS_TYPE_MERGE_CONFLICT, NULL);
  self->slug = g_strdup (slug);
  self->field = g_strdup (field);
  self->target = g_object_ref (target);
  self->property = g_strdup (property);
  g_value_init (&self->stored, pspec->value_type);
  g_object_get_property (target, property, &self->stored);
  g_value_init (&self->incoming, pspec->value_type);
  g_value_copy (incoming, &self->incoming);
  self->stored_text = value_text (&self->stored);
  self->incoming_text = value_text (&self->incoming);
  return self;
}

const char *
accords_merge_conflict_get_slug (AccordsMergeConflict *self)
{
  g_return_val_if_fail (ACCORDS_IS_MERGE_CONFLICT (self), NULL);
  return self->slug;
}

const char *
accords_merge_conflict_get_field (AccordsMergeConflict *self)
{
  g_return_val_if_fail (ACCORDS_IS_MERGE_CONFLICT (self), NULL);
  return self->field;
}

const char *
accords_merge_conflict_get_stored (AccordsMergeConflict *self)
{
  g_return_val_if_fail (ACCORDS_IS_MERGE_CONFLICT (self), NULL);
  return self->stored_text;
}

const char *
accords_merge_conflict_get_incoming (AccordsMergeConflict *self)
{
  g_return_val_if_fail (ACCORDS_IS_MERGE_CONFLICT (self), NULL);
  return self->incoming_text;
}

AccordsMergeChoice
accords_merge_conflict_get_choice (AccordsMergeConflict *self)
{
  g_return_val_if_fail (ACCORDS_IS_MERGE_CONFLICT (self), ACCORDS_MERGE_UNRESOLVED);
  return self->choice;
}

void
accords_merge_conflict_set_choice (AccordsMergeConflict *self,
                                   AccordsMergeChoice    choice)
{
  g_return_if_fail (ACCORDS_IS_MERGE_CONFLICT (self));

  if (self->choice == choice)
    return;
  self->choice = choice;
  g_object_set_property (self->target, self->property,
                         choice == ACCORDS_MERGE_TAKE_INCOMING ? &self->incoming : &self->stored);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
}
