using System.Globalization;
using System.Text;

namespace Connector.Mapping.Ocr.Cheques;

/// <summary>Helpers over OCR words: text, confidence, region, digit repairs and splitting a line into cells.</summary>
internal static class OcrText
{
    public static string Join(IEnumerable<OcrWord> words) => string.Join(' ', words.Select(w => w.Text));

    public static double MinConfidence(IReadOnlyList<OcrWord> words) => words.Count == 0 ? 0 : words.Min(w => w.Confidence);

    public static OcrBox Union(IReadOnlyList<OcrWord> words)
    {
        if (words.Count == 0)
        {
            return default;
        }

        var left = words.Min(w => w.Box.Left);
        var top = words.Min(w => w.Box.Top);
        return new OcrBox(left, top, words.Max(w => w.Box.Right) - left, words.Max(w => w.Box.Bottom) - top);
    }

    public static OcrBox Union(OcrBox a, OcrBox b)
    {
        if (a == default)
        {
            return b;
        }

        if (b == default)
        {
            return a;
        }

        var left = Math.Min(a.Left, b.Left);
        var top = Math.Min(a.Top, b.Top);
        return new OcrBox(left, top, Math.Max(a.Right, b.Right) - left, Math.Max(a.Bottom, b.Bottom) - top);
    }

    /// <summary>Lower case without accents, for comparing labels and words.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Repairs the letters Tesseract reads for digits (O/o/Q/D for 0, l/I/|/i for 1, S for 5, B for 8, Z for 2) in a
    /// token that is mostly digits; other tokens are returned as they are.
    /// </summary>
    public static string RepairDigits(string token)
    {
        var digits = token.Count(char.IsAsciiDigit);
        var letters = token.Count(char.IsLetter);
        if (digits == 0 || letters > digits)
        {
            return token;
        }

        var builder = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            builder.Append(c switch
            {
                'O' or 'o' or 'Q' or 'D' => '0',
                'l' or 'I' or '|' or 'i' or '!' => '1',
                'S' or 's' => '5',
                'B' => '8',
                'Z' or 'z' => '2',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Splits a line into cells: runs of words separated by less than <paramref name="gapFactor"/> times the line's height.</summary>
    public static IReadOnlyList<IReadOnlyList<OcrWord>> Cells(IReadOnlyList<OcrWord> line, double gapFactor = 1.5)
    {
        var cells = new List<IReadOnlyList<OcrWord>>();
        if (line.Count == 0)
        {
            return cells;
        }

        var height = line.Select(w => w.Box.Height).Order().ElementAt(line.Count / 2);
        var current = new List<OcrWord> { line[0] };
        for (var i = 1; i < line.Count; i++)
        {
            if (line[i].Box.Left - line[i - 1].Box.Right > gapFactor * height)
            {
                cells.Add(current);
                current = [];
            }

            current.Add(line[i]);
        }

        cells.Add(current);
        return cells;
    }
}
