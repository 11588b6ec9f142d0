#pragma once

#include <json-glib/json-glib.h>

#include "lb-document-actions.h"
#include "lb-store-crm.h"

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
  LB_CLI_DATE,       /* YYYY-MM-DD, or empty for none */
  LB_CLI_ENUM,       /* a nick of enum_type, '-' or '_', any case */
  LB_CLI_AMOUNT,     /* digits with an optional dot and decimals; how many
                      * decimals the currency allows is checked when it is
                      * read (lb_cli_args_amount()) */
  LB_CLI_DECIMAL,    /* a quantity or a percentage: the same syntax; how many
                      * decimals are allowed is checked when it is read
                      * (lb_cli_args_quantity(), lb_cli_args_percent()) */
  LB_CLI_TAX_RATE,   /* a percentage (as LB_CLI_DECIMAL) or the name of a tax
                      * rate of the list; read with lb_cli_args_tax_rate() */
} LbCliOptionType;

/* One long option.  Tables of them end with an entry whose name is NULL
 * and are shared between commands (the fields of `lead add` and `lead
 * edit`, the filters of `lead list` and `export leads`). */
typedef struct
{
  const char      *name;        /* without the leading "--" */
  LbCliOptionType  type;
  int              field;       /* what the option sets, for its table's owner; in
                                 * the tables of lb_cli_apply_field_options(), the
                                 * record's text field (TEXT, DATE) or integer
                                 * field (ID, COUNT, NUMBER) */
  GType          (*enum_type) (void);
  const char      *value_name;  /* in the help, e.g. "NAME" */
  const char      *help;        /* marked with N_() */
  char             short_name;  /* a letter also written "-o", or 0 */
} LbCliOption;

typedef struct _LbCli     LbCli;
typedef struct _LbCliArgs LbCliArgs;

typedef int (*LbCliRun) (LbCli     *cli,
                         LbCliArgs *args);

/* One command: a noun and a verb ("lead add"), or a noun alone ("demo").
 * A verb may have more words ("stage add").  Tables of them end with an
 * entry whose noun is NULL. */
typedef struct
{
  const char          *noun;
  const char          *verb;      /* NULL when the noun is the whole command */
  const char          *params;    /* positional parameters for the synopsis: "ID" */
  guint                n_params;  /* exactly this many positional arguments */
  const LbCliOption  **options;   /* NULL-terminated list of option tables, or NULL */
  LbCliRun             run;
  const char          *summary;   /* marked with N_() */
  gconstpointer        data;      /* for a run function shared by several nouns: what
                                   * it works on (an LbCliRecordKind) */
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
extern const LbCliCommand lb_cli_account_commands[];
extern const LbCliCommand lb_cli_contact_commands[];
extern const LbCliCommand lb_cli_deal_commands[];
extern const LbCliCommand lb_cli_pipeline_commands[];
extern const LbCliCommand lb_cli_product_commands[];
extern const LbCliCommand lb_cli_order_commands[];
extern const LbCliCommand lb_cli_invoice_commands[];
extern const LbCliCommand lb_cli_import_commands[];
extern const LbCliCommand lb_cli_export_commands[];

/* options shared with later commands (export leads) */
extern const LbCliOption  lb_cli_lead_filter_options[];
LbLeadFilter       *lb_cli_lead_filter_from_args (LbCli              *cli,
                                                  LbCliArgs          *args);

/* options shared by `contact add` and `lead convert` (a contact's names,
 * email and phone), by `deal add` and `lead convert` (pipeline, stage,
 * close date, probability) */
extern const LbCliOption  lb_cli_contact_person_options[];
extern const LbCliOption  lb_cli_deal_plan_options[];
int                 lb_cli_deal_apply_money      (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  LbRecord           *deal,
                                                  const char         *value_option,
                                                  const char         *status_option);

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
guint               lb_cli_args_count_options    (LbCli              *cli,
                                                  LbCliArgs          *args);
char               *lb_cli_args_dup_date         (LbCliArgs          *args,
                                                  const char         *name);
gboolean            lb_cli_args_amount           (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  const char         *name,
                                                  const char         *currency,
                                                  gint64             *amount);
gboolean            lb_cli_args_quantity         (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  const char         *name,
                                                  gint64             *quantity);
gboolean            lb_cli_args_tax_rate         (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  const char         *name,
                                                  gint64             *basis_points);
gboolean            lb_cli_args_percent          (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  const char         *name,
                                                  gint64             *basis_points);
gboolean            lb_cli_args_param_is_amount  (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  guint               index);
gboolean            lb_cli_parse_amount          (LbCli              *cli,
                                                  const char         *what,
                                                  const char         *text,
                                                  const char         *currency,
                                                  gint64             *amount);
void                lb_cli_apply_field_options   (LbRecord           *record,
                                                  LbCliArgs          *args,
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
char               *lb_cli_format_money          (gint64              amount,
                                                  const char         *currency);
void                lb_cli_json_add_text         (JsonBuilder        *builder,
                                                  const char         *key,
                                                  const char         *text);
void                lb_cli_json_add_link         (JsonBuilder        *builder,
                                                  const char         *key,
                                                  gint64              id);
void                lb_cli_json_add_time         (JsonBuilder        *builder,
                                                  const char         *key,
                                                  gint64              unix_time);

/* The fields of an LbRecord (account, contact, deal) as `show`, `list`
 * and --json print them.  Tables end with an entry whose key is NULL. */
typedef enum
{
  LB_CLI_COLUMN_TEXT,        /* a text field; null when empty */
  LB_CLI_COLUMN_ID,          /* the record's id */
  LB_CLI_COLUMN_LINK,        /* an id field; null when 0 */
  LB_CLI_COLUMN_NAMED_LINK,  /* the same; aux: the text field with the linked
                              * record's name, shown after the id */
  LB_CLI_COLUMN_NUMBER,      /* an integer field */
  LB_CLI_COLUMN_MONEY,       /* an amount in minor units; aux: the text field
                              * with its currency; JSON: a decimal string */
  LB_CLI_COLUMN_TIME,        /* unix time; ISO 8601 UTC in JSON, local time
                              * in human output; null when 0 */
  LB_CLI_COLUMN_ENUM,        /* the enum property named like the key; JSON:
                              * its nick; human: to_label's text */
  LB_CLI_COLUMN_FIELD_ENUM,  /* an integer field holding a value of enum_type;
                              * JSON: its nick; human: to_label's text */
  LB_CLI_COLUMN_PERCENT,     /* basis points in an integer field; JSON: a
                              * decimal string ("12.5"); human: "12.5%" */
  LB_CLI_COLUMN_FLAG,        /* an integer field, 0 or 1; JSON: a boolean;
                              * human: yes or no */
} LbCliColumnKind;

typedef struct
{
  const char       *key;                  /* the JSON member */
  LbCliColumnKind   kind;
  guint             field;
  guint             aux;
  const char       *label;                /* N_(); NULL: JSON only */
  const char     *(*to_label) (int value);
  GType           (*enum_type) (void);    /* LB_CLI_COLUMN_FIELD_ENUM */
  const char       *empty;                /* N_(); what human output shows for
                                           * no value (NULL: nothing) */
} LbCliColumn;

void                lb_cli_build_record_members  (JsonBuilder        *builder,
                                                  LbRecord           *record,
                                                  const LbCliColumn  *columns);
JsonNode           *lb_cli_record_to_json        (LbRecord           *record,
                                                  const LbCliColumn  *columns);
char               *lb_cli_dup_column_text       (LbRecord           *record,
                                                  const LbCliColumn  *column);
void                lb_cli_print_record          (LbRecord           *record,
                                                  const LbCliColumn  *columns);
void                lb_cli_print_header          (const LbCliColumn  *columns);
void                lb_cli_print_row             (LbRecord           *record,
                                                  const LbCliColumn  *columns);

/* A JSON array written one element at a time, so a list of any length
 * goes out in bounded memory. */
typedef struct _LbCliJsonStream LbCliJsonStream;

LbCliJsonStream    *lb_cli_json_stream_begin     (void);
void                lb_cli_json_stream_add       (LbCliJsonStream    *stream,
                                                  JsonNode           *node);
void                lb_cli_json_stream_end       (LbCliJsonStream    *stream);

/* The commands every kind of record has (lb-cli-record.c): add, list,
 * show, edit, delete, restore, purge.  Each command's data is its
 * LbCliRecordKind. */
typedef gpointer    (*LbCliGetFunc)    (LbStore              *store,
                                        gint64                id,
                                        GError              **error);
typedef GListModel *(*LbCliListFunc)   (LbStore              *store,
                                        const LbRecordFilter *filter,
                                        GError              **error);
typedef gint64      (*LbCliCreateFunc) (LbStore              *store,
                                        gpointer              record,
                                        GError              **error);
typedef gboolean    (*LbCliSaveFunc)   (LbStore              *store,
                                        gpointer              record,
                                        GError              **error);

typedef struct
{
  const char         *kind;            /* "account", "contact" or "deal" */
  GType             (*get_type) (void);
  const LbCliColumn  *columns;         /* show and --json */
  const LbCliColumn  *list_columns;    /* the human list */
  const LbCliOption **field_options;   /* the option tables of add and edit, applied by
                                        * lb_cli_apply_field_options(); NULL-terminated */
  LbCliGetFunc        get;
  LbCliListFunc       list;
  LbCliCreateFunc     create;
  LbCliSaveFunc       save;
  /* before the database is opened: the usage rules of add (@creating)
   * and edit; returns the exit code */
  int               (*check_args) (LbCli     *cli,
                                   LbCliArgs *args,
                                   gboolean   creating);
  /* add and edit, after the field options: the other options; returns
   * the exit code */
  int               (*apply)      (LbCli     *cli,
                                   LbCliArgs *args,
                                   LbRecord  *record);
  /* show: the linked records, as JSON members of @builder, or printed
   * when @builder is NULL */
  gboolean          (*show_links) (LbCli        *cli,
                                   LbRecord     *record,
                                   JsonBuilder  *builder,
                                   GError      **error);
} LbCliRecordKind;

extern const LbCliOption  lb_cli_record_list_options[];

int                 lb_cli_record_add            (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_record_list           (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_record_show           (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_record_edit           (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_record_delete         (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_record_restore        (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_record_purge          (LbCli              *cli,
                                                  LbCliArgs          *args);
char               *lb_cli_dup_contact_name      (LbRecord           *contact);
char               *lb_cli_dup_record_name       (LbStore            *store,
                                                  const char         *kind,
                                                  gint64              id);

/* A list of linked records in `show`: with a builder, the JSON array
 * @key of {"id", @name_key}; without, one "Label: id (name)" line each. */
void                lb_cli_links_begin           (JsonBuilder        *builder,
                                                  const char         *key);
void                lb_cli_links_add             (JsonBuilder        *builder,
                                                  const char         *label,
                                                  gint64              id,
                                                  const char         *name_key,
                                                  const char         *name);
void                lb_cli_links_end             (JsonBuilder        *builder);

/* Orders and invoices (lb-cli-document.c): the commands they share.
 * Each command's data is its LbCliDocKind. */
typedef struct
{
  LbDocKind           kind;
  const LbCliColumn  *columns;         /* the header: show, and the objects of
                                        * lists and created documents */
  const LbCliColumn  *total_columns;   /* the totals, after the header */
  const LbCliColumn  *list_columns;    /* the human list */
} LbCliDocKind;

extern const LbCliDocKind lb_cli_order_kind;
extern const LbCliDocKind lb_cli_invoice_kind;

/* the options of a line: where it comes from (add), its values (add and
 * edit), its text (edit); a document's discount; the links of a list */
extern const LbCliOption  lb_cli_line_source_options[];
extern const LbCliOption  lb_cli_line_value_options[];
extern const LbCliOption  lb_cli_line_edit_options[];
extern const LbCliOption  lb_cli_document_discount_options[];
extern const LbCliOption  lb_cli_document_field_options[];
extern const LbCliOption  lb_cli_document_list_options[];

typedef gint64      (*LbCliDocCreateFunc) (LbStore  *store,
                                           gint64    source_id,
                                           GError  **error);
typedef gboolean    (*LbCliDocActionFunc) (LbStore  *store,
                                           gint64    id,
                                           GError  **error);

int                 lb_cli_line_check_args       (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  gboolean            creating);
int                 lb_cli_line_apply            (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  const char         *currency,
                                                  LbLine             *line,
                                                  gboolean            creating);
void                lb_cli_build_line_members    (JsonBuilder        *builder,
                                                  LbLine             *line,
                                                  const char         *currency);
char               *lb_cli_dup_line_summary      (LbLine             *line,
                                                  const char         *currency);
JsonNode           *lb_cli_payment_to_json       (LbPayment          *payment,
                                                  const char         *currency);
int                 lb_cli_document_print_result (LbCli              *cli,
                                                  const LbCliDocKind *kind,
                                                  gint64              id);
int                 lb_cli_document_create_from  (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  LbCliDocCreateFunc  create);
int                 lb_cli_document_run_action   (LbCli              *cli,
                                                  LbCliArgs          *args,
                                                  LbCliDocActionFunc  action);
int                 lb_cli_document_use_current_pricing (LbCli       *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_document_lock_pricing (LbCli              *cli,
                                                  LbCliArgs          *args);
gboolean            lb_cli_lead_documents        (LbCli              *cli,
                                                  gint64              lead_id,
                                                  JsonBuilder        *builder,
                                                  GError            **error);

int                 lb_cli_document_show         (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_document_list         (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_document_edit         (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_document_delete       (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_document_discount     (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_document_line_add     (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_document_line_edit    (LbCli              *cli,
                                                  LbCliArgs          *args);
int                 lb_cli_document_line_remove  (LbCli              *cli,
                                                  LbCliArgs          *args);

/* `invoice pdf` and `order pdf` (SPEC 3.8): -o FILE is required */
extern const LbCliOption  lb_cli_document_pdf_options[];
int                 lb_cli_document_pdf          (LbCli              *cli,
                                                  LbCliArgs          *args);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCliArgs, lb_cli_args_free)

G_END_DECLS
