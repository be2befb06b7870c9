/* integrity-calendar.c — working days in England and Wales. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "integrity-calendar.h"
#include "core/integrity-calendar-data.h"

/* One year, worked out once: which days are bank holidays, and how many
 * working days there are up to each day. Days are days of the year, 1-based;
 * index 0 is the day before 1 January, so working_upto[0] is 0. */
typedef struct
{
  int     year;
  guint32 jan1;                /* GDate julian day of 1 January */
  guint16 n_days;
  guint16 n_working;
  guint8  holiday[367];
  guint16 working_upto[367];   /* working days in 1 January … that day */
} YearTable;

/* A line of a changes file. */
typedef struct
{
  int      year;
  guint16  day_of_year;
  gboolean add;
} Change;

/* Years kept for lock-free reading; any other year is worked out on each call. */
#define CACHE_FIRST_YEAR 1970
#define CACHE_N_YEARS    230

static GMutex     calendar_lock;
static GArray    *changes;                        /* Change, in the order loaded */
static guint      n_builtin_changes;
static YearTable *year_cache[CACHE_N_YEARS];      /* atomic; set under the lock */
static GPtrArray *retired_tables;                 /* tables a reader may still hold */

G_DEFINE_QUARK (integrity-calendar-error-quark, integrity_calendar_error)

/* Monday 1 … Sunday 7, as GDateWeekday. */
static int
year_table_weekday (const YearTable *t,
                    guint            day_of_year)
{
  return (int) ((t->jan1 + day_of_year - 1 - 1) % 7) + 1;   /* julian 1 is a Monday */
}

static gboolean
year_table_is_weekend (const YearTable *t,
                       guint            day_of_year)
{
  return year_table_weekday (t, day_of_year) >= G_DATE_SATURDAY;
}

static guint
day_of_year (int year,
             int month,
             int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_day_of_year (&date);
}

/* The holiday falls on its day, or when that is a weekend or already a
 * holiday, on the next weekday that is not: so Christmas on a Saturday gives
 * Monday 27 and Boxing Day Tuesday 28, and Christmas on a Sunday gives
 * Monday 26 and Tuesday 27 — the days gov.uk publishes. */
static void
year_table_add_substituted (YearTable *t,
                            guint      day)
{
  while (day <= t->n_days && (year_table_is_weekend (t, day) || t->holiday[day]))
    day++;
  g_assert (day <= t->n_days);
  t->holiday[day] = TRUE;
}

/* Easter Sunday by the Gregorian computus (the "anonymous" algorithm). */
static guint
easter_day_of_year (int year)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  return day_of_year (year, month, day);
}

static guint
first_monday (const YearTable *t,
              int              month)
{
  guint first = day_of_year (t->year, month, 1);
  return first + (G_DATE_MONDAY + 7 - year_table_weekday (t, first)) % 7;
}

static guint
last_monday (const YearTable *t,
             int              month)
{
  guint last = day_of_year (t->year, month,
                            g_date_get_days_in_month ((GDateMonth) month, (GDateYear) t->year));
  return last - (year_table_weekday (t, last) - G_DATE_MONDAY);
}

static gboolean parse_changes (const char *data, gssize length, const char *origin,
                               GArray *into, GError **error);

static void
ensure_builtin_changes_locked (void)
{
  g_autoptr(GError) error = NULL;

  if (changes != NULL)
    return;

  changes = g_array_new (FALSE, FALSE, sizeof (Change));
  if (!parse_changes (integrity_calendar_builtin_changes, -1,
                      "bank-holidays-changes.txt", changes, &error))
    g_critical ("The built-in bank holiday changes are wrong: %s", error->message);
  n_builtin_changes = changes->len;
}

static void
year_table_fill_locked (YearTable *t,
                        int        year)
{
  GDate jan1;
  guint easter;

  memset (t, 0, sizeof *t);
  g_date_clear (&jan1, 1);
  g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, (GDateYear) year);
  t->year = year;
  t->jan1 = g_date_get_julian (&jan1);
  t->n_days = g_date_is_leap_year ((GDateYear) year) ? 366 : 365;

  /* In date order, so that a substitute day never takes a later holiday's day. */
  year_table_add_substituted (t, 1);                       /* New Year's Day */
  easter = easter_day_of_year (year);
  t->holiday[easter - 2] = TRUE;                           /* Good Friday */
  t->holiday[easter + 1] = TRUE;                           /* Easter Monday */
  if (year >= 1978)
    t->holiday[first_monday (t, G_DATE_MAY)] = TRUE;       /* early May */
  t->holiday[last_monday (t, G_DATE_MAY)] = TRUE;          /* spring */
  t->holiday[last_monday (t, G_DATE_AUGUST)] = TRUE;       /* summer */
  year_table_add_substituted (t, t->n_days - 6);           /* Christmas Day */
  year_table_add_substituted (t, t->n_days - 5);           /* Boxing Day */

  ensure_builtin_changes_locked ();
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);

      if (change->year == year)
        t->holiday[change->day_of_year] = change->add;
    }

  for (guint day = 1; day <= t->n_days; day++)
    {
      gboolean working = !t->holiday[day] && !year_table_is_weekend (t, day);
      t->working_upto[day] = t->working_upto[day - 1] + (working ? 1 : 0);
    }
  t->n_working = t->working_upto[t->n_days];
}

/* The table of @year: the shared one when the year is cached, else @scratch
 * filled in. */
static const YearTable *
year_table_get (int        year,
                YearTable *scratch)
{
  YearTable *t;
  guint index;

  if (year < CACHE_FIRST_YEAR || year >= CACHE_FIRST_YEAR + CACHE_N_YEARS)
    {
      g_mutex_lock (&calendar_lock);
      year_table_fill_locked (scratch, year);
      g_mutex_unlock (&calendar_lock);
      return scratch;
    }

  index = (guint) (year - CACHE_FIRST_YEAR);
  t = g_atomic_pointer_get (&year_cache[index]);
  if (G_LIKELY (t != NULL))
    return t;

  g_mutex_lock (&calendar_lock);
  t = year_cache[index];
  if (t == NULL)
    {
      t = g_new (YearTable, 1);
      year_table_fill_locked (t, year);
      g_atomic_pointer_set (&year_cache[index], t);
    }
  g_mutex_unlock (&calendar_lock);
  return t;
}

static gboolean
valid_date (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

/**
 * integrity_calendar_is_bank_holiday:
 * @date: a valid date
 *
 * Returns: %TRUE when @date is a bank holiday in England and Wales, as
 *   gov.uk lists them: when Christmas Day falls on a Saturday, the bank
 *   holiday is the Monday after, and 25 December itself is not one.
 */
gboolean
integrity_calendar_is_bank_holiday (const GDate *date)
{
  YearTable scratch;
  const YearTable *t;

  g_return_val_if_fail (valid_date (date), FALSE);

  t = year_table_get (g_date_get_year (date), &scratch);
  return t->holiday[g_date_get_day_of_year (date)];
}

/**
 * integrity_calendar_is_working_day:
 * @date: a valid date
 *
 * Returns: %TRUE when @date is Monday to Friday and not a bank holiday.
 */
gboolean
integrity_calendar_is_working_day (const GDate *date)
{
  YearTable scratch;
  const YearTable *t;
  guint day;

  g_return_val_if_fail (valid_date (date), FALSE);

  t = year_table_get (g_date_get_year (date), &scratch);
  day = g_date_get_day_of_year (date);
  return t->working_upto[day] != t->working_upto[day - 1];
}

/**
 * integrity_calendar_list_bank_holidays:
 * @year: a year
 * @out: (array length=max) (nullable): where to put the dates, in order
 * @max: room in @out
 *
 * Fills @out with the bank holidays of @year, up to @max of them.
 *
 * Returns: how many bank holidays @year has, which may be more than @max.
 */
guint
integrity_calendar_list_bank_holidays (int    year,
                                       GDate *out,
                                       guint  max)
{
  YearTable scratch;
  const YearTable *t;
  guint n = 0;

  g_return_val_if_fail (year >= 1 && year <= 9999, 0);
  g_return_val_if_fail (out != NULL || max == 0, 0);

  t = year_table_get (year, &scratch);
  for (guint day = 1; day <= t->n_days; day++)
    {
      if (!t->holiday[day])
        continue;
      if (n < max)
        {
          g_date_clear (&out[n], 1);
          g_date_set_julian (&out[n], t->jan1 + day - 1);
        }
      n++;
    }
  return n;
}

/**
 * integrity_calendar_add_working_days:
 * @start: a valid date
 * @n: how many working days
 * @result: (out caller-allocates): the date @n working days after @start
 *
 * The @n-th working day after @start, not counting @start itself, whether
 * or not it is a working day. This is the deadline of "within @n working
 * days of @start": the event is in time up to the end of that day. Recorded
 * on Thursday 23 December 2021, within 2 working days is Wednesday 29
 * December (Friday 24, then Wednesday 29, after the Christmas substitute
 * days). When @n is 0, @result is @start. @result may be @start.
 */
void
integrity_calendar_add_working_days (const GDate *start,
                                     guint        n,
                                     GDate       *result)
{
  YearTable scratch;
  const YearTable *t;
  guint target, low, high;
  int year;

  g_return_if_fail (valid_date (start));
  g_return_if_fail (result != NULL);

  if (n == 0)
    {
      if (result != start)
        *result = *start;
      return;
    }

  year = g_date_get_year (start);
  t = year_table_get (year, &scratch);
  target = t->working_upto[g_date_get_day_of_year (start)] + n;
  while (target > t->n_working)
    {
      target -= t->n_working;
      t = year_table_get (++year, &scratch);
    }

  /* The first day whose count reaches the target is a working day. */
  low = 1;
  high = t->n_days;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (t->working_upto[mid] >= target)
        high = mid;
      else
        low = mid + 1;
    }

  g_date_clear (result, 1);
  g_date_set_julian (result, t->jan1 + low - 1);
}

/**
 * integrity_calendar_working_days_between:
 * @from: a valid date
 * @to: a valid date
 *
 * Counts the working days after @from, up to and including @to: so
 * integrity_calendar_add_working_days (@from, n) is the first date @to for
 * which this is n. Between a Friday and the Monday after it is 1; between
 * a day and itself, 0.
 *
 * Returns: that count, or minus the count from @to to @from when @to is
 *   before @from.
 */
int
integrity_calendar_working_days_between (const GDate *from,
                                         const GDate *to)
{
  YearTable scratch_from, scratch_to, scratch;
  const YearTable *tf, *tt;
  int year_from, year_to;
  int count;

  g_return_val_if_fail (valid_date (from), 0);
  g_return_val_if_fail (valid_date (to), 0);

  if (g_date_compare (to, from) < 0)
    return -integrity_calendar_working_days_between (to, from);

  year_from = g_date_get_year (from);
  year_to = g_date_get_year (to);
  tf = year_table_get (year_from, &scratch_from);
  tt = year_table_get (year_to, &scratch_to);

  if (year_from == year_to)
    return tt->working_upto[g_date_get_day_of_year (to)] -
           tf->working_upto[g_date_get_day_of_year (from)];

  count = tf->n_working - tf->working_upto[g_date_get_day_of_year (from)];
  for (int year = year_from + 1; year < year_to; year++)
    count += year_table_get (year, &scratch)->n_working;
  count += tt->working_upto[g_date_get_day_of_year (to)];
  return count;
}

/* Strict YYYY-MM-DD. */
static gboolean
parse_date (const char *text,
            int        *year,
            guint      *day_of_year_out)
{
  int y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  *year = y;
  *day_of_year_out = day_of_year (y, m, d);
  return TRUE;
}

/* Cuts the next run of non-blanks out of *@cursor; "" at the end. */
static char *
next_field (char **cursor)
{
  char *start = *cursor, *end;

  while (*start == ' ' || *start == '\t')
    start++;
  end = start;
  while (*end != '\0' && *end != ' ' && *end != '\t')
    end++;
  *cursor = end;
  if (*end != '\0')
    {
      *end = '\0';
      *cursor = end + 1;
    }
  return start;
}

/* Reads every line of @data into @into; on any error, adds nothing and
 * reports each bad line (up to 100), compiler style. */
static gboolean
parse_changes (const char  *data,
               gssize       length,
               const char  *origin,
               GArray      *into,
               GError     **error)
{
  g_autofree char *copy = length < 0 ? g_strdup (data) : g_strndup (data, (gsize) length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  g_autoptr(GArray) parsed = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GString) errors = g_string_new (NULL);
  guint n_errors = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *date, *action;
      Change change = { 0 };
      guint day = 0;
      char *message = NULL;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      /* The date, then the action, then a note that is only for people. */
      date = next_field (&line);
      action = next_field (&line);
      if (!parse_date (date, &change.year, &day))
        message = g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"), date);
      else if (strcmp (action, "add") != 0 && strcmp (action, "remove") != 0)
        message = g_strdup (_("expected “add” or “remove” after the date"));

      if (message != NULL)
        {
          if (n_errors++ < 100)
            g_string_append_printf (errors, "%s%s:%u: %s", errors->len > 0 ? "\n" : "",
                                    origin, i + 1, message);
          g_free (message);
          continue;
        }

      change.day_of_year = (guint16) day;
      change.add = strcmp (action, "add") == 0;
      g_array_append_val (parsed, change);
    }

  if (n_errors > 0)
    {
      g_set_error_literal (error, INTEGRITY_CALENDAR_ERROR, INTEGRITY_CALENDAR_ERROR_PARSE,
                           errors->str);
      return FALSE;
    }

  g_array_append_vals (into, parsed->data, parsed->len);
  return TRUE;
}

/* Called with the lock held: readers see the new tables from now on. The
 * old ones stay allocated, since a reader may be using one; changes are
 * loaded rarely (at start-up, or when a force changes its file). */
static void
invalidate_cache_locked (void)
{
  if (retired_tables == NULL)
    retired_tables = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < CACHE_N_YEARS; i++)
    {
      YearTable *t = year_cache[i];

      if (t == NULL)
        continue;
      g_atomic_pointer_set (&year_cache[i], NULL);
      g_ptr_array_add (retired_tables, t);
    }
}

/**
 * integrity_calendar_load_changes_from_data:
 * @data: the text of a changes file
 * @length: its length, or -1 when it ends with a nul
 * @origin: the file name to give in errors
 * @error: return location for a #GError
 *
 * Adds the changes in @data, after those already loaded. The format is
 * that of data/bank-holidays-changes.txt: one change a line, a date
 * (YYYY-MM-DD), then `add` or `remove`, then a note; blank lines and lines
 * starting with `#` are skipped. Either every line is good and all are
 * added, or none is, and @error lists each bad line as `ORIGIN:LINE: message`.
 *
 * Returns: %TRUE when the changes were added
 */
gboolean
integrity_calendar_load_changes_from_data (const char  *data,
                                           gssize       length,
                                           const char  *origin,
                                           GError     **error)
{
  g_autoptr(GArray) parsed = g_array_new (FALSE, FALSE, sizeof (Change));

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (origin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_changes (data, length, origin, parsed, error))
    return FALSE;

  g_mutex_lock (&calendar_lock);
  ensure_builtin_changes_locked ();
  g_array_append_vals (changes, parsed->data, parsed->len);
  invalidate_cache_locked ();
  g_mutex_unlock (&calendar_lock);
  return TRUE;
}

/**
 * integrity_calendar_load_changes:
 * @path: a changes file
 * @error: return location for a #GError
 *
 * Reads @path with integrity_calendar_load_changes_from_data().
 *
 * Returns: %TRUE when the changes were added
 */
gboolean
integrity_calendar_load_changes (const char  *path,
                                 GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  return integrity_calendar_load_changes_from_data (contents, (gssize) length, path, error);
}

/**
 * integrity_calendar_forget_loaded_changes:
 *
 * Drops the changes loaded at run time, keeping the built-in ones; for
 * reloading a force's file after it changed.
 */
void
integrity_calendar_forget_loaded_changes (void)
{
  g_mutex_lock (&calendar_lock);
  ensure_builtin_changes_locked ();
  g_array_set_size (changes, n_builtin_changes);
  invalidate_cache_locked ();
  g_mutex_unlock (&calendar_lock);
}
