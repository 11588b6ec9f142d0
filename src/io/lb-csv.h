#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* CSV as RFC 4180 says (SPEC 3.9): fields quoted with '"', a doubled
 * quote inside, newlines inside quotes, CRLF or LF line ends; UTF-8
 * with or without a byte order mark; the delimiter (comma, semicolon or
 * tab) found from the header row. */

typedef struct _LbCsvReader LbCsvReader;

/* Opens @path for reading; %NULL with @error when it cannot be read at
 * all or is not UTF-8 text. */
LbCsvReader *lb_csv_reader_new          (const char    *path,
                                         GError       **error);
void         lb_csv_reader_free         (LbCsvReader   *self);

/* Reads the next record.  Returns %FALSE at the end of the file (with
 * @error unset) or on an error (a quote never closed, invalid UTF-8:
 * @error set, naming the line).  @fields holds the record's fields
 * (char *, owned by the reader until the next call); @line is the line
 * number (from 1) where the record starts. */
gboolean     lb_csv_reader_next         (LbCsvReader   *self,
                                         GPtrArray    **fields,
                                         guint         *line,
                                         GError       **error);
char         lb_csv_reader_get_delimiter (LbCsvReader  *self);
/* How far the reader got, for progress: bytes read and the file size. */
guint64      lb_csv_reader_get_offset   (LbCsvReader   *self);
guint64      lb_csv_reader_get_size     (LbCsvReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbCsvReader, lb_csv_reader_free)

/* Appends one record to @out: fields separated by commas, quoted when
 * they hold a comma, a quote, CR or LF (quotes doubled), a field that
 * starts with '=', '+', '-', '@', tab or CR prefixed with "'" so a
 * spreadsheet never runs it as a formula; ends with CRLF. */
void         lb_csv_append_record       (GString            *out,
                                         const char * const *fields,
                                         guint               n_fields);

/* The formula guard: whether the writer prefixes @field with "'", and
 * the reader's side, which drops that one "'" again so an export reads
 * back as it was written. */
gboolean     lb_csv_needs_guard         (const char         *field);
const char  *lb_csv_strip_guard         (const char         *field);

G_END_DECLS
