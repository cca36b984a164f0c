/* accords-trie.h: phrases found in text in one pass, on word boundaries, longest first */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a phrase must appear in the text.  Letters are otherwise compared
 * without case and without diacritics ("Turkiye" finds "Türkiye"), runs of
 * white space are one space, typographic apostrophes and dashes are the
 * ASCII ones. */
typedef enum {
  ACCORDS_TRIE_CAPITALIZED = 1 << 0, /* first letter upper case, as proper nouns are */
  ACCORDS_TRIE_EXACT_CASE  = 1 << 1, /* every letter in its case, as acronyms are ("US", not "us") */
  ACCORDS_TRIE_PREFIX      = 1 << 2, /* the word may go on: "deport" finds "deportation" */
} AccordsTrieFlags;

typedef struct {
  guint32 start;    /* byte offset of the match in the text */
  guint32 end;      /* byte offset just past it */
  guint32 value;    /* what the phrase was added with */
  guint32 sentence; /* running sentence number */
  guint32 field;    /* which text of a document, as the caller said */
} AccordsTrieMatch;

typedef struct _AccordsTrie AccordsTrie;

AccordsTrie *accords_trie_new          (void);
void         accords_trie_free         (AccordsTrie      *self);

/* Adds a phrase, or replaces the value and flags of a phrase that folds to
 * the same key (setting *replaced to the old value).  FALSE when the phrase
 * holds nothing to match (no letter or digit). */
gboolean     accords_trie_add          (AccordsTrie      *self,
                                        const char       *phrase,
                                        guint32           value,
                                        AccordsTrieFlags  flags,
                                        gboolean         *had_value,
                                        guint32          *replaced);
/* The value of a phrase already added, by its folded key */
gboolean     accords_trie_lookup       (AccordsTrie      *self,
                                        const char       *phrase,
                                        guint32          *value);
guint        accords_trie_get_n_phrases (AccordsTrie     *self);

/* Makes the trie ready to scan, after the last phrase is added (adding
 * more undoes it).  A compiled trie is read-only: threads may share it. */
void         accords_trie_compile      (AccordsTrie      *self);

/* The flags the phrase would get from its spelling: CAPITALIZED when it
 * starts with an upper-case letter, EXACT_CASE when all its letters are
 * upper case (and there are at least two). */
AccordsTrieFlags accords_trie_flags_for (const char      *phrase);

/* Appends to matches (AccordsTrieMatch) every phrase of text, leftmost
 * first and, where several start at the same word, the longest that fits
 * its flags.  Sentences are counted from sentence on; returns the number
 * after the text, so that the fields of one document can run on. */
guint        accords_trie_scan         (AccordsTrie      *self,
                                        const char       *text,
                                        gsize             len,
                                        guint             sentence,
                                        GArray           *matches);

/* The same for up to four tries at once, in one pass over the text: each
 * finds in matches[i] what accords_trie_scan() would find with tries[i],
 * the matches marked with field. */
guint        accords_trie_scan_all     (AccordsTrie * const *tries,
                                        GArray * const      *matches,
                                        guint                n_tries,
                                        const char          *text,
                                        gsize                len,
                                        guint32              field,
                                        guint                sentence);

/* Helpers the matching rules share with their callers */
gboolean     accords_text_is_word_char (gunichar          c);
/* The character at text[pos] (pos < len) and its length; invalid UTF-8
 * reads as U+FFFD of one byte. */
gunichar     accords_text_get_char     (const char       *text,
                                        gsize             len,
                                        gsize             pos,
                                        guint            *char_len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsTrie, accords_trie_free)

G_END_DECLS
