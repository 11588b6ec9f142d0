#define G_LOG_DOMAIN "lb-cli-db"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"

/* commands */

static int
db_check (LbCli     *cli,
          LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gboolean sound;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  sound = lb_store_check (cli->store, &report, &error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;
      g_auto(GStrv) lines = g_strsplit (report != NULL ? report : "", "\n", -1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, sound);
      json_builder_set_member_name (builder, "report");
      json_builder_begin_array (builder);
      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          json_builder_add_string_value (builder, lines[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      lb_cli_print_json (node);
    }
  else if (report != NULL)
    lb_cli_print ("%s", report);

  if (!sound)
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

static int
db_backup (LbCli     *cli,
           LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  const char *dest = lb_cli_args_param (args, 0);

  if (*dest == '\0')
    return lb_cli_usage_error (cli, _("Give the path of the backup file."));
  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    return lb_cli_refuse (cli, _("“%s” already exists. Choose a new file name; "
                                 "a backup never overwrites a file."), dest);
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (!lb_store_backup_to (cli->store, dest, &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_db_commands[] = {
  { "db", "check", NULL, 0, NULL,
    db_check, N_("Check the database’s integrity and foreign keys; exit 1 when not sound.") },
  { "db", "backup", N_("FILE"), 1, NULL,
    db_backup, N_("Copy the database to a new FILE.") },
  { NULL }
};
