/* training-demo.c — a seeded refresher-training programme for the demo store. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <math.h>

#include "training-data.h"
#include "training-demo.h"

/* The plan after the inspection: every sergeant through three refresher
 * modules by the end of January 2021, every frontline officer by the end
 * of March. Most districts finish on time; Eastfield and Westmoor, the
 * two that lag on recording too, run weeks late and leave stragglers. */
#define SERGEANTS_PER_FORCE  1050
#define FRONTLINE_PER_FORCE  4800
#define OTHERS_PER_FORCE      520   /* office-based constables and senior ranks: in no cohort */

static const char * const modules[] = { "investigation", "recording-compliance", "victim-care", NULL };

static TrainingDay
day_of (int year,
        int month,
        int day)
{
  g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return training_day_from_iso (iso);
}

static gboolean
is_lagging (guint district_index)
{
  return district_index % 6 == 2 || district_index % 6 == 3;
}

/* The day an officer finishes: a triangular spread over the programme
 * (slow, busy, slow: the burn-up's S), a tail after the deadline, and in
 * the lagging districts a longer spread and a few who never finish. */
static TrainingDay
finish_day (GRand       *rand,
            TrainingDay  start,
            TrainingDay  deadline,
            gboolean     lagging)
{
  double span = (deadline - start) * (lagging ? 1.35 : 0.93);
  double draw = g_rand_double (rand);

  if (draw < (lagging ? 0.03 : 0.004))
    return TRAINING_NO_DAY;
  if (draw < (lagging ? 0.10 : 0.025))
    return deadline + (TrainingDay) g_rand_int_range (rand, 1, lagging ? 150 : 60);
  return start + 3 + (TrainingDay) ((g_rand_double (rand) + g_rand_double (rand)) / 2 * span);
}

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *officer;
  sqlite3_stmt *completion;
  GRand        *rand;
  guint         next_ref;
  GHashTable   *iso_days;  /* TrainingDay → its ISO text */
} Demo;

/* Made once per day: a few hundred days recur over millions of rows. */
static const char *
iso_day (Demo        *demo,
         TrainingDay  day)
{
  char *iso = g_hash_table_lookup (demo->iso_days, GUINT_TO_POINTER (day));

  if (iso == NULL)
    {
      iso = training_day_to_iso (day);
      g_hash_table_insert (demo->iso_days, GUINT_TO_POINTER (day), iso);
    }
  return iso;
}

static gboolean
step (Demo          *demo,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return integrity_sqlite_error (error, demo->db, rc, "training demo");
  return TRUE;
}

static gboolean
add_officer (Demo         *demo,
             const char   *rank,
             gint64        district_id,
             gboolean      frontline,
             TrainingDay   finish,
             TrainingDay   start,
             GError      **error)
{
  char ref[32];
  const char *left = NULL;
  gboolean leaver = g_rand_double (demo->rand) < 0.025;
  /* Some who never finish have done two of the three modules. */
  guint skip = finish == TRAINING_NO_DAY && g_rand_boolean (demo->rand)
             ? (guint) g_rand_int_range (demo->rand, 0, 3) : G_MAXUINT;

  /* "P100001", without printf for hundreds of thousands of officers. */
  integrity_demo_put_number (g_stpcpy (ref, "P"), demo->next_ref++, 6);
  if (leaver)
    left = iso_day (demo, start + (TrainingDay) g_rand_int_range (demo->rand, 10, 400));
  sqlite3_bind_text (demo->officer, 1, ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (demo->officer, 2, rank, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (demo->officer, 3, district_id);
  sqlite3_bind_int (demo->officer, 4, frontline);
  sqlite3_bind_int (demo->officer, 5, !leaver);
  sqlite3_bind_text (demo->officer, 6, left, -1, SQLITE_TRANSIENT);
  if (!step (demo, demo->officer, error))
    return FALSE;
  if (finish == TRAINING_NO_DAY && skip == G_MAXUINT)
    return TRUE;

  for (guint m = 0; modules[m] != NULL; m++)
    {
      TrainingDay day = finish;

      if (m == skip)
        continue;
      if (finish == TRAINING_NO_DAY)
        day = start + (TrainingDay) g_rand_int_range (demo->rand, 5, 80);
      else if (g_rand_int_range (demo->rand, 0, 3) != 0)
        day = MAX (start + 1, finish - (TrainingDay) g_rand_int_range (demo->rand, 0, 35));
      sqlite3_bind_text (demo->completion, 1, ref, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (demo->completion, 2, modules[m], -1, SQLITE_STATIC);
      sqlite3_bind_text (demo->completion, 3, iso_day (demo, day), -1, SQLITE_TRANSIENT);
      if (!step (demo, demo->completion, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_cohorts (sqlite3      *db,
             TrainingDay   start,
             TrainingDay   sergeants_deadline,
             TrainingDay   frontline_deadline,
             GError      **error)
{
  g_autoptr(TrainingCohort) sergeants = training_cohort_new ("Sergeants");
  g_autoptr(TrainingCohort) frontline = training_cohort_new ("Frontline officers");

  g_strfreev (sergeants->modules);
  sergeants->modules = g_strdupv ((char **) modules);
  sergeants->rank = g_strdup ("sergeant");
  sergeants->start = start;
  sergeants->deadline = sergeants_deadline;
  g_strfreev (frontline->modules);
  frontline->modules = g_strdupv ((char **) modules);
  frontline->frontline = 1;
  frontline->start = start;
  frontline->deadline = frontline_deadline;
  return training_save_cohort (db, NULL, sergeants, error)
      && training_save_cohort (db, NULL, frontline, error);
}

gboolean
training_generate_demo (IntegrityStore  *store,
                        GRand           *rand,
                        guint            scale,
                        GError         **error)
{
  static const char * const senior[] = { "inspector", "chief_inspector", "superintendent", "other" };
  static const char * const member_indexes[] = {
    "training_member_curve", "training_member_district", "training_member_league",
    "training_member_outstanding", NULL,
  };
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) districts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) officer = NULL;
  g_autoptr(sqlite3_stmt) completion = NULL;
  TrainingDay start = day_of (2020, 11, 2);
  TrainingDay sergeants_deadline = day_of (2021, 1, 31);
  TrainingDay frontline_deadline = day_of (2021, 3, 31);
  g_autoptr(GHashTable) iso_days = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Demo demo = { integrity_store_get_connection (store), NULL, NULL, rand, 100001, iso_days };
  gint64 cache_size, temp_store;
  gboolean ok;
  int rc;

  if (!integrity_demo_add_districts (store, scale, districts, error)
      || !add_cohorts (demo.db, start, sergeants_deadline, frontline_deadline, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (demo.db,
                           "INSERT INTO training_officer (officer_ref, rank, district_id, frontline, active, left_date)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &officer, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (demo.db,
                             "INSERT INTO training_completion (officer_ref, module, completed_date)"
                             " VALUES (?1, ?2, ?3)", -1, &completion, NULL);
  if (rc != SQLITE_OK)
    return integrity_sqlite_error (error, demo.db, rc, "training demo");
  demo.officer = officer;
  demo.completion = completion;

  for (guint d = 0; d < districts->len; d++)
    {
      gint64 id = g_array_index (districts, gint64, d);
      guint n = districts->len / MAX (scale, 1);
      gboolean lagging = is_lagging (d);

      for (guint i = 0; i < SERGEANTS_PER_FORCE / n + (d % n < SERGEANTS_PER_FORCE % n); i++)
        if (!add_officer (&demo, "sergeant", id, g_rand_double (rand) < 0.85,
                          finish_day (rand, start, sergeants_deadline, lagging), start, error))
          return FALSE;
      for (guint i = 0; i < FRONTLINE_PER_FORCE / n + (d % n < FRONTLINE_PER_FORCE % n); i++)
        if (!add_officer (&demo, "constable", id, TRUE,
                          finish_day (rand, start, frontline_deadline, lagging), start, error))
          return FALSE;
      for (guint i = 0; i < OTHERS_PER_FORCE / n; i++)
        {
          gboolean constable = i % 3 != 0;
          if (!add_officer (&demo, constable ? "constable" : senior[i % G_N_ELEMENTS (senior)], id, FALSE,
                            TRAINING_NO_DAY, start, error))
            return FALSE;
        }
    }
  /* The refresh sorts every officer's modules: a sort holds as many rows
   * in memory as the page cache (32 MB while a demo is written), and its
   * DISTINCT builds a temporary b-tree, in memory too then. A small cache
   * and a temporary file keep memory flat whatever the scale, and cost no
   * time: the refresh reads each row once. */
  cache_size = integrity_demo_swap_pragma (store, "cache_size", -8192);
  temp_store = integrity_demo_swap_pragma (store, "temp_store", 1);
  /* Members are written officer by officer, their indexes' entries in no
   * order: made after the members, each is one sort. */
  ok = integrity_demo_suspend_indexes (store, member_indexes, indexes, error)
    && training_refresh_members (demo.db, NULL, error)
    && integrity_demo_resume_triggers (store, indexes, error);
  integrity_demo_swap_pragma (store, "temp_store", temp_store);
  integrity_demo_swap_pragma (store, "cache_size", cache_size);
  return ok;
}
