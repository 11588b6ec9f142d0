#define G_LOG_DOMAIN "lb-account-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-account-window.h"
#include "lb-contact-window.h"
#include "lb-crm-actions.h"
#include "lb-deal-window.h"
#include "lb-document-window.h"
#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-lead-window.h"
#include "lb-money.h"
#include "lb-store-docs.h"
#include "lb-validate.h"

/* The editor of one account (SPEC 3.4), and the LbEditor machinery it
 * shares with the contact editor: a form bound to a working copy of
 * the record and, for a stored record, the records linked to it, each
 * opening in its own window.  The rules live in the actions; the form
 * shows the message of a refused create or save on the row of the
 * field it is about. */

struct _LbAccountWindow
{
  AdwWindow  parent_instance;

  LbEditor   editor;
};

G_DEFINE_FINAL_TYPE (LbAccountWindow, lb_account_window, ADW_TYPE_WINDOW)

/* editor: form helpers */

/**
 * lb_editor_error_init:
 * @after: the row the message row goes below, in the same list
 * @row: the row the message is about
 * @other_row: (nullable): a second row it is about (first and last name)
 *
 * Adds the hidden message row of @error.
 */
void
lb_editor_error_init (LbEditorError *error,
                      GtkWidget     *after,
                      GtkWidget     *row,
                      GtkWidget     *other_row)
{
  GtkWidget *list = gtk_widget_get_parent (after);
  GtkWidget *box;
  GtkWidget *icon;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  error->rows[0] = row;
  error->rows[1] = other_row;
  error->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (error->label, TRUE);
  gtk_label_set_wrap_mode (error->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (error->label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (error->label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (error->label), "error");

  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "error");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (error->label));

  error->message_row = adw_preferences_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error->message_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error->message_row), FALSE);
  gtk_widget_set_focusable (error->message_row, FALSE);
  gtk_widget_set_visible (error->message_row, FALSE);

  gtk_list_box_insert (GTK_LIST_BOX (list), error->message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (after)) + 1);
}

/* Shows @message below the rows of @error; with @focus, moves the focus
 * to the first row the user has to fix.  Of a pair of rows, only the
 * empty ones are marked. */
void
lb_editor_error_show (LbEditorError *error,
                      const char    *message,
                      gboolean       focus)
{
  GtkWidget *focus_row = NULL;

  g_return_if_fail (error->message_row != NULL);

  gtk_label_set_text (error->label, message);
  gtk_widget_set_visible (error->message_row, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (error->rows) && error->rows[i] != NULL; i++)
    {
      GtkWidget *row = error->rows[i];

      if (error->rows[1] != NULL && GTK_IS_EDITABLE (row) &&
          *gtk_editable_get_text (GTK_EDITABLE (row)) != '\0')
        continue;

      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      if (focus_row == NULL)
        focus_row = row;
    }

  if (focus && focus_row != NULL)
    gtk_widget_grab_focus (focus_row);
}

void
lb_editor_error_clear (LbEditorError *error)
{
  if (error->message_row == NULL || !gtk_widget_get_visible (error->message_row))
    return;

  gtk_widget_set_visible (error->message_row, FALSE);
  gtk_label_set_text (error->label, "");
  for (guint i = 0; i < G_N_ELEMENTS (error->rows) && error->rows[i] != NULL; i++)
    {
      gtk_widget_remove_css_class (error->rows[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (error->rows[i]), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (error->rows[i]),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Shows @message in a toast that stays until it is dismissed. */
void
lb_editor_show_toast (AdwToastOverlay *overlay,
                      const char      *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);   /* a toast's title is markup */

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static gboolean
text_to_editable (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

/* Binds the text field @property of @record both ways to an editable
 * row or a text view. */
static void
bind_text (gpointer    record,
                     const char *property,
                     GtkWidget  *widget)
{
  gpointer target = widget;

  if (GTK_IS_TEXT_VIEW (widget))
    target = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

  g_object_bind_property_full (record, property, target, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               text_to_editable, NULL, NULL, NULL);
}

/**
 * check_field:
 * @property: the field's name: "email", "phone", "tin" or "website"
 * @normalized: (out) (optional): the value as it is stored, e.g. a
 *   website with its scheme
 *
 * Checks one field with the code the actions use, as soon as the user
 * leaves its row.  Other fields always pass.
 */
static gboolean
check_field (const char  *property,
                       const char  *value,
                       char       **normalized,
                       GError     **error)
{
  g_autofree char *clean = lb_normalize_text (value);
  GError *local_error = NULL;

  if (g_str_equal (property, "email"))
    lb_validate_email (clean, &local_error);
  else if (g_str_equal (property, "phone"))
    lb_validate_phone (clean, &local_error);
  else if (g_str_equal (property, "tin"))
    lb_validate_tin (clean, &local_error);
  else if (g_str_equal (property, "website"))
    {
      char *website = lb_normalize_website (clean, &local_error);

      g_free (clean);
      clean = website;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&clean);
  return TRUE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWindow        *window)
{
  void (*discard) (GtkWindow *window) = g_object_get_data (G_OBJECT (dialog), "lb-discard");

  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* The dialog has closed itself, but it still points at the window
   * until its last reference goes, after this handler. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  discard (window);
}

/**
 * ask_discard:
 * @body: what would be lost
 * @discard: called when the user chooses to discard the changes
 *
 * Asks before the unsaved changes of @window are thrown away.
 *
 * Returns: (transfer none): the dialog, shown
 */
static GtkWindow *
ask_discard (GtkWindow   *window,
                       const char  *body,
                       void       (*discard) (GtkWindow *window))
{
  GtkWidget *dialog = adw_message_dialog_new (window, _("Discard Changes?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "lb-discard", discard);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
set_footer (GtkLabel *label,
                      gint64    created_at,
                      gint64    updated_at)
{
  g_autofree char *created = lb_format_date_time (created_at);
  g_autofree char *updated = lb_format_date_time (updated_at);
  g_autofree char *text = NULL;

  /* Translators: the times a record was created and last changed */
  text = g_strdup_printf (_("Created %s · Updated %s"), created, updated);
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* editor: linked records */

/* What a link row opens, and whom it tells about changes. */
typedef struct
{
  LbStore           *store;
  LbLinkKind         kind;
  gint64             id;
  gpointer           owner;
  LbLinkChangedFunc  changed;
} LinkData;

static void
link_data_free (gpointer data)
{
  LinkData *link = data;

  g_clear_object (&link->store);
  g_free (link);
}

static void
link_data_closure_free (gpointer  data,
                        GClosure *closure)
{
  link_data_free (data);
}

static LinkData *
link_data_new (LbStore           *store,
               LbLinkKind         kind,
               gint64             id,
               gpointer           owner,
               LbLinkChangedFunc  changed)
{
  LinkData *link = g_new0 (LinkData, 1);

  link->store = g_object_ref (store);
  link->kind = kind;
  link->id = id;
  link->owner = owner;
  link->changed = changed;

  return link;
}

/* The open editor of record @id among the windows of @type, if any. */
static GtkWindow *
find_editor (GType   type,
             gint64  id)
{
  GList *toplevels;
  GtkWindow *found = NULL;

  if (id == 0)
    return NULL;

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    {
      if (!G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) || gtk_widget_in_destruction (l->data))
        continue;
      if ((type == LB_TYPE_ACCOUNT_WINDOW &&
           lb_account_window_get_account_id (l->data) == id) ||
          (type == LB_TYPE_CONTACT_WINDOW &&
           lb_contact_window_get_contact_id (l->data) == id) ||
          (type == LB_TYPE_LEAD_WINDOW &&
           lb_lead_window_get_lead_id (l->data) == id))
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

static void
link_window_notify (GtkWindow *window,
                    gint64     id,
                    gpointer   owner,
                    gboolean   trashed)
{
  LinkData *link = g_object_get_data (G_OBJECT (window), "lb-editor-link");

  if (link != NULL && link->changed != NULL)
    link->changed (owner, link->kind, id != 0 ? id : link->id, trashed);
}

static void
link_window_saved_cb (GtkWindow *window,
                      gint64     id,
                      gpointer   owner)
{
  link_window_notify (window, id, owner, FALSE);
}

static void
link_window_trashed_cb (GtkWindow *window,
                        gint64     id,
                        gpointer   owner)
{
  link_window_notify (window, id, owner, TRUE);
}

/**
 * lb_editor_open_link:
 * @parent: (nullable): the window the new one belongs to
 * @id: the record, or 0 for a new contact, account or lead
 * @owner: (nullable): the object @changed is called on
 *
 * Opens the editor of a linked record, or raises it when it is open
 * already.  @owner hears about the changes made there for as long as
 * it lives.
 *
 * Returns: (transfer none): the editor
 */
GtkWindow *
lb_editor_open_link (GtkWindow         *parent,
                     LbStore           *store,
                     LbLinkKind         kind,
                     gint64             id,
                     gpointer           owner,
                     LbLinkChangedFunc  changed)
{
  static const char * const saved_signals[] = { "saved", "changed" };
  static const char * const trashed_signals[] = { "trashed", "deleted" };
  GtkWindow *window = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  switch (kind)
    {
    case LB_LINK_ACCOUNT:
      window = find_editor (LB_TYPE_ACCOUNT_WINDOW, id);
      if (window == NULL)
        window = GTK_WINDOW (lb_account_window_new (parent, store, id));
      else
        owner = NULL;
      break;

    case LB_LINK_CONTACT:
      window = find_editor (LB_TYPE_CONTACT_WINDOW, id);
      if (window == NULL)
        window = GTK_WINDOW (lb_contact_window_new (parent, store, id));
      else
        owner = NULL;
      break;

    case LB_LINK_LEAD:
      window = find_editor (LB_TYPE_LEAD_WINDOW, id);
      if (window == NULL)
        window = GTK_WINDOW (lb_lead_window_new (parent, store, id));
      else
        owner = NULL;
      break;

    case LB_LINK_DEAL:
      window = GTK_WINDOW (lb_deal_window_new (parent, store, id));
      break;

    case LB_LINK_ORDER:
    case LB_LINK_INVOICE:
      window = GTK_WINDOW (lb_document_window_new (parent, store,
                                                   kind == LB_LINK_ORDER ? LB_DOC_ORDER : LB_DOC_INVOICE,
                                                   id));
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  /* A window open already keeps telling whoever opened it first. */
  if (owner != NULL && changed != NULL)
    {
      g_object_set_data_full (G_OBJECT (window), "lb-editor-link",
                              link_data_new (store, kind, id, owner, changed), link_data_free);
      for (guint i = 0; i < G_N_ELEMENTS (saved_signals); i++)
        if (g_signal_lookup (saved_signals[i], G_OBJECT_TYPE (window)) != 0)
          g_signal_connect_object (window, saved_signals[i], G_CALLBACK (link_window_saved_cb),
                                   owner, 0);
      for (guint i = 0; i < G_N_ELEMENTS (trashed_signals); i++)
        if (g_signal_lookup (trashed_signals[i], G_OBJECT_TYPE (window)) != 0)
          g_signal_connect_object (window, trashed_signals[i], G_CALLBACK (link_window_trashed_cb),
                                   owner, 0);
    }

  gtk_window_present (window);
  return window;
}

static void
link_row_activated_cb (AdwActionRow *row,
                       LinkData     *link)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  lb_editor_open_link (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, link->store,
                       link->kind, link->id, link->owner, link->changed);
}

/* Makes activating @row open record @id of @kind. */
static void
set_link (GtkWidget         *row,
          LbStore           *store,
          LbLinkKind         kind,
          gint64             id,
          gpointer           owner,
          LbLinkChangedFunc  changed)
{
  LinkData *link = link_data_new (store, kind, id, owner, changed);

  g_signal_handlers_disconnect_matched (row, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                        link_row_activated_cb, NULL);
  g_signal_connect_data (row, "activated", G_CALLBACK (link_row_activated_cb),
                         link, link_data_closure_free, 0);
}

static GtkWidget *
link_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

/* "a · b · c", skipping empty parts. */
static char *
join_parts (const char *first,
            ...)
{
  GString *s = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, part);
    }
  va_end (args);

  return g_string_free (s, FALSE);
}

static GtkWidget *
contact_row_new (LbContact *contact)
{
  g_autofree char *name = lb_contact_dup_full_name (contact);
  const char *email = lb_contact_get_text (contact, LB_CONTACT_EMAIL);
  const char *phone = lb_contact_get_text (contact, LB_CONTACT_PHONE);
  g_autofree char *subtitle = join_parts (email != NULL ? email : "", phone != NULL ? phone : "", NULL);

  return link_row_new (name, subtitle);
}

static GtkWidget *
deal_row_new (LbDeal *deal)
{
  const char *currency = lb_deal_get_text (deal, LB_DEAL_CURRENCY);
  const char *stage = lb_deal_get_text (deal, LB_DEAL_STAGE);
  g_autofree char *value = lb_money_format_locale (lb_deal_get_int (deal, LB_DEAL_VALUE),
                                                   lb_currency_decimals (currency), currency);
  g_autofree char *subtitle = join_parts (stage != NULL ? stage : "",
                                          lb_deal_status_to_label (lb_deal_get_status (deal)),
                                          value != NULL ? value : "", NULL);

  return link_row_new (lb_deal_get_text (deal, LB_DEAL_NAME), subtitle);
}

static GtkWidget *
document_row_new (LbRecord *doc)
{
  const char *number = lb_record_get_text (doc, LB_DOC_NUMBER);
  const char *date = lb_record_get_text (doc, LB_DOC_DOC_DATE);
  const char *status = lb_record_get_text (doc, LB_DOC_STATUS_LABEL);
  g_autofree char *subtitle = join_parts (date != NULL ? date : "", status != NULL ? status : "",
                                          NULL);

  /* Translators: a document that has no number yet */
  return link_row_new (number != NULL ? number : C_("document", "Draft"), subtitle);
}

static GListModel *
list_links (LbStore     *store,
            LbLinkKind   kind,
            gint64       account_id,
            gint64       contact_id,
            GError     **error)
{
  LbRecordFilter filter;
  LbDocFilter doc_filter;
  GListModel *model = NULL;

  lb_record_filter_init (&filter);
  filter.account_id = account_id;
  filter.contact_id = contact_id;

  switch (kind)
    {
    case LB_LINK_CONTACT:
      model = lb_store_list_contacts (store, &filter, error);
      break;

    case LB_LINK_DEAL:
      model = lb_store_list_deals (store, &filter, error);
      break;

    case LB_LINK_ORDER:
    case LB_LINK_INVOICE:
      lb_doc_filter_init (&doc_filter, kind == LB_LINK_ORDER ? LB_DOC_ORDER : LB_DOC_INVOICE);
      doc_filter.account_id = account_id;
      model = lb_store_list_documents (store, &doc_filter, error);
      break;

    case LB_LINK_ACCOUNT:
    case LB_LINK_LEAD:
    default:
      g_assert_not_reached ();
    }

  lb_record_filter_clear (&filter);
  return model;
}

/* What a group of links says when there are none. */
static const char *
no_links_text (LbLinkKind kind)
{
  switch (kind)
    {
    case LB_LINK_CONTACT:
      return _("No contacts");
    case LB_LINK_DEAL:
      return _("No deals");
    case LB_LINK_ORDER:
      return _("No orders");
    case LB_LINK_INVOICE:
      return _("No invoices");
    case LB_LINK_ACCOUNT:
    case LB_LINK_LEAD:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * fill_links:
 * @rows: where the rows added go, for clear_links()
 * @account_id: the account whose records to list, or 0
 * @contact_id: the contact whose deals to list, or 0
 *
 * Adds a row per linked record of @kind to @group, each opening the
 * record's editor; a row that says so when there is none.
 */
static void
fill_links (AdwPreferencesGroup *group,
                      GPtrArray           *rows,
                      LbStore             *store,
                      LbLinkKind           kind,
                      gint64               account_id,
                      gint64               contact_id,
                      gpointer             owner,
                      LbLinkChangedFunc    changed)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  model = list_links (store, kind, account_id, contact_id, &error);
  n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRecord) record = g_list_model_get_item (model, i);
      GtkWidget *row;

      if (kind == LB_LINK_CONTACT)
        row = contact_row_new (LB_CONTACT (record));
      else if (kind == LB_LINK_DEAL)
        row = deal_row_new (LB_DEAL (record));
      else
        row = document_row_new (record);

      set_link (row, store, kind, lb_record_get_int (record, 0 /* the id */), owner, changed);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (rows, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error != NULL ? error->message : no_links_text (kind));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (group, row);
      g_ptr_array_add (rows, row);
    }
}

/* Removes the rows fill_links() added. */
static void
clear_links (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}

/* Shows @group with @row "Created from lead “Title”" opening the lead,
 * for a record a lead's conversion created; hides it otherwise. */
static void
show_lead_row (AdwPreferencesGroup *group,
                         AdwActionRow        *row,
                         LbStore             *store,
                         gint64               lead_id,
                         gpointer             owner,
                         LbLinkChangedFunc    changed)
{
  g_autoptr(LbLead) lead = NULL;
  g_autofree char *title = NULL;

  lead = lead_id != 0 ? lb_store_get_lead (store, lead_id, NULL) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (group), lead != NULL);
  if (lead == NULL)
    return;

  title = g_strdup_printf (_("Created from lead “%s”"), lb_lead_get_title (lead));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  set_link (GTK_WIDGET (row), store, LB_LINK_LEAD, lead_id, owner, changed);
}

/**
 * dup_record_name:
 *
 * Returns: (transfer full): the name of a record as a message names
 *   it, "" when it cannot be read
 */
static char *
dup_record_name (LbStore    *store,
                           LbLinkKind  kind,
                           gint64      id)
{
  g_autoptr(GObject) record = NULL;
  const char *name = NULL;

  switch (kind)
    {
    case LB_LINK_ACCOUNT:
      record = G_OBJECT (lb_store_get_account (store, id, NULL));
      if (record != NULL)
        name = lb_account_get_text (record, LB_ACCOUNT_NAME);
      break;

    case LB_LINK_CONTACT:
      record = G_OBJECT (lb_store_get_contact (store, id, NULL));
      if (record != NULL)
        return lb_contact_dup_full_name (LB_CONTACT (record));
      break;

    case LB_LINK_DEAL:
      record = G_OBJECT (lb_store_get_deal (store, id, NULL));
      if (record != NULL)
        name = lb_deal_get_text (record, LB_DEAL_NAME);
      break;

    case LB_LINK_LEAD:
      record = G_OBJECT (lb_store_get_lead (store, id, NULL));
      if (record != NULL)
        name = lb_lead_get_title (LB_LEAD (record));
      break;

    case LB_LINK_ORDER:
    case LB_LINK_INVOICE:
      record = G_OBJECT (lb_store_get_document (store,
                                                kind == LB_LINK_ORDER ? LB_DOC_ORDER : LB_DOC_INVOICE,
                                                id, NULL));
      if (record != NULL)
        name = lb_record_get_text (LB_RECORD (record), LB_DOC_NUMBER);
      break;

    default:
      g_return_val_if_reached (g_strdup (""));
    }

  return g_strdup (name != NULL ? name : "");
}

/* The Undo of a trashed toast. */
typedef struct
{
  LbStore        *store;
  LbLinkKind      kind;
  gint64          id;
  GWeakRef        owner;
  LbRestoredFunc  restored;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->store);
  g_weak_ref_clear (&undo->owner);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 UndoData *undo)
{
  static const char * const kinds[] = {
    [LB_LINK_ACCOUNT] = "account", [LB_LINK_CONTACT] = "contact", [LB_LINK_DEAL] = "deal",
  };
  g_autoptr(GObject) owner = g_weak_ref_get (&undo->owner);
  g_autoptr(GError) error = NULL;
  gboolean restored;

  if (undo->kind == LB_LINK_LEAD)
    restored = lb_lead_restore (undo->store, undo->id, &error);
  else
    restored = lb_record_restore (undo->store, kinds[undo->kind], undo->id, &error);

  if (owner != NULL && undo->restored != NULL)
    undo->restored (owner, restored ? NULL : error);
}

/**
 * lb_editor_trashed_toast_new:
 * @kind: an account, contact, deal or lead
 * @owner: (nullable): the object @restored is called on, if it lives
 *
 * Returns: (transfer full): a toast "“Name” moved to the trash" whose
 *   Undo restores the record
 */
AdwToast *
lb_editor_trashed_toast_new (LbStore        *store,
                             LbLinkKind      kind,
                             gint64          id,
                             gpointer        owner,
                             LbRestoredFunc  restored)
{
  g_autofree char *name = dup_record_name (store, kind, id);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *text = g_strdup_printf (_("“%s” moved to the trash"), escaped);
  AdwToast *toast = adw_toast_new (text);
  UndoData *undo;

  g_return_val_if_fail (kind == LB_LINK_ACCOUNT || kind == LB_LINK_CONTACT ||
                        kind == LB_LINK_DEAL || kind == LB_LINK_LEAD, toast);

  undo = g_new0 (UndoData, 1);
  undo->store = g_object_ref (store);
  undo->kind = kind;
  undo->id = id;
  g_weak_ref_init (&undo->owner, owner);
  undo->restored = restored;

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                         undo, undo_data_free, 0);

  return toast;
}

/* editor: helpers */

static GQuark
info_quark (void)
{
  return g_quark_from_static_string ("lb-editor-info");
}

/**
 * lb_editor_get:
 *
 * Returns: (transfer none): the LbEditor embedded in @window
 */
LbEditor *
lb_editor_get (gpointer window)
{
  LbEditorInfo *info = g_type_get_qdata (G_OBJECT_TYPE (window), info_quark ());

  g_assert (info != NULL);
  return G_STRUCT_MEMBER_P (window, info->offset);
}

/* "account" + ".save" → "account.save", for as long as the program runs. */
static const char *
editor_name (LbEditorInfo *info,
             const char   *separator,
             const char   *name)
{
  g_autofree char *full = g_strconcat (info->prefix, separator, name, NULL);

  return g_intern_string (full);
}

static const char *
field_name (LbEditor *e,
            guint     field)
{
  return lb_record_text_name (e->record, field);
}

static guint
n_text_fields (LbEditor *e)
{
  return LB_RECORD_GET_CLASS (e->record)->n_text;
}

static gboolean
is_trashed (LbEditor *e)
{
  return lb_record_get_int (e->record, e->info->deleted_at_field) != 0;
}

/* Sets which actions can run now; the one place that does. */
static void
update_actions (GtkWidget *window)
{
  LbEditor *e = lb_editor_get (window);
  gboolean existing = e->id != 0;
  gboolean editable = e->loaded && !is_trashed (e);

  gtk_widget_action_set_enabled (window, editor_name (e->info, ".", "save"), editable);
  gtk_widget_action_set_enabled (window, editor_name (e->info, ".", "delete"), existing && editable);
  if (e->info->update != NULL)
    e->info->update (window, existing, editable);
}

/* Which message row a refused create or save goes to: a field whose
 * own check gives the same message, else what the window's class
 * says; NULL for a toast. */
static LbEditorError *
locate_error (GtkWidget    *window,
              const GError *error)
{
  LbEditor *e = lb_editor_get (window);

  for (guint i = 0; i < e->info->n_live_fields; i++)
    {
      guint field = e->info->live_fields[i];
      g_autoptr(GError) own = NULL;

      if (!check_field (field_name (e, field), lb_record_get_text (e->record, field),
                                  NULL, &own) &&
          g_strcmp0 (own->message, error->message) == 0)
        return &e->errors[field];
    }

  return e->info->locate != NULL ? e->info->locate (window, error) : NULL;
}

static void
show_error (GtkWidget    *window,
            const GError *error)
{
  LbEditor *e = lb_editor_get (window);
  LbEditorError *row_error = locate_error (window, error);

  if (row_error != NULL && row_error->message_row != NULL)
    lb_editor_error_show (row_error, error->message, TRUE);
  else
    lb_editor_show_toast (e->toast_overlay, error->message);
}

static void link_changed_cb (gpointer    owner,
                             LbLinkKind  kind,
                             gint64      id,
                             gboolean    trashed);

/* Lists what is linked to the record, again. */
static void
refresh_links (GtkWidget *window)
{
  LbEditor *e = lb_editor_get (window);
  gint64 account_id = e->info->kind == LB_LINK_ACCOUNT ? e->id : 0;
  gint64 contact_id = e->info->kind == LB_LINK_CONTACT ? e->id : 0;

  clear_links (e->link_rows);
  for (guint i = 0; i < LB_EDITOR_MAX_LINKS && e->link_groups[i] != NULL; i++)
    {
      fill_links (e->link_groups[i], e->link_rows, e->store, e->info->link_kinds[i],
                            account_id, contact_id, window, link_changed_cb);
      gtk_widget_set_visible (GTK_WIDGET (e->link_groups[i]), TRUE);
    }
}

/* Fills the form from the record (the widgets follow it through
 * bindings), then starts listening for changes. */
static void
load (GtkWidget *window)
{
  LbEditor *e = lb_editor_get (window);
  g_autoptr(GError) error = NULL;

  if (e->id != 0)
    {
      e->record = e->info->get (e->store, e->id, &error);
      e->loaded = e->record != NULL;
      if (e->record == NULL)
        lb_editor_show_toast (e->toast_overlay, error->message);
    }
  else
    e->loaded = TRUE;
  if (e->record == NULL)
    e->record = g_object_new (e->info->record_type (), NULL);

  /* Entry rows and text views; the window's class fills the others. */
  for (guint field = 0; field < n_text_fields (e); field++)
    if (GTK_IS_EDITABLE (e->rows[field]) || GTK_IS_TEXT_VIEW (e->rows[field]))
      bind_text (e->record, field_name (e, field), e->rows[field]);

  e->filling++;
  if (e->info->fill != NULL)
    e->info->fill (window);
  e->filling--;

  if (e->id != 0)
    {
      gtk_button_set_label (e->save_button, _("_Save"));
      gtk_widget_set_visible (e->menu_button, e->loaded);
    }

  if (e->id != 0 && e->loaded)
    {
      g_autofree char *title = e->info->title (e->record);

      gtk_window_set_title (GTK_WINDOW (window), title);
      set_footer (e->footer_label,
                            lb_record_get_int (e->record, e->info->created_at_field),
                            lb_record_get_int (e->record, e->info->updated_at_field));
      show_lead_row (e->lead_group, e->lead_row, e->store,
                               lb_record_get_int (e->record, e->info->lead_id_field),
                               window, link_changed_cb);
      refresh_links (window);

      if (is_trashed (e))
        lb_editor_show_toast (e->toast_overlay, _(e->info->in_trash));
    }

  update_actions (window);
}

/* editor: callbacks */

/* Records linked to the window's record changed: lists them again and
 * emits "changed". */
static void
note_linked_change (GtkWidget *window)
{
  LbEditor *e = lb_editor_get (window);

  if (e->id != 0 && e->loaded)
    refresh_links (window);
  g_signal_emit (window, e->info->signals[2], 0, e->id);
}

static void
restored_cb (gpointer      owner,
             const GError *error)
{
  LbEditor *e = lb_editor_get (owner);

  if (error != NULL)
    lb_editor_show_toast (e->toast_overlay, error->message);

  note_linked_change (owner);
}

/* A record opened from this window changed: offer to undo a delete,
 * list again and tell whoever listens. */
static void
link_changed_cb (gpointer    owner,
                 LbLinkKind  kind,
                 gint64      id,
                 gboolean    trashed)
{
  LbEditor *e = lb_editor_get (owner);

  if (trashed && kind != LB_LINK_ORDER && kind != LB_LINK_INVOICE)
    adw_toast_overlay_add_toast (e->toast_overlay,
                                 lb_editor_trashed_toast_new (e->store, kind, id, owner,
                                                              restored_cb));
  note_linked_change (owner);
}

static void
record_notify_cb (GtkWidget  *window,
                  GParamSpec *pspec,
                  LbRecord   *record)
{
  LbEditor *e = lb_editor_get (window);
  LbEditorError *row_error = lb_editor_error_of (window, pspec->name);

  if (row_error != NULL)
    lb_editor_error_clear (row_error);

  if (!e->modified && e->filling == 0)
    {
      e->modified = TRUE;
      update_actions (window);
    }
}

/* Checks the field of a row the user just left; a website gets its
 * stored form ("https://…"). */
static void
row_focus_leave_cb (GtkEventControllerFocus *controller,
                    GtkWidget               *window)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  LbEditor *e = lb_editor_get (window);

  if (gtk_widget_in_destruction (window) || e->record == NULL)
    return;

  for (guint i = 0; i < e->info->n_live_fields; i++)
    {
      guint field = e->info->live_fields[i];
      g_autofree char *normalized = NULL;
      g_autoptr(GError) error = NULL;

      if (e->rows[field] != row)
        continue;

      if (!check_field (field_name (e, field), lb_record_get_text (e->record, field),
                                  &normalized, &error))
        lb_editor_error_show (&e->errors[field], error->message, FALSE);
      else if (g_str_equal (field_name (e, field), "website"))
        lb_record_set_text (e->record, field, normalized);
    }
}

static void
discard_cb (GtkWindow *window)
{
  lb_editor_get (window)->discard = TRUE;
  gtk_window_close (window);
}

/* editor: actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  lb_editor_save (widget);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LbEditor *e = lb_editor_get (widget);
  g_autoptr(GError) error = NULL;

  if (!lb_record_trash (e->store, e->info->prefix, e->id, &error))
    {
      lb_editor_show_toast (e->toast_overlay, error->message);
      return;
    }

  /* Whoever opened the window offers Undo; unsaved edits go with it. */
  e->discard = TRUE;
  g_object_ref (widget);
  g_signal_emit (widget, e->info->signals[1], 0, e->id);
  gtk_window_close (GTK_WINDOW (widget));
  g_object_unref (widget);
}

/* editor: overrides */

static gboolean
editor_close_request (GtkWindow *window)
{
  LbEditor *e = lb_editor_get (window);
  GtkWindowClass *parent_class = g_type_class_peek (ADW_TYPE_WINDOW);

  if (e->modified && !e->discard)
    {
      if (e->discard_dialog == NULL)
        {
          e->discard_dialog = ask_discard (window, _(e->info->unsaved), discard_cb);
          g_object_add_weak_pointer (G_OBJECT (e->discard_dialog), (gpointer *)&e->discard_dialog);
        }
      gtk_window_present (e->discard_dialog);
      return TRUE;
    }

  return parent_class->close_request (window);
}

static void
editor_constructed (GObject *object)
{
  LbEditor *e = lb_editor_get (object);

  G_OBJECT_CLASS (g_type_class_peek (ADW_TYPE_WINDOW))->constructed (object);

  g_return_if_fail (LB_IS_STORE (e->store));
  load (GTK_WIDGET (object));
  g_signal_connect_object (e->record, "notify", G_CALLBACK (record_notify_cb), object,
                           G_CONNECT_SWAPPED);
}

static void
editor_dispose (GObject *object)
{
  LbEditor *e = lb_editor_get (object);

  if (e->discard_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (e->discard_dialog), (gpointer *)&e->discard_dialog);
      gtk_window_destroy (g_steal_pointer (&e->discard_dialog));
    }

  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  g_clear_pointer (&e->link_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (g_type_class_peek (ADW_TYPE_WINDOW))->dispose (object);
}

static void
editor_finalize (GObject *object)
{
  LbEditor *e = lb_editor_get (object);

  g_clear_object (&e->record);
  g_clear_object (&e->store);

  G_OBJECT_CLASS (g_type_class_peek (ADW_TYPE_WINDOW))->finalize (object);
}

enum {
  PROP_0,
  PROP_STORE,
  PROP_ID,
  N_PROPS
};

static void
editor_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  LbEditor *e = lb_editor_get (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, e->store);
      break;

    case PROP_ID:
      g_value_set_int64 (value, e->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
editor_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  LbEditor *e = lb_editor_get (object);

  switch (prop_id)
    {
    case PROP_STORE:
      e->store = g_value_dup_object (value);
      break;

    case PROP_ID:
      e->id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* editor: API */

/**
 * lb_editor_class_init:
 * @info: (transfer none): the class's editor, static
 *
 * Makes the window class an editor.  Call it after
 * gtk_widget_class_set_template_from_resource().
 */
void
lb_editor_class_init (GtkWidgetClass *widget_class,
                      LbEditorInfo   *info)
{
  static const struct {
    const char *name;
    gsize       offset;
  } children[] = {
    { "toast_overlay", G_STRUCT_OFFSET (LbEditor, toast_overlay) },
    { "save_button", G_STRUCT_OFFSET (LbEditor, save_button) },
    { "menu_button", G_STRUCT_OFFSET (LbEditor, menu_button) },
    { "lead_group", G_STRUCT_OFFSET (LbEditor, lead_group) },
    { "lead_row", G_STRUCT_OFFSET (LbEditor, lead_row) },
    { "footer_label", G_STRUCT_OFFSET (LbEditor, footer_label) },
  };
  GObjectClass *object_class = G_OBJECT_CLASS (widget_class);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (widget_class);
  GType type = G_TYPE_FROM_CLASS (widget_class);
  g_autoptr(LbRecord) probe = g_object_new (info->record_type (), NULL);
  GParamSpec *properties[N_PROPS] = { NULL, };
  const char *action;

  g_type_set_qdata (type, info_quark (), info);

  object_class->constructed = editor_constructed;
  object_class->dispose = editor_dispose;
  object_class->finalize = editor_finalize;
  object_class->get_property = editor_get_property;
  object_class->set_property = editor_set_property;
  window_class->close_request = editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "account-id": the record, 0 until a new one is created */
  properties[PROP_ID] =
    g_param_spec_int64 (editor_name (info, "-", "id"), NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "saved" (the id of the record created or saved), "trashed" (the id
   * of the record moved to the trash), "changed" (the id of the record
   * whose linked records changed in a window opened from this one) */
  info->signals[0] = g_signal_new ("saved", type, G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  info->signals[1] = g_signal_new ("trashed", type, G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  info->signals[2] = g_signal_new ("changed", type, G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i].name, FALSE,
                                               info->offset + children[i].offset);
  for (guint i = 0; i < LB_EDITOR_MAX_LINKS && info->link_groups[i] != NULL; i++)
    gtk_widget_class_bind_template_child_full (widget_class, info->link_groups[i], FALSE,
                                               info->offset + G_STRUCT_OFFSET (LbEditor, link_groups) +
                                               i * sizeof (AdwPreferencesGroup *));

  /* "postal-code" → postal_code_row, unless the info names the row. */
  g_assert (LB_RECORD_GET_CLASS (probe)->n_text <= LB_EDITOR_MAX_FIELDS);
  for (guint field = 0; field < LB_RECORD_GET_CLASS (probe)->n_text; field++)
    {
      g_autofree char *name = NULL;

      if (info->row_names[field] != NULL)
        name = g_strdup (info->row_names[field]);
      else
        name = g_strdup_printf ("%s_row", lb_record_text_name (probe, field));
      g_strdelimit (name, "-", '_');
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (name), FALSE,
                                                 info->offset + G_STRUCT_OFFSET (LbEditor, rows) +
                                                 field * sizeof (GtkWidget *));
    }

  gtk_widget_class_install_action (widget_class, editor_name (info, ".", "cancel"), NULL,
                                   cancel_action);
  gtk_widget_class_install_action (widget_class, editor_name (info, ".", "delete"), NULL,
                                   delete_action);
  action = editor_name (info, ".", "save");
  gtk_widget_class_install_action (widget_class, action, NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, action, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       editor_name (info, ".", "cancel"), NULL);
}

/* Builds the template and the message rows of the fields checked as
 * the user leaves them; the class adds the others after this. */
void
lb_editor_init (GtkWidget *window)
{
  LbEditor *e = lb_editor_get (window);

  e->info = g_type_get_qdata (G_OBJECT_TYPE (window), info_quark ());
  e->link_rows = g_ptr_array_new ();

  gtk_widget_init_template (window);

  for (guint i = 0; i < e->info->n_live_fields; i++)
    {
      guint field = e->info->live_fields[i];
      GtkEventController *controller = gtk_event_controller_focus_new ();

      lb_editor_error_init (&e->errors[field], e->rows[field], e->rows[field], NULL);
      g_signal_connect_object (controller, "leave", G_CALLBACK (row_focus_leave_cb), window, 0);
      gtk_widget_add_controller (e->rows[field], controller);
    }
}

/**
 * lb_editor_save:
 *
 * Creates or saves the record as the form holds it.  On success emits
 * "saved" and closes the window; when the action refuses, shows its
 * message on the row at fault and keeps everything typed.
 *
 * Returns: %TRUE when the record was stored
 */
gboolean
lb_editor_save (GtkWidget *window)
{
  LbEditor *e = lb_editor_get (window);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!e->loaded)
    return FALSE;

  for (guint field = 0; field < LB_EDITOR_MAX_FIELDS; field++)
    lb_editor_error_clear (&e->errors[field]);

  if (e->id == 0)
    id = e->info->create (e->store, e->record, &error);
  else
    id = e->info->save (e->store, e->record, &error) ? e->id : 0;

  if (id == 0)
    {
      show_error (window, error);
      return FALSE;
    }

  e->id = id;
  e->modified = FALSE;
  e->discard = TRUE;

  g_object_ref (window);
  g_signal_emit (window, e->info->signals[0], 0, id);
  gtk_window_close (GTK_WINDOW (window));
  g_object_unref (window);

  return TRUE;
}

/**
 * lb_editor_get_row:
 * @property: the name of a text field of the record
 *
 * Returns: (transfer none) (nullable): the widget that edits @property
 */
GtkWidget *
lb_editor_get_row (GtkWidget  *window,
                   const char *property)
{
  LbEditor *e = lb_editor_get (window);

  for (guint field = 0; field < n_text_fields (e); field++)
    if (g_str_equal (field_name (e, field), property))
      return e->rows[field];

  return NULL;
}

/**
 * lb_editor_error_of:
 * @property: the name of a property of the record
 *
 * Returns: (nullable): the message a change of @property makes stale
 */
LbEditorError *
lb_editor_error_of (GtkWidget  *window,
                    const char *property)
{
  LbEditor *e = lb_editor_get (window);
  LbEditorError *row_error = NULL;

  if (e->info->error_of != NULL)
    row_error = e->info->error_of (window, property);

  for (guint field = 0; row_error == NULL && field < n_text_fields (e); field++)
    if (g_str_equal (field_name (e, field), property))
      row_error = &e->errors[field];

  return row_error != NULL && row_error->message_row != NULL ? row_error : NULL;
}


/* account window */

static void
fill_industries (GtkWidget *window)
{
  LbEditor *e = lb_editor_get (window);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) refs = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *row = ADW_COMBO_ROW (e->rows[LB_ACCOUNT_INDUSTRY]);
  const char *value = lb_account_get_text (e->record, LB_ACCOUNT_INDUSTRY);
  guint selected = value == NULL ? 0 : GTK_INVALID_LIST_POSITION;
  guint n;

  gtk_string_list_append (names, C_("choice", "None"));

  refs = lb_store_list_refs (e->store, LB_REF_INDUSTRY, &error);
  if (refs == NULL)
    lb_editor_show_toast (e->toast_overlay, error->message);

  n = refs != NULL ? g_list_model_get_n_items (refs) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (refs, i);
      const char *name = lb_ref_item_get_name (item);

      if (value != NULL && g_ascii_strcasecmp (name, value) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, name);
    }

  /* An industry the list no longer holds stays a choice, so that
   * opening and saving an account never changes it. */
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      selected = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, value);
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

static void
industry_selected_cb (GtkWidget   *window,
                      GParamSpec  *pspec,
                      AdwComboRow *row)
{
  LbEditor *e = lb_editor_get (window);
  GListModel *names = adw_combo_row_get_model (row);
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    lb_account_set_text (e->record, LB_ACCOUNT_INDUSTRY, NULL);
  else
    lb_account_set_text (e->record, LB_ACCOUNT_INDUSTRY,
                         gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
}

static void
account_fill (GtkWidget *window)
{
  LbEditor *e = lb_editor_get (window);

  fill_industries (window);
  g_signal_connect_object (e->rows[LB_ACCOUNT_INDUSTRY], "notify::selected",
                           G_CALLBACK (industry_selected_cb), window, G_CONNECT_SWAPPED);
}

/* A refusal no field's own check explains is about the name when the
 * account has none or another account has it. */
static LbEditorError *
account_locate (GtkWidget    *window,
                const GError *error)
{
  LbEditor *e = lb_editor_get (window);

  if (g_error_matches (error, LB_INPUT_ERROR, LB_INPUT_ERROR_DUPLICATE) ||
      (error->domain == LB_INPUT_ERROR && lb_account_get_text (e->record, LB_ACCOUNT_NAME) == NULL))
    return &e->errors[LB_ACCOUNT_NAME];

  return NULL;
}

static void
account_update (GtkWidget *window,
                gboolean   existing,
                gboolean   editable)
{
  gtk_widget_action_set_enabled (window, "account.new-contact", existing && editable);
}

static gpointer
get_account (LbStore  *store,
             gint64    id,
             GError  **error)
{
  return lb_store_get_account (store, id, error);
}

static gint64
create_account (LbStore  *store,
                gpointer  account,
                GError  **error)
{
  return lb_account_create (store, account, error);
}

static gboolean
save_account (LbStore  *store,
              gpointer  account,
              GError  **error)
{
  return lb_account_save (store, account, error);
}

static char *
account_title (LbRecord *account)
{
  return g_strdup (lb_account_get_text (account, LB_ACCOUNT_NAME));
}

static LbEditorInfo account_info = {
  .offset = G_STRUCT_OFFSET (LbAccountWindow, editor),
  .prefix = "account",
  .kind = LB_LINK_ACCOUNT,
  .record_type = lb_account_get_type,
  .get = get_account,
  .create = create_account,
  .save = save_account,
  .title = account_title,
  .lead_id_field = LB_ACCOUNT_LEAD_ID,
  .created_at_field = LB_ACCOUNT_CREATED_AT,
  .updated_at_field = LB_ACCOUNT_UPDATED_AT,
  .deleted_at_field = LB_ACCOUNT_DELETED_AT,
  .unsaved = N_("The changes you made to this account are not saved."),
  .in_trash = N_("This account is in the trash. Restore it to change it."),
  .row_names = { [LB_ACCOUNT_NOTES] = "notes_view" },
  .live_fields = { LB_ACCOUNT_WEBSITE, LB_ACCOUNT_TIN, LB_ACCOUNT_PHONE, LB_ACCOUNT_EMAIL },
  .n_live_fields = 4,
  .link_kinds = { LB_LINK_CONTACT, LB_LINK_DEAL, LB_LINK_ORDER, LB_LINK_INVOICE },
  .link_groups = { "contacts_group", "deals_group", "orders_group", "invoices_group" },
  .fill = account_fill,
  .locate = account_locate,
  .update = account_update,
};

/* A new contact of this account, from the Contacts group. */
static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LbEditor *e = lb_editor_get (widget);
  GtkWindow *window;

  window = lb_editor_open_link (GTK_WINDOW (widget), e->store, LB_LINK_CONTACT, 0,
                                widget, link_changed_cb);
  lb_contact_window_set_account_id (LB_CONTACT_WINDOW (window), e->id);
}

static void
lb_account_window_class_init (LbAccountWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/accounts/lb-account-window.ui");
  lb_editor_class_init (widget_class, &account_info);
  gtk_widget_class_install_action (widget_class, "account.new-contact", NULL, new_contact_action);
}

static void
lb_account_window_init (LbAccountWindow *self)
{
  GtkWidget *name_row;

  lb_editor_init (GTK_WIDGET (self));

  name_row = self->editor.rows[LB_ACCOUNT_NAME];
  lb_editor_error_init (&self->editor.errors[LB_ACCOUNT_NAME], name_row, name_row, NULL);
}

/* account window: public API */

/**
 * lb_account_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store
 * @account_id: the account to edit, or 0 for a new account
 *
 * Returns: (transfer none): a new account window; like every toplevel
 *   it lives until it is closed
 */
LbAccountWindow *
lb_account_window_new (GtkWindow *parent,
                       LbStore   *store,
                       gint64     account_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (account_id >= 0, NULL);

  return g_object_new (LB_TYPE_ACCOUNT_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "account-id", account_id,
                       NULL);
}

/* The account the window edits; 0 until a new one is created. */
gint64
lb_account_window_get_account_id (LbAccountWindow *self)
{
  g_return_val_if_fail (LB_IS_ACCOUNT_WINDOW (self), 0);
  return self->editor.id;
}

/* Whether the form holds changes that are not saved. */
gboolean
lb_account_window_get_modified (LbAccountWindow *self)
{
  g_return_val_if_fail (LB_IS_ACCOUNT_WINDOW (self), FALSE);
  return self->editor.modified;
}

/**
 * lb_account_window_save:
 *
 * Creates or saves the account as the form holds it, as Save does.
 *
 * Returns: %TRUE when the account was stored
 */
gboolean
lb_account_window_save (LbAccountWindow *self)
{
  g_return_val_if_fail (LB_IS_ACCOUNT_WINDOW (self), FALSE);
  return lb_editor_save (GTK_WIDGET (self));
}

/**
 * lb_account_window_get_row:
 * @property: the name of an #LbAccount text field
 *
 * Returns: (transfer none) (nullable): the widget that edits @property
 */
GtkWidget *
lb_account_window_get_row (LbAccountWindow *self,
                           const char      *property)
{
  g_return_val_if_fail (LB_IS_ACCOUNT_WINDOW (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);
  return lb_editor_get_row (GTK_WIDGET (self), property);
}

/**
 * lb_account_window_get_error_label:
 * @property: the name of an #LbAccount text field
 *
 * Returns: (transfer none) (nullable): the label that shows a message
 *   about @property under its row, or %NULL when there is none
 */
GtkWidget *
lb_account_window_get_error_label (LbAccountWindow *self,
                                   const char      *property)
{
  LbEditorError *row_error;

  g_return_val_if_fail (LB_IS_ACCOUNT_WINDOW (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  row_error = lb_editor_error_of (GTK_WIDGET (self), property);
  return row_error != NULL ? GTK_WIDGET (row_error->label) : NULL;
}
