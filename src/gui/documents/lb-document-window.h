#pragma once

#include <adwaita.h>

#include "lb-enums.h"
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_DOCUMENT_WINDOW (lb_document_window_get_type ())
G_DECLARE_FINAL_TYPE (LbDocumentWindow, lb_document_window, LB, DOCUMENT_WINDOW, AdwWindow)

/* Signals: "changed" (gint64 id), "deleted" (gint64 id). */
LbDocumentWindow *lb_document_window_new (GtkWindow *parent,
                                         LbStore   *store,
                                         LbDocKind  kind,
                                         gint64     document_id);

G_END_DECLS
