/* accords-item.c: a news item as the window shows it */
#define G_LOG_DOMAIN "accords-item"

#include "config.h"

#include "accords-item.h"
#include "accords-string-slots.h"
#include "accords-util.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_FEED_ID,
  /* the string properties, in the order of their slots */
  PROP_FEED_TITLE,
  PROP_GUID,
  PROP_TITLE,
  PROP_LINK,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_UPDATED,
  PROP_SUMMARY_TEXT,
  PROP_CONTENT_TEXT,
  PROP_HTML,
  PROP_ENCLOSURE,
  PROP_CATEGORIES,
  PROP_READ,
  PROP_STARRED,
  N_PROPS
};

#define FIRST_STRING PROP_FEED_TITLE
#define N_STRINGS (PROP_ENCLOSURE - PROP_FEED_TITLE + 1)

struct _AccordsItem
{
  GObject   parent_instance;

  gint64    id;
  gint64    feed_id;
  char     *strings[N_STRINGS];
  char    **categories;
  gboolean  read;
  gboolean  starred;
};

G_DEFINE_FINAL_TYPE (AccordsItem, accords_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
accords_item_finalize (GObject *object)
{
  AccordsItem *self = (AccordsItem *) object;

  accords_string_slots_clear (self->strings, N_STRINGS);
  g_strfreev (self->categories);

  G_OBJECT_CLASS (accords_item_parent_class)->finalize (object);
}

static void
accords_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AccordsItem *self = ACCORDS_ITEM (object);

  if (accords_string_slots_get (self->strings, FIRST_STRING, N_STRINGS, prop_id, value))
    return;
  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FEED_ID:
      g_value_set_int64 (value, self->feed_id);
      break;

    case PROP_CATEGORIES:
      g_value_set_boxed (value, self->categories);
      break;

    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;

    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
set_int64 (gint64 *slot,
           gint64  value)
{
  if (*slot == value)
    return FALSE;
  *slot = value;
  return TRUE;
}

static gboolean
set_categories (AccordsItem        *self,
                const char * const *categories)
{
  if ((categories == NULL && self->categories == NULL) ||
      (categories != NULL && self->categories != NULL &&
       g_strv_equal (categories, (const char * const *) self->categories)))
    return FALSE;
  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) categories);
  return TRUE;
}

static void
accords_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AccordsItem *self = ACCORDS_ITEM (object);
  gboolean changed;

  if (accords_string_slots_set (object, self->strings, FIRST_STRING, N_STRINGS, prop_id, value, pspec))
    return;
  switch (prop_id)
    {
    case PROP_ID:
      changed = set_int64 (&self->id, g_value_get_int64 (value));
      break;

    case PROP_FEED_ID:
      changed = set_int64 (&self->feed_id, g_value_get_int64 (value));
      break;

    case PROP_CATEGORIES:
      changed = set_categories (self, g_value_get_boxed (value));
      break;

    case PROP_READ:
      changed = self->read != g_value_get_boolean (value);
      self->read = g_value_get_boolean (value);
      break;

    case PROP_STARRED:
      changed = self->starred != g_value_get_boolean (value);
      self->starred = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
accords_item_class_init (AccordsItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_STRINGS] = {
    "feed-title", "guid", "title", "link", "author", "published", "updated",
    "summary-text", "content-text", "html", "enclosure",
  };
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = accords_item_finalize;
  object_class->get_property = accords_item_get_property;
  object_class->set_property = accords_item_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_FEED_ID] = g_param_spec_int64 ("feed-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  accords_string_slots_install (properties, FIRST_STRING, names, N_STRINGS, NULL, G_PARAM_READWRITE);
  properties[PROP_CATEGORIES] = g_param_spec_boxed ("categories", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_READ] = g_param_spec_boolean ("read", NULL, NULL, FALSE, flags);
  properties[PROP_STARRED] = g_param_spec_boolean ("starred", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_item_init (AccordsItem *self)
{
}

AccordsItem *
accords_item_new (void)
{
  return g_object_new (ACCORDS_TYPE_ITEM, NULL);
}

gint64
accords_item_get_id (AccordsItem *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM (self), 0);
  return self->id;
}

gint64
accords_item_get_feed_id (AccordsItem *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM (self), 0);
  return self->feed_id;
}

static const char *
get_string (AccordsItem *self,
            guint        prop_id)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM (self), NULL);
  return accords_str_or_empty (self->strings[prop_id - FIRST_STRING]);
}

/* The string getters, each reading its slot */
#define STRING_GETTER(name, PROP)             \
  const char *                                \
  accords_item_get_##name (AccordsItem *self) \
  {                                           \
    return get_string (self, PROP);           \
  }

STRING_GETTER (feed_title, PROP_FEED_TITLE)
STRING_GETTER (guid, PROP_GUID)
STRING_GETTER (title, PROP_TITLE)
STRING_GETTER (link, PROP_LINK)
STRING_GETTER (author, PROP_AUTHOR)
STRING_GETTER (published, PROP_PUBLISHED)
STRING_GETTER (updated, PROP_UPDATED)
STRING_GETTER (summary_text, PROP_SUMMARY_TEXT)
STRING_GETTER (content_text, PROP_CONTENT_TEXT)
STRING_GETTER (html, PROP_HTML)
STRING_GETTER (enclosure, PROP_ENCLOSURE)

const char * const *
accords_item_get_categories (AccordsItem *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (ACCORDS_IS_ITEM (self), NULL);
  return self->categories ? (const char * const *) self->categories : none;
}

gboolean
accords_item_get_read (AccordsItem *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM (self), FALSE);
  return self->read;
}

gboolean
accords_item_get_starred (AccordsItem *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM (self), FALSE);
  return self->starred;
}
