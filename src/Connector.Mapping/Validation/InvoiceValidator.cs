using System.Globalization;
using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Validation;

/// <summary>
/// Checks one mapped invoice and its customer match against the entity's rules: required fields, dates, currency,
/// line and total arithmetic, signs, and the matched customer's standing. Pure: the only outside input is the clock
/// (today = its UTC date). Every problem names the document, the line, the field and the value. Duplicates are the
/// pipeline's business (it checks them against the store).
/// </summary>
internal sealed partial class InvoiceValidator
{
    /// <summary>Oracle AutoInvoice's TRX_NUMBER holds at most 20 characters.</summary>
    public const int MaxNumberLength = 20;

    private readonly EntityDefinition _entity;
    private readonly TimeProvider _clock;
    private readonly HashSet<string> _currencies;

    public InvoiceValidator(EntityDefinition entity, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(clock);
        _entity = entity;
        _clock = clock;
        _currencies = new HashSet<string>(entity.AcceptedCurrencies.Append(entity.Currency).Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    private ValidationOptions Options => _entity.Validation;

    public IReadOnlyList<Problem> Validate(Invoice invoice, MatchResult match)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(match);
        var problems = new List<Problem>();
        var header = invoice.Source with { Column = null };
        CheckNumber(invoice, header, problems);
        CheckDates(invoice, header, problems);
        var minorUnits = CheckCurrency(invoice, header, problems);
        var rounding = minorUnits is null ? 0.005m : 0.5m * Pow10(-minorUnits.Value);
        CheckLines(invoice, Math.Max(Options.AmountTolerance, rounding), problems);
        CheckTotals(invoice, header, rounding, problems);
        CheckSigns(invoice, header, problems);
        CheckCustomer(invoice, match, header, problems);
        return problems;
    }

    private static void CheckNumber(Invoice invoice, SourceLocation at, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(invoice.Number))
        {
            problems.Add(Problem.Error(ProblemCodes.FieldRequired, "The invoice has no number.", at, "invoice_number", invoice.Number));
        }
        else if (invoice.Number.Length > MaxNumberLength)
        {
            problems.Add(Problem.Error(
                ProblemCodes.NumberTooLong,
                Text($"Invoice number \"{invoice.Number}\" has {invoice.Number.Length} characters; Oracle Receivables holds at most {MaxNumberLength}."),
                at,
                "invoice_number",
                invoice.Number));
        }

        if (invoice.Lines.Count == 0)
        {
            problems.Add(Problem.Error(ProblemCodes.NoLines, Text($"Invoice {invoice.Number} has no lines."), at, "lines", "0"));
        }
    }

    private void CheckDates(Invoice invoice, SourceLocation at, List<Problem> problems)
    {
        if (invoice.IssueDate is not { } issued)
        {
            problems.Add(Problem.Error(ProblemCodes.FieldRequired, Text($"Invoice {invoice.Number} has no issue date."), at, "issue_date"));
            return;
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        if (issued > today.AddDays(Options.MaxDaysInFuture))
        {
            problems.Add(Problem.Error(
                ProblemCodes.IssueInFuture,
                Text($"Issue date {Date(issued)} is {issued.DayNumber - today.DayNumber} days after today ({Date(today)}); at most {Options.MaxDaysInFuture} are allowed."),
                at,
                "issue_date",
                Date(issued)));
        }
        else if (issued < today.AddDays(-Options.MaxDaysInPast))
        {
            problems.Add(Problem.Error(
                ProblemCodes.IssueTooOld,
                Text($"Issue date {Date(issued)} is {today.DayNumber - issued.DayNumber} days before today ({Date(today)}); at most {Options.MaxDaysInPast} are allowed."),
                at,
                "issue_date",
                Date(issued)));
        }

        if (invoice.DueDate is { } due && due < issued)
        {
            problems.Add(Problem.Error(
                ProblemCodes.DueBeforeIssue,
                Text($"Due date {Date(due)} is before the issue date {Date(issued)}."),
                at,
                "due_date",
                Date(due)));
        }
    }

    /// <summary>Checks the currency; returns its minor units when it is a known ISO 4217 code.</summary>
    private int? CheckCurrency(Invoice invoice, SourceLocation at, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(invoice.Currency))
        {
            problems.Add(Problem.Error(ProblemCodes.FieldRequired, Text($"Invoice {invoice.Number} has no currency."), at, "currency", invoice.Currency));
            return null;
        }

        var code = invoice.Currency.Trim().ToUpperInvariant();
        if (!Iso4217.IsActive(code))
        {
            problems.Add(Problem.Error(ProblemCodes.CurrencyUnknown, Text($"\"{invoice.Currency}\" is not an active ISO 4217 currency code."), at, "currency", invoice.Currency));
            return null;
        }

        if (!_currencies.Contains(code))
        {
            var allowed = string.Join(", ", _currencies.Order(StringComparer.Ordinal));
            problems.Add(Problem.Error(
                ProblemCodes.CurrencyNotAccepted,
                Text($"Entity {_entity.Code} does not invoice in {code} (it accepts {allowed})."),
                at,
                "currency",
                invoice.Currency));
        }

        return Iso4217.MinorUnits(code);
    }

    private static void CheckSigns(Invoice invoice, SourceLocation at, List<Problem> problems)
    {
        if (invoice.Lines.Count == 0)
        {
            return;
        }

        var net = invoice.NetTotal;
        if (invoice.Kind == InvoiceKind.Invoice && net < 0)
        {
            problems.Add(Problem.Error(
                ProblemCodes.InvoiceSign,
                Text($"Invoice {invoice.Number} has a negative net total ({Money(net)}): is it a credit note?"),
                at,
                "kind",
                Money(net)));
        }
        else if (invoice.Kind == InvoiceKind.CreditNote && net > 0)
        {
            problems.Add(Problem.Error(
                ProblemCodes.CreditNoteSign,
                Text($"Credit note {invoice.Number} has a positive net total ({Money(net)}); credit notes are booked negative."),
                at,
                "kind",
                Money(net)));
        }
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            value = exponent < 0 ? value / 10m : value * 10m;
        }

        return value;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
