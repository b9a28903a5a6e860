'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { screenshots } = require('../screenshot');
const { startStandInBot } = require('./stand-in-bot');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

test('the web page is driven as a member: command typed, card shown, button clicked, three screenshots',
  { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM} (apt-get install chromium)`, timeout: 60000 }, async () => {
    const bot = await startStandInBot();
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'focusbot-screens-'));
    try {
      const files = await screenshots({ out, bot: bot.url, command: 'open situations', click: 'Accept as lead',
        as: 'rep.demo@northside-mh.example', chromium: CHROMIUM });

      assert.deepEqual(files.map((f) => path.basename(f)), ['1-chat.png', '2-card.png', '3-after-click.png']);
      for (const f of files) assert.equal(fs.readFileSync(f).subarray(1, 4).toString(), 'PNG');
      const said = bot.received.find((a) => a.type === 'message' && a.text === 'open situations');
      assert.equal(said.from.name, 'Priya Raman');
      assert.ok(bot.received.some((a) => a.type === 'invoke' && a.value.action.verb === 'acceptLead'));
    } finally {
      await bot.stop();
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
