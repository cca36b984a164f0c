/* accords-event-form.c: the editor's list of timeline */
#define G_LOG_DOMAIN "accords-event-form"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-date.h"
#include "accords-event-form.h"
#include "accords-event.h"
#include "accords-evidence.h"
#include "accords-item-link.h"
#include "accords-store-links.h"
#include "accords-util.h"
#include "accords-validation.h"
#include "accords-vocabulary.h"

struct _AccordsEventForm
{
  AccordsPartForm parent_instance;
};

G_DEFINE_FINAL_TYPE (AccordsEventForm, accords_event_form, ACCORDS_TYPE_PART_FORM)

/* The linked news items the dialog offers as sources, best first */
#define LINKED_NEWS_CHOICES 100

static GtkWidget *
create_row (AccordsPartForm *form,
            gpointer         part,
            guint            index)
{
  AccordsEvent *e = part;
  g_autofree char *date = accords_date_format (accords_event_get_date (e));
  g_autofree char *title = g_strdup_printf ("%s · %s", date, accords_event_type_get_label (accords_event_get_event_type (e)));
  const char * const *urls = accords_event_get_source_urls (e);
  guint n = urls ? g_strv_length ((char **) urls) : 0;
  g_autofree char *cited = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n), n) : NULL;
  g_autofree char *subtitle = cited ? g_strdup_printf ("%s — %s", accords_str_or_empty (accords_event_get_description (e)), cited)
                                    : g_strdup (accords_event_get_description (e));

  return accords_part_form_new_row (form, index, title, subtitle);
}

static const AccordsPartLabels *
get_labels (AccordsPartForm *form,
            const char      *mode)
{
  static const AccordsPartLabels labels = {
    N_("Add event"), N_("Edit event"), N_("Add Event"), N_("Edit Event")
  };
  static const AccordsPartLabels from_item_labels = {
    N_("Add event from news item"), N_("Edit event"), N_("Add Event from News Item"), N_("Edit Event")
  };

  return g_strcmp0 (mode, ACCORDS_EVENT_FORM_FROM_ITEM) == 0 ? &from_item_labels : &labels;
}

static void
event_type_choices (GStrv *values,
                    GStrv *labels)
{
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  guint n = 0;
  const AccordsEventType *types = accords_event_types (&n);

  for (guint i = 0; i < n; i++)
    {
      g_strv_builder_add (v, types[i].name);
      g_strv_builder_add (l, _(types[i].label));
    }
  *values = g_strv_builder_end (v);
  *labels = g_strv_builder_end (l);
}

/* The news items linked to the agreement and not rejected, with a web
 * address a source can have */
static GPtrArray *
load_linked_news (AccordsPartForm *form)
{
  const char *slug = accords_agreement_get_slug (accords_part_form_get_agreement (form));
  AccordsStore *store = accords_context_get_store (accords_part_form_get_context (form));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  GPtrArray *usable = g_ptr_array_new_with_free_func (g_object_unref);

  if (accords_str_empty (slug))
    return usable;
  links = accords_store_load_agreement_links (store, slug, FALSE, 0, LINKED_NEWS_CHOICES, NULL, &error);
  if (links == NULL)
    {
      g_warning ("Reading the news linked to %s: %s", slug, error->message);
      return usable;
    }
  for (guint i = 0; i < links->len; i++)
    if (accords_is_http_url (accords_item_link_get_link (links->pdata[i])))
      g_ptr_array_add (usable, g_object_ref (links->pdata[i]));
  return usable;
}

/* "A Linked News Item": one of the news items linked to the agreement
 * (confirmed or suggested) becomes a source that keeps its item */
static void
add_news_item_picker (AccordsPartEdit *edit)
{
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  g_auto(GStrv) labels = NULL;

  if (edit->linked == NULL || edit->linked->len == 0)
    return;
  g_strv_builder_add (v, "");
  g_strv_builder_add (l, _("None"));
  for (guint i = 0; i < edit->linked->len; i++)
    {
      AccordsItemLink *link = g_ptr_array_index (edit->linked, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, accords_item_link_get_item_id (link));
      g_autofree char *day = g_strndup (accords_item_link_get_published (link), 10);
      /* Translators: a news item in a list: "Rwanda in talks with U.S (2025-05-05, confirmed)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s, %s)"),
                                                accords_str_empty (accords_item_link_get_title (link))
                                                ? accords_item_link_get_link (link) : accords_item_link_get_title (link),
                                                *day ? day : accords_item_link_get_feed_title (link),
                                                g_str_equal (accords_item_link_get_state (link), "confirmed")
                                                ? _("confirmed") : _("suggested"));

      g_strv_builder_add (v, id);
      g_strv_builder_add (l, label);
    }
  values = g_strv_builder_end (v);
  labels = g_strv_builder_end (l);
  accords_form_dialog_add_group (edit->dialog, _("A Linked News Item"),
                                 _("It becomes one of the agreement’s sources, and its link is confirmed."));
  accords_form_dialog_add_choice (edit->dialog, "news_item", _("News item"),
                                  (const char * const *) values, (const char * const *) labels, "");
}

/* The linked news item chosen, or NULL */
static AccordsItemLink *
chosen_news_item (AccordsPartEdit *edit)
{
  const char *chosen = accords_part_edit_value (edit, "news_item");
  gint64 id;

  if (*chosen == '\0' || edit->linked == NULL ||
      !g_ascii_string_to_signed (chosen, 10, 1, G_MAXINT64, &id, NULL))
    return NULL;
  for (guint i = 0; i < edit->linked->len; i++)
    if (accords_item_link_get_item_id (g_ptr_array_index (edit->linked, i)) == id)
      return g_ptr_array_index (edit->linked, i);
  return NULL;
}

/* Adds the chosen news item to the candidate's sources, as a news report
 * that keeps its item; returns the URL to cite (NULL: none chosen) */
static char *
take_news_item (AccordsPartEdit *edit)
{
  AccordsItemLink *link = chosen_news_item (edit);
  AccordsAgreement *candidate = edit->candidate;
  const char *url;

  if (link == NULL)
    return NULL;
  url = accords_item_link_get_link (link);
  if (!accords_part_has_source (candidate, url))
    {
      g_autoptr(AccordsSource) s = accords_evidence_source_from_item (link, NULL);

      g_list_store_append (accords_agreement_get_sources (candidate), s);
    }
  /* saving confirms the link in the same step */
  edit->confirm_item = accords_item_link_get_item_id (link);
  edit->confirm_before = g_strdup (accords_item_link_get_state (link));
  return g_strdup (url);
}

static void
fill (AccordsPartForm *form,
      AccordsPartEdit *edit,
      gpointer         part)
{
  AccordsAgreement *a = accords_part_form_get_agreement (form);
  AccordsFormDialog *dialog = edit->dialog;
  AccordsEvent *e = part;
  g_auto(GStrv) types = NULL, type_labels = NULL, conf = NULL, conf_labels = NULL;
  g_auto(GStrv) urls = NULL, url_labels = NULL;
  gboolean from_item = g_strcmp0 (edit->mode, ACCORDS_EVENT_FORM_FROM_ITEM) == 0;

  edit->linked = load_linked_news (form);
  event_type_choices (&types, &type_labels);
  accords_part_vocabulary_choices (ACCORDS_VOCABULARY_CONFIDENCE, FALSE, &conf, &conf_labels);
  accords_part_source_choices (a, FALSE, &urls, &url_labels);
  accords_form_dialog_add_group (dialog, NULL, NULL);
  accords_form_dialog_add_entry (dialog, "date", _("Date (YYYY, YYYY-MM or YYYY-MM-DD)"), accords_event_get_date (e));
  accords_form_dialog_add_choice (dialog, "type", _("What happened"), (const char * const *) types,
                                  (const char * const *) type_labels,
                                  edit->index < 0 ? "signed" : accords_event_get_event_type (e));
  accords_form_dialog_add_entry (dialog, "description", _("Description"), accords_event_get_description (e));
  accords_form_dialog_add_country (dialog, "actor", _("Acting party"),
                                   accords_context_get_iso_codes (accords_part_form_get_context (form)),
                                   TRUE, accords_event_get_actor (e));
  accords_form_dialog_add_choice (dialog, "confidence", _("Confidence"), (const char * const *) conf,
                                  (const char * const *) conf_labels,
                                  accords_str_empty (accords_event_get_confidence (e)) ? "reported"
                                                                                       : accords_event_get_confidence (e));
  /* the item the event comes from shows first, as its source */
  if (from_item)
    add_news_item_picker (edit);
  if (urls[0] != NULL)
    {
      accords_form_dialog_add_group (dialog, _("Supporting Sources"), NULL);
      accords_form_dialog_add_checks (dialog, "sources", (const char * const *) urls,
                                      (const char * const *) url_labels, accords_event_get_source_urls (e));
    }
  if (!from_item)
    add_news_item_picker (edit);
  accords_part_edit_add_source_pickers (edit, TRUE);
}

static void
write_part (AccordsPartForm *form,
            AccordsPartEdit *edit,
            gpointer         part)
{
  AccordsEvent *e = part;
  g_autofree char *date = accords_part_edit_stripped (edit, "date");
  g_autofree char *description = accords_part_edit_stripped (edit, "description");
  g_auto(GStrv) checked = accords_form_dialog_has_field (edit->dialog, "sources") ? accords_form_dialog_get_checked (edit->dialog, "sources")
                                                                  : g_new0 (char *, 1);
  g_autoptr(GStrvBuilder) urls = g_strv_builder_new ();
  g_auto(GStrv) cited = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *news = NULL;
  const char *actor = accords_part_edit_value (edit, "actor");
  AccordsDatePrecision precision = ACCORDS_DATE_PRECISION_NONE;

  accords_event_set_date (e, date);
  accords_date_parse (date, NULL, NULL, NULL, &precision, NULL);
  accords_event_set_precision (e, precision == ACCORDS_DATE_PRECISION_NONE ? NULL
                                  : accords_date_precision_to_string (precision));
  accords_event_set_event_type (e, accords_part_edit_value (edit, "type"));
  accords_event_set_actor (e, accords_str_empty (actor) ? NULL : actor);
  accords_event_set_description (e, description);
  accords_event_set_confidence (e, accords_part_edit_value (edit, "confidence"));
  g_strv_builder_addv (urls, (const char **) checked);
  extra = accords_part_edit_take_new_source (edit);
  if (extra && !g_strv_contains ((const char * const *) checked, extra))
    g_strv_builder_add (urls, extra);
  news = take_news_item (edit);
  if (news && !g_strv_contains ((const char * const *) checked, news) && g_strcmp0 (news, extra) != 0)
    g_strv_builder_add (urls, news);
  cited = g_strv_builder_end (urls);
  accords_event_set_source_urls (e, (const char * const *) cited);
  accords_part_edit_map (edit, "date", "date", "precision", "date", "type", "type", "actor", "actor",
                         "confidence", "confidence", "description", "description", NULL);
}

static void
accords_event_form_class_init (AccordsEventFormClass *klass)
{
  AccordsPartFormClass *form_class = ACCORDS_PART_FORM_CLASS (klass);

  accords_part_form_class_set_template (form_class, "event", RESOURCE_PREFIX "/accords-event-form.ui");
  form_class->get_labels = get_labels;
  form_class->noun = N_("Event");
  form_class->create_row = create_row;
  form_class->fill = fill;
  form_class->write = write_part;
}

static void
accords_event_form_init (AccordsEventForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  accords_part_form_set_placeholder (ACCORDS_PART_FORM (self), _("No events yet"));
}

AccordsFormDialog *
accords_event_form_propose (AccordsEventForm *self,
                            AccordsEvent     *proposed,
                            gint64            item_id)
{
  AccordsFormDialog *dialog;
  const char * const *urls;
  g_autofree char *id = NULL;
  gboolean taken = FALSE;

  g_return_val_if_fail (ACCORDS_IS_EVENT_FORM (self), NULL);
  g_return_val_if_fail (ACCORDS_IS_EVENT (proposed), NULL);

  if ((dialog = accords_part_form_edit (ACCORDS_PART_FORM (self), item_id != 0 ? ACCORDS_EVENT_FORM_FROM_ITEM : NULL,
                                        -1)) == NULL)
    return NULL;
  accords_form_dialog_set_value (dialog, "date", accords_event_get_date (proposed));
  accords_form_dialog_set_value (dialog, "type", accords_event_get_event_type (proposed));
  accords_form_dialog_set_value (dialog, "description", accords_event_get_description (proposed));
  if (!accords_str_empty (accords_event_get_actor (proposed)))
    accords_form_dialog_set_value (dialog, "actor", accords_event_get_actor (proposed));
  if (!accords_str_empty (accords_event_get_confidence (proposed)))
    accords_form_dialog_set_value (dialog, "confidence", accords_event_get_confidence (proposed));

  /* the picker is there when the agreement has linked items to offer */
  id = g_strdup_printf ("%" G_GINT64_FORMAT, item_id);
  if (item_id != 0 && accords_form_dialog_has_field (dialog, "news_item"))
    {
      accords_form_dialog_set_value (dialog, "news_item", id);
      taken = g_strcmp0 (accords_form_dialog_get_value (dialog, "news_item"), id) == 0;
    }
  urls = accords_event_get_source_urls (proposed);
  for (guint i = 0; urls && urls[i]; i++)
    {
      if (accords_part_has_source (accords_part_form_get_agreement (ACCORDS_PART_FORM (self)), urls[i]))
        accords_form_dialog_set_checked (dialog, "sources", urls[i], TRUE);
      else if (!taken && accords_str_empty (accords_form_dialog_get_value (dialog, "new_url")))
        {
          /* an item the picker does not offer still comes as a new source */
          accords_form_dialog_set_value (dialog, "new_url", urls[i]);
          accords_form_dialog_set_value (dialog, "new_title", accords_event_get_description (proposed));
        }
    }
  return dialog;
}
