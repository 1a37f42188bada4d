-- ARGV[4] = call id
local callId = ARGV[4]
local ckey = P .. 'call:' .. callId
local c = redis.call('HMGET', ckey, 'state', 'agent', 'queue', 'member', 'node', 'at')
if not c[1] then return 1 end
if c[1] == 'Answered' then return 2 end
local mq = {}
if c[1] == 'Waiting' then
  redis.call('ZREM', P .. 'q:' .. c[3], c[4])
else
  redis.call('ZREM', P .. 'timers', 'offer|' .. callId .. '|' .. c[2])
  addAll(mq, setAgentState(c[2], 'Ready', '', nil))
  publishAgent(c[2], 'rescind', { call = callId, queue = c[3] })
end
removeEntry(callId, c[5])
emit({ 'type', 'abandoned', 'call', callId, 'queue', c[3], 'agent', c[2] or '', 'wait', NOW - tonumber(c[6]), 'after', c[1] })
if next(mq) then match(keysOf(mq)) end
return 0
