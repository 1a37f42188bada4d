-- Removes the live calls of nodes whose heartbeat expired (and of `release`, a node that hands its calls over at the end
-- of draining); callbacks are promises and stay. The callers are dropped by the system (event node_lost, never
-- "abandoned"); a caller not yet connected whose queue has 'lostcb' and whose number is known is put on the
-- 'lostcallers' list, from which the callback sweep books a callback at their original place.
-- Returns the number of calls removed.
local function sweepNodes(release)
  local removed = 0
  local mq = {}
  for _, n in ipairs(redis.call('SMEMBERS', P .. 'nodes')) do
    if n == release or redis.call('EXISTS', P .. 'node:' .. n) == 0 then
      for _, callId in ipairs(redis.call('SMEMBERS', P .. 'nodecalls:' .. n)) do
        local c = redis.call('HMGET', P .. 'call:' .. callId, 'state', 'agent', 'queue', 'member', 'kind', 'at', 'caller',
          'prio', 'lang', 'skills')
        if c[1] and c[5] == 'Call' then
          local callback = '0'
          if c[1] == 'Waiting' then
            redis.call('ZREM', P .. 'q:' .. c[3], c[4])
          elseif c[1] == 'Offered' or c[1] == 'Accepted' then
            redis.call('ZREM', P .. 'timers', 'offer|' .. callId .. '|' .. c[2])
            addAll(mq, setAgentState(c[2], 'Ready', '', nil))
            publishAgent(c[2], 'rescind', { call = callId, queue = c[3] })
          elseif c[1] == 'Answered' then
            addAll(mq, startWrapUp(c[2], c[3], callId))
          end
          if c[1] ~= 'Answered' and (c[7] or '') ~= '' and redis.call('HGET', P .. 'qopt:' .. c[3], 'lostcb') == '1' then
            callback = '1'
            redis.call('RPUSH', P .. 'lostcallers', cjson.encode({ call = callId, queue = c[3], caller = c[7],
              at = tonumber(c[6]), prio = tonumber(c[8] or '0'), lang = c[9] or '', skills = c[10] or '' }))
          end
          removeEntry(callId, n)
          emit({ 'type', 'node_lost', 'call', callId, 'queue', c[3], 'agent', c[2] or '', 'node', n, 'after', c[1],
            'wait', NOW - tonumber(c[6]), 'callback', callback })
          removed = removed + 1
        end
      end
      redis.call('DEL', P .. 'nodecalls:' .. n)
      redis.call('SREM', P .. 'nodes', n)
    end
  end
  if next(mq) then match(keysOf(mq)) end
  return removed
end
