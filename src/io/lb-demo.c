#define G_LOG_DOMAIN "lb-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-crm-actions.h"
#include "lb-demo.h"
#include "lb-document-actions.h"
#include "lb-error.h"
#include "lb-validate.h"

/* Realistic made-up data for trying Leadbook out and for benchmarks.
 * The same seed gives the same leads. */

#define BATCH 20000

static const char * const first_names[] = {
  "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Ines",
  "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa",
  "Samir", "Tara", "Ugo", "Vera", "Wim", "Xenia", "Yusuf", "Zoe", "Amélie",
  "Björn", "Chloé", "Dmitri", "Eszter", "Fatima", "Giulia", "Hana", "Ivan",
};

static const char * const last_names[] = {
  "Adler", "Baker", "Castro", "Dubois", "Eriksen", "Fischer", "García", "Hansen",
  "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Olsen",
  "Petrov", "Quinlan", "Rossi", "Schmidt", "Tanaka", "Unger", "Varga",
  "Weber", "Xu", "Yilmaz", "Zimmermann", "Müller", "Nakamura", "Okafor",
};

static const char * const companies[] = {
  "Northwind Traders", "Blue Harbor Foods", "Alpine Tools", "Cedar & Co",
  "Delta Logistics", "Evergreen Labs", "Fjord Shipping", "Granite Works",
  "Helios Energy", "Iris Design", "Juniper Health", "Kestrel Aviation",
  "Lumen Optics", "Maple Furniture", "Nimbus Cloud", "Orchard Farms",
};

static const char * const cities[] = {
  "Berlin", "Lyon", "Porto", "Gdańsk", "Utrecht", "Turku", "Brno", "Graz",
  "Bologna", "Aarhus", "Ghent", "Cork", "Seville", "Tartu",
};

static const char * const sources[] = {
  "Website", "Website form", "Email", "Phone call", "Chat", "Social network",
  "Partner", "Self-generation",
};

static const char * const tags[] = { "vip", "newsletter", "trade-fair", "follow-up", "b2b" };

static const char * const interests[] = {
  "Annual support plan", "Onboarding workshop", "Hardware bundle", "Cloud backup",
  "Consulting days", "Custom integration",
};

const char * const *
lb_demo_words (LbDemoWords  which,
               guint       *n_words)
{
  switch (which)
    {
    case LB_DEMO_FIRST_NAMES:
      *n_words = G_N_ELEMENTS (first_names);
      return first_names;
    case LB_DEMO_LAST_NAMES:
      *n_words = G_N_ELEMENTS (last_names);
      return last_names;
    case LB_DEMO_COMPANIES:
      *n_words = G_N_ELEMENTS (companies);
      return companies;
    case LB_DEMO_CITIES:
      *n_words = G_N_ELEMENTS (cities);
      return cities;
    default:
      g_return_val_if_reached (NULL);
    }
}

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static LbLead *
make_lead (GRand  *rand,
           guint64 serial,
           gint64  now)
{
  LbLead *lead = lb_lead_new ();
  const char *first = PICK (rand, first_names);
  const char *last = PICK (rand, last_names);
  g_autofree char *first_ascii = g_str_to_ascii (first, "C");
  g_autofree char *last_ascii = g_str_to_ascii (last, "C");
  g_autofree char *address = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *title = NULL;
  const char *company = PICK (rand, companies);
  int roll = g_rand_int_range (rand, 0, 100);

  address = g_strdup_printf ("%s.%s.%" G_GUINT64_FORMAT "@example.com",
                             first_ascii, last_ascii, serial);
  email = g_ascii_strdown (address, -1);
  phone = g_strdup_printf ("+1 555 %03u %04u", (guint)((serial / 10000) % 1000),
                           (guint)(serial % 10000));
  title = g_strdup_printf ("%s — %s", company, PICK (rand, interests));

  lb_lead_set_text (lead, LB_LEAD_TITLE, title);
  lb_lead_set_text (lead, LB_LEAD_FIRST_NAME, first);
  lb_lead_set_text (lead, LB_LEAD_LAST_NAME, last);
  if (roll < 85)
    lb_lead_set_text (lead, LB_LEAD_EMAIL, email);
  if (roll > 10)
    lb_lead_set_text (lead, LB_LEAD_PHONE, phone);
  lb_lead_set_text (lead, LB_LEAD_SOURCE, PICK (rand, sources));
  lb_lead_set_text (lead, LB_LEAD_CATEGORY, "General");
  lb_lead_set_text (lead, LB_LEAD_COMPANY, company);
  lb_lead_set_text (lead, LB_LEAD_CITY, PICK (rand, cities));
  lb_lead_set_text (lead, LB_LEAD_PRODUCT_INTEREST, PICK (rand, interests));
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      lb_lead_set_new_company (lead, TRUE);
      lb_lead_set_text (lead, LB_LEAD_COMPANY_NAME, company);
    }

  /* Mostly New and Contacted, some Lost; hot leads are the rarer kind. */
  roll = g_rand_int_range (rand, 0, 100);
  lb_lead_set_status (lead, roll < 55 ? LB_LEAD_STATUS_NEW :
                            roll < 85 ? LB_LEAD_STATUS_CONTACTED : LB_LEAD_STATUS_LOST);
  roll = g_rand_int_range (rand, 0, 100);
  lb_lead_set_rating (lead, roll < 20 ? LB_RATING_HOT : roll < 70 ? LB_RATING_WARM : LB_RATING_COLD);

  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      const char *lead_tags[] = { PICK (rand, tags), NULL };
      lb_lead_set_tags (lead, lead_tags);
    }

  /* Spread over the last two years. */
  lb_lead_set_int (lead, LB_LEAD_CREATED_AT, now - g_rand_int_range (rand, 0, 2 * 365 * 86400));
  lb_lead_set_int (lead, LB_LEAD_UPDATED_AT, lb_lead_get_int (lead, LB_LEAD_CREATED_AT));

  return lead;
}

/* Picks a serial range no earlier demo run used, so emails and phones
 * stay unique when demo data is added twice. */
static guint64
first_serial (LbStore *store)
{
  g_autofree char *last = lb_store_get_setting (store, "demo-next-serial");
  guint64 serial = 0;

  if (last != NULL)
    g_ascii_string_to_unsigned (last, 10, 0, G_MAXUINT64, &serial, NULL);

  return serial;
}

/**
 * lb_demo_add_leads:
 *
 * Adds @n_leads generated leads, committing every 20,000 so a large run
 * does not grow one huge transaction.
 */
gboolean
lb_demo_add_leads (LbStore         *store,
                   guint            n_leads,
                   guint32          seed,
                   LbDemoProgress   progress,
                   gpointer         user_data,
                   GError         **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint64 serial = first_serial (store);
  gint64 now = lb_store_now (store);
  guint done = 0;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);

  if (serial + n_leads > 10000000)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("This database already has as much demo data as Leadbook can make "
                     "(10,000,000 leads). Start a new database for more."));
      return FALSE;
    }

  while (done < n_leads)
    {
      guint batch = MIN (BATCH, n_leads - done);
      g_autofree char *next = NULL;

      if (!lb_store_begin (store, error))
        return FALSE;

      for (guint i = 0; i < batch; i++)
        {
          g_autoptr(LbLead) lead = make_lead (rand, serial++, now);

          if (!lb_store_insert_lead (store, lead, error))
            {
              lb_store_rollback (store);
              return FALSE;
            }
        }

      next = g_strdup_printf ("%" G_GUINT64_FORMAT, serial);
      if (!lb_store_set_setting (store, "demo-next-serial", next, error) ||
          !lb_store_commit (store, error))
        {
          lb_store_rollback (store);
          return FALSE;
        }

      done += batch;
      if (progress != NULL)
        progress (done, n_leads, user_data);
    }

  return lb_store_optimize (store, error);
}

/* invoices */

/* The catalog the demo invoices sell from: SKU, name, unit, price in
 * cents, tax rate in basis points. */
static const struct {
  const char *sku;
  const char *name;
  const char *unit;
  gint64      price;
  gint64      tax;
} demo_products[] = {
  { "DEMO-SUP-1Y", "Annual support plan", "year", 120000, 2000 },
  { "DEMO-WKSHP", "Onboarding workshop", "day", 95000, 2000 },
  { "DEMO-HW-KIT", "Hardware bundle", "pcs", 49999, 2000 },
  { "DEMO-BACKUP", "Cloud backup, 1 TB", "month", 1990, 2000 },
  { "DEMO-CONSULT", "Consulting day", "day", 80000, 2000 },
  { "DEMO-BOOK", "Field guide (print)", "pcs", 2450, 500 },
};

static gint64
demo_product (LbStore  *store,
              guint     i,
              GError  **error)
{
  g_autoptr(LbProduct) product = lb_store_find_product (store, demo_products[i].sku);
  LbRecord *r;

  if (product != NULL)
    return lb_product_get_id (product);

  product = lb_product_new ();
  r = LB_RECORD (product);
  lb_record_set_text (r, LB_PRODUCT_SKU, demo_products[i].sku);
  lb_record_set_text (r, LB_PRODUCT_NAME, demo_products[i].name);
  lb_record_set_text (r, LB_PRODUCT_UNIT, demo_products[i].unit);
  lb_record_set_int (r, LB_PRODUCT_UNIT_PRICE, demo_products[i].price);
  lb_record_set_int (r, LB_PRODUCT_TAX_RATE, demo_products[i].tax);
  lb_record_set_int (r, LB_PRODUCT_ACTIVE, 1);

  return lb_product_create (store, product, error);
}

static gint64
demo_account (LbStore     *store,
              const char  *name,
              GError     **error)
{
  g_autoptr(LbAccount) account = NULL;
  gint64 id = lb_store_find_account (store, name, 0);

  if (id > 0)
    return id;

  account = lb_account_new ();
  lb_account_set_text (account, LB_ACCOUNT_NAME, name);
  return lb_account_create (store, account, error);
}

/* @days before the store's today, YYYY-MM-DD. */
static char *
days_ago (LbStore *store,
          guint    days)
{
  g_autofree char *today = lb_store_today (store);
  GDate date;
  char text[16];

  if (!lb_parse_date (today, &date, NULL))
    return g_strdup (today);
  g_date_subtract_days (&date, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);

  return g_strdup (text);
}

static gboolean
add_demo_invoice (LbStore  *store,
                  GRand    *rand,
                  GError  **error)
{
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  g_autoptr(LbRecord) loaded = NULL;
  g_autofree char *date = NULL;
  guint age = g_rand_int_range (rand, 0, 120);
  guint n_lines = g_rand_int_range (rand, 1, 5);
  int roll = g_rand_int_range (rand, 0, 100);
  gint64 account_id;
  gint64 id;
  gint64 balance;

  account_id = demo_account (store, PICK (rand, companies), error);
  if (account_id <= 0)
    return FALSE;

  date = days_ago (store, age);
  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, account_id);
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_DOC_DATE, date);
  id = lb_invoice_create (store, invoice, error);
  if (id <= 0)
    return FALSE;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(LbLine) line = lb_line_new ();
      guint which = g_rand_int_range (rand, 0, G_N_ELEMENTS (demo_products));
      gint64 product_id = demo_product (store, which, error);

      if (product_id <= 0)
        return FALSE;
      lb_record_set_int (LB_RECORD (line), LB_LINE_PRODUCT_ID, product_id);
      lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, 1000 * g_rand_int_range (rand, 1, 6));
      lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, -1);
      lb_record_set_int (LB_RECORD (line), LB_LINE_TAX, -1);
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          lb_record_set_int (LB_RECORD (line), LB_LINE_DISCOUNT_KIND, LB_DISCOUNT_PERCENT);
          lb_record_set_int (LB_RECORD (line), LB_LINE_DISCOUNT, 1000);
        }
      if (lb_document_add_line (store, LB_DOC_INVOICE, id, line, error) == 0)
        return FALSE;
    }

  /* One in seven stays a Draft; the others are sent, and most of those
   * paid in part or in full some days later. */
  if (roll < 14)
    return TRUE;
  if (!lb_invoice_send (store, id, error))
    return FALSE;
  if (roll < 40)
    return TRUE;

  loaded = lb_document_load (store, LB_DOC_INVOICE, id, NULL, NULL, error);
  if (loaded == NULL)
    return FALSE;
  balance = lb_record_get_int (loaded, LB_DOC_BALANCE);
  if (balance > 0)
    {
      guint later = g_rand_int_range (rand, 0, 40);
      g_autofree char *paid_on = days_ago (store, age - MIN (age, later));
      gint64 amount = roll < 60 ? MAX (balance / 3, 1) : balance;
      LbPaymentMethod method = g_rand_boolean (rand) ? LB_PAYMENT_METHOD_BANK_TRANSFER
                                                     : LB_PAYMENT_METHOD_CARD;

      if (lb_invoice_pay (store, id, amount, paid_on, method, NULL, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * lb_demo_add_invoices:
 *
 * Adds @n_invoices demo invoices dated over the last four months, for
 * the demo companies' accounts and a small demo catalog (made when
 * missing): some Drafts, the others sent, partly or fully paid, and the
 * overdue sweep run at the end, all in one transaction.  The same seed
 * gives the same invoices.
 */
gboolean
lb_demo_add_invoices (LbStore  *store,
                      guint     n_invoices,
                      guint32   seed,
                      GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5eed1u);
  g_autofree char *today = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n_invoices; i++)
    if (!add_demo_invoice (store, rand, error))
      {
        lb_store_rollback (store);
        return FALSE;
      }

  today = lb_store_today (store);
  if (lb_invoice_sweep (store, today, error) < 0)
    {
      lb_store_rollback (store);
      return FALSE;
    }

  return lb_store_commit (store, error);
}
