// /tabs/dashboard: the co-chairs' charts, each with its numbers as a table and a CSV download; in a meeting's side
// panel, that table's next meeting agenda (de-identified), refreshed every 30 seconds.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { announce, el, problemText, startTab, themeColour } from './common.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const AGENDA_REFRESH_MS = 30000;
const charts = [];
let tab;

function rowLabel(chart, row) {
  const key = `row.${row.key}`;
  return (chart.id === 'openByStatus' || row.key === 'none') && tab.t(key) !== key ? tab.t(key) : row.label;
}

function columnLabel(column) {
  const key = `column.${column.key}`;
  return tab.t(key) !== key ? tab.t(key) : column.label;
}

function format(value) {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat(tab.language).format(value);
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
      labels: chart.rows.map((r) => rowLabel(chart, r)),
      datasets: columns.map((c, n) => ({
        label: columnLabel(c),
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

function chartTable(chart, title) {
  return el('table', { class: 'numbers' },
    el('caption', { text: title }),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: tab.t(`row.label.${chart.id}`) }),
      chart.columns.map((c) => el('th', { scope: 'col', text: columnLabel(c) })))),
    el('tbody', {}, chart.rows.length === 0
      ? el('tr', {}, el('td', { colspan: String(chart.columns.length + 1), text: tab.t('dashboard.noRows') }))
      : chart.rows.map((r) => el('tr', {},
        el('th', { scope: 'row', text: rowLabel(chart, r) }),
        r.values.map((v) => el('td', { text: format(v) }))))));
}

async function downloadCsv(chart, query, title) {
  const answer = await tab.api(`/dashboard.csv?chart=${chart.id}&${query}`);
  if (!answer.ok) { announce(tab.t('app.error', { detail: problemText(answer.body) }), { error: true }); return; }
  const url = URL.createObjectURL(new Blob([answer.body], { type: 'text/csv' }));
  const link = el('a', { href: url, download: `${chart.id}.csv`, text: title });
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
    ['figures.onTimeRate', rate === null ? tab.t('figures.none') : `${format(Math.round(rate * 1000) / 10)} %`],
    ['figures.medianAcceptance', figures.medianHoursToLeadAcceptance === null ? tab.t('figures.none') : format(figures.medianHoursToLeadAcceptance)],
    ['figures.medianUpdate', figures.medianHoursToFortyEightHourUpdate === null ? tab.t('figures.none') : format(figures.medianHoursToFortyEightHourUpdate)],
  ];
  return el('section', { 'aria-labelledby': 'figures-heading' },
    el('h2', { id: 'figures-heading', text: tab.t('dashboard.figures') }),
    el('dl', { class: 'figures' }, items.map(([key, value]) => el('div', { class: 'figure' },
      el('dt', { text: tab.t(key) }), el('dd', { text: value, 'data-figure': key.slice('figures.'.length) })))));
}

async function showDashboard(form) {
  const query = new URLSearchParams();
  for (const name of ['table', 'from', 'to']) if (form.elements[name].value) query.set(name, form.elements[name].value);
  announce(tab.t('app.loading'));
  const answer = await tab.api(`/dashboard?${query}`);
  const out = document.getElementById('dashboard');
  charts.splice(0).forEach((c) => c.destroy());
  out.replaceChildren();
  if (!answer.ok) { announce(tab.t('app.error', { detail: problemText(answer.body) }), { error: true }); return; }
  const d = answer.body;
  form.elements.from.value = d.from;
  form.elements.to.value = d.to;
  const tables = d.tables.map((t) => t.name).join(', ');
  announce(d.periodIsEmpty ? tab.t('dashboard.empty', { tables }) : tab.t('dashboard.period', { tables, from: d.from, to: d.to }));
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

function agendaList(heading, items) {
  return el('section', {},
    el('h2', { text: heading }),
    items.length === 0 ? el('p', { text: tab.t('agenda.nothing') })
      : el('ul', {}, items.map((i) => el('li', { text: tab.t('agenda.item', { id: i.id, status: tab.t(`my.status.${i.status}`), lead: i.leadAgency || tab.t('my.noLead') }) }))));
}

async function showAgenda(tableId) {
  const main = document.getElementById('dashboard');
  if (!tableId) { announce(tab.t('agenda.chooseTable'), { error: true }); return; }
  const answer = await tab.api(`/tables/${encodeURIComponent(tableId)}/agenda`);
  if (!answer.ok) { announce(tab.t('app.error', { detail: problemText(answer.body) }), { error: true }); return; }
  const a = answer.body;
  const when = a.nextMeeting
    ? new Intl.DateTimeFormat(tab.language, { dateStyle: 'full', timeStyle: 'short', timeZone: a.nextMeeting.timeZone }).format(new Date(a.nextMeeting.start))
    : null;
  document.getElementById('title').textContent = tab.t('agenda.title', { table: a.table });
  main.replaceChildren(
    el('p', { text: when ? tab.t('agenda.next', { time: when }) : tab.t('agenda.noMeeting') }),
    agendaList(tab.t('agenda.newSituations'), a.newSituations),
    agendaList(tab.t('agenda.overdueUpdates'), a.overdueUpdates),
    agendaList(tab.t('agenda.reportBack'), a.reportBack),
    agendaList(tab.t('agenda.unaccepted'), a.unacceptedAssignments));
  announce(tab.t('agenda.refreshed', { time: new Intl.DateTimeFormat(tab.language, { timeStyle: 'short' }).format(new Date()) }));
}

async function main() {
  tab = await startTab();
  document.getElementById('title').textContent = tab.t('dashboard.title');
  const tableParam = tab.params.get('table');
  if (tab.frame === 'sidePanel' || tab.frame === 'meetingStage') {
    await showAgenda(tableParam);
    setInterval(() => showAgenda(tableParam), AGENDA_REFRESH_MS);
    return;
  }
  const me = await tab.api('/me');
  if (!me.ok) { announce(me.status === 401 ? tab.t('app.notSignedIn') : problemText(me.body), { error: true }); return; }
  const chaired = me.body.tables.filter((t) => t.coChair);
  if (chaired.length === 0) { announce(tab.t('dashboard.coChairsOnly'), { error: true }); return; }

  const form = el('form', { class: 'filters', 'aria-labelledby': 'filters-heading' },
    el('h2', { id: 'filters-heading', class: 'visually-hidden', text: tab.t('dashboard.filters') }),
    el('label', { for: 'table', text: tab.t('dashboard.table') }),
    el('select', { id: 'table', name: 'table' },
      el('option', { value: '', text: tab.t('dashboard.allTables') }),
      chaired.map((t) => el('option', { value: t.id, text: t.name, selected: t.id === tableParam }))),
    el('label', { for: 'from', text: tab.t('dashboard.from') }),
    el('input', { id: 'from', name: 'from', type: 'date' }),
    el('label', { for: 'to', text: tab.t('dashboard.to') }),
    el('input', { id: 'to', name: 'to', type: 'date' }),
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
