using Connector.Mapping.Model;

namespace Connector.Mapping.Tests;

public sealed class IdempotencyKeyTests
{
    [Fact]
    public void ForInvoice_DependsOnEntityKindAndNumberOnly()
    {
        IdempotencyKey.ForInvoice("FR01", InvoiceKind.Invoice, "F-2026-0001").ShouldBe("FR01|INV|F-2026-0001");
        IdempotencyKey.ForInvoice("FR01", InvoiceKind.CreditNote, "F-2026-0001").ShouldBe("FR01|CM|F-2026-0001");
    }
}
