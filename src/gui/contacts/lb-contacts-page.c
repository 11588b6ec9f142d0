#define G_LOG_DOMAIN "lb-contacts-page"

#include "config.h"

#include "lb-contacts-page.h"

struct _LbContactsPage
{
  LbPage parent_instance;
};

G_DEFINE_FINAL_TYPE (LbContactsPage, lb_contacts_page, LB_TYPE_PAGE)

static void
lb_contacts_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_CONTACTS_PAGE);

  G_OBJECT_CLASS (lb_contacts_page_parent_class)->dispose (object);
}

static void
lb_contacts_page_class_init (LbContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_contacts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/contacts/lb-contacts-page.ui");
}

static void
lb_contacts_page_init (LbContactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
