/* The contacts page and the contact editor, driven through their real
 * widgets and actions in the main window. */

#include "config.h"

#include <string.h>

#include "lb-account-window.h"
#include "lb-accounts-page.h"
#include "lb-contact-window.h"
#include "lb-contacts-page.h"
#include "lb-crm-actions.h"
#include "lb-gui-test.h"
#include "lb-lead-window.h"

typedef struct
{
  LbGuiFixture    gui;
  LbContactsPage *page;
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
  lb_window_show_page (f->gui.window, "contacts");
  f->page = LB_CONTACTS_PAGE (lb_window_get_page_widget (f->gui.window, "contacts"));
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
             const char *name)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, name);
  id = lb_account_create (store_of (f), account, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_contact (Fixture    *f,
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
  id = lb_contact_create (store_of (f), contact, &error);
  g_assert_no_error (error);

  return id;
}

static LbContact *
get_contact (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  LbContact *contact = lb_store_get_contact (store_of (f), id, &error);

  g_assert_no_error (error);
  return contact;
}

static guint
count_contacts (Fixture *f)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;
  LbRecordFilter filter;

  lb_record_filter_init (&filter);
  contacts = lb_store_list_contacts (store_of (f), &filter, &error);
  lb_record_filter_clear (&filter);
  g_assert_no_error (error);

  return g_list_model_get_n_items (contacts);
}

static GListModel *
page_model (Fixture *f)
{
  return lb_contacts_page_get_model (f->page);
}

static void
reload (Fixture *f)
{
  lb_gui_test_reload (f->gui.window);
  iterate ();
}

static LbContactWindow *
find_contact_window (void)
{
  GtkWindow *window = lb_gui_test_find_toplevel (LB_TYPE_CONTACT_WINDOW);

  g_assert_nonnull (window);
  return LB_CONTACT_WINDOW (window);
}

static void
fill_row (LbContactWindow *window,
          const char      *property,
          const char      *text)
{
  GtkWidget *row = lb_contact_window_get_row (window, property);

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

static const char *
chosen (GtkWidget *row)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  return gtk_string_list_get_string (GTK_STRING_LIST (model),
                                     adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
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

/* Asserts that the message about @property shows, holding @text, and
 * that the window is still open with nothing stored. */
static void
assert_error_shown (Fixture         *f,
                    LbContactWindow *window,
                    const char      *property,
                    const char      *text)
{
  GtkWidget *label = lb_contact_window_get_error_label (window, property);

  g_assert_true (find_contact_window () == window);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), text));
  g_assert_true (gtk_widget_has_css_class (lb_contact_window_get_row (window, property), "error"));
}

/* tests */

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *button;

  g_assert_cmpstr (lb_contacts_page_get_state (f->page), ==, "empty");
  g_assert_nonnull (find_text (GTK_WIDGET (f->page), "No Contacts Yet"));

  button = find_button (GTK_WIDGET (f->page), "_New Contact");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();

  g_assert_cmpint (lb_contact_window_get_contact_id (find_contact_window ()), ==, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (find_contact_window ())), ==, "New Contact");
}

/* A contact typed into the editor, linked to an account, is stored and
 * listed with the account's name. */
static void
test_create_with_account (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LbContact) listed = NULL;
  g_autoptr(LbContact) stored = NULL;
  LbContactWindow *window;
  gint64 account_id;
  gint64 id;

  add_account (f, "Globex");
  account_id = add_account (f, "Acme");
  reload (f);

  activate (f->page, "contacts.new");
  window = find_contact_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_assert_cmpstr (chosen (lb_contact_window_get_row (window, "account-id")), ==, "None");

  fill_row (window, "first-name", "Ada");
  fill_row (window, "last-name", "Lovelace");
  fill_row (window, "email", "ada@acme.example");
  fill_row (window, "phone", "+44 20 7946 0018");
  fill_row (window, "city", "London");
  choose (lb_contact_window_get_row (window, "account-id"), "Acme");
  g_assert_true (lb_contact_window_get_modified (window));

  activate (window, "contact.save");

  g_assert_null (window);
  g_assert_cmpuint (count_contacts (f), ==, 1);
  lb_gui_test_wait_n_items (page_model (f), 1);
  iterate ();

  listed = g_list_model_get_item (page_model (f), 0);
  id = lb_contact_get_id (listed);
  g_assert_cmpstr (lb_contact_get_text (listed, LB_CONTACT_ACCOUNT_NAME), ==, "Acme");
  g_assert_nonnull (find_text (GTK_WIDGET (f->page), "Ada Lovelace"));
  g_assert_nonnull (find_text (GTK_WIDGET (f->page), "Acme"));

  stored = get_contact (f, id);
  g_assert_cmpint (lb_contact_get_int (stored, LB_CONTACT_ACCOUNT_ID), ==, account_id);
  g_assert_cmpstr (lb_contact_get_text (stored, LB_CONTACT_EMAIL), ==, "ada@acme.example");
  g_assert_cmpstr (lb_contact_get_text (stored, LB_CONTACT_PHONE), ==, "+44 20 7946 0018");
  g_assert_cmpstr (lb_contact_get_text (stored, LB_CONTACT_CITY), ==, "London");

  /* Opened again, it shows its account, and "None" unlinks it. */
  g_assert_true (lb_contacts_page_select (f->page, id));
  activate (f->page, "contacts.open");
  window = find_contact_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Ada Lovelace");
  g_assert_cmpstr (chosen (lb_contact_window_get_row (window, "account-id")), ==, "Acme");
  g_assert_false (lb_contact_window_get_modified (window));
  choose (lb_contact_window_get_row (window, "account-id"), "None");
  activate (window, "contact.save");
  g_assert_null (window);
  g_clear_object (&stored);
  stored = get_contact (f, id);
  g_assert_cmpint (lb_contact_get_int (stored, LB_CONTACT_ACCOUNT_ID), ==, 0);
}

/* An invalid email is refused with its message on the email row, and
 * said as soon as the user leaves the row. */
static void
test_invalid_email (Fixture       *f,
                    gconstpointer  data)
{
  LbContactWindow *window;
  GtkWidget *label;

  activate (f->page, "contacts.new");
  window = find_contact_window ();
  fill_row (window, "first-name", "Ada");
  fill_row (window, "email", "ada at example");
  activate (window, "contact.save");

  assert_error_shown (f, window, "email", "ada at example");
  g_assert_cmpuint (count_contacts (f), ==, 0);

  /* Fixing the email takes the message away. */
  fill_row (window, "email", "ada@example.com");
  label = lb_contact_window_get_error_label (window, "email");
  g_assert_false (gtk_widget_get_mapped (label));
  g_assert_false (gtk_widget_has_css_class (lb_contact_window_get_row (window, "email"), "error"));

  /* Leaving a row with a bad phone says so at once. */
  fill_row (window, "phone", "call me");
  gtk_widget_grab_focus (lb_contact_window_get_row (window, "phone"));
  iterate ();
  gtk_widget_grab_focus (lb_contact_window_get_row (window, "city"));
  iterate ();
  assert_error_shown (f, window, "phone", "phone number");
}

/* A contact needs a first or a last name: the message is under the
 * name rows, which are marked. */
static void
test_name_required (Fixture       *f,
                    gconstpointer  data)
{
  LbContactWindow *window;

  activate (f->page, "contacts.new");
  window = find_contact_window ();
  fill_row (window, "middle-name", "Byron");
  activate (window, "contact.save");

  assert_error_shown (f, window, "first-name", "first or last name");
  g_assert_true (gtk_widget_has_css_class (lb_contact_window_get_row (window, "last-name"), "error"));
  g_assert_cmpuint (count_contacts (f), ==, 0);

  fill_row (window, "last-name", "Lovelace");
  activate (window, "contact.save");
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_CONTACT_WINDOW));
  g_assert_cmpuint (count_contacts (f), ==, 1);
}

/* Delete moves the contact to the trash; the toast's Undo brings it
 * back. */
static void
test_trash_undo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LbContact) trashed = NULL;
  g_autoptr(LbContact) restored = NULL;
  GtkWidget *undo;
  gint64 id;

  id = add_contact (f, "Ada", "Lovelace", 0);
  add_contact (f, "Grace", "Hopper", 0);
  reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 2);

  g_assert_true (lb_contacts_page_select (f->page, id));
  activate (f->page, "contacts.delete");
  lb_gui_test_wait_idle (f->gui.window);
  iterate ();

  trashed = get_contact (f, id);
  g_assert_cmpint (lb_contact_get_int (trashed, LB_CONTACT_DELETED_AT), !=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 1);
  g_assert_nonnull (find_text (GTK_WIDGET (f->gui.window), "“Ada Lovelace” moved to the trash"));

  undo = find_button (GTK_WIDGET (f->gui.window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  lb_gui_test_wait_idle (f->gui.window);
  iterate ();

  restored = get_contact (f, id);
  g_assert_cmpint (lb_contact_get_int (restored, LB_CONTACT_DELETED_AT), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 2);
}

/* The search matches names and account names. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = lb_gui_test_get_child (GTK_WIDGET (f->page), LB_TYPE_CONTACTS_PAGE,
                                            "search_entry");
  gint64 acme = add_account (f, "Acme");

  add_contact (f, "Ada", "Lovelace", acme);
  add_contact (f, "Grace", "Hopper", 0);
  add_contact (f, "Alan", "Turing", acme);
  reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (page_model (f)), ==, 3);

  activate (f->page, "contacts.search");
  gtk_editable_set_text (GTK_EDITABLE (entry), "acme");
  lb_gui_test_wait_n_items (page_model (f), 2);
  gtk_editable_set_text (GTK_EDITABLE (entry), "hopper");
  lb_gui_test_wait_n_items (page_model (f), 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody");
  lb_gui_test_wait_n_items (page_model (f), 0);
  iterate ();
  g_assert_cmpstr (lb_contacts_page_get_state (f->page), ==, "no-match");
  g_assert_nonnull (find_text (GTK_WIDGET (f->page), "No Matching Contacts"));
}

/* The account editor's New Contact starts a contact of that account;
 * once saved, the account lists it and so does the contacts page. */
static void
test_new_contact_of_account (Fixture       *f,
                             gconstpointer  data)
{
  LbAccountsPage *accounts = LB_ACCOUNTS_PAGE (lb_window_get_page_widget (f->gui.window, "accounts"));
  g_autoptr(LbContact) listed = NULL;
  LbAccountWindow *account_window;
  LbContactWindow *window;
  gint64 account_id;

  add_account (f, "Globex");
  account_id = add_account (f, "Acme");
  reload (f);
  g_assert_true (lb_accounts_page_select (accounts, account_id));
  activate (accounts, "accounts.open");
  account_window = LB_ACCOUNT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_ACCOUNT_WINDOW));
  g_assert_nonnull (account_window);

  activate (account_window, "account.new-contact");
  window = find_contact_window ();
  g_assert_cmpstr (chosen (lb_contact_window_get_row (window, "account-id")), ==, "Acme");
  g_assert_false (lb_contact_window_get_modified (window));
  fill_row (window, "first-name", "Ada");
  fill_row (window, "last-name", "Lovelace");
  activate (window, "contact.save");
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_CONTACT_WINDOW));

  g_assert_nonnull (find_row (lb_gui_test_get_child (GTK_WIDGET (account_window),
                                                     LB_TYPE_ACCOUNT_WINDOW, "contacts_group"),
                              "Ada Lovelace"));
  lb_gui_test_wait_n_items (page_model (f), 1);
  listed = g_list_model_get_item (page_model (f), 0);
  g_assert_cmpint (lb_contact_get_int (listed, LB_CONTACT_ACCOUNT_ID), ==, account_id);
}

/* The editor of an existing contact lists its deals and the lead it
 * came from. */
static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(LbContact) contact = lb_contact_new ();
  g_autoptr(LbDeal) deal = lb_deal_new ();
  g_autoptr(GError) error = NULL;
  LbContactWindow *window;
  GtkWidget *group;
  GtkWidget *row;
  gint64 lead_id;
  gint64 id;

  lead_id = lb_test_add_lead (store_of (f), "Ada", "Lovelace", "ada@example.com", NULL);
  lb_contact_set_text (contact, LB_CONTACT_FIRST_NAME, "Ada");
  lb_contact_set_text (contact, LB_CONTACT_LAST_NAME, "Lovelace");
  lb_contact_set_int (contact, LB_CONTACT_LEAD_ID, lead_id);
  id = lb_contact_create (store_of (f), contact, &error);
  g_assert_no_error (error);

  lb_deal_set_text (deal, LB_DEAL_NAME, "Analytical Engine");
  lb_deal_set_int (deal, LB_DEAL_CONTACT_ID, id);
  lb_deal_create (store_of (f), deal, &error);
  g_assert_no_error (error);

  reload (f);
  g_assert_true (lb_contacts_page_select (f->page, id));
  activate (f->page, "contacts.open");
  window = find_contact_window ();

  group = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_CONTACT_WINDOW, "deals_group");
  g_assert_nonnull (find_row (group, "Analytical Engine"));

  row = lb_gui_test_get_child (GTK_WIDGET (window), LB_TYPE_CONTACT_WINDOW, "lead_row");
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Created from lead “Ada Lovelace”");
  g_signal_emit_by_name (row, "activated");
  iterate ();
  g_assert_nonnull (lb_gui_test_find_toplevel (LB_TYPE_LEAD_WINDOW));

  /* Delete in the editor trashes it; the page offers Undo. */
  activate (window, "contact.delete");
  g_assert_null (lb_gui_test_find_toplevel (LB_TYPE_CONTACT_WINDOW));
  lb_gui_test_wait_n_items (page_model (f), 0);
  g_assert_nonnull (find_text (GTK_WIDGET (f->gui.window), "“Ada Lovelace” moved to the trash"));
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  gint64 acme = add_account (f, "Acme");

  add_contact (f, "Ada", "Lovelace", acme);
  add_contact (f, "Grace", "Hopper", 0);
  add_contact (f, "Alan", "Turing", acme);
  reload (f);
  lb_gui_test_screenshot (GTK_WIDGET (f->gui.window), "contacts-page");

  activate (f->page, "contacts.new");
  fill_row (find_contact_window (), "email", "ada at example");
  activate (find_contact_window (), "contact.save");
  lb_gui_test_screenshot (GTK_WIDGET (find_contact_window ()), "contact-window-new");

  gtk_window_set_default_size (GTK_WINDOW (find_contact_window ()), 360, 640);
  lb_gui_test_screenshot (GTK_WIDGET (find_contact_window ()), "contact-window-narrow");
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/contacts-page/empty", test_empty);
  ADD ("/contacts-page/create-with-account", test_create_with_account);
  ADD ("/contacts-page/invalid-email", test_invalid_email);
  ADD ("/contacts-page/name-required", test_name_required);
  ADD ("/contacts-page/trash-undo", test_trash_undo);
  ADD ("/contacts-page/search", test_search);
  ADD ("/contacts-page/new-contact-of-account", test_new_contact_of_account);
  ADD ("/contacts-page/links", test_links);
  ADD ("/contacts-page/screenshots", test_screenshots);

#undef ADD

  return lb_gui_test_run ();
}
