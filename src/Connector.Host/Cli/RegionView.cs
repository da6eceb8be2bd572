using System.Text;
using Spectre.Console;

namespace Connector.Host.Cli;

/// <summary>
/// Draws the preview of a field's image region (grey levels 0-255 indexed [row, column], from ScanImages.Preview) on
/// the terminal. On a colour console Spectre's Canvas paints each pixel in its grey, one cell wide and half a cell tall
/// (a terminal cell is about twice as tall as wide, so the picture keeps its proportions), at most
/// <see cref="Columns"/> cells wide (a wider preview is scaled down, a narrower one is drawn as is). When the console
/// has no colour, and for logs, the preview is text: one character per pixel by darkness (taller than the picture).
/// </summary>
internal static class RegionView
{
    /// <summary>The widest a preview is drawn, in cells: the columns to ask ScanImages.Preview for.</summary>
    public const int Columns = 100;

    /// <summary>The pixel rows to ask ScanImages.Preview for: 30 cells tall on a colour console, one screen.</summary>
    public const int Rows = 60;

    /// <summary>From lightest to darkest: white paper is a space, black ink '@'.</summary>
    public const string Ramp = " .:-=+*#%@";

    public static void Write(byte[,] grey, string caption) => Write(AnsiConsole.Console, grey, caption);

    public static void Write(IAnsiConsole console, byte[,] grey, string caption)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(grey);
        ArgumentNullException.ThrowIfNull(caption);
        var (rows, columns) = (grey.GetLength(0), grey.GetLength(1));
        if (rows > 0 && columns > 0)
        {
            if (console.Profile.Capabilities.ColorSystem == ColorSystem.NoColors)
            {
                console.WriteLine(Ascii(grey), Style.Plain);
            }
            else
            {
                console.Write(Canvas(grey));
            }
        }

        console.MarkupLine("[grey]" + Markup.Escape(caption) + "[/]");
    }

    /// <summary>The preview as text: one character per pixel by darkness (<see cref="Ramp"/>), rows ending in '\n' but the last.</summary>
    public static string Ascii(byte[,] grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        var (rows, columns) = (grey.GetLength(0), grey.GetLength(1));
        var text = new StringBuilder(rows * (columns + 1));
        for (var y = 0; y < rows; y++)
        {
            if (y > 0)
            {
                text.Append('\n');
            }

            for (var x = 0; x < columns; x++)
            {
                text.Append(Ramp[(255 - grey[y, x]) * Ramp.Length / 256]);
            }
        }

        return text.ToString();
    }

    private static Canvas Canvas(byte[,] grey)
    {
        var (rows, columns) = (grey.GetLength(0), grey.GetLength(1));
        var canvas = new Canvas(columns, rows) { MaxWidth = Math.Min(columns, Columns) };
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var level = grey[y, x];
                canvas.SetPixel(x, y, new Color(level, level, level));
            }
        }

        return canvas;
    }
}
