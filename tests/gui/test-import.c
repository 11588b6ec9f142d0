#include "config.h"

#include <string.h>

#include "lb-csv.h"
#include "lb-gui-test.h"
#include "lb-import-window.h"
#include "lb-lead-filter-bar.h"
#include "lb-lead-import.h"
#include "lb-leads-page.h"

/* Import Leads… and Export Leads… (SPEC 3.9): the import window's three
 * steps, its Cancel, a file it cannot read, and an export of the Leads
 * page's filter. */

/* The CSV the import tests read: two good rows (lines 2 and 3), one bad
 * row (line 4, no last name), one duplicate of Olga's email (line 5)
 * and a column that names no lead field. */
static const char small_csv[] =
  "First Name,Last Name,Email,Phone,Source,Favourite Colour\r\n"
  "Ada,Lovelace,ada@example.com,,Website,blue\r\n"
  "Alan,Turing,alan@example.com,,Website,green\r\n"
  "Grace,,grace@example.com,,Website,red\r\n"
  "Olga,Updated,olga@example.com,,Website,grey\r\n";

/* helpers */

static char *
write_file (LbGuiFixture *fixture,
            const char   *name,
            const char   *contents,
            gssize        length)
{
  char *path = g_build_filename (fixture->base.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* A CSV of @n_rows good leads with addresses no lead has. */
static char *
write_big_file (LbGuiFixture *fixture,
                guint         n_rows)
{
  g_autoptr(GString) csv = g_string_new ("First Name,Last Name,Email,Source\r\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "First%u,Last%u,person%u@example.org,Website\r\n", i, i, i);

  return write_file (fixture, "big.csv", csv->str, csv->len);
}

static gint64
count_leads (LbStore *store)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(GError) error = NULL;
  gint64 n = lb_store_count_leads (store, filter, &error);

  g_assert_no_error (error);
  return n;
}

static LbLead *
lead_by_email (LbStore    *store,
               const char *email)
{
  gint64 id = lb_store_find_lead_by_email (store, email, 0);

  return id != 0 ? lb_store_get_lead (store, id, NULL) : NULL;
}

/* Whether a mapped label under @root shows @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shows;

static gboolean
shows_text_cond (gpointer data)
{
  Shows *shows = data;

  return shows_text (shows->root, shows->text);
}

static void
wait_for_text (GtkWidget  *root,
               const char *text)
{
  Shows shows = { root, text };

  if (!lb_gui_test_wait (shows_text_cond, &shows, 20000))
    g_error ("Nothing shows “%s”", text);
}

static gpointer
child (LbImportWindow *window,
       const char     *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_IMPORT_WINDOW, name);
}

static void
activate (LbImportWindow *window,
          const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  lb_gui_test_iterate (20);
}

/* Opens the import window as the main menu's Import Leads… does. */
static LbImportWindow *
open_import_window (LbGuiFixture *fixture)
{
  GtkWindow *window;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window),
                                                    "import-leads"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-leads",
                                             NULL));
  lb_gui_test_iterate (100);

  window = lb_gui_test_find_toplevel (LB_TYPE_IMPORT_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (window));
  g_assert_cmpstr (lb_import_window_get_step (LB_IMPORT_WINDOW (window)), ==, "choose");

  return LB_IMPORT_WINDOW (window);
}

static void
choose_file (LbImportWindow *window,
             const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  lb_import_window_set_file (window, file);
  lb_gui_test_iterate (20);
}

static gboolean
not_importing (gpointer data)
{
  return g_strcmp0 (lb_import_window_get_step (data), "importing") != 0;
}

/* Presses Import and waits until the import has finished. */
static void
run_import (LbImportWindow *window)
{
  activate (window, "import.import");
  g_assert_true (lb_gui_test_wait (not_importing, window, 60000));
  lb_gui_test_iterate (50);
}

/* Takes screenshots of @window 1280 and 360 px wide. */
static void
look_at (GtkWindow  *window,
         const char *name)
{
  g_autofree char *wide = g_strdup_printf ("%s-1280", name);
  g_autofree char *narrow = g_strdup_printf ("%s-360", name);

  if (g_getenv ("LB_TEST_SCREENSHOT_DIR") == NULL)
    return;

  gtk_window_set_default_size (window, 1280, 800);
  lb_gui_test_iterate (100);
  lb_gui_test_screenshot (GTK_WIDGET (window), wide);
  gtk_window_set_default_size (window, 360, 720);
  lb_gui_test_iterate (100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  lb_gui_test_screenshot (GTK_WIDGET (window), narrow);
  gtk_window_set_default_size (window, 640, 720);
  lb_gui_test_iterate (100);
}

static guint
n_listed_leads (LbGuiFixture *fixture)
{
  LbLeadsPage *page = LB_LEADS_PAGE (lb_window_get_page_widget (fixture->window, "leads"));

  lb_gui_test_wait_idle (fixture->window);
  return g_list_model_get_n_items (G_LIST_MODEL (lb_leads_page_get_list (page)));
}

static void
add_olga (LbGuiFixture *fixture)
{
  lb_gui_test_add_lead_full (fixture->base.store, "Olga", "Old", "olga@example.com", "Website",
                             LB_RATING_WARM, LB_LEAD_STATUS_NEW, NULL);
  lb_gui_test_reload (fixture->window);
  g_assert_cmpuint (n_listed_leads (fixture), ==, 1);
}

static void
imported_cb (LbImportWindow *window,
             guint           imported,
             guint           updated,
             guint          *n_signals)
{
  (*n_signals)++;
}

/* tests */

/* The main menu has both entries, and their actions run. */
static void
test_menu (LbGuiFixture  *fixture,
           gconstpointer  data)
{
  GtkBuilder *builder = gtk_builder_new ();
  GMenuModel *menu;
  gboolean has_import = FALSE;
  gboolean has_export = FALSE;

  /* The template's menu, read on its own. */
  {
    g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/leadbook/Leadbook/lb-window.ui",
                                                       0, NULL);
    g_autofree char *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    char *start = strstr (xml, "<menu id=\"primary_menu\">");
    char *end = strstr (xml, "</menu>");
    g_autofree char *menu_xml = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (start);
    g_assert_nonnull (end);
    end[strlen ("</menu>")] = '\0';
    menu_xml = g_strdup_printf ("<interface>%s</interface>", start);
    gtk_builder_add_from_string (builder, menu_xml, -1, &error);
    g_assert_no_error (error);
  }
  menu = G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu"));
  g_assert_nonnull (menu);

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            {
              has_import |= g_strcmp0 (action, "win.import-leads") == 0;
              has_export |= g_strcmp0 (action, "win.export-leads") == 0;
            }
        }
      g_clear_object (&section);
    }
  g_object_unref (builder);

  g_assert_true (has_import);
  g_assert_true (has_export);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window),
                                                    "export-leads"));

  /* Import Leads… opens one window; Escape (import.cancel) closes it. */
  {
    LbImportWindow *window = open_import_window (fixture);
    GtkWidget *columns = child (window, "columns_row");
    const char * const *lines = lb_import_lead_columns ();

    /* Nothing to import yet. */
    g_assert_false (gtk_widget_is_sensitive (child (window, "import_button")));
    g_assert_true (gtk_widget_get_visible (child (window, "import_button")));
    g_assert_false (gtk_widget_get_visible (child (window, "close_button")));
    g_assert_cmpint (lb_import_window_get_duplicates (window), ==, LB_DUPLICATES_SKIP);

    /* The help lists each recognised column. */
    g_assert_true (g_strv_length ((char **)lines) > 0);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (columns), TRUE);
    lb_gui_test_iterate (50);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) parts = g_strsplit (lines[i], ":", 2);
        wait_for_text (columns, g_strstrip (parts[0]));
      }
    look_at (GTK_WINDOW (window), "import-columns");

    activate (window, "import.cancel");
    lb_gui_test_iterate (50);
    g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_IMPORT_WINDOW), ==, 0);
  }
}

/* Skip: the good rows are imported, the bad row and the duplicate are
 * not, and the window and the main window show it. */
static void
test_import_skip (LbGuiFixture  *fixture,
                  gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  g_autofree char *path = write_file (fixture, "leads.csv", small_csv, -1);
  LbImportWindow *window;
  const LbImportResult *result;
  const LbImportIssue *issue;
  g_autoptr(LbLead) ada = NULL;
  g_autoptr(LbLead) olga = NULL;
  GListModel *lines;
  g_autoptr(GtkStringObject) line = NULL;

  add_olga (fixture);
  window = open_import_window (fixture);
  look_at (GTK_WINDOW (window), "import-choose-empty");

  choose_file (window, path);
  g_assert_true (gtk_widget_is_sensitive (child (window, "import_button")));
  g_assert_cmpstr (adw_preferences_row_get_title (child (window, "file_row")), ==, "leads.csv");
  look_at (GTK_WINDOW (window), "import-choose");

  run_import (window);
  g_assert_cmpstr (lb_import_window_get_step (window), ==, "result");
  g_assert_null (lb_import_window_get_message (window));

  result = lb_import_window_get_result (window);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->imported, ==, 2);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->skipped, ==, 1);
  g_assert_cmpuint (result->errors->len, ==, 1);
  issue = &g_array_index (result->errors, LbImportIssue, 0);
  g_assert_cmpuint (issue->line, ==, 4);
  g_assert_cmpuint (result->unknown_columns->len, ==, 1);

  /* What the window says. */
  g_assert_cmpstr (gtk_label_get_text (child (window, "summary_label")), ==,
                   "Imported 2 leads, updated 0, skipped 1 duplicate.");
  lines = G_LIST_MODEL (child (window, "error_lines"));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  line = g_list_model_get_item (lines, 0);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (line), "Line 4: "));
  g_assert_true (strstr (gtk_string_object_get_string (line), issue->message) != NULL);
  wait_for_text (GTK_WIDGET (window), "Line 4: ");
  g_assert_true (gtk_widget_get_visible (child (window, "unknown_group")));
  g_assert_true (strstr (gtk_label_get_text (child (window, "unknown_label")), "Favourite Colour")
                 != NULL);
  g_assert_true (gtk_widget_get_visible (child (window, "close_button")));
  g_assert_false (gtk_widget_get_visible (child (window, "import_button")));
  look_at (GTK_WINDOW (window), "import-result");

  /* The store has the good rows; the duplicate left Olga as she was. */
  g_assert_cmpint (count_leads (store), ==, 3);
  ada = lead_by_email (store, "ada@example.com");
  g_assert_nonnull (ada);
  g_assert_cmpstr (lb_lead_get_last_name (ada), ==, "Lovelace");
  g_assert_null (lead_by_email (store, "grace@example.com"));
  olga = lead_by_email (store, "olga@example.com");
  g_assert_cmpstr (lb_lead_get_last_name (olga), ==, "Old");

  /* The main window reloaded: the Leads page lists them. */
  g_assert_cmpuint (n_listed_leads (fixture), ==, 3);

  activate (window, "import.close");
  lb_gui_test_iterate (50);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_IMPORT_WINDOW), ==, 0);
}

/* Update: the duplicate row updates Olga. */
static void
test_import_update (LbGuiFixture  *fixture,
                    gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  g_autofree char *path = write_file (fixture, "leads.csv", small_csv, -1);
  LbImportWindow *window;
  const LbImportResult *result;
  g_autoptr(LbLead) olga = NULL;

  add_olga (fixture);
  window = open_import_window (fixture);
  choose_file (window, path);
  gtk_widget_activate (child (window, "update_check"));
  g_assert_cmpint (lb_import_window_get_duplicates (window), ==, LB_DUPLICATES_UPDATE);

  run_import (window);
  g_assert_cmpstr (lb_import_window_get_step (window), ==, "result");
  result = lb_import_window_get_result (window);
  g_assert_cmpuint (result->imported, ==, 2);
  g_assert_cmpuint (result->updated, ==, 1);
  g_assert_cmpuint (result->skipped, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (child (window, "summary_label")), ==,
                   "Imported 2 leads, updated 1, skipped 0 duplicates.");
  wait_for_text (GTK_WIDGET (window), "Line 4: ");

  g_assert_cmpint (count_leads (store), ==, 3);
  olga = lead_by_email (store, "olga@example.com");
  g_assert_cmpstr (lb_lead_get_last_name (olga), ==, "Updated");
  g_assert_cmpuint (n_listed_leads (fixture), ==, 3);

  /* Escape closes the finished window. */
  activate (window, "import.cancel");
  lb_gui_test_iterate (50);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_IMPORT_WINDOW), ==, 0);
}

/* Cancel, pressed right away on a big file: nothing changes, and the
 * window says so; the same file then imports. */
static void
test_import_cancel (LbGuiFixture  *fixture,
                    gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  g_autofree char *path = write_big_file (fixture, 20000);
  LbImportWindow *window;
  guint n_imported = 0;

  add_olga (fixture);
  window = open_import_window (fixture);
  g_signal_connect (window, "imported", G_CALLBACK (imported_cb), &n_imported);
  choose_file (window, path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.import", NULL));
  g_assert_cmpstr (lb_import_window_get_step (window), ==, "importing");
  g_assert_nonnull (lb_import_window_get_cancellable (window));
  g_assert_false (gtk_widget_get_visible (child (window, "import_button")));
  g_assert_false (gtk_widget_get_visible (child (window, "cancel_button")));

  /* The Cancel Import button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (child (window, "cancel_import_button")),
                                             "import.cancel", NULL));
  g_assert_true (g_cancellable_is_cancelled (lb_import_window_get_cancellable (window)));
  g_assert_true (lb_gui_test_wait (not_importing, window, 60000));

  g_assert_cmpstr (lb_import_window_get_step (window), ==, "choose");
  g_assert_null (lb_import_window_get_result (window));
  g_assert_nonnull (lb_import_window_get_message (window));
  g_assert_true (strstr (lb_import_window_get_message (window), "Nothing was imported") != NULL);
  wait_for_text (GTK_WIDGET (window), "cancelled");
  g_assert_cmpint (count_leads (store), ==, 1);
  g_assert_null (lead_by_email (store, "person0@example.org"));
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_cmpuint (n_listed_leads (fixture), ==, 1);
  look_at (GTK_WINDOW (window), "import-cancelled");

  /* Closing the window while it imports cancels too, and the window
   * goes once the import has rolled back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.import", NULL));
  g_assert_cmpstr (lb_import_window_get_step (window), ==, "importing");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_cancellable_is_cancelled (lb_import_window_get_cancellable (window)));
  for (guint tries = 0; lb_gui_test_count_toplevels (LB_TYPE_IMPORT_WINDOW) > 0 && tries < 6000; tries++)
    lb_gui_test_iterate (10);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_IMPORT_WINDOW), ==, 0);
  g_assert_cmpint (count_leads (store), ==, 1);
}

/* The progress step of a big import, at both widths; then Cancel. */
static void
test_import_progress (LbGuiFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  LbImportWindow *window;
  GtkProgressBar *bar;

  if (g_getenv ("LB_TEST_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("Only for screenshots (LB_TEST_SCREENSHOT_DIR)");
      return;
    }

  path = write_big_file (fixture, 400000);
  window = open_import_window (fixture);
  choose_file (window, path);
  bar = child (window, "progress_bar");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "import.import", NULL));
  for (guint tries = 0; gtk_progress_bar_get_fraction (bar) <= 0.0 && tries < 2000; tries++)
    lb_gui_test_iterate (5);
  look_at (GTK_WINDOW (window), "import-progress");

  if (lb_import_window_get_cancellable (window) != NULL)
    activate (window, "import.cancel");
  g_assert_true (lb_gui_test_wait (not_importing, window, 60000));
}

/* A file that cannot be read shows why, changes nothing, and another
 * file can be chosen. */
static void
test_import_unreadable (LbGuiFixture  *fixture,
                        gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  static const char binary[] = { 'P', 'K', 3, 4, 0, (char)0xff, (char)0xfe, 0, 1, 2 };
  g_autofree char *missing = g_build_filename (fixture->base.dir, "missing.csv", NULL);
  g_autofree char *zip = write_file (fixture, "archive.csv", binary, sizeof binary);
  g_autofree char *good = write_file (fixture, "good.csv", small_csv, -1);
  GtkWidget *message_label;
  LbImportWindow *window;

  add_olga (fixture);
  window = open_import_window (fixture);
  message_label = child (window, "message_label");

  choose_file (window, missing);
  run_import (window);
  g_assert_cmpstr (lb_import_window_get_step (window), ==, "choose");
  g_assert_nonnull (lb_import_window_get_message (window));
  g_assert_true (gtk_widget_get_mapped (message_label));
  g_assert_true (gtk_widget_has_css_class (message_label, "error"));
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (message_label)), "Nothing was imported")
                 != NULL);
  g_assert_cmpint (count_leads (store), ==, 1);

  choose_file (window, zip);
  /* Choosing another file clears the message. */
  g_assert_null (lb_import_window_get_message (window));
  g_assert_false (gtk_widget_get_visible (child (window, "message_box")));
  run_import (window);
  g_assert_cmpstr (lb_import_window_get_step (window), ==, "choose");
  g_assert_nonnull (lb_import_window_get_message (window));
  g_assert_true (gtk_widget_get_mapped (message_label));
  g_assert_cmpint (count_leads (store), ==, 1);
  look_at (GTK_WINDOW (window), "import-unreadable");

  choose_file (window, good);
  run_import (window);
  g_assert_cmpstr (lb_import_window_get_step (window), ==, "result");
  g_assert_cmpuint (lb_import_window_get_result (window)->imported, ==, 2);
  g_assert_cmpint (count_leads (store), ==, 3);
}

/* Export writes the leads the Leads page's filter shows, in its order,
 * and a toast says how many. */
static void
test_export (LbGuiFixture  *fixture,
             gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  LbLeadsPage *page = LB_LEADS_PAGE (lb_window_get_page_widget (fixture->window, "leads"));
  LbLeadList *list = lb_leads_page_get_list (page);
  GtkWidget *bar = lb_gui_test_get_child (GTK_WIDGET (page), LB_TYPE_LEADS_PAGE, "filter_bar");
  GtkDropDown *rating = lb_gui_test_get_child (bar, LB_TYPE_LEAD_FILTER_BAR, "rating_dropdown");
  GListModel *ratings = gtk_drop_down_get_model (rating);
  g_autofree char *path = g_build_filename (fixture->base.dir, "leads.csv", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->base.dir, "no-such-folder", "x.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *fields = NULL;
  int email_column = -1;
  guint line = 0;
  guint n_records = 0;

  lb_store_set_clock (store, 1772366400);
  lb_gui_test_add_lead_full (store, "Ann", "Hot", "ann@example.com", "Website",
                             LB_RATING_HOT, LB_LEAD_STATUS_NEW, NULL);
  lb_store_set_clock (store, 1772366400 + 60);
  lb_gui_test_add_lead_full (store, "Ben", "Cold", "ben@example.com", "Website",
                             LB_RATING_COLD, LB_LEAD_STATUS_NEW, NULL);
  lb_store_set_clock (store, 1772366400 + 120);
  lb_gui_test_add_lead_full (store, "=Cid", "Hot", "cid@example.com", "Email",
                             LB_RATING_HOT, LB_LEAD_STATUS_NEW, NULL);
  lb_store_set_clock (store, 0);
  lb_gui_test_reload (fixture->window);
  g_assert_cmpuint (n_listed_leads (fixture), ==, 3);

  /* Only the hot leads, as a user filters them. */
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (ratings, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), "Hot") == 0)
        gtk_drop_down_set_selected (rating, i);
    }
  lb_gui_test_wait_idle (fixture->window);
  g_assert_cmpint (lb_lead_list_get_filter (list)->rating, ==, LB_RATING_HOT);
  g_assert_cmpuint (n_listed_leads (fixture), ==, 2);

  lb_window_export_leads_to (fixture->window, file);
  wait_for_text (GTK_WIDGET (fixture->window), "Exported 2 leads to leads.csv");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->window), "export-toast");

  /* The file: a header row and the two hot leads, in the list's order. */
  reader = lb_csv_reader_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (lb_csv_reader_next (reader, &fields, &line, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_ptr_array_index (fields, i), -1);

      if (g_strcmp0 (name, "email") == 0)
        email_column = i;
    }
  g_assert_cmpint (email_column, >=, 0);
  while (lb_csv_reader_next (reader, &fields, &line, &error))
    {
      g_ptr_array_add (emails, g_strdup (g_ptr_array_index (fields, email_column)));
      n_records++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, ==, 2);
  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(LbLead) lead = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (g_ptr_array_index (emails, i), ==, lb_lead_get_email (lead));
    }

  /* A place it cannot write: the toast says why. */
  lb_window_export_leads_to (fixture->window, bad_file);
  wait_for_text (GTK_WIDGET (fixture->window), "The leads were not exported.");
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, LbGuiFixture, NULL, lb_gui_fixture_setup, func, lb_gui_fixture_teardown)

  ADD ("/import/menu", test_menu);
  ADD ("/import/skip", test_import_skip);
  ADD ("/import/update", test_import_update);
  ADD ("/import/cancel", test_import_cancel);
  ADD ("/import/progress", test_import_progress);
  ADD ("/import/unreadable", test_import_unreadable);
  ADD ("/import/export", test_export);

#undef ADD

  return lb_gui_test_run ();
}
