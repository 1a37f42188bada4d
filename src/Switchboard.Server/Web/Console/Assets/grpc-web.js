// A small gRPC-Web client (the gRPC-Web protocol: 5-byte frames, 0x80 flags the trailers frame) over fetch, for the
// public Switchboard services. Messages are encoded by protobuf.js from the protos' schema. Every call carries the
// session's anti-forgery token (x-csrf-token, from the page's <meta name="csrf-token">); the session cookie is
// HttpOnly and goes with the request by itself. Server-streaming calls read the response body as it arrives.

import { loadSchema, encode, decode } from './protobuf.js';

/** gRPC status codes used by the pages. */
export const Code = Object.freeze({
  OK: 0, CANCELLED: 1, UNKNOWN: 2, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, ABORTED: 10, UNAVAILABLE: 14, UNAUTHENTICATED: 16,
});

/** A call that ended with a status other than OK. */
export class GrpcError extends Error {
  constructor(code, message) {
    super(message || ('gRPC status ' + code));
    this.code = code;
  }
}

const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
let onUnauthenticated = () => { window.location.href = '/signin?next=%2Fconsole'; };

/** What to do when the session has ended (default: back to sign-in). */
export function whenSignedOut(handler) {
  onUnauthenticated = handler;
}

function frame(bytes) {
  const out = new Uint8Array(5 + bytes.length);
  new DataView(out.buffer).setUint32(1, bytes.length, false);
  out.set(bytes, 5);
  return out;
}

function parseTrailers(bytes) {
  const trailers = {};
  for (const line of new TextDecoder().decode(bytes).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) { trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim(); }
  }
  return trailers;
}

function statusError(status, message) {
  const error = new GrpcError(Number(status), message ? decodeURIComponent(message) : '');
  if (error.code === Code.UNAUTHENTICATED) { onUnauthenticated(); }
  return error;
}

async function start(service, method, request, signal) {
  const schema = await loadSchema();
  const rpc = schema.services[service]?.[method];
  if (!rpc) { throw new Error(`unknown method ${service}/${method}`); }
  const response = await fetch(`/${service}/${method}`, {
    method: 'POST',
    body: frame(encode(rpc.input, request ?? {})),
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
    headers: {
      'content-type': 'application/grpc-web+proto',
      'accept': 'application/grpc-web+proto',
      'x-grpc-web': '1',
      'x-csrf-token': csrf,
    },
  });
  if (!response.ok) {
    throw statusError(response.status === 401 ? Code.UNAUTHENTICATED : response.status === 403 ? Code.PERMISSION_DENIED : Code.UNAVAILABLE, 'HTTP ' + response.status);
  }
  const status = response.headers.get('grpc-status');
  if (status !== null && status !== '0') {
    throw statusError(status, response.headers.get('grpc-message'));
  }
  return { response, output: rpc.output };
}

async function* frames(response) {
  const reader = response.body.getReader();
  let buffer = new Uint8Array(0);
  for (;;) {
    while (buffer.length >= 5) {
      const length = new DataView(buffer.buffer, buffer.byteOffset, 5).getUint32(1, false);
      if (buffer.length < 5 + length) { break; }
      yield { flags: buffer[0], data: buffer.slice(5, 5 + length) };
      buffer = buffer.slice(5 + length);
    }
    const { value, done } = await reader.read();
    if (done) { return; }
    const joined = new Uint8Array(buffer.length + value.length);
    joined.set(buffer, 0);
    joined.set(value, buffer.length);
    buffer = joined;
  }
}

async function read(service, method, request, signal, onMessage) {
  const { response, output } = await start(service, method, request, signal);
  let status = response.headers.get('grpc-status');
  let message = response.headers.get('grpc-message');
  for await (const { flags, data } of frames(response)) {
    if (flags & 0x80) {
      const trailers = parseTrailers(data);
      status = trailers['grpc-status'] ?? status;
      message = trailers['grpc-message'] ?? message;
    } else {
      onMessage(decode(output, data));
    }
  }
  if (status === null) { throw new GrpcError(Code.UNAVAILABLE, 'the call ended without a status'); }
  if (status !== '0') { throw statusError(status, message); }
}

/** A unary call: `unary('switchboard.agent.v1.AgentService', 'SetState', { state: 'AGENT_STATE_READY' })`. */
export async function unary(service, method, request) {
  let result = null;
  await read(service, method, request, undefined, m => { result = m; });
  return result;
}

/** A server-streaming call: `onMessage` gets each message; resolves when the server ends the stream. */
export function serverStream(service, method, request, onMessage, signal) {
  return read(service, method, request, signal, onMessage);
}
