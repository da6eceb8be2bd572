using Connector.Mapping.EInvoicing;
using Connector.Mapping.EInvoicing.Mapping;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Tests.EInvoicing.Mapping;

internal static class MapperHelper
{
    public static readonly SourceLocation Source = new("inbox/FR01/inv-001.xml");

    public static MappedInvoice Map(EInvoice e, MappingProfile? profile = null) => EInvoiceMapper.Map(e, profile, "FR01", Source, "UBL");

    /// <summary>A credit note as a CII document writes it: type 381, amounts positive.</summary>
    public static EInvoice CiiCreditNote() => EInvoiceFixtures.Valid() with { Syntax = EInvoiceSyntax.Cii, TypeCode = "381", PrecedingInvoices = ["INV-2026-000"] };

    public static EInvoice WithLines(EInvoice e, params EInvoiceLine[] lines) => e with { Lines = lines };
}
