#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lb-demo.h"
#include "lb-error.h"
#include "lb-store.h"
#include "lb-store-docs.h"
#include "lb-store-private.h"
#include "lb-test-util.h"

static void
write_bytes (const char *path,
             const char *bytes,
             gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
}

static void
assert_file_unchanged (const char *path,
                       const char *before,
                       gsize       before_len)
{
  g_autofree char *after = NULL;
  gsize after_len;

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);
}

static void
test_open_creates_private_files (LbTestFixture *fixture,
                                 gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->db_path);
  GStatBuf st;

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (lb_store_get_schema_version (fixture->store), ==, LB_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (lb_store_get_path (fixture->store), ==, fixture->db_path);
}

static void
test_open_uses_wal (LbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);

  lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_wal_checkpoints_truncate (LbTestFixture *fixture,
                               gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  /* Thousands of pages in one commit: the checkpoint after it empties
   * the log file instead of leaving it at its largest. */
  g_assert_true (lb_demo_add_leads (fixture->store, 6000, 3, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 1024 * 1024);
}

static void
test_reopen_keeps_data (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = NULL;
  gint64 id = lb_test_add_lead (fixture->store, "Ann", "Lee", "ann@example.com", NULL);

  g_clear_object (&fixture->store);
  fixture->store = lb_store_open (fixture->db_path, &error);
  g_assert_no_error (error);

  lead = lb_store_get_lead (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_lead_get_email (lead), ==, "ann@example.com");
}

static void
test_refuses_non_sqlite (LbTestFixture *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  const char text[] = "These are my notes, not a database. They go on for a while so that "
                      "the file is longer than one SQLite header would be........";

  write_bytes (path, text, sizeof text - 1);
  store = lb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  assert_file_unchanged (path, text, sizeof text - 1);
}

static void
test_refuses_damaged (LbTestFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "damaged.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  gsize len;

  /* A real database whose schema page is overwritten with noise. */
  lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  g_assert_true (lb_store_backup_to (fixture->store, path, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  memset (contents + 100, 0xA5, 3000);
  write_bytes (path, contents, len);

  store = lb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  assert_file_unchanged (path, contents, len);
}

static void
test_refuses_newer_schema (LbTestFixture *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "newer.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  gsize len;

  g_assert_true (lb_store_backup_to (fixture->store, path, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* user_version is the big-endian integer at offset 60 of the header. */
  contents[60] = 0;
  contents[61] = 0;
  contents[62] = 0;
  contents[63] = LB_STORE_SCHEMA_VERSION + 5;
  write_bytes (path, contents, len);

  store = lb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "newer"));
  assert_file_unchanged (path, contents, len);
}

static void
test_refuses_other_program_db (LbTestFixture *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  gsize len;

  /* Our own file with user_version reset to 0 looks like another program's. */
  g_assert_true (lb_store_backup_to (fixture->store, path, NULL));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  memset (contents + 60, 0, 4);
  write_bytes (path, contents, len);

  store = lb_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_DATABASE);
  assert_file_unchanged (path, contents, len);
}

static void
test_refuses_folder (LbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = lb_store_open (fixture->dir, &error);

  g_assert_null (store);
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_OPEN);
}

static void
test_default_path (void)
{
  g_autofree char *env_path = NULL;
  g_autofree char *xdg_path = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "leadbook", "leadbook.db", NULL);

  g_setenv ("LEADBOOK_DB", "/some/where.db", TRUE);
  env_path = lb_store_default_path ();
  g_unsetenv ("LEADBOOK_DB");
  xdg_path = lb_store_default_path ();

  g_assert_cmpstr (env_path, ==, "/some/where.db");
  g_assert_cmpstr (xdg_path, ==, expected);
}

static void
test_backup_to (LbTestFixture *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) copy = NULL;
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();

  lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  lb_test_add_lead (fixture->store, "Bob", "Ray", NULL, NULL);
  g_assert_true (lb_store_backup_to (fixture->store, path, &error));
  g_assert_no_error (error);

  copy = lb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_store_count_leads (copy, filter, NULL), ==, 2);
}

static void
test_daily_backup (LbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *newest = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  first = lb_store_daily_backup (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));

  /* Once a day only. */
  second = lb_store_daily_backup (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (second);

  newest = lb_store_find_newest_backup (fixture->db_path);
  g_assert_cmpstr (newest, ==, first);
  backups = lb_store_list_backups (fixture->db_path);
  g_assert_cmpuint (backups->len, ==, 1);
}

static void
test_backups_pruned_to_seven (LbTestFixture *fixture,
                              gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->db_path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *made = NULL;

  /* Nine old backups from earlier days. */
  for (guint i = 1; i <= 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("leadbook.db.backup-202601%02u-120000.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      write_bytes (path, "old", 3);
    }

  made = lb_store_daily_backup (fixture->store, NULL);
  g_assert_nonnull (made);

  backups = lb_store_list_backups (fixture->db_path);
  g_assert_cmpuint (backups->len, ==, LB_STORE_BACKUPS_KEPT);
  g_assert_cmpstr (g_ptr_array_index (backups, backups->len - 1), ==, made);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0),
                                   "leadbook.db.backup-20260104-120000.db"));
}

static void
test_migration_backs_up_first (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("leadbook-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(LbStore) old = NULL;
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbStore) backup = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *kept = NULL;

  /* A database of schema 1 with a setting of the user's. */
  old = lb_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_store_get_schema_version (old), ==, 1);
  g_assert_true (lb_store_set_setting (old, "company-name", "Old Co", NULL));
  g_clear_object (&old);
  backups = lb_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_store_get_schema_version (store), ==, LB_STORE_SCHEMA_VERSION);
  kept = lb_store_get_setting (store, "company-name");
  g_assert_cmpstr (kept, ==, "Old Co");
  lb_test_add_lead (store, "Ann", "Lee", NULL, NULL);

  /* One backup per migration step, holding the schema before it. */
  backups = lb_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, LB_STORE_SCHEMA_VERSION - 1);
  g_assert_nonnull (strstr (g_ptr_array_index (backups, 0), "-pre-v2"));
  backup = lb_store_open_at_version (g_ptr_array_index (backups, 0), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_store_get_schema_version (backup), ==, 1);

  g_clear_object (&backup);
  g_clear_object (&store);
  lb_test_remove_tree (dir);
}

/* Schema 2 → 3: the products stay, the list of tax rates is seeded. */
static void
test_migration_adds_tax_rates (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("leadbook-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autoptr(LbStore) old = NULL;
  g_autoptr(LbStore) store = NULL;
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(LbProduct) kept = NULL;
  g_autoptr(GListModel) rates = NULL;
  g_autoptr(LbRefItem) first = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  old = lb_store_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_assert_null (lb_store_find_ref (old, LB_REF_TAX_RATE, "Standard"));
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, "OLD-1");
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, "Old product");
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, 1234);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, 1900);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  g_assert_true (lb_store_insert_product (old, product, &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = lb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_store_get_schema_version (store), ==, 3);
  kept = lb_store_find_product (store, "OLD-1");
  g_assert_nonnull (kept);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (kept), LB_PRODUCT_TAX_RATE), ==, 1900);
  rates = lb_store_list_refs (store, LB_REF_TAX_RATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rates), ==, 3);
  first = g_list_model_get_item (rates, 0);
  g_assert_cmpstr (lb_ref_item_get_name (first), ==, "Standard");
  g_assert_cmpint (lb_ref_item_get_rate (first), ==, 2000);
  g_assert_cmpint (lb_store_count_products_at_rate (store, 1900), ==, 1);

  backups = lb_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (backups, 0), "-pre-v3"));

  g_clear_object (&store);
  lb_test_remove_tree (dir);
}

static void
test_check (LbTestFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;

  lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  g_assert_true (lb_store_check (fixture->store, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report, "integrity: ok"));
  g_assert_nonnull (strstr (report, "foreign keys: ok"));
}

static void
test_transactions_nest (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();

  g_assert_true (lb_store_begin (fixture->store, NULL));
  lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  g_assert_true (lb_store_begin (fixture->store, NULL));
  lb_test_add_lead (fixture->store, "Bob", "Ray", NULL, NULL);
  lb_store_rollback (fixture->store);      /* the inner one only */
  g_assert_true (lb_store_commit (fixture->store, NULL));
  g_assert_cmpint (lb_store_count_leads (fixture->store, filter, NULL), ==, 1);

  g_assert_true (lb_store_begin (fixture->store, NULL));
  lb_test_add_lead (fixture->store, "Cid", "Moe", NULL, NULL);
  lb_store_rollback (fixture->store);
  g_assert_cmpint (lb_store_count_leads (fixture->store, filter, NULL), ==, 1);
}

static void
test_settings_raw (LbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_true (lb_store_set_setting (fixture->store, "x-key", "one", NULL));
  a = lb_store_get_setting (fixture->store, "x-key");
  g_assert_true (lb_store_set_setting (fixture->store, "x-key", "two", NULL));
  b = lb_store_get_setting (fixture->store, "x-key");
  g_assert_true (lb_store_set_setting (fixture->store, "x-key", NULL, NULL));
  c = lb_store_get_setting (fixture->store, "x-key");

  g_assert_cmpstr (a, ==, "one");
  g_assert_cmpstr (b, ==, "two");
  g_assert_null (c);
}

static void
test_reference_seeds (LbTestFixture *fixture,
                      gconstpointer  data)
{
  const char *sources[] = { "Website", "Website form", "Email", "Phone call", "Chat",
                            "Social network", "Partner", "Self-generation" };
  g_autoptr(GListModel) list = lb_store_list_refs (fixture->store, LB_REF_SOURCE, NULL);
  g_autoptr(GListModel) categories = lb_store_list_refs (fixture->store, LB_REF_CATEGORY, NULL);
  g_autoptr(GListModel) order_types = lb_store_list_refs (fixture->store, LB_REF_ORDER_TYPE, NULL);
  g_autoptr(GListModel) invoice_types = lb_store_list_refs (fixture->store, LB_REF_INVOICE_TYPE, NULL);
  g_autoptr(LbRefItem) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (sources));
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (list, i);
      g_assert_cmpstr (lb_ref_item_get_name (item), ==, sources[i]);
    }
  first = g_list_model_get_item (categories, 0);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 1);
  g_assert_cmpstr (lb_ref_item_get_name (first), ==, "General");
  g_assert_cmpuint (g_list_model_get_n_items (order_types), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (invoice_types), ==, 1);
}

static void
test_reference_edit (LbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRefItem) found = NULL;
  g_autoptr(LbRefItem) renamed = NULL;
  g_autoptr(LbRefItem) website = NULL;
  gint64 id;

  id = lb_store_add_ref (fixture->store, LB_REF_CAMPAIGN, "  Spring Sale ", &error);
  g_assert_no_error (error);
  found = lb_store_find_ref (fixture->store, LB_REF_CAMPAIGN, "spring sale");
  g_assert_nonnull (found);
  g_assert_cmpint (lb_ref_item_get_id (found), ==, id);
  g_assert_cmpstr (lb_ref_item_get_name (found), ==, "Spring Sale");

  /* Same name in another case: refused. */
  g_assert_cmpint (lb_store_add_ref (fixture->store, LB_REF_CAMPAIGN, "SPRING SALE", &error), ==, 0);
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (lb_store_add_ref (fixture->store, LB_REF_CAMPAIGN, "   ", &error), ==, 0);
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  g_clear_error (&error);

  /* The same name in another list is fine. */
  g_assert_cmpint (lb_store_add_ref (fixture->store, LB_REF_TAG, "Spring Sale", NULL), >, 0);

  g_assert_true (lb_store_rename_ref (fixture->store, id, "Summer Sale", &error));
  g_assert_no_error (error);
  renamed = lb_store_find_ref (fixture->store, LB_REF_CAMPAIGN, "Summer Sale");
  g_assert_nonnull (renamed);

  /* In use by a lead: cannot be removed. */
  website = lb_store_find_ref (fixture->store, LB_REF_SOURCE, "Website");
  lb_test_add_lead (fixture->store, "Ann", "Lee", NULL, NULL);
  g_assert_cmpint (lb_store_count_ref_uses (fixture->store, lb_ref_item_get_id (website)), ==, 1);
  g_assert_false (lb_store_remove_ref (fixture->store, lb_ref_item_get_id (website), &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_true (lb_store_remove_ref (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (lb_store_find_ref (fixture->store, LB_REF_CAMPAIGN, "Summer Sale"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, lb_test_fixture_setup, func, lb_test_fixture_teardown)

  ADD ("/store/open/private-files", test_open_creates_private_files);
  ADD ("/store/open/wal", test_open_uses_wal);
  ADD ("/store/open/reopen", test_reopen_keeps_data);
  ADD ("/store/wal-checkpoint", test_wal_checkpoints_truncate);
  ADD ("/store/open/refuses-non-sqlite", test_refuses_non_sqlite);
  ADD ("/store/open/refuses-damaged", test_refuses_damaged);
  ADD ("/store/open/refuses-newer-schema", test_refuses_newer_schema);
  ADD ("/store/open/refuses-other-program", test_refuses_other_program_db);
  ADD ("/store/open/refuses-folder", test_refuses_folder);
  g_test_add_func ("/store/default-path", test_default_path);
  ADD ("/store/backup/to-file", test_backup_to);
  ADD ("/store/backup/daily", test_daily_backup);
  ADD ("/store/backup/keeps-seven", test_backups_pruned_to_seven);
  ADD ("/store/check", test_check);
  g_test_add_func ("/store/migration/backs-up-first", test_migration_backs_up_first);
  g_test_add_func ("/store/migration/adds-tax-rates", test_migration_adds_tax_rates);
  ADD ("/store/transactions-nest", test_transactions_nest);
  ADD ("/store/settings", test_settings_raw);
  ADD ("/store/refs/seeds", test_reference_seeds);
  ADD ("/store/refs/edit", test_reference_edit);

#undef ADD

  return g_test_run ();
}
