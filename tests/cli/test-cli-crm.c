#define G_LOG_DOMAIN "test-cli-crm"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* Runs the built leadbook-cli on a temporary database and checks the
 * commands for accounts, contacts, deals, pipelines and lead conversion
 * (SPEC 3.2, 3.4 and 4; docs/cli.md). */

/* helpers */

/* The ids of `--json NOUN list` with more arguments up to NULL, in
 * their order, as "1,3,5". */
G_GNUC_NULL_TERMINATED static char *
list_ids (Fixture    *f,
          const char *noun,
          ...)
{
  const char *prefix[] = { "--json", noun, "list", NULL };
  char *ids;
  va_list ap;

  va_start (ap, noun);
  ids = cli_list_ids_va (f, prefix, ap);
  va_end (ap);

  return ids;
}

#define assert_ids(f, noun, expected, ...) \
  G_STMT_START { \
    g_autofree char *ids_ = list_ids ((f), (noun), __VA_ARGS__, NULL); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

#define assert_member_ids(node, name, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = json_array_ids ( \
      json_object_get_array_member (json_node_get_object (node), (name))); \
    g_assert_cmpstr (ids_, ==, (expected)); \
  } G_STMT_END

/* Runs `lead convert` with --json and more arguments up to NULL; the
 * result object. */
G_GNUC_NULL_TERMINATED static JsonNode *
convert (Fixture *f,
         gint64   lead_id,
         ...)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, lead_id);
  const char *prefix[] = { "--json", "lead", "convert", id_text, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) result = NULL;
  va_list ap;

  va_start (ap, lead_id);
  out = cli_ok_va (f, prefix, ap);
  va_end (ap);

  result = parse_json (out);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (result)), ==, 3);

  return g_steal_pointer (&result);
}

/* How many records `NOUN list` has, in the trash with @trash. */
static guint
count_records (Fixture    *f,
               const char *noun,
               gboolean    trash)
{
  g_autofree char *out = cli_ok (f, "--json", noun, "list", trash ? "--trash" : NULL, NULL);
  g_autoptr(JsonNode) root = parse_json (out);

  return json_array_get_length (json_node_get_array (root));
}

/* tests: accounts, contacts, deals */

static void
test_account (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) account = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_free (cli_ok (f, "ref", "add", "industry", "Software", NULL));

  g_assert_cmpint (ADD (f, "account", "add", "--name", "Acme", "--industry", "SOFTWARE",
                        "--website", "acme.example", "--tin", "123456789",
                        "--phone", "+49 30 1234567", "--email", "info@acme.example",
                        "--street", "Main St 1", "--city", "Berlin", "--postal-code", "10115",
                        "--region", "BE", "--country", "Germany", "--notes", "Key account"),
                   ==, 1);
  account = show_record (f, "account", 1);
  g_assert_cmpint (member_id (account, "id"), ==, 1);
  g_assert_cmpstr (member_text (account, "name"), ==, "Acme");
  g_assert_cmpstr (member_text (account, "industry"), ==, "Software");
  g_assert_cmpstr (member_text (account, "website"), ==, "https://acme.example");
  g_assert_cmpstr (member_text (account, "tin"), ==, "123456789");
  g_assert_cmpstr (member_text (account, "phone"), ==, "+49 30 1234567");
  g_assert_cmpstr (member_text (account, "email"), ==, "info@acme.example");
  g_assert_cmpstr (member_text (account, "street"), ==, "Main St 1");
  g_assert_cmpstr (member_text (account, "city"), ==, "Berlin");
  g_assert_cmpstr (member_text (account, "postal_code"), ==, "10115");
  g_assert_cmpstr (member_text (account, "region"), ==, "BE");
  g_assert_cmpstr (member_text (account, "country"), ==, "Germany");
  g_assert_cmpstr (member_text (account, "notes"), ==, "Key account");
  g_assert_cmpint (member_id (account, "lead_id"), ==, 0);
  g_assert_true (g_regex_match (iso, member_text (account, "created_at"), 0, NULL));
  g_assert_true (g_regex_match (iso, member_text (account, "updated_at"), 0, NULL));
  g_assert_null (member_text (account, "deleted_at"));
  assert_member_ids (account, "contacts", "");
  assert_member_ids (account, "deals", "");
  assert_member_ids (account, "leads", "");

  /* a create with --json prints the created object, without the links */
  created = parse_json (out = cli_ok (f, "account", "add", "--name", "Beta", "--json", NULL));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (member_id (created, "id"), ==, 2);
  g_assert_null (member_text (created, "industry"));
  g_assert_false (json_object_has_member (json_node_get_object (created), "contacts"));

  /* the name is unique ignoring case; refusals create nothing */
  err = cli_fails (f, 1, "account", "add", "--name", "ACME", NULL);
  g_assert_nonnull (strstr (err, "ACME"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "account", "add", "--name", " ", NULL));
  g_free (cli_fails (f, 1, "account", "add", "--name", "Gamma", "--industry", "Alchemy", NULL));
  g_free (cli_fails (f, 1, "account", "add", "--name", "Gamma", "--tin", "12", NULL));
  g_free (cli_fails (f, 1, "account", "add", "--name", "Gamma", "--email", "nope", NULL));
  err = cli_fails (f, 2, "account", "add", "--city", "Rome", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  g_assert_cmpuint (count_records (f, "account", FALSE), ==, 2);

  /* list: by name; search */
  assert_ids (f, "account", "1,2", NULL);
  assert_ids (f, "account", "1", "--search", "berl");
  assert_ids (f, "account", "2", "--search", "beta");
  assert_ids (f, "account", "", "--search", "nobody");
  out = cli_ok (f, "account", "list", NULL);
  lines = g_strsplit (out, "\n", -1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "ID\tName\tIndustry\tCity\tEmail\tPhone");
  g_assert_cmpstr (lines[1], ==, "1\tAcme\tSoftware\tBerlin\tinfo@acme.example\t+49 30 1234567");

  /* edit: only the options given; empty clears */
  out = cli_ok (f, "account", "edit", "1", "--city", "Hamburg", "--website", "", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&account, json_node_unref);
  account = show_record (f, "account", 1);
  g_assert_cmpstr (member_text (account, "city"), ==, "Hamburg");
  g_assert_null (member_text (account, "website"));
  g_assert_cmpstr (member_text (account, "name"), ==, "Acme");
  err = cli_fails (f, 1, "account", "edit", "2", "--name", "acme", NULL);
  g_assert_nonnull (strstr (err, "acme"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "account", "edit", "2", "--name", "", NULL));
  g_free (cli_fails (f, 1, "account", "edit", "9", "--city", "Rome", NULL));
  g_free (cli_fails (f, 2, "account", "edit", "1", NULL));
  g_free (cli_fails (f, 2, "account", "edit", "x", "--city", "Rome", NULL));
  created = (json_node_unref (created),
             parse_json (out = cli_ok (f, "--json", "account", "edit", "2", "--name", "Beta Ltd",
                                       NULL)));
  g_assert_cmpstr (member_text (created, "name"), ==, "Beta Ltd");

  /* human show */
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "account", "show", "1", NULL);
  g_assert_true (g_str_has_prefix (out, "ID: 1\nName: Acme\nIndustry: Software\n"));
  g_assert_null (strstr (out, "Website"));
  g_free (cli_fails (f, 1, "account", "show", "42", NULL));
}

static void
test_contact (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) contact = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ADD (f, "account", "add", "--name", "Acme");
  g_assert_cmpint (ADD (f, "contact", "add", "--first-name", "Ann", "--middle-name", "B",
                        "--last-name", "Able", "--email", "ann@acme.example",
                        "--phone", "555 123 4567", "--account", "1", "--street", "Elm 2",
                        "--city", "Porto", "--postal-code", "4000", "--region", "N",
                        "--country", "Portugal", "--notes", "Buyer"), ==, 1);
  ADD (f, "contact", "add", "--last-name", "Zorn");
  ADD (f, "contact", "add", "--first-name", "Cleo", "--last-name", "Cruz", "--account", "1");

  contact = show_record (f, "contact", 1);
  g_assert_cmpstr (member_text (contact, "first_name"), ==, "Ann");
  g_assert_cmpstr (member_text (contact, "middle_name"), ==, "B");
  g_assert_cmpstr (member_text (contact, "last_name"), ==, "Able");
  g_assert_cmpstr (member_text (contact, "email"), ==, "ann@acme.example");
  g_assert_cmpstr (member_text (contact, "phone"), ==, "555 123 4567");
  g_assert_cmpint (member_id (contact, "account_id"), ==, 1);
  g_assert_cmpstr (member_text (contact, "account_name"), ==, "Acme");
  g_assert_cmpstr (member_text (contact, "street"), ==, "Elm 2");
  g_assert_cmpstr (member_text (contact, "city"), ==, "Porto");
  g_assert_cmpstr (member_text (contact, "postal_code"), ==, "4000");
  g_assert_cmpstr (member_text (contact, "region"), ==, "N");
  g_assert_cmpstr (member_text (contact, "country"), ==, "Portugal");
  g_assert_cmpstr (member_text (contact, "notes"), ==, "Buyer");
  g_assert_cmpint (member_id (contact, "lead_id"), ==, 0);
  g_assert_null (member_text (contact, "deleted_at"));

  out = cli_ok (f, "contact", "show", "1", NULL);
  g_assert_nonnull (strstr (out, "\nAccount: 1 (Acme)\n"));
  g_assert_null (strstr (out, "account_name"));
  g_clear_pointer (&out, g_free);

  /* a first or a last name; a linked account must exist */
  err = cli_fails (f, 2, "contact", "add", "--email", "x@y.test", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "contact", "add", "--first-name", "", "--last-name", " ", NULL));
  err = cli_fails (f, 1, "contact", "add", "--last-name", "Dee", "--account", "7", NULL);
  g_assert_nonnull (strstr (err, "account 7"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "contact", "add", "--last-name", "Dee", "--email", "bad", NULL));
  g_free (cli_fails (f, 2, "contact", "add", "--last-name", "Dee", "--account", "x", NULL));
  g_assert_cmpuint (count_records (f, "contact", FALSE), ==, 3);

  /* by last name; filters */
  assert_ids (f, "contact", "1,3,2", NULL);
  assert_ids (f, "contact", "1,3", "--account", "1");
  assert_ids (f, "contact", "1,3,2", "--account", "0");
  assert_ids (f, "contact", "3", "--search", "cleo");
  assert_ids (f, "contact", "1,3", "--search", "acme");
  out = cli_ok (f, "contact", "list", "--account", "1", NULL);
  g_assert_cmpstr (out, ==, "ID\tFirst name\tLast name\tAccount\tEmail\tPhone\n"
                            "1\tAnn\tAble\tAcme\tann@acme.example\t555 123 4567\n"
                            "3\tCleo\tCruz\tAcme\t\t\n");
  g_clear_pointer (&out, g_free);

  /* edit; --account 0 unlinks */
  g_free (cli_ok (f, "contact", "edit", "3", "--account", "0", "--email", "cleo@cruz.test", NULL));
  g_clear_pointer (&contact, json_node_unref);
  contact = show_record (f, "contact", 3);
  g_assert_cmpint (member_id (contact, "account_id"), ==, 0);
  g_assert_null (member_text (contact, "account_name"));
  g_assert_cmpstr (member_text (contact, "email"), ==, "cleo@cruz.test");
  g_free (cli_fails (f, 1, "contact", "edit", "3", "--first-name", "", "--last-name", "", NULL));
  g_free (cli_fails (f, 2, "contact", "edit", "3", NULL));

  /* the account shows its contacts */
  g_clear_pointer (&contact, json_node_unref);
  contact = show_record (f, "account", 1);
  assert_member_ids (contact, "contacts", "1");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (
                       json_object_get_array_member (json_node_get_object (contact), "contacts"),
                       0),
                     "name"), ==, "Ann B Able");
}

static void
test_deal (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) deal = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  ADD (f, "account", "add", "--name", "Acme");
  ADD (f, "contact", "add", "--first-name", "Ann", "--last-name", "Able", "--account", "1");

  g_assert_cmpint (ADD (f, "deal", "add", "--name", "Support plan", "--account", "1",
                        "--contact", "1", "--value", "2500", "--stage", "proposal",
                        "--close-date", "2026-06-30", "--probability", "60",
                        "--notes", "Renewal"), ==, 1);
  deal = show_record (f, "deal", 1);
  g_assert_cmpstr (member_text (deal, "name"), ==, "Support plan");
  g_assert_cmpint (member_id (deal, "account_id"), ==, 1);
  g_assert_cmpstr (member_text (deal, "account_name"), ==, "Acme");
  g_assert_cmpint (member_id (deal, "contact_id"), ==, 1);
  g_assert_cmpstr (member_text (deal, "contact_name"), ==, "Ann Able");
  g_assert_cmpstr (member_text (deal, "value"), ==, "2500.00");
  g_assert_cmpstr (member_text (deal, "currency"), ==, "EUR");
  g_assert_cmpstr (member_text (deal, "pipeline"), ==, "Sales");
  g_assert_cmpstr (member_text (deal, "stage"), ==, "Proposal");
  g_assert_cmpstr (member_text (deal, "status"), ==, "open");
  g_assert_cmpstr (member_text (deal, "expected_close"), ==, "2026-06-30");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (deal), "probability"), ==, 60);
  g_assert_cmpstr (member_text (deal, "notes"), ==, "Renewal");
  g_assert_cmpint (member_id (deal, "lead_id"), ==, 0);

  out = cli_ok (f, "deal", "show", "1", NULL);
  g_assert_nonnull (strstr (out, "\nValue: 2500.00 EUR\n"));
  g_assert_nonnull (strstr (out, "\nStatus: Open\n"));
  g_assert_nonnull (strstr (out, "\nContact: 1 (Ann Able)\n"));
  g_clear_pointer (&out, g_free);

  /* defaults: the first pipeline and stage, open, the currency setting */
  g_free (cli_ok (f, "settings", "set", "currency", "jpy", NULL));
  g_assert_cmpint (ADD (f, "deal", "add", "--name", "Yen deal", "--value", "1500"), ==, 2);
  g_clear_pointer (&deal, json_node_unref);
  deal = show_record (f, "deal", 2);
  g_assert_cmpstr (member_text (deal, "value"), ==, "1500");
  g_assert_cmpstr (member_text (deal, "currency"), ==, "JPY");
  g_assert_cmpstr (member_text (deal, "stage"), ==, "Qualification");
  g_assert_null (member_text (deal, "expected_close"));
  g_assert_cmpint (member_id (deal, "account_id"), ==, 0);

  /* values are exact in the deal's currency */
  g_assert_cmpint (ADD (f, "deal", "add", "--name", "Dinar deal", "--currency", "kwd",
                        "--value", "10.125", "--status", "WON"), ==, 3);
  g_clear_pointer (&deal, json_node_unref);
  deal = show_record (f, "deal", 3);
  g_assert_cmpstr (member_text (deal, "value"), ==, "10.125");
  g_assert_cmpstr (member_text (deal, "currency"), ==, "KWD");
  g_assert_cmpstr (member_text (deal, "status"), ==, "won");

  err = cli_fails (f, 1, "deal", "add", "--name", "X", "--currency", "EUR", "--value", "12.345",
                   NULL);
  g_assert_nonnull (strstr (err, "12.345"));
  g_assert_nonnull (strstr (err, "--value"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "deal", "add", "--name", "X", "--value", "1.5", NULL));  /* JPY */
  g_free (cli_fails (f, 1, "deal", "add", "--name", "X", "--value", "-5", NULL));
  g_free (cli_fails (f, 1, "deal", "add", "--name", "X", "--value", "99999999999999999999",
                     NULL));
  err = cli_fails (f, 2, "deal", "add", "--name", "X", "--value", "abc", NULL);
  g_assert_nonnull (strstr (err, "abc"));
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 2, "deal", "add", "--name", "X", "--value", "1,5", NULL));
  g_free (cli_fails (f, 2, "deal", "add", "--name", "X", "--value", "", NULL));
  g_free (cli_fails (f, 2, "deal", "add", "--name", "X", "--status", "pending", NULL));
  g_free (cli_fails (f, 2, "deal", "add", "--name", "X", "--close-date", "2026-02-30", NULL));
  g_free (cli_fails (f, 2, "deal", "add", "--value", "5", NULL));
  err = cli_fails (f, 1, "deal", "add", "--name", "X", "--probability", "150", NULL);
  g_assert_nonnull (strstr (err, "150"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "deal", "add", "--name", "X", "--currency", "EURO", NULL));
  g_free (cli_fails (f, 1, "deal", "add", "--name", "X", "--stage", "Nope", NULL));
  g_free (cli_fails (f, 1, "deal", "add", "--name", "X", "--pipeline", "Nope", NULL));
  g_free (cli_fails (f, 1, "deal", "add", "--name", "X", "--account", "9", NULL));
  g_free (cli_fails (f, 1, "deal", "add", "--name", " ", NULL));
  g_assert_cmpuint (count_records (f, "deal", FALSE), ==, 3);

  /* edit: a new currency needs its value */
  err = cli_fails (f, 2, "deal", "edit", "1", "--currency", "usd", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  g_free (cli_ok (f, "deal", "edit", "1", "--currency", "usd", "--value", "99.5",
                  "--close-date", "", "--status", "lost", NULL));
  g_clear_pointer (&deal, json_node_unref);
  deal = show_record (f, "deal", 1);
  g_assert_cmpstr (member_text (deal, "value"), ==, "99.50");
  g_assert_cmpstr (member_text (deal, "currency"), ==, "USD");
  g_assert_null (member_text (deal, "expected_close"));
  g_assert_cmpstr (member_text (deal, "status"), ==, "lost");
  g_assert_cmpstr (member_text (deal, "stage"), ==, "Proposal");
  /* the value of an edit is read in the deal's own currency */
  g_free (cli_ok (f, "deal", "edit", "3", "--value", "7.5", NULL));
  g_clear_pointer (&deal, json_node_unref);
  deal = show_record (f, "deal", 3);
  g_assert_cmpstr (member_text (deal, "value"), ==, "7.500");
  g_free (cli_fails (f, 1, "deal", "edit", "3", "--value", "7.0001", NULL));
  g_free (cli_fails (f, 1, "deal", "edit", "3", "--probability", "101", NULL));
  g_free (cli_fails (f, 2, "deal", "edit", "3", NULL));

  /* lists: by pipeline and stage; filters */
  assert_ids (f, "deal", "3,2,1", NULL);
  assert_ids (f, "deal", "1", "--account", "1");
  assert_ids (f, "deal", "1", "--contact", "1");
  assert_ids (f, "deal", "2", "--status", "open");
  assert_ids (f, "deal", "3", "--status", "won");
  assert_ids (f, "deal", "1", "--search", "acme");
  assert_ids (f, "deal", "2", "--search", "yen");
  out = cli_ok (f, "deal", "list", "--status", "lost", NULL);
  g_assert_cmpstr (out, ==, "ID\tName\tAccount\tContact\tValue\tPipeline\tStage\tStatus\t"
                            "Expected close\n"
                            "1\tSupport plan\tAcme\tAnn Able\t99.50 USD\tSales\tProposal\tLost\t\n");
  g_clear_pointer (&out, g_free);

  /* the account and the contact lead back to the deal */
  g_clear_pointer (&deal, json_node_unref);
  deal = show_record (f, "account", 1);
  assert_member_ids (deal, "deals", "1");
}

static void
test_trash (Fixture       *f,
            gconstpointer  data)
{
  const char *nouns[] = { "deal", "contact", "account" };
  g_autofree char *err = NULL;

  ADD (f, "account", "add", "--name", "Acme");
  ADD (f, "contact", "add", "--last-name", "Able", "--account", "1");
  ADD (f, "deal", "add", "--name", "Plan", "--account", "1", "--contact", "1");

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    {
      g_autoptr(JsonNode) record = NULL;

      err = cli_fails (f, 1, nouns[i], "purge", "1", NULL);
      g_assert_nonnull (strstr (err, "not in the trash"));
      g_clear_pointer (&err, g_free);
      g_free (cli_fails (f, 1, nouns[i], "restore", "1", NULL));

      g_free (cli_ok (f, nouns[i], "delete", "1", NULL));
      g_assert_cmpuint (count_records (f, nouns[i], FALSE), ==, 0);
      g_assert_cmpuint (count_records (f, nouns[i], TRUE), ==, 1);
      record = show_record (f, nouns[i], 1);
      g_assert_nonnull (member_text (record, "deleted_at"));
      g_free (cli_fails (f, 1, nouns[i], "delete", "1", NULL));

      g_free (cli_ok (f, nouns[i], "restore", "1", NULL));
      g_assert_cmpuint (count_records (f, nouns[i], FALSE), ==, 1);
      g_assert_cmpuint (count_records (f, nouns[i], TRUE), ==, 0);

      g_free (cli_fails (f, 2, nouns[i], "delete", "0", NULL));
      g_free (cli_fails (f, 2, nouns[i], "delete", NULL));
      g_free (cli_fails (f, 1, nouns[i], "delete", "5", NULL));
    }

  /* an account that contacts still refer to stays */
  g_free (cli_ok (f, "account", "delete", "1", NULL));
  err = cli_fails (f, 1, "account", "purge", "1", NULL);
  g_assert_nonnull (strstr (err, "refer"));
  g_clear_pointer (&err, g_free);

  /* while it is in the trash another account takes its name */
  ADD (f, "account", "add", "--name", "ACME");
  g_free (cli_fails (f, 1, "account", "restore", "1", NULL));
  g_assert_cmpuint (count_records (f, "account", TRUE), ==, 1);

  /* purging, from the trash only, in the order of the links */
  g_free (cli_ok (f, "deal", "delete", "1", NULL));
  g_free (cli_ok (f, "deal", "purge", "1", NULL));
  g_free (cli_fails (f, 1, "deal", "show", "1", NULL));
  g_free (cli_ok (f, "contact", "delete", "1", NULL));
  g_free (cli_ok (f, "contact", "purge", "1", NULL));
  g_free (cli_ok (f, "account", "purge", "1", NULL));
  g_assert_cmpuint (count_records (f, "account", TRUE), ==, 0);
  g_assert_cmpuint (count_records (f, "contact", TRUE), ==, 0);
  g_assert_cmpuint (count_records (f, "deal", TRUE), ==, 0);
  g_free (cli_fails (f, 1, "account", "purge", "1", NULL));
}

/* The board's rows as "stage:deals:value:currency;…". */
static char *
board (Fixture *f)
{
  g_autofree char *out = cli_ok (f, "--json", "deal", "board", NULL);
  g_autoptr(JsonNode) root = parse_json (out);
  JsonArray *rows = json_node_get_array (root);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);

      g_string_append_printf (text, "%s%s/%s:%" G_GINT64_FORMAT ":%s:%s", i ? ";" : "",
                              member_text (row, "pipeline"), member_text (row, "stage"),
                              json_object_get_int_member (json_node_get_object (row), "deals"),
                              member_text (row, "value") ? member_text (row, "value") : "null",
                              member_text (row, "currency") ? member_text (row, "currency")
                                                             : "null");
    }

  return g_string_free (text, FALSE);
}

static void
test_board (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *rows = NULL;
  g_autofree char *out = NULL;

  rows = board (f);
  g_assert_cmpstr (rows, ==, "Sales/Qualification:0:0.00:EUR;Sales/Proposal:0:0.00:EUR;"
                             "Sales/Negotiation:0:0.00:EUR;Sales/Closing:0:0.00:EUR");
  g_clear_pointer (&rows, g_free);

  ADD (f, "deal", "add", "--name", "A", "--value", "100.10");
  ADD (f, "deal", "add", "--name", "B", "--value", "0.95");
  ADD (f, "deal", "add", "--name", "C", "--value", "5000", "--stage", "Proposal");
  ADD (f, "deal", "add", "--name", "D", "--value", "7", "--stage", "Proposal", "--status", "won");
  ADD (f, "deal", "add", "--name", "E", "--value", "1", "--stage", "Closing", "--currency", "USD");
  ADD (f, "deal", "add", "--name", "F", "--value", "2", "--stage", "Closing");
  ADD (f, "deal", "add", "--name", "G", "--value", "400", "--stage", "Negotiation");
  g_free (cli_ok (f, "deal", "delete", "7", NULL));

  /* open deals only, outside the trash; mixed currencies have no total */
  rows = board (f);
  g_assert_cmpstr (rows, ==, "Sales/Qualification:2:101.05:EUR;Sales/Proposal:1:5000.00:EUR;"
                             "Sales/Negotiation:0:0.00:EUR;Sales/Closing:2:null:null");
  g_clear_pointer (&rows, g_free);

  out = cli_ok (f, "deal", "board", NULL);
  g_assert_cmpstr (out, ==, "Pipeline\tStage\tDeals\tValue\n"
                            "Sales\tQualification\t2\t101.05 EUR\n"
                            "Sales\tProposal\t1\t5000.00 EUR\n"
                            "Sales\tNegotiation\t0\t0.00 EUR\n"
                            "Sales\tClosing\t2\tmixed currencies\n");
  g_clear_pointer (&out, g_free);

  /* a deal that moves on moves its value */
  g_free (cli_ok (f, "deal", "edit", "1", "--stage", "negotiation", NULL));
  g_free (cli_ok (f, "deal", "edit", "5", "--status", "lost", NULL));
  rows = board (f);
  g_assert_cmpstr (rows, ==, "Sales/Qualification:1:0.95:EUR;Sales/Proposal:1:5000.00:EUR;"
                             "Sales/Negotiation:1:100.10:EUR;Sales/Closing:1:2.00:EUR");
}

/* The pipelines as "Name:Stage,Stage;…" from `pipeline list --json`. */
static char *
pipelines (Fixture *f)
{
  g_autofree char *out = cli_ok (f, "--json", "pipeline", "list", NULL);
  g_autoptr(JsonNode) root = parse_json (out);
  JsonArray *list = json_node_get_array (root);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *pipeline = json_array_get_object_element (list, i);
      JsonArray *stages = json_object_get_array_member (pipeline, "stages");

      g_string_append_printf (text, "%s%s:", i ? ";" : "",
                              json_object_get_string_member (pipeline, "name"));
      for (guint s = 0; s < json_array_get_length (stages); s++)
        g_string_append_printf (text, "%s%s", s ? "," : "",
                                json_array_get_string_element (stages, s));
    }

  return g_string_free (text, FALSE);
}

#define assert_pipelines(f, expected) \
  G_STMT_START { \
    g_autofree char *text_ = pipelines (f); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

static void
test_pipelines (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) deal = NULL;

  assert_pipelines (f, "Sales:Qualification,Proposal,Negotiation,Closing");
  out = cli_ok (f, "pipeline", "list", NULL);
  g_assert_cmpstr (out, ==, "Sales\tQualification\tProposal\tNegotiation\tClosing\n");
  g_clear_pointer (&out, g_free);

  /* adding */
  out = cli_ok (f, "pipeline", "add", "Upsell", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  assert_pipelines (f, "Sales:Qualification,Proposal,Negotiation,Closing;Upsell:");
  out = cli_ok (f, "pipeline", "list", NULL);
  g_assert_cmpstr (out, ==, "Sales\tQualification\tProposal\tNegotiation\tClosing\nUpsell\n");
  g_clear_pointer (&out, g_free);
  g_free (cli_fails (f, 1, "pipeline", "add", "UPSELL", NULL));
  g_free (cli_fails (f, 1, "pipeline", "add", " ", NULL));
  g_free (cli_ok (f, "pipeline", "stage", "add", "upsell", "Pitch", NULL));
  g_free (cli_ok (f, "pipeline", "stage", "add", "Upsell", "Signed", NULL));
  g_free (cli_ok (f, "pipeline", "stage", "add", "Upsell", "Offer", NULL));
  g_free (cli_fails (f, 1, "pipeline", "stage", "add", "Upsell", "pitch", NULL));
  err = cli_fails (f, 1, "pipeline", "stage", "add", "Nope", "Pitch", NULL);
  g_assert_nonnull (strstr (err, "Nope"));
  g_clear_pointer (&err, g_free);
  assert_pipelines (f, "Sales:Qualification,Proposal,Negotiation,Closing;Upsell:Pitch,Signed,Offer");

  /* moving: 1-based; past the end is last */
  g_free (cli_ok (f, "pipeline", "stage", "move", "Upsell", "offer", "2", NULL));
  assert_pipelines (f, "Sales:Qualification,Proposal,Negotiation,Closing;Upsell:Pitch,Offer,Signed");
  g_free (cli_ok (f, "pipeline", "stage", "move", "Upsell", "Pitch", "99", NULL));
  assert_pipelines (f, "Sales:Qualification,Proposal,Negotiation,Closing;Upsell:Offer,Signed,Pitch");
  g_free (cli_ok (f, "pipeline", "stage", "move", "sales", "Closing", "1", NULL));
  assert_pipelines (f, "Sales:Closing,Qualification,Proposal,Negotiation;Upsell:Offer,Signed,Pitch");
  err = cli_fails (f, 2, "pipeline", "stage", "move", "Upsell", "Pitch", "0", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 2, "pipeline", "stage", "move", "Upsell", "Pitch", "first", NULL));
  g_free (cli_fails (f, 1, "pipeline", "stage", "move", "Upsell", "Nope", "1", NULL));

  /* renaming: the deals follow */
  ADD (f, "deal", "add", "--name", "More seats", "--pipeline", "upsell", "--stage", "offer");
  g_free (cli_ok (f, "pipeline", "rename", "Upsell", "Expansion", NULL));
  g_free (cli_ok (f, "pipeline", "stage", "rename", "expansion", "OFFER", "Quote", NULL));
  deal = show_record (f, "deal", 1);
  g_assert_cmpstr (member_text (deal, "pipeline"), ==, "Expansion");
  g_assert_cmpstr (member_text (deal, "stage"), ==, "Quote");
  g_free (cli_fails (f, 1, "pipeline", "rename", "Expansion", "sales", NULL));
  g_free (cli_fails (f, 1, "pipeline", "rename", "Nope", "Other", NULL));
  g_free (cli_fails (f, 1, "pipeline", "stage", "rename", "Expansion", "Quote", "pitch", NULL));
  g_free (cli_fails (f, 1, "pipeline", "stage", "rename", "Expansion", "Nope", "X", NULL));
  assert_pipelines (f, "Sales:Closing,Qualification,Proposal,Negotiation;"
                       "Expansion:Quote,Signed,Pitch");

  /* removing: not while deals (in the trash too) use it */
  err = cli_fails (f, 1, "pipeline", "stage", "remove", "Expansion", "Quote", NULL);
  g_assert_nonnull (strstr (err, "deals"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "pipeline", "remove", "Expansion", NULL));
  g_free (cli_ok (f, "deal", "delete", "1", NULL));
  g_free (cli_fails (f, 1, "pipeline", "remove", "Expansion", NULL));
  g_free (cli_ok (f, "pipeline", "stage", "remove", "expansion", "pitch", NULL));
  g_free (cli_fails (f, 1, "pipeline", "stage", "remove", "Expansion", "Pitch", NULL));
  assert_pipelines (f, "Sales:Closing,Qualification,Proposal,Negotiation;Expansion:Quote,Signed");
  g_free (cli_ok (f, "deal", "purge", "1", NULL));
  g_free (cli_ok (f, "pipeline", "remove", "EXPANSION", NULL));
  assert_pipelines (f, "Sales:Closing,Qualification,Proposal,Negotiation");
  err = cli_fails (f, 1, "pipeline", "remove", "Expansion", NULL);
  g_assert_nonnull (strstr (err, "Expansion"));
  g_clear_pointer (&err, g_free);

  /* usage */
  err = cli_fails (f, 2, "pipeline", "stage", NULL);
  g_assert_nonnull (strstr (err, "move"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "pipeline", "stage", "shuffle", "Sales", NULL);
  g_assert_nonnull (strstr (err, "shuffle"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 2, "pipeline", "stage", "add", "Sales", NULL));
  g_free (cli_fails (f, 2, "pipeline", "add", NULL));
  g_free (cli_fails (f, 2, "pipeline", "add", "A", "B", NULL));
}

/* tests: conversion */

/* The lead's status and its converted_* links as "status c a d". */
static char *
lead_conversion (Fixture *f,
                 gint64   id)
{
  g_autoptr(JsonNode) lead = show_lead (f, id);

  return g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                          member_text (lead, "status"), member_id (lead, "converted_contact_id"),
                          member_id (lead, "converted_account_id"),
                          member_id (lead, "converted_deal_id"));
}

#define assert_lead_conversion(f, id, expected) \
  G_STMT_START { \
    g_autofree char *text_ = lead_conversion ((f), (id)); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

static void
test_convert_skip (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) contact = NULL;
  g_autoptr(JsonNode) deal = NULL;
  g_autofree char *out = NULL;

  /* no company: the account step is skipped; no deal unless asked */
  ADD_LEAD (f, "Ann", "Able", "Website", "--email", "ann@able.test", "--phone", "555 123 4567",
            "--city", "Porto", "--middle-name", "B");
  result = convert (f, 1, NULL);
  g_assert_cmpint (member_id (result, "contact_id"), ==, 1);
  g_assert_cmpint (member_id (result, "account_id"), ==, 0);
  g_assert_cmpint (member_id (result, "deal_id"), ==, 0);
  assert_lead_conversion (f, 1, "converted 1 0 0");

  contact = show_record (f, "contact", 1);
  g_assert_cmpstr (member_text (contact, "first_name"), ==, "Ann");
  g_assert_cmpstr (member_text (contact, "middle_name"), ==, "B");
  g_assert_cmpstr (member_text (contact, "last_name"), ==, "Able");
  g_assert_cmpstr (member_text (contact, "email"), ==, "ann@able.test");
  g_assert_cmpstr (member_text (contact, "phone"), ==, "555 123 4567");
  g_assert_cmpstr (member_text (contact, "city"), ==, "Porto");
  g_assert_cmpint (member_id (contact, "lead_id"), ==, 1);
  g_assert_cmpint (member_id (contact, "account_id"), ==, 0);
  g_assert_cmpuint (count_records (f, "account", FALSE), ==, 0);
  g_assert_cmpuint (count_records (f, "deal", FALSE), ==, 0);

  /* a company, but --account skip; the contact as edited; a deal with
   * the lead's title; the human result line */
  ADD_LEAD (f, "Ben", "Baker", "Email", "--company", "Bakery", "--title", "Bread order",
            "--email", "ben@bakery.test");
  out = cli_ok (f, "lead", "convert", "2", "--account", "SKIP", "--first-name", "Benjamin",
                "--email", "", "--deal", NULL);
  g_assert_cmpstr (out, ==, "contact_id=2 account_id=null deal_id=1\n");
  assert_lead_conversion (f, 2, "converted 2 0 1");
  g_clear_pointer (&contact, json_node_unref);
  contact = show_record (f, "contact", 2);
  g_assert_cmpstr (member_text (contact, "first_name"), ==, "Benjamin");
  g_assert_null (member_text (contact, "email"));
  deal = show_record (f, "deal", 1);
  g_assert_cmpstr (member_text (deal, "name"), ==, "Bread order");
  g_assert_cmpint (member_id (deal, "lead_id"), ==, 2);
  g_assert_cmpint (member_id (deal, "contact_id"), ==, 2);
  g_assert_cmpint (member_id (deal, "account_id"), ==, 0);
  g_assert_cmpstr (member_text (deal, "value"), ==, "0.00");
  g_assert_cmpstr (member_text (deal, "status"), ==, "open");
  g_assert_cmpuint (count_records (f, "account", FALSE), ==, 0);

  /* `lead show` names what the conversion created */
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "lead", "show", "2", NULL);
  g_assert_nonnull (strstr (out, "\nStatus: Converted\n"));
  g_assert_nonnull (strstr (out, "\nConverted to contact: 2 (Benjamin Baker)\n"));
  g_assert_nonnull (strstr (out, "\nConverted to deal: 1 (Bread order)\n"));
  g_assert_null (strstr (out, "Converted to account"));
}

static void
test_convert_new_account (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) account = NULL;
  g_autoptr(JsonNode) contact = NULL;
  g_autoptr(JsonNode) deal = NULL;

  g_free (cli_ok (f, "ref", "add", "industry", "Retail", NULL));

  /* a new company: the account is pre-filled from it */
  ADD_LEAD (f, "Cleo", "Cruz", "Partner", "--new-company", "--company-name", "Cruz Retail",
            "--website", "cruz.example", "--tin", "1234567890", "--city", "Lyon",
            "--title", "Shop fit-out");
  result = convert (f, 1, "--industry", "retail", "--deal-value", "2500", "--stage", "proposal",
                    "--close-date", "2026-09-30", "--probability", "60", NULL);
  g_assert_cmpint (member_id (result, "contact_id"), ==, 1);
  g_assert_cmpint (member_id (result, "account_id"), ==, 1);
  g_assert_cmpint (member_id (result, "deal_id"), ==, 1);
  assert_lead_conversion (f, 1, "converted 1 1 1");

  account = show_record (f, "account", 1);
  g_assert_cmpstr (member_text (account, "name"), ==, "Cruz Retail");
  g_assert_cmpstr (member_text (account, "industry"), ==, "Retail");
  g_assert_cmpstr (member_text (account, "website"), ==, "https://cruz.example");
  g_assert_cmpstr (member_text (account, "tin"), ==, "1234567890");
  g_assert_cmpstr (member_text (account, "city"), ==, "Lyon");
  g_assert_cmpint (member_id (account, "lead_id"), ==, 1);
  assert_member_ids (account, "contacts", "1");
  assert_member_ids (account, "deals", "1");
  assert_member_ids (account, "leads", "1");

  contact = show_record (f, "contact", 1);
  g_assert_cmpint (member_id (contact, "account_id"), ==, 1);
  g_assert_cmpint (member_id (contact, "lead_id"), ==, 1);

  deal = show_record (f, "deal", 1);
  g_assert_cmpstr (member_text (deal, "name"), ==, "Shop fit-out");
  g_assert_cmpstr (member_text (deal, "value"), ==, "2500.00");
  g_assert_cmpstr (member_text (deal, "currency"), ==, "EUR");
  g_assert_cmpstr (member_text (deal, "stage"), ==, "Proposal");
  g_assert_cmpstr (member_text (deal, "expected_close"), ==, "2026-09-30");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (deal), "probability"), ==, 60);
  g_assert_cmpint (member_id (deal, "account_id"), ==, 1);
  g_assert_cmpint (member_id (deal, "contact_id"), ==, 1);
  g_assert_cmpint (member_id (deal, "lead_id"), ==, 1);

  /* no company: --account new with a name; the deal in the currency
   * setting, named and won */
  g_free (cli_ok (f, "settings", "set", "currency", "KWD", NULL));
  ADD_LEAD (f, "Dan", "Dee", "Email");
  g_clear_pointer (&result, json_node_unref);
  result = convert (f, 2, "--account", "new", "--account-name", "Dee & Co", "--deal-name",
                    "Pilot", "--deal-value", "1.125", "--deal-status", "won", NULL);
  g_assert_cmpint (member_id (result, "account_id"), ==, 2);
  g_assert_cmpint (member_id (result, "deal_id"), ==, 2);
  g_clear_pointer (&deal, json_node_unref);
  deal = show_record (f, "deal", 2);
  g_assert_cmpstr (member_text (deal, "name"), ==, "Pilot");
  g_assert_cmpstr (member_text (deal, "value"), ==, "1.125");
  g_assert_cmpstr (member_text (deal, "currency"), ==, "KWD");
  g_assert_cmpstr (member_text (deal, "status"), ==, "won");
  g_assert_cmpint (member_id (deal, "account_id"), ==, 2);

  /* --account-name alone chooses a new account */
  ADD_LEAD (f, "Eve", "East", "Email");
  g_clear_pointer (&result, json_node_unref);
  result = convert (f, 3, "--account-name", "East Ltd", NULL);
  g_assert_cmpint (member_id (result, "account_id"), ==, 3);
  g_assert_cmpint (member_id (result, "deal_id"), ==, 0);
  assert_lead_conversion (f, 3, "converted 3 3 0");
}

static void
test_convert_existing_account (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) account = NULL;
  g_autoptr(JsonNode) contact = NULL;

  ADD (f, "account", "add", "--name", "Acme");
  ADD (f, "account", "add", "--name", "Other");

  /* the lead links the account: the conversion links it too */
  ADD_LEAD (f, "Ann", "Able", "Website", "--account", "1");
  result = convert (f, 1, "--deal", NULL);
  g_assert_cmpint (member_id (result, "account_id"), ==, 1);
  g_assert_cmpint (member_id (result, "contact_id"), ==, 1);
  g_assert_cmpint (member_id (result, "deal_id"), ==, 1);
  assert_lead_conversion (f, 1, "converted 1 1 1");
  contact = show_record (f, "contact", 1);
  g_assert_cmpint (member_id (contact, "account_id"), ==, 1);
  g_assert_cmpint (member_id (contact, "lead_id"), ==, 1);

  /* --account ID on a lead without a link */
  ADD_LEAD (f, "Ben", "Baker", "Website", "--company", "Bakery");
  g_clear_pointer (&result, json_node_unref);
  result = convert (f, 2, "--account", "1", NULL);
  g_assert_cmpint (member_id (result, "account_id"), ==, 1);
  g_assert_cmpint (member_id (result, "deal_id"), ==, 0);
  assert_lead_conversion (f, 2, "converted 2 1 0");
  g_assert_cmpuint (count_records (f, "account", FALSE), ==, 2);

  /* the account lists both contacts, the deal and both leads */
  account = show_record (f, "account", 1);
  assert_member_ids (account, "contacts", "1,2");
  assert_member_ids (account, "deals", "1");
  assert_member_ids (account, "leads", "1,2");
  g_assert_cmpint (member_id (account, "lead_id"), ==, 0);
  g_clear_pointer (&account, json_node_unref);
  account = show_record (f, "account", 2);
  assert_member_ids (account, "leads", "");

  /* --account ID over the lead's own link */
  ADD_LEAD (f, "Cleo", "Cruz", "Website", "--account", "1");
  g_clear_pointer (&result, json_node_unref);
  result = convert (f, 3, "--account", "2", NULL);
  g_assert_cmpint (member_id (result, "account_id"), ==, 2);
  g_clear_pointer (&account, json_node_unref);
  account = show_record (f, "account", 2);
  assert_member_ids (account, "leads", "3");
}

static void
test_convert_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) result = NULL;

#define ASSERT_NOTHING_CREATED(contacts, accounts, deals) \
  G_STMT_START { \
    g_assert_cmpuint (count_records (f, "contact", FALSE), ==, (contacts)); \
    g_assert_cmpuint (count_records (f, "account", FALSE), ==, (accounts)); \
    g_assert_cmpuint (count_records (f, "deal", FALSE), ==, (deals)); \
  } G_STMT_END

  ADD (f, "account", "add", "--name", "taken co");
  ADD_LEAD (f, "Ann", "Able", "Website", "--company", "Fresh Co");
  ADD_LEAD (f, "Ben", "Baker", "Website");

  /* the new account's name is taken (ignoring case): nothing is created */
  err = cli_fails (f, 1, "lead", "convert", "1", "--account", "new", "--account-name", "Taken Co",
                   NULL);
  g_assert_nonnull (strstr (err, "Taken Co"));
  g_clear_pointer (&err, g_free);
  ASSERT_NOTHING_CREATED (0, 1, 0);
  assert_lead_conversion (f, 1, "new 0 0 0");

  /* the deal fails after the account and the contact: both roll back */
  err = cli_fails (f, 1, "lead", "convert", "1", "--deal", "--stage", "Nope", NULL);
  g_assert_nonnull (strstr (err, "Nope"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "lead", "convert", "1", "--probability", "150", NULL));
  g_free (cli_fails (f, 1, "lead", "convert", "1", "--email", "not-an-email", NULL));
  g_free (cli_fails (f, 1, "lead", "convert", "1", "--industry", "Alchemy", NULL));
  ASSERT_NOTHING_CREATED (0, 1, 0);
  assert_lead_conversion (f, 1, "new 0 0 0");

  /* the deal value: too many decimals is refused, not a number is a
   * usage error */
  err = cli_fails (f, 1, "lead", "convert", "1", "--deal-value", "12.345", NULL);
  g_assert_nonnull (strstr (err, "12.345"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 2, "lead", "convert", "1", "--deal-value", "abc", NULL);
  assert_usage_error (err);
  g_clear_pointer (&err, g_free);
  ASSERT_NOTHING_CREATED (0, 1, 0);

  /* the account step's choices */
  err = cli_fails (f, 1, "lead", "convert", "2", "--account", "new", NULL);
  g_assert_nonnull (strstr (err, "account’s name"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "lead", "convert", "2", "--account", "99", NULL));
  g_free (cli_fails (f, 2, "lead", "convert", "2", "--account", "maybe", NULL));
  g_free (cli_fails (f, 2, "lead", "convert", "2", "--account", "0", NULL));
  g_free (cli_fails (f, 2, "lead", "convert", "2", "--account", "skip", "--account-name", "X",
                     NULL));
  g_free (cli_fails (f, 2, "lead", "convert", "2", "--account", "1", "--industry", "X", NULL));
  g_free (cli_fails (f, 2, "lead", "convert", "--deal", NULL));
  g_free (cli_fails (f, 1, "lead", "convert", "7", NULL));
  ASSERT_NOTHING_CREATED (0, 1, 0);
  assert_lead_conversion (f, 2, "new 0 0 0");

  /* a converted lead is not converted again */
  result = convert (f, 1, "--deal", NULL);
  g_assert_cmpint (member_id (result, "account_id"), ==, 2);
  ASSERT_NOTHING_CREATED (1, 2, 1);
  err = cli_fails (f, 1, "lead", "convert", "1", "--account", "skip", NULL);
  g_assert_nonnull (strstr (err, "already converted"));
  g_clear_pointer (&err, g_free);
  ASSERT_NOTHING_CREATED (1, 2, 1);
  assert_lead_conversion (f, 1, "converted 1 2 1");

  /* nor one in the trash */
  g_free (cli_ok (f, "lead", "delete", "2", NULL));
  err = cli_fails (f, 1, "lead", "convert", "2", NULL);
  g_assert_nonnull (strstr (err, "trash"));
  ASSERT_NOTHING_CREATED (1, 2, 1);

#undef ASSERT_NOTHING_CREATED
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  const char *help[] = { "--help", NULL };
  const char *command_help[] = { "deal", "add", "--help", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (run_cli_argv (help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "lead convert ID"));
  g_assert_nonnull (strstr (out, "account add"));
  g_assert_nonnull (strstr (out, "deal board"));
  g_assert_nonnull (strstr (out, "pipeline stage move PIPELINE NAME POSITION"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli_argv (command_help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--value AMOUNT"));
  g_assert_nonnull (strstr (out, "--close-date DATE"));
  g_clear_pointer (&out, g_free);

  g_free (cli_fails (f, 2, "account", NULL));
  g_free (cli_fails (f, 2, "contact", "frobnicate", NULL));
  g_free (cli_fails (f, 2, "deal", "board", "extra", NULL));
  g_free (cli_fails (f, 2, "deal", "list", "--status", "pending", NULL));
  g_free (cli_fails (f, 2, "contact", "list", "--status", "open", NULL));
  g_free (cli_fails (f, 2, "account", "show", "abc", NULL));

  /* a usage error touches no file */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init (argc, argv);

#define ADD_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD_TEST ("/cli/crm/account", test_account);
  ADD_TEST ("/cli/crm/contact", test_contact);
  ADD_TEST ("/cli/crm/deal", test_deal);
  ADD_TEST ("/cli/crm/trash", test_trash);
  ADD_TEST ("/cli/crm/board", test_board);
  ADD_TEST ("/cli/crm/pipelines", test_pipelines);
  ADD_TEST ("/cli/crm/convert/skip", test_convert_skip);
  ADD_TEST ("/cli/crm/convert/new-account", test_convert_new_account);
  ADD_TEST ("/cli/crm/convert/existing-account", test_convert_existing_account);
  ADD_TEST ("/cli/crm/convert/refused", test_convert_refused);
  ADD_TEST ("/cli/crm/usage", test_usage);

  return g_test_run ();
}
