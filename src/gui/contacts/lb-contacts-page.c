#define G_LOG_DOMAIN "lb-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-accounts-page.h"
#include "lb-contacts-page.h"

/* The contacts (SPEC 3.4): a column view over the contacts outside the
 * trash that match the search, with their accounts.  It works as the
 * accounts page does, through the LbRecordList of lb-accounts-page.h. */

struct _LbContactsPage
{
  LbPage        parent_instance;

  LbRecordList  list;
};

G_DEFINE_FINAL_TYPE (LbContactsPage, lb_contacts_page, LB_TYPE_PAGE)

/* helpers */

static char *
contacts_subtitle (guint    n,
                   gboolean matching)
{
  if (matching)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u matching contact",
                                         "%'u matching contacts", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u contact", "%'u contacts", n), n);
}

static const LbRecordListInfo contacts_info = {
  .offset = G_STRUCT_OFFSET (LbContactsPage, list),
  .prefix = "contacts",
  .kind = LB_LINK_CONTACT,
  .list = lb_store_list_contacts,
  .subtitle = contacts_subtitle,
};

/* callbacks */

/* "First Middle Last" for the name column. */
static char *
format_name (GtkListItem *item,
             const char  *first,
             const char  *middle,
             const char  *last)
{
  g_autoptr(LbContact) contact = lb_contact_new ();

  lb_contact_set_text (contact, LB_CONTACT_FIRST_NAME, first);
  lb_contact_set_text (contact, LB_CONTACT_MIDDLE_NAME, middle);
  lb_contact_set_text (contact, LB_CONTACT_LAST_NAME, last);
  return lb_contact_dup_full_name (contact);
}

/* GObject overrides */

static void
lb_contacts_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_CONTACTS_PAGE);

  G_OBJECT_CLASS (lb_contacts_page_parent_class)->dispose (object);
}

static void
lb_contacts_page_finalize (GObject *object)
{
  lb_record_list_finalize (LB_PAGE (object));

  G_OBJECT_CLASS (lb_contacts_page_parent_class)->finalize (object);
}

/* class_init / init */

static void
lb_contacts_page_class_init (LbContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_contacts_page_dispose;
  object_class->finalize = lb_contacts_page_finalize;

  g_type_ensure (LB_TYPE_CONTACT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/contacts/lb-contacts-page.ui");
  lb_record_list_class_init (widget_class, &contacts_info);
  gtk_widget_class_bind_template_callback (widget_class, format_name);
}

static void
lb_contacts_page_init (LbContactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lb_record_list_init (LB_PAGE (self));
}

/* public API */

/**
 * lb_contacts_page_get_model:
 *
 * Returns: (transfer none): the contacts the page shows, in the order
 *   it shows them
 */
GListModel *
lb_contacts_page_get_model (LbContactsPage *self)
{
  g_return_val_if_fail (LB_IS_CONTACTS_PAGE (self), NULL);
  return lb_record_list_get_model (LB_PAGE (self));
}

/* "list", "empty" (no contacts at all) or "no-match". */
const char *
lb_contacts_page_get_state (LbContactsPage *self)
{
  g_return_val_if_fail (LB_IS_CONTACTS_PAGE (self), NULL);
  return lb_record_list_get_state (LB_PAGE (self));
}

gint64
lb_contacts_page_get_selected_id (LbContactsPage *self)
{
  g_return_val_if_fail (LB_IS_CONTACTS_PAGE (self), 0);
  return lb_record_list_get_selected_id (LB_PAGE (self));
}

gboolean
lb_contacts_page_select (LbContactsPage *self,
                         gint64          contact_id)
{
  g_return_val_if_fail (LB_IS_CONTACTS_PAGE (self), FALSE);
  return lb_record_list_select (LB_PAGE (self), contact_id);
}
