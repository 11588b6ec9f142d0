#pragma once

#include <adwaita.h>

#include "lb-account.h"
#include "lb-store.h"

G_BEGIN_DECLS

#define LB_TYPE_ACCOUNT_WINDOW (lb_account_window_get_type ())
G_DECLARE_FINAL_TYPE (LbAccountWindow, lb_account_window, LB, ACCOUNT_WINDOW, AdwWindow)

/* Signals: "saved" (gint64 id), "trashed" (gint64 id), and "changed"
 * (gint64 id): records linked to the account (contacts, deals, …)
 * changed in a window opened from this one. */
LbAccountWindow *lb_account_window_new             (GtkWindow       *parent,
                                                    LbStore         *store,
                                                    gint64           account_id);
gint64           lb_account_window_get_account_id  (LbAccountWindow *self);
gboolean         lb_account_window_get_modified    (LbAccountWindow *self);
gboolean         lb_account_window_save            (LbAccountWindow *self);
GtkWidget       *lb_account_window_get_row         (LbAccountWindow *self,
                                                    const char      *property);
GtkWidget       *lb_account_window_get_error_label (LbAccountWindow *self,
                                                    const char      *property);

/* What the account and contact editors share (lb-account-window.c). */

/* A message shown in a form: the rows it is about (they get the
 * "error" style class) and a row right below them holding the text. */
typedef struct
{
  GtkWidget *rows[2];
  GtkWidget *message_row;
  GtkLabel  *label;
} LbEditorError;

void       lb_editor_error_init        (LbEditorError   *error,
                                        GtkWidget       *after,
                                        GtkWidget       *row,
                                        GtkWidget       *other_row);
void       lb_editor_error_show        (LbEditorError   *error,
                                        const char      *message,
                                        gboolean         focus);
void       lb_editor_error_clear       (LbEditorError   *error);

void       lb_editor_show_toast        (AdwToastOverlay *overlay,
                                        const char      *message);

/* The records an editor links to: each opens in its own window. */
typedef enum
{
  LB_LINK_ACCOUNT,
  LB_LINK_CONTACT,
  LB_LINK_DEAL,
  LB_LINK_ORDER,
  LB_LINK_INVOICE,
  LB_LINK_LEAD,
} LbLinkKind;

/* Called on @owner when a record opened from it was saved or changed
 * (@trashed FALSE), or went to the trash or was deleted (@trashed TRUE). */
typedef void (*LbLinkChangedFunc) (gpointer    owner,
                                   LbLinkKind  kind,
                                   gint64      id,
                                   gboolean    trashed);

/* Called on @owner after the Undo of a trashed toast, with the reason
 * when the record could not be restored. */
typedef void (*LbRestoredFunc)    (gpointer      owner,
                                   const GError *error);

GtkWindow *lb_editor_open_link         (GtkWindow       *parent,
                                        LbStore         *store,
                                        LbLinkKind       kind,
                                        gint64           id,
                                        gpointer         owner,
                                        LbLinkChangedFunc changed);
AdwToast  *lb_editor_trashed_toast_new (LbStore         *store,
                                        LbLinkKind       kind,
                                        gint64           id,
                                        gpointer         owner,
                                        LbRestoredFunc   restored);

/* An editor window of one record: a form bound to a working copy of
 * the record and, for a stored record, the records linked to it.  The
 * window's struct embeds an LbEditor; lb_editor_class_init() gives the
 * class its properties ("store" and "<prefix>-id"), signals ("saved",
 * "trashed", "changed"), actions ("<prefix>.save", ".cancel",
 * ".delete"), keys and GObject overrides. */

#define LB_EDITOR_MAX_FIELDS 16
#define LB_EDITOR_MAX_LINKS  4

typedef struct _LbEditorInfo LbEditorInfo;

typedef struct
{
  LbEditorInfo        *info;
  LbStore             *store;
  gint64               id;
  LbRecord            *record;          /* the working copy the form edits */
  gboolean             loaded;
  gboolean             modified;
  gboolean             discard;         /* close without asking */
  guint                filling;         /* > 0 while the form is filled, not edited */
  GtkWindow           *discard_dialog;
  GPtrArray           *link_rows;
  LbEditorError        errors[LB_EDITOR_MAX_FIELDS];   /* by text field */

  /* template children */
  AdwToastOverlay     *toast_overlay;
  GtkButton           *save_button;
  GtkWidget           *menu_button;
  GtkWidget           *rows[LB_EDITOR_MAX_FIELDS];     /* by text field */
  AdwPreferencesGroup *lead_group;
  AdwActionRow        *lead_row;
  AdwPreferencesGroup *link_groups[LB_EDITOR_MAX_LINKS];
  GtkLabel            *footer_label;
} LbEditor;

struct _LbEditorInfo
{
  gsize           offset;       /* of the LbEditor in the window's struct */
  const char     *prefix;       /* "account": "account.save", "account-id" */
  LbLinkKind      kind;
  GType         (*record_type)  (void);
  gpointer      (*get)          (LbStore *store, gint64 id, GError **error);
  gint64        (*create)       (LbStore *store, gpointer record, GError **error);
  gboolean      (*save)         (LbStore *store, gpointer record, GError **error);
  char         *(*title)        (LbRecord *record);
  guint           lead_id_field;
  guint           created_at_field;
  guint           updated_at_field;
  guint           deleted_at_field;
  const char     *unsaved;      /* what the discard dialog says, N_() */
  const char     *in_trash;     /* what a trashed record's editor says, N_() */
  const char     *row_names[LB_EDITOR_MAX_FIELDS];   /* NULL: "<field>_row" */
  guint           live_fields[LB_EDITOR_MAX_FIELDS]; /* checked on leaving their row */
  guint           n_live_fields;
  LbLinkKind      link_kinds[LB_EDITOR_MAX_LINKS];   /* of the groups named … */
  const char     *link_groups[LB_EDITOR_MAX_LINKS];  /* … here, NULL-ended */

  /* hooks of the window class, each optional */
  void           (*fill)         (GtkWidget *window);
  LbEditorError *(*locate)       (GtkWidget *window, const GError *error);
  LbEditorError *(*error_of)     (GtkWidget *window, const char *property);
  void           (*update)       (GtkWidget *window, gboolean existing, gboolean editable);

  /*< private >*/
  guint           signals[3];
};

void       lb_editor_class_init        (GtkWidgetClass  *widget_class,
                                        LbEditorInfo    *info);
void       lb_editor_init              (GtkWidget       *window);
LbEditor  *lb_editor_get               (gpointer         window);
gboolean   lb_editor_save              (GtkWidget       *window);
GtkWidget *lb_editor_get_row           (GtkWidget       *window,
                                        const char      *property);
LbEditorError *lb_editor_error_of      (GtkWidget       *window,
                                        const char      *property);

G_END_DECLS
