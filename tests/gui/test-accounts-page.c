/* The accounts page and the account editor, driven through their real
 * widgets and actions in the main window. */

#include "config.h"

#include <string.h>

#include "lb-account-window.h"
#include "lb-accounts-page.h"
#include "lb-contact-window.h"
#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-gui-test.h"
#include "lb-lead-actions.h"
#include "lb-lead-window.h"
#include "lb-settings.h"

typedef struct
{
  LbGuiFixture    gui;
  LbAccountsPage *page;
} Fixture;

/* helpers */

static void
iterate (void)
{
  lb_gui_test_iterate (30);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  lb_gui_fixture_setup (&f->gui, data);
  lb_window_show_page (f->gui.window, "accounts");
  f->page = LB_ACCOUNTS_PAGE (lb_window_get_page_widget (f->gui.window, "accounts"));
  iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  lb_gui_fixture_teardown (&f->gui, data);
}

static LbStore *
store_of (Fixture *f)
{
  return f->gui.base.store;
}

static gint64
add_account (Fixture    *f,
             const char *name,
             const char *city)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, name);
  lb_account_set_text (account, LB_ACCOUNT_CITY, city);
  id = lb_account_create (store_of (f), account, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static LbAccount *
get_account (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  LbAccount *account = lb_store_get_account (store_of (f), id, &error);

  g_assert_no_error (error);
  return account;
}

/* The accounts outside the trash, as the store lists them. */
static guint
count_accounts (Fixture *f)
{
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  LbRecordFilter filter;

  lb_record_filter_init (&filter);
  accounts = lb_store_list_accounts (store_of (f), &filter, &error);
  lb_record_filter_clear (&filter);
  g_assert_no_error (error);

  return g_list_model_get_n_items (accounts);
}

static GListModel *
page_model (Fixture *f)
{
  return lb_accounts_page_get_model (f->page);
}

static char *
page_name_at (Fixture *f,
              guint    position)
{
  g_autoptr(LbAccount) account = g_list_model_get_item (page_model (f), position);

  return g_strdup (lb_account_get_text (account, LB_ACCOUNT_NAME));
}

static void
reload (Fixture *f)
{
  lb_gui_test_reload (f->gui.window);
  iterate ();
}

static LbAccountWindow *
find_account_window (void)
{
  GtkWindow *window = lb_gui_test_find_toplevel (LB_TYPE_ACCOUNT_WINDOW);

  g_assert_nonnull (window);
  return LB_ACCOUNT_WINDOW (window);
}

static void
fill_row (LbAccountWindow *window,
          const char      *property,
          const char      *text)
{
  GtkWidget *row = lb_account_window_get_row (window, property);

  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose (GtkWidget  *row,
        const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }

  g_error ("“%s” is not a choice", label);
}

static void
activate (gpointer    widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  iterate ();
}

/* A mapped label (or inscription) under @widget whose text holds @text. */
static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (widget))
    shown = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    shown = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  if (shown != NULL && strstr (shown, text) != NULL && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A mapped button under @widget labelled @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The row of @group titled @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Shows the end of the first scrolled window under @widget. */
static void
scroll_to_end (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

      lb_gui_test_iterate (100);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      return;
    }

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    scroll_to_end (child);
}

/* Waits for the search entry's delay, then for the page to list @n. */
static void
search (Fixture    *f,
        const char *text,
        guint       n)
{
  GtkWidget *entry = lb_gui_test_get_child (GTK_WIDGET (f->page), LB_TYPE_ACCOUNTS_PAGE,
                                            "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  lb_gui_test_wait_n_items (page_model (f), n);
  iterate ();
}

/* tests */

/* With no account, the page says so and its button starts one. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *button;

  g_assert_cmpstr (lb_accounts_page_get_state (f->page), ==, "empty");
  g_assert_nonnull (find_text (GTK_WIDGET (f->page), "No Accounts Yet"));

  button = find_button (GTK_WIDGET (f->page), "_New Account");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();

  g_assert_cmpint (lb_account_window_get_account_id (find_account_window ()), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (find_account_window ())), ==, "New Account");
}

/* An account typed into the editor is stored and listed. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LbAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  LbAccountWindow *window;
  g_autofree char *name = NULL;
  gint64 id;

  lb_ref_add (store_of (f), LB_REF_INDUSTRY, "Software", &error);
  g_assert_no_error (error);

  activate (f->page, "accounts.new");
  window = find_account_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);

  fill_row (window, "name", "  Acme Corp ");
  fill_row (window, "website", "acme.example");
  fill_row (window, "email", "info@acme.example");
  fill_row (window, "phone", "+33 1 23 45 67 89");
  fill_row (window, "city", "Paris");
  fill_row (window, "country", "France");
  choose (lb_account_window_get_row (window, "industry"), "Software");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (lb_account_window_get_row (window,
                                                                                                "notes"))),
                            "Pays on time.", -1);
  g_assert_true (lb_account_window_get_modified (window));
  g_assert_cmpuint (count_accounts (f), ==, 0);

  activate (window, "account.save");

  g_assert_null (window);
  g_assert_cmpuint (count_accounts (f), ==, 1);
  lb_gui_test_wait_n_items (page_model (f), 1);
  g_assert_cmpstr (lb_accounts_page_get_state (f->page), ==, "list");
  name = page_name_at (f, 0);
  g_assert_cmpstr (name, ==, "Acme Corp");
  iterate ();
  g_assert_nonnull (find_text (GTK_WIDGET (f->page), "Acme Corp"));

  stored = g_list_model_get_item (page_model (f), 0);
  id = lb_account_get_id (stored);
  g_assert_true (lb_accounts_page_select (f->page, id));
  g_assert_cmpint (lb_accounts_page_get_selected_id (f->page), ==, id);
  g_clear_object (&stored);
  stored = get_account (f, id);
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_NAME), ==, "Acme Corp");
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_WEBSITE), ==, "https://acme.example");
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_EMAIL), ==, "info@acme.example");
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_CITY), ==, "Paris");
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_INDUSTRY), ==, "Software");
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_NOTES), ==, "Pays on time.");

  /* Opened again, the editor shows it and saves a change. */
  activate (f->page, "accounts.open");
  window = find_account_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_assert_cmpint (lb_account_window_get_account_id (window), ==, id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme Corp");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_account_window_get_row (window, "city"))),
                   ==, "Paris");
  g_assert_false (lb_account_window_get_modified (window));
  fill_row (window, "city", "Lyon");
  activate (window, "account.save");
  g_assert_null (window);
  g_clear_object (&stored);
  stored = get_account (f, id);
  g_assert_cmpstr (lb_account_get_text (stored, LB_ACCOUNT_CITY), ==, "Lyon");
}

/* A name another account has, in another case, is refused under the
 * name row, and nothing is stored. */
static void
test_duplicate_name (Fixture       *f,
                     gconstpointer  data)
{
  LbAccountWindow *window;
  GtkWidget *label;

  add_account (f, "Acme", "Paris");
  reload (f);

  activate (f->page, "accounts.new");
  window = find_account_window ();
  fill_row (window, "name", "ACME");
  fill_row (window, "city", "Berlin");
  activate (window, "account.save");

  g_assert_true (find_account_window () == window);
  label = lb_account_window_get_error_label (window, "name");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "already exists"));
  g_assert_true (gtk_widget_has_css_class (lb_account_window_get_row (window, "name"), "error"));
  g_assert_cmpuint (count_accounts (f), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 1);

  /* Typing a new name takes the message away; then the save works. */
  fill_row (window, "name", "Acme Berlin");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (label))));
  g_assert_false (gtk_widget_has_css_class (lb_account_window_get_row (window, "name"), "error"));
  activate (window, "account.save");
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_ACCOUNT_WINDOW));
  g_assert_cmpuint (count_accounts (f), ==, 2);
}

/* A required name and a bad email are refused with their messages. */
static void
test_invalid_fields (Fixture       *f,
                     gconstpointer  data)
{
  LbAccountWindow *window;
  GtkWidget *label;

  activate (f->page, "accounts.new");
  window = find_account_window ();
  fill_row (window, "email", "info@acme.example");
  activate (window, "account.save");
  label = lb_account_window_get_error_label (window, "name");
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Type the account’s name.");

  fill_row (window, "name", "Acme");
  fill_row (window, "email", "not an email");
  activate (window, "account.save");
  label = lb_account_window_get_error_label (window, "email");
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_true (gtk_widget_has_css_class (lb_account_window_get_row (window, "email"), "error"));
  g_assert_false (gtk_widget_get_mapped (lb_account_window_get_error_label (window, "name")));
  g_assert_cmpuint (count_accounts (f), ==, 0);
}

/* The editor of an existing account lists its contacts, deals, orders
 * and invoices and the lead it came from, each opening its record. */
static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(LbContact) contact = lb_contact_new ();
  g_autoptr(LbDeal) deal = lb_deal_new ();
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  g_autoptr(GError) error = NULL;
  LbAccountWindow *window;
  GtkWidget *group;
  GtkWidget *row;
  gint64 lead_id;
  gint64 account_id;
  gint64 contact_id;

  lead_id = lb_test_add_lead (store_of (f), "Grace", "Hopper", "grace@example.com", NULL);
  lb_account_set_text (account, LB_ACCOUNT_NAME, "Acme");
  lb_account_set_int (account, LB_ACCOUNT_LEAD_ID, lead_id);
  account_id = lb_account_create (store_of (f), account, &error);
  g_assert_no_error (error);

  lb_contact_set_text (contact, LB_CONTACT_FIRST_NAME, "Ada");
  lb_contact_set_text (contact, LB_CONTACT_LAST_NAME, "Lovelace");
  lb_contact_set_text (contact, LB_CONTACT_EMAIL, "ada@acme.example");
  lb_contact_set_int (contact, LB_CONTACT_ACCOUNT_ID, account_id);
  contact_id = lb_contact_create (store_of (f), contact, &error);
  g_assert_no_error (error);

  lb_deal_set_text (deal, LB_DEAL_NAME, "Big Deal");
  lb_deal_set_int (deal, LB_DEAL_ACCOUNT_ID, account_id);
  lb_deal_set_int (deal, LB_DEAL_VALUE, 125000);
  lb_deal_create (store_of (f), deal, &error);
  g_assert_no_error (error);

  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, account_id);
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_DOC_DATE, "2024-03-01");
  lb_invoice_create (store_of (f), invoice, &error);
  g_assert_no_error (error);

  reload (f);
  g_assert_true (lb_accounts_page_select (f->page, account_id));
  activate (f->page, "accounts.open");
  window = find_account_window ();
  g_assert_cmpint (lb_account_window_get_account_id (window), ==, account_id);
  lb_gui_test_screenshot (GTK_WIDGET (window), "account-window");
  scroll_to_end (GTK_WIDGET (window));
  lb_gui_test_screenshot (GTK_WIDGET (window), "account-window-links");

  group = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_ACCOUNT_WINDOW, "contacts_group");
  row = find_row (group, "Ada Lovelace");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "ada@acme.example");

  group = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_ACCOUNT_WINDOW, "deals_group");
  g_assert_nonnull (find_row (group, "Big Deal"));
  group = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_ACCOUNT_WINDOW, "orders_group");
  g_assert_nonnull (find_row (group, "No orders"));
  group = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_ACCOUNT_WINDOW, "invoices_group");
  row = find_row (group, "Draft");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "2024-03-01 · Draft");
  g_signal_emit_by_name (row, "activated");
  iterate ();
  g_assert_nonnull (lb_gui_test_find_toplevel (LB_TYPE_DOCUMENT_WINDOW));

  row = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_ACCOUNT_WINDOW, "lead_row");
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Created from lead “Grace Hopper”");
  g_signal_emit_by_name (row, "activated");
  iterate ();
  g_assert_nonnull (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));

  /* The contact's row opens the contact; a change there lists again. */
  row = find_row (lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_ACCOUNT_WINDOW,
                                         "contacts_group"), "Ada Lovelace");
  g_signal_emit_by_name (row, "activated");
  iterate ();
  {
    LbContactWindow *contact_window = LB_CONTACT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_CONTACT_WINDOW));

    g_assert_nonnull (contact_window);
    g_assert_cmpint (lb_contact_window_get_contact_id (contact_window), ==, contact_id);
    gtk_editable_set_text (GTK_EDITABLE (lb_contact_window_get_row (contact_window, "first-name")),
                           "Augusta Ada");
    activate (contact_window, "contact.save");
  }
  group = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_ACCOUNT_WINDOW, "contacts_group");
  g_assert_nonnull (find_row (group, "Augusta Ada Lovelace"));
  g_assert_null (find_row (group, "Ada Lovelace"));
}

/* Delete in the row menu moves the account to the trash; the toast's
 * Undo brings it back. */
static void
test_trash_undo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LbAccount) trashed = NULL;
  g_autoptr(LbAccount) restored = NULL;
  GtkPopover *popover;
  GtkWidget *undo;
  gint64 id;

  id = add_account (f, "Acme", "Paris");
  add_account (f, "Globex", "Springfield");
  reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 2);

  g_assert_true (lb_accounts_page_select (f->page, id));
  activate (f->page, "accounts.menu");
  popover = lb_gui_test_get_child (GTK_WIDGET (f->page), LB_TYPE_ACCOUNTS_PAGE, "row_popover");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* The menu's Delete, which closes the menu. */
  gtk_popover_popdown (popover);
  activate (f->page, "accounts.delete");
  lb_gui_test_wait_idle (f->gui.window);
  iterate ();

  trashed = get_account (f, id);
  g_assert_cmpint (lb_account_get_int (trashed, LB_ACCOUNT_DELETED_AT), !=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 1);
  g_assert_nonnull (find_text (GTK_WIDGET (f->gui.window), "“Acme” moved to the trash"));

  undo = find_button (GTK_WIDGET (f->gui.window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  lb_gui_test_wait_idle (f->gui.window);
  iterate ();

  restored = get_account (f, id);
  g_assert_cmpint (lb_account_get_int (restored, LB_ACCOUNT_DELETED_AT), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 2);
}

/* An Undo the store refuses (another account took the name) says why. */
static void
test_undo_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LbAccount) trashed = NULL;
  GtkWidget *undo;
  gint64 id;

  id = add_account (f, "Acme", "Paris");
  reload (f);
  g_assert_true (lb_accounts_page_select (f->page, id));
  activate (f->page, "accounts.delete");
  add_account (f, "ACME", "Berlin");

  undo = find_button (GTK_WIDGET (f->gui.window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  lb_gui_test_wait_idle (f->gui.window);
  lb_gui_test_iterate (300);

  trashed = get_account (f, id);
  g_assert_cmpint (lb_account_get_int (trashed, LB_ACCOUNT_DELETED_AT), !=, 0);
  g_assert_nonnull (find_text (GTK_WIDGET (f->gui.window),
                               "Another record with the same name is outside the trash."));
}

/* Delete in the editor's menu trashes the account, and the page offers
 * Undo. */
static void
test_delete_from_window (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LbAccount) trashed = NULL;
  gint64 id;

  id = add_account (f, "Acme", "Paris");
  reload (f);
  g_assert_true (lb_accounts_page_select (f->page, id));
  activate (f->page, "accounts.open");
  activate (find_account_window (), "account.delete");

  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_ACCOUNT_WINDOW));
  trashed = get_account (f, id);
  g_assert_cmpint (lb_account_get_int (trashed, LB_ACCOUNT_DELETED_AT), !=, 0);
  lb_gui_test_wait_n_items (page_model (f), 0);
  g_assert_nonnull (find_text (GTK_WIDGET (f->gui.window), "“Acme” moved to the trash"));
}

/* The search narrows the page to the matching accounts. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkSearchBar *bar = lb_gui_test_get_child (GTK_WIDGET (f->page), LB_TYPE_ACCOUNTS_PAGE,
                                             "search_bar");
  g_autofree char *name = NULL;

  add_account (f, "Acme", "Paris");
  add_account (f, "Globex", "Springfield");
  add_account (f, "Initech", "Austin");
  reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 3);

  activate (f->page, "accounts.search");
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  search (f, "glob", 1);
  name = page_name_at (f, 0);
  g_assert_cmpstr (name, ==, "Globex");
  search (f, "austin", 1);
  search (f, "zzz", 0);
  g_assert_cmpstr (lb_accounts_page_get_state (f->page), ==, "no-match");
  g_assert_nonnull (find_text (GTK_WIDGET (f->page), "No Matching Accounts"));

  activate (f->page, "accounts.clear-search");
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 3);
  g_assert_cmpstr (lb_accounts_page_get_state (f->page), ==, "list");
}

/* The columns sort the list. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *view = lb_gui_test_get_child (GTK_WIDGET (f->page), LB_TYPE_ACCOUNTS_PAGE,
                                               "column_view");
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) city = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  add_account (f, "Acme", "Paris");
  add_account (f, "Globex", "Springfield");
  add_account (f, "Initech", "Austin");
  reload (f);

  first = page_name_at (f, 0);
  g_assert_cmpstr (first, ==, "Acme");
  g_clear_pointer (&first, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (columns) && city == NULL; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "City") == 0)
        city = g_steal_pointer (&column);
    }
  g_assert_nonnull (city);

  gtk_column_view_sort_by_column (view, city, GTK_SORT_DESCENDING);
  iterate ();
  first = page_name_at (f, 0);
  last = page_name_at (f, 2);
  g_assert_cmpstr (first, ==, "Globex");
  g_assert_cmpstr (last, ==, "Initech");
}

/* The page's Ctrl+N and Ctrl+F reach its actions. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->page));
  const char *wanted[] = { "<Control>n", "accounts.new", "<Control>f", "accounts.search" };

  for (guint w = 0; w < G_N_ELEMENTS (wanted); w += 2)
    {
      g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (wanted[w]);
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

              if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger) &&
                  GTK_IS_NAMED_ACTION (action) &&
                  g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                               wanted[w + 1]))
                found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

/* Whether to drive the display with xdotool: only for a test run alone
 * on its display (LB_TEST_XDOTOOL=1), since the keyboard reaches
 * whichever window is on top. */
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
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;

  g_shell_parse_argv (command, NULL, &argv, &error);
  g_assert_no_error (error);
  process = g_subprocess_newv ((const char * const *)argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  while (g_subprocess_get_identifier (process) != NULL)
    lb_gui_test_iterate (5);
  lb_gui_test_iterate (500);
}

static void
press_keys (const char *keys)
{
  g_autofree char *args = g_strconcat ("key --delay 30 ", keys, NULL);

  run_xdotool (args);
}

/* Real key presses: Ctrl+N starts an account only while the page shows. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  GtkSearchBar *bar = lb_gui_test_get_child (GTK_WIDGET (f->page), LB_TYPE_ACCOUNTS_PAGE,
                                             "search_bar");

  if (!use_xdotool ())
    {
      g_test_skip ("LB_TEST_XDOTOOL=1 and xdotool press real keys");
      return;
    }

  /* No window manager: the keyboard goes to the window under the
   * pointer, so the pointer comes to rest on the list. */
  run_xdotool ("mousemove 10 400");
  run_xdotool ("mousemove 600 300");
  press_keys ("ctrl+f");
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  press_keys ("Escape");
  g_assert_false (gtk_search_bar_get_search_mode (bar));

  press_keys ("ctrl+n");
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_ACCOUNT_WINDOW), ==, 1);
  gtk_window_destroy (GTK_WINDOW (find_account_window ()));
  lb_gui_test_iterate (200);

  lb_window_show_page (f->gui.window, "leads");
  lb_gui_test_iterate (200);
  press_keys ("ctrl+n");
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_ACCOUNT_WINDOW), ==, 0);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_LEAD_WINDOW), ==, 1);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  add_account (f, "Acme", "Paris");
  add_account (f, "Globex", "Springfield");
  add_account (f, "Initech", "Austin");
  reload (f);
  lb_gui_test_screenshot (GTK_WIDGET (f->gui.window), "accounts-page");

  activate (f->page, "accounts.new");
  lb_gui_test_screenshot (GTK_WIDGET (find_account_window ()), "account-window-new");

  /* At the narrowest the windows allow. */
  gtk_window_set_default_size (GTK_WINDOW (find_account_window ()), 360, 640);
  fill_row (find_account_window (), "email", "not an email");
  activate (find_account_window (), "account.save");
  lb_gui_test_screenshot (GTK_WIDGET (find_account_window ()), "account-window-narrow");
  gtk_window_destroy (GTK_WINDOW (find_account_window ()));

  gtk_window_set_default_size (GTK_WINDOW (f->gui.window), 360, 640);
  lb_gui_test_iterate (200);
  lb_gui_test_screenshot (GTK_WIDGET (f->gui.window), "accounts-page-narrow");
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/accounts-page/empty", test_empty);
  ADD ("/accounts-page/create", test_create);
  ADD ("/accounts-page/duplicate-name", test_duplicate_name);
  ADD ("/accounts-page/invalid-fields", test_invalid_fields);
  ADD ("/accounts-page/links", test_links);
  ADD ("/accounts-page/trash-undo", test_trash_undo);
  ADD ("/accounts-page/undo-refused", test_undo_refused);
  ADD ("/accounts-page/delete-from-window", test_delete_from_window);
  ADD ("/accounts-page/search", test_search);
  ADD ("/accounts-page/sort", test_sort);
  ADD ("/accounts-page/shortcuts", test_shortcuts);
  ADD ("/accounts-page/keys", test_keys);
  ADD ("/accounts-page/screenshots", test_screenshots);

#undef ADD

  return lb_gui_test_run ();
}
