namespace Switchboard.Sip.Registrar;

/// <summary>One contact a REGISTER adds or refreshes (<paramref name="Binding"/>) or removes (null: expires=0).</summary>
/// <param name="Contact">The Contact URI as registered.</param>
/// <param name="Binding">The new binding, or null to remove the contact.</param>
public readonly record struct SipBindingChange(string Contact, SipBinding? Binding);
