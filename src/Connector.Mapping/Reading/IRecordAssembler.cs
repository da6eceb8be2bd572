namespace Connector.Mapping.Reading;

/// <summary>
/// Turns the data rows of a CSV or XLSX document into records (invoices, payments), streamed: the row readers
/// hand over each row; a record comes back when a row starts the next one, and the last one on completion.
/// </summary>
internal interface IRecordAssembler<out T>
    where T : class
{
    /// <summary>Takes one data row; returns the previous record when this row starts a new one.</summary>
    T? Add(ISourceRow row);

    /// <summary>Finishes the record being assembled, if any.</summary>
    T? Complete();
}
