#pragma once

#include <json-glib/json-glib.h>

#include "lb-store.h"

G_BEGIN_DECLS

/* Exit codes of leadbook-cli (SPEC 4, docs/cli.md). */
#define LB_CLI_EXIT_OK      0
#define LB_CLI_EXIT_REFUSED 1
#define LB_CLI_EXIT_USAGE   2

/* The kinds of value an option takes; each is checked while parsing, so
 * a malformed value is a usage error before anything is opened. */
typedef enum
{
  LB_CLI_FLAG,       /* --name */
  LB_CLI_TEXT,       /* --name VALUE; the last one given counts; may be empty */
  LB_CLI_TEXTS,      /* --name VALUE, repeatable */
  LB_CLI_ID,         /* a record id: a whole number >= 0 (0 = none) */
  LB_CLI_COUNT,      /* a whole number >= 1 */
  LB_CLI_NUMBER,     /* a whole number from 0 to G_MAXUINT32 */
  LB_CLI_DATE,       /* YYYY-MM-DD */
  LB_CLI_ENUM,       /* a nick of enum_type, '-' or '_', any case */
} LbCliOptionType;

/* One long option.  Tables of them end with an entry whose name is NULL
 * and are shared between commands (the fields of `lead add` and `lead
 * edit`, the filters of `lead list` and `export leads`). */
typedef struct
{
  const char      *name;        /* without the leading "--" */
  LbCliOptionType  type;
  int              field;       /* what the option sets, for its table's owner */
  GType          (*enum_type) (void);
  const char      *value_name;  /* in the help, e.g. "NAME" */
  const char      *help;        /* marked with N_() */
} LbCliOption;

typedef struct _LbCli     LbCli;
typedef struct _LbCliArgs LbCliArgs;

typedef int (*LbCliRun) (LbCli     *cli,
                         LbCliArgs *args);

/* One command: a noun and a verb ("lead add"), or a noun alone ("demo").
 * Tables of them end with an entry whose noun is NULL. */
typedef struct
{
  const char          *noun;
  const char          *verb;      /* NULL when the noun is the whole command */
  const char          *params;    /* positional parameters for the synopsis: "ID" */
  guint                n_params;  /* exactly this many positional arguments */
  const LbCliOption  **options;   /* NULL-terminated list of option tables, or NULL */
  LbCliRun             run;
  const char          *summary;   /* marked with N_() */
} LbCliCommand;

struct _LbCli
{
  char               *db_path;    /* --db, or NULL for the default */
  gboolean            json;       /* --json */
  LbStore            *store;      /* opened by lb_cli_open_store() */
  const LbCliCommand *command;    /* the command running */
};

/* the commands of each noun */
extern const LbCliCommand lb_cli_lead_commands[];
extern const LbCliCommand lb_cli_settings_commands[];
extern const LbCliCommand lb_cli_ref_commands[];
extern const LbCliCommand lb_cli_db_commands[];
extern const LbCliCommand lb_cli_demo_commands[];

/* options shared with later commands (export leads) */
extern const LbCliOption  lb_cli_lead_filter_options[];
LbLeadFilter       *lb_cli_lead_filter_from_args (LbCli              *cli,
                                                  LbCliArgs          *args);

/* running */
void                lb_cli_clear                 (LbCli              *cli);
int                 lb_cli_parse_global          (LbCli              *cli,
                                                  int                 argc,
                                                  char              **argv,
                                                  gboolean           *help,
                                                  int                *exit_code);
void                lb_cli_print_global_options  (void);
int                 lb_cli_run_command           (LbCli              *cli,
                                                  const LbCliCommand *command,
                                                  int                 argc,
                                                  char              **argv);
LbStore            *lb_cli_open_store            (LbCli              *cli);
void                lb_cli_print_command_help    (const LbCliCommand *command);
char               *lb_cli_dup_synopsis          (const LbCliCommand *command);

/* messages; each returns the exit code to pass on */
int                 lb_cli_fail                  (LbCli              *cli,
                                                  const GError       *error);
int                 lb_cli_refuse                (LbCli              *cli,
                                                  const char         *format,
                                                  ...) G_GNUC_PRINTF (2, 3);
int                 lb_cli_usage_error           (LbCli              *cli,
                                                  const char         *format,
                                                  ...) G_GNUC_PRINTF (2, 3);
void                lb_cli_warn                  (const char         *format,
                                                  ...) G_GNUC_PRINTF (1, 2);

/* parsed arguments */
void                lb_cli_args_free             (LbCliArgs          *args);
const char         *lb_cli_args_param            (LbCliArgs          *args,
                                                  guint               index);
gboolean            lb_cli_args_param_id         (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  guint               index,
                                                  gint64             *id);
gboolean            lb_cli_args_has              (LbCliArgs          *args,
                                                  const char         *name);
const char         *lb_cli_args_text             (LbCliArgs          *args,
                                                  const char         *name);
char              **lb_cli_args_dup_texts        (LbCliArgs          *args,
                                                  const char         *name);
gint64              lb_cli_args_number           (LbCliArgs          *args,
                                                  const char         *name,
                                                  gint64              fallback);
int                 lb_cli_args_enum             (LbCliArgs          *args,
                                                  const char         *name,
                                                  int                 fallback);
gint64              lb_cli_args_day_start        (LbCliArgs          *args,
                                                  const char         *name,
                                                  int                 days_after);
guint               lb_cli_args_count_given      (LbCliArgs          *args,
                                                  const LbCliOption  *table);
gboolean            lb_cli_args_exclusive        (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  const char         *name,
                                                  const char         *other);

/* output: data goes to stdout as UTF-8 whatever the locale */
void                lb_cli_print                 (const char         *format,
                                                  ...) G_GNUC_PRINTF (1, 2);
void                lb_cli_print_field           (const char         *text,
                                                  gboolean            last);
void                lb_cli_print_json            (JsonNode           *node);
char               *lb_cli_enum_to_json_nick     (GType               enum_type,
                                                  int                 value);
char               *lb_cli_format_iso_time       (gint64              unix_time);

/* A JSON array written one element at a time, so a list of any length
 * goes out in bounded memory. */
typedef struct _LbCliJsonStream LbCliJsonStream;

LbCliJsonStream    *lb_cli_json_stream_begin     (void);
void                lb_cli_json_stream_add       (LbCliJsonStream    *stream,
                                                  JsonNode           *node);
void                lb_cli_json_stream_end       (LbCliJsonStream    *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCliArgs, lb_cli_args_free)

G_END_DECLS
