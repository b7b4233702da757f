using System.Text.Json;
using OfficeFlow.Functions.Grades.Computation;
using OfficeFlow.Functions.Grades.Ledger;
using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades;

/// <summary>
/// Who is graded: a JSON file { "employees": [ { "id", "name", "role", "joined", "left" } ] } kept by the admin
/// (Grades:EmployeesFile). The id is the person's Entra object id, the same id their ledger entries carry.
/// </summary>
public static class Staff
{
    private sealed record StaffFile(IReadOnlyList<LedgerFileEmployee> Employees);

    public static IReadOnlyList<Employee> Load(string path)
    {
        StaffFile? file;
        try
        {
            file = JsonSerializer.Deserialize<StaffFile>(File.ReadAllText(path), LedgerFile.JsonOptions);
        }
        catch (JsonException e)
        {
            throw new PolicyValidationException(path, [$"{e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}"]);
        }

        var ledger = new LedgerFile { Employees = file?.Employees ?? [] };
        var errors = ledger.Validate();
        if (errors.Count > 0)
        {
            throw new PolicyValidationException(path, errors);
        }

        return ledger.ToEmployees();
    }
}

/// <summary>The graded employees, loaded once from <see cref="GradesSettings.EmployeesFile"/>.</summary>
public sealed record GradesStaff(IReadOnlyList<Employee> Employees);
