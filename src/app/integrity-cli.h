/* integrity-cli.h — the command-line commands. SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum
{
  INTEGRITY_EXIT_OK = 0,
  INTEGRITY_EXIT_BAD_INPUT = 1,
  INTEGRITY_EXIT_USAGE = 2,
  INTEGRITY_EXIT_STORE = 3,
};

gboolean integrity_cli_is_command       (const char *word);
char    *integrity_cli_describe_commands (void);
int      integrity_cli_run        (int         argc,
                                   char       *argv[]);

G_END_DECLS
