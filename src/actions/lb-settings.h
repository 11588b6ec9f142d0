#pragma once

#include "lb-store.h"

G_BEGIN_DECLS

/* The settings a user can read and change (SPEC 4 `settings`). */
#define LB_SETTING_ORDER_TYPE         "order-type"
#define LB_SETTING_INVOICE_TYPE       "invoice-type"
#define LB_SETTING_CURRENCY           "currency"
#define LB_SETTING_PAYMENT_TERMS_DAYS "payment-terms-days"
#define LB_SETTING_INVOICE_PATTERN    "invoice-pattern"
#define LB_SETTING_ORDER_PATTERN      "order-pattern"
#define LB_SETTING_DEFAULT_CATEGORY   "default-category"
#define LB_SETTING_COMPANY_NAME       "company-name"
#define LB_SETTING_COMPANY_ADDRESS    "company-address"
#define LB_SETTING_COMPANY_TAX_ID     "company-tax-id"
#define LB_SETTING_COMPANY_BANK       "company-bank"
#define LB_SETTING_COMPANY_EMAIL      "company-email"
#define LB_SETTING_COMPANY_PHONE      "company-phone"
#define LB_SETTING_COMPANY_LOGO       "company-logo"

const char * const *lb_settings_keys          (void);
const char         *lb_settings_describe      (const char  *key);
gboolean            lb_settings_is_known      (const char  *key);
char               *lb_settings_get           (LbStore     *store,
                                               const char  *key,
                                               GError     **error);
gboolean            lb_settings_set           (LbStore     *store,
                                               const char  *key,
                                               const char  *value,
                                               GError     **error);

/* reference lists, keeping the settings that name their entries right */
gint64              lb_ref_add                (LbStore     *store,
                                               LbRefKind    kind,
                                               const char  *name,
                                               GError     **error);
gboolean            lb_ref_rename             (LbStore     *store,
                                               LbRefItem   *item,
                                               const char  *name,
                                               GError     **error);
gboolean            lb_ref_remove             (LbStore     *store,
                                               LbRefItem   *item,
                                               GError     **error);

/* the list of named tax rates (rates in basis points) */
gint64              lb_tax_rate_add           (LbStore     *store,
                                               const char  *name,
                                               gint64       rate,
                                               GError     **error);
gboolean            lb_tax_rate_set_rate      (LbStore     *store,
                                               LbRefItem   *item,
                                               gint64       rate,
                                               gboolean     update_products,
                                               gint64      *n_products,
                                               GError     **error);
gboolean            lb_tax_rate_edit          (LbStore     *store,
                                               LbRefItem   *item,
                                               const char  *name,
                                               gint64       rate,
                                               gboolean     update_products,
                                               gint64      *n_products,
                                               GError     **error);
gboolean            lb_tax_rate_parse         (LbStore     *store,
                                               const char  *text,
                                               gint64      *rate,
                                               GError     **error);
char               *lb_tax_rate_name_for      (LbStore     *store,
                                               gint64       rate);

G_END_DECLS
