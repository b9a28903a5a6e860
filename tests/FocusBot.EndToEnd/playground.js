// A harness around Microsoft's Agents Playground (a local Teams stand-in) for FocusBot's end-to-end tests.
//
//   const pg = await startPlayground({ botUrl: bot.url });
//   await pg.as('rep.demo@northside-mh.example').say('help');               // in that member's own 1:1 chat
//   const card = await pg.lastCard();                                       // the bot's newest card since then
//   await pg.clickAction(card, 'Accept as lead');                           // as the member who spoke last
//   await pg.as('chair.demo@city.example').say('agenda', { in: 'channel' }); // @mentions the bot in the channel
//   const inbox = pg.inbox('rep.demo@harbour-housing.example');             // what the bot sent to that member
//   await pg.stop();
//
// Users, team and chats are generated from samples/roster.json: the playground holds exactly six users (its own
// config schema's rule), by default the members of the roster's first table. Its HTTP API and WebSocket (what its
// web page uses) are undocumented; this was written against 0.2.28.
//
// The harness sits on both sides of the playground, as Teams' own service would:
// - Activities to the bot pass through it: the acting user goes into `from` (the playground sends everything as its
//   one "current user"), and a personal-chat activity is put into that user's own 1:1 chat with the bot.
// - The bot's Bot Connector calls (the activities' serviceUrl is the harness) pass through it: it answers member
//   look-ups for the conversation's members, gives each user their own 1:1 conversation (also when the bot creates
//   one), records every activity the bot posts or updates, and hands the playground what its web page can show (the
//   team, channel, group chat and the page user's own 1:1 chat).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const WebSocket = require('ws');
const { track, trackFolder, forget } = require('./cleanup');

const DEFAULT_BOT_URL = 'http://127.0.0.1:3978/api/messages';
const DEFAULT_ROSTER = path.resolve(__dirname, '../../samples/roster.json');
const PLAYGROUND_USERS = 6; // currentUser + exactly five users, as the playground's config schema demands
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const BOT = { id: '28:focusbot-playground', name: 'FocusBot' };
const TENANT_ID = '5e1b7c2a-0f3d-4c8e-9a61-2b7d4e9f0c13';
const PLAYGROUND_LOCALE = 'en-US'; // what the playground puts in every activity; it has no setting for another

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
 * the playground's own default), roster, table, emails, names (email -> display name), locales (email -> the Teams
 * client language that user's activities carry, e.g. 'fr-CA'; the playground itself always sends 'en-US'), logDir.
 */
async function startPlayground(options = {}) {
  const port = options.port || await freePort();
  const config = playgroundConfig(options);
  const workDir = trackFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'focusbot-playground-')));
  const logDir = options.logDir || workDir;
  fs.mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, 'playground.log');
  const pg = new Playground({ base: `http://127.0.0.1:${port}`, botUrl: options.botUrl || DEFAULT_BOT_URL, config, workDir, log });
  for (const [email, locale] of Object.entries(options.locales || {})) pg.setLocale(email, locale);
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
    this.botUrl = botUrl;
    this.log = log;
    this._botUrl = botUrl;
    this._workDir = workDir;
    this.config = config;
    /** Everyone the playground knows: { id, name, email, aadObjectId, onRoster }. The first is the web page's user. */
    this.users = [config.currentUser, ...config.users];
    /**
     * Conversation ids: `personal` is the web page user's 1:1 chat with the bot (the playground's one personal chat;
     * every other user has their own, see personalChatOf); the team's General channel has the team's id.
     */
    this.conversations = {
      personal: config.personalChat.id,
      groupChat: config.groupChat.id,
      team: config.team.id,
      channel: config.team.channels[0].id,
    };
    this.bot = config.bot;
    // Each user's 1:1 chat with the bot, as in Teams (one per user and bot). The page user's is the playground's.
    this._personal = new Map(this.users.map((u, i) => [u.id, i === 0 ? config.personalChat.id : `${config.personalChat.id}:${u.id}`]));
    /**
     * Everything the bot did through the connector or answered to an invoke, in order: { seq, action ('post' |
     * 'update' | 'delete' | 'create' | 'invoke'), conversationId, messageId, activity, to (the user of a 1:1 chat),
     * by (for 'invoke': who clicked), response (for 'invoke'), shown (whether the playground got it) }.
     */
    this.traffic = [];
    /** Every activity the playground sent on to the bot (as the bot got it), in order; `send` can replay one. */
    this.received = [];
    this._messages = new Map(); // `${conversationId}\n${messageId}` -> the message in its latest form
    this._mark = 0; // index into traffic where the last say/click/install began
    this._waiters = [];
    this._actor = null;
    /** Whom the web page stands for: what is typed there comes from them, and their 1:1 chat is the page's. */
    this._pageUser = config.currentUser;
    this._ids = 0;
    this._locales = new Map(); // user id -> the locale of their Teams client (default: the playground's en-US)
    // So that journeys can destructure: const { as, lastCard, clickAction } = pg
    for (const name of ['as', 'say', 'lastCard', 'lastReply', 'replies', 'clickAction', 'install', 'stop', 'inbox',
      'messagesIn', 'waitForCard', 'waitForMessage', 'personalChatOf', 'send', 'setLocale']) {
      this[name] = this[name].bind(this);
    }
  }

  async _start(port, workDir, logDir) {
    this._relayServer = http.createServer((req, res) => {
      const handle = req.url.startsWith('/_connector/') ? this._connector(req, res) : this._relay(req, res);
      handle.catch((e) => { if (process.env.HARNESS_DEBUG) console.error('harness error', e); if (!res.headersSent) res.writeHead(500); res.end(String(e && e.stack || e)); });
    });
    await new Promise((resolve) => this._relayServer.listen(0, '127.0.0.1', resolve));
    const relay = `http://127.0.0.1:${this._relayServer.address().port}`;
    /** The Bot Connector the bot talks to (the activities' serviceUrl): the harness, in front of the playground's. */
    this.connectorUrl = `${relay}/_connector`;
    const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
    this._child = track(spawn(process.execPath, [
      '-r', path.join(__dirname, 'loopback-only.cjs'), cli,
      '-e', `${relay}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry',
      '--su', this.connectorUrl,
    ], {
      cwd: workDir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none', // no browser window: tests drive it through its API (or playwright)
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: writeConfigFile(this.config, workDir),
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'playground.internal.log'),
      },
      stdio: ['ignore', fs.openSync(this.log, 'w'), fs.openSync(this.log, 'a')],
    }));
    this._exited = new Promise((resolve) => this._child.once('exit', resolve));
    const startSeconds = Number(process.env.FOCUSBOT_START_SECONDS) || 30; // longer on a loaded machine
    const deadline = Date.now() + startSeconds * 1000;
    for (;;) {
      if (this._child.exitCode !== null) throw new Error(`the playground exited (${this._child.exitCode}); see ${this.log}:\n${tail(this.log)}`);
      try { if ((await fetch(`${this.url}/_debug/ping`)).ok) break; } catch { /* not listening yet */ }
      if (Date.now() > deadline) throw new Error(`the playground did not start in ${startSeconds} s (FOCUSBOT_START_SECONDS); see ${this.log}:\n${tail(this.log)}`);
      await sleep(200);
    }
    // Its config endpoint answers once the playground is ready to take messages.
    this.liveConfig = (await (await fetch(`${this.url}/_internal/v1/config`)).json()).config;
    // The playground's web page listens on this WebSocket; the playground needs a listener to deliver the bot's messages.
    this._ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    this._ws.on('message', () => { });
    await new Promise((resolve, reject) => { this._ws.once('open', resolve); this._ws.once('error', reject); });
  }

  /**
   * Makes the web page stand for this user (e-mail address or id): what is typed or clicked there reaches the bot as
   * them, and the bot's messages to their 1:1 chat appear in the page's chat. For trying the bot by hand.
   */
  showAs(who) {
    this._pageUser = this.user(who);
    return this._pageUser;
  }

  /**
   * Sets the language of a user's Teams client (e.g. 'fr-CA'): from then on every activity from them carries it as
   * `locale` and in its clientInfo entity, as Teams sends it. The playground has no such setting (always 'en-US').
   */
  setLocale(who, locale) {
    this._locales.set(this.user(who).id, locale);
  }

  /** The locale of a user's Teams client: 'en-US' (the playground's) unless setLocale chose another. */
  localeOf(who) {
    return this._locales.get(this.user(typeof who === 'object' ? who.id : who).id) || PLAYGROUND_LOCALE;
  }

  /** A user by e-mail address (or playground id, or Entra object id). */
  user(who) {
    const key = String(who).toLowerCase();
    const u = this.users.find((x) => x.email.toLowerCase() === key || x.id === who || x.aadObjectId === key);
    if (!u) throw new Error(`${who} is not one of the playground's users: ${this.users.map((x) => x.email).join(', ')}`);
    return u;
  }

  /** The id of a user's own 1:1 chat with the bot. */
  personalChatOf(who) {
    return this._personal.get(this.user(who).id);
  }

  /** The user whose 1:1 chat with the bot this is, or null. */
  ownerOf(conversationId) {
    for (const [id, conv] of this._personal) if (conv === conversationId) return this.user(id);
    return null;
  }

  /**
   * The conversation id for 'personal' (the acting user's own chat), 'groupChat', 'team' (its General channel),
   * 'channel', an e-mail address (that user's 1:1 chat) or a conversation id.
   */
  conversationFor(where = 'personal', as) {
    if (where === 'personal') return this._personal.get(this._who(as).id);
    if (this.conversations[where]) return this.conversations[where];
    if (String(where).includes('@')) return this.personalChatOf(where);
    return where;
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
      inbox: () => this.inbox(user),
    };
  }

  // The conversation the playground knows for one of ours: every user's 1:1 chat is its one personal chat.
  _playgroundConversation(conversationId, user) {
    const owner = this.ownerOf(conversationId);
    if (!owner) return conversationId;
    if (owner !== user) throw new Error(`${conversationId} is ${owner.email}'s 1:1 chat with the bot; ${user.email} cannot write in it`);
    return this.config.personalChat.id;
  }

  /**
   * Sends a message as a user ({ as: email or user, default: the last `as`, else the playground's current user })
   * in { in: 'personal' | 'channel' | 'team' | 'groupChat' | conversation id }. Outside a personal chat the bot is
   * @mentioned, as Teams delivers only those messages to a bot there.
   */
  async say(text, { as, in: where } = {}) {
    const user = this._who(as);
    const conversation = this._playgroundConversation(this.conversationFor(where, user), user);
    const me = this.config.currentUser.id;
    const mention = `<at>${this.bot.name}</at>`;
    const body = conversation === this.config.personalChat.id
      ? { from: { id: me }, text, textFormat: 'plain' }
      : { from: { id: me }, text: `${mention} ${text}`, textFormat: 'plain', mentions: [{ mentioned: { id: this.bot.id }, text: mention }] };
    return this._actAs(user, async () => {
      const res = await this._post(`/_conversation/v1/conversations/${encodeURIComponent(conversation)}/messages`, body);
      if (res.status !== 200) throw new Error(`the playground refused ${user.email}'s message: ${res.status} ${res.text}`);
      return res.json;
    });
  }

  // Runs a playground call with `user` as the author of the activity it sends, and resolves once the bot has
  // handled it (the playground answers its client before it sends the activity on).
  async _actAs(user, call) {
    this._mark = this.traffic.length;
    this._speaking = user;
    const delivered = new Promise((resolve) => { this._onDelivered = resolve; });
    const result = await call();
    const ok = await Promise.race([delivered.then(() => true), idleSleep(15000).then(() => false)]);
    if (!ok) throw new Error(`the playground did not pass ${user.email}'s activity to the bot within 15 s; see ${this.log}`);
    return result;
  }

  // Playground -> bot: puts the acting user into `from` and a personal-chat activity into that user's own 1:1 chat,
  // names the harness as the serviceUrl, forwards, and records the bot's answer to a card action.
  async _relay(req, res) {
    let body = await readBody(req);
    let activity = null;
    if (body.length) {
      activity = JSON.parse(body.toString('utf8'));
      const me = this.config.currentUser.id;
      const u = this._speaking || this._pageUser;
      if (activity.from && activity.from.id === me) {
        activity.from = { ...activity.from, id: u.id, name: u.name, aadObjectId: u.aadObjectId };
      }
      for (const list of ['membersAdded', 'membersRemoved']) {
        if (Array.isArray(activity[list])) {
          activity[list] = activity[list].map((m) => (m.id === me ? { ...m, id: u.id, name: u.name, aadObjectId: u.aadObjectId } : m));
        }
      }
      if (activity.conversation && activity.conversation.id === this.config.personalChat.id && activity.from) {
        const owner = this.users.find((x) => x.id === activity.from.id);
        if (owner) activity.conversation = { ...activity.conversation, id: this._personal.get(owner.id) };
      }
      if (activity.from && this._locales.has(activity.from.id)) withLocale(activity, this._locales.get(activity.from.id));
      activity.serviceUrl = this.connectorUrl;
      this.received.push(activity);
      body = Buffer.from(JSON.stringify(activity));
    }
    const { status, reply, contentType } = await this._deliver(activity, req);
    res.writeHead(status, { 'content-type': contentType });
    res.end(reply);
  }

  // Sends an activity to the bot; records the bot's answer to a card action (Teams shows that card in place of the
  // clicked one, to the user who clicked).
  async _deliver(activity, req) {
    const headers = { 'content-type': 'application/json' };
    if (req) {
      Object.assign(headers, req.headers);
      delete headers.host; delete headers['content-length']; delete headers.connection;
    }
    const method = req ? req.method : 'POST';
    let status = 502;
    let reply = Buffer.alloc(0);
    let contentType = 'text/plain';
    try {
      const answer = await fetch(this._botUrl, { method, headers, body: ['GET', 'HEAD'].includes(method) ? undefined : (activity ? JSON.stringify(activity) : undefined) });
      status = answer.status;
      reply = Buffer.from(await answer.arrayBuffer());
      contentType = answer.headers.get('content-type') || 'application/octet-stream';
    } catch (e) {
      reply = Buffer.from(`FocusBot at ${this._botUrl} did not answer: ${e.message}`);
    }
    let response = null;
    if (activity && activity.type === 'invoke') {
      try { response = JSON.parse(reply.toString('utf8')); } catch { /* empty or not JSON */ }
      this._record({ action: 'invoke', conversationId: activity.conversation.id, messageId: activity.replyToId,
        by: this.user(activity.from.id), status, response, activity: null });
    }
    if (activity && this._onDelivered) { const done = this._onDelivered; this._onDelivered = null; done(); }
    return { status, reply, contentType, response };
  }

  // Bot -> Teams: the Bot Connector API, answered the way Teams answers it; what the web page can show is passed on
  // to the playground's own connector.
  async _connector(req, res) {
    const body = await readBody(req);
    if (process.env.HARNESS_DEBUG) console.error('connector', req.method, req.url, body.length);
    const pathname = new URL(req.url, 'http://x').pathname.replace(/^\/_connector/, '');
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent); // v3 conversations {id} ...
    const json = (status, value) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(value)); };
    const notFound = (code, message) => json(404, { error: { code, message } });
    const activity = body.length ? JSON.parse(body.toString('utf8')) : null;
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return this._forward(req, res, body);
    const [, , conversationId, what, id, more] = parts;

    // GET v3/conversations/{conv}/members/{id}: a member of the conversation (by Teams id, Entra object id or UPN)
    if (req.method === 'GET' && what === 'members' && id && !more) {
      const members = this._membersOf(conversationId);
      if (!members) return notFound('ConversationNotFound', `Conversation ${conversationId} not found.`);
      const user = members.find((u) => u.id === id || u.aadObjectId === id.toLowerCase() || u.email.toLowerCase() === id.toLowerCase());
      return user ? json(200, this._account(user)) : notFound('MemberNotFoundInConversation', 'The member was not found in the conversation.');
    }
    // GET v3/conversations/{conv}/members and .../pagedmembers: everyone in it
    if (req.method === 'GET' && (what === 'members' || what === 'pagedmembers') && !id) {
      const members = this._membersOf(conversationId);
      if (!members) return notFound('ConversationNotFound', `Conversation ${conversationId} not found.`);
      const accounts = members.map((u) => this._account(u));
      return json(200, what === 'members' ? accounts : { members: accounts });
    }
    // POST v3/conversations: the bot opens a 1:1 chat; Teams answers with the one chat that user has with the bot
    if (req.method === 'POST' && !conversationId) {
      const params = activity || {};
      const members = params.members || [];
      const user = !params.isGroup && members.length === 1 && this.users.find((u) => u.id === members[0].id || u.aadObjectId === String(members[0].id).toLowerCase());
      if (!user) return this._forward(req, res, body);
      const conv = this._personal.get(user.id);
      this._record({ action: 'create', conversationId: conv, to: user, activity: params });
      let activityId;
      if (params.activity) activityId = (await this._postActivity(req, conv, { ...params.activity, conversation: { id: conv } })).id;
      return json(201, { id: conv, activityId, serviceUrl: this.connectorUrl });
    }
    // POST v3/conversations/{conv}/activities[/{replyTo}]: a message
    if (req.method === 'POST' && what === 'activities') {
      const answer = await this._postActivity(req, conversationId, activity, id);
      return json(answer.status, answer.body);
    }
    // PUT v3/conversations/{conv}/activities/{id}: the bot updates one of its messages
    if (req.method === 'PUT' && what === 'activities' && id) {
      const known = this._messages.get(`${conversationId}\n${id}`);
      if (!known) return notFound('ActivityNotFound', `No activity ${id} in ${conversationId}.`);
      let status = 200;
      let answer = { id };
      if (known.playgroundId) ({ status, body: answer } = await this._forwardJson(req, this._playgroundPath(conversationId, `activities/${encodeURIComponent(id)}`), activity));
      if (status < 300) this._record({ action: 'update', conversationId, messageId: id, activity, shown: known.shown });
      return json(status, answer);
    }
    // DELETE: the playground answers 501; Teams would delete. Recorded either way.
    if (req.method === 'DELETE' && what === 'activities' && id) {
      this._record({ action: 'delete', conversationId, messageId: id, activity: null });
      return this._forward(req, res, body);
    }
    return this._forward(req, res, body);
  }

  // A message from the bot: the playground shows the team's conversations and the page user's 1:1 chat; another
  // user's 1:1 chat is theirs alone, so the harness keeps it (and gives it an id, as Teams would).
  async _postActivity(req, conversationId, activity, replyTo) {
    const base = conversationId.split(';')[0];
    const to = this.ownerOf(base);
    const shown = !to || to === this._pageUser;
    if (!to && !this._membersOf(base)) return { status: 404, body: { error: { code: 'ConversationNotFound', message: `Conversation ${conversationId} not found.` } } };
    let status = 201;
    let body;
    let playgroundId = null;
    if (shown) {
      const suffix = replyTo ? `activities/${encodeURIComponent(replyTo)}` : 'activities';
      ({ status, body } = await this._forwardJson(req, this._playgroundPath(conversationId, suffix), activity));
      playgroundId = body && body.id;
    }
    // Teams gives every message an id; the playground splits text and cards into several messages and then answers
    // 202 without one.
    if (status < 300 && !playgroundId) { status = 201; body = { id: `${Date.now()}${String(++this._ids).padStart(4, '0')}` }; }
    if (status < 300) this._record({ action: 'post', conversationId, messageId: body.id, to, activity, shown, playgroundId });
    return { status, body };
  }

  _playgroundPath(conversationId, suffix) {
    const conv = this.ownerOf(conversationId) ? this.config.personalChat.id : conversationId;
    return `/_connector/v3/conversations/${encodeURIComponent(conv)}/${suffix}`;
  }

  async _forwardJson(req, pathname, activity) {
    if (process.env.HARNESS_DEBUG) console.error('forward', req.method, pathname);
    const answer = await fetch(this.url + pathname, {
      method: req.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity),
    });
    const text = await answer.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = { error: { code: 'PlaygroundError', message: text } }; }
    return { status: answer.status, body };
  }

  async _forward(req, res, body) {
    const headers = { ...req.headers };
    delete headers.host; delete headers['content-length']; delete headers.connection;
    const answer = await fetch(this.url + req.url, { method: req.method, headers, body: ['GET', 'HEAD'].includes(req.method) ? undefined : body });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') || 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  // Who Teams would list in a conversation: a 1:1 chat has its user; the team, its channels and the group chat have
  // every configured user. Null: no such conversation.
  _membersOf(conversationId) {
    const base = String(conversationId).split(';')[0];
    const owner = this.ownerOf(base);
    if (owner) return [owner];
    const known = [this.conversations.team, this.conversations.channel, this.conversations.groupChat,
      ...this.config.team.channels.map((c) => c.id)];
    return known.includes(base) ? this.users : null;
  }

  // A member as Teams' connector describes one (TeamsChannelAccount).
  _account(u) {
    return { id: u.id, name: u.name, aadObjectId: u.aadObjectId, email: u.email, userPrincipalName: u.email,
      givenName: u.givenName, surname: u.surname, tenantId: this.config.tenantId, userRole: 'user' };
  }

  _record(entry) {
    entry.seq = this.traffic.length;
    entry.at = new Date().toISOString();
    this.traffic.push(entry);
    if (entry.messageId && entry.conversationId && (entry.action === 'post' || entry.action === 'update')) {
      const key = `${entry.conversationId}\n${entry.messageId}`;
      const known = this._messages.get(key);
      const a = entry.activity || {};
      const message = {
        messageId: entry.messageId,
        conversationId: entry.conversationId,
        to: known ? known.to : entry.to || null,
        shown: known ? known.shown : entry.shown,
        playgroundId: known ? known.playgroundId : entry.playgroundId,
        from: a.from,
        text: a.text,
        attachments: a.attachments || [],
        activity: a,
        versions: [...(known ? known.versions : []), a],
        seq: known ? known.seq : entry.seq,
      };
      this._messages.set(key, message);
    }
    for (const w of [...this._waiters]) w();
  }

  _wait(ms) {
    return new Promise((resolve) => {
      const w = () => { this._waiters = this._waiters.filter((x) => x !== w); resolve(); };
      this._waiters.push(w);
      setTimeout(w, ms);
    });
  }

  /** Whether a message is in `where`: an e-mail (that user's 1:1 chat), 'channel', 'team', 'groupChat' or an id. */
  _isIn(message, where) {
    if (!where) return true;
    const target = this.conversationFor(where);
    const base = message.conversationId.split(';')[0];
    return message.conversationId === target || base === target;
  }

  /**
   * Every message the bot has in a conversation (an e-mail address: that user's own 1:1 chat; 'channel', 'team',
   * 'groupChat' with their threads; a conversation id), each in its latest form, in the order they were posted.
   */
  messagesIn(where) {
    return [...this._messages.values()].filter((m) => this._isIn(m, where)).sort((a, b) => a.seq - b.seq);
  }

  /** What the bot sent to a user in their own 1:1 chat (proactive messages too), oldest first. */
  inbox(who) {
    return this.messagesIn(this.user(typeof who === 'object' ? who.email : who).email);
  }

  /**
   * The bot's messages posted or updated since the last say/click/install (each in its latest form), once the bot
   * has gone quiet for `quietMs`: waits up to `timeout` for at least `atLeast` of them. `where` filters messages;
   * `in` keeps only one conversation (see messagesIn).
   */
  async replies({ timeout = 8000, quietMs = 300, atLeast = 1, where = () => true, in: inWhere } = {}) {
    const pick = () => {
      const keys = [];
      for (const e of this.traffic.slice(this._mark)) {
        if (e.action !== 'post' && e.action !== 'update') continue;
        const key = `${e.conversationId}\n${e.messageId}`;
        if (!keys.includes(key)) keys.push(key);
      }
      return keys.map((k) => this._messages.get(k)).filter((m) => this._isIn(m, inWhere)).filter(where);
    };
    const deadline = Date.now() + timeout;
    let seen = -1;
    let quietSince = Date.now();
    for (;;) {
      const now = Date.now();
      if (this.traffic.length !== seen) { seen = this.traffic.length; quietSince = now; }
      const found = pick();
      if (found.length >= atLeast && now - quietSince >= quietMs) return found;
      if (now > deadline) {
        if (found.length >= atLeast) return found;
        throw new Error(`the bot sent ${found.length} matching message(s) in ${timeout} ms, expected ${atLeast}` +
          `; since the last action it sent: ${JSON.stringify(pick.call(this).map(describe))}`);
      }
      await this._wait(Math.min(quietMs, 50));
    }
  }

  /** The bot's newest message since the last say/click (see replies for the options). */
  async lastReply(options) {
    return (await this.replies(options)).at(-1);
  }

  /**
   * The bot's newest Adaptive Card since the last say/click: { messageId, conversationId, content (the card JSON),
   * text, message }. A card the bot has since updated is returned in its updated form.
   */
  async lastCard(options = {}) {
    const where = options.where || (() => true);
    const cards = await this.replies({ ...options, where: (m) => !!cardOf(m) && where(m) });
    return asCard(cards.at(-1));
  }

  /**
   * Waits for a card in a conversation (see messagesIn for `in`) that `where` accepts (given the card object), posted
   * or updated at any time: { messageId, conversationId, content, text, message }.
   */
  async waitForCard({ in: inWhere, where = () => true, timeout = 8000 } = {}) {
    return asCard(await this.waitForMessage({ in: inWhere, where: (m) => !!cardOf(m) && where(asCard(m)), timeout }));
  }

  /** Waits for a message in a conversation (see messagesIn) that `where` accepts, posted or updated at any time. */
  async waitForMessage({ in: inWhere, where = () => true, timeout = 8000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = this.messagesIn(inWhere).filter(where);
      if (found.length) return found.at(-1);
      if (Date.now() > deadline) {
        throw new Error(`no matching message in ${inWhere || 'any conversation'} within ${timeout} ms; there: ` +
          JSON.stringify(this.messagesIn(inWhere).map(describe)));
      }
      await this._wait(100);
    }
  }

  /**
   * Clicks the card's action titled `title` (a string, matched ignoring case, or a RegExp) as a user would in Teams,
   * with `inputs` as typed into the card's inputs. Action.Execute reaches the bot as an `adaptiveCard/action` invoke
   * (resolves with the bot's invoke response); Action.Submit as a message whose value is data + inputs. Only the
   * user of a 1:1 chat can click in it.
   */
  async clickAction(card, title, inputs = {}, { as } = {}) {
    const user = this._who(as);
    const action = findAction(card.content || card, title);
    if (!action) throw new Error(`no action '${title}' on the card; it has: ${actionTitles(card.content || card).join(', ')}`);
    const message = this._messages.get(`${card.conversationId}\n${card.messageId}`);
    // Teams sends every input of the card with what it holds (its `value` until the user changes it), as text.
    inputs = { ...inputValues(card.content || card), ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])) };
    if (action.type !== 'Action.Execute' && action.type !== 'Action.Submit') {
      throw new Error(`'${action.title}' is an ${action.type}, which the bot never sees (Teams handles it in the card)`);
    }
    const value = action.type === 'Action.Execute'
      ? { action: { type: 'Action.Execute', verb: action.verb, data: { ...(action.data || {}), ...inputs } } }
      : { ...(action.data || {}), ...inputs };
    const owner = this.ownerOf(card.conversationId);
    if (owner && owner !== user) throw new Error(`${card.conversationId} is ${owner.email}'s 1:1 chat with the bot; ${user.email} cannot click in it`);
    if (!message || !message.playgroundId) {
      // A message the playground does not hold (another user's 1:1 chat): the harness sends what Teams would.
      if (!owner) throw new Error(`message ${card.messageId} in ${card.conversationId} is not one the playground shows`);
      return this._actAs(user, () => this._clickDirect(user, card, action, value));
    }
    const conversation = { id: this._playgroundConversation(card.conversationId, user) };
    const me = { id: this.config.currentUser.id };
    const replyToId = message.playgroundId;
    if (action.type === 'Action.Execute') {
      return this._actAs(user, async () => {
        const res = await this._post('/_conversation/v1/invoke', { name: 'adaptiveCard/action', conversation, from: me, replyToId, value });
        if (res.status !== 200) throw new Error(`the invoke for '${action.title}' failed: ${res.status} ${res.text}`);
        return res.json;
      });
    }
    return this._actAs(user, async () => {
      const res = await this._post('/_conversation/v1/submit', { conversation, from: me, replyToId, value });
      if (res.status !== 200) throw new Error(`the submit for '${action.title}' failed: ${res.status} ${res.text}`);
      return res.json;
    });
  }

  // A click in a user's own 1:1 chat, sent to the bot as Teams (and the playground) shape it: an adaptiveCard/action
  // invoke for Action.Execute, a message with `value` for Action.Submit. Resolves with the invoke response body.
  async _clickDirect(user, card, action, value) {
    const now = new Date();
    const activity = {
      type: action.type === 'Action.Execute' ? 'invoke' : 'message',
      id: crypto.randomUUID(),
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      timestamp: now.toISOString(),
      localTimestamp: now.toISOString().replace('Z', '+00:00'),
      localTimezone: 'UTC',
      serviceUrl: this.connectorUrl,
      conversation: { conversationType: 'personal', tenantId: this.config.tenantId, id: card.conversationId },
      recipient: { id: this.bot.id, name: this.bot.name },
      locale: this.localeOf(user),
      entities: [{ type: 'clientInfo', locale: this.localeOf(user), country: 'US', platform: 'Web', timezone: 'UTC' }],
      channelData: { source: { name: 'message' }, tenant: { id: this.config.tenantId } },
      replyToId: card.messageId,
      value,
      channelId: 'msteams',
    };
    if (activity.type === 'invoke') activity.name = 'adaptiveCard/action';
    const { status, response } = await this._deliver(activity);
    if (status >= 300) throw new Error(`the bot answered ${status} to '${action.title}'`);
    return activity.type === 'invoke' ? response : null;
  }

  /**
   * Installs the app where a user is ('personal': their own 1:1 chat, 'team', 'groupChat'): the bot receives
   * installationUpdate and conversationUpdate (membersAdded), as from Teams.
   */
  async install(where = 'personal', { as } = {}) {
    const user = this._who(as);
    const conversation = this._playgroundConversation(this.conversationFor(where, user), user);
    return this._actAs(user, async () => {
      const res = await this._post(`/_debug/conversation/${encodeURIComponent(conversation)}/installation`, {});
      if (res.status >= 300) throw new Error(`installation in ${conversation} failed: ${res.status} ${res.text}`);
      return res.json;
    });
  }

  /**
   * Sends an activity to the bot as Teams would, for what the playground cannot do itself: a redelivered activity
   * (pass one of `received` again), a second submit of the same form, or a Teams event such as a channel deleted
   * (`conversationUpdate` with `channelData.eventType`). Missing fields are filled as Teams fills them (`from` is the
   * acting user, or `as`). Resolves with { status, response } (for an invoke, the bot's answer).
   */
  async send(activity, { as } = {}) {
    const user = this._who(as);
    const now = new Date().toISOString();
    const full = {
      id: crypto.randomUUID(), timestamp: now, localTimestamp: now.replace('Z', '+00:00'), locale: this.localeOf(user),
      channelId: 'msteams', serviceUrl: this.connectorUrl, recipient: { id: this.bot.id, name: this.bot.name },
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      ...activity,
      channelData: { tenant: { id: this.config.tenantId }, ...(activity.channelData || {}) },
    };
    this._mark = this.traffic.length;
    const { status, response } = await this._deliver(full);
    return { status, response };
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
    forget(this._workDir);
  }
}

// Puts a Teams client's locale into an activity, where Teams puts it: `locale` and the clientInfo entity.
function withLocale(activity, locale) {
  activity.locale = locale;
  const entities = Array.isArray(activity.entities) ? activity.entities : [];
  const info = entities.find((e) => e && e.type === 'clientInfo');
  if (info) info.locale = locale;
  else entities.push({ type: 'clientInfo', locale });
  activity.entities = entities;
  return activity;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The values a card's inputs hold before anyone types: { id: value as text }, as Teams would send them. */
function inputValues(card) {
  const values = {};
  const visit = (n) => {
    if (Array.isArray(n)) { n.forEach(visit); return; }
    if (!n || typeof n !== 'object') return;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id) {
      if (n.type === 'Input.Toggle') values[n.id] = n.value === undefined ? (n.valueOff || 'false') : String(n.value);
      else if (n.value !== undefined && n.value !== null) values[n.id] = String(n.value);
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'actions' && v && typeof v === 'object') visit(v);
  };
  visit(card.body || []);
  return values;
}

function asCard(m) {
  return m && { messageId: m.messageId, conversationId: m.conversationId, content: cardOf(m), text: m.text, message: m };
}

// A message in one line, for error messages.
function describe(m) {
  const card = cardOf(m);
  const first = card && (card.body || []).map(textsOf).flat()[0];
  return `${m.conversationId}: ${m.text || ''}${card ? ` [card: ${first || '?'}]` : ''}`;
}

/** Every text a card shows (TextBlocks, RichTextBlock runs, FactSet titles and values), depth first. */
function textsOf(node) {
  const found = [];
  const visit = (n) => {
    if (Array.isArray(n)) { n.forEach(visit); return; }
    if (!n || typeof n !== 'object') return;
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') found.push(n.text);
    if (n.type === 'FactSet') for (const f of n.facts || []) found.push(`${f.title} ${f.value}`);
    for (const [k, v] of Object.entries(n)) if (k !== 'actions' && v && typeof v === 'object') visit(v);
  };
  visit(node);
  return found;
}

/** A card's visible text in one string (see textsOf). */
const cardText = (card) => textsOf(card && (card.content || card)).join('\n');


function cardOf(message) {
  const a = (message.attachments || []).find((x) => x.contentType === ADAPTIVE_CARD);
  return a ? (typeof a.content === 'string' ? JSON.parse(a.content) : a.content) : null;
}

/** Every action in a card (actions, selectActions, ShowCard cards; not fallbacks), depth first in document order. */
function cardActions(card) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) found.push(node);
    // A fallback is what a client without Action.Execute shows instead; Teams shows the action itself.
    for (const [key, value] of Object.entries(node)) if (key !== 'fallback' && value && typeof value === 'object') visit(value);
  };
  visit(card);
  return found;
}

function findAction(card, title) {
  const matches = (t) => (title instanceof RegExp ? title.test(t || '') : (t || '').toLowerCase() === String(title).toLowerCase());
  return cardActions(card).find((a) => matches(a.title)) || null;
}

const actionTitles = (card) => cardActions(card).map((a) => a.title);

module.exports = { startPlayground, playgroundConfig, findAction, cardActions, cardOf, cardText, textsOf, DEFAULT_BOT_URL, ADAPTIVE_CARD };
