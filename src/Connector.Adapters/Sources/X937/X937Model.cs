using Connector.Mapping.Problems;

namespace Connector.Adapters.Sources.X937;

/// <summary>The character set of an X9.37 file's text fields (the image data is binary either way).</summary>
internal enum X937Encoding
{
    Ascii,
    Ebcdic,
}

/// <summary>Which side of the item an image shows (image view detail, record 50, field 8).</summary>
internal enum X937ViewSide
{
    Front,
    Back,
}

/// <summary>
/// The MICR line of a check as the check detail record (25) carries it: the payor bank's 8-digit routing number and
/// its check digit, the on-us field (account and, often, the serial number), the auxiliary on-us (the serial number
/// on business cheques) and the external processing code.
/// </summary>
internal sealed record X937Micr(string PayorBankRouting, string CheckDigit, string OnUs, string AuxiliaryOnUs, string ExternalProcessingCode)
{
    /// <summary>The 9-digit routing transit number (8 digits and the check digit).</summary>
    public string RoutingNumber => PayorBankRouting + CheckDigit;

    /// <summary>True when the check digit matches the 3-7-1 weights, false when not, null when it is absent or not a digit.</summary>
    public bool? CheckDigitValid => CheckDigit.Length == 1 && char.IsAsciiDigit(CheckDigit[0])
        ? Mapping.Ocr.AbaRoutingNumber.IsValid(RoutingNumber)
        : null;

    /// <summary>The cheque (serial) number: the auxiliary on-us when present, else the on-us group before the first '/' or '-' when numeric.</summary>
    public string? SerialNumber
    {
        get
        {
            if (AuxiliaryOnUs.Length > 0)
            {
                return AuxiliaryOnUs;
            }

            var first = OnUs.Split(['-', '/', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return first is not null && first.All(char.IsAsciiDigit) && OnUs.IndexOfAny(['-', '/', ' ']) > 0 ? first : null;
        }
    }
}

/// <summary>One image of a check (records 50 + 52): its side and the image bytes (TIFF, usually CCITT G4) as stored.</summary>
internal sealed record X937Image(X937ViewSide Side, string Format, string Compression, ReadOnlyMemory<byte> Data, long FileOffset);

/// <summary>One check of the file (record 25 and the records that follow it up to the next item).</summary>
internal sealed record X937Check(
    int RecordNumber,
    int CashLetter,
    int Bundle,
    string ItemSequenceNumber,
    long AmountInCents,
    X937Micr Micr,
    DateOnly? BundleBusinessDate,
    IReadOnlyList<X937Image> Images)
{
    public decimal Amount => AmountInCents / 100m;

    public X937Image? Front => Images.FirstOrDefault(i => i.Side == X937ViewSide.Front);

    public X937Image? Back => Images.FirstOrDefault(i => i.Side == X937ViewSide.Back);
}

/// <summary>
/// An X9.37 (DSTU X9.37-2003 / ANSI X9.100-187) image cash letter file as read: its checks in file order and the
/// problems found (a bad record, a control record that does not reconcile). An Error means the file must not be used.
/// </summary>
internal sealed record X937File(
    X937Encoding Encoding,
    bool IsTest,
    string ImmediateOrigin,
    string ImmediateDestination,
    DateOnly? CreationDate,
    IReadOnlyList<X937Check> Checks,
    IReadOnlyList<Problem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
