using Connector.Mapping.Entities;
using Connector.Mapping.Model;

namespace Connector.Adapters.Abstractions;

/// <summary>
/// Provides an entity's customers from the ERP (parties with account numbers, tax identifiers, sites), for a plugin
/// whose ERP is the master of its customers. The target a plugin's factory builds for an entity implements it (it holds
/// the entity's options and resolved secrets), or the plugin's entry type does besides <see cref="ITargetFactory"/>.
/// Receipts and open items for cash application join the contract with the payments issue (a later minor version).
/// </summary>
public interface IMasterDataProvider
{
    /// <summary>
    /// Loads every customer of the entity (its <c>target</c> section says where and how). One attempt: a failure to
    /// reach the ERP throws <see cref="TransientTargetException"/>, a wrong setup <see cref="TargetSetupException"/>.
    /// Customers the ERP holds incompletely are left out rather than guessed.
    /// </summary>
    Task<IReadOnlyList<Customer>> LoadAsync(EntityDefinition entity, CancellationToken cancellationToken);
}
