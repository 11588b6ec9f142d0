#define G_LOG_DOMAIN "lb-cli-invoice"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-enum-types.h"

/* options */

/* The fields only invoices have, for `invoice new` and `invoice edit`;
 * field is the LbDocText. */
static const LbCliOption invoice_field_options[] = {
  { "number", LB_CLI_TEXT, LB_DOC_NUMBER, NULL, N_("N"),
    N_("A number typed by hand, unique (default: the next number, given by Send)") },
  { "due", LB_CLI_DATE, LB_DOC_DUE_DATE, NULL, N_("DATE"),
    N_("Due date, YYYY-MM-DD (default: the date plus the payment-terms-days setting)") },
  { NULL }
};

static const LbCliOption invoice_new_options[] = {
  { "currency", LB_CLI_TEXT, LB_DOC_CURRENCY, NULL, N_("CODE"),
    N_("ISO 4217 code (default: the currency setting)") },
  { NULL }
};

static const LbCliOption *invoice_new_tables[] = {
  lb_cli_document_field_options, invoice_field_options, invoice_new_options, NULL
};

static const LbCliOption *invoice_edit_tables[] = {
  lb_cli_document_field_options, invoice_field_options, NULL
};

static const LbCliOption invoice_list_options[] = {
  { "status", LB_CLI_ENUM, 0, lb_invoice_status_get_type, N_("STATUS"),
    N_("Only the invoices in this status") },
  { "overdue-first", LB_CLI_FLAG, 0, NULL, NULL,
    N_("The Overdue invoices first, then by due date") },
  { NULL }
};

static const LbCliOption pay_options[] = {
  { "date", LB_CLI_DATE, 0, NULL, N_("DATE"), N_("When it was paid (default: today)") },
  { "method", LB_CLI_ENUM, 0, lb_payment_method_get_type, N_("METHOD"),
    N_("cash, bank_transfer (the default), card or other") },
  { "reference", LB_CLI_TEXT, 0, NULL, N_("TEXT"), N_("A reference, such as a transfer’s") },
  { NULL }
};

static const LbCliOption sweep_options[] = {
  { "today", LB_CLI_DATE, 0, NULL, N_("DATE"), N_("The day to judge by (default: today)") },
  { NULL }
};

/* columns */

static const char *
invoice_status_label (int value)
{
  return lb_invoice_status_to_label (value);
}

/* The header of `invoice show`, in its order. */
static const LbCliColumn invoice_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_DOC_ID, 0, N_("ID") },
  { "number", LB_CLI_COLUMN_TEXT, LB_DOC_NUMBER, 0, N_("Number"), NULL, NULL, N_("Draft") },
  { "status", LB_CLI_COLUMN_FIELD_ENUM, LB_DOC_STATUS, 0, N_("Status"), invoice_status_label,
    lb_invoice_status_get_type },
  { "type", LB_CLI_COLUMN_TEXT, LB_DOC_TYPE, 0, N_("Type") },
  { "invoice_date", LB_CLI_COLUMN_TEXT, LB_DOC_DOC_DATE, 0, N_("Invoice date") },
  { "due_date", LB_CLI_COLUMN_TEXT, LB_DOC_DUE_DATE, 0, N_("Due date") },
  { "currency", LB_CLI_COLUMN_TEXT, LB_DOC_CURRENCY, 0, N_("Currency") },
  { "account_id", LB_CLI_COLUMN_NAMED_LINK, LB_DOC_ACCOUNT_ID, LB_DOC_ACCOUNT_NAME,
    N_("Account") },
  { "account_name", LB_CLI_COLUMN_TEXT, LB_DOC_ACCOUNT_NAME, 0, NULL },
  { "contact_id", LB_CLI_COLUMN_NAMED_LINK, LB_DOC_CONTACT_ID, LB_DOC_CONTACT_NAME,
    N_("Contact") },
  { "contact_name", LB_CLI_COLUMN_TEXT, LB_DOC_CONTACT_NAME, 0, NULL },
  { "lead_id", LB_CLI_COLUMN_NAMED_LINK, LB_DOC_LEAD_ID, LB_DOC_LEAD_TITLE, N_("Lead") },
  { "lead_title", LB_CLI_COLUMN_TEXT, LB_DOC_LEAD_TITLE, 0, NULL },
  { "order_id", LB_CLI_COLUMN_LINK, LB_DOC_ORDER_ID, 0, N_("Order") },
  { "deal_id", LB_CLI_COLUMN_LINK, LB_DOC_DEAL_ID, 0, N_("Deal") },
  { "delivery_address", LB_CLI_COLUMN_TEXT, LB_DOC_DELIVERY_ADDRESS, 0, N_("Delivery address") },
  { "notes", LB_CLI_COLUMN_TEXT, LB_DOC_NOTES, 0, N_("Notes") },
  { "terms", LB_CLI_COLUMN_TEXT, LB_DOC_TERMS, 0, N_("Terms") },
  { "pricing_locked", LB_CLI_COLUMN_FLAG, LB_DOC_PRICING_LOCKED, 0, N_("Pricing locked") },
  { "issued_at", LB_CLI_COLUMN_TIME, LB_DOC_ISSUED_AT, 0, N_("Issued") },
  { "created_at", LB_CLI_COLUMN_TIME, LB_DOC_CREATED_AT, 0, N_("Created") },
  { "updated_at", LB_CLI_COLUMN_TIME, LB_DOC_UPDATED_AT, 0, N_("Updated") },
  { NULL }
};

static const LbCliColumn invoice_total_columns[] = {
  { "subtotal", LB_CLI_COLUMN_MONEY, LB_DOC_SUBTOTAL, LB_DOC_CURRENCY, N_("Subtotal") },
  { "discount", LB_CLI_COLUMN_MONEY, LB_DOC_DISCOUNT_TOTAL, LB_DOC_CURRENCY, N_("Discount") },
  { "tax", LB_CLI_COLUMN_MONEY, LB_DOC_TAX, LB_DOC_CURRENCY, N_("Tax") },
  { "total", LB_CLI_COLUMN_MONEY, LB_DOC_TOTAL, LB_DOC_CURRENCY, N_("Total") },
  { "paid", LB_CLI_COLUMN_MONEY, LB_DOC_PAID, LB_DOC_CURRENCY, N_("Paid") },
  { "balance", LB_CLI_COLUMN_MONEY, LB_DOC_BALANCE, LB_DOC_CURRENCY, N_("Balance") },
  { NULL }
};

static const LbCliColumn invoice_list_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_DOC_ID, 0, N_("ID") },
  { "number", LB_CLI_COLUMN_TEXT, LB_DOC_NUMBER, 0, N_("Number"), NULL, NULL, N_("Draft") },
  { "invoice_date", LB_CLI_COLUMN_TEXT, LB_DOC_DOC_DATE, 0, N_("Date") },
  { "due_date", LB_CLI_COLUMN_TEXT, LB_DOC_DUE_DATE, 0, N_("Due") },
  { "status", LB_CLI_COLUMN_FIELD_ENUM, LB_DOC_STATUS, 0, N_("Status"), invoice_status_label,
    lb_invoice_status_get_type },
  { "account_name", LB_CLI_COLUMN_TEXT, LB_DOC_ACCOUNT_NAME, 0, N_("Customer") },
  { "total", LB_CLI_COLUMN_MONEY, LB_DOC_TOTAL, LB_DOC_CURRENCY, N_("Total") },
  { "balance", LB_CLI_COLUMN_MONEY, LB_DOC_BALANCE, LB_DOC_CURRENCY, N_("Balance") },
  { NULL }
};

const LbCliDocKind lb_cli_invoice_kind = {
  .kind = LB_DOC_INVOICE,
  .columns = invoice_columns,
  .total_columns = invoice_total_columns,
  .list_columns = invoice_list_columns,
};

/* helpers */

/* The currency of invoice @id, or NULL after the message. */
static char *
dup_invoice_currency (LbCli  *cli,
                      gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) invoice = lb_store_get_document (cli->store, LB_DOC_INVOICE, id, &error);

  if (invoice == NULL)
    {
      lb_cli_fail (cli, error);
      return NULL;
    }
  return g_strdup (lb_record_get_text (invoice, LB_DOC_CURRENCY));
}

/* commands */

/* A standalone Draft: prints its id, or the invoice with --json. */
static int
invoice_new (LbCli     *cli,
             LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  gint64 id;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  for (guint i = 0; invoice_new_tables[i] != NULL; i++)
    lb_cli_apply_field_options (LB_RECORD (invoice), args, invoice_new_tables[i]);

  id = lb_invoice_create (cli->store, invoice, &error);
  if (id == 0)
    return lb_cli_fail (cli, error);

  return lb_cli_document_print_result (cli, &lb_cli_invoice_kind, id);
}

static int
invoice_send (LbCli     *cli,
              LbCliArgs *args)
{
  return lb_cli_document_run_action (cli, args, lb_invoice_send);
}

static int
invoice_cancel (LbCli     *cli,
                LbCliArgs *args)
{
  return lb_cli_document_run_action (cli, args, lb_invoice_cancel);
}

static int
invoice_void (LbCli     *cli,
              LbCliArgs *args)
{
  return lb_cli_document_run_action (cli, args, lb_invoice_void);
}

/* Records a payment; prints its id, or the payment with --json. */
static int
invoice_pay (LbCli     *cli,
             LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  const char *reference = lb_cli_args_text (args, "reference");
  gint64 id;
  gint64 amount;
  gint64 payment_id;

  if (!lb_cli_args_param_id (cli, args, 0, &id) || !lb_cli_args_param_is_amount (cli, args, 1))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  currency = dup_invoice_currency (cli, id);
  if (currency == NULL)
    return LB_CLI_EXIT_REFUSED;
  if (!lb_cli_parse_amount (cli, _("AMOUNT"), lb_cli_args_param (args, 1), currency, &amount))
    return LB_CLI_EXIT_REFUSED;

  date = lb_cli_args_dup_date (args, "date");
  payment_id = lb_invoice_pay (cli->store, id, amount, date,
                               lb_cli_args_enum (args, "method", LB_PAYMENT_METHOD_BANK_TRANSFER),
                               reference, &error);
  if (payment_id == 0)
    return lb_cli_fail (cli, error);

  if (!cli->json)
    {
      lb_cli_print ("%" G_GINT64_FORMAT "\n", payment_id);
      return LB_CLI_EXIT_OK;
    }

  payments = lb_store_get_payments (cli->store, id, &error);
  if (payments == NULL)
    return lb_cli_fail (cli, error);
  for (guint i = 0; i < payments->len; i++)
    if (lb_payment_get_id (g_ptr_array_index (payments, i)) == payment_id)
      {
        g_autoptr(JsonNode) node = lb_cli_payment_to_json (g_ptr_array_index (payments, i),
                                                           currency);
        lb_cli_print_json (node);
      }

  return LB_CLI_EXIT_OK;
}

/* Removes a payment; with --json, prints its invoice as it is then. */
static int
invoice_payment_remove (LbCli     *cli,
                        LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  gint64 payment_id;
  gint64 invoice_id;

  if (!lb_cli_args_param_id (cli, args, 0, &payment_id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  invoice_id = lb_store_get_payment_invoice (cli->store, payment_id);
  if (!lb_invoice_remove_payment (cli->store, payment_id, &error))
    return lb_cli_fail (cli, error);

  if (!cli->json)
    return LB_CLI_EXIT_OK;
  return lb_cli_document_print_result (cli, &lb_cli_invoice_kind, invoice_id);
}

/* The overdue sweep; prints how many invoices became Overdue. */
static int
invoice_sweep (LbCli     *cli,
               LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lb_cli_args_dup_date (args, "today");
  int n;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  n = lb_invoice_sweep (cli->store, today, &error);
  if (n < 0)
    return lb_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_int_value (builder, n);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      lb_cli_print_json (node);
    }
  else
    lb_cli_print ("%d\n", n);

  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_invoice_commands[] = {
  { "invoice", "new", NULL, 0, invoice_new_tables,
    invoice_new, N_("Make a Draft invoice; prints its id."), &lb_cli_invoice_kind },
  { "invoice", "show", N_("INV"), 1, NULL,
    lb_cli_document_show,
    N_("Show an invoice: its header, lines, totals with the tax of each rate, and payments."),
    &lb_cli_invoice_kind },
  { "invoice", "list", NULL, 0,
    (const LbCliOption *[]) { invoice_list_options, lb_cli_document_list_options, NULL },
    lb_cli_document_list, N_("List the invoices, newest first, one per line."),
    &lb_cli_invoice_kind },
  { "invoice", "edit", N_("INV"), 1, invoice_edit_tables,
    lb_cli_document_edit,
    N_("Change the fields given of a Draft invoice; an empty value clears a field."),
    &lb_cli_invoice_kind },
  { "invoice", "delete", N_("INV"), 1, NULL,
    lb_cli_document_delete, N_("Delete a Draft invoice that was never issued."),
    &lb_cli_invoice_kind },
  { "invoice", "line add", N_("INV"), 1,
    (const LbCliOption *[]) { lb_cli_line_source_options, lb_cli_line_value_options, NULL },
    lb_cli_document_line_add, N_("Add a line to a Draft invoice; prints the line’s id."),
    &lb_cli_invoice_kind },
  { "invoice", "line edit", N_("INV LINE"), 2,
    (const LbCliOption *[]) { lb_cli_line_value_options, lb_cli_line_edit_options, NULL },
    lb_cli_document_line_edit, N_("Change the values given of a line of a Draft invoice."),
    &lb_cli_invoice_kind },
  { "invoice", "line remove", N_("INV LINE"), 2, NULL,
    lb_cli_document_line_remove, N_("Remove a line from a Draft invoice."),
    &lb_cli_invoice_kind },
  { "invoice", "discount", N_("INV"), 1,
    (const LbCliOption *[]) { lb_cli_document_discount_options, NULL },
    lb_cli_document_discount, N_("Set the discount of a Draft invoice on its subtotal."),
    &lb_cli_invoice_kind },
  { "invoice", "send", N_("INV"), 1, NULL,
    invoice_send,
    N_("Issue a Draft invoice: it gets its number and can no longer be changed."),
    &lb_cli_invoice_kind },
  { "invoice", "pay", N_("INV AMOUNT"), 2,
    (const LbCliOption *[]) { pay_options, NULL },
    invoice_pay, N_("Record a payment of at most the balance; prints the payment’s id."),
    &lb_cli_invoice_kind },
  { "invoice", "payment remove", N_("PAYMENT_ID"), 1, NULL,
    invoice_payment_remove, N_("Remove a recorded payment; the status is worked out again."),
    &lb_cli_invoice_kind },
  { "invoice", "cancel", N_("INV"), 1, NULL,
    invoice_cancel, N_("Cancel a Draft invoice."), &lb_cli_invoice_kind },
  { "invoice", "void", N_("INV"), 1, NULL,
    invoice_void, N_("Void a Sent or Overdue invoice on which nothing was paid."),
    &lb_cli_invoice_kind },
  { "invoice", "sweep", NULL, 0,
    (const LbCliOption *[]) { sweep_options, NULL },
    invoice_sweep,
    N_("Mark Overdue the unpaid invoices past their due date; prints how many."),
    &lb_cli_invoice_kind },
  { "invoice", "use-current-pricing", N_("INV"), 1, NULL,
    lb_cli_document_use_current_pricing,
    N_("Read the catalog’s current prices into the product lines of a Draft invoice; "
       "later price changes reach it until its pricing is locked."),
    &lb_cli_invoice_kind },
  { "invoice", "lock-pricing", N_("INV"), 1, NULL,
    lb_cli_document_lock_pricing,
    N_("Keep the prices of a Draft invoice’s lines as they are, whatever the catalog does."),
    &lb_cli_invoice_kind },
  { "invoice", "pdf", N_("INV"), 1,
    (const LbCliOption *[]) { lb_cli_document_pdf_options, NULL },
    lb_cli_document_pdf,
    N_("Write an invoice as a PDF file of A4 pages: -o FILE is required."),
    &lb_cli_invoice_kind },
  { NULL }
};
