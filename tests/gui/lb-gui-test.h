#pragma once

#include <adwaita.h>

#include "lb-application.h"
#include "lb-lead-list.h"
#include "lb-test-util.h"
#include "lb-window.h"

G_BEGIN_DECLS

/* A temporary database, and the main window on it. */
typedef struct
{
  LbTestFixture  base;
  LbWindow      *window;
} LbGuiFixture;

typedef gboolean (*LbGuiCondition) (gpointer data);

void           lb_gui_test_init          (int            *argc,
                                          char         ***argv);
int            lb_gui_test_run           (void);
LbApplication *lb_gui_test_get_app       (void);
void           lb_gui_fixture_setup      (LbGuiFixture   *fixture,
                                          gconstpointer   data);
void           lb_gui_fixture_teardown   (LbGuiFixture   *fixture,
                                          gconstpointer   data);
LbWindow      *lb_gui_test_open_window   (LbStore        *store);
void           lb_gui_test_destroy_windows (void);

gboolean       lb_gui_test_wait          (LbGuiCondition  condition,
                                          gpointer        data,
                                          guint           timeout_ms);
void           lb_gui_test_iterate       (guint           ms);
void           lb_gui_test_wait_idle     (LbWindow       *window);
void           lb_gui_test_wait_n_items  (GListModel     *model,
                                          guint           n_items);
void           lb_gui_test_reload        (LbWindow       *window);

GtkWindow     *lb_gui_test_find_toplevel (GType           type);
guint          lb_gui_test_count_toplevels (GType         type);

gpointer       lb_gui_test_get_child     (GtkWidget      *widget,
                                          GType           template_type,
                                          const char     *name);
void           lb_gui_test_screenshot    (GtkWidget      *widget,
                                          const char     *name);

gint64         lb_gui_test_add_lead_full (LbStore        *store,
                                          const char     *first,
                                          const char     *last,
                                          const char     *email,
                                          const char     *source,
                                          LbRating        rating,
                                          LbLeadStatus    status,
                                          const char     *tag);

G_END_DECLS
