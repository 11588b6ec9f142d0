#include "config.h"

#include <stdlib.h>

#include "lb-dashboard-page.h"
#include "lb-lead-actions.h"
#include "lb-leads-page.h"
#include "lb-gui-test.h"
#include "lb-trash-page.h"

static LbApplication *test_app;

/* helpers */

static gboolean
lists_idle (gpointer data)
{
  LbWindow *window = data;
  LbLeadsPage *leads = LB_LEADS_PAGE (lb_window_get_page_widget (window, "leads"));
  LbTrashPage *trash = LB_TRASH_PAGE (lb_window_get_page_widget (window, "trash"));
  LbDashboardPage *dashboard = LB_DASHBOARD_PAGE (lb_window_get_page_widget (window, "dashboard"));

  return !lb_lead_list_get_loading (lb_leads_page_get_list (leads)) &&
         !lb_lead_list_get_loading (lb_trash_page_get_list (trash)) &&
         !lb_dashboard_page_get_loading (dashboard);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} NItems;

static gboolean
has_n_items (gpointer data)
{
  NItems *wanted = data;

  return g_list_model_get_n_items (wanted->model) == wanted->n_items;
}

/* public API */

/* GTest and GTK; exits 77 (a skip) when there is no display. */
void
lb_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the GUI tests\n");
      exit (77);
    }
  adw_init ();

  /* No animations: the tests look at where things end up, and after
   * its animated transitions libadwaita 1.2's leaflet leaves render
   * nodes behind that LeakSanitizer reports (with G_SLICE=always-malloc). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* Nor a selection on focus: GUI tests run side by side on one X
   * display, and GTK 4.8 leaks an object of its X11 clipboard when
   * another program takes the PRIMARY selection from it. */
  g_object_set (gtk_settings_get_default (), "gtk-entry-select-on-focus", FALSE, NULL);

  /* One application for the whole program: a registered application
   * exports itself on the session bus, where its path can be taken
   * once per connection. */
  test_app = lb_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (test_app), NULL, &error);
  g_assert_no_error (error);
}

/* Runs the tests, then lets go of the application. */
int
lb_gui_test_run (void)
{
  int status = g_test_run ();

  lb_gui_test_destroy_windows ();
  g_clear_object (&test_app);

  return status;
}

LbApplication *
lb_gui_test_get_app (void)
{
  return test_app;
}

LbWindow *
lb_gui_test_open_window (LbStore *store)
{
  LbWindow *window = lb_window_new (test_app, store);

  gtk_window_present (GTK_WINDOW (window));
  lb_gui_test_wait_idle (window);

  return window;
}

void
lb_gui_fixture_setup (LbGuiFixture  *fixture,
                      gconstpointer  data)
{
  lb_test_fixture_setup (&fixture->base, data);
  fixture->window = lb_gui_test_open_window (fixture->base.store);
}

static gboolean
app_idle (gpointer data)
{
  return !lb_application_get_busy (test_app);
}

/* Destroys every toplevel and waits until each is gone. */
void
lb_gui_test_destroy_windows (void)
{
  GList *toplevels;
  GPtrArray *weak = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (lb_gui_test_wait (app_idle, NULL, 20000));
  toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      gpointer *slot = g_new (gpointer, 1);

      if (LB_IS_WINDOW (l->data))
        lb_gui_test_wait_idle (l->data);

      *slot = l->data;
      g_object_add_weak_pointer (G_OBJECT (l->data), slot);
      g_ptr_array_add (weak, slot);
    }
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);

  for (guint i = 0; i < weak->len; i++)
    {
      gpointer *slot = g_ptr_array_index (weak, i);

      for (guint tries = 0; *slot != NULL && tries < 1000; tries++)
        lb_gui_test_iterate (5);
      if (*slot != NULL)
        g_object_remove_weak_pointer (G_OBJECT (*slot), slot);
    }
  g_ptr_array_unref (weak);
  lb_gui_test_iterate (20);
}

void
lb_gui_fixture_teardown (LbGuiFixture  *fixture,
                         gconstpointer  data)
{
  fixture->window = NULL;
  lb_gui_test_destroy_windows ();
  lb_test_fixture_teardown (&fixture->base, data);
}

/* Runs the main loop until @condition holds or @timeout_ms passed. */
gboolean
lb_gui_test_wait (LbGuiCondition condition,
                  gpointer       data,
                  guint          timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

/* Runs the main loop for @ms milliseconds. */
void
lb_gui_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Waits until no page of @window is reading the database. */
void
lb_gui_test_wait_idle (LbWindow *window)
{
  g_assert_true (lb_gui_test_wait (lists_idle, window, 20000));
}

void
lb_gui_test_wait_n_items (GListModel *model,
                          guint       n_items)
{
  NItems wanted = { model, n_items };

  if (!lb_gui_test_wait (has_n_items, &wanted, 20000))
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_items);
}

/* Reloads every page, as after a change made outside the window. */
void
lb_gui_test_reload (LbWindow *window)
{
  lb_window_reload (window);
  lb_gui_test_wait_idle (window);
}

/* The first toplevel of @type, or NULL. */
GtkWindow *
lb_gui_test_find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

guint
lb_gui_test_count_toplevels (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        n++;
    }
  g_list_free (toplevels);

  return n;
}

/* The template child @name of @widget, which must exist. */
gpointer
lb_gui_test_get_child (GtkWidget  *widget,
                       GType       template_type,
                       const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, template_type, name);

  g_assert_nonnull (child);
  return child;
}

/* Saves what @widget shows as <name>.png in $LB_TEST_SCREENSHOT_DIR,
 * when that is set. */
void
lb_gui_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  const char *dir = g_getenv ("LB_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width;
  int height;

  if (dir == NULL)
    return;

  lb_gui_test_iterate (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Adds a lead with the given fields; @status is set by a save after
 * the create, as a user would (a new lead is always New). */
gint64
lb_gui_test_add_lead_full (LbStore      *store,
                           const char   *first,
                           const char   *last,
                           const char   *email,
                           const char   *source,
                           LbRating      rating,
                           LbLeadStatus  status,
                           const char   *tag)
{
  g_autoptr(LbLead) lead = lb_test_make_lead (first, last, email, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  lb_lead_set_text (lead, LB_LEAD_SOURCE, source);
  lb_lead_set_rating (lead, rating);
  if (tag != NULL)
    {
      const char *tags[] = { tag, NULL };
      lb_lead_set_tags (lead, tags);
    }

  id = lb_lead_create (store, lead, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  if (status != LB_LEAD_STATUS_NEW)
    {
      g_autoptr(LbLead) saved = lb_store_get_lead (store, id, &error);

      g_assert_no_error (error);
      lb_lead_set_status (saved, status);
      lb_lead_save (store, saved, &error);
      g_assert_no_error (error);
    }

  return id;
}
