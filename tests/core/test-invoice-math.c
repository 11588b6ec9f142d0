#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "lb-error.h"
#include "lb-invoice-math.h"
#include "lb-money.h"

/* helpers */

/* An oracle independent of lb-money: round (n / d) for n ≥ 0, d > 0,
 * halves up (= away from zero here). */
static gint64
ref_round (unsigned __int128 numerator,
           unsigned __int128 denominator)
{
  return (gint64)((2 * numerator + denominator) / (2 * denominator));
}

static LbLineInput
make_line (gint64         quantity,
           gint64         unit_price,
           LbDiscountKind discount_kind,
           gint64         discount,
           LbTaxKind      tax_kind,
           gint64         tax)
{
  LbLineInput line = { quantity, unit_price, discount_kind, discount, tax_kind, tax };

  return line;
}

static void
assert_refused (const LbLineInput *lines,
                guint              n_lines,
                LbDiscountKind     doc_kind,
                gint64             doc_discount,
                gint64             paid,
                const char        *expected)
{
  g_autoptr(GError) error = NULL;
  LbDocTotals totals;

  memset (&totals, 0xaa, sizeof totals);
  if (lb_invoice_math_compute (lines, n_lines, doc_kind, doc_discount, paid, NULL,
                               &totals, &error))
    g_error ("accepted, expected “%s”", expected);
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("the message “%s” does not contain “%s”", error->message, expected);

  /* A refusal leaves nothing to free and no partial totals. */
  g_assert_null (totals.tax_by_rate);
  g_assert_cmpint (totals.subtotal, ==, 0);
  g_assert_cmpint (totals.total, ==, 0);
}

/* The shares by the largest-remainder method, done the obvious way: sort
 * the lines by remainder (largest first, earlier first among equals). */
typedef struct
{
  guint             index;
  unsigned __int128 remainder;
} RefRemainder;

static int
compare_ref_remainders (gconstpointer a,
                        gconstpointer b)
{
  const RefRemainder *ra = a;
  const RefRemainder *rb = b;

  if (ra->remainder != rb->remainder)
    return ra->remainder > rb->remainder ? -1 : 1;

  return ra->index < rb->index ? -1 : 1;
}

static void
ref_shares (const LbLineTotals *line_totals,
            guint               n_lines,
            gint64              discount,
            gint64             *shares)
{
  g_autofree RefRemainder *remainders = g_new0 (RefRemainder, n_lines);
  unsigned __int128 subtotal = 0;
  gint64 handed = 0;

  for (guint i = 0; i < n_lines; i++)
    subtotal += line_totals[i].net;

  for (guint i = 0; i < n_lines; i++)
    {
      unsigned __int128 product = (unsigned __int128)discount * line_totals[i].net;

      shares[i] = subtotal > 0 ? (gint64)(product / subtotal) : 0;
      remainders[i].index = i;
      remainders[i].remainder = subtotal > 0 ? product % subtotal : 0;
      handed += shares[i];
    }

  qsort (remainders, n_lines, sizeof *remainders, compare_ref_remainders);
  for (guint k = 0; handed < discount; k++, handed++)
    shares[remainders[k].index]++;
}

/* Checks every rule of SPEC 3.7 on one computed document. */
static void
check_document (const LbLineInput  *lines,
                guint               n_lines,
                LbDiscountKind      doc_kind,
                gint64              doc_discount,
                gint64              paid)
{
  g_autoptr(GError) error = NULL;
  g_autofree LbLineTotals *line_totals = g_new0 (LbLineTotals, n_lines);
  g_autofree LbLineTotals *again = g_new0 (LbLineTotals, n_lines);
  g_autofree gint64 *expected_shares = g_new0 (gint64, n_lines);
  g_auto(LbDocTotals) totals = { 0, };
  g_auto(LbDocTotals) without_lines = { 0, };
  g_auto(LbDocTotals) second = { 0, };
  gint64 subtotal = 0;
  gint64 tax = 0;
  gint64 shares = 0;
  gint64 taxable = 0;
  gint64 group_tax = 0;
  gint64 group_taxable = 0;
  gboolean ok;

  ok = lb_invoice_math_compute (lines, n_lines, doc_kind, doc_discount, paid,
                                line_totals, &totals, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  for (guint i = 0; i < n_lines; i++)
    {
      const LbLineInput *in = &lines[i];
      const LbLineTotals *t = &line_totals[i];
      gint64 gross = ref_round ((unsigned __int128)in->quantity * in->unit_price, 1000);
      gint64 line_discount = 0;

      if (in->discount_kind == LB_DISCOUNT_PERCENT)
        line_discount = ref_round ((unsigned __int128)gross * in->discount, 10000);
      else if (in->discount_kind == LB_DISCOUNT_AMOUNT)
        line_discount = in->discount;

      g_assert_cmpint (t->gross, ==, gross);
      g_assert_cmpint (t->line_discount, ==, line_discount);
      g_assert_cmpint (t->net, ==, gross - line_discount);
      g_assert_cmpint (t->doc_discount_share, >=, 0);
      g_assert_cmpint (t->doc_discount_share, <=, t->net);
      g_assert_cmpint (t->taxable, ==, t->net - t->doc_discount_share);
      if (in->tax_kind == LB_TAX_RATE)
        g_assert_cmpint (t->tax, ==, ref_round ((unsigned __int128)t->taxable * in->tax, 10000));
      else
        g_assert_cmpint (t->tax, ==, in->tax);

      subtotal += t->net;
      tax += t->tax;
      shares += t->doc_discount_share;
      taxable += t->taxable;
    }

  g_assert_cmpint (totals.subtotal, ==, subtotal);
  if (doc_kind == LB_DISCOUNT_PERCENT)
    g_assert_cmpint (totals.discount, ==, ref_round ((unsigned __int128)subtotal * doc_discount,
                                                     10000));
  else if (doc_kind == LB_DISCOUNT_AMOUNT)
    g_assert_cmpint (totals.discount, ==, doc_discount);
  else
    g_assert_cmpint (totals.discount, ==, 0);
  g_assert_cmpint (shares, ==, totals.discount);
  g_assert_cmpint (totals.tax, ==, tax);
  g_assert_cmpint (totals.total, ==, totals.subtotal - totals.discount + totals.tax);
  g_assert_cmpint (totals.paid, ==, paid);
  g_assert_cmpint (totals.balance, ==, totals.total - paid);

  /* The shares are exactly the largest-remainder ones. */
  ref_shares (line_totals, n_lines, totals.discount, expected_shares);
  for (guint i = 0; i < n_lines; i++)
    g_assert_cmpint (line_totals[i].doc_discount_share, ==, expected_shares[i]);

  /* The tax summary: one group per rate (manual lines apart), sorted,
   * adding up to the document's tax. */
  g_assert_nonnull (totals.tax_by_rate);
  for (guint g = 0; g < totals.tax_by_rate->len; g++)
    {
      const LbTaxByRate *group = &g_array_index (totals.tax_by_rate, LbTaxByRate, g);
      gint64 expected_tax = 0;
      gint64 expected_taxable = 0;
      guint n_members = 0;

      if (g > 0)
        {
          const LbTaxByRate *previous = &g_array_index (totals.tax_by_rate, LbTaxByRate, g - 1);

          g_assert_true (previous->manual <= group->manual);
          if (previous->manual == group->manual)
            g_assert_cmpint (previous->rate_bp, <, group->rate_bp);
        }

      for (guint i = 0; i < n_lines; i++)
        {
          gboolean manual = lines[i].tax_kind == LB_TAX_AMOUNT;

          if (manual == group->manual && (manual || lines[i].tax == group->rate_bp))
            {
              expected_tax += line_totals[i].tax;
              expected_taxable += line_totals[i].taxable;
              n_members++;
            }
        }

      g_assert_cmpuint (n_members, >, 0);
      g_assert_cmpint (group->tax, ==, expected_tax);
      g_assert_cmpint (group->taxable, ==, expected_taxable);
      if (group->manual)
        g_assert_cmpint (group->rate_bp, ==, 0);
      group_tax += group->tax;
      group_taxable += group->taxable;
    }
  g_assert_cmpint (group_tax, ==, totals.tax);
  g_assert_cmpint (group_taxable, ==, taxable);

  /* The same again, with and without per-line output. */
  g_assert_true (lb_invoice_math_compute (lines, n_lines, doc_kind, doc_discount, paid,
                                          NULL, &without_lines, NULL));
  g_assert_true (lb_invoice_math_compute (lines, n_lines, doc_kind, doc_discount, paid,
                                          again, &second, NULL));
  g_assert_cmpmem (again, n_lines * sizeof *again, line_totals, n_lines * sizeof *line_totals);
  for (guint k = 0; k < 2; k++)
    {
      const LbDocTotals *other = k == 0 ? &without_lines : &second;

      g_assert_cmpint (other->subtotal, ==, totals.subtotal);
      g_assert_cmpint (other->discount, ==, totals.discount);
      g_assert_cmpint (other->tax, ==, totals.tax);
      g_assert_cmpint (other->total, ==, totals.total);
      g_assert_cmpint (other->paid, ==, totals.paid);
      g_assert_cmpint (other->balance, ==, totals.balance);
      g_assert_cmpuint (other->tax_by_rate->len, ==, totals.tax_by_rate->len);
      for (guint g = 0; g < totals.tax_by_rate->len; g++)
        {
          const LbTaxByRate *a = &g_array_index (other->tax_by_rate, LbTaxByRate, g);
          const LbTaxByRate *b = &g_array_index (totals.tax_by_rate, LbTaxByRate, g);

          g_assert_cmpint (a->rate_bp, ==, b->rate_bp);
          g_assert_cmpint (a->manual, ==, b->manual);
          g_assert_cmpint (a->taxable, ==, b->taxable);
          g_assert_cmpint (a->tax, ==, b->tax);
        }
    }
}

/* Shares of the document discount, line by line. */
static void
assert_shares (const LbLineInput *lines,
               guint              n_lines,
               LbDiscountKind     doc_kind,
               gint64             doc_discount,
               const gint64      *expected)
{
  g_autofree LbLineTotals *line_totals = g_new0 (LbLineTotals, n_lines);
  g_auto(LbDocTotals) totals = { 0, };

  g_assert_true (lb_invoice_math_compute (lines, n_lines, doc_kind, doc_discount, 0,
                                          line_totals, &totals, NULL));
  for (guint i = 0; i < n_lines; i++)
    {
      g_test_message ("line %u", i + 1);
      g_assert_cmpint (line_totals[i].doc_discount_share, ==, expected[i]);
    }
  check_document (lines, n_lines, doc_kind, doc_discount, 0);
}

static gint64
rand_amount (gint64 high)
{
  /* g_test_rand_int_range is 32-bit: combine two draws for wide ranges. */
  guint64 wide = ((guint64)g_test_rand_int () << 32) | (guint32)g_test_rand_int ();

  return high <= 0 ? 0 : (gint64)(wide % ((guint64)high + 1));
}

static void
random_line (LbLineInput       *line,
             const LbLineInput *previous)
{
  static const gint64 rates[] = { 0, 550, 1000, 1250, 2000, 2100 };
  gint64 gross;

  /* Identical lines make ties for the largest-remainder method. */
  if (previous != NULL && g_test_rand_int_range (0, 5) == 0)
    {
      *line = *previous;
      return;
    }

  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      line->quantity = 1000 * g_test_rand_int_range (0, 20);
      break;
    case 1:
      line->quantity = g_test_rand_int_range (0, 5000);
      break;
    default:
      line->quantity = rand_amount (10000000);
      break;
    }

  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      line->unit_price = g_test_rand_int_range (0, 100);
      break;
    case 1:
      line->unit_price = 0;
      break;
    default:
      line->unit_price = rand_amount (100000000);
      break;
    }

  gross = ref_round ((unsigned __int128)line->quantity * line->unit_price, 1000);

  line->discount_kind = g_test_rand_int_range (0, 3);
  if (line->discount_kind == LB_DISCOUNT_PERCENT)
    line->discount = g_test_rand_bit () ? g_test_rand_int_range (0, 10001) : 1250;
  else if (line->discount_kind == LB_DISCOUNT_AMOUNT)
    line->discount = rand_amount (gross);
  else
    line->discount = 0;

  if (g_test_rand_int_range (0, 5) == 0)
    {
      line->tax_kind = LB_TAX_AMOUNT;
      line->tax = rand_amount (1000000);
    }
  else
    {
      line->tax_kind = LB_TAX_RATE;
      line->tax = g_test_rand_int_range (0, 4) == 0 ? g_test_rand_int_range (0, 5001)
                                                     : rates[g_test_rand_int_range (0, 6)];
    }
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("“%s” is not a string in the vectors", member);
  *value = json_node_get_string (node);

  return TRUE;
}

static void
parse_or_die (gboolean     ok,
              GError      *error,
              const char  *case_name,
              const char  *what)
{
  if (!ok)
    g_error ("case “%s”: cannot read %s: %s", case_name, what, error->message);
}

/* Reads one case of the shared vectors and computes it; returns the
 * number of mismatches, each reported with the case's name. */
static guint
run_vector_case (JsonObject *vector_case,
                 const char *currency)
{
  const char *name = json_object_get_string_member (vector_case, "name");
  JsonArray *json_lines = json_object_get_array_member (vector_case, "lines");
  JsonObject *expect = json_object_get_object_member (vector_case, "expect");
  guint n_lines = json_array_get_length (json_lines);
  g_autofree LbLineInput *lines = g_new0 (LbLineInput, n_lines);
  g_autoptr(GError) error = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  LbDiscountKind doc_kind = LB_DISCOUNT_NONE;
  gint64 doc_discount = 0;
  const char *text;
  const struct
  {
    const char *member;
    gint64     *value;
  } results[] = {
    { "subtotal", &totals.subtotal },
    { "discount", &totals.discount },
    { "tax", &totals.tax },
    { "total", &totals.total },
  };
  guint decimals = lb_currency_decimals (currency);
  guint n_failed = 0;

  g_assert_nonnull (name);
  g_assert_nonnull (expect);
  g_test_message ("case “%s”", name);

  for (guint i = 0; i < n_lines; i++)
    {
      JsonObject *json_line = json_array_get_object_element (json_lines, i);
      LbLineInput *line = &lines[i];

      if (!read_string (json_line, "qty", &text))
        g_error ("case “%s”, line %u: no qty", name, i + 1);
      parse_or_die (lb_quantity_parse (text, &line->quantity, &error), error, name, "qty");
      if (!read_string (json_line, "price", &text))
        g_error ("case “%s”, line %u: no price", name, i + 1);
      parse_or_die (lb_money_parse_for_currency (text, currency, &line->unit_price, &error),
                    error, name, "price");

      line->discount_kind = LB_DISCOUNT_NONE;
      if (read_string (json_line, "discount_percent", &text))
        {
          line->discount_kind = LB_DISCOUNT_PERCENT;
          parse_or_die (lb_percent_parse (text, &line->discount, &error), error, name,
                        "discount_percent");
        }
      if (read_string (json_line, "discount_amount", &text))
        {
          g_assert_cmpint (line->discount_kind, ==, LB_DISCOUNT_NONE);
          line->discount_kind = LB_DISCOUNT_AMOUNT;
          parse_or_die (lb_money_parse_for_currency (text, currency, &line->discount, &error),
                        error, name, "discount_amount");
        }

      if (read_string (json_line, "tax_percent", &text))
        {
          line->tax_kind = LB_TAX_RATE;
          parse_or_die (lb_percent_parse (text, &line->tax, &error), error, name, "tax_percent");
        }
      else if (read_string (json_line, "tax_amount", &text))
        {
          line->tax_kind = LB_TAX_AMOUNT;
          parse_or_die (lb_money_parse_for_currency (text, currency, &line->tax, &error),
                        error, name, "tax_amount");
        }
      else
        g_error ("case “%s”, line %u: neither tax_percent nor tax_amount", name, i + 1);
    }

  if (read_string (vector_case, "discount_percent", &text))
    {
      doc_kind = LB_DISCOUNT_PERCENT;
      parse_or_die (lb_percent_parse (text, &doc_discount, &error), error, name,
                    "discount_percent");
    }
  if (read_string (vector_case, "discount_amount", &text))
    {
      g_assert_cmpint (doc_kind, ==, LB_DISCOUNT_NONE);
      doc_kind = LB_DISCOUNT_AMOUNT;
      parse_or_die (lb_money_parse_for_currency (text, currency, &doc_discount, &error),
                    error, name, "discount_amount");
    }

  if (!lb_invoice_math_compute (lines, n_lines, doc_kind, doc_discount, 0, NULL,
                                &totals, &error))
    {
      g_test_fail_printf ("case “%s”: refused: %s", name, error->message);
      return 1;
    }

  for (guint k = 0; k < G_N_ELEMENTS (results); k++)
    {
      g_autofree char *got = lb_money_format (*results[k].value, decimals);
      const char *expected;

      if (!read_string (expect, results[k].member, &expected))
        g_error ("case “%s”: no expected %s", name, results[k].member);
      if (g_strcmp0 (got, expected) != 0)
        {
          g_test_fail_printf ("case “%s”: %s is %s, expected %s",
                              name, results[k].member, got, expected);
          n_failed++;
        }
    }

  g_assert_cmpint (totals.balance, ==, totals.total);
  check_document (lines, n_lines, doc_kind, doc_discount, 0);

  return n_failed;
}

/* tests */

static void
test_vectors (void)
{
  const char *shared_dir = g_getenv ("LEADBOOK_SHARED_DIR");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonObject *root;
  JsonArray *cases;
  const char *currency;
  guint n_failed = 0;

  if (shared_dir == NULL || *shared_dir == '\0')
    {
      g_test_fail_printf ("LEADBOOK_SHARED_DIR is not set; it must name the shared/ folder "
                          "that holds vectors/invoice-math.json");
      return;
    }

  path = g_build_filename (shared_dir, "vectors", "invoice-math.json", NULL);
  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_test_fail_printf ("cannot read the shared vectors %s: %s", path, error->message);
      return;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (root);
  currency = json_object_get_string_member (root, "currency");
  g_assert_nonnull (currency);
  cases = json_object_get_array_member (root, "cases");
  g_assert_nonnull (cases);
  g_assert_cmpuint (json_array_get_length (cases), >, 0);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    n_failed += run_vector_case (json_array_get_object_element (cases, i), currency);

  g_test_message ("%u cases, %u mismatches", json_array_get_length (cases), n_failed);
}

static void
test_properties (void)
{
  LbLineInput lines[30];

  for (guint round = 0; round < 4000; round++)
    {
      g_auto(LbDocTotals) plain = { 0, };
      guint n_lines = g_test_rand_int_range (1, 31);
      LbDiscountKind doc_kind;
      gint64 doc_discount = 0;
      gint64 paid;

      for (guint i = 0; i < n_lines; i++)
        random_line (&lines[i], i > 0 ? &lines[i - 1] : NULL);

      g_assert_true (lb_invoice_math_compute (lines, n_lines, LB_DISCOUNT_NONE, 0, 0, NULL,
                                              &plain, NULL));

      doc_kind = g_test_rand_int_range (0, 3);
      if (doc_kind == LB_DISCOUNT_PERCENT)
        doc_discount = g_test_rand_bit () ? g_test_rand_int_range (0, 10001) : 1000;
      else if (doc_kind == LB_DISCOUNT_AMOUNT && g_test_rand_bit ())
        doc_discount = rand_amount (plain.subtotal);
      else if (doc_kind == LB_DISCOUNT_AMOUNT)
        doc_discount = rand_amount (MIN (plain.subtotal, 100));

      paid = rand_amount (plain.total);

      check_document (lines, n_lines, doc_kind, doc_discount, paid);
    }
}

static void
test_large_document (void)
{
  g_autofree LbLineInput *lines = g_new0 (LbLineInput, 1000);

  /* Nets of 1.00 to 1000.00 and a discount of 1,234.57: most lines are
   * left a remainder, so hundreds of cents are handed out. */
  for (guint i = 0; i < 1000; i++)
    lines[i] = make_line (1000, 100 * (i + 1), LB_DISCOUNT_NONE, 0, LB_TAX_RATE,
                          i % 3 == 0 ? 2000 : 550);

  check_document (lines, 1000, LB_DISCOUNT_AMOUNT, 123457, 0);
  check_document (lines, 1000, LB_DISCOUNT_PERCENT, 333, 1000);
}

static void
test_largest_remainder (void)
{
  const LbLineInput equal[] = {
    make_line (1000, 100, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000),
    make_line (1000, 100, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000),
    make_line (1000, 100, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000),
  };
  const LbLineInput small_first[] = {
    make_line (1000, 100, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
    make_line (1000, 200, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
  };
  const LbLineInput big_first[] = {
    make_line (1000, 200, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
    make_line (1000, 100, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
  };
  const LbLineInput exact_first[] = {
    make_line (1000, 4, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
    make_line (1000, 3, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
    make_line (1000, 3, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
  };
  const LbLineInput with_zero[] = {
    make_line (1000, 0, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
    make_line (1000, 1, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
    make_line (1000, 1, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),
  };
  const gint64 equal_shares[] = { 34, 33, 33 };
  const gint64 small_first_shares[] = { 33, 67 };
  const gint64 big_first_shares[] = { 67, 33 };
  const gint64 exact_first_shares[] = { 2, 2, 1 };
  const gint64 with_zero_shares[] = { 0, 1, 0 };
  const gint64 with_zero_all[] = { 0, 1, 1 };
  const gint64 none[] = { 0, 0, 0 };

  assert_shares (equal, 3, LB_DISCOUNT_AMOUNT, 100, equal_shares);
  assert_shares (equal, 3, LB_DISCOUNT_PERCENT, 10000, (const gint64[]) { 100, 100, 100 });
  assert_shares (small_first, 2, LB_DISCOUNT_AMOUNT, 100, small_first_shares);
  assert_shares (big_first, 2, LB_DISCOUNT_AMOUNT, 100, big_first_shares);
  /* 2, 1.5, 1.5: the tie between lines 2 and 3 goes to line 2. */
  assert_shares (exact_first, 3, LB_DISCOUNT_AMOUNT, 5, exact_first_shares);
  /* A line with no net never gets a share. */
  assert_shares (with_zero, 3, LB_DISCOUNT_AMOUNT, 1, with_zero_shares);
  assert_shares (with_zero, 3, LB_DISCOUNT_AMOUNT, 2, with_zero_all);
  assert_shares (equal, 3, LB_DISCOUNT_NONE, 0, none);
}

static void
test_zero_subtotal (void)
{
  const LbLineInput free_lines[] = {
    make_line (1000, 0, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000),
    make_line (0, 500, LB_DISCOUNT_NONE, 0, LB_TAX_AMOUNT, 7),
  };
  const gint64 none[] = { 0, 0 };
  g_auto(LbDocTotals) empty = { 0, };

  assert_shares (free_lines, 2, LB_DISCOUNT_PERCENT, 5000, none);
  assert_shares (free_lines, 2, LB_DISCOUNT_AMOUNT, 0, none);
  assert_refused (free_lines, 2, LB_DISCOUNT_AMOUNT, 1, 0, "larger than the subtotal");

  /* No lines at all. */
  g_assert_true (lb_invoice_math_compute (NULL, 0, LB_DISCOUNT_PERCENT, 1000, 0, NULL,
                                          &empty, NULL));
  g_assert_cmpint (empty.subtotal, ==, 0);
  g_assert_cmpint (empty.discount, ==, 0);
  g_assert_cmpint (empty.tax, ==, 0);
  g_assert_cmpint (empty.total, ==, 0);
  g_assert_cmpint (empty.balance, ==, 0);
  g_assert_cmpuint (empty.tax_by_rate->len, ==, 0);
}

static void
test_refusals (void)
{
  const LbLineInput ok = make_line (2000, 1000, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000);
  LbLineInput lines[3] = { ok, ok, ok };

  /* Discounts larger than their line or the document. */
  lines[1] = make_line (2000, 1000, LB_DISCOUNT_AMOUNT, 2001, LB_TAX_RATE, 2000);
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, 0, "Line 2: the discount is larger than the line");
  lines[1] = make_line (2000, 1000, LB_DISCOUNT_PERCENT, 10001, LB_TAX_RATE, 2000);
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, 0, "Line 2: the discount is larger than the line");
  lines[1] = make_line (2000, 1000, LB_DISCOUNT_AMOUNT, 2000, LB_TAX_RATE, 2000);
  check_document (lines, 3, LB_DISCOUNT_AMOUNT, 4000, 0);
  assert_refused (lines, 3, LB_DISCOUNT_AMOUNT, 4001, 0, "larger than the subtotal");
  assert_refused (lines, 3, LB_DISCOUNT_PERCENT, 10001, 0, "larger than the subtotal");
  check_document (lines, 3, LB_DISCOUNT_PERCENT, 10000, 0);
  lines[1] = ok;

  /* Negative inputs, named by line. */
  lines[2] = make_line (-1, 1000, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000);
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, 0, "Line 3: the quantity is negative");
  lines[2] = make_line (1000, -1, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000);
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, 0, "Line 3: the price is negative");
  lines[2] = make_line (1000, 1000, LB_DISCOUNT_PERCENT, -1, LB_TAX_RATE, 2000);
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, 0, "Line 3: the discount is negative");
  lines[2] = make_line (1000, 1000, LB_DISCOUNT_AMOUNT, -1, LB_TAX_RATE, 2000);
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, 0, "Line 3: the discount is negative");
  lines[2] = make_line (1000, 1000, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, -1);
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, 0, "Line 3: the tax is negative");
  lines[2] = make_line (1000, 1000, LB_DISCOUNT_NONE, 0, LB_TAX_AMOUNT, -1);
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, 0, "Line 3: the tax is negative");
  lines[2] = ok;
  assert_refused (lines, 3, LB_DISCOUNT_AMOUNT, -1, 0, "document discount is negative");
  assert_refused (lines, 3, LB_DISCOUNT_PERCENT, -1, 0, "document discount is negative");
  assert_refused (lines, 3, LB_DISCOUNT_NONE, 0, -1, "paid amount is negative");
}

static void
test_overflow (void)
{
  const LbLineInput ok = make_line (1000, 100, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000);
  const gint64 big = G_MAXINT64 / 2 + 1;
  LbLineInput lines[2] = { ok, ok };

  /* price × quantity */
  lines[1] = make_line (1000000000, G_MAXINT64 / 1000, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0);
  assert_refused (lines, 2, LB_DISCOUNT_NONE, 0, 0, "Line 2: amount too large");
  lines[1] = make_line (G_MAXINT64, G_MAXINT64, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0);
  assert_refused (lines, 2, LB_DISCOUNT_NONE, 0, 0, "Line 2: amount too large");
  lines[1] = make_line (2000, G_MAXINT64 / 2 + 1, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0);
  assert_refused (lines, 2, LB_DISCOUNT_NONE, 0, 0, "Line 2: amount too large");

  /* The largest line that fits: qty × price / 1000 = G_MAXINT64. */
  lines[0] = make_line (1000, G_MAXINT64, LB_DISCOUNT_PERCENT, 5000, LB_TAX_RATE, 0);
  check_document (lines, 1, LB_DISCOUNT_PERCENT, 5000, 0);

  /* The tax of a huge line. */
  lines[0] = make_line (1000, G_MAXINT64, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 20000);
  assert_refused (lines, 1, LB_DISCOUNT_NONE, 0, 0, "Line 1: amount too large");

  /* Σ net, Σ tax, the total. */
  lines[0] = make_line (1000, big, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0);
  lines[1] = make_line (1000, big, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0);
  assert_refused (lines, 2, LB_DISCOUNT_NONE, 0, 0, "Amount too large");
  lines[0] = make_line (0, 0, LB_DISCOUNT_NONE, 0, LB_TAX_AMOUNT, G_MAXINT64);
  lines[1] = make_line (0, 0, LB_DISCOUNT_NONE, 0, LB_TAX_AMOUNT, 1);
  assert_refused (lines, 2, LB_DISCOUNT_NONE, 0, 0, "Amount too large");
  lines[0] = make_line (1000, G_MAXINT64, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0);
  lines[1] = make_line (0, 0, LB_DISCOUNT_NONE, 0, LB_TAX_AMOUNT, 1);
  assert_refused (lines, 2, LB_DISCOUNT_NONE, 0, 0, "Amount too large");
  /* … which a document discount can bring back into range. */
  check_document (lines, 2, LB_DISCOUNT_AMOUNT, 1, 0);

  /* A document discount on amounts whose product passes 64 bits. */
  lines[0] = make_line (1000, G_MAXINT64 - 2, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0);
  lines[1] = make_line (1000, 1, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0);
  check_document (lines, 2, LB_DISCOUNT_AMOUNT, G_MAXINT64 / 3, 0);
  check_document (lines, 2, LB_DISCOUNT_PERCENT, 3333, G_MAXINT64);
}

static void
test_tax_by_rate (void)
{
  const LbLineInput lines[] = {
    make_line (1000, 1000, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000),    /* 10.00 → 2.00 */
    make_line (1000, 333, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 550),      /* 3.33 → 0.18 */
    make_line (2000, 500, LB_DISCOUNT_NONE, 0, LB_TAX_AMOUNT, 123),    /* 10.00, 1.23 */
    make_line (1000, 2000, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 2000),    /* 20.00 → 4.00 */
    make_line (1000, 700, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 0),        /* 7.00 → 0 */
    make_line (1000, 100, LB_DISCOUNT_NONE, 0, LB_TAX_AMOUNT, 5),      /* 1.00, 0.05 */
    make_line (1000, 667, LB_DISCOUNT_NONE, 0, LB_TAX_RATE, 550),      /* 6.67 → 0.37 */
  };
  const LbTaxByRate expected[] = {
    { 0, FALSE, 700, 0 },
    { 550, FALSE, 1000, 55 },
    { 2000, FALSE, 3000, 600 },
    { 0, TRUE, 1100, 128 },
  };
  g_auto(LbDocTotals) totals = { 0, };

  g_assert_true (lb_invoice_math_compute (lines, G_N_ELEMENTS (lines), LB_DISCOUNT_NONE, 0, 0,
                                          NULL, &totals, NULL));
  g_assert_cmpuint (totals.tax_by_rate->len, ==, G_N_ELEMENTS (expected));
  for (guint g = 0; g < G_N_ELEMENTS (expected); g++)
    {
      const LbTaxByRate *group = &g_array_index (totals.tax_by_rate, LbTaxByRate, g);

      g_assert_cmpint (group->rate_bp, ==, expected[g].rate_bp);
      g_assert_cmpint (group->manual, ==, expected[g].manual);
      g_assert_cmpint (group->taxable, ==, expected[g].taxable);
      g_assert_cmpint (group->tax, ==, expected[g].tax);
    }
  g_assert_cmpint (totals.tax, ==, 783);
  g_assert_cmpint (totals.total, ==, 5800 + 783);

  check_document (lines, G_N_ELEMENTS (lines), LB_DISCOUNT_PERCENT, 1000, 100);
  check_document (lines, G_N_ELEMENTS (lines), LB_DISCOUNT_AMOUNT, 1, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/invoice-math/vectors", test_vectors);
  g_test_add_func ("/invoice-math/properties", test_properties);
  g_test_add_func ("/invoice-math/large-document", test_large_document);
  g_test_add_func ("/invoice-math/largest-remainder", test_largest_remainder);
  g_test_add_func ("/invoice-math/zero-subtotal", test_zero_subtotal);
  g_test_add_func ("/invoice-math/refusals", test_refusals);
  g_test_add_func ("/invoice-math/overflow", test_overflow);
  g_test_add_func ("/invoice-math/tax-by-rate", test_tax_by_rate);

  return g_test_run ();
}
