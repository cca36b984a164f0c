/* accords-part-form.h: one kind of agreement part in the editor: its list, its dialog, its changes */
#pragma once

#include <adwaita.h>

#include "accords-agreement.h"
#include "accords-command.h"
#include "accords-context.h"
#include "accords-form-dialog.h"
#include "accords-source.h"
#include "accords-vocabulary.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_PART_FORM (accords_part_form_get_type ())

G_DECLARE_INTERFACE (AccordsPartForm, accords_part_form, ACCORDS, PART_FORM, GtkWidget)

/* What Undo and the dialog call an edit of the part (untranslated, N_) */
typedef struct {
  const char *added;
  const char *edited;
  const char *add_title;
  const char *edit_title;
} AccordsPartLabels;

/* One open dialog of a form: what it edits, and what writing it gives */
typedef struct {
  AccordsPartForm   *form;
  AccordsFormDialog *dialog;        /* weak: the edit lives as long as the dialog */
  char              *mode;          /* NULL, or the form's own ("resolve") */
  int                index;         /* -1: a new one */
  GListStore        *all_sources;   /* every source in the database */
  GPtrArray         *linked;        /* AccordsItemLink: news the form offers, or NULL */

  /* What the last write made, reset before each */
  AccordsAgreement  *candidate;     /* a copy of the agreement with the part in place */
  char              *prefix;        /* the part's place in validation, "events[3]" */
  char              *new_prefix;    /* "sources[7]": the new source, or NULL */
  char              *new_url;
  char              *other_url;
  GHashTable        *map;           /* validation member -> dialog field */
  AccordsSource     *source_before; /* a shared source's own edit */
  AccordsSource     *source_after;
  char              *count_error;
  gint64             confirm_item;  /* a news link to confirm with the step (0: none) */
  char              *confirm_before;
} AccordsPartEdit;

struct _AccordsPartFormInterface
{
  GTypeInterface parent_iface;

  /* The kind of part, as the editor's actions name it ("party", a fact kind) */
  const char              *(*get_kind)      (AccordsPartForm  *self);
  const AccordsPartLabels *(*get_labels)    (AccordsPartForm  *self,
                                             const char       *mode);
  /* Shows the parts of agreement, the editor's working copy */
  void                     (*load)          (AccordsPartForm  *self,
                                             AccordsAgreement *agreement);
  AccordsAgreement        *(*get_agreement) (AccordsPartForm  *self);
  AccordsContext          *(*get_context)   (AccordsPartForm  *self);
  /* Adds the fields of the part at edit->index to edit->dialog */
  void                     (*fill)          (AccordsPartForm  *self,
                                             AccordsPartEdit  *edit);
  /* Writes the dialog's values into edit->candidate, and says where each
   * validation member shows (edit->prefix, edit->map) */
  void                     (*write)         (AccordsPartForm  *self,
                                             AccordsPartEdit  *edit);
  /* Removes the part at index from candidate; returns the toast's text,
   * or NULL when there is no such part */
  char                    *(*remove)        (AccordsPartForm  *self,
                                             AccordsAgreement *candidate,
                                             guint             index);

  /* Signal: a change the person made, the command that saves it ready;
   * TRUE when it is taken */
  gboolean                 (*changed)       (AccordsPartForm  *self,
                                             AccordsAgreement *candidate,
                                             AccordsCommand   *command);
};

/* Properties: context (AccordsContext).  Signal: "changed". */
const char        *accords_part_form_get_kind     (AccordsPartForm  *self);
void               accords_part_form_load         (AccordsPartForm  *self,
                                                   AccordsAgreement *agreement);
/* Opens the dialog for the part at index (-1: a new one) in mode (NULL,
 * or one of the form's own); its save is announced with "changed" */
AccordsFormDialog *accords_part_form_edit         (AccordsPartForm  *self,
                                                   const char       *mode,
                                                   int               index);
char              *accords_part_form_remove       (AccordsPartForm  *self,
                                                   AccordsAgreement *candidate,
                                                   guint             index);
/* Emits "changed" for candidate, saved as one step named label */
gboolean           accords_part_form_emit_changed (AccordsPartForm  *self,
                                                   AccordsAgreement *candidate,
                                                   const char       *label);

/* For the forms */

/* An activatable row that edits the part (editor.edit), with a button
 * that deletes it (editor.delete) */
GtkWidget  *accords_part_row_new         (const char        *kind,
                                          guint              index,
                                          const char        *title,
                                          const char        *subtitle);
GtkWidget  *accords_part_row_button      (const char        *icon,
                                          const char        *tooltip,
                                          const char        *action,
                                          GVariant          *target);
void        accords_part_list_set_placeholder (GtkListBox   *list,
                                          const char        *text);
guint       accords_part_index_in        (GListStore        *store,
                                          gpointer           item);
/* A copy of the part at index, or a new one (index -1) */
gpointer    accords_part_at              (GListStore        *store,
                                          int                index,
                                          GType              type);
/* Puts part at index (-1: at the end), and records where for validation */
void        accords_part_edit_put        (AccordsPartEdit   *edit,
                                          const char        *member,
                                          GListStore        *store,
                                          gpointer           part);
/* Pairs of validation member and dialog field, NULL-terminated */
void        accords_part_edit_map        (AccordsPartEdit   *edit,
                                          const char        *first,
                                          ...) G_GNUC_NULL_TERMINATED;
/* Marks the fields the dialog has, NULL-terminated */
void        accords_part_edit_mark       (AccordsPartEdit   *edit,
                                          const char        *first,
                                          ...) G_GNUC_NULL_TERMINATED;
gboolean    accords_part_edit_has        (AccordsPartEdit   *edit,
                                          const char        *field);
/* A field's value ("" when the dialog lacks it), and the same stripped */
const char *accords_part_edit_value      (AccordsPartEdit   *edit,
                                          const char        *field);
char       *accords_part_edit_stripped   (AccordsPartEdit   *edit,
                                          const char        *field);

/* NULL-terminated names and translated labels of a vocabulary */
void        accords_part_vocabulary_choices (AccordsVocabulary vocabulary,
                                          gboolean           with_none,
                                          GStrv             *values,
                                          GStrv             *labels);
/* The agreement's sources, and with_none: "No source" first */
void        accords_part_source_choices  (AccordsAgreement  *agreement,
                                          gboolean           with_none,
                                          GStrv             *values,
                                          GStrv             *labels);
const char *accords_part_source_label    (AccordsSource     *source);
gboolean    accords_part_has_source      (AccordsAgreement  *agreement,
                                          const char        *url);
/* "A source of another agreement" (with other) and "A new source" */
void        accords_part_edit_add_source_pickers (AccordsPartEdit *edit,
                                          gboolean           other);
/* Adds the other source chosen, or the new one, to edit->candidate;
 * returns the URL to cite (NULL: none) */
char       *accords_part_edit_take_new_source (AccordsPartEdit *edit);
/* Rewrites the citations of one URL in a (to NULL: drops them) */
guint       accords_part_recite          (AccordsAgreement  *a,
                                          const char        *from,
                                          const char        *to);

G_END_DECLS
