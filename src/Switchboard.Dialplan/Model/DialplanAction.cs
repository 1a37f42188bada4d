namespace Switchboard.Dialplan.Model;

/// <summary>An action written as <c>kind</c> or <c>kind:target</c>, e.g. <c>queue:bsu</c>, <c>menu:main</c>, <c>hangup</c>.</summary>
public sealed record DialplanAction(ActionKind Kind, string? Target, SourceLocation Location)
{
    /// <summary>True when the action leaves the menus (queue, transfer, callback, hang up).</summary>
    public bool IsExit => Kind is ActionKind.Queue or ActionKind.Transfer or ActionKind.Callback or ActionKind.HangUp;

    /// <summary>Parses <c>kind[:target]</c>; returns null with an error message for bad text.</summary>
    public static DialplanAction? TryParse(string text, SourceLocation location, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var kindText = colon < 0 ? trimmed : trimmed[..colon];
        var target = colon < 0 ? null : trimmed[(colon + 1)..].Trim();
        ActionKind? kind = kindText.ToLowerInvariant() switch
        {
            "menu" => ActionKind.Menu,
            "queue" => ActionKind.Queue,
            "transfer" => ActionKind.Transfer,
            "callback" => ActionKind.Callback,
            "language" => ActionKind.Language,
            "repeat" => ActionKind.Repeat,
            "back" => ActionKind.Back,
            "hangup" => ActionKind.HangUp,
            _ => null,
        };
        if (kind is null)
        {
            error = $"unknown action '{text}' (expected menu:<id>, queue:<id>, transfer:<target>, language:<code>, callback, repeat, back or hangup)";
            return null;
        }

        var needsTarget = kind is ActionKind.Menu or ActionKind.Queue or ActionKind.Transfer or ActionKind.Language;
        if (needsTarget && string.IsNullOrEmpty(target))
        {
            error = $"action '{kindText}' needs a target, e.g. '{kindText}:name'";
            return null;
        }

        if (!needsTarget && target is not null)
        {
            error = $"action '{kindText}' takes no target";
            return null;
        }

        return new DialplanAction(kind.Value, target, location);
    }

    /// <inheritdoc />
    public override string ToString() => Target is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()}:{Target}";
}
