#define G_LOG_DOMAIN "lb-store-leads"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "lb-error.h"
#include "lb-store-private.h"
#include "lb-validate.h"

/* The columns every lead query reads, in the order read_lead() expects. */
#define LEAD_COLUMNS \
  "l.id, l.title, l.first_name, l.middle_name, l.last_name, l.email, l.phone," \
  " s.name, c.name, l.status, l.rating, l.company, l.new_company, l.company_name," \
  " l.company_website, l.company_tin, l.account_id, l.contact_id, cp.name, sd.name," \
  " l.product_interest, l.owner, l.street, l.city, l.postal_code, l.region, l.country," \
  " dc.name, l.description, l.created_at, l.updated_at, l.deleted_at," \
  " l.converted_contact_id, l.converted_account_id, l.converted_deal_id, a.name"

#define LEAD_JOINS \
  " FROM lead l" \
  " JOIN ref_item s ON s.id = l.source_id" \
  " JOIN ref_item c ON c.id = l.category_id" \
  " LEFT JOIN ref_item cp ON cp.id = l.campaign_id" \
  " LEFT JOIN ref_item sd ON sd.id = l.selling_direction_id" \
  " LEFT JOIN ref_item dc ON dc.id = l.distribution_channel_id" \
  " LEFT JOIN account a ON a.id = l.account_id"

/* The displayed company from the bound values (see bind_lead()):
 * ?14 new company, ?15 company name, ?18 account, ?13 company. */
#define DISPLAY_COMPANY_SQL \
  "coalesce (CASE WHEN ?14 THEN ?15 END, (SELECT name FROM account WHERE id = ?18), ?13)"

/* helpers */

static LbLead *
read_lead (sqlite3_stmt *stmt)
{
  LbLead *lead = lb_lead_new ();
  int col = 0;

  lb_lead_set_int (lead, LB_LEAD_ID, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_TITLE, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_FIRST_NAME, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_MIDDLE_NAME, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_LAST_NAME, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_EMAIL, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_PHONE, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_SOURCE, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_CATEGORY, lb_column_text (stmt, col++));
  lb_lead_set_status (lead, sqlite3_column_int (stmt, col++));
  lb_lead_set_rating (lead, sqlite3_column_int (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_COMPANY, lb_column_text (stmt, col++));
  lb_lead_set_new_company (lead, sqlite3_column_int (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_COMPANY_NAME, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_COMPANY_WEBSITE, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_COMPANY_TIN, lb_column_text (stmt, col++));
  lb_lead_set_int (lead, LB_LEAD_ACCOUNT_ID, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_int (lead, LB_LEAD_CONTACT_ID, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_CAMPAIGN, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_SELLING_DIRECTION, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_PRODUCT_INTEREST, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_OWNER, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_STREET, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_CITY, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_POSTAL_CODE, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_REGION, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_COUNTRY, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_DISTRIBUTION_CHANNEL, lb_column_text (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_DESCRIPTION, lb_column_text (stmt, col++));
  lb_lead_set_int (lead, LB_LEAD_CREATED_AT, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_int (lead, LB_LEAD_UPDATED_AT, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_int (lead, LB_LEAD_DELETED_AT, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_int (lead, LB_LEAD_CONVERTED_CONTACT_ID, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_int (lead, LB_LEAD_CONVERTED_ACCOUNT_ID, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_int (lead, LB_LEAD_CONVERTED_DEAL_ID, sqlite3_column_int64 (stmt, col++));
  lb_lead_set_text (lead, LB_LEAD_ACCOUNT_NAME, lb_column_text (stmt, col++));

  return lead;
}

/* Resolves a reference name to its id; unknown names are refused with
 * the list's label, so the user knows where to add them. */
static gboolean
resolve_ref (LbStore     *self,
             LbRefKind    kind,
             const char  *name,
             gint64      *id,
             GError     **error)
{
  g_autoptr(LbRefItem) item = NULL;

  *id = 0;
  if (name == NULL || *name == '\0')
    return TRUE;

  item = lb_store_find_ref (self, kind, name);
  if (item == NULL)
    {
      g_set_error (error, LB_LEAD_ERROR,
                   kind == LB_REF_SOURCE ? LB_LEAD_ERROR_SOURCE :
                   kind == LB_REF_CATEGORY ? LB_LEAD_ERROR_CATEGORY :
                   LB_LEAD_ERROR_REFERENCE,
                   _("“%s” is not in the list of %s. Pick one from the list or add it in "
                     "Preferences."),
                   name, lb_ref_kind_to_label (kind));
      return FALSE;
    }

  *id = lb_ref_item_get_id (item);
  return TRUE;
}

/* Binds every stored column of @lead to ?1…?33 of the insert and update
 * statements, which list them in the same order. */
static gboolean
bind_lead (LbStore       *self,
           sqlite3_stmt  *stmt,
           LbLead        *lead,
           GError       **error)
{
  g_autofree char *email_key = NULL;
  g_autofree char *phone_key = NULL;
  gint64 source_id, category_id, campaign_id, direction_id, channel_id;
  const char *email = lb_lead_get_email (lead);
  const char *phone = lb_lead_get_phone (lead);
  int i = 1;

  if (!resolve_ref (self, LB_REF_SOURCE, lb_lead_get_text (lead, LB_LEAD_SOURCE), &source_id, error) ||
      !resolve_ref (self, LB_REF_CATEGORY, lb_lead_get_text (lead, LB_LEAD_CATEGORY), &category_id, error) ||
      !resolve_ref (self, LB_REF_CAMPAIGN, lb_lead_get_text (lead, LB_LEAD_CAMPAIGN), &campaign_id, error) ||
      !resolve_ref (self, LB_REF_SELLING_DIRECTION, lb_lead_get_text (lead, LB_LEAD_SELLING_DIRECTION), &direction_id, error) ||
      !resolve_ref (self, LB_REF_DISTRIBUTION_CHANNEL, lb_lead_get_text (lead, LB_LEAD_DISTRIBUTION_CHANNEL), &channel_id, error))
    return FALSE;

  if (email != NULL)
    email_key = g_utf8_casefold (email, -1);
  if (phone != NULL)
    {
      phone_key = lb_phone_digits (phone);
      if (*phone_key == '\0')
        g_clear_pointer (&phone_key, g_free);
    }

  lb_bind_text (stmt, i++, lb_lead_get_title (lead));
  lb_bind_text (stmt, i++, lb_lead_get_first_name (lead));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_MIDDLE_NAME));
  lb_bind_text (stmt, i++, lb_lead_get_last_name (lead));
  lb_bind_text (stmt, i++, email);
  lb_bind_text (stmt, i++, email_key);
  lb_bind_text (stmt, i++, phone);
  lb_bind_text (stmt, i++, phone_key);
  lb_bind_id (stmt, i++, source_id);
  lb_bind_id (stmt, i++, category_id);
  sqlite3_bind_int (stmt, i++, lb_lead_get_status (lead));
  sqlite3_bind_int (stmt, i++, lb_lead_get_rating (lead));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_COMPANY));
  sqlite3_bind_int (stmt, i++, lb_lead_get_new_company (lead));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_COMPANY_NAME));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_COMPANY_WEBSITE));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_COMPANY_TIN));
  lb_bind_id (stmt, i++, lb_lead_get_int (lead, LB_LEAD_ACCOUNT_ID));
  lb_bind_id (stmt, i++, lb_lead_get_int (lead, LB_LEAD_CONTACT_ID));
  lb_bind_id (stmt, i++, campaign_id);
  lb_bind_id (stmt, i++, direction_id);
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_PRODUCT_INTEREST));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_OWNER));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_STREET));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_CITY));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_POSTAL_CODE));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_REGION));
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_COUNTRY));
  lb_bind_id (stmt, i++, channel_id);
  lb_bind_text (stmt, i++, lb_lead_get_text (lead, LB_LEAD_DESCRIPTION));
  sqlite3_bind_int64 (stmt, i++, lb_lead_get_int (lead, LB_LEAD_CREATED_AT));
  sqlite3_bind_int64 (stmt, i++, lb_lead_get_int (lead, LB_LEAD_UPDATED_AT));
  lb_bind_id (stmt, i++, lb_lead_get_int (lead, LB_LEAD_DELETED_AT));
  lb_bind_id (stmt, i++, lb_lead_get_int (lead, LB_LEAD_CONVERTED_CONTACT_ID));
  lb_bind_id (stmt, i++, lb_lead_get_int (lead, LB_LEAD_CONVERTED_ACCOUNT_ID));
  lb_bind_id (stmt, i++, lb_lead_get_int (lead, LB_LEAD_CONVERTED_DEAL_ID));

  return TRUE;
}

/* Replaces the lead's tags; unknown tag names join the tag list, as
 * tagging is free-form. */
static gboolean
write_tags (LbStore  *self,
            LbLead   *lead,
            GError  **error)
{
  const char * const *tags = lb_lead_get_tags (lead);
  gint64 lead_id = lb_lead_get_id (lead);
  sqlite3_stmt *stmt;

  stmt = lb_store_prepare (self, "DELETE FROM lead_tag WHERE lead_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lead_id);
  if (!lb_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autoptr(LbRefItem) item = lb_store_find_ref (self, LB_REF_TAG, tags[i]);
      gint64 tag_id;

      if (item != NULL)
        tag_id = lb_ref_item_get_id (item);
      else if (!(tag_id = lb_store_add_ref (self, LB_REF_TAG, tags[i], error)))
        return FALSE;

      stmt = lb_store_prepare (self,
                               "INSERT OR IGNORE INTO lead_tag (lead_id, tag_id) VALUES (?, ?)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, lead_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      if (!lb_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
set_unique_error (LbStore  *self,
                  LbLead   *lead,
                  GError  **error)
{
  const char *msg = sqlite3_errmsg (lb_store_get_db (self));

  if (strstr (msg, "email_key") != NULL)
    g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_EMAIL,
                 _("Another lead already has the email address “%s”."),
                 lb_lead_get_email (lead));
  else if (strstr (msg, "phone_key") != NULL)
    g_set_error (error, LB_LEAD_ERROR, LB_LEAD_ERROR_PHONE,
                 _("Another lead already has the phone number “%s”."),
                 lb_lead_get_phone (lead));
  else
    lb_store_set_error (self, error);
}

static gboolean
step_lead_write (LbStore       *self,
                 sqlite3_stmt  *stmt,
                 LbLead        *lead,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT)
        set_unique_error (self, lead, error);
      else
        lb_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static GPtrArray *
collect_leads (LbStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (leads, read_lead (stmt));
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&leads);
}

/* Fills in the tags of @leads, which are sorted by nothing in
 * particular; @ids_json lists their ids. */
static gboolean
read_tags (LbStore     *self,
           GPtrArray   *leads,
           const char  *ids_json,
           GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                      (GDestroyNotify)g_ptr_array_unref);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  stmt = lb_store_prepare (self,
                           "SELECT lt.lead_id, r.name FROM lead_tag lt"
                           " JOIN ref_item r ON r.id = lt.tag_id"
                           " WHERE lt.lead_id IN (SELECT value FROM json_each (?))"
                           " ORDER BY lt.lead_id, r.position, r.name COLLATE NOCASE",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < leads->len; i++)
    {
      LbLead *lead = g_ptr_array_index (leads, i);
      gint64 *id = g_new (gint64, 1);

      *id = lb_lead_get_id (lead);
      g_hash_table_insert (by_id, id, lead);
    }

  sqlite3_bind_text (stmt, 1, ids_json, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 lead_id = sqlite3_column_int64 (stmt, 0);
      LbLead *lead = g_hash_table_lookup (by_id, &lead_id);
      GPtrArray *names;

      if (lead == NULL)
        continue;
      names = g_hash_table_lookup (tags, lead);
      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (tags, lead, names);
        }
      g_ptr_array_add (names, g_strdup (lb_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *names = value;

      g_ptr_array_add (names, NULL);
      lb_lead_set_tags (key, (const char * const *)names->pdata);
    }

  return TRUE;
}

static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" PRId64, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* Turns free text into an FTS5 query: each word becomes a quoted token
 * prefix ("smi"*), all of them required.  Quoting keeps FTS syntax in
 * the user's text from meaning anything.  Returns NULL for no words. */
static char *
search_to_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p = text;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (match->len > 0)
            g_string_append_c (match, ' ');
          g_string_append_printf (match, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

/* The ORDER BY of each LbLeadSort: a fixed table of column expressions,
 * picked by the enum and never built from user data.  Every %1$s is the
 * direction.  Each order is the column order of one index, ending with
 * the row id, so SQLite walks that index instead of sorting, and ties go
 * by creation.  Source and category sort by the name of the entry: the
 * query then walks the reference list in name order and, for each
 * entry, its leads through their index (see prepare_filtered()). */
static const char * const sort_sql[] = {
  [LB_LEAD_SORT_CREATED]  = "l.created_at %1$s, l.id %1$s",
  [LB_LEAD_SORT_TITLE]    = "l.title COLLATE NOCASE %1$s, l.id %1$s",
  [LB_LEAD_SORT_NAME]     = "l.last_name COLLATE NOCASE %1$s, l.first_name COLLATE NOCASE %1$s, l.id %1$s",
  [LB_LEAD_SORT_COMPANY]  = "l.display_company COLLATE NOCASE %1$s, l.id %1$s",
  [LB_LEAD_SORT_EMAIL]    = "l.email_key %1$s, l.id %1$s",
  [LB_LEAD_SORT_PHONE]    = "l.phone_key %1$s, l.id %1$s",
  [LB_LEAD_SORT_SOURCE]   = "r.name COLLATE NOCASE %1$s, l.created_at %1$s, l.id %1$s",
  [LB_LEAD_SORT_CATEGORY] = "r.name COLLATE NOCASE %1$s, l.created_at %1$s, l.id %1$s",
  [LB_LEAD_SORT_STATUS]   = "l.status %1$s, l.created_at %1$s, l.id %1$s",
  [LB_LEAD_SORT_RATING]   = "l.rating %1$s, l.created_at %1$s, l.id %1$s",
  [LB_LEAD_SORT_UPDATED]  = "l.updated_at %1$s, l.id %1$s",
  [LB_LEAD_SORT_DELETED]  = "l.deleted_at %1$s, l.id %1$s",
};

static guint
count_facets (const LbLeadFilter *filter)
{
  return (filter->status >= 0) + (filter->rating >= 0) + (filter->source != NULL) +
         (filter->category != NULL) + (filter->owner != NULL);
}

/* A text search, a tag or an owner picks out a set of leads through its
 * own index, best walked directly. */
static gboolean
is_narrow (const LbLeadFilter *filter)
{
  g_autofree char *match = filter->search ? search_to_match (filter->search) : NULL;

  return match != NULL || filter->owner != NULL ||
         (filter->tags != NULL && filter->tags[0] != NULL);
}

static void
build_where (LbStore            *self,
             const LbLeadFilter *filter,
             GString            *sql,
             GPtrArray          *binds)
{
  /* For a narrow filter the unary + keeps SQLite from walking a whole
   * index of the trash flag instead. */
  if (is_narrow (filter))
    g_string_append (sql, filter->trash ? " WHERE +l.deleted_at IS NOT NULL"
                                        : " WHERE +l.deleted_at IS NULL");
  else
    g_string_append (sql, filter->trash ? " WHERE l.deleted_at IS NOT NULL"
                                        : " WHERE l.deleted_at IS NULL");

#define BIND_TEXT(text) g_ptr_array_add (binds, g_strdup (text))
#define BIND_INT(n) g_ptr_array_add (binds, g_strdup_printf ("%" PRId64, (gint64)(n)))

  if (filter->status >= 0)
    {
      g_string_append (sql, " AND l.status = CAST (? AS INTEGER)");
      BIND_INT (filter->status);
    }
  if (filter->rating >= 0)
    {
      g_string_append (sql, " AND l.rating = CAST (? AS INTEGER)");
      BIND_INT (filter->rating);
    }
  if (filter->source != NULL)
    {
      g_string_append (sql, " AND l.source_id = (SELECT id FROM ref_item"
                            " WHERE kind = CAST (? AS INTEGER) AND name = ? COLLATE NOCASE)");
      BIND_INT (LB_REF_SOURCE);
      BIND_TEXT (filter->source);
    }
  if (filter->category != NULL)
    {
      g_string_append (sql, " AND l.category_id = (SELECT id FROM ref_item"
                            " WHERE kind = CAST (? AS INTEGER) AND name = ? COLLATE NOCASE)");
      BIND_INT (LB_REF_CATEGORY);
      BIND_TEXT (filter->category);
    }
  if (filter->owner != NULL)
    {
      g_string_append (sql, " AND l.owner = ? COLLATE NOCASE");
      BIND_TEXT (filter->owner);
    }
  if (filter->since != 0)
    {
      g_string_append (sql, " AND l.created_at >= CAST (? AS INTEGER)");
      BIND_INT (filter->since);
    }
  if (filter->until != 0)
    {
      g_string_append (sql, " AND l.created_at < CAST (? AS INTEGER)");
      BIND_INT (filter->until);
    }
  if (filter->tags != NULL && filter->tags[0] != NULL)
    {
      g_string_append (sql, " AND l.id IN (SELECT lt.lead_id FROM lead_tag lt"
                            " JOIN ref_item r ON r.id = lt.tag_id WHERE r.kind = CAST (? AS INTEGER)"
                            " AND r.name COLLATE NOCASE IN (?");
      BIND_INT (LB_REF_TAG);
      BIND_TEXT (filter->tags[0]);
      for (guint i = 1; filter->tags[i] != NULL; i++)
        {
          g_string_append (sql, ", ?");
          BIND_TEXT (filter->tags[i]);
        }
      g_string_append (sql, "))");
    }
  if (filter->search != NULL)
    {
      g_autofree char *match = search_to_match (filter->search);

      if (match != NULL)
        {
          g_string_append (sql, " AND l.id IN (SELECT rowid FROM lead_fts WHERE lead_fts MATCH ?)");
          BIND_TEXT (match);
        }
    }

#undef BIND_TEXT
#undef BIND_INT
}

/* Appends to @sql, a "SELECT …" over lead l, the FROM, the filter's
 * WHERE and, when @ordered, its ORDER BY; the values to bind go to
 * @binds. */
static void
build_filtered (LbStore             *self,
                GString             *sql,
                GPtrArray           *binds,
                const LbLeadFilter  *filter,
                gboolean             ordered)
{
  LbLeadSort sort = filter->sort < G_N_ELEMENTS (sort_sql) ? filter->sort : LB_LEAD_SORT_CREATED;
  const char *dir = filter->descending ? "DESC" : "ASC";

  /* Sorting by source or category name: walk that reference list in
   * name order and, for each entry, its leads through their index. */
  if (ordered && sort == LB_LEAD_SORT_SOURCE)
    {
      g_string_append (sql, " FROM ref_item r CROSS JOIN lead l"
                            " ON l.source_id = r.id AND r.kind = CAST (? AS INTEGER)");
      g_ptr_array_add (binds, g_strdup_printf ("%d", LB_REF_SOURCE));
    }
  else if (ordered && sort == LB_LEAD_SORT_CATEGORY)
    {
      g_string_append (sql, " FROM ref_item r CROSS JOIN lead l"
                            " ON l.category_id = r.id AND r.kind = CAST (? AS INTEGER)");
      g_ptr_array_add (binds, g_strdup_printf ("%d", LB_REF_CATEGORY));
    }
  else
    g_string_append (sql, " FROM lead l");

  build_where (self, filter, sql, binds);
  if (ordered)
    {
      g_autofree char *order = g_strdup_printf (sort_sql[sort], dir);

      g_string_append (sql, " ORDER BY ");
      if (count_facets (filter) < 2)
        g_string_append (sql, order);
      else
        {
          /* Two or more facets: lead_facets finds the few matching rows
           * and sorting them is quicker than walking the sort order's
           * index past every row that fails.  A unary + on each term
           * keeps SQLite from choosing the walk. */
          g_auto(GStrv) terms = g_strsplit (order, ", ", -1);

          for (guint i = 0; terms[i] != NULL; i++)
            g_string_append_printf (sql, "%s+%s", i ? ", " : "", terms[i]);
        }
    }
}

/* @select is "SELECT …" over lead l; the statement gets the FROM, the
 * filter's WHERE and, when @ordered, its ORDER BY. */
static sqlite3_stmt *
prepare_filtered (LbStore             *self,
                  const char          *select,
                  const LbLeadFilter  *filter,
                  gboolean             ordered,
                  guint                limit,
                  GError             **error)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  build_filtered (self, sql, binds, filter, ordered);
  if (limit > 0)
    g_string_append (sql, " LIMIT CAST (? AS INTEGER)");

  stmt = lb_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (binds, i), -1, SQLITE_TRANSIENT);
  if (limit > 0)
    sqlite3_bind_int64 (stmt, binds->len + 1, limit);

  return stmt;
}

/* public API */

/* Writes a new lead; sets its id.  No rules are checked here. */
gboolean
lb_store_insert_lead (LbStore  *self,
                      LbLead   *lead,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (LB_IS_LEAD (lead), FALSE);

  stmt = lb_store_prepare (self,
                           "INSERT INTO lead (title, first_name, middle_name, last_name, email,"
                           " email_key, phone, phone_key, source_id, category_id, status, rating,"
                           " company, new_company, company_name, company_website, company_tin,"
                           " account_id, contact_id, campaign_id, selling_direction_id,"
                           " product_interest, owner, street, city, postal_code, region, country,"
                           " distribution_channel_id, description, created_at, updated_at,"
                           " deleted_at, converted_contact_id, converted_account_id,"
                           " converted_deal_id, display_company)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                           " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28,"
                           " ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, " DISPLAY_COMPANY_SQL ")",
                           error);
  if (stmt == NULL || !bind_lead (self, stmt, lead, error))
    return FALSE;
  if (!step_lead_write (self, stmt, lead, error))
    return FALSE;

  lb_lead_set_int (lead, LB_LEAD_ID, sqlite3_last_insert_rowid (lb_store_get_db (self)));

  return write_tags (self, lead, error);
}

gboolean
lb_store_update_lead (LbStore  *self,
                      LbLead   *lead,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);
  g_return_val_if_fail (LB_IS_LEAD (lead), FALSE);

  stmt = lb_store_prepare (self,
                           "UPDATE lead SET title = ?1, first_name = ?2, middle_name = ?3,"
                           " last_name = ?4, email = ?5, email_key = ?6, phone = ?7, phone_key = ?8,"
                           " source_id = ?9, category_id = ?10, status = ?11, rating = ?12,"
                           " company = ?13, new_company = ?14, company_name = ?15,"
                           " company_website = ?16, company_tin = ?17, account_id = ?18,"
                           " contact_id = ?19, campaign_id = ?20, selling_direction_id = ?21,"
                           " product_interest = ?22, owner = ?23, street = ?24, city = ?25,"
                           " postal_code = ?26, region = ?27, country = ?28,"
                           " distribution_channel_id = ?29, description = ?30, created_at = ?31,"
                           " updated_at = ?32, deleted_at = ?33, converted_contact_id = ?34,"
                           " converted_account_id = ?35, converted_deal_id = ?36,"
                           " display_company = " DISPLAY_COMPANY_SQL
                           " WHERE id = ?37",
                           error);
  if (stmt == NULL || !bind_lead (self, stmt, lead, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 37, lb_lead_get_id (lead));
  if (!step_lead_write (self, stmt, lead, error))
    return FALSE;

  if (sqlite3_changes (lb_store_get_db (self)) == 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                   _("There is no lead %" PRId64 "."), lb_lead_get_id (lead));
      return FALSE;
    }

  return write_tags (self, lead, error);
}

/**
 * lb_store_get_lead:
 *
 * Returns: (transfer full): the lead, in the trash or not, or %NULL
 *   with an LB_STORE_ERROR_NOT_FOUND error
 */
LbLead *
lb_store_get_lead (LbStore  *self,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(GPtrArray) leads = NULL;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  leads = lb_store_get_leads (self, &id, 1, error);
  if (leads == NULL)
    return NULL;
  if (leads->len == 0)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_FOUND,
                   _("There is no lead %" PRId64 "."), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (leads, 0));
}

/**
 * lb_store_get_leads:
 *
 * Reads the leads with the given ids in one query.  Ids with no lead
 * are left out; the others come in the order of @ids.
 *
 * Returns: (transfer full) (element-type LbLead): the leads
 */
GPtrArray *
lb_store_get_leads (LbStore       *self,
                    const gint64  *ids,
                    guint          n_ids,
                    GError       **error)
{
  g_autofree char *ids_json = NULL;
  g_autoptr(GPtrArray) unordered = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *leads;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  ids_json = ids_to_json (ids, n_ids);
  stmt = lb_store_prepare (self,
                           "SELECT " LEAD_COLUMNS LEAD_JOINS
                           " WHERE l.id IN (SELECT value FROM json_each (?))",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ids_json, -1, SQLITE_TRANSIENT);

  unordered = collect_leads (self, stmt, error);
  if (unordered == NULL || !read_tags (self, unordered, ids_json, error))
    return NULL;

  /* Put them in the order asked for. */
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < unordered->len; i++)
    {
      LbLead *lead = g_ptr_array_index (unordered, i);
      gint64 *key = g_new (gint64, 1);

      *key = lb_lead_get_id (lead);
      g_hash_table_insert (by_id, key, lead);
    }

  leads = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      LbLead *lead = g_hash_table_lookup (by_id, &ids[i]);

      if (lead != NULL)
        g_ptr_array_add (leads, g_object_ref (lead));
    }

  return leads;
}

gboolean
lb_store_set_lead_deleted_at (LbStore  *self,
                              gint64    id,
                              gint64    deleted_at,
                              GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self, "UPDATE lead SET deleted_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  lb_bind_id (stmt, 1, deleted_at);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
lb_store_purge_lead (LbStore  *self,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), FALSE);

  stmt = lb_store_prepare (self, "DELETE FROM lead WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return lb_store_step_done (self, stmt, error);
}

/* The id of a live lead (not in the trash, not @except_id) with this
 * email, ignoring case; 0 for none. */
gint64
lb_store_find_lead_by_email (LbStore    *self,
                             const char *email,
                             gint64      except_id)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  if (email == NULL || *email == '\0')
    return 0;
  key = g_utf8_casefold (email, -1);

  stmt = lb_store_prepare (self,
                           "SELECT id FROM lead WHERE email_key = ? AND deleted_at IS NULL"
                           " AND id != ? LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/* Like lb_store_find_lead_by_email(), comparing the phones' digits. */
gint64
lb_store_find_lead_by_phone (LbStore    *self,
                             const char *phone,
                             gint64      except_id)
{
  g_autofree char *key = lb_phone_digits (phone);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (LB_IS_STORE (self), 0);

  if (*key == '\0')
    return 0;

  stmt = lb_store_prepare (self,
                           "SELECT id FROM lead WHERE phone_key = ? AND deleted_at IS NULL"
                           " AND id != ? LIMIT 1",
                           NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/* Every id a prepared id query returns, in its order. */
static GArray *
collect_ids (LbStore       *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&ids);
}

/**
 * lb_store_query_lead_ids:
 * @limit: the most ids to return, 0 for all
 *
 * Returns: (transfer full) (element-type gint64): the ids of the leads
 *   that match @filter, in its order
 */
GArray *
lb_store_query_lead_ids (LbStore             *self,
                         const LbLeadFilter  *filter,
                         guint                limit,
                         GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  stmt = prepare_filtered (self, "SELECT l.id", filter, TRUE, limit, error);
  if (stmt == NULL)
    return NULL;

  return collect_ids (self, stmt, error);
}

/* How many leads, in the filter's sort order, lb_store_query_first_lead_ids()
 * looks at when a text search, tag or owner picks the leads, and how
 * much processor time (in microseconds) it may take: time the thread
 * worked, so that a busy machine that keeps it waiting does not make
 * it give up. */
#define FIRST_IDS_WINDOW     20000
#define FIRST_IDS_TIME_LIMIT (30 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  gint64   time;
  gboolean passed;
} FirstIdsDeadline;


/* The ids of lb_store_query_first_lead_ids(), without its time limit. */
static GArray *
query_first_ids (LbStore             *self,
                 const LbLeadFilter  *filter,
                 guint                limit,
                 gboolean            *complete,
                 GError             **error)
{
  g_autoptr(LbLeadFilter) broad = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) binds = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *order = NULL;
  g_autofree char *match = NULL;
  g_auto(GStrv) terms = NULL;
  LbLeadSort sort;
  sqlite3_stmt *stmt;
  gint64 n_window = 0;

  if (!is_narrow (filter))
    {
      /* The sort order's index finds them, or the few matches are sorted. */
      ids = lb_store_query_lead_ids (self, filter, limit, error);
      *complete = ids != NULL && ids->len < limit;
      return g_steal_pointer (&ids);
    }
  if (count_facets (filter) >= 2)
    {
      /* Few leads match both: reading them all is the quick way (see
       * build_filtered()), and the caller does that next. */
      return g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  /* The window: the first leads in the sort order that the conditions
   * other than the narrow ones let through, walked through the sort
   * order's index, each with its sort keys.  Then the matches among
   * them, sorted again by those keys (SQL keeps no order through a
   * subquery). */
  broad = lb_lead_filter_copy (filter);
  g_clear_pointer (&broad->search, g_free);
  g_clear_pointer (&broad->tags, g_strfreev);
  g_clear_pointer (&broad->owner, g_free);

  sort = filter->sort < G_N_ELEMENTS (sort_sql) ? filter->sort : LB_LEAD_SORT_CREATED;
  order = g_strdup_printf (sort_sql[sort], "");
  terms = g_strsplit (order, ", ", -1);

  sql = g_string_new ("SELECT id FROM (SELECT l.id AS id");
  binds = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; terms[i] != NULL; i++)
    g_string_append_printf (sql, ", %s AS k%u", g_strstrip (terms[i]), i);
  build_filtered (self, sql, binds, broad, TRUE);
  g_string_append (sql, " LIMIT CAST (? AS INTEGER)) WHERE 1");
  g_ptr_array_add (binds, g_strdup_printf ("%d", FIRST_IDS_WINDOW));

  if (filter->owner != NULL)
    {
      g_string_append (sql, " AND id IN (SELECT id FROM lead WHERE owner = ? COLLATE NOCASE)");
      g_ptr_array_add (binds, g_strdup (filter->owner));
    }
  if (filter->tags != NULL && filter->tags[0] != NULL)
    {
      g_string_append (sql, " AND id IN (SELECT lt.lead_id FROM lead_tag lt"
                            " JOIN ref_item r ON r.id = lt.tag_id WHERE r.kind = CAST (? AS INTEGER)"
                            " AND r.name COLLATE NOCASE IN (?");
      g_ptr_array_add (binds, g_strdup_printf ("%d", LB_REF_TAG));
      g_ptr_array_add (binds, g_strdup (filter->tags[0]));
      for (guint i = 1; filter->tags[i] != NULL; i++)
        {
          g_string_append (sql, ", ?");
          g_ptr_array_add (binds, g_strdup (filter->tags[i]));
        }
      g_string_append (sql, "))");
    }
  match = filter->search != NULL ? search_to_match (filter->search) : NULL;
  if (match != NULL)
    {
      g_string_append (sql, " AND id IN (SELECT rowid FROM lead_fts WHERE lead_fts MATCH ?)");
      g_ptr_array_add (binds, g_strdup (match));
    }

  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; terms[i] != NULL; i++)
    g_string_append_printf (sql, "%sk%u %s", i ? ", " : "", i, filter->descending ? "DESC" : "ASC");
  g_string_append (sql, " LIMIT CAST (? AS INTEGER)");
  g_ptr_array_add (binds, g_strdup_printf ("%u", limit));

  stmt = lb_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (binds, i), -1, SQLITE_TRANSIENT);
  ids = collect_ids (self, stmt, error);
  if (ids == NULL)
    return NULL;

  if (ids->len >= limit)
    {
      *complete = FALSE;
      return g_steal_pointer (&ids);
    }

  /* Fewer: every match when the window held every lead it could. */
  g_string_assign (sql, "SELECT count(*) FROM (SELECT 1");
  g_ptr_array_set_size (binds, 0);
  build_filtered (self, sql, binds, broad, FALSE);
  g_string_append (sql, " LIMIT CAST (? AS INTEGER))");
  g_ptr_array_add (binds, g_strdup_printf ("%d", FIRST_IDS_WINDOW + 1));

  stmt = lb_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < binds->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (binds, i), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lb_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  n_window = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  *complete = n_window <= FIRST_IDS_WINDOW;
  return g_steal_pointer (&ids);
}

/* The processor time this thread has used, in microseconds. */
static gint64
thread_time (void)
{
#ifdef CLOCK_THREAD_CPUTIME_ID
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) == 0)
    return (gint64)now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
#endif
  return g_get_monotonic_time ();
}

static int
check_deadline (void *user_data)
{
  FirstIdsDeadline *deadline = user_data;

  if (thread_time () >= deadline->time)
    deadline->passed = TRUE;

  return deadline->passed;
}

/**
 * lb_store_query_first_lead_ids:
 * @limit: the most ids to return, more than 0
 * @complete: (out): set to %TRUE when the ids are every match
 *
 * The first ids of what lb_store_query_lead_ids() returns for @filter,
 * found without reading every match: what a list shows while the rest
 * is read.
 *
 * A text search, a tag or an owner picks its leads through its own
 * index, and reading all of them to sort them is what takes time; so
 * then only the first FIRST_IDS_WINDOW leads that the other conditions
 * let through, in the sort order, are looked at, and fewer than @limit
 * ids may come back although more match.  A query that takes longer
 * than FIRST_IDS_TIME_LIMIT anyway is given up, and no ids come back.
 * Whatever comes back is the start of the whole answer.
 *
 * Returns: (transfer full) (element-type gint64): the first ids, in the
 *   filter's order
 */
GArray *
lb_store_query_first_lead_ids (LbStore             *self,
                               const LbLeadFilter  *filter,
                               guint                limit,
                               gboolean            *complete,
                               GError             **error)
{
  FirstIdsDeadline deadline = { thread_time () + FIRST_IDS_TIME_LIMIT, FALSE };
  sqlite3 *db;
  g_autoptr(GError) local_error = NULL;
  GArray *ids;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (limit > 0, NULL);
  g_return_val_if_fail (complete != NULL, NULL);

  *complete = FALSE;
  db = lb_store_get_db (self);
  sqlite3_progress_handler (db, 1000, check_deadline, &deadline);
  ids = query_first_ids (self, filter, limit, complete, &local_error);
  sqlite3_progress_handler (db, 0, NULL, NULL);

  if (ids == NULL && deadline.passed)
    {
      *complete = FALSE;
      return g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  if (ids == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ids;
}

/* The number of leads matching @filter, or -1 on error. */
gint64
lb_store_count_leads (LbStore             *self,
                      const LbLeadFilter  *filter,
                      GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (LB_IS_STORE (self), -1);
  g_return_val_if_fail (filter != NULL, -1);

  stmt = prepare_filtered (self, "SELECT count(*)", filter, FALSE, 0, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    lb_store_set_error (self, error);
  sqlite3_reset (stmt);

  return count;
}

/**
 * lb_store_hot_leads:
 * @limit: the most leads to return, 0 for all
 *
 * Returns: (transfer full) (element-type LbLead): the leads rated hot
 *   that are neither converted nor lost, newest first (SPEC 3.1)
 */
GPtrArray *
lb_store_hot_leads (LbStore  *self,
                    guint     limit,
                    GError  **error)
{
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);

  stmt = lb_store_prepare (self,
                           "SELECT id FROM lead WHERE deleted_at IS NULL AND rating = ?"
                           " AND status NOT IN (?, ?) ORDER BY created_at DESC, id DESC"
                           " LIMIT ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, LB_RATING_HOT);
  sqlite3_bind_int (stmt, 2, LB_LEAD_STATUS_CONVERTED);
  sqlite3_bind_int (stmt, 3, LB_LEAD_STATUS_LOST);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (gint64)limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (picked, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (self, error);
      return NULL;
    }

  return lb_store_get_leads (self, (const gint64 *)picked->data, picked->len, error);
}

static gboolean
row_exists (LbStore    *self,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = lb_store_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

gboolean
lb_store_account_exists (LbStore *self,
                         gint64   id)
{
  return row_exists (self, "SELECT 1 FROM account WHERE id = ? AND deleted_at IS NULL", id);
}

gboolean
lb_store_contact_exists (LbStore *self,
                         gint64   id)
{
  return row_exists (self, "SELECT 1 FROM contact WHERE id = ? AND deleted_at IS NULL", id);
}

/* bulk loading (CSV import) */

struct _LbLeadBulk
{
  LbStore   *store;
  char      *trigger_sql;   /* lead_fts_insert, as the schema made it */
  char      *sync_sql;      /* copies the new leads into lead_fts */
  gint64     synced_id;     /* leads up to this id are in lead_fts */
  gint64     n_before;      /* leads in the table when the bulk began */
  GPtrArray *index_sql;     /* char *: the deferred indexes, as the schema made them */
};

static gint64
query_int64 (LbStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = lb_store_prepare (self, sql, error);
  gint64 value = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else
    lb_store_set_error (self, error);
  sqlite3_reset (stmt);

  return value;
}

/* The statement that copies the leads after ?1 into the search index:
 * the columns of lead_fts are columns of lead of the same names (an
 * external-content FTS5 table reads them by name), so the list comes
 * from the schema itself. */
static char *
build_fts_sync_sql (LbStore  *self,
                    GError  **error)
{
  g_autoptr(GString) columns = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = lb_store_prepare (self, "SELECT name FROM pragma_table_info ('lead_fts') ORDER BY cid",
                           error);
  if (stmt == NULL)
    return NULL;
  /* Names from the schema, never from user data; quoted all the same. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (columns, ", \"%s\"", lb_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE || columns->len == 0)
    {
      lb_store_set_error (self, error);
      return NULL;
    }

  return g_strdup_printf ("INSERT INTO lead_fts (rowid%s) SELECT id%s FROM lead WHERE id > ?"
                          " ORDER BY id",
                          columns->str, columns->str);
}

/**
 * lb_store_lead_bulk_begin:
 *
 * Starts adding many leads inside the current transaction.  Writing
 * the search index (FTS5) row by row is slow, as every statement that
 * writes it makes FTS5 write its pending terms to disk; so until
 * lb_store_lead_bulk_end() the insert trigger is off and new leads
 * reach the index in batches, by lb_store_lead_bulk_sync().  Leads may
 * be updated in between, after a sync: the update trigger then finds
 * them in the index.  The database ends exactly as if the leads had
 * been added one by one.  After an error, roll the transaction back
 * (which brings the trigger and the indexes back) and free the bulk
 * with lb_store_lead_bulk_free().
 *
 * Returns: (transfer full) (nullable): the bulk, or %NULL with @error
 */
LbLeadBulk *
lb_store_lead_bulk_begin (LbStore  *self,
                          GError  **error)
{
  g_autoptr(LbLeadBulk) bulk = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LB_IS_STORE (self), NULL);
  g_return_val_if_fail (!sqlite3_get_autocommit (lb_store_get_db (self)), NULL);

  bulk = g_new0 (LbLeadBulk, 1);
  bulk->store = g_object_ref (self);
  bulk->index_sql = g_ptr_array_new_with_free_func (g_free);

  stmt = lb_store_prepare (self,
                           "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                           " AND name = 'lead_fts_insert'",
                           error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    bulk->trigger_sql = g_strdup (lb_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (bulk->trigger_sql == NULL)
    {
      g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_NOT_DATABASE,
                   _("The database “%s” lacks the search index trigger; restore a backup."),
                   lb_store_get_path (self));
      return NULL;
    }

  bulk->synced_id = query_int64 (self, "SELECT coalesce (max (id), 0) FROM lead", error);
  bulk->n_before = query_int64 (self, "SELECT count (*) FROM lead", error);
  if (bulk->synced_id < 0 || bulk->n_before < 0)
    return NULL;

  bulk->sync_sql = build_fts_sync_sql (self, error);
  if (bulk->sync_sql == NULL ||
      !lb_store_exec (self, "DROP TRIGGER lead_fts_insert", error))
    return NULL;

  return g_steal_pointer (&bulk);
}

/* How many leads (in the trash or not) the table held at the start. */
gint64
lb_store_lead_bulk_get_n_before (LbLeadBulk *bulk)
{
  g_return_val_if_fail (bulk != NULL, 0);

  return bulk->n_before;
}

/**
 * lb_store_lead_bulk_defer_indexes:
 *
 * Drops the lead table's indexes that only serve sorting and filtering
 * (the unique ones, which find duplicates, stay) until
 * lb_store_lead_bulk_end() builds them again: building an index from
 * sorted rows is much quicker than adding many rows to it one by one,
 * when the rows added are many compared with the rows there.
 */
gboolean
lb_store_lead_bulk_defer_indexes (LbLeadBulk  *bulk,
                                  GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (bulk != NULL, FALSE);

  if (bulk->index_sql->len > 0)
    return TRUE;

  stmt = lb_store_prepare (bulk->store,
                           "SELECT m.name, m.sql FROM pragma_index_list ('lead') i"
                           " JOIN sqlite_master m ON m.type = 'index' AND m.name = i.name"
                           " WHERE NOT i.\"unique\" AND i.origin = 'c' AND m.sql IS NOT NULL"
                           " ORDER BY m.rowid",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup (lb_column_text (stmt, 0)));
      g_ptr_array_add (bulk->index_sql, g_strdup (lb_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lb_store_set_error (bulk->store, error);
      g_ptr_array_set_size (bulk->index_sql, 0);
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      /* Names from the schema, never from user data; quoted all the same. */
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"",
                                              (char *)g_ptr_array_index (names, i));

      if (!lb_store_exec (bulk->store, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* Puts the leads added since the last sync into the search index. */
gboolean
lb_store_lead_bulk_sync (LbLeadBulk  *bulk,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 last;

  g_return_val_if_fail (bulk != NULL, FALSE);

  last = query_int64 (bulk->store, "SELECT coalesce (max (id), 0) FROM lead", error);
  if (last < 0)
    return FALSE;
  if (last <= bulk->synced_id)
    return TRUE;

  stmt = lb_store_prepare (bulk->store, bulk->sync_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bulk->synced_id);
  if (!lb_store_step_done (bulk->store, stmt, error))
    return FALSE;

  bulk->synced_id = last;
  return TRUE;
}

/* Syncs the last leads, builds the deferred indexes and turns the
 * insert trigger back on; frees @bulk in any case. */
gboolean
lb_store_lead_bulk_end (LbLeadBulk  *bulk,
                        GError     **error)
{
  g_autoptr(LbLeadBulk) owned = bulk;

  g_return_val_if_fail (bulk != NULL, FALSE);

  if (!lb_store_lead_bulk_sync (bulk, error))
    return FALSE;
  for (guint i = 0; i < bulk->index_sql->len; i++)
    if (!lb_store_exec (bulk->store, g_ptr_array_index (bulk->index_sql, i), error))
      return FALSE;

  return lb_store_exec (bulk->store, bulk->trigger_sql, error);
}

void
lb_store_lead_bulk_free (LbLeadBulk *bulk)
{
  if (bulk == NULL)
    return;

  g_clear_object (&bulk->store);
  g_free (bulk->trigger_sql);
  g_free (bulk->sync_sql);
  g_clear_pointer (&bulk->index_sql, g_ptr_array_unref);
  g_free (bulk);
}
