import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPixels, renderPng, renderSvg } from '../../src/report/render.js';

const darkPixels = (svg: string): number => {
  const { rgba } = renderPixels(svg);
  let dark = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i] < 128 && rgba[i + 1] < 128 && rgba[i + 2] < 128) dark++;
  return dark;
};

test('a Vega-Lite spec renders to a self-contained SVG with its text', async () => {
  const svg = await renderSvg({
    title: 'Loss per epoch',
    data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] },
    mark: 'line',
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
  });
  assert.match(svg, /^<svg[^>]+viewBox/);
  assert.match(svg, /Loss per epoch/);
  assert.match(svg, /<path/);
  assert.doesNotMatch(svg, /<image|@import|url\(http/);
});

test('the PNG is a real PNG and its text is drawn with a system font (install fonts-dejavu-core if this fails)', () => {
  const text = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="DejaVu Sans, sans-serif" font-size="24" fill="black">Hello PNG</text></svg>';
  const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>';
  const png = renderPng(text);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 400, 'width doubled by the default scale');
  assert.equal(darkPixels(blank), 0);
  assert.ok(darkPixels(text) > 200, 'no glyphs were drawn: resvg found no font');
});
