// What every tab page shares: Teams context (theme, locale, frame), sign-on, the API, and the page's strings.
import enCA from './strings/en-CA.json';
import frCA from './strings/fr-CA.json';
import { tabDates } from './dates.mjs';

// One resource per language, the same keys in each (a test checks it); a missing key falls back to English.
const languages = { 'en-CA': enCA, 'fr-CA': frCA };

const THEMES = { default: 'default', dark: 'dark', contrast: 'contrast' };

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

/** en-CA or fr-CA for a Teams locale or a ?lang= (any French reads as fr-CA), else en-CA. */
function pickLanguage(locale) {
  const wanted = (locale || '').toLowerCase();
  return Object.keys(languages).find((l) => l.toLowerCase() === wanted)
    || Object.keys(languages).find((l) => l.slice(0, 2).toLowerCase() === wanted.slice(0, 2))
    || 'en-CA';
}

export function applyTheme(theme) {
  document.documentElement.dataset.theme = THEMES[theme] || 'default';
  document.dispatchEvent(new CustomEvent('focusbot-theme'));
}

/** Reads a CSS custom property of the current theme (charts draw with the theme's colours). */
export function themeColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/**
 * Starts a tab: in Teams (framed), TeamsJS gives the theme, locale, frame context and the sign-on token; in a plain
 * browser (development on loopback), ?as=<email> names the user (sent as X-FocusBot-Dev-User, which the host honours
 * only on loopback with its authentication off), ?theme= and ?lang= stand in for Teams' context.
 */
export async function startTab() {
  const params = new URLSearchParams(location.search);
  let context = null;
  let teams = null;
  if (window.parent !== window) {
    try {
      // Only in a frame (Teams): on import TeamsJS tries a CDN for Teams' origins (refused by the host's
      // Content-Security-Policy, it falls back to the list it ships with); a plain browser never loads it.
      teams = await import('@microsoft/teams-js');
      await withTimeout(teams.app.initialize(), 4000);
      context = await teams.app.getContext();
    } catch {
      context = null;
    }
  }
  const inTeams = context !== null;
  applyTheme(context?.app?.theme || params.get('theme') || 'default');
  if (inTeams) teams.app.registerOnThemeChangeHandler(applyTheme);

  const language = pickLanguage(context?.app?.locale || params.get('lang') || navigator.language);
  document.documentElement.lang = language;
  const strings = languages[language];
  const t = (key, vars = {}) => (strings[key] ?? enCA[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
  const devUser = inTeams ? null : params.get('as');

  async function headers() {
    if (inTeams) {
      try {
        return { Authorization: `Bearer ${await teams.authentication.getAuthToken()}` };
      } catch {
        // No token (sign-on app not set up, consent refused): the API answers 401 and the page says to sign in again.
        return {};
      }
    }
    return devUser ? { 'X-FocusBot-Dev-User': devUser } : {};
  }

  /**
   * Calls the tab API; resolves { ok, status, body, headers } (body: JSON, text for CSV, a problem, or null for 304).
   * extraHeaders: e.g. { 'If-None-Match': etag }.
   */
  async function api(path, { method = 'GET', body, extraHeaders = {} } = {}) {
    const separator = path.includes('?') ? '&' : '?';
    const response = await fetch(`/tabs/api${path}${separator}lang=${language}`, {
      method,
      // The page keeps the agenda's ETag itself: the browser's cache stays out of it.
      cache: 'no-store',
      headers: { ...(await headers()), ...(body ? { 'Content-Type': 'application/json' } : {}), ...extraHeaders },
      body: body ? JSON.stringify(body) : undefined,
    });
    const type = response.headers.get('content-type') || '';
    const content = response.status === 304 ? null : type.includes('json') ? await response.json() : await response.text();
    return { ok: response.ok, status: response.status, body: content, headers: response.headers };
  }

  /**
   * Numbers, lists and dates in the page's language. Dates only through dates.mjs (day, moment, time): one style per
   * language, the cards' own, every instant on the table's clock with the zone named.
   */
  const formats = {
    number: (value) => new Intl.NumberFormat(language).format(value),
    percent: (rate) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(rate),
    list: (items) => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items),
    ...tabDates(language, t),
  };

  function openLink(url) {
    if (inTeams) teams.app.openLink(url);
    else window.open(url, '_blank', 'noopener');
  }

  if (inTeams) teams.app.notifySuccess();
  return { teams, params, context, inTeams, language, t, api, formats, openLink, frame: context?.page?.frameContext || params.get('frame') || 'content' };
}

/** The file name a download is given: the one the API's Content-Disposition names, else the fallback. */
export function attachmentName(headers, fallback) {
  const match = /filename="?([^";]+)"?/i.exec(headers.get('content-disposition') || '');
  return match ? match[1] : fallback;
}

/** The text a refusal shows: the problem's detail, else its first field error, else its title. */
export function problemText(body) {
  if (typeof body === 'string') return body;
  const errors = body?.errors ? Object.values(body.errors).flat() : [];
  return body?.detail || errors[0] || body?.title || '';
}

/** Creates an element: el('p', { class: 'x', text: 'hi' }, child...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

/** Says something to screen readers and sighted users alike, in the page's live region. */
export function announce(text, { error = false } = {}) {
  const region = document.getElementById('status');
  region.className = error ? 'status error' : 'status';
  region.textContent = text;
}
