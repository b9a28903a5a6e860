// What the journey tests share: the real bot and a playground with the Demo Table's people, and the steps that many
// journeys begin with (link the channel, record a situation, accept it). A new journey is a test that calls these.
//
//   const j = await startJourneys('my-journey');          // logs in artifacts/logs/my-journey/
//   await linkChannel(j.pg);
//   const { id } = await recordSituation(j.pg);
//   await acceptAsLead(j.pg, id);
//   await j.pg.as(PEOPLE.lead).say('open situations');
//   await j.stop();
'use strict';
const fs = require('fs');
const path = require('path');
const { startBot, botBuilt } = require('./bot-host');
const { startPlayground, cardText, cardOf, findAction } = require('./playground');

const ARTIFACTS = path.join(__dirname, 'artifacts');

/** The people of the journeys: Demo Table members from samples/roster.json, and one person on no roster. */
const PEOPLE = {
  chair: 'chair.demo@city.example', // co-chair, City Community Safety
  officer: 'officer.demo@tps99.example', // co-chair, Police Division 99
  lead: 'rep.demo@northside-mh.example', // rep of Northside Mental Health, the lead agency below
  lead2: 'rep2.demo@northside-mh.example', // the other Northside rep; never opens FocusBot
  assisting: 'rep.demo@harbour-housing.example', // rep of Harbour Housing Services, assisting below
  outsider: 'visitor1@outside.example', // on no roster
};

/** The form's fields for a situation led by Northside Mental Health with Harbour Housing assisting. */
const SITUATION = {
  table: 'demo', type: 'person', ageGroup: '18-24', gender: 'female', riskFactors: 'housing,mental-health',
  summary: 'Repeated crisis calls; housing at risk within the week.', originatingAgency: 'tps-99',
  leadAgency: 'northside-mh', assistingAgencies: 'harbour-housing',
};

const SITUATION_ID = /\b([A-Z]{2,}-\d{4}-\d{4})\b/;

/** Null when the journeys can run, else why not (for { skip }). In CI (CI=true) they always run, and fail if they cannot. */
const cannotRun = () => (process.env.CI === 'true' ? null : botBuilt());

/**
 * Starts the bot (fresh database, sample roster) and a playground whose users are PEOPLE, `pageUser` first (the web
 * page's user); `locales` (e-mail -> e.g. 'fr-CA') is the language of those users' Teams (default: en-US). Logs go to
 * artifacts/logs/<name>/.
 */
async function startJourneys(name, { pageUser = PEOPLE.chair, locales = {} } = {}) {
  const logDir = path.join(ARTIFACTS, 'logs', name);
  fs.rmSync(logDir, { recursive: true, force: true });
  const bot = await startBot({ logDir });
  let pg;
  try {
    const emails = [pageUser, ...Object.values(PEOPLE).filter((e) => e !== pageUser)];
    pg = await startPlayground({ botUrl: bot.url, emails, logDir, locales });
  } catch (e) {
    await bot.stop();
    throw e;
  }
  return { bot, pg, logDir, stop: async () => { await pg.stop(); await bot.stop(); } };
}

/** The team installs FocusBot and a co-chair makes the team's channel the Demo Table's: the bot's confirmation. */
async function linkChannel(pg, chair = PEOPLE.chair) {
  await pg.as(chair).install('team');
  await pg.replies({ atLeast: 0 });
  await pg.as(chair).say('link demo', { in: 'channel' });
  return pg.lastReply();
}

/**
 * A co-chair asks for the form in the channel and records a situation: { id, form, response (the invoke response:
 * the "recorded" card), recorded (its text) }.
 */
async function recordSituation(pg, { as = PEOPLE.chair, fields = {}, in: where = 'channel' } = {}) {
  await pg.as(as).say('new situation', { in: where });
  // The form, not the newest card: a welcome or a co-chair notice sent through the outbox can land after it.
  const form = await pg.lastCard({ where: (m) => !!findAction(cardOf(m), 'Record situation') });
  const response = await pg.clickAction(form, 'Record situation', { ...SITUATION, ...fields });
  const recorded = cardText(response && response.value);
  const match = SITUATION_ID.exec(recorded);
  if (!match) throw new Error(`the situation was not recorded; the bot answered: ${recorded || JSON.stringify(response)}`);
  return { id: match[1], form, response, recorded };
}

/**
 * The newest card about situation `id` in a conversation (an e-mail: that user's 1:1 chat; 'channel': the channel's
 * own posts, not the recording's confirmation in the form's thread): one headed "Situation <id>", since help and
 * welcome cards give examples drawn from the user's own table (which can be that id).
 */
function cardAbout(pg, id, where, options = {}) {
  const inPlace = (c) => where !== 'channel' || c.conversationId === pg.conversations.channel;
  return pg.waitForCard({ in: where, where: (c) => cardText(c).includes(`Situation ${id}`) && inPlace(c), ...options });
}

/** The lead rep clicks "Accept as lead" on the personal card for `id`: { card, response, confirmation (text) }. */
async function acceptAsLead(pg, id, who = PEOPLE.lead) {
  const card = await cardAbout(pg, id, who);
  const response = await pg.as(who).click(card, 'Accept as lead');
  return { card, response, confirmation: cardText(response && response.value) };
}

/** Whether the bot answered that a command is not built yet (the journey is then skipped). */
function notAvailable(messages) {
  const list = Array.isArray(messages) ? messages : [messages];
  return list.some((m) => m && /not available yet/i.test(`${m.text || ''}\n${cardText(cardOf(m) || {})}`));
}

/** A message's text and its card's text, in one string. */
const textOf = (m) => (m ? `${m.text || ''}\n${cardText(cardOf(m) || (m.content ? m.content : {}))}` : '');

module.exports = {
  ARTIFACTS, PEOPLE, SITUATION, SITUATION_ID, cannotRun, startJourneys, linkChannel, recordSituation, cardAbout,
  acceptAsLead, notAvailable, textOf,
};
