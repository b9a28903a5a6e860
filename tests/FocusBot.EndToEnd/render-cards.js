// Renders Adaptive Cards the way a phone shows them: Microsoft's own renderer (the `adaptivecards` library, which the
// Adaptive Cards designer uses) in headless Chromium, with Microsoft Teams' light-theme host config, in a viewport
// 360 px wide (the card 344 px: a margin each side; buttons side by side, as Teams' host config sets), markdown as
// Teams reads it (bold, lists, line breaks; a raw tag such as `<table>` is taken for HTML and vanishes, as in Teams).
// Each card is screenshotted, and read for what a busy reader on a phone would miss:
// - text cut: an element narrower than its text (an ellipsis, a button title cut) or wider than the card;
// - a time or a situation id that wraps ("7:34" on one line, "a.m." on the next; "10 h" / "00"; "DM-" / "2026-0001");
// - a text that is only a date (and time) on more than one line ("mardi 24 / novembre / 2026 à / 10 h 15");
// - text whose contrast with its background is below WCAG AA (axe-core's color-contrast rule): Teams' own "good"
//   (light green) and "warning" (yellow) colours on white fail it;
// - a raw `<tag>` in a text, which Teams does not show.
//
//   const renderer = await openCardRenderer();
//   const { problems } = await renderer.render(cardJson, 'artifacts/cards/x.png');
//   await renderer.close();
//
// Usage: node render-cards.js <folder of *.json cards> <out folder>    one <name>.png per card; exit 1 on a problem
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE_WIDTH = 360;
const CARD_MARGIN = 8;

// Microsoft Teams' light theme, as the Adaptive Cards designer's "Microsoft Teams - Light" host config sets it
// (colours are #AARRGGBB).
const TEAMS_TEXT = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};
const TEAMS_LIGHT_HOST_CONFIG = {
  choiceSetInputValueSeparator: ',',
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  fontTypes: {
    default: {
      fontFamily: "'Segoe UI', Tahoma, Geneva, Verdana, 'DejaVu Sans', sans-serif",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: "'Courier New', Courier, 'DejaVu Sans Mono', monospace",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
  },
  textStyles: { heading: { fontType: 'default', size: 'large', weight: 'bolder', color: 'default', isSubtle: false } },
  textBlock: { headingLevel: 2 },
  containerStyles: {
    default: { foregroundColors: TEAMS_TEXT, borderColor: '#CCCCCC', backgroundColor: '#ffffff' },
    emphasis: { foregroundColors: TEAMS_TEXT, borderColor: '#666666', backgroundColor: '#fff9f8f7' },
    accent: { foregroundColors: TEAMS_TEXT, borderColor: '#62A8F7', backgroundColor: '#C7DEF9' },
    good: { foregroundColors: TEAMS_TEXT, borderColor: '#69E569', backgroundColor: '#CCFFCC' },
    attention: { foregroundColors: TEAMS_TEXT, borderColor: '#FF764C', backgroundColor: '#FFC5B2' },
    warning: { foregroundColors: TEAMS_TEXT, borderColor: '#FFBC51', backgroundColor: '#FFE2B2' },
  },
  actions: {
    maxActions: 6, spacing: 'default', buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    preExpandSingleShowCardAction: false, actionsOrientation: 'horizontal', actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: false },
  imageSet: { imageSize: 'medium', maxImageHeight: 100 },
  factSet: {
    title: { size: 'default', color: 'default', isSubtle: false, weight: 'bolder', wrap: true },
    value: { size: 'default', color: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 16,
  },
  inputs: { label: { requiredInputs: { weight: 'bolder', suffix: ' *' }, optionalInputs: { weight: 'bolder' } } },
};

// Teams' buttons and inputs (the renderer's own stylesheet draws them unstyled).
const TEAMS_CSS = `
  html, body { margin: 0; background: #f5f5f5; }
  #card { width: ${PHONE_WIDTH - 2 * CARD_MARGIN}px; margin: ${CARD_MARGIN}px; background: #fff; border-radius: 6px;
    box-shadow: 0 1px 2px rgba(0,0,0,.2); overflow: hidden; }
  .ac-pushButton { background: #fff; border: 1px solid #d1d1d1; border-radius: 4px; padding: 5px 12px; min-height: 32px;
    font: 600 14px 'Segoe UI', Tahoma, 'DejaVu Sans', sans-serif; color: #242424; }
  .ac-pushButton.style-positive { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
  .ac-pushButton.style-destructive { color: #c4314b; }
  .ac-input { font: 14px 'Segoe UI', Tahoma, 'DejaVu Sans', sans-serif; color: #242424; border: 1px solid #d1d1d1;
    border-radius: 4px; padding: 5px 8px; box-sizing: border-box; background: #fff; }
  .ac-textInput.ac-multiline { height: 64px; }
  .ac-textBlock p { margin: 0; }
  .ac-textBlock ul, .ac-textBlock ol { margin: 0; padding-left: 20px; box-sizing: border-box; }
`;

const asset = (module, file) => path.join(path.dirname(require.resolve(`${module}/package.json`)), file);

/** Every text of a card that Teams would not show as written: a raw `<tag>` (a placeholder such as `<id>`). */
function rawTags(card) {
  const found = [];
  const visit = (n) => {
    if (Array.isArray(n)) { n.forEach(visit); return; }
    if (!n || typeof n !== 'object') return;
    for (const key of ['text', 'title', 'value', 'placeholder', 'label']) {
      if (typeof n[key] === 'string' && /<[a-z!/][^>]*>/i.test(n[key]) && (key === 'text' || n.type === 'Fact')) {
        found.push(`a raw tag, which Teams does not show: ${JSON.stringify(n[key].slice(0, 80))}`);
      }
    }
    for (const v of Object.values(n)) if (v && typeof v === 'object') visit(v);
  };
  visit(card.body || []);
  visit(card.actions || []);
  return found;
}

// Runs in the page: renders `card` into #card and reports what a phone reader would miss.
/* eslint-disable no-undef */
function renderInPage({ card, hostConfig }) {
  const AC = window.AdaptiveCards;
  const md = window.markdownit({ html: true, breaks: true, linkify: false });
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = md.render(text); result.didProcess = true; };
  const host = document.getElementById('card');
  host.replaceChildren();
  const ac = new AC.AdaptiveCard();
  ac.hostConfig = new AC.HostConfig(hostConfig);
  ac.parse(card, new AC.SerializationContext());
  const element = ac.render();
  host.appendChild(element);

  const problems = [];
  const box = host.getBoundingClientRect();
  const said = (el) => (el.innerText || el.textContent || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 80);
  for (const el of host.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || !el.getClientRects().length) continue;
    // A drop-down's choices open in the phone's own picker, where they wrap.
    if (el.closest('select')) continue;
    const text = said(el);
    if (!text || el.children.length > 0 && !el.matches('button, .ac-textBlock *')) continue;
    const cut = (style.overflow === 'hidden' || style.overflowX === 'hidden' || style.textOverflow === 'ellipsis')
      && el.scrollWidth > el.clientWidth + 1;
    const rect = el.getBoundingClientRect();
    if (cut) problems.push(`text cut at ${Math.round(el.clientWidth)} px (needs ${el.scrollWidth}): "${text}"`);
    else if (rect.right > box.right + 1 || rect.left < box.left - 1) {
      problems.push(`text beyond the card (${Math.round(rect.left - box.left)} to ${Math.round(rect.right - box.left)} px of ${Math.round(box.width)}, ${el.tagName}): "${text}"`);
    }
  }
  // A time on two lines ("7:34" / "a.m.", "10 h" / "15"), or a situation id ("DM-" / "2026-0001").
  const times = /\b\d{1,2}:\d{2}\s*[ap]\.?\s?m\.?|\b\d{1,2}\s?h\s?\d{2}\b|\b[A-Z]{2,}-\d{4}-\d{4}\b/gi;
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(times)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`${/^[A-Z]{2,}-/i.test(m[0]) ? 'an id' : 'a time'} wraps onto two lines: "${m[0]}"`);
    }
  }
  // A text that is only a date and time ("Tuesday 24 November 2026, 10:15 a.m.", "mardi 24 novembre 2026 à 10 h 15")
  // is read at a glance: on more than one line (a FactSet's narrow title column), a phone reader pieces it together.
  const dateOnly = /^(\p{L}+\.?\s+)?\d{1,2}(er)?\s+\p{L}+\.?\s+\d{4}(,?\s*(à\s*)?\d{1,2}(:\d{2}\s*[ap]\.?\s?m\.?|\s?h\s?\d{2}))?$/iu;
  for (const el of host.querySelectorAll('.ac-textBlock, .ac-textBlock p')) {
    if (el.querySelector('p')) continue;
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    if (!dateOnly.test(text)) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (lines.size > 1) problems.push(`a date on ${lines.size} lines: "${text}"`);
  }
  return { problems, height: Math.ceil(host.getBoundingClientRect().height) };
}
/* eslint-enable no-undef */

/**
 * Opens headless Chromium with the renderer loaded: { render(card, pngFile) -> { problems: string[] }, close() }.
 * `render` draws the card (JSON object) at a phone's width, saves the screenshot (folders made), and returns what
 * renders badly (see the top of this file); an empty list when nothing does.
 */
async function openCardRenderer({ executablePath = CHROMIUM } = {}) {
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: PHONE_WIDTH, height: 640 }, deviceScaleFactor: 2 });
    await page.route('**/*', (route) => (/^(data|about|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><div id="card"></div></body></html>');
    await page.addStyleTag({ path: asset('adaptivecards', 'dist/adaptivecards.css') });
    await page.addStyleTag({ content: TEAMS_CSS });
    await page.addScriptTag({ path: asset('adaptivecards', 'dist/adaptivecards.min.js') });
    await page.addScriptTag({ path: asset('markdown-it', 'dist/browser/markdown-it.umd.min.js') });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    return {
      async render(card, file) {
        pageErrors.length = 0;
        const lang = /\.fr(-CA)?\b/i.test(path.basename(file)) ? 'fr-CA' : 'en-CA';
        await page.evaluate((l) => { document.documentElement.lang = l; }, lang);
        const { problems } = await page.evaluate(renderInPage, { card, hostConfig: TEAMS_LIGHT_HOST_CONFIG });
        const contrast = await page.evaluate(async () => {
          const result = await window.axe.run('#card', { runOnly: { type: 'rule', values: ['color-contrast'] } });
          return result.violations.flatMap((v) => v.nodes.map((n) => `${n.any.map((a) => a.message).join(' ')}: "${n.target.join(' ')}"`));
        });
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.locator('#card').screenshot({ path: file });
        return { file, problems: [...rawTags(card), ...problems, ...contrast.map((c) => `low contrast: ${c}`), ...pageErrors.map((e) => `page error: ${e}`)] };
      },
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

module.exports = { openCardRenderer, rawTags, TEAMS_LIGHT_HOST_CONFIG, PHONE_WIDTH, CHROMIUM };

if (require.main === module) {
  const [folder, out] = process.argv.slice(2);
  if (!folder || !out || !fs.existsSync(folder)) {
    console.error('usage: node render-cards.js <folder of *.json cards> <out folder>');
    process.exit(2);
  }
  (async () => {
    const renderer = await openCardRenderer();
    let bad = 0;
    try {
      for (const f of fs.readdirSync(folder).filter((x) => x.endsWith('.json')).sort()) {
        const card = JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8').replace(/^\uFEFF/, ''));
        const { file, problems } = await renderer.render(card, path.join(out, f.replace(/\.json$/, '.png')));
        console.log(`${problems.length ? 'FAIL' : 'ok  '} ${file}`);
        for (const p of problems) console.log(`       ${p}`);
        if (problems.length) bad++;
      }
    } finally {
      await renderer.close();
    }
    process.exit(bad ? 1 : 0);
  })().catch((e) => { console.error(e); process.exit(1); });
}
