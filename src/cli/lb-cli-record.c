#define G_LOG_DOMAIN "lb-cli-record"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-crm-actions.h"

/* The commands that accounts, contacts and deals share: add, list,
 * show, edit, delete, restore and purge.  Each command's data is the
 * LbCliRecordKind that says which record type, fields, columns and
 * functions to use. */

/* options */

/* The filters of every record list; `contact list` and `deal list` add
 * their links and `deal list` the status (lb-cli-contact.c,
 * lb-cli-deal.c). */
const LbCliOption lb_cli_record_list_options[] = {
  { "search", LB_CLI_TEXT, 0, NULL, N_("TEXT"),
    N_("Only those with every word in their name, email, phone, city, TIN or linked names") },
  { "trash", LB_CLI_FLAG, 0, NULL, NULL, N_("The trash instead of the live records") },
  { NULL }
};

/* helpers */

static const LbCliRecordKind *
get_kind (LbCli *cli)
{
  g_assert (cli->command != NULL && cli->command->data != NULL);
  return cli->command->data;
}

/* Prints record @id as stored: the object with --json, else its id. */
static int
print_result (LbCli                 *cli,
              const LbCliRecordKind *kind,
              gint64                 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) record = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!cli->json)
    {
      lb_cli_print ("%" G_GINT64_FORMAT "\n", id);
      return LB_CLI_EXIT_OK;
    }

  record = kind->get (cli->store, id, &error);
  if (record == NULL)
    return lb_cli_fail (cli, error);
  node = lb_cli_record_to_json (record, kind->columns);
  lb_cli_print_json (node);

  return LB_CLI_EXIT_OK;
}

/* Sets the options given on the command line, and only those. */
static int
apply_options (LbCli                 *cli,
               const LbCliRecordKind *kind,
               LbCliArgs             *args,
               LbRecord              *record)
{
  for (guint i = 0; kind->field_options[i] != NULL; i++)
    lb_cli_apply_field_options (record, args, kind->field_options[i]);
  if (kind->apply != NULL)
    return kind->apply (cli, args, record);
  return LB_CLI_EXIT_OK;
}

/* Runs one of the trash actions on the record of the ID argument. */
static int
run_trash_action (LbCli      *cli,
                  LbCliArgs  *args,
                  gboolean  (*action) (LbStore     *store,
                                       const char  *kind,
                                       gint64       id,
                                       GError     **error))
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (!action (cli->store, get_kind (cli)->kind, id, &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

/* `add` (@creating) prints the new id, or the record with --json;
 * `edit ID` changes the options given and prints the record with
 * --json. */
static int
write_record (LbCli     *cli,
              LbCliArgs *args,
              gboolean   creating)
{
  const LbCliRecordKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) record = NULL;
  gint64 id = 0;
  int status;

  if (!creating)
    {
      if (!lb_cli_args_param_id (cli, args, 0, &id))
        return LB_CLI_EXIT_USAGE;
      if (lb_cli_args_count_options (cli, args) == 0)
        return lb_cli_usage_error (cli, _("Give at least one field to change."));
    }
  if (kind->check_args != NULL && (status = kind->check_args (cli, args, creating)) != LB_CLI_EXIT_OK)
    return status;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (creating)
    record = g_object_new (kind->get_type (), NULL);
  else if ((record = kind->get (cli->store, id, &error)) == NULL)
    return lb_cli_fail (cli, error);

  if ((status = apply_options (cli, kind, args, record)) != LB_CLI_EXIT_OK)
    return status;

  if (creating)
    id = kind->create (cli->store, record, &error);
  if (creating ? id == 0 : !kind->save (cli->store, record, &error))
    return lb_cli_fail (cli, error);

  if (creating || cli->json)
    return print_result (cli, kind, id);

  return LB_CLI_EXIT_OK;
}

/* public API: commands */

int
lb_cli_record_add (LbCli     *cli,
                   LbCliArgs *args)
{
  return write_record (cli, args, TRUE);
}

int
lb_cli_record_list (LbCli     *cli,
                    LbCliArgs *args)
{
  const LbCliRecordKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) records = NULL;
  LbCliJsonStream *stream = NULL;
  LbRecordFilter filter;
  const char *search;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  /* Only the filters of the command's tables can have been given. */
  lb_record_filter_init (&filter);
  search = lb_cli_args_text (args, "search");
  if (search != NULL && *search != '\0')
    filter.search = g_strdup (search);
  filter.trash = lb_cli_args_has (args, "trash");
  filter.account_id = lb_cli_args_number (args, "account", 0);
  filter.contact_id = lb_cli_args_number (args, "contact", 0);
  filter.status = lb_cli_args_enum (args, "status", -1);

  records = kind->list (cli->store, &filter, &error);
  lb_record_filter_clear (&filter);
  if (records == NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    stream = lb_cli_json_stream_begin ();
  else
    lb_cli_print_header (kind->list_columns);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(LbRecord) record = g_list_model_get_item (records, i);

      if (stream != NULL)
        {
          g_autoptr(JsonNode) node = lb_cli_record_to_json (record, kind->columns);
          lb_cli_json_stream_add (stream, node);
        }
      else
        lb_cli_print_row (record, kind->list_columns);
    }

  if (stream != NULL)
    lb_cli_json_stream_end (stream);

  return LB_CLI_EXIT_OK;
}

int
lb_cli_record_show (LbCli     *cli,
                    LbCliArgs *args)
{
  const LbCliRecordKind *kind = get_kind (cli);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) record = NULL;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  record = kind->get (cli->store, id, &error);
  if (record == NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      lb_cli_build_record_members (builder, record, kind->columns);
      if (kind->show_links != NULL && !kind->show_links (cli, record, builder, &error))
        return lb_cli_fail (cli, error);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      lb_cli_print_json (node);
      return LB_CLI_EXIT_OK;
    }

  lb_cli_print_record (record, kind->columns);
  if (kind->show_links != NULL && !kind->show_links (cli, record, NULL, &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

int
lb_cli_record_edit (LbCli     *cli,
                    LbCliArgs *args)
{
  return write_record (cli, args, FALSE);
}

int
lb_cli_record_delete (LbCli     *cli,
                      LbCliArgs *args)
{
  return run_trash_action (cli, args, lb_record_trash);
}

int
lb_cli_record_restore (LbCli     *cli,
                       LbCliArgs *args)
{
  return run_trash_action (cli, args, lb_record_restore);
}

int
lb_cli_record_purge (LbCli     *cli,
                     LbCliArgs *args)
{
  return run_trash_action (cli, args, lb_record_purge);
}

/* public API: names and links */

/* "First Middle Last", skipping the empty names. */
char *
lb_cli_dup_contact_name (LbRecord *contact)
{
  const LbContactText parts[] = { LB_CONTACT_FIRST_NAME, LB_CONTACT_MIDDLE_NAME,
                                  LB_CONTACT_LAST_NAME };
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = lb_record_get_text (contact, parts[i]);

      if (part != NULL)
        g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", part);
    }

  return g_string_free (name, FALSE);
}

/* The name of record @id of @kind ("account", "contact" or "deal") as
 * a link shows it, or NULL when there is no such record. */
char *
lb_cli_dup_record_name (LbStore    *store,
                        const char *kind,
                        gint64      id)
{
  g_autoptr(LbRecord) record = NULL;

  if (g_strcmp0 (kind, "contact") == 0)
    {
      record = LB_RECORD (lb_store_get_contact (store, id, NULL));
      return record != NULL ? lb_cli_dup_contact_name (record) : NULL;
    }

  if (g_strcmp0 (kind, "account") == 0)
    record = LB_RECORD (lb_store_get_account (store, id, NULL));
  else if (g_strcmp0 (kind, "deal") == 0)
    record = LB_RECORD (lb_store_get_deal (store, id, NULL));
  else
    g_return_val_if_reached (NULL);

  /* The name is the first text field of accounts and deals. */
  G_STATIC_ASSERT (LB_ACCOUNT_NAME == 0 && LB_DEAL_NAME == 0);
  return record != NULL ? g_strdup (lb_record_get_text (record, 0)) : NULL;
}

void
lb_cli_links_begin (JsonBuilder *builder,
                    const char  *key)
{
  if (builder == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
}

void
lb_cli_links_add (JsonBuilder *builder,
                  const char  *label,
                  gint64       id,
                  const char  *name_key,
                  const char  *name)
{
  if (builder == NULL)
    {
      if (name != NULL && *name != '\0')
        lb_cli_print ("%s: %" G_GINT64_FORMAT " (%s)\n", label, id, name);
      else
        lb_cli_print ("%s: %" G_GINT64_FORMAT "\n", label, id);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  lb_cli_json_add_text (builder, name_key, name != NULL && *name != '\0' ? name : NULL);
  json_builder_end_object (builder);
}

void
lb_cli_links_end (JsonBuilder *builder)
{
  if (builder != NULL)
    json_builder_end_array (builder);
}
