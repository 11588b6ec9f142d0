#define G_LOG_DOMAIN "lb-products-page"

#include "config.h"

#include "lb-products-page.h"

struct _LbProductsPage
{
  LbPage parent_instance;
};

G_DEFINE_FINAL_TYPE (LbProductsPage, lb_products_page, LB_TYPE_PAGE)

static void
lb_products_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_PRODUCTS_PAGE);

  G_OBJECT_CLASS (lb_products_page_parent_class)->dispose (object);
}

static void
lb_products_page_class_init (LbProductsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_products_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/products/lb-products-page.ui");
}

static void
lb_products_page_init (LbProductsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
