using System.Text.RegularExpressions;
using Connector.Host.Cli;
using Spectre.Console;

namespace Connector.Host.Tests.Cli;

public sealed class RegionViewTests
{
    /// <summary>A preview 30 wide and 8 high: the left half black, the right half white, one grey row in the middle.</summary>
    private static byte[,] HalfBlack()
    {
        var grey = new byte[8, 30];
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 30; x++)
            {
                grey[y, x] = y == 4 ? (byte)128 : x < 15 ? (byte)0 : (byte)255;
            }
        }

        return grey;
    }

    [Fact]
    public void Ascii_Preview_HasOneLineOfOneCharacterPerPixel()
    {
        var lines = RegionView.Ascii(HalfBlack()).Split('\n');

        lines.Length.ShouldBe(8);
        lines.ShouldAllBe(line => line.Length == 30);
        lines[0].ShouldBe(new string('@', 15) + new string(' ', 15));
        lines[4].ShouldBe(new string('=', 30)); // mid grey (128) is the fifth of the ten characters
    }

    [Fact]
    public void Ascii_GreyLevels_GoFromSpaceForWhiteToAtForBlack()
    {
        var ramp = new byte[1, 256];
        for (var level = 0; level < 256; level++)
        {
            ramp[0, level] = (byte)(255 - level);
        }

        var text = RegionView.Ascii(ramp);

        text.Length.ShouldBe(256);
        text[0].ShouldBe(' ');
        text[255].ShouldBe('@');
        text.Distinct().ShouldBe(RegionView.Ramp.ToCharArray()); // every character, lightest first, none out of order
        RegionView.Ascii(new byte[0, 0]).ShouldBeEmpty();
    }

    [Fact]
    public void Write_ConsoleWithoutColour_WritesTheAsciiPreviewAndTheCaption()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });

        RegionView.Write(console, HalfBlack(), "amount [page 1] read 100.00 (41%) or 700.00 (38%)");

        var text = output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        text.ShouldContain(RegionView.Ascii(HalfBlack()));
        text.ShouldContain("amount [page 1] read 100.00 (41%) or 700.00 (38%)");
    }

    [Fact]
    public void Write_TrueColourConsole_PaintsTwoPixelsPerCellInTheirGreys()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.TrueColor, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 200;

        RegionView.Write(console, HalfBlack(), "amount");

        var text = output.ToString();
        var lines = Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(4 + 1); // 8 pixel rows in 4 cell rows (upper half block: top pixel, background: bottom one), then the caption
        lines[..4].ShouldAllBe(line => line == new string('\u2580', 30));
        lines[4].ShouldBe("amount");
        text.ShouldContain("\u001b[38;2;0;0;0;48;2;0;0;0m");
        text.ShouldContain("\u001b[38;2;255;255;255;48;2;255;255;255m");
        text.ShouldContain("\u001b[38;2;128;128;128;48;2;0;0;0m"); // row 4 (mid grey) over row 5 (black) on the left
    }

    [Fact]
    public void Write_PreviewWiderThanColumns_IsScaledDownToColumns()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.TrueColor, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 400;

        RegionView.Write(console, new byte[40, 300], "wide");

        var first = Regex.Replace(output.ToString(), "\u001b\\[[0-9;]*m", string.Empty).Split('\n')[0].TrimEnd('\r');
        first.Length.ShouldBe(RegionView.Columns);
    }
}
