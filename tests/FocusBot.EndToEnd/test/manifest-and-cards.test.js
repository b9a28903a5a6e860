'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { validateManifestFile } = require('../validate-manifest');
const { checkFolder } = require('../check-cards');
const { openCardRenderer, CHROMIUM } = require('../render-cards');

const MANIFEST = path.resolve(__dirname, '../../../manifest/manifest.json');
const fixtures = (name) => path.join(__dirname, 'fixtures', name);

test('the committed manifest, placeholders filled with sample values, is valid against its own schema version', async () => {
  const { manifestVersion, problems } = await validateManifestFile(MANIFEST);

  assert.equal(manifestVersion, '1.25');
  assert.deepEqual(problems, []);
});

test('a manifest that breaks the schema or Teams command limits is reported', async () => {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  manifest.bots[0].supportsFiles = 'no';
  manifest.bots[0].commandLists[0].commands[0].title = 'a command title that is far too long for Teams';
  manifest.developer.name = '{{NOT_A_PLACEHOLDER_WE_KNOW}}';
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'focusbot-manifest-')), 'manifest.json');
  fs.writeFileSync(file, JSON.stringify(manifest));

  const { problems } = await validateManifestFile(file);

  assert.ok(problems.some((p) => p.includes('/bots/0/supportsFiles must be boolean')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('commands/0 title is longer than 32')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes('unknown placeholder {{NOT_A_PLACEHOLDER_WE_KNOW}}')), problems.join('\n'));
});

test('a clean Adaptive Card 1.5 passes the card check', () => {
  assert.deepEqual(checkFolder(fixtures('cards-good')).map((r) => r.problems), [[]]);
});

test('cards above 1.5, with unknown elements or inputs without id fail the card check', () => {
  const results = checkFolder(fixtures('cards-bad'));

  assert.deepEqual(results.map((r) => path.basename(r.file)), ['too-new.json', 'unknown-element.json']);
  assert.match(results[0].problems.join('\n'), /version 1\.6 is above 1\.5/);
  assert.match(results[1].problems.join('\n'), /Unknown element type "Carousel"/);
  assert.match(results[1].problems.join('\n'), /unique Id/);
});

test('the phone renderer finds text cut, a time wrapped, faint colours and a lost placeholder, and passes a good card',
  { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM} (apt-get install chromium)`, timeout: 60000 }, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'focusbot-render-'));
    const card = (body, actions = []) => ({ type: 'AdaptiveCard', version: '1.5', body, actions });
    const renderer = await openCardRenderer();
    try {
      const good = await renderer.render(card([
        { type: 'TextBlock', text: 'Situation DM-2026-0001', wrap: true, size: 'Large', weight: 'Bolder' },
        { type: 'TextBlock', text: 'Due Thursday 26 November 2026, 7:34\u00a0a.m. (Toronto time).', wrap: true },
      ], [{ type: 'Action.Execute', title: 'Accept as lead', verb: 'accept' }]), path.join(out, 'good.png'));
      const bad = await renderer.render(card([
        { type: 'TextBlock', text: 'Posted on time', color: 'Good', wrap: true },
        { type: 'TextBlock', text: 'A status line far too long for a phone that does not wrap and is cut with an ellipsis' },
        { type: 'TextBlock', text: 'Type **update <id>** to post one.', wrap: true },
        { type: 'ColumnSet', columns: [
          { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: 'Next meeting on the day after tomorrow', wrap: true }] },
          { type: 'Column', width: '80px', items: [{ type: 'TextBlock', text: 'Tue 10:30 a.m.', wrap: true }] }] },
      ]), path.join(out, 'bad.png'));

      assert.deepEqual(good.problems, []);
      assert.equal(fs.readFileSync(good.file).subarray(1, 4).toString(), 'PNG');
      const said = bad.problems.join('\n');
      assert.match(said, /low contrast: .*Posted on time|low contrast/);
      assert.match(said, /text cut at \d+ px .*A status line far too long/);
      assert.match(said, /raw tag.*update <id>/);
      assert.match(said, /a time wraps onto two lines: "10:30 a\.m\."/);
    } finally {
      await renderer.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
