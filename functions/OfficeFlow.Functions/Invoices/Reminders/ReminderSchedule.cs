using System.Globalization;

namespace OfficeFlow.Functions.Invoices.Reminders;

/// <summary>
/// The escalation schedule (setting <c>Invoices:ReminderSteps</c>, default "-3,1,7,14": three days before the
/// due date, then 1, 7 and 14 days after). On a given day an open invoice gets the latest step whose date has
/// come; earlier steps it missed (the timer was down, the invoice was issued late) are not sent in a burst.
/// </summary>
public sealed class ReminderSchedule
{
    public const string DefaultSteps = "-3,1,7,14";

    public ReminderSchedule(IEnumerable<ReminderStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps.Distinct().OrderBy(s => s.OffsetDays).ToArray();
        if (Steps.Count == 0)
        {
            throw new ArgumentException("A reminder schedule needs at least one step.", nameof(steps));
        }
    }

    public IReadOnlyList<ReminderStep> Steps { get; }

    public static ReminderSchedule Default { get; } = Parse(DefaultSteps);

    /// <summary>Parses "-3,1,7,14" (days relative to the due date, comma or space separated); the message names the bad part.</summary>
    public static ReminderSchedule Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"Invoices:ReminderSteps is empty; give days relative to the due date, e.g. \"{DefaultSteps}\".");
        }

        var steps = new List<ReminderStep>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days) || days is < -365 or > 365)
            {
                throw new FormatException($"Invoices:ReminderSteps has '{part}', which is not a whole number of days between -365 and 365 (e.g. \"{DefaultSteps}\").");
            }

            steps.Add(new ReminderStep(days));
        }

        return new ReminderSchedule(steps);
    }

    /// <summary>The step to send on <paramref name="today"/> for an invoice due on <paramref name="dueDate"/>, or null before the first step.</summary>
    public ReminderStep? StepDue(DateOnly dueDate, DateOnly today)
    {
        ReminderStep? due = null;
        foreach (var step in Steps)
        {
            if (step.DateFor(dueDate) <= today)
            {
                due = step;
            }
        }

        return due;
    }

    public override string ToString() => string.Join(",", Steps.Select(s => s.OffsetDays.ToString(CultureInfo.InvariantCulture)));
}
