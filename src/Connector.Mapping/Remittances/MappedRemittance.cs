using Connector.Mapping.Model;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Remittances;

internal sealed record MappedRemittance(Remittance Remittance, IReadOnlyList<Problem> Problems);
