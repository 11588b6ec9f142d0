#define G_LOG_DOMAIN "lb-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "lb-error.h"
#include "lb-validate.h"

/* helpers */

static gboolean
is_local_char (char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$%&'*+/=?^_`{|}~.-", c) != NULL;
}

static gboolean
is_valid_domain (const char *domain)
{
  gsize len = strlen (domain);
  const char *label = domain;
  gboolean has_dot = FALSE;

  if (len == 0 || len > 253)
    return FALSE;

  for (const char *p = domain;; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          gsize label_len = p - label;

          if (label_len == 0 || label_len > 63)
            return FALSE;
          if (label[0] == '-' || label[label_len - 1] == '-')
            return FALSE;
          if (*p == '\0')
            break;
          has_dot = TRUE;
          label = p + 1;
        }
      else if (!g_ascii_isalnum (*p) && *p != '-' && !((guchar)*p >= 0x80))
        return FALSE;
    }

  return has_dot;
}

/* public API */

/* A pragmatic address check: one '@', a local part of the usual
 * characters without leading, trailing or doubled dots, and a domain
 * with at least one dot. */
gboolean
lb_validate_email (const char  *email,
                   GError     **error)
{
  const char *at;
  gsize local_len;

  if (email == NULL || *email == '\0')
    return TRUE;

  at = strchr (email, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    goto invalid;

  local_len = at - email;
  if (local_len == 0 || local_len > 64)
    goto invalid;
  if (email[0] == '.' || at[-1] == '.')
    goto invalid;
  for (const char *p = email; p < at; p++)
    {
      if (!is_local_char (*p) || (p[0] == '.' && p[1] == '.'))
        goto invalid;
    }

  if (!is_valid_domain (at + 1))
    goto invalid;

  return TRUE;

invalid:
  g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
               _("“%s” is not a valid email address. Write it as name@example.com."),
               email);
  return FALSE;
}

/**
 * lb_phone_digits:
 *
 * Returns: (transfer full): the digits of @phone alone, "" for none.
 */
char *
lb_phone_digits (const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}

gboolean
lb_validate_phone (const char  *phone,
                   GError     **error)
{
  gsize n_digits = 0;

  if (phone == NULL || *phone == '\0')
    return TRUE;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p == '+' && p == phone)
        continue;
      else if (strchr (" -.()", *p) == NULL)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("The phone number “%s” may hold only digits, a leading +, "
                         "spaces, dashes, dots and parentheses."),
                       phone);
          return FALSE;
        }
    }

  if (n_digits < 7 || n_digits > 15)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("The phone number “%s” has %u digits; it needs 7 to 15."),
                   phone, (guint)n_digits);
      return FALSE;
    }

  return TRUE;
}

gboolean
lb_validate_tin (const char  *tin,
                 GError     **error)
{
  gsize len;

  if (tin == NULL || *tin == '\0')
    return TRUE;

  len = strlen (tin);
  for (const char *p = tin; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("The TIN “%s” may hold digits only (9, 10 or 12 of them)."),
                       tin);
          return FALSE;
        }
    }

  if (len != 9 && len != 10 && len != 12)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("The TIN “%s” has %u digits; it needs 9, 10 or 12."),
                   tin, (guint)len);
      return FALSE;
    }

  return TRUE;
}

/**
 * lb_normalize_website:
 *
 * Checks a website address and gives it a scheme: a bare host gets
 * "https://".  Only http and https are accepted.
 *
 * Returns: (transfer full) (nullable): the address to store, %NULL for
 *   an empty one or on error
 */
char *
lb_normalize_website (const char  *website,
                      GError     **error)
{
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (website == NULL || *website == '\0')
    return NULL;

  if (strstr (website, "://") == NULL)
    url = g_strconcat ("https://", website, NULL);
  else
    url = g_strdup (website);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL ||
      (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0) ||
      host == NULL || strchr (host, '.') == NULL || strchr (url, ' ') != NULL)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("“%s” is not a website address. Write it as example.com or "
                     "https://example.com."),
                   website);
      return NULL;
    }

  return g_steal_pointer (&url);
}

/**
 * lb_normalize_text:
 *
 * Returns: (transfer full) (nullable): @text without surrounding
 *   white space, %NULL when nothing is left
 */
char *
lb_normalize_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);

  return copy;
}

/* Dates are written YYYY-MM-DD everywhere text goes in or out. */
gboolean
lb_parse_date (const char  *text,
               GDate       *date,
               GError     **error)
{
  unsigned y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text != NULL &&
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
      strlen (text) == 10 &&
      g_date_valid_dmy (d, m, y))
    {
      g_date_set_dmy (date, d, m, y);
      return TRUE;
    }

  g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
               _("“%s” is not a date. Write dates as YYYY-MM-DD, e.g. 2026-03-31."),
               text != NULL ? text : "");
  return FALSE;
}

/* The first second of @date in the local time zone. */
gint64
lb_date_to_unix_start (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

char *
lb_format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time == 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (unix_time);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");
}

char *
lb_format_date_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time == 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (unix_time);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("");
}
