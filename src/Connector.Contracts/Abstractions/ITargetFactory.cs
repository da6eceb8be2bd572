using Connector.Mapping.Entities;
using Microsoft.Extensions.Logging;

namespace Connector.Adapters.Abstractions;

/// <summary>Builds the target of one entity from its <c>target</c> section (type, identifiers, options).</summary>
public interface ITargetFactory
{
    /// <summary>The adapter name used in entity.yaml (<c>target.type</c>).</summary>
    string Type { get; }

    /// <summary>
    /// The option names this adapter reads under <c>target.options</c>; any other name is a configuration error.
    /// Names of secrets must be given as references (see <see cref="ISecretSource"/>).
    /// </summary>
    IReadOnlyCollection<string> OptionNames { get; }

    /// <summary>Builds the entity's target. Throws <see cref="TargetSetupException"/> naming the option that is wrong or missing.</summary>
    IInvoiceTarget Create(EntityDefinition entity, TargetContext context);
}

/// <summary>What a target may use from the host.</summary>
/// <param name="DataDirectory">The data folder; relative paths in options resolve against it.</param>
/// <param name="Secrets">Resolves <c>${env:NAME}</c> and <c>${secret:NAME}</c> references in options.</param>
/// <param name="Clock">The only clock a target may read.</param>
/// <param name="LoggerFactory">For the target's own log lines (never with secrets).</param>
public sealed record TargetContext(string DataDirectory, ISecretSource Secrets, TimeProvider Clock, ILoggerFactory LoggerFactory);

/// <summary>Resolves secret references; a secret's value is never logged nor written anywhere.</summary>
public interface ISecretSource
{
    /// <summary>
    /// The value of an option: a reference <c>${env:NAME}</c> (environment variable) or <c>${secret:NAME}</c> (the secrets
    /// file) is resolved; any other text is returned unchanged. Throws <see cref="TargetSetupException"/> naming the
    /// reference (never its value) when it cannot be resolved.
    /// </summary>
    string Resolve(string optionName, string value);
}
