using System.Text;
using Connector.Mapping.Problems;

namespace Connector.Mapping.Reading;

/// <summary>
/// The bytes CsvHelper reads: the document decoded to UTF-8 (BOM removed), in whole lines. Lines before the header
/// (<c>skip_rows</c>) and lines longer than the limit come out as empty lines, so that line numbers stay true and
/// memory stays bounded (a long line is dropped as it streams by, never buffered whole). Invalid UTF-8 stops the
/// stream with a <see cref="ProblemCodes.EncodingInvalid"/> failure naming the line.
/// </summary>
internal sealed class CsvInputStream : Stream
{
    private const int ChunkSize = 64 * 1024;
    private readonly Stream _inner;
    private readonly DocumentReadContext _context;
    private readonly int _maxLine;
    private readonly int _skipLines;
    private readonly byte[] _in = new byte[ChunkSize];
    private readonly Decoder? _decoder;
    private readonly char[]? _chars;
    private readonly byte[]? _decoded;
    private byte[] _pending = new byte[256];
    private int _pendingLength;
    private byte[] _out = new byte[ChunkSize * 2];
    private int _outStart;
    private int _outEnd;
    private int _line = 1;
    private bool _skipping;
    private bool _end;

    /// <param name="inner">The document, positioned after any byte order mark.</param>
    /// <param name="encoding">The encoding to decode; null for UTF-8 (checked, passed through).</param>
    /// <param name="context">Receives the problems.</param>
    /// <param name="skipLines">Lines before the header, passed on as empty lines.</param>
    public CsvInputStream(Stream inner, Encoding? encoding, DocumentReadContext context, int skipLines)
    {
        _inner = inner;
        _context = context;
        _maxLine = context.Limits.MaxLineLength;
        _skipLines = skipLines;
        if (encoding is not null)
        {
            _decoder = encoding.GetDecoder();
            _chars = new char[encoding.GetMaxCharCount(ChunkSize)];
            _decoded = new byte[Encoding.UTF8.GetMaxByteCount(_chars.Length)];
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_outStart == _outEnd)
        {
            if (_end || !Fill())
            {
                return 0;
            }
        }

        var n = Math.Min(buffer.Length, _outEnd - _outStart);
        _out.AsSpan(_outStart, n).CopyTo(buffer);
        _outStart += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool Fill()
    {
        _outStart = _outEnd = 0;
        var read = _inner.Read(_in, 0, _in.Length);
        var last = read == 0;
        ReadOnlySpan<byte> data = _in.AsSpan(0, read);
        if (_decoder is not null)
        {
            var chars = _decoder.GetChars(_in, 0, read, _chars!, 0, last);
            var bytes = Encoding.UTF8.GetBytes(_chars!, 0, chars, _decoded!, 0);
            data = _decoded.AsSpan(0, bytes);
        }

        EnsureOut(data.Length + _pendingLength + 1);
        var firstLine = _line;
        Process(data);
        if (last)
        {
            _end = true;
            if (_pendingLength > 0 && !_skipping)
            {
                EmitLine(ReadOnlySpan<byte>.Empty, withBreak: false);
            }
        }

        if (_decoder is null && !CheckUtf8(firstLine))
        {
            _end = true;
            _outStart = _outEnd = 0;
            return false;
        }

        return _outEnd > 0 || !_end;
    }

    private void Process(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var index = data.IndexOf((byte)'\n');
            if (_skipping)
            {
                if (index < 0)
                {
                    return;
                }

                _skipping = false;
                _out[_outEnd++] = (byte)'\n';
                _line++;
                data = data[(index + 1)..];
                continue;
            }

            var length = index < 0 ? data.Length : index;
            if (_pendingLength + length > _maxLine)
            {
                _context.Report(Problem.Error(ProblemCodes.LineTooLong, $"line {_line} is longer than {_maxLine} bytes and was skipped", _context.At(_line)));
                _pendingLength = 0;
                _skipping = true;
                continue;
            }

            if (index < 0)
            {
                AppendPending(data);
                return;
            }

            EmitLine(data[..index], withBreak: true);
            data = data[(index + 1)..];
        }
    }

    private void EmitLine(ReadOnlySpan<byte> rest, bool withBreak)
    {
        if (_line > _skipLines)
        {
            _pending.AsSpan(0, _pendingLength).CopyTo(_out.AsSpan(_outEnd));
            _outEnd += _pendingLength;
            rest.CopyTo(_out.AsSpan(_outEnd));
            _outEnd += rest.Length;
        }

        _pendingLength = 0;
        if (withBreak)
        {
            _out[_outEnd++] = (byte)'\n';
            _line++;
        }
    }

    private void AppendPending(ReadOnlySpan<byte> data)
    {
        if (_pendingLength + data.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + data.Length));
        }

        data.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += data.Length;
    }

    private void EnsureOut(int size)
    {
        if (_out.Length < size)
        {
            _out = new byte[size];
        }
    }

    /// <summary>Validates the UTF-8 produced by this fill; on invalid bytes reports the line and returns false.</summary>
    private bool CheckUtf8(int firstLine)
    {
        var output = _out.AsSpan(0, _outEnd);
        if (System.Text.Unicode.Utf8.IsValid(output))
        {
            return true;
        }

        var line = firstLine;
        while (!output.IsEmpty)
        {
            var index = output.IndexOf((byte)'\n');
            var text = index < 0 ? output : output[..index];
            if (!System.Text.Unicode.Utf8.IsValid(text))
            {
                Utf8Check.Report(_context, line);
                return false;
            }

            output = index < 0 ? [] : output[(index + 1)..];
            line++;
        }

        return true;
    }
}
