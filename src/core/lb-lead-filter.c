#define G_LOG_DOMAIN "lb-lead-filter"

#include "config.h"

#include "lb-lead-filter.h"

G_DEFINE_BOXED_TYPE (LbLeadFilter, lb_lead_filter, lb_lead_filter_copy, lb_lead_filter_free)

/* public API */

/* A new filter shows every live lead, newest first. */
LbLeadFilter *
lb_lead_filter_new (void)
{
  LbLeadFilter *self = g_new0 (LbLeadFilter, 1);

  self->status = -1;
  self->rating = -1;
  self->sort = LB_LEAD_SORT_CREATED;
  self->descending = TRUE;

  return self;
}

LbLeadFilter *
lb_lead_filter_copy (const LbLeadFilter *self)
{
  LbLeadFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->source = g_strdup (self->source);
  copy->category = g_strdup (self->category);
  copy->tags = g_strdupv (self->tags);
  copy->owner = g_strdup (self->owner);
  copy->search = g_strdup (self->search);

  return copy;
}

void
lb_lead_filter_free (LbLeadFilter *self)
{
  if (self == NULL)
    return;

  g_free (self->source);
  g_free (self->category);
  g_strfreev (self->tags);
  g_free (self->owner);
  g_free (self->search);
  g_free (self);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *)a, (const char * const *)b);
}

gboolean
lb_lead_filter_equal (const LbLeadFilter *a,
                      const LbLeadFilter *b)
{
  return a->status == b->status &&
         g_strcmp0 (a->source, b->source) == 0 &&
         g_strcmp0 (a->category, b->category) == 0 &&
         strv_equal0 (a->tags, b->tags) &&
         a->rating == b->rating &&
         g_strcmp0 (a->owner, b->owner) == 0 &&
         a->since == b->since &&
         a->until == b->until &&
         g_strcmp0 (a->search, b->search) == 0 &&
         a->trash == b->trash &&
         a->sort == b->sort &&
         a->descending == b->descending;
}
