/* The lead editor window, driven through its real widgets and actions. */

#include "config.h"

#include <string.h>

#include "lb-convert-window.h"
#include "lb-convert.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-gui-test.h"
#include "lb-lead-actions.h"
#include "lb-lead-window.h"
#include "lb-settings.h"

typedef struct
{
  LbTestFixture  base;
  LbLeadWindow  *window;       /* weak: NULL once the window is closed */
  guint          n_saved;
  gint64         saved_id;
  guint          n_trashed;
  gint64         trashed_id;
} Fixture;

/* helpers */

static void
iterate (void)
{
  lb_gui_test_iterate (20);
}

static void
on_saved (LbLeadWindow *window,
          gint64        id,
          Fixture      *f)
{
  f->n_saved++;
  f->saved_id = id;
}

static void
on_trashed (LbLeadWindow *window,
            gint64        id,
            Fixture      *f)
{
  f->n_trashed++;
  f->trashed_id = id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  lb_test_fixture_setup (&f->base, data);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  lb_gui_test_destroy_windows ();
  g_assert_null (f->window);
  lb_test_fixture_teardown (&f->base, data);
}

/* Opens the editor for @id (0: a new lead) and watches its signals. */
static LbLeadWindow *
open_window (Fixture *f,
             gint64   id)
{
  f->window = lb_lead_window_new (NULL, f->base.store, id);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  g_signal_connect (f->window, "saved", G_CALLBACK (on_saved), f);
  g_signal_connect (f->window, "trashed", G_CALLBACK (on_trashed), f);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();

  return f->window;
}

static gint64
count_leads (Fixture *f)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(GError) error = NULL;
  gint64 n = lb_store_count_leads (f->base.store, filter, &error);

  g_assert_no_error (error);
  return n;
}

static LbLead *
get_lead (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  LbLead *lead = lb_store_get_lead (f->base.store, id, &error);

  g_assert_no_error (error);
  return lead;
}

static void
fill_row (Fixture    *f,
          const char *property,
          const char *text)
{
  GtkWidget *row = lb_lead_window_get_row (f->window, property);

  g_assert_true (GTK_IS_EDITABLE (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Selects the choice labelled @label in a combo row. */
static void
choose (Fixture    *f,
        const char *property,
        const char *label)
{
  GtkWidget *row = lb_lead_window_get_row (f->window, property);
  GListModel *model;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }

  g_error ("“%s” is not a choice of the %s row", label, property);
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  iterate ();
}

static void
fill_valid_lead (Fixture *f)
{
  fill_row (f, "first-name", "Grace");
  fill_row (f, "last-name", "Hopper");
  fill_row (f, "email", "grace@example.com");
  fill_row (f, "phone", "+1 202 555 0143");
  choose (f, "source", "Website");
}

/* Asserts that the form shows a message for @code containing @text on
 * the row of @property, and that the window is still open. */
static void
assert_error_shown (Fixture     *f,
                    LbLeadError  code,
                    const char  *property,
                    const char  *text)
{
  GtkWidget *label;

  g_assert_nonnull (f->window);
  label = lb_lead_window_get_error_label (f->window, code);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), text));
  g_assert_true (gtk_widget_has_css_class (lb_lead_window_get_row (f->window, property), "error"));
  g_assert_true (lb_lead_window_get_modified (f->window));
}

/* tests */

static void
test_create_valid (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LbLead) stored = NULL;
  const char * const *tags;

  open_window (f, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "New Lead");
  fill_valid_lead (f);
  fill_row (f, "tags", "vip, expo ,vip");
  choose (f, "rating", "Hot");
  fill_row (f, "city", "Arlington");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (lb_lead_window_get_row (f->window,
                                                                                             "description"))),
                            "Met at the expo.\nCall back in May.", -1);
  g_assert_cmpint (count_leads (f), ==, 0);

  activate (f, "lead.save");

  g_assert_null (f->window);
  g_assert_cmpint (count_leads (f), ==, 1);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (f->saved_id, >, 0);

  stored = get_lead (f, f->saved_id);
  g_assert_cmpstr (lb_lead_get_title (stored), ==, "Grace Hopper");
  g_assert_cmpstr (lb_lead_get_email (stored), ==, "grace@example.com");
  g_assert_cmpstr (lb_lead_get_phone (stored), ==, "+1 202 555 0143");
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_SOURCE), ==, "Website");
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_CATEGORY), ==, "General");
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_CITY), ==, "Arlington");
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_DESCRIPTION), ==, "Met at the expo.\nCall back in May.");
  g_assert_null (lb_lead_get_text (stored, LB_LEAD_CAMPAIGN));
  g_assert_cmpint (lb_lead_get_rating (stored), ==, LB_RATING_HOT);
  g_assert_cmpint (lb_lead_get_status (stored), ==, LB_LEAD_STATUS_NEW);
  tags = lb_lead_get_tags (stored);
  g_assert_nonnull (tags);
  g_assert_cmpuint (g_strv_length ((char **)tags), ==, 2);
}

static void
test_invalid_email (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *label;

  open_window (f, 0);
  fill_valid_lead (f);
  fill_row (f, "email", "grace@@example");

  activate (f, "lead.save");

  assert_error_shown (f, LB_LEAD_ERROR_EMAIL, "email", "not a valid email address");
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "lead-window-invalid-email");
  g_assert_cmpint (count_leads (f), ==, 0);
  g_assert_cmpuint (f->n_saved, ==, 0);
  /* What the user typed is kept. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_lead_window_get_row (f->window, "email"))),
                   ==, "grace@@example");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_lead_window_get_row (f->window, "first-name"))),
                   ==, "Grace");

  /* Editing the field clears its message; a valid address saves. */
  fill_row (f, "email", "grace@example.com");
  label = lb_lead_window_get_error_label (f->window, LB_LEAD_ERROR_EMAIL);
  g_assert_false (gtk_widget_is_visible (label));
  g_assert_false (gtk_widget_has_css_class (lb_lead_window_get_row (f->window, "email"), "error"));

  activate (f, "lead.save");
  g_assert_null (f->window);
  g_assert_cmpint (count_leads (f), ==, 1);
}

static void
test_duplicate_phone (Fixture       *f,
                      gconstpointer  data)
{
  gint64 other = lb_test_add_lead (f->base.store, "Alan", "Turing", NULL, "+1 (202) 555-0143");

  open_window (f, 0);
  fill_valid_lead (f);
  fill_row (f, "phone", "1.202.555.0143");

  activate (f, "lead.save");

  assert_error_shown (f, LB_LEAD_ERROR_PHONE, "phone", "already has the phone number");
  g_assert_cmpint (count_leads (f), ==, 1);
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpint (other, >, 0);
}

static void
test_bad_tin (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *new_company;

  open_window (f, 0);
  fill_valid_lead (f);
  new_company = lb_lead_window_get_row (f->window, "new-company");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (new_company), TRUE);
  fill_row (f, "company-name", "Cobol Systems");
  fill_row (f, "company-tin", "12345678901");

  activate (f, "lead.save");

  assert_error_shown (f, LB_LEAD_ERROR_TIN, "company-tin", "12345678901");
  g_assert_cmpint (count_leads (f), ==, 0);
  g_assert_cmpuint (f->n_saved, ==, 0);
}

static void
test_missing_name (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *focus;

  open_window (f, 0);
  choose (f, "source", "Phone call");
  fill_row (f, "last-name", "Hopper");

  activate (f, "lead.save");

  assert_error_shown (f, LB_LEAD_ERROR_NAME, "first-name", "first and last name");
  g_assert_false (gtk_widget_has_css_class (lb_lead_window_get_row (f->window, "last-name"), "error"));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, lb_lead_window_get_row (f->window, "first-name")));
  g_assert_cmpint (count_leads (f), ==, 0);
}

static void
test_missing_source (Fixture       *f,
                     gconstpointer  data)
{
  open_window (f, 0);
  fill_row (f, "first-name", "Grace");
  fill_row (f, "last-name", "Hopper");

  activate (f, "lead.save");

  assert_error_shown (f, LB_LEAD_ERROR_SOURCE, "source", "source");
  g_assert_cmpint (count_leads (f), ==, 0);
}

static void
test_status_row (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = lb_test_add_lead (f->base.store, "Alan", "Turing", NULL, NULL);
  GtkWidget *status;
  GListModel *model;

  open_window (f, 0);
  g_assert_false (gtk_widget_get_visible (lb_lead_window_get_row (f->window, "status")));
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_null (f->window);

  open_window (f, id);
  status = lb_lead_window_get_row (f->window, "status");
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Alan Turing");
  model = adw_combo_row_get_model (ADW_COMBO_ROW (status));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "New");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "Contacted");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "Lost");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status)), ==, 0);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "lead-window-edit");
}

static void
test_converted_status (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = lb_test_add_lead (f->base.store, "Alan", "Turing", NULL, NULL);
  g_autoptr(LbLead) lead = get_lead (f, id);
  g_autoptr(GError) error = NULL;

  /* No Convert action yet: mark it the way the store keeps it. */
  lb_lead_set_status (lead, LB_LEAD_STATUS_CONVERTED);
  lb_store_update_lead (f->base.store, lead, &error);
  g_assert_no_error (error);

  open_window (f, id);
  g_assert_false (gtk_widget_get_visible (lb_lead_window_get_row (f->window, "status")));

  fill_row (f, "city", "Wilmslow");
  activate (f, "lead.save");
  g_assert_null (f->window);
  g_clear_object (&lead);
  lead = get_lead (f, id);
  g_assert_cmpint (lb_lead_get_status (lead), ==, LB_LEAD_STATUS_CONVERTED);
  g_assert_cmpstr (lb_lead_get_text (lead, LB_LEAD_CITY), ==, "Wilmslow");
}

static void
test_edit_status (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = lb_test_add_lead (f->base.store, "Alan", "Turing", NULL, NULL);
  g_autoptr(LbLead) stored = NULL;

  open_window (f, id);
  g_assert_false (lb_lead_window_get_modified (f->window));
  choose (f, "status", "Contacted");
  g_assert_true (lb_lead_window_get_modified (f->window));

  activate (f, "lead.save");

  g_assert_null (f->window);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (f->saved_id, ==, id);
  stored = get_lead (f, id);
  g_assert_cmpint (lb_lead_get_status (stored), ==, LB_LEAD_STATUS_CONTACTED);
  g_assert_cmpstr (lb_lead_get_first_name (stored), ==, "Alan");
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = lb_test_add_lead (f->base.store, "Alan", "Turing", NULL, NULL);
  g_autoptr(LbLead) stored = NULL;

  open_window (f, id);
  activate (f, "lead.delete");

  g_assert_null (f->window);
  g_assert_cmpuint (f->n_trashed, ==, 1);
  g_assert_cmpint (f->trashed_id, ==, id);
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpint (count_leads (f), ==, 0);
  stored = get_lead (f, id);
  g_assert_true (lb_lead_is_trashed (stored));
}

static void
test_replicate (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = lb_test_add_lead (f->base.store, "Alan", "Turing", NULL, "+44 20 7946 0000");
  g_autoptr(LbLead) copy = NULL;

  open_window (f, id);

  /* Unsaved changes come first. */
  fill_row (f, "city", "Wilmslow");
  g_assert_true (lb_lead_window_get_modified (f->window));
  activate (f, "lead.replicate");
  g_assert_cmpint (count_leads (f), ==, 1);
  g_assert_cmpuint (f->n_saved, ==, 0);

  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  open_window (f, id);
  activate (f, "lead.replicate");

  g_assert_cmpint (count_leads (f), ==, 2);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_cmpint (f->saved_id, !=, id);
  copy = get_lead (f, f->saved_id);
  g_assert_cmpstr (lb_lead_get_title (copy), ==, "Copy of Alan Turing");
  g_assert_null (lb_lead_get_phone (copy));
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_LEAD_WINDOW), ==, 2);
}

static void
test_discard_changes (Fixture       *f,
                      gconstpointer  data)
{
  GtkWindow *dialog;

  open_window (f, 0);
  activate (f, "lead.cancel");
  g_assert_null (f->window);   /* nothing typed: closes at once */

  open_window (f, 0);
  fill_row (f, "first-name", "Grace");
  activate (f, "lead.cancel");

  g_assert_nonnull (f->window);
  dialog = lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  iterate ();
  g_assert_nonnull (f->window);

  activate (f, "lead.cancel");
  dialog = lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  iterate ();
  g_assert_null (f->window);
  g_assert_cmpint (count_leads (f), ==, 0);
  g_assert_cmpuint (f->n_saved, ==, 0);
}

static void
test_live_check (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *website;
  GtkWidget *label;

  open_window (f, 0);
  fill_valid_lead (f);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (lb_lead_window_get_row (f->window, "new-company")),
                                         TRUE);
  iterate ();

  /* Leaving a row checks it: a bare host gets https://, a bad TIN says so. */
  website = lb_lead_window_get_row (f->window, "company-website");
  gtk_widget_grab_focus (website);
  fill_row (f, "company-website", "example.com");
  fill_row (f, "company-tin", "12-34");
  gtk_widget_grab_focus (lb_lead_window_get_row (f->window, "company-tin"));
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (website)), ==, "https://example.com");

  gtk_widget_grab_focus (lb_lead_window_get_row (f->window, "company-name"));
  iterate ();
  label = lb_lead_window_get_error_label (f->window, LB_LEAD_ERROR_TIN);
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_true (gtk_widget_has_css_class (lb_lead_window_get_row (f->window, "company-tin"), "error"));
  g_assert_cmpint (count_leads (f), ==, 0);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (f->window), LB_TYPE_LEAD_WINDOW, name);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static void
set_setting (Fixture    *f,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  lb_settings_set (f->base.store, key, value, &error);
  g_assert_no_error (error);
}

static GListModel *
lead_documents (Fixture   *f,
                LbDocKind  kind,
                gint64     lead_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *docs;
  LbDocFilter filter;

  lb_doc_filter_init (&filter, kind);
  filter.lead_id = lead_id;
  docs = lb_store_list_documents (f->base.store, &filter, &error);
  g_assert_no_error (error);

  return docs;
}

/* The rows a document block lists, beside its "No … yet" row. */
static guint
count_document_rows (GtkWidget *empty_row)
{
  GtkWidget *list = gtk_widget_get_parent (empty_row);
  guint n = 0;

  g_assert_true (GTK_IS_LIST_BOX (list));
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), "document") == 0 && gtk_widget_get_visible (row))
      n++;
  return n;
}

static void
test_create_invoice (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = lb_test_add_lead (f->base.store, "Alan", "Turing", NULL, NULL);
  g_autoptr(GListModel) docs = NULL;
  g_autoptr(LbRecord) invoice = NULL;
  g_autoptr(LbLead) stored = NULL;
  LbDocumentWindow *document;

  /* without the invoice-type setting: not offered */
  open_window (f, id);
  g_assert_false (gtk_widget_get_visible (child (f, "create_invoice_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "invoices_group")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "lead.create-invoice", NULL);
  iterate ();
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 0);
  docs = lead_documents (f, LB_DOC_INVOICE, id);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 0);
  g_clear_object (&docs);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();

  /* with it: offered */
  set_setting (f, LB_SETTING_INVOICE_TYPE, "Standard");
  open_window (f, id);
  g_assert_true (gtk_widget_is_visible (child (f, "create_invoice_button")));
  g_assert_true (gtk_widget_get_visible (child (f, "no_invoices_row")));
  g_assert_false (gtk_widget_get_visible (child (f, "create_order_button")));

  /* unsaved changes are stored first; the window stays */
  fill_row (f, "city", "Wilmslow");
  click (child (f, "create_invoice_button"));
  g_assert_nonnull (f->window);
  g_assert_false (lb_lead_window_get_modified (f->window));
  stored = get_lead (f, id);
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_CITY), ==, "Wilmslow");
  g_assert_cmpuint (f->n_saved, >=, 1);

  /* a Draft linked to the lead, opened, and listed in the block */
  docs = lead_documents (f, LB_DOC_INVOICE, id);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 1);
  invoice = g_list_model_get_item (docs, 0);
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_STATUS), ==, LB_INVOICE_STATUS_DRAFT);
  g_assert_cmpint (lb_record_get_int (invoice, LB_DOC_LEAD_ID), ==, id);
  g_assert_cmpstr (lb_record_get_text (invoice, LB_DOC_TYPE), ==, "Standard");

  document = LB_DOCUMENT_WINDOW (lb_gui_test_find_toplevel (LB_TYPE_DOCUMENT_WINDOW));
  g_assert_nonnull (document);
  g_assert_cmpint (lb_document_window_get_document_id (document), ==, lb_record_get_int (invoice, LB_DOC_ID));
  g_assert_cmpuint (count_document_rows (child (f, "no_invoices_row")), ==, 1);
  g_assert_false (gtk_widget_get_visible (child (f, "no_invoices_row")));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 2600);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "lead-window-documents");

  /* the document window's changes show in the block */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (document), "doc.delete", NULL));
  iterate ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (lb_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                               "confirm");
  iterate ();
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 0);
  g_assert_cmpuint (count_document_rows (child (f, "no_invoices_row")), ==, 0);
  g_assert_true (gtk_widget_get_visible (child (f, "no_invoices_row")));
}

static void
test_create_order (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = lb_test_add_lead (f->base.store, "Alan", "Turing", NULL, NULL);
  g_autoptr(GListModel) docs = NULL;
  GtkWidget *row;

  lb_store_set_clock (f->base.store, 1773144000);   /* 2026-03-10 */
  open_window (f, id);
  g_assert_false (gtk_widget_get_visible (child (f, "orders_group")));
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();

  set_setting (f, LB_SETTING_ORDER_TYPE, "Standard");
  open_window (f, id);
  g_assert_true (gtk_widget_is_visible (child (f, "create_order_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "invoices_group")));
  click (child (f, "create_order_button"));

  docs = lead_documents (f, LB_DOC_ORDER, id);
  g_assert_cmpuint (g_list_model_get_n_items (docs), ==, 1);
  g_assert_cmpuint (count_document_rows (child (f, "no_orders_row")), ==, 1);
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 1);

  /* its row opens it again */
  gtk_window_destroy (lb_gui_test_find_toplevel (LB_TYPE_DOCUMENT_WINDOW));
  iterate ();
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 0);
  row = gtk_widget_get_next_sibling (child (f, "no_orders_row"));
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "document");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "SO-2026-0001");
  g_signal_emit_by_name (row, "activate");
  iterate ();
  g_assert_cmpuint (lb_gui_test_count_toplevels (LB_TYPE_DOCUMENT_WINDOW), ==, 1);
}

static void
test_convert (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = lb_test_add_lead (f->base.store, "Alan", "Turing", "alan@example.com", NULL);
  g_autoptr(LbConversion) conversion = NULL;
  g_autoptr(GError) error = NULL;
  LbConversionResult result = { 0, };
  GtkWindow *convert;
  guint saved;

  open_window (f, id);
  g_assert_true (gtk_widget_is_visible (child (f, "convert_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "conversion_group")));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 760);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "lead-window-360");

  click (child (f, "convert_button"));
  convert = lb_gui_test_find_toplevel (LB_TYPE_CONVERT_WINDOW);
  g_assert_nonnull (convert);
  g_assert_true (gtk_window_get_transient_for (convert) == GTK_WINDOW (f->window));

  /* the assistant converts, and says so */
  conversion = lb_conversion_new_for_lead (f->base.store, id, &error);
  g_assert_no_error (error);
  lb_lead_convert (f->base.store, conversion, &result, &error);
  g_assert_no_error (error);
  saved = f->n_saved;
  g_signal_emit_by_name (convert, "converted", id);
  iterate ();

  g_assert_cmpuint (f->n_saved, ==, saved + 1);
  g_assert_false (gtk_widget_is_visible (child (f, "convert_button")));
  g_assert_false (gtk_widget_get_visible (lb_lead_window_get_row (f->window, "status")));
  g_assert_true (gtk_widget_get_visible (child (f, "converted_row")));
  g_assert_true (gtk_widget_is_visible (child (f, "conversion_group")));
  g_assert_true (gtk_widget_get_visible (child (f, "converted_contact_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (f, "converted_contact_row"))),
                   ==, "Alan Turing");
  g_assert_false (lb_lead_window_get_modified (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 2600);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "lead-window-converted");
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();

  /* a converted lead offers no Convert */
  open_window (f, id);
  g_assert_false (gtk_widget_is_visible (child (f, "convert_button")));
  g_assert_true (gtk_widget_is_visible (child (f, "conversion_group")));
  g_assert_cmpint (result.contact_id, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);
  /* Revealers and expanders switch at once, so a test sees the end state. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/lead-window/create-valid", test_create_valid);
  ADD ("/lead-window/invalid-email", test_invalid_email);
  ADD ("/lead-window/duplicate-phone", test_duplicate_phone);
  ADD ("/lead-window/bad-tin", test_bad_tin);
  ADD ("/lead-window/missing-name", test_missing_name);
  ADD ("/lead-window/missing-source", test_missing_source);
  ADD ("/lead-window/status-row", test_status_row);
  ADD ("/lead-window/converted-status", test_converted_status);
  ADD ("/lead-window/edit-status", test_edit_status);
  ADD ("/lead-window/delete", test_delete);
  ADD ("/lead-window/replicate", test_replicate);
  ADD ("/lead-window/discard-changes", test_discard_changes);
  ADD ("/lead-window/live-check", test_live_check);
  ADD ("/lead-window/create-invoice", test_create_invoice);
  ADD ("/lead-window/create-order", test_create_order);
  ADD ("/lead-window/convert", test_convert);

#undef ADD

  return lb_gui_test_run ();
}
