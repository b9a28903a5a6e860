// Bundles the tabs' pages into dist/ (dist/*.html, dist/assets/*.js|css): every script the pages run, TeamsJS and
// Chart.js included, is served by the FocusBot host itself; nothing is fetched from a CDN at run time.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'assets'), { recursive: true });

await build({
  entryPoints: ['dashboard', 'my-situations', 'config'].map((page) => join(here, 'src', `${page}.js`)),
  outdir: join(dist, 'assets'),
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  // TeamsJS is loaded only inside Teams (a chunk of its own): on import it asks a CDN for Teams' origins.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: ['chrome110', 'edge110', 'firefox110', 'safari16'],
  legalComments: 'linked',
  logLevel: 'warning',
});
cpSync(join(here, 'src', 'tabs.css'), join(dist, 'assets', 'tabs.css'));
cpSync(join(here, 'pages'), dist, { recursive: true });
writeFileSync(join(dist, '.built'), new Date().toISOString() + '\n');
