#define G_LOG_DOMAIN "lb-record"

#include "config.h"

#include "lb-record.h"

typedef struct
{
  char   **text;
  gint64  *ints;
} LbRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LbRecord, lb_record, G_TYPE_OBJECT)

/* helpers */

/* The field tables belong to the concrete class, which the base's
 * instance init does not see yet; so they are made on first use. */
static LbRecordPrivate *
get_fields (LbRecord *self)
{
  LbRecordPrivate *priv = lb_record_get_instance_private (self);
  LbRecordClass *klass = LB_RECORD_GET_CLASS (self);

  if (priv->text == NULL)
    {
      priv->text = g_new0 (char *, klass->n_text + 1);
      priv->ints = g_new0 (gint64, klass->n_int + 1);
    }

  return priv;
}

/* GObject overrides */

static void
lb_record_finalize (GObject *object)
{
  LbRecord *self = (LbRecord *)object;
  LbRecordPrivate *priv = lb_record_get_instance_private (self);

  /* Empty fields are NULL, so the array is not a NULL-terminated strv. */
  if (priv->text != NULL)
    for (guint i = 0; i < LB_RECORD_GET_CLASS (self)->n_text; i++)
      g_free (priv->text[i]);
  g_clear_pointer (&priv->text, g_free);
  g_clear_pointer (&priv->ints, g_free);

  G_OBJECT_CLASS (lb_record_parent_class)->finalize (object);
}

static void
lb_record_class_init (LbRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lb_record_finalize;
}

static void
lb_record_init (LbRecord *self)
{
}

/* class API */

/**
 * lb_record_class_install_fields:
 *
 * Installs one property per field on @klass with ids 1 … n_text (the
 * text fields) and n_text + 1 … n_text + n_int (the integers).  The
 * subclass's own properties start at lb_record_class_n_props() + 1, and
 * its get/set_property hand the field ids to
 * lb_record_get/set_field_property().
 */
void
lb_record_class_install_fields (LbRecordClass      *klass,
                                const char * const *text_names,
                                guint               n_text,
                                const char * const *int_names,
                                guint               n_int)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  klass->text_names = text_names;
  klass->n_text = n_text;
  klass->int_names = int_names;
  klass->n_int = n_int;
  klass->pspecs = g_new0 (GParamSpec *, n_text + n_int + 1);

  for (guint i = 0; i < n_text; i++)
    {
      klass->pspecs[i] = g_param_spec_string (text_names[i], NULL, NULL, NULL, rw);
      g_object_class_install_property (object_class, i + 1, klass->pspecs[i]);
    }
  for (guint i = 0; i < n_int; i++)
    {
      klass->pspecs[n_text + i] =
        g_param_spec_int64 (int_names[i], NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
      g_object_class_install_property (object_class, n_text + i + 1, klass->pspecs[n_text + i]);
    }
}

guint
lb_record_class_n_props (LbRecordClass *klass)
{
  return klass->n_text + klass->n_int;
}

gboolean
lb_record_get_field_property (GObject *object,
                              guint    prop_id,
                              GValue  *value)
{
  LbRecord *self = LB_RECORD (object);
  LbRecordClass *klass = LB_RECORD_GET_CLASS (self);

  if (prop_id >= 1 && prop_id <= klass->n_text)
    g_value_set_string (value, lb_record_get_text (self, prop_id - 1));
  else if (prop_id > klass->n_text && prop_id <= klass->n_text + klass->n_int)
    g_value_set_int64 (value, lb_record_get_int (self, prop_id - 1 - klass->n_text));
  else
    return FALSE;

  return TRUE;
}

gboolean
lb_record_set_field_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value)
{
  LbRecord *self = LB_RECORD (object);
  LbRecordClass *klass = LB_RECORD_GET_CLASS (self);

  if (prop_id >= 1 && prop_id <= klass->n_text)
    lb_record_set_text (self, prop_id - 1, g_value_get_string (value));
  else if (prop_id > klass->n_text && prop_id <= klass->n_text + klass->n_int)
    lb_record_set_int (self, prop_id - 1 - klass->n_text, g_value_get_int64 (value));
  else
    return FALSE;

  return TRUE;
}

/* public API */

/**
 * lb_record_get_text:
 *
 * Returns: (nullable): the field's text, %NULL when empty
 */
const char *
lb_record_get_text (LbRecord *self,
                    guint     field)
{
  g_return_val_if_fail (LB_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < LB_RECORD_GET_CLASS (self)->n_text, NULL);

  return get_fields (self)->text[field];
}

void
lb_record_set_text (LbRecord   *self,
                    guint       field,
                    const char *value)
{
  LbRecordPrivate *priv;

  g_return_if_fail (LB_IS_RECORD (self));
  g_return_if_fail (field < LB_RECORD_GET_CLASS (self)->n_text);

  priv = get_fields (self);
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (priv->text[field], value) == 0)
    return;

  g_free (priv->text[field]);
  priv->text[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), LB_RECORD_GET_CLASS (self)->pspecs[field]);
}

gint64
lb_record_get_int (LbRecord *self,
                   guint     field)
{
  g_return_val_if_fail (LB_IS_RECORD (self), 0);
  g_return_val_if_fail (field < LB_RECORD_GET_CLASS (self)->n_int, 0);

  return get_fields (self)->ints[field];
}

void
lb_record_set_int (LbRecord *self,
                   guint     field,
                   gint64    value)
{
  LbRecordClass *klass;
  LbRecordPrivate *priv;

  g_return_if_fail (LB_IS_RECORD (self));
  klass = LB_RECORD_GET_CLASS (self);
  g_return_if_fail (field < klass->n_int);

  priv = get_fields (self);
  if (priv->ints[field] == value)
    return;

  priv->ints[field] = value;
  g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[klass->n_text + field]);
}

/* Copies every field of @src (of the same type) into @dest. */
void
lb_record_copy_fields (LbRecord *dest,
                       LbRecord *src)
{
  LbRecordClass *klass;

  g_return_if_fail (LB_IS_RECORD (dest));
  g_return_if_fail (G_OBJECT_TYPE (dest) == G_OBJECT_TYPE (src));

  klass = LB_RECORD_GET_CLASS (src);
  g_object_freeze_notify (G_OBJECT (dest));
  for (guint i = 0; i < klass->n_text; i++)
    lb_record_set_text (dest, i, lb_record_get_text (src, i));
  for (guint i = 0; i < klass->n_int; i++)
    lb_record_set_int (dest, i, lb_record_get_int (src, i));
  g_object_thaw_notify (G_OBJECT (dest));
}

const char *
lb_record_text_name (LbRecord *self,
                     guint     field)
{
  g_return_val_if_fail (LB_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < LB_RECORD_GET_CLASS (self)->n_text, NULL);

  return LB_RECORD_GET_CLASS (self)->text_names[field];
}
