namespace Connector.OracleEmulator;

public enum FaultKind
{
    /// <summary>Wait <see cref="FaultRule.Delay"/>, then handle the request normally.</summary>
    Latency,

    /// <summary>Answer 429 Too Many Requests with Retry-After, without handling the request.</summary>
    TooManyRequests,

    /// <summary>Answer 500 Internal Server Error without handling the request.</summary>
    InternalServerError,

    /// <summary>Answer 503 Service Unavailable with Retry-After, without handling the request.</summary>
    ServiceUnavailable,

    /// <summary>Abort the connection before handling the request: nothing is stored.</summary>
    DropConnection,

    /// <summary>Never answer: hang until the client gives up (or the emulator stops). Nothing is stored.</summary>
    Timeout,

    /// <summary>Handle the request (a POST stores its invoice), then abort the connection instead of answering.</summary>
    CommittedResponseLost,
}

/// <summary>A fault for the next <see cref="Remaining"/> requests whose method and path match.</summary>
/// <param name="Kind">What happens to a matching request.</param>
/// <param name="Method">HTTP method, or null for any.</param>
/// <param name="PathPrefix">Matches a request path equal to it or below it (case-insensitive), e.g.
/// <see cref="FusionEmulator.InvoicesPath"/>.</param>
/// <param name="Remaining">How many more matching requests get the fault.</param>
public sealed record FaultRule(FaultKind Kind, string? Method, string PathPrefix, int Remaining)
{
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (string.Equals(path.TrimEnd('/'), PathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(PathPrefix.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Thread-safe fault injection, set per test. Rules are tried in the order added; each request consumes
/// at most one rule, and a rule is dropped once its count is used up.</summary>
public sealed class EmulatorFaults
{
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>The most requests the emulator was handling at once since the last <see cref="ResetInFlight"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void ResetInFlight() => Interlocked.Exchange(ref _maxInFlight, 0);

    internal void RequestStarted()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
    }

    internal void RequestEnded() => Interlocked.Decrement(ref _inFlight);

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rule.Remaining);
        lock (_lock)
        {
            _rules.Add(rule);
        }
    }

    public void Latency(string? method, string path, TimeSpan delay, int count = 1) =>
        Add(new FaultRule(FaultKind.Latency, method, path, count) { Delay = delay });

    public void TooManyRequests(string? method, string path, TimeSpan retryAfter, int count = 1) =>
        Add(new FaultRule(FaultKind.TooManyRequests, method, path, count) { RetryAfter = retryAfter });

    public void ServiceUnavailable(string? method, string path, TimeSpan retryAfter, int count = 1) =>
        Add(new FaultRule(FaultKind.ServiceUnavailable, method, path, count) { RetryAfter = retryAfter });

    public void InternalServerError(string? method, string path, int count = 1) =>
        Add(new FaultRule(FaultKind.InternalServerError, method, path, count));

    public void DropConnection(string? method, string path, int count = 1) =>
        Add(new FaultRule(FaultKind.DropConnection, method, path, count));

    public void Timeout(string? method, string path, int count = 1) =>
        Add(new FaultRule(FaultKind.Timeout, method, path, count));

    public void CommittedResponseLost(string? method, string path, int count = 1) =>
        Add(new FaultRule(FaultKind.CommittedResponseLost, method, path, count));

    /// <summary>Removes every pending rule.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>The rules not yet used up, with their remaining counts.</summary>
    public IReadOnlyList<FaultRule> Pending
    {
        get
        {
            lock (_lock)
            {
                return [.. _rules];
            }
        }
    }

    /// <summary>Takes one use of the first matching rule, or returns null.</summary>
    internal FaultRule? Take(string method, string path)
    {
        lock (_lock)
        {
            var index = _rules.FindIndex(r => r.Matches(method, path));
            if (index < 0)
            {
                return null;
            }

            var rule = _rules[index];
            if (rule.Remaining == 1)
            {
                _rules.RemoveAt(index);
            }
            else
            {
                _rules[index] = rule with { Remaining = rule.Remaining - 1 };
            }

            return rule;
        }
    }
}
