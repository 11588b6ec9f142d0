#define G_LOG_DOMAIN "lb-account"

#include "config.h"

#include "lb-account.h"

struct _LbAccount
{
  LbRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (LbAccount, lb_account, LB_TYPE_RECORD)

static const char * const text_names[] = { "name", "industry", "website", "tin", "phone", "email", "street", "city", "postal-code", "region", "country", "notes" };
static const char * const int_names[] = { "id", "lead-id", "created-at", "updated-at", "deleted-at" };

G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LB_ACCOUNT_N_TEXT);
G_STATIC_ASSERT (G_N_ELEMENTS (int_names) == LB_ACCOUNT_N_INT);

/* GObject overrides */

static void
lb_account_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (!lb_record_get_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_account_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  if (!lb_record_set_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_account_class_init (LbAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lb_account_get_property;
  object_class->set_property = lb_account_set_property;

  lb_record_class_install_fields (LB_RECORD_CLASS (klass),
                                  text_names, G_N_ELEMENTS (text_names),
                                  int_names, G_N_ELEMENTS (int_names));
}

static void
lb_account_init (LbAccount *self)
{
}

/* public API */

LbAccount *
lb_account_new (void)
{
  return g_object_new (LB_TYPE_ACCOUNT, NULL);
}

LbAccount *
lb_account_copy (LbAccount *self)
{
  LbAccount *copy;

  g_return_val_if_fail (LB_IS_ACCOUNT (self), NULL);

  copy = lb_account_new ();
  lb_record_copy_fields (LB_RECORD (copy), LB_RECORD (self));

  return copy;
}

gint64
lb_account_get_id (LbAccount *self)
{
  return lb_record_get_int (LB_RECORD (self), LB_ACCOUNT_ID);
}
