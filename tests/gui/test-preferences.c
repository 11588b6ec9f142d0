/* The Preferences window, driven through its real rows and actions. */

#include "config.h"

#include <string.h>

#include "lb-crm-actions.h"
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

#undef ADD

  return lb_gui_test_run ();
}
