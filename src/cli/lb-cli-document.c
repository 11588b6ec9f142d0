#define G_LOG_DOMAIN "lb-cli-document"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "lb-cli.h"
#include "lb-document-render.h"
#include "lb-enum-types.h"
#include "lb-money.h"

/* What orders and invoices share on the command line (SPEC 3.5–3.7, 4):
 * show, list, edit, delete, the lines, the document discount, the
 * status actions and the documents made from another record.  Each
 * command's data is the LbCliDocKind of its noun (lb-cli-order.c,
 * lb-cli-invoice.c).  The lines' options serve `deal line add` too. */

/* options */

/* Where a new line comes from: a product of the catalog, or a line
 * written in with its own text and price. */
const LbCliOption lb_cli_line_source_options[] = {
  { "product", LB_CLI_TEXT, 0, NULL, N_("SKU"),
    N_("A catalog line: the product’s name, price and tax rate") },
  { "write-in", LB_CLI_TEXT, 0, NULL, N_("NAME"),
    N_("A written-in line with this description; needs --price") },
  { NULL }
};

const LbCliOption lb_cli_line_value_options[] = {
  { "qty", LB_CLI_DECIMAL, 0, NULL, N_("Q"),
    N_("Quantity, at most 3 decimals (required for a new line)") },
  { "price", LB_CLI_AMOUNT, 0, NULL, N_("AMOUNT"),
    N_("Unit price in the document’s currency (a product line: instead of the catalog’s)") },
  { "discount", LB_CLI_DECIMAL, 0, NULL, N_("PCT"), N_("Line discount in percent") },
  { "discount-amount", LB_CLI_AMOUNT, 0, NULL, N_("AMOUNT"),
    N_("Line discount as a fixed amount, at most the line’s gross amount") },
  { "tax-rate", LB_CLI_TAX_RATE, 0, NULL, N_("PCT|NAME"),
    N_("Tax rate in percent, or a tax rate of the list by name (default: the product’s "
       "rate; 0 for a written-in line)") },
  { "tax-amount", LB_CLI_AMOUNT, 0, NULL, N_("AMOUNT"),
    N_("Tax as a fixed amount instead of a rate") },
  { NULL }
};

const LbCliOption lb_cli_line_edit_options[] = {
  { "description", LB_CLI_TEXT, 0, NULL, N_("TEXT"), N_("The line’s description") },
  { NULL }
};

const LbCliOption lb_cli_document_discount_options[] = {
  { "percent", LB_CLI_DECIMAL, 0, NULL, N_("PCT"),
    N_("A percentage of the subtotal, shared over the lines") },
  { "amount", LB_CLI_AMOUNT, 0, NULL, N_("AMOUNT"),
    N_("A fixed amount, at most the subtotal, shared over the lines") },
  { "none", LB_CLI_FLAG, 0, NULL, NULL, N_("No document discount") },
  { NULL }
};

/* The header fields of `invoice new`, `invoice edit` and `order edit`;
 * field is the LbDocText or LbDocInt by the option's type. */
const LbCliOption lb_cli_document_field_options[] = {
  { "date", LB_CLI_DATE, LB_DOC_DOC_DATE, NULL, N_("DATE"),
    N_("The document’s date, YYYY-MM-DD (default: today)") },
  { "account", LB_CLI_ID, LB_DOC_ACCOUNT_ID, NULL, N_("ID"),
    N_("The customer account (0: none)") },
  { "contact", LB_CLI_ID, LB_DOC_CONTACT_ID, NULL, N_("ID"), N_("The contact (0: none)") },
  { "type", LB_CLI_TEXT, LB_DOC_TYPE, NULL, N_("NAME"),
    N_("From the list of types (default: the type setting)") },
  { "notes", LB_CLI_TEXT, LB_DOC_NOTES, NULL, N_("TEXT"), N_("Notes") },
  { "terms", LB_CLI_TEXT, LB_DOC_TERMS, NULL, N_("TEXT"), N_("Terms") },
  { NULL }
};

/* `invoice pdf`, `order pdf` */
const LbCliOption lb_cli_document_pdf_options[] = {
  { "output", LB_CLI_TEXT, 0, NULL, N_("FILE"),
    N_("The PDF file to write (required); a file already there is replaced"), 'o' },
  { NULL }
};

/* With the status filter of each noun (lb-cli-order.c, lb-cli-invoice.c). */
const LbCliOption lb_cli_document_list_options[] = {
  { "lead", LB_CLI_ID, 0, NULL, N_("ID"), N_("Only the documents made from this lead") },
  { "account", LB_CLI_ID, 0, NULL, N_("ID"), N_("Only the documents of this account") },
  { "deal", LB_CLI_ID, 0, NULL, N_("ID"), N_("Only the documents made from this deal") },
  { NULL }
};

/* helpers */

static const LbCliDocKind *
get_kind (LbCli *cli)
{
  g_assert (cli->command != NULL && cli->command->data != NULL);
  return cli->command->data;
}

static const char *
doc_currency (LbRecord *doc)
{
  return lb_record_get_text (doc, LB_DOC_CURRENCY);
}

/* The member @key: @amount as a decimal string in @currency. */
static void
add_money (JsonBuilder *builder,
           const char  *key,
           gint64       amount,
           const char  *currency)
{
  g_autofree char *text = lb_cli_format_money (amount, currency);

  lb_cli_json_add_text (builder, key, text);
}

/* "12.50 EUR" */
static char *
dup_money_text (gint64      amount,
                const char *currency)
{
  g_autofree char *text = lb_cli_format_money (amount, currency);

  return g_strdup_printf ("%s %s", text, currency);
}

/* The line's discount in money: its gross amount less its net. */
static gint64
line_discount_amount (LbRecord *line)
{
  gint64 gross = 0;

  if (!lb_money_mul_div_round (lb_record_get_int (line, LB_LINE_QUANTITY),
                               lb_record_get_int (line, LB_LINE_UNIT_PRICE), 1000, &gross))
    return 0;
  return gross - lb_record_get_int (line, LB_LINE_NET);
}

/* A line of a loaded document: what it holds, and the amounts computed
 * from it (its discount, tax and net amount). */
static JsonNode *
document_line_to_json (LbLine     *line,
                       const char *currency)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LbRecord *r = LB_RECORD (line);

  json_builder_begin_object (builder);
  lb_cli_build_line_members (builder, line, currency);
  add_money (builder, "discount", line_discount_amount (r), currency);
  add_money (builder, "tax", lb_record_get_int (r, LB_LINE_LINE_TAX), currency);
  add_money (builder, "amount", lb_record_get_int (r, LB_LINE_NET), currency);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* A payment: `id`, `invoice_id`, `amount`, `date`, `method` (a nick),
 * `reference`, `created_at`. */
JsonNode *
lb_cli_payment_to_json (LbPayment  *payment,
                        const char *currency)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LbRecord *r = LB_RECORD (payment);
  g_autofree char *method = lb_cli_enum_to_json_nick (LB_TYPE_PAYMENT_METHOD,
                                                      lb_record_get_int (r, LB_PAYMENT_METHOD));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, lb_record_get_int (r, LB_PAYMENT_ID));
  json_builder_set_member_name (builder, "invoice_id");
  json_builder_add_int_value (builder, lb_record_get_int (r, LB_PAYMENT_INVOICE_ID));
  add_money (builder, "amount", lb_record_get_int (r, LB_PAYMENT_AMOUNT), currency);
  lb_cli_json_add_text (builder, "date", lb_record_get_text (r, LB_PAYMENT_PAID_ON));
  lb_cli_json_add_text (builder, "method", method);
  lb_cli_json_add_text (builder, "reference", lb_record_get_text (r, LB_PAYMENT_REFERENCE));
  lb_cli_json_add_time (builder, "created_at", lb_record_get_int (r, LB_PAYMENT_CREATED_AT));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The document's own discount as a percentage, or NULL when it is a
 * fixed amount or none. */
static char *
dup_discount_percent (LbRecord *record,
                      guint     kind_field,
                      guint     value_field)
{
  if (lb_record_get_int (record, kind_field) != LB_DISCOUNT_PERCENT)
    return NULL;
  return lb_percent_format (lb_record_get_int (record, value_field));
}

/* The members of the header and the totals of @doc. */
static void
build_document_members (JsonBuilder        *builder,
                        const LbCliDocKind *kind,
                        LbRecord           *doc)
{
  g_autofree char *percent = dup_discount_percent (doc, LB_DOC_DISCOUNT_KIND, LB_DOC_DISCOUNT);

  lb_cli_build_record_members (builder, doc, kind->columns);
  lb_cli_build_record_members (builder, doc, kind->total_columns);
  lb_cli_json_add_text (builder, "discount_percent", percent);
}

/* The whole document: header, totals, lines, tax per rate and, for an
 * invoice, its payments. */
static JsonNode *
document_to_json (const LbCliDocKind *kind,
                  LbRecord           *doc,
                  GPtrArray          *lines,
                  const LbDocTotals  *totals,
                  GPtrArray          *payments)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *currency = doc_currency (doc);

  json_builder_begin_object (builder);
  build_document_members (builder, kind, doc);

  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lines->len; i++)
    json_builder_add_value (builder, document_line_to_json (g_ptr_array_index (lines, i),
                                                            currency));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tax_by_rate");
  json_builder_begin_array (builder);
  for (guint i = 0; totals->tax_by_rate != NULL && i < totals->tax_by_rate->len; i++)
    {
      const LbTaxByRate *row = &g_array_index (totals->tax_by_rate, LbTaxByRate, i);
      g_autofree char *rate = row->manual ? NULL : lb_percent_format (row->rate_bp);

      json_builder_begin_object (builder);
      lb_cli_json_add_text (builder, "rate", rate);
      add_money (builder, "taxable", row->taxable, currency);
      add_money (builder, "tax", row->tax, currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (payments != NULL)
    {
      json_builder_set_member_name (builder, "payments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < payments->len; i++)
        json_builder_add_value (builder, lb_cli_payment_to_json (g_ptr_array_index (payments, i),
                                                          currency));
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_table_row (const char * const *cells,
                 guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    lb_cli_print_field (cells[i], i + 1 == n_cells);
}

static void
print_lines (GPtrArray  *lines,
             const char *currency)
{
  const char *header[] = { _("Line"), _("Description"), _("SKU"), _("Quantity"),
                           _("Unit price"), _("Discount"), _("Tax rate"), _("Tax"),
                           _("Amount") };

  print_table_row (header, G_N_ELEMENTS (header));
  for (guint i = 0; i < lines->len; i++)
    {
      LbRecord *r = g_ptr_array_index (lines, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lb_record_get_int (r, LB_LINE_ID));
      g_autofree char *quantity = lb_quantity_format (lb_record_get_int (r, LB_LINE_QUANTITY));
      g_autofree char *price = lb_cli_format_money (lb_record_get_int (r, LB_LINE_UNIT_PRICE), currency);
      g_autofree char *discount = lb_cli_format_money (line_discount_amount (r), currency);
      g_autofree char *percent = dup_discount_percent (r, LB_LINE_DISCOUNT_KIND, LB_LINE_DISCOUNT);
      g_autofree char *shown_discount = percent != NULL ? g_strdup_printf ("%s (%s%%)", discount, percent)
                                                        : g_strdup (discount);
      g_autofree char *rate = lb_record_get_int (r, LB_LINE_TAX_KIND) == LB_TAX_RATE
                              ? lb_percent_format (lb_record_get_int (r, LB_LINE_TAX)) : NULL;
      g_autofree char *shown_rate = rate != NULL ? g_strdup_printf ("%s%%", rate)
                                                 : g_strdup (_("manual"));
      g_autofree char *tax = lb_cli_format_money (lb_record_get_int (r, LB_LINE_LINE_TAX), currency);
      g_autofree char *net = lb_cli_format_money (lb_record_get_int (r, LB_LINE_NET), currency);
      const char *cells[] = { id, lb_record_get_text (r, LB_LINE_DESCRIPTION),
                              lb_record_get_text (r, LB_LINE_PRODUCT_SKU), quantity, price,
                              shown_discount, shown_rate, tax, net };

      print_table_row (cells, G_N_ELEMENTS (cells));
    }
}

static void
print_payments (GPtrArray  *payments,
                const char *currency)
{
  const char *header[] = { _("Payment"), _("Date"), _("Amount"), _("Method"), _("Reference") };

  print_table_row (header, G_N_ELEMENTS (header));
  for (guint i = 0; i < payments->len; i++)
    {
      LbRecord *r = g_ptr_array_index (payments, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lb_record_get_int (r, LB_PAYMENT_ID));
      g_autofree char *amount = lb_cli_format_money (lb_record_get_int (r, LB_PAYMENT_AMOUNT), currency);
      const char *cells[] = { id, lb_record_get_text (r, LB_PAYMENT_PAID_ON), amount,
                              lb_payment_method_to_label (lb_record_get_int (r, LB_PAYMENT_METHOD)),
                              lb_record_get_text (r, LB_PAYMENT_REFERENCE) };

      print_table_row (cells, G_N_ELEMENTS (cells));
    }
}

/* `show` for people: the header, the lines, the totals with the tax of
 * each rate, and the payments. */
static void
print_document (const LbCliDocKind *kind,
                LbRecord           *doc,
                GPtrArray          *lines,
                const LbDocTotals  *totals,
                GPtrArray          *payments)
{
  const char *currency = doc_currency (doc);
  g_autofree char *percent = dup_discount_percent (doc, LB_DOC_DISCOUNT_KIND, LB_DOC_DISCOUNT);

  lb_cli_print_record (doc, kind->columns);

  lb_cli_print ("\n");
  print_lines (lines, currency);

  /* The totals, the discount with its rate and the tax of each rate. */
  lb_cli_print ("\n");
  for (const LbCliColumn *c = kind->total_columns; c->key != NULL; c++)
    {
      g_autofree char *value = lb_cli_dup_column_text (doc, c);

      if (g_str_equal (c->key, "discount") && percent != NULL)
        lb_cli_print ("%s: %s (%s%%)\n", _(c->label), value, percent);
      else
        lb_cli_print ("%s: %s\n", _(c->label), value);
      if (!g_str_equal (c->key, "tax"))
        continue;

      for (guint i = 0; totals->tax_by_rate != NULL && i < totals->tax_by_rate->len; i++)
        {
          const LbTaxByRate *row = &g_array_index (totals->tax_by_rate, LbTaxByRate, i);
          g_autofree char *rate = lb_percent_format (row->rate_bp);
          g_autofree char *tax = dup_money_text (row->tax, currency);
          g_autofree char *taxable = dup_money_text (row->taxable, currency);

          if (row->manual)
            /* Translators: the tax of the lines whose tax amount was typed in */
            lb_cli_print (_("  amounts typed in: %s on %s\n"), tax, taxable);
          else
            /* Translators: "  20%: 4.00 EUR on 20.00 EUR", the tax at one rate */
            lb_cli_print (_("  %s%%: %s on %s\n"), rate, tax, taxable);
        }
    }

  if (payments != NULL && payments->len > 0)
    {
      lb_cli_print ("\n");
      print_payments (payments, currency);
    }
}

/* Prints line @line_id of document @id: the line's object with --json,
 * else its id. */
static int
print_line_result (LbCli              *cli,
                   const LbCliDocKind *kind,
                   gint64              id,
                   gint64              line_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (!cli->json)
    {
      lb_cli_print ("%" G_GINT64_FORMAT "\n", line_id);
      return LB_CLI_EXIT_OK;
    }

  doc = lb_document_load (cli->store, kind->kind, id, &lines, NULL, &error);
  if (doc == NULL)
    return lb_cli_fail (cli, error);
  for (guint i = 0; i < lines->len; i++)
    if (lb_record_get_int (g_ptr_array_index (lines, i), LB_LINE_ID) == line_id)
      {
        g_autoptr(JsonNode) node = document_line_to_json (g_ptr_array_index (lines, i),
                                                          doc_currency (doc));
        lb_cli_print_json (node);
        break;
      }

  return LB_CLI_EXIT_OK;
}

/* After a change: with --json, the document as saved. */
static int
print_changed (LbCli              *cli,
               const LbCliDocKind *kind,
               gint64              id)
{
  if (!cli->json)
    return LB_CLI_EXIT_OK;
  return lb_cli_document_print_result (cli, kind, id);
}

/* public API: lines */

/**
 * lb_cli_line_check_args:
 * @creating: for a new line
 *
 * The usage rules of a line's options, before the database is opened:
 * a new line comes from --product or --write-in (not both), a written-in
 * one needs --price, every new line --qty; a discount is a percentage or
 * an amount, and so is the tax.
 *
 * Returns: the exit code
 */
int
lb_cli_line_check_args (LbCli     *cli,
                        LbCliArgs *args,
                        gboolean   creating)
{
  if (!lb_cli_args_exclusive (cli, args, "product", "write-in") ||
      !lb_cli_args_exclusive (cli, args, "discount", "discount-amount") ||
      !lb_cli_args_exclusive (cli, args, "tax-rate", "tax-amount"))
    return LB_CLI_EXIT_USAGE;

  if (!creating)
    {
      if (lb_cli_args_count_options (cli, args) == 0)
        return lb_cli_usage_error (cli, _("Give at least one value of the line to change."));
      return LB_CLI_EXIT_OK;
    }

  if (!lb_cli_args_has (args, "product") && !lb_cli_args_has (args, "write-in"))
    return lb_cli_usage_error (cli, _("Give a product with --product SKU, or write the line in "
                                      "with --write-in NAME --price AMOUNT."));
  if (lb_cli_args_has (args, "write-in") && !lb_cli_args_has (args, "price"))
    return lb_cli_usage_error (cli, _("Give the written-in line its price with --price AMOUNT."));
  if (!lb_cli_args_has (args, "qty"))
    return lb_cli_usage_error (cli, _("Give the quantity with --qty Q."));

  return LB_CLI_EXIT_OK;
}

/**
 * lb_cli_line_apply:
 * @currency: the currency of the document or deal, in which amounts are read
 * @creating: @line is new: a product line without --price or a tax
 *   option takes the product's price and rate (the action fills them)
 *
 * Sets the values of @line that the options give.  Quantities,
 * percentages and amounts with too many decimals are refused.
 *
 * Returns: the exit code: %LB_CLI_EXIT_REFUSED after the message
 */
int
lb_cli_line_apply (LbCli      *cli,
                   LbCliArgs  *args,
                   const char *currency,
                   LbLine     *line,
                   gboolean    creating)
{
  LbRecord *r = LB_RECORD (line);
  gint64 value;

  if (creating)
    {
      gboolean product = lb_cli_args_has (args, "product");

      if (product)
        lb_record_set_text (r, LB_LINE_PRODUCT_SKU, lb_cli_args_text (args, "product"));
      else
        lb_record_set_text (r, LB_LINE_DESCRIPTION, lb_cli_args_text (args, "write-in"));
      /* -1: the action takes them from the product; a written-in line
       * without a tax option has none. */
      lb_record_set_int (r, LB_LINE_UNIT_PRICE, -1);
      lb_record_set_int (r, LB_LINE_DISCOUNT_KIND, LB_DISCOUNT_NONE);
      lb_record_set_int (r, LB_LINE_DISCOUNT, 0);
      lb_record_set_int (r, LB_LINE_TAX_KIND, LB_TAX_RATE);
      lb_record_set_int (r, LB_LINE_TAX, product ? -1 : 0);
    }

  if (lb_cli_args_has (args, "description"))
    lb_record_set_text (r, LB_LINE_DESCRIPTION, lb_cli_args_text (args, "description"));

  if (lb_cli_args_has (args, "qty"))
    {
      if (!lb_cli_args_quantity (cli, args, "qty", &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (r, LB_LINE_QUANTITY, value);
    }
  if (lb_cli_args_has (args, "price"))
    {
      if (!lb_cli_args_amount (cli, args, "price", currency, &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (r, LB_LINE_UNIT_PRICE, value);
    }

  if (lb_cli_args_has (args, "discount"))
    {
      if (!lb_cli_args_percent (cli, args, "discount", &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (r, LB_LINE_DISCOUNT_KIND, LB_DISCOUNT_PERCENT);
      lb_record_set_int (r, LB_LINE_DISCOUNT, value);
    }
  else if (lb_cli_args_has (args, "discount-amount"))
    {
      if (!lb_cli_args_amount (cli, args, "discount-amount", currency, &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (r, LB_LINE_DISCOUNT_KIND, LB_DISCOUNT_AMOUNT);
      lb_record_set_int (r, LB_LINE_DISCOUNT, value);
    }

  if (lb_cli_args_has (args, "tax-rate"))
    {
      if (!lb_cli_args_tax_rate (cli, args, "tax-rate", &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (r, LB_LINE_TAX_KIND, LB_TAX_RATE);
      lb_record_set_int (r, LB_LINE_TAX, value);
    }
  else if (lb_cli_args_has (args, "tax-amount"))
    {
      if (!lb_cli_args_amount (cli, args, "tax-amount", currency, &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (r, LB_LINE_TAX_KIND, LB_TAX_AMOUNT);
      lb_record_set_int (r, LB_LINE_TAX, value);
    }

  return LB_CLI_EXIT_OK;
}

/**
 * lb_cli_build_line_members:
 *
 * The members every line has, as it is stored: `id`, `description`,
 * `sku` and `product_id` (null for a written-in line), `quantity`
 * ("1.5"), `unit_price`, `discount_percent` (null unless the discount
 * is a percentage) and `tax_rate` (null for a typed tax amount).
 */
void
lb_cli_build_line_members (JsonBuilder *builder,
                           LbLine      *line,
                           const char  *currency)
{
  LbRecord *r = LB_RECORD (line);
  g_autofree char *quantity = lb_quantity_format (lb_record_get_int (r, LB_LINE_QUANTITY));
  g_autofree char *percent = dup_discount_percent (r, LB_LINE_DISCOUNT_KIND, LB_LINE_DISCOUNT);
  g_autofree char *rate = lb_record_get_int (r, LB_LINE_TAX_KIND) == LB_TAX_RATE
                          ? lb_percent_format (lb_record_get_int (r, LB_LINE_TAX)) : NULL;

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, lb_record_get_int (r, LB_LINE_ID));
  lb_cli_json_add_text (builder, "description", lb_record_get_text (r, LB_LINE_DESCRIPTION));
  lb_cli_json_add_text (builder, "sku", lb_record_get_text (r, LB_LINE_PRODUCT_SKU));
  lb_cli_json_add_link (builder, "product_id", lb_record_get_int (r, LB_LINE_PRODUCT_ID));
  lb_cli_json_add_text (builder, "quantity", quantity);
  add_money (builder, "unit_price", lb_record_get_int (r, LB_LINE_UNIT_PRICE), currency);
  lb_cli_json_add_text (builder, "discount_percent", percent);
  lb_cli_json_add_text (builder, "tax_rate", rate);
}

/* "Widget, 2 × 10.00 EUR": a line in one phrase, for `deal show`. */
char *
lb_cli_dup_line_summary (LbLine     *line,
                         const char *currency)
{
  LbRecord *r = LB_RECORD (line);
  g_autofree char *quantity = lb_quantity_format (lb_record_get_int (r, LB_LINE_QUANTITY));
  g_autofree char *price = dup_money_text (lb_record_get_int (r, LB_LINE_UNIT_PRICE), currency);

  /* Translators: a line: its description, quantity and unit price */
  return g_strdup_printf (_("%s, %s × %s"), lb_record_get_text (r, LB_LINE_DESCRIPTION),
                          quantity, price);
}

/* public API: results */

/**
 * lb_cli_document_print_result:
 *
 * Prints document @id: with --json, the whole document as stored (as
 * `show` writes it), else its id alone.
 *
 * Returns: the exit code
 */
int
lb_cli_document_print_result (LbCli              *cli,
                              const LbCliDocKind *kind,
                              gint64              id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  g_autoptr(JsonNode) node = NULL;

  if (!cli->json)
    {
      lb_cli_print ("%" G_GINT64_FORMAT "\n", id);
      return LB_CLI_EXIT_OK;
    }

  doc = lb_document_load (cli->store, kind->kind, id, &lines, &totals, &error);
  if (doc == NULL)
    return lb_cli_fail (cli, error);
  if (kind->kind == LB_DOC_INVOICE && (payments = lb_store_get_payments (cli->store, id, &error)) == NULL)
    return lb_cli_fail (cli, error);

  node = document_to_json (kind, doc, lines, &totals, payments);
  lb_cli_print_json (node);

  return LB_CLI_EXIT_OK;
}

/**
 * lb_cli_document_create_from:
 * @create: makes the document from the record of the ID argument
 *
 * Runs a command that makes an order or an invoice (the command's
 * LbCliDocKind) from another record: `lead order`, `lead invoice`,
 * `deal invoice`, `order invoice`.  Prints the new id, or the document
 * with --json.
 *
 * Returns: the exit code
 */
int
lb_cli_document_create_from (LbCli              *cli,
                             LbCliArgs          *args,
                             LbCliDocCreateFunc  create)
{
  g_autoptr(GError) error = NULL;
  gint64 source_id;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &source_id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  id = create (cli->store, source_id, &error);
  if (id == 0)
    return lb_cli_fail (cli, error);

  return lb_cli_document_print_result (cli, get_kind (cli), id);
}

/* Runs @action (or @kind_action, which also takes the command's kind)
 * on the document of the ID argument; prints nothing, or the document
 * as saved with --json. */
static int
run_on_document (LbCli              *cli,
                 LbCliArgs          *args,
                 LbCliDocActionFunc  action,
                 gboolean          (*kind_action) (LbStore *, LbDocKind, gint64, GError **))
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean done;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  done = action != NULL ? action (cli->store, id, &error)
                        : kind_action (cli->store, get_kind (cli)->kind, id, &error);
  if (!done)
    return lb_cli_fail (cli, error);

  return print_changed (cli, get_kind (cli), id);
}

/**
 * lb_cli_document_run_action:
 * @action: a status change of the document of the ID argument
 *
 * Runs `invoice send`, `order confirm` and the like: prints nothing,
 * or the document as saved with --json.
 *
 * Returns: the exit code
 */
int
lb_cli_document_run_action (LbCli              *cli,
                            LbCliArgs          *args,
                            LbCliDocActionFunc  action)
{
  return run_on_document (cli, args, action, NULL);
}

/* `invoice use-current-pricing`, `order use-current-pricing` */
int
lb_cli_document_use_current_pricing (LbCli     *cli,
                                     LbCliArgs *args)
{
  return run_on_document (cli, args, NULL, lb_document_use_current_pricing);
}

/* `invoice lock-pricing`, `order lock-pricing` */
int
lb_cli_document_lock_pricing (LbCli     *cli,
                              LbCliArgs *args)
{
  return run_on_document (cli, args, NULL, lb_document_lock_pricing);
}

/**
 * lb_cli_lead_documents:
 * @builder: (nullable): for `lead show --json`
 *
 * The orders and invoices made from lead @lead_id (SPEC 3.3): with a
 * builder, the members "orders" and "invoices", arrays of {"id",
 * "number", "date", "status", "type", "total", "currency",
 * "created_at"}; without, one line each ("Invoice: 4 (INV-2026-0001,
 * Sent, 2026-11-25, 120.00 EUR)").
 *
 * Returns: %FALSE on a store error
 */
gboolean
lb_cli_lead_documents (LbCli        *cli,
                       gint64        lead_id,
                       JsonBuilder  *builder,
                       GError      **error)
{
  static const struct {
    LbDocKind   kind;
    const char *key;
    const char *label;
    GType     (*status_type) (void);
  } kinds[] = {
    { LB_DOC_ORDER, "orders", N_("Order"), lb_order_status_get_type },
    { LB_DOC_INVOICE, "invoices", N_("Invoice"), lb_invoice_status_get_type },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GListModel) docs = NULL;
      LbDocFilter filter;

      lb_doc_filter_init (&filter, kinds[k].kind);
      filter.lead_id = lead_id;
      docs = lb_store_list_documents (cli->store, &filter, error);
      if (docs == NULL)
        return FALSE;

      lb_cli_links_begin (builder, kinds[k].key);
      for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
        {
          g_autoptr(LbRecord) listed = g_list_model_get_item (docs, i);
          g_autoptr(LbRecord) doc = NULL;
          g_autofree char *total = NULL;
          const char *number;

          doc = lb_document_load (cli->store, kinds[k].kind,
                                  lb_record_get_int (listed, LB_DOC_ID), NULL, NULL, error);
          if (doc == NULL)
            return FALSE;
          total = lb_cli_format_money (lb_record_get_int (doc, LB_DOC_TOTAL), doc_currency (doc));
          number = lb_record_get_text (doc, LB_DOC_NUMBER);

          if (builder != NULL)
            {
              g_autofree char *status = lb_cli_enum_to_json_nick (kinds[k].status_type (),
                                                                  lb_record_get_int (doc, LB_DOC_STATUS));

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "id");
              json_builder_add_int_value (builder, lb_record_get_int (doc, LB_DOC_ID));
              lb_cli_json_add_text (builder, "number", number);
              lb_cli_json_add_text (builder, "date", lb_record_get_text (doc, LB_DOC_DOC_DATE));
              lb_cli_json_add_text (builder, "status", status);
              lb_cli_json_add_text (builder, "type", lb_record_get_text (doc, LB_DOC_TYPE));
              lb_cli_json_add_text (builder, "total", total);
              lb_cli_json_add_text (builder, "currency", doc_currency (doc));
              lb_cli_json_add_time (builder, "created_at", lb_record_get_int (doc, LB_DOC_CREATED_AT));
              json_builder_end_object (builder);
            }
          else
            {
              g_autofree char *text = g_strdup_printf ("%s, %s, %s, %s %s",
                                                       number != NULL ? number : _("Draft"),
                                                       lb_record_get_text (doc, LB_DOC_STATUS_LABEL),
                                                       lb_record_get_text (doc, LB_DOC_DOC_DATE),
                                                       total, doc_currency (doc));

              lb_cli_links_add (NULL, _(kinds[k].label), lb_record_get_int (doc, LB_DOC_ID),
                                NULL, text);
            }
        }
      lb_cli_links_end (builder);
    }

  return TRUE;
}

/* public API: commands */

int
lb_cli_document_show (LbCli     *cli,
                      LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (cli->json)
    return lb_cli_document_print_result (cli, kind, id);

  doc = lb_document_load (cli->store, kind->kind, id, &lines, &totals, &error);
  if (doc == NULL)
    return lb_cli_fail (cli, error);
  if (kind->kind == LB_DOC_INVOICE && (payments = lb_store_get_payments (cli->store, id, &error)) == NULL)
    return lb_cli_fail (cli, error);

  print_document (kind, doc, lines, &totals, payments);

  return LB_CLI_EXIT_OK;
}

/* The documents of the filters given, newest first (invoices with
 * --overdue-first: the Overdue ones first, then by due date), each with
 * its totals. */
int
lb_cli_document_list (LbCli     *cli,
                      LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) docs = NULL;
  LbCliJsonStream *stream = NULL;
  LbDocFilter filter;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  lb_doc_filter_init (&filter, kind->kind);
  filter.status = lb_cli_args_enum (args, "status", -1);
  filter.lead_id = lb_cli_args_number (args, "lead", 0);
  filter.account_id = lb_cli_args_number (args, "account", 0);
  filter.deal_id = lb_cli_args_number (args, "deal", 0);
  filter.overdue_first = lb_cli_args_has (args, "overdue-first");

  docs = lb_store_list_documents (cli->store, &filter, &error);
  if (docs == NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    stream = lb_cli_json_stream_begin ();
  else
    lb_cli_print_header (kind->list_columns);

  for (guint i = 0; i < g_list_model_get_n_items (docs); i++)
    {
      g_autoptr(LbRecord) listed = g_list_model_get_item (docs, i);
      g_autoptr(LbRecord) doc = lb_document_load (cli->store, kind->kind,
                                                  lb_record_get_int (listed, LB_DOC_ID),
                                                  NULL, NULL, &error);

      if (doc == NULL)
        {
          if (stream != NULL)
            lb_cli_json_stream_end (stream);
          return lb_cli_fail (cli, error);
        }

      if (stream != NULL)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) node = NULL;

          json_builder_begin_object (builder);
          build_document_members (builder, kind, doc);
          json_builder_end_object (builder);
          node = json_builder_get_root (builder);
          lb_cli_json_stream_add (stream, node);
        }
      else
        lb_cli_print_row (doc, kind->list_columns);
    }

  if (stream != NULL)
    lb_cli_json_stream_end (stream);

  return LB_CLI_EXIT_OK;
}

/* `invoice edit` and `order edit`: the header fields given, and only
 * those, through the Draft rules. */
int
lb_cli_document_edit (LbCli     *cli,
                      LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  const LbCliOption * const *tables = cli->command->options;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_args_count_options (cli, args) == 0)
    return lb_cli_usage_error (cli, _("Give at least one field to change."));
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  doc = lb_store_get_document (cli->store, kind->kind, id, &error);
  if (doc == NULL)
    return lb_cli_fail (cli, error);

  for (guint i = 0; tables[i] != NULL; i++)
    lb_cli_apply_field_options (doc, args, tables[i]);
  if (!lb_document_save (cli->store, doc, &error))
    return lb_cli_fail (cli, error);

  return print_changed (cli, kind, id);
}

int
lb_cli_document_delete (LbCli     *cli,
                        LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (!lb_document_delete (cli->store, kind->kind, id, &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

/* The document discount: exactly one of --percent, --amount, --none. */
int
lb_cli_document_discount (LbCli     *cli,
                          LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  LbDiscountKind discount_kind = LB_DISCOUNT_NONE;
  gint64 discount = 0;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_args_count_given (args, lb_cli_document_discount_options) != 1)
    return lb_cli_usage_error (cli, _("Give exactly one of --percent PCT, --amount AMOUNT "
                                      "and --none."));
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  doc = lb_store_get_document (cli->store, kind->kind, id, &error);
  if (doc == NULL)
    return lb_cli_fail (cli, error);

  if (lb_cli_args_has (args, "percent"))
    {
      if (!lb_cli_args_percent (cli, args, "percent", &discount))
        return LB_CLI_EXIT_REFUSED;
      discount_kind = LB_DISCOUNT_PERCENT;
    }
  else if (lb_cli_args_has (args, "amount"))
    {
      if (!lb_cli_args_amount (cli, args, "amount", doc_currency (doc), &discount))
        return LB_CLI_EXIT_REFUSED;
      discount_kind = LB_DISCOUNT_AMOUNT;
    }

  if (!lb_document_set_discount (cli->store, kind->kind, id, discount_kind, discount, &error))
    return lb_cli_fail (cli, error);

  return print_changed (cli, kind, id);
}

/* Adds a line to a Draft; prints its id, or the line with --json. */
int
lb_cli_document_line_add (LbCli     *cli,
                          LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(LbLine) line = lb_line_new ();
  gint64 id;
  gint64 line_id;
  int status;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if ((status = lb_cli_line_check_args (cli, args, TRUE)) != LB_CLI_EXIT_OK)
    return status;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  doc = lb_store_get_document (cli->store, kind->kind, id, &error);
  if (doc == NULL)
    return lb_cli_fail (cli, error);
  if ((status = lb_cli_line_apply (cli, args, doc_currency (doc), line, TRUE)) != LB_CLI_EXIT_OK)
    return status;

  line_id = lb_document_add_line (cli->store, kind->kind, id, line, &error);
  if (line_id == 0)
    return lb_cli_fail (cli, error);

  return print_line_result (cli, kind, id, line_id);
}

/* Changes the values given of a line of a Draft. */
int
lb_cli_document_line_edit (LbCli     *cli,
                           LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  LbLine *line = NULL;
  gint64 id;
  gint64 line_id;
  int status;

  if (!lb_cli_args_param_id (cli, args, 0, &id) || !lb_cli_args_param_id (cli, args, 1, &line_id))
    return LB_CLI_EXIT_USAGE;
  if ((status = lb_cli_line_check_args (cli, args, FALSE)) != LB_CLI_EXIT_OK)
    return status;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  doc = lb_document_load (cli->store, kind->kind, id, &lines, NULL, &error);
  if (doc == NULL)
    return lb_cli_fail (cli, error);
  for (guint i = 0; i < lines->len && line == NULL; i++)
    if (lb_record_get_int (g_ptr_array_index (lines, i), LB_LINE_ID) == line_id)
      line = g_ptr_array_index (lines, i);
  if (line == NULL)
    return lb_cli_refuse (cli, kind->kind == LB_DOC_ORDER
                               ? _("Order %" PRId64 " has no line %" PRId64 ".")
                               : _("Invoice %" PRId64 " has no line %" PRId64 "."),
                          id, line_id);

  if ((status = lb_cli_line_apply (cli, args, doc_currency (doc), line, FALSE)) != LB_CLI_EXIT_OK)
    return status;
  if (!lb_document_update_line (cli->store, kind->kind, line, &error))
    return lb_cli_fail (cli, error);

  if (!cli->json)
    return LB_CLI_EXIT_OK;
  return print_line_result (cli, kind, id, line_id);
}

int
lb_cli_document_line_remove (LbCli     *cli,
                             LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 line_id;

  if (!lb_cli_args_param_id (cli, args, 0, &id) || !lb_cli_args_param_id (cli, args, 1, &line_id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (!lb_document_remove_line (cli->store, kind->kind, id, line_id, &error))
    return lb_cli_fail (cli, error);

  return print_changed (cli, kind, id);
}

/* `invoice pdf INV -o FILE` and `order pdf ORDER -o FILE`: the document
 * on A4 pages (SPEC 3.8).  Prints nothing; with --json {"path", "pages"}. */
int
lb_cli_document_pdf (LbCli     *cli,
                     LbCliArgs *args)
{
  const LbCliDocKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbDocumentRender) render = NULL;
  const char *path = lb_cli_args_text (args, "output");
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (path == NULL || *path == '\0')
    return lb_cli_usage_error (cli, _("Give the PDF file to write with -o FILE."));
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  render = lb_document_render_new (cli->store, kind->kind, id, &error);
  if (render == NULL)
    return lb_cli_fail (cli, error);
  if (!lb_document_render_write_pdf (render, path, &error))
    return lb_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      lb_cli_json_add_text (builder, "path", path);
      json_builder_set_member_name (builder, "pages");
      json_builder_add_int_value (builder, lb_document_render_get_n_pages (render));
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      lb_cli_print_json (node);
    }

  return LB_CLI_EXIT_OK;
}
