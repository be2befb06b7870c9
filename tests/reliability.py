#!/usr/bin/env python3
# reliability.py — attack tests: the store is attacked the ways a real
# machine attacks it (a crash mid-import, a full disk, a read-only folder,
# a damaged file, two writers at once, an old store, broken plugins) and
# must never be silently wrong. SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: reliability.py INTEGRITY_BINARY TEST
# Prints TAP. Figures (trials, partial imports...) go in "# " lines so that
# they show in the meson log. Tunables, for a longer run on demand:
#   INTEGRITY_CRASH_TRIALS (default 30), INTEGRITY_CRASH_SECONDS (default 100),
#   INTEGRITY_CRASH_ROWS (default 40000)

import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

BINARY = os.path.abspath(sys.argv[1])
SOURCE_DIR = os.path.dirname(os.path.abspath(__file__))
tap_count = 0
failures = 0


def ok(condition, what):
    global tap_count, failures
    tap_count += 1
    if condition:
        print(f"ok {tap_count} - {what}", flush=True)
    else:
        failures += 1
        print(f"not ok {tap_count} - {what}", flush=True)
    return condition


def note(text):
    for line in str(text).splitlines():
        print(f"# {line}", flush=True)


def skip_all(reason):
    print(f"1..0 # SKIP {reason}", flush=True)
    sys.exit(0)


def run(args, store=None, env=None, preexec=None, timeout=300):
    argv = [BINARY] + list(args)
    if store is not None:
        argv += ["--store", store]
    proc = subprocess.run(argv, capture_output=True, text=True, env=env,
                          preexec_fn=preexec, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


DISTRICTS = ["North", "South", "East", "West", "Central"]
GROUPS = ["violence_with_injury", "stalking_harassment", "theft", "burglary", "robbery"]
HEADER = ("incident_ref,reported_date,district,offence_group,domestic_abuse,"
          "crimes_expected,crimes_recorded,recorded_within_24h\n")


def write_audit(path, prefix, rows, seed=1):
    rand = random.Random(seed)
    with open(path, "w") as out:
        out.write(HEADER)
        for i in range(rows):
            expected = rand.randint(0, 3)
            recorded = rand.randint(0, expected)
            within = rand.randint(0, recorded)
            out.write(f"{prefix}-{i:07d},2021-{rand.randint(1, 12):02d}-{rand.randint(1, 28):02d},"
                      f"{rand.choice(DISTRICTS)},{rand.choice(GROUPS)},{rand.choice('YN')},"
                      f"{expected},{recorded},{within}\n")


def query(store, sql, params=()):
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def count_prefix(store, prefix):
    return query(store, "SELECT count(*) FROM recording_audit WHERE incident_ref LIKE ?",
                 (prefix + "-%",))[0][0]


def content(store):
    """Everything a user would see, as one comparable value."""
    tables = [r[0] for r in query(store, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                         " ORDER BY name")]
    result = {}
    for table in tables:
        if table == "import_log":
            result[table] = query(store, "SELECT file_name, sha256, kind, rows_inserted,"
                                         " rows_updated FROM import_log ORDER BY id")
        else:
            result[table] = sorted(query(store, f'SELECT * FROM "{table}"'), key=repr)
    return result


def copy_store(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)
        elif os.path.exists(dst + suffix):
            os.unlink(dst + suffix)
    os.chmod(dst, 0o600)


def base_store(tmp):
    """A store with some data in it already: 500 audit rows."""
    store = os.path.join(tmp, "base.sqlite")
    seed = os.path.join(tmp, "seed.csv")
    write_audit(seed, "BASE", 500, seed=7)
    status, _, err = run(["import", "recording-audit", seed], store)
    if status != 0:
        note(err)
        raise SystemExit("could not make the base store")
    return store


# ---------------------------------------------------------------------------

def test_crash_import(tmp):
    trials = int(os.environ.get("INTEGRITY_CRASH_TRIALS", "30"))
    budget = float(os.environ.get("INTEGRITY_CRASH_SECONDS", "100"))
    rows = int(os.environ.get("INTEGRITY_CRASH_ROWS", "40000"))
    base = base_store(tmp)
    base_rows = count_prefix(base, "BASE")
    big = os.path.join(tmp, "big.csv")
    write_audit(big, "CRASH", rows, seed=11)
    store = os.path.join(tmp, "trial.sqlite")

    # How long a whole import takes, so the kills spread over all of it:
    # start-up, reading, writing and the commit.
    copy_store(base, store)
    start = time.monotonic()
    status, _, err = run(["import", "recording-audit", big], store)
    full = time.monotonic() - start
    ok(status == 0 and count_prefix(store, "CRASH") == rows,
       f"an uninterrupted import of {rows} rows takes {full:.2f} s")

    rand = random.Random(int(os.environ.get("INTEGRITY_CRASH_SEED", "20261129")))
    done = killed = none = whole = partial = bad_check = 0
    # At least five trials however slow the machine (a sanitizer build on a
    # busy one took 56 s for the whole import): each takes up to 1.1 imports
    # and a check.
    deadline = time.monotonic() + max(budget, 5 * full * 1.5)
    while done < trials and time.monotonic() < deadline:
        copy_store(base, store)
        child = subprocess.Popen([BINARY, "import", "recording-audit", big, "--store", store],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rand.uniform(0.0, full * 1.1))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        child.wait()
        done += 1

        status, out, err = run(["check"], store)
        if status != 0:
            bad_check += 1
            note(f"trial {done}: integrity check failed: {err.strip()}")
        n = count_prefix(store, "CRASH")
        logged = query(store, "SELECT count(*) FROM import_log WHERE file_name = 'big.csv'")[0][0]
        if n == 0 and logged == 0:
            none += 1
        elif n == rows and logged == 1:
            whole += 1
        else:
            partial += 1
            note(f"trial {done}: {n} of {rows} rows, {logged} log rows")
        if count_prefix(store, "BASE") != base_rows:
            partial += 1
            note(f"trial {done}: the rows already there changed")

    note(f"crash trials: {done} ({killed} killed mid-run), all rows: {whole}, "
         f"no rows: {none}, partial imports: {partial}, failed checks: {bad_check}")
    ok(done >= min(trials, 5), f"{done} crash trials ran")
    ok(bad_check == 0, "integrity check passes after every crash")
    ok(partial == 0, "no partial import after any crash")


def test_full_disk(tmp):
    base = base_store(tmp)
    big = os.path.join(tmp, "big.csv")
    write_audit(big, "FULL", 20000, seed=3)
    before = content(base)
    size = os.path.getsize(base)
    limit = size + 64 * 1024

    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    status, out, err = run(["import", "recording-audit", big], base, preexec=limit_file_size)
    note(f"import under a {limit} byte file-size limit: exit {status}: {err.strip()}")
    ok(status in (1, 3), "an import that fills the disk fails with exit status 1 or 3")
    ok("disk is full" in err or "disk may be full" in err, "and says the disk is full")
    ok("nothing was imported" in err, "and that nothing was imported")
    status, out, err = run(["check"], base)
    ok(status == 0, "the store passes integrity check afterwards")
    ok(content(base) == before, "the store holds exactly what it held before")


def test_read_only(tmp):
    if os.geteuid() == 0:
        # Root ignores permissions: run the commands as another user.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            skip_all("running as root and setpriv is missing: cannot test permissions")
        uid = 65534
        probe = subprocess.run([setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                                BINARY, "--version"], capture_output=True)
        if probe.returncode != 0:
            skip_all("running as root and the build tree is not readable by uid 65534")
        prefix = [setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
    else:
        uid = os.geteuid()
        prefix = []

    os.chmod(tmp, 0o755)
    folder = os.path.join(tmp, "ro")
    os.mkdir(folder)
    store = os.path.join(folder, "s.sqlite")
    base = base_store(tmp)
    before = content(base)
    copy_store(base, store)
    os.chown(folder, uid, uid) if os.geteuid() == 0 else None
    os.chown(store, uid, uid) if os.geteuid() == 0 else None
    os.chmod(store, 0o400)
    os.chmod(folder, 0o500)
    csv = os.path.join(tmp, "more.csv")
    write_audit(csv, "RO", 10)
    os.chmod(csv, 0o644)
    env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=tmp, XDG_CACHE_HOME=tmp, XDG_CONFIG_HOME=tmp)

    def as_user(args):
        proc = subprocess.run(prefix + [BINARY] + args + ["--store", store],
                              capture_output=True, text=True, env=env, timeout=120)
        return proc.returncode, proc.stdout, proc.stderr

    status, out, err = as_user(["check"])
    note(f"check on a 0400 store in a 0500 folder: exit {status}: {(out + err).strip()}")
    ok(status == 0, "a store on a read-only path opens")
    ok("read-only" in out, "and says it is read-only")
    status, out, err = as_user(["kpis"])
    ok(status == 0, "figures can be read from it")
    status, out, err = as_user(["import", "recording-audit", csv])
    note(f"import into it: exit {status}: {err.strip()}")
    ok(status == 3 and "read-only" in err, "an import is refused: the store is read-only")
    os.chmod(folder, 0o700)
    ok(content(store) == before, "and the store is unchanged")


def scribble(path, offset, length, seed):
    rand = random.Random(seed)
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(bytes(rand.randrange(256) for _ in range(length)))


def test_damaged(tmp):
    base = base_store(tmp)
    # A backup exists once a migration has run; make one the way the store does.
    backup = base + ".backup"
    shutil.copyfile(base, backup)
    page = query(base, "PRAGMA page_size")[0][0]
    size = os.path.getsize(base)
    cases = {
        "truncated to half": lambda p: os.truncate(p, size // 2),
        "truncated mid-page": lambda p: os.truncate(p, size - page - 100),
        "cut to one byte": lambda p: os.truncate(p, 1),
        "emptied (0 bytes) beside a backup": lambda p: os.truncate(p, 0),
        "scribbled header": lambda p: scribble(p, 0, 100, 1),
        "scribbled schema page": lambda p: scribble(p, 100, page - 100, 2),
        "scribbled data pages": lambda p: scribble(p, size // 2, 4 * page, 3),
    }
    for name, damage in cases.items():
        store = os.path.join(tmp, "damaged.sqlite")
        copy_store(base, store)
        shutil.copyfile(backup, store + ".backup")
        damage(store)
        status, out, err = run(["check"], store)
        note(f"{name}: integrity check exit {status}: {err.strip()}")
        ok(status == 3, f"{name}: integrity check exits 3")
        ok(store in err and "damaged" in err, f"{name}: the message names the file and says damaged")
        ok(store + ".backup" in err, f"{name}: the message points to the backup")
        status, out, err = run(["kpis"], store)
        ok(status == 3 and "damaged" in err, f"{name}: other commands refuse it too")


def test_concurrent(tmp):
    base = base_store(tmp)
    rounds = int(os.environ.get("INTEGRITY_CONCURRENT_ROUNDS", "4"))
    files = []
    for letter in "AB":
        path = os.path.join(tmp, f"{letter}.csv")
        write_audit(path, f"CONC{letter}", 15000, seed=ord(letter))
        files.append((letter, path))
    busy = succeeded = wrong = 0
    for r in range(rounds):
        store = os.path.join(tmp, "shared.sqlite")
        copy_store(base, store)
        children = [(letter, subprocess.Popen([BINARY, "import", "recording-audit", path,
                                               "--store", store],
                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                              text=True))
                    for letter, path in files]
        for letter, child in children:
            out, err = child.communicate(timeout=300)
            n = count_prefix(store, f"CONC{letter}")
            if child.returncode == 0 and n == 15000:
                succeeded += 1
            elif child.returncode == 3 and "busy" in err and n == 0:
                busy += 1
            else:
                wrong += 1
                note(f"round {r}: {letter}: exit {child.returncode}, {n} rows: {err.strip()}")
        status, out, err = run(["check"], store)
        if status != 0:
            wrong += 1
            note(f"round {r}: check failed: {err.strip()}")
    note(f"{rounds} rounds of two concurrent imports: {succeeded} succeeded, "
         f"{busy} reported busy, {wrong} wrong")
    ok(wrong == 0, "two processes writing at once: each succeeds or reports busy; check passes")


def test_single_instance(tmp):
    if not os.environ.get("DISPLAY"):
        skip_all("no display (tools/test runs each test on its own Xvfb)")
    if shutil.which("dbus-run-session") is None or shutil.which("gdbus") is None:
        skip_all("dbus-run-session or gdbus is missing")
    script = os.path.join(tmp, "launch.sh")
    with open(script, "w") as f:
        f.write(f"""#!/bin/sh
# On a private session bus: start the app, launch it again, count windows.
set -u
"{BINARY}" & first=$!
windows() {{ gdbus introspect --session --dest $APP_ID --object-path $APP_PATH/window 2>/dev/null | grep -c 'node [0-9]'; }}
for i in $(seq 1 300); do
  [ "$(windows)" -ge 1 ] && break
  sleep 0.2
done
echo "before: $(windows)"
timeout 60 "{BINARY}"; echo "second: $?"
sleep 1
echo "after: $(windows)"
kill -0 $first && echo "first: running"
kill $first; wait $first
""")
    os.chmod(script, 0o755)
    app_id = os.environ.get("INTEGRITY_APP_ID", "org.crimedata.Integrity")
    env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp,
               APP_ID=app_id, APP_PATH="/" + app_id.replace(".", "/"))
    proc = subprocess.run(["dbus-run-session", "--", script], capture_output=True, text=True,
                          env=env, timeout=180)
    note(proc.stdout.strip())
    lines = dict(line.split(": ", 1) for line in proc.stdout.splitlines() if ": " in line)
    ok(lines.get("before") == "1", "the first launch shows one window")
    ok(lines.get("second") == "0", "a second launch exits at once, handing over to the first")
    ok(lines.get("after") == "1", "and no second window opens: the running one is presented")
    ok(lines.get("first") == "running", "the first instance runs on")


def load_fixture(sql_path, store):
    db = sqlite3.connect(store)
    with open(sql_path) as f:
        db.executescript(f.read())
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    os.chmod(store, 0o600)


def test_upgrade(tmp):
    fixtures = os.path.join(SOURCE_DIR, "fixtures", "stores")
    for name in sorted(os.listdir(fixtures)):
        if not name.endswith(".sql"):
            continue
        store = os.path.join(tmp, name[:-4] + ".sqlite")
        load_fixture(os.path.join(fixtures, name), store)
        before = content(store)
        versions = dict(query(store, "SELECT component, version FROM schema_version"))
        status, out, err = run(["check"], store)
        note(f"{name}: exit {status}: {out.strip()} {err.strip()}")
        ok(status == 0, f"{name}: the old store opens and passes integrity check")
        after = content(store)
        new_versions = dict(query(store, "SELECT component, version FROM schema_version"))
        kept = all(after.get(t) == rows for t, rows in before.items() if t != "schema_version")
        ok(kept, f"{name}: every row it held is still there, unchanged")
        upgraded = [c for c in new_versions if new_versions[c] > versions.get(c, 0)]
        note(f"{name}: schema before {versions}, after {new_versions}")
        if upgraded:
            backup = store + ".backup"
            ok(os.path.exists(backup), f"{name}: upgrading {', '.join(upgraded)} left a backup")
            ok(os.path.exists(backup) and content(backup) == before,
               f"{name}: the backup holds the store as it was before the upgrade")
            ok(os.path.exists(backup) and os.stat(backup).st_mode & 0o077 == 0,
               f"{name}: the backup is private (0600)")
        else:
            ok(not os.path.exists(store + ".backup"), f"{name}: nothing to upgrade, no backup")


def test_plugins(tmp):
    store = os.path.join(tmp, "s.sqlite")
    # No schema: every plugin found is tried, the broken test ones too.
    env = dict(os.environ, GSETTINGS_SCHEMA_DIR=tmp)
    proc = subprocess.run([BINARY, "plugins", "--store", store], capture_output=True, text=True,
                          env=env, timeout=120)
    note(proc.stdout.strip())
    rows = {line.split("\t")[0]: line.split("\t") for line in proc.stdout.splitlines()}
    ok(proc.returncode == 0, "integrity plugins runs with broken plugins installed")
    for plugin, words in (("failing-load", "data folder is missing"),
                          ("wrong-abi", "plugin interface 99"),
                          ("missing-module", "")):
        row = rows.get(plugin, [])
        ok(len(row) >= 4 and row[2] == "failed" and words in row[3] and row[3] != "",
           f"{plugin} is reported as failed, with its reason")
    ok(rows.get("recording-rate", [None, None, None])[2] == "active",
       "the working plugins are active")
    seed = os.path.join(tmp, "a.csv")
    write_audit(seed, "PLUG", 20)
    proc = subprocess.run([BINARY, "import", "recording-audit", seed, "--store", store],
                          capture_output=True, text=True, env=env, timeout=120)
    ok(proc.returncode == 0, "and the app runs on: an import works beside them")


def test_permissions(tmp):
    data = os.path.join(tmp, "data")
    folder = os.path.join(data, "integrity")
    os.makedirs(folder)
    store = os.path.join(folder, "store.sqlite")
    copy_store(base_store(tmp), store)
    os.chmod(store, 0o644)
    os.chmod(folder, 0o755)
    env = dict(os.environ, XDG_DATA_HOME=data)
    proc = subprocess.run([BINARY, "check"], capture_output=True, text=True, env=env, timeout=120)
    note((proc.stdout + proc.stderr).strip())
    ok(proc.returncode == 0, "the user's store opens")
    ok(os.stat(store).st_mode & 0o777 == 0o600, "a store readable by others is made 0600")
    ok(os.stat(folder).st_mode & 0o777 == 0o700, "its folder is made 0700")
    new_data = os.path.join(tmp, "fresh")
    env = dict(os.environ, XDG_DATA_HOME=new_data)
    subprocess.run([BINARY, "check"], capture_output=True, env=env, timeout=120)
    new_store = os.path.join(new_data, "integrity", "store.sqlite")
    ok(os.path.exists(new_store) and os.stat(new_store).st_mode & 0o777 == 0o600,
       "a new store is created 0600")
    ok(os.stat(os.path.dirname(new_store)).st_mode & 0o777 == 0o700, "in a 0700 folder")


TESTS = {
    "crash-import": test_crash_import,
    "full-disk": test_full_disk,
    "read-only": test_read_only,
    "damaged": test_damaged,
    "concurrent": test_concurrent,
    "single-instance": test_single_instance,
    "upgrade": test_upgrade,
    "plugins": test_plugins,
    "permissions": test_permissions,
}

if __name__ == "__main__":
    name = sys.argv[2]
    tmp = tempfile.mkdtemp(prefix=f"integrity-{name}-")
    try:
        TESTS[name](tmp)
    finally:
        for root, dirs, _ in os.walk(tmp):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o700)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"1..{tap_count}", flush=True)
    sys.exit(1 if failures else 0)
