#!/usr/bin/python3
"""Walks each page's accessibility tree through AT-SPI, as a screen reader
sees it, and fails on any button, image or chart without a name.

Usage: check-atspi.py A11Y-HOST. Runs itself inside a private D-Bus session
(dbus-run-session) with its own accessibility bus; skips (exit 77), saying
why, when there is no display, no AT-SPI or no pyatspi (Debian:
python3-pyatspi, at-spi2-core)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
TYPE_NAME = re.compile(r'^(Gtk|Adw|Integrity)[A-Z][A-Za-z]+$')
PAGES = ['overview', 'recording-rate', 'victim-care', 'training']


def skip(why):
    print(f'SKIP: {why}')
    sys.exit(SKIP)


def main():
    host = sys.argv[1]
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        skip('no display (tools/test runs each test on its own Xvfb)')
    if os.environ.get('INTEGRITY_ATSPI_SESSION') != '1':
        runner = shutil.which('dbus-run-session')
        if runner is None:
            skip('dbus-run-session is missing (Debian: dbus)')
        # The AT-SPI client library in this checker warns about its own cache
        # races while the registry starts: not our warnings, so not fatal here.
        # The app under test keeps the suite's G_DEBUG (fatal warnings).
        env = dict(os.environ, INTEGRITY_ATSPI_SESSION='1',
                   INTEGRITY_HOST_G_DEBUG=os.environ.get('G_DEBUG', ''), G_DEBUG='gc-friendly')
        sys.exit(subprocess.call([runner, '--', sys.executable, __file__, host], env=env))

    import importlib.util
    if importlib.util.find_spec('pyatspi') is None:
        skip('pyatspi is missing (Debian: python3-pyatspi)')

    launcher = next((p for p in ('/usr/libexec/at-spi-bus-launcher',
                                 '/usr/lib/at-spi2-core/at-spi-bus-launcher') if os.path.exists(p)), None)
    if launcher is None:
        skip('at-spi-bus-launcher is missing (Debian: at-spi2-core)')
    bus = subprocess.Popen([launcher, '--launch-immediately'])
    time.sleep(1)
    # Only now: pyatspi finds the accessibility bus when it is imported.
    try:
        import pyatspi
    except Exception as e:  # noqa: BLE001 - any failure to start AT-SPI is a skip
        bus.terminate()
        skip(f'pyatspi cannot start ({e})')

    env = dict(os.environ, G_DEBUG=os.environ.get('INTEGRITY_HOST_G_DEBUG', ''))
    env.pop('NO_AT_BRIDGE', None)
    store = tempfile.mkdtemp(prefix='integrity-a11y-')
    app = subprocess.Popen([host, store], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                           text=True, bufsize=1)
    problems = []
    try:
        for page in PAGES:
            app.stdin.write(f'show {page}\n')
            app.stdin.flush()
            answer = app.stdout.readline().strip()
            if answer != f'shown {page}':
                problems.append(f'{page}: the page did not load ({answer or "no answer"})')
                continue
            root = find_app(pyatspi, app.pid)
            if root is None:
                skip('the application did not appear on the accessibility bus')
            counts = {}
            walk(pyatspi, root, [], page, problems, counts)
            print(f'{page}: {counts.get("nodes", 0)} accessible nodes visible, '
                  f'{counts.get("checked", 0)} buttons, images and charts checked')
            if counts.get('checked', 0) == 0:
                problems.append(f'{page}: no buttons, images or charts found at all')
    finally:
        app.stdin.close()
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
        bus.terminate()
        shutil.rmtree(store, ignore_errors=True)
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


def find_app(pyatspi, pid, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            child = desktop.getChildAtIndex(i)
            try:
                if child is not None and child.get_process_id() == pid:
                    return child
            except Exception:
                pass
        time.sleep(0.2)
    return None


def walk(pyatspi, node, path, page, problems, counts, named_ancestor=False, depth=0):
    if node is None or depth > 80:
        return
    try:
        role = node.getRole()
        name = (node.name or '').strip()
        # GTK 4.8 names a widget without a label after its type ("GtkImage",
        # "GtkToggleButton"): to a screen reader user that is no name at all.
        if TYPE_NAME.match(name):
            name = ''
        states = node.getState()
        role_name = node.getRoleName()
    except Exception:  # gone, or no reply in time (a sanitizer build is slow)
        return
    # GTK 4.8 marks only windows 'showing'; 'visible' is what it keeps up to date.
    if role != pyatspi.ROLE_APPLICATION and not states.contains(pyatspi.STATE_VISIBLE):
        return
    counts['nodes'] = counts.get('nodes', 0) + 1
    checked_roles = {
        pyatspi.ROLE_PUSH_BUTTON: 'button',
        pyatspi.ROLE_TOGGLE_BUTTON: 'button',
        pyatspi.ROLE_CHECK_BOX: 'button',
        pyatspi.ROLE_RADIO_BUTTON: 'button',
        pyatspi.ROLE_SWITCH if hasattr(pyatspi, 'ROLE_SWITCH') else -1: 'button',
        pyatspi.ROLE_COMBO_BOX: 'drop-down',
        pyatspi.ROLE_IMAGE: 'image or chart',
        pyatspi.ROLE_CHART if hasattr(pyatspi, 'ROLE_CHART') else -2: 'chart',
    }
    here = path + [f'{role_name}{"(" + name + ")" if name else ""}']
    if role in checked_roles:
        counts['checked'] = counts.get('checked', 0) + 1
        description = ''
        try:
            description = (node.description or '').strip()
        except Exception:
            pass
        if os.environ.get('ITEST_DEBUG_ATSPI'):  # every control and its name
            print(f'{page}: {role_name} {name!r}')
        # An icon inside a named button, tab, row or card, and the button GTK
        # puts inside a drop-down or menu button, are parts of a named control.
        decorative = named_ancestor
        if not name and not decorative:
            problems.append(f'{page}: unnamed {checked_roles[role]}: {" > ".join(here[-9:])}'
                            f'{" (description: " + description + ")" if description else ""}')
    controls = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_LIST_ITEM,
                pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_CHECK_BOX,
                pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_PAGE_TAB)
    # Decoration inherits a name only from the control (or named card) right
    # around it, never from the window's title.
    named_here = named_ancestor or (bool(name) and (role in controls or role == pyatspi.ROLE_PANEL))
    try:
        n = node.childCount
    except Exception:
        return
    for i in range(min(n, 400)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(pyatspi, child, here, page, problems, counts, named_here, depth + 1)


if __name__ == '__main__':
    main()
