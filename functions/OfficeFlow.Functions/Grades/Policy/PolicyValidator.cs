using OfficeFlow.Functions.Grades.Computation;

namespace OfficeFlow.Functions.Grades.Policy;

/// <summary>Checks a policy before it is used; every message names the entry to fix.</summary>
public static class PolicyValidator
{
    /// <summary>The OfficeFlow events that can log a task automatically.</summary>
    public static readonly IReadOnlySet<string> KnownEvents = new HashSet<string>(StringComparer.Ordinal)
    {
        TaskEvents.ContactLogged, TaskEvents.ClientCreated, TaskEvents.ContractGenerated,
        TaskEvents.InvoiceIssued, TaskEvents.ReminderSent, TaskEvents.PaymentLinked,
    };

    private static readonly HashSet<string> Frequencies = new(StringComparer.Ordinal) { "daily", "weekly", "monthly", "quarterly", "rare" };

    public static IReadOnlyList<string> Validate(GradesPolicy policy)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(policy.Version))
        {
            errors.Add("version: is required");
        }

        if (!GradesMonth.TryParse(policy.EffectiveFrom, out _))
        {
            errors.Add($"effectiveFrom: '{policy.EffectiveFrom}' is not a month in the form yyyy-MM");
        }

        ValidateCalendar(policy, errors);

        var categories = Unique(policy.Categories, c => c.Code, "categories", errors);
        for (var i = 0; i < policy.Categories.Count; i++)
        {
            // The workbook's SUMIFS use the title as a criterion, where * ? ~ are wildcards and a leading = < > an operator.
            var title = policy.Categories[i].TitleRu;
            if (string.IsNullOrWhiteSpace(title) || title.IndexOfAny(['*', '?', '~']) >= 0 || title[0] is '=' or '<' or '>')
            {
                errors.Add($"categories[{i}] (code '{policy.Categories[i].Code}'): titleRu is required and may not contain * ? ~ or start with = < >");
            }
        }

        // The workbook finds a role's numbers by its Russian title, so titles must differ.
        Unique(policy.Roles, r => r.TitleRu, "roles (titleRu)", errors);
        var classes = new HashSet<int>();
        for (var i = 0; i < policy.Classes.Count; i++)
        {
            var c = policy.Classes[i];
            if (c.Class is < 1 or > 4 || !classes.Add(c.Class))
            {
                errors.Add($"classes[{i}]: class {c.Class} must be 1, 2, 3 or 4 and appear once");
            }
        }

        ValidateCatalog(policy, categories, classes, errors);
        ValidateRoles(policy, errors);
        ValidateBands(policy, errors);

        Unique(policy.Deductions, d => d.Code, "deductions", errors);
        for (var i = 0; i < policy.Deductions.Count; i++)
        {
            if (policy.Deductions[i].Amount < 0)
            {
                errors.Add($"deductions[{i}] (code '{policy.Deductions[i].Code}'): amount must not be negative");
            }
        }

        if (policy.Head.Share is <= 0 or > 1)
        {
            errors.Add($"head.share: {policy.Head.Share} must be greater than 0 and at most 1");
        }

        if (policy.Head.GuaranteedMinimum < 0)
        {
            errors.Add("head.guaranteedMinimum: must not be negative");
        }

        if (policy.FindRole(policy.Head.Role) is null)
        {
            errors.Add($"head.role: '{policy.Head.Role}' is not one of roles[].role");
        }

        return errors;
    }

    private static void ValidateCalendar(GradesPolicy policy, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(policy.Calendar.Name))
        {
            errors.Add("calendar.name: is required (name the production calendar used)");
        }

        if (policy.Calendar.Years.Count == 0)
        {
            errors.Add("calendar.years: at least one year is required");
        }

        var years = new HashSet<int>();
        for (var i = 0; i < policy.Calendar.Years.Count; i++)
        {
            var year = policy.Calendar.Years[i];
            if (!years.Add(year.Year))
            {
                errors.Add($"calendar.years[{i}]: year {year.Year} appears twice");
            }

            foreach (var day in year.DaysOff.Where(d => d.Year != year.Year || d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add($"calendar.years[{i}] ({year.Year}): day off {day:yyyy-MM-dd} must be a weekday of {year.Year}");
            }

            foreach (var day in year.WorkingWeekends.Where(d => d.Year != year.Year || d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            {
                errors.Add($"calendar.years[{i}] ({year.Year}): working weekend {day:yyyy-MM-dd} must be a Saturday or Sunday of {year.Year}");
            }
        }
    }

    private static void ValidateCatalog(GradesPolicy policy, HashSet<string> categories, HashSet<int> classes, List<string> errors)
    {
        if (policy.Catalog.Count == 0)
        {
            errors.Add("catalog: at least one task is required");
        }

        Unique(policy.Catalog, t => t.Code, "catalog", errors);
        var events = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Catalog.Count; i++)
        {
            var t = policy.Catalog[i];
            var at = $"catalog[{i}] (code '{t.Code}')";
            if (string.IsNullOrWhiteSpace(t.TitleRu) || string.IsNullOrWhiteSpace(t.TitleEn))
            {
                errors.Add($"{at}: titleRu and titleEn are required");
            }

            if (!categories.Contains(t.Category))
            {
                errors.Add($"{at}: category '{t.Category}' is not one of categories[].code");
            }

            if (!classes.Contains(t.Class))
            {
                errors.Add($"{at}: class {t.Class} is not one of classes[].class");
            }

            if (t.Points <= 0)
            {
                errors.Add($"{at}: points must be greater than 0");
            }

            if (!Frequencies.Contains(t.Frequency))
            {
                errors.Add($"{at}: frequency '{t.Frequency}' must be one of {string.Join(", ", Frequencies)}");
            }

            if (t.AutoEvent is not null)
            {
                if (!KnownEvents.Contains(t.AutoEvent))
                {
                    errors.Add($"{at}: autoEvent '{t.AutoEvent}' must be one of {string.Join(", ", KnownEvents)} or null");
                }
                else if (!events.TryAdd(t.AutoEvent, t.Code))
                {
                    errors.Add($"{at}: autoEvent '{t.AutoEvent}' is already the event of task '{events[t.AutoEvent]}'");
                }
            }
        }
    }

    private static void ValidateRoles(GradesPolicy policy, List<string> errors)
    {
        Unique(policy.Roles, r => r.Role, "roles", errors);
        for (var i = 0; i < policy.Roles.Count; i++)
        {
            var r = policy.Roles[i];
            var at = $"roles[{i}] (role '{r.Role}')";
            if (string.IsNullOrWhiteSpace(r.TitleRu))
            {
                errors.Add($"{at}: titleRu is required");
            }

            if (r.PlanPointsPerWorkingDay <= 0)
            {
                errors.Add($"{at}: planPointsPerWorkingDay must be greater than 0");
            }

            if (r.BasePay < 0 || r.TargetBonus < 0 || r.BonusFloor < 0 || r.GuaranteedMinimum < 0)
            {
                errors.Add($"{at}: basePay, targetBonus, bonusFloor and guaranteedMinimum must not be negative");
            }

            if (r.BonusCap < r.BonusFloor)
            {
                errors.Add($"{at}: bonusCap {r.BonusCap} must not be below bonusFloor {r.BonusFloor}");
            }

            if (r.Role == policy.Head.Role && (r.BasePay != 0 || r.TargetBonus != 0 || r.BonusCap != 0 || r.GuaranteedMinimum != 0))
            {
                errors.Add($"{at}: basePay, targetBonus, bonusCap and guaranteedMinimum must be 0: the head is paid by the head scheme (head.share, head.guaranteedMinimum)");
            }
        }

        if (policy.Roles.Count == 0)
        {
            errors.Add("roles: at least one role is required");
        }
    }

    private static void ValidateBands(GradesPolicy policy, List<string> errors)
    {
        if (policy.Bands.Count == 0 || policy.Bands.All(b => b.MinFulfilment != 0))
        {
            errors.Add("bands: a band with minFulfilment 0 is required so that every fulfilment has a band");
        }

        Unique(policy.Bands, b => b.Band, "bands", errors);
        for (var i = 0; i < policy.Bands.Count; i++)
        {
            var b = policy.Bands[i];
            if (b.MinFulfilment < 0 || b.Coefficient < 0)
            {
                errors.Add($"bands[{i}] (band '{b.Band}'): minFulfilment and coefficient must not be negative");
            }

            if (i > 0 && b.MinFulfilment <= policy.Bands[i - 1].MinFulfilment)
            {
                errors.Add($"bands[{i}] (band '{b.Band}'): minFulfilment {b.MinFulfilment} must be greater than the previous band's; list bands from lowest to highest");
            }
        }
    }

    private static HashSet<string> Unique<T>(IReadOnlyList<T> items, Func<T, string> key, string name, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var k = key(items[i]);
            if (string.IsNullOrWhiteSpace(k))
            {
                errors.Add($"{name}[{i}]: code is required");
            }
            else if (!seen.Add(k))
            {
                errors.Add($"{name}[{i}]: '{k}' appears more than once");
            }
        }

        return seen;
    }
}
