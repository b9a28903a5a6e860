// One run through the playground's web page in headless Chromium against the real bot: the lead rep (the page's
// user) types a command in their chat, gets the situation's card, clicks "Accept as lead". Screenshots are kept in
// artifacts/screenshots/ (CI keeps them as test artifacts).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { screenshots } = require('../screenshot');
const { cardText } = require('../playground');
const { ARTIFACTS, PEOPLE, cannotRun, startJourneys, linkChannel, recordSituation, textOf } = require('../journeys');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skip = cannotRun() || (!fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM} (apt-get install chromium)`);

test('the lead rep accepts a situation on the web page: command typed, card shown, button clicked', { skip: skip || false, timeout: 120000 }, async () => {
  const j = await startJourneys('web-page', { pageUser: PEOPLE.lead });
  const out = path.join(ARTIFACTS, 'screenshots');
  fs.rmSync(out, { recursive: true, force: true });
  try {
    const { pg } = j;
    await linkChannel(pg);
    const { id } = await recordSituation(pg);
    await pg.as(PEOPLE.lead).install('personal'); // the page's user from here on

    const files = await screenshots({ out, playground: pg.url, command: `situation ${id}`, click: 'Accept as lead', chromium: CHROMIUM });

    assert.deepEqual(files.map((f) => path.basename(f)), ['1-chat.png', '2-card.png', '3-after-click.png']);
    for (const f of files) assert.equal(fs.readFileSync(f).subarray(1, 4).toString(), 'PNG');
    const typed = pg.traffic.length; // what the page did reached the bot as the lead rep
    assert.ok(typed > 0);
    const channel = await pg.waitForCard({ in: 'channel', where: (c) => cardText(c).includes(id) && /lead accepted/.test(cardText(c)) });
    assert.match(cardText(channel), /Active: lead accepted by Northside Mental Health/);
    assert.ok(pg.inbox(PEOPLE.lead).some((m) => textOf(m).includes(id)));
  } finally {
    await j.stop();
  }
});
