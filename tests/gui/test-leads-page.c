#include "config.h"

#include <math.h>
#include <string.h>

#include "lb-date-button.h"
#include "lb-demo.h"
#include "lb-gui-test.h"
#include "lb-lead-actions.h"
#include "lb-lead-filter-bar.h"
#include "lb-lead-window.h"
#include "lb-leads-page.h"
#include "lb-settings.h"
#include "lb-trash-page.h"

/* 2026-03-01 12:00 UTC; the tests run with TZ=UTC. */
#define MARCH_1 G_GINT64_CONSTANT (1772366400)
#define DAY     (24 * 60 * 60)

typedef struct
{
  LbGuiFixture  gui;
  LbLeadsPage  *page;
  LbLeadList   *list;
  gint64        ids[5];
} Fixture;

/* helpers */

/* Five leads, one a day from March 1st:
 *   0 Ada Lovelace    Website  hot   New        tag VIP
 *   1 Bob Marley      Email    warm  Contacted
 *   2 Cy Twombly      Email    cold  Contacted
 *   3 Di Fossey       Website  warm  Lost       tag VIP
 *   4 Ed Hillary      Partner  hot   New */
static void
add_leads (Fixture *fixture)
{
  LbStore *store = fixture->gui.base.store;
  g_autoptr(GError) error = NULL;

  lb_ref_add (store, LB_REF_TAG, "VIP", &error);
  g_assert_no_error (error);

  lb_store_set_clock (store, MARCH_1);
  fixture->ids[0] = lb_gui_test_add_lead_full (store, "Ada", "Lovelace", "ada@example.com",
                                               "Website", LB_RATING_HOT, LB_LEAD_STATUS_NEW, "VIP");
  lb_store_set_clock (store, MARCH_1 + DAY);
  fixture->ids[1] = lb_gui_test_add_lead_full (store, "Bob", "Marley", "bob@example.com",
                                               "Email", LB_RATING_WARM, LB_LEAD_STATUS_CONTACTED,
                                               NULL);
  lb_store_set_clock (store, MARCH_1 + 2 * DAY);
  fixture->ids[2] = lb_gui_test_add_lead_full (store, "Cy", "Twombly", "cy@example.com",
                                               "Email", LB_RATING_COLD, LB_LEAD_STATUS_CONTACTED,
                                               NULL);
  lb_store_set_clock (store, MARCH_1 + 3 * DAY);
  fixture->ids[3] = lb_gui_test_add_lead_full (store, "Di", "Fossey", "di@example.com",
                                               "Website", LB_RATING_WARM, LB_LEAD_STATUS_LOST,
                                               "VIP");
  lb_store_set_clock (store, MARCH_1 + 4 * DAY);
  fixture->ids[4] = lb_gui_test_add_lead_full (store, "Ed", "Hillary", "ed@example.com",
                                               "Partner", LB_RATING_HOT, LB_LEAD_STATUS_NEW, NULL);
  lb_store_set_clock (store, 0);
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  lb_test_fixture_setup (&fixture->gui.base, data);
  if (data == NULL)
    add_leads (fixture);
  else if (g_strcmp0 (data, "many") == 0)
    {
      g_autoptr(GError) error = NULL;

      lb_demo_add_leads (fixture->gui.base.store, 1000, 11, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  fixture->gui.window = lb_gui_test_open_window (fixture->gui.base.store);
  fixture->page = LB_LEADS_PAGE (lb_window_get_page_widget (fixture->gui.window, "leads"));
  fixture->list = lb_leads_page_get_list (fixture->page);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  lb_gui_fixture_teardown (&fixture->gui, data);
}

static guint
n_items (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->list));
}

static char *
title_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(LbLead) lead = g_list_model_get_item (G_LIST_MODEL (fixture->list), position);

  g_assert_nonnull (lead);
  return g_strdup (lb_lead_get_title (lead));
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (fixture->page), LB_TYPE_LEADS_PAGE, name);
}

static GtkWidget *
bar_child (Fixture    *fixture,
           const char *name)
{
  return lb_gui_test_get_child (page_child (fixture, "filter_bar"), LB_TYPE_LEAD_FILTER_BAR, name);
}

/* Chooses entry @label of a filter drop-down, as a user would. */
static void
choose (Fixture    *fixture,
        const char *dropdown,
        const char *label)
{
  GtkDropDown *dd = GTK_DROP_DOWN (bar_child (fixture, dropdown));
  GListModel *model = gtk_drop_down_get_model (dd);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          gtk_drop_down_set_selected (dd, i);
          lb_gui_test_wait_idle (fixture->gui.window);
          return;
        }
    }

  g_error ("“%s” is not in the %s drop-down", label, dropdown);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  lb_gui_test_wait_idle (fixture->gui.window);
}

static void
select_lead (Fixture *fixture,
             gint64   id)
{
  g_assert_true (lb_leads_page_select (fixture->page, id));
  g_assert_cmpint (lb_leads_page_get_selected_id (fixture->page), ==, id);
}

static gboolean
is_trashed (Fixture *fixture,
            gint64   id)
{
  g_autoptr(LbLead) lead = lb_store_get_lead (fixture->gui.base.store, id, NULL);

  g_assert_nonnull (lead);
  return lb_lead_is_trashed (lead);
}

static void
sort_by (Fixture      *fixture,
         const char   *column,
         GtkSortType   direction)
{
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (page_child (fixture, "column_view")),
                                  GTK_COLUMN_VIEW_COLUMN (page_child (fixture, column)),
                                  direction);
  lb_gui_test_wait_idle (fixture->gui.window);
}

static void
assert_first_last (Fixture    *fixture,
                   const char *first,
                   const char *last)
{
  g_autofree char *a = title_at (fixture, 0);
  g_autofree char *z = title_at (fixture, n_items (fixture) - 1);

  g_assert_cmpstr (a, ==, first);
  g_assert_cmpstr (z, ==, last);
}

/* tests */

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (page_child (fixture, "window_title"));

  g_assert_cmpuint (n_items (fixture), ==, 5);
  g_assert_cmpstr (lb_leads_page_get_state (fixture->page), ==, "list");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "5 leads");

  /* Newest first by default. */
  assert_first_last (fixture, "Ed Hillary", "Ada Lovelace");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "leads-page");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpuint (n_items (fixture), ==, 0);
  g_assert_cmpstr (lb_leads_page_get_state (fixture->page), ==, "empty");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "leads-page-empty");

  /* Its "New Lead" button opens the editor. */
  activate (fixture, "leads.new");
  g_assert_nonnull (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
}

static void
test_filter_status (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (page_child (fixture, "window_title"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (fixture, "filter_button")), TRUE);

  choose (fixture, "status_dropdown", "Contacted");
  g_assert_cmpuint (n_items (fixture), ==, 2);
  g_assert_cmpint (lb_lead_list_get_filter (fixture->list)->status, ==, LB_LEAD_STATUS_CONTACTED);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "2 matching leads");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "leads-page-filtered");

  choose (fixture, "status_dropdown", "Lost");
  g_assert_cmpuint (n_items (fixture), ==, 1);

  choose (fixture, "status_dropdown", "Converted");
  g_assert_cmpuint (n_items (fixture), ==, 0);
  g_assert_cmpstr (lb_leads_page_get_state (fixture->page), ==, "no-match");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "leads-page-no-match");

  /* The "No Matching Leads" page's button clears the filters. */
  activate (fixture, "leads.clear-filters");
  g_assert_cmpuint (n_items (fixture), ==, 5);
  g_assert_cmpstr (lb_leads_page_get_state (fixture->page), ==, "list");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (bar_child (fixture,
                                                                          "status_dropdown"))),
                    ==, 0);
}

static void
test_filter_combined (Fixture       *fixture,
                      gconstpointer  data)
{
  choose (fixture, "source_dropdown", "Email");
  g_assert_cmpuint (n_items (fixture), ==, 2);

  choose (fixture, "rating_dropdown", "Cold");
  g_assert_cmpuint (n_items (fixture), ==, 1);
  {
    g_autofree char *title = title_at (fixture, 0);
    g_assert_cmpstr (title, ==, "Cy Twombly");
  }

  activate (fixture, "leads.clear-filters");
  choose (fixture, "tag_dropdown", "VIP");
  g_assert_cmpuint (n_items (fixture), ==, 2);

  choose (fixture, "category_dropdown", "General");
  g_assert_cmpuint (n_items (fixture), ==, 2);

  activate (fixture, "leads.clear-filters");
  choose (fixture, "rating_dropdown", "Hot");
  g_assert_cmpuint (n_items (fixture), ==, 2);
}

/* "From" and "To" both include their day. */
static void
test_filter_dates (Fixture       *fixture,
                   gconstpointer  data)
{
  LbDateButton *since = LB_DATE_BUTTON (bar_child (fixture, "since_button"));
  LbDateButton *until = LB_DATE_BUTTON (bar_child (fixture, "until_button"));

  lb_date_button_set_date (since, "2026-03-02");
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_cmpuint (n_items (fixture), ==, 4);

  lb_date_button_set_date (until, "2026-03-03");
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_cmpuint (n_items (fixture), ==, 2);
  assert_first_last (fixture, "Cy Twombly", "Bob Marley");

  lb_date_button_set_date (since, NULL);
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_cmpuint (n_items (fixture), ==, 3);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkSearchBar *bar = GTK_SEARCH_BAR (page_child (fixture, "search_bar"));
  GtkEditable *entry = GTK_EDITABLE (page_child (fixture, "search_entry"));

  /* Ctrl+F's action opens the search bar. */
  activate (fixture, "leads.search");
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  gtk_editable_set_text (entry, "Twombly");
  lb_gui_test_wait_n_items (G_LIST_MODEL (fixture->list), 1);
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_cmpstr (lb_lead_list_get_filter (fixture->list)->search, ==, "Twombly");

  gtk_editable_set_text (entry, "nobody-has-this-name");
  lb_gui_test_wait_n_items (G_LIST_MODEL (fixture->list), 0);
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_cmpstr (lb_leads_page_get_state (fixture->page), ==, "no-match");

  /* Closing the search bar clears the search. */
  gtk_search_bar_set_search_mode (bar, FALSE);
  lb_gui_test_wait_n_items (G_LIST_MODEL (fixture->list), 5);
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_null (lb_lead_list_get_filter (fixture->list)->search);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  const LbLeadFilter *filter;

  sort_by (fixture, "title_column", GTK_SORT_ASCENDING);
  filter = lb_lead_list_get_filter (fixture->list);
  g_assert_cmpint (filter->sort, ==, LB_LEAD_SORT_TITLE);
  g_assert_false (filter->descending);
  assert_first_last (fixture, "Ada Lovelace", "Ed Hillary");

  sort_by (fixture, "title_column", GTK_SORT_DESCENDING);
  g_assert_true (lb_lead_list_get_filter (fixture->list)->descending);
  assert_first_last (fixture, "Ed Hillary", "Ada Lovelace");

  /* Name sorts by last name. */
  sort_by (fixture, "name_column", GTK_SORT_ASCENDING);
  g_assert_cmpint (lb_lead_list_get_filter (fixture->list)->sort, ==, LB_LEAD_SORT_NAME);
  assert_first_last (fixture, "Di Fossey", "Cy Twombly");

  sort_by (fixture, "email_column", GTK_SORT_DESCENDING);
  g_assert_cmpint (lb_lead_list_get_filter (fixture->list)->sort, ==, LB_LEAD_SORT_EMAIL);
  assert_first_last (fixture, "Ed Hillary", "Ada Lovelace");

  sort_by (fixture, "created_column", GTK_SORT_ASCENDING);
  g_assert_cmpint (lb_lead_list_get_filter (fixture->list)->sort, ==, LB_LEAD_SORT_CREATED);
  assert_first_last (fixture, "Ada Lovelace", "Ed Hillary");

  /* Every sortable column reaches the query. */
  {
    static const struct { const char *column; LbLeadSort sort; } all[] = {
      { "company_column", LB_LEAD_SORT_COMPANY },
      { "phone_column", LB_LEAD_SORT_PHONE },
      { "source_column", LB_LEAD_SORT_SOURCE },
      { "category_column", LB_LEAD_SORT_CATEGORY },
      { "status_column", LB_LEAD_SORT_STATUS },
      { "rating_column", LB_LEAD_SORT_RATING },
    };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        sort_by (fixture, all[i].column, GTK_SORT_DESCENDING);
        g_assert_cmpint (lb_lead_list_get_filter (fixture->list)->sort, ==, all[i].sort);
        g_assert_true (lb_lead_list_get_filter (fixture->list)->descending);
        g_assert_cmpuint (n_items (fixture), ==, 5);
      }
  }

  /* Sort by rating, hottest first. */
  {
    g_autoptr(LbLead) first = NULL;

    sort_by (fixture, "rating_column", GTK_SORT_DESCENDING);
    first = g_list_model_get_item (G_LIST_MODEL (fixture->list), 0);
    g_assert_cmpint (lb_lead_get_rating (first), ==, LB_RATING_HOT);
  }
}

/* Delete moves the lead to the trash, and the toast's Undo brings it
 * back. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  LbTrashPage *trash = LB_TRASH_PAGE (lb_window_get_page_widget (fixture->gui.window, "trash"));
  GListModel *trashed = G_LIST_MODEL (lb_trash_page_get_list (trash));

  select_lead (fixture, fixture->ids[2]);
  activate (fixture, "leads.delete");

  g_assert_true (is_trashed (fixture, fixture->ids[2]));
  g_assert_cmpuint (n_items (fixture), ==, 4);
  g_assert_cmpuint (lb_lead_list_find (fixture->list, fixture->ids[2]), ==, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (trashed), ==, 1);
  g_assert_cmpint (lb_lead_list_get_id (lb_trash_page_get_list (trash), 0), ==, fixture->ids[2]);
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "leads-page-deleted");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.restore-lead",
                                             "x", fixture->ids[2]));
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_false (is_trashed (fixture, fixture->ids[2]));
  g_assert_cmpuint (n_items (fixture), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (trashed), ==, 0);
}

/* The Delete key's action acts on the selection only. */
static void
test_delete_needs_selection (Fixture       *fixture,
                             gconstpointer  data)
{
  g_assert_cmpint (lb_leads_page_get_selected_id (fixture->page), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "leads.delete", NULL);
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_cmpuint (n_items (fixture), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->ids); i++)
    g_assert_false (is_trashed (fixture, fixture->ids[i]));
}

/* An Undo refused because the email was taken meanwhile leaves the
 * lead in the trash. */
static void
test_undo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  select_lead (fixture, fixture->ids[0]);
  activate (fixture, "leads.delete");
  g_assert_true (is_trashed (fixture, fixture->ids[0]));

  lb_test_add_lead (fixture->gui.base.store, "Ada", "Again", "ada@example.com", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->gui.window), "win.restore-lead", "x",
                              fixture->ids[0]);
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_true (is_trashed (fixture, fixture->ids[0]));
  g_assert_cmpuint (n_items (fixture), ==, 5);
}

static void
test_replicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(LbLead) copy = NULL;

  select_lead (fixture, fixture->ids[1]);
  activate (fixture, "leads.replicate");
  g_assert_cmpuint (n_items (fixture), ==, 6);

  filter->search = g_strdup ("Copy");
  ids = lb_store_query_lead_ids (fixture->gui.base.store, filter, 0, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  copy = lb_store_get_lead (fixture->gui.base.store, g_array_index (ids, gint64, 0), NULL);
  g_assert_cmpstr (lb_lead_get_title (copy), ==, "Copy of Bob Marley");
  g_assert_null (lb_lead_get_email (copy));
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (fixture, "column_view"));
  LbLeadWindow *editor;

  /* Open from the row menu. */
  select_lead (fixture, fixture->ids[3]);
  activate (fixture, "leads.open");
  editor = LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_nonnull (editor);
  g_assert_cmpint (lb_lead_window_get_lead_id (editor), ==, fixture->ids[3]);
  gtk_window_destroy (GTK_WINDOW (editor));
  lb_gui_test_iterate (50);

  /* Activating a row (double click, Enter) opens it too. */
  g_signal_emit_by_name (view, "activate", lb_lead_list_find (fixture->list, fixture->ids[1]));
  lb_gui_test_iterate (50);
  editor = LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
  g_assert_nonnull (editor);
  g_assert_cmpint (lb_lead_window_get_lead_id (editor), ==, fixture->ids[1]);
}

/* The first row's menu button, breadth first, or NULL. */
static GtkWidget *
find_row_menu_button (GtkWidget *view)
{
  GQueue todo = G_QUEUE_INIT;
  GtkWidget *button = NULL;

  g_queue_push_tail (&todo, view);
  while (!g_queue_is_empty (&todo) && button == NULL)
    {
      GtkWidget *w = g_queue_pop_head (&todo);

      if (GTK_IS_BUTTON (w) && gtk_widget_has_css_class (w, "row-menu"))
        button = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&todo, c);
    }
  g_queue_clear (&todo);

  return button;
}

static gboolean
has_row_menu_button (gpointer data)
{
  return find_row_menu_button (data) != NULL;
}

/* The menu button of a row selects that row and shows the menu. */
static void
test_row_menu (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *view = page_child (fixture, "column_view");
  GtkPopover *popover = GTK_POPOVER (page_child (fixture, "row_popover"));
  GtkWidget *button;

  g_assert_true (lb_gui_test_wait (has_row_menu_button, view, 20000));
  button = find_row_menu_button (view);

  g_assert_cmpint (lb_leads_page_get_selected_id (fixture->page), ==, 0);
  g_signal_emit_by_name (button, "clicked");
  lb_gui_test_iterate (100);
  g_assert_cmpint (lb_leads_page_get_selected_id (fixture->page), !=, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "leads-page-row-menu");
  gtk_popover_popdown (popover);
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         value;
} Place;

static gboolean
is_at (gpointer data)
{
  Place *place = data;

  return fabs (gtk_adjustment_get_value (place->adjustment) - place->value) < 100;
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_adjustment_get_upper (data) > gtk_adjustment_get_page_size (data);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }

  g_error ("No controller called %s", name);
}

static void
record_value (GtkAdjustment *adjustment,
              GArray        *values)
{
  double value = gtk_adjustment_get_value (adjustment);

  g_array_append_val (values, value);
}

/* Whether to drive the display with xdotool: only for a test run
 * alone on its display (LB_TEST_XDOTOOL=1), since the pointer and the
 * keyboard reach whichever window is on top. */
static gboolean
use_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL && g_strcmp0 (g_getenv ("LB_TEST_XDOTOOL"), "1") == 0;
}

static void
run_xdotool (const char *args)
{
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_auto(GStrv) argv = NULL;

  g_shell_parse_argv (command, NULL, &argv, &error);
  g_assert_no_error (error);
  process = g_subprocess_newv ((const char * const *)argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* Let the window take the events as they come. */
  while (g_subprocess_get_identifier (process) != NULL)
    lb_gui_test_iterate (5);
  lb_gui_test_iterate (500);
}

static void
assert_monotonic (GArray  *values,
                  gboolean down)
{
  g_assert_cmpuint (values->len, >, 1);
  for (guint i = 0; i < values->len && g_getenv ("LB_TEST_VERBOSE"); i++)
    g_test_message ("value %u: %.2f", i, g_array_index (values, double, i));
  for (guint i = 1; i < values->len; i++)
    {
      double before = g_array_index (values, double, i - 1);
      double after = g_array_index (values, double, i);

      /* The view rounds its position to whole pixels, so a step can
       * end up to a pixel short; a snap back is more than that. */
      if (down ? after < before - 1 : after > before + 1)
        g_error ("The list snapped back from %.2f to %.2f", before, after);
    }
}

/* Wheels the list down then up with X events, the list under the
 * pointer (the window sits at 0,0: there is no window manager). */
static void
wheel_scroll (LbLeadsPage   *page,
              GtkAdjustment *adjustment,
              double         start)
{
  GtkWidget *scrolled = lb_gui_test_get_child (GTK_WIDGET (page), LB_TYPE_LEADS_PAGE,
                                               "scrolled_window");
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *move = NULL;
  graphene_point_t point;
  gulong handler;
  double before;
  double step;

  g_assert_true (gtk_widget_compute_point (scrolled, GTK_WIDGET (gtk_widget_get_root (scrolled)),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (scrolled) / 2,
                                                                 gtk_widget_get_height (scrolled) / 2),
                                           &point));
  gtk_adjustment_set_value (adjustment, start);
  lb_gui_test_iterate (200);

  move = g_strdup_printf ("mousemove %d %d", (int)point.x, (int)point.y);
  run_xdotool (move);

  step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  before = gtk_adjustment_get_value (adjustment);
  handler = g_signal_connect (adjustment, "value-changed", G_CALLBACK (record_value), values);
  run_xdotool ("click --repeat 30 --delay 8 5");
  g_test_message ("wheel down: %u values, %.0f to %.0f", values->len,
                  g_array_index (values, double, 0), g_array_index (values, double, values->len - 1));
  assert_monotonic (values, TRUE);
  /* 30 steps down, not a fling to the end of the list. */
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before + 20 * step);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before + 30 * step + 2);

  g_array_set_size (values, 0);
  before = gtk_adjustment_get_value (adjustment);
  run_xdotool ("click --repeat 15 --delay 8 4");
  g_test_message ("wheel up: %u values", values->len);
  assert_monotonic (values, FALSE);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, before - 10 * step);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before - 15 * step - 2);
  g_signal_handler_disconnect (adjustment, handler);
}

/* The name of the action @accel triggers in @widget's shortcut
 * controllers, or NULL. */
static char *
find_shortcut (GtkWidget  *widget,
               const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

static void
press_keys (const char *keys)
{
  g_autofree char *command = g_strconcat ("key --delay 30 ", keys, NULL);

  run_xdotool (command);
}

/* Ctrl+N, Ctrl+F and Delete reach their actions; with xdotool, real
 * key presses do too. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *new_lead = find_shortcut (GTK_WIDGET (fixture->page), "<Control>n");
  g_autofree char *search = find_shortcut (GTK_WIDGET (fixture->page), "<Control>f");
  GtkSearchBar *bar = GTK_SEARCH_BAR (page_child (fixture, "search_bar"));

  g_assert_cmpstr (new_lead, ==, "leads.new");
  g_assert_cmpstr (search, ==, "leads.search");

  if (!use_xdotool ())
    {
      g_test_message ("LB_TEST_XDOTOOL=1 and xdotool press real keys");
      return;
    }

  /* No window manager: the keyboard goes to the window under the
   * pointer, so the pointer rests on the list. */
  run_xdotool ("mousemove 600 300");

  press_keys ("ctrl+f");
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  press_keys ("T w o m b l y");
  lb_gui_test_wait_n_items (G_LIST_MODEL (fixture->list), 1);
  press_keys ("Escape");
  lb_gui_test_wait_n_items (G_LIST_MODEL (fixture->list), 5);
  g_assert_false (gtk_search_bar_get_search_mode (bar));

  select_lead (fixture, fixture->ids[4]);
  gtk_widget_grab_focus (page_child (fixture, "column_view"));
  press_keys ("Delete");
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_true (is_trashed (fixture, fixture->ids[4]));
  g_assert_cmpuint (n_items (fixture), ==, 4);

  press_keys ("ctrl+n");
  g_assert_nonnull (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));
}

/* What the page showed when the first rows of a query came in. */
typedef struct
{
  Fixture  *fixture;
  guint     n_changes;
  guint     n_items;
  gboolean  loaded;
  gboolean  loaded_before;
  char     *state;
  char     *subtitle;
} FirstRows;

static void
first_rows_changed (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    FirstRows  *first)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (page_child (first->fixture, "window_title"));
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (page_child (first->fixture, "selection"));

  if (first->n_changes++ > 0)
    return;

  /* The view's model has followed, and the page has its state. */
  first->n_items = g_list_model_get_n_items (G_LIST_MODEL (selection));
  first->loaded_before = first->loaded;
  first->state = g_strdup (lb_leads_page_get_state (first->fixture->page));
  first->subtitle = g_strdup (adw_window_title_get_subtitle (title));
}

static void
first_rows_loaded (LbLeadList *list,
                   FirstRows  *first)
{
  first->loaded = TRUE;
}

/* With more leads than the list's first rows, a new search shows its
 * first rows before the whole result is in, without a count yet; then
 * every row and the count. */
static void
test_first_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (page_child (fixture, "window_title"));
  GtkEditable *entry = GTK_EDITABLE (page_child (fixture, "search_entry"));
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  FirstRows first = { fixture };
  gint64 matches;

  g_assert_cmpuint (n_items (fixture), ==, 1000);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "1000 leads");

  /* From a search that matches nothing… */
  activate (fixture, "leads.search");
  gtk_editable_set_text (entry, "examplezz");
  lb_gui_test_wait_n_items (G_LIST_MODEL (fixture->list), 0);
  lb_gui_test_wait_idle (fixture->gui.window);
  g_assert_cmpstr (lb_leads_page_get_state (fixture->page), ==, "no-match");

  /* …to one that matches most leads (every demo email is at example.com). */
  filter->search = g_strdup ("example");
  matches = lb_store_count_leads (fixture->gui.base.store, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (matches, >, LB_LEAD_LIST_FIRST_ROWS);

  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (first_rows_changed), &first);
  g_signal_connect (fixture->list, "loaded", G_CALLBACK (first_rows_loaded), &first);
  /* (Two keys deleted: setting the whole text would clear it first.) */
  gtk_editable_delete_text (entry, strlen ("example"), -1);
  lb_gui_test_wait_n_items (G_LIST_MODEL (fixture->list), matches);
  lb_gui_test_wait_idle (fixture->gui.window);
  g_signal_handlers_disconnect_by_data (fixture->list, &first);
  g_assert_cmpstr (lb_lead_list_get_filter (fixture->list)->search, ==, "example");

  /* The first rows showed at once, before "loaded", with no count. */
  g_assert_cmpuint (first.n_changes, ==, 2);
  g_assert_false (first.loaded_before);
  g_assert_cmpuint (first.n_items, ==, LB_LEAD_LIST_FIRST_ROWS);
  g_assert_cmpstr (first.state, ==, "list");
  g_assert_cmpstr (first.subtitle, ==, "Loading…");

  /* Then every row and the count. */
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " matching leads", matches);
  g_assert_cmpuint (n_items (fixture), ==, matches);
  g_assert_cmpstr (lb_leads_page_get_state (fixture->page), ==, "list");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, expected);
  g_assert_true (lb_lead_list_get_complete (fixture->list));
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "leads-page-search");

  gtk_window_set_default_size (GTK_WINDOW (fixture->gui.window), 360, 640);
  lb_gui_test_iterate (200);
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "leads-page-search-narrow");

  g_free (first.state);
  g_free (first.subtitle);
}

/* A long list scrolls where it is told and stays there (GTK 4.8.3's
 * list views could snap back, GNOME/gtk#2971).  LB_TEST_SCROLL_DB names
 * a big database to use instead of a generated one. */
static void
test_scroll (LbGuiFixture  *fixture,
             gconstpointer  data)
{
  const char *big = g_getenv ("LB_TEST_SCROLL_DB");
  g_autoptr(LbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;
  LbLeadsPage *page;
  LbLeadList *list;
  LbWindow *window;
  double upper;

  if (big != NULL && *big != '\0')
    store = lb_store_open (big, &error);
  else
    {
      store = g_object_ref (fixture->base.store);
      lb_demo_add_leads (store, 3000, 42, NULL, NULL, &error);
    }
  g_assert_no_error (error);

  window = lb_gui_test_open_window (store);
  page = LB_LEADS_PAGE (lb_window_get_page_widget (window, "leads"));
  list = lb_leads_page_get_list (page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 3000);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                 lb_gui_test_get_child (GTK_WIDGET (page), LB_TYPE_LEADS_PAGE, "scrolled_window")));
  g_assert_true (lb_gui_test_wait (is_laid_out, adjustment, 20000));
  upper = gtk_adjustment_get_upper (adjustment);
  g_assert_cmpfloat (upper, >, 10000);

  /* Jumps far down and back up; each must hold. */
  {
    const double fractions[] = { 0.5, 0.9, 0.25, 0.75, 0.01 };

    for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
      {
        double target = upper * fractions[i];

        gtk_adjustment_set_value (adjustment, target);
        lb_gui_test_iterate (300);
        g_test_message ("jump to %.0f: at %.0f (upper %.0f)", target,
                        gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment));
        g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - target), <, 100);
      }
  }

  /* Steady scrolling, a frame at a time, never goes backwards. */
  {
    double previous = gtk_adjustment_get_value (adjustment);

    for (guint step = 0; step < 200; step++)
      {
        gtk_adjustment_set_value (adjustment, previous + 120);
        lb_gui_test_iterate (16);
        g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=, previous + 60);
        previous = gtk_adjustment_get_value (adjustment);
      }
  }
  /* Wheel steps faster than frames scroll steadily (see
   * wheel_scroll_cb in lb-leads-page.c): five steps before each frame. */
  {
    GtkEventController *wheel = find_controller (lb_gui_test_get_child (GTK_WIDGET (page),
                                                                        LB_TYPE_LEADS_PAGE,
                                                                        "scrolled_window"),
                                                 "lb-wheel");
    double step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
    double before;
    double previous;

    gtk_adjustment_set_value (adjustment, upper / 3);
    lb_gui_test_iterate (100);
    before = previous = gtk_adjustment_get_value (adjustment);
    for (guint frame = 0; frame < 20; frame++)
      {
        for (guint i = 0; i < 5; i++)
          {
            gboolean handled = FALSE;

            g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
            g_assert_true (handled);
          }
        lb_gui_test_iterate (20);
        g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=, previous - 1);
        previous = gtk_adjustment_get_value (adjustment);
      }
    lb_gui_test_iterate (200);
    previous = gtk_adjustment_get_value (adjustment);
    g_test_message ("100 wheel steps of %.0f: from %.0f to %.0f", step, before, previous);
    g_assert_cmpfloat (fabs (previous - (before + 100 * step)), <, step);
  }

  /* Real mouse wheel events too, when asked. */
  if (use_xdotool ())
    wheel_scroll (page, adjustment, upper / 3);

  /* A delete far down the list reloads it without losing the place. */
  {
    Place place = { adjustment, gtk_adjustment_get_value (adjustment) };
    guint position = (guint)(place.value / (upper / g_list_model_get_n_items (G_LIST_MODEL (list)))) + 3;
    gint64 id = lb_lead_list_get_id (list, position);

    g_assert_true (lb_leads_page_select (page, id));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "leads.delete", NULL));
    lb_gui_test_wait_idle (window);
    g_assert_cmpuint (lb_lead_list_find (list, id), ==, G_MAXUINT);

    /* The list may show the wrong place for a frame. */
    lb_gui_test_iterate (100);
    lb_gui_test_wait (is_at, &place, 5000);
    g_test_message ("after a delete: %.0f, was %.0f", gtk_adjustment_get_value (adjustment),
                    place.value);
    g_assert_true (is_at (&place));
  }

  lb_gui_test_screenshot (GTK_WIDGET (window), "leads-page-scrolled");
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)

  ADD ("/leads-page/lists", test_lists);
  g_test_add ("/leads-page/empty", Fixture, "empty", setup, test_empty, teardown);
  ADD ("/leads-page/filter-status", test_filter_status);
  ADD ("/leads-page/filter-combined", test_filter_combined);
  ADD ("/leads-page/filter-dates", test_filter_dates);
  ADD ("/leads-page/search", test_search);
  ADD ("/leads-page/sort", test_sort);
  ADD ("/leads-page/delete-undo", test_delete_undo);
  ADD ("/leads-page/delete-needs-selection", test_delete_needs_selection);
  ADD ("/leads-page/undo-refused", test_undo_refused);
  ADD ("/leads-page/replicate", test_replicate);
  ADD ("/leads-page/open", test_open);
  ADD ("/leads-page/row-menu", test_row_menu);
  ADD ("/leads-page/shortcuts", test_shortcuts);
  g_test_add ("/leads-page/first-rows", Fixture, "many", setup, test_first_rows, teardown);
  g_test_add ("/leads-page/scroll", LbGuiFixture, NULL, lb_gui_fixture_setup, test_scroll,
              lb_gui_fixture_teardown);

#undef ADD

  return lb_gui_test_run ();
}
