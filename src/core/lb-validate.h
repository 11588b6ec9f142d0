#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Field checks shared by the actions, the forms, the CLI and import.
 * Each returns FALSE and sets an LB_INPUT_ERROR with a message a user
 * can act on. */

gboolean  lb_validate_email       (const char  *email,
                                   GError     **error);
char     *lb_phone_digits         (const char  *phone);
gboolean  lb_validate_phone       (const char  *phone,
                                   GError     **error);
gboolean  lb_validate_tin         (const char  *tin,
                                   GError     **error);
char     *lb_normalize_website    (const char  *website,
                                   GError     **error);
char     *lb_normalize_text       (const char  *text);

gboolean  lb_parse_date           (const char  *text,
                                   GDate       *date,
                                   GError     **error);
gint64    lb_date_to_unix_start   (const GDate *date);
char     *lb_format_date          (gint64       unix_time);
char     *lb_format_date_time     (gint64       unix_time);

G_END_DECLS
