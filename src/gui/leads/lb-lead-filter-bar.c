#define G_LOG_DOMAIN "lb-lead-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "lb-date-button.h"
#include "lb-lead-filter-bar.h"
#include "lb-validate.h"

/* The rating drop-down lists the hottest first. */
static const LbRating rating_order[] = { LB_RATING_HOT, LB_RATING_WARM, LB_RATING_COLD };

struct _LbLeadFilterBar
{
  GtkWidget     parent_instance;

  LbStore      *store;
  guint         updating;   /* > 0 while the bar changes itself */

  /* template children */
  GtkFlowBox   *flow_box;
  GtkDropDown  *status_dropdown;
  GtkDropDown  *source_dropdown;
  GtkDropDown  *category_dropdown;
  GtkDropDown  *tag_dropdown;
  GtkDropDown  *rating_dropdown;
  LbDateButton *since_button;
  LbDateButton *until_button;
};

G_DEFINE_FINAL_TYPE (LbLeadFilterBar, lb_lead_filter_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* helpers */

static void
emit_changed (LbLeadFilterBar *self)
{
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* The name chosen in a drop-down whose first entry is "Any …", or NULL. */
static const char *
selected_name (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkStringObject *item;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  item = gtk_drop_down_get_selected_item (dropdown);
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
set_names (GtkDropDown *dropdown,
           const char  *any,
           GListModel  *refs)
{
  g_autofree char *keep = g_strdup (selected_name (dropdown));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  guint n = refs != NULL ? g_list_model_get_n_items (refs) : 0;

  gtk_string_list_append (names, any);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (refs, i);
      const char *name = lb_ref_item_get_name (item);

      gtk_string_list_append (names, name);
      if (keep != NULL && g_utf8_collate (name, keep) == 0)
        selected = i + 1;
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
load_refs (LbLeadFilterBar *self,
           GtkDropDown     *dropdown,
           LbRefKind        kind,
           const char      *any)
{
  g_autoptr(GListModel) refs = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    {
      refs = lb_store_list_refs (self->store, kind, &error);
      if (refs == NULL)
        g_warning ("Cannot read the %s list: %s", lb_ref_kind_to_label (kind), error->message);
    }

  set_names (dropdown, any, refs);
}

static void
fill_fixed_lists (LbLeadFilterBar *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ratings = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("Any Status"));
  for (LbLeadStatus s = LB_LEAD_STATUS_NEW; s <= LB_LEAD_STATUS_CONVERTED; s++)
    gtk_string_list_append (statuses, lb_lead_status_to_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  gtk_string_list_append (ratings, _("Any Rating"));
  for (guint i = 0; i < G_N_ELEMENTS (rating_order); i++)
    gtk_string_list_append (ratings, lb_rating_to_label (rating_order[i]));
  gtk_drop_down_set_model (self->rating_dropdown, G_LIST_MODEL (ratings));
}

/* The flow box only lays the filters out; its children are not
 * selectable and need no focus of their own. */
static void
make_children_plain (LbLeadFilterBar *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* callbacks */

static void
filter_changed_cb (LbLeadFilterBar *self)
{
  emit_changed (self);
}

/* GObject overrides */

static void
lb_lead_filter_bar_dispose (GObject *object)
{
  LbLeadFilterBar *self = (LbLeadFilterBar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LB_TYPE_LEAD_FILTER_BAR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_lead_filter_bar_parent_class)->dispose (object);
}

/* class_init / init */

static void
lb_lead_filter_bar_class_init (LbLeadFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lb_lead_filter_bar_dispose;

  /**
   * LbLeadFilterBar::changed:
   *
   * The user changed a filter.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LB_TYPE_DATE_BUTTON);

  gtk_widget_class_set_css_name (widget_class, "leadfilterbar");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/leads/lb-lead-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LbLeadFilterBar, flow_box);
  gtk_widget_class_bind_template_child (widget_class, LbLeadFilterBar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbLeadFilterBar, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbLeadFilterBar, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbLeadFilterBar, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbLeadFilterBar, rating_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LbLeadFilterBar, since_button);
  gtk_widget_class_bind_template_child (widget_class, LbLeadFilterBar, until_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
lb_lead_filter_bar_init (LbLeadFilterBar *self)
{
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_fixed_lists (self);
  lb_lead_filter_bar_reload_refs (self);
  make_children_plain (self);
  self->updating--;
}

/* public API */

void
lb_lead_filter_bar_set_store (LbLeadFilterBar *self,
                              LbStore         *store)
{
  g_return_if_fail (LB_IS_LEAD_FILTER_BAR (self));
  g_return_if_fail (store == NULL || LB_IS_STORE (store));

  if (g_set_object (&self->store, store))
    lb_lead_filter_bar_reload_refs (self);
}

/* Reads the sources, categories and tags again, keeping what is chosen
 * when it still exists; emits ::changed when a chosen entry is gone. */
void
lb_lead_filter_bar_reload_refs (LbLeadFilterBar *self)
{
  g_autofree char *source = NULL;
  g_autofree char *category = NULL;
  g_autofree char *tag = NULL;
  gboolean lost;

  g_return_if_fail (LB_IS_LEAD_FILTER_BAR (self));

  source = g_strdup (selected_name (self->source_dropdown));
  category = g_strdup (selected_name (self->category_dropdown));
  tag = g_strdup (selected_name (self->tag_dropdown));

  self->updating++;
  load_refs (self, self->source_dropdown, LB_REF_SOURCE, _("Any Source"));
  load_refs (self, self->category_dropdown, LB_REF_CATEGORY, _("Any Category"));
  load_refs (self, self->tag_dropdown, LB_REF_TAG, _("Any Tag"));
  self->updating--;

  lost = g_strcmp0 (source, selected_name (self->source_dropdown)) != 0 ||
         g_strcmp0 (category, selected_name (self->category_dropdown)) != 0 ||
         g_strcmp0 (tag, selected_name (self->tag_dropdown)) != 0;
  if (lost)
    emit_changed (self);
}

/* Writes the chosen filters into @filter; leaves its search, sort and
 * trash alone. */
void
lb_lead_filter_bar_apply (LbLeadFilterBar *self,
                          LbLeadFilter    *filter)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint rating = gtk_drop_down_get_selected (self->rating_dropdown);
  const char *tag = selected_name (self->tag_dropdown);
  GDate date;

  g_return_if_fail (LB_IS_LEAD_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  filter->status = status > 0 && status != GTK_INVALID_LIST_POSITION
                   ? (int)(LB_LEAD_STATUS_NEW + status - 1) : -1;
  filter->rating = rating > 0 && rating <= G_N_ELEMENTS (rating_order)
                   ? (int)rating_order[rating - 1] : -1;

  g_free (filter->source);
  filter->source = g_strdup (selected_name (self->source_dropdown));
  g_free (filter->category);
  filter->category = g_strdup (selected_name (self->category_dropdown));
  g_strfreev (filter->tags);
  filter->tags = NULL;
  if (tag != NULL)
    {
      filter->tags = g_new0 (char *, 2);
      filter->tags[0] = g_strdup (tag);
    }

  filter->since = lb_date_button_get_gdate (self->since_button, &date)
                  ? lb_date_to_unix_start (&date) : 0;
  filter->until = 0;
  if (lb_date_button_get_gdate (self->until_button, &date))
    {
      /* "To" includes its whole day: created before the next one. */
      g_date_add_days (&date, 1);
      filter->until = lb_date_to_unix_start (&date);
    }
}

gboolean
lb_lead_filter_bar_is_active (LbLeadFilterBar *self)
{
  g_autoptr(LbLeadFilter) filter = lb_lead_filter_new ();

  g_return_val_if_fail (LB_IS_LEAD_FILTER_BAR (self), FALSE);

  lb_lead_filter_bar_apply (self, filter);

  return filter->status >= 0 || filter->rating >= 0 || filter->source != NULL ||
         filter->category != NULL || filter->tags != NULL || filter->since != 0 ||
         filter->until != 0;
}

/* Resets every filter to "Any", with one ::changed when any was set. */
void
lb_lead_filter_bar_clear (LbLeadFilterBar *self)
{
  gboolean was_active;

  g_return_if_fail (LB_IS_LEAD_FILTER_BAR (self));

  was_active = lb_lead_filter_bar_is_active (self);

  self->updating++;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->source_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_drop_down_set_selected (self->rating_dropdown, 0);
  lb_date_button_set_date (self->since_button, NULL);
  lb_date_button_set_date (self->until_button, NULL);
  self->updating--;

  if (was_active)
    emit_changed (self);
}
