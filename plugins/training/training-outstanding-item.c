/* training-outstanding-item.c — one officer not yet through a cohort, as a list item. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "training"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "training-data.h"
#include "training-outstanding-item.h"

/* An item is made pending, for a row of the list not read yet, and filled
 * in place once its page arrives from the store: its properties notify,
 * so the view updates the row it already shows. A new query resets the
 * items on screen (shown) and fills them again. */
struct _TrainingOutstandingItem
{
  GObject  parent_instance;
  gboolean loaded;
  guint    shown;    /* cells showing it */
  char    *officer_ref;
  char    *rank;
  char    *district;
  char    *cohort;
  char    *missing;
  char    *deadline;
  int      days;     /* to the deadline from the "as at" day; negative once passed */
};

enum { PROP_0, PROP_LOADED, PROP_OFFICER_REF, PROP_RANK, PROP_DISTRICT, PROP_COHORT, PROP_MISSING, PROP_DEADLINE,
       PROP_DAYS, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TrainingOutstandingItem, training_outstanding_item, G_TYPE_OBJECT)

static void
free_texts (TrainingOutstandingItem *self)
{
  g_free (self->officer_ref);
  g_free (self->rank);
  g_free (self->district);
  g_free (self->cohort);
  g_free (self->missing);
  g_free (self->deadline);
}

static void
training_outstanding_item_finalize (GObject *object)
{
  free_texts (TRAINING_OUTSTANDING_ITEM (object));
  G_OBJECT_CLASS (training_outstanding_item_parent_class)->finalize (object);
}

static void
training_outstanding_item_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TrainingOutstandingItem *self = TRAINING_OUTSTANDING_ITEM (object);

  switch (prop_id)
    {
    case PROP_LOADED:      g_value_set_boolean (value, self->loaded); break;
    case PROP_OFFICER_REF: g_value_set_string (value, self->officer_ref); break;
    case PROP_RANK:        g_value_set_string (value, self->rank); break;
    case PROP_DISTRICT:    g_value_set_string (value, self->district); break;
    case PROP_COHORT:      g_value_set_string (value, self->cohort); break;
    case PROP_MISSING:     g_value_set_string (value, self->missing); break;
    case PROP_DEADLINE:    g_value_set_string (value, self->deadline); break;
    case PROP_DAYS:        g_value_set_int (value, self->days); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
training_outstanding_item_class_init (TrainingOutstandingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[] = { NULL, NULL, "officer-ref", "rank", "district", "cohort", "missing", "deadline" };

  object_class->finalize = training_outstanding_item_finalize;
  object_class->get_property = training_outstanding_item_get_property;
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = PROP_OFFICER_REF; i <= PROP_DEADLINE; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS] = g_param_spec_int ("days", NULL, NULL, G_MININT, G_MAXINT, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
training_outstanding_item_init (TrainingOutstandingItem *self)
{
}

TrainingOutstandingItem *
training_outstanding_item_new (const TrainingOutstanding *row,
                               TrainingDay                as_at)
{
  TrainingOutstandingItem *self = g_object_new (TRAINING_TYPE_OUTSTANDING_ITEM, NULL);

  training_outstanding_item_fill (self, row, as_at);
  return self;
}

/* A row not read yet: empty text until training_outstanding_item_fill(). */
TrainingOutstandingItem *
training_outstanding_item_new_pending (void)
{
  return g_object_new (TRAINING_TYPE_OUTSTANDING_ITEM, NULL);
}

void
training_outstanding_item_fill (TrainingOutstandingItem   *self,
                                const TrainingOutstanding *row,
                                TrainingDay                as_at)
{
  g_return_if_fail (TRAINING_IS_OUTSTANDING_ITEM (self));
  g_return_if_fail (row != NULL);

  free_texts (self);
  self->officer_ref = g_strdup (row->officer_ref);
  self->rank = g_strdup (training_rank_label (row->rank));
  self->district = g_strdup (row->district);
  self->cohort = g_strdup (row->cohort);
  self->missing = g_strdup (row->missing != NULL ? row->missing : "");
  self->deadline = training_day_to_iso (row->deadline);
  self->days = (int) row->deadline - (int) as_at;
  self->loaded = TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_LOADED; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Pending again, for a new query: the old text stays until the new arrives. */
void
training_outstanding_item_reset (TrainingOutstandingItem *self)
{
  g_return_if_fail (TRAINING_IS_OUTSTANDING_ITEM (self));

  if (!self->loaded)
    return;
  self->loaded = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* A cell of the view shows the item (TRUE) or no longer (FALSE). */
void
training_outstanding_item_set_shown (TrainingOutstandingItem *self,
                                     gboolean                 shown)
{
  g_return_if_fail (TRAINING_IS_OUTSTANDING_ITEM (self));
  g_return_if_fail (shown || self->shown > 0);

  if (shown)
    self->shown++;
  else
    self->shown--;
}

gboolean
training_outstanding_item_is_shown (TrainingOutstandingItem *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_ITEM (self), FALSE);
  return self->shown > 0;
}

gboolean
training_outstanding_item_is_loaded (TrainingOutstandingItem *self)
{
  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_ITEM (self), FALSE);
  return self->loaded;
}

/* A string property by name, for the list's cells and the CSV file. */
const char *
training_outstanding_item_get_text (TrainingOutstandingItem *self,
                                    const char              *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  g_return_val_if_fail (pspec != NULL, NULL);
  switch (pspec->param_id)
    {
    case PROP_OFFICER_REF: return self->loaded ? self->officer_ref : "";
    case PROP_RANK:        return self->loaded ? self->rank : "";
    case PROP_DISTRICT:    return self->loaded ? self->district : "";
    case PROP_COHORT:      return self->loaded ? self->cohort : "";
    case PROP_MISSING:     return self->loaded ? self->missing : "";
    case PROP_DEADLINE:    return self->loaded ? self->deadline : "";
    default:               return NULL;
    }
}

int
training_outstanding_item_get_days (TrainingOutstandingItem *self)
{
  return self->days;
}

/* "12 days", "due today", "40 days late" */
char *
training_outstanding_days_label (int days)
{
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", -days), -days);
}

static void
append_field (GString    *csv,
              const char *field,
              gboolean    last)
{
  if (field != NULL && strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else if (field != NULL)
    g_string_append (csv, field);
  g_string_append (csv, last ? "\r\n" : ",");
}

/* The exported columns, the same as training_outstanding_to_csv()'s, the deadline a date. */
const IntegrityTableColumn *
training_outstanding_columns (guint *n_columns)
{
  static const IntegrityTableColumn columns[] = {
    { "officer_ref", INTEGRITY_TABLE_TEXT },
    { "rank", INTEGRITY_TABLE_TEXT },
    { "district", INTEGRITY_TABLE_TEXT },
    { "cohort", INTEGRITY_TABLE_TEXT },
    { "modules_missing", INTEGRITY_TABLE_TEXT },
    { "deadline", INTEGRITY_TABLE_DATE },
    { "days_to_deadline", INTEGRITY_TABLE_INTEGER },
  };

  *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

/* One row of the export, as training_outstanding_columns() describes it. */
char **
training_outstanding_item_to_cells (TrainingOutstandingItem *self)
{
  char **cells = g_new0 (char *, 8);

  g_return_val_if_fail (TRAINING_IS_OUTSTANDING_ITEM (self), NULL);

  cells[0] = g_strdup (self->officer_ref);
  cells[1] = g_strdup (self->rank);
  cells[2] = g_strdup (self->district);
  cells[3] = g_strdup (self->cohort);
  cells[4] = g_strdup (self->missing);
  cells[5] = g_strdup (self->deadline);
  cells[6] = g_strdup_printf ("%d", self->days);
  return cells;
}

/* RFC 4180, one row per officer and cohort, in the order the list shows. */
char *
training_outstanding_to_csv (GListModel *items)
{
  GString *csv = g_string_new ("officer_ref,rank,district,cohort,modules_missing,deadline,days_to_deadline\r\n");
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrainingOutstandingItem) item = g_list_model_get_item (items, i);
      char days[16];

      g_snprintf (days, sizeof days, "%d", item->days);
      append_field (csv, item->officer_ref, FALSE);
      append_field (csv, item->rank, FALSE);
      append_field (csv, item->district, FALSE);
      append_field (csv, item->cohort, FALSE);
      append_field (csv, item->missing, FALSE);
      append_field (csv, item->deadline, FALSE);
      append_field (csv, days, TRUE);
    }
  return g_string_free (csv, FALSE);
}
