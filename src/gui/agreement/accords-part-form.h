/* accords-part-form.h: one kind of agreement part in the editor: its list, its dialog, its changes */
#pragma once

#include <adwaita.h>

#include "accords-agreement.h"
#include "accords-command.h"
#include "accords-context.h"
#include "accords-form-dialog.h"
#include "accords-part-kind.h"
#include "accords-source.h"
#include "accords-vocabulary.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_PART_FORM (accords_part_form_get_type ())

G_DECLARE_DERIVABLE_TYPE (AccordsPartForm, accords_part_form, ACCORDS, PART_FORM, GtkWidget)

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

/* A form lists the parts of one kind in the editor's working copy, each
 * row an editor.edit of it, and opens the dialog that adds or edits one.
 * Its template (accords_part_form_class_set_template) has the list as "list". */
struct _AccordsPartFormClass
{
  GtkWidgetClass           parent_class;

  const AccordsPartKind   *part;    /* set with the template */
  const AccordsPartLabels *labels;
  const char              *noun;    /* "Person" in "Person deleted" (untranslated, N_) */

  /* NULL: labels, whatever the mode */
  const AccordsPartLabels *(*get_labels) (AccordsPartForm  *self,
                                          const char       *mode);
  /* Whether the list shows part; NULL: it shows them all */
  gboolean                 (*shows)      (AccordsPartForm  *self,
                                          gpointer          part);
  /* The row of part, the index-th of its kind in the agreement */
  GtkWidget               *(*create_row) (AccordsPartForm  *self,
                                          gpointer          part,
                                          guint             index);
  /* Adds the fields of part (a copy of the one at edit->index, or a new
   * one) to edit->dialog */
  void                     (*fill)       (AccordsPartForm  *self,
                                          AccordsPartEdit  *edit,
                                          gpointer          part);
  /* Writes the dialog's values into part, which then takes its place in
   * edit->candidate, and says where each validation member shows (edit->map) */
  void                     (*write)      (AccordsPartForm  *self,
                                          AccordsPartEdit  *edit,
                                          gpointer          part);
  /* The toast's text once part is removed from candidate; NULL: "<noun> deleted" */
  char                    *(*removed)    (AccordsPartForm  *self,
                                          AccordsAgreement *candidate,
                                          gpointer          part);

  /* Signal: a change the person made, the command that saves it ready;
   * TRUE when it is taken */
  gboolean                 (*changed)    (AccordsPartForm  *self,
                                          AccordsAgreement *candidate,
                                          AccordsCommand   *command);
};

/* Properties: context (AccordsContext); kind (construct-only), as the
 * editor's actions name it: the class's part unless the form lists some
 * of them (the facts of one kind).  Signal: "changed". */
const char        *accords_part_form_get_kind      (AccordsPartForm  *self);
AccordsContext    *accords_part_form_get_context   (AccordsPartForm  *self);
/* The editor's working copy, or NULL before the first load */
AccordsAgreement  *accords_part_form_get_agreement (AccordsPartForm  *self);
void               accords_part_form_load          (AccordsPartForm  *self,
                                                    AccordsAgreement *agreement);
/* Opens the dialog for the part at index (-1: a new one) in mode (NULL,
 * or one of the form's own); its save is announced with "changed" */
AccordsFormDialog *accords_part_form_edit          (AccordsPartForm  *self,
                                                    const char       *mode,
                                                    int               index);
/* Removes the part at index from candidate; returns the toast's text,
 * or NULL when there is no such part */
char              *accords_part_form_remove        (AccordsPartForm  *self,
                                                    AccordsAgreement *candidate,
                                                    guint             index);
/* Emits "changed" for candidate, saved as one step named label */
gboolean           accords_part_form_emit_changed  (AccordsPartForm  *self,
                                                    AccordsAgreement *candidate,
                                                    const char       *label);

/* For the forms */

/* Says which kind of part (its name in accords_part_kind_lookup) the form
 * lists, and gives it its template */
void        accords_part_form_class_set_template (AccordsPartFormClass *klass,
                                          const char        *kind,
                                          const char        *resource);
GtkListBox *accords_part_form_get_list   (AccordsPartForm   *self);
/* What the list shows while it is empty */
void        accords_part_form_set_placeholder (AccordsPartForm *self,
                                          const char        *text);
/* The row of the part at index: it edits the part (editor.edit), and has
 * a button that deletes it (editor.delete) */
GtkWidget  *accords_part_form_new_row    (AccordsPartForm   *self,
                                          guint              index,
                                          const char        *title,
                                          const char        *subtitle);

GtkWidget  *accords_part_row_button      (const char        *icon,
                                          const char        *tooltip,
                                          const char        *action,
                                          GVariant          *target);
/* Pairs of validation member and dialog field, NULL-terminated */
void        accords_part_edit_map        (AccordsPartEdit   *edit,
                                          const char        *first,
                                          ...) G_GNUC_NULL_TERMINATED;
/* A field's value ("" when the dialog lacks it), and the same stripped */
const char *accords_part_edit_value      (AccordsPartEdit   *edit,
                                          const char        *field);
char       *accords_part_edit_stripped   (AccordsPartEdit   *edit,
                                          const char        *field);
/* Sets each string property of part named as a field the dialog has
 * ("case_name") to the field's stripped text, NULL-terminated */
void        accords_part_edit_set_texts  (AccordsPartEdit   *edit,
                                          gpointer           part,
                                          const char        *first,
                                          ...) G_GNUC_NULL_TERMINATED;

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
