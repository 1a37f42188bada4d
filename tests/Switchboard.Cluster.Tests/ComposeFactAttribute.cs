namespace Switchboard.Cluster.Tests;

/// <summary>A test that runs only with <c>SB_COMPOSE_TEST=1</c> (it builds images and needs a Docker daemon).</summary>
internal sealed class ComposeFactAttribute : FactAttribute
{
    public ComposeFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SB_COMPOSE_TEST") != "1")
        {
            Skip = "opt-in: SB_COMPOSE_TEST=1 (builds the images and runs docker/compose.yaml; needs Docker, see docker/compose-up.sh)";
        }
    }
}
