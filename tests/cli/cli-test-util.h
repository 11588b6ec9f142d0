#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A temporary folder and the database path in it (a folder that does
 * not exist yet: the program creates it). */
typedef struct
{
  char *dir;
  char *db;
} Fixture;

void         cli_test_init     (int                  argc,
                                char               **argv);
void         fixture_set_up    (Fixture             *f,
                                gconstpointer        data);
void         fixture_tear_down (Fixture             *f,
                                gconstpointer        data);

int          run_cli_env       (char               **envp,
                                const char * const  *args,
                                char               **out,
                                char               **err);
int          run_cli_argv      (const char * const  *args,
                                char               **out,
                                char               **err);
int          run_cli_va        (Fixture             *f,
                                const char * const  *prefix,
                                char               **out,
                                char               **err,
                                va_list              ap);
char        *cli_ok_va         (Fixture             *f,
                                const char * const  *prefix,
                                va_list              ap);
char        *cli_ok            (Fixture             *f,
                                ...) G_GNUC_NULL_TERMINATED;
char        *cli_fails         (Fixture             *f,
                                int                  expected,
                                ...) G_GNUC_NULL_TERMINATED;

gint64       parse_id          (const char          *text);
JsonNode    *parse_json        (const char          *text);
const char  *member_text       (JsonNode            *node,
                                const char          *name);
JsonNode    *show_lead         (Fixture             *f,
                                gint64               id);
gint64       count_leads       (Fixture             *f);
char        *json_array_ids    (JsonArray           *array);
char        *cli_list_ids_va   (Fixture             *f,
                                const char * const  *prefix,
                                va_list              ap);
gint64       cli_add_va        (Fixture             *f,
                                const char * const  *prefix,
                                va_list              ap);
char        *cli_ok_strv       (Fixture             *f,
                                const char * const  *args);
gint64       add_record        (Fixture             *f,
                                ...) G_GNUC_NULL_TERMINATED;
JsonNode    *show_record       (Fixture             *f,
                                const char          *noun,
                                gint64               id);
gint64       member_id         (JsonNode            *node,
                                const char          *name);
gint64       add_lead          (Fixture             *f,
                                const char          *first,
                                const char          *last,
                                const char          *source,
                                ...) G_GNUC_NULL_TERMINATED;

/* The usage errors come with a hint to the help. */
#define assert_usage_error(err) \
  g_assert_nonnull (strstr ((err), "--help"))

#define ADD_LEAD(f, ...) add_lead ((f), __VA_ARGS__, NULL)

/* A command that creates a record: returns the id it printed. */
#define ADD(f, ...) add_record ((f), __VA_ARGS__, NULL)

G_END_DECLS
