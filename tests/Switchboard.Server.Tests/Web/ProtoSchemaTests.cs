using System.Text.Json;
using Switchboard.Server.Web.Console;

namespace Switchboard.Server.Tests.Web;

/// <summary>The console's gRPC-Web schema is generated from the protos' descriptors: what the page's codec relies on.</summary>
public sealed class ProtoSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(ProtoSchema.Text).RootElement;

    private static JsonElement Field(string message, string name) =>
        Schema.GetProperty("messages").GetProperty(message).EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    [Fact]
    public void Text_AgentEvent_OneofMembersWithTheirMessageTypes()
    {
        var offer = Field("switchboard.agent.v1.AgentEvent", "offer");

        Assert.Equal(11, offer.GetProperty("no").GetInt32());
        Assert.Equal("message", offer.GetProperty("type").GetString());
        Assert.Equal("switchboard.agent.v1.Offer", offer.GetProperty("ofType").GetString());
        Assert.Equal("event", offer.GetProperty("oneof").GetString());
        Assert.Equal("google.protobuf.Timestamp", Field("switchboard.agent.v1.AgentEvent", "at").GetProperty("ofType").GetString());
        Assert.True(Schema.GetProperty("messages").TryGetProperty("google.protobuf.Timestamp", out _), "imported well-known types are included");
    }

    [Fact]
    public void Text_RepeatedMapOptionalAndEnumFields_Marked()
    {
        Assert.True(Field("switchboard.agent.v1.SignInRequest", "queues").GetProperty("repeated").GetBoolean());
        var outcomes = Field("switchboard.agent.v1.GetMyStatisticsResponse", "outcomes");
        Assert.True(outcomes.GetProperty("map").GetBoolean());
        Assert.False(outcomes.GetProperty("repeated").GetBoolean());
        Assert.True(Field("switchboard.supervisor.v1.QueueReportRow", "serviceLevel").GetProperty("optional").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Field("switchboard.supervisor.v1.QueueReportRow", "serviceLevel").GetProperty("oneof").ValueKind);
        Assert.Equal(2, Schema.GetProperty("enums").GetProperty("switchboard.agent.v1.AgentState").GetProperty("AGENT_STATE_READY").GetInt32());
    }

    [Fact]
    public void Text_Services_MethodsWithTypesAndStreaming()
    {
        var events = Schema.GetProperty("services").GetProperty("switchboard.agent.v1.AgentService").GetProperty("Events");
        var calendar = Schema.GetProperty("services").GetProperty("switchboard.supervisor.v1.SupervisorService").GetProperty("GetOpeningCalendar");

        Assert.True(events.GetProperty("serverStreaming").GetBoolean());
        Assert.Equal("switchboard.agent.v1.AgentEvent", events.GetProperty("output").GetString());
        Assert.False(calendar.GetProperty("serverStreaming").GetBoolean());
        Assert.Equal("switchboard.supervisor.v1.GetOpeningCalendarRequest", calendar.GetProperty("input").GetString());
    }
}
