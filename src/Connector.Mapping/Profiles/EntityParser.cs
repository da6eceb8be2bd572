using System.Text.RegularExpressions;
using Connector.Mapping.Entities;
using YamlDotNet.RepresentationModel;

namespace Connector.Mapping.Profiles;

/// <summary>
/// Parses an <c>entity.yaml</c>. Checks everything that needs no file system or scheduler: that source profiles
/// exist and schedules are valid Quartz expressions is checked by the catalog loader.
/// </summary>
internal static partial class EntityParser
{
    public static ConfigResult<EntityDefinition> Parse(string yaml, string filePath, string entityDirectory)
    {
        var doc = YamlDoc.Load(yaml, filePath, out var root);
        if (root is null)
        {
            return new(null, doc.Errors);
        }

        var e = doc.Entries(root, string.Empty, "code", "name", "currency", "country", "master_data", "accepted_currencies", "target", "sources", "matching", "validation", "identifiers", "cash_application");
        var code = doc.String(e, string.Empty, "code", required: true, parent: root);
        if (code is not null && !CodePattern().IsMatch(code))
        {
            doc.Error("code", $"'{code}' must be 2 to 10 of A-Z, 0-9 and _", e["code"]);
        }

        var name = doc.String(e, string.Empty, "name", required: true, parent: root);
        var currency = doc.String(e, string.Empty, "currency", required: true, parent: root);
        if (currency is not null && !IsoCodes.IsCurrency(currency))
        {
            doc.Error("currency", $"'{currency}' is not an ISO 4217 currency code", e["currency"]);
        }

        var country = doc.String(e, string.Empty, "country", required: true, parent: root);
        if (country is not null && !IsoCodes.IsCountry(country))
        {
            doc.Error("country", $"'{country}' is not an ISO 3166 alpha-2 country code", e["country"]);
        }

        var accepted = doc.StringList(e, string.Empty, "accepted_currencies") ?? [];
        for (var i = 0; i < accepted.Count; i++)
        {
            if (!IsoCodes.IsCurrency(accepted[i]))
            {
                doc.Error(YamlDoc.Item("accepted_currencies", i), $"'{accepted[i]}' is not an ISO 4217 currency code", e["accepted_currencies"]);
            }
        }

        var entity = new EntityDefinition
        {
            Code = code ?? string.Empty,
            Name = name ?? string.Empty,
            Currency = currency ?? string.Empty,
            Country = country ?? string.Empty,
            Directory = entityDirectory,
            MasterData = doc.String(e, string.Empty, "master_data", required: true, parent: root) ?? string.Empty,
            AcceptedCurrencies = accepted,
            Target = ParseTarget(doc, doc.Mapping(e, string.Empty, "target"), root),
            Sources = ParseSources(doc, doc.Sequence(e, string.Empty, "sources")),
            Matching = ParseMatching(doc, doc.Mapping(e, string.Empty, "matching")),
            Identifiers = ParseIdentifiers(doc, doc.Mapping(e, string.Empty, "identifiers")),
            Validation = ParseValidation(doc, doc.Mapping(e, string.Empty, "validation")),
            CashApplication = ParseCashApplication(doc, doc.Mapping(e, string.Empty, "cash_application")),
        };
        return ConfigResult<EntityDefinition>.From(entity, doc.Errors);
    }

    [GeneratedRegex("^[A-Z0-9_]{2,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private static TargetDefinition ParseTarget(YamlDoc doc, YamlMappingNode? node, YamlMappingNode root)
    {
        if (node is null)
        {
            doc.Error("target", "is required", root);
            return new TargetDefinition { Type = string.Empty, BusinessUnit = string.Empty, TransactionSource = string.Empty, TransactionType = string.Empty, CreditMemoType = string.Empty, DefaultTerms = string.Empty };
        }

        const string p = "target";
        var t = doc.Entries(node, p, "type", "business_unit", "business_unit_id", "transaction_source", "transaction_type", "credit_memo_type", "default_terms", "flexfield_context", "outbox", "max_lines_per_file", "options", "resilience");
        var type = doc.String(t, p, "type", required: true, parent: node);
        if (type is not null && !TargetTypePattern().IsMatch(type))
        {
            doc.Error("target.type", $"'{type}' is not a target type name (lower-case letters, digits and dashes, e.g. oracle-fusion-rest)", t["type"]);
        }

        var target = new TargetDefinition
        {
            Type = type ?? string.Empty,
            BusinessUnit = doc.String(t, p, "business_unit", required: true, parent: node) ?? string.Empty,
            BusinessUnitId = doc.String(t, p, "business_unit_id"),
            TransactionSource = doc.String(t, p, "transaction_source", required: true, parent: node) ?? string.Empty,
            TransactionType = doc.String(t, p, "transaction_type", required: true, parent: node) ?? string.Empty,
            CreditMemoType = doc.String(t, p, "credit_memo_type", required: true, parent: node) ?? string.Empty,
            DefaultTerms = doc.String(t, p, "default_terms", required: true, parent: node) ?? string.Empty,
        };
        return target with
        {
            FlexfieldContext = doc.String(t, p, "flexfield_context") ?? target.FlexfieldContext,
            Outbox = doc.String(t, p, "outbox") ?? target.Outbox,
            MaxLinesPerFile = doc.Int(t, p, "max_lines_per_file", 1, 10_000_000) ?? target.MaxLinesPerFile,
            Options = TargetOptionsParser.ParseOptions(doc, doc.Mapping(t, p, "options")),
            Resilience = TargetOptionsParser.ParseResilience(doc, doc.Mapping(t, p, "resilience")),
        };
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetTypePattern();

    private static List<SourceDefinition> ParseSources(YamlDoc doc, YamlSequenceNode? node)
    {
        var sources = new List<SourceDefinition>();
        if (node is null)
        {
            return sources;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < node.Children.Count; i++)
        {
            var p = YamlDoc.Item("sources", i);
            if (node.Children[i] is not YamlMappingNode mapping)
            {
                doc.Error(p, "expected a source { name, inbox, schedule, profile }", node.Children[i]);
                continue;
            }

            var s = doc.Entries(mapping, p, "name", "inbox", "schedule", "profile", "pattern");
            var name = doc.String(s, p, "name", required: true, parent: mapping);
            if (name is not null && !names.Add(name))
            {
                doc.Error(YamlDoc.Child(p, "name"), $"duplicate source name '{name}'", s["name"]);
            }

            sources.Add(new SourceDefinition
            {
                Name = name ?? string.Empty,
                Inbox = doc.String(s, p, "inbox", required: true, parent: mapping) ?? string.Empty,
                Schedule = doc.String(s, p, "schedule", required: true, parent: mapping) ?? string.Empty,
                Profile = doc.String(s, p, "profile", required: true, parent: mapping) ?? string.Empty,
                Pattern = doc.String(s, p, "pattern") ?? "*",
            });
        }

        return sources;
    }

    private static EntityIdentifiers ParseIdentifiers(YamlDoc doc, YamlMappingNode? node)
    {
        if (node is null)
        {
            return EntityIdentifiers.None;
        }

        const string p = "identifiers";
        var i = doc.Entries(node, p, "vat_ids", "legal_ids", "electronic_addresses", "bank_accounts");
        var vat = doc.StringList(i, p, "vat_ids") ?? [];
        for (var k = 0; k < vat.Count; k++)
        {
            if (!VatPattern().IsMatch(Matching.TaxIdNormalizer.Clean(vat[k])))
            {
                doc.Error(YamlDoc.Item("identifiers.vat_ids", k), $"'{vat[k]}' is not a VAT id (two letters of the country, then the number)", i["vat_ids"]);
            }
        }

        var addresses = doc.StringList(i, p, "electronic_addresses") ?? [];
        for (var k = 0; k < addresses.Count; k++)
        {
            if (!addresses[k].Contains(':', StringComparison.Ordinal))
            {
                doc.Error(YamlDoc.Item("identifiers.electronic_addresses", k), $"'{addresses[k]}' needs its scheme: scheme:value (e.g. 0225:412987653, 0088:4012345000009)", i["electronic_addresses"]);
            }
        }

        return new EntityIdentifiers
        {
            VatIds = vat,
            LegalIds = doc.StringList(i, p, "legal_ids") ?? [],
            ElectronicAddresses = addresses,
            BankAccounts = doc.StringList(i, p, "bank_accounts") ?? [],
        };
    }

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{2,13}$", RegexOptions.CultureInvariant)]
    private static partial Regex VatPattern();

    private static MatchingOptions ParseMatching(YamlDoc doc, YamlMappingNode? node)
    {
        var options = new MatchingOptions();
        if (node is null)
        {
            return options;
        }

        var m = doc.Entries(node, "matching", "accept_score", "propose_score", "max_candidates");
        options = new MatchingOptions
        {
            AcceptScore = doc.Int(m, "matching", "accept_score", 0, 100) ?? options.AcceptScore,
            ProposeScore = doc.Int(m, "matching", "propose_score", 0, 100) ?? options.ProposeScore,
            MaxCandidates = doc.Int(m, "matching", "max_candidates", 1, 50) ?? options.MaxCandidates,
        };
        if (options.ProposeScore > options.AcceptScore)
        {
            doc.Error("matching.propose_score", "must not be above accept_score", node);
        }

        return options;
    }

    private static ValidationOptions ParseValidation(YamlDoc doc, YamlMappingNode? node)
    {
        var options = new ValidationOptions();
        if (node is null)
        {
            return options;
        }

        var v = doc.Entries(node, "validation", "max_days_in_future", "max_days_in_past", "amount_tolerance");
        return new ValidationOptions
        {
            MaxDaysInFuture = doc.Int(v, "validation", "max_days_in_future", 0, 36_500) ?? options.MaxDaysInFuture,
            MaxDaysInPast = doc.Int(v, "validation", "max_days_in_past", 0, 36_500) ?? options.MaxDaysInPast,
            AmountTolerance = doc.Decimal(v, "validation", "amount_tolerance") ?? options.AmountTolerance,
        };
    }
}
