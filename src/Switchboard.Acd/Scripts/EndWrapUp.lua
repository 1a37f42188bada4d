-- ARGV[4] = agent id, ARGV[5] = outcome
local id = ARGV[4]
local st = redis.call('HGET', P .. 'agent:' .. id, 'state')
if not st then return 1 end
if st ~= 'WrapUp' then return 2 end
redis.call('ZREM', P .. 'timers', 'wrap|' .. id)
emit({ 'type', 'wrapup_ended', 'agent', id, 'outcome', ARGV[5], 'by', 'agent' })
local qs = setAgentState(id, 'Ready', '', nil)
match(qs)
return 0
