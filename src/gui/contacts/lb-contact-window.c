#define G_LOG_DOMAIN "lb-contact-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-account-window.h"
#include "lb-contact-window.h"
#include "lb-crm-actions.h"
#include "lb-error.h"

/* The editor of one contact (SPEC 3.4): its names, contact points,
 * account and address, and for a stored contact its deals and the lead
 * it came from.  The LbEditor of lb-account-window.h does the work;
 * this class adds the choice of account and says which row a refusal
 * is about. */

struct _LbContactWindow
{
  AdwWindow  parent_instance;

  LbEditor   editor;
  GArray    *account_ids;   /* of the account row's choices */
};

G_DEFINE_FINAL_TYPE (LbContactWindow, lb_contact_window, ADW_TYPE_WINDOW)

/* The finalize lb_editor_class_init() installs, which this class's
 * chains to. */
static void (*editor_finalize) (GObject *object);

/* helpers */

/* Fills the account row with "None" and the accounts outside the
 * trash, and selects the contact's. */
static void
fill_accounts (LbContactWindow *self)
{
  LbEditor *e = &self->editor;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *row = ADW_COMBO_ROW (e->rows[LB_CONTACT_ACCOUNT_NAME]);
  gint64 account_id = lb_contact_get_int (e->record, LB_CONTACT_ACCOUNT_ID);
  guint selected = account_id == 0 ? 0 : GTK_INVALID_LIST_POSITION;
  LbRecordFilter filter;
  gint64 none = 0;
  guint n;

  gtk_string_list_append (names, C_("choice", "None"));
  g_array_set_size (self->account_ids, 0);
  g_array_append_val (self->account_ids, none);

  lb_record_filter_init (&filter);
  accounts = lb_store_list_accounts (e->store, &filter, &error);
  lb_record_filter_clear (&filter);
  if (accounts == NULL)
    lb_editor_show_toast (e->toast_overlay, error->message);

  n = accounts != NULL ? g_list_model_get_n_items (accounts) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = lb_account_get_id (account);

      if (id == account_id)
        selected = self->account_ids->len;
      gtk_string_list_append (names, lb_account_get_text (account, LB_ACCOUNT_NAME));
      g_array_append_val (self->account_ids, id);
    }

  /* An account in the trash stays the choice it is, so that opening
   * and saving a contact never changes it behind the user's back. */
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      const char *name = lb_contact_get_text (e->record, LB_CONTACT_ACCOUNT_NAME);
      g_autofree char *fallback = g_strdup_printf (_("Account %" G_GINT64_FORMAT), account_id);

      selected = self->account_ids->len;
      gtk_string_list_append (names, name != NULL ? name : fallback);
      g_array_append_val (self->account_ids, account_id);
    }

  e->filling++;
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
  e->filling--;
}

/* callbacks */

static void
account_selected_cb (LbContactWindow *self,
                     GParamSpec      *pspec,
                     AdwComboRow     *row)
{
  LbEditor *e = &self->editor;
  guint selected = adw_combo_row_get_selected (row);
  GListModel *names = adw_combo_row_get_model (row);
  gint64 id = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->account_ids->len)
    id = g_array_index (self->account_ids, gint64, selected);

  lb_contact_set_int (e->record, LB_CONTACT_ACCOUNT_ID, id);
  lb_contact_set_text (e->record, LB_CONTACT_ACCOUNT_NAME,
                       id != 0 ? gtk_string_list_get_string (GTK_STRING_LIST (names), selected) : NULL);
}

/* editor hooks */

static void
contact_fill (GtkWidget *window)
{
  LbContactWindow *self = LB_CONTACT_WINDOW (window);

  fill_accounts (self);
  g_signal_connect_object (self->editor.rows[LB_CONTACT_ACCOUNT_NAME], "notify::selected",
                           G_CALLBACK (account_selected_cb), self, G_CONNECT_SWAPPED);
}

/* A refusal no field's own check explains is about the names when
 * both are empty, else about the account when one is chosen. */
static LbEditorError *
contact_locate (GtkWidget    *window,
                const GError *error)
{
  LbEditor *e = &LB_CONTACT_WINDOW (window)->editor;

  if (error->domain != LB_INPUT_ERROR)
    return NULL;
  if (lb_contact_get_text (e->record, LB_CONTACT_FIRST_NAME) == NULL &&
      lb_contact_get_text (e->record, LB_CONTACT_LAST_NAME) == NULL)
    return &e->errors[LB_CONTACT_FIRST_NAME];
  if (lb_contact_get_int (e->record, LB_CONTACT_ACCOUNT_ID) != 0 &&
      lb_contact_get_int (e->record, LB_CONTACT_DELETED_AT) == 0)
    return &e->errors[LB_CONTACT_ACCOUNT_NAME];

  return NULL;
}

/* First and last name share one message; the account's is about its
 * id as well. */
static LbEditorError *
contact_error_of (GtkWidget  *window,
                  const char *property)
{
  LbEditor *e = &LB_CONTACT_WINDOW (window)->editor;

  if (g_str_equal (property, "last-name"))
    return &e->errors[LB_CONTACT_FIRST_NAME];
  if (g_str_equal (property, "account-id"))
    return &e->errors[LB_CONTACT_ACCOUNT_NAME];

  return NULL;
}

static gpointer
get_contact (LbStore  *store,
             gint64    id,
             GError  **error)
{
  return lb_store_get_contact (store, id, error);
}

static gint64
create_contact (LbStore  *store,
                gpointer  contact,
                GError  **error)
{
  return lb_contact_create (store, contact, error);
}

static gboolean
save_contact (LbStore  *store,
              gpointer  contact,
              GError  **error)
{
  return lb_contact_save (store, contact, error);
}

static char *
contact_title (LbRecord *contact)
{
  return lb_contact_dup_full_name (LB_CONTACT (contact));
}

static LbEditorInfo contact_info = {
  .offset = G_STRUCT_OFFSET (LbContactWindow, editor),
  .prefix = "contact",
  .kind = LB_LINK_CONTACT,
  .record_type = lb_contact_get_type,
  .get = get_contact,
  .create = create_contact,
  .save = save_contact,
  .title = contact_title,
  .lead_id_field = LB_CONTACT_LEAD_ID,
  .created_at_field = LB_CONTACT_CREATED_AT,
  .updated_at_field = LB_CONTACT_UPDATED_AT,
  .deleted_at_field = LB_CONTACT_DELETED_AT,
  .unsaved = N_("The changes you made to this contact are not saved."),
  .in_trash = N_("This contact is in the trash. Restore it to change it."),
  .row_names = { [LB_CONTACT_NOTES] = "notes_view", [LB_CONTACT_ACCOUNT_NAME] = "account_row" },
  .live_fields = { LB_CONTACT_EMAIL, LB_CONTACT_PHONE },
  .n_live_fields = 2,
  .link_kinds = { LB_LINK_DEAL },
  .link_groups = { "deals_group" },
  .fill = contact_fill,
  .locate = contact_locate,
  .error_of = contact_error_of,
};

/* GObject overrides */

static void
lb_contact_window_finalize (GObject *object)
{
  LbContactWindow *self = (LbContactWindow *)object;

  g_clear_pointer (&self->account_ids, g_array_unref);

  editor_finalize (object);
}

/* class_init / init */

static void
lb_contact_window_class_init (LbContactWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/contacts/lb-contact-window.ui");
  lb_editor_class_init (widget_class, &contact_info);

  editor_finalize = object_class->finalize;
  object_class->finalize = lb_contact_window_finalize;
}

static void
lb_contact_window_init (LbContactWindow *self)
{
  GtkWidget **rows = self->editor.rows;

  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  lb_editor_init (GTK_WIDGET (self));

  lb_editor_error_init (&self->editor.errors[LB_CONTACT_FIRST_NAME], rows[LB_CONTACT_LAST_NAME],
                        rows[LB_CONTACT_FIRST_NAME], rows[LB_CONTACT_LAST_NAME]);
  lb_editor_error_init (&self->editor.errors[LB_CONTACT_ACCOUNT_NAME], rows[LB_CONTACT_ACCOUNT_NAME],
                        rows[LB_CONTACT_ACCOUNT_NAME], NULL);
}

/* public API */

/**
 * lb_contact_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @contact_id: the contact to edit, or 0 for a new contact
 *
 * Returns: (transfer none): a new contact window; like every toplevel
 *   it lives until it is closed
 */
LbContactWindow *
lb_contact_window_new (GtkWindow *parent,
                       LbStore   *store,
                       gint64     contact_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (contact_id >= 0, NULL);

  return g_object_new (LB_TYPE_CONTACT_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "contact-id", contact_id,
                       NULL);
}

/* The contact the window edits; 0 until a new one is created. */
gint64
lb_contact_window_get_contact_id (LbContactWindow *self)
{
  g_return_val_if_fail (LB_IS_CONTACT_WINDOW (self), 0);
  return self->editor.id;
}

/* Chooses account @account_id for a new contact, as the form's
 * starting point rather than a change of the user's. */
void
lb_contact_window_set_account_id (LbContactWindow *self,
                                  gint64           account_id)
{
  g_return_if_fail (LB_IS_CONTACT_WINDOW (self));
  g_return_if_fail (account_id >= 0);

  self->editor.filling++;
  lb_contact_set_int (self->editor.record, LB_CONTACT_ACCOUNT_ID, account_id);
  fill_accounts (self);
  account_selected_cb (self, NULL, ADW_COMBO_ROW (self->editor.rows[LB_CONTACT_ACCOUNT_NAME]));
  self->editor.filling--;
}

/* Whether the form holds changes that are not saved. */
gboolean
lb_contact_window_get_modified (LbContactWindow *self)
{
  g_return_val_if_fail (LB_IS_CONTACT_WINDOW (self), FALSE);
  return self->editor.modified;
}

/**
 * lb_contact_window_save:
 *
 * Creates or saves the contact as the form holds it, as Save does.
 *
 * Returns: %TRUE when the contact was stored
 */
gboolean
lb_contact_window_save (LbContactWindow *self)
{
  g_return_val_if_fail (LB_IS_CONTACT_WINDOW (self), FALSE);
  return lb_editor_save (GTK_WIDGET (self));
}

/**
 * lb_contact_window_get_row:
 * @property: the name of an #LbContact text field, or "account-id"
 *
 * Returns: (transfer none) (nullable): the widget that edits @property
 */
GtkWidget *
lb_contact_window_get_row (LbContactWindow *self,
                           const char      *property)
{
  g_return_val_if_fail (LB_IS_CONTACT_WINDOW (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  if (g_str_equal (property, "account-id"))
    property = "account-name";
  return lb_editor_get_row (GTK_WIDGET (self), property);
}

/**
 * lb_contact_window_get_error_label:
 * @property: the name of an #LbContact text field, or "account-id"
 *
 * Returns: (transfer none) (nullable): the label that shows a message
 *   about @property under its row, or %NULL when there is none
 */
GtkWidget *
lb_contact_window_get_error_label (LbContactWindow *self,
                                   const char      *property)
{
  LbEditorError *row_error;

  g_return_val_if_fail (LB_IS_CONTACT_WINDOW (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  row_error = lb_editor_error_of (GTK_WIDGET (self), property);
  return row_error != NULL ? GTK_WIDGET (row_error->label) : NULL;
}
