#define G_LOG_DOMAIN "lb-product"

#include "config.h"

#include "lb-product.h"

struct _LbProduct
{
  LbRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (LbProduct, lb_product, LB_TYPE_RECORD)

static const char * const text_names[] = { "sku", "name", "unit" };
static const char * const int_names[] = { "id", "unit-price", "tax-rate", "active", "created-at", "updated-at" };

G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LB_PRODUCT_N_TEXT);
G_STATIC_ASSERT (G_N_ELEMENTS (int_names) == LB_PRODUCT_N_INT);

/* GObject overrides */

static void
lb_product_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (!lb_record_get_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_product_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  if (!lb_record_set_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_product_class_init (LbProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lb_product_get_property;
  object_class->set_property = lb_product_set_property;

  lb_record_class_install_fields (LB_RECORD_CLASS (klass),
                                  text_names, G_N_ELEMENTS (text_names),
                                  int_names, G_N_ELEMENTS (int_names));
}

static void
lb_product_init (LbProduct *self)
{
}

/* public API */

LbProduct *
lb_product_new (void)
{
  return g_object_new (LB_TYPE_PRODUCT, NULL);
}

LbProduct *
lb_product_copy (LbProduct *self)
{
  LbProduct *copy;

  g_return_val_if_fail (LB_IS_PRODUCT (self), NULL);

  copy = lb_product_new ();
  lb_record_copy_fields (LB_RECORD (copy), LB_RECORD (self));

  return copy;
}

gint64
lb_product_get_id (LbProduct *self)
{
  return lb_record_get_int (LB_RECORD (self), LB_PRODUCT_ID);
}
