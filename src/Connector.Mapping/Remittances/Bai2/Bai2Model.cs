namespace Connector.Mapping.Remittances.Bai2;

/// <summary>A 16 transaction detail as read: amount in minor units as written (unsigned).</summary>
internal sealed record Bai2Detail(
    int Line,
    string TypeCode,
    decimal Amount,
    string FundsType,
    DateOnly? ValueDate,
    string? BankReference,
    string? CustomerReference,
    string? Text,
    int Records);

/// <summary>A trailer's control total and counts as written, with its line.</summary>
internal sealed record Bai2Trailer(int Line, decimal Total, int? Count, int? Records);

/// <summary>An 03 account with its summaries, details and 49 trailer.</summary>
internal sealed class Bai2Account(int line, string number, string? currency)
{
    public int Line { get; } = line;

    public string Number { get; } = number;

    public string? Currency { get; } = currency;

    /// <summary>Every amount of the 03 and its 88s (status and summary), minor units as written, signed.</summary>
    public List<decimal> SummaryAmounts { get; } = [];

    public List<Bai2Detail> Details { get; } = [];

    /// <summary>The 03 with its 88s, then every 16 and 88, then the 49.</summary>
    public int Records { get; set; }

    public Bai2Trailer? Trailer { get; set; }

    /// <summary>The algebraic sum the 49 must give: every 03 amount plus every 16 amount.</summary>
    public decimal ComputedTotal => SummaryAmounts.Sum() + Details.Sum(d => d.Amount);
}

/// <summary>A 02 group of accounts with its 98 trailer.</summary>
internal sealed class Bai2Group(int line, string status, DateOnly asOfDate, string? currency)
{
    public int Line { get; } = line;

    /// <summary>1 update, 2 deletion, 3 correction, 4 test only.</summary>
    public string Status { get; } = status;

    public DateOnly AsOfDate { get; } = asOfDate;

    public string? Currency { get; } = currency;

    public List<Bai2Account> Accounts { get; } = [];

    public int Records { get; set; }

    public Bai2Trailer? Trailer { get; set; }
}

/// <summary>A BAI2 file: its groups and the 99 trailer.</summary>
internal sealed class Bai2File(int line, string sender, string receiver)
{
    public int Line { get; } = line;

    public string Sender { get; } = sender;

    public string Receiver { get; } = receiver;

    public List<Bai2Group> Groups { get; } = [];

    public int Records { get; set; }

    public Bai2Trailer? Trailer { get; set; }
}

/// <summary>One logical record: a record with its 88 continuations.</summary>
internal sealed record Bai2Record(string Code, int Line, IReadOnlyList<string> Segments)
{
    public int Records => Segments.Count;

    public Bai2Fields Fields() => new(Segments);
}
