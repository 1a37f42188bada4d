-- ARGV[4] = agent id, ARGV[5] = call id, ARGV[6] = operation id ('' none)
local agentId, callId, op = ARGV[4], ARGV[5], ARGV[6] or ''
local seen = opAnswer(op)
if seen then return seen end
local a = redis.call('HMGET', P .. 'agent:' .. agentId, 'state', 'call')
local c = redis.call('HMGET', P .. 'call:' .. callId, 'state', 'agent', 'queue', 'node')
if not a[1] or not c[1] then return opDone(op, 1) end
if a[2] ~= callId or c[2] ~= agentId or (c[1] ~= 'Offered' and c[1] ~= 'Accepted') then return opDone(op, 2) end
redis.call('ZREM', P .. 'timers', 'offer|' .. callId .. '|' .. agentId, 'accepted|' .. callId)
local q = requeue(callId)
emit({ 'type', 'rejected', 'call', callId, 'queue', q, 'agent', agentId, 'after', c[1] })
publishCall(c[4], 'requeued', callId, q, agentId, nil, 'rejected')
local qs = missed(agentId, q, callId)
local mq = { [q] = true }
addAll(mq, qs)
match(keysOf(mq))
return opDone(op, 0)
