#define G_LOG_DOMAIN "lb-documents-page"

#include "config.h"

#include "lb-documents-page.h"
#include "lb-enum-types.h"

struct _LbDocumentsPage
{
  LbPage    parent_instance;

  LbDocKind kind;
};

G_DEFINE_FINAL_TYPE (LbDocumentsPage, lb_documents_page, LB_TYPE_PAGE)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
lb_documents_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_documents_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LbDocumentsPage *self = LB_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_documents_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_DOCUMENTS_PAGE);

  G_OBJECT_CLASS (lb_documents_page_parent_class)->dispose (object);
}

static void
lb_documents_page_class_init (LbDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_documents_page_dispose;
  object_class->get_property = lb_documents_page_get_property;
  object_class->set_property = lb_documents_page_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LB_TYPE_DOC_KIND, LB_DOC_INVOICE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/documents/lb-documents-page.ui");
}

static void
lb_documents_page_init (LbDocumentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
