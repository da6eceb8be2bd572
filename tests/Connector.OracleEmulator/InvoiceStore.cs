using System.Text.Json.Nodes;

namespace Connector.OracleEmulator;

/// <summary>The emulator's invoices; numbering, uniqueness and id assignment happen atomically under one lock.</summary>
internal sealed class InvoiceStore(EmulatorSetup setup)
{
    private readonly Lock _lock = new();
    private readonly List<EmulatedInvoice> _invoices = [];
    private readonly Dictionary<string, long> _nextNumber = new(StringComparer.Ordinal);
    private long _nextId = setup.FirstCustomerTransactionId;

    public IReadOnlyList<EmulatedInvoice> Snapshot()
    {
        lock (_lock)
        {
            return [.. _invoices];
        }
    }

    public EmulatedInvoice? Find(long id)
    {
        lock (_lock)
        {
            return _invoices.Find(i => i.CustomerTransactionId == id);
        }
    }

    /// <summary>Stores the invoice, or returns the refusal of a duplicate number in a manual source.</summary>
    public (EmulatedInvoice? Invoice, OracleError? Error) Add(ValidatedInvoice invoice)
    {
        var source = invoice.Source;
        lock (_lock)
        {
            string number;
            if (source.Numbering == NumberingMode.Manual)
            {
                number = invoice.TransactionNumber!;
                if (!source.AllowDuplicateNumbers && _invoices.Exists(i =>
                        i.TransactionSource == source.Name && i.BusinessUnit == source.BusinessUnit
                        && i.TransactionNumber == number))
                {
                    return (null, new OracleError("AR_DUPLICATE_TRX_NUMBER",
                        $"The transaction number {number} already exists for the transaction source {source.Name}.",
                        "TransactionNumber"));
                }
            }
            else
            {
                var key = source.BusinessUnit + "\u0000" + source.Name;
                var next = _nextNumber.GetValueOrDefault(key, source.NextAutomaticNumber);
                _nextNumber[key] = next + 1;
                number = next.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var id = _nextId++;
            var header = new JsonObject { ["CustomerTransactionId"] = id };
            foreach (var (name, value) in invoice.Header)
            {
                header[name] = value?.DeepClone();
            }

            header["TransactionNumber"] = number;
            var lines = invoice.Lines.Select(l => StoreLine(l, _nextId++)).ToList();
            var stored = new EmulatedInvoice(id, number, source.BusinessUnit, source.Name, header.ToJsonString(), lines);
            _invoices.Add(stored);
            return (stored, null);
        }
    }

    private static EmulatedInvoiceLine StoreLine(ValidatedLine line, long id)
    {
        var json = new JsonObject { ["CustomerTransactionLineId"] = id };
        foreach (var (name, value) in line.Json)
        {
            json[name] = value?.DeepClone();
        }

        return new EmulatedInvoiceLine(id, line.LineNumber, line.Quantity, line.UnitSellingPrice, line.LineAmount,
            json.ToJsonString());
    }
}
