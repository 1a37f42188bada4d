// The Interop collections (CallFlowCollection, TransferCollection, SecurityCollection, WebCollection, MediaCollection and
// each class outside them) run side by side, up to four at a time although CI has two cores: their tests mostly wait on
// child processes (server, baresip, SIPp, Chromium) and timers, not on the CPU. See docs/testing.md.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
