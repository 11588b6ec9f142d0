#define G_LOG_DOMAIN "lb-document-actions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "lb-document-actions.h"
#include "lb-error.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-store-crm.h"
#include "lb-validate.h"

#define DOC_INT(doc, field) lb_record_get_int (LB_RECORD (doc), (field))
#define DOC_TEXT(doc, field) lb_record_get_text (LB_RECORD (doc), (field))

/* helpers */

static void
state_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
state_error (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, message);
}

/* "INV-2026-0007", or "draft invoice 12" for a Draft with no number. */
static char *
doc_label (LbRecord *doc)
{
  const char *number = DOC_TEXT (doc, LB_DOC_NUMBER);
  gboolean order = DOC_INT (doc, LB_DOC_KIND) == LB_DOC_ORDER;

  if (number != NULL)
    return g_strdup (number);
  return g_strdup_printf (order ? _("draft order %" PRId64) : _("draft invoice %" PRId64),
                          DOC_INT (doc, LB_DOC_ID));
}

static const char *
status_label (LbRecord *doc)
{
  gint64 status = DOC_INT (doc, LB_DOC_STATUS);

  return DOC_INT (doc, LB_DOC_KIND) == LB_DOC_ORDER ? lb_order_status_to_label (status)
                                                      : lb_invoice_status_to_label (status);
}

static gboolean
require_status (LbRecord    *doc,
                const int   *allowed,
                guint        n_allowed,
                const char  *what,
                GError     **error)
{
  g_autofree char *label = doc_label (doc);
  gint64 status = DOC_INT (doc, LB_DOC_STATUS);

  for (guint i = 0; i < n_allowed; i++)
    if (status == allowed[i])
      return TRUE;

  /* Translators: "Cannot send INV-2026-0001: it is Paid." */
  state_error (error, _("Cannot %s %s: it is %s."), what, label, status_label (doc));
  return FALSE;
}

static gboolean
require_draft (LbRecord  *doc,
               GError   **error)
{
  static const int draft[] = { 0 };   /* Draft is 0 for orders and invoices */
  g_autofree char *label = doc_label (doc);

  if (DOC_INT (doc, LB_DOC_STATUS) == draft[0])
    return TRUE;

  state_error (error, _("Only a Draft can be changed; %s is %s."), label, status_label (doc));
  return FALSE;
}

static gboolean
add_days (const char  *date_text,
          guint        days,
          char       **out)
{
  GDate date;
  char buf[16];

  if (!lb_parse_date (date_text, &date, NULL))
    return FALSE;
  g_date_add_days (&date, days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  *out = g_strdup (buf);

  return TRUE;
}

/* Fills the totals of @doc (and the net and tax of each of @lines) from
 * its lines, its document discount and its payments. */
static gboolean
compute (LbRecord     *doc,
         GPtrArray    *lines,
         LbDocTotals  *totals,
         GError      **error)
{
  g_autofree LbLineInput *input = g_new0 (LbLineInput, MAX (lines->len, 1));
  g_autofree LbLineTotals *line_out = g_new0 (LbLineTotals, MAX (lines->len, 1));
  g_auto(LbDocTotals) local = { 0, };
  LbDocTotals *out = totals != NULL ? totals : &local;

  for (guint i = 0; i < lines->len; i++)
    {
      LbRecord *line = g_ptr_array_index (lines, i);

      input[i].quantity = lb_record_get_int (line, LB_LINE_QUANTITY);
      input[i].unit_price = lb_record_get_int (line, LB_LINE_UNIT_PRICE);
      input[i].discount_kind = lb_record_get_int (line, LB_LINE_DISCOUNT_KIND);
      input[i].discount = lb_record_get_int (line, LB_LINE_DISCOUNT);
      input[i].tax_kind = lb_record_get_int (line, LB_LINE_TAX_KIND);
      input[i].tax = lb_record_get_int (line, LB_LINE_TAX);
    }

  if (!lb_invoice_math_compute (input, lines->len,
                                DOC_INT (doc, LB_DOC_DISCOUNT_KIND), DOC_INT (doc, LB_DOC_DISCOUNT),
                                DOC_INT (doc, LB_DOC_PAID), line_out, out, error))
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      LbRecord *line = g_ptr_array_index (lines, i);

      lb_record_set_int (line, LB_LINE_NET, line_out[i].net);
      lb_record_set_int (line, LB_LINE_LINE_TAX, line_out[i].tax);
    }
  lb_record_set_int (doc, LB_DOC_SUBTOTAL, out->subtotal);
  lb_record_set_int (doc, LB_DOC_DISCOUNT_TOTAL, out->discount);
  lb_record_set_int (doc, LB_DOC_TAX, out->tax);
  lb_record_set_int (doc, LB_DOC_TOTAL, out->total);
  lb_record_set_int (doc, LB_DOC_BALANCE, out->balance);

  return TRUE;
}

/* Reads a document with its lines and computes its totals. */
static LbRecord *
load (LbStore     *store,
      LbDocKind    kind,
      gint64       id,
      GPtrArray  **lines_out,
      GError     **error)
{
  g_autoptr(LbRecord) doc = lb_store_get_document (store, kind, id, error);
  g_autoptr(GPtrArray) lines = NULL;

  if (doc == NULL)
    return NULL;
  lines = lb_store_get_lines (store, id, 0, error);
  if (lines == NULL || !compute (doc, lines, NULL, error))
    return NULL;

  if (lines_out != NULL)
    *lines_out = g_steal_pointer (&lines);
  return g_steal_pointer (&doc);
}

static gboolean
finish (LbStore  *store,
        gboolean  ok,
        GError  **error)
{
  if (ok && lb_store_commit (store, error))
    return TRUE;

  lb_store_rollback (store);
  return FALSE;
}

static gboolean
touch_and_update (LbStore   *store,
                  LbRecord  *doc,
                  GError   **error)
{
  lb_record_set_int (doc, LB_DOC_UPDATED_AT, lb_store_now (store));
  return lb_store_update_document (store, doc, error);
}

/* A new Draft of @kind with today's date, the currency setting and, for
 * an invoice, a due date payment-terms days on. */
static LbRecord *
new_draft (LbStore    *store,
           LbDocKind   kind)
{
  LbRecord *doc = g_object_new (kind == LB_DOC_ORDER ? LB_TYPE_ORDER : LB_TYPE_INVOICE, NULL);
  g_autofree char *today = lb_store_today (store);
  g_autofree char *currency = lb_settings_get (store, LB_SETTING_CURRENCY, NULL);

  lb_record_set_int (doc, LB_DOC_KIND, kind);
  lb_record_set_text (doc, LB_DOC_DOC_DATE, today);
  lb_record_set_text (doc, LB_DOC_CURRENCY, currency);
  lb_record_set_int (doc, LB_DOC_PRICING_LOCKED, 1);

  return doc;
}

static gboolean
fill_due_date (LbStore   *store,
               LbRecord  *doc,
               GError   **error)
{
  g_autofree char *days = NULL;
  g_autofree char *due = NULL;
  guint64 n = 30;

  if (DOC_INT (doc, LB_DOC_KIND) != LB_DOC_INVOICE || DOC_TEXT (doc, LB_DOC_DUE_DATE) != NULL)
    return TRUE;

  days = lb_settings_get (store, LB_SETTING_PAYMENT_TERMS_DAYS, NULL);
  if (days != NULL)
    g_ascii_string_to_unsigned (days, 10, 0, 3650, &n, NULL);
  if (!add_days (DOC_TEXT (doc, LB_DOC_DOC_DATE), n, &due))
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("“%s” is not a date. Write dates as YYYY-MM-DD."),
                   DOC_TEXT (doc, LB_DOC_DOC_DATE));
      return FALSE;
    }
  lb_record_set_text (doc, LB_DOC_DUE_DATE, due);

  return TRUE;
}

/* Checks the dates and links of a document header. */
static gboolean
check_header (LbStore   *store,
              LbRecord  *doc,
              GError   **error)
{
  const char *dates[] = { DOC_TEXT (doc, LB_DOC_DOC_DATE), DOC_TEXT (doc, LB_DOC_DUE_DATE) };
  GDate date, due;
  gint64 account = DOC_INT (doc, LB_DOC_ACCOUNT_ID);
  gint64 contact = DOC_INT (doc, LB_DOC_CONTACT_ID);
  const char *currency = DOC_TEXT (doc, LB_DOC_CURRENCY);
  g_autofree char *code = NULL;

  if (dates[0] == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, _("Give the document a date."));
      return FALSE;
    }
  if (!lb_parse_date (dates[0], &date, error) ||
      (dates[1] != NULL && !lb_parse_date (dates[1], &due, error)))
    return FALSE;
  if (dates[1] != NULL && g_date_compare (&due, &date) < 0)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("The due date %s is before the invoice date %s."), dates[1], dates[0]);
      return FALSE;
    }
  if (account != 0 && !lb_store_account_exists (store, account))
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("There is no account %" PRId64 ". Choose an existing account."), account);
      return FALSE;
    }
  if (contact != 0 && !lb_store_contact_exists (store, contact))
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("There is no contact %" PRId64 ". Choose an existing contact."), contact);
      return FALSE;
    }
  if (currency == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, _("Choose a currency."));
      return FALSE;
    }
  /* Three letters of ISO 4217, kept upper case, as for deals. */
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
  lb_record_set_text (doc, LB_DOC_CURRENCY, code);

  return TRUE;
}

/* Gives @doc the next number of its kind from the pattern setting, in
 * the caller's transaction.  A number a Draft already carries by hand
 * is passed over. */
static gboolean
assign_number (LbStore   *store,
               LbRecord  *doc,
               GError   **error)
{
  LbDocKind kind = DOC_INT (doc, LB_DOC_KIND);
  g_autofree char *pattern = lb_settings_get (store, kind == LB_DOC_ORDER ? LB_SETTING_ORDER_PATTERN
                                                                         : LB_SETTING_INVOICE_PATTERN, NULL);
  GDate date;

  if (!lb_parse_date (DOC_TEXT (doc, LB_DOC_DOC_DATE), &date, error))
    return FALSE;

  for (;;)
    {
      g_autofree char *number = NULL;
      gint64 counter = lb_store_next_sequence (store, kind, g_date_get_year (&date), error);

      if (counter == 0)
        return FALSE;
      number = lb_document_format_number (pattern, g_date_get_year (&date),
                                          g_date_get_month (&date), counter);
      if (lb_store_find_document_number (store, kind, number, DOC_INT (doc, LB_DOC_ID)) == 0)
        {
          lb_record_set_text (doc, LB_DOC_NUMBER, number);
          lb_record_set_int (doc, LB_DOC_MANUAL_NUMBER, 0);
          return TRUE;
        }
    }
}

static gboolean
insert_new (LbStore   *store,
            LbRecord  *doc,
            GError   **error)
{
  gint64 now = lb_store_now (store);

  lb_record_set_int (doc, LB_DOC_CREATED_AT, now);
  lb_record_set_int (doc, LB_DOC_UPDATED_AT, now);

  if (!fill_due_date (store, doc, error) || !check_header (store, doc, error))
    return FALSE;
  /* Orders are numbered when they are made (SPEC 3.5). */
  if (DOC_INT (doc, LB_DOC_KIND) == LB_DOC_ORDER && DOC_TEXT (doc, LB_DOC_NUMBER) == NULL &&
      !assign_number (store, doc, error))
    return FALSE;

  return lb_store_insert_document (store, doc, error);
}

static gboolean
copy_lines (LbStore   *store,
            GPtrArray *lines,
            gint64     document_id,
            GError   **error)
{
  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(LbLine) copy = lb_line_copy (g_ptr_array_index (lines, i));

      lb_record_set_int (LB_RECORD (copy), LB_LINE_ID, 0);
      lb_record_set_int (LB_RECORD (copy), LB_LINE_DOCUMENT_ID, document_id);
      if (!lb_store_insert_line (store, copy, 0, error))
        return FALSE;
    }
  return TRUE;
}

/* public API */

/**
 * lb_store_today:
 *
 * Returns: (transfer full): the store clock's local date, YYYY-MM-DD
 */
char *
lb_store_today (LbStore *store)
{
  return lb_format_date (lb_store_now (store));
}

/**
 * lb_document_format_number:
 *
 * Fills a numbering pattern: {YYYY} the year, {YY} its last two digits,
 * {MM} the month, and a run of N in braces ({NNNN}) the counter padded
 * with zeros to that many digits.  Other text is kept as it is.
 *
 * Returns: (transfer full): the number
 */
char *
lb_document_format_number (const char *pattern,
                           int         year,
                           int         month,
                           gint64      counter)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0';)
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      gsize len = close ? (gsize)(close - p - 1) : 0;

      if (close != NULL && len == 4 && strncmp (p + 1, "YYYY", 4) == 0)
        g_string_append_printf (out, "%04d", year);
      else if (close != NULL && len == 2 && strncmp (p + 1, "YY", 2) == 0)
        g_string_append_printf (out, "%02d", year % 100);
      else if (close != NULL && len == 2 && strncmp (p + 1, "MM", 2) == 0)
        g_string_append_printf (out, "%02d", month);
      else if (close != NULL && len > 0 && strspn (p + 1, "N") == len)
        g_string_append_printf (out, "%0*" PRId64, (int)len, counter);
      else
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p = close + 1;
    }

  return g_string_free (out, FALSE);
}

/* products */

static gboolean
check_product (LbStore    *store,
               LbProduct  *product,
               GError    **error)
{
  LbRecord *r = LB_RECORD (product);

  for (guint i = 0; i < LB_PRODUCT_N_TEXT; i++)
    {
      g_autofree char *clean = lb_normalize_text (lb_record_get_text (r, i));
      lb_record_set_text (r, i, clean);
    }
  if (lb_record_get_text (r, LB_PRODUCT_SKU) == NULL || lb_record_get_text (r, LB_PRODUCT_NAME) == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("A product needs a SKU and a name."));
      return FALSE;
    }
  if (lb_record_get_int (r, LB_PRODUCT_UNIT_PRICE) < 0 || lb_record_get_int (r, LB_PRODUCT_TAX_RATE) < 0)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("A product’s price and tax rate cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

gint64
lb_product_create (LbStore    *store,
                   LbProduct  *product,
                   GError    **error)
{
  gint64 now = lb_store_now (store);

  g_return_val_if_fail (LB_IS_PRODUCT (product), 0);

  if (!lb_store_begin (store, error))
    return 0;
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_CREATED_AT, now);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UPDATED_AT, now);
  if (!finish (store, check_product (store, product, error) &&
                      lb_store_insert_product (store, product, error), error))
    return 0;

  return lb_product_get_id (product);
}

static gboolean reprice_lines (LbStore    *store,
                               GPtrArray  *lines,
                               guint      *n_changed,
                               GError    **error);
static gboolean recheck       (LbStore    *store,
                               LbDocKind   kind,
                               gint64      id,
                               GError    **error);

/* A new catalog price reaches the Drafts whose pricing is current
 * (not locked) and that have a line of the product. */
static gboolean
reprice_current_drafts (LbStore    *store,
                        LbProduct  *product,
                        GError    **error)
{
  g_autoptr(GArray) drafts = lb_store_current_drafts_with_product (store, lb_product_get_id (product),
                                                                  error);

  if (drafts == NULL)
    return FALSE;

  for (guint i = 0; i < drafts->len; i++)
    {
      LbDocRef *ref = &g_array_index (drafts, LbDocRef, i);
      g_autoptr(GPtrArray) lines = lb_store_get_lines (store, ref->id, 0, error);
      g_autoptr(LbRecord) doc = NULL;
      guint changed = 0;

      if (lines == NULL || !reprice_lines (store, lines, &changed, error))
        return FALSE;
      if (changed == 0)
        continue;
      doc = lb_store_get_document (store, ref->kind, ref->id, error);
      if (doc == NULL)
        return FALSE;
      if (!recheck (store, ref->kind, ref->id, error))
        {
          g_autofree char *label = doc_label (doc);

          /* Translators: "The new price makes the totals of draft invoice 3 impossible: amount too large" */
          g_prefix_error (error, _("The new price does not fit %s, whose pricing is current: "), label);
          return FALSE;
        }
      if (!touch_and_update (store, doc, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
lb_product_save (LbStore    *store,
                 LbProduct  *product,
                 GError    **error)
{
  g_return_val_if_fail (LB_IS_PRODUCT (product), FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UPDATED_AT, lb_store_now (store));

  return finish (store, check_product (store, product, error) &&
                        lb_store_update_product (store, product, error) &&
                        reprice_current_drafts (store, product, error), error);
}

/* Changes a catalog price.  Documents with locked pricing keep theirs. */
gboolean
lb_product_set_price (LbStore     *store,
                      const char  *sku,
                      gint64       unit_price,
                      GError     **error)
{
  g_autoptr(LbProduct) product = lb_store_find_product (store, sku);

  if (product == NULL)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                   _("There is no product with the SKU “%s”."), sku ? sku : "");
      return FALSE;
    }
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, unit_price);

  return lb_product_save (store, product, error);
}

/* reading */

/**
 * lb_document_load:
 * @lines: (out) (optional) (transfer full) (element-type LbLine): its lines
 * @totals: (out) (optional): its totals, tax per rate included; clear
 *   with lb_doc_totals_clear()
 *
 * Returns: (transfer full): the order or invoice with its totals filled
 */
LbRecord *
lb_document_load (LbStore      *store,
                  LbDocKind     kind,
                  gint64        id,
                  GPtrArray   **lines,
                  LbDocTotals  *totals,
                  GError      **error)
{
  g_autoptr(GPtrArray) doc_lines = NULL;
  g_autoptr(LbRecord) doc = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  doc = load (store, kind, id, &doc_lines, error);
  if (doc == NULL)
    return NULL;
  if (totals != NULL && !compute (doc, doc_lines, totals, error))
    return NULL;

  if (lines != NULL)
    *lines = g_steal_pointer (&doc_lines);
  return g_steal_pointer (&doc);
}

/* creating */

/* A standalone invoice: what @invoice holds, with today's date, the
 * due date, the currency and the invoice type filled in when empty. */
gint64
lb_invoice_create (LbStore    *store,
                   LbInvoice  *invoice,
                   GError    **error)
{
  g_autoptr(LbRecord) draft = new_draft (store, LB_DOC_INVOICE);
  LbRecord *doc = LB_RECORD (invoice);

  g_return_val_if_fail (LB_IS_INVOICE (invoice), 0);

  lb_record_set_int (doc, LB_DOC_KIND, LB_DOC_INVOICE);
  lb_record_set_int (doc, LB_DOC_STATUS, LB_INVOICE_STATUS_DRAFT);
  lb_record_set_int (doc, LB_DOC_ID, 0);
  if (DOC_TEXT (doc, LB_DOC_DOC_DATE) == NULL)
    lb_record_set_text (doc, LB_DOC_DOC_DATE, DOC_TEXT (draft, LB_DOC_DOC_DATE));
  if (DOC_TEXT (doc, LB_DOC_CURRENCY) == NULL)
    lb_record_set_text (doc, LB_DOC_CURRENCY, DOC_TEXT (draft, LB_DOC_CURRENCY));
  lb_record_set_int (doc, LB_DOC_PRICING_LOCKED, 1);
  if (DOC_TEXT (doc, LB_DOC_NUMBER) != NULL)
    lb_record_set_int (doc, LB_DOC_MANUAL_NUMBER, 1);
  if (DOC_TEXT (doc, LB_DOC_TYPE) == NULL)
    {
      g_autofree char *type = lb_settings_get (store, LB_SETTING_INVOICE_TYPE, NULL);
      lb_record_set_text (doc, LB_DOC_TYPE, type);
    }

  if (!lb_store_begin (store, error))
    return 0;
  if (!finish (store, insert_new (store, doc, error), error))
    {
      lb_record_set_int (doc, LB_DOC_ID, 0);
      return 0;
    }

  return DOC_INT (doc, LB_DOC_ID);
}

static char *
lead_address (LbLead *lead)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *postal = lb_lead_get_text (lead, LB_LEAD_POSTAL_CODE);
  const char *city = lb_lead_get_text (lead, LB_LEAD_CITY);

  if (lb_lead_get_text (lead, LB_LEAD_STREET) != NULL)
    g_ptr_array_add (parts, g_strdup (lb_lead_get_text (lead, LB_LEAD_STREET)));
  if (postal != NULL || city != NULL)
    g_ptr_array_add (parts, g_strjoin (" ", postal ? postal : city, postal && city ? city : NULL, NULL));
  if (lb_lead_get_text (lead, LB_LEAD_REGION) != NULL)
    g_ptr_array_add (parts, g_strdup (lb_lead_get_text (lead, LB_LEAD_REGION)));
  if (lb_lead_get_text (lead, LB_LEAD_COUNTRY) != NULL)
    g_ptr_array_add (parts, g_strdup (lb_lead_get_text (lead, LB_LEAD_COUNTRY)));
  g_ptr_array_add (parts, NULL);

  return parts->len > 1 ? g_strjoinv (", ", (char **)parts->pdata) : NULL;
}

static gint64
create_from_lead (LbStore     *store,
                  LbDocKind    kind,
                  gint64       lead_id,
                  GError     **error)
{
  const char *setting = kind == LB_DOC_ORDER ? LB_SETTING_ORDER_TYPE : LB_SETTING_INVOICE_TYPE;
  g_autofree char *type = lb_settings_get (store, setting, NULL);
  g_autofree char *address = NULL;
  g_autoptr(LbLead) lead = NULL;
  g_autoptr(LbRecord) doc = NULL;
  gint64 account, contact;

  if (type == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   kind == LB_DOC_ORDER
                   ? _("Set the “order-type” setting first (Preferences → Leads & Documents); "
                       "orders are made from leads only when it is set.")
                   : _("Set the “invoice-type” setting first (Preferences → Leads & Documents); "
                       "invoices are made from leads only when it is set."));
      return 0;
    }

  if (!lb_store_begin (store, error))
    return 0;

  lead = lb_store_get_lead (store, lead_id, error);
  if (lead == NULL)
    goto fail;
  if (lb_lead_is_trashed (lead))
    {
      g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_TRASHED,
                   _("“%s” is in the trash. Restore it first."), lb_lead_get_title (lead));
      goto fail;
    }

  /* The customer: the lead's existing account or the one its
   * conversion created; likewise the contact. */
  account = lb_lead_get_int (lead, LB_LEAD_ACCOUNT_ID);
  if (account == 0)
    account = lb_lead_get_int (lead, LB_LEAD_CONVERTED_ACCOUNT_ID);
  contact = lb_lead_get_int (lead, LB_LEAD_CONTACT_ID);
  if (contact == 0)
    contact = lb_lead_get_int (lead, LB_LEAD_CONVERTED_CONTACT_ID);

  doc = new_draft (store, kind);
  lb_record_set_text (doc, LB_DOC_TYPE, type);
  lb_record_set_int (doc, LB_DOC_LEAD_ID, lead_id);
  lb_record_set_int (doc, LB_DOC_ACCOUNT_ID, account);
  lb_record_set_int (doc, LB_DOC_CONTACT_ID, contact);
  address = lead_address (lead);
  lb_record_set_text (doc, LB_DOC_DELIVERY_ADDRESS, address);

  if (!finish (store, insert_new (store, doc, error), error))
    return 0;
  return DOC_INT (doc, LB_DOC_ID);

fail:
  lb_store_rollback (store);
  return 0;
}

gint64
lb_lead_create_order (LbStore  *store,
                      gint64    lead_id,
                      GError  **error)
{
  return create_from_lead (store, LB_DOC_ORDER, lead_id, error);
}

gint64
lb_lead_create_invoice (LbStore  *store,
                        gint64    lead_id,
                        GError  **error)
{
  return create_from_lead (store, LB_DOC_INVOICE, lead_id, error);
}

/* From a deal: its account, contact and product lines; a deal without
 * lines gives one written-in line named after it at its value. */
gint64
lb_deal_create_invoice (LbStore  *store,
                        gint64    deal_id,
                        GError  **error)
{
  g_autoptr(LbDeal) deal = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *type = lb_settings_get (store, LB_SETTING_INVOICE_TYPE, NULL);

  if (!lb_store_begin (store, error))
    return 0;

  deal = lb_store_get_deal (store, deal_id, error);
  if (deal == NULL)
    goto fail;
  lines = lb_store_get_lines (store, 0, deal_id, error);
  if (lines == NULL)
    goto fail;

  doc = new_draft (store, LB_DOC_INVOICE);
  lb_record_set_text (doc, LB_DOC_TYPE, type);
  lb_record_set_text (doc, LB_DOC_CURRENCY, lb_deal_get_text (deal, LB_DEAL_CURRENCY));
  lb_record_set_int (doc, LB_DOC_DEAL_ID, deal_id);
  lb_record_set_int (doc, LB_DOC_LEAD_ID, lb_deal_get_int (deal, LB_DEAL_LEAD_ID));
  lb_record_set_int (doc, LB_DOC_ACCOUNT_ID, lb_deal_get_int (deal, LB_DEAL_ACCOUNT_ID));
  lb_record_set_int (doc, LB_DOC_CONTACT_ID, lb_deal_get_int (deal, LB_DEAL_CONTACT_ID));
  if (!insert_new (store, doc, error))
    goto fail;

  if (lines->len == 0)
    {
      g_autoptr(LbLine) line = lb_line_new ();

      lb_record_set_text (LB_RECORD (line), LB_LINE_DESCRIPTION, lb_deal_get_text (deal, LB_DEAL_NAME));
      lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, 1000);
      lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, lb_deal_get_int (deal, LB_DEAL_VALUE));
      g_ptr_array_add (lines, g_steal_pointer (&line));
    }
  if (!copy_lines (store, lines, DOC_INT (doc, LB_DOC_ID), error))
    goto fail;

  if (!finish (store, TRUE, error))
    return 0;
  return DOC_INT (doc, LB_DOC_ID);

fail:
  lb_store_rollback (store);
  return 0;
}

/* From a Confirmed or Fulfilled order: its customer, lines and lead, and
 * a link back to it (SPEC 3.5). */
gint64
lb_order_create_invoice (LbStore  *store,
                         gint64    order_id,
                         GError  **error)
{
  static const int allowed[] = { LB_ORDER_STATUS_CONFIRMED, LB_ORDER_STATUS_FULFILLED };
  g_autoptr(LbRecord) order = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *type = lb_settings_get (store, LB_SETTING_INVOICE_TYPE, NULL);

  if (!lb_store_begin (store, error))
    return 0;

  order = load (store, LB_DOC_ORDER, order_id, &lines, error);
  if (order == NULL ||
      !require_status (order, allowed, G_N_ELEMENTS (allowed), _("invoice"), error))
    goto fail;

  doc = new_draft (store, LB_DOC_INVOICE);
  lb_record_set_text (doc, LB_DOC_TYPE, type);
  lb_record_set_text (doc, LB_DOC_CURRENCY, DOC_TEXT (order, LB_DOC_CURRENCY));
  lb_record_set_int (doc, LB_DOC_ORDER_ID, order_id);
  lb_record_set_int (doc, LB_DOC_LEAD_ID, DOC_INT (order, LB_DOC_LEAD_ID));
  lb_record_set_int (doc, LB_DOC_DEAL_ID, DOC_INT (order, LB_DOC_DEAL_ID));
  lb_record_set_int (doc, LB_DOC_ACCOUNT_ID, DOC_INT (order, LB_DOC_ACCOUNT_ID));
  lb_record_set_int (doc, LB_DOC_CONTACT_ID, DOC_INT (order, LB_DOC_CONTACT_ID));
  lb_record_set_int (doc, LB_DOC_DISCOUNT_KIND, DOC_INT (order, LB_DOC_DISCOUNT_KIND));
  lb_record_set_int (doc, LB_DOC_DISCOUNT, DOC_INT (order, LB_DOC_DISCOUNT));
  lb_record_set_text (doc, LB_DOC_DELIVERY_ADDRESS, DOC_TEXT (order, LB_DOC_DELIVERY_ADDRESS));

  if (!insert_new (store, doc, error) || !copy_lines (store, lines, DOC_INT (doc, LB_DOC_ID), error))
    goto fail;

  if (!finish (store, TRUE, error))
    return 0;
  return DOC_INT (doc, LB_DOC_ID);

fail:
  lb_store_rollback (store);
  return 0;
}

/* editing a Draft */

/**
 * lb_document_save:
 *
 * Stores the header of a Draft order or invoice (number, type, dates,
 * customer, currency, notes, terms, delivery address).  A number typed
 * on a Draft invoice must be unique; clearing it lets Send number it.
 */
gboolean
lb_document_save (LbStore   *store,
                  LbRecord  *doc,
                  GError   **error)
{
  LbDocKind kind;
  g_autoptr(LbRecord) stored = NULL;
  const char *number;

  g_return_val_if_fail (LB_IS_ORDER (doc) || LB_IS_INVOICE (doc), FALSE);

  kind = LB_IS_ORDER (doc) ? LB_DOC_ORDER : LB_DOC_INVOICE;
  if (!lb_store_begin (store, error))
    return FALSE;

  stored = lb_store_get_document (store, kind, DOC_INT (doc, LB_DOC_ID), error);
  if (stored == NULL || !require_draft (stored, error))
    goto fail;

  for (guint i = 0; i < LB_DOC_N_TEXT; i++)
    {
      g_autofree char *clean = lb_normalize_text (DOC_TEXT (doc, i));
      lb_record_set_text (doc, i, clean);
    }

  /* What the form does not own stays as stored. */
  for (LbDocInt f = LB_DOC_KIND; f <= LB_DOC_ORDER_ID; f++)
    if (f == LB_DOC_KIND || f == LB_DOC_STATUS || f == LB_DOC_LEAD_ID || f == LB_DOC_DEAL_ID ||
        f == LB_DOC_ORDER_ID)
      lb_record_set_int (doc, f, DOC_INT (stored, f));
  lb_record_set_int (doc, LB_DOC_ISSUED_AT, DOC_INT (stored, LB_DOC_ISSUED_AT));
  lb_record_set_int (doc, LB_DOC_DISCOUNT_KIND, DOC_INT (stored, LB_DOC_DISCOUNT_KIND));
  lb_record_set_int (doc, LB_DOC_DISCOUNT, DOC_INT (stored, LB_DOC_DISCOUNT));
  lb_record_set_int (doc, LB_DOC_PRICING_LOCKED, DOC_INT (stored, LB_DOC_PRICING_LOCKED));

  number = DOC_TEXT (doc, LB_DOC_NUMBER);
  if (kind == LB_DOC_ORDER)
    lb_record_set_text (doc, LB_DOC_NUMBER, DOC_TEXT (stored, LB_DOC_NUMBER));
  else if (g_strcmp0 (number, DOC_TEXT (stored, LB_DOC_NUMBER)) != 0)
    {
      gint64 other = lb_store_find_document_number (store, kind, number, DOC_INT (doc, LB_DOC_ID));

      if (other != 0)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE,
                       _("The number “%s” is already used by invoice %" PRId64 ". "
                         "Choose another number."),
                       number, other);
          goto fail;
        }
      lb_record_set_int (doc, LB_DOC_MANUAL_NUMBER, number != NULL);
    }

  if (!check_header (store, doc, error) || !touch_and_update (store, doc, error))
    goto fail;

  return finish (store, TRUE, error);

fail:
  lb_store_rollback (store);
  return FALSE;
}

static gboolean
check_line (LbStore  *store,
            LbLine   *line,
            GError  **error)
{
  LbRecord *r = LB_RECORD (line);
  const char *sku = lb_record_get_text (r, LB_LINE_PRODUCT_SKU);
  gint64 product_id = lb_record_get_int (r, LB_LINE_PRODUCT_ID);
  g_autoptr(LbProduct) product = NULL;

  if (sku != NULL && product_id == 0)
    {
      product = lb_store_find_product (store, sku);
      if (product == NULL)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("There is no product with the SKU “%s”."), sku);
          return FALSE;
        }
    }
  else if (product_id != 0)
    {
      product = lb_store_get_product (store, product_id, error);
      if (product == NULL)
        return FALSE;
    }

  /* A catalog line copies the product's name, price and tax rate when
   * the line does not give its own. */
  if (product != NULL && lb_record_get_int (r, LB_LINE_ID) == 0)
    {
      lb_record_set_int (r, LB_LINE_PRODUCT_ID, lb_product_get_id (product));
      if (lb_record_get_text (r, LB_LINE_DESCRIPTION) == NULL)
        lb_record_set_text (r, LB_LINE_DESCRIPTION,
                            lb_record_get_text (LB_RECORD (product), LB_PRODUCT_NAME));
      if (lb_record_get_int (r, LB_LINE_UNIT_PRICE) < 0)
        lb_record_set_int (r, LB_LINE_UNIT_PRICE,
                           lb_record_get_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE));
      if (lb_record_get_int (r, LB_LINE_TAX_KIND) == LB_TAX_RATE && lb_record_get_int (r, LB_LINE_TAX) < 0)
        lb_record_set_int (r, LB_LINE_TAX, lb_record_get_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE));
    }
  if (lb_record_get_int (r, LB_LINE_TAX) < 0)
    lb_record_set_int (r, LB_LINE_TAX, 0);

  if (lb_record_get_text (r, LB_LINE_DESCRIPTION) == NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("Describe the line, or pick a product."));
      return FALSE;
    }
  if (lb_record_get_int (r, LB_LINE_UNIT_PRICE) < 0)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("Give a written-in line its price."));
      return FALSE;
    }
  return TRUE;
}

/* Loads a Draft for a change of its lines, and checks the change keeps
 * its totals computable (no overflow, discounts within the lines). */
static LbRecord *
load_draft (LbStore     *store,
            LbDocKind    kind,
            gint64       id,
            GPtrArray  **lines,
            GError     **error)
{
  g_autoptr(LbRecord) doc = load (store, kind, id, lines, error);

  if (doc == NULL || !require_draft (doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}

static gboolean
recheck (LbStore   *store,
         LbDocKind  kind,
         gint64     id,
         GError   **error)
{
  g_autoptr(LbRecord) doc = load (store, kind, id, NULL, error);

  return doc != NULL;
}

/**
 * lb_document_add_line:
 * @line: the line; a unit price or tax of -1 means "from the product"
 *
 * Returns: the new line's id, 0 on error
 */
gint64
lb_document_add_line (LbStore    *store,
                      LbDocKind   kind,
                      gint64      document_id,
                      LbLine     *line,
                      GError    **error)
{
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_return_val_if_fail (LB_IS_LINE (line), 0);

  if (!lb_store_begin (store, error))
    return 0;

  doc = load_draft (store, kind, document_id, &lines, error);
  lb_record_set_int (LB_RECORD (line), LB_LINE_ID, 0);
  lb_record_set_int (LB_RECORD (line), LB_LINE_DOCUMENT_ID, document_id);
  lb_record_set_int (LB_RECORD (line), LB_LINE_POSITION, lines ? lines->len : 0);

  if (!finish (store,
               doc != NULL && check_line (store, line, error) &&
               lb_store_insert_line (store, line, 0, error) &&
               recheck (store, kind, document_id, error) &&
               touch_and_update (store, doc, error),
               error))
    {
      lb_record_set_int (LB_RECORD (line), LB_LINE_ID, 0);
      return 0;
    }

  return lb_record_get_int (LB_RECORD (line), LB_LINE_ID);
}

/* Changes a line of a Draft (quantity, price, discount, tax, text). */
gboolean
lb_document_update_line (LbStore    *store,
                         LbDocKind   kind,
                         LbLine     *line,
                         GError    **error)
{
  g_autoptr(LbRecord) doc = NULL;
  gint64 document_id;

  g_return_val_if_fail (LB_IS_LINE (line), FALSE);

  document_id = lb_record_get_int (LB_RECORD (line), LB_LINE_DOCUMENT_ID);
  if (!lb_store_begin (store, error))
    return FALSE;

  doc = load_draft (store, kind, document_id, NULL, error);
  return finish (store,
                 doc != NULL && check_line (store, line, error) &&
                 lb_store_update_line (store, line, error) &&
                 recheck (store, kind, document_id, error) &&
                 touch_and_update (store, doc, error),
                 error);
}

gboolean
lb_document_remove_line (LbStore    *store,
                         LbDocKind   kind,
                         gint64      document_id,
                         gint64      line_id,
                         GError    **error)
{
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean found = FALSE;

  if (!lb_store_begin (store, error))
    return FALSE;

  doc = load_draft (store, kind, document_id, &lines, error);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    found |= lb_record_get_int (g_ptr_array_index (lines, i), LB_LINE_ID) == line_id;
  if (doc != NULL && !found)
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                 _("The document has no line %" PRId64 "."), line_id);

  return finish (store,
                 doc != NULL && found &&
                 lb_store_delete_line (store, line_id, error) &&
                 recheck (store, kind, document_id, error) &&
                 touch_and_update (store, doc, error),
                 error);
}

/* Sets the document discount of a Draft: a percentage of the subtotal
 * or a fixed amount no larger than it. */
gboolean
lb_document_set_discount (LbStore         *store,
                          LbDocKind        kind,
                          gint64           document_id,
                          LbDiscountKind   discount_kind,
                          gint64           discount,
                          GError         **error)
{
  g_autoptr(LbRecord) doc = NULL;

  if (!lb_store_begin (store, error))
    return FALSE;

  doc = load_draft (store, kind, document_id, NULL, error);
  if (doc != NULL)
    {
      lb_record_set_int (doc, LB_DOC_DISCOUNT_KIND, discount_kind);
      lb_record_set_int (doc, LB_DOC_DISCOUNT, discount_kind == LB_DISCOUNT_NONE ? 0 : discount);
    }

  return finish (store,
                 doc != NULL && touch_and_update (store, doc, error) &&
                 recheck (store, kind, document_id, error),
                 error);
}

/* Re-reads the catalog price into every catalog line of @lines;
 * @n_changed: how many lines took a new price. */
static gboolean
reprice_lines (LbStore    *store,
               GPtrArray  *lines,
               guint      *n_changed,
               GError    **error)
{
  *n_changed = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      LbRecord *line = g_ptr_array_index (lines, i);
      gint64 product_id = lb_record_get_int (line, LB_LINE_PRODUCT_ID);
      g_autoptr(LbProduct) product = NULL;
      gint64 price;

      if (product_id == 0)
        continue;
      product = lb_store_get_product (store, product_id, error);
      if (product == NULL)
        return FALSE;
      price = lb_record_get_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE);
      if (lb_record_get_int (line, LB_LINE_UNIT_PRICE) == price)
        continue;
      lb_record_set_int (line, LB_LINE_UNIT_PRICE, price);
      if (!lb_store_update_line (store, LB_LINE (line), error))
        return FALSE;
      (*n_changed)++;
    }

  return TRUE;
}

/**
 * lb_document_use_current_pricing:
 *
 * Re-reads the catalog price into every catalog line of a Draft and
 * puts its pricing in the "current" mode: from then on a change of a
 * product's price reaches this Draft's lines too, until its pricing is
 * locked again, it is sent (an invoice) or confirmed (an order).
 * Written-in lines keep their price (SPEC 3.6).
 */
gboolean
lb_document_use_current_pricing (LbStore    *store,
                                 LbDocKind   kind,
                                 gint64      document_id,
                                 GError    **error)
{
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint changed;
  gboolean ok;

  if (!lb_store_begin (store, error))
    return FALSE;

  doc = load_draft (store, kind, document_id, &lines, error);
  ok = doc != NULL && reprice_lines (store, lines, &changed, error);
  if (ok)
    lb_record_set_int (doc, LB_DOC_PRICING_LOCKED, 0);

  return finish (store,
                 ok && recheck (store, kind, document_id, error) &&
                 touch_and_update (store, doc, error),
                 error);
}

gboolean
lb_invoice_use_current_pricing (LbStore  *store,
                                gint64    invoice_id,
                                GError  **error)
{
  return lb_document_use_current_pricing (store, LB_DOC_INVOICE, invoice_id, error);
}

/**
 * lb_document_lock_pricing:
 *
 * Locks the prices of a Draft's lines as they are now: a later change
 * of a catalog price leaves them alone.  Locking a Draft that is
 * already locked changes nothing.
 */
gboolean
lb_document_lock_pricing (LbStore    *store,
                          LbDocKind   kind,
                          gint64      document_id,
                          GError    **error)
{
  g_autoptr(LbRecord) doc = NULL;
  gboolean ok;

  if (!lb_store_begin (store, error))
    return FALSE;

  doc = load_draft (store, kind, document_id, NULL, error);
  ok = doc != NULL;
  if (ok && DOC_INT (doc, LB_DOC_PRICING_LOCKED) == 0)
    {
      lb_record_set_int (doc, LB_DOC_PRICING_LOCKED, 1);
      ok = touch_and_update (store, doc, error);
    }

  return finish (store, ok, error);
}

/* Deletes a Draft made by mistake: never issued, no payments. */
gboolean
lb_document_delete (LbStore    *store,
                    LbDocKind   kind,
                    gint64      document_id,
                    GError    **error)
{
  g_autoptr(LbRecord) doc = NULL;
  gboolean ok;

  if (!lb_store_begin (store, error))
    return FALSE;

  doc = lb_store_get_document (store, kind, document_id, error);
  ok = doc != NULL;
  if (ok && (DOC_INT (doc, LB_DOC_STATUS) != 0 || DOC_INT (doc, LB_DOC_ISSUED_AT) != 0 ||
             DOC_INT (doc, LB_DOC_PAID) != 0))
    {
      g_autofree char *label = doc_label (doc);

      state_error (error, kind == LB_DOC_INVOICE
                          ? _("%s cannot be deleted: only a Draft that was never issued can be. "
                              "Cancel or void it instead.")
                          : _("%s cannot be deleted: only a Draft can be. Cancel it instead."),
                   label);
      ok = FALSE;
    }

  return finish (store, ok && lb_store_delete_document (store, document_id, error), error);
}

/* deal lines */

/**
 * lb_deal_add_line:
 * @line: as for lb_document_add_line()
 *
 * Returns: the new line's id, 0 on error
 */
gint64
lb_deal_add_line (LbStore  *store,
                  gint64    deal_id,
                  LbLine   *line,
                  GError  **error)
{
  g_autoptr(LbDeal) deal = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean ok;

  g_return_val_if_fail (LB_IS_LINE (line), 0);

  if (!lb_store_begin (store, error))
    return 0;

  deal = lb_store_get_deal (store, deal_id, error);
  lines = deal != NULL ? lb_store_get_lines (store, 0, deal_id, error) : NULL;
  ok = lines != NULL;
  if (ok)
    {
      lb_record_set_int (LB_RECORD (line), LB_LINE_ID, 0);
      lb_record_set_int (LB_RECORD (line), LB_LINE_DOCUMENT_ID, 0);
      lb_record_set_int (LB_RECORD (line), LB_LINE_POSITION, lines->len);
      ok = check_line (store, line, error) && lb_store_insert_line (store, line, deal_id, error);
    }

  if (!finish (store, ok, error))
    {
      lb_record_set_int (LB_RECORD (line), LB_LINE_ID, 0);
      return 0;
    }
  return lb_record_get_int (LB_RECORD (line), LB_LINE_ID);
}

gboolean
lb_deal_remove_line (LbStore  *store,
                     gint64    deal_id,
                     gint64    line_id,
                     GError  **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  gboolean found = FALSE;

  if (!lb_store_begin (store, error))
    return FALSE;

  lines = lb_store_get_lines (store, 0, deal_id, error);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    found |= lb_record_get_int (g_ptr_array_index (lines, i), LB_LINE_ID) == line_id;
  if (lines != NULL && !found)
    g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                 _("The deal has no line %" PRId64 "."), line_id);

  return finish (store, found && lb_store_delete_line (store, line_id, error), error);
}

/* the invoice status machine */

/**
 * lb_invoice_can:
 * @action: "edit", "send", "pay", "cancel", "void", "delete",
 *   "use-current-pricing", "lock-pricing" or "remove-payment"
 *
 * Whether the status machine of SPEC 3.6 allows @action on @invoice as
 * it is now; for enabling buttons.  The actions check again.
 */
gboolean
lb_invoice_can (LbRecord   *invoice,
                const char *action)
{
  gint64 status = DOC_INT (invoice, LB_DOC_STATUS);
  gint64 paid = DOC_INT (invoice, LB_DOC_PAID);
  gboolean draft = status == LB_INVOICE_STATUS_DRAFT;
  gboolean open = status == LB_INVOICE_STATUS_SENT || status == LB_INVOICE_STATUS_OVERDUE ||
                  status == LB_INVOICE_STATUS_PARTIALLY_PAID;

  if (g_str_equal (action, "edit") || g_str_equal (action, "use-current-pricing") ||
      g_str_equal (action, "cancel"))
    return draft;
  if (g_str_equal (action, "lock-pricing"))
    return draft && DOC_INT (invoice, LB_DOC_PRICING_LOCKED) == 0;
  if (g_str_equal (action, "delete"))
    return draft && paid == 0 && DOC_INT (invoice, LB_DOC_ISSUED_AT) == 0;
  if (g_str_equal (action, "send"))
    return draft;
  if (g_str_equal (action, "pay"))
    return open && DOC_INT (invoice, LB_DOC_BALANCE) > 0;
  if (g_str_equal (action, "void"))
    return (status == LB_INVOICE_STATUS_SENT || status == LB_INVOICE_STATUS_OVERDUE) && paid == 0;
  if (g_str_equal (action, "remove-payment"))
    return status == LB_INVOICE_STATUS_PAID || status == LB_INVOICE_STATUS_PARTIALLY_PAID ||
           status == LB_INVOICE_STATUS_OVERDUE;

  g_return_val_if_reached (FALSE);
}

/**
 * lb_document_can_delete:
 * @doc: an order or an invoice
 *
 * Whether lb_document_delete() accepts @doc as it is now (SPEC 3.3): a
 * Draft that was never issued and has no payments; for enabling
 * buttons.  The action checks again.
 */
gboolean
lb_document_can_delete (LbRecord *doc)
{
  g_return_val_if_fail (LB_IS_ORDER (doc) || LB_IS_INVOICE (doc), FALSE);

  return DOC_INT (doc, LB_DOC_STATUS) == 0 && DOC_INT (doc, LB_DOC_ISSUED_AT) == 0 &&
         DOC_INT (doc, LB_DOC_PAID) == 0;
}

static gboolean
past_due (LbStore  *store,
          LbRecord *invoice)
{
  g_autofree char *today = lb_store_today (store);
  const char *due = DOC_TEXT (invoice, LB_DOC_DUE_DATE);

  return due != NULL && strcmp (due, today) < 0;
}

/* The status an issued invoice has for its balance and due date. */
static LbInvoiceStatus
settled_status (LbStore  *store,
                LbRecord *invoice)
{
  if (DOC_INT (invoice, LB_DOC_BALANCE) <= 0)
    return LB_INVOICE_STATUS_PAID;
  if (past_due (store, invoice))
    return LB_INVOICE_STATUS_OVERDUE;
  if (DOC_INT (invoice, LB_DOC_PAID) > 0)
    return LB_INVOICE_STATUS_PARTIALLY_PAID;
  return LB_INVOICE_STATUS_SENT;
}

/* Sends a Draft: it needs an account and a line; it gets its number
 * (unless it carries one by hand) in the same transaction, so issued
 * numbers have no gaps; it is locked from then on. */
gboolean
lb_invoice_send (LbStore  *store,
                 gint64    invoice_id,
                 GError  **error)
{
  static const int allowed[] = { LB_INVOICE_STATUS_DRAFT };
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean ok;

  if (!lb_store_begin (store, error))
    return FALSE;

  doc = load (store, LB_DOC_INVOICE, invoice_id, &lines, error);
  ok = doc != NULL && require_status (doc, allowed, 1, _("send"), error);
  if (ok && DOC_INT (doc, LB_DOC_ACCOUNT_ID) == 0)
    {
      g_autofree char *label = doc_label (doc);

      state_error (error, _("Cannot send %s: choose the customer account first."), label);
      ok = FALSE;
    }
  if (ok && lines->len == 0)
    {
      g_autofree char *label = doc_label (doc);

      state_error (error, _("Cannot send %s: it has no lines. Add a line first."), label);
      ok = FALSE;
    }
  if (ok && DOC_TEXT (doc, LB_DOC_NUMBER) == NULL)
    ok = assign_number (store, doc, error);
  if (ok)
    {
      lb_record_set_int (doc, LB_DOC_STATUS, LB_INVOICE_STATUS_SENT);
      lb_record_set_int (doc, LB_DOC_ISSUED_AT, lb_store_now (store));
      lb_record_set_int (doc, LB_DOC_PRICING_LOCKED, 1);
      lb_record_set_int (doc, LB_DOC_STATUS, settled_status (store, doc));
      ok = touch_and_update (store, doc, error);
    }

  return finish (store, ok, error);
}

/**
 * lb_invoice_pay:
 * @paid_on: (nullable): YYYY-MM-DD, today when %NULL
 *
 * Records a payment of more than 0 and at most the balance on a Sent,
 * Partially Paid or Overdue invoice, and moves it to Paid or Partially
 * Paid (Overdue stays Overdue while a balance is left past the due date).
 *
 * Returns: the payment's id, 0 on error
 */
gint64
lb_invoice_pay (LbStore          *store,
                gint64            invoice_id,
                gint64            amount,
                const char       *paid_on,
                LbPaymentMethod   method,
                const char       *reference,
                GError          **error)
{
  static const int allowed[] = { LB_INVOICE_STATUS_SENT, LB_INVOICE_STATUS_PARTIALLY_PAID,
                                 LB_INVOICE_STATUS_OVERDUE };
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(LbPayment) payment = lb_payment_new ();
  g_autofree char *today = lb_store_today (store);
  g_autofree char *clean_reference = lb_normalize_text (reference);
  gboolean ok;
  GDate date;

  if (!lb_store_begin (store, error))
    return 0;

  doc = load (store, LB_DOC_INVOICE, invoice_id, NULL, error);
  ok = doc != NULL && require_status (doc, allowed, G_N_ELEMENTS (allowed), _("record a payment on"), error);
  if (ok && amount <= 0)
    {
      state_error (error, _("A payment must be more than 0."));
      ok = FALSE;
    }
  if (ok && amount > DOC_INT (doc, LB_DOC_BALANCE))
    {
      g_autofree char *balance = lb_money_format (DOC_INT (doc, LB_DOC_BALANCE),
                                                  lb_currency_decimals (DOC_TEXT (doc, LB_DOC_CURRENCY)));
      g_autofree char *given = lb_money_format (amount, lb_currency_decimals (DOC_TEXT (doc, LB_DOC_CURRENCY)));

      state_error (error, _("The payment of %s is more than the balance of %s."), given, balance);
      ok = FALSE;
    }
  if (ok && paid_on != NULL && !lb_parse_date (paid_on, &date, error))
    ok = FALSE;
  if (ok && (int)method > LB_PAYMENT_METHOD_OTHER)
    {
      state_error (error, _("Unknown payment method."));
      ok = FALSE;
    }

  if (ok)
    {
      lb_record_set_int (LB_RECORD (payment), LB_PAYMENT_INVOICE_ID, invoice_id);
      lb_record_set_int (LB_RECORD (payment), LB_PAYMENT_AMOUNT, amount);
      lb_record_set_text (LB_RECORD (payment), LB_PAYMENT_PAID_ON, paid_on ? paid_on : today);
      lb_record_set_int (LB_RECORD (payment), LB_PAYMENT_METHOD, method);
      lb_record_set_text (LB_RECORD (payment), LB_PAYMENT_REFERENCE, clean_reference);
      lb_record_set_int (LB_RECORD (payment), LB_PAYMENT_CREATED_AT, lb_store_now (store));
      ok = lb_store_insert_payment (store, payment, error);
    }
  if (ok)
    {
      lb_record_set_int (doc, LB_DOC_PAID, DOC_INT (doc, LB_DOC_PAID) + amount);
      lb_record_set_int (doc, LB_DOC_BALANCE, DOC_INT (doc, LB_DOC_BALANCE) - amount);
      lb_record_set_int (doc, LB_DOC_STATUS, settled_status (store, doc));
      ok = touch_and_update (store, doc, error);
    }

  if (!finish (store, ok, error))
    return 0;
  return lb_payment_get_id (payment);
}

/* Removes a recorded payment; the status is worked out again. */
gboolean
lb_invoice_remove_payment (LbStore  *store,
                           gint64    payment_id,
                           GError  **error)
{
  g_autoptr(LbRecord) doc = NULL;
  gint64 invoice_id;
  gboolean ok;

  if (!lb_store_begin (store, error))
    return FALSE;

  invoice_id = lb_store_get_payment_invoice (store, payment_id);
  if (invoice_id == 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                   _("There is no payment %" PRId64 "."), payment_id);
      lb_store_rollback (store);
      return FALSE;
    }

  ok = lb_store_delete_payment (store, payment_id, error);
  if (ok)
    {
      doc = load (store, LB_DOC_INVOICE, invoice_id, NULL, error);
      ok = doc != NULL;
    }
  if (ok && DOC_INT (doc, LB_DOC_STATUS) != LB_INVOICE_STATUS_PAID &&
      DOC_INT (doc, LB_DOC_STATUS) != LB_INVOICE_STATUS_PARTIALLY_PAID &&
      DOC_INT (doc, LB_DOC_STATUS) != LB_INVOICE_STATUS_OVERDUE)
    {
      g_autofree char *label = doc_label (doc);

      state_error (error, _("Cannot remove a payment of %s: it is %s."), label, status_label (doc));
      ok = FALSE;
    }
  if (ok)
    {
      lb_record_set_int (doc, LB_DOC_STATUS, settled_status (store, doc));
      ok = touch_and_update (store, doc, error);
    }

  return finish (store, ok, error);
}

static gboolean
invoice_transition (LbStore         *store,
                    gint64           invoice_id,
                    const int       *allowed,
                    guint            n_allowed,
                    const char      *what,
                    LbInvoiceStatus  to,
                    GError         **error)
{
  g_autoptr(LbRecord) doc = NULL;
  gboolean ok;

  if (!lb_store_begin (store, error))
    return FALSE;

  doc = load (store, LB_DOC_INVOICE, invoice_id, NULL, error);
  ok = doc != NULL && require_status (doc, allowed, n_allowed, what, error);
  if (ok && to == LB_INVOICE_STATUS_VOID && DOC_INT (doc, LB_DOC_PAID) != 0)
    {
      g_autofree char *label = doc_label (doc);

      state_error (error, _("Cannot void %s: payments were recorded on it. Remove them first."),
                   label);
      ok = FALSE;
    }
  if (ok)
    {
      lb_record_set_int (doc, LB_DOC_STATUS, to);
      /* Past Draft its lines no longer change: pricing stays as it is. */
      lb_record_set_int (doc, LB_DOC_PRICING_LOCKED, 1);
      ok = touch_and_update (store, doc, error);
    }

  return finish (store, ok, error);
}

/* Draft → Cancelled. */
gboolean
lb_invoice_cancel (LbStore  *store,
                   gint64    invoice_id,
                   GError  **error)
{
  static const int allowed[] = { LB_INVOICE_STATUS_DRAFT };

  return invoice_transition (store, invoice_id, allowed, G_N_ELEMENTS (allowed), _("cancel"),
                             LB_INVOICE_STATUS_CANCELLED, error);
}

/* Sent or Overdue → Void, only while nothing is paid. */
gboolean
lb_invoice_void (LbStore  *store,
                 gint64    invoice_id,
                 GError  **error)
{
  static const int allowed[] = { LB_INVOICE_STATUS_SENT, LB_INVOICE_STATUS_OVERDUE };

  return invoice_transition (store, invoice_id, allowed, G_N_ELEMENTS (allowed), _("void"),
                             LB_INVOICE_STATUS_VOID, error);
}

/**
 * lb_invoice_sweep:
 * @today: (nullable): YYYY-MM-DD; the store clock's date when %NULL
 *
 * Marks Overdue every Sent or Partially Paid invoice whose due date is
 * before @today and whose balance is above 0, in one transaction.
 *
 * Returns: how many invoices became Overdue, -1 on error
 */
int
lb_invoice_sweep (LbStore     *store,
                  const char  *today,
                  GError     **error)
{
  g_autofree char *now = lb_store_today (store);
  g_autoptr(GArray) ids = NULL;
  GDate date;
  int changed = 0;
  gboolean ok;

  if (today == NULL)
    today = now;
  if (!lb_parse_date (today, &date, error) || !lb_store_begin (store, error))
    return -1;

  ids = lb_store_overdue_candidates (store, today, error);
  ok = ids != NULL;
  for (guint i = 0; ok && i < ids->len; i++)
    {
      g_autoptr(LbRecord) doc = load (store, LB_DOC_INVOICE, g_array_index (ids, gint64, i), NULL, error);

      ok = doc != NULL;
      if (ok && DOC_INT (doc, LB_DOC_BALANCE) > 0)
        {
          lb_record_set_int (doc, LB_DOC_STATUS, LB_INVOICE_STATUS_OVERDUE);
          ok = touch_and_update (store, doc, error);
          changed++;
        }
    }

  return finish (store, ok, error) ? changed : -1;
}

/* the order status machine */

static gboolean
order_transition (LbStore        *store,
                  gint64          order_id,
                  const int      *allowed,
                  guint           n_allowed,
                  const char     *what,
                  LbOrderStatus   to,
                  GError        **error)
{
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  gboolean ok;

  if (!lb_store_begin (store, error))
    return FALSE;

  doc = load (store, LB_DOC_ORDER, order_id, &lines, error);
  ok = doc != NULL && require_status (doc, allowed, n_allowed, what, error);
  if (ok && to == LB_ORDER_STATUS_CONFIRMED && lines->len == 0)
    {
      g_autofree char *label = doc_label (doc);

      state_error (error, _("Cannot confirm %s: it has no lines. Add a line first."), label);
      ok = FALSE;
    }
  if (ok)
    {
      lb_record_set_int (doc, LB_DOC_STATUS, to);
      /* Past Draft its lines no longer change: pricing stays as it is. */
      lb_record_set_int (doc, LB_DOC_PRICING_LOCKED, 1);
      ok = touch_and_update (store, doc, error);
    }

  return finish (store, ok, error);
}

/**
 * lb_order_can:
 * @action: "edit", "confirm", "fulfil", "cancel", "delete",
 *   "create-invoice", "use-current-pricing" or "lock-pricing"
 *
 * Whether the order status machine (SPEC 3.5) allows @action on @order
 * as it is now; for enabling buttons.  The actions check again.
 */
gboolean
lb_order_can (LbRecord   *order,
              const char *action)
{
  gint64 status = DOC_INT (order, LB_DOC_STATUS);
  gboolean draft = status == LB_ORDER_STATUS_DRAFT;

  if (g_str_equal (action, "edit") || g_str_equal (action, "confirm") ||
      g_str_equal (action, "delete") || g_str_equal (action, "use-current-pricing"))
    return draft;
  if (g_str_equal (action, "lock-pricing"))
    return draft && DOC_INT (order, LB_DOC_PRICING_LOCKED) == 0;
  if (g_str_equal (action, "fulfil"))
    return status == LB_ORDER_STATUS_CONFIRMED;
  if (g_str_equal (action, "cancel"))
    return draft || status == LB_ORDER_STATUS_CONFIRMED;
  if (g_str_equal (action, "create-invoice"))
    return status == LB_ORDER_STATUS_CONFIRMED || status == LB_ORDER_STATUS_FULFILLED;

  g_return_val_if_reached (FALSE);
}

gboolean
lb_order_confirm (LbStore  *store,
                  gint64    order_id,
                  GError  **error)
{
  static const int allowed[] = { LB_ORDER_STATUS_DRAFT };

  return order_transition (store, order_id, allowed, G_N_ELEMENTS (allowed), _("confirm"),
                           LB_ORDER_STATUS_CONFIRMED, error);
}

gboolean
lb_order_fulfil (LbStore  *store,
                 gint64    order_id,
                 GError  **error)
{
  static const int allowed[] = { LB_ORDER_STATUS_CONFIRMED };

  return order_transition (store, order_id, allowed, G_N_ELEMENTS (allowed), _("fulfil"),
                           LB_ORDER_STATUS_FULFILLED, error);
}

gboolean
lb_order_cancel (LbStore  *store,
                 gint64    order_id,
                 GError  **error)
{
  static const int allowed[] = { LB_ORDER_STATUS_DRAFT, LB_ORDER_STATUS_CONFIRMED };

  return order_transition (store, order_id, allowed, G_N_ELEMENTS (allowed), _("cancel"),
                           LB_ORDER_STATUS_CANCELLED, error);
}
