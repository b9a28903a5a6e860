'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { startPlayground, playgroundConfig } = require('../playground');
const { startStandInBot } = require('./stand-in-bot');

const roster = require(path.resolve(__dirname, '../../../samples/roster.json'));

test('the playground users are the roster members of the first table, with their e-mail addresses', () => {
  const config = playgroundConfig();
  const users = [config.currentUser, ...config.users];
  const demo = roster.members.filter((m) => m.tables.includes('demo')).map((m) => m.email);

  assert.deepEqual(users.map((u) => u.email), demo);
  assert.equal(new Set(users.map((u) => u.name)).size, 6);
  assert.ok(users.every((u) => u.userPrincipleName === u.email && /^[0-9a-f-]{36}$/.test(u.aadObjectId)));
});

test('a table with fewer members is padded with outsiders, who are not on the roster', () => {
  const config = playgroundConfig({ table: 'lakeside' });
  const users = [config.currentUser, ...config.users];

  assert.deepEqual(users.map((u) => u.email).slice(0, 3),
    ['rep.lakeside@youthlink.example', 'admin@city.example', 'visitor1@outside.example']);
  assert.equal(users.length, 6);
  assert.deepEqual(users.map((u) => u.onRoster), [true, true, false, false, false, false]);
});

test('more than six users are refused (the playground holds six)', () => {
  assert.throws(() => playgroundConfig({ emails: roster.members.map((m) => m.email) }), /holds 6 users; 7 given/);
});

let bot;
let pg;
before(async () => {
  bot = await startStandInBot();
  pg = await startPlayground({ botUrl: bot.url });
});
after(async () => {
  if (pg) await pg.stop();
  if (bot) await bot.stop();
});

test('a roster member says help in the personal chat and the reply arrives through the playground', async () => {
  const { as, lastReply, lastCard } = pg;

  await as('rep.demo@northside-mh.example').say('help');

  const reply = await lastReply({ where: (m) => !!m.text });
  assert.equal(reply.text, 'Priya Raman said: help');
  const card = await lastCard();
  assert.equal(card.conversationId, pg.personalChatOf('rep.demo@northside-mh.example')); // her own 1:1 chat
  assert.notEqual(card.conversationId, pg.conversations.personal); // not the page user's
  assert.equal(card.content.body[0].text, 'DM-2026-0001 · Demo Table');
  const activity = bot.received.at(-1);
  assert.equal(activity.from.id, pg.user('rep.demo@northside-mh.example').id);
  assert.equal(activity.conversation.id, pg.personalChatOf('rep.demo@northside-mh.example'));
  assert.equal(activity.serviceUrl, pg.connectorUrl);
  assert.equal(activity.channelId, 'msteams');
  assert.equal(activity.conversation.conversationType, 'personal');
});

test('clicking Action.Execute reaches the bot as an adaptiveCard/action invoke from the user who clicked', async () => {
  const { as, lastCard, clickAction } = pg;
  await as('rep.demo@harbour-housing.example').say('open situations');
  const card = await lastCard();

  const response = await clickAction(card, 'Accept as lead');

  assert.equal(response.value, 'Grace Nakamura chose acceptLead');
  const invoke = bot.received.at(-1);
  assert.equal(invoke.type, 'invoke');
  assert.deepEqual(invoke.value.action.data, { situation: 'DM-2026-0001' });
});

test('clicking Action.Submit reaches the bot as a message with the action data and the inputs', async () => {
  const { as, lastCard } = pg;
  await as('officer.demo@tps99.example').say('my situations');
  const card = await lastCard();
  await assert.rejects(as('chair.demo@city.example').click(card, 'decline'), /officer\.demo@tps99\.example's 1:1 chat/);

  await as('officer.demo@tps99.example').click(card, 'decline', { reason: 'not ours' });

  const submit = bot.received.at(-1);
  assert.equal(submit.type, 'message');
  assert.equal(submit.from.name, 'Marcus Oyelaran');
  assert.deepEqual(submit.value, { verb: 'decline', situation: 'DM-2026-0001', reason: 'not ours' });
});

test('in the table channel the bot is @mentioned and answers in the thread', async () => {
  const { as, lastReply } = pg;

  await as('chair.demo@city.example').say('agenda', { in: 'channel' });

  const reply = await lastReply({ where: (m) => !!m.text });
  assert.equal(reply.text, 'Dana Whitfield said: agenda');
  assert.match(reply.conversationId, /^channel-demo;messageid=/);
  const activity = bot.received.filter((a) => a.type === 'message').at(-1);
  assert.equal(activity.conversation.conversationType, 'channel');
  assert.equal(activity.entities.find((e) => e.type === 'mention').mentioned.id, pg.bot.id);
});

test('installing the app in the team tells the bot, as the installing user', async () => {
  const before = bot.received.length;

  await pg.as('admin@city.example').install('team');

  const installed = bot.received.slice(before).find((a) => a.type === 'installationUpdate' || a.type === 'conversationUpdate');
  assert.ok(installed, 'no installationUpdate or conversationUpdate reached the bot');
  assert.equal(installed.from.id, pg.user('admin@city.example').id);
});

test('member look-ups are answered as Teams would: everyone in the team, only its user in a 1:1 chat', async () => {
  const priya = pg.user('rep.demo@northside-mh.example');
  const dana = pg.user('chair.demo@city.example');
  const get = async (conversation, member) => {
    const res = await fetch(`${pg.connectorUrl}/v3/conversations/${encodeURIComponent(conversation)}/members/${encodeURIComponent(member)}`);
    return { status: res.status, body: await res.json() };
  };

  const own = await get(pg.personalChatOf(priya.email), priya.id);
  assert.equal(own.status, 200);
  assert.equal(own.body.email, 'rep.demo@northside-mh.example');
  assert.equal(own.body.aadObjectId, priya.aadObjectId);
  assert.equal((await get(pg.personalChatOf(priya.email), dana.id)).status, 404);
  assert.equal((await get(pg.conversations.team, priya.aadObjectId)).body.name, 'Priya Raman');
  assert.equal((await get(`${pg.conversations.channel};messageid=1`, dana.id)).body.email, 'chair.demo@city.example');
  assert.equal((await get('no-such-conversation', dana.id)).status, 404);
});

test("the bot opens a 1:1 chat with a member: Teams' one chat of that user, and what it posts there is in their inbox", async () => {
  const grace = pg.user('rep.demo@harbour-housing.example');
  const post = (pathname, body) => fetch(`${pg.connectorUrl}${pathname}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

  const created = await post('/v3/conversations', { isGroup: false, bot: pg.bot, members: [{ id: grace.aadObjectId }], tenantId: pg.config.tenantId });
  assert.equal(created.id, pg.personalChatOf(grace.email));
  const sent = await post(`/v3/conversations/${encodeURIComponent(created.id)}/activities`, { type: 'message', text: 'A card for you' });

  const inbox = pg.inbox(grace.email);
  assert.equal(inbox.at(-1).messageId, sent.id);
  assert.equal(inbox.at(-1).text, 'A card for you');
  assert.equal(inbox.at(-1).shown, false); // the playground's page shows only its own user's chat
});
