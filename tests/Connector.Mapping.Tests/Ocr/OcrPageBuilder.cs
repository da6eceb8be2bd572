using Connector.Mapping.Ocr;

namespace Connector.Mapping.Tests.Ocr;

/// <summary>
/// One run of text on a page as a printer put it: at <paramref name="X"/> (its left edge, or its right edge when
/// <paramref name="Right"/>), in a font of <paramref name="Points"/> at 300 dpi; its words get <paramref name="Confidence"/>.
/// </summary>
internal sealed record OcrCell(int X, string Text, double Points = 9, bool Right = false, double Confidence = 92);

/// <summary>
/// Lays out lines of words with plausible boxes (a character is about 0.55 em wide, a space 0.35 em) and confidences,
/// as libtesseract would return them, so the readers can be tested without an OCR engine.
/// </summary>
internal sealed class OcrPageBuilder(int width = 2550, int height = 1100)
{
    private readonly List<OcrWord> _words = [];
    private int _line;

    /// <summary>Words whose text is one of these get this confidence (a smudged word).</summary>
    public Dictionary<string, double> Smudged { get; } = new(StringComparer.Ordinal);

    public OcrPageBuilder Line(int top, params OcrCell[] cells)
    {
        _line++;
        foreach (var cell in cells)
        {
            var em = cell.Points / 72 * 300;
            var charWidth = em * 0.55;
            var space = em * 0.35;
            var words = cell.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var total = words.Sum(w => w.Length * charWidth) + ((words.Length - 1) * space);
            var x = cell.Right ? cell.X - total : cell.X;
            foreach (var word in words)
            {
                var w = (int)Math.Round(word.Length * charWidth);
                var confidence = Smudged.TryGetValue(word, out var low) ? low : cell.Confidence;
                _words.Add(new OcrWord(word, confidence, new OcrBox((int)Math.Round(x), top, w, (int)Math.Round(em * 0.75)), 1, 1, _line));
                x += w + space;
            }
        }

        return this;
    }

    public OcrPage Build() => new(width, height, 300, [.. _words], "test-layout");
}
