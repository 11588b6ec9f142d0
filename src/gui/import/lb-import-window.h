#pragma once

#include <adwaita.h>

#include "lb-lead-import.h"
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_IMPORT_WINDOW (lb_import_window_get_type ())
G_DECLARE_FINAL_TYPE (LbImportWindow, lb_import_window, LB, IMPORT_WINDOW, AdwWindow)

/* The Import Leads window (SPEC 3.9), in three steps: "choose" (the
 * file and what to do with duplicates), "importing" (progress and
 * Cancel), "result" (the counts, the rows not imported, the unknown
 * columns).
 *
 * Signals: "imported" (guint imported, guint updated), emitted after an
 * import that added or updated leads, so the main window reloads. */
LbImportWindow       *lb_import_window_new            (GtkWindow         *parent,
                                                       LbStore           *store);

/* For tests, in place of the file chooser and the buttons. */
void                  lb_import_window_set_file       (LbImportWindow    *self,
                                                       GFile             *file);
GFile                *lb_import_window_get_file       (LbImportWindow    *self);
void                  lb_import_window_set_duplicates (LbImportWindow    *self,
                                                       LbDuplicatePolicy  duplicates);
LbDuplicatePolicy     lb_import_window_get_duplicates (LbImportWindow    *self);
const char           *lb_import_window_get_step       (LbImportWindow    *self);
const char           *lb_import_window_get_message    (LbImportWindow    *self);
const LbImportResult *lb_import_window_get_result     (LbImportWindow    *self);
GCancellable         *lb_import_window_get_cancellable (LbImportWindow   *self);

G_END_DECLS
