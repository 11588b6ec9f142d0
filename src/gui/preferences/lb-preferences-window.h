#pragma once

#include <adwaita.h>

#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_PREFERENCES_WINDOW (lb_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LbPreferencesWindow, lb_preferences_window, LB, PREFERENCES_WINDOW, AdwPreferencesWindow)

LbPreferencesWindow *lb_preferences_window_new             (GtkWindow           *parent,
                                                            LbStore             *store);
GtkWidget           *lb_preferences_window_get_add_row     (LbPreferencesWindow *self,
                                                            LbRefKind            kind);
GtkWidget           *lb_preferences_window_get_ref_row     (LbPreferencesWindow *self,
                                                            LbRefKind            kind,
                                                            const char          *name);
GtkWidget           *lb_preferences_window_get_setting_row (LbPreferencesWindow *self,
                                                            const char          *key);
const char          *lb_preferences_window_get_last_error  (LbPreferencesWindow *self);
GtkWidget           *lb_preferences_window_get_add_pipeline_row (LbPreferencesWindow *self);
GtkWidget           *lb_preferences_window_get_pipeline_row (LbPreferencesWindow *self,
                                                            const char          *pipeline,
                                                            const char          *part);
GPtrArray           *lb_preferences_window_get_stage_rows  (LbPreferencesWindow *self,
                                                            const char          *pipeline);
GPtrArray           *lb_preferences_window_get_tax_rate_rows (LbPreferencesWindow *self);
GtkWidget           *lb_preferences_window_get_tax_rates_part (LbPreferencesWindow *self,
                                                            const char          *part);
GtkWidget           *lb_preferences_window_get_tax_rate_editor (LbPreferencesWindow *self,
                                                            const char          *part);
gboolean             lb_preferences_window_set_logo_file   (LbPreferencesWindow *self,
                                                            GFile               *file);

G_END_DECLS
