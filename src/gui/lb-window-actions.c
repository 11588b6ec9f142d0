#define G_LOG_DOMAIN "lb-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-lead-actions.h"
#include "lb-lead-window.h"
#include "lb-toasts.h"
#include "lb-window-private.h"

/* helpers */

static void
set_enabled (LbWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
show_error (LbWindow     *self,
            const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  lb_window_add_toast (self, toast);
}

/* callbacks */

static void
lead_saved_cb (LbWindow     *self,
               gint64        lead_id,
               LbLeadWindow *window)
{
  lb_window_reload (self);
}

static void
lead_trashed_cb (LbWindow     *self,
                 gint64        lead_id,
                 LbLeadWindow *window)
{
  g_autoptr(LbLead) lead = lb_store_get_lead (self->store, lead_id, NULL);

  lb_window_reload (self);
  lb_window_add_toast (self, lb_toast_new_trashed (lead_id,
                                                   lead != NULL ? lb_lead_get_title (lead) : NULL));
}

/* An editor already open on @lead_id, so a second "Open" raises it. */
static GtkWindow *
find_lead_window (LbWindow *self,
                  gint64    lead_id)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (lead_id == 0 || app == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (LB_IS_LEAD_WINDOW (l->data) &&
          lb_lead_window_get_lead_id (LB_LEAD_WINDOW (l->data)) == lead_id)
        return l->data;
    }

  return NULL;
}

static void
open_lead (LbWindow *self,
           gint64    lead_id)
{
  GtkWindow *window = find_lead_window (self, lead_id);

  if (window == NULL)
    {
      window = GTK_WINDOW (lb_lead_window_new (GTK_WINDOW (self), self->store, lead_id));
      g_signal_connect_object (window, "saved", G_CALLBACK (lead_saved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (window, "trashed", G_CALLBACK (lead_trashed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

/* actions */

static void
go_back_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  LbWindow *self = user_data;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
new_lead_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  open_lead (LB_WINDOW (user_data), 0);
}

static void
open_lead_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  open_lead (LB_WINDOW (user_data), g_variant_get_int64 (param));
}

/* The Undo of a delete: brings the lead back unless its email or phone
 * was taken meanwhile, which the toast then explains. */
static void
restore_lead_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  LbWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lb_lead_restore (self->store, g_variant_get_int64 (param), &error))
    show_error (self, error);

  lb_window_reload (self);
}

static void
show_page_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  LbWindow *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  if (lb_window_get_page_widget (self, name) != NULL)
    lb_window_show_page (self, name);
}

static const GActionEntry action_entries[] = {
  { "go-back", go_back_action },
  { "new-lead", new_lead_action },
  { "open-lead", open_lead_action, "x" },
  { "restore-lead", restore_lead_action, "x" },
  { "show-page", show_page_action, "s" },
};

/* public API */

void
_lb_window_actions_init (LbWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  _lb_window_actions_update (self);
}

/* Sets which window actions can run now; the one place that does. */
void
_lb_window_actions_update (LbWindow *self)
{
  gboolean has_store = self->store != NULL;
  gboolean can_go_back = adw_leaflet_get_folded (self->leaflet) &&
                         adw_leaflet_get_visible_child (self->leaflet) != self->sidebar;

  set_enabled (self, "go-back", can_go_back);
  set_enabled (self, "new-lead", has_store);
  set_enabled (self, "open-lead", has_store);
  set_enabled (self, "restore-lead", has_store);
}
