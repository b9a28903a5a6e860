// Issue 3's journey against the real bot, through the Agents Playground: welcome, link the channel, record a
// situation, the lead rep accepts, the channel card shows it, another agency's rep cannot accept.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { cardText, cardActions, cardOf, findAction } = require('../playground');
const { PEOPLE, cannotRun, startJourneys, linkChannel, recordSituation, cardAbout, textOf } = require('../journeys');

const skip = cannotRun();
let j;
let pg;
before(async () => { if (!skip) { j = await startJourneys('assignment'); pg = j.pg; } });
after(async () => { if (j) await j.stop(); });

const options = { skip: skip || false, timeout: 60000 };
const situation = {}; // filled as the journey goes

test('a co-chair installs FocusBot and is welcomed by name and role', options, async () => {
  await pg.as(PEOPLE.chair).install('personal');

  const welcome = await pg.lastCard({ in: PEOPLE.chair });
  assert.match(cardText(welcome), /Welcome to FocusBot, Dana Whitfield/);
  assert.match(cardText(welcome), /Role Co-chair/);
  assert.match(cardText(welcome), /Agency City Community Safety/);
});

test('a rep installs FocusBot in their own 1:1 chat and is welcomed as an agency representative', options, async () => {
  await pg.as(PEOPLE.lead).install('personal');

  const welcome = await pg.lastCard();
  assert.equal(welcome.conversationId, pg.personalChatOf(PEOPLE.lead));
  assert.match(cardText(welcome), /Welcome to FocusBot, Priya Raman/);
  assert.match(cardText(welcome), /Role Agency representative/);
  assert.match(cardText(welcome), /Agency Northside Mental Health/);
});

test('someone on no roster is refused', options, async () => {
  await pg.as(PEOPLE.outsider).install('personal');

  const reply = await pg.lastReply();
  assert.equal(reply.conversationId, pg.personalChatOf(PEOPLE.outsider));
  assert.match(textOf(reply), /not on a FOCUS roster/);
  await pg.as(PEOPLE.outsider).say('new situation');
  assert.match(textOf(await pg.lastReply()), /not on a FOCUS roster/);
});

test('a co-chair links the team channel to the table', options, async () => {
  const reply = await linkChannel(pg);

  assert.equal(reply.conversationId.split(';')[0], pg.conversations.channel);
  assert.match(textOf(reply), /now the \*\*Demo Table\*\* channel/);
});

test('the assisting rep, who has only written in the channel, says help there', options, async () => {
  await pg.as(PEOPLE.assisting).say('help', { in: 'channel' });

  assert.match(textOf(await pg.lastReply()), /Harbour Housing Services/);
  assert.equal(pg.inbox(PEOPLE.assisting).length, 0);
});

test('a co-chair records a situation from the new-situation form in the channel', options, async () => {
  await pg.as(PEOPLE.chair).say('new situation', { in: 'channel' });
  // The form is the card with "Record situation" (lastCard waits for it and fails without it).
  const form = await pg.lastCard({ where: (m) => !!findAction(cardOf(m), 'Record situation') });

  // An empty form is refused with the problems named, and nothing is recorded.
  const refused = await pg.clickAction(form, 'Record situation');
  assert.match(cardText(refused.value), /Please fix \d+ fields?/);
  assert.equal(pg.messagesIn('channel').filter((m) => /Situation [A-Z]+-\d{4}-\d{4}/.test(textOf(m))).length, 0);

  const { id, recorded } = await recordSituation(pg);
  situation.id = id;
  assert.match(id, new RegExp(`^DM-${new Date().getFullYear()}-\\d{4}$`));
  assert.match(recorded, /Lead agency Northside Mental Health/);
});

test('the channel gets the de-identified card, waiting for the lead agency', options, async () => {
  const card = await cardAbout(pg, situation.id, 'channel');

  assert.equal(card.conversationId, pg.conversations.channel); // a new post in the channel, not in the thread
  assert.match(cardText(card), /Waiting for the lead agency to accept/);
  assert.doesNotMatch(cardText(card), /crisis calls/); // the summary stays out of the channel
  situation.channelMessageId = card.messageId;
});

test('the lead rep receives the personal card with Accept as lead', options, async () => {
  const card = await cardAbout(pg, situation.id, PEOPLE.lead);

  assert.equal(card.conversationId, pg.personalChatOf(PEOPLE.lead));
  assert.deepEqual(cardActions(card.content).filter((a) => /^Accept/.test(a.title)).map((a) => a.title), ['Accept as lead']);
});

test('reps never seen in a 1:1 chat get their card in a chat the bot opened', options, async () => {
  // The assisting rep wrote only in the channel; the second lead rep never wrote at all: the bot finds her in the
  // team by e-mail (UPN), as Teams allows, and opens her chat.
  // The cards leave through the outbox, after the recording's answer: wait for them before counting chats.
  const card = await cardAbout(pg, situation.id, PEOPLE.assisting);
  assert.ok(cardActions(card.content).some((a) => a.title === 'Accept as assisting'));
  const lead2 = await cardAbout(pg, situation.id, PEOPLE.lead2);
  assert.ok(cardActions(lead2.content).some((a) => a.title === 'Accept as lead'));
  // Only the reps' chats: on the day before the meeting the bot also tries to open co-chairs' chats for the digest.
  const reps = [PEOPLE.lead, PEOPLE.lead2, PEOPLE.assisting];
  const created = pg.traffic.filter((t) => t.action === 'create' && reps.includes(t.to.email));
  assert.deepEqual([...new Set(created.map((t) => t.to.email))].sort(), [PEOPLE.assisting, PEOPLE.lead2].sort());
});

test("another agency's rep cannot accept as lead: a refusal card, and nothing changes", options, async () => {
  const leadCard = await cardAbout(pg, situation.id, PEOPLE.lead);
  const ownCard = await cardAbout(pg, situation.id, PEOPLE.assisting);
  const updatesBefore = pg.traffic.filter((t) => t.action === 'update').length;

  // The lead's button, replayed from the Harbour Housing rep's own chat: Teams would send exactly this invoke.
  const response = await pg.as(PEOPLE.assisting).click({ ...ownCard, content: leadCard.content }, 'Accept as lead');

  assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
  assert.doesNotMatch(cardText(response.value), /You accepted/);
  assert.match(cardText(response.value), /Acceptance not recorded\nOnly a representative of .+ at this table can answer for it\./);
  await pg.replies({ atLeast: 0 });
  assert.equal(pg.traffic.filter((t) => t.action === 'update').length, updatesBefore);
  const channel = await cardAbout(pg, situation.id, 'channel');
  assert.match(cardText(channel), /Waiting for the lead agency to accept/);
});

test("the refusal names the agency as people know it, not by its roster id", options, async () => {
  const leadCard = await cardAbout(pg, situation.id, PEOPLE.lead);
  const ownCard = await cardAbout(pg, situation.id, PEOPLE.assisting);
  const response = await pg.as(PEOPLE.assisting).click({ ...ownCard, content: leadCard.content }, 'Accept as lead');
  assert.match(cardText(response.value), /Only a representative of Northside Mental Health/);
});

test('the lead rep accepts and is told when the 48-hour update is due, in Toronto time', options, async () => {
  const card = await cardAbout(pg, situation.id, PEOPLE.lead);
  const clicked = Date.now();

  const response = await pg.as(PEOPLE.lead).click(card, 'Accept as lead');

  assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
  // Times are written with no-break spaces so that they never wrap on a phone.
  const confirmation = cardText(response.value).replace(/[\u00a0\u202f]/g, ' ');
  assert.match(confirmation, new RegExp(`You accepted ${situation.id} as lead for Northside Mental Health`));
  const due = /due (\w+) (\d{1,2}) (\w+) (\d{4}), (\d{1,2}):(\d{2}) ([ap])\.m\. \(Toronto time\)/.exec(confirmation);
  assert.ok(due, confirmation);
  const expected = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Toronto', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric',
    minute: '2-digit', hour12: false,
  }).formatToParts(new Date(clicked + 48 * 3600 * 1000)).map((p) => [p.type, p.value]));
  assert.deepEqual([due[1], due[2], due[3], due[4]], [expected.weekday, expected.day, expected.month, expected.year]);
  const minutes = ((Number(due[5]) % 12) + (due[7] === 'p' ? 12 : 0)) * 60 + Number(due[6]);
  const expectedMinutes = (Number(expected.hour) % 24) * 60 + Number(expected.minute);
  assert.ok(Math.abs(minutes - expectedMinutes) <= 2, `due ${due[5]}:${due[6]} ${due[7]}.m., expected about ${expected.hour}:${expected.minute}`);
});

test('the channel card is updated in place: the lead accepted', options, async () => {
  const card = await pg.waitForCard({ in: 'channel', where: (c) => c.messageId === situation.channelMessageId && /lead accepted/.test(cardText(c)) });

  assert.match(cardText(card), /Active: lead accepted by Northside Mental Health/);
  assert.match(cardText(card), /Lead agency Northside Mental Health \(accepted\)/);
  assert.ok(pg.traffic.some((t) => t.action === 'update' && t.messageId === situation.channelMessageId));
});

test("the lead rep's and the assisting rep's personal cards are updated too", options, async () => {
  for (const who of [PEOPLE.lead, PEOPLE.assisting]) {
    const card = await pg.waitForCard({ in: who, where: (c) => cardText(c).includes(situation.id) && /lead accepted/.test(cardText(c)) });
    assert.equal(card.message.versions.length >= 2, true, who);
  }
});

test('every card the bot sent in this journey (posted, updated, answered to a click) is a clean Adaptive Card 1.5', options, () => {
  const { cardProblems } = require('../check-cards');
  const cards = [];
  for (const t of pg.traffic) {
    for (const a of (t.activity && t.activity.attachments) || []) if (a.contentType === 'application/vnd.microsoft.card.adaptive') cards.push(a.content);
    if (t.action === 'invoke' && t.response && t.response.type === 'application/vnd.microsoft.card.adaptive') cards.push(t.response.value);
  }

  assert.ok(cards.length >= 10, `only ${cards.length} cards`);
  const problems = cards.map((c) => [cardText(c).split('\n')[0], cardProblems(c)]).filter(([, p]) => p.length);
  assert.deepEqual(problems, []);
});
