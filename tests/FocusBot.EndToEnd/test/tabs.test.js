// The Teams tabs in headless Chromium against the real host (the built FocusBot.dll, --demo roster, SQLite), with
// situations seeded through the REST API and the tab API. In a plain browser the pages name their user with ?as=
// (sent as X-FocusBot-Dev-User, which the host honours on loopback with authentication off). Checks: every chart's
// numbers (read from its accessible table) equal the tab API's, the filters change them, an empty period says so, the
// CSV download equals the API's CSV under the API's file name (rows labelled in the page's language), an invalid period
// says what is accepted and takes the last period's figures off the page, the meeting side panel's poll is answered 304
// until the agenda changes and names the agencies that have not answered, every time is on Toronto's clock although the
// browser runs on Tokyo's, one date style (the cards'), on "My situations" Decline shows one form (toggled), the
// update form has the card's fields (services mobilized included) and Accept makes the situation active, the pages
// speak French with ?lang=fr-CA, axe-core finds no serious or critical violation, and screenshots of each page (light,
// dark, high contrast; 1280 and 360 px wide; French at both widths) are saved in artifacts/tabs/, and nothing on them
// scrolls sideways (at 360 px a table stacks its columns).
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
const HARBOUR_REP = 'rep.demo@harbour-housing.example';
const skip = (process.env.CI === 'true' ? null : botBuilt()) || (!fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}`);

const situation = (table, lead, riskFactors, extra = {}) => ({
  table, type: 'person', ageGroup: '18-24', gender: 'male', riskFactors, summary: 'Sleeping rough after an eviction.',
  originatingAgency: 'tps-99', leadAgency: lead, assistingAgencies: [table === 'demo' ? 'harbour-housing' : 'city'], ...extra,
});

async function call(base, method, pathname, { as, body, response: whole } = {}) {
  const response = await fetch(base + pathname, {
    method,
    headers: { ...(as ? { 'X-FocusBot-Dev-User': as } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${pathname}: ${response.status} ${text}`);
  const content = (response.headers.get('content-type') || '').includes('json') ? JSON.parse(text) : text;
  return whole ? { content, headers: response.headers } : content;
}

/** Every chart section's table as { chartId: [[rowLabel, ...cells]] }, read the way a screen reader user would. */
function readTables(page) {
  return page.$$eval('section[data-chart]', (sections) => Object.fromEntries(sections.map((s) => [s.dataset.chart,
    [...s.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('th')).map((tr) => [...tr.children].map((c) => c.textContent.trim()))])));
}

/**
 * What scrolls sideways at the page's width: the page itself, or any box of it (a table in an overflow-x box, a
 * row of buttons): at 360 px a reader should never have to scroll a table sideways to see its last column.
 */
function scrollsSideways(page) {
  return page.evaluate(() => {
    const found = [];
    const root = document.scrollingElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`the page (${root.scrollWidth} px wide in ${root.clientWidth})`);
    for (const box of document.querySelectorAll('body *')) {
      const { overflowX } = getComputedStyle(box);
      if (['auto', 'scroll'].includes(overflowX) && box.scrollWidth > box.clientWidth + 1) {
        const name = box.querySelector('caption')?.textContent || box.id || box.className || box.tagName;
        found.push(`${name} (${box.scrollWidth} px wide in ${box.clientWidth})`);
      }
    }
    return found;
  });
}

/** Now on Toronto's clock as the tabs write a time ("9:05 p.m." with a no-break space), to compare with the page. */
const torontoTime = (date) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
    .formatToParts(date).map((x) => [x.type, x.value]));
  const hour = Number(p.hour) % 24;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${p.minute}\u00a0${hour < 12 ? 'a.m.' : 'p.m.'} (Toronto time)`;
};

const cell = (value) => (value === null ? '–' : new Intl.NumberFormat('en-CA').format(value));

async function waitFor(check, what, ms = 10000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('the tabs: dashboard charts with their numbers, filters, CSV, My situations accept, accessibility, screenshots',
  { skip: skip || false, timeout: 360000 }, async () => {
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

      // The browser's clock is Tokyo's: every time the tabs show must still be Toronto's (the table's), and say so.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, timezoneId: 'Asia/Tokyo' });
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
      const direct = await call(base, 'GET', '/tabs/api/dashboard.csv?chart=riskFactors&table=demo', { as: ADMIN, response: true });
      assert.equal(csv, direct.content);
      assert.match(csv, /^key,label,situations\r\nhousing,Housing,3\r\nmental-health,Mental health,2\r\n$/);
      // The same data, the same name: the page saves it under the name the API gives it.
      assert.equal(`attachment; filename="${download.suggestedFilename()}"`, direct.headers.get('content-disposition'));
      assert.match(download.suggestedFilename(), /^riskFactors-demo-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);

      // An invalid period says what is accepted (never "Something went wrong") and marks both fields.
      await page.fill('#from', '2026-05-01');
      await page.fill('#to', '2026-04-01');
      await page.click('form.filters button[type=submit]');
      await page.waitForFunction(() => /The period is not valid/.test(document.getElementById('status').textContent));
      const said = await page.textContent('#status');
      assert.ok(!/Something went wrong/.test(said) && /To after From/.test(said), said);
      assert.equal(await page.getAttribute('#to', 'aria-invalid'), 'true');
      // The last period's figures, charts and tables are taken off the page: no numbers stay under the refusal.
      assert.equal(await page.locator('[data-figure], section[data-chart], table.numbers').count(), 0, 'nothing of the last period stays on screen');
      // The same when the host refuses the period (a day the browser reads but the host does not accept).
      await page.fill('#from', '2026-01-01');
      await page.fill('#to', '2026-02-01');
      await page.click('form.filters button[type=submit]');
      await page.waitForSelector('[data-figure="situations"]');
      await page.route('**/tabs/api/dashboard?*', (route) => route.continue({ url: route.request().url().replace(/from=[^&]*/, 'from=2026-13-01') }));
      await page.click('form.filters button[type=submit]');
      await page.waitForFunction(() => /The period is not valid/.test(document.getElementById('status').textContent));
      await page.unroute('**/tabs/api/dashboard?*');
      // The browser logs the refused request (400) it was made to send: expected here, and only here.
      errors.splice(0, errors.length, ...errors.filter((e) => !/status of 400/.test(e)));
      assert.equal(await page.locator('[data-figure], section[data-chart], table.numbers').count(), 0, 'nothing stays after the host refuses');

      await page.fill('#from', '2001-01-01');
      await page.fill('#to', '2001-02-01');
      await page.click('form.filters button[type=submit]');
      await page.waitForFunction(() => /Nothing was recorded/.test(document.getElementById('status').textContent));
      assert.equal(await page.textContent('[data-figure="situations"]'), '0');

      // --- the meeting's side panel: the table's agenda, de-identified, agencies by name; its poll is 304 until a change ---
      const agendaAnswers = [];
      page.on('response', (r) => { if (r.url().includes('/agenda')) agendaAnswers.push(r.status()); });
      await page.goto(`${base}/tabs/dashboard?as=${ADMIN}&frame=sidePanel&table=demo`);
      const before = new Date();
      await page.waitForSelector('main ul li');
      const agenda = await page.textContent('main');
      assert.ok(agenda.includes(s3) && !agenda.includes('Sleeping rough') && agenda.includes('Northside Mental Health') && !agenda.includes('northside-mh'), agenda);
      // "Assignments not accepted" names the agency that has not answered: s1's lead (Northside) accepted, Harbour Housing has not.
      const unanswered = await page.textContent(`[data-agenda="unaccepted"] li[data-situation="${s1}"]`);
      assert.ok(unanswered.includes('Harbour Housing Services') && !unanswered.includes('Northside'), unanswered);
      // "Up to date at" is Toronto's time (the browser's is Tokyo's), and says so.
      const refreshed = await page.textContent('#status');
      const after = new Date();
      assert.ok([torontoTime(before), torontoTime(after)].some((time) => refreshed === `Up to date at ${time}; checked every 30 seconds.`), refreshed);
      const version = await page.getAttribute('#dashboard', 'data-version');
      const poll = () => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await poll();
      await waitFor(() => agendaAnswers.includes(304), 'a 304 for an unchanged agenda');
      assert.equal(await page.getAttribute('#dashboard', 'data-version'), version);
      await call(base, 'POST', `/tabs/api/situations/${s3}/decline`, { as: HARBOUR_REP, body: { reason: 'No capacity this week.' } });
      await poll();
      await page.waitForFunction((v) => document.getElementById('dashboard').dataset.version !== v, version);
      // The first load, then 304s (the poll may also have ticked), then the changed agenda.
      assert.equal(agendaAnswers[0], 200);
      assert.equal(agendaAnswers.at(-1), 200);
      assert.ok(agendaAnswers.slice(1, -1).length >= 1 && agendaAnswers.slice(1, -1).every((status) => status === 304), String(agendaAnswers));

      // --- My situations: the second Northside rep accepts the newest situation as lead ---
      await page.goto(`${base}/tabs/my-situations?as=${LEAD_REP_2}`);
      await page.waitForSelector(`article[data-situation="${s3}"]`);
      const ids = await page.$$eval('article[data-situation]', (a) => a.map((x) => x.dataset.situation));
      assert.deepEqual(ids, [s3, s1], 'open before active, concluded not listed');
      // Decline shows its one form and hides it again, however often it is clicked.
      const declineButton = `article[data-situation="${s3}"] button[aria-controls="decline-${s3}"]`;
      for (const [clicks, open] of [[1, true], [2, false], [3, true]]) {
        await page.click(declineButton);
        assert.equal(await page.locator(`article[data-situation="${s3}"] form`).filter({ has: page.locator('textarea[name=reason]') }).count(), 1, `after ${clicks} clicks`);
        assert.equal(await page.isVisible(`#decline-${s3}`), open, `after ${clicks} clicks`);
        assert.equal(await page.getAttribute(declineButton, 'aria-expanded'), String(open));
      }
      await page.click(`article[data-situation="${s3}"] button:has-text("Accept as lead")`);
      await page.waitForFunction((id) => document.getElementById('status').textContent.includes(`You accepted ${id} as lead for Northside Mental Health`), s3);
      assert.match(await page.textContent('#status'), /\(Toronto time\)\.$/);
      // The row's due time reads exactly as the accept message (the cards' style): one way to write a date in the tabs.
      await page.waitForSelector(`article[data-situation="${s3}"] dd[data-fact="due"]`);
      const due = await page.textContent(`article[data-situation="${s3}"] dd[data-fact="due"]`);
      assert.match(due, /^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}:\d{2}\u00a0[ap]\.m\. \(Toronto time\)$/);
      assert.ok((await page.textContent('#status')).includes(due), due);
      assert.equal((await call(base, 'GET', `/api/v1/situations/${s3}`)).status, 'active');

      // The update form has the card's fields, services mobilized included.
      await page.click(`article[data-situation="${s3}"] button:has-text("Post the 48-hour update")`);
      const form = `#update-${s3}`;
      assert.equal(await page.locator(`${form} fieldset legend`).filter({ hasText: 'Services mobilized' }).count(), 1);
      assert.equal(await page.getAttribute(`${form} textarea[name=note]`, 'maxlength'), '1000');
      await page.selectOption(`${form} select[name=kind]`, 'contacted');
      await page.fill(`${form} textarea[name=note]`, 'Met at the drop-in; a shelter bed is held.');
      await page.check(`${form} input[name=services][value=housing]`);
      await page.screenshot({ path: path.join(OUT, 'my-situations-update-form-1280.png'), fullPage: true });
      await page.click(`${form} button[type=submit]`);
      await page.waitForFunction((id) => document.getElementById('status').textContent.match(new RegExp(`${id} \\(.+\\): .+ reported back on `)), s3);
      assert.deepEqual((await call(base, 'GET', `/api/v1/situations/${s3}`)).updates.map((u) => u.services), [['housing']]);

      // --- French (?lang=fr-CA stands in for the Teams context's locale): the pages' words, dates and numbers ---
      for (const [name, user, ready] of [['dashboard', ADMIN, 'section[data-chart="barriersByMonth"] canvas'], ['my-situations', LEAD_REP, 'article[data-situation]']]) {
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`${base}/tabs/${name}?as=${user}&lang=fr-CA`);
          await page.waitForSelector(ready);
          assert.equal(await page.getAttribute('html', 'lang'), 'fr-CA');
          await page.screenshot({ path: path.join(OUT, `${name}-fr-CA-${width}.png`), fullPage: true });
          assert.deepEqual(await scrollsSideways(page), [], `${name} in French at ${width} px scrolls sideways`);
          if (width === 1280) {
            await page.evaluate(fs.readFileSync(AXE, 'utf8'));
            const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
            assert.deepEqual(result.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id), [], `${name} in French`);
          }
        }
      }
      assert.equal(await page.textContent('h1'), 'Mes situations');
      assert.ok((await page.textContent('main')).includes('Accepter comme') || (await page.textContent('main')).includes('Publier'));
      await page.goto(`${base}/tabs/dashboard?as=${ADMIN}&lang=fr-CA&table=demo`);
      await page.waitForSelector('section[data-chart="barriersByMonth"] canvas');
      assert.equal(await page.textContent('h1'), 'Tableau de bord de la table');
      assert.equal(await page.textContent('#h-riskFactors'), 'Facteurs de risque (10 principaux)');
      const frTables = await readTables(page);
      assert.deepEqual(Object.fromEntries(frTables.riskFactors.map(([label, ...values]) => [label, values])), { Logement: ['3'], 'Santé mentale': ['2'] });
      assert.match(await page.textContent('#status'), / au [a-z]+ \d{1,2}(er)? [a-zéû]+ \d{4} \(exclu\)\./);
      // The CSV in French: the page's download equals the API's, its rows labelled in French (never the status keys twice).
      const [frDownload] = await Promise.all([page.waitForEvent('download'), page.click('section[data-chart="openByStatus"] button')]);
      const frCsv = fs.readFileSync(await frDownload.path(), 'utf8');
      assert.equal(frCsv, await call(base, 'GET', '/tabs/api/dashboard.csv?chart=openByStatus&table=demo&lang=fr-CA', { as: ADMIN }));
      assert.match(frCsv, /^key,label,situations\r\nopen,Ouvertes \(en attente d'un responsable\),\d+\r\nactive,Actives \(responsable confirmé\),\d+\r\n$/);

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
            assert.deepEqual(await scrollsSideways(page), [], `${name} ${theme} at ${width} px scrolls sideways`);
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
