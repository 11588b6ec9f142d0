#define G_LOG_DOMAIN "lb-product-window"

#include "config.h"

#include "lb-product-window.h"

struct _LbProductWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (LbProductWindow, lb_product_window, ADW_TYPE_WINDOW)

static void
lb_product_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_PRODUCT_WINDOW);

  G_OBJECT_CLASS (lb_product_window_parent_class)->dispose (object);
}

static void
lb_product_window_class_init (LbProductWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_product_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/products/lb-product-window.ui");
}

static void
lb_product_window_init (LbProductWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
