using System.Text;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>Bank file text written in a test, as the stream and context a reader takes.</summary>
internal static class BankTestFiles
{
    public static MemoryStream Stream(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

    public static DocumentReadContext Context() => new("bank.txt");
}
