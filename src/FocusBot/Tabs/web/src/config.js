// /tabs/config: the configurable dashboard tab's set-up in a team or a meeting: the co-chair chooses the table.
import { announce, el, startTab } from './common.js';

async function main() {
  const tab = await startTab();
  document.getElementById('title').textContent = tab.t('config.title');
  const me = await tab.api('/me');
  const chaired = me.ok ? me.body.tables.filter((t) => t.coChair) : [];
  if (chaired.length === 0) { announce(tab.t('config.none'), { error: true }); return; }
  const select = el('select', { id: 'table' }, el('option', { value: '', text: '' }), chaired.map((t) => el('option', { value: t.id, text: t.name })));
  document.getElementById('main').append(el('label', { for: 'table', text: tab.t('config.table') }), select);
  announce(tab.t('config.chooseOne'));
  if (!tab.inTeams) return;
  const { pages } = tab.teams;
  pages.config.registerOnSaveHandler((save) => {
    const table = chaired.find((t) => t.id === select.value);
    pages.config.setConfig({
      entityId: `dashboard-${table.id}`,
      contentUrl: `${location.origin}/tabs/dashboard?table=${encodeURIComponent(table.id)}`,
      websiteUrl: `${location.origin}/tabs/dashboard?table=${encodeURIComponent(table.id)}`,
      suggestedDisplayName: `FocusBot: ${table.name}`,
    }).then(() => save.notifySuccess(), (error) => save.notifyFailure(error.message));
  });
  select.addEventListener('change', () => pages.config.setValidityState(select.value !== ''));
}

main().catch((error) => announce(error.message, { error: true }));
