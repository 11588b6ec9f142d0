#define G_LOG_DOMAIN "lb-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-import-window.h"
#include "lb-lead-actions.h"
#include "lb-lead-import.h"
#include "lb-lead-window.h"
#include "lb-leads-page.h"
#include "lb-toasts.h"
#include "lb-window-private.h"

/* Where the window keeps the export's file chooser while it is open. */
#define EXPORT_CHOOSER_KEY "lb-export-chooser"

/* What an export's worker needs (SPEC 3.9). */
typedef struct
{
  LbStore      *store;
  LbLeadFilter *filter;
  GFile        *file;
  char         *path;
  GApplication *held;     /* held until the export is done */
} ExportJob;

/* helpers */

static void
set_enabled (LbWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
show_error (LbWindow     *self,
            const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  lb_window_add_toast (self, toast);
}

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->store);
  g_clear_pointer (&job->filter, lb_lead_filter_free);
  g_clear_object (&job->file);
  g_free (job->path);
  g_assert (job->held == NULL);
  g_free (job);
}

/* The leads the Leads page shows, in its order: what Export writes. */
static LbLeadFilter *
dup_leads_filter (LbWindow *self)
{
  GtkWidget *page = lb_window_get_page_widget (self, "leads");
  LbLeadList *list = LB_IS_LEADS_PAGE (page) ? lb_leads_page_get_list (LB_LEADS_PAGE (page)) : NULL;

  if (list != NULL)
    return lb_lead_filter_copy (lb_lead_list_get_filter (list));

  return lb_lead_filter_new ();
}

/* callbacks */

static void
leads_imported_cb (LbWindow       *self,
                   guint           imported,
                   guint           updated,
                   LbImportWindow *window)
{
  lb_window_reload (self);
}

/* Runs in a worker thread, on a read-only connection of its own. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(LbStore) reader = NULL;
  GError *error = NULL;
  guint n = 0;

  reader = lb_store_open_reader (job->store, &error);
  if (reader == NULL ||
      !lb_export_leads (reader, job->filter, job->path, &n, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LbWindow *self = LB_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *uri = g_file_get_uri (job->file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (job->held != NULL)
    {
      g_application_release (job->held);
      g_clear_object (&job->held);
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The leads were not exported. %s"), error->message);
      g_autoptr(GError) shown = g_error_new_literal (error->domain, error->code, message);

      show_error (self, shown);
      return;
    }

  title = g_strdup_printf (ngettext ("Exported %u lead to %s", "Exported %u leads to %s", (guint)n),
                           (guint)n, escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 10);
  lb_window_add_toast (self, toast);
}

static void
export_chooser_response_cb (LbWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_set_data (G_OBJECT (self), EXPORT_CHOOSER_KEY, NULL);

  if (file != NULL)
    lb_window_export_leads_to (self, file);
}

static void
lead_saved_cb (LbWindow     *self,
               gint64        lead_id,
               LbLeadWindow *window)
{
  lb_window_reload (self);
}

static void
lead_trashed_cb (LbWindow     *self,
                 gint64        lead_id,
                 LbLeadWindow *window)
{
  g_autoptr(LbLead) lead = lb_store_get_lead (self->store, lead_id, NULL);

  lb_window_reload (self);
  lb_window_add_toast (self, lb_toast_new_trashed (lead_id,
                                                   lead != NULL ? lb_lead_get_title (lead) : NULL));
}

/* An editor already open on @lead_id, so a second "Open" raises it. */
static GtkWindow *
find_lead_window (LbWindow *self,
                  gint64    lead_id)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (lead_id == 0 || app == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (LB_IS_LEAD_WINDOW (l->data) &&
          lb_lead_window_get_lead_id (LB_LEAD_WINDOW (l->data)) == lead_id)
        return l->data;
    }

  return NULL;
}

static void
open_lead (LbWindow *self,
           gint64    lead_id)
{
  GtkWindow *window = find_lead_window (self, lead_id);

  if (window == NULL)
    {
      window = GTK_WINDOW (lb_lead_window_new (GTK_WINDOW (self), self->store, lead_id));
      g_signal_connect_object (window, "saved", G_CALLBACK (lead_saved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "trashed", G_CALLBACK (lead_trashed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

/* actions */

static void
go_back_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  LbWindow *self = user_data;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
new_lead_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  open_lead (LB_WINDOW (user_data), 0);
}

static void
open_lead_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  open_lead (LB_WINDOW (user_data), g_variant_get_int64 (param));
}

/* The Undo of a delete: brings the lead back unless its email or phone
 * was taken meanwhile, which the toast then explains. */
static void
restore_lead_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  LbWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lb_lead_restore (self->store, g_variant_get_int64 (param), &error))
    show_error (self, error);

  lb_window_reload (self);
}

static void
import_leads_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  LbWindow *self = user_data;
  LbImportWindow *window = lb_import_window_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (window, "imported", G_CALLBACK (leads_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* Asks where to write the leads the Leads page shows. */
static void
export_leads_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  LbWindow *self = user_data;
  GtkFileChooserNative *chooser;
  GtkFileFilter *csv;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (g_object_get_data (G_OBJECT (self), EXPORT_CHOOSER_KEY) != NULL)
    return;

  now = g_date_time_new_from_unix_local (lb_store_now (self->store));
  date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name Export Leads suggests; %s is the date */
  name = g_strdup_printf (_("leads-%s.csv"), date);

  chooser = gtk_file_chooser_native_new (_("Export Leads"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  csv = gtk_file_filter_new ();
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  g_object_unref (csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  /* The window keeps the chooser until it answers. */
  g_object_set_data_full (G_OBJECT (self), EXPORT_CHOOSER_KEY, chooser, g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The Open button of the "Exported" toast. */
static void
open_file_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  gtk_show_uri (GTK_WINDOW (user_data), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  LbWindow *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  if (lb_window_get_page_widget (self, name) != NULL)
    lb_window_show_page (self, name);
}

static const GActionEntry action_entries[] = {
  { "go-back", go_back_action },
  { "new-lead", new_lead_action },
  { "open-lead", open_lead_action, "x" },
  { "restore-lead", restore_lead_action, "x" },
  { "show-page", show_page_action, "s" },
  { "import-leads", import_leads_action },
  { "export-leads", export_leads_action },
  { "open-file", open_file_action, "s" },
};

/* public API */

void
_lb_window_actions_init (LbWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  _lb_window_actions_update (self);
}

/* Sets which window actions can run now; the one place that does. */
void
_lb_window_actions_update (LbWindow *self)
{
  gboolean has_store = self->store != NULL;
  gboolean can_go_back = adw_leaflet_get_folded (self->leaflet) &&
                         adw_leaflet_get_visible_child (self->leaflet) != self->sidebar;

  set_enabled (self, "go-back", can_go_back);
  set_enabled (self, "new-lead", has_store);
  set_enabled (self, "open-lead", has_store);
  set_enabled (self, "restore-lead", has_store);
  set_enabled (self, "import-leads", has_store);
  set_enabled (self, "export-leads", has_store);
}

/**
 * lb_window_export_leads_to:
 * @file: where to write
 *
 * Writes the leads the Leads page shows (its filter and order) to @file
 * as CSV, in a worker thread; a toast then says how many, or why not.
 * What Export Leads… does with the file the user chose.
 */
void
lb_window_export_leads_to (LbWindow *self,
                           GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (LB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ExportJob, 1);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error =
        g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("“%s” is not a file on this computer. Choose a folder here."), name);

      export_job_free (job);
      show_error (self, error);
      return;
    }
  job->store = g_object_ref (self->store);
  job->filter = dup_leads_filter (self);
  job->file = g_object_ref (file);

  task = g_task_new (self, NULL, export_done, NULL);
  g_task_set_source_tag (task, lb_window_export_leads_to);
  g_task_set_task_data (task, job, export_job_free);
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      job->held = G_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (job->held);
    }
  g_task_run_in_thread (task, export_thread);
}
