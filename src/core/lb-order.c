#define G_LOG_DOMAIN "lb-order"

#include "config.h"

#include "lb-order.h"

struct _LbOrder
{
  LbRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (LbOrder, lb_order, LB_TYPE_RECORD)


/* GObject overrides */

static void
lb_order_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (!lb_record_get_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_order_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  if (!lb_record_set_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_order_class_init (LbOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lb_order_get_property;
  object_class->set_property = lb_order_set_property;

  lb_record_class_install_fields (LB_RECORD_CLASS (klass),
                                  lb_document_text_names, LB_DOC_N_TEXT,
                                  lb_document_int_names, LB_DOC_N_INT);
}

static void
lb_order_init (LbOrder *self)
{
}

/* public API */

LbOrder *
lb_order_new (void)
{
  return g_object_new (LB_TYPE_ORDER, NULL);
}

LbOrder *
lb_order_copy (LbOrder *self)
{
  LbOrder *copy;

  g_return_val_if_fail (LB_IS_ORDER (self), NULL);

  copy = lb_order_new ();
  lb_record_copy_fields (LB_RECORD (copy), LB_RECORD (self));

  return copy;
}

gint64
lb_order_get_id (LbOrder *self)
{
  return lb_record_get_int (LB_RECORD (self), LB_DOC_ID);
}
