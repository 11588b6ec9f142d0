#define G_LOG_DOMAIN "bench-import"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "lb-demo.h"
#include "lb-lead-import.h"
#include "lb-store.h"

/* Measures the CSV import of leads against the sqlite3 shell (SPEC 5:
 * importing a 1,000,000-row CSV takes at most 2x what `.import` of the
 * same file into a bare table takes, same machine, same run).
 *
 *   bench-import [--rows N] [--seed N] [--keep]
 *
 * Writes a realistic lead CSV of N rows (default 1,000,000) into a
 * temporary folder, times `sqlite3 FILE.db` with `.mode csv` and
 * `.import FILE.csv bare` (a new file database, bare table), then
 * lb_import_leads() into a new Leadbook database, and prints both times
 * and their ratio, one figure per line ("name: value unit"). */

static const char * const countries[] = {
  "Germany", "France", "Portugal", "Poland", "Netherlands", "Finland", "Czechia",
};

static const char * const sources[] = {
  "Website", "Website form", "Email", "Phone call", "Chat", "Social network",
  "Partner", "Self-generation",
};

static const char * const statuses[] = { "new", "new", "contacted", "lost" };
static const char * const ratings[] = { "hot", "warm", "warm", "cold" };
static const char * const tags[] = {
  "", "", "", "vip", "newsletter", "trade-fair; vip", "follow-up", "b2b, newsletter",
};

static const char * const notes[] = {
  "", "", "", "",
  "\"Called back, wants a quote\"",
  "\"Met at the fair, said \"\"call me\"\" in spring\"",
  "\"Two offices:\nBerlin and Graz\"",
  "Budget approved for Q3",
};

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

/* A word of one of the demo data's lists. */
static const char *
pick_word (GRand       *rand,
           LbDemoWords  which)
{
  guint n;
  const char * const *words = lb_demo_words (which, &n);

  return words[g_rand_int_range (rand, 0, n)];
}

/* helpers */

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time (user + system) of this process, or of its waited-for
 * children, in ms. */
static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
print_ms (const char *name,
          double      ms)
{
  g_print ("%s: %.0f ms\n", name, ms);
}

static gboolean
write_csv (const char  *path,
           guint        rows,
           guint32      seed,
           GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) out = g_string_sized_new (1 << 21);
  FILE *file = g_fopen (path, "wb");

  if (file == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "Cannot write %s: %s", path, g_strerror (errno));
      return FALSE;
    }

  g_string_append (out, "First Name,Last Name,Email,Phone,Company,Lead Source,Status,Rating,"
                        "Tags,Street,City,Postal Code,Country,Notes,Created\r\n");
  for (guint i = 0; i < rows; i++)
    {
      const char *first = pick_word (rand, LB_DEMO_FIRST_NAMES);
      const char *last = pick_word (rand, LB_DEMO_LAST_NAMES);
      g_autofree char *first_ascii = g_str_to_ascii (first, "C");
      g_autofree char *last_ascii = g_str_to_ascii (last, "C");
      g_autofree char *email = g_ascii_strdown (first_ascii, -1);
      g_autofree char *email_last = g_ascii_strdown (last_ascii, -1);
      int roll = g_rand_int_range (rand, 0, 100);

      g_string_append_printf (out, "%s,%s,", first, last);
      if (roll < 90)
        g_string_append_printf (out, "%s.%s.%u@example.com", email, email_last, i);
      g_string_append_c (out, ',');
      if (roll > 5)
        g_string_append_printf (out, "+1 555 %03u %04u", (i / 10000) % 1000, i % 10000);
      g_string_append_printf (out, ",%s,%s,%s,%s,\"%s\",%u Main Street,%s,%05u,%s,%s,"
                                   "%04u-%02u-%02u\r\n",
                              pick_word (rand, LB_DEMO_COMPANIES), PICK (rand, sources),
                              PICK (rand, statuses), PICK (rand, ratings), PICK (rand, tags),
                              g_rand_int_range (rand, 1, 300), pick_word (rand, LB_DEMO_CITIES),
                              g_rand_int_range (rand, 1000, 99999), PICK (rand, countries),
                              PICK (rand, notes), g_rand_int_range (rand, 2023, 2026),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

      if (out->len >= (1 << 20))
        {
          fwrite (out->str, 1, out->len, file);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, file);

  if (fclose (file) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "Cannot write %s: %s", path, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* `sqlite3 DB -cmd ".mode csv" ".import CSV bare"`: returns the time in
 * ms, or a negative number when it failed. */
static double
time_sqlite3 (const char *db_path,
              const char *csv_path)
{
  g_autofree char *import = g_strdup_printf (".import '%s' bare", csv_path);
  const char *argv[] = { "sqlite3", db_path, "-cmd", ".mode csv", import, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("sqlite3 failed: %s\n%s", error->message, err != NULL ? err : "");
      return -1;
    }

  return elapsed_ms (start);
}

static void
print_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbLeadFilter) all = lb_lead_filter_new ();
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autofree char *db_path = NULL;
  guint rows = 1000000;
  guint32 seed = 1;
  gboolean keep = FALSE;
  guint progress_calls = 0;
  double sqlite_ms, leadbook_ms, sqlite_cpu_ms, leadbook_cpu_ms;
  gint64 start;
  GStatBuf st;

  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--rows") == 0 && i + 1 < argc)
        rows = strtoul (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--seed") == 0 && i + 1 < argc)
        seed = strtoul (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--keep") == 0)
        keep = TRUE;
      else
        {
          g_printerr ("Usage: %s [--rows N] [--seed N] [--keep]\n", argv[0]);
          return 2;
        }
    }
  if (rows == 0)
    {
      g_printerr ("--rows needs a whole number of at least 1\n");
      return 2;
    }

  dir = g_dir_make_tmp ("bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  csv_path = g_build_filename (dir, "leads.csv", NULL);
  bare_path = g_build_filename (dir, "bare.db", NULL);
  db_path = g_build_filename (dir, "leadbook.db", NULL);

  start = g_get_monotonic_time ();
  if (!write_csv (csv_path, rows, seed, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_stat (csv_path, &st);
  g_print ("rows: %u\n", rows);
  g_print ("csv-size: %.1f MB\n", st.st_size / 1e6);
  print_ms ("generate-csv", elapsed_ms (start));

  sqlite_cpu_ms = cpu_ms (RUSAGE_CHILDREN);
  sqlite_ms = time_sqlite3 (bare_path, csv_path);
  if (sqlite_ms < 0)
    return 1;
  sqlite_cpu_ms = cpu_ms (RUSAGE_CHILDREN) - sqlite_cpu_ms;
  print_ms ("sqlite3-import", sqlite_ms);
  print_ms ("sqlite3-import-cpu", sqlite_cpu_ms);

  store = lb_store_open (db_path, &error);
  g_assert_no_error (error);

  leadbook_cpu_ms = cpu_ms (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  result = lb_import_leads (store, csv_path, LB_DUPLICATES_SKIP, NULL, print_progress,
                            &progress_calls, &error);
  leadbook_ms = elapsed_ms (start);
  leadbook_cpu_ms = cpu_ms (RUSAGE_SELF) - leadbook_cpu_ms;
  if (result == NULL)
    {
      g_printerr ("The import failed: %s\n", error->message);
      return 1;
    }
  print_ms ("leadbook-import", leadbook_ms);
  print_ms ("leadbook-import-cpu", leadbook_cpu_ms);
  g_print ("leadbook-imported: %u\n", result->imported);
  g_print ("leadbook-skipped: %u\n", result->skipped);
  g_print ("leadbook-row-errors: %u\n", result->errors->len);
  for (guint i = 0; i < MIN (result->errors->len, 3); i++)
    {
      LbImportIssue *issue = &g_array_index (result->errors, LbImportIssue, i);

      g_print ("leadbook-row-error-sample: line %u: %s\n", issue->line, issue->message);
    }
  g_print ("leadbook-leads: %" G_GINT64_FORMAT "\n", lb_store_count_leads (store, all, NULL));
  g_print ("progress-calls: %u\n", progress_calls);
  g_print ("ratio: %.2f\n", leadbook_ms / sqlite_ms);
  g_print ("ratio-cpu: %.2f\n", leadbook_cpu_ms / sqlite_cpu_ms);

  g_clear_object (&store);
  if (keep)
    g_print ("kept: %s\n", dir);
  else
    remove_tree (dir);

  return 0;
}
