namespace Connector.Mapping.Ocr.Cheques;

/// <summary>
/// One field read from a page: its value, the text it came from, its confidence (the lowest of its words, 0-100), the
/// region of the image it was read from (the union of its words' boxes), and the competing readings when the text
/// could mean more than one value (a date 03/04/2026, a digit the engine could have misread).
/// </summary>
internal sealed record OcrField<T>(T Value, string Text, double Confidence, OcrBox Region, IReadOnlyList<T> Alternatives)
{
    public static OcrField<T> From(T value, IReadOnlyList<OcrWord> words, IReadOnlyList<T>? alternatives = null)
        => new(value, OcrText.Join(words), OcrText.MinConfidence(words), OcrText.Union(words), alternatives ?? []);

    public bool IsAmbiguous => Alternatives.Count > 0;
}
