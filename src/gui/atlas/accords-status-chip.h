/* accords-status-chip.h: a small swatch in a status's colour */
#pragma once

#include <gtk/gtk.h>

#include "accords-status.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_STATUS_CHIP (accords_status_chip_get_type ())

G_DECLARE_FINAL_TYPE (AccordsStatusChip, accords_status_chip, ACCORDS, STATUS_CHIP, GtkWidget)

GtkWidget     *accords_status_chip_new        (void);
AccordsStatus  accords_status_chip_get_status (AccordsStatusChip *self);
void           accords_status_chip_set_status (AccordsStatusChip *self,
                                               AccordsStatus      status);
/* Whether NONE means "No status yet" (a country party to agreements none
 * of which has a status) rather than "No agreement" */
void           accords_status_chip_set_unstated (AccordsStatusChip *self,
                                                 gboolean           unstated);

G_END_DECLS
