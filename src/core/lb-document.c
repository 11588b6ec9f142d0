#define G_LOG_DOMAIN "lb-document"

#include "config.h"

#include "lb-document.h"

const char * const lb_document_text_names[LB_DOC_N_TEXT] = {
  "number", "type", "doc-date", "due-date", "currency", "notes", "terms", "delivery-address", "account-name", "contact-name", "lead-title", "status-label"
};

const char * const lb_document_int_names[LB_DOC_N_INT] = {
  "id", "kind", "status", "account-id", "contact-id", "lead-id", "deal-id", "order-id", "discount-kind", "discount", "pricing-locked", "manual-number", "issued-at", "created-at", "updated-at", "subtotal", "discount-total", "tax", "total", "paid", "balance"
};
