#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The totals of a document (order or invoice) exactly as SPEC 3.7 says,
 * in plain C so orders, invoices and the PDF share one implementation.
 * Amounts are minor units, quantities thousandths, rates basis points
 * (see lb-money.h).
 *
 *   gross         = round (quantity × unit_price / 1000)
 *   line_discount = round (gross × bp / 10000), or a fixed amount ≤ gross
 *   net           = gross − line_discount
 *   discount      = round (Σ net × bp / 10000), or a fixed amount ≤ Σ net,
 *                   shared over the lines in proportion to their net by the
 *                   largest-remainder method (ties: the earlier line)
 *   taxable       = net − share
 *   line tax      = round (taxable × bp / 10000), or a manual amount
 *   subtotal = Σ net, tax = Σ line tax, total = subtotal − discount + tax,
 *   balance = total − paid
 *
 * round() takes halves away from zero.  Inputs must be 0 or more and
 * percentages at most 100 for discounts; anything else, and any overflow,
 * is refused with an LB_INPUT_ERROR_INVALID naming the line. */

typedef enum
{
  LB_DISCOUNT_NONE,
  LB_DISCOUNT_PERCENT,          /* basis points */
  LB_DISCOUNT_AMOUNT,           /* minor units */
} LbDiscountKind;

typedef enum
{
  LB_TAX_RATE,                  /* basis points */
  LB_TAX_AMOUNT,                /* minor units, taken as it is */
} LbTaxKind;

typedef struct
{
  gint64         quantity;      /* thousandths */
  gint64         unit_price;    /* minor units */
  LbDiscountKind discount_kind;
  gint64         discount;      /* basis points or minor units */
  LbTaxKind      tax_kind;
  gint64         tax;           /* basis points or minor units */
} LbLineInput;

typedef struct
{
  gint64 gross;
  gint64 line_discount;
  gint64 net;
  gint64 doc_discount_share;
  gint64 taxable;
  gint64 tax;
} LbLineTotals;

/* One row of the tax summary: every line taxed at one rate, or (manual
 * TRUE, rate_bp 0) every line with a manual tax amount. */
typedef struct
{
  gint64   rate_bp;
  gboolean manual;
  gint64   taxable;
  gint64   tax;
} LbTaxByRate;

typedef struct
{
  gint64  subtotal;
  gint64  discount;
  gint64  tax;
  gint64  total;
  gint64  paid;
  gint64  balance;
  GArray *tax_by_rate;          /* of LbTaxByRate: rates ascending, manual last */
} LbDocTotals;

gboolean lb_invoice_math_compute (const LbLineInput  *lines,
                                  guint               n_lines,
                                  LbDiscountKind      doc_discount_kind,
                                  gint64              doc_discount,
                                  gint64              paid,
                                  LbLineTotals       *line_out,
                                  LbDocTotals        *out,
                                  GError            **error);
void     lb_doc_totals_clear     (LbDocTotals        *totals);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LbDocTotals, lb_doc_totals_clear)

G_END_DECLS
