namespace Connector.Mapping.Ocr;

/// <summary>A rectangle on an image, in pixels from its top-left corner.</summary>
public readonly record struct OcrBox(int Left, int Top, int Width, int Height)
{
    public int Right => Left + Width;

    public int Bottom => Top + Height;

    /// <summary>
    /// This box of a page read turned clockwise by <paramref name="rotation"/> degrees, on the image as stored
    /// (<paramref name="storedWidth"/> x <paramref name="storedHeight"/> pixels).
    /// </summary>
    public OcrBox InStored(int rotation, int storedWidth, int storedHeight) => rotation switch
    {
        0 => this,
        90 => new OcrBox(Top, storedHeight - Left - Width, Height, Width),
        180 => new OcrBox(storedWidth - Left - Width, storedHeight - Top - Height, Width, Height),
        270 => new OcrBox(storedWidth - Top - Height, Left, Height, Width),
        _ => throw new ArgumentOutOfRangeException(nameof(rotation), rotation, "a rotation is 0, 90, 180 or 270 degrees"),
    };
}

/// <summary>One word the OCR engine read, with its confidence (0-100) and where it is.</summary>
public sealed record OcrWord(string Text, double Confidence, OcrBox Box, int Block, int Paragraph, int Line);

/// <summary>
/// One page (image) as the OCR engine read it: its words in reading order with confidences and boxes, the image's
/// size and resolution, and the engine's own identification (for reports). Produced at the edge (libtesseract); the
/// cheque and stub readers in Mapping only see this.
/// </summary>
public sealed record OcrPage(int Width, int Height, int Dpi, IReadOnlyList<OcrWord> Words, string Engine)
{
    /// <summary>
    /// How many degrees (0, 90, 180, 270) the stored image was turned clockwise to be read (a page scanned upside down
    /// or sideways): the size and boxes are those of the turned page (<see cref="OcrBox.InStored"/> maps them back).
    /// </summary>
    public int Rotation { get; init; }

    /// <summary>The words grouped into the engine's lines (block, paragraph, line), top to bottom.</summary>
    public IReadOnlyList<IReadOnlyList<OcrWord>> Lines
        => [.. Words.GroupBy(w => (w.Block, w.Paragraph, w.Line)).Select(g => (IReadOnlyList<OcrWord>)[.. g.OrderBy(w => w.Box.Left)]).OrderBy(l => l[0].Box.Top)];
}

/// <summary>The OCR engine as the readers see it: an image in, a page of words out. Thread-safe.</summary>
internal interface IOcrEngine
{
    /// <summary>Reads an image (PNG, JPEG, TIFF page) held in memory; <paramref name="language"/> is Tesseract's (eng, fra, eng+fra).</summary>
    OcrPage Read(ReadOnlyMemory<byte> image, string language, CancellationToken cancellationToken = default);
}
