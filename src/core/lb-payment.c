#define G_LOG_DOMAIN "lb-payment"

#include "config.h"

#include "lb-payment.h"

struct _LbPayment
{
  LbRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (LbPayment, lb_payment, LB_TYPE_RECORD)

static const char * const text_names[] = { "paid-on", "reference" };
static const char * const int_names[] = { "id", "invoice-id", "amount", "method", "created-at" };

G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LB_PAYMENT_N_TEXT);
G_STATIC_ASSERT (G_N_ELEMENTS (int_names) == LB_PAYMENT_N_INT);

/* GObject overrides */

static void
lb_payment_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (!lb_record_get_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_payment_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  if (!lb_record_set_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_payment_class_init (LbPaymentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lb_payment_get_property;
  object_class->set_property = lb_payment_set_property;

  lb_record_class_install_fields (LB_RECORD_CLASS (klass),
                                  text_names, G_N_ELEMENTS (text_names),
                                  int_names, G_N_ELEMENTS (int_names));
}

static void
lb_payment_init (LbPayment *self)
{
}

/* public API */

LbPayment *
lb_payment_new (void)
{
  return g_object_new (LB_TYPE_PAYMENT, NULL);
}

LbPayment *
lb_payment_copy (LbPayment *self)
{
  LbPayment *copy;

  g_return_val_if_fail (LB_IS_PAYMENT (self), NULL);

  copy = lb_payment_new ();
  lb_record_copy_fields (LB_RECORD (copy), LB_RECORD (self));

  return copy;
}

gint64
lb_payment_get_id (LbPayment *self)
{
  return lb_record_get_int (LB_RECORD (self), LB_PAYMENT_ID);
}
