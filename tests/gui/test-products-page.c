/* The Products page and the product window, driven through their real
 * widgets and actions on a temporary database. */

#include "config.h"

#include <string.h>

#include "lb-document-actions.h"
#include "lb-gui-test.h"
#include "lb-product-window.h"
#include "lb-products-page.h"
#include "lb-settings.h"
#include "lb-tax-rate-picker.h"

typedef struct
{
  LbGuiFixture    gui;
  LbProductsPage *page;
  guint           n_saved;
  gint64          saved_id;
} Fixture;

/* helpers */

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  lb_gui_fixture_setup (&fixture->gui, data);
  lb_window_show_page (fixture->gui.window, "products");
  fixture->page = LB_PRODUCTS_PAGE (lb_window_get_page_widget (fixture->gui.window, "products"));
  lb_gui_test_iterate (20);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  lb_gui_fixture_teardown (&fixture->gui, data);
}

static LbStore *
store_of (Fixture *fixture)
{
  return fixture->gui.base.store;
}

static gint64
add_product_at (Fixture    *fixture,
                const char *sku,
                const char *name,
                gint64      price,
                gint64      tax_rate,
                gboolean    active)
{
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, sku);
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, name);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, price);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, tax_rate);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, active ? 1 : 0);
  id = lb_product_create (store_of (fixture), product, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
add_product (Fixture    *fixture,
             const char *sku,
             const char *name,
             gint64      price,
             gboolean    active)
{
  return add_product_at (fixture, sku, name, price, 2000, active);
}

static gint64
stored_rate (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProduct) product = lb_store_get_product (store_of (fixture), id, &error);

  g_assert_no_error (error);
  return lb_record_get_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE);
}

static guint
count_products (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = lb_store_list_products (store_of (fixture), NULL, FALSE, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (all);
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (lb_products_page_get_model (fixture->page));
}

static const char *
listed_sku (Fixture *fixture,
            guint    position)
{
  g_autoptr(LbProduct) product = g_list_model_get_item (lb_products_page_get_model (fixture->page),
                                                        position);

  g_assert_nonnull (product);
  /* The page's model holds its own reference. */
  return lb_record_get_text (LB_RECORD (product), LB_PRODUCT_SKU);
}

static void
on_saved (LbProductWindow *window,
          gint64           id,
          Fixture         *fixture)
{
  fixture->n_saved++;
  fixture->saved_id = id;
}

/* Runs a page action and returns the product window it opened. */
static LbProductWindow *
open_window (Fixture    *fixture,
             const char *action)
{
  LbProductWindow *window;

  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_PRODUCT_WINDOW), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  lb_gui_test_iterate (20);

  window = LB_PRODUCT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_PRODUCT_WINDOW));
  g_assert_nonnull (window);
  g_signal_connect (window, "saved", G_CALLBACK (on_saved), fixture);

  return window;
}

static void
fill (LbProductWindow *window,
      const char      *property,
      const char      *text)
{
  GtkWidget *row = lb_product_window_get_row (window, property);

  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The tax rate picker of @window and the choice it shows. */
static LbTaxRatePicker *
picker_of (LbProductWindow *window)
{
  GtkWidget *picker = lb_product_window_get_row (window, "tax-rate-choice");

  g_assert_true (LB_IS_TAX_RATE_PICKER (picker));
  return LB_TAX_RATE_PICKER (picker);
}

static const char *
chosen_rate (LbProductWindow *window)
{
  AdwComboRow *row = ADW_COMBO_ROW (picker_of (window));

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}

/* Chooses @label in the tax rate picker, as a click in its list does. */
static void
choose_rate (LbProductWindow *window,
             const char      *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (picker_of (window));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (row, i);
        lb_gui_test_iterate (20);
        return;
      }

  g_error ("“%s” is not a choice", label);
}

static gboolean
typed_rate_shown (LbProductWindow *window)
{
  return gtk_widget_get_mapped (lb_product_window_get_row (window, "tax-rate"));
}

static void
save (LbProductWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "product.save", NULL));
  lb_gui_test_iterate (20);
}

/* Asserts that the window is open and shows a message containing
 * @text on the row of @property. */
static void
assert_error_shown (LbProductWindow *window,
                    const char      *property,
                    const char      *text)
{
  GtkWidget *label = lb_product_window_get_error_label (window, property);

  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_PRODUCT_WINDOW), ==, 1);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), text));
  g_assert_true (gtk_widget_has_css_class (lb_product_window_get_row (window, property), "error"));
  g_assert_true (lb_product_window_get_modified (window));
}

/* Closes @window, which holds changes, answering "Discard". */
static void
discard (LbProductWindow *window)
{
  AdwMessageDialog *dialog;

  gtk_window_close (GTK_WINDOW (window));
  lb_gui_test_iterate (20);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_PRODUCT_WINDOW), ==, 1);
  dialog = ADW_MESSAGE_DIALOG (lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  lb_gui_test_iterate (50);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_PRODUCT_WINDOW), ==, 0);
}

/* tests */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LbProduct) stored = NULL;
  LbProductWindow *window;

  g_assert_cmpstr (lb_products_page_get_state (fixture->page), ==, "empty");

  window = open_window (fixture, "products.new");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "New Product");
  /* a new product starts on the named rate of 0 % */
  g_assert_cmpstr (chosen_rate (window), ==, "Zero (0 %)");
  g_assert_false (typed_rate_shown (window));
  fill (window, "sku", "KIT-1");
  fill (window, "name", "Starter kit");
  fill (window, "unit", "pcs");
  fill (window, "unit-price", "19.99");
  choose_rate (window, "Standard (20 %)");
  g_assert_false (typed_rate_shown (window));
  lb_gui_test_screenshot (GTK_WIDGET (window), "product-window");
  save (window);

  /* Stored exactly, the window gone, the page showing it. */
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_PRODUCT_WINDOW), ==, 0);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  stored = lb_store_find_product (store_of (fixture), "KIT-1");
  g_assert_nonnull (stored);
  g_assert_cmpint (fixture->saved_id, ==, lb_product_get_id (stored));
  g_assert_cmpstr (lb_record_get_text (LB_RECORD (stored), LB_PRODUCT_NAME), ==, "Starter kit");
  g_assert_cmpstr (lb_record_get_text (LB_RECORD (stored), LB_PRODUCT_UNIT), ==, "pcs");
  g_assert_cmpint (lb_record_get_int (LB_RECORD (stored), LB_PRODUCT_UNIT_PRICE), ==, 1999);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (stored), LB_PRODUCT_TAX_RATE), ==, 2000);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (stored), LB_PRODUCT_ACTIVE), ==, 1);

  g_assert_cmpstr (lb_products_page_get_state (fixture->page), ==, "list");
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_cmpstr (listed_sku (fixture, 0), ==, "KIT-1");
  g_assert_cmpint (lb_products_page_get_selected_id (fixture->page), ==, fixture->saved_id);
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "products-page");
}

static void
test_duplicate_sku (Fixture       *fixture,
                    gconstpointer  data)
{
  LbProductWindow *window;

  add_product (fixture, "KIT-1", "Starter kit", 1999, TRUE);
  lb_gui_test_reload (fixture->gui.window);
  g_assert_cmpuint (n_listed (fixture), ==, 1);

  /* The SKU is unique ignoring case: the store refuses, the form says
   * so on the SKU row and keeps what was typed. */
  window = open_window (fixture, "products.new");
  fill (window, "sku", "kit-1");
  fill (window, "name", "Another kit");
  fill (window, "unit-price", "5");
  save (window);

  assert_error_shown (window, "sku", "already has the SKU");
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (count_products (fixture), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_product_window_get_row (window, "name"))),
                   ==, "Another kit");

  /* Typing another SKU takes the message away; then it saves. */
  fill (window, "sku", "KIT-2");
  g_assert_false (gtk_widget_is_visible (lb_product_window_get_error_label (window, "sku")));
  save (window);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpuint (count_products (fixture), ==, 2);
  g_assert_cmpuint (n_listed (fixture), ==, 2);
}

static void
test_bad_numbers (Fixture       *fixture,
                  gconstpointer  data)
{
  LbProductWindow *window;

  window = open_window (fixture, "products.new");
  fill (window, "sku", "KIT-1");
  fill (window, "name", "Starter kit");

  /* More decimals than the currency has: refused, never rounded. */
  fill (window, "unit-price", "19.999");
  choose_rate (window, "Other Rate");
  g_assert_true (typed_rate_shown (window));
  fill (window, "tax-rate", "20");
  save (window);
  assert_error_shown (window, "unit-price", "19.999");
  assert_error_shown (window, "unit-price", "EUR");
  g_assert_cmpuint (count_products (fixture), ==, 0);

  /* A percentage with three decimals, a comma, an empty price. */
  fill (window, "unit-price", "19.99");
  g_assert_false (gtk_widget_is_visible (lb_product_window_get_error_label (window, "unit-price")));
  fill (window, "tax-rate", "20.125");
  save (window);
  assert_error_shown (window, "tax-rate", "20.125");
  fill (window, "tax-rate", "20");
  fill (window, "unit-price", "19,99");
  save (window);
  assert_error_shown (window, "unit-price", "19,99");
  fill (window, "unit-price", "");
  save (window);
  assert_error_shown (window, "unit-price", "empty");

  /* The SKU and the name are required: the action's message. */
  fill (window, "unit-price", "1");
  fill (window, "name", "");
  save (window);
  assert_error_shown (window, "name", "SKU and a name");
  g_assert_cmpuint (count_products (fixture), ==, 0);
  g_assert_cmpuint (fixture->n_saved, ==, 0);

  discard (window);
  g_assert_cmpuint (count_products (fixture), ==, 0);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LbProduct) stored = NULL;
  LbProductWindow *window;
  gint64 id;

  id = add_product (fixture, "KIT-1", "Starter kit", 1999, TRUE);
  lb_gui_test_reload (fixture->gui.window);

  /* Activating a row opens its product, filled in. */
  g_signal_emit_by_name (lb_gui_test_get_child (GTK_WIDGET (fixture->page), LB_TYPE_PRODUCTS_PAGE,
                                                "column_view"),
                         "activate", 0);
  lb_gui_test_iterate (20);
  window = LB_PRODUCT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_PRODUCT_WINDOW));
  g_assert_nonnull (window);
  g_signal_connect (window, "saved", G_CALLBACK (on_saved), fixture);
  g_assert_cmpint (lb_product_window_get_product_id (window), ==, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Starter kit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_product_window_get_row (window, "unit-price"))),
                   ==, "19.99");
  g_assert_cmpstr (chosen_rate (window), ==, "Standard (20 %)");
  g_assert_false (typed_rate_shown (window));
  g_assert_false (lb_product_window_get_modified (window));

  /* A second Open raises the same window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "products.open", NULL));
  lb_gui_test_iterate (20);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_PRODUCT_WINDOW), ==, 1);

  fill (window, "unit-price", "25");
  choose_rate (window, "Other Rate");
  /* the rate typed starts from the one the product had */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_product_window_get_row (window, "tax-rate"))),
                   ==, "20");
  fill (window, "tax-rate", "12.5");
  gtk_switch_set_active (GTK_SWITCH (lb_product_window_get_row (window, "active")), FALSE);
  save (window);

  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, ==, id);
  stored = lb_store_get_product (store_of (fixture), id, NULL);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (stored), LB_PRODUCT_UNIT_PRICE), ==, 2500);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (stored), LB_PRODUCT_TAX_RATE), ==, 1250);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (stored), LB_PRODUCT_ACTIVE), ==, 0);

  /* Inactive now: hidden until the page is asked to show it. */
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  g_assert_cmpstr (lb_products_page_get_state (fixture->page), ==, "no-match");
}

static void
test_inactive_search_sort (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkToggleButton *inactive;
  GtkSearchEntry *entry;
  GtkColumnView *view;
  GtkColumnViewColumn *price_column;

  add_product (fixture, "B-200", "Bolt", 250, TRUE);
  add_product (fixture, "A-100", "Anchor", 9900, TRUE);
  add_product (fixture, "C-300", "Clamp (old)", 1200, FALSE);
  lb_gui_test_reload (fixture->gui.window);

  /* Active only, by name. */
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  g_assert_cmpstr (listed_sku (fixture, 0), ==, "A-100");
  g_assert_cmpstr (listed_sku (fixture, 1), ==, "B-200");

  inactive = lb_gui_test_get_child (GTK_WIDGET (fixture->page), LB_TYPE_PRODUCTS_PAGE,
                                    "inactive_button");
  gtk_toggle_button_set_active (inactive, TRUE);
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  g_assert_cmpstr (listed_sku (fixture, 2), ==, "C-300");

  /* Sorting by price, most expensive first. */
  view = lb_gui_test_get_child (GTK_WIDGET (fixture->page), LB_TYPE_PRODUCTS_PAGE, "column_view");
  price_column = lb_gui_test_get_child (GTK_WIDGET (fixture->page), LB_TYPE_PRODUCTS_PAGE,
                                        "price_column");
  gtk_column_view_sort_by_column (view, price_column, GTK_SORT_DESCENDING);
  lb_gui_test_iterate (20);
  g_assert_cmpstr (listed_sku (fixture, 0), ==, "A-100");
  g_assert_cmpstr (listed_sku (fixture, 1), ==, "C-300");
  g_assert_cmpstr (listed_sku (fixture, 2), ==, "B-200");
  lb_gui_test_screenshot (GTK_WIDGET (fixture->gui.window), "products-page-sorted");

  /* The search looks at the SKU and the name. */
  entry = lb_gui_test_get_child (GTK_WIDGET (fixture->page), LB_TYPE_PRODUCTS_PAGE, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "clamp");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_cmpstr (listed_sku (fixture, 0), ==, "C-300");

  /* Hiding the inactive ones leaves nothing matching. */
  gtk_toggle_button_set_active (inactive, FALSE);
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  g_assert_cmpstr (lb_products_page_get_state (fixture->page), ==, "no-match");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "products.clear-search",
                                             NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (n_listed (fixture), ==, 2);
  g_assert_cmpstr (lb_products_page_get_state (fixture->page), ==, "list");
}

/* Opens the product window of @id from the page. */
static LbProductWindow *
open_product (Fixture *fixture,
              gint64   id)
{
  LbProductWindow *window;

  lb_gui_test_reload (fixture->gui.window);
  window = lb_product_window_new (GTK_WINDOW (fixture->gui.window), store_of (fixture), id);
  g_signal_connect (window, "saved", G_CALLBACK (on_saved), fixture);
  gtk_window_present (GTK_WINDOW (window));
  lb_gui_test_iterate (20);

  return window;
}

static void
test_named_rates (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 reduced = add_product_at (fixture, "TEA-1", "Tea", 450, 500, TRUE);
  gint64 odd = add_product_at (fixture, "ODD-1", "Odd one", 100, 750, TRUE);
  LbProductWindow *window;
  GListModel *choices;

  /* The named rate of the product shows; the list offers every named
   * rate in list order, then a rate to type. */
  window = open_product (fixture, reduced);
  g_assert_cmpstr (chosen_rate (window), ==, "Reduced (5 %)");
  g_assert_false (typed_rate_shown (window));
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (picker_of (window)));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "Standard (20 %)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==, "Reduced (5 %)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), ==, "Zero (0 %)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 3), ==, "Other Rate");
  g_assert_false (lb_product_window_get_modified (window));
  lb_gui_test_screenshot (GTK_WIDGET (window), "product-window-named-rate");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  lb_gui_test_iterate (100);
  lb_gui_test_screenshot (GTK_WIDGET (window), "product-window-named-rate-360");

  /* Another named rate: its percentage is stored. */
  choose_rate (window, "Standard (20 %)");
  g_assert_true (lb_product_window_get_modified (window));
  save (window);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_PRODUCT_WINDOW), ==, 0);
  g_assert_cmpint (stored_rate (fixture, reduced), ==, 2000);

  /* A rate the list does not name opens on "Other Rate", typed in. */
  window = open_product (fixture, odd);
  g_assert_cmpstr (chosen_rate (window), ==, "Other Rate");
  g_assert_true (typed_rate_shown (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_product_window_get_row (window, "tax-rate"))),
                   ==, "7.5");
  lb_gui_test_screenshot (GTK_WIDGET (window), "product-window-other-rate");

  /* A refused percentage: the message on the row, nothing stored. */
  fill (window, "tax-rate", "7.555");
  save (window);
  assert_error_shown (window, "tax-rate", "7.555");
  g_assert_cmpint (stored_rate (fixture, odd), ==, 750);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  lb_gui_test_screenshot (GTK_WIDGET (window), "product-window-rate-refused");

  /* Choosing a named rate takes the message away with the row. */
  choose_rate (window, "Zero (0 %)");
  g_assert_false (typed_rate_shown (window));
  g_assert_false (gtk_widget_is_visible (lb_product_window_get_error_label (window, "tax-rate")));
  choose_rate (window, "Other Rate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_product_window_get_row (window, "tax-rate"))),
                   ==, "0");
  fill (window, "tax-rate", "12.25");
  save (window);
  g_assert_cmpuint (fixture->n_saved, ==, 2);
  g_assert_cmpint (stored_rate (fixture, odd), ==, 1225);
}

static void
test_typed_rate (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LbProduct) stored = NULL;
  LbProductWindow *window;

  /* "Other Rate" with 7.5 typed stores 750. */
  window = open_window (fixture, "products.new");
  fill (window, "sku", "SVC-1");
  fill (window, "name", "Service");
  fill (window, "unit-price", "10");
  choose_rate (window, "Other Rate");
  g_assert_true (typed_rate_shown (window));
  fill (window, "tax-rate", "7.5");
  save (window);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  stored = lb_store_find_product (store_of (fixture), "SVC-1");
  g_assert_nonnull (stored);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (stored), LB_PRODUCT_TAX_RATE), ==, 750);

  /* Opened again, it is the rate typed, still not a named one. */
  window = open_product (fixture, lb_product_get_id (stored));
  g_assert_cmpstr (chosen_rate (window), ==, "Other Rate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_product_window_get_row (window, "tax-rate"))),
                   ==, "7.5");
}

static void
test_no_named_rates (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) rates = lb_store_list_refs (store_of (fixture), LB_REF_TAX_RATE, NULL);
  g_autoptr(LbProduct) stored = NULL;
  g_autoptr(GError) error = NULL;
  LbProductWindow *window;
  GtkWidget *rate_row;

  /* An empty list of tax rates: only the rate to type, with 0. */
  g_assert_cmpuint (g_list_model_get_n_items (rates), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (rates, i);

      lb_ref_remove (store_of (fixture), item, &error);
      g_assert_no_error (error);
    }

  window = open_window (fixture, "products.new");
  rate_row = lb_product_window_get_row (window, "tax-rate");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker_of (window))));
  g_assert_true (typed_rate_shown (window));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rate_row)), ==, "Default Tax Rate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rate_row)), ==, "0");
  lb_gui_test_screenshot (GTK_WIDGET (window), "product-window-no-named-rates");

  fill (window, "sku", "SVC-2");
  fill (window, "name", "Service");
  fill (window, "unit-price", "10");
  fill (window, "tax-rate", "19");
  save (window);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  stored = lb_store_find_product (store_of (fixture), "SVC-2");
  g_assert_nonnull (stored);
  g_assert_cmpint (lb_record_get_int (LB_RECORD (stored), LB_PRODUCT_TAX_RATE), ==, 1900);
}

static void
test_close_with_parent (Fixture       *fixture,
                        gconstpointer  data)
{
  LbProductWindow *window = open_window (fixture, "products.new");
  GtkWidget *price = lb_product_window_get_row (window, "unit-price");

  /* Leaving a row checks it... */
  fill (window, "unit-price", "abc");
  gtk_widget_grab_focus (price);
  lb_gui_test_iterate (20);
  gtk_widget_grab_focus (lb_product_window_get_row (window, "name"));
  lb_gui_test_iterate (20);
  assert_error_shown (window, "unit-price", "abc");

  /* ...but not when the main window takes this one with it, focus
   * still in the row (the teardown destroys every window). */
  gtk_widget_grab_focus (price);
  lb_gui_test_iterate (20);
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

  g_test_add ("/products-page/create", Fixture, NULL, setup, test_create, teardown);
  g_test_add ("/products-page/duplicate-sku", Fixture, NULL, setup, test_duplicate_sku, teardown);
  g_test_add ("/products-page/bad-numbers", Fixture, NULL, setup, test_bad_numbers, teardown);
  g_test_add ("/products-page/edit", Fixture, NULL, setup, test_edit, teardown);
  g_test_add ("/products-page/close-with-parent", Fixture, NULL, setup, test_close_with_parent,
              teardown);
  g_test_add ("/products-page/named-rates", Fixture, NULL, setup, test_named_rates, teardown);
  g_test_add ("/products-page/typed-rate", Fixture, NULL, setup, test_typed_rate, teardown);
  g_test_add ("/products-page/no-named-rates", Fixture, NULL, setup, test_no_named_rates, teardown);
  g_test_add ("/products-page/inactive-search-sort", Fixture, NULL, setup,
              test_inactive_search_sort, teardown);

  return lb_gui_test_run ();
}
