#define G_LOG_DOMAIN "lb-convert-window"

#include "config.h"

#include "lb-convert-window.h"

struct _LbConvertWindow
{
  AdwWindow  parent_instance;

  LbStore   *store;
  gint64     id;
};

G_DEFINE_FINAL_TYPE (LbConvertWindow, lb_convert_window, ADW_TYPE_WINDOW)

static void
lb_convert_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_CONVERT_WINDOW);

  g_clear_object (&LB_CONVERT_WINDOW (object)->store);

  G_OBJECT_CLASS (lb_convert_window_parent_class)->dispose (object);
}

static void
lb_convert_window_class_init (LbConvertWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_convert_window_dispose;

  g_signal_new ("converted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/convert/lb-convert-window.ui");
}

static void
lb_convert_window_init (LbConvertWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LbConvertWindow *
lb_convert_window_new (GtkWindow *parent,
                      LbStore   *store,
                      gint64     lead_id)
{
  LbConvertWindow *self = g_object_new (LB_TYPE_CONVERT_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->id = lead_id;

  return self;
}
