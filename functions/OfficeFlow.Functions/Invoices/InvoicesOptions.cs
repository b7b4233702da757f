using OfficeFlow.Functions.Hosting.Schedules;
using OfficeFlow.Functions.Invoices.Money;
using OfficeFlow.Functions.Invoices.Reminders;

namespace OfficeFlow.Functions.Invoices;

/// <summary>The <c>Invoices:*</c> settings, read once at start-up; a bad value stops the app with a message naming the key.</summary>
public sealed class InvoicesOptions
{
    /// <summary><c>Invoices:DefaultVatRate</c>: the rate of a line that names none. Default "22".</summary>
    public VatRate DefaultVatRate { get; init; } = VatRate.Vat22;

    /// <summary><c>Invoices:VatMode</c>: "Included" (default) or "OnTop".</summary>
    public VatMode VatMode { get; init; } = VatMode.Included;

    /// <summary><c>Invoices:DefaultPaymentTermDays</c>: days from issue to due when the request gives neither. Default 10.</summary>
    public int DefaultPaymentTermDays { get; init; } = 10;

    /// <summary><c>Invoices:Currency</c>: default "RUB".</summary>
    public string Currency { get; init; } = "RUB";

    /// <summary><c>Invoices:TimeZone</c>: whose calendar decides "today" (issue dates, overdue days). Default: the app-wide zone (WEBSITE_TIME_ZONE, TZ, else Europe/Moscow).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    /// <summary><c>Invoices:ReminderSteps</c>: default "-3,1,7,14".</summary>
    public ReminderSchedule ReminderSchedule { get; init; } = ReminderSchedule.Default;


    /// <summary>Today's date in <see cref="TimeZone"/>.</summary>
    public DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone).DateTime);
    }

    public static InvoicesOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Invoices");
        var options = new InvoicesOptions();

        var rate = options.DefaultVatRate;
        if (section["DefaultVatRate"] is { } rateText && !VatRates.TryParse(rateText, out rate))
        {
            throw new InvalidOperationException($"Invoices:DefaultVatRate '{rateText}' is not a VAT rate; use 22, 10, 0 or \"без НДС\".");
        }

        var mode = options.VatMode;
        if (section["VatMode"] is { } modeText && !Enum.TryParse(modeText, ignoreCase: true, out mode))
        {
            throw new InvalidOperationException($"Invoices:VatMode '{modeText}' is neither 'Included' nor 'OnTop'.");
        }

        var term = options.DefaultPaymentTermDays;
        if (section["DefaultPaymentTermDays"] is { } termText && (!int.TryParse(termText, out term) || term is < 0 or > 365))
        {
            throw new InvalidOperationException($"Invoices:DefaultPaymentTermDays '{termText}' is not a number of days from 0 to 365.");
        }

        var zone = AppTimeZone.Resolve(configuration);
        if (section["TimeZone"] is { } zoneText && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneText, out zone))
        {
            throw new InvalidOperationException($"Invoices:TimeZone '{zoneText}' is not a known time zone (e.g. Europe/Moscow).");
        }

        ReminderSchedule schedule;
        try
        {
            schedule = section["ReminderSteps"] is { } steps ? ReminderSchedule.Parse(steps) : options.ReminderSchedule;
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        return new InvoicesOptions
        {
            DefaultVatRate = rate,
            VatMode = mode,
            DefaultPaymentTermDays = term,
            Currency = section["Currency"] ?? options.Currency,
            TimeZone = zone!,
            ReminderSchedule = schedule,
        };
    }
}
