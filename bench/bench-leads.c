#define G_LOG_DOMAIN "bench-leads"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "lb-demo.h"
#include "lb-enum-types.h"
#include "lb-lead-list.h"
#include "lb-store.h"

/* Measures the lead queries and the lazy lead list over a large
 * database (SPEC 5).  Prints one figure per line, "name: value unit";
 * times are the median of --runs runs.  See bench/README.md. */

typedef struct
{
  LbStore    *store;
  const char *path;
  guint       runs;
  guint       n_leads;
} Bench;

/* One run of a measured operation: does its own set-up, then reports
 * the time of the part that counts in @elapsed_us. */
typedef gboolean (*RunFunc) (Bench    *bench,
                             gpointer  data,
                             gint64   *elapsed_us,
                             GError  **error);

/* helpers */

static void
print_ms (const char *name,
          double      ms)
{
  g_print ("%s: %.2f ms\n", name, ms);
  fflush (stdout);
}

static void
print_count (const char *name,
             gint64      value,
             const char *unit)
{
  g_print ("%s: %" G_GINT64_FORMAT " %s\n", name, value, unit);
  fflush (stdout);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The resident set size of this process in MB, from /proc. */
static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static void
print_rss (const char *name)
{
  g_print ("%s: %.1f MB\n", name, resident_mb ());
  fflush (stdout);
}

/* Prints the median of @n times in microseconds (sorts @times). */
static void
print_median (const char *name,
              gint64     *times,
              guint       n)
{
  guint mid = n / 2;
  double median;

  qsort (times, n, sizeof (gint64), compare_int64);
  if (n % 2 == 1)
    median = times[mid];
  else
    median = (times[mid - 1] + times[mid]) / 2.0;

  print_ms (name, median / 1000.0);
}

/* Runs @func bench->runs times and prints the median. */
static gboolean
report_median (Bench       *bench,
               const char  *name,
               RunFunc      func,
               gpointer     data,
               GError     **error)
{
  g_autofree gint64 *times = g_new0 (gint64, bench->runs);

  for (guint i = 0; i < bench->runs; i++)
    if (!func (bench, data, &times[i], error))
      return FALSE;

  print_median (name, times, bench->runs);
  return TRUE;
}

static void
print_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  g_printerr ("\rgenerating leads: %u / %u", done, total);
  if (done == total)
    g_printerr ("\n");
}

static void
remove_tree (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir_path);
}

static void
on_loaded (LbLeadList *list,
           gboolean   *done)
{
  *done = TRUE;
}

static void
on_failed (LbLeadList    *list,
           const GError  *error,
           GError       **out_error)
{
  if (*out_error == NULL)
    *out_error = g_error_copy (error);
}

/* A new filter on a list that shows another one, as the leads page
 * sets it: when the first rows and when the whole result came in. */
typedef struct
{
  gint64    start;
  gint64    first_us;     /* to the first items-changed, or -1 */
  guint     first_rows;   /* how many rows that change showed */
  gboolean  loaded;
  GError   *failure;
} FirstRowsRun;

static void
on_first_rows (GListModel   *model,
               guint         position,
               guint         removed,
               guint         added,
               FirstRowsRun *run)
{
  if (run->first_us >= 0)
    return;
  run->first_us = g_get_monotonic_time () - run->start;
  run->first_rows = g_list_model_get_n_items (model);
}

static void
on_first_rows_loaded (LbLeadList   *list,
                      FirstRowsRun *run)
{
  run->loaded = TRUE;
}

static void
on_first_rows_failed (LbLeadList   *list,
                      const GError *error,
                      FirstRowsRun *run)
{
  if (run->failure == NULL)
    run->failure = g_error_copy (error);
}

static gboolean
wait_list (FirstRowsRun  *run,
           GError       **error)
{
  while (!run->loaded && run->failure == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (run->failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run->failure));
      return FALSE;
    }
  return TRUE;
}

/* The list first shows a search with a few matches; then @filter is
 * set and timed. */
static gboolean
run_first_rows (Bench               *bench,
                const LbLeadFilter  *filter,
                gint64              *first_us,
                gint64              *loaded_us,
                guint               *first_rows,
                GError             **error)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (bench->store);
  g_autoptr(LbLeadFilter) before = lb_lead_filter_new ();
  FirstRowsRun run = { 0 };

  g_signal_connect (list, "loaded", G_CALLBACK (on_first_rows_loaded), &run);
  g_signal_connect (list, "failed", G_CALLBACK (on_first_rows_failed), &run);

  before->search = g_strdup ("olga.novak.12");
  lb_lead_list_set_filter (list, before);
  if (!wait_list (&run, error))
    return FALSE;

  run.loaded = FALSE;
  run.first_us = -1;
  g_signal_connect (list, "items-changed", G_CALLBACK (on_first_rows), &run);
  run.start = g_get_monotonic_time ();
  lb_lead_list_set_filter (list, filter);
  if (!wait_list (&run, error))
    return FALSE;

  *loaded_us = g_get_monotonic_time () - run.start;
  *first_us = run.first_us >= 0 ? run.first_us : *loaded_us;
  *first_rows = run.first_us >= 0 ? run.first_rows : 0;

  return TRUE;
}

/* runs */

static gboolean
run_open (Bench    *bench,
          gpointer  data,
          gint64   *elapsed_us,
          GError  **error)
{
  g_autoptr(LbStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  store = lb_store_open (bench->path, error);
  *elapsed_us = g_get_monotonic_time () - start;

  return store != NULL;
}

static gboolean
run_count (Bench    *bench,
           gpointer  data,
           gint64   *elapsed_us,
           GError  **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 count = lb_store_count_leads (bench->store, data, error);

  *elapsed_us = g_get_monotonic_time () - start;
  return count >= 0;
}

static gboolean
run_ids (Bench    *bench,
         gpointer  data,
         gint64   *elapsed_us,
         GError  **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 start = g_get_monotonic_time ();

  ids = lb_store_query_lead_ids (bench->store, data, 0, error);
  *elapsed_us = g_get_monotonic_time () - start;

  return ids != NULL;
}

static gboolean
run_list_reload (Bench    *bench,
                 gpointer  data,
                 gint64   *elapsed_us,
                 GError  **error)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (bench->store);
  gint64 start = g_get_monotonic_time ();
  gboolean ok = lb_lead_list_reload_sync (list, error);

  *elapsed_us = g_get_monotonic_time () - start;
  return ok;
}

/* What the GUI does: the query runs in a worker thread on a reader
 * connection, and "loaded" arrives in the main loop. */
static gboolean
run_list_reload_async (Bench    *bench,
                       gpointer  data,
                       gint64   *elapsed_us,
                       GError  **error)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (bench->store);
  GError *failure = NULL;
  gboolean done = FALSE;
  gint64 start;

  g_signal_connect (list, "loaded", G_CALLBACK (on_loaded), &done);
  g_signal_connect (list, "failed", G_CALLBACK (on_failed), &failure);

  start = g_get_monotonic_time ();
  lb_lead_list_reload (list);
  while (!done && failure == NULL)
    g_main_context_iteration (NULL, TRUE);
  *elapsed_us = g_get_monotonic_time () - start;

  if (failure != NULL)
    {
      g_propagate_error (error, failure);
      return FALSE;
    }
  return TRUE;
}

/* Reads 50 rows from a freshly loaded list, from @data's position on. */
static gboolean
run_list_window (Bench    *bench,
                 gpointer  data,
                 gint64   *elapsed_us,
                 GError  **error)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (bench->store);
  guint first = GPOINTER_TO_UINT (data);
  gint64 start;

  if (!lb_lead_list_reload_sync (list, error))
    return FALSE;

  start = g_get_monotonic_time ();
  for (guint i = first; i < first + 50; i++)
    {
      g_autoptr(LbLead) lead = g_list_model_get_item (G_LIST_MODEL (list), i);
    }
  *elapsed_us = g_get_monotonic_time () - start;

  return TRUE;
}

static gboolean
run_hot_leads (Bench    *bench,
               gpointer  data,
               gint64   *elapsed_us,
               GError  **error)
{
  g_autoptr(GPtrArray) leads = NULL;
  gint64 start = g_get_monotonic_time ();

  leads = lb_store_hot_leads (bench->store, 20, error);
  *elapsed_us = g_get_monotonic_time () - start;

  return leads != NULL;
}

/* figures */

/* Prints the count and id-query times of @filter and its number of
 * matches, as "filter-NAME-count", "filter-NAME-ids", "filter-NAME-matches". */
static gboolean
bench_filter (Bench               *bench,
              const char          *name,
              const LbLeadFilter  *filter,
              GError             **error)
{
  g_autofree char *count_name = g_strdup_printf ("filter-%s-count", name);
  g_autofree char *ids_name = g_strdup_printf ("filter-%s-ids", name);
  g_autofree char *matches_name = g_strdup_printf ("filter-%s-matches", name);
  gint64 matches;

  if (!report_median (bench, count_name, run_count, (gpointer)filter, error) ||
      !report_median (bench, ids_name, run_ids, (gpointer)filter, error))
    return FALSE;

  matches = lb_store_count_leads (bench->store, filter, error);
  if (matches < 0)
    return FALSE;
  print_count (matches_name, matches, "leads");

  return TRUE;
}

/* Prints "list-first-rows-NAME", "list-first-rows-NAME-count" and
 * "list-loaded-NAME": a new filter on the list, to its first rows and
 * to its whole result. */
static gboolean
bench_first_rows (Bench               *bench,
                  const char          *name,
                  const LbLeadFilter  *filter,
                  GError             **error)
{
  g_autofree char *first_name = g_strdup_printf ("list-first-rows-%s", name);
  g_autofree char *count_name = g_strdup_printf ("list-first-rows-%s-count", name);
  g_autofree char *loaded_name = g_strdup_printf ("list-loaded-%s", name);
  g_autofree gint64 *first = g_new0 (gint64, bench->runs);
  g_autofree gint64 *loaded = g_new0 (gint64, bench->runs);
  guint rows = 0;

  for (guint i = 0; i < bench->runs; i++)
    if (!run_first_rows (bench, filter, &first[i], &loaded[i], &rows, error))
      return FALSE;

  print_median (first_name, first, bench->runs);
  print_count (count_name, rows, "leads");
  print_median (loaded_name, loaded, bench->runs);

  return TRUE;
}

/* What the leads page waits for after a new filter or search. */
static gboolean
bench_list_filters (Bench   *bench,
                    GError **error)
{
  const char * const tags[] = { "vip", NULL };

  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    if (!bench_first_rows (bench, "none", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->status = LB_LEAD_STATUS_CONTACTED;
    if (!bench_first_rows (bench, "status", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->category = g_strdup ("General");
    if (!bench_first_rows (bench, "category", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->tags = g_strdupv ((char **)tags);
    if (!bench_first_rows (bench, "tag", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->search = g_strdup ("Kowalski");
    if (!bench_first_rows (bench, "search-surname", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->search = g_strdup ("Kowalski");
    filter->sort = LB_LEAD_SORT_NAME;
    filter->descending = FALSE;
    if (!bench_first_rows (bench, "search-surname-by-name", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->sort = LB_LEAD_SORT_NAME;
    filter->descending = FALSE;
    if (!bench_first_rows (bench, "sort-name", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->status = LB_LEAD_STATUS_NEW;
    filter->source = g_strdup ("Website");
    filter->rating = LB_RATING_HOT;
    filter->since = g_get_real_time () / G_USEC_PER_SEC - 365 * 86400;
    filter->search = g_strdup ("anna");
    if (!bench_first_rows (bench, "combined", filter, error))
      return FALSE;
  }

  return TRUE;
}

static gboolean
bench_filters (Bench   *bench,
               GError **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char * const tags[] = { "vip", NULL };

  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    if (!bench_filter (bench, "none", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->status = LB_LEAD_STATUS_CONTACTED;
    if (!bench_filter (bench, "status", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->source = g_strdup ("Partner");
    if (!bench_filter (bench, "source", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->category = g_strdup ("General");
    if (!bench_filter (bench, "category", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->tags = g_strdupv ((char **)tags);
    if (!bench_filter (bench, "tag", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->rating = LB_RATING_HOT;
    if (!bench_filter (bench, "rating", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->since = now - 90 * 86400;
    filter->until = now - 30 * 86400;
    if (!bench_filter (bench, "created-range", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->owner = g_strdup ("Alex");
    if (!bench_filter (bench, "owner", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->search = g_strdup ("Kowalski");
    if (!bench_filter (bench, "search-surname", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->search = g_strdup ("olga.novak.12");
    if (!bench_filter (bench, "search-email-prefix", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->search = g_strdup ("15550421");
    if (!bench_filter (bench, "search-phone-digits", filter, error))
      return FALSE;
  }
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    filter->status = LB_LEAD_STATUS_NEW;
    filter->source = g_strdup ("Website");
    filter->rating = LB_RATING_HOT;
    filter->since = now - 365 * 86400;
    filter->search = g_strdup ("anna");
    if (!bench_filter (bench, "combined", filter, error))
      return FALSE;
  }

  return TRUE;
}

static gboolean
bench_sorts (Bench   *bench,
             GError **error)
{
  for (int sort = LB_LEAD_SORT_CREATED; sort <= LB_LEAD_SORT_DELETED; sort++)
    {
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
          g_autofree char *name = NULL;

          filter->sort = sort;
          filter->descending = descending;
          name = g_strdup_printf ("sort-%s-%s-ids", lb_enum_to_nick (LB_TYPE_LEAD_SORT, sort),
                                  descending ? "desc" : "asc");
          if (!report_median (bench, name, run_ids, filter, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The list the leads page shows: its load time, the first screen, a
 * screen in the middle, and what it costs in memory. */
static gboolean
bench_list (Bench   *bench,
            GError **error)
{
  g_autoptr(LbLeadList) list = NULL;
  g_autofree char *scroll_name = NULL;
  g_autofree char *scrolled_name = NULL;
  guint n_scroll;
  guint middle;
  gint64 start;

  print_rss ("rss-store-open");

  list = lb_lead_list_new (bench->store);
  if (!lb_lead_list_reload_sync (list, error))
    return FALSE;
  for (guint i = 0; i < MIN (50, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
    {
      g_autoptr(LbLead) lead = g_list_model_get_item (G_LIST_MODEL (list), i);
    }
  print_rss ("rss-list-loaded");

  /* Every position, as a view scrolled from the top would ask for them. */
  n_scroll = MIN (10000, g_list_model_get_n_items (G_LIST_MODEL (list)));
  scroll_name = g_strdup_printf ("list-scroll-%u", n_scroll);
  scrolled_name = g_strdup_printf ("rss-list-scrolled-%u", n_scroll);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_scroll; i++)
    {
      g_autoptr(LbLead) lead = g_list_model_get_item (G_LIST_MODEL (list), i);
    }
  print_ms (scroll_name, (g_get_monotonic_time () - start) / 1000.0);
  print_rss (scrolled_name);
  g_clear_object (&list);

  if (!report_median (bench, "list-reload-sync", run_list_reload, NULL, error) ||
      !report_median (bench, "list-reload-async", run_list_reload_async, NULL, error) ||
      !report_median (bench, "list-items-0-49", run_list_window, GUINT_TO_POINTER (0), error))
    return FALSE;

  middle = bench->n_leads > 100 ? bench->n_leads / 2 - 25 : 0;
  if (bench->n_leads >= 50 &&
      !report_median (bench, "list-items-middle-50", run_list_window,
                      GUINT_TO_POINTER (middle), error))
    return FALSE;

  return TRUE;
}

/* Opens (or makes) the database and adds leads until it holds @wanted. */
static gboolean
prepare_database (Bench   *bench,
                  guint    wanted,
                  GError **error)
{
  g_autoptr(LbLeadFilter) all = lb_lead_filter_new ();
  gint64 count;

  bench->store = lb_store_open (bench->path, error);
  if (bench->store == NULL)
    return FALSE;

  count = lb_store_count_leads (bench->store, all, error);
  if (count < 0)
    return FALSE;

  if (count < wanted)
    {
      gint64 start = g_get_monotonic_time ();

      if (!lb_demo_add_leads (bench->store, wanted - count, 1, print_progress, NULL, error))
        return FALSE;
      print_ms ("generate-leads", (g_get_monotonic_time () - start) / 1000.0);

      /* Measure memory from a clean start, not from what generating left. */
      g_clear_object (&bench->store);
#ifdef __GLIBC__
      malloc_trim (0);
#endif
      bench->store = lb_store_open (bench->path, error);
      if (bench->store == NULL)
        return FALSE;
      count = lb_store_count_leads (bench->store, all, error);
      if (count < 0)
        return FALSE;
    }

  bench->n_leads = count;
  print_count ("leads", count, "leads");

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  Bench bench = { 0 };
  int n_leads = 1000000;
  int runs = 5;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "leads", 0, 0, G_OPTION_ARG_INT, &n_leads, "Leads in the database (default 1000000)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      "Database to use; it is reused, and filled up to N leads when it has fewer "
      "(default: a temporary file, removed at the end)", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure; the median is printed (default 5)",
      "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- measure the lead queries over a large database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_leads < 0 || runs < 1)
    {
      g_printerr ("--leads must be 0 or more and --runs 1 or more\n");
      return 2;
    }

  if (db_path != NULL)
    path = g_strdup (db_path);
  else
    {
      tmp_dir = g_dir_make_tmp ("leadbook-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      path = g_build_filename (tmp_dir, "leadbook.db", NULL);
    }

  bench.path = path;
  bench.runs = runs;

  ok = prepare_database (&bench, n_leads, &error) &&
       report_median (&bench, "open-store", run_open, NULL, &error) &&
       bench_list (&bench, &error) &&
       bench_list_filters (&bench, &error) &&
       bench_filters (&bench, &error) &&
       bench_sorts (&bench, &error) &&
       report_median (&bench, "hot-leads-20", run_hot_leads, NULL, &error);

  g_clear_object (&bench.store);
  if (tmp_dir != NULL)
    remove_tree (tmp_dir);

  if (!ok)
    {
      g_printerr ("bench-leads: %s\n", error->message);
      return 1;
    }

  return 0;
}
