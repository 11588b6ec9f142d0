#define G_LOG_DOMAIN "lb-products-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-money.h"
#include "lb-product-window.h"
#include "lb-products-page.h"
#include "lb-settings.h"
#include "lb-store-docs.h"

/* The product catalog (SPEC 3.4): every product, or only the active
 * ones, matching a search on SKU and name.  The catalog is small, so the
 * page reads it whole and the column view sorts it. */

struct _LbProductsPage
{
  LbPage               parent_instance;

  char                *search;
  char                *currency;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkToggleButton     *inactive_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
  AdwStatusPage       *no_match_status;
  GtkWidget           *clear_search_button;
  GtkWidget           *show_inactive_button;
};

G_DEFINE_FINAL_TYPE (LbProductsPage, lb_products_page, LB_TYPE_PAGE)

/* helpers */

static LbProduct *
get_selected_product (LbProductsPage *self)
{
  if (self->selection == NULL)
    return NULL;   /* still building the template */

  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
show_inactive (LbProductsPage *self)
{
  return gtk_toggle_button_get_active (self->inactive_button);
}

/* Sets which page actions can run now; the one place that does. */
static void
update_actions (LbProductsPage *self)
{
  gboolean has_store = lb_page_get_store (LB_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.new", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.open",
                                 has_store && get_selected_product (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.clear-search", self->search != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "products.show-inactive",
                                 !show_inactive (self));
}

/* Whether the catalog holds any product, inactive ones included. */
static gboolean
catalog_is_empty (LbProductsPage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  g_autoptr(GListModel) all = NULL;

  if (store == NULL)
    return TRUE;

  all = lb_store_list_products (store, NULL, FALSE, NULL);
  return all == NULL || g_list_model_get_n_items (all) == 0;
}

/* Shows the list, or says why it is empty, and counts it. */
static void
update_state (LbProductsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *subtitle = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->search == NULL && (show_inactive (self) || catalog_is_empty (self)))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    {
      /* Either the search matches nothing, or every product is inactive. */
      if (self->search != NULL)
        {
          adw_status_page_set_title (self->no_match_status, _("No Matching Products"));
          adw_status_page_set_description (self->no_match_status,
                                           show_inactive (self)
                                           ? _("Try another search.")
                                           : _("Try another search, or show inactive products too."));
        }
      else
        {
          adw_status_page_set_title (self->no_match_status, _("No Active Products"));
          adw_status_page_set_description (self->no_match_status,
                                           _("Every product in the catalog is inactive."));
        }
      gtk_widget_set_visible (self->clear_search_button, self->search != NULL);
      gtk_widget_set_visible (self->show_inactive_button, !show_inactive (self));
      gtk_stack_set_visible_child_name (self->stack, "no-match");
    }

  if (self->search != NULL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u matching product",
                                             "%'u matching products", n), n);
  else if (show_inactive (self))
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u product", "%'u products", n), n);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u active product",
                                             "%'u active products", n), n);
  adw_window_title_set_subtitle (self->window_title,
                                 lb_page_get_store (LB_PAGE (self)) != NULL ? subtitle : NULL);

  update_actions (self);
}

/* Reads the catalog again, keeping the selected product selected. */
static void
load (LbProductsPage *self,
      gint64          select_id)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  g_autoptr(GListModel) products = NULL;
  g_autoptr(GError) error = NULL;

  if (select_id == 0)
    select_id = lb_products_page_get_selected_id (self);

  if (store != NULL)
    {
      g_free (self->currency);
      self->currency = lb_settings_get (store, LB_SETTING_CURRENCY, NULL);

      products = lb_store_list_products (store, self->search, !show_inactive (self), &error);
      if (products == NULL)
        lb_page_show_message (LB_PAGE (self), error->message);
    }

  gtk_sort_list_model_set_model (self->sort_model, products);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (select_id != 0)
    lb_products_page_select (self, select_id);

  update_state (self);
}

/* An editor already open on @product_id, so a second "Open" raises it. */
static GtkWindow *
find_product_window (gint64 product_id)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    {
      if (LB_IS_PRODUCT_WINDOW (l->data) &&
          lb_product_window_get_product_id (l->data) == product_id)
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

/* callbacks */

static void
product_saved_cb (LbProductsPage  *self,
                  gint64           product_id,
                  LbProductWindow *window)
{
  load (self, product_id);
  lb_page_changed (LB_PAGE (self));
}

static void
open_product (LbProductsPage *self,
              gint64          product_id)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  GtkWindow *window = product_id != 0 ? find_product_window (product_id) : NULL;

  if (store == NULL)
    return;

  if (window == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      window = GTK_WINDOW (lb_product_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  store, product_id));
      g_signal_connect_object (window, "saved", G_CALLBACK (product_saved_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

static void
search_changed_cb (LbProductsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *clean = g_strstrip (g_strdup (text));

  g_free (self->search);
  self->search = *clean != '\0' ? g_steal_pointer (&clean) : NULL;
  load (self, 0);
}

static void
inactive_toggled_cb (LbProductsPage *self)
{
  load (self, 0);
}

static void
selection_changed_cb (LbProductsPage *self)
{
  update_actions (self);
}

static void
column_view_activate_cb (LbProductsPage *self,
                         guint           position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "products.open", NULL);
}

static void
price_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LbProductsPage           *self)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 12);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 14);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, inscription);
}

/* The unit price in minor units of the currency setting. */
static void
price_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LbProductsPage           *self)
{
  LbProduct *product = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  text = lb_money_format_locale (lb_record_get_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE),
                                 lb_currency_decimals (self->currency), self->currency);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static char *
format_tax_rate (GtkListItem *item,
                 gint64       basis_points)
{
  g_autofree char *rate = lb_percent_format (basis_points);

  /* Translators: a tax rate, e.g. "20 %" */
  return g_strdup_printf (_("%s %%"), rate);
}

static char *
format_active (GtkListItem *item,
               gint64       active)
{
  return g_strdup (active != 0 ? _("Yes") : _("No"));
}

/* actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_product (LB_PRODUCTS_PAGE (widget), 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LbProductsPage *self = LB_PRODUCTS_PAGE (widget);
  LbProduct *product = get_selected_product (self);

  if (product != NULL)
    open_product (self, lb_product_get_id (product));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbProductsPage *self = LB_PRODUCTS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LbProductsPage *self = LB_PRODUCTS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->search != NULL)
    {
      g_clear_pointer (&self->search, g_free);
      load (self, 0);
    }
}

static void
show_inactive_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gtk_toggle_button_set_active (LB_PRODUCTS_PAGE (widget)->inactive_button, TRUE);
}

/* LbPage overrides */

static void
lb_products_page_store_changed (LbPage *page)
{
  load (LB_PRODUCTS_PAGE (page), 0);
}

static void
lb_products_page_reload (LbPage *page)
{
  load (LB_PRODUCTS_PAGE (page), 0);
}

/* GObject overrides */

static void
lb_products_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_PRODUCTS_PAGE);

  G_OBJECT_CLASS (lb_products_page_parent_class)->dispose (object);
}

static void
lb_products_page_finalize (GObject *object)
{
  LbProductsPage *self = (LbProductsPage *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (lb_products_page_parent_class)->finalize (object);
}

/* class_init / init */

static void
lb_products_page_class_init (LbProductsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LbPageClass *page_class = LB_PAGE_CLASS (klass);

  object_class->dispose = lb_products_page_dispose;
  object_class->finalize = lb_products_page_finalize;

  page_class->store_changed = lb_products_page_store_changed;
  page_class->reload = lb_products_page_reload;
  page_class->refs_changed = lb_products_page_reload;

  g_type_ensure (LB_TYPE_PRODUCT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/products/lb-products-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, inactive_button);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, no_match_status);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, clear_search_button);
  gtk_widget_class_bind_template_child (widget_class, LbProductsPage, show_inactive_button);
  /* Reachable with gtk_widget_get_template_child (), to sort by price. */
  gtk_widget_class_bind_template_child_full (widget_class, "price_column", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, inactive_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, price_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, price_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_tax_rate);
  gtk_widget_class_bind_template_callback (widget_class, format_active);

  gtk_widget_class_install_action (widget_class, "products.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "products.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "products.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "products.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_action (widget_class, "products.show-inactive", NULL,
                                   show_inactive_action);
}

static void
lb_products_page_init (LbProductsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  update_state (self);
}

/* public API */

/**
 * lb_products_page_get_model:
 *
 * Returns: (transfer none): the products the page lists, in the order
 *   it shows them
 */
GListModel *
lb_products_page_get_model (LbProductsPage *self)
{
  g_return_val_if_fail (LB_IS_PRODUCTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

/* What the page shows: "list", "empty" (no products at all) or
 * "no-match" (the search, or the hiding of inactive products, leaves
 * none). */
const char *
lb_products_page_get_state (LbProductsPage *self)
{
  g_return_val_if_fail (LB_IS_PRODUCTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The id of the selected product, or 0. */
gint64
lb_products_page_get_selected_id (LbProductsPage *self)
{
  LbProduct *product;

  g_return_val_if_fail (LB_IS_PRODUCTS_PAGE (self), 0);

  product = get_selected_product (self);
  return product != NULL ? lb_product_get_id (product) : 0;
}

/* Selects product @product_id; %FALSE when the list does not show it. */
gboolean
lb_products_page_select (LbProductsPage *self,
                         gint64          product_id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (LB_IS_PRODUCTS_PAGE (self), FALSE);

  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbProduct) product = g_list_model_get_item (model, i);

      if (lb_product_get_id (product) == product_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}
