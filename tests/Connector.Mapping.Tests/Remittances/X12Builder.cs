using System.Globalization;
using System.Text;
using Connector.Mapping.Reading;
using Connector.Mapping.Remittances;
using Connector.Mapping.Remittances.X12;

namespace Connector.Mapping.Tests.Remittances;

/// <summary>Writes X12 820 interchanges for tests: the envelope with correct counts around the given segments, with any separators.</summary>
internal static class X12Builder
{
    public const string Isa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*U*00401*000000001*0*P*>";

    /// <summary>One interchange, one group, one 820 per body (segments written with '*' and no terminator).</summary>
    public static string Interchange(params string[][] bodies)
    {
        var segments = new List<string> { Isa, "GS*RA*SENDER*RECEIVER*20240101*1200*7*X*004010" };
        for (var i = 0; i < bodies.Length; i++)
        {
            var control = (1001 + i).ToString(CultureInfo.InvariantCulture);
            segments.Add("ST*820*" + control);
            segments.AddRange(bodies[i]);
            segments.Add($"SE*{(bodies[i].Length + 2).ToString(CultureInfo.InvariantCulture)}*{control}");
        }

        segments.Add($"GE*{bodies.Length.ToString(CultureInfo.InvariantCulture)}*7");
        segments.Add("IEA*1*000000001");
        return string.Join("~\n", segments) + "~\n";
    }

    /// <summary>The same text with other separators: element, sub-element and segment terminator (the ISA is fixed width, so a plain swap is safe).</summary>
    public static string WithSeparators(string text, char element, char sub, char terminator)
        => new StringBuilder(text).Replace('*', element).Replace('>', sub).Replace('~', terminator).ToString();

    public static (IReadOnlyList<MappedRemittance> Remittances, DocumentReadContext Context) Read(string text)
    {
        var context = new DocumentReadContext("pay.820");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return (X12Reader.Read(stream, "US01", context), context);
    }

    /// <summary>A payment of <paramref name="amount"/> with the given lines after the header (BPR, TRN, N1*PR).</summary>
    public static string[] Payment(string amount, params string[] lines)
        => [$"BPR*C*{amount}*C*ACH*CCD*01*011000015*DA*123456789*1234567890**01*021000021*DA*987654321*20240105", "TRN*1*TRACE0001*1234567890", "N1*PR*ACME CORP", "ENT*1", .. lines];
}
