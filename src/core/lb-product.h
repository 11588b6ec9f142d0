#pragma once

#include "lb-record.h"

G_BEGIN_DECLS

#define LB_TYPE_PRODUCT (lb_product_get_type ())
G_DECLARE_FINAL_TYPE (LbProduct, lb_product, LB, PRODUCT, LbRecord)

/* A catalog item (SPEC 3.4): SKU unique ignoring case; "unit-price" in
 * minor units of the currency setting, "tax-rate" in basis points,
 * "active" 1 or 0. */

/* Text fields, each a property of the same name. */
typedef enum
{
  LB_PRODUCT_SKU,
  LB_PRODUCT_NAME,
  LB_PRODUCT_UNIT,
  LB_PRODUCT_N_TEXT
} LbProductText;

/* Integer fields. */
typedef enum
{
  LB_PRODUCT_ID,
  LB_PRODUCT_UNIT_PRICE,
  LB_PRODUCT_TAX_RATE,
  LB_PRODUCT_ACTIVE,
  LB_PRODUCT_CREATED_AT,
  LB_PRODUCT_UPDATED_AT,
  LB_PRODUCT_N_INT
} LbProductInt;
LbProduct *lb_product_new    (void);
LbProduct *lb_product_copy   (LbProduct *self);
gint64 lb_product_get_id (LbProduct *self);

G_END_DECLS
