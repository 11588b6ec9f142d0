#define G_LOG_DOMAIN "lb-empty-page"

#include "config.h"

#include "lb-empty-page.h"

struct _LbEmptyPage
{
  LbPage  parent_instance;

  char   *title;
  char   *icon_name;
  char   *description;
};

G_DEFINE_FINAL_TYPE (LbEmptyPage, lb_empty_page, LB_TYPE_PAGE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* helpers */

static void
set_string (LbEmptyPage  *self,
            char        **field,
            const char   *value,
            guint         prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* GObject overrides */

static void
lb_empty_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_EMPTY_PAGE);

  G_OBJECT_CLASS (lb_empty_page_parent_class)->dispose (object);
}

static void
lb_empty_page_finalize (GObject *object)
{
  LbEmptyPage *self = (LbEmptyPage *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (lb_empty_page_parent_class)->finalize (object);
}

static void
lb_empty_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LbEmptyPage *self = LB_EMPTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_empty_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LbEmptyPage *self = LB_EMPTY_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_string (self, &self->title, g_value_get_string (value), prop_id);
      break;

    case PROP_ICON_NAME:
      set_string (self, &self->icon_name, g_value_get_string (value), prop_id);
      break;

    case PROP_DESCRIPTION:
      set_string (self, &self->description, g_value_get_string (value), prop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_empty_page_class_init (LbEmptyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_empty_page_dispose;
  object_class->finalize = lb_empty_page_finalize;
  object_class->get_property = lb_empty_page_get_property;
  object_class->set_property = lb_empty_page_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/lb-empty-page.ui");
}

static void
lb_empty_page_init (LbEmptyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* public API */

const char *
lb_empty_page_get_title (LbEmptyPage *self)
{
  g_return_val_if_fail (LB_IS_EMPTY_PAGE (self), NULL);
  return self->title;
}

const char *
lb_empty_page_get_description (LbEmptyPage *self)
{
  g_return_val_if_fail (LB_IS_EMPTY_PAGE (self), NULL);
  return self->description;
}
