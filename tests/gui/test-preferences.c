/* The Preferences window, driven through its real rows, buttons,
 * dialogs and actions. */

#include "config.h"

#include <string.h>

#include "lb-crm-actions.h"
#include "lb-document-actions.h"
#include "lb-gui-test.h"
#include "lb-lead-actions.h"
#include "lb-preferences-window.h"
#include "lb-settings.h"

typedef struct
{
  LbTestFixture        base;
  LbPreferencesWindow *window;
  guint                n_changed;
} Fixture;

/* helpers */

static void
iterate (void)
{
  lb_gui_test_iterate (20);
}

static void
on_changed (LbPreferencesWindow *window,
            Fixture             *f)
{
  f->n_changed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  lb_test_fixture_setup (&f->base, data);

  f->window = lb_preferences_window_new (NULL, f->base.store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  g_signal_connect (f->window, "changed", G_CALLBACK (on_changed), f);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  lb_gui_test_destroy_windows ();
  g_assert_null (f->window);
  lb_test_fixture_teardown (&f->base, data);
}

/* Types @text into an entry row and applies it, as Enter does. */
static void
apply_text (GtkWidget  *row,
            const char *text)
{
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  iterate ();
}

static void
choose (GtkWidget  *row,
        const char *label)
{
  GListModel *model;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        iterate ();
        return;
      }

  g_error ("“%s” is not a choice", label);
}

static const char *
selected_label (GtkWidget *row)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  return gtk_string_list_get_string (GTK_STRING_LIST (model),
                                     adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
}

static guint
count_refs (Fixture   *f,
            LbRefKind  kind)
{
  g_autoptr(GListModel) refs = lb_store_list_refs (f->base.store, kind, NULL);

  g_assert_nonnull (refs);
  return g_list_model_get_n_items (refs);
}

static gboolean
has_ref (Fixture    *f,
         LbRefKind   kind,
         const char *name)
{
  g_autoptr(LbRefItem) item = lb_store_find_ref (f->base.store, kind, name);

  return item != NULL && g_str_equal (lb_ref_item_get_name (item), name);
}

/* Removes an entry the way its remove button does. */
static void
remove_ref (Fixture    *f,
            LbRefKind   kind,
            const char *name)
{
  g_autoptr(LbRefItem) item = lb_store_find_ref (f->base.store, kind, name);

  g_assert_nonnull (item);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.remove-ref", "x",
                                             lb_ref_item_get_id (item)));
  iterate ();
}

static char *
get_setting (Fixture    *f,
             const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = lb_settings_get (f->base.store, key, &error);

  g_assert_no_error (error);
  return value;
}

static void
assert_refused (Fixture    *f,
                const char *text)
{
  const char *message = lb_preferences_window_get_last_error (f->window);

  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, text));
}

/* tests */

static void
test_add_source (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *add = lb_preferences_window_get_add_row (f->window, LB_REF_SOURCE);
  guint n = count_refs (f, LB_REF_SOURCE);

  g_assert_null (lb_preferences_window_get_ref_row (f->window, LB_REF_SOURCE, "Trade fair"));
  apply_text (add, "  Trade fair ");

  g_assert_cmpuint (count_refs (f, LB_REF_SOURCE), ==, n + 1);
  g_assert_true (has_ref (f, LB_REF_SOURCE, "Trade fair"));
  g_assert_nonnull (lb_preferences_window_get_ref_row (f->window, LB_REF_SOURCE, "Trade fair"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_null (lb_preferences_window_get_last_error (f->window));
}

static void
test_add_duplicate (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *add = lb_preferences_window_get_add_row (f->window, LB_REF_SOURCE);
  guint n = count_refs (f, LB_REF_SOURCE);

  apply_text (add, "website");

  assert_refused (f, "already in the list");
  g_assert_cmpuint (count_refs (f, LB_REF_SOURCE), ==, n);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (add, ADW_TYPE_EXPANDER_ROW)),
                                 TRUE);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "preferences-lists");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "website");
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *row = lb_preferences_window_get_ref_row (f->window, LB_REF_SOURCE, "Chat");
  GtkWidget *category = lb_preferences_window_get_setting_row (f->window, LB_SETTING_DEFAULT_CATEGORY);
  g_autofree char *setting = NULL;

  g_assert_nonnull (row);
  apply_text (row, "Live chat");

  g_assert_true (has_ref (f, LB_REF_SOURCE, "Live chat"));
  g_assert_false (has_ref (f, LB_REF_SOURCE, "Chat"));
  g_assert_true (lb_preferences_window_get_ref_row (f->window, LB_REF_SOURCE, "Live chat") == row);
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* A clash with another entry is refused and the row shows the name again. */
  apply_text (row, "EMAIL");
  assert_refused (f, "already in the list");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Live chat");
  g_assert_true (has_ref (f, LB_REF_SOURCE, "Email"));

  /* The default category follows its entry's new name. */
  g_assert_cmpstr (selected_label (category), ==, "General");
  apply_text (lb_preferences_window_get_ref_row (f->window, LB_REF_CATEGORY, "General"), "Everyday");
  setting = get_setting (f, LB_SETTING_DEFAULT_CATEGORY);
  g_assert_cmpstr (setting, ==, "Everyday");
  g_assert_cmpstr (selected_label (category), ==, "Everyday");
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  guint n = count_refs (f, LB_REF_SOURCE);

  lb_test_add_lead (f->base.store, "Ada", "Lovelace", NULL, NULL);

  /* In use: refused, and the entry stays in the store and the window. */
  remove_ref (f, LB_REF_SOURCE, "Website");
  assert_refused (f, "still used by 1 record");
  g_assert_cmpuint (count_refs (f, LB_REF_SOURCE), ==, n);
  g_assert_nonnull (lb_preferences_window_get_ref_row (f->window, LB_REF_SOURCE, "Website"));
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* Named by a setting: refused too. */
  remove_ref (f, LB_REF_CATEGORY, "General");
  assert_refused (f, "default-category");
  g_assert_true (has_ref (f, LB_REF_CATEGORY, "General"));

  /* Unused: gone from both. */
  remove_ref (f, LB_REF_SOURCE, "Chat");
  g_assert_cmpuint (count_refs (f, LB_REF_SOURCE), ==, n - 1);
  g_assert_false (has_ref (f, LB_REF_SOURCE, "Chat"));
  g_assert_null (lb_preferences_window_get_ref_row (f->window, LB_REF_SOURCE, "Chat"));
  g_assert_cmpuint (f->n_changed, ==, 1);
}

static void
test_invoice_type (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *row = lb_preferences_window_get_setting_row (f->window, LB_SETTING_INVOICE_TYPE);
  g_autofree char *value = NULL;

  value = get_setting (f, LB_SETTING_INVOICE_TYPE);
  g_assert_null (value);
  g_assert_cmpstr (selected_label (row), ==, "None");

  choose (row, "Standard");
  value = get_setting (f, LB_SETTING_INVOICE_TYPE);
  g_assert_cmpstr (value, ==, "Standard");
  g_assert_cmpuint (f->n_changed, ==, 1);

  choose (row, "None");
  g_clear_pointer (&value, g_free);
  value = get_setting (f, LB_SETTING_INVOICE_TYPE);
  g_assert_null (value);
  g_assert_cmpuint (f->n_changed, ==, 2);

  /* A new entry of the list becomes a choice at once. */
  apply_text (lb_preferences_window_get_add_row (f->window, LB_REF_INVOICE_TYPE), "Proforma");
  choose (row, "Proforma");
  g_clear_pointer (&value, g_free);
  value = get_setting (f, LB_SETTING_INVOICE_TYPE);
  g_assert_cmpstr (value, ==, "Proforma");
}

static void
test_currency (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *row = lb_preferences_window_get_setting_row (f->window, LB_SETTING_CURRENCY);
  g_autofree char *value = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "EUR");

  apply_text (row, "EURO");
  assert_refused (f, "not a currency code");
  value = get_setting (f, LB_SETTING_CURRENCY);
  g_assert_cmpstr (value, ==, "EUR");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "EUR");
  g_assert_cmpuint (f->n_changed, ==, 0);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "documents");
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "preferences-documents");

  apply_text (row, "usd");
  g_clear_pointer (&value, g_free);
  value = get_setting (f, LB_SETTING_CURRENCY);
  g_assert_cmpstr (value, ==, "USD");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "USD");
  g_assert_cmpuint (f->n_changed, ==, 1);
}

static void
test_patterns_and_terms (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *pattern = lb_preferences_window_get_setting_row (f->window, LB_SETTING_INVOICE_PATTERN);
  GtkWidget *terms = lb_preferences_window_get_setting_row (f->window, LB_SETTING_PAYMENT_TERMS_DAYS);
  g_autofree char *value = NULL;

  apply_text (pattern, "INV-{YYYY}");
  assert_refused (f, "no counter");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pattern)), ==, "INV-{YYYY}-{NNNN}");

  apply_text (pattern, "F{YYYY}/{NNNNN}");
  value = get_setting (f, LB_SETTING_INVOICE_PATTERN);
  g_assert_cmpstr (value, ==, "F{YYYY}/{NNNNN}");

  g_assert_true (GTK_IS_SPIN_BUTTON (terms));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (terms)), ==, 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (terms), 45);
  iterate ();
  g_clear_pointer (&value, g_free);
  value = get_setting (f, LB_SETTING_PAYMENT_TERMS_DAYS);
  g_assert_cmpstr (value, ==, "45");

  apply_text (lb_preferences_window_get_setting_row (f->window, LB_SETTING_COMPANY_NAME), "Leadbook Ltd");
  g_clear_pointer (&value, g_free);
  value = get_setting (f, LB_SETTING_COMPANY_NAME);
  g_assert_cmpstr (value, ==, "Leadbook Ltd");
  g_assert_cmpuint (f->n_changed, ==, 3);
}

/* The stages of @pipeline as stored, joined by commas. */
static char *
stored_stages (Fixture    *f,
               const char *pipeline)
{
  g_auto(GStrv) stages = lb_store_list_stages (f->base.store, pipeline);

  return g_strjoinv (",", stages);
}

/* The stages of @pipeline as the window shows them, joined by commas. */
static char *
shown_stages (Fixture    *f,
              const char *pipeline)
{
  GPtrArray *rows = lb_preferences_window_get_stage_rows (f->window, pipeline);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (rows, i))));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The button with the tooltip @tooltip under @widget. */
static GtkWidget *
find_tooltip_button (GtkWidget  *widget,
                     const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      found = find_tooltip_button (child, tooltip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
activate_stage_action (Fixture    *f,
                       const char *action,
                       const char *pipeline,
                       const char *stage)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, "(ss)", pipeline, stage));
  iterate ();
}

/* A stage is added last, moved up, renamed; the page shows the store. */
static void
test_pipeline_stages (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *expander = lb_preferences_window_get_pipeline_row (f->window, "Sales", "expander");
  g_autofree char *stages = NULL;
  g_autofree char *shown = NULL;
  GPtrArray *rows;

  g_assert_nonnull (expander);
  stages = stored_stages (f, "Sales");
  g_assert_cmpstr (stages, ==, "Qualification,Proposal,Negotiation,Closing");
  shown = shown_stages (f, "Sales");
  g_assert_cmpstr (shown, ==, stages);

  apply_text (lb_preferences_window_get_pipeline_row (f->window, "Sales", "add-stage"), " Demo ");
  g_clear_pointer (&stages, g_free);
  stages = stored_stages (f, "Sales");
  g_assert_cmpstr (stages, ==, "Qualification,Proposal,Negotiation,Closing,Demo");
  g_clear_pointer (&shown, g_free);
  shown = shown_stages (f, "Sales");
  g_assert_cmpstr (shown, ==, stages);
  g_assert_cmpuint (f->n_changed, ==, 1);
  /* The pipeline stays unfolded after the page is rebuilt. */
  expander = lb_preferences_window_get_pipeline_row (f->window, "Sales", "expander");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));

  /* The first stage cannot go up; the last one's button moves it. */
  rows = lb_preferences_window_get_stage_rows (f->window, "Sales");
  g_assert_false (gtk_widget_get_sensitive (find_tooltip_button (g_ptr_array_index (rows, 0),
                                                                 "Move “Qualification” Up")));
  g_assert_false (gtk_widget_get_sensitive (find_tooltip_button (g_ptr_array_index (rows, 4),
                                                                 "Move “Demo” Down")));
  g_signal_emit_by_name (find_tooltip_button (g_ptr_array_index (rows, 4), "Move “Demo” Up"), "clicked");
  iterate ();
  g_clear_pointer (&stages, g_free);
  stages = stored_stages (f, "Sales");
  g_assert_cmpstr (stages, ==, "Qualification,Proposal,Negotiation,Demo,Closing");
  g_clear_pointer (&shown, g_free);
  shown = shown_stages (f, "Sales");
  g_assert_cmpstr (shown, ==, stages);
  g_assert_cmpuint (f->n_changed, ==, 2);

  /* Down, then renamed in place. */
  activate_stage_action (f, "prefs.move-stage-down", "Sales", "Qualification");
  rows = lb_preferences_window_get_stage_rows (f->window, "Sales");
  apply_text (g_ptr_array_index (rows, 3), "Live demo");
  g_clear_pointer (&stages, g_free);
  stages = stored_stages (f, "Sales");
  g_assert_cmpstr (stages, ==, "Proposal,Qualification,Negotiation,Live demo,Closing");
  g_assert_cmpuint (f->n_changed, ==, 4);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "pipelines");
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "preferences-pipelines");
}

/* A stage that a deal uses is not removed: a toast says why, and the
 * stage stays in the store and on the page. */
static void
test_pipeline_remove_in_use (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(LbDeal) deal = lb_deal_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stages = NULL;
  g_autofree char *shown = NULL;

  lb_deal_set_text (deal, LB_DEAL_NAME, "Acme renewal");
  lb_deal_set_text (deal, LB_DEAL_STAGE, "Proposal");
  lb_deal_create (f->base.store, deal, &error);
  g_assert_no_error (error);

  activate_stage_action (f, "prefs.remove-stage", "Sales", "Proposal");
  assert_refused (f, "deals still use it");
  stages = stored_stages (f, "Sales");
  g_assert_cmpstr (stages, ==, "Qualification,Proposal,Negotiation,Closing");
  shown = shown_stages (f, "Sales");
  g_assert_cmpstr (shown, ==, stages);
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* The pipeline itself is in use too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.remove-pipeline", "s", "Sales"));
  iterate ();
  g_assert_nonnull (lb_preferences_window_get_last_error (f->window));
  g_assert_nonnull (lb_preferences_window_get_pipeline_row (f->window, "Sales", "expander"));

  /* An unused stage goes. */
  activate_stage_action (f, "prefs.remove-stage", "Sales", "Closing");
  g_assert_null (lb_preferences_window_get_last_error (f->window));
  g_clear_pointer (&stages, g_free);
  stages = stored_stages (f, "Sales");
  g_assert_cmpstr (stages, ==, "Qualification,Proposal,Negotiation");
  g_clear_pointer (&shown, g_free);
  shown = shown_stages (f, "Sales");
  g_assert_cmpstr (shown, ==, stages);
  g_assert_cmpuint (f->n_changed, ==, 1);
}

/* Pipelines are added, renamed and removed; a clash is refused. */
static void
test_pipelines (Fixture       *f,
                gconstpointer  data)
{
  g_auto(GStrv) pipelines = NULL;
  GtkWidget *name_row;

  apply_text (lb_preferences_window_get_add_pipeline_row (f->window), "Partners");
  pipelines = lb_store_list_pipelines (f->base.store);
  g_assert_cmpuint (g_strv_length (pipelines), ==, 2);
  g_assert_nonnull (lb_preferences_window_get_pipeline_row (f->window, "Partners", "expander"));
  g_assert_cmpuint (lb_preferences_window_get_stage_rows (f->window, "Partners")->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lb_preferences_window_get_add_pipeline_row (f->window))), ==, "");
  g_assert_cmpuint (f->n_changed, ==, 1);

  apply_text (lb_preferences_window_get_add_pipeline_row (f->window), "sales");
  assert_refused (f, "already a pipeline");
  g_assert_cmpuint (f->n_changed, ==, 1);

  name_row = lb_preferences_window_get_pipeline_row (f->window, "Partners", "name");
  apply_text (name_row, "Resellers");
  g_assert_null (lb_preferences_window_get_pipeline_row (f->window, "Partners", "expander"));
  g_assert_nonnull (lb_preferences_window_get_pipeline_row (f->window, "Resellers", "expander"));

  /* A refused rename puts the name back. */
  name_row = lb_preferences_window_get_pipeline_row (f->window, "Resellers", "name");
  apply_text (name_row, "SALES");
  g_assert_nonnull (lb_preferences_window_get_last_error (f->window));
  name_row = lb_preferences_window_get_pipeline_row (f->window, "Resellers", "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Resellers");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.remove-pipeline", "s", "Resellers"));
  iterate ();
  g_clear_pointer (&pipelines, g_strfreev);
  pipelines = lb_store_list_pipelines (f->base.store);
  g_assert_cmpuint (g_strv_length (pipelines), ==, 1);
  g_assert_null (lb_preferences_window_get_pipeline_row (f->window, "Resellers", "expander"));
  g_assert_cmpuint (f->n_changed, ==, 3);
}

/* tax rates */

static gint64
stored_rate (Fixture    *f,
             const char *name)
{
  g_autoptr(LbRefItem) item = lb_store_find_ref (f->base.store, LB_REF_TAX_RATE, name);

  return item != NULL ? lb_ref_item_get_rate (item) : -1;
}

static gint64
add_product (Fixture    *f,
             const char *sku,
             gint64      tax_rate)
{
  g_autoptr(LbProduct) product = lb_product_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_SKU, sku);
  lb_record_set_text (LB_RECORD (product), LB_PRODUCT_NAME, sku);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_UNIT_PRICE, 1000);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE, tax_rate);
  lb_record_set_int (LB_RECORD (product), LB_PRODUCT_ACTIVE, 1);
  id = lb_product_create (f->base.store, product, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
product_rate (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LbProduct) product = lb_store_get_product (f->base.store, id, &error);

  g_assert_no_error (error);
  return lb_record_get_int (LB_RECORD (product), LB_PRODUCT_TAX_RATE);
}

/* The first widget of @type under @widget (itself included). */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a label under @widget shows @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
editor (Fixture    *f,
        const char *part)
{
  return lb_preferences_window_get_tax_rate_editor (f->window, part);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

/* Clicks the button with the tooltip @tooltip in the Tax Rates group. */
static void
click_tax_rate_button (Fixture    *f,
                       const char *tooltip)
{
  GtkWidget *group = lb_preferences_window_get_tax_rates_part (f->window, "group");

  click (find_tooltip_button (group, tooltip));
}

/* Types into the editor's rows, as a user does. */
static void
type_in_editor (Fixture    *f,
                const char *name,
                const char *rate)
{
  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (editor (f, "name")), name);
  if (rate != NULL)
    gtk_editable_set_text (GTK_EDITABLE (editor (f, "rate")), rate);
  iterate ();
}

/* Enter in an entry row of the editor: the key binding of its text
 * emits "activate". */
static void
press_enter_in (GtkWidget *row)
{
  GtkWidget *text = find_descendant (row, GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  g_signal_emit_by_name (text, "activate");
  iterate ();
}

/* The editor refused a save: it is still open, says @text and the
 * window's last error is that message. */
static void
assert_editor_refused (Fixture    *f,
                       const char *text)
{
  GtkWidget *message = editor (f, "message");

  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), text));
  g_assert_true (gtk_widget_get_visible (editor (f, "window")));
  assert_refused (f, text);
}

static char *
row_titles (Fixture *f)
{
  GPtrArray *rows = lb_preferences_window_get_tax_rate_rows (f->window);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "," : "",
                            adw_preferences_row_get_title (g_ptr_array_index (rows, i)));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Shows the Tax Rates group at the top of the window. */
static void
show_tax_rates (Fixture *f)
{
  GtkWidget *group = lb_preferences_window_get_tax_rates_part (f->window, "group");
  GtkScrolledWindow *scrolled;
  graphene_point_t point;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "documents");
  lb_gui_test_iterate (100);
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_compute_point (group, gtk_scrolled_window_get_child (scrolled),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 12);
  lb_gui_test_iterate (100);
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 360;
}

/* Screenshots of the window and of the open editor, 1280 px wide and
 * 360 px narrow. */
static void
screenshot_tax_rates (Fixture    *f,
                      const char *name)
{
  GtkWidget *dialog = editor (f, "window");
  g_autofree char *wide = g_strconcat (name, "-1280", NULL);
  g_autofree char *narrow = g_strconcat (name, "-360", NULL);

  if (dialog == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
      show_tax_rates (f);
      lb_gui_test_screenshot (GTK_WIDGET (f->window), wide);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
      show_tax_rates (f);
      lb_gui_test_screenshot (GTK_WIDGET (f->window), narrow);
      gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 720);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (dialog), 1280, -1);
  lb_gui_test_screenshot (dialog, wide);
  /* The editor fits: nothing in it asks for more room. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, -1);
  g_assert_true (lb_gui_test_wait (is_narrow, dialog, 2000));
  lb_gui_test_screenshot (dialog, narrow);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, -1);
}

/* The seeded rates are listed in order with their percentages and
 * their buttons. */
static void
test_tax_rates_listed (Fixture       *f,
                       gconstpointer  data)
{
  const struct { const char *name; const char *percent; } seeded[] = {
    { "Standard", "20 %" },
    { "Reduced", "5 %" },
    { "Zero", "0 %" },
  };
  GPtrArray *rows = lb_preferences_window_get_tax_rate_rows (f->window);
  g_autofree char *titles = row_titles (f);
  GtkWidget *currency;

  g_assert_cmpstr (titles, ==, "Standard,Reduced,Zero");
  g_assert_false (gtk_widget_get_visible (lb_preferences_window_get_tax_rates_part (f->window, "empty")));
  for (guint i = 0; i < G_N_ELEMENTS (seeded); i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *edit = g_strdup_printf ("Edit “%s”", seeded[i].name);
      g_autofree char *remove = g_strdup_printf ("Remove “%s”", seeded[i].name);

      g_assert_true (lb_preferences_window_get_ref_row (f->window, LB_REF_TAX_RATE, seeded[i].name) == row);
      g_assert_true (shows_label (row, seeded[i].percent));
      g_assert_nonnull (find_tooltip_button (row, edit));
      g_assert_nonnull (find_tooltip_button (row, remove));
    }

  /* The group is on the page of orders and invoices. */
  currency = lb_preferences_window_get_setting_row (f->window, LB_SETTING_CURRENCY);
  g_assert_true (gtk_widget_is_ancestor (lb_preferences_window_get_tax_rates_part (f->window, "group"),
                                         gtk_widget_get_ancestor (currency, ADW_TYPE_PREFERENCES_PAGE)));
  screenshot_tax_rates (f, "tax-rates");
}

/* Add Tax Rate… opens the editor empty; Enter saves. */
static void
test_tax_rate_add (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *titles = NULL;
  GtkWidget *row;

  g_assert_null (editor (f, "window"));
  click (lb_preferences_window_get_tax_rates_part (f->window, "add"));
  g_assert_nonnull (editor (f, "window"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor (f, "window"))), ==, "New Tax Rate");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor (f, "window"))) == GTK_WINDOW (f->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (f, "name"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (f, "rate"))), ==, "");
  g_assert_false (gtk_widget_get_visible (editor (f, "products")));
  g_assert_false (gtk_widget_get_visible (editor (f, "message")));

  type_in_editor (f, "Super reduced", "2.1");
  press_enter_in (editor (f, "rate"));

  g_assert_null (editor (f, "window"));
  g_assert_cmpint (stored_rate (f, "Super reduced"), ==, 210);
  titles = row_titles (f);
  g_assert_cmpstr (titles, ==, "Standard,Reduced,Zero,Super reduced");
  row = lb_preferences_window_get_ref_row (f->window, LB_REF_TAX_RATE, "Super reduced");
  g_assert_nonnull (row);
  g_assert_true (shows_label (row, "2.1 %"));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_null (lb_preferences_window_get_last_error (f->window));
}

/* What the actions refuse is shown in the dialog, which stays open, and
 * nothing is stored. */
static void
test_tax_rate_refused (Fixture       *f,
                       gconstpointer  data)
{
  guint n = count_refs (f, LB_REF_TAX_RATE);

  click (lb_preferences_window_get_tax_rates_part (f->window, "add"));

  type_in_editor (f, "standard", "7");
  click (editor (f, "save"));
  assert_editor_refused (f, "already in the list");
  g_assert_true (gtk_widget_has_css_class (editor (f, "name"), "error"));
  g_assert_cmpint (stored_rate (f, "Standard"), ==, 2000);
  screenshot_tax_rates (f, "tax-rate-refused");

  /* Typing again takes the mark away. */
  type_in_editor (f, "Other", NULL);
  g_assert_false (gtk_widget_has_css_class (editor (f, "name"), "error"));

  type_in_editor (f, NULL, "12.345");
  click (editor (f, "save"));
  assert_editor_refused (f, "12.345");
  g_assert_true (gtk_widget_has_css_class (editor (f, "rate"), "error"));

  type_in_editor (f, NULL, "-1");
  press_enter_in (editor (f, "name"));
  assert_editor_refused (f, "-1");

  type_in_editor (f, "  ", "7");
  click (editor (f, "save"));
  assert_editor_refused (f, "name is empty");

  g_assert_cmpuint (count_refs (f, LB_REF_TAX_RATE), ==, n);
  g_assert_false (has_ref (f, LB_REF_TAX_RATE, "Other"));
  g_assert_cmpuint (lb_preferences_window_get_tax_rate_rows (f->window)->len, ==, n);
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* Cancel closes it and stores nothing either. */
  type_in_editor (f, "Other", "7");
  click (editor (f, "cancel"));
  g_assert_null (editor (f, "window"));
  g_assert_cmpuint (count_refs (f, LB_REF_TAX_RATE), ==, n);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

/* A new percentage offers to move the products at the old one along. */
static void
test_tax_rate_edit_products (Fixture       *f,
                             gconstpointer  data)
{
  gint64 first = add_product (f, "P-1", 2000);
  gint64 second = add_product (f, "P-2", 2000);
  gint64 reduced = add_product (f, "P-3", 500);
  GtkWidget *check;
  GtkWidget *label;

  click_tax_rate_button (f, "Edit “Standard”");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor (f, "window"))), ==, "Edit Tax Rate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (f, "name"))), ==, "Standard");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (f, "rate"))), ==, "20");
  check = editor (f, "products");
  g_assert_false (gtk_widget_get_visible (check));

  type_in_editor (f, NULL, "21");
  g_assert_true (gtk_widget_get_visible (check));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  label = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Also change the 2 products at 20 % to 21 %");
  screenshot_tax_rates (f, "tax-rate-edit");

  /* Back to the stored percentage, or not a number: nothing to offer. */
  type_in_editor (f, NULL, "20");
  g_assert_false (gtk_widget_get_visible (check));
  type_in_editor (f, NULL, "2x");
  g_assert_false (gtk_widget_get_visible (check));

  type_in_editor (f, NULL, "21");
  click (editor (f, "save"));
  g_assert_null (editor (f, "window"));
  g_assert_cmpint (stored_rate (f, "Standard"), ==, 2100);
  g_assert_cmpint (product_rate (f, first), ==, 2100);
  g_assert_cmpint (product_rate (f, second), ==, 2100);
  g_assert_cmpint (product_rate (f, reduced), ==, 500);
  g_assert_true (shows_label (lb_preferences_window_get_ref_row (f->window, LB_REF_TAX_RATE, "Standard"),
                              "21 %"));
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* Unchecked, the products keep their percentage; one product reads
   * in the singular. */
  click_tax_rate_button (f, "Edit “Reduced”");
  check = editor (f, "products");
  type_in_editor (f, NULL, "6");
  label = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Also change the 1 product at 5 % to 6 %");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  click (editor (f, "save"));
  g_assert_cmpint (stored_rate (f, "Reduced"), ==, 600);
  g_assert_cmpint (product_rate (f, reduced), ==, 500);
  g_assert_cmpint (product_rate (f, first), ==, 2100);
  g_assert_cmpuint (f->n_changed, ==, 2);
}

/* A rename goes through lb_ref_rename; a refused rename changes neither
 * the name nor the percentage typed with it. */
static void
test_tax_rate_rename (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *titles = NULL;
  GtkWidget *row = lb_preferences_window_get_ref_row (f->window, LB_REF_TAX_RATE, "Zero");

  /* Activating the row edits it (its edit button, activated, clicks
   * after GTK's short press animation). */
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "documents");
  iterate ();
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) != NULL);
  g_signal_emit_by_name (row, "activate");
  lb_gui_test_iterate (400);
  g_assert_nonnull (editor (f, "window"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (f, "name"))), ==, "Zero");

  type_in_editor (f, "Exempt", NULL);
  press_enter_in (editor (f, "name"));
  g_assert_null (editor (f, "window"));
  g_assert_true (has_ref (f, LB_REF_TAX_RATE, "Exempt"));
  g_assert_false (has_ref (f, LB_REF_TAX_RATE, "Zero"));
  g_assert_cmpint (stored_rate (f, "Exempt"), ==, 0);
  titles = row_titles (f);
  g_assert_cmpstr (titles, ==, "Standard,Reduced,Exempt");
  g_assert_nonnull (find_tooltip_button (lb_preferences_window_get_tax_rates_part (f->window, "group"),
                                         "Edit “Exempt”"));
  g_assert_cmpuint (f->n_changed, ==, 1);

  click_tax_rate_button (f, "Edit “Exempt”");
  type_in_editor (f, "REDUCED", "1");
  click (editor (f, "save"));
  assert_editor_refused (f, "already in the list");
  g_assert_cmpint (stored_rate (f, "Exempt"), ==, 0);
  g_assert_cmpint (stored_rate (f, "Reduced"), ==, 500);
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* Fixed, the same dialog saves both. */
  type_in_editor (f, "Exempt (EU)", NULL);
  click (editor (f, "save"));
  g_assert_null (editor (f, "window"));
  g_assert_cmpint (stored_rate (f, "Exempt (EU)"), ==, 100);
  g_assert_null (lb_preferences_window_get_last_error (f->window));
}

/* The remove buttons remove; with none left, the group says so. */
static void
test_tax_rate_remove (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *titles = NULL;

  click_tax_rate_button (f, "Remove “Reduced”");
  g_assert_false (has_ref (f, LB_REF_TAX_RATE, "Reduced"));
  g_assert_null (lb_preferences_window_get_ref_row (f->window, LB_REF_TAX_RATE, "Reduced"));
  titles = row_titles (f);
  g_assert_cmpstr (titles, ==, "Standard,Zero");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_false (gtk_widget_get_visible (lb_preferences_window_get_tax_rates_part (f->window, "empty")));

  remove_ref (f, LB_REF_TAX_RATE, "Standard");
  click_tax_rate_button (f, "Remove “Zero”");
  g_assert_cmpuint (count_refs (f, LB_REF_TAX_RATE), ==, 0);
  g_assert_cmpuint (lb_preferences_window_get_tax_rate_rows (f->window)->len, ==, 0);
  g_assert_true (gtk_widget_get_visible (lb_preferences_window_get_tax_rates_part (f->window, "empty")));
  g_assert_cmpuint (f->n_changed, ==, 3);
  screenshot_tax_rates (f, "tax-rates-empty");

  /* The empty group still adds. */
  click (lb_preferences_window_get_tax_rates_part (f->window, "add"));
  type_in_editor (f, "Standard", "19");
  click (editor (f, "save"));
  g_assert_cmpint (stored_rate (f, "Standard"), ==, 1900);
  g_assert_false (gtk_widget_get_visible (lb_preferences_window_get_tax_rates_part (f->window, "empty")));
}

/* Opening the editor again replaces the open one; closing the window
 * closes the editor with it. */
static void
test_tax_rate_editor_lifetime (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(LbRefItem) zero = lb_store_find_ref (f->base.store, LB_REF_TAX_RATE, "Zero");
  GtkWidget *first;
  GtkWidget *dialog;

  click (lb_preferences_window_get_tax_rates_part (f->window, "add"));
  first = editor (f, "window");
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *)&first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "prefs.edit-tax-rate", "x",
                                             lb_ref_item_get_id (zero)));
  iterate ();
  g_assert_null (first);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor (f, "name"))), ==, "Zero");
  g_assert_cmpuint (lb_gui_test_count_toplevels (ADW_TYPE_WINDOW), ==, 2);

  dialog = editor (f, "window");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_null (f->window);
  g_assert_null (dialog);
  g_assert_cmpuint (lb_gui_test_count_toplevels (ADW_TYPE_WINDOW), ==, 0);
}

/* The name of the action @accel triggers in @widget's shortcut
 * controllers, or NULL. */
static char *
find_shortcut (GtkWidget  *widget,
               const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accel);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

static void
run_xdotool (const char *args)
{
  g_autofree char *command = g_strconcat ("xdotool ", args, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_auto(GStrv) argv = NULL;

  g_shell_parse_argv (command, NULL, &argv, &error);
  g_assert_no_error (error);
  process = g_subprocess_newv ((const char * const *)argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  while (g_subprocess_get_identifier (process) != NULL)
    lb_gui_test_iterate (5);
  lb_gui_test_iterate (300);
}

/* Tab reaches the rows and both buttons; Escape cancels; with xdotool,
 * real keys type, save with Enter and cancel with Escape. */
static void
test_tax_rate_keyboard (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *escape = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  gboolean seen_name = FALSE;
  gboolean seen_rate = FALSE;
  gboolean seen_save = FALSE;
  gboolean seen_cancel = FALSE;
  GtkWidget *dialog;

  click (lb_preferences_window_get_tax_rates_part (f->window, "add"));
  dialog = editor (f, "window");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), editor (f, "name")));

  for (guint i = 0; i < 12; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (GTK_WINDOW (dialog));
      g_assert_nonnull (focus);
      seen_name |= gtk_widget_is_ancestor (focus, editor (f, "name"));
      seen_rate |= gtk_widget_is_ancestor (focus, editor (f, "rate"));
      seen_save |= focus == editor (f, "save");
      seen_cancel |= focus == editor (f, "cancel");
    }
  g_assert_true (seen_name && seen_rate && seen_save && seen_cancel);

  escape = find_shortcut (dialog, "Escape");
  g_assert_cmpstr (escape, ==, "window.close");
  type_in_editor (f, "Other", "7");
  g_assert_true (gtk_widget_activate_action (dialog, escape, NULL));
  iterate ();
  g_assert_null (editor (f, "window"));
  g_assert_false (has_ref (f, LB_REF_TAX_RATE, "Other"));

  if (xdotool == NULL || g_strcmp0 (g_getenv ("LB_TEST_XDOTOOL"), "1") != 0)
    {
      g_test_message ("LB_TEST_XDOTOOL=1 and xdotool press real keys");
      return;
    }

  /* No window manager: the keyboard goes to the window under the
   * pointer, and the dialog sits at the top left. */
  run_xdotool ("mousemove 60 60");
  click (lb_preferences_window_get_tax_rates_part (f->window, "add"));
  run_xdotool ("type --delay 30 Special");
  run_xdotool ("key --delay 30 Tab 1 2 period 5 Return");
  g_assert_null (editor (f, "window"));
  g_assert_cmpint (stored_rate (f, "Special"), ==, 1250);

  click (lb_preferences_window_get_tax_rates_part (f->window, "add"));
  run_xdotool ("type --delay 30 Another");
  run_xdotool ("key --delay 30 Escape");
  g_assert_null (editor (f, "window"));
  g_assert_false (has_ref (f, LB_REF_TAX_RATE, "Another"));
}

/* A PNG image of @width × @height at @name in the test's folder. */
static char *
write_png (Fixture    *f,
           const char *name,
           int         width,
           int         height)
{
  char *path = g_build_filename (f->base.dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.7);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static char *
stored_logo (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *value = lb_settings_get (f->base.store, LB_SETTING_COMPANY_LOGO, &error);

  g_assert_no_error (error);
  return value;
}

static const char *
logo_subtitle (Fixture *f)
{
  GtkWidget *row = lb_preferences_window_get_setting_row (f->window, LB_SETTING_COMPANY_LOGO);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static GtkWidget *
logo_button (Fixture    *f,
             const char *name)
{
  return lb_gui_test_get_child (GTK_WIDGET (f->window), LB_TYPE_PREFERENCES_WINDOW, name);
}

/* The company's logo: chosen, refused when it is not a PNG image,
 * removed. */
static void
test_company_logo (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *png = write_png (f, "acme-logo.png", 120, 40);
  g_autofree char *text = g_build_filename (f->base.dir, "notes.png", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *after_refusal = NULL;

  if (!lb_settings_is_known (LB_SETTING_COMPANY_LOGO))
    {
      g_test_skip ("the settings do not know the logo yet");
      return;
    }

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "company");
  iterate ();
  g_assert_cmpstr (logo_subtitle (f), ==, "None");
  g_assert_false (gtk_widget_is_sensitive (logo_button (f, "company_logo_remove_button")));
  g_assert_true (gtk_widget_is_sensitive (logo_button (f, "company_logo_choose_button")));
  g_assert_false (gtk_widget_get_visible (logo_button (f, "company_logo_image")));

  /* chosen */
  g_assert_true (lb_preferences_window_set_logo_file (f->window, png_file));
  iterate ();
  stored = stored_logo (f);
  g_assert_cmpstr (stored, ==, png);
  g_assert_cmpstr (logo_subtitle (f), ==, "acme-logo.png");
  g_assert_true (gtk_widget_is_sensitive (logo_button (f, "company_logo_remove_button")));
  g_assert_true (gtk_widget_get_visible (logo_button (f, "company_logo_image")));
  g_assert_null (lb_preferences_window_get_last_error (f->window));
  g_assert_cmpuint (f->n_changed, ==, 1);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "preferences-company-logo");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  lb_gui_test_screenshot (GTK_WIDGET (f->window), "preferences-company-logo-360");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 720);

  /* a file that is not a PNG image: the core's refusal, nothing changed */
  g_file_set_contents (text, "not an image", -1, &error);
  g_assert_no_error (error);
  g_assert_false (lb_preferences_window_set_logo_file (f->window, text_file));
  iterate ();
  g_assert_nonnull (lb_preferences_window_get_last_error (f->window));
  g_assert_nonnull (strstr (lb_preferences_window_get_last_error (f->window), "notes.png"));
  after_refusal = stored_logo (f);
  g_assert_cmpstr (after_refusal, ==, png);
  g_assert_cmpstr (logo_subtitle (f), ==, "acme-logo.png");
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* removed, with its button */
  g_signal_emit_by_name (logo_button (f, "company_logo_remove_button"), "clicked");
  iterate ();
  g_assert_null (stored_logo (f));
  g_assert_cmpstr (logo_subtitle (f), ==, "None");
  g_assert_false (gtk_widget_is_sensitive (logo_button (f, "company_logo_remove_button")));
  g_assert_cmpuint (f->n_changed, ==, 2);
}

/* Choose… opens a file chooser for PNG images; the file accepted there
 * becomes the logo. */
static void
test_company_logo_chooser (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *png = write_png (f, "mark.png", 64, 64);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  GtkFileFilter *filter;
  GtkWindow *dialog;

#ifdef __SANITIZE_ADDRESS__
  /* GTK 4.8's file chooser dialog leaks (its tree view, libcloudproviders) */
  g_test_skip ("GTK's file chooser dialog leaks under LeakSanitizer");
  return;
#endif

  if (!lb_settings_is_known (LB_SETTING_COMPANY_LOGO))
    {
      g_test_skip ("the settings do not know the logo yet");
      return;
    }

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), "company");
  iterate ();
  g_signal_emit_by_name (logo_button (f, "company_logo_choose_button"), "clicked");
  iterate ();

  dialog = lb_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "PNG Images");

  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), png_file, &error);
  g_assert_no_error (error);
  lb_gui_test_iterate (200);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  lb_gui_test_iterate (200);

  stored = stored_logo (f);
  g_assert_cmpstr (stored, ==, png);
  g_assert_cmpstr (logo_subtitle (f), ==, "mark.png");
  g_assert_null (lb_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  /* closing the window closes its chooser */
  g_signal_emit_by_name (logo_button (f, "company_logo_choose_button"), "clicked");
  lb_gui_test_iterate (300);
  g_assert_nonnull (lb_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  gtk_window_destroy (GTK_WINDOW (f->window));
  lb_gui_test_iterate (100);
  g_assert_null (f->window);
  g_assert_null (lb_gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  lb_gui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/preferences/add-source", test_add_source);
  ADD ("/preferences/add-duplicate", test_add_duplicate);
  ADD ("/preferences/rename", test_rename);
  ADD ("/preferences/remove", test_remove);
  ADD ("/preferences/invoice-type", test_invoice_type);
  ADD ("/preferences/currency", test_currency);
  ADD ("/preferences/patterns-and-terms", test_patterns_and_terms);
  ADD ("/preferences/pipeline-stages", test_pipeline_stages);
  ADD ("/preferences/pipeline-remove-in-use", test_pipeline_remove_in_use);
  ADD ("/preferences/pipelines", test_pipelines);
  ADD ("/preferences/tax-rates-listed", test_tax_rates_listed);
  ADD ("/preferences/tax-rate-add", test_tax_rate_add);
  ADD ("/preferences/tax-rate-refused", test_tax_rate_refused);
  ADD ("/preferences/tax-rate-edit-products", test_tax_rate_edit_products);
  ADD ("/preferences/tax-rate-rename", test_tax_rate_rename);
  ADD ("/preferences/tax-rate-remove", test_tax_rate_remove);
  ADD ("/preferences/tax-rate-keyboard", test_tax_rate_keyboard);
  ADD ("/preferences/tax-rate-editor-lifetime", test_tax_rate_editor_lifetime);
  ADD ("/preferences/company-logo", test_company_logo);
  ADD ("/preferences/company-logo-chooser", test_company_logo_chooser);

#undef ADD

  return lb_gui_test_run ();
}
