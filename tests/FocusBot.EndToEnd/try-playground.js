// `npm run playground`: the demo bot and Microsoft's Agents Playground, to try FocusBot by hand in a browser.
//   - the built host (dotnet build FocusBot.sln first) with --demo: the sample roster, a fresh SQLite database in a
//     temporary folder, no MicrosoftAppId (the playground sends no token), on a free loopback port;
//   - the playground on http://127.0.0.1:56150 (or --port N), loopback only, telemetry off, no browser opened (open
//     the printed URL yourself), its users the members of the demo table (or --table lakeside);
//   - here, type `as <e-mail>` to make the web page stand for another member, `people` to list them, `quit` to stop.
// Ctrl-C (or quit) stops both and removes their temporary folders.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { startBot, botBuilt, REPO } = require('./bot-host');
const { startPlayground } = require('./playground');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const missing = botBuilt();
  if (missing) { console.error(missing); process.exit(1); }
  const roster = JSON.parse(fs.readFileSync(path.join(REPO, 'samples/roster.json'), 'utf8'));
  const table = option('table', roster.tables[0].id);
  if (!roster.tables.some((t) => t.id === table)) {
    console.error(`No table '${table}' in samples/roster.json; the tables are ${roster.tables.map((t) => t.id).join(', ')}.`);
    process.exit(2);
  }
  const port = Number(option('port', process.env.PLAYGROUND_PORT || 56150));

  let bot = null;
  let pg = null;
  let stopping = null;
  const stop = (code) => {
    stopping = stopping || (async () => {
      console.log('\nStopping the playground and the bot ...');
      if (pg) await pg.stop().catch(() => {});
      if (bot) await bot.stop().catch(() => {});
      process.exit(code);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

  try {
    console.log('Starting FocusBot (--demo) ...');
    bot = await startBot();
    console.log(`  bot:        ${bot.url} (log: ${bot.log})`);
    console.log('Starting the Agents Playground ...');
    pg = await startPlayground({ botUrl: bot.url, port, table });
  } catch (e) {
    console.error(e.message);
    await stop(1);
    return;
  }

  const member = (email) => roster.members.find((m) => m.email.toLowerCase() === email.toLowerCase());
  const describe = (u) => {
    const m = member(u.email);
    return m ? `${m.role} of ${m.agency}` : 'not on the roster';
  };
  const people = () => pg.users.forEach((u) => console.log(`  ${u.email === pg._pageUser.email ? '*' : ' '} ${u.email.padEnd(38)} ${u.name} (${describe(u)})`));

  console.log(`\nOpen ${pg.url} in a browser on this machine. The page is ${pg._pageUser.email} (${describe(pg._pageUser)}).`);
  console.log('Type "help" there to begin; @mention FocusBot in the team\'s channel to talk to it there.');
  console.log('\nThe people of this playground (* = the web page now):');
  people();
  console.log('\nHere: "as <e-mail>" makes the web page another person (then reload the page), "people" lists them, "quit" stops.');

  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: 'playground> ' });
  prompt.prompt();
  prompt.on('line', (line) => {
    const [command, argument] = line.trim().split(/\s+/, 2);
    try {
      if (command === 'as' && argument) {
        const u = pg.showAs(argument);
        console.log(`The web page is now ${u.email} (${describe(u)}): reload it; their 1:1 chat is the page's chat.`);
      } else if (command === 'people') {
        people();
      } else if (command === 'quit' || command === 'exit') {
        prompt.close();
        return;
      } else if (command) {
        console.log('Commands: as <e-mail>, people, quit');
      }
    } catch (e) {
      console.log(e.message);
    }
    prompt.prompt();
  });
  prompt.on('close', () => stop(0));
}

main();
