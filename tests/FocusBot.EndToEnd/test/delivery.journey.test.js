// Issue 9's journey against the real bot, through the Agents Playground: what Teams really does to deliveries. A
// co-chair double-clicks "Record situation" (Teams redelivers the same invoke; a slow phone submits the form twice)
// and gets one situation, one card per recipient; the table's channel is deleted, and the next recording tells the
// co-chairs once how to link again and sends nothing to that channel.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { cardText, cardOf, findAction } = require('../playground');
const { PEOPLE, SITUATION, SITUATION_ID, cannotRun, startJourneys, linkChannel, recordSituation, cardAbout, textOf } = require('../journeys');

const skip = cannotRun();
let j;
let pg;
before(async () => { if (!skip) { j = await startJourneys('delivery'); pg = j.pg; await linkChannel(pg); } });
after(async () => { if (j) await j.stop(); });

const options = { skip: skip || false, timeout: 60000 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const REPS = [PEOPLE.lead, PEOPLE.lead2, PEOPLE.assisting]; // the reps of the lead and the assisting agency

/** Every situation id the bot has posted anywhere. */
const situationsSeen = () => new Set(pg.traffic.filter((t) => t.action === 'post' && t.activity)
  .map((t) => SITUATION_ID.exec(textOf({ ...t.activity, attachments: t.activity.attachments })))
  .filter(Boolean).map((m) => m[1]));

/** How many messages about situation `id` the bot has in a conversation ('channel' or an e-mail). */
const cardsAbout = (id, where) => pg.messagesIn(where).filter((m) => textOf(m).includes(id)).length;

/** Waits until every rep and the channel have their card about `id`, then until the dispatcher has been quiet. */
async function deliveredTo(id) {
  await cardAbout(pg, id, 'channel', { timeout: 15000 });
  for (const rep of REPS) await cardAbout(pg, id, rep, { timeout: 15000 });
  await sleep(1500); // anything sent twice would be sent by now: the outbox dispatches as soon as it is signalled
  await pg.replies({ atLeast: 0, quietMs: 500 });
}

/** The invoke the bot last received for "Record situation". */
const lastRecordInvoke = () => [...pg.received].reverse().find((a) => a.type === 'invoke' && a.value && a.value.action && a.value.action.verb && /record/i.test(a.value.action.verb));

test('the same "Record situation" invoke delivered twice: one situation, one card per rep and in the channel', options, async () => {
  const before = situationsSeen().size;
  const { id, recorded } = await recordSituation(pg);
  const invoke = lastRecordInvoke();
  assert.ok(invoke, 'the record invoke reached the bot');

  const again = await pg.send(JSON.parse(JSON.stringify(invoke))); // Teams redelivers: the same activity, same id

  assert.equal(again.status, 200);
  assert.equal(SITUATION_ID.exec(cardText(again.response.value))[1], id, cardText(again.response.value));
  assert.match(cardText(again.response.value), new RegExp(recorded.split('\n')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await deliveredTo(id);
  assert.equal(situationsSeen().size, before + 1, [...situationsSeen()].join(', '));
  assert.equal(cardsAbout(id, 'channel'), 1);
  for (const rep of REPS) assert.equal(cardsAbout(id, rep), 1, rep);
});

/**
 * Opens a new form, clicks "Record situation" through the playground and sends the same form again `gapMs` after the
 * bot received the first (as a new activity, as a second tap does); returns the situation ids the two answers name.
 */
async function submitTwice(gapMs, summary) {
  await pg.as(PEOPLE.chair).say('new situation', { in: 'channel' });
  const form = await pg.lastCard({ where: (m) => !!findAction(cardOf(m), 'Record situation') });
  const received = pg.received.length;
  const first = pg.clickAction(form, 'Record situation', { ...SITUATION, summary });
  let invoke;
  while (!(invoke = pg.received.slice(received).find((a) => a.type === 'invoke'))) await sleep(5);
  if (gapMs > 0) await sleep(gapMs);
  const second = await pg.send({ ...JSON.parse(JSON.stringify(invoke)), id: `${invoke.id}-again` });
  const firstResponse = await first;
  return [firstResponse.value, second.response.value].map((card) => (SITUATION_ID.exec(cardText(card)) || [])[1]);
}

for (const [gapMs, what, summary] of [
  [300, 'two submits of the same form 300 ms apart (a slow phone)', 'Second referral; shelter stay ending.'],
  [0, 'a double click: the second submit while the first is still being handled', 'Third referral; eviction hearing next week.'],
]) {
  test(`${what}: one situation, one card per rep and in the channel`, options, async () => {
    const before = situationsSeen();

    const ids = await submitTwice(gapMs, summary);

    assert.ok(ids[0], 'the first answer names the situation');
    assert.deepEqual(ids, [ids[0], ids[0]], 'both answers name the same situation');
    assert.ok(!before.has(ids[0]));
    await deliveredTo(ids[0]);
    assert.equal(situationsSeen().size, before.size + 1, [...situationsSeen()].join(', '));
    assert.equal(cardsAbout(ids[0], 'channel'), 1);
    for (const rep of REPS) assert.equal(cardsAbout(ids[0], rep), 1, rep);
  });
}

test('the channel is deleted, then a recording: the co-chairs are told once how to link again, nothing goes to the channel', options, async () => {
  const channel = pg.conversations.channel;
  const toChannel = () => pg.traffic.filter((t) => t.action !== 'invoke' && t.conversationId && t.conversationId.split(';')[0] === channel).length;
  const channelBefore = toChannel();
  const linkAgain = (who) => pg.inbox(who).filter((m) => /link demo/.test(textOf(m)) && /deleted/.test(textOf(m))).length;

  const event = await pg.send({
    type: 'conversationUpdate',
    conversation: { id: pg.conversations.team, conversationType: 'channel', isGroup: true, tenantId: pg.config.tenantId },
    channelData: {
      eventType: 'channelDeleted', channel: { id: channel, name: 'Demo Table' },
      team: { id: pg.conversations.team, name: pg.config.team.name, aadGroupId: pg.config.team.aadGroupId },
    },
  }, { as: PEOPLE.chair });
  assert.equal(event.status < 300, true, `the bot answered ${event.status}`);
  await pg.waitForMessage({ in: PEOPLE.chair, where: (m) => /link demo/.test(textOf(m)), timeout: 15000 });

  await pg.as(PEOPLE.chair).install('personal');
  const { id, recorded } = await recordSituation(pg, { in: 'personal' });
  // The confirmation, drawn before any send, already says the channel gets no copy (the channel is known to be gone).
  assert.match(recorded, /Channel copy/, recorded);
  assert.match(recorded, /not posted/, recorded);
  assert.doesNotMatch(recorded, /Channel copy\W+on its way/, recorded);
  for (const rep of REPS) await cardAbout(pg, id, rep, { timeout: 15000 });
  await sleep(1500);
  await pg.replies({ atLeast: 0, quietMs: 500 });

  assert.equal(toChannel(), channelBefore, 'nothing is posted or updated in the deleted channel');
  assert.equal(linkAgain(PEOPLE.chair), 1, pg.inbox(PEOPLE.chair).map(textOf).join('\n---\n'));
  assert.match(pg.inbox(PEOPLE.chair).map(textOf).join('\n'), /@FocusBot \*\*link demo\*\*/);
  for (const rep of REPS) assert.equal(cardsAbout(id, rep), 1, rep);
});
