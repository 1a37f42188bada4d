// Small helpers the supervisor page's modules share: element lookup, table cells, buttons, times, and SupervisorService
// calls that show their error in the page's alert line.

import { unary, GrpcError } from './grpc-web.js';
import { toDate } from './protobuf.js';
import { t } from './i18n.js';

const Supervisor = 'switchboard.supervisor.v1.SupervisorService';

export const $ = id => document.getElementById(id);

/** Shows `error` in the page's alert line. */
export function fail(error) {
  $('error').textContent = `${t('error')}: ${error instanceof GrpcError ? error.message : String(error)}`;
}

/** Calls a SupervisorService method; a failure is shown (and rethrown). */
export async function call(method, request) {
  $('error').textContent = '';
  try {
    return await unary(Supervisor, method, request);
  } catch (error) {
    fail(error);
    throw error;
  }
}

export function cell(text, tag = 'td') {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

export function button(text, handler, className = '') {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.className = className;
  b.addEventListener('click', handler);
  return b;
}

/** A protobuf Timestamp as local Swedish date and time. */
export function when(timestamp) {
  const date = toDate(timestamp);
  return date ? date.toLocaleString('sv-SE') : '–';
}
