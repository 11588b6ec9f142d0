#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LB_STORE_ERROR (lb_store_error_quark ())
#define LB_LEAD_ERROR  (lb_lead_error_quark ())
#define LB_INPUT_ERROR (lb_input_error_quark ())

/* Errors opening or using the database file. */
typedef enum
{
  LB_STORE_ERROR_FAILED,
  LB_STORE_ERROR_OPEN,         /* cannot create or open the file */
  LB_STORE_ERROR_NOT_DATABASE, /* not an SQLite database, or corrupt */
  LB_STORE_ERROR_TOO_NEW,      /* made by a newer Leadbook */
  LB_STORE_ERROR_BUSY,
  LB_STORE_ERROR_NOT_FOUND,    /* no record with that id */
  LB_STORE_ERROR_IN_USE,       /* still referenced by other records */
} LbStoreError;

/* A refused lead operation.  The code names the field at fault, so a
 * form can show the message on the right row. */
typedef enum
{
  LB_LEAD_ERROR_FAILED,
  LB_LEAD_ERROR_NAME,
  LB_LEAD_ERROR_EMAIL,
  LB_LEAD_ERROR_PHONE,
  LB_LEAD_ERROR_SOURCE,
  LB_LEAD_ERROR_CATEGORY,
  LB_LEAD_ERROR_STATUS,
  LB_LEAD_ERROR_COMPANY_NAME,
  LB_LEAD_ERROR_WEBSITE,
  LB_LEAD_ERROR_TIN,
  LB_LEAD_ERROR_ACCOUNT,
  LB_LEAD_ERROR_CONTACT,
  LB_LEAD_ERROR_REFERENCE,     /* an unknown campaign, tag, … */
  LB_LEAD_ERROR_TRASHED,       /* the operation needs a lead (not) in the trash */
  LB_LEAD_ERROR_CONVERTED,
} LbLeadError;

/* Bad input that is not about one record: a setting, a date, a number. */
typedef enum
{
  LB_INPUT_ERROR_INVALID,
  LB_INPUT_ERROR_UNKNOWN_KEY,
  LB_INPUT_ERROR_DUPLICATE,
} LbInputError;

GQuark lb_store_error_quark (void);
GQuark lb_lead_error_quark  (void);
GQuark lb_input_error_quark (void);

G_END_DECLS
