#define G_LOG_DOMAIN "lb-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-convert-window.h"
#include "lb-dashboard-page.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-validate.h"

/* The first page: leads by status, the hot leads (each with Open and
 * Convert), the open deal value of each pipeline stage as bars, and
 * the overdue invoices.  Everything is read in a worker thread on a
 * read-only connection. */

/* How many hot leads and overdue invoices the page lists. */
#define HOT_LEADS_SHOWN 10
#define OVERDUE_SHOWN 10

#define N_STATUSES (LB_LEAD_STATUS_CONVERTED + 1)

/* What a query in the worker thread found. */
typedef struct
{
  gint64     total;
  gint64     counts[N_STATUSES];
  GPtrArray *hot;        /* LbLead */
  GPtrArray *stages;     /* LbStageTotal, every stage of every pipeline in order */
  GPtrArray *overdue;    /* LbRecord: the first overdue invoices, totals filled */
  guint      n_overdue;  /* all of them */
  char      *currency;   /* the currency setting */
  char      *today;      /* YYYY-MM-DD */
} Summary;

struct _LbDashboardPage
{
  LbPage        parent_instance;

  GCancellable *cancellable;
  Summary      *summary;       /* the one shown, or NULL */
  gboolean      loading;
  GtkLabel     *count_labels[N_STATUSES];
  GtkLabel     *total_label;
  GHashTable   *stage_labels;  /* "pipeline\nstage" → the GtkLabel with its total */

  /* template children */
  AdwPreferencesGroup *status_group;
  GtkListBox          *hot_list;
  GtkBox              *stages_box;
  GtkListBox          *overdue_list;
  GtkLabel            *overdue_more_label;
};

G_DEFINE_FINAL_TYPE (LbDashboardPage, lb_dashboard_page, LB_TYPE_PAGE)

/* helpers */

static void
summary_free (Summary *summary)
{
  g_clear_pointer (&summary->hot, g_ptr_array_unref);
  g_clear_pointer (&summary->stages, g_ptr_array_unref);
  g_clear_pointer (&summary->overdue, g_ptr_array_unref);
  g_free (summary->currency);
  g_free (summary->today);
  g_free (summary);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Summary, summary_free)

static char *
format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

static char *
format_money (gint64      amount,
              const char *currency)
{
  return lb_money_format_locale (amount, lb_currency_decimals (currency), currency);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWindow *
parent_window (LbDashboardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
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
lead_button_new (const char *label,
                 const char *tooltip,
                 const char *action,
                 gint64      lead_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (lead_id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

/* A hot lead: its title, name and company, and its two actions.  The
 * row itself opens the lead too. */
static GtkWidget *
hot_row_new (LbLead *lead)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = g_markup_escape_text (lb_lead_get_title (lead), -1);
  g_autofree char *name = lb_lead_dup_full_name (lead);
  const char *company = lb_lead_get_display_company (lead);
  g_autofree char *detail = NULL;
  g_autofree char *open_tooltip = NULL;
  g_autofree char *convert_tooltip = NULL;
  gint64 id = lb_lead_get_id (lead);

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

  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  /* Translators: a hot lead's button tooltip; %s is the lead's title */
  open_tooltip = g_strdup_printf (_("Open “%s”"), lb_lead_get_title (lead));
  /* Translators: a hot lead's button tooltip; %s is the lead's title */
  convert_tooltip = g_strdup_printf (_("Convert “%s” to a contact, account and deal"),
                                     lb_lead_get_title (lead));
  gtk_box_append (GTK_BOX (buttons),
                  lead_button_new (_("_Open"), open_tooltip, "win.open-lead", id));
  gtk_box_append (GTK_BOX (buttons),
                  lead_button_new (_("Con_vert"), convert_tooltip, "dashboard.convert-lead", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-lead");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

/* The largest open value of a stage in @currency. */
static gint64
largest_value (GPtrArray  *stages,
               const char *currency)
{
  gint64 largest = 0;

  for (guint i = 0; i < stages->len; i++)
    {
      LbStageTotal *total = g_ptr_array_index (stages, i);

      if (g_strcmp0 (total->currency, currency) == 0)
        largest = MAX (largest, total->value);
    }

  return largest;
}

/* One bar: the stage's name and total above it, its number of open
 * deals below.  The bar is the stage's value against the largest
 * stage of the same currency. */
static GtkWidget *
stage_row_new (LbDashboardPage *self,
               LbStageTotal    *total)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (total->stage);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *caption = gtk_label_new (NULL);
  g_autofree char *value_text = NULL;
  g_autofree char *deals_text = NULL;
  g_autofree char *accessible = NULL;
  gint64 largest = 0;
  gint64 per_mille = 0;

  if (total->n_deals == 0)
    value_text = format_money (0, self->summary->currency);
  else if (total->currency == NULL)
    value_text = g_strdup (_("Several currencies"));
  else
    {
      value_text = format_money (total->value, total->currency);
      largest = largest_value (self->summary->stages, total->currency);
    }
  if (largest > 0 && !lb_money_mul_div_round (total->value, 1000, largest, &per_mille))
    per_mille = 0;

  if (total->n_deals == 0)
    deals_text = g_strdup (_("No open deals"));
  else
    {
      g_autofree char *count = format_count (total->n_deals);

      /* Translators: %s is a number of deals, e.g. "1,234" */
      deals_text = g_strdup_printf (ngettext ("%s open deal", "%s open deals", (gulong)total->n_deals),
                                    count);
    }

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_text (GTK_LABEL (value), value_text);
  gtk_label_set_xalign (GTK_LABEL (value), 1.0);
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), value);

  /* A fraction for drawing only; the amounts stay integers. */
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), per_mille / 1000.0);

  gtk_label_set_text (GTK_LABEL (caption), deals_text);
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: what a screen reader says of a stage's bar: "Proposal: €1,200.00, 2 open deals" */
  accessible = g_strdup_printf (_("%s: %s, %s"), total->stage, value_text, deals_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  g_hash_table_insert (self->stage_labels, g_strdup_printf ("%s\n%s", total->pipeline, total->stage),
                       value);

  return row;
}

static void
show_stages (LbDashboardPage *self)
{
  GPtrArray *stages = self->summary->stages;
  GtkListBox *list = NULL;
  const char *pipeline = NULL;
  gboolean several = FALSE;

  for (guint i = 1; i < stages->len && !several; i++)
    several = g_strcmp0 (((LbStageTotal *)g_ptr_array_index (stages, i))->pipeline,
                         ((LbStageTotal *)g_ptr_array_index (stages, 0))->pipeline) != 0;

  if (stages->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("There are no pipelines. Add one in Preferences."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->stages_box, label);
      return;
    }

  for (guint i = 0; i < stages->len; i++)
    {
      LbStageTotal *total = g_ptr_array_index (stages, i);

      /* A list per pipeline, under its name when there are several. */
      if (list == NULL || g_strcmp0 (total->pipeline, pipeline) != 0)
        {
          pipeline = total->pipeline;
          if (several)
            {
              GtkWidget *heading = gtk_label_new (pipeline);

              gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
              gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
              gtk_widget_add_css_class (heading, "heading");
              gtk_box_append (self->stages_box, heading);
            }
          list = GTK_LIST_BOX (gtk_list_box_new ());
          gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
          gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          pipeline, -1);
          gtk_box_append (self->stages_box, GTK_WIDGET (list));
        }

      gtk_list_box_append (list, stage_row_new (self, total));
    }
}

/* An overdue invoice: number and customer, due date and how late it
 * is, and its balance. */
static GtkWidget *
overdue_row_new (LbDashboardPage *self,
                 LbRecord        *invoice)
{
  GtkWidget *row = adw_action_row_new ();
  const char *number = lb_record_get_text (invoice, LB_DOC_NUMBER);
  const char *customer = lb_record_get_text (invoice, LB_DOC_ACCOUNT_NAME);
  const char *due = lb_record_get_text (invoice, LB_DOC_DUE_DATE);
  const char *currency = lb_record_get_text (invoice, LB_DOC_CURRENCY);
  g_autofree char *title = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *subtitle_markup = NULL;
  g_autofree char *balance = format_money (lb_record_get_int (invoice, LB_DOC_BALANCE), currency);
  GtkWidget *balance_label = gtk_label_new (balance);
  GDate due_date;
  GDate today;

  /* Translators: an overdue invoice: its number and its customer */
  title = g_strdup_printf (C_("invoice number and customer", "%s · %s"),
                           number != NULL ? number : _("Draft"),
                           customer != NULL ? customer : _("No customer"));

  if (due != NULL && lb_parse_date (due, &due_date, NULL) &&
      lb_parse_date (self->summary->today, &today, NULL) &&
      g_date_days_between (&due_date, &today) > 0)
    {
      int days = g_date_days_between (&due_date, &today);

      /* Translators: "Due 2026-01-31 · 12 days overdue" */
      subtitle = g_strdup_printf (ngettext ("Due %s · %d day overdue", "Due %s · %d days overdue", days),
                                  due, days);
    }
  else if (due != NULL)
    subtitle = g_strdup_printf (_("Due %s"), due);

  title_markup = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle != NULL)
    {
      subtitle_markup = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
    }

  gtk_widget_add_css_class (balance_label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), balance_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
show_overdue (LbDashboardPage *self)
{
  Summary *summary = self->summary;

  for (guint i = 0; i < summary->overdue->len; i++)
    gtk_list_box_append (self->overdue_list, overdue_row_new (self, g_ptr_array_index (summary->overdue, i)));

  if (summary->n_overdue > summary->overdue->len)
    {
      guint more = summary->n_overdue - summary->overdue->len;
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more overdue invoice.",
                                                         "And %u more overdue invoices.", more),
                                               more);

      gtk_label_set_text (self->overdue_more_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_more_label),
                          summary->n_overdue > summary->overdue->len);
}

static void
show_summary (LbDashboardPage *self)
{
  GtkWidget *child;

  clear_list (self->hot_list);
  clear_list (self->overdue_list);
  g_hash_table_remove_all (self->stage_labels);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box))) != NULL)
    gtk_box_remove (self->stages_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_more_label), FALSE);

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

  show_stages (self);
  show_overdue (self);
}

/* The first overdue invoices, oldest due date first, each loaded with
 * its totals for the balance; @n_total gets how many there are. */
static GPtrArray *
read_overdue (LbStore  *reader,
              guint    *n_total,
              GError  **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) invoices = NULL;
  LbDocFilter filter;

  lb_doc_filter_init (&filter, LB_DOC_INVOICE);
  filter.status = LB_INVOICE_STATUS_OVERDUE;
  filter.overdue_first = TRUE;

  invoices = lb_store_list_documents (reader, &filter, error);
  if (invoices == NULL)
    return NULL;

  *n_total = g_list_model_get_n_items (invoices);
  for (guint i = 0; i < MIN (*n_total, OVERDUE_SHOWN); i++)
    {
      g_autoptr(LbRecord) item = g_list_model_get_item (invoices, i);
      LbRecord *invoice = lb_document_load (reader, LB_DOC_INVOICE,
                                            lb_record_get_int (item, LB_DOC_ID), NULL, NULL, error);

      if (invoice == NULL)
        return NULL;
      g_ptr_array_add (loaded, invoice);
    }

  return g_steal_pointer (&loaded);
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
  if (error == NULL)
    summary->stages = lb_store_stage_totals (reader, &error);
  if (error == NULL)
    summary->overdue = read_overdue (reader, &summary->n_overdue, &error);
  if (error == NULL)
    {
      summary->currency = lb_settings_get (reader, LB_SETTING_CURRENCY, NULL);
      summary->today = lb_store_today (reader);
    }

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
  lb_store_release_memory ();
}

/* callbacks */

static void
lead_converted_cb (LbDashboardPage *self,
                   gint64           lead_id,
                   LbConvertWindow *window)
{
  AdwToast *toast = adw_toast_new (_("Lead converted"));

  adw_toast_set_button_label (toast, _("_Open Lead"));
  adw_toast_set_action_name (toast, "win.open-lead");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (lead_id));
  lb_page_add_toast (LB_PAGE (self), toast);

  /* A converted lead is no longer hot: every page reloads. */
  lb_page_changed (LB_PAGE (self));
}

static void
document_changed_cb (LbDashboardPage *self,
                     gint64           id,
                     GtkWindow       *window)
{
  lb_page_changed (LB_PAGE (self));
}

static void
overdue_row_activated_cb (LbDashboardPage *self,
                          GtkListBoxRow   *row,
                          GtkListBox      *list)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  int index = gtk_list_box_row_get_index (row);
  LbRecord *invoice;
  LbDocumentWindow *window;

  if (store == NULL || self->summary == NULL || index < 0 ||
      (guint)index >= self->summary->overdue->len)
    return;

  invoice = g_ptr_array_index (self->summary->overdue, index);
  window = lb_document_window_new (parent_window (self), store, LB_DOC_INVOICE,
                                   lb_record_get_int (invoice, LB_DOC_ID));
  g_signal_connect_object (window, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "deleted", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* actions */

/* Sets which page actions can run now; the one place that does. */
static void
lb_dashboard_page_update_actions (LbDashboardPage *self)
{
  gboolean has_store = lb_page_get_store (LB_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.convert-lead", has_store);
}

/* The assistant already open on @lead_id, so a second Convert raises it. */
static GtkWindow *
find_convert_window (gint64 lead_id)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (LB_IS_CONVERT_WINDOW (l->data) &&
        lb_convert_window_get_lead_id (l->data) == lead_id)
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static void
convert_lead_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LbDashboardPage *self = LB_DASHBOARD_PAGE (widget);
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  gint64 lead_id = g_variant_get_int64 (param);
  GtkWindow *window;

  if (store == NULL)
    return;

  window = find_convert_window (lead_id);
  if (window == NULL)
    {
      window = GTK_WINDOW (lb_convert_window_new (parent_window (self), store, lead_id));
      g_signal_connect_object (window, "converted", G_CALLBACK (lead_converted_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
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
  lb_dashboard_page_update_actions (self);

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
  g_clear_pointer (&self->stage_labels, g_hash_table_unref);
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
  gtk_widget_class_bind_template_child (widget_class, LbDashboardPage, stages_box);
  gtk_widget_class_bind_template_child (widget_class, LbDashboardPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, LbDashboardPage, overdue_more_label);
  gtk_widget_class_bind_template_callback (widget_class, overdue_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "dashboard.convert-lead", "x", convert_lead_action);
}

static void
lb_dashboard_page_init (LbDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->stage_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < N_STATUSES; i++)
    self->count_labels[i] = add_count_row (self, lb_lead_status_to_label (i));
  self->total_label = add_count_row (self, _("All Leads"));
  lb_dashboard_page_update_actions (self);
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

/**
 * lb_dashboard_page_get_stage_total:
 *
 * Returns: (nullable): the open deal value the chart shows for @stage
 *   of @pipeline, as formatted, or %NULL when it shows no such stage
 */
const char *
lb_dashboard_page_get_stage_total (LbDashboardPage *self,
                                   const char      *pipeline,
                                   const char      *stage)
{
  g_autofree char *key = NULL;
  GtkLabel *label;

  g_return_val_if_fail (LB_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (pipeline != NULL && stage != NULL, NULL);

  key = g_strdup_printf ("%s\n%s", pipeline, stage);
  label = g_hash_table_lookup (self->stage_labels, key);

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/* The number of overdue invoices (the list shows the first ones). */
guint
lb_dashboard_page_get_n_overdue (LbDashboardPage *self)
{
  g_return_val_if_fail (LB_IS_DASHBOARD_PAGE (self), 0);

  return self->summary != NULL ? self->summary->n_overdue : 0;
}
