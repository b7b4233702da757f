using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Hosting;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>Checks a log-email request before anything is written; each message says what to fix (in Russian, for the add-in).</summary>
public static class LogEmailValidation
{
    public const int MaxBodyChars = 1_000_000;
    public const int MaxSubject = 1000;
    public const int MaxRecipients = 500;

    public static Dictionary<string, string[]> Validate(LogEmailRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.InternetMessageId) || request.InternetMessageId.Length > 1000)
        {
            errors["internetMessageId"] = ["Нужен internetMessageId письма (заголовок Message-ID, до 1000 символов): по нему письмо записывается один раз."];
        }

        if (request.From is null || !IsAddress(request.From.Address))
        {
            errors["from.address"] = ["Нужен адрес отправителя (from.address), например ivan@romashka.ru."];
        }

        if (!InputLimits.Fits(request.From?.Name, InputLimits.Name))
        {
            errors["from.name"] = [$"Имя отправителя — до {InputLimits.Name} символов."];
        }

        if (!InputLimits.Fits(request.Subject, MaxSubject))
        {
            errors["subject"] = [$"Тема письма — до {MaxSubject} символов."];
        }

        if (string.IsNullOrWhiteSpace(request.BodyText) && string.IsNullOrWhiteSpace(request.BodyHtml))
        {
            errors["bodyText"] = [string.IsNullOrWhiteSpace(request.ItemId)
                ? "Передайте текст письма: bodyText или bodyHtml."
                : "Передайте текст письма (bodyText или bodyHtml): чтение письма по itemId через Microsoft Graph от имени пользователя здесь не настроено."];
        }
        else if ((request.BodyText?.Length ?? 0) + (request.BodyHtml?.Length ?? 0) > MaxBodyChars)
        {
            errors["bodyText"] = [$"Текст письма длиннее {MaxBodyChars} символов: передайте только текст без вложений."];
        }

        foreach (var (field, parties) in new[] { ("to", request.To), ("cc", request.Cc) })
        {
            if (parties is not null && parties.Any(p => p is null || !IsAddress(p.Address) || !InputLimits.Fits(p.Name, InputLimits.Name)))
            {
                errors[field] = [$"В списке {field} есть получатель без правильного адреса (до {InputLimits.Email} символов) или с именем длиннее {InputLimits.Name}."];
            }
            else if (parties?.Count > MaxRecipients)
            {
                errors[field] = [$"В списке {field} не больше {MaxRecipients} получателей."];
            }
        }

        return errors;
    }

    private static bool IsAddress(string? address) => address is { Length: <= InputLimits.Email } && MailAddress.IsValid(address);
}
