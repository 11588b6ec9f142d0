/* The Products page and the product window, driven through their real
 * widgets and actions on a temporary database. */

#include "config.h"

#include <string.h>

#include "lb-document-actions.h"
#include "lb-gui-test.h"
#include "lb-product-window.h"
#include "lb-products-page.h"

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
add_product (Fixture    *fixture,
             const char *sku,
             const char *name,
             gint64      price,
             gboolean    active)
{
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, sku);
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, name);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, price);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, 2000);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, active ? 1 : 0);
  id = lb_product_create (store_of (fixture), product, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
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
  fill (window, "sku", "KIT-1");
  fill (window, "name", "Starter kit");
  fill (window, "unit", "pcs");
  fill (window, "unit-price", "19.99");
  fill (window, "tax-rate", "20");
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
  fill (window, "tax-rate", "0");
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
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_product_window_get_row (window, "tax-rate"))),
                   ==, "20");
  g_assert_false (lb_product_window_get_modified (window));

  /* A second Open raises the same window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "products.open", NULL));
  lb_gui_test_iterate (20);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_PRODUCT_WINDOW), ==, 1);

  fill (window, "unit-price", "25");
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
  g_test_add ("/products-page/inactive-search-sort", Fixture, NULL, setup,
              test_inactive_search_sort, teardown);

  return lb_gui_test_run ();
}
