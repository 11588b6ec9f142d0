#define G_LOG_DOMAIN "lb-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-accounts-page.h"
#include "lb-crm-actions.h"
#include "lb-validate.h"

/* The accounts (SPEC 3.4): a column view over the accounts outside the
 * trash that match the search, sorted by the column the user picks.
 * The list is small, so the store reads all of it and the view sorts.
 * The contacts page works the same way, with the LbRecordList below. */

struct _LbAccountsPage
{
  LbPage        parent_instance;

  LbRecordList  list;
};

G_DEFINE_FINAL_TYPE (LbAccountsPage, lb_accounts_page, LB_TYPE_PAGE)

/* record list: helpers */

static GQuark
info_quark (void)
{
  return g_quark_from_static_string ("lb-record-list-info");
}

static const LbRecordListInfo *
get_info (gpointer page)
{
  const LbRecordListInfo *info = g_type_get_qdata (G_OBJECT_TYPE (page), info_quark ());

  g_assert (info != NULL);
  return info;
}

static LbRecordList *
get_list (gpointer page)
{
  return G_STRUCT_MEMBER_P (page, get_info (page)->offset);
}

/* "accounts" + ".new" → "accounts.new", for as long as the program runs. */
static const char *
action_name (const LbRecordListInfo *info,
             const char             *name)
{
  g_autofree char *full = g_strconcat (info->prefix, ".", name, NULL);

  return g_intern_string (full);
}

static const char *
trash_kind (const LbRecordListInfo *info)
{
  return info->kind == LB_LINK_ACCOUNT ? "account" : "contact";
}

/* Sets which page actions can run now; the one place that does. */
static void
update_actions (LbPage *page)
{
  const LbRecordListInfo *info = get_info (page);
  LbRecordList *list = get_list (page);
  gboolean has_store = lb_page_get_store (page) != NULL;
  gboolean has_record = has_store && lb_record_list_get_selected_id (page) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (page), action_name (info, "new"), has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), action_name (info, "open"), has_record);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), action_name (info, "delete"), has_record);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), action_name (info, "menu"), has_record);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), action_name (info, "clear-search"),
                                 list->search != NULL);
}

static void
update_state (LbPage *page)
{
  LbRecordList *list = get_list (page);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list->selection));
  g_autofree char *subtitle = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (list->stack, "list");
  else if (list->search != NULL)
    gtk_stack_set_visible_child_name (list->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (list->stack, "empty");

  if (lb_page_get_store (page) != NULL)
    subtitle = get_info (page)->subtitle (n, list->search != NULL);
  adw_window_title_set_subtitle (list->window_title, subtitle);

  update_actions (page);
}

/* Reads the records that match the search again, keeping the
 * selection. */
static void
load (LbPage *page)
{
  LbRecordList *list = get_list (page);
  LbStore *store = lb_page_get_store (page);
  g_autoptr(GListModel) records = NULL;
  gint64 selected = lb_record_list_get_selected_id (page);

  if (store != NULL)
    {
      g_autoptr(GError) error = NULL;
      LbRecordFilter filter;

      lb_record_filter_init (&filter);
      filter.search = g_strdup (list->search);
      records = get_info (page)->list (store, &filter, &error);
      lb_record_filter_clear (&filter);

      if (records == NULL)
        lb_page_show_message (page, error->message);
    }

  gtk_sort_list_model_set_model (list->sort_model, records);
  if (selected != 0)
    lb_record_list_select (page, selected);
  update_state (page);
}

static void
record_restored_cb (gpointer      owner,
                    const GError *error)
{
  if (error != NULL)
    lb_page_show_message (LB_PAGE (owner), error->message);
  lb_page_changed (LB_PAGE (owner));
}

/* A window the page opened saved, changed or trashed its record. */
static void
record_changed_cb (gpointer    owner,
                   LbLinkKind  kind,
                   gint64      id,
                   gboolean    trashed)
{
  LbStore *store = lb_page_get_store (LB_PAGE (owner));

  if (trashed && store != NULL)
    lb_page_add_toast (LB_PAGE (owner),
                       lb_editor_trashed_toast_new (store, kind, id, owner, record_restored_cb));
  lb_page_changed (LB_PAGE (owner));
}

static void
open_record (LbPage *page,
             gint64  id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  LbStore *store = lb_page_get_store (page);

  if (store == NULL)
    return;

  lb_editor_open_link (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store,
                       get_info (page)->kind, id, page, record_changed_cb);
}

/* The first row-menu button in @widget; with @selected_only, only in
 * the selected row.  The column view's rows have the CSS name "row". */
static GtkWidget *
find_menu_button (GtkWidget *widget,
                  gboolean   selected_only,
                  gboolean   in_selected)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
    in_selected = (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_SELECTED) != 0;

  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "row-menu"))
    return !selected_only || in_selected ? widget : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_menu_button (child, selected_only, in_selected);

      if (button != NULL)
        return button;
    }

  return NULL;
}

/* The menu button of the row of the column view that holds @widget. */
static GtkWidget *
find_row_menu_button (LbRecordList *list,
                      GtkWidget    *widget)
{
  for (; widget != NULL && widget != GTK_WIDGET (list->column_view);
       widget = gtk_widget_get_parent (widget))
    if (g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
      return find_menu_button (widget, FALSE, FALSE);

  return NULL;
}

/* Shows the row menu pointing at @rect of @widget, all of it for NULL. */
static void
popup_row_menu (LbRecordList          *list,
                GtkWidget             *widget,
                const graphene_rect_t *rect)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (list->row_popover));
  graphene_rect_t whole;
  graphene_point_t origin;

  if (rect == NULL)
    {
      graphene_rect_init (&whole, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      rect = &whole;
    }

  if (!gtk_widget_compute_point (widget, parent, &rect->origin, &origin))
    return;

  gtk_popover_set_pointing_to (list->row_popover, &(GdkRectangle) {
                                 (int)origin.x, (int)origin.y,
                                 MAX (1, (int)rect->size.width), MAX (1, (int)rect->size.height) });
  gtk_popover_popup (list->row_popover);
}

/* record list: callbacks */

static void
search_changed_cb (LbPage *page)
{
  LbRecordList *list = get_list (page);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (list->search_entry));
  g_autofree char *clean = g_strstrip (g_strdup (text));

  g_free (list->search);
  list->search = *clean != '\0' ? g_steal_pointer (&clean) : NULL;
  load (page);
}

static void
selection_changed_cb (LbPage *page)
{
  update_actions (page);
}

static void
column_view_activate_cb (LbPage *page,
                         guint   position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (get_list (page)->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), action_name (get_info (page), "open"), NULL);
}

/* A row's menu button: select the row, then show the menu, which acts
 * on the selected record. */
static void
row_menu_clicked_cb (GtkListItem *item,
                     GtkButton   *button)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (button), LB_TYPE_PAGE);
  guint position = gtk_list_item_get_position (item);
  LbRecordList *list;

  if (page == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  list = get_list (page);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (list->selection), position, TRUE);
  popup_row_menu (list, GTK_WIDGET (button), NULL);
}

/* A right click on a row opens its menu at the pointer. */
static void
secondary_pressed_cb (LbPage          *page,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  LbRecordList *list = get_list (page);
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (list->column_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *button = find_row_menu_button (list, picked);

  if (button == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit_by_name (button, "clicked");
  popup_row_menu (list, GTK_WIDGET (list->column_view), &GRAPHENE_RECT_INIT (x, y, 1, 1));
}

static char *
format_date (GtkListItem *item,
             gint64       unix_time)
{
  return lb_format_date (unix_time);
}

/* record list: actions */

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  open_record (LB_PAGE (widget), 0);
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  gint64 id = lb_record_list_get_selected_id (LB_PAGE (widget));

  if (id != 0)
    open_record (LB_PAGE (widget), id);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  LbPage *page = LB_PAGE (widget);
  const LbRecordListInfo *info = get_info (page);
  LbStore *store = lb_page_get_store (page);
  gint64 id = lb_record_list_get_selected_id (page);
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;

  if (!lb_record_trash (store, trash_kind (info), id, &error))
    {
      lb_page_show_message (page, error->message);
      return;
    }

  lb_page_add_toast (page, lb_editor_trashed_toast_new (store, info->kind, id, page,
                                                        record_restored_cb));
  lb_page_changed (page);
}

static void
search_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  LbRecordList *list = get_list (widget);

  gtk_search_bar_set_search_mode (list->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (list->search_entry));
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  LbRecordList *list = get_list (widget);

  gtk_editable_set_text (GTK_EDITABLE (list->search_entry), "");
  g_clear_pointer (&list->search, g_free);
  load (LB_PAGE (widget));
}

static void
menu_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  GtkWidget *button = find_menu_button (GTK_WIDGET (get_list (widget)->column_view), TRUE, FALSE);

  if (button != NULL)
    g_signal_emit_by_name (button, "clicked");
}

/* record list: overrides */

static void
record_list_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  GtkWidgetClass *parent_class = g_type_class_peek (LB_TYPE_PAGE);

  parent_class->size_allocate (widget, width, height, baseline);

  gtk_popover_present (get_list (widget)->row_popover);
}

static void
record_list_reload (LbPage *page)
{
  load (page);
}

/* record list: API */

/**
 * lb_record_list_class_init:
 * @info: (transfer none): the page's record list, static
 *
 * Binds the template children and callbacks of a record list page,
 * installs its actions, their keys and the page's overrides.  Call it
 * after gtk_widget_class_set_template_from_resource().
 */
void
lb_record_list_class_init (GtkWidgetClass         *widget_class,
                           const LbRecordListInfo *info)
{
  static const struct {
    const char *name;
    gsize       offset;
  } children[] = {
    { "row_popover", G_STRUCT_OFFSET (LbRecordList, row_popover) },
    { "window_title", G_STRUCT_OFFSET (LbRecordList, window_title) },
    { "search_bar", G_STRUCT_OFFSET (LbRecordList, search_bar) },
    { "search_entry", G_STRUCT_OFFSET (LbRecordList, search_entry) },
    { "stack", G_STRUCT_OFFSET (LbRecordList, stack) },
    { "column_view", G_STRUCT_OFFSET (LbRecordList, column_view) },
    { "name_column", G_STRUCT_OFFSET (LbRecordList, name_column) },
    { "selection", G_STRUCT_OFFSET (LbRecordList, selection) },
    { "sort_model", G_STRUCT_OFFSET (LbRecordList, sort_model) },
  };
  LbPageClass *page_class = LB_PAGE_CLASS (widget_class);

  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), info_quark (), (gpointer)info);

  widget_class->size_allocate = record_list_size_allocate;
  page_class->store_changed = record_list_reload;
  page_class->reload = record_list_reload;
  page_class->refs_changed = record_list_reload;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i].name, FALSE,
                                               info->offset + children[i].offset);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_menu_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_date);

  gtk_widget_class_install_action (widget_class, action_name (info, "new"), NULL, new_action);
  gtk_widget_class_install_action (widget_class, action_name (info, "open"), NULL, open_action);
  gtk_widget_class_install_action (widget_class, action_name (info, "delete"), NULL, delete_action);
  gtk_widget_class_install_action (widget_class, action_name (info, "search"), NULL, search_action);
  gtk_widget_class_install_action (widget_class, action_name (info, "clear-search"), NULL,
                                   clear_search_action);
  gtk_widget_class_install_action (widget_class, action_name (info, "menu"), NULL, menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       action_name (info, "delete"), NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       action_name (info, "delete"), NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       action_name (info, "menu"), NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       action_name (info, "menu"), NULL);
}

/* Sets the list up, after gtk_widget_init_template(): sorted by name. */
void
lb_record_list_init (LbPage *page)
{
  LbRecordList *list = get_list (page);

  gtk_search_bar_connect_entry (list->search_bar, GTK_EDITABLE (list->search_entry));
  gtk_sort_list_model_set_sorter (list->sort_model, gtk_column_view_get_sorter (list->column_view));
  gtk_column_view_sort_by_column (list->column_view, list->name_column, GTK_SORT_ASCENDING);

  update_state (page);
}

void
lb_record_list_finalize (LbPage *page)
{
  g_clear_pointer (&get_list (page)->search, g_free);
}

/**
 * lb_record_list_get_model:
 *
 * Returns: (transfer none): the records the page shows, in the order
 *   it shows them
 */
GListModel *
lb_record_list_get_model (LbPage *page)
{
  return G_LIST_MODEL (get_list (page)->selection);
}

/* What the page shows: "list", "empty" (no records at all) or
 * "no-match" (the search matches none). */
const char *
lb_record_list_get_state (LbPage *page)
{
  return gtk_stack_get_visible_child_name (get_list (page)->stack);
}

/* The id of the selected record, or 0. */
gint64
lb_record_list_get_selected_id (LbPage *page)
{
  LbRecordList *list = get_list (page);
  LbRecord *record;

  if (list->selection == NULL)
    return 0;   /* still building the template */

  /* The id is the first integer field of accounts and contacts. */
  record = gtk_single_selection_get_selected_item (list->selection);
  return record != NULL ? lb_record_get_int (record, 0) : 0;
}

/* Selects record @id; %FALSE when the page does not show it. */
gboolean
lb_record_list_select (LbPage *page,
                       gint64  id)
{
  GListModel *model = G_LIST_MODEL (get_list (page)->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRecord) record = g_list_model_get_item (model, i);

      if (lb_record_get_int (record, 0) == id)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

/* accounts page */

static char *
accounts_subtitle (guint    n,
                   gboolean matching)
{
  if (matching)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u matching account",
                                         "%'u matching accounts", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u account", "%'u accounts", n), n);
}

static const LbRecordListInfo accounts_info = {
  .offset = G_STRUCT_OFFSET (LbAccountsPage, list),
  .prefix = "accounts",
  .kind = LB_LINK_ACCOUNT,
  .list = lb_store_list_accounts,
  .subtitle = accounts_subtitle,
};

static void
lb_accounts_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_ACCOUNTS_PAGE);

  G_OBJECT_CLASS (lb_accounts_page_parent_class)->dispose (object);
}

static void
lb_accounts_page_finalize (GObject *object)
{
  lb_record_list_finalize (LB_PAGE (object));

  G_OBJECT_CLASS (lb_accounts_page_parent_class)->finalize (object);
}

static void
lb_accounts_page_class_init (LbAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_accounts_page_dispose;
  object_class->finalize = lb_accounts_page_finalize;

  g_type_ensure (LB_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/accounts/lb-accounts-page.ui");
  lb_record_list_class_init (widget_class, &accounts_info);
}

static void
lb_accounts_page_init (LbAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lb_record_list_init (LB_PAGE (self));
}

/* accounts page: public API */

/**
 * lb_accounts_page_get_model:
 *
 * Returns: (transfer none): the accounts the page shows, in the order
 *   it shows them
 */
GListModel *
lb_accounts_page_get_model (LbAccountsPage *self)
{
  g_return_val_if_fail (LB_IS_ACCOUNTS_PAGE (self), NULL);
  return lb_record_list_get_model (LB_PAGE (self));
}

/* "list", "empty" (no accounts at all) or "no-match". */
const char *
lb_accounts_page_get_state (LbAccountsPage *self)
{
  g_return_val_if_fail (LB_IS_ACCOUNTS_PAGE (self), NULL);
  return lb_record_list_get_state (LB_PAGE (self));
}

gint64
lb_accounts_page_get_selected_id (LbAccountsPage *self)
{
  g_return_val_if_fail (LB_IS_ACCOUNTS_PAGE (self), 0);
  return lb_record_list_get_selected_id (LB_PAGE (self));
}

gboolean
lb_accounts_page_select (LbAccountsPage *self,
                         gint64          account_id)
{
  g_return_val_if_fail (LB_IS_ACCOUNTS_PAGE (self), FALSE);
  return lb_record_list_select (LB_PAGE (self), account_id);
}
