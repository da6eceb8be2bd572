namespace Connector.Adapters.Ocr;

/// <summary>
/// The OCR engine cannot run on this machine: libtesseract or leptonica could not be loaded, or a language model is
/// missing. The message names the Debian packages to install.
/// </summary>
public sealed class OcrUnavailableException : Exception
{
    public const string Packages = "libtesseract5 tesseract-ocr-eng tesseract-ocr-fra";

    public OcrUnavailableException()
        : this("The OCR engine is not available: install " + Packages + " (apt-get install, or .ci/install-tesseract.sh).")
    {
    }

    public OcrUnavailableException(string message)
        : base(message)
    {
    }

    public OcrUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
