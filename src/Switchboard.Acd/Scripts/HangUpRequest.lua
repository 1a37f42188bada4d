-- An agent asks the node holding the call to hang it up (call-control channel, pub/sub, at most once). Published here
-- and, while the call is answered by (or accepted for) that agent, remembered with the timer 'hangup|<call>': until
-- the call ends (its entry goes: the acknowledgement), Timers.lua publishes the request again.
-- ARGV[4] = call id, ARGV[5] = agent id, ARGV[6] = channel, ARGV[7] = the command (JSON), ARGV[8] = re-send after (ms),
-- ARGV[9] = re-sends. Returns the number of subscribers that got it (PUBLISH).
local callId, agentId, channel, payload = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local ms, resends = tonumber(ARGV[8]), tonumber(ARGV[9])
local ckey = P .. 'call:' .. callId
local c = redis.call('HMGET', ckey, 'state', 'agent')
if c[2] == agentId and (c[1] == 'Answered' or c[1] == 'Accepted') then
  redis.call('HSET', ckey, 'hup', payload, 'hupch', channel, 'hupleft', resends, 'hupms', ms, 'hupagent', agentId)
  armTimer(NOW + ms, 'hangup|' .. callId)
end
return redis.call('PUBLISH', channel, payload)
