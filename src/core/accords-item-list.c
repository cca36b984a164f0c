/* accords-item-list.c: news items as a lazy GListModel over the store, for 100,000 rows and more */
#define G_LOG_DOMAIN "accords-item-list"

#include "config.h"

#include "accords-item-list.h"
#include "accords-store-items.h"
#include "accords-util.h"

/* Rows are read PAGE_SIZE at a time; MAX_PAGES pages stay in memory */
#define PAGE_SIZE 128
#define MAX_PAGES 32

struct _AccordsItemList
{
  GObject          parent_instance;

  AccordsContext  *context;
  char            *search;
  gint64           feed_id;
  char            *country;
  char            *agreement;
  char            *since;
  char            *until;
  AccordsItemLinked linked;
  AccordsItemSort  sort;
  gboolean         descending;

  GArray          *ids;      /* gint64, in order */
  GHashTable      *pages;    /* page number -> GPtrArray of AccordsItem */
  GQueue           recent;   /* page numbers, most recent first */
};

static void accords_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordsItemList, accords_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, accords_item_list_model_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
accords_item_list_get_item_type (GListModel *model)
{
  return ACCORDS_TYPE_ITEM;
}

static guint
accords_item_list_get_n_items (GListModel *model)
{
  AccordsItemList *self = ACCORDS_ITEM_LIST (model);

  return self->ids->len;
}

static void
forget_pages (AccordsItemList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

static GPtrArray *
load_page (AccordsItemList *self,
           guint            page)
{
  AccordsStore *store = accords_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  GPtrArray *items;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);
  const gint64 *ids = &g_array_index (self->ids, gint64, start);
  guint k = 0;

  loaded = accords_store_load_items (store, ids, n, &error);
  if (loaded == NULL)
    g_warning ("Reading news items: %s", error->message);

  /* One item per id, in order; an id deleted since the list was read
   * stands as an empty item until the list follows the store. */
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      if (loaded != NULL && k < loaded->len && accords_item_get_id (loaded->pdata[k]) == ids[i])
        g_ptr_array_add (items, g_object_ref (loaded->pdata[k++]));
      else
        g_ptr_array_add (items, g_object_new (ACCORDS_TYPE_ITEM, "id", ids[i], NULL));
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->recent) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
  return items;
}

static gpointer
accords_item_list_get_item (GListModel *model,
                            guint       position)
{
  AccordsItemList *self = ACCORDS_ITEM_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->ids->len)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);
  else if (g_queue_peek_head (&self->recent) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
    }
  return g_object_ref (items->pdata[position - page * PAGE_SIZE]);
}

static void
accords_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = accords_item_list_get_item_type;
  iface->get_n_items = accords_item_list_get_n_items;
  iface->get_item = accords_item_list_get_item;
}

static void
store_changed_cb (AccordsStore    *store,
                  guint            what,
                  AccordsItemList *self)
{
  if (what & (ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_FEEDS))
    accords_item_list_refresh (self);
  else if ((what & ACCORDS_STORE_CHANGE_LINKS) && (self->country != NULL || self->agreement != NULL))
    accords_item_list_refresh (self);
}

static void
accords_item_list_constructed (GObject *object)
{
  AccordsItemList *self = (AccordsItemList *) object;

  G_OBJECT_CLASS (accords_item_list_parent_class)->constructed (object);

  g_signal_connect_object (accords_context_get_store (self->context), "changed",
                           G_CALLBACK (store_changed_cb), self, 0);
  accords_item_list_refresh (self);
}

static void
accords_item_list_dispose (GObject *object)
{
  AccordsItemList *self = (AccordsItemList *) object;

  forget_pages (self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_item_list_parent_class)->dispose (object);
}

static void
accords_item_list_finalize (GObject *object)
{
  AccordsItemList *self = (AccordsItemList *) object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_free (self->search);
  g_free (self->country);
  g_free (self->agreement);
  g_free (self->since);
  g_free (self->until);

  G_OBJECT_CLASS (accords_item_list_parent_class)->finalize (object);
}

static void
accords_item_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AccordsItemList *self = ACCORDS_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_item_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AccordsItemList *self = ACCORDS_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_item_list_class_init (AccordsItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = accords_item_list_constructed;
  object_class->dispose = accords_item_list_dispose;
  object_class->finalize = accords_item_list_finalize;
  object_class->get_property = accords_item_list_get_property;
  object_class->set_property = accords_item_list_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ACCORDS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_item_list_init (AccordsItemList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->sort = ACCORDS_ITEM_SORT_DATE;
  self->descending = TRUE;
  g_queue_init (&self->recent);
}

AccordsItemList *
accords_item_list_new (AccordsContext *context)
{
  g_return_val_if_fail (ACCORDS_IS_CONTEXT (context), NULL);

  return g_object_new (ACCORDS_TYPE_ITEM_LIST, "context", context, NULL);
}

void
accords_item_list_refresh (AccordsItemList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;
  guint old_n;

  g_return_if_fail (ACCORDS_IS_ITEM_LIST (self));

  {
    AccordsItemFilter filter = { self->search, self->feed_id, self->country, self->agreement,
                                 self->since, self->until, self->linked };

    ids = accords_store_query_item_ids_filtered (accords_context_get_store (self->context), &filter,
                                                 self->sort, self->descending, 0, &error);
  }
  if (ids == NULL)
    {
      g_warning ("Reading news items: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  old_n = self->ids->len;
  g_array_unref (self->ids);
  self->ids = ids;
  forget_pages (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, ids->len);
  if (old_n != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
accords_item_list_set_search (AccordsItemList *self,
                              const char      *query)
{
  g_return_if_fail (ACCORDS_IS_ITEM_LIST (self));

  if (accords_set_str (&self->search, query))
    accords_item_list_refresh (self);
}

void
accords_item_list_set_feed (AccordsItemList *self,
                            gint64           feed_id)
{
  g_return_if_fail (ACCORDS_IS_ITEM_LIST (self));

  if (self->feed_id != feed_id)
    {
      self->feed_id = feed_id;
      accords_item_list_refresh (self);
    }
}

void
accords_item_list_set_sort (AccordsItemList *self,
                            AccordsItemSort  sort,
                            gboolean         descending)
{
  g_return_if_fail (ACCORDS_IS_ITEM_LIST (self));

  if (self->sort != sort || self->descending != descending)
    {
      self->sort = sort;
      self->descending = descending;
      accords_item_list_refresh (self);
    }
}

void
accords_item_list_set_country (AccordsItemList *self,
                               const char      *country)
{
  g_return_if_fail (ACCORDS_IS_ITEM_LIST (self));

  if (accords_str_empty (country))
    country = NULL;
  if (accords_set_str (&self->country, country))
    accords_item_list_refresh (self);
}

const char *
accords_item_list_get_country (AccordsItemList *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LIST (self), NULL);
  return self->country;
}

void
accords_item_list_set_agreement (AccordsItemList *self,
                                 const char      *slug)
{
  g_return_if_fail (ACCORDS_IS_ITEM_LIST (self));

  if (accords_str_empty (slug))
    slug = NULL;
  if (accords_set_str (&self->agreement, slug))
    accords_item_list_refresh (self);
}

const char *
accords_item_list_get_agreement (AccordsItemList *self)
{
  g_return_val_if_fail (ACCORDS_IS_ITEM_LIST (self), NULL);
  return self->agreement;
}

void
accords_item_list_set_dates (AccordsItemList *self,
                             const char      *since,
                             const char      *until)
{
  gboolean changed;

  g_return_if_fail (ACCORDS_IS_ITEM_LIST (self));

  changed = accords_set_str (&self->since, accords_str_empty (since) ? NULL : since);
  changed |= accords_set_str (&self->until, accords_str_empty (until) ? NULL : until);
  if (changed)
    accords_item_list_refresh (self);
}

void
accords_item_list_set_linked (AccordsItemList   *self,
                              AccordsItemLinked  linked)
{
  g_return_if_fail (ACCORDS_IS_ITEM_LIST (self));

  if (self->linked == linked)
    return;
  self->linked = linked;
  accords_item_list_refresh (self);
}

guint
accords_item_list_find_position (AccordsItemList *self,
                                 gint64           item_id)
{
  const gint64 *ids;

  g_return_val_if_fail (ACCORDS_IS_ITEM_LIST (self), G_MAXUINT);

  /* the ids are in display order, not by value: a scan of a flat array,
   * a fraction of a millisecond for 100,000 */
  ids = (const gint64 *) self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == item_id)
      return i;
  return G_MAXUINT;
}
