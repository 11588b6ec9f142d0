#define G_LOG_DOMAIN "lb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "lb-crm-actions.h"
#include "lb-error.h"
#include "lb-money.h"
#include "lb-preferences-window.h"
#include "lb-settings.h"

/* The reference lists, the named tax rates, the deal pipelines and the
 * settings.  Every change goes through lb_ref_add/rename/remove, the
 * lb_tax_rate_*, lb_pipeline_* and lb_stage_* actions or
 * lb_settings_set, which check it; a refusal is shown as a toast and the
 * widget goes back to what is stored.  The tax rate editor is a dialog
 * that shows a refusal under its rows and stays open.  The company's
 * logo is a PNG file chosen in a native file chooser; the setting holds
 * its path. */

/* The lists shown, in order, with the caption of an entry's row and the
 * title of the row that adds to the list. */
static const struct {
  LbRefKind   kind;
  const char *item_title;
  const char *add_title;
} list_kinds[] = {
  { LB_REF_SOURCE, N_("Source"), N_("Add Source") },
  { LB_REF_CATEGORY, N_("Category"), N_("Add Category") },
  { LB_REF_TAG, N_("Tag"), N_("Add Tag") },
  { LB_REF_CAMPAIGN, N_("Campaign"), N_("Add Campaign") },
  { LB_REF_SELLING_DIRECTION, N_("Selling Direction"), N_("Add Selling Direction") },
  { LB_REF_DISTRIBUTION_CHANNEL, N_("Channel"), N_("Add Channel") },
  { LB_REF_ORDER_TYPE, N_("Order Type"), N_("Add Order Type") },
  { LB_REF_INVOICE_TYPE, N_("Invoice Type"), N_("Add Invoice Type") },
};

/* The settings typed into an entry row, and the template child of each. */
static const struct {
  const char *key;
  const char *child;
} entry_settings[] = {
  { LB_SETTING_CURRENCY, "currency_row" },
  { LB_SETTING_INVOICE_PATTERN, "invoice_pattern_row" },
  { LB_SETTING_ORDER_PATTERN, "order_pattern_row" },
  { LB_SETTING_COMPANY_NAME, "company_name_row" },
  { LB_SETTING_COMPANY_ADDRESS, "company_address_row" },
  { LB_SETTING_COMPANY_TAX_ID, "company_tax_id_row" },
  { LB_SETTING_COMPANY_BANK, "company_bank_row" },
  { LB_SETTING_COMPANY_EMAIL, "company_email_row" },
  { LB_SETTING_COMPANY_PHONE, "company_phone_row" },
};

/* The settings that name an entry of a list, chosen in a combo row
 * whose first choice, None, unsets them. */
static const struct {
  const char *key;
  LbRefKind   kind;
  const char *child;
} combo_settings[] = {
  { LB_SETTING_DEFAULT_CATEGORY, LB_REF_CATEGORY, "default_category_row" },
  { LB_SETTING_ORDER_TYPE, LB_REF_ORDER_TYPE, "order_type_row" },
  { LB_SETTING_INVOICE_TYPE, LB_REF_INVOICE_TYPE, "invoice_type_row" },
};

#define N_LISTS           G_N_ELEMENTS (list_kinds)
#define N_ENTRY_SETTINGS  G_N_ELEMENTS (entry_settings)
#define N_COMBO_SETTINGS  G_N_ELEMENTS (combo_settings)

#define REF_ITEM_KEY "lb-ref-item"
#define PIPELINE_KEY "lb-pipeline"
#define STAGE_KEY    "lb-stage"

/* One list on the Lists page: an expander row holding a row per entry
 * and, last, the row that adds an entry. */
typedef struct
{
  LbRefKind       kind;
  const char     *item_title;
  AdwExpanderRow *expander;
  AdwEntryRow    *add_row;
  GPtrArray      *rows;       /* the entries' rows, in order; owned by the expander */
} RefList;

/* One pipeline on the Pipelines page: an expander row holding its name,
 * a row per stage in order and, last, the row that adds a stage. */
typedef struct
{
  char           *name;
  AdwExpanderRow *expander;
  AdwEntryRow    *name_row;
  AdwEntryRow    *add_stage_row;
  GPtrArray      *stage_rows;   /* in order; owned by the expander */
} PipelineSection;

/* The dialog that adds a tax rate (@item NULL) or edits one. */
typedef struct
{
  LbRefItem      *item;
  gint64          n_products;   /* the products at @item's percentage */
  GtkWindow      *window;
  AdwEntryRow    *name_row;
  AdwEntryRow    *rate_row;
  GtkCheckButton *products_check;
  GtkLabel       *products_label;
  GtkLabel       *message;
  GtkWidget      *cancel_button;
  GtkWidget      *save_button;
} TaxRateEditor;

struct _LbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  LbStore              *store;
  RefList               lists[N_LISTS];
  GPtrArray            *pipelines;  /* PipelineSection, in order */
  GPtrArray            *tax_rows;   /* the tax rates' rows, in order; owned by their group */
  TaxRateEditor        *tax_editor; /* the open editor, or NULL */
  gboolean              filling;
  char                 *last_error;

  /* template widgets */
  AdwPreferencesGroup  *lists_group;
  AdwPreferencesGroup  *pipelines_group;
  AdwEntryRow          *add_pipeline_row;
  AdwPreferencesGroup  *tax_rates_group;
  GtkWidget            *add_tax_rate_button;
  GtkWidget            *tax_rates_empty_row;
  GtkWidget            *entry_rows[N_ENTRY_SETTINGS];
  AdwComboRow          *combo_rows[N_COMBO_SETTINGS];
  GtkSpinButton        *payment_terms_spin;
  AdwActionRow         *company_logo_row;
  GtkImage             *company_logo_image;
  GtkFileChooserNative *logo_chooser;  /* while it is open */
};

G_DEFINE_FINAL_TYPE (LbPreferencesWindow, lb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* helpers */

static void
refuse (LbPreferencesWindow *self,
        const char          *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  /* A toast's title is markup. */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (markup));
}

static void
changed (LbPreferencesWindow *self)
{
  g_clear_pointer (&self->last_error, g_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Sets an entry row's text without offering to apply it. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gboolean show_apply = adw_entry_row_get_show_apply_button (row);

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (row, show_apply);
}

static RefList *
find_list (LbPreferencesWindow *self,
           LbRefKind            kind)
{
  for (guint i = 0; i < N_LISTS; i++)
    if (self->lists[i].kind == kind)
      return &self->lists[i];

  return NULL;
}

static LbRefItem *
row_get_item (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), REF_ITEM_KEY);
}

static void
update_list_subtitle (RefList *list)
{
  g_autofree char *subtitle = NULL;

  if (list->rows->len == 0)
    subtitle = g_strdup (_("No entries"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                             list->rows->len),
                                list->rows->len);
  adw_expander_row_set_subtitle (list->expander, subtitle);
}

static void
fill_setting_combo (LbPreferencesWindow *self,
                    guint                i)
{
  g_autofree char *stored = lb_settings_get (self->store, combo_settings[i].key, NULL);
  g_autoptr(GListModel) items = lb_store_list_refs (self->store, combo_settings[i].kind, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;
  guint selected = 0;

  gtk_string_list_append (names, C_("setting", "None"));
  for (guint j = 0; j < n; j++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (items, j);

      if (stored != NULL && g_ascii_strcasecmp (stored, lb_ref_item_get_name (item)) == 0)
        selected = j + 1;
      gtk_string_list_append (names, lb_ref_item_get_name (item));
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->combo_rows[i], G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->combo_rows[i], selected);
  self->filling = FALSE;
}

/* The combo rows offer the entries of a list: refill them after it changed. */
static void
fill_setting_combos_of (LbPreferencesWindow *self,
                        LbRefKind            kind)
{
  for (guint i = 0; i < N_COMBO_SETTINGS; i++)
    if (combo_settings[i].kind == kind)
      fill_setting_combo (self, i);
}

static void
fill_setting_entry (LbPreferencesWindow *self,
                    guint                i)
{
  g_autofree char *value = lb_settings_get (self->store, entry_settings[i].key, NULL);

  set_entry_text (ADW_ENTRY_ROW (self->entry_rows[i]), value);
}

static void
fill_payment_terms (LbPreferencesWindow *self)
{
  g_autofree char *value = lb_settings_get (self->store, LB_SETTING_PAYMENT_TERMS_DAYS, NULL);
  guint64 days = 0;

  if (value != NULL)
    g_ascii_string_to_unsigned (value, 10, 0, 3650, &days, NULL);

  self->filling = TRUE;
  gtk_spin_button_set_value (self->payment_terms_spin, days);
  self->filling = FALSE;
}

/* The logo row: the file's name (its path as a tooltip) and a thumbnail. */
static void
fill_logo (LbPreferencesWindow *self)
{
  g_autofree char *path = lb_settings_get (self->store, LB_SETTING_COMPANY_LOGO, NULL);
  g_autofree char *name = path != NULL ? g_filename_display_basename (path) : NULL;
  g_autofree char *display = path != NULL ? g_filename_display_name (path) : NULL;

  adw_action_row_set_subtitle (self->company_logo_row, name != NULL ? name : C_("logo", "None"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->company_logo_row), display);
  if (path != NULL)
    gtk_image_set_from_file (self->company_logo_image, path);
  else
    gtk_image_clear (self->company_logo_image);
  gtk_widget_set_visible (GTK_WIDGET (self->company_logo_image), path != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.remove-logo", path != NULL);
}

static void on_ref_row_apply (LbPreferencesWindow *self,
                              AdwEntryRow         *row);

/* A flat icon button that runs @action for the entry @item. */
static GtkWidget *
make_item_button (const char *icon_name,
                  const char *tooltip,
                  const char *action,
                  LbRefItem  *item)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (lb_ref_item_get_id (item)));

  return button;
}

static GtkWidget *
make_remove_button (LbRefItem *item)
{
  /* Translators: the tooltip of the button that removes an entry of a list */
  g_autofree char *label = g_strdup_printf (_("Remove “%s”"), lb_ref_item_get_name (item));

  return make_item_button ("user-trash-symbolic", label, "prefs.remove-ref", item);
}

/* A row for one entry: its name to edit in place and a remove button. */
static GtkWidget *
make_ref_row (LbPreferencesWindow *self,
              RefList             *list,
              LbRefItem           *item)
{
  GtkWidget *row = adw_entry_row_new ();

  g_object_set_data_full (G_OBJECT (row), REF_ITEM_KEY, g_object_ref (item), g_object_unref);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(list->item_title));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  set_entry_text (ADW_ENTRY_ROW (row), lb_ref_item_get_name (item));
  g_signal_connect_object (row, "apply", G_CALLBACK (on_ref_row_apply), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), make_remove_button (item));

  return row;
}

/* Adds the row of @item at @position of @list, before the add row. */
static void
insert_ref_row (LbPreferencesWindow *self,
                RefList             *list,
                LbRefItem           *item,
                guint                position)
{
  GtkWidget *row = make_ref_row (self, list, item);
  GtkListBox *box = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (list->add_row)));

  gtk_list_box_insert (box, row, position);
  g_ptr_array_insert (list->rows, position, row);
}

static void
fill_list (LbPreferencesWindow *self,
           RefList             *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = lb_store_list_refs (self->store, list->kind, &error);

  for (guint i = 0; i < list->rows->len; i++)
    adw_expander_row_remove (list->expander, g_ptr_array_index (list->rows, i));
  g_ptr_array_set_size (list->rows, 0);

  if (items == NULL)
    {
      refuse (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (items, i);

      insert_ref_row (self, list, item, i);
    }

  update_list_subtitle (list);
}

/* "20 %": a percentage as the windows show it. */
static char *
format_percent (gint64 basis_points)
{
  g_autofree char *number = lb_percent_format (basis_points);

  /* Translators: a tax rate, e.g. "20 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* A tax rate's row: its name and percentage, and buttons that edit and
 * remove it; activating the row edits it. */
static GtkWidget *
make_tax_rate_row (LbRefItem *item)
{
  g_autofree char *percent = format_percent (lb_ref_item_get_rate (item));
  g_autofree char *edit_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *rate = gtk_label_new (percent);
  GtkWidget *edit;

  g_object_set_data_full (G_OBJECT (row), REF_ITEM_KEY, g_object_ref (item), g_object_unref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lb_ref_item_get_name (item));

  gtk_widget_add_css_class (rate, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rate);

  /* Translators: the tooltip of the button that edits a tax rate */
  edit_label = g_strdup_printf (_("Edit “%s”"), lb_ref_item_get_name (item));
  edit = make_item_button ("document-edit-symbolic", edit_label, "prefs.edit-tax-rate", item);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_remove_button (item));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);

  return row;
}

/* Shows the tax rates as stored, in list order. */
static void
fill_tax_rates (LbPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = lb_store_list_refs (self->store, LB_REF_TAX_RATE, &error);

  for (guint i = 0; i < self->tax_rows->len; i++)
    adw_preferences_group_remove (self->tax_rates_group, g_ptr_array_index (self->tax_rows, i));
  g_ptr_array_set_size (self->tax_rows, 0);

  if (items == NULL)
    {
      gtk_widget_set_visible (self->tax_rates_empty_row, FALSE);
      refuse (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LbRefItem) item = g_list_model_get_item (items, i);
      GtkWidget *row = make_tax_rate_row (item);

      adw_preferences_group_add (self->tax_rates_group, row);
      g_ptr_array_add (self->tax_rows, row);
    }

  gtk_widget_set_visible (self->tax_rates_empty_row, self->tax_rows->len == 0);
}

static GtkWidget *
find_tax_rate_row (LbPreferencesWindow *self,
                   gint64               id)
{
  for (guint i = 0; i < self->tax_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->tax_rows, i);

      if (lb_ref_item_get_id (row_get_item (row)) == id)
        return row;
    }

  return NULL;
}

static void
pipeline_section_free (PipelineSection *section)
{
  g_free (section->name);
  g_ptr_array_unref (section->stage_rows);
  g_free (section);
}

static PipelineSection *
find_pipeline (LbPreferencesWindow *self,
               const char          *name)
{
  for (guint i = 0; i < self->pipelines->len; i++)
    {
      PipelineSection *section = g_ptr_array_index (self->pipelines, i);

      if (g_ascii_strcasecmp (section->name, name) == 0)
        return section;
    }

  return NULL;
}

static void on_pipeline_rename_apply (LbPreferencesWindow *self,
                                      AdwEntryRow         *row);
static void on_stage_rename_apply    (LbPreferencesWindow *self,
                                      AdwEntryRow         *row);
static void on_add_stage_apply       (LbPreferencesWindow *self,
                                      AdwEntryRow         *row);

/* A flat icon button that runs @action for the stage @stage of
 * @pipeline (or for the pipeline, when @stage is NULL); without
 * @action, an insensitive one that keeps the rows' buttons aligned. */
static GtkWidget *
make_stage_button (const char *icon_name,
                   const char *tooltip,
                   const char *action,
                   const char *pipeline,
                   const char *stage)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (action == NULL)
    {
      gtk_widget_set_sensitive (button, FALSE);
      return button;
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (stage != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", pipeline, stage);
  else
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", pipeline);

  return button;
}

/* A stage's row: its name to edit in place, and buttons that move it up
 * or down and remove it. */
static GtkWidget *
make_stage_row (LbPreferencesWindow *self,
                const char          *pipeline,
                const char          *stage,
                gboolean             first,
                gboolean             last)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *up_label = NULL;
  g_autofree char *down_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *button;

  g_object_set_data_full (G_OBJECT (row), PIPELINE_KEY, g_strdup (pipeline), g_free);
  g_object_set_data_full (G_OBJECT (row), STAGE_KEY, g_strdup (stage), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Stage"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  set_entry_text (ADW_ENTRY_ROW (row), stage);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_stage_rename_apply), self, G_CONNECT_SWAPPED);

  /* Translators: the tooltip of the button that moves a stage of a pipeline earlier */
  up_label = g_strdup_printf (_("Move “%s” Up"), stage);
  button = make_stage_button ("go-up-symbolic", up_label, first ? NULL : "prefs.move-stage-up",
                              pipeline, stage);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  /* Translators: the tooltip of the button that moves a stage of a pipeline later */
  down_label = g_strdup_printf (_("Move “%s” Down"), stage);
  button = make_stage_button ("go-down-symbolic", down_label, last ? NULL : "prefs.move-stage-down",
                              pipeline, stage);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  /* Translators: the tooltip of the button that removes a stage of a pipeline */
  remove_label = g_strdup_printf (_("Remove “%s”"), stage);
  button = make_stage_button ("user-trash-symbolic", remove_label, "prefs.remove-stage", pipeline, stage);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

  return row;
}

static PipelineSection *
make_pipeline_section (LbPreferencesWindow *self,
                       const char          *pipeline)
{
  PipelineSection *section = g_new0 (PipelineSection, 1);
  g_auto(GStrv) stages = lb_store_list_stages (self->store, pipeline);
  guint n_stages = g_strv_length (stages);
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = NULL;

  section->name = g_strdup (pipeline);
  section->stage_rows = g_ptr_array_new ();

  section->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (section->expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (section->expander), pipeline);
  if (n_stages == 0)
    subtitle = g_strdup (_("No stages"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stage", "%u stages", n_stages),
                                n_stages);
  adw_expander_row_set_subtitle (section->expander, subtitle);

  section->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_object_set_data_full (G_OBJECT (section->name_row), PIPELINE_KEY, g_strdup (pipeline), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (section->name_row), _("Pipeline Name"));
  adw_entry_row_set_show_apply_button (section->name_row, TRUE);
  set_entry_text (section->name_row, pipeline);
  g_signal_connect_object (section->name_row, "apply", G_CALLBACK (on_pipeline_rename_apply),
                           self, G_CONNECT_SWAPPED);
  /* Translators: the tooltip of the button that removes a pipeline */
  remove_label = g_strdup_printf (_("Remove the Pipeline “%s”"), pipeline);
  adw_entry_row_add_suffix (section->name_row,
                            make_stage_button ("user-trash-symbolic", remove_label,
                                               "prefs.remove-pipeline", pipeline, NULL));
  adw_expander_row_add_row (section->expander, GTK_WIDGET (section->name_row));

  for (guint i = 0; i < n_stages; i++)
    {
      GtkWidget *row = make_stage_row (self, pipeline, stages[i], i == 0, i + 1 == n_stages);

      adw_expander_row_add_row (section->expander, row);
      g_ptr_array_add (section->stage_rows, row);
    }

  section->add_stage_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  g_object_set_data_full (G_OBJECT (section->add_stage_row), PIPELINE_KEY, g_strdup (pipeline), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (section->add_stage_row), _("Add Stage"));
  adw_entry_row_set_show_apply_button (section->add_stage_row, TRUE);
  g_signal_connect_object (section->add_stage_row, "apply", G_CALLBACK (on_add_stage_apply),
                           self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (section->expander, GTK_WIDGET (section->add_stage_row));

  return section;
}

/* Shows the pipelines as stored.  The pipelines that were unfolded stay
 * so, and @expand (a pipeline just added or renamed) too. */
static void
fill_pipelines (LbPreferencesWindow *self,
                const char          *expand)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) pipelines = lb_store_list_pipelines (self->store);

  for (guint i = 0; i < self->pipelines->len; i++)
    {
      PipelineSection *section = g_ptr_array_index (self->pipelines, i);

      if (adw_expander_row_get_expanded (section->expander))
        g_hash_table_add (expanded, g_ascii_strdown (section->name, -1));
      adw_preferences_group_remove (self->pipelines_group, GTK_WIDGET (section->expander));
    }
  g_ptr_array_set_size (self->pipelines, 0);
  if (expand != NULL)
    g_hash_table_add (expanded, g_ascii_strdown (expand, -1));

  for (guint i = 0; pipelines[i] != NULL; i++)
    {
      PipelineSection *section = make_pipeline_section (self, pipelines[i]);
      g_autofree char *key = g_ascii_strdown (pipelines[i], -1);

      adw_expander_row_set_expanded (section->expander, g_hash_table_contains (expanded, key));
      adw_preferences_group_add (self->pipelines_group, GTK_WIDGET (section->expander));
      g_ptr_array_add (self->pipelines, section);
    }
}

/* After a change of the pipelines: show them as stored and tell. */
static void
pipelines_changed (LbPreferencesWindow *self,
                   const char          *expand)
{
  fill_pipelines (self, expand);
  changed (self);
}

/* Shows the message of @error as a toast, and the pipelines as stored
 * again (a refused rename puts the old name back). */
static void
refuse_pipeline_edit (LbPreferencesWindow *self,
                      const GError        *error)
{
  refuse (self, error->message);
  fill_pipelines (self, NULL);
}

/* callbacks */

static void
on_ref_row_apply (LbPreferencesWindow *self,
                  AdwEntryRow         *row)
{
  LbRefItem *item = row_get_item (GTK_WIDGET (row));
  g_autoptr(LbRefItem) renamed = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (row));
  LbRefKind kind = lb_ref_item_get_kind (item);

  if (!lb_ref_rename (self->store, item, name, &error))
    {
      refuse (self, error->message);
      set_entry_text (row, lb_ref_item_get_name (item));
      return;
    }

  /* The row stays where it is and now stands for the new name. */
  renamed = lb_store_find_ref (self->store, kind, name);
  g_return_if_fail (renamed != NULL);
  set_entry_text (row, lb_ref_item_get_name (renamed));
  g_object_set_data_full (G_OBJECT (row), REF_ITEM_KEY, g_steal_pointer (&renamed), g_object_unref);

  fill_setting_combos_of (self, kind);
  changed (self);
}

static void
on_add_row_apply (LbPreferencesWindow *self,
                  AdwEntryRow         *add_row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbRefItem) item = NULL;
  RefList *list = NULL;

  for (guint i = 0; i < N_LISTS && list == NULL; i++)
    if (self->lists[i].add_row == add_row)
      list = &self->lists[i];
  g_assert (list != NULL);

  if (lb_ref_add (self->store, list->kind, gtk_editable_get_text (GTK_EDITABLE (add_row)), &error) == 0)
    {
      refuse (self, error->message);
      return;
    }

  /* A new entry goes last, just above the add row. */
  item = lb_store_find_ref (self->store, list->kind, gtk_editable_get_text (GTK_EDITABLE (add_row)));
  g_return_if_fail (item != NULL);
  insert_ref_row (self, list, item, list->rows->len);
  update_list_subtitle (list);
  set_entry_text (add_row, "");

  fill_setting_combos_of (self, list->kind);
  changed (self);
}

static void
on_add_pipeline_apply (LbPreferencesWindow *self,
                       AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!lb_pipeline_add (self->store, name, &error))
    {
      refuse (self, error->message);
      return;
    }

  set_entry_text (row, "");
  pipelines_changed (self, name);
}

static void
on_pipeline_rename_apply (LbPreferencesWindow *self,
                          AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  const char *pipeline = g_object_get_data (G_OBJECT (row), PIPELINE_KEY);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!lb_pipeline_rename (self->store, pipeline, name, &error))
    {
      refuse_pipeline_edit (self, error);
      return;
    }

  pipelines_changed (self, name);
}

static void
on_stage_rename_apply (LbPreferencesWindow *self,
                       AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pipeline = g_strdup (g_object_get_data (G_OBJECT (row), PIPELINE_KEY));
  const char *stage = g_object_get_data (G_OBJECT (row), STAGE_KEY);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!lb_stage_rename (self->store, pipeline, stage, name, &error))
    {
      refuse_pipeline_edit (self, error);
      return;
    }

  pipelines_changed (self, pipeline);
}

static void
on_add_stage_apply (LbPreferencesWindow *self,
                    AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pipeline = g_strdup (g_object_get_data (G_OBJECT (row), PIPELINE_KEY));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!lb_stage_add (self->store, pipeline, name, &error))
    {
      refuse (self, error->message);
      return;
    }

  pipelines_changed (self, pipeline);
}

static void
on_combo_setting_selected (LbPreferencesWindow *self,
                           GParamSpec          *pspec,
                           AdwComboRow         *row)
{
  g_autoptr(GError) error = NULL;
  GListModel *names = adw_combo_row_get_model (row);
  guint selected = adw_combo_row_get_selected (row);
  const char *value = NULL;
  guint i = 0;

  if (self->filling || names == NULL)
    return;

  while (self->combo_rows[i] != row)
    i++;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    value = gtk_string_list_get_string (GTK_STRING_LIST (names), selected);

  if (!lb_settings_set (self->store, combo_settings[i].key, value, &error))
    {
      refuse (self, error->message);
      fill_setting_combo (self, i);
      return;
    }

  changed (self);
}

static void
on_entry_setting_apply (LbPreferencesWindow *self,
                        AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  guint i = 0;

  while (self->entry_rows[i] != GTK_WIDGET (row))
    i++;

  if (!lb_settings_set (self->store, entry_settings[i].key,
                        gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      refuse (self, error->message);
      fill_setting_entry (self, i);
      return;
    }

  /* Show the value as stored: tidied, or the default when emptied. */
  fill_setting_entry (self, i);
  changed (self);
}

static void
on_payment_terms_changed (LbPreferencesWindow *self,
                          GtkSpinButton       *spin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->filling)
    return;

  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  if (!lb_settings_set (self->store, LB_SETTING_PAYMENT_TERMS_DAYS, value, &error))
    {
      refuse (self, error->message);
      fill_payment_terms (self);
      return;
    }

  changed (self);
}

static void
on_logo_chooser_response (LbPreferencesWindow  *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chooser == self->logo_chooser)
    g_clear_object (&self->logo_chooser);

  if (file != NULL)
    lb_preferences_window_set_logo_file (self, file);
}

/* the tax rate editor */

static void
tax_rate_editor_free (TaxRateEditor *editor)
{
  g_clear_object (&editor->item);
  g_free (editor);
}

static void
on_tax_rate_editor_destroy (LbPreferencesWindow *self,
                            GtkWindow           *window)
{
  if (self->tax_editor == NULL || self->tax_editor->window != window)
    return;

  g_clear_pointer (&self->tax_editor, tax_rate_editor_free);
}

/* Clears what a refused save showed. */
static void
tax_rate_editor_clear_error (LbPreferencesWindow *self)
{
  TaxRateEditor *editor = self->tax_editor;

  g_assert (editor != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (editor->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (editor->rate_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (editor->message), FALSE);
}

/* Shows why a save was refused under the rows, marks @row (when not
 * NULL) and gives it the focus; the dialog stays open. */
static void
tax_rate_editor_refuse (LbPreferencesWindow *self,
                        AdwEntryRow         *row,
                        const char          *message)
{
  TaxRateEditor *editor = self->tax_editor;

  g_free (self->last_error);
  self->last_error = g_strdup (message);

  gtk_label_set_text (editor->message, message);
  gtk_widget_set_visible (GTK_WIDGET (editor->message), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

/* Offers to move the products along when the percentage typed differs
 * from the stored one and products have the stored one. */
static void
tax_rate_editor_update_products (LbPreferencesWindow *self)
{
  TaxRateEditor *editor = self->tax_editor;
  g_autofree char *text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *label = NULL;
  gint64 rate;

  g_assert (editor != NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->rate_row))));
  if (editor->item == NULL || editor->n_products == 0 ||
      !lb_percent_parse (text, &rate, NULL) || rate == lb_ref_item_get_rate (editor->item))
    {
      gtk_widget_set_visible (GTK_WIDGET (editor->products_check), FALSE);
      return;
    }

  from = format_percent (lb_ref_item_get_rate (editor->item));
  to = format_percent (rate);
  /* Translators: "Also change the 2 products at 20 % to 21 %" */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Also change the %" PRId64 " product at %s to %s",
                                        "Also change the %" PRId64 " products at %s to %s",
                                        editor->n_products),
                           editor->n_products, from, to);
  gtk_label_set_text (editor->products_label, label);
  gtk_widget_set_visible (GTK_WIDGET (editor->products_check), TRUE);
}

static void
on_tax_rate_editor_rate_changed (LbPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->tax_editor->rate_row), "error");
  tax_rate_editor_update_products (self);
}

static void
on_tax_rate_editor_name_changed (LbPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->tax_editor->name_row), "error");
}

/* Save: lb_tax_rate_add for a new rate, lb_tax_rate_edit for one that
 * exists; the dialog closes only when the action took the change. */
static void
on_tax_rate_editor_save (LbPreferencesWindow *self)
{
  TaxRateEditor *editor = self->tax_editor;
  g_autoptr(GError) error = NULL;
  g_autofree char *rate_text = NULL;
  const char *name;
  gint64 n_products = 0;
  gint64 rate;
  gboolean saved;

  g_return_if_fail (editor != NULL);

  tax_rate_editor_clear_error (self);
  name = gtk_editable_get_text (GTK_EDITABLE (editor->name_row));
  rate_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor->rate_row))));
  if (!lb_percent_parse (rate_text, &rate, &error))
    {
      tax_rate_editor_refuse (self, editor->rate_row, error->message);
      return;
    }

  if (editor->item == NULL)
    saved = lb_tax_rate_add (self->store, name, rate, &error) != 0;
  else
    saved = lb_tax_rate_edit (self->store, editor->item, name, rate,
                              gtk_widget_get_visible (GTK_WIDGET (editor->products_check)) &&
                              gtk_check_button_get_active (editor->products_check),
                              &n_products, &error);
  if (!saved)
    {
      /* The rate was read above: what the action refuses is the name. */
      tax_rate_editor_refuse (self, error->domain == LB_INPUT_ERROR ? editor->name_row : NULL,
                              error->message);
      return;
    }

  fill_tax_rates (self);
  changed (self);
  if (n_products > 0)
    {
      g_autofree char *percent = format_percent (rate);
      g_autofree char *title = NULL;

      /* Translators: a toast after a tax rate changed, e.g. "2 products now have 21 %" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%" PRId64 " product now has %s",
                                            "%" PRId64 " products now have %s",
                                            n_products),
                               n_products, percent);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
    }

  gtk_window_destroy (editor->window);
}

/* Opens the dialog that adds a tax rate (@item NULL) or edits @item. */
static void
open_tax_rate_editor (LbPreferencesWindow *self,
                      LbRefItem           *item)
{
  TaxRateEditor *editor;
  GtkWidget *window;
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *scrolled;
  GtkWidget *clamp;
  GtkWidget *box;
  GtkWidget *group;
  GtkWidget *message;
  GtkEventController *shortcuts;

  if (self->tax_editor != NULL)
    gtk_window_destroy (self->tax_editor->window);

  editor = g_new0 (TaxRateEditor, 1);
  editor->item = item != NULL ? g_object_ref (item) : NULL;
  if (item != NULL)
    editor->n_products = lb_store_count_products_at_rate (self->store, lb_ref_item_get_rate (item));

  window = adw_window_new ();
  editor->window = GTK_WINDOW (window);
  gtk_window_set_title (editor->window, item != NULL ? _("Edit Tax Rate") : _("New Tax Rate"));
  gtk_window_set_transient_for (editor->window, GTK_WINDOW (self));
  gtk_window_set_modal (editor->window, TRUE);
  gtk_window_set_destroy_with_parent (editor->window, TRUE);
  gtk_window_set_default_size (editor->window, 420, -1);
  gtk_widget_set_size_request (window, 300, -1);

  /* Escape cancels, as the editor windows' Cancel does. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  title = adw_window_title_new (gtk_window_get_title (editor->window),
                                item != NULL ? lb_ref_item_get_name (item) : NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  editor->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (editor->cancel_button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), editor->cancel_button);

  editor->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (editor->save_button, "suggested-action");
  g_signal_connect_object (editor->save_button, "clicked", G_CALLBACK (on_tax_rate_editor_save),
                           self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), editor->save_button);

  editor->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->name_row), _("Name"));
  /* Enter in either entry saves. */
  g_signal_connect_object (editor->name_row, "entry-activated", G_CALLBACK (on_tax_rate_editor_save),
                           self, G_CONNECT_SWAPPED);
  if (item != NULL)
    gtk_editable_set_text (GTK_EDITABLE (editor->name_row), lb_ref_item_get_name (item));
  g_signal_connect_object (editor->name_row, "changed", G_CALLBACK (on_tax_rate_editor_name_changed),
                           self, G_CONNECT_SWAPPED);

  editor->rate_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->rate_row), _("Rate (%)"));
  g_signal_connect_object (editor->rate_row, "entry-activated", G_CALLBACK (on_tax_rate_editor_save),
                           self, G_CONNECT_SWAPPED);
  adw_entry_row_set_input_purpose (editor->rate_row, GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_set_input_hints (editor->rate_row, GTK_INPUT_HINT_NO_SPELLCHECK);
  if (item != NULL)
    {
      g_autofree char *rate = lb_percent_format (lb_ref_item_get_rate (item));

      gtk_editable_set_text (GTK_EDITABLE (editor->rate_row), rate);
    }
  g_signal_connect_object (editor->rate_row, "changed", G_CALLBACK (on_tax_rate_editor_rate_changed),
                           self, G_CONNECT_SWAPPED);

  group = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (editor->rate_row));

  message = gtk_label_new (NULL);
  editor->message = GTK_LABEL (message);
  gtk_label_set_wrap (editor->message, TRUE);
  gtk_label_set_xalign (editor->message, 0);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_margin_start (message, 12);
  gtk_widget_set_margin_end (message, 12);
  gtk_widget_set_visible (message, FALSE);

  /* Checked by default: a product at the old percentage most likely
   * meant this rate. */
  editor->products_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (editor->products_label, TRUE);
  gtk_label_set_xalign (editor->products_label, 0);
  editor->products_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_child (editor->products_check, GTK_WIDGET (editor->products_label));
  gtk_check_button_set_active (editor->products_check, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (editor->products_check), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->products_check));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 480);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  self->tax_editor = editor;
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_tax_rate_editor_destroy),
                           self, G_CONNECT_SWAPPED);
  tax_rate_editor_update_products (self);

  gtk_window_present (editor->window);
  gtk_widget_grab_focus (GTK_WIDGET (editor->name_row));
}

/* actions */

static void
add_tax_rate_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  open_tax_rate_editor (LB_PREFERENCES_WINDOW (widget), NULL);
}

static void
edit_tax_rate_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (widget);
  GtkWidget *row = find_tax_rate_row (self, g_variant_get_int64 (param));

  if (row != NULL)
    open_tax_rate_editor (self, row_get_item (row));
}

/* Removes the entry @item, shown by @row; a refusal says why. */
static gboolean
remove_ref (LbPreferencesWindow *self,
            LbRefItem           *item)
{
  g_autoptr(GError) error = NULL;

  if (!lb_ref_remove (self->store, item, &error))
    {
      /* Translators: the first %s is an entry of a list, the second why */
      g_autofree char *message = g_strdup_printf (_("Cannot remove “%s”: %s"),
                                                  lb_ref_item_get_name (item),
                                                  error->message);
      refuse (self, message);
      return FALSE;
    }

  return TRUE;
}

static void
remove_ref_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);
  GtkWidget *tax_row;

  for (guint i = 0; i < N_LISTS; i++)
    {
      RefList *list = &self->lists[i];

      for (guint j = 0; j < list->rows->len; j++)
        {
          GtkWidget *row = g_ptr_array_index (list->rows, j);

          if (lb_ref_item_get_id (row_get_item (row)) != id)
            continue;

          if (!remove_ref (self, row_get_item (row)))
            return;

          g_ptr_array_remove_index (list->rows, j);
          adw_expander_row_remove (list->expander, row);
          update_list_subtitle (list);
          fill_setting_combos_of (self, list->kind);
          changed (self);
          return;
        }
    }

  tax_row = find_tax_rate_row (self, id);
  if (tax_row != NULL && remove_ref (self, row_get_item (tax_row)))
    {
      fill_tax_rates (self);
      changed (self);
    }
}

static void
remove_pipeline_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (widget);
  const char *pipeline = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;

  if (!lb_pipeline_remove (self->store, pipeline, &error))
    {
      /* Translators: the first %s is a pipeline of deals, the second why */
      g_autofree char *message = g_strdup_printf (_("Cannot remove “%s”: %s"), pipeline,
                                                  error->message);
      refuse (self, message);
      return;
    }

  pipelines_changed (self, NULL);
}

static void
remove_stage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *pipeline = NULL;
  g_autofree char *stage = NULL;

  g_variant_get (param, "(ss)", &pipeline, &stage);
  if (!lb_stage_remove (self->store, pipeline, stage, &error))
    {
      /* Translators: the first %s is a stage of a pipeline of deals, the second why */
      g_autofree char *message = g_strdup_printf (_("Cannot remove “%s”: %s"), stage,
                                                  error->message);
      refuse (self, message);
      return;
    }

  pipelines_changed (self, pipeline);
}

/* Moves a stage one place up (@step -1) or down (+1). */
static void
move_stage (LbPreferencesWindow *self,
            GVariant            *param,
            int                  step)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pipeline = NULL;
  g_autofree char *stage = NULL;
  g_auto(GStrv) stages = NULL;
  guint position = G_MAXUINT;

  g_variant_get (param, "(ss)", &pipeline, &stage);
  stages = lb_store_list_stages (self->store, pipeline);
  for (guint i = 0; stages[i] != NULL && position == G_MAXUINT; i++)
    if (g_ascii_strcasecmp (stages[i], stage) == 0)
      position = i;

  /* Already first (or gone): nothing to move. */
  if (position == G_MAXUINT || (step < 0 && position == 0))
    return;

  if (!lb_stage_move (self->store, pipeline, stage, position + step, &error))
    {
      refuse_pipeline_edit (self, error);
      return;
    }

  pipelines_changed (self, pipeline);
}

static void
move_stage_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  move_stage (LB_PREFERENCES_WINDOW (widget), param, -1);
}

static void
move_stage_down_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  move_stage (LB_PREFERENCES_WINDOW (widget), param, +1);
}

/* Asks for a PNG file, from the folder of the logo there is. */
static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (widget);
  g_autofree char *path = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooser *chooser;

  if (self->logo_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->logo_chooser));
      return;
    }

  self->logo_chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Choose"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->logo_chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->logo_chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PNG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (chooser, filter);

  path = lb_settings_get (self->store, LB_SETTING_COMPANY_LOGO, NULL);
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      gtk_file_chooser_set_file (chooser, file, NULL);
    }

  g_signal_connect_object (self->logo_chooser, "response", G_CALLBACK (on_logo_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->logo_chooser));
}

static void
remove_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!lb_settings_set (self->store, LB_SETTING_COMPANY_LOGO, NULL, &error))
    {
      refuse (self, error->message);
      fill_logo (self);
      return;
    }

  fill_logo (self);
  changed (self);
}

/* The Lists page: an expander row per list. */
static void
build_lists (LbPreferencesWindow *self)
{
  for (guint i = 0; i < N_LISTS; i++)
    {
      RefList *list = &self->lists[i];

      list->kind = list_kinds[i].kind;
      list->item_title = list_kinds[i].item_title;
      list->rows = g_ptr_array_new ();

      list->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list->expander),
                                     lb_ref_kind_to_label (list->kind));
      adw_preferences_group_add (self->lists_group, GTK_WIDGET (list->expander));

      list->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list->add_row), _(list_kinds[i].add_title));
      adw_entry_row_set_show_apply_button (list->add_row, TRUE);
      g_signal_connect_object (list->add_row, "apply", G_CALLBACK (on_add_row_apply),
                               self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (list->expander, GTK_WIDGET (list->add_row));
    }
}

static void
lb_preferences_window_load (LbPreferencesWindow *self)
{
  for (guint i = 0; i < N_LISTS; i++)
    fill_list (self, &self->lists[i]);
  fill_tax_rates (self);
  fill_pipelines (self, NULL);

  for (guint i = 0; i < N_COMBO_SETTINGS; i++)
    {
      fill_setting_combo (self, i);
      g_signal_connect_object (self->combo_rows[i], "notify::selected",
                               G_CALLBACK (on_combo_setting_selected), self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < N_ENTRY_SETTINGS; i++)
    {
      fill_setting_entry (self, i);
      g_signal_connect_object (self->entry_rows[i], "apply",
                               G_CALLBACK (on_entry_setting_apply), self, G_CONNECT_SWAPPED);
    }

  fill_payment_terms (self);
  g_signal_connect_object (self->payment_terms_spin, "value-changed",
                           G_CALLBACK (on_payment_terms_changed), self, G_CONNECT_SWAPPED);

  fill_logo (self);
}

/* GObject overrides */

static void
lb_preferences_window_constructed (GObject *object)
{
  LbPreferencesWindow *self = (LbPreferencesWindow *)object;

  G_OBJECT_CLASS (lb_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (LB_IS_STORE (self->store));
  lb_preferences_window_load (self);
}

static void
lb_preferences_window_dispose (GObject *object)
{
  LbPreferencesWindow *self = (LbPreferencesWindow *)object;

  if (self->tax_editor != NULL)
    gtk_window_destroy (self->tax_editor->window);
  g_assert (self->tax_editor == NULL);

  if (self->logo_chooser != NULL)
    {
      g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->logo_chooser);

      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
    }

  gtk_widget_dispose_template (GTK_WIDGET (object), LB_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (lb_preferences_window_parent_class)->dispose (object);
}

static void
lb_preferences_window_finalize (GObject *object)
{
  LbPreferencesWindow *self = (LbPreferencesWindow *)object;

  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->lists[i].rows, g_ptr_array_unref);
  g_clear_pointer (&self->pipelines, g_ptr_array_unref);
  g_clear_pointer (&self->tax_rows, g_ptr_array_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_preferences_window_parent_class)->finalize (object);
}

static void
lb_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LbPreferencesWindow *self = LB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* class_init / init */

static void
lb_preferences_window_class_init (LbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lb_preferences_window_constructed;
  object_class->dispose = lb_preferences_window_dispose;
  object_class->finalize = lb_preferences_window_finalize;
  object_class->get_property = lb_preferences_window_get_property;
  object_class->set_property = lb_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbPreferencesWindow::changed:
   *
   * Emitted after a reference list or a setting changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/leadbook/Leadbook/preferences/lb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, lists_group);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, pipelines_group);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, add_pipeline_row);
  gtk_widget_class_bind_template_callback (widget_class, on_add_pipeline_apply);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, tax_rates_group);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, add_tax_rate_button);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, tax_rates_empty_row);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, payment_terms_spin);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, company_logo_row);
  gtk_widget_class_bind_template_child (widget_class, LbPreferencesWindow, company_logo_image);
  /* for the tests */
  gtk_widget_class_bind_template_child_full (widget_class, "company_logo_choose_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "company_logo_remove_button", FALSE, 0);
  for (guint i = 0; i < N_ENTRY_SETTINGS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, entry_settings[i].child, FALSE,
                                               G_STRUCT_OFFSET (LbPreferencesWindow, entry_rows) +
                                               i * sizeof (GtkWidget *));
  for (guint i = 0; i < N_COMBO_SETTINGS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, combo_settings[i].child, FALSE,
                                               G_STRUCT_OFFSET (LbPreferencesWindow, combo_rows) +
                                               i * sizeof (AdwComboRow *));

  gtk_widget_class_install_action (widget_class, "prefs.remove-ref", "x", remove_ref_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-tax-rate", NULL, add_tax_rate_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-tax-rate", "x", edit_tax_rate_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-pipeline", "s", remove_pipeline_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-stage", "(ss)", remove_stage_action);
  gtk_widget_class_install_action (widget_class, "prefs.move-stage-up", "(ss)", move_stage_up_action);
  gtk_widget_class_install_action (widget_class, "prefs.move-stage-down", "(ss)",
                                   move_stage_down_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-logo", NULL, remove_logo_action);
}

static void
lb_preferences_window_init (LbPreferencesWindow *self)
{
  self->pipelines = g_ptr_array_new_with_free_func ((GDestroyNotify)pipeline_section_free);
  self->tax_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  build_lists (self);
}

/* public API */

/**
 * lb_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new preferences window
 */
LbPreferencesWindow *
lb_preferences_window_new (GtkWindow *parent,
                           LbStore   *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  return g_object_new (LB_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       NULL);
}

/**
 * lb_preferences_window_get_add_row:
 *
 * Returns: (transfer none): the entry row that adds to the list of @kind
 */
GtkWidget *
lb_preferences_window_get_add_row (LbPreferencesWindow *self,
                                   LbRefKind            kind)
{
  RefList *list;

  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);

  list = find_list (self, kind);
  return list != NULL ? GTK_WIDGET (list->add_row) : NULL;
}

/**
 * lb_preferences_window_get_ref_row:
 *
 * Returns: (transfer none) (nullable): the row of the entry @name of the
 *   list of @kind (an entry row; for %LB_REF_TAX_RATE an action row),
 *   matched ignoring case
 */
GtkWidget *
lb_preferences_window_get_ref_row (LbPreferencesWindow *self,
                                   LbRefKind            kind,
                                   const char          *name)
{
  GPtrArray *rows;
  RefList *list;

  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  list = find_list (self, kind);
  rows = list != NULL ? list->rows : kind == LB_REF_TAX_RATE ? self->tax_rows : NULL;
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_ascii_strcasecmp (lb_ref_item_get_name (row_get_item (row)), name) == 0)
        return row;
    }

  return NULL;
}

/**
 * lb_preferences_window_get_setting_row:
 *
 * Returns: (transfer none) (nullable): the widget that edits the setting
 *   @key: an entry row, a combo row, a spin button, or (the logo) an
 *   action row
 */
GtkWidget *
lb_preferences_window_get_setting_row (LbPreferencesWindow *self,
                                       const char          *key)
{
  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < N_ENTRY_SETTINGS; i++)
    if (g_str_equal (entry_settings[i].key, key))
      return self->entry_rows[i];

  for (guint i = 0; i < N_COMBO_SETTINGS; i++)
    if (g_str_equal (combo_settings[i].key, key))
      return GTK_WIDGET (self->combo_rows[i]);

  if (g_str_equal (key, LB_SETTING_PAYMENT_TERMS_DAYS))
    return GTK_WIDGET (self->payment_terms_spin);

  if (g_str_equal (key, LB_SETTING_COMPANY_LOGO))
    return GTK_WIDGET (self->company_logo_row);

  return NULL;
}

/**
 * lb_preferences_window_get_last_error:
 *
 * Returns: (nullable): the message of the last refused change, shown
 *   as a toast; %NULL once a change succeeded
 */
const char *
lb_preferences_window_get_last_error (LbPreferencesWindow *self)
{
  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->last_error;
}

/**
 * lb_preferences_window_get_add_pipeline_row:
 *
 * Returns: (transfer none): the entry row that adds a pipeline
 */
GtkWidget *
lb_preferences_window_get_add_pipeline_row (LbPreferencesWindow *self)
{
  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);

  return GTK_WIDGET (self->add_pipeline_row);
}

/**
 * lb_preferences_window_get_pipeline_row:
 * @part: "expander" (the pipeline's row), "name" (the row that renames
 *   it) or "add-stage" (the row that adds a stage to it)
 *
 * Returns: (transfer none) (nullable): that row of the pipeline @pipeline,
 *   matched ignoring case
 */
GtkWidget *
lb_preferences_window_get_pipeline_row (LbPreferencesWindow *self,
                                        const char          *pipeline,
                                        const char          *part)
{
  PipelineSection *section;

  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (pipeline != NULL, NULL);
  g_return_val_if_fail (part != NULL, NULL);

  section = find_pipeline (self, pipeline);
  if (section == NULL)
    return NULL;
  if (g_str_equal (part, "expander"))
    return GTK_WIDGET (section->expander);
  if (g_str_equal (part, "name"))
    return GTK_WIDGET (section->name_row);
  if (g_str_equal (part, "add-stage"))
    return GTK_WIDGET (section->add_stage_row);

  g_return_val_if_reached (NULL);
}

/**
 * lb_preferences_window_get_stage_rows:
 *
 * Returns: (transfer none) (nullable) (element-type GtkWidget): the rows
 *   of the stages of @pipeline in order, or %NULL when there is no such
 *   pipeline
 */
GPtrArray *
lb_preferences_window_get_stage_rows (LbPreferencesWindow *self,
                                      const char          *pipeline)
{
  PipelineSection *section;

  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (pipeline != NULL, NULL);

  section = find_pipeline (self, pipeline);
  return section != NULL ? section->stage_rows : NULL;
}

/**
 * lb_preferences_window_get_tax_rate_rows:
 *
 * Returns: (transfer none) (element-type GtkWidget): the rows of the tax
 *   rates, in list order
 */
GPtrArray *
lb_preferences_window_get_tax_rate_rows (LbPreferencesWindow *self)
{
  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);

  return self->tax_rows;
}

/**
 * lb_preferences_window_get_tax_rates_part:
 * @part: "group" (the Tax Rates group), "add" (its Add Tax Rate button)
 *   or "empty" (the row shown when there are none)
 *
 * Returns: (transfer none): that widget
 */
GtkWidget *
lb_preferences_window_get_tax_rates_part (LbPreferencesWindow *self,
                                          const char          *part)
{
  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  if (g_str_equal (part, "group"))
    return GTK_WIDGET (self->tax_rates_group);
  if (g_str_equal (part, "add"))
    return self->add_tax_rate_button;
  if (g_str_equal (part, "empty"))
    return self->tax_rates_empty_row;

  g_return_val_if_reached (NULL);
}

/**
 * lb_preferences_window_get_tax_rate_editor:
 * @part: "window" (the dialog), "name" and "rate" (its entry rows),
 *   "products" (the check button that moves the products along),
 *   "message" (the label that says why a save was refused), "save" or
 *   "cancel" (its buttons)
 *
 * Returns: (transfer none) (nullable): that widget of the open tax rate
 *   editor, or %NULL when none is open
 */
GtkWidget *
lb_preferences_window_get_tax_rate_editor (LbPreferencesWindow *self,
                                           const char          *part)
{
  TaxRateEditor *editor;

  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  editor = self->tax_editor;
  if (editor == NULL)
    return NULL;
  if (g_str_equal (part, "window"))
    return GTK_WIDGET (editor->window);
  if (g_str_equal (part, "name"))
    return GTK_WIDGET (editor->name_row);
  if (g_str_equal (part, "rate"))
    return GTK_WIDGET (editor->rate_row);
  if (g_str_equal (part, "products"))
    return GTK_WIDGET (editor->products_check);
  if (g_str_equal (part, "message"))
    return GTK_WIDGET (editor->message);
  if (g_str_equal (part, "save"))
    return editor->save_button;
  if (g_str_equal (part, "cancel"))
    return editor->cancel_button;

  g_return_val_if_reached (NULL);
}

/**
 * lb_preferences_window_set_logo_file:
 * @file: the image chosen
 *
 * What Choose… does with the file the user picked: makes it the
 * company's logo, or shows why not (the setting then stays as it was).
 *
 * Returns: whether the logo was set
 */
gboolean
lb_preferences_window_set_logo_file (LbPreferencesWindow *self,
                                     GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LB_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      refuse (self, _("The logo must be a file on this computer."));
      return FALSE;
    }
  if (!lb_settings_set (self->store, LB_SETTING_COMPANY_LOGO, path, &error))
    {
      refuse (self, error->message);
      fill_logo (self);
      return FALSE;
    }

  fill_logo (self);
  changed (self);
  return TRUE;
}
