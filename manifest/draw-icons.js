// Draws FocusBot's two Teams app icons: a speech bubble (a situation table's conversation) with a target mark
// (the focus on one situation). Plain Node, no packages: shapes are coverage functions, supersampled for smooth
// edges, and the PNGs are encoded here (8-bit RGBA). Run from anywhere: `node manifest/draw-icons.js`.
//   color.png   192x192, full-bleed brand colour, white bubble, target in the brand colour (Teams' colour icon)
//   outline.png  32x32, transparent background, white only (Teams' outline icon, shown on coloured bars)
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BRAND = [0x1f, 0x5f, 0x8b]; // a deep blue that reads well behind white in Teams' light and dark themes
const WHITE = [0xff, 0xff, 0xff];

// Shapes in a unit square (0..1, y down). Each returns true when the point is inside.
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
function triangle(ax, ay, bx, by, cx, cy) {
  const side = (px, py, qx, qy, x, y) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y), d2 = side(bx, by, cx, cy, x, y), d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}
const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r0, r1) => (x, y) => { const d = (x - cx) ** 2 + (y - cy) ** 2; return d >= r0 * r0 && d <= r1 * r1; };
const union = (...s) => (x, y) => s.some((f) => f(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);

// The bubble: a rounded body with a tail at the lower left; the target sits in the body's centre.
function bubble(inset) {
  const body = roundedRect(0.14 + inset, 0.17 + inset, 0.86 - inset, 0.71 - inset, 0.13 - inset);
  const tail = triangle(0.27 + inset, 0.64, 0.48 - inset, 0.64, 0.22 + inset * 1.6, 0.87 - inset * 1.8);
  return union(body, tail);
}
const TARGET = { x: 0.5, y: 0.44 };

// Coverage of a shape over one pixel, with n x n samples.
function coverage(shape, px, py, size, n) {
  let hits = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (shape((px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size)) hits++;
  }
  return hits / (n * n);
}

// Layers are painted in order: [shape, rgb] over a background (rgb, or null for transparent).
function draw(size, background, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    let [r, g, b] = background || [0, 0, 0];
    let a = background ? 1 : 0;
    for (const [shape, colour] of layers) {
      const c = coverage(shape, x, y, size, 6);
      if (c === 0) continue;
      // "over" compositing, straight (not premultiplied) alpha
      const na = c + a * (1 - c);
      r = (colour[0] * c + r * a * (1 - c)) / na;
      g = (colour[1] * c + g * a * (1 - c)) / na;
      b = (colour[2] * c + b * a * (1 - c)) / na;
      a = na;
    }
    const o = (y * size + x) * 4;
    rgba[o] = Math.round(r); rgba[o + 1] = Math.round(g); rgba[o + 2] = Math.round(b); rgba[o + 3] = Math.round(a * 255);
  }
  return encodePng(size, size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8 bits per channel, colour type 6 (RGBA)
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const { x: tx, y: ty } = TARGET;
const color = draw(192, BRAND, [
  [bubble(0), WHITE],
  [union(ring(tx, ty, 0.150, 0.195), ring(tx, ty, 0.075, 0.115), disc(tx, ty, 0.04)), BRAND],
]);
// At 32 px the bubble is an outline (white on transparent) with a single ring and a dot: finer detail would blur.
const outline = draw(32, null, [
  [minus(bubble(0), bubble(0.06)), WHITE],
  [union(ring(tx, ty, 0.12, 0.19), disc(tx, ty, 0.055)), WHITE],
]);

const here = __dirname;
fs.writeFileSync(path.join(here, 'color.png'), color);
fs.writeFileSync(path.join(here, 'outline.png'), outline);
console.log(`wrote ${path.join(here, 'color.png')} (192x192) and ${path.join(here, 'outline.png')} (32x32)`);
