/* integrity-demo.h — what every plugin's demo generator shares. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-month.h"
#include "integrity-store.h"

G_BEGIN_DECLS

/* The demo force: three and a half years, July 2018 to December 2021,
 * long enough to show the fall, the inspection, the training and the
 * recovery. Scale N is N such forces. */
IntegrityMonth integrity_demo_first_month      (void);
IntegrityMonth integrity_demo_last_month       (void);
guint          integrity_demo_n_districts      (guint           scale);
char          *integrity_demo_district_name    (guint           index);
double         integrity_demo_district_effect  (guint           index);
gboolean       integrity_demo_add_districts    (IntegrityStore *store,
                                                guint           scale,
                                                GArray         *ids,
                                                GError        **error);
double         integrity_demo_normal           (GRand          *rand);
guint          integrity_demo_binomial         (GRand          *rand,
                                                guint           n,
                                                double          p);
guint          integrity_demo_poisson          (GRand          *rand,
                                                double          mean);
gboolean       integrity_demo_suspend_triggers (IntegrityStore *store,
                                                const char * const *names,
                                                GPtrArray      *saved,
                                                GError        **error);
gboolean       integrity_demo_resume_triggers  (IntegrityStore *store,
                                                GPtrArray      *saved,
                                                const char     *rebuild_sql,
                                                GError        **error);

G_END_DECLS
