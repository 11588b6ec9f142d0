#define G_LOG_DOMAIN "lb-lead-window"

#include "config.h"

#include "lb-lead-window.h"

struct _LbLeadWindow
{
  AdwWindow  parent_instance;

  LbStore   *store;
  gint64     lead_id;
};

G_DEFINE_FINAL_TYPE (LbLeadWindow, lb_lead_window, ADW_TYPE_WINDOW)

static void
lb_lead_window_finalize (GObject *object)
{
  LbLeadWindow *self = (LbLeadWindow *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_lead_window_parent_class)->finalize (object);
}

static void
lb_lead_window_class_init (LbLeadWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_lead_window_finalize;

  g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_signal_new ("trashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
lb_lead_window_init (LbLeadWindow *self)
{
}

LbLeadWindow *
lb_lead_window_new (GtkWindow *parent,
                    LbStore   *store,
                    gint64     lead_id)
{
  LbLeadWindow *self = g_object_new (LB_TYPE_LEAD_WINDOW,
                                     "transient-for", parent,
                                     NULL);
  self->store = g_object_ref (store);
  self->lead_id = lead_id;
  return self;
}

gint64
lb_lead_window_get_lead_id (LbLeadWindow *self)
{
  return self->lead_id;
}
