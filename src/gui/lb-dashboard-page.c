#define G_LOG_DOMAIN "lb-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-dashboard-page.h"

/* How many hot leads the page lists. */
#define HOT_LEADS_SHOWN 10

#define N_STATUSES (LB_LEAD_STATUS_CONVERTED + 1)

/* What a query in the worker thread found. */
typedef struct
{
  gint64     total;
  gint64     counts[N_STATUSES];
  GPtrArray *hot;     /* LbLead */
} Summary;

struct _LbDashboardPage
{
  LbPage        parent_instance;

  GCancellable *cancellable;
  Summary      *summary;       /* the one shown, or NULL */
  gboolean      loading;
  GtkLabel     *count_labels[N_STATUSES];
  GtkLabel     *total_label;

  /* template children */
  AdwPreferencesGroup *status_group;
  GtkListBox          *hot_list;
};

G_DEFINE_FINAL_TYPE (LbDashboardPage, lb_dashboard_page, LB_TYPE_PAGE)

/* helpers */

static void
summary_free (Summary *summary)
{
  g_clear_pointer (&summary->hot, g_ptr_array_unref);
  g_free (summary);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Summary, summary_free)

static char *
format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

static GtkLabel *
add_count_row (LbDashboardPage *self,
               const char      *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new ("…");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->status_group, row);

  return GTK_LABEL (label);
}

static GtkWidget *
hot_row_new (LbLead *lead)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (lb_lead_get_title (lead), -1);
  g_autofree char *name = lb_lead_dup_full_name (lead);
  const char *company = lb_lead_get_display_company (lead);
  g_autofree char *detail = NULL;

  /* "Ann Lee · Acme", or whichever of the two there is. */
  if (name != NULL && *name != '\0' && company != NULL)
    detail = g_strdup_printf (C_("lead name and company", "%s · %s"), name, company);
  else if (name != NULL && *name != '\0')
    detail = g_strdup (name);
  else
    detail = g_strdup (company);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (detail != NULL)
    {
      g_autofree char *subtitle = g_markup_escape_text (detail, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (lb_lead_get_id (lead)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-lead");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
show_summary (LbDashboardPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hot_list))) != NULL)
    gtk_list_box_remove (self->hot_list, child);

  if (self->summary == NULL)
    {
      for (guint i = 0; i < N_STATUSES; i++)
        gtk_label_set_label (self->count_labels[i], "…");
      gtk_label_set_label (self->total_label, "…");
      return;
    }

  for (guint i = 0; i < N_STATUSES; i++)
    {
      g_autofree char *text = format_count (self->summary->counts[i]);
      gtk_label_set_label (self->count_labels[i], text);
    }
  {
    g_autofree char *text = format_count (self->summary->total);
    gtk_label_set_label (self->total_label, text);
  }

  for (guint i = 0; i < self->summary->hot->len; i++)
    gtk_list_box_append (self->hot_list, hot_row_new (g_ptr_array_index (self->summary->hot, i)));
}

/* Runs in a worker thread, on its own read-only connection. */
static void
summarize_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LbStore *store = task_data;
  g_autoptr(LbStore) reader = NULL;
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(Summary) summary = g_new0 (Summary, 1);
  GError *error = NULL;

  reader = lb_store_open_reader (store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  summary->total = lb_store_count_leads (reader, filter, &error);
  for (guint i = 0; i < N_STATUSES && error == NULL; i++)
    {
      filter->status = i;
      summary->counts[i] = lb_store_count_leads (reader, filter, &error);
    }
  if (error == NULL)
    summary->hot = lb_store_hot_leads (reader, HOT_LEADS_SHOWN, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&summary), (GDestroyNotify)summary_free);
}

static void
summarize_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LbDashboardPage *self = LB_DASHBOARD_PAGE (object);
  g_autoptr(GError) error = NULL;
  Summary *summary;

  summary = g_task_propagate_pointer (G_TASK (result), &error);
  if (summary == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (summary == NULL)
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  g_clear_pointer (&self->summary, summary_free);
  self->summary = summary;
  show_summary (self);
}

/* LbPage overrides */

static void
lb_dashboard_page_reload (LbPage *page)
{
  LbDashboardPage *self = LB_DASHBOARD_PAGE (page);
  LbStore *store = lb_page_get_store (page);
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (store == NULL)
    {
      self->loading = FALSE;
      g_clear_pointer (&self->summary, summary_free);
      show_summary (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  task = g_task_new (self, self->cancellable, summarize_done, NULL);
  g_task_set_source_tag (task, lb_dashboard_page_reload);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, summarize_thread);
}

/* GObject overrides */

static void
lb_dashboard_page_dispose (GObject *object)
{
  LbDashboardPage *self = (LbDashboardPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (lb_dashboard_page_parent_class)->dispose (object);
}

static void
lb_dashboard_page_finalize (GObject *object)
{
  LbDashboardPage *self = (LbDashboardPage *)object;

  g_clear_pointer (&self->summary, summary_free);

  G_OBJECT_CLASS (lb_dashboard_page_parent_class)->finalize (object);
}

/* class_init / init */

static void
lb_dashboard_page_class_init (LbDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LbPageClass *page_class = LB_PAGE_CLASS (klass);

  object_class->dispose = lb_dashboard_page_dispose;
  object_class->finalize = lb_dashboard_page_finalize;

  page_class->store_changed = lb_dashboard_page_reload;
  page_class->reload = lb_dashboard_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/lb-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbDashboardPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, LbDashboardPage, hot_list);
}

static void
lb_dashboard_page_init (LbDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_STATUSES; i++)
    self->count_labels[i] = add_count_row (self, lb_lead_status_to_label (i));
  self->total_label = add_count_row (self, _("All Leads"));
}

/* public API */

/* Whether the page is reading the database. */
gboolean
lb_dashboard_page_get_loading (LbDashboardPage *self)
{
  g_return_val_if_fail (LB_IS_DASHBOARD_PAGE (self), FALSE);
  return self->loading;
}

/* The number of live leads with @status the page shows, or -1 before
 * the first reading. */
gint64
lb_dashboard_page_get_count (LbDashboardPage *self,
                             LbLeadStatus     status)
{
  g_return_val_if_fail (LB_IS_DASHBOARD_PAGE (self), -1);
  g_return_val_if_fail (status < N_STATUSES, -1);

  return self->summary != NULL ? self->summary->counts[status] : -1;
}

/* The number of hot leads listed. */
guint
lb_dashboard_page_get_n_hot (LbDashboardPage *self)
{
  g_return_val_if_fail (LB_IS_DASHBOARD_PAGE (self), 0);

  return self->summary != NULL ? self->summary->hot->len : 0;
}
