#define G_LOG_DOMAIN "bench-pdf"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-document-render.h"
#include "lb-settings.h"
#include "lb-store.h"

/* Measures how long an invoice of many lines takes to become a PDF
 * file (SPEC 5: a 1,000-line invoice in under a second).  Makes the
 * invoice in a temporary database, then exports it --runs times and
 * prints the median: "pdf-1000-lines: X ms", with the parts (reading,
 * laying out, drawing and writing), the number of pages and the size
 * of the file. */

typedef struct
{
  LbStore    *store;
  gint64      invoice;
  const char *dir;
} Bench;

/* helpers */

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median_ms (gint64 *times,
           guint   n)
{
  qsort (times, n, sizeof (gint64), compare_int64);
  if (n % 2 == 1)
    return times[n / 2] / 1000.0;
  return (times[n / 2 - 1] + times[n / 2]) / 2000.0;
}

static void
remove_tree (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir_path);
}

/* An invoice of @n_lines: catalog lines (with their SKUs) and written-in
 * lines, some with long descriptions that wrap, discounts, three tax
 * rates and a typed tax amount; sent, so it has its number. */
static gboolean
make_invoice (Bench   *bench,
              guint    n_lines,
              GError **error)
{
  static const char * const settings[][2] = {
    { LB_SETTING_COMPANY_NAME, "Acme Widgets Ltd" },
    { LB_SETTING_COMPANY_ADDRESS, "1 Long Road, Springfield" },
    { LB_SETTING_COMPANY_TAX_ID, "GB123456789" },
    { LB_SETTING_COMPANY_BANK, "IBAN GB00 1234 5678" },
  };
  static const gint64 rates[] = { 2000, 500, 0 };
  g_autoptr(LbAccount) account = lb_account_new ();
  g_autoptr(LbInvoice) invoice = lb_invoice_new ();
  gint64 account_id;

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (!lb_settings_set (bench->store, settings[i][0], settings[i][1], error))
      return FALSE;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(LbProduct) product = lb_product_new ();
      g_autofree char *sku = g_strdup_printf ("ACME-WIDGET-%04u-STAINLESS-STEEL-EDITION", i);
      g_autofree char *name = g_strdup_printf ("Widget model %u", i);

      lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, sku);
      lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, name);
      lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, 1000 + 37 * i);
      lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, rates[i % G_N_ELEMENTS (rates)]);
      lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
      if (lb_product_create (bench->store, product, error) == 0)
        return FALSE;
    }

  lb_account_set_text (account, LB_ACCOUNT_NAME, "Globex Corporation");
  lb_account_set_text (account, LB_ACCOUNT_STREET, "42 Main Street");
  lb_account_set_text (account, LB_ACCOUNT_CITY, "Metropolis");
  account_id = lb_account_create (bench->store, account, error);
  if (account_id == 0)
    return FALSE;

  lb_record_set_int (LB_RECORD (invoice), LB_DOC_ACCOUNT_ID, account_id);
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_NOTES, "Thank you for your business.");
  lb_record_set_text (LB_RECORD (invoice), LB_DOC_TERMS, "Payment within 30 days by bank transfer.");
  bench->invoice = lb_invoice_create (bench->store, invoice, error);
  if (bench->invoice == 0)
    return FALSE;

  /* One transaction for all the lines: each action nests in it. */
  if (!lb_store_begin (bench->store, error))
    return FALSE;
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(LbLine) line = lb_line_new ();
      LbRecord *r = LB_RECORD (line);

      if (i % 2 == 0)
        {
          g_autofree char *sku = g_strdup_printf ("ACME-WIDGET-%04u-STAINLESS-STEEL-EDITION", i % 20);

          lb_record_set_text (r, LB_LINE_PRODUCT_SKU, sku);
          lb_record_set_int (r, LB_LINE_TAX, -1);
          lb_record_set_int (r, LB_LINE_UNIT_PRICE, -1);
        }
      else
        {
          g_autofree char *description =
            i % 3 == 0 ? g_strdup_printf ("Installation and configuration on site, line %u, "
                                          "including travel, setup of the widgets, a test run "
                                          "and a short training for the staff who will use them", i)
                       : g_strdup_printf ("Consulting hour %u", i);

          lb_record_set_text (r, LB_LINE_DESCRIPTION, description);
          lb_record_set_int (r, LB_LINE_UNIT_PRICE, 4500 + i);
          if (i % 7 == 0)
            {
              lb_record_set_int (r, LB_LINE_TAX_KIND, LB_TAX_AMOUNT);
              lb_record_set_int (r, LB_LINE_TAX, 250);
            }
          else
            lb_record_set_int (r, LB_LINE_TAX, rates[i % G_N_ELEMENTS (rates)]);
        }
      lb_record_set_int (r, LB_LINE_QUANTITY, 1000 + 500 * (i % 4));
      if (i % 5 == 0)
        {
          lb_record_set_int (r, LB_LINE_DISCOUNT_KIND, LB_DISCOUNT_PERCENT);
          lb_record_set_int (r, LB_LINE_DISCOUNT, 1000);
        }
      if (lb_document_add_line (bench->store, LB_DOC_INVOICE, bench->invoice, line, error) == 0)
        {
          lb_store_rollback (bench->store);
          return FALSE;
        }
    }
  if (!lb_store_commit (bench->store, error))
    return FALSE;

  return lb_document_set_discount (bench->store, LB_DOC_INVOICE, bench->invoice,
                                   LB_DISCOUNT_PERCENT, 250, error) &&
         lb_invoice_send (bench->store, bench->invoice, error);
}

/* One export, timed as a whole and in its parts. */
static gboolean
run_export (Bench   *bench,
            gint64  *total_us,
            gint64  *read_us,
            gint64  *layout_us,
            guint   *n_pages,
            GError **error)
{
  g_autofree char *path = g_build_filename (bench->dir, "invoice.pdf", NULL);
  g_autoptr(LbDocumentRender) render = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start = g_get_monotonic_time ();

  if (!lb_document_export_pdf (bench->store, LB_DOC_INVOICE, bench->invoice, path, error))
    return FALSE;
  *total_us = g_get_monotonic_time () - start;

  /* the parts, measured apart */
  start = g_get_monotonic_time ();
  render = lb_document_render_new (bench->store, LB_DOC_INVOICE, bench->invoice, error);
  if (render == NULL)
    return FALSE;
  *read_us = g_get_monotonic_time () - start;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  start = g_get_monotonic_time ();
  *n_pages = lb_document_render_paginate (render, cr);
  *layout_us = g_get_monotonic_time () - start;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree gint64 *totals = NULL;
  g_autofree gint64 *reads = NULL;
  g_autofree gint64 *layouts = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  Bench bench = { 0 };
  int n_lines = 1000;
  int runs = 7;
  guint n_pages = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "lines", 0, 0, G_OPTION_ARG_INT, &n_lines, "Lines of the invoice (default 1000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Exports measured; the median is printed (default 7)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- measure the PDF export of a long invoice");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_lines < 1 || runs < 1)
    {
      g_printerr ("--lines and --runs must be 1 or more\n");
      return 2;
    }

  tmp_dir = g_dir_make_tmp ("leadbook-bench-pdf-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bench.dir = tmp_dir;
  db_path = g_build_filename (tmp_dir, "leadbook.db", NULL);
  bench.store = lb_store_open (db_path, &error);
  if (bench.store == NULL || !make_invoice (&bench, n_lines, &error))
    goto failed;

  /* One export to warm the font caches, not counted. */
  {
    gint64 t, r, l;

    if (!run_export (&bench, &t, &r, &l, &n_pages, &error))
      goto failed;
  }

  totals = g_new0 (gint64, runs);
  reads = g_new0 (gint64, runs);
  layouts = g_new0 (gint64, runs);
  for (int i = 0; i < runs; i++)
    if (!run_export (&bench, &totals[i], &reads[i], &layouts[i], &n_pages, &error))
      goto failed;

  pdf_path = g_build_filename (tmp_dir, "invoice.pdf", NULL);
  name = g_strdup_printf ("pdf-%d-lines", n_lines);
  g_print ("%s: %.1f ms\n", name, median_ms (totals, runs));
  g_print ("%s-read: %.1f ms\n", name, median_ms (reads, runs));
  g_print ("%s-paginate: %.1f ms\n", name, median_ms (layouts, runs));
  g_print ("%s-pages: %u pages\n", name, n_pages);
  if (g_stat (pdf_path, &st) == 0)
    g_print ("%s-size: %" G_GINT64_FORMAT " KB\n", name, (gint64)st.st_size / 1024);
  goto done;

failed:
  g_printerr ("bench-pdf: %s\n", error->message);
  status = 1;

done:
  g_clear_object (&bench.store);
  remove_tree (tmp_dir);
  return status;
}
