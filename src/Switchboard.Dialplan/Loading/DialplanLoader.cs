using System.Security.Cryptography;
using System.Text;
using Switchboard.Dialplan.Hours;
using Switchboard.Dialplan.Model;
using Switchboard.Dialplan.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Switchboard.Dialplan.Loading;

/// <summary>Reads a dialplan YAML file into a <see cref="DialplanDefinition"/> and validates it.</summary>
public static partial class DialplanLoader
{
    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    public static DialplanLoadResult Load(string path, DialplanLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DialplanLoadResult(null, [new DialplanDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), $"cannot read file: {e.Message}")]);
        }

        return LoadFromText(text, path, options);
    }

    /// <summary>Loads and validates YAML text; <paramref name="path"/> names it in diagnostics and anchors the prompt directory.</summary>
    public static DialplanLoadResult LoadFromText(string yaml, string path, DialplanLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(path);
        options ??= DialplanLoadOptions.Default;
        var context = new YamlContext(path);
        if (YamlInputGuard.Check(yaml, path, options.Limits) is { } refused)
        {
            return new DialplanLoadResult(null, [refused]);
        }

        var duplicates = DuplicateKeyScanner.Scan(yaml, path);
        if (duplicates.Count > 0)
        {
            return new DialplanLoadResult(null, duplicates);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var location = new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column);
            // DuplicateKeyScanner normally finds these first; kept for keys it cannot see (e.g. complex keys).
            if (e.Message.StartsWith("Duplicate key", StringComparison.Ordinal))
            {
                context.Error(location, $"duplicate key '{e.Message["Duplicate key".Length..].Trim()}'");
                return new DialplanLoadResult(null, context.Diagnostics);
            }

            var message = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            context.Error(location, $"YAML syntax: {message}");
            return new DialplanLoadResult(null, context.Diagnostics);
        }

        if (stream.Documents.Count == 0 || context.Map(stream.Documents[0].RootNode, "the dialplan") is not { } root)
        {
            context.Error(new SourceLocation(path, 1, 1), "the file holds no dialplan");
            return new DialplanLoadResult(null, context.Diagnostics);
        }

        var dialplan = ReadRoot(context, root, path, options, Version(yaml));
        if (dialplan is not null)
        {
            DialplanValidator.Validate(dialplan, context, options.TransferTargetCheck);
        }

        var ordered = context.Diagnostics.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        var hasErrors = ordered.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new DialplanLoadResult(hasErrors ? null : dialplan, ordered);
    }

    /// <summary>The content-hash version of a dialplan text: the first 12 hex digits of its SHA-256.</summary>
    public static string Version(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(yaml));
        return Convert.ToHexStringLower(hash)[..12];
    }

    private static DialplanDefinition? ReadRoot(YamlContext context, YamlMap root, string path, DialplanLoadOptions options, string version)
    {
        var name = context.Scalar(root.Require("name", "the dialplan"), "name") ?? "?";
        var zoneNode = root["time_zone"];
        var zoneId = context.Scalar(zoneNode, "time_zone") ?? "Europe/Stockholm";
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            context.Error(zoneNode ?? root.Node, $"unknown time zone '{zoneId}'");
            zone = TimeZoneInfo.Utc;
        }

        var language = context.Scalar(root["language"], "language") ?? "sv";
        var languages = context.ScalarList(root["languages"], "languages").Select(l => l.Value).ToList();
        if (languages.Count == 0)
        {
            languages.Add(language);
        }

        if (!languages.Contains(language))
        {
            context.Error(root["language"] ?? root.Node, $"language '{language}' is not in languages [{string.Join(", ", languages)}]");
        }

        var baseDir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var promptDir = options.PromptDirectory ?? Path.Combine(baseDir, context.Scalar(root["prompt_dir"], "prompt_dir") ?? "prompts");
        var prompts = new PromptChecker(context, promptDir, languages, options.CheckPromptFiles);

        var greeting = prompts.Read(root["greeting"], "greeting");
        var startNode = root["start"];
        var start = context.Scalar(startNode, "start") ?? "main";
        var hours = ReadHours(context, prompts, root["hours"], "hours") ?? OpeningHours.AlwaysOpen;
        var closed = ReadClosedHandling(context, prompts, root["when_closed"], "when_closed", "closed");
        var lunch = ReadClosedHandling(context, prompts, root["when_lunch"], "when_lunch", "lunch");
        var holiday = ReadClosedHandling(context, prompts, root["when_holiday"], "when_holiday", "holiday");
        var emergency = ReadEmergency(context, prompts, root["emergency"]);
        var menus = ReadMenus(context, prompts, root.Require("menus", "the dialplan"));
        var queues = ReadQueues(context, prompts, root["queues"]);
        root.ReportUnknown("the dialplan");

        return new DialplanDefinition(
            name, zone, language, languages, promptDir, greeting, start, hours, closed, lunch, holiday, emergency,
            menus, queues, version, path);
    }

    private static ClosedHandling ReadClosedHandling(YamlContext context, PromptChecker prompts, YamlNode? node, string what, string defaultPrompt)
    {
        if (context.Map(node, what) is not { } map)
        {
            return new ClosedHandling([defaultPrompt, "goodbye"], new DialplanAction(ActionKind.HangUp, null, SourceLocation.None), SourceLocation.None);
        }

        var list = prompts.Read(map["prompt"], $"{what}.prompt");
        var action = context.Action(map["action"], $"{what}.action") ?? new DialplanAction(ActionKind.HangUp, null, context.At(map.Node));
        map.ReportUnknown(what);
        return new ClosedHandling(list.Count > 0 ? list : [defaultPrompt], action, context.At(map.Node));
    }

    private static EmergencyMessage ReadEmergency(YamlContext context, PromptChecker prompts, YamlNode? node)
    {
        if (context.Map(node, "emergency") is not { } map)
        {
            return EmergencyMessage.Off;
        }

        var enabled = context.Bool(map["enabled"], "emergency.enabled") ?? false;
        var list = prompts.Read(map["prompt"], "emergency.prompt");
        var closed = context.Bool(map["closed"], "emergency.closed") ?? false;
        map.ReportUnknown("emergency");
        return new EmergencyMessage(enabled, list.Count > 0 ? list : ["emergency"], closed, context.At(map.Node));
    }
}
