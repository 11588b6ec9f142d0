#define G_LOG_DOMAIN "lb-error"

#include "lb-error.h"

G_DEFINE_QUARK (lb-store-error-quark, lb_store_error)
G_DEFINE_QUARK (lb-lead-error-quark, lb_lead_error)
G_DEFINE_QUARK (lb-input-error-quark, lb_input_error)
