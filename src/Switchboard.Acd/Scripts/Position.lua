-- ARGV[4] = call id. Read-only.
local c = redis.call('HMGET', P .. 'call:' .. ARGV[4], 'state', 'queue', 'member')
if not c[1] then return false end
local position = 0
if c[1] == 'Waiting' then position = redis.call('ZRANK', P .. 'q:' .. c[2], c[3]) + 1 end
local aht, staffed = queueStats(c[2])
return { c[2], position, aht, staffed }
