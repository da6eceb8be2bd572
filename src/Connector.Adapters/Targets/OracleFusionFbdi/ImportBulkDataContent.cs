using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Connector.Adapters.Targets.OracleFusionFbdi;

/// <summary>
/// The JSON body of an importBulkData POST, written as it is sent: the string fields, then <c>DocumentContent</c> as
/// base64 streamed from the package file in segments, so neither the zip nor its base64 is ever held whole in memory.
/// </summary>
internal sealed class ImportBulkDataContent : HttpContent
{
    private const int SegmentBytes = 3 * 16 * 1024;
    private const int FlushThreshold = 64 * 1024;

    private readonly IReadOnlyList<KeyValuePair<string, string>> _fields;
    private readonly string _packagePath;

    public ImportBulkDataContent(IReadOnlyList<KeyValuePair<string, string>> fields, string packagePath)
    {
        _fields = fields;
        _packagePath = packagePath;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var json = new Utf8JsonWriter(stream);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            foreach (var (name, value) in _fields)
            {
                json.WriteString(name, value);
            }

            json.WritePropertyName("DocumentContent");
            var package = new FileStream(_packagePath, FileMode.Open, FileAccess.Read, FileShare.Read, SegmentBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (package.ConfigureAwait(false))
            {
                var buffer = new byte[SegmentBytes];
                int read;
                while ((read = await package.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    json.WriteBase64StringSegment(buffer.AsSpan(0, read), isFinalSegment: false);
                    if (json.BytesPending >= FlushThreshold)
                    {
                        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                json.WriteBase64StringSegment([], isFinalSegment: true);
            }

            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The length is not computed: the body goes out chunked.</summary>
    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
