namespace Connector.Mapping.Ocr;

/// <summary>What a scanned page is.</summary>
internal enum ScanPageKind
{
    Cheque,
    Stub,
    Unknown,
}

/// <summary>Tells a cheque from a remittance stub by its words (placeholder until the reader work lands).</summary>
internal static class ScanPageClassifier
{
    private static readonly string[] ChequeWords = ["pay", "order", "payez", "dollars", "/100"];
    private static readonly string[] StubWords = ["invoice", "facture", "total", "net", "discount", "escompte"];

    public static ScanPageKind Classify(OcrPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = string.Join(' ', page.Words.Select(w => w.Text)).ToLowerInvariant();
        var stub = StubWords.Count(text.Contains);
        var cheque = ChequeWords.Count(text.Contains);
        return stub >= 3 && stub > cheque ? ScanPageKind.Stub : cheque >= 2 ? ScanPageKind.Cheque : ScanPageKind.Unknown;
    }
}
