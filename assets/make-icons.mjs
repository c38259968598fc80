// Draws the toolbar icon (lines of text, one underlined in amber) as PNGs at every manifest size.
// Run by hand when the design changes: node assets/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [29, 53, 87];
const WHITE = [241, 245, 249];
const AMBER = [245, 166, 35];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Colour of the unit-square point (x, y), or null for transparent. */
function paint(x, y) {
  const r = 0.18;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const inBar = (top, left, right) => y >= top && y < top + 0.09 && x >= left && x < right;
  if (inBar(0.22, 0.2, 0.8) || inBar(0.42, 0.2, 0.62) || inBar(0.62, 0.2, 0.72)) return WHITE;
  if (y >= 0.75 && y < 0.82 && x >= 0.2 && x < 0.72) return AMBER;
  return NAVY;
}

function png(size) {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = paint((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
          acc[3] += 255;
        }
      const n = acc[3] / 255;
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = n ? acc[0] / n : 0;
      raw[o + 1] = n ? acc[1] / n : 0;
      raw[o + 2] = n ? acc[2] / n : 0;
      raw[o + 3] = acc[3] / (ss * ss);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`./public/icon/${size}.png`, import.meta.url), png(size));
}
