/* accords-linked-news.c: the news items linked to an agreement, to confirm or reject */
#define G_LOG_DOMAIN "accords-linked-news"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "accords-command.h"
#include "accords-date.h"
#include "accords-edit-push.h"
#include "accords-event.h"
#include "accords-evidence.h"
#include "accords-item-link.h"
#include "accords-linked-news.h"
#include "accords-relinker.h"
#include "accords-status.h"
#include "accords-util.h"
#include "accords-widget-util.h"

/* Rows shown at first, and added by each "Show More" */
#define PAGE_SIZE 50

struct _AccordsLinkedNews
{
  GtkWidget          parent_instance;

  GtkLabel          *counts_label;
  GtkToggleButton   *rejected_button;
  GtkWidget         *relink_box;
  GtkLabel          *relink_label;
  GtkListBox        *list;
  GtkLabel          *empty_label;
  GtkWidget         *more_button;

  AccordsContext    *context;
  char              *slug;
  gboolean           show_rejected;
  gboolean           loading;
  GListStore        *links;       /* AccordsItemLink */
  AccordsLinkCounts  counts;
  guint              limit;
  guint              generation;  /* of the latest load: older ones are dropped */
  GCancellable      *cancellable;
};

G_DEFINE_FINAL_TYPE (AccordsLinkedNews, accords_linked_news, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_AGREEMENT,
  PROP_SHOW_REJECTED,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_PROPOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (AccordsLinkedNews *self);

/* ------------------------------------------------------------------ rows */

static char *
format_day (const char *iso)
{
  g_autofree char *day = NULL;

  if (accords_str_empty (iso))
    return g_strdup ("");
  day = g_strndup (iso, 10);
  return accords_date_format (day);
}

/* A long one gives way, with the whole text as its tooltip */
static GtkWidget *
chip (const char *text,
      const char *style,
      gboolean    ellipsize)
{
  GtkWidget *label = gtk_label_new (text);

  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (label, text);
    }
  gtk_widget_add_css_class (label, "link-chip");
  gtk_widget_add_css_class (label, style);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static GtkWidget *
action_button (const char *icon,
               const char *label,
               const char *tooltip,
               const char *action,
               gint64      item_id)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (item_id));
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AccordsItemLink *link = item;
  gint64 id = accords_item_link_get_item_id (link);
  const char *state = accords_item_link_get_state (link);
  const char *signal = accords_item_link_get_signal (link);
  const char *title = accords_str_empty (accords_item_link_get_title (link)) ? _("(untitled)")
                                                                            : accords_item_link_get_title (link);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (accords_item_link_get_reason (link));
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cue = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *spacer;
  GtkWidget *signal_chip = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GString) meta_text = g_string_new (accords_item_link_get_feed_title (link));
  g_autofree char *day = format_day (accords_item_link_get_published (link));
  g_autofree char *signal_text = NULL;
  g_autofree char *a11y = NULL;
  const char *state_text;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title_label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "heading");

  {
    g_autoptr(GMenuItem) show = g_menu_item_new (_("Show in _News"), NULL);
    g_autoptr(GMenuItem) cite = g_menu_item_new (_("_Cite in Note"), NULL);

    g_menu_item_set_action_and_target_value (show, "win.show-item", g_variant_new_int64 (id));
    g_menu_item_set_action_and_target_value (cite, "win.cite-item", g_variant_new_int64 (id));
    g_menu_append_item (menu, show);
    g_menu_append_item (menu, cite);
    if (!accords_str_empty (accords_item_link_get_link (link)))
      {
        g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open Link"), NULL);

        g_menu_item_set_action_and_target_value (open, "linked-news.open-link", g_variant_new_int64 (id));
        g_menu_append_item (menu, open);
      }
  }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (menu_button, _("More"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More for this item"), -1);
  gtk_box_append (GTK_BOX (header), title_label);
  gtk_box_append (GTK_BOX (header), menu_button);
  gtk_box_append (GTK_BOX (box), header);

  if (*day != '\0')
    g_string_append_printf (meta_text, meta_text->len ? " · %s" : "%s", day);
  gtk_label_set_label (GTK_LABEL (meta), meta_text->str);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), meta);

  /* why it was suggested, in words */
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_set_visible (reason, !accords_str_empty (accords_item_link_get_reason (link)));
  gtk_box_append (GTK_BOX (box), reason);

  if (g_str_equal (state, "confirmed"))
    state_text = _("Confirmed");
  else if (g_str_equal (state, "rejected"))
    state_text = _("Rejected");
  else
    state_text = _("Suggested");
  gtk_box_append (GTK_BOX (footer), chip (state_text, state, FALSE));
  if (!accords_str_empty (signal))
    {
      /* Translators: a news item's language points to an event that would
       * change the agreement's status: "May change status: Signed" */
      signal_text = g_strdup_printf (_("May change status: %s"), accords_event_type_get_label (signal));
      signal_chip = chip (signal_text, "status-signal", FALSE);
      gtk_label_set_wrap (GTK_LABEL (signal_chip), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (signal_chip), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (signal_chip), 0);
      gtk_widget_set_halign (signal_chip, GTK_ALIGN_START);
      gtk_widget_set_hexpand (signal_chip, TRUE);
      gtk_box_append (GTK_BOX (cue), signal_chip);
    }
  /* what the item reports, as a dated step of the agreement's history,
   * beside the step its language points to; the chip wraps to make room */
  if (!g_str_equal (state, "rejected"))
    {
      GtkWidget *add = action_button ("list-add-symbolic", _("Add to _Timeline…"),
                                      _("Add an event dated and typed from this item, citing it as its source"),
                                      "linked-news.add-event", id);

      gtk_widget_set_hexpand (add, signal_chip == NULL);
      gtk_widget_set_halign (add, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (cue), add);
    }
  gtk_widget_set_visible (cue, gtk_widget_get_first_child (cue) != NULL);
  gtk_box_append (GTK_BOX (box), cue);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (footer), spacer);

  if (!g_str_equal (state, "confirmed"))
    gtk_box_append (GTK_BOX (footer),
                    action_button ("object-select-symbolic", _("_Confirm"),
                                   _("This item is about the agreement: keep it as a source"),
                                   "linked-news.confirm", id));
  if (!g_str_equal (state, "rejected"))
    gtk_box_append (GTK_BOX (footer),
                    action_button ("window-close-symbolic", _("_Reject"),
                                   _("This item is not about the agreement: hide it, even after a relink"),
                                   "linked-news.reject", id));
  else
    gtk_box_append (GTK_BOX (footer),
                    action_button ("edit-undo-symbolic", _("_Restore"),
                                   _("Undo the rejection: show it as a suggestion"),
                                   "linked-news.restore", id));
  gtk_box_append (GTK_BOX (box), footer);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "linked-item");
  gtk_widget_add_css_class (row, state);
  gtk_widget_set_tooltip_text (row, _("Show in the News view"));
  g_object_set_data_full (G_OBJECT (row), "link", g_object_ref (link), g_object_unref);

  a11y = g_strdup_printf ("%s. %s. %s%s%s", title, state_text, accords_item_link_get_reason (link),
                          signal_text ? ". " : "", signal_text ? signal_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
row_activated_cb (AccordsLinkedNews *self,
                  GtkListBoxRow     *row)
{
  AccordsItemLink *link = g_object_get_data (G_OBJECT (row), "link");

  if (link != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-item", "x", accords_item_link_get_item_id (link));
}

/* --------------------------------------------------------------- showing */

static void
update_view (AccordsLinkedNews *self)
{
  AccordsLinkCounts *c = &self->counts;
  g_autoptr(GString) counts = g_string_new (NULL);
  guint available = c->n_suggested + c->n_confirmed + (self->show_rejected ? c->n_rejected : 0);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->links));
  g_autofree char *rejected = NULL;

  if (c->n_suggested > 0)
    g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%u suggested", "%u suggested", c->n_suggested),
                            c->n_suggested);
  if (c->n_confirmed > 0)
    {
      if (counts->len)
        g_string_append (counts, " · ");
      g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%u confirmed", "%u confirmed", c->n_confirmed),
                              c->n_confirmed);
    }
  if (c->n_rejected > 0)
    {
      if (counts->len)
        g_string_append (counts, " · ");
      g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected", c->n_rejected),
                              c->n_rejected);
    }
  if (counts->len > 0)
    /* Translators: after the counts of linked news items */
    g_string_append (counts, _(" — what the researcher kept first, then the best matches"));
  gtk_label_set_label (self->counts_label, counts->str);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), counts->len > 0);

  rejected = g_strdup_printf (_("Show Rejected (%u)"), c->n_rejected);
  gtk_button_set_label (GTK_BUTTON (self->rejected_button), rejected);
  gtk_widget_set_visible (GTK_WIDGET (self->rejected_button), c->n_rejected > 0 || self->show_rejected);

  gtk_widget_set_visible (GTK_WIDGET (self->list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), shown == 0);
  gtk_widget_set_visible (self->more_button, shown < available);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "linked-news.show-more", shown < available);
}

static void
relinker_changed_cb (AccordsLinkedNews *self)
{
  AccordsRelinker *relinker = accords_context_get_relinker (self->context);
  g_autofree char *text = NULL;

  if (accords_relinker_get_running (relinker))
    {
      /* Translators: the percentage of the stored news linked so far */
      text = g_strdup_printf (_("Linking the stored news to the agreements… %.0f%%"),
                              100.0 * accords_relinker_get_fraction (relinker));
      gtk_label_set_label (self->relink_label, text);
    }
  gtk_widget_set_visible (self->relink_box, accords_relinker_get_running (relinker));
}

/* --------------------------------------------------------------- loading */

typedef struct {
  AccordsLinkedNews *self;
  guint              generation;
} Load;

static void
set_loading (AccordsLinkedNews *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree Load *load = user_data;
  g_autoptr(AccordsLinkedNews) self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  AccordsLinkCounts counts = { 0 };

  links = accords_store_load_agreement_links_finish (ACCORDS_STORE (object), result, &counts, &error);
  if (load->generation != self->generation || self->links == NULL)
    return;   /* a newer load is under way, or we are gone */
  g_clear_object (&self->cancellable);
  if (links == NULL)
    {
      g_warning ("Reading the news linked to %s: %s", self->slug, error->message);
      set_loading (self, FALSE);
      return;
    }
  self->counts = counts;
  g_list_store_splice (self->links, 0, g_list_model_get_n_items (G_LIST_MODEL (self->links)),
                       links->pdata, links->len);
  update_view (self);
  set_loading (self, FALSE);
}

static void
reload (AccordsLinkedNews *self)
{
  Load *load;

  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->context == NULL || self->slug == NULL)
    {
      memset (&self->counts, 0, sizeof self->counts);
      g_list_store_remove_all (self->links);
      set_loading (self, FALSE);
      update_view (self);
      return;
    }

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->generation = self->generation;

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  accords_store_load_agreement_links_async (accords_context_get_store (self->context), self->slug,
                                            self->show_rejected, self->limit, self->cancellable,
                                            load_done_cb, load);
}

static void
store_changed_cb (AccordsLinkedNews *self,
                  guint              what)
{
  if (what & (ACCORDS_STORE_CHANGE_LINKS | ACCORDS_STORE_CHANGE_ITEMS | ACCORDS_STORE_CHANGE_FEEDS))
    reload (self);
}

/* --------------------------------------------------------------- verdicts */

static AccordsItemLink *
find_link (AccordsLinkedNews *self,
           gint64             item_id,
           guint             *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->links));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsItemLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i);

      if (accords_item_link_get_item_id (link) == item_id)
        {
          *position = i;
          return link;   /* the list holds it */
        }
    }
  return NULL;
}

/* shows what the store holds, and lets the toast say why */
static gboolean
push_failed (GtkWidget      *widget,
             AccordsCommand *command,
             const char     *done,
             const GError   *error)
{
  reload (ACCORDS_LINKED_NEWS (widget));
  return FALSE;
}

static void
change_state (AccordsLinkedNews *self,
              gint64             item_id,
              const char         *state,
              const char         *label,
              const char         *done)
{
  g_autofree char *before = NULL;
  AccordsItemLink *link;
  guint position;

  if (self->slug == NULL || (link = find_link (self, item_id, &position)) == NULL)
    return;
  before = g_strdup (accords_item_link_get_state (link));
  if (g_str_equal (before, state))
    return;

  {
    g_autoptr(AccordsCommand) command = accords_command_new (label);

    accords_command_add_link_state (command, item_id, self->slug, before, state);
    accords_edit_push (GTK_WIDGET (self), accords_context_get_history (self->context), command, done,
                       push_failed);
  }

  /* shown at once; the reload that follows the store agrees */
  g_object_ref (link);
  accords_item_link_set_state (link, state);
  if (g_str_equal (state, "rejected") && !self->show_rejected)
    g_list_store_remove (self->links, position);
  else
    g_list_store_splice (self->links, position, 1, (gpointer *) &link, 1);
  g_object_unref (link);
}

/* The actions that move a link from one state to another */
static const struct {
  const char *action_name;
  const char *state;
  const char *label;
  const char *done;
} state_changes[] = {
  { "linked-news.confirm", "confirmed", N_("Confirm news link"), N_("Confirmed as a source") },
  { "linked-news.reject", "rejected", N_("Reject news link"), N_("Rejected: it stays rejected after a relink") },
  { "linked-news.restore", "suggested", N_("Restore news link"), N_("Restored as a suggestion") },
};

static void
change_state_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_changes); i++)
    if (g_str_equal (action_name, state_changes[i].action_name))
      change_state (ACCORDS_LINKED_NEWS (widget), g_variant_get_int64 (parameter), state_changes[i].state,
                    _(state_changes[i].label), _(state_changes[i].done));
}

/* Step one of making the item evidence: the event it proposes, for whoever
 * shows the agreement's event form to confirm it */
static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsLinkedNews *self = ACCORDS_LINKED_NEWS (widget);
  g_autoptr(AccordsEvent) event = NULL;
  AccordsItemLink *link;
  guint position;

  link = find_link (self, g_variant_get_int64 (parameter), &position);
  if (link == NULL || g_str_equal (accords_item_link_get_state (link), "rejected"))
    return;
  event = accords_evidence_event_from_item (link);
  g_signal_emit (self, signals[EVENT_PROPOSED], 0, link, event);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsLinkedNews *self = ACCORDS_LINKED_NEWS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AccordsItemLink *link;
  guint position;

  link = find_link (self, g_variant_get_int64 (parameter), &position);
  if (link == NULL || accords_str_empty (accords_item_link_get_link (link)))
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, accords_item_link_get_link (link), GDK_CURRENT_TIME);
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsLinkedNews *self = ACCORDS_LINKED_NEWS (widget);

  self->limit += PAGE_SIZE;
  reload (self);
}

static const AccordsWidgetAction actions[] = {
  { "linked-news.add-event", "x", add_event_action },
  { "linked-news.open-link", "x", open_link_action },
  { "linked-news.show-more", NULL, show_more_action },
};

/* ------------------------------------------------------------ the object */

static void
accords_linked_news_dispose (GObject *object)
{
  AccordsLinkedNews *self = (AccordsLinkedNews *) object;
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (accords_context_get_relinker (self->context), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_LINKED_NEWS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->links);
  g_clear_object (&self->context);
  g_clear_pointer (&self->slug, g_free);

  G_OBJECT_CLASS (accords_linked_news_parent_class)->dispose (object);
}

static void
accords_linked_news_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordsLinkedNews *self = ACCORDS_LINKED_NEWS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_AGREEMENT:
      g_value_set_string (value, self->slug);
      break;

    case PROP_SHOW_REJECTED:
      g_value_set_boolean (value, self->show_rejected);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_linked_news_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordsLinkedNews *self = ACCORDS_LINKED_NEWS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      if (g_value_get_object (value) != NULL)
        accords_linked_news_set_context (self, g_value_get_object (value));
      break;

    case PROP_AGREEMENT:
      accords_linked_news_set_agreement (self, g_value_get_string (value));
      break;

    case PROP_SHOW_REJECTED:
      accords_linked_news_set_show_rejected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_linked_news_class_init (AccordsLinkedNewsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_linked_news_dispose;
  object_class->get_property = accords_linked_news_get_property;
  object_class->set_property = accords_linked_news_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ACCORDS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AGREEMENT] =
    g_param_spec_string ("agreement", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_REJECTED] =
    g_param_spec_boolean ("show-rejected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_PROPOSED] =
    g_signal_new ("event-proposed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ACCORDS_TYPE_ITEM_LINK, ACCORDS_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-linked-news.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsLinkedNews, counts_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsLinkedNews, rejected_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsLinkedNews, relink_box);
  gtk_widget_class_bind_template_child (widget_class, AccordsLinkedNews, relink_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsLinkedNews, list);
  gtk_widget_class_bind_template_child (widget_class, AccordsLinkedNews, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsLinkedNews, more_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  for (guint i = 0; i < G_N_ELEMENTS (state_changes); i++)
    gtk_widget_class_install_action (widget_class, state_changes[i].action_name, "x", change_state_action);
  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_install_property_action (widget_class, "linked-news.show-rejected", "show-rejected");
  gtk_widget_class_set_css_name (widget_class, "linkednews");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accords_linked_news_init (AccordsLinkedNews *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->links = g_list_store_new (ACCORDS_TYPE_ITEM_LINK);
  self->limit = PAGE_SIZE;
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->links), create_row, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("News linked to the agreement"), -1);
  update_view (self);
}

GtkWidget *
accords_linked_news_new (void)
{
  return g_object_new (ACCORDS_TYPE_LINKED_NEWS, NULL);
}

void
accords_linked_news_set_context (AccordsLinkedNews *self,
                                 AccordsContext    *context)
{
  AccordsRelinker *relinker;

  g_return_if_fail (ACCORDS_IS_LINKED_NEWS (self));
  g_return_if_fail (ACCORDS_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (accords_context_get_store (context), "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  relinker = accords_context_get_relinker (context);
  g_signal_connect_swapped (relinker, "notify::running", G_CALLBACK (relinker_changed_cb), self);
  g_signal_connect_swapped (relinker, "notify::fraction", G_CALLBACK (relinker_changed_cb), self);
  relinker_changed_cb (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

const char *
accords_linked_news_get_agreement (AccordsLinkedNews *self)
{
  g_return_val_if_fail (ACCORDS_IS_LINKED_NEWS (self), NULL);
  return self->slug;
}

void
accords_linked_news_set_agreement (AccordsLinkedNews *self,
                                   const char        *slug)
{
  g_return_if_fail (ACCORDS_IS_LINKED_NEWS (self));

  if (accords_str_empty (slug))
    slug = NULL;
  if (!accords_set_str (&self->slug, slug))
    return;
  self->limit = PAGE_SIZE;
  g_list_store_remove_all (self->links);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
}

gboolean
accords_linked_news_get_show_rejected (AccordsLinkedNews *self)
{
  g_return_val_if_fail (ACCORDS_IS_LINKED_NEWS (self), FALSE);
  return self->show_rejected;
}

void
accords_linked_news_set_show_rejected (AccordsLinkedNews *self,
                                       gboolean           show_rejected)
{
  g_return_if_fail (ACCORDS_IS_LINKED_NEWS (self));

  show_rejected = !!show_rejected;
  if (self->show_rejected == show_rejected)
    return;
  self->show_rejected = show_rejected;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_REJECTED]);
}

gboolean
accords_linked_news_get_loading (AccordsLinkedNews *self)
{
  g_return_val_if_fail (ACCORDS_IS_LINKED_NEWS (self), FALSE);
  return self->loading;
}

GListModel *
accords_linked_news_get_links (AccordsLinkedNews *self)
{
  g_return_val_if_fail (ACCORDS_IS_LINKED_NEWS (self), NULL);
  return G_LIST_MODEL (self->links);
}

void
accords_linked_news_get_counts (AccordsLinkedNews *self,
                                AccordsLinkCounts *counts)
{
  g_return_if_fail (ACCORDS_IS_LINKED_NEWS (self));
  g_return_if_fail (counts != NULL);
  *counts = self->counts;
}

GtkListBox *
accords_linked_news_get_list (AccordsLinkedNews *self)
{
  g_return_val_if_fail (ACCORDS_IS_LINKED_NEWS (self), NULL);
  return self->list;
}
