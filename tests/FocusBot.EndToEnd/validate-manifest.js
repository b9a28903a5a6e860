// Validates Teams app manifests offline against the JSON schema of each manifest's own manifestVersion, as bundled
// in @microsoft/app-manifest (v1.0 to v1.30), plus the limits Teams enforces on bot commands beyond the schema.
// Usage: node validate-manifest.js manifest.json [more.json ...]        exit 1 when any manifest has a problem
// The committed manifest has ${{PLACEHOLDERS}} (the Agents Toolkit's syntax) that the .NET AppPackageBuilder fills from settings; here they are
// filled in memory with sample values of the right shape, so that a GUID or https URL field still validates as one.
'use strict';
const fs = require('fs');
const path = require('path');
const { ManifestUtil } = require('@microsoft/app-manifest');

const SAMPLE_VALUES = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-000000000001',
  BOT_ID: '00000000-0000-4000-8000-000000000002',
  BOT_DOMAIN: 'focusbot.example.org',
  TAB_APP_ID: '00000000-0000-4000-8000-000000000003',
  DEVELOPER_NAME: 'FOCUS Toronto',
  DEVELOPER_WEBSITE: 'https://focusbot.example.org',
  PRIVACY_URL: 'https://focusbot.example.org/privacy',
  TERMS_OF_USE_URL: 'https://focusbot.example.org/terms',
};

// Teams refuses an app whose command lists go past these, although the schema itself allows more.
const COMMAND_LIMITS = { perList: 10, title: 32, description: 128 };

function fillPlaceholders(text) {
  const unknown = new Set();
  const filled = text.replace(/\$?\{\{([A-Z0-9_]+)\}\}/g, (whole, name) => {
    if (name in SAMPLE_VALUES) return SAMPLE_VALUES[name];
    unknown.add(whole);
    return whole;
  });
  return { filled, unknown: [...unknown] };
}

function bundledSchema(manifestVersion) {
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  const file = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams', folder,
    'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) throw new Error(`no bundled schema for manifestVersion ${manifestVersion}`);
  // Some published schemas carry \a and \v in regex strings, which JSON does not allow.
  return JSON.parse(fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

function commandProblems(manifest) {
  const problems = [];
  for (const [b, bot] of (manifest.bots || []).entries()) {
    for (const [l, list] of (bot.commandLists || []).entries()) {
      const where = `/bots/${b}/commandLists/${l}`;
      if (list.commands.length > COMMAND_LIMITS.perList) problems.push(`${where} has ${list.commands.length} commands (at most ${COMMAND_LIMITS.perList})`);
      for (const [c, command] of list.commands.entries()) {
        if (command.title.length > COMMAND_LIMITS.title) problems.push(`${where}/commands/${c} title is longer than ${COMMAND_LIMITS.title}`);
        if (command.description.length > COMMAND_LIMITS.description) problems.push(`${where}/commands/${c} description is longer than ${COMMAND_LIMITS.description}`);
      }
    }
  }
  return problems;
}

async function validateManifestFile(file) {
  const { filled, unknown } = fillPlaceholders(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const manifest = JSON.parse(filled);
  const problems = unknown.map((p) => `unknown placeholder ${p}`);
  const expectedSchema = `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expectedSchema) problems.push(`$schema is ${manifest.$schema}, expected ${expectedSchema}`);
  problems.push(...(await ManifestUtil.validateManifestAgainstSchema(manifest, bundledSchema(manifest.manifestVersion))));
  problems.push(...commandProblems(manifest));
  return { manifestVersion: manifest.manifestVersion, problems };
}

module.exports = { validateManifestFile, fillPlaceholders, SAMPLE_VALUES };

if (require.main === module) {
  (async () => {
    const files = process.argv.slice(2);
    if (!files.length) { console.error('usage: node validate-manifest.js manifest.json [...]'); process.exit(2); }
    let bad = 0;
    for (const file of files) {
      const { manifestVersion, problems } = await validateManifestFile(file);
      console.log(`${file} (manifestVersion ${manifestVersion}): ${problems.length ? problems.length + ' problem(s)' : 'valid'}`);
      for (const p of problems) console.log(`  ${p}`);
      if (problems.length) bad++;
    }
    process.exit(bad ? 1 : 0);
  })().catch((e) => { console.error(`error: ${e.message}`); process.exit(2); });
}
