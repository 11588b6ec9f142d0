#define G_LOG_DOMAIN "lb-cli-io"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "lb-cli.h"
#include "lb-csv.h"
#include "lb-lead-import.h"

/* `import leads` and `export leads` (SPEC 3.9, 4; docs/cli.md). */

static const LbCliOption import_options[] = {
  { "on-duplicate", LB_CLI_ENUM, 0, lb_duplicate_policy_get_type, N_("skip|update"),
    N_("A row whose email or phone a lead already has: skip it (the default) or update "
       "that lead with the row’s non-empty cells") },
  { NULL }
};

/* callbacks */

static void
print_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  g_autofree char *message = g_strdup_printf (_("Read %u%% of the file…"),
                                             total > 0 ? (guint)(done * 100 / total) : 100);

  g_printerr ("\r%s", message);
}

/* helpers */

static void
print_import_json (LbImportResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, result->imported);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, result->updated);
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, result->skipped);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->errors->len; i++)
    {
      const LbImportIssue *issue = &g_array_index (result->errors, LbImportIssue, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, issue->line);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (result->unknown_columns->len > 0)
    {
      json_builder_set_member_name (builder, "unknown_columns");
      json_builder_begin_array (builder);
      for (guint i = 0; i < result->unknown_columns->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (result->unknown_columns, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  lb_cli_print_json (node);
}

static void
print_import_summary (LbImportResult *result)
{
  guint n_errors = result->errors->len;

  lb_cli_print (_("Imported %u, updated %u, skipped %u"),
                result->imported, result->updated, result->skipped);
  if (n_errors == 0)
    lb_cli_print (".\n");
  else
    lb_cli_print (g_dngettext (GETTEXT_PACKAGE, "; %u row with errors:\n",
                               "; %u rows with errors:\n", n_errors),
                  n_errors);

  for (guint i = 0; i < n_errors; i++)
    {
      const LbImportIssue *issue = &g_array_index (result->errors, LbImportIssue, i);

      lb_cli_print (_("line %u: %s\n"), issue->line, issue->message);
    }

  if (result->unknown_columns->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < result->unknown_columns->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                (char *)g_ptr_array_index (result->unknown_columns, i));
      lb_cli_print (_("Columns ignored (not lead fields): %s\n"), names->str);
    }
}

/* commands */

static int
import_leads (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  const char *path = lb_cli_args_param (args, 0);
  LbDuplicatePolicy duplicates = lb_cli_args_enum (args, "on-duplicate", LB_DUPLICATES_SKIP);
  gboolean show_progress = isatty (STDERR_FILENO);

  if (*path == '\0')
    return lb_cli_usage_error (cli, _("Give the CSV file to import."));

  /* A file that cannot be read at all is refused before the database
   * is opened (or made). */
  reader = lb_csv_reader_new (path, &error);
  if (reader == NULL)
    return lb_cli_fail (cli, error);
  g_clear_pointer (&reader, lb_csv_reader_free);

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  result = lb_import_leads (cli->store, path, duplicates, NULL,
                            show_progress ? print_progress : NULL, NULL, &error);
  if (show_progress)
    g_printerr ("\n");
  if (result == NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    print_import_json (result);
  else
    print_import_summary (result);

  return LB_CLI_EXIT_OK;
}

static int
export_leads (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLeadFilter) filter = NULL;
  const char *path = lb_cli_args_param (args, 0);
  guint n_written = 0;

  if (*path == '\0')
    return lb_cli_usage_error (cli, _("Give the CSV file to write."));
  filter = lb_cli_lead_filter_from_args (cli, args);
  if (filter == NULL)
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (!lb_export_leads (cli->store, filter, path, &n_written, NULL, &error))
    return lb_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "exported");
      json_builder_add_int_value (builder, n_written);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, path);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      lb_cli_print_json (node);
    }
  else
    lb_cli_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u lead to %s.\n",
                               "Exported %u leads to %s.\n", n_written),
                  n_written, path);

  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_import_commands[] = {
  { "import", "leads", N_("FILE.csv"), 1,
    (const LbCliOption *[]) { import_options, NULL },
    import_leads, N_("Import leads from a CSV file: one transaction; bad rows are reported "
                     "and skipped.") },
  { NULL }
};

const LbCliCommand lb_cli_export_commands[] = {
  { "export", "leads", N_("FILE.csv"), 1,
    (const LbCliOption *[]) { lb_cli_lead_filter_options, NULL },
    export_leads, N_("Write the leads that the filters of “lead list” select to a CSV "
                     "file, in their order.") },
  { NULL }
};
