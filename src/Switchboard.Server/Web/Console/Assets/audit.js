// The audit trail on the supervisor page: who changed what and when (ListAuditEntries), newest first, filtered by
// kind of change, one page at a time ("older" reads the next page).

import { t } from './i18n.js';
import { $, call, cell, when } from './ui.js';

let next = '';

function rows(entries) {
  return entries.map(e => {
    const row = document.createElement('tr');
    row.dataset.action = e.action;
    row.append(cell(when(e.at)), cell(e.who), cell(t(`audit.${e.action}`) === `audit.${e.action}` ? e.action : t(`audit.${e.action}`)), cell(e.details));
    return row;
  });
}

/** Reads the first page (or, with `more`, the next older one) for the chosen filter. */
export async function loadAudit(more = false) {
  try {
    const response = await call('ListAuditEntries', { limit: 25, actionPrefix: $('audit-filter').value, pageToken: more ? next : '' });
    next = response.nextPageToken;
    if (more) { $('audit-list').append(...rows(response.entries)); } else { $('audit-list').replaceChildren(...rows(response.entries)); }
    $('audit-list').dataset.count = String($('audit-list').children.length);
    $('audit-more').disabled = next === '';
  } catch {
    // Shown by call().
  }
}

/** The newest few entries of one kind, e.g. the crisis message's, as "who, when: details" lines in `list`. */
export async function loadLatest(list, actionPrefix, count = 3) {
  try {
    const response = await call('ListAuditEntries', { limit: count, actionPrefix });
    list.replaceChildren(...response.entries.map(e => {
      const li = document.createElement('li');
      li.textContent = `${e.who}, ${when(e.at)}: ${e.details}`;
      return li;
    }));
  } catch {
    // Shown by call().
  }
}

export function wireAudit() {
  $('audit-filter').addEventListener('change', () => loadAudit(false));
  $('audit-more').addEventListener('click', () => loadAudit(true));
}
