#define G_LOG_DOMAIN "lb-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-date-button.h"
#include "lb-validate.h"

struct _LbDateButton
{
  GtkWidget      parent_instance;

  char          *label;
  char          *date;      /* YYYY-MM-DD, or NULL */

  /* template children */
  GtkMenuButton *menu_button;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (LbDateButton, lb_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* helpers */

static void
update_button (LbDateButton *self)
{
  g_autofree char *text = NULL;

  if (self->date != NULL)
    /* Translators: a date filter's button, e.g. "Created From 2026-01-31" */
    text = g_strdup_printf (C_("date button", "%s %s"), self->label ? self->label : "", self->date);
  else
    text = g_strdup (self->label ? self->label : "");

  gtk_menu_button_set_label (self->menu_button, text);
}

/* callbacks */

static void
popover_show_cb (LbDateButton *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (lb_date_button_get_gdate (self, &date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 12, 0, 0);
  else
    when = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->calendar, when);
}

static void
select_clicked_cb (LbDateButton *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");

  lb_date_button_set_date (self, text);
  gtk_menu_button_popdown (self->menu_button);
}

static void
clear_clicked_cb (LbDateButton *self)
{
  lb_date_button_set_date (self, NULL);
  gtk_menu_button_popdown (self->menu_button);
}

/* GObject overrides */

static void
lb_date_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_DATE_BUTTON);

  G_OBJECT_CLASS (lb_date_button_parent_class)->dispose (object);
}

static void
lb_date_button_finalize (GObject *object)
{
  LbDateButton *self = (LbDateButton *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (lb_date_button_parent_class)->finalize (object);
}

static void
lb_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LbDateButton *self = LB_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LbDateButton *self = LB_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      if (g_strcmp0 (self->label, g_value_get_string (value)) != 0)
        {
          g_free (self->label);
          self->label = g_value_dup_string (value);
          update_button (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_DATE:
      lb_date_button_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_date_button_class_init (LbDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_date_button_dispose;
  object_class->finalize = lb_date_button_finalize;
  object_class->get_property = lb_date_button_get_property;
  object_class->set_property = lb_date_button_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LbDateButton:date:
   *
   * The chosen date as YYYY-MM-DD, or %NULL for none.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/leads/lb-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LbDateButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LbDateButton, calendar);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
lb_date_button_init (LbDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_button (self);
}

/* public API */

const char *
lb_date_button_get_date (LbDateButton *self)
{
  g_return_val_if_fail (LB_IS_DATE_BUTTON (self), NULL);
  return self->date;
}

/* Sets the date (YYYY-MM-DD) or, with %NULL or "", clears it.  Text
 * that is not a date is refused with a warning. */
void
lb_date_button_set_date (LbDateButton *self,
                         const char   *date)
{
  GDate parsed;

  g_return_if_fail (LB_IS_DATE_BUTTON (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (date != NULL && !lb_parse_date (date, &parsed, NULL))
    {
      g_warning ("“%s” is not a date (YYYY-MM-DD)", date);
      return;
    }
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/* Fills @date and returns %TRUE when a date is set. */
gboolean
lb_date_button_get_gdate (LbDateButton *self,
                          GDate        *date)
{
  g_return_val_if_fail (LB_IS_DATE_BUTTON (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (self->date == NULL)
    return FALSE;

  return lb_parse_date (self->date, date, NULL);
}
