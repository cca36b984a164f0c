#!/usr/bin/env python3
"""Checks the shape of the source tree that the README's layout section
describes: no C file over 1,200 lines, at most eight C files at the root of
src/core (the rest sit in its layer folders), and no core file that
includes a header of the GUI."""

import os
import re
import sys

MAX_LINES = 1200
MAX_CORE_ROOT = 8


def main(root):
    src = os.path.join(root, 'src')
    gui_headers = set()
    for folder, _, files in os.walk(os.path.join(src, 'gui')):
        gui_headers.update(f for f in files if f.endswith('.h'))

    problems = []
    for folder, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding='utf-8') as f:
                lines = f.readlines()
            if name.endswith('.c') and len(lines) > MAX_LINES:
                problems.append(f'{rel}: {len(lines)} lines, more than {MAX_LINES}')
            if rel.startswith(os.path.join('src', 'core') + os.sep):
                for n, line in enumerate(lines, 1):
                    m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                    if m and os.path.basename(m.group(1)) in gui_headers:
                        problems.append(f'{rel}:{n}: includes the GUI header {m.group(1)}')

    core_root = [f for f in os.listdir(os.path.join(src, 'core')) if f.endswith('.c')]
    if len(core_root) > MAX_CORE_ROOT:
        problems.append(f'src/core: {len(core_root)} C files at its root, more than {MAX_CORE_ROOT}: '
                        + ', '.join(sorted(core_root)))

    for p in problems:
        print(p)
    print(f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
