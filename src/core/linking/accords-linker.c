/* accords-linker.c: the countries and agreements a news item is about */
#define G_LOG_DOMAIN "accords-linker"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "accords-agreement.h"
#include "accords-date.h"
#include "accords-error.h"
#include "accords-event.h"
#include "accords-linker.h"
#include "accords-names.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-status.h"
#include "accords-trie.h"

/* What each kind of evidence adds to a suggestion's score.  An agreement is
 * suggested only when the item uses migration vocabulary and names all its
 * parties (two of them when it has three or more), one of its aliases or
 * one of its people. */
#define SCORE_ALL_PARTIES    0.4
#define SCORE_SOME_PARTY     0.1   /* each, at most two */
#define SCORE_ALIAS          0.4
#define SCORE_PERSON         0.3
#define SCORE_SURNAME        0.25
#define SCORE_MORE           0.1   /* each further alias or person */
#define SCORE_MAX_MORE       0.1
#define SCORE_ONE_WORD       0.05  /* one migration word */
#define SCORE_MANY_WORDS     0.1   /* several */

#define MAX_LISTED 6
#define NO_ENTITY G_MAXUINT32

/* Bump when the rules of linking change, so stored links are made again */
#define LINKER_RULES_VERSION "2"

/* Strength of what status language points to, when several do */
static const char * const signal_ranks[] = {
  "talks", "talks_confirmed", "announced", "resumed", "renewed", "signed", "ratified",
  "in_force", "first_transfer", "transfer", "suspended", "blocked", "expired", "superseded",
  "collapsed", "terminated", "scrapped", "court_ruling", "struck_down",
};

typedef enum {
  ENTITY_MIGRATION,
  ENTITY_SIGNAL,
  ENTITY_ALIAS,
  ENTITY_PERSON,
} EntityKind;

typedef struct {
  EntityKind kind;
  gboolean   migration;   /* its words are migration vocabulary */
  char      *text;        /* the alias or full name as written; the signal's event type */
  guint      rank;        /* signals */
  GArray    *agreements;  /* guint: aliases and people */
} Entity;

typedef struct {
  guint32  entity;        /* NO_ENTITY: ambiguous, ignored */
  gboolean surname_only;
} Key;

typedef struct {
  char    *slug;
  gint64   id;
  GArray  *parties;       /* guint gazetteer indices, distinct */
  guint32  first_key;     /* date keys (YYYYMMDD) of its first event, */
  guint32  status_key;    /* of the day its current status began, */
  guint32  end_key;       /* and of its end when that status ended it; 0: none */
  char    *end_label;     /* the end, in words */
} Agreement;

/* Where a dated document stands in an agreement's life */
typedef enum {
  DATE_IN_LIFE,
  DATE_BEFORE_START,
  DATE_AFTER_END,
} DateRule;

struct _AccordsLinker
{
  GObject           parent_instance;

  AccordsGazetteer *gazetteer;
  AccordsTrie      *trie;
  GArray           *entities;   /* Entity */
  GArray           *keys;       /* Key, by trie value */
  GArray           *agreements; /* Agreement */
  GPtrArray        *by_country; /* gazetteer index -> GArray of guint agreement indices, or NULL */
  char             *checksum;
};

G_DEFINE_FINAL_TYPE (AccordsLinker, accords_linker, G_TYPE_OBJECT)

/* Per document */

typedef struct {
  guint32 field;
  guint32 start;
  guint32 end;
  guint32 sentence;
  guint32 key;
} Hit;

typedef struct {
  guint    stamp;
  guint    n_parties;          /* mentioned */
  guint    n_aliases;
  guint32  aliases[MAX_LISTED];
  guint    n_people;
  guint32  people[MAX_LISTED];
  gboolean full_name[MAX_LISTED];
  double   base;               /* parties and aliases */
  DateRule date_rule;
} Tally;

typedef struct {
  AccordsAgreementSuggestion pub;
  guint agreement;
  gsize reason_offset;
  gsize signal_text_offset;
} Suggestion;

struct _AccordsLinks
{
  AccordsGazetteerScan *scan;
  GArray  *matches;      /* AccordsTrieMatch */
  GArray  *hits;         /* Hit */
  GArray  *tallies;      /* Tally, by agreement */
  GArray  *candidates;   /* guint agreement indices */
  guint   *entity_stamp;
  guint    n_entity_stamps;
  guint    stamp;
  GArray  *suggestions;  /* Suggestion */
  GString *text;         /* reasons and signal phrases */
  GString *scratch;
};

AccordsLinks *
accords_links_new (void)
{
  AccordsLinks *links = g_new0 (AccordsLinks, 1);

  links->scan = accords_gazetteer_scan_new ();
  links->matches = g_array_sized_new (FALSE, FALSE, sizeof (AccordsTrieMatch), 64);
  links->hits = g_array_sized_new (FALSE, FALSE, sizeof (Hit), 64);
  links->tallies = g_array_new (FALSE, TRUE, sizeof (Tally));
  links->candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  links->suggestions = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  links->text = g_string_sized_new (512);
  links->scratch = g_string_sized_new (256);
  return links;
}

void
accords_links_free (AccordsLinks *links)
{
  if (links == NULL)
    return;
  accords_gazetteer_scan_free (links->scan);
  g_array_unref (links->matches);
  g_array_unref (links->hits);
  g_array_unref (links->tallies);
  g_array_unref (links->candidates);
  g_array_unref (links->suggestions);
  g_free (links->entity_stamp);
  g_string_free (links->text, TRUE);
  g_string_free (links->scratch, TRUE);
  g_free (links);
}

guint
accords_links_get_n_countries (AccordsLinks *links)
{
  g_return_val_if_fail (links != NULL, 0);
  return accords_gazetteer_scan_get_n_mentions (links->scan);
}

const AccordsCountryMention *
accords_links_get_country (AccordsLinks *links,
                           guint         i)
{
  g_return_val_if_fail (links != NULL, NULL);
  return accords_gazetteer_scan_get_mention (links->scan, i);
}

guint
accords_links_get_n_agreements (AccordsLinks *links)
{
  g_return_val_if_fail (links != NULL, 0);
  return links->suggestions->len;
}

const AccordsAgreementSuggestion *
accords_links_get_agreement (AccordsLinks *links,
                             guint         i)
{
  g_return_val_if_fail (links != NULL, NULL);
  g_return_val_if_fail (i < links->suggestions->len, NULL);
  return &g_array_index (links->suggestions, Suggestion, i).pub;
}

/* The object */

static void
entity_clear (gpointer data)
{
  Entity *e = data;

  g_free (e->text);
  g_clear_pointer (&e->agreements, g_array_unref);
}

static void
agreement_clear (gpointer data)
{
  Agreement *a = data;

  g_free (a->slug);
  g_free (a->end_label);
  g_clear_pointer (&a->parties, g_array_unref);
}

static void
array_unref_or_null (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

static void
accords_linker_finalize (GObject *object)
{
  AccordsLinker *self = (AccordsLinker *) object;

  g_clear_object (&self->gazetteer);
  g_clear_pointer (&self->trie, accords_trie_free);
  g_clear_pointer (&self->entities, g_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->agreements, g_array_unref);
  g_clear_pointer (&self->by_country, g_ptr_array_unref);
  g_free (self->checksum);

  G_OBJECT_CLASS (accords_linker_parent_class)->finalize (object);
}

static void
accords_linker_class_init (AccordsLinkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = accords_linker_finalize;
}

static void
accords_linker_init (AccordsLinker *self)
{
  self->trie = accords_trie_new ();
  self->entities = g_array_new (FALSE, TRUE, sizeof (Entity));
  g_array_set_clear_func (self->entities, entity_clear);
  self->keys = g_array_new (FALSE, TRUE, sizeof (Key));
  self->agreements = g_array_new (FALSE, TRUE, sizeof (Agreement));
  g_array_set_clear_func (self->agreements, agreement_clear);
  self->by_country = g_ptr_array_new_with_free_func (array_unref_or_null);
}

static guint
signal_rank (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (signal_ranks); i++)
    if (g_str_equal (signal_ranks[i], type))
      return i + 1;
  return 0;
}

static guint32
new_entity (AccordsLinker *self,
            EntityKind     kind,
            const char    *text)
{
  Entity e = { .kind = kind, .text = g_strdup (text) };

  if (kind == ENTITY_ALIAS || kind == ENTITY_PERSON)
    e.agreements = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->entities, e);
  return self->entities->len - 1;
}

static Entity *
entity_at (AccordsLinker *self,
           guint32        index)
{
  return &g_array_index (self->entities, Entity, index);
}

static void
entity_add_agreement (Entity *e,
                      guint   agreement)
{
  for (guint i = 0; i < e->agreements->len; i++)
    if (g_array_index (e->agreements, guint, i) == agreement)
      return;
  g_array_append_val (e->agreements, agreement);
}

/* Adds a phrase for an entity; a phrase already there for another entity of
 * the same kind and text is shared, otherwise the later one wins. */
static void
add_key (AccordsLinker    *self,
         const char       *phrase,
         guint32           entity,
         gboolean          surname_only,
         AccordsTrieFlags  extra_flags)
{
  Key key = { entity, surname_only };
  guint32 value = self->keys->len;
  gboolean had_value = FALSE;
  guint32 old = 0;

  g_array_append_val (self->keys, key);
  if (!accords_trie_add (self->trie, phrase, value,
                         accords_trie_flags_for (phrase) | extra_flags, &had_value, &old))
    {
      g_array_set_size (self->keys, self->keys->len - 1);
      g_debug ("“%s” has nothing to match", phrase);
      return;
    }
  if (had_value)
    g_debug ("“%s” is listed twice; the later one counts", phrase);
}

/* The entity of a phrase of that kind already added, or NO_ENTITY */
static guint32
existing_entity (AccordsLinker *self,
                 const char    *phrase,
                 EntityKind     kind)
{
  guint32 value;
  Key *key;

  if (!accords_trie_lookup (self->trie, phrase, &value))
    return NO_ENTITY;
  key = &g_array_index (self->keys, Key, value);
  if (key->entity == NO_ENTITY || key->surname_only ||
      entity_at (self, key->entity)->kind != kind)
    return NO_ENTITY;
  return key->entity;
}

static gboolean
has_migration_word (AccordsTrie *vocabulary,
                    const char  *phrase,
                    GArray      *scratch)
{
  g_array_set_size (scratch, 0);
  accords_trie_compile (vocabulary);
  accords_trie_scan (vocabulary, phrase, strlen (phrase), 0, scratch);
  return scratch->len > 0;
}

typedef struct {
  AccordsLinker *self;
  AccordsTrie   *vocabulary;
  GHashTable    *shared_surnames;
} BuildData;

static gboolean
migration_line (char       **fields,
                guint        n,
                const char  *where,
                gpointer     user_data,
                GError     **error)
{
  BuildData *d = user_data;
  g_autofree char *phrase = NULL;
  AccordsTrieFlags flags = 0;
  guint32 entity;
  gsize len;

  if (n != 1)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", where,
                   _("expected one word or phrase"));
      return FALSE;
    }
  phrase = g_strdup (fields[0]);
  len = strlen (phrase);
  if (len > 0 && phrase[len - 1] == '*')
    {
      phrase[len - 1] = '\0';
      flags = ACCORDS_TRIE_PREFIX;
    }
  if (!accords_trie_add (d->vocabulary, phrase, 0, accords_trie_flags_for (phrase) | flags, NULL, NULL))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("%s: “%s” has no letter to match"),
                   where, fields[0]);
      return FALSE;
    }
  entity = new_entity (d->self, ENTITY_MIGRATION, phrase);
  entity_at (d->self, entity)->migration = TRUE;
  add_key (d->self, phrase, entity, FALSE, flags);
  return TRUE;
}

static gboolean
signal_line (char       **fields,
             guint        n,
             const char  *where,
             gpointer     user_data,
             GError     **error)
{
  BuildData *d = user_data;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (AccordsTrieMatch));
  guint32 entity;
  Entity *e;

  if (n != 2)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", where,
                   _("expected a phrase and an event type"));
      return FALSE;
    }
  if (accords_event_type_lookup (fields[1]) == NULL)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("%s: “%s” is not an event type"),
                   where, fields[1]);
      return FALSE;
    }
  entity = new_entity (d->self, ENTITY_SIGNAL, fields[1]);
  e = entity_at (d->self, entity);
  e->rank = signal_rank (fields[1]);
  e->migration = has_migration_word (d->vocabulary, fields[0], scratch);
  add_key (d->self, fields[0], entity, FALSE, 0);
  return TRUE;
}

static gboolean
surname_line (char       **fields,
              guint        n,
              const char  *where,
              gpointer     user_data,
              GError     **error)
{
  BuildData *d = user_data;

  if (n != 1)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, "%s: %s", where,
                   _("expected one surname"));
      return FALSE;
    }
  g_hash_table_add (d->shared_surnames, g_strdup (fields[0]));
  return TRUE;
}

static void
add_alias (AccordsLinker *self,
           AccordsTrie   *vocabulary,
           const char    *alias,
           guint          agreement,
           GArray        *scratch)
{
  guint32 entity = existing_entity (self, alias, ENTITY_ALIAS);

  if (entity == NO_ENTITY)
    {
      entity = new_entity (self, ENTITY_ALIAS, alias);
      entity_at (self, entity)->migration = has_migration_word (vocabulary, alias, scratch);
      add_key (self, alias, entity, FALSE, 0);
    }
  entity_add_agreement (entity_at (self, entity), agreement);
}

static void
add_person (AccordsLinker *self,
            GHashTable    *shared_surnames,
            const char    *name,
            guint          agreement)
{
  g_autoptr(GPtrArray) surnames = NULL;
  guint32 entity = existing_entity (self, name, ENTITY_PERSON);

  if (entity != NO_ENTITY)
    {
      entity_add_agreement (entity_at (self, entity), agreement);
      return;
    }

  entity = new_entity (self, ENTITY_PERSON, name);
  entity_add_agreement (entity_at (self, entity), agreement);
  add_key (self, name, entity, FALSE, 0);

  surnames = accords_surnames_of (name);
  for (guint i = 0; i < surnames->len; i++)
    {
      const char *surname = g_ptr_array_index (surnames, i);
      guint32 value;

      if (g_hash_table_contains (shared_surnames, surname) || g_utf8_strlen (surname, -1) < 3)
        continue;
      if (accords_trie_lookup (self->trie, surname, &value))
        {
          Key *key = &g_array_index (self->keys, Key, value);

          /* two people of one surname: the surname alone says neither */
          if (key->surname_only && key->entity != entity)
            key->entity = NO_ENTITY;
          continue;
        }
      add_key (self, surname, entity, TRUE, 0);
    }
}

/* Dates */

/* When an agreement began, when its current status began, and when it
 * ended if it did */
static void
agreement_dates (AccordsAgreement *agreement,
                 Agreement        *a)
{
  const char *first, *since;
  gboolean ended;

  if (!accords_agreement_get_life (agreement, &first, &since, &ended))
    return;
  a->first_key = accords_date_key (first);
  a->status_key = accords_date_key (since);
  if (ended)
    {
      a->end_key = a->status_key;
      a->end_label = accords_date_format (since);
    }
}

static DateRule
date_rule (const Agreement *a,
           guint32          day)
{
  if (day == 0)
    return DATE_IN_LIFE;
  if (a->first_key != 0 && day < accords_date_key_add_days (a->first_key, -ACCORDS_LINKER_DAYS_BEFORE_START))
    return DATE_BEFORE_START;
  if (a->end_key != 0 && day > accords_date_key_add_days (a->end_key, ACCORDS_LINKER_DAYS_AFTER_END))
    return DATE_AFTER_END;
  return DATE_IN_LIFE;
}

AccordsLinker *
accords_linker_new (AccordsGazetteer  *gazetteer,
                    GListModel        *agreements,
                    GError           **error)
{
  g_autoptr(AccordsLinker) self = NULL;
  g_autoptr(AccordsTrie) vocabulary = accords_trie_new ();
  g_autoptr(GHashTable) shared_surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (AccordsTrieMatch));
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GBytes) migration = NULL;
  g_autoptr(GBytes) signals = NULL;
  g_autoptr(GBytes) surnames = NULL;
  BuildData data;
  guint n_agreements;

  g_return_val_if_fail (ACCORDS_IS_GAZETTEER (gazetteer), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (agreements), NULL);

  self = g_object_new (ACCORDS_TYPE_LINKER, NULL);
  self->gazetteer = g_object_ref (gazetteer);
  data.self = self;
  data.vocabulary = vocabulary;
  data.shared_surnames = shared_surnames;

  migration = accords_gazetteer_get_data (gazetteer, "migration-words.txt");
  signals = accords_gazetteer_get_data (gazetteer, "signals.tsv");
  surnames = accords_gazetteer_get_data (gazetteer, "shared-surnames.txt");
  if (!accords_gazetteer_parse_table (migration, "migration-words.txt", migration_line, &data, error) ||
      !accords_gazetteer_parse_table (signals, "signals.tsv", signal_line, &data, error) ||
      !accords_gazetteer_parse_table (surnames, "shared-surnames.txt", surname_line, &data, error))
    return NULL;

  g_checksum_update (checksum, (const guchar *) LINKER_RULES_VERSION, -1);
  g_checksum_update (checksum, (const guchar *) accords_gazetteer_get_checksum (gazetteer), -1);
  for (guint i = 0; i < accords_gazetteer_get_n_countries (gazetteer); i++)
    g_ptr_array_add (self->by_country, NULL);

  n_agreements = g_list_model_get_n_items (agreements);
  for (guint i = 0; i < n_agreements; i++)
    {
      g_autoptr(AccordsAgreement) agreement = g_list_model_get_item (agreements, i);
      GListModel *parties = G_LIST_MODEL (accords_agreement_get_parties (agreement));
      GListModel *people = G_LIST_MODEL (accords_agreement_get_people (agreement));
      const char * const *aliases = accords_agreement_get_aliases (agreement);
      g_autofree char *dates = NULL;
      Agreement a = { 0 };
      guint index = self->agreements->len;

      a.slug = g_strdup (accords_agreement_get_slug (agreement));
      a.id = accords_agreement_get_id (agreement);
      a.parties = g_array_new (FALSE, FALSE, sizeof (guint));
      g_checksum_update (checksum, (const guchar *) a.slug, -1);
      /* a change of its dates or status changes what is suggested */
      agreement_dates (agreement, &a);
      dates = g_strdup_printf ("%u %u %u", a.first_key, a.status_key, a.end_key);
      g_checksum_update (checksum, (const guchar *) dates, -1);

      for (guint k = 0; k < g_list_model_get_n_items (parties); k++)
        {
          g_autoptr(AccordsParty) party = g_list_model_get_item (parties, k);
          const char *code = accords_party_get_country (party);
          guint country, j;
          GArray *list;

          if (!accords_gazetteer_lookup_code (gazetteer, code, &country))
            continue;
          for (j = 0; j < a.parties->len; j++)
            if (g_array_index (a.parties, guint, j) == country)
              break;
          if (j < a.parties->len)
            continue;
          g_array_append_val (a.parties, country);
          g_checksum_update (checksum, (const guchar *) code, -1);
          list = g_ptr_array_index (self->by_country, country);
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_ptr_array_index (self->by_country, country) = list;
            }
          g_array_append_val (list, index);
        }
      g_array_append_val (self->agreements, a);

      for (guint k = 0; aliases != NULL && aliases[k] != NULL; k++)
        {
          add_alias (self, vocabulary, aliases[k], index, scratch);
          g_checksum_update (checksum, (const guchar *) aliases[k], -1);
        }
      for (guint k = 0; k < g_list_model_get_n_items (people); k++)
        {
          g_autoptr(AccordsPersonRole) role = g_list_model_get_item (people, k);
          const char *name = accords_person_role_get_name (role);

          if (name == NULL || *name == '\0')
            continue;
          add_person (self, shared_surnames, name, index);
          g_checksum_update (checksum, (const guchar *) name, -1);
        }
    }

  accords_trie_compile (self->trie);
  self->checksum = g_strdup (g_checksum_get_string (checksum));
  return g_steal_pointer (&self);
}

AccordsGazetteer *
accords_linker_get_gazetteer (AccordsLinker *self)
{
  g_return_val_if_fail (ACCORDS_IS_LINKER (self), NULL);
  return self->gazetteer;
}

const char *
accords_linker_get_checksum (AccordsLinker *self)
{
  g_return_val_if_fail (ACCORDS_IS_LINKER (self), NULL);
  return self->checksum;
}

/* Linking */

static Tally *
tally_of (AccordsLinker *self,
          AccordsLinks  *links,
          guint          agreement)
{
  Tally *t = &g_array_index (links->tallies, Tally, agreement);

  if (t->stamp != links->stamp)
    {
      memset (t, 0, sizeof *t);
      t->stamp = links->stamp;
      g_array_append_val (links->candidates, agreement);
    }
  return t;
}

static void
tally_person (Tally   *t,
              guint32  entity,
              gboolean full)
{
  for (guint i = 0; i < t->n_people; i++)
    if (t->people[i] == entity)
      {
        t->full_name[i] |= full;
        return;
      }
  if (t->n_people < MAX_LISTED)
    {
      t->people[t->n_people] = entity;
      t->full_name[t->n_people] = full;
      t->n_people++;
    }
}

static void
tally_alias (Tally   *t,
             guint32  entity)
{
  for (guint i = 0; i < t->n_aliases; i++)
    if (t->aliases[i] == entity)
      return;
  if (t->n_aliases < MAX_LISTED)
    t->aliases[t->n_aliases++] = entity;
}

static void
tally_drop_person (Tally   *t,
                   guint32  entity)
{
  for (guint i = 0; i < t->n_people; i++)
    if (t->people[i] == entity)
      {
        memmove (t->people + i, t->people + i + 1, (t->n_people - i - 1) * sizeof t->people[0]);
        memmove (t->full_name + i, t->full_name + i + 1, (t->n_people - i - 1) * sizeof t->full_name[0]);
        t->n_people--;
        return;
      }
}

static gboolean
is_party (const Agreement *a,
          guint            country)
{
  for (guint i = 0; i < a->parties->len; i++)
    if (g_array_index (a->parties, guint, i) == country)
      return TRUE;
  return FALSE;
}

/* An instrument of one party (EU legislation) is not found by its party
 * alone: every item on EU migration policy names the EU */
static gboolean
parties_named (const Agreement *a,
               guint            n_mentioned)
{
  guint n = a->parties->len;

  return n > 1 && (n_mentioned == n || (n >= 3 && n_mentioned >= 2));
}

/* The sentence points to this agreement rather than to another suggested
 * one: it names one of its aliases or people, its parties, or a party no
 * other suggested agreement has. */
static gboolean
evidence_in_sentence (AccordsLinker *self,
                      AccordsLinks  *links,
                      guint          agreement,
                      const Tally   *t,
                      guint32        sentence)
{
  const Agreement *a = &g_array_index (self->agreements, Agreement, agreement);
  const AccordsCountryHit *country_hits;
  guint named[MAX_LISTED];
  guint n_country_hits, n_named = 0;

  for (guint i = 0; i < links->hits->len; i++)
    {
      const Hit *h = &g_array_index (links->hits, Hit, i);
      const Key *key;

      if (h->sentence != sentence)
        continue;
      key = &g_array_index (self->keys, Key, h->key);
      for (guint k = 0; k < t->n_aliases; k++)
        if (t->aliases[k] == key->entity)
          return TRUE;
      for (guint k = 0; k < t->n_people; k++)
        if (t->people[k] == key->entity)
          return TRUE;
    }

  country_hits = accords_gazetteer_scan_get_hits (links->scan, &n_country_hits);
  for (guint i = 0; i < n_country_hits && n_named < MAX_LISTED; i++)
    {
      guint k;

      if (country_hits[i].sentence != sentence || !is_party (a, country_hits[i].country))
        continue;
      for (k = 0; k < n_named; k++)
        if (named[k] == country_hits[i].country)
          break;
      if (k == n_named)
        named[n_named++] = country_hits[i].country;
    }
  if (n_named == 0)
    return FALSE;
  if (parties_named (a, n_named))
    return TRUE;

  for (guint k = 0; k < n_named; k++)
    {
      gboolean shared = FALSE;

      for (guint i = 0; i < links->suggestions->len && !shared; i++)
        {
          guint other = g_array_index (links->suggestions, Suggestion, i).agreement;

          shared = other != agreement &&
                   is_party (&g_array_index (self->agreements, Agreement, other), named[k]);
        }
      if (!shared)
        return TRUE;
    }
  return FALSE;
}

/* "A", "A and B", "A, B and C" */
static void
append_list_item (GString    *out,
                  const char *item,
                  guint       position,
                  guint       total)
{
  g_autofree char *joined = NULL;

  if (position == 0)
    {
      g_string_append (out, item);
      return;
    }
  if (position == total - 1)
    /* Translators: the last two items of a list: "Rwanda and United States" */
    joined = g_strdup_printf (_("%s and %s"), out->str, item);
  else
    /* Translators: items of a list before the last: "Rwanda, United States" */
    joined = g_strdup_printf (_("%s, %s"), out->str, item);
  g_string_assign (out, joined);
}

static void
write_reason (AccordsLinker *self,
              AccordsLinks  *links,
              guint          agreement,
              const Tally   *t,
              const char    *word,
              const char    *signal_text,
              guint32        day)
{
  const Agreement *a = &g_array_index (self->agreements, Agreement, agreement);
  AccordsIsoCodes *iso_codes = accords_gazetteer_get_iso_codes (self->gazetteer);
  GString *list = links->scratch;
  const AccordsCountryHit *hits;
  guint parties[MAX_LISTED];
  guint n_hits, n_parties = 0, total, position = 0;
  g_autofree char *reason = NULL;

  /* the parties in the order the item names them */
  hits = accords_gazetteer_scan_get_hits (links->scan, &n_hits);
  for (guint i = 0; i < n_hits && n_parties < MAX_LISTED; i++)
    {
      guint k;

      if (!is_party (a, hits[i].country))
        continue;
      for (k = 0; k < n_parties; k++)
        if (parties[k] == hits[i].country)
          break;
      if (k == n_parties)
        parties[n_parties++] = hits[i].country;
    }
  total = n_parties + t->n_aliases + t->n_people;

  g_string_truncate (list, 0);
  for (guint i = 0; i < n_parties; i++)
    append_list_item (list,
                      accords_iso_codes_get_display_name (iso_codes,
                                                          accords_gazetteer_get_code (self->gazetteer, parties[i])),
                      position++, total);
  for (guint i = 0; i < t->n_aliases; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", entity_at (self, t->aliases[i])->text);

      append_list_item (list, quoted, position++, total);
    }
  for (guint i = 0; i < t->n_people; i++)
    append_list_item (list, entity_at (self, t->people[i])->text, position++, total);

  /* Translators: why a news item is suggested for an agreement: "mentions
   * Rwanda and United States with “deported”" */
  reason = g_strdup_printf (_("mentions %s with “%s”"), list->str, word);
  g_string_append (links->text, reason);
  if (signal_text != NULL)
    {
      /* Translators: appended to the reason when the item's words may
       * announce a change of the agreement's status */
      g_autofree char *more = g_strdup_printf (_("; status language: “%s”"), signal_text);

      g_string_append (links->text, more);
    }
  if (t->date_rule == DATE_AFTER_END)
    {
      /* Translators: appended to the reason when the item is dated long
       * after the agreement ended: "; dated 412 days after it ended (6 July 2024)" */
      g_autofree char *late = g_strdup_printf (_("; dated %u days after it ended (%s)"),
                                               accords_date_key_days_between (a->end_key, day), a->end_label);

      g_string_append (links->text, late);
    }
  g_string_append_c (links->text, '\0');
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *sa = a;
  const Suggestion *sb = b;

  if (sa->pub.score != sb->pub.score)
    return sa->pub.score > sb->pub.score ? -1 : 1;
  return g_strcmp0 (sa->pub.slug, sb->pub.slug);
}

void
accords_linker_link (AccordsLinker      *self,
                     const char * const *texts,
                     guint               n_texts,
                     AccordsLinks       *links)
{
  accords_linker_link_dated (self, texts, n_texts, NULL, links);
}

void
accords_linker_link_dated (AccordsLinker      *self,
                           const char * const *texts,
                           guint               n_texts,
                           const char         *date,
                           AccordsLinks       *links)
{
  const Hit *first_word = NULL;
  guint32 day = accords_date_key_of_timestamp (date);
  guint n_words = 0;
  guint n_mentions;

  g_return_if_fail (ACCORDS_IS_LINKER (self));
  g_return_if_fail (links != NULL);
  g_return_if_fail (texts != NULL || n_texts == 0);

  g_array_set_size (links->matches, 0);
  accords_gazetteer_scan_with (self->gazetteer, links->scan, texts, n_texts, self->trie, links->matches);

  g_array_set_size (links->hits, 0);
  g_array_set_size (links->candidates, 0);
  g_array_set_size (links->suggestions, 0);
  g_string_truncate (links->text, 0);
  if (links->tallies->len != self->agreements->len)
    {
      g_array_set_size (links->tallies, 0);
      g_array_set_size (links->tallies, self->agreements->len);
    }
  if (links->n_entity_stamps != self->entities->len)
    {
      g_free (links->entity_stamp);
      links->n_entity_stamps = self->entities->len;
      links->entity_stamp = g_new0 (guint, links->n_entity_stamps);
    }
  if (++links->stamp == 0)
    {
      /* after four billion documents, start the stamps afresh */
      memset (links->entity_stamp, 0, links->n_entity_stamps * sizeof (guint));
      for (guint i = 0; i < links->tallies->len; i++)
        g_array_index (links->tallies, Tally, i).stamp = 0;
      links->stamp = 1;
    }

  for (guint i = 0; i < links->matches->len; i++)
    {
      const AccordsTrieMatch *m = &g_array_index (links->matches, AccordsTrieMatch, i);
      Hit hit = { m->field, m->start, m->end, m->sentence, m->value };

      if (g_array_index (self->keys, Key, m->value).entity != NO_ENTITY)
        g_array_append_val (links->hits, hit);
    }

  /* What the vocabulary, aliases and people say */
  for (guint i = 0; i < links->hits->len; i++)
    {
      const Hit *h = &g_array_index (links->hits, Hit, i);
      const Key *key = &g_array_index (self->keys, Key, h->key);
      Entity *e = entity_at (self, key->entity);
      gboolean first = links->entity_stamp[key->entity] != links->stamp;

      links->entity_stamp[key->entity] = links->stamp;
      if (e->migration && first)
        {
          n_words++;
          if (first_word == NULL)
            first_word = h;
        }
      if (e->kind == ENTITY_ALIAS || e->kind == ENTITY_PERSON)
        for (guint k = 0; k < e->agreements->len; k++)
          {
            Tally *t = tally_of (self, links, g_array_index (e->agreements, guint, k));

            if (e->kind == ENTITY_ALIAS)
              tally_alias (t, key->entity);
            else
              tally_person (t, key->entity, !key->surname_only);
          }
    }
  if (n_words == 0)
    return;

  /* Parties */
  n_mentions = accords_gazetteer_scan_get_n_mentions (links->scan);
  for (guint i = 0; i < n_mentions; i++)
    {
      const AccordsCountryMention *mention = accords_gazetteer_scan_get_mention (links->scan, i);
      GArray *list = g_ptr_array_index (self->by_country, mention->index);

      for (guint k = 0; list != NULL && k < list->len; k++)
        tally_of (self, links, g_array_index (list, guint, k))->n_parties++;
    }

  for (guint i = 0; i < links->candidates->len; i++)
    {
      guint agreement = g_array_index (links->candidates, guint, i);
      Tally *t = &g_array_index (links->tallies, Tally, agreement);
      const Agreement *a = &g_array_index (self->agreements, Agreement, agreement);

      t->date_rule = date_rule (a, day);
      if (t->date_rule == DATE_BEFORE_START)
        {
          /* not about it, and no rival of those it may be about */
          t->base = -1;
          continue;
        }
      t->base = parties_named (a, t->n_parties) ? SCORE_ALL_PARTIES : SCORE_SOME_PARTY * MIN (t->n_parties, 2);
      if (t->n_aliases > 0)
        t->base += SCORE_ALIAS + MIN (SCORE_MORE * (t->n_aliases - 1), SCORE_MAX_MORE);
    }

  /* A person tied to several agreements speaks for those the rest of the
   * item points to most */
  for (guint i = 0; i < links->candidates->len; i++)
    {
      guint agreement = g_array_index (links->candidates, guint, i);
      Tally *t = &g_array_index (links->tallies, Tally, agreement);

      for (guint p = 0; p < t->n_people;)
        {
          Entity *e = entity_at (self, t->people[p]);
          double best = 0;

          for (guint k = 0; k < e->agreements->len; k++)
            best = MAX (best, g_array_index (links->tallies, Tally, g_array_index (e->agreements, guint, k)).base);
          if (t->base + 1e-9 < best)
            tally_drop_person (t, t->people[p]);
          else
            p++;
        }
    }

  for (guint i = 0; i < links->candidates->len; i++)
    {
      guint agreement = g_array_index (links->candidates, guint, i);
      Tally *t = &g_array_index (links->tallies, Tally, agreement);
      const Agreement *a = &g_array_index (self->agreements, Agreement, agreement);
      double score = t->base;
      Suggestion s = { 0 };

      if (t->date_rule == DATE_BEFORE_START)
        continue;
      if (!parties_named (a, t->n_parties) && t->n_aliases == 0 && t->n_people == 0)
        continue;
      /* long after its end, its parties alone point to a later deal */
      if (t->date_rule == DATE_AFTER_END && t->n_aliases == 0 && t->n_people == 0)
        continue;

      if (t->n_people > 0)
        {
          gboolean any_full = FALSE;

          for (guint k = 0; k < t->n_people; k++)
            any_full |= t->full_name[k];
          score += (any_full ? SCORE_PERSON : SCORE_SURNAME) + MIN (SCORE_MORE * (t->n_people - 1), SCORE_MAX_MORE);
        }
      score += n_words > 1 ? SCORE_MANY_WORDS : SCORE_ONE_WORD;
      if (t->date_rule == DATE_AFTER_END)
        score = MIN (score, ACCORDS_LINKER_SCORE_AFTER_END);

      s.agreement = agreement;
      s.pub.slug = a->slug;
      s.pub.agreement_id = a->id;
      s.pub.score = floor (MIN (score, 1.0) * 100 + 0.5) / 100;
      s.pub.method = t->n_aliases > 0 ? "alias" : t->n_people > 0 ? "person" : "gazetteer";
      g_array_append_val (links->suggestions, s);
    }

  /* Status language, where it shares a sentence with what points to the
   * agreement; then the reason in words */
  for (guint i = 0; i < links->suggestions->len; i++)
    {
      Suggestion *s = &g_array_index (links->suggestions, Suggestion, i);
      const Tally *t = &g_array_index (links->tallies, Tally, s->agreement);
      const Agreement *a = &g_array_index (self->agreements, Agreement, s->agreement);
      const Hit *signal_hit = NULL;
      guint best_rank = 0;
      g_autofree char *word = NULL;
      g_autofree char *signal_text = NULL;
      /* what an item says of a status that began after it is old news */
      gboolean current = day == 0 || (t->date_rule == DATE_IN_LIFE && day > a->status_key);

      for (guint k = 0; current && k < links->hits->len; k++)
        {
          const Hit *h = &g_array_index (links->hits, Hit, k);
          Entity *e = entity_at (self, g_array_index (self->keys, Key, h->key).entity);

          if (e->kind != ENTITY_SIGNAL || e->rank <= best_rank)
            continue;
          if (evidence_in_sentence (self, links, s->agreement, t, h->sentence))
            {
              signal_hit = h;
              best_rank = e->rank;
            }
        }

      s->pub.signal = signal_hit ? entity_at (self, g_array_index (self->keys, Key, signal_hit->key).entity)->text : "";
      s->signal_text_offset = links->text->len;
      if (signal_hit)
        {
          signal_text = g_strndup (texts[signal_hit->field] + signal_hit->start, signal_hit->end - signal_hit->start);
          g_string_append (links->text, signal_text);
        }
      g_string_append_c (links->text, '\0');

      word = g_strndup (texts[first_word->field] + first_word->start, first_word->end - first_word->start);
      s->reason_offset = links->text->len;
      write_reason (self, links, s->agreement, t, word, signal_text, day);
    }

  for (guint i = 0; i < links->suggestions->len; i++)
    {
      Suggestion *s = &g_array_index (links->suggestions, Suggestion, i);

      s->pub.reason = links->text->str + s->reason_offset;
      s->pub.signal_text = links->text->str + s->signal_text_offset;
    }
  g_array_sort (links->suggestions, compare_suggestions);
}
