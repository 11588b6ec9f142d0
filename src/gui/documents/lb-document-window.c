#define G_LOG_DOMAIN "lb-document-window"

#include "config.h"

#include "lb-document-window.h"

struct _LbDocumentWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (LbDocumentWindow, lb_document_window, ADW_TYPE_WINDOW)

static void
lb_document_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_DOCUMENT_WINDOW);

  G_OBJECT_CLASS (lb_document_window_parent_class)->dispose (object);
}

static void
lb_document_window_class_init (LbDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_document_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/documents/lb-document-window.ui");
}

static void
lb_document_window_init (LbDocumentWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
