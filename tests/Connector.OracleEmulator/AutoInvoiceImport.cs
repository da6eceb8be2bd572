using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using P = Connector.OracleEmulator.InterfacePositions;

namespace Connector.OracleEmulator;

/// <summary>What one load and its AutoInvoice import did: a job-level error, or row verdicts and created transactions.</summary>
internal sealed record ImportOutcome(bool Failed, string? JobMessage, IReadOnlyList<InterfaceError> Errors, IReadOnlyList<CreatedLine> Created, string Log);

/// <summary>
/// The emulated chain Load Interface File for Import -> Import AutoInvoice: checks the job parameters and the file
/// (job-level errors leave no row verdicts), validates every row, groups rows into transactions, rejects a whole
/// transaction when one of its rows fails, and creates the others in the same store as REST invoices.
/// </summary>
internal sealed class AutoInvoiceImport(EmulatorSetup setup, InvoiceStore store, AutoInvoiceInterface interfaceTables)
{
    public ImportOutcome Run(long loadId, IReadOnlyList<string[]> rows, IReadOnlyList<string> parameters)
    {
        var log = new StringBuilder();
        log.Append(CultureInfo.InvariantCulture, $"Load Interface File for Import {loadId}: {rows.Count} rows in {FbdiCsvFile.LinesFileName}.\n");
        var buText = parameters.Count > 0 ? parameters[0] : string.Empty;
        var bu = setup.BusinessUnits.FirstOrDefault(b => b.Name == buText || b.Id.ToString(CultureInfo.InvariantCulture) == buText);
        if (bu is null)
        {
            return Fail(log, $"The business unit {buText} isn't valid.");
        }

        var sourceName = parameters.Count > 1 ? parameters[1] : string.Empty;
        var source = setup.TransactionSources.FirstOrDefault(s => s.Name == sourceName && s.BusinessUnit == bu.Name);
        if (source is null)
        {
            return Fail(log, $"The transaction source {sourceName} isn't valid for the business unit {bu.Name}.");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != P.FieldCount || rows[i][P.End - 1] != "END")
            {
                return Fail(log, string.Create(CultureInfo.InvariantCulture,
                    $"Load File to Interface failed: row {i + 1} has {rows[i].Length} fields; the AutoInvoice template has {P.FieldCount}, the last being END."));
            }

            var context = rows[i][P.InterfaceLineContext - 1].Trim();
            if (context.Length > 0 && !setup.FlexfieldContexts.Contains(context, StringComparer.Ordinal))
            {
                return Fail(log, $"You must enter a valid context for the Line Transaction Flexfield flexfield. The context {context} isn't defined.");
            }
        }

        var lines = rows.Select((r, i) => new InterfaceLine(loadId, i + 1, r)).ToList();
        lock (interfaceTables.ImportLock)
        {
            return Import(loadId, lines, new AutoInvoiceLineRules(setup, bu, source), bu, source, log);
        }
    }

    private ImportOutcome Import(long loadId, List<InterfaceLine> lines, AutoInvoiceLineRules rules,
        EmulatedBusinessUnit bu, EmulatedTransactionSource source, StringBuilder log)
    {
        var faults = new Dictionary<InterfaceLine, List<LineFault>>();
        var checkedLines = new Dictionary<InterfaceLine, CheckedLine>();
        var seen = new HashSet<FlexfieldKey>();
        foreach (var line in lines)
        {
            var list = new List<LineFault>();
            var key = line.Key;
            if (key.Context.Length == 0)
            {
                list.Add(new("You must provide a value for INTERFACE_LINE_CONTEXT.", null));
            }
            else if (!seen.Add(key) || interfaceTables.InUse(key))
            {
                list.Add(new(AutoInvoiceMessages.DuplicateKey, key.ToString()));
            }

            var ok = rules.Check(line, list);
            faults[line] = list;
            if (ok is not null && list.Count == 0)
            {
                checkedLines[line] = ok;
            }
        }

        var errors = new List<InterfaceError>();
        var created = new List<CreatedLine>();
        foreach (var group in lines.GroupBy(GroupingKey, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.All(checkedLines.ContainsKey))
            {
                var (invoice, error) = store.Add(Build(members, checkedLines, bu, source));
                if (invoice is not null)
                {
                    var currency = members[0][P.CurrencyCode];
                    foreach (var line in members)
                    {
                        var done = new CreatedLine(loadId, line.Key, invoice.CustomerTransactionId, invoice.TransactionNumber, invoice.TotalAmount, currency);
                        interfaceTables.AddCreated(done);
                        created.Add(done);
                    }

                    log.Append(CultureInfo.InvariantCulture, $"Created transaction {invoice.TransactionNumber} ({invoice.CustomerTransactionId}) with {members.Count} lines.\n");
                    continue;
                }

                foreach (var line in members)
                {
                    faults[line].Add(new(error!.Detail, members[0][P.TrxNumber]));
                }
            }

            foreach (var line in members)
            {
                var own = faults[line].Count > 0 ? faults[line] : [new LineFault(AutoInvoiceMessages.Sibling, null)];
                var rowErrors = own.Select(f => new InterfaceError(loadId, line.RowNumber, line.Key, f.Message, f.InvalidValue)).ToList();
                interfaceTables.AddRejected(line, rowErrors);
                errors.AddRange(rowErrors);
            }

            log.Append(CultureInfo.InvariantCulture, $"Rejected the transaction of rows {string.Join(", ", members.Select(m => m.RowNumber))}.\n");
        }

        log.Append(CultureInfo.InvariantCulture, $"Import AutoInvoice: {created.Count} lines imported, {lines.Count - created.Count} lines rejected.\n");
        return new ImportOutcome(false, null, errors, created, log.ToString());
    }

    private ValidatedInvoice Build(List<InterfaceLine> members, Dictionary<InterfaceLine, CheckedLine> checkedLines,
        EmulatedBusinessUnit bu, EmulatedTransactionSource source)
    {
        var first = members[0];
        var header = new JsonObject();
        foreach (var name in InvoiceValidator.HeaderAttributes)
        {
            header[name] = null;
        }

        var trxDate = Date(first[P.TrxDate])!.Value;
        var customer = setup.Customers.First(c => c.AccountNumber == first[P.BillCustomerAccountNumber]);
        var term = setup.PaymentTerms.FirstOrDefault(t => t.Name == first[P.TermName]);
        header["BusinessUnit"] = bu.Name;
        header["TransactionSource"] = source.Name;
        header["TransactionType"] = first[P.CustTrxTypeName];
        header["TransactionNumber"] = NullIfEmpty(first[P.TrxNumber]);
        header["TransactionDate"] = Iso(trxDate);
        header["AccountingDate"] = Iso(Date(first[P.GlDate]) ?? trxDate);
        header["DueDate"] = term is null ? null : Iso(trxDate.AddDays(term.DueDays));
        header["BillToCustomerNumber"] = customer.AccountNumber;
        header["BillToCustomerName"] = customer.Name;
        header["BillToSite"] = NullIfEmpty(first[P.BillCustomerSiteNumber]) ?? customer.BillToSites.FirstOrDefault();
        header["PaymentTerms"] = term?.Name;
        header["InvoiceCurrencyCode"] = first[P.CurrencyCode];
        header["ConversionRateType"] = NullIfEmpty(first[P.ConversionType]);
        header["PurchaseOrder"] = NullIfEmpty(first[P.PurchaseOrder]);
        header["Comments"] = NullIfEmpty(first[P.Comments]);
        header["InternalNotes"] = NullIfEmpty(first[P.InternalNotes]);
        header["InvoiceStatus"] = "Complete";
        var validatedLines = members.Select((line, i) =>
        {
            var c = checkedLines[line];
            var json = new JsonObject();
            foreach (var name in LineValidator.LineAttributes)
            {
                json[name] = null;
            }

            json["LineNumber"] = i + 1;
            json["Description"] = line[P.Description];
            json["Quantity"] = c.Quantity;
            json["UnitSellingPrice"] = c.UnitPrice;
            json["LineAmount"] = c.Amount;
            return new ValidatedLine(json, i + 1, c.Quantity ?? 1m, c.UnitPrice ?? c.Amount, c.Amount);
        }).ToList();
        return new ValidatedInvoice(header, source, NullIfEmpty(first[P.TrxNumber]), validatedLines);
    }

    /// <summary>AutoInvoice's grouping: rows sharing these attributes become one transaction.</summary>
    private static string GroupingKey(InterfaceLine line) => string.Join('\u001f',
        new[]
        {
            P.OrgId, P.BuName, P.BatchSourceName, P.CustTrxTypeName, P.TermName, P.TrxDate, P.GlDate, P.TrxNumber,
            P.BillCustomerAccountNumber, P.BillCustomerSiteNumber, P.CurrencyCode, P.ConversionType, P.ConversionRate,
            P.PurchaseOrder, P.Comments, P.InternalNotes,
        }.Select(p => line[p]));

    private static ImportOutcome Fail(StringBuilder log, string message)
    {
        log.Append("ERROR: ").Append(message).Append('\n');
        return new ImportOutcome(true, message, [], [], log.ToString());
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
