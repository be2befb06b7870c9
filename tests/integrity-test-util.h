/* integrity-test-util.h — shared helpers for the test programs. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*ItestCondition) (gpointer data);

char       *itest_make_temp_dir     (void);
void        itest_remove_tree       (const char     *path);
gboolean    itest_wait_until        (ItestCondition  condition,
                                     gpointer        data,
                                     guint           timeout_ms);
void        itest_spin              (guint           milliseconds);
char       *itest_shared_data_path  (const char     *relative);
char       *itest_file_sha256       (const char     *path);
gboolean    itest_label_in_tree     (GtkWidget      *widget,
                                     const char     *text);
guint       itest_count_mapped      (GtkWidget      *widget,
                                     GType           type);

G_END_DECLS
