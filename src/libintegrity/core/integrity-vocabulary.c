/* integrity-vocabulary.c — offence groups and reporting categories. SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "integrity-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "integrity-vocabulary.h"

static const char * const offence_groups[] = {
  "violence_with_injury", "violence_without_injury", "stalking_harassment",
  "sexual_offences", "robbery", "burglary", "vehicle", "theft",
  "criminal_damage_arson", "drugs", "weapons", "public_order", "other", NULL
};

static const char *offence_labels[] = {
  N_("Violence with injury"), N_("Violence without injury"), N_("Stalking and harassment"),
  N_("Sexual offences"), N_("Robbery"), N_("Burglary"), N_("Vehicle offences"), N_("Theft"),
  N_("Criminal damage and arson"), N_("Drug offences"), N_("Possession of weapons"),
  N_("Public order offences"), N_("Other crime"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (offence_labels) + 1 == G_N_ELEMENTS (offence_groups));

const char * const *
integrity_offence_groups (void)
{
  return offence_groups;
}

static int
offence_index (const char *group)
{
  for (int i = 0; offence_groups[i] != NULL; i++)
    if (g_strcmp0 (offence_groups[i], group) == 0)
      return i;
  return -1;
}

gboolean
integrity_offence_group_is_valid (const char *group)
{
  return offence_index (group) >= 0;
}

const char *
integrity_offence_group_label (const char *group)
{
  int i = offence_index (group);

  return i >= 0 ? _(offence_labels[i]) : group;
}

const char *
integrity_category_id (IntegrityCategory category)
{
  static const char *ids[] = { "all", "violence", "sexual", "domestic", "behavioural" };

  g_return_val_if_fail (category < INTEGRITY_N_CATEGORIES, NULL);
  return ids[category];
}

const char *
integrity_category_label (IntegrityCategory category)
{
  switch (category)
    {
    case INTEGRITY_CATEGORY_ALL_CRIME:       return _("All crime");
    case INTEGRITY_CATEGORY_VIOLENCE:        return _("Violence against the person");
    case INTEGRITY_CATEGORY_SEXUAL_OFFENCES: return _("Sexual offences");
    case INTEGRITY_CATEGORY_DOMESTIC_ABUSE:  return _("Domestic abuse");
    case INTEGRITY_CATEGORY_BEHAVIOURAL:     return _("Behavioural crimes");
    case INTEGRITY_N_CATEGORIES:
    default:                                 g_return_val_if_reached (NULL);
    }
}

gboolean
integrity_category_contains (IntegrityCategory  category,
                             const char        *group,
                             gboolean           domestic_abuse)
{
  switch (category)
    {
    case INTEGRITY_CATEGORY_ALL_CRIME:
      return TRUE;
    case INTEGRITY_CATEGORY_VIOLENCE:
      return g_strcmp0 (group, "violence_with_injury") == 0
          || g_strcmp0 (group, "violence_without_injury") == 0
          || g_strcmp0 (group, "stalking_harassment") == 0;
    case INTEGRITY_CATEGORY_SEXUAL_OFFENCES:
      return g_strcmp0 (group, "sexual_offences") == 0;
    case INTEGRITY_CATEGORY_DOMESTIC_ABUSE:
      return domestic_abuse;
    case INTEGRITY_CATEGORY_BEHAVIOURAL:
      return g_strcmp0 (group, "stalking_harassment") == 0;
    case INTEGRITY_N_CATEGORIES:
    default:
      g_return_val_if_reached (FALSE);
    }
}
