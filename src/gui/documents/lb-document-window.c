#define G_LOG_DOMAIN "lb-document-window"

#include "config.h"

#include "lb-document-window.h"

struct _LbDocumentWindow
{
  AdwWindow  parent_instance;

  LbStore   *store;
  gint64     id;
};

G_DEFINE_FINAL_TYPE (LbDocumentWindow, lb_document_window, ADW_TYPE_WINDOW)

static void
lb_document_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_DOCUMENT_WINDOW);

  g_clear_object (&LB_DOCUMENT_WINDOW (object)->store);

  G_OBJECT_CLASS (lb_document_window_parent_class)->dispose (object);
}

static void
lb_document_window_class_init (LbDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_document_window_dispose;

  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/documents/lb-document-window.ui");
}

static void
lb_document_window_init (LbDocumentWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LbDocumentWindow *
lb_document_window_new (GtkWindow *parent,
                       LbStore   *store,
                       LbDocKind  kind,
                       gint64     document_id)
{
  LbDocumentWindow *self = g_object_new (LB_TYPE_DOCUMENT_WINDOW, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->id = document_id;

  return self;
}
