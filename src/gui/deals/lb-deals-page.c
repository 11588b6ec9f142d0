#define G_LOG_DOMAIN "lb-deals-page"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "lb-crm-actions.h"
#include "lb-deal-window.h"
#include "lb-deals-page.h"
#include "lb-document-actions.h"
#include "lb-document-window.h"
#include "lb-money.h"
#include "lb-settings.h"

/* The deals (SPEC 3.4) in two views: a sortable list of every deal, and
 * a board of the open deals by pipeline and stage.  The lists are small:
 * the page reads them whole from the store on every reload and sorts
 * them with the column view's sorter.
 *
 * A column of the board is a vertical box: first a header box holding
 * the stage's name and its summary ("2 open deals · 5,000.00 EUR"),
 * then one card (a button with the "deal-card" style class) per open
 * deal. */

#define DEAL_ID_KEY "lb-deal-id"
#define STAGE_KEY   "lb-stage-key"

struct _LbDealsPage
{
  LbPage               parent_instance;

  LbRecordFilter       filter;
  GListModel          *deals;     /* as the store ordered them */
  GHashTable          *ranks;     /* deal id → position in that order */
  GHashTable          *columns;   /* "pipeline\nstage" → column of the board */

  /* template children */
  GtkPopover          *row_popover;
  AdwWindowTitle      *window_title;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkStack            *view_stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  GtkCustomSorter     *name_sorter;
  GtkCustomSorter     *account_sorter;
  GtkCustomSorter     *contact_sorter;
  GtkCustomSorter     *close_sorter;
  GtkCustomSorter     *stage_sorter;
  GtkCustomSorter     *status_sorter;
  GtkBox              *board_box;
};

G_DEFINE_FINAL_TYPE (LbDealsPage, lb_deals_page, LB_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SHOW_BOARD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* helpers */

static LbDeal *
get_selected_deal (LbDealsPage *self)
{
  if (self->selection == NULL)
    return NULL;   /* still building the template */

  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
list_is_shown (LbDealsPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") == 0;
}

/* Sets which page actions can run now; the one place that does. */
static void
update_actions (LbDealsPage *self)
{
  gboolean has_store = lb_page_get_store (LB_PAGE (self)) != NULL;
  gboolean has_deal = has_store && list_is_shown (self) && get_selected_deal (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.open-deal", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.open", has_deal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.create-invoice", has_deal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.delete", has_deal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.menu", has_deal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.clear-search",
                                 self->filter.search != NULL);
}

static void
update_state (LbDealsPage *self)
{
  guint n = self->deals != NULL ? g_list_model_get_n_items (self->deals) : 0;
  g_autofree char *subtitle = NULL;

  if (self->deals == NULL)
    subtitle = NULL;
  else if (self->filter.search != NULL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u matching deal",
                                             "%'u matching deals", n), n);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u deal", "%'u deals", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "deals");
  else if (self->filter.search != NULL)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  update_actions (self);
}

static GtkWindow *
get_parent_window (LbDealsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
format_amount (gint64      amount,
               const char *currency)
{
  return lb_money_format_locale (amount, lb_currency_decimals (currency), currency);
}

static char *
stage_key (const char *pipeline,
           const char *stage)
{
  return g_strconcat (pipeline != NULL ? pipeline : "", "\n", stage != NULL ? stage : "", NULL);
}

static void open_deal (LbDealsPage *self,
                       gint64       deal_id);

/* A card of the board: the deal's name, its customer and its value. */
static GtkWidget *
make_card (LbDeal *deal)
{
  const char *account = lb_deal_get_text (deal, LB_DEAL_ACCOUNT_NAME);
  const char *contact = lb_deal_get_text (deal, LB_DEAL_CONTACT_NAME);
  g_autofree char *value = format_amount (lb_deal_get_int (deal, LB_DEAL_VALUE),
                                          lb_deal_get_text (deal, LB_DEAL_CURRENCY));
  g_autofree char *customer = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  if (account != NULL && contact != NULL && *contact != '\0')
    /* Translators: a deal's account and contact on a card of the board */
    customer = g_strdup_printf (C_("deal customer", "%s · %s"), account, contact);
  else if (account != NULL)
    customer = g_strdup (account);
  else if (contact != NULL && *contact != '\0')
    customer = g_strdup (contact);

  label = gtk_label_new (lb_deal_get_text (deal, LB_DEAL_NAME));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (customer != NULL)
    {
      label = gtk_label_new (customer);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "deal-card");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "deals.open-deal");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (lb_deal_get_id (deal)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lb_deal_get_text (deal, LB_DEAL_NAME),
                                  -1);
  g_object_set_data_full (G_OBJECT (button), DEAL_ID_KEY,
                          g_memdup2 (&(gint64) { lb_deal_get_id (deal) }, sizeof (gint64)),
                          g_free);

  return button;
}

/* A column of the board: the stage's name and the count and total of
 * its open deals, as the store sums them. */
static GtkWidget *
make_column (const LbStageTotal *total)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (total->stage);
  g_autofree char *summary = NULL;
  GtkWidget *label;

  if (total->n_deals == 0)
    summary = g_strdup (_("No open deals"));
  else if (total->currency == NULL)
    /* Translators: the open deals of a stage, whose values are in more than one currency */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRId64 " open deal · mixed currencies",
                                            "%'" PRId64 " open deals · mixed currencies",
                                            total->n_deals),
                               total->n_deals);
  else
    {
      g_autofree char *value = format_amount (total->value, total->currency);

      /* Translators: the number of open deals of a stage and their total value */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'" PRId64 " open deal · %s",
                                              "%'" PRId64 " open deals · %s",
                                              total->n_deals),
                                 total->n_deals, value);
    }

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);

  label = gtk_label_new (summary);
  gtk_widget_set_name (label, "summary");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (header), label);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (column), header);

  gtk_widget_set_size_request (column, 240, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, total->stage,
                                  -1);
  g_object_set_data_full (G_OBJECT (column), STAGE_KEY,
                          stage_key (total->pipeline, total->stage), g_free);

  return column;
}

/* A pipeline of the board: its name, and its stages side by side in a
 * row that scrolls sideways when the page is narrow. */
static GtkWidget *
make_pipeline_section (const char  *pipeline,
                       GtkWidget  **row)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (pipeline);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (section), title);

  *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_set_margin_start (*row, 12);
  gtk_widget_set_margin_end (*row, 12);
  gtk_widget_set_margin_bottom (*row, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), *row);
  gtk_box_append (GTK_BOX (section), scrolled);

  return section;
}

static void
clear_board (LbDealsPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->columns);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->board_box))) != NULL)
    gtk_box_remove (self->board_box, child);
}

/* Builds the board from the stage totals and the open deals the list
 * holds (the search applies to the cards too). */
static void
fill_board (LbDealsPage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pipeline = NULL;
  GtkWidget *row = NULL;
  guint n;

  clear_board (self);
  if (store == NULL)
    return;

  totals = lb_store_stage_totals (store, &error);
  if (totals == NULL)
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  for (guint i = 0; i < totals->len; i++)
    {
      const LbStageTotal *total = g_ptr_array_index (totals, i);
      GtkWidget *column;

      if (row == NULL || g_strcmp0 (pipeline, total->pipeline) != 0)
        {
          g_free (pipeline);
          pipeline = g_strdup (total->pipeline);
          gtk_box_append (self->board_box, make_pipeline_section (pipeline, &row));
        }

      column = make_column (total);
      gtk_box_append (GTK_BOX (row), column);
      g_hash_table_insert (self->columns, g_strdup (g_object_get_data (G_OBJECT (column), STAGE_KEY)),
                           column);
    }

  n = self->deals != NULL ? g_list_model_get_n_items (self->deals) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbDeal) deal = g_list_model_get_item (self->deals, i);
      g_autofree char *key = NULL;
      GtkWidget *column;

      if (lb_deal_get_status (deal) != LB_DEAL_STATUS_OPEN)
        continue;

      key = stage_key (lb_deal_get_text (deal, LB_DEAL_PIPELINE), lb_deal_get_text (deal, LB_DEAL_STAGE));
      column = g_hash_table_lookup (self->columns, key);
      if (column != NULL)
        gtk_box_append (GTK_BOX (column), make_card (deal));
    }
}

/* Reads the deals again and shows them in both views, keeping the
 * selected deal selected. */
static void
reload (LbDealsPage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  g_autoptr(GError) error = NULL;
  gint64 selected = lb_deals_page_get_selected_id (self);
  guint n;

  g_clear_object (&self->deals);
  g_hash_table_remove_all (self->ranks);

  if (store != NULL)
    {
      self->deals = lb_store_list_deals (store, &self->filter, &error);
      if (self->deals == NULL)
        lb_page_show_message (LB_PAGE (self), error->message);
    }

  n = self->deals != NULL ? g_list_model_get_n_items (self->deals) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbDeal) deal = g_list_model_get_item (self->deals, i);
      gint64 *id = g_memdup2 (&(gint64) { lb_deal_get_id (deal) }, sizeof (gint64));

      g_hash_table_insert (self->ranks, id, GUINT_TO_POINTER (i));
    }

  gtk_sort_list_model_set_model (self->sort_model, self->deals);
  if (selected == 0 || !lb_deals_page_select (self, selected))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  fill_board (self);
  update_state (self);
}

/* The widget of the row that holds @widget, if it is a row of the
 * column view.  The column view's rows have the CSS name "row". */
static GtkWidget *
find_row (LbDealsPage *self,
          GtkWidget   *widget)
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

/* The row of the selected deal, among the rows the view has built. */
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
popup_row_menu (LbDealsPage           *self,
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

/* "“Name” moved to the trash", with an Undo that restores the deal. */
static void undo_clicked_cb (LbDealsPage *self,
                             AdwToast    *toast);

static void
show_trashed_toast (LbDealsPage *self,
                    gint64       deal_id,
                    const char  *name)
{
  g_autofree char *escaped = g_markup_escape_text (name != NULL ? name : "", -1);
  g_autofree char *text = g_strdup_printf (_("“%s” moved to the trash"), escaped);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), DEAL_ID_KEY,
                          g_memdup2 (&deal_id, sizeof deal_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  lb_page_add_toast (LB_PAGE (self), toast);
}

/* callbacks */

static void
undo_clicked_cb (LbDealsPage *self,
                 AdwToast    *toast)
{
  const gint64 *id = g_object_get_data (G_OBJECT (toast), DEAL_ID_KEY);
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL || id == NULL)
    return;

  if (!lb_record_restore (store, "deal", *id, &error))
    lb_page_show_message (LB_PAGE (self), error->message);

  lb_page_changed (LB_PAGE (self));
}

static void
deal_saved_cb (LbDealsPage  *self,
               gint64        deal_id,
               LbDealWindow *window)
{
  lb_page_changed (LB_PAGE (self));
}

static void
deal_trashed_cb (LbDealsPage  *self,
                 gint64        deal_id,
                 LbDealWindow *window)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  g_autoptr(LbDeal) deal = store != NULL ? lb_store_get_deal (store, deal_id, NULL) : NULL;

  show_trashed_toast (self, deal_id, deal != NULL ? lb_deal_get_text (deal, LB_DEAL_NAME) : NULL);
  lb_page_changed (LB_PAGE (self));
}

static void
document_changed_cb (LbDealsPage *self,
                     gint64       document_id,
                     GtkWindow   *window)
{
  lb_page_changed (LB_PAGE (self));
}

/* Text columns: empty first, then as the locale sorts, ignoring case.
 * @user_data is the LbDealText field. */
static int
text_compare (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint field = GPOINTER_TO_UINT (user_data);
  const char *text_a = lb_record_get_text (LB_RECORD ((gpointer)a), field);
  const char *text_b = lb_record_get_text (LB_RECORD ((gpointer)b), field);
  g_autofree char *fold_a = NULL;
  g_autofree char *fold_b = NULL;
  int order;

  if (text_a == NULL || text_b == NULL)
    return (text_a != NULL) - (text_b != NULL);

  fold_a = g_utf8_casefold (text_a, -1);
  fold_b = g_utf8_casefold (text_b, -1);
  order = g_utf8_collate (fold_a, fold_b);

  return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
stage_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  LbDealsPage *self = user_data;
  gint64 id_a = lb_deal_get_id ((LbDeal *)a);
  gint64 id_b = lb_deal_get_id ((LbDeal *)b);
  guint rank_a = GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, &id_a));
  guint rank_b = GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, &id_b));

  /* The store's order: pipeline, then stage, then name. */
  return rank_a < rank_b ? GTK_ORDERING_SMALLER : rank_a > rank_b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
status_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  LbDealStatus status_a = lb_deal_get_status ((LbDeal *)a);
  LbDealStatus status_b = lb_deal_get_status ((LbDeal *)b);

  return status_a < status_b ? GTK_ORDERING_SMALLER : status_a > status_b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static char *
status_label (GtkListItem  *item,
              LbDealStatus  status)
{
  return g_strdup (lb_deal_status_to_label (status));
}

static char *
format_value (GtkListItem *item,
              gint64       value,
              const char  *currency)
{
  return format_amount (value, currency);
}

static char *
format_probability (GtkListItem *item,
                    gint64       probability)
{
  /* Translators: a deal's probability of success, in percent */
  return g_strdup_printf (_("%" PRId64 " %%"), probability);
}

static void
search_changed_cb (LbDealsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *clean = g_strstrip (g_strdup (text));

  g_free (self->filter.search);
  self->filter.search = *clean != '\0' ? g_steal_pointer (&clean) : NULL;
  reload (self);
}

static void
selection_changed_cb (LbDealsPage *self)
{
  update_actions (self);
}

static void
column_view_activate_cb (LbDealsPage *self,
                         guint        position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "deals.open", NULL);
}

/* A row's menu button: select the row, then show the menu, which acts
 * on the selected deal. */
static void
row_menu_clicked_cb (GtkListItem *item,
                     GtkButton   *button)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), LB_TYPE_DEALS_PAGE);
  guint position = gtk_list_item_get_position (item);
  LbDealsPage *self;

  if (page == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  self = LB_DEALS_PAGE (page);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  popup_row_menu (self, GTK_WIDGET (button),
                  &GRAPHENE_RECT_INIT (0, 0,
                                       gtk_widget_get_width (GTK_WIDGET (button)),
                                       gtk_widget_get_height (GTK_WIDGET (button))));
}

/* A right click on a row opens its menu at the pointer. */
static void
secondary_pressed_cb (LbDealsPage     *self,
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

/* actions */

/* Opens the editor of @deal_id (0: a new deal), or raises the one
 * already open on it. */
static void
open_deal (LbDealsPage *self,
           gint64       deal_id)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  GList *toplevels;
  GtkWindow *window = NULL;

  if (store == NULL)
    return;

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL && deal_id != 0; l = l->next)
    {
      if (LB_IS_DEAL_WINDOW (l->data) &&
          lb_deal_window_get_deal_id (LB_DEAL_WINDOW (l->data)) == deal_id)
        {
          window = l->data;
          break;
        }
    }
  g_list_free (toplevels);

  if (window == NULL)
    {
      window = GTK_WINDOW (lb_deal_window_new (get_parent_window (self), store, deal_id));
      g_signal_connect_object (window, "saved", G_CALLBACK (deal_saved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "trashed", G_CALLBACK (deal_trashed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "invoice-created", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_deal (LB_DEALS_PAGE (widget), 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbDealsPage *self = LB_DEALS_PAGE (widget);
  LbDeal *deal = get_selected_deal (self);

  if (deal != NULL)
    open_deal (self, lb_deal_get_id (deal));
}

static void
open_deal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  open_deal (LB_DEALS_PAGE (widget), g_variant_get_int64 (param));
}

static void
create_invoice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LbDealsPage *self = LB_DEALS_PAGE (widget);
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  LbDeal *deal = get_selected_deal (self);
  g_autoptr(GError) error = NULL;
  LbDocumentWindow *window;
  gint64 id;

  if (deal == NULL)
    return;

  id = lb_deal_create_invoice (store, lb_deal_get_id (deal), &error);
  if (id == 0)
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  window = lb_document_window_new (get_parent_window (self), store, LB_DOC_INVOICE, id);
  g_signal_connect_object (window, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "deleted", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));

  lb_page_changed (LB_PAGE (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbDealsPage *self = LB_DEALS_PAGE (widget);
  LbDeal *deal = get_selected_deal (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  if (deal == NULL)
    return;

  id = lb_deal_get_id (deal);
  name = g_strdup (lb_deal_get_text (deal, LB_DEAL_NAME));
  if (!lb_record_trash (lb_page_get_store (LB_PAGE (self)), "deal", id, &error))
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  show_trashed_toast (self, id, name);
  lb_page_changed (LB_PAGE (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbDealsPage *self = LB_DEALS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LbDealsPage *self = LB_DEALS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->filter.search, g_free);
  reload (self);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbDealsPage *self = LB_DEALS_PAGE (widget);
  GtkWidget *row = find_selected_row (GTK_WIDGET (self->column_view));
  GtkWidget *button = row != NULL ? find_menu_button (row) : NULL;

  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
}

/* GtkWidget overrides */

static void
lb_deals_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LbDealsPage *self = LB_DEALS_PAGE (widget);

  GTK_WIDGET_CLASS (lb_deals_page_parent_class)->size_allocate (widget, width, height, baseline);

  gtk_popover_present (self->row_popover);
}

/* LbPage overrides */

static void
lb_deals_page_store_changed (LbPage *page)
{
  reload (LB_DEALS_PAGE (page));
}

static void
lb_deals_page_reload (LbPage *page)
{
  reload (LB_DEALS_PAGE (page));
}

static void
lb_deals_page_refs_changed (LbPage *page)
{
  /* Pipelines and stages may have been renamed, added or removed. */
  reload (LB_DEALS_PAGE (page));
}

/* GObject overrides */

static void
lb_deals_page_dispose (GObject *object)
{
  LbDealsPage *self = (LbDealsPage *)object;

  if (self->columns != NULL)
    g_hash_table_remove_all (self->columns);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_DEALS_PAGE);
  g_clear_object (&self->deals);

  G_OBJECT_CLASS (lb_deals_page_parent_class)->dispose (object);
}

static void
lb_deals_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LbDealsPage *self = LB_DEALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_BOARD:
      g_value_set_boolean (value, g_strcmp0 (lb_deals_page_get_view (self), "board") == 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_deals_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LbDealsPage *self = LB_DEALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_BOARD:
      lb_deals_page_set_view (self, g_value_get_boolean (value) ? "board" : "list");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_deals_page_finalize (GObject *object)
{
  LbDealsPage *self = (LbDealsPage *)object;

  lb_record_filter_clear (&self->filter);
  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);

  G_OBJECT_CLASS (lb_deals_page_parent_class)->finalize (object);
}

/* class_init / init */

static void
lb_deals_page_class_init (LbDealsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LbPageClass *page_class = LB_PAGE_CLASS (klass);

  object_class->dispose = lb_deals_page_dispose;
  object_class->finalize = lb_deals_page_finalize;
  object_class->get_property = lb_deals_page_get_property;
  object_class->set_property = lb_deals_page_set_property;

  widget_class->size_allocate = lb_deals_page_size_allocate;

  page_class->store_changed = lb_deals_page_store_changed;
  page_class->reload = lb_deals_page_reload;
  page_class->refs_changed = lb_deals_page_refs_changed;

  /**
   * LbDealsPage:show-board:
   *
   * Whether the page shows the board (the open deals by stage) rather
   * than the list of every deal.
   */
  properties[PROP_SHOW_BOARD] =
    g_param_spec_boolean ("show-board", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LB_TYPE_DEAL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/deals/lb-deals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, row_popover);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, name_sorter);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, account_sorter);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, contact_sorter);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, close_sorter);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, stage_sorter);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, status_sorter);
  gtk_widget_class_bind_template_child (widget_class, LbDealsPage, board_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_menu_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_label);
  gtk_widget_class_bind_template_callback (widget_class, format_value);
  gtk_widget_class_bind_template_callback (widget_class, format_probability);

  gtk_widget_class_install_property_action (widget_class, "deals.show-board", "show-board");
  gtk_widget_class_install_action (widget_class, "deals.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "deals.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "deals.open-deal", "x", open_deal_action);
  gtk_widget_class_install_action (widget_class, "deals.create-invoice", NULL, create_invoice_action);
  gtk_widget_class_install_action (widget_class, "deals.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "deals.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "deals.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_action (widget_class, "deals.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "deals.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "deals.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "deals.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "deals.menu", NULL);
}

static void
lb_deals_page_init (LbDealsPage *self)
{
  lb_record_filter_init (&self->filter);
  self->ranks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_custom_sorter_set_sort_func (self->name_sorter, text_compare,
                                   GUINT_TO_POINTER (LB_DEAL_NAME), NULL);
  gtk_custom_sorter_set_sort_func (self->account_sorter, text_compare,
                                   GUINT_TO_POINTER (LB_DEAL_ACCOUNT_NAME), NULL);
  gtk_custom_sorter_set_sort_func (self->contact_sorter, text_compare,
                                   GUINT_TO_POINTER (LB_DEAL_CONTACT_NAME), NULL);
  gtk_custom_sorter_set_sort_func (self->close_sorter, text_compare,
                                   GUINT_TO_POINTER (LB_DEAL_EXPECTED_CLOSE), NULL);
  gtk_custom_sorter_set_sort_func (self->stage_sorter, stage_compare, self, NULL);
  gtk_custom_sorter_set_sort_func (self->status_sorter, status_compare, NULL, NULL);

  update_state (self);
}

/* public API */

/**
 * lb_deals_page_get_model:
 *
 * Returns: (transfer none): the deals the list shows, in its order
 */
GListModel *
lb_deals_page_get_model (LbDealsPage *self)
{
  g_return_val_if_fail (LB_IS_DEALS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/* The id of the deal selected in the list, or 0. */
gint64
lb_deals_page_get_selected_id (LbDealsPage *self)
{
  LbDeal *deal;

  g_return_val_if_fail (LB_IS_DEALS_PAGE (self), 0);

  deal = get_selected_deal (self);
  return deal != NULL ? lb_deal_get_id (deal) : 0;
}

/* Selects deal @deal_id in the list; %FALSE when the list does not show it. */
gboolean
lb_deals_page_select (LbDealsPage *self,
                      gint64       deal_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (LB_IS_DEALS_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbDeal) deal = g_list_model_get_item (model, i);

      if (lb_deal_get_id (deal) == deal_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* What the page shows: "deals", "empty" (no deals at all) or
 * "no-match" (the search matches none). */
const char *
lb_deals_page_get_state (LbDealsPage *self)
{
  g_return_val_if_fail (LB_IS_DEALS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The view shown: "list" or "board". */
const char *
lb_deals_page_get_view (LbDealsPage *self)
{
  g_return_val_if_fail (LB_IS_DEALS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

void
lb_deals_page_set_view (LbDealsPage *self,
                        const char  *view)
{
  g_return_if_fail (LB_IS_DEALS_PAGE (self));
  g_return_if_fail (g_strcmp0 (view, "list") == 0 || g_strcmp0 (view, "board") == 0);

  if (g_strcmp0 (view, lb_deals_page_get_view (self)) == 0)
    return;

  gtk_stack_set_visible_child_name (self->view_stack, view);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BOARD]);
}

/**
 * lb_deals_page_get_stage_column:
 *
 * Returns: (transfer none) (nullable): the board's column of @stage of
 *   @pipeline (names as the store spells them)
 */
GtkWidget *
lb_deals_page_get_stage_column (LbDealsPage *self,
                                const char  *pipeline,
                                const char  *stage)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LB_IS_DEALS_PAGE (self), NULL);

  key = stage_key (pipeline, stage);
  return g_hash_table_lookup (self->columns, key);
}
