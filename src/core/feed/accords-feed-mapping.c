/* accords-feed-mapping.c: items read from any XML where a mapping says they are, as a stream */
#define G_LOG_DOMAIN "accords-feed-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-error.h"
#include "accords-feed-mapping.h"
#include "accords-feed-parser-private.h"

#define MAX_SEGMENTS 16

typedef enum {
  F_ITEM,
  F_ID,
  F_TITLE,
  F_LINK,
  F_AUTHOR,
  F_PUBLISHED,
  F_UPDATED,
  F_SUMMARY,
  F_CONTENT,
  F_CATEGORY,
  F_ENCLOSURE,
  F_FEED_TITLE,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS + 1] = {
  "item", "id", "title", "link", "author", "published", "updated", "summary", "content", "category",
  "enclosure", "feed-title", NULL,
};

static const struct {
  Target target;
  Mode   mode;
} field_reads[N_FIELDS] = {
  [F_ITEM]      = { T_NONE,           MODE_TEXT },
  [F_ID]        = { T_ITEM_ID,        MODE_TEXT },
  [F_TITLE]     = { T_ITEM_TITLE,     MODE_AUTO },
  [F_LINK]      = { T_ITEM_LINK,      MODE_TEXT },
  [F_AUTHOR]    = { T_ITEM_AUTHOR,    MODE_AUTO },
  [F_PUBLISHED] = { T_ITEM_PUBLISHED, MODE_TEXT },
  [F_UPDATED]   = { T_ITEM_UPDATED,   MODE_TEXT },
  [F_SUMMARY]   = { T_ITEM_SUMMARY,   MODE_AUTO },
  [F_CONTENT]   = { T_ITEM_CONTENT,   MODE_AUTO },
  [F_CATEGORY]  = { T_ITEM_CATEGORY,  MODE_AUTO },
  [F_ENCLOSURE] = { T_ITEM_ENCLOSURE, MODE_TEXT },
  [F_FEED_TITLE] = { T_FEED_TITLE,    MODE_AUTO },
};

typedef struct {
  char   *text;                    /* as written */
  char  **segments;                /* the element names */
  guint   n_segments;
  char   *attribute;               /* NULL: the element's text */
} Path;

struct _AccordsFeedMapping {
  Path fields[N_FIELDS];           /* text NULL: unmapped */
};

const char * const *
accords_feed_mapping_fields (void)
{
  return field_names;
}

static void
path_clear (Path *path)
{
  g_clear_pointer (&path->text, g_free);
  g_clear_pointer (&path->segments, g_strfreev);
  g_clear_pointer (&path->attribute, g_free);
  path->n_segments = 0;
}

void
accords_feed_mapping_free (AccordsFeedMapping *mapping)
{
  if (mapping == NULL)
    return;
  for (guint i = 0; i < N_FIELDS; i++)
    path_clear (&mapping->fields[i]);
  g_free (mapping);
}

static gboolean
is_name (const char *s)
{
  if (*s == '\0' || g_ascii_isdigit (*s) || *s == '-' || *s == '.')
    return FALSE;
  for (; *s; s++)
    if (!(g_ascii_isalnum (*s) || *s == '_' || *s == '-' || *s == '.' || (guchar) *s >= 0x80))
      return FALSE;
  return TRUE;
}

/* "prefix:name" is read as name: the mapping names elements by local name */
static const char *
local_part (const char *s)
{
  const char *colon = strrchr (s, ':');
  return colon ? colon + 1 : s;
}

static gboolean
parse_path (const char  *field,
            const char  *text,
            Path        *path,
            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "/", -1);
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (part[0] == '@' && i == n - 1 && strcmp (field, "item") != 0)
        {
          if (!is_name (local_part (part + 1)))
            break;
          path->attribute = g_strdup (local_part (part + 1));
          continue;
        }
      if (strcmp (part, ".") == 0)
        continue;
      if (!is_name (local_part (part)))
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("the path “%s” of %s is not a path of element names, optionally ending in @attribute"),
                       text, field);
          return FALSE;
        }
      g_ptr_array_add (segments, g_strdup (local_part (part)));
    }
  if (segments->len > MAX_SEGMENTS || (segments->len == 0 && path->attribute == NULL))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                   _("the path “%s” of %s is not a path of element names, optionally ending in @attribute"),
                   text, field);
      return FALSE;
    }
  path->n_segments = segments->len;
  g_ptr_array_add (segments, NULL);
  path->segments = (char **) g_ptr_array_free (g_steal_pointer (&segments), FALSE);
  path->text = g_strdup (text);
  return TRUE;
}

AccordsFeedMapping *
accords_feed_mapping_parse (const char  *text,
                            GError     **error)
{
  g_autoptr(AccordsFeedMapping) mapping = g_new0 (AccordsFeedMapping, 1);
  g_auto(GStrv) pairs = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  pairs = g_strsplit (text, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *pair = g_strstrip (pairs[i]);
      char *eq = strchr (pair, '=');
      const char *key, *value;
      guint f;

      if (*pair == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("“%s” in the mapping is not field=path"), pair);
          return NULL;
        }
      *eq = '\0';
      key = g_strstrip (pair);
      value = g_strstrip (eq + 1);
      for (f = 0; f < N_FIELDS; f++)
        if (strcmp (key, field_names[f]) == 0)
          break;
      if (f == N_FIELDS)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) field_names);
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("the mapping names “%s”, which is not a field (the fields are %s)"), key, known);
          return NULL;
        }
      if (mapping->fields[f].text != NULL)
        {
          g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("the mapping gives %s twice"), key);
          return NULL;
        }
      if (!parse_path (key, value, &mapping->fields[f], error))
        return NULL;
    }

  if (mapping->fields[F_ITEM].text == NULL)
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                           _("the mapping does not say which element is an item (item=…)"));
      return NULL;
    }
  for (guint f = F_ITEM + 1; f < F_FEED_TITLE; f++)
    if (mapping->fields[f].text != NULL)
      return g_steal_pointer (&mapping);
  g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID,
                       _("the mapping names no field of the item (title=…, link=…, …)"));
  return NULL;
}

AccordsFeedMapping *
accords_feed_mapping_copy (const AccordsFeedMapping *mapping)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (mapping != NULL, NULL);
  text = accords_feed_mapping_to_string (mapping);
  return accords_feed_mapping_parse (text, NULL);
}

char *
accords_feed_mapping_to_string (const AccordsFeedMapping *mapping)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (mapping != NULL, NULL);
  for (guint f = 0; f < N_FIELDS; f++)
    if (mapping->fields[f].text != NULL)
      g_string_append_printf (s, "%s%s=%s", s->len > 0 ? ";" : "", field_names[f], mapping->fields[f].text);
  return g_string_free (s, FALSE);
}

const char *
accords_feed_mapping_get_path (const AccordsFeedMapping *mapping,
                               const char               *field)
{
  g_return_val_if_fail (mapping != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    if (strcmp (field, field_names[f]) == 0)
      return mapping->fields[f].text;
  return NULL;
}

char *
accords_feed_mapping_key (const char *name,
                          const char *ns)
{
  return g_strdup_printf ("feed-mapping {%s}%s", ns ? ns : "", name ? name : "");
}

/* ------------------------------------------------------------- reading */

typedef struct {
  int    item_frame;        /* the item's frame, -1 outside one */
  guint  n_matched;         /* elements the item path matched */
  guint  n_fields_found;    /* field values read, over all items */
  guint  n_fields_before;   /* the same when the item began */
  guint  n_empty;           /* items in which no field was found */
} MappingState;

/* Whether the names of frames [from, from + n) are path's */
static gboolean
frames_match (Parser     *p,
              int         from,
              const Path *path)
{
  for (guint i = 0; i < path->n_segments; i++)
    if (strcmp (p->frames[from + i].name, path->segments[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
field_is_set (Parser *p,
              Field   f)
{
  AccordsFeedEntry *e = p->entry;

  switch (f)
    {
    case F_ID: return e->id != NULL && *e->id != '\0';
    case F_TITLE: return e->title != NULL && *e->title != '\0';
    case F_LINK: return e->link != NULL && *e->link != '\0';
    case F_PUBLISHED: return e->published != NULL;
    case F_UPDATED: return e->updated != NULL;
    case F_SUMMARY: return p->summary.raw != NULL;
    case F_CONTENT: return p->content.raw != NULL;
    case F_ENCLOSURE: return e->enclosure != NULL;
    case F_FEED_TITLE: return TRUE;   /* read outside the items */
    case F_AUTHOR:
    case F_CATEGORY:
    default:
      return FALSE;   /* each one found counts */
    }
}

/* The fields whose path ends at the element on top (relative depth):
 * attributes first, then the one field that takes the element's text */
static void
read_fields (Parser       *p,
             MappingState *st,
             guint         depth)
{
  const AccordsFeedMapping *m = p->mapping;

  for (guint f = F_ITEM + 1; f < N_FIELDS; f++)
    {
      const Path *path = &m->fields[f];
      g_autofree char *value = NULL;

      if (path->text == NULL || path->attribute == NULL || path->n_segments != depth || field_is_set (p, f) ||
          !frames_match (p, st->item_frame + 1, path))
        continue;
      value = accords_feed_parser_get_attribute (p, path->attribute);
      if (value != NULL && *g_strstrip (value) != '\0')
        {
          accords_feed_set_from_text (p, field_reads[f].target, field_reads[f].mode, value);
          st->n_fields_found++;
        }
    }
  if (depth == 0)
    return;
  for (guint f = F_ITEM + 1; f < N_FIELDS; f++)
    {
      const Path *path = &m->fields[f];

      if (path->text == NULL || path->attribute != NULL || path->n_segments != depth || field_is_set (p, f) ||
          !frames_match (p, st->item_frame + 1, path))
        continue;
      st->n_fields_found++;
      accords_feed_begin_capture (p, field_reads[f].target, field_reads[f].mode);
      return;
    }
}

/* feed-title: a path from the root, outside the items */
static void
read_feed_title (Parser *p)
{
  const Path *path = &p->mapping->fields[F_FEED_TITLE];
  AccordsFeedInfo *info = p->info;

  if (path->text == NULL || (guint) p->n_frames - 1 != path->n_segments || !frames_match (p, 1, path) ||
      (info->title != NULL && *info->title != '\0'))
    return;
  if (path->attribute != NULL)
    {
      g_autofree char *value = accords_feed_parser_get_attribute (p, path->attribute);

      if (value != NULL && *g_strstrip (value) != '\0')
        accords_feed_set_from_text (p, T_FEED_TITLE, MODE_AUTO, value);
    }
  else if (path->n_segments > 0)
    accords_feed_begin_capture (p, T_FEED_TITLE, MODE_AUTO);
}

static gboolean
mapping_start (Parser     *p,
               const char *ns,
               const char *name,
               Role        parent_role,
               gboolean    empty)
{
  MappingState *st = p->format_data;
  const Path *item = &p->mapping->fields[F_ITEM];
  int top = p->n_frames - 1;

  if (st->item_frame < 0)
    {
      if ((guint) p->n_frames < item->n_segments || !frames_match (p, p->n_frames - item->n_segments, item))
        {
          read_feed_title (p);
          return TRUE;
        }
      st->item_frame = top;
      st->n_matched++;
      st->n_fields_before = st->n_fields_found;
      accords_feed_parser_top (p)->role = ROLE_ITEM;
      accords_feed_parser_begin_item (p);
      read_fields (p, st, 0);   /* its attributes */
      return TRUE;
    }
  read_fields (p, st, top - st->item_frame);
  return TRUE;
}

static void
mapping_end (Parser *p,
             Frame  *f)
{
  MappingState *st = p->format_data;

  if (st->item_frame >= 0 && f == &p->frames[st->item_frame])
    {
      st->item_frame = -1;
      if (st->n_fields_found == st->n_fields_before)
        {
          /* Matched the item path but held none of its fields */
          st->n_empty++;
          f->role = ROLE_OTHER;
          g_clear_pointer (&p->entry, accords_feed_entry_free);
        }
    }
}

static gboolean
mapping_finish (Parser  *p,
                GError **error)
{
  MappingState *st = p->format_data;
  const AccordsFeedMapping *m = p->mapping;

  if (st->n_matched == 0)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                   _("the mapping matches nothing: the file has no <%s> element (its root is <%s>)"),
                   m->fields[F_ITEM].text, p->root_name ? p->root_name : "");
      return FALSE;
    }
  if (p->info->n_items == 0)
    {
      g_autofree char *mapping = accords_feed_mapping_to_string (m);
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_A_FEED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the mapping matches nothing: the %u <%s> element holds none of the fields of %s",
                                "the mapping matches nothing: none of the %u <%s> elements holds a field of %s",
                                st->n_matched),
                   st->n_matched, m->fields[F_ITEM].text, mapping);
      return FALSE;
    }
  return TRUE;
}

static const Format mapping_format = {
  mapping_start, mapping_end, mapping_finish, g_free,
};

void
accords_feed_mapping_begin (Parser *p)
{
  MappingState *st = g_new0 (MappingState, 1);

  st->item_frame = -1;
  p->format = &mapping_format;
  p->format_data = st;
  p->info->format = g_strdup ("mapped");
  /* The root may itself be the item */
  mapping_start (p, NULL, p->root_name, ROLE_OTHER, FALSE);
  if (accords_feed_parser_top (p)->role == ROLE_ROOT)
    accords_feed_parser_top (p)->role = ROLE_OTHER;
}

/* -------------------------------------------------------------- guessing */

#define GUESS_ELEMENTS   5000
#define GUESS_MAX_DEPTH  3     /* where an item may be, the root at 0 */

typedef struct {
  guint       count;
  GHashTable *paths;           /* relative paths seen under it: set */
  GPtrArray  *order;           /* the same, in document order */
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_hash_table_unref (c->paths);
  g_ptr_array_unref (c->order);
  g_free (c);
}

static void
candidate_add (Candidate  *c,
               const char *path)
{
  if (g_hash_table_contains (c->paths, path))
    return;
  g_hash_table_add (c->paths, g_strdup (path));
  g_ptr_array_add (c->order, g_strdup (path));
}

/* The first path whose last step (element or attribute) holds one of words */
static const char *
pick_path (Candidate          *c,
           const char * const *words,
           gboolean            attributes,
           gboolean            deep_first)
{
  for (guint w = 0; words[w] != NULL; w++)
    for (guint d = 1; d <= 2; d++)
      for (guint i = 0, depth = deep_first ? 3 - d : d; i < c->order->len; i++)
        {
          const char *path = c->order->pdata[i];
          const char *slash = strrchr (path, '/');
          const char *last = slash ? slash + 1 : path;
          guint n = 1;
          g_autofree char *lower = NULL;

          for (const char *s = path; *s; s++)
            n += *s == '/';
          if ((last[0] == '@') != attributes || n != depth)
            continue;
          lower = g_ascii_strdown (last[0] == '@' ? last + 1 : last, -1);
          if (strstr (lower, words[w]) != NULL)
            return path;
        }
  return NULL;
}

AccordsFeedMapping *
accords_feed_mapping_guess (GInputStream  *stream,
                            GCancellable  *cancellable,
                            GError       **error)
{
  static const struct {
    const char *field;
    const char *words[8];
  } hints[] = {
    { "title",     { "headline", "title", "heading", "subject", "name", NULL } },
    { "link",      { "link", "url", "href", "loc", "permalink", NULL } },
    { "published", { "published", "pubdate", "issued", "created", "date", "time", NULL } },
    { "summary",   { "summary", "lead", "description", "abstract", "teaser", "intro", NULL } },
    { "content",   { "body", "content", "text", NULL } },
    { "author",    { "author", "creator", "byline", NULL } },
    { "category",  { "category", "tag", "keyword", "topic", NULL } },
    { "id",        { "guid", "id", NULL } },
  };
  g_autoptr(AccordsFeedInput) input = accords_feed_input_new (stream, cancellable);
  g_autoptr(GHashTable) candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) candidate_free);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *names[GUESS_MAX_DEPTH + 3] = { NULL };
  Candidate *item = NULL;
  const char *item_name = NULL;
  xmlTextReaderPtr reader;
  guint n_elements = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = xmlReaderForIO (accords_feed_input_read, NULL, input, NULL, NULL,
                           XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING |
                           XML_PARSE_NOERROR | XML_PARSE_COMPACT | XML_PARSE_NOCDATA);
  if (reader == NULL)
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_FAILED, _("The XML reader could not be created"));
      return NULL;
    }
  while (n_elements < GUESS_ELEMENTS && xmlTextReaderRead (reader) == 1)
    {
      int depth = xmlTextReaderDepth (reader);
      const char *name;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT || depth > GUESS_MAX_DEPTH + 2)
        continue;
      n_elements++;
      name = (const char *) xmlTextReaderConstLocalName (reader);
      names[depth] = name;
      if (depth >= 1 && depth <= GUESS_MAX_DEPTH)
        {
          Candidate *c = g_hash_table_lookup (candidates, name);

          if (c == NULL)
            {
              c = g_new0 (Candidate, 1);
              c->paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              c->order = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (candidates, g_strdup (name), c);
            }
          c->count++;
        }
      /* This element, and its attributes, as paths under its ancestors */
      for (int up = 1; up <= 2; up++)
        {
          int at = depth - up;
          Candidate *c;

          if (at < 1 || at > GUESS_MAX_DEPTH || (c = g_hash_table_lookup (candidates, names[at])) == NULL)
            continue;
          g_string_truncate (text, 0);
          for (int i = at + 1; i <= depth; i++)
            g_string_append_printf (text, "%s%s", i > at + 1 ? "/" : "", names[i]);
          candidate_add (c, text->str);
          while (xmlTextReaderMoveToNextAttribute (reader) == 1)
            if (xmlTextReaderIsNamespaceDecl (reader) != 1)
              {
                g_autofree char *path = g_strdup_printf ("%s/@%s", text->str,
                                                         (const char *) xmlTextReaderConstLocalName (reader));
                candidate_add (c, path);
              }
          xmlTextReaderMoveToElement (reader);
        }
      if (depth >= 1 && depth <= GUESS_MAX_DEPTH)
        {
          Candidate *c = g_hash_table_lookup (candidates, name);

          while (xmlTextReaderMoveToNextAttribute (reader) == 1)
            if (xmlTextReaderIsNamespaceDecl (reader) != 1)
              {
                g_autofree char *path = g_strdup_printf ("@%s", (const char *) xmlTextReaderConstLocalName (reader));
                candidate_add (c, path);
              }
          xmlTextReaderMoveToElement (reader);
        }
    }
  xmlFreeTextReader (reader);

  if (accords_feed_input_get_error (input) != NULL)
    {
      g_propagate_error (error, g_error_copy (accords_feed_input_get_error (input)));
      return NULL;
    }

  /* The element that repeats most and has elements in it */
  g_hash_table_iter_init (&iter, candidates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Candidate *c = value;
      gboolean has_children = FALSE;

      for (guint i = 0; i < c->order->len && !has_children; i++)
        has_children = ((const char *) c->order->pdata[i])[0] != '@';
      if (c->count >= 2 && has_children &&
          (item == NULL || c->count > item->count || (c->count == item->count && strcmp (key, item_name) < 0)))
        {
          item = c;
          item_name = key;
        }
    }
  if (item == NULL)
    {
      g_set_error_literal (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND,
                           _("no element repeats near the root: name the item yourself"));
      return NULL;
    }

  {
    g_autoptr(GString) mapping = g_string_new (NULL);
    g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);

    g_string_append_printf (mapping, "item=%s", item_name);
    for (guint h = 0; h < G_N_ELEMENTS (hints); h++)
      {
        /* Categories are the elements inside a list of them: tags/tag */
        gboolean several = strcmp (hints[h].field, "category") == 0;
        const char *path = pick_path (item, hints[h].words, FALSE, several);

        /* Dates and ids are as often attributes: meta/@date, @id */
        if ((path == NULL || g_hash_table_contains (used, path)) &&
            (strcmp (hints[h].field, "published") == 0 || strcmp (hints[h].field, "id") == 0 ||
             strcmp (hints[h].field, "link") == 0))
          path = pick_path (item, hints[h].words, TRUE, FALSE);
        if (path == NULL || g_hash_table_contains (used, path))
          continue;
        g_hash_table_add (used, (gpointer) path);
        g_string_append_printf (mapping, ";%s=%s", hints[h].field, path);
      }
    return accords_feed_mapping_parse (mapping->str, error);
  }
}
