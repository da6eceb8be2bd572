using Connector.Adapters.Abstractions;
using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Host.Pipeline;

/// <summary>Turns what a target said of a record into what the operator sees: an exception naming document, line and message.</summary>
internal static class TargetRefusals
{
    public static ErpReference Reference(ErpInvoice erp) => new(erp.ErpId, erp.Number, erp.Amount, erp.Status);

    /// <summary>An exception with one problem per error the target gave, each located at the invoice line it names.</summary>
    public static ExceptionDraft Refused(string targetType, Invoice invoice, string? summary, IReadOnlyList<TargetError> errors)
    {
        var problems = errors.Count == 0
            ? [Problem.Error(ProblemCodes.TargetRefused, summary ?? $"{targetType} refused the invoice without giving a reason", invoice.Source, "invoice_number", invoice.Number)]
            : errors.Select(e => Problem.Error(e.Code ?? ProblemCodes.TargetRefused, Message(e), Locate(invoice, e.LineNumber), e.LineNumber is null ? null : "line", e.InvalidValue)).ToList();
        var first = errors.Count > 0 ? errors[0].ToString() : summary ?? "no reason given";
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : string.Empty;
        return new ExceptionDraft(ProblemCodes.TargetRefused, null, $"{targetType} refused invoice {invoice.Number}: {first}{more}", problems, []);
    }

    /// <summary>The import finished without a word about the record: it may exist in the ERP, so its key stays taken.</summary>
    public static ExceptionDraft Unconfirmed(string targetType, Invoice invoice, string batchId, string? detail)
    {
        var message = $"{targetType} finished importing batch {batchId} without reporting invoice {invoice.Number}; check in the ERP whether it exists before resolving"
            + (detail is null ? string.Empty : $" ({detail})");
        return new ExceptionDraft(ProblemCodes.TargetUnconfirmed, null, message, [Problem.Error(ProblemCodes.TargetUnconfirmed, message, invoice.Source, "invoice_number", invoice.Number)], []);
    }

    private static string Message(TargetError e)
        => e.LineNumber is null ? e.Message : $"line {e.LineNumber}: {e.Message}";

    /// <summary>The source line of the invoice line the error names, else where the invoice starts.</summary>
    private static SourceLocation Locate(Invoice invoice, int? lineNumber)
    {
        if (lineNumber is null)
        {
            return invoice.Source;
        }

        var line = invoice.Lines.FirstOrDefault(l => l.LineNumber == lineNumber);
        return line?.SourceLine is { } sourceLine ? invoice.Source with { Line = sourceLine } : invoice.Source;
    }
}
