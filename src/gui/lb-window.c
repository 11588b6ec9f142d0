#define G_LOG_DOMAIN "lb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-accounts-page.h"
#include "lb-contacts-page.h"
#include "lb-dashboard-page.h"
#include "lb-deals-page.h"
#include "lb-documents-page.h"
#include "lb-empty-page.h"
#include "lb-leads-page.h"
#include "lb-products-page.h"
#include "lb-trash-page.h"
#include "lb-window-private.h"

G_DEFINE_FINAL_TYPE (LbWindow, lb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* helpers */

/* The window's settings, or NULL when the schema is not installed (a
 * build run from its folder without GSETTINGS_SCHEMA_DIR). */
static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static GtkWidget *
sidebar_row_new (GtkStackPage *page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, gtk_stack_page_get_name (page));

  return row;
}

static void
populate_sidebar (LbWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      gtk_list_box_append (self->sidebar_list, sidebar_row_new (GTK_STACK_PAGE (page)));
    }
}

static GtkListBoxRow *
find_sidebar_row (LbWindow   *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

typedef void (*PageFunc) (LbPage *page);

static void
foreach_page (LbWindow *self,
              PageFunc  func)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (LB_IS_PAGE (child))
        func (LB_PAGE (child));
    }
}

static void
restore_state (LbWindow *self)
{
  g_autofree char *page = NULL;

  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
      lb_window_show_page (self, "leads");
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "sidebar-page");
  lb_window_show_page (self, find_sidebar_row (self, page) != NULL ? page : "leads");
}

static void
save_state (LbWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "sidebar-page", lb_window_get_page (self));
  g_settings_apply (self->settings);
}

/* callbacks */

static void
sidebar_row_selected_cb (LbWindow      *self,
                         GtkListBoxRow *row)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
sidebar_row_activated_cb (LbWindow      *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->stack));
}

static void
stack_visible_child_cb (LbWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  GtkListBoxRow *row = find_sidebar_row (self, name);

  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
}

static void
leaflet_changed_cb (LbWindow *self)
{
  _lb_window_actions_update (self);
}

static void
page_changed_cb (LbWindow *self,
                 LbPage   *page)
{
  lb_window_reload (self);
}

/* GtkWindow overrides */

static gboolean
lb_window_close_request (GtkWindow *window)
{
  save_state (LB_WINDOW (window));

  return GTK_WINDOW_CLASS (lb_window_parent_class)->close_request (window);
}

/* GObject overrides */

static void
lb_window_constructed (GObject *object)
{
  LbWindow *self = (LbWindow *)object;

  G_OBJECT_CLASS (lb_window_parent_class)->constructed (object);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (LB_IS_PAGE (child))
        lb_page_set_store (LB_PAGE (child), self->store);
    }

  _lb_window_actions_update (self);
}

static void
lb_window_dispose (GObject *object)
{
  LbWindow *self = (LbWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_window_parent_class)->dispose (object);
}

static void
lb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LbWindow *self = LB_WINDOW (object);

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
lb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LbWindow *self = LB_WINDOW (object);

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
lb_window_class_init (LbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lb_window_constructed;
  object_class->dispose = lb_window_dispose;
  object_class->get_property = lb_window_get_property;
  object_class->set_property = lb_window_set_property;

  window_class->close_request = lb_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LB_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (LB_TYPE_CONTACTS_PAGE);
  g_type_ensure (LB_TYPE_DASHBOARD_PAGE);
  g_type_ensure (LB_TYPE_DEALS_PAGE);
  g_type_ensure (LB_TYPE_DOCUMENTS_PAGE);
  g_type_ensure (LB_TYPE_EMPTY_PAGE);
  g_type_ensure (LB_TYPE_LEADS_PAGE);
  g_type_ensure (LB_TYPE_PRODUCTS_PAGE);
  g_type_ensure (LB_TYPE_TRASH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/lb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, LbWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
}

static void
lb_window_init (LbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_new_if_installed ();

  populate_sidebar (self);
  _lb_window_actions_init (self);
  restore_state (self);
}

/* public API */

/**
 * lb_window_new:
 * @application: the application; it must be registered
 * @store: the open database
 *
 * Returns: (transfer full): a new main window on @store
 */
LbWindow *
lb_window_new (LbApplication *application,
               LbStore       *store)
{
  LbWindow *self;

  g_return_val_if_fail (LB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  self = g_object_new (LB_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);

  if (lb_application_get_demo (application))
    adw_window_title_set_subtitle (self->sidebar_title, _("Demo Data"));

  return self;
}

LbStore *
lb_window_get_store (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);
  return self->store;
}

/* Shows @toast (transfer full) at the bottom of the window. */
void
lb_window_add_toast (LbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (LB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The name of the page shown: "dashboard", "leads", …, "trash". */
const char *
lb_window_get_page (LbWindow *self)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Shows page @name, as if the user picked it in the sidebar. */
void
lb_window_show_page (LbWindow   *self,
                     const char *name)
{
  GtkListBoxRow *row;

  g_return_if_fail (LB_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  row = find_sidebar_row (self, name);
  g_return_if_fail (row != NULL);

  gtk_list_box_select_row (self->sidebar_list, row);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->stack));
}

/**
 * lb_window_get_page_widget:
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
GtkWidget *
lb_window_get_page_widget (LbWindow   *self,
                           const char *name)
{
  g_return_val_if_fail (LB_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

/* Reloads every page, after records changed. */
void
lb_window_reload (LbWindow *self)
{
  g_return_if_fail (LB_IS_WINDOW (self));
  foreach_page (self, lb_page_reload);
}

/* The reference lists changed (in Preferences): pages refresh their
 * choices and reload. */
void
lb_window_refs_changed (LbWindow *self)
{
  g_return_if_fail (LB_IS_WINDOW (self));
  foreach_page (self, lb_page_refs_changed);
}
