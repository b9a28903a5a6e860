// Checks every *.json Adaptive Card in a folder with Microsoft's `adaptivecards` library (the renderer Teams' cards
// are specified by), at the card version Teams renders: 1.5. Any parse or validation event, warning or error, fails.
// Usage: node check-cards.js <folder> [--target 1.5]          exit 1 when a card has a problem, 2 on bad usage
// The .NET tests dump every card the bot can send into a folder for this.
'use strict';
const fs = require('fs');
const path = require('path');
// The package's main entry (lib/) is extension-less ESM that Node cannot load; the UMD bundle works without a DOM.
const AC = require('adaptivecards/dist/adaptivecards.js');

const TEAMS_CARD_VERSION = '1.5';

/** Every problem the library reports for one card (JSON object), as text. */
function cardProblems(json, target = TEAMS_CARD_VERSION) {
  const problems = [];
  if (!json || json.type !== 'AdaptiveCard') problems.push(`type is ${JSON.stringify(json && json.type)}, not "AdaptiveCard"`);
  const declared = json && json.version;
  if (declared && AC.Version.parse(declared, new AC.SerializationContext()).compareTo(AC.Version.parse(target, new AC.SerializationContext())) > 0) {
    problems.push(`version ${declared} is above ${target}, which Teams renders`);
  }
  const context = new AC.SerializationContext(AC.Version.parse(target, new AC.SerializationContext()));
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  return problems;
}

/** Checks the folder's cards: [{ file, problems }] in file name order. */
function checkFolder(folder, target = TEAMS_CARD_VERSION) {
  return fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const file = path.join(folder, f);
    try {
      return { file, problems: cardProblems(JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')), target) };
    } catch (e) {
      return { file, problems: [`not JSON: ${e.message}`] };
    }
  });
}

module.exports = { cardProblems, checkFolder, TEAMS_CARD_VERSION };

if (require.main === module) {
  const args = process.argv.slice(2);
  const t = args.indexOf('--target');
  const target = t >= 0 ? args.splice(t, 2)[1] : TEAMS_CARD_VERSION;
  const [folder] = args;
  if (!folder || !fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    console.error('usage: node check-cards.js <folder with *.json cards> [--target 1.5]');
    process.exit(2);
  }
  const results = checkFolder(folder, target);
  if (!results.length) { console.error(`no *.json card in ${folder}`); process.exit(1); }
  for (const { file, problems } of results) {
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${path.basename(file)}`);
    for (const p of problems) console.log(`       ${p}`);
  }
  const bad = results.filter((r) => r.problems.length).length;
  console.log(`${results.length} card(s) checked at Adaptive Cards ${target} with adaptivecards ` +
    `${require('adaptivecards/package.json').version}: ${bad ? bad + ' with problems' : 'all clean'}`);
  process.exit(bad ? 1 : 0);
}
