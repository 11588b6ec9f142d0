#define G_LOG_DOMAIN "lb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-application.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-lead-window.h"
#include "lb-demo.h"
#include "lb-error.h"
#include "lb-preferences-window.h"
#include "lb-window.h"

/* How many leads --demo puts into a new demo database. */
#define DEMO_LEADS 500
#define DEMO_SEED  20240401
#define DEMO_INVOICES 60

struct _LbApplication
{
  AdwApplication  parent_instance;

  char           *db_path;   /* --db */
  gboolean        demo;      /* --demo */
  LbStore        *store;
  guint           n_backups; /* backups being written */
  char           *swept_on;  /* the date of the last overdue sweep */
  guint           date_watch;
};

G_DEFINE_FINAL_TYPE (LbApplication, lb_application, ADW_TYPE_APPLICATION)

static void show_open_error (LbApplication *self,
                             const char    *path,
                             const GError  *error);

/* helpers */

static LbWindow *
get_main_window (LbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (LB_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* Fills a new demo database, so --demo shows something to try. */
static gboolean
fill_demo (LbStore  *store,
           GError  **error)
{
  g_autoptr(LbLeadFilter) live = lb_lead_filter_new ();
  g_autoptr(LbLeadFilter) trash = lb_lead_filter_new ();
  gint64 n_live;
  gint64 n_trash;

  trash->trash = TRUE;
  n_live = lb_store_count_leads (store, live, error);
  if (n_live < 0)
    return FALSE;
  n_trash = lb_store_count_leads (store, trash, error);
  if (n_trash < 0)
    return FALSE;
  if (n_live + n_trash > 0)
    return TRUE;

  return lb_demo_add_leads (store, DEMO_LEADS, DEMO_SEED, NULL, NULL, error) &&
         lb_demo_add_invoices (store, DEMO_INVOICES, DEMO_SEED, error);
}

/* Runs in a worker thread on its own read-only connection, so a big
 * database does not hold up the first frame. */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LbStore *store = task_data;
  g_autoptr(LbStore) reader = NULL;
  g_autofree char *backup = NULL;
  GError *error = NULL;

  reader = lb_store_open_reader (store, &error);
  if (reader != NULL)
    backup = lb_store_daily_backup (reader, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&backup), g_free);
}

static void
backup_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LbApplication *self = LB_APPLICATION (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_task_propagate_pointer (G_TASK (result), &error);
  LbWindow *window = get_main_window (self);

  self->n_backups--;
  g_application_release (G_APPLICATION (self));

  if (error == NULL)
    {
      if (backup != NULL)
        g_debug ("Took today’s backup: %s", backup);
      return;
    }

  if (window != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      g_autofree char *text = g_strdup_printf (_("Today’s backup failed: %s"), escaped);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      lb_window_add_toast (window, toast);
    }
  else
    g_warning ("Today’s backup failed: %s", error->message);
}

/* Takes the day's backup (SPEC 6).  The application is held until it
 * is written, so quitting meanwhile never leaves half a backup. */
static void
take_daily_backup (LbApplication *self,
                   LbStore       *store)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, backup_done, NULL);

  g_task_set_source_tag (task, take_daily_backup);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_application_hold (G_APPLICATION (self));
  self->n_backups++;
  g_task_run_in_thread (task, backup_thread);
}

/* The overdue sweep (SPEC 3.6) runs when a database opens and again
 * whenever the date changes while Leadbook runs. */
static void
sweep_overdue (LbApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lb_store_today (self->store);
  LbWindow *window;
  int changed;

  changed = lb_invoice_sweep (self->store, today, &error);
  g_free (self->swept_on);
  self->swept_on = g_steal_pointer (&today);

  window = get_main_window (self);
  if (changed < 0 && window != NULL)
    lb_window_add_toast (window, adw_toast_new (error->message));
  else if (changed < 0)
    g_warning ("The overdue sweep failed: %s", error->message);
  else if (changed > 0)
    {
      GList *toplevels = gtk_window_list_toplevels ();

      if (window != NULL)
        lb_window_reload (window);
      /* An open invoice shows its new status too, and so do the
       * Invoices blocks of open leads. */
      for (GList *l = toplevels; l != NULL; l = l->next)
        if (LB_IS_DOCUMENT_WINDOW (l->data))
          lb_document_window_reload (l->data);
        else if (LB_IS_LEAD_WINDOW (l->data))
          lb_lead_window_refresh_documents (l->data);
      g_list_free (toplevels);
    }
}

/**
 * lb_application_check_date:
 *
 * Runs the overdue sweep when the date is no longer the one of the last
 * sweep; a timer calls it every minute.
 *
 * Returns: whether the date had changed
 */
gboolean
lb_application_check_date (LbApplication *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (LB_IS_APPLICATION (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  today = lb_store_today (self->store);
  if (g_strcmp0 (today, self->swept_on) == 0)
    return FALSE;

  sweep_overdue (self);
  return TRUE;
}

static gboolean
date_watch_cb (gpointer user_data)
{
  lb_application_check_date (user_data);

  return G_SOURCE_CONTINUE;
}

static void
restore_backup_response (LbApplication *self,
                         const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = lb_store_find_newest_backup (path);
  g_autofree char *aside = NULL;

  if (backup == NULL)
    return;

  if (!lb_store_restore_backup (path, backup, &aside, &error))
    {
      show_open_error (self, path, error);
      return;
    }

  g_message ("Restored %s from %s; the damaged file is now %s", path, backup, aside);
  lb_application_open_database (self, path);
}

/* callbacks */

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        LbApplication    *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "lb-path");

  if (g_strcmp0 (response, "restore") == 0)
    restore_backup_response (self, path);
}

static void
preferences_changed_cb (LbApplication *self)
{
  LbWindow *window = get_main_window (self);

  if (window != NULL)
    lb_window_refs_changed (window);
}

/* The database cannot be opened: say which file and why, and offer
 * the newest backup when the file is damaged.  The file itself is
 * never touched here. */
static void
show_open_error (LbApplication *self,
                 const char    *path,
                 const GError  *error)
{
  g_autofree char *backup = NULL;
  GtkWidget *dialog;

  if (g_error_matches (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_DATABASE))
    backup = lb_store_find_newest_backup (path);

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), NULL);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_object_set_data_full (G_OBJECT (dialog), "lb-path", g_strdup (path), g_free);

  if (backup != NULL)
    {
      g_autofree char *name = g_path_get_basename (backup);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nThe newest backup is “%s”. Restoring it puts the "
                                        "damaged file aside under a new name; nothing is deleted."),
                                      error->message, name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "quit", _("_Quit"),
                                        "restore", _("_Restore Newest Backup"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");

  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* actions */

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  LbApplication *self = user_data;
  LbWindow *window = get_main_window (self);
  LbPreferencesWindow *preferences;

  if (window == NULL)
    return;

  preferences = lb_preferences_window_new (GTK_WINDOW (window), lb_window_get_store (window));
  g_signal_connect_object (preferences, "changed", G_CALLBACK (preferences_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  LbApplication *self = user_data;
  static const char *developers[] = { N_("The Leadbook developers"), NULL };
  const char *translated[G_N_ELEMENTS (developers)];
  GtkWidget *about;

  for (guint i = 0; i < G_N_ELEMENTS (developers); i++)
    translated[i] = developers[i] != NULL ? _(developers[i]) : NULL;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Leadbook"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Leadbook developers"),
                        "developers", translated,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/leadbook/leadbook",
                        "issue-url", "https://github.com/leadbook/leadbook/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Leadbook developers"),
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  LbApplication *self = user_data;
  GList *windows;

  /* Close the windows rather than stop the main loop, so each one saves
   * its state (and an editor can ask about unsaved changes). */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* GApplication overrides */

static int
lb_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  LbApplication *self = LB_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  const char *db = NULL;

  g_variant_dict_lookup (options, "db", "^&ay", &db);
  self->demo = g_variant_dict_contains (options, "demo");
  if (db != NULL)
    self->db_path = g_strdup (db);

  if (self->demo && self->db_path != NULL)
    {
      g_printerr ("%s\n", _("Give either --db or --demo, not both."));
      return 2;
    }

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Only one Leadbook runs per user (SPEC 6): a second start raises
   * the running one, which keeps the database it has open. */
  if (g_application_get_is_remote (app) && (self->demo || self->db_path != NULL))
    {
      g_printerr ("%s\n", _("Leadbook is already running with its database open. "
                            "Quit it first to open another database."));
      return 1;
    }

  return G_APPLICATION_CLASS (lb_application_parent_class)->handle_local_options (app, options);
}

static void
lb_application_startup (GApplication *app)
{
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (lb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
lb_application_activate (GApplication *app)
{
  LbApplication *self = LB_APPLICATION (app);
  g_autofree char *path = NULL;
  LbWindow *window = get_main_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (self->demo)
    path = lb_application_dup_demo_path ();
  else if (self->db_path != NULL)
    path = g_strdup (self->db_path);
  else
    path = lb_store_default_path ();

  lb_application_open_database (self, path);
}

/* GObject overrides */

static void
lb_application_finalize (GObject *object)
{
  LbApplication *self = (LbApplication *)object;

  g_clear_handle_id (&self->date_watch, g_source_remove);
  g_clear_pointer (&self->swept_on, g_free);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_application_parent_class)->finalize (object);
}

/* class_init / init */

static void
lb_application_class_init (LbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = lb_application_finalize;

  app_class->handle_local_options = lb_application_handle_local_options;
  app_class->startup = lb_application_startup;
  app_class->activate = lb_application_activate;
}

static void
lb_application_init (LbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database FILE instead of your own (also: LEADBOOK_DB)"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Try Leadbook on a separate database filled with demo leads"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/* public API */

/**
 * lb_application_new:
 * @flags: G_APPLICATION_DEFAULT_FLAGS for the program;
 *   G_APPLICATION_NON_UNIQUE for tests
 */
LbApplication *
lb_application_new (GApplicationFlags flags)
{
  return g_object_new (LB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/leadbook/Leadbook",
                       NULL);
}

/**
 * lb_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open database
 */
LbStore *
lb_application_get_store (LbApplication *self)
{
  g_return_val_if_fail (LB_IS_APPLICATION (self), NULL);
  return self->store;
}

/* Whether the application runs on the demo database (--demo). */
gboolean
lb_application_get_demo (LbApplication *self)
{
  g_return_val_if_fail (LB_IS_APPLICATION (self), FALSE);
  return self->demo;
}

/* Whether the day's backup is still being written. */
gboolean
lb_application_get_busy (LbApplication *self)
{
  g_return_val_if_fail (LB_IS_APPLICATION (self), FALSE);
  return self->n_backups > 0;
}

/* Where --demo keeps its database, apart from the user's own. */
char *
lb_application_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "leadbook", "demo.db", NULL);
}

/**
 * lb_application_open_database:
 * @path: the database file
 *
 * Opens @path, takes the daily backup and shows the main window on it;
 * or, when the file cannot be opened, a dialog naming the file and the
 * reason (offering the newest backup of a damaged file).  The
 * application must be registered.
 *
 * Returns: %TRUE when the main window shows @path
 */
gboolean
lb_application_open_database (LbApplication *self,
                              const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbStore) store = NULL;
  LbWindow *window;

  g_return_val_if_fail (LB_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = lb_store_open (path, &error);
  if (store != NULL && self->demo && !fill_demo (store, &error))
    g_clear_object (&store);
  if (store == NULL)
    {
      show_open_error (self, path, error);
      return FALSE;
    }

  g_set_object (&self->store, store);
  sweep_overdue (self);
  window = lb_window_new (self, store);
  gtk_window_present (GTK_WINDOW (window));
  take_daily_backup (self, store);
  if (self->date_watch == 0)
    self->date_watch = g_timeout_add_seconds (60, date_watch_cb, self);

  return TRUE;
}
