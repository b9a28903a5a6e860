// Issue 14's journey against the real bot, through the Agents Playground: a francophone rep, whose Teams is in French
// (every activity from her carries locale fr-CA, as Teams sends it), is welcomed in French, gets her assignment card in
// French, accepts as lead and posts the 48-hour update in French, and types French commands (aide, situations
// ouvertes, langue english); the co-chair and the table's channel keep reading English. The cards she got are drawn at
// a phone's width in artifacts/french-journey/.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { cardText, cardActions } = require('../playground');
const { ARTIFACTS, PEOPLE, cannotRun, startJourneys, linkChannel, recordSituation, textOf } = require('../journeys');
const { openCardRenderer, CHROMIUM } = require('../render-cards');

const skip = cannotRun();
const OUT = path.join(ARTIFACTS, 'french-journey');
const rep = PEOPLE.lead; // Priya Raman, Northside Mental Health: the lead agency
let j;
let pg;
let id;
const shots = []; // [file name, card JSON]: what the journey saw, drawn at the end

before(async () => {
  if (skip) return;
  j = await startJourneys('french', { locales: { [rep]: 'fr-CA' } });
  pg = j.pg;
  await pg.as(PEOPLE.chair).install('personal');
  await linkChannel(pg);
});
after(async () => { if (j) await j.stop(); });

const options = { skip: skip || false, timeout: 60000 };
const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ');
const titles = (card) => cardActions(card.content || card).map((a) => a.title);
const aboutId = (c) => cardText(c).includes(`Situation ${id}`);

/** Says `text` as the French rep in her own chat: the text of everything the bot answered, and its last card. */
async function repSays(text) {
  await pg.as(rep).say(text);
  const replies = await pg.replies();
  const withCard = replies.filter((m) => m.attachments && m.attachments.length).at(-1);
  return { text: plain(replies.map(textOf).join('\n')), card: withCard && withCard.attachments[0].content, message: withCard };
}

test('a rep whose Teams is in French is welcomed in French', options, async () => {
  await pg.as(rep).install('personal');

  const welcome = await pg.lastCard({ in: rep });
  assert.equal(pg.received.at(-1).locale, 'fr-CA');
  assert.match(cardText(welcome), /Bienvenue dans FocusBot, Priya Raman/);
  assert.match(cardText(welcome), /Northside Mental Health/);
  assert.doesNotMatch(cardText(welcome), /Welcome to FocusBot|What FocusBot can do/);
  shots.push(['1-welcome.fr-CA.png', welcome.content]);
});

test('an English co-chair records a situation: the French rep gets her card in French, the channel in English', options, async () => {
  ({ id } = await recordSituation(pg));

  const card = await pg.waitForCard({ in: rep, where: aboutId });
  assert.ok(titles(card).includes('Accepter comme responsable'), titles(card).join(', '));
  assert.ok(!titles(card).some((t) => /^Accept /.test(t)), titles(card).join(', '));
  assert.match(cardText(card), /En attente/);
  assert.match(cardText(card), /Santé mentale/); // the risk factors, in the catalogue's French
  shots.push(['2-assignment.fr-CA.png', card.content]);

  const channel = await pg.waitForCard({ in: 'channel', where: (c) => aboutId(c) && c.conversationId === pg.conversations.channel });
  assert.match(cardText(channel), /Waiting for the lead agency to accept/);
  assert.doesNotMatch(cardText(channel), /En attente|Santé mentale/);
  const assisting = await pg.waitForCard({ in: PEOPLE.assisting, where: aboutId });
  assert.ok(titles(assisting).includes('Accept as assisting'), 'the English rep reads English');
});

test('she accepts as lead in French: the confirmation, with the due time in French and Toronto time, keeps the details', options, async () => {
  const card = await pg.waitForCard({ in: rep, where: aboutId });
  const clicked = Date.now();

  const response = await pg.as(rep).click(card, 'Accepter comme responsable');

  const confirmation = plain(cardText(response.value));
  assert.match(confirmation, new RegExp(`Vous avez accepté ${id} comme responsable pour Northside Mental Health`));
  const parts = Object.fromEntries(new Intl.DateTimeFormat('fr-CA', {
    timeZone: 'America/Toronto', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric',
    minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(clicked + 48 * 3600 * 1000)).map((p) => [p.type, p.value]));
  const due = new RegExp(`${parts.weekday} ${parts.day}(?:er)? ${parts.month} ${parts.year} à (\\d{1,2}) h (\\d{2}) \\(heure de Toronto\\)`).exec(confirmation);
  assert.ok(due, `no "${parts.weekday} ${parts.day} ${parts.month} ${parts.year} à … h … (heure de Toronto)" in: ${confirmation}`);
  const minutes = Number(due[1]) * 60 + Number(due[2]);
  assert.ok(Math.abs(minutes - (Number(parts.hour) * 60 + Number(parts.minute))) <= 2, `due ${due[1]} h ${due[2]}, expected about ${parts.hour} h ${parts.minute}`);
  assert.match(confirmation, new RegExp(`Situation ${id}`)); // the situation's details stay on the card
  assert.doesNotMatch(confirmation, /You accepted|due/);
  assert.ok(titles(response.value).includes('Publier une mise à jour'), titles(response.value).join(', '));
  shots.push(['3-accepted.fr-CA.png', response.value]);
});

test('the channel card, updated in place, stays in the table\'s language', options, async () => {
  const card = await pg.waitForCard({ in: 'channel', where: (c) => aboutId(c) && /lead accepted/.test(cardText(c)) });

  assert.match(cardText(card), /Active: lead accepted by Northside Mental Health/);
  assert.doesNotMatch(cardText(card), /responsab|accepté/);
  shots.push(['4-channel-card.en-CA.png', card.content]);
});

test('she posts the 48-hour update in French; the channel and the co-chair are told in English', options, async () => {
  const { card: form, message } = await repSays(`mise à jour ${id}`);
  assert.ok(form, 'no update form');
  assert.match(cardText(form), new RegExp(`48 heures sur ${id}`));
  assert.ok(titles(form).includes('Publier une mise à jour'), titles(form).join(', '));
  shots.push(['5-update-form.fr-CA.png', form]);
  const kind = form.body.find((e) => e.id === 'kind');
  assert.ok(kind && kind.label && !/[A-Z][a-z]+ happened/.test(kind.label), `the form's "kind" input: ${JSON.stringify(kind && kind.label)}`);

  const response = await pg.as(rep).click({ messageId: message.messageId, conversationId: message.conversationId, content: form }, 'Publier une mise à jour',
    { kind: kind.choices[0].value, note: 'Visite faite avec l\'équipe de proximité; rendez-vous d\'accueil pris.' });

  const posted = plain(cardText(response.value));
  assert.match(posted, new RegExp(id));
  assert.match(posted, /48 heures/);
  assert.match(posted, /à temps/);
  assert.doesNotMatch(posted, /posted|on time/);
  shots.push(['6-update-posted.fr-CA.png', response.value]);

  const channel = await pg.waitForCard({ in: 'channel', where: (c) => aboutId(c) && /48-hour update posted on time/.test(cardText(c)) });
  assert.doesNotMatch(cardText(channel), /rendez-vous|heures|publié/); // no note in the channel, and no French
  const toChair = await pg.waitForMessage({ in: PEOPLE.chair, where: (m) => textOf(m).includes(id) && /posted the 48-hour update/.test(textOf(m)) });
  assert.doesNotMatch(textOf(toChair), /compte rendu|publié/);
});

test('French commands: aide, situations ouvertes, then langue english turns her chats to English', options, async () => {
  const help = await repSays('aide');
  assert.match(help.text, /Ce que FocusBot peut faire/);
  assert.match(help.text, /situations ouvertes/);
  assert.doesNotMatch(help.text, /What FocusBot can do|open situations/);
  shots.push(['7-aide.fr-CA.png', help.card]);

  const open = await repSays('situations ouvertes');
  assert.match(open.text, /Situations ouvertes \(1\)/);
  assert.match(open.text, new RegExp(id));
  shots.push(['8-situations-ouvertes.fr-CA.png', open.card]);

  const english = await repSays('langue english');
  assert.match(english.text, /in English/);
  assert.doesNotMatch(english.text, /français,? ici/);

  // Her Teams still says fr-CA; her own choice wins from now on.
  const helpAgain = await repSays('help');
  assert.equal(pg.received.at(-1).locale, 'fr-CA');
  assert.match(helpAgain.text, /What FocusBot can do/);
  assert.doesNotMatch(helpAgain.text, /Ce que FocusBot peut faire/);
});

test('the cards of the French journey, drawn at a phone\'s width, render well (artifacts/french-journey/)',
  { ...options, timeout: 180000, skip: options.skip || (!fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}`) }, async (t) => {
    assert.ok(shots.length >= 6, `only ${shots.length} cards were seen`);
    fs.rmSync(OUT, { recursive: true, force: true });
    const renderer = await openCardRenderer();
    const results = [];
    try {
      for (const [name, card] of shots) results.push(await renderer.render(card, path.join(OUT, name)));
    } finally {
      await renderer.close();
    }
    for (const { file, problems } of results) {
      // Known (bot-cards.test.js): the French 48-hour form's heading breaks the id at its hyphen.
      const known = /update-form/.test(path.basename(file)) && 'the French 48-hour form\'s heading breaks the id at its hyphen';
      await t.test(path.basename(file), { todo: known || false }, () => assert.deepEqual(problems, []));
    }
  });
