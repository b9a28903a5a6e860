// How the tabs write dates and times (src/FocusBot/Tabs/web/src/dates.mjs): one style per language, the cards' long
// family (TableTime on the host), French's "1er", every instant on the table's clock (America/Toronto) whatever the
// machine's zone, DST included, the zone named; and no page formats a date any other way. No bot, no browser.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const WEB = path.join(__dirname, '..', '..', '..', 'src', 'FocusBot', 'Tabs', 'web', 'src');
const strings = (language) => JSON.parse(fs.readFileSync(path.join(WEB, 'strings', `${language}.json`), 'utf8'));
const NBSP = '\u00a0';

async function dates(language) {
  const { tabDates } = await import(path.join(WEB, 'dates.mjs'));
  const words = strings(language);
  return tabDates(language, (key, vars = {}) => words[key].replace(/\{(\w+)\}/g, (_, name) => String(vars[name])));
}

test('a day: the weekday, the day, the month and the year, French writing the first as 1er', async () => {
  const [en, fr] = [await dates('en-CA'), await dates('fr-CA')];
  assert.equal(en.day('2026-03-02'), 'Monday 2 March 2026');
  assert.equal(fr.day('2026-03-02'), 'lundi 2 mars 2026');
  assert.equal(en.day('2026-12-01'), 'Tuesday 1 December 2026');
  assert.equal(fr.day('2026-12-01'), 'mardi 1er décembre 2026');
});

test('an instant on Toronto\'s clock, DST-correct and named, whatever the zone of the machine', async () => {
  const [en, fr] = [await dates('en-CA'), await dates('fr-CA')];
  // 14:00 UTC is 9:00 in Toronto in winter (EST), 10:00 in summer (EDT); 04:30 UTC on 1 December is still 30 November there.
  assert.equal(en.moment('2026-03-04T14:00:00Z', 'America/Toronto'), `Wednesday 4 March 2026, 9:00${NBSP}a.m. (Toronto time)`);
  assert.equal(fr.moment('2026-03-04T14:00:00Z', 'America/Toronto'), `mercredi 4 mars 2026 à 9${NBSP}h${NBSP}00 (heure de Toronto)`);
  assert.equal(en.moment('2026-07-01T14:00:00Z', 'America/Toronto'), `Wednesday 1 July 2026, 10:00${NBSP}a.m. (Toronto time)`);
  assert.equal(fr.moment('2026-07-01T14:00:00Z', 'America/Toronto'), `mercredi 1er juillet 2026 à 10${NBSP}h${NBSP}00 (heure de Toronto)`);
  assert.equal(en.moment('2026-12-01T04:30:00Z', 'America/Toronto'), `Monday 30 November 2026, 11:30${NBSP}p.m. (Toronto time)`);
  assert.equal(en.time(new Date('2026-12-01T17:05:00Z'), 'America/Toronto'), `12:05${NBSP}p.m. (Toronto time)`);
  assert.equal(fr.time(new Date('2026-12-01T05:05:00Z'), 'America/Toronto'), `0${NBSP}h${NBSP}05 (heure de Toronto)`);
});

test('no page writes a date but through dates.mjs', () => {
  const offenders = [];
  for (const file of fs.readdirSync(WEB).filter((f) => /\.m?js$/.test(f) && f !== 'dates.mjs')) {
    const source = fs.readFileSync(path.join(WEB, file), 'utf8');
    if (/Intl\.DateTimeFormat|toLocale(Date|Time)?String|\.getHours\(|\.getDate\(/.test(source)) offenders.push(file);
  }
  assert.deepEqual(offenders, []);
});
