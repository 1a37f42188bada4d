-- ARGV[4..9] = id, name, sip, skills, langs, queues
local id = ARGV[4]
local key = P .. 'agent:' .. id
local old = redis.call('HMGET', key, 'state', 'queues')
local state = old[1] or 'LoggedOut'
for _, q in ipairs(split(old[2], ',')) do
  redis.call('ZREM', P .. 'ready:' .. q, id)
  redis.call('SREM', P .. 'loggedin:' .. q, id)
  redis.call('SREM', P .. 'active:' .. q, id)
end
redis.call('HSET', key, 'name', ARGV[5], 'sip', ARGV[6], 'skills', ARGV[7], 'langs', ARGV[8], 'queues', ARGV[9])
if not old[1] then
  redis.call('HSET', key, 'state', 'LoggedOut', 'reason', '', 'since', NOW, 'call', '', 'missed', 0)
end
redis.call('SADD', P .. 'agents', id)
local qs = split(ARGV[9], ',')
indexAgent(id, qs, state)
if state == 'Ready' then match(qs) end
return 0
