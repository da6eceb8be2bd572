using System.Globalization;
using Connector.Mapping.Ocr;

namespace Connector.Adapters.Ocr;

/// <summary>
/// Parses Tesseract's TSV (level, page, block, par, line, word, left, top, width, height, conf, text): the level-5 rows
/// are the words. The confidence is read culture-proof: under a French C locale Tesseract writes <c>90,516426</c>,
/// which a plain invariant parse would silently take for 90516426.
/// </summary>
internal static class TesseractTsv
{
    private const int WordLevel = 5;
    private const int Columns = 12;

    public static IReadOnlyList<OcrWord> Words(string tsv)
    {
        var words = new List<OcrWord>();
        foreach (var raw in tsv.Split('\n'))
        {
            var fields = raw.TrimEnd('\r').Split('\t');
            if (fields.Length < Columns || !TryInt(fields[0], out var level) || level != WordLevel)
            {
                continue;
            }

            var text = string.Join('\t', fields.Skip(Columns - 1)).Trim();
            if (text.Length == 0
                || !TryInt(fields[2], out var block) || !TryInt(fields[3], out var paragraph) || !TryInt(fields[4], out var line)
                || !TryInt(fields[6], out var left) || !TryInt(fields[7], out var top)
                || !TryInt(fields[8], out var width) || !TryInt(fields[9], out var height)
                || !TryConfidence(fields[10], out var confidence))
            {
                continue;
            }

            words.Add(new OcrWord(text, confidence, new OcrBox(left, top, width, height), block, paragraph, line));
        }

        return words;
    }

    internal static bool TryConfidence(string text, out double confidence)
    {
        var ok = double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out confidence);
        confidence = ok ? Math.Clamp(confidence, 0, 100) : 0;
        return ok;
    }

    private static bool TryInt(string text, out int value)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
