-- ARGV[4] = a node that hands its calls over at the end of draining ('' or absent: only dead nodes).
return sweepNodes(ARGV[4] or '')
