#define G_LOG_DOMAIN "lb-document-render"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "lb-document-actions.h"
#include "lb-document-render.h"
#include "lb-error.h"
#include "lb-money.h"
#include "lb-settings.h"
#include "lb-store-crm.h"

/* An order or invoice on pages (SPEC 3.8).
 *
 * Everything the pages show is read and formatted once, in
 * lb_document_render_new(): the amounts come from lb_document_load()'s
 * totals and lines, formatted by lb-money; nothing here computes money.
 * Doubles are only geometry, in points.
 *
 * The page is a flow of items: the header (seller, title, customer) on
 * the first page, the table's rows, the totals, the notes and the terms.
 * Pagination measures each item with Pango and places it in pieces: an
 * item that does not fit what is left of a page moves to the next one;
 * one taller than a whole page is cut between its text lines and
 * continues on the next pages (a single text line taller than a page is
 * clipped).  Pages that hold rows start with the table's header; pages
 * after the first start with a running header.  Drawing a page draws
 * its pieces, the footer ("Page n of m") and the DRAFT / VOID /
 * CANCELLED mark. */

#define EPSILON          0.01
#define A4_WIDTH         595.28
#define A4_HEIGHT        841.89
#define DEFAULT_MARGIN   42.5
#define MIN_PAGE_SIZE    288.0    /* 4 inches */
#define COLUMN_GAP       6.0
#define ROW_PAD          3.5
#define LOGO_MAX_WIDTH   170.0
#define LOGO_MAX_HEIGHT  56.0
#define TOTALS_WIDTH     300.0
#define TOTALS_VALUE     112.0

typedef enum
{
  COL_QUANTITY,
  COL_UNIT_PRICE,
  COL_DISCOUNT,
  COL_TAX,
  COL_AMOUNT,
  N_COLUMNS
} Column;

/* Widths of the number columns on an A4 page; the description takes
 * what is left. */
static const double column_widths[N_COLUMNS] = { 40, 66, 54, 42, 76 };

typedef enum
{
  ITEM_HEADER,
  ITEM_RUNNING_HEADER,
  ITEM_TABLE_HEADER,
  ITEM_ROW,
  ITEM_TOTALS,
  ITEM_NOTES,
  ITEM_TERMS,
} ItemKind;

/* One line of the table, its texts formatted once. */
typedef struct
{
  char *description;
  char *sku;                    /* nullable */
  char *cells[N_COLUMNS];       /* "" for an empty cell */
} RowText;

/* One line of the totals. */
typedef struct
{
  char     *label;
  char     *value;
  gboolean  strong;
} TotalRow;

/* The part of an item shown on a page: from @offset into the item,
 * @height high, drawn at @y. */
typedef struct
{
  ItemKind kind;
  guint    index;
  double   y;
  double   offset;
  double   height;
} Piece;

struct _LbDocumentRender
{
  GObject          parent_instance;

  LbDocKind        kind;
  char            *title;             /* "Invoice" */
  char            *number;            /* the number, or "Draft" */
  char            *draft_label;       /* "Draft invoice 12" for a Draft with no number */
  char            *seller_markup;     /* nullable */
  char            *meta_markup;       /* number and dates */
  char            *customer_markup;   /* nullable */
  char            *delivery_markup;   /* nullable */
  char            *notes_markup;      /* nullable */
  char            *terms_markup;      /* nullable */
  char            *company_name;      /* nullable */
  char            *mark;              /* "DRAFT", "VOID", "CANCELLED" or NULL */
  GArray          *rows;              /* of RowText */
  GArray          *totals;            /* of TotalRow */
  cairo_surface_t *logo;              /* nullable */

  PangoFontDescription *font_body;
  PangoFontDescription *font_bold;
  PangoFontDescription *font_small;
  PangoFontDescription *font_small_bold;
  PangoFontDescription *font_title;
  PangoFontDescription *font_mark;

  /* the page */
  double           width;
  double           height;
  double           margin;

  /* the last pagination: geometry, item heights and the pages */
  double           content_width;
  double           body_bottom;
  double           column_x[N_COLUMNS];
  double           column_w[N_COLUMNS];
  double           description_width;
  double           header_height;
  double           running_height;
  double           table_header_height;
  double           totals_height;
  double           notes_height;
  double           terms_height;
  double          *row_heights;
  GPtrArray       *pages;             /* of GArray of Piece */
};

G_DEFINE_FINAL_TYPE (LbDocumentRender, lb_document_render, G_TYPE_OBJECT)

/* The Pango context of one cairo context, with layouts reused from row
 * to row. */
typedef struct
{
  PangoContext *context;
  PangoLayout  *description;
  PangoLayout  *sku;
  PangoLayout  *cells[N_COLUMNS];
} Ctx;

/* helpers: text */

static void
row_text_clear (gpointer data)
{
  RowText *row = data;

  g_free (row->description);
  g_free (row->sku);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (row->cells[c]);
}

static void
total_row_clear (gpointer data)
{
  TotalRow *row = data;

  g_free (row->label);
  g_free (row->value);
}


/* "20 %" */
static char *
format_percent (gint64 basis_points)
{
  g_autofree char *number = lb_number_localize (lb_percent_format (basis_points));

  /* Translators: a percentage, e.g. "20 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* Appends @text, escaped, as a line of @markup. */
static void
append_line (GString    *markup,
             const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  g_string_append (markup, escaped);
}

/* Appends a line made of @format (translated, one %s) and @value. */
static void
append_labelled (GString    *markup,
                 const char *format,
                 const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || *value == '\0')
    return;
  text = g_strdup_printf (format, value);
  append_line (markup, text);
}

static char *
steal_markup (GString *markup)
{
  if (markup->len == 0)
    {
      g_string_free (markup, TRUE);
      return NULL;
    }
  return g_string_free (markup, FALSE);
}

/* "Notes" in bold and the text under it. */
static char *
dup_block_markup (const char *heading,
                  const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  escaped = g_markup_escape_text (text, -1);
  return g_strdup_printf ("<b>%s</b>\n%s", heading, escaped);
}

/* Street, "postal code city", region and country, one per line. */
static void
append_address (GString    *markup,
                const char *street,
                const char *postal_code,
                const char *city,
                const char *region,
                const char *country)
{
  g_autofree char *town = NULL;

  append_line (markup, street);
  if (postal_code != NULL && city != NULL)
    town = g_strdup_printf ("%s %s", postal_code, city);
  else
    town = g_strdup (postal_code != NULL ? postal_code : city);
  append_line (markup, town);
  append_line (markup, region);
  append_line (markup, country);
}

/* helpers: reading the document */

static void
read_seller (LbDocumentRender *self,
             LbStore          *store)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *address = lb_settings_get (store, LB_SETTING_COMPANY_ADDRESS, NULL);
  g_autofree char *tax_id = lb_settings_get (store, LB_SETTING_COMPANY_TAX_ID, NULL);
  g_autofree char *email = lb_settings_get (store, LB_SETTING_COMPANY_EMAIL, NULL);
  g_autofree char *phone = lb_settings_get (store, LB_SETTING_COMPANY_PHONE, NULL);
  g_autofree char *bank = lb_settings_get (store, LB_SETTING_COMPANY_BANK, NULL);
  g_autofree char *logo = lb_settings_get (store, LB_SETTING_COMPANY_LOGO, NULL);

  self->company_name = lb_settings_get (store, LB_SETTING_COMPANY_NAME, NULL);
  if (self->company_name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->company_name, -1);
      g_string_append_printf (markup, "<span size=\"larger\" weight=\"bold\">%s</span>", escaped);
    }
  append_line (markup, address);
  /* Translators: the seller's or customer's tax id on an invoice */
  append_labelled (markup, _("Tax ID: %s"), tax_id);
  /* Translators: the seller's email on an invoice */
  append_labelled (markup, _("Email: %s"), email);
  /* Translators: the seller's phone on an invoice */
  append_labelled (markup, _("Phone: %s"), phone);
  /* Translators: the seller's bank details on an invoice */
  append_labelled (markup, _("Bank: %s"), bank);
  self->seller_markup = steal_markup (markup);

  /* The setting was checked when it was set; a file gone since is left
   * out rather than failing the whole document. */
  if (logo != NULL)
    {
      cairo_surface_t *image = cairo_image_surface_create_from_png (logo);

      if (cairo_surface_status (image) == CAIRO_STATUS_SUCCESS &&
          cairo_image_surface_get_width (image) > 0 && cairo_image_surface_get_height (image) > 0)
        self->logo = image;
      else
        {
          g_debug ("The logo %s cannot be read: %s", logo,
                   cairo_status_to_string (cairo_surface_status (image)));
          cairo_surface_destroy (image);
        }
    }
}

static void
read_customer (LbDocumentRender *self,
               LbStore          *store,
               LbRecord         *doc)
{
  GString *markup = g_string_new (NULL);
  gint64 account_id = lb_record_get_int (doc, LB_DOC_ACCOUNT_ID);
  gint64 contact_id = lb_record_get_int (doc, LB_DOC_CONTACT_ID);
  g_autoptr(LbAccount) account = account_id != 0 ? lb_store_get_account (store, account_id, NULL) : NULL;
  g_autoptr(LbContact) contact = NULL;
  const char *name = lb_record_get_text (doc, LB_DOC_ACCOUNT_NAME);

  if (name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_string_append_printf (markup, "<b>%s</b>", escaped);
    }
  append_line (markup, lb_record_get_text (doc, LB_DOC_CONTACT_NAME));

  if (account != NULL)
    {
      append_address (markup,
                      lb_account_get_text (account, LB_ACCOUNT_STREET),
                      lb_account_get_text (account, LB_ACCOUNT_POSTAL_CODE),
                      lb_account_get_text (account, LB_ACCOUNT_CITY),
                      lb_account_get_text (account, LB_ACCOUNT_REGION),
                      lb_account_get_text (account, LB_ACCOUNT_COUNTRY));
      append_labelled (markup, _("Tax ID: %s"), lb_account_get_text (account, LB_ACCOUNT_TIN));
    }
  else if (contact_id != 0 && (contact = lb_store_get_contact (store, contact_id, NULL)) != NULL)
    /* No account: the contact's own address. */
    append_address (markup,
                    lb_contact_get_text (contact, LB_CONTACT_STREET),
                    lb_contact_get_text (contact, LB_CONTACT_POSTAL_CODE),
                    lb_contact_get_text (contact, LB_CONTACT_CITY),
                    lb_contact_get_text (contact, LB_CONTACT_REGION),
                    lb_contact_get_text (contact, LB_CONTACT_COUNTRY));

  self->customer_markup = steal_markup (markup);

  markup = g_string_new (NULL);
  append_line (markup, lb_record_get_text (doc, LB_DOC_DELIVERY_ADDRESS));
  self->delivery_markup = steal_markup (markup);
}

static void
read_header (LbDocumentRender *self,
             LbRecord         *doc)
{
  const char *number = lb_record_get_text (doc, LB_DOC_NUMBER);
  gint64 id = lb_record_get_int (doc, LB_DOC_ID);
  gint64 status = lb_record_get_int (doc, LB_DOC_STATUS);
  gboolean order = self->kind == LB_DOC_ORDER;
  GString *meta = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  self->title = g_strdup (order ? _("Order") : _("Invoice"));
  self->number = g_strdup (number != NULL ? number : _("Draft"));
  if (number == NULL)
    self->draft_label = g_strdup_printf (order ? _("Draft order %" PRId64) : _("Draft invoice %" PRId64),
                                         id);

  escaped = g_markup_escape_text (self->number, -1);
  g_string_append_printf (meta, "<span size=\"larger\" weight=\"bold\">%s</span>", escaped);
  append_labelled (meta, order ? _("Order date: %s") : _("Invoice date: %s"),
                   lb_record_get_text (doc, LB_DOC_DOC_DATE));
  if (!order)
    append_labelled (meta, _("Due date: %s"), lb_record_get_text (doc, LB_DOC_DUE_DATE));
  self->meta_markup = g_string_free (meta, FALSE);

  /* Draft is 0 for orders and invoices. */
  if (status == 0)
    self->mark = g_strdup (_("DRAFT"));
  else if (!order && status == LB_INVOICE_STATUS_VOID)
    self->mark = g_strdup (_("VOID"));
  else if ((!order && status == LB_INVOICE_STATUS_CANCELLED) ||
           (order && status == LB_ORDER_STATUS_CANCELLED))
    self->mark = g_strdup (_("CANCELLED"));

  self->notes_markup = dup_block_markup (_("Notes"), lb_record_get_text (doc, LB_DOC_NOTES));
  self->terms_markup = dup_block_markup (_("Terms"), lb_record_get_text (doc, LB_DOC_TERMS));
}

static void
read_rows (LbDocumentRender *self,
           GPtrArray        *lines,
           guint             decimals)
{
  g_array_set_size (self->rows, lines->len);

  for (guint i = 0; i < lines->len; i++)
    {
      LbRecord *line = g_ptr_array_index (lines, i);
      RowText *row = &g_array_index (self->rows, RowText, i);
      gint64 discount = lb_record_get_int (line, LB_LINE_DISCOUNT);
      gint64 tax = lb_record_get_int (line, LB_LINE_TAX);
      const char *description = lb_record_get_text (line, LB_LINE_DESCRIPTION);

      row->description = g_strdup (description != NULL ? description : "");
      row->sku = g_strdup (lb_record_get_text (line, LB_LINE_PRODUCT_SKU));
      row->cells[COL_QUANTITY] = lb_number_localize (lb_quantity_format (lb_record_get_int (line, LB_LINE_QUANTITY)));
      row->cells[COL_UNIT_PRICE] = lb_money_format_locale (lb_record_get_int (line, LB_LINE_UNIT_PRICE),
                                                           decimals, NULL);
      switch (lb_record_get_int (line, LB_LINE_DISCOUNT_KIND))
        {
        case LB_DISCOUNT_PERCENT:
          row->cells[COL_DISCOUNT] = discount != 0 ? format_percent (discount) : g_strdup ("");
          break;
        case LB_DISCOUNT_AMOUNT:
          row->cells[COL_DISCOUNT] = discount != 0 ? lb_money_format_locale (discount, decimals, NULL)
                                                   : g_strdup ("");
          break;
        default:
          row->cells[COL_DISCOUNT] = g_strdup ("");
          break;
        }
      if (lb_record_get_int (line, LB_LINE_TAX_KIND) == LB_TAX_AMOUNT)
        /* Translators: in the tax column of an invoice, a tax amount typed by hand */
        row->cells[COL_TAX] = g_strdup (C_("tax", "manual"));
      else
        row->cells[COL_TAX] = format_percent (tax);
      row->cells[COL_AMOUNT] = lb_money_format_locale (lb_record_get_int (line, LB_LINE_NET),
                                                       decimals, NULL);
    }
}

static void
add_total (LbDocumentRender *self,
           char             *label,
           char             *value,
           gboolean          strong)
{
  TotalRow row = { label, value, strong };

  g_array_append_val (self->totals, row);
}

static void
read_totals (LbDocumentRender  *self,
             LbRecord          *doc,
             const LbDocTotals *totals,
             guint              decimals)
{
  const char *currency = lb_record_get_text (doc, LB_DOC_CURRENCY);
  gint64 discount_kind = lb_record_get_int (doc, LB_DOC_DISCOUNT_KIND);

  add_total (self, g_strdup (_("Subtotal")),
             lb_money_format_locale (totals->subtotal, decimals, currency), FALSE);

  if (totals->discount != 0)
    {
      char *label;

      if (discount_kind == LB_DISCOUNT_PERCENT)
        {
          g_autofree char *percent = format_percent (lb_record_get_int (doc, LB_DOC_DISCOUNT));
          /* Translators: the document discount and its rate, e.g. "Discount 10 %" */
          label = g_strdup_printf (_("Discount %s"), percent);
        }
      else
        label = g_strdup (_("Discount"));
      add_total (self, label, lb_money_format_locale (totals->discount, decimals, currency), FALSE);
    }

  for (guint i = 0; totals->tax_by_rate != NULL && i < totals->tax_by_rate->len; i++)
    {
      const LbTaxByRate *rate = &g_array_index (totals->tax_by_rate, LbTaxByRate, i);
      g_autofree char *taxable = lb_money_format_locale (rate->taxable, decimals, currency);
      char *label;

      if (rate->manual)
        /* Translators: the tax typed by hand on lines, e.g. "Tax (entered amounts) on 120.00 EUR" */
        label = g_strdup_printf (_("Tax (entered amounts) on %s"), taxable);
      else
        {
          g_autofree char *percent = format_percent (rate->rate_bp);
          /* Translators: the tax of one rate, e.g. "Tax 20 % on 47.22 EUR" */
          label = g_strdup_printf (_("Tax %s on %s"), percent, taxable);
        }
      add_total (self, label, lb_money_format_locale (rate->tax, decimals, currency), FALSE);
    }
  if (totals->tax_by_rate == NULL || totals->tax_by_rate->len == 0)
    add_total (self, g_strdup (_("Tax")), lb_money_format_locale (totals->tax, decimals, currency), FALSE);

  add_total (self, g_strdup (_("Total")), lb_money_format_locale (totals->total, decimals, currency), TRUE);

  if (self->kind == LB_DOC_INVOICE)
    {
      add_total (self, g_strdup (_("Paid")), lb_money_format_locale (totals->paid, decimals, currency), FALSE);
      add_total (self, g_strdup (_("Balance due")),
                 lb_money_format_locale (totals->balance, decimals, currency), TRUE);
    }
}

/* helpers: layout */

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics that do not depend on the device, so that a page measured
   * on one surface (a print preview) fits on another (the printer, a
   * PDF). */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/* A layout @width wide (0: as wide as its text), wrapped at words or,
 * for a word longer than the width, between characters. */
static PangoLayout *
new_layout (PangoContext               *context,
            const PangoFontDescription *font,
            double                      width,
            PangoAlignment              alignment)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static void
ctx_init (Ctx              *ctx,
          LbDocumentRender *self,
          cairo_t          *cr)
{
  ctx->context = create_context (cr);
  ctx->description = new_layout (ctx->context, self->font_body, self->description_width,
                                 PANGO_ALIGN_LEFT);
  ctx->sku = new_layout (ctx->context, self->font_small, self->description_width, PANGO_ALIGN_LEFT);
  pango_layout_set_wrap (ctx->sku, PANGO_WRAP_CHAR);
  pango_layout_set_ellipsize (ctx->sku, PANGO_ELLIPSIZE_MIDDLE);
  for (guint c = 0; c < N_COLUMNS; c++)
    ctx->cells[c] = new_layout (ctx->context, self->font_body, self->column_w[c], PANGO_ALIGN_RIGHT);
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_object (&ctx->description);
  g_clear_object (&ctx->sku);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_clear_object (&ctx->cells[c]);
  g_clear_object (&ctx->context);
}

/* Draws the lines of @layout (its top at @x, @y) whose top lies in
 * [@from, @to): a piece of an item shows each line exactly once. */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       from,
            double       to)
{
  PangoLayoutIter *iter;

  if (y >= from - EPSILON && y + layout_height (layout) <= to + EPSILON)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = y + pango_units_to_double (logical.y);
      if (top >= from - EPSILON && top < to - EPSILON)
        {
          cairo_move_to (cr, x + pango_units_to_double (logical.x),
                         y + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Adds the bottom of each line of @layout (its top at @y) to @breaks:
 * where an item may be cut. */
static void
add_line_breaks (GArray      *breaks,
                 PangoLayout *layout,
                 double       y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = y + pango_units_to_double (logical.y + logical.height);
      g_array_append_val (breaks, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
set_grey (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0.38, 0.38, 0.38);
}

static void
set_ink (cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0.08, 0.08, 0.08);
}

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   line_width,
           double   grey)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* helpers: the items.  Each measures itself and returns its height;
 * with @cr it also draws itself, its top at 0, showing only the parts
 * that start in [@from, @to); with @breaks it adds where it may be cut. */

static double
header_item (LbDocumentRender *self,
             Ctx              *ctx,
             cairo_t          *cr)
{
  double x = self->margin;
  double left_width = floor (self->content_width * 0.55);
  double right_width = self->content_width - left_width - 12;
  double right_x = x + self->content_width - right_width;
  double left_y = 0;
  double right_y = 0;
  double y;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) meta = NULL;

  if (self->logo != NULL)
    {
      double w = cairo_image_surface_get_width (self->logo);
      double h = cairo_image_surface_get_height (self->logo);
      double scale = MIN (MIN (LOGO_MAX_WIDTH, left_width) / w, LOGO_MAX_HEIGHT / h);

      if (cr != NULL)
        {
          cairo_save (cr);
          cairo_translate (cr, x, 0);
          cairo_scale (cr, scale, scale);
          cairo_set_source_surface (cr, self->logo, 0, 0);
          cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
          cairo_paint (cr);
          cairo_restore (cr);
        }
      left_y += h * scale + 8;
    }

  if (self->seller_markup != NULL)
    {
      g_autoptr(PangoLayout) seller = new_layout (ctx->context, self->font_body, left_width,
                                                  PANGO_ALIGN_LEFT);

      pango_layout_set_markup (seller, self->seller_markup, -1);
      if (cr != NULL)
        {
          set_ink (cr);
          cairo_move_to (cr, x, left_y);
          pango_cairo_show_layout (cr, seller);
        }
      left_y += layout_height (seller);
    }

  title = new_layout (ctx->context, self->font_title, right_width, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (title, self->title, -1);
  meta = new_layout (ctx->context, self->font_body, right_width, PANGO_ALIGN_RIGHT);
  pango_layout_set_markup (meta, self->meta_markup, -1);
  if (cr != NULL)
    {
      set_ink (cr);
      cairo_move_to (cr, right_x, 0);
      pango_cairo_show_layout (cr, title);
      cairo_move_to (cr, right_x, layout_height (title) + 4);
      pango_cairo_show_layout (cr, meta);
    }
  right_y = layout_height (title) + 4 + layout_height (meta);

  y = MAX (left_y, right_y) + 22;

  if (self->customer_markup != NULL || self->delivery_markup != NULL)
    {
      const char *markups[] = { self->customer_markup, self->delivery_markup };
      const char *labels[] = {
        self->kind == LB_DOC_ORDER ? _("Customer") : _("Bill to"),
        _("Deliver to"),
      };
      double xs[] = { x, right_x };
      double widths[] = { left_width, right_width };
      double block = 0;

      for (guint i = 0; i < G_N_ELEMENTS (markups); i++)
        {
          g_autoptr(PangoLayout) label = NULL;
          g_autoptr(PangoLayout) text = NULL;

          if (markups[i] == NULL)
            continue;
          label = new_layout (ctx->context, self->font_small_bold, widths[i], PANGO_ALIGN_LEFT);
          pango_layout_set_text (label, labels[i], -1);
          text = new_layout (ctx->context, self->font_body, widths[i], PANGO_ALIGN_LEFT);
          pango_layout_set_markup (text, markups[i], -1);
          if (cr != NULL)
            {
              set_grey (cr);
              cairo_move_to (cr, xs[i], y);
              pango_cairo_show_layout (cr, label);
              set_ink (cr);
              cairo_move_to (cr, xs[i], y + layout_height (label) + 2);
              pango_cairo_show_layout (cr, text);
            }
          block = MAX (block, layout_height (label) + 2 + layout_height (text));
        }
      y += block + 18;
    }

  return y;
}

/* On the pages after the first: "Invoice INV-2026-0001" and the seller. */
static double
running_header_item (LbDocumentRender *self,
                     Ctx              *ctx,
                     cairo_t          *cr)
{
  g_autoptr(PangoLayout) left = new_layout (ctx->context, self->font_small_bold,
                                            self->content_width / 2, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) right = new_layout (ctx->context, self->font_small,
                                             self->content_width / 2, PANGO_ALIGN_RIGHT);
  g_autofree char *title = g_strdup_printf ("%s %s", self->title, self->number);
  double height;

  pango_layout_set_text (left, title, -1);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (right, self->company_name != NULL ? self->company_name : "", -1);
  pango_layout_set_ellipsize (right, PANGO_ELLIPSIZE_END);
  height = MAX (layout_height (left), layout_height (right));

  if (cr != NULL)
    {
      set_grey (cr);
      cairo_move_to (cr, self->margin, 0);
      pango_cairo_show_layout (cr, left);
      cairo_move_to (cr, self->margin + self->content_width / 2, 0);
      pango_cairo_show_layout (cr, right);
      draw_rule (cr, self->margin, height + 3, self->content_width, 0.5, 0.6);
    }

  return height + 12;
}

static double
table_header_item (LbDocumentRender *self,
                   Ctx              *ctx,
                   cairo_t          *cr)
{
  const char *titles[N_COLUMNS] = {
    /* Translators: column headers of an invoice's lines; keep them short */
    C_("column", "Qty"),
    C_("column", "Unit price"),
    C_("column", "Discount"),
    C_("column", "Tax"),
    C_("column", "Amount"),
  };
  g_autoptr(PangoLayout) layout = new_layout (ctx->context, self->font_small_bold,
                                              self->description_width, PANGO_ALIGN_LEFT);
  double height;

  pango_layout_set_text (layout, C_("column", "Description"), -1);
  height = layout_height (layout);
  if (cr != NULL)
    {
      set_ink (cr);
      cairo_move_to (cr, self->margin, ROW_PAD);
      pango_cairo_show_layout (cr, layout);
    }

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      pango_layout_set_width (layout, pango_units_from_double (self->column_w[c]));
      pango_layout_set_text (layout, titles[c], -1);
      height = MAX (height, layout_height (layout));
      if (cr != NULL)
        {
          cairo_move_to (cr, self->column_x[c], ROW_PAD);
          pango_cairo_show_layout (cr, layout);
        }
    }

  if (cr != NULL)
    draw_rule (cr, self->margin, ROW_PAD + height + ROW_PAD, self->content_width, 0.8, 0.15);

  return ROW_PAD + height + ROW_PAD + 1;
}

static double
row_item (LbDocumentRender *self,
          Ctx              *ctx,
          guint             index,
          cairo_t          *cr,
          double            from,
          double            to,
          GArray           *breaks)
{
  const RowText *row = &g_array_index (self->rows, RowText, index);
  double text_height;
  double sku_height = 0;
  double cells_height = 0;
  double height;

  pango_layout_set_text (ctx->description, row->description, -1);
  text_height = layout_height (ctx->description);
  if (row->sku != NULL)
    {
      pango_layout_set_text (ctx->sku, row->sku, -1);
      sku_height = layout_height (ctx->sku);
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      pango_layout_set_text (ctx->cells[c], row->cells[c], -1);
      cells_height = MAX (cells_height, layout_height (ctx->cells[c]));
    }
  height = ROW_PAD + MAX (text_height + sku_height, cells_height) + ROW_PAD;

  if (breaks != NULL)
    {
      double sku_bottom = ROW_PAD + text_height + sku_height;

      add_line_breaks (breaks, ctx->description, ROW_PAD);
      if (row->sku != NULL)
        g_array_append_val (breaks, sku_bottom);
      g_array_append_val (breaks, height);
    }

  if (cr != NULL)
    {
      set_ink (cr);
      show_lines (cr, ctx->description, self->margin, ROW_PAD, from, to);
      if (row->sku != NULL)
        {
          set_grey (cr);
          show_lines (cr, ctx->sku, self->margin, ROW_PAD + text_height, from, to);
          set_ink (cr);
        }
      /* The numbers go with the first piece of the row. */
      if (from <= EPSILON)
        for (guint c = 0; c < N_COLUMNS; c++)
          {
            cairo_move_to (cr, self->column_x[c], ROW_PAD);
            pango_cairo_show_layout (cr, ctx->cells[c]);
          }
      if (to >= height - EPSILON)
        draw_rule (cr, self->margin, height - 0.25, self->content_width, 0.4, 0.78);
    }

  return height;
}

static double
totals_item (LbDocumentRender *self,
             Ctx              *ctx,
             cairo_t          *cr,
             double            from,
             double            to,
             GArray           *breaks)
{
  double width = MIN (TOTALS_WIDTH, self->content_width);
  double value_width = MIN (TOTALS_VALUE, width / 2);
  double label_width = width - value_width - COLUMN_GAP;
  double x = self->margin + self->content_width - width;
  double y = 10;
  g_autoptr(PangoLayout) label = new_layout (ctx->context, self->font_body, label_width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) value = new_layout (ctx->context, self->font_body, value_width, PANGO_ALIGN_RIGHT);

  for (guint i = 0; i < self->totals->len; i++)
    {
      const TotalRow *row = &g_array_index (self->totals, TotalRow, i);
      const PangoFontDescription *font = row->strong ? self->font_bold : self->font_body;
      double top = y;
      double height;

      pango_layout_set_font_description (label, font);
      pango_layout_set_font_description (value, font);
      pango_layout_set_text (label, row->label, -1);
      pango_layout_set_text (value, row->value, -1);
      if (row->strong)
        y += 4;
      height = MAX (layout_height (label), layout_height (value));

      if (cr != NULL && top >= from - EPSILON && top < to - EPSILON)
        {
          if (row->strong)
            draw_rule (cr, x, top + 1.5, width, 0.6, 0.3);
          set_ink (cr);
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, label);
          cairo_move_to (cr, x + label_width + COLUMN_GAP, y);
          pango_cairo_show_layout (cr, value);
        }
      y += height + 3;
      if (breaks != NULL)
        g_array_append_val (breaks, y);
    }

  return y;
}

/* The notes (@index 0) or the terms (1): a heading and the text. */
static double
text_block_item (LbDocumentRender *self,
                 Ctx              *ctx,
                 guint             index,
                 cairo_t          *cr,
                 double            from,
                 double            to,
                 GArray           *breaks)
{
  const char *markup = index == 0 ? self->notes_markup : self->terms_markup;
  g_autoptr(PangoLayout) layout = NULL;
  double top = 14;

  if (markup == NULL)
    return 0;

  layout = new_layout (ctx->context, self->font_body, self->content_width, PANGO_ALIGN_LEFT);
  pango_layout_set_markup (layout, markup, -1);
  if (breaks != NULL)
    add_line_breaks (breaks, layout, top);
  if (cr != NULL)
    {
      set_ink (cr);
      show_lines (cr, layout, self->margin, top, from, to);
    }

  return top + layout_height (layout);
}

static double
draw_item (LbDocumentRender *self,
           Ctx              *ctx,
           cairo_t          *cr,
           const Piece      *piece)
{
  double from = piece->offset;
  double to = piece->offset + piece->height;

  switch (piece->kind)
    {
    case ITEM_HEADER:
      return header_item (self, ctx, cr);
    case ITEM_RUNNING_HEADER:
      return running_header_item (self, ctx, cr);
    case ITEM_TABLE_HEADER:
      return table_header_item (self, ctx, cr);
    case ITEM_ROW:
      return row_item (self, ctx, piece->index, cr, from, to, NULL);
    case ITEM_TOTALS:
      return totals_item (self, ctx, cr, from, to, NULL);
    case ITEM_NOTES:
      return text_block_item (self, ctx, 0, cr, from, to, NULL);
    case ITEM_TERMS:
      return text_block_item (self, ctx, 1, cr, from, to, NULL);
    default:
      g_assert_not_reached ();
    }
}

static double
item_height (LbDocumentRender *self,
             ItemKind          kind,
             guint             index)
{
  switch (kind)
    {
    case ITEM_HEADER:
      return self->header_height;
    case ITEM_RUNNING_HEADER:
      return self->running_height;
    case ITEM_TABLE_HEADER:
      return self->table_header_height;
    case ITEM_ROW:
      return self->row_heights[index];
    case ITEM_TOTALS:
      return self->totals_height;
    case ITEM_NOTES:
      return self->notes_height;
    case ITEM_TERMS:
      return self->terms_height;
    default:
      g_assert_not_reached ();
    }
}

static void
set_mark_colour (cairo_t *cr,
                 double   alpha)
{
  cairo_set_source_rgba (cr, 0.78, 0.08, 0.08, alpha);
}

/* The document's number, the DRAFT / VOID / CANCELLED mark in words
 * and "Page 2 of 5" at the foot of each page. */
static double
footer (LbDocumentRender *self,
        Ctx              *ctx,
        cairo_t          *cr,
        guint             page)
{
  double third = self->content_width / 3;
  g_autoptr(PangoLayout) layout = new_layout (ctx->context, self->font_small, third, PANGO_ALIGN_LEFT);
  g_autofree char *page_text = NULL;
  double height;
  double y;

  pango_layout_set_text (layout, self->draft_label != NULL ? self->draft_label : self->number, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  height = layout_height (layout);
  if (cr == NULL)
    return height + 8;

  y = self->height - self->margin - height;
  set_grey (cr);
  cairo_move_to (cr, self->margin, y);
  pango_cairo_show_layout (cr, layout);

  /* Translators: at the foot of each page of an invoice or order */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, page_text, -1);
  cairo_move_to (cr, self->margin + 2 * third, y);
  pango_cairo_show_layout (cr, layout);

  if (self->mark != NULL)
    {
      pango_layout_set_font_description (layout, self->font_small_bold);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, self->mark, -1);
      set_mark_colour (cr, 1.0);
      cairo_move_to (cr, self->margin + third, y);
      pango_cairo_show_layout (cr, layout);
    }

  return height + 8;
}

/* The DRAFT / VOID / CANCELLED mark across the page, under the text.
 * It is drawn as shapes, not text, so that the page's text reads (and
 * copies) in order; the footer says it in words. */
static void
draw_mark (LbDocumentRender *self,
           Ctx              *ctx,
           cairo_t          *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  double diagonal = hypot (self->width, self->height);
  int width, height;
  double scale;

  if (self->mark == NULL)
    return;

  layout = new_layout (ctx->context, self->font_mark, 0, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, self->mark, -1);
  pango_layout_get_size (layout, &width, &height);
  if (width <= 0 || height <= 0)
    return;
  scale = MIN (diagonal * 0.6 / pango_units_to_double (width),
               self->height * 0.25 / pango_units_to_double (height));

  cairo_save (cr);
  cairo_translate (cr, self->width / 2, self->height / 2);
  cairo_rotate (cr, -atan2 (self->height, self->width));
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, -pango_units_to_double (width) / 2, -pango_units_to_double (height) / 2);
  pango_cairo_layout_path (cr, layout);
  set_mark_colour (cr, 0.13);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* helpers: pagination */

typedef struct
{
  LbDocumentRender *self;
  GArray           *page;      /* of Piece: the page being filled */
  double            y;
  double            page_top;  /* where this page's items start */
  gboolean          in_table;  /* new pages start with the table's header */
} Flow;

static void
flow_add (Flow     *flow,
          ItemKind  kind,
          guint     index,
          double    offset,
          double    height)
{
  Piece piece = { kind, index, flow->y, offset, height };

  g_array_append_val (flow->page, piece);
  flow->y += height;
}

static void
flow_new_page (Flow *flow)
{
  LbDocumentRender *self = flow->self;

  flow->page = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (self->pages, flow->page);
  flow->y = self->margin;
  if (self->pages->len > 1)
    flow_add (flow, ITEM_RUNNING_HEADER, 0, 0, self->running_height);
  if (flow->in_table)
    flow_add (flow, ITEM_TABLE_HEADER, 0, 0, self->table_header_height);
  flow->page_top = flow->y;
}

/* The room for items on a new page. */
static double
flow_fresh_space (Flow *flow)
{
  LbDocumentRender *self = flow->self;

  return self->body_bottom - self->margin - self->running_height -
         (flow->in_table ? self->table_header_height : 0);
}

/* Places an item @height high: whole where it fits, else whole on the
 * next page, else (taller than a page) cut at @breaks (ascending
 * offsets into the item), the first piece at least @keep_first high
 * unless the page is empty. */
static void
flow_place (Flow     *flow,
            ItemKind  kind,
            guint     index,
            double    height,
            GArray   *breaks,
            double    keep_first)
{
  LbDocumentRender *self = flow->self;
  double offset = 0;

  while (offset < height - EPSILON)
    {
      double avail = self->body_bottom - flow->y;
      double rest = height - offset;
      gboolean empty = flow->y <= flow->page_top + EPSILON;
      double cut = offset;

      if (rest <= avail + EPSILON)
        {
          flow_add (flow, kind, index, offset, rest);
          return;
        }
      if (offset < EPSILON && !empty && height <= flow_fresh_space (flow) + EPSILON)
        {
          flow_new_page (flow);
          continue;
        }

      for (guint i = 0; breaks != NULL && i < breaks->len; i++)
        {
          double b = g_array_index (breaks, double, i);

          if (b > offset + EPSILON && b - offset <= avail + EPSILON &&
              (offset > EPSILON || empty || b >= keep_first - EPSILON))
            cut = b;
        }

      if (cut <= offset + EPSILON)
        {
          double next = height;

          if (!empty)
            {
              flow_new_page (flow);
              continue;
            }
          /* Not one line of it fits an empty page: show what fits,
           * clipped, and go on after that line. */
          for (guint i = 0; breaks != NULL && i < breaks->len; i++)
            if (g_array_index (breaks, double, i) > offset + EPSILON)
              {
                next = g_array_index (breaks, double, i);
                break;
              }
          flow_add (flow, kind, index, offset, MAX (avail, 1.0));
          offset = next;
        }
      else
        {
          flow_add (flow, kind, index, offset, cut - offset);
          offset = cut;
        }
      if (offset < height - EPSILON)
        flow_new_page (flow);
    }
}

/* Places an item that has breaks only when it is taller than a page. */
static void
flow_place_item (Flow     *flow,
                 Ctx      *ctx,
                 ItemKind  kind,
                 guint     index)
{
  LbDocumentRender *self = flow->self;
  double height = item_height (self, kind, index);
  g_autoptr(GArray) breaks = NULL;
  double keep_first = 0;

  if (height <= EPSILON)
    return;

  if (height > flow_fresh_space (flow) + EPSILON || height > self->body_bottom - flow->y + EPSILON)
    {
      breaks = g_array_new (FALSE, FALSE, sizeof (double));
      switch (kind)
        {
        case ITEM_ROW:
          row_item (self, ctx, index, NULL, 0, 0, breaks);
          break;
        case ITEM_TOTALS:
          totals_item (self, ctx, NULL, 0, 0, breaks);
          break;
        case ITEM_NOTES:
        case ITEM_TERMS:
          text_block_item (self, ctx, kind == ITEM_NOTES ? 0 : 1, NULL, 0, 0, breaks);
          /* the heading with at least one line of text */
          if (breaks->len > 1)
            keep_first = g_array_index (breaks, double, 1);
          break;
        default:
          break;
        }
    }

  flow_place (flow, kind, index, height, breaks, keep_first);
}

static void
compute_geometry (LbDocumentRender *self)
{
  double fixed = 0;
  double scale;
  double x;

  self->content_width = self->width - 2 * self->margin;
  self->body_bottom = self->height - self->margin;

  /* Narrower pages than A4 narrow the number columns too. */
  for (guint c = 0; c < N_COLUMNS; c++)
    fixed += column_widths[c] + COLUMN_GAP;
  scale = MIN (1.0, self->content_width * 0.6 / fixed);

  x = self->margin + self->content_width;
  for (int c = N_COLUMNS - 1; c >= 0; c--)
    {
      self->column_w[c] = column_widths[c] * scale;
      x -= self->column_w[c];
      self->column_x[c] = x;
      x -= COLUMN_GAP * scale;
    }
  self->description_width = x - self->margin;
}

static void
clear_pages (LbDocumentRender *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->row_heights, g_free);
}

/* helpers: writing */

typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               _("Cannot write the PDF file “%s”: %s."), display, g_strerror (errsv));
}

/* GObject overrides */

static void
lb_document_render_finalize (GObject *object)
{
  LbDocumentRender *self = LB_DOCUMENT_RENDER (object);

  g_free (self->title);
  g_free (self->number);
  g_free (self->draft_label);
  g_free (self->seller_markup);
  g_free (self->meta_markup);
  g_free (self->customer_markup);
  g_free (self->delivery_markup);
  g_free (self->notes_markup);
  g_free (self->terms_markup);
  g_free (self->company_name);
  g_free (self->mark);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->totals, g_array_unref);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  pango_font_description_free (self->font_body);
  pango_font_description_free (self->font_bold);
  pango_font_description_free (self->font_small);
  pango_font_description_free (self->font_small_bold);
  pango_font_description_free (self->font_title);
  pango_font_description_free (self->font_mark);
  clear_pages (self);

  G_OBJECT_CLASS (lb_document_render_parent_class)->finalize (object);
}

/* class_init / init */

static void
lb_document_render_class_init (LbDocumentRenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lb_document_render_finalize;
}

static void
lb_document_render_init (LbDocumentRender *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (RowText));
  g_array_set_clear_func (self->rows, row_text_clear);
  self->totals = g_array_new (FALSE, TRUE, sizeof (TotalRow));
  g_array_set_clear_func (self->totals, total_row_clear);

  self->font_body = pango_font_description_from_string ("Sans 9");
  self->font_bold = pango_font_description_from_string ("Sans Bold 9");
  self->font_small = pango_font_description_from_string ("Sans 7.5");
  self->font_small_bold = pango_font_description_from_string ("Sans Bold 7.5");
  self->font_title = pango_font_description_from_string ("Sans Bold 22");
  self->font_mark = pango_font_description_from_string ("Sans Bold 100");

  self->width = A4_WIDTH;
  self->height = A4_HEIGHT;
  self->margin = DEFAULT_MARGIN;
}

/* public API */

/**
 * lb_document_render_new:
 * @kind: an order or an invoice
 * @id: the document's id
 *
 * Reads everything the pages show, at once: later changes to the
 * document do not reach this object.  Amounts are formatted for the
 * current locale (LC_NUMERIC), as the GUI shows them.
 *
 * Returns: (transfer full) (nullable): the document ready to paginate
 */
LbDocumentRender *
lb_document_render_new (LbStore    *store,
                        LbDocKind   kind,
                        gint64      id,
                        GError    **error)
{
  g_autoptr(LbDocumentRender) self = NULL;
  g_autoptr(LbRecord) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(LbDocTotals) totals = { 0, };
  guint decimals;

  g_return_val_if_fail (LB_IS_STORE (store), NULL);
  g_return_val_if_fail (kind == LB_DOC_ORDER || kind == LB_DOC_INVOICE, NULL);

  doc = lb_document_load (store, kind, id, &lines, &totals, error);
  if (doc == NULL)
    return NULL;

  self = g_object_new (LB_TYPE_DOCUMENT_RENDER, NULL);
  self->kind = kind;
  decimals = lb_currency_decimals (lb_record_get_text (doc, LB_DOC_CURRENCY));

  read_header (self, doc);
  read_seller (self, store);
  read_customer (self, store, doc);
  read_rows (self, lines, decimals);
  read_totals (self, doc, &totals, decimals);

  return g_steal_pointer (&self);
}

/**
 * lb_document_render_set_page:
 *
 * Sizes below 4 inches are taken as 4 inches, and a margin is at most a
 * sixth of the page's smaller side, so that every page has room.
 */
void
lb_document_render_set_page (LbDocumentRender *self,
                             double            width,
                             double            height,
                             double            margin)
{
  g_return_if_fail (LB_IS_DOCUMENT_RENDER (self));

  self->width = MAX (width, MIN_PAGE_SIZE);
  self->height = MAX (height, MIN_PAGE_SIZE);
  self->margin = CLAMP (margin, 0, MIN (self->width, self->height) / 6);
  clear_pages (self);
}

guint
lb_document_render_paginate (LbDocumentRender *self,
                             cairo_t          *cr)
{
  Ctx ctx = { NULL, };
  Flow flow = { self, };

  g_return_val_if_fail (LB_IS_DOCUMENT_RENDER (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  clear_pages (self);
  compute_geometry (self);
  ctx_init (&ctx, self, cr);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  /* Measure every item once. */
  self->body_bottom = self->height - self->margin - footer (self, &ctx, NULL, 0);
  self->header_height = header_item (self, &ctx, NULL);
  self->running_height = running_header_item (self, &ctx, NULL);
  self->table_header_height = table_header_item (self, &ctx, NULL);
  self->row_heights = g_new0 (double, MAX (self->rows->len, 1));
  for (guint i = 0; i < self->rows->len; i++)
    self->row_heights[i] = row_item (self, &ctx, i, NULL, 0, 0, NULL);
  self->totals_height = totals_item (self, &ctx, NULL, 0, 0, NULL);
  self->notes_height = text_block_item (self, &ctx, 0, NULL, 0, 0, NULL);
  self->terms_height = text_block_item (self, &ctx, 1, NULL, 0, 0, NULL);

  /* Then flow them onto the pages. */
  flow_new_page (&flow);
  flow_place_item (&flow, &ctx, ITEM_HEADER, 0);

  /* The table's header stays with its first row. */
  flow.in_table = TRUE;
  if (self->table_header_height + (self->rows->len > 0 ? MIN (self->row_heights[0], 3 * self->table_header_height) : 0) >
      self->body_bottom - flow.y + EPSILON)
    flow_new_page (&flow);
  else
    flow_add (&flow, ITEM_TABLE_HEADER, 0, 0, self->table_header_height);
  flow.page_top = flow.y;

  for (guint i = 0; i < self->rows->len; i++)
    flow_place_item (&flow, &ctx, ITEM_ROW, i);
  flow.in_table = FALSE;

  flow_place_item (&flow, &ctx, ITEM_TOTALS, 0);
  flow_place_item (&flow, &ctx, ITEM_NOTES, 0);
  flow_place_item (&flow, &ctx, ITEM_TERMS, 0);

  ctx_clear (&ctx);

  return self->pages->len;
}

/**
 * lb_document_render_get_n_pages:
 *
 * Returns: the number of pages of the last pagination, 0 before the first
 */
guint
lb_document_render_get_n_pages (LbDocumentRender *self)
{
  g_return_val_if_fail (LB_IS_DOCUMENT_RENDER (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

void
lb_document_render_draw_page (LbDocumentRender *self,
                              cairo_t          *cr,
                              guint             page)
{
  Ctx ctx = { NULL, };
  GArray *pieces;

  g_return_if_fail (LB_IS_DOCUMENT_RENDER (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL)
    lb_document_render_paginate (self, cr);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);
  ctx_init (&ctx, self, cr);
  cairo_save (cr);
  draw_mark (self, &ctx, cr);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      gboolean partial = piece->offset > EPSILON ||
                         piece->height < item_height (self, piece->kind, piece->index) - EPSILON;

      cairo_save (cr);
      if (partial)
        {
          cairo_rectangle (cr, 0, piece->y - 0.5, self->width, piece->height + 1);
          cairo_clip (cr);
        }
      cairo_translate (cr, 0, piece->y - piece->offset);
      draw_item (self, &ctx, cr, piece);
      cairo_restore (cr);
    }

  footer (self, &ctx, cr, page);

  cairo_restore (cr);
  ctx_clear (&ctx);
}

/**
 * lb_document_render_dup_file_name:
 *
 * Returns: (transfer full): the number (or "Draft invoice 12") with
 *   ".pdf", with no character a file name cannot hold
 */
char *
lb_document_render_dup_file_name (LbDocumentRender *self)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (LB_IS_DOCUMENT_RENDER (self), NULL);

  stem = g_strdup (self->draft_label != NULL ? self->draft_label : self->number);
  g_strdelimit (stem, "/\\:*?\"<>|", '-');
  for (char *p = stem; *p != '\0'; p++)
    if ((guchar)*p < 0x20)
      *p = '-';
  if (stem[0] == '.')
    stem[0] = '-';

  return g_strconcat (stem, ".pdf", NULL);
}

/**
 * lb_document_render_write_pdf:
 * @path: the file to write; an existing file is replaced
 *
 * Writes the document as a PDF file of the render's page size (A4
 * unless set_page said otherwise), with the number as its title and
 * "Leadbook" as its creator.  The file is written beside @path under a
 * temporary name and renamed into place: a failure leaves no
 * half-written file and any earlier file at @path as it was.
 * lb_document_render_get_n_pages() then tells how many pages it has.
 *
 * Returns: %FALSE with @error (G_FILE_ERROR, naming @path) on failure
 */
gboolean
lb_document_render_write_pdf (LbDocumentRender  *self,
                              const char        *path,
                              GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *tmp_name = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };
  guint n_pages;

  g_return_val_if_fail (LB_IS_DOCUMENT_RENDER (self), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  tmp_path = g_build_filename (dir, tmp_name, NULL);

  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink, self->width, self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->draft_label != NULL ? self->draft_label : self->number);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Leadbook");
  if (self->company_name != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->company_name);

  cr = cairo_create (surface);
  n_pages = lb_document_render_paginate (self, cr);
  for (guint page = 0; page < n_pages; page++)
    {
      lb_document_render_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.saved_errno != 0)
        set_write_error (error, path, sink.saved_errno);
      else
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("Cannot write the PDF file “%s”: %s."), display,
                       cairo_status_to_string (status));
        }
      close (sink.fd);
      g_unlink (tmp_path);
      return FALSE;
    }

  if (fsync (sink.fd) != 0)
    {
      int errsv = errno;

      set_write_error (error, path, errsv);
      close (sink.fd);
      g_unlink (tmp_path);
      return FALSE;
    }
  if (close (sink.fd) != 0)
    {
      int errsv = errno;

      set_write_error (error, path, errsv);
      g_unlink (tmp_path);
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int errsv = errno;

      set_write_error (error, path, errsv);
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

/**
 * lb_document_export_pdf:
 *
 * Renders document @id on A4 pages to the PDF file @path (see
 * lb_document_render_write_pdf()).
 */
gboolean
lb_document_export_pdf (LbStore     *store,
                        LbDocKind    kind,
                        gint64       id,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(LbDocumentRender) render = NULL;

  g_return_val_if_fail (LB_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  render = lb_document_render_new (store, kind, id, error);
  if (render == NULL)
    return FALSE;

  return lb_document_render_write_pdf (render, path, error);
}
