using System.Buffers.Binary;

namespace Switchboard.Media.Tests.Prompts;

/// <summary>Builds WAV files byte by byte, including broken ones, for the reader tests.</summary>
internal static class WavBuilder
{
    public static byte[] Pcm16(int sampleRate, ReadOnlySpan<short> samples, int channels = 1, int bits = 16,
        ushort formatTag = 1, bool extensible = false, params (string Id, byte[] Body)[] chunksBeforeData)
    {
        var data = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2 * i), samples[i]);
        }

        return Build(Format(sampleRate, channels, bits, formatTag, extensible), data, chunksBeforeData);
    }

    public static byte[] Format(int sampleRate, int channels = 1, int bits = 16, ushort formatTag = 1, bool extensible = false)
    {
        var fmt = new byte[extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, extensible ? (ushort)0xFFFE : formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), sampleRate * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), formatTag); // sub-format GUID starts with the tag
        }

        return fmt;
    }

    public static byte[] Build(byte[] fmt, byte[] data, params (string Id, byte[] Body)[] chunksBeforeData)
    {
        using var stream = new MemoryStream();
        stream.Write("RIFF"u8);
        stream.Write(new byte[4]);
        stream.Write("WAVE"u8);
        WriteChunk(stream, "fmt ", fmt);
        foreach (var (id, body) in chunksBeforeData)
        {
            WriteChunk(stream, id, body);
        }

        WriteChunk(stream, "data", data);
        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    private static void WriteChunk(MemoryStream stream, string id, byte[] body)
    {
        stream.Write(System.Text.Encoding.ASCII.GetBytes(id));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        stream.Write(size);
        stream.Write(body);
        if (body.Length % 2 == 1)
        {
            stream.WriteByte(0);
        }
    }
}
