using Switchboard.Media.Codecs;

namespace Switchboard.Media.Tests.Codecs;

public sealed class G711Tests
{
    // Reference points from ITU-T G.711 tables 1 and 2 (decoder output values, 16-bit scaled).
    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    [InlineData(0xF0, 120)]
    [InlineData(0xEF, 132)]
    [InlineData(0x8F, 16764)]
    [InlineData(0x90, 15996)]
    public void MuLawDecode_ReferenceCodes_ReturnItuValue(int code, int expected) =>
        Assert.Equal(expected, G711.MuLawDecode((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xD4, 24)]
    [InlineData(0xC5, 264)]
    [InlineData(0xF5, 528)]
    [InlineData(0x80, 5504)]
    public void ALawDecode_ReferenceCodes_ReturnItuValue(int code, int expected) =>
        Assert.Equal(expected, G711.ALawDecode((byte)code));

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(8, 0xFE)]
    [InlineData(1000, 0xCE)]
    [InlineData(-1000, 0x4E)]
    public void MuLawEncode_ReferenceSamples_ReturnItuCode(int sample, int expected) =>
        Assert.Equal(expected, G711.MuLawEncode((short)sample));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    [InlineData(1000, 0xFA)]
    [InlineData(-1000, 0x7A)]
    public void ALawEncode_ReferenceSamples_ReturnItuCode(int sample, int expected) =>
        Assert.Equal(expected, G711.ALawEncode((short)sample));

    [Fact]
    public void MuLawEncode_EveryDecodedValue_RoundTripsExceptNegativeZero()
    {
        for (var code = 0; code < 256; code++)
        {
            var expected = code == 0x7F ? 0xFF : code;
            Assert.Equal(expected, G711.MuLawEncode(G711.MuLawDecode((byte)code)));
        }
    }

    [Fact]
    public void ALawEncode_EveryDecodedValue_RoundTrips()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.ALawEncode(G711.ALawDecode((byte)code)));
        }
    }

    [Fact]
    public void Encode_EverySample_IsMonotonicInDecodedValue()
    {
        short previousMu = short.MinValue;
        short previousA = short.MinValue;
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            var mu = G711.MuLawDecode(G711.MuLawEncode((short)sample));
            var a = G711.ALawDecode(G711.ALawEncode((short)sample));
            Assert.True(mu >= previousMu, $"μ-law not monotonic at {sample}");
            Assert.True(a >= previousA, $"A-law not monotonic at {sample}");
            Assert.True(Math.Abs(mu - sample) <= 1100, $"μ-law error too large at {sample}");
            Assert.True(Math.Abs(a - sample) <= 1100, $"A-law error too large at {sample}");
            previousMu = mu;
            previousA = a;
        }
    }

    [Fact]
    public void EncodeDecode_Frame_MatchesSingleSampleFunctions()
    {
        var pcm = new short[G711.FrameSamples];
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)(Math.Sin(i * 2 * Math.PI * 440 / 8000) * 12000);
        }

        Span<byte> mu = stackalloc byte[pcm.Length];
        Span<byte> a = stackalloc byte[pcm.Length];
        Span<short> back = stackalloc short[pcm.Length];
        G711.Encode(AudioCodec.Pcmu, pcm, mu);
        G711.EncodeALaw(pcm, a);
        for (var i = 0; i < pcm.Length; i++)
        {
            Assert.Equal(G711.MuLawEncode(pcm[i]), mu[i]);
            Assert.Equal(G711.ALawEncode(pcm[i]), a[i]);
        }

        G711.Decode(AudioCodec.Pcma, a, back);
        for (var i = 0; i < pcm.Length; i++)
        {
            Assert.Equal(G711.ALawDecode(a[i]), back[i]);
        }
    }

    [Fact]
    public void Silence_PerCodec_ReturnsItuSilenceByte()
    {
        Assert.Equal(0xFF, G711.Silence(AudioCodec.Pcmu));
        Assert.Equal(0xD5, G711.Silence(AudioCodec.Pcma));
        Assert.Throws<ArgumentOutOfRangeException>(() => G711.Silence((AudioCodec)3));
    }

    [Fact]
    public void Encode_DestinationTooShort_ThrowsArgumentException()
    {
        var pcm = new short[10];
        Assert.Throws<ArgumentException>(() => G711.EncodeMuLaw(pcm, new byte[9]));
    }

    [Fact]
    public void Transcode_MuLawToALaw_PreservesDecodedLevelClosely()
    {
        var mu = new byte[256];
        for (var i = 0; i < mu.Length; i++)
        {
            mu[i] = (byte)i;
        }

        var a = new byte[256];
        G711.Transcode(AudioCodec.Pcmu, AudioCodec.Pcma, mu, a);
        for (var i = 0; i < mu.Length; i++)
        {
            var original = G711.MuLawDecode(mu[i]);
            var converted = G711.ALawDecode(a[i]);
            Assert.True(Math.Abs(original - converted) <= Math.Max(16, Math.Abs(original) / 16), $"code {i}: {original} vs {converted}");
        }
    }
}
