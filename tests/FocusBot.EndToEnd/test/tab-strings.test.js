// The tabs' own words (src/FocusBot/Tabs/web/src/strings): every language has the same keys, each value keeps the
// same {placeholders}, only column.label may be empty, and every key the pages ask for exists. No bot, no browser.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const WEB = path.join(__dirname, '..', '..', '..', 'src', 'FocusBot', 'Tabs', 'web', 'src');
const read = (language) => JSON.parse(fs.readFileSync(path.join(WEB, 'strings', `${language}.json`), 'utf8'));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('fr-CA has exactly the keys of en-CA, with the same placeholders, in French', () => {
  const [en, fr] = [read('en-CA'), read('fr-CA')];
  assert.deepEqual(Object.keys(fr), Object.keys(en));
  for (const key of Object.keys(en)) {
    assert.deepEqual(placeholders(fr[key]), placeholders(en[key]), key);
    if (key !== 'column.label') assert.ok(fr[key].trim() && en[key].trim(), `${key} is empty`);
  }
  // Translated, not copied: only ids, numbers and words that are the same in both languages may repeat.
  const same = Object.keys(en).filter((k) => en[k] === fr[k] && !/^(\{\w+\}|Table|Type|Situations|Active|Note|)$/i.test(en[k]));
  assert.deepEqual(same, []);
});

test('every literal key the pages ask for is in en-CA', () => {
  const en = read('en-CA');
  const asked = new Set();
  for (const file of fs.readdirSync(WEB).filter((f) => f.endsWith('.js'))) {
    const source = fs.readFileSync(path.join(WEB, file), 'utf8');
    for (const m of source.matchAll(/\bt\('([a-z]+\.[A-Za-z.]+)'/g)) asked.add(m[1]);
  }
  assert.ok(asked.size > 60, `only ${asked.size} keys found: has the way pages ask for words changed?`);
  assert.deepEqual([...asked].filter((k) => !(k in en)), []);
});
