#define G_LOG_DOMAIN "lb-account-window"

#include "config.h"

#include "lb-account-window.h"

struct _LbAccountWindow
{
  AdwWindow  parent_instance;

  LbStore   *store;
  gint64     id;
};

G_DEFINE_FINAL_TYPE (LbAccountWindow, lb_account_window, ADW_TYPE_WINDOW)

static void
lb_account_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_ACCOUNT_WINDOW);

  g_clear_object (&LB_ACCOUNT_WINDOW (object)->store);

  G_OBJECT_CLASS (lb_account_window_parent_class)->dispose (object);
}

static void
lb_account_window_class_init (LbAccountWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_account_window_dispose;

  g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_signal_new ("trashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/accounts/lb-account-window.ui");
}

static void
lb_account_window_init (LbAccountWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LbAccountWindow *
lb_account_window_new (GtkWindow *parent,
                      LbStore   *store,
                      gint64     account_id)
{
  LbAccountWindow *self = g_object_new (LB_TYPE_ACCOUNT_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->id = account_id;

  return self;
}
