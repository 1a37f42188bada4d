// Protocol Buffers binary encoding (protobuf.dev "Encoding"), driven by the schema the server generates from the
// protos' own descriptors (/console/schema.json): messages as plain objects with the fields' JSON names, enums by
// value name, 64-bit integers as Numbers, maps as objects. Decoded messages carry proto3 defaults for absent scalar
// fields and, for each oneof, the name of the field that is set under the oneof's own name (event.event === 'offer').

let schema = null;

/** Loads the schema once. */
export async function loadSchema() {
  if (schema === null) {
    const response = await fetch('/console/schema.json', { credentials: 'same-origin', cache: 'no-cache' });
    if (!response.ok) {
      throw new Error('schema: HTTP ' + response.status);
    }
    schema = await response.json();
  }
  return schema;
}

/** The loaded schema (after loadSchema). */
export function currentSchema() {
  return schema;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

class Writer {
  constructor() { this.parts = []; this.length = 0; }
  push(bytes) { this.parts.push(bytes); this.length += bytes.length; }
  byte(b) { this.push(Uint8Array.of(b)); }
  varint(value) {
    let n = BigInt.asUintN(64, BigInt(value));
    const out = [];
    do {
      let b = Number(n & 0x7fn);
      n >>= 7n;
      if (n !== 0n) { b |= 0x80; }
      out.push(b);
    } while (n !== 0n);
    this.push(Uint8Array.from(out));
  }
  tag(no, wireType) { this.varint((no << 3) | wireType); }
  fixed(bytes, setter, value) {
    const buffer = new ArrayBuffer(bytes);
    setter(new DataView(buffer), value);
    this.push(new Uint8Array(buffer));
  }
  delimited(bytes) { this.varint(bytes.length); this.push(bytes); }
  finish() {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) { out.set(part, at); at += part.length; }
    return out;
  }
}

const wireTypes = {
  double: 1, float: 5, int64: 0, uint64: 0, int32: 0, fixed64: 1, fixed32: 5, bool: 0, string: 2, message: 2,
  bytes: 2, uint32: 0, sfixed32: 5, sfixed64: 1, sint32: 0, sint64: 0, enum: 0,
};

function zigzag(value, bits) {
  const n = BigInt(value);
  return bits === 32 ? BigInt.asUintN(32, (n << 1n) ^ (n >> 31n)) : BigInt.asUintN(64, (n << 1n) ^ (n >> 63n));
}

function enumNumber(field, value) {
  if (typeof value === 'number') { return value; }
  const values = schema.enums[field.ofType];
  if (!(value in values)) { throw new Error(`unknown ${field.ofType} value ${value}`); }
  return values[value];
}

function writeScalar(writer, field, value) {
  switch (field.type) {
    case 'double': writer.fixed(8, (v, x) => v.setFloat64(0, x, true), Number(value)); break;
    case 'float': writer.fixed(4, (v, x) => v.setFloat32(0, x, true), Number(value)); break;
    case 'int64': case 'uint64': case 'int32': case 'uint32': writer.varint(value); break;
    case 'sint32': writer.varint(zigzag(value, 32)); break;
    case 'sint64': writer.varint(zigzag(value, 64)); break;
    case 'bool': writer.varint(value ? 1 : 0); break;
    case 'enum': writer.varint(enumNumber(field, value)); break;
    case 'fixed32': writer.fixed(4, (v, x) => v.setUint32(0, x, true), Number(value)); break;
    case 'sfixed32': writer.fixed(4, (v, x) => v.setInt32(0, x, true), Number(value)); break;
    case 'fixed64': writer.fixed(8, (v, x) => v.setBigUint64(0, x, true), BigInt(value)); break;
    case 'sfixed64': writer.fixed(8, (v, x) => v.setBigInt64(0, x, true), BigInt(value)); break;
    case 'string': writer.delimited(encoder.encode(String(value))); break;
    case 'bytes': writer.delimited(value); break;
    case 'message': writer.delimited(encode(field.ofType, value)); break;
    default: throw new Error('unsupported type ' + field.type);
  }
}

function isDefault(field, value) {
  switch (field.type) {
    case 'string': return value === '';
    case 'bytes': return value.length === 0;
    case 'bool': return value === false;
    case 'enum': return enumNumber(field, value) === 0;
    case 'message': return false;
    default: return Number(value) === 0;
  }
}

/** Encodes a message of type `typeName` (full name, e.g. "switchboard.agent.v1.SignInRequest"). */
export function encode(typeName, message) {
  const fields = schema.messages[typeName];
  if (!fields) { throw new Error('unknown message ' + typeName); }
  const writer = new Writer();
  for (const field of fields) {
    const value = message?.[field.name];
    if (value === undefined || value === null) { continue; }
    if (field.map) {
      const entry = schema.messages[field.ofType];
      for (const [key, item] of Object.entries(value)) {
        writer.tag(field.no, 2);
        const inner = new Writer();
        inner.tag(1, wireTypes[entry[0].type]); writeScalar(inner, entry[0], key);
        inner.tag(2, wireTypes[entry[1].type]); writeScalar(inner, entry[1], item);
        writer.delimited(inner.finish());
      }
    } else if (field.repeated) {
      for (const item of value) { writer.tag(field.no, wireTypes[field.type]); writeScalar(writer, field, item); }
    } else {
      if (!field.oneof && !field.optional && isDefault(field, value)) { continue; }
      writer.tag(field.no, wireTypes[field.type]);
      writeScalar(writer, field, value);
    }
  }
  return writer.finish();
}

class Reader {
  constructor(bytes) { this.bytes = bytes; this.at = 0; this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength); }
  done() { return this.at >= this.bytes.length; }
  varint() {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.at >= this.bytes.length) { throw new Error('truncated varint'); }
      const b = this.bytes[this.at++];
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) { return result; }
      shift += 7n;
      if (shift > 70n) { throw new Error('varint too long'); }
    }
  }
  take(n) {
    if (this.at + n > this.bytes.length) { throw new Error('truncated field'); }
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  delimited() { return this.take(Number(this.varint())); }
  skip(wireType) {
    switch (wireType) {
      case 0: this.varint(); break;
      case 1: this.take(8); break;
      case 2: this.delimited(); break;
      case 5: this.take(4); break;
      default: throw new Error('unsupported wire type ' + wireType);
    }
  }
}

function enumName(field, number) {
  const values = schema.enums[field.ofType];
  for (const [name, value] of Object.entries(values)) {
    if (value === number) { return name; }
  }
  return number;
}

function readScalar(reader, field) {
  switch (field.type) {
    case 'double': { const v = reader.take(8); return new DataView(v.buffer, v.byteOffset, 8).getFloat64(0, true); }
    case 'float': { const v = reader.take(4); return new DataView(v.buffer, v.byteOffset, 4).getFloat32(0, true); }
    case 'int64': return Number(BigInt.asIntN(64, reader.varint()));
    case 'uint64': return Number(BigInt.asUintN(64, reader.varint()));
    case 'int32': return Number(BigInt.asIntN(32, reader.varint()));
    case 'uint32': return Number(BigInt.asUintN(32, reader.varint()));
    case 'sint32': case 'sint64': { const n = reader.varint(); return Number((n >> 1n) ^ -(n & 1n)); }
    case 'bool': return reader.varint() !== 0n;
    case 'enum': return enumName(field, Number(BigInt.asIntN(32, reader.varint())));
    case 'fixed32': { const v = reader.take(4); return new DataView(v.buffer, v.byteOffset, 4).getUint32(0, true); }
    case 'sfixed32': { const v = reader.take(4); return new DataView(v.buffer, v.byteOffset, 4).getInt32(0, true); }
    case 'fixed64': { const v = reader.take(8); return Number(new DataView(v.buffer, v.byteOffset, 8).getBigUint64(0, true)); }
    case 'sfixed64': { const v = reader.take(8); return Number(new DataView(v.buffer, v.byteOffset, 8).getBigInt64(0, true)); }
    case 'string': return decoder.decode(reader.delimited());
    case 'bytes': return reader.delimited().slice();
    case 'message': return decode(field.ofType, reader.delimited());
    default: throw new Error('unsupported type ' + field.type);
  }
}

function defaultValue(field) {
  if (field.map) { return {}; }
  if (field.repeated) { return []; }
  switch (field.type) {
    case 'string': return '';
    case 'bool': return false;
    case 'bytes': return new Uint8Array(0);
    case 'enum': return enumName(field, 0);
    case 'message': return null;
    default: return 0;
  }
}

/** Decodes bytes as a message of type `typeName`. */
export function decode(typeName, bytes) {
  const fields = schema.messages[typeName];
  if (!fields) { throw new Error('unknown message ' + typeName); }
  const byNumber = new Map(fields.map(f => [f.no, f]));
  const message = {};
  for (const field of fields) {
    if (!field.oneof) { message[field.name] = field.optional ? null : defaultValue(field); }
  }
  const reader = new Reader(bytes);
  while (!reader.done()) {
    const key = Number(reader.varint());
    const no = key >>> 3;
    const wireType = key & 7;
    const field = byNumber.get(no);
    if (!field) { reader.skip(wireType); continue; }
    if (field.map) {
      const entryFields = schema.messages[field.ofType];
      const entry = decode(field.ofType, reader.delimited());
      message[field.name][entry[entryFields[0].name]] = entry[entryFields[1].name];
    } else if (field.repeated) {
      if (wireType === 2 && field.type !== 'string' && field.type !== 'bytes' && field.type !== 'message') {
        const packed = new Reader(reader.delimited());
        while (!packed.done()) { message[field.name].push(readScalar(packed, field)); }
      } else {
        message[field.name].push(readScalar(reader, field));
      }
    } else {
      message[field.name] = readScalar(reader, field);
      if (field.oneof) { message[field.oneof] = field.name; }
    }
  }
  return message;
}

/** google.protobuf.Timestamp -> Date (null for none). */
export function toDate(timestamp) {
  return timestamp ? new Date(timestamp.seconds * 1000 + Math.floor(timestamp.nanos / 1e6)) : null;
}

/** Date -> google.protobuf.Timestamp. */
export function fromDate(date) {
  const ms = date.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
}

/** google.protobuf.Duration -> seconds (0 for none). */
export function seconds(duration) {
  return duration ? duration.seconds + duration.nanos / 1e9 : 0;
}

/** Seconds -> google.protobuf.Duration. */
export function duration(totalSeconds) {
  const whole = Math.trunc(totalSeconds);
  return { seconds: whole, nanos: Math.round((totalSeconds - whole) * 1e9) };
}
