using Switchboard.Media.Prompts;

namespace Switchboard.Media.Tests.Prompts;

public sealed class WavReaderTests
{
    private static readonly short[] Ramp = [0, 1, -1, 1000, -1000, short.MaxValue, short.MinValue, 42];

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(44100)]
    [InlineData(48000)]
    public void Read_Pcm16Mono_ReturnsRateAndSamples(int rate)
    {
        var audio = WavReader.Read(WavBuilder.Pcm16(rate, Ramp), "ramp.wav");

        Assert.Equal(rate, audio.SampleRate);
        Assert.Equal(Ramp, audio.Samples.ToArray());
    }

    [Fact]
    public void Read_ListAndOddSizedChunksBeforeData_SkipsThem()
    {
        var list = "LIST"u8.ToArray().Concat("INFOISFT\x05\0\0\0sox!\0"u8.ToArray()).ToArray();
        var bytes = WavBuilder.Pcm16(8000, Ramp, chunksBeforeData: [("LIST", list), ("odd!", [1, 2, 3])]);

        var audio = WavReader.Read(bytes, "tagged.wav");

        Assert.Equal(Ramp, audio.Samples.ToArray());
    }

    [Fact]
    public void Read_ExtensiblePcm_Accepted()
    {
        var audio = WavReader.Read(WavBuilder.Pcm16(48000, Ramp, extensible: true), "ext.wav");

        Assert.Equal(48000, audio.SampleRate);
        Assert.Equal(Ramp, audio.Samples.ToArray());
    }

    [Theory]
    [InlineData(8000, 1, 8, 7, "audio format 7")]
    [InlineData(8000, 1, 12, 1, "12 bits per sample")]
    [InlineData(8000, 1, 64, 3, "64 bits per sample")]
    [InlineData(2000, 1, 16, 1, "sample rate 2000")]
    [InlineData(8000, 9, 16, 1, "9 channels")]
    public void Read_UnsupportedFormat_ThrowsNamingFileAndProblem(int rate, int channels, int bits, int tag, string problem)
    {
        var bytes = WavBuilder.Build(WavBuilder.Format(rate, channels, bits, (ushort)tag), new byte[channels * bits / 8 * 4]);

        var error = Assert.Throws<WavFormatException>(() => WavReader.Read(bytes, "/prompts/sv/bad.wav"));

        Assert.StartsWith("/prompts/sv/bad.wav: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("/prompts/sv/bad.wav", error.FileName);
    }

    [Theory]
    [InlineData(22050)]
    [InlineData(11025)]
    [InlineData(32000)]
    [InlineData(96000)]
    public void Read_AnyCommonRate_Accepted(int rate)
    {
        var audio = WavReader.Read(WavBuilder.Pcm16(rate, Ramp), "rate.wav");

        Assert.Equal(rate, audio.SampleRate);
        Assert.Equal(Ramp, audio.Samples.ToArray());
    }

    [Fact]
    public void Read_Stereo16_AveragesTheChannels()
    {
        short[] interleaved = [1000, 3000, -2000, -4000, short.MaxValue, short.MaxValue];

        var audio = WavReader.Read(WavBuilder.Build(WavBuilder.Format(16000, channels: 2), Bytes16(interleaved)), "stereo.wav");

        Assert.Equal([2000, -3000, short.MaxValue], audio.Samples.ToArray());
    }

    [Fact]
    public void Read_Pcm8Unsigned_ScaledToSixteenBits()
    {
        var audio = WavReader.Read(WavBuilder.Build(WavBuilder.Format(8000, bits: 8), [128, 255, 0, 192]), "eight.wav");

        Assert.Equal([0, 32512, -32768, 16384], audio.Samples.ToArray());
    }

    [Fact]
    public void Read_Pcm24_KeepsTheTopSixteenBits()
    {
        // 24-bit little endian: 0x123456 -> 0x1234 (rounded from 0x1234.56), -1 (0xFFFFFF) -> 0, 0x7FFFFF -> 32767.
        byte[] data = [0x56, 0x34, 0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F];

        var audio = WavReader.Read(WavBuilder.Build(WavBuilder.Format(44100, bits: 24), data), "deep.wav");

        Assert.Equal([0x1234, 0, short.MaxValue], audio.Samples.ToArray());
    }

    [Fact]
    public void Read_Float32_ScaledAndClipped()
    {
        float[] values = [0f, 0.5f, -0.25f, 1.5f, -2f];
        var data = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), values[i]);
        }

        var audio = WavReader.Read(WavBuilder.Build(WavBuilder.Format(48000, bits: 32, formatTag: 3), data), "float.wav");

        Assert.Equal([0, 16384, -8192, short.MaxValue, short.MinValue], audio.Samples.ToArray());
    }

    [Fact]
    public void Read_ExtensibleFloatStereo_Accepted()
    {
        var data = new byte[2 * 2 * 4];
        System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(data, 0.5f);
        System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4), 0.25f);

        var audio = WavReader.Read(WavBuilder.Build(WavBuilder.Format(44100, channels: 2, bits: 32, formatTag: 3, extensible: true), data), "ext-float.wav");

        Assert.Equal([12288, 0], audio.Samples.ToArray());
    }

    private static byte[] Bytes16(short[] samples)
    {
        var data = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2 * i), samples[i]);
        }

        return data;
    }

    [Fact]
    public void Read_NotRiff_Throws()
    {
        var error = Assert.Throws<WavFormatException>(() => WavReader.Read("ID3\u0004 this is an mp3 really"u8, "song.mp3"));

        Assert.Contains("not a RIFF/WAVE file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataBeforeFmt_Throws()
    {
        var bytes = "RIFF\0\0\0\0WAVEdata\x02\0\0\0\x01\0"u8.ToArray();

        var error = Assert.Throws<WavFormatException>(() => WavReader.Read(bytes, "x.wav"));

        Assert.Contains("unreadable WAV header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryTruncation_EitherReadsWholeSamplesOrThrowsWavFormatException()
    {
        var full = WavBuilder.Pcm16(16000, Ramp, chunksBeforeData: [("LIST", new byte[9])]);
        var dataStart = full.Length - Ramp.Length * 2;

        for (var length = 0; length < full.Length; length++)
        {
            var cut = full.AsSpan(0, length).ToArray();
            if (length < dataStart)
            {
                Assert.Throws<WavFormatException>(() => WavReader.Read(cut, "cut.wav"));
            }
            else
            {
                var audio = WavReader.Read(cut, "cut.wav");
                Assert.Equal(Ramp.AsSpan(0, (length - dataStart) / 2).ToArray(), audio.Samples.ToArray());
            }
        }
    }

    [Fact]
    public void Read_RandomBytesAfterHeader_NeverThrowsAnythingElse()
    {
        var random = new Random(4711);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(16, 200)];
            random.NextBytes(bytes);
            "RIFF"u8.CopyTo(bytes);
            "WAVE"u8.CopyTo(bytes.AsSpan(8));
            if (i % 2 == 0)
            {
                "fmt "u8.CopyTo(bytes.AsSpan(12));
            }

            try
            {
                WavReader.Read(bytes, "random.wav");
            }
            catch (WavFormatException)
            {
                // the only acceptable failure
            }
        }
    }

    [Fact]
    public void ReadFile_SoxWrittenFile_ReadsFormat()
    {
        var file = PromptFiles.AllWavFiles().First();

        var audio = WavReader.ReadFile(file);

        Assert.Equal(8000, audio.SampleRate);
        Assert.True(audio.Samples.Length > 0);
    }
}
