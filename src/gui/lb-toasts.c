#define G_LOG_DOMAIN "lb-toasts"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-toasts.h"

/* "“Title” moved to the trash" with an Undo button that activates
 * win.restore-lead for @lead_id. */
AdwToast *
lb_toast_new_trashed (gint64      lead_id,
                      const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *text = g_strdup_printf (_("“%s” moved to the trash"), escaped);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-lead");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (lead_id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  return toast;
}
