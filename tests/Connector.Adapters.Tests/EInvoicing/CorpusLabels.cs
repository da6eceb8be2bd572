namespace Connector.Adapters.Tests.EInvoicing;

/// <summary>
/// What the corpus's labels mean for the e-invoice reader: every file labelled broken with the problem code(s) that
/// name why its authors call it broken (as established by reading the file against its twin or the rules), and the
/// files labelled valid that are nonetheless refused, each with the reason that refusal is right.
/// </summary>
internal static class CorpusLabels
{
    /// <summary>
    /// Relative path (under einvoice/, '/' separated) of each file labelled broken -> the codes that must be among its
    /// problems. No code: no reason a posting system can see was found; the file must still be read without a crash.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Broken = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // The UBL twin of the CEN full-model test: BT-106 is not the sum of its lines, BT-112 not BT-109 + BT-110.
        ["zugferd-corpus/XML-Rechnung/UBL/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.ubl.xml"] = ["EN16931_BR_CO_10", "EN16931_BR_CO_15", "EINVOICE_EXEMPTION_CATEGORY"],

        // Allowances and charges of 10.00 declared as 1 % of 100.00, and VATEX-EU-O (not subject) on an exempt (E) breakdown.
        ["zugferd-corpus/XML-Rechnung/CII/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.cii.xml"] = ["EINVOICE_ALLOWANCE_PERCENT", "EINVOICE_EXEMPTION_CATEGORY"],

        // No reason found: its XML passes every EN 16931 rule the Connector knows and its XMP agrees; the defect is
        // presumably PDF/A-level (iTextSharp 4.1 output claiming PDF/A-3A), which poppler cannot judge.
        ["zugferd-corpus/ZUGFeRDv2/fail/ZUGFeRD_2_fully_compliant_complete.pdf"] = [],

        // The same file with unit code ST: ST is a valid UN/ECE Rec 20 code (sheet); same unseen PDF/A-level defect.
        ["zugferd-corpus/ZUGFeRDv2/fail/ZUGFeRD_2.0_fully_compliant_complete.pdf"] = [],

        // Mustang 1.5 Factur-X: currencyID on every amount (CII-DT-031); its second (ZUGFeRD 1.0) XML is legitimate (validV2PDF.pdf has one too).
        ["zugferd-corpus/ZUGFeRDv2/fail/MustangRE-20171118_506_ZUGFeRD1and2.pdf"] = ["EN16931_CII_DT_031"],
        ["zugferd-corpus/ZUGFeRDv2/fail/Mustangproject/MustangGnuaccountingBeispielRE-20171118_506.pdf"] = ["EN16931_CII_DT_031"],
        ["zugferd-corpus/ZUGFeRDv2/fail/python-factur-x/python-factur-x.pdf"] = ["EN16931_CII_DT_031"],
        ["mustang/validator/src/test/resources/XMLinvalidV2PDF.pdf"] = ["EN16931_CII_DT_031"],

        // The correct 507 with <BuyerReference> written without the ram: namespace (schema-invalid).
        ["zugferd-corpus/ZUGFeRDv2/fail/Mustangproject/MustangGnuaccountingBeispielRE-20190610_507a.pdf"] = ["EINVOICE_FOREIGN_ELEMENT"],
        ["zugferd-corpus/ZUGFeRDv2/fail/Mustangproject/MustangGnuaccountingBeispielRE-20190610_507b.pdf"] = ["EINVOICE_FOREIGN_ELEMENT"],

        // The embedded factur-x.xml declares an encoding it is not in: no invoice XML can be read from the PDF.
        ["zugferd-corpus/ZUGFeRDv2/fail/Mustangproject/factur-x-invalid-xml-encoding-attribute.pdf"] = ["PDF_NO_EINVOICE"],

        // Line 1: net amount 316.00 for 400 x 0.10 (= 40.00); no EN rule states it, so a warning.
        ["zugferd-corpus/ZUGFeRDv2/fail/Mustangproject/noNetPriceValidation.xml"] = ["EINVOICE_LINE_NET"],

        // FNFE 2018 credit notes in MINIMUM: a preceding invoice reference (BG-3) the MINIMUM profile has no place for; currencyID on amounts.
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Avoir_FR_type380_MINIMUM.pdf"] = ["EINVOICE_PROFILE_TERM", "EN16931_CII_DT_031"],
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Avoir_FR_type381_MINIMUM.pdf"] = ["EINVOICE_PROFILE_TERM", "EN16931_CII_DT_031"],

        // FNFE 2018 BASIC WL credit note: only the currencyID defect is seen (its correct/ siblings share it); Mustang's precise reason is not established.
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Avoir_FR_type381_BASICWL.pdf"] = ["EN16931_CII_DT_031"],

        // FNFE 2018 BASIC / EN 16931: currencyID on amounts and line 1's net amount is not quantity x net price
        // (e.g. 20 x 4.10 = 82.00 written 81.90); both warnings, as the correct/ Avoir_FR_type381_BASIC shares them.
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Avoir_FR_type380_BASIC.pdf"] = ["EN16931_CII_DT_031", "EINVOICE_LINE_NET"],
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Avoir_FR_type380_EN16931.pdf"] = ["EN16931_CII_DT_031", "EINVOICE_LINE_NET"],
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Avoir_FR_type381_EN16931.pdf"] = ["EN16931_CII_DT_031", "EINVOICE_LINE_NET"],
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Facture_DOM_BASIC.pdf"] = ["EN16931_CII_DT_031", "EINVOICE_LINE_NET"],
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Facture_DOM_EN16931.pdf"] = ["EN16931_CII_DT_031", "EINVOICE_LINE_NET"],
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Facture_FR_BASIC.pdf"] = ["EN16931_CII_DT_031", "EINVOICE_LINE_NET"],
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Facture_FR_EN16931.pdf"] = ["EN16931_CII_DT_031", "EINVOICE_LINE_NET"],

        // FNFE 2018 intra-community supplies (category K) without delivery date or invoicing period (BR-IC-11), the
        // BASIC one also without deliver-to country (BR-IC-12); plus the currencyID and line net defects above.
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Facture_UE_BASIC.pdf"] = ["EN16931_BR_IC_11", "EN16931_BR_IC_12", "EN16931_CII_DT_031", "EINVOICE_LINE_NET"],
        ["zugferd-corpus/ZUGFeRDv2/fail/FNFE-factur-x-examples/Facture_UE_EN16931.pdf"] = ["EN16931_BR_IC_11", "EN16931_CII_DT_031", "EINVOICE_LINE_NET"],

        // ZUGFeRD 1.0 with a broken date format '1020', a rate '19.00e', profile 'komfort' and sums that do not add up.
        ["zugferd-corpus/ZUGFeRDv1/fail/Mustangproject/fail1.pdf"] = ["FIELD_DATE", "FIELD_NUMBER", "EN16931_BR_03", "EN16931_BR_CO_10", "EINVOICE_PROFILE_INVALID"],

        // Line 1: 2 x 160.00 written as 160.00 (line net arithmetic, a warning).
        ["mustang/validator/src/test/resources/invalidArithmetics.xml"] = ["EINVOICE_LINE_NET"],

        // No buyer name, no BT-106, a BasisAmount in 'ECU', BT-112 is not BT-109 + BT-110, unit 'PIECE'.
        ["mustang/validator/src/test/resources/invalidV2.xml"] = ["EN16931_CII_DT_031", "EN16931_BR_07", "EN16931_BR_12", "EN16931_BR_CO_15", "EN16931_BR_CL_23"],

        // XRechnung 3.0 without buyer reference (Leitweg-ID) and an amount due 0.01 off.
        ["mustang/validator/src/test/resources/invalidXRV30.xml"] = ["EN16931_BR_CO_16", "XRECHNUNG_BR_DE_15"],

        // A CII D16B invoice claiming the ZUGFeRD 1.0 COMFORT URN (Mustang: unsupported profile).
        ["mustang/validator/src/test/resources/invalidV2Profile.xml"] = ["EINVOICE_PROFILE_INVALID"],

        // XMP fx:ConformanceLevel 'no thing'.
        ["mustang/validator/src/test/resources/invalidXMP.pdf"] = ["EINVOICE_XMP_INVALID"],

        // MINIMUM typed 380 to a German buyer: in Germany MINIMUM is only a booking aid (751).
        ["mustang/validator/src/test/resources/FAIL_zugferd_2p1_MINIMUM_Rechnung_380.xml"] = ["EINVOICE_BOOKING_AID_ONLY"],

        // The valid XRechnung without the seller contact (BG-6).
        ["mustang/validator/src/test/resources/invalidXRechnung.pdf"] = ["XRECHNUNG_BR_DE_2"],

        // A PDF with no embedded file at all.
        ["mustang/validator/src/test/resources/corruptedV2PDF.pdf"] = ["PDF_NO_EINVOICE"],
    };

    /// <summary>Files labelled valid that are refused (an Error), each with why the refusal is right.</summary>
    public static readonly IReadOnlyDictionary<string, string> RefusedValid = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["akretion-factur-x/tests/fixtures/xml/order-x-basic.xml"] = "an Order-X purchase order, not an invoice",
        ["akretion-factur-x/tests/fixtures/xml/order-x-comfort.xml"] = "an Order-X purchase order, not an invoice",
        ["akretion-factur-x/tests/fixtures/xml/zugferd-extended.xml"] = "BT-73 '20139102' is no date (month 91), and its allowances are written negative so BT-107 and the VAT base do not add up",
        ["en16931-cen/cii/examples/huf_example_cii.xml"] = "BR-CO-17: 27 % of 69180.00 HUF is 18678.60, the file writes 18679 (rounded to whole forints); the EN asks for 2 decimals",
        ["mustang/validator/src/test/resources/valid_with_VAT_O.xml"] = "BR-CO-26: the seller has no identifier, legal registration or VAT id at all; the Connector cannot identify the seller",
        ["zugferd-corpus/ZUGFeRDv1/correct/Konik/acme_invoice-42_ZUGFeRD.pdf"] = "ZUGFeRD 1.0 BASIC without BT-109, without a VAT breakdown and without line net amounts: nothing to post the net and tax from",
    };

    /// <summary>folders fail/, names with invalid / corrupted / FAIL / wrong / errors / not_validating.</summary>
    public static bool IsLabelledBroken(string path)
    {
        var name = Path.GetFileName(path);
        return path.Contains($"{Path.DirectorySeparatorChar}fail{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || name.Contains("invalid", StringComparison.OrdinalIgnoreCase)
            || name.Contains("corrupted", StringComparison.OrdinalIgnoreCase)
            || name.Contains("FAIL", StringComparison.Ordinal)
            || name.Contains("wrong", StringComparison.OrdinalIgnoreCase)
            || name.Contains("errors", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("not_validating", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// folders correct/, XML-Rechnung (but the not_validating pair), the CEN examples (BIS3_Invoice_negativ.XML
    /// included: a valid negative invoice, -1 x 625743.54 DKK, that passes the EN 16931 rules; the corpus README
    /// calls it a negative case, but CEN and phive list it among the good examples), the akretion fixtures and
    /// mustang's valid* files.
    /// </summary>
    public static bool IsLabelledValid(string relative)
    {
        var path = relative.Replace('\\', '/');
        var name = Path.GetFileName(path);
        return !IsLabelledBroken(relative)
            && (path.Contains("/correct/", StringComparison.Ordinal)
                || path.StartsWith("zugferd-corpus/XML-Rechnung/", StringComparison.Ordinal)
                || path.StartsWith("en16931-cen/", StringComparison.Ordinal)
                || path.StartsWith("akretion-factur-x/", StringComparison.Ordinal)
                || (path.StartsWith("mustang/", StringComparison.Ordinal) && name.StartsWith("valid", StringComparison.OrdinalIgnoreCase)));
    }
}
