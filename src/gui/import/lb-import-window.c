#define G_LOG_DOMAIN "lb-import-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-import-window.h"

/* The Import Leads window (SPEC 3.9).  lb_import_leads() runs in a
 * worker thread on a connection of its own; its progress reaches the
 * progress bar through the main context, a few times a second.  The
 * import is one transaction: Cancel (or any failure that is not one
 * row's fault) leaves the database as it was, and the first step then
 * says so. */

/* How often the progress bar moves, at most. */
#define PROGRESS_INTERVAL_USEC (G_USEC_PER_SEC / 10)

/* The progress the worker reports, shared with the main thread. */
typedef struct
{
  GMutex        mutex;
  GMainContext *context;    /* the window's */
  GWeakRef      window;     /* used in the main thread only */
  guint64       done;
  guint64       total;
  gint64        last_shown; /* monotonic time of the last report sent */
  gboolean      pending;    /* a report is on its way to the main thread */
} Progress;

/* What the worker needs; it never touches the window. */
typedef struct
{
  char              *db_path;
  char              *path;
  LbDuplicatePolicy  duplicates;
  Progress          *progress;
} ImportJob;

struct _LbImportWindow
{
  AdwWindow             parent_instance;

  LbStore              *store;
  GFile                *file;
  GtkFileChooserNative *chooser;        /* while the file chooser is open */
  GCancellable         *cancellable;    /* while importing */
  GApplication         *held;           /* held while importing */
  LbImportResult       *result;
  char                 *message;
  gboolean              close_when_done;
  gboolean              disposed;

  /* template widgets */
  GtkWidget            *cancel_button;
  GtkWidget            *import_button;
  GtkWidget            *close_button;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkWidget            *choose_scroller;
  GtkWidget            *message_box;
  GtkImage             *message_icon;
  GtkLabel             *message_label;
  AdwActionRow         *file_row;
  GtkWidget            *choose_button;
  GtkCheckButton       *skip_check;
  GtkCheckButton       *update_check;
  GtkWidget            *columns_group;
  AdwExpanderRow       *columns_row;
  GtkLabel             *progress_title;
  GtkProgressBar       *progress_bar;
  GtkButton            *cancel_import_button;
  GtkImage             *result_icon;
  GtkLabel             *result_title;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *errors_group;
  GtkListView          *errors_list;
  GtkStringList        *error_lines;
  GtkWidget            *unknown_group;
  GtkLabel             *unknown_label;
};

G_DEFINE_FINAL_TYPE (LbImportWindow, lb_import_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void lb_import_window_update_actions (LbImportWindow *self);

/* helpers */

static void
progress_clear (gpointer data)
{
  Progress *progress = data;

  g_mutex_clear (&progress->mutex);
  g_weak_ref_clear (&progress->window);
  g_main_context_unref (progress->context);
}

static void
progress_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_clear);
}

static Progress *
progress_new (LbImportWindow *self)
{
  Progress *progress = g_atomic_rc_box_new0 (Progress);

  g_mutex_init (&progress->mutex);
  g_weak_ref_init (&progress->window, self);
  progress->context = g_main_context_ref_thread_default ();

  return progress;
}

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->db_path);
  g_free (job->path);
  g_clear_pointer (&job->progress, progress_release);
  g_free (job);
}

static gboolean
is_importing (LbImportWindow *self)
{
  return self->cancellable != NULL;
}

/* Shows @step; the focus goes to its main button. */
static void
show_step (LbImportWindow *self,
           const char     *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  lb_import_window_update_actions (self);

  if (g_str_equal (step, "choose"))
    gtk_widget_grab_focus (self->file != NULL ? self->import_button : self->choose_button);
  else if (g_str_equal (step, "importing"))
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_import_button));
  else
    gtk_widget_grab_focus (self->close_button);
}

/* Shows @message above the first step's form, as an error or (for a
 * cancelled import) as a plain note; %NULL hides it. */
static void
show_message (LbImportWindow *self,
              const char     *message,
              gboolean        is_error)
{
  g_free (self->message);
  self->message = g_strdup (message);

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);
  gtk_image_set_from_icon_name (self->message_icon,
                                is_error ? "dialog-error-symbolic" : "dialog-information-symbolic");
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_icon), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_icon), "error");
    }

  if (message != NULL)
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->choose_scroller));

      gtk_adjustment_set_value (adjustment, 0);
    }
}

/* The help text: one row per lead field, naming the column headers
 * the import takes for it. */
static void
fill_columns_help (LbImportWindow *self)
{
  const char * const *lines = lb_import_lead_columns ();
  guint n = 0;

  for (; lines != NULL && lines[n] != NULL; n++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[n], ":", 2);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (parts[0]));
      if (parts[1] != NULL && *g_strstrip (parts[1]) != '\0')
        {
          /* Translators: the other names a column may have */
          g_autofree char *aliases = g_strdup_printf (_("Also: %s"), parts[1]);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), aliases);
        }
      adw_expander_row_add_row (self->columns_row, row);
    }

  if (n > 0)
    {
      g_autofree char *subtitle =
        g_strdup_printf (ngettext ("%u lead field", "%u lead fields", n), n);

      adw_expander_row_set_subtitle (self->columns_row, subtitle);
    }
  gtk_widget_set_visible (self->columns_group, n > 0);
}

static char *
format_summary (const LbImportResult *result)
{
  g_autofree char *imported =
    g_strdup_printf (ngettext ("Imported %u lead", "Imported %u leads", result->imported),
                     result->imported);
  g_autofree char *updated =
    g_strdup_printf (ngettext ("updated %u", "updated %u", result->updated), result->updated);
  g_autofree char *skipped =
    g_strdup_printf (ngettext ("skipped %u duplicate", "skipped %u duplicates", result->skipped),
                     result->skipped);

  /* Translators: "Imported 3 leads", "updated 1", "skipped 2 duplicates" */
  return g_strdup_printf (_("%s, %s, %s."), imported, updated, skipped);
}

static void
show_result (LbImportWindow *self)
{
  const LbImportResult *result = self->result;
  g_autofree char *summary = format_summary (result);
  guint n_issues = result->errors != NULL ? result->errors->len : 0;
  guint n_unknown = result->unknown_columns != NULL ? result->unknown_columns->len : 0;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n_rows = 0;

  gtk_label_set_text (self->summary_label, summary);
  gtk_image_set_from_icon_name (self->result_icon,
                                n_issues > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic");

  for (guint i = 0; i < n_issues; i++)
    {
      const LbImportIssue *issue = &g_array_index (result->errors, LbImportIssue, i);

      if (issue->line > 0)
        {
          g_autofree char *line = g_strdup_printf (_("Line %u: %s"), issue->line, issue->message);

          g_strv_builder_add (lines, line);
          n_rows++;
        }
      else
        g_strv_builder_add (lines, issue->message);
    }
  strv = g_strv_builder_end (lines);
  gtk_string_list_splice (self->error_lines, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->error_lines)),
                          (const char * const *)strv);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), n_issues > 0);
  if (n_rows > 0)
    {
      g_autofree char *description =
        g_strdup_printf (ngettext ("%u row was left out. Fix it in the file, then import the file again.",
                                   "%u rows were left out. Fix them in the file, then import the file again.",
                                   n_rows),
                         n_rows);

      adw_preferences_group_set_description (self->errors_group, description);
    }
  else
    adw_preferences_group_set_description (self->errors_group, NULL);

  gtk_widget_set_visible (self->unknown_group, n_unknown > 0);
  if (n_unknown > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < n_unknown; i++)
        {
          if (i > 0)
            /* Translators: between the names of ignored columns */
            g_string_append (names, _(", "));
          g_string_append_printf (names, _("“%s”"),
                                  (const char *)g_ptr_array_index (result->unknown_columns, i));
        }
      text = g_strdup_printf (ngettext ("This column names no lead field and was ignored: %s.",
                                        "These columns name no lead field and were ignored: %s.",
                                        n_unknown),
                              names->str);
      gtk_label_set_text (self->unknown_label, text);
    }

  show_step (self, "result");
}

/* callbacks */

/* In the main thread: moves the progress bar to the latest report. */
static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  g_autoptr(LbImportWindow) self = g_weak_ref_get (&progress->window);
  guint64 done;
  guint64 total;

  g_mutex_lock (&progress->mutex);
  done = progress->done;
  total = progress->total;
  progress->pending = FALSE;
  g_mutex_unlock (&progress->mutex);

  if (self != NULL && !self->disposed && is_importing (self) && total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double)done / (double)total));

  return G_SOURCE_REMOVE;
}

/* In the worker thread: keeps the latest numbers and sends them to the
 * main thread when none are on their way and the last were a while ago. */
static void
import_progress_cb (guint64  bytes_done,
                    guint64  bytes_total,
                    gpointer user_data)
{
  Progress *progress = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean send = FALSE;

  g_mutex_lock (&progress->mutex);
  progress->done = bytes_done;
  progress->total = bytes_total;
  if (!progress->pending && now - progress->last_shown >= PROGRESS_INTERVAL_USEC)
    {
      progress->pending = TRUE;
      progress->last_shown = now;
      send = TRUE;
    }
  g_mutex_unlock (&progress->mutex);

  /* An idle source, not g_main_context_invoke(): that would run the
   * callback right here, in this thread, whenever the main thread is
   * not iterating its context at this instant. */
  if (send)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, show_progress_cb, g_atomic_rc_box_acquire (progress),
                             progress_release);
      g_source_set_static_name (source, "[leadbook] import progress");
      g_source_attach (source, progress->context);
    }
}

/* Runs in a worker thread, on its own connection to the database. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(LbStore) store = NULL;
  LbImportResult *result = NULL;
  GError *error = NULL;

  store = lb_store_open (job->db_path, &error);
  if (store != NULL)
    result = lb_import_leads (store, job->path, job->duplicates, cancellable,
                              import_progress_cb, job->progress, &error);

  if (result == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The import failed."));
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, (GDestroyNotify)lb_import_result_free);
}

static void
import_done (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  LbImportWindow *self = LB_IMPORT_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbImportResult) result = g_task_propagate_pointer (G_TASK (res), &error);

  g_clear_object (&self->cancellable);
  if (self->held != NULL)
    {
      g_application_release (self->held);
      g_clear_object (&self->held);
    }

  if (self->disposed)
    return;

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("The import was cancelled. Nothing was imported: "
                              "your leads are as they were."), FALSE);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("Nothing was imported. %s"), error->message);

          show_message (self, message, TRUE);
        }
      show_step (self, "choose");
    }
  else
    {
      g_clear_pointer (&self->result, lb_import_result_free);
      self->result = g_steal_pointer (&result);
      show_result (self);

      if (self->result->imported + self->result->updated > 0)
        g_signal_emit (self, signals[IMPORTED], 0, self->result->imported, self->result->updated);
    }

  if (self->close_when_done)
    gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (LbImportWindow       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        lb_import_window_set_file (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

/* actions */

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LbImportWindow *self = LB_IMPORT_WINDOW (widget);
  GtkFileFilter *csv = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  if (self->chooser != NULL || is_importing (self))
    return;

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Import Leads"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  g_object_unref (csv);
  g_object_unref (all);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbImportWindow *self = LB_IMPORT_WINDOW (widget);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GTask) task = NULL;
  GtkApplication *app;
  ImportJob *job;

  if (self->file == NULL || is_importing (self))
    return;

  name = g_file_get_basename (self->file);
  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a file on this computer. Copy it here, then choose the copy."),
                         name);

      show_message (self, message, TRUE);
      return;
    }

  show_message (self, NULL, FALSE);
  g_clear_pointer (&self->result, lb_import_result_free);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (lb_store_get_path (self->store));
  job->path = g_steal_pointer (&path);
  job->duplicates = lb_import_window_get_duplicates (self);
  job->progress = progress_new (self);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    {
      self->held = G_APPLICATION (g_object_ref (app));
      g_application_hold (self->held);
    }

  title = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_text (self->progress_title, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_button_set_label (self->cancel_import_button, _("_Cancel Import"));
  show_step (self, "importing");

  task = g_task_new (self, self->cancellable, import_done, NULL);
  g_task_set_source_tag (task, import_action);
  /* What the worker returns is the truth: an import that committed just
   * before Cancel was pressed is reported as done, not as cancelled. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/* Cancels the import while it runs (the window stays until the worker
 * has rolled back); closes the window otherwise. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbImportWindow *self = LB_IMPORT_WINDOW (widget);

  if (is_importing (self))
    {
      g_cancellable_cancel (self->cancellable);
      gtk_button_set_label (self->cancel_import_button, _("Cancelling…"));
      lb_import_window_update_actions (self);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Sets which actions can run and which header buttons show; the one
 * place that does. */
static void
lb_import_window_update_actions (LbImportWindow *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean choosing = g_strcmp0 (step, "choose") == 0;
  gboolean done = g_strcmp0 (step, "result") == 0;
  gboolean importing = is_importing (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", choosing && !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 choosing && !importing && self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel",
                                 !importing || !g_cancellable_is_cancelled (self->cancellable));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.close", done);

  gtk_widget_set_visible (self->cancel_button, choosing);
  gtk_widget_set_visible (self->import_button, choosing);
  gtk_widget_set_visible (self->close_button, done);
  gtk_widget_set_sensitive (GTK_WIDGET (self->skip_check), !importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->update_check), !importing);
}

/* GtkWindow overrides */

/* Closing while importing cancels, and closes once rolled back. */
static gboolean
lb_import_window_close_request (GtkWindow *window)
{
  LbImportWindow *self = LB_IMPORT_WINDOW (window);

  if (is_importing (self))
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (lb_import_window_parent_class)->close_request (window);
}

/* GObject overrides */

static void
lb_import_window_constructed (GObject *object)
{
  LbImportWindow *self = (LbImportWindow *)object;

  G_OBJECT_CLASS (lb_import_window_parent_class)->constructed (object);

  fill_columns_help (self);
  lb_import_window_update_actions (self);
}

static void
lb_import_window_dispose (GObject *object)
{
  LbImportWindow *self = (LbImportWindow *)object;

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_IMPORT_WINDOW);

  G_OBJECT_CLASS (lb_import_window_parent_class)->dispose (object);
}

static void
lb_import_window_finalize (GObject *object)
{
  LbImportWindow *self = (LbImportWindow *)object;

  g_clear_pointer (&self->result, lb_import_result_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_import_window_parent_class)->finalize (object);
}

static void
lb_import_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LbImportWindow *self = LB_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_import_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LbImportWindow *self = LB_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_import_window_class_init (LbImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lb_import_window_constructed;
  object_class->dispose = lb_import_window_dispose;
  object_class->finalize = lb_import_window_finalize;
  object_class->get_property = lb_import_window_get_property;
  object_class->set_property = lb_import_window_set_property;

  window_class->close_request = lb_import_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbImportWindow::imported:
   * @imported: how many new leads
   * @updated: how many existing leads were updated
   *
   * Emitted after an import that added or updated leads.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/import/lb-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, choose_scroller);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, message_box);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, message_icon);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, skip_check);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, update_check);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, columns_row);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, progress_title);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, cancel_import_button);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, result_icon);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, result_title);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, errors_group);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, errors_list);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, error_lines);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, unknown_group);
  gtk_widget_class_bind_template_child (widget_class, LbImportWindow, unknown_label);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose-file", NULL);
}

static void
lb_import_window_init (LbImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

/**
 * lb_import_window_new:
 * @parent: (nullable): the main window
 * @store: the open database
 *
 * Returns: (transfer none): a new Import Leads window, modal for @parent
 */
LbImportWindow *
lb_import_window_new (GtkWindow *parent,
                      LbStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  return g_object_new (LB_TYPE_IMPORT_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       NULL);
}

/* The file to import, as if chosen in the file chooser. */
void
lb_import_window_set_file (LbImportWindow *self,
                           GFile          *file)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (LB_IS_IMPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!is_importing (self));

  g_set_object (&self->file, file);

  name = g_file_get_basename (file);
  folder = g_file_get_parent (file);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->file_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  if (folder != NULL)
    {
      g_autofree char *where = g_file_get_parse_name (folder);
      adw_action_row_set_subtitle (self->file_row, where);
    }

  show_message (self, NULL, FALSE);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "choose") != 0)
    show_step (self, "choose");
  else
    lb_import_window_update_actions (self);
}

/**
 * lb_import_window_get_file:
 *
 * Returns: (transfer none) (nullable): the chosen file
 */
GFile *
lb_import_window_get_file (LbImportWindow *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_WINDOW (self), NULL);
  return self->file;
}

void
lb_import_window_set_duplicates (LbImportWindow    *self,
                                 LbDuplicatePolicy  duplicates)
{
  g_return_if_fail (LB_IS_IMPORT_WINDOW (self));

  gtk_check_button_set_active (duplicates == LB_DUPLICATES_UPDATE ? self->update_check
                                                                  : self->skip_check,
                               TRUE);
}

LbDuplicatePolicy
lb_import_window_get_duplicates (LbImportWindow *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_WINDOW (self), LB_DUPLICATES_SKIP);

  return gtk_check_button_get_active (self->update_check) ? LB_DUPLICATES_UPDATE
                                                          : LB_DUPLICATES_SKIP;
}

/* "choose", "importing" or "result". */
const char *
lb_import_window_get_step (LbImportWindow *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * lb_import_window_get_message:
 *
 * Returns: (nullable): what the first step says about the last try (the
 *   file could not be read, the import was cancelled), or %NULL
 */
const char *
lb_import_window_get_message (LbImportWindow *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_WINDOW (self), NULL);
  return self->message;
}

/**
 * lb_import_window_get_result:
 *
 * Returns: (nullable): what the last import did, once it finished
 */
const LbImportResult *
lb_import_window_get_result (LbImportWindow *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_WINDOW (self), NULL);
  return self->result;
}

/**
 * lb_import_window_get_cancellable:
 *
 * Returns: (transfer none) (nullable): the running import's cancellable
 */
GCancellable *
lb_import_window_get_cancellable (LbImportWindow *self)
{
  g_return_val_if_fail (LB_IS_IMPORT_WINDOW (self), NULL);
  return self->cancellable;
}
