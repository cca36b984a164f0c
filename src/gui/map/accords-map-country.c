/* accords-map-country.c: a country of the map as screen readers and the focus reach it */
#define G_LOG_DOMAIN "accords-map-country"

#include "config.h"

#include "accords-map-country.h"
#include "accords-util.h"

#define SIZE 12

struct _AccordsMapCountry
{
  GtkWidget  parent_instance;

  char      *code;
  char      *text;
};

G_DEFINE_FINAL_TYPE (AccordsMapCountry, accords_map_country, GTK_TYPE_WIDGET)

static void
accords_map_country_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
accords_map_country_finalize (GObject *object)
{
  AccordsMapCountry *self = (AccordsMapCountry *) object;

  g_free (self->code);
  g_free (self->text);

  G_OBJECT_CLASS (accords_map_country_parent_class)->finalize (object);
}

static void
accords_map_country_class_init (AccordsMapCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = accords_map_country_finalize;
  widget_class->measure = accords_map_country_measure;

  gtk_widget_class_set_css_name (widget_class, "mapcountry");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
accords_map_country_init (AccordsMapCountry *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
accords_map_country_new (const char *code)
{
  AccordsMapCountry *self;

  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (ACCORDS_TYPE_MAP_COUNTRY, NULL);
  self->code = g_strdup (code);
  return GTK_WIDGET (self);
}

const char *
accords_map_country_get_code (AccordsMapCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_COUNTRY (self), NULL);
  return self->code;
}

void
accords_map_country_set_text (AccordsMapCountry *self,
                              const char        *text)
{
  g_return_if_fail (ACCORDS_IS_MAP_COUNTRY (self));

  if (!accords_set_str (&self->text, text))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

const char *
accords_map_country_get_text (AccordsMapCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_MAP_COUNTRY (self), NULL);
  return self->text;
}
