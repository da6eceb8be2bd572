using System.Text;
using Connector.Mapping.Reading;
using Connector.Tests.Shared;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>
/// The bank files of the shared corpus (<c>CONNECTOR_CORPUS</c>, else <c>../shared/corpus</c> beside the folder that
/// holds Connector.slnx), read in place, and the recomputed totals of <c>bank/control_totals.txt</c>.
/// </summary>
internal static class TextBankCorpus
{
    private static readonly Lazy<string?> Root = new(() => SharedCorpus.Holding("bank"));

    public const string Missing = "The shared corpus was not found (set CONNECTOR_CORPUS, or place it at ../shared/corpus beside the repository): bank corpus tests skipped.";

    public static string? Directory => Root.Value;

    public static string BankPath(string relative) => Path.Combine(Directory ?? throw new InvalidOperationException(Missing), "bank", relative);

    /// <summary>The control_totals.txt line of a file (path relative to bank/): its format column and its totals text.</summary>
    public static (string Format, string Totals) ControlTotals(string relative)
    {
        foreach (var line in File.ReadLines(BankPath("control_totals.txt"), Encoding.UTF8))
        {
            var cells = line.Split('\t');
            if (cells.Length == 3 && cells[0] == relative)
            {
                return (cells[1], cells[2]);
            }
        }

        throw new InvalidOperationException($"{relative} is not in control_totals.txt");
    }

    public static DocumentReadContext Context(string relative) => new(Path.GetFileName(relative));

    public static FileStream Open(string relative) => File.OpenRead(BankPath(relative));
}

/// <summary>A fact that reads the bank files of the shared corpus: skipped, saying why, when the corpus is absent.</summary>
internal sealed class TextBankCorpusFactAttribute : FactAttribute
{
    public TextBankCorpusFactAttribute()
    {
        if (TextBankCorpus.Directory is null)
        {
            Skip = TextBankCorpus.Missing;
        }
    }
}

/// <summary>A theory over bank corpus files: skipped, saying why, when the corpus is absent.</summary>
internal sealed class TextBankCorpusTheoryAttribute : TheoryAttribute
{
    public TextBankCorpusTheoryAttribute()
    {
        if (TextBankCorpus.Directory is null)
        {
            Skip = TextBankCorpus.Missing;
        }
    }
}
