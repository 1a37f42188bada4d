-- ARGV[4] = call id
local callId = ARGV[4]
local ckey = P .. 'call:' .. callId
local c = redis.call('HMGET', ckey, 'state', 'agent', 'queue', 'at')
if not c[1] then return 1 end
if c[1] ~= 'Accepted' then return 2 end
redis.call('HSET', ckey, 'state', 'Answered', 'answeredat', NOW)
redis.call('ZREM', P .. 'timers', 'accepted|' .. callId) -- answered: the node had the notice
emit({ 'type', 'answered', 'call', callId, 'queue', c[3], 'agent', c[2], 'wait', NOW - tonumber(c[4]) })
return 0
