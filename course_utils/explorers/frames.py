"""The pictures an explorer sends its browser: only the changed pixels, cut into small patches.

A frame is either the whole picture as a PNG ("full", drawn by the page's image decoder) or
"patches": for each band of ``BAND_ROWS`` rows that holds a changed pixel, the rectangle of
rows and columns that reaches them, as raw RGBA the page puts straight onto its canvas with
no decoding. A moving line touches a thin strip of each band, so patches stay small (1–70 KB
for the course's explorers) and cost no compression. A frame is always taken against the last
frame sent, the one the browser has.
"""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_bytes(rgba: np.ndarray) -> bytes:
    """An RGBA uint8 image (rows, columns, 4) as a PNG, made fast: no row filters, zlib level 1."""
    height, width, _ = rgba.shape
    rows = np.zeros((height, 1 + 4 * width), dtype=np.uint8)  # each row starts with filter type 0 ("none")
    rows[:, 1:] = rgba.reshape(height, -1)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits per channel, colour type 6: RGBA
    return (PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
            + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


#: Rows per band: smaller bands fit a slanted line more tightly, at more patches per frame.
BAND_ROWS = 8


@dataclass
class Frame:
    """One encoded picture and what the browser holds once it is drawn."""

    mode: str  # "full": a PNG that replaces the picture; "patches": raw RGBA rectangles put over it
    data: bytes
    patches: list[tuple[int, int, int, int]]  # (x, y, width, height) of each rectangle, in the order of data
    pixels: np.ndarray  # the whole picture, as uint32 per pixel


def make_frame(pixels: np.ndarray, sent: np.ndarray | None) -> Frame | None:
    """``pixels`` (uint32 per pixel) as the next frame after ``sent``: patches when it can be, None if equal."""
    rgba = pixels.view(np.uint8).reshape(*pixels.shape, 4)
    if sent is None or sent.shape != pixels.shape:
        return Frame("full", png_bytes(rgba), [], pixels)
    changed = pixels != sent
    patches, parts = [], []
    for top in range(0, pixels.shape[0], BAND_ROWS):
        band = changed[top:top + BAND_ROWS]
        columns = np.flatnonzero(band.any(axis=0))
        if columns.size:
            rows = np.flatnonzero(band.any(axis=1))
            y, x = top + int(rows[0]), int(columns[0])
            height, width = int(rows[-1]) + 1 - int(rows[0]), int(columns[-1]) + 1 - x
            patches.append((x, y, width, height))
            parts.append(rgba[y:y + height, x:x + width].tobytes())
    return Frame("patches", b"".join(parts), patches, pixels) if patches else None
