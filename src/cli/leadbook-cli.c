#define G_LOG_DOMAIN "leadbook-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"

/* Every noun's commands; a new noun adds its table here. */
static const LbCliCommand * const nouns[] = {
  lb_cli_lead_commands,
  lb_cli_account_commands,
  lb_cli_contact_commands,
  lb_cli_deal_commands,
  lb_cli_pipeline_commands,
  lb_cli_product_commands,
  lb_cli_order_commands,
  lb_cli_invoice_commands,
  lb_cli_import_commands,
  lb_cli_export_commands,
  lb_cli_settings_commands,
  lb_cli_ref_commands,
  lb_cli_db_commands,
  lb_cli_demo_commands,
};

/* helpers */

static void
print_help (void)
{
  lb_cli_print ("%s leadbook-cli [--db %s] [--json] %s\n\n%s\n\n%s\n", _("Usage:"), _("PATH"),
                _("COMMAND…"), _("Leadbook from the command line: scripting, batch work, "
                                 "benchmarks."),
                _("Commands:"));

  for (guint n = 0; n < G_N_ELEMENTS (nouns); n++)
    for (const LbCliCommand *c = nouns[n]; c->noun != NULL; c++)
      {
        g_autofree char *synopsis = lb_cli_dup_synopsis (c);

        lb_cli_print ("  %s\n      %s\n", synopsis, _(c->summary));
      }

  lb_cli_print ("\n%s\n", _("Options:"));
  lb_cli_print_global_options ();
  lb_cli_print ("\n%s\n", _("Run “leadbook-cli COMMAND --help” to see a command’s options. "
                            "Exit status: 0 done, 1 refused (the message says why), "
                            "2 usage error."));
}

/* How many words of @argv (the words after the noun) name @verb, which
 * may have several ("stage add"); 0 when they do not. */
static int
match_verb (const char  *verb,
            int          argc,
            char       **argv)
{
  g_auto(GStrv) words = g_strsplit (verb, " ", -1);
  int n = g_strv_length (words);

  if (n > argc)
    return 0;
  for (int i = 0; i < n; i++)
    if (g_strcmp0 (words[i], argv[i]) != 0)
      return 0;

  return n;
}

/* The verbs of @table that start with the word @first, without it
 * ("add" for "stage add"), or all verbs when @first is NULL; NULL when
 * there are none. */
static char *
dup_verbs (const LbCliCommand *table,
           const char         *first)
{
  g_autoptr(GString) verbs = g_string_new (NULL);
  gsize len = first != NULL ? strlen (first) : 0;

  for (const LbCliCommand *c = table; c->noun != NULL; c++)
    {
      if (first != NULL && (strncmp (c->verb, first, len) != 0 || c->verb[len] != ' '))
        continue;
      g_string_append_printf (verbs, "%s%s", verbs->len > 0 ? ", " : "",
                              first != NULL ? c->verb + len + 1 : c->verb);
    }

  if (verbs->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&verbs), FALSE);
}

/* Finds the command named by argv[0] (and its verb, the next words);
 * sets *@n_words to how many words name it.  Returns NULL after
 * printing a usage error. */
static const LbCliCommand *
find_command (LbCli  *cli,
              int     argc,
              char  **argv,
              int    *n_words)
{
  const LbCliCommand *table = NULL;
  g_autofree char *verbs = NULL;
  g_autofree char *sub_verbs = NULL;

  for (guint n = 0; n < G_N_ELEMENTS (nouns) && table == NULL; n++)
    if (g_strcmp0 (nouns[n][0].noun, argv[0]) == 0)
      table = nouns[n];

  if (table == NULL)
    {
      lb_cli_usage_error (cli, _("Unknown command “%s”."), argv[0]);
      return NULL;
    }

  if (table[0].verb == NULL)
    {
      *n_words = 1;
      return &table[0];
    }

  for (const LbCliCommand *c = table; c->noun != NULL; c++)
    {
      int n = match_verb (c->verb, argc - 1, argv + 1);

      if (n > 0)
        {
          *n_words = 1 + n;
          return c;
        }
    }

  verbs = dup_verbs (table, NULL);
  if (argc > 1 && (sub_verbs = dup_verbs (table, argv[1])) != NULL)
    {
      if (argc > 2)
        lb_cli_usage_error (cli, _("“%s %s” has no command “%s”. Its commands are: %s."),
                            argv[0], argv[1], argv[2], sub_verbs);
      else
        lb_cli_usage_error (cli, _("Say what to do with “%s %s”: %s."), argv[0], argv[1],
                            sub_verbs);
    }
  else if (argc > 1)
    lb_cli_usage_error (cli, _("“%s” has no command “%s”. Its commands are: %s."),
                        argv[0], argv[1], verbs);
  else
    lb_cli_usage_error (cli, _("Say what to do with “%s”: %s."), argv[0], verbs);

  return NULL;
}

int
main (int    argc,
      char **argv)
{
  LbCli cli = { 0 };
  const LbCliCommand *command;
  int exit_code = LB_CLI_EXIT_OK;
  int first;
  int n_words = 0;
  gboolean help = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("leadbook-cli");

  first = lb_cli_parse_global (&cli, argc - 1, argv + 1, &help, &exit_code);
  if (first < 0)
    {
      if (help)
        print_help ();
      goto out;
    }
  first++;

  if (first >= argc)
    {
      exit_code = lb_cli_usage_error (&cli, _("Give a command."));
      goto out;
    }

  command = find_command (&cli, argc - first, argv + first, &n_words);
  if (command == NULL)
    {
      exit_code = LB_CLI_EXIT_USAGE;
      goto out;
    }

  exit_code = lb_cli_run_command (&cli, command, argc - first - n_words,
                                  argv + first + n_words);

out:
  lb_cli_clear (&cli);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("leadbook-cli: %s\n", _("Could not write the output."));
      if (exit_code == LB_CLI_EXIT_OK)
        exit_code = LB_CLI_EXIT_REFUSED;
    }

  return exit_code;
}
