-- Fires at most `limit` due timers (offer timeouts, wrap-up ends, escalations, language fallbacks) at NOW; each is
-- removed and handled in the same script, so several nodes may run this at once. Returns the number fired.
local function fireDueTimers(limit)
  local due = redis.call('ZRANGEBYSCORE', P .. 'timers', '-inf', NOW, 'LIMIT', 0, limit)
  local mq = {}
  local function escalate(callId)
    local ckey = P .. 'call:' .. callId
    local c = redis.call('HMGET', ckey, 'esci', 'escq', 'queue', 'member', 'score', 'state', 'skills', 'at', 'node', 'lang', 'langat')
    -- Escalation is about waiting: a caller already accepted or talking is not moved.
    if not c[1] or c[6] == 'Accepted' or c[6] == 'Answered' then return end
    local steps = split(redis.call('HGET', P .. 'qopt:' .. c[2], 'esc'), ';')
    local i = tonumber(c[1]) + 1
    if not steps[i] then return end
    local p = split(steps[i], '/')
    local action, level, skill, target = p[2], tonumber(p[3]), p[4], p[5]
    local q = c[3]
    if action == 'LowerMinLevel' then
      local reqs = parseSkills(c[7])
      for _, r in ipairs(reqs) do if r[2] > level then r[2] = level end end
      redis.call('HSET', ckey, 'skills', joinSkills(reqs))
      setRoute(callId, q, joinSkills(reqs), c[10], c[11])
    elseif action == 'AddSkill' then
      local reqs = parseSkills(c[7])
      local found = false
      for _, r in ipairs(reqs) do
        if r[1] == skill then
          found = true
          if r[2] > level then r[2] = level end
        end
      end
      if not found then reqs[#reqs + 1] = { skill, level } end
      redis.call('HSET', ckey, 'skills', joinSkills(reqs))
      setRoute(callId, q, joinSkills(reqs), c[10], c[11])
    elseif action == 'Overflow' and target ~= q and redis.call('EXISTS', P .. 'qopt:' .. target) == 1 then
      if c[6] == 'Waiting' then
        redis.call('ZREM', P .. 'q:' .. q, c[4])
        redis.call('ZADD', P .. 'q:' .. target, c[5], c[4])
      end
      redis.call('HSET', ckey, 'queue', target)
      redis.call('HDEL', P .. 'route:' .. q, callId)
      setRoute(callId, target, c[7], c[10], c[11])
      publishCall(c[9], 'overflowed', callId, target, nil, nil)
      q = target
    end
    redis.call('HSET', ckey, 'esci', i)
    emit({ 'type', 'escalated', 'call', callId, 'queue', q, 'step', i, 'action', action, 'level', level,
      'skill', skill, 'target', target, 'wait', NOW - tonumber(c[8]) })
    if steps[i + 1] then
      armTimer(tonumber(c[8]) + tonumber(split(steps[i + 1], '/')[1]), 'esc|' .. callId)
    end
    mq[q] = true
  end
  -- The 'accepted' notice (pub/sub, at most once) was not acknowledged in time by the call's node (AckAccepted.lua):
  -- sent again while re-sends are left; then the caller goes back to their place and the agent is ready again. A
  -- dead node's calls are left to the node sweep (it runs next in Round.lua).
  local function acceptedUnacknowledged(callId, queues)
    local ckey = P .. 'call:' .. callId
    local c = redis.call('HMGET', ckey, 'state', 'agent', 'node', 'ackat', 'ackleft', 'ackms', 'queue')
    if c[1] ~= 'Accepted' or c[4] or not c[2] or c[2] == '' then return end
    local agentId, node = c[2], c[3] or ''
    if node ~= '' and redis.call('EXISTS', P .. 'node:' .. node) == 0 then return end
    local left = tonumber(c[5] or '0') or 0
    if left > 0 then
      redis.call('HSET', ckey, 'ackleft', left - 1)
      armTimer(NOW + (tonumber(c[6] or '5000') or 5000), 'accepted|' .. callId)
      emit({ 'type', 'accept_resent', 'call', callId, 'queue', c[7], 'agent', agentId, 'node', node, 'left', left - 1 })
      publishCall(node, 'accepted', callId, c[7], agentId, redis.call('HGET', P .. 'agent:' .. agentId, 'sip'))
      return
    end
    local q = requeue(callId)
    redis.call('HDEL', ckey, 'ackleft', 'ackms')
    emit({ 'type', 'accept_unacknowledged', 'call', callId, 'queue', q, 'agent', agentId, 'node', node })
    if redis.call('HGET', P .. 'agent:' .. agentId, 'call') == callId then
      addAll(queues, setAgentState(agentId, 'Ready', '', nil))
    end
    publishAgent(agentId, 'rescind', { call = callId, queue = q, why = 'unacknowledged' })
    publishCall(node, 'requeued', callId, q, agentId, nil, 'unacknowledged')
    queues[q] = true
  end
  -- An agent's hang-up request (HangUpRequest.lua) whose call is still up with that agent: the call's node missed it
  -- (or is slow); published again while re-sends are left. The call ending removes the timer (removeEntry); a dead
  -- node's calls are left to the sweep; a call meanwhile moved to a queue or to another agent is not hung up.
  local function hangUpUnacknowledged(callId)
    local ckey = P .. 'call:' .. callId
    local c = redis.call('HMGET', ckey, 'state', 'agent', 'hupagent', 'hup', 'hupch', 'hupleft', 'hupms', 'node', 'queue')
    if not c[1] or not c[4] or c[2] ~= c[3] or (c[1] ~= 'Answered' and c[1] ~= 'Accepted') then return end
    local node = c[8] or ''
    if node ~= '' and redis.call('EXISTS', P .. 'node:' .. node) == 0 then return end
    local left = tonumber(c[6] or '0') or 0
    if left <= 0 then
      redis.call('HDEL', ckey, 'hup', 'hupch', 'hupleft', 'hupms', 'hupagent')
      emit({ 'type', 'hangup_unacknowledged', 'call', callId, 'queue', c[9], 'agent', c[2], 'node', node })
      return
    end
    redis.call('HSET', ckey, 'hupleft', left - 1)
    armTimer(NOW + (tonumber(c[7] or '3000') or 3000), 'hangup|' .. callId)
    emit({ 'type', 'hangup_resent', 'call', callId, 'queue', c[9], 'agent', c[2], 'node', node, 'left', left - 1 })
    redis.call('PUBLISH', c[5], c[4])
  end
  for _, t in ipairs(due) do
    redis.call('ZREM', P .. 'timers', t)
    local parts = split(t, '|')
    local kind = parts[1]
    if kind == 'offer' then
      local callId, agentId = parts[2], parts[3]
      local c = redis.call('HMGET', P .. 'call:' .. callId, 'state', 'agent', 'node')
      if c[1] == 'Offered' and c[2] == agentId then
        local q = requeue(callId)
        emit({ 'type', 'offer_timeout', 'call', callId, 'queue', q, 'agent', agentId })
        addAll(mq, missed(agentId, q, callId))
        publishAgent(agentId, 'rescind', { call = callId, queue = q })
        publishCall(c[3], 'requeued', callId, q, agentId, nil, 'timeout')
        mq[q] = true
      end
    elseif kind == 'accepted' then
      acceptedUnacknowledged(parts[2], mq)
    elseif kind == 'hangup' then
      hangUpUnacknowledged(parts[2])
    elseif kind == 'wrap' then
      local agentId = parts[2]
      if redis.call('HGET', P .. 'agent:' .. agentId, 'state') == 'WrapUp' then
        emit({ 'type', 'wrapup_ended', 'agent', agentId, 'outcome', '', 'by', 'timer' })
        addAll(mq, setAgentState(agentId, 'Ready', '', nil))
      end
    elseif kind == 'esc' then
      escalate(parts[2])
    elseif kind == 'lang' then
      local q = redis.call('HGET', P .. 'call:' .. parts[2], 'queue')
      if q then mq[q] = true end
    end
  end
  if next(mq) then match(keysOf(mq)) end
  return #due
end
