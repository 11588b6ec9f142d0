#define G_LOG_DOMAIN "lb-lead-list"

#include "config.h"

#include <string.h>

#include "lb-lead-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 32

struct _LbLeadList
{
  GObject       parent_instance;

  LbStore      *store;
  LbLeadFilter *filter;
  GArray       *ids;          /* gint64, in list order */
  GHashTable   *pages;        /* page number → GPtrArray of LbLead */
  GQueue        page_order;   /* page numbers, most recently used first */
  GCancellable *cancellable;
  guint         serial;
  guint         first_serial;  /* the query whose first rows the list shows */
  gboolean      loading;
  gboolean      complete;
};

static void lb_lead_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LbLeadList, lb_lead_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lb_lead_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  LOADED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  LbStore      *store;
  LbLeadFilter *filter;
  guint         serial;
  gboolean      show_first;   /* hand the first rows over before the rest */
} QueryData;

/* The first rows of a query, on their way to the main thread. */
typedef struct
{
  LbLeadList *list;
  GArray     *ids;
  guint       serial;
} FirstRows;

/* helpers */

static void
query_data_free (QueryData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->filter, lb_lead_filter_free);
  g_free (data);
}

static void
first_rows_free (FirstRows *first)
{
  g_clear_object (&first->list);
  g_clear_pointer (&first->ids, g_array_unref);
  g_free (first);
}

static void
clear_pages (LbLeadList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static void
set_loading (LbLeadList *self,
             gboolean    loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_complete (LbLeadList *self,
              gboolean    complete)
{
  if (self->complete == complete)
    return;
  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Swaps in a new result, with one items-changed for the whole list. */
static void
replace_ids (LbLeadList *self,
             GArray     *ids)
{
  guint removed = self->ids->len;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  clear_pages (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, ids->len);
  if (removed != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Whether @ids starts with every id the list holds. */
static gboolean
extends_ids (LbLeadList *self,
             GArray     *ids)
{
  return ids->len >= self->ids->len &&
         (self->ids->len == 0 ||
          memcmp (ids->data, self->ids->data, self->ids->len * sizeof (gint64)) == 0);
}

/* Takes @ids, which extends what the list holds, keeping the rows
 * read so far, with one items-changed for the added rows. */
static void
append_ids (LbLeadList *self,
            GArray     *ids)
{
  guint old_len = self->ids->len;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  /* A last page cut short by the old end is read again in full. */
  if (old_len % PAGE_SIZE != 0)
    {
      gpointer page = GUINT_TO_POINTER (old_len / PAGE_SIZE);

      g_hash_table_remove (self->pages, page);
      g_queue_remove (&self->page_order, page);
    }

  if (ids->len > old_len)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, ids->len - old_len);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

static GPtrArray *
load_page (LbLeadList *self,
           guint       page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *rows;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  const gint64 *ids = &g_array_index (self->ids, gint64, first);

  found = lb_store_get_leads (self->store, ids, n, &error);
  if (found == NULL)
    {
      g_warning ("Cannot read leads: %s", error->message);
      found = g_ptr_array_new_with_free_func (g_object_unref);
    }

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < found->len; i++)
    {
      LbLead *lead = g_ptr_array_index (found, i);
      for (guint j = 0; j < n; j++)
        if (ids[j] == lb_lead_get_id (lead))
          {
            g_hash_table_insert (by_id, (gpointer)&ids[j], lead);
            break;
          }
    }

  /* A row deleted since the query still gets an (empty) object, so the
   * positions stay as the view knows them until the next query. */
  rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint j = 0; j < n; j++)
    {
      LbLead *lead = g_hash_table_lookup (by_id, &ids[j]);

      if (lead != NULL)
        g_ptr_array_add (rows, g_object_ref (lead));
      else
        {
          LbLead *gone = lb_lead_new ();
          lb_lead_set_int (gone, LB_LEAD_ID, ids[j]);
          g_ptr_array_add (rows, gone);
        }
    }

  return rows;
}

static GPtrArray *
get_page (LbLeadList *self,
          guint       page)
{
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (rows != NULL)
    {
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
      return rows;
    }

  rows = load_page (self, page);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&self->page_order);
      g_hash_table_remove (self->pages, oldest);
    }

  return rows;
}

/* In the main thread: shows the first rows of the query still running,
 * unless a newer query replaced it or its whole result is in. */
static gboolean
show_first_rows (gpointer user_data)
{
  FirstRows *first = user_data;
  LbLeadList *self = first->list;

  if (first->serial != self->serial || !self->loading)
    return G_SOURCE_REMOVE;

  self->first_serial = first->serial;
  g_object_freeze_notify (G_OBJECT (self));
  set_complete (self, FALSE);
  replace_ids (self, first->ids);
  g_object_thaw_notify (G_OBJECT (self));

  return G_SOURCE_REMOVE;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *data = task_data;
  g_autoptr(LbStore) reader = NULL;
  GError *error = NULL;
  GArray *ids;

  reader = lb_store_open_reader (data->store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The first rows come quickly, often with the order's index alone;
   * the main thread shows them while the whole result is read. */
  if (data->show_first)
    {
      g_autoptr(GArray) first_ids = NULL;
      gboolean complete = FALSE;

      first_ids = lb_store_query_first_lead_ids (reader, data->filter, LB_LEAD_LIST_FIRST_ROWS,
                                                 &complete, &error);
      if (first_ids == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (complete)
        {
          g_task_return_pointer (task, g_steal_pointer (&first_ids),
                                 (GDestroyNotify)g_array_unref);
          return;
        }
      if (first_ids->len > 0 && !g_cancellable_is_cancelled (cancellable))
        {
          g_autoptr(GSource) source = g_idle_source_new ();
          FirstRows *first = g_new0 (FirstRows, 1);

          first->list = g_object_ref (source_object);
          first->ids = g_steal_pointer (&first_ids);
          first->serial = data->serial;

          /* Not g_main_context_invoke(), which would run it here when
           * the main thread happens not to hold its context. */
          g_source_set_priority (source, g_task_get_priority (task));
          g_source_set_callback (source, show_first_rows, first, (GDestroyNotify)first_rows_free);
          g_source_set_static_name (source, "[lb-lead-list] first rows");
          g_source_attach (source, g_task_get_context (task));
        }
      if (g_task_return_error_if_cancelled (task))
        return;
    }

  ids = lb_store_query_lead_ids (reader, data->filter, 0, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify)g_array_unref);
}

static void
query_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  LbLeadList *self = LB_LEAD_LIST (object);
  QueryData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean append;

  ids = g_task_propagate_pointer (G_TASK (result), &error);
  if (data->serial != self->serial)
    return;   /* a newer query replaced this one */

  if (ids == NULL)
    {
      /* The first rows, if shown, stay: the list is still not complete. */
      set_loading (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  /* After the first rows of this very query only the rest is new, and
   * the rows read so far stay; otherwise, as after a change to the
   * leads, the whole list is read again. */
  append = !self->complete && self->first_serial == data->serial && extends_ids (self, ids);

  g_object_freeze_notify (G_OBJECT (self));
  set_loading (self, FALSE);
  set_complete (self, TRUE);
  if (append)
    append_ids (self, ids);
  else
    replace_ids (self, ids);
  g_object_thaw_notify (G_OBJECT (self));

  lb_store_release_memory ();
  g_signal_emit (self, signals[LOADED], 0);
}

/* GListModel */

static GType
lb_lead_list_get_item_type (GListModel *model)
{
  return LB_TYPE_LEAD;
}

static guint
lb_lead_list_get_n_items (GListModel *model)
{
  return LB_LEAD_LIST (model)->ids->len;
}

static gpointer
lb_lead_list_get_item (GListModel *model,
                       guint       position)
{
  LbLeadList *self = LB_LEAD_LIST (model);
  GPtrArray *rows;

  if (position >= self->ids->len)
    return NULL;

  rows = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
lb_lead_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lb_lead_list_get_item_type;
  iface->get_n_items = lb_lead_list_get_n_items;
  iface->get_item = lb_lead_list_get_item;
}

/* GObject overrides */

static void
lb_lead_list_dispose (GObject *object)
{
  LbLeadList *self = (LbLeadList *)object;

  /* Rows and results on their way are dropped. */
  self->serial++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_pages (self);

  G_OBJECT_CLASS (lb_lead_list_parent_class)->dispose (object);
}

static void
lb_lead_list_finalize (GObject *object)
{
  LbLeadList *self = (LbLeadList *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->filter, lb_lead_filter_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lb_lead_list_parent_class)->finalize (object);
}

static void
lb_lead_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LbLeadList *self = LB_LEAD_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lb_lead_list_class_init (LbLeadListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lb_lead_list_dispose;
  object_class->finalize = lb_lead_list_finalize;
  object_class->get_property = lb_lead_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LbLeadList:complete:
   *
   * Whether the list holds every match of its query: %FALSE while it
   * shows the first rows of a query that is still reading the rest
   * (or that failed after them).
   */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LbLeadList::loaded:
   *
   * A query finished and the list shows its result.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LbLeadList::failed:
   * @error: what went wrong
   *
   * A query failed; the list still shows the previous result, or the
   * first rows of this query (then it is not #LbLeadList:complete).
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
lb_lead_list_init (LbLeadList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->filter = lb_lead_filter_new ();
  self->complete = TRUE;
  g_queue_init (&self->page_order);
}

/* public API */

/* A new list is empty until the first lb_lead_list_reload(). */
LbLeadList *
lb_lead_list_new (LbStore *store)
{
  LbLeadList *self;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);

  self = g_object_new (LB_TYPE_LEAD_LIST, NULL);
  self->store = g_object_ref (store);

  return self;
}

LbStore *
lb_lead_list_get_store (LbLeadList *self)
{
  g_return_val_if_fail (LB_IS_LEAD_LIST (self), NULL);
  return self->store;
}

const LbLeadFilter *
lb_lead_list_get_filter (LbLeadList *self)
{
  g_return_val_if_fail (LB_IS_LEAD_LIST (self), NULL);
  return self->filter;
}

/* Starts the query in a worker thread, replacing any still running.
 * With @show_first the first rows replace the list as soon as they
 * are found; "loaded" comes when the whole result is in. */
static void
start_query (LbLeadList *self,
             gboolean    show_first)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (QueryData, 1);
  data->store = g_object_ref (self->store);
  data->filter = lb_lead_filter_copy (self->filter);
  data->serial = ++self->serial;
  data->show_first = show_first;

  task = g_task_new (self, self->cancellable, query_done, NULL);
  g_task_set_source_tag (task, lb_lead_list_reload);
  g_task_set_task_data (task, data, (GDestroyNotify)query_data_free);
  set_loading (self, TRUE);
  g_task_run_in_thread (task, query_thread);
}

/* Sets what the list shows and starts a query when it changed: the
 * list shows the first rows of the new result as soon as they are
 * found, then the rest. */
void
lb_lead_list_set_filter (LbLeadList         *self,
                         const LbLeadFilter *filter)
{
  g_return_if_fail (LB_IS_LEAD_LIST (self));
  g_return_if_fail (filter != NULL);

  if (lb_lead_filter_equal (self->filter, filter))
    return;

  lb_lead_filter_free (self->filter);
  self->filter = lb_lead_filter_copy (filter);
  start_query (self, TRUE);
}

/* Runs the query again in a worker thread; the list keeps its rows
 * until the whole result is in, then changes in one step.  Only an
 * empty list shows the first rows before the rest. */
void
lb_lead_list_reload (LbLeadList *self)
{
  g_return_if_fail (LB_IS_LEAD_LIST (self));

  start_query (self, self->ids->len == 0);
}

/* Runs the query in this thread; for the CLI and tests. */
gboolean
lb_lead_list_reload_sync (LbLeadList  *self,
                          GError     **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (LB_IS_LEAD_LIST (self), FALSE);

  ids = lb_store_query_lead_ids (self->store, self->filter, 0, error);
  if (ids == NULL)
    return FALSE;

  self->serial++;
  g_cancellable_cancel (self->cancellable);
  g_object_freeze_notify (G_OBJECT (self));
  set_loading (self, FALSE);
  set_complete (self, TRUE);
  replace_ids (self, ids);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[LOADED], 0);

  return TRUE;
}

gboolean
lb_lead_list_get_loading (LbLeadList *self)
{
  g_return_val_if_fail (LB_IS_LEAD_LIST (self), FALSE);
  return self->loading;
}

/* Whether the list holds every match of its query, not only the first
 * rows of a query still running (see LbLeadList:complete). */
gboolean
lb_lead_list_get_complete (LbLeadList *self)
{
  g_return_val_if_fail (LB_IS_LEAD_LIST (self), FALSE);
  return self->complete;
}

gint64
lb_lead_list_get_id (LbLeadList *self,
                     guint       position)
{
  g_return_val_if_fail (LB_IS_LEAD_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/* The position of lead @id, or G_MAXUINT when the list does not hold it. */
guint
lb_lead_list_find (LbLeadList *self,
                   gint64      id)
{
  g_return_val_if_fail (LB_IS_LEAD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}
