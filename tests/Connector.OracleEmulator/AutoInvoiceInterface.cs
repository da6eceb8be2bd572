namespace Connector.OracleEmulator;

/// <summary>
/// The emulated RA_INTERFACE_LINES_ALL / RA_INTERFACE_ERRORS_ALL (rows AutoInvoice rejected, kept until purged) and the
/// flexfield keys of created lines (RA_CUSTOMER_TRX_LINES_ALL): together they make the transaction flexfield rule.
/// </summary>
internal sealed class AutoInvoiceInterface
{
    private readonly Lock _lock = new();
    private readonly Dictionary<FlexfieldKey, List<long>> _rejectedKeys = [];
    private readonly List<InterfaceError> _errors = [];
    private readonly List<InterfaceLine> _rows = [];
    private readonly Dictionary<FlexfieldKey, CreatedLine> _createdKeys = [];

    /// <summary>Serializes imports: one AutoInvoice run at a time sees and changes the interface.</summary>
    public Lock ImportLock { get; } = new();

    /// <summary>Whether the key is held by a rejected interface row or a created line.</summary>
    public bool InUse(FlexfieldKey key)
    {
        lock (_lock)
        {
            return _rejectedKeys.ContainsKey(key) || _createdKeys.ContainsKey(key);
        }
    }

    public void AddRejected(InterfaceLine line, IReadOnlyList<InterfaceError> errors)
    {
        var key = line.Key;
        lock (_lock)
        {
            if (errors.Count > 0)
            {
                _rows.Add(line);
                if (!_rejectedKeys.TryGetValue(key, out var loads))
                {
                    _rejectedKeys[key] = loads = [];
                }

                loads.Add(errors[0].LoadRequestId);
                _errors.AddRange(errors);
            }
        }
    }

    public void AddCreated(CreatedLine line)
    {
        lock (_lock)
        {
            _createdKeys[line.Key] = line;
        }
    }

    /// <summary>Removes the rejected rows (and their errors) of the loads from..to; returns how many rows went.</summary>
    public int Purge(long fromLoad, long toLoad)
    {
        lock (_lock)
        {
            var removed = 0;
            foreach (var (key, loads) in _rejectedKeys.ToList())
            {
                removed += loads.RemoveAll(l => l >= fromLoad && l <= toLoad);
                if (loads.Count == 0)
                {
                    _rejectedKeys.Remove(key);
                }
            }

            _errors.RemoveAll(e => e.LoadRequestId >= fromLoad && e.LoadRequestId <= toLoad);
            _rows.RemoveAll(r => r.LoadRequestId >= fromLoad && r.LoadRequestId <= toLoad);
            return removed;
        }
    }

    /// <summary>The errors of the rows still in the interface.</summary>
    public IReadOnlyList<InterfaceError> Errors()
    {
        lock (_lock)
        {
            return [.. _errors];
        }
    }

    /// <summary>The rows still in the interface, each with its errors, in load and row order.</summary>
    public IReadOnlyList<(InterfaceLine Line, IReadOnlyList<InterfaceError> Errors)> Rows()
    {
        lock (_lock)
        {
            return [.. _rows.Select(r => (r, (IReadOnlyList<InterfaceError>)[.. _errors.Where(e => e.LoadRequestId == r.LoadRequestId && e.RowNumber == r.RowNumber)]))];
        }
    }

    public IReadOnlyList<CreatedLine> Created()
    {
        lock (_lock)
        {
            return [.. _createdKeys.Values];
        }
    }
}
