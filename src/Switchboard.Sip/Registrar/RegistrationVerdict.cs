namespace Switchboard.Sip.Registrar;

/// <summary>What <see cref="RegistrationGuard.Check"/> decided for an authentication attempt.</summary>
public enum RegistrationVerdict
{
    /// <summary>Check the credentials.</summary>
    Allowed,

    /// <summary>Refused unchecked: a recent failure opened a pause that has not ended.</summary>
    SlowedDown,

    /// <summary>Refused unchecked: locked out.</summary>
    LockedOut,
}
