/* accords-item-link.c: a news item linked to an agreement, as the agreement's Sources list shows it */
#define G_LOG_DOMAIN "accords-item-link"

#include "config.h"

#include "accords-item-link.h"
#include "accords-util.h"

struct _AccordsItemLink
{
  GObject parent_instance;

  gint64  item_id;
  char   *agreement;
  char   *title;
  char   *feed_title;
  char   *published;
  char   *link;
  double  score;
  char   *method;
  char   *reason;
  char   *signal;
  char   *state;
};

G_DEFINE_FINAL_TYPE (AccordsItemLink, accords_item_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM_ID,
  PROP_AGREEMENT,
  PROP_TITLE,
  PROP_FEED_TITLE,
  PROP_PUBLISHED,
  PROP_LINK,
  PROP_SCORE,
  PROP_METHOD,
  PROP_REASON,
  PROP_SIGNAL,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The string members, by property */
static char **
string_member (AccordsItemLink *self,
               guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_AGREEMENT: return &self->agreement;
    case PROP_TITLE: return &self->title;
    case PROP_FEED_TITLE: return &self->feed_title;
    case PROP_PUBLISHED: return &self->published;
    case PROP_LINK: return &self->link;
    case PROP_METHOD: return &self->method;
    case PROP_REASON: return &self->reason;
    case PROP_SIGNAL: return &self->signal;
    case PROP_STATE: return &self->state;
    default: return NULL;
    }
}

static void
accords_item_link_finalize (GObject *object)
{
  AccordsItemLink *self = (AccordsItemLink *) object;

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    {
      char **member = string_member (self, i);

      if (member != NULL)
        g_free (*member);
    }

  G_OBJECT_CLASS (accords_item_link_parent_class)->finalize (object);
}

static void
accords_item_link_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordsItemLink *self = ACCORDS_ITEM_LINK (object);
  char **member = string_member (self, prop_id);

  if (member != NULL)
    {
      g_value_set_string (value, accords_str_or_empty (*member));
      return;
    }
  switch (prop_id)
    {
    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;

    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_item_link_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordsItemLink *self = ACCORDS_ITEM_LINK (object);
  char **member;

  if (prop_id == PROP_STATE)
    {
      accords_item_link_set_state (self, g_value_get_string (value));
      return;
    }
  member = string_member (self, prop_id);
  if (member != NULL)
    {
      accords_set_str (member, g_value_get_string (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_ITEM_ID:
      self->item_id = g_value_get_int64 (value);
      break;

    case PROP_SCORE:
      self->score = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_item_link_class_init (AccordsItemLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  static const struct {
    guint       prop_id;
    const char *name;
  } strings[] = {
    { PROP_AGREEMENT, "agreement" },
    { PROP_TITLE, "title" },
    { PROP_FEED_TITLE, "feed-title" },
    { PROP_PUBLISHED, "published" },
    { PROP_LINK, "link" },
    { PROP_METHOD, "method" },
    { PROP_REASON, "reason" },
    { PROP_SIGNAL, "signal" },
  };

  object_class->finalize = accords_item_link_finalize;
  object_class->get_property = accords_item_link_get_property;
  object_class->set_property = accords_item_link_set_property;

  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0, construct);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0, construct);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    properties[strings[i].prop_id] = g_param_spec_string (strings[i].name, NULL, NULL, NULL, construct);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "suggested",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_item_link_init (AccordsItemLink *self)
{
  self->state = g_strdup ("suggested");
}

gint64
accords_item_link_get_item_id (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), 0);
  return self->item_id;
}

const char *
accords_item_link_get_agreement (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return accords_str_or_empty (self->agreement);
}

const char *
accords_item_link_get_title (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return accords_str_or_empty (self->title);
}

const char *
accords_item_link_get_feed_title (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return accords_str_or_empty (self->feed_title);
}

const char *
accords_item_link_get_published (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return accords_str_or_empty (self->published);
}

const char *
accords_item_link_get_link (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return accords_str_or_empty (self->link);
}

double
accords_item_link_get_score (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), 0.0);
  return self->score;
}

const char *
accords_item_link_get_method (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return accords_str_or_empty (self->method);
}

const char *
accords_item_link_get_reason (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return accords_str_or_empty (self->reason);
}

const char *
accords_item_link_get_signal (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return accords_str_or_empty (self->signal);
}

const char *
accords_item_link_get_state (AccordsItemLink *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (self), NULL);
  return self->state;
}

void
accords_item_link_set_state (AccordsItemLink *self,
                             const char      *state)
{
  g_return_if_fail (ACCORDS_IS_ITEM_LINK (self));

  if (accords_str_empty (state))
    state = "suggested";
  if (accords_set_str (&self->state, state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}
