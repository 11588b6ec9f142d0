#define G_LOG_DOMAIN "lb-cli-order"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-enum-types.h"

/* options */

/* The field only orders have, for `order edit`; field is the LbDocText. */
static const LbCliOption order_field_options[] = {
  { "delivery-address", LB_CLI_TEXT, LB_DOC_DELIVERY_ADDRESS, NULL, N_("TEXT"),
    N_("Where the order is delivered") },
  { NULL }
};

static const LbCliOption *order_edit_tables[] = {
  lb_cli_document_field_options, order_field_options, NULL
};

static const LbCliOption order_list_options[] = {
  { "status", LB_CLI_ENUM, 0, lb_order_status_get_type, N_("STATUS"),
    N_("Only the orders in this status") },
  { NULL }
};

/* columns */

static const char *
order_status_label (int value)
{
  return lb_order_status_to_label (value);
}

/* The header of `order show`, in its order. */
static const LbCliColumn order_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_DOC_ID, 0, N_("ID") },
  { "number", LB_CLI_COLUMN_TEXT, LB_DOC_NUMBER, 0, N_("Number") },
  { "status", LB_CLI_COLUMN_FIELD_ENUM, LB_DOC_STATUS, 0, N_("Status"), order_status_label,
    lb_order_status_get_type },
  { "type", LB_CLI_COLUMN_TEXT, LB_DOC_TYPE, 0, N_("Type") },
  { "order_date", LB_CLI_COLUMN_TEXT, LB_DOC_DOC_DATE, 0, N_("Order date") },
  { "currency", LB_CLI_COLUMN_TEXT, LB_DOC_CURRENCY, 0, N_("Currency") },
  { "account_id", LB_CLI_COLUMN_NAMED_LINK, LB_DOC_ACCOUNT_ID, LB_DOC_ACCOUNT_NAME,
    N_("Account") },
  { "account_name", LB_CLI_COLUMN_TEXT, LB_DOC_ACCOUNT_NAME, 0, NULL },
  { "contact_id", LB_CLI_COLUMN_NAMED_LINK, LB_DOC_CONTACT_ID, LB_DOC_CONTACT_NAME,
    N_("Contact") },
  { "contact_name", LB_CLI_COLUMN_TEXT, LB_DOC_CONTACT_NAME, 0, NULL },
  { "lead_id", LB_CLI_COLUMN_NAMED_LINK, LB_DOC_LEAD_ID, LB_DOC_LEAD_TITLE, N_("Lead") },
  { "lead_title", LB_CLI_COLUMN_TEXT, LB_DOC_LEAD_TITLE, 0, NULL },
  { "deal_id", LB_CLI_COLUMN_LINK, LB_DOC_DEAL_ID, 0, N_("Deal") },
  { "delivery_address", LB_CLI_COLUMN_TEXT, LB_DOC_DELIVERY_ADDRESS, 0, N_("Delivery address") },
  { "notes", LB_CLI_COLUMN_TEXT, LB_DOC_NOTES, 0, N_("Notes") },
  { "terms", LB_CLI_COLUMN_TEXT, LB_DOC_TERMS, 0, N_("Terms") },
  { "pricing_locked", LB_CLI_COLUMN_FLAG, LB_DOC_PRICING_LOCKED, 0, N_("Pricing locked") },
  { "created_at", LB_CLI_COLUMN_TIME, LB_DOC_CREATED_AT, 0, N_("Created") },
  { "updated_at", LB_CLI_COLUMN_TIME, LB_DOC_UPDATED_AT, 0, N_("Updated") },
  { NULL }
};

static const LbCliColumn order_total_columns[] = {
  { "subtotal", LB_CLI_COLUMN_MONEY, LB_DOC_SUBTOTAL, LB_DOC_CURRENCY, N_("Subtotal") },
  { "discount", LB_CLI_COLUMN_MONEY, LB_DOC_DISCOUNT_TOTAL, LB_DOC_CURRENCY, N_("Discount") },
  { "tax", LB_CLI_COLUMN_MONEY, LB_DOC_TAX, LB_DOC_CURRENCY, N_("Tax") },
  { "total", LB_CLI_COLUMN_MONEY, LB_DOC_TOTAL, LB_DOC_CURRENCY, N_("Total") },
  { NULL }
};

static const LbCliColumn order_list_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_DOC_ID, 0, N_("ID") },
  { "number", LB_CLI_COLUMN_TEXT, LB_DOC_NUMBER, 0, N_("Number") },
  { "order_date", LB_CLI_COLUMN_TEXT, LB_DOC_DOC_DATE, 0, N_("Date") },
  { "status", LB_CLI_COLUMN_FIELD_ENUM, LB_DOC_STATUS, 0, N_("Status"), order_status_label,
    lb_order_status_get_type },
  { "account_name", LB_CLI_COLUMN_TEXT, LB_DOC_ACCOUNT_NAME, 0, N_("Customer") },
  { "total", LB_CLI_COLUMN_MONEY, LB_DOC_TOTAL, LB_DOC_CURRENCY, N_("Total") },
  { NULL }
};

const LbCliDocKind lb_cli_order_kind = {
  .kind = LB_DOC_ORDER,
  .columns = order_columns,
  .total_columns = order_total_columns,
  .list_columns = order_list_columns,
};

/* commands */

static int
order_confirm (LbCli     *cli,
               LbCliArgs *args)
{
  return lb_cli_document_run_action (cli, args, lb_order_confirm);
}

static int
order_fulfil (LbCli     *cli,
              LbCliArgs *args)
{
  return lb_cli_document_run_action (cli, args, lb_order_fulfil);
}

static int
order_cancel (LbCli     *cli,
              LbCliArgs *args)
{
  return lb_cli_document_run_action (cli, args, lb_order_cancel);
}

/* A Draft invoice from a Confirmed or Fulfilled order; the command's
 * data is the invoice kind, which it prints. */
static int
order_invoice (LbCli     *cli,
               LbCliArgs *args)
{
  return lb_cli_document_create_from (cli, args, lb_order_create_invoice);
}

const LbCliCommand lb_cli_order_commands[] = {
  { "order", "show", N_("ORDER"), 1, NULL,
    lb_cli_document_show, N_("Show an order: its header, lines and totals."),
    &lb_cli_order_kind },
  { "order", "list", NULL, 0,
    (const LbCliOption *[]) { order_list_options, lb_cli_document_list_options, NULL },
    lb_cli_document_list, N_("List the orders, newest first, one per line."),
    &lb_cli_order_kind },
  { "order", "edit", N_("ORDER"), 1, order_edit_tables,
    lb_cli_document_edit,
    N_("Change the fields given of a Draft order; an empty value clears a field."),
    &lb_cli_order_kind },
  { "order", "delete", N_("ORDER"), 1, NULL,
    lb_cli_document_delete, N_("Delete a Draft order."), &lb_cli_order_kind },
  { "order", "line add", N_("ORDER"), 1,
    (const LbCliOption *[]) { lb_cli_line_source_options, lb_cli_line_value_options, NULL },
    lb_cli_document_line_add, N_("Add a line to a Draft order; prints the line’s id."),
    &lb_cli_order_kind },
  { "order", "line edit", N_("ORDER LINE"), 2,
    (const LbCliOption *[]) { lb_cli_line_value_options, lb_cli_line_edit_options, NULL },
    lb_cli_document_line_edit, N_("Change the values given of a line of a Draft order."),
    &lb_cli_order_kind },
  { "order", "line remove", N_("ORDER LINE"), 2, NULL,
    lb_cli_document_line_remove, N_("Remove a line from a Draft order."), &lb_cli_order_kind },
  { "order", "discount", N_("ORDER"), 1,
    (const LbCliOption *[]) { lb_cli_document_discount_options, NULL },
    lb_cli_document_discount, N_("Set the discount of a Draft order on its subtotal."),
    &lb_cli_order_kind },
  { "order", "confirm", N_("ORDER"), 1, NULL,
    order_confirm, N_("Confirm a Draft order that has lines."), &lb_cli_order_kind },
  { "order", "fulfil", N_("ORDER"), 1, NULL,
    order_fulfil, N_("Mark a Confirmed order as fulfilled."), &lb_cli_order_kind },
  { "order", "cancel", N_("ORDER"), 1, NULL,
    order_cancel, N_("Cancel a Draft or Confirmed order."), &lb_cli_order_kind },
  { "order", "use-current-pricing", N_("ORDER"), 1, NULL,
    lb_cli_document_use_current_pricing,
    N_("Read the catalog’s current prices into the product lines of a Draft order; "
       "later price changes reach it until its pricing is locked."),
    &lb_cli_order_kind },
  { "order", "lock-pricing", N_("ORDER"), 1, NULL,
    lb_cli_document_lock_pricing,
    N_("Keep the prices of a Draft order’s lines as they are, whatever the catalog does."),
    &lb_cli_order_kind },
  { "order", "pdf", N_("ORDER"), 1,
    (const LbCliOption *[]) { lb_cli_document_pdf_options, NULL },
    lb_cli_document_pdf,
    N_("Write an order as a PDF file of A4 pages: -o FILE is required."),
    &lb_cli_order_kind },
  { "order", "invoice", N_("ORDER"), 1, NULL,
    order_invoice,
    N_("Make a Draft invoice from a Confirmed or Fulfilled order; prints its id."),
    &lb_cli_invoice_kind },
  { NULL }
};
