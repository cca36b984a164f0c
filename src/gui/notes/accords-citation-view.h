/* accords-citation-view.h: a Markdown source view that shows citation markers as labelled chips */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_CITATION_VIEW (accords_citation_view_get_type ())

G_DECLARE_FINAL_TYPE (AccordsCitationView, accords_citation_view, ACCORDS, CITATION_VIEW, GtkSourceView)

GtkWidget  *accords_citation_view_new              (void);
/* The tag that marks each citation marker in the buffer */
void        accords_citation_view_set_citation_tag (AccordsCitationView *self,
                                                    GtkTextTag          *tag);
/* What each marker's chip reads: marker text ("[@source:12]") to label
 * ("2 · Rwanda in talks…"); markers without a label show as they are. */
void        accords_citation_view_set_labels       (AccordsCitationView *self,
                                                    GHashTable          *labels);
const char *accords_citation_view_get_label        (AccordsCitationView *self,
                                                    const char          *marker);

G_END_DECLS
