#!/usr/bin/env python3
"""Checks the Flatpak manifest: valid JSON, the app id and a command the build
installs, the bundled modules each pinned, and no network or home access.
Usage: check-manifest.py MANIFEST APP_ID COMMAND"""
import json
import sys

path, app_id, command = sys.argv[1:4]
problems = []
try:
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    print(f'{path}: not valid JSON: {e}')
    sys.exit(1)

if manifest.get('id', manifest.get('app-id')) != app_id:
    problems.append(f'the id is {manifest.get("id")!r}, not {app_id!r}')
if manifest.get('command') != command:
    problems.append(f'the command is {manifest.get("command")!r}, not the built {command!r}')
for key in ('runtime', 'runtime-version', 'sdk'):
    if not manifest.get(key):
        problems.append(f'no {key}')

modules = {m.get('name'): m for m in manifest.get('modules', []) if isinstance(m, dict)}
for name in ('libpeas', 'libcsv', 'libxlsxwriter', 'integrity'):
    if name not in modules:
        problems.append(f'no module {name!r}')
if list(modules)[-1:] != ['integrity']:
    problems.append('integrity is not the last module')
for name, module in modules.items():
    for source in module.get('sources', []):
        kind = source.get('type')
        if kind in ('archive', 'file') and not source.get('sha256'):
            problems.append(f'module {name}: {source.get("url")} has no sha256')
        if kind == 'git' and not (source.get('commit') or source.get('tag')):
            problems.append(f'module {name}: {source.get("url")} is not pinned to a commit or tag')
for name in ('libpeas', 'libcsv', 'libxlsxwriter'):
    for source in modules.get(name, {}).get('sources', []):
        if source.get('type') == 'git' and not source.get('commit'):
            problems.append(f'module {name}: pin a commit, not only a tag')
if 'integrity' in modules and not modules['integrity'].get('run-tests'):
    problems.append('module integrity does not run its tests (run-tests)')
peas_opts = modules.get('libpeas', {}).get('config-opts', [])
for opt in ('-Dwidgetry=false', '-Dlua51=false', '-Dpython3=false'):
    if opt not in peas_opts:
        problems.append(f'module libpeas: {opt} missing (loaders and widgetry off)')

args = manifest.get('finish-args', [])
for arg in args:
    if arg.startswith('--share=network'):
        problems.append('grants the network (--share=network)')
    if arg.startswith('--filesystem='):
        where = arg.split('=', 1)[1].split(':')[0]
        if where in ('home', 'host', 'host-os', 'host-etc', '~') or where.startswith('~/') or where.startswith('/home'):
            problems.append(f'grants the file system ({arg}); files go through the portal')
for needed in ('--socket=wayland', '--socket=fallback-x11', '--device=dri', '--share=ipc'):
    if needed not in args:
        problems.append(f'missing {needed}')

for p in problems:
    print(f'{path}: {p}')
sys.exit(1 if problems else 0)
