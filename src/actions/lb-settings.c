#define G_LOG_DOMAIN "lb-settings"

#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "lb-error.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-validate.h"

typedef enum
{
  KIND_TEXT,
  KIND_REF,        /* names an entry of a reference list */
  KIND_CURRENCY,
  KIND_DAYS,
  KIND_PATTERN,
  KIND_PNG,        /* the path of a PNG image, stored absolute */
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
  { LB_SETTING_COMPANY_LOGO, KIND_PNG, 0, NULL,
    N_("A PNG image of your company’s logo, for invoices and orders") },
};

/* helpers */

/* The absolute path of @value when it names a PNG image cairo can
 * read, else NULL with @error. */
static char *
check_png (const char  *value,
           GError     **error)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *path = g_canonicalize_filename (value, NULL);
  g_autofree char *display = g_filename_display_name (path);
  guchar head[sizeof signature];
  cairo_surface_t *image;
  cairo_status_t status;
  gsize n_read;
  FILE *file;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int errsv = errno;

      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("Cannot read the logo “%s”: %s. Give the path of a PNG image."),
                   display, g_strerror (errsv));
      return NULL;
    }
  n_read = fread (head, 1, sizeof head, file);
  fclose (file);
  if (n_read != sizeof head || memcmp (head, signature, sizeof signature) != 0)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("“%s” is not a PNG image. Give the path of a PNG image for the logo."),
                   display);
      return NULL;
    }

  image = cairo_image_surface_create_from_png (path);
  status = cairo_surface_status (image);
  if (status == CAIRO_STATUS_SUCCESS &&
      (cairo_image_surface_get_width (image) == 0 || cairo_image_surface_get_height (image) == 0))
    status = CAIRO_STATUS_INVALID_SIZE;
  cairo_surface_destroy (image);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("The PNG image “%s” cannot be read (%s). Give the path of another PNG image."),
                   display, cairo_status_to_string (status));
      return NULL;
    }

  return g_steal_pointer (&path);
}

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

    case KIND_PNG:
      return check_png (value, error);

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
  if (kind == LB_REF_TAX_RATE)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("A tax rate needs its percentage as well as its name."));
      return 0;
    }

  return lb_store_add_ref (store, kind, name, error);
}

/* tax rates */

static gboolean
check_rate (gint64   rate,
            GError **error)
{
  if (rate < 0)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("A tax rate cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

/**
 * lb_tax_rate_add:
 * @rate: the percentage in basis points (20 % is 2000)
 *
 * Adds a named tax rate at the end of the list.  Two names may share a
 * percentage ("Zero-rated", "Exempt"); a name is unique ignoring case.
 *
 * Returns: the new entry's id, 0 on error
 */
gint64
lb_tax_rate_add (LbStore     *store,
                 const char  *name,
                 gint64       rate,
                 GError     **error)
{
  g_return_val_if_fail (LB_IS_STORE (store), 0);

  if (!check_rate (rate, error))
    return 0;

  return lb_store_add_ref_with_rate (store, LB_REF_TAX_RATE, name, rate, error);
}

/**
 * lb_tax_rate_set_rate:
 * @rate: the new percentage in basis points
 * @update_products: also give the products whose default tax rate is
 *   the old percentage the new one
 * @n_products: (out) (optional): how many products changed
 *
 * Changes the percentage of a named tax rate, in one transaction.
 * Products and document lines store a percentage, not the name, so
 * documents already written never change; products follow only when
 * asked.
 */
gboolean
lb_tax_rate_set_rate (LbStore     *store,
                      LbRefItem   *item,
                      gint64       rate,
                      gboolean     update_products,
                      gint64      *n_products,
                      GError     **error)
{
  g_return_val_if_fail (LB_IS_REF_ITEM (item), FALSE);

  return lb_tax_rate_edit (store, item, lb_ref_item_get_name (item), rate, update_products,
                           n_products, error);
}

/**
 * lb_tax_rate_edit:
 * @name: the name to give it (its own name keeps it)
 * @rate: the percentage to give it, in basis points
 * @update_products: as for lb_tax_rate_set_rate()
 * @n_products: (out) (optional): how many products changed
 *
 * Renames a tax rate and changes its percentage in one transaction:
 * when either is refused, nothing changes.
 */
gboolean
lb_tax_rate_edit (LbStore     *store,
                  LbRefItem   *item,
                  const char  *name,
                  gint64       rate,
                  gboolean     update_products,
                  gint64      *n_products,
                  GError     **error)
{
  gint64 old_rate;
  gint64 changed = 0;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (LB_IS_REF_ITEM (item), FALSE);

  if (n_products != NULL)
    *n_products = 0;
  if (lb_ref_item_get_kind (item) != LB_REF_TAX_RATE)
    {
      g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                   _("Only a tax rate has a percentage."));
      return FALSE;
    }
  if (!check_rate (rate, error))
    return FALSE;
  old_rate = lb_ref_item_get_rate (item);

  if (!lb_store_begin (store, error))
    return FALSE;

  if ((g_strcmp0 (name, lb_ref_item_get_name (item)) != 0 &&
       !lb_ref_rename (store, item, name, error)) ||
      !lb_store_set_ref_rate (store, lb_ref_item_get_id (item), rate, error) ||
      (update_products && old_rate != rate &&
       !lb_store_move_products_rate (store, old_rate, rate, lb_store_now (store), &changed, error)))
    {
      lb_store_rollback (store);
      return FALSE;
    }

  if (!lb_store_commit (store, error))
    return FALSE;

  if (n_products != NULL)
    *n_products = changed;
  return TRUE;
}

/**
 * lb_tax_rate_parse:
 * @rate: (out): the percentage in basis points
 *
 * Reads a tax rate as typed in the CLI: a percentage ("20", "12.5") or
 * the name of an entry of the list of tax rates ("Standard"), ignoring
 * case.
 */
gboolean
lb_tax_rate_parse (LbStore     *store,
                   const char  *text,
                   gint64      *rate,
                   GError     **error)
{
  g_autoptr(GError) percent_error = NULL;
  g_autoptr(LbRefItem) item = NULL;
  const char *start = text;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (rate != NULL, FALSE);

  if (lb_percent_parse (text, rate, &percent_error))
    return TRUE;

  /* Something that starts like a number is a mistyped percentage. */
  while (start != NULL && g_ascii_isspace (*start))
    start++;
  if (start != NULL && (g_ascii_isdigit (*start) || *start == '-' || *start == '.' || *start == '+'))
    {
      g_propagate_error (error, g_steal_pointer (&percent_error));
      return FALSE;
    }

  item = lb_store_find_ref (store, LB_REF_TAX_RATE, text);
  if (item == NULL)
    {
      g_autoptr(GListModel) items = lb_store_list_refs (store, LB_REF_TAX_RATE, NULL);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(LbRefItem) entry = g_list_model_get_item (items, i);
          g_autofree char *percent = lb_percent_format (lb_ref_item_get_rate (entry));

          /* Translators: a tax rate in a list: "Standard (20 %)" */
          g_string_append_printf (names, _("%s%s (%s %%)"), i > 0 ? ", " : "",
                                  lb_ref_item_get_name (entry), percent);
        }
      if (names->len > 0)
        g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                     _("“%s” is neither a percentage nor a tax rate of the list. "
                       "Give a number such as 12.5, or one of: %s."),
                     text != NULL ? text : "", names->str);
      else
        g_set_error (error, LB_INPUT_ERROR, LB_INPUT_ERROR_INVALID,
                     _("“%s” is not a percentage, and there are no named tax rates. "
                       "Give a number such as 12.5."),
                     text != NULL ? text : "");
      return FALSE;
    }

  *rate = lb_ref_item_get_rate (item);
  return TRUE;
}

/**
 * lb_tax_rate_name_for:
 *
 * Returns: (transfer full) (nullable): the name of the first tax rate of
 *   the list with @rate as its percentage, or %NULL
 */
char *
lb_tax_rate_name_for (LbStore *store,
                      gint64   rate)
{
  g_autoptr(GListModel) items = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  items = lb_store_list_refs (store, LB_REF_TAX_RATE, NULL);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (items, i);

      if (lb_ref_item_get_rate (item) == rate)
        return g_strdup (lb_ref_item_get_name (item));
    }

  return NULL;
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
