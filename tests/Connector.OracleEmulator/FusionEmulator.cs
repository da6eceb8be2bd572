namespace Connector.OracleEmulator;

/// <summary>
/// An Oracle Fusion Receivables REST emulator on a free local port, for tests. Start one per test class, set faults
/// per test, read the stored invoices through <see cref="Invoices"/>; disposing stops it.
/// </summary>
public sealed class FusionEmulator : IAsyncDisposable
{
    public const string ResourcesPath = "/fscmRestApi/resources/11.13.18.05";
    public const string InvoicesPath = ResourcesPath + "/receivablesInvoices";
    public const string ErpIntegrationsPath = ResourcesPath + "/erpintegrations";

    private readonly WebApplication _app;
    private readonly InvoiceStore _store;
    private readonly ReceiptStore _receipts;
    private readonly CancellationTokenSource _stopping;

    private readonly OAuthTokens _tokens;
    private readonly ReceivableLedger _ledger;

    private FusionEmulator(WebApplication app, InvoiceStore store, ReceiptStore receipts, CancellationTokenSource stopping, EmulatorFaults faults, EmulatorSetup setup, OAuthTokens tokens, ReceivableLedger ledger)
    {
        _ledger = ledger;
        _tokens = tokens;
        _app = app;
        _store = store;
        _receipts = receipts;
        _stopping = stopping;
        Faults = faults;
        Setup = setup;
        BaseAddress = new Uri(app.Urls.First());
    }

    /// <summary>The server root, e.g. http://127.0.0.1:51234; resources live under <see cref="ResourcesPath"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The full URL of the receivablesInvoices collection.</summary>
    public Uri InvoicesUri => new(BaseAddress, InvoicesPath);

    public EmulatorFaults Faults { get; }

    public EmulatorSetup Setup { get; }

    /// <summary>The identity domain's token endpoint (OAuth client credentials), e.g. http://127.0.0.1:51234/oauth2/v1/token.</summary>
    public Uri TokenUri => new(BaseAddress, OAuthTokens.TokenPath);

    /// <summary>How many access tokens the token endpoint issued.</summary>
    public int TokensIssued => _tokens.Issued;

    /// <summary>Revokes every access token issued so far: the next call with one gets 401.</summary>
    public void RevokeTokens() => _tokens.RevokeAll();

    /// <summary>A snapshot of the stored invoices, in creation order.</summary>
    public IReadOnlyList<EmulatedInvoice> Invoices => _store.Snapshot();

    /// <summary>A snapshot of the stored standard receipts, in creation order.</summary>
    public IReadOnlyList<EmulatedReceipt> Receipts => _receipts.Snapshot();

    /// <summary>A snapshot of the receipt applications (applyReceipt), in creation order.</summary>
    public IReadOnlyList<EmulatedApplication> Applications => _ledger.Snapshot();

    public static async Task<FusionEmulator> StartAsync(EmulatorSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        var app = builder.Build();

        var stopping = new CancellationTokenSource();
        var faults = new EmulatorFaults();
        var store = new InvoiceStore(setup);
        app.UseMiddleware<FaultMiddleware>(faults, stopping.Token);
        var tokens = new OAuthTokens(setup);
        tokens.Map(app);
        app.UseMiddleware<AuthMiddleware>(setup, tokens);
        var ledger = new ReceivableLedger();
        new InvoiceEndpoints(setup, store, ledger).Map(app);
        var receipts = new ReceiptStore(setup);
        new ReceiptEndpoints(setup, receipts, ledger).Map(app);
        new ApplyReceiptEndpoint(setup, receipts, store, ledger).Map(app);
        new AccountActivityEndpoints(setup, receipts, ledger).Map(app);
        new LovEndpoints(setup).Map(app);
        var autoInvoice = new AutoInvoiceInterface();
        new ErpIntegrationEndpoints(setup, new EssJobs(setup), new AutoInvoiceImport(setup, store, autoInvoice), autoInvoice).Map(app);
        new AutoInvoiceInterfaceEndpoints(autoInvoice).Map(app);
        await app.StartAsync();
        return new FusionEmulator(app, store, receipts, stopping, faults, setup, tokens, ledger);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
