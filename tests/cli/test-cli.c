#define G_LOG_DOMAIN "test-cli"

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli-test-util.h"

/* Runs the built leadbook-cli on a temporary database and checks its
 * exit codes, output and JSON (SPEC 4, docs/cli.md). */

/* helpers */

/* The ids listed by `lead list --json` with the arguments up to NULL,
 * in their order, as "1,3,5". */
G_GNUC_NULL_TERMINATED static char *
list_ids (Fixture *f,
          ...)
{
  const char *prefix[] = { "--json", "lead", "list", NULL };
  char *ids;
  va_list ap;

  va_start (ap, f);
  ids = cli_list_ids_va (f, prefix, ap);
  va_end (ap);

  return ids;
}

#define assert_list(f, expected, ...) \
  G_STMT_START { \
    g_autofree char *ids_ = list_ids ((f), __VA_ARGS__, NULL); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);

  return contents;
}

/* The local date of an ISO 8601 time, moved by @days. */
static char *
local_day (const char *iso,
           int         days)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) moved = NULL;

  g_assert_nonnull (utc);
  local = g_date_time_to_local (utc);
  moved = g_date_time_add_days (local, days);

  return g_date_time_format (moved, "%Y-%m-%d");
}

/* tests */

static void
test_add_and_show (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *human = NULL;
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);
  JsonObject *object;
  JsonArray *tags;

  g_free (cli_ok (f, "ref", "add", "campaign", "Spring Fair", NULL));
  g_free (cli_ok (f, "ref", "add", "selling-direction", "Retail", NULL));
  g_free (cli_ok (f, "ref", "add", "distribution_channel", "Newsletter", NULL));

  out = cli_ok (f, "lead", "add", "--first-name", "Anna", "--middle-name", "Maria",
                "--last-name", "Adler", "--source", "website form", "--category", "general",
                "--title", "Anna wants a quote", "--email", "Anna@Example.com",
                "--phone", "+49 30 1234567", "--company", "Adler GmbH", "--new-company",
                "--company-name", "Adler Holding", "--website", "adler.example",
                "--tin", "1234567890", "--street", "Main St 1", "--city", "Berlin",
                "--postal-code", "10115", "--region", "BE", "--country", "Germany",
                "--rating", "hot", "--tag", "vip", "--tag", "b2b", "--notes", "Met at the fair",
                "--owner", "sam", "--campaign", "spring fair", "--selling-direction", "Retail",
                "--product-interest", "Support plan", "--channel", "Newsletter", NULL);
  g_assert_cmpstr (out, ==, "1\n");

  lead = show_lead (f, 1);
  object = json_node_get_object (lead);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 1);
  g_assert_cmpstr (member_text (lead, "title"), ==, "Anna wants a quote");
  g_assert_cmpstr (member_text (lead, "first_name"), ==, "Anna");
  g_assert_cmpstr (member_text (lead, "middle_name"), ==, "Maria");
  g_assert_cmpstr (member_text (lead, "last_name"), ==, "Adler");
  g_assert_cmpstr (member_text (lead, "email"), ==, "Anna@Example.com");
  g_assert_cmpstr (member_text (lead, "phone"), ==, "+49 30 1234567");
  g_assert_cmpstr (member_text (lead, "source"), ==, "Website form");
  g_assert_cmpstr (member_text (lead, "category"), ==, "General");
  g_assert_cmpstr (member_text (lead, "status"), ==, "new");
  g_assert_cmpstr (member_text (lead, "rating"), ==, "hot");
  g_assert_cmpstr (member_text (lead, "company"), ==, "Adler GmbH");
  g_assert_true (json_object_get_boolean_member (object, "new_company"));
  g_assert_cmpstr (member_text (lead, "company_name"), ==, "Adler Holding");
  g_assert_cmpstr (member_text (lead, "company_website"), ==, "https://adler.example");
  g_assert_cmpstr (member_text (lead, "company_tin"), ==, "1234567890");
  g_assert_cmpstr (member_text (lead, "street"), ==, "Main St 1");
  g_assert_cmpstr (member_text (lead, "city"), ==, "Berlin");
  g_assert_cmpstr (member_text (lead, "postal_code"), ==, "10115");
  g_assert_cmpstr (member_text (lead, "region"), ==, "BE");
  g_assert_cmpstr (member_text (lead, "country"), ==, "Germany");
  g_assert_cmpstr (member_text (lead, "description"), ==, "Met at the fair");
  g_assert_cmpstr (member_text (lead, "owner"), ==, "sam");
  g_assert_cmpstr (member_text (lead, "campaign"), ==, "Spring Fair");
  g_assert_cmpstr (member_text (lead, "selling_direction"), ==, "Retail");
  g_assert_cmpstr (member_text (lead, "product_interest"), ==, "Support plan");
  g_assert_cmpstr (member_text (lead, "distribution_channel"), ==, "Newsletter");
  g_assert_true (g_regex_match (iso, member_text (lead, "created_at"), 0, NULL));
  g_assert_true (g_regex_match (iso, member_text (lead, "updated_at"), 0, NULL));
  g_assert_null (member_text (lead, "deleted_at"));
  for (guint i = 0; i < 5; i++)
    {
      const char *links[] = { "account_id", "contact_id", "converted_contact_id",
                              "converted_account_id", "converted_deal_id" };
      g_assert_true (json_object_get_null_member (object, links[i]));
    }
  tags = json_object_get_array_member (object, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "vip");
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "b2b");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "orders")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "invoices")), ==, 0);

  /* --json after the command; a create prints the created object. */
  created = parse_json (out = (g_free (out), cli_ok (f, "lead", "add", "--first-name", "Ben",
                                                    "--last-name", "Baker", "--source", "Email",
                                                    "--json", NULL)));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (created), "id"), ==, 2);
  g_assert_cmpstr (member_text (created, "title"), ==, "Ben Baker");
  g_assert_cmpstr (member_text (created, "rating"), ==, "warm");
  g_assert_null (member_text (created, "email"));
  g_assert_false (json_object_has_member (json_node_get_object (created), "orders"));

  human = cli_ok (f, "lead", "show", "1", NULL);
  g_assert_nonnull (strstr (human, "\nEmail: Anna@Example.com\n"));
  g_assert_nonnull (strstr (human, "\nStatus: New\n"));
  g_assert_nonnull (strstr (human, "\nTags: vip, b2b\n"));

  g_free (cli_fails (f, 1, "lead", "show", "99", NULL));
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autofree char *today = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *tomorrow = NULL;
  g_auto(GStrv) lines = NULL;

  g_free (cli_ok (f, "ref", "add", "category", "Partners", NULL));
  ADD_LEAD (f, "Ann", "Able", "Website", "--rating", "hot", "--tag", "vip",
            "--email", "ann@able.test", "--phone", "+44 20 7946 0001");
  ADD_LEAD (f, "Ben", "Baker", "Email", "--category", "Partners", "--rating", "cold",
            "--tag", "b2b", "--email", "ben@bakery.test");
  ADD_LEAD (f, "Cleo", "Cruz", "website", "--category", "partners", "--tag", "vip",
            "--tag", "b2b", "--company", "Zenith Corp");
  ADD_LEAD (f, "Dan", "Dee", "Partner", "--rating", "hot");
  ADD_LEAD (f, "Eve", "East", "Website", "--rating", "hot", "--owner", "kim");
  g_free (cli_ok (f, "lead", "edit", "4", "--status", "contacted", NULL));
  g_free (cli_ok (f, "lead", "edit", "5", "--status", "Lost", NULL));

  /* Newest first by default; ties by id. */
  assert_list (f, "5,4,3,2,1", NULL);
  assert_list (f, "", "--trash");

  assert_list (f, "1,2,3", "--asc", "--status", "new");
  assert_list (f, "4", "--asc", "--status", "contacted");
  assert_list (f, "5", "--asc", "--status", "lost");
  assert_list (f, "", "--asc", "--status", "converted");
  assert_list (f, "1,3,5", "--asc", "--source", "WEBSITE");
  assert_list (f, "2,3", "--asc", "--category", "Partners");
  assert_list (f, "1,3", "--asc", "--tag", "vip");
  assert_list (f, "1,2,3", "--asc", "--tag", "vip", "--tag", "B2B");
  assert_list (f, "1,4,5", "--asc", "--rating", "hot");
  assert_list (f, "2", "--asc", "--rating", "cold");
  assert_list (f, "5", "--asc", "--owner", "Kim");
  assert_list (f, "1,5", "--asc", "--source", "Website", "--rating", "hot");
  assert_list (f, "3", "--asc", "--source", "Website", "--tag", "b2b", "--category", "Partners");
  assert_list (f, "1", "--asc", "--status", "new", "--rating", "hot");
  assert_list (f, "", "--asc", "--status", "lost", "--rating", "cold");

  /* free text: names, email, phone digits, company */
  assert_list (f, "1", "--search", "ann");
  assert_list (f, "4", "--search", "Dee");
  assert_list (f, "2", "--search", "ben@bakery.test");
  assert_list (f, "1", "--search", "442079460001");
  assert_list (f, "1", "--search", "7946");
  assert_list (f, "3", "--search", "zenith");
  assert_list (f, "3", "--search", "cruz", "--tag", "vip");
  assert_list (f, "", "--search", "nobody");

  /* counts and limits */
  out = cli_ok (f, "lead", "list", "--count", NULL);
  g_assert_cmpstr (out, ==, "5\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "lead", "list", "--count", "--source", "website", NULL);
  g_assert_cmpstr (out, ==, "3\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "lead", "list", "--count", "--limit", "2", NULL);
  g_assert_cmpstr (out, ==, "2\n");
  g_clear_pointer (&out, g_free);
  assert_list (f, "1,2", "--asc", "--limit", "2");
  assert_list (f, "5", "--limit", "1");

  /* sorting */
  assert_list (f, "1,2,3,4,5", "--sort", "name");
  assert_list (f, "5,4,3,2,1", "--sort", "name", "--desc");
  assert_list (f, "2,3,1,4,5", "--sort", "rating", "--asc");
  assert_list (f, "2,4,1,3,5", "--sort", "source");

  /* created on a day, local time; --until includes its day */
  first = show_lead (f, 1);
  today = local_day (member_text (first, "created_at"), 0);
  yesterday = local_day (member_text (first, "created_at"), -1);
  tomorrow = local_day (member_text (first, "created_at"), 1);
  assert_list (f, "1,2,3,4,5", "--asc", "--since", today);
  assert_list (f, "1,2,3,4,5", "--asc", "--until", today);
  assert_list (f, "1,2,3,4,5", "--asc", "--since", today, "--until", today);
  assert_list (f, "", "--since", tomorrow);
  assert_list (f, "", "--until", yesterday);
  assert_list (f, "1,5", "--asc", "--since", yesterday, "--until", tomorrow, "--rating", "hot",
               "--source", "website");

  /* the human listing: a header, then one tab-separated line per lead */
  g_assert_null (out);
  out = cli_ok (f, "lead", "list", "--asc", NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_true (g_str_has_prefix (lines[0], "ID\tTitle\tName\tCompany\tEmail\tPhone\tSource\t"));
  g_assert_true (g_str_has_prefix (lines[1], "1\tAnn Able\tAnn Able\t\tann@able.test\t"
                                             "+44 20 7946 0001\tWebsite\tGeneral\tNew\tHot\t"));
  g_assert_cmpstr (lines[6], ==, "");

  /* malformed values are usage errors */
  {
    const char *bad[][2] = {
      { "--status", "open" }, { "--rating", "tepid" }, { "--since", "2026-02-30" },
      { "--until", "yesterday" }, { "--limit", "0" }, { "--limit", "x" }, { "--sort", "size" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *err = cli_fails (f, 2, "lead", "list", bad[i][0], bad[i][1], NULL);
        assert_usage_error (err);
      }
    g_free (cli_fails (f, 2, "lead", "list", "--asc", "--desc", NULL));
    g_free (cli_fails (f, 2, "lead", "list", "--limit", NULL));
  }
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  JsonArray *tags;

  ADD_LEAD (f, "Ann", "Able", "Website", "--email", "ann@able.test", "--tag", "vip",
            "--city", "Porto");
  ADD_LEAD (f, "Ben", "Baker", "Email", "--email", "ben@baker.test");

  out = cli_ok (f, "lead", "edit", "1", "--city", "Lyon", "--rating", "cold", "--tag", "b2b",
                "--tag", "new-tag", "--email", "", "--phone", "555 123 4567", "--title", "",
                "--first-name", "Anne", NULL);
  g_assert_cmpstr (out, ==, "");
  lead = show_lead (f, 1);
  g_assert_cmpstr (member_text (lead, "city"), ==, "Lyon");
  g_assert_cmpstr (member_text (lead, "rating"), ==, "cold");
  g_assert_null (member_text (lead, "email"));
  g_assert_cmpstr (member_text (lead, "phone"), ==, "555 123 4567");
  g_assert_cmpstr (member_text (lead, "first_name"), ==, "Anne");
  g_assert_cmpstr (member_text (lead, "title"), ==, "Anne Able");
  g_assert_cmpstr (member_text (lead, "source"), ==, "Website");
  tags = json_object_get_array_member (json_node_get_object (lead), "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "b2b");

  /* statuses a user may set */
  for (guint i = 0; i < 3; i++)
    {
      const char *statuses[] = { "contacted", "lost", "new" };

      edited = parse_json (out = (g_free (out), cli_ok (f, "--json", "lead", "edit", "1",
                                                        "--status", statuses[i], NULL)));
      g_assert_cmpstr (member_text (edited, "status"), ==, statuses[i]);
      g_clear_pointer (&edited, json_node_unref);
    }

  g_free (cli_ok (f, "lead", "edit", "1", "--no-tags", NULL));
  g_clear_pointer (&lead, json_node_unref);
  lead = show_lead (f, 1);
  tags = json_object_get_array_member (json_node_get_object (lead), "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 0);

  g_free (cli_ok (f, "lead", "edit", "1", "--new-company", "--company-name", "Able Ltd", NULL));
  g_free (cli_ok (f, "lead", "edit", "1", "--no-new-company", "--account", "0", NULL));
  g_clear_pointer (&lead, json_node_unref);
  lead = show_lead (f, 1);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (lead), "new_company"));

  /* refusals change nothing */
  before = show_lead (f, 1);
  err = cli_fails (f, 1, "lead", "edit", "1", "--status", "converted", "--city", "Rome", NULL);
  g_assert_nonnull (strstr (err, "Convert"));
  g_free (err);
  err = cli_fails (f, 1, "lead", "edit", "1", "--email", "BEN@baker.test", NULL);
  g_assert_nonnull (strstr (err, "BEN@baker.test"));
  g_free (err);
  err = cli_fails (f, 1, "lead", "edit", "1", "--new-company", "--company-name", "", NULL);
  g_free (err);
  err = cli_fails (f, 1, "lead", "edit", "1", "--first-name", "", NULL);
  g_free (err);
  err = cli_fails (f, 1, "lead", "edit", "1", "--contact", "7", NULL);
  g_free (err);
  after = show_lead (f, 1);
  g_assert_true (json_node_equal (before, after));

  err = cli_fails (f, 1, "lead", "edit", "42", "--city", "Rome", NULL);
  g_free (err);
  err = cli_fails (f, 2, "lead", "edit", "1", NULL);
  assert_usage_error (err);
  g_free (err);
  err = cli_fails (f, 2, "lead", "edit", "1", "--tag", "x", "--no-tags", NULL);
  g_free (err);
  err = cli_fails (f, 2, "lead", "edit", "1", "--status", "open", NULL);
  g_free (err);
  err = cli_fails (f, 2, "lead", "edit", "--city", "Rome", NULL);
  g_free (err);

  /* a lead in the trash is not edited */
  g_free (cli_ok (f, "lead", "delete", "2", NULL));
  err = cli_fails (f, 1, "lead", "edit", "2", "--city", "Rome", NULL);
  g_assert_nonnull (strstr (err, "trash"));
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) lead = NULL;
  struct {
    int         exit_code;
    const char *option;
    const char *value;
    const char *in_message;
  } refused[] = {
    { 1, "--email", "not-an-email", "not-an-email" },
    { 1, "--email", "ANN@Able.Test", "ANN@Able.Test" },
    { 1, "--phone", "1 (555) 123-4567", "already" },
    { 1, "--phone", "123456", "7 to 15" },
    { 1, "--tin", "12345678901", "11 digits" },
    { 1, "--tin", "12345678a", "TIN" },
    { 1, "--website", "ftp://x", "ftp://x" },
    { 1, "--new-company", NULL, "new company" },
    { 1, "--account", "1", "account 1" },
    { 1, "--contact", "3", "contact 3" },
    { 1, "--category", "Nope", "Nope" },
    { 1, "--campaign", "Winter", "Winter" },
    { 2, "--rating", "lukewarm", "lukewarm" },
    { 2, "--account", "-1", "-1" },
    { 2, "--status", "new", "--status" },
  };

  ADD_LEAD (f, "Ann", "Able", "Website", "--email", "ann@able.test", "--phone", "+1 555 123 4567");
  g_assert_cmpint (count_leads (f), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *err = NULL;

      err = cli_fails (f, refused[i].exit_code, "lead", "add", "--first-name", "Bob",
                       "--last-name", "Brown", "--source", "Email", refused[i].option,
                       refused[i].value, NULL);
      if (strstr (err, refused[i].in_message) == NULL)
        g_error ("case %u: “%s” is not in the message: %s", i, refused[i].in_message, err);
      g_assert_cmpint (count_leads (f), ==, 1);
    }

  /* a new company and an existing account exclude each other */
  {
    g_autofree char *err = cli_fails (f, 1, "lead", "add", "--first-name", "Bob",
                                      "--last-name", "Brown", "--source", "Email",
                                      "--new-company", "--company-name", "Foo",
                                      "--account", "1", NULL);
    g_assert_nonnull (strstr (err, "not both"));
  }

  /* required options missing, unknown source */
  {
    g_autofree char *err = cli_fails (f, 2, "lead", "add", "--first-name", "Bob",
                                      "--last-name", "Brown", NULL);
    g_autofree char *err2 = cli_fails (f, 2, "lead", "add", "--first-name", "Bob",
                                       "--source", "Email", NULL);
    g_autofree char *err3 = cli_fails (f, 1, "lead", "add", "--first-name", "Bob",
                                       "--last-name", "Brown", "--source", "Fax", NULL);
    g_autofree char *err4 = cli_fails (f, 1, "lead", "add", "--first-name", "Bob",
                                       "--last-name", "Brown", "--source", "", NULL);

    assert_usage_error (err);
    g_assert_nonnull (strstr (err, "--source"));
    assert_usage_error (err2);
    g_assert_nonnull (strstr (err3, "Fax"));
  }
  g_assert_cmpint (count_leads (f), ==, 1);

  /* a bare host gets https://; phones compare on digits only */
  ADD_LEAD (f, "Cleo", "Cruz", "Email", "--website", "cruz.example", "--phone", "555-0199-88");
  lead = show_lead (f, 2);
  g_assert_cmpstr (member_text (lead, "company_website"), ==, "https://cruz.example");
  g_free (cli_fails (f, 1, "lead", "add", "--first-name", "Dan", "--last-name", "Dee",
                     "--source", "Email", "--phone", "(555) 019 988", NULL));
  g_assert_cmpint (count_leads (f), ==, 2);
}

static void
test_trash (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) lead = NULL;
  g_autofree char *err = NULL;

  ADD_LEAD (f, "Ann", "Able", "Website", "--email", "ann@able.test");
  ADD_LEAD (f, "Ben", "Baker", "Website");

  err = cli_fails (f, 1, "lead", "purge", "1", NULL);
  g_assert_nonnull (strstr (err, "not in the trash"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 1, "lead", "restore", "1", NULL);
  g_clear_pointer (&err, g_free);

  g_free (cli_ok (f, "lead", "delete", "1", NULL));
  assert_list (f, "2", NULL);
  assert_list (f, "1", "--trash");
  g_assert_cmpint (count_leads (f), ==, 1);
  lead = show_lead (f, 1);
  g_assert_nonnull (member_text (lead, "deleted_at"));
  err = cli_fails (f, 1, "lead", "delete", "1", NULL);
  g_clear_pointer (&err, g_free);

  g_free (cli_ok (f, "lead", "restore", "1", NULL));
  assert_list (f, "2,1", NULL);
  assert_list (f, "", "--trash");

  /* While it is in the trash another lead takes its email address. */
  g_free (cli_ok (f, "lead", "delete", "1", NULL));
  ADD_LEAD (f, "Cleo", "Cruz", "Website", "--email", "ANN@able.test");
  err = cli_fails (f, 1, "lead", "restore", "1", NULL);
  g_assert_nonnull (strstr (err, "ann@able.test"));
  g_assert_nonnull (strstr (err, "lead 3"));
  g_clear_pointer (&err, g_free);
  assert_list (f, "1", "--trash");

  g_free (cli_ok (f, "lead", "purge", "1", NULL));
  assert_list (f, "", "--trash");
  err = cli_fails (f, 1, "lead", "show", "1", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 1, "lead", "purge", "1", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", "delete", "0", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", "delete", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", "delete", "1", "2", NULL);
}

static void
test_replicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *out = NULL;
  JsonArray *tags;

  ADD_LEAD (f, "Ann", "Able", "Partner", "--email", "ann@able.test", "--phone", "555 123 4567",
            "--tag", "vip", "--city", "Porto", "--title", "Big deal");
  g_free (cli_ok (f, "lead", "edit", "1", "--status", "contacted", NULL));

  out = cli_ok (f, "lead", "replicate", "1", NULL);
  g_assert_cmpint (parse_id (out), ==, 2);
  copy = show_lead (f, 2);
  g_assert_cmpstr (member_text (copy, "title"), ==, "Copy of Big deal");
  g_assert_null (member_text (copy, "email"));
  g_assert_null (member_text (copy, "phone"));
  g_assert_cmpstr (member_text (copy, "status"), ==, "new");
  g_assert_cmpstr (member_text (copy, "source"), ==, "Partner");
  g_assert_cmpstr (member_text (copy, "city"), ==, "Porto");
  g_assert_cmpstr (member_text (copy, "first_name"), ==, "Ann");
  tags = json_object_get_array_member (json_node_get_object (copy), "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 1);

  g_free (cli_fails (f, 1, "lead", "replicate", "9", NULL));
  g_assert_cmpint (count_leads (f), ==, 2);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) setting = NULL;
  const char *refused[][2] = {
    { "nope", "x" }, { "currency", "EURO" }, { "currency", "E1R" },
    { "payment-terms-days", "-1" }, { "payment-terms-days", "abc" },
    { "payment-terms-days", "9999" }, { "order-type", "Express" },
    { "invoice-pattern", "INV-{YYYY}" }, { "default-category", "Nope" },
  };

#define ASSERT_SETTING(key, expected) \
  G_STMT_START { \
    g_autofree char *value_ = cli_ok (f, "settings", "get", (key), NULL); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

  ASSERT_SETTING ("currency", "EUR\n");
  ASSERT_SETTING ("payment-terms-days", "30\n");
  ASSERT_SETTING ("order-type", "");
  ASSERT_SETTING ("default-category", "General\n");

  g_free (cli_ok (f, "settings", "set", "currency", "usd", NULL));
  ASSERT_SETTING ("currency", "USD\n");
  g_free (cli_ok (f, "settings", "set", "currency", "", NULL));
  ASSERT_SETTING ("currency", "EUR\n");
  g_free (cli_ok (f, "settings", "set", "order-type", "standard", NULL));
  ASSERT_SETTING ("order-type", "Standard\n");
  g_free (cli_ok (f, "settings", "set", "payment-terms-days", "14", NULL));
  ASSERT_SETTING ("payment-terms-days", "14\n");
  g_free (cli_ok (f, "settings", "set", "company-name", "Leadbook Ltd", NULL));
  ASSERT_SETTING ("company-name", "Leadbook Ltd\n");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      err = cli_fails (f, 1, "settings", "set", refused[i][0], refused[i][1], NULL);
      g_clear_pointer (&err, g_free);
    }
  ASSERT_SETTING ("order-type", "Standard\n");
  ASSERT_SETTING ("payment-terms-days", "14\n");
  ASSERT_SETTING ("currency", "EUR\n");

  err = cli_fails (f, 1, "settings", "get", "nope", NULL);
  g_assert_nonnull (strstr (err, "nope"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "settings", "set", "currency", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "settings", "get", NULL);
  g_clear_pointer (&err, g_free);

  out = cli_ok (f, "settings", "list", NULL);
  g_assert_nonnull (strstr (out, "\npayment-terms-days\t14\t"));
  g_assert_nonnull (strstr (out, "\ncurrency\tEUR\t"));
  g_assert_true (g_str_has_prefix (out, "order-type\tStandard\t"));

  setting = parse_json (out = (g_free (out), cli_ok (f, "--json", "settings", "get", "invoice-type",
                                                    NULL)));
  g_assert_cmpstr (member_text (setting, "key"), ==, "invoice-type");
  g_assert_null (member_text (setting, "value"));

#undef ASSERT_SETTING
}

static void
test_ref (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) list = NULL;

  out = cli_ok (f, "ref", "list", "source", NULL);
  g_assert_cmpstr (out, ==, "Website\nWebsite form\nEmail\nPhone call\nChat\nSocial network\n"
                            "Partner\nSelf-generation\n");
  g_clear_pointer (&out, g_free);

  out = cli_ok (f, "ref", "add", "tag", "hot-prospect", NULL);
  parse_id (out);
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "ref", "add", "selling_direction", "Retail", NULL);
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "ref", "list", "selling-direction", NULL);
  g_assert_cmpstr (out, ==, "Retail\n");
  g_clear_pointer (&out, g_free);

  err = cli_fails (f, 1, "ref", "add", "tag", "HOT-PROSPECT", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 1, "ref", "add", "tag", "  ", NULL);
  g_clear_pointer (&err, g_free);

  g_free (cli_ok (f, "ref", "rename", "tag", "hot-prospect", "Prospect", NULL));
  out = cli_ok (f, "ref", "list", "tag", NULL);
  g_assert_cmpstr (out, ==, "Prospect\n");
  g_clear_pointer (&out, g_free);
  g_free (cli_ok (f, "ref", "remove", "tag", "prospect", NULL));
  out = cli_ok (f, "ref", "list", "tag", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);

  /* an entry in use stays */
  ADD_LEAD (f, "Ann", "Able", "Chat");
  err = cli_fails (f, 1, "ref", "remove", "source", "chat", NULL);
  g_clear_pointer (&err, g_free);
  list = parse_json (out = cli_ok (f, "--json", "ref", "list", "source", NULL));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 8);
  g_clear_pointer (&out, g_free);

  /* renaming follows in the leads and in the settings that name it */
  g_free (cli_ok (f, "ref", "rename", "source", "Chat", "Live chat", NULL));
  g_free (cli_ok (f, "ref", "rename", "category", "general", "Main", NULL));
  out = cli_ok (f, "settings", "get", "default-category", NULL);
  g_assert_cmpstr (out, ==, "Main\n");
  g_clear_pointer (&out, g_free);
  {
    g_autoptr(JsonNode) lead = show_lead (f, 1);
    g_assert_cmpstr (member_text (lead, "source"), ==, "Live chat");
    g_assert_cmpstr (member_text (lead, "category"), ==, "Main");
  }
  err = cli_fails (f, 1, "ref", "remove", "category", "Main", NULL);
  g_assert_nonnull (strstr (err, "Main"));
  g_clear_pointer (&err, g_free);

  err = cli_fails (f, 1, "ref", "rename", "tag", "missing", "x", NULL);
  g_assert_nonnull (strstr (err, "missing"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 1, "ref", "remove", "tag", "missing", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "ref", "list", "colour", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "ref", "add", "tag", NULL);
  g_clear_pointer (&err, g_free);
}

static void
test_db (Fixture       *f,
         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *count = NULL;
  const char *args[] = { "--db", backup, "lead", "list", "--count", NULL };

  ADD_LEAD (f, "Ann", "Able", "Chat");
  ADD_LEAD (f, "Ben", "Baker", "Chat");

  out = cli_ok (f, "db", "check", NULL);
  g_assert_nonnull (strstr (out, "integrity: ok"));
  g_clear_pointer (&out, g_free);

  out = cli_ok (f, "db", "backup", backup, NULL);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  err = cli_fails (f, 1, "db", "backup", backup, NULL);
  g_assert_nonnull (strstr (err, backup));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli_argv (args, &count, NULL), ==, 0);
  g_assert_cmpstr (count, ==, "2\n");

  err = cli_fails (f, 2, "db", "backup", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "db", "vacuum", NULL);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autofree char *day = NULL;
  JsonArray *array;
  guint on_or_after = 0;
  guint on_or_before = 0;

  out = cli_ok (f, "demo", "--leads", "300", "--seed", "7", NULL);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (count_leads (f), ==, 300);

  /* The demo spreads leads over two years: check the date filters
   * against the dates listed. */
  all = parse_json (out = cli_ok (f, "--json", "lead", "list", NULL));
  g_clear_pointer (&out, g_free);
  array = json_node_get_array (all);
  g_assert_cmpuint (json_array_get_length (array), ==, 300);
  day = local_day (json_object_get_string_member (json_array_get_object_element (array, 150),
                                                  "created_at"), 0);
  for (guint i = 0; i < 300; i++)
    {
      JsonObject *lead = json_array_get_object_element (array, i);
      g_autofree char *created = local_day (json_object_get_string_member (lead, "created_at"), 0);

      if (g_strcmp0 (created, day) >= 0)
        on_or_after++;
      if (g_strcmp0 (created, day) <= 0)
        on_or_before++;
    }
  out = cli_ok (f, "lead", "list", "--count", "--since", day, NULL);
  g_assert_cmpint (g_ascii_strtoll (out, NULL, 10), ==, on_or_after);
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "lead", "list", "--count", "--until", day, NULL);
  g_assert_cmpint (g_ascii_strtoll (out, NULL, 10), ==, on_or_before);
  g_clear_pointer (&out, g_free);

  err = cli_fails (f, 2, "demo", "--invoices", "some", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "demo", "--leads", "many", NULL);
  g_assert_cmpint (count_leads (f), ==, 300);
}

static void
test_foreign_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text_path = g_build_filename (f->dir, "notes.txt", NULL);
  const char *text = "These are my notes, not a database.\n";
  const char *text_args[] = { "--db", text_path, "lead", "list", NULL };
  const char *db_args[] = { "--db", NULL, "lead", "list", "--count", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  guchar *bytes;

  /* not SQLite */
  g_assert_true (g_file_set_contents (text_path, text, -1, NULL));
  g_assert_cmpint (run_cli_argv (text_args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, text_path));
  after = read_file (text_path, NULL);
  g_assert_cmpstr (after, ==, text);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&after, g_free);

  /* made by a newer Leadbook: user_version is the big-endian 4 bytes at 60 */
  g_assert_cmpint (count_leads (f), ==, 0);
  before = read_file (f->db, &before_len);
  g_assert_cmpuint (before_len, >=, 100);
  bytes = (guchar *)before;
  bytes[60] = 0;
  bytes[61] = 0;
  bytes[62] = 0;
  bytes[63] = 99;
  g_assert_true (g_file_set_contents (f->db, before, before_len, NULL));

  db_args[1] = f->db;
  g_assert_cmpint (run_cli_argv (db_args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "newer"));
  g_assert_nonnull (strstr (err, f->db));
  /* its daily backup is offered */
  g_assert_nonnull (strstr (err, "leadbook.db.backup-"));
  after = read_file (f->db, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  const char *help[] = { "--help", NULL };
  const char *version[] = { "--version", NULL };
  const char *command_help[] = { "lead", "add", "--help", NULL };
  const char *nothing[] = { NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli_argv (help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "lead add"));
  g_assert_nonnull (strstr (out, "settings set KEY VALUE"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli_argv (version, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "leadbook-cli "));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli_argv (command_help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--first-name"));
  g_assert_nonnull (strstr (out, "--channel"));
  g_assert_null (strstr (out, "--no-tags"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli_argv (nothing, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  err = cli_fails (f, 2, "frobnicate", NULL);
  g_assert_nonnull (strstr (err, "frobnicate"));
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", "frobnicate", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", "list", "--colour", "red", NULL);
  g_assert_nonnull (strstr (err, "--colour"));
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "--frob", "lead", "list", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", "list", "--count=yes", NULL);
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", "show", "abc", NULL);
  g_clear_pointer (&err, g_free);

  /* a usage error touches no file */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* --option=value works as well */
  out = cli_ok (f, "lead", "add", "--first-name=Ann", "--last-name=Able", "--source=Chat", NULL);
  g_assert_cmpstr (out, ==, "1\n");
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->db);
  GStatBuf st;

  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_leads (f), ==, 0);

  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_env_db (Fixture       *f,
             gconstpointer  data)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LEADBOOK_DB", f->db, TRUE);
  const char *add[] = { "lead", "add", "--first-name", "Ann", "--last-name", "Able",
                        "--source", "Chat", NULL };
  g_autofree char *out = NULL;

  /* $LEADBOOK_DB names the database when --db does not */
  g_assert_cmpint (run_cli_env (envp, add, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "1\n");
  g_assert_cmpint (count_leads (f), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init (argc, argv);

#define ADD_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD_TEST ("/cli/lead/add-show", test_add_and_show);
  ADD_TEST ("/cli/lead/list-filters", test_list_filters);
  ADD_TEST ("/cli/lead/edit", test_edit);
  ADD_TEST ("/cli/lead/validation", test_validation);
  ADD_TEST ("/cli/lead/trash", test_trash);
  ADD_TEST ("/cli/lead/replicate", test_replicate);
  ADD_TEST ("/cli/settings", test_settings);
  ADD_TEST ("/cli/ref", test_ref);
  ADD_TEST ("/cli/db", test_db);
  ADD_TEST ("/cli/demo", test_demo);
  ADD_TEST ("/cli/foreign-files", test_foreign_files);
  ADD_TEST ("/cli/usage", test_usage);
  ADD_TEST ("/cli/permissions", test_permissions);
  ADD_TEST ("/cli/env-db", test_env_db);

  return g_test_run ();
}
