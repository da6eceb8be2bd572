using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Mapping.EInvoicing.Mapping;

/// <summary>
/// Applies an entity's <c>format: einvoice</c> profile over the default mapping: each field the profile gives is
/// evaluated by the usual machinery (<see cref="FieldEvaluator"/>: transforms, default, required, value map) on the
/// e-invoice presented as rows of business terms. A field with a value replaces the default; a field whose value comes
/// out empty (no default in the profile) keeps the e-invoice's default, so a profile naming a term one sender leaves
/// out does not blank the field for that sender. Values are read as the document writes them: the credit-note sign is
/// applied afterwards.
/// </summary>
internal static class ProfileOverrides
{
    public static (Invoice Invoice, InvoiceKind? Kind) Apply(MappingProfile profile, Invoice draft, TermRow header, List<LineDraft> lines, SourceLocation source, List<Problem> problems)
    {
        var context = new DocumentReadContext(source.Document);
        var resolved = ResolvedProfile.Resolve(profile, BusinessTerms.Columns, context);
        if (resolved is null)
        {
            problems.AddRange(context.Problems);
            return (draft, null);
        }

        var eval = new FieldEvaluator(resolved, source.Document, null);
        var first = lines.Count > 0 ? lines[0].Row : header;
        InvoiceKind? kind = null;
        foreach (var f in resolved.Header)
        {
            (draft, kind) = ApplyHeader(f, eval, first, draft, kind, problems, source);
        }

        var result = new List<InvoiceLine>(lines.Count);
        foreach (var (line, row) in lines)
        {
            var current = line;
            foreach (var f in resolved.Fields)
            {
                if (f is not null && !CanonicalFields.IsHeader(f.Field))
                {
                    current = ApplyLine(f, eval, row, current, problems);
                }
            }

            result.Add(current);
        }

        return (draft with { Lines = result }, kind);
    }

    private static (Invoice, InvoiceKind?) ApplyHeader(ResolvedField f, FieldEvaluator eval, TermRow row, Invoice i, InvoiceKind? kind, List<Problem> problems, SourceLocation source)
    {
        switch (CanonicalFields.TypeOf(f.Field))
        {
            case FieldType.Date:
                var date = eval.Date(f, row, problems);
                return date is null ? (i, kind) : (f.Field == CanonicalField.IssueDate ? i with { IssueDate = date } : i with { DueDate = date }, kind);
            case FieldType.Number:
                var number = eval.Number(f, row, problems, out _);
                return number is null ? (i, kind) : (f.Field switch
                {
                    CanonicalField.TotalNet => i with { DeclaredNetTotal = number },
                    CanonicalField.TotalTax => i with { DeclaredTaxTotal = number },
                    _ => i with { DeclaredGrossTotal = number },
                }, kind);
        }

        var text = eval.Text(f, row, problems);
        if (text is null)
        {
            return (i, kind);
        }

        var c = i.Customer;
        return f.Field switch
        {
            CanonicalField.InvoiceNumber => (i with { Number = text }, kind),
            CanonicalField.Kind => (i, Kind(text, f, row, problems, source) ?? kind),
            CanonicalField.Currency => (i with { Currency = text.Trim().ToUpperInvariant() }, kind),
            CanonicalField.PaymentTerms => (i with { PaymentTerms = text }, kind),
            CanonicalField.CustomerAccount => (i with { Customer = c with { AccountNumber = text } }, kind),
            CanonicalField.CustomerTaxId => (i with { Customer = c with { TaxId = text } }, kind),
            CanonicalField.CustomerName => (i with { Customer = c with { Name = text } }, kind),
            CanonicalField.PurchaseOrder => (i with { PurchaseOrder = text }, kind),
            CanonicalField.OriginalInvoiceNumber => (i with { OriginalInvoiceNumber = text }, kind),
            _ => (i with { Comments = text }, kind),
        };
    }

    private static InvoiceKind? Kind(string text, ResolvedField f, TermRow row, List<Problem> problems, SourceLocation source)
    {
        switch (text)
        {
            case "invoice":
                return InvoiceKind.Invoice;
            case "credit_note":
                return InvoiceKind.CreditNote;
            default:
                problems.Add(Problem.Error(ProblemCodes.FieldUnmappedValue, $"kind '{text}' is neither invoice nor credit_note: map it with a value map", new SourceLocation(source.Document, row.Line, f.Column), "kind", text));
                return null;
        }
    }

    private static InvoiceLine ApplyLine(ResolvedField f, FieldEvaluator eval, TermRow row, InvoiceLine l, List<Problem> problems)
    {
        if (CanonicalFields.TypeOf(f.Field) == FieldType.Number)
        {
            var number = eval.Number(f, row, problems, out _);
            if (number is not { } n)
            {
                return l;
            }

            return f.Field switch
            {
                CanonicalField.LineNumber when n == decimal.Truncate(n) && n is > 0 and <= int.MaxValue => l with { LineNumber = (int)n },
                CanonicalField.Quantity => l with { Quantity = n },
                CanonicalField.UnitPrice => l with { UnitPrice = n },
                CanonicalField.Amount => l with { Amount = n },
                CanonicalField.TaxRate => l with { TaxRate = n },
                CanonicalField.TaxAmount => l with { TaxAmount = n },
                _ => l,
            };
        }

        var text = eval.Text(f, row, problems);
        if (text is null)
        {
            return l;
        }

        return f.Field switch
        {
            CanonicalField.ItemCode => l with { ItemCode = text },
            CanonicalField.Description => l with { Description = text },
            CanonicalField.Unit => l with { UnitOfMeasure = text },
            _ => l with { TaxCode = text },
        };
    }
}
