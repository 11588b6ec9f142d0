#define G_LOG_DOMAIN "lb-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-enums.h"
#include "lb-enum-types.h"

/* public API */

const char *
lb_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/* Accepts the nick ("partially-paid") and the snake_case spelling of the
 * same nick ("partially_paid"), ignoring case. */
gboolean
lb_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *canon = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  canon = g_ascii_strdown (nick, -1);
  g_strdelimit (canon, "_ ", '-');
  g_strstrip (canon);

  klass = g_type_class_ref (enum_type);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (g_strcmp0 (klass->values[i].value_nick, canon) == 0)
        {
          *value = klass->values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lb_lead_status_to_label (LbLeadStatus status)
{
  switch (status)
    {
    case LB_LEAD_STATUS_NEW:
      return C_("lead status", "New");
    case LB_LEAD_STATUS_CONTACTED:
      return C_("lead status", "Contacted");
    case LB_LEAD_STATUS_LOST:
      return C_("lead status", "Lost");
    case LB_LEAD_STATUS_CONVERTED:
      return C_("lead status", "Converted");
    default:
      return "";
    }
}

const char *
lb_rating_to_label (LbRating rating)
{
  switch (rating)
    {
    case LB_RATING_COLD:
      return C_("rating", "Cold");
    case LB_RATING_WARM:
      return C_("rating", "Warm");
    case LB_RATING_HOT:
      return C_("rating", "Hot");
    default:
      return "";
    }
}

const char *
lb_ref_kind_to_label (LbRefKind kind)
{
  switch (kind)
    {
    case LB_REF_SOURCE:
      return _("Sources");
    case LB_REF_CATEGORY:
      return _("Categories");
    case LB_REF_TAG:
      return _("Tags");
    case LB_REF_CAMPAIGN:
      return _("Campaigns");
    case LB_REF_SELLING_DIRECTION:
      return _("Selling Directions");
    case LB_REF_DISTRIBUTION_CHANNEL:
      return _("Content Distribution Channels");
    case LB_REF_ORDER_TYPE:
      return _("Order Types");
    case LB_REF_INVOICE_TYPE:
      return _("Invoice Types");
    case LB_REF_INDUSTRY:
      return _("Industries");
    case LB_REF_TAX_RATE:
      return _("Tax Rates");
    default:
      return "";
    }
}

const char *
lb_deal_status_to_label (LbDealStatus status)
{
  switch (status)
    {
    case LB_DEAL_STATUS_OPEN:
      return C_("deal status", "Open");
    case LB_DEAL_STATUS_WON:
      return C_("deal status", "Won");
    case LB_DEAL_STATUS_LOST:
      return C_("deal status", "Lost");
    default:
      return "";
    }
}

const char *
lb_order_status_to_label (LbOrderStatus status)
{
  switch (status)
    {
    case LB_ORDER_STATUS_DRAFT:
      return C_("order status", "Draft");
    case LB_ORDER_STATUS_CONFIRMED:
      return C_("order status", "Confirmed");
    case LB_ORDER_STATUS_FULFILLED:
      return C_("order status", "Fulfilled");
    case LB_ORDER_STATUS_CANCELLED:
      return C_("order status", "Cancelled");
    default:
      return "";
    }
}

const char *
lb_invoice_status_to_label (LbInvoiceStatus status)
{
  switch (status)
    {
    case LB_INVOICE_STATUS_DRAFT:
      return C_("invoice status", "Draft");
    case LB_INVOICE_STATUS_SENT:
      return C_("invoice status", "Sent");
    case LB_INVOICE_STATUS_PARTIALLY_PAID:
      return C_("invoice status", "Partially Paid");
    case LB_INVOICE_STATUS_PAID:
      return C_("invoice status", "Paid");
    case LB_INVOICE_STATUS_OVERDUE:
      return C_("invoice status", "Overdue");
    case LB_INVOICE_STATUS_CANCELLED:
      return C_("invoice status", "Cancelled");
    case LB_INVOICE_STATUS_VOID:
      return C_("invoice status", "Void");
    default:
      return "";
    }
}

const char *
lb_payment_method_to_label (LbPaymentMethod method)
{
  switch (method)
    {
    case LB_PAYMENT_METHOD_CASH:
      return C_("payment method", "Cash");
    case LB_PAYMENT_METHOD_BANK_TRANSFER:
      return C_("payment method", "Bank transfer");
    case LB_PAYMENT_METHOD_CARD:
      return C_("payment method", "Card");
    case LB_PAYMENT_METHOD_OTHER:
      return C_("payment method", "Other");
    default:
      return "";
    }
}
