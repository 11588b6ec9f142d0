#pragma once

#include <gtk/gtk.h>

#include "lb-enums.h"
#include "lb-store.h"

G_BEGIN_DECLS

/* Printing an order or invoice, and sending it by email (SPEC 3.8).
 * The pages come from LbDocumentRender; the document window offers
 * both, with Export PDF. */

GtkPrintOperation *lb_document_print_operation_new (LbStore       *store,
                                                    LbDocKind      kind,
                                                    gint64         id,
                                                    GError       **error);

void               lb_document_send_email_async    (LbStore             *store,
                                                    LbDocKind            kind,
                                                    gint64               id,
                                                    GtkWindow           *parent,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean           lb_document_send_email_finish   (GAsyncResult        *result,
                                                    char               **pdf_path,
                                                    GError             **error);
guint              lb_document_send_email_pending  (void);

void               lb_document_share_clean_up      (void);

G_END_DECLS
