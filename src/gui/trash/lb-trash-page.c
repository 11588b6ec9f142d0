#define G_LOG_DOMAIN "lb-trash-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-lead-actions.h"
#include "lb-trash-page.h"
#include "lb-validate.h"

struct _LbTrashPage
{
  LbPage          parent_instance;

  LbLeadList     *list;

  /* template children */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkNoSelection *selection;
};

G_DEFINE_FINAL_TYPE (LbTrashPage, lb_trash_page, LB_TYPE_PAGE)

/* helpers */

/* The title of trashed lead @id as the list shows it. */
static char *
dup_title (LbTrashPage *self,
           gint64       id)
{
  guint position = self->list != NULL ? lb_lead_list_find (self->list, id) : G_MAXUINT;
  g_autoptr(LbLead) lead = NULL;

  if (position == G_MAXUINT)
    return g_strdup_printf (_("Lead %" G_GINT64_FORMAT), id);

  lead = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  return g_strdup (lb_lead_get_title (lead));
}

static void
show_done (LbTrashPage *self,
           const char  *format,
           const char  *title)
{
  g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *text = g_strdup_printf (format, escaped);

  lb_page_add_toast (LB_PAGE (self), adw_toast_new (text));
}

/* Sets which page actions can run now; the one place that does. */
static void
update_actions (LbTrashPage *self)
{
  gboolean has_store = lb_page_get_store (LB_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.restore", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.purge", has_store);
}

static void
update_state (LbTrashPage *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *subtitle = NULL;

  if (self->list == NULL || !lb_lead_list_get_loading (self->list))
    gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  if (n > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u lead", "%'u leads", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  update_actions (self);
}

/* callbacks */

static void
list_loaded_cb (LbTrashPage *self)
{
  update_state (self);
}

static void
list_failed_cb (LbTrashPage  *self,
                const GError *error)
{
  lb_page_show_message (LB_PAGE (self), error->message);
}

static void
activate_on_item (GtkListItem *item,
                  GtkWidget   *button,
                  const char  *action_name)
{
  GtkWidget *page = gtk_widget_get_ancestor (button, LB_TYPE_TRASH_PAGE);
  LbLead *lead = gtk_list_item_get_item (item);

  if (page != NULL && lead != NULL && lb_lead_get_id (lead) != 0)
    gtk_widget_activate_action (page, action_name, "x", lb_lead_get_id (lead));
}

static void
restore_clicked_cb (GtkListItem *item,
                    GtkButton   *button)
{
  activate_on_item (item, GTK_WIDGET (button), "trash.restore");
}

static void
purge_clicked_cb (GtkListItem *item,
                  GtkButton   *button)
{
  activate_on_item (item, GTK_WIDGET (button), "trash.purge");
}

/* "Ann Lee · deleted 2026-03-01", without the name when the title is
 * the name already. */
static char *
describe_lead (GtkListItem *item,
               const char  *title,
               const char  *full_name,
               gint64       deleted_at)
{
  g_autofree char *date = lb_format_date (deleted_at);

  if (full_name == NULL || *full_name == '\0' || g_strcmp0 (full_name, title) == 0)
    /* Translators: %s is a date */
    return g_strdup_printf (_("Deleted %s"), date);

  /* Translators: a trashed lead: its name, then the day it was deleted */
  return g_strdup_printf (_("%s · deleted %s"), full_name, date);
}

static void
purge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LbTrashPage      *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "lb-lead-id"));
  const char *title = g_object_get_data (G_OBJECT (dialog), "lb-title");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!lb_lead_purge (lb_page_get_store (LB_PAGE (self)), id, &error))
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  show_done (self, _("“%s” deleted permanently"), title);
  lb_page_changed (LB_PAGE (self));
}

/* actions */

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LbTrashPage *self = LB_TRASH_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autofree char *title = dup_title (self, id);
  g_autoptr(GError) error = NULL;

  if (!lb_lead_restore (lb_page_get_store (LB_PAGE (self)), id, &error))
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  show_done (self, _("“%s” restored"), title);
  lb_page_changed (LB_PAGE (self));
}

/* Asks first: a lead deleted permanently cannot come back. */
static void
purge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  LbTrashPage *self = LB_TRASH_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autofree char *title = dup_title (self, id);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                                   _("The lead cannot be restored afterwards."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Delete “%s” Permanently?"), title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Permanently"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "lb-lead-id", GSIZE_TO_POINTER ((gsize)id));
  g_object_set_data_full (G_OBJECT (dialog), "lb-title", g_steal_pointer (&title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (purge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* LbPage overrides */

static void
lb_trash_page_store_changed (LbPage *page)
{
  LbTrashPage *self = LB_TRASH_PAGE (page);
  LbStore *store = lb_page_get_store (page);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  gtk_no_selection_set_model (self->selection, NULL);

  if (store != NULL)
    {
      g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();

      filter->trash = TRUE;
      filter->sort = LB_LEAD_SORT_DELETED;
      filter->descending = TRUE;

      self->list = lb_lead_list_new (store);
      g_signal_connect_swapped (self->list, "loaded", G_CALLBACK (list_loaded_cb), self);
      g_signal_connect_swapped (self->list, "failed", G_CALLBACK (list_failed_cb), self);
      gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->list));
      lb_lead_list_set_filter (self->list, filter);
    }

  update_state (self);
}

static void
lb_trash_page_reload (LbPage *page)
{
  LbTrashPage *self = LB_TRASH_PAGE (page);

  if (self->list != NULL)
    lb_lead_list_reload (self->list);
}

/* GObject overrides */

static void
lb_trash_page_dispose (GObject *object)
{
  LbTrashPage *self = (LbTrashPage *)object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_TRASH_PAGE);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (lb_trash_page_parent_class)->dispose (object);
}

/* class_init / init */

static void
lb_trash_page_class_init (LbTrashPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LbPageClass *page_class = LB_PAGE_CLASS (klass);

  object_class->dispose = lb_trash_page_dispose;

  page_class->store_changed = lb_trash_page_store_changed;
  page_class->reload = lb_trash_page_reload;

  g_type_ensure (LB_TYPE_LEAD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/trash/lb-trash-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LbTrashPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LbTrashPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LbTrashPage, selection);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, purge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, describe_lead);

  gtk_widget_class_install_action (widget_class, "trash.restore", "x", restore_action);
  gtk_widget_class_install_action (widget_class, "trash.purge", "x", purge_action);
}

static void
lb_trash_page_init (LbTrashPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_state (self);
}

/* public API */

/**
 * lb_trash_page_get_list:
 *
 * Returns: (transfer none) (nullable): the trashed leads the page shows
 */
LbLeadList *
lb_trash_page_get_list (LbTrashPage *self)
{
  g_return_val_if_fail (LB_IS_TRASH_PAGE (self), NULL);
  return self->list;
}

/* What the page shows: "list" or "empty". */
const char *
lb_trash_page_get_state (LbTrashPage *self)
{
  g_return_val_if_fail (LB_IS_TRASH_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
