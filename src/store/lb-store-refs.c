#define G_LOG_DOMAIN "lb-store-refs"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "lb-error.h"
#include "lb-store-private.h"
#include "lb-validate.h"

/* Which columns point at a reference item, for "in use" counts.  A fixed
 * list of table and column names, never user data. */
static const char count_uses_sql[] =
  "SELECT (SELECT count(*) FROM lead WHERE source_id = ?1)"
  "     + (SELECT count(*) FROM lead WHERE category_id = ?1)"
  "     + (SELECT count(*) FROM lead WHERE campaign_id = ?1)"
  "     + (SELECT count(*) FROM lead WHERE selling_direction_id = ?1)"
  "     + (SELECT count(*) FROM lead WHERE distribution_channel_id = ?1)"
  "     + (SELECT count(*) FROM lead_tag WHERE tag_id = ?1)"
  "     + (SELECT count(*) FROM account WHERE industry_id = ?1)"
  "     + (SELECT count(*) FROM document WHERE type_id = ?1)";

/* An entry from a row of "id, name, position, rate". */
static LbRefItem *
read_item (sqlite3_stmt *stmt,
           LbRefKind     kind)
{
  if (kind == LB_REF_TAX_RATE)
    return lb_ref_item_new_tax_rate (sqlite3_column_int64 (stmt, 0), lb_column_text (stmt, 1),
                                     sqlite3_column_int (stmt, 2),
                                     MAX (sqlite3_column_int64 (stmt, 3), 0));

  return lb_ref_item_new (sqlite3_column_int64 (stmt, 0), kind, lb_column_text (stmt, 1),
                          sqlite3_column_int (stmt, 2));
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = lb_normalize_text (name);

  if (clean == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("The name is empty. Type a name."));
      return FALSE;
    }
  return TRUE;
}

/**
 * lb_store_list_refs:
 *
 * Returns: (transfer full): the entries of one list as #LbRefItem, in
 *   their order
 */
GListModel *
lb_store_list_refs (LbStore    *self,
                    LbRefKind   kind,
                    GError    **error)
{
  g_autoptr(GListStore) list = g_list_store_new (LB_TYPE_REF_ITEM);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT id, name, position, rate FROM ref_item WHERE kind = ? "
                           "ORDER BY position, name COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, kind);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LbRefItem) item = read_item (stmt, kind);
      g_list_store_append (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * lb_store_find_ref:
 *
 * Returns: (transfer full) (nullable): the entry named @name, ignoring
 *   case and surrounding space
 */
LbRefItem *
lb_store_find_ref (LbStore    *self,
                   LbRefKind   kind,
                   const char *name)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  LbRefItem *item = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  if (name == NULL)
    return NULL;
  clean = g_strstrip (g_strdup (name));

  stmt = lb_store_prepare (self,
                           "SELECT id, name, position, rate FROM ref_item "
                           "WHERE kind = ? AND name = ? COLLATE NOCASE",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    item = read_item (stmt, kind);
  sqlite3_reset (stmt);

  return item;
}

gint64
lb_store_add_ref (LbStore     *self,
                  LbRefKind    kind,
                  const char  *name,
                  GError     **error)
{
  g_return_val_if_fail (kind != LB_REF_TAX_RATE, 0);

  return lb_store_add_ref_with_rate (self, kind, name, -1, error);
}

/**
 * lb_store_add_ref_with_rate:
 * @rate: a tax rate's basis points, -1 for an entry of another list
 *
 * Returns: the new entry's id, 0 on error
 */
gint64
lb_store_add_ref_with_rate (LbStore     *self,
                            LbRefKind    kind,
                            const char  *name,
                            gint64       rate,
                            GError     **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(LbRefItem) existing = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  if (!check_name (name, error))
    return 0;
  clean = g_strstrip (g_strdup (name));

  existing = lb_store_find_ref (self, kind, clean);
  if (existing != NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE,
                   _("“%s” is already in the list."), lb_ref_item_get_name (existing));
      return 0;
    }

  stmt = lb_store_prepare (self,
                           "INSERT INTO ref_item (kind, name, position, rate) VALUES "
                           "(?1, ?2, (SELECT coalesce (max (position) + 1, 0) "
                           "          FROM ref_item WHERE kind = ?1), ?3)",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  if (rate >= 0)
    sqlite3_bind_int64 (stmt, 3, rate);
  else
    sqlite3_bind_null (stmt, 3);
  if (!lb_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (lb_store_get_db (self));
}

gboolean
lb_store_rename_ref (LbStore     *self,
                     gint64       id,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  if (!check_name (name, error))
    return FALSE;
  clean = g_strstrip (g_strdup (name));

  stmt = lb_store_prepare (self,
                           "SELECT count(*) FROM ref_item r, ref_item o "
                           "WHERE r.id = ?1 AND o.kind = r.kind AND o.id != r.id "
                           "AND o.name = ?2 COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE,
                   _("“%s” is already in the list."), clean);
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = lb_store_prepare (self, "UPDATE ref_item SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!lb_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (lb_store_get_db (self)) == 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                   _("That entry no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gint64
lb_store_count_ref_uses (LbStore *self,
                         gint64   id)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  stmt = lb_store_prepare (self, count_uses_sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Removing an entry that records still use is refused, so no record
 * silently loses its source or category. */
gboolean
lb_store_remove_ref (LbStore  *self,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 uses;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  uses = lb_store_count_ref_uses (self, id);
  if (uses > 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "It is still used by %" PRId64 " record. "
                                "Change that record first.",
                                "It is still used by %" PRId64 " records. "
                                "Change those records first.",
                                uses),
                   uses);
      return FALSE;
    }

  stmt = lb_store_prepare (self, "DELETE FROM ref_item WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return lb_store_step_done (self, stmt, error);
}

/* Changes a tax rate's percentage. */
gboolean
lb_store_set_ref_rate (LbStore  *self,
                       gint64    id,
                       gint64    rate,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (rate >= 0, FALSE);

  stmt = lb_store_prepare (self, "UPDATE ref_item SET rate = ? WHERE id = ? AND kind = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rate);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int (stmt, 3, LB_REF_TAX_RATE);
  if (!lb_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (lb_store_get_db (self)) == 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                   _("That tax rate no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/**
 * lb_store_count_products_at_rate:
 *
 * Returns: how many products have @rate (basis points) as their default
 *   tax rate, active or not
 */
gint64
lb_store_count_products_at_rate (LbStore *self,
                                 gint64   rate)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  stmt = lb_store_prepare (self, "SELECT count(*) FROM product WHERE tax_rate = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, rate);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/**
 * lb_store_move_products_rate:
 * @changed: (out) (optional): how many products changed
 *
 * Gives every product whose default tax rate is @from the rate @to.
 */
gboolean
lb_store_move_products_rate (LbStore  *self,
                             gint64    from,
                             gint64    to,
                             gint64    now,
                             gint64   *changed,
                             GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE product SET tax_rate = ?, updated_at = ? WHERE tax_rate = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, from);
  if (!lb_store_step_done (self, stmt, error))
    return FALSE;

  if (changed != NULL)
    *changed = sqlite3_changes (lb_store_get_db (self));
  return TRUE;
}
