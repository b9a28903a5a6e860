// A harness around Microsoft's Agents Playground (a local Teams stand-in) for FocusBot's end-to-end tests.
//
//   const pg = await startPlayground({ botUrl: 'http://127.0.0.1:3978/api/messages' });
//   const { as, lastCard, lastReply, clickAction } = pg;
//   await as('rep.demo@northside-mh.example').say('open situations');      // in that member's chat with the bot
//   const card = await lastCard();                                          // the bot's newest card since then
//   await clickAction(card, 'Accept as lead');                              // as the member who spoke last
//   await as('chair.demo@city.example').say('agenda', { in: 'channel' });   // @mentions the bot in the channel
//   await pg.stop();
//
// Users, team and chats are generated from samples/roster.json: the playground holds exactly six users (its own
// config schema's rule), by default the members of the roster's first table. The playground answers the Bot
// Connector API at http://127.0.0.1:PORT/_connector, which is the serviceUrl of every activity it sends. Its HTTP
// API and WebSocket (what its web page uses) are undocumented; this was written against 0.2.28.
//
// Acting as any user: the playground sends every activity as its one "current user". The harness therefore sits
// between the playground and the bot (a pass-through on loopback) and puts the acting user's account (id, name,
// Entra object id) into the activity's `from`; everything else is the playground's own activity. The personal chat
// is the current user's chat with the bot, shared by all users; the bot's own new 1:1 chats with other users
// (proactive messages) are not shown by the playground.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const WebSocket = require('ws');

const DEFAULT_BOT_URL = 'http://127.0.0.1:3978/api/messages';
const DEFAULT_ROSTER = path.resolve(__dirname, '../../samples/roster.json');
const PLAYGROUND_USERS = 6; // currentUser + exactly five users, as the playground's config schema demands
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const BOT = { id: '28:focusbot-playground', name: 'FocusBot' };
const TENANT_ID = '5e1b7c2a-0f3d-4c8e-9a61-2b7d4e9f0c13';

// Synthetic people: the roster has e-mail addresses only; Teams shows names. A member's name follows their place
// in the roster, so the same address has the same name whichever users a playground holds.
const DISPLAY_NAMES = ['Dana Whitfield', 'Marcus Oyelaran', 'Priya Raman', 'Tomás Ferreira', 'Grace Nakamura',
  'Jordan Beaulieu', 'Samira Haddad', 'Owen MacLeod', 'Lena Kowalczyk', 'Ravi Chandran'];
const OUTSIDER_NAMES = ['Alex Moreau', 'Jamie Lindqvist', 'Robin Achebe', 'Casey Tremblay', 'Morgan Ito', 'Sam Okafor'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// A deadline that does not keep the process alive once everything else is done.
const idleSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());
const guid = (n) => `7f3e0c1a-52b4-4d0e-8a9c-${String(n).padStart(12, '0')}`;

/** A free TCP port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/**
 * The playground's users, team and chats for a roster: members of `table` (default: the roster's first table), or
 * the e-mail addresses in `emails` (roster members or not: an outsider tests "you are not on a roster"). Fewer than
 * six are padded with outsiders (visitor1@outside.example, ...), since the playground wants exactly six.
 */
function playgroundConfig({ roster = DEFAULT_ROSTER, table, emails, names = {} } = {}) {
  const data = typeof roster === 'string' ? JSON.parse(fs.readFileSync(roster, 'utf8')) : roster;
  const tableId = table || data.tables[0].id;
  const tableInfo = data.tables.find((t) => t.id === tableId);
  if (!tableInfo) throw new Error(`no table '${tableId}' in the roster`);
  const chosen = emails ? [...emails] : data.members.filter((m) => m.tables.includes(tableId)).map((m) => m.email);
  if (chosen.length > PLAYGROUND_USERS) {
    throw new Error(`the playground holds ${PLAYGROUND_USERS} users; ${chosen.length} given (${chosen.join(', ')}): pass emails`);
  }
  for (let n = 1; chosen.length < PLAYGROUND_USERS; n++) {
    if (!chosen.includes(`visitor${n}@outside.example`)) chosen.push(`visitor${n}@outside.example`);
  }
  let outsiders = 0;
  const users = chosen.map((email, i) => {
    const place = data.members.findIndex((m) => m.email === email);
    const name = names[email] || (place >= 0 && DISPLAY_NAMES[place]) || OUTSIDER_NAMES[outsiders++ % OUTSIDER_NAMES.length];
    const [givenName, ...rest] = name.split(' ');
    return { id: `user-id-${i}`, name, userPrincipleName: email, aadObjectId: guid(i + 1), givenName,
      surname: rest.join(' ') || givenName, email, onRoster: data.members.some((m) => m.email === email) };
  });
  return {
    version: '0.1.1',
    tenantId: TENANT_ID,
    bot: BOT,
    currentUser: users[0],
    users: users.slice(1),
    personalChat: { id: 'personal-chat-focusbot' },
    groupChat: { id: 'group-chat-focusbot', name: `${tableInfo.name} co-chairs` },
    team: { id: 'team-focus', name: `FOCUS ${tableInfo.name}`, aadGroupId: guid(100),
      channels: [{ id: `channel-${tableInfo.id}`, name: tableInfo.name }] },
  };
}

// JSON strings are YAML double-quoted scalars, so this needs no YAML library.
function toYaml(value, indent = '') {
  if (Array.isArray(value)) return value.map((v) => `\n${indent}- ${toYaml(v, indent + '  ').trimStart()}`).join('');
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => {
      const inner = toYaml(v, indent + '  ');
      return `\n${indent}${k}:${inner.startsWith('\n') ? inner : ' ' + inner}`;
    }).join('');
  }
  return JSON.stringify(value);
}

function writeConfigFile(config, dir) {
  const file = path.join(dir, '.m365agentsplayground.yml');
  const plain = JSON.parse(JSON.stringify(config, (k, v) => (k === 'onRoster' ? undefined : v)));
  fs.writeFileSync(file, `# generated by tests/FocusBot.EndToEnd/playground.js${toYaml(plain)}\n`);
  return file;
}

/**
 * Starts the playground against the bot and connects to it. Options: botUrl, port (default: a free one; 56150 is
 * the playground's own default), roster, table, emails, names (email -> display name), logDir.
 */
async function startPlayground(options = {}) {
  const port = options.port || await freePort();
  const config = playgroundConfig(options);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'focusbot-playground-'));
  const logDir = options.logDir || workDir;
  fs.mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, 'playground.log');
  const pg = new Playground({ base: `http://127.0.0.1:${port}`, botUrl: options.botUrl || DEFAULT_BOT_URL, config, workDir, log });
  try {
    await pg._start(port, workDir, logDir);
  } catch (e) {
    await pg.stop();
    throw e;
  }
  return pg;
}

function tail(file) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n'); } catch { return ''; }
}

class Playground {
  constructor({ base, botUrl, config, workDir, log }) {
    this.url = base;
    this.connectorUrl = `${base}/_connector`;
    this.botUrl = botUrl;
    this.log = log;
    this._botUrl = botUrl;
    this._workDir = workDir;
    this.config = config;
    /** Everyone the playground knows: { id, name, email, aadObjectId, onRoster }. */
    this.users = [config.currentUser, ...config.users];
    /** Conversation ids: the team's General channel has the team's id. */
    this.conversations = {
      personal: config.personalChat.id,
      groupChat: config.groupChat.id,
      team: config.team.id,
      channel: config.team.channels[0].id,
    };
    this.bot = config.bot;
    this._events = []; // every WebSocket event, in order
    this._messages = new Map(); // messageId -> the latest { messageId, conversationId, from, text, attachments }
    this._mark = 0; // index into _events where the last say/click began
    this._waiters = [];
    this._actor = null;
    // So that journeys can destructure: const { as, lastCard, clickAction } = pg
    for (const name of ['as', 'say', 'lastCard', 'lastReply', 'replies', 'clickAction', 'install', 'stop']) {
      this[name] = this[name].bind(this);
    }
  }

  async _start(port, workDir, logDir) {
    this._relayServer = http.createServer((req, res) => {
      this._relay(req, res).catch((e) => { res.writeHead(500); res.end(String(e)); });
    });
    await new Promise((resolve) => this._relayServer.listen(0, '127.0.0.1', resolve));
    const relayUrl = `http://127.0.0.1:${this._relayServer.address().port}/api/messages`;
    const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
    this._child = spawn(process.execPath, [
      '-r', path.join(__dirname, 'loopback-only.cjs'), cli,
      '-e', relayUrl, '-c', 'msteams', '-p', String(port), '--disable-telemetry',
      '--su', `${this.url}/_connector`,
    ], {
      cwd: workDir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none', // no browser window: tests drive it through its API (or playwright)
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: writeConfigFile(this.config, workDir),
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'playground.internal.log'),
      },
      stdio: ['ignore', fs.openSync(this.log, 'w'), fs.openSync(this.log, 'a')],
    });
    this._exited = new Promise((resolve) => this._child.once('exit', resolve));
    const deadline = Date.now() + 30000;
    for (;;) {
      if (this._child.exitCode !== null) throw new Error(`the playground exited (${this._child.exitCode}); see ${this.log}:\n${tail(this.log)}`);
      try { if ((await fetch(`${this.url}/_debug/ping`)).ok) break; } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error(`the playground did not start in 30 s; see ${this.log}:\n${tail(this.log)}`);
      await sleep(200);
    }
    await this.connect();
  }

  async connect() {
    // The playground asks the bot for nothing at start, but its config endpoint is ready only once it is.
    const live = await (await fetch(`${this.url}/_internal/v1/config`)).json();
    this.liveConfig = live.config;
    this._ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    this._ws.on('message', (data) => this._onEvent(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => { this._ws.once('open', resolve); this._ws.once('error', reject); });
  }

  _onEvent(event) {
    this._events.push(event);
    const m = event.message;
    if (m && m.messageId) {
      const known = this._messages.get(m.messageId) || {};
      this._messages.set(m.messageId, { ...known, ...m, conversationId: event.actionConversationId || known.conversationId });
    }
    for (const w of [...this._waiters]) w();
  }

  /** A user by e-mail address (or playground id). */
  user(who) {
    const u = this.users.find((x) => x.email.toLowerCase() === String(who).toLowerCase() || x.id === who);
    if (!u) throw new Error(`${who} is not one of the playground's users: ${this.users.map((x) => x.email).join(', ')}`);
    return u;
  }

  /** The conversation id for 'personal', 'groupChat', 'team' (its General channel), 'channel' or an id. */
  conversationFor(where = 'personal') {
    return this.conversations[where] || where;
  }

  /** Acts as the user with this e-mail address: { say(text, { in }), click(card, title, inputs), install(where) }. */
  as(email) {
    const user = this.user(email);
    this._actor = user;
    return {
      user,
      say: (text, opts = {}) => this.say(text, { ...opts, as: user }),
      click: (card, title, inputs) => this.clickAction(card, title, inputs, { as: user }),
      install: (where) => this.install(where, { as: user }),
    };
  }

  /**
   * Sends a message as a user ({ as: email or user, default: the last `as`, else the playground's current user })
   * in { in: 'personal' | 'channel' | 'team' | 'groupChat' | conversation id }. Outside a personal chat the bot is
   * @mentioned, as Teams delivers only those messages to a bot there.
   */
  async say(text, { as, in: where } = {}) {
    const user = this._who(as);
    const conversation = this.conversationFor(where);
    const me = this.config.currentUser.id;
    const mention = `<at>${this.bot.name}</at>`;
    const body = conversation === this.conversations.personal
      ? { from: { id: me }, text, textFormat: 'plain' }
      : { from: { id: me }, text: `${mention} ${text}`, textFormat: 'plain', mentions: [{ mentioned: { id: this.bot.id }, text: mention }] };
    return this._actAs(user, async () => {
      const res = await this._post(`/_conversation/v1/conversations/${encodeURIComponent(conversation)}/messages`, body);
      if (res.status !== 200) throw new Error(`the playground refused ${user.email}'s message: ${res.status} ${res.text}`);
      return res.json;
    });
  }

  // Runs a playground call with `user` as the author of the activity it sends, and resolves once the bot has it
  // (the playground answers its client before it sends the activity on).
  async _actAs(user, call) {
    this._mark = this._events.length;
    this._speaking = user;
    const delivered = new Promise((resolve) => { this._onDelivered = resolve; });
    const result = await call();
    const ok = await Promise.race([delivered.then(() => true), idleSleep(10000).then(() => false)]);
    if (!ok) throw new Error(`the playground did not pass ${user.email}'s activity to the bot within 10 s; see ${this.log}`);
    return result;
  }

  // The pass-through between the playground and the bot: puts the acting user into `from`, then forwards.
  async _relay(req, res) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    let body = Buffer.concat(chunks);
    if (body.length && this._speaking) {
      const activity = JSON.parse(body.toString('utf8'));
      if (activity.from && activity.from.id === this.config.currentUser.id) {
        const u = this._speaking;
        activity.from = { ...activity.from, id: u.id, name: u.name, aadObjectId: u.aadObjectId };
        body = Buffer.from(JSON.stringify(activity));
      }
    }
    const headers = { ...req.headers };
    delete headers.host; delete headers['content-length']; delete headers.connection;
    try {
      const answer = await fetch(this._botUrl, { method: req.method, headers, body: ['GET', 'HEAD'].includes(req.method) ? undefined : body });
      const reply = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') || 'application/octet-stream' });
      res.end(reply);
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`FocusBot at ${this._botUrl} did not answer: ${e.message}`);
    }
    if (body.length && this._onDelivered) { const done = this._onDelivered; this._onDelivered = null; done(); }
  }

  /**
   * Installs the app where a user is ('personal', 'team', 'groupChat'): the bot receives installationUpdate and
   * conversationUpdate (membersAdded), as from Teams.
   */
  async install(where = 'personal', { as } = {}) {
    const conversation = this.conversationFor(where);
    return this._actAs(this._who(as), async () => {
      const res = await this._post(`/_debug/conversation/${encodeURIComponent(conversation)}/installation`, {});
      if (res.status >= 300) throw new Error(`installation in ${conversation} failed: ${res.status} ${res.text}`);
      return res.json;
    });
  }

  /**
   * The bot's messages since the last say/click/install, once the bot has gone quiet for `quietMs`: waits up to
   * `timeout` for at least `atLeast` of them (filtered by `where`).
   */
  async replies({ timeout = 8000, quietMs = 250, atLeast = 1, where = () => true } = {}) {
    const pick = () => {
      const ids = [];
      for (const e of this._events.slice(this._mark)) {
        const m = e.message;
        if (m && m.messageId && isFromBot(m, this.bot) && !ids.includes(m.messageId)) ids.push(m.messageId);
      }
      return ids.map((id) => this._messages.get(id)).filter(where);
    };
    const deadline = Date.now() + timeout;
    let seen = -1;
    let quietSince = Date.now();
    for (;;) {
      const now = Date.now();
      if (this._events.length !== seen) { seen = this._events.length; quietSince = now; }
      const found = pick();
      if (found.length >= atLeast && now - quietSince >= quietMs) return found;
      if (now > deadline) {
        if (found.length >= atLeast) return found;
        throw new Error(`the bot sent ${found.length} matching message(s) in ${timeout} ms, expected ${atLeast}` +
          `; it sent: ${JSON.stringify(pick().map((m) => m.text || '(card)'))}`);
      }
      await new Promise((resolve) => {
        const w = () => { this._waiters = this._waiters.filter((x) => x !== w); resolve(); };
        this._waiters.push(w);
        setTimeout(w, Math.min(quietMs, 50));
      });
    }
  }

  /** The bot's newest reply (text and attachments) since the last say/click. */
  async lastReply(options) {
    return (await this.replies(options)).at(-1);
  }

  /**
   * The bot's newest Adaptive Card since the last say/click: { messageId, conversationId, content (the card JSON),
   * text, message }. A card the bot has since updated (refresh) is returned in its updated form.
   */
  async lastCard(options = {}) {
    const cards = await this.replies({ ...options, where: (m) => !!cardOf(m) });
    const m = cards.at(-1);
    return { messageId: m.messageId, conversationId: m.conversationId, content: cardOf(m), text: m.text, message: m };
  }

  /**
   * Clicks the card's action titled `title` (a string, matched ignoring case, or a RegExp) as a user would in Teams,
   * with `inputs` as typed into the card's inputs. Action.Execute reaches the bot as an `adaptiveCard/action` invoke
   * (resolves with the bot's invoke response); Action.Submit as a message whose value is data + inputs.
   */
  async clickAction(card, title, inputs = {}, { as } = {}) {
    const user = this._who(as);
    const action = findAction(card.content || card, title);
    if (!action) throw new Error(`no action '${title}' on the card; it has: ${actionTitles(card.content || card).join(', ')}`);
    const conversation = { id: card.conversationId };
    const me = { id: this.config.currentUser.id };
    if (action.type === 'Action.Execute') {
      return this._actAs(user, async () => {
        const res = await this._post('/_conversation/v1/invoke', {
          name: 'adaptiveCard/action', conversation, from: me, replyToId: card.messageId,
          value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...(action.data || {}), ...inputs } } },
        });
        if (res.status !== 200) throw new Error(`the invoke for '${action.title}' failed: ${res.status} ${res.text}`);
        return res.json;
      });
    }
    if (action.type === 'Action.Submit') {
      return this._actAs(user, async () => {
        const res = await this._post('/_conversation/v1/submit', {
          conversation, from: me, replyToId: card.messageId, value: { ...(action.data || {}), ...inputs },
        });
        if (res.status !== 200) throw new Error(`the submit for '${action.title}' failed: ${res.status} ${res.text}`);
        return res.json;
      });
    }
    throw new Error(`'${action.title}' is an ${action.type}, which the bot never sees (Teams handles it in the card)`);
  }

  _who(as) {
    if (as) return typeof as === 'string' ? this.user(as) : as;
    return this._actor || this.config.currentUser;
  }

  async _post(pathname, body) {
    const res = await fetch(this.url + pathname, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    return { status: res.status, text, json };
  }

  /** Stops the playground and removes its generated config. */
  async stop() {
    if (this._ws) this._ws.close();
    if (this._relayServer) { this._relayServer.close(); this._relayServer.closeAllConnections(); }
    if (this._child && this._child.exitCode === null) {
      this._child.kill('SIGTERM');
      const killed = await Promise.race([this._exited.then(() => true), idleSleep(3000).then(() => false)]);
      if (!killed) { this._child.kill('SIGKILL'); await this._exited; }
    }
    // Without a logDir the log lived in the work folder, and goes with it.
    fs.rmSync(this._workDir, { recursive: true, force: true });
  }
}

function isFromBot(message, bot) {
  return message.from === 'bot' || (message.from && (message.from.id === bot.id || message.from.role === 'bot'))
    || message.sender === 'bot' || message.isBot === true;
}

function cardOf(message) {
  const a = (message.attachments || []).find((x) => x.contentType === ADAPTIVE_CARD);
  return a ? (typeof a.content === 'string' ? JSON.parse(a.content) : a.content) : null;
}

/** Every action in a card (actions, selectActions, ShowCard cards), depth first in document order. */
function cardActions(card) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) found.push(node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

function findAction(card, title) {
  const matches = (t) => (title instanceof RegExp ? title.test(t || '') : (t || '').toLowerCase() === String(title).toLowerCase());
  return cardActions(card).find((a) => matches(a.title)) || null;
}

const actionTitles = (card) => cardActions(card).map((a) => a.title);

module.exports = { startPlayground, playgroundConfig, findAction, cardActions, cardOf, DEFAULT_BOT_URL, ADAPTIVE_CARD };
