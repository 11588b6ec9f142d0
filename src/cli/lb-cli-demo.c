#define G_LOG_DOMAIN "lb-cli-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "lb-cli.h"
#include "lb-demo.h"

static const LbCliOption demo_options[] = {
  { "leads", LB_CLI_COUNT, 0, NULL, N_("N"), N_("How many leads to add (default 200)") },
  { "invoices", LB_CLI_NUMBER, 0, NULL, N_("N"),
    N_("How many invoices to add, with demo accounts and products (default 0)") },
  { "seed", LB_CLI_NUMBER, 0, NULL, N_("N"),
    N_("Seed of the generator; the same seed makes the same data (default 1)") },
  { NULL }
};

/* callbacks */

static void
print_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Added %u of %u lead…",
                                                           "Added %u of %u leads…", total),
                                              done, total);

  g_printerr ("\r%s", message);
}

/* commands */

static int
demo (LbCli     *cli,
      LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  guint n_leads = lb_cli_args_number (args, "leads", 200);
  guint n_invoices = lb_cli_args_number (args, "invoices", 0);
  guint32 seed = lb_cli_args_number (args, "seed", 1);
  gboolean show_progress = isatty (STDERR_FILENO);
  gboolean done;

  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  done = lb_demo_add_leads (cli->store, n_leads, seed,
                            show_progress ? print_progress : NULL, NULL, &error);
  if (show_progress)
    g_printerr ("\n");
  if (!done)
    return lb_cli_fail (cli, error);
  if (n_invoices > 0 && !lb_demo_add_invoices (cli->store, n_invoices, seed, &error))
    return lb_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "leads");
      json_builder_add_int_value (builder, n_leads);
      json_builder_set_member_name (builder, "invoices");
      json_builder_add_int_value (builder, n_invoices);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      lb_cli_print_json (node);
    }
  else
    {
      lb_cli_print (g_dngettext (GETTEXT_PACKAGE, "Added %u demo lead.\n", "Added %u demo leads.\n",
                                 n_leads),
                    n_leads);
      if (n_invoices > 0)
        lb_cli_print (g_dngettext (GETTEXT_PACKAGE, "Added %u demo invoice.\n",
                                   "Added %u demo invoices.\n", n_invoices),
                      n_invoices);
    }

  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_demo_commands[] = {
  { "demo", NULL, NULL, 0,
    (const LbCliOption *[]) { demo_options, NULL },
    demo, N_("Add realistic generated leads, and invoices if asked, to try Leadbook out.") },
  { NULL }
};
