/* integrity-chart-style.c — colours, dashes and type sizes for drawing charts. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-chart"

#include "config.h"

#include "integrity-chart-style.h"

/* Okabe & Ito's colour-blind-safe palette, ordered for contrast against
 * each background: yellow is last on white, blue last on black. */
static const char * const light_palette[INTEGRITY_CHART_N_COLOURS] = {
  "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
};
static const char * const dark_palette[INTEGRITY_CHART_N_COLOURS] = {
  "#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#FFFFFF", "#0072B2",
};
/* High contrast: the darkest (or lightest) of the same hues. */
static const char * const hc_light_palette[INTEGRITY_CHART_N_COLOURS] = {
  "#005A8C", "#A84A00", "#006B4F", "#A3467D", "#8A5F00", "#1F6F9F", "#000000", "#6B6400",
};
static const char * const hc_dark_palette[INTEGRITY_CHART_N_COLOURS] = {
  "#8FD0FF", "#FFC04D", "#3FE0B0", "#FFA8DA", "#FFF27A", "#FF8A4D", "#FFFFFF", "#7FB8FF",
};

typedef struct
{
  const char         *background;
  const char         *foreground;
  const char         *muted;
  const char         *grid;
  const char         *axis;
  const char         *reference;
  const char * const *palette;
  double              line_width;
} Theme;

static const Theme themes[] = {
  [INTEGRITY_CHART_THEME_LIGHT] = { "#FFFFFF", "#241F31", "#5E5C64", "#DEDDDA", "#77767B", "#613583", light_palette, 2.5 },
  [INTEGRITY_CHART_THEME_DARK] = { "#1E1E1E", "#FFFFFF", "#C0BFBC", "#3D3846", "#9A9996", "#DC8ADD", dark_palette, 2.5 },
  [INTEGRITY_CHART_THEME_HIGH_CONTRAST] = { "#FFFFFF", "#000000", "#000000", "#9A9996", "#000000", "#000000", hc_light_palette, 3.5 },
  [INTEGRITY_CHART_THEME_HIGH_CONTRAST_DARK] = { "#000000", "#FFFFFF", "#FFFFFF", "#77767B", "#FFFFFF", "#FFFFFF", hc_dark_palette, 3.5 },
};

void
integrity_chart_style_init (IntegrityChartStyle *style,
                            IntegrityChartTheme  theme,
                            double               font_scale)
{
  const Theme *t;

  g_return_if_fail (style != NULL);
  g_return_if_fail (theme <= INTEGRITY_CHART_THEME_HIGH_CONTRAST_DARK);

  t = &themes[theme];
  style->theme = theme;
  style->font_scale = font_scale > 0 ? font_scale : 1.0;
  style->line_width = t->line_width * MAX (1.0, style->font_scale * 0.8);
  style->font_family = "Cantarell, Inter, DejaVu Sans, sans-serif";
  gdk_rgba_parse (&style->background, t->background);
  gdk_rgba_parse (&style->foreground, t->foreground);
  gdk_rgba_parse (&style->muted, t->muted);
  gdk_rgba_parse (&style->grid, t->grid);
  gdk_rgba_parse (&style->axis, t->axis);
  gdk_rgba_parse (&style->reference, t->reference);
  for (guint i = 0; i < INTEGRITY_CHART_N_COLOURS; i++)
    gdk_rgba_parse (&style->palette[i], t->palette[i]);
}

gboolean
integrity_chart_style_is_dark (const IntegrityChartStyle *style)
{
  g_return_val_if_fail (style != NULL, FALSE);
  return style->theme == INTEGRITY_CHART_THEME_DARK
      || style->theme == INTEGRITY_CHART_THEME_HIGH_CONTRAST_DARK;
}

const GdkRGBA *
integrity_chart_style_get_colour (const IntegrityChartStyle *style,
                                  guint                      index)
{
  g_return_val_if_fail (style != NULL, NULL);
  return &style->palette[index % INTEGRITY_CHART_N_COLOURS];
}

/**
 * integrity_chart_style_get_dashes:
 * @dashes: (out caller-allocates) (array fixed-size=6): filled
 *
 * Series differ by more than colour: each has its own dash pattern,
 * scaled to the line width.
 *
 * Returns: how many dash lengths were written; 0 for a solid line
 */
guint
integrity_chart_style_get_dashes (const IntegrityChartStyle *style,
                                  guint                      index,
                                  double                    *dashes)
{
  static const double patterns[][6] = {
    { 0 }, { 6, 3 }, { 1.2, 2 }, { 6, 2, 1.2, 2 }, { 3, 3 }, { 9, 2, 2, 2, 2, 2 }, { 0.8, 1.5 }, { 4, 2, 4, 5 },
  };
  static const guint lengths[] = { 0, 2, 2, 4, 2, 6, 2, 4 };
  guint k;

  g_return_val_if_fail (style != NULL && dashes != NULL, 0);

  k = index % G_N_ELEMENTS (lengths);
  for (guint i = 0; i < lengths[k]; i++)
    dashes[i] = patterns[k][i] * style->line_width;
  return lengths[k];
}
