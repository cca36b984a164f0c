"""What the CLI test programs share: running accords-cli, and TAP output."""
import os
import subprocess
import sys

CLI = os.environ["ACCORDS_CLI"]
_counts = {"n": 0, "failures": 0}


def run(*args, db=None, text=True, timeout=120, stdin=None, env=None, user=None):
    """Runs accords-cli with args (on db when given); stdin is the text or
    bytes to send, env is added to the environment, user runs it as that uid"""
    cmd = [CLI] + (["--db", db] if db is not None else []) + list(args)
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups", "--"] + cmd
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(cmd, capture_output=True, text=text, timeout=timeout, input=stdin, env=full_env)


def check(name, cond, detail=""):
    _counts["n"] += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (_counts["n"], name), flush=True)
    if not cond:
        _counts["failures"] += 1
        if detail:
            print("# " + str(detail).replace("\n", "\n# "))
    return cond


def skip(name, why):
    _counts["n"] += 1
    print("ok %d - %s # SKIP %s" % (_counts["n"], name, why))


def failures():
    return _counts["failures"]


def done():
    """Prints the plan and exits with the result"""
    print("1..%d" % _counts["n"], flush=True)
    sys.exit(1 if _counts["failures"] else 0)
