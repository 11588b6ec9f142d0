#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_PAGE (lb_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (LbPage, lb_page, LB, PAGE, GtkWidget)

/* The base of the pages the window's sidebar shows: a vertical box
 * whose header bar shows a back button while the window is folded.
 * A page that changes records emits LbPage::changed; the window then
 * reloads every page. */
struct _LbPageClass
{
  GtkWidgetClass parent_class;

  void (*store_changed) (LbPage *self);
  void (*reload)        (LbPage *self);
  void (*refs_changed)  (LbPage *self);
};

LbStore  *lb_page_get_store    (LbPage     *self);
void      lb_page_set_store    (LbPage     *self,
                                LbStore    *store);
gboolean  lb_page_get_folded   (LbPage     *self);
void      lb_page_set_folded   (LbPage     *self,
                                gboolean    folded);
void      lb_page_reload       (LbPage     *self);
void      lb_page_refs_changed (LbPage     *self);
void      lb_page_changed      (LbPage     *self);
void      lb_page_add_toast    (LbPage     *self,
                                AdwToast   *toast);
void      lb_page_show_message (LbPage     *self,
                                const char *message);

G_END_DECLS
