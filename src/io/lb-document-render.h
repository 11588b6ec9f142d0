#pragma once

#include <cairo.h>

#include "lb-store.h"
#include "lb-enums.h"

G_BEGIN_DECLS

/* An order or invoice laid out on pages (SPEC 3.8): the seller block
 * from the company settings (with the optional logo), the customer, the
 * number and dates, the lines table (its header repeated on every page),
 * the totals with the tax of each rate, paid and balance due, notes and
 * terms, "Page n of m", and a DRAFT / VOID mark where the status says
 * so.  The same drawing serves printing (GtkPrintOperation hands its
 * cairo context) and PDF export.  Sizes are in points (1/72 inch). */

#define LB_TYPE_DOCUMENT_RENDER (lb_document_render_get_type ())
G_DECLARE_FINAL_TYPE (LbDocumentRender, lb_document_render, LB, DOCUMENT_RENDER, GObject)

/* Reads the document, its lines, totals, payments, customer and the
 * company settings from @store; %NULL with @error when the document
 * does not exist. */
LbDocumentRender *lb_document_render_new           (LbStore           *store,
                                                    LbDocKind          kind,
                                                    gint64             id,
                                                    GError           **error);

/* The page: its size and the margin on every side, in points.  The
 * default is A4 (595.28 × 841.89) with 42.5 pt (15 mm) margins. */
void              lb_document_render_set_page      (LbDocumentRender  *self,
                                                    double             width,
                                                    double             height,
                                                    double             margin);

/* Lays the document out with the fonts of @cr's target and returns the
 * number of pages (at least 1).  Call again after set_page. */
guint             lb_document_render_paginate      (LbDocumentRender  *self,
                                                    cairo_t           *cr);
guint             lb_document_render_get_n_pages   (LbDocumentRender  *self);

/* Draws page @page (from 0) of the last pagination on @cr, whose origin
 * is the page's top left corner. */
void              lb_document_render_draw_page     (LbDocumentRender  *self,
                                                    cairo_t           *cr,
                                                    guint              page);

/* A file name to offer: "INV-2026-0001.pdf", "Draft invoice 12.pdf". */
char             *lb_document_render_dup_file_name (LbDocumentRender  *self);

/* Writes the document as a PDF file at @path, on pages of the size
 * set_page gave (A4 by default), the same way as lb_document_export_pdf;
 * lb_document_render_get_n_pages() then tells how many pages it has. */
gboolean          lb_document_render_write_pdf     (LbDocumentRender  *self,
                                                    const char        *path,
                                                    GError           **error);

/* Writes the whole document as a PDF file at @path (A4).  It is written
 * next to @path and renamed into place, so a failed export leaves no
 * half-written file and any earlier file at @path as it was. */
gboolean          lb_document_export_pdf           (LbStore           *store,
                                                    LbDocKind          kind,
                                                    gint64             id,
                                                    const char        *path,
                                                    GError           **error);

G_END_DECLS
