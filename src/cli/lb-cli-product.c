#define G_LOG_DOMAIN "lb-cli-product"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-money.h"
#include "lb-settings.h"

/* The product catalog (SPEC 3.4).  Products are named by their SKU on
 * the command line; prices are in the currency setting. */

/* options */

/* The text fields of `product add` and `product edit`; field is the
 * LbProductText. */
static const LbCliOption product_text_options[] = {
  { "sku", LB_CLI_TEXT, LB_PRODUCT_SKU, NULL, N_("SKU"),
    N_("Stock-keeping unit, unique ignoring case (required for add)") },
  { "name", LB_CLI_TEXT, LB_PRODUCT_NAME, NULL, N_("NAME"), N_("Name (required for add)") },
  { "unit", LB_CLI_TEXT, LB_PRODUCT_UNIT, NULL, N_("UNIT"), N_("Unit, such as “hour” or “pcs”") },
  { NULL }
};

static const LbCliOption product_value_options[] = {
  { "price", LB_CLI_AMOUNT, 0, NULL, N_("AMOUNT"),
    N_("Unit price in the currency setting (required for add)") },
  { "tax-rate", LB_CLI_TAX_RATE, 0, NULL, N_("PCT|NAME"),
    N_("Default tax rate in percent, or a tax rate of the list by name (default 0)") },
  { "inactive", LB_CLI_FLAG, 0, NULL, NULL, N_("Keep it in the catalog but out of new lines’ choices") },
  { NULL }
};

static const LbCliOption product_edit_options[] = {
  { "active", LB_CLI_FLAG, 0, NULL, NULL, N_("Make it active again") },
  { NULL }
};

static const LbCliOption product_list_options[] = {
  { "search", LB_CLI_TEXT, 0, NULL, N_("TEXT"), N_("Only those whose SKU or name has TEXT") },
  { "all", LB_CLI_FLAG, 0, NULL, NULL, N_("The inactive products too") },
  { NULL }
};

/* columns */

/* Around the price, which is in the currency setting. */
static const LbCliColumn product_head_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_PRODUCT_ID, 0, N_("ID") },
  { "sku", LB_CLI_COLUMN_TEXT, LB_PRODUCT_SKU, 0, N_("SKU") },
  { "name", LB_CLI_COLUMN_TEXT, LB_PRODUCT_NAME, 0, N_("Name") },
  { "unit", LB_CLI_COLUMN_TEXT, LB_PRODUCT_UNIT, 0, N_("Unit") },
  { NULL }
};

static const LbCliColumn product_tail_columns[] = {
  { "tax_rate", LB_CLI_COLUMN_PERCENT, LB_PRODUCT_TAX_RATE, 0, N_("Tax rate") },
  { "active", LB_CLI_COLUMN_FLAG, LB_PRODUCT_ACTIVE, 0, N_("Active") },
  { "created_at", LB_CLI_COLUMN_TIME, LB_PRODUCT_CREATED_AT, 0, N_("Created") },
  { "updated_at", LB_CLI_COLUMN_TIME, LB_PRODUCT_UPDATED_AT, 0, N_("Updated") },
  { NULL }
};

/* helpers */

static char *
dup_currency (LbCli *cli)
{
  return lb_settings_get (cli->store, LB_SETTING_CURRENCY, NULL);
}

static JsonNode *
product_to_json (LbProduct  *product,
                 const char *currency)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *price = lb_cli_format_money (lb_record_get_int (LB_RECORD (product),
                                                                   LB_PRODUCT_UNIT_PRICE),
                                                currency);

  json_builder_begin_object (builder);
  lb_cli_build_record_members (builder, LB_RECORD (product), product_head_columns);
  lb_cli_json_add_text (builder, "unit_price", price);
  lb_cli_json_add_text (builder, "currency", currency);
  lb_cli_build_record_members (builder, LB_RECORD (product), product_tail_columns);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* "12.50 EUR" */
static char *
dup_price_text (LbProduct  *product,
                const char *currency)
{
  g_autofree char *price = lb_cli_format_money (lb_record_get_int (LB_RECORD (product),
                                                                   LB_PRODUCT_UNIT_PRICE),
                                                currency);

  return g_strdup_printf ("%s %s", price, currency);
}

/* The product with the SKU of argument 0, or NULL after the message. */
static LbProduct *
find_product (LbCli     *cli,
              LbCliArgs *args)
{
  const char *sku = lb_cli_args_param (args, 0);
  LbProduct *product = lb_store_find_product (cli->store, sku);

  if (product == NULL)
    lb_cli_refuse (cli, _("There is no product with the SKU “%s”."), sku);
  return product;
}

/* Prints @product: the object with --json, else its id (@created) or
 * nothing. */
static int
print_result (LbCli     *cli,
              LbProduct *product,
              gboolean   created)
{
  g_autofree char *currency = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!cli->json)
    {
      if (created)
        lb_cli_print ("%" G_GINT64_FORMAT "\n", lb_product_get_id (product));
      return LB_CLI_EXIT_OK;
    }

  currency = dup_currency (cli);
  node = product_to_json (product, currency);
  lb_cli_print_json (node);

  return LB_CLI_EXIT_OK;
}

/* Sets the options given: the texts, the price (read exactly in the
 * currency setting), the tax rate and the active flag. */
static int
apply_options (LbCli     *cli,
               LbCliArgs *args,
               LbProduct *product)
{
  LbRecord *r = LB_RECORD (product);
  g_autofree char *currency = dup_currency (cli);
  gint64 value;

  lb_cli_apply_field_options (r, args, product_text_options);
  if (lb_cli_args_has (args, "price"))
    {
      if (!lb_cli_args_amount (cli, args, "price", currency, &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (r, LB_PRODUCT_UNIT_PRICE, value);
    }
  if (lb_cli_args_has (args, "tax-rate"))
    {
      if (!lb_cli_args_tax_rate (cli, args, "tax-rate", &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (r, LB_PRODUCT_TAX_RATE, value);
    }
  if (lb_cli_args_has (args, "inactive"))
    lb_record_set_int (r, LB_PRODUCT_ACTIVE, 0);
  else if (lb_cli_args_has (args, "active"))
    lb_record_set_int (r, LB_PRODUCT_ACTIVE, 1);

  return LB_CLI_EXIT_OK;
}

/* commands */

static int
product_add (LbCli     *cli,
             LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProduct) product = lb_product_new ();
  int status;

  if (!lb_cli_args_has (args, "sku") || !lb_cli_args_has (args, "name") ||
      !lb_cli_args_has (args, "price"))
    return lb_cli_usage_error (cli, _("Give the product’s --sku, --name and --price."));
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  if ((status = apply_options (cli, args, product)) != LB_CLI_EXIT_OK)
    return status;
  if (lb_product_create (cli->store, product, &error) == 0)
    return lb_cli_fail (cli, error);

  return print_result (cli, product, TRUE);
}

static int
product_list (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autofree char *currency = NULL;
  const char *search = lb_cli_args_text (args, "search");
  LbCliJsonStream *stream = NULL;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  currency = dup_currency (cli);
  products = lb_store_list_products (cli->store, search != NULL && *search != '\0' ? search : NULL,
                                     !lb_cli_args_has (args, "all"), &error);
  if (products == NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    stream = lb_cli_json_stream_begin ();
  else
    {
      const char *labels[] = { _("SKU"), _("Name"), _("Unit"), _("Price"), _("Tax rate"),
                               _("Active") };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        lb_cli_print_field (labels[i], i + 1 == G_N_ELEMENTS (labels));
    }

  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(LbProduct) product = g_list_model_get_item (products, i);

      if (stream != NULL)
        {
          g_autoptr(JsonNode) node = product_to_json (product, currency);
          lb_cli_json_stream_add (stream, node);
        }
      else
        {
          g_autofree char *price = dup_price_text (product, currency);
          g_autofree char *rate = lb_cli_dup_column_text (LB_RECORD (product),
                                                          &product_tail_columns[0]);
          g_autofree char *active = lb_cli_dup_column_text (LB_RECORD (product),
                                                            &product_tail_columns[1]);

          lb_cli_print_field (lb_record_get_text (LB_RECORD (product), LB_PRODUCT_SKU), FALSE);
          lb_cli_print_field (lb_record_get_text (LB_RECORD (product), LB_PRODUCT_NAME), FALSE);
          lb_cli_print_field (lb_record_get_text (LB_RECORD (product), LB_PRODUCT_UNIT), FALSE);
          lb_cli_print_field (price, FALSE);
          lb_cli_print_field (rate, FALSE);
          lb_cli_print_field (active, TRUE);
        }
    }

  if (stream != NULL)
    lb_cli_json_stream_end (stream);

  return LB_CLI_EXIT_OK;
}

static int
product_show (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(LbProduct) product = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *price = NULL;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;
  if ((product = find_product (cli, args)) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (cli->json)
    return print_result (cli, product, FALSE);

  currency = dup_currency (cli);
  price = dup_price_text (product, currency);
  lb_cli_print_record (LB_RECORD (product), product_head_columns);
  lb_cli_print ("%s: %s\n", _("Unit price"), price);
  lb_cli_print_record (LB_RECORD (product), product_tail_columns);

  return LB_CLI_EXIT_OK;
}

static int
product_edit (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProduct) product = NULL;
  int status;

  if (lb_cli_args_count_options (cli, args) == 0)
    return lb_cli_usage_error (cli, _("Give at least one field to change."));
  if (!lb_cli_args_exclusive (cli, args, "active", "inactive"))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;
  if ((product = find_product (cli, args)) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if ((status = apply_options (cli, args, product)) != LB_CLI_EXIT_OK)
    return status;
  if (!lb_product_save (cli->store, product, &error))
    return lb_cli_fail (cli, error);

  return print_result (cli, product, FALSE);
}

/* A new catalog price; documents with locked pricing keep theirs. */
static int
product_set_price (LbCli     *cli,
                   LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProduct) product = NULL;
  g_autofree char *currency = NULL;
  gint64 price;

  if (!lb_cli_args_param_is_amount (cli, args, 1))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;
  if ((product = find_product (cli, args)) == NULL)
    return LB_CLI_EXIT_REFUSED;

  currency = dup_currency (cli);
  if (!lb_cli_parse_amount (cli, _("AMOUNT"), lb_cli_args_param (args, 1), currency, &price))
    return LB_CLI_EXIT_REFUSED;
  if (!lb_product_set_price (cli->store, lb_cli_args_param (args, 0), price, &error))
    return lb_cli_fail (cli, error);

  if (!cli->json)
    return LB_CLI_EXIT_OK;
  g_clear_object (&product);
  if ((product = find_product (cli, args)) == NULL)
    return LB_CLI_EXIT_REFUSED;
  return print_result (cli, product, FALSE);
}

const LbCliCommand lb_cli_product_commands[] = {
  { "product", "add", NULL, 0,
    (const LbCliOption *[]) { product_text_options, product_value_options, NULL },
    product_add, N_("Add a product to the catalog; prints its id.") },
  { "product", "list", NULL, 0,
    (const LbCliOption *[]) { product_list_options, NULL },
    product_list, N_("List the active products by name, one per line.") },
  { "product", "show", N_("SKU"), 1, NULL,
    product_show, N_("Show every field of a product.") },
  { "product", "edit", N_("SKU"), 1,
    (const LbCliOption *[]) { product_text_options, product_value_options, product_edit_options,
                              NULL },
    product_edit, N_("Change the fields given of a product, and only those.") },
  { "product", "set-price", N_("SKU AMOUNT"), 2, NULL,
    product_set_price,
    N_("Change a product’s price; documents with locked pricing keep theirs.") },
  { NULL }
};
