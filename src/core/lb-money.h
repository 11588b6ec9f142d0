#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exact money (SPEC 3.7).  No floating point anywhere:
 *
 *  - amounts are gint64 counts of the currency's minor unit (cents);
 *  - quantities are gint64 thousandths (1.5 → 1500);
 *  - rates and percentages are gint64 basis points (12.5% → 1250).
 *
 * Text in and out (CLI, CSV, JSON) uses a dot as the decimal separator.
 * The parsers accept an optional run of digits, an optional dot and an
 * optional run of decimals, with at least one digit in all: "5", "5.50",
 * "5." and ".5" are accepted; "", ".", " 5", "5 ", "1,5", "1e3", "+5" and
 * anything else are refused.  A leading '-' is accepted only by
 * lb_money_parse_signed().  More decimals than allowed are refused, zeros
 * too ("1.234" and "1.230" for EUR; "100.00" for JPY), never rounded.  A value
 * whose magnitude does not fit in a gint64 is refused ("Amount too large").
 * Every refusal is an LB_INPUT_ERROR_INVALID with a message naming the text.
 *
 * The checked helpers return FALSE instead of a wrapped number; the
 * caller reports it with lb_money_set_too_large_error(). */

#define LB_MONEY_MAX_DECIMALS 18

/* Currencies (ISO 4217). */

guint     lb_currency_decimals         (const char  *code);

/* Parsing. */

gboolean  lb_money_parse               (const char  *text,
                                        guint        decimals,
                                        gint64      *out,
                                        GError     **error);
gboolean  lb_money_parse_signed        (const char  *text,
                                        guint        decimals,
                                        gint64      *out,
                                        GError     **error);
gboolean  lb_money_parse_for_currency  (const char  *text,
                                        const char  *currency_code,
                                        gint64      *out,
                                        GError     **error);
gboolean  lb_quantity_parse            (const char  *text,
                                        gint64      *out,
                                        GError     **error);
gboolean  lb_percent_parse             (const char  *text,
                                        gint64      *out,
                                        GError     **error);

/* Formatting. */

char     *lb_money_format              (gint64       amount,
                                        guint        decimals);
char     *lb_money_format_locale       (gint64       amount,
                                        guint        decimals,
                                        const char  *currency_code);
char     *lb_quantity_format           (gint64       thousandths);
char     *lb_percent_format            (gint64       basis_points);

/* The user's locale: its decimal point, and a number written with a dot
 * ("1234.5", from the formatters above) given that point instead. */
const char *lb_locale_decimal_point    (void);
char     *lb_number_localize           (char        *text);

/* Checked arithmetic. */

gboolean  lb_money_add                 (gint64       a,
                                        gint64       b,
                                        gint64      *out);
gboolean  lb_money_sub                 (gint64       a,
                                        gint64       b,
                                        gint64      *out);
gboolean  lb_money_mul                 (gint64       a,
                                        gint64       b,
                                        gint64      *out);
gboolean  lb_money_div_round           (gint64       numerator,
                                        gint64       denominator,
                                        gint64      *out);
gboolean  lb_money_mul_div_round       (gint64       a,
                                        gint64       b,
                                        gint64       denominator,
                                        gint64      *out);

gboolean  lb_money_set_too_large_error (GError     **error);

G_END_DECLS
