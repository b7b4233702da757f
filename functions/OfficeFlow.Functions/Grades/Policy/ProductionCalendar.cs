namespace OfficeFlow.Functions.Grades.Policy;

/// <summary>
/// A Russian production calendar (производственный календарь): Saturdays and Sundays are days off,
/// except the listed working weekends; the listed holidays and transferred days off are days off too.
/// </summary>
public sealed class ProductionCalendar
{
    public string Name { get; init; } = "";

    /// <summary>The legal act the dates come from, e.g. "Постановление Правительства РФ от 24.09.2025 № 1466".</summary>
    public string Source { get; init; } = "";

    public IReadOnlyList<CalendarYear> Years { get; init; } = [];

    public bool Covers(int year) => Years.Any(y => y.Year == year);

    public bool IsWorkingDay(DateOnly day)
    {
        var year = Years.FirstOrDefault(y => y.Year == day.Year)
            ?? throw new InvalidOperationException($"The production calendar '{Name}' has no year {day.Year}.");
        if (year.WorkingWeekends.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !year.DaysOff.Contains(day);
    }

    /// <summary>Working days in [from, to], both inclusive.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

public sealed class CalendarYear
{
    public int Year { get; init; }

    /// <summary>Weekdays that are not worked: public holidays and days off transferred onto weekdays.</summary>
    public IReadOnlyList<DateOnly> DaysOff { get; init; } = [];

    /// <summary>Saturdays or Sundays made working days by a transfer.</summary>
    public IReadOnlyList<DateOnly> WorkingWeekends { get; init; } = [];
}
