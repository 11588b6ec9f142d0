#define G_LOG_DOMAIN "lb-deals-page"

#include "config.h"

#include "lb-deals-page.h"

struct _LbDealsPage
{
  LbPage parent_instance;
};

G_DEFINE_FINAL_TYPE (LbDealsPage, lb_deals_page, LB_TYPE_PAGE)

static void
lb_deals_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_DEALS_PAGE);

  G_OBJECT_CLASS (lb_deals_page_parent_class)->dispose (object);
}

static void
lb_deals_page_class_init (LbDealsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_deals_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/deals/lb-deals-page.ui");
}

static void
lb_deals_page_init (LbDealsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
