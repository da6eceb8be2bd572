using System.Text;
using Connector.Mapping.Profiles;
using Connector.Mapping.Reading;

namespace Connector.Mapping.Tests.Reading;

internal static class ReadingHelper
{
    static ReadingHelper() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static MappingProfile Profile(string yaml, IReadOnlyDictionary<string, ValueMap>? shared = null)
    {
        var result = ProfileParser.Parse(yaml, "/m/x/p.yaml", shared ?? new Dictionary<string, ValueMap>());
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    public static (List<MappedInvoice> Invoices, DocumentReadContext Context) ReadText(string text, MappingProfile profile, Encoding? encoding = null)
        => Read(new MemoryStream((encoding ?? new UTF8Encoding(false)).GetBytes(text)), profile);

    public static (List<MappedInvoice> Invoices, DocumentReadContext Context) Read(Stream stream, MappingProfile profile, ReaderLimits? limits = null)
    {
        var context = new DocumentReadContext("doc.csv", limits);
        var invoices = InvoiceDocumentReader.Read(stream, profile, "FR01", context).ToList();
        return (invoices, context);
    }
}

/// <summary>A stream that cannot seek, as a network or pipe source would be.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Generates a CSV with one huge line lazily, so the test itself never holds it in memory.</summary>
internal sealed class HugeLineStream : Stream
{
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly long _hugeLength;
    private long _position;

    public HugeLineStream(string head, long hugeLength, string tail)
    {
        _head = Encoding.UTF8.GetBytes(head);
        _tail = Encoding.UTF8.GetBytes(tail);
        _hugeLength = hugeLength;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count)
        {
            var p = _position;
            if (p < _head.Length)
            {
                buffer[offset + written++] = _head[p];
            }
            else if (p < _head.Length + _hugeLength)
            {
                var n = (int)Math.Min(count - written, _head.Length + _hugeLength - p);
                buffer.AsSpan(offset + written, n).Fill((byte)'x');
                written += n;
                _position += n;
                continue;
            }
            else if (p < _head.Length + _hugeLength + _tail.Length)
            {
                buffer[offset + written++] = _tail[p - _head.Length - _hugeLength];
            }
            else
            {
                break;
            }

            _position++;
        }

        return written;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
