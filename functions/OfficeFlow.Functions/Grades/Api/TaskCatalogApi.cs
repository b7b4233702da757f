using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades.Policy;

namespace OfficeFlow.Functions.Grades.Api;

/// <summary>GET /api/tasks/catalog: the open month's task catalog, for the «Задача» pane's search.</summary>
public static class TaskCatalogApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tasks/catalog", Get)
            .WithName("TasksCatalog")
            .WithSummary("The task catalog of the policy in force in the open month, by code: title, complexity class, points, category.")
            .RequireAuthorization(Roles.AnyRole);
    }

    public static Results<Ok<TaskCatalogResponse>, ProblemHttpResult> Get(GradesService grades)
    {
        var month = grades.OpenMonth;
        if (!grades.HasPolicy(month))
        {
            return GradesProblems.NoPolicy(month.ToString());
        }

        var policy = grades.PolicyFor(month);
        var tasks = policy.Catalog
            .OrderBy(t => t.Code, TaskCodeComparer.Instance)
            .Select(t => new CatalogTaskResponse(t.Code, t.TitleRu, t.Class, t.Points, t.Category))
            .ToList();
        return TypedResults.Ok(new TaskCatalogResponse(month.ToString(), policy.Version, tasks));
    }
}

/// <summary>The body of GET /api/tasks/catalog.</summary>
public sealed record TaskCatalogResponse(string Month, string PolicyVersion, IReadOnlyList<CatalogTaskResponse> Tasks);

/// <summary>One task of the catalog; <see cref="Title"/> is the Russian title, <see cref="Category"/> the category code.</summary>
public sealed record CatalogTaskResponse(string Code, string Title, int ComplexityClass, decimal Points, string Category);

/// <summary>Orders task codes the way the firm's list numbers them: 1.2 before 1.10 (each dotted part as a number).</summary>
public sealed class TaskCodeComparer : IComparer<string>
{
    public static readonly TaskCodeComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n)
                ? m.CompareTo(n)
                : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
