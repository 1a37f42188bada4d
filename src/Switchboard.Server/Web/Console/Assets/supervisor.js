// The supervisor pages over the public SupervisorService (gRPC-Web): crisis message, opening-hours calendar with
// exceptions and preview, dialplan editor (server validation as you type, diff, publish, rollback), callbacks,
// reports (table, CSV, SVG charts) and agents. Every change is audited by the server with the signed-in subject.

import { loadSchema, toDate, fromDate, seconds } from './protobuf.js';
import { t, applyLabels, toggleLanguage } from './i18n.js';
import { chart } from './charts.js';
import { $, fail, call, cell, button, when } from './ui.js';
import { wireDryRun } from './dryrun.js';
import { loadAudit, loadLatest, wireAudit } from './audit.js';
import { loadDirectory, wireDirectory } from './directory.js';

const state = { me: null, hours: null, draft: null, calendar: null, dialplan: null, validateTimer: null, validated: null };

function queueName(id) {
  return state.me?.queues.find(q => q.id === id)?.name ?? id;
}

// ---- Tabs ----------------------------------------------------------------------------------------------------

const loaders = {};

function selectTab(tab) {
  for (const other of document.querySelectorAll('[role=tab]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute('aria-controls')).classList.toggle('hidden', !selected);
  }
  loaders[tab.id]?.();
}

function wireTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1;
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', e => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step !== 0) {
        const next = tabs[(i + step + tabs.length) % tabs.length];
        next.focus();
        selectTab(next);
      }
    });
  });
}

// ---- Crisis message ------------------------------------------------------------------------------------------

let crisis = null;

function renderCrisis() {
  if (!crisis) { return; }
  $('crisis-status').textContent = crisis.enabled ? t('crisis.enabled') : t('crisis.disabled');
  $('crisis-status').dataset.enabled = String(crisis.enabled);
  $('crisis-toggle').textContent = crisis.enabled ? t('crisis.off') : t('crisis.on');
  $('crisis-toggle').className = crisis.enabled ? 'danger' : 'primary';
  $('crisis-audit').textContent = crisis.updatedBy ? `${crisis.updatedBy}, ${when(crisis.updatedAt)}` : '–';
  if (!$('crisis-prompts').value && crisis.prompts.length > 0) { $('crisis-prompts').value = crisis.prompts.join(', '); }
  $('crisis-closed').checked = crisis.closed;
}

async function loadCrisis() {
  crisis = await call('GetEmergencyMessage', {}).catch(() => null);
  renderCrisis();
  await loadLatest($('crisis-history'), 'emergency');
}

function wireCrisis() {
  $('crisis-toggle').addEventListener('click', () => {
    $('crisis-question').textContent = crisis?.enabled ? t('crisis.sure.off') : t('crisis.sure.on');
    $('crisis-confirm').classList.remove('hidden');
    $('crisis-yes').focus();
  });
  $('crisis-no').addEventListener('click', () => {
    $('crisis-confirm').classList.add('hidden');
    $('crisis-toggle').focus();
  });
  $('crisis-yes').addEventListener('click', async () => {
    const prompts = $('crisis-prompts').value.split(',').map(p => p.trim()).filter(p => p.length > 0);
    try {
      crisis = await call('SetEmergencyMessage', { enabled: !crisis?.enabled, prompts, closed: $('crisis-closed').checked });
      renderCrisis();
      await loadLatest($('crisis-history'), 'emergency');
    } catch {
      // Shown by call().
    }
    $('crisis-confirm').classList.add('hidden');
    $('crisis-toggle').focus();
  });
}

// ---- Opening hours -------------------------------------------------------------------------------------------

function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function renderCalendar(days, previous = null) {
  const table = $('calendar');
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const name of ['Mån', 'Tis', 'Ons', 'Tors', 'Fre', 'Lör', 'Sön']) { headRow.append(cell(name, 'th')); }
  head.append(headRow);
  const body = document.createElement('tbody');
  const first = new Date(days[0].date + 'T12:00:00');
  const offset = (first.getDay() + 6) % 7;
  let row = document.createElement('tr');
  for (let i = 0; i < offset; i++) { row.append(cell('')); }
  days.forEach(day => {
    const td = document.createElement('td');
    td.dataset.date = day.date;
    td.dataset.open = day.open.join(',');
    td.dataset.reason = day.reason;
    const closed = day.open.length === 0;
    td.className = closed ? 'closed' : '';
    const before = previous?.find(d => d.date === day.date);
    if (before && before.open.join(',') !== day.open.join(',')) { td.classList.add('changed'); td.dataset.changed = 'true'; }
    const date = document.createElement('strong');
    date.textContent = day.date.slice(5);
    const open = document.createElement('div');
    open.textContent = closed ? t('hours.closed') : day.open.join(', ');
    const why = document.createElement('div');
    why.className = 'muted';
    why.textContent = day.holiday || day.note || (day.reason === 'exception' ? t('hours.exception') : day.reason === 'day-before-holiday' ? t('hours.dayBefore') : '');
    td.append(date, open, why);
    row.append(td);
    if (row.children.length === 7) { body.append(row); row = document.createElement('tr'); }
  });
  if (row.children.length > 0) { body.append(row); }
  table.replaceChildren(head, body);
}

function renderExceptions() {
  const body = $('exceptions');
  body.replaceChildren(...state.draft.exceptions.map((e, i) => {
    const row = document.createElement('tr');
    row.dataset.date = e.date;
    row.append(cell(e.date), cell(e.closed ? t('hours.closed') : e.hours.join(', ')), cell(e.note));
    const actions = document.createElement('td');
    const remove = button(t('hours.remove'), () => { state.draft.exceptions.splice(i, 1); renderExceptions(); });
    remove.setAttribute('aria-label', `${t('hours.remove')} ${e.date}`);
    actions.append(remove);
    row.append(actions);
    return row;
  }));
}

async function loadCalendar(preview = null) {
  const request = { days: 28, queue: $('hours-queue').value, from: $('hours-from').value };
  if (preview) { request.preview = preview; }
  const response = await call('GetOpeningCalendar', request);
  renderCalendar(response.days, preview ? state.calendar : null);
  if (!preview) { state.calendar = response.days; }
  $('hours-source').textContent = `${response.timeZone} · ${response.source}`;
  $('calendar').dataset.source = response.source;
  $('hours-note').textContent = preview ? t('hours.changed') : '';
  return response;
}

async function loadHours() {
  try {
    state.hours = await call('GetOpeningHours', {});
    state.draft = structuredClone(state.hours);
    renderExceptions();
    await loadCalendar();
  } catch {
    // Shown by call().
  }
}

function wireHours() {
  $('hours-queue').addEventListener('change', () => loadCalendar().catch(() => {}));
  $('hours-from').addEventListener('change', () => loadCalendar().catch(() => {}));
  $('exception-form').addEventListener('submit', e => {
    e.preventDefault();
    const date = $('exc-date').value;
    const closed = $('exc-closed').checked;
    state.draft.exceptions = state.draft.exceptions.filter(x => x.date !== date);
    state.draft.exceptions.push({ date, closed, hours: closed ? [] : [`${$('exc-from').value}-${$('exc-to').value}`], prompts: [], note: $('exc-note').value.trim() });
    state.draft.exceptions.sort((a, b) => a.date.localeCompare(b.date));
    renderExceptions();
    loadCalendar(state.draft).catch(() => {});
  });
  $('hours-preview').addEventListener('click', () => loadCalendar(state.draft).catch(() => {}));
  $('hours-save').addEventListener('click', async () => {
    try {
      state.hours = await call('UpdateOpeningHours', { hours: state.draft });
      state.draft = structuredClone(state.hours);
      $('hours-result').textContent = `${t('saved')}: ${state.hours.updatedBy}, ${when(state.hours.updatedAt)}`;
      $('hours-result').dataset.saved = 'true';
      renderExceptions();
      await loadCalendar();
    } catch {
      // Shown by call().
    }
  });
}

// ---- Dialplan ------------------------------------------------------------------------------------------------

function diffLines(before, after) {
  // Longest common subsequence over lines; fine for dialplans of a few hundred lines.
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { i++; j++; continue; }
    if (j < m && (i >= n || table[i][j + 1] >= table[i + 1][j])) { out.push({ kind: 'add', line: j + 1, text: b[j] }); j++; } else { out.push({ kind: 'del', line: i + 1, text: a[i] }); i++; }
  }
  return out;
}

function renderDiff() {
  const live = state.dialplan?.yaml ?? '';
  const changes = diffLines(live, $('dialplan-yaml').value);
  $('dialplan-diff').replaceChildren(...changes.map(c => {
    const span = document.createElement('span');
    span.className = c.kind;
    span.textContent = `${c.kind === 'add' ? '+' : '-'} ${String(c.line).padStart(4)}  ${c.text}\n`;
    return span;
  }));
  $('dialplan-diff').dataset.changes = String(changes.length);
}

function renderGutter(problems = []) {
  const count = $('dialplan-yaml').value.split('\n').length;
  const bad = new Set(problems.filter(p => p.severity === 'error').map(p => p.line));
  const items = [];
  for (let line = 1; line <= count; line++) {
    const li = document.createElement('li');
    li.textContent = String(line);
    if (bad.has(line)) { li.className = 'bad'; li.dataset.bad = 'true'; }
    items.push(li);
  }
  $('dialplan-lines').replaceChildren(...items);
}

async function validate() {
  const yaml = $('dialplan-yaml').value;
  try {
    const result = await call('ValidateDialplan', { yaml });
    if ($('dialplan-yaml').value !== yaml) { return; }
    state.validated = result;
    const errors = result.problems.filter(p => p.severity === 'error');
    $('dialplan-status').textContent = result.valid ? t('dialplan.valid') : `${errors.length} ${t('error').toLowerCase()}`;
    $('dialplan-status').dataset.valid = String(result.valid);
    $('dialplan-status').className = result.valid ? 'ok' : 'error';
    $('dialplan-problems').replaceChildren(...result.problems.map(p => {
      const li = document.createElement('li');
      li.dataset.line = String(p.line);
      li.className = p.severity === 'error' ? 'error' : 'muted';
      li.textContent = `${p.line}:${p.column} ${p.severity}: ${p.message}`;
      return li;
    }));
    $('dialplan-publish').disabled = !result.valid;
    renderGutter(result.problems);
  } catch {
    // Shown by call().
  }
  renderDiff();
}

function renderHistory() {
  $('dialplan-history').replaceChildren(...(state.dialplan?.history ?? []).map(v => {
    const row = document.createElement('tr');
    row.dataset.sequence = String(v.sequence);
    row.append(cell(String(v.sequence)), cell(when(v.publishedAt)), cell(v.publishedBy), cell(v.comment), cell(v.rollbackOf ? `↩ ${v.rollbackOf}` : v.changeSummary));
    const actions = document.createElement('td');
    if (v.sequence !== state.dialplan.version?.sequence) {
      const rollback = button(`${t('dialplan.rollback')} ${v.sequence}`, async () => {
        try {
          const result = await call('RollbackDialplan', { sequence: v.sequence, comment: $('dialplan-comment').value });
          $('dialplan-result').textContent = `${t('saved')}: #${result.version.sequence}`;
          await loadDialplan(true);
        } catch {
          // Shown by call().
        }
      });
      rollback.id = `rollback-${v.sequence}`;
      actions.append(rollback);
    }
    row.append(actions);
    return row;
  }));
}

async function loadDialplan(replaceText = false) {
  try {
    state.dialplan = await call('GetDialplan', { historyLimit: 20 });
    $('dialplan-version').textContent = state.dialplan.version ? `#${state.dialplan.version.sequence} (${state.dialplan.version.publishedBy}, ${when(state.dialplan.version.publishedAt)})` : '–';
    $('dialplan-version').dataset.sequence = String(state.dialplan.version?.sequence ?? 0);
    if (replaceText || !$('dialplan-yaml').value) { $('dialplan-yaml').value = state.dialplan.yaml; }
    renderHistory();
    renderGutter();
    await validate();
  } catch {
    // Shown by call().
  }
}

function wireDialplan() {
  $('dialplan-yaml').addEventListener('input', () => {
    renderGutter(state.validated?.problems ?? []);
    clearTimeout(state.validateTimer);
    state.validateTimer = setTimeout(validate, 400);
  });
  $('dialplan-yaml').addEventListener('scroll', () => { $('dialplan-lines').parentElement.scrollTop = $('dialplan-yaml').scrollTop; });
  $('dialplan-publish').addEventListener('click', async () => {
    try {
      const result = await call('PublishDialplan', {
        yaml: $('dialplan-yaml').value,
        comment: $('dialplan-comment').value,
        expectedCurrentSequence: state.dialplan?.version?.sequence ?? 0,
      });
      $('dialplan-result').textContent = `${t('saved')}: #${result.version.sequence}`;
      $('dialplan-result').dataset.sequence = String(result.version.sequence);
      await loadDialplan(true);
    } catch {
      // Shown by call().
    }
  });
}

// ---- Callbacks -----------------------------------------------------------------------------------------------

async function loadCallbacks() {
  try {
    const response = await call('ListCallbacks', { queue: $('cb-queue').value, limit: 200 });
    $('cb-list').replaceChildren(...response.callbacks.map(c => {
      const row = document.createElement('tr');
      row.dataset.callback = c.callbackId;
      row.append(cell(queueName(c.queue)), cell(c.number), cell(when(c.requestedAt)), cell(t(c.state)), cell(`${c.attempts}/${c.maxAttempts}`));
      const actions = document.createElement('td');
      const reason = document.createElement('input');
      reason.setAttribute('aria-label', `${t('hours.reason')} ${c.number}`);
      reason.maxLength = 200;
      const cancel = button(t('cancel'), async () => {
        try {
          await call('CancelCallback', { callbackId: c.callbackId, reason: reason.value });
          await loadCallbacks();
        } catch {
          // Shown by call().
        }
      }, 'danger');
      cancel.setAttribute('aria-label', `${t('cancel')} ${c.number}`);
      actions.append(reason, cancel);
      row.append(actions);
      return row;
    }));
    if (response.callbacks.length === 0) {
      const row = document.createElement('tr');
      const only = cell(t('callbacks.none'));
      only.colSpan = 6;
      row.append(only);
      $('cb-list').replaceChildren(row);
    }
  } catch {
    // Shown by call().
  }
}

// ---- Reports -------------------------------------------------------------------------------------------------

const reportColumns = [
  ['queue', 'queue', r => queueName(r.queue)],
  ['start', 'start', r => toDate(r.start).toLocaleString('sv-SE', { timeZone: state.reportZone })],
  ['offered', 'offered', r => r.offered],
  ['answered', 'answered', r => r.answered],
  ['abandoned', 'abandoned', r => r.abandoned],
  ['short_abandoned', 'short abandoned', r => r.shortAbandoned],
  ['sl', 'SL', r => (r.serviceLevel === null ? '' : (r.serviceLevel * 100).toFixed(1) + '%')],
  ['asa_s', 'ASA s', r => Math.round(seconds(r.averageSpeedOfAnswer))],
  ['avg_wait_s', 'avg wait s', r => Math.round(seconds(r.averageWait))],
  ['max_wait_s', 'max wait s', r => Math.round(seconds(r.longestWait))],
  ['aht_s', 'AHT s', r => Math.round(seconds(r.averageHandleTime))],
  ['cb_requested', 'callbacks', r => r.callbacksRequested],
  ['tr_answered', 'transfers answered', r => r.transfersAnswered],
];

/** A wait bucket as text: "0–20 s", "1–3 min", "10+ min". */
function bucketLabel(lower, upper) {
  if (upper !== null && upper <= 60) { return `${lower}–${upper} s`; }
  const minutes = v => String(Math.round(v / 6) / 10);
  return upper === null ? `${minutes(lower)}+ min` : `${minutes(lower)}–${minutes(upper)} min`;
}

function intervalLabel(row, grouping) {
  // In the report's time zone (Europe/Stockholm), whatever the browser's is.
  const date = toDate(row.start);
  if (grouping === 'REPORT_GROUPING_HOUR') { return date.toLocaleTimeString('sv-SE', { timeZone: state.reportZone, hour: '2-digit' }); }
  return date.toLocaleDateString('sv-SE', { timeZone: state.reportZone }).slice(5);
}

async function showReport() {
  const from = new Date($('report-from').value + 'T00:00:00');
  const to = new Date($('report-to').value + 'T00:00:00');
  to.setDate(to.getDate() + 1);
  const grouping = $('report-by').value;
  const queue = $('report-queue').value;
  try {
    const report = await call('GetQueueReport', { from: fromDate(from), to: fromDate(to), grouping, queues: queue ? [queue] : [] });
    state.reportZone = report.timeZone || 'Europe/Stockholm';
    const rows = report.rows;
    const buckets = report.waitBuckets.map(b => [seconds(b.lower), b.upper ? seconds(b.upper) : null]);
    const columns = [...reportColumns, ...buckets.map(([lower, upper], i) => [
      `wait_${lower}_${upper ?? 'up'}_s`, `${t('reports.waited')} ${bucketLabel(lower, upper)}`, r => r.waitDistribution[i] ?? 0])];
    const table = $('report-table');
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    for (const [, title] of columns) { const th = cell(title, 'th'); th.scope = 'col'; headRow.append(th); }
    head.append(headRow);
    const body = document.createElement('tbody');
    for (const row of rows) {
      const tr = document.createElement('tr');
      tr.dataset.queue = row.queue;
      for (const [key, , value] of columns) { const td = cell(String(value(row))); td.dataset.field = key; tr.append(td); }
      body.append(tr);
    }
    table.replaceChildren(head, body);
    table.dataset.rows = String(rows.length);
    const csv = [columns.map(c => c[0]).join(','), ...rows.map(r => columns.map(([, , value]) => `"${String(value(r)).replaceAll('"', '""')}"`).join(','))].join('\n');
    const link = $('report-csv');
    URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([csv + '\n'], { type: 'text/csv' }));
    link.classList.remove('hidden');
    // Charts over the intervals, all queues summed (or the chosen one).
    const starts = [...new Set(rows.map(r => toDate(r.start).getTime()))].sort((a, b) => a - b);
    const sum = (start, f) => rows.filter(r => toDate(r.start).getTime() === start).reduce((s, r) => s + f(r), 0);
    const labels = starts.map(s => intervalLabel(rows.find(r => toDate(r.start).getTime() === s), grouping));
    const threshold = seconds(report.serviceLevelThreshold);
    const charts = $('report-charts');
    charts.replaceChildren(
      chart({ id: 'chart-volume', title: 'Erbjudna, besvarade och tappade samtal', labels, series: [
        { name: 'erbjudna', values: starts.map(s => sum(s, r => r.offered)) },
        { name: 'besvarade', values: starts.map(s => sum(s, r => r.answered)) },
        { name: 'tappade', values: starts.map(s => sum(s, r => r.abandoned)) },
      ] }),
      chart({ id: 'chart-sl', title: `Servicenivå (besvarade inom ${threshold} s)`, labels, format: v => `${Math.round(v)}%`, integer: false,
        series: [{ name: 'servicenivå', kind: 'line', values: starts.map(s => {
          const answered = sum(s, r => r.answered);
          const within = sum(s, r => (r.serviceLevel ?? 0) * r.answered);
          return answered > 0 ? (100 * within) / answered : null;
        }) }],
        target: { value: 80, name: 'mål 80 %' } }),
      chart({ id: 'chart-wait', title: 'Väntetid (sekunder)', labels, integer: false, format: v => (v < 10 ? v.toFixed(1) : String(Math.round(v))), series: [
        { name: 'medel', values: starts.map(s => { const n = sum(s, r => r.offered); return n > 0 ? sum(s, r => seconds(r.averageWait) * r.offered) / n : 0; }) },
        { name: 'längsta', values: starts.map(s => Math.max(0, ...rows.filter(r => toDate(r.start).getTime() === s).map(r => seconds(r.longestWait)))) },
      ] }),
      chart({ id: 'chart-wait-distribution', title: t('reports.distribution'), labels: buckets.map(([lower, upper]) => bucketLabel(lower, upper)), series: [
        { name: t('reports.calls'), values: buckets.map((_, i) => rows.reduce((sum, r) => sum + Number(r.waitDistribution[i] ?? 0), 0)) },
      ] }),
    );
  } catch {
    // Shown by call().
  }
}

// ---- Agents --------------------------------------------------------------------------------------------------

async function loadAgents() {
  try {
    const response = await call('ListAgents', { includeSignedOut: true });
    $('agent-list').replaceChildren(...response.agents.map(a => {
      const row = document.createElement('tr');
      row.dataset.agent = a.agentId;
      row.append(cell(a.agentId), cell(a.displayName), cell(t(a.state) + (a.pauseReason ? ` (${a.pauseReason})` : '')), cell(when(a.stateSince)), cell(a.queues.map(queueName).join(', ')));
      const actions = document.createElement('td');
      const select = document.createElement('select');
      select.setAttribute('aria-label', `${t('state')} ${a.agentId}`);
      for (const s of ['AGENT_STATE_READY', 'AGENT_STATE_PAUSED', 'AGENT_STATE_SIGNED_OUT']) {
        const option = document.createElement('option');
        option.value = s;
        option.textContent = t(s);
        select.append(option);
      }
      const reason = document.createElement('input');
      reason.setAttribute('aria-label', `${t('hours.reason')} ${a.agentId}`);
      const force = button(t('agents.force'), async () => {
        try {
          await call('ForceAgentState', { agentId: a.agentId, state: select.value, reason: reason.value });
          await loadAgents();
        } catch {
          // Shown by call().
        }
      });
      actions.append(select, reason, force);
      row.append(actions);
      return row;
    }));
  } catch {
    // Shown by call().
  }
}

// ---- Start ---------------------------------------------------------------------------------------------------

async function main() {
  applyLabels();
  wireTabs();
  wireCrisis();
  wireHours();
  wireDialplan();
  wireDryRun(() => $('dialplan-yaml').value);
  wireAudit();
  wireDirectory(() => state.me?.queues ?? [], queueName);
  $('cb-refresh').addEventListener('click', loadCallbacks);
  $('cb-queue').addEventListener('change', loadCallbacks);
  $('report-form').addEventListener('submit', e => { e.preventDefault(); showReport(); });
  $('language').addEventListener('click', () => toggleLanguage(() => { renderCrisis(); }));
  loaders['tab-crisis'] = loadCrisis;
  loaders['tab-hours'] = loadHours;
  loaders['tab-dialplan'] = () => loadDialplan(false);
  loaders['tab-callbacks'] = loadCallbacks;
  loaders['tab-agents'] = () => { loadAgents(); loadDirectory(); };
  loaders['tab-audit'] = () => loadAudit(false);
  await loadSchema();
  const me = await fetch('/console/me', { credentials: 'same-origin', cache: 'no-store' });
  if (me.status === 401) { window.location.href = '/signin?next=%2Fconsole'; return; }
  state.me = await me.json();
  $('who').textContent = state.me.subject;
  for (const id of ['hours-queue', 'cb-queue', 'report-queue']) {
    for (const queue of state.me.queues) {
      const option = document.createElement('option');
      option.value = queue.id;
      option.textContent = queue.name;
      $(id).append(option);
    }
  }
  const today = new Date();
  $('hours-from').value = isoDate(today);
  $('report-to').value = isoDate(today);
  $('report-from').value = isoDate(new Date(today.getTime() - 6 * 86400000));
  setInterval(() => { if (!$('panel-agents').classList.contains('hidden')) { loadAgents(); } }, 3000);
  await loadCrisis();
  document.body.dataset.ready = 'true';
}

main().catch(fail);
