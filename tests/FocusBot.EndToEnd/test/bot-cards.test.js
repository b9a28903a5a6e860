// Every card the bot can send, as the .NET card tests write them (FOCUSBOT_CARD_DUMP), checked by Microsoft's
// adaptivecards library at 1.5: each card is one test, and any warning fails it. CI may write the folder first and
// name it in FOCUSBOT_CARD_DUMP; otherwise this test runs the .NET test that writes it (the solution must be built).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { checkFolder } = require('../check-cards');
const { REPO } = require('../bot-host');

const TEST_PROJECT = path.join(REPO, 'tests/FocusBot.Teams.Tests');
const built = () => fs.existsSync(TEST_PROJECT) && fs.readdirSync(path.join(TEST_PROJECT, 'bin'), { recursive: true })
  .some((f) => String(f).endsWith('FocusBot.Teams.Tests.dll'));

function dumpCards() {
  const given = process.env.FOCUSBOT_CARD_DUMP;
  if (given && fs.existsSync(given) && fs.readdirSync(given).some((f) => f.endsWith('.json'))) return given;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'focusbot-cards-'));
  execFileSync('dotnet', ['test', TEST_PROJECT, '--no-build', '--nologo',
    '--filter', 'FullyQualifiedName~Every_card_is_written_for_the_adaptivecards_checker'], {
    env: { ...process.env, FOCUSBOT_CARD_DUMP: folder, DOTNET_NOLOGO: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180000,
  });
  return folder;
}

const canDump = process.env.FOCUSBOT_CARD_DUMP || (fs.existsSync(path.join(TEST_PROJECT, 'bin')) && built());
test('every card the bot can send is a clean Adaptive Card 1.5 for the adaptivecards library',
  { skip: canDump ? false : 'tests/FocusBot.Teams.Tests is not built: run dotnet build FocusBot.sln first', timeout: 240000 },
  async (t) => {
    const results = checkFolder(dumpCards());

    assert.ok(results.length >= 5, `only ${results.length} cards were written`);
    for (const { file, problems } of results) {
      await t.test(path.basename(file, '.json'), () => assert.deepEqual(problems, []));
    }
  });
