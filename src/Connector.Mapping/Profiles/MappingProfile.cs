namespace Connector.Mapping.Profiles;

internal enum ProfileFormat
{
    Csv,
    Xlsx,

    /// <summary>An e-invoice (UBL, CII, Factur-X, ZUGFeRD): fields name EN 16931 business terms; every field is optional.</summary>
    EInvoice,

    /// <summary>A bank or remittance file (BAI2, BAI lockbox, camt.052/053/054, X12 820, CFONB 120): the format is detected by content; nothing to map.</summary>
    Bank,

    /// <summary>Scanned cheques and remittance stubs (PNG, JPEG, TIFF, PDF scans, X9.37 image cash letters): read by OCR, trusted by arithmetic.</summary>
    Scan,
}

/// <summary>The <c>scan:</c> section of a scan profile.</summary>
internal sealed record ScanOptions
{
    /// <summary>Tesseract's languages, e.g. <c>eng</c>, <c>fra</c>, <c>eng+fra</c>.</summary>
    public string Language { get; init; } = "eng";

    /// <summary>
    /// How the payers write numeric dates: true day first (Europe, Canada), false month first (US); a date that reads
    /// both ways (03/04/2026) is then read that way. Null (not said): such a date is ambiguous unless its stub settles it.
    /// </summary>
    public bool? DayFirst { get; init; }

    /// <summary>A field read with a lower confidence (0-100) is an exception for an operator to confirm.</summary>
    public double ConfidenceFloor { get; init; } = 60;

    /// <summary>The most pages read from one scanned file (a multi-page TIFF or PDF); further pages are not read.</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>A scanned file larger than this (bytes) is refused unread.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;
}

/// <summary>The <c>csv:</c> section of a profile.</summary>
internal sealed record CsvOptions
{
    public char Delimiter { get; init; } = ',';

    public char Quote { get; init; } = '"';

    /// <summary>utf-8, windows-1252, iso-8859-1, iso-8859-15 or utf-16 (a BOM is always honoured).</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>Lines skipped before the header (or before the data without header).</summary>
    public int SkipRows { get; init; }

    public bool Header { get; init; } = true;

    /// <summary>
    /// Line breaks inside quoted fields belong to the field (RFC 4180; Excel writes them for multi-line cells). False:
    /// every line break ends a row, so one stray quote damages one line only.
    /// </summary>
    public bool Multiline { get; init; } = true;
}

/// <summary>The <c>xlsx:</c> section of a profile.</summary>
internal sealed record XlsxOptions
{
    /// <summary>The sheet's name; null with <see cref="SheetIndex"/> null means the first sheet.</summary>
    public string? SheetName { get; init; }

    /// <summary>The sheet's 1-based index.</summary>
    public int? SheetIndex { get; init; }

    /// <summary>1-based row of the header.</summary>
    public int HeaderRow { get; init; } = 1;
}

/// <summary>The <c>numbers:</c> section: the decimal separator and the allowed thousands separators.</summary>
internal sealed record NumberStyle
{
    public char Decimal { get; init; } = '.';

    public string Group { get; init; } = string.Empty;
}

/// <summary>The <c>credit_notes:</c> section.</summary>
internal sealed record CreditNoteOptions
{
    /// <summary>The source writes credit-note amounts positive: negate them.</summary>
    public bool FlipSign { get; init; }

    /// <summary>A record whose lines sum negative becomes a credit note.</summary>
    public bool NegativeTotalIsCredit { get; init; }
}

/// <summary>One incoming format of an entity: how to read the file and how its fields become canonical fields.</summary>
internal sealed record MappingProfile
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required ProfileFormat Format { get; init; }

    /// <summary>What a record of the documents is: an invoice (default) or a remittance advice's payment (<c>record: remittance</c>).</summary>
    public ProfileRecord Record { get; init; }

    /// <summary>A remittance profile's payments are advices only (the money comes as bank credits they are matched to).</summary>
    public bool AdviceOnly { get; init; } = true;

    /// <summary>The YAML file the profile was read from.</summary>
    public string FilePath { get; init; } = string.Empty;

    public CsvOptions Csv { get; init; } = new();

    public ScanOptions Scan { get; init; } = new();

    public XlsxOptions Xlsx { get; init; } = new();

    public NumberStyle Numbers { get; init; } = new();

    public IReadOnlyList<string> DateFormats { get; init; } = ["yyyy-MM-dd"];

    public CreditNoteOptions CreditNotes { get; init; } = new();

    public required IReadOnlyDictionary<CanonicalField, FieldSpec> Fields { get; init; }

    public IReadOnlyDictionary<string, ValueMap> ValueMaps { get; init; } = new Dictionary<string, ValueMap>();
}
