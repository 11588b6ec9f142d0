#pragma once

#include "lb-window.h"

G_BEGIN_DECLS

struct _LbWindow
{
  AdwApplicationWindow  parent_instance;

  LbStore              *store;
  GSettings            *settings;   /* NULL when the schema is not installed */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
};

void _lb_window_actions_init   (LbWindow *self);
void _lb_window_actions_update (LbWindow *self);

G_END_DECLS
