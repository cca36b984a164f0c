/* accords-error.c: the error domain of the core */
#define G_LOG_DOMAIN "accords-error"

#include "config.h"

#include "accords-error.h"

G_DEFINE_QUARK (accords-error-quark, accords_error)
