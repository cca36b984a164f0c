/* accords-text.h: the shape of the words around a match */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The end of the word starting at pos; whether all its letters are
 * capitals (two at least) and how many letters it has, when asked */
gsize    accords_text_word_at            (const char *text,
                                          gsize       len,
                                          gsize       pos,
                                          gboolean   *all_caps,
                                          guint      *n_letters);
/* An upper-case or title-case letter */
gboolean accords_text_is_upper           (gunichar    c);
/* The character before pos and where it starts (0 and 0 at the start) */
gunichar accords_text_char_before        (const char *text,
                                          gsize       pos,
                                          gsize      *char_start);
/* Whether the words either side of start..end are written in capitals */
gboolean accords_text_in_capitals        (const char *text,
                                          gsize       len,
                                          gsize       start,
                                          gsize       end);
/* Whether most longer words of the line around skip_start..skip_end
 * (looking at most window bytes either way) start with a capital */
gboolean accords_text_line_is_title_case (const char *text,
                                          gsize       len,
                                          gsize       skip_start,
                                          gsize       skip_end,
                                          gsize       window);

G_END_DECLS
