namespace Switchboard.Acd.Callbacks;

/// <summary>
/// Callback scripts (atomic on the Redis server). ARGV[1] = key prefix <c>sb:{tenant}:</c>, ARGV[2] = now (unix ms),
/// ARGV[3] = event stream MAXLEN; arguments start at ARGV[4]. Phone numbers never go into the event stream.
/// </summary>
internal static class CallbackScripts
{
    private const string Common = """
        local P = ARGV[1]
        local NOW = tonumber(ARGV[2])
        local MAXLEN = ARGV[3]
        local function emit(fields)
          redis.call('XADD', P .. 'events', 'MAXLEN', '~', MAXLEN, '*', 'at', NOW, unpack(fields))
        end

        """;

    /// <summary>
    /// ARGV[4..15] = id, queue, number, caller, place ms, expires ms, daily limit, local day, max attempts, caller hash
    /// ('' for an anonymous caller), daily limit per caller, daily limit in all. The id is
    /// the operation id: a request run again with the same id (a retry after a timeout or a failover) answers what the
    /// first run answered and changes nothing. Returns { outcome, callback id, place, state of that callback }.
    /// </summary>
    public const string Request = Common + """
        local id, q, num, caller = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
        local place, expires, limit, day, maxatt = ARGV[8], ARGV[9], tonumber(ARGV[10]), ARGV[11], ARGV[12]
        local chash, climit, tlimit = ARGV[13], tonumber(ARGV[14]), tonumber(ARGV[15])
        local opkey = P .. 'cbop:' .. id
        local function answer(outcome, cbid, at)
          redis.call('SET', opkey, outcome .. '|' .. cbid .. '|' .. at, 'PX', 86400000)
          return { outcome, cbid, at, redis.call('HGET', P .. 'cb:' .. cbid, 'state') or '' }
        end
        local done = redis.call('GET', opkey)
        if done then
          local o, cbid, at = string.match(done, '^([^|]*)|([^|]*)|(.*)$')
          return { o, cbid, at, redis.call('HGET', P .. 'cb:' .. cbid, 'state') or '' }
        end
        if redis.call('EXISTS', P .. 'qopt:' .. q) == 0 then return { 'UnknownQueue', '', '' } end
        local nkey = P .. 'cbnum:' .. q .. '|' .. num
        local existing = redis.call('GET', nkey)
        if existing then
          local k = P .. 'cb:' .. existing
          local c = redis.call('HMGET', k, 'state', 'place')
          if c[1] and c[1] ~= 'Closed' then
            if caller ~= '' then redis.call('HSET', k, 'caller', caller) end
            redis.call('HSET', k, 'expires', expires, 'updated', NOW)
            redis.call('HINCRBY', k, 'requests', 1)
            redis.call('ZADD', P .. 'cbexp', expires, existing)
            emit({ 'type', 'callback_updated', 'call', existing, 'queue', q, 'state', c[1] })
            return answer('Updated', existing, c[2])
          end
        end
        local dkey = P .. 'cbday:' .. day .. '|' .. num
        if tonumber(redis.call('GET', dkey) or '0') >= limit then
          emit({ 'type', 'callback_refused', 'queue', q, 'reason', 'DailyLimitReached' })
          return { 'DailyLimitReached', '', '' }
        end
        local ckey = P .. 'cbcaller:' .. day .. '|' .. chash
        if chash ~= '' and tonumber(redis.call('GET', ckey) or '0') >= climit then
          emit({ 'type', 'callback_refused', 'queue', q, 'reason', 'CallerLimitReached' })
          return { 'CallerLimitReached', '', '' }
        end
        local tkey = P .. 'cbtotal:' .. day
        if tonumber(redis.call('GET', tkey) or '0') >= tlimit then
          emit({ 'type', 'callback_refused', 'queue', q, 'reason', 'OverallLimitReached' })
          return { 'OverallLimitReached', '', '' }
        end
        redis.call('INCR', dkey)
        redis.call('EXPIRE', dkey, 172800)
        if chash ~= '' then
          redis.call('INCR', ckey)
          redis.call('EXPIRE', ckey, 172800)
        end
        redis.call('INCR', tkey)
        redis.call('EXPIRE', tkey, 172800)
        redis.call('HSET', P .. 'cb:' .. id, 'queue', q, 'number', num, 'caller', caller, 'state', 'Pending',
          'outcome', 'None', 'requested', NOW, 'place', place, 'expires', expires, 'attempts', 0, 'maxattempts', maxatt,
          'requests', 1, 'agent', '', 'nextat', '', 'closed', '', 'updated', NOW)
        redis.call('SET', nkey, id)
        redis.call('ZADD', P .. 'cbexp', expires, id)
        redis.call('ZADD', P .. 'cbq:' .. q, place, id)
        redis.call('SADD', P .. 'cbqueues', q)
        emit({ 'type', 'callback_requested', 'call', id, 'queue', q, 'place', place, 'expires', expires })
        return answer('Created', id, place)
        """;

    /// <summary>
    /// ARGV[4..12] = id, allowed states (comma list), new state, outcome, event type, agent ('' keeps),
    /// retry at ms ('' none), purge at ms, count an attempt (1), take one back (-1) or neither (0); ARGV[13] = operation
    /// id: run again with the same id (a retry after a timeout) it answers what the first run answered and changes
    /// nothing, so no attempt is counted twice. Returns { result, state, attempts, max }.
    /// </summary>
    public const string Transition = Common + """
        local id, allowed, ns, outcome, evt, agent = ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
        local retry, purge, inc, op = ARGV[10], ARGV[11], ARGV[12], ARGV[13] or ''
        local opkey = P .. 'op:' .. op
        local function answer(r)
          if op ~= '' then redis.call('SET', opkey, cjson.encode(r), 'PX', 3600000) end
          return r
        end
        if op ~= '' then
          local done = redis.call('GET', opkey)
          if done then return cjson.decode(done) end
        end
        local k = P .. 'cb:' .. id
        local c = redis.call('HMGET', k, 'state', 'queue', 'number', 'attempts', 'maxattempts')
        if not c[1] then return answer({ 'NotFound', '', 0, 0 }) end
        local ok = false
        for s in string.gmatch(allowed, '([^,]+)') do if s == c[1] then ok = true end end
        if not ok then return answer({ 'WrongState', c[1], tonumber(c[4]), tonumber(c[5]) }) end
        local att = tonumber(c[4])
        if inc == '1' then att = att + 1 elseif inc == '-1' and att > 0 then att = att - 1 end
        redis.call('HSET', k, 'state', ns, 'outcome', outcome, 'attempts', att, 'updated', NOW)
        redis.call('HDEL', k, 'hand')
        if agent ~= '' then redis.call('HSET', k, 'agent', agent) end
        if retry ~= '' then
          redis.call('ZADD', P .. 'cbretry', retry, id)
          redis.call('HSET', k, 'nextat', retry)
        else
          redis.call('ZREM', P .. 'cbretry', id)
          redis.call('HSET', k, 'nextat', '')
        end
        if ns == 'Closed' then
          local nkey = P .. 'cbnum:' .. c[2] .. '|' .. (c[3] or '')
          if redis.call('GET', nkey) == id then redis.call('DEL', nkey) end
          redis.call('ZREM', P .. 'cbexp', id)
          redis.call('ZREM', P .. 'cbq:' .. c[2], id)
          redis.call('HSET', k, 'closed', NOW)
          redis.call('ZADD', P .. 'cbpurge', purge, id)
        end
        emit({ 'type', evt, 'call', id, 'queue', c[2], 'agent', agent, 'state', ns, 'outcome', outcome, 'attempts', att })
        return answer({ 'Ok', ns, att, tonumber(c[5]) })
        """;

    /// <summary>ARGV[4] = batch size. Deletes the phone numbers of callbacks whose retention time has passed.</summary>
    public const string Purge = Common + """
        local ids = redis.call('ZRANGEBYSCORE', P .. 'cbpurge', '-inf', NOW, 'LIMIT', 0, tonumber(ARGV[4]))
        for _, id in ipairs(ids) do
          redis.call('HDEL', P .. 'cb:' .. id, 'number', 'caller')
          redis.call('HSET', P .. 'cb:' .. id, 'purged', NOW)
          redis.call('ZREM', P .. 'cbpurge', id)
          emit({ 'type', 'callback_purged', 'call', id })
        end
        return #ids
        """;
}
