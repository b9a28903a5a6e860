// What the harness starts and creates (the bot, the playground, their temporary folders) is stopped and removed
// when the Node process ends without calling stop(): at a normal exit, an uncaught error, or Ctrl-C / SIGTERM when
// nobody else handles the signal (a script that handles it, like try-playground.js, stops things its own way).
'use strict';
const fs = require('fs');

const children = new Set();
const folders = new Set();

function cleanUp() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) { try { child.kill('SIGKILL'); } catch { /* gone */ } }
  }
  for (const folder of folders) { try { fs.rmSync(folder, { recursive: true, force: true }); } catch { /* best effort */ } }
}

process.on('exit', cleanUp);
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.on(signal, function onlyHandler() {
    if (process.listenerCount(signal) > 1) return;
    cleanUp();
    process.exit(128 + number);
  });
}

/** Kills this child process when Node ends, unless it has ended before. */
function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Removes this folder when Node ends, unless forget(folder) was called (it was removed already). */
function trackFolder(folder) { folders.add(folder); return folder; }
function forget(folder) { folders.delete(folder); }

module.exports = { track, trackFolder, forget };
