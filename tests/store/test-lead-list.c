#include "config.h"

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

#undef ADD

  return g_test_run ();
}
