using System.Text.RegularExpressions;

namespace Connector.OracleEmulator.Tests;

/// <summary>The hard-coded default setup must keep matching the repository's sample entities in mappings/.</summary>
public sealed class DefaultSetupTests
{
    public static TheoryData<string> Entities => new() { "de-mueller", "fr-dupont", "us-acme" };

    [Theory]
    [MemberData(nameof(Entities))]
    public void Default_EntityTargetSetup_IsSeeded(string entity)
    {
        var yaml = File.ReadAllText(Path.Combine(MappingsDirectory(), entity, "entity.yaml"));
        var setup = EmulatorSetup.Default;
        var bu = Value(yaml, "business_unit");

        var unit = setup.BusinessUnits.Single(b => b.Name == bu);
        unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(Value(yaml, "business_unit_id"));
        unit.LedgerCurrency.ShouldBe(Value(yaml, "currency"));
        setup.TransactionSources.ShouldContain(s => s.Name == Value(yaml, "transaction_source") && s.BusinessUnit == bu
            && s.Numbering == NumberingMode.Manual && !s.AllowDuplicateNumbers);
        setup.TransactionTypes.ShouldContain(new EmulatedTransactionType(Value(yaml, "transaction_type"), bu, TransactionClass.Invoice));
        setup.TransactionTypes.ShouldContain(new EmulatedTransactionType(Value(yaml, "credit_memo_type"), bu, TransactionClass.CreditMemo));
        setup.PaymentTerms.ShouldContain(t => t.Name == Value(yaml, "default_terms"));
        setup.Currencies.Keys.ShouldContain(Value(yaml, "currency"));
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Default_EveryMasterDataAccount_IsSeededWithItsSiteAndStatus(string entity)
    {
        var bu = Value(File.ReadAllText(Path.Combine(MappingsDirectory(), entity, "entity.yaml")), "business_unit");
        var rows = File.ReadAllLines(Path.Combine(MappingsDirectory(), entity, "customers.csv")).Skip(1)
            .Where(l => l.Length > 0).ToList();

        rows.Count.ShouldBeGreaterThan(0);
        foreach (var row in rows)
        {
            var fields = row.Split(',');
            var customer = EmulatorSetup.Default.Customers.Single(c => c.AccountNumber == fields[0]);
            customer.BusinessUnit.ShouldBe(bu);
            customer.BillToSites.ShouldBe([fields[6]], row);
            customer.Active.ShouldBe(fields[4] != "inactive", row);
        }

        EmulatorSetup.Default.Customers.Count(c => c.BusinessUnit == bu).ShouldBe(rows.Count);
    }

    private static string Value(string yaml, string key)
    {
        var match = Regex.Match(yaml, @"^\s*" + key + @":\s*""?(?<v>[^""#\r\n]*?)""?\s*(#.*)?$", RegexOptions.Multiline);
        match.Success.ShouldBeTrue(key);
        return match.Groups["v"].Value;
    }

    private static string MappingsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "mappings");
            if (File.Exists(Path.Combine(dir.FullName, "Connector.slnx")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The repository's mappings directory wasn't found above " + AppContext.BaseDirectory);
    }
}
