namespace OfficeFlow.Functions.Grades.Computation;

/// <summary>Whether a ledger entry was logged by OfficeFlow itself or by a person.</summary>
public enum LedgerSource
{
    Automatic,
    Manual,
}

/// <summary>One task occurrence in the ledger.</summary>
/// <param name="Id">The entry's id (the ledger row key).</param>
/// <param name="SourceId">For automatic entries, the id of what produced it (idempotency key); null for manual ones.</param>
public sealed record LedgerEntry(
    string Id,
    string EmployeeId,
    DateTimeOffset At,
    string TaskCode,
    LedgerSource Source,
    string? ClientId = null,
    string? ClientName = null,
    int? Minutes = null,
    string? SourceId = null,
    string? Note = null);

/// <summary>A person who is graded. <see cref="Joined"/> and <see cref="Left"/> bound the working days counted.</summary>
public sealed record Employee(string Id, string Name, string Role, DateOnly? Joined = null, DateOnly? Left = null);
