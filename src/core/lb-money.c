#define G_LOG_DOMAIN "lb-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lb-error.h"
#include "lb-money.h"

#ifndef __SIZEOF_INT128__
# error "lb-money needs a compiler with 128-bit integers (__int128)"
#endif

typedef __int128 LbInt128;

/* What kind of number a parser reads; picks the messages. */
typedef enum
{
  NUMBER_AMOUNT,
  NUMBER_QUANTITY,
  NUMBER_PERCENT,
} NumberKind;

typedef enum
{
  PARSE_OK,
  PARSE_EMPTY,
  PARSE_SYNTAX,
  PARSE_NEGATIVE,
  PARSE_DECIMALS,
  PARSE_TOO_LARGE,
} ParseResult;

/* ISO 4217 currencies whose minor unit is not the hundredth. */
static const struct
{
  const char code[4];
  guint      decimals;
} currency_exceptions[] = {
  { "BHD", 3 }, { "BIF", 0 }, { "CLF", 4 }, { "CLP", 0 }, { "DJF", 0 },
  { "GNF", 0 }, { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 },
  { "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
  { "PYG", 0 }, { "RWF", 0 }, { "TND", 3 }, { "UGX", 0 }, { "UYI", 0 },
  { "UYW", 4 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 },
  { "XPF", 0 },
};

static const guint64 powers_of_ten[LB_MONEY_MAX_DECIMALS + 1] = {
  G_GUINT64_CONSTANT (1),
  G_GUINT64_CONSTANT (10),
  G_GUINT64_CONSTANT (100),
  G_GUINT64_CONSTANT (1000),
  G_GUINT64_CONSTANT (10000),
  G_GUINT64_CONSTANT (100000),
  G_GUINT64_CONSTANT (1000000),
  G_GUINT64_CONSTANT (10000000),
  G_GUINT64_CONSTANT (100000000),
  G_GUINT64_CONSTANT (1000000000),
  G_GUINT64_CONSTANT (10000000000),
  G_GUINT64_CONSTANT (100000000000),
  G_GUINT64_CONSTANT (1000000000000),
  G_GUINT64_CONSTANT (10000000000000),
  G_GUINT64_CONSTANT (100000000000000),
  G_GUINT64_CONSTANT (1000000000000000),
  G_GUINT64_CONSTANT (10000000000000000),
  G_GUINT64_CONSTANT (100000000000000000),
  G_GUINT64_CONSTANT (1000000000000000000),
};

/* helpers */

/* |value| without overflow, G_MININT64 included. */
static guint64
magnitude (gint64 value)
{
  return value < 0 ? G_GUINT64_CONSTANT (0) - (guint64)value : (guint64)value;
}

/* Reads [-]digits[.digits] into @decimals-scaled units.  Checks, in this
 * order: syntax, sign, significant decimals, range. */
static ParseResult
parse_decimal (const char *text,
               guint       decimals,
               gboolean    allow_negative,
               gint64     *out)
{
  const char *p = text;
  const char *int_start;
  const char *int_end;
  const char *frac_start = NULL;
  const char *frac_end = NULL;
  gboolean negative = FALSE;
  gsize n_decimals = 0;
  guint64 value = 0;

  g_assert (decimals <= LB_MONEY_MAX_DECIMALS);

  if (text == NULL || *text == '\0')
    return PARSE_EMPTY;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  int_start = p;
  while (g_ascii_isdigit (*p))
    p++;
  int_end = p;

  if (*p == '.')
    {
      frac_start = ++p;
      while (g_ascii_isdigit (*p))
        p++;
      frac_end = p;
    }

  if (*p != '\0')
    return PARSE_SYNTAX;
  if (int_end == int_start && frac_end == frac_start)
    return PARSE_SYNTAX;

  if (negative && !allow_negative)
    return PARSE_NEGATIVE;

  /* More decimals than allowed are refused, even zeros: the input says
   * more than the amount can hold (SPEC 3.7), and nothing is rounded. */
  if (frac_start != NULL)
    {
      n_decimals = frac_end - frac_start;
      if (n_decimals > decimals)
        return PARSE_DECIMALS;
    }

  for (const char *d = int_start; d < int_end; d++)
    {
      if (__builtin_mul_overflow (value, 10, &value) ||
          __builtin_add_overflow (value, (guint64)(*d - '0'), &value))
        return PARSE_TOO_LARGE;
    }

  for (guint i = 0; i < decimals; i++)
    {
      guint64 digit = 0;

      if (i < n_decimals)
        digit = frac_start[i] - '0';
      if (__builtin_mul_overflow (value, 10, &value) ||
          __builtin_add_overflow (value, digit, &value))
        return PARSE_TOO_LARGE;
    }

  if (value > (guint64)G_MAXINT64)
    return PARSE_TOO_LARGE;

  *out = negative ? -(gint64)value : (gint64)value;

  return PARSE_OK;
}

static void
set_parse_error (GError      **error,
                 ParseResult   result,
                 NumberKind    kind,
                 const char   *text,
                 guint         decimals,
                 const char   *currency_code)
{
  g_autofree char *shown = NULL;
  const char *message = NULL;

  g_assert (result != PARSE_OK);

  if (error == NULL)
    return;

  shown = g_utf8_make_valid (text != NULL ? text : "", -1);

  switch (result)
    {
    case PARSE_EMPTY:
      if (kind == NUMBER_QUANTITY)
        message = _("The quantity is empty. Type a number such as 1.5.");
      else if (kind == NUMBER_PERCENT)
        message = _("The percentage is empty. Type a number such as 12.5.");
      else
        message = _("The amount is empty. Type a number such as 1234.50.");
      g_set_error_literal (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, message);
      return;

    case PARSE_SYNTAX:
      if (kind == NUMBER_QUANTITY)
        message = _("“%s” is not a quantity. Type a number with a dot for decimals, such as 1.5.");
      else if (kind == NUMBER_PERCENT)
        message = _("“%s” is not a percentage. Type a number with a dot for decimals, "
                    "such as 12.5.");
      else
        message = _("“%s” is not an amount. Type a number with a dot for decimals, "
                    "such as 1234.50.");
      break;

    case PARSE_NEGATIVE:
      if (kind == NUMBER_QUANTITY)
        message = _("The quantity “%s” is negative; it must be 0 or more.");
      else if (kind == NUMBER_PERCENT)
        message = _("The percentage “%s” is negative; it must be 0 or more.");
      else
        message = _("The amount “%s” is negative; it must be 0 or more.");
      break;

    case PARSE_DECIMALS:
      if (kind == NUMBER_QUANTITY)
        message = _("“%s” has more than 3 decimals; quantities are exact to 0.001.");
      else if (kind == NUMBER_PERCENT)
        message = _("“%s” has more than 2 decimals; percentages are exact to 0.01.");
      else if (currency_code != NULL)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("“%s” has more decimals than %s allows (%u)."),
                       shown, currency_code, decimals);
          return;
        }
      else
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("“%s” has more decimals than allowed (%u)."),
                       shown, decimals);
          return;
        }
      break;

    case PARSE_TOO_LARGE:
      if (kind == NUMBER_QUANTITY)
        message = _("Quantity too large: “%s”.");
      else if (kind == NUMBER_PERCENT)
        message = _("Percentage too large: “%s”.");
      else
        message = _("Amount too large: “%s”.");
      break;

    case PARSE_OK:
    default:
      g_assert_not_reached ();
    }

  g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID, message, shown);
}

static gboolean
parse_number (const char  *text,
              NumberKind   kind,
              guint        decimals,
              gboolean     allow_negative,
              const char  *currency_code,
              gint64      *out,
              GError     **error)
{
  ParseResult result;
  gint64 value = 0;

  result = parse_decimal (text, decimals, allow_negative, &value);
  if (result != PARSE_OK)
    {
      set_parse_error (error, result, kind, text, decimals, currency_code);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

/* "-1234.50" for @decimals 2; with @trim, trailing decimal zeros (and a
 * dot left alone) go: "1.5", "2". */
static char *
format_scaled (gint64   value,
               guint    decimals,
               gboolean trim)
{
  guint64 abs_value = magnitude (value);
  const char *sign = value < 0 ? "-" : "";
  guint64 scale = powers_of_ten[decimals];
  guint64 units = abs_value / scale;
  guint64 fraction = abs_value % scale;
  char *text;

  if (decimals == 0 || (trim && fraction == 0))
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, units);

  text = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          sign, units, (int)decimals, fraction);
  if (trim)
    {
      gsize len = strlen (text);

      while (text[len - 1] == '0')
        text[--len] = '\0';
    }

  return text;
}

/* round (n / d), halves away from zero, if it fits a gint64.  |n| is at
 * most 2^126 (a product of two gint64), so nothing here overflows. */
static gboolean
div_round_128 (LbInt128  numerator,
               LbInt128  denominator,
               gint64   *out)
{
  LbInt128 quotient = numerator / denominator;
  LbInt128 remainder = numerator % denominator;
  LbInt128 abs_remainder = remainder < 0 ? -remainder : remainder;
  LbInt128 abs_denominator = denominator < 0 ? -denominator : denominator;

  if (2 * abs_remainder >= abs_denominator)
    quotient += ((numerator < 0) != (denominator < 0)) ? -1 : 1;

  if (quotient > G_MAXINT64 || quotient < G_MININT64)
    return FALSE;

  *out = (gint64)quotient;

  return TRUE;
}

/* The same in 64 bits, for the common case where the product fits. */
static gboolean
div_round_64 (gint64  numerator,
              gint64  denominator,
              gint64 *out)
{
  gint64 quotient;
  gint64 abs_remainder;
  gint64 abs_denominator;

  if (numerator == G_MININT64 || denominator == G_MININT64)
    return div_round_128 (numerator, denominator, out);

  quotient = numerator / denominator;
  abs_remainder = ABS (numerator % denominator);
  abs_denominator = ABS (denominator);

  /* |denominator| ≥ 2 whenever there is a remainder, so |quotient| ≤
   * 2^62 and the step cannot overflow. */
  if (abs_remainder >= abs_denominator - abs_remainder)
    quotient += ((numerator < 0) != (denominator < 0)) ? -1 : 1;

  *out = quotient;

  return TRUE;
}

/* public API */

/**
 * lb_currency_decimals:
 * @code: an ISO 4217 code such as "EUR" (any case)
 *
 * Returns: the number of decimals of the currency's minor unit: 0 for
 *   JPY, KRW, ISK, CLP, VND, …, 3 for KWD, BHD, JOD, OMR, TND, LYD, IQD,
 *   2 for most others and for any code not known here.
 */
guint
lb_currency_decimals (const char *code)
{
  if (code == NULL)
    return 2;

  for (guint i = 0; i < G_N_ELEMENTS (currency_exceptions); i++)
    if (g_ascii_strcasecmp (code, currency_exceptions[i].code) == 0)
      return currency_exceptions[i].decimals;

  return 2;
}

/**
 * lb_money_parse:
 * @text: an amount such as "1234.50"
 * @decimals: the currency's number of decimals
 * @out: (out): the amount in minor units
 *
 * Reads an amount that must be 0 or more (see the header for the syntax).
 *
 * Returns: %TRUE and sets @out, or %FALSE and sets @error.
 */
gboolean
lb_money_parse (const char  *text,
                guint        decimals,
                gint64      *out,
                GError     **error)
{
  g_return_val_if_fail (decimals <= LB_MONEY_MAX_DECIMALS, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return parse_number (text, NUMBER_AMOUNT, decimals, FALSE, NULL, out, error);
}

/**
 * lb_money_parse_signed:
 *
 * Like lb_money_parse(), but a leading '-' is allowed.
 */
gboolean
lb_money_parse_signed (const char  *text,
                       guint        decimals,
                       gint64      *out,
                       GError     **error)
{
  g_return_val_if_fail (decimals <= LB_MONEY_MAX_DECIMALS, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return parse_number (text, NUMBER_AMOUNT, decimals, TRUE, NULL, out, error);
}

/**
 * lb_money_parse_for_currency:
 * @currency_code: an ISO 4217 code; its decimals apply and it is named in
 *   the message when @text has too many decimals
 *
 * Like lb_money_parse() with lb_currency_decimals (@currency_code).
 */
gboolean
lb_money_parse_for_currency (const char  *text,
                             const char  *currency_code,
                             gint64      *out,
                             GError     **error)
{
  g_return_val_if_fail (currency_code != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return parse_number (text, NUMBER_AMOUNT, lb_currency_decimals (currency_code), FALSE,
                       currency_code, out, error);
}

/**
 * lb_quantity_parse:
 * @out: (out): the quantity in thousandths ("1.5" → 1500)
 *
 * Reads a quantity of 0 or more with up to 3 decimals.
 */
gboolean
lb_quantity_parse (const char  *text,
                   gint64      *out,
                   GError     **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  return parse_number (text, NUMBER_QUANTITY, 3, FALSE, NULL, out, error);
}

/**
 * lb_percent_parse:
 * @out: (out): the percentage in basis points ("12.5" → 1250)
 *
 * Reads a percentage of 0 or more with up to 2 decimals.  It sets no
 * upper limit: whether more than 100 makes sense is the caller's rule.
 */
gboolean
lb_percent_parse (const char  *text,
                  gint64      *out,
                  GError     **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  return parse_number (text, NUMBER_PERCENT, 2, FALSE, NULL, out, error);
}

/**
 * lb_money_format:
 *
 * Returns: (transfer full): @amount with exactly @decimals decimals and a
 *   dot, the CLI and CSV form: "1234.50", "-0.05", "100" (0 decimals).
 */
char *
lb_money_format (gint64 amount,
                 guint  decimals)
{
  g_return_val_if_fail (decimals <= LB_MONEY_MAX_DECIMALS, NULL);

  return format_scaled (amount, decimals, FALSE);
}

/**
 * lb_money_format_locale:
 * @currency_code: (nullable): appended after a space when given
 *
 * The GUI form: the C library's current LC_NUMERIC decimal point and
 * thousands grouping, e.g. "1,234.50 EUR" in en_US, "1.234,50 EUR" in
 * de_DE.  Integer arithmetic only.
 *
 * Returns: (transfer full): the formatted amount
 */
char *
lb_money_format_locale (gint64      amount,
                        guint       decimals,
                        const char *currency_code)
{
  guint64 abs_amount = magnitude (amount);
  guint64 scale;
  char units[64];
  g_autofree char *decimal_point = NULL;
  const struct lconv *conventions;
  GString *text;

  g_return_val_if_fail (decimals <= LB_MONEY_MAX_DECIMALS, NULL);

  scale = powers_of_ten[decimals];

  /* localeconv() returns a shared buffer: copy what we need at once. */
  conventions = localeconv ();
  if (conventions != NULL && conventions->decimal_point != NULL &&
      conventions->decimal_point[0] != '\0')
    decimal_point = g_strdup (conventions->decimal_point);
  else
    decimal_point = g_strdup (".");

  /* The ' flag groups digits as LC_NUMERIC says. */
  snprintf (units, sizeof units, "%'" G_GUINT64_FORMAT, abs_amount / scale);

  text = g_string_new (NULL);
  if (amount < 0)
    g_string_append_c (text, '-');
  g_string_append (text, units);
  if (decimals > 0)
    g_string_append_printf (text, "%s%0*" G_GUINT64_FORMAT,
                            decimal_point, (int)decimals, abs_amount % scale);
  if (currency_code != NULL && currency_code[0] != '\0')
    g_string_append_printf (text, " %s", currency_code);

  return g_string_free (text, FALSE);
}

/**
 * lb_quantity_format:
 *
 * Returns: (transfer full): "1.5", "2", "0.001" — no trailing zeros
 */
char *
lb_quantity_format (gint64 thousandths)
{
  return format_scaled (thousandths, 3, TRUE);
}

/**
 * lb_percent_format:
 *
 * Returns: (transfer full): "12.5", "20", "5.5" — no trailing zeros
 */
char *
lb_percent_format (gint64 basis_points)
{
  return format_scaled (basis_points, 2, TRUE);
}

/**
 * lb_money_add:
 * @out: (out): @a + @b, left untouched on overflow
 *
 * Returns: %FALSE if the result does not fit a gint64
 */
gboolean
lb_money_add (gint64  a,
              gint64  b,
              gint64 *out)
{
  gint64 result;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_add_overflow (a, b, &result))
    return FALSE;

  *out = result;

  return TRUE;
}

/**
 * lb_money_sub:
 * @out: (out): @a − @b, left untouched on overflow
 */
gboolean
lb_money_sub (gint64  a,
              gint64  b,
              gint64 *out)
{
  gint64 result;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_sub_overflow (a, b, &result))
    return FALSE;

  *out = result;

  return TRUE;
}

/**
 * lb_money_mul:
 * @out: (out): @a × @b, left untouched on overflow
 */
gboolean
lb_money_mul (gint64  a,
              gint64  b,
              gint64 *out)
{
  gint64 result;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_mul_overflow (a, b, &result))
    return FALSE;

  *out = result;

  return TRUE;
}

/**
 * lb_money_div_round:
 * @denominator: not 0
 * @out: (out): @numerator / @denominator rounded to the nearest integer,
 *   halves away from zero (5/10 → 1, −5/10 → −1, 15/10 → 2)
 *
 * Returns: %FALSE if the result does not fit (G_MININT64 / −1)
 */
gboolean
lb_money_div_round (gint64  numerator,
                    gint64  denominator,
                    gint64 *out)
{
  g_return_val_if_fail (denominator != 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return div_round_64 (numerator, denominator, out);
}

/**
 * lb_money_mul_div_round:
 * @denominator: not 0
 * @out: (out): round (@a × @b / @denominator), halves away from zero
 *
 * The product is kept in 128 bits, so it may exceed a gint64 as long as
 * the rounded quotient fits: e.g. round (quantity_thousandths ×
 * unit_price / 1000) or round (amount × basis_points / 10000).
 *
 * Returns: %FALSE if the result does not fit a gint64
 */
gboolean
lb_money_mul_div_round (gint64  a,
                        gint64  b,
                        gint64  denominator,
                        gint64 *out)
{
  gint64 product;

  g_return_val_if_fail (denominator != 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!__builtin_mul_overflow (a, b, &product))
    return div_round_64 (product, denominator, out);

  return div_round_128 ((LbInt128)a * b, denominator, out);
}

/**
 * lb_money_set_too_large_error:
 *
 * Sets the error for an overflow of a money computation.
 *
 * Returns: %FALSE, so `return lb_money_set_too_large_error (error);` reads well
 */
gboolean
lb_money_set_too_large_error (GError **error)
{
  g_set_error_literal (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("Amount too large: the result does not fit. "
                         "Use smaller quantities or prices."));
  return FALSE;
}

/**
 * lb_locale_decimal_point:
 *
 * Returns: the decimal point of the C library's current LC_NUMERIC, "."
 *   when it has none
 */
const char *
lb_locale_decimal_point (void)
{
  const struct lconv *conventions = localeconv ();

  if (conventions == NULL || conventions->decimal_point == NULL ||
      conventions->decimal_point[0] == '\0')
    return ".";
  return conventions->decimal_point;
}

/**
 * lb_number_localize:
 * @text: (transfer full): a number written with a dot ("1234.5")
 *
 * Returns: (transfer full): @text with the locale's decimal point, as
 *   the GUI shows quantities, rates and amounts for editing
 */
char *
lb_number_localize (char *text)
{
  g_auto(GStrv) parts = NULL;
  const char *point = lb_locale_decimal_point ();

  if (text == NULL || g_str_equal (point, "."))
    return text;

  parts = g_strsplit (text, ".", -1);
  g_free (text);
  return g_strjoinv (point, parts);
}
