using System.Globalization;
using System.Net.Mail;
using OfficeFlow.Functions.Hosting;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;

namespace OfficeFlow.Functions.Invoices.Api;

/// <summary>Checks a create request and turns it into a draft; every problem is reported at once, by field, in Russian.
/// Its limits are <see cref="InputLimits"/>', the set a contract request (ContractRequest) is held to as well.</summary>
public static class InvoiceDraftValidator
{
    /// <summary>The draft's parts, or the errors by field (<c>lines[2].price</c>).</summary>
    public static (Func<int, string, Invoice>? Build, Dictionary<string, string[]> Errors) Validate(
        CreateInvoiceRequest? request, InvoicesOptions options, DateOnly today, string userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string field, string message) => errors[field] = errors.TryGetValue(field, out var e) ? [.. e, message] : [message];

        if (request is null)
        {
            Error("body", "Пришёл пустой запрос: нужен JSON со счётом (clientId, clientName, lines).");
            return (null, errors);
        }

        var clientId = request.ClientId?.Trim();
        if (!InputLimits.IsSafeId(clientId, InputLimits.ClientId))
        {
            Error("clientId", $"Укажите клиента (clientId, до {InputLimits.ClientId} символов, без / \\ # ?).");
        }

        var clientName = request.ClientName?.Trim();
        if (string.IsNullOrEmpty(clientName) || clientName.Length > InputLimits.Name)
        {
            Error("clientName", $"Укажите наименование клиента (до {InputLimits.Name} символов).");
        }

        var contractId = string.IsNullOrWhiteSpace(request.ContractId) ? null : request.ContractId.Trim();
        if (contractId is not null && !InputLimits.IsSafeId(contractId))
        {
            Error("contractId", $"Номер договора (contractId) — до {InputLimits.Id} символов, без / \\ # ?.");
        }

        var email = string.IsNullOrWhiteSpace(request.ClientEmail) ? null : request.ClientEmail.Trim();
        if (email is not null && (email.Length > InputLimits.Email || !MailAddress.TryCreate(email, out _)))
        {
            Error("clientEmail", $"Адрес «{Echo.Short(email)}» не похож на e-mail (до {InputLimits.Email} символов).");
        }

        DateOnly? dueDate = null;
        if (request.DueDate is not null)
        {
            if (!TryDate(request.DueDate, out var due))
            {
                Error("dueDate", "Срок оплаты — дата в виде ГГГГ-ММ-ДД.");
            }
            else if (due < today)
            {
                Error("dueDate", "Срок оплаты не может быть в прошлом.");
            }
            else
            {
                dueDate = due;
            }
        }

        if (request.PaymentTermDays is int term && term is < 0 or > 365)
        {
            Error("paymentTermDays", "Отсрочка оплаты — от 0 до 365 дней.");
        }

        if (request.DueDate is not null && request.PaymentTermDays is not null)
        {
            Error("dueDate", "Укажите либо срок оплаты (dueDate), либо отсрочку в днях (paymentTermDays), не оба.");
        }

        var mode = options.VatMode;
        if (request.VatMode is not null && !Enum.TryParse(request.VatMode, ignoreCase: true, out mode))
        {
            Error("vatMode", "Режим НДС: \"included\" (цена включает НДС) или \"onTop\" (НДС сверху).");
        }

        DateOnly? acceptedOn = null;
        if (request.AcceptedOn is not null)
        {
            if (TryDate(request.AcceptedOn, out var accepted))
            {
                acceptedOn = accepted;
            }
            else
            {
                Error("acceptedOn", "Дата приёмки работ — в виде ГГГГ-ММ-ДД.");
            }
        }

        var currency = string.IsNullOrWhiteSpace(request.Currency) ? options.Currency : request.Currency.Trim().ToUpperInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            Error("currency", "Валюта — трёхбуквенный код ISO 4217, например RUB.");
        }

        var lines = ValidateLines(request.Lines, options, Error);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        int? termDays = dueDate is null ? request.PaymentTermDays ?? options.DefaultPaymentTermDays : null;
        Invoice Build(int number, string id) => new()
        {
            Id = id,
            Year = today.Year,
            Number = number,
            ClientId = clientId!,
            ClientName = clientName!,
            ClientEmail = email,
            ContractId = contractId,
            IssueDate = today,
            DueDate = dueDate ?? today.AddDays(termDays!.Value),
            PaymentTermDays = termDays,
            Currency = currency,
            VatMode = mode,
            Lines = lines,
            AcceptedOn = acceptedOn,
            DoNotRemind = request.DoNotRemind ?? false,
            CreatedBy = userId,
            CreatedAt = now,
        };

        return (Build, errors);
    }

    private static List<InvoiceLine> ValidateLines(IReadOnlyList<InvoiceLineRequest>? requested, InvoicesOptions options, Action<string, string> error)
    {
        var lines = new List<InvoiceLine>();
        if (requested is null || requested.Count == 0)
        {
            error("lines", "В счёте нет ни одной строки: добавьте хотя бы одну позицию.");
            return lines;
        }

        if (requested.Count > InputLimits.Lines)
        {
            error("lines", $"В счёте не больше {InputLimits.Lines} строк.");
            return lines;
        }

        var lineErrors = 0;
        void LineError(string field, string message)
        {
            lineErrors++;
            error(field, message);
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var line = requested[i];
            var at = $"lines[{i}]";
            if (line is null)
            {
                LineError(at, "Пустая строка счёта.");
                continue;
            }

            var item = line.Item?.Trim();
            if (string.IsNullOrEmpty(item) || item.Length > InputLimits.Text)
            {
                LineError(at + ".item", $"Укажите наименование товара или услуги (до {InputLimits.Text} символов).");
            }

            if (!InputLimits.Fits(line.Unit, InputLimits.Unit))
            {
                LineError(at + ".unit", $"Единица измерения — до {InputLimits.Unit} символов, например «шт» или «мес.».");
            }

            if (line.Quantity is not decimal quantity || quantity <= 0 || quantity > InputLimits.Quantity)
            {
                LineError(at + ".quantity", "Количество — число больше нуля.");
                quantity = 0;
            }

            if (line.Price is not decimal price || price < 0 || price > InputLimits.Price || decimal.Round(price, 2) != price)
            {
                LineError(at + ".price", "Цена — неотрицательная сумма в рублях, не точнее копейки.");
                price = 0;
            }

            var rate = options.DefaultVatRate;
            if (line.VatRate is not null && !VatRates.TryParse(line.VatRate, out rate))
            {
                LineError(at + ".vatRate", $"Ставка НДС «{Echo.Short(line.VatRate)}» не поддерживается: {VatRates.Accepted}.");
            }

            var kind = LineKind.OneOff;
            if (line.Kind is not null && !Enum.TryParse(line.Kind, ignoreCase: true, out kind))
            {
                LineError(at + ".kind", "Вид строки: \"oneOff\" (разовые работы) или \"subscription\" (абонентская плата).");
            }

            var unit = string.IsNullOrWhiteSpace(line.Unit) ? "шт" : line.Unit.Trim();
            lines.Add(new InvoiceLine(item ?? "", quantity, unit, price, rate, kind));
        }

        if (lineErrors == 0 && InvoiceMath.Totals(lines, VatMode.Included).Total <= 0)
        {
            error("lines", "Сумма счёта получается нулевой: проверьте цены и количества.");
        }

        return lines;
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
