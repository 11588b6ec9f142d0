#define G_LOG_DOMAIN "lb-document-share"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixfdlist.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-document-render.h"
#include "lb-document-share.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-store-crm.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Printing hands the pages of an LbDocumentRender to a
 * GtkPrintOperation: the page size comes from the print context, in
 * points, and the layout keeps its own margins (the full page is used).
 *
 * Sending by email writes the PDF into a private folder of this run
 * (made with g_dir_make_tmp, mode 0700), then asks the desktop portal
 * (org.freedesktop.portal.Email.ComposeEmail, the file passed as a file
 * descriptor) to open a new message with it attached.  Without the
 * portal, or when it cannot compose, it runs `xdg-email --attach FILE`
 * (no shell).  The environment variable LEADBOOK_MAIL_COMMAND names a
 * program to run instead of xdg-email, with the same arguments: a
 * particular mail program, or in the tests a script that records its
 * arguments.  With neither, the error names the PDF to attach by hand,
 * and lb_document_send_email_finish() gives its path.
 *
 * The mail client may read the attachment only when the message is
 * sent, possibly after Leadbook quit: the folder stays, and a later run
 * removes the folders of earlier runs that are more than a day old. */

#define PORTAL_BUS_NAME      "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH   "/org/freedesktop/portal/desktop"
#define PORTAL_EMAIL         "org.freedesktop.portal.Email"
#define PORTAL_REQUEST       "org.freedesktop.portal.Request"
#define MAIL_DIR_PREFIX      "leadbook-mail-"
#define MAIL_DIR_MAX_AGE     (24 * G_TIME_SPAN_HOUR)
#define PAGE_MARGIN          42.5     /* points: 15 mm */

/* An email on its way to the mail client; the data of its GTask. */
typedef struct
{
  char            *path;           /* the PDF */
  char            *subject;
  char            *body;
  char            *address;        /* nullable */
  char            *parent_handle;  /* "x11:XID" or "" */
  GDBusConnection *bus;
  char            *request_path;   /* the portal's request object */
  guint            response_id;    /* the subscription to its Response */
  gboolean         replied;        /* ComposeEmail returned */
  int              response;       /* the Response received first, or -1 */
} Mail;

static char *mail_dir;            /* this run's, made on the first email */
static guint n_pending;           /* emails not finished yet */

static void mail_run_command (GTask *task);

/* helpers: the mail folder */

/* Removes @path and the files in it (the folder holds only files). */
static void
remove_mail_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      if (g_unlink (file) != 0)
        g_debug ("Cannot remove %s: %s", file, g_strerror (errno));
    }
  if (g_rmdir (path) != 0)
    g_debug ("Cannot remove %s: %s", path, g_strerror (errno));
}

/* Removes this user's mail folders of earlier runs, once a day old. */
static void
sweep_mail_dirs (void)
{
  const char *tmp = g_get_tmp_dir ();
  g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);
  gint64 now = g_get_real_time ();
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, MAIL_DIR_PREFIX))
        continue;
      path = g_build_filename (tmp, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISDIR (st.st_mode) || st.st_uid != getuid ())
        continue;
      if (now - (gint64)st.st_mtime * G_USEC_PER_SEC > MAIL_DIR_MAX_AGE)
        remove_mail_dir (path);
    }
}

static const char *
ensure_mail_dir (GError **error)
{
  if (mail_dir == NULL)
    {
      sweep_mail_dirs ();
      mail_dir = g_dir_make_tmp (MAIL_DIR_PREFIX "XXXXXX", error);
    }
  return mail_dir;
}

/* helpers: the message */

/* Stops listening for the portal's answer. */
static void
mail_unsubscribe (Mail *mail)
{
  if (mail->response_id == 0)
    return;

  g_dbus_connection_signal_unsubscribe (mail->bus, mail->response_id);
  mail->response_id = 0;
}

static void
mail_free (Mail *mail)
{
  mail_unsubscribe (mail);
  g_clear_object (&mail->bus);
  g_free (mail->request_path);
  g_free (mail->path);
  g_free (mail->subject);
  g_free (mail->body);
  g_free (mail->address);
  g_free (mail->parent_handle);
  g_free (mail);

  g_assert (n_pending > 0);
  n_pending--;
}

/* The address to write to: the contact's, else the account's. */
static char *
document_address (LbStore  *store,
                  LbRecord *doc)
{
  gint64 contact_id = lb_record_get_int (doc, LB_DOC_CONTACT_ID);
  gint64 account_id = lb_record_get_int (doc, LB_DOC_ACCOUNT_ID);
  char *address = NULL;

  if (contact_id != 0)
    {
      g_autoptr(LbContact) contact = lb_store_get_contact (store, contact_id, NULL);

      if (contact != NULL)
        address = g_strdup (lb_contact_get_text (contact, LB_CONTACT_EMAIL));
    }
  if (address == NULL && account_id != 0)
    {
      g_autoptr(LbAccount) account = lb_store_get_account (store, account_id, NULL);

      if (account != NULL)
        address = g_strdup (lb_account_get_text (account, LB_ACCOUNT_EMAIL));
    }

  /* never an option to the mail program */
  if (address != NULL && address[0] == '-')
    g_clear_pointer (&address, g_free);
  return address;
}

/* The subject, body and address of the message about @doc, whose PDF
 * is called @file_name. */
static void
compose (Mail              *mail,
         LbStore           *store,
         LbDocKind          kind,
         LbRecord          *doc,
         const LbDocTotals *totals,
         const char        *file_name)
{
  gboolean invoice = kind == LB_DOC_INVOICE;
  const char *number = lb_record_get_text (doc, LB_DOC_NUMBER);
  const char *currency = lb_record_get_text (doc, LB_DOC_CURRENCY);
  const char *due_date = lb_record_get_text (doc, LB_DOC_DUE_DATE);
  gint64 balance = totals->balance;
  gint64 total = totals->total;
  guint decimals = lb_currency_decimals (currency);
  g_autofree char *company = lb_settings_get (store, LB_SETTING_COMPANY_NAME, NULL);
  g_autofree char *title = NULL;
  g_autofree char *attached = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *closing = NULL;

  if (number != NULL)
    /* Translators: e.g. "Invoice INV-2026-0001" */
    title = g_strdup_printf (invoice ? _("Invoice %s") : _("Order %s"), number);
  else
    title = g_strdup (invoice ? _("Draft Invoice") : _("Draft Order"));

  if (company != NULL)
    /* Translators: an email's subject, e.g. "Invoice INV-2026-0001 from Acme Ltd" */
    mail->subject = g_strdup_printf (_("%s from %s"), title, company);
  else
    mail->subject = g_steal_pointer (&title);

  /* Translators: in an email, the file attached, e.g. "INV-2026-0001.pdf" */
  attached = g_strdup_printf (_("Please find %s attached."), file_name);
  if (invoice && balance > 0)
    {
      g_autofree char *money = lb_money_format_locale (balance, decimals, currency);

      if (due_date != NULL)
        /* Translators: in an email, the balance of an invoice and its due date (YYYY-MM-DD) */
        amount = g_strdup_printf (_("The balance due is %s, payable by %s."), money, due_date);
      else
        /* Translators: in an email, the balance of an invoice */
        amount = g_strdup_printf (_("The balance due is %s."), money);
    }
  else
    {
      g_autofree char *money = lb_money_format_locale (total, decimals, currency);

      /* Translators: in an email, the total of an order or a paid invoice */
      amount = g_strdup_printf (_("The total is %s."), money);
    }
  if (company != NULL)
    /* Translators: the end of an email, with the company's name */
    closing = g_strdup_printf (_("Kind regards,\n%s"), company);
  else
    closing = g_strdup (_("Kind regards"));

  /* Translators: an email's greeting */
  mail->body = g_strdup_printf ("%s\n\n%s %s\n\n%s", _("Hello,"), attached, amount, closing);
  mail->address = document_address (store, doc);
}

/* How the portal names @parent: "x11:XID", or "" when it cannot. */
static char *
parent_handle (GtkWindow *parent)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;

  if (surface != NULL && GDK_IS_X11_SURFACE (surface))
    return g_strdup_printf ("x11:%lx", (unsigned long)gdk_x11_surface_get_xid (surface));
#endif
  return g_strdup ("");
}

/* Ends @task (and drops the reference the steps passed on). */
static void
mail_return (GTask  *task,
             GError *error)
{
  mail_unsubscribe (g_task_get_task_data (task));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* A message the user can act on: what failed, and the file to attach
 * (by its name: a toast has room for little more; the caller knows the
 * folder). */
static GError *
by_hand_error (Mail       *mail,
               const char *reason)
{
  g_autofree char *name = g_path_get_basename (mail->path);

  if (reason == NULL)
    return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                        /* Translators: %s is the name of a PDF file */
                        _("No mail program found: attach %s by hand"), name);

  g_message ("The mail program failed on %s: %s", mail->path, reason);
  return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                      /* Translators: %s is the name of a PDF file */
                      _("The mail program failed: attach %s by hand"), name);
}

/* callbacks: the portal */

/* Whether the portal's answer @response ends the task: 0 the message
 * is open, 1 the user cancelled; another answer means the portal could
 * not compose it, so the mail program is tried. */
static void
portal_answered (GTask *task,
                 guint  response)
{
  if (response <= 1)
    mail_return (task, NULL);
  else
    mail_run_command (task);
}

static void
on_portal_response (GDBusConnection *bus,
                    const char      *sender,
                    const char      *path,
                    const char      *interface,
                    const char      *signal_name,
                    GVariant        *parameters,
                    gpointer         data)
{
  GTask *task = data;
  Mail *mail = g_task_get_task_data (task);
  guint response = 2;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    g_variant_get (parameters, "(u@a{sv})", &response, NULL);

  mail_unsubscribe (mail);

  if (!mail->replied)
    {
      mail->response = response;
      return;
    }
  portal_answered (task, response);
}

static void
on_compose_returned (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  GTask *task = data;
  Mail *mail = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *handle = NULL;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), NULL, result, &error);
  if (reply == NULL)
    {
      g_debug ("The email portal cannot compose: %s", error->message);
      mail_unsubscribe (mail);
      mail_run_command (task);
      return;
    }

  mail->replied = TRUE;
  if (mail->response >= 0)
    {
      portal_answered (task, mail->response);
      return;
    }

  /* A portal older than handle_token answers on another path. */
  g_variant_get (reply, "(&o)", &handle);
  if (mail->response_id != 0 && g_strcmp0 (handle, mail->request_path) != 0)
    {
      mail_unsubscribe (mail);
      g_free (mail->request_path);
      mail->request_path = g_strdup (handle);
      mail->response_id = g_dbus_connection_signal_subscribe (mail->bus, PORTAL_BUS_NAME,
                                                              PORTAL_REQUEST, "Response",
                                                              mail->request_path, NULL,
                                                              G_DBUS_SIGNAL_FLAGS_NONE,
                                                              on_portal_response, task, NULL);
    }
}

static void
on_bus_ready (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GTask *task = data;
  Mail *mail = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUnixFDList) fds = NULL;
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  GVariantBuilder options;
  int fd;
  int handle;

  mail->bus = g_bus_get_finish (result, &error);
  if (mail->bus == NULL)
    {
      g_debug ("No session bus: %s", error->message);
      mail_run_command (task);
      return;
    }
  if ((g_dbus_connection_get_capabilities (mail->bus) & G_DBUS_CAPABILITY_FLAGS_UNIX_FD_PASSING) == 0)
    {
      mail_run_command (task);
      return;
    }

  fd = g_open (mail->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      mail_run_command (task);
      return;
    }
  fds = g_unix_fd_list_new ();
  handle = g_unix_fd_list_append (fds, fd, &error);
  close (fd);
  if (handle < 0)
    {
      mail_run_command (task);
      return;
    }

  /* Listen for the answer before asking, on the path the portal will
   * use for our token. */
  token = g_strdup_printf ("leadbook%u", g_random_int ());
  sender = g_strdup (g_dbus_connection_get_unique_name (mail->bus) + 1);
  g_strdelimit (sender, ".", '_');
  mail->request_path = g_strdup_printf ("%s/request/%s/%s", PORTAL_OBJECT_PATH, sender, token);
  mail->response_id = g_dbus_connection_signal_subscribe (mail->bus, PORTAL_BUS_NAME,
                                                          PORTAL_REQUEST, "Response",
                                                          mail->request_path, NULL,
                                                          G_DBUS_SIGNAL_FLAGS_NONE,
                                                          on_portal_response, task, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "subject", g_variant_new_string (mail->subject));
  g_variant_builder_add (&options, "{sv}", "body", g_variant_new_string (mail->body));
  if (mail->address != NULL)
    {
      const char *addresses[] = { mail->address, NULL };

      g_variant_builder_add (&options, "{sv}", "addresses", g_variant_new_strv (addresses, -1));
    }
  g_variant_builder_add (&options, "{sv}", "attachment_fds",
                         g_variant_new_fixed_array (G_VARIANT_TYPE_HANDLE, &handle, 1, sizeof (gint32)));

  g_dbus_connection_call_with_unix_fd_list (mail->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                                            PORTAL_EMAIL, "ComposeEmail",
                                            g_variant_new ("(sa{sv})", mail->parent_handle, &options),
                                            G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                            fds, g_task_get_cancellable (task),
                                            on_compose_returned, task);
}

/* callbacks: the mail program */

static void
on_command_exited (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  GTask *task = data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    {
      mail_return (task, by_hand_error (g_task_get_task_data (task), error->message));
      return;
    }
  mail_return (task, NULL);
}

/* Runs xdg-email (or LEADBOOK_MAIL_COMMAND) with the message. */
static void
mail_run_command (GTask *task)
{
  Mail *mail = g_task_get_task_data (task);
  const char *command = g_getenv ("LEADBOOK_MAIL_COMMAND");
  g_autofree char *program = g_find_program_in_path (command != NULL && *command != '\0' ? command
                                                                                        : "xdg-email");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (program == NULL)
    {
      mail_return (task, by_hand_error (mail, NULL));
      return;
    }

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, "--utf8");
  g_ptr_array_add (argv, "--subject");
  g_ptr_array_add (argv, mail->subject);
  g_ptr_array_add (argv, "--body");
  g_ptr_array_add (argv, mail->body);
  g_ptr_array_add (argv, "--attach");
  g_ptr_array_add (argv, mail->path);
  if (mail->address != NULL)
    g_ptr_array_add (argv, mail->address);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  if (process == NULL)
    {
      mail_return (task, by_hand_error (mail, error->message));
      return;
    }
  g_subprocess_wait_check_async (process, g_task_get_cancellable (task), on_command_exited, task);
}

/* callbacks: printing */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LbDocumentRender  *render)
{
  double margin = PAGE_MARGIN;
  double hard[4] = { 0, };

  /* never closer to the edge than the printer can print */
  if (gtk_print_context_get_hard_margins (context, &hard[0], &hard[1], &hard[2], &hard[3]))
    for (guint i = 0; i < G_N_ELEMENTS (hard); i++)
      margin = MAX (margin, hard[i]);

  lb_document_render_set_page (render,
                               gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context),
                               margin);
  gtk_print_operation_set_n_pages (operation,
                                   lb_document_render_paginate (render,
                                                                gtk_print_context_get_cairo_context (context)));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              LbDocumentRender  *render)
{
  lb_document_render_draw_page (render, gtk_print_context_get_cairo_context (context), page);
}

static void
release_render (gpointer  render,
                GClosure *closure)
{
  g_object_unref (render);
}

/* public API */

/**
 * lb_document_print_operation_new:
 * @store: the store
 * @kind: an order or an invoice
 * @id: the document
 * @error: the reason it cannot be read
 *
 * The document, read now, as a print operation ready to run: the print
 * dialog (with its preview and page setup), or an export to a file.
 *
 * Returns: (transfer full) (nullable): a new print operation
 */
GtkPrintOperation *
lb_document_print_operation_new (LbStore    *store,
                                 LbDocKind   kind,
                                 gint64      id,
                                 GError    **error)
{
  g_autoptr(LbDocumentRender) render = NULL;
  g_autofree char *file_name = NULL;
  GtkPrintOperation *operation;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  render = lb_document_render_new (store, kind, id, error);
  if (render == NULL)
    return NULL;

  /* the job is named as the file would be, without ".pdf" */
  file_name = lb_document_render_dup_file_name (render);
  if (g_str_has_suffix (file_name, ".pdf"))
    file_name[strlen (file_name) - strlen (".pdf")] = '\0';

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, file_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* the pages carry their own margins */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print),
                         g_object_ref (render), release_render, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_object_ref (render), release_render, 0);

  return operation;
}

/**
 * lb_document_send_email_async:
 * @store: the store
 * @kind: an order or an invoice
 * @id: the document
 * @parent: (nullable): the window the mail client's window belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the mail client has the message, or failed
 * @user_data: for @callback
 *
 * Writes the document as a PDF into a private folder and opens a new
 * message in the user's mail client with it attached, addressed to the
 * document's contact (else its account) with a subject and a short text
 * that give the number and the balance due.
 */
void
lb_document_send_email_async (LbStore             *store,
                              LbDocKind            kind,
                              gint64               id,
                              GtkWindow           *parent,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(LbDocumentRender) render = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  const char *dir = NULL;
  GTask *task;
  Mail *mail;

  g_return_if_fail (LB_IS_STORE (store));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  mail = g_new0 (Mail, 1);
  mail->response = -1;
  n_pending++;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lb_document_send_email_async);
  g_task_set_task_data (task, mail, (GDestroyNotify)mail_free);

  doc = lb_document_load (store, kind, id, NULL, &totals, &error);
  if (doc != NULL)
    render = lb_document_render_new (store, kind, id, &error);
  if (render != NULL)
    dir = ensure_mail_dir (&error);
  if (render == NULL || dir == NULL)
    {
      mail_return (task, g_steal_pointer (&error));
      return;
    }

  file_name = lb_document_render_dup_file_name (render);
  g_strdelimit (file_name, G_DIR_SEPARATOR_S, '-');
  mail->path = g_build_filename (dir, file_name, NULL);
  if (!lb_document_export_pdf (store, kind, id, mail->path, &error))
    {
      mail_return (task, g_steal_pointer (&error));
      return;
    }

  compose (mail, store, kind, doc, &totals, file_name);
  mail->parent_handle = parent_handle (parent);

  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_bus_ready, task);
}

/**
 * lb_document_send_email_finish:
 * @result: the result given to the callback
 * @pdf_path: (out) (optional) (nullable): the PDF written, %NULL when
 *   none was
 * @error: why the mail client did not get the message; the message
 *   names the PDF to attach by hand
 *
 * Returns: whether the mail client has the message (or the user
 *   cancelled it there)
 */
gboolean
lb_document_send_email_finish (GAsyncResult  *result,
                               char         **pdf_path,
                               GError       **error)
{
  Mail *mail;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lb_document_send_email_async, FALSE);

  mail = g_task_get_task_data (G_TASK (result));
  if (pdf_path != NULL)
    *pdf_path = mail->path != NULL && g_file_test (mail->path, G_FILE_TEST_EXISTS)
                ? g_strdup (mail->path) : NULL;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * lb_document_send_email_pending:
 *
 * Returns: how many emails are still on their way (their callbacks
 *   not run yet)
 */
guint
lb_document_send_email_pending (void)
{
  return n_pending;
}

/**
 * lb_document_share_clean_up:
 *
 * Removes the PDFs written for emails in this run, with their folder.
 */
void
lb_document_share_clean_up (void)
{
  if (mail_dir == NULL)
    return;

  remove_mail_dir (mail_dir);
  g_clear_pointer (&mail_dir, g_free);
}
