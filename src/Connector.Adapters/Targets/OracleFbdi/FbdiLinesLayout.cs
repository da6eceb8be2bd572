namespace Connector.Adapters.Targets.OracleFbdi;

/// <summary>
/// The positional layout of <c>RaInterfaceLinesAll.csv</c> in the Fusion AutoInvoice FBDI package: no header row,
/// 1-based positions, 371 template columns after the template's GenCSV macro moved Business Unit Name to 287, then a
/// literal <c>END</c> field: 372 fields in all.
/// </summary>
/// <remarks>
/// Source: /work/shared/reference/oracle-receivables.md section 4.1 ("[T1]": a third-party generator and a known-good
/// file from a live Fusion run). Positions 1-52 are as the reference lists them. Positions 53-111 follow the same
/// generator's column order and are anchored by two positions of the known-good file (77 Default Taxation Country,
/// 111 Memo Line Name), so 54, 61 and 107 are consistent with a live file but were not each seen filled in one.
/// 287-289 were seen live. Oracle does not publish the CSV order, and positions past 52 may move between releases:
/// compare with the tenant's AutoInvoiceImportTemplate.xlsm before go-live. Every position lives here and nowhere else.
/// </remarks>
internal static class FbdiLinesLayout
{
    /// <summary>The CSV file name inside the zip (the FBDI loader maps it to RA_INTERFACE_LINES_ALL).</summary>
    public const string FileName = "RaInterfaceLinesAll.csv";

    /// <summary>Number of fields of a row, including the trailing <see cref="EndMarker"/>.</summary>
    public const int FieldCount = 372;

    /// <summary>The literal the template's macro appends as the last field of every row.</summary>
    public const string EndMarker = "END";

    /// <summary>Position of <see cref="EndMarker"/>.</summary>
    public const int End = 372;

    /// <summary>ORG_ID, "Business Unit Identifier"; may be blank when BU_NAME is given.</summary>
    public const int OrgId = 1;

    /// <summary>BATCH_SOURCE_NAME, the AutoInvoice transaction source.</summary>
    public const int BatchSourceName = 2;

    /// <summary>CUST_TRX_TYPE_NAME, the transaction type (invoice or credit memo type).</summary>
    public const int CustTrxTypeName = 3;

    /// <summary>TERM_NAME, payment terms; invoices only.</summary>
    public const int TermName = 4;

    /// <summary>TRX_DATE, transaction date.</summary>
    public const int TrxDate = 5;

    /// <summary>GL_DATE, accounting date; must fall in an open period when AutoInvoice runs.</summary>
    public const int GlDate = 6;

    /// <summary>TRX_NUMBER; only for sources with manual numbering (otherwise AutoInvoice rejects the row).</summary>
    public const int TrxNumber = 7;

    /// <summary>BILL_CUSTOMER_ACCOUNT_NUMBER.</summary>
    public const int BillCustomerAccountNumber = 19;

    /// <summary>BILL_CUSTOMER_SITE_NUMBER.</summary>
    public const int BillCustomerSiteNumber = 20;

    /// <summary>LINE_TYPE: LINE, TAX, FREIGHT or CHARGES.</summary>
    public const int LineType = 26;

    /// <summary>DESCRIPTION, VARCHAR2(240).</summary>
    public const int Description = 27;

    /// <summary>CURRENCY_CODE.</summary>
    public const int CurrencyCode = 28;

    /// <summary>CONVERSION_TYPE: User (with rate 1) for the functional currency, else e.g. Corporate.</summary>
    public const int ConversionType = 29;

    /// <summary>CONVERSION_DATE.</summary>
    public const int ConversionDate = 30;

    /// <summary>CONVERSION_RATE; required with type User.</summary>
    public const int ConversionRate = 31;

    /// <summary>AMOUNT, the line amount (negative on a credit memo).</summary>
    public const int Amount = 32;

    /// <summary>QUANTITY.</summary>
    public const int Quantity = 33;

    /// <summary>UNIT_SELLING_PRICE.</summary>
    public const int UnitSellingPrice = 35;

    /// <summary>INTERFACE_LINE_CONTEXT, the line transaction flexfield context (VARCHAR2(30)).</summary>
    public const int InterfaceLineContext = 37;

    /// <summary>INTERFACE_LINE_ATTRIBUTE1 (VARCHAR2(30)); ATTRIBUTE2-15 follow at 39-52.</summary>
    public const int InterfaceLineAttribute1 = 38;

    /// <summary>Maximum length of the flexfield context and of each INTERFACE_LINE_ATTRIBUTEn (reference 5.1 [V]).</summary>
    public const int FlexfieldMaxLength = 30;

    /// <summary>
    /// TAX_CODE, labelled "Tax Classification Code" in the Fusion template. Position from the T1 generator (53
    /// PRIMARY_SALESREP_NUMBER, 54 TAX_CODE, 55 LEGAL_ENTITY_IDENTIFIER); uncertain, see the type remarks.
    /// </summary>
    public const int TaxClassificationCode = 54;

    /// <summary>UOM_CODE, unit of measure code (62 is UOM_NAME). Position from the T1 generator; uncertain.</summary>
    public const int UomCode = 61;

    /// <summary>UOM_CODE is VARCHAR2(3) in RA_INTERFACE_LINES_ALL.</summary>
    public const int UomCodeMaxLength = 3;

    /// <summary>PURCHASE_ORDER (108 PURCHASE_ORDER_REVISION, 109 PURCHASE_ORDER_DATE). From the T1 generator; uncertain.</summary>
    public const int PurchaseOrder = 107;

    /// <summary>BU_NAME, Business Unit Name, moved here by the template's GenCSV macro (seen live).</summary>
    public const int BuName = 287;

    /// <summary>COMMENTS, the transaction comments (seen live).</summary>
    public const int Comments = 288;

    /// <summary>
    /// INTERNAL_NOTES ("Notes from Source"), a mandatory AutoInvoice grouping attribute: a distinct value per source
    /// invoice keeps AutoInvoice from merging invoices of one customer and date (seen live).
    /// </summary>
    public const int InternalNotes = 289;

    /// <summary>Maximum length of DESCRIPTION (RA_INTERFACE_LINES_ALL, reference 5.1; the length is marked [I] there).</summary>
    public const int DescriptionMaxLength = 240;

    /// <summary>The position of INTERFACE_LINE_ATTRIBUTE<paramref name="n"/> (1-15).</summary>
    public static int InterfaceLineAttribute(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 15);
        return InterfaceLineAttribute1 + n - 1;
    }
}
