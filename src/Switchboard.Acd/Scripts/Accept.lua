-- ARGV[4] = agent id, ARGV[5] = call id, ARGV[6] = the accepting node ('' none), ARGV[7] = operation id ('' none),
-- ARGV[8] = how long the call's node has to acknowledge the 'accepted' notice (ms), ARGV[9] = re-sends before the call
-- goes back to its place (Timers.lua, timer 'accepted|<call>')
local agentId, callId, acceptNode, op = ARGV[4], ARGV[5], ARGV[6] or '', ARGV[7] or ''
local ackMs, resends = tonumber(ARGV[8] or '5000'), tonumber(ARGV[9] or '2')
local seen = opAnswer(op)
if seen then return seen end
local a = redis.call('HMGET', P .. 'agent:' .. agentId, 'state', 'call', 'sip')
local c = redis.call('HMGET', P .. 'call:' .. callId, 'state', 'agent', 'queue', 'node', 'at', 'kind')
if not a[1] or not c[1] then return opDone(op, 1) end
-- The same agent accepting the same call again (their client retried after a timeout, with a new operation id):
-- already theirs, nothing changes.
if a[1] == 'OnCall' and a[2] == callId and c[2] == agentId and (c[1] == 'Accepted' or c[1] == 'Answered') then
  return opDone(op, 0)
end
if a[1] ~= 'Reserved' or a[2] ~= callId or c[1] ~= 'Offered' or c[2] ~= agentId then return opDone(op, 2) end
redis.call('ZREM', P .. 'timers', 'offer|' .. callId .. '|' .. agentId)
redis.call('HSET', P .. 'call:' .. callId, 'state', 'Accepted', 'acceptedat', NOW, 'ackms', ackMs, 'ackleft', resends)
redis.call('HDEL', P .. 'call:' .. callId, 'ackat')
-- A callback has no caller on the line: the node that enqueued it may be gone or restarted, so the node where the
-- agent accepted (alive: it runs this command) dials it and gets this call's later events.
if c[6] == 'Callback' and acceptNode ~= '' then
  c[4] = acceptNode
  redis.call('HSET', P .. 'call:' .. callId, 'node', acceptNode)
end
redis.call('HSET', P .. 'agent:' .. agentId, 'missed', 0)
emit({ 'type', 'accepted', 'call', callId, 'queue', c[3], 'agent', agentId, 'wait', NOW - tonumber(c[5]) })
setAgentState(agentId, 'OnCall', '', callId)
-- Pub/sub is at most once: the notice is re-sent until the call's node acknowledges it (AckAccepted.lua).
armTimer(NOW + ackMs, 'accepted|' .. callId)
publishCall(c[4], 'accepted', callId, c[3], agentId, a[3])
return opDone(op, 0)
