#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lb-csv.h"
#include "lb-test-util.h"

/* The CSV reader and writer of src/io/lb-csv.c (SPEC 3.9). */

typedef struct
{
  char *dir;
  guint n_files;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("leadbook-csv-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  lb_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Writes @len bytes (-1: a string) to a new file of the fixture. */
static char *
write_file (Fixture    *f,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("file-%u.csv", f->n_files++);
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  return path;
}

/* Reads every record: each as its fields joined with '|', prefixed with
 * its line and ':', one per element. */
static GPtrArray *
read_all (const char  *path,
          GError     **error)
{
  g_autoptr(LbCsvReader) reader = lb_csv_reader_new (path, error);
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *fields;
  guint line;

  if (reader == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func (g_free);
  while (lb_csv_reader_next (reader, &fields, &line, error))
    {
      g_autoptr(GString) record = g_string_new (NULL);

      g_string_printf (record, "%u:", line);
      for (guint i = 0; i < fields->len; i++)
        g_string_append_printf (record, "%s%s", i > 0 ? "|" : "",
                                (char *)g_ptr_array_index (fields, i));
      g_ptr_array_add (records, g_string_free (g_steal_pointer (&record), FALSE));
    }
  if (error != NULL && *error != NULL)
    return NULL;

  g_assert_cmpuint (lb_csv_reader_get_offset (reader), ==, lb_csv_reader_get_size (reader));
  return g_steal_pointer (&records);
}

/* Reads @contents and checks the records against @expected (NULL-terminated). */
static void
assert_records (Fixture            *f,
                const char         *contents,
                const char * const *expected)
{
  g_autofree char *path = write_file (f, contents, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = read_all (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, records->len);
      g_assert_cmpstr (g_ptr_array_index (records, i), ==, expected[i]);
    }
  g_assert_cmpuint (records->len, ==, g_strv_length ((char **)expected));
}

static char
delimiter_of (Fixture    *f,
              const char *contents)
{
  g_autofree char *path = write_file (f, contents, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = lb_csv_reader_new (path, &error);

  g_assert_no_error (error);
  return lb_csv_reader_get_delimiter (reader);
}

static char *
record_text (const char * const *fields,
             guint               n_fields)
{
  g_autoptr(GString) out = g_string_new (NULL);

  lb_csv_append_record (out, fields, n_fields);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* reader tests */

static void
test_plain (Fixture       *f,
            gconstpointer  data)
{
  assert_records (f, "a,b,c\r\n1,2,3\r\n",
                  (const char *[]) { "1:a|b|c", "2:1|2|3", NULL });
  /* LF alone, a last line without a line break */
  assert_records (f, "a,b\n1,2\n3,4",
                  (const char *[]) { "1:a|b", "2:1|2", "3:3|4", NULL });
  /* a lone CR ends a line too */
  assert_records (f, "a,b\r1,2\r",
                  (const char *[]) { "1:a|b", "2:1|2", NULL });
}

static void
test_quoted (Fixture       *f,
             gconstpointer  data)
{
  /* delimiters, doubled quotes, line breaks inside quotes; the record
   * after a multi-line one starts on the right line */
  assert_records (f,
                  "name,note\r\n"
                  "\"Smith, Anna\",\"She said \"\"hi\"\"\"\r\n"
                  "\"Two\r\nlines\",\"and\nthree\nhere\"\r\n"
                  "last,\"\"\r\n",
                  (const char *[]) {
                    "1:name|note",
                    "2:Smith, Anna|She said \"hi\"",
                    "3:Two\r\nlines|and\nthree\nhere",
                    "7:last|",
                    NULL });
  /* a quoted field at the end of the file without a line break */
  assert_records (f, "a\n\"x,y\"", (const char *[]) { "1:a", "2:x,y", NULL });
  /* leniency: text after a closing quote is kept, a quote inside an
   * unquoted field is an ordinary character */
  assert_records (f, "\"abc\"def,ab\"c\n",
                  (const char *[]) { "1:abcdef|ab\"c", NULL });
}

static void
test_empty_fields (Fixture       *f,
                   gconstpointer  data)
{
  assert_records (f, "a,b,c\n,,\na,,c\n,b,\nx,y,\n",
                  (const char *[]) { "1:a|b|c", "2:||", "3:a||c", "4:|b|", "5:x|y|", NULL });
  /* a blank line is a record of one empty field */
  assert_records (f, "a\n\nb\n", (const char *[]) { "1:a", "2:", "3:b", NULL });
  /* an empty file has no record */
  assert_records (f, "", (const char *[]) { NULL });
}

static void
test_bom (Fixture       *f,
          gconstpointer  data)
{
  assert_records (f, "\xef\xbb\xbfname,city\r\nZoë,Gdańsk\r\n",
                  (const char *[]) { "1:name|city", "2:Zoë|Gdańsk", NULL });
  assert_records (f, "\xef\xbb\xbf", (const char *[]) { NULL });
}

static void
test_delimiters (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (delimiter_of (f, "a,b,c\n1;2;3;4;5\n"), ==, ',');
  g_assert_cmpint (delimiter_of (f, "a;b;c\n1,2,3\n"), ==, ';');
  g_assert_cmpint (delimiter_of (f, "a\tb\tc\n1,2\n"), ==, '\t');
  /* delimiters inside quotes do not count */
  g_assert_cmpint (delimiter_of (f, "\"a;b;c;d\",e\n"), ==, ',');
  g_assert_cmpint (delimiter_of (f, "\"a,b,c\";d;e\n"), ==, ';');
  /* one column, and a tie: comma */
  g_assert_cmpint (delimiter_of (f, "name\nx\n"), ==, ',');
  g_assert_cmpint (delimiter_of (f, "a,b;c\n"), ==, ',');
  g_assert_cmpint (delimiter_of (f, "\xef\xbb\xbf" "a;b\n"), ==, ';');

  assert_records (f, "first;last;note\r\nAnna;Smith;\"a;b, c\"\r\n",
                  (const char *[]) { "1:first|last|note", "2:Anna|Smith|a;b, c", NULL });
  assert_records (f, "first\tlast\nAnna\tSmith, Jr\n",
                  (const char *[]) { "1:first|last", "2:Anna|Smith, Jr", NULL });
}

static void
test_open_quote (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (f, "a,b\n1,2\n3,\"never\nclosed\n4,5\n", -1);
  g_autoptr(LbCsvReader) reader = lb_csv_reader_new (path, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  g_assert_true (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_true (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_false (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_clear_error (&error);

  /* past the error: the end of the file */
  g_assert_false (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_no_error (error);
}

static void
test_bad_utf8 (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *binary = NULL;
  g_autofree char *header = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  /* Latin-1 "é" on the second line of a record that starts on line 3 */
  path = write_file (f, "a,b\nx,y\n\"multi\nline caf\xe9\",z\nok,ok\n", -1);
  reader = lb_csv_reader_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_true (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_false (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 4 "));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);
  /* the reader moved past the bad record */
  g_assert_true (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "ok");

  /* UTF-16 with its byte order mark, a binary file: refused at once */
  utf16 = write_file (f, "\xff\xfe" "a\0,\0b\0", 8);
  g_assert_null (lb_csv_reader_new (utf16, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  binary = write_file (f, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_assert_null (lb_csv_reader_new (binary, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* a bad header line */
  header = write_file (f, "n\xe4me,city\nx,y\n", -1);
  g_clear_pointer (&reader, lb_csv_reader_free);
  reader = lb_csv_reader_new (header, &error);
  g_assert_no_error (error);
  g_assert_false (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 1 "));
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "nothing.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (lb_csv_reader_new (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nothing.csv"));
  g_clear_error (&error);

  g_assert_null (lb_csv_reader_new (f->dir, &error));
  g_assert_nonnull (error);
}

/* Records cut by the reader's blocks (1 MiB): many small records, a
 * quoted field across a block's end, and one field bigger than a block. */
static void
test_big_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("id,note\r\n");
  g_autofree char *path = NULL;
  g_autofree char *big = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line, n = 0, expected_line = 2;
  const guint n_small = 60000;

  for (guint i = 0; i < n_small; i++)
    g_string_append_printf (text, "%u,\"note \"\"%u\"\",\r\nsecond line\"\r\n", i, i);
  big = g_strnfill (3 << 20, 'x');
  g_string_append_printf (text, "%u,\"%s\"\r\nend,end", n_small, big);
  path = write_file (f, text->str, text->len);

  reader = lb_csv_reader_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_cmpuint (line, ==, 1);

  while (lb_csv_reader_next (reader, &fields, &line, &error))
    {
      g_autofree char *id = g_strdup_printf ("%u", n);
      g_autofree char *note = g_strdup_printf ("note \"%u\",\r\nsecond line", n);

      if (n == n_small + 1)
        {
          g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "end");
          g_assert_cmpuint (line, ==, expected_line);
          n++;
          continue;
        }
      g_assert_cmpuint (fields->len, ==, 2);
      g_assert_cmpuint (line, ==, expected_line);
      g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, id);
      if (n < n_small)
        g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, note);
      else
        g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, big);
      expected_line += n < n_small ? 2 : 1;
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_small + 2);
  g_assert_cmpuint (lb_csv_reader_get_size (reader), ==, text->len);
  g_assert_cmpuint (lb_csv_reader_get_offset (reader), ==, text->len);
}

/* writer tests */

static void
test_writer_quoting (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *plain = record_text ((const char *[]) { "a", "b c", "", NULL }, 4);
  g_autofree char *quoted = record_text ((const char *[]) { "x,y", "say \"hi\"", "a\nb", "c\rd" }, 4);
  g_autofree char *unicode = record_text ((const char *[]) { "Zoë", "Gdańsk; Polska" }, 2);

  g_assert_cmpstr (plain, ==, "a,b c,,\r\n");
  g_assert_cmpstr (quoted, ==, "\"x,y\",\"say \"\"hi\"\"\",\"a\nb\",\"c\rd\"\r\n");
  g_assert_cmpstr (unicode, ==, "Zoë,Gdańsk; Polska\r\n");
}

static void
test_writer_guard (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *guarded =
    record_text ((const char *[]) { "=SUM(A1)", "+1 555", "-5", "@cmd", "\tx", "\rx", "a=b" }, 7);
  g_autofree char *quoted = record_text ((const char *[]) { "=1,2", "'=x", "'plain" }, 3);

  g_assert_cmpstr (guarded, ==, "'=SUM(A1),'+1 555,'-5,'@cmd,'\tx,\"'\rx\",a=b\r\n");
  g_assert_cmpstr (quoted, ==, "\"'=1,2\",''=x,'plain\r\n");

  g_assert_true (lb_csv_needs_guard ("=x"));
  g_assert_true (lb_csv_needs_guard ("''-x"));
  g_assert_false (lb_csv_needs_guard ("'x"));
  g_assert_false (lb_csv_needs_guard (""));
  g_assert_false (lb_csv_needs_guard (NULL));

  g_assert_cmpstr (lb_csv_strip_guard ("'=1"), ==, "=1");
  g_assert_cmpstr (lb_csv_strip_guard ("''=1"), ==, "'=1");
  g_assert_cmpstr (lb_csv_strip_guard ("'abc"), ==, "'abc");
  g_assert_cmpstr (lb_csv_strip_guard ("'"), ==, "'");
  g_assert_cmpstr (lb_csv_strip_guard ("=1"), ==, "=1");
}

/* What the writer writes, the reader reads back as it was (with the
 * guard taken off). */
static void
test_writer_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  const char *values[] = {
    "plain", "", "comma, here", "quote \" here", "\"\"", "two\r\nlines", "lone\rCR",
    "=HYPERLINK(\"x\")", "+49 30 1234", "-", "@", "\tindent", "'already", "'=quoted",
    "Zoë Ørsted", "semi;colon", "tab\there",
  };
  const guint n = G_N_ELEMENTS (values);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint line;

  lb_csv_append_record (out, values, n);
  lb_csv_append_record (out, values, n);
  path = write_file (f, out->str, out->len);

  reader = lb_csv_reader_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_csv_reader_get_delimiter (reader), ==, ',');
  for (guint r = 0; r < 2; r++)
    {
      g_assert_true (lb_csv_reader_next (reader, &fields, &line, &error));
      g_assert_cmpuint (fields->len, ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (lb_csv_strip_guard (g_ptr_array_index (fields, i)), ==, values[i]);
    }
  g_assert_false (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/csv/read/plain", test_plain);
  ADD ("/csv/read/quoted", test_quoted);
  ADD ("/csv/read/empty-fields", test_empty_fields);
  ADD ("/csv/read/bom", test_bom);
  ADD ("/csv/read/delimiters", test_delimiters);
  ADD ("/csv/read/open-quote", test_open_quote);
  ADD ("/csv/read/bad-utf8", test_bad_utf8);
  ADD ("/csv/read/missing-file", test_missing_file);
  ADD ("/csv/read/big-file", test_big_file);
  ADD ("/csv/write/quoting", test_writer_quoting);
  ADD ("/csv/write/guard", test_writer_guard);
  ADD ("/csv/write/round-trip", test_writer_round_trip);

#undef ADD

  return g_test_run ();
}
