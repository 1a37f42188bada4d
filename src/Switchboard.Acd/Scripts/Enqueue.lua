-- ARGV[4..14] = call id, queue, skills, lang, priority, caller, kind, callback number, node, original place (ms or ''),
-- caller hash (HMAC of the caller's number: the stream never holds the number)
local callId, q, skills, lang = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local prio, caller, kind, cbnum, node, orig = tonumber(ARGV[8]), ARGV[9], ARGV[10], ARGV[11], ARGV[12], ARGV[13]
local ckey = P .. 'call:' .. callId
local function result(outcome, queue)
  local c = redis.call('HMGET', ckey, 'state', 'agent', 'member')
  local position = 0
  if c[1] == 'Waiting' then position = redis.call('ZRANK', P .. 'q:' .. queue, c[3]) + 1 end
  local aht, staffed = queueStats(queue)
  return { outcome, queue, position, c[2] or '', aht, staffed }
end
if redis.call('EXISTS', ckey) == 1 then
  return result('AlreadyQueued', redis.call('HGET', ckey, 'queue'))
end
if redis.call('EXISTS', P .. 'qopt:' .. q) == 0 then return { 'UnknownQueue', q, 0, '', -1, 0 } end
local outcome = 'Queued'
if kind == 'Call' and redis.call('SCARD', P .. 'loggedin:' .. q) == 0 then
  local na = redis.call('HMGET', P .. 'qopt:' .. q, 'noagents', 'noagentsq')
  if na[1] == 'Callback' then return { 'OfferCallback', q, 0, '', -1, 0 } end
  if na[1] == 'Closed' then return { 'Closed', q, 0, '', -1, 0 } end
  if na[1] == 'Overflow' and na[2] and na[2] ~= '' and redis.call('EXISTS', P .. 'qopt:' .. na[2]) == 1 then
    q = na[2]
    outcome = 'Overflowed'
  end
end
local at = NOW
if orig ~= '' then at = tonumber(orig) end
local seq = redis.call('INCR', P .. 'seq')
local member = string.format('%012d|%s', seq, callId)
local score = (9 - prio) * 10000000000000 + at
local opt = redis.call('HMGET', P .. 'qopt:' .. q, 'langwait', 'esc')
local langat = at + tonumber(opt[1] or '0')
redis.call('HSET', ckey, 'queue', q, 'skills', skills, 'lang', lang, 'prio', prio, 'at', at, 'seq', seq,
  'member', member, 'score', score, 'node', node, 'kind', kind, 'caller', caller, 'cbnum', cbnum,
  'state', 'Waiting', 'agent', '', 'esci', 0, 'escq', q, 'langat', langat)
redis.call('ZADD', P .. 'q:' .. q, score, member)
setRoute(callId, q, skills, lang, langat)
if kind == 'Call' then redis.call('SADD', P .. 'nodecalls:' .. node, callId) end
local steps = split(opt[2], ';')
if #steps > 0 then
  armTimer(at + tonumber(split(steps[1], '/')[1]), 'esc|' .. callId)
end
if lang ~= '' and langat > NOW then armTimer(langat, 'lang|' .. callId) end
emit({ 'type', 'enqueued', 'call', callId, 'queue', q, 'kind', kind, 'prio', prio, 'lang', lang,
  'skills', skills, 'caller_hash', ARGV[14] or '', 'node', node, 'place', at, 'outcome', outcome })
match({ q })
return result(outcome, q)
