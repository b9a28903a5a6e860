// Starts the real FocusBot host for the journeys: the built FocusBot.dll (build the solution first) with --demo (the
// sample roster), on a free loopback port, with a fresh SQLite database in a temporary folder, and no MicrosoftAppId
// (the Agents Playground sends no token). Resolves once GET /healthz answers 200.
//
//   const bot = await startBot();      // bot.url = http://127.0.0.1:PORT/api/messages, bot.base, bot.log
//   await bot.stop();
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { track, trackFolder, forget } = require('./cleanup');

const REPO = path.resolve(__dirname, '../..');
const configuration = process.env.FOCUSBOT_CONFIGURATION || 'Debug';
const DLL = path.join(REPO, 'src/FocusBot/bin', configuration, 'net10.0/FocusBot.dll');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/** Whether the host has been built (the journeys are skipped with this reason otherwise). */
function botBuilt() {
  return fs.existsSync(DLL) ? null : `FocusBot is not built (${path.relative(REPO, DLL)} is missing): run dotnet build FocusBot.sln first`;
}

async function startBot({ logDir, env = {} } = {}) {
  const missing = botBuilt();
  if (missing) throw new Error(missing);
  const port = await freePort();
  const work = trackFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'focusbot-host-')));
  const log = path.join(logDir || work, 'focusbot.log');
  if (logDir) fs.mkdirSync(logDir, { recursive: true });
  const base = `http://127.0.0.1:${port}`;
  const child = track(spawn('dotnet', [DLL, '--demo', '--urls', base], {
    cwd: REPO, // --demo finds samples/roster.json from here
    env: {
      ...process.env,
      ...env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      DOTNET_NOLOGO: '1',
      ConnectionStrings__FocusBot: `Data Source=${path.join(work, 'focusbot.db')}`,
      Database__Provider: 'Sqlite',
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
    },
    stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')],
  }));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      if (!done) { child.kill('SIGKILL'); await exited; }
    }
    fs.rmSync(work, { recursive: true, force: true });
    forget(work);
  };
  // A loaded machine may need longer: FOCUSBOT_START_SECONDS (default 60).
  const startSeconds = Number(process.env.FOCUSBOT_START_SECONDS) || 60;
  const deadline = Date.now() + startSeconds * 1000;
  for (;;) {
    if (child.exitCode !== null) {
      const text = tail(log);
      await stop();
      throw new Error(`FocusBot exited (${child.exitCode}) before answering /healthz:\n${text}`);
    }
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { const text = tail(log); await stop(); throw new Error(`FocusBot did not answer /healthz in ${startSeconds} s (FOCUSBOT_START_SECONDS):\n${text}`); }
    await sleep(200);
  }
  return { base, url: `${base}/api/messages`, log, stop, database: path.join(work, 'focusbot.db') };
}

module.exports = { startBot, botBuilt, freePort, REPO };
