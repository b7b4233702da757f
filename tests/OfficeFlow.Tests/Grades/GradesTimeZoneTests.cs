using System.Net;
using System.Net.Http.Json;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades.Api;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Grades;

/// <summary>Grades has no time zone of its own: months follow the app's one zone (WEBSITE_TIME_ZONE / TZ), the timers' zone.</summary>
public sealed class GradesTimeZoneTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Anna = "6f1c2a8e-1d3b-4c55-9a0e-3b7f6a2d9c41";

    // 31 October 22:30 UTC is already 1 November 01:30 in Moscow.
    private static readonly DateTimeOffset LateOctoberUtc = new(2026, 10, 31, 22, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("UTC", "2026-10")]
    [InlineData("Europe/Moscow", "2026-11")]
    public async Task ATaskAtMidnightInMoscow_BelongsToTheMonthOfTheAppsTimeZone(string appTimeZone, string expectedMonth)
    {
        using var factory = new GradesAppFactory(azurite, LateOctoberUtc, timeZone: appTimeZone);
        var anna = factory.CreateClient();
        anna.DefaultRequestHeaders.Authorization = new("Bearer",
            DevTokenIssuer.Issue(TestTokens.Key, new DevTokenRequest(Anna, [Roles.Manager], "Anna", TimeSpan.FromHours(1)), factory.Time));

        var created = await anna.PostAsJsonAsync("/api/tasks", new { taskCode = "2.9", requestId = "tz-1", at = LateOctoberUtc });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var grades = await anna.GetFromJsonAsync<MonthGradesResponse>($"/api/grades/{expectedMonth}");
        Assert.Equal(8m, Assert.Single(grades!.Employees).Points);
    }
}
