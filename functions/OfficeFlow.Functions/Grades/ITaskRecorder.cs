namespace OfficeFlow.Functions.Grades;

/// <summary>
/// The one door through which other capabilities put a task into the grades ledger
/// ("record this event"). Recording is idempotent by <see cref="TaskEvent.SourceId"/>:
/// the same contract, contact or reminder never counts twice.
/// </summary>
public interface ITaskRecorder
{
    Task RecordAsync(TaskEvent taskEvent, CancellationToken cancellationToken = default);
}

/// <summary>One task occurrence produced automatically by OfficeFlow.</summary>
/// <param name="EmployeeId">The user id (token "oid"/"sub") of who did it.</param>
/// <param name="TaskCode">The catalog code, e.g. "2.4".</param>
/// <param name="At">When it happened; decides the month. Take it from the thing recorded (the contract's date, the
/// invoice's issue time, the message's claimed time), not from the attempt: the ledger knows a SourceId again only within
/// the month of its first record (one conditional add, no cross-month marker), so a retry whose At fell in
/// another month would count once in each.</param>
/// <param name="SourceId">Stable id of what produced it, e.g. "contract:2026-0015" or "email:&lt;internetMessageId&gt;".</param>
/// <param name="ClientId">The client it was for, when there is one.</param>
/// <param name="Note">A short human note for the workbook.</param>
public sealed record TaskEvent(string EmployeeId, string TaskCode, DateTimeOffset At, string SourceId, string? ClientId = null, string? Note = null);
