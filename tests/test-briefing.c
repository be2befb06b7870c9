/* test-briefing.c — the briefing pack, read back as a person reads the PDF. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>

#include "integrity-briefing-job.h"
#include "integrity-session.h"
#include "integrity-test-util.h"

#define FORCE "Example Constabulary"

typedef struct
{
  ItestSession base;
  char        *pdf;
  gboolean     has_recording_rate;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  itest_session_set_up (&f->base, (const char * const[]) { "recording-rate", "test-addin", NULL });
  f->pdf = g_build_filename (f->base.dir, "pack.pdf", NULL);
  f->has_recording_rate = integrity_plugin_engine_get_plugin (integrity_session_get_engine (f->base.session),
                                                              "recording-rate") != NULL;
  g_settings_set_string (f->base.settings, "force-name", FORCE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_settings_reset (f->base.settings, "force-name");
  g_settings_reset (f->base.settings, "protective-marking");
  itest_session_tear_down (&f->base, data);
  g_free (f->pdf);
}

/* Writes the pack and returns its pages' text (pdftotext -raw), or NULL
 * (the test skipped) where poppler-utils is missing. */
static char **
export_pages (Fixture *f,
              guint    suppress_below,
              guint   *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityFilter) filter = integrity_session_default_filter (f->base.session, NULL, &error);
  g_autoptr(IntegrityBriefingJob) job = NULL;
  g_autoptr(IntegrityBriefing) briefing = NULL;
  char **pages;
  sqlite3 *db;

  g_assert_no_error (error);
  job = integrity_briefing_job_new (f->base.session, filter, suppress_below, f->pdf);
  db = integrity_store_open_reader (integrity_session_get_store (f->base.session), &error);
  g_assert_no_error (error);
  briefing = integrity_briefing_job_run (db, job, NULL, &error);
  sqlite3_close (db);
  g_assert_no_error (error);
  *n_pages = integrity_briefing_get_n_pages (briefing);

  pages = itest_pdf_pages (f->pdf);
  if (pages != NULL)
    g_assert_cmpuint (g_strv_length (pages), ==, *n_pages + 1);
  return pages;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static gboolean
has_demo_mark (const char *page)
{
  g_autoptr(GString) squeezed = g_string_new (NULL);

  /* The diagonal mark comes out in pieces: "DEM\nO\nDATA". */
  for (const char *p = page; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, *p);
  return strstr (squeezed->str, "DEMODATA") != NULL;
}

static void
test_pack_pages_and_text (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityFilter) filter = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  guint n_pages;

  if (!f->has_recording_rate)
    {
      g_test_skip ("The recording-rate plugin is not built");
      return;
    }
  itest_session_generate_demo (&f->base, 1, 5);
  g_settings_set_string (f->base.settings, "protective-marking", "OFFICIAL");
  pages = export_pages (f, 0, &n_pages);
  if (pages == NULL)
    return;

  /* Cover, summary, recording rate (2), the test plugin (1), method. */
  g_assert_cmpuint (n_pages, ==, 6);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_cmpuint (count (pages[i], "OFFICIAL"), >=, 2);  /* top and bottom */
      g_assert_nonnull (strstr (pages[i], number));
      g_assert_true (has_demo_mark (pages[i]));
    }
  g_assert_nonnull (strstr (pages[0], FORCE));
  g_assert_nonnull (strstr (pages[1], "Summary of headline figures"));
  g_assert_cmpint (itest_find_page (pages, "Recording rate: trend and headline figures"), >, 1);
  g_assert_cmpint (itest_find_page (pages, "District league table"), >, 1);
  g_assert_cmpint (itest_find_page (pages, "Test add-in briefing page"), >, 1);
  g_assert_nonnull (strstr (pages[5], "Method and sources"));
  g_assert_nonnull (strstr (pages[5], "Wilson score interval"));
  g_assert_nonnull (strstr (pages[5], "Test events are counted."));

  /* Every KPI's value is on the summary page. */
  filter = integrity_session_default_filter (f->base.session, NULL, &error);
  kpis = integrity_session_collect_kpis (f->base.session, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kpis->len, ==, 4);
  for (guint i = 0; i < kpis->len; i++)
    {
      IntegrityKpi *kpi = g_ptr_array_index (kpis, i);
      g_autofree char *value = integrity_format_value (kpi->value, kpi->format);

      g_assert_nonnull (strstr (pages[1], kpi->label));
      g_assert_nonnull (strstr (pages[1], value));
    }
  all = g_strjoinv ("", pages);
  g_assert_null (strstr (all, "withheld"));
}

static void
test_suppression (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityFilter) filter = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *rate = NULL;
  guint n_pages;

  if (!f->has_recording_rate)
    {
      g_test_skip ("The recording-rate plugin is not built");
      return;
    }
  itest_session_generate_demo (&f->base, 1, 5);
  filter = integrity_session_default_filter (f->base.session, NULL, &error);
  kpis = integrity_session_collect_kpis (f->base.session, filter, &error);
  g_assert_no_error (error);

  /* More than a year's audit sample (43,200 incidents, about 51,000 crimes
   * expected) and the test events: all withheld or "<N". */
  pages = export_pages (f, 100000, &n_pages);
  if (pages == NULL)
    return;
  rate = integrity_format_value (((IntegrityKpi *) g_ptr_array_index (kpis, 0))->value, INTEGRITY_FORMAT_PERCENT);
  g_assert_null (strstr (pages[1], rate));
  g_assert_null (strstr (pages[itest_find_page (pages, "Headline figures")], rate));
  g_assert_cmpuint (count (pages[1], "withheld"), >=, 3);
  g_assert_nonnull (strstr (pages[1], "<100000"));   /* the test events count and the cases */
  g_assert_cmpint (itest_find_page (pages, "Test events: <100000"), >, 1);
  g_assert_cmpint (itest_find_page (pages, "too few to publish a rate"), >, 1);
  g_assert_nonnull (strstr (pages[0], "counts below 100000"));
  g_assert_nonnull (strstr (pages[5], "Suppression"));
}

/* A store without demo data has no DEMO DATA mark, and a pack still. */
static void
test_real_store_is_not_marked (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  pages = export_pages (f, 0, &n_pages);
  if (pages == NULL)
    return;
  /* Cover, summary ("no figures"), the test plugin's page, method. */
  g_assert_cmpuint (n_pages, ==, 4);
  for (guint i = 0; i < n_pages; i++)
    {
      g_assert_false (has_demo_mark (pages[i]));
      g_assert_nonnull (strstr (pages[i], "OFFICIAL-SENSITIVE"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/briefing/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("pack-pages-and-text", test_pack_pages_and_text);
  ADD ("suppression", test_suppression);
  ADD ("real-store-is-not-marked", test_real_store_is_not_marked);
#undef ADD

  return g_test_run ();
}
