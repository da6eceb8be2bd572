using Connector.Mapping.Matching;
using FuzzySharp;
using FuzzySharp.PreProcess;

namespace Connector.Mapping.Tests.Matching;

public class IndelRatioTests
{
    [Fact]
    public void Ratio_RandomNamesOfEveryLength_SameAsFuzzySharp()
    {
        var random = new Random(42);
        const string alphabet = "aaabcdeeefghiilmnoorsttu  0123éèüß-";
        for (var n = 0; n < 20_000; n++)
        {
            var first = Text(random, alphabet, random.Next(0, n % 10 == 0 ? 300 : 40));
            var second = random.Next(3) == 0 ? Mutate(random, first, alphabet) : Text(random, alphabet, random.Next(0, 40));
            IndelRatio.Ratio(first, second).ShouldBe(Fuzz.Ratio(first, second, PreprocessMode.None), $"'{first}' vs '{second}'");
        }
    }

    [Theory]
    [InlineData("acme", "acme", 100)]
    [InlineData("", "acme", 0)]
    [InlineData("acme holdings", "acme holdings europe", 79)]
    public void Ratio_KnownPairs_ExpectedScore(string first, string second, int expected)
    {
        IndelRatio.Ratio(first, second).ShouldBe(expected);
        Fuzz.Ratio(first, second, PreprocessMode.None).ShouldBe(expected);
    }

    private static string Text(Random random, string alphabet, int length)
        => new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    private static string Mutate(Random random, string text, string alphabet)
    {
        var chars = text.ToList();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0 when chars.Count > 0 && at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 1 when at < chars.Count:
                    chars[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                default:
                    chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
            }
        }

        return new string([.. chars]);
    }
}
