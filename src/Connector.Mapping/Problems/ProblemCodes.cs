namespace Connector.Mapping.Problems;

/// <summary>The stable problem and exception codes. Scripts, reports and the operator queue key on these.</summary>
public static class ProblemCodes
{
    // Document level: the file cannot be read (status Failed, kept).
    public const string EmptyFile = "FILE_EMPTY";
    public const string BinaryFile = "FILE_BINARY";
    public const string EncodingInvalid = "FILE_ENCODING";
    public const string MalformedCsv = "CSV_MALFORMED";
    public const string LineTooLong = "LINE_TOO_LONG";
    public const string MissingColumn = "COLUMN_MISSING";
    public const string SheetMissing = "SHEET_MISSING";
    public const string WorkbookUnsafe = "XLSX_UNSAFE";
    public const string WorkbookInvalid = "XLSX_INVALID";
    public const string UnknownFormat = "FORMAT_UNKNOWN";
    public const string ReadFailed = "READ_FAILED";

    // Record level: field mapping.
    public const string FieldRequired = "FIELD_REQUIRED";
    public const string FieldInvalidNumber = "FIELD_NUMBER";
    public const string FieldInvalidDate = "FIELD_DATE";
    public const string FieldUnmappedValue = "FIELD_VALUE_UNMAPPED";
    public const string FieldPattern = "FIELD_PATTERN";
    public const string InconsistentHeader = "INVOICE_HEADER_INCONSISTENT";
    public const string InvoiceTooManyLines = "INVOICE_TOO_MANY_LINES";

    // Record level: validation.
    public const string DueBeforeIssue = "DATE_DUE_BEFORE_ISSUE";
    public const string IssueInFuture = "DATE_IN_FUTURE";
    public const string IssueTooOld = "DATE_TOO_OLD";
    public const string CurrencyUnknown = "CURRENCY_UNKNOWN";
    public const string LineArithmetic = "LINE_ARITHMETIC";
    public const string TotalMismatch = "TOTAL_MISMATCH";
    public const string TaxMismatch = "TAX_MISMATCH";
    public const string GrossMismatch = "GROSS_MISMATCH";
    public const string CreditNoteSign = "CREDIT_NOTE_SIGN";
    public const string InvoiceSign = "INVOICE_SIGN";
    public const string NoLines = "INVOICE_NO_LINES";
    public const string DuplicateNumber = "DUPLICATE_NUMBER";
    public const string ConflictingDuplicate = "DUPLICATE_CONFLICT";
    public const string CustomerUnknown = "CUSTOMER_UNKNOWN";
    public const string CustomerAmbiguous = "CUSTOMER_AMBIGUOUS";
    public const string CustomerInactive = "CUSTOMER_INACTIVE";
    public const string CustomerCreditHold = "CUSTOMER_CREDIT_HOLD";
    public const string CustomerNoSite = "CUSTOMER_NO_BILL_TO_SITE";
    public const string CurrencyNotAccepted = "CURRENCY_NOT_ACCEPTED";
    public const string NumberTooLong = "NUMBER_TOO_LONG";

    // Bank files (XML, EDI).

    /// <summary>The XML is no camt.052 / 053 / 054 message, or holds no statement, report or notification.</summary>
    public const string CamtNotStatement = "CAMT_NOT_STATEMENT";

    /// <summary>An entry's batch (Btch NbOfTxs, TtlAmt) does not match its transaction details; the file fails.</summary>
    public const string CamtBatchTotal = "CAMT_BATCH_TOTAL";

    /// <summary>The statement's transaction summary (TxsSummry) does not match its entries; the file fails.</summary>
    public const string CamtSummaryTotal = "CAMT_SUMMARY_TOTAL";

    /// <summary>Opening booked balance + credits - debits is not the closing booked balance; the file fails.</summary>
    public const string CamtBalance = "CAMT_BALANCE";

    /// <summary>An entry's amount or credit/debit indicator is missing or unreadable; the file fails (its totals cannot be checked).</summary>
    public const string CamtEntryInvalid = "CAMT_ENTRY_INVALID";

    /// <summary>Several transaction details of one entry carry no amount: they are kept as one payment of the entry's amount (warning).</summary>
    public const string CamtDetailsMerged = "CAMT_DETAILS_MERGED";

    /// <summary>The statement is one page of several: its balances and summary cover all pages and are not checked against this one (warning).</summary>
    public const string CamtPartialStatement = "CAMT_PARTIAL_STATEMENT";

    /// <summary>The entry is not booked (Sts PDNG, INFO): a warning on its records, the booked entry comes in a later statement.</summary>
    public const string CamtEntryNotBooked = "CAMT_ENTRY_NOT_BOOKED";

    /// <summary>An entry's transaction details (same currency, no charges) do not add up to the amount it booked: an error on each of its records.</summary>
    public const string CamtDetailsTotal = "CAMT_DETAILS_TOTAL";

    /// <summary>A transaction detail's amount is in another currency than the entry booked (warning: the booked amount is said).</summary>
    public const string CamtDetailsCurrency = "CAMT_DETAILS_CURRENCY";

    /// <summary>The entry reverses an earlier booking (RvslInd): a warning on its records, it is no new payment.</summary>
    public const string CamtReversal = "CAMT_REVERSAL";

    /// <summary>The X12 file is not readable as X12 (no ISA header, bad separators, a segment outside its envelope, a truncated envelope).</summary>
    public const string EdiMalformed = "EDI_MALFORMED";

    /// <summary>SE01 is not the number of segments of its transaction set; the file fails.</summary>
    public const string EdiSegmentCount = "EDI_SEGMENT_COUNT";

    /// <summary>GE01 is not the number of transaction sets of its group, or IEA01 the number of groups; the file fails.</summary>
    public const string EdiEnvelopeCount = "EDI_ENVELOPE_COUNT";

    /// <summary>A trailer's control number differs from its header's (SE02/ST02, GE02/GS06, IEA02/ISA13); the file fails.</summary>
    public const string EdiControlNumber = "EDI_CONTROL_NUMBER";

    /// <summary>A transaction set that is no 820 (warning: it is skipped, said so).</summary>
    public const string EdiUnsupportedSet = "EDI_UNSUPPORTED_SET";

    /// <summary>The payment's total is not what its remittance lines add up to (BPR02 against RMR04 + ADX01); an error on the record.</summary>
    public const string RemittanceTotal = "REMITTANCE_TOTAL";

    /// <summary>Rows of one payment of a CSV / XLSX remittance advice disagree on a payment (header) field; an error on the payment.</summary>
    public const string RemittanceHeaderInconsistent = "REMITTANCE_HEADER_INCONSISTENT";

    /// <summary>A payment of a CSV / XLSX remittance advice has more rows than the reader keeps; the rest are left out (error).</summary>
    public const string RemittanceTooManyLines = "REMITTANCE_TOO_MANY_LINES";

    // E-invoices (UBL, CII, ZUGFeRD 1.0 XML).
    /// <summary>The XML has a DOCTYPE (entity or external DTD: XXE, billion laughs); it is refused unread.</summary>
    public const string XmlUnsafe = "XML_UNSAFE";

    /// <summary>The XML is not well-formed (or not XML at all); the message gives the line and position.</summary>
    public const string XmlMalformed = "XML_MALFORMED";

    /// <summary>The XML is larger or nested deeper than the reader's limits allow.</summary>
    public const string XmlLimitExceeded = "XML_LIMIT";

    /// <summary>A PDF arrived for an e-invoice source and no PDF tool (poppler's pdfdetach, pdfinfo) is installed.</summary>
    public const string PdfToolMissing = "PDF_TOOL_MISSING";

    /// <summary>poppler did not finish reading the PDF within the time limit.</summary>
    public const string PdfTimedOut = "PDF_TIMEOUT";

    /// <summary>An embedded file of the PDF, or all together, exceed the size limit.</summary>
    public const string PdfTooLarge = "PDF_TOO_LARGE";

    /// <summary>poppler could not read the PDF (damaged, encrypted, not a PDF).</summary>
    public const string PdfUnreadable = "PDF_UNREADABLE";

    /// <summary>The PDF carries no e-invoice XML (a plain PDF invoice, or only other attachments).</summary>
    public const string PdfNoEInvoice = "PDF_NO_EINVOICE";

    /// <summary>The e-invoice's seller is another entity than the one whose source received it.</summary>
    public const string EInvoiceSellerOtherEntity = "EINVOICE_SELLER_OTHER_ENTITY";

    /// <summary>The e-invoice's seller is no entity (its identifiers are nobody's in the entity.yaml files).</summary>
    public const string EInvoiceSellerUnknown = "EINVOICE_SELLER_UNKNOWN";

    /// <summary>The PDF's XMP metadata claims another profile than its XML.</summary>
    public const string EInvoiceProfileMismatch = "EINVOICE_PROFILE_MISMATCH";

    /// <summary>The document is larger than the reader's limit.</summary>
    public const string FileTooLarge = "FILE_TOO_LARGE";

    /// <summary>Well-formed XML whose root is no e-invoice the reader knows (a UBL RemittanceAdvice, an Order-X order, a camt file...).</summary>
    public const string EInvoiceUnknownRoot = "EINVOICE_UNKNOWN_ROOT";

    // Bank files (BAI2, BAI lockbox, CFONB 120).

    /// <summary>The file is not the bank format its reader reads (no BAI2 01 header, a CFONB 240 file given as CFONB 120...).</summary>
    public const string BankUnknownFormat = "BANK_UNKNOWN_FORMAT";

    /// <summary>No entity has the bank file's receiving account: its payments cannot be applied to anyone's invoices.</summary>
    public const string BankNoEntity = "BANK_NO_ENTITY";

    /// <summary>A record or field of a bank file cannot be read, or records are out of order; the file is refused.</summary>
    public const string BankMalformed = "BANK_MALFORMED";

    /// <summary>A control total or balance of a bank file does not reconcile with its records; the file is refused.</summary>
    public const string BankControlTotal = "BANK_CONTROL_TOTAL";

    /// <summary>A record, account, group or item count of a bank file does not match its records; the file is refused.</summary>
    public const string BankRecordCount = "BANK_RECORD_COUNT";

    /// <summary>A bank entry that is no transaction (a BAI2 status, loan or non-monetary type code in a 16 record): not read as a payment.</summary>
    public const string BankNotATransaction = "BANK_NOT_A_TRANSACTION";

    /// <summary>Entries a bank file marks as test or deletion data: read for the control totals, not taken as payments.</summary>
    public const string BankEntriesSkipped = "BANK_ENTRIES_SKIPPED";

    /// <summary>The target's open items could not be read: payments are applied to the invoices the Connector posted only.</summary>
    public const string BankOpenItemsUnavailable = "BANK_OPEN_ITEMS_UNAVAILABLE";

    /// <summary>The bank file's receiving account is not one of the entity's <c>identifiers.bank_accounts</c>.</summary>
    public const string BankAccountNotEntity = "BANK_ACCOUNT_NOT_ENTITY";

    /// <summary>A cheque's MICR routing number fails its ABA check digit (3-7-1 weights): a misread or a keying error.</summary>
    public const string MicrCheckDigit = "MICR_CHECK_DIGIT";

    // Customer master file.
    public const string MasterDuplicateAccount = "MASTER_DUPLICATE_ACCOUNT";

    /// <summary>The target (ERP) refused the record; the problems carry its messages.</summary>
    public const string TargetRefused = "TARGET_REFUSED";

    /// <summary>The target's import finished without saying anything of the record.</summary>
    public const string TargetUnconfirmed = "TARGET_UNCONFIRMED";

    /// <summary>The ERP holds another invoice under this record's key (same number, other customer or amount).</summary>
    public const string TargetConflict = "TARGET_CONFLICT";

    // E-invoices (EN 16931).

    /// <summary>The prefix of a failed EN 16931 rule's code: <c>EN16931_BR_CO_15</c> for BR-CO-15 (see <see cref="En16931"/>).</summary>
    public const string En16931Prefix = "EN16931_";

    /// <summary>The document claims a profile that is not EN 16931 compliant (Factur-X MINIMUM, BASIC WL): it carries no lines.</summary>
    public const string EInvoiceProfileNotEn16931 = "EINVOICE_PROFILE_NOT_EN16931";

    /// <summary>A line's net amount is not quantity x net price / base quantity + charges - allowances (no EN rule; a warning).</summary>
    public const string EInvoiceLineNet = "EINVOICE_LINE_NET";

    /// <summary>The specification identifier (BT-24) is not one the document's syntax can carry (a ZUGFeRD 1.0 URN in a CII D16B invoice, or the reverse).</summary>
    public const string EInvoiceProfileInvalid = "EINVOICE_PROFILE_INVALID";

    /// <summary>A Factur-X MINIMUM or BASIC WL document to a German buyer that is not typed 751: in Germany those profiles are booking aids, not invoices.</summary>
    public const string EInvoiceBookingAidOnly = "EINVOICE_BOOKING_AID_ONLY";

    /// <summary>An element outside the namespaces of the document's syntax (e.g. a CII term written without its ram: namespace): the XML is not schema-valid.</summary>
    public const string EInvoiceForeignElement = "EINVOICE_FOREIGN_ELEMENT";

    /// <summary>An allowance or charge amount is not its base amount x percentage / 100.</summary>
    public const string EInvoiceAllowancePercent = "EINVOICE_ALLOWANCE_PERCENT";

    /// <summary>A VAT exemption reason code (VATEX) that belongs to another VAT category than the one it is given with.</summary>
    public const string EInvoiceExemptionCategory = "EINVOICE_EXEMPTION_CATEGORY";

    /// <summary>The Factur-X / ZUGFeRD XMP metadata of a PDF is missing or claims a conformance level that does not exist.</summary>
    public const string EInvoiceXmpInvalid = "EINVOICE_XMP_INVALID";

    /// <summary>The document carries business terms its claimed profile does not have (e.g. a preceding invoice reference in MINIMUM): not schema-valid for its profile.</summary>
    public const string EInvoiceProfileTerm = "EINVOICE_PROFILE_TERM";

    /// <summary>A PDF carries several invoice XMLs (e.g. ZUGFeRD 1.0 and Factur-X) that disagree on number, currency or totals.</summary>
    public const string EInvoiceEmbeddedDisagree = "EINVOICE_EMBEDDED_DISAGREE";

    /// <summary>The prefix of a failed XRechnung (German CIUS) rule's code: <c>XRECHNUNG_BR_DE_2</c> for BR-DE-2.</summary>
    public const string XRechnungPrefix = "XRECHNUNG_";

    /// <summary>The code of a failed XRechnung rule: <c>XRECHNUNG_</c> + the rule id with '-' as '_' (BR-DE-2 -> XRECHNUNG_BR_DE_2).</summary>
    public static string XRechnung(string ruleId) => XRechnungPrefix + ruleId.Replace('-', '_');

    /// <summary>The code of a failed EN 16931 rule: <c>EN16931_</c> + the rule id with '-' as '_' (BR-CO-15 -> EN16931_BR_CO_15).</summary>
    public static string En16931(string ruleId) => En16931Prefix + ruleId.Replace('-', '_');

    /// <summary>An OCR field (cheque or stub) was not found on the page.</summary>
    public const string OcrFieldMissing = "OCR_FIELD_MISSING";

    /// <summary>An OCR field was read with a confidence below the floor: the operator confirms it.</summary>
    public const string OcrLowConfidence = "OCR_LOW_CONFIDENCE";

    /// <summary>An OCR field has several plausible readings (e.g. a date 03/04/2026 read both ways).</summary>
    public const string OcrAmbiguous = "OCR_AMBIGUOUS";

    /// <summary>A stub row where amount - discount is not the net paid.</summary>
    public const string OcrRowArithmetic = "OCR_ROW_ARITHMETIC";

    /// <summary>The stub's rows do not add up to its total line.</summary>
    public const string OcrTotalMismatch = "OCR_TOTAL_MISMATCH";

    /// <summary>The cheque's amount is not the stub's total net paid (or their numbers differ).</summary>
    public const string OcrChequeStubMismatch = "OCR_CHEQUE_STUB_MISMATCH";

    /// <summary>The cheque's amount in figures is not its amount in words.</summary>
    public const string OcrWordsFigures = "OCR_WORDS_FIGURES";

    /// <summary>A scanned page is neither a cheque nor a remittance stub: nothing was taken from it.</summary>
    public const string OcrPageUnknown = "OCR_PAGE_UNKNOWN";

    /// <summary>A scanned file could not be read (not an image, a PDF that does not render, an X9.37 file that does not reconcile).</summary>
    public const string ScanUnreadable = "SCAN_UNREADABLE";

    /// <summary>A scanned cheque is made out to another name than the entity's (a warning: is it this company's cheque?).</summary>
    public const string OcrPayeeNotEntity = "OCR_PAYEE_NOT_ENTITY";
}
