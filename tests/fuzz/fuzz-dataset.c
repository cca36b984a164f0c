/* fuzz-dataset.c: libFuzzer harness for the dataset JSON reader: the checks before
 * json-glib, the dataset document, each agreement and its validation */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-dataset.h"
#include "accords-json-reader.h"
#include "accords-validation.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
require_utf8 (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    abort ();
}

/* What the reader accepts it must be able to write and read back: the
 * round trip is where invalid UTF-8 or a cut string would show. */
static void
round_trip (AccordsAgreement *a)
{
  g_autoptr(JsonNode) node = accords_agreement_to_json (a);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) again = NULL;

  require_utf8 (text);
  again = accords_json_parse_data (text, strlen (text), "round trip", &error);
  if (again == NULL)
    abort ();
  if (!json_node_equal (node, again))
    abort ();
}

static void
read_agreement (JsonNode   *node,
                const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsAgreement) a = accords_agreement_from_json (node, where, &error);
  g_autoptr(GPtrArray) issues = NULL;

  if (a == NULL)
    {
      if (error == NULL)
        abort ();
      require_utf8 (error->message);
      return;
    }
  issues = accords_agreement_check (a, NULL, NULL);
  for (guint i = 0; i < issues->len; i++)
    {
      AccordsIssue *issue = g_ptr_array_index (issues, i);
      require_utf8 (issue->field);
      require_utf8 (issue->message);
    }
  round_trip (a);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = accords_json_parse_data ((const char *) data, size, "fuzz.json", &error);
  JsonArray *agreements;

  if (root == NULL)
    {
      /* every refusal says why */
      if (error == NULL)
        abort ();
      require_utf8 (error->message);
      return 0;
    }
  if (JSON_NODE_HOLDS_OBJECT (root) && !json_object_has_member (json_node_get_object (root), "agreements"))
    {
      read_agreement (root, "fuzz.json");
      return 0;
    }
  agreements = accords_dataset_get_agreements (root, "fuzz.json", &error);
  if (agreements == NULL)
    {
      if (error == NULL)
        abort ();
      require_utf8 (error->message);
      return 0;
    }
  for (guint i = 0; i < json_array_get_length (agreements) && i < 64; i++)
    read_agreement (json_array_get_element (agreements, i), "fuzz.json: agreements[]");
  return 0;
}
