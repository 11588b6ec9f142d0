#define G_LOG_DOMAIN "lb-cli-account"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-crm-actions.h"

/* options */

/* The fields of `account add` and `account edit`; field is the
 * LbAccountText. */
static const LbCliOption account_options[] = {
  { "name", LB_CLI_TEXT, LB_ACCOUNT_NAME, NULL, N_("NAME"),
    N_("Name, unique among the accounts ignoring case (required)") },
  { "industry", LB_CLI_TEXT, LB_ACCOUNT_INDUSTRY, NULL, N_("NAME"),
    N_("Industry, from the list of industries") },
  { "website", LB_CLI_TEXT, LB_ACCOUNT_WEBSITE, NULL, N_("URL"),
    N_("Website, http or https; a bare host gets https://") },
  { "tin", LB_CLI_TEXT, LB_ACCOUNT_TIN, NULL, N_("DIGITS"), N_("TIN: 9, 10 or 12 digits") },
  { "phone", LB_CLI_TEXT, LB_ACCOUNT_PHONE, NULL, N_("NUMBER"),
    N_("Phone number of 7 to 15 digits") },
  { "email", LB_CLI_TEXT, LB_ACCOUNT_EMAIL, NULL, N_("ADDRESS"), N_("Email address") },
  { "street", LB_CLI_TEXT, LB_ACCOUNT_STREET, NULL, N_("TEXT"), N_("Billing address: street") },
  { "city", LB_CLI_TEXT, LB_ACCOUNT_CITY, NULL, N_("TEXT"), N_("Billing address: city") },
  { "postal-code", LB_CLI_TEXT, LB_ACCOUNT_POSTAL_CODE, NULL, N_("TEXT"),
    N_("Billing address: postal code") },
  { "region", LB_CLI_TEXT, LB_ACCOUNT_REGION, NULL, N_("TEXT"), N_("Billing address: region") },
  { "country", LB_CLI_TEXT, LB_ACCOUNT_COUNTRY, NULL, N_("TEXT"),
    N_("Billing address: country") },
  { "notes", LB_CLI_TEXT, LB_ACCOUNT_NOTES, NULL, N_("TEXT"), N_("Notes") },
  { NULL }
};

static const LbCliOption *account_field_tables[] = { account_options, NULL };

/* columns */

/* Every field, in the order `account show` prints them. */
static const LbCliColumn account_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_ACCOUNT_ID, 0, N_("ID") },
  { "name", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_NAME, 0, N_("Name") },
  { "industry", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_INDUSTRY, 0, N_("Industry") },
  { "website", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_WEBSITE, 0, N_("Website") },
  { "tin", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_TIN, 0, N_("TIN") },
  { "phone", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_PHONE, 0, N_("Phone") },
  { "email", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_EMAIL, 0, N_("Email") },
  { "street", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_STREET, 0, N_("Street") },
  { "city", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_CITY, 0, N_("City") },
  { "postal_code", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_POSTAL_CODE, 0, N_("Postal code") },
  { "region", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_REGION, 0, N_("Region") },
  { "country", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_COUNTRY, 0, N_("Country") },
  { "notes", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_NOTES, 0, N_("Notes") },
  { "lead_id", LB_CLI_COLUMN_LINK, LB_ACCOUNT_LEAD_ID, 0, N_("Created from lead") },
  { "created_at", LB_CLI_COLUMN_TIME, LB_ACCOUNT_CREATED_AT, 0, N_("Created") },
  { "updated_at", LB_CLI_COLUMN_TIME, LB_ACCOUNT_UPDATED_AT, 0, N_("Updated") },
  { "deleted_at", LB_CLI_COLUMN_TIME, LB_ACCOUNT_DELETED_AT, 0, N_("In the trash since") },
  { NULL }
};

static const LbCliColumn account_list_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_ACCOUNT_ID, 0, N_("ID") },
  { "name", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_NAME, 0, N_("Name") },
  { "industry", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_INDUSTRY, 0, N_("Industry") },
  { "city", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_CITY, 0, N_("City") },
  { "email", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_EMAIL, 0, N_("Email") },
  { "phone", LB_CLI_COLUMN_TEXT, LB_ACCOUNT_PHONE, 0, N_("Phone") },
  { NULL }
};

/* helpers */

static int
account_check_args (LbCli     *cli,
                    LbCliArgs *args,
                    gboolean   creating)
{
  if (creating && !lb_cli_args_has (args, "name"))
    return lb_cli_usage_error (cli, _("Give the account’s name with --name NAME."));
  return LB_CLI_EXIT_OK;
}

static void
add_lead_id (GArray *ids,
             gint64  id)
{
  if (id == 0)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* The account's contacts and deals (outside the trash), and the leads
 * whose conversion created or linked it.  A conversion links the
 * account to the contact (and deal) it creates, and each of those keeps
 * its lead, so the leads are found through them and the account's own
 * lead, and kept when the lead names this account as converted to. */
static gboolean
account_show_links (LbCli        *cli,
                    LbRecord     *account,
                    JsonBuilder  *builder,
                    GError      **error)
{
  gint64 id = lb_record_get_int (account, LB_ACCOUNT_ID);
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) deals = NULL;
  g_autoptr(GArray) lead_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  LbRecordFilter filter;

  lb_record_filter_init (&filter);
  filter.account_id = id;
  contacts = lb_store_list_contacts (cli->store, &filter, error);
  if (contacts == NULL)
    return FALSE;
  deals = lb_store_list_deals (cli->store, &filter, error);
  if (deals == NULL)
    return FALSE;

  add_lead_id (lead_ids, lb_record_get_int (account, LB_ACCOUNT_LEAD_ID));

  lb_cli_links_begin (builder, "contacts");
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(LbRecord) contact = g_list_model_get_item (contacts, i);
      g_autofree char *name = lb_cli_dup_contact_name (contact);

      lb_cli_links_add (builder, _("Contact"), lb_record_get_int (contact, LB_CONTACT_ID),
                        "name", name);
      add_lead_id (lead_ids, lb_record_get_int (contact, LB_CONTACT_LEAD_ID));
    }
  lb_cli_links_end (builder);

  lb_cli_links_begin (builder, "deals");
  for (guint i = 0; i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr(LbRecord) deal = g_list_model_get_item (deals, i);

      lb_cli_links_add (builder, _("Deal"), lb_record_get_int (deal, LB_DEAL_ID), "name",
                        lb_record_get_text (deal, LB_DEAL_NAME));
      add_lead_id (lead_ids, lb_record_get_int (deal, LB_DEAL_LEAD_ID));
    }
  lb_cli_links_end (builder);

  g_array_sort (lead_ids, compare_ids);
  lb_cli_links_begin (builder, "leads");
  for (guint i = 0; i < lead_ids->len; i++)
    {
      gint64 lead_id = g_array_index (lead_ids, gint64, i);
      g_autoptr(LbLead) lead = lb_store_get_lead (cli->store, lead_id, NULL);

      if (lead != NULL && lb_lead_get_int (lead, LB_LEAD_CONVERTED_ACCOUNT_ID) == id)
        lb_cli_links_add (builder, _("Lead"), lead_id, "title", lb_lead_get_title (lead));
    }
  lb_cli_links_end (builder);

  return TRUE;
}

static const LbCliRecordKind account_kind = {
  .kind = "account",
  .get_type = lb_account_get_type,
  .columns = account_columns,
  .list_columns = account_list_columns,
  .field_options = account_field_tables,
  .get = (LbCliGetFunc)lb_store_get_account,
  .list = lb_store_list_accounts,
  .create = (LbCliCreateFunc)lb_account_create,
  .save = (LbCliSaveFunc)lb_account_save,
  .check_args = account_check_args,
  .show_links = account_show_links,
};

/* commands */

const LbCliCommand lb_cli_account_commands[] = {
  { "account", "add", NULL, 0, account_field_tables,
    lb_cli_record_add, N_("Add an account; prints its id."), &account_kind },
  { "account", "list", NULL, 0, (const LbCliOption *[]) { lb_cli_record_list_options, NULL },
    lb_cli_record_list, N_("List the accounts by name, one per line."), &account_kind },
  { "account", "show", N_("ID"), 1, NULL,
    lb_cli_record_show, N_("Show every field of an account, its contacts, deals and leads."),
    &account_kind },
  { "account", "edit", N_("ID"), 1, account_field_tables,
    lb_cli_record_edit,
    N_("Change the fields given, and only those; an empty value clears a field."),
    &account_kind },
  { "account", "delete", N_("ID"), 1, NULL,
    lb_cli_record_delete, N_("Move an account to the trash."), &account_kind },
  { "account", "restore", N_("ID"), 1, NULL,
    lb_cli_record_restore, N_("Bring an account back from the trash."), &account_kind },
  { "account", "purge", N_("ID"), 1, NULL,
    lb_cli_record_purge, N_("Delete an account in the trash for good."), &account_kind },
  { NULL }
};
