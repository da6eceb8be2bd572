using Connector.Adapters.Configuration;

namespace Connector.Adapters.Tests.Configuration;

public sealed class MappingCatalogLoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mappings-" + Guid.NewGuid().ToString("N"));

    public MappingCatalogLoaderTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Entity(string code, string profile = "factures-csv", string schedule = "0 */5 * * * ?") => $"""
        code: {code}
        name: Company {code}
        currency: EUR
        country: FR
        master_data: customers.csv
        target:
          type: oracle-fbdi
          business_unit: {code} BU
          transaction_source: CONNECTOR {code}
          transaction_type: Invoice
          credit_memo_type: Credit Memo
          default_terms: 30 NET
        sources:
          - name: export
            inbox: inbox/{code}
            schedule: "{schedule}"
            profile: {profile}
        """;

    private static string ProfileYaml(string name, string currencyMap = "shared:currencies") => $$"""
        name: {{name}}
        format: csv
        fields:
          invoice_number: { column: Numero }
          currency: { column: Devise, map: "{{currencyMap}}" }
        """;

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Load_ValidFolder_GivesEntitiesAndProfilesWithSharedMaps()
    {
        Write("shared/value-maps.yaml", "currencies: { '€': EUR }\n");
        Write("fr01/entity.yaml", Entity("FR01"));
        Write("fr01/customers.csv", "account_number,name\n");
        Write("fr01/factures-csv.yaml", ProfileYaml("factures-csv"));
        Write("fr01/avoirs.yaml", ProfileYaml("avoirs"));
        Write("de01/entity.yaml", Entity("DE01", "rechnungen"));
        Write("de01/customers.csv", "account_number,name\n");
        Write("de01/rechnungen.yaml", ProfileYaml("rechnungen"));
        Write("notes/readme.yaml", "not: an entity folder\n");

        var catalog = MappingCatalogLoader.Load(_root);

        catalog.Entities.Select(e => e.Code).ShouldBe(["DE01", "FR01"]);
        catalog.TryGetEntity("fr01", out var fr).ShouldBeTrue();
        fr!.Directory.ShouldBe(Path.Combine(_root, "fr01"));
        catalog.Profiles("FR01").Select(p => p.Name).ShouldBe(["avoirs", "factures-csv"]);
        var profile = catalog.Profile("FR01", "factures-csv");
        profile.Fields[Mapping.Profiles.CanonicalField.Currency].Map!.TryMap("€", out var eur).ShouldBeTrue();
        eur.ShouldBe("EUR");
        catalog.TryGetEntity("XX01", out _).ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => catalog.Profile("FR01", "nope")).Message.ShouldContain("avoirs");
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ThrowsEveryErrorWithFileAndKey()
    {
        Write("shared/value-maps.yaml", "currencies: { '€': EUR }\n");
        Write("fr01/entity.yaml", Entity("FR01", profile: "missing-profile", schedule: "every five minutes"));
        Write("fr01/factures-csv.yaml", ProfileYaml("wrong-name", currencyMap: "shared:nothing"));
        Write("fr02/entity.yaml", Entity("FR01"));
        Write("fr02/factures-csv.yaml", ProfileYaml("factures-csv"));

        var ex = Should.Throw<MappingConfigurationException>(() => MappingCatalogLoader.Load(_root));

        var errors = ex.Errors.Select(e => (Path.GetRelativePath(_root, e.File), e.Key)).ToList();
        errors.ShouldContain((Path.Combine("fr01", "entity.yaml"), "sources[0].schedule"));
        errors.ShouldContain((Path.Combine("fr01", "entity.yaml"), "sources[0].profile"));
        errors.ShouldContain((Path.Combine("fr01", "factures-csv.yaml"), "name"));
        errors.ShouldContain((Path.Combine("fr01", "factures-csv.yaml"), "fields.currency.map"));
        errors.ShouldContain((Path.Combine("fr02", "entity.yaml"), "code"));
        errors.ShouldContain((Path.Combine("fr01", "entity.yaml"), "master_data"));
        var lines = ex.Message.Split(Environment.NewLine);
        lines.Length.ShouldBe(ex.Errors.Count + 1);
        lines.ShouldContain(l => l.StartsWith(Path.Combine(_root, "fr01", "entity.yaml") + ": sources[0].schedule: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BrokenSharedMaps_IsReported()
    {
        Write("shared/value-maps.yaml", "currencies: [EUR]\n");
        Write("fr01/entity.yaml", Entity("FR01"));
        Write("fr01/factures-csv.yaml", ProfileYaml("factures-csv"));

        var ex = Should.Throw<MappingConfigurationException>(() => MappingCatalogLoader.Load(_root));

        ex.Errors.ShouldContain(e => e.File.EndsWith("value-maps.yaml", StringComparison.Ordinal) && e.Key == "currencies");
        ex.Errors.ShouldContain(e => e.Key == "fields.currency.map");
    }

    [Theory]
    [InlineData("0 */5 * * * ?", true)]
    [InlineData("0 0 6 ? * MON-FRI", true)]
    [InlineData("*/5 * * * *", false)]
    [InlineData("0 0 25 * * ?", false)]
    public void IsValidCron_UsesQuartzRules(string expression, bool valid)
        => MappingCatalogLoader.IsValidCron(expression).ShouldBe(valid);

    [Fact]
    public void Load_MissingFolder_Throws()
        => Should.Throw<MappingConfigurationException>(() => MappingCatalogLoader.Load(Path.Combine(_root, "absent")));
}
