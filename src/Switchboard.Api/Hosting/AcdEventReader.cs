using Switchboard.Acd.Events;
using Switchboard.Acd.Store;

namespace Switchboard.Api.Hosting;

/// <summary>Reads the ACD event stream page by page, up to a bound.</summary>
internal static class AcdEventReader
{
    private const int PageSize = 1_000;

    public static async Task<IReadOnlyList<AcdEvent>> ReadAllAsync(AcdStore acd, int max, CancellationToken cancellationToken)
    {
        var result = new List<AcdEvent>();
        string? after = null;
        while (result.Count < max)
        {
            var page = await acd.ReadEventsAsync(after, Math.Min(PageSize, max - result.Count), cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            result.AddRange(page);
            after = page[^1].Id;
        }

        return result;
    }
}
