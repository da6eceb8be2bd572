namespace Connector.Mapping.EInvoicing.Cii;

/// <summary>
/// The element names that differ between CII D16B (<c>CrossIndustryInvoice</c>) and ZUGFeRD 1.0
/// (<c>CrossIndustryDocument</c>, CII D13B-like); everything else is shared by the one reader.
/// </summary>
internal sealed record CiiNames(
    EInvoiceSyntax Syntax,
    string Context,
    string Document,
    string Transaction,
    string Agreement,
    string Delivery,
    string Settlement,
    string HeaderSummation,
    string LineAgreement,
    string LineDelivery,
    string LineSettlement,
    string LineSummation,
    string RatePercent,
    string ReferencedId)
{
    public static CiiNames D16B { get; } = new(
        EInvoiceSyntax.Cii,
        "ExchangedDocumentContext",
        "ExchangedDocument",
        "SupplyChainTradeTransaction",
        "ApplicableHeaderTradeAgreement",
        "ApplicableHeaderTradeDelivery",
        "ApplicableHeaderTradeSettlement",
        "SpecifiedTradeSettlementHeaderMonetarySummation",
        "SpecifiedLineTradeAgreement",
        "SpecifiedLineTradeDelivery",
        "SpecifiedLineTradeSettlement",
        "SpecifiedTradeSettlementLineMonetarySummation",
        "RateApplicablePercent",
        "IssuerAssignedID");

    public static CiiNames Zugferd1 { get; } = new(
        EInvoiceSyntax.Zugferd1,
        "SpecifiedExchangedDocumentContext",
        "HeaderExchangedDocument",
        "SpecifiedSupplyChainTradeTransaction",
        "ApplicableSupplyChainTradeAgreement",
        "ApplicableSupplyChainTradeDelivery",
        "ApplicableSupplyChainTradeSettlement",
        "SpecifiedTradeSettlementMonetarySummation",
        "SpecifiedSupplyChainTradeAgreement",
        "SpecifiedSupplyChainTradeDelivery",
        "SpecifiedSupplyChainTradeSettlement",
        "SpecifiedTradeSettlementMonetarySummation",
        "ApplicablePercent",
        "ID");
}
