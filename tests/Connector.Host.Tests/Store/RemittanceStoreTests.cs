using Connector.Host.Store;
using Connector.Mapping.Model;
using Connector.Mapping.Problems;
using Microsoft.Data.Sqlite;

namespace Connector.Host.Tests.Store;

/// <summary>The remittances of the store (migration 7): stored whole, found by key, moved from state to state once.</summary>
public sealed class RemittanceStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    [Fact]
    public void AddRemittances_StoresPaymentApplicationsCandidatesAndFirstTransition()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        var application = new StoredApplication("F26-004524", "C10032", "3001", "30011", "erp", 2865.60m, 0m, 2.00m, "SHORT_PAY", "exact_number", "invoice F26-004524 named", 1);
        var candidate = new StoredCandidate("F26-004541", "C10021", 1160.40m, 72, "same customer");
        store.AddRemittances([New(doc, run, 1, "K1", RemittanceState.Applied) with { Applications = [application], Candidates = [candidate], Applied = 2865.60m, Unapplied = 0m }], At);

        var stored = store.RemittancesInStates("FR01", [RemittanceState.Applied]).Single();
        stored.Applications.ShouldBe([application]);
        stored.Candidates.ShouldBe([candidate]);
        stored.Remittance.PaymentNumber.ShouldBe("E2E-1");
        stored.Remittance.Lines.Single().Reference.ShouldBe("F26-004524");
        stored.Amount.ShouldBe(2865.60m);
        stored.Direction.ShouldBe(EntryDirection.Credit);
        store.StoredRemittanceOrdinals(doc).ShouldBe([1]);
        store.RemittanceHistory(stored.Id).Single().To.ShouldBe(RemittanceState.Applied);
    }

    [Fact]
    public void AddRemittances_SameDocumentAndOrdinalTwice_IsRefusedWhole()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        store.AddRemittances([New(doc, run, 1, "K1", RemittanceState.Applied)], At);

        Should.Throw<SqliteException>(() => store.AddRemittances([New(doc, run, 2, "K2", RemittanceState.Applied), New(doc, run, 1, "K1", RemittanceState.Applied)], At));
        store.StoredRemittanceOrdinals(doc).ShouldBe([1]);
    }

    [Fact]
    public void FindRemittancesByKeys_RefusedAndDuplicatesDoNotCountTheFirstOtherDoes()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        store.AddRemittances([New(doc, run, 1, "K1", RemittanceState.Refused), New(doc, run, 2, "K2", RemittanceState.Unapplied), New(doc, run, 3, "K2", RemittanceState.Duplicate)], At);

        var found = store.FindRemittancesByKeys("FR01", ["K1", "K2", "K3"]);

        found.Keys.ShouldBe(["K2"]);
        found["K2"].Ordinal.ShouldBe(2);
        store.FindRemittancesByKeys("DE01", ["K2"]).ShouldBeEmpty();
    }

    [Fact]
    public void MoveRemittance_FromTheStateItIsIn_MovesCountsAttemptsKeepsErpIdsAndAudits()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        store.AddRemittances([New(doc, run, 1, "K1", RemittanceState.Applied)], At);
        var id = store.RemittancesInStates("FR01", [RemittanceState.Applied]).Single().Id;

        store.MoveRemittance(new RemittanceMove(id, RemittanceState.Applied, RemittanceState.Posting, "posting", "pipeline"), At).ShouldBeTrue();
        store.MoveRemittance(new RemittanceMove(id, RemittanceState.Applied, RemittanceState.Posting, "posting", "pipeline"), At).ShouldBeFalse();
        store.MoveRemittance(new RemittanceMove(id, RemittanceState.Posting, RemittanceState.Confirmed, "receipt R1", "pipeline") { ErpReceiptId = "300100", ErpReceiptNumber = "E2E-1" }, At).ShouldBeTrue();

        var moved = store.GetRemittance(id)!;
        (moved.State, moved.Attempts, moved.ErpReceiptId, moved.ErpReceiptNumber, moved.Reason).ShouldBe((RemittanceState.Confirmed, 1, "300100", "E2E-1", "receipt R1"));
        store.RemittanceHistory(id).Select(t => t.To).ShouldBe([RemittanceState.Applied, RemittanceState.Posting, RemittanceState.Confirmed]);
        store.AuditTrail("FR01", 10).ShouldContain(a => a.Action == "remittance.confirmed" && a.Subject == $"remittance {id}");
    }

    [Fact]
    public void MoveRemittance_Refused_KeepsTheTargetsReasonsAsProblems()
    {
        using var store = SqliteStore.Open(_dir.File("c.db"));
        var (run, doc) = Document(store);
        store.AddRemittances([New(doc, run, 1, "K1", RemittanceState.Posting)], At);
        var id = store.RemittancesInStates("FR01", [RemittanceState.Posting]).Single().Id;
        var reason = Problem.Error("AR_CKAP_OVERAPP", "over application", new SourceLocation("camt.xml", 12));

        store.MoveRemittance(new RemittanceMove(id, RemittanceState.Posting, RemittanceState.Refused, reason.Message, "pipeline") { Problems = [reason] }, At).ShouldBeTrue();

        store.GetRemittance(id)!.Problems.Single().Code.ShouldBe("AR_CKAP_OVERAPP");
        store.RemittancesOfRun(run).Single().State.ShouldBe(RemittanceState.Refused);
    }

    public void Dispose() => _dir.Dispose();

    private static (long Run, long Document) Document(SqliteStore store)
    {
        var run = store.StartRun("FR01", "test", At);
        var doc = store.AddDocument(new NewDocument("FR01", "banque", "camt.xml", "abc", 10, "archive/abc", At, run, DocumentStatus.Received, null));
        return (run, doc);
    }

    private static NewRemittance New(long doc, long run, int ordinal, string key, RemittanceState state)
    {
        var remittance = new Remittance
        {
            EntityCode = "FR01",
            PaymentNumber = "E2E-" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Amount = 2865.60m,
            Currency = "EUR",
            BookingDate = new DateOnly(2026, 11, 20),
            Lines = [new RemittanceLine { LineNumber = 1, Reference = "F26-004524", AmountPaid = 2865.60m, Source = new SourceLocation("camt.xml", 10) }],
            Source = new SourceLocation("camt.xml", 5),
        };
        return new NewRemittance(doc, ordinal, run, "FR01", key, state, remittance, "C10032", 0m, 0m, remittance.Amount, null, [], [], [], null, null);
    }
}
