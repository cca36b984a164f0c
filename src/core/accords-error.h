/* accords-error.h: the error domain of the core */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ACCORDS_ERROR (accords_error_quark ())

typedef enum {
  ACCORDS_ERROR_FAILED,
  ACCORDS_ERROR_NOT_A_DATABASE,
  ACCORDS_ERROR_TOO_NEW,
  ACCORDS_ERROR_SQL,
  ACCORDS_ERROR_INVALID,
  ACCORDS_ERROR_NOT_FOUND,
  ACCORDS_ERROR_EXISTS,
  ACCORDS_ERROR_NOT_A_FEED,
  ACCORDS_ERROR_CANCELLED,
  ACCORDS_ERROR_BUSY,          /* another connection held the database too long */
  ACCORDS_ERROR_CORRUPT,       /* the database file is damaged */
  ACCORDS_ERROR_DISK_FULL,
  ACCORDS_ERROR_READ_ONLY,     /* the database or its folder cannot be written */
  ACCORDS_ERROR_IO,            /* reading or writing the database file failed */
  ACCORDS_ERROR_CONFLICT,      /* someone else changed what an edit was based on */
} AccordsError;

GQuark accords_error_quark (void);

G_END_DECLS
