using System.IO.Compression;
using Connector.Adapters.Abstractions;

namespace Connector.Adapters.Targets.OracleFbdi;

/// <summary>
/// The AutoInvoice FBDI zip: <c>RaInterfaceLinesAll.csv</c> at the root. Deterministic: the same batch gives the same
/// bytes (fixed entry time, fixed compression level, one entry), so a batch re-written after a crash is identical.
/// </summary>
internal static class FbdiPackage
{
    /// <summary>The time stamp of every entry; zip times are local DOS times, so this is kept free of any clock.</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Builds the package of a batch in memory.</summary>
    public static byte[] Build(InvoiceBatch batch)
    {
        using var buffer = new MemoryStream();
        WriteTo(batch, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the package of a batch to a stream, the rows streamed into the zip entry as they are made.</summary>
    public static void WriteTo(InvoiceBatch batch, Stream output)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entry = zip.CreateEntry(FbdiLinesLayout.FileName, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        AutoInvoiceLineWriter.WriteTo(batch, stream);
    }

    /// <summary>Opens the <c>RaInterfaceLinesAll.csv</c> entry of a package for reading.</summary>
    /// <exception cref="InvalidDataException">Not a zip, or no such entry.</exception>
    public static Stream OpenLinesCsv(ZipArchive package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var entry = package.GetEntry(FbdiLinesLayout.FileName)
            ?? throw new InvalidDataException($"The package holds no {FbdiLinesLayout.FileName}.");
        return entry.Open();
    }

    /// <summary>The <c>RaInterfaceLinesAll.csv</c> bytes of a package.</summary>
    /// <exception cref="InvalidDataException">Not a zip, or no such entry.</exception>
    public static byte[] ReadLinesCsv(Stream package)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var entry = zip.GetEntry(FbdiLinesLayout.FileName)
            ?? throw new InvalidDataException($"The package holds no {FbdiLinesLayout.FileName}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
