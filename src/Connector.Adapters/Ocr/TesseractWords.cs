using System.Runtime.InteropServices;
using Connector.Mapping.Ocr;
using static Connector.Adapters.Ocr.TesseractNative;

namespace Connector.Adapters.Ocr;

/// <summary>
/// The words of a recognised page through libtesseract's result iterator: the same words, boxes and block / paragraph
/// / line numbers as its TSV (numbered as GetTSVText numbers them), without writing and parsing the TSV text, and
/// with the confidence as a float whatever the C locale (the TSV writes <c>90,516426</c> under a French one).
/// </summary>
internal static class TesseractWords
{
    public static IReadOnlyList<OcrWord> Read(IntPtr api)
    {
        var iterator = TessBaseAPIGetIterator(api);
        if (iterator == IntPtr.Zero)
        {
            return [];
        }

        try
        {
            var page = TessResultIteratorGetPageIterator(iterator);
            var words = new List<OcrWord>();
            var (block, paragraph, line) = (0, 0, 0);
            do
            {
                var text = Text(iterator);
                if (text is null)
                {
                    continue;
                }

                if (TessPageIteratorIsAtBeginningOf(page, PageIteratorBlockLevel) != 0)
                {
                    (block, paragraph, line) = (block + 1, 0, 0);
                }

                if (TessPageIteratorIsAtBeginningOf(page, PageIteratorParagraphLevel) != 0)
                {
                    (paragraph, line) = (paragraph + 1, 0);
                }

                if (TessPageIteratorIsAtBeginningOf(page, PageIteratorLineLevel) != 0)
                {
                    line++;
                }

                if (text.Length == 0 || TessPageIteratorBoundingBox(page, PageIteratorWordLevel, out var left, out var top, out var right, out var bottom) == 0)
                {
                    continue;
                }

                var confidence = Math.Clamp((double)TessResultIteratorConfidence(iterator, PageIteratorWordLevel), 0, 100);
                words.Add(new OcrWord(text, confidence, new OcrBox(left, top, right - left, bottom - top), block, paragraph, line));
            }
            while (TessResultIteratorNext(iterator, PageIteratorWordLevel) != 0);

            return words;
        }
        finally
        {
            TessResultIteratorDelete(iterator);
        }
    }

    /// <summary>The word's text trimmed, or null where the iterator stands on no word (an empty page or block).</summary>
    private static string? Text(IntPtr iterator)
    {
        var text = TessResultIteratorGetUTF8Text(iterator, PageIteratorWordLevel);
        if (text == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return (Marshal.PtrToStringUTF8(text) ?? string.Empty).Trim();
        }
        finally
        {
            TessDeleteText(text);
        }
    }
}
