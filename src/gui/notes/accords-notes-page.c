/* accords-notes-page.c: the Notes view: notes by agreement, country or none, the editor, what to cite */
#define G_LOG_DOMAIN "accords-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-note-editor.h"
#include "accords-notes-page.h"
#include "accords-reference.h"
#include "accords-store-agreements.h"
#include "accords-store-notes.h"
#include "accords-util.h"
#include "accords-widget-util.h"

#define SEARCH_LIMIT 200

struct _AccordsNotesPage
{
  GtkWidget           parent_instance;

  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkWidget          *content;
  GtkDropDown        *scope_dropdown;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *notes_view;
  AdwStatusPage      *list_empty;
  GtkWidget          *citable_box;
  GtkLabel           *citable_title;
  GtkListBox         *citable_list;
  GtkLabel           *citable_hint;     /* what the empty list says */
  GtkLabel           *note_title;
  GtkStack           *editor_stack;
  AccordsNoteEditor  *editor;

  AccordsContext     *context;
  char               *agreement;
  char               *country;
  GListStore         *notes;
  GtkSingleSelection *selection;
  GListStore         *citable;
  AccordsNote        *deleted;      /* for undo */
  GBinding           *title_binding;
  gboolean            reloading;
};

G_DEFINE_FINAL_TYPE (AccordsNotesPage, accords_notes_page, GTK_TYPE_WIDGET)

static void
show_error (AccordsNotesPage *self,
            const char       *message)
{
  if (!accords_widget_show_edit_toast (GTK_WIDGET (self), message, FALSE))
    g_warning ("%s", message);
}

static AccordsNotesPageScope
get_scope (AccordsNotesPage *self)
{
  return (AccordsNotesPageScope) gtk_drop_down_get_selected (self->scope_dropdown);
}

static void
update_actions (AccordsNotesPage *self)
{
  gboolean open = accords_note_editor_get_note (self->editor) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.rename", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.delete", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.find", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.undo-delete", self->deleted != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.cite", self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notes.new", self->context != NULL);
}

/* Plain words are matched as prefixes, so that results come as one types;
 * anything else is handed to FTS5 as it is */
static char *
search_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        if (!g_unichar_isalnum (g_utf8_get_char (p)))
          {
            g_string_free (query, TRUE);
            return g_strdup (text);
          }
      g_string_append_printf (query, "%s%s*", query->len ? " " : "", words[i]);
    }
  return g_string_free (query, FALSE);
}

static guint
find_note (GListModel *model,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AccordsNote) note = g_list_model_get_item (model, i);

      if (accords_note_get_id (note) == id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
reload_notes (AccordsNotesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) loaded = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  AccordsNote *current = accords_note_editor_get_note (self->editor);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  AccordsStore *store;
  guint position;

  if (self->context == NULL)
    return;
  store = accords_context_get_store (self->context);

  if (!accords_str_empty (search))
    {
      g_autofree char *query = search_query (search);
      loaded = accords_store_search_notes (store, query, SEARCH_LIMIT, &error);
      adw_status_page_set_title (self->list_empty, _("No Notes Found"));
      adw_status_page_set_description (self->list_empty, NULL);
    }
  else
    {
      switch (get_scope (self))
        {
        case ACCORDS_NOTES_PAGE_AGREEMENT:
          loaded = self->agreement
            ? accords_store_list_notes (store, ACCORDS_NOTE_SCOPE_AGREEMENT, self->agreement, &error)
            : g_list_store_new (ACCORDS_TYPE_NOTE);
          adw_status_page_set_description (self->list_empty, self->agreement ? NULL
                                           : _("Choose an agreement to see its notes"));
          break;
        case ACCORDS_NOTES_PAGE_COUNTRY:
          loaded = self->country
            ? accords_store_list_notes (store, ACCORDS_NOTE_SCOPE_COUNTRY, self->country, &error)
            : g_list_store_new (ACCORDS_TYPE_NOTE);
          adw_status_page_set_description (self->list_empty, self->country ? NULL
                                           : _("Choose a country to see its notes"));
          break;
        case ACCORDS_NOTES_PAGE_FREE:
          loaded = accords_store_list_notes (store, ACCORDS_NOTE_SCOPE_FREE, NULL, &error);
          adw_status_page_set_description (self->list_empty, NULL);
          break;
        case ACCORDS_NOTES_PAGE_ALL:
        default:
          loaded = accords_store_list_notes (store, ACCORDS_NOTE_SCOPE_ALL, NULL, &error);
          adw_status_page_set_description (self->list_empty, NULL);
          break;
        }
      adw_status_page_set_title (self->list_empty, _("No Notes"));
    }
  if (loaded == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* the open note stays the editor's object, whose text is the newest */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (loaded)); i++)
    {
      AccordsNote *note = g_list_model_get_item (G_LIST_MODEL (loaded), i);

      if (current != NULL && accords_note_get_id (note) == accords_note_get_id (current))
        {
          g_object_unref (note);
          note = g_object_ref (current);
        }
      g_ptr_array_add (items, note);
    }

  self->reloading = TRUE;
  g_list_store_splice (self->notes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notes)),
                       items->pdata, items->len);
  position = current ? find_note (G_LIST_MODEL (self->notes), accords_note_get_id (current)) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  self->reloading = FALSE;

  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "none");
}

/* The open note follows the list: when the list no longer holds it, the
 * newest note of the list opens instead, or none */
static void
follow_list (AccordsNotesPage *self)
{
  AccordsNote *current = accords_note_editor_get_note (self->editor);

  if (current != NULL && find_note (G_LIST_MODEL (self->notes), accords_note_get_id (current)) != GTK_INVALID_LIST_POSITION)
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->notes)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      accords_note_editor_set_note (self->editor, gtk_single_selection_get_selected_item (self->selection));
    }
  else
    accords_note_editor_set_note (self->editor, NULL);
}

static GtkWidget *
create_citable_row (gpointer item,
                    gpointer user_data)
{
  AccordsReference *reference = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *label = accords_reference_dup_label (reference);
  AccordsReferenceParts parts = { 0 };
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean news = accords_reference_get_kind (reference) == ACCORDS_CITATION_ITEM;

  accords_reference_get_parts (reference, &parts);
  g_string_append (subtitle, news ? _("News") : _("Source"));
  if (parts.publisher)
    g_string_append_printf (subtitle, " · %s", parts.publisher);
  if (parts.date)
    g_string_append_printf (subtitle, " · %s", parts.date);
  if (!parts.publisher && !parts.date && parts.url && !accords_str_empty (accords_reference_get_title (reference)))
    {
      g_autoptr(GUri) uri = g_uri_parse (parts.url, G_URI_FLAGS_NONE, NULL);
      if (uri && g_uri_get_host (uri) && *g_uri_get_host (uri))
        g_string_append_printf (subtitle, " · %s", g_uri_get_host (uri));
    }
  accords_reference_parts_clear (&parts);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (news ? "application-rss+xml-symbolic" : "x-office-document-symbolic"));
  gtk_widget_set_tooltip_text (row, accords_reference_get_url (reference));
  g_object_set_data_full (G_OBJECT (row), "reference", g_object_ref (reference), g_object_unref);
  return row;
}

static void
reload_citable (AccordsNotesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) loaded = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;

  if (self->context != NULL && self->agreement != NULL)
    {
      g_autoptr(AccordsAgreement) a = accords_store_load_agreement (accords_context_get_store (self->context),
                                                                     self->agreement, NULL);
      const char *name = a ? (accords_str_empty (accords_agreement_get_short_title (a))
                                ? accords_agreement_get_title (a) : accords_agreement_get_short_title (a))
                           : self->agreement;

      /* TRANSLATORS: above the sources and news a note can cite: "To cite on US–Rwanda" */
      title = g_strdup_printf (_("To cite on %s"), name);
      loaded = accords_store_list_citable (accords_context_get_store (self->context), self->agreement, &error);
      if (loaded == NULL)
        show_error (self, error->message);
    }
  gtk_label_set_label (self->citable_title, title ? title : _("Sources to cite"));
  gtk_label_set_label (self->citable_hint,
                       title ? _("Nothing to cite on this agreement yet: add sources or link news in its Sources tab")
                             : _("Choose an agreement: its sources and linked news can be cited here"));
  if (loaded != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (loaded)); i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (loaded), i));
  g_list_store_splice (self->citable, 0, g_list_model_get_n_items (G_LIST_MODEL (self->citable)),
                       items->pdata, items->len);
}

static void
store_changed_cb (AccordsNotesPage *self,
                  guint             what)
{
  if (what & ACCORDS_STORE_CHANGE_NOTES)
    reload_notes (self);
  if (what & (ACCORDS_STORE_CHANGE_AGREEMENTS | ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_LINKS))
    reload_citable (self);
}

/* The binding of the title goes with its note when the note goes first:
 * the page keeps only a weak pointer to it */
static void
unbind_title (AccordsNotesPage *self)
{
  GBinding *binding = self->title_binding;

  if (binding == NULL)
    return;
  g_clear_weak_pointer (&self->title_binding);
  g_binding_unbind (binding);
}

static void
editor_note_changed_cb (AccordsNotesPage *self)
{
  AccordsNote *note = accords_note_editor_get_note (self->editor);

  unbind_title (self);
  if (note != NULL)
    g_set_weak_pointer (&self->title_binding,
                        g_object_bind_property (note, "display-title", self->note_title, "label", G_BINDING_SYNC_CREATE));
  else
    gtk_label_set_label (self->note_title, "");
  gtk_stack_set_visible_child_name (self->editor_stack, note ? "editor" : "empty");
  update_actions (self);
}

static void
selection_changed_cb (AccordsNotesPage *self)
{
  AccordsNote *note = gtk_single_selection_get_selected_item (self->selection);

  if (self->reloading || note == NULL)
    return;
  accords_note_editor_set_note (self->editor, note);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Notes list rows: the title, and when it was last edited */
static char *
edited_label (const char *updated)
{
  g_autoptr(GDateTime) utc = updated ? g_date_time_new_from_iso8601 (updated, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = NULL;

  if (local == NULL)
    return g_strdup ("");
  /* TRANSLATORS: when a note was last edited, see g_date_time_format() */
  when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));
  return g_strdup_printf (_("Edited %s"), when);
}

static gboolean
transform_updated (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_take_string (to, edited_label (g_value_get_string (from)));
  return TRUE;
}

static void
setup_note_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_note_row (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  AccordsNote *note = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GBinding *a = g_object_bind_property (note, "display-title", title, "label", G_BINDING_SYNC_CREATE);
  GBinding *b = g_object_bind_property_full (note, "updated", subtitle, "label", G_BINDING_SYNC_CREATE,
                                             transform_updated, NULL, NULL, NULL);

  g_object_set_data (G_OBJECT (item), "title-binding", a);
  g_object_set_data (G_OBJECT (item), "updated-binding", b);
}

static void
unbind_note_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  g_binding_unbind (g_object_get_data (G_OBJECT (item), "title-binding"));
  g_binding_unbind (g_object_get_data (G_OBJECT (item), "updated-binding"));
  g_object_set_data (G_OBJECT (item), "title-binding", NULL);
  g_object_set_data (G_OBJECT (item), "updated-binding", NULL);
}

/* Notes made here belong to what the list shows */
static AccordsNote *
create_note (AccordsNotesPage  *self,
             GError           **error)
{
  g_autofree char *body = g_strdup_printf ("# %s\n\n", _("New note"));
  const char *agreement = NULL, *country = NULL;

  switch (get_scope (self))
    {
    case ACCORDS_NOTES_PAGE_AGREEMENT:
      agreement = self->agreement;
      break;
    case ACCORDS_NOTES_PAGE_COUNTRY:
      country = self->country;
      break;
    case ACCORDS_NOTES_PAGE_FREE:
    case ACCORDS_NOTES_PAGE_ALL:
    default:
      break;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  return accords_store_create_note (accords_context_get_store (self->context), agreement, country, body, error);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordsNotesPage *self = ACCORDS_NOTES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = create_note (self, &error);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (note == NULL)
    {
      show_error (self, error->message);
      return;
    }
  accords_notes_page_open_note (self, accords_note_get_id (note));

  /* the suggested title is selected, to be typed over */
  buffer = GTK_TEXT_BUFFER (accords_note_editor_get_buffer (self->editor));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 2);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (accords_note_editor_get_view (self->editor)));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AccordsNotesPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || *title == '\0')
    return;
  accords_note_editor_set_title (self->editor, title);
  if (!accords_note_editor_flush (self->editor, &error))
    show_error (self, error->message);
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *title != '\0');
}

static void
rename_activate_cb (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "rename"))
    adw_message_dialog_response (dialog, "rename");
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsNotesPage *self = ACCORDS_NOTES_PAGE (widget);
  AccordsNote *note = accords_note_editor_get_note (self->editor);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  if (note == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Rename Note"),
                                   _("The title is the note’s first line"));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), accords_note_get_title (note));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (rename_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  rename_entry_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
undo_delete (AccordsNotesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) note = g_steal_pointer (&self->deleted);

  update_actions (self);
  if (note == NULL)
    return;
  if (!accords_store_restore_note (accords_context_get_store (self->context), note, &error))
    {
      show_error (self, error->message);
      return;
    }
  accords_notes_page_open_note (self, accords_note_get_id (note));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  undo_delete (ACCORDS_NOTES_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsNotesPage *self = ACCORDS_NOTES_PAGE (widget);
  AccordsNote *open = accords_note_editor_get_note (self->editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsNote) deleted = NULL;
  AdwToast *toast;
  gint64 id;

  if (open == NULL)
    return;
  id = accords_note_get_id (open);
  /* what undo brings back is the note as it was last typed */
  if (!accords_note_editor_flush (self->editor, &error))
    {
      show_error (self, error->message);
      return;
    }
  accords_note_editor_set_note (self->editor, NULL);
  deleted = accords_store_delete_note (accords_context_get_store (self->context), id, &error);
  if (deleted == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_set_object (&self->deleted, deleted);
  update_actions (self);

  toast = adw_toast_new_format (_("“%s” deleted"), accords_note_get_display_title (deleted));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete), self, G_CONNECT_SWAPPED);
  accords_widget_show_toast (widget, toast);
}

static void
cite_reference (AccordsNotesPage *self,
                AccordsReference *reference)
{
  accords_notes_page_cite (self, accords_reference_get_kind (reference), accords_reference_get_id (reference));
}

static void
cite_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsNotesPage *self = ACCORDS_NOTES_PAGE (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->citable_list);

  if (row != NULL)
    {
      cite_reference (self, g_object_get_data (G_OBJECT (row), "reference"));
      return;
    }
  accords_widget_show_toast (widget, adw_toast_new (_("Select a source or news item to cite first")));
}

static void
citable_activated_cb (AccordsNotesPage *self,
                      GtkListBoxRow    *row)
{
  cite_reference (self, g_object_get_data (G_OBJECT (row), "reference"));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsNotesPage *self = ACCORDS_NOTES_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.find", NULL);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsNotesPage *self = ACCORDS_NOTES_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static const AccordsWidgetAction actions[] = {
  { "notes.new", NULL, new_action, GDK_KEY_n, GDK_CONTROL_MASK },
  { "notes.rename", NULL, rename_action },
  { "notes.delete", NULL, delete_action },
  { "notes.undo-delete", NULL, undo_delete_action },
  { "notes.cite", NULL, cite_action, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  { "notes.find", NULL, find_action },
  { "notes.show-list", NULL, show_list_action },
};

static void
accords_notes_page_dispose (GObject *object)
{
  AccordsNotesPage *self = (AccordsNotesPage *) object;
  GtkWidget *child;

  unbind_title (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_NOTES_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->notes);
  g_clear_object (&self->citable);
  g_clear_object (&self->deleted);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (accords_notes_page_parent_class)->dispose (object);
}

static void
accords_notes_page_finalize (GObject *object)
{
  AccordsNotesPage *self = (AccordsNotesPage *) object;

  g_free (self->agreement);
  g_free (self->country);

  G_OBJECT_CLASS (accords_notes_page_parent_class)->finalize (object);
}

static void
accords_notes_page_class_init (AccordsNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_notes_page_dispose;
  object_class->finalize = accords_notes_page_finalize;

  g_type_ensure (ACCORDS_TYPE_NOTE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-notes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, content);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, list_empty);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, citable_box);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, citable_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, citable_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, note_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsNotesPage, editor);

  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));

  gtk_widget_class_set_css_name (widget_class, "notespage");
}

static void
accords_notes_page_init (AccordsNotesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *hint;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->notes = g_list_store_new (ACCORDS_TYPE_NOTE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->notes)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_note_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_note_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_note_row), self);
  gtk_list_view_set_factory (self->notes_view, factory);
  gtk_list_view_set_model (self->notes_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  self->citable = g_list_store_new (ACCORDS_TYPE_REFERENCE);
  gtk_list_box_bind_model (self->citable_list, G_LIST_MODEL (self->citable), create_citable_row, self, NULL);
  /* what an empty list says */
  hint = gtk_label_new (_("Choose an agreement: its sources and linked news can be cited here"));
  self->citable_hint = GTK_LABEL (hint);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_justify (GTK_LABEL (hint), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_start (hint, 12);
  gtk_widget_set_margin_end (hint, 12);
  gtk_widget_set_margin_top (hint, 12);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_list_box_set_placeholder (self->citable_list, hint);
  g_signal_connect_object (self->citable_list, "row-activated", G_CALLBACK (citable_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_drop_down_set_selected (self->scope_dropdown, ACCORDS_NOTES_PAGE_ALL);
  g_signal_connect_object (self->scope_dropdown, "notify::selected", G_CALLBACK (reload_notes), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (reload_notes), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::note", G_CALLBACK (editor_note_changed_cb), self, G_CONNECT_SWAPPED);

  editor_note_changed_cb (self);
}

GtkWidget *
accords_notes_page_new (void)
{
  return g_object_new (ACCORDS_TYPE_NOTES_PAGE, NULL);
}

void
accords_notes_page_set_context (AccordsNotesPage *self,
                                AccordsContext   *context)
{
  g_return_if_fail (ACCORDS_IS_NOTES_PAGE (self));
  g_return_if_fail (ACCORDS_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;
  accords_note_editor_set_context (self->editor, context);
  g_signal_connect_object (accords_context_get_store (context), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload_notes (self);
  reload_citable (self);
  follow_list (self);
  update_actions (self);
}

void
accords_notes_page_set_agreement (AccordsNotesPage *self,
                                  const char       *slug)
{
  g_return_if_fail (ACCORDS_IS_NOTES_PAGE (self));

  if (!accords_set_str (&self->agreement, accords_str_empty (slug) ? NULL : slug))
    return;
  /* an agreement chosen in the window is what one writes about */
  if (self->agreement != NULL)
    accords_notes_page_set_scope (self, ACCORDS_NOTES_PAGE_AGREEMENT);
  else if (get_scope (self) == ACCORDS_NOTES_PAGE_AGREEMENT)
    accords_notes_page_set_scope (self, self->country ? ACCORDS_NOTES_PAGE_COUNTRY : ACCORDS_NOTES_PAGE_ALL);
  reload_notes (self);
  reload_citable (self);
  follow_list (self);
}

void
accords_notes_page_set_country (AccordsNotesPage *self,
                                const char       *code)
{
  g_return_if_fail (ACCORDS_IS_NOTES_PAGE (self));

  if (!accords_set_str (&self->country, accords_str_empty (code) ? NULL : code))
    return;
  if (get_scope (self) == ACCORDS_NOTES_PAGE_COUNTRY)
    reload_notes (self);
}

void
accords_notes_page_set_scope (AccordsNotesPage      *self,
                              AccordsNotesPageScope  scope)
{
  g_return_if_fail (ACCORDS_IS_NOTES_PAGE (self));
  gtk_drop_down_set_selected (self->scope_dropdown, scope);
}

void
accords_notes_page_set_search (AccordsNotesPage *self,
                               const char       *text)
{
  g_return_if_fail (ACCORDS_IS_NOTES_PAGE (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* search-changed comes after a pause: the list follows at once */
  reload_notes (self);
}

gboolean
accords_notes_page_open_note (AccordsNotesPage *self,
                              gint64            id)
{
  guint position;

  g_return_val_if_fail (ACCORDS_IS_NOTES_PAGE (self), FALSE);

  position = find_note (G_LIST_MODEL (self->notes), id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* not in this list: list them all */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      accords_notes_page_set_scope (self, ACCORDS_NOTES_PAGE_ALL);
      reload_notes (self);
      position = find_note (G_LIST_MODEL (self->notes), id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

gboolean
accords_notes_page_cite (AccordsNotesPage    *self,
                         AccordsCitationKind  kind,
                         gint64               id)
{
  g_return_val_if_fail (ACCORDS_IS_NOTES_PAGE (self), FALSE);

  if (self->context == NULL)
    return FALSE;
  if (accords_note_editor_get_note (self->editor) == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AccordsNote) note = NULL;

      if (self->agreement != NULL)
        accords_notes_page_set_scope (self, ACCORDS_NOTES_PAGE_AGREEMENT);
      note = create_note (self, &error);
      if (note == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }
      accords_notes_page_open_note (self, accords_note_get_id (note));
      {
        GtkTextBuffer *buffer = GTK_TEXT_BUFFER (accords_note_editor_get_buffer (self->editor));
        GtkTextIter end;

        gtk_text_buffer_get_end_iter (buffer, &end);
        gtk_text_buffer_place_cursor (buffer, &end);
      }
    }
  if (!accords_note_editor_insert_citation (self->editor, kind, id))
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (accords_note_editor_get_view (self->editor)));
  return TRUE;
}

AccordsNoteEditor *
accords_notes_page_get_editor (AccordsNotesPage *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTES_PAGE (self), NULL);
  return self->editor;
}

GListModel *
accords_notes_page_get_notes (AccordsNotesPage *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTES_PAGE (self), NULL);
  return G_LIST_MODEL (self->notes);
}

GListModel *
accords_notes_page_get_citable (AccordsNotesPage *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTES_PAGE (self), NULL);
  return G_LIST_MODEL (self->citable);
}

GtkListBox *
accords_notes_page_get_citable_list (AccordsNotesPage *self)
{
  g_return_val_if_fail (ACCORDS_IS_NOTES_PAGE (self), NULL);
  return self->citable_list;
}

gboolean
accords_notes_page_flush (AccordsNotesPage  *self,
                          GError           **error)
{
  g_return_val_if_fail (ACCORDS_IS_NOTES_PAGE (self), FALSE);
  return accords_note_editor_flush (self->editor, error);
}
