#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LB_TYPE_RECORD (lb_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (LbRecord, lb_record, LB, RECORD, GObject)

/* The base of the simple record types (accounts, contacts, deals): a
 * table of text fields and a table of integer fields (ids, amounts in
 * minor units, timestamps), each installed as a GObject property named
 * after the field.  Empty text is stored as NULL; integers are >= 0
 * unless the field allows negatives. */
struct _LbRecordClass
{
  GObjectClass         parent_class;

  /*< private >*/
  const char * const  *text_names;
  guint                n_text;
  const char * const  *int_names;
  guint                n_int;
  GParamSpec         **pspecs;
};

void        lb_record_class_install_fields (LbRecordClass       *klass,
                                            const char * const  *text_names,
                                            guint                n_text,
                                            const char * const  *int_names,
                                            guint                n_int);
guint       lb_record_class_n_props        (LbRecordClass       *klass);
gboolean    lb_record_get_field_property   (GObject             *object,
                                            guint                prop_id,
                                            GValue              *value);
gboolean    lb_record_set_field_property   (GObject             *object,
                                            guint                prop_id,
                                            const GValue        *value);

const char *lb_record_get_text             (LbRecord            *self,
                                            guint                field);
void        lb_record_set_text             (LbRecord            *self,
                                            guint                field,
                                            const char          *value);
gint64      lb_record_get_int              (LbRecord            *self,
                                            guint                field);
void        lb_record_set_int              (LbRecord            *self,
                                            guint                field,
                                            gint64               value);
void        lb_record_copy_fields          (LbRecord            *dest,
                                            LbRecord            *src);
const char *lb_record_text_name            (LbRecord            *self,
                                            guint                field);

G_END_DECLS
