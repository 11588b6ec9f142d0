#define G_LOG_DOMAIN "lb-page"

#include "config.h"

#include "lb-page.h"

typedef struct
{
  LbStore  *store;
  gboolean  folded;
} LbPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LbPage, lb_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FOLDED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* GObject overrides */

static void
lb_page_dispose (GObject *object)
{
  LbPage *self = (LbPage *)object;
  LbPagePrivate *priv = lb_page_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (lb_page_parent_class)->dispose (object);
}

static void
lb_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LbPage *self = LB_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, lb_page_get_store (self));
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, lb_page_get_folded (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LbPage *self = LB_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lb_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_FOLDED:
      lb_page_set_folded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_page_class_init (LbPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_page_dispose;
  object_class->get_property = lb_page_get_property;
  object_class->set_property = lb_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LbPage:folded:
   *
   * Whether the window shows only one pane; the page's header bar then
   * offers a way back to the sidebar.
   */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbPage::changed:
   *
   * The page created, changed or deleted records; other pages showing
   * them should reload.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
lb_page_init (LbPage *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
}

/* public API */

LbStore *
lb_page_get_store (LbPage *self)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_return_val_if_fail (LB_IS_PAGE (self), NULL);

  return priv->store;
}

void
lb_page_set_store (LbPage  *self,
                   LbStore *store)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_return_if_fail (LB_IS_PAGE (self));
  g_return_if_fail (store == NULL || LB_IS_STORE (store));

  if (!g_set_object (&priv->store, store))
    return;

  if (LB_PAGE_GET_CLASS (self)->store_changed != NULL)
    LB_PAGE_GET_CLASS (self)->store_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gboolean
lb_page_get_folded (LbPage *self)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_return_val_if_fail (LB_IS_PAGE (self), FALSE);

  return priv->folded;
}

void
lb_page_set_folded (LbPage   *self,
                    gboolean  folded)
{
  LbPagePrivate *priv = lb_page_get_instance_private (self);

  g_return_if_fail (LB_IS_PAGE (self));

  folded = !!folded;
  if (priv->folded == folded)
    return;

  priv->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

/* Reads the page's records again, e.g. after another page changed them. */
void
lb_page_reload (LbPage *self)
{
  g_return_if_fail (LB_IS_PAGE (self));

  if (LB_PAGE_GET_CLASS (self)->reload != NULL)
    LB_PAGE_GET_CLASS (self)->reload (self);
}

/* The reference lists (sources, categories, tags, …) changed. */
void
lb_page_refs_changed (LbPage *self)
{
  g_return_if_fail (LB_IS_PAGE (self));

  if (LB_PAGE_GET_CLASS (self)->refs_changed != NULL)
    LB_PAGE_GET_CLASS (self)->refs_changed (self);
}

/* Emits LbPage::changed. */
void
lb_page_changed (LbPage *self)
{
  g_return_if_fail (LB_IS_PAGE (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Shows @toast (transfer full) in the window's toast overlay. */
void
lb_page_add_toast (LbPage   *self,
                   AdwToast *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay;

  g_return_if_fail (LB_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

/* Shows @message, e.g. the reason an action was refused, as a toast. */
void
lb_page_show_message (LbPage     *self,
                      const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (LB_IS_PAGE (self));
  g_return_if_fail (message != NULL);

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 10 /* seconds: long enough to read a reason */);
  lb_page_add_toast (self, toast);
}
