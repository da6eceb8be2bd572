using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Checks;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Tests.EInvoicing.Checks;

internal static class CheckHelper
{
    public const string Document = "inv-001.xml";

    public static IReadOnlyList<Problem> Check(EInvoice invoice) => En16931Checks.Check(invoice, Document);

    /// <summary>The one problem of that code; fails when there is none or more than one.</summary>
    public static Problem Single(IReadOnlyList<Problem> problems, string code)
    {
        var found = problems.Where(p => p.Code == code).ToList();
        found.Count.ShouldBe(1, $"expected one {code}, got: {string.Join(" | ", problems)}");
        return found[0];
    }

    public static EInvoice WithLine(EInvoice e, int index, Func<EInvoiceLine, EInvoiceLine> change)
        => e with { Lines = e.Lines.Select((l, i) => i == index ? change(l) : l).ToList() };

    public static EInvoice WithBreakdown(EInvoice e, int index, Func<VatBreakdown, VatBreakdown> change)
        => e with { VatBreakdown = e.VatBreakdown.Select((b, i) => i == index ? change(b) : b).ToList() };
}
