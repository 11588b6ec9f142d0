#include "config.h"

#include <string.h>

#include "lb-demo.h"
#include "lb-lead-actions.h"
#include "lb-lead-list.h"
#include "lb-test-util.h"

typedef struct
{
  guint n_changes;
  guint last_position;
  guint last_removed;
  guint last_added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_changes++;
  changes->last_position = position;
  changes->last_removed = removed;
  changes->last_added = added;
}

static void
on_loaded (LbLeadList *list,
           gboolean   *loaded)
{
  *loaded = TRUE;
}

static void
wait_loaded (LbLeadList *list)
{
  gboolean loaded = FALSE;
  gulong id = g_signal_connect (list, "loaded", G_CALLBACK (on_loaded), &loaded);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!loaded && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (list, id);
  g_assert_true (loaded);
}

static void
test_list_lazy_rows (LbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) first = NULL;
  g_autoptr(LbLead) again = NULL;
  g_autoptr(LbLead) last = NULL;
  g_autoptr(LbLead) far = NULL;
  Changes changes = { 0 };

  g_assert_true (lb_demo_add_leads (fixture->store, 4000, 7, NULL, NULL, &error));
  g_assert_no_error (error);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (lb_lead_list_reload_sync (list, &error));
  g_assert_no_error (error);

  /* One signal for the whole change. */
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (changes.last_removed, ==, 0);
  g_assert_cmpuint (changes.last_added, ==, 4000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4000);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == LB_TYPE_LEAD);

  /* The same object for the same position while it is cached. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);
  g_assert_cmpint (lb_lead_get_id (first), ==, lb_lead_list_get_id (list, 0));
  g_assert_nonnull (lb_lead_get_last_name (first));

  last = g_list_model_get_item (G_LIST_MODEL (list), 3999);
  g_assert_nonnull (last);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 4000));
  g_assert_cmpuint (lb_lead_list_find (list, lb_lead_get_id (last)), ==, 3999);
  g_assert_cmpuint (lb_lead_list_find (list, -5), ==, G_MAXUINT);

  /* Newest first by default. */
  g_assert_cmpint (lb_lead_get_int (first, LB_LEAD_CREATED_AT), >=,
                   lb_lead_get_int (last, LB_LEAD_CREATED_AT));

  /* Walking the whole list keeps only a window of rows alive: once
   * our references are gone, the first row is freed. */
  far = first;
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *)&far);
  g_clear_object (&first);
  g_clear_object (&again);
  g_assert_nonnull (far);
  for (guint i = 0; i < 4000; i++)
    {
      g_autoptr(LbLead) lead = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (lb_lead_get_id (lead), ==, lb_lead_list_get_id (list, i));
    }
  g_assert_null (far);
}

static void
test_list_async_filter (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (fixture->store);
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  Changes changes = { 0 };

  lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  lb_test_add_lead (fixture->store, "Bob", "Ray", NULL, NULL);
  lb_test_add_lead (fixture->store, "Eli", "Lee", NULL, NULL);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);
  lb_lead_list_reload (list);
  g_assert_true (lb_lead_list_get_loading (list));
  wait_loaded (list);
  g_assert_false (lb_lead_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  filter->search = g_strdup ("lee");
  changes.n_changes = 0;
  lb_lead_list_set_filter (list, filter);
  wait_loaded (list);
  g_assert_cmpuint (changes.n_changes, ==, 1);
  g_assert_cmpuint (changes.last_removed, ==, 3);
  g_assert_cmpuint (changes.last_added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpstr (lb_lead_list_get_filter (list)->search, ==, "lee");

  /* The same filter again starts no query. */
  lb_lead_list_set_filter (list, filter);
  g_assert_false (lb_lead_list_get_loading (list));
}

static void
test_list_newer_query_wins (LbTestFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (fixture->store);
  g_autoptr(LbLeadFilter) a = lb_lead_filter_new ();
  g_autoptr(LbLeadFilter) b = lb_lead_filter_new ();

  lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  lb_test_add_lead (fixture->store, "Bob", "Ray", NULL, NULL);

  a->search = g_strdup ("ann");
  b->search = g_strdup ("ray");
  lb_lead_list_set_filter (list, a);
  lb_lead_list_set_filter (list, b);
  wait_loaded (list);
  /* Drain the first query's completion too; it must not win. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(LbLead) lead = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (lb_lead_get_first_name (lead), ==, "Bob");
  }
}

static void
test_list_row_gone (LbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (fixture->store);
  g_autoptr(LbLead) row = NULL;
  gint64 id;

  id = lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  g_assert_true (lb_lead_list_reload_sync (list, NULL));
  g_assert_true (lb_lead_trash (fixture->store, id, NULL));
  g_assert_true (lb_lead_purge (fixture->store, id, NULL));

  /* Until the next query the position still gives an object. */
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_nonnull (row);
  g_assert_cmpint (lb_lead_get_id (row), ==, id);

  g_assert_true (lb_lead_list_reload_sync (list, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* Progressive loading: what each items-changed showed. */
typedef struct
{
  GListModel *model;
  guint       n_before;     /* the number of items before the next change */
  GPtrArray  *emissions;    /* Emission, in order */
  GArray     *complete;     /* gboolean, each LbLeadList:complete notification */
  gboolean    loaded;
  LbLead     *first_row;    /* row 0 as read right after the first change */
} Progress;

typedef struct
{
  guint     position;
  guint     removed;
  guint     added;
  gboolean  complete;
  gboolean  loading;
  gboolean  loaded;       /* whether "loaded" came before this change */
  GArray   *ids;          /* what the list held after it */
} Emission;

static void
emission_free (Emission *emission)
{
  g_array_unref (emission->ids);
  g_free (emission);
}

static GArray *
list_ids (LbLeadList *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = lb_lead_list_get_id (list, i);
      g_array_append_val (ids, id);
    }

  return ids;
}

static void
on_progress_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Progress   *progress)
{
  LbLeadList *list = LB_LEAD_LIST (model);
  Emission *emission = g_new0 (Emission, 1);
  guint n = g_list_model_get_n_items (model);

  /* The GListModel contract: the change matches what the list reports
   * now, and every position it reports gives an item. */
  g_assert_cmpuint (position + removed, <=, progress->n_before);
  g_assert_cmpuint (progress->n_before - removed + added, ==, n);
  if (n > 0)
    {
      g_autoptr(LbLead) last = g_list_model_get_item (model, n - 1);
      g_assert_nonnull (last);
      g_assert_cmpint (lb_lead_get_id (last), ==, lb_lead_list_get_id (list, n - 1));
    }
  g_assert_null (g_list_model_get_item (model, n));
  progress->n_before = n;

  emission->position = position;
  emission->removed = removed;
  emission->added = added;
  emission->complete = lb_lead_list_get_complete (list);
  emission->loading = lb_lead_list_get_loading (list);
  emission->loaded = progress->loaded;
  emission->ids = list_ids (list);
  g_ptr_array_add (progress->emissions, emission);

  if (progress->emissions->len == 1 && n > 0)
    progress->first_row = g_list_model_get_item (model, 0);
}

static void
on_progress_complete (LbLeadList *list,
                      GParamSpec *pspec,
                      Progress   *progress)
{
  gboolean complete = lb_lead_list_get_complete (list);

  g_array_append_val (progress->complete, complete);
}

static void
on_progress_loaded (LbLeadList *list,
                    Progress   *progress)
{
  progress->loaded = TRUE;
}

static void
progress_start (Progress   *progress,
                LbLeadList *list)
{
  progress->model = G_LIST_MODEL (list);
  progress->n_before = g_list_model_get_n_items (G_LIST_MODEL (list));
  progress->emissions = g_ptr_array_new_with_free_func ((GDestroyNotify)emission_free);
  progress->complete = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_progress_changed), progress);
  g_signal_connect (list, "notify::complete", G_CALLBACK (on_progress_complete), progress);
  g_signal_connect (list, "loaded", G_CALLBACK (on_progress_loaded), progress);
}

/* Waits for "loaded", then lets anything still queued arrive. */
static void
progress_wait (Progress *progress)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!progress->loaded && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (progress->loaded);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
progress_stop (Progress *progress)
{
  g_signal_handlers_disconnect_by_data (progress->model, progress);
  g_clear_pointer (&progress->emissions, g_ptr_array_unref);
  g_clear_pointer (&progress->complete, g_array_unref);
  g_clear_object (&progress->first_row);
}

static Emission *
emission_at (Progress *progress,
             guint     i)
{
  g_assert_cmpuint (i, <, progress->emissions->len);
  return g_ptr_array_index (progress->emissions, i);
}

static gboolean
ids_start_with (GArray *ids,
                GArray *prefix)
{
  return ids->len >= prefix->len &&
         (prefix->len == 0 ||
          memcmp (ids->data, prefix->data, prefix->len * sizeof (gint64)) == 0);
}

/* The query's order from the store, to compare the list with. */
static GArray *
expected_ids (LbStore            *store,
              const LbLeadFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = lb_store_query_lead_ids (store, filter, 0, &error);

  g_assert_no_error (error);
  return ids;
}

/* A new filter over more leads than the first rows: the first rows
 * come at once, then one change that only adds the rest. */
static void
check_first_rows_then_rest (LbStore            *store,
                            const LbLeadFilter *filter)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (store);
  g_autoptr(GArray) expected = expected_ids (store, filter);
  g_autoptr(LbLead) row = NULL;
  Progress progress = { 0 };
  Emission *first;
  Emission *rest;

  g_assert_cmpuint (expected->len, >, LB_LEAD_LIST_FIRST_ROWS);
  g_assert_true (lb_lead_list_get_complete (list));

  progress_start (&progress, list);
  lb_lead_list_set_filter (list, filter);
  g_assert_true (lb_lead_list_get_loading (list));
  progress_wait (&progress);

  g_assert_cmpuint (progress.emissions->len, ==, 2);
  first = emission_at (&progress, 0);
  g_assert_cmpuint (first->position, ==, 0);
  g_assert_cmpuint (first->removed, ==, 0);
  g_assert_cmpuint (first->added, ==, LB_LEAD_LIST_FIRST_ROWS);
  g_assert_false (first->complete);
  g_assert_true (first->loading);
  g_assert_false (first->loaded);
  g_assert_true (ids_start_with (expected, first->ids));

  rest = emission_at (&progress, 1);
  g_assert_cmpuint (rest->position, ==, LB_LEAD_LIST_FIRST_ROWS);
  g_assert_cmpuint (rest->removed, ==, 0);
  g_assert_cmpuint (rest->added, ==, expected->len - LB_LEAD_LIST_FIRST_ROWS);
  g_assert_true (rest->complete);
  g_assert_false (rest->loading);
  g_assert_false (rest->loaded);
  g_assert_cmpuint (rest->ids->len, ==, expected->len);
  g_assert_true (ids_start_with (rest->ids, expected));

  /* complete: FALSE with the first rows, TRUE with the rest. */
  g_assert_cmpuint (progress.complete->len, ==, 2);
  g_assert_false (g_array_index (progress.complete, gboolean, 0));
  g_assert_true (g_array_index (progress.complete, gboolean, 1));
  g_assert_true (lb_lead_list_get_complete (list));
  g_assert_false (lb_lead_list_get_loading (list));

  /* The rows read from the first part stay. */
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (row == progress.first_row);

  progress_stop (&progress);
}

static void
test_list_first_rows (LbTestFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_demo_add_leads (fixture->store, 1000, 3, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Through the order's index. */
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();

    filter->sort = LB_LEAD_SORT_NAME;
    check_first_rows_then_rest (fixture->store, filter);
  }
  /* A text search (every demo email is at example.com). */
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();

    filter->search = g_strdup ("example");
    filter->sort = LB_LEAD_SORT_COMPANY;
    filter->descending = FALSE;
    check_first_rows_then_rest (fixture->store, filter);
  }
}

/* Fewer matches than the first rows: one change, as before. */
static void
test_list_small_in_one_step (LbTestFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const vip[] = { "vip", NULL };

  g_assert_true (lb_demo_add_leads (fixture->store, 1000, 3, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
      g_autoptr(LbLeadList) list = lb_lead_list_new (fixture->store);
      g_autoptr(GArray) expected = NULL;
      Progress progress = { 0 };
      Emission *emission;

      if (i == 0)
        filter->status = LB_LEAD_STATUS_LOST;    /* through an index */
      else if (i == 1)
        filter->tags = g_strdupv ((char **)vip);  /* through the tag's index */
      else
        filter->search = g_strdup ("zz-nobody");
      expected = expected_ids (fixture->store, filter);
      g_assert_cmpuint (expected->len, <, LB_LEAD_LIST_FIRST_ROWS);

      progress_start (&progress, list);
      lb_lead_list_set_filter (list, filter);
      progress_wait (&progress);

      g_assert_cmpuint (progress.emissions->len, ==, 1);
      emission = emission_at (&progress, 0);
      g_assert_cmpuint (emission->position, ==, 0);
      g_assert_cmpuint (emission->removed, ==, 0);
      g_assert_cmpuint (emission->added, ==, expected->len);
      g_assert_true (emission->complete);
      g_assert_false (emission->loading);
      g_assert_true (ids_start_with (emission->ids, expected));
      g_assert_cmpuint (progress.complete->len, ==, 0);
      g_assert_true (lb_lead_list_get_complete (list));

      progress_stop (&progress);
    }
}

/* A reload of the same filter keeps every row until the new result is
 * in, and shows no first rows. */
static void
test_list_reload_keeps_rows (LbTestFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (fixture->store);
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  Emission *emission;
  guint n;

  g_assert_true (lb_demo_add_leads (fixture->store, 1000, 3, NULL, NULL, &error));
  g_assert_no_error (error);

  filter->search = g_strdup ("example");
  lb_lead_list_set_filter (list, filter);
  wait_loaded (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, LB_LEAD_LIST_FIRST_ROWS);

  lb_test_add_lead (fixture->store, "Zed", "Example", "zed@example.com", NULL);
  progress_start (&progress, list);
  lb_lead_list_reload (list);
  g_assert_true (lb_lead_list_get_loading (list));
  g_assert_true (lb_lead_list_get_complete (list));
  progress_wait (&progress);

  g_assert_cmpuint (progress.emissions->len, ==, 1);
  emission = emission_at (&progress, 0);
  g_assert_cmpuint (emission->position, ==, 0);
  g_assert_cmpuint (emission->removed, ==, n);
  g_assert_cmpuint (emission->added, ==, n + 1);
  g_assert_true (emission->complete);
  g_assert_cmpuint (progress.complete->len, ==, 0);

  progress_stop (&progress);
}

/* The first rows and the result of a query that a newer filter
 * replaced never show, even when they are already on their way. */
static void
test_list_stale_first_rows (LbTestFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(LbLeadList) list = lb_lead_list_new (fixture->store);
  g_autoptr(LbLeadFilter) a = lb_lead_filter_new ();
  g_autoptr(LbLeadFilter) b = lb_lead_filter_new ();
  g_autoptr(GArray) expected_a = NULL;
  g_autoptr(GArray) expected_b = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  g_assert_true (lb_demo_add_leads (fixture->store, 1000, 3, NULL, NULL, &error));
  g_assert_no_error (error);

  a->descending = FALSE;   /* oldest first */
  b->search = g_strdup ("example");
  b->sort = LB_LEAD_SORT_TITLE;
  expected_a = expected_ids (fixture->store, a);
  expected_b = expected_ids (fixture->store, b);
  g_assert_cmpint (g_array_index (expected_a, gint64, 0), !=, g_array_index (expected_b, gint64, 0));

  progress_start (&progress, list);
  lb_lead_list_set_filter (list, a);
  /* Let the first query finish in its thread: its first rows and its
   * result wait in the main loop, which does not run. */
  g_usleep (300 * 1000);
  lb_lead_list_set_filter (list, b);
  progress_wait (&progress);

  g_assert_cmpuint (progress.emissions->len, >=, 1);
  for (guint i = 0; i < progress.emissions->len; i++)
    {
      Emission *emission = emission_at (&progress, i);

      g_assert_true (ids_start_with (expected_b, emission->ids));
    }
  /* The list went from empty to the new query's rows. */
  g_assert_cmpuint (emission_at (&progress, 0)->removed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected_b->len);
  g_assert_true (lb_lead_list_get_complete (list));

  progress_stop (&progress);
}

/* A list let go while its query runs goes away cleanly, first rows on
 * their way or not. */
static void
test_list_dispose_while_loading (LbTestFixture *fixture,
                                 gconstpointer  data)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(GError) error = NULL;
  LbLeadList *list;
  gint64 deadline;

  g_assert_true (lb_demo_add_leads (fixture->store, 1000, 3, NULL, NULL, &error));
  g_assert_no_error (error);
  filter->sort = LB_LEAD_SORT_EMAIL;

  for (guint wait_ms = 0; wait_ms <= 200; wait_ms += 100)
    {
      list = lb_lead_list_new (fixture->store);
      g_object_add_weak_pointer (G_OBJECT (list), (gpointer *)&list);
      lb_lead_list_set_filter (list, filter);
      g_usleep (wait_ms * 1000);
      g_object_unref (list);

      deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      while (list != NULL && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_null (list);
    }
}

/* lb_store_query_first_lead_ids() starts every order the way the whole
 * query does, and says when it has every match. */
static void
test_first_ids (LbTestFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const vip[] = { "vip", NULL };

  g_assert_true (lb_demo_add_leads (fixture->store, 1000, 5, NULL, NULL, &error));
  g_assert_no_error (error);

  for (int sort = LB_LEAD_SORT_CREATED; sort <= LB_LEAD_SORT_DELETED; sort++)
    for (guint kind = 0; kind < 8; kind++)
      {
        g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
        g_autoptr(GArray) all = NULL;
        g_autoptr(GArray) first = NULL;
        gboolean complete = FALSE;

        filter->sort = sort;
        filter->descending = kind % 2 == 1;
        if (kind / 2 == 1)
          filter->search = g_strdup ("example");
        else if (kind / 2 == 2)
          {
            filter->tags = g_strdupv ((char **)vip);
            filter->status = LB_LEAD_STATUS_NEW;
          }
        else if (kind / 2 == 3)
          {
            filter->search = g_strdup ("example");
            filter->rating = LB_RATING_WARM;
          }

        all = expected_ids (fixture->store, filter);
        first = lb_store_query_first_lead_ids (fixture->store, filter, LB_LEAD_LIST_FIRST_ROWS,
                                               &complete, &error);
        g_assert_no_error (error);
        g_assert_nonnull (first);

        g_assert_true (ids_start_with (all, first));
        if (complete)
          g_assert_cmpuint (first->len, ==, all->len);
        /* Over a thousand leads the first rows are always found. */
        g_assert_cmpuint (first->len, ==, MIN (all->len, LB_LEAD_LIST_FIRST_ROWS));
        if (all->len < LB_LEAD_LIST_FIRST_ROWS)
          g_assert_true (complete);
        else if (all->len > LB_LEAD_LIST_FIRST_ROWS)
          g_assert_false (complete);
      }

  /* The trash, searched. */
  {
    g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
    g_autoptr(GArray) live = NULL;
    g_autoptr(GArray) all = NULL;
    g_autoptr(GArray) first = NULL;
    gboolean complete = FALSE;

    filter->search = g_strdup ("example");
    live = expected_ids (fixture->store, filter);
    for (guint i = 0; i < 10; i++)
      {
        g_assert_true (lb_lead_trash (fixture->store, g_array_index (live, gint64, i * 7), &error));
        g_assert_no_error (error);
      }

    filter->trash = TRUE;
    filter->sort = LB_LEAD_SORT_DELETED;
    all = expected_ids (fixture->store, filter);
    g_assert_cmpuint (all->len, ==, 10);
    first = lb_store_query_first_lead_ids (fixture->store, filter, LB_LEAD_LIST_FIRST_ROWS,
                                           &complete, &error);
    g_assert_no_error (error);
    g_assert_true (complete);
    g_assert_cmpuint (first->len, ==, 10);
    g_assert_true (ids_start_with (all, first));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, lb_test_fixture_setup, func, lb_test_fixture_teardown)

  ADD ("/lead-list/lazy-rows", test_list_lazy_rows);
  ADD ("/lead-list/async-filter", test_list_async_filter);
  ADD ("/lead-list/newer-query-wins", test_list_newer_query_wins);
  ADD ("/lead-list/row-gone", test_list_row_gone);
  ADD ("/lead-list/first-rows", test_list_first_rows);
  ADD ("/lead-list/small-in-one-step", test_list_small_in_one_step);
  ADD ("/lead-list/reload-keeps-rows", test_list_reload_keeps_rows);
  ADD ("/lead-list/stale-first-rows", test_list_stale_first_rows);
  ADD ("/lead-list/dispose-while-loading", test_list_dispose_while_loading);
  ADD ("/lead-list/first-ids", test_first_ids);

#undef ADD

  return g_test_run ();
}
