-- Shared by every ACD script. ARGV[1] = key prefix "sb:{tenant}:", ARGV[2] = node time (unix ms),
-- ARGV[3] = event stream MAXLEN; script arguments start at ARGV[4]. KEYS[1] carries the hash tag.
local P = ARGV[1]
local NOW = tonumber(ARGV[2])
local MAXLEN = ARGV[3]
local LIMIT = 1000

local function split(s, sep)
  local t = {}
  if not s or s == '' then return t end
  for part in string.gmatch(s, '([^' .. sep .. ']+)') do t[#t + 1] = part end
  return t
end

local function parseSkills(s)
  local list = {}
  for _, item in ipairs(split(s, ',')) do
    local n, l = string.match(item, '^(.*):(%-?%d+)$')
    if n then list[#list + 1] = { n, tonumber(l) } end
  end
  return list
end

local function joinSkills(list)
  local parts = {}
  for i, r in ipairs(list) do parts[i] = r[1] .. ':' .. r[2] end
  return table.concat(parts, ',')
end

local function emit(fields)
  redis.call('XADD', P .. 'events', 'MAXLEN', '~', MAXLEN, '*', 'at', NOW, unpack(fields))
end

local function publishAgent(id, typ, extra)
  local a = redis.call('HMGET', P .. 'agent:' .. id, 'state', 'reason')
  local msg = { t = typ, agent = id, at = NOW, state = a[1] or 'LoggedOut', reason = a[2] or '' }
  if extra then for k, v in pairs(extra) do msg[k] = v end end
  redis.call('PUBLISH', P .. 'agent-events', cjson.encode(msg))
end

-- why: for 'requeued', what ended the offer ('rejected' or 'timeout'; the call's trace shows it)
local function publishCall(node, typ, callId, queue, agent, sip, why)
  if not node or node == '' then return end
  redis.call('PUBLISH', P .. 'call-events:' .. node,
    cjson.encode({ t = typ, call = callId, queue = queue or '', agent = agent or '', sip = sip or '', why = why or '', at = NOW }))
end

-- Arms (or moves) an ACD timer. When it becomes the earliest, it is published on the 'timers' channel: every node's
-- scheduler sleeps until its earliest timer and wakes for an earlier one (a lost notice waits for the safety tick).
local function armTimer(due, member)
  redis.call('ZADD', P .. 'timers', due, member)
  if redis.call('ZRANGE', P .. 'timers', 0, 0)[1] == member then
    redis.call('PUBLISH', P .. 'timers', string.format('%d', due))
  end
end

local function indexAgent(id, qs, state)
  for _, q in ipairs(qs) do
    if state == 'Ready' then redis.call('ZADD', P .. 'ready:' .. q, NOW, id) else redis.call('ZREM', P .. 'ready:' .. q, id) end
    if state == 'LoggedOut' then redis.call('SREM', P .. 'loggedin:' .. q, id) else redis.call('SADD', P .. 'loggedin:' .. q, id) end
    if state == 'LoggedOut' or state == 'Paused' then redis.call('SREM', P .. 'active:' .. q, id) else redis.call('SADD', P .. 'active:' .. q, id) end
  end
end

-- Sets an agent's state, keeps the per-queue indexes, appends the event and tells the agent's stream.
local function setAgentState(id, state, reason, callId)
  local key = P .. 'agent:' .. id
  local old = redis.call('HMGET', key, 'state', 'queues')
  local qs = split(old[2], ',')
  redis.call('HSET', key, 'state', state, 'reason', reason or '', 'since', NOW, 'call', callId or '')
  indexAgent(id, qs, state)
  emit({ 'type', 'agent_state', 'agent', id, 'from', old[1] or '', 'state', state, 'reason', reason or '', 'call', callId or '' })
  publishAgent(id, 'state', (callId and callId ~= '') and { call = callId } or nil)
  return qs
end

local function addAll(set, list) for _, q in ipairs(list) do set[q] = true end end

local function keysOf(set)
  local list = {}
  for k, _ in pairs(set) do list[#list + 1] = k end
  table.sort(list)
  return list
end

-- Offers a waiting entry to a ready agent: both reserved, offer timer armed.
local function reserve(callId, q, member, agentId)
  redis.call('ZREM', P .. 'q:' .. q, member)
  local offerMs = tonumber(redis.call('HGET', P .. 'qopt:' .. q, 'offer') or '20000')
  local exp = NOW + offerMs
  local ckey = P .. 'call:' .. callId
  redis.call('HSET', ckey, 'state', 'Offered', 'agent', agentId, 'offerexp', exp)
  setAgentState(agentId, 'Reserved', '', callId)
  armTimer(exp, 'offer|' .. callId .. '|' .. agentId)
  local c = redis.call('HMGET', ckey, 'caller', 'kind', 'cbnum', 'at', 'node')
  emit({ 'type', 'offered', 'call', callId, 'queue', q, 'agent', agentId, 'wait', NOW - tonumber(c[4]) })
  publishAgent(agentId, 'offer', { call = callId, queue = q, caller = c[1] or '', kind = c[2] or 'Call', cbnum = c[3] or '', exp = exp })
  if c[2] ~= 'Callback' then publishCall(c[5], 'offered', callId, q, agentId, nil) end -- a live call's node traces the offer
end

local function loadAgent(id)
  local h = redis.call('HMGET', P .. 'agent:' .. id, 'skills', 'langs')
  local skills = {}
  for _, s in ipairs(parseSkills(h[1])) do skills[s[1]] = s[2] end
  local langs = {}
  for _, l in ipairs(split(h[2], ',')) do langs[l] = true end
  return { id = id, skills = skills, langs = langs, queues = {}, idle = 0 }
end

-- The agents who missed (rejected or let time out) an offer of each call, oldest miss first: hash field call id ->
-- "agent,agent". At most MISSLIST kept per call; the hash entry goes with the call (removeEntry).
local MISSLIST = 32

-- The match: the waiting entries of the given queues in order (priority, then place), each to the best
-- eligible ready agent: one who has not missed this caller before one who has (the longest-ago miss first), then
-- language match, then skill level, then longest idle. Returns offers made.
local function match(queues)
  local pool, count, qlist, seen = {}, 0, {}, {}
  for _, q in ipairs(queues) do
    if not seen[q] then
      seen[q] = true
      qlist[#qlist + 1] = q
      local r = redis.call('ZRANGE', P .. 'ready:' .. q, 0, -1, 'WITHSCORES')
      for i = 1, #r, 2 do
        local a = pool[r[i]]
        if not a then
          a = loadAgent(r[i])
          a.idle = tonumber(r[i + 1])
          pool[r[i]] = a
          count = count + 1
        end
        a.queues[q] = true
      end
    end
  end
  if count == 0 then return 0 end
  local entries = {}
  for _, q in ipairs(qlist) do
    local w = redis.call('ZRANGE', P .. 'q:' .. q, 0, LIMIT - 1, 'WITHSCORES')
    if #w > 0 then
      local ids = {}
      for i = 1, #w, 2 do ids[#ids + 1] = string.sub(w[i], 14) end
      -- One HMGET for the routing data of every waiting entry of the queue: "skills|lang|langat".
      local route = redis.call('HMGET', P .. 'route:' .. q, unpack(ids))
      for i = 1, #w, 2 do
        local k = (i + 1) / 2
        entries[#entries + 1] = { m = w[i], s = tonumber(w[i + 1]), q = q, id = ids[k], r = route[k] }
      end
    end
  end
  -- One queue: ZRANGE order (score, then member) already is the routing order. Several: merge by the same order.
  if #qlist > 1 then
    table.sort(entries, function(x, y)
      if x.s ~= y.s then return x.s < y.s end
      return x.m < y.m
    end)
  end
  -- Who missed which waiting entry (one HMGET per queue, only when any call has a miss recorded).
  if redis.call('EXISTS', P .. 'missedby') == 1 and #entries > 0 then
    local ids = {}
    for i, e in ipairs(entries) do ids[i] = e.id end
    for from = 1, #ids, 500 do
      local to = math.min(from + 499, #ids)
      local got = redis.call('HMGET', P .. 'missedby', unpack(ids, from, to))
      for i = from, to do
        if got[i - from + 1] then
          local rank = {}
          for n, id in ipairs(split(got[i - from + 1], ',')) do rank[id] = n end
          entries[i].miss = rank
        end
      end
    end
  end
  local offers = 0
  local parsed = {}
  for _, e in ipairs(entries) do
    if count == 0 then break end
    local callId = e.id
    local r = e.r or ''
    local skillText, lang, langat = string.match(r, '^([^|]*)|([^|]*)|([^|]*)$')
    skillText = skillText or ''
    lang = lang or ''
    local reqs = parsed[skillText]
    if not reqs then
      reqs = parseSkills(skillText)
      parsed[skillText] = reqs
    end
    local fallback = lang == '' or NOW >= tonumber(langat or '0')
    local best, bestLang, bestLevel, bestMiss
    local miss = e.miss or {}
    for id, a in pairs(pool) do
      if a.queues[e.q] then
        local ok, level = #reqs == 0, 0
        for _, r in ipairs(reqs) do
          local have = a.skills[r[1]]
          if have and have >= r[2] then
            ok = true
            if have > level then level = have end
          end
        end
        if ok then
          local lm = (lang == '' or a.langs[lang]) and 1 or 0
          if lm == 1 or fallback then
            local mr = miss[id] or 0
            local better = best == nil or mr < bestMiss
              or (mr == bestMiss and (lm > bestLang
                or (lm == bestLang and (level > bestLevel
                  or (level == bestLevel and (a.idle < best.idle or (a.idle == best.idle and id < best.id)))))))
            if better then best, bestLang, bestLevel, bestMiss = a, lm, level, mr end
          end
        end
      end
    end
    if best then
      reserve(callId, e.q, e.m, best.id)
      pool[best.id] = nil
      count = count - 1
      offers = offers + 1
    end
  end
  return offers
end

-- Puts an offered entry back in its queue with its place (member and score) unchanged.
local function requeue(callId)
  local ckey = P .. 'call:' .. callId
  local c = redis.call('HMGET', ckey, 'queue', 'member', 'score')
  redis.call('ZADD', P .. 'q:' .. c[1], c[3], c[2])
  redis.call('HSET', ckey, 'state', 'Waiting', 'agent', '')
  return c[1]
end

-- A missed offer (reject or timeout): the agent is ready again at the back of the idle order, or paused "Missed";
-- the call remembers the miss so that match() offers it to another eligible ready agent first.
local function missed(agentId, queue, callId)
  local list = {}
  for _, id in ipairs(split(redis.call('HGET', P .. 'missedby', callId), ',')) do
    if id ~= agentId then list[#list + 1] = id end
  end
  list[#list + 1] = agentId
  while #list > MISSLIST do table.remove(list, 1) end
  redis.call('HSET', P .. 'missedby', callId, table.concat(list, ','))
  local max = tonumber(redis.call('HGET', P .. 'qopt:' .. queue, 'maxna') or '0')
  local n = redis.call('HINCRBY', P .. 'agent:' .. agentId, 'missed', 1)
  if max > 0 and n >= max then
    return setAgentState(agentId, 'Paused', 'Missed', nil)
  end
  return setAgentState(agentId, 'Ready', '', nil)
end

local function setRoute(callId, q, skills, lang, langat)
  redis.call('HSET', P .. 'route:' .. q, callId, skills .. '|' .. lang .. '|' .. langat)
end

local function removeEntry(callId, node)
  local q = redis.call('HGET', P .. 'call:' .. callId, 'queue')
  if q then redis.call('HDEL', P .. 'route:' .. q, callId) end
  redis.call('HDEL', P .. 'missedby', callId)
  redis.call('DEL', P .. 'call:' .. callId)
  if node and node ~= '' then redis.call('SREM', P .. 'nodecalls:' .. node, callId) end
  redis.call('ZREM', P .. 'timers', 'esc|' .. callId, 'lang|' .. callId, 'accepted|' .. callId, 'hangup|' .. callId)
end

-- Agent goes to wrap-up after a call (or ready at once when the queue has no wrap-up time).
local function startWrapUp(agentId, queue, callId)
  local wrap = tonumber(redis.call('HGET', P .. 'qopt:' .. queue, 'wrap') or '0')
  if wrap > 0 then
    setAgentState(agentId, 'WrapUp', '', callId)
    armTimer(NOW + wrap, 'wrap|' .. agentId)
    return {}
  end
  return setAgentState(agentId, 'Ready', '', nil)
end

local function queueStats(q)
  local samples = redis.call('LRANGE', P .. 'aht:' .. q, 0, -1)
  local sum = 0
  for _, s in ipairs(samples) do sum = sum + tonumber(s) end
  local aht = -1
  if #samples > 0 then aht = math.floor(sum / #samples) end
  return aht, redis.call('SCARD', P .. 'active:' .. q)
end

-- Operation ids: a client retries a script after a timeout although it may have run already. A script that takes
-- one keeps its first answer under op:<id> for an hour; run again with the same id it gives that answer back and
-- changes nothing (no second accept, no second attempt counted).
local function opAnswer(op)
  if not op or op == '' then return nil end
  local v = redis.call('GET', P .. 'op:' .. op)
  if v then return tonumber(v) end
  return nil
end

local function opDone(op, result)
  if op and op ~= '' then redis.call('SET', P .. 'op:' .. op, result, 'PX', 3600000) end
  return result
end

-- Script body follows.
