#include "config.h"

#include <string.h>

#include "lb-gui-test.h"
#include "lb-leads-page.h"

/* The application: its About window, its style and how it opens a
 * database, damaged ones included.  Apart from test-window.c so that
 * neither program registers more than 2048 GQuarks: past that GLib
 * drops its first quark block by design, which LeakSanitizer reports. */

/* helpers */

static gboolean
file_is_sqlite (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL) &&
         length > 16 && memcmp (contents, "SQLite format 3", 15) == 0;
}

static char *
find_with_prefix (const char *dir,
                  const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_prefix (name, prefix))
        return g_build_filename (dir, name, NULL);
    }

  return NULL;
}

/* A file that is not a database, and (with @backup) a good backup of
 * one lead next to it.  Returns the path of the bad file. */
static char *
make_damaged_database (const char *dir,
                       gboolean    backup)
{
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(GError) error = NULL;

  if (backup)
    {
      g_autofree char *good = g_build_filename (dir, "good.db", NULL);
      g_autofree char *copy = g_build_filename (dir, "damaged.db.backup-20260101-120000.db", NULL);
      g_autoptr(LbStore) store = lb_store_open (good, &error);

      g_assert_no_error (error);
      lb_test_add_lead (store, "Ada", "Backup", "ada@example.com", NULL);
      lb_store_backup_to (store, copy, &error);
      g_assert_no_error (error);
    }

  g_file_set_contents (path, "this is not a database, just some text that is long enough",
                       -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static gboolean
app_not_busy (gpointer data)
{
  return !lb_application_get_busy (lb_gui_test_get_app ());
}

/* tests */

static void
test_about (LbGuiFixture  *fixture,
            gconstpointer  data)
{
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (lb_gui_test_get_app ()), "about", NULL);
  about = ADW_ABOUT_WINDOW (lb_gui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Leadbook");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
}

/* The style follows the system; nothing forces a colour scheme. */
static void
test_style (LbGuiFixture  *fixture,
            gconstpointer  data)
{
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_DEFAULT);
}

static AdwMessageDialog *
open_and_expect_dialog (const char *path)
{
  AdwMessageDialog *dialog;

  g_assert_false (lb_application_open_database (lb_gui_test_get_app (), path));
  dialog = ADW_MESSAGE_DIALOG (lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), path) != NULL);

  return dialog;
}

/* A damaged file with a backup: the dialog names the file and offers
 * the backup; restoring moves the damaged file aside, never deletes it. */
static void
test_open_damaged (LbGuiFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = make_damaged_database (fixture->base.dir, TRUE);
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  LbWindow *window = NULL;
  GList *windows;

  dialog = open_and_expect_dialog (path);
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));

  adw_message_dialog_response (dialog, "restore");
  lb_gui_test_iterate (100);

  aside = find_with_prefix (fixture->base.dir, "damaged.db.damaged-");
  g_assert_nonnull (aside);
  g_file_get_contents (aside, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "this is not a database"));
  g_assert_true (file_is_sqlite (path));

  windows = gtk_application_get_windows (GTK_APPLICATION (lb_gui_test_get_app ()));
  for (GList *l = windows; l != NULL; l = l->next)
    if (LB_IS_WINDOW (l->data) && l->data != fixture->window)
      window = l->data;
  g_assert_nonnull (window);
  g_assert_cmpstr (lb_store_get_path (lb_window_get_store (window)), ==, path);
  lb_gui_test_wait_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb_leads_page_get_list (
                      LB_LEADS_PAGE (lb_window_get_page_widget (window, "leads"))))), ==, 1);
}

/* Without a backup there is only Quit, and the file stays as it was. */
static void
test_open_damaged_no_backup (LbGuiFixture  *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = make_damaged_database (fixture->base.dir, FALSE);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  dialog = open_and_expect_dialog (path);
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  adw_message_dialog_response (dialog, "quit");
  lb_gui_test_iterate (100);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "this is not a database"));
  g_assert_null (find_with_prefix (fixture->base.dir, "damaged.db.damaged-"));
}

/* Opening a good database takes the day's backup. */
static void
test_open_takes_backup (LbGuiFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->base.dir, "daily.db", NULL);
  g_autofree char *backup = NULL;

  g_assert_true (lb_application_open_database (lb_gui_test_get_app (), path));
  g_assert_true (lb_application_get_busy (lb_gui_test_get_app ()));
  g_assert_true (lb_gui_test_wait (app_not_busy, NULL, 20000));
  backup = lb_store_find_newest_backup (path);
  g_assert_nonnull (backup);
  g_assert_true (file_is_sqlite (backup));
}
int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, LbGuiFixture, NULL, lb_gui_fixture_setup, func, lb_gui_fixture_teardown)

  ADD ("/application/about", test_about);
  ADD ("/application/style", test_style);
  ADD ("/application/open-damaged", test_open_damaged);
  ADD ("/application/open-damaged-no-backup", test_open_damaged_no_backup);
  ADD ("/application/open-takes-backup", test_open_takes_backup);

#undef ADD

  return lb_gui_test_run ();
}
