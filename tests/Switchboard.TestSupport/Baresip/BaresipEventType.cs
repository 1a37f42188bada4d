namespace Switchboard.TestSupport;

/// <summary>Event types baresip 1.0 pushes over ctrl_tcp.</summary>
public static class BaresipEventType
{
    public const string CallIncoming = "CALL_INCOMING";
    public const string CallRinging = "CALL_RINGING";
    public const string CallProgress = "CALL_PROGRESS";
    public const string CallEstablished = "CALL_ESTABLISHED";
    public const string CallClosed = "CALL_CLOSED";
    public const string CallRtpEstablished = "CALL_RTPESTAB";
    public const string CallDtmfStart = "CALL_DTMF_START";
    public const string CallDtmfEnd = "CALL_DTMF_END";
    public const string RegisterOk = "REGISTER_OK";
    public const string RegisterFail = "REGISTER_FAIL";
}
