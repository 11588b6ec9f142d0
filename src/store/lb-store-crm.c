#define G_LOG_DOMAIN "lb-store-crm"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-error.h"
#include "lb-store-crm.h"
#include "lb-store-private.h"
#include "lb-validate.h"

/* The columns each query reads, in the order of the Lb*Text and Lb*Int
 * enums of the record type: the text fields first, then the integers.
 * Fixed lists of column names, never user data. */

#define ACCOUNT_COLUMNS \
  "a.name, i.name, a.website, a.tin, a.phone, a.email, a.street, a.city, a.postal_code," \
  " a.region, a.country, a.notes," \
  " a.id, a.lead_id, a.created_at, a.updated_at, a.deleted_at"
#define ACCOUNT_FROM \
  " FROM account a LEFT JOIN ref_item i ON i.id = a.industry_id"

#define CONTACT_COLUMNS \
  "c.first_name, c.middle_name, c.last_name, c.email, c.phone, c.street, c.city," \
  " c.postal_code, c.region, c.country, c.notes, a.name," \
  " c.id, c.account_id, c.lead_id, c.created_at, c.updated_at, c.deleted_at"
#define CONTACT_FROM \
  " FROM contact c LEFT JOIN account a ON a.id = c.account_id"

#define DEAL_COLUMNS \
  "d.name, d.currency, p.name, s.name, d.expected_close, d.notes, a.name," \
  " trim (coalesce (c.first_name, '') || ' ' || coalesce (c.last_name, ''))," \
  " d.id, d.account_id, d.contact_id, d.value, d.probability, d.lead_id, d.created_at," \
  " d.updated_at, d.deleted_at, d.status"
#define DEAL_FROM \
  " FROM deal d JOIN stage s ON s.id = d.stage_id JOIN pipeline p ON p.id = s.pipeline_id" \
  " LEFT JOIN account a ON a.id = d.account_id LEFT JOIN contact c ON c.id = d.contact_id"

/* helpers */

static gpointer
read_row (sqlite3_stmt *stmt,
          GType         type)
{
  if (type == LB_TYPE_ACCOUNT)
    {
      LbAccount *account = lb_account_new ();
      lb_read_record_fields (stmt, LB_RECORD (account));
      return account;
    }
  if (type == LB_TYPE_CONTACT)
    {
      LbContact *contact = lb_contact_new ();
      lb_read_record_fields (stmt, LB_RECORD (contact));
      return contact;
    }

  {
    LbDeal *deal = lb_deal_new ();
    lb_read_record_fields (stmt, LB_RECORD (deal));
    lb_deal_set_status (deal, sqlite3_column_int (stmt, LB_DEAL_N_TEXT + LB_DEAL_N_INT));
    return deal;
  }
}

static GListModel *
collect (LbStore       *self,
         sqlite3_stmt  *stmt,
         GType          type,
         GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) row = read_row (stmt, type);
      g_list_store_append (list, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gpointer
get_one (LbStore     *self,
         const char  *sql,
         GType        type,
         const char  *what,
         gint64       id,
         GError     **error)
{
  sqlite3_stmt *stmt = lb_store_prepare (self, sql, error);
  g_autoptr(GListModel) rows = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = collect (self, stmt, type, error);
  if (rows == NULL)
    return NULL;
  if (g_list_model_get_n_items (rows) == 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                   /* Translators: "There is no account 12." */
                   _("There is no %s %" PRId64 "."), what, id);
      return NULL;
    }

  return g_list_model_get_item (rows, 0);
}


/* Appends the shared parts of a record list query: the trash, the links
 * and one "haystack LIKE ?" per search word, to @sql; the values to
 * bind go to @binds (as text, or as "#<n>" for integers). */
static void
append_filter (GString              *sql,
               GPtrArray            *binds,
               const char           *alias,
               const char           *haystack,
               const LbRecordFilter *filter)
{
  g_auto(GStrv) words = NULL;

  g_string_append_printf (sql, " WHERE %s.deleted_at IS %s", alias, filter->trash ? "NOT NULL" : "NULL");

  if (filter->account_id > 0)
    {
      g_string_append_printf (sql, " AND %s.account_id = ?", alias);
      g_ptr_array_add (binds, g_strdup_printf ("#%" PRId64, filter->account_id));
    }
  if (filter->contact_id > 0)
    {
      g_string_append_printf (sql, " AND %s.contact_id = ?", alias);
      g_ptr_array_add (binds, g_strdup_printf ("#%" PRId64, filter->contact_id));
    }
  if (filter->lead_id > 0)
    {
      g_string_append_printf (sql, " AND %s.lead_id = ?", alias);
      g_ptr_array_add (binds, g_strdup_printf ("#%" PRId64, filter->lead_id));
    }
  if (filter->status >= 0)
    {
      g_string_append_printf (sql, " AND %s.status = ?", alias);
      g_ptr_array_add (binds, g_strdup_printf ("#%d", filter->status));
    }

  if (filter->search != NULL)
    words = g_strsplit_set (filter->search, " \t", -1);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      g_string_append_printf (sql, " AND (%s) LIKE ? ESCAPE '\\'", haystack);
      g_ptr_array_add (binds, lb_like_pattern (words[i]));
    }
}

static void
bind_all (sqlite3_stmt *stmt,
          GPtrArray    *binds)
{
  for (guint i = 0; i < binds->len; i++)
    {
      const char *value = g_ptr_array_index (binds, i);

      if (value[0] == '#')
        sqlite3_bind_int64 (stmt, i + 1, g_ascii_strtoll (value + 1, NULL, 10));
      else
        sqlite3_bind_text (stmt, i + 1, value, -1, SQLITE_TRANSIENT);
    }
}

static GListModel *
list_records (LbStore              *self,
              const char           *select_from,
              const char           *alias,
              const char           *haystack,
              const char           *order_by,
              GType                 type,
              const LbRecordFilter *filter,
              GError              **error)
{
  g_autoptr(GString) sql = g_string_new (select_from);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  /* The aliases, haystacks and orders are fixed strings of this file;
   * only the bound values come from the user. */
  append_filter (sql, binds, alias, haystack, filter);
  g_string_append (sql, order_by);

  stmt = lb_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_all (stmt, binds);

  return collect (self, stmt, type, error);
}

static gboolean
resolve_industry (LbStore     *self,
                  const char  *name,
                  gint64      *id,
                  GError     **error)
{
  g_autoptr(LbRefItem) item = NULL;

  *id = 0;
  if (name == NULL)
    return TRUE;

  item = lb_store_find_ref (self, LB_REF_INDUSTRY, name);
  if (item == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("“%s” is not in the list of %s. Pick one from the list or add it in "
                     "Preferences."),
                   name, lb_ref_kind_to_label (LB_REF_INDUSTRY));
      return FALSE;
    }

  *id = lb_ref_item_get_id (item);
  return TRUE;
}

/* The stage id of @stage in @pipeline (names, ignoring case); the first
 * stage of the pipeline when @stage is NULL. */
static gint64
find_stage (LbStore     *self,
            const char  *pipeline,
            const char  *stage,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = lb_store_prepare (self,
                           "SELECT s.id FROM stage s JOIN pipeline p ON p.id = s.pipeline_id"
                           " WHERE p.name = ?1 COLLATE NOCASE"
                           " AND (?2 IS NULL OR s.name = ?2 COLLATE NOCASE)"
                           " ORDER BY s.position LIMIT 1",
                           error);
  if (stmt == NULL)
    return 0;
  lb_bind_text (stmt, 1, pipeline);
  lb_bind_text (stmt, 2, stage);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (id == 0)
    {
      if (stage != NULL)
        g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                     _("The pipeline “%s” has no stage “%s”. Pick one of its stages."),
                     pipeline ? pipeline : "", stage);
      else
        g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                     _("There is no pipeline “%s” with stages. Pick a pipeline."),
                     pipeline ? pipeline : "");
    }

  return id;
}

static gboolean
check_changed (LbStore     *self,
               const char  *what,
               gint64       id,
               GError     **error)
{
  if (sqlite3_changes (lb_store_get_db (self)) > 0)
    return TRUE;

  g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
               _("There is no %s %" PRId64 "."), what, id);
  return FALSE;
}

/* public API: filters */

void
lb_record_filter_init (LbRecordFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->status = -1;
}

void
lb_record_filter_clear (LbRecordFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
}

void
lb_stage_total_free (LbStageTotal *total)
{
  if (total == NULL)
    return;
  g_free (total->pipeline);
  g_free (total->stage);
  g_free (total->currency);
  g_free (total);
}

/* public API: accounts */

gboolean
lb_store_insert_account (LbStore    *self,
                         LbAccount  *account,
                         GError    **error)
{
  g_autofree char *duplicate = NULL;
  sqlite3_stmt *stmt;
  gint64 industry_id;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!resolve_industry (self, lb_account_get_text (account, LB_ACCOUNT_INDUSTRY), &industry_id, error))
    return FALSE;

  stmt = lb_store_prepare (self,
                           "INSERT INTO account (name, industry_id, website, tin, phone, email,"
                           " street, city, postal_code, region, country, notes, lead_id,"
                           " created_at, updated_at, deleted_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  lb_bind_text (stmt, 1, lb_account_get_text (account, LB_ACCOUNT_NAME));
  lb_bind_id (stmt, 2, industry_id);
  for (guint i = LB_ACCOUNT_WEBSITE; i <= LB_ACCOUNT_NOTES; i++)
    lb_bind_text (stmt, i + 1, lb_account_get_text (account, i));
  lb_bind_id (stmt, 13, lb_account_get_int (account, LB_ACCOUNT_LEAD_ID));
  sqlite3_bind_int64 (stmt, 14, lb_account_get_int (account, LB_ACCOUNT_CREATED_AT));
  sqlite3_bind_int64 (stmt, 15, lb_account_get_int (account, LB_ACCOUNT_UPDATED_AT));
  lb_bind_id (stmt, 16, lb_account_get_int (account, LB_ACCOUNT_DELETED_AT));

  duplicate = g_strdup_printf (_("An account named “%s” already exists. Choose it, or use another name."),
                               lb_account_get_text (account, LB_ACCOUNT_NAME));
  if (!lb_store_step_write (self, stmt, duplicate, error))
    return FALSE;

  lb_account_set_int (account, LB_ACCOUNT_ID, sqlite3_last_insert_rowid (lb_store_get_db (self)));
  return TRUE;
}

gboolean
lb_store_update_account (LbStore    *self,
                         LbAccount  *account,
                         GError    **error)
{
  g_autofree char *duplicate = NULL;
  sqlite3_stmt *stmt;
  gint64 industry_id;
  gint64 id = lb_account_get_id (account);

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!resolve_industry (self, lb_account_get_text (account, LB_ACCOUNT_INDUSTRY), &industry_id, error))
    return FALSE;

  stmt = lb_store_prepare (self,
                           "UPDATE account SET name = ?1, industry_id = ?2, website = ?3, tin = ?4,"
                           " phone = ?5, email = ?6, street = ?7, city = ?8, postal_code = ?9,"
                           " region = ?10, country = ?11, notes = ?12, lead_id = ?13,"
                           " updated_at = ?15 WHERE id = ?17",
                           error);
  if (stmt == NULL)
    return FALSE;

  lb_bind_text (stmt, 1, lb_account_get_text (account, LB_ACCOUNT_NAME));
  lb_bind_id (stmt, 2, industry_id);
  for (guint i = LB_ACCOUNT_WEBSITE; i <= LB_ACCOUNT_NOTES; i++)
    lb_bind_text (stmt, i + 1, lb_account_get_text (account, i));
  lb_bind_id (stmt, 13, lb_account_get_int (account, LB_ACCOUNT_LEAD_ID));
  sqlite3_bind_int64 (stmt, 15, lb_account_get_int (account, LB_ACCOUNT_UPDATED_AT));
  sqlite3_bind_int64 (stmt, 17, id);

  duplicate = g_strdup_printf (_("An account named “%s” already exists. Choose it, or use another name."),
                               lb_account_get_text (account, LB_ACCOUNT_NAME));
  if (!lb_store_step_write (self, stmt, duplicate, error) ||
      !check_changed (self, C_("record kind", "account"), id, error))
    return FALSE;

  /* Leads linked to the account show and sort by its name. */
  stmt = lb_store_prepare (self,
                           "UPDATE lead SET display_company = ?1"
                           " WHERE account_id = ?2 AND NOT new_company",
                           error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_text (stmt, 1, lb_account_get_text (account, LB_ACCOUNT_NAME));
  sqlite3_bind_int64 (stmt, 2, id);

  return lb_store_step_done (self, stmt, error);
}

LbAccount *
lb_store_get_account (LbStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  return get_one (self, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM " WHERE a.id = ?",
                  LB_TYPE_ACCOUNT, C_("record kind", "account"), id, error);
}

/* The id of the live account named @name (ignoring case), 0 for none. */
gint64
lb_store_find_account (LbStore    *self,
                       const char *name,
                       gint64      except_id)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  if (name == NULL)
    return 0;

  stmt = lb_store_prepare (self,
                           "SELECT id FROM account WHERE name = ? COLLATE NOCASE"
                           " AND deleted_at IS NULL AND id != ?",
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/**
 * lb_store_list_accounts:
 *
 * Returns: (transfer full): the matching #LbAccount rows by name
 */
GListModel *
lb_store_list_accounts (LbStore               *self,
                        const LbRecordFilter  *filter,
                        GError               **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  return list_records (self, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM, "a",
                       "coalesce (a.name, '') || ' ' || coalesce (a.email, '') || ' ' ||"
                       " coalesce (a.phone, '') || ' ' || coalesce (a.city, '') || ' ' ||"
                       " coalesce (a.tin, '')",
                       " ORDER BY a.name COLLATE NOCASE, a.id", LB_TYPE_ACCOUNT, filter, error);
}

/* public API: contacts */

static void
bind_contact (sqlite3_stmt *stmt,
              LbContact    *contact)
{
  /* ?1…?11 the stored text fields, ?12 account, ?13 lead, ?14 created,
   * ?15 updated, ?16 deleted */
  for (guint i = LB_CONTACT_FIRST_NAME; i <= LB_CONTACT_NOTES; i++)
    lb_bind_text (stmt, i + 1, lb_contact_get_text (contact, i));
  lb_bind_id (stmt, 12, lb_contact_get_int (contact, LB_CONTACT_ACCOUNT_ID));
  lb_bind_id (stmt, 13, lb_contact_get_int (contact, LB_CONTACT_LEAD_ID));
  sqlite3_bind_int64 (stmt, 14, lb_contact_get_int (contact, LB_CONTACT_CREATED_AT));
  sqlite3_bind_int64 (stmt, 15, lb_contact_get_int (contact, LB_CONTACT_UPDATED_AT));
  lb_bind_id (stmt, 16, lb_contact_get_int (contact, LB_CONTACT_DELETED_AT));
}

gboolean
lb_store_insert_contact (LbStore    *self,
                         LbContact  *contact,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "INSERT INTO contact (first_name, middle_name, last_name, email, phone,"
                           " street, city, postal_code, region, country, notes, account_id,"
                           " lead_id, created_at, updated_at, deleted_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                           " ?15, ?16)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_contact (stmt, contact);
  if (!lb_store_step_write (self, stmt, NULL, error))
    return FALSE;

  lb_contact_set_int (contact, LB_CONTACT_ID, sqlite3_last_insert_rowid (lb_store_get_db (self)));
  return TRUE;
}

gboolean
lb_store_update_contact (LbStore    *self,
                         LbContact  *contact,
                         GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 id = lb_contact_get_id (contact);

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE contact SET first_name = ?1, middle_name = ?2, last_name = ?3,"
                           " email = ?4, phone = ?5, street = ?6, city = ?7, postal_code = ?8,"
                           " region = ?9, country = ?10, notes = ?11, account_id = ?12,"
                           " lead_id = ?13, updated_at = ?15 WHERE id = ?17",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_contact (stmt, contact);
  sqlite3_bind_int64 (stmt, 17, id);

  return lb_store_step_write (self, stmt, NULL, error) &&
         check_changed (self, C_("record kind", "contact"), id, error);
}

LbContact *
lb_store_get_contact (LbStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  return get_one (self, "SELECT " CONTACT_COLUMNS CONTACT_FROM " WHERE c.id = ?",
                  LB_TYPE_CONTACT, C_("record kind", "contact"), id, error);
}

/**
 * lb_store_list_contacts:
 *
 * Returns: (transfer full): the matching #LbContact rows by last name
 */
GListModel *
lb_store_list_contacts (LbStore               *self,
                        const LbRecordFilter  *filter,
                        GError               **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  return list_records (self, "SELECT " CONTACT_COLUMNS CONTACT_FROM, "c",
                       "coalesce (c.first_name, '') || ' ' || coalesce (c.last_name, '') || ' ' ||"
                       " coalesce (c.email, '') || ' ' || coalesce (c.phone, '') || ' ' ||"
                       " coalesce (a.name, '')",
                       " ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id",
                       LB_TYPE_CONTACT, filter, error);
}

/* public API: deals */

static gboolean
bind_deal (LbStore       *self,
           sqlite3_stmt  *stmt,
           LbDeal        *deal,
           GError       **error)
{
  gint64 stage_id = find_stage (self, lb_deal_get_text (deal, LB_DEAL_PIPELINE),
                                lb_deal_get_text (deal, LB_DEAL_STAGE), error);

  if (stage_id == 0)
    return FALSE;

  /* ?1 name … ?13 deleted, in the column order of the insert */
  lb_bind_text (stmt, 1, lb_deal_get_text (deal, LB_DEAL_NAME));
  lb_bind_id (stmt, 2, lb_deal_get_int (deal, LB_DEAL_ACCOUNT_ID));
  lb_bind_id (stmt, 3, lb_deal_get_int (deal, LB_DEAL_CONTACT_ID));
  sqlite3_bind_int64 (stmt, 4, lb_deal_get_int (deal, LB_DEAL_VALUE));
  lb_bind_text (stmt, 5, lb_deal_get_text (deal, LB_DEAL_CURRENCY));
  sqlite3_bind_int64 (stmt, 6, stage_id);
  sqlite3_bind_int (stmt, 7, lb_deal_get_status (deal));
  lb_bind_text (stmt, 8, lb_deal_get_text (deal, LB_DEAL_EXPECTED_CLOSE));
  sqlite3_bind_int64 (stmt, 9, lb_deal_get_int (deal, LB_DEAL_PROBABILITY));
  lb_bind_text (stmt, 10, lb_deal_get_text (deal, LB_DEAL_NOTES));
  lb_bind_id (stmt, 11, lb_deal_get_int (deal, LB_DEAL_LEAD_ID));
  sqlite3_bind_int64 (stmt, 12, lb_deal_get_int (deal, LB_DEAL_CREATED_AT));
  sqlite3_bind_int64 (stmt, 13, lb_deal_get_int (deal, LB_DEAL_UPDATED_AT));

  return TRUE;
}

gboolean
lb_store_insert_deal (LbStore  *self,
                      LbDeal   *deal,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "INSERT INTO deal (name, account_id, contact_id, value, currency,"
                           " stage_id, status, expected_close, probability, notes, lead_id,"
                           " created_at, updated_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                           error);
  if (stmt == NULL || !bind_deal (self, stmt, deal, error))
    return FALSE;
  if (!lb_store_step_write (self, stmt, NULL, error))
    return FALSE;

  lb_deal_set_int (deal, LB_DEAL_ID, sqlite3_last_insert_rowid (lb_store_get_db (self)));
  return TRUE;
}

gboolean
lb_store_update_deal (LbStore  *self,
                      LbDeal   *deal,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 id = lb_deal_get_id (deal);

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE deal SET name = ?1, account_id = ?2, contact_id = ?3,"
                           " value = ?4, currency = ?5, stage_id = ?6, status = ?7,"
                           " expected_close = ?8, probability = ?9, notes = ?10, lead_id = ?11,"
                           " updated_at = ?13 WHERE id = ?14",
                           error);
  if (stmt == NULL || !bind_deal (self, stmt, deal, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 14, id);

  return lb_store_step_write (self, stmt, NULL, error) &&
         check_changed (self, C_("record kind", "deal"), id, error);
}

LbDeal *
lb_store_get_deal (LbStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  return get_one (self, "SELECT " DEAL_COLUMNS DEAL_FROM " WHERE d.id = ?",
                  LB_TYPE_DEAL, C_("record kind", "deal"), id, error);
}

/**
 * lb_store_list_deals:
 *
 * Returns: (transfer full): the matching #LbDeal rows, by pipeline,
 *   stage order, then name
 */
GListModel *
lb_store_list_deals (LbStore               *self,
                     const LbRecordFilter  *filter,
                     GError               **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  return list_records (self, "SELECT " DEAL_COLUMNS DEAL_FROM, "d",
                       "coalesce (d.name, '') || ' ' || coalesce (a.name, '') || ' ' ||"
                       " coalesce (c.first_name, '') || ' ' || coalesce (c.last_name, '')",
                       " ORDER BY p.position, p.name, s.position, d.name COLLATE NOCASE, d.id",
                       LB_TYPE_DEAL, filter, error);
}

/**
 * lb_store_stage_totals:
 *
 * Returns: (transfer full) (element-type LbStageTotal): every stage of
 *   every pipeline in order, with the count and value of its open deals
 */
GPtrArray *
lb_store_stage_totals (LbStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) totals = g_ptr_array_new_with_free_func ((GDestroyNotify)lb_stage_total_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT p.name, s.name, count (d.id), coalesce (sum (d.value), 0),"
                           " CASE WHEN count (DISTINCT d.currency) = 1 THEN min (d.currency) END"
                           " FROM pipeline p JOIN stage s ON s.pipeline_id = p.id"
                           " LEFT JOIN deal d ON d.stage_id = s.id AND d.deleted_at IS NULL"
                           "   AND d.status = ?"
                           " GROUP BY s.id ORDER BY p.position, p.name, s.position",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, LB_DEAL_STATUS_OPEN);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LbStageTotal *total = g_new0 (LbStageTotal, 1);

      total->pipeline = g_strdup (lb_column_text (stmt, 0));
      total->stage = g_strdup (lb_column_text (stmt, 1));
      total->n_deals = sqlite3_column_int64 (stmt, 2);
      total->value = sqlite3_column_int64 (stmt, 3);
      total->currency = g_strdup (lb_column_text (stmt, 4));
      g_ptr_array_add (totals, total);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&totals);
}

/* public API: trash */

static const char *
kind_table (const char *kind)
{
  /* Only these three names map to a table; anything else is a bug. */
  if (g_strcmp0 (kind, "account") == 0)
    return "account";
  if (g_strcmp0 (kind, "contact") == 0)
    return "contact";
  if (g_strcmp0 (kind, "deal") == 0)
    return "deal";
  g_return_val_if_reached (NULL);
}

gboolean
lb_store_set_deleted_at (LbStore     *self,
                         const char  *kind,
                         gint64       id,
                         gint64       deleted_at,
                         GError     **error)
{
  g_autofree char *sql = NULL;
  const char *table = kind_table (kind);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  /* The table name is one of three fixed names above. */
  sql = g_strconcat ("UPDATE ", table, " SET deleted_at = ? WHERE id = ?", NULL);
  stmt = lb_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_id (stmt, 1, deleted_at);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!lb_store_step_write (self, stmt, _("Another record with the same name is outside the trash."), error))
    return FALSE;
  return check_changed (self, kind, id, error);
}

gboolean
lb_store_purge (LbStore     *self,
                const char  *kind,
                gint64       id,
                GError     **error)
{
  g_autofree char *sql = NULL;
  const char *table = kind_table (kind);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  sql = g_strconcat ("DELETE FROM ", table, " WHERE id = ?", NULL);
  stmt = lb_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE,
                   _("Other records still refer to it. Delete or change those first."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
lb_store_mark_lead_converted (LbStore  *self,
                              gint64    lead_id,
                              gint64    contact_id,
                              gint64    account_id,
                              gint64    deal_id,
                              gint64    now,
                              GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE lead SET status = ?, converted_contact_id = ?,"
                           " converted_account_id = ?, converted_deal_id = ?, updated_at = ?"
                           " WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, LB_LEAD_STATUS_CONVERTED);
  lb_bind_id (stmt, 2, contact_id);
  lb_bind_id (stmt, 3, account_id);
  lb_bind_id (stmt, 4, deal_id);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, lead_id);

  return lb_store_step_write (self, stmt, NULL, error) &&
         check_changed (self, C_("record kind", "lead"), lead_id, error);
}

/* public API: pipelines */

static char **
collect_names (LbStore    *self,
               const char *sql,
               const char *param)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt = lb_store_prepare (self, sql, NULL);

  if (stmt != NULL)
    {
      if (param != NULL)
        sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (names, lb_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return g_strv_builder_end (names);
}

/**
 * lb_store_list_pipelines:
 *
 * Returns: (transfer full): the pipelines' names in order
 */
char **
lb_store_list_pipelines (LbStore *self)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  return collect_names (self, "SELECT name FROM pipeline ORDER BY position, name", NULL);
}

/**
 * lb_store_list_stages:
 *
 * Returns: (transfer full): the stages of @pipeline in order
 */
char **
lb_store_list_stages (LbStore    *self,
                      const char *pipeline)
{
  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  return collect_names (self,
                        "SELECT s.name FROM stage s JOIN pipeline p ON p.id = s.pipeline_id"
                        " WHERE p.name = ? COLLATE NOCASE ORDER BY s.position",
                        pipeline ? pipeline : "");
}

static gboolean
exec_named (LbStore     *self,
            const char  *sql,
            const char  *a,
            const char  *b,
            const char  *c,
            const char  *duplicate,
            GError     **error)
{
  sqlite3_stmt *stmt = lb_store_prepare (self, sql, error);
  g_autofree char *ca = lb_normalize_text (a);
  g_autofree char *cb = lb_normalize_text (b);
  g_autofree char *cc = lb_normalize_text (c);

  if (stmt == NULL)
    return FALSE;
  lb_bind_text (stmt, 1, ca);
  lb_bind_text (stmt, 2, cb);
  lb_bind_text (stmt, 3, cc);

  return lb_store_step_write (self, stmt, duplicate, error);
}

static gboolean
require_change (LbStore     *self,
                const char  *message,
                GError     **error)
{
  if (sqlite3_changes (lb_store_get_db (self)) > 0)
    return TRUE;
  g_set_error_literal (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
require_name (const char  *name,
              GError     **error)
{
  g_autofree char *clean = lb_normalize_text (name);

  if (clean != NULL)
    return TRUE;
  g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, _("The name is empty. Type a name."));
  return FALSE;
}

gboolean
lb_store_add_pipeline (LbStore     *self,
                       const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  return require_name (name, error) &&
         exec_named (self,
                     "INSERT INTO pipeline (name, position)"
                     " VALUES (?1, (SELECT coalesce (max (position) + 1, 0) FROM pipeline))",
                     name, NULL, NULL, _("There is already a pipeline of that name."), error);
}

gboolean
lb_store_add_stage (LbStore     *self,
                    const char  *pipeline,
                    const char  *name,
                    GError     **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  return require_name (name, error) &&
         exec_named (self,
                     "INSERT INTO stage (pipeline_id, name, position)"
                     " SELECT p.id, ?2, (SELECT coalesce (max (position) + 1, 0) FROM stage"
                     "                   WHERE pipeline_id = p.id)"
                     " FROM pipeline p WHERE p.name = ?1 COLLATE NOCASE",
                     pipeline, name, NULL, _("The pipeline already has a stage of that name."),
                     error) &&
         require_change (self, _("There is no such pipeline."), error);
}

gboolean
lb_store_rename_pipeline (LbStore     *self,
                          const char  *pipeline,
                          const char  *name,
                          GError     **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  return require_name (name, error) &&
         exec_named (self, "UPDATE pipeline SET name = ?2 WHERE name = ?1 COLLATE NOCASE",
                     pipeline, name, NULL, _("There is already a pipeline of that name."), error) &&
         require_change (self, _("There is no such pipeline."), error);
}

gboolean
lb_store_rename_stage (LbStore     *self,
                       const char  *pipeline,
                       const char  *stage,
                       const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  return require_name (name, error) &&
         exec_named (self,
                     "UPDATE stage SET name = ?3 WHERE name = ?2 COLLATE NOCASE AND pipeline_id ="
                     " (SELECT id FROM pipeline WHERE name = ?1 COLLATE NOCASE)",
                     pipeline, stage, name, _("The pipeline already has a stage of that name."),
                     error) &&
         require_change (self, _("There is no such stage."), error);
}

/* A pipeline or stage that deals use (in the trash too) stays. */
gboolean
lb_store_remove_pipeline (LbStore     *self,
                          const char  *pipeline,
                          GError     **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!exec_named (self,
                   "DELETE FROM pipeline WHERE name = ?1 COLLATE NOCASE AND NOT EXISTS"
                   " (SELECT 1 FROM deal d JOIN stage s ON s.id = d.stage_id"
                   "  WHERE s.pipeline_id = pipeline.id)",
                   pipeline, NULL, NULL, NULL, error))
    return FALSE;

  return require_change (self, _("The pipeline does not exist or deals still use it. "
                                 "Move those deals to another pipeline first."), error);
}

gboolean
lb_store_remove_stage (LbStore     *self,
                       const char  *pipeline,
                       const char  *stage,
                       GError     **error)
{
  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!exec_named (self,
                   "DELETE FROM stage WHERE name = ?2 COLLATE NOCASE AND pipeline_id ="
                   " (SELECT id FROM pipeline WHERE name = ?1 COLLATE NOCASE)"
                   " AND NOT EXISTS (SELECT 1 FROM deal WHERE stage_id = stage.id)",
                   pipeline, stage, NULL, NULL, error))
    return FALSE;

  return require_change (self, _("The stage does not exist or deals still use it. "
                                 "Move those deals to another stage first."), error);
}

/* Moves @stage to @position (0 = first) within its pipeline. */
gboolean
lb_store_move_stage (LbStore     *self,
                     const char  *pipeline,
                     const char  *stage,
                     guint        position,
                     GError     **error)
{
  g_auto(GStrv) stages = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  guint from = G_MAXUINT;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stages = lb_store_list_stages (self, pipeline);
  for (guint i = 0; stages[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (stages[i], stage) == 0)
        from = i;
      else
        g_ptr_array_add (order, stages[i]);
    }
  if (from == G_MAXUINT)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND, _("There is no such stage."));
      return FALSE;
    }
  g_ptr_array_insert (order, MIN (position, order->len), stages[from]);

  stmt = lb_store_prepare (self,
                           "UPDATE stage SET position = ?3 WHERE name = ?2 AND pipeline_id ="
                           " (SELECT id FROM pipeline WHERE name = ?1 COLLATE NOCASE)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < order->len; i++)
    {
      sqlite3_bind_text (stmt, 1, pipeline, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (order, i), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, i);
      if (!lb_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}
