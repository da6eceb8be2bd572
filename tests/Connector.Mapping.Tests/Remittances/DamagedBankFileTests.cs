using Connector.Mapping.Reading;
using Connector.Mapping.Remittances;
using Connector.Mapping.Remittances.Camt;
using Connector.Mapping.Remittances.X12;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>Readers never throw for bad content: every corpus camt and 820 file cut short or with bytes overwritten gives problems, not exceptions.</summary>
public sealed class DamagedBankFileTests
{
    private delegate IReadOnlyList<MappedRemittance> Reader(Stream stream, string entityCode, DocumentReadContext context);

    [CamtX12CorpusFact]
    public void Read_CorpusFilesCutShortOrOverwritten_NeverThrowAndNeverHalfImport()
    {
        var random = new Random(20240101);
        var files = Directory.GetFiles(CamtX12Corpus.CamtFolder, "*.xml").Select(f => (f, (Reader)CamtReader.Read))
            .Concat(Directory.GetFiles(CamtX12Corpus.X12Folder, "*.txt").Select(f => (f, (Reader)X12Reader.Read)));
        var damaged = 0;
        foreach (var (file, read) in files)
        {
            var content = File.ReadAllBytes(file);
            for (var i = 1; i <= 24; i++)
            {
                var copy = i % 2 == 0 ? content[..(content.Length * i / 25)] : Overwrite(content, random);
                var context = new DocumentReadContext(Path.GetFileName(file));
                var remittances = Should.NotThrow(() => read(new MemoryStream(copy), "XX01", context), $"{file} variant {i}");
                if (context.Failed)
                {
                    remittances.ShouldBeEmpty();
                    context.Problems.ShouldNotBeEmpty();
                    damaged++;
                }
            }
        }

        // Cut-short files never pass: their envelope or root element is missing.
        damaged.ShouldBeGreaterThanOrEqualTo(33 * 12);
    }

    private static byte[] Overwrite(byte[] content, Random random)
    {
        var copy = (byte[])content.Clone();
        for (var n = 0; n < 5; n++)
        {
            copy[random.Next(copy.Length)] = (byte)"*~<>&/0123456789.-ABC \n"[random.Next(23)];
        }

        return copy;
    }
}
