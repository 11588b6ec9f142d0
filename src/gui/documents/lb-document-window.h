#pragma once

#include <adwaita.h>

#include "lb-enums.h"
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_DOCUMENT_WINDOW (lb_document_window_get_type ())
G_DECLARE_FINAL_TYPE (LbDocumentWindow, lb_document_window, LB, DOCUMENT_WINDOW, AdwWindow)

/* The editor of one order or invoice (SPEC 3.5, 3.6).
 *
 * Signals: "changed" (gint64 id) after any change the window made: to
 * its document, or to a document opened from it (then @id is that
 * document's); "deleted" (gint64 id) when a Draft was deleted.
 *
 * Actions of its menu: doc.print (Ctrl+P), doc.export-pdf
 * (Ctrl+Shift+E), doc.email; lb_document_window_export_to() is what
 * Export PDF does with the file chosen. */
LbDocumentWindow *lb_document_window_new             (GtkWindow        *parent,
                                                      LbStore          *store,
                                                      LbDocKind         kind,
                                                      gint64            document_id);
LbDocKind         lb_document_window_get_kind        (LbDocumentWindow *self);
gint64            lb_document_window_get_document_id (LbDocumentWindow *self);
void              lb_document_window_reload          (LbDocumentWindow *self);
gboolean          lb_document_window_export_to       (LbDocumentWindow *self,
                                                      GFile            *file);

G_END_DECLS
