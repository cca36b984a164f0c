/* accords-search-panel.c: one search field for the news, the notes and the agreements, with grouped results */
#define G_LOG_DOMAIN "accords-search-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-search-highlight.h"
#include "accords-search-panel.h"
#include "accords-util.h"

/* The hits shown of each group: the counts say how many more there are */
#define HITS_PER_GROUP 20

/* A row of the results: a group's heading (id 0) or a hit */
typedef struct {
  AccordsSearchGroup  group;
  gint64              id;
  char               *slug;
  char               *title_markup;
  gboolean            heading;
} Entry;

struct _AccordsSearchPanel
{
  GtkWidget        parent_instance;

  GtkSearchEntry  *entry;
  GtkLabel        *summary;
  GtkStack        *stack;
  GtkListBox      *list;

  AccordsSearcher *searcher;
  GArray          *entries;   /* Entry, one per row */
};

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AccordsSearchPanel, accords_search_panel, GTK_TYPE_WIDGET)

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->slug, g_free);
  g_clear_pointer (&entry->title_markup, g_free);
}

static const char *
group_label (AccordsSearchGroup group)
{
  switch (group)
    {
    case ACCORDS_SEARCH_GROUP_NOTES: return _("Notes");
    case ACCORDS_SEARCH_GROUP_AGREEMENTS: return _("Agreements");
    case ACCORDS_SEARCH_GROUP_ITEMS:
    case ACCORDS_SEARCH_N_GROUPS:
    default: return _("News");
    }
}

/* "1,234" where the locale groups digits */
static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/* "News 1,234 · Notes 3 · Agreements 2" */
static char *
format_summary (const AccordsSearchResults *results)
{
  GString *text = g_string_new (NULL);

  for (guint g = 0; g < ACCORDS_SEARCH_N_GROUPS; g++)
    {
      g_autofree char *count = format_count (results->totals[g]);

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a group of search results and how many it holds: "News 1,234" */
      g_string_append_printf (text, C_("search group", "%s %s"), group_label (g), count);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
make_heading (AccordsSearchGroup group,
              gint64             total,
              guint              shown)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (group_label (group));
  g_autofree char *count = format_count (total);
  GtkWidget *count_label = gtk_label_new (count);
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: a group of search results, read out: "News: 1,234 matches, 20 shown" */
  accessible = g_strdup_printf (_("%s: %s matches, %u shown"), group_label (group), count, shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static GtkWidget *
make_hit_row (const AccordsSearchHit *hit,
              const char             *title_markup)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);
  g_autofree char *snippet_markup = accords_search_marked_to_highlight (hit->snippet);
  g_autofree char *plain_title = accords_search_marked_to_plain (hit->title ? hit->title : "", NULL);

  gtk_label_set_markup (GTK_LABEL (title), *title_markup ? title_markup : _("(untitled)"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (top), title);
  if (!accords_str_empty (hit->date))
    {
      g_autofree char *day = g_strndup (hit->date, 10);
      GtkWidget *date = gtk_label_new (day);

      gtk_widget_add_css_class (date, "dim-label");
      gtk_widget_add_css_class (date, "numeric");
      gtk_widget_add_css_class (date, "caption");
      gtk_box_append (GTK_BOX (top), date);
    }
  gtk_box_append (GTK_BOX (box), top);

  gtk_label_set_markup (GTK_LABEL (snippet), snippet_markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_widget_add_css_class (snippet, "caption");
  gtk_widget_set_visible (snippet, !accords_str_empty (hit->snippet));
  gtk_box_append (GTK_BOX (box), snippet);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, plain_title, -1);
  return row;
}

static void
clear_rows (AccordsSearchPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->entries, 0);
}

static void
set_summary (AccordsSearchPanel *self,
             const char         *text)
{
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->summary, text);
  gtk_widget_set_visible (GTK_WIDGET (self->summary), !accords_str_empty (text));
  /* Translators: the results list, read out with its counts */
  accessible = accords_str_empty (text) ? g_strdup (_("Search results"))
                                        : g_strdup_printf (_("Search results: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
show_results (AccordsSearchPanel         *self,
              const AccordsSearchResults *results)
{
  g_autofree char *summary = NULL;
  gboolean any = FALSE;

  clear_rows (self);
  if (results == NULL)
    {
      set_summary (self, "");
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  summary = format_summary (results);
  set_summary (self, summary);
  for (guint g = 0; g < ACCORDS_SEARCH_N_GROUPS; g++)
    {
      GPtrArray *hits = results->hits[g];
      Entry heading = { .group = g, .heading = TRUE };

      if (hits->len == 0)
        continue;
      any = TRUE;
      gtk_list_box_append (self->list, make_heading (g, results->totals[g], hits->len));
      g_array_append_val (self->entries, heading);
      for (guint i = 0; i < hits->len && i < HITS_PER_GROUP; i++)
        {
          AccordsSearchHit *hit = hits->pdata[i];
          Entry entry = { .group = g, .id = hit->id, .slug = g_strdup (hit->slug) };

          entry.title_markup = accords_search_marked_to_highlight (hit->title);
          gtk_list_box_append (self->list, make_hit_row (hit, entry.title_markup));
          g_array_append_val (self->entries, entry);
        }
    }
  gtk_stack_set_visible_child_name (self->stack, any ? "results" : "none");
}

static void
searcher_finished_cb (AccordsSearchPanel *self,
                      GError             *error)
{
  if (error != NULL)
    {
      clear_rows (self);
      set_summary (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  show_results (self, accords_searcher_get_results (self->searcher));
}

static void
searcher_busy_cb (AccordsSearchPanel *self)
{
  if (accords_searcher_get_busy (self->searcher))
    set_summary (self, _("Searching…"));
}

static void
text_changed_cb (AccordsSearchPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *fts = accords_search_query_to_fts (text);

  if (self->searcher == NULL)
    return;
  accords_searcher_set_query (self->searcher, text, NULL);
  /* nothing to wait for */
  if (fts == NULL)
    show_results (self, NULL);
}

static void
emit_entry (AccordsSearchPanel *self,
            guint               index)
{
  Entry *entry;

  if (index >= self->entries->len)
    return;
  entry = &g_array_index (self->entries, Entry, index);
  if (!entry->heading)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, (int) entry->group, entry->id, entry->slug);
}

static void
row_activated_cb (AccordsSearchPanel *self,
                  GtkListBoxRow      *row)
{
  emit_entry (self, gtk_list_box_row_get_index (row));
}

/* Enter in the field opens the first hit */
static void
entry_activate_cb (AccordsSearchPanel *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (!g_array_index (self->entries, Entry, i).heading)
      {
        emit_entry (self, i);
        return;
      }
}

/* Escape closes the popover the panel is in */
static void
stop_search_cb (AccordsSearchPanel *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Down from the field goes to the first hit */
static gboolean
entry_key_pressed_cb (AccordsSearchPanel    *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  for (guint i = 0; i < self->entries->len; i++)
    if (!g_array_index (self->entries, Entry, i).heading)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

        gtk_list_box_select_row (self->list, row);
        gtk_widget_grab_focus (GTK_WIDGET (row));
        return TRUE;
      }
  return FALSE;
}

static void
accords_search_panel_dispose (GObject *object)
{
  AccordsSearchPanel *self = (AccordsSearchPanel *) object;
  GtkWidget *child;

  if (self->searcher != NULL)
    g_signal_handlers_disconnect_by_data (self->searcher, self);
  g_clear_object (&self->searcher);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_SEARCH_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (accords_search_panel_parent_class)->dispose (object);
}

static void
accords_search_panel_finalize (GObject *object)
{
  AccordsSearchPanel *self = (AccordsSearchPanel *) object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (accords_search_panel_parent_class)->finalize (object);
}

static void
accords_search_panel_class_init (AccordsSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_search_panel_dispose;
  object_class->finalize = accords_search_panel_finalize;

  /* A hit was chosen: its group (AccordsSearchGroup), its row id, and its
   * slug (an agreement's; a note's agreement; NULL for a news item) */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsSearchPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsSearchPanel, summary);
  gtk_widget_class_bind_template_child (widget_class, AccordsSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsSearchPanel, list);
  gtk_widget_class_set_css_name (widget_class, "searchpanel");
}

static void
accords_search_panel_init (AccordsSearchPanel *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);

  /* the searcher waits for a pause in the typing itself */
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  show_results (self, NULL);
}

void
accords_search_panel_set_store (AccordsSearchPanel *self,
                                AccordsStore       *store)
{
  g_return_if_fail (ACCORDS_IS_SEARCH_PANEL (self));
  g_return_if_fail (ACCORDS_IS_STORE (store));
  g_return_if_fail (self->searcher == NULL);

  self->searcher = accords_searcher_new (store, HITS_PER_GROUP);
  g_signal_connect_swapped (self->searcher, "finished", G_CALLBACK (searcher_finished_cb), self);
  g_signal_connect_swapped (self->searcher, "notify::busy", G_CALLBACK (searcher_busy_cb), self);
  text_changed_cb (self);
}

AccordsSearcher *
accords_search_panel_get_searcher (AccordsSearchPanel *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCH_PANEL (self), NULL);
  return self->searcher;
}

GtkEditable *
accords_search_panel_get_entry (AccordsSearchPanel *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCH_PANEL (self), NULL);
  return GTK_EDITABLE (self->entry);
}

const char *
accords_search_panel_get_summary (AccordsSearchPanel *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCH_PANEL (self), NULL);
  return gtk_label_get_label (self->summary);
}

static Entry *
find_entry (AccordsSearchPanel *self,
            AccordsSearchGroup  group,
            guint               position,
            guint              *index)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->heading || entry->group != group)
        continue;
      if (n++ == position)
        {
          if (index)
            *index = i;
          return entry;
        }
    }
  return NULL;
}

guint
accords_search_panel_get_n_hits (AccordsSearchPanel *self,
                                 AccordsSearchGroup  group)
{
  guint n = 0;

  g_return_val_if_fail (ACCORDS_IS_SEARCH_PANEL (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (!entry->heading && entry->group == group)
        n++;
    }
  return n;
}

const char *
accords_search_panel_get_hit_markup (AccordsSearchPanel *self,
                                     AccordsSearchGroup  group,
                                     guint               position)
{
  Entry *entry;

  g_return_val_if_fail (ACCORDS_IS_SEARCH_PANEL (self), NULL);
  entry = find_entry (self, group, position, NULL);
  return entry ? entry->title_markup : NULL;
}

void
accords_search_panel_activate_hit (AccordsSearchPanel *self,
                                   AccordsSearchGroup  group,
                                   guint               position)
{
  guint index;

  g_return_if_fail (ACCORDS_IS_SEARCH_PANEL (self));
  if (find_entry (self, group, position, &index) != NULL)
    emit_entry (self, index);
}
