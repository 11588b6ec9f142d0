#pragma once

#include "lb-account-window.h"
#include "lb-page.h"
#include "lb-store-crm.h"

G_BEGIN_DECLS

#define LB_TYPE_ACCOUNTS_PAGE (lb_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (LbAccountsPage, lb_accounts_page, LB, ACCOUNTS_PAGE, LbPage)

GListModel *lb_accounts_page_get_model       (LbAccountsPage *self);
const char *lb_accounts_page_get_state       (LbAccountsPage *self);
gint64      lb_accounts_page_get_selected_id (LbAccountsPage *self);
gboolean    lb_accounts_page_select          (LbAccountsPage *self,
                                              gint64          account_id);

/* The machinery of a page that lists accounts or contacts, shared by
 * the accounts and the contacts page (lb-accounts-page.c).  The page
 * embeds an LbRecordList; its template names the children below and
 * binds the callbacks the class init binds. */
typedef struct
{
  char                *search;          /* NULL for none */

  /* template children */
  GtkPopover          *row_popover;
  AdwWindowTitle      *window_title;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkSingleSelection  *selection;
  GtkSortListModel    *sort_model;
} LbRecordList;

typedef struct
{
  gsize        offset;   /* of the LbRecordList in the page's struct */
  const char  *prefix;   /* of the page's actions: "accounts" → "accounts.new" */
  LbLinkKind   kind;     /* LB_LINK_ACCOUNT or LB_LINK_CONTACT */
  GListModel *(*list)     (LbStore              *store,
                           const LbRecordFilter *filter,
                           GError              **error);
  char       *(*subtitle) (guint                 n_items,
                           gboolean              matching);
} LbRecordListInfo;

void        lb_record_list_class_init        (GtkWidgetClass         *widget_class,
                                              const LbRecordListInfo *info);
void        lb_record_list_init              (LbPage                 *page);
void        lb_record_list_finalize          (LbPage                 *page);
GListModel *lb_record_list_get_model         (LbPage                 *page);
const char *lb_record_list_get_state         (LbPage                 *page);
gint64      lb_record_list_get_selected_id   (LbPage                 *page);
gboolean    lb_record_list_select            (LbPage                 *page,
                                              gint64                  id);

G_END_DECLS
