#include "config.h"

#include <glib/gstdio.h>

#include "lb-lead-actions.h"
#include "lb-test-util.h"

void
lb_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        lb_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Sets up a folder and an open store in it, at <dir>/data/leadbook.db. */
void
lb_test_fixture_setup (LbTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("leadbook-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "data", "leadbook.db", NULL);
  fixture->store = lb_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

void
lb_test_fixture_teardown (LbTestFixture *fixture,
                          gconstpointer  data)
{
  g_clear_object (&fixture->store);
  lb_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

LbLead *
lb_test_make_lead (const char *first,
                   const char *last,
                   const char *email,
                   const char *phone)
{
  LbLead *lead = lb_lead_new ();

  lb_lead_set_text (lead, LB_LEAD_FIRST_NAME, first);
  lb_lead_set_text (lead, LB_LEAD_LAST_NAME, last);
  lb_lead_set_text (lead, LB_LEAD_EMAIL, email);
  lb_lead_set_text (lead, LB_LEAD_PHONE, phone);
  lb_lead_set_text (lead, LB_LEAD_SOURCE, "Website");

  return lead;
}

gint64
lb_test_add_lead (LbStore    *store,
                  const char *first,
                  const char *last,
                  const char *email,
                  const char *phone)
{
  g_autoptr(LbLead) lead = lb_test_make_lead (first, last, email, phone);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = lb_lead_create (store, lead, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}
