#define G_LOG_DOMAIN "lb-deal"

#include "config.h"

#include "lb-deal.h"
#include "lb-enum-types.h"

struct _LbDeal
{
  LbRecord      parent_instance;

  LbDealStatus  status;
};

G_DEFINE_FINAL_TYPE (LbDeal, lb_deal, LB_TYPE_RECORD)

static const char * const text_names[] = { "name", "currency", "pipeline", "stage", "expected-close", "notes", "account-name", "contact-name" };
static const char * const int_names[] = { "id", "account-id", "contact-id", "value", "probability", "lead-id", "created-at", "updated-at", "deleted-at" };

G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LB_DEAL_N_TEXT);
G_STATIC_ASSERT (G_N_ELEMENTS (int_names) == LB_DEAL_N_INT);

static GParamSpec *status_pspec;
static guint prop_status;

/* GObject overrides */

static void
lb_deal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  if (lb_record_get_field_property (object, prop_id, value))
    return;

  if (prop_id == prop_status)
    g_value_set_enum (value, LB_DEAL (object)->status);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_deal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  if (lb_record_set_field_property (object, prop_id, value))
    return;

  if (prop_id == prop_status)
    lb_deal_set_status (LB_DEAL (object), g_value_get_enum (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_deal_class_init (LbDealClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lb_deal_get_property;
  object_class->set_property = lb_deal_set_property;

  lb_record_class_install_fields (LB_RECORD_CLASS (klass),
                                  text_names, G_N_ELEMENTS (text_names),
                                  int_names, G_N_ELEMENTS (int_names));

  prop_status = lb_record_class_n_props (LB_RECORD_CLASS (klass)) + 1;
  status_pspec = g_param_spec_enum ("status", NULL, NULL,
                                    LB_TYPE_DEAL_STATUS, LB_DEAL_STATUS_OPEN,
                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                    G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, prop_status, status_pspec);
}

static void
lb_deal_init (LbDeal *self)
{
  self->status = LB_DEAL_STATUS_OPEN;
}

/* public API */

LbDeal *
lb_deal_new (void)
{
  return g_object_new (LB_TYPE_DEAL, NULL);
}

LbDeal *
lb_deal_copy (LbDeal *self)
{
  LbDeal *copy;

  g_return_val_if_fail (LB_IS_DEAL (self), NULL);

  copy = lb_deal_new ();
  lb_record_copy_fields (LB_RECORD (copy), LB_RECORD (self));
  copy->status = self->status;

  return copy;
}

gint64
lb_deal_get_id (LbDeal *self)
{
  return lb_record_get_int (LB_RECORD (self), LB_DEAL_ID);
}

LbDealStatus
lb_deal_get_status (LbDeal *self)
{
  g_return_val_if_fail (LB_IS_DEAL (self), LB_DEAL_STATUS_OPEN);
  return self->status;
}

void
lb_deal_set_status (LbDeal       *self,
                    LbDealStatus  status)
{
  g_return_if_fail (LB_IS_DEAL (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), status_pspec);
}
