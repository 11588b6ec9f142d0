#define G_LOG_DOMAIN "lb-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lb-cli.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-validate.h"

/* The parsed value of one option. */
typedef struct
{
  const LbCliOption *option;
  GPtrArray         *texts;    /* the values as given, in order */
  gint64             number;   /* ID, COUNT, NUMBER, ENUM: the last value */
  GDate              date;     /* DATE: the last value */
} LbCliValue;

struct _LbCliArgs
{
  GHashTable *values;    /* option name → LbCliValue */
  GPtrArray  *params;    /* positional arguments */
  gboolean    help;
};

struct _LbCliJsonStream
{
  JsonGenerator *generator;
  guint          n_items;
};

/* Options every command takes, after the command as well as before it. */
static const LbCliOption global_options[] = {
  { "db", LB_CLI_TEXT, 0, NULL, N_("PATH"),
    N_("The database file (default: $LEADBOOK_DB, else the per-user database)") },
  { "json", LB_CLI_FLAG, 0, NULL, NULL, N_("Write results as JSON") },
  { "help", LB_CLI_FLAG, 0, NULL, NULL, N_("Show this help") },
  { NULL }
};

/* Only before the command. */
static const LbCliOption version_option[] = {
  { "version", LB_CLI_FLAG, 0, NULL, NULL, N_("Show the version") },
  { NULL }
};

/* helpers */

static void
cli_value_free (gpointer data)
{
  LbCliValue *value = data;

  g_ptr_array_unref (value->texts);
  g_free (value);
}

static const LbCliOption *
find_option (const LbCliOption **tables,
             const char         *name,
             gsize               len)
{
  for (guint t = 0; tables[t] != NULL; t++)
    for (const LbCliOption *o = tables[t]; o->name != NULL; o++)
      if (strlen (o->name) == len && strncmp (o->name, name, len) == 0)
        return o;

  return NULL;
}

/* The option written "-@letter". */
static const LbCliOption *
find_short_option (const LbCliOption **tables,
                   char                letter)
{
  for (guint t = 0; tables[t] != NULL; t++)
    for (const LbCliOption *o = tables[t]; o->name != NULL; o++)
      if (o->short_name != 0 && o->short_name == letter)
        return o;

  return NULL;
}

static char *
dup_enum_choices (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GString) choices = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autofree char *nick = lb_cli_enum_to_json_nick (enum_type, klass->values[i].value);

      g_string_append_printf (choices, "%s%s", i ? ", " : "", nick);
    }

  return g_string_free (g_steal_pointer (&choices), FALSE);
}

/* Whether @text looks like an amount: an optional '-', digits, an
 * optional dot and decimals, with at least one digit.  Whether the
 * currency allows that many decimals (and the sign) is the money
 * module's rule, checked when the amount is read. */
static gboolean
is_decimal_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;

  return digits && *p == '\0';
}

/* Checks @text against the option's type and records it.  Returns FALSE
 * after printing a usage error. */
static gboolean
take_value (LbCli             *cli,
            LbCliArgs         *args,
            const LbCliOption *option,
            const char        *text)
{
  LbCliValue *value = g_hash_table_lookup (args->values, option->name);
  g_autoptr(GError) error = NULL;
  guint64 unsigned_number = 0;
  gint64 number = 0;
  GDate date;
  int enum_value = 0;

  g_date_clear (&date, 1);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      lb_cli_usage_error (cli, _("The value of --%s is not valid UTF-8 text."), option->name);
      return FALSE;
    }

  switch (option->type)
    {
    case LB_CLI_FLAG:
    case LB_CLI_TEXT:
    case LB_CLI_TEXTS:
      break;

    case LB_CLI_ID:
      if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &number, NULL))
        {
          lb_cli_usage_error (cli, _("“%s” is not an id for --%s. Use a whole number such as 42 "
                                     "(0 for none)."), text, option->name);
          return FALSE;
        }
      break;

    case LB_CLI_COUNT:
    case LB_CLI_NUMBER:
      if (!g_ascii_string_to_unsigned (text, 10, option->type == LB_CLI_COUNT ? 1 : 0,
                                       option->type == LB_CLI_COUNT ? G_MAXUINT : G_MAXUINT32,
                                       &unsigned_number, NULL))
        {
          lb_cli_usage_error (cli, option->type == LB_CLI_COUNT ?
                                   _("“%s” is not a valid number for --%s. Use a whole number "
                                     "of at least 1.") :
                                   _("“%s” is not a valid number for --%s. Use a whole number "
                                     "of 0 or more."),
                              text, option->name);
          return FALSE;
        }
      number = unsigned_number;
      break;

    case LB_CLI_DATE:
      /* empty: no date */
      if (*text != '\0' && !lb_parse_date (text, &date, &error))
        {
          lb_cli_usage_error (cli, "--%s: %s", option->name, error->message);
          return FALSE;
        }
      break;

    case LB_CLI_AMOUNT:
      if (!is_decimal_number (text))
        {
          lb_cli_usage_error (cli, _("“%s” is not an amount for --%s. Write a number with a dot "
                                     "for decimals, such as 1234.50."), text, option->name);
          return FALSE;
        }
      break;

    case LB_CLI_DECIMAL:
      if (!is_decimal_number (text))
        {
          lb_cli_usage_error (cli, _("“%s” is not a number for --%s. Write a number with a dot "
                                     "for decimals, such as 1.5."), text, option->name);
          return FALSE;
        }
      break;

    case LB_CLI_TAX_RATE:
      /* What starts like a number must be one; anything else is a name,
       * looked up when it is read. */
      if ((*text == '\0' || g_ascii_isdigit (*text) || *text == '-' || *text == '.' || *text == '+') &&
          !is_decimal_number (text))
        {
          lb_cli_usage_error (cli, _("“%s” is not a number for --%s. Write a number with a dot "
                                     "for decimals, such as 12.5, or the name of a tax rate."),
                              text, option->name);
          return FALSE;
        }
      break;

    case LB_CLI_ENUM:
      if (!lb_enum_from_nick (option->enum_type (), text, &enum_value))
        {
          g_autofree char *choices = dup_enum_choices (option->enum_type ());

          lb_cli_usage_error (cli, _("“%s” is not a valid value for --%s. Use one of: %s."),
                              text, option->name, choices);
          return FALSE;
        }
      number = enum_value;
      break;

    default:
      g_assert_not_reached ();
    }

  if (value == NULL)
    {
      value = g_new0 (LbCliValue, 1);
      value->option = option;
      value->texts = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (args->values, (gpointer)option->name, value);
    }
  g_ptr_array_add (value->texts, g_strdup (text != NULL ? text : ""));
  value->number = number;
  value->date = date;

  return TRUE;
}

/* Reads --options and positional arguments.  With @stop_at_param the
 * first positional argument ends the options (the global options before
 * the command); *@n_used tells how many were read.  Returns NULL after
 * printing a usage error. */
static LbCliArgs *
parse_args (LbCli              *cli,
            const LbCliOption **tables,
            int                 argc,
            char              **argv,
            gboolean            stop_at_param,
            int                *n_used)
{
  g_autoptr(LbCliArgs) args = g_new0 (LbCliArgs, 1);
  gboolean only_params = FALSE;
  int i;

  args->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, cli_value_free);
  args->params = g_ptr_array_new_with_free_func (g_free);

  for (i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      const LbCliOption *option;
      const char *name;
      const char *eq;
      const char *value = NULL;

      if (!only_params && strcmp (arg, "--") == 0)
        {
          only_params = TRUE;
          continue;
        }
      /* "-" alone and negative numbers are arguments, not options. */
      if (only_params || arg[0] != '-' || arg[1] == '\0' || g_ascii_isdigit (arg[1]))
        {
          if (stop_at_param)
            break;
          if (!g_utf8_validate (arg, -1, NULL))
            {
              lb_cli_usage_error (cli, _("An argument is not valid UTF-8 text."));
              return NULL;
            }
          g_ptr_array_add (args->params, g_strdup (arg));
          continue;
        }
      if (strcmp (arg, "-h") == 0)
        {
          args->help = TRUE;
          continue;
        }
      if (arg[1] != '-')
        {
          /* "-o VALUE": an option's one-letter name */
          option = arg[2] == '\0' ? find_short_option (tables, arg[1]) : NULL;
          if (option == NULL)
            {
              lb_cli_usage_error (cli, _("Unknown option “%s”."), arg);
              return NULL;
            }
          eq = NULL;
        }
      else
        {
          name = arg + 2;
          eq = strchr (name, '=');
          option = find_option (tables, name, eq != NULL ? (gsize)(eq - name) : strlen (name));
        }
      if (option == NULL)
        {
          g_autofree char *shown = g_strndup (arg, eq != NULL ? (gsize)(eq - arg) : strlen (arg));

          lb_cli_usage_error (cli, _("Unknown option “%s”."), shown);
          return NULL;
        }

      if (option->type == LB_CLI_FLAG)
        {
          if (eq != NULL)
            {
              lb_cli_usage_error (cli, _("The option --%s takes no value."), option->name);
              return NULL;
            }
        }
      else if (eq != NULL)
        value = eq + 1;
      else if (i + 1 < argc)
        value = argv[++i];
      else
        {
          lb_cli_usage_error (cli, _("The option --%s needs a value (%s)."),
                              option->name, _(option->value_name));
          return NULL;
        }

      if (!take_value (cli, args, option, value))
        return NULL;
    }

  if (lb_cli_args_has (args, "help"))
    args->help = TRUE;
  if (n_used != NULL)
    *n_used = i;

  return g_steal_pointer (&args);
}

/* Takes --db and --json, wherever they were given. */
static gboolean
apply_global_options (LbCli     *cli,
                      LbCliArgs *args)
{
  if (lb_cli_args_has (args, "db"))
    {
      const char *path = lb_cli_args_text (args, "db");

      if (*path == '\0')
        {
          lb_cli_usage_error (cli, _("The option --db needs the path of a database file."));
          return FALSE;
        }
      g_free (cli->db_path);
      cli->db_path = g_strdup (path);
    }
  if (lb_cli_args_has (args, "json"))
    cli->json = TRUE;

  return TRUE;
}

static void
print_option_table (const LbCliOption *table)
{
  for (const LbCliOption *o = table; o->name != NULL; o++)
    {
      g_autofree char *left = NULL;

      g_autofree char *short_form = o->short_name != 0 ? g_strdup_printf ("-%c, ", o->short_name)
                                                       : g_strdup ("");

      if (o->type == LB_CLI_FLAG)
        left = g_strdup_printf ("%s--%s", short_form, o->name);
      else
        left = g_strdup_printf ("%s--%s %s%s", short_form, o->name, _(o->value_name),
                                o->type == LB_CLI_TEXTS ? "…" : "");
      if (g_utf8_strlen (left, -1) > 24)
        lb_cli_print ("  %s\n  %-24s  %s\n", left, "", _(o->help));
      else
        lb_cli_print ("  %s%*s  %s\n", left, 24 - (int)g_utf8_strlen (left, -1), "",
                      _(o->help));
    }
}

/* running */

void
lb_cli_clear (LbCli *cli)
{
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_object (&cli->store);
  cli->command = NULL;
}

/* Parses the arguments of @command (the words after its verb), then runs
 * it.  Returns the exit code. */
int
lb_cli_run_command (LbCli              *cli,
                    const LbCliCommand *command,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autoptr(LbCliArgs) args = NULL;

  cli->command = command;

  for (guint i = 0; command->options != NULL && command->options[i] != NULL; i++)
    g_ptr_array_add (tables, (gpointer)command->options[i]);
  g_ptr_array_add (tables, (gpointer)global_options);
  g_ptr_array_add (tables, NULL);

  args = parse_args (cli, (const LbCliOption **)tables->pdata, argc, argv, FALSE, NULL);
  if (args == NULL)
    return LB_CLI_EXIT_USAGE;

  if (args->help)
    {
      lb_cli_print_command_help (command);
      return LB_CLI_EXIT_OK;
    }

  if (args->params->len != command->n_params)
    {
      if (command->n_params == 0)
        return lb_cli_usage_error (cli, _("Unexpected argument “%s”."),
                                   (char *)g_ptr_array_index (args->params, 0));
      return lb_cli_usage_error (cli, g_dngettext (GETTEXT_PACKAGE,
                                                   "Give %u argument: %s.",
                                                   "Give %u arguments: %s.",
                                                   command->n_params),
                                 command->n_params, _(command->params));
    }

  if (!apply_global_options (cli, args))
    return LB_CLI_EXIT_USAGE;

  return command->run (cli, args);
}

/* Reads the options before the command (--db, --json, --help,
 * --version).  Returns the index of the command's first word in @argv,
 * or -1 when the program should end with *@exit_code; *@help asks for
 * the program's help. */
int
lb_cli_parse_global (LbCli     *cli,
                     int        argc,
                     char     **argv,
                     gboolean  *help,
                     int       *exit_code)
{
  const LbCliOption *tables[] = { global_options, version_option, NULL };
  g_autoptr(LbCliArgs) args = NULL;
  int n_used = 0;

  *help = FALSE;
  *exit_code = LB_CLI_EXIT_USAGE;
  args = parse_args (cli, tables, argc, argv, TRUE, &n_used);
  if (args == NULL)
    return -1;

  if (lb_cli_args_has (args, "version"))
    {
      lb_cli_print ("leadbook-cli %s\n", PACKAGE_VERSION);
      *exit_code = LB_CLI_EXIT_OK;
      return -1;
    }
  if (args->help)
    {
      *help = TRUE;
      *exit_code = LB_CLI_EXIT_OK;
      return -1;
    }
  if (!apply_global_options (cli, args))
    return -1;

  *exit_code = LB_CLI_EXIT_OK;
  return n_used;
}

void
lb_cli_print_global_options (void)
{
  print_option_table (global_options);
  print_option_table (version_option);
}

/**
 * lb_cli_open_store:
 *
 * Opens the database of --db, $LEADBOOK_DB or the per-user default, and
 * takes the daily backup.  A database that cannot be opened is reported
 * with the file's name and its newest backup.
 *
 * Returns: (transfer none) (nullable): the store, or %NULL after the
 *   message; the command then exits with %LB_CLI_EXIT_REFUSED
 */
LbStore *
lb_cli_open_store (LbCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;

  if (cli->store != NULL)
    return cli->store;

  path = cli->db_path != NULL ? g_strdup (cli->db_path) : lb_store_default_path ();
  cli->store = lb_store_open (path, &error);
  if (cli->store == NULL)
    {
      g_autofree char *newest = lb_store_find_newest_backup (path);

      lb_cli_fail (cli, error);
      if (newest != NULL)
        g_printerr (_("leadbook-cli: The newest backup of it is “%s”; "
                      "use it with --db or copy it in place of the damaged file.\n"),
                    newest);
      return NULL;
    }

  backup = lb_store_daily_backup (cli->store, &error);
  if (error != NULL)
    lb_cli_warn (_("The daily backup failed: %s"), error->message);

  return cli->store;
}

char *
lb_cli_dup_synopsis (const LbCliCommand *command)
{
  GString *synopsis = g_string_new (command->noun);

  if (command->verb != NULL)
    g_string_append_printf (synopsis, " %s", command->verb);
  if (command->params != NULL)
    g_string_append_printf (synopsis, " %s", _(command->params));
  if (command->options != NULL)
    g_string_append_printf (synopsis, " [%s]", _("OPTION…"));

  return g_string_free (synopsis, FALSE);
}

void
lb_cli_print_command_help (const LbCliCommand *command)
{
  g_autofree char *synopsis = lb_cli_dup_synopsis (command);

  lb_cli_print ("%s leadbook-cli [--db %s] [--json] %s\n\n%s\n\n%s\n", _("Usage:"), _("PATH"),
                synopsis, _(command->summary), _("Options:"));
  for (guint i = 0; command->options != NULL && command->options[i] != NULL; i++)
    print_option_table (command->options[i]);
  print_option_table (global_options);
}

/* messages */

int
lb_cli_fail (LbCli        *cli,
             const GError *error)
{
  g_printerr ("leadbook-cli: %s\n", error->message);
  return LB_CLI_EXIT_REFUSED;
}

static void
print_error (const char *label,
             const char *format,
             va_list     ap)
{
  g_autofree char *message = g_strdup_vprintf (format, ap);

  g_printerr ("leadbook-cli: %s%s%s\n", label ? label : "", label ? " " : "", message);
}

int
lb_cli_refuse (LbCli      *cli,
               const char *format,
               ...)
{
  va_list ap;

  va_start (ap, format);
  print_error (NULL, format, ap);
  va_end (ap);

  return LB_CLI_EXIT_REFUSED;
}

int
lb_cli_usage_error (LbCli      *cli,
                    const char *format,
                    ...)
{
  va_list ap;

  va_start (ap, format);
  print_error (NULL, format, ap);
  va_end (ap);

  if (cli->command != NULL)
    {
      g_autofree char *synopsis = lb_cli_dup_synopsis (cli->command);
      g_autofree char *name = g_strjoin (" ", cli->command->noun, cli->command->verb, NULL);

      g_printerr ("%s leadbook-cli %s\n", _("Usage:"), synopsis);
      g_printerr (_("Run “leadbook-cli %s --help” to see its options.\n"), name);
    }
  else
    g_printerr (_("Run “leadbook-cli --help” to see the commands.\n"));

  return LB_CLI_EXIT_USAGE;
}

void
lb_cli_warn (const char *format,
             ...)
{
  va_list ap;

  va_start (ap, format);
  print_error (_("warning:"), format, ap);
  va_end (ap);
}

/* parsed arguments */

void
lb_cli_args_free (LbCliArgs *args)
{
  if (args == NULL)
    return;

  g_clear_pointer (&args->values, g_hash_table_unref);
  g_clear_pointer (&args->params, g_ptr_array_unref);
  g_free (args);
}

const char *
lb_cli_args_param (LbCliArgs *args,
                   guint      index)
{
  g_return_val_if_fail (index < args->params->len, NULL);
  return g_ptr_array_index (args->params, index);
}

/* Reads positional argument @index as a record id (a whole number of at
 * least 1).  Returns FALSE after printing a usage error. */
gboolean
lb_cli_args_param_id (LbCli     *cli,
                      LbCliArgs *args,
                      guint      index,
                      gint64    *id)
{
  const char *text = lb_cli_args_param (args, index);

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    {
      lb_cli_usage_error (cli, _("“%s” is not an id. Use a whole number such as 42."), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
lb_cli_args_has (LbCliArgs  *args,
                 const char *name)
{
  return g_hash_table_contains (args->values, name);
}

/* The last value given for @name, or NULL when it was not given. */
const char *
lb_cli_args_text (LbCliArgs  *args,
                  const char *name)
{
  LbCliValue *value = g_hash_table_lookup (args->values, name);

  if (value == NULL)
    return NULL;
  return g_ptr_array_index (value->texts, value->texts->len - 1);
}

/* Every non-empty value given for @name, in order; NULL when none. */
char **
lb_cli_args_dup_texts (LbCliArgs  *args,
                       const char *name)
{
  LbCliValue *value = g_hash_table_lookup (args->values, name);
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = 0;

  if (value == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < value->texts->len; i++)
    {
      const char *text = g_ptr_array_index (value->texts, i);

      if (*text != '\0')
        {
          g_strv_builder_add (builder, text);
          n++;
        }
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

gint64
lb_cli_args_number (LbCliArgs  *args,
                    const char *name,
                    gint64      fallback)
{
  LbCliValue *value = g_hash_table_lookup (args->values, name);

  return value != NULL ? value->number : fallback;
}

int
lb_cli_args_enum (LbCliArgs  *args,
                  const char *name,
                  int         fallback)
{
  LbCliValue *value = g_hash_table_lookup (args->values, name);

  return value != NULL ? (int)value->number : fallback;
}

/* The first second (local time) of the date given for @name, moved by
 * @days_after days; 0 when it was not given or given empty. */
gint64
lb_cli_args_day_start (LbCliArgs  *args,
                       const char *name,
                       int         days_after)
{
  LbCliValue *value = g_hash_table_lookup (args->values, name);
  GDate date;

  if (value == NULL || !g_date_valid (&value->date))
    return 0;

  date = value->date;
  if (days_after > 0)
    g_date_add_days (&date, days_after);
  return lb_date_to_unix_start (&date);
}

/* How many options of @table were given. */
guint
lb_cli_args_count_given (LbCliArgs         *args,
                         const LbCliOption *table)
{
  guint n = 0;

  for (const LbCliOption *o = table; o->name != NULL; o++)
    if (lb_cli_args_has (args, o->name))
      n++;

  return n;
}

/* How many of the command's own options were given (--db, --json and
 * --help do not count). */
guint
lb_cli_args_count_options (LbCli     *cli,
                           LbCliArgs *args)
{
  const LbCliOption * const *tables = cli->command->options;
  guint n = 0;

  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    n += lb_cli_args_count_given (args, tables[i]);

  return n;
}

/* The date given for @name as YYYY-MM-DD; NULL when it was not given or
 * given empty. */
char *
lb_cli_args_dup_date (LbCliArgs  *args,
                      const char *name)
{
  LbCliValue *value = g_hash_table_lookup (args->values, name);

  if (value == NULL || !g_date_valid (&value->date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&value->date),
                          g_date_get_month (&value->date), g_date_get_day (&value->date));
}

/* Reads @text, an amount for @what (an option "--price" or an argument
 * "AMOUNT"), in the minor units of @currency.  More decimals than the
 * currency has, a negative amount or one too large are refused (the
 * money module says why): returns FALSE after printing the message, and
 * the command exits with LB_CLI_EXIT_REFUSED. */
gboolean
lb_cli_parse_amount (LbCli      *cli,
                     const char *what,
                     const char *text,
                     const char *currency,
                     gint64     *amount)
{
  g_autoptr(GError) error = NULL;

  if (!lb_money_parse_for_currency (text, currency, amount, &error))
    {
      lb_cli_refuse (cli, "%s: %s", what, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads the amount given for @name in the minor units of @currency, as
 * lb_cli_parse_amount() does. */
gboolean
lb_cli_args_amount (LbCli      *cli,
                    LbCliArgs  *args,
                    const char *name,
                    const char *currency,
                    gint64     *amount)
{
  g_autofree char *what = g_strconcat ("--", name, NULL);

  return lb_cli_parse_amount (cli, what, lb_cli_args_text (args, name), currency, amount);
}

/* Reads the quantity given for @name in thousandths; more than three
 * decimals or a negative quantity are refused: returns FALSE after the
 * message (exit LB_CLI_EXIT_REFUSED). */
gboolean
lb_cli_args_quantity (LbCli      *cli,
                      LbCliArgs  *args,
                      const char *name,
                      gint64     *quantity)
{
  g_autoptr(GError) error = NULL;

  if (!lb_quantity_parse (lb_cli_args_text (args, name), quantity, &error))
    {
      lb_cli_refuse (cli, "--%s: %s", name, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads the percentage given for @name in basis points; more than two
 * decimals or a negative one are refused: returns FALSE after the
 * message (exit LB_CLI_EXIT_REFUSED). */
gboolean
lb_cli_args_percent (LbCli      *cli,
                     LbCliArgs  *args,
                     const char *name,
                     gint64     *basis_points)
{
  g_autoptr(GError) error = NULL;

  if (!lb_percent_parse (lb_cli_args_text (args, name), basis_points, &error))
    {
      lb_cli_refuse (cli, "--%s: %s", name, error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * lb_cli_args_tax_rate:
 * @basis_points: (out): the rate
 *
 * Reads option @name as a percentage ("20", "12.5") or the name of a
 * tax rate of the list ("Standard", ignoring case).  Opens the store for
 * a name.  Returns FALSE after printing why not (a refusal).
 */
gboolean
lb_cli_args_tax_rate (LbCli      *cli,
                      LbCliArgs  *args,
                      const char *name,
                      gint64     *basis_points)
{
  g_autoptr(GError) error = NULL;
  const char *text = lb_cli_args_text (args, name);

  if (is_decimal_number (text))
    return lb_cli_args_percent (cli, args, name, basis_points);

  if (lb_cli_open_store (cli) == NULL)
    return FALSE;
  if (!lb_tax_rate_parse (cli->store, text, basis_points, &error))
    {
      lb_cli_refuse (cli, "--%s: %s", name, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Checks that positional argument @index is written like an amount, so
 * that a malformed one is a usage error before the database is opened;
 * lb_cli_parse_amount() reads it in its currency.  Returns FALSE after
 * printing a usage error. */
gboolean
lb_cli_args_param_is_amount (LbCli     *cli,
                             LbCliArgs *args,
                             guint      index)
{
  const char *text = lb_cli_args_param (args, index);

  if (!is_decimal_number (text))
    {
      lb_cli_usage_error (cli, _("“%s” is not an amount. Write a number with a dot for "
                                 "decimals, such as 1234.50."), text);
      return FALSE;
    }
  return TRUE;
}

/* Sets the fields of @record that the options of @table name, for the
 * options given: TEXT and DATE a text field (empty clears it), ID,
 * COUNT and NUMBER an integer field.  Options of other types are the
 * command's to read. */
void
lb_cli_apply_field_options (LbRecord          *record,
                            LbCliArgs         *args,
                            const LbCliOption *table)
{
  for (const LbCliOption *o = table; o->name != NULL; o++)
    {
      if (!lb_cli_args_has (args, o->name))
        continue;

      switch (o->type)
        {
        case LB_CLI_TEXT:
          lb_record_set_text (record, o->field, lb_cli_args_text (args, o->name));
          break;

        case LB_CLI_DATE:
          {
            g_autofree char *date = lb_cli_args_dup_date (args, o->name);
            lb_record_set_text (record, o->field, date);
          }
          break;

        case LB_CLI_ID:
        case LB_CLI_COUNT:
        case LB_CLI_NUMBER:
          lb_record_set_int (record, o->field, lb_cli_args_number (args, o->name, 0));
          break;

        default:
          break;
        }
    }
}

/* Refuses @name and @other given together.  Returns FALSE after
 * printing a usage error. */
gboolean
lb_cli_args_exclusive (LbCli      *cli,
                       LbCliArgs  *args,
                       const char *name,
                       const char *other)
{
  if (lb_cli_args_has (args, name) && lb_cli_args_has (args, other))
    {
      lb_cli_usage_error (cli, _("The options --%s and --%s exclude each other."), name, other);
      return FALSE;
    }
  return TRUE;
}

/* output */

void
lb_cli_print (const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list ap;

  va_start (ap, format);
  text = g_strdup_vprintf (format, ap);
  va_end (ap);

  fputs (text, stdout);
}

/* Writes one cell of a tab-separated line: tabs and line breaks inside
 * the text become spaces, so each record stays on one line. */
void
lb_cli_print_field (const char *text,
                    gboolean    last)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
  putchar (last ? '\n' : '\t');
}

void
lb_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* An enum value as JSON shows it: the nick with '_' for '-'. */
char *
lb_cli_enum_to_json_nick (GType enum_type,
                          int   value)
{
  char *nick = g_strdup (lb_enum_to_nick (enum_type, value));

  return nick != NULL ? g_strdelimit (nick, "-", '_') : NULL;
}

/* ISO 8601 in UTC ("2026-11-25T20:31:00Z"), or NULL for 0. */
char *
lb_cli_format_iso_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time == 0)
    return NULL;
  dt = g_date_time_new_from_unix_utc (unix_time);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* An amount as JSON and the CLI write it: a dot and exactly the
 * currency's decimals ("2500.00" for EUR, "2500" for JPY). */
char *
lb_cli_format_money (gint64      amount,
                     const char *currency)
{
  return lb_money_format (amount, lb_currency_decimals (currency));
}

/* The member @key: @text, or null for none. */
void
lb_cli_json_add_text (JsonBuilder *builder,
                      const char  *key,
                      const char  *text)
{
  json_builder_set_member_name (builder, key);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

/* The member @key: the id, or null for 0 (no link). */
void
lb_cli_json_add_link (JsonBuilder *builder,
                      const char  *key,
                      gint64       id)
{
  json_builder_set_member_name (builder, key);
  if (id != 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

/* The member @key: the time in ISO 8601 UTC, or null for 0. */
void
lb_cli_json_add_time (JsonBuilder *builder,
                      const char  *key,
                      gint64       unix_time)
{
  g_autofree char *time = lb_cli_format_iso_time (unix_time);

  lb_cli_json_add_text (builder, key, time);
}

/* record columns */

/* The value of the enum property named like @column's key. */
static int
get_enum_column (LbRecord          *record,
                 const LbCliColumn *column,
                 GType             *enum_type)
{
  g_autofree char *name = g_strdelimit (g_strdup (column->key), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), name);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec));

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (record), name, &value);
  *enum_type = pspec->value_type;

  return g_value_get_enum (&value);
}

void
lb_cli_build_record_members (JsonBuilder       *builder,
                             LbRecord          *record,
                             const LbCliColumn *columns)
{
  for (const LbCliColumn *c = columns; c->key != NULL; c++)
    {
      switch (c->kind)
        {
        case LB_CLI_COLUMN_TEXT:
          lb_cli_json_add_text (builder, c->key, lb_record_get_text (record, c->field));
          break;

        case LB_CLI_COLUMN_ID:
        case LB_CLI_COLUMN_NUMBER:
          json_builder_set_member_name (builder, c->key);
          json_builder_add_int_value (builder, lb_record_get_int (record, c->field));
          break;

        case LB_CLI_COLUMN_LINK:
        case LB_CLI_COLUMN_NAMED_LINK:
          lb_cli_json_add_link (builder, c->key, lb_record_get_int (record, c->field));
          break;

        case LB_CLI_COLUMN_MONEY:
          {
            g_autofree char *amount = lb_cli_format_money (lb_record_get_int (record, c->field),
                                                           lb_record_get_text (record, c->aux));
            lb_cli_json_add_text (builder, c->key, amount);
          }
          break;

        case LB_CLI_COLUMN_TIME:
          lb_cli_json_add_time (builder, c->key, lb_record_get_int (record, c->field));
          break;

        case LB_CLI_COLUMN_ENUM:
          {
            GType enum_type;
            int value = get_enum_column (record, c, &enum_type);
            g_autofree char *nick = lb_cli_enum_to_json_nick (enum_type, value);

            lb_cli_json_add_text (builder, c->key, nick);
          }
          break;

        case LB_CLI_COLUMN_FIELD_ENUM:
          {
            g_autofree char *nick = lb_cli_enum_to_json_nick (c->enum_type (),
                                                              lb_record_get_int (record, c->field));

            lb_cli_json_add_text (builder, c->key, nick);
          }
          break;

        case LB_CLI_COLUMN_PERCENT:
          {
            g_autofree char *percent = lb_percent_format (lb_record_get_int (record, c->field));

            lb_cli_json_add_text (builder, c->key, percent);
          }
          break;

        case LB_CLI_COLUMN_FLAG:
          json_builder_set_member_name (builder, c->key);
          json_builder_add_boolean_value (builder, lb_record_get_int (record, c->field) != 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

JsonNode *
lb_cli_record_to_json (LbRecord          *record,
                       const LbCliColumn *columns)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  lb_cli_build_record_members (builder, record, columns);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* A field as human output shows it; NULL when it has no value. */
static char *
dup_column_value (LbRecord          *record,
                  const LbCliColumn *column)
{
  gint64 number = 0;

  if (column->kind != LB_CLI_COLUMN_TEXT && column->kind != LB_CLI_COLUMN_ENUM)
    number = lb_record_get_int (record, column->field);

  switch (column->kind)
    {
    case LB_CLI_COLUMN_TEXT:
      return g_strdup (lb_record_get_text (record, column->field));

    case LB_CLI_COLUMN_ID:
    case LB_CLI_COLUMN_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);

    case LB_CLI_COLUMN_LINK:
      return number != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, number) : NULL;

    case LB_CLI_COLUMN_NAMED_LINK:
      if (number == 0)
        return NULL;
      if (lb_record_get_text (record, column->aux) == NULL)
        return g_strdup_printf ("%" G_GINT64_FORMAT, number);
      return g_strdup_printf ("%" G_GINT64_FORMAT " (%s)", number,
                              lb_record_get_text (record, column->aux));

    case LB_CLI_COLUMN_MONEY:
      {
        const char *currency = lb_record_get_text (record, column->aux);
        g_autofree char *amount = lb_cli_format_money (number, currency);

        return currency != NULL ? g_strdup_printf ("%s %s", amount, currency)
                                : g_steal_pointer (&amount);
      }

    case LB_CLI_COLUMN_TIME:
      return number != 0 ? lb_format_date_time (number) : NULL;

    case LB_CLI_COLUMN_ENUM:
      {
        GType enum_type;
        int value = get_enum_column (record, column, &enum_type);

        if (column->to_label != NULL)
          return g_strdup (column->to_label (value));
        return lb_cli_enum_to_json_nick (enum_type, value);
      }

    case LB_CLI_COLUMN_FIELD_ENUM:
      if (column->to_label != NULL)
        return g_strdup (column->to_label (number));
      return lb_cli_enum_to_json_nick (column->enum_type (), number);

    case LB_CLI_COLUMN_PERCENT:
      {
        g_autofree char *percent = lb_percent_format (number);

        return g_strdup_printf ("%s%%", percent);
      }

    case LB_CLI_COLUMN_FLAG:
      return g_strdup (number != 0 ? _("yes") : _("no"));

    default:
      g_assert_not_reached ();
    }
}

/* A field as human output shows it: its value, else the column's text
 * for none; NULL when it shows nothing. */
char *
lb_cli_dup_column_text (LbRecord          *record,
                        const LbCliColumn *column)
{
  char *value = dup_column_value (record, column);

  if (value == NULL && column->empty != NULL)
    return g_strdup (_(column->empty));
  return value;
}

/* `show`: one "Label: value" line per field that has a value. */
void
lb_cli_print_record (LbRecord          *record,
                     const LbCliColumn *columns)
{
  for (const LbCliColumn *c = columns; c->key != NULL; c++)
    {
      g_autofree char *value = NULL;

      if (c->label == NULL)
        continue;
      value = lb_cli_dup_column_text (record, c);
      if (value != NULL)
        lb_cli_print ("%s: %s\n", _(c->label), value);
    }
}

/* `list`: the header line of the columns' labels. */
void
lb_cli_print_header (const LbCliColumn *columns)
{
  for (const LbCliColumn *c = columns; c->key != NULL; c++)
    lb_cli_print_field (_(c->label), c[1].key == NULL);
}

/* `list`: one tab-separated line. */
void
lb_cli_print_row (LbRecord          *record,
                  const LbCliColumn *columns)
{
  for (const LbCliColumn *c = columns; c->key != NULL; c++)
    {
      g_autofree char *value = lb_cli_dup_column_text (record, c);

      lb_cli_print_field (value, c[1].key == NULL);
    }
}

/* The array's brackets and commas are written here; every element is
 * generated by json-glib. */
LbCliJsonStream *
lb_cli_json_stream_begin (void)
{
  LbCliJsonStream *stream = g_new0 (LbCliJsonStream, 1);

  stream->generator = json_generator_new ();
  fputc ('[', stdout);

  return stream;
}

void
lb_cli_json_stream_add (LbCliJsonStream *stream,
                        JsonNode        *node)
{
  g_autofree char *text = NULL;

  json_generator_set_root (stream->generator, node);
  text = json_generator_to_data (stream->generator, NULL);
  fputs (stream->n_items++ > 0 ? ",\n  " : "\n  ", stdout);
  fputs (text, stdout);
}

void
lb_cli_json_stream_end (LbCliJsonStream *stream)
{
  fputs (stream->n_items > 0 ? "\n]\n" : "]\n", stdout);
  g_object_unref (stream->generator);
  g_free (stream);
}
