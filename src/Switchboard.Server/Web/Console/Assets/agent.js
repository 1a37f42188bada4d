// The agent page: the control half of a softphone over the public AgentService (gRPC-Web). Audio stays on the
// agent's SIP phone. Everything arrives on the Events stream (state, offers, call, wrap-up, queue counts, transfer
// results, callbacks) without a reload; buttons call the unary RPCs.

import { unary, serverStream, GrpcError } from './grpc-web.js';
import { loadSchema, toDate, seconds, duration } from './protobuf.js';
import { t, applyLabels, toggleLanguage, clock } from './i18n.js';
import { wireNotifications, renderNotifications, notifyOffer, closeOfferNotification } from './notify.js';

const Agent = 'switchboard.agent.v1.AgentService';
const $ = id => document.getElementById(id);

const page = {
  me: null,
  state: 'AGENT_STATE_UNSPECIFIED',
  pauseReason: 'PAUSE_REASON_UNSPECIFIED',
  offer: null,
  callId: null,
  callQueue: null,
  wrapUpSince: null,
  queueCounts: [],
  callbacks: [],
  transfer: null,
};

function show(id, visible) {
  $(id).classList.toggle('hidden', !visible);
}

function fail(error) {
  $('error').textContent = `${t('error')}: ${error instanceof GrpcError ? error.message : String(error)}`;
}

function clearError() {
  $('error').textContent = '';
}

async function call(method, request) {
  clearError();
  try {
    return await unary(Agent, method, request);
  } catch (error) {
    fail(error);
    throw error;
  }
}

function queueName(id) {
  return page.me?.queues.find(q => q.id === id)?.name ?? id;
}

// ---- Rendering -----------------------------------------------------------------------------------------------

function renderState() {
  $('state').textContent = t(page.state);
  $('state').dataset.state = page.state;
  $('state-reason').textContent = page.state === 'AGENT_STATE_PAUSED' ? `(${t(page.pauseReason)})` : '';
  const signedOut = page.state === 'AGENT_STATE_SIGNED_OUT' || page.state === 'AGENT_STATE_UNSPECIFIED';
  show('signin-form', signedOut);
  show('state-actions', !signedOut);
  $('ready').disabled = page.state !== 'AGENT_STATE_PAUSED';
  $('pause').disabled = page.state !== 'AGENT_STATE_READY';
  $('signout-queue').disabled = !(page.state === 'AGENT_STATE_READY' || page.state === 'AGENT_STATE_PAUSED');
  show('offer', page.offer !== null);
  show('call', page.state === 'AGENT_STATE_ON_CALL' && page.callId !== null);
  show('wrapup', page.state === 'AGENT_STATE_WRAP_UP');
  if (page.offer) {
    $('offer-queue').textContent = queueName(page.offer.queue);
    $('offer-language').textContent = t(page.offer.language) || page.offer.language;
    $('offer-kind').textContent = t(page.offer.kind);
  }
  $('call-queue').textContent = page.callQueue ? queueName(page.callQueue) : '';
  $('transfer-result').textContent = page.transfer ?? '–';
}

function renderQueueCounts() {
  const body = $('queue-counts');
  body.replaceChildren(...page.queueCounts.map(q => {
    const row = document.createElement('tr');
    row.dataset.queue = q.queue;
    const cells = [queueName(q.queue), String(q.waiting), clock(seconds(q.longestWait)), String(q.agentsReady), String(q.agentsSignedIn)];
    const fields = ['name', 'waiting', 'longest', 'ready', 'signedIn'];
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) { cell.scope = 'row'; } else { cell.className = 'num'; }
      cell.dataset.field = fields[i];
      cell.textContent = text;
      row.append(cell);
    });
    return row;
  }));
}

function button(text, handler, id) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (id) { b.id = id; }
  b.addEventListener('click', handler);
  return b;
}

function renderCallbacks() {
  const body = $('callback-list');
  if (page.callbacks.length === 0) {
    const row = document.createElement('tr');
    const cell = document.createElement('td');
    cell.colSpan = 6;
    cell.textContent = t('callbacks.none');
    row.append(cell);
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(...page.callbacks.map(c => {
    const row = document.createElement('tr');
    row.dataset.callback = c.callbackId;
    for (const text of [queueName(c.queue), c.number, toDate(c.requestedAt)?.toLocaleString() ?? '', t(c.state), `${c.attempts}/${c.maxAttempts}`]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    const actions = document.createElement('td');
    const mine = c.agentId === page.me?.subject;
    if (c.state === 'CALLBACK_STATE_PENDING' || c.state === 'CALLBACK_STATE_RETRY_WAITING') {
      const claim = button(t('claim'), () => call('ClaimCallback', { callbackId: c.callbackId }).then(loadCallbacks, () => {}));
      claim.setAttribute('aria-label', `${t('claim')} ${c.number}`);
      actions.append(claim);
    }
    if (mine && c.state !== 'CALLBACK_STATE_CLOSED') {
      const select = document.createElement('select');
      select.setAttribute('aria-label', `${t('callback.complete')} ${c.number}`);
      for (const outcome of ['CALLBACK_OUTCOME_COMPLETED', 'CALLBACK_OUTCOME_ANSWERED', 'CALLBACK_OUTCOME_NO_ANSWER', 'CALLBACK_OUTCOME_BUSY', 'CALLBACK_OUTCOME_FAILED']) {
        const option = document.createElement('option');
        option.value = outcome;
        option.textContent = t(outcome);
        select.append(option);
      }
      const complete = button(t('callback.complete'), () => call('CompleteCallback', { callbackId: c.callbackId, outcome: select.value }).then(loadCallbacks, () => {}));
      actions.append(select, complete);
    }
    if (c.state !== 'CALLBACK_STATE_CLOSED') {
      const cancel = button(t('cancel'), () => call('CancelCallback', { callbackId: c.callbackId }).then(loadCallbacks, () => {}));
      cancel.className = 'danger';
      cancel.setAttribute('aria-label', `${t('cancel')} ${c.number}`);
      actions.append(cancel);
    }
    row.append(actions);
    return row;
  }));
}

function renderStats(stats) {
  $('stat-offers').textContent = String(stats.offers);
  $('stat-accepted').textContent = String(stats.accepted);
  $('stat-rejected').textContent = String(stats.rejected);
  $('stat-missed').textContent = String(stats.missed);
  $('stat-answered').textContent = String(stats.callsAnswered);
  $('stat-talk').textContent = clock(seconds(stats.talkTime));
  const outcomes = Object.entries(stats.outcomes).map(([name, count]) => `${name}: ${count}`).join(', ');
  $('stat-outcomes').textContent = outcomes || '–';
}

function redraw() {
  renderState();
  renderQueueCounts();
  renderCallbacks();
}

// ---- Timers: the offer countdown and the wrap-up clock ---------------------------------------------------------

function tick() {
  if (page.offer) {
    const left = (toDate(page.offer.expiresAt).getTime() - Date.now()) / 1000;
    $('countdown').textContent = clock(Math.max(0, Math.ceil(left)));
    $('offer-wait').textContent = clock(seconds(page.offer.waitTime) + (Date.now() - page.offer.receivedAt) / 1000);
  }
  if (page.wrapUpSince) {
    $('wrapup-timer').textContent = clock((Date.now() - page.wrapUpSince) / 1000);
  }
}

function chime() {
  // A short two-tone signal for a new offer (the browser may block sound until the page was used once).
  try {
    const context = new AudioContext();
    [880, 660].forEach((frequency, i) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      gain.gain.value = 0.1;
      oscillator.frequency.value = frequency;
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + i * 0.2);
      oscillator.stop(context.currentTime + i * 0.2 + 0.18);
    });
  } catch {
    // No sound: the panel and the title still change.
  }
}

// ---- Events --------------------------------------------------------------------------------------------------

function onEvent(event) {
  switch (event.event) {
    case 'stateChanged':
      page.state = event.stateChanged.state;
      page.pauseReason = event.stateChanged.pauseReason;
      if (page.state !== 'AGENT_STATE_RESERVED') { page.offer = null; closeOfferNotification(); }
      if (page.state === 'AGENT_STATE_WRAP_UP' && !page.wrapUpSince) { page.wrapUpSince = Date.now(); }
      if (page.state !== 'AGENT_STATE_WRAP_UP') { page.wrapUpSince = null; }
      if (page.state === 'AGENT_STATE_READY' || page.state === 'AGENT_STATE_PAUSED') { loadStats(); }
      break;
    case 'offer':
      page.offer = { ...event.offer, receivedAt: Date.now() };
      page.transfer = null;
      document.title = `${t('offer.new')} ${queueName(event.offer.queue)} – Switchboard`;
      chime();
      notifyOffer(`${t('offer.new')} ${queueName(event.offer.queue)}`, `${t('offer.kind')}: ${t(event.offer.kind)} · ${t('offer.language')}: ${t(event.offer.language) || event.offer.language}`);
      break;
    case 'offerRescinded':
      if (page.offer?.callId === event.offerRescinded.callId) { page.offer = null; closeOfferNotification(); }
      document.title = `${t('agent.title')} – Switchboard`;
      break;
    case 'callConnected':
      page.offer = null;
      closeOfferNotification();
      page.callId = event.callConnected.callId;
      page.callQueue = event.callConnected.queue;
      document.title = `${t('agent.title')} – Switchboard`;
      break;
    case 'callEnded':
      if (page.callId === event.callEnded.callId) { page.callId = null; }
      break;
    case 'wrapUpStarted':
      page.wrapUpSince = Date.now();
      break;
    case 'queueCounts':
      page.queueCounts = event.queueCounts.queues;
      renderQueueCounts();
      break;
    case 'transferResult':
      page.transfer = t(event.transferResult.result) || event.transferResult.result;
      $('transfer-result').dataset.result = event.transferResult.result;
      break;
    case 'callbackClaimed': case 'callbackCompleted': case 'callbackCancelled':
      loadCallbacks();
      break;
    default:
      break;
  }
  renderState();
  tick();
}

async function listen() {
  for (;;) {
    try {
      $('connection').textContent = t('live');
      await serverStream(Agent, 'Events', {}, onEvent);
    } catch (error) {
      if (error instanceof GrpcError && error.code === 16) { return; }
    }
    $('connection').textContent = t('offline');
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

// ---- Loads ---------------------------------------------------------------------------------------------------

async function loadCallbacks() {
  if (page.state === 'AGENT_STATE_SIGNED_OUT') { page.callbacks = []; renderCallbacks(); return; }
  try {
    const response = await unary(Agent, 'ListCallbacks', { limit: 50 });
    page.callbacks = response.callbacks;
  } catch {
    page.callbacks = [];
  }
  renderCallbacks();
}

async function loadStats() {
  try {
    renderStats(await unary(Agent, 'GetMyStatistics', {}));
  } catch {
    // Shown again on the next change.
  }
}

function applyStatus(status) {
  if (!status) { return; }
  page.state = status.state;
  page.pauseReason = status.pauseReason;
  if (status.callId && page.state === 'AGENT_STATE_ON_CALL') { page.callId = status.callId; }
  renderState();
}

// ---- Actions -------------------------------------------------------------------------------------------------

function wire() {
  $('language').addEventListener('click', () => toggleLanguage(() => { redraw(); renderNotifications(); }));
  wireNotifications();
  $('signin-form').addEventListener('submit', async e => {
    e.preventDefault();
    const queues = [...document.querySelectorAll('#signin-queues input:checked')].map(i => i.value);
    const languages = ['sv', 'en'].filter(l => $('lang-' + l).checked);
    try {
      // Skills, levels and the phone come from the agent directory; the ticked queues and languages narrow (none: all assigned).
      const response = await call('SignIn', { queues, languages });
      applyStatus(response.status);
      loadCallbacks();
    } catch {
      // Shown by call().
    }
  });
  $('ready').addEventListener('click', () => call('SetState', { state: 'AGENT_STATE_READY' }).then(r => applyStatus(r.status), () => {}));
  $('pause').addEventListener('click', () => call('SetState', { state: 'AGENT_STATE_PAUSED', pauseReason: $('pause-reason').value }).then(r => applyStatus(r.status), () => {}));
  $('signout-queue').addEventListener('click', () => call('SignOut', {}).then(r => applyStatus(r.status), () => {}));
  $('accept').addEventListener('click', () => {
    if (!page.offer) { return; }
    const callId = page.offer.callId;
    call('AcceptOffer', { callId }).then(() => { page.callId = callId; page.callQueue = page.offer?.queue ?? page.callQueue; }, () => {});
  });
  $('reject').addEventListener('click', () => {
    if (!page.offer) { return; }
    call('RejectOffer', { callId: page.offer.callId }).then(() => { page.offer = null; renderState(); }, () => {});
  });
  $('hangup').addEventListener('click', () => call('HangUp', { callId: page.callId }).catch(() => {}));
  $('transfer-form').addEventListener('submit', async e => {
    e.preventDefault();
    const toQueue = $('transfer-kind-queue').checked;
    const request = { callId: page.callId, onNoAnswerReturnToQueue: $('transfer-return-queue').checked };
    if (toQueue) { request.queue = $('transfer-queue').value; } else { request.externalNumber = $('transfer-number').value.trim(); request.ringTimeout = duration(30); }
    try {
      await call('Transfer', request);
      page.transfer = t('transfer.started');
      $('transfer-result').dataset.result = 'started';
      renderState();
    } catch {
      // Shown by call().
    }
  });
  $('wrapup-form').addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const response = await call('CompleteWrapUp', { outcome: $('outcome').value, note: $('note').value });
      $('note').value = '';
      applyStatus(response.status);
      loadStats();
    } catch {
      // Shown by call().
    }
  });
  $('callbacks-refresh').addEventListener('click', loadCallbacks);
}

async function main() {
  applyLabels();
  wire();
  await loadSchema();
  const me = await fetch('/console/me', { credentials: 'same-origin', cache: 'no-store' });
  if (me.status === 401) { window.location.href = '/signin?next=%2Fconsole'; return; }
  page.me = await me.json();
  $('who').textContent = page.me.subject;
  const queues = $('signin-queues');
  for (const queue of page.me.queues) {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = 'queue-' + queue.id;
    input.value = queue.id;
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = queue.name;
    queues.append(input, label);
    const option = document.createElement('option');
    option.value = queue.id;
    option.textContent = queue.name;
    $('transfer-queue').append(option);
  }
  setInterval(tick, 250);
  renderState();
  loadStats();
  loadCallbacks();
  listen();
  document.body.dataset.ready = 'true';
}

main().catch(fail);
