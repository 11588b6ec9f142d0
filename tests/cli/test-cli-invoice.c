#define G_LOG_DOMAIN "test-cli-invoice"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* Runs the built leadbook-cli on a temporary database and checks the
 * commands for products, orders and invoices (SPEC 3.3–3.7 and 4;
 * docs/cli.md): the shared money vectors, the path from a lead to a
 * paid invoice, the refusals of the status machines, numbering, orders
 * and pricing. */

/* helpers */

#define ID_TEXT(id) g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)(id))

/* `--json invoice show ID` and `--json order show ID`. */
static JsonNode *
show_invoice (Fixture *f,
              gint64   id)
{
  return show_record (f, "invoice", id);
}

static JsonNode *
show_order (Fixture *f,
            gint64   id)
{
  return show_record (f, "order", id);
}

/* The output of `--json NOUN show ID`, to compare before and after a
 * refused command. */
static char *
snapshot (Fixture    *f,
          const char *noun,
          gint64      id)
{
  g_autofree char *id_text = ID_TEXT (id);

  return cli_ok (f, "--json", noun, "show", id_text, NULL);
}

/* A member of document @id. */
static char *
invoice_member (Fixture    *f,
                gint64      id,
                const char *name)
{
  g_autoptr(JsonNode) invoice = show_invoice (f, id);

  return g_strdup (member_text (invoice, name));
}

#define assert_invoice(f, id, name, expected) \
  G_STMT_START { \
    g_autofree char *value_ = invoice_member ((f), (id), (name)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

/* The objects of the array member @name. */
static JsonArray *
member_array (JsonNode   *node,
              const char *name)
{
  JsonObject *object = json_node_get_object (node);

  g_assert_true (json_object_has_member (object, name));
  return json_object_get_array_member (object, name);
}

static JsonNode *
array_element (JsonArray *array,
               guint      index)
{
  g_assert_cmpuint (index, <, json_array_get_length (array));
  return json_array_get_element (array, index);
}

/* @date (YYYY-MM-DD) moved by @days. */
static char *
add_days (const char *date,
          int         days)
{
  GDate d;
  char buf[16];

  g_date_clear (&d, 1);
  g_date_set_parse (&d, date);
  g_assert_true (g_date_valid (&d));
  g_date_add_days (&d, days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);

  return g_strdup (buf);
}

/* "INV-2026-0001" for the year of @date and counter @n. */
static char *
expected_number (const char *prefix,
                 const char *date,
                 int         n)
{
  return g_strdup_printf ("%s-%.4s-%04d", prefix, date, n);
}

/* An account named @name; its id. */
static gint64
add_account (Fixture    *f,
             const char *name)
{
  return ADD (f, "account", "add", "--name", name);
}

/* A Draft invoice for @account (0: none) with one written-in line of
 * @price (no tax); its id. */
static gint64
add_draft (Fixture    *f,
           gint64      account,
           const char *price)
{
  g_autofree char *account_text = ID_TEXT (account);
  g_autofree char *id_text = NULL;
  gint64 id;

  id = ADD (f, "invoice", "new", "--account", account_text);
  id_text = ID_TEXT (id);
  if (price != NULL)
    ADD (f, "invoice", "line", "add", id_text, "--write-in", "Work", "--price", price,
         "--qty", "1");

  return id;
}

/* A Sent invoice of @price for @account; its id. */
static gint64
add_sent (Fixture    *f,
          gint64      account,
          const char *price)
{
  gint64 id = add_draft (f, account, price);
  g_autofree char *id_text = ID_TEXT (id);

  g_free (cli_ok (f, "invoice", "send", id_text, NULL));

  return id;
}

/* Checks that a refused command (exit @expected, a message with
 * @needle unless it is NULL) changed nothing in document @id of @noun. */
G_GNUC_NULL_TERMINATED static void
refused_unchanged (Fixture    *f,
                   const char *noun,
                   gint64      id,
                   int         expected,
                   const char *needle,
                   ...)
{
  g_autofree char *before = snapshot (f, noun, id);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  va_start (ap, needle);
  status = run_cli_va (f, NULL, &out, &err, ap);
  va_end (ap);

  if (status != expected)
    g_error ("leadbook-cli exited with %d, not %d:\n%s%s", status, expected, out, err);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "leadbook-cli: "));
  if (needle != NULL && strstr (err, needle) == NULL)
    g_error ("“%s” is not in the message: %s", needle, err);

  after = snapshot (f, noun, id);
  g_assert_cmpstr (after, ==, before);
}

#define assert_refused(f, noun, id, needle, ...) \
  refused_unchanged ((f), (noun), (id), 1, (needle), __VA_ARGS__, NULL)

/* A usage error comes with a hint to the help. */
#define assert_usage(f, noun, id, ...) \
  refused_unchanged ((f), (noun), (id), 2, "--help", __VA_ARGS__, NULL)

/* tests: the shared money vectors */

/* One case of invoice-math.json through the CLI; returns how many of
 * its totals differ. */
static guint
run_vector_case (Fixture    *f,
                 JsonObject *test_case,
                 const char *currency)
{
  static const char * const line_options[][2] = {
    { "discount_percent", "--discount" }, { "discount_amount", "--discount-amount" },
    { "tax_percent", "--tax-rate" }, { "tax_amount", "--tax-amount" },
  };
  static const char * const totals[] = { "subtotal", "discount", "tax", "total" };
  const char *name = json_object_get_string_member (test_case, "name");
  JsonArray *lines = json_object_get_array_member (test_case, "lines");
  JsonObject *expect = json_object_get_object_member (test_case, "expect");
  g_autoptr(JsonNode) invoice = NULL;
  g_autofree char *id_text = NULL;
  guint n_failed = 0;
  gint64 id;

  id = ADD (f, "invoice", "new", "--currency", currency);
  id_text = ID_TEXT (id);

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      g_autofree char *description = g_strdup_printf ("%s, line %u", name, i + 1);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *out = NULL;

      g_ptr_array_add (args, (char *)"invoice");
      g_ptr_array_add (args, (char *)"line");
      g_ptr_array_add (args, (char *)"add");
      g_ptr_array_add (args, id_text);
      g_ptr_array_add (args, (char *)"--write-in");
      g_ptr_array_add (args, description);
      g_ptr_array_add (args, (char *)"--price");
      g_ptr_array_add (args, (char *)json_object_get_string_member (line, "price"));
      g_ptr_array_add (args, (char *)"--qty");
      g_ptr_array_add (args, (char *)json_object_get_string_member (line, "qty"));
      for (guint k = 0; k < G_N_ELEMENTS (line_options); k++)
        if (json_object_has_member (line, line_options[k][0]))
          {
            g_ptr_array_add (args, (char *)line_options[k][1]);
            g_ptr_array_add (args, (char *)json_object_get_string_member (line, line_options[k][0]));
          }
      g_ptr_array_add (args, NULL);

      out = cli_ok_strv (f, (const char * const *)args->pdata);
      g_assert_cmpint (parse_id (out), >, 0);
    }

  if (json_object_has_member (test_case, "discount_percent"))
    g_free (cli_ok (f, "invoice", "discount", id_text, "--percent",
                    json_object_get_string_member (test_case, "discount_percent"), NULL));
  else if (json_object_has_member (test_case, "discount_amount"))
    g_free (cli_ok (f, "invoice", "discount", id_text, "--amount",
                    json_object_get_string_member (test_case, "discount_amount"), NULL));
  else
    g_free (cli_ok (f, "invoice", "discount", id_text, "--none", NULL));

  invoice = show_invoice (f, id);
  g_assert_cmpuint (json_array_get_length (member_array (invoice, "lines")), ==,
                    json_array_get_length (lines));
  for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
    {
      const char *got = member_text (invoice, totals[k]);
      const char *expected = json_object_get_string_member (expect, totals[k]);

      if (g_strcmp0 (got, expected) != 0)
        {
          g_test_fail_printf ("case “%s”: %s is %s, expected %s", name, totals[k], got, expected);
          n_failed++;
        }
    }
  g_assert_cmpstr (member_text (invoice, "paid"), ==, "0.00");
  g_assert_cmpstr (member_text (invoice, "balance"), ==, member_text (invoice, "total"));

  return n_failed;
}

static void
test_vectors (Fixture       *f,
              gconstpointer  data)
{
  const char *shared_dir = g_getenv ("LEADBOOK_SHARED_DIR");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonObject *root;
  JsonArray *cases;
  const char *currency;
  guint n_failed = 0;

  if (shared_dir == NULL || *shared_dir == '\0')
    {
      g_test_fail_printf ("LEADBOOK_SHARED_DIR is not set; it must name the shared/ folder "
                          "that holds vectors/invoice-math.json");
      return;
    }

  path = g_build_filename (shared_dir, "vectors", "invoice-math.json", NULL);
  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_test_fail_printf ("cannot read the shared vectors %s: %s", path, error->message);
      return;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (root);
  currency = json_object_get_string_member (root, "currency");
  g_assert_nonnull (currency);
  cases = json_object_get_array_member (root, "cases");
  g_assert_nonnull (cases);
  g_assert_cmpuint (json_array_get_length (cases), >, 0);

  for (guint i = 0; i < json_array_get_length (cases); i++)
    n_failed += run_vector_case (f, json_array_get_object_element (cases, i), currency);

  g_test_message ("%u cases, %u mismatches", json_array_get_length (cases), n_failed);
}

/* tests: from a lead to a paid invoice */

static void
test_lead_to_paid (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) converted = NULL;
  g_autoptr(JsonNode) invoice = NULL;
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) payment = NULL;
  g_autofree char *lead_text = NULL;
  g_autofree char *inv_text = NULL;
  g_autofree char *number = NULL;
  g_autofree char *after_due = NULL;
  g_autofree char *out = NULL;
  JsonNode *line;
  JsonNode *listed;
  JsonArray *payments;
  gint64 lead_id, account_id, inv;

  lead_id = ADD_LEAD (f, "Ann", "Able", "Website", "--company", "Acme", "--street", "1 Main St",
                      "--city", "Berlin", "--postal-code", "10115");
  lead_text = ID_TEXT (lead_id);
  g_free (cli_ok (f, "settings", "set", "invoice-type", "standard", NULL));
  converted = parse_json (out = cli_ok (f, "--json", "lead", "convert", lead_text,
                                        "--account", "new", "--account-name", "Acme GmbH", NULL));
  g_clear_pointer (&out, g_free);
  account_id = member_id (converted, "account_id");
  g_assert_cmpint (account_id, >, 0);
  g_assert_cmpint (ADD (f, "product", "add", "--sku", "W-1", "--name", "Widget",
                        "--price", "10.00", "--tax-rate", "20", "--unit", "pcs"), >, 0);

  /* Create Invoice: a Draft with the lead's account, type and address */
  inv = ADD (f, "lead", "invoice", lead_text);
  inv_text = ID_TEXT (inv);
  invoice = show_invoice (f, inv);
  g_assert_cmpstr (member_text (invoice, "status"), ==, "draft");
  g_assert_null (member_text (invoice, "number"));
  g_assert_cmpstr (member_text (invoice, "type"), ==, "Standard");
  g_assert_cmpstr (member_text (invoice, "currency"), ==, "EUR");
  g_assert_cmpint (member_id (invoice, "account_id"), ==, account_id);
  g_assert_cmpint (member_id (invoice, "lead_id"), ==, lead_id);
  g_assert_cmpint (member_id (invoice, "order_id"), ==, 0);
  g_assert_cmpint (member_id (invoice, "deal_id"), ==, 0);
  g_assert_cmpstr (member_text (invoice, "delivery_address"), ==, "1 Main St, 10115 Berlin");
  g_assert_cmpstr (member_text (invoice, "total"), ==, "0.00");

  /* a catalog line takes the product's name, price and tax rate */
  out = cli_ok (f, "invoice", "line", "add", inv_text, "--product", "w-1", "--qty", "2", NULL);
  g_assert_cmpint (parse_id (out), >, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&invoice, json_node_unref);
  invoice = show_invoice (f, inv);
  line = array_element (member_array (invoice, "lines"), 0);
  g_assert_cmpstr (member_text (line, "description"), ==, "Widget");
  g_assert_cmpstr (member_text (line, "sku"), ==, "W-1");
  g_assert_cmpstr (member_text (line, "quantity"), ==, "2");
  g_assert_cmpstr (member_text (line, "unit_price"), ==, "10.00");
  g_assert_cmpstr (member_text (line, "tax_rate"), ==, "20");
  g_assert_cmpstr (member_text (line, "tax"), ==, "4.00");
  g_assert_cmpstr (member_text (line, "discount"), ==, "0.00");
  g_assert_null (member_text (line, "discount_percent"));
  g_assert_cmpstr (member_text (line, "amount"), ==, "20.00");
  g_assert_cmpstr (member_text (invoice, "total"), ==, "24.00");
  line = array_element (member_array (invoice, "tax_by_rate"), 0);
  g_assert_cmpstr (member_text (line, "rate"), ==, "20");
  g_assert_cmpstr (member_text (line, "taxable"), ==, "20.00");
  g_assert_cmpstr (member_text (line, "tax"), ==, "4.00");

  /* Send: the first number of the year */
  out = cli_ok (f, "invoice", "send", inv_text, NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&invoice, json_node_unref);
  invoice = show_invoice (f, inv);
  number = expected_number ("INV", member_text (invoice, "invoice_date"), 1);
  g_assert_cmpstr (member_text (invoice, "number"), ==, number);
  g_assert_cmpstr (member_text (invoice, "status"), ==, "sent");
  g_assert_nonnull (member_text (invoice, "issued_at"));
  after_due = add_days (member_text (invoice, "due_date"), 1);

  /* a partial payment */
  payment = parse_json (out = cli_ok (f, "--json", "invoice", "pay", inv_text, "5",
                                      "--method", "card", "--reference", "R-1",
                                      "--date", member_text (invoice, "invoice_date"), NULL));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (member_id (payment, "id"), >, 0);
  g_assert_cmpint (member_id (payment, "invoice_id"), ==, inv);
  g_assert_cmpstr (member_text (payment, "amount"), ==, "5.00");
  g_assert_cmpstr (member_text (payment, "method"), ==, "card");
  g_assert_cmpstr (member_text (payment, "reference"), ==, "R-1");
  g_assert_cmpstr (member_text (payment, "date"), ==, member_text (invoice, "invoice_date"));
  assert_invoice (f, inv, "status", "partially_paid");
  assert_invoice (f, inv, "paid", "5.00");
  assert_invoice (f, inv, "balance", "19.00");

  /* the sweep a day after the due date */
  out = cli_ok (f, "invoice", "sweep", "--today", after_due, NULL);
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);
  assert_invoice (f, inv, "status", "overdue");
  out = cli_ok (f, "invoice", "sweep", "--today", after_due, NULL);
  g_assert_cmpstr (out, ==, "0\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "invoice", "list", "--overdue-first", NULL);
  g_assert_nonnull (strstr (out, "\tOverdue\tAcme GmbH\t24.00 EUR\t19.00 EUR\n"));
  g_clear_pointer (&out, g_free);

  /* the rest of it */
  out = cli_ok (f, "invoice", "pay", inv_text, "19.00", NULL);
  g_assert_cmpint (parse_id (out), >, member_id (payment, "id"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&invoice, json_node_unref);
  invoice = show_invoice (f, inv);
  g_assert_cmpstr (member_text (invoice, "status"), ==, "paid");
  g_assert_cmpstr (member_text (invoice, "paid"), ==, "24.00");
  g_assert_cmpstr (member_text (invoice, "balance"), ==, "0.00");
  payments = member_array (invoice, "payments");
  g_assert_cmpuint (json_array_get_length (payments), ==, 2);
  g_assert_cmpstr (member_text (array_element (payments, 1), "method"), ==, "bank_transfer");
  g_assert_cmpstr (member_text (array_element (payments, 1), "amount"), ==, "19.00");

  /* the lead lists its invoice */
  lead = show_lead (f, lead_id);
  g_assert_cmpuint (json_array_get_length (member_array (lead, "orders")), ==, 0);
  g_assert_cmpuint (json_array_get_length (member_array (lead, "invoices")), ==, 1);
  listed = array_element (member_array (lead, "invoices"), 0);
  g_assert_cmpint (member_id (listed, "id"), ==, inv);
  g_assert_cmpstr (member_text (listed, "number"), ==, number);
  g_assert_cmpstr (member_text (listed, "status"), ==, "paid");
  g_assert_cmpstr (member_text (listed, "type"), ==, "Standard");
  g_assert_cmpstr (member_text (listed, "total"), ==, "24.00");
  g_assert_cmpstr (member_text (listed, "date"), ==, member_text (invoice, "invoice_date"));
  out = cli_ok (f, "lead", "show", lead_text, NULL);
  g_assert_nonnull (strstr (out, number));
  g_clear_pointer (&out, g_free);

  /* human show: header, lines and totals */
  out = cli_ok (f, "invoice", "show", inv_text, NULL);
  g_assert_nonnull (strstr (out, "Status: Paid\n"));
  g_assert_nonnull (strstr (out, "\tWidget\tW-1\t2\t10.00\t"));
  g_assert_nonnull (strstr (out, "Total: 24.00 EUR\n"));
  g_assert_nonnull (strstr (out, "Balance: 0.00 EUR\n"));

  /* removing a payment works the status out again, by today's date:
   * the due date is still ahead */
  g_clear_pointer (&out, g_free);
  out = ID_TEXT (member_id (payment, "id"));
  g_free (cli_ok (f, "invoice", "payment", "remove", out, NULL));
  assert_invoice (f, inv, "balance", "5.00");
  assert_invoice (f, inv, "status", "partially_paid");
  g_free (cli_fails (f, 1, "invoice", "payment", "remove", out, NULL));
}

/* tests: refusals */

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *lead_text = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *a = NULL;
  g_autofree char *sent_text = NULL;
  g_autofree char *draft_text = NULL;
  gint64 lead_id, account, no_account, no_lines, draft, sent, other, jpy;

  /* Create Invoice / Create Order need their type setting */
  lead_id = ADD_LEAD (f, "Bo", "Berg", "Website");
  lead_text = ID_TEXT (lead_id);
  err = cli_fails (f, 1, "lead", "invoice", lead_text, NULL);
  g_assert_nonnull (strstr (err, "invoice-type"));
  g_clear_pointer (&err, g_free);
  err = cli_fails (f, 1, "lead", "order", lead_text, NULL);
  g_assert_nonnull (strstr (err, "order-type"));
  g_clear_pointer (&err, g_free);
  out = cli_ok (f, "--json", "invoice", "list", NULL);
  g_assert_cmpstr (out, ==, "[]\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "--json", "order", "list", NULL);
  g_assert_cmpstr (out, ==, "[]\n");
  g_clear_pointer (&out, g_free);
  g_free (cli_fails (f, 1, "lead", "invoice", "99", NULL));

  account = add_account (f, "Acme");

  /* Send needs an account and a line */
  no_account = add_draft (f, 0, "10.00");
  assert_refused (f, "invoice", no_account, "account", "invoice", "send", (a = ID_TEXT (no_account)));
  g_clear_pointer (&a, g_free);
  no_lines = add_draft (f, account, NULL);
  assert_refused (f, "invoice", no_lines, "no lines", "invoice", "send", (a = ID_TEXT (no_lines)));
  g_clear_pointer (&a, g_free);

  /* payments: at most the balance, never on a Draft */
  draft = add_draft (f, account, "10.00");
  draft_text = ID_TEXT (draft);
  sent = add_sent (f, account, "10.00");
  sent_text = ID_TEXT (sent);
  assert_refused (f, "invoice", sent, "balance", "invoice", "pay", sent_text, "10.01");
  assert_refused (f, "invoice", sent, NULL, "invoice", "pay", sent_text, "0");
  assert_refused (f, "invoice", draft, "Draft", "invoice", "pay", draft_text, "1.00");
  assert_refused (f, "invoice", sent, NULL, "invoice", "pay", sent_text, "1.001");
  assert_usage (f, "invoice", sent, "invoice", "pay", sent_text, "abc");
  assert_usage (f, "invoice", sent, "invoice", "pay", sent_text, "1", "--method", "cheque");

  /* a Sent invoice is locked */
  assert_refused (f, "invoice", sent, "Draft", "invoice", "edit", sent_text, "--notes", "x");
  assert_refused (f, "invoice", sent, "Draft", "invoice", "line", "add", sent_text,
                  "--write-in", "More", "--price", "1", "--qty", "1");
  assert_refused (f, "invoice", sent, "Draft", "invoice", "discount", sent_text, "--percent", "5");
  assert_refused (f, "invoice", sent, NULL, "invoice", "cancel", sent_text);
  assert_refused (f, "invoice", sent, "cannot be deleted", "invoice", "delete", sent_text);
  assert_refused (f, "invoice", sent, NULL, "invoice", "send", sent_text);
  assert_refused (f, "invoice", sent, NULL, "invoice", "use-current-pricing", sent_text);

  /* void only while nothing is paid */
  g_free (cli_ok (f, "invoice", "pay", sent_text, "1", NULL));
  assert_refused (f, "invoice", sent, NULL, "invoice", "void", sent_text);
  other = add_sent (f, account, "3.00");
  g_free (cli_ok (f, "invoice", "void", (a = ID_TEXT (other)), NULL));
  assert_invoice (f, other, "status", "void");
  assert_refused (f, "invoice", other, NULL, "invoice", "pay", a, "1");
  g_clear_pointer (&a, g_free);

  /* a Draft can be cancelled, and deleted while never issued */
  g_free (cli_ok (f, "invoice", "cancel", (a = ID_TEXT (no_lines)), NULL));
  assert_invoice (f, no_lines, "status", "cancelled");
  assert_refused (f, "invoice", no_lines, NULL, "invoice", "send", a);
  g_clear_pointer (&a, g_free);
  g_free (cli_ok (f, "invoice", "delete", (a = ID_TEXT (no_account)), NULL));
  g_free (cli_fails (f, 1, "invoice", "show", a, NULL));
  g_clear_pointer (&a, g_free);

  /* manual numbers are unique */
  g_assert_cmpint (ADD (f, "invoice", "new", "--number", "X-1"), >, 0);
  g_free (cli_fails (f, 1, "invoice", "new", "--number", "X-1", NULL));
  assert_refused (f, "invoice", draft, "X-1", "invoice", "edit", draft_text, "--number", "X-1");

  /* amounts and quantities are never rounded */
  assert_refused (f, "invoice", draft, "1.234", "invoice", "line", "add", draft_text,
                  "--write-in", "W", "--price", "1.234", "--qty", "1");
  assert_usage (f, "invoice", draft, "invoice", "line", "add", draft_text,
                "--write-in", "W", "--price", "abc", "--qty", "1");
  assert_refused (f, "invoice", draft, "1.0001", "invoice", "line", "add", draft_text,
                  "--write-in", "W", "--price", "1", "--qty", "1.0001");
  assert_refused (f, "invoice", draft, NULL, "invoice", "line", "add", draft_text,
                  "--write-in", "W", "--price", "1", "--qty", "1", "--discount", "1.005");
  assert_refused (f, "invoice", draft, NULL, "invoice", "line", "add", draft_text,
                  "--write-in", "W", "--price", "-1", "--qty", "1");
  assert_refused (f, "invoice", draft, NULL, "invoice", "line", "add", draft_text,
                  "--write-in", "W", "--price", "1", "--qty", "1", "--discount-amount", "2");
  assert_refused (f, "invoice", draft, NULL, "invoice", "discount", draft_text, "--amount", "10.01");
  assert_refused (f, "invoice", draft, NULL, "invoice", "discount", draft_text, "--percent", "101");
  assert_refused (f, "invoice", draft, "SKU", "invoice", "line", "add", draft_text,
                  "--product", "NOPE", "--qty", "1");
  jpy = ADD (f, "invoice", "new", "--currency", "jpy");
  assert_refused (f, "invoice", jpy, NULL, "invoice", "line", "add", (a = ID_TEXT (jpy)),
                  "--write-in", "W", "--price", "100.5", "--qty", "1");
  ADD (f, "invoice", "line", "add", a, "--write-in", "W", "--price", "100", "--qty", "1",
       "--tax-rate", "10");
  assert_invoice (f, jpy, "currency", "JPY");
  assert_invoice (f, jpy, "total", "110");
  g_clear_pointer (&a, g_free);

  /* usage errors */
  assert_usage (f, "invoice", draft, "invoice", "line", "add", draft_text,
                "--write-in", "W", "--product", "P", "--price", "1", "--qty", "1");
  assert_usage (f, "invoice", draft, "invoice", "line", "add", draft_text, "--qty", "1");
  assert_usage (f, "invoice", draft, "invoice", "line", "add", draft_text,
                "--write-in", "W", "--qty", "1");
  assert_usage (f, "invoice", draft, "invoice", "line", "add", draft_text,
                "--write-in", "W", "--price", "1");
  assert_usage (f, "invoice", draft, "invoice", "line", "add", draft_text,
                "--write-in", "W", "--price", "1", "--qty", "1", "--tax-rate", "5",
                "--tax-amount", "1");
  assert_usage (f, "invoice", draft, "invoice", "line", "add", draft_text,
                "--write-in", "W", "--price", "1", "--qty", "x");
  assert_usage (f, "invoice", draft, "invoice", "discount", draft_text);
  assert_usage (f, "invoice", draft, "invoice", "discount", draft_text, "--none",
                "--percent", "5");
  assert_usage (f, "invoice", draft, "invoice", "edit", draft_text);
  assert_usage (f, "invoice", draft, "invoice", "line", "edit", draft_text, "1");
  assert_usage (f, "invoice", draft, "invoice", "list", "--status", "unpaid");
  g_free (cli_fails (f, 2, "invoice", "show", "x", NULL));
  g_free (cli_fails (f, 1, "invoice", "show", "999", NULL));
  g_free (cli_fails (f, 1, "invoice", "new", "--account", "999", NULL));
  g_free (cli_fails (f, 1, "invoice", "new", "--type", "Unknown", NULL));
  g_free (cli_fails (f, 1, "invoice", "new", "--currency", "EURO", NULL));
  g_free (cli_fails (f, 1, "invoice", "new", "--date", "2026-05-10", "--due", "2026-05-01", NULL));
}

/* tests: lines and discounts of a Draft */

static void
test_lines (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) invoice = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autofree char *inv_text = NULL;
  g_autofree char *line_text = NULL;
  g_autofree char *out = NULL;
  JsonNode *line;
  gint64 inv, line_id, other;

  inv = ADD (f, "invoice", "new", "--date", "2026-03-01", "--notes", "Thanks", "--terms", "Net 30",
             "--type", "STANDARD");
  inv_text = ID_TEXT (inv);
  invoice = show_invoice (f, inv);
  g_assert_cmpstr (member_text (invoice, "invoice_date"), ==, "2026-03-01");
  g_assert_cmpstr (member_text (invoice, "due_date"), ==, "2026-03-31");
  g_assert_cmpstr (member_text (invoice, "type"), ==, "Standard");
  g_assert_cmpstr (member_text (invoice, "notes"), ==, "Thanks");

  /* a write-in line without a tax option has no tax; --json prints it */
  created = parse_json (out = cli_ok (f, "--json", "invoice", "line", "add", inv_text,
                                      "--write-in", "Consulting", "--price", "80",
                                      "--qty", "1.5", NULL));
  g_clear_pointer (&out, g_free);
  line_id = member_id (created, "id");
  line_text = ID_TEXT (line_id);
  g_assert_cmpstr (member_text (created, "quantity"), ==, "1.5");
  g_assert_cmpstr (member_text (created, "unit_price"), ==, "80.00");
  g_assert_cmpstr (member_text (created, "tax_rate"), ==, "0");
  g_assert_cmpstr (member_text (created, "tax"), ==, "0.00");
  g_assert_cmpstr (member_text (created, "amount"), ==, "120.00");
  g_assert_null (member_text (created, "sku"));

  /* edit: only the values given */
  out = cli_ok (f, "invoice", "line", "edit", inv_text, line_text, "--qty", "2",
                "--discount", "10", "--tax-amount", "3.33", "--description", "Advice", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&invoice, json_node_unref);
  invoice = show_invoice (f, inv);
  line = array_element (member_array (invoice, "lines"), 0);
  g_assert_cmpstr (member_text (line, "description"), ==, "Advice");
  g_assert_cmpstr (member_text (line, "quantity"), ==, "2");
  g_assert_cmpstr (member_text (line, "unit_price"), ==, "80.00");
  g_assert_cmpstr (member_text (line, "discount"), ==, "16.00");
  g_assert_cmpstr (member_text (line, "discount_percent"), ==, "10");
  g_assert_null (member_text (line, "tax_rate"));
  g_assert_cmpstr (member_text (line, "tax"), ==, "3.33");
  g_assert_cmpstr (member_text (line, "amount"), ==, "144.00");
  g_assert_cmpstr (member_text (invoice, "total"), ==, "147.33");

  /* the document discount */
  g_free (cli_ok (f, "invoice", "discount", inv_text, "--amount", "4", NULL));
  assert_invoice (f, inv, "discount", "4.00");
  assert_invoice (f, inv, "total", "143.33");
  g_free (cli_ok (f, "invoice", "discount", inv_text, "--percent", "50", NULL));
  assert_invoice (f, inv, "discount", "72.00");
  assert_invoice (f, inv, "discount_percent", "50");
  g_free (cli_ok (f, "invoice", "discount", inv_text, "--none", NULL));
  assert_invoice (f, inv, "discount", "0.00");

  /* a line of another invoice is not this one's */
  other = add_draft (f, 0, "1.00");
  g_free (cli_fails (f, 1, "invoice", "line", "edit", (out = ID_TEXT (other)), line_text,
                     "--qty", "1", NULL));
  g_free (cli_fails (f, 1, "invoice", "line", "remove", out, line_text, NULL));
  g_clear_pointer (&out, g_free);

  /* remove */
  g_free (cli_ok (f, "invoice", "line", "remove", inv_text, line_text, NULL));
  assert_invoice (f, inv, "total", "0.00");
  g_free (cli_fails (f, 1, "invoice", "line", "remove", inv_text, line_text, NULL));

  /* edit the header; --json prints the saved invoice */
  g_clear_pointer (&created, json_node_unref);
  created = parse_json (out = cli_ok (f, "--json", "invoice", "edit", inv_text, "--number",
                                      "MAN-7", "--due", "2026-04-15", "--notes", "", NULL));
  g_assert_cmpstr (member_text (created, "number"), ==, "MAN-7");
  g_assert_cmpstr (member_text (created, "due_date"), ==, "2026-04-15");
  g_assert_null (member_text (created, "notes"));
  g_assert_cmpstr (member_text (created, "terms"), ==, "Net 30");
}

/* tests: numbering */

static void
test_numbering (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *date = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gint64 account = add_account (f, "Acme");
  gint64 failing, good, empty, later;

  /* a send that fails takes no number */
  failing = add_draft (f, 0, "10.00");
  a = ID_TEXT (failing);
  g_free (cli_fails (f, 1, "invoice", "send", a, NULL));
  empty = add_draft (f, account, NULL);
  g_free (cli_fails (f, 1, "invoice", "send", (b = ID_TEXT (empty)), NULL));
  g_clear_pointer (&b, g_free);
  assert_invoice (f, failing, "number", NULL);

  good = add_sent (f, account, "10.00");
  date = invoice_member (f, good, "invoice_date");
  first = expected_number ("INV", date, 1);
  second = expected_number ("INV", date, 2);
  third = expected_number ("INV", date, 3);
  assert_invoice (f, good, "number", first);

  g_free (cli_ok (f, "invoice", "edit", a, "--account", (b = ID_TEXT (account)), NULL));
  g_free (cli_ok (f, "invoice", "send", a, NULL));
  assert_invoice (f, failing, "number", second);

  /* a number typed on a Draft is kept; the sequence goes on */
  later = add_draft (f, account, "5.00");
  g_clear_pointer (&b, g_free);
  g_free (cli_ok (f, "invoice", "edit", (b = ID_TEXT (later)), "--number", "HAND-1", NULL));
  g_free (cli_ok (f, "invoice", "send", b, NULL));
  assert_invoice (f, later, "number", "HAND-1");
  g_clear_pointer (&b, g_free);
  later = add_sent (f, account, "5.00");
  assert_invoice (f, later, "number", third);

  /* a Draft shows "Draft" in the list */
  g_clear_pointer (&b, g_free);
  b = cli_ok (f, "invoice", "list", "--status", "draft", NULL);
  g_assert_true (g_str_has_prefix (b, "ID\tNumber\tDate\tDue\tStatus\tCustomer\tTotal\tBalance\n"));
  g_assert_nonnull (strstr (b, "\tDraft\t"));
}

/* tests: orders */

static void
test_orders (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) order = NULL;
  g_autoptr(JsonNode) invoice = NULL;
  g_autoptr(JsonNode) lead = NULL;
  g_autofree char *lead_text = NULL;
  g_autofree char *order_text = NULL;
  g_autofree char *number = NULL;
  g_autofree char *out = NULL;
  g_autofree char *a = NULL;
  JsonNode *line;
  gint64 lead_id, account, order_id, inv, second, third;

  account = add_account (f, "Acme");
  lead_id = ADD_LEAD (f, "Cy", "Cole", "Website", "--account", (a = ID_TEXT (account)),
                      "--street", "2 Side Rd", "--city", "Paris", "--country", "France");
  g_clear_pointer (&a, g_free);
  lead_text = ID_TEXT (lead_id);
  g_free (cli_fails (f, 1, "lead", "order", lead_text, NULL));
  g_free (cli_ok (f, "settings", "set", "order-type", "Standard", NULL));

  /* an order is numbered when it is made */
  order_id = ADD (f, "lead", "order", lead_text);
  order_text = ID_TEXT (order_id);
  order = show_order (f, order_id);
  number = expected_number ("SO", member_text (order, "order_date"), 1);
  g_assert_cmpstr (member_text (order, "number"), ==, number);
  g_assert_cmpstr (member_text (order, "status"), ==, "draft");
  g_assert_cmpstr (member_text (order, "type"), ==, "Standard");
  g_assert_cmpint (member_id (order, "account_id"), ==, account);
  g_assert_cmpint (member_id (order, "lead_id"), ==, lead_id);
  g_assert_cmpstr (member_text (order, "delivery_address"), ==, "2 Side Rd, Paris, France");
  g_assert_false (json_object_has_member (json_node_get_object (order), "due_date"));

  /* confirm needs a line; an order invoices only once confirmed */
  assert_refused (f, "order", order_id, "no lines", "order", "confirm", order_text);
  g_assert_cmpint (ADD (f, "order", "line", "add", order_text, "--write-in", "Service",
                        "--price", "100", "--qty", "1.5", "--tax-rate", "20"), >, 0);
  g_free (cli_ok (f, "order", "discount", order_text, "--percent", "10", NULL));
  assert_refused (f, "order", order_id, NULL, "order", "invoice", order_text);
  assert_refused (f, "order", order_id, NULL, "order", "fulfil", order_text);
  g_free (cli_ok (f, "order", "confirm", order_text, NULL));
  assert_refused (f, "order", order_id, "Draft", "order", "line", "add", order_text,
                  "--write-in", "More", "--price", "1", "--qty", "1");
  assert_refused (f, "order", order_id, NULL, "order", "delete", order_text);
  g_free (cli_ok (f, "order", "fulfil", order_text, NULL));
  g_clear_pointer (&order, json_node_unref);
  order = show_order (f, order_id);
  g_assert_cmpstr (member_text (order, "status"), ==, "fulfilled");
  g_assert_cmpstr (member_text (order, "subtotal"), ==, "150.00");
  g_assert_cmpstr (member_text (order, "discount"), ==, "15.00");
  g_assert_cmpstr (member_text (order, "total"), ==, "162.00");

  /* its invoice copies the lines and links back */
  inv = ADD (f, "order", "invoice", order_text);
  invoice = show_invoice (f, inv);
  g_assert_cmpstr (member_text (invoice, "status"), ==, "draft");
  g_assert_cmpint (member_id (invoice, "order_id"), ==, order_id);
  g_assert_cmpint (member_id (invoice, "lead_id"), ==, lead_id);
  g_assert_cmpint (member_id (invoice, "account_id"), ==, account);
  g_assert_cmpstr (member_text (invoice, "total"), ==, "162.00");
  line = array_element (member_array (invoice, "lines"), 0);
  g_assert_cmpstr (member_text (line, "description"), ==, "Service");
  g_assert_cmpstr (member_text (line, "quantity"), ==, "1.5");
  g_assert_cmpstr (member_text (line, "unit_price"), ==, "100.00");
  g_assert_cmpstr (member_text (line, "tax_rate"), ==, "20");

  /* cancel: from Draft or Confirmed only */
  assert_refused (f, "order", order_id, "Fulfilled", "order", "cancel", order_text);
  second = ADD (f, "lead", "order", lead_text);
  g_clear_pointer (&number, g_free);
  number = expected_number ("SO", member_text (order, "order_date"), 2);
  g_clear_pointer (&order, json_node_unref);
  order = show_order (f, second);
  g_assert_cmpstr (member_text (order, "number"), ==, number);
  g_free (cli_ok (f, "order", "cancel", (a = ID_TEXT (second)), NULL));
  g_clear_pointer (&order, json_node_unref);
  order = show_order (f, second);
  g_assert_cmpstr (member_text (order, "status"), ==, "cancelled");
  assert_refused (f, "order", second, NULL, "order", "cancel", a);
  assert_refused (f, "order", second, NULL, "order", "confirm", a);
  assert_refused (f, "order", second, NULL, "order", "delete", a);
  g_clear_pointer (&a, g_free);

  /* a Draft made by mistake is deleted */
  third = ADD (f, "lead", "order", lead_text);
  g_free (cli_ok (f, "order", "delete", (a = ID_TEXT (third)), NULL));
  g_free (cli_fails (f, 1, "order", "show", a, NULL));
  g_clear_pointer (&a, g_free);

  /* order edit and list */
  g_free (cli_fails (f, 1, "order", "edit", order_text, "--notes", "late", NULL));
  out = cli_ok (f, "order", "list", "--lead", lead_text, NULL);
  g_assert_true (g_str_has_prefix (out, "ID\tNumber\tDate\tStatus\tCustomer\tTotal\n"));
  g_assert_nonnull (strstr (out, "\tFulfilled\tAcme\t162.00 EUR\n"));
  g_assert_nonnull (strstr (out, "\tCancelled\tAcme\t0.00 EUR\n"));
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "--json", "order", "list", "--status", "cancelled", NULL);
  g_clear_pointer (&order, json_node_unref);
  order = parse_json (out);
  g_clear_pointer (&out, g_free);
  out = json_array_ids (json_node_get_array (order));
  g_assert_cmpstr (out, ==, (a = ID_TEXT (second)));
  g_clear_pointer (&a, g_free);

  /* the lead lists both kinds */
  lead = show_lead (f, lead_id);
  g_assert_cmpuint (json_array_get_length (member_array (lead, "orders")), ==, 2);
  g_assert_cmpuint (json_array_get_length (member_array (lead, "invoices")), ==, 1);
  g_assert_cmpstr (member_text (array_element (member_array (lead, "invoices"), 0), "status"), ==,
                   "draft");
  g_assert_null (member_text (array_element (member_array (lead, "invoices"), 0), "number"));
}

/* tests: products and pricing */

static void
test_products (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) product = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  product = parse_json (out = cli_ok (f, "--json", "product", "add", "--sku", "W-1", "--name",
                                      "Widget", "--price", "12.5", "--tax-rate", "7.5", NULL));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (member_id (product, "id"), ==, 1);
  g_assert_cmpstr (member_text (product, "sku"), ==, "W-1");
  g_assert_cmpstr (member_text (product, "unit_price"), ==, "12.50");
  g_assert_cmpstr (member_text (product, "currency"), ==, "EUR");
  g_assert_cmpstr (member_text (product, "tax_rate"), ==, "7.5");
  g_assert_null (member_text (product, "unit"));
  g_assert_true (json_object_get_boolean_member (json_node_get_object (product), "active"));

  g_assert_cmpint (ADD (f, "product", "add", "--sku", "G-1", "--name", "Gadget", "--price", "3",
                        "--unit", "pcs", "--inactive"), ==, 2);
  err = cli_fails (f, 1, "product", "add", "--sku", "w-1", "--name", "Other", "--price", "1", NULL);
  g_assert_nonnull (strstr (err, "w-1"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 1, "product", "add", "--sku", "X", "--name", "X", "--price", "1.001", NULL));
  g_free (cli_fails (f, 1, "product", "add", "--sku", "X", "--name", "X", "--price", "1",
                     "--tax-rate", "5.125", NULL));
  g_free (cli_fails (f, 2, "product", "add", "--sku", "X", "--name", "X", NULL));
  g_free (cli_fails (f, 2, "product", "add", "--sku", "X", "--name", "X", "--price", "cheap", NULL));

  /* list: active ones unless --all; search */
  out = cli_ok (f, "product", "list", NULL);
  g_assert_cmpstr (out, ==, "SKU\tName\tUnit\tPrice\tTax rate\tActive\n"
                            "W-1\tWidget\t\t12.50 EUR\t7.5%\tyes\n");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "--json", "product", "list", "--all", NULL);
  g_clear_pointer (&product, json_node_unref);
  product = parse_json (out);
  g_clear_pointer (&out, g_free);
  g_assert_cmpstr ((out = json_array_ids (json_node_get_array (product))), ==, "2,1");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "--json", "product", "list", "--all", "--search", "gad", NULL);
  g_clear_pointer (&product, json_node_unref);
  product = parse_json (out);
  g_clear_pointer (&out, g_free);
  g_assert_cmpstr ((out = json_array_ids (json_node_get_array (product))), ==, "2");
  g_clear_pointer (&out, g_free);

  /* show and edit by SKU, ignoring case */
  out = cli_ok (f, "product", "show", "g-1", NULL);
  g_assert_nonnull (strstr (out, "SKU: G-1\nName: Gadget\nUnit: pcs\nUnit price: 3.00 EUR\n"));
  g_assert_nonnull (strstr (out, "Active: no\n"));
  g_clear_pointer (&out, g_free);
  g_free (cli_ok (f, "product", "edit", "G-1", "--active", "--name", "Gizmo", NULL));
  g_clear_pointer (&product, json_node_unref);
  product = parse_json (out = cli_ok (f, "--json", "product", "show", "G-1", NULL));
  g_clear_pointer (&out, g_free);
  g_assert_cmpstr (member_text (product, "name"), ==, "Gizmo");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (product), "active"));
  g_free (cli_fails (f, 1, "product", "show", "NOPE", NULL));
  g_free (cli_fails (f, 1, "product", "edit", "NOPE", "--name", "X", NULL));
  g_free (cli_fails (f, 2, "product", "edit", "G-1", NULL));
  g_free (cli_fails (f, 2, "product", "edit", "G-1", "--active", "--inactive", NULL));
  g_free (cli_fails (f, 1, "product", "edit", "G-1", "--sku", "W-1", NULL));

  /* set-price */
  g_free (cli_ok (f, "product", "set-price", "W-1", "13", NULL));
  g_clear_pointer (&product, json_node_unref);
  product = parse_json (out = cli_ok (f, "--json", "product", "show", "W-1", NULL));
  g_assert_cmpstr (member_text (product, "unit_price"), ==, "13.00");
  g_free (cli_fails (f, 1, "product", "set-price", "W-1", "1.234", NULL));
  g_free (cli_fails (f, 2, "product", "set-price", "W-1", "abc", NULL));
  g_free (cli_fails (f, 1, "product", "set-price", "NOPE", "1", NULL));
}

static void
test_pricing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) invoice = NULL;
  g_autofree char *sent_text = NULL;
  g_autofree char *draft_text = NULL;
  JsonArray *lines;
  gint64 account = add_account (f, "Acme");
  gint64 sent, draft;

  ADD (f, "product", "add", "--sku", "P-1", "--name", "Part", "--price", "10.00",
       "--tax-rate", "20");

  sent = add_draft (f, account, NULL);
  sent_text = ID_TEXT (sent);
  ADD (f, "invoice", "line", "add", sent_text, "--product", "P-1", "--qty", "1");
  g_free (cli_ok (f, "invoice", "send", sent_text, NULL));

  draft = add_draft (f, account, NULL);
  draft_text = ID_TEXT (draft);
  ADD (f, "invoice", "line", "add", draft_text, "--product", "P-1", "--qty", "1");
  ADD (f, "invoice", "line", "add", draft_text, "--write-in", "Custom", "--price", "7.00",
       "--qty", "1");
  /* a product line may give its own price and tax */
  ADD (f, "invoice", "line", "add", draft_text, "--product", "P-1", "--qty", "1",
       "--price", "9.00", "--tax-amount", "0.50");

  g_free (cli_ok (f, "product", "set-price", "P-1", "12.50", NULL));

  /* a Sent invoice keeps its price; so does a locked Draft */
  assert_invoice (f, sent, "total", "12.00");
  invoice = show_invoice (f, draft);
  lines = member_array (invoice, "lines");
  g_assert_cmpstr (member_text (array_element (lines, 0), "unit_price"), ==, "10.00");
  g_assert_cmpstr (member_text (array_element (lines, 2), "unit_price"), ==, "9.00");
  g_assert_cmpstr (member_text (array_element (lines, 2), "tax"), ==, "0.50");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (invoice), "pricing_locked"));
  assert_refused (f, "invoice", sent, "Draft", "invoice", "use-current-pricing", sent_text);

  /* current pricing: catalog lines take the new price, write-ins keep theirs */
  g_free (cli_ok (f, "invoice", "use-current-pricing", draft_text, NULL));
  g_clear_pointer (&invoice, json_node_unref);
  invoice = show_invoice (f, draft);
  lines = member_array (invoice, "lines");
  g_assert_cmpstr (member_text (array_element (lines, 0), "unit_price"), ==, "12.50");
  g_assert_cmpstr (member_text (array_element (lines, 1), "unit_price"), ==, "7.00");
  g_assert_cmpstr (member_text (array_element (lines, 2), "unit_price"), ==, "12.50");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (invoice), "pricing_locked"));
  g_assert_cmpstr (member_text (invoice, "total"), ==, "35.00");
  assert_invoice (f, sent, "total", "12.00");

  /* while current, a new catalog price reaches the Draft */
  g_free (cli_ok (f, "product", "set-price", "P-1", "15.00", NULL));
  g_clear_pointer (&invoice, json_node_unref);
  invoice = show_invoice (f, draft);
  lines = member_array (invoice, "lines");
  g_assert_cmpstr (member_text (array_element (lines, 0), "unit_price"), ==, "15.00");
  g_assert_cmpstr (member_text (array_element (lines, 1), "unit_price"), ==, "7.00");
  /* 15 × 1.2 + 7 + 15 + 0.50 */
  g_assert_cmpstr (member_text (invoice, "total"), ==, "40.50");

  /* locked again, it keeps 15.00; a locked Draft locks without change,
   * an issued invoice is refused */
  g_free (cli_ok (f, "invoice", "lock-pricing", draft_text, NULL));
  g_free (cli_ok (f, "invoice", "lock-pricing", draft_text, NULL));
  g_free (cli_ok (f, "product", "set-price", "P-1", "20.00", NULL));
  assert_invoice (f, draft, "total", "40.50");
  g_clear_pointer (&invoice, json_node_unref);
  invoice = show_invoice (f, draft);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (invoice), "pricing_locked"));
  assert_refused (f, "invoice", sent, "Draft", "invoice", "lock-pricing", sent_text);
  g_free (cli_fails (f, 1, "invoice", "lock-pricing", "9999", NULL));
  g_free (cli_fails (f, 2, "invoice", "lock-pricing", "x", NULL));
}

/* tests: pricing modes of an order */

static void
test_order_pricing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) order = NULL;
  g_autofree char *order_text = NULL;
  g_autofree char *lead_text = NULL;
  g_autofree char *a = NULL;
  JsonArray *lines;
  gint64 account = add_account (f, "Acme");
  gint64 lead_id, order_id;

  ADD (f, "product", "add", "--sku", "P-2", "--name", "Part", "--price", "10.00");
  lead_id = ADD_LEAD (f, "Cy", "Cole", "Website", "--account", (a = ID_TEXT (account)));
  lead_text = ID_TEXT (lead_id);
  g_free (cli_ok (f, "settings", "set", "order-type", "Standard", NULL));
  order_id = ADD (f, "lead", "order", lead_text);
  order_text = ID_TEXT (order_id);
  ADD (f, "order", "line", "add", order_text, "--product", "P-2", "--qty", "2");

  g_free (cli_ok (f, "order", "use-current-pricing", order_text, NULL));
  g_free (cli_ok (f, "product", "set-price", "P-2", "11.00", NULL));
  order = show_order (f, order_id);
  lines = member_array (order, "lines");
  g_assert_cmpstr (member_text (array_element (lines, 0), "unit_price"), ==, "11.00");
  g_assert_cmpstr (member_text (order, "total"), ==, "22.00");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (order), "pricing_locked"));

  g_free (cli_ok (f, "order", "lock-pricing", order_text, NULL));
  g_free (cli_ok (f, "product", "set-price", "P-2", "12.00", NULL));
  g_clear_pointer (&order, json_node_unref);
  order = show_order (f, order_id);
  g_assert_cmpstr (member_text (order, "total"), ==, "22.00");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (order), "pricing_locked"));

  /* confirmed: both refused, nothing changes */
  g_free (cli_ok (f, "order", "use-current-pricing", order_text, NULL));
  g_free (cli_ok (f, "order", "confirm", order_text, NULL));
  assert_refused (f, "order", order_id, "Draft", "order", "use-current-pricing", order_text);
  assert_refused (f, "order", order_id, "Draft", "order", "lock-pricing", order_text);
  g_free (cli_ok (f, "product", "set-price", "P-2", "13.00", NULL));
  g_clear_pointer (&order, json_node_unref);
  order = show_order (f, order_id);
  g_assert_cmpstr (member_text (order, "total"), ==, "24.00");
  g_assert_true (json_object_get_boolean_member (json_node_get_object (order), "pricing_locked"));
}

/* tests: the list of named tax rates, and rates given by name */

static void
test_tax_rates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) invoice = NULL;
  g_autoptr(JsonNode) product = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *draft_text = NULL;
  JsonArray *array;
  JsonArray *lines;
  gint64 account = add_account (f, "Acme");
  gint64 draft;

  /* the seeded list, with the percentages */
  out = cli_ok (f, "ref", "list", "tax-rate", NULL);
  g_assert_cmpstr (out, ==, "Standard\t20\nReduced\t5\nZero\t0\n");
  g_clear_pointer (&out, g_free);

  /* add: --rate is required, and only for tax rates */
  g_assert_cmpint (ADD (f, "ref", "add", "tax-rate", "Super reduced", "--rate", "2.1"), >, 0);
  err = cli_fails (f, 2, "ref", "add", "tax-rate", "Bare", NULL);
  g_assert_nonnull (strstr (err, "--rate"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 2, "ref", "add", "source", "Fair", "--rate", "5", NULL));
  g_free (cli_fails (f, 1, "ref", "add", "tax-rate", "Odd", "--rate", "1.234", NULL));
  g_free (cli_fails (f, 1, "ref", "add", "tax-rate", "standard", "--rate", "19", NULL));
  g_free (cli_fails (f, 1, "ref", "add", "tax-rate", "Minus", "--rate", "-1", NULL));

  out = cli_ok (f, "--json", "ref", "list", "tax-rate", NULL);
  list = parse_json (out);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  g_assert_cmpstr (member_text (json_array_get_element (array, 3), "name"), ==, "Super reduced");
  g_assert_cmpstr (member_text (json_array_get_element (array, 3), "rate"), ==, "2.1");
  g_clear_pointer (&out, g_free);

  /* products and lines take a rate by name, ignoring case */
  ADD (f, "product", "add", "--sku", "S-1", "--name", "Standard thing", "--price", "10",
       "--tax-rate", "standard");
  ADD (f, "product", "add", "--sku", "S-2", "--name", "Other thing", "--price", "10",
       "--tax-rate", "20");
  ADD (f, "product", "add", "--sku", "R-1", "--name", "Book", "--price", "10",
       "--tax-rate", "Reduced");
  err = cli_fails (f, 1, "product", "add", "--sku", "X-1", "--name", "X", "--price", "1",
                   "--tax-rate", "Luxury", NULL);
  g_assert_nonnull (strstr (err, "Standard (20 %)"));
  g_clear_pointer (&err, g_free);
  g_free (cli_fails (f, 2, "product", "add", "--sku", "X-1", "--name", "X", "--price", "1",
                     "--tax-rate", "1x", NULL));
  out = cli_ok (f, "--json", "product", "show", "R-1", NULL);
  product = parse_json (out);
  g_assert_cmpstr (member_text (product, "tax_rate"), ==, "5");
  g_clear_pointer (&out, g_free);

  draft = add_draft (f, account, NULL);
  draft_text = ID_TEXT (draft);
  ADD (f, "invoice", "line", "add", draft_text, "--write-in", "Work", "--price", "100",
       "--qty", "1", "--tax-rate", "SUPER REDUCED");
  invoice = show_invoice (f, draft);
  lines = member_array (invoice, "lines");
  g_assert_cmpstr (member_text (array_element (lines, 0), "tax_rate"), ==, "2.1");
  g_assert_cmpstr (member_text (invoice, "tax"), ==, "2.10");

  /* a new percentage: products follow only when asked; the invoice keeps its own */
  out = cli_ok (f, "ref", "set-rate", "tax-rate", "Standard", "21", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&product, json_node_unref);
  out = cli_ok (f, "--json", "product", "show", "S-1", NULL);
  product = parse_json (out);
  g_assert_cmpstr (member_text (product, "tax_rate"), ==, "20");
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "ref", "set-rate", "tax-rate", "Standard", "19", "--update-products", NULL);
  g_assert_cmpstr (out, ==, "0\n");
  g_clear_pointer (&out, g_free);
  g_free (cli_ok (f, "ref", "set-rate", "tax-rate", "Standard", "20", NULL));
  out = cli_ok (f, "ref", "set-rate", "tax-rate", "Standard", "19", "--update-products", NULL);
  g_assert_cmpstr (out, ==, "2\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&product, json_node_unref);
  out = cli_ok (f, "--json", "product", "show", "S-2", NULL);
  product = parse_json (out);
  g_assert_cmpstr (member_text (product, "tax_rate"), ==, "19");
  g_clear_pointer (&out, g_free);
  assert_invoice (f, draft, "tax", "2.10");
  g_free (cli_fails (f, 2, "ref", "set-rate", "source", "Email", "5", NULL));
  g_free (cli_fails (f, 1, "ref", "set-rate", "tax-rate", "Nope", "5", NULL));
  g_free (cli_fails (f, 1, "ref", "set-rate", "tax-rate", "Zero", "abc", NULL));

  /* rename and remove through the usual ref commands */
  g_free (cli_ok (f, "ref", "rename", "tax-rate", "Zero", "Exempt", NULL));
  g_free (cli_ok (f, "ref", "remove", "tax-rate", "Exempt", NULL));
  out = cli_ok (f, "ref", "list", "tax-rate", NULL);
  g_assert_cmpstr (out, ==, "Standard\t19\nReduced\t5\nSuper reduced\t2.1\n");
}

/* tests: a deal's lines and its invoice */

static void
test_deal_invoice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) invoice = NULL;
  g_autoptr(JsonNode) deal = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autofree char *account_text = NULL;
  g_autofree char *deal_text = NULL;
  g_autofree char *line_text = NULL;
  g_autofree char *out = NULL;
  JsonArray *lines;
  gint64 account, deal_id, inv, line_id;

  account = add_account (f, "Acme");
  account_text = ID_TEXT (account);
  ADD (f, "product", "add", "--sku", "P-1", "--name", "Part", "--price", "10.00",
       "--tax-rate", "20");
  deal_id = ADD (f, "deal", "add", "--name", "Big deal", "--account", account_text,
                 "--value", "500");
  deal_text = ID_TEXT (deal_id);

  /* without lines: one written-in line at the deal's value */
  inv = ADD (f, "deal", "invoice", deal_text);
  invoice = show_invoice (f, inv);
  g_assert_cmpint (member_id (invoice, "deal_id"), ==, deal_id);
  g_assert_cmpint (member_id (invoice, "account_id"), ==, account);
  lines = member_array (invoice, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 1);
  g_assert_cmpstr (member_text (array_element (lines, 0), "description"), ==, "Big deal");
  g_assert_cmpstr (member_text (array_element (lines, 0), "amount"), ==, "500.00");

  /* with lines: they are the invoice's */
  ADD (f, "deal", "line", "add", deal_text, "--product", "P-1", "--qty", "3");
  created = parse_json (out = cli_ok (f, "--json", "deal", "line", "add", deal_text, "--write-in",
                                      "Setup", "--price", "50", "--qty", "1",
                                      "--discount-amount", "5", "--tax-amount", "2", NULL));
  g_clear_pointer (&out, g_free);
  line_id = member_id (created, "id");
  line_text = ID_TEXT (line_id);
  g_assert_cmpint (member_id (created, "deal_id"), ==, deal_id);
  g_assert_cmpstr (member_text (created, "discount_amount"), ==, "5.00");
  g_assert_cmpstr (member_text (created, "tax_amount"), ==, "2.00");
  g_free (cli_fails (f, 1, "deal", "line", "add", deal_text, "--write-in", "X", "--price",
                     "0.001", "--qty", "1", NULL));
  g_free (cli_fails (f, 2, "deal", "line", "add", deal_text, "--qty", "1", NULL));

  deal = show_record (f, "deal", deal_id);
  lines = member_array (deal, "lines");
  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
  g_assert_cmpstr (member_text (array_element (lines, 0), "sku"), ==, "P-1");
  g_assert_cmpstr (member_text (array_element (lines, 0), "unit_price"), ==, "10.00");
  g_assert_cmpstr (member_text (array_element (lines, 0), "tax_rate"), ==, "20");
  out = cli_ok (f, "deal", "show", deal_text, NULL);
  g_assert_nonnull (strstr (out, "Line: "));
  g_assert_nonnull (strstr (out, "Setup, 1 × 50.00 EUR"));
  g_clear_pointer (&out, g_free);

  g_clear_pointer (&invoice, json_node_unref);
  invoice = show_invoice (f, ADD (f, "deal", "invoice", deal_text));
  g_assert_cmpuint (json_array_get_length (member_array (invoice, "lines")), ==, 2);
  g_assert_cmpstr (member_text (invoice, "subtotal"), ==, "75.00");
  g_assert_cmpstr (member_text (invoice, "tax"), ==, "8.00");
  g_assert_cmpstr (member_text (invoice, "total"), ==, "83.00");

  /* remove */
  g_free (cli_ok (f, "deal", "line", "remove", deal_text, line_text, NULL));
  g_free (cli_fails (f, 1, "deal", "line", "remove", deal_text, line_text, NULL));
  g_clear_pointer (&deal, json_node_unref);
  deal = show_record (f, "deal", deal_id);
  g_assert_cmpuint (json_array_get_length (member_array (deal, "lines")), ==, 1);
  g_free (cli_fails (f, 1, "deal", "invoice", "99", NULL));

  /* the invoices of a deal */
  out = cli_ok (f, "--json", "invoice", "list", "--deal", deal_text, NULL);
  g_clear_pointer (&deal, json_node_unref);
  deal = parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (deal)), ==, 2);
}

/* tests: PDF */

/* The text of a PDF file, read with poppler's pdftotext. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    g_error ("pdftotext is needed by this test (poppler-utils)");
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* `invoice pdf` and `order pdf`: -o is required; the file holds the
 * document; an unknown document or a file that cannot be written is
 * refused and leaves no file. */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "invoice.pdf", NULL);
  g_autofree char *json_path = g_build_filename (f->dir, "invoice-json.pdf", NULL);
  g_autofree char *order_path = g_build_filename (f->dir, "order.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-folder", "invoice.pdf", NULL);
  g_autofree char *unknown = g_build_filename (f->dir, "unknown.pdf", NULL);
  g_autofree char *id_text = NULL;
  g_autofree char *draft_text = NULL;
  g_autofree char *number = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lead_text = NULL;
  g_autofree char *order_text = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) invoice = NULL;
  gint64 account = add_account (f, "Umbrella Corp");
  gint64 id = add_sent (f, account, "120.00");
  gint64 draft = add_draft (f, account, "5.00");
  gint64 lead_id;
  gint64 order_id;

  g_free (cli_ok (f, "settings", "set", "company-name", "Acme Widgets Ltd", NULL));
  id_text = ID_TEXT (id);
  draft_text = ID_TEXT (draft);
  invoice = show_invoice (f, id);
  number = g_strdup (member_text (invoice, "number"));

  /* a sent invoice: nothing printed, the file holds it */
  out = cli_ok (f, "invoice", "pdf", id_text, "-o", path, NULL);
  g_assert_cmpstr (out, ==, "");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Acme Widgets Ltd"));
  g_assert_nonnull (strstr (text, "Umbrella Corp"));
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, "Work"));
  g_assert_nonnull (strstr (text, "Balance due"));
  g_assert_nonnull (strstr (text, "120.00 EUR"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_null (strstr (text, "DRAFT"));

  /* --json; the long option; a file already there is replaced */
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "--json", "invoice", "pdf", draft_text, "--output", json_path, NULL);
  result = parse_json (out);
  g_assert_cmpstr (member_text (result, "path"), ==, json_path);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "pages"), ==, 1);
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "invoice", "pdf", draft_text, "-o", path, NULL);
  g_clear_pointer (&text, g_free);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "DRAFT"));
  g_assert_null (strstr (text, number));

  /* usage errors: no -o, an empty one, no id */
  assert_usage (f, "invoice", id, "invoice", "pdf", id_text);
  assert_usage (f, "invoice", id, "invoice", "pdf", id_text, "-o", "");
  assert_usage (f, "invoice", id, "invoice", "pdf", "-o", path);
  assert_usage (f, "invoice", id, "invoice", "pdf", id_text, "-x", path);

  /* refused: an unknown invoice, a folder that does not exist */
  assert_refused (f, "invoice", id, NULL, "invoice", "pdf", "999", "-o", unknown);
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));
  assert_refused (f, "invoice", id, missing, "invoice", "pdf", id_text, "-o", missing);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* an order */
  lead_id = ADD_LEAD (f, "Cy", "Cole", "Website");
  lead_text = ID_TEXT (lead_id);
  g_free (cli_ok (f, "settings", "set", "order-type", "Standard", NULL));
  order_id = ADD (f, "lead", "order", lead_text);
  order_text = ID_TEXT (order_id);
  g_assert_cmpint (ADD (f, "order", "line", "add", order_text, "--write-in", "Crate",
                        "--price", "30", "--qty", "2"), >, 0);
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "order", "pdf", order_text, "-o", order_path, NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&text, g_free);
  text = pdf_text (order_path);
  g_assert_nonnull (strstr (text, "Order"));
  g_assert_nonnull (strstr (text, "SO-"));
  g_assert_nonnull (strstr (text, "Crate"));
  g_assert_nonnull (strstr (text, "60.00 EUR"));
  g_assert_null (strstr (text, "Balance due"));
  assert_usage (f, "order", order_id, "order", "pdf", order_text);
  assert_refused (f, "order", order_id, NULL, "order", "pdf", "999", "-o", unknown);
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));
}

/* tests: demo invoices */

/* "1234.50" → 123450: the CLI writes EUR amounts with two decimals. */
static gint64
cents (const char *amount)
{
  g_autofree char *whole = NULL;
  g_autofree char *digits = NULL;
  const char *dot = strchr (amount, '.');

  g_assert_nonnull (dot);
  g_assert_cmpuint (strlen (dot), ==, 3);
  whole = g_strndup (amount, dot - amount);
  digits = g_strconcat (whole, dot + 1, NULL);
  return g_ascii_strtoll (digits, NULL, 10);
}

/* The statuses and totals of every invoice, one line each. */
static char *
invoice_digest (Fixture *f)
{
  g_autofree char *out = cli_ok (f, "--json", "invoice", "list", NULL);
  g_autoptr(JsonNode) list = parse_json (out);
  JsonArray *array = json_node_get_array (list);
  GString *digest = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *inv = json_array_get_element (array, i);

      g_string_append_printf (digest, "%s %s %s %s %s\n", member_text (inv, "number"),
                              member_text (inv, "status"), member_text (inv, "invoice_date"),
                              member_text (inv, "total"), member_text (inv, "balance"));
    }
  return g_string_free (digest, FALSE);
}

static void
test_demo_invoices (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  out = cli_ok (f, "--json", "demo", "--leads", "5", "--invoices", "40", "--seed", "9", NULL);
  result = parse_json (out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "leads"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "invoices"), ==, 40);
  g_clear_pointer (&out, g_free);

  out = cli_ok (f, "--json", "invoice", "list", NULL);
  list = parse_json (out);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 40);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *inv = json_array_get_element (array, i);
      const char *status = member_text (inv, "status");
      gint64 total = cents (member_text (inv, "total"));
      gint64 balance = cents (member_text (inv, "balance"));
      gint64 paid = cents (member_text (inv, "paid"));

      g_hash_table_add (statuses, (gpointer) status);
      g_assert_cmpint (total, >, 0);
      g_assert_cmpint (paid + balance, ==, total);
      if (g_str_equal (status, "paid"))
        g_assert_cmpint (balance, ==, 0);
      if (g_str_equal (status, "draft"))
        {
          JsonNode *number = json_object_get_member (json_node_get_object (inv), "number");
          g_assert_true (number == NULL || json_node_is_null (number));
        }
    }
  /* a realistic spread: drafts, paid and overdue ones at least */
  g_assert_true (g_hash_table_contains (statuses, "draft"));
  g_assert_true (g_hash_table_contains (statuses, "paid"));
  g_assert_true (g_hash_table_contains (statuses, "overdue"));
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "db", "check", NULL);
  g_clear_pointer (&out, g_free);

  /* the same seed gives the same invoices in another database */
  digest = invoice_digest (f);
  g_free (f->db);
  f->db = g_build_filename (f->dir, "second.db", NULL);
  g_free (cli_ok (f, "demo", "--leads", "5", "--invoices", "40", "--seed", "9", NULL));
  again = invoice_digest (f);
  g_assert_cmpstr (again, ==, digest);

  /* a second run adds to the same accounts and catalog */
  g_free (cli_ok (f, "demo", "--leads", "1", "--invoices", "3", "--seed", "10", NULL));
  g_clear_pointer (&out, g_free);
  out = cli_ok (f, "--json", "product", "list", NULL);
  g_clear_pointer (&list, json_node_unref);
  list = parse_json (out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), <=, 6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init (argc, argv);

#define ADD_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD_TEST ("/cli/invoice/vectors", test_vectors);
  ADD_TEST ("/cli/invoice/lead-to-paid", test_lead_to_paid);
  ADD_TEST ("/cli/invoice/refusals", test_refusals);
  ADD_TEST ("/cli/invoice/lines", test_lines);
  ADD_TEST ("/cli/invoice/numbering", test_numbering);
  ADD_TEST ("/cli/invoice/orders", test_orders);
  ADD_TEST ("/cli/invoice/products", test_products);
  ADD_TEST ("/cli/invoice/pricing", test_pricing);
  ADD_TEST ("/cli/invoice/order-pricing", test_order_pricing);
  ADD_TEST ("/cli/invoice/tax-rates", test_tax_rates);
  ADD_TEST ("/cli/invoice/demo", test_demo_invoices);
  ADD_TEST ("/cli/invoice/deal", test_deal_invoice);
  ADD_TEST ("/cli/invoice/pdf", test_pdf);

  return g_test_run ();
}
