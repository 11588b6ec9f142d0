#define G_LOG_DOMAIN "lb-cli-lead"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-cli.h"
#include "lb-convert.h"
#include "lb-enum-types.h"
#include "lb-lead-actions.h"
#include "lb-validate.h"

/* How many leads a listing reads at a time. */
#define LIST_CHUNK 500

/* options */

/* The text fields of `lead add` and `lead edit`; field is the LbLeadText. */
static const LbCliOption lead_text_options[] = {
  { "first-name", LB_CLI_TEXT, LB_LEAD_FIRST_NAME, NULL, N_("NAME"),
    N_("First name (required unless --contact)") },
  { "last-name", LB_CLI_TEXT, LB_LEAD_LAST_NAME, NULL, N_("NAME"),
    N_("Last name (required unless --contact)") },
  { "middle-name", LB_CLI_TEXT, LB_LEAD_MIDDLE_NAME, NULL, N_("NAME"), N_("Middle name") },
  { "title", LB_CLI_TEXT, LB_LEAD_TITLE, NULL, N_("TEXT"),
    N_("Title (default: first and last name)") },
  { "source", LB_CLI_TEXT, LB_LEAD_SOURCE, NULL, N_("NAME"),
    N_("Where the lead came from, from the list of sources (required)") },
  { "category", LB_CLI_TEXT, LB_LEAD_CATEGORY, NULL, N_("NAME"),
    N_("Category (default: the default-category setting)") },
  { "email", LB_CLI_TEXT, LB_LEAD_EMAIL, NULL, N_("ADDRESS"),
    N_("Email address, unique among the leads") },
  { "phone", LB_CLI_TEXT, LB_LEAD_PHONE, NULL, N_("NUMBER"),
    N_("Phone number of 7 to 15 digits, unique among the leads") },
  { "company", LB_CLI_TEXT, LB_LEAD_COMPANY, NULL, N_("NAME"),
    N_("The company as the lead named it") },
  { "company-name", LB_CLI_TEXT, LB_LEAD_COMPANY_NAME, NULL, N_("NAME"),
    N_("Name of the new company (with --new-company)") },
  { "website", LB_CLI_TEXT, LB_LEAD_COMPANY_WEBSITE, NULL, N_("URL"),
    N_("Company website, http or https; a bare host gets https://") },
  { "tin", LB_CLI_TEXT, LB_LEAD_COMPANY_TIN, NULL, N_("DIGITS"),
    N_("Company TIN: 9, 10 or 12 digits") },
  { "street", LB_CLI_TEXT, LB_LEAD_STREET, NULL, N_("TEXT"), N_("Street") },
  { "city", LB_CLI_TEXT, LB_LEAD_CITY, NULL, N_("TEXT"), N_("City") },
  { "postal-code", LB_CLI_TEXT, LB_LEAD_POSTAL_CODE, NULL, N_("TEXT"), N_("Postal code") },
  { "region", LB_CLI_TEXT, LB_LEAD_REGION, NULL, N_("TEXT"), N_("Region") },
  { "country", LB_CLI_TEXT, LB_LEAD_COUNTRY, NULL, N_("TEXT"), N_("Country") },
  { "notes", LB_CLI_TEXT, LB_LEAD_DESCRIPTION, NULL, N_("TEXT"), N_("Description and notes") },
  { "owner", LB_CLI_TEXT, LB_LEAD_OWNER, NULL, N_("NAME"), N_("Who looks after the lead") },
  { "campaign", LB_CLI_TEXT, LB_LEAD_CAMPAIGN, NULL, N_("NAME"),
    N_("Campaign, from the list of campaigns") },
  { "selling-direction", LB_CLI_TEXT, LB_LEAD_SELLING_DIRECTION, NULL, N_("NAME"),
    N_("Selling direction, from its list") },
  { "product-interest", LB_CLI_TEXT, LB_LEAD_PRODUCT_INTEREST, NULL, N_("TEXT"),
    N_("Product or service of interest") },
  { "channel", LB_CLI_TEXT, LB_LEAD_DISTRIBUTION_CHANNEL, NULL, N_("NAME"),
    N_("Content distribution channel, from its list") },
  { NULL }
};

/* The other fields of `lead add` and `lead edit`. */
static const LbCliOption lead_link_options[] = {
  { "new-company", LB_CLI_FLAG, 0, NULL, NULL,
    N_("The lead is for a new company (needs --company-name)") },
  { "rating", LB_CLI_ENUM, 0, lb_rating_get_type, N_("RATING"),
    N_("hot, warm (the default) or cold") },
  { "tag", LB_CLI_TEXTS, 0, NULL, N_("TAG"),
    N_("A tag; repeat for more (lead edit: replaces the tags)") },
  { "account", LB_CLI_ID, 0, NULL, N_("ID"), N_("Link an existing account (0: none)") },
  { "contact", LB_CLI_ID, 0, NULL, N_("ID"), N_("Link an existing contact (0: none)") },
  { NULL }
};

static const LbCliOption lead_edit_options[] = {
  { "status", LB_CLI_ENUM, 0, lb_lead_status_get_type, N_("STATUS"),
    N_("new, contacted or lost") },
  { "no-new-company", LB_CLI_FLAG, 0, NULL, NULL, N_("The lead is not for a new company") },
  { "no-tags", LB_CLI_FLAG, 0, NULL, NULL, N_("Remove every tag") },
  { NULL }
};

/* The filters of `lead list`, shared with `export leads`. */
const LbCliOption lb_cli_lead_filter_options[] = {
  { "status", LB_CLI_ENUM, 0, lb_lead_status_get_type, N_("STATUS"),
    N_("Only leads with this status: new, contacted, lost or converted") },
  { "source", LB_CLI_TEXT, 0, NULL, N_("NAME"), N_("Only leads from this source") },
  { "category", LB_CLI_TEXT, 0, NULL, N_("NAME"), N_("Only leads of this category") },
  { "tag", LB_CLI_TEXTS, 0, NULL, N_("TAG"),
    N_("Only leads with this tag; repeat for any of several") },
  { "rating", LB_CLI_ENUM, 0, lb_rating_get_type, N_("RATING"),
    N_("Only leads rated hot, warm or cold") },
  { "owner", LB_CLI_TEXT, 0, NULL, N_("NAME"), N_("Only leads of this owner") },
  { "since", LB_CLI_DATE, 0, NULL, N_("DATE"),
    N_("Only leads created on or after this day (YYYY-MM-DD)") },
  { "until", LB_CLI_DATE, 0, NULL, N_("DATE"),
    N_("Only leads created on or before this day (YYYY-MM-DD)") },
  { "search", LB_CLI_TEXT, 0, NULL, N_("TEXT"),
    N_("Words in the title, names, email, phone or company") },
  { "trash", LB_CLI_FLAG, 0, NULL, NULL, N_("The leads in the trash instead of the live ones") },
  { "sort", LB_CLI_ENUM, 0, lb_lead_sort_get_type, N_("COLUMN"),
    N_("Sort by created, title, name, company, email, phone, source, category, status, "
       "rating, updated or deleted") },
  { "desc", LB_CLI_FLAG, 0, NULL, NULL,
    N_("Sort descending (the default without --sort: newest first)") },
  { "asc", LB_CLI_FLAG, 0, NULL, NULL, N_("Sort ascending (the default with --sort)") },
  { NULL }
};

static const LbCliOption lead_list_options[] = {
  { "limit", LB_CLI_COUNT, 0, NULL, N_("N"), N_("List at most N leads") },
  { "count", LB_CLI_FLAG, 0, NULL, NULL, N_("Print only the number of matching leads") },
  { NULL }
};

/* `lead convert`: the account step. */
static const LbCliOption convert_mode_options[] = {
  { "account", LB_CLI_TEXT, 0, NULL, N_("skip|new|ID"),
    N_("No account, a new account, or the existing account ID (default: as the lead "
       "suggests: its linked account, else a new one named after its company, else none)") },
  { NULL }
};

/* The new account's fields; field is the LbAccountText.  Giving one
 * chooses a new account. */
static const LbCliOption convert_account_options[] = {
  { "account-name", LB_CLI_TEXT, LB_ACCOUNT_NAME, NULL, N_("NAME"),
    N_("The new account’s name (default: the lead’s company)") },
  { "industry", LB_CLI_TEXT, LB_ACCOUNT_INDUSTRY, NULL, N_("NAME"),
    N_("The new account’s industry, from the list of industries") },
  { NULL }
};

/* The deal step; with lb_cli_deal_plan_options.  Giving any of them
 * turns the deal on. */
static const LbCliOption convert_deal_options[] = {
  { "deal", LB_CLI_FLAG, 0, NULL, NULL, N_("Create a deal as well") },
  { "deal-name", LB_CLI_TEXT, LB_DEAL_NAME, NULL, N_("NAME"),
    N_("The deal’s name (default: the lead’s title)") },
  { "deal-value", LB_CLI_AMOUNT, 0, NULL, N_("AMOUNT"),
    N_("The deal’s value in the currency setting, such as 2500.00") },
  { "deal-status", LB_CLI_ENUM, 0, lb_deal_status_get_type, N_("STATUS"),
    N_("open (the default), won or lost") },
  { NULL }
};

/* columns */

typedef enum
{
  COLUMN_TEXT,         /* field: an LbLeadText */
  COLUMN_ID,           /* field: an LbLeadInt, never 0 */
  COLUMN_LINK,         /* field: an LbLeadInt, 0 for none */
  COLUMN_TIME,         /* field: an LbLeadInt, 0 for none */
  COLUMN_STATUS,
  COLUMN_RATING,
  COLUMN_TAGS,
  COLUMN_NEW_COMPANY,
} ColumnKind;

/* Every field of a lead, in the order `lead show` prints them; key is
 * the JSON member (SPEC 3.1's names in snake_case); record names what
 * a link points to, whose name `lead show` prints after the id. */
static const struct {
  const char *key;
  ColumnKind  kind;
  int         field;
  const char *label;
  const char *record;
} lead_columns[] = {
  { "id", COLUMN_ID, LB_LEAD_ID, N_("ID") },
  { "title", COLUMN_TEXT, LB_LEAD_TITLE, N_("Title") },
  { "first_name", COLUMN_TEXT, LB_LEAD_FIRST_NAME, N_("First name") },
  { "middle_name", COLUMN_TEXT, LB_LEAD_MIDDLE_NAME, N_("Middle name") },
  { "last_name", COLUMN_TEXT, LB_LEAD_LAST_NAME, N_("Last name") },
  { "email", COLUMN_TEXT, LB_LEAD_EMAIL, N_("Email") },
  { "phone", COLUMN_TEXT, LB_LEAD_PHONE, N_("Phone") },
  { "source", COLUMN_TEXT, LB_LEAD_SOURCE, N_("Source") },
  { "category", COLUMN_TEXT, LB_LEAD_CATEGORY, N_("Category") },
  { "status", COLUMN_STATUS, 0, N_("Status") },
  { "rating", COLUMN_RATING, 0, N_("Rating") },
  { "tags", COLUMN_TAGS, 0, N_("Tags") },
  { "company", COLUMN_TEXT, LB_LEAD_COMPANY, N_("Company") },
  { "new_company", COLUMN_NEW_COMPANY, 0, N_("New company") },
  { "company_name", COLUMN_TEXT, LB_LEAD_COMPANY_NAME, N_("Company name") },
  { "company_website", COLUMN_TEXT, LB_LEAD_COMPANY_WEBSITE, N_("Company website") },
  { "company_tin", COLUMN_TEXT, LB_LEAD_COMPANY_TIN, N_("Company TIN") },
  { "account_id", COLUMN_LINK, LB_LEAD_ACCOUNT_ID, N_("Account"), "account" },
  { "contact_id", COLUMN_LINK, LB_LEAD_CONTACT_ID, N_("Contact"), "contact" },
  { "campaign", COLUMN_TEXT, LB_LEAD_CAMPAIGN, N_("Campaign") },
  { "selling_direction", COLUMN_TEXT, LB_LEAD_SELLING_DIRECTION, N_("Selling direction") },
  { "product_interest", COLUMN_TEXT, LB_LEAD_PRODUCT_INTEREST, N_("Product of interest") },
  { "owner", COLUMN_TEXT, LB_LEAD_OWNER, N_("Owner") },
  { "street", COLUMN_TEXT, LB_LEAD_STREET, N_("Street") },
  { "city", COLUMN_TEXT, LB_LEAD_CITY, N_("City") },
  { "postal_code", COLUMN_TEXT, LB_LEAD_POSTAL_CODE, N_("Postal code") },
  { "region", COLUMN_TEXT, LB_LEAD_REGION, N_("Region") },
  { "country", COLUMN_TEXT, LB_LEAD_COUNTRY, N_("Country") },
  { "distribution_channel", COLUMN_TEXT, LB_LEAD_DISTRIBUTION_CHANNEL, N_("Distribution channel") },
  { "description", COLUMN_TEXT, LB_LEAD_DESCRIPTION, N_("Notes") },
  { "created_at", COLUMN_TIME, LB_LEAD_CREATED_AT, N_("Created") },
  { "updated_at", COLUMN_TIME, LB_LEAD_UPDATED_AT, N_("Updated") },
  { "deleted_at", COLUMN_TIME, LB_LEAD_DELETED_AT, N_("In the trash since") },
  { "converted_contact_id", COLUMN_LINK, LB_LEAD_CONVERTED_CONTACT_ID, N_("Converted to contact"),
    "contact" },
  { "converted_account_id", COLUMN_LINK, LB_LEAD_CONVERTED_ACCOUNT_ID, N_("Converted to account"),
    "account" },
  { "converted_deal_id", COLUMN_LINK, LB_LEAD_CONVERTED_DEAL_ID, N_("Converted to deal"), "deal" },
};

/* helpers */

static void
build_lead_members (JsonBuilder *builder,
                    LbLead      *lead)
{
  for (guint i = 0; i < G_N_ELEMENTS (lead_columns); i++)
    {
      const char *key = lead_columns[i].key;
      int field = lead_columns[i].field;

      switch (lead_columns[i].kind)
        {
        case COLUMN_TEXT:
          lb_cli_json_add_text (builder, key, lb_lead_get_text (lead, field));
          break;

        case COLUMN_ID:
          json_builder_set_member_name (builder, key);
          json_builder_add_int_value (builder, lb_lead_get_int (lead, field));
          break;

        case COLUMN_LINK:
          lb_cli_json_add_link (builder, key, lb_lead_get_int (lead, field));
          break;

        case COLUMN_TIME:
          lb_cli_json_add_time (builder, key, lb_lead_get_int (lead, field));
          break;

        case COLUMN_STATUS:
          {
            g_autofree char *nick = lb_cli_enum_to_json_nick (LB_TYPE_LEAD_STATUS,
                                                              lb_lead_get_status (lead));
            lb_cli_json_add_text (builder, key, nick);
          }
          break;

        case COLUMN_RATING:
          {
            g_autofree char *nick = lb_cli_enum_to_json_nick (LB_TYPE_RATING,
                                                              lb_lead_get_rating (lead));
            lb_cli_json_add_text (builder, key, nick);
          }
          break;

        case COLUMN_TAGS:
          {
            const char * const *tags = lb_lead_get_tags (lead);

            json_builder_set_member_name (builder, key);
            json_builder_begin_array (builder);
            for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
              json_builder_add_string_value (builder, tags[t]);
            json_builder_end_array (builder);
          }
          break;

        case COLUMN_NEW_COMPANY:
          json_builder_set_member_name (builder, key);
          json_builder_add_boolean_value (builder, lb_lead_get_new_company (lead));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static JsonNode *
lead_to_json (LbLead *lead)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  build_lead_members (builder, lead);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* A field as `lead show` prints it; NULL when it is empty.  A link
 * shows the linked record's name after its id. */
static char *
dup_column_text (LbStore *store,
                 LbLead  *lead,
                 guint    i)
{
  int field = lead_columns[i].field;

  switch (lead_columns[i].kind)
    {
    case COLUMN_TEXT:
      return g_strdup (lb_lead_get_text (lead, field));

    case COLUMN_ID:
    case COLUMN_LINK:
      {
        gint64 id = lb_lead_get_int (lead, field);
        g_autofree char *name = NULL;

        if (id == 0)
          return NULL;
        if (lead_columns[i].record != NULL)
          name = lb_cli_dup_record_name (store, lead_columns[i].record, id);
        if (name != NULL && *name != '\0')
          return g_strdup_printf ("%" G_GINT64_FORMAT " (%s)", id, name);
        return g_strdup_printf ("%" G_GINT64_FORMAT, id);
      }

    case COLUMN_TIME:
      if (lb_lead_get_int (lead, field) == 0)
        return NULL;
      return lb_format_date_time (lb_lead_get_int (lead, field));

    case COLUMN_STATUS:
      return g_strdup (lb_lead_status_to_label (lb_lead_get_status (lead)));

    case COLUMN_RATING:
      return g_strdup (lb_rating_to_label (lb_lead_get_rating (lead)));

    case COLUMN_TAGS:
      {
        const char * const *tags = lb_lead_get_tags (lead);

        if (tags == NULL || tags[0] == NULL)
          return NULL;
        return g_strjoinv (", ", (char **)tags);
      }

    case COLUMN_NEW_COMPANY:
      return lb_lead_get_new_company (lead) ? g_strdup (_("Yes")) : NULL;

    default:
      g_assert_not_reached ();
    }
}

static void
print_list_header (void)
{
  const char *labels[] = {
    _("ID"), _("Title"), _("Name"), _("Company"), _("Email"), _("Phone"), _("Source"),
    _("Category"), _("Status"), _("Rating"), _("Created"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    lb_cli_print_field (labels[i], i + 1 == G_N_ELEMENTS (labels));
}

static void
print_list_row (LbLead *lead)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lb_lead_get_id (lead));
  g_autofree char *name = lb_lead_dup_full_name (lead);
  g_autofree char *created = lb_format_date_time (lb_lead_get_int (lead, LB_LEAD_CREATED_AT));

  lb_cli_print_field (id, FALSE);
  lb_cli_print_field (lb_lead_get_title (lead), FALSE);
  lb_cli_print_field (name, FALSE);
  lb_cli_print_field (lb_lead_get_display_company (lead), FALSE);
  lb_cli_print_field (lb_lead_get_email (lead), FALSE);
  lb_cli_print_field (lb_lead_get_phone (lead), FALSE);
  lb_cli_print_field (lb_lead_get_text (lead, LB_LEAD_SOURCE), FALSE);
  lb_cli_print_field (lb_lead_get_text (lead, LB_LEAD_CATEGORY), FALSE);
  lb_cli_print_field (lb_lead_status_to_label (lb_lead_get_status (lead)), FALSE);
  lb_cli_print_field (lb_rating_to_label (lb_lead_get_rating (lead)), FALSE);
  lb_cli_print_field (created, TRUE);
}

/* Sets the fields given on the command line, and only those. */
static void
apply_lead_options (LbLead    *lead,
                    LbCliArgs *args)
{
  for (const LbCliOption *o = lead_text_options; o->name != NULL; o++)
    if (lb_cli_args_has (args, o->name))
      lb_lead_set_text (lead, o->field, lb_cli_args_text (args, o->name));

  if (lb_cli_args_has (args, "new-company"))
    lb_lead_set_new_company (lead, TRUE);
  if (lb_cli_args_has (args, "no-new-company"))
    lb_lead_set_new_company (lead, FALSE);
  if (lb_cli_args_has (args, "rating"))
    lb_lead_set_rating (lead, lb_cli_args_enum (args, "rating", LB_RATING_WARM));
  if (lb_cli_args_has (args, "tag") || lb_cli_args_has (args, "no-tags"))
    {
      g_auto(GStrv) tags = lb_cli_args_dup_texts (args, "tag");

      lb_lead_set_tags (lead, (const char * const *)tags);
    }
  if (lb_cli_args_has (args, "account"))
    lb_lead_set_int (lead, LB_LEAD_ACCOUNT_ID, lb_cli_args_number (args, "account", 0));
  if (lb_cli_args_has (args, "contact"))
    lb_lead_set_int (lead, LB_LEAD_CONTACT_ID, lb_cli_args_number (args, "contact", 0));
  if (lb_cli_args_has (args, "status"))
    lb_lead_set_status (lead, lb_cli_args_enum (args, "status", LB_LEAD_STATUS_NEW));
}

/* Prints lead @id as stored: the object with --json, else its id. */
static int
print_lead_result (LbCli  *cli,
                   gint64  id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!cli->json)
    {
      lb_cli_print ("%" G_GINT64_FORMAT "\n", id);
      return LB_CLI_EXIT_OK;
    }

  lead = lb_store_get_lead (cli->store, id, &error);
  if (lead == NULL)
    return lb_cli_fail (cli, error);
  node = lead_to_json (lead);
  lb_cli_print_json (node);

  return LB_CLI_EXIT_OK;
}

/* Runs one of the actions that take a lead id and return a gboolean. */
static int
run_id_action (LbCli      *cli,
               LbCliArgs  *args,
               gboolean  (*action) (LbStore  *store,
                                    gint64    id,
                                    GError  **error))
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (!action (cli->store, id, &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

/* public API */

/**
 * lb_cli_lead_filter_from_args:
 *
 * Builds the filter of lb_cli_lead_filter_options.  Dates are local
 * days; --until includes its day.  Without --sort the newest lead comes
 * first; with it the order is ascending unless --desc.
 *
 * Returns: (transfer full) (nullable): the filter, or %NULL after a
 *   usage error
 */
LbLeadFilter *
lb_cli_lead_filter_from_args (LbCli     *cli,
                              LbCliArgs *args)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();
  const char *text;

  if (!lb_cli_args_exclusive (cli, args, "asc", "desc"))
    return NULL;

  filter->status = lb_cli_args_enum (args, "status", -1);
  filter->rating = lb_cli_args_enum (args, "rating", -1);
  if ((text = lb_cli_args_text (args, "source")) != NULL && *text != '\0')
    filter->source = g_strdup (text);
  if ((text = lb_cli_args_text (args, "category")) != NULL && *text != '\0')
    filter->category = g_strdup (text);
  if ((text = lb_cli_args_text (args, "owner")) != NULL && *text != '\0')
    filter->owner = g_strdup (text);
  if ((text = lb_cli_args_text (args, "search")) != NULL && *text != '\0')
    filter->search = g_strdup (text);
  filter->tags = lb_cli_args_dup_texts (args, "tag");
  filter->since = lb_cli_args_day_start (args, "since", 0);
  filter->until = lb_cli_args_day_start (args, "until", 1);
  filter->trash = lb_cli_args_has (args, "trash");

  if (lb_cli_args_has (args, "sort"))
    {
      filter->sort = lb_cli_args_enum (args, "sort", LB_LEAD_SORT_CREATED);
      filter->descending = FALSE;
    }
  if (lb_cli_args_has (args, "asc"))
    filter->descending = FALSE;
  if (lb_cli_args_has (args, "desc"))
    filter->descending = TRUE;

  return g_steal_pointer (&filter);
}

/* commands */

static int
lead_add (LbCli     *cli,
          LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = NULL;
  gint64 id;

  if (!lb_cli_args_has (args, "source"))
    return lb_cli_usage_error (cli, _("Give the lead’s source with --source NAME."));
  if (lb_cli_args_number (args, "contact", 0) == 0 &&
      (!lb_cli_args_has (args, "first-name") || !lb_cli_args_has (args, "last-name")))
    return lb_cli_usage_error (cli, _("Give the lead’s name with --first-name and --last-name, "
                                      "or an existing contact with --contact ID."));
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  lead = lb_lead_new ();
  apply_lead_options (lead, args);
  id = lb_lead_create (cli->store, lead, &error);
  if (id == 0)
    return lb_cli_fail (cli, error);

  return print_lead_result (cli, id);
}

static int
lead_list (LbCli     *cli,
           LbCliArgs *args)
{
  g_autoptr(LbLeadFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  LbCliJsonStream *stream = NULL;
  guint limit;

  filter = lb_cli_lead_filter_from_args (cli, args);
  if (filter == NULL)
    return LB_CLI_EXIT_USAGE;
  limit = lb_cli_args_number (args, "limit", 0);
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  if (lb_cli_args_has (args, "count"))
    {
      gint64 count = lb_store_count_leads (cli->store, filter, &error);

      if (count < 0)
        return lb_cli_fail (cli, error);
      if (limit > 0 && count > limit)
        count = limit;
      lb_cli_print ("%" G_GINT64_FORMAT "\n", count);
      return LB_CLI_EXIT_OK;
    }

  /* The ids of every match (8 bytes each), then the rows a chunk at a
   * time, written out before the next chunk is read. */
  ids = lb_store_query_lead_ids (cli->store, filter, limit, &error);
  if (ids == NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    stream = lb_cli_json_stream_begin ();
  else
    print_list_header ();

  for (guint start = 0; start < ids->len; start += LIST_CHUNK)
    {
      g_autoptr(GPtrArray) leads = NULL;

      leads = lb_store_get_leads (cli->store, &g_array_index (ids, gint64, start),
                                  MIN (LIST_CHUNK, ids->len - start), &error);
      if (leads == NULL)
        {
          if (stream != NULL)
            lb_cli_json_stream_end (stream);
          return lb_cli_fail (cli, error);
        }

      for (guint i = 0; i < leads->len; i++)
        {
          LbLead *lead = g_ptr_array_index (leads, i);

          if (stream != NULL)
            {
              g_autoptr(JsonNode) node = lead_to_json (lead);
              lb_cli_json_stream_add (stream, node);
            }
          else
            print_list_row (lead);
        }
    }

  if (stream != NULL)
    lb_cli_json_stream_end (stream);

  return LB_CLI_EXIT_OK;
}

static int
lead_show (LbCli     *cli,
           LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = NULL;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  lead = lb_store_get_lead (cli->store, id, &error);
  if (lead == NULL)
    return lb_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      build_lead_members (builder, lead);
      /* "orders" and "invoices": the documents linked to it (SPEC 3.3) */
      if (!lb_cli_lead_documents (cli, id, builder, &error))
        return lb_cli_fail (cli, error);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      lb_cli_print_json (node);
      return LB_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (lead_columns); i++)
    {
      g_autofree char *value = dup_column_text (cli->store, lead, i);

      if (value != NULL)
        lb_cli_print ("%s: %s\n", _(lead_columns[i].label), value);
    }
  if (!lb_cli_lead_documents (cli, id, NULL, &error))
    return lb_cli_fail (cli, error);

  return LB_CLI_EXIT_OK;
}

static int
lead_edit (LbCli     *cli,
           LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbLead) lead = NULL;
  gint64 id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_args_count_options (cli, args) == 0)
    return lb_cli_usage_error (cli, _("Give at least one field to change."));
  if (!lb_cli_args_exclusive (cli, args, "new-company", "no-new-company") ||
      !lb_cli_args_exclusive (cli, args, "tag", "no-tags"))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  lead = lb_store_get_lead (cli->store, id, &error);
  if (lead == NULL)
    return lb_cli_fail (cli, error);

  apply_lead_options (lead, args);
  if (!lb_lead_save (cli->store, lead, &error))
    return lb_cli_fail (cli, error);

  if (cli->json)
    return print_lead_result (cli, id);

  return LB_CLI_EXIT_OK;
}

static int
lead_delete (LbCli     *cli,
             LbCliArgs *args)
{
  return run_id_action (cli, args, lb_lead_trash);
}

static int
lead_restore (LbCli     *cli,
              LbCliArgs *args)
{
  return run_id_action (cli, args, lb_lead_restore);
}

static int
lead_purge (LbCli     *cli,
            LbCliArgs *args)
{
  return run_id_action (cli, args, lb_lead_purge);
}

static int
lead_replicate (LbCli     *cli,
                LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 copy_id;

  if (!lb_cli_args_param_id (cli, args, 0, &id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  copy_id = lb_lead_replicate (cli->store, id, &error);
  if (copy_id == 0)
    return lb_cli_fail (cli, error);

  return print_lead_result (cli, copy_id);
}

/* A Draft order or invoice for the lead (SPEC 3.3); the command's data
 * is the document kind it prints. */
static int
lead_order (LbCli     *cli,
            LbCliArgs *args)
{
  return lb_cli_document_create_from (cli, args, lb_lead_create_order);
}

static int
lead_invoice (LbCli     *cli,
              LbCliArgs *args)
{
  return lb_cli_document_create_from (cli, args, lb_lead_create_invoice);
}

/* Reads --account: skip, new or an account id (>= 1).  *@mode is -1
 * when it was not given.  Returns FALSE after a usage error. */
static gboolean
convert_account_mode (LbCli      *cli,
                      LbCliArgs  *args,
                      int        *mode,
                      gint64     *account_id)
{
  const char *text = lb_cli_args_text (args, "account");

  *mode = -1;
  *account_id = 0;
  if (text == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (text, "skip") == 0)
    *mode = LB_CONVERT_ACCOUNT_SKIP;
  else if (g_ascii_strcasecmp (text, "new") == 0)
    *mode = LB_CONVERT_ACCOUNT_NEW;
  else if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, account_id, NULL))
    *mode = LB_CONVERT_ACCOUNT_EXISTING;
  else
    {
      lb_cli_usage_error (cli, _("“%s” is not a choice for --account. Use skip, new or the id "
                                 "of an existing account."), text);
      return FALSE;
    }

  if (*mode != LB_CONVERT_ACCOUNT_NEW && lb_cli_args_count_given (args, convert_account_options) > 0)
    {
      lb_cli_usage_error (cli, _("--account-name and --industry are for a new account "
                                 "(--account new)."));
      return FALSE;
    }

  return TRUE;
}

/* Converts the lead (SPEC 3.2) from lb_conversion_new_for_lead()'s
 * starting point, changed by the options given; prints the ids of what
 * was created. */
static int
lead_convert (LbCli     *cli,
              LbCliArgs *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbConversion) conversion = NULL;
  LbConversionResult result = { 0 };
  gint64 id;
  gint64 account_id;
  int mode;
  int status;

  if (!lb_cli_args_param_id (cli, args, 0, &id) ||
      !convert_account_mode (cli, args, &mode, &account_id))
    return LB_CLI_EXIT_USAGE;
  if (lb_cli_open_store (cli) == NULL)
    return LB_CLI_EXIT_REFUSED;

  conversion = lb_conversion_new_for_lead (cli->store, id, &error);
  if (conversion == NULL)
    return lb_cli_fail (cli, error);

  lb_cli_apply_field_options (LB_RECORD (conversion->contact), args,
                              lb_cli_contact_person_options);

  if (mode >= 0)
    conversion->account_mode = mode;
  else if (lb_cli_args_count_given (args, convert_account_options) > 0)
    conversion->account_mode = LB_CONVERT_ACCOUNT_NEW;
  if (conversion->account_mode == LB_CONVERT_ACCOUNT_EXISTING && account_id != 0)
    conversion->account_id = account_id;
  lb_cli_apply_field_options (LB_RECORD (conversion->account), args, convert_account_options);

  if (lb_cli_args_count_given (args, convert_deal_options) +
      lb_cli_args_count_given (args, lb_cli_deal_plan_options) > 0)
    conversion->with_deal = TRUE;
  lb_cli_apply_field_options (LB_RECORD (conversion->deal), args, convert_deal_options);
  lb_cli_apply_field_options (LB_RECORD (conversion->deal), args, lb_cli_deal_plan_options);
  status = lb_cli_deal_apply_money (cli, args, LB_RECORD (conversion->deal), "deal-value",
                                    "deal-status");
  if (status != LB_CLI_EXIT_OK)
    return status;

  if (!lb_lead_convert (cli->store, conversion, &result, &error))
    return lb_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      lb_cli_json_add_link (builder, "contact_id", result.contact_id);
      lb_cli_json_add_link (builder, "account_id", result.account_id);
      lb_cli_json_add_link (builder, "deal_id", result.deal_id);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      lb_cli_print_json (node);
    }
  else
    {
      const struct { const char *key; gint64 id; } ids[] = {
        { "contact_id", result.contact_id },
        { "account_id", result.account_id },
        { "deal_id", result.deal_id },
      };

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          if (ids[i].id != 0)
            lb_cli_print ("%s=%" G_GINT64_FORMAT, ids[i].key, ids[i].id);
          else
            lb_cli_print ("%s=null", ids[i].key);
          lb_cli_print ("%s", i + 1 < G_N_ELEMENTS (ids) ? " " : "\n");
        }
    }

  return LB_CLI_EXIT_OK;
}

const LbCliCommand lb_cli_lead_commands[] = {
  { "lead", "add", NULL, 0,
    (const LbCliOption *[]) { lead_text_options, lead_link_options, NULL },
    lead_add, N_("Add a lead; prints its id.") },
  { "lead", "list", NULL, 0,
    (const LbCliOption *[]) { lb_cli_lead_filter_options, lead_list_options, NULL },
    lead_list, N_("List the leads that match every filter given, one per line.") },
  { "lead", "show", N_("ID"), 1, NULL,
    lead_show, N_("Show every field of a lead.") },
  { "lead", "edit", N_("ID"), 1,
    (const LbCliOption *[]) { lead_text_options, lead_link_options, lead_edit_options, NULL },
    lead_edit, N_("Change the fields given, and only those; an empty value clears a field.") },
  { "lead", "delete", N_("ID"), 1, NULL,
    lead_delete, N_("Move a lead to the trash.") },
  { "lead", "restore", N_("ID"), 1, NULL,
    lead_restore, N_("Bring a lead back from the trash.") },
  { "lead", "purge", N_("ID"), 1, NULL,
    lead_purge, N_("Delete a lead in the trash for good.") },
  { "lead", "replicate", N_("ID"), 1, NULL,
    lead_replicate, N_("Copy a lead without its email and phone; prints the new id.") },
  { "lead", "convert", N_("ID"), 1,
    (const LbCliOption *[]) { lb_cli_contact_person_options, convert_mode_options,
                              convert_account_options, convert_deal_options,
                              lb_cli_deal_plan_options, NULL },
    lead_convert, N_("Convert a lead into a contact, and optionally an account and a deal, "
                     "in one step; prints the ids created.") },
  { "lead", "order", N_("ID"), 1, NULL,
    lead_order, N_("Make a Draft order for a lead (needs the order-type setting); prints its id."),
    &lb_cli_order_kind },
  { "lead", "invoice", N_("ID"), 1, NULL,
    lead_invoice,
    N_("Make a Draft invoice for a lead (needs the invoice-type setting); prints its id."),
    &lb_cli_invoice_kind },
  { NULL }
};
