#define G_LOG_DOMAIN "lb-crm-actions"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "lb-crm-actions.h"
#include "lb-error.h"
#include "lb-settings.h"
#include "lb-validate.h"

/* helpers */

static void
trim_record (LbRecord *record,
             guint     n_text)
{
  for (guint i = 0; i < n_text; i++)
    {
      g_autofree char *clean = lb_normalize_text (lb_record_get_text (record, i));
      lb_record_set_text (record, i, clean);
    }
}

static gboolean
check_contact_points (const char  *email,
                      const char  *phone,
                      GError     **error)
{
  return lb_validate_email (email, error) && lb_validate_phone (phone, error);
}

static gboolean
check_live_link (LbStore     *store,
                 gboolean   (*exists) (LbStore *, gint64),
                 gint64       id,
                 const char  *message,
                 GError     **error)
{
  if (id == 0 || exists (store, id))
    return TRUE;

  g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, message, id);
  return FALSE;
}

/* Runs @write (an insert or update) for @record in a transaction after
 * @check, setting the timestamps. */
typedef gboolean (*CheckFunc) (LbStore *, gpointer, GError **);
typedef gboolean (*WriteFunc) (LbStore *, gpointer, GError **);

static gint64 deleted_at_of (LbStore     *store,
                             const char  *kind,
                             gint64       id,
                             GError     **error);

/* @kind names the record type for the trash check of an edit: a record
 * in the trash is restored before it is changed, as leads are. */
static gboolean
write_record (LbStore    *store,
              const char *kind,
              LbRecord   *record,
              CheckFunc   check,
              WriteFunc   write,
              guint       created_field,
              guint       updated_field,
              gboolean    creating,
              GError    **error)
{
  gint64 now = lb_store_now (store);

  if (!lb_store_begin (store, error))
    return FALSE;

  if (!creating)
    {
      /* The id is the first integer field of accounts, contacts and deals. */
      G_STATIC_ASSERT (LB_ACCOUNT_ID == 0 && LB_CONTACT_ID == 0 && LB_DEAL_ID == 0);
      gint64 deleted_at = deleted_at_of (store, kind, lb_record_get_int (record, 0), error);

      if (deleted_at < 0)
        goto fail;
      if (deleted_at > 0)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("It is in the trash. Restore it before you change it."));
          goto fail;
        }
    }

  if (!check (store, record, error))
    goto fail;

  if (creating)
    lb_record_set_int (record, created_field, now);
  lb_record_set_int (record, updated_field, now);

  if (!write (store, record, error) || !lb_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}

/* public API: accounts */

/* Tidies and checks an account: name required and unique ignoring case
 * among accounts outside the trash; email, phone, TIN and website as
 * for leads. */
gboolean
lb_account_check (LbStore    *store,
                  LbAccount  *account,
                  GError    **error)
{
  g_autofree char *website = NULL;
  GError *local_error = NULL;
  const char *name;
  gint64 other;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (LB_IS_ACCOUNT (account), FALSE);

  trim_record (LB_RECORD (account), LB_ACCOUNT_N_TEXT);
  name = lb_account_get_text (account, LB_ACCOUNT_NAME);

  if (name == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, _("Type the account’s name."));
      return FALSE;
    }
  other = lb_store_find_account (store, name, lb_account_get_id (account));
  if (other != 0)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE,
                   _("An account named “%s” already exists (account %" PRId64 "). "
                     "Choose it, or use another name."),
                   name, other);
      return FALSE;
    }
  if (!check_contact_points (lb_account_get_text (account, LB_ACCOUNT_EMAIL),
                             lb_account_get_text (account, LB_ACCOUNT_PHONE), error) ||
      !lb_validate_tin (lb_account_get_text (account, LB_ACCOUNT_TIN), error))
    return FALSE;

  website = lb_normalize_website (lb_account_get_text (account, LB_ACCOUNT_WEBSITE), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  lb_account_set_text (account, LB_ACCOUNT_WEBSITE, website);

  return TRUE;
}

gint64
lb_account_create (LbStore    *store,
                   LbAccount  *account,
                   GError    **error)
{
  g_return_val_if_fail (LB_IS_ACCOUNT (account), 0);

  lb_account_set_int (account, LB_ACCOUNT_ID, 0);
  lb_account_set_int (account, LB_ACCOUNT_DELETED_AT, 0);
  if (!write_record (store, "account", LB_RECORD (account), (CheckFunc)lb_account_check,
                     (WriteFunc)lb_store_insert_account, LB_ACCOUNT_CREATED_AT,
                     LB_ACCOUNT_UPDATED_AT, TRUE, error))
    {
      lb_account_set_int (account, LB_ACCOUNT_ID, 0);
      return 0;
    }

  return lb_account_get_id (account);
}

gboolean
lb_account_save (LbStore    *store,
                 LbAccount  *account,
                 GError    **error)
{
  g_return_val_if_fail (LB_IS_ACCOUNT (account), FALSE);

  return write_record (store, "account", LB_RECORD (account), (CheckFunc)lb_account_check,
                       (WriteFunc)lb_store_update_account, LB_ACCOUNT_CREATED_AT,
                       LB_ACCOUNT_UPDATED_AT, FALSE, error);
}

/* public API: contacts */

/* A contact needs a first or a last name; email and phone as for leads;
 * a linked account must exist outside the trash. */
gboolean
lb_contact_check (LbStore    *store,
                  LbContact  *contact,
                  GError    **error)
{
  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (LB_IS_CONTACT (contact), FALSE);

  trim_record (LB_RECORD (contact), LB_CONTACT_N_TEXT);

  if (lb_contact_get_text (contact, LB_CONTACT_FIRST_NAME) == NULL &&
      lb_contact_get_text (contact, LB_CONTACT_LAST_NAME) == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("Type the contact’s first or last name."));
      return FALSE;
    }

  return check_contact_points (lb_contact_get_text (contact, LB_CONTACT_EMAIL),
                               lb_contact_get_text (contact, LB_CONTACT_PHONE), error) &&
         check_live_link (store, lb_store_account_exists,
                          lb_contact_get_int (contact, LB_CONTACT_ACCOUNT_ID),
                          _("There is no account %" PRId64 ". Choose an existing account."),
                          error);
}

gint64
lb_contact_create (LbStore    *store,
                   LbContact  *contact,
                   GError    **error)
{
  g_return_val_if_fail (LB_IS_CONTACT (contact), 0);

  lb_contact_set_int (contact, LB_CONTACT_ID, 0);
  lb_contact_set_int (contact, LB_CONTACT_DELETED_AT, 0);
  if (!write_record (store, "contact", LB_RECORD (contact), (CheckFunc)lb_contact_check,
                     (WriteFunc)lb_store_insert_contact, LB_CONTACT_CREATED_AT,
                     LB_CONTACT_UPDATED_AT, TRUE, error))
    {
      lb_contact_set_int (contact, LB_CONTACT_ID, 0);
      return 0;
    }

  return lb_contact_get_id (contact);
}

gboolean
lb_contact_save (LbStore    *store,
                 LbContact  *contact,
                 GError    **error)
{
  g_return_val_if_fail (LB_IS_CONTACT (contact), FALSE);

  return write_record (store, "contact", LB_RECORD (contact), (CheckFunc)lb_contact_check,
                       (WriteFunc)lb_store_update_contact, LB_CONTACT_CREATED_AT,
                       LB_CONTACT_UPDATED_AT, FALSE, error);
}

/* public API: deals */

/* A deal needs a name; its value is >= 0 in the currency (three
 * letters, kept upper case; default: the currency setting); the
 * pipeline defaults to the first one and the stage to its first stage;
 * probability 0–100; the expected close date is YYYY-MM-DD; linked
 * account and contact must exist. */
gboolean
lb_deal_check (LbStore  *store,
               LbDeal   *deal,
               GError  **error)
{
  const char *close_date;
  const char *currency;
  gint64 probability;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (LB_IS_DEAL (deal), FALSE);

  trim_record (LB_RECORD (deal), LB_DEAL_N_TEXT);

  if (lb_deal_get_text (deal, LB_DEAL_NAME) == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, _("Type a name for the deal."));
      return FALSE;
    }
  if (lb_deal_get_int (deal, LB_DEAL_VALUE) < 0)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("A deal’s value cannot be negative."));
      return FALSE;
    }
  probability = lb_deal_get_int (deal, LB_DEAL_PROBABILITY);
  if (probability < 0 || probability > 100)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("The probability is %" PRId64 "; it must be from 0 to 100."),
                   probability);
      return FALSE;
    }
  close_date = lb_deal_get_text (deal, LB_DEAL_EXPECTED_CLOSE);
  if (close_date != NULL)
    {
      GDate date;

      if (!lb_parse_date (close_date, &date, error))
        return FALSE;
    }

  currency = lb_deal_get_text (deal, LB_DEAL_CURRENCY);
  if (currency != NULL)
    {
      g_autofree char *code = NULL;

      if (strlen (currency) != 3 || !g_ascii_isalpha (currency[0]) ||
          !g_ascii_isalpha (currency[1]) || !g_ascii_isalpha (currency[2]))
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("“%s” is not a currency code. Use the three letters of "
                         "ISO 4217, e.g. EUR or USD."),
                       currency);
          return FALSE;
        }
      code = g_ascii_strup (currency, -1);
      lb_deal_set_text (deal, LB_DEAL_CURRENCY, code);
    }
  else
    {
      g_autofree char *currency = lb_settings_get (store, LB_SETTING_CURRENCY, NULL);
      lb_deal_set_text (deal, LB_DEAL_CURRENCY, currency);
    }
  if (lb_deal_get_text (deal, LB_DEAL_PIPELINE) == NULL)
    {
      g_auto(GStrv) pipelines = lb_store_list_pipelines (store);

      if (pipelines[0] == NULL)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("There is no pipeline. Add one in Preferences."));
          return FALSE;
        }
      lb_deal_set_text (deal, LB_DEAL_PIPELINE, pipelines[0]);
    }
  if (lb_deal_get_text (deal, LB_DEAL_STAGE) == NULL)
    {
      g_auto(GStrv) stages = lb_store_list_stages (store, lb_deal_get_text (deal, LB_DEAL_PIPELINE));

      if (stages[0] == NULL)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("The pipeline “%s” has no stages. Add one in Preferences."),
                       lb_deal_get_text (deal, LB_DEAL_PIPELINE));
          return FALSE;
        }
      lb_deal_set_text (deal, LB_DEAL_STAGE, stages[0]);
    }

  return check_live_link (store, lb_store_account_exists, lb_deal_get_int (deal, LB_DEAL_ACCOUNT_ID),
                          _("There is no account %" PRId64 ". Choose an existing account."),
                          error) &&
         check_live_link (store, lb_store_contact_exists, lb_deal_get_int (deal, LB_DEAL_CONTACT_ID),
                          _("There is no contact %" PRId64 ". Choose an existing contact."),
                          error);
}

gint64
lb_deal_create (LbStore  *store,
                LbDeal   *deal,
                GError  **error)
{
  g_return_val_if_fail (LB_IS_DEAL (deal), 0);

  lb_deal_set_int (deal, LB_DEAL_ID, 0);
  lb_deal_set_int (deal, LB_DEAL_DELETED_AT, 0);
  if (!write_record (store, "deal", LB_RECORD (deal), (CheckFunc)lb_deal_check,
                     (WriteFunc)lb_store_insert_deal, LB_DEAL_CREATED_AT,
                     LB_DEAL_UPDATED_AT, TRUE, error))
    {
      lb_deal_set_int (deal, LB_DEAL_ID, 0);
      return 0;
    }

  return lb_deal_get_id (deal);
}

gboolean
lb_deal_save (LbStore  *store,
              LbDeal   *deal,
              GError  **error)
{
  g_return_val_if_fail (LB_IS_DEAL (deal), FALSE);

  return write_record (store, "deal", LB_RECORD (deal), (CheckFunc)lb_deal_check,
                       (WriteFunc)lb_store_update_deal, LB_DEAL_CREATED_AT,
                       LB_DEAL_UPDATED_AT, FALSE, error);
}

/* public API: trash */

static gint64
deleted_at_of (LbStore     *store,
               const char  *kind,
               gint64       id,
               GError     **error)
{
  g_autoptr(GObject) record = NULL;

  if (g_strcmp0 (kind, "account") == 0)
    record = G_OBJECT (lb_store_get_account (store, id, error));
  else if (g_strcmp0 (kind, "contact") == 0)
    record = G_OBJECT (lb_store_get_contact (store, id, error));
  else
    record = G_OBJECT (lb_store_get_deal (store, id, error));

  if (record == NULL)
    return -1;

  if (LB_IS_ACCOUNT (record))
    return lb_account_get_int (record, LB_ACCOUNT_DELETED_AT);
  if (LB_IS_CONTACT (record))
    return lb_contact_get_int (record, LB_CONTACT_DELETED_AT);
  return lb_deal_get_int (record, LB_DEAL_DELETED_AT);
}

static gboolean
change_trash (LbStore     *store,
              const char  *kind,
              gint64       id,
              gboolean     to_trash,
              GError     **error)
{
  gint64 deleted_at;

  if (!lb_store_begin (store, error))
    return FALSE;

  deleted_at = deleted_at_of (store, kind, id, error);
  if (deleted_at < 0)
    goto fail;
  if ((deleted_at != 0) == to_trash)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   to_trash ? _("It is already in the trash.") : _("It is not in the trash."));
      goto fail;
    }

  if (!lb_store_set_deleted_at (store, kind, id, to_trash ? lb_store_now (store) : 0, error) ||
      !lb_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}

gboolean
lb_record_trash (LbStore     *store,
                 const char  *kind,
                 gint64       id,
                 GError     **error)
{
  return change_trash (store, kind, id, TRUE, error);
}

/* Restoring an account whose name a live account took meanwhile is
 * refused by the store's unique index, with the reason. */
gboolean
lb_record_restore (LbStore     *store,
                   const char  *kind,
                   gint64       id,
                   GError     **error)
{
  return change_trash (store, kind, id, FALSE, error);
}

gboolean
lb_record_purge (LbStore     *store,
                 const char  *kind,
                 gint64      id,
                 GError     **error)
{
  gint64 deleted_at;

  if (!lb_store_begin (store, error))
    return FALSE;

  deleted_at = deleted_at_of (store, kind, id, error);
  if (deleted_at < 0)
    goto fail;
  if (deleted_at == 0)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("It is not in the trash. Delete it first; only the trash can be emptied."));
      goto fail;
    }

  if (!lb_store_purge (store, kind, id, error) || !lb_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}

/* public API: pipelines */

typedef enum
{
  PIPELINE_ADD,
  PIPELINE_RENAME,
  PIPELINE_REMOVE,
  STAGE_ADD,
  STAGE_RENAME,
  STAGE_REMOVE,
  STAGE_MOVE,
} PipelineEdit;

/* Whether @names holds @name, ignoring case as the store does. */
static gboolean
names_contain (char        **names,
               const char   *name)
{
  for (guint i = 0; name != NULL && names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Runs one change of the pipelines in a transaction, after checking
 * that the pipeline (and the stage) it names exist. */
static gboolean
edit_pipelines (LbStore       *store,
                PipelineEdit   edit,
                const char    *pipeline,
                const char    *stage,
                const char    *name,
                guint          position,
                GError       **error)
{
  gboolean done = FALSE;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (pipeline != NULL, FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;

  if (edit != PIPELINE_ADD)
    {
      g_auto(GStrv) pipelines = lb_store_list_pipelines (store);

      if (!names_contain (pipelines, pipeline))
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("There is no pipeline “%s”."), pipeline);
          goto fail;
        }
    }
  if (edit == STAGE_RENAME || edit == STAGE_REMOVE || edit == STAGE_MOVE)
    {
      g_auto(GStrv) stages = lb_store_list_stages (store, pipeline);

      if (!names_contain (stages, stage))
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("The pipeline “%s” has no stage “%s”."), pipeline, stage);
          goto fail;
        }
    }

  switch (edit)
    {
    case PIPELINE_ADD:
      done = lb_store_add_pipeline (store, pipeline, error);
      break;
    case PIPELINE_RENAME:
      done = lb_store_rename_pipeline (store, pipeline, name, error);
      break;
    case PIPELINE_REMOVE:
      done = lb_store_remove_pipeline (store, pipeline, error);
      break;
    case STAGE_ADD:
      done = lb_store_add_stage (store, pipeline, name, error);
      break;
    case STAGE_RENAME:
      done = lb_store_rename_stage (store, pipeline, stage, name, error);
      break;
    case STAGE_REMOVE:
      done = lb_store_remove_stage (store, pipeline, stage, error);
      break;
    case STAGE_MOVE:
      done = lb_store_move_stage (store, pipeline, stage, position, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!done || !lb_store_commit (store, error))
    goto fail;

  return TRUE;

fail:
  lb_store_rollback (store);
  return FALSE;
}

/* Pipelines and stages are named, unique ignoring case (stages within
 * their pipeline); one that deals use (in the trash too) stays. */
gboolean
lb_pipeline_add (LbStore     *store,
                 const char  *name,
                 GError     **error)
{
  return edit_pipelines (store, PIPELINE_ADD, name, NULL, NULL, 0, error);
}

gboolean
lb_pipeline_rename (LbStore     *store,
                    const char  *pipeline,
                    const char  *name,
                    GError     **error)
{
  return edit_pipelines (store, PIPELINE_RENAME, pipeline, NULL, name, 0, error);
}

gboolean
lb_pipeline_remove (LbStore     *store,
                    const char  *pipeline,
                    GError     **error)
{
  return edit_pipelines (store, PIPELINE_REMOVE, pipeline, NULL, NULL, 0, error);
}

gboolean
lb_stage_add (LbStore     *store,
              const char  *pipeline,
              const char  *name,
              GError     **error)
{
  return edit_pipelines (store, STAGE_ADD, pipeline, NULL, name, 0, error);
}

gboolean
lb_stage_rename (LbStore     *store,
                 const char  *pipeline,
                 const char  *stage,
                 const char  *name,
                 GError     **error)
{
  return edit_pipelines (store, STAGE_RENAME, pipeline, stage, name, 0, error);
}

gboolean
lb_stage_remove (LbStore     *store,
                 const char  *pipeline,
                 const char  *stage,
                 GError     **error)
{
  return edit_pipelines (store, STAGE_REMOVE, pipeline, stage, NULL, 0, error);
}

/* Moves @stage to @position (0 = first; past the end = last). */
gboolean
lb_stage_move (LbStore     *store,
               const char  *pipeline,
               const char  *stage,
               guint        position,
               GError     **error)
{
  return edit_pipelines (store, STAGE_MOVE, pipeline, stage, NULL, position, error);
}
