/* accords-item.c: a news item as the window shows it */
#define G_LOG_DOMAIN "accords-item"

#include "config.h"

#include "accords-item.h"
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

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);
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

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FEED_ID:
      g_value_set_int64 (value, self->feed_id);
      break;

    case PROP_FEED_TITLE:
    case PROP_GUID:
    case PROP_TITLE:
    case PROP_LINK:
    case PROP_AUTHOR:
    case PROP_PUBLISHED:
    case PROP_UPDATED:
    case PROP_SUMMARY_TEXT:
    case PROP_CONTENT_TEXT:
    case PROP_HTML:
    case PROP_ENCLOSURE:
      g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
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

static void
accords_item_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AccordsItem *self = ACCORDS_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_FEED_ID:
      if (self->feed_id != g_value_get_int64 (value))
        {
          self->feed_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_FEED_TITLE:
    case PROP_GUID:
    case PROP_TITLE:
    case PROP_LINK:
    case PROP_AUTHOR:
    case PROP_PUBLISHED:
    case PROP_UPDATED:
    case PROP_SUMMARY_TEXT:
    case PROP_CONTENT_TEXT:
    case PROP_HTML:
    case PROP_ENCLOSURE:
      if (accords_set_str (&self->strings[prop_id - FIRST_STRING], g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_CATEGORIES:
      {
        const char * const *categories = g_value_get_boxed (value);

        if (!(categories == NULL && self->categories == NULL) &&
            (categories == NULL || self->categories == NULL ||
             !g_strv_equal (categories, (const char * const *) self->categories)))
          {
            g_strfreev (self->categories);
            self->categories = g_strdupv ((char **) categories);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;

    case PROP_READ:
      if (self->read != g_value_get_boolean (value))
        {
          self->read = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_STARRED:
      if (self->starred != g_value_get_boolean (value))
        {
          self->starred = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  for (guint i = 0; i < N_STRINGS; i++)
    properties[FIRST_STRING + i] = g_param_spec_string (names[i], NULL, NULL, NULL, flags);
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

const char *
accords_item_get_feed_title (AccordsItem *self)
{
  return get_string (self, PROP_FEED_TITLE);
}

const char *
accords_item_get_guid (AccordsItem *self)
{
  return get_string (self, PROP_GUID);
}

const char *
accords_item_get_title (AccordsItem *self)
{
  return get_string (self, PROP_TITLE);
}

const char *
accords_item_get_link (AccordsItem *self)
{
  return get_string (self, PROP_LINK);
}

const char *
accords_item_get_author (AccordsItem *self)
{
  return get_string (self, PROP_AUTHOR);
}

const char *
accords_item_get_published (AccordsItem *self)
{
  return get_string (self, PROP_PUBLISHED);
}

const char *
accords_item_get_updated (AccordsItem *self)
{
  return get_string (self, PROP_UPDATED);
}

const char *
accords_item_get_summary_text (AccordsItem *self)
{
  return get_string (self, PROP_SUMMARY_TEXT);
}

const char *
accords_item_get_content_text (AccordsItem *self)
{
  return get_string (self, PROP_CONTENT_TEXT);
}

const char *
accords_item_get_html (AccordsItem *self)
{
  return get_string (self, PROP_HTML);
}

const char * const *
accords_item_get_categories (AccordsItem *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (ACCORDS_IS_ITEM (self), NULL);
  return self->categories ? (const char * const *) self->categories : none;
}

const char *
accords_item_get_enclosure (AccordsItem *self)
{
  return get_string (self, PROP_ENCLOSURE);
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
