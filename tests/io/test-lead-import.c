#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lb-csv.h"
#include "lb-enum-types.h"
#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-lead-import.h"
#include "lb-settings.h"
#include "lb-store-private.h"
#include "lb-test-util.h"

/* Importing leads from CSV and exporting them (src/io/lb-lead-import.c,
 * SPEC 3.9).  The SQL here only inspects the database: the schema, the
 * integrity checks, a trigger that makes the store fail. */

/* helpers */

static char *
write_file (LbTestFixture *fixture,
            const char    *name,
            const char    *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static LbImportResult *
import_text (LbTestFixture     *fixture,
             LbDuplicatePolicy  duplicates,
             const char        *contents)
{
  g_autofree char *path = write_file (fixture, "import.csv", contents);
  g_autoptr(GError) error = NULL;
  LbImportResult *result;

  result = lb_import_leads (fixture->store, path, duplicates, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static gint64
count_live (LbStore *store)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();

  return lb_store_count_leads (store, filter, NULL);
}

static LbLead *
lead_by_email (LbStore    *store,
               const char *email)
{
  gint64 id = lb_store_find_lead_by_email (store, email, 0);

  g_assert_cmpint (id, >, 0);
  return lb_store_get_lead (store, id, NULL);
}

static const char *
issue_at (LbImportResult *result,
          guint           line)
{
  for (guint i = 0; i < result->errors->len; i++)
    {
      LbImportIssue *issue = &g_array_index (result->errors, LbImportIssue, i);

      if (issue->line == line)
        return issue->message;
    }

  return NULL;
}

static char *
issue_lines (LbImportResult *result)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; i < result->errors->len; i++)
    g_string_append_printf (lines, "%s%u", i > 0 ? "," : "",
                            g_array_index (result->errors, LbImportIssue, i).line);

  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static char *
tags_text (LbLead *lead)
{
  const char * const *tags = lb_lead_get_tags (lead);

  return tags != NULL ? g_strjoinv (",", (char **)tags) : g_strdup ("");
}

static GArray *
search_ids (LbStore    *store,
            const char *text)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();

  filter->search = g_strdup (text);
  return lb_store_query_lead_ids (store, filter, 0, NULL);
}

/* One text value of the database: the first column of the first row. */
static char *
query_text (LbStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = lb_store_prepare (store, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (lb_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return text;
}

/* Every row of @sql, columns joined by '|', rows by '\n'. */
static char *
query_rows (LbStore    *store,
            const char *sql)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  sqlite3_stmt *stmt = lb_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (rows, "%s%s", c > 0 ? "|" : "",
                                lb_column_text (stmt, c) ? lb_column_text (stmt, c) : "NULL");
      g_string_append_c (rows, '\n');
    }
  sqlite3_reset (stmt);

  return g_string_free (g_steal_pointer (&rows), FALSE);
}

/* The schema, without SQLite's statistics (a big import refreshes them,
 * as demo data does). */
#define SCHEMA_SQL \
  "SELECT type, name, tbl_name, sql FROM sqlite_master" \
  " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name"

/* The database is sound: SQLite's checks, and the search index holds
 * exactly the leads. */
static void
assert_sound (LbStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = query_text (store, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_true (lb_store_exec (store,
                                "INSERT INTO lead_fts (lead_fts, rank) VALUES ('integrity-check', 1)",
                                &error));
  g_assert_no_error (error);
}

static void
assert_same_lead (LbLead *a,
                  LbLead *b)
{
  g_autofree char *tags_a = tags_text (a);
  g_autofree char *tags_b = tags_text (b);

  for (LbLeadText f = 0; f < LB_LEAD_N_TEXT_FIELDS; f++)
    g_assert_cmpstr (lb_lead_get_text (a, f), ==, lb_lead_get_text (b, f));
  g_assert_cmpint (lb_lead_get_status (a), ==, lb_lead_get_status (b));
  g_assert_cmpint (lb_lead_get_rating (a), ==, lb_lead_get_rating (b));
  g_assert_cmpint (lb_lead_get_new_company (a), ==, lb_lead_get_new_company (b));
  g_assert_cmpint (lb_lead_get_int (a, LB_LEAD_CREATED_AT), ==,
                   lb_lead_get_int (b, LB_LEAD_CREATED_AT));
  g_assert_cmpstr (tags_a, ==, tags_b);
}

/* import: columns */

static void
test_import_basic (LbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbLead) anna = NULL;
  g_autoptr(LbLead) ben = NULL;
  g_autofree char *tags = NULL;

  result = import_text (fixture, LB_DUPLICATES_SKIP,
    "title,first_name,middle_name,last_name,email,phone,source,category,status,rating,tags,"
    "company,new_company,company_name,company_website,company_tin,product_interest,owner,"
    "street,city,postal_code,region,country,description,created_at\r\n"
    "Big deal,Anna,Maria,Smith,anna@example.com,+1 555 0100,website,general,contacted,HOT,"
    "\"vip; b2b\",Acme,yes,Acme Ltd,acme.example.com,123456789,Consulting,Alex,"
    "1 Main St,Berlin,10115,Berlin,Germany,\"Line one\nline \"\"two\"\"\",2024-03-01\r\n"
    "  ,Ben,,Baker,,,Partner,,,,,,,,,,,,,,,,,,\r\n");

  g_assert_cmpuint (result->imported, ==, 2);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->skipped, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->unknown_columns->len, ==, 0);
  g_assert_cmpint (count_live (fixture->store), ==, 2);

  anna = lead_by_email (fixture->store, "anna@example.com");
  g_assert_cmpstr (lb_lead_get_title (anna), ==, "Big deal");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_MIDDLE_NAME), ==, "Maria");
  g_assert_cmpstr (lb_lead_get_phone (anna), ==, "+1 555 0100");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_SOURCE), ==, "Website");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_CATEGORY), ==, "General");
  g_assert_cmpint (lb_lead_get_status (anna), ==, LB_LEAD_STATUS_CONTACTED);
  g_assert_cmpint (lb_lead_get_rating (anna), ==, LB_RATING_HOT);
  tags = tags_text (anna);
  g_assert_cmpstr (tags, ==, "vip,b2b");
  g_assert_true (lb_lead_get_new_company (anna));
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_COMPANY_NAME), ==, "Acme Ltd");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_COMPANY_WEBSITE), ==, "https://acme.example.com");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_COMPANY_TIN), ==, "123456789");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_OWNER), ==, "Alex");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_POSTAL_CODE), ==, "10115");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_DESCRIPTION), ==, "Line one\nline \"two\"");
  g_assert_cmpint (lb_lead_get_int (anna, LB_LEAD_CREATED_AT), ==, 1709251200);

  /* defaults: title from the names, category, status, rating */
  ben = lb_store_get_lead (fixture->store, lb_lead_get_id (anna) + 1, NULL);
  g_assert_cmpstr (lb_lead_get_title (ben), ==, "Ben Baker");
  g_assert_cmpstr (lb_lead_get_text (ben, LB_LEAD_CATEGORY), ==, "General");
  g_assert_cmpint (lb_lead_get_status (ben), ==, LB_LEAD_STATUS_NEW);
  g_assert_cmpint (lb_lead_get_rating (ben), ==, LB_RATING_WARM);
  g_assert_false (lb_lead_get_new_company (ben));

  assert_sound (fixture->store);
}

static void
test_import_aliases (LbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbImportResult) names = NULL;
  g_autoptr(LbLead) anna = NULL;
  g_autoptr(LbLead) ben = NULL;
  g_autoptr(LbLead) carl = NULL;

  /* semicolons; names in any case, with spaces, dashes or underscores;
   * two columns for the phone: the first non-empty one counts */
  result = import_text (fixture, LB_DUPLICATES_SKIP,
    "\xef\xbb\xbf" "FirstName;SURNAME;E-Mail;Lead Source;ZIP code;Favourite colour;Mobile;"
    "Telephone;Notes;TAG\n"
    "Anna;Smith;anna@example.com;Website;10115;blue;;+1 555 0100;hello;vip\n"
    "Ben;Baker;ben@example.com;Email;;red;+1 555 0200;+1 555 0300;;\n");
  g_assert_cmpuint (result->imported, ==, 2);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->unknown_columns->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->unknown_columns, 0), ==, "Favourite colour");

  anna = lead_by_email (fixture->store, "anna@example.com");
  g_assert_cmpstr (lb_lead_get_first_name (anna), ==, "Anna");
  g_assert_cmpstr (lb_lead_get_last_name (anna), ==, "Smith");
  g_assert_cmpstr (lb_lead_get_phone (anna), ==, "+1 555 0100");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_POSTAL_CODE), ==, "10115");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_DESCRIPTION), ==, "hello");
  g_assert_cmpstr (lb_lead_get_tags (anna)[0], ==, "vip");
  ben = lead_by_email (fixture->store, "ben@example.com");
  g_assert_cmpstr (lb_lead_get_phone (ben), ==, "+1 555 0200");

  /* a full name fills the first and last name */
  names = import_text (fixture, LB_DUPLICATES_SKIP,
                       "Name,Email,Source\n"
                       "Carl Gustav Jung,carl@example.com,Chat\n");
  g_assert_cmpuint (names->imported, ==, 1);
  carl = lead_by_email (fixture->store, "carl@example.com");
  g_assert_cmpstr (lb_lead_get_first_name (carl), ==, "Carl Gustav");
  g_assert_cmpstr (lb_lead_get_last_name (carl), ==, "Jung");

  /* the documented list names every column with its aliases */
  g_assert_cmpstr (lb_import_lead_columns ()[0], ==, "title: lead title, subject, topic");
  g_assert_true (g_strv_contains (lb_import_lead_columns (),
                                  "postal_code: zip, zip code, postcode, post code, postal"));
}

static void
test_import_unreadable (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autofree char *no_columns = write_file (fixture, "a.csv", "colour,size\nred,L\n");
  g_autofree char *empty = write_file (fixture, "b.csv", "");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  g_autoptr(LbImportResult) header_only = NULL;
  g_autoptr(GError) error = NULL;

  lb_test_add_lead (fixture->store, "Old", "Lead", "old@example.com", NULL);

  g_assert_null (lb_import_leads (fixture->store, no_columns, LB_DUPLICATES_SKIP, NULL, NULL,
                                  NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "a.csv"));
  g_clear_error (&error);

  g_assert_null (lb_import_leads (fixture->store, empty, LB_DUPLICATES_SKIP, NULL, NULL,
                                  NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_null (lb_import_leads (fixture->store, missing, LB_DUPLICATES_SKIP, NULL, NULL,
                                  NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  header_only = import_text (fixture, LB_DUPLICATES_SKIP, "first_name,last_name,source\r\n");
  g_assert_cmpuint (header_only->imported + header_only->errors->len, ==, 0);
  g_assert_cmpint (count_live (fixture->store), ==, 1);
}

/* import: rows */

static void
test_import_bad_rows (LbTestFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbLead) bad_email = lb_test_make_lead ("Carl", "Bad", "not-an-email", NULL);
  g_autoptr(GError) action_error = NULL;
  g_autofree char *lines = NULL;
  const char *message;

  result = import_text (fixture, LB_DUPLICATES_SKIP,
    "first_name,last_name,email,phone,source,category,status,rating,notes,created\n"
    "Anna,Smith,anna@example.com,,Website,,,,,\n"                 /* 2: fine */
    "Carl,Bad,not-an-email,,Website,,,,,\n"                       /* 3: email */
    "Dora,NoSource,,,,,,,,\n"                                     /* 4: no source */
    "Emil,Phone,,12,Website,,,,\"long\nnote\",\n"                 /* 5-6: phone */
    "Fay,Fine,,,Email,,lost,cold,,2024-01-31 10:30\n"             /* 7: fine */
    "Gus,Conv,,,Email,,converted,,,\n"                            /* 8: status */
    "Hal,Temp,,,Email,,,lukewarm,,\n"                             /* 9: rating */
    "Ida,Cat,,,Email,Nope,,,,\n"                                  /* 10: category */
    "\n"                                                          /* 11: blank */
    "Jo,Date,,,Email,,,,,31/12/2024\n"                            /* 12: date */
    "Kim,Src,,,Fax,,,,,\n"                                        /* 13: source */
    ",NoFirst,,,Email,,,,,\n");                                   /* 14: name */

  g_assert_cmpuint (result->imported, ==, 2);
  lines = issue_lines (result);
  g_assert_cmpstr (lines, ==, "3,4,5,8,9,10,12,13,14");
  g_assert_cmpint (count_live (fixture->store), ==, 2);

  /* the lead actions' own messages */
  g_assert_cmpint (lb_lead_create (fixture->store, bad_email, &action_error), ==, 0);
  g_assert_cmpstr (issue_at (result, 3), ==, action_error->message);

  message = issue_at (result, 4);
  g_assert_true (g_str_has_prefix (message, "Choose where the lead came from"));
  g_assert_nonnull (strstr (message, "Website, Website form, Email"));
  g_assert_nonnull (strstr (issue_at (result, 5), "digits"));
  g_assert_nonnull (strstr (issue_at (result, 8), "Convert"));
  g_assert_nonnull (strstr (issue_at (result, 9), "rating: “lukewarm”"));
  g_assert_nonnull (strstr (issue_at (result, 10), "“Nope”"));
  g_assert_nonnull (strstr (issue_at (result, 12), "created: “31/12/2024”"));
  message = issue_at (result, 13);
  g_assert_nonnull (strstr (message, "“Fax”"));
  g_assert_nonnull (strstr (message, "Self-generation"));
  g_assert_nonnull (strstr (issue_at (result, 14), "first and last name"));

  {
    g_autoptr(LbLead) fay = NULL;
    g_autoptr(GArray) ids = search_ids (fixture->store, "Fine");

    g_assert_cmpuint (ids->len, ==, 1);
    fay = lb_store_get_lead (fixture->store, g_array_index (ids, gint64, 0), NULL);
    g_assert_cmpint (lb_lead_get_status (fay), ==, LB_LEAD_STATUS_LOST);
    g_assert_cmpint (lb_lead_get_rating (fay), ==, LB_RATING_COLD);
    g_assert_cmpint (lb_lead_get_int (fay, LB_LEAD_CREATED_AT), ==, 1706697000);
  }
  assert_sound (fixture->store);
}

static void
test_import_duplicates_skip (LbTestFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbLead) anna = NULL;
  gint64 id;

  id = lb_test_add_lead (fixture->store, "Anna", "Smith", "anna@example.com", "+1 555 0100");

  result = import_text (fixture, LB_DUPLICATES_SKIP,
    "first_name,last_name,email,phone,source,city\n"
    "Anna,Other,ANNA@Example.com,,Website,Paris\n"            /* email of a lead */
    "Bea,Other,bea@example.com,15550100,Website,Paris\n"      /* its phone, other format */
    "Cid,New,cid@example.com,+1 555 0300,Website,Paris\n"     /* new */
    "Dan,Twin,dan@example.com,(1) 555-0300,Website,Paris\n"   /* phone of row 4 */
    "Eve,Twin,CID@example.com,,Website,Paris\n"               /* email of row 4 */
    "Fox,Bad,fox@,,Website,Paris\n");                         /* bad, not a duplicate */

  g_assert_cmpuint (result->imported, ==, 1);
  g_assert_cmpuint (result->skipped, ==, 4);
  g_assert_cmpuint (result->updated, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_cmpuint (g_array_index (result->errors, LbImportIssue, 0).line, ==, 7);
  g_assert_cmpint (count_live (fixture->store), ==, 2);

  anna = lb_store_get_lead (fixture->store, id, NULL);
  g_assert_cmpstr (lb_lead_get_last_name (anna), ==, "Smith");
  g_assert_null (lb_lead_get_text (anna, LB_LEAD_CITY));
}

static void
test_import_duplicates_update (LbTestFixture *fixture,
                               gconstpointer  data)
{
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbLead) anna = lb_test_make_lead ("Anna", "Smith", "anna@example.com", "+1 555 0100");
  g_autoptr(LbLead) stored = NULL;
  g_autoptr(LbLead) zed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) jones = NULL;
  g_autoptr(GArray) zulu = NULL;
  g_autofree char *tags = NULL;
  gint64 id;

  lb_lead_set_text (anna, LB_LEAD_CITY, "Berlin");
  lb_lead_set_tags (anna, (const char *[]) { "vip", NULL });
  id = lb_lead_create (fixture->store, anna, &error);
  g_assert_no_error (error);
  lb_test_add_lead (fixture->store, "Ben", "Other", "ben@example.com", "+1 555 0200");

  result = import_text (fixture, LB_DUPLICATES_UPDATE,
    "first_name,last_name,email,phone,source,city,rating,tags,title\n"
    ",Smith-Jones,anna@example.com,,,,hot,b2b,\n"             /* 2: updates Anna */
    "Zed,Zulu,zed@example.com,,Chat,Oslo,,,\n"                /* 3: new */
    ",,ZED@example.com,,,,,,Second title\n"                   /* 4: updates row 3's lead */
    ",,anna@example.com,+1 555 0200,,,,,\n"                   /* 5: phone of Ben */
    ",,,+1 (555) 0100,,Paris,,,\n");                          /* 6: Anna by phone */

  g_assert_cmpuint (result->imported, ==, 1);
  g_assert_cmpuint (result->updated, ==, 3);
  g_assert_cmpuint (result->skipped, ==, 0);
  g_assert_cmpuint (result->errors->len, ==, 1);
  g_assert_nonnull (strstr (issue_at (result, 5), "phone number"));

  /* non-empty cells overwrote, empty ones kept */
  stored = lb_store_get_lead (fixture->store, id, NULL);
  g_assert_cmpstr (lb_lead_get_first_name (stored), ==, "Anna");
  g_assert_cmpstr (lb_lead_get_last_name (stored), ==, "Smith-Jones");
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_CITY), ==, "Paris");
  g_assert_cmpstr (lb_lead_get_text (stored, LB_LEAD_SOURCE), ==, "Website");
  g_assert_cmpstr (lb_lead_get_phone (stored), ==, "+1 (555) 0100");
  g_assert_cmpint (lb_lead_get_rating (stored), ==, LB_RATING_HOT);
  tags = tags_text (stored);
  g_assert_cmpstr (tags, ==, "b2b");

  zed = lead_by_email (fixture->store, "zed@example.com");
  g_assert_cmpstr (lb_lead_get_title (zed), ==, "Second title");
  g_assert_cmpstr (lb_lead_get_text (zed, LB_LEAD_CITY), ==, "Oslo");

  /* the search index followed both updates */
  jones = search_ids (fixture->store, "Jones");
  g_assert_cmpuint (jones->len, ==, 1);
  g_assert_cmpint (g_array_index (jones, gint64, 0), ==, id);
  zulu = search_ids (fixture->store, "second");
  g_assert_cmpuint (zulu->len, ==, 1);
  g_assert_cmpint (g_array_index (zulu, gint64, 0), ==, lb_lead_get_id (zed));
  assert_sound (fixture->store);
}

/* A lead that one file makes and then changes: the search index
 * follows (the bulk puts the new lead in it before the update). */
static void
test_import_update_new_lead (LbTestFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) gone = NULL;

  result = import_text (fixture, LB_DUPLICATES_UPDATE,
                        "first_name,last_name,email,source,title\n"
                        "Yan,Young,yan@example.com,Chat,\n"
                        ",,YAN@example.com,,Another title\n");
  g_assert_cmpuint (result->imported, ==, 1);
  g_assert_cmpuint (result->updated, ==, 1);
  found = search_ids (fixture->store, "another");
  g_assert_cmpuint (found->len, ==, 1);
  gone = search_ids (fixture->store, "Young");
  g_assert_cmpuint (gone->len, ==, 1);
  assert_sound (fixture->store);
}

static void
test_import_references (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbLead) anna = NULL;
  g_autoptr(LbLead) ben = NULL;
  g_autoptr(LbRefItem) tag = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *lines = NULL;

  g_assert_cmpint (lb_ref_add (fixture->store, LB_REF_CATEGORY, "Retail", &error), >, 0);
  g_assert_cmpint (lb_ref_add (fixture->store, LB_REF_CAMPAIGN, "Spring Fair", &error), >, 0);
  g_assert_true (lb_settings_set (fixture->store, LB_SETTING_DEFAULT_CATEGORY, "Retail", &error));
  g_assert_no_error (error);

  result = import_text (fixture, LB_DUPLICATES_SKIP,
    "first_name,last_name,email,source,category,tags,campaign,selling_direction\n"
    "Anna,Smith,anna@example.com,SOCIAL NETWORK,,\"new-tag, Other ;vip;VIP\",spring fair,\n"
    "Ben,Baker,ben@example.com,Email,general,,,\n"
    "Cid,Cole,cid@example.com,Email,,,Autumn,\n"
    "Dan,Dell,dan@example.com,Email,,,,Nowhere\n");

  g_assert_cmpuint (result->imported, ==, 2);
  lines = issue_lines (result);
  g_assert_cmpstr (lines, ==, "4,5");

  anna = lead_by_email (fixture->store, "anna@example.com");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_SOURCE), ==, "Social network");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_CATEGORY), ==, "Retail");
  g_assert_cmpstr (lb_lead_get_text (anna, LB_LEAD_CAMPAIGN), ==, "Spring Fair");
  tags = tags_text (anna);
  g_assert_cmpstr (tags, ==, "new-tag,Other,vip");
  tag = lb_store_find_ref (fixture->store, LB_REF_TAG, "NEW-TAG");
  g_assert_nonnull (tag);
  g_assert_cmpstr (lb_ref_item_get_name (tag), ==, "new-tag");

  ben = lead_by_email (fixture->store, "ben@example.com");
  g_assert_cmpstr (lb_lead_get_text (ben, LB_LEAD_CATEGORY), ==, "General");
}

/* import: all or nothing */

static void
cancel_halfway (guint64  done,
                guint64  total,
                gpointer user_data)
{
  if (done * 2 >= total)
    g_cancellable_cancel (user_data);
}

static void
test_import_cancel (LbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("first_name,last_name,email,source,city\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(LbLead) before = NULL;
  g_autoptr(LbLead) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr(GArray) found = NULL;
  gint64 id;

  id = lb_test_add_lead (fixture->store, "Sam", "Sample", "sam@example.com", NULL);
  lb_test_add_lead (fixture->store, "Tom", "Other", NULL, "+1 555 0101");
  before = lb_store_get_lead (fixture->store, id, NULL);
  schema_before = query_rows (fixture->store, SCHEMA_SQL);

  /* the sample lead is updated first, then many new leads follow */
  g_string_append (text, "Sam,Changed,sam@example.com,Website,Rome\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "Row,N%u,row%u@example.com,Email,Oslo\n", i, i);
  path = write_file (fixture, "big.csv", text->str);

  result = lb_import_leads (fixture->store, path, LB_DUPLICATES_UPDATE, cancellable,
                            cancel_halfway, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpint (count_live (fixture->store), ==, 2);
  after = lb_store_get_lead (fixture->store, id, NULL);
  assert_same_lead (before, after);
  g_assert_cmpint (lb_lead_get_int (after, LB_LEAD_UPDATED_AT), ==,
                   lb_lead_get_int (before, LB_LEAD_UPDATED_AT));

  /* the trigger and the indexes are back as they were */
  schema_after = query_rows (fixture->store, SCHEMA_SQL);
  g_assert_cmpstr (schema_after, ==, schema_before);
  lb_test_add_lead (fixture->store, "Findme", "Later", NULL, NULL);
  found = search_ids (fixture->store, "findme");
  g_assert_cmpuint (found->len, ==, 1);
  assert_sound (fixture->store);
}

static void
test_import_store_error (LbTestFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("first_name,last_name,source\n");
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;

  lb_test_add_lead (fixture->store, "Old", "Lead", NULL, NULL);
  schema_before = query_rows (fixture->store, SCHEMA_SQL);

  /* A trigger of this connection only: the store fails on one row. */
  g_assert_true (lb_store_exec (fixture->store,
                                "CREATE TEMP TRIGGER fail_boom BEFORE INSERT ON main.lead"
                                " WHEN new.first_name = 'Boom'"
                                " BEGIN SELECT RAISE (ABORT, 'disk on fire'); END",
                                &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "%s,Row%u,Website\n", i == 150 ? "Boom" : "Fine", i);
  path = write_file (fixture, "boom.csv", text->str);

  result = lb_import_leads (fixture->store, path, LB_DUPLICATES_SKIP, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_true (error->domain != LB_LEAD_ERROR);
  g_assert_nonnull (strstr (error->message, "disk on fire"));
  g_clear_error (&error);

  g_assert_cmpint (count_live (fixture->store), ==, 1);
  g_assert_true (lb_store_exec (fixture->store, "DROP TRIGGER temp.fail_boom", &error));
  schema_after = query_rows (fixture->store, SCHEMA_SQL);
  g_assert_cmpstr (schema_after, ==, schema_before);
  assert_sound (fixture->store);

  /* the same file goes in once the store works */
  result = lb_import_leads (fixture->store, path, LB_DUPLICATES_SKIP, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 300);
}

static void
test_import_bad_utf8 (LbTestFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "latin1.csv",
                                      "first_name,last_name,source\n"
                                      "Anna,Smith,Website\n"
                                      "Ben,Baker,Website\n"
                                      "Chlo\xe9,Cole,Website\n");
  g_autofree char *quote = write_file (fixture, "quote.csv",
                                       "first_name,last_name,source\n"
                                       "Anna,Smith,Website\n"
                                       "Ben,\"Baker,Website\n"
                                       "Cid,Cole,Website\n");
  g_autoptr(GError) error = NULL;

  g_assert_null (lb_import_leads (fixture->store, path, LB_DUPLICATES_SKIP, NULL, NULL, NULL,
                                  &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 4 "));
  g_clear_error (&error);

  g_assert_null (lb_import_leads (fixture->store, quote, LB_DUPLICATES_SKIP, NULL, NULL, NULL,
                                  &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "Line 3 "));

  g_assert_cmpint (count_live (fixture->store), ==, 0);
}

/* import: a big file gives the database one-by-one creation gives */

#define N_BULK 16000

static LbLead *
make_bulk_lead (guint i)
{
  static const char * const first[] = { "Anna", "Björn", "Chloé", "Dmitri", "Eszter", "Farid" };
  static const char * const last[] = { "Kowalski", "Novak", "García", "Müller", "Okafor" };
  static const char * const sources[] = { "Website", "Email", "Partner", "Chat" };
  static const char * const tags[] = { "vip", "b2b", "newsletter" };
  LbLead *lead = lb_lead_new ();
  g_autofree char *email = g_strdup_printf ("lead%u@example.com", i);
  g_autofree char *phone = g_strdup_printf ("+1 555 %07u", i);
  g_autofree char *company = g_strdup_printf ("Company %u", i % 97);

  lb_lead_set_text (lead, LB_LEAD_FIRST_NAME, first[i % G_N_ELEMENTS (first)]);
  lb_lead_set_text (lead, LB_LEAD_LAST_NAME, last[(i / 7) % G_N_ELEMENTS (last)]);
  if (i % 5 != 0)
    lb_lead_set_text (lead, LB_LEAD_EMAIL, email);
  if (i % 3 != 0)
    lb_lead_set_text (lead, LB_LEAD_PHONE, phone);
  lb_lead_set_text (lead, LB_LEAD_SOURCE, sources[i % G_N_ELEMENTS (sources)]);
  lb_lead_set_text (lead, LB_LEAD_COMPANY, company);
  lb_lead_set_rating (lead, (i * 7) % 3);
  if (i % 4 == 0)
    {
      const char *lead_tags[] = { tags[i % G_N_ELEMENTS (tags)], NULL };

      lb_lead_set_tags (lead, lead_tags);
    }
  lb_lead_set_int (lead, LB_LEAD_CREATED_AT, 1700000000 - (gint64)((i * 7919) % 50000) * 600);

  return lead;
}

static void
note_deferred (guint64  done,
               guint64  total,
               gpointer user_data)
{
  LbTestFixture *fixture = user_data;
  g_autofree char *index = query_text (fixture->store,
                                       "SELECT name FROM sqlite_master WHERE name = 'lead_by_title'");

  if (index == NULL)
    g_object_set_data (G_OBJECT (fixture->store), "saw-deferred", GINT_TO_POINTER (TRUE));
}

static void
test_import_bulk_same (LbTestFixture *fixture,
                       gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "one-by-one", "leadbook.db", NULL);
  g_autoptr(LbStore) other = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *other_schema = NULL;
  const char *header[] = { "first_name", "last_name", "email", "phone", "source", "company",
                           "rating", "tags", "created_at" };
  const gint64 now = 1700000000;

  other = lb_store_open (other_path, &error);
  g_assert_no_error (error);
  lb_store_set_clock (fixture->store, now);
  lb_store_set_clock (other, now);

  /* the same leads: one by one through lb_lead_create(), and as a file */
  lb_csv_append_record (text, header, G_N_ELEMENTS (header));
  g_assert_true (lb_store_begin (other, &error));
  for (guint i = 0; i < N_BULK; i++)
    {
      g_autoptr(LbLead) lead = make_bulk_lead (i);
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (lb_lead_get_int (lead, LB_LEAD_CREATED_AT));
      g_autofree char *created_text = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *tags = tags_text (lead);
      const char *cells[] = {
        lb_lead_get_first_name (lead), lb_lead_get_last_name (lead), lb_lead_get_email (lead),
        lb_lead_get_phone (lead), lb_lead_get_text (lead, LB_LEAD_SOURCE),
        lb_lead_get_text (lead, LB_LEAD_COMPANY),
        lb_enum_to_nick (LB_TYPE_RATING, lb_lead_get_rating (lead)), tags, created_text,
      };

      lb_csv_append_record (text, cells, G_N_ELEMENTS (cells));
      g_assert_cmpint (lb_lead_create (other, lead, &error), ==, i + 1);
      g_assert_no_error (error);
    }
  g_assert_true (lb_store_commit (other, &error));
  path = write_file (fixture, "bulk.csv", text->str);

  result = lb_import_leads (fixture->store, path, LB_DUPLICATES_SKIP, NULL, note_deferred,
                            fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, N_BULK);
  g_assert_cmpuint (result->errors->len, ==, 0);
  /* this size of import builds the sorting indexes at the end */
  g_assert_true (g_object_get_data (G_OBJECT (fixture->store), "saw-deferred"));

  /* the same schema, the same rows, a sound database */
  schema = query_rows (fixture->store, SCHEMA_SQL);
  other_schema = query_rows (other, SCHEMA_SQL);
  g_assert_cmpstr (schema, ==, other_schema);
  assert_sound (fixture->store);
  assert_sound (other);

  for (guint start = 1; start <= N_BULK; start += 1000)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) leads = NULL;
      g_autoptr(GPtrArray) other_leads = NULL;

      for (gint64 id = start; id < start + 1000 && id <= N_BULK; id++)
        g_array_append_val (ids, id);
      leads = lb_store_get_leads (fixture->store, (gint64 *)ids->data, ids->len, NULL);
      other_leads = lb_store_get_leads (other, (gint64 *)ids->data, ids->len, NULL);
      g_assert_cmpuint (leads->len, ==, ids->len);
      g_assert_cmpuint (other_leads->len, ==, ids->len);
      for (guint i = 0; i < leads->len; i++)
        {
          LbLead *a = g_ptr_array_index (leads, i);
          LbLead *b = g_ptr_array_index (other_leads, i);

          assert_same_lead (a, b);
          g_assert_cmpint (lb_lead_get_int (a, LB_LEAD_UPDATED_AT), ==,
                           lb_lead_get_int (b, LB_LEAD_UPDATED_AT));
        }
    }

  /* every index gives the same answers: each sort order, searches */
  for (int sort = LB_LEAD_SORT_CREATED; sort <= LB_LEAD_SORT_UPDATED; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
        g_autoptr(GArray) ids = NULL;
        g_autoptr(GArray) other_ids = NULL;

        filter->sort = sort;
        filter->descending = descending;
        if (sort == LB_LEAD_SORT_RATING)
          filter->source = g_strdup ("Email");
        ids = lb_store_query_lead_ids (fixture->store, filter, 0, NULL);
        other_ids = lb_store_query_lead_ids (other, filter, 0, NULL);
        g_assert_cmpuint (ids->len, ==, other_ids->len);
        g_assert_cmpmem (ids->data, ids->len * sizeof (gint64),
                         other_ids->data, other_ids->len * sizeof (gint64));
      }
  for (guint i = 0; i < 4; i++)
    {
      const char *words[] = { "kowalski", "lead1234", "15550001", "company 42" };
      g_autoptr(GArray) ids = search_ids (fixture->store, words[i]);
      g_autoptr(GArray) other_ids = search_ids (other, words[i]);

      g_assert_cmpuint (ids->len, >, 0);
      g_assert_cmpuint (ids->len, ==, other_ids->len);
      g_assert_cmpmem (ids->data, ids->len * sizeof (gint64),
                       other_ids->data, other_ids->len * sizeof (gint64));
    }
}

/* export */

static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbCsvReader) reader = lb_csv_reader_new (path, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  GPtrArray *fields;

  g_assert_no_error (error);
  while (lb_csv_reader_next (reader, &fields, NULL, &error))
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < fields->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (fields, i));
      g_ptr_array_add (rows, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }
  g_assert_no_error (error);

  return rows;
}

static int
column_index (char       **header,
              const char  *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;

  g_assert_not_reached ();
}

static void
test_export_filter (LbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "leads.csv", NULL);
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(LbLead) zeta = lb_test_make_lead ("Ann", "Zeta", "zeta@example.com", "+1 555 0101");
  g_autoptr(LbLead) alpha = lb_test_make_lead ("Bob", "Alpha", NULL, NULL);
  g_autoptr(LbLead) contacted = lb_test_make_lead ("Cy", "Beta", NULL, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  char **header;
  guint n_written = 0;
  gint64 trashed;

  lb_lead_set_text (zeta, LB_LEAD_DESCRIPTION, "=2+3");
  lb_lead_set_text (zeta, LB_LEAD_COMPANY, "@Corp, Inc.");
  g_assert_cmpint (lb_lead_create (fixture->store, zeta, &error), >, 0);
  g_assert_cmpint (lb_lead_create (fixture->store, alpha, &error), >, 0);
  g_assert_cmpint (lb_lead_create (fixture->store, contacted, &error), >, 0);
  lb_lead_set_status (contacted, LB_LEAD_STATUS_CONTACTED);
  g_assert_true (lb_lead_save (fixture->store, contacted, &error));
  trashed = lb_test_add_lead (fixture->store, "Dee", "Aardvark", NULL, NULL);
  g_assert_true (lb_lead_trash (fixture->store, trashed, &error));
  g_assert_no_error (error);

  filter->status = LB_LEAD_STATUS_NEW;
  filter->sort = LB_LEAD_SORT_NAME;
  filter->descending = FALSE;
  g_assert_true (lb_export_leads (fixture->store, filter, path, &n_written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 2);

  rows = read_csv (path);
  g_assert_cmpuint (rows->len, ==, 3);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (header[0], ==, "title");
  g_assert_cmpstr (header[1], ==, "first_name");
  g_assert_false (g_strv_contains ((const char * const *)header, "full_name"));
  g_assert_true (g_strv_contains ((const char * const *)header, "created_at"));
  g_assert_cmpuint (g_strv_length (header), ==, 28);

  /* the filter's order; the formula guard on the cells that need it */
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 1))[column_index (header, "last_name")],
                   ==, "Alpha");
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 2))[column_index (header, "last_name")],
                   ==, "Zeta");
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 2))[column_index (header, "phone")],
                   ==, "'+1 555 0101");
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 2))[column_index (header, "description")],
                   ==, "'=2+3");
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 2))[column_index (header, "company")],
                   ==, "'@Corp, Inc.");
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 2))[column_index (header, "status")],
                   ==, "new");

  /* no temporary file stays behind */
  dir = g_dir_open (fixture->dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    g_assert_true (strcmp (name, "leads.csv") == 0 || strcmp (name, "data") == 0);
}

static void
test_export_cancel (LbTestFixture *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "keep.csv", "old contents\n");
  g_autofree char *contents = NULL;
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_written = 7;

  lb_test_add_lead (fixture->store, "Ann", "Zeta", NULL, NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (lb_export_leads (fixture->store, filter, path, &n_written, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_written, ==, 0);

  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "old contents\n");
  dir = g_dir_open (fixture->dir, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    g_assert_true (strcmp (name, "keep.csv") == 0 || strcmp (name, "data") == 0);
  g_clear_error (&error);

  /* a folder that does not exist */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "no", "such.csv", NULL);
  g_assert_false (lb_export_leads (fixture->store, filter, path, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static gint64
add_full_lead (LbStore      *store,
               const char   *first,
               const char   *last,
               LbLeadStatus  status,
               void        (*fill) (LbLead *lead))
{
  g_autoptr(LbLead) lead = lb_test_make_lead (first, last, NULL, NULL);
  g_autoptr(GError) error = NULL;

  fill (lead);
  g_assert_cmpint (lb_lead_create (store, lead, &error), >, 0);
  g_assert_no_error (error);
  if (status != LB_LEAD_STATUS_NEW)
    {
      lb_lead_set_status (lead, status);
      g_assert_true (lb_lead_save (store, lead, &error));
    }

  return lb_lead_get_id (lead);
}

static void
fill_rich (LbLead *lead)
{
  lb_lead_set_text (lead, LB_LEAD_TITLE, "=Rich, \"quoted\" lead");
  lb_lead_set_text (lead, LB_LEAD_MIDDLE_NAME, "Ørjan");
  lb_lead_set_text (lead, LB_LEAD_EMAIL, "rich@example.com");
  lb_lead_set_text (lead, LB_LEAD_PHONE, "+48 (22) 123-45-67");
  lb_lead_set_text (lead, LB_LEAD_SOURCE, "social network");
  lb_lead_set_text (lead, LB_LEAD_COMPANY, "Ąćę Sp. z o.o.");
  lb_lead_set_new_company (lead, TRUE);
  lb_lead_set_text (lead, LB_LEAD_COMPANY_NAME, "-Minus Corp");
  lb_lead_set_text (lead, LB_LEAD_COMPANY_WEBSITE, "example.org/path?a=1,b=2");
  lb_lead_set_text (lead, LB_LEAD_COMPANY_TIN, "1234567890");
  lb_lead_set_text (lead, LB_LEAD_PRODUCT_INTEREST, "@Support");
  lb_lead_set_text (lead, LB_LEAD_OWNER, "Alex");
  lb_lead_set_text (lead, LB_LEAD_STREET, "ul. Długa 1\nm. 2");
  lb_lead_set_text (lead, LB_LEAD_CITY, "Gdańsk");
  lb_lead_set_text (lead, LB_LEAD_POSTAL_CODE, "80-001");
  lb_lead_set_text (lead, LB_LEAD_REGION, "Pomorskie");
  lb_lead_set_text (lead, LB_LEAD_COUNTRY, "Poland");
  lb_lead_set_text (lead, LB_LEAD_DESCRIPTION, "Line 1\r\nLine 2; with \"quotes\", commas\ttab");
  lb_lead_set_rating (lead, LB_RATING_HOT);
  lb_lead_set_tags (lead, (const char *[]) { "vip", "trade-fair", NULL });
  lb_lead_set_int (lead, LB_LEAD_CREATED_AT, 1690000123);
}

static void
fill_plain (LbLead *lead)
{
  lb_lead_set_rating (lead, LB_RATING_COLD);
}

static void
fill_campaign (LbLead *lead)
{
  lb_lead_set_text (lead, LB_LEAD_EMAIL, "camp@example.com");
  lb_lead_set_text (lead, LB_LEAD_CAMPAIGN, "Spring");
  lb_lead_set_text (lead, LB_LEAD_SELLING_DIRECTION, "Retail");
  lb_lead_set_text (lead, LB_LEAD_DISTRIBUTION_CHANNEL, "Newsletter");
}

static void
test_export_round_trip (LbTestFixture *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "all.csv", NULL);
  g_autofree char *empty_path = g_build_filename (fixture->dir, "empty", "leadbook.db", NULL);
  g_autoptr(LbStore) empty = NULL;
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  g_autoptr(LbImportResult) result = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) new_ids = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GPtrArray) new_leads = NULL;
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  for (LbRefKind kind = LB_REF_CAMPAIGN; kind <= LB_REF_DISTRIBUTION_CHANNEL; kind++)
    {
      const char *names[] = { "Spring", "Retail", "Newsletter" };

      g_assert_cmpint (lb_ref_add (fixture->store, kind, names[kind - LB_REF_CAMPAIGN], &error),
                       >, 0);
    }
  add_full_lead (fixture->store, "Rich", "Lead", LB_LEAD_STATUS_CONTACTED, fill_rich);
  add_full_lead (fixture->store, "Plain", "Lead", LB_LEAD_STATUS_LOST, fill_plain);
  add_full_lead (fixture->store, "Camp", "Lead", LB_LEAD_STATUS_NEW, fill_campaign);

  filter->sort = LB_LEAD_SORT_NAME;
  filter->descending = TRUE;
  g_assert_true (lb_export_leads (fixture->store, filter, path, &n_written, NULL, &error));
  g_assert_cmpuint (n_written, ==, 3);

  /* into an empty database that knows the same lists */
  empty = lb_store_open (empty_path, &error);
  g_assert_no_error (error);
  for (LbRefKind kind = LB_REF_CAMPAIGN; kind <= LB_REF_DISTRIBUTION_CHANNEL; kind++)
    {
      const char *names[] = { "spring", "retail", "newsletter" };

      lb_store_add_ref (empty, kind, names[kind - LB_REF_CAMPAIGN], &error);
      g_assert_no_error (error);
    }
  result = lb_import_leads (empty, path, LB_DUPLICATES_SKIP, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 3);
  g_assert_cmpuint (result->errors->len, ==, 0);
  g_assert_cmpuint (result->unknown_columns->len, ==, 0);

  ids = lb_store_query_lead_ids (fixture->store, filter, 0, NULL);
  new_ids = lb_store_query_lead_ids (empty, filter, 0, NULL);
  leads = lb_store_get_leads (fixture->store, (gint64 *)ids->data, ids->len, NULL);
  new_leads = lb_store_get_leads (empty, (gint64 *)new_ids->data, new_ids->len, NULL);
  g_assert_cmpuint (new_leads->len, ==, 3);
  for (guint i = 0; i < leads->len; i++)
    {
      LbLead *a = g_ptr_array_index (leads, i);
      LbLead *b = g_ptr_array_index (new_leads, i);

      /* the lists' own spelling wins, as for any import */
      if (lb_lead_get_text (b, LB_LEAD_CAMPAIGN) != NULL)
        {
          lb_lead_set_text (b, LB_LEAD_CAMPAIGN, "Spring");
          lb_lead_set_text (b, LB_LEAD_SELLING_DIRECTION, "Retail");
          lb_lead_set_text (b, LB_LEAD_DISTRIBUTION_CHANNEL, "Newsletter");
        }
      assert_same_lead (a, b);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, lb_test_fixture_setup, func, lb_test_fixture_teardown)

  ADD ("/lead-import/basic", test_import_basic);
  ADD ("/lead-import/aliases", test_import_aliases);
  ADD ("/lead-import/unreadable", test_import_unreadable);
  ADD ("/lead-import/bad-rows", test_import_bad_rows);
  ADD ("/lead-import/duplicates-skip", test_import_duplicates_skip);
  ADD ("/lead-import/duplicates-update", test_import_duplicates_update);
  ADD ("/lead-import/update-new-lead", test_import_update_new_lead);
  ADD ("/lead-import/references", test_import_references);
  ADD ("/lead-import/cancel", test_import_cancel);
  ADD ("/lead-import/store-error", test_import_store_error);
  ADD ("/lead-import/bad-utf8", test_import_bad_utf8);
  ADD ("/lead-import/bulk-same-as-one-by-one", test_import_bulk_same);
  ADD ("/lead-export/filter-and-order", test_export_filter);
  ADD ("/lead-export/cancel", test_export_cancel);
  ADD ("/lead-export/round-trip", test_export_round_trip);

#undef ADD

  return g_test_run ();
}
