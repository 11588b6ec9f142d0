#define G_LOG_DOMAIN "lb-lead-actions"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-settings.h"
#include "lb-validate.h"

/* helpers */

static gboolean
field_error (GError     **error,
             GError      *input_error,
             LbLeadError  code)
{
  g_set_error_literal (error, LB_LEAD_ERROR, code, input_error->message);
  g_error_free (input_error);
  return FALSE;
}

static void
trim_text_fields (LbLead *lead)
{
  for (LbLeadText f = 0; f < LB_LEAD_N_TEXT_FIELDS; f++)
    {
      g_autofree char *clean = lb_normalize_text (lb_lead_get_text (lead, f));
      lb_lead_set_text (lead, f, clean);
    }
}

static void
default_title (LbLead *lead)
{
  g_autofree char *name = NULL;
  const char *first = lb_lead_get_first_name (lead);
  const char *last = lb_lead_get_last_name (lead);

  if (lb_lead_get_title (lead) != NULL)
    return;

  if (first != NULL || last != NULL)
    name = g_strjoin (" ", first ? first : last, first && last ? last : NULL, NULL);
  else if (lb_lead_get_display_company (lead) != NULL)
    name = g_strdup (lb_lead_get_display_company (lead));
  else
    name = g_strdup_printf (_("Lead from %s"), lb_lead_get_text (lead, LB_LEAD_SOURCE));

  lb_lead_set_text (lead, LB_LEAD_TITLE, name);
}

static gboolean
check_unique (LbStore  *store,
              LbLead   *lead,
              GError  **error)
{
  gint64 id = lb_lead_get_id (lead);
  gint64 other;

  other = lb_store_find_lead_by_email (store, lb_lead_get_email (lead), id);
  if (other != 0)
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_EMAIL,
                   _("Lead %" PRId64 " already has the email address “%s”. "
                     "Open that lead, or use another address."),
                   other, lb_lead_get_email (lead));
      return FALSE;
    }

  other = lb_store_find_lead_by_phone (store, lb_lead_get_phone (lead), id);
  if (other != 0)
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_PHONE,
                   _("Lead %" PRId64 " already has the phone number “%s”. "
                     "Open that lead, or use another number."),
                   other, lb_lead_get_phone (lead));
      return FALSE;
    }

  return TRUE;
}

/* Only the Convert action makes a lead Converted. */
static void
set_converted_error (GError **error)
{
  g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_STATUS,
               _("A lead becomes Converted only through Convert. "
                 "Choose New, Contacted or Lost."));
}

/* Checks a new lead, gives it its timestamps and stores it: the part of
 * creating a lead that lb_lead_create() and lb_lead_create_in_import()
 * share.  Writes nothing when the lead is refused. */
static gboolean
insert_new_lead (LbStore  *store,
                 LbLead   *work,
                 GError  **error)
{
  gint64 now;

  if (!lb_lead_check (store, work, error))
    return FALSE;

  now = lb_store_now (store);
  if (lb_lead_get_int (work, LB_LEAD_CREATED_AT) == 0)
    lb_lead_set_int (work, LB_LEAD_CREATED_AT, now);
  lb_lead_set_int (work, LB_LEAD_UPDATED_AT, now);

  return lb_store_insert_lead (store, work, error);
}

/* public API */

/**
 * lb_lead_check:
 *
 * Tidies @lead (trims text, fills the default category and title, gives
 * a bare website host "https://", drops the company fields when an
 * existing account is linked) and checks every rule of SPEC 3.1 that
 * does not depend on its history.  Writes nothing.
 *
 * Returns: %TRUE when the lead may be saved
 */
gboolean
lb_lead_check (LbStore  *store,
               LbLead   *lead,
               GError  **error)
{
  GError *local_error = NULL;
  g_autofree char *website = NULL;
  gint64 account_id = lb_lead_get_int (lead, LB_LEAD_ACCOUNT_ID);
  gint64 contact_id = lb_lead_get_int (lead, LB_LEAD_CONTACT_ID);

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (LB_IS_LEAD (lead), FALSE);

  trim_text_fields (lead);

  if (lb_lead_get_text (lead, LB_LEAD_SOURCE) == NULL)
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_SOURCE,
                   _("Choose where the lead came from (its source)."));
      return FALSE;
    }
  if (lb_lead_get_text (lead, LB_LEAD_CATEGORY) == NULL)
    {
      g_autofree char *category = lb_settings_get (store, LB_SETTING_DEFAULT_CATEGORY, NULL);
      lb_lead_set_text (lead, LB_LEAD_CATEGORY, category);
    }
  if (lb_lead_get_text (lead, LB_LEAD_CATEGORY) == NULL)
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_CATEGORY,
                   _("Choose a category, or set a default category in Preferences."));
      return FALSE;
    }

  if (contact_id != 0 && !lb_store_contact_exists (store, contact_id))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_CONTACT,
                   _("There is no contact %" PRId64 ". Choose an existing contact."),
                   contact_id);
      return FALSE;
    }
  if (contact_id == 0 &&
      (lb_lead_get_first_name (lead) == NULL || lb_lead_get_last_name (lead) == NULL))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_NAME,
                   _("Type the lead’s first and last name, or link an existing contact."));
      return FALSE;
    }

  if (!lb_validate_email (lb_lead_get_email (lead), &local_error))
    return field_error (error, local_error, LB_LEAD_ERROR_EMAIL);
  if (!lb_validate_phone (lb_lead_get_phone (lead), &local_error))
    return field_error (error, local_error, LB_LEAD_ERROR_PHONE);

  if (account_id != 0)
    {
      if (lb_lead_get_new_company (lead))
        {
          g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_ACCOUNT,
                       _("A lead is either for a new company or for an existing account, "
                         "not both. Turn off “New company” or unlink the account."));
          return FALSE;
        }
      if (!lb_store_account_exists (store, account_id))
        {
          g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_ACCOUNT,
                       _("There is no account %" PRId64 ". Choose an existing account."),
                       account_id);
          return FALSE;
        }
      /* With an existing account the company fields do not apply. */
      lb_lead_set_text (lead, LB_LEAD_COMPANY_NAME, NULL);
      lb_lead_set_text (lead, LB_LEAD_COMPANY_WEBSITE, NULL);
      lb_lead_set_text (lead, LB_LEAD_COMPANY_TIN, NULL);
    }
  else if (lb_lead_get_new_company (lead) &&
           lb_lead_get_text (lead, LB_LEAD_COMPANY_NAME) == NULL)
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_COMPANY_NAME,
                   _("Type the name of the new company."));
      return FALSE;
    }

  if (!lb_validate_tin (lb_lead_get_text (lead, LB_LEAD_COMPANY_TIN), &local_error))
    return field_error (error, local_error, LB_LEAD_ERROR_TIN);

  website = lb_normalize_website (lb_lead_get_text (lead, LB_LEAD_COMPANY_WEBSITE), &local_error);
  if (local_error != NULL)
    return field_error (error, local_error, LB_LEAD_ERROR_WEBSITE);
  lb_lead_set_text (lead, LB_LEAD_COMPANY_WEBSITE, website);

  default_title (lead);

  return check_unique (store, lead, error);
}

/**
 * lb_lead_create:
 *
 * Checks and stores a new lead.  Its status is always New; its id and
 * timestamps are set on success.
 *
 * Returns: the new lead's id, 0 on error
 */
gint64
lb_lead_create (LbStore  *store,
                LbLead   *lead,
                GError  **error)
{
  g_autoptr(LbLead) work = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), 0);
  g_return_val_if_fail (LB_IS_LEAD (lead), 0);

  /* Work on a copy so a refused lead keeps what the user typed. */
  work = lb_lead_copy (lead);
  lb_lead_set_int (work, LB_LEAD_ID, 0);
  lb_lead_set_status (work, LB_LEAD_STATUS_NEW);
  lb_lead_set_int (work, LB_LEAD_DELETED_AT, 0);
  lb_lead_set_int (work, LB_LEAD_CONVERTED_CONTACT_ID, 0);
  lb_lead_set_int (work, LB_LEAD_CONVERTED_ACCOUNT_ID, 0);
  lb_lead_set_int (work, LB_LEAD_CONVERTED_DEAL_ID, 0);

  if (!lb_store_begin (store, error))
    return 0;

  if (!insert_new_lead (store, work, error) ||
      !lb_store_commit (store, error))
    goto fail;

  g_object_freeze_notify (G_OBJECT (lead));
  for (LbLeadText f = 0; f < LB_LEAD_N_TEXT_FIELDS; f++)
    lb_lead_set_text (lead, f, lb_lead_get_text (work, f));
  for (LbLeadInt f = 0; f < LB_LEAD_N_INT_FIELDS; f++)
    lb_lead_set_int (lead, f, lb_lead_get_int (work, f));
  lb_lead_set_status (lead, LB_LEAD_STATUS_NEW);
  g_object_thaw_notify (G_OBJECT (lead));

  return lb_lead_get_id (work);

fail:
  lb_store_rollback (store);
  return 0;
}

/**
 * lb_lead_save:
 *
 * Checks and stores the changes to an existing lead.  The status may be
 * set to New, Contacted or Lost; a converted lead stays Converted.  The
 * created time, the trash time and the conversion links are kept as
 * stored, whatever @lead holds.
 */
gboolean
lb_lead_save (LbStore  *store,
              LbLead   *lead,
              GError  **error)
{
  g_autoptr(LbLead) stored = NULL;
  g_autoptr(LbLead) work = NULL;
  LbLeadStatus status;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (LB_IS_LEAD (lead), FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;

  stored = lb_store_get_lead (store, lb_lead_get_id (lead), error);
  if (stored == NULL)
    goto fail;
  if (lb_lead_is_trashed (stored))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED,
                   _("“%s” is in the trash. Restore it before you change it."),
                   lb_lead_get_title (stored));
      goto fail;
    }

  work = lb_lead_copy (lead);
  status = lb_lead_get_status (work);
  if (lb_lead_get_status (stored) == LB_LEAD_STATUS_CONVERTED)
    {
      if (status != LB_LEAD_STATUS_CONVERTED)
        {
          g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_STATUS,
                       _("“%s” was converted; its status stays Converted."),
                       lb_lead_get_title (stored));
          goto fail;
        }
    }
  else if (status == LB_LEAD_STATUS_CONVERTED)
    {
      set_converted_error (error);
      goto fail;
    }

  lb_lead_set_int (work, LB_LEAD_CREATED_AT, lb_lead_get_int (stored, LB_LEAD_CREATED_AT));
  lb_lead_set_int (work, LB_LEAD_DELETED_AT, 0);
  for (LbLeadInt f = LB_LEAD_CONVERTED_CONTACT_ID; f <= LB_LEAD_CONVERTED_DEAL_ID; f++)
    lb_lead_set_int (work, f, lb_lead_get_int (stored, f));

  if (!lb_lead_check (store, work, error))
    goto fail;
  lb_lead_set_int (work, LB_LEAD_UPDATED_AT, lb_store_now (store));

  if (!lb_store_update_lead (store, work, error) ||
      !lb_store_commit (store, error))
    goto fail;

  g_object_freeze_notify (G_OBJECT (lead));
  for (LbLeadText f = 0; f < LB_LEAD_N_TEXT_FIELDS; f++)
    lb_lead_set_text (lead, f, lb_lead_get_text (work, f));
  for (LbLeadInt f = 0; f < LB_LEAD_N_INT_FIELDS; f++)
    lb_lead_set_int (lead, f, lb_lead_get_int (work, f));
  g_object_thaw_notify (G_OBJECT (lead));

  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}

/* Moves a lead to the trash. */
gboolean
lb_lead_trash (LbStore  *store,
               gint64    id,
               GError  **error)
{
  g_autoptr(LbLead) lead = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;

  lead = lb_store_get_lead (store, id, error);
  if (lead == NULL)
    goto fail;
  if (lb_lead_is_trashed (lead))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED,
                   _("“%s” is already in the trash."), lb_lead_get_title (lead));
      goto fail;
    }

  if (!lb_store_set_lead_deleted_at (store, id, lb_store_now (store), error) ||
      !lb_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}

/* Brings a lead back from the trash, unless its email or phone now
 * belongs to another live lead. */
gboolean
lb_lead_restore (LbStore  *store,
                 gint64    id,
                 GError  **error)
{
  g_autoptr(LbLead) lead = NULL;
  gint64 other;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;

  lead = lb_store_get_lead (store, id, error);
  if (lead == NULL)
    goto fail;
  if (!lb_lead_is_trashed (lead))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED,
                   _("“%s” is not in the trash."), lb_lead_get_title (lead));
      goto fail;
    }

  other = lb_store_find_lead_by_email (store, lb_lead_get_email (lead), id);
  if (other != 0)
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_EMAIL,
                   _("“%s” cannot be restored: lead %" PRId64 " now has its email "
                     "address “%s”. Change or delete that lead first."),
                   lb_lead_get_title (lead), other, lb_lead_get_email (lead));
      goto fail;
    }
  other = lb_store_find_lead_by_phone (store, lb_lead_get_phone (lead), id);
  if (other != 0)
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_PHONE,
                   _("“%s” cannot be restored: lead %" PRId64 " now has its phone "
                     "number “%s”. Change or delete that lead first."),
                   lb_lead_get_title (lead), other, lb_lead_get_phone (lead));
      goto fail;
    }

  if (!lb_store_set_lead_deleted_at (store, id, 0, error) ||
      !lb_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}

/* Deletes a lead for good; only a lead in the trash. */
gboolean
lb_lead_purge (LbStore  *store,
               gint64    id,
               GError  **error)
{
  g_autoptr(LbLead) lead = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;

  lead = lb_store_get_lead (store, id, error);
  if (lead == NULL)
    goto fail;
  if (!lb_lead_is_trashed (lead))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED,
                   _("“%s” is not in the trash. Delete it first; only leads in the trash "
                     "can be deleted permanently."),
                   lb_lead_get_title (lead));
      goto fail;
    }

  if (!lb_store_purge_lead (store, id, error) ||
      !lb_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}

/**
 * lb_lead_replicate:
 *
 * Makes a new lead with the fields of lead @id except its email, phone,
 * status (New), conversion links and timestamps, titled "Copy of …".
 *
 * Returns: the new lead's id, 0 on error
 */
gint64
lb_lead_replicate (LbStore  *store,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(LbLead) source = NULL;
  g_autoptr(LbLead) copy = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), 0);

  source = lb_store_get_lead (store, id, error);
  if (source == NULL)
    return 0;
  if (lb_lead_is_trashed (source))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED,
                   _("“%s” is in the trash. Restore it before you replicate it."),
                   lb_lead_get_title (source));
      return 0;
    }

  copy = lb_lead_copy (source);
  title = g_strdup_printf (_("Copy of %s"), lb_lead_get_title (source));
  lb_lead_set_text (copy, LB_LEAD_TITLE, title);
  lb_lead_set_text (copy, LB_LEAD_EMAIL, NULL);
  lb_lead_set_text (copy, LB_LEAD_PHONE, NULL);
  lb_lead_set_int (copy, LB_LEAD_CREATED_AT, 0);
  lb_lead_set_int (copy, LB_LEAD_UPDATED_AT, 0);

  /* lb_lead_create() resets the status, the trash and the links. */
  return lb_lead_create (store, copy, error);
}

/**
 * lb_lead_create_in_import:
 *
 * Creates a lead from an imported row, inside the caller's transaction
 * (lb_store_begin()), with the checks of lb_lead_create().  Unlike a
 * lead typed in, an imported one keeps its status — New, Contacted or
 * Lost; Converted is refused — and its created time when it has one.
 * Each row costs no savepoint of its own: a refused lead
 * (LB_LEAD_ERROR) has written nothing and the import goes on; after any
 * other error the caller rolls the whole transaction back.  @lead gets
 * its id, checked fields and timestamps.
 *
 * Returns: the new lead's id, 0 on error
 */
gint64
lb_lead_create_in_import (LbStore  *store,
                          LbLead   *lead,
                          GError  **error)
{
  g_return_val_if_fail (LB_IS_STORE (store), 0);
  g_return_val_if_fail (LB_IS_LEAD (lead), 0);

  if (lb_lead_get_status (lead) == LB_LEAD_STATUS_CONVERTED)
    {
      set_converted_error (error);
      return 0;
    }

  lb_lead_set_int (lead, LB_LEAD_ID, 0);
  lb_lead_set_int (lead, LB_LEAD_DELETED_AT, 0);
  for (LbLeadInt f = LB_LEAD_CONVERTED_CONTACT_ID; f <= LB_LEAD_CONVERTED_DEAL_ID; f++)
    lb_lead_set_int (lead, f, 0);

  if (!insert_new_lead (store, lead, error))
    return 0;

  return lb_lead_get_id (lead);
}
