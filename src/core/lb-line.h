#pragma once

#include "lb-record.h"

G_BEGIN_DECLS

#define LB_TYPE_LINE (lb_line_get_type ())
G_DECLARE_FINAL_TYPE (LbLine, lb_line, LB, LINE, LbRecord)

/* One line of an order, an invoice or a deal (SPEC 3.7): "quantity" in
 * thousandths, "unit-price" in minor units, "discount-kind" an
 * LbDiscountKind with "discount" in basis points or minor units,
 * "tax-kind" an LbTaxKind with "tax" in basis points or minor units.
 * "net" and "line-tax" are computed (lb-invoice-math), not stored.
 * "product-id" is 0 for a written-in line. */

/* Text fields, each a property of the same name. */
typedef enum
{
  LB_LINE_DESCRIPTION,
  LB_LINE_PRODUCT_SKU,
  LB_LINE_N_TEXT
} LbLineText;

/* Integer fields. */
typedef enum
{
  LB_LINE_ID,
  LB_LINE_DOCUMENT_ID,
  LB_LINE_POSITION,
  LB_LINE_PRODUCT_ID,
  LB_LINE_QUANTITY,
  LB_LINE_UNIT_PRICE,
  LB_LINE_DISCOUNT_KIND,
  LB_LINE_DISCOUNT,
  LB_LINE_TAX_KIND,
  LB_LINE_TAX,
  LB_LINE_NET,
  LB_LINE_LINE_TAX,
  LB_LINE_N_INT
} LbLineInt;
LbLine *lb_line_new    (void);
LbLine *lb_line_copy   (LbLine *self);
gint64 lb_line_get_id (LbLine *self);

G_END_DECLS
