using Switchboard.Acd.Callbacks;
using Switchboard.Acd.Store;
using Switchboard.Acd.Notices;
using Switchboard.Dialplan.Versions;
using Switchboard.Media.Sessions;
using Switchboard.Server.Callbacks;
using Switchboard.Server.Telephony;

namespace Switchboard.Server.Calls;

/// <summary>The node-wide services every <see cref="CallExecutor"/> uses.</summary>
/// <param name="Sip">SIP stack and registrar.</param>
/// <param name="Media">RTP sessions.</param>
/// <param name="Prompts">Loaded prompts.</param>
/// <param name="Dialplans">Current dialplan version.</param>
/// <param name="Acd">Queues and agents.</param>
/// <param name="TimeProvider">The clock.</param>
/// <param name="Logger">Call-flow log.</param>
/// <param name="AgentEvents">Call connected / transfer results to the agent's event stream; null: not sent.</param>
/// <param name="Callbacks">Callback requests and abandoned-place resume; null: callbacks go straight to the ACD.</param>
/// <param name="Trunk">Outbound trunk for transfers to numbers.</param>
/// <param name="Transfers">Transfer guard settings.</param>
/// <param name="Instruments">Step-timing histograms (/metrics); null: not recorded.</param>
public sealed record CallContext(
    SipTelephony Sip,
    MediaEngine Media,
    PromptCatalog Prompts,
    DialplanRegistry Dialplans,
    AcdStore Acd,
    TimeProvider TimeProvider,
    ILogger Logger,
    AgentNoticeStore? AgentEvents = null,
    CallbackStore? Callbacks = null,
    TrunkOptions? Trunk = null,
    TransferOptions? Transfers = null,
    CallInstruments? Instruments = null);
