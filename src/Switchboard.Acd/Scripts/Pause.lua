-- ARGV[4] = agent id, ARGV[5] = reason
local id = ARGV[4]
local key = P .. 'agent:' .. id
local st = redis.call('HGET', key, 'state')
if not st then return 1 end
if st == 'Reserved' or st == 'OnCall' then return 2 end
if st == 'WrapUp' then
  redis.call('ZREM', P .. 'timers', 'wrap|' .. id)
  emit({ 'type', 'wrapup_ended', 'agent', id, 'outcome', '', 'by', 'pause' })
end
setAgentState(id, 'Paused', ARGV[5], nil)
return 0
