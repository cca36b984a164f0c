/* accords-evidence.c: from a linked news item to a timeline event, and from a source to a resolved verify flag */
#define G_LOG_DOMAIN "accords-evidence"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-date.h"
#include "accords-error.h"
#include "accords-evidence.h"
#include "accords-status.h"
#include "accords-util.h"

/* The day an item was published, when it reads as one */
static char *
item_day (AccordsItemLink *link)
{
  const char *published = accords_item_link_get_published (link);
  g_autofree char *day = NULL;

  if (accords_str_empty (published))
    return NULL;
  day = g_strndup (published, 10);
  if (!accords_date_parse (day, NULL, NULL, NULL, NULL, NULL))
    return NULL;
  return g_steal_pointer (&day);
}

AccordsEvent *
accords_evidence_event_from_item (AccordsItemLink *link)
{
  AccordsEvent *event;
  g_autofree char *day = NULL;
  const char *cue;
  const char *url;

  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (link), NULL);

  event = accords_event_new ();
  day = item_day (link);
  accords_event_set_date (event, day);
  if (day != NULL)
    accords_event_set_precision (event, accords_date_precision_to_string (ACCORDS_DATE_PRECISION_DAY));
  cue = accords_item_link_get_signal (link);
  accords_event_set_event_type (event, accords_event_type_lookup (cue) != NULL ? cue : ACCORDS_EVIDENCE_DEFAULT_TYPE);
  accords_event_set_description (event, accords_item_link_get_title (link));
  accords_event_set_confidence (event, "reported");
  url = accords_item_link_get_link (link);
  if (!accords_str_empty (url))
    {
      const char *urls[] = { url, NULL };
      accords_event_set_source_urls (event, urls);
    }
  return event;
}

AccordsSource *
accords_evidence_source_from_item (AccordsItemLink *link,
                                   const char      *accessed)
{
  AccordsSource *source;
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (link), NULL);

  if (accessed == NULL)
    accessed = today = accords_date_today ();
  day = item_day (link);
  source = accords_source_new ();
  accords_source_set_url (source, accords_item_link_get_link (link));
  accords_source_set_title (source, accords_item_link_get_title (link));
  accords_source_set_publisher (source, accords_item_link_get_feed_title (link));
  accords_source_set_published (source, day);
  accords_source_set_accessed (source, accessed);
  accords_source_set_source_type (source, "news");
  accords_source_set_item_id (source, accords_item_link_get_item_id (link));
  return source;
}

static gboolean
has_source (AccordsAgreement *agreement,
            const char       *url)
{
  GListModel *sources = G_LIST_MODEL (accords_agreement_get_sources (agreement));

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordsSource) s = g_list_model_get_item (sources, i);

      if (g_strcmp0 (accords_source_get_url (s), url) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
accords_evidence_add_source (AccordsAgreement *agreement,
                             AccordsSource    *source)
{
  g_autoptr(AccordsSource) copy = NULL;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (ACCORDS_IS_SOURCE (source), FALSE);

  if (accords_str_empty (accords_source_get_url (source)) || has_source (agreement, accords_source_get_url (source)))
    return FALSE;
  copy = accords_part_copy (source);
  g_list_store_append (accords_agreement_get_sources (agreement), copy);
  return TRUE;
}

/* Adds url to what the event cites, once */
static void
cite (AccordsEvent *event,
      const char   *url)
{
  const char * const *cited = accords_event_get_source_urls (event);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) urls = NULL;

  if (cited != NULL && g_strv_contains (cited, url))
    return;
  builder = g_strv_builder_new ();
  if (cited != NULL)
    g_strv_builder_addv (builder, (const char **) cited);
  g_strv_builder_add (builder, url);
  urls = g_strv_builder_end (builder);
  accords_event_set_source_urls (event, (const char * const *) urls);
}

static void
confirm_link (AccordsCommand   *command,
              AccordsAgreement *agreement,
              AccordsItemLink  *link)
{
  const char *state = accords_item_link_get_state (link);

  if (g_strcmp0 (state, "confirmed") != 0)
    accords_command_add_link_state (command, accords_item_link_get_item_id (link), accords_agreement_get_slug (agreement),
                                    accords_str_empty (state) ? "suggested" : state, "confirmed");
}

AccordsCommand *
accords_evidence_event_command (AccordsAgreement *agreement,
                                AccordsEvent     *event,
                                AccordsItemLink  *link)
{
  g_autoptr(AccordsAgreement) candidate = NULL;
  g_autoptr(AccordsEvent) added = NULL;
  AccordsCommand *command;
  const char *url;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (ACCORDS_IS_EVENT (event), NULL);
  g_return_val_if_fail (ACCORDS_IS_ITEM_LINK (link), NULL);

  candidate = accords_agreement_copy (agreement);
  added = accords_part_copy (event);
  url = accords_item_link_get_link (link);
  if (!accords_str_empty (url))
    {
      g_autoptr(AccordsSource) source = accords_evidence_source_from_item (link, NULL);

      accords_evidence_add_source (candidate, source);
      cite (added, url);
    }
  g_list_store_append (accords_agreement_get_events (candidate), added);

  command = accords_command_new (_("Add event from news item"));
  accords_command_add_change (command, agreement, candidate);
  confirm_link (command, agreement, link);
  return command;
}

/* What the dataset's flags about an event's source say around the event */
#define FLAG_START "source of the "
#define FLAG_END " event not identified"

int
accords_evidence_flag_event (AccordsAgreement *agreement,
                             AccordsFlag      *flag)
{
  const char *text;
  g_autofree char *middle = NULL;
  g_auto(GStrv) parts = NULL;
  GListModel *events;
  int on_day = -1;
  guint n_on_day = 0;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (agreement), -1);
  g_return_val_if_fail (ACCORDS_IS_FLAG (flag), -1);

  text = accords_flag_get_text (flag);
  if (text == NULL || !g_str_has_prefix (text, FLAG_START) || !g_str_has_suffix (text, FLAG_END) ||
      strlen (text) <= strlen (FLAG_START) + strlen (FLAG_END))
    return -1;
  middle = g_strndup (text + strlen (FLAG_START), strlen (text) - strlen (FLAG_START) - strlen (FLAG_END));
  parts = g_strsplit (middle, " ", 2);
  if (parts[0] == NULL || accords_date_key (parts[0]) == 0)
    return -1;

  events = G_LIST_MODEL (accords_agreement_get_events (agreement));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (events, i);
      g_autofree char *words = NULL;

      if (g_strcmp0 (accords_event_get_date (e), parts[0]) != 0)
        continue;
      on_day = (int) i;
      n_on_day++;
      /* the label as words: "court_of_appeal" is "court of appeal" */
      words = g_strdup (accords_str_or_empty (accords_event_get_label (e)));
      g_strdelimit (words, "_", ' ');
      if (parts[1] != NULL && g_ascii_strcasecmp (words, parts[1]) == 0)
        return (int) i;
    }
  /* a relabelled event is still the one event of its day */
  return n_on_day == 1 ? on_day : -1;
}

AccordsCommand *
accords_evidence_resolve_flag_command (AccordsAgreement *agreement,
                                       guint             flag_index,
                                       AccordsSource    *source,
                                       AccordsItemLink  *link,
                                       const char       *today,
                                       GError          **error)
{
  g_autoptr(AccordsAgreement) candidate = NULL;
  g_autoptr(AccordsFlag) flag = NULL;
  g_autoptr(AccordsSource) cited = NULL;
  g_autofree char *when = NULL;
  g_autofree char *resolution = NULL;
  AccordsCommand *command;
  const char *url;
  const char *name;
  int event_index;

  g_return_val_if_fail (ACCORDS_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail ((source != NULL) != (link != NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  candidate = accords_agreement_copy (agreement);
  flag = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_flags (candidate)), flag_index);
  if (flag == NULL)
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_NOT_FOUND, _("%s has nothing to verify at %u"),
                   accords_agreement_get_slug (agreement), flag_index);
      return NULL;
    }
  if (!accords_str_empty (accords_flag_get_resolved (flag)))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("“%s” is resolved already"),
                   accords_flag_get_text (flag));
      return NULL;
    }
  cited = source != NULL ? g_object_ref (source) : accords_evidence_source_from_item (link, today);
  url = accords_source_get_url (cited);
  if (accords_str_empty (url))
    {
      g_set_error (error, ACCORDS_ERROR, ACCORDS_ERROR_INVALID, _("A source to cite needs a URL"));
      return NULL;
    }

  accords_evidence_add_source (candidate, cited);
  event_index = accords_evidence_flag_event (candidate, flag);
  if (event_index >= 0)
    {
      g_autoptr(AccordsEvent) e = g_list_model_get_item (G_LIST_MODEL (accords_agreement_get_events (candidate)),
                                                         (guint) event_index);
      cite (e, url);
    }

  when = today != NULL ? g_strdup (today) : accords_date_today ();
  name = accords_str_empty (accords_source_get_title (cited)) ? url : accords_source_get_title (cited);
  /* Translators: how a verify flag was resolved: "Cited “Rwanda, UK sign deal” (https://…)" */
  resolution = g_strcmp0 (name, url) == 0 ? g_strdup_printf (_("Cited %s"), url)
                                          : g_strdup_printf (_("Cited “%s” (%s)"), name, url);
  accords_flag_set_resolved (flag, when);
  accords_flag_set_resolution (flag, resolution);

  command = accords_command_new (_("Resolve by citing a source"));
  accords_command_add_change (command, agreement, candidate);
  if (link != NULL)
    confirm_link (command, agreement, link);
  return command;
}
