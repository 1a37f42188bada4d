using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Switchboard.Api.Supervisor.V1;

namespace Switchboard.Api.Supervisors;

public sealed partial class SupervisorService
{
    private const int DefaultAuditPage = 50;
    private const int MaxAuditPage = 200;
    private const int MaxActionPrefixLength = 64;

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var limit = request.Limit == 0 ? DefaultAuditPage : request.Limit;
        if (limit is < 1 or > MaxAuditPage)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"limit must be 1-{MaxAuditPage}"));
        }

        if (request.PageToken.Length > 0 && !AuditIdPattern().IsMatch(request.PageToken))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "page_token is not one this service gave"));
        }

        if (request.ActionPrefix.Length > MaxActionPrefixLength)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"action_prefix must be at most {MaxActionPrefixLength} characters"));
        }

        var page = await audit.ReadPageAsync(
            limit, request.PageToken.Length > 0 ? request.PageToken : null, request.ActionPrefix, context.CancellationToken).ConfigureAwait(false);
        var response = new ListAuditEntriesResponse { NextPageToken = page.NextBeforeId ?? "" };
        response.Entries.AddRange(page.Entries.Select(e => new Supervisor.V1.AuditEntry
        {
            Id = e.Id,
            At = Timestamp.FromDateTimeOffset(e.At),
            Who = e.Who,
            Action = e.Action,
            Details = e.Details,
        }));
        return response;
    }

    /// <summary>A Redis stream id: milliseconds, a dash, a sequence number.</summary>
    [GeneratedRegex("^[0-9]{1,20}-[0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex AuditIdPattern();
}
