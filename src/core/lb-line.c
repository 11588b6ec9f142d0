#define G_LOG_DOMAIN "lb-line"

#include "config.h"

#include "lb-line.h"

struct _LbLine
{
  LbRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (LbLine, lb_line, LB_TYPE_RECORD)

static const char * const text_names[] = { "description", "product-sku" };
static const char * const int_names[] = { "id", "document-id", "position", "product-id", "quantity", "unit-price", "discount-kind", "discount", "tax-kind", "tax", "net", "line-tax" };

G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == LB_LINE_N_TEXT);
G_STATIC_ASSERT (G_N_ELEMENTS (int_names) == LB_LINE_N_INT);

/* GObject overrides */

static void
lb_line_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (!lb_record_get_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_line_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  if (!lb_record_set_field_property (object, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lb_line_class_init (LbLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lb_line_get_property;
  object_class->set_property = lb_line_set_property;

  lb_record_class_install_fields (LB_RECORD_CLASS (klass),
                                  text_names, G_N_ELEMENTS (text_names),
                                  int_names, G_N_ELEMENTS (int_names));
}

static void
lb_line_init (LbLine *self)
{
}

/* public API */

LbLine *
lb_line_new (void)
{
  return g_object_new (LB_TYPE_LINE, NULL);
}

LbLine *
lb_line_copy (LbLine *self)
{
  LbLine *copy;

  g_return_val_if_fail (LB_IS_LINE (self), NULL);

  copy = lb_line_new ();
  lb_record_copy_fields (LB_RECORD (copy), LB_RECORD (self));

  return copy;
}

gint64
lb_line_get_id (LbLine *self)
{
  return lb_record_get_int (LB_RECORD (self), LB_LINE_ID);
}
