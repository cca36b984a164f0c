/* accords-html-markup.h: sanitized HTML as Pango markup, for the reader pane */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Renders the inline and block elements a reader needs (paragraphs, line
 * breaks, emphasis, lists, headings, quotes, code, links) as Pango markup;
 * everything else keeps only its text.  Links keep only http, https and mailto
 * targets.  The result is always valid markup and valid UTF-8. */
char *accords_html_to_markup (const char *html);

G_END_DECLS
