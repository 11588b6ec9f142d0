#define G_LOG_DOMAIN "lb-documents-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-documents-page.h"
#include "lb-enum-types.h"
#include "lb-money.h"

/* The orders or the invoices (SPEC 3.5, 3.6): every document of the
 * page's kind, or those with one status; invoices optionally Overdue
 * first.  The lists are small, so the page reads them whole, with each
 * document's totals, and the column view sorts them. */

/* The statuses the filter offers, in the order of their workflow. */
static const int order_statuses[] = {
  LB_ORDER_STATUS_DRAFT, LB_ORDER_STATUS_CONFIRMED, LB_ORDER_STATUS_FULFILLED,
  LB_ORDER_STATUS_CANCELLED,
};
static const int invoice_statuses[] = {
  LB_INVOICE_STATUS_DRAFT, LB_INVOICE_STATUS_SENT, LB_INVOICE_STATUS_PARTIALLY_PAID,
  LB_INVOICE_STATUS_OVERDUE, LB_INVOICE_STATUS_PAID, LB_INVOICE_STATUS_CANCELLED,
  LB_INVOICE_STATUS_VOID,
};

/* The status badges: one style class per status nick. */
static const char status_css[] =
  "label.doc-status {"
  "  padding: 1px 8px;"
  "  border-radius: 99px;"
  "  font-size: smaller;"
  "  font-weight: bold;"
  "}"
  "label.doc-status.draft {"
  "  color: alpha(@window_fg_color, 0.75);"
  "  background-color: alpha(@window_fg_color, 0.1);"
  "}"
  "label.doc-status.sent, label.doc-status.confirmed {"
  "  color: @accent_color;"
  "  background-color: alpha(@accent_bg_color, 0.15);"
  "}"
  "label.doc-status.partially-paid {"
  "  color: @warning_color;"
  "  background-color: alpha(@warning_bg_color, 0.2);"
  "}"
  "label.doc-status.overdue {"
  "  color: @error_color;"
  "  background-color: alpha(@error_bg_color, 0.15);"
  "}"
  "label.doc-status.paid, label.doc-status.fulfilled {"
  "  color: @success_color;"
  "  background-color: alpha(@success_bg_color, 0.15);"
  "}"
  "label.doc-status.cancelled, label.doc-status.void {"
  "  color: alpha(@window_fg_color, 0.5);"
  "  background-color: alpha(@window_fg_color, 0.05);"
  "}";

/* The key a document window opened by a page carries, so that a
 * second "Open" raises it. */
#define WINDOW_KEY "lb-documents-page-document"

struct _LbDocumentsPage
{
  LbPage               parent_instance;

  LbDocKind            kind;
  LbDocFilter          filter;

  /* template children */
  GtkPopover          *row_popover;
  AdwWindowTitle      *window_title;
  GtkWidget           *new_button;
  GtkDropDown         *status_dropdown;
  GtkToggleButton     *overdue_button;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  GtkColumnViewColumn *due_column;
  GtkColumnViewColumn *balance_column;
  AdwStatusPage       *empty_status;
  GtkWidget           *empty_new_button;
  AdwStatusPage       *no_match_status;
};

G_DEFINE_FINAL_TYPE (LbDocumentsPage, lb_documents_page, LB_TYPE_PAGE)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* helpers */

static void
ensure_style (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, status_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static const int *
kind_statuses (LbDocKind  kind,
               guint     *n_statuses)
{
  if (kind == LB_DOC_ORDER)
    {
      *n_statuses = G_N_ELEMENTS (order_statuses);
      return order_statuses;
    }

  *n_statuses = G_N_ELEMENTS (invoice_statuses);
  return invoice_statuses;
}

static const char *
status_label (LbDocKind kind,
              int       status)
{
  return kind == LB_DOC_ORDER ? lb_order_status_to_label (status)
                              : lb_invoice_status_to_label (status);
}

static LbRecord *
get_selected_document (LbDocumentsPage *self)
{
  if (self->selection == NULL)
    return NULL;   /* still building the template */

  return gtk_single_selection_get_selected_item (self->selection);
}

static char *
format_amount (LbRecord *doc,
               guint     field)
{
  const char *currency = lb_record_get_text (doc, LB_DOC_CURRENCY);

  return lb_money_format_locale (lb_record_get_int (doc, field),
                                 lb_currency_decimals (currency), currency);
}

/* Sets which page actions can run now; the one place that does. */
static void
update_actions (LbDocumentsPage *self)
{
  gboolean has_store = lb_page_get_store (LB_PAGE (self)) != NULL;
  LbRecord *doc = has_store ? get_selected_document (self) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "docs.new",
                                 has_store && self->kind == LB_DOC_INVOICE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "docs.open", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "docs.delete",
                                 doc != NULL && lb_document_can_delete (doc));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "docs.menu", doc != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "docs.show-all", self->filter.status >= 0);
}

/* Shows the list, or says why it is empty, and counts it. */
static void
update_state (LbDocumentsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *subtitle = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->filter.status >= 0)
    {
      g_autofree char *text = NULL;

      /* Translators: "No invoice is Paid." with a status of an order or an invoice */
      text = g_strdup_printf (self->kind == LB_DOC_ORDER ? _("No order is %s.")
                                                         : _("No invoice is %s."),
                              status_label (self->kind, self->filter.status));
      adw_status_page_set_description (self->no_match_status, text);
      gtk_stack_set_visible_child_name (self->stack, "no-match");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  if (lb_page_get_store (LB_PAGE (self)) == NULL)
    subtitle = NULL;
  else if (self->kind == LB_DOC_ORDER)
    subtitle = g_strdup_printf (self->filter.status >= 0
                                ? g_dngettext (GETTEXT_PACKAGE, "%'u matching order",
                                               "%'u matching orders", n)
                                : g_dngettext (GETTEXT_PACKAGE, "%'u order", "%'u orders", n),
                                n);
  else
    subtitle = g_strdup_printf (self->filter.status >= 0
                                ? g_dngettext (GETTEXT_PACKAGE, "%'u matching invoice",
                                               "%'u matching invoices", n)
                                : g_dngettext (GETTEXT_PACKAGE, "%'u invoice", "%'u invoices", n),
                                n);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  update_actions (self);
}

/* Reads the documents again, each with its totals, keeping the
 * selected one (or @select_id) selected. */
static void
load (LbDocumentsPage *self,
      gint64           select_id)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  g_autoptr(GListStore) docs = NULL;
  g_autoptr(GError) error = NULL;

  if (select_id == 0)
    select_id = lb_documents_page_get_selected_id (self);

  if (store != NULL)
    {
      g_autoptr(GListModel) rows = lb_store_list_documents (store, &self->filter, &error);
      guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;
      g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n && error == NULL; i++)
        {
          g_autoptr(LbRecord) row = g_list_model_get_item (rows, i);
          LbRecord *doc = lb_document_load (store, self->kind, lb_record_get_int (row, LB_DOC_ID),
                                            NULL, NULL, &error);

          if (doc != NULL)
            g_ptr_array_add (loaded, doc);
        }

      if (error != NULL)
        lb_page_show_message (LB_PAGE (self), error->message);

      docs = g_list_store_new (LB_TYPE_RECORD);
      g_list_store_splice (docs, 0, 0, loaded->pdata, loaded->len);
    }

  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (docs));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (select_id != 0)
    lb_documents_page_select (self, select_id);

  update_state (self);
}

static char *
window_key (LbDocKind kind,
            gint64    id)
{
  return g_strdup_printf ("%s:%" PRId64, lb_enum_to_nick (LB_TYPE_DOC_KIND, kind), id);
}

/* The document window a page opened on @id, or NULL. */
static GtkWindow *
find_document_window (LbDocumentsPage *self,
                      gint64           id)
{
  g_autofree char *key = window_key (self->kind, id);
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    {
      if (LB_IS_DOCUMENT_WINDOW (l->data) &&
          g_strcmp0 (g_object_get_data (l->data, WINDOW_KEY), key) == 0)
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

/* The widget of the row that holds @widget, if it is a row of the
 * column view.  The column view's rows have the CSS name "row". */
static GtkWidget *
find_row (LbDocumentsPage *self,
          GtkWidget       *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (self->column_view);
       widget = gtk_widget_get_parent (widget))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
        return widget;
    }

  return NULL;
}

/* The menu button of a row of the column view. */
static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "row-menu"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_menu_button (child);
      if (button != NULL)
        return button;
    }

  return NULL;
}

/* The row of the selected document, among the rows the view has built. */
static GtkWidget *
find_selected_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row;

      if (g_strcmp0 (gtk_widget_get_css_name (child), "row") == 0 &&
          (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED) != 0)
        return child;

      row = find_selected_row (child);
      if (row != NULL)
        return row;
    }

  return NULL;
}

/* Opens the row menu pointing at @rect of @widget. */
static void
popup_row_menu (LbDocumentsPage       *self,
                GtkWidget             *widget,
                const graphene_rect_t *rect)
{
  graphene_point_t origin;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &rect->origin, &origin))
    return;

  gtk_popover_set_pointing_to (self->row_popover, &(GdkRectangle) {
                                 (int)origin.x, (int)origin.y,
                                 MAX (1, (int)rect->size.width), MAX (1, (int)rect->size.height) });
  gtk_popover_popup (self->row_popover);
}

/* callbacks */

static void
document_changed_cb (LbDocumentsPage *self,
                     gint64           id)
{
  load (self, 0);
  lb_page_changed (LB_PAGE (self));
}

static void
open_document (LbDocumentsPage *self,
               gint64           id)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  GtkWindow *window = find_document_window (self, id);

  if (store == NULL)
    return;

  if (window == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      window = GTK_WINDOW (lb_document_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   store, self->kind, id));
      g_object_set_data_full (G_OBJECT (window), WINDOW_KEY, window_key (self->kind, id), g_free);
      g_signal_connect_object (window, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "deleted", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

static void
delete_response_cb (LbDocumentsPage  *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "document-id");
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  AdwToast *toast;

  if (g_strcmp0 (response, "delete") != 0 || lb_page_get_store (LB_PAGE (self)) == NULL)
    return;

  if (!lb_document_delete (lb_page_get_store (LB_PAGE (self)), self->kind, *id, &error))
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      load (self, 0);
      return;
    }

  /* An editor still open on it has nothing left to edit. */
  window = find_document_window (self, *id);
  if (window != NULL)
    gtk_window_destroy (window);

  toast = adw_toast_new (self->kind == LB_DOC_ORDER ? _("Draft order deleted")
                                                    : _("Draft invoice deleted"));
  lb_page_add_toast (LB_PAGE (self), toast);

  load (self, 0);
  lb_page_changed (LB_PAGE (self));
}

static void
status_changed_cb (LbDocumentsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  guint n_statuses;
  const int *statuses = kind_statuses (self->kind, &n_statuses);

  self->filter.status = selected >= 1 && selected <= n_statuses ? statuses[selected - 1] : -1;
  load (self, 0);
}

static void
overdue_toggled_cb (LbDocumentsPage *self)
{
  self->filter.overdue_first = gtk_toggle_button_get_active (self->overdue_button);

  /* The order asked for is the store's: no column sorts on top of it. */
  if (self->filter.overdue_first)
    gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
  load (self, 0);
}

static void
selection_changed_cb (LbDocumentsPage *self)
{
  update_actions (self);
}

static void
column_view_activate_cb (LbDocumentsPage *self,
                         guint            position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "docs.open", NULL);
}

/* A row's menu button: select the row, then show the menu, which acts
 * on the selected document. */
static void
row_menu_clicked_cb (GtkListItem *item,
                     GtkButton   *button)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), LB_TYPE_DOCUMENTS_PAGE);
  guint position = gtk_list_item_get_position (item);
  LbDocumentsPage *self;

  if (page == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  self = LB_DOCUMENTS_PAGE (page);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  popup_row_menu (self, GTK_WIDGET (button),
                  &GRAPHENE_RECT_INIT (0, 0,
                                       gtk_widget_get_width (GTK_WIDGET (button)),
                                       gtk_widget_get_height (GTK_WIDGET (button))));
}

/* A right click on a row opens its menu at the pointer. */
static void
secondary_pressed_cb (LbDocumentsPage *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = find_row (self, picked);
  GtkWidget *button = row != NULL ? find_menu_button (row) : NULL;

  if (button == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit_by_name (button, "clicked");
  popup_row_menu (self, GTK_WIDGET (self->column_view), &GRAPHENE_RECT_INIT (x, y, 1, 1));
}

/* What the cells show; @doc is an LbOrder or an LbInvoice. */

static char *
doc_number_text (GtkListItem *item,
                 LbRecord    *doc)
{
  const char *number;

  if (doc == NULL)
    return NULL;

  number = lb_record_get_text (doc, LB_DOC_NUMBER);
  if (number != NULL)
    return g_strdup (number);

  /* An invoice gets its number when it is issued (SPEC 3.6). */
  if (lb_record_get_int (doc, LB_DOC_STATUS) == LB_INVOICE_STATUS_DRAFT)
    return g_strdup (C_("document number", "Draft"));

  /* Translators: the number of an invoice cancelled before it was issued */
  return g_strdup (C_("document number", "Not issued"));
}

static char *
doc_customer_text (GtkListItem *item,
                   LbRecord    *doc)
{
  return g_strdup (doc != NULL ? lb_record_get_text (doc, LB_DOC_ACCOUNT_NAME) : NULL);
}

static char *
doc_date_text (GtkListItem *item,
               LbRecord    *doc)
{
  return g_strdup (doc != NULL ? lb_record_get_text (doc, LB_DOC_DOC_DATE) : NULL);
}

static char *
doc_due_text (GtkListItem *item,
              LbRecord    *doc)
{
  return g_strdup (doc != NULL ? lb_record_get_text (doc, LB_DOC_DUE_DATE) : NULL);
}

static char *
doc_status_text (GtkListItem *item,
                 LbRecord    *doc)
{
  return g_strdup (doc != NULL ? lb_record_get_text (doc, LB_DOC_STATUS_LABEL) : NULL);
}

static char **
doc_status_classes (GtkListItem *item,
                    LbRecord    *doc)
{
  GType type = LB_TYPE_INVOICE_STATUS;
  char *classes[3] = { (char *)"doc-status", NULL, NULL };

  if (doc != NULL)
    {
      if (lb_record_get_int (doc, LB_DOC_KIND) == LB_DOC_ORDER)
        type = LB_TYPE_ORDER_STATUS;
      classes[1] = (char *)lb_enum_to_nick (type, lb_record_get_int (doc, LB_DOC_STATUS));
    }

  return g_strdupv (classes);
}

static char *
doc_total_text (GtkListItem *item,
                LbRecord    *doc)
{
  return doc != NULL ? format_amount (doc, LB_DOC_TOTAL) : NULL;
}

static char *
doc_balance_text (GtkListItem *item,
                  LbRecord    *doc)
{
  return doc != NULL ? format_amount (doc, LB_DOC_BALANCE) : NULL;
}

/* What the columns sort by. */

static char *
doc_number_key (LbRecord *doc)
{
  return g_strdup (lb_record_get_text (doc, LB_DOC_NUMBER));
}

static char *
doc_customer_key (LbRecord *doc)
{
  return g_strdup (lb_record_get_text (doc, LB_DOC_ACCOUNT_NAME));
}

static char *
doc_date_key (LbRecord *doc)
{
  return g_strdup (lb_record_get_text (doc, LB_DOC_DOC_DATE));
}

static char *
doc_due_key (LbRecord *doc)
{
  return g_strdup (lb_record_get_text (doc, LB_DOC_DUE_DATE));
}

static gint64
doc_status_key (LbRecord *doc)
{
  return lb_record_get_int (doc, LB_DOC_STATUS);
}

static gint64
doc_total_key (LbRecord *doc)
{
  return lb_record_get_int (doc, LB_DOC_TOTAL);
}

static gint64
doc_balance_key (LbRecord *doc)
{
  return lb_record_get_int (doc, LB_DOC_BALANCE);
}

/* actions */

/* A standalone Draft invoice, opened for editing. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (widget);
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  g_autoptr(LbInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (store == NULL || self->kind != LB_DOC_INVOICE)
    return;

  invoice = lb_invoice_new ();
  id = lb_invoice_create (store, invoice, &error);
  if (id == 0)
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  load (self, id);
  lb_page_changed (LB_PAGE (self));
  open_document (self, id);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (widget);
  LbRecord *doc = get_selected_document (self);

  if (doc != NULL)
    open_document (self, lb_record_get_int (doc, LB_DOC_ID));
}

/* Asks before a Draft goes for good. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (widget);
  LbRecord *doc = get_selected_document (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *customer;
  const char *date;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 *id;

  if (doc == NULL || !lb_document_can_delete (doc))
    return;

  customer = lb_record_get_text (doc, LB_DOC_ACCOUNT_NAME);
  date = lb_record_get_text (doc, LB_DOC_DOC_DATE);
  if (self->kind == LB_DOC_ORDER)
    body = g_strdup_printf (_("Order %s and its lines will be deleted. This cannot be undone."),
                            lb_record_get_text (doc, LB_DOC_NUMBER));
  else if (customer != NULL)
    /* Translators: the date, then the customer */
    body = g_strdup_printf (_("The draft invoice of %s for %s and its lines will be deleted. "
                              "This cannot be undone."), date, customer);
  else
    body = g_strdup_printf (_("The draft invoice of %s and its lines will be deleted. "
                              "This cannot be undone."), date);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->kind == LB_DOC_ORDER ? _("Delete Draft Order?")
                                                              : _("Delete Draft Invoice?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  id = g_new (gint64, 1);
  *id = lb_record_get_int (doc, LB_DOC_ID);
  g_object_set_data_full (G_OBJECT (dialog), "document-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (widget);
  GtkWidget *row = find_selected_row (GTK_WIDGET (self->column_view));
  GtkWidget *button = row != NULL ? find_menu_button (row) : NULL;

  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  gtk_drop_down_set_selected (LB_DOCUMENTS_PAGE (widget)->status_dropdown, 0);
}

/* GtkWidget overrides */

static void
lb_documents_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (widget);

  GTK_WIDGET_CLASS (lb_documents_page_parent_class)->size_allocate (widget, width, height, baseline);

  gtk_popover_present (self->row_popover);
}

/* LbPage overrides */

static void
lb_documents_page_store_changed (LbPage *page)
{
  load (LB_DOCUMENTS_PAGE (page), 0);
}

static void
lb_documents_page_reload (LbPage *page)
{
  load (LB_DOCUMENTS_PAGE (page), 0);
}

/* GObject overrides */

static void
lb_documents_page_constructed (GObject *object)
{
  LbDocumentsPage *self = (LbDocumentsPage *)object;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  gboolean invoices = self->kind == LB_DOC_INVOICE;
  guint n_statuses;
  const int *statuses = kind_statuses (self->kind, &n_statuses);

  G_OBJECT_CLASS (lb_documents_page_parent_class)->constructed (object);

  lb_doc_filter_init (&self->filter, self->kind);

  adw_window_title_set_title (self->window_title, invoices ? _("Invoices") : _("Orders"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  invoices ? _("Invoices") : _("Orders"),
                                  -1);

  gtk_string_list_append (choices, _("Any Status"));
  for (guint i = 0; i < n_statuses; i++)
    gtk_string_list_append (choices, status_label (self->kind, statuses[i]));
  g_signal_handlers_block_by_func (self->status_dropdown, status_changed_cb, self);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->status_dropdown, status_changed_cb, self);

  gtk_widget_set_visible (self->new_button, invoices);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_button), invoices);
  gtk_column_view_column_set_visible (self->due_column, invoices);
  gtk_column_view_column_set_visible (self->balance_column, invoices);

  /* Orders are made from leads only (SPEC 3.3), so the page has no New
   * button and says where orders come from. */
  if (invoices)
    {
      adw_status_page_set_icon_name (self->empty_status, "x-office-document-symbolic");
      adw_status_page_set_title (self->empty_status, _("No Invoices Yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Create an invoice here, or from a lead, an order or a deal."));
      adw_status_page_set_title (self->no_match_status, _("No Matching Invoices"));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_status, "document-send-symbolic");
      adw_status_page_set_title (self->empty_status, _("No Orders Yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Orders are created from leads: open a lead and choose "
                                         "Create Order."));
      adw_status_page_set_title (self->no_match_status, _("No Matching Orders"));
    }
  gtk_widget_set_visible (self->empty_new_button, invoices);

  load (self, 0);
}

static void
lb_documents_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_documents_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_documents_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_DOCUMENTS_PAGE);

  G_OBJECT_CLASS (lb_documents_page_parent_class)->dispose (object);
}

/* class_init / init */

static void
lb_documents_page_class_init (LbDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LbPageClass *page_class = LB_PAGE_CLASS (klass);

  object_class->constructed = lb_documents_page_constructed;
  object_class->dispose = lb_documents_page_dispose;
  object_class->get_property = lb_documents_page_get_property;
  object_class->set_property = lb_documents_page_set_property;

  widget_class->size_allocate = lb_documents_page_size_allocate;

  page_class->store_changed = lb_documents_page_store_changed;
  page_class->reload = lb_documents_page_reload;
  page_class->refs_changed = lb_documents_page_reload;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LB_TYPE_DOC_KIND, LB_DOC_INVOICE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LB_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/documents/lb-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, row_popover);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, due_column);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, balance_column);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, LbDocumentsPage, no_match_status);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_menu_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, doc_number_text);
  gtk_widget_class_bind_template_callback (widget_class, doc_customer_text);
  gtk_widget_class_bind_template_callback (widget_class, doc_date_text);
  gtk_widget_class_bind_template_callback (widget_class, doc_due_text);
  gtk_widget_class_bind_template_callback (widget_class, doc_status_text);
  gtk_widget_class_bind_template_callback (widget_class, doc_status_classes);
  gtk_widget_class_bind_template_callback (widget_class, doc_total_text);
  gtk_widget_class_bind_template_callback (widget_class, doc_balance_text);
  gtk_widget_class_bind_template_callback (widget_class, doc_number_key);
  gtk_widget_class_bind_template_callback (widget_class, doc_customer_key);
  gtk_widget_class_bind_template_callback (widget_class, doc_date_key);
  gtk_widget_class_bind_template_callback (widget_class, doc_due_key);
  gtk_widget_class_bind_template_callback (widget_class, doc_status_key);
  gtk_widget_class_bind_template_callback (widget_class, doc_total_key);
  gtk_widget_class_bind_template_callback (widget_class, doc_balance_key);

  gtk_widget_class_install_action (widget_class, "docs.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "docs.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "docs.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "docs.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "docs.show-all", NULL, show_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "docs.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "docs.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "docs.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "docs.menu", NULL);
}

static void
lb_documents_page_init (LbDocumentsPage *self)
{
  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

LbDocKind
lb_documents_page_get_kind (LbDocumentsPage *self)
{
  g_return_val_if_fail (LB_IS_DOCUMENTS_PAGE (self), LB_DOC_INVOICE);

  return self->kind;
}

/**
 * lb_documents_page_get_model:
 *
 * Returns: (transfer none): the documents the page lists (#LbOrder or
 *   #LbInvoice, totals filled in), in the order it shows them
 */
GListModel *
lb_documents_page_get_model (LbDocumentsPage *self)
{
  g_return_val_if_fail (LB_IS_DOCUMENTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/* What the page shows: "list", "empty" (no documents of its kind) or
 * "no-match" (none has the status the filter asks for). */
const char *
lb_documents_page_get_state (LbDocumentsPage *self)
{
  g_return_val_if_fail (LB_IS_DOCUMENTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The id of the selected document, or 0. */
gint64
lb_documents_page_get_selected_id (LbDocumentsPage *self)
{
  LbRecord *doc;

  g_return_val_if_fail (LB_IS_DOCUMENTS_PAGE (self), 0);

  doc = get_selected_document (self);
  return doc != NULL ? lb_record_get_int (doc, LB_DOC_ID) : 0;
}

/* Selects document @document_id; %FALSE when the list does not show it. */
gboolean
lb_documents_page_select (LbDocumentsPage *self,
                          gint64           document_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (LB_IS_DOCUMENTS_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRecord) doc = g_list_model_get_item (model, i);

      if (lb_record_get_int (doc, LB_DOC_ID) == document_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}
