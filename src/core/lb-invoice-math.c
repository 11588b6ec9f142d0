#define G_LOG_DOMAIN "lb-invoice-math"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-error.h"
#include "lb-invoice-math.h"
#include "lb-money.h"

/* Basis points in 100%. */
#define FULL_RATE 10000

/* How the document discount is shared out: every line gets the floor of
 * discount × net / Σ net; the cents left over go one each to the lines
 * whose remainder is above @threshold, then to the first @n_ties lines
 * whose remainder equals it. */
typedef struct
{
  gint64 discount;
  gint64 subtotal;
  gint64 threshold;
  gint64 n_ties;
} Sharing;

/* helpers */

static gboolean
set_line_too_large_error (GError **error,
                          guint    number)
{
  g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
               _("Line %u: amount too large. Use a smaller quantity or price."), number);
  return FALSE;
}

static gboolean
set_line_discount_too_large_error (GError **error,
                                   guint    number)
{
  g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
               _("Line %u: the discount is larger than the line."), number);
  return FALSE;
}

static gboolean
check_line_inputs (const LbLineInput  *line,
                   guint               number,
                   GError            **error)
{
  const char *message = NULL;

  if (line->quantity < 0)
    message = _("Line %u: the quantity is negative; it must be 0 or more.");
  else if (line->unit_price < 0)
    message = _("Line %u: the price is negative; it must be 0 or more.");
  else if (line->discount_kind != LB_DISCOUNT_NONE && line->discount < 0)
    message = _("Line %u: the discount is negative; it must be 0 or more.");
  else if (line->tax < 0)
    message = _("Line %u: the tax is negative; it must be 0 or more.");

  if (message != NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, message, number);
      return FALSE;
    }

  if (line->discount_kind != LB_DISCOUNT_NONE &&
      line->discount_kind != LB_DISCOUNT_PERCENT &&
      line->discount_kind != LB_DISCOUNT_AMOUNT)
    {
      g_critical ("Line %u: unknown discount kind %d", number, (int)line->discount_kind);
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   "Line %u: unknown discount kind", number);
      return FALSE;
    }

  if (line->tax_kind != LB_TAX_RATE && line->tax_kind != LB_TAX_AMOUNT)
    {
      g_critical ("Line %u: unknown tax kind %d", number, (int)line->tax_kind);
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   "Line %u: unknown tax kind", number);
      return FALSE;
    }

  return TRUE;
}

/* Fills gross, line_discount and net of @totals. */
static gboolean
compute_line_net (const LbLineInput  *line,
                  guint               number,
                  LbLineTotals       *totals,
                  GError            **error)
{
  gint64 gross;
  gint64 discount = 0;

  if (!check_line_inputs (line, number, error))
    return FALSE;

  if (!lb_money_mul_div_round (line->quantity, line->unit_price, 1000, &gross))
    return set_line_too_large_error (error, number);

  switch (line->discount_kind)
    {
    case LB_DISCOUNT_PERCENT:
      if (line->discount > FULL_RATE)
        return set_line_discount_too_large_error (error, number);
      if (!lb_money_mul_div_round (gross, line->discount, FULL_RATE, &discount))
        return set_line_too_large_error (error, number);
      break;

    case LB_DISCOUNT_AMOUNT:
      discount = line->discount;
      break;

    case LB_DISCOUNT_NONE:
    default:
      break;
    }

  if (discount > gross)
    return set_line_discount_too_large_error (error, number);

  totals->gross = gross;
  totals->line_discount = discount;
  totals->net = gross - discount;

  return TRUE;
}

/* The net of line @i, from @line_out when the first pass stored it there,
 * else computed again (it succeeded once, so it cannot fail now). */
static gint64
line_net (const LbLineInput  *lines,
          guint               i,
          const LbLineTotals *line_out)
{
  LbLineTotals totals;
  gboolean ok;

  if (line_out != NULL)
    return line_out[i].net;

  ok = compute_line_net (&lines[i], i + 1, &totals, NULL);
  g_assert (ok);

  return totals.net;
}

/* floor (discount × net / subtotal), and the remainder of that division
 * in @remainder.  All three are ≥ 0, discount ≤ subtotal, subtotal > 0,
 * so the quotient is ≤ net and the remainder < subtotal. */
static gint64
share_floor (const Sharing *sharing,
             gint64         net,
             gint64        *remainder)
{
  guint64 product;
  unsigned __int128 wide;

  if (!__builtin_mul_overflow ((guint64)sharing->discount, (guint64)net, &product))
    {
      *remainder = (gint64)(product % (guint64)sharing->subtotal);
      return (gint64)(product / (guint64)sharing->subtotal);
    }

  wide = (unsigned __int128)sharing->discount * (guint64)net;
  *remainder = (gint64)(wide % (guint64)sharing->subtotal);

  return (gint64)(wide / (guint64)sharing->subtotal);
}

static guint
count_remainders_from (const LbLineInput  *lines,
                       guint               n_lines,
                       const LbLineTotals *line_out,
                       const Sharing      *sharing,
                       gint64              lowest)
{
  guint count = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      gint64 remainder;

      share_floor (sharing, line_net (lines, i, line_out), &remainder);
      if (remainder >= lowest)
        count++;
    }

  return count;
}

/* Finds which lines get the @leftover cents: those with the @leftover
 * largest remainders, the earlier line first among equal ones.  Rather
 * than sort (which would need memory per line), it looks for the
 * threshold by bisection over the remainder values: the largest t with
 * at least @leftover remainders ≥ t.  Since the remainders add up to
 * leftover × subtotal and each is < subtotal, more than @leftover of them
 * are ≥ 1, so t ≥ 1 and a line with no remainder never gets a cent. */
static void
find_threshold (const LbLineInput  *lines,
                guint               n_lines,
                const LbLineTotals *line_out,
                Sharing            *sharing,
                gint64              leftover)
{
  gint64 low = 1;
  gint64 high = sharing->subtotal - 1;
  guint n_above;

  while (low < high)
    {
      gint64 middle = low + (high - low + 1) / 2;

      if (count_remainders_from (lines, n_lines, line_out, sharing, middle) >= leftover)
        low = middle;
      else
        high = middle - 1;
    }

  n_above = count_remainders_from (lines, n_lines, line_out, sharing, low + 1);

  sharing->threshold = low;
  sharing->n_ties = leftover - n_above;

  g_assert (sharing->n_ties >= 1);
}

static gboolean
add_to_tax_group (GArray    *groups,
                  guint     *hint,
                  gboolean   manual,
                  gint64     rate_bp,
                  gint64     taxable,
                  gint64     tax)
{
  LbTaxByRate *group = NULL;
  LbTaxByRate fresh = { rate_bp, manual, 0, 0 };

  /* Lines often come in runs of one rate: look at the last group first. */
  if (*hint < groups->len)
    {
      LbTaxByRate *last = &g_array_index (groups, LbTaxByRate, *hint);

      if (last->manual == manual && last->rate_bp == rate_bp)
        group = last;
    }

  for (guint i = 0; group == NULL && i < groups->len; i++)
    {
      LbTaxByRate *candidate = &g_array_index (groups, LbTaxByRate, i);

      if (candidate->manual == manual && candidate->rate_bp == rate_bp)
        {
          group = candidate;
          *hint = i;
        }
    }

  if (group == NULL)
    {
      g_array_append_val (groups, fresh);
      *hint = groups->len - 1;
      group = &g_array_index (groups, LbTaxByRate, *hint);
    }

  return lb_money_add (group->taxable, taxable, &group->taxable) &&
         lb_money_add (group->tax, tax, &group->tax);
}

static int
compare_tax_groups (gconstpointer a,
                    gconstpointer b)
{
  const LbTaxByRate *group_a = a;
  const LbTaxByRate *group_b = b;

  if (group_a->manual != group_b->manual)
    return group_a->manual ? 1 : -1;

  return (group_a->rate_bp > group_b->rate_bp) - (group_a->rate_bp < group_b->rate_bp);
}

static gboolean
compute_document_discount (LbDiscountKind   kind,
                           gint64           value,
                           gint64           subtotal,
                           gint64          *discount,
                           GError         **error)
{
  *discount = 0;

  if (kind == LB_DISCOUNT_NONE)
    return TRUE;

  if (value < 0)
    {
      g_set_error_literal (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                           _("The document discount is negative; it must be 0 or more."));
      return FALSE;
    }

  if (kind == LB_DISCOUNT_PERCENT)
    {
      if (value > FULL_RATE)
        goto too_large;
      if (!lb_money_mul_div_round (subtotal, value, FULL_RATE, discount))
        return lb_money_set_too_large_error (error);
    }
  else if (kind == LB_DISCOUNT_AMOUNT)
    {
      *discount = value;
    }
  else
    {
      g_critical ("Unknown document discount kind %d", (int)kind);
      g_set_error_literal (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                           "Unknown document discount kind");
      return FALSE;
    }

  if (*discount > subtotal)
    goto too_large;

  return TRUE;

too_large:
  g_set_error_literal (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("The document discount is larger than the subtotal."));
  return FALSE;
}

/* public API */

/**
 * lb_invoice_math_compute:
 * @lines: (array length=n_lines): the document's lines, in order
 * @doc_discount_kind: how @doc_discount is meant
 * @doc_discount: basis points or minor units, ≥ 0
 * @paid: Σ payments, ≥ 0
 * @line_out: (out caller-allocates) (array length=n_lines) (nullable):
 *   each line's totals
 * @out: (out caller-allocates): the document's totals; written whole (its
 *   previous contents are not looked at), release with
 *   lb_doc_totals_clear() — also before reusing it
 *
 * Computes a document's totals by SPEC 3.7.  Allocates nothing but
 * @out->tax_by_rate, and walks the lines a few times (up to ~64 when the
 * document discount leaves cents to hand out), so large documents stay fast.
 *
 * Returns: %TRUE, or %FALSE with @error set (a negative input, a discount
 *   larger than its line or than the subtotal, or an amount too large);
 *   then @out holds zeros and no array, and @line_out is undefined.
 */
gboolean
lb_invoice_math_compute (const LbLineInput  *lines,
                         guint               n_lines,
                         LbDiscountKind      doc_discount_kind,
                         gint64              doc_discount,
                         gint64              paid,
                         LbLineTotals       *line_out,
                         LbDocTotals        *out,
                         GError            **error)
{
  g_autoptr(GArray) groups = NULL;
  Sharing sharing = { 0, };
  gint64 subtotal = 0;
  gint64 tax = 0;
  gint64 leftover = 0;
  gint64 total;
  gint64 balance;
  guint hint = 0;

  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (paid < 0)
    {
      g_set_error_literal (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                           _("The paid amount is negative; it must be 0 or more."));
      return FALSE;
    }

  /* Each line's net, and the subtotal. */
  for (guint i = 0; i < n_lines; i++)
    {
      LbLineTotals scratch;
      LbLineTotals *totals = line_out != NULL ? &line_out[i] : &scratch;

      if (!compute_line_net (&lines[i], i + 1, totals, error))
        return FALSE;
      if (!lb_money_add (subtotal, totals->net, &subtotal))
        return lb_money_set_too_large_error (error);
    }

  if (!compute_document_discount (doc_discount_kind, doc_discount, subtotal,
                                  &sharing.discount, error))
    return FALSE;
  sharing.subtotal = subtotal;

  /* The floors of the shares; the cents they leave go by largest remainder. */
  if (sharing.discount > 0)
    {
      gint64 floors = 0;   /* ≤ the discount: no overflow */

      for (guint i = 0; i < n_lines; i++)
        {
          gint64 remainder;

          floors += share_floor (&sharing, line_net (lines, i, line_out), &remainder);
        }

      leftover = sharing.discount - floors;
      g_assert (leftover >= 0 && leftover < (gint64)n_lines);

      if (leftover > 0)
        find_threshold (lines, n_lines, line_out, &sharing, leftover);
    }

  /* Shares, taxable amounts and taxes. */
  groups = g_array_new (FALSE, FALSE, sizeof (LbTaxByRate));

  for (guint i = 0; i < n_lines; i++)
    {
      const LbLineInput *line = &lines[i];
      gint64 net = line_net (lines, i, line_out);
      gint64 share = 0;
      gint64 taxable;
      gint64 line_tax;

      if (sharing.discount > 0)
        {
          gint64 remainder;

          share = share_floor (&sharing, net, &remainder);
          if (leftover > 0 && remainder > sharing.threshold)
            share++;
          else if (leftover > 0 && remainder == sharing.threshold && sharing.n_ties > 0)
            {
              share++;
              sharing.n_ties--;
            }
        }

      g_assert (share <= net);
      taxable = net - share;

      if (line->tax_kind == LB_TAX_AMOUNT)
        line_tax = line->tax;
      else if (!lb_money_mul_div_round (taxable, line->tax, FULL_RATE, &line_tax))
        return set_line_too_large_error (error, i + 1);

      if (!lb_money_add (tax, line_tax, &tax))
        return lb_money_set_too_large_error (error);

      if (!add_to_tax_group (groups, &hint, line->tax_kind == LB_TAX_AMOUNT,
                             line->tax_kind == LB_TAX_AMOUNT ? 0 : line->tax,
                             taxable, line_tax))
        return lb_money_set_too_large_error (error);

      if (line_out != NULL)
        {
          line_out[i].doc_discount_share = share;
          line_out[i].taxable = taxable;
          line_out[i].tax = line_tax;
        }
    }

  /* 0 ≤ discount ≤ subtotal, so only the tax can overflow the total. */
  if (!lb_money_add (subtotal - sharing.discount, tax, &total) ||
      !lb_money_sub (total, paid, &balance))
    return lb_money_set_too_large_error (error);

  g_array_sort (groups, compare_tax_groups);

  out->subtotal = subtotal;
  out->discount = sharing.discount;
  out->tax = tax;
  out->total = total;
  out->paid = paid;
  out->balance = balance;
  out->tax_by_rate = g_steal_pointer (&groups);

  return TRUE;
}

/**
 * lb_doc_totals_clear:
 *
 * Releases the tax summary and zeroes @totals.
 */
void
lb_doc_totals_clear (LbDocTotals *totals)
{
  g_return_if_fail (totals != NULL);

  g_clear_pointer (&totals->tax_by_rate, g_array_unref);
  memset (totals, 0, sizeof *totals);
}
