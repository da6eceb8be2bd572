using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Connector.Adapters.Abstractions;
using Connector.Mapping.Entities;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Connector.Host.Pipeline;

/// <summary>
/// The resilience pipeline of one target, built from its <c>target.resilience</c>: retry with exponential backoff and
/// jitter on transient failures only (a Retry-After from the target wins), a circuit breaker that parks the target
/// and lets one trial call through after the break, a concurrency limit, an optional rate limit, and a time-out per
/// attempt. One instance lives as long as its target, so the breaker's state carries from one run to the next.
/// </summary>
internal sealed class TargetResilience
{
    private static readonly ConditionalWeakTable<IInvoiceTarget, TargetResilience> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>Added to an open circuit's remaining break, so that the retry lands after the break, not on its edge.</summary>
    private static readonly TimeSpan BreakMargin = TimeSpan.FromMilliseconds(50);

    private int _openings;

    private TargetResilience(ResilienceDefinition settings)
    {
        Settings = settings;
        Pipeline = ResiliencePipeline.Empty;
    }

    public ResilienceDefinition Settings { get; }

    /// <summary>How many times the circuit opened (the target was parked) since the pipeline was built.</summary>
    public int CircuitOpenings => _openings;

    /// <summary>Runs one call (which may itself be a look-up followed by a post) under every strategy.</summary>
    public ResiliencePipeline Pipeline { get; private set; }

    /// <summary>The target's pipeline, built at its first use with <paramref name="settings"/> and kept with the target.</summary>
    public static TargetResilience For(IInvoiceTarget target, string entity, ResilienceDefinition settings, TimeProvider timing, ILogger logger)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(target, out var resilience))
            {
                resilience = Build(entity, settings, timing, logger);
                Cache.Add(target, resilience);
            }

            return resilience;
        }
    }

    /// <summary>Failures worth another attempt: the target said so, the attempt timed out, or the circuit was open.</summary>
    public static bool IsTransient(Exception e) => e is TransientTargetException or TimeoutRejectedException or BrokenCircuitException;

    internal static TargetResilience Build(string entity, ResilienceDefinition settings, TimeProvider timing, ILogger logger)
    {
        var resilience = new TargetResilience(settings);
        var transient = new PredicateBuilder().Handle<TransientTargetException>().Handle<TimeoutRejectedException>();
        var builder = new ResiliencePipelineBuilder { TimeProvider = timing, Name = $"target-{entity}" }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientTargetException>().Handle<TimeoutRejectedException>().Handle<BrokenCircuitException>(),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                MaxDelay = settings.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception switch
                {
                    TransientTargetException { RetryAfter: { } after } => (TimeSpan?)Clamp(after, settings.MaxRetryDelay),
                    BrokenCircuitException { RetryAfter: { } after } => Clamp(after + BreakMargin, settings.MaxRetryDelay + BreakMargin),
                    _ => null,
                }),
                OnRetry = args =>
                {
                    logger.LogWarning("Target of {Entity}: {Failure} (attempt {Attempt}); retrying in {Delay}", entity, args.Outcome.Exception?.Message, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = settings.CircuitFailureRatio,
                MinimumThroughput = settings.CircuitMinimumThroughput,
                SamplingDuration = settings.CircuitSamplingDuration,
                BreakDuration = settings.CircuitBreakDuration,
                OnOpened = args =>
                {
                    Interlocked.Increment(ref resilience._openings);
                    logger.LogError("Target of {Entity} parked for {Break}: too many transient failures ({Failure})", entity, args.BreakDuration, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogWarning("Target of {Entity}: trying one call after the break", entity);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Target of {Entity} resumed", entity);
                    return ValueTask.CompletedTask;
                },
            })
            .AddConcurrencyLimiter(settings.Concurrency, int.MaxValue / 2);
        if (settings.RatePerSecond is { } rate)
        {
            // One token every 1/rate seconds, at most one second's worth saved up: a steady rate, short bursts only.
            var tokens = Math.Max(1, (int)Math.Floor(rate));
            builder.AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = tokens,
                TokensPerPeriod = tokens,
                ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / rate),
                QueueLimit = int.MaxValue / 2,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
        }

        builder.AddTimeout(settings.AttemptTimeout);
        resilience.Pipeline = builder.Build();
        return resilience;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) => value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
}
