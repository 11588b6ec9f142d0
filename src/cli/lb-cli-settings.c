#define G_LOG_DOMAIN "lb-cli-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-settings.h"

/* helpers */

static JsonNode *
setting_to_json (const char *key,
                 const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "value");
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, lb_settings_describe (key));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* commands */

static int
settings_get (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  const char *key = lb_cli_args_param (args, 0);

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  value = lb_settings_get (cli->store, key, &error);
  if (error != NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = setting_to_json (key, value);
      lb_cli_print_json (node);
    }
  else if (value != NULL)
    lb_cli_print ("%s\n", value);

  return LB_CLI_EXIT_OK;
}

static int
settings_set (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (!lb_settings_set (cli->store, lb_cli_args_param (args, 0), lb_cli_args_param (args, 1),
                        &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

static int
settings_list (LbCli     *cli,
               LbCliArgs *args)
{
  const char * const *keys = lb_settings_keys ();
  LbCliJsonStream *stream = NULL;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (cli->json)
    stream = lb_cli_json_stream_begin ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = lb_settings_get (cli->store, keys[i], NULL);

      if (stream != NULL)
        {
          g_autoptr(JsonNode) node = setting_to_json (keys[i], value);
          lb_cli_json_stream_add (stream, node);
        }
      else
        {
          lb_cli_print_field (keys[i], FALSE);
          lb_cli_print_field (value, FALSE);
          lb_cli_print_field (lb_settings_describe (keys[i]), TRUE);
        }
    }

  if (stream != NULL)
    lb_cli_json_stream_end (stream);

  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_settings_commands[] = {
  { "settings", "get", N_("KEY"), 1, NULL,
    settings_get, N_("Print a setting’s value; nothing when it is unset.") },
  { "settings", "set", N_("KEY VALUE"), 2, NULL,
    settings_set, N_("Change a setting; an empty VALUE unsets it.") },
  { "settings", "list", NULL, 0, NULL,
    settings_list, N_("List every setting: key, value and description, tab-separated.") },
  { NULL }
};
