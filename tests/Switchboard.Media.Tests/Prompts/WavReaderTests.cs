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
    [InlineData(8000, 2, 16, 1, "2 channels")]
    [InlineData(8000, 1, 8, 1, "8 bits")]
    [InlineData(8000, 1, 32, 3, "audio format 3")]
    [InlineData(8000, 1, 8, 7, "audio format 7")]
    [InlineData(22050, 1, 16, 1, "sample rate 22050")]
    [InlineData(11025, 1, 16, 1, "sample rate 11025")]
    public void Read_UnsupportedFormat_ThrowsNamingFileAndProblem(int rate, int channels, int bits, int tag, string problem)
    {
        var bytes = WavBuilder.Pcm16(rate, Ramp, channels, bits, (ushort)tag);

        var error = Assert.Throws<WavFormatException>(() => WavReader.Read(bytes, "/prompts/sv/bad.wav"));

        Assert.StartsWith("/prompts/sv/bad.wav: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal("/prompts/sv/bad.wav", error.FileName);
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

        Assert.Contains("data chunk before the fmt chunk", error.Message, StringComparison.Ordinal);
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
