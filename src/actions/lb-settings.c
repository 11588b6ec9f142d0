#define G_LOG_DOMAIN "lb-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lb-error.h"
#include "lb-settings.h"
#include "lb-validate.h"

typedef enum
{
  KIND_TEXT,
  KIND_REF,        /* names an entry of a reference list */
  KIND_CURRENCY,
  KIND_DAYS,
  KIND_PATTERN,
} SettingKind;

static const struct {
  const char  *key;
  SettingKind  kind;
  LbRefKind    ref;
  const char  *fallback;
  const char  *description;
} settings[] = {
  { LB_SETTING_ORDER_TYPE, KIND_REF, LB_REF_ORDER_TYPE, NULL,
    N_("Type of new orders; unset hides Create Order on leads") },
  { LB_SETTING_INVOICE_TYPE, KIND_REF, LB_REF_INVOICE_TYPE, NULL,
    N_("Type of new invoices; unset hides Create Invoice on leads") },
  { LB_SETTING_CURRENCY, KIND_CURRENCY, 0, "EUR", N_("Currency of new documents (ISO 4217 code)") },
  { LB_SETTING_PAYMENT_TERMS_DAYS, KIND_DAYS, 0, "30", N_("Days from invoice date to due date") },
  { LB_SETTING_INVOICE_PATTERN, KIND_PATTERN, 0, "INV-{YYYY}-{NNNN}", N_("Invoice number pattern") },
  { LB_SETTING_ORDER_PATTERN, KIND_PATTERN, 0, "SO-{YYYY}-{NNNN}", N_("Order number pattern") },
  { LB_SETTING_DEFAULT_CATEGORY, KIND_REF, LB_REF_CATEGORY, NULL,
    N_("Category of a new lead when none is chosen") },
  { LB_SETTING_COMPANY_NAME, KIND_TEXT, 0, NULL, N_("Your company’s name, for invoices") },
  { LB_SETTING_COMPANY_ADDRESS, KIND_TEXT, 0, NULL, N_("Your company’s address") },
  { LB_SETTING_COMPANY_TAX_ID, KIND_TEXT, 0, NULL, N_("Your company’s tax id") },
  { LB_SETTING_COMPANY_BANK, KIND_TEXT, 0, NULL, N_("Your bank details") },
  { LB_SETTING_COMPANY_EMAIL, KIND_TEXT, 0, NULL, N_("Your company’s email address") },
  { LB_SETTING_COMPANY_PHONE, KIND_TEXT, 0, NULL, N_("Your company’s phone number") },
};

/* helpers */

static int
find_setting (const char  *key,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (g_strcmp0 (settings[i].key, key) == 0)
      return i;

  if (error != NULL)
    {
      g_autoptr(GString) keys = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
        g_string_append_printf (keys, "%s%s", i ? ", " : "", settings[i].key);
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_UNKNOWN_KEY,
                   _("There is no setting “%s”. The settings are: %s."),
                   key ? key : "", keys->str);
    }
  return -1;
}

static char *
check_value (LbStore     *store,
             int          i,
             const char  *value,
             GError     **error)
{
  switch (settings[i].kind)
    {
    case KIND_TEXT:
      return g_strdup (value);

    case KIND_REF:
      {
        g_autoptr(LbRefItem) item = lb_store_find_ref (store, settings[i].ref, value);

        if (item == NULL)
          {
            g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                         _("“%s” is not in the list of %s. Add it there first."),
                         value, lb_ref_kind_to_label (settings[i].ref));
            return NULL;
          }
        return g_strdup (lb_ref_item_get_name (item));
      }

    case KIND_CURRENCY:
      if (strlen (value) != 3 || !g_ascii_isalpha (value[0]) ||
          !g_ascii_isalpha (value[1]) || !g_ascii_isalpha (value[2]))
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("“%s” is not a currency code. Use the three letters of "
                         "ISO 4217, e.g. EUR or USD."),
                       value);
          return NULL;
        }
      return g_ascii_strup (value, -1);

    case KIND_DAYS:
      {
        guint64 days;

        if (!g_ascii_string_to_unsigned (value, 10, 0, 3650, &days, NULL))
          {
            g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                         _("“%s” is not a number of days. Use a whole number from 0 to 3650."),
                         value);
            return NULL;
          }
        return g_strdup_printf ("%u", (guint)days);
      }

    case KIND_PATTERN:
      if (strstr (value, "{N") == NULL)
        {
          g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                       _("The pattern “%s” has no counter. Put {NNNN} where the number "
                         "goes; {YYYY} adds the year."),
                       value);
          return NULL;
        }
      return g_strdup (value);

    default:
      g_assert_not_reached ();
    }
}

/* public API */

const char * const *
lb_settings_keys (void)
{
  static const char *keys[G_N_ELEMENTS (settings) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
      keys[i] = settings[i].key;

  return keys;
}

const char *
lb_settings_describe (const char *key)
{
  int i = find_setting (key, NULL);

  return i >= 0 ? _(settings[i].description) : NULL;
}

gboolean
lb_settings_is_known (const char *key)
{
  return find_setting (key, NULL) >= 0;
}

/**
 * lb_settings_get:
 *
 * Returns: (transfer full) (nullable): the value, its default when it
 *   was never set, or %NULL when it is unset (or @key is unknown, then
 *   with @error set)
 */
char *
lb_settings_get (LbStore     *store,
                 const char  *key,
                 GError     **error)
{
  char *value;
  int i;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  i = find_setting (key, error);
  if (i < 0)
    return NULL;

  value = lb_store_get_setting (store, key);
  if (value == NULL)
    value = g_strdup (settings[i].fallback);

  return value;
}

/* Sets a setting; an empty @value unsets it (back to its default). */
gboolean
lb_settings_set (LbStore     *store,
                 const char  *key,
                 const char  *value,
                 GError     **error)
{
  g_autofree char *clean = lb_normalize_text (value);
  g_autofree char *checked = NULL;
  int i;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);

  i = find_setting (key, error);
  if (i < 0)
    return FALSE;

  if (clean != NULL)
    {
      checked = check_value (store, i, clean, error);
      if (checked == NULL)
        return FALSE;
    }

  return lb_store_set_setting (store, key, checked, error);
}

gint64
lb_ref_add (LbStore     *store,
            LbRefKind    kind,
            const char  *name,
            GError     **error)
{
  return lb_store_add_ref (store, kind, name, error);
}

/* Renames an entry; a setting that named it follows the new name. */
gboolean
lb_ref_rename (LbStore     *store,
               LbRefItem   *item,
               const char  *name,
               GError     **error)
{
  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (LB_IS_REF_ITEM (item), FALSE);

  if (!lb_store_begin (store, error))
    return FALSE;

  if (!lb_store_rename_ref (store, lb_ref_item_get_id (item), name, error))
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *current = NULL;

      if (settings[i].kind != KIND_REF || settings[i].ref != lb_ref_item_get_kind (item))
        continue;
      current = lb_store_get_setting (store, settings[i].key);
      if (current != NULL && g_ascii_strcasecmp (current, lb_ref_item_get_name (item)) == 0 &&
          !lb_settings_set (store, settings[i].key, name, error))
        goto fail;
    }

  return lb_store_commit (store, error);

fail:
  lb_store_rollback (store);
  return FALSE;
}

/* Removes an entry that no record and no setting uses. */
gboolean
lb_ref_remove (LbStore    *store,
               LbRefItem  *item,
               GError    **error)
{
  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (LB_IS_REF_ITEM (item), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *current = NULL;

      if (settings[i].kind != KIND_REF || settings[i].ref != lb_ref_item_get_kind (item))
        continue;
      current = lb_store_get_setting (store, settings[i].key);
      if (current != NULL && g_ascii_strcasecmp (current, lb_ref_item_get_name (item)) == 0)
        {
          g_set_error (error, LB_STORE_ERROR, LB_STORE_ERROR_IN_USE,
                       _("“%s” is the %s setting. Change that setting first."),
                       lb_ref_item_get_name (item), settings[i].key);
          return FALSE;
        }
    }

  return lb_store_remove_ref (store, lb_ref_item_get_id (item), error);
}
