#include "config.h"

#include <string.h>

#include "lb-error.h"
#include "lb-lead-actions.h"
#include "lb-store.h"
#include "lb-test-util.h"
#include "lb-validate.h"

/* Six leads with known fields, created a day apart (oldest first). */
typedef struct
{
  const char   *first;
  const char   *last;
  const char   *email;
  const char   *phone;
  const char   *source;
  const char   *company;
  LbLeadStatus  status;
  LbRating      rating;
  const char   *tag;
  const char   *owner;
} Row;

static const Row rows[] = {
  { "Ann",   "Lee",     "ann@alpha.example",   "+1 555 000 0001", "Website",    "Alpha Tools", LB_LEAD_STATUS_NEW,       LB_RATING_HOT,  "vip", "kim" },
  { "Bob",   "Ray",     "bob@beta.example",    "+1 555 000 0002", "Email",      "Beta Foods",  LB_LEAD_STATUS_CONTACTED, LB_RATING_WARM, NULL,  "kim" },
  { "Cleo",  "Sands",   NULL,                  "+44 20 7946 0003", "Partner",   "Gamma Labs",  LB_LEAD_STATUS_LOST,      LB_RATING_HOT,  "b2b", "lou" },
  { "Dora",  "Åström",  "dora@delta.example",  NULL,              "Website",    "Delta Ship",  LB_LEAD_STATUS_NEW,       LB_RATING_COLD, "vip", NULL  },
  { "Eli",   "Lee",     "eli@alpha.example",   "555-000-0005",    "Phone call", "Alpha Tools", LB_LEAD_STATUS_CONTACTED, LB_RATING_HOT,  NULL,  "lou" },
  { "Fay",   "Zimmer",  "fay@epsilon.example", NULL,              "Chat",       NULL,          LB_LEAD_STATUS_NEW,       LB_RATING_WARM, "b2b", "kim" },
};

#define DAY 86400
#define T0 1767225600  /* 2026-01-01 00:00 UTC */

static gint64 ids[G_N_ELEMENTS (rows)];

static void
add_rows (LbStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(LbLead) lead = lb_test_make_lead (rows[i].first, rows[i].last,
                                                  rows[i].email, rows[i].phone);
      g_autoptr(GError) error = NULL;
      const char *tags[] = { rows[i].tag, NULL };

      lb_lead_set_text (lead, LB_LEAD_SOURCE, rows[i].source);
      lb_lead_set_text (lead, LB_LEAD_COMPANY, rows[i].company);
      lb_lead_set_text (lead, LB_LEAD_OWNER, rows[i].owner);
      lb_lead_set_rating (lead, rows[i].rating);
      lb_lead_set_tags (lead, tags);
      lb_store_set_clock (store, T0 + i * DAY);
      ids[i] = lb_lead_create (store, lead, &error);
      g_assert_no_error (error);

      if (rows[i].status != LB_LEAD_STATUS_NEW)
        {
          lb_lead_set_status (lead, rows[i].status);
          g_assert_true (lb_lead_save (store, lead, &error));
          g_assert_no_error (error);
        }
    }
  lb_store_set_clock (store, 0);
}

/* The 1-based row numbers (as a string like "6 5 1") a filter gives. */
static char *
query (LbStore      *store,
       LbLeadFilter *filter)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  found = lb_store_query_lead_ids (store, filter, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lb_store_count_leads (store, filter, NULL), ==, found->len);

  for (guint i = 0; i < found->len; i++)
    for (guint r = 0; r < G_N_ELEMENTS (ids); r++)
      if (ids[r] == g_array_index (found, gint64, i))
        g_string_append_printf (out, "%s%u", out->len ? " " : "", r + 1);

  return g_string_free (out, FALSE);
}

#define ASSERT_QUERY(store, filter, expected) \
  G_STMT_START { \
    g_autofree char *got_ = query ((store), (filter)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_roundtrip (LbTestFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", "Ann@Example.com", "+1 (555) 123-4567");
  g_autoptr(LbLead) back = NULL;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "vip", "fair", NULL };

  lb_store_add_ref (fixture->store, LB_REF_CAMPAIGN, "Spring", NULL);
  lb_lead_set_text (lead, LB_LEAD_CATEGORY, "general");
  lb_lead_set_text (lead, LB_LEAD_CAMPAIGN, "spring");
  lb_lead_set_text (lead, LB_LEAD_TITLE, "Big deal");
  lb_lead_set_text (lead, LB_LEAD_CITY, "Graz");
  lb_lead_set_text (lead, LB_LEAD_DESCRIPTION, "Line one\nLine two");
  lb_lead_set_tags (lead, tags);
  lb_lead_set_int (lead, LB_LEAD_CREATED_AT, 1000);
  lb_lead_set_int (lead, LB_LEAD_UPDATED_AT, 2000);
  g_assert_true (lb_store_insert_lead (fixture->store, lead, &error));
  g_assert_no_error (error);

  back = lb_store_get_lead (fixture->store, lb_lead_get_id (lead), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lb_lead_get_email (back), ==, "Ann@Example.com");
  g_assert_cmpstr (lb_lead_get_text (back, LB_LEAD_SOURCE), ==, "Website");
  /* Reference names come back spelled as in their list. */
  g_assert_cmpstr (lb_lead_get_text (back, LB_LEAD_CATEGORY), ==, "General");
  g_assert_cmpstr (lb_lead_get_text (back, LB_LEAD_CAMPAIGN), ==, "Spring");
  g_assert_cmpstr (lb_lead_get_text (back, LB_LEAD_DESCRIPTION), ==, "Line one\nLine two");
  g_assert_cmpint (lb_lead_get_int (back, LB_LEAD_CREATED_AT), ==, 1000);
  g_assert_nonnull (lb_lead_get_tags (back));
  g_assert_cmpuint (g_strv_length ((char **)lb_lead_get_tags (back)), ==, 2);
  /* Unknown tags join the tag list. */
  {
    g_autoptr(LbRefItem) fair = lb_store_find_ref (fixture->store, LB_REF_TAG, "fair");
    g_assert_nonnull (fair);
  }
}

static void
test_unknown_reference_refused (LbTestFixture *fixture,
                                gconstpointer  data)
{
  g_autoptr(LbLead) lead = lb_test_make_lead ("Ann", "Lee", NULL, NULL);
  g_autoptr(GError) error = NULL;

  lb_lead_set_text (lead, LB_LEAD_SOURCE, "Carrier pigeon");
  g_assert_false (lb_store_insert_lead (fixture->store, lead, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_SOURCE);
  g_assert_nonnull (strstr (error->message, "Carrier pigeon"));
}

static void
test_unique_indexes (LbTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(LbLead) a = lb_test_make_lead ("Ann", "Lee", "ann@x.example", "555 0001 234");
  g_autoptr(LbLead) b = lb_test_make_lead ("Bob", "Ray", "ANN@X.example", NULL);
  g_autoptr(LbLead) c = lb_test_make_lead ("Cid", "Moe", NULL, "(555) 000-1234");
  g_autoptr(GError) error = NULL;

  /* Raw rows: no action fills in the title and the default category. */
  LbLead *raw[] = { a, b, c };
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      lb_lead_set_text (raw[i], LB_LEAD_TITLE, "Raw");
      lb_lead_set_text (raw[i], LB_LEAD_CATEGORY, "General");
    }
  g_assert_true (lb_store_insert_lead (fixture->store, a, NULL));
  /* The store refuses duplicates even when an action forgot to check. */
  g_assert_false (lb_store_insert_lead (fixture->store, b, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_EMAIL);
  g_clear_error (&error);
  g_assert_false (lb_store_insert_lead (fixture->store, c, &error));
  g_assert_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_PHONE);

  g_assert_cmpint (lb_store_find_lead_by_email (fixture->store, "ann@X.EXAMPLE", 0), ==, lb_lead_get_id (a));
  g_assert_cmpint (lb_store_find_lead_by_email (fixture->store, "ann@x.example", lb_lead_get_id (a)), ==, 0);
  g_assert_cmpint (lb_store_find_lead_by_phone (fixture->store, "5550001234", 0), ==, lb_lead_get_id (a));

  /* In the trash it no longer counts. */
  g_assert_true (lb_store_set_lead_deleted_at (fixture->store, lb_lead_get_id (a), 5, NULL));
  g_assert_cmpint (lb_store_find_lead_by_email (fixture->store, "ann@x.example", 0), ==, 0);
  g_assert_true (lb_store_insert_lead (fixture->store, b, NULL));
}

static void
test_filters (LbTestFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(LbLeadFilter) f = lb_lead_filter_new ();
  char *tags[] = { "VIP", "b2b", NULL };
  char *one_tag[] = { "vip", NULL };

  add_rows (fixture->store);

  ASSERT_QUERY (fixture->store, f, "6 5 4 3 2 1");

  f->status = LB_LEAD_STATUS_CONTACTED;
  ASSERT_QUERY (fixture->store, f, "5 2");
  f->status = -1;

  f->rating = LB_RATING_HOT;
  ASSERT_QUERY (fixture->store, f, "5 3 1");
  f->rating = -1;

  f->source = g_strdup ("website");
  ASSERT_QUERY (fixture->store, f, "4 1");
  g_clear_pointer (&f->source, g_free);

  f->category = g_strdup ("General");
  ASSERT_QUERY (fixture->store, f, "6 5 4 3 2 1");
  g_free (f->category);
  f->category = g_strdup ("Nonexistent");
  ASSERT_QUERY (fixture->store, f, "");
  g_clear_pointer (&f->category, g_free);

  f->tags = g_strdupv (tags);
  ASSERT_QUERY (fixture->store, f, "6 4 3 1");
  g_strfreev (f->tags);
  f->tags = g_strdupv (one_tag);
  ASSERT_QUERY (fixture->store, f, "4 1");
  g_clear_pointer (&f->tags, g_strfreev);

  f->owner = g_strdup ("KIM");
  ASSERT_QUERY (fixture->store, f, "6 2 1");
  g_clear_pointer (&f->owner, g_free);

  f->since = T0 + 1 * DAY;
  f->until = T0 + 3 * DAY;
  ASSERT_QUERY (fixture->store, f, "3 2");
  f->since = f->until = 0;

  /* Combined: hot, tagged vip or b2b, contacted or not. */
  f->rating = LB_RATING_HOT;
  f->tags = g_strdupv (tags);
  ASSERT_QUERY (fixture->store, f, "3 1");
  f->status = LB_LEAD_STATUS_NEW;
  ASSERT_QUERY (fixture->store, f, "1");
}

static void
test_search (LbTestFixture *fixture,
             gconstpointer  data)
{
  g_autoptr(LbLeadFilter) f = lb_lead_filter_new ();
  const struct { const char *text; const char *expected; } cases[] = {
    { "lee", "5 1" },
    { "LEE ann", "1" },
    { "ann@alpha.example", "1" },
    { "alpha", "5 1" },               /* email domain and company */
    { "alph", "5 1" },                /* prefixes */
    { "astrom", "4" },                /* diacritics ignored */
    { "Åström", "4" },
    { "15550000002", "2" },           /* phone digits */
    { "555", "5 2 1" },
    { "gamma", "3" },
    { "zzz", "" },
    { "\"", "6 5 4 3 2 1" },          /* FTS syntax in the text means nothing */
    { "lee OR ray", "" },
    { "NEAR(lee", "" },
    { "  ", "6 5 4 3 2 1" },
  };

  add_rows (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_free (f->search);
      f->search = g_strdup (cases[i].text);
      ASSERT_QUERY (fixture->store, f, cases[i].expected);
    }
}

static void
test_sort (LbTestFixture *fixture,
           gconstpointer  data)
{
  g_autoptr(LbLeadFilter) f = lb_lead_filter_new ();
  const struct { LbLeadSort sort; gboolean desc; const char *expected; } cases[] = {
    { LB_LEAD_SORT_CREATED, FALSE, "1 2 3 4 5 6" },
    { LB_LEAD_SORT_NAME, FALSE, "1 5 2 3 6 4" },     /* Lee Ann, Lee Eli, Ray, Sands, Zimmer, Åström */
    { LB_LEAD_SORT_EMAIL, FALSE, "3 1 2 4 5 6" },    /* no email first */
    { LB_LEAD_SORT_COMPANY, FALSE, "6 1 5 2 4 3" },
    { LB_LEAD_SORT_SOURCE, FALSE, "6 2 3 5 1 4" },   /* Chat, Email, Partner, Phone call, Website */
    { LB_LEAD_SORT_STATUS, FALSE, "1 4 6 2 5 3" },   /* New, Contacted, Lost; then by date */
    { LB_LEAD_SORT_RATING, TRUE, "5 3 1 6 2 4" },    /* hot first, newest first within */
    { LB_LEAD_SORT_TITLE, TRUE, "6 5 4 3 2 1" },
  };

  add_rows (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      f->sort = cases[i].sort;
      f->descending = cases[i].desc;
      ASSERT_QUERY (fixture->store, f, cases[i].expected);
    }
}

static void
test_trash_filter (LbTestFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(LbLeadFilter) f = lb_lead_filter_new ();

  add_rows (fixture->store);
  g_assert_true (lb_lead_trash (fixture->store, ids[1], NULL));
  g_assert_true (lb_lead_trash (fixture->store, ids[4], NULL));

  ASSERT_QUERY (fixture->store, f, "6 4 3 1");
  f->trash = TRUE;
  ASSERT_QUERY (fixture->store, f, "5 2");
  f->search = g_strdup ("lee");
  ASSERT_QUERY (fixture->store, f, "5");
  f->trash = FALSE;
  ASSERT_QUERY (fixture->store, f, "1");
}

static void
test_get_leads_in_order (LbTestFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) leads = NULL;
  gint64 wanted[4];

  add_rows (fixture->store);
  wanted[0] = ids[4];
  wanted[1] = 999999;     /* no such lead: left out */
  wanted[2] = ids[0];
  wanted[3] = ids[3];

  leads = lb_store_get_leads (fixture->store, wanted, G_N_ELEMENTS (wanted), NULL);
  g_assert_cmpuint (leads->len, ==, 3);
  g_assert_cmpstr (lb_lead_get_first_name (g_ptr_array_index (leads, 0)), ==, "Eli");
  g_assert_cmpstr (lb_lead_get_first_name (g_ptr_array_index (leads, 1)), ==, "Ann");
  g_assert_cmpstr (lb_lead_get_first_name (g_ptr_array_index (leads, 2)), ==, "Dora");
  g_assert_cmpstr (lb_lead_get_tags (g_ptr_array_index (leads, 1))[0], ==, "vip");
}

static void
test_hot_leads (LbTestFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) hot = NULL;

  add_rows (fixture->store);
  /* Rows 1, 3 and 5 are hot; 3 is lost.  Newest first. */
  hot = lb_store_hot_leads (fixture->store, 0, NULL);
  g_assert_cmpuint (hot->len, ==, 2);
  g_assert_cmpint (lb_lead_get_id (g_ptr_array_index (hot, 0)), ==, ids[4]);
  g_assert_cmpint (lb_lead_get_id (g_ptr_array_index (hot, 1)), ==, ids[0]);

  g_assert_true (lb_lead_trash (fixture->store, ids[4], NULL));
  g_clear_pointer (&hot, g_ptr_array_unref);
  hot = lb_store_hot_leads (fixture->store, 1, NULL);
  g_assert_cmpuint (hot->len, ==, 1);
  g_assert_cmpint (lb_lead_get_id (g_ptr_array_index (hot, 0)), ==, ids[0]);
}

static void
test_limit (LbTestFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(LbLeadFilter) f = lb_lead_filter_new ();
  g_autoptr(GArray) some = NULL;

  add_rows (fixture->store);
  some = lb_store_query_lead_ids (fixture->store, f, 2, NULL);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpint (g_array_index (some, gint64, 0), ==, ids[5]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, LbTestFixture, NULL, lb_test_fixture_setup, func, lb_test_fixture_teardown)

  ADD ("/lead-store/roundtrip", test_roundtrip);
  ADD ("/lead-store/unknown-reference", test_unknown_reference_refused);
  ADD ("/lead-store/unique-indexes", test_unique_indexes);
  ADD ("/lead-store/filters", test_filters);
  ADD ("/lead-store/search", test_search);
  ADD ("/lead-store/sort", test_sort);
  ADD ("/lead-store/trash", test_trash_filter);
  ADD ("/lead-store/get-leads-in-order", test_get_leads_in_order);
  ADD ("/lead-store/hot-leads", test_hot_leads);
  ADD ("/lead-store/limit", test_limit);

#undef ADD

  return g_test_run ();
}
