-- The call's node got the 'accepted' notice and takes the call over (dials the agent): the re-send timer goes.
-- ARGV[4] = call id, ARGV[5] = agent id, ARGV[6] = operation id ('' none).
-- Returns 0: first acknowledgement, act on the notice; 1: no such call; 2: the call is no longer accepted by that agent
-- (given back to the queue, rejected, ended): ignore the notice; 3: already acknowledged (a re-sent copy): ignore it.
local callId, agentId, op = ARGV[4], ARGV[5], ARGV[6] or ''
local seen = opAnswer(op)
if seen then return seen end
local ckey = P .. 'call:' .. callId
local c = redis.call('HMGET', ckey, 'state', 'agent', 'ackat')
if not c[1] then return opDone(op, 1) end
if c[2] ~= agentId or (c[1] ~= 'Accepted' and c[1] ~= 'Answered') then return opDone(op, 2) end
if c[3] or c[1] == 'Answered' then return opDone(op, 3) end
redis.call('HSET', ckey, 'ackat', NOW)
redis.call('ZREM', P .. 'timers', 'accepted|' .. callId)
return opDone(op, 0)
