#define G_LOG_DOMAIN "lb-cli-ref"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-enum-types.h"
#include "lb-money.h"
#include "lb-settings.h"

/* options */

static const LbCliOption ref_add_options[] = {
  { "rate", LB_CLI_DECIMAL, 0, NULL, N_("PCT"),
    N_("A tax rate’s percentage, at most 2 decimals (required for tax-rate)") },
  { NULL }
};

static const LbCliOption ref_set_rate_options[] = {
  { "update-products", LB_CLI_FLAG, 0, NULL, NULL,
    N_("Also give the products at the old percentage the new one") },
  { NULL }
};

static const LbCliOption *ref_add_tables[] = { ref_add_options, NULL };
static const LbCliOption *ref_set_rate_tables[] = { ref_set_rate_options, NULL };

/* helpers */

/* Reads the KIND argument: a nick of LbRefKind, with '-' or '_'.
 * Returns FALSE after printing a usage error. */
static gboolean
param_kind (LbCli     *cli,
            LbCliArgs *args,
            LbRefKind *kind)
{
  const char *text = lb_cli_args_param (args, 0);
  int value;

  if (!lb_enum_from_nick (LB_TYPE_REF_KIND, text, &value))
    {
      g_autoptr(GString) kinds = g_string_new (NULL);

      for (int k = 0; k < LB_REF_KIND_N_KINDS; k++)
        g_string_append_printf (kinds, "%s%s", k ? ", " : "", lb_enum_to_nick (LB_TYPE_REF_KIND, k));
      lb_cli_usage_error (cli, _("“%s” is not a reference list. The lists are: %s."),
                          text, kinds->str);
      return FALSE;
    }

  *kind = value;
  return TRUE;
}

/* Reads KIND and NAME, opens the store and finds that entry, ignoring
 * case.  Returns LB_CLI_EXIT_OK with *@item set, or the exit code after
 * printing why not. */
static int
lookup_item (LbCli      *cli,
             LbCliArgs  *args,
             LbRefItem **item)
{
  const char *name = lb_cli_args_param (args, 1);
  LbRefKind kind;

  if (!param_kind (cli, args, &kind))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  *item = lb_store_find_ref (cli->store, kind, name);
  if (*item == NULL)
    return lb_cli_refuse (cli, _("There is no “%s” in the list of %s."), name,
                          lb_ref_kind_to_label (kind));

  return LB_CLI_EXIT_OK;
}

/* commands */

static int
ref_list (LbCli     *cli,
          LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  LbCliJsonStream *stream = NULL;
  LbRefKind kind;

  if (!param_kind (cli, args, &kind))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  items = lb_store_list_refs (cli->store, kind, &error);
  if (items == NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    stream = lb_cli_json_stream_begin ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (items, i);

      if (stream != NULL)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) node = NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, lb_ref_item_get_id (item));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, lb_ref_item_get_name (item));
          json_builder_set_member_name (builder, "position");
          json_builder_add_int_value (builder, lb_ref_item_get_position (item));
          if (kind == LB_REF_TAX_RATE)
            {
              g_autofree char *rate = lb_percent_format (lb_ref_item_get_rate (item));

              json_builder_set_member_name (builder, "rate");
              json_builder_add_string_value (builder, rate);
            }
          json_builder_end_object (builder);
          node = json_builder_get_root (builder);
          lb_cli_json_stream_add (stream, node);
        }
      else if (kind == LB_REF_TAX_RATE)
        {
          g_autofree char *rate = lb_percent_format (lb_ref_item_get_rate (item));

          lb_cli_print_field (lb_ref_item_get_name (item), FALSE);
          lb_cli_print_field (rate, TRUE);
        }
      else
        lb_cli_print_field (lb_ref_item_get_name (item), TRUE);
    }

  if (stream != NULL)
    lb_cli_json_stream_end (stream);

  return LB_CLI_EXIT_OK;
}

static int
ref_add (LbCli     *cli,
         LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  LbRefKind kind;
  gint64 rate = 0;
  gint64 id;

  if (!param_kind (cli, args, &kind))
    return LB_CLI_EXIT_USAGE;
  if (kind == LB_REF_TAX_RATE && !lb_cli_args_has (args, "rate"))
    return lb_cli_usage_error (cli, _("A tax rate needs its percentage: add --rate PCT."));
  if (kind != LB_REF_TAX_RATE && lb_cli_args_has (args, "rate"))
    return lb_cli_usage_error (cli, _("Only a tax rate takes --rate."));
  if (kind == LB_REF_TAX_RATE && !lb_cli_args_percent (cli, args, "rate", &rate))
    return LB_CLI_EXIT_REFUSED;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (kind == LB_REF_TAX_RATE)
    id = lb_tax_rate_add (cli->store, lb_cli_args_param (args, 1), rate, &error);
  else
    id = lb_ref_add (cli->store, kind, lb_cli_args_param (args, 1), &error);
  if (id == 0)
    return lb_cli_fail (cli, error);

  lb_cli_print ("%" G_GINT64_FORMAT "\n", id);
  return LB_CLI_EXIT_OK;
}

static int
ref_rename (LbCli     *cli,
            LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRefItem) item = NULL;
  int status = lookup_item (cli, args, &item);

  if (status != LB_CLI_EXIT_OK)
    return status;
  if (!lb_ref_rename (cli->store, item, lb_cli_args_param (args, 2), &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

static int
ref_remove (LbCli     *cli,
            LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRefItem) item = NULL;
  int status = lookup_item (cli, args, &item);

  if (status != LB_CLI_EXIT_OK)
    return status;
  if (!lb_ref_remove (cli->store, item, &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

/* `ref set-rate tax-rate NAME PCT`: prints how many products changed
 * with --update-products, else nothing. */
static int
ref_set_rate (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRefItem) item = NULL;
  gboolean update = lb_cli_args_has (args, "update-products");
  const char *text = lb_cli_args_param (args, 2);
  gint64 rate;
  gint64 changed = 0;
  LbRefKind kind;
  int status;

  if (!param_kind (cli, args, &kind))
    return LB_CLI_EXIT_USAGE;
  if (kind != LB_REF_TAX_RATE)
    return lb_cli_usage_error (cli, _("Only a tax rate has a percentage; the kind is tax-rate."));
  if (!lb_percent_parse (text, &rate, &error))
    return lb_cli_refuse (cli, _("“%s” is not a percentage: %s"), text, error->message);

  status = lookup_item (cli, args, &item);
  if (status != LB_CLI_EXIT_OK)
    return status;
  if (!lb_tax_rate_set_rate (cli->store, item, rate, update, &changed, &error))
    return lb_cli_fail (cli, error);

  if (update)
    lb_cli_print ("%" G_GINT64_FORMAT "\n", changed);
  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_ref_commands[] = {
  { "ref", "list", N_("KIND"), 1, NULL,
    ref_list, N_("List the entries of a reference list, one per line (tax rates with their "
                 "percentage after a tab).") },
  { "ref", "add", N_("KIND NAME"), 2, ref_add_tables,
    ref_add, N_("Add an entry to a reference list; prints its id.") },
  { "ref", "set-rate", N_("tax-rate NAME PCT"), 3, ref_set_rate_tables,
    ref_set_rate, N_("Change a tax rate’s percentage; documents already written keep theirs.") },
  { "ref", "rename", N_("KIND OLD NEW"), 3, NULL,
    ref_rename, N_("Rename an entry; the records and settings using it follow.") },
  { "ref", "remove", N_("KIND NAME"), 2, NULL,
    ref_remove, N_("Remove an entry that no record and no setting uses.") },
  { NULL }
};
