-- ARGV[4] = agent id, ARGV[5] = call id
local agentId, callId = ARGV[4], ARGV[5]
local a = redis.call('HMGET', P .. 'agent:' .. agentId, 'state', 'call', 'sip')
local c = redis.call('HMGET', P .. 'call:' .. callId, 'state', 'agent', 'queue', 'node', 'at')
if not a[1] or not c[1] then return 1 end
if a[1] ~= 'Reserved' or a[2] ~= callId or c[1] ~= 'Offered' or c[2] ~= agentId then return 2 end
redis.call('ZREM', P .. 'timers', 'offer|' .. callId .. '|' .. agentId)
redis.call('HSET', P .. 'call:' .. callId, 'state', 'Accepted', 'acceptedat', NOW)
redis.call('HSET', P .. 'agent:' .. agentId, 'missed', 0)
emit({ 'type', 'accepted', 'call', callId, 'queue', c[3], 'agent', agentId, 'wait', NOW - tonumber(c[5]) })
setAgentState(agentId, 'OnCall', '', callId)
publishCall(c[4], 'accepted', callId, c[3], agentId, a[3])
return 0
