using Connector.Mapping.Entities;

namespace Connector.Mapping.EInvoicing;

/// <summary>
/// What reading e-invoices needs besides the bytes: the PDF extractor (null where none is configured: a PDF then
/// fails with a clear message), the router over every entity, and the entity the document arrived for (whose
/// identifiers the seller must match). Immutable; one per entity runtime.
/// </summary>
internal sealed record EInvoiceReading(IPdfAttachmentExtractor? Pdf, SellerRouter? Sellers, EntityDefinition? Entity);
