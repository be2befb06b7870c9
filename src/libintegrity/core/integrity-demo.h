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
gboolean       integrity_demo_suspend_indexes  (IntegrityStore *store,
                                                const char * const *names,
                                                GPtrArray      *saved,
                                                GError        **error);
gboolean       integrity_demo_resume_triggers  (IntegrityStore *store,
                                                GPtrArray      *saved,
                                                GError        **error);

/* Writing millions of generated rows quickly: integrity-demo.c says why. */
char          *integrity_demo_insert_sql       (const char     *table_columns,
                                                guint           n_columns,
                                                guint           n_rows);
gboolean       integrity_demo_max_rowid        (IntegrityStore *store,
                                                const char     *table,
                                                gint64         *rowid,
                                                GError        **error);
GPtrArray     *integrity_demo_prepare_batch    (IntegrityStore *store,
                                                const char     *sql,
                                                GError        **error);
gboolean       integrity_demo_run_batch        (IntegrityStore *store,
                                                GPtrArray      *statements,
                                                const gint64   *values,
                                                guint           n_values,
                                                GError        **error);
gboolean       integrity_demo_set_checks       (IntegrityStore *store,
                                                gboolean        enabled,
                                                GError        **error);
gint64         integrity_demo_swap_pragma      (IntegrityStore *store,
                                                const char     *name,
                                                gint64          value);
char          *integrity_demo_put_number       (char           *out,
                                                guint           value,
                                                guint           min_digits);

/* Generating on two threads: integrity-demo.c says how. */
IntegrityStore *integrity_demo_open_part       (IntegrityStore *store,
                                                const char     *path,
                                                GError        **error);
gboolean       integrity_demo_attach_part      (IntegrityStore *store,
                                                IntegrityStore *part,
                                                const char     *name,
                                                GError        **error);
gboolean       integrity_demo_copy_part        (IntegrityStore *store,
                                                IntegrityStore *part,
                                                const char     *name,
                                                GError        **error);

G_END_DECLS
