// Dialplan dry run on the supervisor page: a local time and key presses, run by the server's IVR engine
// (SimulateDialplan, the engine `sbctl dialplan simulate` runs) on the dialplan in force or on the editor's draft.

import { t } from './i18n.js';
import { $, call } from './ui.js';

/** Now in the dialplan's time zone as a datetime-local value (yyyy-MM-ddTHH:mm). */
function nowIn(zone) {
  return new Date().toLocaleString('sv-SE', { timeZone: zone, hour12: false }).replace(' ', 'T').slice(0, 16);
}

function render(result) {
  const state = result.open ? t('dryrun.open') : t('dryrun.closed');
  const where = result.outcome === 'queue' ? `${t('dryrun.outcome.queue')} ${result.queue}`
    : result.outcome === 'transfer' ? `${t('dryrun.outcome.transfer')} ${result.target}`
      : t(`dryrun.outcome.${result.outcome}`);
  $('dryrun-summary').textContent = `${result.dialplan} ${result.version}, ${result.localTime.replace('T', ' ')} (${result.timeZone}): ${state} (${result.reason}). ${t('dryrun.outcome')}: ${where}.`;
  $('dryrun-summary').dataset.outcome = result.outcome;
  $('dryrun-summary').dataset.queue = result.queue;
  $('dryrun-summary').dataset.open = String(result.open);
  $('dryrun-note').textContent = result.note;
  $('dryrun-steps').replaceChildren(...result.steps.map(step => {
    const li = document.createElement('li');
    li.textContent = step.event;
    if (step.commands.length > 0) {
      const commands = document.createElement('ul');
      for (const command of step.commands) {
        const item = document.createElement('li');
        item.textContent = command;
        commands.append(item);
      }
      li.append(commands);
    }
    return li;
  }));
}

/** Wires the dry-run form; `draft` gives the editor's text. */
export function wireDryRun(draft) {
  $('dryrun-at').value = nowIn('Europe/Stockholm');
  $('dryrun-form').addEventListener('submit', async e => {
    e.preventDefault();
    const request = { localTime: $('dryrun-at').value, digits: $('dryrun-digits').value.trim() };
    if ($('dryrun-source').value === 'draft') { request.yaml = draft(); }
    try {
      render(await call('SimulateDialplan', request));
    } catch {
      $('dryrun-summary').textContent = '';
      $('dryrun-note').textContent = '';
      $('dryrun-steps').replaceChildren();
    }
  });
}
