#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-document-render.h"
#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-test-util.h"

/* Orders and invoices on pages and in PDF files (SPEC 3.8): what the
 * pages hold, read back with poppler's pdftotext, pdfinfo and
 * pdfimages; the flow onto many pages; the marks; the logo; a failed
 * export. */

#define A4_WIDTH  595.28
#define A4_HEIGHT 841.89
#define MARGIN    42.5

/* helpers: poppler's tools */

/* Runs @argv and returns its standard output; the test fails when the
 * tool is missing or fails. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    g_error ("%s is needed by this test (poppler-utils)", argv[0]);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

/* The text of page @page (from 1), or of every page when @page is 0. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  if (page == 0)
    return run_tool ((const char * const[]) { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL });
  return run_tool ((const char * const[]) { "pdftotext", "-layout", "-enc", "UTF-8", "-f", number,
                                            "-l", number, path, "-", NULL });
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *info = run_tool ((const char * const[]) { "pdfinfo", path, NULL });
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "),
                                  NULL, 10);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

#define assert_has(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("“%s” is not in the page:\n%s", (needle), (text)); \
  } G_STMT_END

#define assert_has_not(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) != NULL) \
      g_error ("“%s” should not be in the page:\n%s", (needle), (text)); \
  } G_STMT_END

/* The images in the table of `pdfimages -list` (not their masks). */
static guint
count_images (const char *list)
{
  g_autoptr(GRegex) regex = g_regex_new ("^ +[0-9]+ +[0-9]+ +image ", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  for (g_regex_match (regex, list, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    n++;
  return n;
}

/* helpers: documents */

static gint64
add_account (LbStore *store)
{
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = lb_store_find_account (store, "Globex Corporation", 0);

  if (id != 0)
    return id;
  lb_account_set_text (account, LB_ACCOUNT_NAME, "Globex Corporation");
  lb_account_set_text (account, LB_ACCOUNT_STREET, "42 Main Street");
  lb_account_set_text (account, LB_ACCOUNT_POSTAL_CODE, "12345");
  lb_account_set_text (account, LB_ACCOUNT_CITY, "Metropolis");
  lb_account_set_text (account, LB_ACCOUNT_COUNTRY, "Freedonia");
  lb_account_set_text (account, LB_ACCOUNT_TIN, "998877665");
  id = lb_account_create (store, account, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_contact (LbStore *store,
             gint64   account)
{
  g_autoptr(LbContact) contact = lb_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_contact_set_text (contact, LB_CONTACT_FIRST_NAME, "Hank");
  lb_contact_set_text (contact, LB_CONTACT_LAST_NAME, "Scorpio");
  lb_contact_set_int (contact, LB_CONTACT_ACCOUNT_ID, account);
  id = lb_contact_create (store, contact, &error);
  g_assert_no_error (error);

  return id;
}

static void
set_company (LbStore *store)
{
  static const char * const settings[][2] = {
    { LB_SETTING_COMPANY_NAME, "Acme Widgets Ltd" },
    { LB_SETTING_COMPANY_ADDRESS, "1 Long Road, Springfield" },
    { LB_SETTING_COMPANY_TAX_ID, "GB123456789" },
    { LB_SETTING_COMPANY_BANK, "IBAN GB00 1234 5678" },
    { LB_SETTING_COMPANY_EMAIL, "billing@acme.test" },
    { LB_SETTING_COMPANY_PHONE, "+44 20 7946 0000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lb_settings_set (store, settings[i][0], settings[i][1], &error));
      g_assert_no_error (error);
    }
}

static gint64
new_invoice (LbStore    *store,
             gint64      account,
             gint64      contact,
             const char *notes,
             const char *terms)
{
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, account);
  lb_record_set_int (LB_RECORD (invoice), LB_DOC_CONTACT_ID, contact);
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_DOC_DATE, "2026-11-20");
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_NOTES, notes);
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_TERMS, terms);
  id = lb_invoice_create (store, invoice, &error);
  g_assert_no_error (error);

  return id;
}

/* A written-in line: @tax_kind LB_TAX_RATE with @tax in basis points,
 * or LB_TAX_AMOUNT with @tax in cents. */
static void
add_line (LbStore        *store,
          LbDocKind       kind,
          gint64          doc,
          const char     *description,
          gint64          quantity,
          gint64          price,
          LbDiscountKind  discount_kind,
          gint64          discount,
          LbTaxKind       tax_kind,
          gint64          tax)
{
  g_autoptr(LbLine) line = lb_line_new ();
  g_autoptr(GError) error = NULL;

  lb_record_set_text (LB_RECORD (line), LB_LINE_DESCRIPTION, description);
  lb_record_set_int (LB_RECORD (line), LB_LINE_QUANTITY, quantity);
  lb_record_set_int (LB_RECORD (line), LB_LINE_UNIT_PRICE, price);
  lb_record_set_int (LB_RECORD (line), LB_LINE_DISCOUNT_KIND, discount_kind);
  lb_record_set_int (LB_RECORD (line), LB_LINE_DISCOUNT, discount);
  lb_record_set_int (LB_RECORD (line), LB_LINE_TAX_KIND, tax_kind);
  lb_record_set_int (LB_RECORD (line), LB_LINE_TAX, tax);
  g_assert_cmpint (lb_document_add_line (store, kind, doc, line, &error), >, 0);
  g_assert_no_error (error);
}

static void
add_simple_line (LbStore    *store,
                 gint64      doc,
                 const char *description)
{
  add_line (store, LB_DOC_INVOICE, doc, description, 1000, 1000, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000);
}

/* The three lines of the reference invoice and its 5 % discount:
 * subtotal 1177.50, discount 58.88, tax 2.02 (5 % on 40.37), 213.75
 * (20 % on 1068.75) and 1.50 typed on 9.50, total 1335.89. */
static gint64
reference_invoice (LbStore *store)
{
  gint64 account = add_account (store);
  gint64 contact = add_contact (store, account);
  gint64 id = new_invoice (store, account, contact, "Thank you for your business.",
                           "Payment within 30 days by bank transfer.");
  g_autoptr(GError) error = NULL;

  add_line (store, LB_DOC_INVOICE, id, "Consulting days", 2500, 45000,
            LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000);
  add_line (store, LB_DOC_INVOICE, id, "Travel to the site", 1000, 4722,
            LB_DISCOUNT_PERCENT, 1000, LB_TAX_RATE, 500);
  add_line (store, LB_DOC_INVOICE, id, "Handling fee", 1000, 1000,
            LB_DISCOUNT_NONE, 0, LB_TAX_AMOUNT, 150);
  g_assert_true (lb_document_set_discount (store, LB_DOC_INVOICE, id, LB_DISCOUNT_PERCENT, 500, &error));
  g_assert_no_error (error);

  return id;
}

static char *
export (LbTestFixture *fixture,
        LbDocKind      kind,
        gint64         id,
        const char    *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (lb_document_export_pdf (fixture->store, kind, id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static void
send_invoice (LbStore *store,
              gint64   id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lb_invoice_send (store, id, &error));
  g_assert_no_error (error);
}

static void
setup (LbTestFixture *fixture,
       gconstpointer  data)
{
  lb_test_fixture_setup (fixture, data);
  set_company (fixture->store);
}

/* tests */

/* Everything SPEC 3.8 lists is on the page, the amounts exactly as
 * lb-money formats them. */
static void
test_invoice_page (LbTestFixture *fixture,
                   gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  gint64 id = reference_invoice (store);
  const char * const expected[] = {
    /* the seller */
    "Acme Widgets Ltd", "1 Long Road, Springfield", "Tax ID: GB123456789",
    "IBAN GB00 1234 5678", "billing@acme.test", "+44 20 7946 0000",
    /* the customer */
    "Globex Corporation", "Hank Scorpio", "42 Main Street", "12345 Metropolis", "Freedonia",
    "Tax ID: 998877665",
    /* title, dates */
    "Invoice", "INV-2026-0001", "Invoice date: 2026-11-20", "Due date: 2026-12-20",
    /* the table */
    "Description", "Qty", "Unit price", "Discount", "Tax", "Amount",
    "Consulting days", "Travel to the site", "Handling fee",
    "450.00", "1125.00", "47.22", "10 %", "42.50", "manual", "10.00", "2.5",
    /* the totals */
    "Subtotal", "1177.50 EUR", "Discount 5 %", "58.88 EUR",
    "Tax 5 % on 40.37 EUR", "2.02 EUR", "Tax 20 % on 1068.75 EUR", "213.75 EUR",
    "Tax (entered amounts) on 9.50 EUR", "1.50 EUR",
    "Total", "1335.89 EUR", "Paid", "335.89 EUR", "Balance due", "1000.00 EUR",
    "Notes", "Thank you for your business.", "Terms", "Payment within 30 days by bank transfer.",
    "Page 1 of 1",
  };

  send_invoice (store, id);
  g_assert_cmpint (lb_invoice_pay (store, id, 33589, "2026-11-21", LB_PAYMENT_METHOD_CARD, NULL,
                                   &error), >, 0);
  g_assert_no_error (error);

  path = export (fixture, LB_DOC_INVOICE, id, "invoice.pdf");
  g_assert_cmpuint (pdf_n_pages (path), ==, 1);
  text = pdf_text (path, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has (text, expected[i]);

  /* The same strings lb-money makes of the loaded totals. */
  doc = lb_document_load (store, LB_DOC_INVOICE, id, &lines, &totals, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *amount = lb_money_format_locale (lb_record_get_int (g_ptr_array_index (lines, i),
                                                                           LB_LINE_NET), 2, NULL);
      assert_has (text, amount);
    }
  {
    const gint64 amounts[] = { totals.subtotal, totals.discount, totals.total, totals.paid,
                               totals.balance };

    for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
      {
        g_autofree char *formatted = lb_money_format_locale (amounts[i], 2, "EUR");
        assert_has (text, formatted);
      }
  }
  for (guint i = 0; i < totals.tax_by_rate->len; i++)
    {
      const LbTaxByRate *rate = &g_array_index (totals.tax_by_rate, LbTaxByRate, i);
      g_autofree char *taxable = lb_money_format_locale (rate->taxable, 2, "EUR");
      g_autofree char *tax = lb_money_format_locale (rate->tax, 2, "EUR");

      assert_has (text, taxable);
      assert_has (text, tax);
    }

  /* The order of the page: seller, lines, totals, notes, terms. */
  g_assert_true (strstr (text, "Acme Widgets Ltd") < strstr (text, "Consulting days"));
  g_assert_true (strstr (text, "Handling fee") < strstr (text, "Subtotal"));
  g_assert_true (strstr (text, "Balance due") < strstr (text, "Thank you"));
  g_assert_true (strstr (text, "Thank you") < strstr (text, "Payment within"));

  /* A Partially Paid invoice carries no mark. */
  assert_has_not (text, "DRAFT");
  assert_has_not (text, "VOID");
  assert_has_not (text, "CANCELLED");

  /* The PDF's metadata. */
  info = run_tool ((const char * const[]) { "pdfinfo", path, NULL });
  assert_has (info, "INV-2026-0001");
  assert_has (info, "Leadbook");
  g_assert_true (g_regex_match_simple ("^Title: +INV-2026-0001$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Creator: +Leadbook$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Page size: +595.2[0-9] x 841.8[0-9] pts \\(A4\\)", info,
                                       G_REGEX_MULTILINE, 0));
}

/* Counts the pixels that are not white in a rectangle of page @page of
 * @render drawn at 1 pixel per point. */
static guint
count_inked (LbDocumentRender *render,
             double            x,
             double            y,
             double            width,
             double            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)A4_WIDTH, (int)A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const guchar *data;
  int stride;
  guint n = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_cmpuint (lb_document_render_paginate (render, cr), ==, 1);
  lb_document_render_draw_page (render, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int j = (int)y; j < (int)(y + height); j++)
    for (int i = (int)x; i < (int)(x + width); i++)
      if ((*(const guint32 *)(data + j * stride + 4 * i) & 0xffffff) != 0xffffff)
        n++;
  cairo_surface_destroy (surface);

  return n;
}

/* Draft, Void and Cancelled invoices carry their mark, in words in the
 * footer and as a large diagonal shape; a Paid one has none. */
static void
test_marks (LbTestFixture *fixture,
            gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (store);
  struct {
    const char *file;
    const char *mark;
    gint64      id;
  } cases[] = {
    { "draft.pdf", "DRAFT" },
    { "void.pdf", "VOID" },
    { "cancelled.pdf", "CANCELLED" },
    { "paid.pdf", NULL },
  };
  const char * const marks[] = { "DRAFT", "VOID", "CANCELLED" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cases[i].id = new_invoice (store, account, 0, NULL, NULL);
      add_simple_line (store, cases[i].id, "Widget");
    }
  send_invoice (store, cases[1].id);
  g_assert_true (lb_invoice_void (store, cases[1].id, &error));
  g_assert_true (lb_invoice_cancel (store, cases[2].id, &error));
  send_invoice (store, cases[3].id);
  g_assert_cmpint (lb_invoice_pay (store, cases[3].id, 1200, "2026-11-21",
                                   LB_PAYMENT_METHOD_CASH, NULL, &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = export (fixture, LB_DOC_INVOICE, cases[i].id, cases[i].file);
      g_autofree char *text = pdf_text (path, 0);
      g_autoptr(LbDocumentRender) render = lb_document_render_new (store, LB_DOC_INVOICE, cases[i].id,
                                                                    &error);
      guint inked;

      g_assert_no_error (error);
      for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
        if (g_strcmp0 (marks[m], cases[i].mark) == 0)
          g_assert_cmpuint (count (text, marks[m]), ==, 1);
        else
          assert_has_not (text, marks[m]);

      /* The lower left of this short invoice's page is blank but for
       * the diagonal mark. */
      inked = count_inked (render, 150, 480, 110, 120);
      if (cases[i].mark != NULL)
        g_assert_cmpuint (inked, >, 500);
      else
        g_assert_cmpuint (inked, ==, 0);
    }

  /* A Draft has no number: the page says "Draft". */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "draft.pdf", NULL);
    g_autofree char *text = pdf_text (path, 0);

    assert_has (text, "Draft");
    assert_has_not (text, "INV-");
  }
}

/* 120 lines flow onto several pages: every page holding lines starts
 * with the table's header, every page says "Page k of N", every line
 * is there once, and the totals come after the last line. */
static void
test_many_lines (LbTestFixture *fixture,
                 gconstpointer  data)
{
  LbStore *store = fixture->store;
  gint64 id = new_invoice (store, add_account (store), 0, "Closing notes.", NULL);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  guint n_pages;
  guint pages_with_lines = 0;
  guint last_line_page = 0;
  guint totals_page = 0;

  for (guint i = 1; i <= 120; i++)
    {
      g_autofree char *description = g_strdup_printf ("Item %03u of the catalog", i);
      add_simple_line (store, id, description);
    }
  send_invoice (store, id);

  path = export (fixture, LB_DOC_INVOICE, id, "many.pdf");
  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);
      gboolean has_lines = strstr (text, "Item ") != NULL;

      assert_has (text, footer);
      assert_has (text, "INV-2026-0001");
      if (has_lines)
        {
          pages_with_lines++;
          last_line_page = page;
          assert_has (text, "Description");
          assert_has (text, "Unit price");
          assert_has (text, "Amount");
          /* the header comes before the first line of the page */
          g_assert_true (strstr (text, "Description") < strstr (text, "Item "));
          /* nothing is drawn past the bottom of the page */
          g_assert_true (strstr (text, "Item ") < strstr (text, footer));
        }
      if (strstr (text, "Subtotal") != NULL)
        totals_page = page;
    }
  /* The totals fit after the 120th line here: every page has lines,
   * hence the table's header. */
  g_assert_cmpuint (pages_with_lines, ==, n_pages);
  g_assert_cmpuint (totals_page, >=, last_line_page);
  g_assert_cmpuint (totals_page, >, 0);

  all = pdf_text (path, 0);
  for (guint i = 1; i <= 120; i++)
    {
      g_autofree char *description = g_strdup_printf ("Item %03u of the catalog", i);
      g_assert_cmpuint (count (all, description), ==, 1);
    }
  g_assert_true (strstr (all, "Item 120") < strstr (all, "Subtotal"));
  g_assert_true (strstr (all, "Item 119") < strstr (all, "Item 120"));
  g_assert_true (strstr (all, "Balance due") < strstr (all, "Closing notes."));
  /* 120 × 10.00 EUR, with 20 % */
  assert_has (all, "1200.00 EUR");
  assert_has (all, "Tax 20 % on 1200.00 EUR");
  assert_has (all, "1440.00 EUR");
}

/* Totals that do not fit after the last line go to the next page,
 * whole. */
static void
test_totals_move (LbTestFixture *fixture,
                  gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 id = new_invoice (store, add_account (store), 0, NULL, NULL);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint n_lines = 0;

  /* Add lines until the document takes two pages: the line that made
   * it still fits the first page, the totals do not. */
  for (;;)
    {
      g_autoptr(LbDocumentRender) render = NULL;
      g_autofree char *description = g_strdup_printf ("Item %03u", ++n_lines);

      g_assert_cmpuint (n_lines, <, 200);
      add_simple_line (store, id, description);
      render = lb_document_render_new (store, LB_DOC_INVOICE, id, &error);
      g_assert_no_error (error);
      if (lb_document_render_paginate (render, cr) == 2)
        break;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  path = export (fixture, LB_DOC_INVOICE, id, "totals.pdf");
  g_assert_cmpuint (pdf_n_pages (path), ==, 2);
  first = pdf_text (path, 1);
  second = pdf_text (path, 2);
  for (guint i = 1; i <= n_lines; i++)
    {
      g_autofree char *description = g_strdup_printf ("Item %03u", i);
      assert_has (first, description);
    }
  assert_has_not (first, "Subtotal");
  assert_has_not (second, "Item ");
  assert_has (second, "Subtotal");
  assert_has (second, "Balance due");
  assert_has (second, "Page 2 of 2");
  assert_has (first, "Page 1 of 2");
}

/* The words of @path, each with its page (from 1) and its box. */
typedef struct
{
  char   *text;
  guint   page;
  double  x_min, y_min, x_max, y_max;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *)data)->text);
}

static double
attribute (const char *tag,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *p = strstr (tag, key);

  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (key), NULL);
}

static GArray *
pdf_words (const char *path)
{
  g_autofree char *html = run_tool ((const char * const[]) { "pdftotext", "-bbox", "-enc", "UTF-8",
                                                             path, "-", NULL });
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  guint page = 0;

  g_array_set_clear_func (words, word_clear);
  for (const char *p = html; (p = strchr (p, '<')) != NULL; p++)
    {
      if (g_str_has_prefix (p, "<page "))
        page++;
      else if (g_str_has_prefix (p, "<word "))
        {
          const char *end = strchr (p, '>');
          const char *close = strstr (end, "</word>");
          g_autofree char *tag = g_strndup (p, end - p);
          Word word = { g_strndup (end + 1, close - end - 1), page,
                        attribute (tag, "xMin"), attribute (tag, "yMin"),
                        attribute (tag, "xMax"), attribute (tag, "yMax") };

          g_array_append_val (words, word);
        }
    }

  return words;
}

/* Every word lies inside the page's margins. */
static void
assert_inside_margins (GArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (w->x_min < MARGIN - 1 || w->x_max > A4_WIDTH - MARGIN + 1 ||
          w->y_min < MARGIN - 1 || w->y_max > A4_HEIGHT - MARGIN + 1)
        g_error ("“%s” on page %u at %.1f,%.1f–%.1f,%.1f is outside the margins",
                 w->text, w->page, w->x_min, w->y_min, w->x_max, w->y_max);
    }
}

/* A description of 2,000 characters wraps inside its column and stays
 * on one page; one far taller than a page continues on the next pages
 * with every word shown once, and a word wider than the column breaks. */
static void
test_long_description (LbTestFixture *fixture,
                       gconstpointer  data)
{
  LbStore *store = fixture->store;
  gint64 id = new_invoice (store, add_account (store), 0, NULL, NULL);
  gint64 huge_id = new_invoice (store, add_account (store), 0, NULL, NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) huge_text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *huge_path = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) huge_words = NULL;
  g_autofree char *unbroken = g_strnfill (300, 'Z');
  guint page = 0;
  guint n_pages;

  /* "w0001 w0002 …": 2,000 characters */
  for (guint i = 1; long_text->len < 2000; i++)
    g_string_append_printf (long_text, "%sw%04u", i > 1 ? " " : "", i);
  g_string_truncate (long_text, 2000 - 6);
  g_string_append (long_text, " wlast");
  g_assert_cmpuint (long_text->len, ==, 2000);

  for (guint i = 0; i < 5; i++)
    add_simple_line (store, id, "Before");
  add_simple_line (store, id, long_text->str);
  add_simple_line (store, id, unbroken);
  add_simple_line (store, id, "After");
  send_invoice (store, id);

  path = export (fixture, LB_DOC_INVOICE, id, "long.pdf");
  words = pdf_words (path);
  assert_inside_margins (words);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (w->text[0] == 'w' && g_ascii_isdigit (w->text[1]))
        {
          if (page == 0)
            page = w->page;
          g_assert_cmpuint (w->page, ==, page);
          /* inside the description column, left of the numbers */
          g_assert_cmpfloat (w->x_max, <, A4_WIDTH / 2);
        }
    }
  g_assert_cmpuint (page, >, 0);
  {
    g_autofree char *text = pdf_text (path, page);

    for (guint i = 1; i <= 332; i++)
      {
        g_autofree char *word = g_strdup_printf ("w%04u", i);
        assert_has (text, word);
      }
    assert_has (text, "wlast");
  }
  {
    g_autofree char *all = pdf_text (path, 0);
    g_autofree char *compact = NULL;
    g_auto(GStrv) parts = g_regex_split_simple ("[^Z]+", all, 0, 0);

    /* the unbroken word, wrapped over several lines, is all there */
    compact = g_strjoinv ("", parts);
    g_assert_cmpuint (strlen (compact), ==, 300);
  }

  /* A description taller than a page: 12,000 characters. */
  for (guint i = 1; huge_text->len < 12000; i++)
    g_string_append_printf (huge_text, "%sh%05u", i > 1 ? " " : "", i);
  add_simple_line (store, huge_id, "Before");
  add_simple_line (store, huge_id, huge_text->str);
  add_simple_line (store, huge_id, "After");
  send_invoice (store, huge_id);

  huge_path = export (fixture, LB_DOC_INVOICE, huge_id, "huge.pdf");
  n_pages = pdf_n_pages (huge_path);
  g_assert_cmpuint (n_pages, >=, 3);
  huge_words = pdf_words (huge_path);
  assert_inside_margins (huge_words);
  {
    g_autofree char *all = pdf_text (huge_path, 0);
    guint n_words = 0;

    for (guint i = 1; ; i++)
      {
        g_autofree char *word = g_strdup_printf ("h%05u", i);

        if (strstr (huge_text->str, word) == NULL)
          break;
        g_assert_cmpuint (count (all, word), ==, 1);
        n_words++;
      }
    g_assert_cmpuint (n_words, >, 1700);
    g_assert_true (strstr (all, "Before") < strstr (all, "h00001"));
    g_assert_true (strstr (all, "After") > strstr (all, "h01000"));
    g_assert_true (strstr (all, "Subtotal") > strstr (all, "After"));
  }
}

/* A logo set as a PNG path is drawn as an image; anything but a
 * readable PNG is refused; an empty value unsets it. */
static void
test_logo (LbTestFixture *fixture,
           gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (fixture->dir, "logo.png", NULL);
  g_autofree char *fake = g_build_filename (fixture->dir, "fake.png", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.png", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *with_logo = NULL;
  g_autofree char *without_logo = NULL;
  g_autofree char *list = NULL;
  g_autofree char *list_without = NULL;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 80);
  cairo_t *cr = cairo_create (image);
  gint64 id = reference_invoice (store);

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.8);
  cairo_rectangle (cr, 10, 10, 220, 60);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (image, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);
  g_assert_true (g_file_set_contents (fake, "not an image", -1, NULL));

  /* refused: a missing file, a file that is not a PNG */
  g_assert_false (lb_settings_set (store, LB_SETTING_COMPANY_LOGO, missing, &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  assert_has (error->message, "missing.png");
  g_clear_error (&error);
  g_assert_false (lb_settings_set (store, LB_SETTING_COMPANY_LOGO, fake, &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  assert_has (error->message, "not a PNG image");
  g_clear_error (&error);
  g_assert_false (lb_settings_set (store, LB_SETTING_COMPANY_LOGO, fixture->dir, &error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  stored = lb_settings_get (store, LB_SETTING_COMPANY_LOGO, NULL);
  g_assert_null (stored);

  without_logo = export (fixture, LB_DOC_INVOICE, id, "without.pdf");
  list_without = run_tool ((const char * const[]) { "pdfimages", "-list", without_logo, NULL });
  g_assert_cmpuint (count_images (list_without), ==, 0);

  g_assert_true (lb_settings_set (store, LB_SETTING_COMPANY_LOGO, png, &error));
  g_assert_no_error (error);
  stored = lb_settings_get (store, LB_SETTING_COMPANY_LOGO, NULL);
  g_assert_cmpstr (stored, ==, png);

  with_logo = export (fixture, LB_DOC_INVOICE, id, "with.pdf");
  list = run_tool ((const char * const[]) { "pdfimages", "-list", with_logo, NULL });
  g_assert_cmpuint (count_images (list), ==, 1);
  g_assert_true (g_regex_match_simple ("^ +1 +[0-9]+ image +240 +80 ", list, G_REGEX_MULTILINE, 0));
  {
    /* the text is all still there */
    g_autofree char *text = pdf_text (with_logo, 0);
    assert_has (text, "Acme Widgets Ltd");
    assert_has (text, "1335.89 EUR");
  }

  /* A logo removed since it was set is left out. */
  g_assert_cmpint (g_unlink (png), ==, 0);
  g_clear_pointer (&with_logo, g_free);
  g_clear_pointer (&list, g_free);
  with_logo = export (fixture, LB_DOC_INVOICE, id, "gone.pdf");
  list = run_tool ((const char * const[]) { "pdfimages", "-list", with_logo, NULL });
  g_assert_cmpuint (count_images (list), ==, 0);

  g_assert_true (lb_settings_set (store, LB_SETTING_COMPANY_LOGO, "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_free);
  stored = lb_settings_get (store, LB_SETTING_COMPANY_LOGO, NULL);
  g_assert_null (stored);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A failed export leaves no file and names the file in its message; a
 * successful one replaces the earlier file; an unknown document is
 * refused. */
static void
test_failed_export (LbTestFixture *fixture,
                    gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_dir = g_build_filename (fixture->dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing_dir, "invoice.pdf", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "target.pdf", NULL);
  g_autofree char *contents = NULL;
  gint64 id = reference_invoice (store);
  guint n_files;

  g_assert_false (lb_document_export_pdf (store, LB_DOC_INVOICE, id, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  assert_has (error->message, path);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* a folder in the way: the temporary file is removed again */
  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
  n_files = count_files (fixture->dir);
  g_assert_false (lb_document_export_pdf (store, LB_DOC_INVOICE, id, target, &error));
  g_assert_nonnull (error);
  assert_has (error->message, target);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);
  g_assert_cmpuint (count_files (target), ==, 0);
  g_assert_cmpint (g_rmdir (target), ==, 0);

  /* an earlier file is replaced whole */
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  n_files = count_files (fixture->dir);
  g_assert_true (lb_document_export_pdf (store, LB_DOC_INVOICE, id, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);

  /* no such document */
  g_assert_false (lb_document_export_pdf (store, LB_DOC_INVOICE, id + 100, target, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lb_document_export_pdf (store, LB_DOC_ORDER, id, target, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
}

/* An order: its title, number and date; no due date, paid or balance. */
static void
test_order (LbTestFixture *fixture,
            gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 account = add_account (store);
  gint64 lead = lb_test_add_lead (store, "Olga", "Order", "olga@example.com", NULL);
  g_autoptr(LbLead) stored = lb_store_get_lead (store, lead, NULL);
  g_autoptr(LbRecord) order = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_date = NULL;
  gint64 id;

  lb_lead_set_int (stored, LB_LEAD_ACCOUNT_ID, account);
  lb_lead_set_text (stored, LB_LEAD_STREET, "7 Dock Lane");
  lb_lead_set_text (stored, LB_LEAD_CITY, "Harbour Town");
  g_assert_true (lb_lead_save (store, stored, &error));
  g_assert_true (lb_settings_set (store, LB_SETTING_ORDER_TYPE, "Standard", &error));
  id = lb_lead_create_order (store, lead, &error);
  g_assert_no_error (error);
  add_line (store, LB_DOC_ORDER, id, "Crate of widgets", 3000, 2500, LB_DISCOUNT_AMOUNT, 500,
            LB_TAX_RATE, 2000);
  order = lb_document_load (store, LB_DOC_ORDER, id, NULL, NULL, &error);
  g_assert_no_error (error);
  expected_date = g_strdup_printf ("Order date: %s", lb_record_get_text (order, LB_DOC_DOC_DATE));

  path = export (fixture, LB_DOC_ORDER, id, "order.pdf");
  text = pdf_text (path, 0);
  assert_has (text, "Order");
  assert_has (text, lb_record_get_text (order, LB_DOC_NUMBER));
  assert_has (text, expected_date);
  assert_has (text, "Customer");
  assert_has (text, "Globex Corporation");
  assert_has (text, "Deliver to");
  assert_has (text, "7 Dock Lane");
  assert_has (text, "Crate of widgets");
  assert_has (text, "5.00");          /* the line's discount */
  assert_has (text, "70.00");         /* its amount */
  assert_has (text, "84.00 EUR");     /* the total */
  assert_has (text, "DRAFT");
  assert_has (text, "Page 1 of 1");
  assert_has_not (text, "Due date");
  assert_has_not (text, "Paid");
  assert_has_not (text, "Balance due");

  g_assert_true (lb_order_confirm (store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  path = export (fixture, LB_DOC_ORDER, id, "confirmed.pdf");
  text = pdf_text (path, 0);
  assert_has_not (text, "DRAFT");
  g_assert_true (lb_order_cancel (store, id, &error));
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  path = export (fixture, LB_DOC_ORDER, id, "cancelled.pdf");
  text = pdf_text (path, 0);
  assert_has (text, "CANCELLED");
}

/* The API the print dialog uses: another page size, pagination on any
 * cairo context, pages drawn in any order, the file name to offer. */
static void
test_render_api (LbTestFixture *fixture,
                 gconstpointer  data)
{
  LbStore *store = fixture->store;
  g_autoptr(GError) error = NULL;
  gint64 id = new_invoice (store, add_account (store), 0, NULL, NULL);
  g_autoptr(LbDocumentRender) render = NULL;
  g_autofree char *name = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint a4_pages;
  guint letter_pages;
  guint small_pages;

  for (guint i = 1; i <= 80; i++)
    add_simple_line (store, id, "Widget");

  render = lb_document_render_new (store, LB_DOC_INVOICE, id, &error);
  g_assert_no_error (error);
  name = lb_document_render_dup_file_name (render);
  g_assert_cmpstr (name, ==, "Draft invoice 1.pdf");
  g_assert_cmpuint (lb_document_render_get_n_pages (render), ==, 0);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  a4_pages = lb_document_render_paginate (render, cr);
  g_assert_cmpuint (a4_pages, >=, 2);
  g_assert_cmpuint (lb_document_render_get_n_pages (render), ==, a4_pages);

  /* US Letter is shorter: at least as many pages */
  lb_document_render_set_page (render, 612, 792, 36);
  letter_pages = lb_document_render_paginate (render, cr);
  g_assert_cmpuint (letter_pages, >=, a4_pages);
  for (guint page = letter_pages; page > 0; page--)
    lb_document_render_draw_page (render, cr, page - 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* a tiny page is taken as 4 inches, and still paginates */
  lb_document_render_set_page (render, 10, 10, 500);
  small_pages = lb_document_render_paginate (render, cr);
  g_assert_cmpuint (small_pages, >, letter_pages);
  lb_document_render_draw_page (render, cr, small_pages - 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  send_invoice (store, id);
  g_clear_object (&render);
  g_clear_pointer (&name, g_free);
  render = lb_document_render_new (store, LB_DOC_INVOICE, id, &error);
  g_assert_no_error (error);
  name = lb_document_render_dup_file_name (render);
  g_assert_cmpstr (name, ==, "INV-2026-0001.pdf");

  /* a number with a slash makes a file name without one */
  {
    gint64 other = new_invoice (store, add_account (store), 0, NULL, NULL);
    g_autoptr(LbRecord) doc = lb_document_load (store, LB_DOC_INVOICE, other, NULL, NULL, &error);

    lb_record_set_text (doc, LB_DOC_NUMBER, "2026/17");
    g_assert_true (lb_document_save (store, doc, &error));
    g_assert_no_error (error);
    g_clear_object (&render);
    g_clear_pointer (&name, g_free);
    render = lb_document_render_new (store, LB_DOC_INVOICE, other, &error);
    name = lb_document_render_dup_file_name (render);
    g_assert_cmpstr (name, ==, "2026-17.pdf");
  }

  g_assert_null (lb_document_render_new (store, LB_DOC_INVOICE, 999, &error));
  g_assert_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add ((path), LbTestFixture, NULL, setup, (func), lb_test_fixture_teardown)

  ADD_TEST ("/io/document-render/invoice-page", test_invoice_page);
  ADD_TEST ("/io/document-render/marks", test_marks);
  ADD_TEST ("/io/document-render/many-lines", test_many_lines);
  ADD_TEST ("/io/document-render/totals-move", test_totals_move);
  ADD_TEST ("/io/document-render/long-description", test_long_description);
  ADD_TEST ("/io/document-render/logo", test_logo);
  ADD_TEST ("/io/document-render/failed-export", test_failed_export);
  ADD_TEST ("/io/document-render/order", test_order);
  ADD_TEST ("/io/document-render/render-api", test_render_api);

  return g_test_run ();
}
