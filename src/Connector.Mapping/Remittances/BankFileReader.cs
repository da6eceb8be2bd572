using Connector.Mapping.Problems;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances.Bai2;
using Connector.Mapping.Remittances.Camt;
using Connector.Mapping.Remittances.Cfonb;
using Connector.Mapping.Remittances.Lockbox;
using Connector.Mapping.Remittances.X12;

namespace Connector.Mapping.Remittances;

/// <summary>The bank and remittance file formats the Connector reads.</summary>
internal enum BankFileFormat
{
    Unknown,
    Bai2,
    BaiLockbox,
    Camt,
    X12Remittance,
    Cfonb120,
}

/// <summary>
/// Recognises a bank file by its first bytes (each reader judges its own format; the name does not matter) and reads
/// it with the reader of its format. A file that fails (control totals, envelope counts, a malformed record) gives
/// nothing: the context says why, naming the records.
/// </summary>
internal static class BankFileReader
{
    private const int HeadBytes = 64 * 1024;

    public static BankFileFormat Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("Detection needs a stream that can seek.", nameof(stream));
        }

        var start = stream.Position;
        var head = new byte[HeadBytes];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        return Detect(head.AsSpan(0, read));
    }

    public static BankFileFormat Detect(ReadOnlySpan<byte> head)
        => CamtReader.Sniff(head) ? BankFileFormat.Camt
            : X12Reader.Sniff(head) ? BankFileFormat.X12Remittance
            : Bai2Reader.Sniff(head) ? BankFileFormat.Bai2
            : Cfonb120Reader.Sniff(head) ? BankFileFormat.Cfonb120
            : LockboxReader.Sniff(head) ? BankFileFormat.BaiLockbox
            : BankFileFormat.Unknown;

    /// <summary>The format's name as operators and the inspect JSON say it.</summary>
    public static string Name(BankFileFormat format) => format switch
    {
        BankFileFormat.Bai2 => "bai2",
        BankFileFormat.BaiLockbox => "bai-lockbox",
        BankFileFormat.Camt => "camt",
        BankFileFormat.X12Remittance => "x12-820",
        BankFileFormat.Cfonb120 => "cfonb120",
        _ => "unknown",
    };

    public static IReadOnlyList<MappedRemittance> Read(Stream stream, BankFileFormat format, string entityCode, DocumentReadContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        var remittances = format switch
        {
            BankFileFormat.Bai2 => Bai2Reader.Read(stream, entityCode, context),
            BankFileFormat.BaiLockbox => LockboxReader.Read(stream, entityCode, context),
            BankFileFormat.Camt => CamtReader.Read(stream, entityCode, context),
            BankFileFormat.X12Remittance => X12Reader.Read(stream, entityCode, context),
            BankFileFormat.Cfonb120 => Cfonb120Reader.Read(stream, entityCode, context),
            _ => Unknown(context),
        };
        context.RowsRead = remittances.Count;
        return context.Failed ? [] : remittances;
    }

    private static IReadOnlyList<MappedRemittance> Unknown(DocumentReadContext context)
    {
        context.Fail(Problem.Error(ProblemCodes.BankUnknownFormat, "Not a bank or remittance file the Connector reads (BAI2, BAI lockbox, camt.052/053/054, X12 820, CFONB 120).", context.At()));
        return [];
    }
}
