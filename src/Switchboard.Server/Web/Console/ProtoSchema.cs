using System.Text.Json;
using Google.Protobuf.Reflection;

namespace Switchboard.Server.Web.Console;

/// <summary>
/// The console's gRPC-Web client schema, generated from the protos' own descriptors (the agent and supervisor
/// <c>.proto</c> files and what they import): every message with its fields (number, JSON name, wire type, repeated,
/// map, oneof, message or enum type), every enum's values and every method's input, output and streaming. The page's
/// protobuf codec (<c>protobuf.js</c>) encodes and decodes by it, so the browser client follows the protos without
/// generated JavaScript or a build step.
/// </summary>
public static class ProtoSchema
{
    private static readonly Lazy<string> Json = new(() => Build([
        Switchboard.Api.Agent.V1.AgentReflection.Descriptor,
        Switchboard.Api.Supervisor.V1.SupervisorReflection.Descriptor,
    ]));

    /// <summary>The schema as JSON (built once).</summary>
    public static string Text => Json.Value;

    /// <summary>The schema of <paramref name="files"/> and their dependencies as JSON.</summary>
    public static string Build(IEnumerable<FileDescriptor> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var messages = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var enums = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var services = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            AddFile(file, seen, messages, enums, services);
        }

        return JsonSerializer.Serialize(new { messages, enums, services });
    }

    private static void AddFile(
        FileDescriptor file, HashSet<string> seen, SortedDictionary<string, object> messages, SortedDictionary<string, object> enums, SortedDictionary<string, object> services)
    {
        if (!seen.Add(file.Name))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency, seen, messages, enums, services);
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, messages, enums);
        }

        foreach (var type in file.EnumTypes)
        {
            AddEnum(type, enums);
        }

        foreach (var service in file.Services)
        {
            services[service.FullName] = service.Methods.ToDictionary(
                m => m.Name,
                m => (object)new { input = m.InputType.FullName, output = m.OutputType.FullName, serverStreaming = m.IsServerStreaming },
                StringComparer.Ordinal);
        }
    }

    private static void AddMessage(MessageDescriptor message, SortedDictionary<string, object> messages, SortedDictionary<string, object> enums)
    {
        messages[message.FullName] = message.Fields.InFieldNumberOrder().Select(f => new
        {
            no = f.FieldNumber,
            name = f.JsonName,
            type = TypeName(f.FieldType),
            repeated = f.IsRepeated && !f.IsMap,
            map = f.IsMap,
            packed = f.IsPacked,
            oneof = f.RealContainingOneof?.Name,
            optional = f.ContainingOneof is { IsSynthetic: true },
            ofType = f.FieldType switch
            {
                FieldType.Message => f.MessageType.FullName,
                FieldType.Enum => f.EnumType.FullName,
                _ => null,
            },
        }).ToArray();
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, messages, enums);
        }

        foreach (var type in message.EnumTypes)
        {
            AddEnum(type, enums);
        }
    }

    private static void AddEnum(EnumDescriptor type, SortedDictionary<string, object> enums) =>
        enums[type.FullName] = type.Values.ToDictionary(v => v.Name, v => v.Number, StringComparer.Ordinal);

    private static string TypeName(FieldType type) => type switch
    {
        FieldType.Double => "double",
        FieldType.Float => "float",
        FieldType.Int64 => "int64",
        FieldType.UInt64 => "uint64",
        FieldType.Int32 => "int32",
        FieldType.Fixed64 => "fixed64",
        FieldType.Fixed32 => "fixed32",
        FieldType.Bool => "bool",
        FieldType.String => "string",
        FieldType.Message => "message",
        FieldType.Bytes => "bytes",
        FieldType.UInt32 => "uint32",
        FieldType.SFixed32 => "sfixed32",
        FieldType.SFixed64 => "sfixed64",
        FieldType.SInt32 => "sint32",
        FieldType.SInt64 => "sint64",
        FieldType.Enum => "enum",
        _ => throw new NotSupportedException($"field type {type} is not used by the Switchboard protos"),
    };
}
