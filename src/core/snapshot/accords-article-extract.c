/* accords-article-extract.c: the readable text and metadata of a news page, pure */
#define G_LOG_DOMAIN "accords-article-extract"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "accords-article-extract.h"
#include "accords-error.h"

/* A paragraph shorter than this says too little to vote for its block */
#define MIN_PARAGRAPH_CHARS 25

typedef struct {
  char     *ld_title, *ld_byline, *ld_publisher, *ld_published;
  char     *og_title, *og_site, *meta_author, *meta_published, *doc_title, *dom_byline;
  gboolean  paywalled;
  GHashTable *scores;      /* xmlNode * -> double * */
} Extract;

void
accords_article_free (AccordsArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->title);
  g_free (article->byline);
  g_free (article->publisher);
  g_free (article->published);
  g_free (article->text);
  g_free (article);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* Runs of white space (no-break spaces too) become one space, trimmed */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text;

  if (content == NULL)
    return g_strdup ("");
  text = g_utf8_make_valid ((const char *) content, -1);
  xmlFree (content);
  {
    char *collapsed = collapse_space (text);
    g_free (text);
    return collapsed;
  }
}

static void
set_once (char       **slot,
          const char  *value)
{
  g_autofree char *clean = NULL;

  if (*slot != NULL || value == NULL)
    return;
  clean = collapse_space (value);
  if (*clean != '\0')
    *slot = g_steal_pointer (&clean);
}

/* JSON-LD */

static const char *const article_types[] = {
  "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
  "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "Report", NULL
};

static gboolean
has_article_type (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return g_strv_contains (article_types, json_node_get_string (type));
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
              g_strv_contains (article_types, json_node_get_string (element)))
            return TRUE;
        }
    }
  return FALSE;
}

/* A string, or an object's "name", or the names of an array's elements */
static char *
ld_names (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_has_member (object, "name"))
        return ld_names (json_object_get_member (object, "name"));
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          char *name = ld_names (json_array_get_element (array, i));

          if (name != NULL && *name != '\0')
            g_ptr_array_add (names, name);
          else
            g_free (name);
        }
      if (names->len == 0)
        return NULL;
      g_ptr_array_add (names, NULL);
      return g_strjoinv (", ", (char **) names->pdata);
    }
  return NULL;
}

static void
ld_read_article (Extract    *x,
                 JsonObject *object)
{
  g_autofree char *title = NULL, *byline = NULL, *publisher = NULL, *published = NULL;

  title = ld_names (json_object_get_member (object, "headline"));
  if (title == NULL)
    title = ld_names (json_object_get_member (object, "name"));
  byline = ld_names (json_object_get_member (object, "author"));
  publisher = ld_names (json_object_get_member (object, "publisher"));
  published = ld_names (json_object_get_member (object, "datePublished"));
  set_once (&x->ld_title, title);
  set_once (&x->ld_byline, byline);
  set_once (&x->ld_publisher, publisher);
  set_once (&x->ld_published, published);

  if (json_object_has_member (object, "isAccessibleForFree"))
    {
      JsonNode *free_node = json_object_get_member (object, "isAccessibleForFree");

      if (JSON_NODE_HOLDS_VALUE (free_node))
        {
          GType type = json_node_get_value_type (free_node);

          if ((type == G_TYPE_BOOLEAN && !json_node_get_boolean (free_node)) ||
              (type == G_TYPE_STRING && g_ascii_strcasecmp (json_node_get_string (free_node), "false") == 0))
            x->paywalled = TRUE;
        }
    }
}

static void
ld_walk (Extract  *x,
         JsonNode *node,
         guint     depth)
{
  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        ld_walk (x, json_array_get_element (array, i), depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (has_article_type (object))
        ld_read_article (x, object);
      if (json_object_has_member (object, "@graph"))
        ld_walk (x, json_object_get_member (object, "@graph"), depth + 1);
    }
}

static void
read_json_ld (Extract *x,
              xmlNode *script)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  xmlChar *content = xmlNodeGetContent (script);

  /* A broken block is the page's problem, not a failure of the snapshot */
  if (content != NULL && json_parser_load_from_data (parser, (const char *) content, -1, NULL))
    ld_walk (x, json_parser_get_root (parser), 0);
  xmlFree (content);
}

/* <head> and the rest of the page's metadata */

static void
read_meta (Extract *x,
           xmlNode *meta)
{
  g_autofree char *key = get_attr (meta, "property");
  g_autofree char *content = get_attr (meta, "content");

  if (key == NULL)
    key = get_attr (meta, "name");
  if (key == NULL)
    key = get_attr (meta, "itemprop");
  if (key == NULL || content == NULL)
    return;

  if (g_ascii_strcasecmp (key, "og:title") == 0)
    set_once (&x->og_title, content);
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
    set_once (&x->og_site, content);
  else if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "byl") == 0 ||
           (g_ascii_strcasecmp (key, "article:author") == 0 && !g_str_has_prefix (content, "http")))
    {
      const char *name = content;

      if (g_ascii_strncasecmp (name, "by ", 3) == 0)
        name += 3;
      set_once (&x->meta_author, name);
    }
  else if (g_ascii_strcasecmp (key, "article:published_time") == 0 ||
           g_ascii_strcasecmp (key, "datePublished") == 0 ||
           g_ascii_strcasecmp (key, "date") == 0 ||
           g_ascii_strcasecmp (key, "pubdate") == 0 ||
           g_ascii_strcasecmp (key, "publish-date") == 0 ||
           g_ascii_strcasecmp (key, "dc.date") == 0)
    set_once (&x->meta_published, content);
}

static gboolean
class_or_id_matches (xmlNode            *node,
                     const char * const *words)
{
  g_autofree char *klass = get_attr (node, "class");
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *joined = g_strjoin (" ", klass ? klass : "", id ? id : "", NULL);
  g_autofree char *both = g_ascii_strdown (joined, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (both, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Advertising slots: a class "ad", "ads" or "ad-something" */
static gboolean
is_ad_slot (xmlNode *node)
{
  g_autofree char *klass = get_attr (node, "class");
  g_auto(GStrv) tokens = NULL;

  if (klass == NULL)
    return FALSE;
  tokens = g_strsplit_set (klass, " \t\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], "ad") == 0 || g_ascii_strcasecmp (tokens[i], "ads") == 0 ||
        g_ascii_strncasecmp (tokens[i], "ad-", 3) == 0)
      return TRUE;
  return FALSE;
}

static const char *const positive_words[] = {
  "article", "body", "content", "entry", "main", "post", "story", "text", NULL
};
/* Gone whatever else the class says */
static const char *const removed_words[] = {
  "comment", "paywall", "subscribe", "newsletter", "cookie", "share", "social", "related",
  "promo", "advert", "sponsor", "breadcrumb", "popup", "modal", "disqus", "signup", NULL
};
/* Gone unless the class also says it holds the article */
static const char *const unlikely_words[] = {
  "nav", "menu", "sidebar", "footer", "header", "banner", "masthead", "widget", "toolbar", "meta", NULL
};
static const char *const removed_tags[] = {
  "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
  "svg", "button", "select", "textarea", "input", "object", "embed", "figure", "template", NULL
};

static void
read_metadata (Extract *x,
               xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (node, "meta"))
        read_meta (x, node);
      else if (is_element (node, "title"))
        {
          g_autofree char *text = node_text (node);
          set_once (&x->doc_title, text);
        }
      else if (is_element (node, "script"))
        {
          g_autofree char *type = get_attr (node, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            read_json_ld (x, node);
          continue;
        }
      else if (x->dom_byline == NULL)
        {
          g_autofree char *rel = get_attr (node, "rel");
          static const char *const byline_words[] = { "byline", "author", NULL };

          if ((rel != NULL && strcmp (rel, "author") == 0) ||
              (!is_element (node, "body") && !is_element (node, "article") &&
               class_or_id_matches (node, byline_words) && !class_or_id_matches (node, removed_words)))
            {
              g_autofree char *text = node_text (node);
              const char *name = text;

              if (g_ascii_strncasecmp (name, "by ", 3) == 0)
                name += 3;
              if (strlen (name) > 0 && strlen (name) < 100)
                set_once (&x->dom_byline, name);
            }
        }
      {
        static const char *const paywall_words[] = { "paywall", NULL };
        if (class_or_id_matches (node, paywall_words))
          x->paywalled = TRUE;
      }
      read_metadata (x, node->children);
    }
}

/* Pruning and scoring */

static void
prune (xmlNode *node)
{
  xmlNode *next;

  for (; node != NULL; node = next)
    {
      g_autofree char *name = NULL;

      next = node->next;
      if (node->type == XML_COMMENT_NODE)
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
          continue;
        }
      if (node->type != XML_ELEMENT_NODE)
        continue;
      name = g_ascii_strdown ((const char *) node->name, -1);
      if (!is_element (node, "body") && !is_element (node, "html") &&
          (g_strv_contains (removed_tags, name) ||
           class_or_id_matches (node, removed_words) || is_ad_slot (node) ||
           (class_or_id_matches (node, unlikely_words) && !class_or_id_matches (node, positive_words))))
        {
          xmlUnlinkNode (node);
          xmlFreeNode (node);
          continue;
        }
      prune (node->children);
    }
}

static double
class_weight (xmlNode *node)
{
  static const char *const negative_words[] = { "hidden", "caption", "credit", "byline", "dateline", "tags", NULL };
  double weight = 0;

  if (class_or_id_matches (node, positive_words))
    weight += 25;
  if (class_or_id_matches (node, negative_words))
    weight -= 25;
  return weight;
}

static double
tag_weight (xmlNode *node)
{
  if (is_element (node, "article"))
    return 10;
  if (is_element (node, "div") || is_element (node, "main") || is_element (node, "section"))
    return 5;
  if (is_element (node, "pre") || is_element (node, "td") || is_element (node, "blockquote"))
    return 3;
  if (is_element (node, "ol") || is_element (node, "ul") || is_element (node, "li") ||
      is_element (node, "dl") || is_element (node, "address"))
    return -3;
  return 0;
}

static double *
candidate (Extract *x,
           xmlNode *node)
{
  double *score = g_hash_table_lookup (x->scores, node);

  if (score == NULL)
    {
      score = g_new (double, 1);
      *score = tag_weight (node) + class_weight (node);
      g_hash_table_insert (x->scores, node, score);
    }
  return score;
}

static gsize
link_chars (xmlNode *node)
{
  gsize total = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "a"))
        {
          g_autofree char *text = node_text (child);
          total += g_utf8_strlen (text, -1);
        }
      else if (child->type == XML_ELEMENT_NODE)
        total += link_chars (child);
    }
  return total;
}

static double
link_density (xmlNode *node)
{
  g_autofree char *text = node_text (node);
  glong length = g_utf8_strlen (text, -1);

  return length > 0 ? (double) link_chars (node) / (double) length : 0;
}

static void
score_paragraphs (Extract *x,
                  xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (node, "p") || is_element (node, "pre"))
        {
          g_autofree char *text = node_text (node);
          glong length = g_utf8_strlen (text, -1);
          double score;

          if (length < MIN_PARAGRAPH_CHARS || node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
            continue;
          score = 1;
          for (const char *p = text; *p != '\0'; p++)
            score += *p == ',';
          score += MIN (length / 100, 3);
          *candidate (x, node->parent) += score;
          if (node->parent->parent != NULL && node->parent->parent->type == XML_ELEMENT_NODE)
            *candidate (x, node->parent->parent) += score / 2;
          continue;
        }
      score_paragraphs (x, node->children);
    }
}

/* Text out */

static gboolean
is_block (xmlNode *node)
{
  static const char *const blocks[] = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "tr", NULL
  };
  g_autofree char *name = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  name = g_ascii_strdown ((const char *) node->name, -1);
  return g_strv_contains (blocks, name);
}

static void
flush_paragraph (GString *paragraphs,
                 GString *pending)
{
  g_autofree char *clean = collapse_space (pending->str);

  if (*clean != '\0')
    {
      if (paragraphs->len > 0)
        g_string_append (paragraphs, "\n\n");
      g_string_append (paragraphs, clean);
    }
  g_string_truncate (pending, 0);
}

static void
collect_text (xmlNode *node,
              GString *paragraphs,
              GString *pending)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          g_autofree char *text = g_utf8_make_valid ((const char *) node->content, -1);
          g_string_append (pending, text);
          continue;
        }
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (node, "br"))
        {
          g_string_append_c (pending, ' ');
          continue;
        }
      if (is_block (node))
        {
          flush_paragraph (paragraphs, pending);
          /* A list of links inside the article is a "read more" box */
          if (!is_element (node, "h1") && link_density (node) < 0.5)
            {
              g_autofree char *text = node_text (node);
              g_string_append (pending, text);
            }
          flush_paragraph (paragraphs, pending);
          continue;
        }
      if (is_element (node, "div") || is_element (node, "section") || is_element (node, "ul") ||
          is_element (node, "ol") || is_element (node, "table") || is_element (node, "article"))
        {
          flush_paragraph (paragraphs, pending);
          collect_text (node->children, paragraphs, pending);
          flush_paragraph (paragraphs, pending);
          continue;
        }
      collect_text (node->children, paragraphs, pending);
    }
}

static char *
article_text (Extract *x,
              xmlNode *body)
{
  GHashTableIter iter;
  gpointer key, value;
  xmlNode *top = NULL;
  double top_score = 0, threshold;
  g_autoptr(GString) paragraphs = g_string_new (NULL);
  g_autoptr(GString) pending = g_string_new (NULL);

  score_paragraphs (x, body);
  g_hash_table_iter_init (&iter, x->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *score = value;

      *score *= 1 - link_density (key);
      if (top == NULL || *score > top_score)
        {
          top = key;
          top_score = *score;
        }
    }
  if (top == NULL)
    return g_strdup ("");

  /* Siblings of a like score belong to the article too (a lede in its own div) */
  threshold = MAX (10, top_score * 0.2);
  for (xmlNode *sibling = top->parent != NULL ? top->parent->children : top; sibling != NULL; sibling = sibling->next)
    {
      double *score;
      gboolean keep = sibling == top;

      if (top->parent == NULL && sibling != top)
        break;
      if (!keep && sibling->type == XML_ELEMENT_NODE)
        {
          score = g_hash_table_lookup (x->scores, sibling);
          if (score != NULL && *score >= threshold)
            keep = TRUE;
          else if (is_element (sibling, "p"))
            {
              g_autofree char *text = node_text (sibling);
              keep = g_utf8_strlen (text, -1) > 80 && link_density (sibling) < 0.25;
            }
        }
      if (keep)
        {
          xmlNode *next = sibling->next;

          /* One element alone, its siblings left out of the walk */
          sibling->next = NULL;
          flush_paragraph (paragraphs, pending);
          collect_text (sibling, paragraphs, pending);
          flush_paragraph (paragraphs, pending);
          sibling->next = next;
        }
      if (top->parent == NULL)
        break;
    }
  return g_strdup (paragraphs->str);
}

/* A <title> often ends in " | Publisher" or " - Publisher" */
static char *
strip_title_suffix (const char *title,
                    const char *publisher)
{
  static const char *const separators[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", NULL };

  for (guint i = 0; separators[i] != NULL; i++)
    {
      const char *at = g_strrstr (title, separators[i]);

      if (at != NULL && at != title &&
          (publisher == NULL || g_ascii_strcasecmp (at + strlen (separators[i]), publisher) == 0))
        return g_strndup (title, (gsize) (at - title));
    }
  return g_strdup (title);
}

AccordsArticle *
accords_article_extract (const char  *html,
                         gsize        length,
                         const char  *base_uri,
                         GError     **error)
{
  Extract x = { 0 };
  htmlDocPtr doc;
  xmlNode *root, *body = NULL;
  g_autoptr(AccordsArticle) article = NULL;

  g_return_val_if_fail (html != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0 || length > G_MAXINT)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("The page is empty or too large to read"));
      return NULL;
    }
  doc = htmlReadMemory (html, (int) length, base_uri, NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("The page is not HTML"));
      return NULL;
    }

  x.scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  read_metadata (&x, root);
  prune (root->children);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_element (child, "body"))
      body = child;

  article = g_new0 (AccordsArticle, 1);
  article->text = body != NULL ? article_text (&x, body->children) : g_strdup ("");
  article->paywalled = x.paywalled;
  article->publisher = g_strdup (x.ld_publisher != NULL ? x.ld_publisher : x.og_site);
  if (x.ld_title != NULL)
    article->title = g_strdup (x.ld_title);
  else if (x.og_title != NULL)
    article->title = g_strdup (x.og_title);
  else if (x.doc_title != NULL)
    article->title = strip_title_suffix (x.doc_title, article->publisher);
  article->byline = g_strdup (x.ld_byline != NULL ? x.ld_byline : x.meta_author != NULL ? x.meta_author : x.dom_byline);
  article->published = g_strdup (x.ld_published != NULL ? x.ld_published : x.meta_published);

  g_hash_table_unref (x.scores);
  xmlFreeDoc (doc);
  g_free (x.ld_title); g_free (x.ld_byline); g_free (x.ld_publisher); g_free (x.ld_published);
  g_free (x.og_title); g_free (x.og_site); g_free (x.meta_author); g_free (x.meta_published);
  g_free (x.doc_title); g_free (x.dom_byline);
  return g_steal_pointer (&article);
}
