namespace Switchboard.Acd.Directory;

/// <summary>The directory's scripts (atomic on the Redis server). ARGV[1] = the directory prefix <c>sb:{tenant}:dir:</c>.</summary>
internal static class DirectoryScripts
{
    /// <summary>
    /// ARGV[2..7] = mode (create|update), agent id, phone user, entry JSON, expected version (0: any), most entries.
    /// Returns { result, version }: the phone account stays unique, a changed one frees the old.
    /// </summary>
    public const string Put = """
        local P, mode, id, phone, json = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
        local expected, most = tonumber(ARGV[6]), tonumber(ARGV[7])
        local akey = P .. 'a:' .. id
        local cur = redis.call('HMGET', akey, 'version', 'phone')
        local exists = cur[1] ~= false
        if mode == 'create' and exists then return { 'Exists', 0 } end
        if mode == 'update' and not exists then return { 'NotFound', 0 } end
        if mode == 'create' and redis.call('SCARD', P .. 'ids') >= most then return { 'Full', 0 } end
        local pkey = P .. 'phone:' .. phone
        local owner = redis.call('GET', pkey)
        if owner and owner ~= id then return { 'PhoneTaken', 0 } end
        local version = tonumber(cur[1] or '0')
        if expected > 0 and expected ~= version then return { 'VersionMoved', version } end
        if cur[2] and cur[2] ~= phone then redis.call('DEL', P .. 'phone:' .. cur[2]) end
        version = version + 1
        redis.call('HSET', akey, 'json', json, 'version', version, 'phone', phone)
        redis.call('SET', pkey, id)
        redis.call('SADD', P .. 'ids', id)
        return { 'Ok', version }
        """;

    /// <summary>ARGV[2] = phone user. Returns { agent id, entry JSON } or nil: one round trip for the registrar.</summary>
    public const string FindPhone = """
        local id = redis.call('GET', ARGV[1] .. 'phone:' .. ARGV[2])
        if not id then return false end
        local json = redis.call('HGET', ARGV[1] .. 'a:' .. id, 'json')
        if not json then return false end
        return { id, json }
        """;
}
