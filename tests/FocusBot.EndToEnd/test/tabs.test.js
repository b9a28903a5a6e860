// The Teams tabs in headless Chromium against the real host (the built FocusBot.dll, --demo roster, SQLite), with
// situations seeded through the REST API and the tab API. In a plain browser the pages name their user with ?as=
// (sent as X-FocusBot-Dev-User, which the host honours on loopback with authentication off). Checks: every chart's
// numbers (read from its accessible table) equal the tab API's, the filters change them, an empty period says so, the
// CSV download equals the API's CSV, Accept on "My situations" makes the situation active, axe-core finds no serious
// or critical violation, and screenshots of each page (light, dark, high contrast; 1280 and 360 px wide) are saved in
// artifacts/tabs/.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { startBot, botBuilt } = require('../bot-host');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const OUT = path.join(__dirname, '..', 'artifacts', 'tabs');
const AXE = require.resolve('axe-core/axe.min.js');
const ADMIN = 'admin@city.example'; // co-chairs both tables (administrator)
const LEAD_REP = 'rep.demo@northside-mh.example';
const LEAD_REP_2 = 'rep2.demo@northside-mh.example';
const skip = (process.env.CI === 'true' ? null : botBuilt()) || (!fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}`);

const situation = (table, lead, riskFactors, extra = {}) => ({
  table, type: 'person', ageGroup: '18-24', gender: 'male', riskFactors, summary: 'Sleeping rough after an eviction.',
  originatingAgency: 'tps-99', leadAgency: lead, assistingAgencies: [table === 'demo' ? 'harbour-housing' : 'city'], ...extra,
});

async function call(base, method, pathname, { as, body } = {}) {
  const response = await fetch(base + pathname, {
    method,
    headers: { ...(as ? { 'X-FocusBot-Dev-User': as } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${pathname}: ${response.status} ${text}`);
  return (response.headers.get('content-type') || '').includes('json') ? JSON.parse(text) : text;
}

/** Every chart section's table as { chartId: [[rowLabel, ...cells]] }, read the way a screen reader user would. */
function readTables(page) {
  return page.$$eval('section[data-chart]', (sections) => Object.fromEntries(sections.map((s) => [s.dataset.chart,
    [...s.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('th')).map((tr) => [...tr.children].map((c) => c.textContent.trim()))])));
}

const cell = (value) => (value === null ? '–' : new Intl.NumberFormat('en-CA').format(value));

test('the tabs: dashboard charts with their numbers, filters, CSV, My situations accept, accessibility, screenshots',
  { skip: skip || false, timeout: 180000 }, async () => {
    const bot = await startBot();
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    try {
      const base = bot.base;
      const s1 = (await call(base, 'POST', '/api/v1/situations', { body: situation('demo', 'northside-mh', ['housing', 'mental-health']) })).id;
      const s2 = (await call(base, 'POST', '/api/v1/situations', { body: situation('demo', 'northside-mh', ['housing', 'mental-health']) })).id;
      const s3 = (await call(base, 'POST', '/api/v1/situations', { body: situation('demo', 'northside-mh', ['housing']) })).id;
      await call(base, 'POST', '/api/v1/situations', { body: situation('lakeside', 'youthlink', ['drugs']) });
      await call(base, 'POST', `/tabs/api/situations/${s1}/accept`, { as: LEAD_REP });
      await call(base, 'POST', `/tabs/api/situations/${s1}/updates`, {
        as: LEAD_REP, body: { kind: 'contacted', note: 'Met at the drop-in; shelter bed requested.', barriers: ['no-shelter-bed'], submissionId: crypto.randomUUID() },
      });
      await call(base, 'POST', `/api/v1/situations/${s2}/conclude`, { body: { outcome: 'other' } });

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

      // --- the dashboard: all the administrator's tables, then one, then an empty period ---
      await page.goto(`${base}/tabs/dashboard?as=${ADMIN}`);
      await page.waitForSelector('section[data-chart="barriersByMonth"] canvas');
      assert.equal(await page.textContent('[data-figure="situations"]'), '4');
      await page.selectOption('#table', 'demo');
      await page.click('form.filters button[type=submit]');
      await page.waitForFunction(() => document.querySelector('[data-figure="situations"]')?.textContent === '3');

      const api = await call(base, 'GET', '/tabs/api/dashboard?table=demo', { as: ADMIN });
      const tables = await readTables(page);
      assert.deepEqual(Object.keys(tables), api.charts.map((c) => c.id));
      for (const chart of api.charts) {
        assert.deepEqual(tables[chart.id].map((row) => row.slice(1)), chart.rows.map((r) => r.values.map(cell)), `${chart.id}'s table`);
      }
      const byLabel = (id) => Object.fromEntries(tables[id].map(([label, ...values]) => [label, values]));
      assert.deepEqual(byLabel('riskFactors'), { Housing: ['3'], 'Mental health': ['2'] });
      assert.deepEqual(byLabel('openByStatus'), { 'Open (waiting for a lead)': ['1'], 'Active (lead accepted)': ['1'] });
      assert.deepEqual(byLabel('openByLeadAgency'), { 'Northside Mental Health': ['2'] });
      assert.equal(tables.barriersByMonth.reduce((sum, row) => sum + Number(row[1]), 0), 1);
      assert.equal(tables.outcomes.length, 1);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('section[data-chart="riskFactors"] button'),
      ]);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      assert.equal(csv, await call(base, 'GET', '/tabs/api/dashboard.csv?chart=riskFactors&table=demo', { as: ADMIN }));
      assert.match(csv, /^key,label,situations\r\nhousing,Housing,3\r\nmental-health,Mental health,2\r\n$/);

      await page.fill('#from', '2001-01-01');
      await page.fill('#to', '2001-02-01');
      await page.click('form.filters button[type=submit]');
      await page.waitForFunction(() => /Nothing was recorded/.test(document.getElementById('status').textContent));
      assert.equal(await page.textContent('[data-figure="situations"]'), '0');

      // --- the meeting's side panel: the table's agenda, de-identified ---
      await page.goto(`${base}/tabs/dashboard?as=${ADMIN}&frame=sidePanel&table=demo`);
      await page.waitForSelector('main ul li');
      const agenda = await page.textContent('main');
      assert.ok(agenda.includes(s3) && !agenda.includes('Sleeping rough'), agenda);

      // --- My situations: the second Northside rep accepts the newest situation as lead ---
      await page.goto(`${base}/tabs/my-situations?as=${LEAD_REP_2}`);
      await page.waitForSelector(`article[data-situation="${s3}"]`);
      const ids = await page.$$eval('article[data-situation]', (a) => a.map((x) => x.dataset.situation));
      assert.deepEqual(ids, [s3, s1], 'open before active, concluded not listed');
      await page.click(`article[data-situation="${s3}"] button:has-text("Accept as lead")`);
      await page.waitForFunction((id) => document.getElementById('status').textContent.includes(`${id}: accepted`), s3);
      assert.equal((await call(base, 'GET', `/api/v1/situations/${s3}`)).status, 'active');

      // --- accessibility and screenshots: each page in each theme, desktop and phone width ---
      const pages = { dashboard: ADMIN, 'my-situations': LEAD_REP };
      const axeSource = fs.readFileSync(AXE, 'utf8');
      for (const [name, user] of Object.entries(pages)) {
        for (const theme of ['default', 'dark', 'contrast']) {
          for (const width of [1280, 360]) {
            await page.setViewportSize({ width, height: 900 });
            await page.goto(`${base}/tabs/${name}?as=${user}&theme=${theme}`);
            await page.waitForSelector(name === 'dashboard' ? 'section[data-chart="barriersByMonth"] canvas' : 'article[data-situation]');
            await page.screenshot({ path: path.join(OUT, `${name}-${theme}-${width}.png`), fullPage: true });
            if (width === 1280 || theme === 'default') {
              // Evaluated through the DevTools protocol, so the page's Content-Security-Policy stays as served.
              await page.evaluate(axeSource);
              const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
              const serious = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
              assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [],
                `${name} ${theme} ${width}px`);
            }
          }
        }
      }
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await bot.stop();
    }
  });
