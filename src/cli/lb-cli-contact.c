#define G_LOG_DOMAIN "lb-cli-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-crm-actions.h"

/* options */

/* A contact's names, email and phone: `contact add`, `contact edit`
 * and the contact step of `lead convert`.  field is the LbContactText. */
const LbCliOption lb_cli_contact_person_options[] = {
  { "first-name", LB_CLI_TEXT, LB_CONTACT_FIRST_NAME, NULL, N_("NAME"), N_("First name") },
  { "middle-name", LB_CLI_TEXT, LB_CONTACT_MIDDLE_NAME, NULL, N_("NAME"), N_("Middle name") },
  { "last-name", LB_CLI_TEXT, LB_CONTACT_LAST_NAME, NULL, N_("NAME"), N_("Last name") },
  { "email", LB_CLI_TEXT, LB_CONTACT_EMAIL, NULL, N_("ADDRESS"), N_("Email address") },
  { "phone", LB_CLI_TEXT, LB_CONTACT_PHONE, NULL, N_("NUMBER"),
    N_("Phone number of 7 to 15 digits") },
  { NULL }
};

/* The other fields of `contact add` and `contact edit`. */
static const LbCliOption contact_options[] = {
  { "account", LB_CLI_ID, LB_CONTACT_ACCOUNT_ID, NULL, N_("ID"),
    N_("The account the contact works for (0: none)") },
  { "street", LB_CLI_TEXT, LB_CONTACT_STREET, NULL, N_("TEXT"), N_("Street") },
  { "city", LB_CLI_TEXT, LB_CONTACT_CITY, NULL, N_("TEXT"), N_("City") },
  { "postal-code", LB_CLI_TEXT, LB_CONTACT_POSTAL_CODE, NULL, N_("TEXT"), N_("Postal code") },
  { "region", LB_CLI_TEXT, LB_CONTACT_REGION, NULL, N_("TEXT"), N_("Region") },
  { "country", LB_CLI_TEXT, LB_CONTACT_COUNTRY, NULL, N_("TEXT"), N_("Country") },
  { "notes", LB_CLI_TEXT, LB_CONTACT_NOTES, NULL, N_("TEXT"), N_("Notes") },
  { NULL }
};

static const LbCliOption *contact_field_tables[] = {
  lb_cli_contact_person_options, contact_options, NULL
};

static const LbCliOption contact_filter_options[] = {
  { "account", LB_CLI_ID, 0, NULL, N_("ID"), N_("Only the contacts of this account") },
  { NULL }
};

/* columns */

/* Every field, in the order `contact show` prints them. */
static const LbCliColumn contact_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_CONTACT_ID, 0, N_("ID") },
  { "first_name", LB_CLI_COLUMN_TEXT, LB_CONTACT_FIRST_NAME, 0, N_("First name") },
  { "middle_name", LB_CLI_COLUMN_TEXT, LB_CONTACT_MIDDLE_NAME, 0, N_("Middle name") },
  { "last_name", LB_CLI_COLUMN_TEXT, LB_CONTACT_LAST_NAME, 0, N_("Last name") },
  { "email", LB_CLI_COLUMN_TEXT, LB_CONTACT_EMAIL, 0, N_("Email") },
  { "phone", LB_CLI_COLUMN_TEXT, LB_CONTACT_PHONE, 0, N_("Phone") },
  { "account_id", LB_CLI_COLUMN_NAMED_LINK, LB_CONTACT_ACCOUNT_ID, LB_CONTACT_ACCOUNT_NAME,
    N_("Account") },
  { "account_name", LB_CLI_COLUMN_TEXT, LB_CONTACT_ACCOUNT_NAME, 0, NULL },
  { "street", LB_CLI_COLUMN_TEXT, LB_CONTACT_STREET, 0, N_("Street") },
  { "city", LB_CLI_COLUMN_TEXT, LB_CONTACT_CITY, 0, N_("City") },
  { "postal_code", LB_CLI_COLUMN_TEXT, LB_CONTACT_POSTAL_CODE, 0, N_("Postal code") },
  { "region", LB_CLI_COLUMN_TEXT, LB_CONTACT_REGION, 0, N_("Region") },
  { "country", LB_CLI_COLUMN_TEXT, LB_CONTACT_COUNTRY, 0, N_("Country") },
  { "notes", LB_CLI_COLUMN_TEXT, LB_CONTACT_NOTES, 0, N_("Notes") },
  { "lead_id", LB_CLI_COLUMN_LINK, LB_CONTACT_LEAD_ID, 0, N_("Created from lead") },
  { "created_at", LB_CLI_COLUMN_TIME, LB_CONTACT_CREATED_AT, 0, N_("Created") },
  { "updated_at", LB_CLI_COLUMN_TIME, LB_CONTACT_UPDATED_AT, 0, N_("Updated") },
  { "deleted_at", LB_CLI_COLUMN_TIME, LB_CONTACT_DELETED_AT, 0, N_("In the trash since") },
  { NULL }
};

static const LbCliColumn contact_list_columns[] = {
  { "id", LB_CLI_COLUMN_ID, LB_CONTACT_ID, 0, N_("ID") },
  { "first_name", LB_CLI_COLUMN_TEXT, LB_CONTACT_FIRST_NAME, 0, N_("First name") },
  { "last_name", LB_CLI_COLUMN_TEXT, LB_CONTACT_LAST_NAME, 0, N_("Last name") },
  { "account_name", LB_CLI_COLUMN_TEXT, LB_CONTACT_ACCOUNT_NAME, 0, N_("Account") },
  { "email", LB_CLI_COLUMN_TEXT, LB_CONTACT_EMAIL, 0, N_("Email") },
  { "phone", LB_CLI_COLUMN_TEXT, LB_CONTACT_PHONE, 0, N_("Phone") },
  { NULL }
};

/* helpers */

static int
contact_check_args (LbCli     *cli,
                    LbCliArgs *args,
                    gboolean   creating)
{
  if (creating && !lb_cli_args_has (args, "first-name") && !lb_cli_args_has (args, "last-name"))
    return lb_cli_usage_error (cli, _("Give the contact’s name with --first-name, --last-name "
                                      "or both."));
  return LB_CLI_EXIT_OK;
}

static const LbCliRecordKind contact_kind = {
  .kind = "contact",
  .get_type = lb_contact_get_type,
  .columns = contact_columns,
  .list_columns = contact_list_columns,
  .field_options = contact_field_tables,
  .get = (LbCliGetFunc)lb_store_get_contact,
  .list = lb_store_list_contacts,
  .create = (LbCliCreateFunc)lb_contact_create,
  .save = (LbCliSaveFunc)lb_contact_save,
  .check_args = contact_check_args,
};

/* commands */

const LbCliCommand lb_cli_contact_commands[] = {
  { "contact", "add", NULL, 0,
    contact_field_tables,
    lb_cli_record_add, N_("Add a contact; prints its id."), &contact_kind },
  { "contact", "list", NULL, 0,
    (const LbCliOption *[]) { lb_cli_record_list_options, contact_filter_options, NULL },
    lb_cli_record_list, N_("List the contacts by last name, one per line."), &contact_kind },
  { "contact", "show", N_("ID"), 1, NULL,
    lb_cli_record_show, N_("Show every field of a contact."), &contact_kind },
  { "contact", "edit", N_("ID"), 1,
    contact_field_tables,
    lb_cli_record_edit,
    N_("Change the fields given, and only those; an empty value clears a field."),
    &contact_kind },
  { "contact", "delete", N_("ID"), 1, NULL,
    lb_cli_record_delete, N_("Move a contact to the trash."), &contact_kind },
  { "contact", "restore", N_("ID"), 1, NULL,
    lb_cli_record_restore, N_("Bring a contact back from the trash."), &contact_kind },
  { "contact", "purge", N_("ID"), 1, NULL,
    lb_cli_record_purge, N_("Delete a contact in the trash for good."), &contact_kind },
  { NULL }
};
