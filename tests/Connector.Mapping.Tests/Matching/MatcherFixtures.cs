using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;

namespace Connector.Mapping.Tests.Matching;

internal static class MatcherFixtures
{
    public static Customer Customer(string account, string name, string[]? taxIds = null, string[]? alternateNames = null)
        => new()
        {
            AccountNumber = account,
            Name = name,
            TaxIds = taxIds ?? [],
            AlternateNames = alternateNames ?? [],
            Sites = [new CustomerSite($"S-{account}", "BILL_TO", true)],
        };

    public static IReadOnlyList<Customer> Master { get; } =
    [
        Customer("C-1001", "Acme Corporation", ["FR40303265045"], ["ACME", "Acme Corp International"]),
        Customer("C-1002", "Müller GmbH & Co. KG", ["DE 123 456 789"]),
        Customer("C-1003", "Dupont Distribution SAS", ["552 100 554 00025"]),
        Customer("C-1004", "Globex Industries Inc", ["12-3456789"]),
        Customer("C-1005", "Initech Ltd"),
        Customer("C-1006", "Umbrella Holdings Europe"),
        Customer("C-1007", "Stark Logistic SARL"),
        Customer("C-1008", "Stark Logistics SA"),
        Customer("C-1009", "Wayne Enterprises", ["987654321"]),
    ];

    public static CustomerMatcher Build(IEnumerable<CustomerAlias>? aliases = null, MatchingOptions? options = null)
        => CustomerMatcher.Build(Master, aliases ?? [], options ?? new MatchingOptions());

    public static CustomerReference Ref(string? account = null, string? taxId = null, string? name = null) => new(account, taxId, name);
}
