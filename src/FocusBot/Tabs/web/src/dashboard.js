// /tabs/dashboard: the co-chairs' charts, each with its numbers as a table and a CSV download; in a meeting's side
// panel, that table's next meeting agenda (de-identified), checked every 30 seconds (a 304 when nothing changed).
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { announce, attachmentName, el, problemText, startTab, themeColour } from './common.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const AGENDA_REFRESH_MS = 30000;
const charts = [];
let tab;

// Row and column labels come from the API in the page's language (statuses, agencies, catalogue entries, months and
// weeks as the cards write them): the table under a chart and its CSV read the same.

function format(value) {
  return value === null || value === undefined ? '–' : tab.formats.number(value);
}

function palette() {
  return [1, 2, 3, 4, 5, 6].map((i) => themeColour(`--chart-${i}`));
}

function drawChart(canvas, chart) {
  const colours = palette();
  const text = themeColour('--fg');
  const grid = themeColour('--border');
  // The on-time rate is a percentage: its own axis would mislead next to counts, so the chart draws the counts only.
  const columns = chart.columns.map((c, i) => ({ ...c, i })).filter((c) => c.key !== 'onTimeRate');
  const instance = new Chart(canvas, {
    type: chart.kind === 'line' ? 'line' : 'bar',
    data: {
      labels: chart.rows.map((r) => r.label),
      datasets: columns.map((c, n) => ({
        label: c.label,
        data: chart.rows.map((r) => r.values[c.i]),
        backgroundColor: colours[n % colours.length],
        borderColor: colours[n % colours.length],
        borderWidth: chart.kind === 'line' ? 2 : 0,
        pointRadius: chart.kind === 'line' ? 2 : undefined,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: chart.kind === 'bar' && chart.rows.length > 4 ? 'y' : 'x',
      plugins: { legend: { display: columns.length > 1, labels: { color: text } }, tooltip: { enabled: true } },
      scales: {
        x: { stacked: chart.kind === 'stacked', ticks: { color: text }, grid: { color: grid } },
        y: { stacked: chart.kind === 'stacked', ticks: { color: text, precision: 0 }, grid: { color: grid }, beginAtZero: true },
      },
    },
  });
  charts.push(instance);
}

// A table of more than one number a row "stacks" at a phone's width (tabs.css): each row becomes its label over its
// numbers, each number beside its column's name (data-label), so that no table scrolls sideways at 360 px. CSS display
// changes can strip a table's semantics in some browsers, so a stacking table states its roles.
function chartTable(chart, title) {
  const stacks = chart.columns.length > 1;
  const role = (name) => (stacks ? name : undefined);
  return el('table', { class: stacks ? 'numbers stacks' : 'numbers', role: role('table') },
    el('caption', { text: title }),
    el('thead', { role: role('rowgroup') }, el('tr', { role: role('row') },
      el('th', { scope: 'col', role: role('columnheader'), text: tab.t(`row.label.${chart.id}`) }),
      chart.columns.map((c) => el('th', { scope: 'col', role: role('columnheader'), text: c.label })))),
    el('tbody', { role: role('rowgroup') }, chart.rows.length === 0
      ? el('tr', { role: role('row') }, el('td', { colspan: String(chart.columns.length + 1), role: role('cell'), text: tab.t('dashboard.noRows') }))
      : chart.rows.map((r) => el('tr', { role: role('row') },
        el('th', { scope: 'row', role: role('rowheader'), text: r.label }),
        r.values.map((v, i) => el('td', { role: role('cell'), 'data-label': chart.columns[i].label, text: format(v) }))))));
}

async function downloadCsv(chart, query, title) {
  const answer = await tab.api(`/dashboard.csv?chart=${chart.id}&${query}`);
  if (!answer.ok) { announce(filterProblem(answer), { error: true }); return; }
  const url = URL.createObjectURL(new Blob([answer.body], { type: 'text/csv' }));
  // The name the API gives the same CSV: chart, table (or all-tables), from, to.
  const link = el('a', { href: url, download: attachmentName(answer.headers, `${chart.id}.csv`), text: title });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function figuresList(figures) {
  const rate = figures.fortyEightHourUpdates.onTimeRate;
  const items = [
    ['figures.situations', format(figures.situations)],
    ['figures.notAer', format(figures.notAer)],
    ['figures.people', format(figures.people)],
    ['figures.concluded', format(figures.concluded)],
    ['figures.onTimeRate', rate === null ? tab.t('figures.none') : tab.formats.percent(rate)],
    ['figures.medianAcceptance', figures.medianHoursToLeadAcceptance === null ? tab.t('figures.none') : format(figures.medianHoursToLeadAcceptance)],
    ['figures.medianUpdate', figures.medianHoursToFortyEightHourUpdate === null ? tab.t('figures.none') : format(figures.medianHoursToFortyEightHourUpdate)],
  ];
  return el('section', { 'aria-labelledby': 'figures-heading' },
    el('h2', { id: 'figures-heading', text: tab.t('dashboard.figures') }),
    el('dl', { class: 'figures' }, items.map(([key, value]) => el('div', { class: 'figure' },
      el('dt', { text: tab.t(key) }), el('dd', { text: value, 'data-figure': key.slice('figures.'.length) })))));
}

/** What a refused filter says: the period or the table named, and what is accepted (never "something went wrong"). */
function filterProblem(answer) {
  const fields = Object.keys(answer.body?.errors || {});
  if (answer.status === 400 && (fields.includes('from') || fields.includes('to'))) return tab.t('dashboard.badPeriod');
  if (answer.status === 400 && fields.includes('table')) return tab.t('dashboard.badTable');
  return tab.t('app.error', { detail: problemText(answer.body) });
}

/** The period as typed: a date field the browser cannot read, or a To not after From, is refused here, saying what is accepted. */
function periodIsValid(form) {
  const { from, to } = form.elements;
  const unreadable = (input) => input.validity.badInput || input.validity.rangeUnderflow || input.validity.rangeOverflow;
  const bad = unreadable(from) || unreadable(to) || Boolean(from.value && to.value && to.value <= from.value);
  for (const input of [from, to]) input.setAttribute('aria-invalid', String(Boolean(bad)));
  if (bad) announce(tab.t('dashboard.badPeriod'), { error: true });
  return !bad;
}

/**
 * Takes the last period's figures, charts and tables off the page, so that a refused filter never leaves numbers on
 * screen under a message saying they were not drawn.
 */
function clearDashboard() {
  charts.splice(0).forEach((c) => c.destroy());
  document.getElementById('dashboard').replaceChildren();
}

async function showDashboard(form) {
  if (!periodIsValid(form)) { clearDashboard(); return; }
  const query = new URLSearchParams();
  for (const name of ['table', 'from', 'to']) if (form.elements[name].value) query.set(name, form.elements[name].value);
  announce(tab.t('app.loading'));
  const answer = await tab.api(`/dashboard?${query}`);
  const out = document.getElementById('dashboard');
  if (!answer.ok) {
    clearDashboard();
    const problem = filterProblem(answer);
    if (problem === tab.t('dashboard.badPeriod')) for (const name of ['from', 'to']) form.elements[name].setAttribute('aria-invalid', 'true');
    announce(problem, { error: true });
    return;
  }
  clearDashboard();
  const d = answer.body;
  form.elements.from.value = d.from;
  form.elements.to.value = d.to;
  const tables = d.tables.map((t) => t.name).join(', ');
  const [from, to] = [tab.formats.day(d.from), tab.formats.day(d.to)];
  announce(d.periodIsEmpty ? tab.t('dashboard.empty', { tables }) : tab.t('dashboard.period', { tables, from, to }));
  out.append(figuresList(d.figures));
  const queryText = query.toString();
  for (const chart of d.charts) {
    const title = tab.t(`chart.${chart.id}`);
    const canvas = el('canvas', { role: 'img', 'aria-label': tab.t('dashboard.chartAlt', { chart: title }) });
    const section = el('section', { class: 'chart', 'data-chart': chart.id, 'aria-labelledby': `h-${chart.id}` },
      el('h2', { id: `h-${chart.id}`, text: title }),
      el('div', { class: 'canvas-box' }, canvas),
      chartTable(chart, title),
      el('button', { type: 'button', class: 'secondary', onclick: () => downloadCsv(chart, queryText, title), text: tab.t('dashboard.csv', { chart: title }) }));
    out.append(section);
    drawChart(canvas, chart);
  }
}

/** One agenda item: its lead agency; under "Assignments not accepted", the agencies that have not answered instead. */
function agendaItem(section, i) {
  const status = tab.t(`my.status.${i.status}`);
  return section === 'unaccepted'
    ? tab.t('agenda.unansweredItem', { id: i.id, status, agencies: tab.formats.list(i.unacceptedAgencies) })
    : tab.t('agenda.item', { id: i.id, status, lead: i.leadAgencyName || tab.t('my.noLead') });
}

function agendaList(section, heading, items) {
  return el('section', { 'data-agenda': section },
    el('h2', { text: heading }),
    items.length === 0 ? el('p', { text: tab.t('agenda.nothing') })
      : el('ul', {}, items.map((i) => el('li', { 'data-situation': i.id, text: agendaItem(section, i) }))));
}

// The agenda's ETag: the poll sends it back and gets 304 (no body, nothing redrawn) until the agenda changes; and the
// table's time zone, in which "Up to date at" is written.
let agendaVersion = null;
let agendaTimeZone = null;

async function showAgenda(tableId) {
  const main = document.getElementById('dashboard');
  if (!tableId) { announce(tab.t('agenda.chooseTable'), { error: true }); return; }
  const answer = await tab.api(`/tables/${encodeURIComponent(tableId)}/agenda`, { extraHeaders: agendaVersion ? { 'If-None-Match': agendaVersion } : {} });
  if (answer.status !== 304) {
    if (!answer.ok) { announce(tab.t('app.error', { detail: problemText(answer.body) }), { error: true }); return; }
    agendaVersion = answer.headers.get('etag');
    const a = answer.body;
    agendaTimeZone = a.timeZone;
    document.getElementById('title').textContent = tab.t('agenda.title', { table: a.tableName });
    main.replaceChildren(
      el('p', { text: a.nextMeeting ? tab.t('agenda.next', { time: tab.formats.moment(a.nextMeeting.start, a.nextMeeting.timeZone) }) : tab.t('agenda.noMeeting') }),
      agendaList('new', tab.t('agenda.newSituations'), a.newSituations),
      agendaList('overdue', tab.t('agenda.overdueUpdates'), a.overdueUpdates),
      agendaList('report-back', tab.t('agenda.reportBack'), a.reportBack),
      agendaList('unaccepted', tab.t('agenda.unaccepted'), a.unacceptedAssignments));
    main.dataset.version = agendaVersion || '';
  }
  announce(tab.t('agenda.refreshed', { time: tab.formats.time(new Date(), agendaTimeZone) }));
}

async function main() {
  tab = await startTab();
  document.title = `FocusBot: ${tab.t('dashboard.title')}`;
  document.getElementById('title').textContent = tab.t('dashboard.title');
  document.querySelector('.skip').textContent = tab.t('app.skip');
  const tableParam = tab.params.get('table');
  if (tab.frame === 'sidePanel' || tab.frame === 'meetingStage') {
    await showAgenda(tableParam);
    setInterval(() => showAgenda(tableParam), AGENDA_REFRESH_MS);
    // Back in view (the panel reopened, the laptop woken): checked at once rather than at the next tick.
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') showAgenda(tableParam); });
    return;
  }
  const me = await tab.api('/me');
  if (!me.ok) { announce(me.status === 401 ? tab.t('app.notSignedIn') : problemText(me.body), { error: true }); return; }
  const chaired = me.body.tables.filter((t) => t.coChair);
  if (chaired.length === 0) { announce(tab.t('dashboard.coChairsOnly'), { error: true }); return; }

  // novalidate: the page says what the period accepts, in its own words (periodIsValid), rather than the browser's bubble.
  const form = el('form', { class: 'filters', 'aria-labelledby': 'filters-heading', novalidate: true },
    el('h2', { id: 'filters-heading', class: 'visually-hidden', text: tab.t('dashboard.filters') }),
    el('label', { for: 'table', text: tab.t('dashboard.table') }),
    el('select', { id: 'table', name: 'table' },
      el('option', { value: '', text: tab.t('dashboard.allTables') }),
      chaired.map((t) => el('option', { value: t.id, text: t.name, selected: t.id === tableParam }))),
    el('label', { for: 'from', text: tab.t('dashboard.from') }),
    el('input', { id: 'from', name: 'from', type: 'date', min: '2000-01-01', max: '2999-12-31', 'aria-describedby': 'status' }),
    el('label', { for: 'to', text: tab.t('dashboard.to') }),
    el('input', { id: 'to', name: 'to', type: 'date', min: '2000-01-01', max: '2999-12-31', 'aria-describedby': 'status' }),
    el('button', { type: 'submit', text: tab.t('dashboard.apply') }));
  form.addEventListener('submit', (event) => { event.preventDefault(); showDashboard(form); });
  document.getElementById('main').prepend(
    el('p', { text: tab.t('dashboard.intro') }),
    tab.inTeams ? null : el('p', { class: 'subtle', text: tab.t('app.devUser', { email: me.body.email }) }),
    form);
  // Charts redraw in the new theme's colours when Teams changes it.
  document.addEventListener('focusbot-theme', () => { if (charts.length) showDashboard(form); });
  await showDashboard(form);
}

main().catch((error) => announce(tab ? tab.t('app.error', { detail: error.message }) : error.message, { error: true }));
