#define G_LOG_DOMAIN "lb-preferences-window"

#include "config.h"

#include "lb-preferences-window.h"

struct _LbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  LbStore              *store;
};

G_DEFINE_FINAL_TYPE (LbPreferencesWindow, lb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
lb_preferences_window_finalize (GObject *object)
{
  LbPreferencesWindow *self = (LbPreferencesWindow *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_preferences_window_parent_class)->finalize (object);
}

static void
lb_preferences_window_class_init (LbPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_preferences_window_finalize;

  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lb_preferences_window_init (LbPreferencesWindow *self)
{
}

LbPreferencesWindow *
lb_preferences_window_new (GtkWindow *parent,
                           LbStore   *store)
{
  LbPreferencesWindow *self = g_object_new (LB_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            NULL);
  self->store = g_object_ref (store);
  return self;
}
