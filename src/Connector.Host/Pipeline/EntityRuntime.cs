using Connector.Adapters.Configuration;
using Connector.Adapters.MasterData;
using Connector.Host.Store;
using Connector.Adapters.EInvoicing;
using Connector.Mapping.EInvoicing;
using Connector.Mapping.Entities;
using Connector.Mapping.Matching;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Connector.Mapping.Profiles;
using Connector.Mapping.Validation;

namespace Connector.Host.Pipeline;

/// <summary>One entity ready to work: its definition, profiles, customer matcher (master data + learned aliases) and validator.</summary>
internal sealed class EntityRuntime
{
    private static readonly PdfToolOptions PdfTools = PdfToolOptions.FromEnvironment();
    private static readonly Lazy<PopplerPdfAttachments> Poppler = new(() => new PopplerPdfAttachments(PdfTools));

    private EntityRuntime(MappingCatalog catalog, EntityDefinition definition, IReadOnlyList<MappingProfile> profiles, CustomerMatcher matcher, InvoiceValidator validator, IReadOnlyList<Problem> masterProblems)
    {
        EInvoices = new EInvoiceReading(Poppler.Value, new SellerRouter(catalog.Entities), definition);
        Definition = definition;
        Profiles = profiles;
        Matcher = matcher;
        Validator = validator;
        MasterDataProblems = masterProblems;
    }

    public EntityDefinition Definition { get; }

    public string Code => Definition.Code;

    public IReadOnlyList<MappingProfile> Profiles { get; }

    public CustomerMatcher Matcher { get; }

    public InvoiceValidator Validator { get; }

    public IReadOnlyList<Problem> MasterDataProblems { get; }

    /// <summary>Reading e-invoices for this entity: poppler for the PDFs, the seller checked against every entity's identifiers.</summary>
    public EInvoiceReading EInvoices { get; }

    /// <summary>The PDF extractor every entity shares (poppler, as configured by the environment).</summary>
    public static IPdfAttachmentExtractor PdfExtractor => Poppler.Value;

    /// <summary>Whether PDFs can be opened (poppler installed, or where CONNECTOR_PDFDETACH / CONNECTOR_PDFINFO say); else why not.</summary>
    public static bool CanReadPdfs(out string? why) => PopplerPdfAttachments.IsAvailable(PdfTools, out why);

    public MappingProfile Profile(string name)
        => Profiles.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new InvalidOperationException($"Entity {Code} has no profile '{name}'. Profiles: {string.Join(", ", Profiles.Select(p => p.Name))}.");

    /// <summary>
    /// Loads the master data file named in entity.yaml (or takes <paramref name="customers"/>, read from the target when
    /// <c>master_data: target</c>) and the aliases the store has learned.
    /// </summary>
    public static EntityRuntime Load(MappingCatalog catalog, EntityDefinition definition, IConnectorStore? store, TimeProvider clock, IReadOnlyList<Customer>? customers = null)
    {
        if (definition.MasterDataFromTarget || customers is not null)
        {
            var given = customers ?? throw new InvalidOperationException($"Entity {definition.Code} takes its customers from its target; they were not read.");
            var learned = store?.Aliases(definition.Code) ?? [];
            return new EntityRuntime(catalog, definition, catalog.Profiles(definition.Code), CustomerMatcher.Build(given, learned, definition.Matching), new InvoiceValidator(definition, clock), []);
        }

        var masterPath = Path.Combine(definition.Directory, definition.MasterData);
        if (!File.Exists(masterPath))
        {
            throw new FileNotFoundException($"Entity {definition.Code}: the customer master file '{masterPath}' named by master_data does not exist.", masterPath);
        }

        CustomerMasterReadResult master;
        using (var stream = File.OpenRead(masterPath))
        {
            master = CsvCustomerMasterReader.Read(stream, masterPath);
        }

        var aliases = store?.Aliases(definition.Code) ?? [];
        var matcher = CustomerMatcher.Build(master.Customers, aliases, definition.Matching);
        return new EntityRuntime(catalog, definition, catalog.Profiles(definition.Code), matcher, new InvoiceValidator(definition, clock), master.Problems);
    }
}
