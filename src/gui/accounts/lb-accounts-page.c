#define G_LOG_DOMAIN "lb-accounts-page"

#include "config.h"

#include "lb-accounts-page.h"

struct _LbAccountsPage
{
  LbPage parent_instance;
};

G_DEFINE_FINAL_TYPE (LbAccountsPage, lb_accounts_page, LB_TYPE_PAGE)

static void
lb_accounts_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_ACCOUNTS_PAGE);

  G_OBJECT_CLASS (lb_accounts_page_parent_class)->dispose (object);
}

static void
lb_accounts_page_class_init (LbAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_accounts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/accounts/lb-accounts-page.ui");
}

static void
lb_accounts_page_init (LbAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
