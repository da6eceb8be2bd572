namespace Connector.Mapping.Tests.EInvoicing.Readers;

/// <summary>Small CII D16B and ZUGFeRD 1.0 documents written for the tests.</summary>
internal static class CiiSamples
{
    public static string Invoice(string issueDate = "<udt:DateTimeString format=\"102\">20260301</udt:DateTimeString>", string grandTotal = "118.75", string lines = DefaultLine) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
            xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
            xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
            xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
          <rsm:ExchangedDocumentContext>
            <ram:BusinessProcessSpecifiedDocumentContextParameter><ram:ID>A1</ram:ID></ram:BusinessProcessSpecifiedDocumentContextParameter>
            <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
          </rsm:ExchangedDocumentContext>
          <rsm:ExchangedDocument>
            <ram:ID>FX-2026-7</ram:ID>
            <ram:TypeCode>380</ram:TypeCode>
            <ram:IssueDateTime>{issueDate}</ram:IssueDateTime>
            <ram:IncludedNote><ram:Content>Header note</ram:Content></ram:IncludedNote>
            <ram:IncludedNote><ram:Content>Second note</ram:Content><ram:SubjectCode>REG</ram:SubjectCode></ram:IncludedNote>
          </rsm:ExchangedDocument>
          <rsm:SupplyChainTradeTransaction>
        {lines}
            <ram:ApplicableHeaderTradeAgreement>
              <ram:BuyerReference>LEITWEG-1</ram:BuyerReference>
              <ram:SellerTradeParty>
                <ram:ID>SUP-1</ram:ID>
                <ram:GlobalID schemeID="0088">4000001123452</ram:GlobalID>
                <ram:Name>Lieferant GmbH</ram:Name>
                <ram:SpecifiedLegalOrganization><ram:ID schemeID="0002">123456789</ram:ID><ram:TradingBusinessName>Lieferant</ram:TradingBusinessName></ram:SpecifiedLegalOrganization>
                <ram:PostalTradeAddress><ram:PostcodeCode>80333</ram:PostcodeCode><ram:LineOne>Lieferantenstrasse 20</ram:LineOne><ram:CityName>Muenchen</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
                <ram:URIUniversalCommunication><ram:URIID schemeID="EM">invoices@lieferant.example</ram:URIID></ram:URIUniversalCommunication>
                <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">201/113/40209</ram:ID></ram:SpecifiedTaxRegistration>
                <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>
              </ram:SellerTradeParty>
              <ram:BuyerTradeParty>
                <ram:Name>Kunden AG</ram:Name>
                <ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress>
                <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR11123456782</ram:ID></ram:SpecifiedTaxRegistration>
              </ram:BuyerTradeParty>
              <ram:SellerOrderReferencedDocument><ram:IssuerAssignedID>SO-88</ram:IssuerAssignedID></ram:SellerOrderReferencedDocument>
              <ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>PO-77</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>
              <ram:ContractReferencedDocument><ram:IssuerAssignedID>CONTRACT-1</ram:IssuerAssignedID></ram:ContractReferencedDocument>
              <ram:SpecifiedProcuringProject><ram:ID>PROJ-9</ram:ID><ram:Name>Project</ram:Name></ram:SpecifiedProcuringProject>
            </ram:ApplicableHeaderTradeAgreement>
            <ram:ApplicableHeaderTradeDelivery>
              <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">20260215</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>
            </ram:ApplicableHeaderTradeDelivery>
            <ram:ApplicableHeaderTradeSettlement>
              <ram:PaymentReference>RF18539007547034</ram:PaymentReference>
              <ram:TaxCurrencyCode>SEK</ram:TaxCurrencyCode>
              <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
              <ram:PayeeTradeParty><ram:Name>Factoring Co</ram:Name></ram:PayeeTradeParty>
              <ram:SpecifiedTradeSettlementPaymentMeans>
                <ram:TypeCode>58</ram:TypeCode>
                <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>DE02120300000000202051</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
              </ram:SpecifiedTradeSettlementPaymentMeans>
              <ram:ApplicableTradeTax>
                <ram:CalculatedAmount>23.75</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
                <ram:BasisAmount>95.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>25</ram:RateApplicablePercent>
              </ram:ApplicableTradeTax>
              <ram:ApplicableTradeTax>
                <ram:CalculatedAmount>0.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
                <ram:ExemptionReason>Intra-community supply</ram:ExemptionReason>
                <ram:BasisAmount>0.00</ram:BasisAmount><ram:CategoryCode>K</ram:CategoryCode>
                <ram:ExemptionReasonCode>VATEX-EU-IC</ram:ExemptionReasonCode><ram:RateApplicablePercent>0</ram:RateApplicablePercent>
              </ram:ApplicableTradeTax>
              <ram:BillingSpecifiedPeriod>
                <ram:StartDateTime><udt:DateTimeString format="102">20260201</udt:DateTimeString></ram:StartDateTime>
                <ram:EndDateTime><udt:DateTimeString format="102">20260228</udt:DateTimeString></ram:EndDateTime>
              </ram:BillingSpecifiedPeriod>
              <ram:SpecifiedTradeAllowanceCharge>
                <ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>
                <ram:CalculationPercent>10</ram:CalculationPercent>
                <ram:BasisAmount>100.00</ram:BasisAmount>
                <ram:ActualAmount>10.00</ram:ActualAmount>
                <ram:ReasonCode>95</ram:ReasonCode>
                <ram:Reason>Discount</ram:Reason>
                <ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>25</ram:RateApplicablePercent></ram:CategoryTradeTax>
              </ram:SpecifiedTradeAllowanceCharge>
              <ram:SpecifiedTradeAllowanceCharge>
                <ram:ChargeIndicator><udt:Indicator>true</udt:Indicator></ram:ChargeIndicator>
                <ram:ActualAmount>5.00</ram:ActualAmount>
                <ram:Reason>Freight</ram:Reason>
                <ram:CategoryTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>25</ram:RateApplicablePercent></ram:CategoryTradeTax>
              </ram:SpecifiedTradeAllowanceCharge>
              <ram:SpecifiedTradePaymentTerms>
                <ram:Description>30 days net</ram:Description>
                <ram:DueDateDateTime><udt:DateTimeString format="102">20260331</udt:DateTimeString></ram:DueDateDateTime>
              </ram:SpecifiedTradePaymentTerms>
              <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                <ram:LineTotalAmount>100.00</ram:LineTotalAmount>
                <ram:ChargeTotalAmount>5.00</ram:ChargeTotalAmount>
                <ram:AllowanceTotalAmount>10.00</ram:AllowanceTotalAmount>
                <ram:TaxBasisTotalAmount>95.00</ram:TaxBasisTotalAmount>
                <ram:TaxTotalAmount currencyID="SEK">250.00</ram:TaxTotalAmount>
                <ram:TaxTotalAmount currencyID="EUR">23.75</ram:TaxTotalAmount>
                <ram:RoundingAmount>0.25</ram:RoundingAmount>
                <ram:GrandTotalAmount>{grandTotal}</ram:GrandTotalAmount>
                <ram:TotalPrepaidAmount>20.00</ram:TotalPrepaidAmount>
                <ram:DuePayableAmount>99.00</ram:DuePayableAmount>
              </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
              <ram:InvoiceReferencedDocument><ram:IssuerAssignedID>FX-2025-900</ram:IssuerAssignedID><ram:FormattedIssueDateTime><qdt:DateTimeString format="102">20251201</qdt:DateTimeString></ram:FormattedIssueDateTime></ram:InvoiceReferencedDocument>
              <ram:ReceivableSpecifiedTradeAccountingAccount><ram:ID>4711-ACC</ram:ID></ram:ReceivableSpecifiedTradeAccountingAccount>
            </ram:ApplicableHeaderTradeSettlement>
          </rsm:SupplyChainTradeTransaction>
        </rsm:CrossIndustryInvoice>
        """;

    public const string DefaultLine = """
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID><ram:IncludedNote><ram:Content>Line note</ram:Content></ram:IncludedNote></ram:AssociatedDocumentLineDocument>
              <ram:SpecifiedTradeProduct>
                <ram:GlobalID schemeID="0160">4012345001235</ram:GlobalID>
                <ram:SellerAssignedID>TB100A4</ram:SellerAssignedID>
                <ram:Name>Trennblaetter A4</ram:Name>
                <ram:Description>Grey, 100 sheets</ram:Description>
              </ram:SpecifiedTradeProduct>
              <ram:SpecifiedLineTradeAgreement>
                <ram:BuyerOrderReferencedDocument><ram:LineID>3</ram:LineID></ram:BuyerOrderReferencedDocument>
                <ram:GrossPriceProductTradePrice><ram:ChargeAmount>12.00</ram:ChargeAmount></ram:GrossPriceProductTradePrice>
                <ram:NetPriceProductTradePrice><ram:ChargeAmount>10.00</ram:ChargeAmount><ram:BasisQuantity unitCode="C62">1</ram:BasisQuantity></ram:NetPriceProductTradePrice>
              </ram:SpecifiedLineTradeAgreement>
              <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">11</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
              <ram:SpecifiedLineTradeSettlement>
                <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>25</ram:RateApplicablePercent></ram:ApplicableTradeTax>
                <ram:BillingSpecifiedPeriod>
                  <ram:StartDateTime><udt:DateTimeString format="102">20260201</udt:DateTimeString></ram:StartDateTime>
                  <ram:EndDateTime><udt:DateTimeString format="102">20260210</udt:DateTimeString></ram:EndDateTime>
                </ram:BillingSpecifiedPeriod>
                <ram:SpecifiedTradeAllowanceCharge>
                  <ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>
                  <ram:ActualAmount>10.00</ram:ActualAmount>
                  <ram:Reason>Line discount</ram:Reason>
                </ram:SpecifiedTradeAllowanceCharge>
                <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>100.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
                <ram:ReceivableSpecifiedTradeAccountingAccount><ram:ID>LINE-ACC</ram:ID></ram:ReceivableSpecifiedTradeAccountingAccount>
              </ram:SpecifiedLineTradeSettlement>
            </ram:IncludedSupplyChainTradeLineItem>
        """;

    /// <summary>An EXTENDED group line with two detail sub-lines and an information line.</summary>
    public const string GroupLines = """
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID><ram:LineStatusReasonCode>GROUP</ram:LineStatusReasonCode></ram:AssociatedDocumentLineDocument>
              <ram:SpecifiedTradeProduct><ram:Name>SUBTOTAL</ram:Name></ram:SpecifiedTradeProduct>
              <ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>100.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
            </ram:IncludedSupplyChainTradeLineItem>
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:LineID>2</ram:LineID><ram:ParentLineID>1</ram:ParentLineID><ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode></ram:AssociatedDocumentLineDocument>
              <ram:SpecifiedTradeProduct><ram:Name>A</ram:Name></ram:SpecifiedTradeProduct>
              <ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>60.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
            </ram:IncludedSupplyChainTradeLineItem>
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:LineID>3</ram:LineID><ram:ParentLineID>1</ram:ParentLineID><ram:LineStatusReasonCode>DETAIL</ram:LineStatusReasonCode></ram:AssociatedDocumentLineDocument>
              <ram:SpecifiedTradeProduct><ram:Name>B</ram:Name></ram:SpecifiedTradeProduct>
              <ram:SpecifiedLineTradeSettlement><ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>40.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
            </ram:IncludedSupplyChainTradeLineItem>
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:LineID>4</ram:LineID><ram:LineStatusReasonCode>INFORMATION</ram:LineStatusReasonCode></ram:AssociatedDocumentLineDocument>
              <ram:SpecifiedTradeProduct><ram:Name>Note line</ram:Name></ram:SpecifiedTradeProduct>
            </ram:IncludedSupplyChainTradeLineItem>
        """;

    public const string Zugferd1 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"
            xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12"
            xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15">
          <rsm:SpecifiedExchangedDocumentContext>
            <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:ferd:CrossIndustryDocument:invoice:1p0:extended</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
          </rsm:SpecifiedExchangedDocumentContext>
          <rsm:HeaderExchangedDocument>
            <ram:ID>471102</ram:ID>
            <ram:TypeCode>380</ram:TypeCode>
            <ram:IssueDateTime><udt:DateTimeString format="102">20130305</udt:DateTimeString></ram:IssueDateTime>
            <ram:IncludedNote><ram:Content>Rechnung gemaess Bestellung</ram:Content></ram:IncludedNote>
          </rsm:HeaderExchangedDocument>
          <rsm:SpecifiedSupplyChainTradeTransaction>
            <ram:ApplicableSupplyChainTradeAgreement>
              <ram:SellerTradeParty>
                <ram:Name>Lieferant GmbH</ram:Name>
                <ram:PostalTradeAddress><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
                <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>
              </ram:SellerTradeParty>
              <ram:BuyerTradeParty><ram:ID>GE2020211</ram:ID><ram:Name>Kunden AG Mitte</ram:Name></ram:BuyerTradeParty>
              <ram:BuyerOrderReferencedDocument><ram:ID>PO-1</ram:ID></ram:BuyerOrderReferencedDocument>
              <ram:ContractReferencedDocument><ram:ID>V88456789</ram:ID></ram:ContractReferencedDocument>
            </ram:ApplicableSupplyChainTradeAgreement>
            <ram:ApplicableSupplyChainTradeDelivery>
              <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">20130303</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>
            </ram:ApplicableSupplyChainTradeDelivery>
            <ram:ApplicableSupplyChainTradeSettlement>
              <ram:PaymentReference>471102</ram:PaymentReference>
              <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
              <ram:SpecifiedTradeSettlementPaymentMeans>
                <ram:TypeCode>31</ram:TypeCode>
                <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>DE08700901001234567890</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
              </ram:SpecifiedTradeSettlementPaymentMeans>
              <ram:ApplicableTradeTax>
                <ram:CalculatedAmount currencyID="EUR">38.57</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
                <ram:BasisAmount currencyID="EUR">203.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>19.00</ram:ApplicablePercent>
              </ram:ApplicableTradeTax>
              <ram:SpecifiedTradeAllowanceCharge>
                <ram:ChargeIndicator><udt:Indicator>false</udt:Indicator></ram:ChargeIndicator>
                <ram:ActualAmount currencyID="EUR">-2.00</ram:ActualAmount>
                <ram:Reason>Sondernachlass</ram:Reason>
                <ram:CategoryTradeTax><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>19.00</ram:ApplicablePercent></ram:CategoryTradeTax>
              </ram:SpecifiedTradeAllowanceCharge>
              <ram:SpecifiedLogisticsServiceCharge>
                <ram:Description>Versandkosten</ram:Description>
                <ram:AppliedAmount currencyID="EUR">7.00</ram:AppliedAmount>
                <ram:AppliedTradeTax><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>19.00</ram:ApplicablePercent></ram:AppliedTradeTax>
              </ram:SpecifiedLogisticsServiceCharge>
              <ram:SpecifiedTradePaymentTerms>
                <ram:Description>Zahlbar innerhalb 30 Tagen</ram:Description>
                <ram:DueDateDateTime><udt:DateTimeString format="102">20130404</udt:DateTimeString></ram:DueDateDateTime>
              </ram:SpecifiedTradePaymentTerms>
              <ram:SpecifiedTradeSettlementMonetarySummation>
                <ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount>
                <ram:ChargeTotalAmount currencyID="EUR">7.00</ram:ChargeTotalAmount>
                <ram:AllowanceTotalAmount currencyID="EUR">2.00</ram:AllowanceTotalAmount>
                <ram:TaxBasisTotalAmount currencyID="EUR">203.00</ram:TaxBasisTotalAmount>
                <ram:TaxTotalAmount currencyID="EUR">38.57</ram:TaxTotalAmount>
                <ram:GrandTotalAmount currencyID="EUR">241.57</ram:GrandTotalAmount>
                <ram:TotalPrepaidAmount currencyID="EUR">0.00</ram:TotalPrepaidAmount>
                <ram:DuePayableAmount currencyID="EUR">241.57</ram:DuePayableAmount>
              </ram:SpecifiedTradeSettlementMonetarySummation>
            </ram:ApplicableSupplyChainTradeSettlement>
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:IncludedNote><ram:Content>Text only</ram:Content></ram:IncludedNote></ram:AssociatedDocumentLineDocument>
            </ram:IncludedSupplyChainTradeLineItem>
            <ram:IncludedSupplyChainTradeLineItem>
              <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
              <ram:SpecifiedSupplyChainTradeAgreement>
                <ram:GrossPriceProductTradePrice><ram:ChargeAmount currencyID="EUR">9.90</ram:ChargeAmount></ram:GrossPriceProductTradePrice>
                <ram:NetPriceProductTradePrice><ram:ChargeAmount currencyID="EUR">9.90</ram:ChargeAmount></ram:NetPriceProductTradePrice>
              </ram:SpecifiedSupplyChainTradeAgreement>
              <ram:SpecifiedSupplyChainTradeDelivery><ram:BilledQuantity unitCode="C62">20.0000</ram:BilledQuantity></ram:SpecifiedSupplyChainTradeDelivery>
              <ram:SpecifiedSupplyChainTradeSettlement>
                <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>19.00</ram:ApplicablePercent></ram:ApplicableTradeTax>
                <ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation>
              </ram:SpecifiedSupplyChainTradeSettlement>
              <ram:SpecifiedTradeProduct><ram:SellerAssignedID>TB100A4</ram:SellerAssignedID><ram:Name>Trennblaetter A4</ram:Name></ram:SpecifiedTradeProduct>
            </ram:IncludedSupplyChainTradeLineItem>
          </rsm:SpecifiedSupplyChainTradeTransaction>
        </rsm:CrossIndustryDocument>
        """;
}
