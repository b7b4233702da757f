using System.Text.Json;
using System.Text.Json.Serialization;
using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Ledger;

/// <summary>
/// A month's ledger as a JSON file (the CLI's --ledger; format in docs/grades.md): who is graded,
/// the month's non-task figures, and every task entry.
/// </summary>
public sealed class LedgerFile
{
    public string? Month { get; init; }
    public IReadOnlyList<LedgerFileEmployee> Employees { get; init; } = [];
    public LedgerFileInputs? Inputs { get; init; }
    public IReadOnlyList<LedgerFileEntry> Entries { get; init; } = [];

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Reads and checks a ledger file; every problem is reported with the entry it is in.</summary>
    public static LedgerFile Read(string path)
    {
        LedgerFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<LedgerFile>(stream, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new LedgerFileException(path, [$"{e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}"]);
        }

        if (file is null)
        {
            throw new LedgerFileException(path, ["$: the file holds no ledger object"]);
        }

        var errors = file.Validate();
        if (errors.Count > 0)
        {
            throw new LedgerFileException(path, errors);
        }

        return file;
    }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Month is not null && !GradesMonth.TryParse(Month, out _))
        {
            errors.Add($"month: '{Month}' is not a month in the form yyyy-MM");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Employees.Count; i++)
        {
            var e = Employees[i];
            if (string.IsNullOrWhiteSpace(e.Id) || string.IsNullOrWhiteSpace(e.Name) || string.IsNullOrWhiteSpace(e.Role))
            {
                errors.Add($"employees[{i}]: id, name and role are required");
            }
            else if (!ids.Add(e.Id))
            {
                errors.Add($"employees[{i}]: id '{e.Id}' appears more than once");
            }
        }

        var entryIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Entries.Count; i++)
        {
            var e = Entries[i];
            if (string.IsNullOrWhiteSpace(e.EmployeeId) || string.IsNullOrWhiteSpace(e.TaskCode) || e.At == default)
            {
                errors.Add($"entries[{i}]: employeeId, taskCode and at are required");
            }

            if (e.Id is not null && !entryIds.Add(e.Id))
            {
                errors.Add($"entries[{i}]: id '{e.Id}' appears more than once");
            }

            if (e.Minutes is < 0)
            {
                errors.Add($"entries[{i}]: minutes must not be negative");
            }
        }

        return errors;
    }

    public IReadOnlyList<Employee> ToEmployees() => Employees.Select(e => new Employee(e.Id, e.Name, e.Role, e.Joined, e.Left)).ToList();

    public IReadOnlyList<LedgerEntry> ToEntries() => Entries
        .Select((e, i) => new LedgerEntry(e.Id ?? $"line-{i + 1}", e.EmployeeId, e.At, e.TaskCode, e.Source, e.ClientId, e.ClientName, e.Minutes, e.SourceId, e.Note))
        .ToList();

    public MonthInputs ToInputs() => Inputs is null
        ? MonthInputs.None
        : new MonthInputs
        {
            SubscriptionVolume = Inputs.SubscriptionVolume,
            OneOffVolume = Inputs.OneOffVolume,
            Contractors = Inputs.Contractors,
            StaffSalaries = Inputs.StaffSalaries,
            Deductions = Inputs.Deductions.Select(d => new DeductionOccurrence(d.EmployeeId, d.Code, d.Count)).ToList(),
        };
}

public sealed record LedgerFileEmployee(string Id, string Name, string Role, DateOnly? Joined = null, DateOnly? Left = null);

public sealed record LedgerFileInputs
{
    public decimal SubscriptionVolume { get; init; }
    public decimal OneOffVolume { get; init; }
    public decimal Contractors { get; init; }
    public decimal? StaffSalaries { get; init; }
    public IReadOnlyList<LedgerFileDeduction> Deductions { get; init; } = [];
}

public sealed record LedgerFileDeduction(string EmployeeId, string Code, int Count = 1);

public sealed record LedgerFileEntry(
    string? Id,
    string EmployeeId,
    DateTimeOffset At,
    string TaskCode,
    LedgerSource Source = LedgerSource.Manual,
    string? ClientId = null,
    string? ClientName = null,
    int? Minutes = null,
    string? SourceId = null,
    string? Note = null);

/// <summary>A ledger file that cannot be used; <see cref="Errors"/> names each bad entry.</summary>
public sealed class LedgerFileException(string path, IReadOnlyList<string> errors)
    : Exception($"The ledger file '{path}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
