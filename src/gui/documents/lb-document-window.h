#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_DOCUMENT_WINDOW (lb_document_window_get_type ())
G_DECLARE_FINAL_TYPE (LbDocumentWindow, lb_document_window, LB, DOCUMENT_WINDOW, AdwWindow)

G_END_DECLS
