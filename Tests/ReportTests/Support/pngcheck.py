#!/usr/bin/env python3
"""Reads a PNG with zlib alone and says what it shows.

    pngcheck.py FILE.png [RRGGBB]

Prints `size W H`, `colours N` (distinct colours in a sample of rows, up
to 4096), `nonwhite F` (the share of pixels that are not pure white) and,
given a colour, `run N`: the longest row of pixels of exactly that colour
side by side (a bar of a chart, which text never makes). Exits 1 when the
file is not a PNG it can read (8-bit RGB or RGBA, not interlaced, as
Chromium writes them).
"""
import struct
import sys
import zlib


def unfilter(kind, line, prev, bpp):
    """One scanline without its filter (PNG spec, section 9)."""
    n = len(line)
    if kind == 0:
        return line
    if kind == 2:
        # Bytewise (line + prev) mod 256, eight bits at a time in one big int.
        a = int.from_bytes(line, "big")
        b = int.from_bytes(prev, "big")
        low = int.from_bytes(b"\x7f" * n, "big")
        high = int.from_bytes(b"\x80" * n, "big")
        s = ((a & low) + (b & low)) ^ ((a ^ b) & high)
        return bytearray(s.to_bytes(n, "big"))
    out = bytearray(line)
    for x in range(n):
        left = out[x - bpp] if x >= bpp else 0
        up = prev[x]
        if kind == 1:
            out[x] = (out[x] + left) & 255
        elif kind == 3:
            out[x] = (out[x] + ((left + up) >> 1)) & 255
        elif kind == 4:
            corner = prev[x - bpp] if x >= bpp else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
            out[x] = (out[x] + pred) & 255
        else:
            raise ValueError("bad filter type %d" % kind)
    return out


def read(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, chunks, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("no IHDR")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unsupported PNG: depth %d colour type %d interlace %d" % (depth, colour, interlace))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        i = y * (stride + 1)
        line = unfilter(raw[i], raw[i + 1:i + 1 + stride], prev, bpp)
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    path = sys.argv[1]
    want = bytes.fromhex(sys.argv[2].lstrip("#")) if len(sys.argv) > 2 else None
    try:
        width, height, bpp, rows = read(path)
    except (ValueError, OSError, zlib.error, struct.error) as e:
        print("error %s" % e)
        return 1
    white = b"\xff" * bpp
    colours, whites, longest = set(), 0, 0
    for y, row in enumerate(rows):
        # Count whole white pixels (aligned), the rest are not white.
        whites += sum(1 for x in range(0, len(row), bpp) if row[x:x + bpp] == white) if y % 8 == 0 else 0
        if y % 16 == 0 and len(colours) < 4096:
            for x in range(0, len(row), bpp * 3):
                colours.add(row[x:x + 3])
        if want:
            pixel = want + (b"\xff" if bpp == 4 else b"")
            if pixel in row:
                # Longest aligned run of the colour in this row.
                run, x = 0, 0
                while x < len(row):
                    if row[x:x + 3] == want:
                        run += 1
                        longest = max(longest, run)
                    else:
                        run = 0
                    x += bpp
    sampled = (height + 7) // 8
    print("size %d %d" % (width, height))
    print("colours %d" % len(colours))
    print("nonwhite %.4f" % (1 - whites / float(width * sampled)))
    if want:
        print("run %d" % longest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
