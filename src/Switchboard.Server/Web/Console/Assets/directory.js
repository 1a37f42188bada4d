// The agent directory on the supervisor page: the list (phone account, queues, languages, skills; levels edited in
// place as queue=level), and a form to add an agent or change one (name, phone account and password, queues,
// languages, skills, enabled), saved with the version read so a concurrent change is not overwritten.

import { t } from './i18n.js';
import { $, call, cell, button } from './ui.js';

let queuesInForce = () => [];
let nameOf = id => id;
let editing = null;

function parseSkills(text) {
  return text.split(',').map(p => p.trim()).filter(p => p.length > 0).map(p => {
    const [name, level] = p.split('=').map(x => x.trim());
    return { name, level: Number(level) };
  });
}

function list(text) {
  return text.split(',').map(p => p.trim()).filter(p => p.length > 0);
}

function renderQueueChoices(chosen) {
  const known = queuesInForce().map(q => q.id);
  const all = [...known, ...chosen.filter(q => !known.includes(q))];
  $('dir-queues').replaceChildren(...all.map(id => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = id;
    box.id = `dir-queue-${id}`;
    box.checked = chosen.includes(id);
    label.append(box, ` ${nameOf(id)}`);
    return label;
  }));
}

/** Fills the form with `agent` to change it, or empties it to add a new one (agent null). */
function openForm(agent) {
  editing = agent;
  $('dir-title').textContent = agent ? `${t('directory.edit')} ${agent.agentId}` : t('directory.new');
  $('dir-id').value = agent?.agentId ?? '';
  $('dir-id').readOnly = agent !== null;
  $('dir-name').value = agent?.displayName ?? '';
  $('dir-phone').value = agent?.phoneUser ?? '';
  $('dir-password').value = '';
  $('dir-password').required = agent === null;
  $('dir-languages').value = (agent?.languages ?? ['sv']).join(', ');
  $('dir-skills').value = (agent?.skills ?? []).map(k => `${k.name}=${k.level}`).join(', ');
  $('dir-enabled').checked = agent?.enabled ?? true;
  renderQueueChoices(agent?.queues ?? []);
  $('dir-result').textContent = '';
}

async function save(e) {
  e.preventDefault();
  const entry = {
    agentId: $('dir-id').value.trim(),
    displayName: $('dir-name').value.trim(),
    phoneUser: $('dir-phone').value.trim(),
    queues: [...$('dir-queues').querySelectorAll('input:checked')].map(b => b.value),
    languages: list($('dir-languages').value),
    skills: parseSkills($('dir-skills').value),
    enabled: $('dir-enabled').checked,
  };
  try {
    const saved = editing
      ? await call('UpdateAgent', { agent: entry, phonePassword: $('dir-password').value, expectedVersion: editing.version })
      : await call('CreateAgent', { agent: entry, phonePassword: $('dir-password').value });
    $('dir-result').textContent = `${t('saved')}: ${saved.agentId}`;
    $('directory-list').dataset.saved = saved.agentId;
    openForm(saved);
    await loadDirectory();
  } catch {
    // Shown by call().
  }
}

export async function loadDirectory() {
  // The queues of the dialplan in force may have arrived (or changed) since the form was drawn.
  renderQueueChoices([...$('dir-queues').querySelectorAll('input:checked')].map(b => b.value));
  try {
    const response = await call('ListDirectoryAgents', { includeDisabled: true });
    $('directory-list').replaceChildren(...response.agents.map(a => {
      const row = document.createElement('tr');
      row.dataset.agent = a.agentId;
      row.append(cell(a.agentId), cell(a.displayName + (a.enabled ? '' : ` (${t('disabled')})`)), cell(a.phoneUser), cell(a.queues.map(nameOf).join(', ')), cell(a.languages.join(', ')));
      const skillsCell = document.createElement('td');
      const skills = document.createElement('input');
      skills.id = `skills-${a.agentId}`;
      skills.size = 18;
      skills.value = a.skills.map(k => `${k.name}=${k.level}`).join(', ');
      skills.setAttribute('aria-label', `${t('skills')} ${a.agentId}`);
      skillsCell.append(skills);
      const actions = document.createElement('td');
      const saveLevels = button(t('save'), async () => {
        try {
          await call('UpdateAgent', { agent: { ...a, skills: parseSkills(skills.value) }, expectedVersion: a.version });
          await loadDirectory();
          $('directory-list').dataset.saved = a.agentId;
        } catch {
          // Shown by call().
        }
      });
      saveLevels.id = `save-${a.agentId}`;
      saveLevels.setAttribute('aria-label', `${t('save')} ${t('skills')} ${a.agentId}`);
      const edit = button(t('directory.edit'), () => { openForm(a); $('dir-name').focus(); });
      edit.id = `edit-${a.agentId}`;
      edit.setAttribute('aria-label', `${t('directory.edit')} ${a.agentId}`);
      actions.append(saveLevels, edit);
      if (a.enabled) {
        const disable = button(t('disable'), async () => {
          try {
            await call('DisableAgent', { agentId: a.agentId, reason: 'console' });
            await loadDirectory();
          } catch {
            // Shown by call().
          }
        }, 'danger');
        disable.setAttribute('aria-label', `${t('disable')} ${a.agentId}`);
        actions.append(disable);
      }
      row.append(skillsCell, actions);
      return row;
    }));
  } catch {
    // Shown by call().
  }
}

/** Wires the form; `queues` gives the queues of the dialplan in force, `name` a queue's display name. */
export function wireDirectory(queues, name) {
  queuesInForce = queues;
  nameOf = name;
  $('directory-form').addEventListener('submit', save);
  $('dir-new').addEventListener('click', () => { openForm(null); $('dir-id').focus(); });
  openForm(null);
}
