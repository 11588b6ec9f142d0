#include "config.h"

#include "lb-dashboard-page.h"
#include "lb-date-button.h"
#include "lb-empty-page.h"
#include "lb-gui-test.h"
#include "lb-lead-actions.h"
#include "lb-lead-filter-bar.h"
#include "lb-lead-window.h"
#include "lb-leads-page.h"
#include "lb-preferences-window.h"
#include "lb-settings.h"
#include "lb-trash-page.h"

static const char * const page_names[] = {
  "dashboard", "leads", "contacts", "accounts", "deals", "orders", "invoices", "products", "trash",
};

/* helpers */

static void
instantiate_widget (GType type)
{
  GtkWidget *widget = g_object_ref_sink (g_object_new (type, NULL));

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, type));
  g_object_unref (widget);
}

/* The buttons of @widget, but for the window's own (close, …). */
static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    g_ptr_array_add (buttons, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* tests */

/* Every template builds, with criticals fatal (G_DEBUG). */
static void
test_templates (LbGuiFixture  *fixture,
                gconstpointer  data)
{
  LbLeadWindow *lead_window;
  LbPreferencesWindow *preferences;

  g_assert_true (LB_IS_WINDOW (fixture->window));

  instantiate_widget (LB_TYPE_LEADS_PAGE);
  instantiate_widget (LB_TYPE_TRASH_PAGE);
  instantiate_widget (LB_TYPE_DASHBOARD_PAGE);
  instantiate_widget (LB_TYPE_EMPTY_PAGE);
  instantiate_widget (LB_TYPE_LEAD_FILTER_BAR);
  instantiate_widget (LB_TYPE_DATE_BUTTON);

  lead_window = lb_lead_window_new (GTK_WINDOW (fixture->window), fixture->base.store, 0);
  g_assert_true (LB_IS_LEAD_WINDOW (lead_window));
  gtk_window_destroy (GTK_WINDOW (lead_window));

  preferences = lb_preferences_window_new (GTK_WINDOW (fixture->window), fixture->base.store);
  g_assert_true (LB_IS_PREFERENCES_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
}

static void
test_sidebar (LbGuiFixture  *fixture,
              gconstpointer  data)
{
  GtkListBox *sidebar = lb_gui_test_get_child (GTK_WIDGET (fixture->window), LB_TYPE_WINDOW,
                                               "sidebar_list");
  guint n_rows = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_assert_cmpstr (gtk_widget_get_name (row), ==, page_names[n_rows]);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (page_names));

  g_assert_cmpstr (lb_window_get_page (fixture->window), ==, "leads");

  /* Choosing a row shows its page. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      gtk_list_box_select_row (sidebar, row);
      g_assert_cmpstr (lb_window_get_page (fixture->window), ==, page_names[i]);
      g_assert_true (gtk_widget_get_mapped (lb_window_get_page_widget (fixture->window,
                                                                       page_names[i])));
    }

  /* The window action does the same, and the sidebar follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page",
                                             "s", "contacts"));
  g_assert_cmpstr (lb_window_get_page (fixture->window), ==, "contacts");
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_selected_row (sidebar))),
                   ==, "contacts");
}

/* A page a later version fills says so, and offers no button that
 * does nothing: its only button is the back button of a folded window. */
static void
test_empty_page (LbGuiFixture  *fixture,
                 gconstpointer  data)
{
  GtkWidget *page = g_object_new (LB_TYPE_EMPTY_PAGE,
                                  "title", "Contracts",
                                  "icon-name", "x-office-document-symbolic",
                                  "description", "Contracts will list what your customers signed.",
                                  NULL);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  lb_gui_test_iterate (50);

  g_assert_cmpstr (lb_empty_page_get_title (LB_EMPTY_PAGE (page)), ==, "Contracts");
  collect_buttons (page, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (buttons->pdata[0])), ==,
                   "win.go-back");
  g_assert_false (gtk_widget_get_visible (buttons->pdata[0]));

  lb_page_set_folded (LB_PAGE (page), TRUE);
  g_assert_true (gtk_widget_get_visible (buttons->pdata[0]));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

/* A narrow window folds: the sidebar and the page take turns, and the
 * page's back button returns to the sidebar. */
static void
test_narrow (LbGuiFixture  *fixture,
             gconstpointer  data)
{
  LbWindow *window = lb_window_new (lb_gui_test_get_app (), fixture->base.store);
  AdwLeaflet *leaflet = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_WINDOW, "leaflet");
  GtkWidget *sidebar = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_WINDOW, "sidebar");
  GtkWidget *leads = lb_window_get_page_widget (window, "leads");
  AdwLeaflet *wide = lb_gui_test_get_child (GTK_WIDGET (fixture->window), LB_TYPE_WINDOW,
                                            "leaflet");

  g_assert_false (adw_leaflet_get_folded (wide));
  g_assert_false (lb_page_get_folded (LB_PAGE (lb_window_get_page_widget (fixture->window,
                                                                          "leads"))));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  lb_gui_test_wait_idle (window);
  g_assert_true (lb_gui_test_wait (is_folded, leaflet, 20000));

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (lb_page_get_folded (LB_PAGE (leads)));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != sidebar);
  lb_gui_test_screenshot (GTK_WIDGET (window), "window-narrow-leads");

  g_assert_true (gtk_widget_activate_action (leads, "win.go-back", NULL));
  lb_gui_test_iterate (500);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);
  lb_gui_test_screenshot (GTK_WIDGET (window), "window-narrow-sidebar");

  lb_window_show_page (window, "trash");
  lb_gui_test_iterate (500);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != sidebar);
  g_assert_cmpstr (lb_window_get_page (window), ==, "trash");
}

static void
test_new_lead (LbGuiFixture  *fixture,
               gconstpointer  data)
{
  GtkWidget *leads = lb_window_get_page_widget (fixture->window, "leads");
  LbLeadWindow *editor;

  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_true (gtk_widget_activate_action (leads, "leads.new", NULL));
  lb_gui_test_iterate (100);

  editor = LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_nonnull (editor);
  g_assert_cmpint (lb_lead_window_get_lead_id (editor), ==, 0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->window));
}

/* The editor's signals reach the lists: "saved" reloads them and
 * "trashed" offers an Undo that restores. */
static void
test_lead_window_signals (LbGuiFixture  *fixture,
                          gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  LbLeadsPage *leads = LB_LEADS_PAGE (lb_window_get_page_widget (fixture->window, "leads"));
  LbTrashPage *trash = LB_TRASH_PAGE (lb_window_get_page_widget (fixture->window, "trash"));
  LbLeadWindow *editor;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-lead", NULL));
  editor = LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_nonnull (editor);

  /* The editor created a lead and says so. */
  id = lb_test_add_lead (store, "Grace", "Hopper", "grace@example.com", NULL);
  g_signal_emit_by_name (editor, "saved", id);
  lb_gui_test_wait_idle (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb_leads_page_get_list (leads))), ==, 1);

  /* The editor deleted it. */
  lb_lead_trash (store, id, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (editor, "trashed", id);
  lb_gui_test_wait_idle (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb_leads_page_get_list (leads))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb_trash_page_get_list (trash))), ==, 1);

  /* The toast's Undo button activates win.restore-lead. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-lead",
                                             "x", id));
  lb_gui_test_wait_idle (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb_leads_page_get_list (leads))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lb_trash_page_get_list (trash))), ==, 0);
}

/* "Open" twice raises the editor already open on that lead. */
static void
test_open_lead_once (LbGuiFixture  *fixture,
                     gconstpointer  data)
{
  gint64 id = lb_test_add_lead (fixture->base.store, "Alan", "Turing", NULL, NULL);
  LbLeadWindow *editor;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-lead", "x", id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-lead", "x", id);
  lb_gui_test_iterate (100);

  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_LEAD_WINDOW), ==, 1);
  editor = LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_cmpint (lb_lead_window_get_lead_id (editor), ==, id);
}

/* Preferences open from the app menu; when they report a change, the
 * filter bar offers the new reference entries. */
static void
test_preferences (LbGuiFixture  *fixture,
                  gconstpointer  data)
{
  GtkWidget *leads = lb_window_get_page_widget (fixture->window, "leads");
  GtkWidget *bar = lb_gui_test_get_child (leads, LB_TYPE_LEADS_PAGE, "filter_bar");
  GtkDropDown *sources = GTK_DROP_DOWN (lb_gui_test_get_child (bar, LB_TYPE_LEAD_FILTER_BAR,
                                                               "source_dropdown"));
  GListModel *before = gtk_drop_down_get_model (sources);
  guint n_before = g_list_model_get_n_items (before);
  GtkWindow *preferences;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringObject) last = NULL;
  GListModel *after;

  g_action_group_activate_action (G_ACTION_GROUP (lb_gui_test_get_app ()), "preferences", NULL);
  preferences = lb_gui_test_find_toplevel (LB_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (fixture->window));

  lb_ref_add (fixture->base.store, LB_REF_SOURCE, "Trade fair", &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (preferences, "changed");
  lb_gui_test_wait_idle (fixture->window);

  after = gtk_drop_down_get_model (sources);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before + 1);
  last = g_list_model_get_item (after, n_before);
  g_assert_cmpstr (gtk_string_object_get_string (last), ==, "Trade fair");
}

/* The dashboard counts the live leads by status and lists the hot
 * ones; a hot lead opens in the editor. */
static void
test_dashboard (LbGuiFixture  *fixture,
                gconstpointer  data)
{
  LbStore *store = fixture->base.store;
  LbDashboardPage *dashboard = LB_DASHBOARD_PAGE (lb_window_get_page_widget (fixture->window,
                                                                             "dashboard"));
  GtkListBox *hot_list = lb_gui_test_get_child (GTK_WIDGET (dashboard), LB_TYPE_DASHBOARD_PAGE,
                                                "hot_list");
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  LbLeadWindow *editor;
  gint64 hot;
  gint64 trashed;

  g_assert_cmpint (lb_dashboard_page_get_count (dashboard, LB_LEAD_STATUS_NEW), ==, 0);
  g_assert_cmpuint (lb_dashboard_page_get_n_hot (dashboard), ==, 0);

  hot = lb_gui_test_add_lead_full (store, "Hot", "Lead", NULL, "Website", LB_RATING_HOT,
                                   LB_LEAD_STATUS_NEW, NULL);
  lb_gui_test_add_lead_full (store, "Lost", "Hot", NULL, "Website", LB_RATING_HOT,
                             LB_LEAD_STATUS_LOST, NULL);
  lb_gui_test_add_lead_full (store, "Warm", "One", NULL, "Email", LB_RATING_WARM,
                             LB_LEAD_STATUS_CONTACTED, NULL);
  trashed = lb_gui_test_add_lead_full (store, "Gone", "Hot", NULL, "Email", LB_RATING_HOT,
                                       LB_LEAD_STATUS_NEW, NULL);
  lb_lead_trash (store, trashed, &error);
  g_assert_no_error (error);
  lb_gui_test_reload (fixture->window);

  g_assert_cmpint (lb_dashboard_page_get_count (dashboard, LB_LEAD_STATUS_NEW), ==, 1);
  g_assert_cmpint (lb_dashboard_page_get_count (dashboard, LB_LEAD_STATUS_CONTACTED), ==, 1);
  g_assert_cmpint (lb_dashboard_page_get_count (dashboard, LB_LEAD_STATUS_LOST), ==, 1);
  g_assert_cmpint (lb_dashboard_page_get_count (dashboard, LB_LEAD_STATUS_CONVERTED), ==, 0);
  g_assert_cmpuint (lb_dashboard_page_get_n_hot (dashboard), ==, 1);

  lb_window_show_page (fixture->window, "dashboard");
  lb_gui_test_iterate (100);
  lb_gui_test_screenshot (GTK_WIDGET (fixture->window), "dashboard");
  row = gtk_list_box_get_row_at_index (hot_list, 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  lb_gui_test_iterate (50);
  editor = LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_nonnull (editor);
  g_assert_cmpint (lb_lead_window_get_lead_id (editor), ==, hot);
}

/* The window keeps its size and page in GSettings when it closes. */
static void
test_settings (LbGuiFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LbWindow *window = lb_window_new (lb_gui_test_get_app (), fixture->base.store);
  g_autofree char *page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  lb_window_show_page (window, "trash");
  lb_gui_test_wait_idle (window);
  lb_gui_test_iterate (200);
  gtk_window_close (GTK_WINDOW (window));
  lb_gui_test_iterate (100);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  page = g_settings_get_string (settings, "sidebar-page");
  g_assert_cmpstr (page, ==, "trash");

  /* A new window comes back on that page. */
  fixture->window = lb_gui_test_open_window (fixture->base.store);
  g_assert_cmpstr (lb_window_get_page (fixture->window), ==, "trash");

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "sidebar-page");
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, LbGuiFixture, NULL, lb_gui_fixture_setup, func, lb_gui_fixture_teardown)

  ADD ("/window/templates", test_templates);
  ADD ("/window/sidebar", test_sidebar);
  ADD ("/window/empty-page", test_empty_page);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/new-lead", test_new_lead);
  ADD ("/window/lead-window-signals", test_lead_window_signals);
  ADD ("/window/open-lead-once", test_open_lead_once);
  ADD ("/window/preferences", test_preferences);
  ADD ("/window/dashboard", test_dashboard);
  ADD ("/window/settings", test_settings);

#undef ADD

  return lb_gui_test_run ();
}
