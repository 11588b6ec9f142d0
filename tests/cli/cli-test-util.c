#define G_LOG_DOMAIN "cli-test-util"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-test-util.h"

/* Runs the built leadbook-cli on a temporary database for the CLI
 * tests: fixtures, spawning, exit codes and JSON. */

static const char *cli_path;

/* Reads the path of leadbook-cli: the first argument, else
 * $LEADBOOK_CLI. */
void
cli_test_init (int    argc,
               char **argv)
{
  cli_path = argc > 1 ? argv[1] : g_getenv ("LEADBOOK_CLI");
  if (cli_path == NULL)
    g_error ("Give the path of leadbook-cli as the first argument.");
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("leadbook-cli-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the program creates it. */
  f->db = g_build_filename (f->dir, "data", "leadbook.db", NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* Runs leadbook-cli with @args (NULL-terminated) in @envp (NULL: this
 * process's environment) and returns its exit code; a sanitizer report
 * or a crash fails the test. */
int
run_cli_env (char               **envp,
             const char * const  *args,
             char               **out,
             char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *)cli_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);

  if (strstr (stderr_text, "Sanitizer") != NULL || strstr (stderr_text, "runtime error") != NULL ||
      !WIFEXITED (wait_status))
    g_error ("leadbook-cli %s crashed or failed a sanitizer check:\n%s",
             args[0] != NULL ? args[0] : "", stderr_text);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  return WEXITSTATUS (wait_status);
}

int
run_cli_argv (const char * const  *args,
              char               **out,
              char               **err)
{
  return run_cli_env (NULL, args, out, err);
}

/* Runs leadbook-cli --db <the fixture's database> and the other
 * arguments, up to NULL. */
int
run_cli_va (Fixture            *f,
            const char * const *prefix,
            char              **out,
            char              **err,
            va_list             ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;

  g_ptr_array_add (args, (char *)"--db");
  g_ptr_array_add (args, f->db);
  for (guint i = 0; prefix != NULL && prefix[i] != NULL; i++)
    g_ptr_array_add (args, (char *)prefix[i]);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *)arg);
  g_ptr_array_add (args, NULL);

  return run_cli_argv ((const char * const *)args->pdata, out, err);
}

/* Runs a command that must succeed; returns its stdout. */
char *
cli_ok_va (Fixture            *f,
           const char * const *prefix,
           va_list             ap)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = run_cli_va (f, prefix, &out, &err, ap);

  if (status != 0)
    g_error ("leadbook-cli %s exited with %d:\n%s", prefix ? prefix[0] : "", status, err);

  return out;
}

char *
cli_ok (Fixture *f,
        ...)
{
  char *out;
  va_list ap;

  va_start (ap, f);
  out = cli_ok_va (f, NULL, ap);
  va_end (ap);

  return out;
}

/* Runs a command that must exit with @expected, writing nothing on
 * stdout; returns its stderr, which must not be empty. */
char *
cli_fails (Fixture *f,
           int      expected,
           ...)
{
  g_autofree char *out = NULL;
  char *err = NULL;
  va_list ap;
  int status;

  va_start (ap, expected);
  status = run_cli_va (f, NULL, &out, &err, ap);
  va_end (ap);

  if (status != expected)
    g_error ("leadbook-cli exited with %d, not %d:\n%s%s", status, expected, out, err);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "leadbook-cli: "));

  return err;
}

gint64
parse_id (const char *text)
{
  gint64 id = 0;
  g_autofree char *line = g_strdup (text);

  g_assert_true (g_str_has_suffix (line, "\n"));
  line[strlen (line) - 1] = '\0';
  g_assert_true (g_ascii_string_to_signed (line, 10, 1, G_MAXINT64, &id, NULL));

  return id;
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* `lead show --json` of lead @id. */
JsonNode *
show_lead (Fixture *f,
           gint64   id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *out = cli_ok (f, "--json", "lead", "show", id_text, NULL);

  return parse_json (out);
}

const char *
member_text (JsonNode   *node,
             const char *name)
{
  JsonObject *object = json_node_get_object (node);

  g_assert_true (json_object_has_member (object, name));
  if (json_object_get_null_member (object, name))
    return NULL;
  return json_object_get_string_member (object, name);
}

gint64
count_leads (Fixture *f)
{
  g_autofree char *out = cli_ok (f, "lead", "list", "--count", NULL);
  gint64 count = -1;

  g_strchomp (out);
  g_assert_true (g_ascii_string_to_signed (out, 10, 0, G_MAXINT64, &count, NULL));

  return count;
}

/* The "id" members of the objects in @array, in order, as "1,3,5". */
char *
json_array_ids (JsonArray *array)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (array, i),
                                                        "id"));

  return g_string_free (ids, FALSE);
}

/* Runs a listing with --json (@prefix and @ap) that must succeed; the
 * ids it lists, as json_array_ids() writes them. */
char *
cli_list_ids_va (Fixture            *f,
                 const char * const *prefix,
                 va_list             ap)
{
  g_autofree char *out = cli_ok_va (f, prefix, ap);
  g_autoptr(JsonNode) root = parse_json (out);

  return json_array_ids (json_node_get_array (root));
}

/* Runs a command that creates a record and must succeed; the id it
 * printed. */
gint64
cli_add_va (Fixture            *f,
            const char * const *prefix,
            va_list             ap)
{
  g_autofree char *out = cli_ok_va (f, prefix, ap);

  return parse_id (out);
}

static char *
cli_ok_prefix (Fixture            *f,
               const char * const *prefix,
               ...)
{
  char *out;
  va_list ap;

  va_start (ap, prefix);
  out = cli_ok_va (f, prefix, ap);
  va_end (ap);

  return out;
}

/* Runs a command given as a NULL-terminated array that must succeed;
 * returns its stdout. */
char *
cli_ok_strv (Fixture            *f,
             const char * const *args)
{
  return cli_ok_prefix (f, args, NULL);
}

/* Runs a command that creates a record (arguments up to NULL) and must
 * succeed; returns the id it printed. */
gint64
add_record (Fixture *f,
            ...)
{
  va_list ap;
  gint64 id;

  va_start (ap, f);
  id = cli_add_va (f, NULL, ap);
  va_end (ap);

  return id;
}

/* `--json NOUN show ID`. */
JsonNode *
show_record (Fixture    *f,
             const char *noun,
             gint64      id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *out = cli_ok (f, "--json", noun, "show", id_text, NULL);

  return parse_json (out);
}

/* An id member: its value, 0 for null. */
gint64
member_id (JsonNode   *node,
           const char *name)
{
  JsonObject *object = json_node_get_object (node);

  g_assert_true (json_object_has_member (object, name));
  if (json_object_get_null_member (object, name))
    return 0;
  return json_object_get_int_member (object, name);
}

/* `lead add` with a name, a source and more arguments up to NULL;
 * returns the new id. */
gint64
add_lead (Fixture    *f,
          const char *first,
          const char *last,
          const char *source,
          ...)
{
  const char *prefix[] = { "lead", "add", "--first-name", first, "--last-name", last,
                           "--source", source, NULL };
  va_list ap;
  gint64 id;

  va_start (ap, source);
  id = cli_add_va (f, prefix, ap);
  va_end (ap);

  return id;
}
