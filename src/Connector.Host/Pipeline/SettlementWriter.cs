using System.Threading.Channels;
using Connector.Host.Store;

namespace Connector.Host.Pipeline;

/// <summary>
/// Writes what a per-invoice target said of its records on one background writer, committing the confirmations that
/// arrived meanwhile in one transaction (group commit): a post does not wait for a disk flush of its own. A crash
/// before a commit leaves those records Posting, and the next run looks each up before posting it: nothing is lost
/// or posted twice. A failure of the store stops the posting (as a dead process would).
/// </summary>
internal sealed class SettlementWriter
{
    private const int MaxGroup = 1_000;

    private readonly Channel<Settlement> _channel = Channel.CreateUnbounded<Settlement>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IConnectorStore _store;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopPosting;
    private readonly Task _writer;

    public SettlementWriter(IConnectorStore store, TimeProvider clock, CancellationTokenSource stopPosting)
    {
        _store = store;
        _clock = clock;
        _stopPosting = stopPosting;
        _writer = Task.Run(WriteAsync);
    }

    public void Confirm(long recordId, ErpReference erp) => _channel.Writer.TryWrite(new Settlement(recordId, erp, null));

    public void Refuse(long recordId, ExceptionDraft exception) => _channel.Writer.TryWrite(new Settlement(recordId, null, exception));

    /// <summary>Waits until everything handed over is written; rethrows the store's failure if it had one.</summary>
    public Task CompleteAsync()
    {
        _channel.Writer.TryComplete();
        return _writer;
    }

    private async Task WriteAsync()
    {
        var confirmations = new List<(long RecordId, ErpReference Erp)>();
        try
        {
            var reader = _channel.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (confirmations.Count < MaxGroup && reader.TryRead(out var settlement))
                {
                    if (settlement.Erp is { } erp)
                    {
                        confirmations.Add((settlement.RecordId, erp));
                        continue;
                    }

                    Flush(confirmations);
                    _store.RefuseRecord(settlement.RecordId, settlement.Exception!, _clock.GetUtcNow());
                }

                Flush(confirmations);
            }
        }
        catch
        {
            _channel.Writer.TryComplete();
            await _stopPosting.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void Flush(List<(long RecordId, ErpReference Erp)> confirmations)
    {
        if (confirmations.Count > 0)
        {
            _store.ConfirmRecords(confirmations, _clock.GetUtcNow());
            confirmations.Clear();
        }
    }

    private sealed record Settlement(long RecordId, ErpReference? Erp, ExceptionDraft? Exception);
}
