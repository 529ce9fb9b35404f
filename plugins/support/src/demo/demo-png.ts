/** A small, valid PNG (a fake screenshot: title bar, a form and a red error box) for the demo attachment. */
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function demoScreenshotPng(width = 240, height = 150): Uint8Array {
  const rows = new Uint8Array(height * (1 + width * 3));
  const paint = (x: number, y: number, [r, g, b]: [number, number, number]) => {
    const i = y * (1 + width * 3) + 1 + x * 3;
    rows[i] = r;
    rows[i + 1] = g;
    rows[i + 2] = b;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let color: [number, number, number] = [244, 247, 245];
      if (y < 18) color = [0, 153, 93];
      else if (x > 16 && x < width - 16 && y > 34 && y < 46) color = [223, 230, 226];
      else if (x > 16 && x < width - 16 && y > 56 && y < 68) color = [223, 230, 226];
      else if (x > 16 && x < width - 16 && y > 84 && y < 122) color = y < 88 || y > 118 || x < 20 || x > width - 20 ? [198, 40, 40] : [253, 236, 236];
      else if (x > 16 && x < 90 && y > 130 && y < 142) color = [0, 113, 63];
      paint(x, y, color);
    }
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
