#define G_LOG_DOMAIN "lb-cli-pipeline"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-crm-actions.h"

/* Pipelines and their ordered stages: reference data named by their
 * names, matched ignoring case. */

/* commands */

static int
pipeline_list (LbCli     *cli,
               LbCliArgs *args)
{
  g_auto(GStrv) pipelines = NULL;
  LbCliJsonStream *stream = NULL;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  pipelines = lb_store_list_pipelines (cli->store);
  if (cli->json)
    stream = lb_cli_json_stream_begin ();

  for (guint i = 0; pipelines[i] != NULL; i++)
    {
      g_auto(GStrv) stages = lb_store_list_stages (cli->store, pipelines[i]);

      if (stream != NULL)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) node = NULL;

          json_builder_begin_object (builder);
          lb_cli_json_add_text (builder, "name", pipelines[i]);
          json_builder_set_member_name (builder, "stages");
          json_builder_begin_array (builder);
          for (guint s = 0; stages[s] != NULL; s++)
            json_builder_add_string_value (builder, stages[s]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          node = json_builder_get_root (builder);
          lb_cli_json_stream_add (stream, node);
        }
      else
        {
          lb_cli_print_field (pipelines[i], stages[0] == NULL);
          for (guint s = 0; stages[s] != NULL; s++)
            lb_cli_print_field (stages[s], stages[s + 1] == NULL);
        }
    }

  if (stream != NULL)
    lb_cli_json_stream_end (stream);

  return LB_CLI_EXIT_OK;
}

/* Every change: the command's verb says which, its arguments are the
 * pipeline and then the stage or names. */
static int
pipeline_change (LbCli     *cli,
                 LbCliArgs *args)
{
  const char *verb = cli->command->verb;
  const char *pipeline = lb_cli_args_param (args, 0);
  g_autoptr(GError) error = NULL;
  guint64 position = 0;
  gboolean done;

  /* POSITION counts from 1; past the end moves the stage last. */
  if (g_str_equal (verb, "stage move") &&
      !g_ascii_string_to_unsigned (lb_cli_args_param (args, 2), 10, 1, G_MAXUINT, &position, NULL))
    return lb_cli_usage_error (cli, _("“%s” is not a position. Use a whole number of at least 1 "
                                      "(1 is the first stage)."), lb_cli_args_param (args, 2));
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (g_str_equal (verb, "add"))
    done = lb_pipeline_add (cli->store, pipeline, &error);
  else if (g_str_equal (verb, "rename"))
    done = lb_pipeline_rename (cli->store, pipeline, lb_cli_args_param (args, 1), &error);
  else if (g_str_equal (verb, "remove"))
    done = lb_pipeline_remove (cli->store, pipeline, &error);
  else if (g_str_equal (verb, "stage add"))
    done = lb_stage_add (cli->store, pipeline, lb_cli_args_param (args, 1), &error);
  else if (g_str_equal (verb, "stage rename"))
    done = lb_stage_rename (cli->store, pipeline, lb_cli_args_param (args, 1),
                            lb_cli_args_param (args, 2), &error);
  else if (g_str_equal (verb, "stage remove"))
    done = lb_stage_remove (cli->store, pipeline, lb_cli_args_param (args, 1), &error);
  else if (g_str_equal (verb, "stage move"))
    done = lb_stage_move (cli->store, pipeline, lb_cli_args_param (args, 1), position - 1, &error);
  else
    g_assert_not_reached ();

  if (!done)
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_pipeline_commands[] = {
  { "pipeline", "list", NULL, 0, NULL,
    pipeline_list, N_("List the pipelines, each with its stages in order.") },
  { "pipeline", "add", N_("NAME"), 1, NULL,
    pipeline_change, N_("Add a pipeline; give it stages with “pipeline stage add”.") },
  { "pipeline", "rename", N_("OLD NEW"), 2, NULL,
    pipeline_change, N_("Rename a pipeline; its deals follow.") },
  { "pipeline", "remove", N_("NAME"), 1, NULL,
    pipeline_change, N_("Remove a pipeline that no deal uses, with its stages.") },
  { "pipeline", "stage add", N_("PIPELINE NAME"), 2, NULL,
    pipeline_change, N_("Add a stage at the end of a pipeline.") },
  { "pipeline", "stage rename", N_("PIPELINE OLD NEW"), 3, NULL,
    pipeline_change, N_("Rename a stage; its deals follow.") },
  { "pipeline", "stage remove", N_("PIPELINE NAME"), 2, NULL,
    pipeline_change, N_("Remove a stage that no deal uses.") },
  { "pipeline", "stage move", N_("PIPELINE NAME POSITION"), 3, NULL,
    pipeline_change, N_("Move a stage to a position in its pipeline (1 is the first).") },
  { NULL }
};
