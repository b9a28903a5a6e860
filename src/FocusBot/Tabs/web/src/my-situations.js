// /tabs/my-situations: the situations that concern the user's agency, most urgent first, with Accept / Decline /
// Post update as on the cards (the same domain calls through the tab API), and a link to the card in chat.
import { announce, el, problemText, startTab } from './common.js';

let tab;
let me;

/**
 * Sends an action under a fresh Idempotency-Key (one per click); the page's own retry (the network failed, or the
 * server answered 5xx or "still being handled") sends the same key again, so the action has one effect. The answer's
 * message (the cards' sentence, in the page's language) goes to the status line.
 */
async function act(situation, path, body, submit) {
  if (submit) submit.disabled = true;
  try {
    const key = crypto.randomUUID();
    const send = () => tab.api(`/situations/${encodeURIComponent(situation.id)}/${path}`, { method: 'POST', body, extraHeaders: { 'Idempotency-Key': key } });
    let answer;
    try {
      answer = await send();
    } catch {
      answer = null;
    }
    if (!answer || answer.status >= 500 || answer.status === 409 && answer.headers.get('Retry-After')) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      answer = await send();
    }
    if (answer.ok) {
      announce(answer.body.message);
      await showList(situation.id);
    } else {
      announce(tab.t('my.refused', { id: situation.id, detail: problemText(answer.body) }), { error: true });
    }
    return answer.ok;
  } finally {
    if (submit) submit.disabled = false;
  }
}

function fact(label, value, name) {
  return el('div', {}, el('dt', { text: label }), el('dd', { text: value, 'data-fact': name }));
}

function checkboxes(name, legend, choices) {
  return el('fieldset', {}, el('legend', { text: legend }),
    choices.map((c) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name, value: c.id }), ` ${c.label}`)));
}

function declineForm(situation, close) {
  const id = `reason-${situation.id}`;
  const send = el('button', { type: 'submit', text: tab.t('my.declineSend') });
  const form = el('form', { class: 'inline-form', id: `decline-${situation.id}`, hidden: true, 'aria-label': tab.t('my.declineForm', { id: situation.id }) },
    el('label', { for: id, text: tab.t('my.declineReason') }),
    el('p', { id: `${id}-hint`, class: 'subtle hint', text: tab.t('my.lengthBetween', { min: tab.formats.number(me.limits.reasonMin), max: tab.formats.number(me.limits.reasonMax) }) }),
    el('textarea', { id, name: 'reason', rows: '3', required: true, minlength: String(me.limits.reasonMin), maxlength: String(me.limits.reasonMax), 'aria-describedby': `${id}-hint` }),
    el('div', { class: 'buttons' }, send, el('button', { type: 'button', class: 'secondary', onclick: close, text: tab.t('my.cancel') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(situation, 'decline', { reason: form.elements.reason.value }, send);
  });
  return form;
}

function updateForm(situation, close) {
  // Made once, when the form is built: sending this form again (a double click, a retry) posts one update.
  const submissionId = crypto.randomUUID();
  const prefix = `u-${situation.id}`;
  const send = el('button', { type: 'submit', text: tab.t('my.updateSend') });
  const form = el('form', { class: 'inline-form', id: `update-${situation.id}`, hidden: true, 'data-submission': submissionId,
    'aria-label': tab.t('my.updateForm', { id: situation.id }) },
    el('label', { for: `${prefix}-kind`, text: tab.t('my.kind') }),
    el('select', { id: `${prefix}-kind`, name: 'kind', required: true },
      el('option', { value: '', text: tab.t('my.choose') }),
      me.updateKinds.map((k) => el('option', { value: k.id, text: k.label }))),
    el('label', { for: `${prefix}-note`, text: tab.t('my.note') }),
    el('p', { id: `${prefix}-note-hint`, class: 'subtle hint', text: tab.t('my.lengthUpTo', { max: tab.formats.number(me.limits.noteMax) }) }),
    el('textarea', { id: `${prefix}-note`, name: 'note', rows: '3', required: true, maxlength: String(me.limits.noteMax), 'aria-describedby': `${prefix}-note-hint` }),
    el('label', { for: `${prefix}-next`, text: tab.t('my.nextStep') }),
    el('input', { id: `${prefix}-next`, name: 'nextStep', type: 'text', maxlength: String(me.limits.nextStepMax) }),
    checkboxes('barriers', tab.t('my.barriers'), me.barriers),
    checkboxes('services', tab.t('my.services'), me.services),
    el('div', { class: 'buttons' }, send, el('button', { type: 'button', class: 'secondary', onclick: close, text: tab.t('my.cancel') })));
  const checked = (name) => [...form.querySelectorAll(`input[name=${name}]:checked`)].map((c) => c.value);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(situation, 'updates', {
      kind: form.elements.kind.value,
      note: form.elements.note.value,
      nextStep: form.elements.nextStep.value || null,
      barriers: checked('barriers'),
      services: checked('services'),
      submissionId,
    }, send);
  });
  return form;
}

/**
 * A button that shows and hides one form (aria-expanded): clicking it again hides it, and opening it hides the
 * situation's other form, so a situation never has more than one form open.
 */
function toggle(label, form, article, focusSelector) {
  const button = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': form.id, text: label });
  button.addEventListener('click', () => {
    const open = form.hidden;
    for (const other of article.querySelectorAll('form.inline-form')) other.hidden = true;
    for (const other of article.querySelectorAll('button[aria-expanded]')) other.setAttribute('aria-expanded', 'false');
    form.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) form.querySelector(focusSelector)?.focus();
  });
  return button;
}

function card(s) {
  const dueText = s.updateDueAt ? tab.formats.moment(s.updateDueAt, s.timeZone) : null;
  const actions = el('div', { class: 'buttons' });
  const article = el('article', { class: `situation urgency-${s.urgency}`, 'aria-labelledby': `h-${s.id}`, 'data-situation': s.id },
    el('h2', { id: `h-${s.id}` }, `${s.id} `, el('span', { class: 'badge', text: tab.t(`my.urgency.${s.urgency}`) })),
    el('dl', { class: 'facts' },
      fact(tab.t('my.part'), `${tab.t(`my.part.${s.agencyPart}`)}${s.agencyState ? `, ${tab.t(`my.state.${s.agencyState}`)}` : ''}`),
      fact(tab.t('my.table'), s.tableName),
      fact(tab.t('my.who'), `${s.type}, ${s.ageGroup}, ${s.gender}`),
      fact(tab.t('my.risks'), s.riskFactors.join(', ')),
      fact(tab.t('my.lead'), s.leadAgencyName || tab.t('my.noLead')),
      fact(tab.t('my.daysOpen'), tab.formats.number(s.daysOpen)),
      dueText ? fact(tab.t('my.due'), dueText, 'due') : null),
    s.summary ? el('p', { class: 'summary' }, el('strong', { text: tab.t('my.summaryLabel') }), s.summary) : null,
    actions);
  const close = (form, button) => () => { form.hidden = true; button.setAttribute('aria-expanded', 'false'); button.focus(); };
  if (s.mayAnswer) {
    const form = declineForm(s, () => close(form, decline)());
    const decline = toggle(tab.t('my.decline'), form, article, 'textarea');
    actions.append(
      el('button', { type: 'button', onclick: (event) => act(s, 'accept', null, event.currentTarget), text: tab.t(s.agencyPart === 'lead' ? 'my.acceptLead' : 'my.acceptAssisting') }),
      decline);
    article.append(form);
  }
  if (s.mayPostUpdate) {
    const form = updateForm(s, () => close(form, post)());
    const post = toggle(tab.t(s.nextUpdateIsFortyEightHourUpdate ? 'my.postFortyEight' : 'my.postUpdate'), form, article, 'select');
    post.classList.remove('secondary');
    actions.append(post);
    article.append(form);
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
  document.title = `FocusBot: ${tab.t('my.title')}`;
  document.getElementById('title').textContent = tab.t('my.title');
  document.querySelector('.skip').textContent = tab.t('app.skip');
  const answer = await tab.api('/me');
  if (!answer.ok) { announce(answer.status === 401 ? tab.t('app.notSignedIn') : problemText(answer.body), { error: true }); return; }
  me = answer.body;
  document.getElementById('main').prepend(
    el('p', { text: tab.t('my.intro', { agency: me.agencyName }) }),
    tab.inTeams ? null : el('p', { class: 'subtle', text: tab.t('app.devUser', { email: me.email }) }));
  await showList();
}

main().catch((error) => announce(tab ? tab.t('app.error', { detail: error.message }) : error.message, { error: true }));
