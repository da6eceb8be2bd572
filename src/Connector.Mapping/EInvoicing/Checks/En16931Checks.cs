using Connector.Mapping.Problems;

namespace Connector.Mapping.EInvoicing.Checks;

/// <summary>
/// Checks an e-invoice against the EN 16931 business rules a receivables posting depends on: mandatory terms, the
/// arithmetic of the totals and the VAT breakdown, and the code lists. Each failed rule is one problem coded
/// <c>EN16931_</c> + the rule id (BR-CO-15 is <c>EN16931_BR_CO_15</c>) naming the business term, the values and where
/// in the XML they were read. Rules on terms the claimed profile does not carry (Factur-X MINIMUM and BASIC WL have no
/// lines; MINIMUM has no buyer address and no VAT breakdown) are skipped, with one warning that the profile is not
/// EN 16931 compliant. Group and information lines of an EXTENDED document do not count in the sums.
/// </summary>
internal static class En16931Checks
{
    public static IReadOnlyList<Problem> Check(EInvoice invoice, string documentName)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var context = new CheckContext(invoice, documentName);
        if (invoice.Profile is EInvoiceProfile.Minimum or EInvoiceProfile.BasicWl)
        {
            var name = invoice.Profile == EInvoiceProfile.Minimum ? "MINIMUM" : "BASIC WL";
            context.Problems.Add(Problem.Warning(
                ProblemCodes.EInvoiceProfileNotEn16931,
                $"the document claims the Factur-X profile {name} ({invoice.SpecificationId}), which is not EN 16931 compliant: it carries no invoice lines, so the line rules are not checked and the record gets one line per VAT rate",
                context.At(invoice.SpotOf("BT-24")),
                "BT-24",
                invoice.SpecificationId));
        }

        MandatoryRules.Check(context);
        LineRules.Check(context);
        ArithmeticRules.Check(context);
        VatRules.Check(context);
        CodeListRules.Check(context);
        AllowanceRules.Check(context);
        VatCategoryRules.Check(context);
        ProfileRules.Check(context);
        return context.Problems;
    }
}
