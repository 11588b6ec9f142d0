#define G_LOG_DOMAIN "lb-trash-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "lb-crm-actions.h"
#include "lb-lead-actions.h"
#include "lb-trash-page.h"
#include "lb-validate.h"

struct _LbTrashPage
{
  LbPage          parent_instance;

  LbLeadList     *list;
  guint           n_records;  /* rows of the kind shown, other than leads */

  /* template children */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkNoSelection *selection;
  GtkDropDown    *kind_dropdown;
  GtkListBox     *records_list;
};

/* The kinds the drop-down offers, in its order; leads first. */
static const char * const record_kinds[] = { NULL, "account", "contact", "deal" };

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
    return g_strdup_printf (_("Lead %" PRId64), id);

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

static const char *
shown_kind (LbTrashPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected < G_N_ELEMENTS (record_kinds) ? record_kinds[selected] : NULL;
}

static void
update_state (LbTrashPage *self)
{
  g_autofree char *subtitle = NULL;
  guint n;

  if (shown_kind (self) != NULL)
    {
      n = self->n_records;
      gtk_stack_set_visible_child_name (self->stack, n > 0 ? "records" : "empty");
      if (n > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u record", "%'u records", n), n);
    }
  else
    {
      n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
      if (self->list == NULL || !lb_lead_list_get_loading (self->list))
        gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
      if (n > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u lead", "%'u leads", n), n);
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);

  update_actions (self);
}

static GtkWidget *
make_record_row (const char *kind,
                 gint64      id,
                 const char *title,
                 gint64      deleted_at)
{
  g_autofree char *date = lb_format_date (deleted_at);
  g_autofree char *subtitle = g_strdup_printf (_("Deleted %s"), date);
  g_autofree char *escaped = g_markup_escape_text (title != NULL ? title : "", -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkWidget *purge = gtk_button_new_from_icon_name ("user-trash-full-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_tooltip_text (restore, _("Restore"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (restore, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "trash.restore-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "(sx)", kind, id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

  gtk_widget_set_tooltip_text (purge, _("Delete Permanently"));
  gtk_widget_set_valign (purge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (purge, "flat");
  gtk_widget_add_css_class (purge, "error");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (purge), "trash.purge-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (purge), "(sx)", kind, id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), purge);

  g_object_set_data_full (G_OBJECT (row), "lb-title", g_strdup (title), g_free);
  return row;
}

/* Fills the list with the trashed records of the kind shown. */
static void
load_records (LbTrashPage *self)
{
  LbStore *store = lb_page_get_store (LB_PAGE (self));
  const char *kind = shown_kind (self);
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GError) error = NULL;
  LbRecordFilter filter;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->records_list))) != NULL)
    gtk_list_box_remove (self->records_list, child);
  self->n_records = 0;

  if (store == NULL || kind == NULL)
    return;

  lb_record_filter_init (&filter);
  filter.trash = TRUE;
  if (g_str_equal (kind, "account"))
    records = lb_store_list_accounts (store, &filter, &error);
  else if (g_str_equal (kind, "contact"))
    records = lb_store_list_contacts (store, &filter, &error);
  else
    records = lb_store_list_deals (store, &filter, &error);
  if (records == NULL)
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(LbRecord) record = g_list_model_get_item (records, i);
      g_autofree char *title = NULL;
      gint64 id, deleted_at;

      if (LB_IS_ACCOUNT (record))
        {
          title = g_strdup (lb_account_get_text (record, LB_ACCOUNT_NAME));
          id = lb_account_get_id (LB_ACCOUNT (record));
          deleted_at = lb_account_get_int (record, LB_ACCOUNT_DELETED_AT);
        }
      else if (LB_IS_CONTACT (record))
        {
          title = g_strjoin (" ", lb_contact_get_text (record, LB_CONTACT_FIRST_NAME) ?: "",
                             lb_contact_get_text (record, LB_CONTACT_LAST_NAME) ?: "", NULL);
          g_strstrip (title);
          id = lb_contact_get_id (LB_CONTACT (record));
          deleted_at = lb_contact_get_int (record, LB_CONTACT_DELETED_AT);
        }
      else
        {
          title = g_strdup (lb_deal_get_text (record, LB_DEAL_NAME));
          id = lb_deal_get_id (LB_DEAL (record));
          deleted_at = lb_deal_get_int (record, LB_DEAL_DELETED_AT);
        }

      gtk_list_box_append (self->records_list, make_record_row (kind, id, title, deleted_at));
      self->n_records++;
    }
}

static void
kind_changed_cb (LbTrashPage *self)
{
  load_records (self);
  update_state (self);
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

static void
restore_record_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LbTrashPage *self = LB_TRASH_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *kind;
  gint64 id;

  g_variant_get (param, "(&sx)", &kind, &id);
  if (!lb_record_restore (lb_page_get_store (LB_PAGE (self)), kind, id, &error))
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  lb_page_add_toast (LB_PAGE (self), adw_toast_new (_("Restored")));
  lb_page_changed (LB_PAGE (self));
}

static void
purge_record_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          LbTrashPage      *self)
{
  g_autoptr(GError) error = NULL;
  const char *kind = g_object_get_data (G_OBJECT (dialog), "lb-kind");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "lb-id"));

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!lb_record_purge (lb_page_get_store (LB_PAGE (self)), kind, id, &error))
    {
      lb_page_show_message (LB_PAGE (self), error->message);
      return;
    }

  lb_page_add_toast (LB_PAGE (self), adw_toast_new (_("Deleted permanently")));
  lb_page_changed (LB_PAGE (self));
}

/* Asks first: a record deleted permanently cannot come back. */
static void
purge_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LbTrashPage *self = LB_TRASH_PAGE (widget);
  const char *kind;
  GtkWidget *dialog;
  gint64 id;

  g_variant_get (param, "(&sx)", &kind, &id);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete Permanently?"),
                                   _("It cannot be restored afterwards."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Permanently"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "lb-kind", g_strdup (kind), g_free);
  g_object_set_data (G_OBJECT (dialog), "lb-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (purge_record_response_cb), self, 0);
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

  load_records (self);
  update_state (self);
}

static void
lb_trash_page_reload (LbPage *page)
{
  LbTrashPage *self = LB_TRASH_PAGE (page);

  if (self->list != NULL)
    lb_lead_list_reload (self->list);
  load_records (self);
  update_state (self);
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
  gtk_widget_class_bind_template_child (widget_class, LbTrashPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbTrashPage, records_list);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, purge_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, describe_lead);

  gtk_widget_class_install_action (widget_class, "trash.restore", "x", restore_action);
  gtk_widget_class_install_action (widget_class, "trash.purge", "x", purge_action);
  gtk_widget_class_install_action (widget_class, "trash.restore-record", "(sx)",
                                   restore_record_action);
  gtk_widget_class_install_action (widget_class, "trash.purge-record", "(sx)",
                                   purge_record_action);
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
