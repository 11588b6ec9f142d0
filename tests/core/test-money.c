#include "config.h"

#include <locale.h>
#include <string.h>

#include "lb-error.h"
#include "lb-money.h"

/* helpers */

static void
assert_refused (gboolean    ok,
                GError     *error,
                const char *text,
                const char *expected)
{
  if (ok)
    g_error ("“%s” was accepted", text);
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s”: the message “%s” does not contain “%s”", text, error->message, expected);
}

static void
assert_money_refused (const char *text,
                      guint       decimals,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 42;
  gboolean ok = lb_money_parse (text, decimals, &value, &error);

  assert_refused (ok, error, text, expected);
  g_assert_cmpint (value, ==, 42);
}

static void
assert_quantity_refused (const char *text,
                         const char *expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 42;
  gboolean ok = lb_quantity_parse (text, &value, &error);

  assert_refused (ok, error, text, expected);
  g_assert_cmpint (value, ==, 42);
}

static void
assert_percent_refused (const char *text,
                        const char *expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 42;
  gboolean ok = lb_percent_parse (text, &value, &error);

  assert_refused (ok, error, text, expected);
  g_assert_cmpint (value, ==, 42);
}

/* tests */

static void
test_currency_decimals (void)
{
  g_assert_cmpuint (lb_currency_decimals ("EUR"), ==, 2);
  g_assert_cmpuint (lb_currency_decimals ("eur"), ==, 2);
  g_assert_cmpuint (lb_currency_decimals ("USD"), ==, 2);
  g_assert_cmpuint (lb_currency_decimals ("JPY"), ==, 0);
  g_assert_cmpuint (lb_currency_decimals ("KRW"), ==, 0);
  g_assert_cmpuint (lb_currency_decimals ("ISK"), ==, 0);
  g_assert_cmpuint (lb_currency_decimals ("CLP"), ==, 0);
  g_assert_cmpuint (lb_currency_decimals ("VND"), ==, 0);
  g_assert_cmpuint (lb_currency_decimals ("KWD"), ==, 3);
  g_assert_cmpuint (lb_currency_decimals ("BHD"), ==, 3);
  g_assert_cmpuint (lb_currency_decimals ("JOD"), ==, 3);
  g_assert_cmpuint (lb_currency_decimals ("OMR"), ==, 3);
  g_assert_cmpuint (lb_currency_decimals ("TND"), ==, 3);
  g_assert_cmpuint (lb_currency_decimals ("LYD"), ==, 3);
  g_assert_cmpuint (lb_currency_decimals ("IQD"), ==, 3);
  g_assert_cmpuint (lb_currency_decimals ("XYZ"), ==, 2);
  g_assert_cmpuint (lb_currency_decimals (""), ==, 2);
  g_assert_cmpuint (lb_currency_decimals (NULL), ==, 2);
}

static void
test_money_round_trip (void)
{
  const struct
  {
    const char *text;
    const char *currency;
    gint64      value;
    const char *formatted;
  } cases[] = {
    { "1234.50", "EUR", 123450, "1234.50" },
    { "0.05", "EUR", 5, "0.05" },
    { "0", "EUR", 0, "0.00" },
    { "5", "EUR", 500, "5.00" },
    { "5.", "EUR", 500, "5.00" },
    { ".5", "EUR", 50, "0.50" },
    { "007.10", "EUR", 710, "7.10" },
    { "92233720368547758.07", "EUR", G_MAXINT64, "92233720368547758.07" },
    { "100", "JPY", 100, "100" },
    { "9223372036854775807", "JPY", G_MAXINT64, "9223372036854775807" },
    { "1.234", "KWD", 1234, "1.234" },
    { "0.001", "KWD", 1, "0.001" },
    { "12", "KWD", 12000, "12.000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formatted = NULL;
      guint decimals = lb_currency_decimals (cases[i].currency);
      gint64 value = -1;
      gint64 again = -1;

      g_test_message ("%s %s", cases[i].text, cases[i].currency);
      g_assert_true (lb_money_parse_for_currency (cases[i].text, cases[i].currency,
                                                  &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, cases[i].value);
      g_assert_true (lb_money_parse (cases[i].text, decimals, &again, NULL));
      g_assert_cmpint (again, ==, value);

      formatted = lb_money_format (value, decimals);
      g_assert_cmpstr (formatted, ==, cases[i].formatted);
      g_assert_true (lb_money_parse (formatted, decimals, &again, NULL));
      g_assert_cmpint (again, ==, value);
    }
}

static void
test_money_signed (void)
{
  g_autofree char *min_eur = lb_money_format (G_MININT64, 2);
  g_autofree char *min_jpy = lb_money_format (G_MININT64, 0);
  g_autofree char *small = lb_money_format (-5, 2);
  g_autofree char *whole = lb_money_format (-100, 0);
  g_autofree char *kwd = lb_money_format (-1, 3);
  gint64 value = 0;

  g_assert_cmpstr (min_eur, ==, "-92233720368547758.08");
  g_assert_cmpstr (min_jpy, ==, "-9223372036854775808");
  g_assert_cmpstr (small, ==, "-0.05");
  g_assert_cmpstr (whole, ==, "-100");
  g_assert_cmpstr (kwd, ==, "-0.001");

  g_assert_true (lb_money_parse_signed ("-0.05", 2, &value, NULL));
  g_assert_cmpint (value, ==, -5);
  g_assert_true (lb_money_parse_signed ("-.5", 2, &value, NULL));
  g_assert_cmpint (value, ==, -50);
  g_assert_true (lb_money_parse_signed ("-0", 2, &value, NULL));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (lb_money_parse_signed ("12.34", 2, &value, NULL));
  g_assert_cmpint (value, ==, 1234);
  g_assert_true (lb_money_parse_signed ("-92233720368547758.07", 2, &value, NULL));
  g_assert_cmpint (value, ==, -G_MAXINT64);

  g_assert_false (lb_money_parse_signed ("-92233720368547758.08", 2, &value, NULL));
  g_assert_false (lb_money_parse_signed ("-", 2, &value, NULL));
  g_assert_false (lb_money_parse_signed ("--1", 2, &value, NULL));
  g_assert_false (lb_money_parse_signed ("+1", 2, &value, NULL));
  g_assert_false (lb_money_parse_signed ("1-", 2, &value, NULL));
  g_assert_false (lb_money_parse_signed ("-1.234", 2, &value, NULL));
}

static void
test_money_refusals (void)
{
  const struct
  {
    const char *text;
    const char *currency;
    const char *message;
  } too_precise[] = {
    { "1.234", "EUR", "“1.234” has more decimals than EUR allows (2)" },
    { "0.001", "EUR", "EUR allows (2)" },
    { "1.5", "JPY", "“1.5” has more decimals than JPY allows (0)" },
    { "100.01", "JPY", "JPY allows (0)" },
    { "1.2345", "KWD", "“1.2345” has more decimals than KWD allows (3)" },
    { "1.230", "EUR", "“1.230” has more decimals than EUR allows (2)" },
    { "100.00", "JPY", "“100.00” has more decimals than JPY allows (0)" },
  };
  const char *not_numbers[] = {
    "1,5", "1e3", "1E3", " 1", "1 ", "1 000", ".", "+1", "1.2.3", "abc", "0x10",
    "１", "1.5€", "€1", "-", "1-", "1\n", "--1", "inf", "nan",
  };

  for (guint i = 0; i < G_N_ELEMENTS (too_precise); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 42;
      gboolean ok = lb_money_parse_for_currency (too_precise[i].text, too_precise[i].currency,
                                                 &value, &error);

      assert_refused (ok, error, too_precise[i].text, too_precise[i].message);
      g_assert_cmpint (value, ==, 42);
    }

  assert_money_refused ("1.234", 2, "“1.234” has more decimals than allowed (2)");
  assert_money_refused ("1.5", 0, "(0)");

  for (guint i = 0; i < G_N_ELEMENTS (not_numbers); i++)
    assert_money_refused (not_numbers[i], 2, "is not an amount");

  assert_money_refused ("", 2, "empty");
  assert_money_refused (NULL, 2, "empty");
  assert_money_refused ("-1", 2, "negative");
  assert_money_refused ("-0", 2, "negative");
  assert_money_refused ("-0.01", 2, "negative");

  /* Too large: the digits themselves, or once scaled to minor units. */
  assert_money_refused ("99999999999999999999", 0, "Amount too large");
  assert_money_refused ("99999999999999999999", 2, "Amount too large");
  assert_money_refused ("9223372036854775808", 0, "Amount too large");
  assert_money_refused ("92233720368547758.08", 2, "Amount too large");
  assert_money_refused ("92233720368547759", 2, "Amount too large");
  assert_money_refused ("9223372036854775.808", 3, "Amount too large");
  assert_money_refused ("184467440737095516160", 0, "Amount too large");

  /* Text that is not UTF-8 still makes a valid message. */
  {
    g_autoptr(GError) error = NULL;
    gint64 value;

    g_assert_false (lb_money_parse ("1\xff", 2, &value, &error));
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }
}

static void
test_quantity (void)
{
  const struct
  {
    const char *text;
    gint64      value;
    const char *formatted;
  } good[] = {
    { "1.5", 1500, "1.5" },
    { "0.001", 1, "0.001" },
    { "2", 2000, "2" },
    { "2.000", 2000, "2" },
    { "1.23", 1230, "1.23" },
    { "0", 0, "0" },
    { ".25", 250, "0.25" },
    { "1000000", 1000000000, "1000000" },
  };
  g_autofree char *negative = lb_quantity_format (-1500);
  g_autofree char *min = lb_quantity_format (G_MININT64);
  gint64 value = 42;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *formatted = NULL;

      g_assert_true (lb_quantity_parse (good[i].text, &value, NULL));
      g_assert_cmpint (value, ==, good[i].value);
      formatted = lb_quantity_format (value);
      g_assert_cmpstr (formatted, ==, good[i].formatted);
    }

  g_assert_cmpstr (negative, ==, "-1.5");
  g_assert_cmpstr (min, ==, "-9223372036854775.808");

  assert_quantity_refused ("0.0001", "3 decimals");
  assert_quantity_refused ("1.0000", "3 decimals");
  assert_quantity_refused ("-1", "negative");
  assert_quantity_refused ("1,5", "not a quantity");
  assert_quantity_refused ("9223372036854776", "Quantity too large");
  assert_quantity_refused ("", "empty");
}

static void
test_percent (void)
{
  const struct
  {
    const char *text;
    gint64      value;
    const char *formatted;
  } good[] = {
    { "12.5", 1250, "12.5" },
    { "20", 2000, "20" },
    { "5.5", 550, "5.5" },
    { "0.01", 1, "0.01" },
    { "100", 10000, "100" },
    { "0", 0, "0" },
    { "12.50", 1250, "12.5" },
  };
  gint64 value = 42;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *formatted = NULL;

      g_assert_true (lb_percent_parse (good[i].text, &value, NULL));
      g_assert_cmpint (value, ==, good[i].value);
      formatted = lb_percent_format (value);
      g_assert_cmpstr (formatted, ==, good[i].formatted);
    }

  assert_percent_refused ("12.345", "2 decimals");
  assert_percent_refused ("12.500", "2 decimals");
  assert_percent_refused ("-5", "negative");
  assert_percent_refused ("5%", "not a percentage");
  assert_percent_refused ("99999999999999999999", "Percentage too large");
  assert_percent_refused ("", "empty");
}

static void
test_div_round (void)
{
  const struct
  {
    gint64 numerator;
    gint64 denominator;
    gint64 expected;
  } cases[] = {
    { 5, 10, 1 },
    { -5, 10, -1 },
    { 5, -10, -1 },
    { -5, -10, 1 },
    { 4, 10, 0 },
    { -4, 10, 0 },
    { 6, 10, 1 },
    { -6, 10, -1 },
    { 15, 10, 2 },
    { -15, 10, -2 },
    { 25, 10, 3 },
    { -25, 10, -3 },
    { 14, 10, 1 },
    { -14, 10, -1 },
    { 0, 7, 0 },
    { 1, 3, 0 },
    { 2, 3, 1 },
    { -2, 3, -1 },
    { 499, 1000, 0 },
    { 500, 1000, 1 },
    { G_MAXINT64, 1, G_MAXINT64 },
    { G_MININT64, 1, G_MININT64 },
    { G_MAXINT64, 2, G_GINT64_CONSTANT (4611686018427387904) },
    { G_MININT64, 2, G_GINT64_CONSTANT (-4611686018427387904) },
    { G_MININT64 + 1, 2, G_GINT64_CONSTANT (-4611686018427387904) },
    { G_MININT64, G_MININT64, 1 },
    { G_MAXINT64, G_MININT64, -1 },
    { 1, G_MININT64, 0 },
    { G_MAXINT64, G_MAXINT64, 1 },
    { G_MAXINT64 / 2, G_MAXINT64, 0 },
    { G_MAXINT64 / 2 + 1, G_MAXINT64, 1 },
  };
  gint64 value = 42;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                      cases[i].numerator, cases[i].denominator);
      g_assert_true (lb_money_div_round (cases[i].numerator, cases[i].denominator, &value));
      g_assert_cmpint (value, ==, cases[i].expected);
    }

  value = 42;
  g_assert_false (lb_money_div_round (G_MININT64, -1, &value));
  g_assert_cmpint (value, ==, 42);
}

static void
test_mul_div_round (void)
{
  const struct
  {
    gint64 a;
    gint64 b;
    gint64 denominator;
    gint64 expected;
  } cases[] = {
    { 1500, 333, 1000, 500 },                 /* 499.5 */
    { -1500, 333, 1000, -500 },
    { 1, 499, 1000, 0 },                      /* 0.499 */
    { 1, 4990, 10000, 0 },
    { 1, 5000, 10000, 1 },                    /* 0.5 */
    { 5, 1250, 10000, 1 },                    /* 0.625 */
    { 3, 1250, 10000, 0 },                    /* 0.375 */
    { G_MAXINT64, 1000, 1000, G_MAXINT64 },   /* 128-bit product */
    { G_MAXINT64, G_MAXINT64, G_MAXINT64, G_MAXINT64 },
    { G_MININT64, G_MININT64, G_MININT64, G_MININT64 },
    { G_MININT64, -1, 2, G_GINT64_CONSTANT (4611686018427387904) },
    { G_MAXINT64, 10000, 20000, G_GINT64_CONSTANT (4611686018427387904) },
    { G_GINT64_CONSTANT (1000000000000), 1000000000, 1000, G_GINT64_CONSTANT (1000000000000000000) },
  };
  gint64 value = 42;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT,
                      cases[i].a, cases[i].b, cases[i].denominator);
      g_assert_true (lb_money_mul_div_round (cases[i].a, cases[i].b, cases[i].denominator,
                                             &value));
      g_assert_cmpint (value, ==, cases[i].expected);
    }

  value = 42;
  g_assert_false (lb_money_mul_div_round (G_MAXINT64, 2000, 1000, &value));
  g_assert_false (lb_money_mul_div_round (G_MAXINT64, G_MAXINT64, 1, &value));
  g_assert_false (lb_money_mul_div_round (G_MININT64, -1, 1, &value));
  g_assert_false (lb_money_mul_div_round (G_MAXINT64 / 1000 + 1, 1000000, 1000, &value));
  g_assert_cmpint (value, ==, 42);
}

static void
test_checked (void)
{
  const gint64 half = G_GINT64_CONSTANT (4611686018427387904);   /* 2^62 */
  gint64 value;

  value = 42;
  g_assert_false (lb_money_add (G_MAXINT64, 1, &value));
  g_assert_false (lb_money_add (1, G_MAXINT64, &value));
  g_assert_false (lb_money_add (G_MININT64, -1, &value));
  g_assert_false (lb_money_add (G_MAXINT64, G_MAXINT64, &value));
  g_assert_false (lb_money_add (G_MININT64, G_MININT64, &value));
  g_assert_false (lb_money_sub (G_MININT64, 1, &value));
  g_assert_false (lb_money_sub (G_MAXINT64, -1, &value));
  g_assert_false (lb_money_sub (0, G_MININT64, &value));
  g_assert_false (lb_money_mul (G_MAXINT64, 2, &value));
  g_assert_false (lb_money_mul (G_MININT64, -1, &value));
  g_assert_false (lb_money_mul (-1, G_MININT64, &value));
  g_assert_false (lb_money_mul (half, 2, &value));
  g_assert_false (lb_money_mul (G_GINT64_CONSTANT (3037000500), G_GINT64_CONSTANT (3037000500),
                                &value));
  g_assert_cmpint (value, ==, 42);

  g_assert_true (lb_money_add (G_MAXINT64, 0, &value));
  g_assert_cmpint (value, ==, G_MAXINT64);
  g_assert_true (lb_money_add (G_MAXINT64 - 1, 1, &value));
  g_assert_cmpint (value, ==, G_MAXINT64);
  g_assert_true (lb_money_add (G_MININT64, G_MAXINT64, &value));
  g_assert_cmpint (value, ==, -1);
  g_assert_true (lb_money_add (G_MININT64 + 1, -1, &value));
  g_assert_cmpint (value, ==, G_MININT64);
  g_assert_true (lb_money_sub (-1, G_MININT64, &value));
  g_assert_cmpint (value, ==, G_MAXINT64);
  g_assert_true (lb_money_sub (G_MININT64 + 1, 1, &value));
  g_assert_cmpint (value, ==, G_MININT64);
  g_assert_true (lb_money_mul (-half, 2, &value));
  g_assert_cmpint (value, ==, G_MININT64);
  g_assert_true (lb_money_mul (G_MININT64, 1, &value));
  g_assert_cmpint (value, ==, G_MININT64);
  g_assert_true (lb_money_mul (G_GINT64_CONSTANT (3037000499), G_GINT64_CONSTANT (3037000499),
                               &value));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (9223372030926249001));
  g_assert_true (lb_money_mul (12345, 1000, &value));
  g_assert_cmpint (value, ==, 12345000);
}

static void
test_too_large_error (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lb_money_set_too_large_error (&error));
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Amount too large"));
  g_assert_false (lb_money_set_too_large_error (NULL));
}

static void
test_format_locale_c (void)
{
  g_autofree char *eur = NULL;
  g_autofree char *small = NULL;
  g_autofree char *jpy = NULL;
  g_autofree char *kwd = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *min = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));

  eur = lb_money_format_locale (123450, 2, "EUR");
  small = lb_money_format_locale (-5, 2, "EUR");
  jpy = lb_money_format_locale (1234567, 0, "JPY");
  kwd = lb_money_format_locale (1234, 3, "KWD");
  bare = lb_money_format_locale (100, 2, NULL);
  min = lb_money_format_locale (G_MININT64, 2, "");

  g_assert_cmpstr (eur, ==, "1234.50 EUR");
  g_assert_cmpstr (small, ==, "-0.05 EUR");
  g_assert_cmpstr (jpy, ==, "1234567 JPY");
  g_assert_cmpstr (kwd, ==, "1.234 KWD");
  g_assert_cmpstr (bare, ==, "1.00");
  g_assert_cmpstr (min, ==, "-92233720368547758.08");
}

/* Switches to @locale_name, or marks the test skipped when the system
 * lacks it. */
static gboolean
use_locale (const char *locale_name)
{
  if (setlocale (LC_ALL, locale_name) == NULL)
    {
      g_autofree char *why = g_strdup_printf ("the %s locale is not installed", locale_name);

      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip (why);
      return FALSE;
    }

  return TRUE;
}

static void
test_format_locale_de (void)
{
  g_autofree char *eur = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *kwd = NULL;
  g_autofree char *jpy = NULL;
  g_autofree char *small = NULL;

  if (!use_locale ("de_DE.UTF-8"))
    return;

  eur = lb_money_format_locale (123450, 2, "EUR");
  negative = lb_money_format_locale (-123456789, 2, "EUR");
  kwd = lb_money_format_locale (1234567891, 3, "KWD");
  jpy = lb_money_format_locale (1234567, 0, "JPY");
  small = lb_money_format_locale (99, 2, "EUR");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (eur, ==, "1.234,50 EUR");
  g_assert_cmpstr (negative, ==, "-1.234.567,89 EUR");
  g_assert_cmpstr (kwd, ==, "1.234.567,891 KWD");
  g_assert_cmpstr (jpy, ==, "1.234.567 JPY");
  g_assert_cmpstr (small, ==, "0,99 EUR");
}

static void
test_format_locale_en (void)
{
  g_autofree char *eur = NULL;
  g_autofree char *big = NULL;

  if (!use_locale ("en_US.UTF-8"))
    return;

  eur = lb_money_format_locale (123450, 2, "EUR");
  big = lb_money_format_locale (G_MAXINT64, 2, "USD");
  setlocale (LC_ALL, "C.UTF-8");

  g_assert_cmpstr (eur, ==, "1,234.50 EUR");
  g_assert_cmpstr (big, ==, "92,233,720,368,547,758.07 USD");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/currency-decimals", test_currency_decimals);
  g_test_add_func ("/money/round-trip", test_money_round_trip);
  g_test_add_func ("/money/signed", test_money_signed);
  g_test_add_func ("/money/refusals", test_money_refusals);
  g_test_add_func ("/money/quantity", test_quantity);
  g_test_add_func ("/money/percent", test_percent);
  g_test_add_func ("/money/div-round", test_div_round);
  g_test_add_func ("/money/mul-div-round", test_mul_div_round);
  g_test_add_func ("/money/checked", test_checked);
  g_test_add_func ("/money/too-large-error", test_too_large_error);
  g_test_add_func ("/money/format-locale/c", test_format_locale_c);
  g_test_add_func ("/money/format-locale/de", test_format_locale_de);
  g_test_add_func ("/money/format-locale/en", test_format_locale_en);

  return g_test_run ();
}
