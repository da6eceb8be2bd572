namespace Connector.Adapters.Abstractions;

/// <summary>The root of target failures; the pipeline maps the subtypes to actions.</summary>
public abstract class TargetException : Exception
{
    protected TargetException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// A failure worth retrying (connection lost, time-out, HTTP 429/5xx); <see cref="RetryAfter"/> when the target said.
/// The request may or may not have been carried out: the pipeline looks the record up before trying again.
/// </summary>
public sealed class TransientTargetException : TargetException
{
    public TransientTargetException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner) => RetryAfter = retryAfter;

    public TimeSpan? RetryAfter { get; }
}

/// <summary>The target refused the content; retrying the same content cannot succeed.</summary>
public sealed class RefusedByTargetException : TargetException
{
    public RefusedByTargetException(string message, IReadOnlyList<TargetError> errors)
        : base(message) => Errors = errors;

    public IReadOnlyList<TargetError> Errors { get; }
}

/// <summary>
/// The target cannot be used as configured (wrong credentials, missing privilege, unknown URL, missing provider
/// assembly): not worth retrying and not the records' fault. The pipeline stops posting for the entity and keeps its
/// records waiting.
/// </summary>
public sealed class TargetSetupException : TargetException
{
    public TargetSetupException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
