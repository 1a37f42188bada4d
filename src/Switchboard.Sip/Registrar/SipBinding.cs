using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Registrar;

/// <summary>One contact bound to an address-of-record (RFC 3261 §10.3), with the address the REGISTER came from (for NAT).</summary>
/// <param name="AddressOfRecord">Canonical AOR, e.g. <c>sip:agent7@example.com</c>.</param>
/// <param name="Contact">The Contact URI as registered.</param>
/// <param name="ExpiresAt">When the binding lapses.</param>
/// <param name="CallId">Call-ID of the REGISTER (§10.3 step 7 ordering).</param>
/// <param name="CSeq">CSeq number of the REGISTER.</param>
/// <param name="Source">Transport and address the REGISTER arrived from; calls to the contact can be sent there.</param>
public sealed record SipBinding(string AddressOfRecord, string Contact, DateTimeOffset ExpiresAt, string CallId, long CSeq, SipEndPoint? Source);
