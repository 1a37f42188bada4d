using Switchboard.Acd.Store;
using Switchboard.Dialplan.Versions;
using Switchboard.Media.Sessions;
using Switchboard.Server.Telephony;

namespace Switchboard.Server.Calls;

/// <summary>The node-wide services every <see cref="CallSession"/> uses.</summary>
public sealed record CallContext(
    SipTelephony Sip,
    MediaEngine Media,
    PromptCatalog Prompts,
    DialplanRegistry Dialplans,
    AcdStore Acd,
    TimeProvider TimeProvider,
    ILogger Logger);
