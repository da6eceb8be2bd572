using System.Globalization;

namespace Connector.OracleEmulator;

/// <summary>What a finished ESS job left: its status, the job-level message, and its output and log files.</summary>
internal sealed record EssJobResult(bool Failed, string? Message, string? OutFileName, string? OutText, string Log);

/// <summary>An ESS request: a load (with its AutoInvoice import child) or a purge.</summary>
internal sealed class EssJob(long id, string name, Task<EssJobResult> completion)
{
    private int _polls;

    public long Id { get; } = id;

    public string Name { get; } = name;

    public Task<EssJobResult> Completion { get; } = completion;

    public int NextPoll() => Interlocked.Increment(ref _polls);

    public int Polls => Volatile.Read(ref _polls);
}

/// <summary>
/// The ESS requests of the pod. Loads run one after the other in the background, in submission order; a status poll
/// answers WAIT then RUNNING for the first <see cref="EmulatorSetup.EssPollsBeforeCompletion"/> polls, then waits for
/// the job to end and answers SUCCEEDED or ERROR. A load takes three ids: the load, its Import AutoInvoice child and
/// the execution report; each id answers for the chain.
/// </summary>
internal sealed class EssJobs(EmulatorSetup setup)
{
    public const string Wait = "WAIT";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Error = "ERROR";

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, EssJob> _jobs = [];
    private long _nextId = setup.FirstEssRequestId;
    private Task _tail = Task.CompletedTask;

    /// <summary>Queues a load behind the earlier ones; returns its request id.</summary>
    public long StartLoad(Func<long, EssJobResult> work)
    {
        lock (_lock)
        {
            var id = _nextId;
            _nextId += 3;
            var completion = _tail.ContinueWith(_ => Safe(id, work), CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default);
            _tail = completion;
            var job = new EssJob(id, "Load Interface File for Import", completion);
            _jobs[id] = job;
            _jobs[id + 1] = job;
            _jobs[id + 2] = job;
            return id;
        }
    }

    /// <summary>Runs a short job (a purge) at once; returns its request id.</summary>
    public long Run(string name, Func<EssJobResult> work)
    {
        lock (_lock)
        {
            var id = _nextId++;
            _jobs[id] = new EssJob(id, name, Task.FromResult(Safe(id, _ => work())));
            return id;
        }
    }

    public EssJob? Find(long id)
    {
        lock (_lock)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    /// <summary>One status poll of a job, as ESSJobStatusRF answers it.</summary>
    public async Task<string> PollAsync(EssJob job, CancellationToken cancellationToken)
    {
        var poll = job.NextPoll();
        if (poll <= setup.EssPollsBeforeCompletion)
        {
            return poll == 1 ? Wait : Running;
        }

        var result = await job.Completion.WaitAsync(MaxWait, cancellationToken);
        return result.Failed ? Error : Succeeded;
    }

    /// <summary>The job's result once its status was reported final, else null.</summary>
    public static EssJobResult? Finished(EssJob job, int pollsBeforeCompletion) =>
        job.Polls > pollsBeforeCompletion && job.Completion.IsCompleted ? job.Completion.Result : null;

    private static EssJobResult Safe(long id, Func<long, EssJobResult> work)
    {
        try
        {
            return work(id);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new EssJobResult(true, "The request " + id.ToString(CultureInfo.InvariantCulture) + " failed: " + e.Message, null, null, e.ToString());
        }
    }
}
