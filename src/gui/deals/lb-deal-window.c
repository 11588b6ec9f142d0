#define G_LOG_DOMAIN "lb-deal-window"

#include "config.h"

#include "lb-deal-window.h"

struct _LbDealWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (LbDealWindow, lb_deal_window, ADW_TYPE_WINDOW)

static void
lb_deal_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_DEAL_WINDOW);

  G_OBJECT_CLASS (lb_deal_window_parent_class)->dispose (object);
}

static void
lb_deal_window_class_init (LbDealWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_deal_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/deals/lb-deal-window.ui");
}

static void
lb_deal_window_init (LbDealWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
