/* accords-agreement-view.c: everything known about one agreement */
#define G_LOG_DOMAIN "accords-agreement-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-agreement-view.h"
#include "accords-date.h"
#include "accords-event.h"
#include "accords-fact.h"
#include "accords-item-link.h"
#include "accords-flag-citation.h"
#include "accords-flag.h"
#include "accords-linked-news.h"
#include "accords-part-kind.h"
#include "accords-party.h"
#include "accords-person-role.h"
#include "accords-source.h"
#include "accords-status-chip.h"
#include "accords-util.h"
#include "accords-vocabulary.h"
#include "accords-widget-util.h"

struct _AccordsAgreementView
{
  GtkWidget          parent_instance;

  GtkSizeGroup      *date_group;

  GtkStack          *mode_stack;
  AccordsAgreementEditor *editor;
  GtkScrolledWindow *scroller;
  GtkScrolledWindow *sources_scroller;
  GtkLabel          *title_label;
  AccordsStatusChip *status_chip;
  GtkLabel          *status_label;
  GtkLabel          *override_label;
  GtkLabel          *types_label;
  GtkWidget         *flags_section;
  GtkListBox        *flags_list;
  GtkListBox        *parties_list;
  GtkWidget         *summary_section;
  GtkLabel          *summary_label;
  GtkWidget         *people_section;
  GtkListBox        *people_list;
  GtkWidget         *facts_section;
  GtkListBox        *facts_list;
  GtkListBox        *events_list;
  GtkListBox        *sources_list;
  GtkStack          *tab_stack;
  GtkStackPage      *sources_page;
  GtkLabel          *sources_title;
  GtkWidget         *cited_section;
  GtkToggleButton   *cited_button;
  GtkImage          *cited_arrow;
  GtkLabel          *cited_label;
  AccordsLinkedNews *linked_news;

  AccordsContext    *context;
  AccordsAgreement  *agreement;
  gboolean           editing;
};

G_DEFINE_FINAL_TYPE (AccordsAgreementView, accords_agreement_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_AGREEMENT,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A row of plain text; no subtitle when it is NULL */
static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
create_party_row (gpointer item,
                  gpointer user_data)
{
  AccordsAgreementView *self = user_data;
  AccordsParty *party = item;
  const char *code = accords_party_get_country (party);
  g_autofree char *role = accords_vocabulary_get_label (ACCORDS_VOCABULARY_PARTY_ROLE, accords_party_get_role (party));
  GtkWidget *row = text_row_new (self->context ? accords_context_get_country_name (self->context, code) : code, role);
  GtkWidget *code_label = gtk_label_new (code);

  gtk_widget_add_css_class (code_label, "dim-label");
  gtk_widget_add_css_class (code_label, "monospace");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), code_label);
  return row;
}

static AccordsSource *
find_source (AccordsAgreementView *self,
             const char           *url)
{
  GListModel *sources = G_LIST_MODEL (accords_agreement_get_sources (self->agreement));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (sources, i);

      if (g_strcmp0 (accords_source_get_url (s), url) == 0)
        return g_steal_pointer (&s);
    }
  return NULL;
}

/* A cited news item in the store opens in the News view, any other link in the browser */
static gboolean
event_source_activated_cb (GtkLabel             *label,
                           const char           *url,
                           AccordsAgreementView *self)
{
  g_autoptr(AccordsSource) source = self->agreement ? find_source (self, url) : NULL;

  return source != NULL && accords_source_get_item_id (source) != 0 &&
         gtk_widget_activate_action (GTK_WIDGET (label), "win.show-item", "x", accords_source_get_item_id (source));
}

/* What the event cites, each by its publisher or site, as links; spoken
 * as plain names */
static GtkWidget *
create_event_sources (AccordsAgreementView *self,
                      AccordsEvent         *event,
                      GString              *spoken)
{
  const char * const *urls = accords_event_get_source_urls (event);
  guint n = urls ? g_strv_length ((char **) urls) : 0;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (n == 0)
    {
      label = gtk_label_new (_("No source cited"));
      g_string_append (spoken, _("No source cited"));
      gtk_widget_add_css_class (label, "dim-label");
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AccordsSource) source = find_source (self, urls[i]);
          g_autoptr(GUri) uri = g_uri_parse (urls[i], G_URI_FLAGS_NONE, NULL);
          const char *host = uri ? g_uri_get_host (uri) : NULL;
          const char *name = NULL;
          const char *title = source ? accords_source_get_title (source) : NULL;
          g_autofree char *link = NULL;

          if (source != NULL && !accords_str_empty (accords_source_get_publisher (source)))
            name = accords_source_get_publisher (source);
          else if (host != NULL)
            name = g_str_has_prefix (host, "www.") ? host + 4 : host;
          else
            name = urls[i];
          link = g_markup_printf_escaped ("<a href=\"%s\" title=\"%s\">%s</a>", urls[i],
                                          accords_str_empty (title) ? urls[i] : title, name);
          g_string_append_printf (markup, "%s%s", i ? " · " : "", link);
          g_string_append_printf (names, "%s%s", i ? ", " : "", name);
        }
      /* Translators: under a timeline event, the sources it cites: "Sources: ktpress.rw · newtimes.co.rw" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source: %s", "Sources: %s", n), markup->str);
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), text);
      g_signal_connect_object (label, "activate-link", G_CALLBACK (event_source_activated_cb), self, 0);
      g_string_append_printf (spoken, g_dngettext (GETTEXT_PACKAGE, "Source: %s", "Sources: %s", n), names->str);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "event-sources");
  return label;
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  AccordsAgreementView *self = user_data;
  AccordsEvent *event = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *marker = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *type = gtk_label_new (accords_event_type_get_label (accords_event_get_event_type (event)));
  GtkWidget *description = gtk_label_new (accords_event_get_description (event));
  g_autofree char *date_text = accords_date_format_short (accords_event_get_date (event));
  const char *actor = accords_event_get_actor (event);
  const AccordsEventType *event_type = accords_event_type_lookup (accords_event_get_event_type (event));
  g_autoptr(GString) spoken_sources = g_string_new (NULL);
  g_autofree char *a11y = NULL;

  gtk_label_set_label (GTK_LABEL (date), date_text);
  gtk_label_set_xalign (GTK_LABEL (date), 1);
  gtk_label_set_yalign (GTK_LABEL (date), 0);
  /* one width for every date, so the rail runs straight */
  gtk_size_group_add_widget (self->date_group, date);
  gtk_widget_add_css_class (date, "numeric");
  gtk_widget_add_css_class (date, "timeline-date");

  gtk_widget_add_css_class (marker, "timeline-marker");
  gtk_widget_add_css_class (dot, "timeline-dot");
  if (event_type && event_type->implies != ACCORDS_STATUS_NONE)
    gtk_widget_add_css_class (dot, "status-change");
  gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (marker), dot);

  gtk_label_set_xalign (GTK_LABEL (type), 0);
  gtk_widget_add_css_class (type, "heading");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (description), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (description), TRUE);
  gtk_box_append (GTK_BOX (text), type);
  gtk_box_append (GTK_BOX (text), description);
  if (!accords_str_empty (actor) && self->context)
    {
      g_autofree char *by = g_strdup_printf (_("By %s"), accords_context_get_country_name (self->context, actor));
      GtkWidget *actor_label = gtk_label_new (by);

      gtk_label_set_xalign (GTK_LABEL (actor_label), 0);
      gtk_widget_add_css_class (actor_label, "dim-label");
      gtk_widget_add_css_class (actor_label, "caption");
      gtk_box_append (GTK_BOX (text), actor_label);
    }
  if (self->agreement != NULL)
    gtk_box_append (GTK_BOX (text), create_event_sources (self, event, spoken_sources));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_margin_bottom (text, 12);

  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  a11y = g_strdup_printf ("%s: %s. %s. %s", date_text,
                          accords_event_type_get_label (accords_event_get_event_type (event)),
                          accords_event_get_description (event), spoken_sources->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static void
source_row_activated_cb (AdwActionRow *row,
                         gpointer      user_data)
{
  const char *url = g_object_get_data (G_OBJECT (row), "url");
  gint64 *item_id = g_object_get_data (G_OBJECT (row), "item-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  /* a news item in the store opens in the News view */
  if (item_id != NULL && gtk_widget_activate_action (GTK_WIDGET (row), "win.show-item", "x", *item_id))
    return;
  if (url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static GtkWidget *
create_source_row (gpointer item,
                   gpointer user_data)
{
  AccordsSource *source = item;
  const char *url = accords_source_get_url (source);
  const char *title = accords_source_get_title (source);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  GtkWidget *row = accords_str_empty (title) ? text_row_new (host ? host : url, url)
                                             : text_row_new (title, host ? host : url);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (accords_source_get_item_id (source) != 0)
    {
      gint64 *item_id = g_new (gint64, 1);

      *item_id = accords_source_get_item_id (source);
      g_object_set_data_full (G_OBJECT (row), "item-id", item_id, g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("application-rss+xml-symbolic"));
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, url);
  g_object_set_data_full (G_OBJECT (row), "url", g_strdup (url), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (source_row_activated_cb), NULL);
  return row;
}

static GtkWidget *
create_flag_row (gpointer item,
                 gpointer user_data)
{
  AccordsFlag *flag = item;
  gboolean resolved = !accords_str_empty (accords_flag_get_resolved (flag));
  g_autofree char *subtitle = resolved ? g_strdup_printf (_("Resolved %s: %s"), accords_flag_get_resolved (flag),
                                                          accords_flag_get_resolution (flag))
                                       : NULL;
  GtkWidget *row = text_row_new (accords_flag_get_text (flag), subtitle);
  GtkWidget *icon;

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  icon = gtk_image_new_from_icon_name (resolved ? "object-select-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, resolved ? "success" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (!resolved)
    {
      AccordsAgreementView *self = user_data;
      GtkWidget *cite = gtk_button_new_from_icon_name ("mail-attachment-symbolic");
      guint index = 0;

      g_list_store_find (accords_agreement_get_flags (self->agreement), flag, &index);
      gtk_widget_set_valign (cite, GTK_ALIGN_CENTER);
      /* the text beside it needs the narrow pane's width: an icon, named */
      gtk_widget_set_tooltip_text (cite, _("Resolve by Citing a Source…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (cite), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Resolve by citing a source"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (cite), "agreement.cite-for-flag");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (cite), g_variant_new_uint32 (index));
      gtk_widget_add_css_class (cite, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), cite);
    }
  return row;
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  AccordsAgreementView *self = user_data;
  AccordsPersonRole *r = item;
  g_autoptr(GString) subtitle = g_string_new (accords_person_role_get_role (r));
  const char *country = accords_person_role_get_country (r);

  if (!accords_str_empty (country) && self->context)
    g_string_append_printf (subtitle, ", %s", accords_context_get_country_name (self->context, country));
  if (!accords_str_empty (accords_person_role_get_start (r)) || !accords_str_empty (accords_person_role_get_end (r)))
    {
      g_autofree char *start = accords_date_format (accords_person_role_get_start (r));
      g_autofree char *end = accords_date_format (accords_person_role_get_end (r));

      /* TRANSLATORS: the dates of a person's role: "April 2022 – July 2024" */
      g_string_append_printf (subtitle, _(" (%s – %s)"), start, end);
    }
  return text_row_new (accords_person_role_get_name (r), subtitle->str);
}

static GtkWidget *
create_fact_row (gpointer item,
                 gpointer user_data)
{
  AccordsFact *f = item;
  GtkWidget *row;
  g_autofree char *kind = accords_vocabulary_get_label (ACCORDS_VOCABULARY_FACT_KIND, accords_fact_get_kind (f));
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (kind);

  if (!accords_str_empty (accords_fact_get_amount (f)))
    g_string_append_printf (title, "%s %s — ", accords_fact_get_amount (f), accords_str_or_empty (accords_fact_get_currency (f)));
  if (accords_fact_get_count (f) >= 0)
    g_string_append_printf (title, "%" G_GINT64_FORMAT " — ", accords_fact_get_count (f));
  if (!accords_str_empty (accords_fact_get_case_name (f)))
    g_string_append_printf (title, "%s — ", accords_fact_get_case_name (f));
  g_string_append (title, accords_str_or_empty (accords_fact_get_description (f)));
  if (!accords_str_empty (accords_fact_get_date (f)))
    {
      g_autofree char *date = accords_date_format (accords_fact_get_date (f));
      g_string_append_printf (subtitle, " · %s", date);
    }
  if (!accords_str_empty (accords_fact_get_court (f)))
    g_string_append_printf (subtitle, " · %s", accords_fact_get_court (f));
  if (!accords_str_empty (accords_fact_get_outcome (f)))
    g_string_append_printf (subtitle, " · %s", accords_fact_get_outcome (f));
  if (!accords_str_empty (accords_fact_get_raised_by (f)))
    g_string_append_printf (subtitle, " · %s", accords_fact_get_raised_by (f));
  row = text_row_new (title->str, subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (!accords_str_empty (accords_fact_get_source_url (f)))
    gtk_widget_set_tooltip_text (row, accords_fact_get_source_url (f));
  return row;
}

/* The lists of the agreement's parts, each in its section (0: always shown) */
static const struct {
  const char                 *kind;
  gsize                       list;
  gsize                       section;
  GtkListBoxCreateWidgetFunc  create_row;
} part_lists[] = {
  { "party", G_STRUCT_OFFSET (AccordsAgreementView, parties_list), 0, create_party_row },
  { "event", G_STRUCT_OFFSET (AccordsAgreementView, events_list), 0, create_event_row },
  { "source", G_STRUCT_OFFSET (AccordsAgreementView, sources_list), 0, create_source_row },
  { "flag", G_STRUCT_OFFSET (AccordsAgreementView, flags_list),
    G_STRUCT_OFFSET (AccordsAgreementView, flags_section), create_flag_row },
  { "person", G_STRUCT_OFFSET (AccordsAgreementView, people_list),
    G_STRUCT_OFFSET (AccordsAgreementView, people_section), create_person_row },
  { "fact", G_STRUCT_OFFSET (AccordsAgreementView, facts_list),
    G_STRUCT_OFFSET (AccordsAgreementView, facts_section), create_fact_row },
};

static void
bind_part_lists (AccordsAgreementView *self,
                 AccordsAgreement     *a)
{
  for (guint i = 0; i < G_N_ELEMENTS (part_lists); i++)
    {
      GtkListBox *list = G_STRUCT_MEMBER (GtkListBox *, self, part_lists[i].list);
      GListModel *parts = a ? G_LIST_MODEL (accords_part_kind_lookup (part_lists[i].kind)->get_store (a)) : NULL;

      gtk_list_box_bind_model (list, parts, parts ? part_lists[i].create_row : NULL, parts ? self : NULL, NULL);
      if (parts != NULL && part_lists[i].section != 0)
        gtk_widget_set_visible (G_STRUCT_MEMBER (GtkWidget *, self, part_lists[i].section),
                                g_list_model_get_n_items (parts) > 0);
    }
}

static void
cited_toggled_cb (AccordsAgreementView *self)
{
  gtk_image_set_from_icon_name (self->cited_arrow, gtk_toggle_button_get_active (self->cited_button)
                                                   ? "pan-down-symbolic" : "pan-end-symbolic");
}

/* "Sources (5)": what it cites and the news kept or suggested for it */
static void
update_sources_tab (AccordsAgreementView *self)
{
  AccordsLinkCounts counts;
  guint n = 0;
  g_autofree char *title = NULL;

  if (self->agreement != NULL)
    n = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (self->agreement)));
  accords_linked_news_get_counts (self->linked_news, &counts);
  n += counts.n_suggested + counts.n_confirmed;
  title = n > 0 ? g_strdup_printf (_("Sources (%u)"), n) : g_strdup (_("Sources"));
  gtk_stack_page_set_title (self->sources_page, title);
}

static void
update (AccordsAgreementView *self,
        gboolean              same)
{
  AccordsAgreement *a = self->agreement;
  g_autoptr(GString) types = g_string_new (NULL);
  AccordsStatus status;
  const char * const *strv;

  if (a == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      bind_part_lists (self, NULL);
      gtk_label_set_label (self->sources_title, "");
      accords_linked_news_set_agreement (self->linked_news, NULL);
      return;
    }

  status = accords_agreement_get_status (a);
  gtk_label_set_label (self->title_label, accords_agreement_get_title (a));
  accords_status_chip_set_status (self->status_chip, status);
  gtk_label_set_label (self->status_label, accords_status_get_label (status));
  gtk_widget_set_visible (GTK_WIDGET (self->override_label),
                          !accords_str_empty (accords_agreement_get_status_override (a)));
  if (!accords_str_empty (accords_agreement_get_status_override (a)))
    {
      g_autofree char *tip = g_strdup_printf (_("Its events alone would make it “%s”"),
                                              accords_status_get_label (accords_agreement_derive_status (a, NULL)));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->override_label), tip);
    }

  /* EU legislation is no agreement between states: said before its types */
  if (accords_agreement_is_legal_framework (a))
    g_string_append (types, _("Legal framework"));
  strv = accords_agreement_get_types (a);
  for (guint i = 0; strv && strv[i]; i++)
    {
      g_autofree char *h = accords_vocabulary_get_label (ACCORDS_VOCABULARY_AGREEMENT_TYPE, strv[i]);
      if (types->len)
        g_string_append (types, " · ");
      g_string_append (types, h);
    }
  gtk_label_set_label (self->types_label, types->str);
  gtk_widget_set_visible (GTK_WIDGET (self->types_label), types->len > 0);

  gtk_label_set_label (self->summary_label, accords_agreement_get_summary (a));
  gtk_widget_set_visible (self->summary_section, !accords_str_empty (accords_agreement_get_summary (a)));

  bind_part_lists (self, a);
  {
    guint n_cited = g_list_model_get_n_items (G_LIST_MODEL (accords_agreement_get_sources (a)));
    g_autofree char *cited = g_strdup_printf (_("Cited Sources (%u)"), n_cited);

    gtk_label_set_label (self->cited_label, cited);
    gtk_widget_set_visible (self->cited_section, n_cited > 0);
  }
  gtk_label_set_label (self->sources_title, accords_agreement_get_title (a));
  accords_linked_news_set_agreement (self->linked_news, accords_agreement_get_slug (a));
  update_sources_tab (self);

  /* the page stays where it was when the same agreement comes back saved */
  if (!same)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->sources_scroller), 0);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accords_agreement_get_title (a), -1);
}

static void
cite_for_flag_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AccordsAgreementView *self = ACCORDS_AGREEMENT_VIEW (widget);

  if (self->agreement != NULL && self->context != NULL)
    accords_flag_citation_open (widget, self->context, self->agreement, g_variant_get_uint32 (parameter),
                                accords_linked_news_get_links (self->linked_news));
}

static const AccordsWidgetAction actions[] = {
  { "agreement.cite-for-flag", "u", cite_for_flag_action },
};

/* A linked news item to add to the timeline: the event form confirms it */
static void
event_proposed_cb (AccordsAgreementView *self,
                   AccordsItemLink      *link,
                   AccordsEvent         *event)
{
  accords_agreement_editor_propose_event (self->editor, event, accords_item_link_get_item_id (link));
}

static void
accords_agreement_view_dispose (GObject *object)
{
  AccordsAgreementView *self = (AccordsAgreementView *) object;
  GtkWidget *child;

  /* a load under way keeps the list alive a little longer than us */
  if (self->linked_news != NULL)
    g_signal_handlers_disconnect_by_data (self->linked_news, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_AGREEMENT_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->agreement);
  g_clear_object (&self->context);
  g_clear_object (&self->date_group);

  G_OBJECT_CLASS (accords_agreement_view_parent_class)->dispose (object);
}

static void
accords_agreement_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AccordsAgreementView *self = ACCORDS_AGREEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_agreement_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AccordsAgreementView *self = ACCORDS_AGREEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      accords_agreement_view_set_context (self, g_value_get_object (value));
      break;

    case PROP_AGREEMENT:
      accords_agreement_view_set_agreement (self, g_value_get_object (value));
      break;

    case PROP_EDITING:
      accords_agreement_view_set_editing (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_agreement_view_class_init (AccordsAgreementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_agreement_view_dispose;
  object_class->get_property = accords_agreement_view_get_property;
  object_class->set_property = accords_agreement_view_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ACCORDS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL, ACCORDS_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACCORDS_TYPE_STATUS_CHIP);
  g_type_ensure (ACCORDS_TYPE_AGREEMENT_EDITOR);
  g_type_ensure (ACCORDS_TYPE_LINKED_NEWS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/accords-agreement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, editor);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, status_chip);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, status_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, override_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, types_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, flags_section);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, flags_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, parties_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, summary_section);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, people_section);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, people_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, facts_section);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, facts_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, events_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, sources_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, sources_scroller);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, tab_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, sources_page);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, sources_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, cited_section);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, cited_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, cited_arrow);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, cited_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsAgreementView, linked_news);
  gtk_widget_class_install_property_action (widget_class, "agreement.editing", "editing");
  accords_widget_class_add_actions (widget_class, actions, G_N_ELEMENTS (actions));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "agreement.editing", NULL);
  gtk_widget_class_set_css_name (widget_class, "agreementview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
accords_agreement_view_init (AccordsAgreementView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->date_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_signal_connect_swapped (self->linked_news, "notify::loading", G_CALLBACK (update_sources_tab), self);
  g_signal_connect_swapped (self->linked_news, "event-proposed", G_CALLBACK (event_proposed_cb), self);
  g_signal_connect_swapped (self->cited_button, "notify::active", G_CALLBACK (cited_toggled_cb), self);
}

void
accords_agreement_view_set_context (AccordsAgreementView *self,
                                    AccordsContext       *context)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self));
  g_return_if_fail (context == NULL || ACCORDS_IS_CONTEXT (context));

  /* the editor and the linked news follow through their own "context" */
  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

AccordsAgreement *
accords_agreement_view_get_agreement (AccordsAgreementView *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self), NULL);
  return self->agreement;
}

void
accords_agreement_view_set_agreement (AccordsAgreementView *self,
                                      AccordsAgreement     *agreement)
{
  gboolean same;

  g_return_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self));

  same = self->agreement != NULL && agreement != NULL &&
         g_strcmp0 (accords_agreement_get_slug (self->agreement), accords_agreement_get_slug (agreement)) == 0;
  if (!g_set_object (&self->agreement, agreement))
    return;
  update (self, same);
  accords_agreement_editor_set_agreement (self->editor, agreement);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
}

GtkListBox *
accords_agreement_view_get_events_list (AccordsAgreementView *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self), NULL);
  return self->events_list;
}

GtkListBox *
accords_agreement_view_get_sources_list (AccordsAgreementView *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self), NULL);
  return self->sources_list;
}

gboolean
accords_agreement_view_get_editing (AccordsAgreementView *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self), FALSE);
  return self->editing;
}

void
accords_agreement_view_set_editing (AccordsAgreementView *self,
                                    gboolean              editing)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self));

  editing = !!editing;
  if (self->editing == editing)
    return;
  self->editing = editing;
  gtk_stack_set_visible_child_name (self->mode_stack, editing ? "edit" : "read");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

AccordsAgreementEditor *
accords_agreement_view_get_editor (AccordsAgreementView *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self), NULL);
  return self->editor;
}

void
accords_agreement_view_new_agreement (AccordsAgreementView *self)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self));

  accords_agreement_view_set_editing (self, TRUE);
  accords_agreement_editor_new_agreement (self->editor);
}

AccordsLinkedNews *
accords_agreement_view_get_linked_news (AccordsAgreementView *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self), NULL);
  return self->linked_news;
}

const char *
accords_agreement_view_get_tab (AccordsAgreementView *self)
{
  g_return_val_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->tab_stack);
}

void
accords_agreement_view_set_tab (AccordsAgreementView *self,
                                const char           *tab)
{
  g_return_if_fail (ACCORDS_IS_AGREEMENT_VIEW (self));
  g_return_if_fail (g_strcmp0 (tab, "overview") == 0 || g_strcmp0 (tab, "sources") == 0);
  gtk_stack_set_visible_child_name (self->tab_stack, tab);
}
