#define G_LOG_DOMAIN "lb-ref-item"

#include "config.h"

#include "lb-enum-types.h"
#include "lb-ref-item.h"

struct _LbRefItem
{
  GObject    parent_instance;

  gint64     id;
  LbRefKind  kind;
  char      *name;
  int        position;
  gint64     rate;
};

G_DEFINE_FINAL_TYPE (LbRefItem, lb_ref_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_POSITION,
  PROP_RATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* GObject overrides */

static void
lb_ref_item_finalize (GObject *object)
{
  LbRefItem *self = (LbRefItem *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (lb_ref_item_parent_class)->finalize (object);
}

static void
lb_ref_item_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LbRefItem *self = LB_REF_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_RATE:
      g_value_set_int64 (value, self->rate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_ref_item_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LbRefItem *self = LB_REF_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_POSITION:
      self->position = g_value_get_int (value);
      break;

    case PROP_RATE:
      self->rate = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_ref_item_class_init (LbRefItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lb_ref_item_finalize;
  object_class->get_property = lb_ref_item_get_property;
  object_class->set_property = lb_ref_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LB_TYPE_REF_KIND, LB_REF_SOURCE, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  /* A tax rate's percentage in basis points; -1 for the other lists. */
  properties[PROP_RATE] =
    g_param_spec_int64 ("rate", NULL, NULL, -1, G_MAXINT64, -1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lb_ref_item_init (LbRefItem *self)
{
  self->rate = -1;
}

/* public API */

LbRefItem *
lb_ref_item_new (gint64      id,
                 LbRefKind   kind,
                 const char *name,
                 int         position)
{
  return g_object_new (LB_TYPE_REF_ITEM,
                       "id", id,
                       "kind", kind,
                       "name", name,
                       "position", position,
                       NULL);
}

/**
 * lb_ref_item_new_tax_rate:
 * @rate: the percentage in basis points (20 % is 2000)
 *
 * Returns: (transfer full): an entry of the list of tax rates
 */
LbRefItem *
lb_ref_item_new_tax_rate (gint64      id,
                          const char *name,
                          int         position,
                          gint64      rate)
{
  return g_object_new (LB_TYPE_REF_ITEM,
                       "id", id,
                       "kind", LB_REF_TAX_RATE,
                       "name", name,
                       "position", position,
                       "rate", rate,
                       NULL);
}

gint64
lb_ref_item_get_id (LbRefItem *self)
{
  g_return_val_if_fail (LB_IS_REF_ITEM (self), 0);
  return self->id;
}

LbRefKind
lb_ref_item_get_kind (LbRefItem *self)
{
  g_return_val_if_fail (LB_IS_REF_ITEM (self), 0);
  return self->kind;
}

const char *
lb_ref_item_get_name (LbRefItem *self)
{
  g_return_val_if_fail (LB_IS_REF_ITEM (self), NULL);
  return self->name;
}

int
lb_ref_item_get_position (LbRefItem *self)
{
  g_return_val_if_fail (LB_IS_REF_ITEM (self), 0);
  return self->position;
}

/**
 * lb_ref_item_get_rate:
 *
 * Returns: a tax rate's percentage in basis points, -1 for an entry of
 *   another list
 */
gint64
lb_ref_item_get_rate (LbRefItem *self)
{
  g_return_val_if_fail (LB_IS_REF_ITEM (self), -1);

  return self->rate;
}
