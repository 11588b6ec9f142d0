#define G_LOG_DOMAIN "lb-contact"

#include "config.h"

#include "lb-contact.h"

struct _LbContact
{
  LbRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (LbContact, lb_contact, LB_TYPE_RECORD)

static const char * const text_names[] = { "first-name", "middle-name", "last-name", "email", "phone", "street", "city", "postal-code", "region", "country", "notes", "account-name" };
static const char * const int_names[] = { "id", "account-id", "lead-id", "created-at", "updated-at", "deleted-at" };

G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LB_CONTACT_N_TEXT);
G_STATIC_ASSERT (G_N_ELEMENTS (int_names) == LB_CONTACT_N_INT);

/* GObject overrides */

static void
lb_contact_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (!lb_record_get_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_contact_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  if (!lb_record_set_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_contact_class_init (LbContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lb_contact_get_property;
  object_class->set_property = lb_contact_set_property;

  lb_record_class_install_fields (LB_RECORD_CLASS (klass),
                                  text_names, G_N_ELEMENTS (text_names),
                                  int_names, G_N_ELEMENTS (int_names));
}

static void
lb_contact_init (LbContact *self)
{
}

/* public API */

LbContact *
lb_contact_new (void)
{
  return g_object_new (LB_TYPE_CONTACT, NULL);
}

LbContact *
lb_contact_copy (LbContact *self)
{
  LbContact *copy;

  g_return_val_if_fail (LB_IS_CONTACT (self), NULL);

  copy = lb_contact_new ();
  lb_record_copy_fields (LB_RECORD (copy), LB_RECORD (self));

  return copy;
}

gint64
lb_contact_get_id (LbContact *self)
{
  return lb_record_get_int (LB_RECORD (self), LB_CONTACT_ID);
}

/**
 * lb_contact_dup_full_name:
 *
 * Returns: (transfer full): "First Middle Last", skipping empty parts.
 */
char *
lb_contact_dup_full_name (LbContact *self)
{
  const LbContactText parts[] = { LB_CONTACT_FIRST_NAME, LB_CONTACT_MIDDLE_NAME, LB_CONTACT_LAST_NAME };
  GString *s;

  g_return_val_if_fail (LB_IS_CONTACT (self), NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = lb_contact_get_text (self, parts[i]);

      if (part == NULL)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, part);
    }

  return g_string_free (s, FALSE);
}
