using System.Globalization;
using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Pipeline;

/// <summary>What an operator decided about an exception.</summary>
internal abstract record Resolution;

/// <summary>Bill this customer; with <see cref="Remember"/>, the source's name for it becomes an alias for next time.</summary>
internal sealed record ChooseCustomer(string AccountNumber, bool Remember) : Resolution;

/// <summary>Correct fields of the record, by canonical name (e.g. <c>issue_date</c>, <c>lines.2.amount</c>).</summary>
internal sealed record CorrectFields(IReadOnlyDictionary<string, string> Values) : Resolution;

/// <summary>Do not post this record; the reason is kept.</summary>
internal sealed record SkipRecord(string Reason) : Resolution;

/// <summary>
/// The operator checked the ERP and the invoice is not there (after a <c>TARGET_UNCONFIRMED</c>): its key is released
/// and the record goes through validation again, to be posted by the next export.
/// </summary>
internal sealed record NotInTarget(string Reason) : Resolution;

internal sealed record ResolutionResult(long RecordId, RecordState State, IReadOnlyList<Problem> Problems, int OthersReleased);

/// <summary>
/// Applies an operator's decision: the record goes through validation again and, if nothing is wrong any more, is
/// Ready for the next export; otherwise it stays an exception with the new problems. Everything is audited.
/// </summary>
internal sealed class ExceptionResolver(IConnectorStore store, TimeProvider clock)
{
    /// <summary>Codes reported while reading the source: they stay until the field they name is corrected.</summary>
    private static readonly HashSet<string> SourceCodes = new(StringComparer.Ordinal)
    {
        ProblemCodes.FieldInvalidNumber,
        ProblemCodes.FieldInvalidDate,
        ProblemCodes.FieldUnmappedValue,
        ProblemCodes.FieldPattern,
        ProblemCodes.InconsistentHeader,
        ProblemCodes.ConflictingDuplicate,
    };

    public ResolutionResult Resolve(EntityRuntime entity, long exceptionId, Resolution resolution, string actor)
    {
        var exception = store.GetException(exceptionId) ?? throw new ArgumentException($"There is no exception {exceptionId}.", nameof(exceptionId));
        if (!exception.Open)
        {
            throw new InvalidOperationException($"Exception {exceptionId} was already resolved by {exception.ResolvedBy}: {exception.Resolution}.");
        }

        if (exception.Entity != entity.Code)
        {
            throw new InvalidOperationException($"Exception {exceptionId} belongs to entity {exception.Entity}, not {entity.Code}.");
        }

        var record = store.GetRecord(exception.RecordId)!;
        var invoice = record.Invoice;
        var sticky = record.Problems.Where(p => SourceCodes.Contains(p.Code)).ToList();

        switch (resolution)
        {
            case SkipRecord skip:
                store.UpdateRecord(
                    new RecordUpdate(record.Id, RecordState.Skipped, record.PayloadJson, record.Currency, record.NetAmount, record.LineCount, record.Problems, null, $"skipped by {actor}: {skip.Reason}", actor, "exception.skip", $"exception {exceptionId}: {skip.Reason}"),
                    clock.GetUtcNow());
                return new ResolutionResult(record.Id, RecordState.Skipped, [], 0);

            case ChooseCustomer choose:
                var customer = entity.Matcher.FindByAccount(choose.AccountNumber)
                               ?? throw new ArgumentException($"Entity {entity.Code} has no customer '{choose.AccountNumber}'.", nameof(resolution));
                var original = invoice.Customer;
                invoice = invoice with { Customer = original with { AccountNumber = customer.AccountNumber } };
                var result = Revalidate(entity, record, invoice, sticky, actor, "exception.customer", $"exception {exceptionId}: customer {customer.AccountNumber} ({customer.Name}) chosen for \"{original}\"");
                var released = 0;
                if (choose.Remember && AliasText(original) is { } alias)
                {
                    var learned = new CustomerAlias(alias, customer.AccountNumber);
                    store.AddAlias(entity.Code, learned, actor, clock.GetUtcNow());
                    entity.Matcher.AddAlias(learned);
                    released = ReleaseOthers(entity);
                }

                return result with { OthersReleased = released };

            case NotInTarget notThere:
                if (exception.Code != ProblemCodes.TargetUnconfirmed)
                {
                    throw new InvalidOperationException($"Exception {exceptionId} is {exception.Code}: only an invoice the target did not report ({ProblemCodes.TargetUnconfirmed}) can be declared absent from it.");
                }

                store.ReleaseExportedKey(record.Id);
                sticky.RemoveAll(p => p.Code == ProblemCodes.TargetUnconfirmed);
                return Revalidate(entity, record, invoice, sticky, actor, "exception.not-in-target", $"exception {exceptionId}: checked, not in the ERP ({notThere.Reason}); key released");

            case CorrectFields correct:
                foreach (var (field, value) in correct.Values)
                {
                    invoice = InvoiceFields.Set(invoice, field, value);
                }

                sticky.RemoveAll(p => p.Field is not null && correct.Values.Keys.Any(k => string.Equals(k, p.Field, StringComparison.OrdinalIgnoreCase)));
                var changes = string.Join(", ", correct.Values.Select(v => $"{v.Key}={v.Value}"));
                return Revalidate(entity, record, invoice, sticky, actor, "exception.correct", $"exception {exceptionId}: {changes}");

            default:
                throw new ArgumentOutOfRangeException(nameof(resolution));
        }
    }

    /// <summary>After an alias is learned, other open customer exceptions of the entity may now match: try them again.</summary>
    private int ReleaseOthers(EntityRuntime entity)
    {
        var released = 0;
        foreach (var open in store.OpenExceptionsWithCode(entity.Code, RecordEvaluator.CustomerCodes.ToList()))
        {
            var record = store.GetRecord(open.RecordId)!;
            var invoice = record.Invoice;
            var sticky = record.Problems.Where(p => SourceCodes.Contains(p.Code)).ToList();
            var result = Revalidate(entity, record, invoice, sticky, "pipeline", "exception.revalidated", $"exception {open.Id}: an alias was learned");
            released += result.State == RecordState.Ready ? 1 : 0;
        }

        return released;
    }

    private ResolutionResult Revalidate(EntityRuntime entity, RecordInfo record, Invoice invoice, IReadOnlyList<Problem> sticky, string actor, string action, string details)
    {
        var evaluation = RecordEvaluator.Evaluate(entity, invoice, sticky, DuplicateVerdict.None);
        var reason = evaluation.State == RecordState.Ready ? $"resolved by {actor}" : evaluation.Exception!.Code;
        store.UpdateRecord(
            new RecordUpdate(record.Id, evaluation.State, StoreJson.Serialize(evaluation.Invoice), evaluation.Invoice.Currency, evaluation.Invoice.NetTotal, evaluation.Invoice.Lines.Count, evaluation.Problems, evaluation.Exception, reason, actor, action, details),
            clock.GetUtcNow());
        return new ResolutionResult(record.Id, evaluation.State, evaluation.Errors.ToList(), 0);
    }

    private static string? AliasText(CustomerReference reference)
        => !string.IsNullOrWhiteSpace(reference.Name) ? reference.Name.Trim()
            : !string.IsNullOrWhiteSpace(reference.TaxId) ? reference.TaxId.Trim()
            : reference.AccountNumber?.Trim();
}

/// <summary>Sets a canonical field of an invoice from text, as an operator types it (ISO dates, invariant numbers).</summary>
internal static class InvoiceFields
{
    public static Invoice Set(Invoice invoice, string field, string value)
    {
        var name = field.Trim().ToLowerInvariant();
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (name.StartsWith("lines.", StringComparison.Ordinal))
        {
            return SetLine(invoice, name, text);
        }

        return name switch
        {
            "issue_date" => invoice with { IssueDate = Date(field, text) },
            "due_date" => invoice with { DueDate = Date(field, text) },
            "currency" => invoice with { Currency = text?.ToUpperInvariant() },
            "payment_terms" => invoice with { PaymentTerms = text },
            "customer_account" => invoice with { Customer = invoice.Customer with { AccountNumber = text } },
            "customer_tax_id" => invoice with { Customer = invoice.Customer with { TaxId = text } },
            "customer_name" => invoice with { Customer = invoice.Customer with { Name = text } },
            "purchase_order" => invoice with { PurchaseOrder = text },
            "comments" => invoice with { Comments = text },
            "original_invoice_number" => invoice with { OriginalInvoiceNumber = text },
            "total_net" => invoice with { DeclaredNetTotal = NullableNumber(field, text) },
            "total_tax" => invoice with { DeclaredTaxTotal = NullableNumber(field, text) },
            "total_gross" => invoice with { DeclaredGrossTotal = NullableNumber(field, text) },
            "kind" => invoice with { Kind = text is "credit_note" or "CM" ? InvoiceKind.CreditNote : InvoiceKind.Invoice },
            _ => throw new ArgumentException($"'{field}' is not a field an operator can correct. Header fields: issue_date, due_date, currency, payment_terms, customer_account, customer_tax_id, customer_name, purchase_order, comments, original_invoice_number, total_net, total_tax, total_gross; line fields: lines.N.description|quantity|unit_price|amount|tax_code|tax_rate|tax_amount|unit.", nameof(field)),
        };
    }

    private static Invoice SetLine(Invoice invoice, string name, string? text)
    {
        var parts = name.Split('.');
        if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new ArgumentException($"'{name}' is not a line field; write lines.N.field, N being the line number.", nameof(name));
        }

        var index = invoice.Lines.ToList().FindIndex(l => l.LineNumber == number);
        if (index < 0)
        {
            throw new ArgumentException($"Invoice {invoice.Number} has no line {number}.", nameof(name));
        }

        var line = invoice.Lines[index];
        line = parts[2] switch
        {
            "description" => line with { Description = text ?? string.Empty },
            "quantity" => line with { Quantity = Number(name, text) },
            "unit_price" => line with { UnitPrice = Number(name, text) },
            "amount" => line with { Amount = Number(name, text) },
            "tax_code" => line with { TaxCode = text },
            "tax_rate" => line with { TaxRate = NullableNumber(name, text) },
            "tax_amount" => line with { TaxAmount = Number(name, text) },
            "unit" => line with { UnitOfMeasure = text },
            _ => throw new ArgumentException($"'{parts[2]}' is not a line field.", nameof(name)),
        };
        var lines = invoice.Lines.ToList();
        lines[index] = line;
        return invoice with { Lines = lines };
    }

    private static DateOnly? Date(string field, string? text)
        => text is null ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : throw new ArgumentException($"{field}: '{text}' is not a date written yyyy-MM-dd.", nameof(field));

    private static decimal Number(string field, string? text) => NullableNumber(field, text) ?? 0m;

    private static decimal? NullableNumber(string field, string? text)
        => text is null ? null
            : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ArgumentException($"{field}: '{text}' is not a number written like 1234.56.", nameof(field));
}
