using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Connector.Mapping.Model;

namespace Connector.Host.Pipeline;

/// <summary>
/// The hash of what a source said about an invoice, without where it said it (document, line) or what the Connector
/// decided (the resolved customer): the same invoice in two files hashes the same, any change of content does not.
/// Every content field of <see cref="Invoice"/> and <see cref="InvoiceLine"/> is written in a fixed order, tagged and
/// length-prefixed, into one buffer per thread, then hashed with SHA-256 (first 16 bytes, hex). A test checks that a
/// change of any content property changes the hash, so a field added to the model cannot be forgotten here.
/// </summary>
internal static class ContentHash
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static string Of(Invoice invoice)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Text(buffer, invoice.EntityCode);
        Text(buffer, invoice.Number);
        Int(buffer, (int)invoice.Kind);
        Date(buffer, invoice.IssueDate);
        Date(buffer, invoice.DueDate);
        Text(buffer, invoice.Currency);
        Text(buffer, invoice.PaymentTerms);
        Text(buffer, invoice.Customer.AccountNumber);
        Text(buffer, invoice.Customer.TaxId);
        Text(buffer, invoice.Customer.Name);
        Text(buffer, invoice.PurchaseOrder);
        Text(buffer, invoice.OriginalInvoiceNumber);
        Text(buffer, invoice.Comments);
        Number(buffer, invoice.DeclaredNetTotal);
        Number(buffer, invoice.DeclaredTaxTotal);
        Number(buffer, invoice.DeclaredGrossTotal);
        Int(buffer, invoice.Lines.Count);
        foreach (var line in invoice.Lines)
        {
            Int(buffer, line.LineNumber);
            Text(buffer, line.ItemCode);
            Text(buffer, line.Description);
            Number(buffer, line.Quantity);
            Text(buffer, line.UnitOfMeasure);
            Number(buffer, line.UnitPrice);
            Number(buffer, line.Amount);
            Text(buffer, line.TaxCode);
            Number(buffer, line.TaxRate);
            Number(buffer, line.TaxAmount);
        }

        // Written only when present, so that the hashes of records stored before these fields existed stay the same.
        if (invoice.Customer.OtherIds.Count > 0)
        {
            Int(buffer, 0x4F494453);
            Int(buffer, invoice.Customer.OtherIds.Count);
            foreach (var id in invoice.Customer.OtherIds)
            {
                Text(buffer, id);
            }
        }

        if (invoice.Electronic is { } e)
        {
            Int(buffer, 0x45494E56);
            foreach (var text in new[] { e.Syntax, e.Profile, e.SpecificationId, e.TypeCode, e.BuyerReference, e.ContractReference, e.ProjectReference, e.PaymentReference, e.PayeeAccount, e.PaymentTermsText, e.SellerName, e.SellerVatId })
            {
                Text(buffer, text);
            }

            Number(buffer, e.Prepaid);
            Number(buffer, e.Rounding);
            Number(buffer, e.Payable);
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return Convert.ToHexStringLower(digest[..16]);
    }

    private static void Text(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            Int(buffer, -1);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        Int(buffer, length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    private static void Int(ArrayBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void Date(ArrayBufferWriter<byte> buffer, DateOnly? value) => Int(buffer, value?.DayNumber ?? -1);

    /// <summary>A decimal with its scale (1.0 and 1.00 were written differently by the source), or a null marker.</summary>
    private static void Number(ArrayBufferWriter<byte> buffer, decimal? value)
    {
        if (value is not { } number)
        {
            Int(buffer, -1);
            return;
        }

        Int(buffer, 16);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(number, bits);
        foreach (var part in bits)
        {
            Int(buffer, part);
        }
    }
}
