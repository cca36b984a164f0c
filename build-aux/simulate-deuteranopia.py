#!/usr/bin/env python3
"""See the map as a reader with deuteranopia sees it.

    build-aux/simulate-deuteranopia.py IN.png OUT.png
        writes OUT.png, IN.png as a deuteranope sees it
    build-aux/simulate-deuteranopia.py --palette src/gui/atlas/accords-status-colors.c
        prints how far apart the status colours stay, light and dark, for
        normal and deuteranope vision (CIEDE2000), and fails when two of them
        come closer than the limit

The simulation is Machado, Oliveira and Fernandes (2009), severity 1.0, applied
in linear RGB.  Only the Python standard library is used: PNGs of 8 bits per
channel, not interlaced (what cairo and ImageMagick write).
"""
import math
import re
import struct
import sys
import zlib

MACHADO_DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)
# Colours of the map closer than this (CIEDE2000) are hard to tell apart
LIMIT = 10.0


def to_linear(c):
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def to_srgb(c):
    c = min(1.0, max(0.0, c))
    c = c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
    return int(round(c * 255))


def simulate(rgb):
    lin = [to_linear(c) for c in rgb]
    return tuple(to_srgb(sum(m * c for m, c in zip(row, lin))) for row in MACHADO_DEUTERANOPIA)


def to_lab(rgb):
    r, g, b = (to_linear(c) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2):
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    cm = (c1 + c2) / 2
    g = 0.5 * (1 - math.sqrt(cm ** 7 / (cm ** 7 + 25 ** 7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lm, cmp_ = (l1 + l2) / 2, (c1p + c2p) / 2
    hm = h1p + h2p
    if c1p * c2p:
        if abs(h1p - h2p) <= 180:
            hm /= 2
        elif h1p + h2p < 360:
            hm = (hm + 360) / 2
        else:
            hm = (hm - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hm - 30)) + 0.24 * math.cos(math.radians(2 * hm))
         + 0.32 * math.cos(math.radians(3 * hm + 6)) - 0.20 * math.cos(math.radians(4 * hm - 63)))
    sl = 1 + 0.015 * (lm - 50) ** 2 / math.sqrt(20 + (lm - 50) ** 2)
    sc = 1 + 0.045 * cmp_
    sh = 1 + 0.015 * cmp_ * t
    rt = (-2 * math.sqrt(cmp_ ** 7 / (cmp_ ** 7 + 25 ** 7))
          * math.sin(math.radians(60 * math.exp(-((hm - 275) / 25) ** 2))))
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("%s: not a PNG file" % path)
    pos, idat, palette = 8, bytearray(), None
    width = height = depth = ctype = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace:
                sys.exit("%s: only 8-bit, non-interlaced PNGs are read" % path)
        elif kind == b"PLTE":
            palette = [tuple(body[i:i + 3]) for i in range(0, len(body), 3)]
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(ctype)
    if channels is None or width is None:
        sys.exit("%s: unsupported PNG colour type" % path)
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        prev = line
    pixels = []
    for line in rows:
        row = []
        for x in range(width):
            px = line[x * channels:(x + 1) * channels]
            if ctype == 3:
                row.append(palette[px[0]])
            elif ctype in (0, 4):
                row.append((px[0],) * 3)
            else:
                row.append(tuple(px[:3]))
        pixels.append(row)
    return width, height, pixels


def write_png(path, width, height, pixels):
    raw = bytearray()
    for row in pixels:
        raw.append(0)
        for rgb in row:
            raw += bytes(rgb)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(bytes(raw), 6)))
        f.write(chunk(b"IEND", b""))


def convert(src, dst):
    width, height, pixels = read_png(src)
    cache = {}
    out = []
    for row in pixels:
        new = []
        for rgb in row:
            if rgb not in cache:
                cache[rgb] = simulate(rgb)
            new.append(cache[rgb])
        out.append(new)
    write_png(dst, width, height, out)


def check_palette(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    rows = re.findall(r"\[ACCORDS_(?:STATUS_GROUP|MAP_LEGEND)_(\w+)\]\s*=\s*\{\s*0x([0-9a-fA-F]{6}),\s*0x([0-9a-fA-F]{6})\s*\}", text)
    if not rows:
        sys.exit("%s: no palette rows found" % path)
    ok = True
    for column, style in ((1, "light"), (2, "dark")):
        colours = [(r[0].lower(), tuple(int(r[column][i:i + 2], 16) for i in (0, 2, 4))) for r in rows]
        for vision, transform in (("normal", lambda c: c), ("deuteranopia", simulate)):
            worst = None
            for i in range(len(colours)):
                for j in range(i + 1, len(colours)):
                    d = ciede2000(to_lab(transform(colours[i][1])), to_lab(transform(colours[j][1])))
                    if worst is None or d < worst[0]:
                        worst = (d, colours[i][0], colours[j][0])
                    if d < LIMIT:
                        ok = False
                        print("  too close: %s %s, %s and %s: %.1f" % (style, vision, colours[i][0], colours[j][0], d))
            print("%-5s %-12s closest pair %s / %s: CIEDE2000 %.1f (limit %.0f)"
                  % (style, vision, worst[1], worst[2], worst[0], LIMIT))
    return ok


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--palette":
        sys.exit(0 if check_palette(sys.argv[2]) else 1)
    if len(sys.argv) == 3:
        convert(sys.argv[1], sys.argv[2])
        return
    sys.exit(__doc__.split("\n\n")[1])


if __name__ == "__main__":
    main()
