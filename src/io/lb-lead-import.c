#define G_LOG_DOMAIN "lb-lead-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "lb-csv.h"
#include "lb-enum-types.h"
#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-lead-import.h"
#include "lb-validate.h"

/* How often the import looks at its GCancellable, in rows. */
#define CANCEL_CHECK_ROWS 256

/* How many rows go into the search index at a time (see
 * lb_store_lead_bulk_begin()). */
#define SYNC_ROWS 50000

/* After this many rows the import guesses how many more the file holds;
 * when they are at least DEFER_MIN_ROWS and at least half as many as
 * the leads already in the table, the sorting indexes are built once at
 * the end instead of row by row (lb_store_lead_bulk_defer_indexes()):
 * adding a row to them costs a few times what building them costs per
 * row. */
#define DEFER_CHECK_ROWS 5000
#define DEFER_MIN_ROWS   10000

/* The page cache of the importing connection while it imports, in KiB:
 * what a million leads' unique indexes and search index need stays in
 * memory (more did not make it quicker). */
#define IMPORT_CACHE_KIB (256 * 1024)

/* How many leads the export reads from the store at a time, and how
 * much CSV it gathers before writing. */
#define EXPORT_CHUNK       500
#define EXPORT_WRITE_BYTES (1 << 20)

G_DEFINE_ENUM_TYPE (LbDuplicatePolicy, lb_duplicate_policy,
  G_DEFINE_ENUM_VALUE (LB_DUPLICATES_SKIP, "skip"),
  G_DEFINE_ENUM_VALUE (LB_DUPLICATES_UPDATE, "update"))

typedef enum
{
  COLUMN_TEXT,         /* field: an LbLeadText */
  COLUMN_FULL_NAME,    /* split into first and last name (import only) */
  COLUMN_STATUS,
  COLUMN_RATING,
  COLUMN_TAGS,
  COLUMN_NEW_COMPANY,
  COLUMN_CREATED,
} ColumnKind;

/* The columns of a lead file: the canonical name (the export's header,
 * SPEC 4's JSON keys) and the other header names that mean the same
 * (docs/rules.md lists them).  Header names are compared by their
 * letters and digits only, ignoring case: "First Name", "first_name"
 * and "FirstName" are one name. */
static const struct {
  const char *name;
  ColumnKind  kind;
  int         field;
  const char *aliases;
} lead_columns[] = {
  { "title", COLUMN_TEXT, LB_LEAD_TITLE, "lead title, subject, topic" },
  { "first_name", COLUMN_TEXT, LB_LEAD_FIRST_NAME, "first, given name, forename" },
  { "middle_name", COLUMN_TEXT, LB_LEAD_MIDDLE_NAME, "middle, second name" },
  { "last_name", COLUMN_TEXT, LB_LEAD_LAST_NAME, "last, surname, family name" },
  { "full_name", COLUMN_FULL_NAME, 0, "name, contact name, contact, person" },
  { "email", COLUMN_TEXT, LB_LEAD_EMAIL, "e-mail, email address, e-mail address, mail" },
  { "phone", COLUMN_TEXT, LB_LEAD_PHONE,
    "phone number, telephone, tel, mobile, mobile phone, cell, cell phone" },
  { "source", COLUMN_TEXT, LB_LEAD_SOURCE, "lead source, origin" },
  { "category", COLUMN_TEXT, LB_LEAD_CATEGORY, "lead category" },
  { "status", COLUMN_STATUS, 0, "lead status" },
  { "rating", COLUMN_RATING, 0, "lead rating, temperature" },
  { "tags", COLUMN_TAGS, 0, "tag, labels, label, keywords" },
  { "company", COLUMN_TEXT, LB_LEAD_COMPANY,
    "lead company, organization, organisation, business, employer" },
  { "new_company", COLUMN_NEW_COMPANY, 0, "is new company" },
  { "company_name", COLUMN_TEXT, LB_LEAD_COMPANY_NAME, "new company name" },
  { "company_website", COLUMN_TEXT, LB_LEAD_COMPANY_WEBSITE,
    "website, web site, url, homepage, web" },
  { "company_tin", COLUMN_TEXT, LB_LEAD_COMPANY_TIN, "tin, tax id, tax number, inn" },
  { "campaign", COLUMN_TEXT, LB_LEAD_CAMPAIGN, "campaign name, marketing campaign" },
  { "selling_direction", COLUMN_TEXT, LB_LEAD_SELLING_DIRECTION, "sales direction, direction" },
  { "distribution_channel", COLUMN_TEXT, LB_LEAD_DISTRIBUTION_CHANNEL,
    "content distribution channel, channel" },
  { "product_interest", COLUMN_TEXT, LB_LEAD_PRODUCT_INTEREST,
    "product or service of interest, product of interest, interest, interested in, "
    "product, service" },
  { "owner", COLUMN_TEXT, LB_LEAD_OWNER,
    "lead owner, assigned to, sales rep, salesperson, responsible" },
  { "street", COLUMN_TEXT, LB_LEAD_STREET,
    "address, street address, address line 1, address 1" },
  { "city", COLUMN_TEXT, LB_LEAD_CITY, "town, locality" },
  { "postal_code", COLUMN_TEXT, LB_LEAD_POSTAL_CODE,
    "zip, zip code, postcode, post code, postal" },
  { "region", COLUMN_TEXT, LB_LEAD_REGION, "state, province, county, state province" },
  { "country", COLUMN_TEXT, LB_LEAD_COUNTRY, "country name, nation" },
  { "description", COLUMN_TEXT, LB_LEAD_DESCRIPTION,
    "notes, note, comments, comment, remarks, details" },
  { "created_at", COLUMN_CREATED, 0,
    "created, created date, date created, creation date, created on" },
};

#define N_LEAD_COLUMNS G_N_ELEMENTS (lead_columns)

G_STATIC_ASSERT (N_LEAD_COLUMNS <= 64);

/* One import under way. */
typedef struct
{
  LbStore            *store;
  LbDuplicatePolicy   duplicates;
  LbImportResult     *result;
  LbLeadBulk         *bulk;
  gboolean            deferred;       /* the sorting indexes are built at the end */
  GArray             *map;            /* int: lead_columns index of each file column, or -1 */
  GPtrArray          *headers;        /* char *: each file column's name */
  char               *sources;        /* the source list, for messages */
  GHashTable         *days;           /* YYYY-MM-DD → gint64 *: dates read so far */
} Import;

/* helpers */

static void
issue_clear (gpointer data)
{
  LbImportIssue *issue = data;

  g_clear_pointer (&issue->message, g_free);
}

static LbImportResult *
import_result_new (void)
{
  LbImportResult *result = g_new0 (LbImportResult, 1);

  result->errors = g_array_new (FALSE, TRUE, sizeof (LbImportIssue));
  g_array_set_clear_func (result->errors, issue_clear);
  result->unknown_columns = g_ptr_array_new_with_free_func (g_free);

  return result;
}

static void
add_issue (LbImportResult *result,
           guint           line,
           const char     *message)
{
  LbImportIssue issue = { line, g_strdup (message) };

  g_array_append_val (result->errors, issue);
}

/* A header name reduced to what is compared: its letters and digits,
 * case-folded. */
static char *
header_key (const char *name)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The lead column a header name stands for, or -1. */
static int
find_column (const char *header)
{
  g_autofree char *key = header_key (header);

  if (*key == '\0')
    return -1;

  for (guint i = 0; i < N_LEAD_COLUMNS; i++)
    {
      g_autofree char *name_key = header_key (lead_columns[i].name);
      g_auto(GStrv) aliases = NULL;

      if (strcmp (key, name_key) == 0)
        return i;

      aliases = g_strsplit (lead_columns[i].aliases, ",", -1);
      for (guint a = 0; aliases[a] != NULL; a++)
        {
          g_autofree char *alias_key = header_key (aliases[a]);

          if (strcmp (key, alias_key) == 0)
            return i;
        }
    }

  return -1;
}

/* Reads the header row into the map.  A file with no column that maps
 * to a lead field cannot be imported. */
static gboolean
read_header (Import      *import,
             GPtrArray   *fields,
             const char  *name,
             GError     **error)
{
  gboolean any = FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      const char *header = g_strstrip ((char *)g_ptr_array_index (fields, i));
      int column = find_column (header);

      g_array_append_val (import->map, column);
      g_ptr_array_add (import->headers, g_strdup (header));
      if (column >= 0)
        any = TRUE;
      else if (*header != '\0')
        g_ptr_array_add (import->result->unknown_columns, g_strdup (header));
      else
        g_ptr_array_add (import->result->unknown_columns,
                         g_strdup_printf (_("(column %u, no name)"), i + 1));
    }

  if (!any)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No column of “%s” is a lead field. Its first row must name the columns, "
                     "such as first_name, last_name, email, source."), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank_record (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *p = g_ptr_array_index (fields, i);

      for (; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }

  return TRUE;
}

/* Matches @text, ignoring case, against an enum's nicks and its
 * labels. */
static gboolean
parse_choice (GType        enum_type,
              const char  *(*to_label) (int),
              const char  *text,
              int         *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autofree char *folded = NULL;

  if (lb_enum_from_nick (enum_type, text, value))
    return TRUE;

  folded = g_utf8_casefold (text, -1);
  klass = g_type_class_ref (enum_type);
  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autofree char *label = g_utf8_casefold (to_label (klass->values[i].value), -1);

      if (strcmp (label, folded) == 0)
        {
          *value = klass->values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
status_label (int value)
{
  return lb_lead_status_to_label (value);
}

static const char *
rating_label (int value)
{
  return lb_rating_to_label (value);
}

static gboolean
parse_flag (const char *text,
            gboolean   *flag)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "x", "on" };
  static const char * const no[] = { "no", "n", "false", "0", "off" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      return (*flag = TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return !(*flag = FALSE);

  if (g_utf8_collate (text, _("yes")) == 0)
    return (*flag = TRUE);
  if (g_utf8_collate (text, _("no")) == 0)
    return !(*flag = FALSE);

  return FALSE;
}

/* A created date: YYYY-MM-DD (the start of that day, local time),
 * "YYYY-MM-DD HH:MM[:SS]" (local time) or ISO 8601 with a time zone
 * ("2026-11-25T20:31:00Z", as the export writes it). */
static gboolean
parse_created (Import     *import,
               const char *text,
               gint64     *unix_time)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  if (strlen (text) == 10)
    {
      gint64 *known = g_hash_table_lookup (import->days, text);

      /* Many rows share a day; finding its start costs a time zone. */
      if (known != NULL)
        {
          *unix_time = *known;
          return TRUE;
        }
      if (!lb_parse_date (text, &date, NULL))
        return FALSE;
      *unix_time = lb_date_to_unix_start (&date);

      if (g_hash_table_size (import->days) >= 10000)
        g_hash_table_remove_all (import->days);
      g_hash_table_insert (import->days, g_strdup (text), g_memdup2 (unix_time, sizeof *unix_time));
      return TRUE;
    }

  iso = g_strdup (text);
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  /* Seconds may be left out. */
  if (strlen (iso) == 16)
    {
      char *with_seconds = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = with_seconds;
    }

  local = g_time_zone_new_local ();
  dt = g_date_time_new_from_iso8601 (iso, local);
  if (dt == NULL || g_date_time_to_unix (dt) <= 0)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

/* Tags separated by ';' or ',', each trimmed; the same tag twice
 * (ignoring case) counts once. */
static GStrv
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ";,", -1);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      char *key;

      if (*tag == '\0')
        continue;
      key = g_utf8_casefold (tag, -1);
      if (!g_hash_table_add (seen, key))
        continue;
      g_ptr_array_add (tags, g_strdup (tag));
    }
  g_ptr_array_add (tags, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* Splits a full name: the last word is the last name, the words before
 * it the first name. */
static void
apply_full_name (LbLead     *lead,
                 const char *name)
{
  const char *space = strrchr (name, ' ');
  g_autofree char *first = NULL;

  if (space == NULL)
    {
      lb_lead_set_text (lead, LB_LEAD_FIRST_NAME, name);
      return;
    }

  first = g_strstrip (g_strndup (name, space - name));
  lb_lead_set_text (lead, LB_LEAD_FIRST_NAME, first);
  lb_lead_set_text (lead, LB_LEAD_LAST_NAME, space + 1);
}

/* Sets the fields of @lead that the row's non-empty cells give; where
 * two columns stand for one field, the first non-empty one counts.
 * Cells are trimmed in place.  Returns FALSE with an LB_LEAD_ERROR for
 * a cell that is not a valid value of its field. */
static gboolean
apply_row (Import     *import,
           GPtrArray  *fields,
           LbLead     *lead,
           GError    **error)
{
  const char *full_name = NULL;
  guint64 given = 0;
  guint n = MIN (fields->len, import->map->len);

  for (guint i = 0; i < n; i++)
    {
      int column = g_array_index (import->map, int, i);
      const char *header = g_ptr_array_index (import->headers, i);
      char *cell;
      int value;

      if (column < 0 || (given & (G_GUINT64_CONSTANT (1) << column)) != 0)
        continue;
      /* Trimmed in place, then without the formula guard of an export. */
      cell = (char *)lb_csv_strip_guard (g_strstrip (g_ptr_array_index (fields, i)));
      if (*cell == '\0')
        continue;
      given |= G_GUINT64_CONSTANT (1) << column;

      switch (lead_columns[column].kind)
        {
        case COLUMN_TEXT:
          lb_lead_set_text (lead, lead_columns[column].field, cell);
          break;

        case COLUMN_FULL_NAME:
          full_name = cell;
          break;

        case COLUMN_STATUS:
          if (!parse_choice (LB_TYPE_LEAD_STATUS, status_label, cell, &value))
            {
              g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_STATUS,
                           _("%s: “%s” is not a status. Use new, contacted or lost."),
                           header, cell);
              return FALSE;
            }
          lb_lead_set_status (lead, value);
          break;

        case COLUMN_RATING:
          if (!parse_choice (LB_TYPE_RATING, rating_label, cell, &value))
            {
              g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_FAILED,
                           _("%s: “%s” is not a rating. Use hot, warm or cold."), header, cell);
              return FALSE;
            }
          lb_lead_set_rating (lead, value);
          break;

        case COLUMN_TAGS:
          {
            g_auto(GStrv) tags = split_tags (cell);

            lb_lead_set_tags (lead, (const char * const *)tags);
          }
          break;

        case COLUMN_NEW_COMPANY:
          {
            gboolean flag = FALSE;

            if (!parse_flag (cell, &flag))
              {
                g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_COMPANY_NAME,
                             _("%s: “%s” does not say whether the lead is for a new "
                               "company. Use yes or no."), header, cell);
                return FALSE;
              }
            lb_lead_set_new_company (lead, flag);
          }
          break;

        case COLUMN_CREATED:
          {
            gint64 created = 0;

            if (!parse_created (import, cell, &created))
              {
                g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_FAILED,
                             _("%s: “%s” is not a date. Write it as YYYY-MM-DD, or "
                               "YYYY-MM-DD HH:MM for a time as well."), header, cell);
                return FALSE;
              }
            lb_lead_set_int (lead, LB_LEAD_CREATED_AT, created);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A full name fills the names only where the row gives neither. */
  if (full_name != NULL &&
      lb_lead_get_text (lead, LB_LEAD_FIRST_NAME) == NULL &&
      lb_lead_get_text (lead, LB_LEAD_LAST_NAME) == NULL)
    apply_full_name (lead, full_name);

  return TRUE;
}

/* The message of a refused row: the action's, with the list of sources
 * when the source is what is wrong. */
static char *
dup_row_message (Import       *import,
                 const GError *error)
{
  if (g_error_matches (error, LB_LEAD_ERROR, LB_LEAD_ERROR_SOURCE) && import->sources != NULL)
    return g_strdup_printf (_("%s The sources are: %s."), error->message, import->sources);

  return g_strdup (error->message);
}

static char *
dup_source_names (LbStore  *store,
                  GError  **error)
{
  g_autoptr(GListModel) sources = lb_store_list_refs (store, LB_REF_SOURCE, error);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n;

  if (sources == NULL)
    return NULL;

  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (sources, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", lb_ref_item_get_name (item));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Imports one row.  Returns FALSE, with @error set, only for a failure
 * that is not the row's: the import then stops. */
static gboolean
import_row (Import     *import,
            GPtrArray  *fields,
            guint       line,
            GError    **error)
{
  g_autoptr(LbLead) lead = lb_lead_new ();
  g_autoptr(LbLead) stored = NULL;
  g_autoptr(GError) row_error = NULL;
  g_autofree char *message = NULL;
  gint64 existing;

  if (!apply_row (import, fields, lead, &row_error))
    goto refused;

  /* A duplicate: an email or phone a live lead has, one this file
   * brought earlier included (it is in the database by now). */
  existing = lb_store_find_lead_by_email (import->store, lb_lead_get_email (lead), 0);
  if (existing == 0 && lb_lead_get_phone (lead) != NULL)
    existing = lb_store_find_lead_by_phone (import->store, lb_lead_get_phone (lead), 0);

  if (existing == 0)
    {
      if (lb_lead_create_in_import (import->store, lead, &row_error) == 0)
        goto refused;
      import->result->imported++;
      return TRUE;
    }

  if (import->duplicates == LB_DUPLICATES_SKIP)
    {
      import->result->skipped++;
      return TRUE;
    }

  /* The update trigger of the search index needs every lead in it. */
  if (!lb_store_lead_bulk_sync (import->bulk, error))
    return FALSE;
  stored = lb_store_get_lead (import->store, existing, error);
  if (stored == NULL)
    return FALSE;
  if (!apply_row (import, fields, stored, &row_error) ||
      !lb_lead_save (import->store, stored, &row_error))
    goto refused;
  import->result->updated++;
  return TRUE;

refused:
  if (row_error->domain != LB_LEAD_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&row_error));
      return FALSE;
    }
  message = dup_row_message (import, row_error);
  add_issue (import->result, line, message);
  return TRUE;
}

/* Reads the rows after the header and imports them. */
static gboolean
import_rows (Import            *import,
             LbCsvReader       *reader,
             GCancellable      *cancellable,
             LbImportProgress   progress,
             gpointer           user_data,
             GError           **error)
{
  guint64 total = lb_csv_reader_get_size (reader);
  guint64 step = MAX (total / 100, 1);
  guint64 next_report = 0;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *fields;
  guint line;
  guint n_rows = 0;

  while (lb_csv_reader_next (reader, &fields, &line, &local_error))
    {
      if (++n_rows % CANCEL_CHECK_ROWS == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (progress != NULL)
        {
          guint64 done = lb_csv_reader_get_offset (reader);

          if (done >= next_report)
            {
              progress (done, total, user_data);
              next_report = done + step;
            }
        }

      if (n_rows % SYNC_ROWS == 0 && !lb_store_lead_bulk_sync (import->bulk, error))
        return FALSE;
      if (n_rows == DEFER_CHECK_ROWS && total > 0)
        {
          guint64 done = MAX (lb_csv_reader_get_offset (reader), 1);
          double more = (double)(total - MIN (done, total)) / done * n_rows;
          double in_table = lb_store_lead_bulk_get_n_before (import->bulk) +
                            import->result->imported;

          if (more >= DEFER_MIN_ROWS && 2 * more >= in_table)
            {
              if (!lb_store_lead_bulk_defer_indexes (import->bulk, error))
                return FALSE;
              import->deferred = TRUE;
            }
        }

      if (is_blank_record (fields))
        continue;
      if (!import_row (import, fields, line, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (total, total, user_data);

  return TRUE;
}

/* export */

static char *
format_created (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time == 0)
    return NULL;
  dt = g_date_time_new_from_unix_utc (unix_time);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* The cells of @lead, one per exported column; @owned keeps the ones
 * made for it. */
static void
lead_cells (LbLead     *lead,
            const char **cells,
            GPtrArray  *owned)
{
  guint n = 0;

  for (guint i = 0; i < N_LEAD_COLUMNS; i++)
    {
      const char *cell = NULL;
      char *made = NULL;

      switch (lead_columns[i].kind)
        {
        case COLUMN_TEXT:
          cell = lb_lead_get_text (lead, lead_columns[i].field);
          break;

        case COLUMN_FULL_NAME:
          continue;

        case COLUMN_STATUS:
          cell = lb_enum_to_nick (LB_TYPE_LEAD_STATUS, lb_lead_get_status (lead));
          break;

        case COLUMN_RATING:
          cell = lb_enum_to_nick (LB_TYPE_RATING, lb_lead_get_rating (lead));
          break;

        case COLUMN_TAGS:
          if (lb_lead_get_tags (lead) != NULL)
            made = g_strjoinv ("; ", (char **)lb_lead_get_tags (lead));
          break;

        case COLUMN_NEW_COMPANY:
          cell = lb_lead_get_new_company (lead) ? "yes" : "no";
          break;

        case COLUMN_CREATED:
          made = format_created (lb_lead_get_int (lead, LB_LEAD_CREATED_AT));
          break;

        default:
          g_assert_not_reached ();
        }

      if (made != NULL)
        {
          g_ptr_array_add (owned, made);
          cell = made;
        }
      cells[n++] = cell;
    }
}

static guint
export_header (const char **cells)
{
  guint n = 0;

  for (guint i = 0; i < N_LEAD_COLUMNS; i++)
    if (lead_columns[i].kind != COLUMN_FULL_NAME)
      cells[n++] = lead_columns[i].name;

  return n;
}

static gboolean
write_all (int          fd,
           GString     *text,
           const char  *name,
           GError     **error)
{
  gsize done = 0;

  while (done < text->len)
    {
      gssize n = write (fd, text->str + done, text->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot write “%s”: %s"), name, g_strerror (saved));
          return FALSE;
        }
      done += n;
    }
  g_string_truncate (text, 0);

  return TRUE;
}

/* Writes the CSV of the leads @ids to @fd. */
static gboolean
write_leads (LbStore       *store,
             GArray        *ids,
             int            fd,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (EXPORT_WRITE_BYTES + 4096);
  const char *cells[N_LEAD_COLUMNS];
  guint n_cells = export_header (cells);

  lb_csv_append_record (out, cells, n_cells);

  for (guint start = 0; start < ids->len; start += EXPORT_CHUNK)
    {
      g_autoptr(GPtrArray) leads = NULL;
      guint n = MIN (EXPORT_CHUNK, ids->len - start);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      leads = lb_store_get_leads (store, &g_array_index (ids, gint64, start), n, error);
      if (leads == NULL)
        return FALSE;

      for (guint i = 0; i < leads->len; i++)
        {
          g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

          lead_cells (g_ptr_array_index (leads, i), cells, owned);
          lb_csv_append_record (out, cells, n_cells);
        }

      if (out->len >= EXPORT_WRITE_BYTES && !write_all (fd, out, name, error))
        return FALSE;
    }

  return write_all (fd, out, name, error);
}

/* public API */

void
lb_import_result_free (LbImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->errors, g_array_unref);
  g_clear_pointer (&result->unknown_columns, g_ptr_array_unref);
  g_free (result);
}

const char * const *
lb_import_lead_columns (void)
{
  static const char **lines = NULL;

  if (g_once_init_enter (&lines))
    {
      const char **made = g_new0 (const char *, N_LEAD_COLUMNS + 1);

      for (guint i = 0; i < N_LEAD_COLUMNS; i++)
        made[i] = g_strdup_printf ("%s: %s", lead_columns[i].name, lead_columns[i].aliases);
      g_once_init_leave (&lines, made);
    }

  return lines;
}

LbImportResult *
lb_import_leads (LbStore            *store,
                 const char         *path,
                 LbDuplicatePolicy   duplicates,
                 GCancellable       *cancellable,
                 LbImportProgress    progress,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(LbCsvReader) reader = NULL;
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(GArray) map = NULL;
  g_autoptr(GPtrArray) headers = NULL;
  g_autoptr(GHashTable) days = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sources = NULL;
  GPtrArray *header;
  Import import = { 0 };
  gint64 cache_kib;
  gboolean done;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  reader = lb_csv_reader_new (path, error);
  if (reader == NULL)
    return NULL;

  name = g_filename_display_basename (path);
  result = import_result_new ();
  map = g_array_new (FALSE, FALSE, sizeof (int));
  headers = g_ptr_array_new_with_free_func (g_free);
  days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!lb_csv_reader_next (reader, &header, NULL, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("“%s” is empty. Its first row must name the columns, such as "
                       "first_name, last_name, email, source."), name);
      return NULL;
    }

  import.store = store;
  import.duplicates = duplicates;
  import.result = result;
  import.map = map;
  import.headers = headers;
  import.days = days;
  if (!read_header (&import, header, name, error))
    return NULL;

  sources = dup_source_names (store, error);
  if (sources == NULL)
    return NULL;
  import.sources = sources;

  if (!lb_store_begin (store, error))
    return NULL;
  cache_kib = lb_store_set_cache_size (store, IMPORT_CACHE_KIB);

  import.bulk = lb_store_lead_bulk_begin (store, error);
  done = import.bulk != NULL &&
         import_rows (&import, reader, cancellable, progress, user_data, error);
  /* The last rows into the search index, the deferred indexes built:
   * long for a big file, so a Cancel meanwhile counts when it ends. */
  if (done)
    done = lb_store_lead_bulk_end (g_steal_pointer (&import.bulk), error) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (!done)
    {
      lb_store_rollback (store);
      g_clear_pointer (&import.bulk, lb_store_lead_bulk_free);
    }
  else
    done = lb_store_commit (store, error);  /* rolls back itself when it fails */

  lb_store_set_cache_size (store, cache_kib);
  if (!done)
    return NULL;

  /* After many rows, fresh statistics keep the lists' queries quick, as
   * after demo data; not a part of the import. */
  if (import.deferred)
    {
      g_autoptr(GError) optimize_error = NULL;

      if (!lb_store_optimize (store, &optimize_error))
        g_debug ("Cannot refresh the statistics: %s", optimize_error->message);
    }

  return g_steal_pointer (&result);
}

gboolean
lb_export_leads (LbStore            *store,
                 const LbLeadFilter *filter,
                 const char         *path,
                 guint              *n_written,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tmp_path = NULL;
  int fd;
  gboolean done;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;
  name = g_filename_display_basename (path);

  ids = lb_store_query_lead_ids (store, filter, 0, error);
  if (ids == NULL)
    return FALSE;

  /* A temporary file beside the target, renamed over it when complete. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  done = write_leads (store, ids, fd, name, cancellable, error);
  if (done && fsync (fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), name, g_strerror (saved));
      done = FALSE;
    }
  if (!g_close (fd, done ? error : NULL))
    done = FALSE;
  if (done && g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), name, g_strerror (saved));
      done = FALSE;
    }
  if (!done)
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (n_written != NULL)
    *n_written = ids->len;
  return TRUE;
}
