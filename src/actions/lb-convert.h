#pragma once

#include "lb-store-crm.h"

G_BEGIN_DECLS

/* The Convert action (SPEC 3.2): a lead becomes a contact, optionally an
 * account (new or existing) and optionally a deal, in one transaction. */

typedef enum
{
  LB_CONVERT_ACCOUNT_SKIP,
  LB_CONVERT_ACCOUNT_EXISTING,
  LB_CONVERT_ACCOUNT_NEW,
} LbConvertAccountMode;

#define LB_TYPE_CONVERSION (lb_conversion_get_type ())

typedef struct
{
  gint64                lead_id;
  LbContact            *contact;       /* step 1: always */
  LbConvertAccountMode  account_mode;  /* step 2 */
  gint64                account_id;    /*   for EXISTING */
  LbAccount            *account;       /*   for NEW */
  gboolean              with_deal;     /* step 3 */
  LbDeal               *deal;
} LbConversion;

typedef struct
{
  gint64 contact_id;
  gint64 account_id;   /* 0 when the account step was skipped */
  gint64 deal_id;      /* 0 without a deal */
} LbConversionResult;

GType         lb_conversion_get_type        (void) G_GNUC_CONST;
LbConversion *lb_conversion_new_for_lead    (LbStore             *store,
                                             gint64               lead_id,
                                             GError             **error);
LbConversion *lb_conversion_copy            (const LbConversion  *self);
void          lb_conversion_free            (LbConversion        *self);
gboolean      lb_conversion_check_contact   (LbStore             *store,
                                             LbConversion        *self,
                                             GError             **error);
gboolean      lb_conversion_check_account   (LbStore             *store,
                                             LbConversion        *self,
                                             GError             **error);
gboolean      lb_conversion_check_deal      (LbStore             *store,
                                             LbConversion        *self,
                                             GError             **error);
gboolean      lb_lead_convert               (LbStore             *store,
                                             LbConversion        *conversion,
                                             LbConversionResult  *result,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbConversion, lb_conversion_free)

G_END_DECLS
