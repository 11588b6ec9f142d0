#define G_LOG_DOMAIN "lb-lead"

#include "config.h"

#include "lb-enum-types.h"
#include "lb-lead.h"

struct _LbLead
{
  GObject       parent_instance;

  char         *text[LB_LEAD_N_TEXT_FIELDS];
  gint64        ints[LB_LEAD_N_INT_FIELDS];
  char        **tags;
  LbLeadStatus  status;
  LbRating      rating;
  gboolean      new_company;
};

G_DEFINE_FINAL_TYPE (LbLead, lb_lead, G_TYPE_OBJECT)

/* Property ids: the text fields first, then the integers, then the rest,
 * so a text field's property id is its LbLeadText value + PROP_TEXT_0. */
enum {
  PROP_0,
  PROP_TEXT_0,
  PROP_INT_0 = PROP_TEXT_0 + LB_LEAD_N_TEXT_FIELDS,
  PROP_STATUS = PROP_INT_0 + LB_LEAD_N_INT_FIELDS,
  PROP_RATING,
  PROP_NEW_COMPANY,
  PROP_TAGS,
  PROP_FULL_NAME,
  PROP_DISPLAY_COMPANY,
  PROP_STATUS_LABEL,
  PROP_RATING_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const text_names[LB_LEAD_N_TEXT_FIELDS] = {
  "title", "first-name", "middle-name", "last-name", "email", "phone",
  "source", "category", "company", "company-name", "company-website",
  "company-tin", "campaign", "selling-direction", "product-interest",
  "owner", "street", "city", "postal-code", "region", "country",
  "distribution-channel", "description", "account-name",
};

static const char * const int_names[LB_LEAD_N_INT_FIELDS] = {
  "id", "account-id", "contact-id", "created-at", "updated-at",
  "deleted-at", "converted-contact-id", "converted-account-id",
  "converted-deal-id",
};

/* helpers */

static gboolean
text_affects_derived (LbLeadText field)
{
  return field == LB_LEAD_FIRST_NAME || field == LB_LEAD_MIDDLE_NAME ||
         field == LB_LEAD_LAST_NAME || field == LB_LEAD_COMPANY ||
         field == LB_LEAD_COMPANY_NAME || field == LB_LEAD_ACCOUNT_NAME;
}

static void
notify_derived (LbLead *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_COMPANY]);
}

/* GObject overrides */

static void
lb_lead_finalize (GObject *object)
{
  LbLead *self = (LbLead *)object;

  for (guint i = 0; i < LB_LEAD_N_TEXT_FIELDS; i++)
    g_clear_pointer (&self->text[i], g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (lb_lead_parent_class)->finalize (object);
}

static void
lb_lead_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LbLead *self = LB_LEAD (object);

  if (prop_id >= PROP_TEXT_0 && prop_id < PROP_INT_0)
    {
      g_value_set_string (value, self->text[prop_id - PROP_TEXT_0]);
      return;
    }
  if (prop_id >= PROP_INT_0 && prop_id < PROP_STATUS)
    {
      g_value_set_int64 (value, self->ints[prop_id - PROP_INT_0]);
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_RATING:
      g_value_set_enum (value, self->rating);
      break;

    case PROP_NEW_COMPANY:
      g_value_set_boolean (value, self->new_company);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_FULL_NAME:
      g_value_take_string (value, lb_lead_dup_full_name (self));
      break;

    case PROP_DISPLAY_COMPANY:
      g_value_set_string (value, lb_lead_get_display_company (self));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, lb_lead_status_to_label (self->status));
      break;

    case PROP_RATING_LABEL:
      g_value_set_string (value, lb_rating_to_label (self->rating));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_lead_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LbLead *self = LB_LEAD (object);

  if (prop_id >= PROP_TEXT_0 && prop_id < PROP_INT_0)
    {
      lb_lead_set_text (self, prop_id - PROP_TEXT_0, g_value_get_string (value));
      return;
    }
  if (prop_id >= PROP_INT_0 && prop_id < PROP_STATUS)
    {
      lb_lead_set_int (self, prop_id - PROP_INT_0, g_value_get_int64 (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS:
      lb_lead_set_status (self, g_value_get_enum (value));
      break;

    case PROP_RATING:
      lb_lead_set_rating (self, g_value_get_enum (value));
      break;

    case PROP_NEW_COMPANY:
      lb_lead_set_new_company (self, g_value_get_boolean (value));
      break;

    case PROP_TAGS:
      lb_lead_set_tags (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_lead_class_init (LbLeadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lb_lead_finalize;
  object_class->get_property = lb_lead_get_property;
  object_class->set_property = lb_lead_set_property;

  for (guint i = 0; i < LB_LEAD_N_TEXT_FIELDS; i++)
    properties[PROP_TEXT_0 + i] =
      g_param_spec_string (text_names[i], NULL, NULL, NULL, rw);

  for (guint i = 0; i < LB_LEAD_N_INT_FIELDS; i++)
    properties[PROP_INT_0 + i] =
      g_param_spec_int64 (int_names[i], NULL, NULL, 0, G_MAXINT64, 0, rw);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       LB_TYPE_LEAD_STATUS, LB_LEAD_STATUS_NEW, rw);
  properties[PROP_RATING] =
    g_param_spec_enum ("rating", NULL, NULL,
                       LB_TYPE_RATING, LB_RATING_WARM, rw);
  properties[PROP_NEW_COMPANY] =
    g_param_spec_boolean ("new-company", NULL, NULL, FALSE, rw);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL, ro);
  properties[PROP_DISPLAY_COMPANY] =
    g_param_spec_string ("display-company", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL, ro);
  properties[PROP_RATING_LABEL] =
    g_param_spec_string ("rating-label", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_lead_init (LbLead *self)
{
  self->status = LB_LEAD_STATUS_NEW;
  self->rating = LB_RATING_WARM;
}

/* public API */

LbLead *
lb_lead_new (void)
{
  return g_object_new (LB_TYPE_LEAD, NULL);
}

/**
 * lb_lead_copy:
 *
 * Returns: (transfer full): a new lead with every field of @self.
 */
LbLead *
lb_lead_copy (LbLead *self)
{
  LbLead *copy;

  g_return_val_if_fail (LB_IS_LEAD (self), NULL);

  copy = lb_lead_new ();
  for (guint i = 0; i < LB_LEAD_N_TEXT_FIELDS; i++)
    copy->text[i] = g_strdup (self->text[i]);
  memcpy (copy->ints, self->ints, sizeof self->ints);
  copy->tags = g_strdupv (self->tags);
  copy->status = self->status;
  copy->rating = self->rating;
  copy->new_company = self->new_company;

  return copy;
}

const char *
lb_lead_text_name (LbLeadText field)
{
  g_return_val_if_fail (field < LB_LEAD_N_TEXT_FIELDS, NULL);
  return text_names[field];
}

const char *
lb_lead_int_name (LbLeadInt field)
{
  g_return_val_if_fail (field < LB_LEAD_N_INT_FIELDS, NULL);
  return int_names[field];
}

/**
 * lb_lead_get_text:
 *
 * Returns: (nullable): the field's text; %NULL when it is empty.
 */
const char *
lb_lead_get_text (LbLead     *self,
                  LbLeadText  field)
{
  g_return_val_if_fail (LB_IS_LEAD (self), NULL);
  g_return_val_if_fail (field < LB_LEAD_N_TEXT_FIELDS, NULL);

  return self->text[field];
}

/* Empty text is stored as NULL, so "" and NULL are the same value. */
void
lb_lead_set_text (LbLead     *self,
                  LbLeadText  field,
                  const char *value)
{
  g_return_if_fail (LB_IS_LEAD (self));
  g_return_if_fail (field < LB_LEAD_N_TEXT_FIELDS);

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (self->text[field], value) == 0)
    return;

  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_0 + field]);
  if (text_affects_derived (field))
    notify_derived (self);
}

gint64
lb_lead_get_int (LbLead    *self,
                 LbLeadInt  field)
{
  g_return_val_if_fail (LB_IS_LEAD (self), 0);
  g_return_val_if_fail (field < LB_LEAD_N_INT_FIELDS, 0);

  return self->ints[field];
}

void
lb_lead_set_int (LbLead    *self,
                 LbLeadInt  field,
                 gint64     value)
{
  g_return_if_fail (LB_IS_LEAD (self));
  g_return_if_fail (field < LB_LEAD_N_INT_FIELDS);

  if (value < 0)
    value = 0;
  if (self->ints[field] == value)
    return;

  self->ints[field] = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INT_0 + field]);
}

gint64
lb_lead_get_id (LbLead *self)
{
  return lb_lead_get_int (self, LB_LEAD_ID);
}

const char *
lb_lead_get_title (LbLead *self)
{
  return lb_lead_get_text (self, LB_LEAD_TITLE);
}

const char *
lb_lead_get_first_name (LbLead *self)
{
  return lb_lead_get_text (self, LB_LEAD_FIRST_NAME);
}

const char *
lb_lead_get_last_name (LbLead *self)
{
  return lb_lead_get_text (self, LB_LEAD_LAST_NAME);
}

const char *
lb_lead_get_email (LbLead *self)
{
  return lb_lead_get_text (self, LB_LEAD_EMAIL);
}

const char *
lb_lead_get_phone (LbLead *self)
{
  return lb_lead_get_text (self, LB_LEAD_PHONE);
}

LbLeadStatus
lb_lead_get_status (LbLead *self)
{
  g_return_val_if_fail (LB_IS_LEAD (self), LB_LEAD_STATUS_NEW);
  return self->status;
}

void
lb_lead_set_status (LbLead       *self,
                    LbLeadStatus  status)
{
  g_return_if_fail (LB_IS_LEAD (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

LbRating
lb_lead_get_rating (LbLead *self)
{
  g_return_val_if_fail (LB_IS_LEAD (self), LB_RATING_WARM);
  return self->rating;
}

void
lb_lead_set_rating (LbLead   *self,
                    LbRating  rating)
{
  g_return_if_fail (LB_IS_LEAD (self));

  if (self->rating == rating)
    return;

  self->rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATING_LABEL]);
}

gboolean
lb_lead_get_new_company (LbLead *self)
{
  g_return_val_if_fail (LB_IS_LEAD (self), FALSE);
  return self->new_company;
}

void
lb_lead_set_new_company (LbLead   *self,
                         gboolean  new_company)
{
  g_return_if_fail (LB_IS_LEAD (self));

  new_company = !!new_company;
  if (self->new_company == new_company)
    return;

  self->new_company = new_company;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_COMPANY]);
  notify_derived (self);
}

/**
 * lb_lead_get_tags:
 *
 * Returns: (nullable): the tag names, or %NULL when there are none.
 */
const char * const *
lb_lead_get_tags (LbLead *self)
{
  g_return_val_if_fail (LB_IS_LEAD (self), NULL);
  return (const char * const *)self->tags;
}

void
lb_lead_set_tags (LbLead             *self,
                  const char * const *tags)
{
  g_return_if_fail (LB_IS_LEAD (self));

  if (tags != NULL && tags[0] == NULL)
    tags = NULL;
  if (self->tags == NULL && tags == NULL)
    return;
  if (self->tags != NULL && tags != NULL &&
      g_strv_equal ((const char * const *)self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **)tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
lb_lead_is_trashed (LbLead *self)
{
  return lb_lead_get_int (self, LB_LEAD_DELETED_AT) != 0;
}

/**
 * lb_lead_dup_full_name:
 *
 * Returns: (transfer full): "First Middle Last", skipping empty parts.
 */
char *
lb_lead_dup_full_name (LbLead *self)
{
  GString *s;
  const LbLeadText parts[] = { LB_LEAD_FIRST_NAME, LB_LEAD_MIDDLE_NAME, LB_LEAD_LAST_NAME };

  g_return_val_if_fail (LB_IS_LEAD (self), NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = self->text[parts[i]];

      if (part == NULL)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, part);
    }

  return g_string_free (s, FALSE);
}

/**
 * lb_lead_get_display_company:
 *
 * The company as a list shows it: the new company's name, else the
 * linked account's name, else the company name the lead typed.
 *
 * Returns: (nullable): the company to show
 */
const char *
lb_lead_get_display_company (LbLead *self)
{
  g_return_val_if_fail (LB_IS_LEAD (self), NULL);

  if (self->new_company && self->text[LB_LEAD_COMPANY_NAME] != NULL)
    return self->text[LB_LEAD_COMPANY_NAME];
  if (self->ints[LB_LEAD_ACCOUNT_ID] != 0 && self->text[LB_LEAD_ACCOUNT_NAME] != NULL)
    return self->text[LB_LEAD_ACCOUNT_NAME];
  return self->text[LB_LEAD_COMPANY];
}
