#define G_LOG_DOMAIN "lb-leads-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lb-lead-actions.h"
#include "lb-lead-filter-bar.h"
#include "lb-leads-page.h"
#include "lb-convert-window.h"
#include "lb-toasts.h"
#include "lb-validate.h"

/* The sortable columns, as the template names their sorters. */
typedef enum
{
  COLUMN_TITLE,
  COLUMN_NAME,
  COLUMN_COMPANY,
  COLUMN_EMAIL,
  COLUMN_PHONE,
  COLUMN_SOURCE,
  COLUMN_CATEGORY,
  COLUMN_STATUS,
  COLUMN_RATING,
  COLUMN_CREATED,
  N_COLUMNS
} Column;

static const struct
{
  const char *column_id;
  const char *sorter_id;
  LbLeadSort  sort;
} column_info[N_COLUMNS] = {
  [COLUMN_TITLE] = { "title_column", "title_sorter", LB_LEAD_SORT_TITLE },
  [COLUMN_NAME] = { "name_column", "name_sorter", LB_LEAD_SORT_NAME },
  [COLUMN_COMPANY] = { "company_column", "company_sorter", LB_LEAD_SORT_COMPANY },
  [COLUMN_EMAIL] = { "email_column", "email_sorter", LB_LEAD_SORT_EMAIL },
  [COLUMN_PHONE] = { "phone_column", "phone_sorter", LB_LEAD_SORT_PHONE },
  [COLUMN_SOURCE] = { "source_column", "source_sorter", LB_LEAD_SORT_SOURCE },
  [COLUMN_CATEGORY] = { "category_column", "category_sorter", LB_LEAD_SORT_CATEGORY },
  [COLUMN_STATUS] = { "status_column", "status_sorter", LB_LEAD_SORT_STATUS },
  [COLUMN_RATING] = { "rating_column", "rating_sorter", LB_LEAD_SORT_RATING },
  [COLUMN_CREATED] = { "created_column", "created_sorter", LB_LEAD_SORT_CREATED },
};

/* The user data of a column's sorter.  The list is sorted in SQL; the
 * sorters only answer, when the page compares two probe objects, which
 * column the column view sorts by (GTK 4.8 has no
 * gtk_column_view_sorter_get_primary_sort_column ()). */
typedef struct
{
  LbLeadsPage *page;
  LbLeadSort   sort;
} SortProbe;

struct _LbLeadsPage
{
  LbPage               parent_instance;

  LbLeadList          *list;
  LbLeadFilter        *filter;
  SortProbe            probes[N_COLUMNS];
  LbLeadSort           probed_sort;
  GObject             *probe_a;
  GObject             *probe_b;
  guint                updating;   /* > 0 while filters change in bulk */
  double               scroll_to;  /* where to scroll once the list is in, or -1 */
  guint                scroll_tick;
  guint                scroll_frames;
  double               wheel_dx;   /* wheel scrolling not applied yet, in pixels */
  double               wheel_dy;
  guint                wheel_tick;

  /* template children */
  GtkPopover          *row_popover;
  AdwWindowTitle      *window_title;
  GtkSpinner          *spinner;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *search_button;
  GtkToggleButton     *filter_button;
  LbLeadFilterBar     *filter_bar;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkCustomSorter     *sorters[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (LbLeadsPage, lb_leads_page, LB_TYPE_PAGE)

/* helpers */

static LbLead *
get_selected_lead (LbLeadsPage *self)
{
  LbLead *lead;

  if (self->selection == NULL)
    return NULL;   /* still building the template */

  lead = gtk_single_selection_get_selected_item (self->selection);
  if (lead == NULL || lb_lead_get_id (lead) == 0 || lb_lead_get_title (lead) == NULL)
    return NULL;   /* nothing, or a row deleted since the list was read */

  return lead;
}

static gboolean
filters_are_active (LbLeadsPage *self)
{
  return self->filter->search != NULL || lb_lead_filter_bar_is_active (self->filter_bar);
}

/* Sets which page actions can run now; the one place that does. */
static void
update_actions (LbLeadsPage *self)
{
  gboolean has_store = lb_page_get_store (LB_PAGE (self)) != NULL;
  gboolean has_lead = has_store && get_selected_lead (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leads.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leads.open", has_lead);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leads.replicate", has_lead);
  /* Convert is offered on every lead not yet converted, and nowhere else. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leads.convert",
                                 has_lead && lb_lead_get_status (get_selected_lead (self))
                                             != LB_LEAD_STATUS_CONVERTED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leads.delete", has_lead);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leads.menu", has_lead);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "leads.clear-filters",
                                 filters_are_active (self));
}

static void
update_state (LbLeadsPage *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gboolean loading = self->list != NULL && lb_lead_list_get_loading (self->list);
  gboolean complete = self->list == NULL || lb_lead_list_get_complete (self->list);
  g_autofree char *subtitle = NULL;

  if (!complete)
    {
      /* The first rows of a new query: show them while the rest loads. */
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (self->list == NULL || loading)
    {
      /* Keep what shows until the query is in. */
    }
  else if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (filters_are_active (self))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  /* Only the whole result gives the count. */
  if (self->list == NULL)
    subtitle = NULL;
  else if (loading && (n == 0 || !complete))
    subtitle = g_strdup (_("Loading…"));
  else if (!complete && filters_are_active (self))
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At least %'u matching lead",
                                             "At least %'u matching leads", n), n);
  else if (!complete)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At least %'u lead",
                                             "At least %'u leads", n), n);
  else if (filters_are_active (self))
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u matching lead",
                                             "%'u matching leads", n), n);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u lead", "%'u leads", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  update_actions (self);
}

/* Hands the filter, search and sort order to the list, which queries
 * again when they changed. */
static void
apply_filter (LbLeadsPage *self)
{
  if (self->updating > 0 || self->list == NULL)
    return;

  lb_lead_filter_bar_apply (self->filter_bar, self->filter);
  if (!lb_lead_filter_equal (self->filter, lb_lead_list_get_filter (self->list)))
    self->scroll_to = 0;   /* another query: start at the top */
  lb_lead_list_set_filter (self->list, self->filter);
  update_actions (self);
}

/* The widget of the row that holds @widget, if it is a row of the
 * column view.  The column view's rows have the CSS name "row". */
static GtkWidget *
find_row (LbLeadsPage *self,
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

/* Opens the row menu pointing at @rect of @widget. */
static void
popup_row_menu (LbLeadsPage           *self,
                GtkWidget             *widget,
                const graphene_rect_t *rect)
{
  graphene_rect_t bounds;
  graphene_point_t origin;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &rect->origin, &origin))
    return;

  graphene_rect_init (&bounds, origin.x, origin.y, rect->size.width, rect->size.height);
  gtk_popover_set_pointing_to (self->row_popover, &(GdkRectangle) {
                                 (int)bounds.origin.x, (int)bounds.origin.y,
                                 MAX (1, (int)bounds.size.width), MAX (1, (int)bounds.size.height) });
  gtk_popover_popup (self->row_popover);
}

/* The row of the selected lead, among the rows the view has built. */
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

/* callbacks */

static void
scroll_by (GtkAdjustment *adjustment,
           double         delta)
{
  double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment) + delta;

  gtk_adjustment_set_value (adjustment, CLAMP (value, gtk_adjustment_get_lower (adjustment), upper));
}

static gboolean
wheel_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  LbLeadsPage *self = user_data;
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (widget);

  self->wheel_tick = 0;
  if (self->wheel_dx != 0)
    scroll_by (gtk_scrolled_window_get_hadjustment (scrolled), self->wheel_dx);
  if (self->wheel_dy != 0)
    scroll_by (gtk_scrolled_window_get_vadjustment (scrolled), self->wheel_dy);
  self->wheel_dx = self->wheel_dy = 0;

  return G_SOURCE_REMOVE;
}

/* GTK 4.8's list views jump, often to the end of the list, when their
 * scroll position changes twice between two frames (fixed in GTK
 * 4.10).  A mouse wheel spun fast does that, so the page takes the
 * wheel's steps first (the same step as GtkScrolledWindow: the page
 * size to the power 2/3) and scrolls at most once a frame.  Touchpads,
 * which scroll by pixels and glide, are left to the scrolled window. */
static gboolean
wheel_scroll_cb (LbLeadsPage              *self,
                 double                    dx,
                 double                    dy,
                 GtkEventControllerScroll *controller)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (widget);
  GdkModifierType state;

  if (gtk_event_controller_scroll_get_unit (controller) != GDK_SCROLL_UNIT_WHEEL)
    return GDK_EVENT_PROPAGATE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_SHIFT_MASK) != 0)
    {
      double swap = dx;
      dx = dy;
      dy = swap;
    }

  self->wheel_dx += dx * pow (gtk_adjustment_get_page_size (gtk_scrolled_window_get_hadjustment (scrolled)),
                              2.0 / 3.0);
  self->wheel_dy += dy * pow (gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (scrolled)),
                              2.0 / 3.0);
  if (self->wheel_tick == 0)
    self->wheel_tick = gtk_widget_add_tick_callback (widget, wheel_tick_cb, self, NULL);

  return GDK_EVENT_STOP;
}

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  probe->page->probed_sort = probe->sort;
  return GTK_ORDERING_SMALLER;
}

/* The user clicked a column header: ask the column view's sorter which
 * column and direction it means, and let SQL sort. */
static void
view_sorter_changed_cb (LbLeadsPage *self,
                        GtkSorterChange change,
                        GtkSorter   *sorter)
{
  GtkOrdering order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);

  if (order == GTK_ORDERING_EQUAL)
    {
      self->filter->sort = LB_LEAD_SORT_CREATED;
      self->filter->descending = TRUE;
    }
  else
    {
      self->filter->sort = self->probed_sort;
      self->filter->descending = order == GTK_ORDERING_LARGER;
    }

  apply_filter (self);
}

static void
search_changed_cb (LbLeadsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *clean = g_strstrip (g_strdup (text));

  g_free (self->filter->search);
  self->filter->search = *clean != '\0' ? g_steal_pointer (&clean) : NULL;
  apply_filter (self);
}

static void
filters_changed_cb (LbLeadsPage *self)
{
  apply_filter (self);
}

static void
selection_changed_cb (LbLeadsPage *self)
{
  update_actions (self);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  LbLeadsPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));

  /* The view lays the new rows out in the frame after they came in;
   * put the place back after that. */
  if (++self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  scroll_by (adjustment, self->scroll_to - gtk_adjustment_get_value (adjustment));
  self->scroll_to = -1;

  return G_SOURCE_REMOVE;
}

/* GTK 4.8's list views lose their place in a long list when the whole
 * list is replaced, so the page puts it back once the new rows are in:
 * where it was after a reload, at the top after a new query. */
static void
restore_place (LbLeadsPage *self)
{
  self->scroll_frames = 0;
  if (self->scroll_to >= 0 && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->scrolled_window),
                                                      scroll_tick_cb, self, NULL);
}

/* The first rows of a new query are in (the rest only adds rows after
 * them), or the list changed as its query finished. */
static void
list_items_changed_cb (LbLeadsPage *self)
{
  update_state (self);
  if (!lb_lead_list_get_complete (self->list))
    restore_place (self);
}

static void
list_loaded_cb (LbLeadsPage *self)
{
  update_state (self);
  restore_place (self);
}

static void
list_failed_cb (LbLeadsPage  *self,
                const GError *error)
{
  lb_page_show_message (LB_PAGE (self), error->message);
  update_state (self);
}

static void
column_view_activate_cb (LbLeadsPage *self,
                         guint        position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "leads.open", NULL);
}

/* A row's menu button: select the row, then show the menu, which acts
 * on the selected lead. */
static void
row_menu_clicked_cb (GtkListItem *item,
                     GtkButton   *button)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), LB_TYPE_LEADS_PAGE);
  guint position = gtk_list_item_get_position (item);
  LbLeadsPage *self;

  if (page == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  self = LB_LEADS_PAGE (page);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  popup_row_menu (self, GTK_WIDGET (button),
                  &GRAPHENE_RECT_INIT (0, 0,
                                       gtk_widget_get_width (GTK_WIDGET (button)),
                                       gtk_widget_get_height (GTK_WIDGET (button))));
}

/* A right click on a row opens its menu at the pointer. */
static void
secondary_pressed_cb (LbLeadsPage     *self,
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

static char *
format_date (GtkListItem *item,
             gint64       unix_time)
{
  return lb_format_date (unix_time);
}

/* actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  gtk_widget_activate_action (widget, "win.new-lead", NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbLead *lead = get_selected_lead (LB_LEADS_PAGE (widget));

  if (lead != NULL)
    gtk_widget_activate_action (widget, "win.open-lead", "x", lb_lead_get_id (lead));
}

static void
lead_converted_cb (LbLeadsPage *self,
                   gint64       lead_id)
{
  lb_page_changed (LB_PAGE (self));
}

static void
convert_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LbLeadsPage *self = LB_LEADS_PAGE (widget);
  LbLead *lead = get_selected_lead (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  LbConvertWindow *window;

  if (lead == NULL)
    return;

  window = lb_convert_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  lb_page_get_store (LB_PAGE (self)), lb_lead_get_id (lead));
  g_signal_connect_object (window, "converted", G_CALLBACK (lead_converted_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
replicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LbLeadsPage *self = LB_LEADS_PAGE (widget);
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  LbLead *lead = get_selected_lead (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) copy = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;
  gint64 id;

  if (lead == NULL)
    return;

  id = lb_lead_replicate (store, lb_lead_get_id (lead), &error);
  if (id == 0)
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  copy = lb_store_get_lead (store, id, NULL);
  escaped = g_markup_escape_text (copy != NULL ? lb_lead_get_title (copy) : "", -1);
  text = g_strdup_printf (_("Replicated as “%s”"), escaped);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-lead");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  lb_page_add_toast (LB_PAGE (self), toast);

  lb_page_changed (LB_PAGE (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbLeadsPage *self = LB_LEADS_PAGE (widget);
  LbLead *lead = get_selected_lead (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  if (lead == NULL)
    return;

  id = lb_lead_get_id (lead);
  title = g_strdup (lb_lead_get_title (lead));
  if (!lb_lead_trash (lb_page_get_store (LB_PAGE (self)), id, &error))
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  lb_page_add_toast (LB_PAGE (self), lb_toast_new_trashed (id, title));
  lb_page_changed (LB_PAGE (self));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LbLeadsPage *self = LB_LEADS_PAGE (widget);

  self->updating++;
  lb_lead_filter_bar_clear (self->filter_bar);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->filter->search, g_free);
  self->updating--;

  apply_filter (self);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbLeadsPage *self = LB_LEADS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbLeadsPage *self = LB_LEADS_PAGE (widget);
  GtkWidget *row = find_selected_row (GTK_WIDGET (self->column_view));
  GtkWidget *button = row != NULL ? find_menu_button (row) : NULL;

  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
}

/* GtkWidget overrides */

static void
lb_leads_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LbLeadsPage *self = LB_LEADS_PAGE (widget);

  GTK_WIDGET_CLASS (lb_leads_page_parent_class)->size_allocate (widget, width, height, baseline);

  gtk_popover_present (self->row_popover);
}

/* LbPage overrides */

static void
lb_leads_page_store_changed (LbPage *page)
{
  LbLeadsPage *self = LB_LEADS_PAGE (page);
  LbStore *store = lb_page_get_store (page);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  gtk_single_selection_set_model (self->selection, NULL);
  lb_lead_filter_bar_set_store (self->filter_bar, store);

  if (store != NULL)
    {
      self->list = lb_lead_list_new (store);
      g_signal_connect_swapped (self->list, "loaded", G_CALLBACK (list_loaded_cb), self);
      g_signal_connect_swapped (self->list, "failed", G_CALLBACK (list_failed_cb), self);
      g_object_bind_property (self->list, "loading", self->spinner, "visible",
                              G_BINDING_SYNC_CREATE);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
      /* After the selection, so that it has followed the change. */
      g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (list_items_changed_cb),
                                self);

      lb_lead_filter_bar_apply (self->filter_bar, self->filter);
      lb_lead_list_set_filter (self->list, self->filter);
      if (!lb_lead_list_get_loading (self->list))
        lb_lead_list_reload (self->list);
    }

  update_state (self);
}

static void
lb_leads_page_reload (LbPage *page)
{
  LbLeadsPage *self = LB_LEADS_PAGE (page);

  if (self->list == NULL)
    return;

  if (self->scroll_to < 0)
    self->scroll_to = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window));
  lb_lead_list_reload (self->list);
}

static void
lb_leads_page_refs_changed (LbPage *page)
{
  LbLeadsPage *self = LB_LEADS_PAGE (page);

  self->updating++;
  lb_lead_filter_bar_reload_refs (self->filter_bar);
  self->updating--;

  if (self->list != NULL)
    {
      lb_lead_filter_bar_apply (self->filter_bar, self->filter);
      lb_lead_list_set_filter (self->list, self->filter);
      if (!lb_lead_list_get_loading (self->list))
        lb_lead_list_reload (self->list);
    }
}

/* GObject overrides */

static void
lb_leads_page_dispose (GObject *object)
{
  LbLeadsPage *self = (LbLeadsPage *)object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->wheel_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->scrolled_window), self->wheel_tick);
      self->wheel_tick = 0;
    }
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->scrolled_window), self->scroll_tick);
      self->scroll_tick = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_LEADS_PAGE);
  g_clear_object (&self->list);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (lb_leads_page_parent_class)->dispose (object);
}

static void
lb_leads_page_finalize (GObject *object)
{
  LbLeadsPage *self = (LbLeadsPage *)object;

  g_clear_pointer (&self->filter, lb_lead_filter_free);

  G_OBJECT_CLASS (lb_leads_page_parent_class)->finalize (object);
}

/* class_init / init */

static void
lb_leads_page_class_init (LbLeadsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LbPageClass *page_class = LB_PAGE_CLASS (klass);

  object_class->dispose = lb_leads_page_dispose;
  object_class->finalize = lb_leads_page_finalize;

  widget_class->size_allocate = lb_leads_page_size_allocate;

  page_class->store_changed = lb_leads_page_store_changed;
  page_class->reload = lb_leads_page_reload;
  page_class->refs_changed = lb_leads_page_refs_changed;

  g_type_ensure (LB_TYPE_LEAD);
  g_type_ensure (LB_TYPE_LEAD_FILTER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/leads/lb-leads-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, row_popover);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LbLeadsPage, selection);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, column_info[i].column_id, FALSE,
                                                 G_STRUCT_OFFSET (LbLeadsPage, columns[i]));
      gtk_widget_class_bind_template_child_full (widget_class, column_info[i].sorter_id, FALSE,
                                                 G_STRUCT_OFFSET (LbLeadsPage, sorters[i]));
    }
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_menu_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, wheel_scroll_cb);

  gtk_widget_class_install_action (widget_class, "leads.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "leads.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "leads.convert", NULL, convert_action);
  gtk_widget_class_install_action (widget_class, "leads.replicate", NULL, replicate_action);
  gtk_widget_class_install_action (widget_class, "leads.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "leads.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "leads.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "leads.menu", NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "leads.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "leads.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "leads.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "leads.menu", NULL);
}

static void
lb_leads_page_init (LbLeadsPage *self)
{
  GtkSorter *view_sorter;

  self->filter = lb_lead_filter_new ();
  self->scroll_to = -1;
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);

  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      self->probes[i].page = self;
      self->probes[i].sort = column_info[i].sort;
      gtk_custom_sorter_set_sort_func (self->sorters[i], probe_compare, &self->probes[i], NULL);
    }

  view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (view_sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Newest first, as a new filter has it. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_CREATED],
                                  GTK_SORT_DESCENDING);
  self->updating--;

  update_state (self);
}

/* public API */

/**
 * lb_leads_page_get_list:
 *
 * Returns: (transfer none) (nullable): the list the page shows
 */
LbLeadList *
lb_leads_page_get_list (LbLeadsPage *self)
{
  g_return_val_if_fail (LB_IS_LEADS_PAGE (self), NULL);
  return self->list;
}

/* The id of the selected lead, or 0. */
gint64
lb_leads_page_get_selected_id (LbLeadsPage *self)
{
  LbLead *lead;

  g_return_val_if_fail (LB_IS_LEADS_PAGE (self), 0);

  lead = get_selected_lead (self);
  return lead != NULL ? lb_lead_get_id (lead) : 0;
}

/* Selects lead @lead_id; %FALSE when the list does not show it. */
gboolean
lb_leads_page_select (LbLeadsPage *self,
                      gint64       lead_id)
{
  guint position;

  g_return_val_if_fail (LB_IS_LEADS_PAGE (self), FALSE);

  if (self->list == NULL)
    return FALSE;

  position = lb_lead_list_find (self->list, lead_id);
  if (position == G_MAXUINT)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  return TRUE;
}

/* What the page shows: "list", "empty" (no leads at all) or
 * "no-match" (the search and filters match none). */
const char *
lb_leads_page_get_state (LbLeadsPage *self)
{
  g_return_val_if_fail (LB_IS_LEADS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
