/* accords-note-editor.c: a note's Markdown, saved as it is typed, with its citations */
#define G_LOG_DOMAIN "accords-note-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-autosave.h"
#include "accords-citation-view.h"
#include "accords-note-editor.h"
#include "accords-reference.h"
#include "accords-store-notes.h"
#include "accords-util.h"
#include "accords-widget-util.h"

#define CITATIONS_REFRESH_MS 250

struct _AccordsNoteEditor
{
  GtkWidget                parent_instance;

  GtkSearchBar            *search_bar;
  GtkSearchEntry          *search_entry;
  GtkLabel                *search_label;
  GtkScrolledWindow       *scroller;
  GtkSourceView           *view;
  GtkRevealer             *citations_revealer;
  GtkListBox              *citations_list;
  GtkLabel                *words_label;
  GtkLabel                *state_label;

  AccordsContext          *context;
  AccordsNote             *note;
  AccordsAutosave         *autosave;
  GtkSourceBuffer         *buffer;
  GtkTextTag              *citation_tag;
  GtkSourceSearchSettings *search_settings;
  GtkSourceSearchContext  *search_context;
  GListStore              *citations;
  guint                    refresh_id;
  guint                    words;
  gboolean                 loading;
};

G_DEFINE_FINAL_TYPE (AccordsNoteEditor, accords_note_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTE,
  PROP_WORD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
buffer_text (AccordsNoteEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
}

static void
update_scheme (AccordsNoteEditor *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (schemes, adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita");

  /* GNOME's blue 1 reads on dark backgrounds, blue 4 on light ones */
  GdkRGBA ink = adw_style_manager_get_dark (manager)
    ? (GdkRGBA) { 0.60, 0.76, 0.95, 1.0 }
    : (GdkRGBA) { 0.10, 0.37, 0.71, 1.0 };

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (self->buffer, scheme);
  if (self->citation_tag != NULL)
    g_object_set (self->citation_tag, "foreground-rgba", &ink, NULL);
}

/* Marks every citation marker with the citation tag */
static void
highlight_citations (AccordsNoteEditor *self,
                     const char        *text)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GArray) marks = accords_citations_parse (text);
  GtkTextIter start, end;
  const char *p = text;
  glong offset = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->citation_tag, &start, &end);
  /* above the Markdown highlighting, which takes "[…]" for link text */
  gtk_text_tag_set_priority (self->citation_tag,
                             gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1);
  for (guint i = 0; i < marks->len; i++)
    {
      const AccordsCitationMark *m = &g_array_index (marks, AccordsCitationMark, i);
      glong from, to;

      offset += g_utf8_pointer_to_offset (p, text + m->start);
      from = offset;
      to = from + g_utf8_pointer_to_offset (text + m->start, text + m->end);
      p = text + m->end;
      offset = to;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) from);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) to);
      gtk_text_buffer_apply_tag (buffer, self->citation_tag, &start, &end);
    }
}

static void
update_words (AccordsNoteEditor *self,
              const char        *text)
{
  g_autofree char *label = NULL;
  guint words = accords_note_count_words (text);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", words), words);
  gtk_label_set_label (self->words_label, label);
  if (self->words != words)
    {
      self->words = words;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORD_COUNT]);
    }
}

static void
update_state (AccordsNoteEditor *self)
{
  if (self->note == NULL || self->autosave == NULL)
    gtk_label_set_label (self->state_label, "");
  else if (accords_autosave_get_pending (self->autosave))
    gtk_label_set_label (self->state_label, _("Saving…"));
  else
    gtk_label_set_label (self->state_label, _("Saved"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
}

static void
citation_activated_cb (AdwActionRow *row,
                       gpointer      user_data)
{
  AccordsNoteEditor *self = user_data;
  AccordsReference *reference = g_object_get_data (G_OBJECT (row), "reference");
  const char *url = accords_reference_get_url (reference);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* a news item opens in the News view when the window has one */
  if (accords_reference_get_kind (reference) == ACCORDS_CITATION_ITEM &&
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "x", accords_reference_get_id (reference)))
    return;
  if (!accords_str_empty (url))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static GtkWidget *
create_citation_row (gpointer item,
                     gpointer user_data)
{
  AccordsNoteEditor *self = user_data;
  AccordsReference *reference = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *number = gtk_label_new (NULL);
  g_autofree char *label = accords_reference_dup_label (reference);
  g_autofree char *number_text = NULL;
  AccordsReferenceParts parts = { 0 };
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint position = 0;

  g_list_store_find (self->citations, reference, &position);
  number_text = g_strdup_printf ("[%u]", position + 1);
  gtk_label_set_label (GTK_LABEL (number), number_text);
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "citation-number");

  accords_reference_get_parts (reference, &parts);
  if (parts.publisher)
    g_string_append (subtitle, parts.publisher);
  if (parts.date)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", parts.date);
  if (subtitle->len == 0 && parts.url)
    g_string_append (subtitle, parts.url);
  if (accords_reference_get_kind (reference) == ACCORDS_CITATION_ITEM)
    g_string_prepend (subtitle, subtitle->len ? _("News · ") : _("News"));
  accords_reference_parts_clear (&parts);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), number);
  if (!accords_reference_get_missing (reference))
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (citation_activated_cb), self, 0);
    }
  g_object_set_data_full (G_OBJECT (row), "reference", g_object_ref (reference), g_object_unref);
  return row;
}

static void
refresh_citations (AccordsNoteEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) references = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->note != NULL && self->context != NULL)
    {
      text = buffer_text (self);
      references = accords_store_load_note_references (accords_context_get_store (self->context), text, &error);
      if (references == NULL)
        g_warning ("Reading the citations of note %" G_GINT64_FORMAT ": %s",
                   accords_note_get_id (self->note), error->message);
    }
  if (references != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (references)); i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (references), i));

  g_list_store_splice (self->citations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->citations)),
                       items->pdata, items->len);
  gtk_revealer_set_reveal_child (self->citations_revealer, items->len > 0);

  /* each marker reads as its number in the list below and its title */
  {
    g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

    for (guint i = 0; i < items->len; i++)
      {
        AccordsReference *reference = g_ptr_array_index (items, i);
        const char *title = accords_reference_get_title (reference);
        g_autoptr(GUri) uri = NULL;

        /* an untitled source goes by its site */
        if (title == NULL || *title == '\0')
          {
            uri = g_uri_parse (accords_str_or_empty (accords_reference_get_url (reference)), G_URI_FLAGS_NONE, NULL);
            title = uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : accords_reference_get_url (reference);
          }

        g_hash_table_insert (labels,
                             accords_citation_marker (accords_reference_get_kind (reference),
                                                      accords_reference_get_id (reference)),
                             /* TRANSLATORS: a citation in a note: its number · the title of what it cites */
                             g_strdup_printf (_("%u · %s"), i + 1, accords_str_or_empty (title)));
      }
    accords_citation_view_set_labels (ACCORDS_CITATION_VIEW (self->view), labels);
  }
}

static gboolean
refresh_citations_cb (gpointer user_data)
{
  AccordsNoteEditor *self = user_data;

  self->refresh_id = 0;
  refresh_citations (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (AccordsNoteEditor *self)
{
  g_autofree char *text = buffer_text (self);

  highlight_citations (self, text);
  update_words (self, text);
  if (self->loading || self->note == NULL)
    return;

  accords_note_set_body (self->note, text);
  if (self->autosave != NULL)
    accords_autosave_set_text (self->autosave, text);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (CITATIONS_REFRESH_MS, refresh_citations_cb, self);
}

static void
autosave_saved_cb (AccordsNoteEditor *self,
                   const char        *updated)
{
  if (self->note != NULL)
    accords_note_set_updated (self->note, updated);
  update_state (self);
}

static void
autosave_failed_cb (AccordsNoteEditor *self,
                    const GError      *error)
{
  g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);

  gtk_label_set_label (self->state_label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
}

/* The citation marker under a point of the view, as [start, end) */
static gboolean
citation_at (AccordsNoteEditor   *self,
             const GtkTextIter   *iter,
             AccordsCitationKind *kind,
             gint64              *id)
{
  GtkTextIter start = *iter, end = *iter;
  g_autofree char *marker = NULL;
  g_autoptr(GArray) marks = NULL;

  if (!gtk_text_iter_has_tag (iter, self->citation_tag))
    return FALSE;
  if (!gtk_text_iter_starts_tag (&start, self->citation_tag))
    gtk_text_iter_backward_to_tag_toggle (&start, self->citation_tag);
  gtk_text_iter_forward_to_tag_toggle (&end, self->citation_tag);
  marker = gtk_text_iter_get_text (&start, &end);
  marks = accords_citations_parse (marker);
  if (marks->len == 0)
    return FALSE;
  *kind = g_array_index (marks, AccordsCitationMark, 0).kind;
  *id = g_array_index (marks, AccordsCitationMark, 0).id;
  return TRUE;
}

static gboolean
query_tooltip_cb (AccordsNoteEditor *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  GtkTextIter iter;
  AccordsCitationKind kind;
  gint64 id;
  int bx, by;
  g_autoptr(AccordsReference) reference = NULL;
  g_autofree char *text = NULL;

  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), &iter,
                                      gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->buffer)));
  else
    {
      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, bx, by))
        return FALSE;
    }
  if (self->context == NULL || !citation_at (self, &iter, &kind, &id))
    return FALSE;

  reference = accords_store_load_reference (accords_context_get_store (self->context), kind, id, NULL);
  if (reference == NULL)
    return FALSE;
  {
    g_autofree char *entry = accords_reference_format (reference);
    guint position;

    /* the number it has in the list under the note, and in exports of it */
    for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->citations)); position++)
      {
        g_autoptr(AccordsReference) listed = g_list_model_get_item (G_LIST_MODEL (self->citations), position);
        if (accords_reference_get_kind (listed) == kind && accords_reference_get_id (listed) == id)
          break;
      }
    text = position < g_list_model_get_n_items (G_LIST_MODEL (self->citations))
      ? g_strdup_printf ("[%u] %s", position + 1, entry) : g_steal_pointer (&entry);
  }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Search */

static void
update_search_label (AccordsNoteEditor *self)
{
  GtkTextIter start, end;
  int count = gtk_source_search_context_get_occurrences_count (self->search_context);
  int position;
  g_autofree char *text = NULL;

  if (accords_str_empty (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) || count < 0)
    {
      gtk_label_set_label (self->search_label, "");
      return;
    }
  if (count == 0)
    {
      gtk_label_set_label (self->search_label, _("No matches"));
      return;
    }
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  position = gtk_source_search_context_get_occurrence_position (self->search_context, &start, &end);
  /* TRANSLATORS: the match found, of how many, in a note */
  text = position > 0 ? g_strdup_printf (_("%d of %d"), position, count)
                      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d match", "%d matches", count), count);
  gtk_label_set_label (self->search_label, text);
}

static void
select_match (AccordsNoteEditor *self,
              GtkTextIter       *start,
              GtkTextIter       *end)
{
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self->buffer), start, end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), start, 0.1, FALSE, 0, 0);
  update_search_label (self);
}

static void
find (AccordsNoteEditor *self,
      gboolean           forward)
{
  GtkTextIter from, to, start, end;
  gboolean wrapped;

  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &from, &to);
  if (forward ? gtk_source_search_context_forward (self->search_context, &to, &start, &end, &wrapped)
              : gtk_source_search_context_backward (self->search_context, &from, &start, &end, &wrapped))
    select_match (self, &start, &end);
  else
    update_search_label (self);
}

static void
search_changed_cb (AccordsNoteEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter from, start, end;
  gboolean wrapped;

  gtk_source_search_settings_set_search_text (self->search_settings, accords_str_empty (text) ? NULL : text);
  if (accords_str_empty (text))
    {
      update_search_label (self);
      return;
    }
  /* search as one types, from where the match began */
  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &from, &end);
  if (gtk_source_search_context_forward (self->search_context, &from, &start, &end, &wrapped))
    select_match (self, &start, &end);
}

static void
next_match_cb (AccordsNoteEditor *self)
{
  find (self, TRUE);
}

static void
previous_match_cb (AccordsNoteEditor *self)
{
  find (self, FALSE);
}

static void
stop_search_cb (AccordsNoteEditor *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsNoteEditor *self = ACCORDS_NOTE_EDITOR (widget);
  GtkTextIter start, end;

  if (self->note == NULL)
    return;
  /* a selection on one line is what one wants to find */
  if (gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_iter_get_text (&start, &end);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* editor.find-next and editor.find-previous */
static void
find_again_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  find (ACCORDS_NOTE_EDITOR (widget), g_str_equal (action_name, "editor.find-next"));
}

static const AccordsWidgetAction actions[] = {
  { "editor.find", NULL, find_action, GDK_KEY_f, GDK_CONTROL_MASK },
  { "editor.find-next", NULL, find_again_action, GDK_KEY_g, GDK_CONTROL_MASK },
  { "editor.find-previous", NULL, find_again_action, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
};

static void
drop_autosave (AccordsNoteEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->autosave == NULL)
    return;
  if (!accords_autosave_flush (self->autosave, &error))
    g_warning ("Saving note %" G_GINT64_FORMAT ": %s", accords_autosave_get_note_id (self->autosave), error->message);
  g_signal_handlers_disconnect_by_data (self->autosave, self);
  g_clear_object (&self->autosave);
}

/* Hidden means the window closes or another view shows: the note is saved
 * now rather than after the pause */
static void
accords_note_editor_unmap (GtkWidget *widget)
{
  AccordsNoteEditor *self = ACCORDS_NOTE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->autosave != NULL && !accords_autosave_flush (self->autosave, &error))
    autosave_failed_cb (self, error);
  GTK_WIDGET_CLASS (accords_note_editor_parent_class)->unmap (widget);
}

static void
accords_note_editor_dispose (GObject *object)
{
  AccordsNoteEditor *self = (AccordsNoteEditor *) object;
  GtkWidget *child;

  drop_autosave (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_NOTE_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->search_context);
  g_clear_object (&self->search_settings);
  g_clear_object (&self->buffer);
  g_clear_object (&self->citations);
  g_clear_object (&self->note);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_note_editor_parent_class)->dispose (object);
}

static void
accords_note_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordsNoteEditor *self = ACCORDS_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;

    case PROP_WORD_COUNT:
      g_value_set_uint (value, self->words);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_note_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordsNoteEditor *self = ACCORDS_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      accords_note_editor_set_note (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_note_editor_class_init (AccordsNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_note_editor_dispose;
  object_class->get_property = accords_note_editor_get_property;
  object_class->set_property = accords_note_editor_set_property;
  widget_class->unmap = accords_note_editor_unmap;

  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, ACCORDS_TYPE_NOTE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WORD_COUNT] =
    g_param_spec_uint ("word-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_source_init ();
  g_type_ensure (ACCORDS_TYPE_CITATION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, search_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, view);
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, citations_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, citations_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, words_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsNoteEditor, state_label);

  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));

  gtk_widget_class_set_css_name (widget_class, "noteeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accords_note_editor_init (AccordsNoteEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GdkRGBA highlight = { 0.21, 0.52, 0.89, 0.16 };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_source_buffer_new_with_language (gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (self->buffer, TRUE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (self->buffer));
  self->citation_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self->buffer), "citation",
                                                   "background-rgba", &highlight,
                                                   "weight", 600,
                                                   NULL);
  accords_citation_view_set_citation_tag (ACCORDS_CITATION_VIEW (self->view), self->citation_tag);
  update_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);

  self->search_settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->search_settings, TRUE);
  self->search_context = gtk_source_search_context_new (self->buffer, self->search_settings);
  g_signal_connect_object (self->search_context, "notify::occurrences-count",
                           G_CALLBACK (update_search_label), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (next_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match", G_CALLBACK (next_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match", G_CALLBACK (previous_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);

  self->citations = g_list_store_new (ACCORDS_TYPE_REFERENCE);
  gtk_list_box_bind_model (self->citations_list, G_LIST_MODEL (self->citations), create_citation_row, self, NULL);

  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self, G_CONNECT_SWAPPED);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), FALSE);
  update_words (self, "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note editor"), -1);
}

GtkWidget *
accords_note_editor_new (void)
{
  return g_object_new (ACCORDS_TYPE_NOTE_EDITOR, NULL);
}

void
accords_note_editor_set_context (AccordsNoteEditor *self,
                                 AccordsContext    *context)
{
  g_return_if_fail (ACCORDS_IS_NOTE_EDITOR (self));
  g_set_object (&self->context, context);
}

void
accords_note_editor_set_note (AccordsNoteEditor *self,
                              AccordsNote       *note)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ACCORDS_IS_NOTE_EDITOR (self));
  g_return_if_fail (note == NULL || ACCORDS_IS_NOTE (note));
  g_return_if_fail (note == NULL || self->context != NULL);

  if (self->note == note)
    return;

  drop_autosave (self);
  g_set_object (&self->note, note);

  /* a note read in is where undo stops */
  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), note ? accords_note_get_body (note) : "", -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  self->loading = FALSE;

  if (note != NULL)
    {
      GtkTextIter start;

      self->autosave = accords_autosave_new (accords_context_get_store (self->context),
                                             accords_note_get_id (note), accords_note_get_body (note));
      g_signal_connect_object (self->autosave, "notify::pending", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->autosave, "saved", G_CALLBACK (autosave_saved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->autosave, "failed", G_CALLBACK (autosave_failed_cb), self, G_CONNECT_SWAPPED);
      gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &start);
      gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &start);
    }
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), note != NULL);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  update_state (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_citations (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

AccordsNote *
accords_note_editor_get_note (AccordsNoteEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), NULL);
  return self->note;
}

gboolean
accords_note_editor_insert_citation (AccordsNoteEditor   *self,
                                     AccordsCitationKind  kind,
                                     gint64               id)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter, before;
  g_autofree char *marker = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), FALSE);

  if (self->note == NULL)
    return FALSE;

  buffer = GTK_TEXT_BUFFER (self->buffer);
  marker = accords_citation_marker (kind, id);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  before = iter;
  /* "talks [@source:12]": a blank between the word and its citation */
  text = gtk_text_iter_starts_line (&iter) || !gtk_text_iter_backward_char (&before) ||
         g_unichar_isspace (gtk_text_iter_get_char (&before))
         ? g_strdup (marker) : g_strconcat (" ", marker, NULL);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer));

  /* the citation is listed at once, not after the pause */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_citations (self);
  return TRUE;
}

void
accords_note_editor_set_title (AccordsNoteEditor *self,
                               const char        *title)
{
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autofree char *renamed = NULL;
  glong old_len, new_len, prefix = 0, suffix = 0;
  GtkTextIter start, end;
  const char *old_end, *new_end;

  g_return_if_fail (ACCORDS_IS_NOTE_EDITOR (self));

  if (self->note == NULL)
    return;
  buffer = GTK_TEXT_BUFFER (self->buffer);
  text = buffer_text (self);
  renamed = accords_note_body_with_title (text, title);

  /* replace only what differs, so that the cursor and undo stay sensible */
  old_len = g_utf8_strlen (text, -1);
  new_len = g_utf8_strlen (renamed, -1);
  for (const char *a = text, *b = renamed; *a && *b && g_utf8_get_char (a) == g_utf8_get_char (b);
       a = g_utf8_next_char (a), b = g_utf8_next_char (b))
    prefix++;
  old_end = text + strlen (text);
  new_end = renamed + strlen (renamed);
  while (suffix < old_len - prefix && suffix < new_len - prefix)
    {
      const char *a = g_utf8_prev_char (old_end);
      const char *b = g_utf8_prev_char (new_end);

      if (g_utf8_get_char (a) != g_utf8_get_char (b))
        break;
      old_end = a;
      new_end = b;
      suffix++;
    }

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) prefix);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) (old_len - suffix));
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, g_utf8_offset_to_pointer (renamed, prefix),
                          (int) (new_end - g_utf8_offset_to_pointer (renamed, prefix)));
  gtk_text_buffer_end_user_action (buffer);
}

gboolean
accords_note_editor_flush (AccordsNoteEditor  *self,
                           GError            **error)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), FALSE);

  if (self->autosave == NULL)
    return TRUE;
  return accords_autosave_flush (self->autosave, error);
}

gboolean
accords_note_editor_get_pending (AccordsNoteEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), FALSE);
  return self->autosave != NULL && accords_autosave_get_pending (self->autosave);
}

void
accords_note_editor_discard (AccordsNoteEditor *self)
{
  g_return_if_fail (ACCORDS_IS_NOTE_EDITOR (self));

  if (self->autosave != NULL)
    accords_autosave_discard (self->autosave);
}

GtkSourceBuffer *
accords_note_editor_get_buffer (AccordsNoteEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), NULL);
  return self->buffer;
}

GtkSourceView *
accords_note_editor_get_view (AccordsNoteEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), NULL);
  return self->view;
}

GListModel *
accords_note_editor_get_citations (AccordsNoteEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), NULL);
  return G_LIST_MODEL (self->citations);
}

GtkListBox *
accords_note_editor_get_citations_list (AccordsNoteEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), NULL);
  return self->citations_list;
}

guint
accords_note_editor_get_word_count (AccordsNoteEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), 0);
  return self->words;
}

GtkTextTag *
accords_note_editor_get_citation_tag (AccordsNoteEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTE_EDITOR (self), NULL);
  return self->citation_tag;
}
