/* The Deals page and the deal window, driven through their real widgets
 * and actions. */

#include "config.h"

#include <string.h>

#include "lb-crm-actions.h"
#include "lb-deal-window.h"
#include "lb-deals-page.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-gui-test.h"
#include "lb-lead-window.h"

typedef struct
{
  LbGuiFixture  gui;
  LbDealsPage  *page;
  gint64        acme;      /* an account with one contact, Ada */
  gint64        globex;    /* an account with one contact, Bob */
  gint64        ada;
  gint64        bob;
  gint64        cy;        /* a contact of no account */
} Fixture;

/* helpers */

static gint64
add_account (LbStore    *store,
             const char *name)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, name);
  id = lb_account_create (store, account, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_contact (LbStore    *store,
             const char *first,
             const char *last,
             gint64      account_id)
{
  g_autoptr(LbContact) contact = lb_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_contact_set_text (contact, LB_CONTACT_FIRST_NAME, first);
  lb_contact_set_text (contact, LB_CONTACT_LAST_NAME, last);
  lb_contact_set_int (contact, LB_CONTACT_ACCOUNT_ID, account_id);
  id = lb_contact_create (store, contact, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_deal (Fixture      *fixture,
          const char   *name,
          const char   *stage,
          gint64        value,
          LbDealStatus  status,
          gint64        account_id)
{
  g_autoptr(LbDeal) deal = lb_deal_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_deal_set_text (deal, LB_DEAL_NAME, name);
  lb_deal_set_text (deal, LB_DEAL_STAGE, stage);
  lb_deal_set_int (deal, LB_DEAL_VALUE, value);
  lb_deal_set_int (deal, LB_DEAL_ACCOUNT_ID, account_id);
  lb_deal_set_status (deal, status);
  id = lb_deal_create (fixture->gui.base.store, deal, &error);
  g_assert_no_error (error);

  return id;
}

static LbDeal *
get_deal (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  LbDeal *deal = lb_store_get_deal (fixture->gui.base.store, id, &error);

  g_assert_no_error (error);
  return deal;
}

static guint
count_stored_deals (Fixture *fixture)
{
  g_autoptr(GListModel) deals = NULL;
  LbRecordFilter filter;

  lb_record_filter_init (&filter);
  deals = lb_store_list_deals (fixture->gui.base.store, &filter, NULL);
  g_assert_nonnull (deals);
  return g_list_model_get_n_items (deals);
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  LbStore *store;

  lb_test_fixture_setup (&fixture->gui.base, data);
  store = fixture->gui.base.store;
  fixture->acme = add_account (store, "Acme");
  fixture->globex = add_account (store, "Globex");
  fixture->ada = add_contact (store, "Ada", "Lovelace", fixture->acme);
  fixture->bob = add_contact (store, "Bob", "Marley", fixture->globex);
  fixture->cy = add_contact (store, "Cy", "Twombly", 0);

  fixture->gui.window = lb_gui_test_open_window (store);
  lb_window_show_page (fixture->gui.window, "deals");
  fixture->page = LB_DEALS_PAGE (lb_window_get_page_widget (fixture->gui.window, "deals"));
  lb_gui_test_iterate (50);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  lb_gui_fixture_teardown (&fixture->gui, data);
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (lb_deals_page_get_model (fixture->page));
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  lb_gui_test_iterate (50);
}

static GtkWidget *
window_child (LbDealWindow *window,
              const char   *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_DEAL_WINDOW, name);
}

static void
type_text (LbDealWindow *window,
           const char   *row,
           const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window_child (window, row)), text);
}

static guint
find_choice (GtkWidget  *row,
             const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;

  return G_MAXUINT;
}

/* Picks @label in the combo row @row of @window, as a user would. */
static void
choose (LbDealWindow *window,
        const char   *row,
        const char   *label)
{
  GtkWidget *combo = window_child (window, row);
  guint position = find_choice (combo, label);

  if (position == G_MAXUINT)
    g_error ("“%s” is not a choice of %s", label, row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), position);
  lb_gui_test_iterate (20);
}

static const char *
selected_label (LbDealWindow *window,
                const char   *row)
{
  AdwComboRow *combo = ADW_COMBO_ROW (window_child (window, row));
  GListModel *model = adw_combo_row_get_model (combo);

  return gtk_string_list_get_string (GTK_STRING_LIST (model), adw_combo_row_get_selected (combo));
}

static guint
n_choices (LbDealWindow *window,
           const char   *row)
{
  return g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (window_child (window, row))));
}

static void
count_signal (GtkWindow *window,
              gint64     id,
              guint     *n)
{
  (*n)++;
}

/* The deal window opened last by the page. */
static LbDealWindow *
find_deal_window (void)
{
  LbDealWindow *window = LB_DEAL_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_DEAL_WINDOW));

  g_assert_nonnull (window);
  return window;
}

/* The text of the label named "summary" in a column of the board. */
static const char *
column_summary (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_widget_get_name (child), "summary") == 0)
        return gtk_label_get_text (GTK_LABEL (child));
      text = column_summary (child);
      if (text != NULL)
        return text;
    }

  return NULL;
}

static void
collect_cards (GtkWidget *widget,
               GPtrArray *cards)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "deal-card"))
        g_ptr_array_add (cards, child);
      else
        collect_cards (child, cards);
    }
}

/* The button labelled @label anywhere under @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* tests */

/* A deal made in the real window: account, contact filtered by it,
 * stage, an exact value; stored and listed. */
static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LbDeal) deal = NULL;
  LbDealWindow *window;
  guint n_saved = 0;
  gint64 id;

  g_assert_cmpstr (lb_deals_page_get_state (fixture->page), ==, "empty");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "deals-page-empty");

  activate (fixture, "deals.new");
  window = find_deal_window ();
  g_assert_cmpint (lb_deal_window_get_deal_id (window), ==, 0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (fixture->gui.window));
  g_signal_connect (window, "saved", G_CALLBACK (count_signal), &n_saved);

  /* Without an account every contact is offered; with one, its own. */
  g_assert_cmpstr (selected_label (window, "account_row"), ==, "None");
  g_assert_cmpuint (n_choices (window, "contact_row"), ==, 4);
  choose (window, "account_row", "Acme");
  g_assert_cmpuint (n_choices (window, "contact_row"), ==, 2);
  g_assert_cmpuint (find_choice (window_child (window, "contact_row"), "Ada Lovelace"), ==, 1);
  g_assert_cmpuint (find_choice (window_child (window, "contact_row"), "Bob Marley"), ==, G_MAXUINT);
  choose (window, "contact_row", "Ada Lovelace");

  g_assert_cmpstr (selected_label (window, "pipeline_row"), ==, "Sales");
  g_assert_cmpstr (selected_label (window, "stage_row"), ==, "Qualification");
  choose (window, "stage_row", "Proposal");
  type_text (window, "name_row", "Acme renewal");
  type_text (window, "value_row", "2500.00");
  type_text (window, "close_row", "2026-06-30");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (window_child (window, "probability_spin")), 60);
  g_assert_true (lb_deal_window_get_modified (window));
  lb_gui_test_screenshot (GTK_WIDGET (window), "deal-window-new");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "deal.save", NULL));
  lb_gui_test_iterate (50);
  g_assert_cmpuint (n_saved, ==, 1);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DEAL_WINDOW), ==, 0);

  /* stored */
  g_assert_cmpuint (count_stored_deals (fixture), ==, 1);
  {
    g_autoptr(LbDeal) shown = g_list_model_get_item (lb_deals_page_get_model (fixture->page), 0);
    id = lb_deal_get_id (shown);
  }
  deal = get_deal (fixture, id);
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_NAME), ==, "Acme renewal");
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_VALUE), ==, 250000);
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_CURRENCY), ==, "EUR");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_PIPELINE), ==, "Sales");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_STAGE), ==, "Proposal");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_EXPECTED_CLOSE), ==, "2026-06-30");
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_ACCOUNT_ID), ==, fixture->acme);
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_CONTACT_ID), ==, fixture->ada);
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_PROBABILITY), ==, 60);
  g_assert_cmpint (lb_deal_get_status (deal), ==, LB_DEAL_STATUS_OPEN);

  /* listed */
  g_assert_cmpstr (lb_deals_page_get_state (fixture->page), ==, "deals");
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "deals-page-list");

  /* Opened again, the form shows the value with the currency's decimals. */
  g_assert_true (lb_deals_page_select (fixture->page, id));
  activate (fixture, "deals.open");
  window = find_deal_window ();
  g_assert_cmpint (lb_deal_window_get_deal_id (window), ==, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window_child (window, "value_row"))), ==, "2500.00");
  g_assert_cmpstr (selected_label (window, "contact_row"), ==, "Ada Lovelace");
  g_assert_false (lb_deal_window_get_modified (window));

  /* A second Open raises the same window. */
  activate (fixture, "deals.open");
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DEAL_WINDOW), ==, 1);
}

/* A value with more decimals than the currency has is refused on its
 * row, and nothing is saved; so is a date that does not exist. */
static void
test_refused_value (Fixture       *fixture,
                    gconstpointer  data)
{
  LbDealWindow *window;
  const char *message;

  activate (fixture, "deals.new");
  window = find_deal_window ();
  type_text (window, "name_row", "Tiny");
  type_text (window, "value_row", "12.345");
  type_text (window, "close_row", "2026-02-30");

  g_assert_false (lb_deal_window_save (window));
  message = lb_deal_window_get_error (window, "value");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "12.345"));
  g_assert_true (gtk_widget_has_css_class (window_child (window, "value_row"), "error"));
  g_assert_nonnull (lb_deal_window_get_error (window, "expected-close"));
  g_assert_null (lb_deal_window_get_error (window, "form"));
  lb_gui_test_screenshot (GTK_WIDGET (window), "deal-window-refused");
  g_assert_cmpuint (count_stored_deals (fixture), ==, 0);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DEAL_WINDOW), ==, 1);

  /* Typing again clears the message; a good value and date save. */
  type_text (window, "value_row", "12.34");
  g_assert_null (lb_deal_window_get_error (window, "value"));
  type_text (window, "close_row", "2026-02-28");
  g_assert_null (lb_deal_window_get_error (window, "expected-close"));

  /* The action's own refusal shows below the name. */
  type_text (window, "name_row", "");
  g_assert_false (lb_deal_window_save (window));
  g_assert_nonnull (lb_deal_window_get_error (window, "form"));
  g_assert_cmpuint (count_stored_deals (fixture), ==, 0);

  type_text (window, "name_row", "Tiny");
  g_assert_true (lb_deal_window_save (window));
  g_assert_cmpuint (count_stored_deals (fixture), ==, 1);
}

/* The board: every stage of the pipeline with its open deals' count and
 * total, and a card per open deal that opens it. */
static void
test_board (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  GtkWidget *column;
  LbDealWindow *window;
  gint64 proposal;

  proposal = add_deal (fixture, "Acme renewal", "Proposal", 250000, LB_DEAL_STATUS_OPEN, fixture->acme);
  add_deal (fixture, "Globex won", "Proposal", 990000, LB_DEAL_STATUS_WON, fixture->globex);
  add_deal (fixture, "First talk", "Qualification", 100000, LB_DEAL_STATUS_OPEN, 0);
  lb_gui_test_reload (fixture->gui.window);

  lb_deals_page_set_view (fixture->page, "board");
  g_assert_cmpstr (lb_deals_page_get_view (fixture->page), ==, "board");
  lb_gui_test_iterate (50);

  column = lb_deals_page_get_stage_column (fixture->page, "Sales", "Proposal");
  g_assert_nonnull (column);
  g_assert_cmpstr (column_summary (column), ==, "1 open deal · 2500.00 EUR");
  collect_cards (column, cards);
  g_assert_cmpuint (cards->len, ==, 1);

  column = lb_deals_page_get_stage_column (fixture->page, "Sales", "Qualification");
  g_assert_cmpstr (column_summary (column), ==, "1 open deal · 1000.00 EUR");
  column = lb_deals_page_get_stage_column (fixture->page, "Sales", "Negotiation");
  g_assert_cmpstr (column_summary (column), ==, "No open deals");
  g_assert_nonnull (lb_deals_page_get_stage_column (fixture->page, "Sales", "Closing"));
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "deals-page-board");

  /* A card opens its deal. */
  g_signal_emit_by_name (g_ptr_array_index (cards, 0), "clicked");
  lb_gui_test_iterate (50);
  window = find_deal_window ();
  g_assert_cmpint (lb_deal_window_get_deal_id (window), ==, proposal);

  /* Saved as Won, the deal leaves the board. */
  choose (window, "status_row", "Won");
  g_assert_true (lb_deal_window_save (window));
  lb_gui_test_iterate (50);
  column = lb_deals_page_get_stage_column (fixture->page, "Sales", "Proposal");
  g_assert_cmpstr (column_summary (column), ==, "No open deals");
  g_ptr_array_set_size (cards, 0);
  collect_cards (column, cards);
  g_assert_cmpuint (cards->len, ==, 0);
}

/* Choosing another pipeline offers its stages. */
static void
test_pipeline_change (Fixture       *fixture,
                      gconstpointer  data)
{
  LbStore *store = fixture->gui.base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbDeal) deal = NULL;
  g_autoptr(GListModel) deals = NULL;
  LbRecordFilter filter;
  LbDealWindow *window;

  lb_pipeline_add (store, "Partners", &error);
  g_assert_no_error (error);
  lb_stage_add (store, "Partners", "Intro", &error);
  g_assert_no_error (error);
  lb_stage_add (store, "Partners", "Pilot", &error);
  g_assert_no_error (error);

  activate (fixture, "deals.new");
  window = find_deal_window ();
  g_assert_cmpuint (n_choices (window, "pipeline_row"), ==, 2);
  g_assert_cmpuint (n_choices (window, "stage_row"), ==, 4);
  g_assert_cmpuint (find_choice (window_child (window, "stage_row"), "Negotiation"), ==, 2);

  choose (window, "pipeline_row", "Partners");
  g_assert_cmpuint (n_choices (window, "stage_row"), ==, 2);
  g_assert_cmpstr (selected_label (window, "stage_row"), ==, "Intro");
  g_assert_cmpuint (find_choice (window_child (window, "stage_row"), "Pilot"), ==, 1);
  choose (window, "stage_row", "Pilot");

  type_text (window, "name_row", "Reseller");
  g_assert_true (lb_deal_window_save (window));

  lb_record_filter_init (&filter);
  deals = lb_store_list_deals (store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 1);
  deal = g_list_model_get_item (deals, 0);
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_PIPELINE), ==, "Partners");
  g_assert_cmpstr (lb_deal_get_text (deal, LB_DEAL_STAGE), ==, "Pilot");
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_VALUE), ==, 0);
}

/* Delete moves the deal to the trash; the toast's Undo brings it back. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LbDeal) deal = NULL;
  GtkWidget *undo;
  gint64 id;

  id = add_deal (fixture, "Acme renewal", "Proposal", 250000, LB_DEAL_STATUS_OPEN, fixture->acme);
  add_deal (fixture, "Other", "Closing", 100, LB_DEAL_STATUS_OPEN, 0);
  lb_gui_test_reload (fixture->gui.window);
  g_assert_cmpuint (n_shown (fixture), ==, 2);

  g_assert_true (lb_deals_page_select (fixture->page, id));
  activate (fixture, "deals.delete");
  deal = get_deal (fixture, id);
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_DELETED_AT), !=, 0);
  g_clear_object (&deal);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
  g_assert_cmpint (lb_deals_page_get_selected_id (fixture->page), ==, 0);
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "deals-page-deleted");

  undo = find_button (GTK_WIDGET (fixture->gui.window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  lb_gui_test_iterate (50);

  deal = get_deal (fixture, id);
  g_assert_cmpint (lb_deal_get_int (deal, LB_DEAL_DELETED_AT), ==, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 2);
}

/* The deal window's Delete: the window closes, the page offers Undo. */
static void
test_window_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  LbDealWindow *window;
  gint64 id;

  id = add_deal (fixture, "Acme renewal", "Proposal", 250000, LB_DEAL_STATUS_OPEN, fixture->acme);
  lb_gui_test_reload (fixture->gui.window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "deals.open-deal", "x", id));
  lb_gui_test_iterate (50);
  window = find_deal_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "deal.delete", NULL));
  lb_gui_test_iterate (50);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DEAL_WINDOW), ==, 0);
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_cmpstr (lb_deals_page_get_state (fixture->page), ==, "empty");

  g_signal_emit_by_name (find_button (GTK_WIDGET (fixture->gui.window), "_Undo"), "clicked");
  lb_gui_test_iterate (50);
  g_assert_cmpuint (n_shown (fixture), ==, 1);
}

/* The list sorts by each column, empty values included; the search
 * narrows it. */
static void
test_sort_and_search (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkColumnView *view = lb_gui_test_get_child (GTK_WIDGET (fixture->page), LB_TYPE_DEALS_PAGE, "column_view");
  GtkSearchEntry *entry = lb_gui_test_get_child (GTK_WIDGET (fixture->page), LB_TYPE_DEALS_PAGE, "search_entry");
  GListModel *columns = gtk_column_view_get_columns (view);
  gint64 small, big, middle;

  small = add_deal (fixture, "Beta", "Closing", 100, LB_DEAL_STATUS_LOST, 0);
  big = add_deal (fixture, "Alpha", "Proposal", 900000, LB_DEAL_STATUS_OPEN, fixture->globex);
  middle = add_deal (fixture, "Gamma", "Qualification", 5000, LB_DEAL_STATUS_WON, fixture->acme);
  lb_gui_test_reload (fixture->gui.window);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);
      g_autoptr(LbDeal) first = NULL;
      g_autoptr(LbDeal) last = NULL;

      if (gtk_column_view_column_get_sorter (column) == NULL)
        continue;

      gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      lb_gui_test_iterate (20);
      g_assert_cmpuint (n_shown (fixture), ==, 3);
      first = g_list_model_get_item (lb_deals_page_get_model (fixture->page), 0);
      last = g_list_model_get_item (lb_deals_page_get_model (fixture->page), 2);

      if (g_str_equal (title, "Value"))
        {
          g_assert_cmpint (lb_deal_get_id (first), ==, small);
          g_assert_cmpint (lb_deal_get_id (last), ==, big);
        }
      else if (g_str_equal (title, "Name"))
        {
          g_assert_cmpint (lb_deal_get_id (first), ==, big);
          g_assert_cmpint (lb_deal_get_id (last), ==, middle);
        }
      else if (g_str_equal (title, "Stage"))
        {
          /* the pipeline's order, not the alphabet */
          g_assert_cmpint (lb_deal_get_id (first), ==, middle);
          g_assert_cmpint (lb_deal_get_id (last), ==, small);
        }
      else if (g_str_equal (title, "Status"))
        {
          g_assert_cmpint (lb_deal_get_id (first), ==, big);
          g_assert_cmpint (lb_deal_get_id (last), ==, small);
        }
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), "globex");
  g_signal_emit_by_name (entry, "search-changed");
  lb_gui_test_iterate (50);
  g_assert_cmpuint (n_shown (fixture), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "nothing-like-it");
  g_signal_emit_by_name (entry, "search-changed");
  lb_gui_test_iterate (50);
  g_assert_cmpstr (lb_deals_page_get_state (fixture->page), ==, "no-match");

  activate (fixture, "deals.clear-search");
  g_assert_cmpuint (n_shown (fixture), ==, 3);
}

/* A stored deal's product lines, from the catalog or written in; the
 * link to the lead it came from. */
static void
test_lines_and_lead (Fixture       *fixture,
                     gconstpointer  data)
{
  LbStore *store = fixture->gui.base.store;
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(LbDeal) deal = lb_deal_new ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  LbDealWindow *window;
  GtkWidget *lead_row;
  gint64 lead_id;
  gint64 id;

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, "SEAT");
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, "Seat licence");
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, 4900);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  lb_product_create (store, product, &error);
  g_assert_no_error (error);

  lead_id = lb_test_add_lead (store, "Grace", "Hopper", NULL, NULL);
  lb_deal_set_text (deal, LB_DEAL_NAME, "Seats");
  lb_deal_set_int (deal, LB_DEAL_LEAD_ID, lead_id);
  id = lb_deal_create (store, deal, &error);
  g_assert_no_error (error);
  lb_gui_test_reload (fixture->gui.window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "deals.open-deal", "x", id));
  lb_gui_test_iterate (50);
  window = find_deal_window ();
  g_assert_true (gtk_widget_get_visible (window_child (window, "lines_group")));

  /* a written-in line: a bad quantity is refused in the form */
  type_text (window, "line_description_row", "Setup");
  type_text (window, "line_quantity_row", "1.2345");
  type_text (window, "line_price_row", "150.00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "deal.add-line", NULL));
  g_assert_nonnull (lb_deal_window_get_error (window, "line"));
  lines = lb_store_get_lines (store, 0, id, NULL);
  g_assert_cmpuint (lines->len, ==, 0);
  g_clear_pointer (&lines, g_ptr_array_unref);

  type_text (window, "line_quantity_row", "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "deal.add-line", NULL));
  g_assert_null (lb_deal_window_get_error (window, "line"));
  lines = lb_store_get_lines (store, 0, id, NULL);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpint (lb_record_get_int (g_ptr_array_index (lines, 0), LB_LINE_QUANTITY), ==, 2000);
  g_assert_cmpint (lb_record_get_int (g_ptr_array_index (lines, 0), LB_LINE_UNIT_PRICE), ==, 15000);
  g_clear_pointer (&lines, g_ptr_array_unref);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window_child (window, "line_description_row"))), ==, "");

  /* a catalog line takes the product's name and price */
  choose (window, "product_row", "Seat licence (SEAT)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window_child (window, "line_description_row"))), ==, "Seat licence");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window_child (window, "line_price_row"))), ==, "49.00");
  type_text (window, "line_quantity_row", "10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "deal.add-line", NULL));
  lines = lb_store_get_lines (store, 0, id, NULL);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpint (lb_record_get_int (g_ptr_array_index (lines, 1), LB_LINE_PRODUCT_ID), ==,
                   lb_product_get_id (product));
  g_assert_cmpint (lb_record_get_int (g_ptr_array_index (lines, 1), LB_LINE_QUANTITY), ==, 10000);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (window_child (window, "add_line_row")), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 1500);
  lb_gui_test_screenshot (GTK_WIDGET (window), "deal-window-lines");

  /* removing the first line */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "deal.remove-line", "x",
                                             lb_line_get_id (g_ptr_array_index (lines, 0))));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = lb_store_get_lines (store, 0, id, NULL);
  g_assert_cmpuint (lines->len, ==, 1);

  /* the lead it came from */
  lead_row = window_child (window, "lead_row");
  g_assert_true (gtk_widget_get_visible (lead_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lead_row)), ==, "Grace Hopper");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "deal.open-lead", NULL));
  lb_gui_test_iterate (50);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_LEAD_WINDOW), ==, 1);
  g_assert_cmpint (lb_lead_window_get_lead_id (LB_LEAD_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW))),
                   ==, lead_id);
}

/* Create Invoice from the row menu: a Draft invoice of the deal, opened. */
static void
test_create_invoice (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) invoices = NULL;
  LbDocFilter filter;
  gint64 id;

  id = add_deal (fixture, "Acme renewal", "Proposal", 250000, LB_DEAL_STATUS_OPEN, fixture->acme);
  lb_gui_test_reload (fixture->gui.window);

  /* Nothing selected: nothing made. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "deals.create-invoice", NULL);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 0);

  g_assert_true (lb_deals_page_select (fixture->page, id));
  activate (fixture, "deals.create-invoice");

  lb_doc_filter_init (&filter, LB_DOC_INVOICE);
  filter.deal_id = id;
  invoices = lb_store_list_documents (fixture->gui.base.store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (invoices), ==, 1);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 1);
}

/* The page and the window at 360 px. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  LbStore *store = fixture->gui.base.store;
  LbWindow *window;
  LbDealsPage *page;
  LbDealWindow *editor;
  gint64 id;

  id = add_deal (fixture, "Acme renewal with a long name", "Proposal", 250000, LB_DEAL_STATUS_OPEN, fixture->acme);
  add_deal (fixture, "First talk", "Qualification", 100000, LB_DEAL_STATUS_OPEN, 0);

  window = lb_window_new (lb_gui_test_get_app (), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  lb_gui_test_wait_idle (window);
  lb_window_show_page (window, "deals");
  lb_gui_test_iterate (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  page = LB_DEALS_PAGE (lb_window_get_page_widget (window, "deals"));
  lb_gui_test_screenshot (GTK_WIDGET (window), "deals-page-narrow-list");
  lb_deals_page_set_view (page, "board");
  lb_gui_test_screenshot (GTK_WIDGET (window), "deals-page-narrow-board");

  editor = lb_deal_window_new (GTK_WINDOW (window), store, id);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 720);
  gtk_window_present (GTK_WINDOW (editor));
  lb_gui_test_iterate (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (editor)), <=, 360);
  lb_gui_test_screenshot (GTK_WIDGET (editor), "deal-window-narrow");
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, setup, func, teardown)

  ADD ("/deals-page/create", test_create);
  ADD ("/deals-page/refused-value", test_refused_value);
  ADD ("/deals-page/board", test_board);
  ADD ("/deals-page/pipeline-change", test_pipeline_change);
  ADD ("/deals-page/delete-undo", test_delete_undo);
  ADD ("/deals-page/window-delete", test_window_delete);
  ADD ("/deals-page/sort-and-search", test_sort_and_search);
  ADD ("/deals-page/lines-and-lead", test_lines_and_lead);
  ADD ("/deals-page/create-invoice", test_create_invoice);
  ADD ("/deals-page/narrow", test_narrow);

#undef ADD

  return lb_gui_test_run ();
}
