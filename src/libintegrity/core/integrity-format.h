/* integrity-format.h — how figures are written. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  INTEGRITY_FORMAT_COUNT,    /* 80,100 */
  INTEGRITY_FORMAT_PERCENT,  /* 77.7% — values are fractions 0..1 */
  INTEGRITY_FORMAT_DAYS,     /* 3.5 days */
  INTEGRITY_FORMAT_DECIMAL,  /* 219.4 */
} IntegrityFormat;

char *integrity_format_value        (double          value,
                                     IntegrityFormat format);
char *integrity_format_count        (double          value);
char *integrity_format_timestamp    (const char     *iso8601);
char *integrity_format_delta        (double          delta,
                                     IntegrityFormat format);

G_END_DECLS
