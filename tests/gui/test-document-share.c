/* Printing, PDF export and email of an invoice (SPEC 3.8): the print
 * operation the window runs, exported to a file instead of the dialog;
 * Export PDF with the file the chooser would give; Send by Email with
 * a fake email portal on a private session bus, and without one, with
 * LEADBOOK_MAIL_COMMAND pointing at a script that records its
 * arguments. */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>

#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-document-render.h"
#include "lb-document-share.h"
#include "lb-document-window.h"
#include "lb-gui-test.h"
#include "lb-money.h"
#include "lb-settings.h"

#define NOW 1773144000  /* 2026-03-10 12:00 UTC */
#define COMPANY "Northwind Supplies"
#define CONTACT_EMAIL "ann.lee@acme.test"
#define ACCOUNT_EMAIL "billing@acme.test"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

/* The private session bus of this program, or NULL when dbus-daemon is
 * missing (then there is no session bus at all). */
static GTestDBus *test_bus;

typedef struct
{
  LbTestFixture     base;
  LbDocumentWindow *window;     /* weak */
  gint64            invoice;
  gint64            contact;
  char             *script;     /* the recording mail command */
  char             *record;     /* what it recorded */
} Fixture;

/* A fake org.freedesktop.portal.Email: records one call, answers
 * @answer (0 done, 2 failed). */
typedef struct
{
  guint      answer;
  guint      n_calls;
  char      *parent_window;
  GVariant  *options;
  char      *attachment;      /* the first bytes of the file passed */
  guint      object_id;
  guint      owner_id;
  gboolean   owned;
} FakePortal;

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Email'>"
  "    <method name='ComposeEmail'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* helpers */

static void
iterate (void)
{
  lb_gui_test_iterate (20);
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gint64
add_account (Fixture *f)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_account_set_text (account, LB_ACCOUNT_NAME, "Acme Ltd");
  lb_account_set_text (account, LB_ACCOUNT_EMAIL, ACCOUNT_EMAIL);
  id = lb_account_create (f->base.store, account, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_contact (Fixture *f,
             gint64   account_id)
{
  g_autoptr(LbContact) contact = lb_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_contact_set_text (contact, LB_CONTACT_FIRST_NAME, "Ann");
  lb_contact_set_text (contact, LB_CONTACT_LAST_NAME, "Lee");
  lb_contact_set_text (contact, LB_CONTACT_EMAIL, CONTACT_EMAIL);
  lb_contact_set_int (contact, LB_CONTACT_ACCOUNT_ID, account_id);
  id = lb_contact_create (f->base.store, contact, &error);
  g_assert_no_error (error);

  return id;
}

static void
add_line (Fixture    *f,
          gint64      invoice,
          const char *description,
          gint64      quantity,
          gint64      price)
{
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;

  lb_record_set_text (LB_RECORD (line), LB_LINE_DESCRIPTION, description);
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, quantity);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, price);
  lb_document_add_line (f->base.store, LB_DOC_INVOICE, invoice, line, &error);
  g_assert_no_error (error);
}

/* A Sent invoice, INV-2026-0001, to Ann Lee of Acme Ltd, with
 * @n_lines lines. */
static gint64
add_sent_invoice (Fixture *f,
                  guint    n_lines,
                  gboolean with_contact)
{
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (f);
  gint64 id;

  if (with_contact)
    f->contact = add_contact (f, account);
  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, account);
  lb_record_set_int (LB_RECORD (invoice), LB_DOC_CONTACT_ID, f->contact);
  id = lb_invoice_create (f->base.store, invoice, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *description = g_strdup_printf ("Consulting, week %u", i + 1);

      add_line (f, id, description, 1000 + 500 * (i % 3), 12000);
    }

  lb_invoice_send (f->base.store, id, &error);
  g_assert_no_error (error);

  return id;
}

static LbDocumentWindow *
open_window (Fixture *f,
             gint64   id)
{
  f->window = lb_document_window_new (NULL, f->base.store, LB_DOC_INVOICE, id);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();

  return f->window;
}

/* Whether a label under @root shows @text, e.g. in a toast. */
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
} ShowsText;

static gboolean
shows_text_cb (gpointer data)
{
  ShowsText *wanted = data;

  return shows_text (wanted->root, wanted->text);
}

static void
assert_shows (GtkWidget  *root,
              const char *text)
{
  ShowsText wanted = { root, text };

  if (!lb_gui_test_wait (shows_text_cb, &wanted, 5000))
    g_error ("“%s” is not shown", text);
}

/* The target of the mapped button under @root that runs
 * doc.open-uri (a toast's Open or Open Folder), or NULL. */
static const char *
open_uri_target (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "doc.open-uri") == 0)
    return g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root)), NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      const char *target = open_uri_target (c);

      if (target != NULL)
        return target;
    }
  return NULL;
}

/* Whether the renderer draws: a page of the document, drawn on a
 * recording surface, leaves ink. */
static gboolean
renderer_draws (Fixture *f,
                gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbDocumentRender) render = lb_document_render_new (f->base.store, LB_DOC_INVOICE, id, &error);
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, width = 0, height = 0;

  g_assert_no_error (error);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  lb_document_render_set_page (render, 595.28, 841.89, 42.5);
  lb_document_render_paginate (render, cr);
  lb_document_render_draw_page (render, cr, 0);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
  cairo_surface_destroy (surface);

  return width > 0 && height > 0;
}

/* Whether the core exports PDFs yet: the renderer may still be the
 * skeleton, which refuses. */
static gboolean
export_works (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->base.dir, "probe.pdf", NULL);
  gboolean ok = lb_document_export_pdf (f->base.store, LB_DOC_INVOICE, id, path, &error);

  if (!ok)
    g_test_message ("The core does not export yet: %s", error->message);
  g_unlink (path);
  return ok;
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

/* The output of a poppler tool on @path, or NULL when it is missing. */
static char *
run_tool (const char *tool,
          const char *option,
          const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { program, option, path, "-", NULL };

  if (program == NULL)
    return NULL;
  if (g_str_equal (tool, "pdfinfo"))
    argv[1] = path, argv[2] = NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", NULL, path);
  const char *pages;

  if (info == NULL)
    return 0;
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The recording mail command: writes its arguments, each ended by a
 * NUL, next to itself, then exits with @status. */
static void
write_mail_script (Fixture *f,
                   int      status)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  f->script = g_build_filename (f->base.dir, "mailer.sh", NULL);
  f->record = g_strconcat (f->script, ".args", NULL);
  text = g_strdup_printf ("#!/bin/sh\n"
                          "out='%s'\n"
                          ": > \"$out.tmp\"\n"
                          "for a in \"$@\"; do printf '%%s\\0' \"$a\" >> \"$out.tmp\"; done\n"
                          "mv \"$out.tmp\" \"$out\"\n"
                          "exit %d\n",
                          f->record, status);
  g_file_set_contents (f->script, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (f->script, 0700), ==, 0);
  g_setenv ("LEADBOOK_MAIL_COMMAND", f->script, TRUE);
}

/* The arguments the script recorded, or NULL when it did not run. */
static GStrv
recorded_args (Fixture *f)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!g_file_get_contents (f->record, &contents, &length, NULL))
    return NULL;
  for (gsize i = 0; i < length; i += strlen (contents + i) + 1)
    g_strv_builder_add (builder, contents + i);
  return g_strv_builder_end (builder);
}

/* The argument after @option, which must be there. */
static const char *
arg_after (GStrv       args,
           const char *option)
{
  for (guint i = 0; args[i] != NULL; i++)
    if (g_str_equal (args[i], option))
      {
        g_assert_nonnull (args[i + 1]);
        return args[i + 1];
      }
  g_error ("no %s argument", option);
}

static gboolean
no_email_pending (gpointer data)
{
  return lb_document_send_email_pending () == 0;
}

static void
send_email_from_window (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.email", NULL));
  g_assert_true (lb_gui_test_wait (no_email_pending, NULL, 20000));
  iterate ();
}

/* The folder the PDFs for emails go to, from the path of one. */
static void
assert_private_dir (const char *pdf)
{
  g_autofree char *dir = g_path_get_dirname (pdf);
  GStatBuf st;

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
}

/* fixture */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  lb_test_fixture_setup (&f->base, data);
  lb_store_set_clock (f->base.store, NOW);
  lb_settings_set (f->base.store, LB_SETTING_COMPANY_NAME, COMPANY, &error);
  g_assert_no_error (error);
  g_unsetenv ("LEADBOOK_MAIL_COMMAND");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (lb_gui_test_wait (no_email_pending, NULL, 20000));
  lb_gui_test_destroy_windows ();
  g_assert_null (f->window);
  lb_document_share_clean_up ();
  g_unsetenv ("LEADBOOK_MAIL_COMMAND");
  g_free (f->script);
  g_free (f->record);
  lb_test_fixture_teardown (&f->base, data);
}

/* the fake portal */

static void
portal_method_call (GDBusConnection       *bus,
                    const char            *sender,
                    const char            *path,
                    const char            *interface,
                    const char            *method,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               data)
{
  FakePortal *portal = data;
  GUnixFDList *fds = g_dbus_message_get_unix_fd_list (g_dbus_method_invocation_get_message (invocation));
  g_autoptr(GVariant) handles = NULL;
  g_autofree char *token_sender = g_strdup (sender + 1);
  g_autofree char *request = NULL;
  const char *token = "none";

  g_assert_cmpstr (method, ==, "ComposeEmail");
  portal->n_calls++;
  g_clear_pointer (&portal->parent_window, g_free);
  g_clear_pointer (&portal->options, g_variant_unref);
  g_variant_get (parameters, "(s@a{sv})", &portal->parent_window, &portal->options);

  handles = g_variant_lookup_value (portal->options, "attachment_fds", G_VARIANT_TYPE ("ah"));
  if (handles != NULL && g_variant_n_children (handles) == 1 && fds != NULL)
    {
      g_autoptr(GError) error = NULL;
      gint32 handle;
      char head[5] = { 0, };
      int fd;

      g_variant_get_child (handles, 0, "h", &handle);
      fd = g_unix_fd_list_get (fds, handle, &error);
      g_assert_no_error (error);
      g_assert_cmpint (read (fd, head, 4), ==, 4);
      close (fd);
      g_free (portal->attachment);
      portal->attachment = g_strdup (head);
    }

  g_variant_lookup (portal->options, "handle_token", "&s", &token);
  g_strdelimit (token_sender, ".", '_');
  request = g_strdup_printf ("%s/request/%s/%s", PORTAL_PATH, token_sender, token);

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", request));
  g_dbus_connection_emit_signal (bus, sender, request, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(u@a{sv})", portal->answer,
                                                g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                                 NULL);
}

static void
on_portal_name_acquired (GDBusConnection *bus,
                         const char      *name,
                         gpointer         data)
{
  ((FakePortal *)data)->owned = TRUE;
}

static gboolean
portal_owned (gpointer data)
{
  return ((FakePortal *)data)->owned;
}

static void
fake_portal_start (FakePortal *portal,
                   guint       answer)
{
  static const GDBusInterfaceVTable vtable = { portal_method_call, NULL, NULL, { 0, } };
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  memset (portal, 0, sizeof *portal);
  portal->answer = answer;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  portal->object_id = g_dbus_connection_register_object (bus, PORTAL_PATH, node->interfaces[0],
                                                         &vtable, portal, NULL, &error);
  g_assert_no_error (error);
  portal->owner_id = g_bus_own_name_on_connection (bus, PORTAL_BUS_NAME, G_BUS_NAME_OWNER_FLAGS_NONE,
                                                   on_portal_name_acquired, NULL, portal, NULL);
  g_assert_true (lb_gui_test_wait (portal_owned, portal, 5000));
}

static void
fake_portal_stop (FakePortal *portal)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  g_bus_unown_name (portal->owner_id);
  g_dbus_connection_unregister_object (bus, portal->object_id);
  g_clear_pointer (&portal->parent_window, g_free);
  g_clear_pointer (&portal->options, g_variant_unref);
  g_clear_pointer (&portal->attachment, g_free);
  iterate ();
}

/* tests: printing */

/* The print operation the window runs, exported to a file: as many
 * pages as the layout has, and the invoice's text on them. */
static void
test_print_export (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 60, TRUE);
  g_autofree char *path = g_build_filename (f->base.dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;
  int n_pages = 0;

  operation = lb_document_print_operation_new (f->base.store, LB_DOC_INVOICE, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);
  /* the job is named as the file would be */
  {
    g_autoptr(LbDocumentRender) render = lb_document_render_new (f->base.store, LB_DOC_INVOICE, id, NULL);
    g_autofree char *file_name = lb_document_render_dup_file_name (render);
    g_autofree char *job_name = NULL;

    g_object_get (operation, "job-name", &job_name, NULL);
    g_assert_true (g_str_has_suffix (file_name, ".pdf"));
    file_name[strlen (file_name) - 4] = '\0';
    g_assert_cmpstr (job_name, ==, file_name);
  }

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  assert_is_pdf (path);
  if (g_getenv ("LB_TEST_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("LB_TEST_SCREENSHOT_DIR"), "printed.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_file_get_contents (path, &contents, &length, NULL);
      g_file_set_contents (copy, contents, length, NULL);
    }
  g_object_get (operation, "n-pages", &n_pages, NULL);
  g_assert_cmpint (n_pages, >=, 1);
  if (pdf_pages (path) != 0)
    g_assert_cmpuint (pdf_pages (path), ==, n_pages);

  if (!renderer_draws (f, id))
    {
      g_test_message ("The renderer draws nothing yet: the text is not checked");
      return;
    }

  /* sixty lines do not fit on one page */
  g_assert_cmpint (n_pages, >, 1);
  text = run_tool ("pdftotext", "-layout", path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is missing");
      return;
    }
  g_assert_nonnull (strstr (text, "INV-2026-0001"));
  g_assert_nonnull (strstr (text, "Consulting, week 60"));
}

/* A document that does not exist is refused before any dialog. */
static void
test_print_missing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation =
    lb_document_print_operation_new (f->base.store, LB_DOC_INVOICE, 4242, &error);

  g_assert_null (operation);
  g_assert_nonnull (error);
}

static GtkWidget *
find_notebook (GtkWidget *root)
{
  if (GTK_IS_NOTEBOOK (root))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_notebook (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The print action opens GTK's print dialog with the page setup; it is
 * cancelled here. */
static void
test_print_dialog (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 3, TRUE);
  gboolean embed_page_setup = FALSE;
  GtkWindow *dialog;
  GType dialog_type;

  open_window (f, id);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.print", NULL));
  iterate ();

  /* GtkPrintUnixDialog, whose header is not among GTK's own */
  dialog_type = g_type_from_name ("GtkPrintUnixDialog");
  g_assert_true (dialog_type != 0);
  dialog = lb_gui_test_find_toplevel (dialog_type);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_object_get (dialog, "embed-page-setup", &embed_page_setup, NULL);
  g_assert_true (embed_page_setup);
  lb_gui_test_iterate (500);
  lb_gui_test_screenshot (GTK_WIDGET (dialog), "print-dialog");
  if (g_getenv ("LB_TEST_SCREENSHOT_DIR") != NULL)
    {
      GtkWidget *notebook = find_notebook (GTK_WIDGET (dialog));

      /* the page setup, embedded */
      g_assert_nonnull (notebook);
      gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook), 1);
      lb_gui_test_screenshot (GTK_WIDGET (dialog), "print-dialog-page-setup");
      gtk_notebook_set_current_page (GTK_NOTEBOOK (notebook), 0);
    }

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  iterate ();
  g_assert_null (lb_gui_test_find_toplevel (dialog_type));

  /* and again: nothing of the first one is left in the way */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.print", NULL));
  iterate ();
  dialog = lb_gui_test_find_toplevel (dialog_type);
  g_assert_nonnull (dialog);

  /* closing the window closes its print dialog */
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_null (f->window);
  g_assert_null (lb_gui_test_find_toplevel (dialog_type));
}

/* tests: export */

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 3, TRUE);
  g_autofree char *path = g_build_filename (f->base.dir, "INV-2026-0001.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!export_works (f, id))
    {
      g_test_skip ("the renderer is not built yet");
      return;
    }

  open_window (f, id);
  g_assert_true (lb_document_window_export_to (f->window, file));
  assert_is_pdf (path);
  assert_shows (GTK_WIDGET (f->window), "Saved INV-2026-0001.pdf");

  /* its Open button opens that file */
  {
    g_autoptr(GFile) opened = NULL;

    g_assert_nonnull (open_uri_target (GTK_WIDGET (f->window)));
    opened = g_file_new_for_uri (open_uri_target (GTK_WIDGET (f->window)));
    g_assert_true (g_file_equal (opened, file));
  }
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "document-exported");
}

/* The chooser offers the document's file name; what it returns is
 * written. */
static void
test_export_chooser (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 3, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbDocumentRender) render = lb_document_render_new (f->base.store, LB_DOC_INVOICE, id, &error);
  g_autofree char *suggested = lb_document_render_dup_file_name (render);
  g_autofree char *path = g_build_filename (f->base.dir, "chosen.pdf", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->base.dir);
  g_autofree char *current = NULL;
  gboolean works = export_works (f, id);
  GtkWindow *dialog;

#ifdef __SANITIZE_ADDRESS__
  /* GTK 4.8's file chooser dialog leaks (its tree view, libcloudproviders) */
  g_test_skip ("GTK's file chooser dialog leaks under LeakSanitizer");
  return;
#endif

  open_window (f, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.export-pdf", NULL));
  iterate ();

  dialog = lb_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (current, ==, suggested);
  g_assert_nonnull (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog)));

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "chosen.pdf");
  iterate ();
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  lb_gui_test_iterate (200);

  if (works)
    {
      assert_shows (GTK_WIDGET (f->window), "Saved chosen.pdf");
      assert_is_pdf (path);
    }
  else
    {
      g_autoptr(GError) refusal = NULL;

      g_assert_false (lb_document_export_pdf (f->base.store, LB_DOC_INVOICE, id, path, &refusal));
      assert_shows (GTK_WIDGET (f->window), refusal->message);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_null (lb_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  /* closing the window closes its chooser */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.export-pdf", NULL));
  lb_gui_test_iterate (300);
  g_assert_nonnull (lb_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_null (f->window);
  g_assert_null (lb_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

/* An export the core refuses: its message, and no file. */
static void
test_export_refused (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 3, TRUE);
  g_autofree char *missing = g_build_filename (f->base.dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "INV-2026-0001.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (lb_document_export_pdf (f->base.store, LB_DOC_INVOICE, id, path, &error));
  g_assert_nonnull (error);

  open_window (f, id);
  g_assert_false (lb_document_window_export_to (f->window, file));
  assert_shows (GTK_WIDGET (f->window), error->message);
  g_assert_false (shows_text (GTK_WIDGET (f->window), "Saved"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* nothing half-written beside it either */
  dir = g_dir_open (f->base.dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".pdf"));
}

/* tests: email */

/* No portal on the bus: the mail command gets the subject with the
 * number, the body with the balance, the PDF and the contact's address. */
static void
test_email_command (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 3, TRUE);
  g_auto(GStrv) args = NULL;
  g_autofree char *balance = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  LbDocTotals totals = { 0, };
  guint n;

  write_mail_script (f, 0);
  open_window (f, id);
  if (!export_works (f, id))
    {
      g_autoptr(GError) refusal = NULL;
      g_autofree char *probe = g_build_filename (f->base.dir, "x.pdf", NULL);

      /* the refusal is shown and no mail program runs */
      lb_document_export_pdf (f->base.store, LB_DOC_INVOICE, id, probe, &refusal);
      send_email_from_window (f);
      assert_shows (GTK_WIDGET (f->window), refusal->message);
      g_assert_false (g_file_test (f->record, G_FILE_TEST_EXISTS));
      g_test_skip ("the renderer is not built yet");
      return;
    }

  send_email_from_window (f);
  args = recorded_args (f);
  g_assert_nonnull (args);
  n = g_strv_length (args);

  assert_is_pdf (arg_after (args, "--attach"));
  assert_private_dir (arg_after (args, "--attach"));
  g_assert_true (g_str_has_suffix (arg_after (args, "--attach"), "INV-2026-0001.pdf"));
  g_assert_nonnull (strstr (arg_after (args, "--subject"), "INV-2026-0001"));
  g_assert_nonnull (strstr (arg_after (args, "--subject"), COMPANY));
  g_assert_cmpstr (args[n - 1], ==, CONTACT_EMAIL);
  g_assert_true (g_strv_contains ((const char * const *)args, "--utf8"));

  doc = lb_document_load (f->base.store, LB_DOC_INVOICE, id, NULL, &totals, &error);
  g_assert_no_error (error);
  balance = lb_money_format_locale (totals.balance, 2, lb_record_get_text (doc, LB_DOC_CURRENCY));
  lb_doc_totals_clear (&totals);
  g_assert_nonnull (strstr (arg_after (args, "--body"), balance));

  /* no error shown */
  g_assert_false (shows_text (GTK_WIDGET (f->window), "by hand"));

  /* the PDFs go with the folder */
  lb_document_share_clean_up ();
  g_assert_false (g_file_test (arg_after (args, "--attach"), G_FILE_TEST_EXISTS));
}

/* Without a contact, the account's address. */
static void
test_email_account_address (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 1, FALSE);
  g_auto(GStrv) args = NULL;

  if (!export_works (f, id))
    {
      g_test_skip ("the renderer is not built yet");
      return;
    }
  write_mail_script (f, 0);
  open_window (f, id);
  send_email_from_window (f);

  args = recorded_args (f);
  g_assert_nonnull (args);
  g_assert_cmpstr (args[g_strv_length (args) - 1], ==, ACCOUNT_EMAIL);
}

/* The toast's Open Folder opens the private folder with the PDF. */
static void
assert_folder_button (Fixture *f)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autofree char *path = NULL;

  g_assert_nonnull (open_uri_target (GTK_WIDGET (f->window)));
  folder = g_file_new_for_uri (open_uri_target (GTK_WIDGET (f->window)));
  pdf = g_file_get_child (folder, "INV-2026-0001.pdf");
  path = g_file_get_path (pdf);
  assert_is_pdf (path);
  assert_private_dir (path);
}

/* No mail program at all: the PDF to attach by hand, and its folder. */
static void
test_email_no_program (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 1, TRUE);
  g_autofree char *program = g_build_filename (f->base.dir, "no-such-mailer", NULL);

  if (!export_works (f, id))
    {
      g_test_skip ("the renderer is not built yet");
      return;
    }
  g_setenv ("LEADBOOK_MAIL_COMMAND", program, TRUE);
  open_window (f, id);
  send_email_from_window (f);

  assert_shows (GTK_WIDGET (f->window), "No mail program found: attach INV-2026-0001.pdf by hand");
  assert_folder_button (f);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "email-by-hand");
}

/* A mail program that fails: its failure, and where the PDF is. */
static void
test_email_command_fails (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 1, TRUE);

  if (!export_works (f, id))
    {
      g_test_skip ("the renderer is not built yet");
      return;
    }
  write_mail_script (f, 3);
  open_window (f, id);
  send_email_from_window (f);

  g_assert_true (g_file_test (f->record, G_FILE_TEST_EXISTS));
  assert_shows (GTK_WIDGET (f->window), "The mail program failed: attach INV-2026-0001.pdf by hand");
  assert_folder_button (f);
}

/* The portal composes: it gets the PDF as a file descriptor, the
 * subject and the address; the mail command does not run. */
static void
test_email_portal (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 1, TRUE);
  g_autofree char *subject = NULL;
  g_autofree const char **addresses = NULL;
  FakePortal portal;

  if (test_bus == NULL)
    {
      g_test_skip ("no dbus-daemon for a private session bus");
      return;
    }
  if (!export_works (f, id))
    {
      g_test_skip ("the renderer is not built yet");
      return;
    }

  write_mail_script (f, 0);
  fake_portal_start (&portal, 0);
  open_window (f, id);
  send_email_from_window (f);

  g_assert_cmpuint (portal.n_calls, ==, 1);
  g_assert_true (g_str_has_prefix (portal.parent_window, "x11:"));
  g_assert_cmpstr (portal.attachment, ==, "%PDF");
  g_assert_true (g_variant_lookup (portal.options, "subject", "s", &subject));
  g_assert_nonnull (strstr (subject, "INV-2026-0001"));
  g_assert_true (g_variant_lookup (portal.options, "addresses", "^a&s", &addresses));
  g_assert_cmpstr (addresses[0], ==, CONTACT_EMAIL);
  g_assert_false (g_file_test (f->record, G_FILE_TEST_EXISTS));
  g_assert_false (shows_text (GTK_WIDGET (f->window), "by hand"));

  fake_portal_stop (&portal);
}

/* A portal that cannot compose: the mail command is tried next. */
static void
test_email_portal_fails (Fixture       *f,
                         gconstpointer  data)
{
  gint64 id = add_sent_invoice (f, 1, TRUE);
  g_auto(GStrv) args = NULL;
  FakePortal portal;

  if (test_bus == NULL)
    {
      g_test_skip ("no dbus-daemon for a private session bus");
      return;
    }
  if (!export_works (f, id))
    {
      g_test_skip ("the renderer is not built yet");
      return;
    }

  write_mail_script (f, 0);
  fake_portal_start (&portal, 2);
  open_window (f, id);
  send_email_from_window (f);

  g_assert_cmpuint (portal.n_calls, ==, 1);
  args = recorded_args (f);
  g_assert_nonnull (args);
  assert_is_pdf (arg_after (args, "--attach"));

  fake_portal_stop (&portal);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");
  int status;

  /* A session bus of our own, where no portal runs unless a test puts
   * its fake there; without dbus-daemon, no session bus at all. */
  if (daemon != NULL)
    {
      g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

      test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (test_bus);
      /* GTestDBus unsets it, so that nothing reaches the X server's bus */
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
    }
  else
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/leadbook-test-bus", TRUE);

  lb_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/document-share/print-export", test_print_export);
  ADD ("/document-share/print-missing", test_print_missing);
  ADD ("/document-share/print-dialog", test_print_dialog);
  ADD ("/document-share/export", test_export);
  ADD ("/document-share/export-chooser", test_export_chooser);
  ADD ("/document-share/export-refused", test_export_refused);
  ADD ("/document-share/email-command", test_email_command);
  ADD ("/document-share/email-account-address", test_email_account_address);
  ADD ("/document-share/email-no-program", test_email_no_program);
  ADD ("/document-share/email-command-fails", test_email_command_fails);
  ADD ("/document-share/email-portal", test_email_portal);
  ADD ("/document-share/email-portal-fails", test_email_portal_fails);

#undef ADD

  status = lb_gui_test_run ();

  /* The bus goes with the program.  Not g_test_dbus_down(), nor the
   * last unref that calls it: they wait for the connection to the bus
   * to be finalized, and GTK keeps it to the end. */
  if (test_bus != NULL)
    {
      g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

      if (bus != NULL)
        g_dbus_connection_set_exit_on_close (bus, FALSE);
      g_test_dbus_stop (test_bus);
    }
  return status;
}
