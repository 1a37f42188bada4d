-- ARGV[4] = most timers to fire in one run.
return fireDueTimers(tonumber(ARGV[4]))
