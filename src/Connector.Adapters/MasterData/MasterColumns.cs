using System.Globalization;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using CsvHelper;

namespace Connector.Adapters.MasterData;

/// <summary>The column positions of a customer master file, and the reading of one row into a customer.</summary>
internal sealed class MasterColumns
{
    public const string AccountNumber = "account_number";
    public const string Name = "name";
    public const string AlternateNames = "alternate_names";
    public const string TaxIds = "tax_ids";
    public const string Identifiers = "identifiers";
    public const string Status = "status";
    public const string Currency = "currency";
    public const string BillToSite = "bill_to_site";
    public const string Address = "address";

    private readonly string _fileName;
    private readonly int _account;
    private readonly int _name;
    private readonly int _alternateNames;
    private readonly int _taxIds;
    private readonly int _identifiers;
    private readonly int _status;
    private readonly int _currency;
    private readonly int _billToSite;
    private readonly int _address;

    private MasterColumns(CsvReader reader, string fileName)
    {
        _fileName = fileName;
        _account = Index(reader, AccountNumber);
        _name = Index(reader, Name);
        _alternateNames = Index(reader, AlternateNames);
        _taxIds = Index(reader, TaxIds);
        _identifiers = Index(reader, Identifiers);
        _status = Index(reader, Status);
        _currency = Index(reader, Currency);
        _billToSite = Index(reader, BillToSite);
        _address = Index(reader, Address);
    }

    /// <summary>The columns of the file, or null (with a problem each) when a required one is missing.</summary>
    public static MasterColumns? Find(CsvReader reader, string fileName, List<Problem> problems)
    {
        var columns = new MasterColumns(reader, fileName);
        foreach (var (index, name) in new[] { (columns._account, AccountNumber), (columns._name, Name) })
        {
            if (index < 0)
            {
                problems.Add(Problem.Error(
                    ProblemCodes.MissingColumn,
                    Text($"The customer master has no \"{name}\" column (header: {string.Join(",", reader.Headers)})."),
                    new SourceLocation(fileName, 1, name),
                    name));
            }
        }

        return columns._account < 0 || columns._name < 0 ? null : columns;
    }

    /// <summary>The customer of the current row, or null (with its problems) when the row is bad.</summary>
    public Customer? ReadRow(CsvReader reader, int line, int headerCount, List<Problem> problems)
    {
        var before = problems.Count;
        if (reader.FieldCount > headerCount && Enumerable.Range(headerCount, reader.FieldCount - headerCount).Any(i => !reader.IsEmpty(i)))
        {
            problems.Add(Problem.Error(
                ProblemCodes.MalformedCsv,
                Text($"The row has {reader.FieldCount} fields but the header has {headerCount} (an unquoted comma?); it is left out."),
                new SourceLocation(_fileName, line)));
            return null;
        }

        var account = Get(reader, _account);
        var name = Get(reader, _name);
        Require(account, AccountNumber, line, problems);
        Require(name, Name, line, problems);
        var statusText = Get(reader, _status);
        var status = ParseStatus(statusText);
        if (status is null)
        {
            problems.Add(Problem.Error(
                ProblemCodes.FieldUnmappedValue,
                Text($"Status \"{statusText}\" is not one of active, inactive, credit_hold; the row is left out."),
                new SourceLocation(_fileName, line, Status),
                Status,
                statusText));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var site = Get(reader, _billToSite);
        var address = Get(reader, _address);
        var currency = Get(reader, _currency);
        return new Customer
        {
            AccountNumber = account,
            Name = name,
            AlternateNames = List(Get(reader, _alternateNames)),
            TaxIds = List(Get(reader, _taxIds)),
            Identifiers = List(Get(reader, _identifiers)),
            Status = status!.Value,
            Currency = currency.Length == 0 ? null : currency.ToUpperInvariant(),
            Sites = site.Length == 0 ? [] : [new CustomerSite(site, "BILL_TO", true, address.Length == 0 ? null : address)],
        };
    }

    private static CustomerStatus? ParseStatus(string text) => text.ToLowerInvariant().Replace('-', '_').Replace(' ', '_') switch
    {
        "" or "active" => CustomerStatus.Active,
        "inactive" => CustomerStatus.Inactive,
        "credit_hold" => CustomerStatus.CreditHold,
        _ => null,
    };

    private static string[] List(string text)
        => text.Length == 0 ? [] : text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Get(CsvReader reader, int index) => index < 0 ? string.Empty : reader.GetString(index).Trim();

    private static int Index(CsvReader reader, string name) => reader.TryGetFieldIndex(name, out var index) ? index : -1;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Require(string value, string column, int line, List<Problem> problems)
    {
        if (value.Length == 0)
        {
            problems.Add(Problem.Error(
                ProblemCodes.FieldRequired,
                Text($"The row has no {column.Replace('_', ' ')}; it is left out."),
                new SourceLocation(_fileName, line, column),
                column,
                value));
        }
    }
}
