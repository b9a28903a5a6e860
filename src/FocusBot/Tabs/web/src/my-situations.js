// /tabs/my-situations: the situations that concern the user's agency, most urgent first, with Accept / Decline /
// Post update as on the cards (the same domain calls through the tab API), and a link to the card in chat.
import { announce, el, problemText, startTab } from './common.js';

let tab;
let me;

async function act(situation, path, body, doneKey) {
  const answer = await tab.api(`/situations/${encodeURIComponent(situation.id)}/${path}`, { method: 'POST', body });
  if (answer.ok) {
    announce(tab.t(doneKey, { id: situation.id }));
    await showList(situation.id);
  } else {
    announce(tab.t('my.refused', { id: situation.id, detail: problemText(answer.body) }), { error: true });
  }
  return answer.ok;
}

function fact(label, value) {
  return el('div', {}, el('dt', { text: label }), el('dd', { text: value }));
}

function declineForm(situation, actions) {
  const id = `reason-${situation.id}`;
  const form = el('form', { class: 'inline-form' },
    el('label', { for: id, text: tab.t('my.declineReason') }),
    el('textarea', { id, name: 'reason', rows: '3', required: true, maxlength: '1000' }),
    el('div', { class: 'buttons' },
      el('button', { type: 'submit', text: tab.t('my.declineSend') }),
      el('button', { type: 'button', class: 'secondary', onclick: () => { form.remove(); actions.hidden = false; actions.querySelector('button')?.focus(); }, text: tab.t('my.cancel') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(situation, 'decline', { reason: form.elements.reason.value }, 'my.declined');
  });
  return form;
}

function updateForm(situation, actions) {
  // A new form is a new submission; sending this one twice posts one update.
  const submissionId = crypto.randomUUID();
  const prefix = `u-${situation.id}`;
  const form = el('form', { class: 'inline-form' },
    el('label', { for: `${prefix}-kind`, text: tab.t('my.kind') }),
    el('select', { id: `${prefix}-kind`, name: 'kind', required: true },
      me.updateKinds.map((k) => el('option', { value: k.id, text: k.label }))),
    el('label', { for: `${prefix}-note`, text: tab.t('my.note') }),
    el('textarea', { id: `${prefix}-note`, name: 'note', rows: '3', required: true, maxlength: '2000' }),
    el('label', { for: `${prefix}-next`, text: tab.t('my.nextStep') }),
    el('input', { id: `${prefix}-next`, name: 'nextStep', type: 'text', maxlength: '500' }),
    el('fieldset', {}, el('legend', { text: tab.t('my.barriers') }),
      me.barriers.map((b) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'barriers', value: b.id }), ` ${b.label}`))),
    el('div', { class: 'buttons' },
      el('button', { type: 'submit', text: tab.t('my.updateSend') }),
      el('button', { type: 'button', class: 'secondary', onclick: () => { form.remove(); actions.hidden = false; actions.querySelector('button')?.focus(); }, text: tab.t('my.cancel') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(situation, 'updates', {
      kind: form.elements.kind.value,
      note: form.elements.note.value,
      nextStep: form.elements.nextStep.value || null,
      barriers: [...form.querySelectorAll('input[name=barriers]:checked')].map((c) => c.value),
      submissionId,
    }, 'my.updated');
  });
  return form;
}

function card(s) {
  const dueText = s.updateDueLocal
    ? new Intl.DateTimeFormat(tab.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Toronto' }).format(new Date(s.updateDueAt))
    : null;
  const actions = el('div', { class: 'buttons' });
  const article = el('article', { class: `situation urgency-${s.urgency}`, 'aria-labelledby': `h-${s.id}`, 'data-situation': s.id },
    el('h2', { id: `h-${s.id}` }, `${s.id} `, el('span', { class: 'badge', text: tab.t(`my.urgency.${s.urgency}`) })),
    el('dl', { class: 'facts' },
      fact(tab.t('my.part'), `${tab.t(`my.part.${s.agencyPart}`)}${s.agencyState ? `, ${tab.t(`my.state.${s.agencyState}`)}` : ''}`),
      fact(tab.t('my.table'), s.tableName),
      fact(tab.t('my.who'), `${s.type}, ${s.ageGroup}, ${s.gender}`),
      fact(tab.t('my.risks'), s.riskFactors.join(', ')),
      fact(tab.t('my.lead'), s.leadAgencyName || tab.t('my.noLead')),
      fact(tab.t('my.daysOpen'), String(s.daysOpen)),
      dueText ? fact(tab.t('my.due'), dueText) : null),
    s.summary ? el('p', { class: 'summary' }, el('strong', { text: `${tab.t('my.summary')}: ` }), s.summary) : null,
    actions);
  if (s.mayAnswer) {
    actions.append(
      el('button', { type: 'button', onclick: () => act(s, 'accept', null, 'my.accepted'), text: tab.t(s.agencyPart === 'lead' ? 'my.acceptLead' : 'my.acceptAssisting') }),
      el('button', { type: 'button', class: 'secondary', onclick: () => { actions.hidden = true; const f = declineForm(s, actions); article.append(f); f.querySelector('textarea').focus(); }, text: tab.t('my.decline') }));
  }
  if (s.mayPostUpdate) {
    actions.append(el('button', { type: 'button', onclick: () => { actions.hidden = true; const f = updateForm(s, actions); article.append(f); f.querySelector('select').focus(); },
      text: tab.t(s.nextUpdateIsFortyEightHourUpdate ? 'my.postFortyEight' : 'my.postUpdate') }));
  }
  if (s.chatLink) {
    actions.append(el('a', { href: s.chatLink, class: 'link', onclick: (event) => { event.preventDefault(); tab.openLink(s.chatLink); }, text: tab.t('my.openInChat') }));
  }
  return el('li', {}, article);
}

async function showList(focusId) {
  const answer = await tab.api('/my-situations');
  const list = document.getElementById('list');
  if (!answer.ok) { announce(answer.status === 401 ? tab.t('app.notSignedIn') : problemText(answer.body), { error: true }); return; }
  list.replaceChildren(...(answer.body.length === 0 ? [el('p', { text: tab.t('my.none') })] : [el('ol', { class: 'situations' }, answer.body.map(card))]));
  if (focusId) document.getElementById(`h-${focusId}`)?.setAttribute('tabindex', '-1');
  if (focusId) document.getElementById(`h-${focusId}`)?.focus();
}

async function main() {
  tab = await startTab();
  document.getElementById('title').textContent = tab.t('my.title');
  const answer = await tab.api('/me');
  if (!answer.ok) { announce(answer.status === 401 ? tab.t('app.notSignedIn') : problemText(answer.body), { error: true }); return; }
  me = answer.body;
  document.getElementById('main').prepend(
    el('p', { text: tab.t('my.intro', { agency: me.agencyName }) }),
    tab.inTeams ? null : el('p', { class: 'subtle', text: tab.t('app.devUser', { email: me.email }) }));
  await showList();
}

main().catch((error) => announce(tab ? tab.t('app.error', { detail: error.message }) : error.message, { error: true }));
