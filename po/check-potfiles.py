#!/usr/bin/env python3
"""Every source file with a translatable string is listed in POTFILES.in, and
every file listed exists. Usage: check-potfiles.py SOURCE_ROOT"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = {line.strip() for line in (root / 'po' / 'POTFILES.in').read_text().splitlines()
          if line.strip() and not line.startswith('#')}
marker = re.compile(r'\b(?:_|N_|C_|NC_)\s*\(\s*"|g_dn?gettext\s*\(|g_dpgettext2?\s*\(|\bngettext\s*\(|translatable="yes"')
found = set()
for folder in ('src', 'plugins'):
    for path in sorted((root / folder).rglob('*')):
        if path.suffix in ('.c', '.ui') and marker.search(path.read_text(encoding='utf-8')):
            found.add(str(path.relative_to(root)))
        elif path.name.endswith('.plugin.desktop.in'):
            found.add(str(path.relative_to(root)))

status = 0
for name in sorted(found - listed):
    print(f'po/POTFILES.in: missing {name}, which has translatable strings')
    status = 1
for name in sorted(listed):
    if not (root / name).exists():
        print(f'po/POTFILES.in: {name} does not exist')
        status = 1
sys.exit(status)
