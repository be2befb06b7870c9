/* test-victim-care-briefing.c — victim-care in the briefing pack and on the projector. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <integrity.h>
#include <math.h>

#include "integrity-briefing-job.h"
#include "integrity-session.h"
#include "integrity-test-util.h"
#include "victim-care-data.h"

#define COMPLIANCE_PAGE "Victim care: the Victims’ Code and closures"
#define CASEWORK_PAGE   "Victim care: caseload, outcomes and the support line"

typedef struct
{
  ItestSession     base;
  char            *pdf;
  IntegrityFilter *filter;
  VictimPageData  *data;    /* the figures the pages are drawn from */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  itest_session_set_up (&f->base, (const char * const[]) { "victim-care", NULL });
  f->pdf = g_build_filename (f->base.dir, "pack.pdf", NULL);
  itest_session_generate_demo (&f->base, 1, 5);

  f->filter = integrity_session_default_filter (f->base.session, NULL, &error);
  g_assert_no_error (error);
  db = integrity_store_open_reader (integrity_session_get_store (f->base.session), &error);
  g_assert_no_error (error);
  f->data = victim_care_query_page (db, f->filter, &error);
  sqlite3_close (db);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_clear_pointer (&f->data, victim_page_data_free);
  g_clear_pointer (&f->filter, integrity_filter_free);
  itest_session_tear_down (&f->base, user_data);
  g_free (f->pdf);
}

/* Writes the pack; returns its pages' text, wrapped lines joined, or NULL
 * (the test skipped) where poppler-utils is missing. */
static char **
export_pages (Fixture *f,
              guint    suppress_below)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IntegrityBriefingJob) job = NULL;
  g_autoptr(IntegrityBriefing) briefing = NULL;
  char **pages;
  sqlite3 *db;

  job = integrity_briefing_job_new (f->base.session, f->filter, suppress_below, f->pdf);
  db = integrity_store_open_reader (integrity_session_get_store (f->base.session), &error);
  g_assert_no_error (error);
  briefing = integrity_briefing_job_run (db, job, NULL, &error);
  sqlite3_close (db);
  g_assert_no_error (error);
  g_assert_nonnull (briefing);

  pages = itest_pdf_pages (f->pdf);
  if (pages != NULL)
    g_assert_cmpuint (g_strv_length (pages), ==, integrity_briefing_get_n_pages (briefing) + 1);
  return pages;
}

static char *
format_share (guint64 done,
              guint64 due)
{
  return integrity_format_value ((double) done / (double) due, INTEGRITY_FORMAT_PERCENT);
}

static void
test_pages_show_aggregates_only (Fixture       *f,
                                 gconstpointer  user_data)
{
  g_auto(GStrv) pages = export_pages (f, 0);
  g_autoptr(GRegex) reference = g_regex_new ("(VC|SL)[0-9]{2}-[0-9]|CR[0-9]{2}/[0-9]", 0, 0, NULL);
  g_autoptr(GPtrArray) kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) integrity_kpi_free);
  g_autofree char *all = NULL;
  g_autofree char *view = NULL;
  g_autofree char *support = NULL;
  int compliance, casework, method;

  if (pages == NULL)
    return;
  compliance = itest_find_page (pages, COMPLIANCE_PAGE);
  casework = itest_find_page (pages, CASEWORK_PAGE);
  method = itest_find_page (pages, "Method and sources");
  g_assert_cmpint (compliance, >, 1);
  g_assert_cmpint (casework, ==, compliance + 1);
  g_assert_cmpint (method, >, casework);

  /* Every headline figure, with its value, in the table on the first page. */
  victim_care_kpis_from_data (f->data, kpis);
  g_assert_cmpuint (kpis->len, ==, 6);
  for (guint i = 0; i < kpis->len; i++)
    {
      IntegrityKpi *kpi = g_ptr_array_index (kpis, i);
      g_autofree char *value = integrity_format_value (kpi->value, kpi->format);

      g_assert_nonnull (strstr (pages[compliance], kpi->label));
      g_assert_nonnull (strstr (pages[compliance], value));
    }
  g_assert_nonnull (strstr (pages[compliance], "Victims’ Code time limits met"));
  g_assert_nonnull (strstr (pages[compliance], "Closures done properly"));
  g_assert_nonnull (strstr (pages[compliance], "deadlines were overdue"));

  /* The second page: caseload, outcomes, support line, victims' wishes. */
  g_assert_nonnull (strstr (pages[casework], "Open caseload by age"));
  g_assert_nonnull (strstr (pages[casework], "Outcomes of closed cases"));
  g_assert_nonnull (strstr (pages[casework], "Crime support line referrals a week"));
  g_assert_cmpuint (f->data->view_outcomes, >, 0);
  view = format_share (f->data->view_recorded, f->data->view_outcomes);
  g_assert_nonnull (strstr (pages[casework], view));
  support = integrity_format_count ((double) f->data->support_total);
  g_assert_nonnull (strstr (pages[casework], support));

  /* The method page says how "in time" is counted. */
  g_assert_nonnull (strstr (pages[method], "Victims’ Code"));
  g_assert_nonnull (strstr (pages[method], "bank holidays of England and Wales"));
  g_assert_nonnull (strstr (pages[method], "In time means"));

  /* No case, crime or referral reference anywhere in the pack. */
  all = g_strjoinv ("\n", pages);
  g_assert_false (g_regex_match (reference, all, 0, NULL));
  g_assert_null (strstr (all, "withheld"));
}

static void
test_suppression (Fixture       *f,
                  gconstpointer  user_data)
{
  const VictimCount *referral = &f->data->totals[VICTIM_RATE_REFERRAL];
  g_auto(GStrv) pages = NULL;
  g_autofree char *threshold = NULL;
  g_autofree char *view = NULL;
  g_autofree char *referral_rate = NULL;
  g_autofree char *support = NULL;
  guint64 below;
  int compliance, casework;

  /* Just above the outcome 14 and 16 closures, well below the referrals
   * due: the share of those closures is withheld, the referral rate is not. */
  below = f->data->view_outcomes + 1;
  g_assert_cmpuint (referral->due, >, below);
  g_assert_cmpuint (f->data->support_total, >=, below);
  pages = export_pages (f, (guint) below);
  if (pages == NULL)
    return;
  compliance = itest_find_page (pages, COMPLIANCE_PAGE);
  casework = itest_find_page (pages, CASEWORK_PAGE);
  g_assert_cmpint (compliance, >, 1);
  g_assert_cmpint (casework, >, 1);

  threshold = g_strdup_printf ("<%" G_GUINT64_FORMAT, below);
  view = format_share (f->data->view_recorded, f->data->view_outcomes);
  referral_rate = format_share (referral->done, referral->due);
  support = integrity_format_count ((double) f->data->support_total);
  g_assert_null (strstr (pages[casework], view));
  g_assert_nonnull (strstr (pages[casework], "too few to publish a share"));
  g_assert_nonnull (strstr (pages[casework], threshold));
  g_assert_nonnull (strstr (pages[casework], support));
  g_assert_nonnull (strstr (pages[compliance], referral_rate));
  g_assert_nonnull (strstr (pages[casework], "Gaps: fewer than"));
  g_clear_pointer (&pages, g_strfreev);

  /* Above everything: every count "<N", every rate withheld. */
  pages = export_pages (f, 10000000);
  compliance = itest_find_page (pages, COMPLIANCE_PAGE);
  casework = itest_find_page (pages, CASEWORK_PAGE);
  g_assert_null (strstr (pages[compliance], referral_rate));
  g_assert_null (strstr (pages[casework], support));
  g_assert_cmpuint (strlen (pages[compliance]), >, 0);
  g_assert_nonnull (strstr (pages[compliance], "withheld"));
  /* Nor which side of its target a withheld figure fell. */
  g_assert_null (strstr (pages[compliance], "Off target"));
  g_assert_null (strstr (pages[compliance], "Near target"));
  g_assert_null (strstr (pages[compliance], "On target"));
  g_assert_nonnull (strstr (pages[compliance], "<10000000 Victims’ Code deadlines were overdue"));
  g_assert_nonnull (strstr (pages[casework], "<10000000 referrals"));
}

static void
test_presentation_charts (Fixture       *f,
                          gconstpointer  user_data)
{
  static const char * const titles[] = {
    "Victims’ Code time limits met", "Closures done properly", "Open caseload by age",
    "Outcomes of closed cases", "Crime support line referrals a week",
  };
  IntegrityAddin *addin = integrity_plugin_engine_get_addin (integrity_session_get_engine (f->base.session),
                                                             "victim-care");
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_nonnull (addin);
  db = integrity_store_open_reader (integrity_session_get_store (f->base.session), &error);
  g_assert_no_error (error);
  integrity_addin_collect_charts (addin, db, f->filter, charts, cancellable);
  g_cancellable_cancel (cancellable);
  integrity_addin_collect_charts (addin, db, f->filter, empty, cancellable);
  sqlite3_close (db);

  g_assert_cmpuint (charts->len, ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < charts->len; i++)
    {
      IntegrityChart *chart = g_ptr_array_index (charts, i);

      g_assert_cmpstr (integrity_chart_get_title (chart), ==, titles[i]);
      g_assert_cmpuint (integrity_chart_get_n_series (chart), >, 0);
    }
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/victim-care/briefing/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("aggregates-only", test_pages_show_aggregates_only);
  ADD ("suppression", test_suppression);
  ADD ("presentation-charts", test_presentation_charts);
#undef ADD

  return g_test_run ();
}
