#define G_LOG_DOMAIN "lb-cli-deal"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-enum-types.h"
#include "lb-settings.h"

/* options */

/* The fields of `deal add` and `deal edit`; field is the LbDealText or
 * LbDealInt by the option's type. */
static const LbCliOption deal_options[] = {
  { "name", LB_CLI_TEXT, LB_DEAL_NAME, NULL, N_("NAME"), N_("Name (required)") },
  { "account", LB_CLI_ID, LB_DEAL_ACCOUNT_ID, NULL, N_("ID"), N_("The account (0: none)") },
  { "contact", LB_CLI_ID, LB_DEAL_CONTACT_ID, NULL, N_("ID"), N_("The contact (0: none)") },
  { "currency", LB_CLI_TEXT, LB_DEAL_CURRENCY, NULL, N_("CODE"),
    N_("ISO 4217 code of the value (default: the currency setting)") },
  { "notes", LB_CLI_TEXT, LB_DEAL_NOTES, NULL, N_("TEXT"), N_("Notes") },
  { NULL }
};

/* Where a deal stands: `deal add`, `deal edit` and the deal step of
 * `lead convert`. */
const LbCliOption lb_cli_deal_plan_options[] = {
  { "pipeline", LB_CLI_TEXT, LB_DEAL_PIPELINE, NULL, N_("NAME"),
    N_("Pipeline (default: the first one)") },
  { "stage", LB_CLI_TEXT, LB_DEAL_STAGE, NULL, N_("NAME"),
    N_("Stage of the pipeline (default: its first stage)") },
  { "close-date", LB_CLI_DATE, LB_DEAL_EXPECTED_CLOSE, NULL, N_("DATE"),
    N_("Expected close date, YYYY-MM-DD") },
  { "probability", LB_CLI_NUMBER, LB_DEAL_PROBABILITY, NULL, N_("N"),
    N_("Probability in percent, 0 to 100") },
  { NULL }
};

/* Read by lb_cli_deal_apply_money(). */
static const LbCliOption deal_money_options[] = {
  { "value", LB_CLI_AMOUNT, 0, NULL, N_("AMOUNT"),
    N_("Value with at most the currency’s decimals, such as 2500.00") },
  { "status", LB_CLI_ENUM, 0, lb_deal_status_get_type, N_("STATUS"),
    N_("open (the default), won or lost") },
  { NULL }
};

static const LbCliOption *deal_field_tables[] = {
  deal_options, lb_cli_deal_plan_options, deal_money_options, NULL
};

static const LbCliOption deal_filter_options[] = {
  { "account", LB_CLI_ID, 0, NULL, N_("ID"), N_("Only the deals of this account") },
  { "contact", LB_CLI_ID, 0, NULL, N_("ID"), N_("Only the deals of this contact") },
  { "status", LB_CLI_ENUM, 0, lb_deal_status_get_type, N_("STATUS"),
    N_("Only the open, won or lost deals") },
  { NULL }
};

/* columns */

static const char *
deal_status_label (int value)
{
  return lb_deal_status_to_label (value);
}

/* Every field, in the order `deal show` prints them. */
static const LbCliColumn deal_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_DEAL_ID, 0, N_("ID") },
  { "name", LB_CLI_COLUMN_TEXT, LB_DEAL_NAME, 0, N_("Name") },
  { "account_id", LB_CLI_COLUMN_NAMED_LINK, LB_DEAL_ACCOUNT_ID, LB_DEAL_ACCOUNT_NAME,
    N_("Account") },
  { "account_name", LB_CLI_COLUMN_TEXT, LB_DEAL_ACCOUNT_NAME, 0, NULL },
  { "contact_id", LB_CLI_COLUMN_NAMED_LINK, LB_DEAL_CONTACT_ID, LB_DEAL_CONTACT_NAME,
    N_("Contact") },
  { "contact_name", LB_CLI_COLUMN_TEXT, LB_DEAL_CONTACT_NAME, 0, NULL },
  { "value", LB_CLI_COLUMN_MONEY, LB_DEAL_VALUE, LB_DEAL_CURRENCY, N_("Value") },
  { "currency", LB_CLI_COLUMN_TEXT, LB_DEAL_CURRENCY, 0, NULL },
  { "pipeline", LB_CLI_COLUMN_TEXT, LB_DEAL_PIPELINE, 0, N_("Pipeline") },
  { "stage", LB_CLI_COLUMN_TEXT, LB_DEAL_STAGE, 0, N_("Stage") },
  { "status", LB_CLI_COLUMN_ENUM, 0, 0, N_("Status"), deal_status_label },
  { "expected_close", LB_CLI_COLUMN_TEXT, LB_DEAL_EXPECTED_CLOSE, 0, N_("Expected close") },
  { "probability", LB_CLI_COLUMN_NUMBER, LB_DEAL_PROBABILITY, 0, N_("Probability (%)") },
  { "notes", LB_CLI_COLUMN_TEXT, LB_DEAL_NOTES, 0, N_("Notes") },
  { "lead_id", LB_CLI_COLUMN_LINK, LB_DEAL_LEAD_ID, 0, N_("Created from lead") },
  { "created_at", LB_CLI_COLUMN_TIME, LB_DEAL_CREATED_AT, 0, N_("Created") },
  { "updated_at", LB_CLI_COLUMN_TIME, LB_DEAL_UPDATED_AT, 0, N_("Updated") },
  { "deleted_at", LB_CLI_COLUMN_TIME, LB_DEAL_DELETED_AT, 0, N_("In the trash since") },
  { NULL }
};

static const LbCliColumn deal_list_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_DEAL_ID, 0, N_("ID") },
  { "name", LB_CLI_COLUMN_TEXT, LB_DEAL_NAME, 0, N_("Name") },
  { "account_name", LB_CLI_COLUMN_TEXT, LB_DEAL_ACCOUNT_NAME, 0, N_("Account") },
  { "contact_name", LB_CLI_COLUMN_TEXT, LB_DEAL_CONTACT_NAME, 0, N_("Contact") },
  { "value", LB_CLI_COLUMN_MONEY, LB_DEAL_VALUE, LB_DEAL_CURRENCY, N_("Value") },
  { "pipeline", LB_CLI_COLUMN_TEXT, LB_DEAL_PIPELINE, 0, N_("Pipeline") },
  { "stage", LB_CLI_COLUMN_TEXT, LB_DEAL_STAGE, 0, N_("Stage") },
  { "status", LB_CLI_COLUMN_ENUM, 0, 0, N_("Status"), deal_status_label },
  { "expected_close", LB_CLI_COLUMN_TEXT, LB_DEAL_EXPECTED_CLOSE, 0, N_("Expected close") },
  { NULL }
};

/* helpers */

/* A deal line as stored: the members every line has, and its discount
 * and tax amounts when they are fixed amounts. */
static void
build_deal_line_members (JsonBuilder *builder,
                         gint64       deal_id,
                         LbLine      *line,
                         const char  *currency)
{
  LbRecord *r = LB_RECORD (line);
  g_autofree char *discount = NULL;
  g_autofree char *tax = NULL;

  if (lb_record_get_int (r, LB_LINE_DISCOUNT_KIND) == LB_DISCOUNT_AMOUNT)
    discount = lb_cli_format_money (lb_record_get_int (r, LB_LINE_DISCOUNT), currency);
  if (lb_record_get_int (r, LB_LINE_TAX_KIND) == LB_TAX_AMOUNT)
    tax = lb_cli_format_money (lb_record_get_int (r, LB_LINE_TAX), currency);

  lb_cli_build_line_members (builder, line, currency);
  json_builder_set_member_name (builder, "deal_id");
  json_builder_add_int_value (builder, deal_id);
  lb_cli_json_add_text (builder, "discount_amount", discount);
  lb_cli_json_add_text (builder, "tax_amount", tax);
}

static int
deal_check_args (LbCli     *cli,
                 LbCliArgs *args,
                 gboolean   creating)
{
  if (creating && !lb_cli_args_has (args, "name"))
    return lb_cli_usage_error (cli, _("Give the deal’s name with --name NAME."));
  /* The value is read in the deal's currency, so a new currency needs
   * the value in it. */
  if (!creating && lb_cli_args_has (args, "currency") && !lb_cli_args_has (args, "value"))
    return lb_cli_usage_error (cli, _("Give the value in the new currency with --value as well."));
  return LB_CLI_EXIT_OK;
}

static int
deal_apply (LbCli     *cli,
            LbCliArgs *args,
            LbRecord  *deal)
{
  return lb_cli_deal_apply_money (cli, args, deal, "value", "status");
}

/* The deal's product lines (SPEC 3.4), which its invoice takes: with a
 * builder, the member "lines"; without, one "Line: ID (…)" line each. */
static gboolean
deal_show_lines (LbCli        *cli,
                 LbRecord     *deal,
                 JsonBuilder  *builder,
                 GError      **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  const char *currency = lb_record_get_text (deal, LB_DEAL_CURRENCY);

  lines = lb_store_get_lines (cli->store, 0, lb_record_get_int (deal, LB_DEAL_ID), error);
  if (lines == NULL)
    return FALSE;

  lb_cli_links_begin (builder, "lines");
  for (guint i = 0; i < lines->len; i++)
    {
      LbLine *line = g_ptr_array_index (lines, i);

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          build_deal_line_members (builder, lb_record_get_int (deal, LB_DEAL_ID), line, currency);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *summary = lb_cli_dup_line_summary (line, currency);

          lb_cli_links_add (NULL, _("Line"), lb_line_get_id (line), NULL, summary);
        }
    }
  lb_cli_links_end (builder);

  return TRUE;
}

static const LbCliRecordKind deal_kind = {
  .kind = "deal",
  .get_type = lb_deal_get_type,
  .columns = deal_columns,
  .list_columns = deal_list_columns,
  .field_options = deal_field_tables,
  .get = (LbCliGetFunc)lb_store_get_deal,
  .list = lb_store_list_deals,
  .create = (LbCliCreateFunc)lb_deal_create,
  .save = (LbCliSaveFunc)lb_deal_save,
  .check_args = deal_check_args,
  .apply = deal_apply,
  .show_links = deal_show_lines,
};

/* public API */

/**
 * lb_cli_deal_apply_money:
 * @value_option: the option with the deal's value
 * @status_option: the option with its status
 *
 * Sets the deal's value, read exactly in its currency (when it has none
 * yet, the currency setting, which lb_deal_check() gives it too), and
 * its status, when those options were given.
 *
 * Returns: the exit code: %LB_CLI_EXIT_REFUSED after the message when
 *   the amount has more decimals than the currency or is too large
 */
int
lb_cli_deal_apply_money (LbCli      *cli,
                         LbCliArgs  *args,
                         LbRecord   *deal,
                         const char *value_option,
                         const char *status_option)
{
  if (lb_cli_args_has (args, value_option))
    {
      g_autofree char *currency = g_strdup (lb_record_get_text (deal, LB_DEAL_CURRENCY));
      gint64 value;

      if (currency == NULL)
        currency = lb_settings_get (cli->store, LB_SETTING_CURRENCY, NULL);
      if (!lb_cli_args_amount (cli, args, value_option, currency, &value))
        return LB_CLI_EXIT_REFUSED;
      lb_record_set_int (deal, LB_DEAL_VALUE, value);
    }
  if (lb_cli_args_has (args, status_option))
    lb_deal_set_status (LB_DEAL (deal), lb_cli_args_enum (args, status_option, LB_DEAL_STATUS_OPEN));

  return LB_CLI_EXIT_OK;
}

/* commands */

/* Every stage of every pipeline with its open deals: how many, and
 * their value.  A stage whose deals mix currencies has no value. */
static int
deal_board (LbCli     *cli,
            LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autofree char *default_currency = NULL;
  LbCliJsonStream *stream = NULL;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  totals = lb_store_stage_totals (cli->store, &error);
  if (totals == NULL)
    return lb_cli_fail (cli, error);
  default_currency = lb_settings_get (cli->store, LB_SETTING_CURRENCY, NULL);

  if (cli->json)
    stream = lb_cli_json_stream_begin ();
  else
    {
      const char *labels[] = { _("Pipeline"), _("Stage"), _("Deals"), _("Value") };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        lb_cli_print_field (labels[i], i + 1 == G_N_ELEMENTS (labels));
    }

  for (guint i = 0; i < totals->len; i++)
    {
      LbStageTotal *total = g_ptr_array_index (totals, i);
      /* An empty stage is worth nothing in the default currency. */
      const char *currency = total->n_deals > 0 ? total->currency : default_currency;
      g_autofree char *value = NULL;

      if (currency != NULL)
        value = lb_cli_format_money (total->value, currency);

      if (stream != NULL)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) node = NULL;

          json_builder_begin_object (builder);
          lb_cli_json_add_text (builder, "pipeline", total->pipeline);
          lb_cli_json_add_text (builder, "stage", total->stage);
          json_builder_set_member_name (builder, "deals");
          json_builder_add_int_value (builder, total->n_deals);
          lb_cli_json_add_text (builder, "value", value);
          lb_cli_json_add_text (builder, "currency", currency);
          json_builder_end_object (builder);
          node = json_builder_get_root (builder);
          lb_cli_json_stream_add (stream, node);
        }
      else
        {
          g_autofree char *n_deals = g_strdup_printf ("%" G_GINT64_FORMAT, total->n_deals);
          g_autofree char *shown = currency != NULL ? g_strdup_printf ("%s %s", value, currency)
                                                    : g_strdup (_("mixed currencies"));

          lb_cli_print_field (total->pipeline, FALSE);
          lb_cli_print_field (total->stage, FALSE);
          lb_cli_print_field (n_deals, FALSE);
          lb_cli_print_field (shown, TRUE);
        }
    }

  if (stream != NULL)
    lb_cli_json_stream_end (stream);

  return LB_CLI_EXIT_OK;
}

/* A Draft invoice from the deal's account, contact and lines; the
 * command's data is the invoice kind, which it prints. */
static int
deal_invoice (LbCli     *cli,
              LbCliArgs *args)
{
  return lb_cli_document_create_from (cli, args, lb_deal_create_invoice);
}

/* Adds a product line to a deal, its amounts read in the deal's
 * currency; prints the line's id, or the line with --json. */
static int
deal_line_add (LbCli     *cli,
               LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbDeal) deal = NULL;
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *currency = NULL;
  gint64 deal_id;
  gint64 line_id;
  int status;

  if (!lb_cli_args_param_id (cli, args, 0, &deal_id))
    return LB_CLI_EXIT_USAGE;
  if ((status = lb_cli_line_check_args (cli, args, TRUE)) != LB_CLI_EXIT_OK)
    return status;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  deal = lb_store_get_deal (cli->store, deal_id, &error);
  if (deal == NULL)
    return lb_cli_fail (cli, error);
  currency = g_strdup (lb_deal_get_text (deal, LB_DEAL_CURRENCY));
  if (currency == NULL)
    currency = lb_settings_get (cli->store, LB_SETTING_CURRENCY, NULL);
  if ((status = lb_cli_line_apply (cli, args, currency, line, TRUE)) != LB_CLI_EXIT_OK)
    return status;

  line_id = lb_deal_add_line (cli->store, deal_id, line, &error);
  if (line_id == 0)
    return lb_cli_fail (cli, error);

  if (!cli->json)
    {
      lb_cli_print ("%" G_GINT64_FORMAT "\n", line_id);
      return LB_CLI_EXIT_OK;
    }

  lines = lb_store_get_lines (cli->store, 0, deal_id, &error);
  if (lines == NULL)
    return lb_cli_fail (cli, error);
  for (guint i = 0; i < lines->len; i++)
    if (lb_line_get_id (g_ptr_array_index (lines, i)) == line_id)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autoptr(JsonNode) node = NULL;

        json_builder_begin_object (builder);
        build_deal_line_members (builder, deal_id, g_ptr_array_index (lines, i), currency);
        json_builder_end_object (builder);
        node = json_builder_get_root (builder);
        lb_cli_print_json (node);
      }

  return LB_CLI_EXIT_OK;
}

static int
deal_line_remove (LbCli     *cli,
                  LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  gint64 deal_id;
  gint64 line_id;

  if (!lb_cli_args_param_id (cli, args, 0, &deal_id) ||
      !lb_cli_args_param_id (cli, args, 1, &line_id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (!lb_deal_remove_line (cli->store, deal_id, line_id, &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_deal_commands[] = {
  { "deal", "add", NULL, 0, deal_field_tables,
    lb_cli_record_add, N_("Add a deal; prints its id."), &deal_kind },
  { "deal", "list", NULL, 0,
    (const LbCliOption *[]) { lb_cli_record_list_options, deal_filter_options, NULL },
    lb_cli_record_list, N_("List the deals by pipeline and stage, one per line."), &deal_kind },
  { "deal", "show", N_("ID"), 1, NULL,
    lb_cli_record_show, N_("Show every field of a deal."), &deal_kind },
  { "deal", "edit", N_("ID"), 1, deal_field_tables,
    lb_cli_record_edit,
    N_("Change the fields given, and only those; an empty value clears a field."),
    &deal_kind },
  { "deal", "delete", N_("ID"), 1, NULL,
    lb_cli_record_delete, N_("Move a deal to the trash."), &deal_kind },
  { "deal", "restore", N_("ID"), 1, NULL,
    lb_cli_record_restore, N_("Bring a deal back from the trash."), &deal_kind },
  { "deal", "purge", N_("ID"), 1, NULL,
    lb_cli_record_purge, N_("Delete a deal in the trash for good."), &deal_kind },
  { "deal", "board", NULL, 0, NULL,
    deal_board, N_("Count the open deals of every pipeline stage and total their value.") },
  { "deal", "invoice", N_("ID"), 1, NULL,
    deal_invoice,
    N_("Make a Draft invoice from a deal’s account, contact and lines; prints its id."),
    &lb_cli_invoice_kind },
  { "deal", "line add", N_("DEAL"), 1,
    (const LbCliOption *[]) { lb_cli_line_source_options, lb_cli_line_value_options, NULL },
    deal_line_add, N_("Add a product line to a deal; prints the line’s id.") },
  { "deal", "line remove", N_("DEAL LINE"), 2, NULL,
    deal_line_remove, N_("Remove a line from a deal.") },
  { NULL }
};
