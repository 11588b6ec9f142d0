#define G_LOG_DOMAIN "lb-convert"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-convert.h"
#include "lb-crm-actions.h"
#include "lb-error.h"

G_DEFINE_BOXED_TYPE (LbConversion, lb_conversion, lb_conversion_copy, lb_conversion_free)

/* helpers */

static gboolean
check_convertible (LbLead  *lead,
                   GError **error)
{
  if (lb_lead_is_trashed (lead))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED,
                   _("“%s” is in the trash. Restore it before you convert it."),
                   lb_lead_get_title (lead));
      return FALSE;
    }
  if (lb_lead_get_status (lead) == LB_LEAD_STATUS_CONVERTED)
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_CONVERTED,
                   _("“%s” was already converted; a lead is converted only once."),
                   lb_lead_get_title (lead));
      return FALSE;
    }
  return TRUE;
}

static void
copy_address (LbLead    *lead,
              LbRecord  *record,
              guint      street_field)
{
  const LbLeadText parts[] = { LB_LEAD_STREET, LB_LEAD_CITY, LB_LEAD_POSTAL_CODE,
                               LB_LEAD_REGION, LB_LEAD_COUNTRY };

  /* Street, city, postal code, region and country follow each other in
   * the account and contact field tables too. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    lb_record_set_text (record, street_field + i, lb_lead_get_text (lead, parts[i]));
}

/* public API */

/**
 * lb_conversion_new_for_lead:
 *
 * The assistant's starting point: a contact from the lead's names,
 * email, phone and address; the account step on "existing" when the
 * lead links an account, on "new" (pre-filled from the company fields)
 * when it names a company, else on "skip"; a deal named after the lead,
 * off until the user turns it on.
 *
 * Returns: (transfer full): the conversion, or %NULL when the lead
 *   cannot be converted (with @error set)
 */
LbConversion *
lb_conversion_new_for_lead (LbStore  *store,
                            gint64    lead_id,
                            GError  **error)
{
  g_autoptr(LbLead) lead = NULL;
  g_autoptr(LbConversion) self = NULL;
  const char *company;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  lead = lb_store_get_lead (store, lead_id, error);
  if (lead == NULL || !check_convertible (lead, error))
    return NULL;

  self = g_new0 (LbConversion, 1);
  self->lead_id = lead_id;

  self->contact = lb_contact_new ();
  lb_contact_set_text (self->contact, LB_CONTACT_FIRST_NAME, lb_lead_get_first_name (lead));
  lb_contact_set_text (self->contact, LB_CONTACT_MIDDLE_NAME, lb_lead_get_text (lead, LB_LEAD_MIDDLE_NAME));
  lb_contact_set_text (self->contact, LB_CONTACT_LAST_NAME, lb_lead_get_last_name (lead));
  lb_contact_set_text (self->contact, LB_CONTACT_EMAIL, lb_lead_get_email (lead));
  lb_contact_set_text (self->contact, LB_CONTACT_PHONE, lb_lead_get_phone (lead));
  copy_address (lead, LB_RECORD (self->contact), LB_CONTACT_STREET);

  company = lb_lead_get_new_company (lead) ? lb_lead_get_text (lead, LB_LEAD_COMPANY_NAME)
                                           : lb_lead_get_text (lead, LB_LEAD_COMPANY);
  self->account = lb_account_new ();
  lb_account_set_text (self->account, LB_ACCOUNT_NAME, company);
  lb_account_set_text (self->account, LB_ACCOUNT_WEBSITE, lb_lead_get_text (lead, LB_LEAD_COMPANY_WEBSITE));
  lb_account_set_text (self->account, LB_ACCOUNT_TIN, lb_lead_get_text (lead, LB_LEAD_COMPANY_TIN));
  copy_address (lead, LB_RECORD (self->account), LB_ACCOUNT_STREET);

  self->account_id = lb_lead_get_int (lead, LB_LEAD_ACCOUNT_ID);
  if (self->account_id != 0)
    self->account_mode = LB_CONVERT_ACCOUNT_EXISTING;
  else if (company != NULL)
    self->account_mode = LB_CONVERT_ACCOUNT_NEW;
  else
    self->account_mode = LB_CONVERT_ACCOUNT_SKIP;

  self->deal = lb_deal_new ();
  lb_deal_set_text (self->deal, LB_DEAL_NAME, lb_lead_get_title (lead));

  return g_steal_pointer (&self);
}

LbConversion *
lb_conversion_copy (const LbConversion *self)
{
  LbConversion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->contact = self->contact ? lb_contact_copy (self->contact) : NULL;
  copy->account = self->account ? lb_account_copy (self->account) : NULL;
  copy->deal = self->deal ? lb_deal_copy (self->deal) : NULL;

  return copy;
}

void
lb_conversion_free (LbConversion *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->contact);
  g_clear_object (&self->account);
  g_clear_object (&self->deal);
  g_free (self);
}

/* The checks of each step, for the assistant's Next button; writes
 * nothing.  lb_lead_convert() runs them again in its transaction. */
gboolean
lb_conversion_check_contact (LbStore       *store,
                             LbConversion  *self,
                             GError       **error)
{
  return lb_contact_check (store, self->contact, error);
}

gboolean
lb_conversion_check_account (LbStore       *store,
                             LbConversion  *self,
                             GError       **error)
{
  switch (self->account_mode)
    {
    case LB_CONVERT_ACCOUNT_SKIP:
      return TRUE;

    case LB_CONVERT_ACCOUNT_EXISTING:
      if (self->account_id == 0 || !lb_store_account_exists (store, self->account_id))
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("Choose an existing account, or create a new one."));
          return FALSE;
        }
      return TRUE;

    case LB_CONVERT_ACCOUNT_NEW:
      return lb_account_check (store, self->account, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
lb_conversion_check_deal (LbStore       *store,
                          LbConversion  *self,
                          GError       **error)
{
  return !self->with_deal || lb_deal_check (store, self->deal, error);
}

/**
 * lb_lead_convert:
 * @result: (out) (optional): the ids of what was created
 *
 * Converts the lead: creates the contact, then the account (new) or
 * links the existing one, then the deal, links them to each other and
 * to the lead, and marks the lead Converted — all in one transaction.
 * On any error nothing is created and the lead is unchanged.
 */
gboolean
lb_lead_convert (LbStore             *store,
                 LbConversion        *conversion,
                 LbConversionResult  *result,
                 GError             **error)
{
  g_autoptr(LbLead) lead = NULL;
  g_autoptr(LbContact) contact = NULL;
  g_autoptr(LbAccount) account = NULL;
  g_autoptr(LbDeal) deal = NULL;
  LbConversionResult out = { 0 };

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (conversion != NULL, FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;

  lead = lb_store_get_lead (store, conversion->lead_id, error);
  if (lead == NULL || !check_convertible (lead, error))
    goto fail;

  /* Work on copies, so a refused conversion leaves the assistant's
   * records as the user typed them. */
  contact = lb_contact_copy (conversion->contact);
  account = lb_account_copy (conversion->account);
  deal = lb_deal_copy (conversion->deal);

  if (conversion->account_mode == LB_CONVERT_ACCOUNT_NEW)
    {
      lb_account_set_int (account, LB_ACCOUNT_LEAD_ID, conversion->lead_id);
      if (!(out.account_id = lb_account_create (store, account, error)))
        {
          g_prefix_error (error, _("Account: "));
          goto fail;
        }
    }
  else if (conversion->account_mode == LB_CONVERT_ACCOUNT_EXISTING)
    {
      if (!lb_conversion_check_account (store, conversion, error))
        {
          g_prefix_error (error, _("Account: "));
          goto fail;
        }
      out.account_id = conversion->account_id;
    }

  lb_contact_set_int (contact, LB_CONTACT_ACCOUNT_ID, out.account_id);
  lb_contact_set_int (contact, LB_CONTACT_LEAD_ID, conversion->lead_id);
  if (!(out.contact_id = lb_contact_create (store, contact, error)))
    {
      g_prefix_error (error, _("Contact: "));
      goto fail;
    }

  if (conversion->with_deal)
    {
      lb_deal_set_int (deal, LB_DEAL_ACCOUNT_ID, out.account_id);
      lb_deal_set_int (deal, LB_DEAL_CONTACT_ID, out.contact_id);
      lb_deal_set_int (deal, LB_DEAL_LEAD_ID, conversion->lead_id);
      if (!(out.deal_id = lb_deal_create (store, deal, error)))
        {
          g_prefix_error (error, _("Deal: "));
          goto fail;
        }
    }

  if (!lb_store_mark_lead_converted (store, conversion->lead_id, out.contact_id, out.account_id,
                                     out.deal_id, lb_store_now (store), error) ||
      !lb_store_commit (store, error))
    goto fail;

  if (result != NULL)
    *result = out;
  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}
