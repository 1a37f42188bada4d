-- Removes the live calls of nodes whose heartbeat key expired; callbacks are promises and stay.
local removed = 0
local mq = {}
for _, n in ipairs(redis.call('SMEMBERS', P .. 'nodes')) do
  if redis.call('EXISTS', P .. 'node:' .. n) == 0 then
    for _, callId in ipairs(redis.call('SMEMBERS', P .. 'nodecalls:' .. n)) do
      local c = redis.call('HMGET', P .. 'call:' .. callId, 'state', 'agent', 'queue', 'member', 'kind', 'at')
      if c[1] and c[5] == 'Call' then
        if c[1] == 'Waiting' then
          redis.call('ZREM', P .. 'q:' .. c[3], c[4])
        elseif c[1] == 'Offered' or c[1] == 'Accepted' then
          redis.call('ZREM', P .. 'timers', 'offer|' .. callId .. '|' .. c[2])
          addAll(mq, setAgentState(c[2], 'Ready', '', nil))
          publishAgent(c[2], 'rescind', { call = callId, queue = c[3] })
        elseif c[1] == 'Answered' then
          addAll(mq, startWrapUp(c[2], c[3], callId))
        end
        removeEntry(callId, n)
        emit({ 'type', 'node_lost', 'call', callId, 'queue', c[3], 'agent', c[2] or '', 'node', n, 'after', c[1],
          'wait', NOW - tonumber(c[6]) })
        removed = removed + 1
      end
    end
    redis.call('DEL', P .. 'nodecalls:' .. n)
    redis.call('SREM', P .. 'nodes', n)
  end
end
if next(mq) then match(keysOf(mq)) end
return removed
