-- ARGV[4] = call id
local callId = ARGV[4]
local ckey = P .. 'call:' .. callId
local c = redis.call('HMGET', ckey, 'state', 'agent', 'queue', 'answeredat', 'node')
if not c[1] then return 1 end
if c[1] ~= 'Answered' then return 2 end
local handle = NOW - tonumber(c[4])
redis.call('LPUSH', P .. 'aht:' .. c[3], handle)
redis.call('LTRIM', P .. 'aht:' .. c[3], 0, 49)
removeEntry(callId, c[5])
emit({ 'type', 'ended', 'call', callId, 'queue', c[3], 'agent', c[2], 'handle', handle })
local qs = startWrapUp(c[2], c[3], callId)
if #qs > 0 then match(qs) end
return 0
