namespace Switchboard.Cluster.Tests;

/// <summary>The cluster tests run one after another: each starts a whole cluster (seven processes and Kamailio).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
