namespace Switchboard.Acd.Registrations;

/// <summary>
/// One registered contact of an address-of-record as the nodes share it in Redis (RFC 3261 §10.3 location service).
/// Plain values: the SIP layer maps its own binding type to and from this record.
/// </summary>
/// <param name="Aor">Address-of-record (<c>sip:anna@host</c>).</param>
/// <param name="Contact">The contact URI.</param>
/// <param name="ExpiresAt">When the binding lapses.</param>
/// <param name="CallId">Call-ID of the REGISTER that made it.</param>
/// <param name="CSeq">CSeq of that REGISTER.</param>
/// <param name="Transport">Transport the REGISTER came over (<c>Udp</c>, <c>Tcp</c>...), or null.</param>
/// <param name="EndPoint">Source address and port of that REGISTER, or null.</param>
public sealed record RegistrationRecord(string Aor, string Contact, DateTimeOffset ExpiresAt, string CallId, long CSeq, string? Transport, string? EndPoint);
