/* integrity-cli-private.h — what the commands' files share. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "integrity-cli.h"
#include "integrity-session.h"

G_BEGIN_DECLS

gboolean          integrity_cli_parse_options       (const char        *command,
                                                     GOptionEntry      *entries,
                                                     int               *argc,
                                                     char            ***argv);
IntegritySession *integrity_cli_open_session        (const char        *command,
                                                     const char        *store_path,
                                                     int               *status);
IntegrityFilter  *integrity_cli_parse_filter        (const char        *command,
                                                     IntegritySession  *session,
                                                     const char        *from_text,
                                                     const char        *to_text,
                                                     const char        *district,
                                                     int               *status);

int               integrity_cli_run_export_briefing (int                argc,
                                                     char              *argv[]);
int               integrity_cli_run_screenshot      (int                argc,
                                                     char              *argv[]);

G_END_DECLS
