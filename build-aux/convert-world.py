#!/usr/bin/env python3
"""Convert Natural Earth's 1:50m country shapes into data/world/countries-50m.bin.

Run once by hand when the source changes:
    mkdir -p /tmp/wa && (cd /tmp/wa && npm install world-atlas@2.0.2)
    build-aux/convert-world.py /tmp/wa/node_modules/world-atlas/countries-50m.json \
        data/world/countries-50m.bin

The input is the TopoJSON of the npm package world-atlas 2.0.2 (ISC), made from
Natural Earth (public domain).  Each shape is matched to its ISO 3166-1 alpha-2
code through its numeric code (iso-codes' iso_3166-1.json).  Arcs keep the
source's quantized integer positions; every point gets a detail level from the
Visvalingam-Whyatt effective area of its triangle (measured in the app's Equal
Earth projection), so the app draws only the points that show at its zoom.
Points too flat to show even at the closest zoom are dropped.

The file layout (little-endian) is read by src/core/map/accords-world.c:

    "ACCW"  u32 version (1)
    f64 lon_scale, lat_scale, lon_offset, lat_offset    lon = q * scale + offset
    f64 level_base_area, f64 levels_per_octave
    u32 n_arcs, n_points, n_rings, n_refs, n_countries
    arcs:      n_arcs x (varint n_points, u8 flags,
                         n_points x (zigzag varint dqx, zigzag varint dqy))
    levels:    n_points x u8 (255: always drawn)
    rings:     n_rings x (varint n_refs, n_refs x zigzag varint ref)
               (ref >= 0: arc ref forwards; ref < 0: arc ~ref backwards)
    countries: n_countries x (2 bytes code (0 0 when it has none),
               u8 name length, name (UTF-8), varint n_rings (consecutive),
               f32 area (projected units squared),
               f32 label lon, lat, f32 anchor lon, lat,
               f32 west, south, east, north)

Deltas of an arc run from the previous point of the same arc, the first point
from (0, 0).  Flags: 1 the arc separates parts of one country (not stroked),
2 the arc is a coastline.
"""
import heapq
import json
import math
import os
import struct
import sys

VERSION = 1

# The closest the app zooms: a 2560 px wide map at 48 times the fitted scale.
# A point whose triangle covers less than a square pixel there never shows
# (the app draws a point from a square pixel of area up: VISIBLE_AREA in
# src/core/map/accords-world.c).
WORLD_WIDTH = 2 * 2.7064  # Equal Earth, unit sphere
MAX_PX_PER_UNIT = 2560 / WORLD_WIDTH * 48
DROP_AREA = 1.0 / (MAX_PX_PER_UNIT ** 2)
LEVELS_PER_OCTAVE = 8.0

# Shapes Natural Earth draws without an ISO numeric code
NO_NUMERIC = {
    "Somaliland": "SO",      # part of Somalia in ISO 3166-1
    "N. Cyprus": "CY",       # part of Cyprus in ISO 3166-1
    "Kosovo": "XK",          # the user-assigned code the EU and the IMF use
    "Siachen Glacier": "",   # disputed: drawn, but belongs to no country
    # "Indian Ocean Ter." is split below into Christmas Island and Cocos
}

# Places the 1:50m shapes leave out, as points (public gazetteer positions)
POINTS = [
    # code, name, lat, lon
    ("TV", "Tuvalu", -8.52, 179.20),
    ("TK", "Tokelau", -9.20, -171.85),
    ("GI", "Gibraltar", 36.14, -5.35),
    ("BV", "Bouvet Island", -54.42, 3.36),
    ("UM", "U.S. Minor Outlying Is.", 19.30, 166.63),
]
# The European Union is a party to agreements: its point is Brussels, and its
# marker sits in the Bay of Biscay so that it covers no country.
EU = ("EU", "European Union", 50.85, 4.35, 46.5, -9.5)

# Equal Earth (Savric, Patterson and Jenny, 2018), on the unit sphere
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def project(lon, lat):
    lam = math.radians(lon)
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def unproject(x, y):
    theta = y
    for _ in range(20):
        t2 = theta * theta
        t6 = t2 * t2 * t2
        fy = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y
        fpy = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)
        delta = fy / fpy
        theta -= delta
        if abs(delta) < 1e-12:
            break
    t2 = theta * theta
    t6 = t2 * t2 * t2
    lam = M * x * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)) / math.cos(theta)
    return math.degrees(lam), math.degrees(math.asin(math.sin(theta) / M))


def fail(message):
    sys.exit("convert-world: " + message)


def decode_arcs(topology):
    arcs = []
    for index, arc in enumerate(topology["arcs"]):
        x = y = 0
        points = []
        for delta in arc:
            if len(delta) < 2:
                fail("arc %d has a position with fewer than two numbers" % index)
            x += delta[0]
            y += delta[1]
            points.append((x, y))
        arcs.append(points)
    return arcs


def cut_antimeridian(qarcs, polygons, sx, sy, tx, ty):
    """Cuts the rings that cross 180 degrees into rings that stay on one side.

    Natural Earth's rings live on the sphere: Chukotka, Wrangel Island and a
    Fiji island run across the antimeridian, and Antarctica's coast goes round
    the pole.  On a flat map each crossing becomes two points on the edge
    meridians; a piece of ring is closed along its meridian, or round the pole
    when its ring crosses only once.  Returns the arcs added along the edges,
    which are cuts, not coastlines."""
    east_q = round((180 - tx) / sx)
    west_q = round((-180 - tx) / sx)

    def lon(q):
        return q[0] * sx + tx

    def lat(q):
        return q[1] * sy + ty

    def polar(a, b):
        return abs(lat(a)) > 89.9 and abs(lat(b)) > 89.9

    pieces_of = {}   # arc -> its pieces, in order
    for index in range(len(qarcs)):
        arc = qarcs[index]
        pieces = [[arc[0]]]
        for a, b in zip(arc, arc[1:]):
            if abs(lon(b) - lon(a)) > 180 and not polar(a, b):
                la, lb = lon(a), lon(b) + (360 if lon(b) < lon(a) else -360)
                side = 180 if la > 0 else -180
                t = 0.0 if lb == la else (side - la) / (lb - la)
                qy = round(a[1] + (b[1] - a[1]) * t)
                end = (east_q if side > 0 else west_q, qy)
                start = (west_q if side > 0 else east_q, qy)
                if pieces[-1][-1] != end:
                    pieces[-1].append(end)
                pieces.append([start] if start != b else [])
            if not pieces[-1] or pieces[-1][-1] != b:
                pieces[-1].append(b)
        if len(pieces) > 1:
            pieces_of[index] = pieces
    if not pieces_of:
        return set()

    added = set()

    def new_arc(points):
        qarcs.append(points)
        return len(qarcs) - 1

    piece_ids = {i: [new_arc(p) for p in pieces] for i, pieces in pieces_of.items()}

    def meridian(q_from, q_to):
        """Points along an edge meridian from one latitude to another."""
        steps = max(1, int(abs(lat(q_to) - lat(q_from))))
        return [(q_from[0], round(q_from[1] + (q_to[1] - q_from[1]) * k / steps)) for k in range(steps + 1)]

    def first(ref):
        return qarcs[ref][0] if ref >= 0 else qarcs[~ref][-1]

    def last(ref):
        return qarcs[ref][-1] if ref >= 0 else qarcs[~ref][0]

    for key in polygons:
        new_polys = []
        for poly in polygons[key]:
            rings = []
            for ring in poly:
                refs = []
                for ref in ring:
                    i = ref if ref >= 0 else ~ref
                    if i not in piece_ids:
                        refs.append(ref)
                        continue
                    ids = piece_ids[i] if ref >= 0 else [~j for j in reversed(piece_ids[i])]
                    for k, j in enumerate(ids):
                        if k:
                            refs.append(None)
                        refs.append(j)
                breaks = refs.count(None)
                if breaks == 0:
                    rings.append((ring, False))
                    continue
                # rotate so that the ring starts just after a break
                cut = refs.index(None)
                refs = refs[cut + 1:] + refs[:cut + 1]
                runs, run = [], []
                for ref in refs:
                    if ref is None:
                        runs.append(run)
                        run = []
                    else:
                        run.append(ref)
                if breaks == 2:
                    for run in runs:
                        run.append(new_arc(meridian(last(run[-1]), first(run[0]))))
                        added.add(run[-1])
                        rings.append((run, True))
                elif breaks == 1:
                    run = runs[0]
                    a, b = last(run[-1]), first(run[0])
                    pole = round((math.copysign(90, lat(a)) - ty) / sy)
                    points = meridian(a, (a[0], pole)) + meridian((b[0], pole), b)
                    run.append(new_arc(points))
                    added.add(run[-1])
                    rings.append((run, True))
                else:
                    fail("a ring of %s crosses the antimeridian %d times" % (key, breaks))
            # a ring lying all along a pole has no area on the map
            rings = [(r, c) for r, c in rings
                     if not all(abs(lat(q)) > 89.9 for ref in r for q in qarcs[ref if ref >= 0 else ~ref])]
            if not rings:
                continue
            outer, cut_outer = rings[0]
            if cut_outer and len([r for r, c in rings if c]) > 1:
                # the pieces of a cut outer ring are polygons of their own
                for r, c in rings:
                    if c:
                        new_polys.append([r])
                holes = [r for r, c in rings[1:] if not c]
                if holes:
                    new_polys[-1].extend(holes)
            else:
                new_polys.append([r for r, c in rings])
        polygons[key] = new_polys
    return added


def triangle_area(a, b, c):
    return abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2


def effective_areas(points):
    """Visvalingam-Whyatt: the area at which each point goes, made monotonic."""
    n = len(points)
    areas = [math.inf] * n
    if n < 3:
        return areas
    prev = list(range(-1, n - 1))
    nxt = list(range(1, n + 1))
    heap = [(triangle_area(points[i - 1], points[i], points[i + 1]), i) for i in range(1, n - 1)]
    heapq.heapify(heap)
    current = [a for a, _ in sorted(heap, key=lambda e: e[1])]
    current = [0.0] + current + [0.0]
    removed = [False] * n
    floor = 0.0
    while heap:
        area, i = heapq.heappop(heap)
        if removed[i] or area != current[i]:
            continue
        floor = max(floor, area)
        areas[i] = floor
        removed[i] = True
        p, q = prev[i], nxt[i]
        nxt[p] = q
        prev[q] = p
        for j in (p, q):
            if 0 < j < n - 1:
                current[j] = triangle_area(points[prev[j]], points[j], points[nxt[j]])
                heapq.heappush(heap, (current[j], j))
    return areas


def level_of(area):
    if area == math.inf:
        return 255
    return max(1, min(254, 1 + int(LEVELS_PER_OCTAVE * math.log2(area / DROP_AREA))))


def ring_points(ring, arcs):
    """The projected points of a ring given as arc references."""
    out = []
    for ref in ring:
        pts = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def signed_area(pts):
    s = 0.0
    for i in range(len(pts) - 1):
        s += pts[i][0] * pts[i + 1][1] - pts[i + 1][0] * pts[i][1]
    return s / 2


def point_segment_distance2(px, py, a, b):
    x, y = a
    dx, dy = b[0] - x, b[1] - y
    if dx or dy:
        t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy)
        if t > 1:
            x, y = b
        elif t > 0:
            x += dx * t
            y += dy * t
    dx, dy = px - x, py - y
    return dx * dx + dy * dy


def signed_distance(px, py, rings):
    inside = False
    best = math.inf
    for ring in rings:
        for i in range(len(ring) - 1):
            a, b = ring[i], ring[i + 1]
            if (a[1] > py) != (b[1] > py) and px < (b[0] - a[0]) * (py - a[1]) / (b[1] - a[1]) + a[0]:
                inside = not inside
            best = min(best, point_segment_distance2(px, py, a, b))
    d = math.sqrt(best)
    return d if inside else -d


def label_point(rings, precision):
    """The inside point farthest from the edges (pole of inaccessibility)."""
    outer = rings[0]
    xs = [p[0] for p in outer]
    ys = [p[1] for p in outer]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    size = min(x1 - x0, y1 - y0)
    if size <= 0:
        return (x0, y0)
    half = size / 2

    def cell(x, y, h):
        d = signed_distance(x, y, rings)
        return (-(d + h * math.sqrt(2)), x, y, h, d)

    heap = []
    x = x0
    while x < x1:
        y = y0
        while y < y1:
            heapq.heappush(heap, cell(x + half, y + half, half))
            y += size
        x += size
    # start from the area centroid, often a good answer already
    a = signed_area(outer)
    cx = cy = 0.0
    for i in range(len(outer) - 1):
        f = outer[i][0] * outer[i + 1][1] - outer[i + 1][0] * outer[i][1]
        cx += (outer[i][0] + outer[i + 1][0]) * f
        cy += (outer[i][1] + outer[i + 1][1]) * f
    best = cell(cx / (6 * a), cy / (6 * a), 0) if a else cell((x0 + x1) / 2, (y0 + y1) / 2, 0)
    middle = cell((x0 + x1) / 2, (y0 + y1) / 2, 0)
    if middle[4] > best[4]:
        best = middle
    while heap:
        c = heapq.heappop(heap)
        if c[4] > best[4]:
            best = c
        if -c[0] - best[4] <= precision:
            continue
        h = c[3] / 2
        for dx in (-h, h):
            for dy in (-h, h):
                heapq.heappush(heap, cell(c[1] + dx, c[2] + dy, h))
    return (best[1], best[2])


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return varint((n << 1) if n >= 0 else ((-n << 1) - 1))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1])
    source, output = sys.argv[1], sys.argv[2]
    iso_path = sys.argv[3] if len(sys.argv) == 4 else "/usr/share/iso-codes/json/iso_3166-1.json"

    with open(source, encoding="utf-8") as f:
        topology = json.load(f)
    with open(iso_path, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    alpha2_of = {c["numeric"]: c["alpha_2"] for c in iso}
    iso_name = {c["alpha_2"]: c.get("common_name", c["name"]) for c in iso}
    iso_name["XK"] = "Kosovo"

    transform = topology.get("transform")
    if topology.get("type") != "Topology" or not transform:
        fail("%s: not a quantized TopoJSON topology" % source)
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    qarcs = decode_arcs(topology)
    source_points = sum(len(a) for a in qarcs)

    # Polygons of each code, in source order
    polygons = {}
    names = {}
    order = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        gtype = geometry.get("type")
        if gtype == "Polygon":
            polys = [geometry["arcs"]]
        elif gtype == "MultiPolygon":
            polys = geometry["arcs"]
        else:
            fail("%s: shape %r is a %s, not a polygon" % (source, name, gtype))
        numeric = geometry.get("id")
        assigned = []
        if name == "Indian Ocean Ter.":
            # Christmas Island lies east of 100 E, the Cocos Islands west of it
            for poly in polys:
                lon = qarcs[poly[0][0] if poly[0][0] >= 0 else ~poly[0][0]][0][0] * sx + tx
                assigned.append(("CX" if lon > 100 else "CC", poly))
        elif numeric is None:
            if name not in NO_NUMERIC:
                fail("%s: shape %r has no numeric code and no rule here" % (source, name))
            assigned = [(NO_NUMERIC[name], p) for p in polys]
        elif numeric in alpha2_of:
            assigned = [(alpha2_of[numeric], p) for p in polys]
        else:
            fail("%s: shape %r has numeric code %s, unknown to iso-codes" % (source, name, numeric))
        for code, poly in assigned:
            key = code or name
            if key not in polygons:
                polygons[key] = []
                order.append(key)
                # a country is named as iso-codes names it; a disputed area as Natural Earth does
                names[key] = iso_name[code] if code else name
            polygons[key].append(poly)

    cuts = cut_antimeridian(qarcs, polygons, sx, sy, tx, ty)
    parcs = [[project(qx * sx + tx, qy * sy + ty) for qx, qy in arc] for arc in qarcs]

    # Which codes use each arc: an arc both of whose sides are one country is not a border
    users = {}
    for key in order:
        for poly in polygons[key]:
            for ring in poly:
                for ref in ring:
                    users.setdefault(ref if ref >= 0 else ~ref, []).append(key)
    used = sorted(users)
    new_index = {old: new for new, old in enumerate(used)}

    # Simplify every arc once, so neighbours keep sharing their borders
    arc_points = []
    arc_levels = []
    for old in used:
        areas = effective_areas(parcs[old])
        closed = qarcs[old][0] == qarcs[old][-1] and len(qarcs[old]) >= 4
        if closed:
            # an island drawn by one arc keeps a triangle at every zoom
            for i in sorted(range(1, len(areas) - 1), key=lambda i: areas[i])[-2:]:
                areas[i] = math.inf
        keep = [i for i, a in enumerate(areas) if a >= DROP_AREA]
        arc_points.append([qarcs[old][i] for i in keep])
        arc_levels.append([level_of(areas[i]) for i in keep])

    out = bytearray()
    n_points = sum(len(p) for p in arc_points)
    rings_blob = bytearray()
    countries_blob = bytearray()
    n_rings = 0
    n_refs = 0

    def reref(ref):
        return new_index[ref] if ref >= 0 else ~new_index[~ref]

    # the kept points of each arc, projected, for label points and areas
    kept = [[project(qx * sx + tx, qy * sy + ty) for qx, qy in pts] for pts in arc_points]

    entries = []
    for key in order:
        code = key if len(key) == 2 and key.isupper() else ""
        rings_here = []
        area = 0.0
        largest = None
        lons, lats = [], []
        for poly in polygons[key]:
            prings = []
            for ring in poly:
                refs = [reref(r) for r in ring]
                rings_here.append(refs)
                prings.append(ring_points(refs, kept))
                for r in ring:
                    for qx, qy in (qarcs[r] if r >= 0 else qarcs[~r]):
                        lons.append(qx * sx + tx)
                        lats.append(qy * sy + ty)
            parea = abs(signed_area(prings[0])) - sum(abs(signed_area(h)) for h in prings[1:])
            area += parea
            if largest is None or parea > largest[0]:
                largest = (parea, prings)
        rings = largest[1]
        xs = [p[0] for p in rings[0]]
        ys = [p[1] for p in rings[0]]
        precision = max(max(xs) - min(xs), max(ys) - min(ys)) / 300
        lx, ly = label_point(rings, precision)
        lon, lat = unproject(lx, ly)
        entries.append((code, names[key], rings_here, area, (lon, lat), (lon, lat),
                        (min(lons), min(lats), max(lons), max(lats))))
    for code, name, lat, lon in POINTS:
        entries.append((code, name, [], 0.0, (lon, lat), (lon, lat), (lon, lat, lon, lat)))
    code, name, lat, lon, alat, alon = EU
    entries.append((code, name, [], 0.0, (lon, lat), (alon, alat), (lon, lat, lon, lat)))

    seen = set()
    for entry in entries:
        code, name, rings_here, area, label, anchor, bbox = entry
        if code and code in seen:
            fail("code %s is given to two shapes" % code)
        seen.add(code)
        for refs in rings_here:
            rings_blob += varint(len(refs))
            for r in refs:
                rings_blob += zigzag(r)
            n_rings += 1
            n_refs += len(refs)
        name_bytes = name.encode("utf-8")[:255]
        countries_blob += (code.encode("ascii") if code else b"\0\0")
        countries_blob += struct.pack("<B", len(name_bytes)) + name_bytes
        countries_blob += varint(len(rings_here))
        countries_blob += struct.pack("<9f", area, label[0], label[1], anchor[0], anchor[1], *bbox)

    out += b"ACCW" + struct.pack("<I", VERSION)
    out += struct.pack("<4d", sx, sy, tx, ty)
    out += struct.pack("<2d", DROP_AREA, LEVELS_PER_OCTAVE)
    out += struct.pack("<5I", len(arc_points), n_points, n_rings, n_refs, len(entries))
    for index, pts in enumerate(arc_points):
        old = used[index]
        flags = 0
        if old in cuts:
            flags |= 1
        elif len(users[old]) == 1:
            flags |= 2
        elif len(set(users[old])) == 1:
            flags |= 1
        out += varint(len(pts)) + struct.pack("<B", flags)
        px = py = 0
        for qx, qy in pts:
            out += zigzag(qx - px) + zigzag(qy - py)
            px, py = qx, qy
    for levels in arc_levels:
        out += bytes(levels)
    out += rings_blob
    out += countries_blob

    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with open(output, "wb") as f:
        f.write(out)
    print("%s: %d shapes and points, %d arcs, %d of %d points kept, %d rings, %d bytes"
          % (output, len(entries), len(arc_points), n_points, source_points, n_rings, len(out)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
