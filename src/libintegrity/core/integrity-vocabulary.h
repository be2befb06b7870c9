/* integrity-vocabulary.h — offence groups and reporting categories. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The reporting categories of DESIGN.md. A record can be in several:
 * a domestic stalking case counts in all crime, violence against the
 * person, domestic abuse and behavioural crimes. */
typedef enum
{
  INTEGRITY_CATEGORY_ALL_CRIME,
  INTEGRITY_CATEGORY_VIOLENCE,
  INTEGRITY_CATEGORY_SEXUAL_OFFENCES,
  INTEGRITY_CATEGORY_DOMESTIC_ABUSE,
  INTEGRITY_CATEGORY_BEHAVIOURAL,
  INTEGRITY_N_CATEGORIES
} IntegrityCategory;

const char * const *integrity_offence_groups         (void);
gboolean            integrity_offence_group_is_valid (const char        *group);
const char         *integrity_offence_group_label    (const char        *group);
const char         *integrity_category_id            (IntegrityCategory  category);
const char         *integrity_category_label         (IntegrityCategory  category);
gboolean            integrity_category_contains      (IntegrityCategory  category,
                                                      const char        *group,
                                                      gboolean           domestic_abuse);

G_END_DECLS
