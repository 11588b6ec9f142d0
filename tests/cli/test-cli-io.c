#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"

/* `import leads` and `export leads` (SPEC 4, docs/cli.md). */

/* helpers */

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* Runs leadbook-cli on the fixture's database with the arguments up to
 * NULL; returns the exit code. */
static int
run_cli (Fixture  *f,
         char    **out,
         char    **err,
         ...)
{
  va_list ap;
  int status;

  va_start (ap, err);
  status = run_cli_va (f, NULL, out, err, ap);
  va_end (ap);

  return status;
}

/* The names of @object's members, sorted, joined with ','. */
static char *
member_names (JsonObject *object)
{
  g_autoptr(GList) names = g_list_sort (json_object_get_members (object), (GCompareFunc)strcmp);
  g_autoptr(GString) text = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", (char *)l->data);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_int_member (JsonObject *object,
                   const char *name,
                   gint64      value)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, value);
}

/* import */

static void
test_import_summary (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) anna = NULL;
  gint64 id;

  id = ADD_LEAD (f, "Old", "Lead", "Website", "--email", "old@example.com");

  path = write_csv (f, "leads.csv",
                    "First Name,Last Name,Email,Source,Colour,City\r\n"
                    "Anna,Smith,anna@example.com,Website,red,Berlin\r\n"
                    "Bad,Email,not-an-email,Email,blue,\r\n"
                    "Ben,Baker,,Partner,,\r\n"
                    "Old,Again,OLD@example.com,Email,,Paris\r\n");
  g_assert_cmpint (run_cli (f, &out, &err, "import", "leads", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  /* the summary, each bad row's line and message, the ignored columns */
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "Imported 2, updated 0, skipped 1; 1 row with errors:");
  g_assert_true (g_str_has_prefix (lines[1], "line 3: "));
  g_assert_nonnull (strstr (lines[1], "not-an-email"));
  g_assert_cmpstr (lines[2], ==, "Columns ignored (not lead fields): Colour");
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_cmpint (count_leads (f), ==, 3);

  anna = show_lead (f, id + 1);
  g_assert_cmpstr (member_text (anna, "email"), ==, "anna@example.com");
  g_assert_cmpstr (member_text (anna, "city"), ==, "Berlin");
  g_assert_cmpstr (member_text (anna, "status"), ==, "new");

  /* nothing wrong: the summary alone */
  clean = write_csv (f, "clean.csv", "first_name;last_name;source\nCid;Cole;Chat\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "import", "leads", clean, NULL);
  g_assert_cmpstr (out, ==, "Imported 1, updated 0, skipped 0.\n");
}

static void
test_import_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *out = NULL;
  g_autofree char *names = NULL;
  g_autofree char *error_names = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) updated = NULL;
  JsonObject *object;
  JsonArray *errors;
  JsonArray *unknown;
  gint64 id;

  id = ADD_LEAD (f, "Old", "Lead", "Website", "--email", "old@example.com");

  path = write_csv (f, "leads.csv",
                    "first_name,last_name,email,source,shoe size,city\n"
                    "Anna,Smith,anna@example.com,Website,42,\n"
                    "Old,Renamed,old@example.com,,,Oslo\n"
                    "No,Source,,,,\n"
                    "\"Multi\nline\",Bad,x@,Email,,\n");
  out = cli_ok (f, "--json", "import", "leads", path, "--on-duplicate", "update", NULL);
  root = parse_json (out);
  object = json_node_get_object (root);
  names = member_names (object);
  g_assert_cmpstr (names, ==, "errors,imported,skipped,unknown_columns,updated");
  assert_int_member (object, "imported", 1);
  assert_int_member (object, "updated", 1);
  assert_int_member (object, "skipped", 0);

  errors = json_object_get_array_member (object, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  error_names = member_names (json_array_get_object_element (errors, 0));
  g_assert_cmpstr (error_names, ==, "line,message");
  assert_int_member (json_array_get_object_element (errors, 0), "line", 4);
  assert_int_member (json_array_get_object_element (errors, 1), "line", 5);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (errors, 0),
                                                           "message"),
                            "source"));

  unknown = json_object_get_array_member (object, "unknown_columns");
  g_assert_cmpuint (json_array_get_length (unknown), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (unknown, 0), ==, "shoe size");

  updated = show_lead (f, id);
  g_assert_cmpstr (member_text (updated, "last_name"), ==, "Renamed");
  g_assert_cmpstr (member_text (updated, "city"), ==, "Oslo");
  g_assert_cmpstr (member_text (updated, "source"), ==, "Website");

  /* every column known: exactly SPEC 4's members */
  plain = write_csv (f, "plain.csv", "first_name,last_name,source\nBen,Baker,Email\nBen,Baker,Email\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&names, g_free);
  out = cli_ok (f, "import", "leads", plain, "--json", NULL);
  root = parse_json (out);
  object = json_node_get_object (root);
  names = member_names (object);
  g_assert_cmpstr (names, ==, "errors,imported,skipped,updated");
  assert_int_member (object, "imported", 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "errors")), ==, 0);
}

static void
test_import_exit_codes (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *latin1 = NULL;
  g_autofree char *no_columns = NULL;
  g_autofree char *all_bad = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  /* a file that cannot be read at all: 1, and no database is made */
  err = cli_fails (f, 1, "import", "leads", missing, NULL);
  g_assert_nonnull (strstr (err, "missing.csv"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  latin1 = write_csv (f, "latin1.csv", "first_name,last_name,source\nZo\xeb,Smith,Website\n");
  err = cli_fails (f, 1, "import", "leads", latin1, NULL);
  g_assert_nonnull (strstr (err, "Line 2 "));
  g_assert_nonnull (strstr (err, "UTF-8"));
  g_clear_pointer (&err, g_free);

  no_columns = write_csv (f, "none.csv", "colour,size\nred,L\n");
  err = cli_fails (f, 1, "import", "leads", no_columns, NULL);
  g_assert_nonnull (strstr (err, "No column"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (count_leads (f), ==, 0);

  /* rows with errors are not a failure of the command */
  all_bad = write_csv (f, "bad.csv", "first_name,last_name,source\nA,,Website\nB,,Website\n");
  out = cli_ok (f, "import", "leads", all_bad, NULL);
  g_assert_true (g_str_has_prefix (out, "Imported 0, updated 0, skipped 0; 2 rows with errors:\n"));

  /* usage errors */
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "import", "leads", all_bad, "--on-duplicate", "merge", NULL);
  g_assert_nonnull (strstr (err, "skip, update"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "import", "leads", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "import", "contacts", all_bad, NULL);
  g_assert_nonnull (strstr (err, "leads"));
}

/* export */

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *all = g_build_filename (f->dir, "all.csv", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no", "such", "out.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  g_autofree char *other_db = g_build_filename (f->dir, "other", "leadbook.db", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *object;
  gint64 zeta;

  zeta = ADD_LEAD (f, "Ann", "Zeta", "Website", "--phone", "+1 555 0101", "--notes", "=1+1",
                   "--tag", "vip");
  ADD_LEAD (f, "Bob", "Alpha", "Email");
  ADD_LEAD (f, "Cy", "Beta", "Email", "--rating", "hot");
  g_free (cli_ok (f, "lead", "edit", "3", "--status", "contacted", NULL));

  out = cli_ok (f, "export", "leads", path, "--status", "new", "--sort", "name", NULL);
  expected = g_strdup_printf ("Exported 2 leads to %s.\n", path);
  g_assert_cmpstr (out, ==, expected);

  g_file_get_contents (path, &contents, NULL, NULL);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "title,first_name,middle_name,last_name,email,phone,"));
  g_assert_true (g_str_has_prefix (lines[1], "Bob Alpha,Bob,,Alpha,,,Email,General,new,warm,"));
  g_assert_true (g_str_has_prefix (lines[2], "Ann Zeta,Ann,,Zeta,,'+1 555 0101,Website,"));
  g_assert_nonnull (strstr (lines[2], ",'=1+1,"));
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_null (lines[4]);

  /* --json */
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "--json", "export", "leads", all, NULL);
  root = parse_json (out);
  object = json_node_get_object (root);
  names = member_names (object);
  g_assert_cmpstr (names, ==, "exported,path");
  assert_int_member (object, "exported", 3);
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, all);

  /* refusals and usage errors */
  err = cli_fails (f, 1, "export", "leads", nowhere, NULL);
  g_assert_nonnull (strstr (err, "out.csv"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "export", "leads", path, "--status", "sleeping", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "export", "leads", path, "--limit", "3", NULL);
  assert_usage_error (err);

  /* what it wrote imports into another database as the same leads */
  g_clear_pointer (&out, g_free);
  {
    const char *args[] = { "--db", other_db, "import", "leads", all, NULL };
    g_autofree char *other_err = NULL;

    g_assert_cmpint (run_cli_argv (args, &out, &other_err), ==, 0);
    g_assert_cmpstr (out, ==, "Imported 3, updated 0, skipped 0.\n");
  }
  g_clear_pointer (&out, g_free);
  {
    const char *args[] = { "--db", other_db, "--json", "lead", "show", "3", NULL };
    g_autoptr(JsonNode) copy = NULL;
    g_autoptr(JsonNode) original = show_lead (f, zeta);
    g_autofree char *other_err = NULL;
    const char *keys[] = { "title", "first_name", "last_name", "phone", "source", "category",
                           "status", "rating", "description", "created_at" };

    g_assert_cmpint (run_cli_argv (args, &out, &other_err), ==, 0);
    copy = parse_json (out);
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      g_assert_cmpstr (member_text (copy, keys[i]), ==, member_text (original, keys[i]));
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (copy), "tags"), 0), ==, "vip");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init (argc, argv);

#define ADD_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD_TEST ("/cli/io/import/summary", test_import_summary);
  ADD_TEST ("/cli/io/import/json", test_import_json);
  ADD_TEST ("/cli/io/import/exit-codes", test_import_exit_codes);
  ADD_TEST ("/cli/io/export", test_export);

  return g_test_run ();
}
