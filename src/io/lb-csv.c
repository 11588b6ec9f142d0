#define G_LOG_DOMAIN "lb-csv"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lb-csv.h"

/* The reader works on big blocks of the file: a record is parsed from
 * the block in place, its fields copied once into one buffer (each
 * ending with a NUL), and the array handed out points into that buffer.
 * A record cut by the end of a block is parsed again from its start
 * once the block has been refilled. */

#define BLOCK_SIZE (1 << 20)

struct _LbCsvReader
{
  int        fd;
  char      *name;        /* the file's name, for messages */
  guint64    size;
  guint64    consumed;    /* bytes of the file before buf[0] */
  gboolean   eof;

  char      *buf;
  gsize      buf_len;     /* bytes of data in buf */
  gsize      buf_alloc;
  gsize      pos;         /* where the next record starts */
  guint      line;        /* the line at pos, from 1 */

  char       delimiter;

  char      *data;        /* the fields of the last record, NUL-terminated */
  gsize      data_len;
  gsize      data_alloc;
  GArray    *offsets;     /* gsize: where each field starts in data */
  GPtrArray *fields;      /* char *: into data */
};

typedef enum
{
  PARSE_COMPLETE,
  PARSE_NEED_MORE,        /* the block ends inside the record */
  PARSE_OPEN_QUOTE,       /* the file ends inside a quoted field */
} ParseResult;

/* helpers */

static void
data_reserve (LbCsvReader *self,
              gsize        extra)
{
  if (self->data_len + extra <= self->data_alloc)
    return;

  while (self->data_len + extra > self->data_alloc)
    self->data_alloc = MAX (self->data_alloc * 2, 4096);
  self->data = g_realloc (self->data, self->data_alloc);
}

static inline void
data_append (LbCsvReader *self,
             const char  *bytes,
             gsize        len)
{
  data_reserve (self, len);
  memcpy (self->data + self->data_len, bytes, len);
  self->data_len += len;
}

static inline void
data_append_c (LbCsvReader *self,
               char         c)
{
  data_reserve (self, 1);
  self->data[self->data_len++] = c;
}

/* How many line breaks (CRLF, LF or a lone CR) @len bytes hold. */
static guint
count_lines (const char *text,
             gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\n')
        n++;
      else if (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'))
        n++;
    }

  return n;
}

/* Reads more of the file after what is still to be parsed, dropping
 * what was.  Returns FALSE on a read error. */
static gboolean
refill (LbCsvReader  *self,
        GError      **error)
{
  gssize n;

  if (self->pos > 0)
    {
      memmove (self->buf, self->buf + self->pos, self->buf_len - self->pos);
      self->consumed += self->pos;
      self->buf_len -= self->pos;
      self->pos = 0;
    }
  if (self->buf_len == self->buf_alloc)
    {
      self->buf_alloc *= 2;
      self->buf = g_realloc (self->buf, self->buf_alloc);
    }

  do
    n = read (self->fd, self->buf + self->buf_len, self->buf_alloc - self->buf_len);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read “%s”: %s"), self->name, g_strerror (saved));
      return FALSE;
    }
  if (n == 0)
    self->eof = TRUE;
  self->buf_len += n;

  return TRUE;
}

/* Parses the record at pos into data and offsets.  On PARSE_COMPLETE,
 * *@end is where the next record starts and *@n_lines how many line
 * breaks the record took. */
static ParseResult
parse_record (LbCsvReader *self,
              gsize       *end,
              guint       *n_lines)
{
  const char *buf = self->buf;
  const gsize len = self->buf_len;
  const char delimiter = self->delimiter;
  gsize p = self->pos;
  guint lines = 0;

  self->data_len = 0;
  g_array_set_size (self->offsets, 0);

  for (;;)
    {
      gsize start = self->data_len;

      g_array_append_val (self->offsets, start);

      if (p < len && buf[p] == '"')
        {
          /* A quoted field: up to the closing quote, "" for a quote. */
          p++;
          for (;;)
            {
              const char *quote = memchr (buf + p, '"', len - p);
              gsize q;

              if (quote == NULL)
                return self->eof ? PARSE_OPEN_QUOTE : PARSE_NEED_MORE;

              q = quote - buf;
              lines += count_lines (buf + p, q - p);
              data_append (self, buf + p, q - p);
              if (q + 1 == len && !self->eof)
                return PARSE_NEED_MORE;
              if (q + 1 < len && buf[q + 1] == '"')
                {
                  data_append_c (self, '"');
                  p = q + 2;
                  continue;
                }
              p = q + 1;
              break;
            }
        }

      /* An unquoted field, or what follows a closing quote (kept as it
       * is, as spreadsheets do). */
      {
        gsize q = p;

        while (q < len && buf[q] != delimiter && buf[q] != '\n' && buf[q] != '\r')
          q++;
        data_append (self, buf + p, q - p);
        p = q;
      }
      data_append_c (self, '\0');

      if (p == len)
        {
          if (!self->eof)
            return PARSE_NEED_MORE;
          break;
        }
      if (buf[p] == delimiter)
        {
          p++;
          continue;
        }
      if (buf[p] == '\r')
        {
          if (p + 1 == len && !self->eof)
            return PARSE_NEED_MORE;
          p += (p + 1 < len && buf[p + 1] == '\n') ? 2 : 1;
        }
      else
        p++;
      lines++;
      break;
    }

  *end = p;
  *n_lines = lines;
  return PARSE_COMPLETE;
}

/* Picks the delimiter that the header row (at pos) holds most often
 * outside quotes: comma, semicolon or tab, in that order on a tie. */
static gboolean
detect_delimiter (LbCsvReader  *self,
                  GError      **error)
{
  for (;;)
    {
      guint commas = 0, semicolons = 0, tabs = 0;
      gboolean quoted = FALSE;
      gboolean done = FALSE;

      for (gsize p = self->pos; p < self->buf_len && !done; p++)
        {
          char c = self->buf[p];

          if (c == '"')
            quoted = !quoted;
          else if (quoted)
            continue;
          else if (c == ',')
            commas++;
          else if (c == ';')
            semicolons++;
          else if (c == '\t')
            tabs++;
          else if (c == '\n' || c == '\r')
            done = TRUE;
        }

      if (done || self->eof)
        {
          if (semicolons > commas && semicolons >= tabs)
            self->delimiter = ';';
          else if (tabs > commas && tabs > semicolons)
            self->delimiter = '\t';
          else
            self->delimiter = ',';
          return TRUE;
        }

      if (!refill (self, error))
        return FALSE;
    }
}

static void
set_not_utf8_error (LbCsvReader  *self,
                    guint         line,
                    GError      **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("Line %u of “%s” is not UTF-8 text. Save the file as UTF-8 "
                 "(“CSV UTF-8” in a spreadsheet) and import it again."),
               line, self->name);
}

/* public API */

LbCsvReader *
lb_csv_reader_new (const char  *path,
                   GError     **error)
{
  g_autoptr(LbCsvReader) self = NULL;
  struct stat st;
  gsize check_len;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (LbCsvReader, 1);
  self->name = g_filename_display_basename (path);
  self->line = 1;
  self->delimiter = ',';
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();

  self->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self->fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot open “%s”: %s"), self->name, g_strerror (saved));
      return NULL;
    }
  if (fstat (self->fd, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read “%s”: %s"), self->name, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a file."), self->name);
      return NULL;
    }
  self->size = st.st_size;

  self->buf_alloc = BLOCK_SIZE;
  self->buf = g_malloc (self->buf_alloc);
  if (!refill (self, error))
    return NULL;

  /* A UTF-16 or UTF-32 file has a byte order mark or NUL bytes early
   * on; binary files have NUL bytes. */
  if ((self->buf_len >= 2 && (guchar)self->buf[0] == 0xff && (guchar)self->buf[1] == 0xfe) ||
      (self->buf_len >= 2 && (guchar)self->buf[0] == 0xfe && (guchar)self->buf[1] == 0xff))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is UTF-16 text. Save it as UTF-8 (“CSV UTF-8” in a spreadsheet) "
                     "and import it again."), self->name);
      return NULL;
    }
  check_len = MIN (self->buf_len, 4096);
  if (memchr (self->buf, '\0', check_len) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a text file. Choose a CSV file saved as UTF-8."), self->name);
      return NULL;
    }

  if (self->buf_len >= 3 && memcmp (self->buf, "\xef\xbb\xbf", 3) == 0)
    self->pos = 3;

  if (!detect_delimiter (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
lb_csv_reader_free (LbCsvReader *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    g_close (self->fd, NULL);
  g_free (self->name);
  g_free (self->buf);
  g_free (self->data);
  g_array_unref (self->offsets);
  g_ptr_array_unref (self->fields);
  g_free (self);
}

/**
 * lb_csv_reader_next:
 *
 * After an error the reader has moved past the record at fault: a
 * caller may go on with the next one (after a quote that is never
 * closed, that is the end of the file).
 */
gboolean
lb_csv_reader_next (LbCsvReader  *self,
                    GPtrArray   **fields,
                    guint        *line,
                    GError      **error)
{
  ParseResult result;
  const char *bad;
  gsize start;
  gsize end = 0;
  guint n_lines = 0;
  guint start_line;

  g_return_val_if_fail (self != NULL, FALSE);

  for (;;)
    {
      if (self->pos == self->buf_len && self->eof)
        return FALSE;

      result = parse_record (self, &end, &n_lines);
      if (result != PARSE_NEED_MORE)
        break;
      if (!refill (self, error))
        return FALSE;
    }

  start = self->pos;
  start_line = self->line;
  if (result == PARSE_OPEN_QUOTE)
    {
      self->pos = self->buf_len;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line %u of “%s” opens a quoted field that is never closed: "
                     "a closing '\"' is missing."),
                   start_line, self->name);
      return FALSE;
    }

  self->pos = end;
  self->line += n_lines;

  if (!g_utf8_validate_len (self->buf + start, end - start, &bad))
    {
      set_not_utf8_error (self, start_line + count_lines (self->buf + start,
                                                          bad - (self->buf + start)),
                          error);
      return FALSE;
    }

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields, self->data + g_array_index (self->offsets, gsize, i));

  if (fields != NULL)
    *fields = self->fields;
  if (line != NULL)
    *line = start_line;

  return TRUE;
}

char
lb_csv_reader_get_delimiter (LbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->delimiter;
}

guint64
lb_csv_reader_get_offset (LbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->consumed + self->pos;
}

guint64
lb_csv_reader_get_size (LbCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

/* writer */

/**
 * lb_csv_needs_guard:
 *
 * Whether a spreadsheet could take @field for a formula: it starts with
 * '=', '+', '-', '@', a tab or a CR, after any apostrophes (so that a
 * value that already starts with an apostrophe keeps it through an
 * export and an import).
 */
gboolean
lb_csv_needs_guard (const char *field)
{
  const char *p = field;

  if (p == NULL)
    return FALSE;
  while (*p == '\'')
    p++;

  return *p != '\0' && strchr ("=+-@\t\r", *p) != NULL;
}

/**
 * lb_csv_strip_guard:
 *
 * Undoes the formula guard of lb_csv_append_record(): a field that
 * starts with an apostrophe followed by what lb_csv_needs_guard()
 * guards loses that one apostrophe.
 *
 * Returns: (transfer none): @field, or @field + 1
 */
const char *
lb_csv_strip_guard (const char *field)
{
  if (field != NULL && field[0] == '\'' && lb_csv_needs_guard (field + 1))
    return field + 1;

  return field;
}

void
lb_csv_append_record (GString            *out,
                      const char * const *fields,
                      guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] != NULL ? fields[i] : "";
      gboolean guard = lb_csv_needs_guard (field);

      if (i > 0)
        g_string_append_c (out, ',');

      if (strpbrk (field, ",\"\r\n") == NULL)
        {
          if (guard)
            g_string_append_c (out, '\'');
          g_string_append (out, field);
          continue;
        }

      g_string_append_c (out, '"');
      if (guard)
        g_string_append_c (out, '\'');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }

  g_string_append (out, "\r\n");
}
