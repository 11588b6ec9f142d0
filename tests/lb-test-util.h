#pragma once

#include <glib.h>

#include "lb-store.h"

G_BEGIN_DECLS

/* A temporary folder for one test, removed with everything in it. */
typedef struct
{
  char    *dir;
  char    *db_path;
  LbStore *store;
} LbTestFixture;

void     lb_test_fixture_setup    (LbTestFixture *fixture,
                                   gconstpointer  data);
void     lb_test_fixture_teardown (LbTestFixture *fixture,
                                   gconstpointer  data);
void     lb_test_remove_tree      (const char    *path);
LbLead  *lb_test_make_lead        (const char    *first,
                                   const char    *last,
                                   const char    *email,
                                   const char    *phone);
gint64   lb_test_add_lead         (LbStore       *store,
                                   const char    *first,
                                   const char    *last,
                                   const char    *email,
                                   const char    *phone);

G_END_DECLS
