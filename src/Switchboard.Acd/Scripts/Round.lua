-- One scheduler round of a node in one round trip. ARGV[4] = node id, ARGV[5] = heartbeat TTL (ms), ARGV[6] = most
-- timers to fire. Heartbeats first (a node never sweeps itself), fires due timers, sweeps dead nodes, and returns
-- { timers fired, calls swept, score of the earliest timer left or -1 }: the node sleeps until then (or its safety tick).
redis.call('SET', P .. 'node:' .. ARGV[4], NOW, 'PX', ARGV[5])
redis.call('SADD', P .. 'nodes', ARGV[4])
local fired = fireDueTimers(tonumber(ARGV[6]))
local removed = sweepNodes('')
local head = redis.call('ZRANGE', P .. 'timers', 0, 0, 'WITHSCORES')
return { fired, removed, head[2] and tonumber(head[2]) or -1 }
