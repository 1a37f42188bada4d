-- ARGV[4] = call id, ARGV[5] = target queue ('' = the call's own queue), ARGV[6] = skills for the target queue
-- ('-' keeps the entry's own), ARGV[7] = 'transferred' (agent moved the call to a queue) or 'returned' (an external
-- transfer was not answered and the caller goes back to the queue), ARGV[8] = the external target (for 'returned').
-- Moves an answered call back into a queue at its ORIGINAL place (enqueue time 'at' kept), the agent to wrap-up.
local callId, target, skills, mode, ext = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local ckey = P .. 'call:' .. callId
local c = redis.call('HMGET', ckey, 'state', 'agent', 'queue', 'answeredat', 'prio', 'at', 'lang', 'skills')
if not c[1] then return 1 end
if c[1] ~= 'Answered' then return 2 end
if target == '' then target = c[3] end
if redis.call('EXISTS', P .. 'qopt:' .. target) == 0 then return 3 end
if skills == '-' then skills = c[8] or '' end
local handle = NOW - (tonumber(c[4] or '') or NOW)
redis.call('LPUSH', P .. 'aht:' .. c[3], handle)
redis.call('LTRIM', P .. 'aht:' .. c[3], 0, 49)
redis.call('HDEL', P .. 'route:' .. c[3], callId)
-- No escalation in the new queue (the agent chose it); the language fallback counts from the original place.
redis.call('ZREM', P .. 'timers', 'esc|' .. callId, 'lang|' .. callId, 'hangup|' .. callId)
redis.call('HDEL', ckey, 'hup', 'hupch', 'hupleft', 'hupms', 'hupagent') -- a pending hang-up request is void in the queue
local at = tonumber(c[6])
local prio = tonumber(c[5] or '0')
local seq = redis.call('INCR', P .. 'seq')
local member = string.format('%012d|%s', seq, callId)
local score = (9 - prio) * 10000000000000 + at
local lang = c[7] or ''
local langat = at + tonumber(redis.call('HGET', P .. 'qopt:' .. target, 'langwait') or '0')
local esteps = #split(redis.call('HGET', P .. 'qopt:' .. target, 'esc'), ';')
redis.call('HSET', ckey, 'queue', target, 'skills', skills, 'seq', seq, 'member', member, 'score', score,
  'state', 'Waiting', 'agent', '', 'esci', esteps, 'escq', target, 'langat', langat, 'answeredat', '', 'acceptedat', '')
redis.call('ZADD', P .. 'q:' .. target, score, member)
setRoute(callId, target, skills, lang, langat)
if lang ~= '' and langat > NOW then armTimer(langat, 'lang|' .. callId) end
if mode == 'returned' then
  emit({ 'type', 'transfer_not_answered', 'call', callId, 'queue', target, 'agent', c[2], 'target', ext,
    'returned_to', 'queue', 'handle', handle, 'place', at })
else
  emit({ 'type', 'transferred', 'call', callId, 'queue', target, 'agent', c[2], 'from_queue', c[3],
    'handle', handle, 'place', at })
end
local all = { target }
for _, q in ipairs(startWrapUp(c[2], c[3], callId)) do all[#all + 1] = q end
match(all)
return 0
