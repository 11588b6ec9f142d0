#define G_LOG_DOMAIN "lb-store-docs"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "lb-error.h"
#include "lb-store-docs.h"
#include "lb-store-private.h"
#include "lb-validate.h"

/* The columns each query reads, in the order of the field enums of the
 * record type (text fields, then integers).  Fixed lists. */

#define PRODUCT_COLUMNS \
  "sku, name, unit, id, unit_price, tax_rate, active, created_at, updated_at"

#define DOCUMENT_COLUMNS \
  "d.number, t.name, d.doc_date, d.due_date, d.currency, d.notes, d.terms," \
  " d.delivery_address, a.name," \
  " trim (coalesce (c.first_name, '') || ' ' || coalesce (c.last_name, ''))," \
  " l.title, NULL," \
  " d.id, d.kind, d.status, d.account_id, d.contact_id, d.lead_id, d.deal_id, d.order_id," \
  " d.discount_kind, d.discount, d.pricing_locked, d.manual_number, d.issued_at," \
  " d.created_at, d.updated_at, 0, 0, 0, 0," \
  " (SELECT coalesce (sum (amount), 0) FROM payment WHERE invoice_id = d.id), 0"
#define DOCUMENT_FROM \
  " FROM document d LEFT JOIN ref_item t ON t.id = d.type_id" \
  " LEFT JOIN account a ON a.id = d.account_id LEFT JOIN contact c ON c.id = d.contact_id" \
  " LEFT JOIN lead l ON l.id = d.lead_id"

#define LINE_COLUMNS \
  "ln.description, p.sku, ln.id, coalesce (ln.document_id, 0), ln.position," \
  " coalesce (ln.product_id, 0), ln.quantity, ln.unit_price, ln.discount_kind, ln.discount," \
  " ln.tax_kind, ln.tax, 0, 0"
#define LINE_FROM \
  " FROM line ln LEFT JOIN product p ON p.id = ln.product_id"

#define PAYMENT_COLUMNS \
  "paid_on, reference, id, invoice_id, amount, method, created_at"

/* helpers */

static GType
doc_type (LbDocKind kind)
{
  return kind == LB_DOC_ORDER ? LB_TYPE_ORDER : LB_TYPE_INVOICE;
}

/* Steps @stmt and collects one @type record per row. */
static GPtrArray *
collect (LbStore       *self,
         sqlite3_stmt  *stmt,
         GType          type,
         GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LbRecord *record = g_object_new (type, NULL);

      lb_read_record_fields (stmt, record);
      if (LB_IS_ORDER (record) || LB_IS_INVOICE (record))
        {
          gint64 status = lb_record_get_int (record, LB_DOC_STATUS);
          gboolean order = lb_record_get_int (record, LB_DOC_KIND) == LB_DOC_ORDER;

          lb_record_set_text (record, LB_DOC_STATUS_LABEL,
                              order ? lb_order_status_to_label (status)
                                    : lb_invoice_status_to_label (status));
        }
      g_ptr_array_add (rows, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static GListModel *
to_model (GPtrArray *rows,
          GType      type)
{
  GListStore *list = g_list_store_new (type);

  if (rows->len > 0)
    g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  g_ptr_array_unref (rows);

  return G_LIST_MODEL (list);
}

static gpointer
first_or_not_found (GPtrArray   *rows,
                    const char  *what,
                    gint64       id,
                    GError     **error)
{
  gpointer first = NULL;

  if (rows == NULL)
    return NULL;
  if (rows->len > 0)
    first = g_object_ref (g_ptr_array_index (rows, 0));
  else
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                 /* Translators: "There is no invoice 12." */
                 _("There is no %s %" PRId64 "."), what, id);
  g_ptr_array_unref (rows);

  return first;
}

static const char *
kind_name (LbDocKind kind)
{
  return kind == LB_DOC_ORDER ? C_("record kind", "order") : C_("record kind", "invoice");
}

/* public API: filters */

void
lb_doc_filter_init (LbDocFilter *filter,
                    LbDocKind    kind)
{
  memset (filter, 0, sizeof *filter);
  filter->kind = kind;
  filter->status = -1;
}

/* public API: products */

static void
bind_product (sqlite3_stmt *stmt,
              LbProduct    *product)
{
  for (guint i = 0; i < LB_PRODUCT_N_TEXT; i++)
    lb_bind_text (stmt, i + 1, lb_record_get_text (LB_RECORD (product), i));
  sqlite3_bind_int64 (stmt, 4, lb_record_get_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE));
  sqlite3_bind_int64 (stmt, 5, lb_record_get_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE));
  sqlite3_bind_int64 (stmt, 6, lb_record_get_int (LB_RECORD (product), LB_PRODUCT_ACTIVE) != 0);
  sqlite3_bind_int64 (stmt, 7, lb_record_get_int (LB_RECORD (product), LB_PRODUCT_CREATED_AT));
  sqlite3_bind_int64 (stmt, 8, lb_record_get_int (LB_RECORD (product), LB_PRODUCT_UPDATED_AT));
}

static char *
sku_taken (LbProduct *product)
{
  return g_strdup_printf (_("Another product already has the SKU “%s”. Use another SKU."),
                          lb_record_get_text (LB_RECORD (product), LB_PRODUCT_SKU));
}

gboolean
lb_store_insert_product (LbStore    *self,
                         LbProduct  *product,
                         GError    **error)
{
  g_autofree char *taken = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "INSERT INTO product (sku, name, unit, unit_price, tax_rate, active,"
                           " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_product (stmt, product);
  taken = sku_taken (product);
  if (!lb_store_step_write (self, stmt, taken, error))
    return FALSE;

  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ID,
                     sqlite3_last_insert_rowid (lb_store_get_db (self)));
  return TRUE;
}

gboolean
lb_store_update_product (LbStore    *self,
                         LbProduct  *product,
                         GError    **error)
{
  g_autofree char *taken = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE product SET sku = ?1, name = ?2, unit = ?3, unit_price = ?4,"
                           " tax_rate = ?5, active = ?6, updated_at = ?8 WHERE id = ?9",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_product (stmt, product);
  sqlite3_bind_int64 (stmt, 9, lb_product_get_id (product));
  taken = sku_taken (product);

  return lb_store_step_write (self, stmt, taken, error);
}

LbProduct *
lb_store_get_product (LbStore  *self,
                      gint64    id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self, "SELECT " PRODUCT_COLUMNS " FROM product WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  return first_or_not_found (collect (self, stmt, LB_TYPE_PRODUCT, error),
                             C_("record kind", "product"), id, error);
}

/**
 * lb_store_find_product:
 *
 * Returns: (transfer full) (nullable): the product with SKU @sku,
 *   ignoring case
 */
LbProduct *
lb_store_find_product (LbStore    *self,
                       const char *sku)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " PRODUCT_COLUMNS " FROM product WHERE sku = ? COLLATE NOCASE",
                           NULL);
  if (stmt == NULL || sku == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sku, -1, SQLITE_TRANSIENT);
  rows = collect (self, stmt, LB_TYPE_PRODUCT, NULL);

  return rows != NULL && rows->len > 0 ? g_object_ref (g_ptr_array_index (rows, 0)) : NULL;
}

/**
 * lb_store_list_products:
 * @search: (nullable): text the SKU or the name must contain
 *
 * Returns: (transfer full): the #LbProduct rows by name
 */
GListModel *
lb_store_list_products (LbStore     *self,
                        const char  *search,
                        gboolean     active_only,
                        GError     **error)
{
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *rows;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " PRODUCT_COLUMNS " FROM product"
                           " WHERE (?1 IS NULL OR sku || ' ' || name LIKE ?1 ESCAPE '\\')"
                           " AND (NOT ?2 OR active)"
                           " ORDER BY name COLLATE NOCASE, id",
                           error);
  if (stmt == NULL)
    return NULL;

  if (search != NULL && *search != '\0')
    pattern = lb_like_pattern (search);
  lb_bind_text (stmt, 1, pattern);
  sqlite3_bind_int (stmt, 2, active_only);

  rows = collect (self, stmt, LB_TYPE_PRODUCT, error);
  return rows != NULL ? to_model (rows, LB_TYPE_PRODUCT) : NULL;
}

/* public API: documents */

static gboolean
bind_document (LbStore       *self,
               sqlite3_stmt  *stmt,
               LbRecord      *doc,
               GError       **error)
{
  LbDocKind kind = lb_record_get_int (doc, LB_DOC_KIND);
  const char *type = lb_record_get_text (doc, LB_DOC_TYPE);
  gint64 type_id = 0;

  if (type != NULL)
    {
      LbRefKind ref = kind == LB_DOC_ORDER ? LB_REF_ORDER_TYPE : LB_REF_INVOICE_TYPE;
      g_autoptr(LbRefItem) item = lb_store_find_ref (self, ref, type);

      if (item == NULL)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("“%s” is not in the list of %s. Pick one from the list or add it in "
                         "Preferences."),
                       type, lb_ref_kind_to_label (ref));
          return FALSE;
        }
      type_id = lb_ref_item_get_id (item);
    }

  /* ?1 … ?21 in the column order of the insert */
  sqlite3_bind_int (stmt, 1, kind);
  lb_bind_text (stmt, 2, lb_record_get_text (doc, LB_DOC_NUMBER));
  sqlite3_bind_int64 (stmt, 3, lb_record_get_int (doc, LB_DOC_MANUAL_NUMBER) != 0);
  lb_bind_id (stmt, 4, type_id);
  sqlite3_bind_int64 (stmt, 5, lb_record_get_int (doc, LB_DOC_STATUS));
  lb_bind_text (stmt, 6, lb_record_get_text (doc, LB_DOC_DOC_DATE));
  lb_bind_text (stmt, 7, lb_record_get_text (doc, LB_DOC_DUE_DATE));
  lb_bind_id (stmt, 8, lb_record_get_int (doc, LB_DOC_ACCOUNT_ID));
  lb_bind_id (stmt, 9, lb_record_get_int (doc, LB_DOC_CONTACT_ID));
  lb_bind_text (stmt, 10, lb_record_get_text (doc, LB_DOC_CURRENCY));
  sqlite3_bind_int64 (stmt, 11, lb_record_get_int (doc, LB_DOC_DISCOUNT_KIND));
  sqlite3_bind_int64 (stmt, 12, lb_record_get_int (doc, LB_DOC_DISCOUNT));
  lb_bind_text (stmt, 13, lb_record_get_text (doc, LB_DOC_NOTES));
  lb_bind_text (stmt, 14, lb_record_get_text (doc, LB_DOC_TERMS));
  lb_bind_text (stmt, 15, lb_record_get_text (doc, LB_DOC_DELIVERY_ADDRESS));
  lb_bind_id (stmt, 16, lb_record_get_int (doc, LB_DOC_LEAD_ID));
  lb_bind_id (stmt, 17, lb_record_get_int (doc, LB_DOC_DEAL_ID));
  lb_bind_id (stmt, 18, lb_record_get_int (doc, LB_DOC_ORDER_ID));
  sqlite3_bind_int64 (stmt, 19, lb_record_get_int (doc, LB_DOC_PRICING_LOCKED) != 0);
  lb_bind_id (stmt, 20, lb_record_get_int (doc, LB_DOC_ISSUED_AT));
  sqlite3_bind_int64 (stmt, 21, lb_record_get_int (doc, LB_DOC_CREATED_AT));
  sqlite3_bind_int64 (stmt, 22, lb_record_get_int (doc, LB_DOC_UPDATED_AT));

  return TRUE;
}

static char *
number_taken (LbRecord *doc)
{
  return g_strdup_printf (_("The number “%s” is already used. Choose another number."),
                          lb_record_get_text (doc, LB_DOC_NUMBER));
}

gboolean
lb_store_insert_document (LbStore   *self,
                          LbRecord  *doc,
                          GError   **error)
{
  g_autofree char *taken = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "INSERT INTO document (kind, number, manual_number, type_id, status,"
                           " doc_date, due_date, account_id, contact_id, currency, discount_kind,"
                           " discount, notes, terms, delivery_address, lead_id, deal_id, order_id,"
                           " pricing_locked, issued_at, created_at, updated_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                           " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
                           error);
  if (stmt == NULL || !bind_document (self, stmt, doc, error))
    return FALSE;
  taken = number_taken (doc);
  if (!lb_store_step_write (self, stmt, taken, error))
    return FALSE;

  lb_record_set_int (doc, LB_DOC_ID, sqlite3_last_insert_rowid (lb_store_get_db (self)));
  return TRUE;
}

gboolean
lb_store_update_document (LbStore   *self,
                          LbRecord  *doc,
                          GError   **error)
{
  g_autofree char *taken = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE document SET number = ?2, manual_number = ?3, type_id = ?4,"
                           " status = ?5, doc_date = ?6, due_date = ?7, account_id = ?8,"
                           " contact_id = ?9, currency = ?10, discount_kind = ?11, discount = ?12,"
                           " notes = ?13, terms = ?14, delivery_address = ?15, lead_id = ?16,"
                           " deal_id = ?17, order_id = ?18, pricing_locked = ?19, issued_at = ?20,"
                           " updated_at = ?22 WHERE id = ?23 AND kind = ?1",
                           error);
  if (stmt == NULL || !bind_document (self, stmt, doc, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 23, lb_record_get_int (doc, LB_DOC_ID));
  taken = number_taken (doc);

  return lb_store_step_write (self, stmt, taken, error);
}

/**
 * lb_store_get_document:
 *
 * Returns: (transfer full): an #LbOrder or #LbInvoice; its "paid" is
 *   the sum of its payments, the other totals are 0 until computed
 */
LbRecord *
lb_store_get_document (LbStore    *self,
                       LbDocKind   kind,
                       gint64      id,
                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " DOCUMENT_COLUMNS DOCUMENT_FROM " WHERE d.id = ? AND d.kind = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, kind);

  return first_or_not_found (collect (self, stmt, doc_type (kind), error), kind_name (kind), id, error);
}

/**
 * lb_store_list_documents:
 *
 * Returns: (transfer full): the matching orders or invoices, newest
 *   first (or Overdue first, then by due date)
 */
GListModel *
lb_store_list_documents (LbStore            *self,
                         const LbDocFilter  *filter,
                         GError            **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *rows;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " DOCUMENT_COLUMNS DOCUMENT_FROM
                           " WHERE d.kind = ?1 AND (?2 < 0 OR d.status = ?2)"
                           " AND (?3 = 0 OR d.lead_id = ?3) AND (?4 = 0 OR d.account_id = ?4)"
                           " AND (?5 = 0 OR d.deal_id = ?5)"
                           " ORDER BY CASE WHEN ?6 AND d.status = ?7 THEN 0 ELSE 1 END,"
                           " CASE WHEN ?6 THEN d.due_date END, d.doc_date DESC, d.id DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, filter->kind);
  sqlite3_bind_int (stmt, 2, filter->status);
  sqlite3_bind_int64 (stmt, 3, filter->lead_id);
  sqlite3_bind_int64 (stmt, 4, filter->account_id);
  sqlite3_bind_int64 (stmt, 5, filter->deal_id);
  sqlite3_bind_int (stmt, 6, filter->overdue_first);
  sqlite3_bind_int (stmt, 7, LB_INVOICE_STATUS_OVERDUE);

  rows = collect (self, stmt, doc_type (filter->kind), error);
  return rows != NULL ? to_model (rows, doc_type (filter->kind)) : NULL;
}

gboolean
lb_store_delete_document (LbStore  *self,
                          gint64    id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self, "DELETE FROM document WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return lb_store_step_write (self, stmt, NULL, error);
}

/* The id of another document of @kind numbered @number, 0 for none. */
gint64
lb_store_find_document_number (LbStore    *self,
                               LbDocKind   kind,
                               const char *number,
                               gint64      except_id)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  stmt = lb_store_prepare (self,
                           "SELECT id FROM document WHERE kind = ? AND number = ? AND id != ?",
                           NULL);
  if (stmt == NULL || number == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/* Takes the next counter of @kind in @year; call it inside the
 * transaction that uses the number, so a failure gives it back. */
gint64
lb_store_next_sequence (LbStore    *self,
                        LbDocKind   kind,
                        int         year,
                        GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 next = 0;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  stmt = lb_store_prepare (self,
                           "INSERT INTO sequence (kind, year, last) VALUES (?1, ?2, 1)"
                           " ON CONFLICT (kind, year) DO UPDATE SET last = last + 1"
                           " RETURNING last",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  else
    lb_store_set_error (self, error);
  sqlite3_reset (stmt);

  return next;
}

/**
 * lb_store_overdue_candidates:
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type gint64): the Sent and Partially
 *   Paid invoices due before @today
 */
GArray *
lb_store_overdue_candidates (LbStore     *self,
                             const char  *today,
                             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT id FROM document WHERE kind = ? AND status IN (?, ?)"
                           " AND due_date < ? ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, LB_DOC_INVOICE);
  sqlite3_bind_int (stmt, 2, LB_INVOICE_STATUS_SENT);
  sqlite3_bind_int (stmt, 3, LB_INVOICE_STATUS_PARTIALLY_PAID);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * lb_store_current_drafts_with_product:
 *
 * Returns: (transfer full) (element-type LbDocRef): the Draft orders and
 *   invoices whose pricing is current (not locked) and that have a line
 *   of product @product_id
 */
GArray *
lb_store_current_drafts_with_product (LbStore  *self,
                                      gint64    product_id,
                                      GError  **error)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (LbDocRef));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  /* Draft is status 0 for orders and invoices alike. */
  stmt = lb_store_prepare (self,
                           "SELECT d.id, d.kind FROM document d"
                           " WHERE d.status = 0 AND d.pricing_locked = 0"
                           "   AND EXISTS (SELECT 1 FROM line l"
                           "               WHERE l.document_id = d.id AND l.product_id = ?)"
                           " ORDER BY d.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LbDocRef ref = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };
      g_array_append_val (refs, ref);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&refs);
}

/* public API: lines */

/**
 * lb_store_get_lines:
 *
 * Returns: (transfer full) (element-type LbLine): the lines of document
 *   @document_id, or of deal @deal_id, in order
 */
GPtrArray *
lb_store_get_lines (LbStore  *self,
                    gint64    document_id,
                    gint64    deal_id,
                    GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " LINE_COLUMNS LINE_FROM
                           " WHERE ln.document_id IS ?1 AND ln.deal_id IS ?2"
                           " ORDER BY ln.position, ln.id",
                           error);
  if (stmt == NULL)
    return NULL;
  lb_bind_id (stmt, 1, document_id);
  lb_bind_id (stmt, 2, deal_id);

  return collect (self, stmt, LB_TYPE_LINE, error);
}

static void
bind_line (sqlite3_stmt *stmt,
           LbLine       *line)
{
  LbRecord *r = LB_RECORD (line);

  /* ?3 … ?11 as in the insert */
  sqlite3_bind_int64 (stmt, 3, lb_record_get_int (r, LB_LINE_POSITION));
  lb_bind_id (stmt, 4, lb_record_get_int (r, LB_LINE_PRODUCT_ID));
  lb_bind_text (stmt, 5, lb_record_get_text (r, LB_LINE_DESCRIPTION));
  sqlite3_bind_int64 (stmt, 6, lb_record_get_int (r, LB_LINE_QUANTITY));
  sqlite3_bind_int64 (stmt, 7, lb_record_get_int (r, LB_LINE_UNIT_PRICE));
  sqlite3_bind_int64 (stmt, 8, lb_record_get_int (r, LB_LINE_DISCOUNT_KIND));
  sqlite3_bind_int64 (stmt, 9, lb_record_get_int (r, LB_LINE_DISCOUNT));
  sqlite3_bind_int64 (stmt, 10, lb_record_get_int (r, LB_LINE_TAX_KIND));
  sqlite3_bind_int64 (stmt, 11, lb_record_get_int (r, LB_LINE_TAX));
}

/* Adds @line to its document ("document-id") or, when that is 0, to deal
 * @deal_id; sets its id. */
gboolean
lb_store_insert_line (LbStore  *self,
                      LbLine   *line,
                      gint64    deal_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "INSERT INTO line (document_id, deal_id, position, product_id,"
                           " description, quantity, unit_price, discount_kind, discount, tax_kind,"
                           " tax) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_id (stmt, 1, lb_record_get_int (LB_RECORD (line), LB_LINE_DOCUMENT_ID));
  lb_bind_id (stmt, 2, deal_id);
  bind_line (stmt, line);
  if (!lb_store_step_write (self, stmt, NULL, error))
    return FALSE;

  lb_record_set_int (LB_RECORD (line), LB_LINE_ID, sqlite3_last_insert_rowid (lb_store_get_db (self)));
  return TRUE;
}

gboolean
lb_store_update_line (LbStore  *self,
                      LbLine   *line,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE line SET position = ?3, product_id = ?4, description = ?5,"
                           " quantity = ?6, unit_price = ?7, discount_kind = ?8, discount = ?9,"
                           " tax_kind = ?10, tax = ?11 WHERE id = ?12",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_line (stmt, line);
  sqlite3_bind_int64 (stmt, 12, lb_record_get_int (LB_RECORD (line), LB_LINE_ID));

  return lb_store_step_write (self, stmt, NULL, error);
}

gboolean
lb_store_delete_line (LbStore  *self,
                      gint64    line_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self, "DELETE FROM line WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);

  return lb_store_step_write (self, stmt, NULL, error);
}

/* public API: payments */

/**
 * lb_store_get_payments:
 *
 * Returns: (transfer full) (element-type LbPayment): in the order made
 */
GPtrArray *
lb_store_get_payments (LbStore  *self,
                       gint64    invoice_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT " PAYMENT_COLUMNS " FROM payment WHERE invoice_id = ?"
                           " ORDER BY paid_on, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);

  return collect (self, stmt, LB_TYPE_PAYMENT, error);
}

gboolean
lb_store_insert_payment (LbStore    *self,
                         LbPayment  *payment,
                         GError    **error)
{
  LbRecord *r = LB_RECORD (payment);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self,
                           "INSERT INTO payment (invoice_id, amount, paid_on, method, reference,"
                           " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lb_record_get_int (r, LB_PAYMENT_INVOICE_ID));
  sqlite3_bind_int64 (stmt, 2, lb_record_get_int (r, LB_PAYMENT_AMOUNT));
  lb_bind_text (stmt, 3, lb_record_get_text (r, LB_PAYMENT_PAID_ON));
  sqlite3_bind_int64 (stmt, 4, lb_record_get_int (r, LB_PAYMENT_METHOD));
  lb_bind_text (stmt, 5, lb_record_get_text (r, LB_PAYMENT_REFERENCE));
  sqlite3_bind_int64 (stmt, 6, lb_record_get_int (r, LB_PAYMENT_CREATED_AT));
  if (!lb_store_step_write (self, stmt, NULL, error))
    return FALSE;

  lb_record_set_int (r, LB_PAYMENT_ID, sqlite3_last_insert_rowid (lb_store_get_db (self)));
  return TRUE;
}

/* The invoice a payment was recorded on, 0 when there is no such
 * payment. */
gint64
lb_store_get_payment_invoice (LbStore *self,
                              gint64   payment_id)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  stmt = lb_store_prepare (self, "SELECT invoice_id FROM payment WHERE id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

gboolean
lb_store_delete_payment (LbStore  *self,
                         gint64    payment_id,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self, "DELETE FROM payment WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment_id);

  return lb_store_step_write (self, stmt, NULL, error) &&
         (sqlite3_changes (lb_store_get_db (self)) > 0 ||
          (g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                        _("There is no payment %" PRId64 "."), payment_id), FALSE));
}
