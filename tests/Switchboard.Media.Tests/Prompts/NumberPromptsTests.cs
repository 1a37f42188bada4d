using Switchboard.Media.Prompts;

namespace Switchboard.Media.Tests.Prompts;

public sealed class NumberPromptsTests
{
    [Theory]
    [InlineData(0, "num_0")]
    [InlineData(3, "num_3")]
    [InlineData(17, "num_17")]
    [InlineData(20, "num_20")]
    [InlineData(21, "num_20 num_1")]
    [InlineData(40, "num_40")]
    [InlineData(99, "num_90 num_9")]
    [InlineData(100, "num_100")]
    [InlineData(101, "num_100 num_1")]
    [InlineData(115, "num_100 num_15")]
    [InlineData(120, "num_100 num_20")]
    [InlineData(121, "num_100 num_20 num_1")]
    [InlineData(199, "num_100 num_90 num_9")]
    public void Number_ComposesFromAgreedFiles(int value, string expected)
    {
        Assert.Equal(expected.Split(' '), NumberPrompts.Number(value));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(200)]
    [InlineData(int.MaxValue)]
    public void Number_OutOfRange_ThrowsAndTryReturnsFalse(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberPrompts.Number(value));
        Assert.False(NumberPrompts.TryNumber(value, out var names));
        Assert.Empty(names);
    }

    [Fact]
    public void DigitByDigit_PhoneNumber_ReadsDigitsSkippingSeparators()
    {
        var names = NumberPrompts.DigitByDigit("+46 70-123 45#");

        Assert.Equal(["digit_4", "digit_6", "digit_7", "digit_0", "digit_1", "digit_2", "digit_3", "digit_4", "digit_5"], names);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void Number_EveryValueUpTo199_ResolvesInTheCommittedSet(string language)
    {
        for (var value = 0; value <= NumberPrompts.Max; value++)
        {
            foreach (var name in NumberPrompts.Number(value))
            {
                Assert.Contains(name, PromptFiles.Set.Names(language));
            }
        }

        Assert.All(NumberPrompts.AllNames, name => Assert.Contains(name, PromptFiles.Set.Names(language)));
    }

    [Fact]
    public void Playlist_PositionAnnouncement_PlaysPrefixNumberSuffix()
    {
        var library = new PromptLibrary(PromptFiles.Set);

        var player = library.CreatePlayer("sv", ["position_prefix", .. NumberPrompts.Number(23), "position_suffix"]);

        Assert.Equal(["position_prefix", "num_20", "num_3", "position_suffix"], player.Playlist.Select(p => p.Name));
        Assert.Equal(player.Playlist.Sum(p => p.FrameCount), player.TotalFrames);
    }
}
