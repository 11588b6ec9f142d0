#define G_LOG_DOMAIN "lb-store-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lb-error.h"
#include "lb-store-private.h"

/* Each migration takes the schema from version N to N + 1 and runs in a
 * transaction of its own together with the new user_version. */

static const char migration_1[] =
  "CREATE TABLE setting ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE ref_item ("
  "  id       INTEGER PRIMARY KEY,"
  "  kind     INTEGER NOT NULL,"
  "  name     TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX ref_item_name ON ref_item (kind, name COLLATE NOCASE);";

static const char migration_2[] =
  "CREATE TABLE account ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  industry_id INTEGER REFERENCES ref_item (id),"
  "  website     TEXT,"
  "  tin         TEXT,"
  "  phone       TEXT,"
  "  email       TEXT,"
  "  street      TEXT,"
  "  city        TEXT,"
  "  postal_code TEXT,"
  "  region      TEXT,"
  "  country     TEXT,"
  "  notes       TEXT,"
  "  lead_id     INTEGER REFERENCES lead (id) ON DELETE SET NULL,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  deleted_at  INTEGER"
  ");"
  /* Account names are unique ignoring case, outside the trash. */
  "CREATE UNIQUE INDEX account_name_live ON account (name COLLATE NOCASE)"
  "  WHERE deleted_at IS NULL;"
  "CREATE INDEX account_by_name ON account (deleted_at, name COLLATE NOCASE);"

  "CREATE TABLE contact ("
  "  id          INTEGER PRIMARY KEY,"
  "  first_name  TEXT,"
  "  middle_name TEXT,"
  "  last_name   TEXT,"
  "  email       TEXT,"
  "  phone       TEXT,"
  "  street      TEXT,"
  "  city        TEXT,"
  "  postal_code TEXT,"
  "  region      TEXT,"
  "  country     TEXT,"
  "  notes       TEXT,"
  "  account_id  INTEGER REFERENCES account (id),"
  "  lead_id     INTEGER REFERENCES lead (id) ON DELETE SET NULL,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL,"
  "  deleted_at  INTEGER"
  ");"
  "CREATE INDEX contact_by_name ON contact (deleted_at, last_name COLLATE NOCASE, first_name COLLATE NOCASE);"
  "CREATE INDEX contact_by_account ON contact (account_id);"

  "CREATE TABLE pipeline ("
  "  id       INTEGER PRIMARY KEY,"
  "  name     TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX pipeline_name ON pipeline (name COLLATE NOCASE);"
  "CREATE TABLE stage ("
  "  id          INTEGER PRIMARY KEY,"
  "  pipeline_id INTEGER NOT NULL REFERENCES pipeline (id) ON DELETE CASCADE,"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  position    INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE UNIQUE INDEX stage_name ON stage (pipeline_id, name COLLATE NOCASE);"

  "CREATE TABLE deal ("
  "  id             INTEGER PRIMARY KEY,"
  "  name           TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  account_id     INTEGER REFERENCES account (id),"
  "  contact_id     INTEGER REFERENCES contact (id),"
  "  value          INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),"
  "  currency       TEXT NOT NULL,"
  "  stage_id       INTEGER NOT NULL REFERENCES stage (id),"
  "  status         INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  expected_close TEXT,"
  "  probability    INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),"
  "  notes          TEXT,"
  "  lead_id        INTEGER REFERENCES lead (id) ON DELETE SET NULL,"
  "  created_at     INTEGER NOT NULL,"
  "  updated_at     INTEGER NOT NULL,"
  "  deleted_at     INTEGER"
  ");"
  "CREATE INDEX deal_by_stage ON deal (deleted_at, status, stage_id);"
  "CREATE INDEX deal_by_account ON deal (account_id);"
  "CREATE INDEX deal_by_contact ON deal (contact_id);"

  "CREATE TABLE product ("
  "  id         INTEGER PRIMARY KEY,"
  "  sku        TEXT NOT NULL CHECK (length (trim (sku)) > 0),"
  "  name       TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  unit       TEXT,"
  "  unit_price INTEGER NOT NULL DEFAULT 0 CHECK (unit_price >= 0),"
  "  tax_rate   INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate >= 0),"
  "  active     INTEGER NOT NULL DEFAULT 1,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE UNIQUE INDEX product_sku ON product (sku COLLATE NOCASE);"

  /* Orders and invoices: one table, told apart by kind (LbDocKind). */
  "CREATE TABLE document ("
  "  id               INTEGER PRIMARY KEY,"
  "  kind             INTEGER NOT NULL CHECK (kind IN (0, 1)),"
  "  number           TEXT,"
  "  manual_number    INTEGER NOT NULL DEFAULT 0,"
  "  type_id          INTEGER REFERENCES ref_item (id),"
  "  status           INTEGER NOT NULL DEFAULT 0,"
  "  doc_date         TEXT NOT NULL,"
  "  due_date         TEXT,"
  "  account_id       INTEGER REFERENCES account (id),"
  "  contact_id       INTEGER REFERENCES contact (id),"
  "  currency         TEXT NOT NULL,"
  "  discount_kind    INTEGER NOT NULL DEFAULT 0,"
  "  discount         INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),"
  "  notes            TEXT,"
  "  terms            TEXT,"
  "  delivery_address TEXT,"
  "  lead_id          INTEGER REFERENCES lead (id) ON DELETE SET NULL,"
  "  deal_id          INTEGER REFERENCES deal (id) ON DELETE SET NULL,"
  "  order_id         INTEGER REFERENCES document (id) ON DELETE SET NULL,"
  "  pricing_locked   INTEGER NOT NULL DEFAULT 1,"
  "  issued_at        INTEGER,"
  "  created_at       INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL"
  ");"
  /* Numbers are unique per kind; Drafts without a manual number have none. */
  "CREATE UNIQUE INDEX document_number ON document (kind, number) WHERE number IS NOT NULL;"
  "CREATE INDEX document_by_status ON document (kind, status, due_date);"
  "CREATE INDEX document_by_lead ON document (lead_id);"
  "CREATE INDEX document_by_account ON document (account_id);"

  /* The lines of documents and deals. */
  "CREATE TABLE line ("
  "  id            INTEGER PRIMARY KEY,"
  "  document_id   INTEGER REFERENCES document (id) ON DELETE CASCADE,"
  "  deal_id       INTEGER REFERENCES deal (id) ON DELETE CASCADE,"
  "  position      INTEGER NOT NULL,"
  "  product_id    INTEGER REFERENCES product (id),"
  "  description   TEXT NOT NULL,"
  "  quantity      INTEGER NOT NULL CHECK (quantity >= 0),"
  "  unit_price    INTEGER NOT NULL CHECK (unit_price >= 0),"
  "  discount_kind INTEGER NOT NULL DEFAULT 0,"
  "  discount      INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),"
  "  tax_kind      INTEGER NOT NULL DEFAULT 0,"
  "  tax           INTEGER NOT NULL DEFAULT 0 CHECK (tax >= 0),"
  "  CHECK ((document_id IS NULL) != (deal_id IS NULL))"
  ");"
  "CREATE INDEX line_by_document ON line (document_id, position);"
  "CREATE INDEX line_by_deal ON line (deal_id, position);"

  "CREATE TABLE payment ("
  "  id         INTEGER PRIMARY KEY,"
  "  invoice_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,"
  "  amount     INTEGER NOT NULL CHECK (amount > 0),"
  "  paid_on    TEXT NOT NULL,"
  "  method     INTEGER NOT NULL DEFAULT 0,"
  "  reference  TEXT,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX payment_by_invoice ON payment (invoice_id);"

  /* The last number given per kind of document and year. */
  "CREATE TABLE sequence ("
  "  kind INTEGER NOT NULL,"
  "  year INTEGER NOT NULL,"
  "  last INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, year)"
  ") WITHOUT ROWID;"

  "CREATE TABLE lead ("
  "  id                      INTEGER PRIMARY KEY,"
  "  title                   TEXT NOT NULL,"
  "  first_name              TEXT,"
  "  middle_name             TEXT,"
  "  last_name               TEXT,"
  "  email                   TEXT,"
  "  email_key               TEXT,"   /* lower-case email, for uniqueness */
  "  phone                   TEXT,"
  "  phone_key               TEXT,"   /* the phone's digits, for uniqueness */
  "  source_id               INTEGER NOT NULL REFERENCES ref_item (id),"
  "  category_id             INTEGER NOT NULL REFERENCES ref_item (id),"
  "  status                  INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),"
  "  rating                  INTEGER NOT NULL DEFAULT 1 CHECK (rating BETWEEN 0 AND 2),"
  "  company                 TEXT,"
  "  new_company             INTEGER NOT NULL DEFAULT 0,"
  "  company_name            TEXT,"
  "  company_website         TEXT,"
  "  company_tin             TEXT,"
  "  account_id              INTEGER REFERENCES account (id),"
  "  contact_id              INTEGER REFERENCES contact (id),"
  "  campaign_id             INTEGER REFERENCES ref_item (id),"
  "  selling_direction_id    INTEGER REFERENCES ref_item (id),"
  "  product_interest        TEXT,"
  "  owner                   TEXT,"
  "  street                  TEXT,"
  "  city                    TEXT,"
  "  postal_code             TEXT,"
  "  region                  TEXT,"
  "  country                 TEXT,"
  "  distribution_channel_id INTEGER REFERENCES ref_item (id),"
  "  description             TEXT,"
  "  created_at              INTEGER NOT NULL,"
  "  updated_at              INTEGER NOT NULL,"
  "  deleted_at              INTEGER,"
  "  converted_contact_id    INTEGER REFERENCES contact (id),"
  "  converted_account_id    INTEGER REFERENCES account (id),"
  "  converted_deal_id       INTEGER REFERENCES deal (id),"
  /* The company a list shows and sorts by: the new company's name, else
   * the linked account's name, else the company as typed.  Kept by the
   * store on every write (and by anything that renames an account). */
  "  display_company         TEXT"
  ");"
  /* Email and phone are unique among the leads outside the trash. */
  "CREATE UNIQUE INDEX lead_email_live ON lead (email_key)"
  "  WHERE deleted_at IS NULL AND email_key IS NOT NULL;"
  "CREATE UNIQUE INDEX lead_phone_live ON lead (phone_key)"
  "  WHERE deleted_at IS NULL AND phone_key IS NOT NULL;"
  /* One index per sortable column, led by the trash flag and ending (as
   * every index does) with the row id, so each sort order walks an
   * index.  lead_facets answers combined filters without reading rows. */
  "CREATE INDEX lead_by_created  ON lead (deleted_at, created_at);"
  "CREATE INDEX lead_by_status   ON lead (deleted_at, status, created_at);"
  "CREATE INDEX lead_by_rating   ON lead (deleted_at, rating, created_at);"
  "CREATE INDEX lead_by_source   ON lead (deleted_at, source_id, created_at);"
  "CREATE INDEX lead_by_category ON lead (deleted_at, category_id, created_at);"
  "CREATE INDEX lead_facets      ON lead (deleted_at, status, rating, source_id, category_id, created_at);"
  "CREATE INDEX lead_by_updated  ON lead (deleted_at, updated_at);"
  "CREATE INDEX lead_by_title    ON lead (deleted_at, title COLLATE NOCASE);"
  "CREATE INDEX lead_by_name     ON lead (deleted_at, last_name COLLATE NOCASE, first_name COLLATE NOCASE);"
  "CREATE INDEX lead_by_company  ON lead (deleted_at, display_company COLLATE NOCASE);"
  "CREATE INDEX lead_by_email    ON lead (deleted_at, email_key);"
  "CREATE INDEX lead_by_phone    ON lead (deleted_at, phone_key);"
  "CREATE INDEX lead_by_owner    ON lead (owner COLLATE NOCASE);"
  "CREATE INDEX lead_by_account  ON lead (account_id);"

  "CREATE TABLE lead_tag ("
  "  lead_id INTEGER NOT NULL REFERENCES lead (id) ON DELETE CASCADE,"
  "  tag_id  INTEGER NOT NULL REFERENCES ref_item (id),"
  "  PRIMARY KEY (lead_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX lead_tag_by_tag ON lead_tag (tag_id, lead_id);"

  /* Free-text search: token prefixes over the lead's own columns. */
  "CREATE VIRTUAL TABLE lead_fts USING fts5 ("
  "  title, first_name, middle_name, last_name, email, phone, phone_key,"
  "  company, company_name,"
  "  content = 'lead', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
  ");"
  "CREATE TRIGGER lead_fts_insert AFTER INSERT ON lead BEGIN"
  "  INSERT INTO lead_fts (rowid, title, first_name, middle_name, last_name, email,"
  "                        phone, phone_key, company, company_name)"
  "  VALUES (new.id, new.title, new.first_name, new.middle_name, new.last_name,"
  "          new.email, new.phone, new.phone_key, new.company, new.company_name);"
  "END;"
  "CREATE TRIGGER lead_fts_delete AFTER DELETE ON lead BEGIN"
  "  INSERT INTO lead_fts (lead_fts, rowid, title, first_name, middle_name, last_name,"
  "                        email, phone, phone_key, company, company_name)"
  "  VALUES ('delete', old.id, old.title, old.first_name, old.middle_name, old.last_name,"
  "          old.email, old.phone, old.phone_key, old.company, old.company_name);"
  "END;"
  "CREATE TRIGGER lead_fts_update AFTER UPDATE OF title, first_name, middle_name,"
  "  last_name, email, phone, phone_key, company, company_name ON lead BEGIN"
  "  INSERT INTO lead_fts (lead_fts, rowid, title, first_name, middle_name, last_name,"
  "                        email, phone, phone_key, company, company_name)"
  "  VALUES ('delete', old.id, old.title, old.first_name, old.middle_name, old.last_name,"
  "          old.email, old.phone, old.phone_key, old.company, old.company_name);"
  "  INSERT INTO lead_fts (rowid, title, first_name, middle_name, last_name, email,"
  "                        phone, phone_key, company, company_name)"
  "  VALUES (new.id, new.title, new.first_name, new.middle_name, new.last_name,"
  "          new.email, new.phone, new.phone_key, new.company, new.company_name);"
  "END;";

/* Tax rates join the reference lists: an entry of that list carries its
 * percentage in basis points. */
static const char migration_3[] =
  "ALTER TABLE ref_item ADD COLUMN rate INTEGER CHECK (rate IS NULL OR rate >= 0);"
  /* A new catalog price finds the Drafts with current pricing. */
  "CREATE INDEX line_by_product ON line (product_id);";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LB_STORE_SCHEMA_VERSION);

/* The reference lists a new database starts with (SPEC 3.1, 3.3). */
static const struct {
  LbRefKind   kind;
  const char *name;
} seeds[] = {
  { LB_REF_SOURCE, N_("Website") },
  { LB_REF_SOURCE, N_("Website form") },
  { LB_REF_SOURCE, N_("Email") },
  { LB_REF_SOURCE, N_("Phone call") },
  { LB_REF_SOURCE, N_("Chat") },
  { LB_REF_SOURCE, N_("Social network") },
  { LB_REF_SOURCE, N_("Partner") },
  { LB_REF_SOURCE, N_("Self-generation") },
  { LB_REF_CATEGORY, N_("General") },
  { LB_REF_ORDER_TYPE, N_("Standard") },
  { LB_REF_INVOICE_TYPE, N_("Standard") },
};

/* The pipeline a new database starts with (SPEC 3.4), stages in order. */
static const char * const seed_stages[] = {
  N_("Qualification"), N_("Proposal"), N_("Negotiation"), N_("Closing"),
};

static gboolean
seed_reference_data (LbStore  *self,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  int position[LB_REF_KIND_N_KINDS] = { 0 };

  stmt = lb_store_prepare (self,
                           "INSERT INTO ref_item (kind, name, position) VALUES (?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  /* Seeds are stored in English: they are the user's data from then on. */
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      sqlite3_bind_int (stmt, 1, seeds[i].kind);
      sqlite3_bind_text (stmt, 2, seeds[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, position[seeds[i].kind]++);
      if (!lb_store_step_done (self, stmt, error))
        return FALSE;
    }

  return lb_store_set_setting (self, "default-category", "General", error);
}

/* The tax rates a database starts with (SPEC 3.4): in list order, the
 * first is what the pickers offer first. */
static const struct {
  const char *name;
  gint64      rate;
} seed_tax_rates[] = {
  { N_("Standard"), 2000 },
  { N_("Reduced"), 500 },
  { N_("Zero"), 0 },
};

static gboolean
seed_tax (LbStore  *self,
          GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = lb_store_prepare (self,
                           "INSERT OR IGNORE INTO ref_item (kind, name, position, rate) "
                           "VALUES (?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (seed_tax_rates); i++)
    {
      sqlite3_bind_int (stmt, 1, LB_REF_TAX_RATE);
      sqlite3_bind_text (stmt, 2, seed_tax_rates[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_int64 (stmt, 4, seed_tax_rates[i].rate);
      if (!lb_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_pipeline (LbStore  *self,
               GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 pipeline_id;

  stmt = lb_store_prepare (self, "INSERT INTO pipeline (name, position) VALUES (?, 0)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, N_("Sales"), -1, SQLITE_STATIC);
  if (!lb_store_step_done (self, stmt, error))
    return FALSE;
  pipeline_id = sqlite3_last_insert_rowid (lb_store_get_db (self));

  stmt = lb_store_prepare (self,
                           "INSERT INTO stage (pipeline_id, name, position) VALUES (?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (seed_stages); i++)
    {
      sqlite3_bind_int64 (stmt, 1, pipeline_id);
      sqlite3_bind_text (stmt, 2, seed_stages[i], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i);
      if (!lb_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
lb_store_migrate (LbStore  *self,
                  int       from_version,
                  int       to_version,
                  GError  **error)
{
  g_assert (to_version <= LB_STORE_SCHEMA_VERSION);

  for (int v = from_version; v < to_version; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!lb_store_begin (self, error))
        return FALSE;

      if (!lb_store_exec (self, migrations[v], error) ||
          (v == 0 && !seed_reference_data (self, error)) ||
          (v == 1 && !seed_pipeline (self, error)) ||
          (v == 2 && !seed_tax (self, error)) ||
          !lb_store_exec (self, set_version, error))
        {
          g_prefix_error (error, _("Cannot bring the database “%s” up to date: "),
                          lb_store_get_path (self));
          lb_store_rollback (self);
          return FALSE;
        }

      if (!lb_store_commit (self, error))
        return FALSE;
    }

  return TRUE;
}
