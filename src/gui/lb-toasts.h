#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Toasts more than one widget shows. */
AdwToast *lb_toast_new_trashed (gint64      lead_id,
                                const char *title);

G_END_DECLS
