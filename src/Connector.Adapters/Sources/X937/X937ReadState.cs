using System.Globalization;
using Connector.Mapping.Problems;

namespace Connector.Adapters.Sources.X937;

/// <summary>What the reader knows while walking the records: the open cash letter, bundle and check, and the totals.</summary>
internal sealed class X937ReadState(string document)
{
    private readonly List<X937Check> _checks = [];
    private readonly X937Totals _file = new();
    private X937Totals? _cashLetter;
    private X937Totals? _bundle;
    private CheckBuilder? _check;
    private (X937ViewSide Side, string Format, string Compression, long? Size)? _view;
    private int _records;
    private int _cashLetters;
    private int _bundles;
    private DateOnly? _bundleDate;
    private bool _test;
    private string _origin = string.Empty;
    private string _destination = string.Empty;
    private DateOnly? _created;

    public List<Problem> Problems { get; } = [];

    public bool Ended { get; private set; }

    public void Malformed(int record, string message)
        => Problems.Add(Problem.Error(ProblemCodes.BankMalformed, message, new SourceLocation(document, record)));

    public X937File ToFile(X937Encoding encoding)
    {
        CloseCheck();
        return new X937File(encoding, _test, _origin, _destination, _created, _checks, Problems);
    }

    public void Accept(X937Record r)
    {
        _records++;
        switch (r.Type)
        {
            case "01":
                _test = r.Text(5, 1) == "T";
                _destination = r.Text(6, 9);
                _origin = r.Text(15, 9);
                _created = r.Date(24);
                break;
            case "10":
                _cashLetter = new X937Totals();
                _cashLetters++;
                break;
            case "20":
                OpenBundle(r);
                break;
            case "25":
                OpenCheck(r);
                break;
            case "26" or "27" or "28":
                if (_check is null)
                {
                    Malformed(r.Number, $"An addendum record ({r.Type}) without a check detail (25) before it.");
                }

                break;
            case "50":
                OpenView(r);
                break;
            case "52":
                AddImage(r);
                break;
            case "70":
                CloseBundle(r);
                break;
            case "90":
                CloseCashLetter(r);
                break;
            case "99":
                CloseFile(r);
                break;
            default:
                // Credits (61/62), image analysis (54), user (68), routing and box summaries (75, 85): not needed here.
                break;
        }
    }

    private void OpenBundle(X937Record r)
    {
        CloseCheck();
        if (_cashLetter is null)
        {
            Malformed(r.Number, "A bundle header (20) outside a cash letter (10).");
            _cashLetter = new X937Totals();
        }

        _bundle = new X937Totals();
        _bundles++;
        _bundleDate = r.Date(23);
    }

    private void OpenCheck(X937Record r)
    {
        CloseCheck();
        if (_bundle is null)
        {
            Malformed(r.Number, "A check detail (25) outside a bundle (20).");
            return;
        }

        var amount = r.Number64(48, 10);
        if (amount is null)
        {
            Problems.Add(Problem.Error(ProblemCodes.BankMalformed, "The item amount is not a number.", new SourceLocation(document, r.Number), "item amount", r.Text(48, 10)));
            return;
        }

        var micr = new X937Micr(r.Text(19, 8), r.Text(27, 1), r.Text(28, 20), r.Text(3, 15), r.Text(18, 1));
        if (micr.CheckDigitValid == false)
        {
            Problems.Add(Problem.Warning(ProblemCodes.MicrCheckDigit, $"The routing number {micr.RoutingNumber} fails its check digit.", new SourceLocation(document, r.Number), "payor bank routing", micr.RoutingNumber));
        }

        _bundle.Items++;
        _bundle.Amount += amount.Value;
        if (r.Text(75, 1) == "1")
        {
            _bundle.MicrValidAmount += amount.Value;
        }

        _check = new CheckBuilder(r.Number, _cashLetters, _bundles, r.Text(58, 15), amount.Value, micr, _bundleDate);
    }

    private void OpenView(X937Record r)
    {
        if (_check is null)
        {
            Malformed(r.Number, "An image view detail (50) without a check detail (25) before it.");
            return;
        }

        _bundle!.Images++;
        var side = r.Text(32, 1) == "0" ? X937ViewSide.Front : X937ViewSide.Back;
        _view = (side, r.Text(21, 2), r.Text(23, 2), r.Number64(25, 7));
    }

    private void AddImage(X937Record r)
    {
        if (_check is null || _view is not { } view)
        {
            Malformed(r.Number, "An image view data record (52) without its image view detail (50) before it.");
            return;
        }

        _view = null;
        var keyLength = r.Number64(102, 4);
        var signatureLength = keyLength is null ? null : r.Number64(106 + (int)keyLength.Value, 5);
        var dataLengthAt = keyLength is null || signatureLength is null ? 0 : 111 + (int)keyLength.Value + (int)signatureLength.Value;
        var dataLength = dataLengthAt == 0 ? null : r.Number64(dataLengthAt, 7);
        var dataStart = dataLengthAt + 7 - 1;
        if (dataLength is null || dataStart + dataLength.Value > r.Length)
        {
            Malformed(r.Number, "The image view data record's lengths (reference key, signature, image) do not fit the record.");
            return;
        }

        if (view.Size is { } declared && declared != dataLength.Value)
        {
            Problems.Add(Problem.Warning(ProblemCodes.BankMalformed, $"The image view detail (50) announces {declared.ToString(CultureInfo.InvariantCulture)} bytes, the image has {dataLength.Value.ToString(CultureInfo.InvariantCulture)}.", new SourceLocation(document, r.Number), "image view data size"));
        }

        _check.Images.Add(new X937Image(view.Side, view.Format, view.Compression, r.Bytes.Slice(dataStart, (int)dataLength.Value), r.FileOffset + dataStart));
    }

    private void CloseCheck()
    {
        if (_check is not null)
        {
            _checks.Add(_check.Build());
            _check = null;
        }

        _view = null;
    }

    private void CloseBundle(X937Record r)
    {
        CloseCheck();
        if (_bundle is null || _cashLetter is null)
        {
            Malformed(r.Number, "A bundle control (70) without its bundle header (20).");
            return;
        }

        var at = new SourceLocation(document, r.Number);
        X937Totals.Compare(Problems, at, "bundle items count", r.Number64(3, 4), _bundle.Items, isAmount: false);
        X937Totals.Compare(Problems, at, "bundle total amount", r.Number64(7, 12), _bundle.Amount, isAmount: true);
        X937Totals.Compare(Problems, at, "MICR valid total amount", r.Number64(19, 12), _bundle.MicrValidAmount, isAmount: true);
        X937Totals.Compare(Problems, at, "images within bundle count", r.Number64(31, 5), _bundle.Images, isAmount: false);
        _cashLetter.Add(_bundle);
        _cashLetter.Children++;
        _bundle = null;
    }

    private void CloseCashLetter(X937Record r)
    {
        if (_bundle is not null)
        {
            Malformed(r.Number, "A cash letter control (90) while a bundle is open (no bundle control 70).");
        }

        if (_cashLetter is null)
        {
            Malformed(r.Number, "A cash letter control (90) without its cash letter header (10).");
            return;
        }

        var at = new SourceLocation(document, r.Number);
        X937Totals.Compare(Problems, at, "bundle count", r.Number64(3, 6), _cashLetter.Children, isAmount: false);
        X937Totals.Compare(Problems, at, "items within cash letter count", r.Number64(9, 8), _cashLetter.Items, isAmount: false);
        X937Totals.Compare(Problems, at, "cash letter total amount", r.Number64(17, 14), _cashLetter.Amount, isAmount: true);
        X937Totals.Compare(Problems, at, "images within cash letter count", r.Number64(31, 9), _cashLetter.Images, isAmount: false);
        _file.Add(_cashLetter);
        _file.Children++;
        _cashLetter = null;
    }

    private void CloseFile(X937Record r)
    {
        Ended = true;
        if (_cashLetter is not null)
        {
            Malformed(r.Number, "The file control (99) while a cash letter is open (no cash letter control 90).");
        }

        var at = new SourceLocation(document, r.Number);
        X937Totals.Compare(Problems, at, "cash letter count", r.Number64(3, 6), _file.Children, isAmount: false);
        X937Totals.Compare(Problems, at, "total record count", r.Number64(9, 8), _records, isAmount: false);
        X937Totals.Compare(Problems, at, "total item count", r.Number64(17, 8), _file.Items, isAmount: false);
        X937Totals.Compare(Problems, at, "file total amount", r.Number64(25, 16), _file.Amount, isAmount: true);
    }

    private sealed record CheckBuilder(int Record, int CashLetter, int Bundle, string Sequence, long Amount, X937Micr Micr, DateOnly? BundleDate)
    {
        public List<X937Image> Images { get; } = [];

        public X937Check Build() => new(Record, CashLetter, Bundle, Sequence, Amount, Micr, BundleDate, Images);
    }
}
