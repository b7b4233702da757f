using Azure;

namespace OfficeFlow.Storage;

/// <summary>An entity-group transaction was rejected as a whole; nothing of it was written.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string? errorCode, int? failedActionIndex, string message)
        : base(status, message, errorCode, null)
    {
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>The zero-based index of the action the service rejected, when it said which.</summary>
    public int? FailedActionIndex { get; }
}
