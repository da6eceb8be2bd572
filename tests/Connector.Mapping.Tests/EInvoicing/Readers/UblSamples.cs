namespace Connector.Mapping.Tests.EInvoicing.Readers;

/// <summary>Small UBL documents written for the tests: every BT group the reader fills.</summary>
internal static class UblSamples
{
    public const string Namespaces =
        "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" "
        + "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"";

    public static string Invoice(string totals = DefaultTotals, string taxTotals = DefaultTaxTotals, string issueDate = "2026-03-01", string extraLine = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" {Namespaces}>
          <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
          <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
          <cbc:ID>INV-2026-001</cbc:ID>
          <cbc:IssueDate>{issueDate}</cbc:IssueDate>
          <cbc:DueDate>2026-03-31</cbc:DueDate>
          <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
          <cbc:Note>First note</cbc:Note>
          <cbc:Note>Second note</cbc:Note>
          <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
          <cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>
          <cbc:AccountingCost>4711-ACC</cbc:AccountingCost>
          <cbc:BuyerReference>BUYER-REF</cbc:BuyerReference>
          <cac:InvoicePeriod><cbc:StartDate>2026-02-01</cbc:StartDate><cbc:EndDate>2026-02-28</cbc:EndDate></cac:InvoicePeriod>
          <cac:OrderReference><cbc:ID>PO-77</cbc:ID><cbc:SalesOrderID>SO-88</cbc:SalesOrderID></cac:OrderReference>
          <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-2025-900</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
          <cac:ContractDocumentReference><cbc:ID>CONTRACT-1</cbc:ID></cac:ContractDocumentReference>
          <cac:ProjectReference><cbc:ID>PROJ-9</cbc:ID></cac:ProjectReference>
          <cac:AccountingSupplierParty><cac:Party>
            <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
            <cac:PartyIdentification><cbc:ID schemeID="0088">5790000435968</cbc:ID></cac:PartyIdentification>
            <cac:PartyIdentification><cbc:ID>SUP-1</cbc:ID></cac:PartyIdentification>
            <cac:PartyName><cbc:Name>Seller Trading</cbc:Name></cac:PartyName>
            <cac:PostalAddress>
              <cbc:StreetName>Main Street 1</cbc:StreetName><cbc:AdditionalStreetName>Building B</cbc:AdditionalStreetName>
              <cbc:CityName>Stockholm</cbc:CityName><cbc:PostalZone>11122</cbc:PostalZone>
              <cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country>
            </cac:PostalAddress>
            <cac:PartyTaxScheme><cbc:CompanyID>SE123456789001</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
            <cac:PartyTaxScheme><cbc:CompanyID>201/113/40209</cbc:CompanyID><cac:TaxScheme><cbc:ID>FC</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
            <cac:PartyLegalEntity><cbc:RegistrationName>Seller AB</cbc:RegistrationName><cbc:CompanyID schemeID="0007">5560000001</cbc:CompanyID></cac:PartyLegalEntity>
          </cac:Party></cac:AccountingSupplierParty>
          <cac:AccountingCustomerParty><cac:Party>
            <cbc:EndpointID schemeID="EM">ap@buyer.example</cbc:EndpointID>
            <cac:PostalAddress><cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
            <cac:PartyTaxScheme><cbc:CompanyID>DE987654321</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
            <cac:PartyLegalEntity><cbc:RegistrationName>Buyer GmbH</cbc:RegistrationName></cac:PartyLegalEntity>
          </cac:Party></cac:AccountingCustomerParty>
          <cac:PayeeParty><cac:PartyName><cbc:Name>Factoring Co</cbc:Name></cac:PartyName></cac:PayeeParty>
          <cac:Delivery><cbc:ActualDeliveryDate>2026-02-15</cbc:ActualDeliveryDate></cac:Delivery>
          <cac:PaymentMeans>
            <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
            <cbc:PaymentID>RF18539007547034</cbc:PaymentID>
            <cac:PayeeFinancialAccount><cbc:ID>SE4550000000058398257466</cbc:ID></cac:PayeeFinancialAccount>
          </cac:PaymentMeans>
          <cac:PaymentTerms><cbc:Note>30 days net</cbc:Note></cac:PaymentTerms>
          <cac:AllowanceCharge>
            <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
            <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>
            <cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>
            <cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>
            <cbc:Amount currencyID="EUR">10.00</cbc:Amount>
            <cbc:BaseAmount currencyID="EUR">100.00</cbc:BaseAmount>
            <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
          </cac:AllowanceCharge>
          <cac:AllowanceCharge>
            <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
            <cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>
            <cbc:Amount currencyID="EUR">5.00</cbc:Amount>
            <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
          </cac:AllowanceCharge>
        {taxTotals}
        {totals}
          <cac:InvoiceLine>
            <cbc:ID>1</cbc:ID>
            <cbc:Note>Line note</cbc:Note>
            <cbc:InvoicedQuantity unitCode="HUR">2</cbc:InvoicedQuantity>
            <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
            <cbc:AccountingCost>LINE-ACC</cbc:AccountingCost>
            <cac:InvoicePeriod><cbc:StartDate>2026-02-01</cbc:StartDate><cbc:EndDate>2026-02-14</cbc:EndDate></cac:InvoicePeriod>
            <cac:OrderLineReference><cbc:LineID>3</cbc:LineID></cac:OrderLineReference>
            <cac:AllowanceCharge>
              <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
              <cbc:AllowanceChargeReason>Line discount</cbc:AllowanceChargeReason>
              <cbc:Amount currencyID="EUR">10.00</cbc:Amount>
            </cac:AllowanceCharge>
            <cac:Item>
              <cbc:Description>Consulting hours</cbc:Description>
              <cbc:Name>Consulting</cbc:Name>
              <cac:SellersItemIdentification><cbc:ID>CONS-1</cbc:ID></cac:SellersItemIdentification>
              <cac:StandardItemIdentification><cbc:ID schemeID="0160">07300000000017</cbc:ID></cac:StandardItemIdentification>
              <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
            </cac:Item>
            <cac:Price>
              <cbc:PriceAmount currencyID="EUR">55.00</cbc:PriceAmount>
              <cbc:BaseQuantity unitCode="HUR">1</cbc:BaseQuantity>
              <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">5.00</cbc:Amount><cbc:BaseAmount currencyID="EUR">60.00</cbc:BaseAmount></cac:AllowanceCharge>
            </cac:Price>
          </cac:InvoiceLine>
        {extraLine}
        </Invoice>
        """;

    public const string DefaultTaxTotals = """
          <cac:TaxTotal>
            <cbc:TaxAmount currencyID="SEK">250.00</cbc:TaxAmount>
          </cac:TaxTotal>
          <cac:TaxTotal>
            <cbc:TaxAmount currencyID="EUR">23.75</cbc:TaxAmount>
            <cac:TaxSubtotal>
              <cbc:TaxableAmount currencyID="EUR">95.00</cbc:TaxableAmount>
              <cbc:TaxAmount currencyID="EUR">23.75</cbc:TaxAmount>
              <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
            </cac:TaxSubtotal>
            <cac:TaxSubtotal>
              <cbc:TaxableAmount currencyID="EUR">0.00</cbc:TaxableAmount>
              <cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount>
              <cac:TaxCategory><cbc:ID>E</cbc:ID><cbc:Percent>0</cbc:Percent><cbc:TaxExemptionReasonCode>VATEX-EU-132</cbc:TaxExemptionReasonCode><cbc:TaxExemptionReason>Exempt</cbc:TaxExemptionReason><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
            </cac:TaxSubtotal>
          </cac:TaxTotal>
        """;

    public const string DefaultTotals = """
          <cac:LegalMonetaryTotal>
            <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
            <cbc:TaxExclusiveAmount currencyID="EUR">95.00</cbc:TaxExclusiveAmount>
            <cbc:TaxInclusiveAmount currencyID="EUR">118.75</cbc:TaxInclusiveAmount>
            <cbc:AllowanceTotalAmount currencyID="EUR">10.00</cbc:AllowanceTotalAmount>
            <cbc:ChargeTotalAmount currencyID="EUR">5.00</cbc:ChargeTotalAmount>
            <cbc:PrepaidAmount currencyID="EUR">20.00</cbc:PrepaidAmount>
            <cbc:PayableRoundingAmount currencyID="EUR">0.25</cbc:PayableRoundingAmount>
            <cbc:PayableAmount currencyID="EUR">99.00</cbc:PayableAmount>
          </cac:LegalMonetaryTotal>
        """;

    public static string CreditNote() => $"""
        <CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" {Namespaces}>
          <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
          <cbc:ID>CN-5</cbc:ID>
          <cbc:IssueDate>2026-04-02</cbc:IssueDate>
          <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
          <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
          <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-2026-001</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
          <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-04-30</cbc:PaymentDueDate></cac:PaymentMeans>
          <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">2.50</cbc:TaxAmount></cac:TaxTotal>
          <cac:LegalMonetaryTotal>
            <cbc:LineExtensionAmount currencyID="EUR">10.00</cbc:LineExtensionAmount>
            <cbc:PayableAmount currencyID="EUR">12.50</cbc:PayableAmount>
          </cac:LegalMonetaryTotal>
          <cac:CreditNoteLine>
            <cbc:ID>1</cbc:ID>
            <cbc:CreditedQuantity unitCode="C62">1</cbc:CreditedQuantity>
            <cbc:LineExtensionAmount currencyID="EUR">10.00</cbc:LineExtensionAmount>
            <cac:Item><cbc:Name>Returned item</cbc:Name></cac:Item>
            <cac:Price><cbc:PriceAmount currencyID="EUR">10.00</cbc:PriceAmount></cac:Price>
          </cac:CreditNoteLine>
        </CreditNote>
        """;
}
