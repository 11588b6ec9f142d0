#include "config.h"

#include "lb-error.h"
#include "lb-validate.h"

#include <string.h>

static void
test_email (void)
{
  const char *good[] = { "a@b.co", "first.last+tag@sub.example.org", "X_Y@ex-ample.com", NULL };
  const char *bad[] = { "plain", "@b.co", "a@", "a@b", "a@@b.co", "a b@c.co", ".a@b.co",
                        "a.@b.co", "a..b@c.co", "a@-b.co", "a@b..co", "a@b.co.", NULL };

  g_assert_true (lb_validate_email (NULL, NULL));
  g_assert_true (lb_validate_email ("", NULL));
  for (guint i = 0; good[i]; i++)
    g_assert_true (lb_validate_email (good[i], NULL));
  for (guint i = 0; bad[i]; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lb_validate_email (bad[i], &error));
      g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_phone (void)
{
  g_autofree char *digits = lb_phone_digits ("+1 (555) 123-45.67");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (digits, ==, "15551234567");
  g_assert_true (lb_validate_phone ("+1 (555) 123-45.67", NULL));
  g_assert_true (lb_validate_phone ("1234567", NULL));
  g_assert_true (lb_validate_phone ("123456789012345", NULL));
  g_assert_false (lb_validate_phone ("123456", &error));
  g_assert_nonnull (strstr (error->message, "7 to 15"));
  g_clear_error (&error);
  g_assert_false (lb_validate_phone ("1234567890123456", NULL));
  g_assert_false (lb_validate_phone ("555-CALL-NOW", NULL));
  g_assert_false (lb_validate_phone ("12+34567890", NULL));
  g_assert_true (lb_validate_phone (NULL, NULL));
}

static void
test_tin (void)
{
  g_assert_true (lb_validate_tin ("123456789", NULL));
  g_assert_true (lb_validate_tin ("1234567890", NULL));
  g_assert_true (lb_validate_tin ("123456789012", NULL));
  g_assert_true (lb_validate_tin ("", NULL));
  g_assert_false (lb_validate_tin ("12345678", NULL));
  g_assert_false (lb_validate_tin ("12345678901", NULL));
  g_assert_false (lb_validate_tin ("1234567890123", NULL));
  g_assert_false (lb_validate_tin ("12345678a", NULL));
  g_assert_false (lb_validate_tin ("123 456 789", NULL));
}

static void
test_website (void)
{
  g_autofree char *bare = lb_normalize_website ("example.com", NULL);
  g_autofree char *http = lb_normalize_website ("http://example.com/path", NULL);
  g_autofree char *empty = lb_normalize_website ("", NULL);
  g_autoptr(GError) error = NULL;
  char *bad;

  g_assert_cmpstr (bare, ==, "https://example.com");
  g_assert_cmpstr (http, ==, "http://example.com/path");
  g_assert_null (empty);

  bad = lb_normalize_website ("ftp://example.com", &error);
  g_assert_null (bad);
  g_assert_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  bad = lb_normalize_website ("not a site", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_clear_error (&error);
  bad = lb_normalize_website ("localhost", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
}

static void
test_dates (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_assert_true (lb_parse_date ("2026-02-28", &date, NULL));
  g_assert_cmpint (g_date_get_day (&date), ==, 28);
  g_assert_false (lb_parse_date ("2026-02-30", &date, NULL));
  g_assert_false (lb_parse_date ("2026-2-3", &date, NULL));
  g_assert_false (lb_parse_date ("2026-02-28x", &date, NULL));
  g_assert_false (lb_parse_date ("yesterday", &date, NULL));
  g_assert_false (lb_parse_date (NULL, &date, NULL));

  g_assert_true (lb_parse_date ("2026-11-25", &date, NULL));
  /* TZ=UTC in the test environment. */
  g_assert_cmpint (lb_date_to_unix_start (&date), ==, 1795564800);
  text = lb_format_date (1795564800 + 3600);
  g_assert_cmpstr (text, ==, "2026-11-25");
}

static void
test_normalize_text (void)
{
  g_autofree char *a = lb_normalize_text ("  Ann \t");
  g_autofree char *b = lb_normalize_text ("   ");

  g_assert_cmpstr (a, ==, "Ann");
  g_assert_null (b);
  g_assert_null (lb_normalize_text (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/tin", test_tin);
  g_test_add_func ("/validate/website", test_website);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/normalize-text", test_normalize_text);

  return g_test_run ();
}
