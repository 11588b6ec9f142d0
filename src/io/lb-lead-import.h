#pragma once

#include "lb-lead-filter.h"
#include "lb-store.h"

G_BEGIN_DECLS

/* Importing leads from CSV and exporting them (SPEC 3.9). */

typedef enum
{
  LB_DUPLICATES_SKIP,    /* a row whose email or phone an existing lead has is skipped */
  LB_DUPLICATES_UPDATE,  /* … or updates that lead with the row's non-empty fields */
} LbDuplicatePolicy;

#define LB_TYPE_DUPLICATE_POLICY (lb_duplicate_policy_get_type ())
GType           lb_duplicate_policy_get_type (void) G_GNUC_CONST;

/* One row that was not imported, or one note about the file. */
typedef struct
{
  guint  line;           /* the line the row starts on, from 1; 0 for the file */
  char  *message;        /* what is wrong and how to fix it */
} LbImportIssue;

typedef struct
{
  guint      imported;   /* new leads */
  guint      updated;    /* existing leads updated (LB_DUPLICATES_UPDATE) */
  guint      skipped;    /* duplicates skipped (LB_DUPLICATES_SKIP) */
  GArray    *errors;     /* of LbImportIssue: bad rows, skipped, in line order */
  GPtrArray *unknown_columns;  /* char *: header names that map to no field */
} LbImportResult;

void            lb_import_result_free   (LbImportResult     *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LbImportResult, lb_import_result_free)

/* Called now and then while importing, in the importing thread. */
typedef void (*LbImportProgress) (guint64  bytes_done,
                                  guint64  bytes_total,
                                  gpointer user_data);

/* The header names a column may have for each lead field (case and
 * spaces ignored), for the documentation and the GUI's help text:
 * a NULL-terminated array of "field: alias, alias, …" lines. */
const char * const *lb_import_lead_columns (void);

/**
 * lb_import_leads:
 *
 * Imports the leads of the CSV file @path into @store in ONE
 * transaction: bad rows are reported in the result and skipped, good
 * rows are imported; when @cancellable is cancelled or anything fails
 * that is not one row's fault, nothing is imported and %NULL is returned
 * with @error set (G_IO_ERROR_CANCELLED when cancelled).  A file that
 * cannot be read at all (missing, not text, no header row, no column
 * that maps to a lead field) is an error too.  May run in a worker
 * thread on its own connection (lb_store_open on the same path).
 */
LbImportResult *lb_import_leads         (LbStore            *store,
                                         const char         *path,
                                         LbDuplicatePolicy   duplicates,
                                         GCancellable       *cancellable,
                                         LbImportProgress    progress,
                                         gpointer            user_data,
                                         GError            **error);

/**
 * lb_export_leads:
 * @filter: which leads, in which order (as the leads list shows them)
 * @n_written: (out) (optional): how many leads were written
 *
 * Writes the leads @filter selects as CSV (UTF-8, header row of the
 * import's column names, RFC 4180 quoting, the formula guard) to @path,
 * through a temporary file renamed into place: a failed or cancelled
 * export leaves no half-written file.
 */
gboolean        lb_export_leads         (LbStore            *store,
                                         const LbLeadFilter *filter,
                                         const char         *path,
                                         guint              *n_written,
                                         GCancellable       *cancellable,
                                         GError            **error);

G_END_DECLS
