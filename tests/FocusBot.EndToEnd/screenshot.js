// Drives the Agents Playground's web page in headless Chromium as a person would: types a command in the personal
// chat, waits for the bot's card, clicks one of its buttons, and saves a screenshot after each step.
// Usage: node screenshot.js <out-dir> [--command "open situations"] [--click "Accept as lead"]
//          [--as rep.demo@northside-mh.example] [--bot http://127.0.0.1:3978/api/messages] [--playground URL]
//          [--chromium /usr/bin/chromium]
// Without --playground it starts one against --bot (the web page acts as --as, default the roster's first member);
// with --playground it uses that running one. Only loopback requests leave the browser (the page asks a CDN for
// fonts; it works without them). Writes 1-chat.png, 2-card.png and, with --click, 3-after-click.png.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { startPlayground, playgroundConfig, DEFAULT_BOT_URL } = require('./playground');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function parseArgs(argv) {
  const options = { command: 'help', bot: DEFAULT_BOT_URL, chromium: '/usr/bin/chromium' };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(command|click|as|bot|playground|chromium)$/.exec(argv[i]);
    if (m && i + 1 < argv.length) options[m[1]] = argv[++i];
    else rest.push(argv[i]);
  }
  if (rest.length !== 1 || rest[0].startsWith('--')) throw new Error('usage: node screenshot.js <out-dir> [--command TEXT] [--click TITLE] [--as EMAIL] [--bot URL] [--playground URL]');
  options.out = rest[0];
  return options;
}

// The acting user first (the playground's current user is the web page's user), then the rest of their table.
function emailsWithFirst(email) {
  const everyone = [playgroundConfig().currentUser, ...playgroundConfig().users].map((u) => u.email);
  return [email, ...everyone.filter((e) => e !== email)].slice(0, 6);
}

const isLoopback = (url) => {
  const u = new URL(url);
  return !/^https?:$|^wss?:$/.test(u.protocol) || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
};

async function screenshots(options) {
  fs.mkdirSync(options.out, { recursive: true });
  const pg = options.playground ? null
    : await startPlayground({ botUrl: options.bot, emails: options.as ? emailsWithFirst(options.as) : undefined });
  const url = options.playground || pg.url;
  const browser = await chromium.launch({ executablePath: options.chromium, headless: true, args: CHROMIUM_ARGS });
  const shots = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**/*', (route) => (isLoopback(route.request().url()) ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'domcontentloaded' }); // the 9 MB page script is most of the wait
    const box = page.getByRole('textbox').or(page.locator('[contenteditable="true"]')).first();
    await box.waitFor({ timeout: 20000 });
    await page.getByText('Personal Chat', { exact: true }).first().click();
    const shot = async (name) => {
      const file = path.join(options.out, name);
      await page.screenshot({ path: file });
      shots.push(file);
    };
    await shot('1-chat.png');

    const cards = page.locator('.ac-adaptiveCard');
    const before = await cards.count();
    await box.click();
    await box.fill(options.command);
    await page.keyboard.press('Enter');
    await cards.nth(before).waitFor({ timeout: 15000 });
    const card = cards.last();
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // let the card's layout settle before the picture
    await shot('2-card.png');

    if (options.click) {
      const button = card.getByRole('button', { name: options.click, exact: false }).first();
      const buttons = await card.getByRole('button').allTextContents();
      if (!(await button.count())) throw new Error(`no button '${options.click}' on the card; it has: ${buttons.join(', ')}`);
      const logItems = await page.locator('text=/Microsoft 365 Agents Playground -> User Application/').count();
      await button.click();
      // the log panel lists each activity sent to the bot: wait for the click's, then for the bot's answer to show
      await page.waitForFunction((n) => document.body.innerText.split('Microsoft 365 Agents Playground -> User Application').length - 1 > n,
        logItems, { timeout: 15000 }).catch(() => { });
      await page.waitForTimeout(1000);
      await shot('3-after-click.png');
    }
  } finally {
    await browser.close();
    if (pg) await pg.stop();
  }
  return shots;
}

module.exports = { screenshots };

if (require.main === module) {
  let options;
  try { options = parseArgs(process.argv.slice(2)); } catch (e) { console.error(e.message); process.exit(2); }
  screenshots(options).then((files) => files.forEach((f) => console.log(f)))
    .catch((e) => { console.error(`screenshot failed: ${e.message}`); process.exit(1); });
}
