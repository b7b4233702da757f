using System.Globalization;

namespace OfficeFlow.Functions.Invoices.Reminders;

/// <summary>One step of the escalation schedule: days relative to the due date (-3 = three days before, 7 = a week after).</summary>
public readonly record struct ReminderStep(int OffsetDays)
{
    /// <summary>A stable name for the step's marker row: "before3", "due0", "after7".</summary>
    public string Key => OffsetDays switch
    {
        < 0 => "before" + (-OffsetDays).ToString(CultureInfo.InvariantCulture),
        0 => "due0",
        _ => "after" + OffsetDays.ToString(CultureInfo.InvariantCulture),
    };

    public bool IsBeforeDue => OffsetDays < 0;

    public DateOnly DateFor(DateOnly dueDate) => dueDate.AddDays(OffsetDays);
}
